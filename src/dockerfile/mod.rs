//! Dockerfile parsing for annotated listings and stage maps.
//!
//! docent shows Dockerfiles to readers; it never builds them. This module reads a Dockerfile the
//! way BuildKit's front end does (parser directives, comments, line continuations, heredocs,
//! exec and shell forms, flags) so that what a page says about a line matches what `docker
//! build` would make of it, and then maps the build stages and the edges between them.
//!
//! [`parse`] never fails and never panics: whatever it cannot make sense of becomes a
//! [`Problem`] with a line number, so a page can still be rendered and the problem shown.
//!
//! Agreement with BuildKit is checked against BuildKit's own parser test cases by
//! `tests/dockerfile_conformance.rs`.

mod directives;
mod instruction;
mod json;
mod lexer;
mod stages;
mod words;

#[cfg(test)]
mod tests;

/// The escape character BuildKit uses unless a `# escape=` directive says otherwise.
pub const DEFAULT_ESCAPE: char = '\\';

/// A parsed Dockerfile: what it says, where it says it, and how its stages connect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dockerfile {
    /// The escape and line-continuation character in force (`\` or `` ` ``).
    pub escape: char,
    /// Parser directives from the top of the file, in source order.
    pub directives: Vec<Directive>,
    /// Instructions in source order, comments and blank lines left out.
    pub instructions: Vec<Instruction>,
    /// Build stages, one per `FROM`, in source order (a stage's index is its position here).
    pub stages: Vec<Stage>,
    /// Edges between stages and from external images, in source order.
    pub dependencies: Vec<Dependency>,
    /// What the parser could not make sense of, sorted by line. Line 0 means the file as a whole.
    pub problems: Vec<Problem>,
}

/// A parser directive such as `# syntax=docker/dockerfile:1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// Lower case: `syntax`, `escape` or `check`.
    pub name: String,
    /// The value as written, surrounding blanks removed.
    pub value: String,
    /// 1-based source line.
    pub line: usize,
}

/// One instruction, after line continuations and comments inside it are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    /// Upper case (`FROM`, `RUN`, ...); unknown keywords are kept, upper-cased, with a [`Problem`].
    pub keyword: String,
    /// Flags between the keyword and the arguments, in source order.
    pub flags: Vec<Flag>,
    /// The arguments as BuildKit's parser splits them: the array items in exec (JSON) form; the
    /// whole command line for `RUN`/`CMD`/`ENTRYPOINT`/`SHELL` in shell form; blank-separated
    /// words for `COPY`/`ADD`/`VOLUME`/`EXPOSE`/`FROM`; shell words (quotes kept) for `ARG`; key,
    /// value, key, value ... for `ENV`/`LABEL` (see [`Instruction::pairs`]); the type then the
    /// command for `HEALTHCHECK`; the trigger's text for `ONBUILD` (see [`Instruction::trigger`]).
    pub args: Vec<String>,
    /// Whether the arguments were written as a JSON array (exec form).
    pub json_form: bool,
    /// `ENV`/`LABEL` key-value pairs, quotes kept as written (BuildKit resolves them later).
    pub pairs: Vec<KeyValue>,
    /// For `ONBUILD`, the instruction it registers.
    pub trigger: Option<Box<Instruction>>,
    /// Heredoc bodies attached to the instruction, in the order their markers appear.
    pub heredocs: Vec<Heredoc>,
    /// The instruction as one line: continuations joined, comment lines left out.
    pub original: String,
    /// 1-based first source line of the instruction.
    pub first_line: usize,
    /// 1-based last source line, counting continuation lines and heredoc bodies (inclusive).
    pub last_line: usize,
    /// 1-based line holding the keyword (differs from `first_line` only when the instruction
    /// starts with a bare continuation line).
    pub keyword_line: usize,
    /// Byte offset of the keyword within `keyword_line`, so a highlighter can wrap it.
    pub keyword_col: usize,
    /// Index of the stage the instruction belongs to (`None` before the first `FROM`).
    pub stage: Option<usize>,
}

/// A flag such as `--from=builder` or `--link`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// The name without its leading dashes.
    pub name: String,
    /// Text after the first `=`, quotes removed; `None` when there is no `=`.
    pub value: Option<String>,
}

/// One `ENV` or `LABEL` assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyValue {
    /// The name being set: the variable for `ENV`, the label for `LABEL`.
    pub key: String,
    /// The value as written: quotes and escapes are kept, as BuildKit's parser keeps them.
    pub value: String,
    /// `true` for `key=value`, `false` for the legacy `ENV key value` form.
    pub equals: bool,
}

/// A heredoc body such as the lines between `RUN <<EOF` and `EOF`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    /// The terminator word, quotes removed.
    pub name: String,
    /// The body, each line ending in `\n` (CRLF normalised); leading tabs removed for `<<-`.
    pub content: String,
    /// 1-based first body line (the terminator's line when the body is empty).
    pub first_line: usize,
    /// 1-based line of the terminator (the file's last line when it is missing).
    pub last_line: usize,
    /// Written `<<-`: leading tabs are stripped from the body and the terminator.
    pub strip_tabs: bool,
    /// The terminator was quoted (`<<"EOF"`), so BuildKit does not expand variables in it.
    pub quoted: bool,
}

/// A build stage, opened by a `FROM` instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// Position of the stage in [`Dockerfile::stages`] (0-based), what `--from=0` refers to.
    pub index: usize,
    /// The `AS` name, lower-cased as BuildKit does.
    pub name: Option<String>,
    /// What the stage starts from.
    pub base: StageRef,
    /// The `--platform` flag, as written.
    pub platform: Option<String>,
    /// Index in [`Dockerfile::instructions`] of the `FROM` that opens the stage.
    pub instruction: usize,
    /// 1-based line of the `FROM`.
    pub first_line: usize,
    /// 1-based last line of the stage's last instruction.
    pub last_line: usize,
}

/// Something a stage or instruction can start from or copy from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StageRef {
    /// An earlier (or, for `--from`, any) stage of the same Dockerfile, by index.
    Stage(usize),
    /// An image reference: with `ARG` defaults substituted when they are all known, else as written.
    Image(String),
}

/// An edge in the stage map: `to` needs `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// The stage or image that is needed.
    pub from: StageRef,
    /// Index of the stage that needs `from`.
    pub to: usize,
    /// Which instruction makes the edge: `FROM`, `--from` on `COPY`/`ADD`, or a `RUN` mount.
    pub kind: DependencyKind,
    /// 1-based first line of the instruction that makes the edge.
    pub line: usize,
}

/// How one stage needs another stage or an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DependencyKind {
    /// `FROM <stage>`.
    From,
    /// `COPY --from=…` or `ADD --from=…`.
    CopyFrom,
    /// `RUN --mount=…,from=…`.
    MountFrom,
}

/// Something the parser could not make sense of, or that BuildKit would reject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based source line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// What is wrong, for the author ("only one escape parser directive can be used").
    pub message: String,
}

impl Problem {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            message: message.into(),
        }
    }
}

/// Parses a Dockerfile. Never panics; problems are reported in [`Dockerfile::problems`].
pub fn parse(src: &str) -> Dockerfile {
    let mut scanner = lexer::Scanner::new(src);
    let mut instructions = Vec::new();
    let mut problems = Vec::new();
    while let Some(logical) = scanner.next_logical() {
        let escape = scanner.escape();
        let Some(mut ins) = instruction::build(&logical, escape, &mut problems) else {
            continue;
        };
        if ins.accepts_heredocs() && logical.text.contains("<<") {
            read_heredocs(&mut scanner, &mut ins, &mut problems);
        }
        instructions.push(ins);
    }
    let (escape, directives, directive_problems) = scanner.finish();
    problems.extend(directive_problems);
    if instructions.is_empty() {
        problems.push(Problem::new(0, "the file has no instructions"));
    }
    let map = stages::map(&mut instructions, &mut problems);
    problems.sort_by_key(|p| p.line);
    Dockerfile {
        escape,
        directives,
        instructions,
        stages: map.stages,
        dependencies: map.dependencies,
        problems,
    }
}

/// Reads the bodies of the heredocs whose markers appear on the instruction's line.
fn read_heredocs(
    scanner: &mut lexer::Scanner<'_>,
    ins: &mut Instruction,
    problems: &mut Vec<Problem>,
) {
    for marker in words::heredoc_markers(&ins.original) {
        let body = scanner.read_heredoc(&marker.name, marker.strip_tabs, ins.last_line);
        if !body.terminated {
            problems.push(Problem::new(
                ins.first_line,
                format!(
                    "unterminated heredoc: no line reads {:?} before the end of the file",
                    marker.name
                ),
            ));
        }
        ins.last_line = ins.last_line.max(body.last_line);
        ins.heredocs.push(Heredoc {
            name: marker.name,
            content: body.content,
            first_line: body.first_line,
            last_line: body.last_line,
            strip_tabs: marker.strip_tabs,
            quoted: marker.quoted,
        });
    }
}

impl Dockerfile {
    /// The stage's name, or its index when it has none (what `--from=` would accept).
    pub fn stage_label(&self, i: usize) -> String {
        match self.stages.get(i).and_then(|s| s.name.clone()) {
            Some(name) => name,
            None => i.to_string(),
        }
    }

    /// The stage `docker build` builds when no `--target` is given: the last one.
    pub fn final_stage(&self) -> Option<usize> {
        self.stages.len().checked_sub(1)
    }

    /// The value of a parser directive, by lower-case name.
    pub fn directive(&self, name: &str) -> Option<&str> {
        self.directives
            .iter()
            .find(|d| d.name == name)
            .map(|d| d.value.as_str())
    }

    /// The index of the stage with this name (case-insensitive, as BuildKit matches names).
    pub fn stage_named(&self, name: &str) -> Option<usize> {
        let wanted = name.to_lowercase();
        self.stages
            .iter()
            .rposition(|s| s.name.as_deref() == Some(wanted.as_str()))
    }
}

impl Instruction {
    /// The value of the first flag with this name; `Some("")` for a flag without `=`.
    pub fn flag(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_deref().unwrap_or(""))
    }

    /// The values of every flag with this name (`RUN` may carry several `--mount`s).
    pub fn flag_values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> {
        self.flags
            .iter()
            .filter(move |f| f.name == name)
            .map(|f| f.value.as_deref().unwrap_or(""))
    }

    /// Whether BuildKit looks for heredocs on this instruction: shell-form `RUN`, `COPY`, `ADD`,
    /// also as an `ONBUILD` trigger.
    fn accepts_heredocs(&self) -> bool {
        let node = match &self.trigger {
            Some(trigger) if self.keyword == "ONBUILD" => trigger,
            _ => self,
        };
        matches!(node.keyword.as_str(), "RUN" | "COPY" | "ADD") && !node.json_form
    }
}

impl Flag {
    /// Splits a raw flag word such as `--from=builder` (quotes already removed).
    pub(crate) fn from_word(word: &str) -> Self {
        let bare = word.strip_prefix("--").unwrap_or(word);
        match bare.split_once('=') {
            Some((name, value)) => Flag {
                name: name.to_string(),
                value: Some(value.to_string()),
            },
            None => Flag {
                name: bare.to_string(),
                value: None,
            },
        }
    }
}

impl std::fmt::Display for StageRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StageRef::Stage(i) => write!(f, "stage {i}"),
            StageRef::Image(image) => f.write_str(image),
        }
    }
}
