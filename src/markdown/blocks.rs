//! The code-block pass: every fence becomes finished HTML (a `Raw` node), with its attributes.

use super::codeblock::{self, Block};
use super::highlight::{self, Language};
use super::info::{Info, parse_line_ranges};
use super::{Context, Findings};
use crate::error::Diagnostic;
use comrak::Arena;
use comrak::nodes::{AstNode, NodeValue};
use std::borrow::Cow;
use std::path::{Component, Path};

/// Attributes a code block may carry; anything else gets a warning.
const KNOWN: &[&str] = &[
    "title", "hl_lines", "linenums", "src", "annotate", "compare", "nomap", "unit",
];

/// A fence as the passes see it.
pub struct Fence<'a> {
    pub node: &'a AstNode<'a>,
    pub info: Info,
    pub code: String,
    /// File line of the opening fence.
    pub line: usize,
    pub col: usize,
}

pub fn render_code_blocks<'a>(
    _arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    ctx: &Context<'_>,
    findings: &mut Findings,
) {
    let nodes: Vec<&AstNode<'_>> = root
        .descendants()
        .filter(|n| matches!(n.data.borrow().value, NodeValue::CodeBlock(_)))
        .collect();
    let mut counter = 0;
    for node in nodes {
        let Some(fence) = read_fence(node, ctx, findings) else {
            continue;
        };
        counter += 1;
        let id = format!("code-{counter}");
        if let Some(html) = render_fence(&fence, &id, ctx, findings) {
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
        if !KNOWN.contains(&key.as_str()) {
            findings.warnings.push(
                Diagnostic::warning(
                    path,
                    line,
                    col,
                    format!("unknown code block attribute `{key}`"),
                )
                .with_help(format!("known attributes: {}", KNOWN.join(", "))),
            );
        }
    }
    let mut code = block.literal.clone();
    if let Some(src) = info.get("src") {
        match read_src(ctx, src) {
            Ok(text) => {
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
    Some(Fence {
        node,
        info,
        code,
        line,
        col,
    })
}

/// Reads a `src=` file of the chapter folder, refusing paths that leave it.
fn read_src(ctx: &Context<'_>, src: &str) -> Result<String, String> {
    let rel = Path::new(src);
    if rel.is_absolute() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(format!(
            "src=\"{src}\" must be a path inside the chapter folder"
        ));
    }
    let full = ctx.chapter.dir.join(rel);
    std::fs::read_to_string(&full).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            format!(
                "src file `{src}` not found in {}",
                ctx.chapter.dir.display()
            )
        }
        _ => format!("cannot read src file {}: {e}", full.display()),
    })
}

fn render_fence(
    fence: &Fence<'_>,
    id: &str,
    ctx: &Context<'_>,
    findings: &mut Findings,
) -> Option<String> {
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
            .with_help("use e.g. dockerfile, bash, console, yaml, json, go, javascript, text"),
        );
    }
    let highlighted = match fence.info.get("hl_lines").map(parse_line_ranges) {
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
    let block = Block {
        id: id.to_string(),
        lang_token: &fence.info.lang,
        title: fence.info.get("title"),
        highlighted,
        linenums: fence.info.has("linenums"),
        copy_label: super::ui("code-copy"),
        copied_label: super::ui("code-copied"),
        ..Block::default()
    };
    let code: Cow<'_, str> = Cow::Borrowed(&fence.code);
    Some(codeblock::render(&block, &code, language))
}
