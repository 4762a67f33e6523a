//! Front matter: split from the chapter by hand (so the body keeps its line numbers for
//! error messages), parsed as TOML (`+++`) or YAML (`---`), and edited in place by docent
//! (`translated_from`) without touching any other byte. Also the version of a file, which
//! translations record.

use crate::course::FrontMatter;
use crate::error::line_col;

/// The version of a source file: the start of the hash of its whole text, read as the same
/// text whatever its line ends and byte order mark (a checkout with `core.autocrlf` on Windows
/// would otherwise make every translation of it stale, with no line changed).
pub fn version_of(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normal;
    let text = if text.contains('\r') {
        normal = text.replace("\r\n", "\n").replace('\r', "\n");
        normal.as_str()
    } else {
        text
    };
    blake3::hash(text.as_bytes())
        .to_hex()
        .get(..16)
        .unwrap_or("")
        .to_string()
}

/// Whether `text` has the shape of a version (so it can name a file of the store).
pub fn is_version(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The fence a front matter opens with, which says how to parse it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `+++`: the front matter is TOML.
    Toml,
    /// `---`: the front matter is YAML.
    Yaml,
}

/// A chapter file cut in two at its front matter fences, with positions kept for errors.
pub struct Split<'a> {
    /// How `matter` is written.
    pub kind: Delimiter,
    /// The text between the fences, the fences left out.
    pub matter: &'a str,
    /// Where `matter` is in the whole text (a byte order mark included).
    pub matter_range: std::ops::Range<usize>,
    /// 1-based line of the file where `matter` starts.
    pub matter_line: usize,
    /// Everything after the closing fence: the Markdown of the chapter.
    pub body: &'a str,
    /// 1-based line of the file where `body` starts.
    pub body_line: usize,
}

/// Splits `+++`/`---` front matter by hand to keep line offsets for error messages.
pub fn split_front_matter(whole: &str) -> Option<Split<'_>> {
    let text = whole.strip_prefix('\u{feff}').unwrap_or(whole);
    let bom = whole.len() - text.len();
    let (kind, fence) = if text.starts_with("+++") {
        (Delimiter::Toml, "+++")
    } else if text.starts_with("---") {
        (Delimiter::Yaml, "---")
    } else {
        return None;
    };
    let first_end = text.find('\n')?;
    if text.get(..first_end)?.trim_end() != fence {
        return None;
    }
    let matter_start = first_end + 1;
    let mut offset = matter_start;
    for (line, raw) in (2..).zip(text.get(matter_start..)?.split_inclusive('\n')) {
        if raw.trim_end() == fence {
            let body_start = offset + raw.len();
            return Some(Split {
                kind,
                matter: text.get(matter_start..offset)?,
                matter_range: bom + matter_start..bom + offset,
                matter_line: 2,
                body: text.get(body_start..)?,
                body_line: line + 1,
            });
        }
        offset += raw.len();
    }
    None
}

/// Front matter text of either kind → its fields; `Err((line, col, message))` within it.
pub fn parse_front_matter(
    kind: Delimiter,
    matter: &str,
) -> Result<FrontMatter, (usize, usize, String)> {
    match kind {
        Delimiter::Toml => toml::from_str::<FrontMatter>(matter).map_err(|e| {
            let (l, c) = e.span().map_or((1, 1), |s| line_col(matter, s.start));
            (l, c, e.message().to_string())
        }),
        Delimiter::Yaml => serde_saphyr::from_str::<FrontMatter>(matter).map_err(|e| {
            let (l, c) = yaml_location(&e).unwrap_or((1, 1));
            (l, c, yaml_message(&e))
        }),
    }
}

fn yaml_location(e: &serde_saphyr::Error) -> Option<(usize, usize)> {
    let loc = e.location()?;
    Some((
        usize::try_from(loc.line()).ok()?.max(1),
        usize::try_from(loc.column()).ok()?.max(1),
    ))
}

/// saphyr's Display repeats the position, counted within the front matter rather than the
/// file; keep the message alone (the diagnostic carries the file's line and column).
fn yaml_message(e: &serde_saphyr::Error) -> String {
    let first = e
        .to_string()
        .lines()
        .next()
        .unwrap_or("invalid YAML")
        .to_string();
    // "error: line 2 column 1: unknown field …": the position is said by the diagnostic.
    let first = match first.strip_prefix("error: line ") {
        Some(rest) => rest
            .split_once(": ")
            .map_or(first.clone(), |(_, message)| message.to_string()),
        None => first,
    };
    let lower = first.to_ascii_lowercase();
    match lower.find(" at line ").or_else(|| lower.find(", line ")) {
        Some(i) => first
            .get(..i)
            .unwrap_or(&first)
            .trim_end_matches([':', ','])
            .to_string(),
        None => first,
    }
}

/// Sets `translated_from` in TOML (`+++`) or YAML (`---`) front matter, changing nothing
/// else: comments, layout, a byte order mark and every other line's ending stay as they
/// were. The result is parsed again and must differ from the original in that one field.
pub fn set_translated_from(text: &str, version: &str) -> Result<String, String> {
    // Lone carriage returns (old Mac line ends), which TOML and YAML do not take for line
    // ends: the edit is made on the text read with line feeds there, which has the same
    // bytes elsewhere, and only what it changed is put into the file as it is.
    if let std::borrow::Cow::Owned(lf) = crate::place::lone_cr_as_newline(text) {
        let edited = set_translated_from(&lf, version)?;
        let (a, b) = (lf.as_bytes(), edited.as_bytes());
        let mut head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        while !text.is_char_boundary(head) {
            head -= 1;
        }
        let rest = (a.len() - head).min(b.len() - head);
        let mut tail = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take(rest)
            .take_while(|(x, y)| x == y)
            .count();
        while !text.is_char_boundary(text.len() - tail) {
            tail -= 1;
        }
        let lost = || "cannot record the version without touching other lines".to_string();
        let changed = edited.get(head..edited.len() - tail).ok_or_else(lost)?;
        // A line added after an old Mac line end ends as that line does.
        let changed = if head > 0 && text.as_bytes().get(head - 1) == Some(&b'\r') {
            changed.replace('\n', "\r")
        } else {
            changed.to_string()
        };
        return Ok(format!(
            "{}{changed}{}",
            text.get(..head).ok_or_else(lost)?,
            text.get(text.len() - tail..).ok_or_else(lost)?
        ));
    }
    let split = split_front_matter(text)
        .ok_or("cannot find the front matter to record the version in (`+++` or `---` lines)")?;
    let at_file_line = |l: usize, c: usize| format!("{}:{c}", split.matter_line + l - 1);
    let before = parse_front_matter(split.kind, split.matter).map_err(|(l, c, m)| {
        format!(
            "the front matter does not parse (line {}): {m}",
            at_file_line(l, c)
        )
    })?;
    // The front matter's own line ending, whatever the body uses.
    let newline =
        if split.matter.contains("\r\n") || (split.matter.is_empty() && text.contains("+++\r\n")) {
            "\r\n"
        } else {
            "\n"
        };
    let matter = match split.kind {
        Delimiter::Toml => set_toml_key(split.matter, "translated_from", version, newline)?,
        Delimiter::Yaml => set_yaml_key(split.matter, "translated_from", version, newline),
    };
    let after = parse_front_matter(split.kind, &matter).map_err(|(l, c, m)| {
        format!(
            "recording the version would break the front matter (line {}): {m}",
            at_file_line(l, c)
        )
    })?;
    let expected = crate::course::FrontMatter {
        translated_from: Some(version.to_string()),
        ..before
    };
    if after != expected {
        let line = match split.kind {
            Delimiter::Toml => "translated_from = \"\"",
            Delimiter::Yaml => "translated_from: \"\"",
        };
        return Err(format!(
            "cannot record the version without touching other front matter; \
             add a line `{line}` at the top level of the front matter and run this again"
        ));
    }
    let range = split.matter_range;
    Ok(format!(
        "{}{matter}{}",
        text.get(..range.start).unwrap_or(""),
        text.get(range.end..).unwrap_or("")
    ))
}

/// Sets a top-level string `key` in TOML text by editing bytes: the value in place when the
/// key is there, else a new line after the last top-level key (before any `[table]`).
fn set_toml_key(matter: &str, key: &str, value: &str, newline: &str) -> Result<String, String> {
    let doc = toml_edit::Document::parse(matter)
        .map_err(|e| format!("the front matter does not parse: {}", e.message()))?;
    let quoted = format!("\"{value}\"");
    let root = doc.as_table();
    if let Some(item) = root.get(key) {
        let span = item
            .span()
            .ok_or("cannot find where the existing value is written")?;
        return Ok(format!(
            "{}{quoted}{}",
            matter.get(..span.start).unwrap_or(""),
            matter.get(span.end..).unwrap_or("")
        ));
    }
    // Where the top-level keys end: after the line holding the last of their values.
    fn last_end(table: &toml_edit::Table, end: &mut usize) {
        for (_, item) in table.iter() {
            match item {
                toml_edit::Item::Value(v) => {
                    if let Some(span) = v.span() {
                        *end = (*end).max(span.end);
                    }
                }
                toml_edit::Item::Table(t) if t.is_dotted() => last_end(t, end),
                _ => {}
            }
        }
    }
    let mut end = 0;
    last_end(root, &mut end);
    let at = if end == 0 {
        0
    } else {
        matter
            .get(end..)
            .and_then(|rest| rest.find('\n'))
            .map_or(matter.len(), |i| end + i + 1)
    };
    let (head, tail) = (
        matter.get(..at).unwrap_or(""),
        matter.get(at..).unwrap_or(""),
    );
    let gap = if head.is_empty() || head.ends_with('\n') {
        ""
    } else {
        newline
    };
    Ok(format!("{head}{gap}{key} = {quoted}{newline}{tail}"))
}

/// Sets a top-level `key: "value"` in YAML text: replaces the line where the key starts at
/// column 0, or adds one at the end.
fn set_yaml_key(matter: &str, key: &str, value: &str, newline: &str) -> String {
    let line = format!("{key}: \"{value}\"");
    let mut out = String::with_capacity(matter.len() + line.len() + 2);
    let mut done = false;
    for raw in matter.split_inclusive('\n') {
        let bare = raw.trim_end_matches(['\r', '\n']);
        let is_key = bare
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'));
        if !done && is_key {
            out.push_str(&line);
            out.push_str(raw.get(bare.len()..).unwrap_or(""));
            done = true;
        } else {
            out.push_str(raw);
        }
    }
    if !done {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push_str(newline);
        }
        out.push_str(&line);
        out.push_str(newline);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source saved again with other line ends or a byte order mark is the same version;
    /// a changed character is not.
    #[test]
    fn line_ends_and_a_byte_order_mark_do_not_change_the_version() {
        let lf = "+++\ntitle = \"A\"\n+++\n\nbody\n";
        let v = version_of(lf);
        assert_eq!(version_of(&lf.replace('\n', "\r\n")), v);
        assert_eq!(version_of(&format!("\u{feff}{lf}")), v);
        assert_eq!(version_of(&lf.replace('\n', "\r")), v);
        assert_ne!(version_of(&lf.replace("body", "bodY")), v);
    }

    #[test]
    fn splits_toml_and_keeps_body_line() {
        let s = split_front_matter("+++\ntitle = \"A\"\n+++\n\nbody\n").expect("split");
        assert_eq!(s.kind, Delimiter::Toml);
        assert_eq!(s.matter, "title = \"A\"\n");
        assert_eq!(s.body, "\nbody\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn records_the_version_keeping_every_line_end() {
        let version = "0123456789abcdef";
        for text in [
            "+++\rtitle = \"A\"\r+++\r\rbody\r",
            "+++\rtitle = \"Á\"\r\n+++\n\nbody\r\rmore\n",
            "---\rtitle: Á\rtranslated_from: \"fedcba9876543210\"\r---\nbody\n",
        ] {
            let done = set_translated_from(text, version).expect(text);
            let record = |t: &str| t.contains(version) || t.contains("fedcba9876543210");
            // The lines with their line ends (`\r\n` is one), the version's line left out.
            let kept = |t: &str| -> Vec<String> {
                let mut lines = vec![String::new()];
                for c in t.chars() {
                    let last = lines.last_mut().expect("a line");
                    if last.ends_with('\r') && c != '\n' || last.ends_with('\n') {
                        lines.push(c.to_string());
                    } else {
                        last.push(c);
                    }
                }
                lines.into_iter().filter(|l| !record(l)).collect()
            };
            assert_eq!(kept(&done), kept(text), "{done:?}");
            // The file says the new version, and its front matter's lines end as they did.
            let lf = crate::place::lone_cr_as_newline(&done);
            let split = split_front_matter(&lf).expect("front matter");
            let front = parse_front_matter(split.kind, split.matter).expect("parses");
            assert_eq!(front.translated_from.as_deref(), Some(version), "{done:?}");
            let line = done
                .lines()
                .flat_map(|l| l.split('\r'))
                .find(|l| l.contains(version));
            assert!(line.is_some(), "{done:?}");
            if !text.contains('\n') {
                assert!(!done.contains('\n'), "{done:?}");
            }
        }
    }

    #[test]
    fn records_the_version_and_keeps_the_rest() {
        let toml = "+++\ntitle = \"T\"\n+++\n\nBody  \nwith spaces\n";
        let once = set_translated_from(toml, "abc").expect("toml");
        assert_eq!(
            once,
            "+++\ntitle = \"T\"\ntranslated_from = \"abc\"\n+++\n\nBody  \nwith spaces\n"
        );
        let twice = set_translated_from(&once, "def").expect("again");
        assert_eq!(twice, once.replace("abc", "def"));
        let yaml = "---\r\ntitle: T\r\n---\r\nx\r\n";
        assert_eq!(
            set_translated_from(yaml, "abc").expect("yaml"),
            "---\r\ntitle: T\r\ntranslated_from: \"abc\"\r\n---\r\nx\r\n"
        );
        assert!(set_translated_from("no front matter", "abc").is_err());
    }

    #[test]
    fn a_multi_line_string_is_not_mistaken_for_the_key() {
        let text = "+++\ntitle = \"T\"\ndescription = \"\"\"\nFirst line.\ntranslated_from here is prose.\n\"\"\"\n# a comment\n+++\nBody\n";
        let out = set_translated_from(text, "abc").expect("set");
        assert!(out.contains("translated_from here is prose.\n"), "{out}");
        assert!(out.contains("# a comment\n"), "{out}");
        assert!(out.contains("translated_from = \"abc\""), "{out}");
        assert!(out.ends_with("+++\nBody\n"), "{out}");
    }

    #[test]
    fn the_front_matter_keeps_its_own_line_endings() {
        let text = "+++\n# a comment\ntitle = \"T\"\n+++\n\nBody line\r\nmore\n";
        let out = set_translated_from(text, "abc").expect("set");
        assert_eq!(
            out,
            "+++\n# a comment\ntitle = \"T\"\ntranslated_from = \"abc\"\n+++\n\nBody line\r\nmore\n"
        );
        let crlf = "+++\r\ntitle = \"T\" # kept\r\ndescription = \"\"\"\nx\ny\"\"\"\r\n+++\r\n";
        let out = set_translated_from(crlf, "abc").expect("set");
        assert_eq!(
            out,
            "+++\r\ntitle = \"T\" # kept\r\ndescription = \"\"\"\nx\ny\"\"\"\r\ntranslated_from = \"abc\"\r\n+++\r\n"
        );
    }

    #[test]
    fn a_byte_order_mark_stays() {
        let text = "\u{feff}+++\ntitle = \"T\"\n+++\nBody\n";
        let out = set_translated_from(text, "abc").expect("set");
        assert_eq!(
            out,
            "\u{feff}+++\ntitle = \"T\"\ntranslated_from = \"abc\"\n+++\nBody\n"
        );
    }

    #[test]
    fn yaml_block_text_that_starts_with_the_key_is_left_alone() {
        let text = "---\ntitle: T\ndescription: |\n  translated_from: not a key\ntranslated_from: \"old\"\n---\nx\n";
        let out = set_translated_from(text, "new").expect("set");
        assert!(out.contains("  translated_from: not a key\n"), "{out}");
        assert!(out.contains("\ntranslated_from: \"new\"\n"), "{out}");
    }
}
