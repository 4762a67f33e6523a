//! A fence's info string: the language (the first token, up to a comma or a space), then
//! `key="value"`, `key=value` and bare flags, separated by spaces or commas
//! (`rust,ignore`, `toml title="Cargo.toml"`, `rust,edition2021 hidelines=#`).

use std::collections::BTreeMap;

/// A parsed info string (`dockerfile title="Dockerfile" linenums`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Info {
    /// The first token when it is not `key=value`, a leading `{` or `.` dropped; empty when
    /// none.
    pub lang: String,
    /// Attribute name → value, unquoted; a bare flag maps to an empty string.
    pub attrs: BTreeMap<String, String>,
    /// Attribute names in the order written, to report unknown ones.
    pub order: Vec<String>,
}

impl Info {
    /// Splits an info string into its language and attributes; `Err` says what is wrong
    /// (an unclosed quote).
    pub fn parse(info: &str) -> Result<Info, String> {
        let mut chars = info.trim().chars().peekable();
        let mut tokens: Vec<(String, Option<String>)> = Vec::new();
        loop {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            if chars.peek().is_none() {
                break;
            }
            let mut key = String::new();
            while let Some(c) = chars.next_if(|c| !c.is_whitespace() && *c != '=') {
                key.push(c);
            }
            if chars.next_if_eq(&'=').is_none() {
                tokens.push((key, None));
                continue;
            }
            let value = match chars.peek().copied() {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    let mut v = String::new();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == q {
                            closed = true;
                            break;
                        }
                        v.push(c);
                    }
                    if !closed {
                        return Err(format!("attribute `{key}` has an unclosed quote"));
                    }
                    v
                }
                _ => {
                    let mut v = String::new();
                    while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                        v.push(c);
                    }
                    v
                }
            };
            tokens.push((key, Some(value)));
        }
        let mut out = Info::default();
        let mut iter = tokens.into_iter().peekable();
        // mdBook writes flags after the language with commas: `rust,ignore,should_panic`.
        let mut flags = Vec::new();
        if let Some((first, None)) = iter.peek() {
            let mut parts = first.split(',');
            out.lang = parts
                .next()
                .unwrap_or_default()
                .trim_start_matches(['{', '.'])
                .trim_end_matches('}')
                .to_string();
            flags.extend(parts.filter(|p| !p.is_empty()).map(String::from));
            iter.next();
        }
        for flag in flags {
            out.push(flag, String::new());
        }
        for (key, value) in iter {
            match value {
                Some(value) => out.push(key, value),
                None => {
                    for flag in key.split(',').filter(|f| !f.is_empty()) {
                        out.push(flag.to_string(), String::new());
                    }
                }
            }
        }
        Ok(out)
    }

    fn push(&mut self, key: String, value: String) {
        self.order.push(key.clone());
        self.attrs.insert(key, value);
    }

    /// The value of attribute `key`, `Some("")` for a bare flag.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
    }

    /// Whether attribute `key` is written, with or without a value.
    pub fn has(&self, key: &str) -> bool {
        self.attrs.contains_key(key)
    }
}

/// `"2 5-7"` → sorted line numbers of a block of `len` lines; `Err` names the bad part.
/// Ranges are checked against `len` before anything is allocated, so `1-99999999999` is an
/// error, not gigabytes of line numbers.
pub fn parse_line_ranges(spec: &str, len: usize) -> Result<Vec<usize>, String> {
    let mut lines = Vec::new();
    for part in spec.split([' ', ',']).filter(|p| !p.is_empty()) {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let (Ok(a), Ok(b)) = (a.trim().parse::<usize>(), b.trim().parse::<usize>()) else {
            return Err(format!("`{part}` is not a line number or range like 5-7"));
        };
        if a == 0 || b < a {
            return Err(format!("`{part}` is not a valid range (lines start at 1)"));
        }
        if b > len {
            return Err(format!(
                "`{part}` goes past the end of the block, which has {}",
                crate::plural::count(len, "line", "lines")
            ));
        }
        lines.extend(a..=b);
    }
    lines.sort_unstable();
    lines.dedup();
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_design_example() {
        let i = Info::parse(r#"dockerfile title="Dockerfile" hl_lines="2 5-7" linenums"#)
            .expect("parse");
        assert_eq!(i.lang, "dockerfile");
        assert_eq!(i.get("title"), Some("Dockerfile"));
        assert_eq!(i.get("hl_lines"), Some("2 5-7"));
        assert!(i.has("linenums"));
        assert_eq!(parse_line_ranges("2 5-7", 7), Ok(vec![2, 5, 6, 7]));
    }

    #[test]
    fn mdbook_info_strings() {
        let i = Info::parse("rust,ignore,should_panic").expect("parse");
        assert_eq!(i.lang, "rust");
        assert_eq!(i.order, ["ignore", "should_panic"]);
        let i = Info::parse(r#"toml title="Cargo.toml""#).expect("parse");
        assert_eq!(
            (i.lang.as_str(), i.get("title")),
            ("toml", Some("Cargo.toml"))
        );
        let i = Info::parse("console,ignore linenums").expect("parse");
        assert_eq!(i.lang, "console");
        assert_eq!(i.order, ["ignore", "linenums"]);
        let i = Info::parse("rust,edition2021 hidelines=#").expect("parse");
        assert_eq!(i.get("hidelines"), Some("#"));
        assert!(i.has("edition2021"));
        assert_eq!(Info::parse("{.python}").expect("parse").lang, "python");
    }

    #[test]
    fn attributes_without_language() {
        let i = Info::parse(r#"src="Dockerfile""#).expect("parse");
        assert_eq!(i.lang, "");
        assert_eq!(i.get("src"), Some("Dockerfile"));
    }

    #[test]
    fn errors() {
        assert!(Info::parse(r#"go title="x"#).is_err());
        assert!(parse_line_ranges("3-1", 5).is_err());
        assert!(parse_line_ranges("a", 5).is_err());
        assert!(parse_line_ranges("2-8", 7).is_err());
        assert!(parse_line_ranges("1-18446744073709551615", 7).is_err());
    }
}
