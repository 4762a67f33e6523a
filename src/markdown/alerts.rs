//! GitHub-style alerts get their titles in the reader's language, filled in per page.

use comrak::nodes::{AlertType, AstNode, NodeValue};

/// Gives every alert written without a title a UI-string mark for its type (`alert-note`,
/// `alert-tip`…), filled in per page; a title the author wrote is kept. A quote that opens
/// like an alert of a type GitHub does not have (`> [!DANGER]`, as Docusaurus writes it) is
/// shown as a quote, with its `[!DANGER]`: a warning says so.
pub fn localize_titles<'a>(
    root: &'a AstNode<'a>,
    ctx: &super::Context<'_>,
    findings: &mut super::Findings,
) {
    for node in root.descendants() {
        if matches!(node.data.borrow().value, NodeValue::BlockQuote)
            && let Some(first) = node.first_child()
            && matches!(first.data.borrow().value, NodeValue::Paragraph)
        {
            let text = super::text_of(first);
            if let Some(kind) = text
                .strip_prefix("[!")
                .and_then(|t| t.split_once(']'))
                .map(|(k, _)| k)
                .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic()))
            {
                let pos = node.data.borrow().sourcepos.start;
                findings.warnings.push(
                    crate::error::Diagnostic::warning(
                        &ctx.source.path,
                        ctx.file_line(pos.line),
                        pos.column,
                        format!("`[!{kind}]` is not an alert type; the quote is shown as it is"),
                    )
                    .with_help(
                        "alerts are [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] and [!CAUTION] \
                         (for danger, use [!CAUTION])",
                    )
                    .in_lang(ctx.lang),
                );
            }
        }
        let mut data = node.data.borrow_mut();
        if let NodeValue::Alert(alert) = &mut data.value
            && alert.title.is_none()
        {
            let key = match alert.alert_type {
                AlertType::Note => "alert-note",
                AlertType::Tip => "alert-tip",
                AlertType::Important => "alert-important",
                AlertType::Warning => "alert-warning",
                AlertType::Caution => "alert-caution",
            };
            alert.title = Some(super::ui(key));
        }
    }
}
