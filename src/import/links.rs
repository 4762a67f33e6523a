//! Links and images of an mdBook chapter rewritten for docent: links to book chapters
//! (`x.md`, `x.html#a`, reference definitions, HTML `href`) become relative chapter folder
//! paths, files they point at are copied beside the chapter and named bare. Code (fenced or
//! inline) is left alone.

use super::Book;
use super::include::Fence;
use crate::error::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A chapter of the book as links find it: its id and whether it is a draft.
pub(super) type Chapters = BTreeMap<String, (String, bool)>;

/// The files a chapter takes with it: source → bare name in the chapter folder.
#[derive(Debug, Default)]
pub(super) struct Assets {
    by_source: BTreeMap<PathBuf, String>,
    /// (file in the book, resolved, name in the chapter folder), in the order first referenced.
    pub files: Vec<(PathBuf, String)>,
}

impl Assets {
    /// The bare name `real` gets in the chapter folder; one copy per file, a counter
    /// prefixed when two different files have the same name.
    fn name_for(&mut self, real: &Path) -> String {
        if let Some(name) = self.by_source.get(real) {
            return name.clone();
        }
        let base: String = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "file".to_string())
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "._-".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        // A chapter folder's `index.html` would replace its page (it gets the counter), and a
        // `.md` file would be read as a chapter file (it is published as text).
        let base = if base.ends_with(".md") {
            format!("{base}.txt")
        } else {
            base
        };
        let taken = |n: &str| self.files.iter().any(|(_, f)| f == n) || n == "index.html";
        let mut name = base.clone();
        let mut counter = 2;
        while taken(&name) {
            name = format!("{counter}-{base}");
            counter += 1;
        }
        self.by_source.insert(real.to_path_buf(), name.clone());
        self.files.push((real.to_path_buf(), name.clone()));
        name
    }
}

/// What a chapter's links are resolved against.
pub(super) struct Context<'a> {
    /// The book.
    pub book: &'a Book,
    /// The chapter file as the report names it.
    pub file: &'a Path,
    /// The folder of the chapter file, relative to `src/`, `/`-separated ("" at the top).
    pub dir: &'a str,
    /// The chapter's own id.
    pub id: &'a str,
    /// Every chapter by its file (relative to `src/`).
    pub chapters: &'a Chapters,
}

/// Rewrites `lines` in place; `origin[i]` is the line of the chapter file line `i` came from.
pub(super) fn rewrite(
    cx: &Context<'_>,
    lines: &mut [String],
    origin: &[usize],
    assets: &mut Assets,
    report: &mut Vec<Diagnostic>,
) {
    let mut fence = Fence::default();
    for (i, line) in lines.iter_mut().enumerate() {
        // An expanded include may hold several lines; each is judged on its own.
        let mut out = Vec::new();
        for part in line.split('\n') {
            if fence.feed(part) || fence.inside() {
                out.push(part.to_string());
                continue;
            }
            let at = origin.get(i).copied().unwrap_or(0);
            out.push(rewrite_line(cx, part, at, assets, report));
        }
        *line = out.join("\n");
    }
}

fn rewrite_line(
    cx: &Context<'_>,
    line: &str,
    line_no: usize,
    assets: &mut Assets,
    report: &mut Vec<Diagnostic>,
) -> String {
    let code = code_spans(line);
    let in_code = |i: usize| code.iter().any(|(s, e)| *s <= i && i < *e);
    let mut edits: Vec<(usize, usize)> = Vec::new();
    // `[id]: target`
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() <= 3
        && trimmed.starts_with('[')
        && !trimmed.starts_with("[^")
        && let Some(close) = trimmed.find("]:")
    {
        let after = &trimmed[close + 2..];
        let start = line.len() - after.len() + (after.len() - after.trim_start().len());
        let dest = destination(&line[start..]);
        if !dest.is_empty() {
            edits.push((start, start + dest.len()));
        }
    }
    // `[text](target)` and `![alt](target)`
    let mut from = 0;
    while let Some(i) = line[from..].find("](").map(|i| from + i) {
        from = i + 2;
        if in_code(i) {
            continue;
        }
        let dest = destination(&line[from..]);
        if !dest.is_empty() {
            edits.push((from, from + dest.len()));
        }
    }
    // HTML attributes
    for attr in ["src=\"", "src='", "href=\"", "href='"] {
        let mut from = 0;
        while let Some(i) = line[from..].find(attr).map(|i| from + i) {
            from = i + attr.len();
            let before = line[..i].chars().next_back();
            if in_code(i) || !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let quote = attr.chars().last().unwrap_or('"');
            if let Some(len) = line[from..].find(quote) {
                edits.push((from, from + len));
            }
        }
    }
    edits.sort_unstable();
    // Overlapping finds (an attribute inside a link destination) keep the first.
    let mut last_end = 0;
    edits.retain(|(s, e)| {
        let keep = *s >= last_end;
        if keep {
            last_end = *e;
        }
        keep
    });
    // Resolved in reading order (asset names are given first come, first served), then
    // replaced from the end so earlier offsets stay right.
    let mut replacements = Vec::new();
    for (start, end) in edits {
        let url = &line[start..end];
        let (url, angle) = match url.strip_prefix('<').and_then(|u| u.strip_suffix('>')) {
            Some(inner) => (inner, true),
            None => (url, false),
        };
        let col = line[..start].chars().count() + 1;
        if let Some(new) = resolve(cx, url, line_no, col, assets, report) {
            let new = if angle { format!("<{new}>") } else { new };
            replacements.push((start, end, new));
        }
    }
    let mut out = line.to_string();
    for (start, end, new) in replacements.into_iter().rev() {
        out.replace_range(start..end, &new);
    }
    out
}

/// The link destination at the start of `s`: `<…>`, or up to white space or the `)`
/// that closes the link.
fn destination(s: &str) -> &str {
    if s.starts_with('<') {
        return s.find('>').map_or("", |e| &s[..=e]);
    }
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return &s[..i],
            ')' => depth -= 1,
            c if c.is_whitespace() => return &s[..i],
            _ => {}
        }
    }
    s
}

/// Byte ranges of inline code spans (a run of backticks to the next run as long).
fn code_spans(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
        let mut j = i + run;
        let mut closed = None;
        while j < bytes.len() {
            if bytes[j] == b'`' {
                let r = bytes[j..].iter().take_while(|b| **b == b'`').count();
                if r == run {
                    closed = Some(j + r);
                    break;
                }
                j += r;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => {
                spans.push((i, end));
                i = end;
            }
            None => i += run,
        }
    }
    spans
}

/// The new target of `url`, or `None` to leave it (reported when it looks broken).
fn resolve(
    cx: &Context<'_>,
    url: &str,
    line: usize,
    col: usize,
    assets: &mut Assets,
    report: &mut Vec<Diagnostic>,
) -> Option<String> {
    if url.is_empty()
        || url.starts_with('#')
        || url.starts_with('/')
        || url.contains("{{")
        || has_scheme(url)
    {
        return None;
    }
    let (path, fragment) = match url.find(['#', '?']) {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let path = super::summary::percent_decode(path);
    let joined = join(cx.dir, &path);
    let warn = |report: &mut Vec<Diagnostic>, message: String| {
        report.push(Diagnostic::warning(cx.file, line, col, message));
    };
    let ext = Path::new(&joined)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if ["md", "html", "htm"].contains(&ext.as_str()) {
        let stem = joined.rsplit_once('.').map_or(joined.as_str(), |(s, _)| s);
        let mut keys = vec![format!("{stem}.md")];
        if stem == "index" || stem.ends_with("/index") {
            let dir = stem.trim_end_matches("index");
            keys.push(format!("{dir}README.md"));
        }
        if let Some((id, draft)) = keys.iter().find_map(|k| cx.chapters.get(k)) {
            if *draft {
                warn(
                    report,
                    format!(
                        "links to `{url}`, a draft chapter that docent leaves out; left as written"
                    ),
                );
                return None;
            }
            return Some(format!("{}{fragment}", relative(cx.id, id, fragment)));
        }
        if ext == "md" {
            warn(
                report,
                format!("links to `{url}`, which is not a chapter of SUMMARY.md; left as written"),
            );
            return None;
        }
    }
    let shown = cx.book.src.join(&joined);
    match cx.book.real_inside(&shown) {
        Ok(real) => Some(format!("{}{fragment}", assets.name_for(&real))),
        Err(why) => {
            warn(report, format!("links to `{url}`: {why}; left as written"));
            None
        }
    }
}

/// `rel` resolved against the folder `dir` (both relative to `src/`), `..` kept where it
/// climbs out of `src/`.
pub(super) fn join(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let mut ups = 0;
    for comp in rel.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    ups += 1;
                }
            }
            c => parts.push(c),
        }
    }
    let mut out: Vec<&str> = std::iter::repeat_n("..", ups).collect();
    out.extend(parts);
    out.join("/")
}

/// The link from chapter folder `from` to chapter folder `to`, as GitHub resolves it:
/// `../02-slices/`, `../../05-structs/`; a link into the own page keeps only its anchor.
pub(super) fn relative(from: &str, to: &str, fragment: &str) -> String {
    if from == to && !fragment.is_empty() {
        return String::new();
    }
    let a: Vec<&str> = from.split('/').collect();
    let b: Vec<&str> = to.split('/').collect();
    let mut common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == b.len() {
        // An ancestor (or the chapter itself): name its folder from the one above it.
        common = common.saturating_sub(1);
    }
    let mut out = "../".repeat(a.len() - common);
    for part in &b[common..] {
        out.push_str(part);
        out.push('/');
    }
    out
}

fn has_scheme(url: &str) -> bool {
    url.find(':').is_some_and(|i| {
        let s = &url[..i];
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_folder_links() {
        assert_eq!(
            relative("03-own/01-refs", "05-structs", ""),
            "../../05-structs/"
        );
        assert_eq!(
            relative("03-own/01-refs", "03-own/02-slices", ""),
            "../02-slices/"
        );
        assert_eq!(relative("03-own/01-refs", "03-own", ""), "../../03-own/");
        assert_eq!(relative("03-own", "03-own/01-refs", ""), "01-refs/");
        assert_eq!(relative("03-own", "03-own", "#x"), "");
        assert_eq!(relative("03-own", "04-next", ""), "../04-next/");
    }

    #[test]
    fn joins_and_destinations() {
        assert_eq!(join("a/b", "../c.md"), "a/c.md");
        assert_eq!(join("", "../listings/x.rs"), "../listings/x.rs");
        assert_eq!(destination("x.md) y"), "x.md");
        assert_eq!(destination("x.md \"title\")"), "x.md");
        assert_eq!(destination("<a b.md>)"), "<a b.md>");
        assert_eq!(code_spans("a `b` c"), [(2, 5)]);
    }
}
