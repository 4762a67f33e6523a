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
            "<span class=\"kw\" tabindex=\"-1\" data-tip=\"{}\" aria-describedby=\"{def_id}\">",
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

/// The stage map: the stages in order as cards (name, base image, where the final image
/// comes from) and, inside each card, what it takes from other stages or images — each edge
/// labelled with the instruction that makes it. Plain HTML, so it reflows at any width and
/// reads as a list without CSS or JavaScript; the script draws the connecting rails and
/// lights up a stage's lines when it is selected.
/// `of` names the file in the caption, where the map does not sit under its own listing.
pub fn stage_map(df: &Dockerfile, block_id: &str, of: Option<&str>) -> String {
    let final_stage = df.final_stage();
    // Distinct edges, in source order.
    let mut edges: Vec<(StageRef, usize, DependencyKind)> = Vec::new();
    for d in &df.dependencies {
        let e = (d.from.clone(), d.to, d.kind);
        if !edges.contains(&e) {
            edges.push(e);
        }
    }
    let title_id = format!("{block_id}-map-title");
    let mut out = String::new();
    let _ = write!(
        out,
        "<figure class=\"stage-map\" data-block=\"{block_id}\" aria-labelledby=\"{title_id}\"><figcaption class=\"stage-map-title\" id=\"{title_id}\">{}{}</figcaption><ol class=\"stage-list\">",
        ui("stage-map-label"),
        of.map_or_else(String::new, |f| format!(
            ": <code>{}</code>",
            escape_html(f)
        ))
    );
    for stage in &df.stages {
        let label = df.stage_label(stage.index);
        let shown = match &stage.name {
            Some(name) => name.clone(),
            None => format!("#{}", stage.index),
        };
        let is_final = Some(stage.index) == final_stage;
        let base = match &stage.base {
            StageRef::Image(image) => image.clone(),
            StageRef::Stage(i) => df.stage_label(*i),
        };
        let _ = write!(
            out,
            "<li class=\"stage{}\" data-stage=\"{}\" data-base=\"{}\"{} data-lines=\"{}-{}\" data-block=\"{block_id}\"><button type=\"button\" class=\"stage-head\" aria-pressed=\"false\"><span class=\"stage-dot\" aria-hidden=\"true\"></span><span class=\"stage-name\">{}</span>{}</button>",
            if is_final { " stage-final" } else { "" },
            escape_html(&label),
            escape_html(&base),
            if is_final { " data-final" } else { "" },
            stage.first_line,
            stage.last_line.max(stage.first_line),
            breakable(&shown),
            if is_final {
                format!(
                    "<span class=\"stage-badge\">{}</span>",
                    ui("stage-map-final")
                )
            } else {
                String::new()
            },
        );
        out.push_str("<ul class=\"stage-inputs\">");
        // The base first: an image, or an earlier stage (then itself an edge of the map).
        let edge = match stage.base {
            StageRef::Stage(_) => format!(
                " dep-stage\" data-from=\"{}\" data-to=\"{}\" data-kind=\"FROM",
                escape_html(&base),
                escape_html(&label)
            ),
            StageRef::Image(_) => String::new(),
        };
        let _ = write!(
            out,
            "<li class=\"dep dep-base{edge}\"><span class=\"dep-kind\">FROM</span> <span class=\"dep-source\">{}</span></li>",
            breakable(&base),
        );
        for (from, to, kind) in &edges {
            if *to != stage.index || *kind == DependencyKind::From {
                continue;
            }
            let (source, class, note) = match from {
                StageRef::Stage(i) => (df.stage_label(*i), " dep-stage", String::new()),
                StageRef::Image(image) => (
                    image.clone(),
                    " dep-external",
                    format!(
                        " <span class=\"dep-note\">{}</span>",
                        ui("stage-map-external")
                    ),
                ),
            };
            let _ = write!(
                out,
                "<li class=\"dep{class}\" data-from=\"{}\" data-to=\"{}\" data-kind=\"{}\"><span class=\"dep-kind\">{}</span> <span class=\"dep-source\">{}</span>{note}</li>",
                escape_html(&source),
                escape_html(&label),
                kind_label(*kind),
                kind_label(*kind),
                breakable(&source),
            );
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ol></figure>");
    out
}

/// An image or stage name, escaped, with line-break chances after `/`, `:` and `@`, so a
/// long reference wraps between its parts rather than in the middle of a word (a part up
/// to 30 characters is kept whole) — and every 16 characters of a part longer than that (a
/// `sha256` digest), which no screen fits.
fn breakable(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 16);
    for part in name.split_inclusive(['/', ':', '@']) {
        let stem = part.trim_end_matches(['/', ':', '@']);
        if stem.chars().count() <= 30 {
            // Kept whole: a browser would break after a hyphen ("eclipse-" / "temurin-25").
            match crate::code_spans::word_html(stem, false) {
                Some(html) => out.push_str(&html),
                None => out.push_str(&escape_html(stem)),
            }
            if stem.len() < part.len() {
                out.push_str(&escape_html(&part[stem.len()..]));
                out.push_str("<wbr>");
            }
            continue;
        }
        let chars: Vec<char> = part.chars().collect();
        for (i, chunk) in chars.chunks(16).enumerate() {
            if i > 0 {
                out.push_str("<wbr>");
            }
            out.push_str(&escape_html(&chunk.iter().collect::<String>()));
        }
        if part.ends_with(['/', ':', '@']) {
            out.push_str("<wbr>");
        }
    }
    out
}

fn kind_label(kind: DependencyKind) -> &'static str {
    match kind {
        DependencyKind::From => "FROM",
        DependencyKind::CopyFrom => "COPY --from",
        DependencyKind::MountFrom => "RUN --mount from",
    }
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
