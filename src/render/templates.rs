//! The theme's Tera templates: compiled once (and again only when they change), rendered
//! with a typed context; every template error becomes a diagnostic naming the template
//! file, line and column.

use super::context::PageContext;
use super::renderer::Renderer;
use crate::course::Course;
use crate::error::{Diagnostic, Error, Result};
use crate::theme::{self, Files};
use std::sync::Arc;

/// The compiled templates, reused while their sources stay the same.
pub(super) fn tera_for(
    course: &Course,
    theme: &Files,
    cached: &mut Option<([u8; 32], Arc<tera::Tera>)>,
) -> Result<Arc<tera::Tera>> {
    let mut h = blake3::Hasher::new();
    for (k, v) in theme.iter().filter(|(k, _)| k.starts_with("templates/")) {
        h.update(k.as_bytes());
        h.update(v);
    }
    let hash = *h.finalize().as_bytes();
    if let Some((old, tera)) = cached
        && *old == hash
    {
        return Ok(Arc::clone(tera));
    }
    let tera = Arc::new(load_templates(course, theme)?);
    *cached = Some((hash, Arc::clone(&tera)));
    Ok(tera)
}

fn load_templates(course: &Course, theme: &Files) -> Result<tera::Tera> {
    let mut tera = tera::Tera::new();
    let templates: Vec<(String, String)> = theme
        .iter()
        .filter_map(|(k, v)| {
            let name = k.strip_prefix("templates/")?;
            Some((name.to_string(), String::from_utf8_lossy(v).into_owned()))
        })
        .collect();
    tera.add_raw_templates(templates.iter().map(|(n, s)| (n.as_str(), s.as_str())))
        .map_err(|e| template_error(course, "", &e))?;
    Ok(tera)
}

/// A template error as a diagnostic naming the template file, line and column.
pub(super) fn template_error(course: &Course, name: &str, e: &tera::Error) -> Error {
    // Tera wraps the located error in context messages; find the one that has a span.
    let mut located = None;
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = current {
        if let Some(te) = err.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = te.kind()
        {
            located = Some(r.clone());
            break;
        }
        current = err.source();
    }
    let (file, line, col, message) = match located {
        Some(r) => (
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
            r.message().to_string(),
        ),
        None => {
            parse_report(&e.to_string()).unwrap_or_else(|| (name.to_string(), 0, 0, e.to_string()))
        }
    };
    let file = if file.is_empty() {
        name.to_string()
    } else {
        file
    };
    let path = theme::describe_origin(&course.root, &format!("templates/{file}"), false);
    Diagnostic::error(path, line, col, format!("template error: {message}"))
        .of(crate::error::Kind::Template)
        .into()
}

/// Tera reports validation errors (unknown filters…) as finished text: `error: msg` then
/// ` --> file:line:col`. Take the first one apart.
fn parse_report(report: &str) -> Option<(String, usize, usize, String)> {
    let mut lines = report.lines();
    let message = lines
        .next()?
        .trim()
        .trim_start_matches("error:")
        .trim()
        .to_string();
    let location = lines.find_map(|l| l.trim().strip_prefix("-->"))?.trim();
    let mut parts = location.rsplitn(3, ':');
    let col: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let file = parts.next()?.to_string();
    Some((file, line, col, message))
}

impl Renderer<'_> {
    pub(super) fn render_template(&self, name: &str, ctx: &PageContext<'_>) -> Result<String> {
        let context = tera::Context::from_serialize(ctx)
            .map_err(|e| template_error(self.course, name, &e))?;
        self.tera
            .render(name, &context)
            .map_err(|e| template_error(self.course, name, &e))
    }
}
