# Интерфейс docent на русском языке.

skip-link = Перейти к содержимому
nav-chapters-label = Список глав
nav-previous = Назад
nav-next = Далее
nav-pager-label = Предыдущая и следующая глава
nav-home = Главная страница курса
nav-keys-hint = Совет: клавиши ← и → переключают главы.
toc-title = На этой странице
menu-button = Меню
menu-button-label = Меню: показать или скрыть список глав
theme-dark = Тёмная тема
language-label = Язык
language-switcher-label = Читать эту страницу на другом языке
heading-anchor = Ссылка на этот раздел
code-copy = Копировать
code-copied = Скопировано
alert-note = Примечание
alert-tip = Совет
alert-important = Важно
alert-warning = Предупреждение
alert-caution = Осторожно
fallback-notice = Эта глава ещё не переведена на язык { $language }; вы читаете оригинал ({ $source }).
draft-notice = Предпросмотр черновика: эта страница не публикуется.
home-start = Начать курс
home-chapters = Чему вы научитесь
home-chapter-count = { $count ->
    [one] { $count } глава
    [few] { $count } главы
    [many] { $count } глав
   *[other] { $count } главы
}
print-link = Версия для печати
print-intro = Все главы курса на одной странице: можно распечатать или сохранить в PDF.
notfound-title = Страница не найдена
notfound-text = Запрошенной страницы не существует. Возможно, её перенесли при реорганизации курса.
notfound-home = Перейти на главную страницу курса
chooser-title = Выберите язык
chooser-remember = Ваш выбор сохранится на этом устройстве.
chapter-number = Глава { $number }
footer-built-with = Создано с помощью docent
footer-repository = Исходный код
page-title-separator = —
annotation-label = Пояснение
annotation-close = Закрыть пояснение
annotations-label = Пояснения к коду выше
stage-map-label = Схема этапов
stage-map-final = итоговый образ
stage-map-external = внешний образ
compare-legend = Строки, которые есть только с одной стороны, помечены: + добавлена, − удалена.
chart-label-column = Элемент
quiz-title = Проверьте себя
quiz-check = Проверить
quiz-right = Верно!
quiz-wrong = Не совсем так. Попробуйте ещё раз или откройте ответ ниже.
quiz-choose = Сначала выберите ответ.
quiz-show-answer = Показать ответ
quiz-answer = Ответ:
annotation-goto = перейти к строке
search-label = Поиск по курсу
search-placeholder = Поиск (нажмите /)
search-none = Ничего не найдено.
search-unavailable = Поиск недоступен: не удалось загрузить индекс. Обновите страницу и попробуйте ещё раз.
search-count =
    { $count ->
        [one] { $count } результат
        [few] { $count } результата
        [many] { $count } результатов
       *[other] { $count } результата
    }
stale-notice = Возможно, этот перевод устарел: оригинал главы изменился после перевода.
stale-link = Читать оригинал
task-done = Выполнено
task-open = Ещё не выполнено
table-label = Таблица (на маленьких экранах прокручивается по горизонтали)
footnote-back = Вернуться к ссылке
nav-all-chapters = Все главы
compare-view-label = Показать сравнение
compare-view-split = Рядом
compare-view-unified = Объединённый вид
quiz-score = Пока верно: { $right } из { $total }
quiz-score-done = Все ответы даны: верно { $right } из { $total }
code-keys-hint = В блоке кода нажимайте ↓, чтобы по очереди открывать пояснения и описания инструкций.
nav-toggle = Подразделы
search-other =
    { $count ->
        [one] { $count } результат на языке { $language }
        [few] { $count } результата на языке { $language }
        [many] { $count } результатов на языке { $language }
       *[other] { $count } результата на языке { $language }
    }
page-edit = Редактировать страницу
page-updated = Обновлено { $date }
date-long = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
progress-read = прочитано
progress-quiz = тест: верно { $right } из { $total }
progress-continue = Продолжить чтение:
progress-reset = Сбросить прогресс чтения
progress-cleared = Прогресс чтения сброшен.
print-contents = Содержание

# Language names, as written inside a sentence.
language-name-ar = арабский
language-name-de = немецкий
language-name-en = английский
language-name-es = испанский
language-name-fa = персидский
language-name-fr = французский
language-name-he = иврит
language-name-hi = хинди
language-name-id = индонезийский
language-name-it = итальянский
language-name-ja = японский
language-name-ko = корейский
language-name-nl = нидерландский
language-name-pl = польский
language-name-pt-BR = португальский (Бразилия)
language-name-pt-PT = португальский (Португалия)
language-name-ru = русский
language-name-tr = турецкий
language-name-uk = украинский
language-name-vi = вьетнамский
language-name-zh-CN = китайский (упрощенная)
language-name-zh-TW = китайский (традиционная)
