//! One code block → HTML: caption, syntax-highlighted lines, line numbers, highlighted
//! (`hl_lines`) lines, copy button.

use super::highlight::{self, Language, escape_html};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Everything a code block's HTML depends on, decided by the passes before.
#[derive(Debug, Default)]
pub struct Block<'a> {
    /// Unique on the page; line anchors are `{id}-L{n}`.
    pub id: String,
    /// The fence's language as written, for `data-lang` and the `language-…` class; may be
    /// empty.
    pub lang_token: &'a str,
    /// The caption (`title=`): the block becomes a `<figure>`, its copy button in the
    /// caption.
    pub title: Option<&'a str>,
    /// 1-based lines to highlight (`hl_lines=`).
    pub highlighted: BTreeSet<usize>,
    /// Show line numbers (`linenums`).
    pub linenums: bool,
    /// Lines that need an anchor (annotated lines, stage spans).
    pub anchors: BTreeSet<usize>,
    /// HTML placed at the end of a line (annotation buttons).
    pub line_suffix: BTreeMap<usize, String>,
    /// Extra attributes of a line's span (`data-…`), escaped by the caller.
    pub line_attrs: BTreeMap<usize, String>,
    /// Extra classes on the outer element (`compare-side`).
    pub classes: Vec<&'static str>,
    /// Extra attributes on the outer element, already escaped.
    pub attrs: String,
    /// The copy button's text (a UI-string mark, filled in per page).
    pub copy_label: String,
    /// What the copy button says once the code is copied (a UI-string mark too).
    pub copied_label: String,
    /// Replaces a line's highlighted HTML (used to wrap Dockerfile keywords).
    pub line_html: BTreeMap<usize, String>,
    /// Elements wrapping a run of lines `(first, last, opening tag)`, e.g. one instruction;
    /// runs do not overlap.
    pub groups: Vec<(usize, usize, String)>,
    /// HTML between the caption and the code (the stage map).
    pub before_code: String,
    /// HTML after the code box, inside the block (hidden glossary definitions).
    pub after_code: String,
    /// Empty rows before line n (n = line count + 1: after the last), so that two compared
    /// listings line up row by row.
    pub fillers: BTreeMap<usize, usize>,
}

/// Highlights `code` (see [`highlight::highlight_lines_cached`]) and renders the block.
pub fn render(block: &Block<'_>, code: &str, language: Language) -> String {
    let lines = highlight::highlight_lines_cached(code, language);
    render_lines(block, &lines)
}

/// Renders the block around code already highlighted (one HTML string per line), for
/// callers that work on the lines too (Dockerfile insight, comparisons).
pub fn render_lines(block: &Block<'_>, lines: &[String]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 40).sum::<usize>() + 400);
    let tag = if block.title.is_some() {
        "figure"
    } else {
        "div"
    };
    let mut classes = vec!["code-block"];
    classes.extend(block.classes.iter().copied());
    if block.linenums {
        classes.push("linenums");
    }
    let _ = write!(
        out,
        "<{tag} class=\"{}\" id=\"{}\" data-lang=\"{}\"{}>",
        classes.join(" "),
        escape_html(&block.id),
        escape_html(block.lang_token),
        block.attrs
    );
    let copy = format!(
        "<button type=\"button\" class=\"copy-button\" hidden data-copied=\"{}\">{}</button>",
        escape_html(&block.copied_label),
        escape_html(&block.copy_label)
    );
    // With a title the copy button sits in the caption bar, clear of the code.
    if let Some(title) = block.title {
        let _ = write!(
            out,
            "<figcaption class=\"code-title\"><span>{}</span>{copy}</figcaption>",
            crate::code_spans::words_html(title)
        );
    }
    out.push_str(&block.before_code);
    out.push_str("<div class=\"code-box\"><pre class=\"code\" tabindex=\"0\"><code");
    if !block.lang_token.is_empty() {
        let _ = write!(out, " class=\"language-{}\"", escape_html(block.lang_token));
    }
    out.push('>');
    let opens: BTreeMap<usize, &str> = block
        .groups
        .iter()
        .map(|(a, _, tag)| (*a, tag.as_str()))
        .collect();
    let closes: BTreeSet<usize> = block.groups.iter().map(|(_, b, _)| *b).collect();
    const FILLER: &str = "<span class=\"line filler\" aria-hidden=\"true\"></span>";
    let fillers = |n: usize| block.fillers.get(&n).copied().unwrap_or(0);
    for (i, line) in lines.iter().enumerate() {
        let n = i + 1;
        for _ in 0..fillers(n) {
            out.push_str(FILLER);
            out.push('\n');
        }
        if let Some(tag) = opens.get(&n) {
            out.push_str(tag);
        }
        out.push_str("<span class=\"line");
        if block.highlighted.contains(&n) {
            out.push_str(" hl");
        }
        out.push('"');
        if block.anchors.contains(&n) {
            let _ = write!(out, " id=\"{}-L{n}\"", escape_html(&block.id));
        }
        if block.linenums {
            let _ = write!(out, " data-ln=\"{n}\"");
        }
        if let Some(attrs) = block.line_attrs.get(&n) {
            out.push_str(attrs);
        }
        out.push('>');
        out.push_str(block.line_html.get(&n).unwrap_or(line));
        if let Some(suffix) = block.line_suffix.get(&n) {
            out.push_str(suffix);
        }
        out.push_str("</span>");
        if closes.contains(&n) {
            out.push_str("</span>");
        }
        if n < lines.len() {
            out.push('\n');
        }
    }
    for _ in 0..fillers(lines.len() + 1) {
        out.push('\n');
        out.push_str(FILLER);
    }
    let _ = write!(
        out,
        "</code></pre>{}</div>{}</{tag}>",
        if block.title.is_some() {
            ""
        } else {
            copy.as_str()
        },
        block.after_code
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_lines_with_numbers_and_highlights() {
        let block = Block {
            id: "code-1".into(),
            lang_token: "dockerfile",
            title: Some("Dockerfile"),
            highlighted: [2].into(),
            linenums: true,
            copy_label: "Copy".into(),
            copied_label: "Copied".into(),
            ..Block::default()
        };
        let html = render(&block, "FROM a\nRUN b\n", highlight::resolve("dockerfile"));
        assert!(html.starts_with("<figure"));
        assert!(html.contains("<figcaption class=\"code-title\"><span>Dockerfile</span><button"));
        assert_eq!(html.matches("class=\"line").count(), 2);
        assert!(html.contains("<span class=\"line hl\" data-ln=\"2\">"));
    }
}
