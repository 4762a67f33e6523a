//! Building an [`Instruction`] from a logical line: the keyword decides how BuildKit's parser
//! splits the arguments (exec or shell form, word lists, key-value pairs, a nested trigger).

use super::json::{self, NotExec};
use super::lexer::Logical;
use super::words;
use super::{Flag, Instruction, KeyValue, Problem};

/// Builds the instruction on a logical line; `None` when the line holds no keyword at all
/// (only continuation markers), which is reported as a problem.
pub(crate) fn build(
    logical: &Logical,
    escape: char,
    problems: &mut Vec<Problem>,
) -> Option<Instruction> {
    let mut builder = Builder {
        logical,
        escape,
        problems,
    };
    builder.command(&logical.text, 0, false)
}

/// What one instruction's arguments turned into.
#[derive(Debug, Default)]
struct Shape {
    args: Vec<String>,
    json_form: bool,
    pairs: Vec<KeyValue>,
    trigger: Option<Box<Instruction>>,
}

struct Builder<'a> {
    logical: &'a Logical,
    escape: char,
    problems: &'a mut Vec<Problem>,
}

impl Builder<'_> {
    fn problem(&mut self, message: impl Into<String>) {
        self.problems
            .push(Problem::new(self.logical.first_line, message));
    }

    /// Parses `text`, which starts `offset` bytes into the logical line. `nested` is set for an
    /// `ONBUILD` trigger, which may not nest further.
    fn command(&mut self, text: &str, offset: usize, nested: bool) -> Option<Instruction> {
        let cmd = words::split_command(text);
        if cmd.keyword.is_empty() {
            self.problem("a line continuation is followed by no instruction");
            return None;
        }
        let keyword = cmd.keyword.to_uppercase();
        let shape = self.shape(&keyword, cmd.rest, offset + cmd.rest_at, nested);
        let (keyword_line, keyword_col) = self.logical.position(offset + cmd.keyword_at);
        let ins = Instruction {
            flags: cmd.flags.iter().map(|w| Flag::from_word(w)).collect(),
            args: shape.args,
            json_form: shape.json_form,
            pairs: shape.pairs,
            trigger: shape.trigger,
            heredocs: Vec::new(),
            original: text.trim().to_string(),
            first_line: self.logical.first_line,
            last_line: self.logical.last_line,
            keyword_line,
            keyword_col,
            stage: None,
            keyword,
        };
        if let Some(message) = arity_problem(&ins) {
            self.problem(message);
        }
        Some(ins)
    }

    /// Splits the arguments the way BuildKit's parser does for this keyword.
    fn shape(&mut self, keyword: &str, rest: &str, rest_at: usize, nested: bool) -> Shape {
        match keyword {
            "ADD" | "COPY" | "VOLUME" => self.exec_or_fields(keyword, rest),
            "RUN" | "CMD" | "ENTRYPOINT" | "SHELL" => self.exec_or_shell(keyword, rest),
            "ARG" => Shape {
                args: words::shell_words(rest, self.escape),
                ..Shape::default()
            },
            "ENV" | "LABEL" => self.pairs(keyword, rest),
            "EXPOSE" | "FROM" => Shape {
                args: words::fields(rest),
                ..Shape::default()
            },
            "HEALTHCHECK" => self.healthcheck(rest),
            "MAINTAINER" | "STOPSIGNAL" | "USER" | "WORKDIR" => Shape {
                args: whole(rest),
                ..Shape::default()
            },
            "ONBUILD" => self.onbuild(rest, rest_at, nested),
            _ => {
                // BuildKit's parser drops the arguments of unknown instructions and the build
                // then fails; keeping them (shell or exec form) shows the reader what was there.
                self.problem(format!("unknown instruction: {keyword}"));
                self.exec_or_shell(keyword, rest)
            }
        }
    }

    /// Exec form, else the whole text as one shell command.
    fn exec_or_shell(&mut self, keyword: &str, rest: &str) -> Shape {
        self.exec_or(keyword, rest, whole)
    }

    /// Exec form, else blank-separated words.
    fn exec_or_fields(&mut self, keyword: &str, rest: &str) -> Shape {
        self.exec_or(keyword, rest, words::fields)
    }

    /// Exec (JSON) form when `rest` is a valid array, else `fallback`'s reading of it.
    fn exec_or(&mut self, keyword: &str, rest: &str, fallback: fn(&str) -> Vec<String>) -> Shape {
        match self.exec(keyword, rest) {
            Some(args) => Shape {
                args,
                json_form: true,
                ..Shape::default()
            },
            None => Shape {
                args: fallback(rest),
                ..Shape::default()
            },
        }
    }

    /// The JSON array items, if `rest` is a JSON array of strings.
    fn exec(&mut self, keyword: &str, rest: &str) -> Option<Vec<String>> {
        if !rest.starts_with('[') {
            return None;
        }
        match json::string_array(rest) {
            Ok(items) => Some(items),
            Err(NotExec::Syntax) => None,
            Err(NotExec::NotStrings) => {
                self.problem(format!(
                    "{keyword}: a JSON array of arguments must hold only strings"
                ));
                None
            }
        }
    }

    /// `ENV`/`LABEL`: `key=value …`, or the legacy `key value` when the first word has no `=`.
    fn pairs(&mut self, keyword: &str, rest: &str) -> Shape {
        let list = words::shell_words(rest, self.escape);
        let mut pairs = Vec::new();
        match list.first() {
            None => self.problem(format!("{keyword} requires at least one argument")),
            Some(first) if !first.contains('=') => match words::split_first_field(rest) {
                Some((key, value)) => pairs.push(KeyValue {
                    key: key.to_string(),
                    value: value.to_string(),
                    equals: false,
                }),
                None => self.problem(format!(
                    "{keyword} must have two arguments: a name and a value"
                )),
            },
            Some(_) => {
                for word in &list {
                    match word.split_once('=') {
                        Some((key, value)) => pairs.push(KeyValue {
                            key: key.to_string(),
                            value: value.to_string(),
                            equals: true,
                        }),
                        None => self.problem(format!(
                            "{keyword}: can't find = in {word:?}; it must be of the form name=value"
                        )),
                    }
                }
            }
        }
        let args = pairs
            .iter()
            .flat_map(|p| [p.key.clone(), p.value.clone()])
            .collect();
        Shape {
            args,
            pairs,
            ..Shape::default()
        }
    }

    /// `HEALTHCHECK [flags] TYPE [command]`: the type, then the command in exec or shell form.
    fn healthcheck(&mut self, rest: &str) -> Shape {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let Some((kind, command)) = rest.split_at_checked(end) else {
            return Shape::default();
        };
        if kind.is_empty() {
            return Shape::default();
        }
        let mut shape = self.exec_or_shell("HEALTHCHECK", command.trim_start());
        shape.args.insert(0, kind.to_string());
        shape
    }

    /// `ONBUILD <instruction>`: the trigger is parsed like any instruction, one level deep.
    fn onbuild(&mut self, rest: &str, rest_at: usize, nested: bool) -> Shape {
        if rest.is_empty() {
            return Shape::default();
        }
        let trigger = if nested {
            self.problem("chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            None
        } else {
            self.command(rest, rest_at, true)
        };
        if let Some(t) = &trigger
            && matches!(t.keyword.as_str(), "FROM" | "MAINTAINER")
        {
            self.problem(format!("{} isn't allowed as an ONBUILD trigger", t.keyword));
        }
        Shape {
            args: whole(rest),
            trigger: trigger.map(Box::new),
            ..Shape::default()
        }
    }
}

/// The text as a single argument, or none when it is empty.
fn whole(rest: &str) -> Vec<String> {
    if rest.is_empty() {
        Vec::new()
    } else {
        vec![rest.to_string()]
    }
}

/// What BuildKit would say about the number or kind of arguments (FROM is checked with the
/// stages).
fn arity_problem(ins: &Instruction) -> Option<String> {
    let keyword = ins.keyword.as_str();
    let count = ins.args.len();
    match keyword {
        "COPY" | "ADD" if count < 2 => Some(format!(
            "{keyword} requires at least two arguments: a source and a destination"
        )),
        "SHELL" if !ins.json_form => {
            Some("SHELL requires the arguments to be in JSON form".to_string())
        }
        "RUN" | "ARG" | "EXPOSE" | "WORKDIR" | "USER" | "STOPSIGNAL" | "MAINTAINER" | "ONBUILD"
        | "HEALTHCHECK" | "VOLUME"
            if count == 0 && !ins.json_form =>
        {
            Some(format!("{keyword} requires at least one argument"))
        }
        "HEALTHCHECK" => healthcheck_problem(&ins.args),
        _ => None,
    }
}

fn healthcheck_problem(args: &[String]) -> Option<String> {
    let kind = args.first()?.to_uppercase();
    match kind.as_str() {
        "CMD" if args.len() < 2 => Some("missing command after HEALTHCHECK CMD".to_string()),
        "CMD" | "NONE" => None,
        _ => Some(format!(
            "unknown type {kind:?} in HEALTHCHECK (try CMD or NONE)"
        )),
    }
}
