//! Build-time syntax highlighting: syntect with bat's syntax set, CSS classes, one line at a time.
//!
//! Lines are highlighted with one `ParseState` and one `ScopeStack` for the whole block; each
//! line reopens the spans still open from the line before and closes its own, so every line's
//! HTML is balanced and can be wrapped (line numbers, highlights, annotation anchors) without
//! losing colours on later lines.

use std::sync::{Arc, LazyLock};
use syntect::html::{ClassStyle, css_for_theme_with_class_style, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};

/// Every highlighted token's classes start with this, so the theme's CSS cannot collide.
pub const CLASS_PREFIX: &str = "hl-";
const STYLE: ClassStyle = ClassStyle::SpacedPrefixed {
    prefix: CLASS_PREFIX,
};

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(two_face::syntax::extra_newlines);

/// What a fence's language resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// A syntax we highlight.
    Syntax(&'static str),
    /// Shell sessions: `$ ` lines are highlighted as Bash, the rest is output.
    Console,
    /// Plain text on purpose (`text`, `plain`, no language).
    Plain,
    /// A language we do not know: rendered plain, with a warning.
    Unknown,
}

/// Maps a fence's language token to a syntax, with the aliases authors actually write.
pub fn resolve(token: &str) -> Language {
    let lower = token.to_ascii_lowercase();
    let name = match lower.as_str() {
        "" | "text" | "plain" | "txt" | "plaintext" | "none" => return Language::Plain,
        "console" | "shell-session" | "terminal" => return Language::Console,
        "dockerfile" | "docker" | "containerfile" => "Dockerfile",
        "sh" | "bash" | "shell" | "zsh" => "Bourne Again Shell (bash)",
        "yaml" | "yml" => "YAML",
        "json" | "jsonc" | "json5" => "JSON",
        "fsharp" | "f#" => "F#",
        "toml" => "TOML",
        "go" | "golang" => "Go",
        "javascript" | "js" | "mjs" | "cjs" => "JavaScript",
        "typescript" | "ts" => "TypeScript",
        "python" | "py" => "Python",
        "rust" | "rs" => "Rust",
        "ini" | "cfg" => "INI",
        "makefile" | "make" => "Makefile",
        "dockerignore" | ".dockerignore" | "gitignore" => "Git Ignore",
        "html" => "HTML",
        "css" => "CSS",
        "xml" => "XML",
        // SQL's dialects, as authors name them: highlighted as SQL.
        "sql" | "postgresql" | "postgres" | "pgsql" | "psql" | "plpgsql" | "mysql" | "mariadb"
        | "sqlite" | "sqlite3" | "tsql" | "mssql" | "plsql" => "SQL",
        "diff" | "patch" => "Diff",
        "markdown" | "md" => "Markdown",
        "c++" | "cc" | "hpp" => "C++",
        "c#" | "csharp" | "cs" => "C#",
        "objective-c" | "objc" => "Objective-C",
        "kotlin" | "kt" | "kts" => "Kotlin",
        "hcl" | "terraform" | "tf" => "HCL",
        "powershell" | "ps1" | "pwsh" => "PowerShell",
        "nix" => "Nix",
        "proto" | "protobuf" => "Protocol Buffer",
        "graphql" | "gql" => "GraphQL",
        "jsx" => "JavaScript (Babel)",
        "tsx" => "TypeScriptReact",
        "asm" | "assembly" | "nasm" => "Assembly (x86_64)",
        "wasm" | "wat" => "WebAssembly Text",
        _ => {
            return by_token_or_name(token)
                .or_else(|| by_token_or_name(&lower))
                .map_or(Language::Unknown, |s| {
                    Language::Syntax(static_name(&s.name))
                });
        }
    };
    if SYNTAXES.find_syntax_by_name(name).is_some() {
        Language::Syntax(name)
    } else {
        by_token_or_name(&lower).map_or(Language::Unknown, |s| {
            Language::Syntax(static_name(&s.name))
        })
    }
}

/// A syntax by its usual file extension or first-line token (syntect's lookup), else by its
/// name in any case, spaces written as `-` (`Haskell`, `haskell`, `git-commit`).
fn by_token_or_name(token: &str) -> Option<&'static SyntaxReference> {
    SYNTAXES.find_syntax_by_token(token).or_else(|| {
        SYNTAXES.syntaxes().iter().find(|s| {
            s.name.eq_ignore_ascii_case(token)
                || s.name.replace(' ', "-").eq_ignore_ascii_case(token)
        })
    })
}

/// The names a fence can use, for suggestions: the usual aliases and every syntax's
/// extensions.
pub fn known_names() -> impl Iterator<Item = &'static str> {
    const USUAL: &[&str] = &[
        "dockerfile",
        "bash",
        "sh",
        "shell",
        "console",
        "yaml",
        "json",
        "toml",
        "go",
        "rust",
        "python",
        "javascript",
        "typescript",
        "text",
        "makefile",
        "ini",
        "html",
        "css",
        "sql",
        "diff",
        "markdown",
    ];
    USUAL.iter().copied().chain(
        SYNTAXES
            .syntaxes()
            .iter()
            .flat_map(|s| s.file_extensions.iter().map(String::as_str)),
    )
}

/// Syntax names live as long as the static syntax set.
fn static_name(name: &str) -> &'static str {
    SYNTAXES
        .syntaxes()
        .iter()
        .find(|s| s.name == name)
        .map_or("", |s| s.name.as_str())
}

/// The block's lines as balanced HTML fragments, escaped, without their newlines.
pub fn highlight_lines(code: &str, language: Language) -> Vec<String> {
    match language {
        Language::Syntax(name) => match SYNTAXES.find_syntax_by_name(name) {
            Some(syntax) => highlight_with(code, syntax).unwrap_or_else(|| plain_lines(code)),
            None => plain_lines(code),
        },
        Language::Console => console_lines(code),
        Language::Plain | Language::Unknown => plain_lines(code),
    }
}

/// [`highlight_lines`] through a process-wide memo keyed by syntax and code: a bilingual
/// course shows the same code in every language, and `serve` renders the same blocks again
/// each time their chapter is edited. Bounded: past `MEMO_LIMIT` bytes it starts over.
pub fn highlight_lines_cached(code: &str, language: Language) -> Arc<[String]> {
    let Language::Syntax(name) = language else {
        return highlight_lines(code, language).into();
    };
    let mut key = blake3::Hasher::new();
    key.update(name.as_bytes());
    key.update(b"\0");
    key.update(code.as_bytes());
    let key = *key.finalize().as_bytes();
    if let Some(lines) = crate::sync::lock(&MEMO).lines.get(&key) {
        return Arc::clone(lines);
    }
    let lines: Arc<[String]> = highlight_lines(code, language).into();
    let limit = MEMO_LIMIT.load(std::sync::atomic::Ordering::Relaxed);
    crate::sync::lock(&MEMO).keep(key, Arc::clone(&lines), limit);
    lines
}

/// Forgets every memoized block (benchmarks measure cold builds with it).
pub fn clear_memo() {
    *crate::sync::lock(&MEMO) = Memo::default();
}

/// Highlighted blocks by hash of syntax name and code, with their approximate size.
#[derive(Default)]
struct Memo {
    lines: std::collections::HashMap<[u8; 32], Arc<[String]>>,
    bytes: usize,
}

impl Memo {
    /// Adds a block, first forgetting everything if it would pass `limit` bytes.
    fn keep(&mut self, key: [u8; 32], lines: Arc<[String]>, limit: usize) {
        let size: usize = lines.iter().map(|l| l.len() + 24).sum();
        if self.bytes.saturating_add(size) > limit {
            self.lines.clear();
            self.bytes = 0;
        }
        self.bytes += size;
        self.lines.insert(key, lines);
    }
}

static MEMO: LazyLock<std::sync::Mutex<Memo>> = LazyLock::new(Default::default);

/// How much highlighted HTML the memo keeps before starting over: enough for a one-shot
/// build, which renders a chapter's languages together, to highlight each block once.
const ONE_SHOT_LIMIT: usize = 8 << 20;
static MEMO_LIMIT: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(ONE_SHOT_LIMIT);

/// From now on the memo keeps every block it highlights, until [`bound_memo_to_the_course`].
/// For the dev server's first build: otherwise, in a course whose code passes
/// `ONE_SHOT_LIMIT`, the first save of a chapter highlights its blocks again, and a save
/// costs more the larger the course (about 20 MB of highlighted code at 2×2000).
pub fn remember_every_block() {
    MEMO_LIMIT.store(usize::MAX, std::sync::atomic::Ordering::Relaxed);
}

/// After the dev server's first build, which left every block of the course in the memo:
/// edits add new versions of blocks, so from now on the memo may grow to twice that before
/// it starts over; a long session's memory stays bounded by the size of the course.
pub fn bound_memo_to_the_course() {
    let held = crate::sync::lock(&MEMO).bytes;
    MEMO_LIMIT.store(course_bound(held), std::sync::atomic::Ordering::Relaxed);
}

/// The memo's bound once it holds `held` bytes of a whole course.
fn course_bound(held: usize) -> usize {
    held.saturating_mul(2).max(ONE_SHOT_LIMIT)
}

/// The lines of a code block, split on `\n` only (a `\r` stays in its line) and without
/// an empty last line for the final newline, so line n is the block's n-th line.
pub fn split_lines(code: &str) -> impl Iterator<Item = &str> {
    let trimmed = code.strip_suffix('\n').unwrap_or(code);
    trimmed.split('\n')
}

fn plain_lines(code: &str) -> Vec<String> {
    split_lines(code).map(escape_html).collect()
}

fn console_lines(code: &str) -> Vec<String> {
    let bash = SYNTAXES.find_syntax_by_name("Bourne Again Shell (bash)");
    split_lines(code)
        .map(|line| match (line.strip_prefix("$ "), bash) {
            (Some(cmd), Some(syntax)) => {
                let body = highlight_with(cmd, syntax)
                    .and_then(|v| v.into_iter().next())
                    .unwrap_or_else(|| escape_html(cmd));
                format!("<span class=\"prompt\">$ </span>{body}")
            }
            _ => format!("<span class=\"output\">{}</span>", escape_html(line)),
        })
        .collect()
}

fn highlight_with(code: &str, syntax: &SyntaxReference) -> Option<Vec<String>> {
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut out = Vec::new();
    for line in split_lines(code) {
        let mut html = String::with_capacity(line.len() * 2);
        for scope in stack.as_slice() {
            open_span(&mut html, *scope);
        }
        let with_newline = format!("{line}\n");
        let ops = state.parse_line(&with_newline, &SYNTAXES).ok()?;
        let (spans, _) =
            line_tokens_to_classed_spans(&with_newline, &ops, STYLE, &mut stack).ok()?;
        let mut spans = spans;
        if let Some(i) = spans.rfind('\n') {
            spans.remove(i);
        }
        html.push_str(&spans);
        for _ in stack.as_slice() {
            html.push_str("</span>");
        }
        out.push(html);
    }
    Some(out)
}

fn open_span(html: &mut String, scope: Scope) {
    html.push_str("<span class=\"");
    let name = scope.build_string();
    for (i, atom) in name.split('.').enumerate() {
        if i > 0 {
            html.push(' ');
        }
        html.push_str(CLASS_PREFIX);
        html.push_str(atom);
    }
    html.push_str("\">");
}

/// `s` safe in HTML text and in quoted attribute values: `& < > " '` escaped.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Runs without a special character are copied whole.
    let mut done = 0;
    for (at, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(s.get(done..at).unwrap_or(""));
        out.push_str(entity);
        done = at + 1;
    }
    out.push_str(s.get(done..).unwrap_or(""));
    out
}

/// The highlighting stylesheet: a light palette, and a dark one that applies when the page
/// is in dark mode (chosen, or following the system when nothing was chosen).
pub fn stylesheet() -> &'static str {
    static CSS: LazyLock<String> = LazyLock::new(build_stylesheet);
    &CSS
}

fn build_stylesheet() -> String {
    let themes = two_face::theme::extra();
    let light = themes.get(two_face::theme::EmbeddedThemeName::ColdarkCold);
    let dark = themes.get(two_face::theme::EmbeddedThemeName::ColdarkDark);
    let light_css = css_for_theme_with_class_style(light, STYLE).unwrap_or_default();
    let dark_css = css_for_theme_with_class_style(dark, STYLE).unwrap_or_default();
    let mut css = strip_backgrounds(&light_css);
    css.push_str(&scope_rules(
        &strip_backgrounds(&dark_css),
        ":root[data-theme=\"dark\"]",
    ));
    css.push_str("@media (prefers-color-scheme: dark) {\n");
    css.push_str(&scope_rules(
        &strip_backgrounds(&dark_css),
        ":root:not([data-theme=\"light\"])",
    ));
    css.push_str("}\n");
    css
}

/// Block backgrounds come from the site theme, so code boxes match the page in both modes.
fn strip_backgrounds(css: &str) -> String {
    css.lines()
        .filter(|l| !l.trim_start().starts_with("background-color"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prefixes every selector of syntect's flat stylesheet with `scope`.
fn scope_rules(css: &str, scope: &str) -> String {
    let mut out = String::with_capacity(css.len() * 2);
    let mut in_comment = false;
    for line in css.lines() {
        let t = line.trim();
        if t.starts_with("/*") {
            in_comment = !t.ends_with("*/");
            continue;
        }
        if in_comment {
            in_comment = !t.ends_with("*/");
            continue;
        }
        if let Some(selectors) = t.strip_suffix('{') {
            let scoped: Vec<String> = selectors
                .split(',')
                .map(|s| format!("{scope} {}", s.trim()))
                .collect();
            out.push_str(&scoped.join(", "));
            out.push_str(" {\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_starts_over_at_its_limit_unless_told_to_keep_everything() {
        let block =
            |n: u8| -> ([u8; 32], Arc<[String]>) { ([n; 32], Arc::from(vec!["x".repeat(1000)])) };
        let mut memo = Memo::default();
        for n in 0..10 {
            let (key, lines) = block(n);
            memo.keep(key, lines, 4096);
        }
        assert!(
            memo.lines.len() < 5 && memo.bytes <= 4096,
            "{}",
            memo.lines.len()
        );
        let mut all = Memo::default();
        for n in 0..10 {
            let (key, lines) = block(n);
            all.keep(key, lines, usize::MAX);
        }
        assert_eq!(all.lines.len(), 10);
        // The dev server's bound: the course's blocks and as much again of edits.
        assert_eq!(course_bound(20 << 20), 40 << 20);
        assert_eq!(
            course_bound(1 << 20),
            ONE_SHOT_LIMIT,
            "never below a one-shot build's"
        );
    }

    #[test]
    fn every_promised_language_highlights() {
        for token in [
            "dockerfile",
            "Dockerfile",
            "docker",
            "bash",
            "sh",
            "shell",
            "yaml",
            "json",
            "toml",
            "go",
            "javascript",
            "js",
            "typescript",
            "python",
            "rust",
            "ini",
            "makefile",
            "postgresql",
            "MySQL",
        ] {
            let lang = resolve(token);
            assert!(matches!(lang, Language::Syntax(_)), "{token} → {lang:?}");
            let html = highlight_lines("x = 1\n", lang).join("\n");
            assert!(html.contains("<span class=\"hl-"), "{token}: {html}");
        }
        assert_eq!(resolve("console"), Language::Console);
        assert_eq!(resolve("shell-session"), Language::Console);
        assert_eq!(resolve("klingon"), Language::Unknown);
    }

    /// The names and aliases authors write for the languages two-face carries, in any case.
    #[test]
    fn usual_names_and_aliases_resolve() {
        let mut missing = Vec::new();
        for token in [
            "yml",
            "ts",
            "tsx",
            "jsx",
            "py",
            "Containerfile",
            "c",
            "cpp",
            "c++",
            "cs",
            "csharp",
            "java",
            "kotlin",
            "kt",
            "swift",
            "ruby",
            "rb",
            "php",
            "perl",
            "lua",
            "haskell",
            "Haskell",
            "scala",
            "clojure",
            "elixir",
            "erlang",
            "ocaml",
            "fsharp",
            "r",
            "julia",
            "zig",
            "nim",
            "dart",
            "groovy",
            "hcl",
            "terraform",
            "powershell",
            "ps1",
            "nix",
            "proto",
            "graphql",
            "sql",
            "diff",
            "xml",
            "html",
            "css",
            "scss",
            "less",
            "svelte",
            "vue",
            "lisp",
            "elm",
            "d",
            "fish",
            "zsh",
            "cmake",
            "dockerignore",
            "git-commit",
            "nginx",
            "jsonc",
            "csv",
            "latex",
            "tex",
            "asm",
            "vim",
            "awk",
        ] {
            let lang = resolve(token);
            if !matches!(lang, Language::Syntax(s) if !s.is_empty()) {
                missing.push(token);
            }
        }
        assert!(missing.is_empty(), "not resolved: {missing:?}");
    }

    #[test]
    fn lines_stay_balanced_across_multiline_tokens() {
        let code = "FROM alpine:3.22\nRUN echo \"a \\\n  b\"\nCMD [\"sh\"]\n";
        let lines = highlight_lines(code, resolve("dockerfile"));
        assert_eq!(lines.len(), 4);
        for l in &lines {
            assert_eq!(
                l.matches("<span").count(),
                l.matches("</span>").count(),
                "{l}"
            );
        }
        assert!(
            lines[2].contains("hl-keyword") || lines[2].contains("hl-"),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn stylesheet_has_both_palettes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains(":root[data-theme=\"dark\"] .hl-"));
        assert!(!css.contains("background-color"));
    }
}
