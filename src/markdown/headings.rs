//! Heading ids (GitHub-style, unique on the page) and a visible anchor link on each heading.

use super::text_of;
use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::{AstNode, NodeValue, Sourcepos};
use std::fmt;
use std::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
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
            let id = anchorizer.anchorize(&text);
            let line = node.data.borrow().sourcepos.start.line;
            Some(Heading {
                level,
                id,
                text,
                line,
            })
        })
        .collect()
}

/// Writes `<hN id>` and a trailing `#` link, taking ids in the order `assign_ids` made them.
pub struct Adapter {
    ids: Mutex<std::vec::IntoIter<String>>,
    current: Mutex<String>,
    label: String,
}

impl Adapter {
    pub fn new(headings: &[Heading], label: String) -> Self {
        let ids: Vec<String> = headings.iter().map(|h| h.id.clone()).collect();
        Self {
            ids: Mutex::new(ids.into_iter()),
            current: Mutex::new(String::new()),
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
        let id = self
            .ids
            .lock()
            .ok()
            .and_then(|mut it| it.next())
            .unwrap_or_default();
        write!(
            output,
            "<h{} id=\"{}\">",
            heading.level,
            super::highlight::escape_html(&id)
        )?;
        if let Ok(mut cur) = self.current.lock() {
            *cur = id;
        }
        Ok(())
    }

    fn exit(&self, output: &mut dyn fmt::Write, heading: &HeadingMeta) -> fmt::Result {
        let id = self.current.lock().map(|c| c.clone()).unwrap_or_default();
        write!(
            output,
            " <a class=\"anchor\" href=\"#{}\" aria-label=\"{}\">#</a></h{}>",
            super::highlight::escape_html(&id),
            super::highlight::escape_html(&format!("{}: {}", self.label, heading.content)),
            heading.level
        )
    }
}
