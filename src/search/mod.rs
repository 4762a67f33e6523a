//! The search index of one language, built at build time and written as a script
//! (`search/<lang>.js`) so it loads from file:// too.
//!
//! Words are stemmed with Snowball (English, Portuguese, …) and folded (lower case, accents
//! removed), so "estagio" finds "estágio" and "imagens" finds "imagem". The index maps every
//! folded word of the course to its stem, and every stem to the sections that contain it; the
//! browser folds the reader's words the same way and looks them up, with no stemmer of its own.

use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub use crate::markdown::sections::Section;
pub use index::{Files, index_files, inline_script};
pub use usage::SynonymStems;

mod index;
mod usage;

/// Marks a reader may or may not type: Latin, Greek and Cyrillic accents, Hebrew points,
/// Arabic vowel signs. Not the vowel signs of Indic scripts (कम is not काम) nor the kana
/// voicing marks (バ is not ハ), which change the word.
fn is_diacritic(c: char) -> bool {
    is_combining_mark(c)
        && matches!(c as u32,
            0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
            | 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F | 0x670 | 0x6D6..=0x6ED)
}

/// Lower case without accents: "Estágio" → "estagio".
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Composed again after the marks go, so Hangul syllables (which NFD splits into
    // letters, not marks) stay syllables; the browser folds queries the same way.
    s.nfd()
        .filter(|c| !is_diacritic(*c))
        .nfc()
        .flat_map(char::to_lowercase)
        .collect()
}

use crate::languages::primary;

fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match primary(lang).as_str() {
        "en" => Algorithm::English,
        "pt" => Algorithm::Portuguese,
        "es" => Algorithm::Spanish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        "sv" => Algorithm::Swedish,
        "ru" => Algorithm::Russian,
        "tr" => Algorithm::Turkish,
        "ar" => Algorithm::Arabic,
        "ro" => Algorithm::Romanian,
        "hu" => Algorithm::Hungarian,
        "fi" => Algorithm::Finnish,
        "da" => Algorithm::Danish,
        "nb" | "no" | "nn" => Algorithm::Norwegian,
        "el" => Algorithm::Greek,
        "ta" => Algorithm::Tamil,
        _ => return None,
    })
}

/// Stems words of one language; languages without a stemmer only fold.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
    portuguese: bool,
}

impl Analyzer {
    /// The analyzer for language tag `lang`: a Snowball stemmer for its primary language
    /// when there is one, and Portuguese plurals made singular for `pt`.
    pub fn new(lang: &str) -> Self {
        Self {
            stemmer: algorithm(lang).map(Stemmer::create),
            portuguese: primary(lang) == "pt",
        }
    }

    /// The folded stem of one word.
    pub fn stem(&self, word: &str) -> String {
        let mut lower = word.to_lowercase();
        if self.portuguese {
            lower = singular_pt(&lower);
        }
        match &self.stemmer {
            Some(s) => fold(&s.stem(&lower)),
            None => fold(&lower),
        }
    }
}

/// Plurals Snowball's Portuguese stemmer leaves alone ("imagens" stays "imagens" while
/// "imagem" becomes "imag"): brought to the singular first, so both meet.
fn singular_pt(word: &str) -> String {
    let n = word.chars().count();
    for (plural, singular) in [("ens", "em"), ("ões", "ão"), ("ães", "ão"), ("ãos", "ão")] {
        if n > plural.chars().count() + 2
            && let Some(stem) = word.strip_suffix(plural)
        {
            return format!("{stem}{singular}");
        }
    }
    word.to_string()
}

/// The words of a text: runs of letters and digits (so `COPY --from` is `copy`, `from`).
/// Chinese, Japanese and Korean are written without spaces between words: their runs are
/// indexed as overlapping pairs of characters (`多阶段` → `多阶`, `阶段`), which the search
/// box makes of a query too, so any word of two characters or more is found.
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        at: 0,
        pairs: Vec::new().into_iter(),
    }
}

/// The words of a text, found by one scan over its bytes: ASCII (most of any course, code
/// above all) is decided a byte at a time without decoding or the Unicode tables.
pub struct Words<'a> {
    text: &'a str,
    /// Where the scan goes on.
    at: usize,
    /// The CJK pairs of the last run, still to give.
    pairs: std::vec::IntoIter<&'a str>,
}

impl<'a> Words<'a> {
    /// The letter (or digit, or mark) at byte `i` and its length, or `None` for anything
    /// else: marks belong to their word (Devanagari vowel signs and virama, Arabic vowel
    /// signs).
    fn letter_at(&self, i: usize) -> Option<usize> {
        let b = *self.text.as_bytes().get(i)?;
        if b.is_ascii() {
            return b.is_ascii_alphanumeric().then_some(1);
        }
        let c = self.text.get(i..)?.chars().next()?;
        (c.is_alphanumeric() || is_combining_mark(c)).then(|| c.len_utf8())
    }

    /// The length in bytes of the character that starts at byte `i` (1 past the end).
    fn char_len(&self, i: usize) -> usize {
        match self.text.as_bytes().get(i) {
            Some(b) if *b >= 0xF0 => 4,
            Some(b) if *b >= 0xE0 => 3,
            Some(b) if *b >= 0xC0 => 2,
            _ => 1,
        }
    }
}

/// A "word" of more than 40 letters (a hash, a base64 run) is nobody's query.
fn short(w: &str) -> bool {
    w.len() <= 40 || w.chars().nth(40).is_none()
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        loop {
            if let Some(word) = self.pairs.find(|w| short(w)) {
                return Some(word);
            }
            let len = self.text.len();
            // Skip to the next letter.
            let mut start = self.at;
            while start < len {
                match self.letter_at(start) {
                    Some(_) => break,
                    None => start += self.char_len(start),
                }
            }
            if start >= len {
                self.at = len;
                return None;
            }
            let mut end = start;
            let mut ascii = true;
            while let Some(n) = self.letter_at(end) {
                ascii &= n == 1;
                end += n;
            }
            self.at = end;
            let run = self.text.get(start..end).unwrap_or("");
            // Most runs hold no CJK: they are their own word, with no list made for them.
            if !ascii && run.chars().any(is_cjk) {
                self.pairs = cjk_pairs(run).into_iter();
                continue;
            }
            if short(run) {
                return Some(run);
            }
        }
    }
}

/// Whether `c` belongs to a script written without spaces between words (Han, kana) or
/// whose words take particles (Hangul): these are searched by pairs of characters.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x31F0..=0x31FF    // Katakana extensions
        | 0x3400..=0x4DBF    // Han extension A
        | 0x4E00..=0x9FFF    // Han
        | 0xF900..=0xFAFF    // Han compatibility
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0x20000..=0x2FA1F) // Han extensions B–F
}

/// A run of letters and digits holding CJK as search words: its other letters as words and
/// each CJK stretch as overlapping pairs (one character alone as is).
fn cjk_pairs(run: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = run.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map_or(run.len(), |&(at, _)| at);
    let mut k = 0;
    while k < chars.len() {
        let cjk = is_cjk(chars[k].1);
        let mut j = k;
        while j < chars.len() && is_cjk(chars[j].1) == cjk {
            j += 1;
        }
        if !cjk || j - k == 1 {
            out.push(run.get(end_of(k)..end_of(j)).unwrap_or(""));
        } else {
            for p in k..j - 1 {
                out.push(run.get(end_of(p)..end_of(p + 2)).unwrap_or(""));
            }
        }
        k = j;
    }
    out
}

/// One page of the index: its title and URL (relative to the site root); its sections are
/// usually borrowed from the rendered chapter.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The chapter's title, shown in search results.
    pub title: String,
    /// The title as inline HTML (docent's escaping), shown when it has markup.
    pub title_html: String,
    /// Where the chapter sits: its part and the chapters above it ("Part › Chapter"), plain
    /// text; empty for a top-level chapter outside any part.
    pub crumb: String,
    /// The page's URL relative to the site root (empty in the one-file page); a result
    /// adds `#anchor` for its section.
    pub url: String,
    /// The page's text by section, what words are matched against.
    pub sections: std::borrow::Cow<'a, [Section]>,
    /// Which of its sections recap rather than teach (front matter `review`).
    pub review: crate::course::Review,
}

/// Whether `word` is a stop word of `lang` (folded first): a query never looks it up.
pub fn is_stop_word(lang: &str, word: &str) -> bool {
    stop_words(lang).contains(&fold(word).as_str())
}

/// Words too common to find anything with, per language; left out of the index, and out
/// of a query unless it has nothing else. Dockerfile keywords (`from`, `as`, `run`,
/// `copy`) are never on these lists, except where the language has the word itself (pt
/// `as`, "the").
// Kept as rows of words: rustfmt would set a list holding one word of nine letters a word to a
// line.
#[rustfmt::skip]
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match primary(lang).as_str() {
        "en" => &[
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are",
            "was", "be", "it", "its", "this", "that", "these", "those", "i", "you", "we", "my",
            "your", "our", "do", "does", "how", "what", "why", "when", "which", "can", "should",
            "there", "then", "than", "so", "if", "at", "by", "into", "about", "me", "get", "has",
            "have", "had", "will", "would", "could", "need", "want", "use", "using", "used",
            "instead", "make", "some", "any", "all", "just", "also", "way", "vs", "versus",
            "onto", "upon", "makes", "making", "made", "gets", "getting", "got",
            // What a reader adds to a question, not what it is about.
            "actually", "really", "even", "still", "please", "anyone", "someone", "something",
            "im", "dont", "doesnt", "isnt", "cant", "wont", "whats", "hows",
            // Greetings and thanks: a question asked politely is the same question.
            "hello", "hi", "hey", "thanks", "thank", "folks", "guys",
        ],
        "pt" => &[
            "a", "o", "as", "os", "um", "uma", "uns", "umas", "e", "ou", "de", "da", "do", "das",
            "dos", "em", "no", "na", "nos", "nas", "por", "para", "pra", "com", "como", "que",
            "qual", "quais", "se", "eu", "meu", "minha", "voce", "você", "é", "ser", "sao", "são",
            "ao", "aos", "isso", "esse", "essa", "este", "esta", "mais", "muito", "faco", "faço",
            "fazer", "posso", "quando", "porque", "onde", "tem", "ter", "usar", "uso", "usa",
            "ficar", "fica", "pelo", "pela", "sem", "so", "só", "ja", "já", "tambem", "também",
            "vs", "versus", "quero", "queria", "quer", "preciso", "precisa", "consigo", "consegue",
            // Pronouns, and the short forms a reader types in a hurry: "pq", "vc", "n" for
            // "não", "tá", "tô".
            "ele", "ela", "eles", "elas", "dele", "dela", "seu", "sua", "seus", "suas", "nosso",
            "nossa", "nossos", "nossas", "meus", "minhas", "pq", "vc", "vcs", "tb", "tbm", "q",
            "n", "ta", "to", "pro", "num", "numa", "nem", "estao", "estou", "pode", "podem",
            "entao", "então",
            // Greetings and thanks ("Bom dia, como faço…"): a question asked politely is
            // the same question.
            "oi", "ola", "olá", "bom", "boa", "dia", "tarde", "noite", "obrigado", "obrigada",
            "favor", "galera", "pessoal",
        ],
        "es" => &[
            "el", "la", "los", "las", "un", "una", "y", "o", "de", "del", "en", "por", "para",
            "con", "como", "que", "es", "se", "mi", "yo", "al",
        ],
        "fr" => &[
            "le", "la", "les", "un", "une", "et", "ou", "de", "des", "du", "en", "dans", "pour",
            "avec", "comment", "que", "est", "je", "mon", "ma", "au", "aux",
        ],
        "de" => &[
            "der", "die", "das", "ein", "eine", "und", "oder", "von", "zu", "im", "in", "mit",
            "wie", "was", "ist", "ich", "mein", "den", "dem", "des",
        ],
        _ => &[],
    }
}

/// Appends `value` as JSON that is safe inside a `<script>` element: a `<` that could
/// start `</script`, `<!--` or `<script` is written `\u003c` (the same string to JSON, and
/// JSON has `<` only inside strings), so no text of the course can end the element or put
/// the HTML parser in its escaped states. `null` if it cannot be written as JSON.
pub fn write_script_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    let at = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(at);
        out.extend_from_slice(b"null");
        return;
    }
    let risky = |w: &[u8]| w[0] == b'<' && matches!(w[1], b'/' | b'!' | b's' | b'S');
    let json = out.get(at..).unwrap_or_default();
    if !memchr::memchr_iter(b'<', json).any(|i| json.get(i..i + 2).is_some_and(risky)) {
        return;
    }
    let json = out.split_off(at);
    for (i, &b) in json.iter().enumerate() {
        if b == b'<' && json.get(i..i + 2).is_some_and(risky) {
            out.extend_from_slice(b"\\u003c");
        } else {
            out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_end_or_escape_its_element() {
        let mut out = Vec::new();
        let text = "<!-- a --> <script>x</script> <SCRIPT> <b>";
        write_script_json(&mut out, text);
        let js = String::from_utf8(out).expect("utf-8");
        for bad in ["<!--", "<script", "</script", "<SCRIPT"] {
            assert!(!js.contains(bad), "{js}");
        }
        assert!(js.contains("<b>"), "other tags stay readable: {js}");
        assert_eq!(serde_json::from_str::<String>(&js).expect("JSON"), text);
    }

    #[test]
    fn chinese_japanese_and_korean_are_searched_by_pairs() {
        let w: Vec<&str> = words("多阶段构建 uses Docker多阶段 と キャッシュ 이미지를").collect();
        assert_eq!(
            w,
            [
                "多阶", "阶段", "段构", "构建", "uses", "Docker", "多阶", "阶段", "と", "キャ",
                "ャッ", "ッシ", "シュ", "이미", "미지", "지를"
            ]
        );
        assert_eq!(
            words("estágio multi-stage").collect::<Vec<_>>(),
            ["estágio", "multi", "stage"]
        );
    }

    /// The byte scanner finds the words the plain definition does: runs of letters, digits
    /// and marks between anything else, CJK runs as pairs, nothing over 40 letters.
    #[test]
    fn the_word_scanner_agrees_with_the_plain_definition() {
        fn plain(text: &str) -> Vec<&str> {
            text.split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
                .flat_map(|run| {
                    if run.chars().any(is_cjk) {
                        cjk_pairs(run)
                    } else {
                        vec![run]
                    }
                })
                .filter(|w| !w.is_empty() && w.chars().count() <= 40)
                .collect()
        }
        let long = "x".repeat(41);
        let texts = [
            String::new(),
            "  --mount=type=cache,target=/root/.npm  ".into(),
            "Estágio — único… “aspas” ¿qué? naïve café".into(),
            "स्टेज में काम, كِتَاب".into(),
            "多阶段构建 uses Docker多阶段 と キャッシュ 이미지를!".into(),
            "𠀀𠀁𠀂 emoji 🐳 whale 🐳🐳 end".into(),
            format!("{long} short {long}é"),
            "a\u{301}b \u{301}lead trail\u{301}".into(),
            "x86_64 aarch64 ${BUILDPLATFORM} 1.25".into(),
        ];
        for t in &texts {
            assert_eq!(words(t).collect::<Vec<_>>(), plain(t), "{t:?}");
        }
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Estágio"), "estagio");
        assert_eq!(fold("INSTRUÇÃO"), "instrucao");
        assert_eq!(fold("Über"), "uber");
        assert_eq!(fold("한국어"), "한국어");
        assert_eq!(fold("コンパイラ"), "コンパイラ");
        assert_ne!(fold("काम"), fold("कम"));
        let hindi: Vec<&str> = words("स्टेज में काम").collect();
        assert_eq!(hindi, ["स्टेज", "में", "काम"]);
        assert_eq!(fold("كِتَاب"), "كتاب");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
    }

    #[test]
    fn portuguese_stems_meet_across_plurals_and_accents() {
        let pt = Analyzer::new("pt-BR");
        assert_eq!(pt.stem("imagens"), pt.stem("imagem"));
        assert_eq!(pt.stem("estágio"), pt.stem("estágios"));
        assert_eq!(pt.stem("estágio"), fold(&pt.stem("estágio")));
        // What a reader types without accents lands on the same stem as the text.
        let typed = pt.stem("estagio");
        assert_eq!(typed, pt.stem("estágio"), "estagio vs estágio");
        assert_eq!(pt.stem("camadas"), pt.stem("camada"));
        assert_eq!(pt.stem("instruções"), pt.stem("instrução"));
        assert_eq!(pt.stem("imagens"), pt.stem("imagem"));
    }

    #[test]
    fn greetings_and_thanks_are_not_what_a_question_is_about() {
        for w in ["Hello", "thanks", "please"] {
            assert!(is_stop_word("en", w), "{w}");
        }
        for w in ["Bom", "dia", "Olá", "obrigado", "galera"] {
            assert!(is_stop_word("pt-BR", w), "{w}");
        }
        // Words of the subject stay.
        assert!(!is_stop_word("pt-BR", "estágio"));
        assert!(!is_stop_word("en", "stage"));
    }

    #[test]
    fn english_stems() {
        let en = Analyzer::new("en");
        assert_eq!(en.stem("images"), en.stem("image"));
        assert_eq!(en.stem("building"), en.stem("builds"));
        assert_eq!(en.stem("Stages"), "stage");
    }
}
