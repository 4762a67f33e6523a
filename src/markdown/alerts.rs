//! GitHub-style alerts get their titles in the reader's language, filled in per page.

use comrak::nodes::{AlertType, AstNode, NodeValue};

/// Gives every alert written without a title a UI-string mark for its type (`alert-note`,
/// `alert-tip`…), filled in per page; a title the author wrote is kept.
pub fn localize_titles<'a>(root: &'a AstNode<'a>) {
    for node in root.descendants() {
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
