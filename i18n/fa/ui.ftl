# رابط کاربری docent به زبان فارسی.

skip-link = پرش به محتوا
nav-chapters-label = فهرست فصل‌ها
nav-previous = قبلی
nav-next = بعدی
nav-pager-label = فصل قبلی و بعدی
nav-home = صفحهٔ اصلی دوره
nav-keys-hint = نکته: با کلیدهای ← و → می‌توانید بین فصل‌ها جابه‌جا شوید.
toc-title = در این صفحه
menu-button = منو
menu-button-label = منو: نمایش یا پنهان کردن فهرست فصل‌ها
theme-dark = حالت تیره
language-label = زبان
language-switcher-label = خواندن این صفحه به زبانی دیگر
heading-anchor = پیوند به این بخش
code-copy = کپی
code-copied = کپی شد
alert-note = یادداشت
alert-tip = نکته
alert-important = مهم
alert-warning = هشدار
alert-caution = احتیاط
fallback-notice = این فصل هنوز به { $language } ترجمه نشده است؛ آن را به زبان { $source } می‌خوانید.
draft-notice = پیش‌نمایش پیش‌نویس: این صفحه منتشر نمی‌شود.
home-start = شروع دوره
home-chapters = آنچه یاد خواهید گرفت
home-chapter-count = { $count ->
    [one] { $count } فصل
   *[other] { $count } فصل
}
print-link = نسخهٔ چاپی
print-intro = همهٔ فصل‌های دوره در یک صفحه، آماده برای چاپ یا ذخیره به‌صورت PDF.
notfound-title = صفحه پیدا نشد
notfound-text = صفحه‌ای که دنبالش بودید وجود ندارد. شاید هنگام سازمان‌دهی دوبارهٔ دوره جابه‌جا شده باشد.
notfound-home = رفتن به صفحهٔ اصلی دوره
chooser-title = زبان خود را انتخاب کنید
chooser-remember = انتخاب شما در این دستگاه ذخیره می‌شود.
chapter-number = فصل { $number }
footer-built-with = ساخته‌شده با docent
footer-repository = کد منبع
page-title-separator = —
annotation-label = یادداشت
annotation-close = بستن یادداشت
annotations-label = یادداشت‌های کد بالا
stage-map-label = نقشهٔ مراحل
stage-map-final = ایمیج نهایی
stage-map-external = ایمیج خارجی
compare-legend = خط‌هایی که فقط در یک طرف هستند علامت خورده‌اند: + افزوده‌شده، − حذف‌شده.
chart-label-column = مورد
quiz-title = خودتان را بسنجید
quiz-check = بررسی
quiz-right = درست است!
quiz-wrong = کاملاً درست نیست. دوباره امتحان کنید یا پاسخ زیر را باز کنید.
quiz-choose = ابتدا یک پاسخ را انتخاب کنید.
quiz-show-answer = نمایش پاسخ
quiz-answer = پاسخ:
annotation-goto = رفتن به خط
search-label = جست‌وجو در دوره
search-placeholder = جست‌وجو (کلید / را بزنید)
search-none = نتیجه‌ای پیدا نشد.
search-unavailable = جست‌وجو در دسترس نیست: نمایهٔ جست‌وجو بارگیری نشد. برای تلاش مجدد، صفحه را دوباره بارگیری کنید.
search-count =
    { $count ->
        [one] { $count } نتیجه
       *[other] { $count } نتیجه
    }
stale-notice = ممکن است این ترجمه به‌روز نباشد: فصل اصلی پس از ترجمه تغییر کرده است.
stale-link = خواندن متن اصلی
task-done = انجام شد
task-open = هنوز انجام نشده
table-label = جدول (در صفحه‌های کوچک به‌صورت افقی پیمایش می‌شود)
footnote-back = بازگشت به ارجاع
nav-all-chapters = همهٔ فصل‌ها
compare-view-label = نمایش مقایسه
compare-view-split = کنار هم
compare-view-unified = یکپارچه
quiz-score = پاسخ‌های درست تا اینجا: { $right } از { $total }
quiz-score-done = به همهٔ پرسش‌ها پاسخ دادید: { $right } از { $total } درست
code-keys-hint = در بلوک کد، با کلید ↓ می‌توانید یادداشت‌ها و توضیح دستورها را یکی‌یکی ببینید.
nav-toggle = زیرفصل‌ها
search-other =
    { $count ->
        [one] { $count } نتیجه به زبان { $language }
       *[other] { $count } نتیجه به زبان { $language }
    }
page-edit = ویرایش این صفحه
page-updated = آخرین به‌روزرسانی: { $date }
date-long = { $day } { $month } { $year }
month-1 = ژانویه
month-2 = فوریه
month-3 = مارس
month-4 = آوریل
month-5 = مه
month-6 = ژوئن
month-7 = ژوئیه
month-8 = اوت
month-9 = سپتامبر
month-10 = اکتبر
month-11 = نوامبر
month-12 = دسامبر
progress-read = خوانده‌شده
progress-quiz = آزمون: { $right } از { $total } درست
progress-continue = از جایی که ماندید ادامه دهید:
progress-reset = پاک کردن پیشرفت مطالعهٔ من
progress-cleared = پیشرفت مطالعه پاک شد.
print-contents = فهرست مطالب

# Language names, as written inside a sentence.
language-name-ar = عربی
language-name-de = آلمانی
language-name-en = انگلیسی
language-name-es = اسپانیایی
language-name-fa = فارسی
language-name-fr = فرانسوی
language-name-he = عبری
language-name-hi = هندی
language-name-id = اندونزیایی
language-name-it = ایتالیایی
language-name-ja = ژاپنی
language-name-ko = کره‌ای
language-name-nl = هلندی
language-name-pl = لهستانی
language-name-pt-BR = پرتغالی (برزیل)
language-name-pt-PT = پرتغالی (پرتغال)
language-name-ru = روسی
language-name-tr = ترکی استانبولی
language-name-uk = اوکراینی
language-name-vi = ویتنامی
language-name-zh-CN = چینی (ساده‌شده)
language-name-zh-TW = چینی (سنتی)
