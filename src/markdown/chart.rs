//! ` ```chart ` blocks: `label: number` lines become an inline SVG bar chart, with the
//! numbers in the page's format and the same data as a table for screen readers.

use super::highlight::escape_html;
use super::info::Info;
use super::ui;
use crate::i18n::format_number;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
}

/// Parses the body; `Err((line within the body, message))`.
pub fn parse(body: &str) -> Result<Vec<Bar>, (usize, String)> {
    let mut bars = Vec::new();
    for (i, line) in body.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some((label, value)) = t.rsplit_once(':') else {
            return Err((i + 1, format!("chart line `{t}` is not `label: number`")));
        };
        let value: f64 = value
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| {
                (
                    i + 1,
                    format!(
                        "`{}` is not a number of zero or more (use . for decimals)",
                        value.trim()
                    ),
                )
            })?;
        bars.push(Bar {
            label: label.trim().to_string(),
            value,
        });
    }
    if bars.is_empty() {
        return Err((
            1,
            "a chart needs at least one `label: number` line".to_string(),
        ));
    }
    Ok(bars)
}

const ROW: usize = 34;
const LABEL_W: usize = 270;
const BAR_W: usize = 300;

pub fn render(bars: &[Bar], info: &Info, id: &str, lang: &str) -> String {
    let unit = info.get("unit").unwrap_or("");
    let title = info.get("title").unwrap_or("");
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let fmt = |v: f64| {
        let n = format_number(v, lang);
        if unit.is_empty() {
            n
        } else {
            format!("{n} {unit}")
        }
    };
    let height = bars.len() * ROW + 12;
    let width = LABEL_W + BAR_W + 110;
    let mut out = String::new();
    let _ = write!(out, "<figure class=\"chart\" id=\"{id}\" data-chart>");
    if !title.is_empty() {
        let _ = write!(
            out,
            "<figcaption class=\"chart-title\" id=\"{id}-title\">{}</figcaption>",
            escape_html(title)
        );
    }
    let _ = write!(
        out,
        "<svg class=\"chart-svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape_html(&summary(bars, title, &fmt))
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 6 + i * ROW;
        let w = if max > 0.0 {
            (bar.value / max * BAR_W as f64).round() as usize
        } else {
            0
        };
        let label = truncate(&bar.label, 38);
        let _ = write!(
            out,
            "<g class=\"bar\" data-label=\"{}\" data-value=\"{}\"><text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"bar-label\">{}</text><rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{}\" height=\"{}\" rx=\"3\" class=\"bar-rect\"/><text x=\"{}\" y=\"{}\" class=\"bar-value\">{}</text></g>",
            escape_html(&bar.label),
            bar.value,
            LABEL_W - 10,
            y + 18,
            escape_html(&label),
            w.max(2),
            ROW - 10,
            LABEL_W + w.max(2) + 8,
            y + 18,
            escape_html(&fmt(bar.value)),
        );
    }
    out.push_str("</svg>");
    let _ = write!(
        out,
        "<details class=\"chart-data\"><summary>{}</summary><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        ui("chart-table-summary"),
        ui("chart-label-column"),
        escape_html(if unit.is_empty() { "#" } else { unit })
    );
    for bar in bars {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape_html(&bar.label),
            escape_html(&format_number(bar.value, lang))
        );
    }
    out.push_str("</tbody></table></details></figure>");
    out
}

fn summary(bars: &[Bar], title: &str, fmt: &dyn Fn(f64) -> String) -> String {
    let items: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, fmt(b.value)))
        .collect();
    if title.is_empty() {
        items.join("; ")
    } else {
        format!("{title}. {}", items.join("; "))
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_labels_with_colons() {
        let bars = parse("node:22 single stage: 1100\n# comment\n\nalpine: 8.5\n").expect("parse");
        assert_eq!(bars.len(), 2);
        assert_eq!(bars[0].label, "node:22 single stage");
        assert_eq!(bars[1].value, 8.5);
        assert_eq!(parse("x: many").err().map(|e| e.0), Some(1));
        assert_eq!(parse("ok: 1\nbad line").err().map(|e| e.0), Some(2));
    }
}
