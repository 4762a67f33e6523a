//! A rendered chapter's sections: the text under each `<h2>`/`<h3>`, for the search index.

use serde::Serialize;

/// A part of a chapter under one heading, as the index stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading id, or empty for the text before the first heading.
    pub anchor: String,
    /// The heading's text, shown in search results; empty before the first heading.
    pub heading: String,
    /// The section's prose without markup, for matching search words and for snippets.
    pub text: String,
    /// The text of its code blocks, matched with a lower weight and token by token
    /// (`--mount=type=cache`).
    pub code: String,
    /// The section recaps or points elsewhere more than it teaches (it holds a self-check
    /// quiz, is mostly links, or the front matter says so): search ranks it below the
    /// sections that teach.
    pub review: bool,
}

impl Section {
    fn new(anchor: String) -> Self {
        Section {
            anchor,
            heading: String::new(),
            text: String::new(),
            code: String::new(),
            review: false,
        }
    }
}

/// Splits a rendered chapter's HTML into sections at its `<h2 id>`/`<h3 id>` headings and
/// keeps their prose and, apart, their code (so `COPY --from` finds the chapters that use it).
pub fn sections_of(html: &str) -> Vec<Section> {
    let mut sections = vec![Section::new(String::new())];
    let mut rest = html;
    let mut skip_depth: Option<(&str, usize)> = None;
    let mut in_heading = false;
    let mut in_pre = false;
    // Prose bytes inside links, per section: a section that is mostly links (further
    // reading, next steps) points elsewhere rather than teaching.
    let mut in_link = 0usize;
    let mut link_bytes: Vec<usize> = vec![0];
    while let Some(lt) = rest.find('<') {
        let text = rest.get(..lt).unwrap_or("");
        if skip_depth.is_none()
            && let Some(current) = sections.last_mut()
        {
            let target = if in_heading {
                &mut current.heading
            } else if in_pre {
                &mut current.code
            } else {
                &mut current.text
            };
            let before = target.len();
            push_text(target, text);
            if in_link > 0
                && !in_heading
                && !in_pre
                && let Some(n) = link_bytes.last_mut()
            {
                *n += target.len() - before;
            }
        }
        let tail = rest.get(lt..).unwrap_or("");
        let Some(gt) = tail.find('>') else { break };
        let tag = tail.get(..=gt).unwrap_or("");
        rest = tail.get(gt + 1..).unwrap_or("");
        let body = tag.trim_start_matches(['<', '/']);
        let name = body
            .get(
                ..body
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(body.len()),
            )
            .unwrap_or("");
        let closing = tag.starts_with("</");
        if let Some((skip_name, depth)) = skip_depth.as_mut() {
            if name == *skip_name {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip_depth = None;
                    }
                } else if !tag.ends_with("/>") {
                    *depth += 1;
                }
            }
            continue;
        }
        match (name, closing) {
            ("h2" | "h3", false) => {
                sections.push(Section::new(attribute(tag, "id").unwrap_or_default()));
                link_bytes.push(0);
                in_heading = true;
            }
            ("pre", _) => {
                in_pre = !closing;
                if let Some(current) = sections.last_mut() {
                    current.code.push('\n');
                }
            }
            ("section", false) if tag.contains("class=\"quiz\"") => {
                if let Some(current) = sections.last_mut() {
                    current.review = true;
                }
            }
            ("h2" | "h3", true) => in_heading = false,
            ("svg", false) => skip_depth = Some(("svg", 1)),
            ("a", false) if tag.contains("class=\"anchor\"") => skip_depth = Some(("a", 1)),
            ("a", false) => in_link += 1,
            ("a", true) => in_link = in_link.saturating_sub(1),
            ("div", false) if tag.contains("glossary-defs") => skip_depth = Some(("div", 1)),
            ("button", false) => skip_depth = Some(("button", 1)),
            ("span", true) if in_pre => {}
            ("br" | "p" | "li" | "div" | "tr" | "td" | "th", _) | ("span", true) => {
                if let Some(current) = sections.last_mut()
                    && !in_heading
                    && !in_pre
                    && !current.text.ends_with(' ')
                    && (name != "span" || tag.is_empty())
                {
                    current.text.push(' ');
                }
            }
            _ => {}
        }
    }
    for (s, links) in sections.iter_mut().zip(link_bytes) {
        if !s.text.is_empty() && links * 4 > s.text.len() {
            s.review = true;
        }
        s.heading = squash(&s.heading);
        s.text = squash(&s.text);
        s.code = s.code.trim().to_string();
    }
    sections.retain(|s| !s.text.is_empty() || !s.heading.is_empty() || !s.code.is_empty());
    sections
}

fn push_text(target: &mut String, raw: &str) {
    if !raw.contains(['&', super::UI_MARK]) {
        target.push_str(raw);
        return;
    }
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == super::UI_MARK {
            // A UI-string placeholder: not part of the chapter's text.
            for d in chars.by_ref() {
                if d == super::UI_MARK {
                    break;
                }
            }
            continue;
        }
        if c != '&' {
            target.push(c);
            continue;
        }
        let mut entity = String::new();
        while let Some(&d) = chars.peek() {
            chars.next();
            if d == ';' {
                break;
            }
            entity.push(d);
        }
        target.push_str(match entity.as_str() {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "#39" | "apos" => "'",
            "nbsp" => " ",
            _ => "",
        });
    }
}

fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag.get(start..)?.find('"')? + start;
    tag.get(start..end).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_split_at_headings_and_keep_code() {
        let html = "<p>Intro &amp; more.</p><h2 id=\"copy\">Copy <a class=\"anchor\" href=\"#copy\">#</a></h2><pre><code><span class=\"line\">COPY --from=build /app</span></code></pre><svg><text>no</text></svg><h3 id=\"x\">X</h3><p>Tail</p>";
        let s = sections_of(html);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "Intro & more.");
        assert_eq!(
            (s[1].anchor.as_str(), s[1].heading.as_str()),
            ("copy", "Copy")
        );
        assert_eq!(s[1].code, "COPY --from=build /app");
        assert!(s[1].text.is_empty(), "{}", s[1].text);
        assert!(!s[1].text.contains("no"));
        assert_eq!(s[2].text, "Tail");
    }
}
