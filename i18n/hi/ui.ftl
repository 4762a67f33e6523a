# हिन्दी में docent का इंटरफ़ेस।

skip-link = सीधे सामग्री पर जाएँ
nav-chapters-label = अध्यायों की सूची
nav-previous = पिछला
nav-next = अगला
nav-pager-label = पिछला और अगला अध्याय
nav-home = कोर्स का मुखपृष्ठ
nav-keys-hint = सुझाव: ← और → कुंजियों से अध्यायों के बीच आगे-पीछे जाएँ।
toc-title = इस पेज पर
menu-button = मेन्यू
menu-button-label = मेन्यू: अध्यायों की सूची दिखाएँ या छिपाएँ
theme-dark = डार्क थीम
language-label = भाषा
language-switcher-label = यह पेज किसी दूसरी भाषा में पढ़ें
heading-anchor = इस खंड का लिंक
code-copy = कॉपी करें
code-copied = कॉपी हो गया
alert-note = नोट
alert-tip = सुझाव
alert-important = महत्वपूर्ण
alert-warning = चेतावनी
alert-caution = सावधान
fallback-notice = इस अध्याय का अभी तक { $language } में अनुवाद नहीं हुआ है। आप इसे { $source } में पढ़ रहे हैं।
draft-notice = ड्राफ़्ट का पूर्वावलोकन: यह पेज प्रकाशित नहीं होता।
home-start = कोर्स शुरू करें
home-chapters = आप क्या सीखेंगे
home-chapter-count = { $count ->
    [one] { $count } अध्याय
   *[other] { $count } अध्याय
}
print-link = प्रिंट संस्करण
print-intro = कोर्स के सभी अध्याय एक ही पेज पर, प्रिंट करने या PDF के रूप में सहेजने के लिए तैयार।
notfound-title = पेज नहीं मिला
notfound-text = आप जो पेज ढूँढ रहे हैं, वह मौजूद नहीं है। हो सकता है कि कोर्स को दोबारा व्यवस्थित करते समय उसे कहीं और ले जाया गया हो।
notfound-home = कोर्स के मुखपृष्ठ पर जाएँ
chooser-title = अपनी भाषा चुनें
chooser-remember = आपकी पसंद इस डिवाइस पर याद रखी जाएगी।
chapter-number = अध्याय { $number }
footer-built-with = docent से बनाया गया
footer-repository = सोर्स कोड
page-title-separator = —
annotation-label = नोट
annotation-close = नोट बंद करें
annotations-label = ऊपर दिए गए कोड पर नोट
stage-map-label = स्टेज मैप
stage-map-final = अंतिम इमेज
stage-map-external = बाहरी इमेज
compare-legend = जो पंक्तियाँ केवल एक तरफ़ हैं, उन पर निशान लगा है: + जोड़ी गई, − हटाई गई।
chart-label-column = आइटम
quiz-title = ख़ुद को परखें
quiz-check = जाँचें
quiz-right = सही जवाब!
quiz-wrong = पूरी तरह सही नहीं। फिर से कोशिश करें या नीचे जवाब खोलें।
quiz-choose = पहले कोई जवाब चुनें।
quiz-show-answer = जवाब दिखाएँ
quiz-answer = जवाब:
annotation-goto = देखें पंक्ति
search-label = कोर्स में खोजें
search-placeholder = खोजें (/ दबाएँ)
search-none = कोई परिणाम नहीं मिला।
search-unavailable = खोज उपलब्ध नहीं है: इंडेक्स लोड नहीं हो सका। दोबारा कोशिश करने के लिए पेज को रीलोड करें।
search-count =
    { $count ->
        [one] { $count } परिणाम
       *[other] { $count } परिणाम
    }
stale-notice = हो सकता है कि यह अनुवाद पुराना हो: अनुवाद के बाद मूल अध्याय बदल गया है।
stale-link = मूल संस्करण पढ़ें
task-done = पूरा हुआ
task-open = अभी बाक़ी है
table-label = तालिका (छोटी स्क्रीन पर दाएँ-बाएँ स्क्रॉल होती है)
footnote-back = संदर्भ पर वापस जाएँ
nav-all-chapters = सभी अध्याय
compare-view-label = तुलना दिखाएँ
compare-view-split = अगल-बगल
compare-view-unified = एकीकृत
quiz-score = अब तक सही: { $total } में से { $right }
quiz-score-done = सभी सवालों के जवाब दिए: { $total } में से { $right } सही
code-keys-hint = कोड ब्लॉक में ↓ दबाकर उसके नोट और निर्देशों की व्याख्याएँ एक-एक करके देखें।
nav-toggle = उप-अध्याय
search-other =
    { $count ->
        [one] { $language } में { $count } परिणाम
       *[other] { $language } में { $count } परिणाम
    }
page-edit = इस पेज में बदलाव करें
page-updated = अंतिम अपडेट: { $date }
date-long = { $day } { $month } { $year }
month-1 = जनवरी
month-2 = फ़रवरी
month-3 = मार्च
month-4 = अप्रैल
month-5 = मई
month-6 = जून
month-7 = जुलाई
month-8 = अगस्त
month-9 = सितंबर
month-10 = अक्तूबर
month-11 = नवंबर
month-12 = दिसंबर
progress-read = पढ़ा गया
progress-quiz = क्विज़: { $total } में से { $right } सही
progress-continue = जहाँ छोड़ा था, वहीं से आगे पढ़ें:
progress-reset = मेरी पढ़ाई की प्रगति मिटाएँ
progress-cleared = पढ़ाई की प्रगति मिटा दी गई।
print-contents = विषय-सूची

# Language names, as written inside a sentence.
language-name-ar = अरबी
language-name-de = जर्मन
language-name-en = अंग्रेज़ी
language-name-es = स्पेनिश
language-name-fa = फ़ारसी
language-name-fr = फ़्रेंच
language-name-he = हिब्रू
language-name-hi = हिन्दी
language-name-id = इंडोनेशियाई
language-name-it = इतालवी
language-name-ja = जापानी
language-name-ko = कोरियाई
language-name-nl = डच
language-name-pl = पोलिश
language-name-pt-BR = पुर्तगाली (ब्राज़ील)
language-name-pt-PT = पुर्तगाली (पुर्तगाल)
language-name-ru = रूसी
language-name-tr = तुर्की
language-name-uk = यूक्रेनियाई
language-name-vi = वियतनामी
language-name-zh-CN = चीनी (सरलीकृत)
language-name-zh-TW = चीनी (पारंपरिक)
