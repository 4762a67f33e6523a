//! A rendered chapter's HTML as the outputs read it: the text, plus the places where a page,
//! the print page and a one-file bundle differ — UI strings (in the page's language), links
//! to other chapters, ids and in-page links (prefixed where several chapters share a page)
//! and relative file links (re-rooted there). The places are found once, here; no output
//! scans the HTML again.

use super::UI_MARK;
use super::highlight::escape_html;
use super::links::CHAPTER_SCHEME;

/// What a marked span of the HTML is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A UI string key between two [`UI_MARK`]s; the span is the key.
    Ui,
    /// The value of an `href` to a chapter (`docent:ch/<id>#fragment`); the span is
    /// `<id>#fragment`.
    ChapterLink,
    /// The value of an `id` attribute.
    Id,
    /// The value of `aria-controls` or `data-block`: an id this HTML refers to.
    IdRef,
    /// The value of `aria-describedby` / `aria-labelledby`: ids separated by spaces.
    IdList,
    /// The value of an `href`/`src` of the form `#x`; the span is `x`.
    Anchor,
    /// The value of an `href`/`src`/`poster`, or a `srcset` candidate, naming a file beside
    /// the chapter (`diagram.svg`).
    File,
    /// The digit of a heading tag (`<h2 …>`, `</h2>`): a page that puts the chapter under
    /// a title of its own (the print page) moves every heading down.
    Level,
}

/// A span of [`Body::html`] and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    kind: Kind,
    /// Byte range of the span's content (for [`Kind::Ui`], without the marks around it).
    start: u32,
    end: u32,
    /// Byte range the output replaces (for [`Kind::Ui`] and [`Kind::ChapterLink`], wider
    /// than the content: the marks, the scheme).
    outer_start: u32,
    outer_end: u32,
}

/// A rendered chapter: HTML and its marks, sorted and disjoint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    html: String,
    marks: Vec<Mark>,
}

/// How one output treats the marked places.
pub struct Style<'a> {
    /// The text of a UI string key, in the page's language (escaped by the body).
    pub ui: &'a dyn Fn(&str) -> String,
    /// The `href` of a link to chapter `id` with `fragment` (empty or `#…`).
    pub chapter_link: &'a dyn Fn(&str, &str) -> String,
    /// Put before every id and in-page link, on a page that holds several chapters.
    pub id_prefix: &'a str,
    /// Put before relative file links, on a page that is not the chapter's own.
    pub file_base: &'a str,
    /// Levels every heading moves down (`h2` → `h3` for 1), at most to `h6`.
    pub heading_shift: u8,
}

impl Body {
    /// Finds the marked places of `html` (a chapter as the Markdown passes left it).
    pub fn parse(html: String) -> Body {
        let mut marks = scan(&html);
        // Heading tags never sit inside a marked value; one that would (raw HTML in an
        // attribute) is left alone.
        let levels: Vec<Mark> = heading_levels(&html)
            .into_iter()
            .filter(|l| {
                // `marks` is sorted and disjoint: only the last one starting before `l` ends
                // can overlap it.
                let before = marks.partition_point(|m| m.outer_start < l.outer_end);
                before
                    .checked_sub(1)
                    .and_then(|k| marks.get(k))
                    .is_none_or(|m| l.outer_start >= m.outer_end)
            })
            .collect();
        if !levels.is_empty() {
            marks.extend(levels);
            marks.sort_by_key(|m| m.outer_start);
        }
        Body { html, marks }
    }

    /// The HTML as written, marks and all (for hashing and for finding sections).
    pub fn raw(&self) -> &str {
        &self.html
    }

    /// Every `id` the chapter defines, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.marks
            .iter()
            .filter(|m| m.kind == Kind::Id)
            .map(|m| self.text(m.start, m.end))
    }

    /// The chapters this one links to (folder ids), once per link.
    pub fn linked_chapters(&self) -> impl Iterator<Item = &str> {
        self.marks
            .iter()
            .filter(|m| m.kind == Kind::ChapterLink)
            .map(|m| {
                let value = self.text(m.start, m.end);
                value.split('#').next().unwrap_or(value)
            })
    }

    /// A body holding only the ids of this one (what links from other chapters are checked
    /// against), for a chapter whose pages are written.
    pub fn ids_only(&self) -> Body {
        let mut html = String::new();
        let mut marks = Vec::new();
        for id in self.ids() {
            let start = html.len() as u32;
            html.push_str(id);
            let end = html.len() as u32;
            html.push(' ');
            marks.push(Mark {
                kind: Kind::Id,
                start,
                end,
                outer_start: start,
                outer_end: end,
            });
        }
        Body { html, marks }
    }

    fn text(&self, start: u32, end: u32) -> &str {
        self.html.get(start as usize..end as usize).unwrap_or("")
    }

    /// The chapter as one output shows it.
    pub fn write(&self, out: &mut String, style: &Style<'_>) {
        // Each mark may grow by a prefix, and a link or UI string by more: room for that up
        // front, so a chapter's HTML is not copied again when the string first outgrows it.
        let per_mark = style.id_prefix.len().max(style.file_base.len()) + 32;
        out.reserve(self.html.len() + self.marks.len() * per_mark);
        let mut at = 0;
        for m in &self.marks {
            out.push_str(self.text(at, m.outer_start));
            let value = self.text(m.start, m.end);
            match m.kind {
                Kind::Ui => out.push_str(&escape_html(&(style.ui)(value))),
                Kind::ChapterLink => {
                    let (id, fragment) = match value.find('#') {
                        Some(h) => (value.get(..h).unwrap_or(""), value.get(h..).unwrap_or("")),
                        None => (value, ""),
                    };
                    out.push_str(&(style.chapter_link)(id, fragment));
                }
                Kind::Id | Kind::IdRef => {
                    out.push_str(style.id_prefix);
                    out.push_str(value);
                }
                Kind::IdList => {
                    for (k, id) in value.split(' ').enumerate() {
                        if k > 0 {
                            out.push(' ');
                        }
                        out.push_str(style.id_prefix);
                        out.push_str(id);
                    }
                }
                Kind::Anchor => {
                    out.push('#');
                    out.push_str(style.id_prefix);
                    out.push_str(value);
                }
                Kind::File => {
                    out.push_str(style.file_base);
                    out.push_str(value);
                }
                Kind::Level => {
                    let level = value.bytes().next().map_or(2, |d| d.saturating_sub(b'0'));
                    out.push(char::from(
                        b'0' + level.saturating_add(style.heading_shift).min(6),
                    ));
                }
            }
            at = m.outer_end;
        }
        out.push_str(self.text(at, self.html.len() as u32));
    }

    /// [`Body::write`] into a new string.
    pub fn to_html(&self, style: &Style<'_>) -> String {
        let mut out = String::new();
        self.write(&mut out, style);
        out
    }
}

/// One pass over the HTML: every attribute whose value an output rewrites, and every UI
/// string mark.
/// The first byte of [`UI_MARK`] in UTF-8.
pub(super) const UI_MARK_LEAD: u8 = {
    let mut buf = [0; 4];
    UI_MARK.encode_utf8(&mut buf);
    buf[0]
};

fn scan(html: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    let pos = |n: usize| n as u32;
    while i < bytes.len() {
        // memchr for `=` and the first byte of the mark (which other characters share:
        // checked below), rather than a char-by-char search.
        let Some(rel) = bytes
            .get(i..)
            .and_then(|rest| memchr::memchr2(b'=', UI_MARK_LEAD, rest))
        else {
            break;
        };
        let at = i + rel;
        if bytes.get(at) == Some(&UI_MARK_LEAD) {
            if !html.get(at..).is_some_and(|s| s.starts_with(UI_MARK)) {
                i = at + 1;
                continue;
            }
            let key_start = at + UI_MARK.len_utf8();
            let Some(len) = html.get(key_start..).and_then(|s| s.find(UI_MARK)) else {
                break;
            };
            let key_end = key_start + len;
            let outer_end = key_end + UI_MARK.len_utf8();
            marks.push(Mark {
                kind: Kind::Ui,
                start: pos(key_start),
                end: pos(key_end),
                outer_start: pos(at),
                outer_end: pos(outer_end),
            });
            i = outer_end;
            continue;
        }
        // `name="value"`, the name after a blank.
        if bytes.get(at + 1) != Some(&b'"') {
            i = at + 1;
            continue;
        }
        let before = html.get(..at).unwrap_or("");
        let name_start = before.rfind([' ', '\n', '\t']).map_or(0, |k| k + 1);
        let name = before.get(name_start..).unwrap_or("");
        let value_start = at + 2;
        let Some(len) = html.get(value_start..).and_then(|s| s.find('"')) else {
            break;
        };
        let value_end = value_start + len;
        let value = html.get(value_start..value_end).unwrap_or("");
        let is_attr = name_start > 0;
        let mut mark = |kind, start: usize, outer_start: usize| {
            marks.push(Mark {
                kind,
                start: pos(start),
                end: pos(value_end),
                outer_start: pos(outer_start),
                outer_end: pos(value_end),
            });
        };
        match name {
            "srcset" if is_attr => {
                // Each candidate file, re-rooted as a `src` is.
                for span in super::links::srcset_urls(value) {
                    if value.get(span.clone()).is_some_and(is_relative_file) {
                        let start = value_start + span.start;
                        marks.push(Mark {
                            kind: Kind::File,
                            start: pos(start),
                            end: pos(value_start + span.end),
                            outer_start: pos(start),
                            outer_end: pos(value_start + span.end),
                        });
                    }
                }
            }
            "href" | "src" | "poster" if is_attr => {
                if let Some(link) = value.strip_prefix(CHAPTER_SCHEME) {
                    let _ = link;
                    mark(
                        Kind::ChapterLink,
                        value_start + CHAPTER_SCHEME.len(),
                        value_start,
                    );
                } else if value.starts_with('#') {
                    mark(Kind::Anchor, value_start + 1, value_start);
                } else if is_relative_file(value) {
                    mark(Kind::File, value_start, value_start);
                }
            }
            "aria-describedby" | "aria-labelledby" if is_attr => {
                mark(Kind::IdList, value_start, value_start);
            }
            "id" if is_attr => mark(Kind::Id, value_start, value_start),
            "aria-controls" | "data-block" if is_attr => {
                mark(Kind::IdRef, value_start, value_start);
            }
            _ => {
                // Any other value may hold UI strings (`aria-label`): look inside it.
                i = value_start;
                continue;
            }
        }
        i = value_end;
    }
    marks
}

/// The digit of every heading tag, opening (`<h3 `, `<h3>`) or closing (`</h3>`).
fn heading_levels(html: &str) -> Vec<Mark> {
    let bytes = html.as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(|c| (b'1'..=b'6').contains(c));
    let mark = |at: usize| Mark {
        kind: Kind::Level,
        start: at as u32,
        end: at as u32 + 1,
        outer_start: at as u32,
        outer_end: at as u32 + 1,
    };
    // One pass over the `<`s (memchr), not two substring searches of the whole chapter.
    let tags = memchr::memchr_iter(b'<', bytes).filter_map(|at| match bytes.get(at + 1) {
        Some(b'h') => {
            let d = at + 2;
            (digit(d) && matches!(bytes.get(d + 1), Some(b' ' | b'>' | b'\n' | b'\t'))).then_some(d)
        }
        Some(b'/') => {
            let d = at + 3;
            (bytes.get(at + 2) == Some(&b'h') && digit(d) && bytes.get(d + 1) == Some(&b'>'))
                .then_some(d)
        }
        _ => None,
    });
    tags.map(mark).collect()
}

/// Whether a link names a file beside the chapter (to be re-rooted elsewhere).
fn is_relative_file(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('/')
        || url.starts_with('#')
        || url.starts_with("../")
        || url.contains("://")
        || url.starts_with("data:")
        || url.starts_with(CHAPTER_SCHEME)
        || url.starts_with("mailto:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style<'a>(
        ui: &'a dyn Fn(&str) -> String,
        link: &'a dyn Fn(&str, &str) -> String,
        prefix: &'a str,
        base: &'a str,
    ) -> Style<'a> {
        Style {
            ui,
            chapter_link: link,
            id_prefix: prefix,
            file_base: base,
            heading_shift: 0,
        }
    }

    #[test]
    fn headings_move_down_under_a_title_and_stop_at_h6() {
        let body = Body::parse(
            "<h2 id=\"a\">A <code>&lt;h2&gt;</code></h2>\n<h3>B</h3><h6>C</h6><hr><header>x</header>"
                .to_string(),
        );
        let ui = |k: &str| k.to_string();
        let link = |id: &str, f: &str| format!("{id}{f}");
        let mut shifted = style(&ui, &link, "", "");
        shifted.heading_shift = 1;
        assert_eq!(
            body.to_html(&shifted),
            "<h3 id=\"a\">A <code>&lt;h2&gt;</code></h3>\n<h4>B</h4><h6>C</h6><hr><header>x</header>"
        );
        assert_eq!(body.to_html(&style(&ui, &link, "", "")), body.raw());
    }

    #[test]
    fn marks_are_found_among_wide_characters_and_tags_inside_values_are_kept() {
        // `（` shares its first byte with the UI mark; a heading tag inside a link's value
        // is part of the value.
        let html = format!(
            "<p>（x） {}</p><h2 id=\"（\">T</h2><img src=\"a<h2>.svg\">",
            super::super::ui("copy")
        );
        let body = Body::parse(html);
        let ui = |k: &str| format!("[{k}]");
        let link = |id: &str, f: &str| format!("{id}{f}");
        let mut page = style(&ui, &link, "p-", "../");
        page.heading_shift = 1;
        assert_eq!(
            body.to_html(&page),
            "<p>（x） [copy]</p><h3 id=\"p-（\">T</h3><img src=\"../a<h2>.svg\">"
        );
    }

    #[test]
    fn a_page_and_the_print_page_read_the_same_body() {
        let html = format!(
            "<h2 id=\"a\">A</h2><a href=\"{CHAPTER_SCHEME}02-x#b\">x</a> <a href=\"#a\">up</a>\
             <img src=\"d.svg\" alt=\"\"><button aria-label=\"{m}code-copy{m} 1\" aria-controls=\"c\">{m}code-copy{m}</button>\
             <span aria-describedby=\"p q\">k</span><a href=\"https://e.org/\">e</a>",
            m = UI_MARK
        );
        let body = Body::parse(html);
        assert_eq!(body.ids().collect::<Vec<_>>(), ["a"]);
        let ui = |k: &str| format!("<{k}>");
        let link = |id: &str, f: &str| format!("../{id}/{f}");
        let page = body.to_html(&style(&ui, &link, "", ""));
        assert_eq!(
            page,
            "<h2 id=\"a\">A</h2><a href=\"../02-x/#b\">x</a> <a href=\"#a\">up</a>\
             <img src=\"d.svg\" alt=\"\"><button aria-label=\"&lt;code-copy&gt; 1\" aria-controls=\"c\">&lt;code-copy&gt;</button>\
             <span aria-describedby=\"p q\">k</span><a href=\"https://e.org/\">e</a>"
        );
        let print = body.to_html(&style(&ui, &link, "s--", "../s/"));
        assert!(print.contains("id=\"s--a\""), "{print}");
        assert!(print.contains("href=\"#s--a\""), "{print}");
        assert!(print.contains("src=\"../s/d.svg\""), "{print}");
        assert!(print.contains("aria-describedby=\"s--p s--q\""), "{print}");
        assert!(print.contains("aria-controls=\"s--c\""), "{print}");
        assert!(print.contains("href=\"https://e.org/\""), "{print}");
    }

    #[test]
    fn srcset_candidates_and_posters_are_re_rooted_like_a_src() {
        let html = "<picture><source srcset=\"w.png 2x, https://e.org/w.png 3x\">\
                    <img src=\"n.png\" srcset=\"n.png 1x,n@2x.png 2x\" alt=\"\"></picture>\
                    <video poster=\"p.jpg\" src=\"v.mp4\"></video>"
            .to_string();
        let body = Body::parse(html);
        let ui = |k: &str| k.to_string();
        let link = |id: &str, f: &str| format!("{id}{f}");
        let print = body.to_html(&style(&ui, &link, "s--", "../s/"));
        assert_eq!(
            print,
            "<picture><source srcset=\"../s/w.png 2x, https://e.org/w.png 3x\">\
             <img src=\"../s/n.png\" srcset=\"../s/n.png 1x,../s/n@2x.png 2x\" alt=\"\"></picture>\
             <video poster=\"../s/p.jpg\" src=\"../s/v.mp4\"></video>"
        );
    }
}
