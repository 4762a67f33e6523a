//! Each chapter file through the Markdown stage, in parallel, once: kept between builds
//! with the hash of everything its rendering read, so `serve` renders only what changed.

use crate::course::Course;
use crate::error::{Diagnostic, Error, Result};
use crate::markdown::{self, Rendered};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Rendered chapters keyed by (chapter index, language of the source).
pub type RenderedChapters = BTreeMap<(usize, String), Arc<Rendered>>;

/// Rendered chapters kept between builds, keyed by (chapter id, language), each with the hash
/// of everything its rendering read; `serve` re-renders only what changed.
///
/// The rendered chapters are shared with the build that uses them and patched in place by
/// the next one (no copy while that build has ended), and entries are found by chapter
/// position and language without building owned keys: a rebuild looks at every chapter
/// file. A key's hash covers the chapter's id and the order of all ids, so an entry at a
/// position another chapter has moved to never matches.
#[derive(Default)]
pub struct ChapterCache {
    entries: Arc<RenderedChapters>,
    keys: HashMap<usize, Vec<(String, [u8; 32])>>,
}

impl ChapterCache {
    fn key(&self, index: usize, lang: &str) -> Option<&[u8; 32]> {
        self.keys
            .get(&index)?
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, k)| k)
    }
}

/// Renders every chapter file that changed since the cached rendering, in parallel; the
/// errors of every chapter that failed are returned with the chapters that did not.
pub fn render_chapters(
    course: &Course,
    environment: &[u8; 32],
    cache: &mut ChapterCache,
) -> Result<ChaptersRendered> {
    let ids: Vec<&str> = course.chapters.iter().map(|c| c.id.as_str()).collect();
    let jobs: Vec<(usize, &str, [u8; 32])> = course
        .chapters
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, c)| {
            let assets = c.assets_stamp;
            c.sources.iter().map(move |(lang, source)| {
                let mut h = blake3::Hasher::new();
                h.update(environment);
                h.update(c.id.as_bytes());
                h.update(lang.as_bytes());
                h.update(source.path.as_os_str().as_encoded_bytes());
                h.update(&source.body_line.to_le_bytes());
                h.update(&source.hash);
                h.update(&assets);
                (i, lang.as_str(), *h.finalize().as_bytes())
            })
        })
        .collect();
    let ids_hash = blake3::hash(ids.join("\n").as_bytes());
    let jobs: Vec<(usize, &str, [u8; 32])> = jobs
        .into_iter()
        .map(|(i, lang, key)| (i, lang, keyed(&key, ids_hash.as_bytes())))
        .collect();
    let todo: Vec<&(usize, &str, [u8; 32])> = jobs
        .iter()
        .filter(|(i, lang, key)| {
            cache.key(*i, lang) != Some(key)
                || super::chapter_file(&cache.entries, *i, lang).is_none()
        })
        .collect();
    let results = render_files(course, todo.iter().map(|&&(i, lang, _)| (i, lang)));
    let rendered_now = results.len();
    let mut errors = Vec::new();
    let mut fresh = Vec::new();
    for ((i, lang), result) in results {
        match result {
            Ok(r) => fresh.push(((i, lang), Arc::new(r))),
            Err(Error::Input(mut list)) => errors.append(&mut list),
            Err(e) => return Err(e),
        }
    }
    let keys_of = |jobs: &[(usize, &str, [u8; 32])]| {
        let mut keys: HashMap<usize, Vec<(String, [u8; 32])>> = HashMap::new();
        for (i, lang, key) in jobs {
            keys.entry(*i).or_default().push((lang.to_string(), *key));
        }
        keys
    };
    // The same chapter files as last time (a save): patch the kept map. Otherwise, or when
    // a chapter failed (the cache stays as it was, so the next build reads again every
    // chapter that may still be broken), a new map.
    let same_files = jobs.len() == cache.entries.len()
        && jobs
            .iter()
            .all(|(i, lang, _)| cache.key(*i, lang).is_some());
    let out = if errors.is_empty() && same_files {
        let entries = Arc::make_mut(&mut cache.entries);
        for ((i, lang), rendered) in fresh {
            entries.insert((i, lang), rendered);
        }
        for (i, lang, key) in &jobs {
            if let Some(ks) = cache.keys.get_mut(i)
                && let Some(k) = ks.iter_mut().find(|(l, _)| l == lang)
            {
                k.1 = *key;
            }
        }
        Arc::clone(&cache.entries)
    } else {
        let mut out = RenderedChapters::new();
        let mut fresh: HashMap<(usize, String), Arc<Rendered>> = fresh.into_iter().collect();
        for (i, lang, key) in &jobs {
            let rendered = match fresh.remove(&(*i, lang.to_string())) {
                Some(r) => r,
                None if cache.key(*i, lang) == Some(key) => {
                    match super::chapter_file(&cache.entries, *i, lang) {
                        Some(r) => Arc::clone(r),
                        None => continue,
                    }
                }
                None => continue,
            };
            out.insert((*i, lang.to_string()), rendered);
        }
        let out = Arc::new(out);
        if errors.is_empty() {
            cache.entries = Arc::clone(&out);
            cache.keys = keys_of(&jobs);
        }
        out
    };
    Ok(ChaptersRendered {
        chapters: out,
        rendered: rendered_now,
        errors,
    })
}

/// What [`render_chapters`] made: the chapters that rendered (the cached ones included),
/// how many were rendered now, and the errors of those that did not.
pub struct ChaptersRendered {
    /// Every chapter file that rendered, whether now or earlier (from the cache).
    pub chapters: Arc<RenderedChapters>,
    /// How many chapter files were rendered by this call, for the build summary.
    pub rendered: usize,
    /// Why the chapter files that failed did; empty when all rendered.
    pub errors: Vec<Diagnostic>,
}

/// The Markdown stage of each (chapter position, language) in `files`, in parallel; results
/// in the order given.
pub(super) fn render_files<'l>(
    course: &Course,
    files: impl Iterator<Item = (usize, &'l str)>,
) -> Vec<((usize, String), Result<Rendered>)> {
    let files: Vec<(usize, &str)> = files.collect();
    files
        .par_iter()
        .map(|&(i, lang)| {
            let result = match course
                .chapters
                .get(i)
                .and_then(|c| Some((c, c.sources.get(lang)?)))
            {
                Some((chapter, source)) => markdown::render(&markdown::Context {
                    course,
                    chapter,
                    source,
                    lang,
                }),
                None => Ok(Rendered::default()),
            };
            ((i, lang.to_string()), result)
        })
        .collect()
}

fn keyed(key: &[u8; 32], more: &[u8]) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(key);
    h.update(more);
    *h.finalize().as_bytes()
}

/// Warnings that belong to the course as a whole rather than one chapter's text.
pub fn course_warnings(course: &Course) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (index, chapter) in course.chapters.iter().enumerate() {
        for lang in course.language_codes() {
            if !chapter.sources.contains_key(lang) {
                let Some(from) = course.page(lang, index).map(|p| p.content_lang) else {
                    continue;
                };
                out.push(
                    Diagnostic::warning(
                        chapter.dir.join(format!("{lang}.md")),
                        0,
                        0,
                        format!(
                            "chapter `{}` has no {lang} translation; its {lang} page shows the {from} text",
                            chapter.id
                        ),
                    )
                    .with_help(format!("add {lang}.md to the chapter folder"))
                    .of(crate::error::Kind::Translation)
                    .in_lang(lang),
                );
            }
        }
    }
    out
}
