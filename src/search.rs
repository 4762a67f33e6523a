//! The search index of one language, built at build time and written as a script
//! (`search/<lang>.js`) so it loads from file:// too.
//!
//! Words are stemmed with Snowball (English, Portuguese, …) and folded (lower case, accents
//! removed), so "estagio" finds "estágio" and "imagens" finds "imagem". The index maps every
//! folded word of the course to its stem, and every stem to the sections that contain it; the
//! browser folds the reader's words the same way and looks them up, with no stemmer of its own.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub use crate::markdown::sections::Section;

/// Lower case without accents: "Estágio" → "estagio".
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(
        match lang
            .split('-')
            .next()
            .unwrap_or(lang)
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Algorithm::English,
            "pt" => Algorithm::Portuguese,
            "es" => Algorithm::Spanish,
            "fr" => Algorithm::French,
            "de" => Algorithm::German,
            "it" => Algorithm::Italian,
            "nl" => Algorithm::Dutch,
            "sv" => Algorithm::Swedish,
            "ru" => Algorithm::Russian,
            _ => return None,
        },
    )
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
            portuguese: lang
                .split('-')
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case("pt")),
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
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= 40)
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
}

#[derive(Serialize)]
struct Index<'a> {
    /// (title, url), then the title as HTML when it has markup (else ""), then the crumb
    /// when there is one
    pages: Vec<Vec<&'a str>>,
    /// (page, anchor, heading, text)
    sections: Vec<(usize, &'a str, &'a str, &'a str)>,
    /// folded word → stem
    words: BTreeMap<String, String>,
    /// stem → [section, count, section, count, …]; a heading hit counts five times.
    stems: BTreeMap<String, Vec<usize>>,
}

/// A section's distinct spellings: (word, position of its first use, weight). Headings
/// count five times.
fn spellings(section: &Section) -> Vec<(&str, usize, usize)> {
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::default();
    let mut position = 0;
    for (text, weight) in [(&section.heading, 5), (&section.text, 1)] {
        for word in words(text) {
            seen.entry(word).or_insert((position, 0)).1 += weight;
            position += 1;
        }
    }
    seen.into_iter()
        .map(|(w, (first, weight))| (w, first, weight))
        .collect()
}

/// Strings numbered in the order first seen.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, name: String) -> u32 {
        if let Some(&id) = self.ids.get(&name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }
}

/// Every spelling met so far with its folded form and stem, as numbers: each spelling is
/// folded and stemmed once for the whole course, and the index is assembled without
/// comparing or hashing the same strings over and over.
#[derive(Default)]
struct Vocabulary {
    spellings: HashMap<String, (u32, u32)>,
    folded: Interner,
    stems: Interner,
}

/// What one section adds to the index.
struct Terms {
    /// (stem, weighted count)
    counts: Vec<(u32, usize)>,
    /// (folded word, stem) where the two differ
    words: Vec<(u32, u32)>,
}

/// The terms of one section. Within a section, every spelling that folds to the same word
/// takes the stem of the first one used.
fn section_terms(vocabulary: &Vocabulary, spellings: &[(&str, usize, usize)]) -> Terms {
    let mut by_folded: HashMap<u32, (usize, u32, usize)> = HashMap::default();
    for (word, first, weight) in spellings {
        let Some(&(folded, stem)) = vocabulary.spellings.get(*word) else {
            continue;
        };
        let entry = by_folded.entry(folded).or_insert((*first, stem, 0));
        if *first < entry.0 {
            (entry.0, entry.1) = (*first, stem);
        }
        entry.2 += weight;
    }
    let mut counts: HashMap<u32, usize> = HashMap::default();
    let mut words = Vec::new();
    for (folded, (_, stem, weight)) in by_folded {
        *counts.entry(stem).or_default() += weight;
        if vocabulary.folded.names.get(folded as usize) != vocabulary.stems.names.get(stem as usize)
        {
            words.push((folded, stem));
        }
    }
    Terms {
        counts: counts.into_iter().collect(),
        words,
    }
}

/// Whether a title's HTML holds tags, not just escaped text.
fn has_markup(html: &str) -> bool {
    html.contains('<')
}

/// The index script for `lang`: assigns `window.docentSearch[lang]`. Sections are analysed
/// in parallel; the result does not depend on the order they finish in.
pub fn index_script(lang: &str, pages: &[Page<'_>]) -> String {
    use rayon::prelude::*;
    let sections: Vec<(usize, &Section)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.sections.iter().map(move |s| (i, s)))
        .collect();
    let mut index = Index {
        pages: pages
            .iter()
            .map(|p| {
                let mut entry = vec![p.title.as_str(), p.url.as_str()];
                if has_markup(&p.title_html) || !p.crumb.is_empty() {
                    entry.push(if has_markup(&p.title_html) {
                        p.title_html.as_str()
                    } else {
                        ""
                    });
                }
                if !p.crumb.is_empty() {
                    entry.push(p.crumb.as_str());
                }
                entry
            })
            .collect(),
        sections: sections
            .iter()
            .map(|(i, s)| (*i, s.anchor.as_str(), s.heading.as_str(), s.text.as_str()))
            .collect(),
        words: BTreeMap::new(),
        stems: BTreeMap::new(),
    };
    // A few hundred sections at a time, so the words of a whole large course are never held
    // at once; new spellings are folded and stemmed in parallel, once.
    let mut vocabulary = Vocabulary::default();
    let mut postings: Vec<Vec<usize>> = Vec::new();
    let mut word_stems: Vec<Option<u32>> = Vec::new();
    for (chunk, part) in sections.chunks(512).enumerate() {
        let found: Vec<Vec<(&str, usize, usize)>> =
            part.par_iter().map(|(_, s)| spellings(s)).collect();
        let missing: std::collections::BTreeSet<&str> = found
            .iter()
            .flatten()
            .map(|(word, _, _)| *word)
            .filter(|word| !vocabulary.spellings.contains_key(*word))
            .collect();
        let analyzed: Vec<(&str, String, String)> = missing
            .into_par_iter()
            .map_init(
                || Analyzer::new(lang),
                |a, word| (word, fold(word), a.stem(word)),
            )
            .collect();
        for (word, folded, stem) in analyzed {
            let ids = (vocabulary.folded.id(folded), vocabulary.stems.id(stem));
            vocabulary.spellings.insert(word.to_string(), ids);
        }
        let terms: Vec<_> = found
            .par_iter()
            .map(|spellings| section_terms(&vocabulary, spellings))
            .collect();
        postings.resize_with(vocabulary.stems.names.len(), Vec::new);
        word_stems.resize(vocabulary.folded.names.len(), None);
        for (k, Terms { counts, words }) in terms.into_iter().enumerate() {
            let id = chunk * 512 + k;
            for (stem, count) in counts {
                if let Some(list) = postings.get_mut(stem as usize) {
                    list.extend([id, count]);
                }
            }
            for (folded, stem) in words {
                if let Some(slot @ None) = word_stems.get_mut(folded as usize) {
                    *slot = Some(stem);
                }
            }
        }
    }
    let name = |names: &[String], id: u32| names.get(id as usize).cloned().unwrap_or_default();
    index.words = word_stems
        .iter()
        .enumerate()
        .filter_map(|(folded, stem)| {
            let folded = u32::try_from(folded).ok()?;
            Some((
                name(&vocabulary.folded.names, folded),
                name(&vocabulary.stems.names, (*stem)?),
            ))
        })
        .collect();
    index.stems = vocabulary
        .stems
        .names
        .into_iter()
        .zip(postings)
        .filter(|(_, list)| !list.is_empty())
        .collect();
    let mut out = b"window.docentSearch=window.docentSearch||{};window.docentSearch[".to_vec();
    write_script_json(&mut out, lang);
    out.extend_from_slice(b"]=");
    // Written straight into the script: a large course's index is held once, not three times.
    write_script_json(&mut out, &index);
    out.extend_from_slice(b";\n");
    // Everything written is JSON from `serde_json` (valid UTF-8) or ASCII.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends `value` as JSON that is safe inside a `<script>` element (see [`ScriptSafe`]);
/// `null` if it cannot be written as JSON.
pub fn write_script_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    let at = out.len();
    let mut writer = ScriptSafe {
        out,
        after_lt: false,
    };
    if serde_json::to_writer(&mut writer, value).is_err() {
        out.truncate(at);
        out.extend_from_slice(b"null");
    }
}

/// Writes JSON for a `<script>` element: `</` becomes `<\/` (the same string to JSON),
/// so no text in the index can close the element.
struct ScriptSafe<'o> {
    out: &'o mut Vec<u8>,
    /// Whether the last byte written was `<`.
    after_lt: bool,
}

impl std::io::Write for ScriptSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if b == b'/'
                && i.checked_sub(1)
                    .map_or(self.after_lt, |p| buf.get(p) == Some(&b'<'))
            {
                self.out.extend_from_slice(&buf[start..i]);
                self.out.push(b'\\');
                start = i;
            }
        }
        self.out.extend_from_slice(&buf[start..]);
        if let Some(&last) = buf.last() {
            self.after_lt = last == b'<';
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Estágio"), "estagio");
        assert_eq!(fold("INSTRUÇÃO"), "instrucao");
        assert_eq!(fold("Über"), "uber");
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
    fn english_stems() {
        let en = Analyzer::new("en");
        assert_eq!(en.stem("images"), en.stem("image"));
        assert_eq!(en.stem("building"), en.stem("builds"));
        assert_eq!(en.stem("Stages"), "stage");
    }

    #[test]
    fn index_maps_words_to_stems_and_sections() {
        let pages = vec![Page {
            title: "Primeiro".into(),
            title_html: "Primeiro".into(),
            crumb: String::new(),
            url: "pt-BR/primeiro/".into(),
            sections: vec![Section {
                anchor: "a".into(),
                heading: "Estágios".into(),
                text: "As imagens".into(),
            }]
            .into(),
        }];
        let js = index_script("pt-BR", &pages);
        assert!(js.starts_with(
            "window.docentSearch=window.docentSearch||{};window.docentSearch[\"pt-BR\"]={"
        ));
        let json = js
            .trim_end()
            .trim_end_matches(';')
            .split_once("]=")
            .map(|(_, j)| j)
            .expect("json");
        let v: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        let pt = Analyzer::new("pt");
        let stem = pt.stem("imagem");
        assert_eq!(v["stems"][&stem], serde_json::json!([0, 1]));
        assert_eq!(
            v["words"]["estagios"],
            serde_json::json!(pt.stem("estágios"))
        );
    }
}
