//! What the server shares between requests, the watcher and WebSocket clients.

use crate::error::Diagnostic;
use crate::site::Site;
use serde::Serialize;
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// A message to every open page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Message {
    /// These pages changed (URL paths like `/en/slug/`); `all` when every page should reload.
    Reload {
        /// URL paths of the changed pages (`/en/slug/`): those reload.
        pages: Vec<String>,
        /// A file other than a page, stylesheet, sitemap or search index changed (a script,
        /// an image): every page reloads.
        all: bool,
    },
    /// Only stylesheets changed: swap them in place.
    Css {
        /// URL paths of the changed stylesheets (`/assets/docent.css`).
        files: Vec<String>,
    },
    /// The last rebuild failed; the previous pages are still served.
    Error {
        /// What broke the build, errors only, for the overlay.
        errors: Vec<ErrorItem>,
    },
    /// A rebuild succeeded: clear any error overlay.
    Ok,
}

/// A [`Diagnostic`] as the error overlay shows it, safe to send to a browser.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ErrorItem {
    /// The file, relative to the project folder; only its name when it lies outside.
    pub path: String,
    /// 1-based; 0 when the error is about the whole file.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub col: usize,
    /// What is wrong, with the project's location left out of any path it names.
    pub message: String,
    /// How to fix it, scrubbed the same way.
    pub help: Option<String>,
    /// The lines around `line` (number, text), so the overlay shows where the problem is.
    pub excerpt: Vec<(usize, String)>,
}

/// Up to two lines either side of `line` of the file at `path`, when it is a file of the
/// project at `base` (never through a link leading elsewhere).
fn excerpt(path: &std::path::Path, line: usize, base: &std::path::Path) -> Vec<(usize, String)> {
    let inside = std::fs::canonicalize(base).is_ok_and(|project| {
        crate::fsx::inside(&project, path).is_ok_and(|p| p.starts_with(&project))
    });
    if line == 0 || !inside {
        return Vec::new();
    }
    let Ok(text) = crate::fsx::read_to_string(path) else {
        return Vec::new();
    };
    crate::place::lines(&text)
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(n, _)| n.abs_diff(line) <= 2)
        .map(|(n, l)| (n, l.chars().take(300).collect()))
        .collect()
}

impl ErrorItem {
    /// `d` for the page: its path relative to the project folder `base`, so the overlay
    /// tells the author where to look without revealing where the project lives.
    pub fn new(d: &Diagnostic, base: &std::path::Path) -> Self {
        let path = d.path.strip_prefix(base).unwrap_or(&d.path);
        let path = if path.is_absolute() {
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        } else {
            path.display().to_string()
        };
        Self {
            excerpt: excerpt(&d.path, d.line, base),
            path,
            line: d.line,
            col: d.col,
            message: scrub(&d.message, base),
            help: d.help.as_deref().map(|h| scrub(h, base)),
        }
    }
}

/// `text` with the project's location (and the home folder) left out of the paths it
/// names: `/home/ana/course/content/x` becomes `content/x`.
fn scrub(text: &str, base: &std::path::Path) -> String {
    let mut out = text.to_string();
    let mut prefixes: Vec<String> = vec![base.display().to_string()];
    if let Ok(real) = std::fs::canonicalize(base) {
        prefixes.push(real.display().to_string());
    }
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for prefix in prefixes.iter().filter(|p| p.len() > 1) {
        out = out
            .replace(&format!("{prefix}/"), "")
            .replace(prefix.as_str(), ".");
    }
    if let Some(home) = std::env::var_os("HOME").map(|h| h.to_string_lossy().into_owned())
        && home.len() > 1
    {
        out = out.replace(&home, "~");
    }
    out
}

/// The last good site, the current error if any, and the channel to the pages.
pub struct AppState {
    site: RwLock<Arc<Site>>,
    error: RwLock<Option<Message>>,
    /// Messages to every open page; each WebSocket client subscribes to it.
    pub tx: broadcast::Sender<Message>,
    /// Open pages listening for reloads.
    pub clients: Clients,
}

/// A count of open WebSocket clients with a ceiling.
#[derive(Debug, Default, Clone)]
pub struct Clients(Arc<std::sync::atomic::AtomicUsize>);

/// One client's place; dropping it frees the place.
#[derive(Debug)]
pub struct Seat(Arc<std::sync::atomic::AtomicUsize>);

impl Clients {
    /// A place for one more client, unless `max` are already open.
    pub fn seat(&self, max: usize) -> Option<Seat> {
        use std::sync::atomic::Ordering;
        self.0
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()
            .map(|_| Seat(Arc::clone(&self.0)))
    }
}

impl Drop for Seat {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

impl AppState {
    /// State serving `site`, with no error and no clients yet.
    pub fn new(site: Arc<Site>) -> Self {
        let (tx, _) = broadcast::channel(64);
        Self {
            site: RwLock::new(site),
            error: RwLock::new(None),
            tx,
            clients: Clients::default(),
        }
    }

    /// The site being served now: the last good build (empty if none succeeded yet).
    pub fn site(&self) -> Arc<Site> {
        Arc::clone(&crate::sync::read(&self.site))
    }

    /// The [`Message::Error`] of the last build when it failed, sent to each page that
    /// connects so it shows the overlay too.
    pub fn error(&self) -> Option<Message> {
        crate::sync::read(&self.error).clone()
    }

    /// A good build: swap the site in, clear the error, tell the pages.
    pub fn publish(&self, site: Arc<Site>, messages: Vec<Message>) {
        *crate::sync::write(&self.site) = site;
        *crate::sync::write(&self.error) = None;
        for m in messages {
            let _ = self.tx.send(m);
        }
    }

    /// A failed build: keep the site, remember and broadcast the error (paths relative to
    /// the project folder `base`).
    pub fn fail(&self, diagnostics: &[Diagnostic], base: &std::path::Path) {
        // The overlay shows what broke the build; warnings stay in the terminal.
        let message = Message::Error {
            errors: diagnostics
                .iter()
                .filter(|d| d.severity == crate::error::Severity::Error)
                .map(|d| ErrorItem::new(d, base))
                .collect(),
        };
        *crate::sync::write(&self.error) = Some(message.clone());
        let _ = self.tx.send(message);
    }
}

/// The URL a page is served at: `en/slug/index.html` → `/en/slug/`.
pub fn page_url(path: &str) -> String {
    match path.strip_suffix("index.html") {
        Some(dir) => format!("/{dir}"),
        None => format!("/{path}"),
    }
}

/// What the pages need to hear about a rebuild that changed `changed` (site paths).
pub fn messages_for(changed: &[String]) -> Vec<Message> {
    let mut messages = vec![Message::Ok];
    let pages: Vec<String> = changed
        .iter()
        .filter(|p| p.ends_with(".html"))
        .map(|p| page_url(p))
        .collect();
    let css: Vec<String> = changed
        .iter()
        .filter(|p| p.ends_with(".css"))
        .map(|p| format!("/{p}"))
        .collect();
    // The search index is loaded when a reader searches; a new one needs no reload.
    let other = changed.iter().any(|p| {
        !p.ends_with(".html")
            && !p.ends_with(".css")
            && !p.ends_with(".xml")
            && !p.ends_with(".txt")
            && !p.starts_with("search/")
    });
    if !css.is_empty() {
        messages.push(Message::Css { files: css });
    }
    if other || !pages.is_empty() {
        messages.push(Message::Reload { pages, all: other });
    }
    messages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_alone_swaps_and_reloads_nothing() {
        let m = messages_for(&["assets/docent.css".to_string()]);
        assert_eq!(
            m,
            [
                Message::Ok,
                Message::Css {
                    files: vec!["/assets/docent.css".into()]
                }
            ]
        );
    }

    #[test]
    fn pages_are_named_by_url() {
        let m = messages_for(&["en/intro/index.html".into(), "sitemap.xml".into()]);
        assert_eq!(
            m,
            [
                Message::Ok,
                Message::Reload {
                    pages: vec!["/en/intro/".into()],
                    all: false
                }
            ]
        );
        assert_eq!(page_url("index.html"), "/");
    }
}
