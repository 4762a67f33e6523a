# docent's interface, in English. Keys are shared by every language; a key missing in
# another language falls back to the course's default language with a warning.

skip-link = Skip to content
nav-chapters-label = Chapter list
nav-previous = Previous
nav-next = Next
nav-pager-label = Previous and next chapter
nav-home = Course home
nav-keys-hint = Tip: the ← and → keys move between chapters.
toc-title = On this page
menu-button = Menu
menu-button-label = Menu: show or hide the chapter list
theme-dark = Dark theme
language-label = Language
language-switcher-label = Read this page in another language
heading-anchor = Link to this section
code-copy = Copy
code-copied = Copied
alert-note = Note
alert-tip = Tip
alert-important = Important
alert-warning = Warning
alert-caution = Caution
fallback-notice = This chapter has not been translated into { $language } yet; you are reading it in { $source }.
draft-notice = Draft preview: this page is not published.
home-start = Start the course
home-chapters = What you will learn
home-chapter-count = { $count ->
    [one] { $count } chapter
   *[other] { $count } chapters
}
print-link = Print version
print-intro = Every chapter of the course on one page, ready to print or save as PDF.
notfound-title = Page not found
notfound-text = The page you asked for does not exist. It may have moved when the course was reorganised.
notfound-home = Go to the course home
chooser-title = Choose your language
chooser-remember = Your choice is remembered on this device.
chapter-number = Chapter { $number }
footer-built-with = Built with docent
footer-repository = Source code
page-title-separator = —
annotation-label = Note
annotation-close = Close note
annotations-label = Notes on the code above
stage-map-label = Stage map
stage-map-final = final image
stage-map-external = external image
compare-legend = Lines only on one side are marked: + added, − removed.
chart-label-column = Item
quiz-title = Check yourself
quiz-check = Check
quiz-right = Right!
quiz-wrong = Not quite. Try again, or open the answer below.
quiz-choose = Choose an answer first.
quiz-show-answer = Show the answer
quiz-answer = Answer:
annotation-goto = go to line
search-label = Search the course
search-placeholder = Search (press /)
search-none = No results.
search-unavailable = Search is unavailable: its index could not be loaded. Reload the page to try again.
search-count =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
stale-notice = This translation may be out of date: the original chapter changed after it was translated.
stale-link = Read the original
task-done = Done
task-open = Not done yet
table-label = Table (scrolls sideways on small screens)
footnote-back = Back to reference
nav-all-chapters = All chapters
compare-view-label = Show the comparison
compare-view-split = Side by side
compare-view-unified = Unified
quiz-score = Right so far: { $right } of { $total }
quiz-score-done = All answered: { $right } of { $total } right
code-keys-hint = In a code block, press ↓ to step through its notes and instruction explanations.
nav-toggle = Sub-chapters
search-other =
    { $count ->
        [one] { $count } result in { $language }
       *[other] { $count } results in { $language }
    }
page-edit = Edit this page
page-updated = Last updated on { $date }
date-long = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
progress-read = read
progress-quiz = quiz: { $right } of { $total } right
progress-continue = Continue where you left off:
progress-reset = Clear my reading progress
progress-cleared = Reading progress cleared.
print-contents = Contents

# Language names as this language writes them inside a sentence (the notice of a
# chapter not translated yet names the language it is shown in).
language-name-ar = Arabic
language-name-de = German
language-name-en = English
language-name-es = Spanish
language-name-fa = Persian
language-name-fr = French
language-name-he = Hebrew
language-name-hi = Hindi
language-name-id = Indonesian
language-name-it = Italian
language-name-ja = Japanese
language-name-ko = Korean
language-name-nl = Dutch
language-name-pl = Polish
language-name-pt-BR = Portuguese (Brazil)
language-name-pt-PT = Portuguese (Portugal)
language-name-ru = Russian
language-name-tr = Turkish
language-name-uk = Ukrainian
language-name-vi = Vietnamese
language-name-zh-CN = Chinese (Simplified)
language-name-zh-TW = Chinese (Traditional)
