//! mdBook's preprocessor directives (`{{#include}}`, `{{#rustdoc_include}}`,
//! `{{#playground}}`, `{{#title}}`) expanded the way mdBook does, since docent has none:
//! paths relative to the including file, line ranges and anchors, nested includes.

use super::Book;
use crate::error::Diagnostic;
use std::path::{Path, PathBuf};

/// How deep includes may nest, as in mdBook.
const MAX_DEPTH: usize = 10;

/// `text` (the file `file`) with every directive expanded, one string per line of `text`
/// (an expanded line may hold several lines), so callers keep the line each came from.
pub(super) fn expand_lines(
    book: &Book,
    text: &str,
    file: &Path,
    report: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut stack = Vec::new();
    if let Ok(real) = std::fs::canonicalize(file) {
        stack.push(real);
    }
    let mut fence = Fence::default();
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let out = expand_line(book, line, file, i + 1, &fence, &mut stack, report);
            fence.feed(line);
            out
        })
        .collect()
}

/// Whether a line is inside a fenced code block.
#[derive(Default)]
pub(super) struct Fence {
    open: Option<(char, usize)>,
}

impl Fence {
    /// Whether the lines fed so far left a fence open.
    pub(super) fn inside(&self) -> bool {
        self.open.is_some()
    }

    /// Takes one line into account; returns whether it opened or closed a fence.
    pub(super) fn feed(&mut self, line: &str) -> bool {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let t = line.trim_start_matches(' ');
        if indent > 3 {
            return false;
        }
        let Some(c) = t.chars().next().filter(|c| *c == '`' || *c == '~') else {
            return false;
        };
        let run = t.chars().take_while(|x| *x == c).count();
        if run < 3 {
            return false;
        }
        match self.open {
            None => {
                // A backtick fence's info string cannot hold a backtick.
                if c == '`' && t[run..].contains('`') {
                    return false;
                }
                self.open = Some((c, run));
                true
            }
            Some((oc, orun)) if oc == c && run >= orun && t[run..].trim().is_empty() => {
                self.open = None;
                true
            }
            Some(_) => false,
        }
    }
}

fn expand_text(
    book: &Book,
    text: &str,
    file: &Path,
    stack: &mut Vec<PathBuf>,
    report: &mut Vec<Diagnostic>,
) -> String {
    let mut fence = Fence::default();
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let out = expand_line(book, line, file, i + 1, &fence, stack, report);
            fence.feed(line);
            out
        })
        .collect();
    lines.join("\n")
}

fn expand_line(
    book: &Book,
    line: &str,
    file: &Path,
    line_no: usize,
    fence: &Fence,
    stack: &mut Vec<PathBuf>,
    report: &mut Vec<Diagnostic>,
) -> String {
    if !line.contains("{{") {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut consumed = 0;
    while let Some(start) = rest.find("{{") {
        let escaped = rest[..start].ends_with('\\');
        let Some(end) = rest[start..].find("}}").map(|e| start + e + 2) else {
            break;
        };
        let inner = rest[start + 2..end - 2].trim_start();
        let Some(directive) = inner.strip_prefix('#') else {
            out.push_str(&rest[..start + 2]);
            consumed += start + 2;
            rest = &rest[start + 2..];
            continue;
        };
        let col = line[..consumed + start].chars().count() + 1;
        if escaped {
            out.push_str(&rest[..start - 1]);
            out.push_str(&rest[start..end]);
        } else {
            out.push_str(&rest[..start]);
            let at = Diagnostic::warning(file, line_no, col, "");
            match run(book, directive, file, fence.inside(), stack, at, report) {
                Some(text) => out.push_str(&text),
                None => out.push_str(&rest[start..end]),
            }
        }
        consumed += end;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The text a directive stands for, or `None` (reported) to leave it as written.
fn run(
    book: &Book,
    directive: &str,
    file: &Path,
    in_fence: bool,
    stack: &mut Vec<PathBuf>,
    at: Diagnostic,
    report: &mut Vec<Diagnostic>,
) -> Option<String> {
    let say = |report: &mut Vec<Diagnostic>, message: String| {
        let mut d = at.clone();
        d.message = message;
        report.push(d);
    };
    let (name, args) = directive
        .split_once(char::is_whitespace)
        .unwrap_or((directive, ""));
    let args = args.trim();
    let kind = match name {
        "include" | "rustdoc_include" | "playground" | "playpen" => name,
        "title" => {
            say(
                report,
                format!(
                    "`{{{{#title {args}}}}}` dropped: docent titles pages from the front matter"
                ),
            );
            return Some(String::new());
        }
        other => {
            say(
                report,
                format!("unknown directive `{{{{#{other}}}}}` left as written"),
            );
            return None;
        }
    };
    let mut words = args.split_whitespace();
    let spec = words.next().unwrap_or("");
    let attrs: Vec<&str> = words.collect();
    let (rel, selector) = spec.split_once(':').unwrap_or((spec, ""));
    if stack.len() > MAX_DEPTH {
        say(
            report,
            format!(
                "`{{{{#{name} {spec}}}}}` nests includes more than {MAX_DEPTH} deep; left as written"
            ),
        );
        return None;
    }
    let base = file.parent().unwrap_or(Path::new(""));
    let target = base.join(rel);
    let text = match book.read_text(&target, report) {
        Ok(text) => text,
        Err(why) => {
            say(
                report,
                format!(
                    "`{{{{#{name} {spec}}}}}`: {}: {why}; left as written",
                    target.display()
                ),
            );
            return None;
        }
    };
    let real = std::fs::canonicalize(&target).unwrap_or_else(|_| target.clone());
    if stack.contains(&real) {
        say(
            report,
            format!(
                "`{{{{#{name} {spec}}}}}` includes a file that includes it back; left as written"
            ),
        );
        return None;
    }
    let selected = match select(&text, selector, kind == "rustdoc_include") {
        Ok(s) => s,
        Err(why) => {
            say(
                report,
                format!("`{{{{#{name} {spec}}}}}`: {why}; left as written"),
            );
            return None;
        }
    };
    stack.push(real);
    let expanded = expand_text(book, &selected, &target, stack, report);
    stack.pop();
    if matches!(kind, "playground" | "playpen") && !in_fence {
        let info: String = std::iter::once("rust")
            .chain(attrs.iter().copied())
            .collect::<Vec<_>>()
            .join(",");
        return Some(format!("```{info}\n{expanded}\n```"));
    }
    Some(expanded)
}

/// What to take from the file: everything, a line range (`3`, `3:5`, `:5`, `3:`, all
/// 1-based and inclusive) or an anchor; `ANCHOR:` lines are dropped. For rustdoc_include
/// the whole file is kept, the lines outside the selection hidden with `# `.
fn select(text: &str, selector: &str, rustdoc: bool) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let keep: Vec<bool> = if selector.is_empty() {
        vec![true; lines.len()]
    } else if let Some(range) = parse_range(selector) {
        let (from, to) = range;
        (1..=lines.len()).map(|n| n >= from && n <= to).collect()
    } else {
        let mut inside = false;
        let mut found = false;
        let mut keep = Vec::with_capacity(lines.len());
        for line in &lines {
            if anchor_name(line, "ANCHOR:") == Some(selector) {
                inside = true;
                found = true;
            } else if anchor_name(line, "ANCHOR_END:") == Some(selector) {
                inside = false;
            }
            keep.push(inside);
        }
        if !found {
            return Err(format!("no `ANCHOR: {selector}` in the file"));
        }
        keep
    };
    let mut out = Vec::new();
    for (line, keep) in lines.iter().zip(keep) {
        if anchor_name(line, "ANCHOR:").is_some() || anchor_name(line, "ANCHOR_END:").is_some() {
            continue;
        }
        if keep {
            out.push((*line).to_string());
        } else if rustdoc {
            out.push(format!("# {line}"));
        }
    }
    Ok(out.join("\n"))
}

/// `N`, `N:M`, `:M`, `N:` → inclusive 1-based bounds; `None` for an anchor name.
fn parse_range(selector: &str) -> Option<(usize, usize)> {
    let (a, b) = match selector.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (selector, None),
    };
    let start: Option<usize> = a.parse().ok();
    match (start, b) {
        (Some(s), None) => Some((s, s)),
        (Some(s), Some("")) => Some((s, usize::MAX)),
        (Some(s), Some(e)) => Some((s, e.parse().unwrap_or(s))),
        (None, Some(e)) if a.is_empty() => Some((1, e.parse().unwrap_or(usize::MAX))),
        (None, _) => None,
    }
}

/// The name after `marker` (`ANCHOR: name`) in a line, in whatever comment syntax.
fn anchor_name<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let i = line.find(marker)?;
    // `ANCHOR_END:` contains no `ANCHOR:`, so the two markers never match each other.
    let name: &str = line[i + marker.len()..].trim_start();
    let end = name
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(name.len());
    let name = &name[..end];
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "// ANCHOR: all\nfn a() {}\n// ANCHOR: b\nfn b() {}\n// ANCHOR_END: b\nfn c() {}\n// ANCHOR_END: all";

    #[test]
    fn ranges_and_anchors() {
        assert_eq!(select(FILE, "2", false).as_deref(), Ok("fn a() {}"));
        assert_eq!(
            select(FILE, "2:4", false).as_deref(),
            Ok("fn a() {}\nfn b() {}")
        );
        assert_eq!(select(FILE, ":2", false).as_deref(), Ok("fn a() {}"));
        assert_eq!(select(FILE, "b", false).as_deref(), Ok("fn b() {}"));
        assert_eq!(
            select(FILE, "all", false).as_deref(),
            Ok("fn a() {}\nfn b() {}\nfn c() {}")
        );
        assert_eq!(
            select(FILE, "b", true).as_deref(),
            Ok("# fn a() {}\nfn b() {}\n# fn c() {}")
        );
        assert!(select(FILE, "nope", false).is_err());
    }

    #[test]
    fn fences() {
        let mut f = Fence::default();
        assert!(f.feed("```rust,ignore"));
        assert!(f.inside());
        assert!(!f.feed("``"));
        assert!(f.feed("```"));
        assert!(!f.inside());
    }
}
