//! BuildKit's own Dockerfile parser test cases, run through `docent::dockerfile`.
//!
//! The cases live in `shared/conformance/dockerfile-parser/` beside the repository (see its
//! README.md). Each `cases/<name>/result` holds BuildKit's parse, one instruction a line, as
//! `(keyword ["--flag" …] "arg" …)` with Go-quoted strings; the test rebuilds that form from
//! docent's `Instruction`s and compares keywords, flags and arguments exactly. Every mismatch
//! of every case is collected before the test fails. `negative/<name>/Dockerfile` are inputs
//! BuildKit rejects: the parser must not panic on them and must report a problem.
//!
//! The folder is found through `DOCENT_SHARED` (the shared directory) when that is set, else
//! at `$CARGO_MANIFEST_DIR/../shared`. When it is absent and the variable is unset, the test
//! says so on stderr and returns; a set variable pointing nowhere is an error.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use docent::dockerfile::{self, Instruction};

/// One instruction in BuildKit's dump format.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    keyword: String,
    flags: Vec<String>,
    args: Vec<Arg>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Str(String),
    Node(Node),
}

fn conformance_dir() -> Option<PathBuf> {
    const SUBDIR: &str = "conformance/dockerfile-parser";
    if let Some(shared) = std::env::var_os("DOCENT_SHARED").filter(|v| !v.is_empty()) {
        let dir = PathBuf::from(shared).join(SUBDIR);
        assert!(
            dir.is_dir(),
            "DOCENT_SHARED is set but {} is not a directory",
            dir.display()
        );
        return Some(dir);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(SUBDIR);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} not found (set DOCENT_SHARED to the shared directory to run the BuildKit conformance cases)",
            dir.display()
        );
        None
    }
}

/// The case folders under `dir/kind`, sorted by name.
fn case_dirs(dir: &Path, kind: &str) -> Vec<PathBuf> {
    let folder = dir.join(kind);
    let mut cases: Vec<PathBuf> = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn read_text(path: &Path) -> String {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn name_of(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn buildkit_parser_cases() {
    let Some(dir) = conformance_dir() else {
        return;
    };
    let cases = case_dirs(&dir, "cases");
    let negatives = case_dirs(&dir, "negative");
    assert!(
        !cases.is_empty(),
        "no cases under {}",
        dir.join("cases").display()
    );
    assert!(
        !negatives.is_empty(),
        "no cases under {}",
        dir.join("negative").display()
    );

    let mut failures = Vec::new();
    for case in &cases {
        if let Err(report) = check_case(case) {
            failures.push(format!("case {}:\n{report}", name_of(case)));
        }
    }
    for case in &negatives {
        if let Err(report) = check_negative(case) {
            failures.push(format!("negative case {}: {report}", name_of(case)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} conformance cases disagree with BuildKit:\n\n{}",
        failures.len(),
        cases.len() + negatives.len(),
        failures.join("\n")
    );
    eprintln!(
        "dockerfile conformance: all {} BuildKit cases agree, all {} negative cases reported problems",
        cases.len(),
        negatives.len()
    );
}

fn parse_guarded(src: &str) -> Result<dockerfile::Dockerfile, String> {
    panic::catch_unwind(AssertUnwindSafe(|| dockerfile::parse(src)))
        .map_err(|_| "parse panicked".to_string())
}

fn check_case(case: &Path) -> Result<(), String> {
    let src = read_text(&case.join("Dockerfile"));
    let expected: Vec<Node> = read_text(&case.join("result"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| parse_result_line(l).map_err(|e| format!("  bad result line {l:?}: {e}")))
        .collect::<Result<_, _>>()?;
    let parsed = parse_guarded(&src)?;
    let actual: Vec<Node> = parsed.instructions.iter().map(to_node).collect();
    if expected == actual {
        return Ok(());
    }
    let mut report = String::new();
    if expected.len() != actual.len() {
        let _ = writeln!(
            report,
            "  {} instructions expected, {} parsed",
            expected.len(),
            actual.len()
        );
    }
    for i in 0..expected.len().max(actual.len()) {
        let want = expected.get(i).map_or("(nothing)".to_string(), render);
        let got = actual.get(i).map_or("(nothing)".to_string(), render);
        if want != got {
            let _ = writeln!(
                report,
                "  #{}\n    expected: {want}\n    actual:   {got}",
                i + 1
            );
        }
    }
    Err(report)
}

fn check_negative(case: &Path) -> Result<(), String> {
    let src = read_text(&case.join("Dockerfile"));
    let parsed = parse_guarded(&src)?;
    if parsed.problems.is_empty() {
        return Err("BuildKit rejects this file, but no problem was reported".to_string());
    }
    Ok(())
}

/// Rebuilds BuildKit's dump of an instruction from docent's model.
fn to_node(ins: &Instruction) -> Node {
    let flags = ins
        .flags
        .iter()
        .map(|f| match &f.value {
            Some(v) => format!("--{}={v}", f.name),
            None => format!("--{}", f.name),
        })
        .collect();
    let args = match (&ins.trigger, ins.keyword.as_str()) {
        (Some(trigger), "ONBUILD") => vec![Arg::Node(to_node(trigger))],
        (_, "ENV" | "LABEL") => ins
            .pairs
            .iter()
            .flat_map(|p| {
                let sep = if p.equals { "=" } else { "" };
                [p.key.clone(), p.value.clone(), sep.to_string()]
            })
            .map(Arg::Str)
            .collect(),
        _ => ins.args.iter().cloned().map(Arg::Str).collect(),
    };
    Node {
        keyword: ins.keyword.to_lowercase(),
        flags,
        args,
    }
}

fn render(node: &Node) -> String {
    let mut out = format!("({}", node.keyword);
    if !node.flags.is_empty() {
        let flags: Vec<String> = node.flags.iter().map(|f| go_quote(f)).collect();
        let _ = write!(out, " [{}]", flags.join(" "));
    }
    for arg in &node.args {
        match arg {
            Arg::Str(s) => {
                let _ = write!(out, " {}", go_quote(s));
            }
            Arg::Node(n) => {
                let _ = write!(out, " {}", render(n));
            }
        }
    }
    out.push(')');
    out
}

/// Quotes like Go's `strconv.Quote` for the characters these files use.
fn go_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Parses one line of a `result` file.
fn parse_result_line(line: &str) -> Result<Node, String> {
    let mut reader = Reader {
        chars: line.trim().chars().collect(),
        pos: 0,
    };
    let node = reader.node()?;
    if reader.pos != reader.chars.len() {
        return Err(format!("trailing text at {}", reader.pos));
    }
    Ok(node)
}

struct Reader {
    chars: Vec<char>,
    pos: usize,
}

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn expect(&mut self, want: char) -> Result<(), String> {
        match self.bump() {
            Some(c) if c == want => Ok(()),
            other => Err(format!(
                "expected {want:?} at {}, found {other:?}",
                self.pos
            )),
        }
    }

    fn spaces(&mut self) {
        while self.peek() == Some(' ') {
            self.pos += 1;
        }
    }

    fn node(&mut self) -> Result<Node, String> {
        self.expect('(')?;
        let mut keyword = String::new();
        while let Some(c) = self.peek().filter(|c| *c != ' ' && *c != ')') {
            keyword.push(c);
            self.pos += 1;
        }
        let mut node = Node {
            keyword,
            flags: Vec::new(),
            args: Vec::new(),
        };
        self.spaces();
        if self.peek() == Some('[') {
            self.pos += 1;
            loop {
                self.spaces();
                if self.peek() == Some(']') {
                    self.pos += 1;
                    break;
                }
                node.flags.push(self.quoted()?);
            }
        }
        loop {
            self.spaces();
            match self.peek() {
                Some(')') => {
                    self.pos += 1;
                    return Ok(node);
                }
                Some('"') => {
                    let s = self.quoted()?;
                    node.args.push(Arg::Str(s));
                }
                Some('(') => node.args.push(Arg::Node(self.node()?)),
                other => return Err(format!("unexpected {other:?} at {}", self.pos)),
            }
        }
    }

    /// Reads a Go-quoted string (`strconv.Quote` output), escapes decoded as Go does.
    fn quoted(&mut self) -> Result<String, String> {
        self.expect('"')?;
        let mut bytes: Vec<u8> = Vec::new();
        loop {
            let c = self.bump().ok_or("unterminated string")?;
            match c {
                '"' => break,
                '\\' => self.escape(&mut bytes)?,
                c => push_char(&mut bytes, c),
            }
        }
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    fn escape(&mut self, bytes: &mut Vec<u8>) -> Result<(), String> {
        let c = self.bump().ok_or("dangling backslash")?;
        let simple = match c {
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\u{b}'),
            '\\' | '"' | '\'' => Some(c),
            _ => None,
        };
        if let Some(s) = simple {
            push_char(bytes, s);
            return Ok(());
        }
        match c {
            // \xHH is a raw byte in Go strings.
            'x' => bytes.push(self.number(2, 16)? as u8),
            'u' => push_char(bytes, self.code_point(4)?),
            'U' => push_char(bytes, self.code_point(8)?),
            '0'..='7' => {
                self.pos -= 1;
                bytes.push(self.number(3, 8)? as u8);
            }
            other => return Err(format!("unknown escape \\{other}")),
        }
        Ok(())
    }

    fn number(&mut self, digits: usize, radix: u32) -> Result<u32, String> {
        let mut value = 0;
        for _ in 0..digits {
            let d = self
                .bump()
                .and_then(|c| c.to_digit(radix))
                .ok_or("bad escape digits")?;
            value = value * radix + d;
        }
        Ok(value)
    }

    fn code_point(&mut self, digits: usize) -> Result<char, String> {
        let value = self.number(digits, 16)?;
        char::from_u32(value).ok_or_else(|| format!("invalid code point {value:x}"))
    }
}

fn push_char(bytes: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

#[test]
fn result_format_reader() {
    let node = parse_result_line(
        r#"(copy ["--user=me" "--doit=true"] "a\tb" "\" \\ / \b \f \n \r \t \x00" "♥")"#,
    )
    .unwrap();
    assert_eq!(node.keyword, "copy");
    assert_eq!(node.flags, ["--user=me", "--doit=true"]);
    assert_eq!(
        node.args,
        [
            Arg::Str("a\tb".into()),
            Arg::Str("\" \\ / \u{8} \u{c} \n \r \t \0".into()),
            Arg::Str("♥".into())
        ]
    );
    let nested = parse_result_line(r#"(onbuild (run "echo" "test"))"#).unwrap();
    assert_eq!(render(&nested), r#"(onbuild (run "echo" "test"))"#);
    assert_eq!(parse_result_line("(cmd)").unwrap().args, []);
    assert!(parse_result_line("(cmd \"open").is_err());
}
