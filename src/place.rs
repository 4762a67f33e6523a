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
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// Line and column (1-based, in characters) of a byte offset; an offset inside a
    /// character counts as that character's start.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, col)
    }
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
