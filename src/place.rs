//! Where a value is written in a source file: line starts for many lookups in one text, and
//! the places of the strings of a TOML array (from `toml`'s spanned tables), so a finding
//! points at the very entry it is about, whatever comments, quotes or escapes surround it.

/// Where each line of a text starts, for many `line_col` lookups in one text (each one a
/// binary search, not a scan from the top).
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    /// The lines of `text`.
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(line_breaks(text.as_bytes()))
            .collect();
        Lines { text, starts }
    }

    /// Line and column (1-based, in characters) of a byte offset, as [`line_col`] counts
    /// them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor(self.text, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        (line, column(self.text, start, offset))
    }
}

impl Lines<'_> {
    /// The text of 1-based `line`, without its line break; empty past the end.
    pub fn text(&self, line: usize) -> &str {
        let Some(&start) = line.checked_sub(1).and_then(|i| self.starts.get(i)) else {
            return "";
        };
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let text = self.text.get(start..end).unwrap_or("");
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// The column in characters of a 1-based byte column on 1-based `line` (Markdown's
    /// parser counts bytes; editors and findings count characters).
    pub fn char_col(&self, line: usize, byte_col: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let offset = floor(self.text, start + byte_col.saturating_sub(1));
        column(self.text, start, offset.max(start))
    }
}

/// `text` with each lone carriage return (an old Mac line end) as a line feed: Markdown ends
/// a line there, TOML and Fluent do not, and every line docent counts must be the line its
/// parser counts. Byte offsets are kept (both are one byte).
pub fn lone_cr_as_newline(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    // Every chapter goes through here: most hold no carriage return at all.
    if memchr::memchr(b'\r', bytes).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut lone = line_ends(bytes)
        .filter_map(|(end, lone)| lone.then_some(end))
        .peekable();
    if lone.peek().is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut fixed = bytes.to_vec();
    for end in lone {
        if let Some(b) = fixed.get_mut(end) {
            *b = b'\n';
        }
    }
    // One ASCII byte for another: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(fixed).unwrap_or_else(|_| text.to_string()))
}

/// When `text` ends most lines with line feeds, and a parser refused line `line` right
/// after (or on) a line ended by a lone carriage return: advice naming that line. There
/// the carriage return ended a line, as an old Mac file's would; one typed inside a value
/// (a stray `\r`) split the value in two, which the parser's own message ("key with no
/// value") does not say.
pub fn stray_cr_help(text: &str, line: usize) -> Option<String> {
    let (mut feeds, mut lone, mut at) = (0, 0, None);
    for (n, (_, is_lone)) in (1..).zip(line_ends(text.as_bytes())) {
        if is_lone {
            lone += 1;
            if n + 1 == line || n == line {
                at = Some(n);
            }
        } else {
            feeds += 1;
        }
    }
    if feeds <= lone {
        return None;
    }
    at.map(|n| {
        format!(
            "line {n} ends with a lone carriage return, read as a line end; if it is not meant as one (a stray `\\r` inside a value), delete it"
        )
    })
}

/// [`lone_cr_as_newline`] for a text already owned (the same string when it has none).
pub fn lone_cr_as_newline_owned(text: String) -> String {
    match lone_cr_as_newline(&text) {
        std::borrow::Cow::Owned(fixed) => fixed,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

/// The lines of `text` as Markdown ends them (at `\n`, `\r\n` or a lone `\r`), without
/// their line breaks; as [`str::lines`] otherwise (no empty line after a last line break).
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut breaks = line_breaks(text.as_bytes());
    std::iter::from_fn(move || {
        let line = match breaks.next() {
            Some(next) => {
                let line = text.get(start..next - 1).unwrap_or("");
                start = next;
                line
            }
            None if start < text.len() => {
                let line = text.get(start..).unwrap_or("");
                start = text.len();
                line
            }
            None => return None,
        };
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Where `key` is first written at the start of a line of `text` (a front matter key), if
/// it is.
pub fn at_line_start(text: &str, key: &str) -> Option<usize> {
    text.match_indices(key).map(|(at, _)| at).find(|&at| {
        text.get(..at)
            .is_none_or(|before| before.is_empty() || before.ends_with(['\n', '\r']))
    })
}

/// Line and column (1-based, in characters) of a byte offset in `text`, for one lookup; an
/// offset inside a character counts as that character's start.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor(text, offset);
    let (mut line, mut start) = (1, 0);
    for next in line_breaks(text.as_bytes()).take_while(|&s| s <= offset) {
        line += 1;
        start = next;
    }
    (line, column(text, start, offset))
}

/// Where each line of `bytes` after the first starts: after each `\n`, and after each `\r`
/// not followed by one (an old Mac line end), as Markdown ends lines.
fn line_breaks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', bytes)
        .filter(|&i| bytes.get(i) == Some(&b'\n') || bytes.get(i + 1) != Some(&b'\n'))
        .map(|i| i + 1)
}

/// Where each line of `bytes` but the last ends (the byte of its line break, the `\n` of a
/// `\r\n`), and whether that is a lone `\r`: an old Mac line end.
fn line_ends(bytes: &[u8]) -> impl Iterator<Item = (usize, bool)> + '_ {
    line_breaks(bytes).map(move |next| (next - 1, bytes.get(next - 1) == Some(&b'\r')))
}

/// `offset` within `text`, moved back to the start of the character it falls in.
fn floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The 1-based column of `offset` on the line starting at byte `start`.
fn column(text: &str, start: usize, offset: usize) -> usize {
    text.get(start..offset).map_or(0, |s| s.chars().count()) + 1
}

/// Where each string of a TOML array is written: `array` is a `Spanned` value of a
/// `toml::de::DeTable`. Byte offsets of each string's opening quote, where a finding about
/// it points; `None` for an item that is not a string.
pub fn toml_strings(array: &toml::Spanned<toml::de::DeValue<'_>>) -> Vec<Option<usize>> {
    let toml::de::DeValue::Array(items) = array.get_ref() else {
        return Vec::new();
    };
    items
        .iter()
        .map(|item| {
            matches!(item.get_ref(), toml::de::DeValue::String(_)).then(|| item.span().start)
        })
        .collect()
}

/// The tables of the array of tables `key` (`[[languages]]`), in order.
pub fn toml_tables<'a, 'i>(
    table: &'a toml::de::DeTable<'i>,
    key: &str,
) -> Vec<&'a toml::de::DeTable<'i>> {
    match toml_key(table, key).map(toml::Spanned::get_ref) {
        Some(toml::de::DeValue::Array(items)) => items
            .iter()
            .filter_map(|t| match t.get_ref() {
                toml::de::DeValue::Table(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The value of key `key` in a `toml::de::DeTable`.
pub fn toml_key<'a, 'i>(
    table: &'a toml::de::DeTable<'i>,
    key: &str,
) -> Option<&'a toml::Spanned<toml::de::DeValue<'i>>> {
    table
        .iter()
        .find(|(k, _)| k.get_ref() == key)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::{Lines, lines, lone_cr_as_newline};

    #[test]
    fn a_line_is_its_text_without_its_break() {
        let lines = Lines::new("one\r\ntwo\n\nfour");
        assert_eq!(lines.text(1), "one");
        assert_eq!(lines.text(2), "two");
        assert_eq!(lines.text(3), "");
        assert_eq!(lines.text(4), "four");
        assert_eq!(lines.text(5), "");
        assert_eq!(lines.text(0), "");
    }

    #[test]
    fn lone_carriage_returns_end_lines_for_places_too() {
        let text = "a\rbc\r\nd\ne";
        let lines = Lines::new(text);
        for (offset, place) in [
            (0, (1, 1)),
            (2, (2, 1)),
            (3, (2, 2)),
            (6, (3, 1)),
            (8, (4, 1)),
        ] {
            assert_eq!(super::line_col(text, offset), place, "{offset}");
            assert_eq!(lines.line_col(offset), place, "{offset}");
        }
        assert_eq!(
            (lines.text(1), lines.text(2), lines.text(3)),
            ("a", "bc", "d")
        );
    }

    #[test]
    fn lines_end_where_markdown_ends_them() {
        fn all(t: &str) -> Vec<&str> {
            lines(t).collect()
        }
        assert_eq!(all("a\rb\r\nc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(all("a\r\r"), ["a", ""]);
        for t in ["", "\n", "a\n", "a\nb", "a\r\n\r\nb\n", "ü\n\nß"] {
            assert_eq!(all(t), t.lines().collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn a_key_is_found_at_a_line_start_only() {
        let text = "title = \"my slug\"\rslug = \"a\"\nslug = \"b\"";
        assert_eq!(super::at_line_start(text, "slug"), Some(18));
        assert_eq!(super::at_line_start("slug = 1", "slug"), Some(0));
        assert_eq!(super::at_line_start("x = \"slug\"", "slug"), None);
    }

    #[test]
    fn only_lone_carriage_returns_become_line_feeds() {
        assert_eq!(lone_cr_as_newline("a\rb\r\nç\r"), "a\nb\r\nç\n");
        assert_eq!(lone_cr_as_newline("a\r\nb\n"), "a\r\nb\n");
    }

    #[test]
    fn a_stray_carriage_return_is_named_where_a_parser_fails_after_it() {
        use super::stray_cr_help;
        let mixed = "+++\ntitle = \"Int\roduction\"\n+++\n";
        assert!(stray_cr_help(mixed, 3).is_some_and(|h| h.starts_with("line 2 ")));
        // Before it, or in a file of old Mac line ends only: nothing to say.
        assert_eq!(stray_cr_help(mixed, 1), None);
        assert_eq!(stray_cr_help("a\rb\rc", 3), None);
        assert_eq!(stray_cr_help("a\rb\rc\nd", 3), None);
        // A harmless one further up says nothing about an error below.
        assert_eq!(stray_cr_help("# a\rb = 1\nc = 2\nd\n", 4), None);
        assert_eq!(stray_cr_help("a\r\nb\n", 2), None);
    }
}
