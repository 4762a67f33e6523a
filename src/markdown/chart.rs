//! ` ```chart ` blocks: `label: number` lines become a bar chart, with the numbers in the
//! page's format and the same data as a table for screen readers and print.

use super::highlight::escape_html;
use super::info::Info;
use super::ui;
use crate::i18n::format_decimal;
use std::fmt::Write;

/// One `label: number` line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The text before the last `:`, trimmed; may itself hold colons.
    pub label: String,
    /// The number after it: finite and zero or more, in the chart's `unit`.
    pub value: f64,
    /// The number in decimal digits, as the author wrote it (`2.675`, not rounded), or as
    /// `value` reads when written otherwise (`1e3`).
    pub written: String,
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
        let raw = value.trim();
        let value: f64 = raw
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| {
                (
                    i + 1,
                    format!("`{raw}` is not a number of zero or more (use . for decimals)"),
                )
            })?;
        bars.push(Bar {
            label: label.trim().to_string(),
            value,
            // `-0` is 0 (adding zero drops the sign).
            written: value_text(raw).unwrap_or_else(|| (value + 0.0).to_string()),
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

/// `text` when it is plain decimal digits (`12`, `2.675`), the form shown as written
/// (without leading zeros).
fn value_text(text: &str) -> Option<String> {
    let (int, frac) = text.split_once('.').unwrap_or((text, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(int) && digits(frac)) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    Some(match text.split_once('.') {
        Some(_) => format!("{int}.{frac}"),
        None => int.to_string(),
    })
}

/// The chart: a row per bar (label, bar, value) in HTML, so labels wrap instead of being
/// cut and values always have room after the longest bar; and the same numbers as a
/// table, which screen readers read and print shows instead of the bars.
pub fn render(bars: &[Bar], info: &Info, id: &str, lang: &str) -> String {
    let unit = info.get("unit").unwrap_or("");
    let title = info.get("title").unwrap_or("");
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let fmt = |written: &str| {
        let n = format_decimal(written, lang);
        if unit.is_empty() {
            n
        } else {
            format!("{n}\u{a0}{unit}")
        }
    };
    // Room after the bars for the longest value, in characters.
    let value_room = bars
        .iter()
        .map(|b| fmt(&b.written).chars().count())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    let _ = write!(
        out,
        "<figure class=\"chart\" id=\"{id}\" data-chart style=\"--value-room:{value_room}\">"
    );
    if !title.is_empty() {
        let _ = write!(
            out,
            "<figcaption class=\"chart-title\" id=\"{id}-title\">{}</figcaption>",
            escape_html(title)
        );
    }
    out.push_str("<div class=\"chart-bars\" aria-hidden=\"true\">");
    for bar in bars {
        let share = if max > 0.0 { bar.value / max } else { 0.0 };
        let _ = write!(
            out,
            "<div class=\"bar\" data-label=\"{}\" data-value=\"{}\"><span class=\"bar-label\">{}</span><span class=\"bar-track\"><span class=\"bar-fill\" style=\"width:{:.2}%\"></span><span class=\"bar-value\">{}</span></span></div>",
            escape_html(&bar.label),
            bar.value,
            escape_html(&bar.label),
            share * 100.0,
            escape_html(&fmt(&bar.written)),
        );
    }
    out.push_str("</div>");
    let caption = if title.is_empty() {
        String::new()
    } else {
        format!("<caption>{}</caption>", escape_html(title))
    };
    let _ = write!(
        out,
        "<div class=\"chart-table\"><table class=\"chart-data\">{caption}<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        ui("chart-label-column"),
        escape_html(if unit.is_empty() { "#" } else { unit })
    );
    for bar in bars {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            escape_html(&bar.label),
            escape_html(&format_decimal(&bar.written, lang))
        );
    }
    out.push_str("</tbody></table></div></figure>");
    out
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
        // Shown as written, every digit; a form other than decimal digits as its value.
        let bars = parse("a: 2.675\nb: 0.000001\nc: 1e3\nd: 007\ne: 0.50\nf: -0\n").expect("parse");
        let written: Vec<&str> = bars.iter().map(|b| b.written.as_str()).collect();
        assert_eq!(written, ["2.675", "0.000001", "1000", "7", "0.50", "0"]);
        assert_eq!(parse("x: many").err().map(|e| e.0), Some(1));
        assert_eq!(parse("ok: 1\nbad line").err().map(|e| e.0), Some(2));
    }
}
