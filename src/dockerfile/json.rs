//! The exec (JSON) form: a JSON array of strings.
//!
//! BuildKit decodes the arguments as JSON; when that fails for any reason the instruction is in
//! shell form, except that a well-formed array holding something other than strings is an
//! error. A small strict JSON reader is enough to tell the three cases apart.

/// Why text is not a JSON array of strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotExec {
    /// Not well-formed JSON (or not an array): the instruction is in shell form.
    Syntax,
    /// A well-formed array with an item that is not a string: BuildKit rejects the instruction.
    NotStrings,
}

/// Nesting deeper than this is refused as malformed, as Go's decoder does.
const MAX_DEPTH: usize = 10_000;

/// Decodes `text` as a JSON array of strings.
pub(crate) fn string_array(text: &str) -> Result<Vec<String>, NotExec> {
    let mut reader = Reader {
        bytes: text.trim_start().as_bytes(),
        pos: 0,
    };
    reader.expect(b'[')?;
    let mut items = Vec::new();
    let mut all_strings = true;
    reader.skip_blanks();
    if reader.peek() == Some(b']') {
        reader.pos += 1;
    } else {
        loop {
            reader.skip_blanks();
            if reader.peek() == Some(b'"') {
                items.push(reader.string()?);
            } else {
                all_strings = false;
                reader.value()?;
            }
            reader.skip_blanks();
            match reader.next() {
                Some(b',') => continue,
                Some(b']') => break,
                _ => return Err(NotExec::Syntax),
            }
        }
    }
    reader.skip_blanks();
    if reader.pos != reader.bytes.len() {
        return Err(NotExec::Syntax);
    }
    if all_strings {
        Ok(items)
    } else {
        Err(NotExec::NotStrings)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn expect(&mut self, want: u8) -> Result<(), NotExec> {
        match self.next() {
            Some(b) if b == want => Ok(()),
            _ => Err(NotExec::Syntax),
        }
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Skips any JSON value, without recursion so that deep nesting cannot exhaust the stack.
    fn value(&mut self) -> Result<(), NotExec> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            if open.len() > MAX_DEPTH {
                return Err(NotExec::Syntax);
            }
            self.skip_blanks();
            match self.next().ok_or(NotExec::Syntax)? {
                b'"' => {
                    self.pos -= 1;
                    self.string()?;
                }
                b'[' => {
                    self.skip_blanks();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(b']');
                        continue;
                    }
                }
                b'{' => {
                    self.skip_blanks();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(b'}');
                        self.member_key()?;
                        continue;
                    }
                }
                b't' => self.literal(b"rue")?,
                b'f' => self.literal(b"alse")?,
                b'n' => self.literal(b"ull")?,
                b'-' | b'0'..=b'9' => {
                    self.pos -= 1;
                    self.number()?;
                }
                _ => return Err(NotExec::Syntax),
            }
            // A value is complete: close containers or move to the next item.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                self.skip_blanks();
                match self.next() {
                    Some(b',') => {
                        if close == b'}' {
                            self.member_key()?;
                        }
                        break;
                    }
                    Some(b) if b == close => {
                        open.pop();
                    }
                    _ => return Err(NotExec::Syntax),
                }
            }
        }
    }

    /// Reads `"key" :` inside an object.
    fn member_key(&mut self) -> Result<(), NotExec> {
        self.skip_blanks();
        self.string()?;
        self.skip_blanks();
        self.expect(b':')
    }

    fn literal(&mut self, rest: &[u8]) -> Result<(), NotExec> {
        let end = self.pos + rest.len();
        if self.bytes.get(self.pos..end) == Some(rest) {
            self.pos = end;
            Ok(())
        } else {
            Err(NotExec::Syntax)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), NotExec> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(NotExec::Syntax),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(NotExec::Syntax);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(NotExec::Syntax);
            }
        }
        Ok(())
    }

    /// Reads a string literal, decoding escapes. Lone UTF-16 surrogates become U+FFFD, as Go
    /// decodes them.
    fn string(&mut self) -> Result<String, NotExec> {
        self.expect(b'"')?;
        let mut out: Vec<u8> = Vec::new();
        loop {
            match self.next().ok_or(NotExec::Syntax)? {
                b'"' => break,
                b'\\' => self.escape(&mut out)?,
                b if b < 0x20 => return Err(NotExec::Syntax),
                b => out.push(b),
            }
        }
        // The input is a &str and escapes only add whole characters, so this cannot fail; be
        // lenient anyway rather than panic.
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), NotExec> {
        let c = match self.next().ok_or(NotExec::Syntax)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode_escape()?,
            _ => return Err(NotExec::Syntax),
        };
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        Ok(())
    }

    /// Decodes the digits of `\uXXXX`, pairing a high surrogate with a following `\uXXXX` low one.
    fn unicode_escape(&mut self) -> Result<char, NotExec> {
        let first = self.hex4()?;
        if !(0xD800..0xDC00).contains(&first) {
            return Ok(char::from_u32(first).unwrap_or('\u{FFFD}'));
        }
        let save = self.pos;
        if self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u") {
            self.pos += 2;
            if let Ok(second) = self.hex4()
                && (0xDC00..0xE000).contains(&second)
            {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
            }
        }
        // Not a pair: the lone surrogate is replaced and what follows is read on its own.
        self.pos = save;
        Ok('\u{FFFD}')
    }

    fn hex4(&mut self) -> Result<u32, NotExec> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or(NotExec::Syntax)?;
        let mut value = 0u32;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or(NotExec::Syntax)?;
            value = value * 16 + v;
        }
        self.pos += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::{NotExec, string_array};

    #[test]
    fn arrays_of_strings() {
        assert_eq!(string_array("[]"), Ok(vec![]));
        assert_eq!(
            string_array(" [ \"a\" ,\t\"b\" ] "),
            Ok(vec!["a".into(), "b".into()])
        );
        assert_eq!(
            string_array(r#"["\" \\ \/ \b \f \n \r \t \u0000 \u2665 \ud83d\ude00 \ud800x"]"#),
            Ok(vec![
                "\" \\ / \u{8} \u{c} \n \r \t \0 ♥ 😀 \u{FFFD}x".into()
            ])
        );
    }

    #[test]
    fn malformed_or_not_strings() {
        for bad in [
            "",
            "[",
            "[\"a\"",
            "[\"a\",]",
            "['a']",
            "[\"a\"] x",
            "[\"\u{1}\"]",
            "[01]",
            "[1.]",
            "[\"\\x\"]",
            "[\"\\u12\"]",
            "{}",
            "[tru]",
            "[{\"a\" 1}]",
        ] {
            assert_eq!(string_array(bad), Err(NotExec::Syntax), "{bad:?}");
        }
        for odd in [
            "[1]",
            "[\"a\", [\"b\"]]",
            "[null]",
            "[{\"k\": [1, {}]}, -1.5e+3]",
        ] {
            assert_eq!(string_array(odd), Err(NotExec::NotStrings), "{odd:?}");
        }
        let deep = format!("[{}{}]", "[".repeat(20_000), "]".repeat(20_000));
        assert_eq!(string_array(&deep), Err(NotExec::Syntax));
    }
}
