//! The renderer: what pages a course has, which of them changed since the last build, and
//! handing each one made to a [`Sink`]. The pages themselves are made in `pages`, `nav`,
//! `print` and `aggregates`; this module decides what to make.

use super::assets::{Assets, build_assets};
use super::print::Fragments;
use super::templates::tera_for;
use super::{BuildOptions, Outputs, RenderedChapters, rendered_for};
use crate::course::{Course, Page};
use crate::error::Result;
use crate::i18n::I18n;
use crate::site::Sink;
use crate::theme::Files;
use bytes::Bytes;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Each language's sidebar script (large courses only): its path and text.
pub(super) type NavScripts = BTreeMap<String, (String, Bytes)>;

/// Rendered pages kept between builds with the fingerprint of their inputs, so a rebuild in
/// `serve` renders only what changed. A one-shot build turns keeping off ([`PageCache::keep`]):
/// it writes pages as it makes them and holds none.
pub struct PageCache {
    /// Whether rendered pages are kept for the next build.
    pub keep: bool,
    pub(super) pages: HashMap<String, ([u8; 32], Bytes)>,
    /// Each chapter's part of a print page, by (language, chapter id) and its inputs' hash.
    pub(super) fragments: Fragments,
    /// Chapter files published beside the pages.
    pub(super) files: crate::fsx::FileCache,
    /// Each chapter's files as published (`/` path, bytes), by chapter id, with the chapter's
    /// `assets_stamp`: a rebuild that changed no asset reads and stats none.
    pub(super) chapter_files: HashMap<String, ([u8; 32], PublishedFiles)>,
    /// Search index scripts by language, with the hash of their inputs.
    pub(super) search: HashMap<String, ([u8; 32], super::aggregates::SearchFiles)>,
    /// Compiled templates and the hash of their sources.
    pub(super) tera: Option<([u8; 32], Arc<tera::Tera>)>,
    /// The sidebar scripts of large courses, with the navigation hash they were made for.
    pub(super) nav: Option<([u8; 32], NavScripts)>,
    /// The theme's published files, with the hash of the theme they were made from.
    pub(super) assets: Option<([u8; 32], super::assets::BuiltAssets)>,
    /// The sitemap, with the hash of what every page depends on.
    pub(super) sitemap: Option<([u8; 32], Bytes)>,
    /// What the last renderer read of the theme, strings and outline.
    pub(super) prepared: Option<Prepared>,
    /// The hash of what every page depends on at the last render of the whole site
    /// ([`Renderer::render_chapters_only`] starts from it).
    pub(super) common: Option<[u8; 32]>,
}

impl Default for PageCache {
    fn default() -> Self {
        Self {
            keep: true,
            pages: HashMap::new(),
            fragments: Fragments::default(),
            files: crate::fsx::FileCache::default(),
            chapter_files: HashMap::new(),
            search: HashMap::new(),
            nav: None,
            tera: None,
            assets: None,
            sitemap: None,
            common: None,
            prepared: None,
        }
    }
}

/// Each language's UI strings as templates read them (see [`I18n::table`]).
pub(super) type Tables = BTreeMap<String, BTreeMap<String, String>>;

/// What a renderer reads of the theme, the strings and the outline, kept in the cache for
/// the next one told that only chapter text changed.
#[derive(Clone)]
pub(super) struct Prepared {
    /// The templates and the inlined boot script: what pages depend on of the theme.
    theme_hash: [u8; 32],
    tables: Arc<Tables>,
    /// See [`outline_hash`]; `None` until computed.
    nav_hash: Option<[u8; 32]>,
}

/// Compiles (or takes from `cache`) the templates and assets, and reads the strings.
fn prepare(
    course: &Course,
    i18n: &I18n,
    theme: &Files,
    options: &BuildOptions,
    cache: &mut PageCache,
) -> Result<(Prepared, Arc<tera::Tera>, super::assets::BuiltAssets)> {
    let tera = tera_for(course, theme, &mut cache.tera)?;
    // Pages depend on the templates and the inlined boot script; stylesheets and scripts
    // only through their names (in `assets`), so a CSS edit re-renders no page.
    let mut theme_hasher = blake3::Hasher::new();
    let mut whole = blake3::Hasher::new();
    whole.update(&[u8::from(options.hashed_assets)]);
    for (k, v) in theme {
        if k.starts_with("templates/") || k == "static/theme-boot.js" {
            theme_hasher.update(k.as_bytes());
            theme_hasher.update(v);
        }
        whole.update(k.as_bytes());
        whole.update(&(v.len() as u64).to_le_bytes());
        whole.update(v);
    }
    let theme_hash = *theme_hasher.finalize().as_bytes();
    let whole = *whole.finalize().as_bytes();
    let built = match cache.assets.take() {
        Some((hash, built)) if hash == whole => built,
        _ => build_assets(theme, options.hashed_assets),
    };
    cache.assets = Some((whole, built.clone()));
    let tables: Tables = course
        .language_codes()
        .map(|l| (l.to_string(), i18n.table(l)))
        .collect();
    let prepared = Prepared {
        theme_hash,
        tables: Arc::new(tables),
        nav_hash: None,
    };
    Ok((prepared, tera, built))
}

/// A chapter's files as published: path relative to the chapter page (with `/`), bytes.
pub(super) type PublishedFiles = Arc<[(String, Bytes)]>;

/// What one call to [`Renderer::render`] made.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Pages whose template was rendered (the rest came from the cache).
    pub pages_rendered: usize,
    /// Every file handed to the sink, in no particular order.
    pub files: Vec<String>,
    /// Print pages or search indexes handed over as they were, out of date (only with
    /// [`Outputs::AllButAggregates`]).
    pub stale: bool,
}

/// Pages of a course, made from its rendered chapters, strings and theme.
pub(super) struct Renderer<'a> {
    /// For courses over [`super::nav::NAV_INLINE_LIMIT`] chapters: the chapter list script per
    /// language.
    pub(super) nav_scripts: NavScripts,
    pub(super) theme_hash: [u8; 32],
    /// Slugs and strings of every page: what a chapter's print fragment is resolved against.
    pub(super) nav_hash: [u8; 32],
    pub(super) course: &'a Course,
    pub(super) i18n: &'a I18n,
    pub(super) chapters: &'a RenderedChapters,
    pub(super) options: &'a BuildOptions,
    pub(super) tera: Arc<tera::Tera>,
    pub(super) assets: Assets,
    pub(super) asset_files: Arc<Vec<(String, Bytes)>>,
    pub(super) theme_boot: String,
    pub(super) tables: Arc<Tables>,
    /// Pages per language.
    pub(super) pages: Pages<'a>,
    /// Each part's title per language (`course.toml` order), rendered once.
    pub(super) part_titles: BTreeMap<String, Vec<crate::course::Title>>,
}

/// A page of the site.
pub(super) enum Job {
    Chooser,
    NotFound,
    Home(String),
    Print(String),
    Chapter(String, usize),
}

impl<'a> Renderer<'a> {
    /// Prepares to render `course`: templates (compiled once, kept in `cache`), assets, UI
    /// strings and the pages of each language.
    ///
    /// `text_only`: the caller knows that nothing but the text of chapters changed since
    /// `cache` last made a renderer (the next batch of a one-shot build, a save that changed
    /// no title), so the theme, strings and outline are taken from it, not read again.
    pub(super) fn new(
        course: &'a Course,
        i18n: &'a I18n,
        theme: &Files,
        chapters: &'a RenderedChapters,
        options: &'a BuildOptions,
        cache: &mut PageCache,
        text_only: bool,
    ) -> Result<Self> {
        let kept = match (&cache.prepared, &cache.tera, &cache.assets) {
            (Some(prepared), Some((_, tera)), Some((_, built))) if text_only => {
                Some((prepared.clone(), Arc::clone(tera), built.clone()))
            }
            _ => None,
        };
        let (prepared, tera, built) = match kept {
            Some(kept) => kept,
            None => prepare(course, i18n, theme, options, cache)?,
        };
        let super::assets::BuiltAssets {
            names: assets,
            files: asset_files,
            boot: theme_boot,
        } = built;
        let pages = Pages::new(course);
        let nav_hash = match prepared.nav_hash {
            Some(hash) => hash,
            None => outline_hash(
                course,
                options,
                &prepared.theme_hash,
                &pages,
                &prepared.tables,
            ),
        };
        cache.prepared = Some(Prepared {
            nav_hash: Some(nav_hash),
            ..prepared.clone()
        });
        let Prepared {
            theme_hash, tables, ..
        } = prepared;
        let part_titles = course
            .language_codes()
            .map(|lang| {
                let fallbacks = course.config.fallbacks(lang);
                let titles = course
                    .config
                    .parts
                    .iter()
                    .map(|p| crate::course::Title::parse(p.title(lang, &fallbacks)))
                    .collect();
                (lang.to_string(), titles)
            })
            .collect();
        let mut renderer = Self {
            part_titles,
            nav_scripts: BTreeMap::new(),
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
        renderer.nav_scripts = match cache.nav.take() {
            Some((hash, scripts)) if hash == nav_hash => scripts,
            _ => renderer.nav_scripts()?,
        };
        // Kept even by a one-shot build, which makes a renderer per batch of chapters.
        cache.nav = Some((nav_hash, renderer.nav_scripts.clone()));
        Ok(renderer)
    }

    /// Makes `outputs` and hands every file of the site to `sink`: pages whose inputs
    /// changed since `cache` saw them are rendered, the rest come from the cache.
    pub(super) fn render(
        &self,
        cache: &mut PageCache,
        outputs: Outputs,
        sink: &dyn Sink,
    ) -> Result<Rendered> {
        let clock = std::time::Instant::now();
        let files = std::sync::Mutex::new(Vec::new());
        let put = |path: &str, bytes: Bytes| -> Result<()> {
            sink.put(path, bytes)?;
            crate::sync::lock(&files).push(path.to_string());
            Ok(())
        };
        for (path, bytes) in self.asset_files.iter() {
            put(path, bytes.clone())?;
            // Browsers ask for /favicon.ico whatever the page says.
            if path == "assets/favicon.ico" {
                put("favicon.ico", bytes.clone())?;
            }
        }
        for (path, bytes) in self.nav_scripts.values() {
            put(path, bytes.clone())?;
        }
        let mut jobs: Vec<Job> = vec![Job::Chooser, Job::NotFound];
        for lang in self.course.language_codes() {
            jobs.push(Job::Home(lang.to_string()));
            if outputs != Outputs::Shared {
                jobs.push(Job::Print(lang.to_string()));
                for i in 0..self.pages_of(lang).len() {
                    jobs.push(Job::Chapter(lang.to_string(), i));
                }
            }
        }
        let common = self.common_fingerprint();
        let planned: Vec<(Job, String, [u8; 32])> = jobs
            .into_par_iter()
            .map(|job| {
                let path = self.job_path(&job);
                let fp = self.fingerprint(&job, &common);
                (job, path, fp)
            })
            .collect();
        tracing::debug!("pages planned: {} µs", clock.elapsed().as_micros());
        let mut stale = false;
        let mut todo = Vec::new();
        for entry in &planned {
            let (job, path, fp) = entry;
            match cache.pages.get(path) {
                Some((old, bytes)) if old == fp => put(path, bytes.clone())?,
                // Asked for everything but the pages that hold every chapter: the old ones
                // stay until the next call brings them up to date.
                Some((_, bytes))
                    if outputs == Outputs::AllButAggregates && matches!(job, Job::Print(_)) =>
                {
                    stale = true;
                    put(path, bytes.clone())?;
                }
                _ => todo.push(entry),
            }
        }
        // The search indexes (long, partly sequential merges) are made alongside the pages.
        let search_plans = self.search_plans(&cache.search, outputs, &mut stale);
        let keep = cache.keep;
        let fragments = &cache.fragments;
        let sitemap_cached = match cache.sitemap.take() {
            Some((fp, bytes)) if fp == common => Some(bytes),
            _ => None,
        };
        let (rendered, (searched, sitemap)) = rayon::join(
            || {
                todo.par_iter()
                    .map(|(job, path, fp)| -> Result<_> {
                        let bytes = self.make(job, path, keep.then_some(fragments), sink)?;
                        crate::sync::lock(&files).push(path.clone());
                        Ok((path.clone(), *fp, bytes))
                    })
                    .collect::<Vec<_>>()
            },
            || {
                rayon::join(
                    || {
                        search_plans
                            .into_par_iter()
                            .map(|plan| self.search_index(plan, sink))
                            .collect::<Vec<_>>()
                    },
                    || sitemap_cached.unwrap_or_else(|| Bytes::from(self.sitemap())),
                )
            },
        );
        tracing::debug!("pages made: {} µs", clock.elapsed().as_micros());
        let pages_rendered = rendered.len();
        for r in rendered {
            if let (path, fp, Some(bytes)) = r? {
                cache.pages.insert(path, (fp, bytes));
            }
        }
        let wanted: std::collections::HashSet<&String> =
            planned.iter().map(|(_, p, _)| p).collect();
        cache.pages.retain(|path, _| wanted.contains(path));
        if outputs != Outputs::Shared {
            self.copy_chapter_assets(cache, 0..self.course.chapters.len(), &put)?;
        }
        tracing::debug!("assets copied: {} µs", clock.elapsed().as_micros());
        for made in searched {
            let (lang, fresh, made) = made?;
            crate::sync::lock(&files).extend(made.iter().map(|(path, _)| path.clone()));
            if let Some(fp) = fresh.filter(|_| keep) {
                cache.search.insert(lang, (fp, made));
            }
        }
        put("sitemap.xml", sitemap.clone())?;
        if keep {
            cache.sitemap = Some((common, sitemap));
            cache.common = Some(common);
        }
        put(
            "robots.txt",
            Bytes::from(format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
                self.course.config.base_url
            )),
        )?;
        Ok(Rendered {
            pages_rendered,
            files: crate::sync::into_inner(files),
            stale,
        })
    }

    /// The pages of the chapters at positions `only` in every language, handed to `sink`
    /// (made again where their inputs changed, else from the cache), and nothing else: see
    /// [`super::render_chapter_pages`]. Without a whole-site render in `cache` to start
    /// from, renders every page but the aggregates.
    pub(super) fn render_chapters_only(
        &self,
        cache: &mut PageCache,
        only: &std::collections::BTreeSet<usize>,
        sink: &dyn Sink,
    ) -> Result<Rendered> {
        let Some(common) = cache.common else {
            return self.render(cache, Outputs::AllButAggregates, sink);
        };
        let planned: Vec<(Job, String, [u8; 32])> = self
            .course
            .language_codes()
            .flat_map(|lang| {
                only.iter().filter_map(move |&index| {
                    self.page_at(lang, index)
                        .map(|_| Job::Chapter(lang.to_string(), index))
                })
            })
            .map(|job| {
                let path = self.job_path(&job);
                let fp = self.fingerprint(&job, &common);
                (job, path, fp)
            })
            .collect();
        let keep = cache.keep.then_some(&cache.fragments);
        let made = super::map_items(&planned, |(job, path, fp)| -> Result<_> {
            match cache.pages.get(path) {
                Some((old, bytes)) if old == fp => {
                    sink.put(path, bytes.clone())?;
                    Ok(None)
                }
                _ => Ok(Some((path.clone(), *fp, self.make(job, path, keep, sink)?))),
            }
        })
        .into_iter()
        .collect::<Result<Vec<_>>>()?;
        let mut pages_rendered = 0;
        for (path, fp, bytes) in made.into_iter().flatten() {
            pages_rendered += 1;
            if let Some(bytes) = bytes {
                cache.pages.insert(path, (fp, bytes));
            }
        }
        Ok(Rendered {
            pages_rendered,
            files: planned.into_iter().map(|(_, path, _)| path).collect(),
            stale: true,
        })
    }

    /// The pages of the chapters at course positions `range`, in every language, their
    /// files, and their part of each print page in `prints` (a one-shot build, a batch of
    /// chapters at a time: their rendered chapters are in this renderer). Returns the paths
    /// handed to `sink`.
    pub(super) fn chapter_batch(
        &self,
        range: std::ops::Range<usize>,
        prints: &mut [super::print::PrintStream<'_>],
        cache: &mut PageCache,
        sink: &dyn Sink,
    ) -> Result<Vec<String>> {
        let paths = std::sync::Mutex::new(Vec::new());
        let put = |path: &str, bytes: Bytes| -> Result<()> {
            sink.put(path, bytes)?;
            crate::sync::lock(&paths).push(path.to_string());
            Ok(())
        };
        let jobs: Vec<Job> = self
            .course
            .language_codes()
            .flat_map(|lang| {
                self.pages_of(lang)
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| range.contains(&p.index))
                    .map(move |(i, _)| Job::Chapter(lang.to_string(), i))
            })
            .collect();
        jobs.par_iter().try_for_each(|job| {
            let path = self.job_path(job);
            self.make(job, &path, None, sink)?;
            crate::sync::lock(&paths).push(path);
            Ok::<_, crate::error::Error>(())
        })?;
        self.copy_chapter_assets(cache, range.clone(), &put)?;
        for stream in prints {
            self.print_batch(stream, range.end)?;
        }
        Ok(crate::sync::into_inner(paths))
    }

    /// Makes one page and hands it to `sink`; returns its bytes when they are kept for the
    /// cache (`fragments` given), else nothing, so a one-shot build holds no page after it
    /// is written.
    fn make(
        &self,
        job: &Job,
        path: &str,
        fragments: Option<&Fragments>,
        sink: &dyn Sink,
    ) -> Result<Option<Bytes>> {
        let html = match job {
            Job::Chooser => self.chooser()?,
            Job::NotFound => self.not_found()?,
            Job::Home(lang) => self.home(lang)?,
            Job::Chapter(lang, i) => self.chapter(lang, *i)?,
            Job::Print(lang) => self.print_page(lang, fragments)?,
        };
        let bytes = Bytes::from(html);
        sink.put(path, bytes.clone())?;
        Ok(fragments.is_some().then_some(bytes))
    }

    pub(super) fn job_path(&self, job: &Job) -> String {
        match job {
            Job::Chooser => "index.html".into(),
            Job::NotFound => "404.html".into(),
            Job::Home(lang) => format!("{lang}/index.html"),
            Job::Print(lang) => format!("{lang}/print/index.html"),
            Job::Chapter(lang, i) => match self.page_at(lang, *i) {
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
        h.update(format!("{:?}", self.course.history.dir).as_bytes());
        h.update(
            format!(
                "{:?}{}{:?}",
                self.options.link_style, self.options.hashed_assets, self.options.base_path
            )
            .as_bytes(),
        );
        h.update(format!("{:?}{:?}", self.assets, self.tables).as_bytes());
        hash_entries(&mut h, &self.pages);
        *h.finalize().as_bytes()
    }
    /// A page's inputs beyond the common ones: the chapter it shows (and the heading ids of
    /// its translations, for the switcher), or every chapter for the print page.
    fn fingerprint(&self, job: &Job, common: &[u8; 32]) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(common);
        match job {
            Job::Chapter(lang, i) => {
                if let Some(page) = self.page_at(lang, *i) {
                    let fresh = crate::translate::freshness(self.course, page.chapter, lang);
                    h.update(format!("{fresh:?}").as_bytes());
                    if let Some(r) = rendered_for(self.chapters, &page) {
                        h.update(&r.html_hash);
                    }
                    let updated = self
                        .course
                        .history
                        .updated(&self.course.root, &page.source.path);
                    h.update(&updated.unwrap_or(i64::MIN).to_le_bytes());
                    // The edit link follows the file shown; the rest of what it is made of
                    // (configuration, place in the repository) is in `common`.
                    h.update(page.source.path.as_os_str().as_encoded_bytes());
                    for other in self.course.language_codes() {
                        if let Some(other) = self.page_at(other, page.index)
                            && let Some(r) = rendered_for(self.chapters, &other)
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
    /// The page of chapter `index` in `lang`.
    pub(super) fn page_at(&self, lang: &str, index: usize) -> Option<Page<'a>> {
        self.pages.at(lang, index)
    }
    /// The page of the chapter with folder `id` in `lang`.
    pub(super) fn page_by_id(&self, lang: &str, id: &str) -> Option<Page<'a>> {
        self.course
            .index
            .get(id)
            .and_then(|&i| self.page_at(lang, i))
    }
    /// Part `k`'s title for readers of `lang`.
    pub(super) fn part_title(&self, lang: &str, k: usize) -> Option<&crate::course::Title> {
        self.part_titles.get(lang).and_then(|t| t.get(k))
    }
    /// Every page of `lang`, in course order: the page of chapter `i` is at `i`.
    pub(super) fn pages_of(&self, lang: &str) -> &[Page<'a>] {
        self.pages.of(lang)
    }
}

/// The pages of each language: one per chapter, at the chapter's position in the course
/// (every chapter has a file, and a language without its own file shows another's). One
/// page is found without listing the others, so a save at 2×2000 chapters does not read
/// all 4,000 (0.6–1.2 ms when they are out of the processor's caches, as after the print
/// pages are made); a language's list is made on its first use.
pub(super) struct Pages<'a> {
    course: &'a Course,
    /// Each language's fallback chain ([`crate::config::Config::fallbacks`]).
    fallbacks: BTreeMap<String, Vec<&'a str>>,
    lists: BTreeMap<String, std::sync::OnceLock<Vec<Page<'a>>>>,
}

impl<'a> Pages<'a> {
    fn new(course: &'a Course) -> Self {
        let fallbacks = course
            .language_codes()
            .map(|l| (l.to_string(), course.config.fallbacks(l)))
            .collect();
        let lists = course
            .language_codes()
            .map(|l| (l.to_string(), std::sync::OnceLock::new()))
            .collect();
        Pages {
            course,
            fallbacks,
            lists,
        }
    }

    /// The page of chapter `index` in `lang` (`None` for a language the course lacks).
    fn at(&self, lang: &str, index: usize) -> Option<Page<'a>> {
        if let Some(list) = self.lists.get(lang)?.get() {
            return list.get(index).copied();
        }
        self.course
            .page_along(lang, index, self.fallbacks.get(lang)?)
    }

    /// Every page of `lang`, in course order.
    fn of(&self, lang: &str) -> &[Page<'a>] {
        match (self.lists.get(lang), self.fallbacks.get(lang)) {
            (Some(list), Some(fallbacks)) => list.get_or_init(|| {
                (0..self.course.chapters.len())
                    .filter_map(|i| self.course.page_along(lang, i, fallbacks))
                    .collect()
            }),
            _ => &[],
        }
    }

    /// Each language with its pages.
    fn all(&self) -> impl Iterator<Item = (&str, &[Page<'a>])> {
        self.lists.keys().map(|l| (l.as_str(), self.of(l)))
    }
}

/// Everything the sidebar and the chapter lists are made of: theme, configuration (parts,
/// unnumbered chapters), link style, each page's entry ([`hash_entries`]), and the UI
/// strings. Reads every page.
fn outline_hash(
    course: &Course,
    options: &BuildOptions,
    theme_hash: &[u8; 32],
    pages: &Pages<'_>,
    tables: &Tables,
) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(theme_hash);
    h.update(format!("{:?}{:?}", course.config, options.link_style).as_bytes());
    hash_entries(&mut h, pages);
    for (lang, table) in tables {
        h.update(format!("{lang}{table:?}").as_bytes());
    }
    *h.finalize().as_bytes()
}

/// What each page shows of itself in lists of chapters: id, slug, title, the language of
/// its text, description.
fn hash_entries(h: &mut blake3::Hasher, pages: &Pages<'_>) {
    for (lang, pages) in pages.all() {
        h.update(lang.as_bytes());
        for p in pages {
            for part in [
                p.chapter.id.as_str(),
                p.slug(),
                p.source.front.title.as_str(),
                p.content_lang,
                p.source.front.description.as_deref().unwrap_or(""),
            ] {
                h.update(part.as_bytes());
                h.update(b"\0");
            }
        }
    }
}
