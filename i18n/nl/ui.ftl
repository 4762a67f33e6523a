# De interface van docent in het Nederlands.

skip-link = Direct naar de inhoud
nav-chapters-label = Lijst met hoofdstukken
nav-previous = Vorige
nav-next = Volgende
nav-pager-label = Vorig en volgend hoofdstuk
nav-home = Startpagina van de cursus
nav-keys-hint = Tip: met de toetsen ← en → ga je naar het vorige of volgende hoofdstuk.
toc-title = Op deze pagina
menu-button = Menu
menu-button-label = Menu: lijst met hoofdstukken tonen of verbergen
theme-dark = Donker thema
language-label = Taal
language-switcher-label = Deze pagina in een andere taal lezen
heading-anchor = Link naar deze sectie
code-copy = Kopiëren
code-copied = Gekopieerd
alert-note = Opmerking
alert-tip = Tip
alert-important = Belangrijk
alert-warning = Waarschuwing
alert-caution = Let op
fallback-notice = Dit hoofdstuk is nog niet vertaald in het { $language }; je leest de versie in het { $source }.
draft-notice = Voorbeeld van een concept: deze pagina wordt niet gepubliceerd.
home-start = Start de cursus
home-chapters = Wat je gaat leren
home-chapter-count = { $count ->
    [one] { $count } hoofdstuk
   *[other] { $count } hoofdstukken
}
print-link = Afdrukversie
print-intro = Alle hoofdstukken van de cursus op één pagina, klaar om af te drukken of als pdf op te slaan.
notfound-title = Pagina niet gevonden
notfound-text = De pagina die je zoekt, bestaat niet. Misschien is ze verplaatst toen de cursus anders werd ingedeeld.
notfound-home = Naar de startpagina van de cursus
chooser-title = Kies je taal
chooser-remember = Je keuze wordt op dit apparaat onthouden.
chapter-number = Hoofdstuk { $number }
footer-built-with = Gemaakt met docent
footer-repository = Broncode
page-title-separator = –
annotation-label = Toelichting
annotation-close = Toelichting sluiten
annotations-label = Toelichtingen bij de code hierboven
stage-map-label = Overzicht van de fasen
stage-map-final = uiteindelijke image
stage-map-external = externe image
compare-legend = Regels die maar aan één kant staan, zijn gemarkeerd: + toegevoegd, − verwijderd.
chart-label-column = Item
quiz-title = Test jezelf
quiz-check = Controleren
quiz-right = Goed zo!
quiz-wrong = Niet helemaal. Probeer het opnieuw of klap hieronder het antwoord open.
quiz-choose = Kies eerst een antwoord.
quiz-show-answer = Antwoord tonen
quiz-answer = Antwoord:
annotation-goto = naar regel
search-label = Zoeken in de cursus
search-placeholder = Zoeken (druk op /)
search-none = Geen resultaten.
search-unavailable = Zoeken is niet beschikbaar: de index kon niet worden geladen. Laad de pagina opnieuw om het nog eens te proberen.
search-count =
    { $count ->
        [one] { $count } resultaat
       *[other] { $count } resultaten
    }
stale-notice = Deze vertaling is mogelijk verouderd: het oorspronkelijke hoofdstuk is gewijzigd nadat het werd vertaald.
stale-link = Origineel lezen
task-done = Klaar
task-open = Nog niet klaar
table-label = Tabel (op kleine schermen horizontaal scrollbaar)
footnote-back = Terug naar verwijzing
nav-all-chapters = Alle hoofdstukken
compare-view-label = Weergave van de vergelijking
compare-view-split = Naast elkaar
compare-view-unified = Samengevoegd
quiz-score = Tot nu toe goed: { $right } van { $total }
quiz-score-done = Alles beantwoord: { $right } van { $total } goed
code-keys-hint = Druk in een codeblok op ↓ om een voor een langs de toelichtingen en de uitleg bij de instructies te gaan.
nav-toggle = Subhoofdstukken
search-other =
    { $count ->
        [one] { $count } resultaat in het { $language }
       *[other] { $count } resultaten in het { $language }
    }
page-edit = Deze pagina bewerken
page-updated = Laatst bijgewerkt op { $date }
date-long = { $day } { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
progress-read = gelezen
progress-quiz = quiz: { $right } van { $total } goed
progress-continue = Verder waar je was gebleven:
progress-reset = Mijn leesvoortgang wissen
progress-cleared = Leesvoortgang gewist.
print-contents = Inhoudsopgave

# Language names, as written inside a sentence.
language-name-ar = Arabisch
language-name-de = Duits
language-name-en = Engels
language-name-es = Spaans
language-name-fa = Perzisch
language-name-fr = Frans
language-name-he = Hebreeuws
language-name-hi = Hindi
language-name-id = Indonesisch
language-name-it = Italiaans
language-name-ja = Japans
language-name-ko = Koreaans
language-name-nl = Nederlands
language-name-pl = Pools
language-name-pt-BR = Portugees (Brazilië)
language-name-pt-PT = Portugees (Portugal)
language-name-ru = Russisch
language-name-tr = Turks
language-name-uk = Oekraïens
language-name-vi = Vietnamees
language-name-zh-CN = Chinees (vereenvoudigd)
language-name-zh-TW = Chinees (traditioneel)
