//! Links written the way GitHub shows the sources (`../02-first-build/`) become links to the
//! chapter's page in the reader's language, resolved per output (see [`super::Body`]).

use super::{Context, Findings};
use crate::course::Course;
use crate::error::Diagnostic;
use comrak::nodes::{AstNode, NodeValue};

/// The internal scheme of a chapter link until an output resolves it.
pub const CHAPTER_SCHEME: &str = "docent:ch/";

/// A link or image as written, with where it was written, for `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The destination as the author wrote it, before chapter links are rewritten.
    pub url: String,
    /// 1-based line of the file where the link starts.
    pub line: usize,
    /// 1-based column where the link starts, on `line`.
    pub col: usize,
    /// A file the page loads (an image, a `srcset` candidate, a video or its poster)
    /// rather than a link.
    pub image: bool,
    /// An image whose alternative text is empty.
    pub no_alt: bool,
    /// Written as raw HTML (`<img src>`, `<a href>`): checked like the others, but a link to
    /// a chapter there is not rewritten to its page.
    pub raw_html: bool,
}

/// Records every link and image in `refs`, and points links to other chapters at
/// [`CHAPTER_SCHEME`] for each output to resolve; a link to a chapter that does not exist is
/// an error.
pub fn rewrite<'a>(
    root: &'a AstNode<'a>,
    ctx: &Context<'_>,
    findings: &mut Findings,
    refs: &mut Vec<LinkRef>,
) {
    // The parser's columns are bytes; a finding's are characters (every accent before a link
    // on a Portuguese line moved it). Lines are indexed once per chapter, when first needed.
    let lines = std::cell::OnceCell::new();
    let char_col = |line: usize, col: usize| {
        let lines = lines.get_or_init(|| crate::place::Lines::new(&ctx.source.body));
        lines.char_col(line, col)
    };
    for node in root.descendants() {
        let line = node.data.borrow().sourcepos.start.line;
        let byte_col = node.data.borrow().sourcepos.start.column;
        let col = || char_col(line, byte_col);
        let image = match &node.data.borrow().value {
            NodeValue::Image(img) => Some(img.url.clone()),
            _ => None,
        };
        if let Some(url) = image {
            refs.push(LinkRef {
                url,
                line: ctx.file_line(line),
                col: col(),
                image: true,
                no_alt: super::text_of(node).trim().is_empty(),
                raw_html: false,
            });
            continue;
        }
        let html = match &node.data.borrow().value {
            NodeValue::HtmlBlock(block) => Some(block.literal.clone()),
            NodeValue::HtmlInline(text) => Some(text.clone()),
            _ => None,
        };
        if let Some(html) = html {
            let found = html_refs(&html);
            if found.is_empty() {
                continue;
            }
            // Each `href`, `src`, `srcset` and `poster` written as the outputs read them (`href="…"`, which the
            // print page and the single file re-root), chapter links pointed at the chapter
            // as Markdown ones are.
            let mut rewritten = html.clone();
            for r in found.iter().rev() {
                let name = r.kind.attribute();
                let value = match (r.kind, classify(&r.url, ctx)) {
                    (RefKind::Link, Target::Chapter { id, fragment }) => {
                        format!("{CHAPTER_SCHEME}{id}{fragment}")
                    }
                    _ => written_value(html.get(r.attribute.clone()).unwrap_or("")),
                };
                rewritten.replace_range(
                    r.attribute.clone(),
                    &format!("{name}=\"{}\"", value.replace('"', "&quot;")),
                );
            }
            if rewritten != html {
                match &mut node.data.borrow_mut().value {
                    NodeValue::HtmlBlock(block) => block.literal = rewritten,
                    NodeValue::HtmlInline(text) => *text = rewritten,
                    _ => {}
                }
            }
            // Where a byte of the HTML is in the chapter file. The HTML's lines are not the
            // file's: the parser drops a later line's indent and a quote's `>`, and keeps an
            // HTML block's own indent while its column starts after it. So each line of the
            // HTML is found in the file's line (on the first line, not before the node), and
            // the column counted from there; where it is not found (a tab the parser turned
            // into spaces), from the node's column.
            let place = |at: usize| {
                let before = html.get(..at).unwrap_or("");
                let on = line + before.matches('\n').count();
                let line_at = before.rfind('\n').map_or(0, |nl| nl + 1);
                let shown = html.get(line_at..).unwrap_or("");
                let shown = shown.split('\n').next().unwrap_or("");
                let shown = shown.strip_suffix('\r').unwrap_or(shown);
                let file = lines
                    .get_or_init(|| crate::place::Lines::new(&ctx.source.body))
                    .text(on);
                let from = if line_at == 0 {
                    let indent = shown.len() - shown.trim_start().len();
                    byte_col.saturating_sub(1).saturating_sub(indent)
                } else {
                    0
                };
                let into = before.get(line_at..).map_or(0, |t| t.chars().count());
                let found = file
                    .get(from..)
                    .and_then(|rest| rest.find(shown))
                    .and_then(|i| file.get(..from + i));
                let col = match found {
                    Some(lead) => lead.chars().count() + into + 1,
                    None if line_at == 0 => col() + into,
                    None => into + 1,
                };
                (ctx.file_line(on), col)
            };
            for r in found.into_iter().filter(|r| r.kind != RefKind::Anchor) {
                let link = |url: &str, no_alt: bool, (line, col): (usize, usize)| LinkRef {
                    url: url.to_string(),
                    line,
                    col,
                    image: r.kind != RefKind::Link,
                    no_alt,
                    raw_html: true,
                };
                // Findings point at the attribute (a tag may span lines), and a `srcset`'s at
                // each candidate, as written (its value's character references undecoded).
                let written = html.get(r.attribute.clone()).unwrap_or("");
                if r.kind == RefKind::Srcset {
                    // Each candidate is a file the browser may pick: each is checked (a
                    // missing description is said once).
                    // The value as written, split as the decoded one is: its candidates
                    // are where the file has them.
                    let value = written_value_range(written);
                    let value_at = value.start;
                    let as_written = srcset_urls(written.get(value).unwrap_or(""));
                    let decoded = srcset_urls(&r.url);
                    for (k, span) in decoded.iter().enumerate() {
                        let url = r.url.get(span.clone()).unwrap_or("");
                        let at = match as_written.get(k) {
                            Some(w) if as_written.len() == decoded.len() => value_at + w.start,
                            _ => 0,
                        };
                        refs.push(link(url, r.no_alt && k == 0, place(r.attribute.start + at)));
                    }
                } else {
                    refs.push(link(&r.url, r.no_alt, place(r.attribute.start)));
                }
            }
            continue;
        }
        let mut data = node.data.borrow_mut();
        let NodeValue::Link(link) = &mut data.value else {
            continue;
        };
        refs.push(LinkRef {
            url: link.url.clone(),
            line: ctx.file_line(line),
            col: col(),
            image: false,
            no_alt: false,
            raw_html: false,
        });
        match classify(&link.url, ctx) {
            Target::Chapter { id, fragment } => {
                link.url = format!("{CHAPTER_SCHEME}{id}{fragment}");
            }
            Target::UnknownChapter(name) => {
                let (message, help) = unknown_chapter(ctx.course, &link.url, &name);
                findings.errors.push(
                    Diagnostic::error(&ctx.source.path, ctx.file_line(line), col(), message)
                        .with_help(help)
                        .of(crate::error::Kind::Link)
                        .in_lang(ctx.lang),
                );
            }
            Target::Unloaded | Target::Other => {}
        }
    }
}

/// What an attribute of raw HTML that docent reads is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefKind {
    /// The `href` of an `<a>`.
    Link,
    /// The `src` of an `<img>`.
    Image,
    /// An `id`, or the `name` of an `<a>` without one (an anchor of older HTML, common in
    /// READMEs: `<a name="install"></a>`), written again as `id="…"` so that every output
    /// and the checks know it as the chapter's anchor.
    Anchor,
    /// The `srcset` of an `<img>` or of a `<picture>`'s `<source>`: files the browser
    /// picks from by screen.
    Srcset,
    /// The `src` of a `<video>`, `<audio>`, `<source>` or `<track>`.
    Media,
    /// The `poster` of a `<video>`.
    Poster,
}

impl RefKind {
    /// The attribute the outputs read it from, written as `name="value"`.
    fn attribute(self) -> &'static str {
        match self {
            RefKind::Link => "href",
            RefKind::Image | RefKind::Media => "src",
            RefKind::Anchor => "id",
            RefKind::Srcset => "srcset",
            RefKind::Poster => "poster",
        }
    }
}

/// The byte range of each candidate URL of a `srcset` value (`a.png 1x, a@2x.png 2x`), as
/// the HTML standard splits it: a URL runs to the next blank, and a comma ends a candidate
/// only outside it (`data:` URLs hold commas).
pub(crate) fn srcset_urls(value: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < value.len() {
        let rest = value.get(at..).unwrap_or("");
        let skip = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',')
                .len();
        at += skip;
        let rest = value.get(at..).unwrap_or("");
        if rest.is_empty() {
            break;
        }
        let len = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let url = rest.get(..len).unwrap_or("");
        let kept = url.trim_end_matches(',');
        out.push(at..at + kept.len());
        at += len;
        if kept.len() == url.len() {
            // Descriptors (`2x`, `480w`) up to the comma that ends the candidate.
            let rest = value.get(at..).unwrap_or("");
            at += rest.find(',').map_or(rest.len(), |i| i + 1);
        }
    }
    out
}

/// A link, image or anchor in raw HTML.
struct HtmlRef {
    /// The link's URL, the anchor's name or the whole `srcset` value, character references
    /// decoded.
    url: String,
    kind: RefKind,
    /// An image a reader needs described (an `<img>`'s `src`, or its `srcset` when it has no
    /// `src`) whose tag has no alternative text.
    no_alt: bool,
    /// Where the attribute is written, name to value: written again as each output reads
    /// it (`href="…"`, a chapter link pointed at the chapter).
    attribute: std::ops::Range<usize>,
}

/// The links, images, media files and anchors of a piece of raw HTML (`<a href>`, `<img
/// src srcset>`, `<source src srcset>`, `<video src poster>`, `<audio src>`, `<track src>`,
/// ids), in order (quoted or bare values).
fn html_refs(html: &str) -> Vec<HtmlRef> {
    let mut out = Vec::new();
    // Commented out (`<!-- <img src="old.png"> -->`): not on the page.
    let mut comments = Vec::new();
    let mut from = 0;
    while let Some(start) = html
        .get(from..)
        .and_then(|t| t.find("<!--"))
        .map(|i| from + i)
    {
        let end = html
            .get(start + 4..)
            .and_then(|t| t.find("-->"))
            .map_or(html.len(), |i| start + 4 + i + 3);
        comments.push(start..end);
        from = end;
    }
    for (at, _) in html.match_indices('<') {
        if comments.iter().any(|c| c.contains(&at)) {
            continue;
        }
        let rest = html.get(at + 1..).unwrap_or("");
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_len == 0 {
            continue;
        }
        let name = rest.get(..name_len).unwrap_or("").to_ascii_lowercase();
        let attrs = attributes(rest.get(name_len..).unwrap_or(""));
        let attr = |key: &str| attrs.iter().find(|(k, _, _)| k == key);
        let base = at + 1 + name_len;
        let mut push = |kind, (_, url, span): &(String, String, std::ops::Range<usize>)| {
            out.push(HtmlRef {
                // As browsers read a URL: without the spaces around it.
                url: url
                    .trim_matches(|c: char| c.is_ascii_whitespace())
                    .to_string(),
                kind,
                no_alt: name == "img"
                    && attr("alt").is_none_or(|(_, a, _)| a.trim().is_empty())
                    && (kind == RefKind::Image
                        || (kind == RefKind::Srcset && attr("src").is_none())),
                attribute: base + span.start..base + span.end,
            });
        };
        let anchor = attr("id").or_else(|| attr("name").filter(|_| name == "a"));
        if let Some(a) = anchor.filter(|(_, v, _)| !v.is_empty()) {
            push(RefKind::Anchor, a);
        }
        let wanted: &[(&str, RefKind)] = match name.as_str() {
            "img" => &[("src", RefKind::Image), ("srcset", RefKind::Srcset)],
            "a" => &[("href", RefKind::Link)],
            "source" => &[("src", RefKind::Media), ("srcset", RefKind::Srcset)],
            "video" => &[("src", RefKind::Media), ("poster", RefKind::Poster)],
            "audio" | "track" => &[("src", RefKind::Media)],
            _ => &[],
        };
        for &(key, kind) in wanted {
            attr(key).into_iter().for_each(|a| push(kind, a));
        }
    }
    // Written again back to front: in the order of the attributes in each tag.
    out.sort_by_key(|r| r.attribute.start);
    out
}

/// The value of an attribute as written (`src = 'a.png'` → `a.png`), entities and all.
fn written_value(attribute: &str) -> String {
    attribute
        .get(written_value_range(attribute))
        .unwrap_or("")
        .to_string()
}

/// Where [`written_value`] is in `attribute`: after `=`, the spaces and the opening quote,
/// up to the closing quote.
fn written_value_range(attribute: &str) -> std::ops::Range<usize> {
    let Some(eq) = attribute.find('=') else {
        return attribute.len()..attribute.len();
    };
    let after = attribute.get(eq + 1..).unwrap_or("");
    let value = after.trim();
    let start = eq + 1 + (after.len() - after.trim_start().len());
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let inner = value.get(1..).unwrap_or("");
            start + 1..start + 1 + inner.strip_suffix(q).unwrap_or(inner).len()
        }
        _ => start..start + value.len(),
    }
}

/// The attributes of a tag, from after its name up to its `>`: (lowercased name, value,
/// the byte range of the whole attribute in `tag`, name to closing quote).
fn attributes(tag: &str) -> Vec<(String, String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            break;
        }
        let name_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len());
        let name = rest.get(..name_len).unwrap_or("").to_ascii_lowercase();
        let start = tag.len() - rest.len();
        rest = rest.get(name_len..).unwrap_or("").trim_start();
        let mut value = String::new();
        let mut span = start..start + name_len;
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = after.get(1..).unwrap_or("");
                    match inner.find(q) {
                        Some(end) => (
                            inner.get(..end).unwrap_or(""),
                            inner.get(end + 1..).unwrap_or(""),
                        ),
                        None => (inner, ""),
                    }
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (
                        after.get(..end).unwrap_or(""),
                        after.get(end..).unwrap_or(""),
                    )
                }
            };
            // What is left of `tag` places the attribute's end in it.
            span = start..tag.len() - tail.len();
            value = super::decode_references(v).into_owned();
            rest = tail;
        }
        if name.is_empty() {
            break;
        }
        out.push((name, value, span));
    }
    out
}

/// Where a link written in a chapter points, as far as docent is concerned.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A chapter of the course (its folder, `index.html` or a `.md` file in it).
    Chapter {
        /// The chapter's folder name.
        id: String,
        /// What followed the path, `#anchor` or `?query`, as written; may be empty.
        fragment: String,
    },
    /// Looks like a chapter folder (`NN-name`) that does not exist.
    UnknownChapter(String),
    /// A chapter whose file did not load ([`Course::unloaded`]): its own error says why, so
    /// a link to it is not judged.
    Unloaded,
    /// Anything else (another site, an anchor on the page, a file), left as it is.
    Other,
}

/// Where a relative URL written in chapter `ctx.chapter` points.
pub fn classify(url: &str, ctx: &Context<'_>) -> Target {
    classify_for(ctx.course, &ctx.chapter.id, url)
}

/// [`classify`] for chapter `own_id` of `course`. A chapter that did not load is still a
/// folder of the course: a link under it is judged (`../02-b/01-zz/`), and one to it is
/// [`Target::Unloaded`]. A file beside the page named like a chapter folder (`01-logo`) is a
/// file.
pub fn classify_for(course: &Course, own_id: &str, url: &str) -> Target {
    match classify_in(url, own_id, |id| course.has_chapter_folder(id)) {
        Target::Chapter { id, .. } if course.chapter(&id).is_none() => Target::Unloaded,
        Target::UnknownChapter(id) if course.unloaded.contains(&id) => Target::Unloaded,
        Target::UnknownChapter(_)
            if course.chapter(own_id).is_some_and(|own| {
                local_file(url).is_some_and(|file| own.dir.join(file).is_file())
            }) =>
        {
            Target::Other
        }
        target => target,
    }
}

/// The path of a relative link to a file, without its query or fragment, percent-decoded.
pub(crate) fn local_file(url: &str) -> Option<String> {
    if url.is_empty() || url.starts_with('/') || url.starts_with('#') || url.contains(':') {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or(url);
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    (!decoded.is_empty()).then(|| decoded.into_owned())
}

/// The error for a link to `url`, which names the chapter folder `name` that publishes no
/// page: its message and help.
pub fn unknown_chapter(course: &Course, url: &str, name: &str) -> (String, &'static str) {
    // The folder is there but publishes nothing: its files are drafts, or none is a
    // language of the course.
    if course.root.join(name).is_dir() {
        (
            format!(
                "link to `{url}`: chapter `{name}` is not published (a draft, or no language file of this course)"
            ),
            "publish it (remove `draft = true`), or remove the link until it is",
        )
    } else {
        (
            format!("link to `{url}`: there is no chapter `{name}`"),
            "link to a chapter by its folder, e.g. ../02-first-multi-stage-build/",
        )
    }
}

/// [`classify`] without a [`Context`]: `url` is written in chapter `own_id`, and `exists`
/// says whether a chapter id is one of the course.
pub fn classify_in(url: &str, own_id: &str, exists: impl Fn(&str) -> bool) -> Target {
    if url.is_empty() || url.starts_with('#') || url.starts_with('/') || has_scheme(url) {
        return Target::Other;
    }
    // A query means nothing to a chapter's static page (`en.md?plain=1` is GitHub's source
    // view): only the fragment is kept.
    let (path, fragment) = match url.find(['#', '?']) {
        Some(i) => (
            url.get(..i).unwrap_or(url),
            url.find('#').and_then(|h| url.get(h..)).unwrap_or(""),
        ),
        None => (url, ""),
    };
    // As the browser reads it: `%30%32-b` is the folder `02-b`.
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8();
    let path: &str = decoded.as_deref().unwrap_or(path);
    let mut parts: Vec<&str> = own_id.split('/').collect();
    for comp in path.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Target::Other;
                }
            }
            c => parts.push(c),
        }
    }
    let is_page = |rest: &[&str]| match rest {
        [] => true,
        [file] => is_language_file(file) || *file == "index.html",
        _ => false,
    };
    // The longest run of folders that is a chapter, then at most a page file.
    for k in (1..=parts.len()).rev() {
        let (Some(folders), Some(rest)) = (parts.get(..k), parts.get(k..)) else {
            continue;
        };
        if !is_page(rest) {
            continue;
        }
        let id = folders.join("/");
        // `./#part` stays on the page; `../01-this/#part` names the chapter's folder, which
        // is not where its page is published.
        if id == own_id && rest.is_empty() && !path.split('/').any(|c| c == "..") {
            return Target::Other;
        }
        if exists(&id) {
            return Target::Chapter {
                id,
                fragment: fragment.to_string(),
            };
        }
        // A missing chapter: a numbered folder at the top or under a chapter, written as a
        // folder (not `01-diagram.png`, a file beside the page).
        let under_chapter = k == 1 || exists(&folders[..k - 1].join("/"));
        let as_folder = path.ends_with('/') || !rest.is_empty();
        if under_chapter
            && folders.last().is_some_and(|f| {
                crate::outline::chapter_number(f).is_some() && (as_folder || !f.contains('.'))
            })
        {
            return Target::UnknownChapter(id);
        }
    }
    Target::Other
}

/// Whether `file` is named like a chapter's language file (`en.md`, `pt-BR.md`,
/// `zh-Hans.md`): a link to it means the chapter; any other `.md` is a file of its own.
fn is_language_file(file: &str) -> bool {
    file.strip_suffix(".md")
        .is_some_and(crate::languages::looks_like_tag)
}

fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(i) => url.get(..i).is_some_and(|s| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !s.contains('/')
        }),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(url: &str) -> Target {
        classify_in(url, "01-why", |id| ["01-why", "02-first"].contains(&id))
    }

    #[test]
    fn chapter_links() {
        let ch = |id: &str, f: &str| Target::Chapter {
            id: id.into(),
            fragment: f.into(),
        };
        assert_eq!(classify("../02-first/"), ch("02-first", ""));
        assert_eq!(classify("../02-first"), ch("02-first", ""));
        assert_eq!(classify("../02-first/#stages"), ch("02-first", "#stages"));
        assert_eq!(classify("../02-first/pt-BR.md"), ch("02-first", ""));
        assert_eq!(
            classify("../03-missing/"),
            Target::UnknownChapter("03-missing".into())
        );
        assert_eq!(classify("Dockerfile"), Target::Other);
        assert_eq!(classify("#x"), Target::Other);
        assert_eq!(classify("https://docs.docker.com/"), Target::Other);
        assert_eq!(classify("mailto:a@b"), Target::Other);
        assert_eq!(classify("../../README.md"), Target::Other);
        assert_eq!(classify("img/01-diagram.png"), Target::Other);
        assert_eq!(classify("01-diagram.png"), Target::Other);
        assert_eq!(classify("nothere.md"), Target::Other, "not a language file");
        assert_eq!(classify("../02-first/notes.md"), Target::Other);
        assert_eq!(classify("../02-first/zh-Hans.md"), ch("02-first", ""));
        // A query is dropped, the fragment kept.
        assert_eq!(classify("../02-first/?x=1#setup"), ch("02-first", "#setup"));
        assert_eq!(classify("../02-first/en.md?plain=1"), ch("02-first", ""));
        assert_eq!(classify("../02-first?x=1"), ch("02-first", ""));
        // The chapter's own folder by name is its page; `./` and `#` stay as written.
        assert_eq!(classify("../01-why/#details"), ch("01-why", "#details"));
        assert_eq!(classify("../01-why/"), ch("01-why", ""));
        assert_eq!(classify("./#details"), Target::Other);
        assert_eq!(classify("./"), Target::Other);
        assert_eq!(classify("../%30%32-first/"), ch("02-first", ""));
    }

    #[test]
    fn links_and_images_in_raw_html() {
        let refs = html_refs(
            "<p align=\"center\"><IMG SRC='design/logo.png' alt=\"logo\"></p>\n<a class=x href=missing.html>raw</a> <img src=\"nope.png\" alt=\"\"/> <abbr title=\"a\">A</abbr> <a name=\"top\"> <!-- <img src=\"old.png\"> --> <div id='x' name=y> <a id=z name=w href=\"&#35;x\">",
        );
        let got: Vec<(&str, RefKind, bool)> = refs
            .iter()
            .map(|r| (r.url.as_str(), r.kind, r.no_alt))
            .collect();
        assert_eq!(
            got,
            [
                ("design/logo.png", RefKind::Image, false),
                ("missing.html", RefKind::Link, false),
                ("nope.png", RefKind::Image, true),
                ("top", RefKind::Anchor, false),
                ("x", RefKind::Anchor, false),
                ("z", RefKind::Anchor, false),
                ("#x", RefKind::Link, false),
            ]
        );
    }

    #[test]
    fn srcset_candidates_split_as_browsers_split_them() {
        let urls = |v: &str| -> Vec<String> {
            srcset_urls(v)
                .into_iter()
                .map(|r| v.get(r).unwrap_or("?").to_string())
                .collect()
        };
        assert_eq!(urls("a.png 1x, b@2x.png 2x"), ["a.png", "b@2x.png"]);
        assert_eq!(urls(" x.png 480w , y.png 800w,"), ["x.png", "y.png"]);
        assert_eq!(urls("a.png,b.png 2x"), ["a.png,b.png"]);
        assert_eq!(urls("a.png, b.png"), ["a.png", "b.png"]);
        assert_eq!(
            urls("data:image/png;base64,iVB= 1x, c.png 2x"),
            ["data:image/png;base64,iVB=", "c.png"]
        );
        assert_eq!(urls("  , "), Vec::<String>::new());
        assert_eq!(urls("só.png"), ["só.png"]);
    }

    #[test]
    fn an_image_given_only_by_srcset_still_needs_a_description() {
        let no_alt =
            |html: &str| -> Vec<bool> { html_refs(html).iter().map(|r| r.no_alt).collect() };
        assert_eq!(no_alt("<img srcset=\"a.png 1x, b.png 2x\">"), [true]);
        assert_eq!(no_alt("<img srcset=\"a.png 1x\" alt=\"A\">"), [false]);
        assert_eq!(
            no_alt("<img src=\"a.png\" srcset=\"b.png 2x\">"),
            [true, false]
        );
        assert_eq!(
            no_alt("<picture><source srcset=\"a.png\"></picture>"),
            [false]
        );
    }

    #[test]
    fn picture_sources_videos_and_posters_in_raw_html() {
        let refs = html_refs(
            "<picture><source srcset='w.png 2x' media=\"(min-width: 60em)\"><img src=a.png srcset=\"a2.png 2x\" alt=A></picture>\n<video src=\"v.mp4\" poster=p.jpg><track src=\"c.vtt\"></video><audio src=s.ogg></audio>",
        );
        let got: Vec<(&str, RefKind)> = refs.iter().map(|r| (r.url.as_str(), r.kind)).collect();
        assert_eq!(
            got,
            [
                ("w.png 2x", RefKind::Srcset),
                ("a.png", RefKind::Image),
                ("a2.png 2x", RefKind::Srcset),
                ("v.mp4", RefKind::Media),
                ("p.jpg", RefKind::Poster),
                ("c.vtt", RefKind::Media),
                ("s.ogg", RefKind::Media),
            ]
        );
    }

    #[test]
    fn links_between_nested_chapters() {
        let ids = ["01-a", "03-b", "03-b/01-x", "03-b/02-y", "03-b/02-y/01-z"];
        let from = |own: &str, url: &str| classify_in(url, own, |id| ids.contains(&id));
        let ch = |id: &str, f: &str| Target::Chapter {
            id: id.into(),
            fragment: f.into(),
        };
        assert_eq!(from("03-b/01-x", "../02-y/"), ch("03-b/02-y", ""));
        assert_eq!(from("03-b/01-x", "../../01-a/#top"), ch("01-a", "#top"));
        assert_eq!(from("03-b", "01-x/"), ch("03-b/01-x", ""));
        assert_eq!(from("03-b", "02-y/01-z/en.md"), ch("03-b/02-y/01-z", ""));
        assert_eq!(from("03-b/02-y/01-z", "../../"), ch("03-b", ""));
        assert_eq!(from("01-a", "../03-b/01-x/"), ch("03-b/01-x", ""));
        assert_eq!(
            from("03-b/01-x", "../09-gone/"),
            Target::UnknownChapter("03-b/09-gone".into())
        );
        assert_eq!(from("03-b/01-x", "pic.png"), Target::Other);
    }
}
