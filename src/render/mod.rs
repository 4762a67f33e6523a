//! Course + rendered chapters → every file of the site, handed to a [`Sink`] as it is made:
//! pages per language, the print pages, search indexes, assets, sitemap and robots.txt.
//!
//! The parts: `chapters` (Markdown, once per chapter file), `renderer` (which pages, which
//! changed), `fingerprint` (what each page is made of), `cache` (what is kept between
//! builds), `page_list` (each language's pages), `pages` (chapter, home, chooser, 404), `context` (what templates see), `nav`
//! (the sidebar), `print` (every chapter on one page), `aggregates` (search index, sitemap),
//! `assets` (theme and chapter files), `templates` (Tera), `single` (the one-file page),
//! `stream` (a one-shot build, a batch of chapters at a time).

mod aggregates;
mod assets;
mod cache;
mod chapter_pages;
mod chapters;
mod context;
mod fingerprint;
mod lookup;
mod nav;
mod page_list;
mod pages;
mod print;
mod renderer;
mod single;
mod stream;
mod templates;

pub use cache::PageCache;
pub use chapters::{
    ChapterCache, ChaptersRendered, RenderedChapters, Replaced, course_warnings, render_chapters,
};
pub use nav::NAV_INLINE_LIMIT;
pub use renderer::Rendered as Output;
pub use stream::{Written, stream_chapters};

use crate::course::{Course, Page};
use crate::error::Result;
use crate::i18n::I18n;
use crate::markdown::Rendered;
use crate::site::Sink;
use crate::theme::Files;

/// How pages link to each other: directories (`../slug/`) for a web server, or files
/// (`../slug/index.html`) for a site opened from disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkStyle {
    /// `../slug/`: the server finds `index.html`.
    #[default]
    Directory,
    /// `../slug/index.html`: no server to find it (the offline bundle).
    File,
}

/// What the site is built for: the same course renders for a web server, the dev server
/// or a folder opened from disk.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// How pages link to each other; [`LinkStyle::File`] for a site opened from disk.
    pub link_style: LinkStyle,
    /// Draft chapters and translations are shown, each with a notice (`serve --drafts`).
    pub drafts: bool,
    /// Content-hashed asset names (`docent.3f2a….css`) for long caching in production; `serve`
    /// turns them off so a CSS edit changes no page and can be swapped in place.
    pub hashed_assets: bool,
    /// Where the site is served from, for the 404 page's `<base>`; defaults to the path of
    /// `base_url`. `serve` sets `/`.
    pub base_path: Option<String>,
    /// Overrides `base_url` of `course.toml` (`build --base-url`, for preview deployments).
    pub base_url: Option<String>,
    /// Set from another thread to stop a render early: the dev server sets it when a save
    /// arrives while it brings the print pages and search indexes up to date, so the save
    /// does not wait for them. The render then fails with [`crate::error::Error::Cancelled`].
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            link_style: LinkStyle::Directory,
            drafts: false,
            hashed_assets: true,
            base_path: None,
            base_url: None,
            cancel: None,
        }
    }
}

/// Which files a render brings up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outputs {
    /// Every file.
    All,
    /// Every file but those that hold every chapter (print pages, search indexes), which are
    /// handed over as they were when there are earlier ones: `serve` reloads the edited page
    /// first and asks for [`Outputs::All`] right after.
    AllButAggregates,
    /// Only the files not made chapter by chapter: home pages, language chooser, 404, search
    /// indexes, sitemap, robots.txt and theme assets (a one-shot build writes the chapter
    /// pages, their files and the print pages a batch of chapters at a time, see `stream`).
    Shared,
}

/// What pages are made from: the course, its strings and theme, and its rendered chapters.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    /// The course: its settings, chapters and pages per language.
    pub course: &'a Course,
    /// The UI strings filled into templates and chapter bodies.
    pub i18n: &'a I18n,
    /// Templates and static files, the course's overrides applied.
    pub theme: &'a Files,
    /// Every chapter file, rendered once (see [`render_chapters`]).
    pub chapters: &'a RenderedChapters,
}

impl<'a> Sources<'a> {
    fn renderer(
        self,
        options: &'a BuildOptions,
        cache: &mut PageCache,
        same_outline: bool,
    ) -> Result<renderer::Renderer<'a>> {
        renderer::Renderer::new(
            self.course,
            self.i18n,
            self.theme,
            self.chapters,
            options,
            cache,
            same_outline,
        )
    }
}

/// Renders `outputs` of the site from rendered chapters and hands every file to `sink`.
/// `text_only`: nothing but chapter text changed since `cache` last made a renderer (a
/// `serve` catch-up after a save), so the theme, strings and outline are not read again.
pub fn render_site(
    sources: Sources<'_>,
    options: &BuildOptions,
    cache: &mut PageCache,
    outputs: Outputs,
    sink: &dyn Sink,
    text_only: bool,
) -> Result<Output> {
    let clock = std::time::Instant::now();
    let renderer = sources.renderer(options, cache, text_only)?;
    tracing::debug!("renderer made: {} µs", clock.elapsed().as_micros());
    renderer.render(cache, outputs, sink)
}

/// Renders the pages of the chapters at positions `only`, in every language, and hands
/// only them to `sink`; the print pages and search indexes are left out of date
/// (`stale`), everything else as it was. For a save in `serve` that changed only those
/// chapters' text since the last render of the whole site from `cache`: the sink holds the
/// rest already, and this costs what the save changed, not what the course holds.
pub fn render_chapter_pages(
    sources: Sources<'_>,
    options: &BuildOptions,
    cache: &mut PageCache,
    only: &std::collections::BTreeSet<usize>,
    sink: &dyn Sink,
) -> Result<Output> {
    let clock = std::time::Instant::now();
    let renderer = sources.renderer(options, cache, true)?;
    tracing::debug!("renderer made: {} µs", clock.elapsed().as_micros());
    renderer.render_chapters_only(cache, only, sink)
}

/// `f` of each item, in order: on the thread pool, or here for a save's file or two, which
/// the pool's threads would take longer to wake up for than to make (the caller, `serve`'s
/// watcher, is not one of them).
fn map_items<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    if items.len() <= 2 {
        items.iter().map(f).collect()
    } else {
        items.par_iter().map(f).collect()
    }
}

/// One page per language holding the whole course (`course.<lang>.html`, html), before its
/// images are inlined (see [`crate::bundle`]).
pub fn single_files(
    sources: Sources<'_>,
    options: &BuildOptions,
    cache: &mut PageCache,
) -> Result<Vec<(String, String)>> {
    let renderer = sources.renderer(options, cache, false)?;
    sources
        .course
        .language_codes()
        .map(|lang| Ok((single_file_name(lang), renderer.single_file(lang, cache)?)))
        .collect()
}

/// The name of the one-file page of `lang`.
pub fn single_file_name(lang: &str) -> String {
    format!("course.{lang}.html")
}

/// The rendered chapter a page of `lang` shows.
pub fn rendered_for<'a>(chapters: &'a RenderedChapters, page: &Page<'_>) -> Option<&'a Rendered> {
    chapter_file(chapters, page.index, page.content_lang).map(|r| r.as_ref())
}

/// The rendered file of chapter `index` in `lang`, found without building an owned key
/// (this runs for every page of every rebuild).
pub fn chapter_file<'a>(
    chapters: &'a RenderedChapters,
    index: usize,
    lang: &str,
) -> Option<&'a std::sync::Arc<Rendered>> {
    chapters
        .range((index, String::new())..)
        .take_while(|((i, _), _)| *i == index)
        .find(|((_, l), _)| l == lang)
        .map(|(_, r)| r)
}
