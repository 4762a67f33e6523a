//! The code-block pass: every fence becomes finished HTML (a `Raw` node), in one place that
//! knows the teaching blocks: annotations, Dockerfile insight, comparisons, charts, quizzes.

use super::codeblock::{self, Block};
use super::highlight::{self, Language};
use super::info::{Info, parse_line_ranges};
use super::{Context, Findings, annotate, chart, compare, dockerview, quiz, ui};
use crate::dockerfile;
use crate::error::Diagnostic;
use comrak::Arena;
use comrak::nodes::{AstNode, NodeValue};
use std::path::{Component, Path};

/// Attributes a code block may carry; anything else gets a warning.
pub const KNOWN: &[&str] = &[
    "title",
    "hl_lines",
    "linenums",
    "src",
    "annotate",
    "compare",
    "nomap",
    "unit",
    "hidelines",
];

/// mdBook's attributes (for its Rust playground and test runner), accepted so a book written
/// for mdBook builds without noise; they change nothing here but `hidelines`.
const MDBOOK: &[&str] = &[
    "ignore",
    "noplayground",
    "noplaypen",
    "should_panic",
    "no_run",
    "compile_fail",
    "editable",
    "mdbook-runnable",
    "test_harness",
    "allow_fail",
];

/// Whether `key` is an mdBook attribute (`edition2015`…`edition2024` included).
fn is_mdbook_attribute(key: &str) -> bool {
    MDBOOK.contains(&key)
        || key
            .strip_prefix("edition")
            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// A fence as the passes see it.
pub struct Fence<'a> {
    /// The code block's node, replaced by the finished HTML.
    pub node: &'a AstNode<'a>,
    /// The parsed info string: language and attributes.
    pub info: Info,
    /// The code: the fence's body, or the `src=` file's text.
    pub code: String,
    /// File line of the opening fence.
    pub line: usize,
    /// 1-based column of the opening fence.
    pub col: usize,
    /// The `src=` file, when the code comes from one (its own path for diagnostics).
    pub src: Option<std::path::PathBuf>,
}

/// Replaces every code block of the chapter by its finished HTML, numbering them
/// `code-1`, `code-2`… in order; `headings` let a quiz be labelled by the heading right
/// above it.
pub fn render_code_blocks<'a>(
    arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    ctx: &Context<'_>,
    headings: &[super::headings::Heading],
    findings: &mut Findings,
) {
    let nodes: Vec<&AstNode<'_>> = root
        .descendants()
        .filter(|n| matches!(n.data.borrow().value, NodeValue::CodeBlock(_)))
        .collect();
    let mut counter = 0;
    let mut i = 0;
    while let Some(&node) = nodes.get(i) {
        i += 1;
        let Some(fence) = read_fence(node, ctx, findings) else {
            continue;
        };
        counter += 1;
        let id = format!("code-{counter}");
        let html = match fence.info.lang.as_str() {
            "chart" => render_chart(&fence, &id, ctx, findings),
            "quiz" => render_quiz(&fence, &id, heading_above(node, headings), ctx, findings),
            _ if fence.info.has("compare") => {
                let partner = nodes
                    .get(i)
                    .copied()
                    .filter(|n| node.next_sibling().is_some_and(|s| s.same_node(n)));
                let partner = partner.and_then(|n| read_fence(n, ctx, findings));
                match partner.filter(|p| p.info.has("compare")) {
                    Some(right) => {
                        i += 1;
                        counter += 1;
                        let html = render_compare(
                            arena,
                            &fence,
                            &right,
                            &id,
                            &format!("code-{counter}"),
                            ctx,
                            findings,
                        );
                        right.node.detach();
                        html
                    }
                    None => {
                        findings.errors.push(
                            Diagnostic::error(&ctx.source.path, fence.line, fence.col, "a `compare` block needs a second `compare` block right after it")
                                .with_help("put the two versions in consecutive code blocks, both marked `compare`"),
                        );
                        None
                    }
                }
            }
            _ => render_code(arena, &fence, &id, ctx, findings),
        };
        if let Some(html) = html {
            node.data.borrow_mut().value = NodeValue::Raw(html);
        }
    }
}

/// Parses the info string and loads `src=`; `None` (with an error recorded) when it cannot.
fn read_fence<'a>(
    node: &'a AstNode<'a>,
    ctx: &Context<'_>,
    findings: &mut Findings,
) -> Option<Fence<'a>> {
    let data = node.data.borrow();
    let NodeValue::CodeBlock(block) = &data.value else {
        return None;
    };
    let line = ctx.file_line(data.sourcepos.start.line);
    let col = data.sourcepos.start.column;
    let path = &ctx.source.path;
    let info = match Info::parse(&block.info) {
        Ok(i) => i,
        Err(message) => {
            findings
                .errors
                .push(Diagnostic::error(path, line, col, message));
            return None;
        }
    };
    for key in &info.order {
        if !KNOWN.contains(&key.as_str()) && !is_mdbook_attribute(&key.to_ascii_lowercase()) {
            let mut help = format!("known attributes: {}", KNOWN.join(", "));
            if let Some(meant) = crate::error::did_you_mean(key, KNOWN.iter().copied()) {
                help = format!("did you mean `{meant}`? {help}");
            }
            findings.warnings.push(
                Diagnostic::warning(
                    path,
                    line,
                    col,
                    format!("unknown code block attribute `{key}`; ignored"),
                )
                .with_help(help),
            );
        }
    }
    let mut code = block.literal.clone();
    let mut src_path = None;
    if let Some(src) = info.get("src") {
        match read_src(ctx, src) {
            Ok((text, full)) => {
                if !code.trim().is_empty() {
                    findings.warnings.push(Diagnostic::warning(
                        path,
                        line,
                        col,
                        format!(
                            "code block has both src=\"{src}\" and a body; the body is ignored"
                        ),
                    ));
                }
                code = text;
                src_path = Some(full);
            }
            Err(message) => {
                findings
                    .errors
                    .push(Diagnostic::error(path, line, col, message).with_help(
                        "src= names a file in the chapter's folder, e.g. src=\"Dockerfile\"",
                    ));
                return None;
            }
        }
    }
    if let Some(hidden) = hidden_line_prefix(&info) {
        code = without_hidden_lines(&code, hidden);
    }
    Some(Fence {
        node,
        info,
        code,
        line,
        col,
        src: src_path,
    })
}

/// How lines are hidden from readers (mdBook's conventions): `hidelines=PREFIX` hides every
/// line starting with PREFIX; Rust blocks hide `# ` lines by default.
enum Hidden<'i> {
    Rust,
    Prefix(&'i str),
}

fn hidden_line_prefix(info: &Info) -> Option<Hidden<'_>> {
    match info.get("hidelines") {
        Some(prefix) if !prefix.is_empty() => Some(Hidden::Prefix(prefix)),
        _ if highlight::resolve(&info.lang) == Language::Syntax("Rust") => Some(Hidden::Rust),
        _ => None,
    }
}

/// `code` without its hidden lines: Rust's rule hides a line that is `#` or starts with
/// `# ` after its indentation (`#[derive]` and `#!` stay) and shows `##` as a literal `#`;
/// a prefix hides every line starting with it after the indentation.
fn without_hidden_lines(code: &str, hidden: Hidden<'_>) -> String {
    let mut out = String::with_capacity(code.len());
    for line in code.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        let indent = &body[..body.len() - trimmed.len()];
        let hide = match hidden {
            Hidden::Rust => trimmed == "#" || trimmed.starts_with("# "),
            Hidden::Prefix(prefix) => trimmed.starts_with(prefix),
        };
        if hide {
            continue;
        }
        match trimmed.strip_prefix("##") {
            Some(rest) if matches!(hidden, Hidden::Rust) => {
                out.push_str(indent);
                out.push('#');
                out.push_str(rest);
                out.push_str(&line[body.len()..]);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// What to write instead of an unknown language: a close known name, or the usual ones.
fn unknown_language_help(lang: &str) -> String {
    let usual = "use a language such as dockerfile, bash, console, yaml, json, toml, go, rust, \
                 python, javascript, or text for none";
    match crate::error::did_you_mean(lang, highlight::known_names()) {
        Some(meant) => format!("did you mean `{meant}`? {usual}"),
        None => usual.to_string(),
    }
}

/// Reads a `src=` file of the chapter folder, refusing paths that leave it, by name or
/// through a symlink anywhere on the way.
fn read_src(ctx: &Context<'_>, src: &str) -> Result<(String, std::path::PathBuf), String> {
    let rel = Path::new(src);
    if src.trim().is_empty() {
        return Err("src=\"\" names no file".to_string());
    }
    if rel.is_absolute() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(format!(
            "src=\"{src}\" must be a path inside the chapter folder"
        ));
    }
    let full = ctx.chapter.dir.join(rel);
    match crate::fsx::inside(&ctx.course.project, &full) {
        Ok(_) => {}
        Err(crate::fsx::Escape::Outside(real)) => {
            return Err(format!(
                "src file `{src}` leads outside the project (to {}); docent does not read it",
                real.display()
            ));
        }
        Err(crate::fsx::Escape::Dangling) => {
            return Err(format!(
                "src file `{src}` is a symbolic link to something that does not exist"
            ));
        }
    }
    if !full.exists() {
        return Err(format!(
            "src file `{src}` not found in {}",
            ctx.chapter.dir.display()
        ));
    }
    match crate::fsx::read_to_string(&full) {
        // Its lines as the chapter's: a lone carriage return (an old Mac line end) ends one.
        Ok(text) => Ok((crate::place::lone_cr_as_newline_owned(text), full)),
        Err(e) => Err(e
            .diagnostics()
            .into_iter()
            .map(|d| match d.line {
                0 => format!("src file `{src}` {}", d.message),
                l => format!(
                    "src file `{src}`, line {l}, column {}: {}",
                    d.col, d.message
                ),
            })
            .collect::<Vec<_>>()
            .join("; ")),
    }
}

/// A block ready to render: the shared `Block` plus its highlighted lines.
struct Prepared<'f> {
    block: Block<'f>,
    lines: std::sync::Arc<[String]>,
}

fn prepare<'a, 'f>(
    arena: &'a Arena<'a>,
    fence: &'f Fence<'a>,
    id: &str,
    ctx: &Context<'_>,
    findings: &mut Findings,
) -> Option<Prepared<'f>> {
    let path = &ctx.source.path;
    let language = highlight::resolve(&fence.info.lang);
    if language == Language::Unknown {
        findings.warnings.push(
            Diagnostic::warning(
                path,
                fence.line,
                fence.col,
                format!(
                    "unknown code block language `{}`; rendered without highlighting",
                    fence.info.lang
                ),
            )
            .with_help(unknown_language_help(&fence.info.lang))
            .once_per(format!(
                "unknown code block language {}",
                fence.info.lang.to_lowercase()
            )),
        );
    }
    let line_count = fence.code.lines().count();
    let highlighted = match fence
        .info
        .get("hl_lines")
        .map(|spec| parse_line_ranges(spec, line_count))
    {
        Some(Ok(lines)) => lines.into_iter().collect(),
        Some(Err(message)) => {
            findings.errors.push(Diagnostic::error(
                path,
                fence.line,
                fence.col,
                format!("hl_lines: {message}"),
            ));
            return None;
        }
        None => Default::default(),
    };
    let mut block = Block {
        id: id.to_string(),
        lang_token: &fence.info.lang,
        title: fence.info.get("title"),
        highlighted,
        linenums: fence.info.has("linenums"),
        copy_label: ui("code-copy"),
        copied_label: ui("code-copied"),
        ..Block::default()
    };
    let lines = highlight::highlight_lines_cached(&fence.code, language);
    let raw: Vec<&str> = highlight::split_lines(&fence.code).collect();
    if language == Language::Syntax("Dockerfile") {
        let df = dockerfile::parse(&fence.code);
        // A block written in the chapter is often a fragment (one instruction to discuss);
        // its problems are reported when it is a whole Dockerfile, starting with FROM.
        let whole = df
            .instructions
            .first()
            .is_some_and(|i| i.keyword == "FROM" || i.keyword == "ARG");
        let at = match &fence.src {
            Some(src) => Some((src.as_path(), 0)),
            None if whole => Some((ctx.source.path.as_path(), fence.line)),
            None => None,
        };
        if let Some((file, offset)) = at {
            for p in &df.problems {
                findings.warnings.push(
                    Diagnostic::warning(
                        file,
                        p.line + offset,
                        1,
                        format!("Dockerfile: {}", p.message),
                    )
                    .with_help("fix the Dockerfile; docent reads it the way BuildKit does"),
                );
            }
        }
        dockerview::mark_instructions(&mut block, &df, &raw, &lines);
        if df.stages.len() >= 2 && !fence.info.has("nomap") {
            block.anchors.extend(1..=raw.len());
            let of = fence
                .info
                .has("compare")
                .then(|| fence.info.get("title"))
                .flatten();
            block.before_code = dockerview::stage_map(&df, id, of);
        }
    }
    if fence.info.has("annotate") {
        annotate::attach(
            arena, fence.node, fence.line, &raw, &mut block, ctx, findings,
        );
    }
    findings.blocks.push(super::BlockRef {
        lang: fence.info.lang.clone(),
        code: *blake3::hash(fence.code.as_bytes()).as_bytes(),
        line: fence.line,
        annotations: block
            .line_suffix
            .values()
            .map(|s| s.matches("annotation-marker").count())
            .sum(),
    });
    Some(Prepared { block, lines })
}

fn render_code<'a>(
    arena: &'a Arena<'a>,
    fence: &Fence<'a>,
    id: &str,
    ctx: &Context<'_>,
    findings: &mut Findings,
) -> Option<String> {
    let p = prepare(arena, fence, id, ctx, findings)?;
    Some(codeblock::render_lines(&p.block, &p.lines))
}

fn render_compare<'a>(
    arena: &'a Arena<'a>,
    left: &Fence<'a>,
    right: &Fence<'a>,
    left_id: &str,
    right_id: &str,
    ctx: &Context<'_>,
    findings: &mut Findings,
) -> Option<String> {
    let mut l = prepare(arena, left, left_id, ctx, findings)?;
    let mut r = prepare(arena, right, right_id, ctx, findings)?;
    let lraw: Vec<&str> = highlight::split_lines(&left.code).collect();
    let rraw: Vec<&str> = highlight::split_lines(&right.code).collect();
    let rows = compare::rows(&lraw, &rraw);
    let shown = |p: &Prepared<'_>| -> Vec<String> {
        (1..=p.lines.len())
            .map(|n| {
                p.block
                    .line_html
                    .get(&n)
                    .cloned()
                    .or_else(|| p.lines.get(n - 1).cloned())
                    .unwrap_or_default()
            })
            .collect()
    };
    let unified = compare::unified(&rows, &shown(&l), &shown(&r), &lraw, &rraw);
    compare::mark(&mut l.block, &l.lines, &lraw, &rows, false);
    compare::mark(&mut r.block, &r.lines, &rraw, &rows, true);
    // Stage maps go under the pair, so both listings start on the same row.
    let maps: String = [&mut l.block, &mut r.block]
        .into_iter()
        .map(|b| std::mem::take(&mut b.before_code))
        .collect();
    Some(format!(
        "<div class=\"compare\" data-compare><div class=\"compare-bar\"><p class=\"compare-legend\">{}</p><div class=\"compare-view\" role=\"group\" aria-label=\"{}\" hidden><button type=\"button\" data-view=\"split\" aria-pressed=\"true\">{}</button><button type=\"button\" data-view=\"unified\" aria-pressed=\"false\">{}</button></div></div><div class=\"compare-sides\">{}{}</div><div class=\"compare-unified\"><p class=\"compare-unified-title\">{} → {}</p>{unified}</div>{maps}</div>",
        ui("compare-legend"),
        ui("compare-view-label"),
        ui("compare-view-split"),
        ui("compare-view-unified"),
        codeblock::render_lines(&l.block, &l.lines),
        codeblock::render_lines(&r.block, &r.lines),
        highlight::escape_html(left.info.get("title").unwrap_or("")),
        highlight::escape_html(right.info.get("title").unwrap_or("")),
    ))
}

fn render_chart(
    fence: &Fence<'_>,
    id: &str,
    ctx: &Context<'_>,
    findings: &mut Findings,
) -> Option<String> {
    match chart::parse(&fence.code) {
        Ok(bars) => Some(chart::render(&bars, &fence.info, id, ctx.lang)),
        Err((line, message)) => {
            findings.errors.push(Diagnostic::error(
                &ctx.source.path,
                fence.line + line,
                1,
                message,
            ));
            None
        }
    }
}

/// The id of the heading right before `node`, if that is what precedes it.
fn heading_above<'h>(
    node: &AstNode<'_>,
    headings: &'h [super::headings::Heading],
) -> Option<&'h str> {
    let prev = node.previous_sibling()?;
    let data = prev.data.borrow();
    if !matches!(data.value, NodeValue::Heading(_)) {
        return None;
    }
    let line = data.sourcepos.start.line;
    headings
        .iter()
        .find(|h| h.line == line)
        .map(|h| h.id.as_str())
}

fn render_quiz(
    fence: &Fence<'_>,
    id: &str,
    heading: Option<&str>,
    ctx: &Context<'_>,
    findings: &mut Findings,
) -> Option<String> {
    match quiz::parse(&fence.code) {
        Ok(q) => Some(quiz::render(&q, id, heading)),
        Err((line, col, message)) => {
            findings.errors.push(Diagnostic::error(
                &ctx.source.path,
                fence.line + line,
                col,
                message,
            ));
            None
        }
    }
}
