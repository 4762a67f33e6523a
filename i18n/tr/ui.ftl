# docent'in Türkçe arayüzü.

skip-link = İçeriğe geç
nav-chapters-label = Bölüm listesi
nav-previous = Önceki
nav-next = Sonraki
nav-pager-label = Önceki ve sonraki bölüm
nav-home = Kursun ana sayfası
nav-keys-hint = İpucu: ← ve → tuşlarıyla bölümler arasında geçiş yapabilirsiniz.
toc-title = Bu sayfada
menu-button = Menü
menu-button-label = Menü: bölüm listesini göster veya gizle
theme-dark = Koyu tema
language-label = Dil
language-switcher-label = Bu sayfayı başka bir dilde oku
heading-anchor = Bu başlığa bağlantı
code-copy = Kopyala
code-copied = Kopyalandı
alert-note = Not
alert-tip = İpucu
alert-important = Önemli
alert-warning = Uyarı
alert-caution = Dikkat
fallback-notice = Bu bölümün { $language } çevirisi henüz yok; şu anda { $source } sürümünü okuyorsunuz.
draft-notice = Taslak önizlemesi: bu sayfa yayımlanmaz.
home-start = Kursa başla
home-chapters = Neler öğreneceksiniz
home-chapter-count = { $count ->
    [one] { $count } bölüm
   *[other] { $count } bölüm
}
print-link = Yazdırılabilir sürüm
print-intro = Kursun tüm bölümleri tek sayfada; yazdırmaya ya da PDF olarak kaydetmeye hazır.
notfound-title = Sayfa bulunamadı
notfound-text = Aradığınız sayfa mevcut değil. Kurs yeniden düzenlenirken taşınmış olabilir.
notfound-home = Kursun ana sayfasına git
chooser-title = Dilinizi seçin
chooser-remember = Seçiminiz bu cihazda hatırlanır.
chapter-number = Bölüm { $number }
footer-built-with = docent ile oluşturuldu
footer-repository = Kaynak kodu
page-title-separator = —
annotation-label = Not
annotation-close = Notu kapat
annotations-label = Yukarıdaki koda ait notlar
stage-map-label = Aşama haritası
stage-map-final = son imaj
stage-map-external = dış imaj
compare-legend = Yalnızca bir tarafta bulunan satırlar işaretlidir: + eklendi, − silindi.
chart-label-column = Öğe
quiz-title = Kendinizi sınayın
quiz-check = Kontrol et
quiz-right = Doğru!
quiz-wrong = Tam olarak doğru değil. Yeniden deneyin ya da aşağıdaki cevabı açın.
quiz-choose = Önce bir cevap seçin.
quiz-show-answer = Cevabı göster
quiz-answer = Cevap:
annotation-goto = satıra git:
search-label = Kursta ara
search-placeholder = Ara (/ tuşuna basın)
search-none = Sonuç bulunamadı.
search-unavailable = Arama kullanılamıyor: dizin yüklenemedi. Yeniden denemek için sayfayı yenileyin.
search-count =
    { $count ->
        [one] { $count } sonuç
       *[other] { $count } sonuç
    }
stale-notice = Bu çeviri güncel olmayabilir: özgün bölüm, çevrildikten sonra değişti.
stale-link = Özgün metni oku
task-done = Tamamlandı
task-open = Henüz tamamlanmadı
table-label = Tablo (küçük ekranlarda yana kaydırılabilir)
footnote-back = Referansa dön
nav-all-chapters = Tüm bölümler
compare-view-label = Karşılaştırma görünümü
compare-view-split = Yan yana
compare-view-unified = Birleşik
quiz-score = Şu ana kadar { $total } sorudan { $right } doğru
quiz-score-done = Tümü cevaplandı: { $total } sorudan { $right } doğru
code-keys-hint = Bir kod bloğunda ↓ tuşuna basarak notlar ve talimat açıklamaları arasında sırayla ilerleyebilirsiniz.
nav-toggle = Alt bölümler
search-other =
    { $count ->
        [one] { $language } dilinde { $count } sonuç
       *[other] { $language } dilinde { $count } sonuç
    }
page-edit = Bu sayfayı düzenle
page-updated = Son güncelleme: { $date }
date-long = { $day } { $month } { $year }
month-1 = Ocak
month-2 = Şubat
month-3 = Mart
month-4 = Nisan
month-5 = Mayıs
month-6 = Haziran
month-7 = Temmuz
month-8 = Ağustos
month-9 = Eylül
month-10 = Ekim
month-11 = Kasım
month-12 = Aralık
progress-read = okundu
progress-quiz = test: { $total } sorudan { $right } doğru
progress-continue = Kaldığınız yerden devam edin:
progress-reset = Okuma ilerlememi sıfırla
progress-cleared = Okuma ilerlemesi sıfırlandı.
print-contents = İçindekiler

# Language names, as written inside a sentence.
language-name-ar = Arapça
language-name-de = Almanca
language-name-en = İngilizce
language-name-es = İspanyolca
language-name-fa = Farsça
language-name-fr = Fransızca
language-name-he = İbranice
language-name-hi = Hintçe
language-name-id = Endonezce
language-name-it = İtalyanca
language-name-ja = Japonca
language-name-ko = Korece
language-name-nl = Felemenkçe
language-name-pl = Lehçe
language-name-pt-BR = Portekizce (Brezilya)
language-name-pt-PT = Portekizce (Portekiz)
language-name-ru = Rusça
language-name-tr = Türkçe
language-name-uk = Ukraynaca
language-name-vi = Vietnamca
language-name-zh-CN = Çince (Basitleştirilmiş)
language-name-zh-TW = Çince (Geleneksel)
