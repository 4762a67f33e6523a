//! Typed template contexts and the Tera renderer for every kind of page.

use super::{BuildOptions, LinkStyle, RenderedChapters, rendered_for};
use crate::course::{Course, Page};
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::I18n;
use crate::markdown::Heading;
use crate::markdown::body::Style;
use crate::markdown::highlight;
use crate::site::Site;
use crate::theme::{self, Files};
use bytes::Bytes;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

#[derive(Debug, Clone, Serialize)]
struct Assets {
    css: String,
    js: String,
}

#[derive(Debug, Clone, Serialize)]
struct Alternate {
    hreflang: String,
    href: String,
}

#[derive(Debug, Clone, Serialize, Default)]
struct LangLink {
    code: String,
    name: String,
    href: String,
    current: bool,
    /// Space-separated heading ids of the same chapter in that language, in order.
    headings: String,
    title: String,
    prompt: String,
    home_label: String,
}

#[derive(Debug, Clone, Serialize)]
struct NavItem {
    title: String,
    href: String,
    current: bool,
    description: String,
}

#[derive(Debug, Clone, Serialize)]
struct NavLink {
    title: String,
    href: String,
}

#[derive(Debug, Clone, Serialize)]
struct PrintChapter {
    anchor: String,
    number: String,
    title: String,
    content: String,
    content_lang: String,
    notice: Option<String>,
}

/// Everything a template can use; fields a page kind does not need stay empty.
#[derive(Debug, Clone, Serialize, Default)]
struct PageContext<'a> {
    kind: &'static str,
    lang: &'a str,
    t: Option<&'a BTreeMap<String, String>>,
    root: String,
    assets: Option<&'a Assets>,
    theme_boot: &'a str,
    course_title: String,
    description: String,
    title: String,
    canonical: String,
    alternates: Vec<Alternate>,
    base_href: Option<String>,
    home_href: String,
    print_href: String,
    repository: Option<&'a str>,
    languages: Vec<LangLink>,
    nav: Vec<NavItem>,
    /// The sidebar's chapter list, rendered once per language from `nav.html` (the current
    /// chapter is marked by each page): every page carries it, so it is not re-rendered
    /// through the template for each of them.
    nav_html: String,
    prev: Option<NavLink>,
    next: Option<NavLink>,
    toc: Vec<&'a Heading>,
    content: String,
    content_lang: String,
    notice: Option<String>,
    chapter_number: String,
    chapter_count: String,
    chapters: Vec<PrintChapter>,
    /// A translation whose source changed since: the notice and a link to the source.
    stale: Option<NavLink>,
    stale_lang: String,
    /// A self-contained page (the one-file bundle) carries its styles, script and search
    /// index inline instead of linking them.
    inline_css: Option<String>,
    inline_js: Option<String>,
    inline_search: Option<String>,
}

/// Rendered pages kept between builds with the fingerprint of their inputs.
#[derive(Default)]
pub struct PageCache {
    pages: HashMap<String, ([u8; 32], Bytes)>,
    /// Each chapter's part of a print page, by (language, chapter id) and its inputs' hash.
    fragments: Fragments,
    /// Chapter files published beside the pages.
    files: crate::fsx::FileCache,
    /// Each chapter's files as published (`/` path, bytes), by chapter id, with the chapter's
    /// `assets_stamp`: a rebuild that changed no asset reads and stats none.
    chapter_files: HashMap<String, ([u8; 32], PublishedFiles)>,
    /// Search index scripts by language, with the hash of their inputs.
    search: HashMap<String, ([u8; 32], Bytes)>,
    /// Whether the last render left print pages or search indexes out of date (deferred).
    pub deferred: bool,
    /// Compiled templates and the hash of their sources.
    tera: Option<([u8; 32], Arc<tera::Tera>)>,
}

/// A chapter's files as published: path relative to the chapter page (with `/`), bytes.
type PublishedFiles = Arc<[(String, Bytes)]>;

/// A language, the fingerprint of its search index, and the cached index if still good.
type SearchPlan<'l> = (&'l str, [u8; 32], Option<Bytes>);
/// A language, its index's fingerprint if the index was made now (to cache), and the index
/// (`None` once written to the output).
type SearchMade = (String, Option<[u8; 32]>, Option<Bytes>);

/// Up to this many chapters per language, every page carries the whole chapter list.
pub const NAV_INLINE_LIMIT: usize = 150;

pub struct Renderer<'a> {
    /// Set for a one-shot build: pages, print pages and search indexes are written here as
    /// they are made and not kept (nor cached), so memory stays flat however large the course.
    pub output: Option<&'a crate::site::Staging>,
    /// For courses over [`NAV_INLINE_LIMIT`] chapters: the chapter list script per language.
    nav_scripts: BTreeMap<String, (String, Bytes)>,
    /// Set when a deferred build reused an out-of-date print page or search index.
    deferred: std::sync::atomic::AtomicBool,
    /// The sidebar list per (language, root prefix), rendered once.
    navs: HashMap<(String, String), String>,
    theme_hash: [u8; 32],
    /// Slugs and strings of every page: what a chapter's print fragment is resolved against.
    nav_hash: [u8; 32],
    course: &'a Course,
    i18n: &'a I18n,
    chapters: &'a RenderedChapters,
    options: &'a BuildOptions,
    tera: Arc<tera::Tera>,
    assets: Assets,
    asset_files: Vec<(String, Vec<u8>)>,
    theme_boot: String,
    tables: BTreeMap<String, BTreeMap<String, String>>,
    /// Pages per language, computed once.
    pages: BTreeMap<String, Vec<Page<'a>>>,
}

impl<'a> Renderer<'a> {
    pub fn new(
        course: &'a Course,
        i18n: &'a I18n,
        theme: &Files,
        chapters: &'a RenderedChapters,
        options: &'a BuildOptions,
        cache: &mut PageCache,
    ) -> Result<Self> {
        let tera = tera_for(course, theme, &mut cache.tera)?;
        let (assets, asset_files, theme_boot) = build_assets(theme, options.hashed_assets);
        // Pages depend on the templates and the inlined boot script; stylesheets and scripts
        // only through their names (in `assets`), so a CSS edit re-renders no page.
        let mut theme_hasher = blake3::Hasher::new();
        for (k, v) in theme {
            if k.starts_with("templates/") || k == "static/theme-boot.js" {
                theme_hasher.update(k.as_bytes());
                theme_hasher.update(v);
            }
        }
        let theme_hash = *theme_hasher.finalize().as_bytes();
        let tables: BTreeMap<String, BTreeMap<String, String>> = course
            .language_codes()
            .map(|l| (l.to_string(), i18n.table(l)))
            .collect();
        let pages: BTreeMap<String, Vec<Page<'a>>> = course
            .language_codes()
            .map(|l| (l.to_string(), course.pages(l)))
            .collect();
        let nav_hash = {
            let mut h = blake3::Hasher::new();
            h.update(&theme_hash);
            for (lang, pages) in &pages {
                h.update(lang.as_bytes());
                for p in pages {
                    h.update(p.chapter.id.as_bytes());
                    h.update(b"\0");
                    h.update(p.slug().as_bytes());
                    h.update(b"\0");
                }
            }
            for (lang, table) in &tables {
                h.update(format!("{lang}{table:?}").as_bytes());
            }
            *h.finalize().as_bytes()
        };
        let nav_scripts = pages
            .iter()
            .filter(|(_, list)| list.len() > NAV_INLINE_LIMIT)
            .map(|(lang, list)| {
                let items: Vec<(String, &str)> = list
                    .iter()
                    .map(|p| {
                        let mut href = format!("{lang}/{}/", p.slug());
                        if options.link_style == LinkStyle::File {
                            href.push_str("index.html");
                        }
                        (href, p.title())
                    })
                    .collect();
                let js = format!(
                    "window.docentNav=window.docentNav||{{}};window.docentNav[{}]={};\n",
                    serde_json::to_string(lang).unwrap_or_default(),
                    serde_json::to_string(&items)
                        .unwrap_or_default()
                        .replace("</", "<\\/")
                );
                let path = if options.hashed_assets {
                    hashed_name(&format!("assets/nav-{lang}"), "js", js.as_bytes())
                } else {
                    format!("assets/nav-{lang}.js")
                };
                (lang.clone(), (path, Bytes::from(js)))
            })
            .collect();
        let mut renderer = Self {
            output: None,
            nav_scripts,
            deferred: std::sync::atomic::AtomicBool::new(false),
            navs: HashMap::new(),
            theme_hash,
            nav_hash,
            course,
            i18n,
            chapters,
            options,
            tera,
            assets,
            asset_files,
            theme_boot,
            tables,
            pages,
        };
        let navs = renderer
            .course
            .language_codes()
            .map(|lang| {
                let root = "../../";
                let html = renderer.render_nav(lang, renderer.nav(lang, root, None));
                ((lang.to_string(), root.to_string()), html)
            })
            .collect();
        renderer.navs = navs;
        Ok(renderer)
    }

    /// Renders every page whose inputs changed since `cache` saw it; the rest is reused.
    /// With [`Renderer::output`] set, pages go straight to disk and nothing is cached.
    pub fn render(&self, cache: &mut PageCache) -> Result<super::Output> {
        let mut site = Site::default();
        let mut written = Vec::new();
        for (path, bytes) in &self.asset_files {
            site.insert(path.clone(), bytes.clone());
        }
        for (path, bytes) in self.nav_scripts.values() {
            site.insert(path.clone(), bytes.clone());
        }
        let mut jobs: Vec<Job> = vec![Job::Chooser, Job::NotFound];
        for lang in self.course.language_codes() {
            jobs.push(Job::Home(lang.to_string()));
            jobs.push(Job::Print(lang.to_string()));
            for i in 0..self.pages_of(lang).len() {
                jobs.push(Job::Chapter(lang.to_string(), i));
            }
        }
        let common = self.common_fingerprint();
        let planned: Vec<(Job, String, [u8; 32])> = jobs
            .into_iter()
            .map(|job| {
                let path = self.job_path(&job);
                let fp = self.fingerprint(&job, &common);
                (job, path, fp)
            })
            .collect();
        tracing::debug!("pages planned");
        let todo: Vec<&(Job, String, [u8; 32])> = planned
            .iter()
            .filter(|(_, path, fp)| cache.pages.get(path).is_none_or(|(old, _)| old != fp))
            .filter(|(job, path, _)| {
                // `serve` answers first and renders the print pages right after.
                let defer = self.options.defer_aggregates
                    && matches!(job, Job::Print(_))
                    && cache.pages.contains_key(path);
                if defer {
                    self.deferred
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                }
                !defer
            })
            .collect();
        // The search indexes (long, partly sequential merges) are made alongside the pages.
        let search_plans = self.search_plans(&cache.search);
        let fragments = &cache.fragments;
        let (rendered, searched) = rayon::join(
            || {
                todo.par_iter()
                    .map(|(job, path, fp)| -> Result<_> {
                        let html = match self.output {
                            Some(out) => {
                                self.write_job(out, job, path)?;
                                None
                            }
                            None => Some(self.render_job(job, Some(fragments))?),
                        };
                        Ok((path.clone(), *fp, html))
                    })
                    .collect::<Vec<_>>()
            },
            || {
                search_plans
                    .into_par_iter()
                    .map(|plan| self.search_index(plan))
                    .collect::<Vec<_>>()
            },
        );
        let pages_rendered = rendered.len();
        tracing::debug!("pages rendered");
        for r in rendered {
            match r? {
                (path, fp, Some(html)) => {
                    cache.pages.insert(path, (fp, Bytes::from(html)));
                }
                (path, _, None) => written.push(path),
            }
        }
        let wanted: std::collections::HashSet<&String> =
            planned.iter().map(|(_, p, _)| p).collect();
        cache.pages.retain(|path, _| wanted.contains(path));
        for (path, (_, bytes)) in &cache.pages {
            site.insert(path.clone(), bytes.clone());
        }
        tracing::debug!("pages assembled");
        self.copy_chapter_assets(&mut site, cache)?;
        tracing::debug!("assets copied");
        for made in searched {
            let (lang, fresh, bytes) = made?;
            let path = format!("search/{lang}.js");
            match bytes {
                Some(bytes) => {
                    if let Some(fp) = fresh {
                        cache.search.insert(lang, (fp, bytes.clone()));
                    }
                    site.insert(path, bytes);
                }
                None => written.push(path),
            }
        }
        cache.deferred = self.deferred.load(std::sync::atomic::Ordering::Relaxed);
        site.insert("sitemap.xml", self.sitemap());
        site.insert(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
                self.course.config.base_url
            ),
        );
        Ok(super::Output {
            site,
            pages_rendered,
            written,
        })
    }

    /// For each language: the fingerprint of its search index and the cached script when it
    /// is still good (or may be deferred).
    fn search_plans(&self, cache: &HashMap<String, ([u8; 32], Bytes)>) -> Vec<SearchPlan<'a>> {
        self.course
            .language_codes()
            .map(|lang| {
                let mut h = blake3::Hasher::new();
                h.update(&self.nav_hash);
                h.update(format!("{:?}", self.options.link_style).as_bytes());
                for page in self.pages_of(lang) {
                    if let Some(r) = rendered_for(self.chapters, page) {
                        h.update(&r.html_hash);
                    }
                }
                let fp = *h.finalize().as_bytes();
                let cached = cache
                    .get(lang)
                    .filter(|(old, _)| *old == fp || self.options.defer_aggregates)
                    .map(|(old, bytes)| {
                        if *old != fp {
                            self.deferred
                                .store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                        bytes.clone()
                    });
                (lang, fp, cached)
            })
            .collect()
    }

    /// `search/<lang>.js` as planned: the cached script, or a new one — written to
    /// [`Renderer::output`] (then `None`) or returned.
    fn search_index(&self, (lang, fp, cached): SearchPlan<'_>) -> Result<SearchMade> {
        if let Some(bytes) = cached {
            return Ok((lang.to_string(), None, Some(bytes)));
        }
        let script = self.search_script(lang);
        match self.output {
            Some(out) => {
                out.write(&format!("search/{lang}.js"), script.as_bytes())?;
                Ok((lang.to_string(), Some(fp), None))
            }
            None => Ok((lang.to_string(), Some(fp), Some(Bytes::from(script)))),
        }
    }

    /// The search index script of `lang`: every page of the language, section by section.
    fn search_script(&self, lang: &str) -> String {
        let pages: Vec<crate::search::Page> = self
            .pages_of(lang)
            .iter()
            .map(|page| crate::search::Page {
                title: page.title().to_string(),
                url: self.href("", &format!("{lang}/{}/", page.slug())),
                sections: rendered_for(self.chapters, page)
                    .map_or(std::borrow::Cow::Borrowed(&[][..]), |r| {
                        std::borrow::Cow::Borrowed(r.sections.as_slice())
                    }),
            })
            .collect();
        crate::search::index_script(lang, &pages)
    }

    fn job_path(&self, job: &Job) -> String {
        match job {
            Job::Chooser => "index.html".into(),
            Job::NotFound => "404.html".into(),
            Job::Home(lang) => format!("{lang}/index.html"),
            Job::Print(lang) => format!("{lang}/print/index.html"),
            Job::Chapter(lang, i) => match self.pages_of(lang).get(*i) {
                Some(page) => format!("{lang}/{}/index.html", page.slug()),
                None => format!("{lang}/{i}/index.html"),
            },
        }
    }

    /// What every page depends on: theme, strings, configuration, navigation (titles, slugs,
    /// order, descriptions) and options.
    fn common_fingerprint(&self) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(&self.theme_hash);
        h.update(format!("{:?}", self.course.config).as_bytes());
        // Everything but `defer_aggregates`, which changes when pages are made, not what.
        h.update(
            format!(
                "{:?}{}{:?}",
                self.options.link_style, self.options.hashed_assets, self.options.base_path
            )
            .as_bytes(),
        );
        h.update(format!("{:?}{:?}", self.assets, self.tables).as_bytes());
        for (lang, pages) in &self.pages {
            h.update(lang.as_bytes());
            for p in pages {
                for part in [
                    p.chapter.id.as_str(),
                    p.slug(),
                    p.title(),
                    p.content_lang,
                    p.source.front.description.as_deref().unwrap_or(""),
                ] {
                    h.update(part.as_bytes());
                    h.update(b"\0");
                }
            }
        }
        *h.finalize().as_bytes()
    }

    /// A page's inputs beyond the common ones: the chapter it shows (and the heading ids of
    /// its translations, for the switcher), or every chapter for the print page.
    fn fingerprint(&self, job: &Job, common: &[u8; 32]) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(common);
        match job {
            Job::Chapter(lang, i) => {
                if let Some(page) = self.pages_of(lang).get(*i) {
                    let fresh = crate::translate::freshness(self.course, page.chapter, lang);
                    h.update(format!("{fresh:?}").as_bytes());
                    if let Some(r) = rendered_for(self.chapters, page) {
                        h.update(&r.html_hash);
                    }
                    for pages in self.pages.values() {
                        if let Some(other) = pages
                            .get(page.index)
                            .filter(|p| p.index == page.index)
                            .or_else(|| pages.iter().find(|p| p.index == page.index))
                            && let Some(r) = rendered_for(self.chapters, other)
                        {
                            h.update(&r.headings_hash);
                        }
                    }
                }
            }
            Job::Print(lang) => {
                for page in self.pages_of(lang) {
                    if let Some(r) = rendered_for(self.chapters, page) {
                        h.update(&r.html_hash);
                    }
                }
            }
            Job::Chooser | Job::NotFound | Job::Home(_) => {}
        }
        *h.finalize().as_bytes()
    }

    /// The page of chapter `index` in `lang` (usually at the same position).
    fn page_at(&self, lang: &str, index: usize) -> Option<&Page<'a>> {
        let pages = self.pages_of(lang);
        pages
            .get(index)
            .filter(|p| p.index == index)
            .or_else(|| pages.iter().find(|p| p.index == index))
    }

    /// The page of the chapter with folder `id` in `lang`.
    fn page_by_id(&self, lang: &str, id: &str) -> Option<&Page<'a>> {
        self.course
            .index
            .get(id)
            .and_then(|&i| self.page_at(lang, i))
    }

    fn pages_of(&self, lang: &str) -> &[Page<'a>] {
        self.pages.get(lang).map_or(&[], Vec::as_slice)
    }

    /// A page's HTML; print pages take their chapters from `fragments` when given (and keep
    /// them there).
    fn render_job(&self, job: &Job, fragments: Option<&Fragments>) -> Result<String> {
        match job {
            Job::Chooser => self.chooser(),
            Job::NotFound => self.not_found(),
            Job::Home(lang) => self.home(lang),
            Job::Print(lang) => {
                let shell = self.print_shell(lang)?;
                let mut html = String::with_capacity(shell.len());
                self.splice_chapters(lang, &shell, fragments, |piece| {
                    html.push_str(piece);
                    Ok(())
                })
                .map_err(|e| Error::io(std::path::Path::new(&self.job_path(job)), e))?;
                Ok(html)
            }
            Job::Chapter(lang, i) => self.chapter(lang, *i),
        }
    }

    /// Writes a page to `out`. A print page is written chapter by chapter, a few dozen
    /// fragments prepared in parallel at a time, so the whole course is never one string.
    fn write_job(&self, out: &crate::site::Staging, job: &Job, path: &str) -> Result<()> {
        let Job::Print(lang) = job else {
            return out.write(path, self.render_job(job, None)?.as_bytes());
        };
        let shell = self.print_shell(lang)?;
        out.write_with(path, |w| {
            self.splice_chapters(lang, &shell, None, |piece| w.write_all(piece.as_bytes()))
        })
    }

    /// Emits the rendered print template `shell` piece by piece with each chapter's fragment
    /// at its [`SPLICE`] marker, 32 fragments prepared in parallel at a time (kept in
    /// `fragments` when given): a page holding the whole course is never copied through the
    /// template engine, and never held whole when it is written to disk.
    fn splice_chapters(
        &self,
        lang: &str,
        shell: &str,
        fragments: Option<&Fragments>,
        mut emit: impl FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let total = self.pages_of(lang).len();
        let mut batch: std::collections::VecDeque<(usize, Arc<str>)> = Default::default();
        let mut pieces = shell.split(SPLICE);
        while let Some(text) = pieces.next() {
            emit(text)?;
            let Some(marker) = pieces.next() else { break };
            let Ok(i) = marker.parse::<usize>() else {
                continue;
            };
            if batch.front().is_none_or(|(k, _)| *k != i) {
                batch = (i..(i + 32).min(total))
                    .into_par_iter()
                    .map(|k| (k, self.print_fragment(lang, k, fragments)))
                    .collect::<Vec<_>>()
                    .into();
            }
            if let Some((_, fragment)) = batch.pop_front() {
                emit(&fragment)?;
            }
        }
        Ok(())
    }

    /// A link from a page whose root prefix is `root` to the directory `dir` ("en/slug/").
    fn href(&self, root: &str, dir: &str) -> String {
        let mut s = format!("{root}{dir}");
        if self.options.link_style == LinkStyle::File {
            s.push_str("index.html");
        }
        if s.is_empty() {
            s.push_str("./");
        }
        s
    }

    fn absolute(&self, dir: &str) -> String {
        format!("{}{dir}", self.course.config.base_url)
    }

    fn base_context(&'a self, kind: &'static str, lang: &'a str, root: &str) -> PageContext<'a> {
        let lang_cfg = self.course.config.language(lang);
        PageContext {
            kind,
            lang,
            t: self.tables.get(lang),
            root: root.to_string(),
            assets: Some(&self.assets),
            theme_boot: &self.theme_boot,
            course_title: lang_cfg.map(|l| l.title.clone()).unwrap_or_default(),
            description: lang_cfg.map(|l| l.description.clone()).unwrap_or_default(),
            home_href: self.href(root, &format!("{lang}/")),
            print_href: self.href(root, &format!("{lang}/print/")),
            repository: self.course.config.repository.as_deref(),
            content_lang: lang.to_string(),
            ..PageContext::default()
        }
    }

    /// The sidebar list for pages at `root`, with `current` marked `aria-current="page"`.
    ///
    /// A course of more than [`NAV_INLINE_LIMIT`] chapters would repeat a list of every
    /// chapter in every page (quadratic output: 1 GB at 2×2,000 chapters); its chapter
    /// pages get the list from one script per language instead (`assets/nav-<lang>.js`),
    /// with a link to the course home, which lists every chapter, for readers without
    /// JavaScript.
    fn nav_html(&self, lang: &str, root: &str, current: Option<usize>) -> String {
        if let Some((script, _)) = self.nav_scripts.get(lang)
            && root == "../../"
        {
            let current = current
                .and_then(|i| self.pages_of(lang).get(i))
                .map(|p| self.href("", &format!("{lang}/{}/", p.slug())))
                .unwrap_or_default();
            return format!(
                "<ol class=\"chapter-list\" data-nav-script=\"{root}{script}\" data-lang=\"{lang}\" data-root=\"{root}\" data-current=\"{}\"></ol><noscript><p><a href=\"{}\">{}</a></p></noscript>",
                highlight::escape_html(&current),
                highlight::escape_html(&self.href(root, &format!("{lang}/"))),
                highlight::escape_html(&self.i18n.text(lang, "nav-all-chapters")),
            );
        }
        let base = match self.navs.get(&(lang.to_string(), root.to_string())) {
            Some(html) => html.clone(),
            None => self.render_nav(lang, self.nav(lang, root, None)),
        };
        let Some(page) = current.and_then(|i| self.pages_of(lang).get(i)) else {
            return base;
        };
        let href = highlight::escape_html(&self.href(root, &format!("{lang}/{}/", page.slug())));
        base.replacen(
            &format!("<a href=\"{href}\">"),
            &format!("<a href=\"{href}\" aria-current=\"page\">"),
            1,
        )
    }

    fn render_nav(&self, lang: &str, nav: Vec<NavItem>) -> String {
        let ctx = PageContext {
            lang,
            nav,
            t: self.tables.get(lang),
            ..PageContext::default()
        };
        self.render_template("nav.html", &ctx).unwrap_or_default()
    }

    fn nav(&self, lang: &str, root: &str, current: Option<usize>) -> Vec<NavItem> {
        self.pages_of(lang)
            .iter()
            .enumerate()
            .map(|(i, p)| NavItem {
                title: p.title().to_string(),
                href: self.href(root, &format!("{lang}/{}/", p.slug())),
                current: Some(i) == current,
                description: p.source.front.description.clone().unwrap_or_default(),
            })
            .collect()
    }

    /// The same page in every language: switcher links, hreflang alternates.
    fn language_links(
        &self,
        lang: &str,
        root: &str,
        dir_in: impl Fn(&str) -> Option<String>,
    ) -> (Vec<LangLink>, Vec<Alternate>) {
        let mut links = Vec::new();
        let mut alternates = Vec::new();
        for l in &self.course.config.languages {
            let Some(dir) = dir_in(&l.code) else { continue };
            links.push(LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                href: self.href(root, &dir),
                current: l.code == lang,
                ..LangLink::default()
            });
            alternates.push(Alternate {
                hreflang: l.code.clone(),
                href: self.absolute(&dir),
            });
        }
        alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: self.course.config.base_url.clone(),
        });
        (links, alternates)
    }

    fn chapter(&self, lang: &str, i: usize) -> Result<String> {
        let pages = self.pages_of(lang);
        let Some(page) = pages.get(i) else {
            return Err(Diagnostic::error("", 0, 0, "chapter index out of range").into());
        };
        let root = "../../";
        let rendered = rendered_for(self.chapters, page);
        let chapter_index = page.index;
        let (mut languages, alternates) = self.language_links(lang, root, |code| {
            self.page_at(code, chapter_index)
                .map(|p| format!("{code}/{}/", p.slug()))
        });
        for link in &mut languages {
            if let Some(p) = self.page_at(&link.code, chapter_index)
                && let Some(r) = rendered_for(self.chapters, p)
            {
                link.headings = r
                    .headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
        let nav_link = |p: &Page<'_>| NavLink {
            title: p.title().to_string(),
            href: self.href(root, &format!("{lang}/{}/", p.slug())),
        };
        let dir = format!("{lang}/{}/", page.slug());
        let mut ctx = self.base_context("chapter", lang, root);
        ctx.title = page.title().to_string();
        if let Some(d) = &page.source.front.description {
            ctx.description = d.clone();
        }
        ctx.canonical = self.absolute(&dir);
        ctx.languages = languages;
        ctx.alternates = alternates;
        ctx.nav_html = self.nav_html(lang, root, Some(i));
        ctx.prev = i.checked_sub(1).and_then(|j| pages.get(j)).map(nav_link);
        ctx.next = pages.get(i + 1).map(nav_link);
        ctx.toc = rendered
            .map(|r| {
                r.headings
                    .iter()
                    .filter(|h| h.level == 2 || h.level == 3)
                    .collect()
            })
            .unwrap_or_default();
        ctx.content = rendered
            .map(|r| {
                r.body.to_html(&Style {
                    ui: &|key| self.i18n.text(lang, key),
                    chapter_link: &|id, fragment| {
                        format!("{}{fragment}", self.chapter_href(lang, root, id))
                    },
                    id_prefix: "",
                    file_base: "",
                })
            })
            .unwrap_or_default();
        ctx.content_lang = page.content_lang.to_string();
        ctx.notice = self.fallback_notice(lang, page);
        if !page.is_fallback(lang)
            && let crate::translate::Freshness::Stale { .. } =
                crate::translate::freshness(self.course, page.chapter, lang)
            && let Some((source_lang, _)) = self.course.source_of(page.chapter)
            && let Some(source_page) = self.page_at(source_lang, page.index)
        {
            ctx.stale = Some(NavLink {
                title: self.i18n.text(lang, "stale-notice"),
                href: self.href(root, &format!("{source_lang}/{}/", source_page.slug())),
            });
            ctx.stale_lang = source_lang.to_string();
        }
        ctx.chapter_number = self.chapter_number(lang, i);
        self.render_template("chapter.html", &ctx)
    }

    fn chapter_href(&self, lang: &str, root: &str, id: &str) -> String {
        match self.page_by_id(lang, id) {
            Some(p) => self.href(root, &format!("{lang}/{}/", p.slug())),
            None => self.href(root, &format!("{lang}/")),
        }
    }

    fn chapter_number(&self, lang: &str, i: usize) -> String {
        self.i18n
            .text_with(lang, "chapter-number", &[("number", &(i + 1).to_string())])
    }

    fn fallback_notice(&self, lang: &str, page: &Page<'_>) -> Option<String> {
        if !page.is_fallback(lang) {
            return None;
        }
        let name = |code: &str| {
            self.course
                .config
                .language(code)
                .map_or_else(|| code.to_string(), |l| l.name.clone())
        };
        Some(self.i18n.text_with(
            lang,
            "fallback-notice",
            &[
                ("language", &name(lang)),
                ("source", &name(page.content_lang)),
            ],
        ))
    }

    fn home(&self, lang: &str) -> Result<String> {
        let root = "../";
        let (languages, alternates) =
            self.language_links(lang, root, |code| Some(format!("{code}/")));
        let mut ctx = self.base_context("home", lang, root);
        ctx.title = ctx.course_title.clone();
        ctx.canonical = self.absolute(&format!("{lang}/"));
        ctx.languages = languages;
        ctx.alternates = alternates;
        ctx.nav = self.nav(lang, root, None);
        ctx.nav_html = self.nav_html(lang, root, None);
        ctx.next = self.pages_of(lang).first().map(|p| NavLink {
            title: p.title().to_string(),
            href: self.href(root, &format!("{lang}/{}/", p.slug())),
        });
        let count = self.pages_of(lang).len().to_string();
        ctx.chapter_count = self
            .i18n
            .text_with(lang, "home-chapter-count", &[("count", &count)]);
        self.render_template("home.html", &ctx)
    }

    /// The print page with a splice marker where each chapter goes (see
    /// [`Renderer::splice_chapters`]).
    fn print_shell(&self, lang: &str) -> Result<String> {
        let root = "../../";
        let (languages, alternates) =
            self.language_links(lang, root, |code| Some(format!("{code}/print/")));
        let mut ctx = self.base_context("print", lang, root);
        ctx.title = self.i18n.text(lang, "print-link");
        ctx.canonical = self.absolute(&format!("{lang}/print/"));
        ctx.languages = languages;
        ctx.alternates = alternates;
        ctx.chapters = self
            .pages_of(lang)
            .iter()
            .enumerate()
            .map(|(i, page)| self.print_chapter(lang, i, page))
            .collect();
        self.render_template("print.html", &ctx)
    }

    /// The whole course of one language in one file: the print page's chapters with the
    /// site's navigation pointing inside the file, styles, script, search index and images
    /// inlined, and the language switcher pointing at the sibling files.
    pub fn single_file(&self, lang: &str, cache: &mut PageCache) -> Result<String> {
        let mut ctx = self.base_context("single", lang, "");
        ctx.title = ctx.course_title.clone();
        ctx.home_href = "#content".to_string();
        ctx.print_href = "#content".to_string();
        ctx.languages = self
            .course
            .config
            .languages
            .iter()
            .map(|l| LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                href: super::single_file_name(&l.code),
                current: l.code == lang,
                ..LangLink::default()
            })
            .collect();
        let nav = self
            .pages_of(lang)
            .iter()
            .map(|p| NavItem {
                title: p.title().to_string(),
                href: format!("#chapter-{}", p.slug()),
                current: false,
                description: String::new(),
            })
            .collect();
        ctx.nav_html = self.render_nav(lang, nav);
        let mut search_pages = Vec::new();
        ctx.chapters = self
            .pages_of(lang)
            .iter()
            .enumerate()
            .map(|(i, page)| {
                let slug = page.slug();
                let rendered = rendered_for(self.chapters, page);
                search_pages.push(crate::search::Page {
                    title: page.title().to_string(),
                    url: String::new(),
                    sections: rendered
                        .map(|r| r.sections.clone())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|mut s| {
                            s.anchor = if s.anchor.is_empty() {
                                format!("chapter-{slug}")
                            } else {
                                format!("{slug}--{}", s.anchor)
                            };
                            s
                        })
                        .collect::<Vec<_>>()
                        .into(),
                });
                self.print_chapter(lang, i, page)
            })
            .collect();
        let asset = |path: &str| {
            self.asset_files
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        };
        ctx.inline_css = asset(&self.assets.css);
        ctx.inline_js = asset(&self.assets.js).map(|js| js.replace("</script", "<\\/script"));
        ctx.inline_search = Some(crate::search::index_script(lang, &search_pages));
        let shell = self.render_template("single.html", &ctx)?;
        let mut out = String::with_capacity(shell.len());
        self.splice_chapters(lang, &shell, Some(&cache.fragments), |piece| {
            out.push_str(piece);
            Ok(())
        })
        .map_err(|e| Error::io(std::path::Path::new(&super::single_file_name(lang)), e))?;
        Ok(self.inline_files(lang, &out, &cache.files))
    }

    /// Chapter files a page links (`src="../slug/diagram.svg"`) become data URIs.
    fn inline_files(&self, lang: &str, html: &str, files: &crate::fsx::FileCache) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(i) = rest.find("=\"../") {
            let (before, after) = rest.split_at(i + 2);
            out.push_str(before);
            let end = after.find('"').unwrap_or(after.len());
            let target = after.get(..end).unwrap_or("");
            let inlined = target
                .strip_prefix("../")
                .and_then(|t| t.split_once('/'))
                .and_then(|(slug, file)| {
                    let page = self.pages_of(lang).iter().find(|p| p.slug() == slug)?;
                    let rel = page.chapter.assets.iter().find(|a| {
                        a.components()
                            .map(|c| c.as_os_str().to_string_lossy())
                            .collect::<Vec<_>>()
                            .join("/")
                            == file
                    })?;
                    let bytes = files.read(&page.chapter.dir.join(rel)).ok()?;
                    Some(format!(
                        "data:{};base64,{}",
                        media_type(file),
                        crate::bundle::base64(&bytes)
                    ))
                });
            out.push_str(inlined.as_deref().unwrap_or(target));
            rest = after.get(end..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }

    /// A chapter's entry on a page holding every chapter; its content is a splice marker.
    fn print_chapter(&self, lang: &str, i: usize, page: &Page<'_>) -> PrintChapter {
        PrintChapter {
            anchor: format!("chapter-{}", page.slug()),
            number: self.chapter_number(lang, i),
            title: page.title().to_string(),
            content: format!("{SPLICE}{i}{SPLICE}"),
            content_lang: page.content_lang.to_string(),
            notice: self.fallback_notice(lang, page),
        }
    }

    /// Chapter `i` of `lang` as it appears on the print page: ids prefixed with its slug,
    /// chapter links turned into jumps within the page, UI strings in `lang`. Kept in
    /// `fragments` (when given) by the hash of its inputs.
    fn print_fragment(&self, lang: &str, i: usize, fragments: Option<&Fragments>) -> Arc<str> {
        let Some(page) = self.pages_of(lang).get(i) else {
            return Arc::from("");
        };
        let Some(r) = rendered_for(self.chapters, page) else {
            return Arc::from("");
        };
        let slug = page.slug();
        let key = (lang.to_string(), page.chapter.id.clone());
        let mut h = blake3::Hasher::new();
        h.update(&r.html_hash);
        h.update(&self.nav_hash);
        let fp = *h.finalize().as_bytes();
        if let Some(Ok(cached)) = fragments.map(|f| f.lock())
            && let Some((old, text)) = cached.get(&key)
            && *old == fp
        {
            return Arc::clone(text);
        }
        let done: Arc<str> = Arc::from(r.body.to_html(&Style {
            ui: &|key| self.i18n.text(lang, key),
            chapter_link: &|id, fragment| {
                let target = self
                    .page_by_id(lang, id)
                    .map_or_else(|| id.to_string(), |p| p.slug().to_string());
                match fragment.strip_prefix('#') {
                    Some(f) if !f.is_empty() => format!("#{target}--{f}"),
                    _ => format!("#chapter-{target}"),
                }
            },
            id_prefix: &format!("{slug}--"),
            file_base: &format!("../{slug}/"),
        }));
        if let Some(Ok(mut cached)) = fragments.map(|f| f.lock()) {
            cached.insert(key, (fp, Arc::clone(&done)));
        }
        done
    }

    fn chooser(&self) -> Result<String> {
        let default = self.course.default_language();
        let (mut languages, alternates) =
            self.language_links(default, "", |code| Some(format!("{code}/")));
        for l in &mut languages {
            l.current = false;
            l.title = self
                .course
                .config
                .language(&l.code)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            l.prompt = self.i18n.text(&l.code, "chooser-title");
        }
        let mut ctx = self.base_context("chooser", default, "");
        ctx.title = ctx.course_title.clone();
        ctx.canonical = self.course.config.base_url.clone();
        ctx.languages = languages;
        ctx.alternates = alternates;
        self.render_template("chooser.html", &ctx)
    }

    fn not_found(&self) -> Result<String> {
        let default = self.course.default_language();
        let mut ctx = self.base_context("404", default, "");
        ctx.title = self.i18n.text(default, "notfound-title");
        ctx.base_href = Some(
            self.options
                .base_path
                .clone()
                .unwrap_or_else(|| self.course.config.base_path()),
        );
        ctx.languages = self
            .course
            .config
            .languages
            .iter()
            .map(|l| LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                href: self.href("", &format!("{}/", l.code)),
                home_label: format!("{} ({})", self.i18n.text(&l.code, "notfound-home"), l.name),
                ..LangLink::default()
            })
            .collect();
        self.render_template("404.html", &ctx)
    }

    fn render_template(&self, name: &str, ctx: &PageContext<'_>) -> Result<String> {
        let context = tera::Context::from_serialize(ctx)
            .map_err(|e| template_error(self.course, name, &e))?;
        self.tera
            .render(name, &context)
            .map_err(|e| template_error(self.course, name, &e))
    }

    fn copy_chapter_assets(&self, site: &mut Site, cache: &mut PageCache) -> Result<()> {
        let mut kept = HashMap::new();
        for chapter in &self.course.chapters {
            let files = match cache.chapter_files.remove(&chapter.id) {
                Some((stamp, files)) if stamp == chapter.assets_stamp => files,
                _ => chapter
                    .assets
                    .iter()
                    .map(|rel| {
                        let bytes = cache.files.read(&chapter.dir.join(rel))?;
                        let rel = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy())
                            .collect::<Vec<_>>()
                            .join("/");
                        Ok((rel, bytes))
                    })
                    .collect::<Result<Arc<[_]>>>()?,
            };
            for (rel, bytes) in files.iter() {
                for lang in self.course.language_codes() {
                    if let Some(page) = self.page_by_id(lang, &chapter.id) {
                        site.insert(format!("{lang}/{}/{rel}", page.slug()), bytes.clone());
                    }
                }
            }
            kept.insert(chapter.id.clone(), (chapter.assets_stamp, files));
        }
        cache.chapter_files = kept;
        Ok(())
    }

    fn sitemap(&self) -> String {
        let mut entries: Vec<Vec<(String, String)>> = Vec::new();
        let alternates = |dir_in: &dyn Fn(&str) -> Option<String>| -> Vec<(String, String)> {
            self.course
                .language_codes()
                .filter_map(|code| dir_in(code).map(|d| (code.to_string(), self.absolute(&d))))
                .collect()
        };
        entries.push(alternates(&|code| Some(format!("{code}/"))));
        entries.push(alternates(&|code| Some(format!("{code}/print/"))));
        for (index, _) in self.course.chapters.iter().enumerate() {
            entries.push(alternates(&|code| {
                self.page_at(code, index)
                    .map(|p| format!("{code}/{}/", p.slug()))
            }));
        }
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let esc = highlight::escape_html;
        let base = &self.course.config.base_url;
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n  </url>\n",
            esc(base)
        ));
        for alts in &entries {
            for (_, loc) in alts {
                xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", esc(loc)));
                for (code, href) in alts {
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                        esc(code),
                        esc(href)
                    ));
                }
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
                    esc(base)
                ));
            }
        }
        xml.push_str("</urlset>\n");
        xml
    }
}

fn media_type(file: &str) -> &'static str {
    match file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        _ => "text/plain;charset=utf-8",
    }
}

/// Marks where a chapter's print fragment goes in the rendered print template.
const SPLICE: char = '\u{F8FE}';

type Fragments = std::sync::Mutex<HashMap<(String, String), ([u8; 32], Arc<str>)>>;

enum Job {
    Chooser,
    NotFound,
    Home(String),
    Print(String),
    Chapter(String, usize),
}

/// The compiled templates, reused while their sources stay the same.
fn tera_for(
    course: &Course,
    theme: &Files,
    cached: &mut Option<([u8; 32], Arc<tera::Tera>)>,
) -> Result<Arc<tera::Tera>> {
    let mut h = blake3::Hasher::new();
    for (k, v) in theme.iter().filter(|(k, _)| k.starts_with("templates/")) {
        h.update(k.as_bytes());
        h.update(v);
    }
    let hash = *h.finalize().as_bytes();
    if let Some((old, tera)) = cached
        && *old == hash
    {
        return Ok(Arc::clone(tera));
    }
    let tera = Arc::new(load_templates(course, theme)?);
    *cached = Some((hash, Arc::clone(&tera)));
    Ok(tera)
}

fn load_templates(course: &Course, theme: &Files) -> Result<tera::Tera> {
    let mut tera = tera::Tera::new();
    let templates: Vec<(String, String)> = theme
        .iter()
        .filter_map(|(k, v)| {
            let name = k.strip_prefix("templates/")?;
            Some((name.to_string(), String::from_utf8_lossy(v).into_owned()))
        })
        .collect();
    tera.add_raw_templates(templates.iter().map(|(n, s)| (n.as_str(), s.as_str())))
        .map_err(|e| template_error(course, "", &e))?;
    Ok(tera)
}

/// A template error as a diagnostic naming the template file, line and column.
fn template_error(course: &Course, name: &str, e: &tera::Error) -> Error {
    // Tera wraps the located error in context messages; find the one that has a span.
    let mut located = None;
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(te) = err.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = te.kind()
        {
            located = Some(r.clone());
            break;
        }
        current = err.source();
    }
    let (file, line, col, message) = match located {
        Some(r) => (
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
            r.message().to_string(),
        ),
        None => {
            parse_report(&e.to_string()).unwrap_or_else(|| (name.to_string(), 0, 0, e.to_string()))
        }
    };
    let file = if file.is_empty() {
        name.to_string()
    } else {
        file
    };
    let path = theme::describe_origin(&course.root, &format!("templates/{file}"), false);
    Diagnostic::error(path, line, col, format!("template error: {message}")).into()
}

/// Tera reports validation errors (unknown filters…) as finished text: `error: msg` then
/// ` --> file:line:col`. Take the first one apart.
fn parse_report(report: &str) -> Option<(String, usize, usize, String)> {
    let mut lines = report.lines();
    let message = lines
        .next()?
        .trim()
        .trim_start_matches("error:")
        .trim()
        .to_string();
    let location = lines.find_map(|l| l.trim().strip_prefix("-->"))?.trim();
    let mut parts = location.rsplitn(3, ':');
    let col: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let file = parts.next()?.to_string();
    Some((file, line, col, message))
}

/// CSS (theme + highlighting) and JS under content-hashed names; the boot script is inlined.
fn build_assets(theme: &Files, hashed: bool) -> (Assets, Vec<(String, Vec<u8>)>, String) {
    let text = |k: &str| {
        theme
            .get(k)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    };
    let mut css = text("static/style.css");
    css.push_str("\n/* Syntax highlighting (syntect, Coldark) */\n");
    css.push_str(highlight::stylesheet());
    let js = text("static/docent.js");
    let boot = text("static/theme-boot.js").trim().to_string();
    let (css_path, js_path) = if hashed {
        (
            hashed_name("assets/docent", "css", css.as_bytes()),
            hashed_name("assets/docent", "js", js.as_bytes()),
        )
    } else {
        (
            "assets/docent.css".to_string(),
            "assets/docent.js".to_string(),
        )
    };
    let mut files = vec![
        (css_path.clone(), css.into_bytes()),
        (js_path.clone(), js.into_bytes()),
    ];
    for (k, v) in theme {
        let Some(rest) = k.strip_prefix("static/") else {
            continue;
        };
        if ["style.css", "docent.js", "theme-boot.js"].contains(&rest) {
            continue;
        }
        files.push((format!("assets/{rest}"), v.to_vec()));
    }
    (
        Assets {
            css: css_path,
            js: js_path,
        },
        files,
        boot,
    )
}

fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    format!("{stem}.{}.{ext}", hash.get(..10).unwrap_or(""))
}
