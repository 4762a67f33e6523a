# Die Oberfläche von docent auf Deutsch.

skip-link = Zum Inhalt springen
nav-chapters-label = Kapitelliste
nav-previous = Zurück
nav-next = Weiter
nav-pager-label = Vorheriges und nächstes Kapitel
nav-home = Startseite des Kurses
nav-keys-hint = Tipp: Mit den Tasten ← und → wechseln Sie zwischen den Kapiteln.
toc-title = Auf dieser Seite
menu-button = Menü
menu-button-label = Menü: Kapitelliste ein- oder ausblenden
theme-dark = Dunkles Design
language-label = Sprache
language-switcher-label = Diese Seite in einer anderen Sprache lesen
heading-anchor = Link zu diesem Abschnitt
code-copy = Kopieren
code-copied = Kopiert
alert-note = Hinweis
alert-tip = Tipp
alert-important = Wichtig
alert-warning = Warnung
alert-caution = Vorsicht
fallback-notice = Dieses Kapitel gibt es noch nicht auf { $language }; Sie lesen es auf { $source }.
draft-notice = Entwurfsvorschau: Diese Seite wird nicht veröffentlicht.
home-start = Kurs starten
home-chapters = Das lernen Sie
home-chapter-count = { $count ->
    [one] { $count } Kapitel
   *[other] { $count } Kapitel
}
print-link = Druckversion
print-intro = Alle Kapitel des Kurses auf einer Seite – bereit zum Drucken oder zum Speichern als PDF.
notfound-title = Seite nicht gefunden
notfound-text = Die angeforderte Seite existiert nicht. Vielleicht wurde sie verschoben, als der Kurs neu gegliedert wurde.
notfound-home = Zur Startseite des Kurses
chooser-title = Sprache wählen
chooser-remember = Ihre Auswahl wird auf diesem Gerät gespeichert.
chapter-number = Kapitel { $number }
footer-built-with = Erstellt mit docent
footer-repository = Quellcode
page-title-separator = –
annotation-label = Anmerkung
annotation-close = Anmerkung schließen
annotations-label = Anmerkungen zum obigen Code
stage-map-label = Übersicht der Stufen
stage-map-final = finales Image
stage-map-external = externes Image
compare-legend = Zeilen, die nur auf einer Seite stehen, sind markiert: + hinzugefügt, − entfernt.
chart-label-column = Eintrag
quiz-title = Testen Sie Ihr Wissen
quiz-check = Prüfen
quiz-right = Richtig!
quiz-wrong = Nicht ganz. Versuchen Sie es noch einmal oder klappen Sie unten die Antwort auf.
quiz-choose = Wählen Sie zuerst eine Antwort aus.
quiz-show-answer = Antwort anzeigen
quiz-answer = Antwort:
annotation-goto = zu Zeile
search-label = Kurs durchsuchen
search-placeholder = Suchen (Taste /)
search-none = Keine Treffer.
search-unavailable = Die Suche ist nicht verfügbar: Der Suchindex konnte nicht geladen werden. Laden Sie die Seite neu, um es noch einmal zu versuchen.
search-count =
    { $count ->
        [one] { $count } Treffer
       *[other] { $count } Treffer
    }
stale-notice = Diese Übersetzung ist möglicherweise veraltet: Das Originalkapitel wurde nach der Übersetzung geändert.
stale-link = Original lesen
task-done = Erledigt
task-open = Noch offen
table-label = Tabelle (auf kleinen Bildschirmen seitlich scrollbar)
footnote-back = Zurück zum Verweis
nav-all-chapters = Alle Kapitel
compare-view-label = Vergleichsansicht
compare-view-split = Nebeneinander
compare-view-unified = Zusammengeführt
quiz-score = Bisher richtig: { $right } von { $total }
quiz-score-done = Alles beantwortet: { $right } von { $total } richtig
code-keys-hint = Drücken Sie in einem Codeblock ↓, um nacheinander die Anmerkungen und die Erklärungen der Anweisungen durchzugehen.
nav-toggle = Unterkapitel
search-other =
    { $count ->
        [one] { $count } Treffer auf { $language }
       *[other] { $count } Treffer auf { $language }
    }
page-edit = Diese Seite bearbeiten
page-updated = Zuletzt aktualisiert am { $date }
date-long = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
progress-read = gelesen
progress-quiz = Quiz: { $right } von { $total } richtig
progress-continue = Dort weiterlesen, wo Sie aufgehört haben:
progress-reset = Lesefortschritt zurücksetzen
progress-cleared = Lesefortschritt zurückgesetzt.
print-contents = Inhaltsverzeichnis

# Language names, as written inside a sentence.
language-name-ar = Arabisch
language-name-de = Deutsch
language-name-en = Englisch
language-name-es = Spanisch
language-name-fa = Persisch
language-name-fr = Französisch
language-name-he = Hebräisch
language-name-hi = Hindi
language-name-id = Indonesisch
language-name-it = Italienisch
language-name-ja = Japanisch
language-name-ko = Koreanisch
language-name-nl = Niederländisch
language-name-pl = Polnisch
language-name-pt-BR = Portugiesisch (Brasilien)
language-name-pt-PT = Portugiesisch (Portugal)
language-name-ru = Russisch
language-name-tr = Türkisch
language-name-uk = Ukrainisch
language-name-vi = Vietnamesisch
language-name-zh-CN = Chinesisch (Vereinfacht)
language-name-zh-TW = Chinesisch (Traditionell)
