//! GitHub-style alerts get their titles in the chapter's language.

use super::Context;
use comrak::nodes::{AlertType, AstNode, NodeValue};

pub fn localize_titles<'a>(root: &'a AstNode<'a>, _ctx: &Context<'_>) {
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
