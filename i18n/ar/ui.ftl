# واجهة docent باللغة العربية.

skip-link = انتقل إلى المحتوى
nav-chapters-label = قائمة الفصول
nav-previous = السابق
nav-next = التالي
nav-pager-label = الفصل السابق والتالي
nav-home = الصفحة الرئيسية للدورة
nav-keys-hint = تلميح: استخدم المفتاحين ← و→ للتنقل بين الفصول.
toc-title = في هذه الصفحة
menu-button = القائمة
menu-button-label = القائمة: إظهار قائمة الفصول أو إخفاؤها
theme-dark = الوضع الداكن
language-label = اللغة
language-switcher-label = اقرأ هذه الصفحة بلغة أخرى
heading-anchor = رابط إلى هذا القسم
code-copy = نسخ
code-copied = تم النسخ
alert-note = ملاحظة
alert-tip = تلميح
alert-important = مهم
alert-warning = تحذير
alert-caution = احذر
fallback-notice = لم يُترجَم هذا الفصل إلى { $language } بعد؛ تقرأه الآن باللغة { $source }.
draft-notice = معاينة مسودة: هذه الصفحة لا تُنشر.
home-start = ابدأ الدورة
home-chapters = ما ستتعلمه
home-chapter-count = { $count ->
    [zero] لا توجد فصول
    [one] فصل واحد
    [two] فصلان
    [few] { $count } فصول
    [many] { $count } فصلًا
   *[other] { $count } فصل
}
print-link = نسخة للطباعة
print-intro = جميع فصول الدورة في صفحة واحدة، جاهزة للطباعة أو للحفظ بصيغة PDF.
notfound-title = الصفحة غير موجودة
notfound-text = الصفحة التي طلبتها غير موجودة. ربما نُقلت عند إعادة تنظيم الدورة.
notfound-home = الانتقال إلى الصفحة الرئيسية للدورة
chooser-title = اختر لغتك
chooser-remember = سيُحفَظ اختيارك على هذا الجهاز.
chapter-number = الفصل { $number }
footer-built-with = أُنشئ باستخدام docent
footer-repository = الشيفرة المصدرية
page-title-separator = —
annotation-label = ملاحظة
annotation-close = إغلاق الملاحظة
annotations-label = ملاحظات على الشيفرة أعلاه
stage-map-label = خريطة المراحل
stage-map-final = الصورة النهائية
stage-map-external = صورة خارجية
compare-legend = الأسطر الموجودة في جانب واحد فقط مُعلَّمة: + مُضاف، − محذوف.
chart-label-column = العنصر
quiz-title = اختبر نفسك
quiz-check = تحقّق
quiz-right = إجابة صحيحة!
quiz-wrong = ليست صحيحة تمامًا. حاول مرة أخرى، أو اعرض الإجابة أدناه.
quiz-choose = اختر إجابة أولًا.
quiz-show-answer = إظهار الإجابة
quiz-answer = الإجابة:
annotation-goto = انتقل إلى السطر
search-label = ابحث في الدورة
search-placeholder = بحث (اضغط /)
search-none = لا توجد نتائج.
search-unavailable = البحث غير متاح: تعذّر تحميل الفهرس. أعد تحميل الصفحة للمحاولة مرة أخرى.
search-count =
    { $count ->
        [zero] لا توجد نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    }
stale-notice = قد لا تكون هذه الترجمة محدَّثة: فقد تغيّر الفصل الأصلي بعد ترجمته.
stale-link = اقرأ النص الأصلي
task-done = تم
task-open = لم يُنجَز بعد
table-label = جدول (يُمرَّر أفقيًا على الشاشات الصغيرة)
footnote-back = العودة إلى المرجع
nav-all-chapters = كل الفصول
compare-view-label = عرض المقارنة
compare-view-split = جنبًا إلى جنب
compare-view-unified = عرض موحّد
quiz-score = الإجابات الصحيحة حتى الآن: { $right } من { $total }
quiz-score-done = تمت الإجابة عن كل الأسئلة: { $right } من { $total } صحيحة
code-keys-hint = في كتلة الشيفرة، اضغط ↓ للتنقل بين ملاحظاتها وشروح تعليماتها.
nav-toggle = الفصول الفرعية
search-other =
    { $count ->
        [zero] لا توجد نتائج باللغة { $language }
        [one] نتيجة واحدة باللغة { $language }
        [two] نتيجتان باللغة { $language }
        [few] { $count } نتائج باللغة { $language }
        [many] { $count } نتيجة باللغة { $language }
       *[other] { $count } نتيجة باللغة { $language }
    }
page-edit = تعديل هذه الصفحة
page-updated = آخر تحديث: { $date }
date-long = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
progress-read = مقروء
progress-quiz = الاختبار: { $right } من { $total } صحيحة
progress-continue = تابع من حيث توقفت:
progress-reset = مسح تقدّمي في القراءة
progress-cleared = تم مسح تقدّم القراءة.
print-contents = المحتويات

# Language names, as written inside a sentence.
language-name-ar = العربية
language-name-de = الألمانية
language-name-en = الإنجليزية
language-name-es = الإسبانية
language-name-fa = الفارسية
language-name-fr = الفرنسية
language-name-he = العبرية
language-name-hi = الهندية
language-name-id = الإندونيسية
language-name-it = الإيطالية
language-name-ja = اليابانية
language-name-ko = الكورية
language-name-nl = الهولندية
language-name-pl = البولندية
language-name-pt-BR = البرتغالية (البرازيل)
language-name-pt-PT = البرتغالية (البرتغال)
language-name-ru = الروسية
language-name-tr = التركية
language-name-uk = الأوكرانية
language-name-vi = الفيتنامية
language-name-zh-CN = الصينية (المبسطة)
language-name-zh-TW = الصينية (التقليدية)
