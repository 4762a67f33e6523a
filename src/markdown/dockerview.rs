//! What a rendered Dockerfile block gains from the parser: instruction markup
//! (`data-instruction`, `data-lines`), glossary tooltips on keywords, and the stage map.

use super::codeblock::Block;
use super::highlight::escape_html;
use super::ui;
use crate::dockerfile::{DependencyKind, Dockerfile, StageRef};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Instructions the glossary explains (i18n key `glossary-<lower case>`).
pub const GLOSSARY: &[&str] = &[
    "FROM",
    "RUN",
    "COPY",
    "ADD",
    "WORKDIR",
    "ENV",
    "ARG",
    "EXPOSE",
    "USER",
    "CMD",
    "ENTRYPOINT",
    "LABEL",
    "VOLUME",
    "HEALTHCHECK",
    "SHELL",
    "STOPSIGNAL",
    "ONBUILD",
    "MAINTAINER",
];

/// Adds instruction groups, keyword tooltips and line anchors to `block`.
pub fn mark_instructions(block: &mut Block<'_>, df: &Dockerfile, raw: &[&str], lines: &[String]) {
    block.attrs.push_str(" data-dockerfile");
    let mut used = BTreeSet::new();
    let mut last_end = 0;
    for ins in &df.instructions {
        let (first, last) = (ins.first_line, ins.last_line.max(ins.first_line));
        if first <= last_end || first == 0 || last > lines.len() {
            continue;
        }
        last_end = last;
        block.groups.push((
            first,
            last,
            format!(
                "<span class=\"instruction\" data-instruction=\"{}\" data-lines=\"{first}-{last}\">",
                escape_html(&ins.keyword)
            ),
        ));
        if !GLOSSARY.contains(&ins.keyword.as_str()) {
            continue;
        }
        let n = ins.keyword_line;
        let (Some(raw_line), Some(html)) =
            (raw.get(n.wrapping_sub(1)), lines.get(n.wrapping_sub(1)))
        else {
            continue;
        };
        let html = block
            .line_html
            .get(&n)
            .cloned()
            .unwrap_or_else(|| html.clone());
        let start = raw_line
            .get(..ins.keyword_col)
            .map_or(0, |s| s.chars().count());
        let key = format!("glossary-{}", ins.keyword.to_ascii_lowercase());
        let def_id = format!("{}-{}", block.id, key);
        let open = format!(
            "<span class=\"kw\" tabindex=\"0\" data-tip=\"{}\" aria-describedby=\"{def_id}\">",
            ui(&key)
        );
        if let Some(wrapped) =
            wrap_chars(&html, start, ins.keyword.chars().count(), &open, "</span>")
        {
            block.line_html.insert(n, wrapped);
            used.insert(key);
        }
    }
    if !used.is_empty() {
        block
            .after_code
            .push_str("<div class=\"glossary-defs\" hidden>");
        for key in &used {
            let _ = write!(
                block.after_code,
                "<span id=\"{}-{key}\">{}</span>",
                block.id,
                ui(key)
            );
        }
        block.after_code.push_str("</div>");
    }
}

/// Wraps the text characters `start..start+len` of highlighted HTML in `open`/`close`,
/// when they do not straddle a tag (so the result stays balanced).
pub fn wrap_chars(html: &str, start: usize, len: usize, open: &str, close: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut text_index = 0;
    let mut from = None;
    let mut to = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied()?;
        if b == b'<' {
            i += html.get(i..)?.find('>')? + 1;
            continue;
        }
        if text_index == start && from.is_none() {
            from = Some(i);
        }
        let step = if b == b'&' {
            html.get(i..)?.find(';')? + 1
        } else {
            html.get(i..)?.chars().next()?.len_utf8()
        };
        i += step;
        text_index += 1;
        if text_index == start + len && from.is_some() {
            to = Some(i);
            break;
        }
    }
    let (from, to) = (from?, to?);
    let inner = html.get(from..to)?;
    if inner.contains('<') {
        return None;
    }
    Some(format!(
        "{}{open}{inner}{close}{}",
        html.get(..from)?,
        html.get(to..)?
    ))
}

const ROW: usize = 74;
const BOX_H: usize = 50;
const STAGE_W: usize = 300;
const EXT_W: usize = 210;
/// Where the stage column starts: right of the external images, when there are any.
const STAGE_X_WITH_EXTERNALS: usize = 250;
const STAGE_X_ALONE: usize = 4;

/// The stage map: stages top to bottom with their bases, an arrow per dependency labelled
/// with the instruction that makes it, external images on the left, the final stage marked.
/// Static SVG with a text description; hovering or focusing a stage highlights its lines.
pub fn stage_map(df: &Dockerfile, block_id: &str, lang_text: &dyn Fn(&str) -> String) -> String {
    let n = df.stages.len();
    let final_stage = df.final_stage();
    // Distinct edges, in source order.
    let mut edges: Vec<(StageRef, usize, DependencyKind)> = Vec::new();
    for d in &df.dependencies {
        let e = (d.from.clone(), d.to, d.kind);
        if !edges.contains(&e) {
            edges.push(e);
        }
    }
    // External images get a box on the left, at (or below) the row of their first target.
    let mut externals: Vec<(String, usize, Vec<DependencyKind>)> = Vec::new();
    for (from, to, kind) in &edges {
        if let StageRef::Image(image) = from {
            match externals.iter_mut().find(|(i, _, _)| i == image) {
                Some(ext) => ext.2.push(*kind),
                None => externals.push((image.clone(), *to, vec![*kind])),
            }
        }
    }
    let mut ext_y = Vec::new();
    let mut next_free = 0;
    for (_, to, _) in &externals {
        let y = (16 + to * ROW).max(next_free);
        next_free = y + BOX_H + 12;
        ext_y.push(y);
    }
    let height = (16 + n * ROW).max(next_free + 8);
    let stage_x = if externals.is_empty() {
        STAGE_X_ALONE
    } else {
        STAGE_X_WITH_EXTERNALS
    };
    let stage_edges = edges
        .iter()
        .filter(|(f, _, _)| matches!(f, StageRef::Stage(_)))
        .count();
    let width = stage_x + STAGE_W + 60 + 34 * stage_edges.max(1) + 110;
    let title_id = format!("{block_id}-map-title");
    let desc_id = format!("{block_id}-map-desc");
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<figure class=\"stage-map\"><svg class=\"stage-map-svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{title_id} {desc_id}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    let _ = write!(
        svg,
        "<title id=\"{title_id}\">{}</title><desc id=\"{desc_id}\">{}</desc>",
        ui("stage-map-label"),
        escape_html(&describe(df, lang_text))
    );
    let marker = format!("{block_id}-arrow");
    let _ = write!(
        svg,
        "<defs><marker id=\"{marker}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrow-head\"/></marker></defs>"
    );
    for stage in &df.stages {
        let y = 16 + stage.index * ROW;
        let label = df.stage_label(stage.index);
        let shown = match &stage.name {
            Some(name) => name.clone(),
            None => format!("#{}", stage.index),
        };
        let base = match &stage.base {
            StageRef::Image(image) => image.clone(),
            StageRef::Stage(i) => df.stage_label(*i),
        };
        let is_final = Some(stage.index) == final_stage;
        let _ = write!(
            svg,
            "<g class=\"stage{}\" tabindex=\"0\" data-stage=\"{}\" data-base=\"{}\"{} data-lines=\"{}-{}\" data-block=\"{block_id}\">",
            if is_final { " stage-final" } else { "" },
            escape_html(&label),
            escape_html(&base),
            if is_final { " data-final" } else { "" },
            stage.first_line,
            stage.last_line.max(stage.first_line),
        );
        let _ = write!(
            svg,
            "<rect x=\"{stage_x}\" y=\"{y}\" width=\"{STAGE_W}\" height=\"{BOX_H}\" rx=\"6\"/><text x=\"{}\" y=\"{}\" class=\"stage-name\">{}{}</text><text x=\"{}\" y=\"{}\" class=\"stage-base\">FROM {}</text>",
            stage_x + 12,
            y + 20,
            escape_html(&truncate(&shown, 26)),
            if is_final {
                format!(" · {}", ui("stage-map-final"))
            } else {
                String::new()
            },
            stage_x + 12,
            y + 40,
            escape_html(&truncate(&base, 32)),
        );
        svg.push_str("</g>");
    }
    for ((image, to, kinds), y) in externals.iter().zip(&ext_y) {
        let label = df.stage_label(*to);
        let kind = kinds.first().copied().unwrap_or(DependencyKind::CopyFrom);
        let _ = write!(
            svg,
            "<g class=\"dep dep-external\" data-from=\"{}\" data-to=\"{}\" data-kind=\"{}\"><title>{}</title><rect x=\"10\" y=\"{y}\" width=\"{EXT_W}\" height=\"{BOX_H}\" rx=\"6\" class=\"external\"/><text x=\"20\" y=\"{}\" class=\"stage-base\">{}</text><text x=\"20\" y=\"{}\" class=\"dep-label\">{} · {}</text><path d=\"M{},{} L{},{}\" marker-end=\"url(#{marker})\"/></g>",
            escape_html(image),
            escape_html(&label),
            kind_label(kind),
            escape_html(image),
            y + 20,
            escape_html(&truncate(image, 26)),
            y + 40,
            kind_label(kind),
            ui("stage-map-external"),
            10 + EXT_W,
            y + BOX_H / 2,
            stage_x - 2,
            16 + to * ROW + BOX_H / 2,
        );
    }
    let mut k = 0;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (from, to, kind) in &edges {
        let StageRef::Stage(src) = from else { continue };
        k += 1;
        // Several edges between the same two stages: stack their labels.
        let same = pairs.iter().filter(|p| **p == (*src, *to)).count();
        pairs.push((*src, *to));
        let (y1, y2) = (16 + src * ROW + BOX_H / 2, 16 + to * ROW + BOX_H / 2);
        let x = stage_x + STAGE_W;
        let bulge = x + 30 + 34 * k;
        let _ = write!(
            svg,
            "<g class=\"dep\" data-from=\"{}\" data-to=\"{}\" data-kind=\"{}\"><path d=\"M{x},{y1} C{bulge},{y1} {bulge},{y2} {},{y2}\" marker-end=\"url(#{marker})\"/><text x=\"{}\" y=\"{}\" class=\"dep-label\">{}</text></g>",
            escape_html(&df.stage_label(*src)),
            escape_html(&df.stage_label(*to)),
            kind_label(*kind),
            x + 2,
            bulge - 4,
            (y1 + y2) / 2 + 4 + 14 * same,
            kind_label(*kind),
        );
    }
    svg.push_str("</svg></figure>");
    svg
}

fn kind_label(kind: DependencyKind) -> &'static str {
    match kind {
        DependencyKind::From => "FROM",
        DependencyKind::CopyFrom => "COPY --from",
        DependencyKind::MountFrom => "RUN --mount from",
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// The map as sentences, for screen readers (in the chapter's language).
fn describe(df: &Dockerfile, text: &dyn Fn(&str) -> String) -> String {
    let final_stage = df.final_stage();
    let mut parts = Vec::new();
    for stage in &df.stages {
        let base = match &stage.base {
            StageRef::Image(image) => image.clone(),
            StageRef::Stage(i) => df.stage_label(*i),
        };
        let mut s = format!(
            "{} {} ← {}",
            text("stage-map-stage"),
            df.stage_label(stage.index),
            base
        );
        let sources: Vec<String> = df
            .dependencies
            .iter()
            .filter(|d| d.to == stage.index && d.kind != DependencyKind::From)
            .map(|d| match &d.from {
                StageRef::Stage(i) => format!("{} {}", kind_label(d.kind), df.stage_label(*i)),
                StageRef::Image(image) => format!("{} {image}", kind_label(d.kind)),
            })
            .collect();
        if !sources.is_empty() {
            s.push_str(&format!(" ({})", sources.join(", ")));
        }
        if Some(stage.index) == final_stage {
            s.push_str(&format!(" — {}", text("stage-map-final-long")));
        }
        parts.push(s);
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_a_token_inside_one_span() {
        let html = "<span class=\"hl-keyword\">FROM</span> alpine";
        assert_eq!(
            wrap_chars(html, 0, 4, "<b>", "</b>").as_deref(),
            Some("<span class=\"hl-keyword\"><b>FROM</b></span> alpine")
        );
        assert_eq!(
            wrap_chars("a &amp; RUN", 4, 3, "[", "]").as_deref(),
            Some("a &amp; [RUN]")
        );
        // Straddling a tag is refused rather than unbalancing the HTML.
        assert_eq!(wrap_chars("<i>FR</i>OM", 0, 4, "[", "]"), None);
    }
}
