# הממשק של docent בעברית.

skip-link = דילוג לתוכן
nav-chapters-label = רשימת הפרקים
nav-previous = הקודם
nav-next = הבא
nav-pager-label = הפרק הקודם והפרק הבא
nav-home = דף הבית של הקורס
nav-keys-hint = טיפ: אפשר לעבור בין הפרקים במקשים ← ו־→.
toc-title = בדף זה
menu-button = תפריט
menu-button-label = תפריט: הצגה או הסתרה של רשימת הפרקים
theme-dark = מצב כהה
language-label = שפה
language-switcher-label = קריאת הדף הזה בשפה אחרת
heading-anchor = קישור לסעיף הזה
code-copy = העתקה
code-copied = הועתק
alert-note = הערה
alert-tip = טיפ
alert-important = חשוב
alert-warning = אזהרה
alert-caution = זהירות
fallback-notice = הפרק הזה עדיין לא תורגם ל{ $language }; הוא מוצג כאן ב־{ $source }.
draft-notice = תצוגה מקדימה של טיוטה: הדף הזה לא מתפרסם.
home-start = להתחלת הקורס
home-chapters = מה לומדים בקורס
home-chapter-count = { $count ->
    [one] פרק אחד
    [two] שני פרקים
   *[other] { $count } פרקים
}
print-link = גרסה להדפסה
print-intro = כל פרקי הקורס בדף אחד, מוכנים להדפסה או לשמירה כ־PDF.
notfound-title = הדף לא נמצא
notfound-text = הדף המבוקש לא קיים. ייתכן שהוא הועבר כשהקורס אורגן מחדש.
notfound-home = חזרה לדף הבית של הקורס
chooser-title = בחירת שפה
chooser-remember = הבחירה תישמר במכשיר הזה.
chapter-number = פרק { $number }
footer-built-with = נבנה באמצעות docent
footer-repository = קוד המקור
page-title-separator = —
annotation-label = הערה
annotation-close = סגירת ההערה
annotations-label = הערות לקוד שלמעלה
stage-map-label = מפת השלבים
stage-map-final = אימג׳ סופי
stage-map-external = אימג׳ חיצוני
compare-legend = שורות שמופיעות רק בצד אחד מסומנות: + נוספה, − הוסרה.
chart-label-column = פריט
quiz-title = בוחן עצמי
quiz-check = בדיקה
quiz-right = נכון!
quiz-wrong = לא בדיוק. אפשר לנסות שוב או לפתוח את התשובה למטה.
quiz-choose = יש לבחור תשובה קודם.
quiz-show-answer = הצגת התשובה
quiz-answer = תשובה:
annotation-goto = מעבר לשורה
search-label = חיפוש בקורס
search-placeholder = חיפוש (מקש /)
search-none = אין תוצאות.
search-unavailable = החיפוש אינו זמין: לא ניתן היה לטעון את האינדקס. יש לטעון מחדש את הדף כדי לנסות שוב.
search-count =
    { $count ->
        [one] תוצאה אחת
        [two] שתי תוצאות
       *[other] { $count } תוצאות
    }
stale-notice = ייתכן שהתרגום הזה אינו עדכני: הפרק המקורי השתנה אחרי שתורגם.
stale-link = לקריאת המקור
task-done = בוצע
task-open = טרם בוצע
table-label = טבלה (במסכים קטנים אפשר לגלול אותה לצדדים)
footnote-back = חזרה להפניה
nav-all-chapters = כל הפרקים
compare-view-label = הצגת ההשוואה
compare-view-split = זה לצד זה
compare-view-unified = מאוחד
quiz-score = תשובות נכונות עד כה: { $right } מתוך { $total }
quiz-score-done = כל השאלות נענו: { $right } נכונות מתוך { $total }
code-keys-hint = בתוך בלוק קוד, המקש ↓ עובר בין ההערות שלו ובין ההסברים על ההוראות.
nav-toggle = תת־פרקים
search-other =
    { $count ->
        [one] תוצאה אחת ב־{ $language }
        [two] שתי תוצאות ב־{ $language }
       *[other] { $count } תוצאות ב־{ $language }
    }
page-edit = עריכת הדף
page-updated = עדכון אחרון: { $date }
date-long = { $day } ב{ $month } { $year }
month-1 = ינואר
month-2 = פברואר
month-3 = מרץ
month-4 = אפריל
month-5 = מאי
month-6 = יוני
month-7 = יולי
month-8 = אוגוסט
month-9 = ספטמבר
month-10 = אוקטובר
month-11 = נובמבר
month-12 = דצמבר
progress-read = נקרא
progress-quiz = בוחן: { $right } נכונות מתוך { $total }
progress-continue = המשך הקריאה מהמקום שבו הפסקת:
progress-reset = איפוס התקדמות הקריאה שלי
progress-cleared = התקדמות הקריאה אופסה.
print-contents = תוכן העניינים

# Language names, as written inside a sentence.
language-name-ar = ערבית
language-name-de = גרמנית
language-name-en = אנגלית
language-name-es = ספרדית
language-name-fa = פרסית
language-name-fr = צרפתית
language-name-he = עברית
language-name-hi = הינדי
language-name-id = אינדונזית
language-name-it = איטלקית
language-name-ja = יפנית
language-name-ko = קוריאנית
language-name-nl = הולנדית
language-name-pl = פולנית
language-name-pt-BR = פורטוגזית (ברזיל)
language-name-pt-PT = פורטוגזית (פורטוגל)
language-name-ru = רוסית
language-name-tr = טורקית
language-name-uk = אוקראינית
language-name-vi = וייטנאמית
language-name-zh-CN = סינית (פשוט)
language-name-zh-TW = סינית (מסורתי)
