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
    /// Hash of the order of every chapter id, part of each key.
    ids_hash: [u8; 32],
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
///
/// `only`: the caller knows that nothing but the files of these chapters changed since the
/// last call that rendered every chapter without error (a save in `serve`): only their keys
/// are computed, so a save costs what it changed, not what the course holds.
pub fn render_chapters(
    course: &Course,
    environment: &[u8; 32],
    cache: &mut ChapterCache,
    only: Option<&std::collections::BTreeSet<usize>>,
) -> Result<ChaptersRendered> {
    if let Some(only) = only {
        let ids_hash = cache.ids_hash;
        let jobs: Vec<(usize, &str, [u8; 32])> = only
            .iter()
            .filter_map(|&i| Some((i, course.chapters.get(i)?)))
            .flat_map(|(i, c)| keyed(environment, &ids_hash, i, c))
            .collect();
        let (fresh, errors) = render_changed(course, cache, &jobs)?;
        // A chapter that fails is reported by the whole pass below, as a full build does.
        if errors.is_empty() && course.read_whole() {
            let rendered = fresh.len();
            let replaced = apply(cache, fresh, &jobs);
            return Ok(ChaptersRendered {
                chapters: Arc::clone(&cache.entries),
                rendered,
                errors,
                replaced,
            });
        }
    }
    let ids: Vec<&str> = course.chapters.iter().map(|c| c.id.as_str()).collect();
    let ids_hash = *blake3::hash(ids.join("\n").as_bytes()).as_bytes();
    let jobs: Vec<(usize, &str, [u8; 32])> = course
        .chapters
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, c)| keyed(environment, &ids_hash, i, c))
        .collect();
    let (fresh, errors) = render_changed(course, cache, &jobs)?;
    let rendered_now = fresh.len();
    // The cache stays as it was when a chapter failed to render, or a chapter or one of its
    // files failed to load (the others then sit at other positions, or fall back to another
    // language: kept, their renderings would be made again once it is fixed), so the next
    // build reads again every chapter that may still be broken.
    let keep = errors.is_empty() && course.read_whole();
    // The same chapter files as last time (a save): patch the kept map. Otherwise, or when
    // the cache is not kept, a new map.
    let same_files = jobs.len() == cache.entries.len()
        && jobs
            .iter()
            .all(|(i, lang, _)| cache.key(*i, lang).is_some());
    let out = if keep && same_files {
        apply(cache, fresh, &jobs);
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
        if keep {
            cache.entries = Arc::clone(&out);
            let mut keys: HashMap<usize, Vec<(String, [u8; 32])>> = HashMap::new();
            for (i, lang, key) in &jobs {
                keys.entry(*i).or_default().push((lang.to_string(), *key));
            }
            cache.keys = keys;
        }
        out
    };
    if keep {
        cache.ids_hash = ids_hash;
    }
    Ok(ChaptersRendered {
        chapters: out,
        rendered: rendered_now,
        errors,
        replaced: Vec::new(),
    })
}

/// A chapter file rendered now, by (position, language).
type Fresh = ((usize, String), Arc<Rendered>);

/// A chapter file keyed for the cache: position, language, hash of its inputs.
type Job<'a> = (usize, &'a str, [u8; 32]);

/// The files of chapter `c` at position `i`, keyed by everything their rendering reads: the
/// strings (`environment`), the chapter's id and files, and the order of all ids.
fn keyed<'c>(
    environment: &[u8; 32],
    ids_hash: &[u8; 32],
    i: usize,
    c: &'c crate::course::Chapter,
) -> impl Iterator<Item = Job<'c>> + 'c {
    let (environment, ids_hash, assets) = (*environment, *ids_hash, c.assets_stamp);
    c.sources.iter().map(move |(lang, source)| {
        let mut h = blake3::Hasher::new();
        h.update(&environment);
        h.update(c.id.as_bytes());
        h.update(lang.as_bytes());
        h.update(source.path.as_os_str().as_encoded_bytes());
        h.update(&source.body_line.to_le_bytes());
        h.update(&source.hash);
        h.update(&assets);
        h.update(&ids_hash);
        (i, lang.as_str(), *h.finalize().as_bytes())
    })
}

/// Renders the files among `jobs` whose key is not the cached one: the ones that rendered,
/// and the errors of those that did not.
fn render_changed(
    course: &Course,
    cache: &ChapterCache,
    jobs: &[Job<'_>],
) -> Result<(Vec<Fresh>, Vec<Diagnostic>)> {
    let todo = jobs.iter().filter(|(i, lang, key)| {
        cache.key(*i, lang) != Some(key) || super::chapter_file(&cache.entries, *i, lang).is_none()
    });
    let mut errors = Vec::new();
    let mut fresh = Vec::new();
    for ((i, lang), result) in render_files(course, todo.map(|&(i, lang, _)| (i, lang))) {
        match result {
            Ok(r) => fresh.push(((i, lang), Arc::new(r))),
            Err(Error::Input(mut list)) => errors.append(&mut list),
            Err(e) => return Err(e),
        }
    }
    Ok((fresh, errors))
}

/// Patches `fresh` into the kept map (the same files as before, so no copy) and records the
/// keys of `jobs`; returns what each fresh file replaced.
fn apply(cache: &mut ChapterCache, fresh: Vec<Fresh>, jobs: &[Job<'_>]) -> Vec<Replaced> {
    let entries = Arc::make_mut(&mut cache.entries);
    let mut replaced = Vec::with_capacity(fresh.len());
    for (key, rendered) in fresh {
        let old = entries.insert(key.clone(), Arc::clone(&rendered));
        replaced.push(Replaced {
            key,
            old,
            new: rendered,
        });
    }
    for (i, lang, key) in jobs {
        if let Some(ks) = cache.keys.get_mut(i)
            && let Some(k) = ks.iter_mut().find(|(l, _)| l == lang)
        {
            k.1 = *key;
        }
    }
    replaced
}

/// A chapter file rendered again by a save: its rendering before and now.
pub struct Replaced {
    /// (chapter position, language).
    pub key: (usize, String),
    /// The rendering it replaced, if the file had one.
    pub old: Option<Arc<Rendered>>,
    /// The new rendering.
    pub new: Arc<Rendered>,
}

/// What [`render_chapters`] made: the chapters that rendered (the cached ones included),
/// how many were rendered now, and the errors of those that did not.
pub struct ChaptersRendered {
    /// Every chapter file that rendered, whether now or earlier (from the cache).
    pub chapters: Arc<RenderedChapters>,
    /// How many chapter files were rendered by this call, for the build summary.
    pub rendered: usize,
    /// Why the chapter files that failed did, with their own warnings; empty when all
    /// rendered.
    pub errors: Vec<Diagnostic>,
    /// With `only`: the files rendered again and what they replaced (empty otherwise).
    pub replaced: Vec<Replaced>,
}

/// The Markdown stage of each (chapter position, language) in `files`, in parallel; results
/// in the order given.
pub(super) fn render_files<'l>(
    course: &Course,
    files: impl Iterator<Item = (usize, &'l str)>,
) -> Vec<((usize, String), Result<Rendered>)> {
    let files: Vec<(usize, &str)> = files.collect();
    super::map_items(&files, |&(i, lang)| {
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
}

/// Warnings that belong to the course as a whole rather than one chapter's text.
pub fn course_warnings(course: &Course) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (index, chapter) in course.chapters.iter().enumerate() {
        for lang in course.language_codes() {
            if !chapter.sources.contains_key(lang) && !chapter.broken.contains(lang) {
                let Some(from) = course.page(lang, index).map(|p| p.content_lang) else {
                    continue;
                };
                out.push(
                    Diagnostic::warning(
                        chapter.dir.join(format!("{lang}.md")),
                        0,
                        0,
                        // The default language is the source the others translate.
                        if lang == course.default_language() {
                            format!(
                                "chapter `{}` has no {lang} source; its {lang} page shows the {from} text",
                                chapter.id
                            )
                        } else {
                            format!(
                                "chapter `{}` has no {lang} translation; its {lang} page shows the {from} text",
                                chapter.id
                            )
                        },
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
