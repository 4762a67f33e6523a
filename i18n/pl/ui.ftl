# Interfejs docent w języku polskim.

skip-link = Przejdź do treści
nav-chapters-label = Lista rozdziałów
nav-previous = Poprzedni
nav-next = Następny
nav-pager-label = Poprzedni i następny rozdział
nav-home = Strona główna kursu
nav-keys-hint = Wskazówka: klawisze ← i → przenoszą do poprzedniego i następnego rozdziału.
toc-title = Na tej stronie
menu-button = Menu
menu-button-label = Menu: pokaż lub ukryj listę rozdziałów
theme-dark = Ciemny motyw
language-label = Język
language-switcher-label = Czytaj tę stronę w innym języku
heading-anchor = Link do tej sekcji
code-copy = Kopiuj
code-copied = Skopiowano
alert-note = Notatka
alert-tip = Wskazówka
alert-important = Ważne
alert-warning = Ostrzeżenie
alert-caution = Uwaga
fallback-notice = Ten rozdział nie został jeszcze przetłumaczony na język { $language }; czytasz wersję oryginalną ({ $source }).
draft-notice = Podgląd szkicu: ta strona nie jest publikowana.
home-start = Rozpocznij kurs
home-chapters = Czego się nauczysz
home-chapter-count = { $count ->
    [one] { $count } rozdział
    [few] { $count } rozdziały
    [many] { $count } rozdziałów
   *[other] { $count } rozdziału
}
print-link = Wersja do druku
print-intro = Wszystkie rozdziały kursu na jednej stronie, gotowe do wydruku lub zapisania jako PDF.
notfound-title = Nie znaleziono strony
notfound-text = Strona, której szukasz, nie istnieje. Mogła zostać przeniesiona podczas reorganizacji kursu.
notfound-home = Przejdź do strony głównej kursu
chooser-title = Wybierz język
chooser-remember = Twój wybór zostanie zapamiętany na tym urządzeniu.
chapter-number = Rozdział { $number }
footer-built-with = Zbudowano za pomocą docent
footer-repository = Kod źródłowy
page-title-separator = –
annotation-label = Przypis
annotation-close = Zamknij przypis
annotations-label = Przypisy do powyższego kodu
stage-map-label = Mapa etapów
stage-map-final = obraz końcowy
stage-map-external = obraz zewnętrzny
compare-legend = Wiersze, które występują tylko po jednej stronie, są oznaczone: + dodany, − usunięty.
chart-label-column = Pozycja
quiz-title = Sprawdź się
quiz-check = Sprawdź
quiz-right = Dobrze!
quiz-wrong = Nie do końca. Spróbuj jeszcze raz albo rozwiń odpowiedź poniżej.
quiz-choose = Najpierw wybierz odpowiedź.
quiz-show-answer = Pokaż odpowiedź
quiz-answer = Odpowiedź:
annotation-goto = przejdź do wiersza
search-label = Szukaj w kursie
search-placeholder = Szukaj (naciśnij /)
search-none = Brak wyników.
search-unavailable = Wyszukiwanie jest niedostępne: nie udało się wczytać indeksu. Odśwież stronę, aby spróbować ponownie.
search-count =
    { $count ->
        [one] { $count } wynik
        [few] { $count } wyniki
        [many] { $count } wyników
       *[other] { $count } wyniku
    }
stale-notice = To tłumaczenie może być nieaktualne: oryginalny rozdział zmienił się po przetłumaczeniu.
stale-link = Przeczytaj oryginał
task-done = Zrobione
task-open = Do zrobienia
table-label = Tabela (na małych ekranach przewijana w poziomie)
footnote-back = Wróć do odwołania
nav-all-chapters = Wszystkie rozdziały
compare-view-label = Widok porównania
compare-view-split = Obok siebie
compare-view-unified = Scalony
quiz-score = Jak dotąd poprawnie: { $right } z { $total }
quiz-score-done = Udzielono wszystkich odpowiedzi: poprawnie { $right } z { $total }
code-keys-hint = W bloku kodu naciskaj ↓, aby po kolei przechodzić przez przypisy i objaśnienia instrukcji.
nav-toggle = Podrozdziały
search-other =
    { $count ->
        [one] { $count } wynik w języku { $language }
        [few] { $count } wyniki w języku { $language }
        [many] { $count } wyników w języku { $language }
       *[other] { $count } wyniku w języku { $language }
    }
page-edit = Edytuj tę stronę
page-updated = Ostatnia aktualizacja: { $date }
date-long = { $day } { $month } { $year } r.
month-1 = stycznia
month-2 = lutego
month-3 = marca
month-4 = kwietnia
month-5 = maja
month-6 = czerwca
month-7 = lipca
month-8 = sierpnia
month-9 = września
month-10 = października
month-11 = listopada
month-12 = grudnia
progress-read = przeczytany
progress-quiz = quiz: poprawnie { $right } z { $total }
progress-continue = Kontynuuj czytanie:
progress-reset = Wyczyść postęp czytania
progress-cleared = Postęp czytania został wyczyszczony.
print-contents = Spis treści

# Language names, as written inside a sentence.
language-name-ar = arabski
language-name-de = niemiecki
language-name-en = angielski
language-name-es = hiszpański
language-name-fa = perski
language-name-fr = francuski
language-name-he = hebrajski
language-name-hi = hindi
language-name-id = indonezyjski
language-name-it = włoski
language-name-ja = japoński
language-name-ko = koreański
language-name-nl = niderlandzki
language-name-pl = polski
language-name-pt-BR = portugalski (Brazylia)
language-name-pt-PT = portugalski (Portugalia)
language-name-ru = rosyjski
language-name-tr = turecki
language-name-uk = ukraiński
language-name-vi = wietnamski
language-name-zh-CN = chiński (uproszczone)
language-name-zh-TW = chiński (tradycyjne)
