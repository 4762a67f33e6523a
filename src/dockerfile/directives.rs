//! Parser directives (`# syntax=`, `# escape=`, `# check=`).
//!
//! BuildKit honours them only at the very top of the file: the first line that is not a known
//! directive (an instruction, a blank line, any other comment) ends the search for good.

use super::{DEFAULT_ESCAPE, Directive, Problem};

/// Watches the first lines of a file for directives.
#[derive(Debug)]
pub(crate) struct DirectiveScanner {
    done: bool,
    escape: char,
    found: Vec<Directive>,
    problems: Vec<Problem>,
}

impl DirectiveScanner {
    pub(crate) fn new() -> Self {
        DirectiveScanner {
            done: false,
            escape: DEFAULT_ESCAPE,
            found: Vec::new(),
            problems: Vec::new(),
        }
    }

    /// The escape character in force.
    pub(crate) fn escape(&self) -> char {
        self.escape
    }

    /// Looks at one physical line (leading blanks removed) while directives may still appear.
    pub(crate) fn observe(&mut self, line: &str, number: usize) {
        if self.done {
            return;
        }
        let Some((name, value)) = split_directive(line) else {
            self.done = true;
            return;
        };
        let name = name.to_ascii_lowercase();
        if !matches!(name.as_str(), "syntax" | "escape" | "check") {
            // An unknown directive is an ordinary comment, which ends the directive block.
            self.done = true;
            return;
        }
        if self.found.iter().any(|d| d.name == name) {
            self.problems.push(Problem::new(
                number,
                format!("only one {name} parser directive can be used"),
            ));
            return;
        }
        if name == "escape" {
            match value {
                "\\" => self.escape = '\\',
                "`" => self.escape = '`',
                _ => self.problems.push(Problem::new(
                    number,
                    format!("invalid escape token {value:?}: it must be ` or \\"),
                )),
            }
        }
        self.found.push(Directive {
            name,
            value: value.to_string(),
            line: number,
        });
    }

    pub(crate) fn finish(self) -> (char, Vec<Directive>, Vec<Problem>) {
        (self.escape, self.found, self.problems)
    }
}

/// The blanks BuildKit's directive pattern accepts around the name and `=` (regexp `\s`).
fn is_pattern_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0C' | '\r' | ' ')
}

/// Splits `#  name = value  ` into name and value; `None` when the line is not of that shape.
fn split_directive(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('#')?.trim_start_matches(is_pattern_space);
    let name_len = rest
        .char_indices()
        .take_while(|&(i, c)| {
            if i == 0 {
                c.is_ascii_alphabetic()
            } else {
                c.is_ascii_alphanumeric()
            }
        })
        .count();
    if name_len == 0 {
        return None;
    }
    // The name is ASCII, so its char count is its byte length.
    let (name, rest) = rest.split_at_checked(name_len)?;
    let after_eq = rest
        .trim_start_matches(is_pattern_space)
        .strip_prefix('=')?;
    let value = after_eq
        .trim_start_matches(is_pattern_space)
        .trim_end_matches(is_pattern_space);
    if !value.is_empty() {
        return Some((name, value));
    }
    // Only blanks after `=`: the pattern still matches, capturing the last blank.
    let last = after_eq.char_indices().last()?.0;
    Some((name, after_eq.get(last..)?))
}

#[cfg(test)]
mod tests {
    use super::split_directive;

    #[test]
    fn directive_shapes() {
        assert_eq!(split_directive("#escape=`"), Some(("escape", "`")));
        assert_eq!(
            split_directive("#  Syntax =  docker/dockerfile:1  "),
            Some(("Syntax", "docker/dockerfile:1"))
        );
        assert_eq!(split_directive("# escape ="), None);
        assert_eq!(split_directive("# escape = "), Some(("escape", " ")));
        assert_eq!(split_directive("# a comment"), None);
        assert_eq!(split_directive("# 1x=2"), None);
        assert_eq!(split_directive("FROM x"), None);
        assert_eq!(split_directive("#é=1"), None);
    }
}
