//! What docent checks in an author's pipe tables. A GitHub-style table drops, without a
//! word, every cell past the header's columns; the usual cause is a `|` inside a cell
//! (`` `ls | wc -l` ``), which splits the cell even inside code unless written `\|`.

use comrak::nodes::{AstNode, NodeValue};

use super::{Context, Findings};
use crate::error::Diagnostic;

/// Warns about every table row written with more cells than its table has columns.
pub(super) fn check_rows<'a>(root: &'a AstNode<'a>, ctx: &Context<'_>, findings: &mut Findings) {
    let body = &ctx.source.body;
    // Most chapters have no table: no walk for them.
    if memchr::memchr(b'|', body.as_bytes()).is_none() {
        return;
    }
    let tables = tables_of(root);
    if tables.is_empty() {
        return;
    }
    let lines: Vec<&str> = body.lines().collect();
    for (table, columns) in tables {
        for row in table.children() {
            let pos = row.data.borrow().sourcepos;
            let Some(line) = lines.get(pos.start.line.saturating_sub(1)) else {
                continue;
            };
            // After a blockquote's `>` or a list item's indent, where the row starts.
            let text = line
                .get(pos.start.column.saturating_sub(1)..)
                .unwrap_or(line);
            let written = written_cells(text);
            if written > columns {
                findings.warnings.push(
                    Diagnostic::warning(
                        &ctx.source.path,
                        ctx.file_line(pos.start.line),
                        line.get(..pos.start.column.saturating_sub(1))
                            .map_or(1, |t| t.chars().count() + 1),
                        format!(
                            "this table row has {written} cells but the table has {}: the last {} not shown",
                            crate::plural::count(columns, "column", "columns"),
                            if written - columns == 1 {
                                "one is".to_string()
                            } else {
                                format!("{} are", written - columns)
                            }
                        ),
                    )
                    .with_help(
                        "write a `|` inside a cell as `\\|`, in code too (`ls \\| wc -l`), or add the column to the header",
                    )
                    .in_lang(ctx.lang),
                );
            }
        }
    }
}

/// The tables of a document with their columns, found among its blocks: the inline nodes,
/// most of a chapter's tree, hold none. A stack, not recursion: lists nest without limit.
fn tables_of<'a>(root: &'a AstNode<'a>) -> Vec<(&'a AstNode<'a>, usize)> {
    let mut found = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        for child in node.children() {
            match &child.data.borrow().value {
                NodeValue::Table(t) => found.push((child, t.num_columns)),
                v if v.block() && !v.contains_inlines() => stack.push(child),
                _ => {}
            }
        }
    }
    // In the order they are written, as their findings are read.
    found.sort_by_key(|(t, _)| {
        let at = t.data.borrow().sourcepos.start;
        (at.line, at.column)
    });
    found
}

/// The cells of a row as written: split at each `|` not escaped by a backslash, without
/// the optional pipes at either end.
fn written_cells(row: &str) -> usize {
    let row = row.trim();
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, c) in row.char_indices() {
        if c == '|' && !escaped {
            pipes.push(i);
        }
        // Any backslash before a `|` keeps it in the cell, even an escaped one (`\\|`):
        // the parser takes the longest cell it can.
        escaped = c == '\\';
    }
    let leading = pipes.first() == Some(&0);
    let trailing = row.len() > 1 && pipes.last() == Some(&(row.len() - 1));
    let inner = pipes.len() - usize::from(leading) - usize::from(trailing);
    inner + 1
}

#[cfg(test)]
mod tests {
    use super::written_cells;

    #[test]
    fn cells_are_counted_as_the_table_extension_splits_them() {
        assert_eq!(written_cells("| a | b |"), 2);
        assert_eq!(written_cells("a | b"), 2);
        assert_eq!(written_cells("| a | b"), 2);
        assert_eq!(written_cells("| `ls | wc` | b |"), 3);
        assert_eq!(written_cells("| `ls \\| wc` | b |"), 2);
        assert_eq!(written_cells("| a \\\\| b |"), 1);
        assert_eq!(written_cells("| only |"), 1);
        assert_eq!(written_cells("|"), 1);
    }
}
