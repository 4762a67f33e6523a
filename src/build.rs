//! The pipeline: load → render chapters → render pages → a [`Sink`] (the output folder, or a
//! [`Site`] in memory), with caches so that a rebuild (in `serve`) renders only what its
//! inputs changed.

use crate::error::{Diagnostic, Result};
use crate::i18n::I18n;
use crate::render::{self, BuildOptions, ChapterCache, Outputs, PageCache};
use crate::site::{Collect, Sink, Site};
use crate::{load, theme};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A successful build: the site, and what the author should still look at.
#[derive(Debug)]
pub struct Build {
    /// The site, when it was built in memory (empty when it was written to a folder).
    pub site: Arc<Site>,
    /// What did not stop the build but needs the author's attention, from every stage
    /// (shared with the builder: a save that changes no finding reuses the list).
    pub warnings: Arc<[Diagnostic]>,
    /// Languages listed in `course.toml`, for the build summary.
    pub languages: usize,
    /// Chapters of the course (folders, not chapter files), for the build summary.
    pub chapters: usize,
    /// Chapter files whose Markdown was rendered (the rest came from the cache).
    pub chapters_rendered: usize,
    /// Pages whose template was rendered (the rest came from the cache).
    pub pages_rendered: usize,
    /// HTML pages the site holds.
    pub pages: usize,
    /// Output paths that differ from the previous successful build of this builder.
    pub changed: Vec<String>,
    /// Print pages or search indexes were handed over out of date
    /// ([`Outputs::AllButAggregates`]); [`Builder::finish`] brings them up to date.
    pub stale: bool,
}

/// Builds one course again and again, keeping what it rendered between builds.
pub struct Builder {
    root: PathBuf,
    options: BuildOptions,
    sources: load::SourceCache,
    chapters: ChapterCache,
    pages: PageCache,
    previous: Option<Arc<Site>>,
    /// How many HTML pages `previous` holds.
    previous_pages: usize,
    /// The link check's findings per chapter file, for the course as last read from disk.
    audit: crate::audit::Memo,
    /// What the last successful build was made from; [`Builder::rebuild`] starts from it.
    loaded: Option<Loaded>,
    /// Paths reported changed since the last successful build (a failed build keeps them, so
    /// the next one reads every file that may still be broken).
    dirty: std::collections::BTreeSet<PathBuf>,
    /// An edit since the last successful build changed a title, slug or description, which
    /// other pages show.
    outline: bool,
    /// The findings of the last build, when it succeeded in memory and the course was not
    /// read from disk since: its site can then be patched with the pages of the chapters
    /// edited since, and a save that changes no finding reuses this list.
    last_good: Option<Arc<[Diagnostic]>>,
}

/// The course, its strings and theme as read from disk.
struct Loaded {
    course: crate::course::Course,
    i18n: Arc<I18n>,
    theme: Arc<theme::Files>,
    /// Hash of the string files: every rendered chapter depends on it.
    environment: [u8; 32],
    /// What reading the theme and string overrides skipped.
    warnings: Vec<Diagnostic>,
    /// What reading the course found wrong: chapters and chapter files that did not load,
    /// folder, outline and slug errors. The build goes on with what loaded, to report
    /// everything, and then fails.
    errors: Vec<Diagnostic>,
}

impl Builder {
    /// A builder for the course at `root`, with empty caches: its first build reads and
    /// renders everything.
    pub fn new(root: &Path, options: BuildOptions) -> Self {
        Self {
            root: root.to_path_buf(),
            sources: load::SourceCache::new(options.drafts),
            options,
            chapters: ChapterCache::default(),
            pages: PageCache::default(),
            previous: None,
            previous_pages: 0,
            audit: crate::audit::Memo::default(),
            loaded: None,
            dirty: std::collections::BTreeSet::new(),
            outline: false,
            last_good: None,
        }
    }

    /// The course folder this builder reads (the one holding `course.toml`).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The last site this builder produced successfully.
    pub fn previous(&self) -> Option<&Arc<Site>> {
        self.previous.as_ref()
    }

    /// Whether the next save builds on the last good site: only the touched chapters'
    /// findings are checked again and only their pages planned (a failed build ends that
    /// until the next good one; a render stopped for a newer change does not).
    pub fn builds_on_last_good(&self) -> bool {
        self.last_good.is_some() && self.previous.is_some()
    }

    /// Reads the course and renders what changed. On error the caches and the previous site
    /// stay as they were.
    pub fn build(&mut self) -> Result<Build> {
        self.build_outputs(Outputs::All)
    }

    /// [`Builder::build`], bringing only `outputs` up to date.
    pub fn build_outputs(&mut self, outputs: Outputs) -> Result<Build> {
        self.read_everything_next();
        self.build_in_memory(outputs)
    }

    /// Makes the next build read the whole course from disk rather than patch the inputs
    /// of the last one.
    fn read_everything_next(&mut self) {
        self.loaded = None;
        self.dirty.clear();
    }

    /// Like [`Builder::build`], told which files changed (by a file watcher): when they are
    /// only edits of existing chapter files, those are read again and nothing else is looked
    /// at; anything else (or an unknown change) reads the whole course. Brings `outputs` up
    /// to date.
    pub fn rebuild(
        &mut self,
        changed: impl IntoIterator<Item = PathBuf>,
        outputs: Outputs,
    ) -> Result<Build> {
        self.dirty.extend(changed);
        self.build_in_memory(outputs)
    }

    /// Reads the repository's history again (after a commit, checkout or reset while
    /// serving) and marks the chapter files it gave another "last updated" date, so the next
    /// [`Builder::rebuild`] renders their pages again; those files are returned. `None` when
    /// the next build must read everything: nothing was built yet, or the course folder's
    /// place in the repository changed (every edit link with it).
    pub fn refresh_history(&mut self) -> Option<Vec<PathBuf>> {
        let loaded = self.loaded.as_mut()?;
        let course = &mut loaded.course;
        if course.history.is_current(&self.root) {
            return Some(Vec::new());
        }
        let fresh = crate::history::History::read(&self.root);
        if fresh.dir != course.history.dir {
            self.read_everything_next();
            return None;
        }
        let dated: Vec<PathBuf> = course
            .chapters
            .iter()
            .flat_map(|c| c.sources.values())
            .filter(|s| {
                course.history.updated(&course.root, &s.path)
                    != fresh.updated(&course.root, &s.path)
            })
            .map(|s| s.path.clone())
            .collect();
        course.history = Arc::new(fresh);
        self.dirty.extend(dated.iter().cloned());
        Some(dated)
    }

    /// The whole course again from the inputs of the last build (after a rebuild that left
    /// print pages or search indexes for later).
    pub fn finish(&mut self) -> Result<Build> {
        self.build_in_memory(Outputs::All)
    }

    /// Builds the whole course into the folder `out`, writing pages as they are rendered
    /// (so memory does not grow with the size of the course) into a staging folder that
    /// replaces `out` only when everything succeeded. For one-shot builds: nothing is kept
    /// for a next build.
    pub fn build_to(&mut self, out: &Path) -> Result<Build> {
        self.read_everything_next();
        let staging = crate::site::Staging::new(out, &self.root)?;
        self.pages.keep = false;
        let (mut loaded, _) = self.load()?;
        // Nothing is read again after a one-shot build: the cache need not hold the text.
        self.sources = load::SourceCache::default();
        // A course read with errors fails whatever renders: its chapters are still rendered,
        // for their findings, but no page is written.
        let sink: &dyn Sink = if loaded.errors.is_empty() {
            &staging
        } else {
            &crate::site::Discard
        };
        let (rendered, written) = render::stream_chapters(
            &mut loaded.course,
            &loaded.i18n,
            &loaded.theme,
            &self.options,
            &mut self.pages,
            sink,
        )?;
        let inputs = Inputs {
            chapter_errors: [loaded.errors.clone(), rendered.errors].concat(),
            loaded,
            chapters: rendered.chapters,
            chapters_rendered: rendered.rendered,
            patch: None,
        };
        let build = self.render_inputs(inputs, Outputs::Shared, &staging, written);
        // What is kept lacks the chapters' text: a next build reads everything again.
        self.read_everything_next();
        let build = build?;
        staging.commit()?;
        Ok(build)
    }

    fn build_in_memory(&mut self, outputs: Outputs) -> Result<Build> {
        let collect = Collect::default();
        let clock = std::time::Instant::now();
        let built = self.build_into(outputs, &collect);
        let (mut build, patched) = match built {
            Ok(built) => built,
            Err(e) => {
                // A render stopped for a newer change left the last good site as it was:
                // the next save still builds on it.
                if !matches!(e, crate::error::Error::Cancelled) {
                    self.last_good = None;
                }
                return Err(e);
            }
        };
        let collected = collect.into_site();
        tracing::debug!("collected: {} µs", clock.elapsed().as_micros());
        let site = match (&self.previous, patched) {
            // Only the edited chapters' pages were made: the rest is the previous site (a
            // persistent map: the copy shares every file).
            (Some(previous), true) => {
                let mut site = Site::clone(previous);
                let mut pages = self.previous_pages;
                build.changed.clear();
                for (path, bytes) in collected.files {
                    if previous.get(&path) != Some(&bytes) {
                        build.changed.push(path.clone());
                    }
                    if site.files.insert(path.clone(), bytes).is_none() && path.ends_with(".html") {
                        pages += 1;
                    }
                }
                build.pages = pages;
                Arc::new(site)
            }
            (Some(previous), false) => {
                let site = Arc::new(collected);
                build.changed = site.changed_since(previous);
                build.pages = site.pages().count();
                site
            }
            (None, _) => {
                let site = Arc::new(collected);
                build.changed = site.files.keys().cloned().collect();
                build.pages = site.pages().count();
                site
            }
        };
        self.last_good = Some(Arc::clone(&build.warnings));
        self.previous_pages = build.pages;
        self.previous = Some(Arc::clone(&site));
        build.site = site;
        tracing::debug!("compared: {} µs", clock.elapsed().as_micros());
        Ok(build)
    }

    /// Renders `outputs` into `sink`; on success the inputs are kept for the next build.
    /// Says whether only the pages of the chapters edited since the last good build went to
    /// `sink` (the rest is that build's site).
    fn build_into(&mut self, outputs: Outputs, sink: &dyn Sink) -> Result<(Build, bool)> {
        let inputs = self.inputs()?;
        let patched = inputs.pages_patch(outputs).is_some();
        let build = self.render_inputs(inputs, outputs, sink, render::Written::default())?;
        Ok((build, patched))
    }

    /// Stops at the findings' errors, or renders `outputs` of `inputs` into `sink` (after
    /// the chapter pages already `written`, in a one-shot build). The inputs are kept for the
    /// next build either way; the changed paths are forgotten only on success, so a failed
    /// build's next one reads again every file that may still be broken.
    fn render_inputs(
        &mut self,
        inputs: Inputs,
        outputs: Outputs,
        sink: &dyn Sink,
        written: render::Written,
    ) -> Result<Build> {
        let result = self.render_kept(&inputs, outputs, sink, written);
        self.loaded = Some(inputs.loaded);
        if result.is_ok() {
            self.dirty.clear();
            self.outline = false;
        }
        result
    }

    fn render_kept(
        &mut self,
        inputs: &Inputs,
        outputs: Outputs,
        sink: &dyn Sink,
        written: render::Written,
    ) -> Result<Build> {
        let clock = std::time::Instant::now();
        let course = &inputs.loaded.course;
        let unchanged = match (&inputs.patch, &self.last_good) {
            (Some(patch), Some(last)) => {
                let same_warnings = patch.replaced.iter().all(|r| {
                    r.old
                        .as_ref()
                        .is_some_and(|old| old.warnings == r.new.warnings)
                });
                (same_warnings
                    && crate::audit::recheck(
                        course,
                        &inputs.chapters,
                        &mut self.audit,
                        &patch.chapters,
                        &patch.replaced,
                    ) == Some(false))
                .then(|| Arc::clone(last))
            }
            _ => None,
        };
        let (mut errors, warnings): (Vec<Diagnostic>, Arc<[Diagnostic]>) = match unchanged {
            Some(warnings) => (Vec::new(), warnings),
            None => {
                let (errors, warnings): (Vec<_>, Vec<_>) = inputs
                    .findings(&mut self.audit)
                    .into_iter()
                    .partition(|d| d.severity == crate::error::Severity::Error);
                (errors, Arc::from(warnings))
            }
        };
        tracing::debug!("findings: {} µs", clock.elapsed().as_micros());
        // A failed build reports everything it found, warnings too, as `check` does and in
        // its order.
        if !errors.is_empty() {
            errors.extend(warnings.iter().cloned());
            return Err(crate::error::Error::Input(in_reading_order(errors)));
        }
        let with_warnings = |e| match e {
            crate::error::Error::Input(mut list) => {
                list.extend(warnings.iter().cloned());
                crate::error::Error::Input(in_reading_order(list))
            }
            other => other,
        };
        if let Some(e) = written.error {
            return Err(with_warnings(e));
        }
        let mut rendered = match inputs.pages_patch(outputs) {
            Some(patch) => render::render_chapter_pages(
                inputs.sources(),
                &self.options,
                &mut self.pages,
                &patch.chapters,
                sink,
            ),
            // A patch means only the text of its chapters changed since the last render.
            None => render::render_site(
                inputs.sources(),
                &self.options,
                &mut self.pages,
                outputs,
                sink,
                inputs.patch.is_some(),
            ),
        }
        .map_err(with_warnings)?;
        rendered.files.extend(written.files);
        rendered.pages_rendered += written.pages_rendered;
        tracing::info!("pages rendered: {} µs", clock.elapsed().as_micros());
        Ok(Build {
            site: Arc::new(Site::default()),
            warnings,
            languages: course.config.languages.len(),
            chapters: course.chapters.len(),
            chapters_rendered: inputs.chapters_rendered,
            pages_rendered: rendered.pages_rendered,
            pages: rendered
                .files
                .iter()
                .filter(|p| p.ends_with(".html"))
                .count(),
            changed: rendered.files,
            stale: rendered.stale,
        })
    }

    /// Everything `docent check` reports that needs no network, errors and warnings together
    /// (a build stops at the errors), and the external links to check.
    pub fn diagnose(&mut self) -> Result<(Vec<Diagnostic>, Vec<ExternalLink>)> {
        self.read_everything_next();
        let inputs = match self.inputs() {
            Ok(inputs) => inputs,
            Err(crate::error::Error::Input(list)) => return Ok((list, Vec::new())),
            Err(e) => return Err(e),
        };
        let mut findings = inputs.findings(&mut self.audit);
        match render::render_site(
            inputs.sources(),
            &self.options,
            &mut self.pages,
            Outputs::All,
            &crate::site::Discard,
            false,
        ) {
            Ok(_) => {}
            Err(crate::error::Error::Input(list)) => findings.extend(list),
            Err(e) => return Err(e),
        }
        Ok((
            findings,
            external_links(&inputs.loaded.course, &inputs.chapters),
        ))
    }

    /// One page per language holding the whole course: `(file name, html)`, its images not
    /// inlined yet.
    pub fn single_files(&mut self) -> Result<Vec<(String, String)>> {
        self.read_everything_next();
        let inputs = self.inputs()?;
        if !inputs.chapter_errors.is_empty() {
            return Err(crate::error::Error::Input(in_reading_order(
                inputs.chapter_errors,
            )));
        }
        render::single_files(inputs.sources(), &self.options, &mut self.pages)
    }

    /// The inputs of the last build with the dirty chapter files read again in place, when
    /// that is all that changed (no copy of the course: a save costs what it changed), with
    /// what that touched; otherwise the whole course from disk, and no `Touched`.
    fn load(&mut self) -> Result<(Loaded, Option<load::Touched>)> {
        // Errors that stop the load leave here, in the order `check` lists them.
        self.load_unordered().map_err(in_order)
    }

    fn load_unordered(&mut self) -> Result<(Loaded, Option<load::Touched>)> {
        // A course read with errors is read whole again: what fixed them is not known.
        if let Some(mut loaded) = self.loaded.take().filter(|l| l.errors.is_empty()) {
            if self.dirty.is_empty() {
                let touched = load::Touched {
                    outline: self.outline,
                    ..Default::default()
                };
                return Ok((loaded, Some(touched)));
            }
            match load::reload(&mut loaded.course, &self.dirty, &self.sources, self.outline) {
                Some(Ok(touched)) => {
                    self.outline = touched.outline;
                    return Ok((loaded, Some(touched)));
                }
                // A file that no longer loads: the whole course is read, going on past it
                // as a first build does, so that a save reports what `check` would.
                Some(Err(crate::error::Error::Input(_) | crate::error::Error::Io { .. })) => {
                    self.outline = true
                }
                Some(Err(e)) => {
                    // What the failed reload changed is not known: look at everything.
                    self.outline = true;
                    self.loaded = Some(loaded);
                    return Err(e);
                }
                None => {}
            }
        }
        // Positions, ids and the files beside the chapters may all have changed.
        self.audit = crate::audit::Memo::default();
        self.last_good = None;
        let root = &self.root;
        let (mut course, errors) = load::load_keep_going(root, &self.sources)?;
        if let Some(url) = &self.options.base_url {
            course.config.base_url = url.clone();
        }
        let languages: Vec<&str> = course.language_codes().collect();
        let (layers, mut warnings) = theme::i18n_layers(root)?;
        let mut environment = blake3::Hasher::new();
        for layer in &layers {
            for (k, v) in layer {
                environment.update(k.as_bytes());
                environment.update(v);
            }
        }
        let environment = *environment.finalize().as_bytes();
        let chains = languages
            .iter()
            .map(|l| {
                let chain = course.config.fallbacks(l);
                (
                    l.to_string(),
                    chain.into_iter().map(str::to_string).collect(),
                )
            })
            .collect();
        let i18n = I18n::from_layers(root, &layers, &languages, course.default_language())?
            .with_fallbacks(chains);
        let (theme, theme_warnings) = theme::theme_files(root)?;
        warnings.extend(theme_warnings);
        let loaded = Loaded {
            course,
            i18n: Arc::new(i18n),
            theme: Arc::new(theme),
            environment,
            warnings,
            errors,
        };
        Ok((loaded, None))
    }

    /// Loads the course, its strings and theme, and renders the chapters that changed.
    fn inputs(&mut self) -> Result<Inputs> {
        let clock = std::time::Instant::now();
        let phase = |name: &str| tracing::info!("{name}: {} µs", clock.elapsed().as_micros());
        let (loaded, touched) = self.load()?;
        phase("loaded");
        // Only the touched chapters changed since the last good build, whose site is kept.
        let only = touched
            .filter(|t| !t.outline && self.last_good.is_some() && self.previous.is_some())
            .map(|t| t.chapters);
        let rendered = render::render_chapters(
            &loaded.course,
            &loaded.environment,
            &mut self.chapters,
            only.as_ref(),
        )?;
        phase("chapters rendered");
        let patch = only
            .filter(|_| rendered.errors.is_empty())
            .map(|chapters| Patch {
                chapters,
                replaced: rendered.replaced,
            });
        Ok(Inputs {
            chapter_errors: [loaded.errors.clone(), rendered.errors].concat(),
            loaded,
            chapters: rendered.chapters,
            chapters_rendered: rendered.rendered,
            patch,
        })
    }
}

/// A link to another site and the file it is written in.
pub type ExternalLink = (PathBuf, crate::markdown::links::LinkRef);

/// Links to other sites, where they are written.
fn external_links(
    course: &crate::course::Course,
    chapters: &render::RenderedChapters,
) -> Vec<ExternalLink> {
    course
        .chapters
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.sources.iter().map(move |(lang, s)| (i, lang, s)))
        .filter_map(|(i, lang, s)| Some((s, chapters.get(&(i, lang.clone()))?)))
        .flat_map(|(s, r)| {
            r.links
                .iter()
                .filter(|l| l.url.starts_with("http://") || l.url.starts_with("https://"))
                .map(|l| (s.path.clone(), l.clone()))
        })
        .collect()
}

/// What pages are rendered from.
struct Inputs {
    loaded: Loaded,
    chapters: Arc<render::RenderedChapters>,
    chapters_rendered: usize,
    /// What reading the course found wrong ([`Loaded::errors`]) and what stopped some
    /// chapters from rendering (those are not in `chapters`), with those chapters' own
    /// warnings.
    chapter_errors: Vec<Diagnostic>,
    /// Only these chapters changed since the last good build (see [`Builder::last_good`]).
    patch: Option<Patch>,
}

/// The chapters a save changed since the last good build, and their files rendered again.
struct Patch {
    chapters: std::collections::BTreeSet<usize>,
    replaced: Vec<render::Replaced>,
}

impl Inputs {
    /// The patch when the render makes only its chapters' pages: a save's. A catch-up
    /// (`Outputs::All`) makes every file, though its patch still tells the findings what
    /// changed (nothing after a good save: its findings are kept).
    fn pages_patch(&self, outputs: Outputs) -> Option<&Patch> {
        self.patch
            .as_ref()
            .filter(|_| outputs == Outputs::AllButAggregates)
    }

    /// Everything every stage found, the one list `build`, `check` and `serve` all report:
    /// what reading the course and its overrides skipped, chapters that did not load or
    /// render, link and translation problems of the chapters that did,
    /// missing translations, each chapter's warnings, missing UI strings.
    fn findings(&self, audit: &mut crate::audit::Memo) -> Vec<Diagnostic> {
        let course = &self.loaded.course;
        let mut out = course.warnings.clone();
        out.extend(self.loaded.warnings.iter().cloned());
        out.extend(self.chapter_errors.iter().cloned());
        // Over the chapters that rendered: a link into one that did not (or did not load)
        // is not judged, its own error says why.
        out.extend(crate::audit::analyze(course, &self.chapters, audit));
        out.extend(render::course_warnings(course));
        out.extend(crate::audit::stop_word_synonyms(course));
        for rendered in self.chapters.values() {
            out.extend(rendered.warnings.iter().cloned());
        }
        out.extend(self.loaded.i18n.warnings(&self.loaded.theme));
        out.extend(self.loaded.i18n.unused(&self.loaded.theme));
        // Sorted before folding, so a repeated finding is told at its first place, and
        // after, as `check` sorts what it is given.
        in_reading_order(crate::error::fold_repeats(in_reading_order(out)))
    }

    fn sources(&self) -> render::Sources<'_> {
        render::Sources {
            course: &self.loaded.course,
            i18n: &self.loaded.i18n,
            theme: &self.loaded.theme,
            chapters: &self.chapters,
        }
    }
}

/// `e` with its findings, if it has any, [`in_reading_order`].
fn in_order(e: crate::error::Error) -> crate::error::Error {
    match e {
        crate::error::Error::Input(list) => crate::error::Error::Input(in_reading_order(list)),
        other => other,
    }
}

/// `findings` in the one order every command reports them in (`build`, `check`, `serve`): by
/// file, line and column, errors before warnings at one place, then by message; a finding
/// made twice is reported once. A total order, so the same findings read the same whichever
/// stage found them first.
pub fn in_reading_order(findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    // By the file's absolute path: `serve` reads the course by one, `check` by the path it
    // was given, and `content/…` sorts before `i18n/…` either way. Each path is made once.
    let mut keyed: Vec<(PathBuf, Diagnostic)> = findings
        .into_iter()
        .map(|d| (crate::fsx::normalize(&d.path), d))
        .collect();
    keyed.sort_by(|(pa, a), (pb, b)| {
        (pa, a.line, a.col, b.severity, &a.message, &a.help)
            .cmp(&(pb, b.line, b.col, a.severity, &b.message, &b.help))
    });
    let mut findings: Vec<Diagnostic> = keyed.into_iter().map(|(_, d)| d).collect();
    findings.dedup();
    findings
}

/// Builds the course at `root` into memory; nothing is written.
pub fn build(root: &Path, options: &BuildOptions) -> Result<Build> {
    Builder::new(root, options.clone()).build()
}

/// Builds the course at `root` into the folder `out` (see [`Builder::build_to`]).
pub fn build_to(root: &Path, options: &BuildOptions, out: &Path) -> Result<Build> {
    let mut builder = Builder::new(root, options.clone());
    let build = builder.build_to(out);
    // What the builder kept (every rendered chapter, the course) takes tens of milliseconds
    // to free at 2×2000 chapters, which `docent build`, about to exit, need not wait for.
    let _ = std::thread::Builder::new()
        .name("drop-builder".into())
        .spawn(move || drop(builder));
    build
}
