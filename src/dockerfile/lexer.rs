//! Turning source text into logical lines: physical lines, comments, line continuations and
//! heredoc bodies, with a map back to source positions.
//!
//! BuildKit reads a Dockerfile line by line: a line whose last non-blank character is the
//! escape character (and not itself escaped) continues on the next line; comment lines and
//! blank lines inside a continuation are skipped; heredoc bodies are read raw after the line
//! that announces them.

use super::directives::DirectiveScanner;
use super::{Directive, Problem};

/// A physical source line without its line terminator.
#[derive(Debug, Clone, Copy)]
struct PhysLine<'a> {
    text: &'a str,
    /// Bytes dropped from the start of the raw line (a UTF-8 byte-order mark), so columns stay
    /// true to the source.
    offset: usize,
}

/// One instruction's worth of source, continuations joined.
#[derive(Debug, Clone)]
pub(crate) struct Logical {
    /// The joined text: the first line without leading blanks, then each continuation line
    /// without its continuation marker.
    pub(crate) text: String,
    segments: Vec<Segment>,
    pub(crate) first_line: usize,
    pub(crate) last_line: usize,
}

/// Where a piece of [`Logical::text`] came from.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// Byte offset of the piece in the joined text.
    at: usize,
    /// 1-based source line.
    line: usize,
    /// Byte offset of the piece within that line.
    col: usize,
}

impl Logical {
    fn push(&mut self, piece: &str, line: usize, col: usize) {
        self.segments.push(Segment {
            at: self.text.len(),
            line,
            col,
        });
        self.text.push_str(piece);
    }

    /// The source line and byte column of a byte offset into [`Logical::text`].
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        // The last piece starting at or before the offset holds it (empty pieces hold nothing).
        match self.segments.iter().rev().find(|s| s.at <= offset) {
            Some(s) => (s.line, s.col + (offset - s.at)),
            None => (self.first_line, 0),
        }
    }
}

/// A heredoc body as read from the source.
#[derive(Debug, Clone)]
pub(crate) struct HeredocBody {
    pub(crate) content: String,
    pub(crate) first_line: usize,
    pub(crate) last_line: usize,
    pub(crate) terminated: bool,
}

/// Reads logical lines and heredoc bodies in order.
#[derive(Debug)]
pub(crate) struct Scanner<'a> {
    lines: Vec<PhysLine<'a>>,
    /// Index of the next unread physical line (equal to the 1-based number of the last read one).
    next: usize,
    directives: DirectiveScanner,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Scanner {
            lines: physical_lines(src),
            next: 0,
            directives: DirectiveScanner::new(),
        }
    }

    /// The escape character in force.
    pub(crate) fn escape(&self) -> char {
        self.directives.escape()
    }

    pub(crate) fn finish(self) -> (char, Vec<Directive>, Vec<Problem>) {
        self.directives.finish()
    }

    /// The next instruction's source, skipping blank lines, comments and directives.
    pub(crate) fn next_logical(&mut self) -> Option<Logical> {
        loop {
            let line = *self.lines.get(self.next)?;
            self.next += 1;
            let number = self.next;
            let trimmed = line.text.trim_start();
            self.directives.observe(trimmed, number);
            if trimmed.starts_with('#') {
                continue;
            }
            let escape = self.directives.escape();
            let (piece, continues) = strip_continuation(trimmed, escape);
            if !continues && piece.is_empty() {
                continue;
            }
            let mut logical = Logical {
                text: String::new(),
                segments: Vec::new(),
                first_line: number,
                last_line: number,
            };
            let col = line.offset + (line.text.len() - trimmed.len());
            logical.push(piece, number, col);
            if continues {
                self.read_continuation(&mut logical, escape);
            }
            return Some(logical);
        }
    }

    /// Appends continuation lines until one does not continue or the file ends.
    fn read_continuation(&mut self, logical: &mut Logical, escape: char) {
        while let Some(line) = self.lines.get(self.next).copied() {
            self.next += 1;
            logical.last_line = self.next;
            let trimmed = line.text.trim_start();
            // Comment lines and blank lines inside a continuation are skipped, not joined.
            if trimmed.starts_with('#') || trimmed.is_empty() {
                continue;
            }
            let (piece, continues) = strip_continuation(line.text, escape);
            logical.push(piece, self.next, line.offset);
            if !continues {
                return;
            }
        }
    }

    /// Reads a heredoc body up to the line that equals `name` (after leading tabs, for `<<-`).
    /// `after_line` is the last line already consumed, where an empty body is anchored.
    pub(crate) fn read_heredoc(
        &mut self,
        name: &str,
        strip_tabs: bool,
        after_line: usize,
    ) -> HeredocBody {
        let first_line = self.next + 1;
        let mut content = String::new();
        while let Some(line) = self.lines.get(self.next).copied() {
            self.next += 1;
            let text = if strip_tabs {
                line.text.trim_start_matches('\t')
            } else {
                line.text
            };
            if text == name {
                return HeredocBody {
                    content,
                    first_line,
                    last_line: self.next,
                    terminated: true,
                };
            }
            content.push_str(text);
            content.push('\n');
        }
        let last_line = self.next.max(after_line);
        HeredocBody {
            content,
            first_line: first_line.min(last_line),
            last_line,
            terminated: false,
        }
    }
}

/// Splits source text into lines the way BuildKit's scanner does: at `\n`, with trailing `\r`
/// dropped, and a byte-order mark removed from the first line.
fn physical_lines(src: &str) -> Vec<PhysLine<'_>> {
    src.split_inclusive('\n')
        .enumerate()
        .map(|(i, raw)| {
            let text = raw.trim_end_matches(['\r', '\n']);
            match text.strip_prefix('\u{feff}') {
                Some(rest) if i == 0 => PhysLine {
                    text: rest,
                    offset: '\u{feff}'.len_utf8(),
                },
                _ => PhysLine { text, offset: 0 },
            }
        })
        .collect()
}

/// Removes a trailing continuation marker: the escape character, optionally followed by spaces
/// or tabs, and not itself preceded by the escape character. Returns the remaining text and
/// whether the line continues.
pub(crate) fn strip_continuation(line: &str, escape: char) -> (&str, bool) {
    let trimmed = line.trim_end_matches([' ', '\t']);
    match trimmed.strip_suffix(escape) {
        Some(body) if !body.ends_with(escape) => (body, true),
        _ => (line, false),
    }
}

#[cfg(test)]
mod tests {
    use super::strip_continuation;

    #[test]
    fn continuation_markers() {
        assert_eq!(strip_continuation("echo hi \\", '\\'), ("echo hi ", true));
        assert_eq!(strip_continuation("echo hi\\ \t", '\\'), ("echo hi", true));
        assert_eq!(strip_continuation("\\", '\\'), ("", true));
        assert_eq!(strip_continuation("a\\\\", '\\'), ("a\\\\", false));
        assert_eq!(strip_continuation("a `", '`'), ("a ", true));
        assert_eq!(strip_continuation("a \\", '`'), ("a \\", false));
        assert_eq!(strip_continuation("", '\\'), ("", false));
        assert_eq!(strip_continuation("é\\", '\\'), ("é", true));
    }
}
