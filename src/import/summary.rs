//! mdBook's `SUMMARY.md` → a tree of chapters, read line by line so every entry keeps its
//! line for the report: prefix chapters, part titles, nested numbered chapters, suffix
//! chapters, drafts.

use crate::error::Diagnostic;
use std::path::Path;

/// Where a top-level entry stands in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Section {
    /// A plain link before the first list: shown without a number.
    Prefix,
    /// A list item: numbered.
    Numbered,
    /// A plain link after the numbered chapters: shown without a number.
    Suffix,
}

/// One chapter of the summary, with its sub-chapters.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// The link text as written (inline Markdown kept).
    pub title: String,
    /// The link target as written, percent-decoded; `None` for a draft (`[Title]()`).
    pub path: Option<String>,
    /// 1-based line in SUMMARY.md.
    pub line: usize,
    /// Prefix, numbered or suffix (sub-chapters take their parent's).
    pub section: Section,
    /// Index into [`Summary::parts`] of the part the entry belongs to.
    pub part: Option<usize>,
    /// Nested list items.
    pub children: Vec<Entry>,
}

/// The parsed summary.
#[derive(Debug, Default)]
pub(super) struct Summary {
    /// Part titles, in order.
    pub parts: Vec<String>,
    /// Top-level entries, in order.
    pub entries: Vec<Entry>,
}

/// Parses `text` (the contents of `path`), pushing what it cannot read to `report`.
pub(super) fn parse(text: &str, path: &Path, report: &mut Vec<Diagnostic>) -> Summary {
    let mut summary = Summary::default();
    // Indentation of the open list items, outermost first, and the path to them.
    let mut indents: Vec<usize> = Vec::new();
    let mut seen_anything = false;
    let mut seen_numbered = false;
    let mut in_comment = false;
    let mut in_fence = false;
    let mut part: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end();
        let trimmed = line.trim_start();
        if in_comment {
            in_comment = !line.contains("-->");
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if is_separator(trimmed) {
            continue;
        }
        if let Some(heading) = trimmed.strip_prefix('#') {
            let level = 1 + heading.bytes().take_while(|b| *b == b'#').count();
            let title = heading
                .trim_start_matches('#')
                .trim()
                .trim_end_matches('#')
                .trim();
            if !seen_anything && level == 1 {
                // The summary's own title (`# Summary`).
                seen_anything = true;
                continue;
            }
            seen_anything = true;
            if level == 1 && !title.is_empty() {
                summary.parts.push(title.to_string());
                part = Some(summary.parts.len() - 1);
                indents.clear();
            } else {
                report.push(warn(
                    path,
                    line_no,
                    "a heading that is not a part title (`# Title`); skipped",
                ));
            }
            continue;
        }
        seen_anything = true;
        let indent = indent_width(line);
        let item = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "));
        let (body, is_item) = match item {
            Some(rest) => (rest.trim_start(), true),
            None => (trimmed, false),
        };
        let Some((title, target)) = parse_link(body) else {
            report.push(
                warn(
                    path,
                    line_no,
                    format!("cannot read `{trimmed}` as a chapter link; skipped"),
                )
                .with_help("chapters are written `- [Title](file.md)`, drafts `- [Title]()`"),
            );
            continue;
        };
        let target = target.trim();
        // mdBook's chapters are files of the book; a link to another site is none.
        if target.contains("://") || target.starts_with("mailto:") {
            report.push(
                warn(
                    path,
                    line_no,
                    format!("`{target}` is a link to another site, not a chapter; skipped"),
                )
                .with_help("link to it from a chapter's text instead"),
            );
            continue;
        }
        let entry = |section| Entry {
            title: title.to_string(),
            path: (!target.is_empty()).then(|| percent_decode(target)),
            line: line_no,
            section,
            part,
            children: Vec::new(),
        };
        if is_item {
            seen_numbered = true;
            while indents.last().is_some_and(|top| *top >= indent) {
                indents.pop();
            }
            let depth = indents.len();
            indents.push(indent);
            // How deep the open numbered items really go (a list after a prefix link
            // starts at the top).
            let mut open = 0;
            let mut level = summary.entries.as_slice();
            while open < depth {
                match level.last() {
                    Some(last) if last.section == Section::Numbered => {
                        level = &last.children;
                        open += 1;
                    }
                    _ => break,
                }
            }
            push_at(&mut summary.entries, open, entry(Section::Numbered));
        } else {
            indents.clear();
            let section = if seen_numbered {
                Section::Suffix
            } else {
                Section::Prefix
            };
            let mut e = entry(section);
            e.part = None;
            summary.entries.push(e);
        }
    }
    summary
}

/// Pushes `entry` as the last child `depth` levels down the last entries.
fn push_at(list: &mut Vec<Entry>, depth: usize, entry: Entry) {
    match list.last_mut() {
        Some(last) if depth > 0 => push_at(&mut last.children, depth - 1, entry),
        _ => list.push(entry),
    }
}

fn warn(path: &Path, line: usize, message: impl Into<String>) -> Diagnostic {
    Diagnostic::warning(path, line, 1, message)
}

fn is_separator(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && ["-", "*", "_"]
            .iter()
            .any(|c| compact.chars().all(|x| x.to_string() == *c))
}

/// Columns of leading whitespace, a tab counting as four.
fn indent_width(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// `[title](target)` at the start of `text` (the rest of the line is ignored), with
/// brackets nested, backslash escapes and code spans in the title respected.
pub(super) fn parse_link(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('[')?;
    let bytes = rest.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let close = loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'`' => {
                let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
                let fence = &rest[i..i + run];
                match rest[i + run..].find(fence) {
                    Some(end) => i += run + end + run,
                    None => i += run,
                }
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b']' if depth == 0 => break i,
            b']' => {
                depth -= 1;
                i += 1;
            }
            _ => i += 1,
        }
    };
    let title = rest.get(..close)?;
    let after = rest.get(close + 1..)?.strip_prefix('(')?;
    if let Some(angle) = after.strip_prefix('<') {
        let end = angle.find('>')?;
        return Some((title, angle.get(..end)?));
    }
    let mut parens = 0usize;
    for (j, c) in after.char_indices() {
        match c {
            '(' => parens += 1,
            ')' if parens == 0 => {
                let dest = after.get(..j)?;
                // A title after the destination (`(file.md "Title")`) is dropped.
                let dest = dest.split_whitespace().next().unwrap_or("");
                return Some((title, dest));
            }
            ')' => parens -= 1,
            _ => {}
        }
    }
    None
}

/// `%20` and friends decoded, so `my%20chapter.md` names the file `my chapter.md`.
pub(super) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .map_or_else(|_| s.to_string(), |c| c.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_line() {
        let text = "# Summary\n\n[Intro](intro.md)\n\n# Part one\n\n- [A `B<T>`](a.md)\n    - [A1](a/one.md)\n        - [A1x](a/x.md)\n- [Draft]()\n\n---\n\n# Part two\n* [C](c.md)\n* [Site](https://example.com/x.md)\n\n[Thanks](thanks.md)\nnonsense\n";
        let mut report = Vec::new();
        let s = parse(text, Path::new("SUMMARY.md"), &mut report);
        assert_eq!(s.parts, ["Part one", "Part two"]);
        let titles: Vec<&str> = s.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Intro", "A `B<T>`", "Draft", "C", "Thanks"]);
        assert_eq!(s.entries[0].section, Section::Prefix);
        assert_eq!(s.entries[1].part, Some(0));
        assert_eq!(s.entries[1].children[0].children[0].title, "A1x");
        assert_eq!(s.entries[2].path, None);
        assert_eq!(s.entries[3].part, Some(1));
        assert_eq!(s.entries[4].section, Section::Suffix);
        assert_eq!(report.len(), 2);
        assert!(
            report[0].message.contains("link to another site"),
            "{report:?}"
        );
        assert_eq!(report[1].line, 19);
    }
}
