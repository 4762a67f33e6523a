//! `docent serve`: build once, then rebuild what each change touches, serve the site from
//! memory, and tell open pages over a WebSocket what to reload.
//!
//! The server is the one place in the library that prints: it is a long-running edge that
//! reports each rebuild on stderr as it happens.

pub mod http;
pub mod state;
pub mod watch;

use crate::build::Builder;
use crate::error::{Diagnostic, Error, Result};
use crate::plural::count;
use crate::render::{BuildOptions, Outputs};
use crate::site::Site;
use crate::theme;
use notify::{EventKind, RecursiveMode, Watcher};
use state::{AppState, messages_for};
use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use watch::{ChangeKind, Roots};

/// What `docent serve` was asked for on the command line.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The course folder (the one holding `course.toml`).
    pub root: PathBuf,
    /// Address to listen on; anything but loopback makes the preview reachable from other
    /// machines, which is warned about.
    pub bind: IpAddr,
    /// First port to try; 0 lets the system pick one.
    pub port: u16,
    /// Open the site in the default browser once the server listens.
    pub open: bool,
    /// Print no warnings and no line per rebuild; errors and the address are still printed.
    pub quiet: bool,
    /// Show draft chapters and translations, marked as drafts.
    pub drafts: bool,
}

/// A running preview: the builder with its caches and the state the server shares.
pub struct Session {
    builder: Builder,
    /// Warnings of the last good build, printed again only when they change.
    warnings: Arc<[crate::error::Diagnostic]>,
    /// What the HTTP side reads: the current site, its error, the reload channel.
    pub state: Arc<AppState>,
    /// The folders watched, to classify changed paths.
    pub roots: Roots,
    quiet: bool,
    /// When the served print pages and search indexes are to be brought up to date (see
    /// [`Session::catch_up`]): [`CATCH_UP_AFTER`] past the last rebuild that left them behind.
    catch_up_at: Option<Instant>,
    /// The highlight memo is bounded by the course's size (see
    /// [`crate::markdown::highlight::bound_memo_to_the_course`]).
    memo_bounded: bool,
    /// Set while [`Session::catch_up`] runs; a file event then sets `cancel`, which stops
    /// the catch-up so the save is rebuilt at once (see [`Session::interrupter`]).
    catching_up: Arc<AtomicBool>,
    /// The builder's [`BuildOptions::cancel`].
    cancel: Arc<AtomicBool>,
}

/// The outcome of one rebuild, for the terminal line and for benchmarks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// The build succeeded and its site is being served; else the last good one still is.
    pub ok: bool,
    /// Chapter files whose Markdown was rendered (0 when the build failed).
    pub chapters_rendered: usize,
    /// Pages whose template was rendered (0 when the build failed).
    pub pages_rendered: usize,
    /// Output paths that differ from the site served before; open pages reload by them.
    pub changed: Vec<String>,
    /// From the start of the rebuild to the reload message.
    pub elapsed: Duration,
}

/// The options `serve` builds with: plain asset names (so a CSS edit changes no page) and a
/// 404 page that works at the server's root.
pub fn serve_build_options() -> BuildOptions {
    BuildOptions {
        hashed_assets: false,
        base_path: Some("/".to_string()),
        ..BuildOptions::default()
    }
}

impl Session {
    /// A session on the course at `root`, serving nothing until [`Session::first_build`]:
    /// the files are watched before it, so a save made during a long first build is seen.
    pub fn new(root: &std::path::Path, quiet: bool, drafts: bool) -> Session {
        let project = theme::project_dir(root);
        let course = absolute(root);
        let roots = Roots {
            git: crate::history::git_dirs(&course),
            linked: watch::linked_targets(&course),
            course,
            themes: project.join("themes").join("default"),
            i18n: project.join("i18n"),
        };
        crate::markdown::highlight::remember_every_block();
        let cancel = Arc::new(AtomicBool::new(false));
        let builder = Builder::new(
            &roots.course,
            BuildOptions {
                cancel: Some(Arc::clone(&cancel)),
                drafts,
                ..serve_build_options()
            },
        );
        Session {
            builder,
            warnings: Arc::new([]),
            state: Arc::new(AppState::new(Arc::new(Site::default()))),
            roots,
            quiet,
            catch_up_at: None,
            memo_bounded: false,
            catching_up: Arc::new(AtomicBool::new(false)),
            cancel,
        }
    }

    /// Builds once; a failing first build still serves (with the error shown in the page).
    pub fn first_build(&mut self) {
        match self.builder.build() {
            Ok(build) => {
                if !self.quiet {
                    for w in build.warnings.iter() {
                        crate::errln!("{}", w.for_terminal());
                    }
                }
                self.warnings = build.warnings;
                self.state.publish(build.site, Vec::new());
            }
            Err(e) => {
                report_error(&e, false);
                self.state.fail(&e.diagnostics(), self.roots.project());
            }
        }
        self.bound_memo_once_built();
    }

    /// What the watcher calls on each file event: a change to an input (as the watch loop
    /// classifies paths; not a file only read, nor an editor's swap file) stops a catch-up
    /// under way, so a save made while the print pages and search indexes are made again
    /// does not wait for them (at 2×2000 chapters they take a third of a second or more).
    pub fn interrupter(&self) -> impl Fn(&notify::Event) + Send + 'static {
        let (running, cancel) = (Arc::clone(&self.catching_up), Arc::clone(&self.cancel));
        let roots = self.roots.clone();
        move |event| {
            let change = matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            );
            if running.load(Ordering::Relaxed)
                && change
                && event
                    .paths
                    .iter()
                    .any(|p| watch::classify(p, &roots).is_some())
            {
                cancel.store(true, Ordering::Relaxed);
            }
        }
    }

    /// Once a build succeeded (the memo then holds every block of the course), bounds the
    /// highlight memo to twice that.
    fn bound_memo_once_built(&mut self) {
        if !self.memo_bounded && self.builder.previous().is_some() {
            crate::markdown::highlight::bound_memo_to_the_course();
            self.memo_bounded = true;
        }
    }

    /// Rebuilds after `changes` (reading the whole course when `rescan`: the watcher lost
    /// track); on success swaps the site in and tells the pages what changed, on failure
    /// keeps the last good site and shows the error everywhere. `None` when nothing needed
    /// a rebuild: the repository moved without changing any "last updated" date.
    pub fn rebuild(
        &mut self,
        changes: &BTreeSet<(ChangeKind, PathBuf)>,
        mut rescan: bool,
    ) -> Option<Rebuilt> {
        let start = Instant::now();
        // A stop asked for by a file event that came as a catch-up was ending is for this
        // rebuild, not against it.
        self.cancel.store(false, Ordering::Relaxed);
        let files: Vec<PathBuf> = changes
            .iter()
            .filter(|(kind, _)| *kind != ChangeKind::History)
            .map(|(_, path)| path.clone())
            .collect();
        if !rescan && files.len() < changes.len() {
            // The dated chapter files are now marked for the rebuild below.
            match self.builder.refresh_history() {
                Some(dated) if dated.is_empty() && files.is_empty() => return None,
                Some(_) => {}
                None => rescan = true,
            }
        }
        let result = if rescan {
            self.builder.build_outputs(Outputs::AllButAggregates)
        } else {
            self.builder.rebuild(files, Outputs::AllButAggregates)
        };
        match result {
            Ok(build) => {
                let messages = messages_for(&build.changed);
                // Moved, not shared: the next publish frees it at once.
                self.state.publish(build.site, messages);
                // The edited page is served; the pages that hold every chapter follow once
                // saves pause, timed from this rebuild, not from any file event (an editor
                // or git only opening files must not hold them back).
                if build.stale {
                    self.catch_up_at = Some(Instant::now() + CATCH_UP_AFTER);
                }
                self.bound_memo_once_built();
                let r = Rebuilt {
                    ok: true,
                    chapters_rendered: build.chapters_rendered,
                    pages_rendered: build.pages_rendered,
                    changed: build.changed,
                    elapsed: start.elapsed(),
                };
                if !self.quiet {
                    crate::errln!("{}", describe(changes, &r, &self.roots));
                    // Only what the save changed: the warnings it brought, and how many it
                    // cleared (the whole list again, each save, buried the one that mattered).
                    if !Arc::ptr_eq(&build.warnings, &self.warnings)
                        && build.warnings != self.warnings
                    {
                        // Sets, not lists: a large course can carry thousands of warnings.
                        let before: std::collections::HashSet<&Diagnostic> =
                            self.warnings.iter().collect();
                        let after: std::collections::HashSet<&Diagnostic> =
                            build.warnings.iter().collect();
                        for w in build.warnings.iter().filter(|w| !before.contains(w)) {
                            crate::errln!("{}", w.for_terminal());
                        }
                        let cleared = self.warnings.iter().filter(|w| !after.contains(w)).count();
                        if cleared > 0 {
                            crate::errln!(
                                "{} cleared; {} left",
                                crate::plural::count(cleared, "warning", "warnings"),
                                build.warnings.len()
                            );
                        }
                    }
                }
                self.warnings = build.warnings;
                Some(r)
            }
            Err(e) => {
                report_error(&e, !self.state.site().files.is_empty());
                self.state.fail(&e.diagnostics(), self.roots.project());
                // The same inputs would fail again; the next good save catches up.
                self.catch_up_at = None;
                Some(Rebuilt {
                    ok: false,
                    chapters_rendered: 0,
                    pages_rendered: 0,
                    changed: Vec::new(),
                    elapsed: start.elapsed(),
                })
            }
        }
    }

    /// Brings the print pages and search indexes up to date after rebuilds that left them
    /// behind, and reloads the pages showing them. The watcher calls it once no rebuild
    /// happened for [`CATCH_UP_AFTER`]: the course-wide work then neither delays nor
    /// competes with the reload of the page just saved, and a run of saves pays for it once.
    fn catch_up(&mut self) {
        if self.catch_up_at.take().is_none() {
            return;
        }
        let start = Instant::now();
        self.cancel.store(false, Ordering::Relaxed);
        self.catching_up.store(true, Ordering::Relaxed);
        let finished = self.builder.finish();
        self.catching_up.store(false, Ordering::Relaxed);
        self.cancel.store(false, Ordering::Relaxed);
        match finished {
            // A file changed meanwhile: that save is rebuilt now, and the catch-up follows
            // once saves pause again.
            Err(Error::Cancelled) => {
                self.catch_up_at = Some(Instant::now() + CATCH_UP_AFTER);
                tracing::info!(
                    "print pages and search indexes stopped after {} ms for a change",
                    start.elapsed().as_millis()
                );
            }
            Ok(full) => {
                let messages = messages_for(&full.changed);
                self.state.publish(full.site, messages);
                tracing::info!(
                    "print pages and search indexes made again in {} ms",
                    start.elapsed().as_millis()
                );
            }
            // The inputs are those of the last good rebuild (a failed one cancels the catch-up),
            // so this is not expected; the next save tries again.
            Err(e) => report_error(&e, !self.state.site().files.is_empty()),
        }
    }
}

/// Prints what broke a build, and what the pages show meanwhile: the last good version
/// (`served`), or, before any build succeeded, the error alone.
fn report_error(e: &Error, served: bool) {
    for d in e.diagnostics() {
        crate::errln!("{}", d.for_terminal());
    }
    if served {
        crate::errln!("build failed; still serving the last good version");
    } else {
        crate::errln!("build failed; the pages show the error until a save fixes it");
    }
}

/// One terminal line per rebuild: what changed, what was re-rendered, how long it took.
fn describe(changes: &BTreeSet<(ChangeKind, PathBuf)>, r: &Rebuilt, roots: &Roots) -> String {
    let base = roots.course.parent().unwrap_or(&roots.course);
    let mut names: Vec<String> = changes
        .iter()
        .map(|(kind, p)| match kind {
            ChangeKind::History => "the git history".to_string(),
            _ => p.strip_prefix(base).unwrap_or(p).display().to_string(),
        })
        .collect();
    names.dedup();
    let more = names.len().saturating_sub(3);
    names.truncate(3);
    let what = if more > 0 {
        format!("{} and {more} more", names.join(", "))
    } else if names.is_empty() {
        "the course folder".to_string()
    } else {
        names.join(", ")
    };
    format!(
        "rebuilt in {} ms: {what} changed; rendered {}, {}; {} changed",
        r.elapsed.as_millis(),
        count(r.chapters_rendered, "chapter file", "chapter files"),
        count(r.pages_rendered, "page", "pages"),
        count(r.changed.len(), "output file", "output files"),
    )
}

fn absolute(path: &std::path::Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| crate::fsx::absolute(path))
}

/// How long file events must pause before a rebuild starts: an editor's save (write a
/// temporary file, rename it over the old one) or a script writing hundreds of files is one
/// burst of events microseconds apart, folded into one rebuild.
const QUIET: Duration = Duration::from_millis(5);
/// The pause that ends a burst once it is clearly more than a save (more than
/// [`SAVE_EVENTS`] events): a script or a checkout writing many files can be scheduled out
/// for longer than [`QUIET`] between two of them on a busy machine.
const QUIET_IN_A_BURST: Duration = Duration::from_millis(60);
/// The most events an editor's save makes (write, rename, metadata, and the like).
const SAVE_EVENTS: usize = 8;
/// The longest a steady stream of events (a checkout of thousands of files) holds a rebuild.
const LONGEST_WAIT: Duration = Duration::from_secs(1);

/// How long saves must pause before the print pages and search indexes, which hold every
/// chapter, are made again: long enough for the browser to fetch the page it reloads.
pub const CATCH_UP_AFTER: Duration = Duration::from_millis(100);

/// How often the watcher looks whether the course folder it watches is still the one there.
const CHECK_ROOT_EVERY: Duration = Duration::from_millis(500);

/// What tells one folder from another at the same path (device and inode), `None` when
/// nothing is there.
fn folder_identity(path: &std::path::Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let created = meta
            .created()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        Some((0, created.map_or(0, |d| d.as_nanos() as u64)))
    }
}

/// Watches the inputs and rebuilds on changes until the watcher goes away.
fn watch_loop(
    mut session: Session,
    mut watcher: notify::RecommendedWatcher,
    rx: std::sync::mpsc::Receiver<notify::Result<notify::Event>>,
    mut unwatched: Vec<(PathBuf, notify::Error)>,
    mut armed: Option<(u64, u64)>,
) {
    use std::sync::mpsc::RecvTimeoutError;
    loop {
        tidy_allocator();
        let due = session.catch_up_at;
        if due.is_some_and(|at| at <= Instant::now()) {
            session.catch_up();
            continue;
        }
        let wait = due.map_or(CHECK_ROOT_EVERY, |at| {
            at.saturating_duration_since(Instant::now())
        });
        let first = match rx.recv_timeout(wait) {
            Ok(event) => Some(event),
            Err(RecvTimeoutError::Timeout) if due.is_some() => continue,
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // The course folder deleted and restored, or replaced: its watch went with the old
        // folder, so watch the one that is there now and read it all again.
        let now = folder_identity(&session.roots.course);
        let rearmed = now != armed;
        if rearmed {
            let _ = watcher.unwatch(&session.roots.course);
            unwatched.clear();
            if now.is_some() {
                unwatched = watch_tree(&mut watcher, &session.roots.course);
                report_unwatched(&unwatched, &session.roots);
            }
            armed = now;
        } else if !unwatched.is_empty() && first.is_some() {
            // A folder left out may have been opened (a chmod is an event of its parent):
            // those folders, not the whole course, are tried again (a save must not walk
            // thousands of folders because one stays closed).
            let was: BTreeSet<PathBuf> = unwatched.iter().map(|(dir, _)| dir.clone()).collect();
            let mut still = Vec::new();
            for (dir, _) in std::mem::take(&mut unwatched) {
                if dir.is_dir() {
                    still.extend(watch_tree(&mut watcher, &dir));
                }
            }
            report_unwatched(
                still.iter().filter(|(dir, _)| !was.contains(dir)),
                &session.roots,
            );
            unwatched = still;
            // All watched again: the course as one tree, so notify follows new folders.
            if unwatched.is_empty() {
                unwatched = watch_tree(&mut watcher, &session.roots.course);
            }
        }
        let Some(first) = first else {
            if rearmed {
                session.rebuild(&BTreeSet::new(), true);
            }
            continue;
        };
        // With `-vv`: how long after the file was written its first event came in.
        if tracing::enabled!(tracing::Level::DEBUG) {
            log_event_delay("first event", &first);
        }
        let mut events = vec![first];
        let heard = Instant::now();
        let deadline = heard + LONGEST_WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let quiet = if events.len() > SAVE_EVENTS {
                QUIET_IN_A_BURST
            } else {
                QUIET
            };
            match rx.recv_timeout(quiet.min(left)) {
                Ok(event) => events.push(event),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let mut changes = BTreeSet::new();
        let mut rescan = rearmed;
        for event in events {
            let Ok(event) = event else {
                rescan = true;
                continue;
            };
            rescan |= event.need_rescan();
            if matches!(
                event.kind,
                EventKind::Access(
                    notify::event::AccessKind::Open(_) | notify::event::AccessKind::Read
                )
            ) {
                continue;
            }
            for path in &event.paths {
                // A folder made while serving: notify watches it with its parent, unless it
                // cannot (made closed, or under a folder watched without its subfolders).
                // Moved in (a rename) as well as made here.
                if matches!(
                    event.kind,
                    EventKind::Create(_) | EventKind::Modify(notify::event::ModifyKind::Name(_))
                ) && path
                    .strip_prefix(&session.roots.course)
                    .is_ok_and(|rel| !watch::is_hidden(rel))
                    && path.is_dir()
                {
                    let missed = watch_tree(&mut watcher, path);
                    report_unwatched(&missed, &session.roots);
                    unwatched.extend(missed);
                }
                if let Some(kind) = watch::classify(path, &session.roots) {
                    changes.insert((kind, path.clone()));
                } else if session.roots.is_override_dir(path) && path.is_dir() {
                    // themes/ or i18n/ created while serving: watch it from now on.
                    let _ = watcher.watch(path, RecursiveMode::Recursive);
                    rescan = true;
                }
            }
        }
        if !changes.is_empty() || rescan {
            // With `-vv`: how long the burst of events held the rebuild back.
            tracing::debug!("events heard: {} µs", heard.elapsed().as_micros());
            session.rebuild(&changes, rescan);
        }
    }
}

/// Watches `dir` and every folder under it. A folder that cannot be watched (one its owner
/// closed to others) is left out and returned with why, so the rest of the course is still
/// served and watched; the folder is tried again on later events. Only the folder itself
/// is then missed, not its siblings (notify's recursive watch stops at the first failure).
fn watch_tree(watcher: &mut impl Watcher, dir: &Path) -> Vec<(PathBuf, notify::Error)> {
    let whole = match watcher.watch(dir, RecursiveMode::Recursive) {
        Ok(()) => return Vec::new(),
        // Gone since it was listed: nothing to watch. At the system's limit, nothing more
        // can be watched: said as such, not retried folder by folder.
        Err(e) if matches!(e.kind, notify::ErrorKind::PathNotFound) => return Vec::new(),
        Err(e) if is_watch_limit(&e) => return vec![(dir.to_path_buf(), e)],
        Err(e) => e,
    };
    if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
        return vec![(dir.to_path_buf(), e)];
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return vec![(dir.to_path_buf(), whole)];
    };
    entries
        .flatten()
        // A hidden folder is no change of the site (`watch::is_hidden`): one that cannot
        // be watched is no loss, and not worth a warning or a retry.
        .filter(|e| {
            e.file_type().is_ok_and(|t| t.is_dir()) && !watch::is_hidden(Path::new(&e.file_name()))
        })
        .flat_map(|e| watch_tree(watcher, &e.path()))
        .collect()
}

/// Whether `e` is the system's limit on watched folders (inotify's `max_user_watches`).
fn is_watch_limit(e: &notify::Error) -> bool {
    matches!(e.kind, notify::ErrorKind::MaxFilesWatch)
}

/// Why a folder is not watched, in words (notify names its kinds in Rust).
fn why_unwatched(e: &notify::Error) -> String {
    match &e.kind {
        notify::ErrorKind::Io(io) => io.to_string(),
        notify::ErrorKind::MaxFilesWatch => {
            "the system's limit on watched folders is reached (raise fs.inotify.max_user_watches)"
                .to_string()
        }
        _ => e.to_string(),
    }
}

/// Says which folders [`watch_tree`] left out, by their path in the project.
fn report_unwatched<'a>(
    missed: impl IntoIterator<Item = &'a (PathBuf, notify::Error)>,
    roots: &watch::Roots,
) {
    for (dir, e) in missed {
        let shown = dir.strip_prefix(roots.project()).unwrap_or(dir);
        let why = why_unwatched(e);
        crate::errln!(
            "warning: cannot watch {}: {why}; edits there are seen once it can be read",
            shown.display()
        );
    }
}

/// Logs (debug) the time from the modification of the first event's file to now: where a
/// save's time goes before docent hears of it.
fn log_event_delay(what: &str, event: &notify::Result<notify::Event>) {
    let Some(path) = event.as_ref().ok().and_then(|e| e.paths.first()) else {
        return;
    };
    let written = std::fs::metadata(path).and_then(|m| m.modified());
    if let Ok(delay) = written.map(|w| std::time::SystemTime::now().duration_since(w)) {
        let micros = delay.map_or(0, |d| d.as_micros());
        tracing::debug!("{what} {micros} µs after the write: {}", path.display());
    }
}

/// Lets the allocator merge the small blocks freed since it last did, while no save waits.
/// After the print pages and search index are made again in the background, glibc's
/// allocator holds tens of thousands of freed small blocks (freed also while the loop
/// sleeps), and the first sizable allocation of the next save paid to merge them all: 1–2
/// ms of every save at 2×2000 chapters, nothing at 2×500. A request above its small sizes
/// does the merge now; any allocator serves and frees it in microseconds otherwise.
fn tidy_allocator() {
    drop(std::hint::black_box(Vec::<u8>::with_capacity(4096)));
}

/// Runs the preview server until Ctrl-C.
pub fn serve(options: ServeOptions) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Serve(format!("cannot start the server runtime: {e}")))?;
    runtime.block_on(run(options))
}

async fn run(options: ServeOptions) -> Result<()> {
    // A course folder that is not there is a mistake in the command, not a course that does
    // not build yet (which is served with its error until a save fixes it).
    if !options.root.is_dir() {
        return Err(crate::error::Diagnostic::error(
            &options.root,
            0,
            0,
            format!("{} is not a folder", options.root.display()),
        )
        .with_help("pass --root with the folder holding course.toml (the default is ./content)")
        .into());
    }
    if !options.bind.is_loopback() {
        crate::errln!(
            "warning: serving on {}, which other machines can reach; use --bind 127.0.0.1 to keep it local",
            options.bind
        );
    }
    let mut session = Session::new(&options.root, options.quiet, options.drafts);
    let state = Arc::clone(&session.state);
    let (listener, addr) = bind(options.bind, options.port).await?;
    if options.port != 0 && addr.port() != options.port {
        crate::errln!(
            "port {} is taken; using {} instead",
            options.port,
            addr.port()
        );
    }
    // Every address (`::`, `0.0.0.0`) is reached here through its loopback one.
    let host = match addr.ip() {
        ip if ip.is_unspecified() && ip.is_ipv6() => "[::1]".to_string(),
        ip if ip.is_unspecified() => "127.0.0.1".to_string(),
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    let url = format!("http://{host}:{}/", addr.port());

    let (tx, rx) = std::sync::mpsc::channel();
    let interrupt = session.interrupter();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = &event {
            interrupt(e);
        }
        // With `-vv`, the same delay as the watch loop logs, seen from notify's thread.
        if tracing::enabled!(tracing::Level::DEBUG) {
            log_event_delay("notify has the event", &event);
        }
        let _ = tx.send(event);
    })
    .map_err(|e| Error::Serve(format!("cannot watch files: {e}")))?;
    let roots = session.roots.clone();
    // The folder watched, as it is now: one replaced during the first build is seen.
    let armed = folder_identity(&roots.course);
    let unwatched = watch_tree(&mut watcher, &roots.course);
    // The course itself, or the system's limit on watches: nothing to serve a preview with.
    if let Some((dir, e)) = unwatched
        .iter()
        .find(|(dir, e)| *dir == roots.course || is_watch_limit(e))
    {
        return Err(Error::Serve(format!(
            "cannot watch {}: {}",
            dir.display(),
            why_unwatched(e)
        )));
    }
    report_unwatched(&unwatched, &roots);
    for dir in roots.override_dirs() {
        if dir.is_dir() {
            let _ = watcher.watch(&dir, RecursiveMode::Recursive);
        }
    }
    // What links of the course lead to outside it: a linked file through its folder (an
    // editor that saves by renaming replaces the file itself).
    for (target, _) in &roots.linked {
        match (target.is_dir(), target.parent()) {
            (true, _) => {
                let _ = watcher.watch(target, RecursiveMode::Recursive);
            }
            (false, Some(parent)) => {
                let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
            }
            (false, None) => {}
        }
    }
    // Not recursive: only to see themes/ or i18n/ appear.
    if let Some(project) = roots.course.parent() {
        let _ = watcher.watch(project, RecursiveMode::NonRecursive);
    }
    // A commit moves a branch, a checkout HEAD: "last updated" dates follow. Only HEAD and
    // the branches, not the objects; a git folder inside the course is watched with it.
    if let Some((own, common)) = &roots.git
        && !own.starts_with(&roots.course)
    {
        let _ = watcher.watch(own, RecursiveMode::NonRecursive);
        if common != own {
            let _ = watcher.watch(common, RecursiveMode::NonRecursive);
        }
        let _ = watcher.watch(&common.join("refs").join("heads"), RecursiveMode::Recursive);
    }
    // After the watch is armed: a save made while it runs is rebuilt after it.
    session.first_build();
    // Said once the files are watched: a save from here on is seen.
    crate::outln!(
        "serving {} at {url} (Ctrl-C to stop)",
        options.root.display()
    );
    std::thread::spawn(move || watch_loop(session, watcher, rx, unwatched, armed));

    if options.open {
        open_browser(&url);
    }
    let app = http::router(
        Arc::clone(&state),
        http::Guard::new(options.bind, addr.port()),
    );
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
        crate::errln!("stopping");
    };
    http::serve_until(listener, app, shutdown).await;
    Ok(())
}

/// Binds `port`, or the next free one of the following twenty.
async fn bind(ip: IpAddr, port: u16) -> Result<(tokio::net::TcpListener, SocketAddr)> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(20)
    };
    let mut p = port;
    loop {
        match tokio::net::TcpListener::bind(SocketAddr::new(ip, p)).await {
            Ok(listener) => {
                let addr = listener
                    .local_addr()
                    .map_err(|e| Error::Serve(format!("cannot read the bound address: {e}")))?;
                return Ok((listener, addr));
            }
            Err(e) if p < last && e.kind() == std::io::ErrorKind::AddrInUse => p += 1,
            Err(e) => return Err(Error::Serve(format!("cannot listen on {ip}:{p}: {e}"))),
        }
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        crate::errln!("could not open a browser ({opener}: {e}); open {url} yourself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_line_says_what_changed_and_how_long_each_part_took() {
        let roots = Roots {
            course: PathBuf::from("/p/content"),
            themes: PathBuf::from("/p/themes/default"),
            i18n: PathBuf::from("/p/i18n"),
            git: None,
            linked: Vec::new(),
        };
        let changes = BTreeSet::from([(
            ChangeKind::Chapter,
            PathBuf::from("/p/content/01-intro/en.md"),
        )]);
        let mut r = Rebuilt {
            ok: true,
            chapters_rendered: 1,
            pages_rendered: 1,
            changed: vec!["en/intro/index.html".into()],
            elapsed: Duration::from_millis(9),
        };
        assert_eq!(
            describe(&changes, &r, &roots),
            "rebuilt in 9 ms: content/01-intro/en.md changed; rendered 1 chapter file, 1 page; \
             1 output file changed"
        );
        // A commit touches several git files: named once, after the files.
        let mut changes = changes;
        for p in ["/p/.git/HEAD", "/p/.git/refs/heads/main"] {
            changes.insert((ChangeKind::History, PathBuf::from(p)));
        }
        r.chapters_rendered = 0;
        assert!(
            describe(&changes, &r, &roots)
                .starts_with("rebuilt in 9 ms: content/01-intro/en.md, the git history changed;"),
            "{}",
            describe(&changes, &r, &roots)
        );
    }
}
