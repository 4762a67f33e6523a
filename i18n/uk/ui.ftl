# Інтерфейс docent українською мовою.

skip-link = Перейти до вмісту
nav-chapters-label = Список розділів
nav-previous = Назад
nav-next = Далі
nav-pager-label = Попередній і наступний розділ
nav-home = Головна сторінка курсу
nav-keys-hint = Порада: клавіші ← і → перемикають розділи.
toc-title = На цій сторінці
menu-button = Меню
menu-button-label = Меню: показати або сховати список розділів
theme-dark = Темна тема
language-label = Мова
language-switcher-label = Читати цю сторінку іншою мовою
heading-anchor = Посилання на цей заголовок
code-copy = Копіювати
code-copied = Скопійовано
alert-note = Примітка
alert-tip = Порада
alert-important = Важливо
alert-warning = Попередження
alert-caution = Обережно
fallback-notice = Цей розділ ще не перекладено ({ $language }); ви читаєте оригінал ({ $source }).
draft-notice = Попередній перегляд чернетки: ця сторінка не публікується.
home-start = Почати курс
home-chapters = Чого ви навчитеся
home-chapter-count = { $count ->
    [one] { $count } розділ
    [few] { $count } розділи
    [many] { $count } розділів
   *[other] { $count } розділу
}
print-link = Версія для друку
print-intro = Усі розділи курсу на одній сторінці: можна надрукувати або зберегти як PDF.
notfound-title = Сторінку не знайдено
notfound-text = Сторінки, яку ви шукаєте, не існує. Можливо, її перенесли під час реорганізації курсу.
notfound-home = Перейти на головну сторінку курсу
chooser-title = Виберіть мову
chooser-remember = Ваш вибір збережеться на цьому пристрої.
chapter-number = Розділ { $number }
footer-built-with = Створено за допомогою docent
footer-repository = Вихідний код
page-title-separator = —
annotation-label = Пояснення
annotation-close = Закрити пояснення
annotations-label = Пояснення до коду вище
stage-map-label = Схема етапів
stage-map-final = кінцевий образ
stage-map-external = зовнішній образ
compare-legend = Рядки, які є лише з одного боку, позначено: + додано, − вилучено.
chart-label-column = Елемент
quiz-title = Перевірте себе
quiz-check = Перевірити
quiz-right = Правильно!
quiz-wrong = Не зовсім. Спробуйте ще раз або відкрийте відповідь нижче.
quiz-choose = Спочатку виберіть відповідь.
quiz-show-answer = Показати відповідь
quiz-answer = Відповідь:
annotation-goto = перейти до рядка
search-label = Пошук у курсі
search-placeholder = Пошук (натисніть /)
search-none = Нічого не знайдено.
search-unavailable = Пошук недоступний: не вдалося завантажити індекс. Оновіть сторінку й спробуйте ще раз.
search-count =
    { $count ->
        [one] { $count } результат
        [few] { $count } результати
        [many] { $count } результатів
       *[other] { $count } результату
    }
stale-notice = Можливо, цей переклад застарів: оригінальний розділ змінився після перекладу.
stale-link = Читати оригінал
task-done = Виконано
task-open = Ще не виконано
table-label = Таблиця (на малих екранах прокручується горизонтально)
footnote-back = Повернутися до посилання
nav-all-chapters = Усі розділи
compare-view-label = Показати порівняння
compare-view-split = Поруч
compare-view-unified = Об’єднаний вигляд
quiz-score = Поки що правильно: { $right } з { $total }
quiz-score-done = Усі відповіді дано: правильно { $right } з { $total }
code-keys-hint = У блоці коду натискайте ↓, щоб по черзі відкривати пояснення та описи інструкцій.
nav-toggle = Підрозділи
search-other =
    { $count ->
        [one] { $count } результат мовою { $language }
        [few] { $count } результати мовою { $language }
        [many] { $count } результатів мовою { $language }
       *[other] { $count } результату мовою { $language }
    }
page-edit = Редагувати сторінку
page-updated = Оновлено { $date }
date-long = { $day } { $month } { $year } р.
month-1 = січня
month-2 = лютого
month-3 = березня
month-4 = квітня
month-5 = травня
month-6 = червня
month-7 = липня
month-8 = серпня
month-9 = вересня
month-10 = жовтня
month-11 = листопада
month-12 = грудня
progress-read = прочитано
progress-quiz = тест: правильно { $right } з { $total }
progress-continue = Продовжити читання:
progress-reset = Скинути прогрес читання
progress-cleared = Прогрес читання скинуто.
print-contents = Зміст

# Language names, as written inside a sentence.
language-name-ar = арабська
language-name-de = німецька
language-name-en = англійська
language-name-es = іспанська
language-name-fa = перська
language-name-fr = французька
language-name-he = іврит
language-name-hi = гінді
language-name-id = індонезійська
language-name-it = італійська
language-name-ja = японська
language-name-ko = корейська
language-name-nl = нідерландська
language-name-pl = польська
language-name-pt-BR = португальська (Бразилія)
language-name-pt-PT = португальська (Португалія)
language-name-ru = російська
language-name-tr = турецька
language-name-uk = українська
language-name-vi = вʼєтнамська
language-name-zh-CN = китайська (спрощена)
language-name-zh-TW = китайська (традиційна)
