//! Resolving a rendered chapter's internal links and ids for one output (page, print, bundle).

use crate::markdown::links::CHAPTER_SCHEME;

/// Replaces every `docent:ch/<id><fragment>` link target using `resolve(id, fragment)`.
pub fn resolve_chapter_links(html: &str, resolve: impl Fn(&str, &str) -> String) -> String {
    let needle = format!("href=\"{CHAPTER_SCHEME}");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let target_start = needle.len();
        let Some(end) = after.get(target_start..).and_then(|s| s.find('"')) else {
            out.push_str(after);
            return out;
        };
        let target = after.get(target_start..target_start + end).unwrap_or("");
        let (id, fragment) = match target.find('#') {
            Some(h) => (target.get(..h).unwrap_or(""), target.get(h..).unwrap_or("")),
            None => (target, ""),
        };
        out.push_str("href=\"");
        out.push_str(&resolve(id, fragment));
        out.push('"');
        rest = after.get(target_start + end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Fills in the UI-string placeholders of a rendered chapter (see [`markdown::ui`]).
///
/// [`markdown::ui`]: crate::markdown::ui
pub fn localize_ui(html: &str, text: impl Fn(&str) -> String) -> String {
    use crate::markdown::UI_MARK;
    if !html.contains(UI_MARK) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut parts = html.split(UI_MARK);
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    while let Some(key) = parts.next() {
        let value = text(key);
        out.push_str(&crate::markdown::highlight::escape_html(&value));
        if let Some(after) = parts.next() {
            out.push_str(after);
        }
    }
    out
}

/// Makes a chapter's ids unique on a page that holds several chapters (the print page):
/// `id="x"` → `id="{prefix}x"` and `href="#x"` → `href="#{prefix}x"`; relative file links
/// (`src="diagram.svg"`) are re-rooted at `asset_base`.
pub fn prefix_ids(html: &str, prefix: &str, asset_base: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 20);
    let mut rest = html;
    // One pass over every `name="…"`, rewriting the attributes that hold ids or links.
    // Linear in the page size (the print page holds every chapter).
    while let Some(eq) = rest.find("=\"") {
        let before = rest.get(..eq).unwrap_or("");
        let name_start = before.rfind([' ', '\n', '\t']).map_or(0, |i| i + 1);
        let name = before.get(name_start..).unwrap_or("");
        let is_attr = name_start > 0;
        let value_start = eq + 2;
        out.push_str(rest.get(..value_start).unwrap_or(""));
        let tail = rest.get(value_start..).unwrap_or("");
        let end = tail.find('"').unwrap_or(tail.len());
        let value = tail.get(..end).unwrap_or("");
        match name {
            "href" | "src" if is_attr => {
                if let Some(frag) = value.strip_prefix('#') {
                    out.push('#');
                    out.push_str(prefix);
                    out.push_str(frag);
                } else if is_relative_file(value) {
                    out.push_str(asset_base);
                    out.push_str(value);
                } else {
                    out.push_str(value);
                }
            }
            "aria-describedby" | "aria-labelledby" if is_attr => {
                let ids: Vec<String> = value.split(' ').map(|v| format!("{prefix}{v}")).collect();
                out.push_str(&ids.join(" "));
            }
            "id" | "aria-controls" | "data-block" if is_attr => {
                out.push_str(prefix);
                out.push_str(value);
            }
            _ => out.push_str(value),
        }
        rest = tail.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn is_relative_file(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('/')
        || url.starts_with('#')
        || url.starts_with("../")
        || url.contains("://")
        || url.starts_with("data:")
        || url.starts_with(crate::markdown::links::CHAPTER_SCHEME)
        || url.starts_with("mailto:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_links_resolve() {
        let html = r##"<a href="docent:ch/02-x#a">x</a> <a href="https://e">e</a> <a href="docent:ch/03-y">y</a>"##;
        let out = resolve_chapter_links(html, |id, f| format!("../{id}/{f}"));
        assert_eq!(
            out,
            r##"<a href="../02-x/#a">x</a> <a href="https://e">e</a> <a href="../03-y/">y</a>"##
        );
    }

    #[test]
    fn ids_are_prefixed() {
        let html = r##"<h2 id="a">A <a class="anchor" href="#a">#</a></h2><img src="d.svg" alt=""><a href="https://x">x</a>"##;
        let out = prefix_ids(html, "ch1--", "../slug/");
        assert_eq!(
            out,
            r##"<h2 id="ch1--a">A <a class="anchor" href="#ch1--a">#</a></h2><img src="../slug/d.svg" alt=""><a href="https://x">x</a>"##
        );
    }
}
