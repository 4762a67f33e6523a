# L'interfaccia di docent in italiano.

skip-link = Vai al contenuto
nav-chapters-label = Elenco dei capitoli
nav-previous = Precedente
nav-next = Successivo
nav-pager-label = Capitolo precedente e successivo
nav-home = Pagina iniziale del corso
nav-keys-hint = Suggerimento: i tasti ← e → portano al capitolo precedente e al successivo.
toc-title = In questa pagina
menu-button = Menu
menu-button-label = Menu: mostra o nascondi l'elenco dei capitoli
theme-dark = Tema scuro
language-label = Lingua
language-switcher-label = Leggi questa pagina in un'altra lingua
heading-anchor = Link a questa sezione
code-copy = Copia
code-copied = Copiato
alert-note = Nota
alert-tip = Suggerimento
alert-important = Importante
alert-warning = Avviso
alert-caution = Attenzione
fallback-notice = Questo capitolo non è ancora stato tradotto in { $language }; lo stai leggendo in { $source }.
draft-notice = Anteprima di una bozza: questa pagina non viene pubblicata.
home-start = Inizia il corso
home-chapters = Cosa imparerai
home-chapter-count = { $count ->
    [one] { $count } capitolo
   *[other] { $count } capitoli
}
print-link = Versione stampabile
print-intro = Tutti i capitoli del corso in un'unica pagina, pronti da stampare o da salvare in PDF.
notfound-title = Pagina non trovata
notfound-text = La pagina richiesta non esiste. Potrebbe essere stata spostata durante la riorganizzazione del corso.
notfound-home = Vai alla pagina iniziale del corso
chooser-title = Scegli la lingua
chooser-remember = La tua scelta viene memorizzata su questo dispositivo.
chapter-number = Capitolo { $number }
footer-built-with = Realizzato con docent
footer-repository = Codice sorgente
page-title-separator = —
annotation-label = Nota
annotation-close = Chiudi la nota
annotations-label = Note sul codice qui sopra
stage-map-label = Mappa delle fasi
stage-map-final = immagine finale
stage-map-external = immagine esterna
compare-legend = Le righe presenti da un solo lato sono contrassegnate: + aggiunta, − rimossa.
chart-label-column = Voce
quiz-title = Mettiti alla prova
quiz-check = Verifica
quiz-right = Esatto!
quiz-wrong = Non proprio. Riprova oppure apri la risposta qui sotto.
quiz-choose = Scegli prima una risposta.
quiz-show-answer = Mostra la risposta
quiz-answer = Risposta:
annotation-goto = vai alla riga
search-label = Cerca nel corso
search-placeholder = Cerca (premi /)
search-none = Nessun risultato.
search-unavailable = La ricerca non è disponibile: non è stato possibile caricare l'indice. Ricarica la pagina per riprovare.
search-count =
    { $count ->
        [one] { $count } risultato
       *[other] { $count } risultati
    }
stale-notice = Questa traduzione potrebbe non essere aggiornata: il capitolo originale è stato modificato dopo la traduzione.
stale-link = Leggi l'originale
task-done = Fatto
task-open = Da fare
table-label = Tabella (scorre in orizzontale sugli schermi piccoli)
footnote-back = Torna al riferimento
nav-all-chapters = Tutti i capitoli
compare-view-label = Visualizzazione del confronto
compare-view-split = Affiancata
compare-view-unified = Unificata
quiz-score = Risposte esatte finora: { $right } su { $total }
quiz-score-done = Quiz completato: { $right } su { $total } esatte
code-keys-hint = In un blocco di codice, premi ↓ per scorrere le note e le spiegazioni delle istruzioni.
nav-toggle = Sottocapitoli
search-other =
    { $count ->
        [one] { $count } risultato in { $language }
       *[other] { $count } risultati in { $language }
    }
page-edit = Modifica questa pagina
page-updated = Ultimo aggiornamento: { $date }
date-long = { $day } { $month } { $year }
month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre
progress-read = letto
progress-quiz = quiz: { $right } su { $total } esatte
progress-continue = Riprendi da dove avevi interrotto:
progress-reset = Cancella i miei progressi di lettura
progress-cleared = Progressi di lettura cancellati.
print-contents = Indice

# Language names, as written inside a sentence.
language-name-ar = arabo
language-name-de = tedesco
language-name-en = inglese
language-name-es = spagnolo
language-name-fa = persiano
language-name-fr = francese
language-name-he = ebraico
language-name-hi = hindi
language-name-id = indonesiano
language-name-it = italiano
language-name-ja = giapponese
language-name-ko = coreano
language-name-nl = olandese
language-name-pl = polacco
language-name-pt-BR = portoghese (Brasile)
language-name-pt-PT = portoghese (Portogallo)
language-name-ru = russo
language-name-tr = turco
language-name-uk = ucraino
language-name-vi = vietnamita
language-name-zh-CN = cinese (semplificato)
language-name-zh-TW = cinese (tradizionale)
