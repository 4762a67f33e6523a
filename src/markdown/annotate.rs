//! Annotations: an `annotate` block is followed by a numbered list whose items quote lines
//! of the block (in order); each quoted line gets a numbered marker linking to its note, and
//! each note links back to its line. The code itself is never changed.

use super::codeblock::Block;
use super::{Context, Findings, ui};
use crate::error::Diagnostic;
use comrak::Arena;
use comrak::nodes::{AstNode, ListType, NodeValue};
use std::fmt::Write;

/// Attaches the list after `node` to `block`; errors go to `findings` with file and line.
pub fn attach<'a>(
    arena: &'a Arena<'a>,
    node: &'a AstNode<'a>,
    fence_line: usize,
    raw: &[&str],
    block: &mut Block<'_>,
    ctx: &Context<'_>,
    findings: &mut Findings,
) {
    let path = &ctx.source.path;
    let list = node.next_sibling().filter(|n| {
        matches!(&n.data.borrow().value, NodeValue::List(l) if l.list_type == ListType::Ordered)
    });
    let Some(list) = list else {
        findings.errors.push(
            Diagnostic::error(
                path,
                fence_line,
                1,
                "an `annotate` block must be followed by a numbered list of notes",
            )
            .with_help("add `1. `quoted line` — explanation` items right after the block"),
        );
        return;
    };
    let mut cursor = 0;
    for (k, item) in list.children().enumerate() {
        let number = k + 1;
        let item_line = ctx.file_line(item.data.borrow().sourcepos.start.line);
        let paragraph = item
            .first_child()
            .filter(|p| matches!(p.data.borrow().value, NodeValue::Paragraph));
        let quote =
            paragraph
                .and_then(|p| p.first_child())
                .and_then(|c| match &c.data.borrow().value {
                    NodeValue::Code(code) => Some(code.literal.clone()),
                    _ => None,
                });
        let Some(quote) = quote.filter(|q| !q.trim().is_empty()) else {
            findings.errors.push(
                Diagnostic::error(
                    path,
                    item_line,
                    1,
                    format!("note {number} does not start with a quoted line in backticks"),
                )
                .with_help("begin each note with an inline code span quoting a line of the block"),
            );
            continue;
        };
        let found = raw
            .iter()
            .enumerate()
            .skip(cursor)
            .find(|(_, line)| line.contains(quote.as_str()))
            .map(|(i, _)| i);
        let Some(index) = found else {
            let after = if cursor == 0 {
                String::new()
            } else {
                format!(" after line {cursor}")
            };
            findings.errors.push(
                Diagnostic::error(path, item_line, 1, format!("note {number}: `{quote}` matches no line of the block{after}"))
                    .with_help("quote a line (or a unique part of one) exactly; notes follow the order of the lines"),
            );
            continue;
        };
        cursor = index + 1;
        let line = index + 1;
        block.anchors.insert(line);
        let _ = write!(
            block.line_suffix.entry(line).or_default(),
            "<a class=\"annotation-marker\" href=\"#{id}-note-{number}\" data-n=\"{number}\" aria-label=\"{} {number}\"></a>",
            ui("annotation-label"),
            id = block.id,
        );
        if let Some(p) = paragraph {
            let link = format!(
                "<a class=\"annotation-number\" id=\"{id}-note-{number}\" href=\"#{id}-L{line}\" aria-label=\"{} {number}, {} {line}\">{number}</a> ",
                ui("annotation-label"),
                ui("annotation-goto"),
                id = block.id,
            );
            p.prepend(arena.alloc(AstNode::from(NodeValue::Raw(link))));
        }
    }
    let open = format!(
        "<div class=\"annotations\" data-block=\"{}\" role=\"group\" aria-label=\"{}\">",
        block.id,
        ui("annotations-label")
    );
    list.insert_before(arena.alloc(AstNode::from(NodeValue::Raw(open))));
    list.insert_after(arena.alloc(AstNode::from(NodeValue::Raw("</div>".to_string()))));
}
