//! One language's search index, ranked at build time and split into small scripts so a
//! query loads only what it needs (from `file://` too).
//!
//! - `search/<lang>.js`, the manifest: pages (title, URL, where they sit), the words of the
//!   course with their stems, and every term (stems, then code tokens such as `--from`).
//! - `search/<lang>/b<k>.js`, postings: for each term, the sections holding it with a
//!   BM25F score (chapter title > heading > prose > code), review sections scaled down.
//!   A term lives in bucket `id % buckets`.
//! - `search/<lang>/c<k>.js`, the sections' text, a few at a time, for snippets and for
//!   re-ranking the best candidates by phrase and proximity in the browser.
//!
//! Every script pushes `[lang, name, data]` onto `window.docentSearchParts`, so they can
//! load in any order, or all at once inline in the one-file bundle.

use super::{Analyzer, Page, Section, fold, stop_words, words, write_script_json};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// A script of the index: its path under the site root and its text.
pub type Files = Vec<(String, String)>;

/// Field weights and length normalisation: chapter title, heading, prose, code words, and
/// the prose the author bolded or linked to another site. (Tuned on `tests/search/`:
/// headings weigh most, prose is normalised gently by length so a section that explains at
/// length is not punished for it, and a word in a long code block counts for less than one
/// in a short one. Prose, code and the chapter title's length refitted at stop 40.)
const WEIGHT: [f32; FIELDS] = [4.0, 10.0, 0.6, 0.5, 1.0];
const B: [f32; FIELDS] = [0.4, 0.8, 0.4, 0.95, 0.3];
/// Fields: where the section sits (its chapter's title, and a level-3 section's parent
/// heading), its heading, its prose, the words of its code, and its marked prose
/// (`Section::marked`: `[hadolint](https://…)` where a tool is introduced).
const FIELDS: usize = 5;
/// Code tokens (`--mount=type=cache`) as their own field.
const CODE_WEIGHT: f32 = 0.5;
/// A chapter's introduction (the text before its first heading) mostly announces what
/// its sections teach.
const INTRO: f32 = 0.7;
const K1: f32 = 2.0;
/// How much the whole chapter's use of a term adds to each of its sections' score.
const CHAPTER: f32 = 1.5;
/// How much a review section (a recap, a quiz) counts against one that teaches.
const REVIEW: f32 = 0.3;
/// Scores are written as integers: the score times this (fine enough that a chapter about a
/// word still lifts its section when the heading alone nearly saturates the score).
const SCALE: f32 = 40.0;
/// Postings per bucket and text bytes per chunk the split aims at.
const BUCKET_POSTINGS: usize = 6000;
const CHUNK_BYTES: usize = 16_000;
/// A term keeps the postings of its best this-many sections. A word found in a good part
/// of a large course (`stage` in a course about stages) says little, and its whole list
/// would be most of what a first query downloads; its rarer companions decide which sections
/// match, and the browser does not count a cut term as missing from the sections left out.
/// A course with fewer sections than this ranks with every posting.
const CHAMPIONS: usize = 1500;
/// Text kept per section for snippets and re-ranking.
const MAX_TEXT: usize = 3000;
const MAX_CODE: usize = 1500;

/// What one section holds: term frequencies per field and field lengths, its words already
/// reduced to the term ids the vocabulary knows them by.
struct Counted<'s> {
    /// Frequencies per field of the words the vocabulary knows (stop words left out).
    known: HashMap<u32, [u16; FIELDS]>,
    /// Frequencies per field of the spellings it has not met yet, to analyse.
    unknown: HashMap<&'s str, [u16; FIELDS]>,
    /// Code tokens as terms (`` `--from ``) and their counts.
    codes: HashMap<String, u16>,
    lens: [f32; FIELDS],
    code_len: f32,
}

/// Counts a section's words, each looked up in `spellings` as it comes (one lookup per word,
/// not one to count it and one more to name it).
fn count<'s>(
    title: &'s str,
    parent: &'s str,
    section: &'s Section,
    spellings: &HashMap<Box<str>, u32>,
) -> Counted<'s> {
    // About one distinct word per ten bytes of text: sized once, not grown step by step.
    let bytes = title.len()
        + section.heading.len()
        + section.text.len()
        + section.code.len()
        + section.marked.len();
    let mut known: HashMap<u32, [u16; FIELDS]> =
        HashMap::with_capacity_and_hasher(bytes / 10, Default::default());
    let mut unknown: HashMap<&str, [u16; FIELDS]> = HashMap::default();
    let mut lens = [0.0; FIELDS];
    let fields = [
        (0, title),
        (0, parent),
        (1, section.heading.as_str()),
        (2, section.text.as_str()),
        (3, section.code.as_str()),
        (4, section.marked.as_str()),
    ];
    let mut add = |word: &'s str, field: usize| {
        let tfs = match spellings.get(word) {
            Some(&STOP) => None,
            Some(&id) => Some(known.entry(id).or_insert([0; FIELDS])),
            None => Some(unknown.entry(word).or_insert([0; FIELDS])),
        };
        if let Some(tf) = tfs.and_then(|tfs| tfs.get_mut(field)) {
            *tf = tf.saturating_add(1);
        }
        if let Some(len) = lens.get_mut(field) {
            *len += 1.0;
        }
    };
    for (field, text) in fields {
        for w in words(text) {
            add(w, field);
            // An identifier in code (`getCurrencyInstance`, `ServiceLoader`) also holds the
            // words a reader types for it: its parts count as code words.
            if field == 3 {
                camel_parts(w).for_each(|part| add(part, 3));
            }
        }
    }
    // Inline code is counted as prose above; its identifiers' parts are code words too.
    for w in words(&section.inline_code) {
        camel_parts(w).for_each(|part| add(part, 3));
    }
    let mut codes: HashMap<String, u16> = HashMap::default();
    let mut code_len = 0.0;
    for code in [&section.code, &section.inline_code] {
        each_code_term(code, &mut |term| {
            // Most tokens repeat in a section: a string is made for the first only.
            match codes.get_mut(term) {
                Some(tf) => *tf = tf.saturating_add(1),
                None => {
                    codes.insert(term.to_string(), 1);
                }
            }
            code_len += 1.0;
        });
    }
    Counted {
        known,
        unknown,
        codes,
        lens,
        code_len,
    }
}

/// The parts of an ASCII identifier written in camel case (`getCurrencyInstance` → `get`,
/// `Currency`, `Instance`; `parseHTTPResponse` → `parse`, `HTTP`, `Response`; `getURLs` →
/// `get`, `URLs`), or nothing for any other word: one with no lower-case letter before a
/// capital is a name, not camel case, and one with a digit is more often a key or a hash
/// (`wJalrXUtnFEMI7K`) than words.
fn camel_parts(word: &str) -> impl Iterator<Item = &str> {
    let b = word.as_bytes();
    let camel = word.is_ascii()
        && !b.iter().any(u8::is_ascii_digit)
        && b.windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let mut start = 0;
    let mut cuts = Vec::new();
    if camel {
        for i in 1..b.len() {
            let (prev, here) = (b[i - 1], b[i]);
            let lower_to_upper = prev.is_ascii_lowercase() && here.is_ascii_uppercase();
            // The last capital of an acronym starts the next word ("HTTPResponse"), unless
            // what follows is the acronym's plural ("URLs").
            let next = b.get(i + 1..).unwrap_or_default();
            let plural =
                next.first() == Some(&b's') && !next.get(1).is_some_and(u8::is_ascii_lowercase);
            let acronym_end = prev.is_ascii_uppercase()
                && here.is_ascii_uppercase()
                && next.first().is_some_and(u8::is_ascii_lowercase)
                && !plural;
            if lower_to_upper || acronym_end {
                cuts.push(word.get(start..i).unwrap_or(""));
                start = i;
            }
        }
        cuts.push(word.get(start..).unwrap_or(""));
    }
    cuts.into_iter().filter(|p| p.len() > 1)
}

/// A term's counts in one section: (term id, frequency per field, frequency as a code
/// token).
type TermCount = (u32, [u16; FIELDS], u16);

/// `counts` sorted by term id, the counts of one id (spellings with the same stem) summed.
fn merge_by_id(mut counts: Vec<TermCount>) -> Vec<TermCount> {
    counts.sort_unstable_by_key(|(id, _, _)| *id);
    let mut out: Vec<TermCount> = Vec::with_capacity(counts.len());
    for (id, f, c) in counts {
        match out.last_mut() {
            Some((last, fields, code)) if *last == id => {
                for (a, b) in fields.iter_mut().zip(f) {
                    *a = a.saturating_add(b);
                }
                *code = code.saturating_add(c);
            }
            _ => out.push((id, f, c)),
        }
    }
    out
}

/// One section reduced to numbers: its term counts, and its field lengths.
struct Terms {
    tf: Vec<TermCount>,
    lens: [f32; FIELDS],
    code_len: f32,
}

/// A stop word's place in [`Vocabulary::spellings`].
const STOP: u32 = u32::MAX;

/// Every term met so far: ids in the order first seen (the same on every build, as the
/// sections come in order), each spelling folded and stemmed once.
#[derive(Default)]
struct Vocabulary {
    /// spelling → its stem's term id, or [`STOP`] (kept small: looked up for every word of
    /// every section)
    spellings: HashMap<Box<str>, u32>,
    /// Each spelling that is not a stop word, folded, with its stem's term id and whether
    /// the spelling is its folded form (in any case).
    folded: Vec<(String, u32, bool)>,
    ids: HashMap<String, u32>,
    terms: Vec<String>,
}

impl Vocabulary {
    fn id(&mut self, term: String) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        // Never `STOP`, even past four billion terms.
        let id = u32::try_from(self.terms.len()).map_or(STOP - 1, |id| id.min(STOP - 1));
        self.terms.push(term.clone());
        self.ids.insert(term, id);
        id
    }
}

/// The code tokens of a block, as a reader would type them: its whitespace-separated words
/// that hold punctuation (`--from=build`, `$BUILDPLATFORM`, `.dockerignore`, `apt-get`),
/// trimmed of quotes and brackets, in lower case; a flag with a value also as the flag
/// (`--from`) and its first setting (`--mount=type=cache`); `${X}` as `$x`. Each comes as
/// the term it is indexed under: after a backquote. `f` is called with each, made in one
/// reused buffer (a section repeats most of its tokens).
fn each_code_term(code: &str, f: &mut dyn FnMut(&str)) {
    let word_char =
        |c: char| c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
    let mut term = String::new();
    let mut part = String::new();
    for raw in code.split_whitespace() {
        let t = raw.trim_matches(|c: char| "\"'`,;()[]{}<>\\".contains(c));
        if t.is_empty() || t.len() > 60 && t.chars().count() > 60 || t.chars().all(word_char) {
            continue;
        }
        term.clear();
        term.push('`');
        match t.strip_prefix("${") {
            Some(inner) => {
                term.push('$');
                push_lower(&mut term, inner.trim_end_matches('}'));
            }
            None => push_lower(&mut term, t),
        }
        let token = term.get(1..).unwrap_or("");
        if token.starts_with('-')
            && let Some((flag, value)) = token.split_once('=')
        {
            part.clear();
            part.push('`');
            part.push_str(flag);
            f(&part);
            if let Some((first, _)) = value.split_once(',') {
                part.push('=');
                part.push_str(first);
                f(&part);
            }
        }
        if token.chars().any(char::is_alphanumeric) {
            f(&term);
        }
    }
}

/// `s` in lower case, appended (ASCII without the Unicode tables).
fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// The manifest's data.
#[derive(Serialize)]
struct Manifest<'a> {
    /// Format version.
    v: u32,
    /// Sections in the course, buckets, sections per chunk.
    n: usize,
    buckets: usize,
    chunk: usize,
    /// (title, url, title HTML or "", crumb or "", first section)
    pages: Vec<(&'a str, &'a str, &'a str, &'a str, usize)>,
    /// Every term, in id order, one per line; code tokens start with a backquote.
    terms: String,
    /// The course's words (folded), space-separated, and the term id of each one's stem.
    words: String,
    stems: Vec<u32>,
    /// The language's stop words, for the query.
    stop: &'static [&'static str],
    /// The author's synonym groups: each one's words (folded) and the term ids of their
    /// stems that the course uses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    syn: Vec<Synonyms>,
    /// Terms whose postings keep only their best sections ([`CHAMPIONS`]).
    cut: Vec<u32>,
}

/// Every script of `lang`'s index for `pages`, with the author's `synonyms` for the query.
/// `give_up` is asked between batches of sections: once it says yes, what is returned is
/// cut short and only good for throwing away.
pub fn index_files(
    lang: &str,
    pages: &[Page<'_>],
    synonyms: &[Vec<String>],
    give_up: &(dyn Fn() -> bool + Sync),
) -> Files {
    let sections: Vec<(usize, &Section)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.sections.iter().map(move |s| (i, s)))
        .collect();
    // Each level-3 section's parent heading: where it sits, as the chapter title is.
    let parents: Vec<&str> = sections
        .iter()
        .scan((usize::MAX, ""), |(page, parent), (i, s)| {
            if *page != *i {
                *page = *i;
                *parent = "";
            }
            Some(match s.level {
                2 => {
                    *parent = s.heading.as_str();
                    ""
                }
                3 => *parent,
                _ => "",
            })
        })
        .collect();
    let stop: HashSet<&str> = stop_words(lang).iter().copied().collect();
    // A few hundred sections at a time, so the words of a large course are never all held
    // as text at once: counted in parallel, new spellings analysed in parallel, then
    // reduced to term ids.
    let mut vocabulary = Vocabulary::default();
    let mut all: Vec<Terms> = Vec::with_capacity(sections.len());
    for (part, parents) in sections.chunks(512).zip(parents.chunks(512)) {
        if give_up() {
            return Files::new();
        }
        // Counted in parallel, each word looked up as it comes: most are known by now (their
        // term ids are counted), the rest are new spellings to analyse.
        let spellings = &vocabulary.spellings;
        let looked_up: Vec<Counted<'_>> = part
            .par_iter()
            .zip(parents)
            .map(|((i, s), parent)| {
                count(
                    pages.get(*i).map_or("", |p| p.title.as_str()),
                    parent,
                    s,
                    spellings,
                )
            })
            .collect();
        let mut new: Vec<&str> = looked_up
            .iter()
            .flat_map(|l| l.unknown.keys().copied())
            .collect();
        new.sort_unstable();
        new.dedup();
        let analyzed: Vec<(&str, String, String)> = new
            .into_par_iter()
            .map_init(|| Analyzer::new(lang), |a, w| (w, fold(w), a.stem(w)))
            .collect();
        for (w, folded, stem) in analyzed {
            let id = if stop.contains(folded.as_str()) {
                STOP
            } else {
                let id = vocabulary.id(stem);
                let exact = w.to_lowercase() == folded;
                vocabulary.folded.push((folded, id, exact));
                id
            };
            vocabulary.spellings.insert(w.into(), id);
        }
        // New code tokens get ids in order, then every section is reduced to term ids
        // in parallel against the (now read-only) vocabulary.
        let new_codes: BTreeSet<&str> = looked_up
            .iter()
            .flat_map(|l| l.codes.keys().map(String::as_str))
            .filter(|t| !vocabulary.ids.contains_key(*t))
            .collect();
        for t in new_codes {
            vocabulary.id(t.to_string());
        }
        let vocabulary = &vocabulary;
        let reduced: Vec<Terms> = looked_up
            .into_par_iter()
            .map(|c| {
                let mut tf: Vec<TermCount> =
                    Vec::with_capacity(c.known.len() + c.unknown.len() + c.codes.len());
                tf.extend(c.known.iter().map(|(id, f)| (*id, *f, 0)));
                for (w, f) in &c.unknown {
                    if let Some(&id) = vocabulary.spellings.get(*w)
                        && id != STOP
                    {
                        tf.push((id, *f, 0));
                    }
                }
                for (t, n) in &c.codes {
                    if let Some(&id) = vocabulary.ids.get(t) {
                        tf.push((id, [0; FIELDS], *n));
                    }
                }
                Terms {
                    tf: merge_by_id(tf),
                    lens: c.lens,
                    code_len: c.code_len,
                }
            })
            .collect();
        all.extend(reduced);
    }
    let n = sections.len().max(1) as f32;
    let mut df = vec![0.0f32; vocabulary.terms.len()];
    let mut avg = [0.0f32; FIELDS];
    let mut avg_code = 0.0f32;
    for t in &all {
        for (id, _, _) in &t.tf {
            if let Some(d) = df.get_mut(*id as usize) {
                *d += 1.0;
            }
        }
        for (a, l) in avg.iter_mut().zip(t.lens) {
            *a += l / n;
        }
        avg_code += t.code_len / n;
    }
    let norm = |tf: f32, len: f32, avg: f32, b: f32| {
        if avg > 0.0 {
            tf / (1.0 - b + b * len / avg)
        } else {
            tf
        }
    };
    // Each section's weighted frequency of each term, and their sums per chapter: a section
    // of a chapter that is about the term (says it throughout) ranks above a passing
    // section elsewhere with the same heading.
    let weighted = |t: &Terms, tf: &[u16; FIELDS], code_tf: u16| {
        let mut x = 0.0;
        for f in 0..FIELDS {
            x += WEIGHT[f] * norm(f32::from(tf[f]), t.lens[f], avg[f], B[f]);
        }
        x + CODE_WEIGHT * norm(f32::from(code_tf), t.code_len, avg_code, 0.75)
    };
    let saturate = |x: f32| x * (K1 + 1.0) / (x + K1);
    // Each page's sections are consecutive: scored a page at a time, in parallel (its own
    // small table of chapter sums), a few hundred pages at once so the scores are never all
    // held, then appended in section order to each term's postings.
    let mut page_ranges: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (k, (page, _)) in sections.iter().enumerate() {
        match page_ranges.last_mut() {
            Some((p, range)) if p == page => range.end = k + 1,
            _ => page_ranges.push((*page, k..k + 1)),
        }
    }
    // Each term's inverse document frequency, once.
    let idf: Vec<f32> = df
        .iter()
        .map(|d| (1.0 + (n - d + 0.5) / (d + 0.5)).ln())
        .collect();
    let score_page = |page: usize, range: std::ops::Range<usize>| -> Vec<(u32, u32, u32)> {
        let terms = all.get(range.clone()).unwrap_or_default();
        let postings = terms.iter().map(|t| t.tf.len()).sum();
        let mut chapter: HashMap<u32, f32> =
            HashMap::with_capacity_and_hasher(postings, Default::default());
        // Every (section, term) weight, in the order the loop below reads them.
        let mut xs: Vec<f32> = Vec::with_capacity(postings);
        for t in terms {
            for (id, tf, code_tf) in &t.tf {
                let x = weighted(t, tf, *code_tf);
                xs.push(x);
                *chapter.entry(*id).or_default() += x;
            }
        }
        let mut out = Vec::with_capacity(postings);
        let mut at = 0;
        for (k, t) in range.zip(terms) {
            let these = xs.get(at..at + t.tf.len()).unwrap_or_default();
            at += t.tf.len();
            let Some((_, section)) = sections.get(k) else {
                continue;
            };
            let review = section.review
                || pages
                    .get(page)
                    .is_some_and(|p| p.review.covers(&section.anchor));
            for ((id, _, _), &x) in t.tf.iter().zip(these) {
                let idf = idf.get(*id as usize).copied().unwrap_or_default();
                let chapter = chapter.get(id).copied().unwrap_or(x);
                let mut score = idf * (saturate(x) + CHAPTER * saturate(chapter));
                if review {
                    score *= REVIEW;
                }
                if section.anchor.is_empty() {
                    score *= INTRO;
                }
                let q = (score * SCALE).round().max(1.0) as u32;
                out.push((*id, u32::try_from(k).unwrap_or(u32::MAX), q));
            }
        }
        out
    };
    // Postings by term id: (section, score).
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); vocabulary.terms.len()];
    for part in page_ranges.chunks(256) {
        if give_up() {
            return Files::new();
        }
        let scored: Vec<Vec<(u32, u32, u32)>> = part
            .par_iter()
            .map(|(page, range)| score_page(*page, range.clone()))
            .collect();
        for (id, k, q) in scored.into_iter().flatten() {
            if let Some(list) = postings.get_mut(id as usize) {
                list.push((k, q));
            }
        }
    }
    drop(all);
    let cut_terms: Vec<u32> = postings
        .par_iter_mut()
        .enumerate()
        .filter_map(|(id, list)| {
            (list.len() > CHAMPIONS).then(|| {
                // The best, found without sorting the rest (a term in most of a large
                // course's sections).
                list.select_nth_unstable_by(CHAMPIONS - 1, |a, b| {
                    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
                });
                list.truncate(CHAMPIONS);
                list.sort_unstable();
                u32::try_from(id).unwrap_or(u32::MAX)
            })
        })
        .collect();
    let total: usize = postings.iter().map(Vec::len).sum();
    let buckets = total.div_ceil(BUCKET_POSTINGS).max(1);
    let text_bytes: usize = sections
        .iter()
        .map(|(_, s)| {
            s.text.len().min(MAX_TEXT) + s.code.len().min(MAX_CODE) + s.heading.len() + 40
        })
        .sum();
    let per = (text_bytes / sections.len().max(1)).max(1);
    let chunk = (CHUNK_BYTES / per).clamp(4, 128);

    if give_up() {
        return Files::new();
    }
    let mut files = Vec::new();
    let mut words_line = String::new();
    let mut word_stems = Vec::new();
    // Two spellings folded alike ("copiá", "copia") may have different stems: a reader who
    // types the word without accents gets the stem of the spelling written that way, else
    // the first one analysed (a chunk of sections at a time, its new spellings in byte
    // order: the same on every build).
    let mut folded: BTreeMap<&str, (u32, bool)> = BTreeMap::new();
    for (f, id, exact) in &vocabulary.folded {
        let entry = folded.entry(f.as_str()).or_insert((*id, *exact));
        if *exact && !entry.1 {
            *entry = (*id, true);
        }
    }
    let folded = folded.into_iter().map(|(f, (id, _))| (f, id));
    for (w, id) in folded {
        if !words_line.is_empty() {
            words_line.push(' ');
        }
        words_line.push_str(w);
        word_stems.push(id);
    }
    let mut first = 0;
    let manifest = Manifest {
        v: 2,
        n: sections.len(),
        buckets,
        chunk,
        pages: pages
            .iter()
            .map(|p| {
                let html = if p.title_html.contains('<') {
                    p.title_html.as_str()
                } else {
                    ""
                };
                let entry = (
                    p.title.as_str(),
                    p.url.as_str(),
                    html,
                    p.crumb.as_str(),
                    first,
                );
                first += p.sections.len();
                entry
            })
            .collect(),
        terms: vocabulary.terms.join("\n"),
        words: words_line,
        stems: word_stems,
        stop: stop_words(lang),
        cut: cut_terms,
        syn: synonym_groups(lang, synonyms, &vocabulary),
    };
    files.push((
        format!("search/{lang}.js"),
        script(lang, "index", &manifest),
    ));
    let mut by_bucket: Vec<BTreeMap<u32, Vec<u32>>> = vec![BTreeMap::new(); buckets];
    for (id, list) in postings.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let mut flat = Vec::with_capacity(list.len() * 2);
        let mut last = 0;
        for (section, score) in list {
            flat.push(section - last);
            flat.push(score);
            last = section;
        }
        let id = u32::try_from(id).unwrap_or(u32::MAX);
        if let Some(b) = by_bucket.get_mut(id as usize % buckets) {
            b.insert(id, flat);
        }
    }
    // The scripts are written in parallel: serialising the text chunks is most of it.
    files.par_extend(by_bucket.par_iter().enumerate().map(|(k, bucket)| {
        let name = format!("b{k}");
        (
            format!("search/{lang}/{name}.js"),
            script(lang, &name, bucket),
        )
    }));
    files.par_extend(sections.par_chunks(chunk).enumerate().map(|(k, part)| {
        let texts: Vec<(&str, &str, Cow<'_, str>, &str)> = part
            .iter()
            .map(|(_, s)| {
                (
                    s.anchor.as_str(),
                    s.heading.as_str(),
                    cut_prose(&s.text, MAX_TEXT),
                    cut(&s.code, MAX_CODE),
                )
            })
            .collect();
        let name = format!("c{k}");
        (
            format!("search/{lang}/{name}.js"),
            script(lang, &name, &texts),
        )
    }));
    files
}

/// A synonym group as the query reads it: its words, folded, and the term ids of their stems
/// that the course uses (so a reader's form of a word, "exporting", finds it by its stem).
type Synonyms = (Vec<String>, Vec<u32>);

/// Each synonym group of the author's as the query reads it, without the language's stop
/// words. A group none of whose words the course uses would find nothing and is left out.
fn synonym_groups(lang: &str, synonyms: &[Vec<String>], vocabulary: &Vocabulary) -> Vec<Synonyms> {
    super::usage::groups(lang, synonyms)
        .into_iter()
        .filter_map(|group| {
            let mut ids: Vec<u32> = group
                .stems
                .iter()
                .filter_map(|s| vocabulary.ids.get(s).copied())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (!ids.is_empty()).then_some((group.words, ids))
        })
        .collect()
}

/// Every script of the index in one, for a page that carries its index inline.
pub fn inline_script(lang: &str, pages: &[Page<'_>], synonyms: &[Vec<String>]) -> String {
    index_files(lang, pages, synonyms, &|| false)
        .into_iter()
        .map(|(_, js)| js)
        .collect()
}

/// Prose for snippets: `text` cut after its last whole word within `max` bytes, with an
/// ellipsis, so a snippet near the cut neither ends mid-word nor looks like the section's end.
fn cut_prose(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let head = cut(text, max);
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space + 80 >= head.len() => head.get(..space).unwrap_or(head),
        _ => head,
    };
    Cow::Owned(format!("{}…", head.trim_end()))
}

/// `text` cut to at most `max` bytes, at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

fn script<T: Serialize + ?Sized>(lang: &str, name: &str, data: &T) -> String {
    let mut out = b"(window.docentSearchParts=window.docentSearchParts||[]).push([".to_vec();
    write_script_json(&mut out, lang);
    out.push(b',');
    write_script_json(&mut out, name);
    out.push(b',');
    write_script_json(&mut out, data);
    out.extend_from_slice(b"]);\n");
    // JSON from serde_json is valid UTF-8, and the rest is ASCII.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_prose_is_cut_after_a_whole_word_with_an_ellipsis() {
        assert_eq!(cut_prose("short text", 100), "short text");
        let long = "stage ".repeat(20) + "estágio";
        let kept = cut_prose(&long, 50);
        assert!(kept.len() <= 50 + '…'.len_utf8(), "{kept}");
        assert!(kept.ends_with("stage…"), "ends on a whole word: {kept}");
        // A cut inside a multi-byte letter stays on a character boundary.
        let word = "ã".repeat(40);
        assert!(cut_prose(&word, 51).ends_with("ã…"));
    }

    #[test]
    fn code_tokens_are_what_readers_type() {
        let t = code_terms(
            "RUN --mount=type=cache,target=/root/.npm npm ci\nCOPY --from=build /app ./\nARG ${BUILDPLATFORM}\n\"apt-get\"",
        );
        for want in [
            "--mount",
            "--mount=type=cache",
            "--from",
            "--from=build",
            "/app",
            "$buildplatform",
            "apt-get",
            "/root/.npm",
        ] {
            assert!(t.iter().any(|x| x.contains(want)), "{want} in {t:?}");
        }
        assert!(t.iter().all(|x| x.starts_with('`')), "{t:?}");
        assert!(
            !t.contains(&"`npm".to_string()),
            "plain words are words, not code tokens"
        );
    }

    /// The data an index script pushes (`[lang, name, data]`), as JSON.
    fn script_data(js: &str) -> serde_json::Value {
        let start = js.find(",{").or_else(|| js.find(",[")).expect("data") + 1;
        serde_json::from_str(
            js[start..]
                .trim_end()
                .trim_end_matches(");")
                .trim_end_matches(']'),
        )
        .expect("JSON")
    }

    #[test]
    fn a_chapter_about_the_word_ranks_its_section_first() {
        let section = |anchor: &str, heading: &str, text: &str| Section {
            anchor: anchor.into(),
            heading: heading.into(),
            text: text.into(),
            code: String::new(),
            inline_code: String::new(),
            marked: String::new(),
            review: false,
            level: 2,
        };
        let page = |url: &str, sections: Vec<Section>| Page {
            title: "Chapter".into(),
            title_html: "Chapter".into(),
            crumb: String::new(),
            url: url.into(),
            sections: sections.into(),
            review: crate::course::Review::Whole(false),
        };
        // The same section twice; only the first chapter speaks of distroless elsewhere.
        let pages = vec![
            page(
                "en/go/",
                vec![
                    section("build", "Build", "Compile the service with go build."),
                    section("distroless", "Distroless", "The image has no shell."),
                ],
            ),
            page(
                "en/bases/",
                vec![
                    section("slim", "Slim", "Slim bases versus distroless bases."),
                    section("distroless", "Distroless", "The image has no shell."),
                    section(
                        "choose",
                        "Choose",
                        "Pick distroless when nothing needs a shell.",
                    ),
                ],
            ),
        ];
        let scores = postings(&index_files("en", &pages, &[], &|| false), "distroless");
        // Sections: 0 build, 1 go's distroless, 2 slim, 3 bases' distroless, 4 choose.
        assert!(scores[&3] > scores[&1], "{scores:?}");
    }

    /// A synonym group reaches the manifest as its folded words and the term ids of the
    /// stems the course uses; stop words are dropped, and a group that finds nothing is left
    /// out.
    #[test]
    fn synonym_groups_carry_the_stems_the_course_uses() {
        let section = Section {
            anchor: "out".into(),
            heading: "Exporting files".into(),
            text: "Export the binary.".into(),
            code: String::new(),
            inline_code: String::new(),
            marked: String::new(),
            review: false,
            level: 2,
        };
        let pages = vec![Page {
            title: "Files".into(),
            title_html: "Files".into(),
            crumb: String::new(),
            url: "en/files/".into(),
            sections: vec![section].into(),
            review: crate::course::Review::default(),
        }];
        let groups: Vec<Vec<String>> = [
            vec!["Export", "Extract"],
            vec!["the", "layer"],
            vec!["nothing", "nowhere"],
        ]
        .iter()
        .map(|g| g.iter().map(|w| (*w).to_string()).collect())
        .collect();
        let files = index_files("en", &pages, &groups, &|| false);
        let m = script_data(&files[0].1);
        let terms: Vec<&str> = m["terms"].as_str().expect("terms").split('\n').collect();
        let export = terms.iter().position(|t| *t == "export").expect("export");
        assert_eq!(
            m["syn"],
            serde_json::json!([[["export", "extract"], [export]]]),
            "{}",
            m["syn"]
        );
        // Without synonyms the manifest has no `syn` at all.
        let plain = script_data(&index_files("en", &pages, &[], &|| false)[0].1);
        assert!(plain.get("syn").is_none());
    }

    /// A chapter page titled `title` whose sections are those of `html`.
    fn page(title: &str, html: &str) -> Page<'static> {
        Page {
            title: title.into(),
            title_html: title.into(),
            crumb: String::new(),
            url: format!("en/{}/", title.to_lowercase()),
            sections: crate::markdown::sections::sections_of(html).into(),
            review: crate::course::Review::Whole(false),
        }
    }

    fn code_terms(code: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_code_term(code, &mut |term| out.push(term.to_string()));
        out
    }

    /// Section → score of `term` in an index's files.
    fn postings(files: &[(String, String)], term: &str) -> std::collections::BTreeMap<u64, u64> {
        let m = script_data(&files[0].1);
        let terms: Vec<&str> = m["terms"].as_str().expect("terms").split('\n').collect();
        let id = terms.iter().position(|t| *t == term).expect("term");
        let bucket = id % m["buckets"].as_u64().expect("buckets") as usize;
        let (_, b) = files
            .iter()
            .find(|(p, _)| p.ends_with(&format!("/b{bucket}.js")))
            .expect("bucket");
        let list = script_data(b)[id.to_string()]
            .as_array()
            .expect("postings")
            .clone();
        let mut section = 0;
        let mut scores = std::collections::BTreeMap::new();
        for pair in list.chunks(2) {
            section += pair[0].as_u64().expect("delta");
            scores.insert(section, pair[1].as_u64().expect("score"));
        }
        scores
    }

    /// A tool the author links to its home where the section introduces it outranks a
    /// section that names it as often in passing.
    #[test]
    fn a_tool_linked_to_its_home_outranks_a_passing_mention() {
        let html = "<h2 id=\"wrong\">Secrets the wrong way</h2><p>This file passes hadolint only because the hadolint settings of the chapter turn two rules off.</p><h2 id=\"lint\">Lint before you build</h2><p><a href=\"https://github.com/hadolint/hadolint\">hadolint</a> reads a Dockerfile without Docker at all, and hadolint runs ShellCheck over every RUN line as well.</p>";
        let files = index_files("en", &[page("Security", html)], &[], &|| false);
        let scores = postings(&files, "hadolint");
        assert!(scores[&1] > scores[&0], "{scores:?}");
    }

    /// "copiá-lo" (to copy it) and "copia" (copies) fold alike but stem apart: the reader
    /// who types "copia" gets the stem of the word written that way, whichever came first.
    #[test]
    fn a_word_typed_without_accents_gets_the_stem_of_that_spelling() {
        let html = "<h2 id=\"a\">Copiá-lo</h2><p>Basta copiá-lo.</p><h2 id=\"b\">O COPY</h2><p>O COPY copia arquivos.</p>";
        let files = index_files("pt-BR", &[page("Cópias", html)], &[], &|| false);
        let m = script_data(&files[0].1);
        let terms: Vec<&str> = m["terms"].as_str().expect("terms").split('\n').collect();
        let words: Vec<&str> = m["words"].as_str().expect("words").split(' ').collect();
        let at = words.iter().position(|w| *w == "copia").expect("copia");
        let stem = m["stems"][at].as_u64().expect("stem") as usize;
        let analyzer = crate::search::Analyzer::new("pt-BR");
        assert_eq!(terms[stem], analyzer.stem("copia"));
        assert_ne!(
            analyzer.stem("copia"),
            analyzer.stem("copiá"),
            "the case it guards"
        );
    }

    #[test]
    fn camel_case_identifiers_split_into_words() {
        let parts = |w| camel_parts(w).collect::<Vec<_>>();
        assert_eq!(
            parts("getCurrencyInstance"),
            ["get", "Currency", "Instance"]
        );
        assert_eq!(parts("parseHTTPResponse"), ["parse", "HTTP", "Response"]);
        assert_eq!(parts("getURLs"), ["get", "URLs"]);
        assert_eq!(parts("allowedIPs"), ["allowed", "IPs"]);
        assert_eq!(parts("ServiceLoader"), ["Service", "Loader"]);
        for plain in [
            "currency",
            "CGO",
            "Docker",
            "HTTPServer",
            "x",
            "",
            "ÉcoleNormale",
        ] {
            assert!(parts(plain).is_empty(), "{plain}");
        }
    }

    /// A word a reader types finds the section whose code names it inside an identifier.
    #[test]
    fn a_word_inside_an_identifier_finds_its_section() {
        let html = "<h2 id=\"locale\">Locale data</h2><p>Formatting with <code>NumberFormat.getCurrencyInstance()</code> prints the wrong separators.</p><h2 id=\"other\">Other</h2><p>Nothing about money.</p>";
        let files = index_files("en", &[page("Recipes", html)], &[], &|| false);
        let currency = postings(&files, &crate::search::Analyzer::new("en").stem("currency"));
        assert!(currency.contains_key(&0), "{currency:?}");
        assert!(!currency.contains_key(&1), "{currency:?}");
    }

    #[test]
    fn a_flag_written_in_a_sentence_is_a_code_token_of_its_section() {
        let html = "<h2 id=\"mounts\">Cache mounts</h2><p>Ask with <code>RUN --mount=type=cache,target=/root/.npm npm ci</code> and it stays.</p><h2 id=\"other\">Other</h2><p>No flags here.</p>";
        let sections: Vec<Section> = crate::markdown::sections::sections_of(html);
        assert!(
            sections[0].text.contains("RUN --mount=type=cache"),
            "{:?}",
            sections[0]
        );
        assert!(sections[0].code.is_empty(), "{:?}", sections[0]);
        let pages = vec![Page {
            title: "Chapter".into(),
            title_html: "Chapter".into(),
            crumb: String::new(),
            url: "en/cache/".into(),
            sections: sections.into(),
            review: crate::course::Review::Whole(false),
        }];
        let files = index_files("en", &pages, &[], &|| false);
        for term in ["`--mount=type=cache", "`--mount"] {
            assert_eq!(
                postings(&files, term).keys().collect::<Vec<_>>(),
                [&0],
                "{term}"
            );
        }
    }

    #[test]
    fn a_word_in_most_sections_keeps_its_best_postings() {
        // CHAMPIONS + 100 sections say "stage"; the first 50 say it in their heading.
        let sections: Vec<Section> = (0..CHAMPIONS + 100)
            .map(|k| Section {
                anchor: format!("s{k}"),
                heading: if k < 50 {
                    "Stage".into()
                } else {
                    format!("Part {k}")
                },
                text: format!("one stage of many, number {k}"),
                code: String::new(),
                inline_code: String::new(),
                marked: String::new(),
                review: false,
                level: 2,
            })
            .collect();
        let pages = vec![Page {
            title: "Big".into(),
            title_html: "Big".into(),
            crumb: String::new(),
            url: "en/big/".into(),
            sections: sections.into(),
            review: crate::course::Review::Whole(false),
        }];
        let files = index_files("en", &pages, &[], &|| false);

        let m = script_data(&files[0].1);
        let terms: Vec<&str> = m["terms"].as_str().expect("terms").split('\n').collect();
        let id = terms.iter().position(|t| *t == "stage").expect("stage");
        let cut = m["cut"].as_array().expect("cut");
        assert!(cut.contains(&serde_json::json!(id)), "{cut:?}");
        let bucket = id % m["buckets"].as_u64().expect("buckets") as usize;
        let (_, b) = files
            .iter()
            .find(|(p, _)| p.ends_with(&format!("/b{bucket}.js")))
            .expect("bucket");
        let list = script_data(b)[id.to_string()]
            .as_array()
            .expect("postings")
            .clone();
        assert_eq!(list.len(), CHAMPIONS * 2);
        // Sections ascending (delta-coded), and the headed ones among those kept.
        let mut section = 0;
        let mut kept = Vec::new();
        for pair in list.chunks(2) {
            section += pair[0].as_u64().expect("delta");
            kept.push(section);
        }
        assert!((0..50).all(|k| kept.contains(&k)), "{:?}", &kept[..60]);
    }

    #[test]
    fn index_scores_teaching_sections_above_review() {
        let section = |anchor: &str, heading: &str, text: &str, review: bool| Section {
            anchor: anchor.into(),
            heading: heading.into(),
            text: text.into(),
            code: String::new(),
            inline_code: String::new(),
            marked: String::new(),
            review,
            level: 2,
        };
        let pages = vec![Page {
            title: "Caches".into(),
            title_html: "Caches".into(),
            crumb: String::new(),
            url: "en/caches/".into(),
            sections: vec![
                section(
                    "mounts",
                    "Cache mounts",
                    "A cache mount keeps the npm cache.",
                    false,
                ),
                section(
                    "check",
                    "Self-check",
                    "Which cache mount keeps the npm cache?",
                    true,
                ),
            ]
            .into(),
            review: crate::course::Review::Whole(false),
        }];
        let files = index_files("en", &pages, &[], &|| false);
        let manifest = &files[0].1;
        assert!(manifest.starts_with(
            "(window.docentSearchParts=window.docentSearchParts||[]).push([\"en\",\"index\",{"
        ));
        let m = script_data(manifest);
        let terms: Vec<&str> = m["terms"].as_str().expect("terms").split('\n').collect();
        let id = terms
            .iter()
            .position(|t| *t == "mount")
            .expect("stem of mount");
        let bucket = id % m["buckets"].as_u64().expect("buckets") as usize;
        let (_, b) = files
            .iter()
            .find(|(p, _)| p.ends_with(&format!("/b{bucket}.js")))
            .expect("bucket");
        let list = script_data(b)[id.to_string()].clone();
        let scores: Vec<u64> = list
            .as_array()
            .expect("postings")
            .iter()
            .skip(1)
            .step_by(2)
            .filter_map(|v| v.as_u64())
            .collect();
        assert_eq!(scores.len(), 2);
        assert!(
            scores[0] > scores[1] * 2,
            "the quiz section ranks far below: {scores:?}"
        );
        assert!(
            !m["words"]
                .as_str()
                .expect("words")
                .split(' ')
                .any(|w| w == "the"),
            "stop words left out"
        );
    }
}
