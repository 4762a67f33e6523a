//! Diagnostics: every problem a user can fix names the file, line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a finding is: errors fail the build, warnings are counted and printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth the author's attention, but the site is still built.
    Warning,
    /// Stops the build: no site is written.
    Error,
}

/// What a finding is about, for readers that sort or filter them (`check --format json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A chapter file: front matter, Markdown, a teaching block.
    #[default]
    Source,
    /// `course.toml`.
    Config,
    /// Files and folders: links leaving the project, special files, folder names.
    File,
    /// Links, anchors and images between and inside chapters.
    Link,
    /// Translations: missing, stale, drifted from their source.
    Translation,
    /// UI strings (`i18n/`).
    Strings,
    /// Theme templates.
    Template,
}

/// `findings` with each group of [`Diagnostic::once_per`] findings folded into its first,
/// which says how many more places it was found in.
pub fn fold_repeats(findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut first: std::collections::HashMap<String, (usize, usize)> = Default::default();
    let mut out: Vec<Diagnostic> = Vec::with_capacity(findings.len());
    for d in findings {
        if let Some(key) = d.once.clone() {
            if let Some((_, more)) = first.get_mut(&key) {
                *more += 1;
                continue;
            }
            first.insert(key, (out.len(), 0));
        }
        out.push(d);
    }
    for (at, more) in first.into_values().filter(|(_, more)| *more > 0) {
        if let Some(d) = out.get_mut(at) {
            let places = crate::plural::count(more, "more place", "more places");
            d.message = format!("{} (and {places} like it)", d.message);
        }
    }
    out
}

/// Edit distance (Levenshtein, by character): how far a misspelling is from what was meant.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = (prev + usize::from(ca != *cb)).min(above + 1).min(left + 1);
            prev = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The candidate `word` was most likely meant to be, if one is close enough to suggest: a
/// few edits away (a third of its length), or one starts with the other (`linenumbers` →
/// `linenums`, `build` → `builder`).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let c_l = c.to_lowercase();
            let d = distance(&word_l, &c_l);
            let prefix = c_l.len() >= 3
                && word_l.len() >= 3
                && (c_l.starts_with(&word_l) || word_l.starts_with(&c_l));
            (c, d, prefix)
        })
        .filter(|(_, d, prefix)| {
            let len = word.chars().count();
            *prefix || *d <= if len <= 3 { 1 } else { (len / 3).max(2) }
        })
        .min_by_key(|(_, d, prefix)| (!*prefix && *d > 1, *d))
        .map(|(c, _, _)| c)
}

/// One finding about the user's input, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Diagnostic {
    /// Whether the finding stops the build.
    pub severity: Severity,
    /// What part of the input the finding is about.
    pub kind: Kind,
    /// The language the finding concerns, when it concerns one.
    pub lang: Option<String>,
    /// The file or folder at fault; empty when no file is to blame (the server, a bundle).
    pub path: PathBuf,
    /// 1-based; 0 when the finding is about the whole file.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub col: usize,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, when there is advice to give; printed under the message.
    pub help: Option<String>,
    /// Findings with the same key are one problem found in many places (an unknown
    /// language in every block that uses it): only the first is reported, saying how many
    /// more there are.
    #[serde(skip)]
    pub once: Option<String>,
}

impl Diagnostic {
    /// A finding that stops the build, of kind [`Kind::Source`] until [`Diagnostic::of`]
    /// says otherwise.
    pub fn error(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            kind: Kind::Source,
            lang: None,
            path: path.into(),
            line,
            col,
            message: message.into(),
            help: None,
            once: None,
        }
    }

    /// A finding that does not stop the build; otherwise as [`Diagnostic::error`].
    pub fn warning(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, line, col, message)
        }
    }

    /// The same finding, with advice on how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same finding, reported once for every finding with the same `key`.
    pub fn once_per(mut self, key: impl Into<String>) -> Self {
        self.once = Some(key.into());
        self
    }

    /// The same finding, of `kind`.
    pub fn of(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// The same finding with its path (and the paths its text names) relative to the
    /// current folder when they lie below it, as a user typing commands there would write it.
    pub fn for_terminal(&self) -> Diagnostic {
        let mut d = self.clone();
        if let Ok(cwd) = std::env::current_dir() {
            if let Ok(rel) = self.path.strip_prefix(&cwd) {
                d.path = rel.to_path_buf();
            }
            // Paths named in the text too (`also used by …`, `create …`): `serve` reads
            // the course by its absolute path, `check` by the one given.
            let prefix = format!("{}{}", cwd.display(), std::path::MAIN_SEPARATOR);
            // Not from `/`: every `https://` would lose its slashes.
            if cwd.parent().is_none() {
                return d;
            }
            if d.message.contains(&prefix) {
                d.message = d.message.replace(&prefix, "");
            }
            if let Some(help) = d.help.as_mut().filter(|h| h.contains(&prefix)) {
                *help = help.replace(&prefix, "");
            }
        }
        d
    }

    /// The same finding, about `lang`.
    pub fn in_lang(mut self, lang: impl Into<String>) -> Self {
        self.lang = Some(lang.into());
        self
    }

    /// `path:line:col`, leaving out what is unknown.
    pub fn location(&self) -> String {
        let path = self.path.display();
        match (self.line, self.col) {
            (0, _) => format!("{path}"),
            (l, 0) => format!("{path}:{l}"),
            (l, c) => format!("{path}:{l}:{c}"),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}\n  --> {}", self.message, self.location())?;
        if let Some(help) = &self.help {
            write!(f, "\n   = help: {help}")?;
        }
        Ok(())
    }
}

/// Line and column (1-based, in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    crate::place::line_col(text, offset)
}

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the course sources, all of them, so the author fixes them in one go.
    #[error("{}", render_list(.0))]
    Input(Vec<Diagnostic>),
    /// Reading or writing a file or folder failed (missing, permissions, a full disk).
    #[error("{path}: {source}")]
    Io {
        /// The file or folder being read or written.
        path: PathBuf,
        /// What the operating system reported.
        #[source]
        source: std::io::Error,
    },
    /// The dev server could not start or run (port, watcher).
    #[error("{0}")]
    Serve(String),
    /// An offline bundle could not be assembled.
    #[error("{0}")]
    Bundle(String),
    /// A render stopped early because [`crate::render::BuildOptions::cancel`] was set.
    #[error("the build was stopped for a newer change")]
    Cancelled,
}

impl Error {
    /// An [`Error::Io`] naming `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The same error, its findings of `kind`.
    pub fn of(self, kind: Kind) -> Self {
        match self {
            Error::Input(list) => Error::Input(list.into_iter().map(|d| d.of(kind)).collect()),
            other => other,
        }
    }

    /// The diagnostics of this error, for display in the terminal or the browser overlay.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Input(list) => list.clone(),
            Error::Io { path, source } => vec![Diagnostic::error(path, 0, 0, source.to_string())],
            Error::Serve(message) | Error::Bundle(message) => {
                vec![Diagnostic::error("", 0, 0, message.clone())]
            }
            Error::Cancelled => vec![Diagnostic::error("", 0, 0, self.to_string())],
        }
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Input(vec![d])
    }
}

fn render_list(list: &[Diagnostic]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The result of every fallible step of the pipeline: [`Error`] unless said otherwise.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod suggestion_tests {
    use super::*;

    #[test]
    fn edit_distance() {
        assert_eq!(distance("stages", "stage"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("try-it", "try-it"), 0);
        assert_eq!(distance("builder", "biulder"), 2);
        assert_eq!(distance("dépôt", "depot"), 2);
    }

    #[test]
    fn suggestions() {
        let attrs = ["title", "hl_lines", "linenums", "src", "annotate"];
        assert_eq!(did_you_mean("linenumbers", attrs), Some("linenums"));
        assert_eq!(did_you_mean("titel", attrs), Some("title"));
        assert_eq!(did_you_mean("hl-lines", attrs), Some("hl_lines"));
        assert_eq!(did_you_mean("colour", attrs), None);
        assert_eq!(
            did_you_mean("build", ["builder", "runtime"]),
            Some("builder")
        );
        assert_eq!(did_you_mean("x", ["builder", "runtime"]), None);
    }
}
