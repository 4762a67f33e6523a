//! One chapter's Markdown → [`Rendered`]: one comrak parse, small passes in a visible order.

pub mod alerts;
pub mod annotate;
pub mod blocks;
pub mod body;
pub mod chart;
pub mod codeblock;
pub mod compare;
pub mod dockerview;
pub mod headings;
pub mod highlight;
pub mod info;
pub mod links;
pub mod quiz;
pub mod sections;
mod tables;

use crate::course::{Chapter, Course, Source};
use crate::error::{Diagnostic, Error, Result};
pub use body::Body;
use comrak::nodes::AstNode;
use comrak::{Arena, Options};

pub use headings::Heading;

/// Marks a UI string in rendered chapter HTML. A chapter is rendered once but shown on pages
/// of several languages (fallback pages, print), so its interface strings (copy buttons,
/// alert titles, anchor labels) are filled in per page (see [`Body`]).
pub const UI_MARK: char = '\u{F8FF}';

/// The placeholder for the UI string `key`.
pub fn ui(key: &str) -> String {
    format!("{UI_MARK}{key}{UI_MARK}")
}

/// What a pass needs to know about the chapter it works on.
pub struct Context<'a> {
    /// The whole course, for resolving links to other chapters.
    pub course: &'a Course,
    /// The chapter the file belongs to: relative links start from it, `src=` files are
    /// read from its folder.
    pub chapter: &'a Chapter,
    /// The file being rendered: its body, and its path and body line for diagnostics.
    pub source: &'a Source,
    /// The language the source is written in (also the language of its alert titles).
    pub lang: &'a str,
}

impl Context<'_> {
    /// The file line of a body line (1-based), for diagnostics.
    pub fn file_line(&self, body_line: usize) -> usize {
        self.source.body_line + body_line.saturating_sub(1)
    }
}

/// A chapter rendered once, reused by its page, the print page and any language that falls
/// back to it: its [`Body`] says where each output differs.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The chapter's HTML, with the places that differ per page marked.
    pub body: Body,
    /// Hash of the body, so pages can tell cheaply whether what they show changed.
    pub html_hash: [u8; 32],
    /// Every heading (h2–h6), in order, for the table of contents and cross-language pairing.
    pub headings: Vec<Heading>,
    /// Hash of the heading ids: the pages of the chapter's translations link to them.
    pub headings_hash: [u8; 32],
    /// What the passes found that does not stop the chapter from rendering.
    pub warnings: Vec<Diagnostic>,
    /// The chapter's text by section, code included, for the search index.
    pub sections: Vec<sections::Section>,
    /// Every link and image as written, for `check`.
    pub links: Vec<links::LinkRef>,
    /// Every code block (not charts or quizzes): language, hash of the code, file line,
    /// number of annotations; translations must show the same.
    pub blocks: Vec<BlockRef>,
}

impl Rendered {
    /// What stays of a chapter once its pages are written (a one-shot build): everything but
    /// the body's text, whose ids are kept for checking links.
    pub fn written(mut self) -> Rendered {
        self.body = self.body.ids_only();
        self
    }
}

/// A code block reduced to what its translations must keep: the lists of a chapter's source
/// and of a translation are compared to find translations that drifted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BlockRef {
    /// The fence's language (`dockerfile`), empty when it names none.
    pub lang: String,
    /// Hash of the code, so a translation with different code is noticed.
    pub code: [u8; 32],
    /// 1-based file line of the opening fence, to point at the block.
    pub line: usize,
    /// How many annotation markers the block carries.
    pub annotations: usize,
}

/// Collects what the passes found; errors fail the chapter, warnings are kept.
#[derive(Default)]
pub struct Findings {
    /// Problems that stop the chapter from rendering.
    pub errors: Vec<Diagnostic>,
    /// Problems reported while the chapter still renders.
    pub warnings: Vec<Diagnostic>,
    /// Every code block seen, in order; becomes [`Rendered::blocks`].
    pub blocks: Vec<BlockRef>,
}

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.tasklist = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.footnotes = true;
    o.extension.alerts = true;
    o.render.r#unsafe = true;
    o.render.tasklist_classes = true;
    o
}

/// Block quotes nested deeper than this are refused: comrak's time grows with the square of
/// the depth (a 200 KB line of `>` takes minutes), and no chapter needs more.
const MAX_QUOTE_DEPTH: usize = 32;

/// The first line whose block quotes nest too deep, as a located error. The quotes are
/// counted through the list markers and footnote labels between them (`- > > >`,
/// `1. > - >`, `[^a]: >>>`): comrak nests a quote inside those as deep as one at the start
/// of the line. Counted wherever the line stands, in code too: whether a line is code
/// depends on what comes before it in ways a quick scan gets wrong, and a line of more
/// than 32 `>` in a code block is rare, where a bypass costs minutes.
fn quote_depth(ctx: &Context<'_>) -> Option<Diagnostic> {
    for (i, line) in crate::place::lines(&ctx.source.body).enumerate() {
        if let Some(col) = quote_past_limit(line.as_bytes()) {
            return Some(
                Diagnostic::error(
                    &ctx.source.path,
                    ctx.file_line(i + 1),
                    col,
                    format!("block quotes nested more than {MAX_QUOTE_DEPTH} deep"),
                )
                .with_help("use fewer `>` at the start of the line (in a code block too: write the line another way)"),
            );
        }
    }
    None
}

/// The column of the quote past [`MAX_QUOTE_DEPTH`] among the block quote and list markers
/// (and footnote labels) a line starts with, if there is one. Every byte before it is ASCII,
/// so its byte is its column.
fn quote_past_limit(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0;
    let mut col = 0;
    loop {
        col += bytes[col..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        let &c = bytes.get(col)?;
        // A list marker: `-`, `*` or `+`, or up to nine digits and `.` or `)`, then a space,
        // a tab or the end of the line; a footnote label `[^…]:`.
        let digits = bytes[col..]
            .iter()
            .take(10)
            .take_while(|c| c.is_ascii_digit())
            .count();
        let marker = match c {
            b'-' | b'*' | b'+' => 1,
            _ if (1..=9).contains(&digits)
                && matches!(bytes.get(col + digits), Some(b'.' | b')')) =>
            {
                digits + 1
            }
            b'[' if bytes.get(col + 1) == Some(&b'^') => bytes[col..]
                .windows(2)
                .position(|w| w == b"]:")
                .map_or(0, |end| end + 2),
            _ => 0,
        };
        let label = c == b'[' && marker > 0;
        if marker > 0 && (label || matches!(bytes.get(col + marker), None | Some(b' ' | b'\t'))) {
            col += marker;
            continue;
        }
        if c != b'>' {
            return None;
        }
        depth += 1;
        col += 1;
        if depth > MAX_QUOTE_DEPTH {
            return Some(col);
        }
    }
}

/// Renders one chapter file.
pub fn render(ctx: &Context<'_>) -> Result<Rendered> {
    if let Some(d) = quote_depth(ctx) {
        return Err(d.into());
    }
    let arena = Arena::new();
    let options = options();
    let root: &AstNode<'_> = comrak::parse_document(&arena, &ctx.source.body, &options);
    let mut findings = Findings::default();

    let headings = headings::assign_ids(root);
    alerts::localize_titles(root, ctx, &mut findings);
    let mut link_refs = Vec::new();
    links::rewrite(root, ctx, &mut findings, &mut link_refs);
    tables::check_rows(root, ctx, &mut findings);
    blocks::render_code_blocks(&arena, root, ctx, &headings, &mut findings);
    crate::code_spans::keep_whole(&arena, root);

    if !findings.errors.is_empty() {
        // The chapter's own warnings go with its errors, so fixing them brings no surprise
        // from this file (the course-wide checks of its links wait until it renders).
        let mut all = findings.errors;
        all.append(&mut findings.warnings);
        return Err(Error::Input(all));
    }
    let adapter = headings::Adapter::new(&headings, ui("heading-anchor"));
    let mut plugins = comrak::options::Plugins::default();
    plugins.render.heading_adapter = Some(&adapter);
    let mut html = String::with_capacity(ctx.source.body.len() * 2);
    comrak::format_html_with_plugins(root, &options, &mut html, &plugins).map_err(|_| {
        Error::from(Diagnostic::error(
            &ctx.source.path,
            0,
            0,
            "could not render this chapter's HTML",
        ))
    })?;
    let html = accessible(html);
    let headings = headings
        .into_iter()
        .map(|h| Heading {
            line: ctx.file_line(h.line),
            ..h
        })
        .collect::<Vec<Heading>>();
    let mut headings_hash = blake3::Hasher::new();
    for h in &headings {
        headings_hash.update(h.id.as_bytes());
        headings_hash.update(b"\0");
    }
    Ok(Rendered {
        headings_hash: *headings_hash.finalize().as_bytes(),
        links: link_refs,
        blocks: findings.blocks,
        sections: sections::sections_of(&html),
        html_hash: *blake3::hash(html.as_bytes()).as_bytes(),
        body: Body::parse(html),
        headings,
        warnings: findings.warnings,
    })
}

/// What comrak's HTML lacks for assistive technology: task-list checkboxes get a name, and
/// tables (which scroll sideways on a phone) sit in a focusable, labelled region.
fn accessible(html: String) -> String {
    // Most chapters have nothing to change: they keep their text, not a copy of it.
    let has = |needle: &str| memchr::memmem::find(html.as_bytes(), needle.as_bytes()).is_some();
    if !has("<input") && !has("<table") && !has("aria-label=\"Back to reference ") {
        return html;
    }
    const DONE: &str =
        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" checked=\"\" disabled=\"\" />";
    const OPEN: &str =
        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"\" />";
    let with_label = |tag: &str, key: &str| {
        format!(
            "{} aria-label=\"{}\" />",
            tag.trim_end_matches(" />"),
            ui(key)
        )
    };
    let replacements = [
        (DONE, with_label(DONE, "task-done")),
        (OPEN, with_label(OPEN, "task-open")),
        (
            "<table>",
            format!(
                "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table>",
                ui("table-label")
            ),
        ),
    ];
    // One pass over the chapter, looking only at tags that can match. Only comrak's own
    // tables (a bare `<table>`) are wrapped; docent's (a chart's data) have attributes.
    let mut out = String::with_capacity(html.len() + 512);
    let mut done = 0;
    let mut open_tables: Vec<bool> = Vec::new();
    for at in memchr::memchr_iter(b'<', html.as_bytes()) {
        let Some(rest) = html.get(at..) else { continue };
        if at < done
            || !(rest.starts_with("<in") || rest.starts_with("<ta") || rest.starts_with("</ta"))
        {
            continue;
        }
        if rest.starts_with("</table>") {
            if open_tables.pop() == Some(true) {
                out.push_str(html.get(done..at).unwrap_or(""));
                out.push_str("</table></div>");
                done = at + "</table>".len();
            }
            continue;
        }
        if rest.starts_with("<table") {
            open_tables.push(rest.starts_with("<table>"));
        }
        if let Some((from, to)) = replacements.iter().find(|(from, _)| rest.starts_with(from)) {
            out.push_str(html.get(done..at).unwrap_or(""));
            out.push_str(to);
            done = at + from.len();
        }
    }
    out.push_str(html.get(done..).unwrap_or(""));
    // comrak names a footnote's way back in English.
    if out.contains("aria-label=\"Back to reference ") {
        out = out.replace(
            "aria-label=\"Back to reference ",
            &format!("aria-label=\"{} ", ui("footnote-back")),
        );
    }
    comparison_tables(out)
}

/// A table whose top-left header cell is empty compares things row by row (`| | A | B |`):
/// its first column names the rows, so those cells become row headers and the empty corner
/// an ordinary cell — otherwise a screen reader reads each value with no row name.
fn comparison_tables(html: String) -> String {
    const CORNER: &str = "<table>\n<thead>\n<tr>\n<th></th>\n";
    if !html.contains(CORNER) {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html.as_str();
    while let Some(at) = rest.find(CORNER) {
        out.push_str(rest.get(..at).unwrap_or(""));
        let table = rest.get(at..).unwrap_or("");
        let end = table
            .find("</table>")
            .map_or(table.len(), |e| e + "</table>".len());
        let body = table.get(CORNER.len()..end).unwrap_or("");
        out.push_str("<table>\n<thead>\n<tr>\n<td></td>\n");
        let mut cells = body;
        while let Some(i) = cells.find("<tr>\n<td") {
            out.push_str(cells.get(..i).unwrap_or(""));
            let row = cells.get(i + "<tr>\n<td".len()..).unwrap_or("");
            let Some(close) = row.find("</td>") else {
                cells = row;
                break;
            };
            out.push_str("<tr>\n<th scope=\"row\"");
            out.push_str(row.get(..close).unwrap_or(""));
            out.push_str("</th>");
            cells = row.get(close + "</td>".len()..).unwrap_or("");
        }
        out.push_str(cells);
        rest = table.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The character an HTML character reference names, given what is between `&` and `;`:
/// numeric ones (`#46`, `#x2F`) and the named ones an author writes by hand. Raw HTML in a
/// chapter may spell a link or a word this way (`&#46;&#46;/02-b/`), and a browser reads it
/// as the character.
pub(crate) fn char_reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "period" => '.',
        "sol" => '/',
        "colon" => ':',
        "num" => '#',
        "percnt" => '%',
        "quest" => '?',
        "equals" => '=',
        "lowbar" => '_',
        "hyphen" | "dash" => '-',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "times" => '×',
        "rarr" => '→',
        "larr" => '←',
        _ => return None,
    })
}

/// `text` with its character references decoded (see [`char_reference`]); one that is not
/// known is left as written.
pub(crate) fn decode_references(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        let tail = rest.get(at + 1..).unwrap_or("");
        match tail
            .find(';')
            .filter(|&end| end <= 32)
            .and_then(|end| Some((end, char_reference(tail.get(..end)?)?)))
        {
            Some((end, c)) => {
                out.push(c);
                rest = tail.get(end + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The text of a node and its descendants (code spans included), for ids and TOC entries.
pub fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    use comrak::nodes::NodeValue;
    let mut out = String::new();
    for d in node.descendants() {
        match &d.data.borrow().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    out
}
