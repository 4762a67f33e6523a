//! Heading ids (GitHub-style, unique on the page) and a visible anchor link on each heading.

use super::text_of;
use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::{AstNode, NodeValue, Sourcepos};
use std::fmt;
use std::sync::Mutex;

/// A heading of a chapter, as the table of contents and link checks see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 1 to 6, as in `<h1>`–`<h6>`.
    pub level: u8,
    /// The anchor (`#id`) links point at: GitHub-style, unique on the page.
    pub id: String,
    /// The heading's plain text, markup removed.
    pub text: String,
    /// The plain text as HTML, its command-line flags kept whole, for the table of contents.
    pub html: String,
    /// Line in the chapter's body (1-based), for findings about translations.
    pub line: usize,
}

/// Ids the page template uses itself; a heading never takes one of them.
const RESERVED: &[&str] = &[
    "content",
    "search-input",
    "search-results",
    "search-status",
    "toc-heading",
    "sidebar",
    "toc",
    "top",
    "search",
    "main",
    "menu",
    "footnotes",
    "page-toc",
];

/// Gives every heading below the title an id, in document order.
pub fn assign_ids<'a>(root: &'a AstNode<'a>) -> Vec<Heading> {
    let mut anchorizer = comrak::Anchorizer::new();
    for r in RESERVED {
        anchorizer.anchorize(r);
    }
    root.descendants()
        .filter_map(|node| {
            let level = match &node.data.borrow().value {
                NodeValue::Heading(h) => h.level,
                _ => return None,
            };
            let text = text_of(node).trim().to_string();
            // Emoji's invisible parts (variation selectors, joiners, the keycap mark) are
            // no part of an id an author could type: `## Trap ⚠️` is `#trap-`.
            let typed: String = text
                .chars()
                .filter(|c| !matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{200D}' | '\u{20E3}'))
                .collect();
            let id = anchorizer.anchorize(&typed);
            let line = node.data.borrow().sourcepos.start.line;
            Some(Heading {
                level,
                id,
                html: crate::code_spans::text_html(&text),
                text,
                line,
            })
        })
        .collect()
}

/// Writes `<hN id>` and a trailing `#` link, taking ids in the order `assign_ids` made them.
/// No space comes before the link, and the theme gives it no width: a line never ends
/// there, so a hidden `#` never wraps alone and leaves an empty line under the heading.
pub struct Adapter {
    /// Each heading's id and plain text, in order. The text is taken before later passes
    /// turn inline code into raw HTML, which comrak's own heading text leaves out.
    ids: Mutex<std::vec::IntoIter<(String, String)>>,
    current: Mutex<(String, String)>,
    label: String,
}

impl Adapter {
    /// An adapter handing out the ids of `headings` in order; `label` (a UI-string mark)
    /// starts each anchor link's accessible name.
    pub fn new(headings: &[Heading], label: String) -> Self {
        let ids: Vec<(String, String)> = headings
            .iter()
            .map(|h| (h.id.clone(), h.text.clone()))
            .collect();
        Self {
            ids: Mutex::new(ids.into_iter()),
            current: Mutex::new((String::new(), String::new())),
            label,
        }
    }
}

impl HeadingAdapter for Adapter {
    fn enter(
        &self,
        output: &mut dyn fmt::Write,
        heading: &HeadingMeta,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let (id, text) = crate::sync::lock(&self.ids).next().unwrap_or_default();
        write!(
            output,
            "<h{} id=\"{}\">",
            heading.level,
            super::highlight::escape_html(&id)
        )?;
        *crate::sync::lock(&self.current) = (id, text);
        Ok(())
    }

    fn exit(&self, output: &mut dyn fmt::Write, heading: &HeadingMeta) -> fmt::Result {
        let (id, text) = crate::sync::lock(&self.current).clone();
        write!(
            output,
            "<a class=\"anchor\" href=\"#{}\" aria-label=\"{}\">#</a></h{}>",
            super::highlight::escape_html(&id),
            super::highlight::escape_html(&format!("{}: {}", self.label, text)),
            heading.level
        )
    }
}
