//! The renderer: what pages a course has, which of them to make (those whose
//! [`fingerprint`](super::fingerprint) changed since the last build), and handing each one
//! made to a [`Sink`]. The pages themselves are made in `pages`, `nav`,
//! `print` and `aggregates`; this module decides what to make.

use super::assets::Assets;
use super::cache::{NavScripts, PageCache, Prepared, Tables, prepare};
use super::fingerprint::outline_hash;
use super::page_list::Pages;
use super::print::Fragments;
use super::{BuildOptions, Outputs, RenderedChapters};
use crate::course::Course;
use crate::error::Result;
use crate::i18n::I18n;
use crate::site::Sink;
use crate::theme::Files;
use bytes::Bytes;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What one call to `Renderer::render` made.
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
    /// Some chapter lacks some language, so some page shows another language's text and
    /// links to other chapters may be pointed at their translated headings.
    pub(super) any_fallback: bool,
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
    /// Whether the render was asked to stop ([`super::BuildOptions::cancel`]).
    pub(super) fn cancelled(&self) -> bool {
        self.options
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// [`crate::error::Error::Cancelled`] once the render was asked to stop: `?` between
    /// pieces of work.
    pub(super) fn go_on(&self) -> Result<()> {
        if self.cancelled() {
            return Err(crate::error::Error::Cancelled);
        }
        Ok(())
    }

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
            any_fallback: !course.translated_throughout(),
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
        self.go_on()?;
        let common = self.common_fingerprint();
        // Hashing every page's inputs is most of a catch-up's planning at 2x2000 (tens of
        // ms): a save made meanwhile stops it.
        let planned: Option<Vec<(Job, String, [u8; 32])>> = jobs
            .into_par_iter()
            .map(|job| {
                if self.cancelled() {
                    return None;
                }
                let path = self.job_path(&job);
                let fp = self.fingerprint(&job, &common);
                Some((job, path, fp))
            })
            .collect();
        // `None`: a job saw the stop.
        let planned = planned.ok_or(crate::error::Error::Cancelled)?;
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
                        self.go_on()?;
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

    /// Makes one page and hands it to `sink`; returns its bytes when they are kept for the
    /// cache (`fragments` given), else nothing, so a one-shot build holds no page after it
    /// is written.
    pub(super) fn make(
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
}
