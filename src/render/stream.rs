//! A one-shot build, a batch of chapters at a time: each batch goes through the Markdown
//! stage, its pages and files go to the sink, its part of each print page is appended, and
//! then its text is dropped, keeping only what findings and the search index read. Memory
//! holds one batch of chapters, not the site.

use super::cache::PageCache;
use super::chapters::{ChaptersRendered, render_files};
use super::print::PrintStream;
use super::renderer::Renderer;
use super::{BuildOptions, RenderedChapters};
use crate::course::Course;
use crate::error::{Error, Result};
use crate::i18n::I18n;
use crate::site::Sink;
use crate::theme::Files;
use std::sync::Arc;

/// Chapters per batch: enough to keep every core busy between the sync points (64 was 4%
/// slower at 2x2000), few enough that a batch's pages
/// are a small part of a large course.
const BATCH: usize = 256;

/// What [`stream_chapters`] wrote.
#[derive(Debug, Default)]
pub struct Written {
    /// Paths handed to the sink: chapter pages, chapter files, print pages.
    pub files: Vec<String>,
    /// Pages rendered (chapter pages and print pages).
    pub pages_rendered: usize,
    /// What stopped pages from being written (a template error), to report when the
    /// findings hold no error of their own.
    pub error: Option<Error>,
}

/// Renders every chapter file and writes the chapter pages, their files and the print pages
/// to `sink`, a batch of chapters at a time; the source text of each batch is dropped from
/// `course` once rendered. The rendered chapters returned hold no body text (see
/// [`crate::markdown::Rendered::written`]). Once a chapter fails, the rest are still
/// rendered (to report every error) but no more pages are written.
pub fn stream_chapters(
    course: &mut Course,
    i18n: &I18n,
    theme: &Files,
    options: &BuildOptions,
    cache: &mut PageCache,
    sink: &dyn Sink,
) -> Result<(ChaptersRendered, Written)> {
    let mut chapters = ChaptersRendered {
        chapters: Arc::new(RenderedChapters::new()),
        rendered: 0,
        errors: Vec::new(),
        replaced: Vec::new(),
    };
    let mut all = RenderedChapters::new();
    let mut written = Written::default();
    let empty = RenderedChapters::new();
    let mut prints: Vec<PrintStream<'_>> = {
        let renderer = Renderer::new(course, i18n, theme, &empty, options, cache, false)?;
        course
            .language_codes()
            .map(|lang| renderer.open_print(lang, sink))
            .collect::<Result<_>>()?
    };
    // A chapter not translated into some language shows another language's text there, and
    // its links to other chapters are pointed at the headings of the language shown
    // (`Renderer::fragment_for`), which may lie in a later batch: such a course has its
    // headings read first. A course translated throughout (most) skips this.
    let headings: RenderedChapters = if course.translated_throughout() {
        RenderedChapters::new()
    } else {
        let files = course
            .chapters
            .iter()
            .enumerate()
            .flat_map(|(k, c)| c.sources.keys().map(move |lang| (k, lang.as_str())));
        render_files(course, files)
            .into_iter()
            .filter_map(|(key, result)| Some((key, Arc::new(result.ok()?.written()))))
            .collect()
    };
    let total = course.chapters.len();
    for start in (0..total).step_by(BATCH) {
        let range = start..(start + BATCH).min(total);
        let files = course.chapters[range.clone()]
            .iter()
            .enumerate()
            .flat_map(|(k, c)| c.sources.keys().map(move |lang| (start + k, lang.as_str())));
        let mut batch = RenderedChapters::new();
        for (key, result) in render_files(course, files) {
            chapters.rendered += 1;
            match result {
                Ok(r) => {
                    batch.insert(key, Arc::new(r));
                }
                Err(Error::Input(mut list)) => chapters.errors.append(&mut list),
                Err(e) => return Err(e),
            }
        }
        if chapters.errors.is_empty() && written.error.is_none() {
            let view;
            let chapters_seen = if headings.is_empty() {
                &batch
            } else {
                let mut all = headings.clone();
                all.extend(batch.iter().map(|(k, v)| (k.clone(), Arc::clone(v))));
                view = all;
                &view
            };
            let renderer = Renderer::new(course, i18n, theme, chapters_seen, options, cache, true)?;
            match renderer.chapter_batch(range.clone(), &mut prints, cache, sink) {
                Ok(paths) => {
                    written.pages_rendered += paths.iter().filter(|p| p.ends_with(".html")).count();
                    written.files.extend(paths);
                }
                Err(e @ Error::Input(_)) => written.error = Some(e),
                Err(e) => return Err(e),
            }
        }
        for (key, rendered) in batch {
            let kept = match Arc::try_unwrap(rendered) {
                Ok(r) => Arc::new(r.written()),
                Err(shared) => shared,
            };
            all.insert(key, kept);
        }
        for chapter in &mut course.chapters[range] {
            for source in chapter.sources.values_mut() {
                source.body = Arc::from("");
            }
        }
    }
    if chapters.errors.is_empty() && written.error.is_none() {
        for print in prints {
            written.files.push(print.path().to_string());
            written.pages_rendered += 1;
            print.close()?;
        }
    }
    chapters.chapters = Arc::new(all);
    Ok((chapters, written))
}
