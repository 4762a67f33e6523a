//! Translation freshness: a translation records the version of the source it was made from
//! (`translated_from` in its front matter, written by `docent translate done`), and docent
//! keeps each recorded source version under `<course>/.docent/sources/<version>.md`, so what
//! changed since can be shown without any version control.

use crate::course::{Chapter, Course};
use crate::error::{Diagnostic, Error, Result};
use crate::fsx;
use std::path::{Path, PathBuf};

/// The version of a source file: the start of the hash of its whole text.
pub fn version_of(text: &str) -> String {
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

/// Where recorded source versions live.
pub fn store_dir(root: &Path) -> PathBuf {
    root.join(".docent").join("sources")
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Freshness {
    /// The chapter is the source itself.
    Source,
    UpToDate,
    /// The source changed since the translation was made from `recorded`.
    Stale {
        recorded: String,
    },
    /// The translation records no source version.
    Unknown,
    Missing,
}

/// How a chapter's `lang` file stands against its source.
pub fn freshness(course: &Course, chapter: &Chapter, lang: &str) -> Freshness {
    let Some((source_lang, source)) = course.source_of(chapter) else {
        return Freshness::Unknown;
    };
    if lang == source_lang {
        return Freshness::Source;
    }
    let Some(translation) = chapter.sources.get(lang) else {
        return Freshness::Missing;
    };
    match &translation.front.translated_from {
        None => Freshness::Unknown,
        Some(recorded) if *recorded == source.version => Freshness::UpToDate,
        Some(recorded) => Freshness::Stale {
            recorded: recorded.clone(),
        },
    }
}

/// One chapter and language in `docent translate status`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub chapter: String,
    pub lang: String,
    #[serde(flatten)]
    pub freshness: Freshness,
    /// For a stale translation: what changed in the source since (a unified diff), when the
    /// recorded version is in the store.
    pub diff: Option<String>,
}

pub fn status(course: &Course) -> Vec<Status> {
    let mut out = Vec::new();
    for chapter in &course.chapters {
        for lang in course.language_codes() {
            let freshness = freshness(course, chapter, lang);
            if freshness == Freshness::Source {
                continue;
            }
            let diff = match (&freshness, course.source_of(chapter)) {
                (Freshness::Stale { recorded }, Some((_, source))) if is_version(recorded) => {
                    let stored = store_dir(&course.root).join(format!("{recorded}.md"));
                    crate::fsx::inside(&course.project, &stored)
                        .ok()
                        .and_then(|_| fsx::read_to_string(&stored).ok())
                        .and_then(|old| {
                            fsx::read_to_string(&source.path)
                                .ok()
                                .map(|new| diff(&old, &new))
                        })
                }
                _ => None,
            };
            out.push(Status {
                chapter: chapter.id.clone(),
                lang: lang.to_string(),
                freshness,
                diff,
            });
        }
    }
    out
}

/// Records that `chapter`'s `lang` file now matches its source: writes `translated_from`
/// into its front matter (the rest of the file stays byte for byte) and stores the source
/// version. `chapter` is the folder name or its number.
pub fn done(course: &Course, chapter: &str, lang: &str) -> Result<String> {
    let number = chapter.parse::<u64>().ok();
    let found = course.chapters.iter().find(|c| {
        c.id == chapter
            || number.is_some_and(|n| {
                c.id.split('-').next().and_then(|p| p.parse::<u64>().ok()) == Some(n)
            })
    });
    let Some(found) = found else {
        return Err(Diagnostic::error(&course.root, 0, 0, format!("no chapter `{chapter}`"))
            .with_help("name the chapter by its folder, e.g. 02-first-multi-stage-build, or its number")
            .into());
    };
    let Some((source_lang, source)) = course.source_of(found) else {
        return Err(Diagnostic::error(
            &found.dir,
            0,
            0,
            "this chapter has no source file in the default language",
        )
        .into());
    };
    if lang == source_lang {
        return Err(Diagnostic::error(
            &source.path,
            0,
            0,
            format!("{lang} is the source language; only translations are recorded"),
        )
        .into());
    }
    let Some(translation) = found.sources.get(lang) else {
        return Err(Diagnostic::error(
            found.dir.join(format!("{lang}.md")),
            0,
            0,
            "there is no such translation",
        )
        .with_help(format!("write {lang}.md first"))
        .into());
    };
    let source_text = fsx::read_to_string(&source.path)?;
    let version = version_of(&source_text);
    // Everything is worked out before anything is written: a failure leaves no trace.
    let text = fsx::read_to_string(&translation.path)?;
    let updated = set_translated_from(&text, &version)
        .map_err(|message| Error::from(Diagnostic::error(&translation.path, 1, 1, message)))?;
    let stored = store_dir(&course.root).join(format!("{version}.md"));
    if let Err(escape) = fsx::inside(&course.project, &stored) {
        return Err(crate::load::escape_diagnostic(&stored, &escape, &course.project).into());
    }
    fsx::write_atomic(&stored, source_text.as_bytes())?;
    if updated != text {
        fsx::write_atomic(&crate::fsx::resolve(&translation.path), updated.as_bytes())?;
    }
    Ok(version)
}

/// Sets `translated_from` in TOML (`+++`) or YAML (`---`) front matter, changing nothing
/// else: comments, layout, a byte order mark and every other line's ending stay as they
/// were. The result is parsed again and must differ from the original in that one field.
pub fn set_translated_from(text: &str, version: &str) -> Result<String, String> {
    use crate::load::{Delimiter, parse_front_matter, split_front_matter};
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

/// A unified diff of two texts (3 lines of context), for `translate status`.
pub fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let (only_a, only_b) = crate::markdown::compare::diff(&a, &b);
    // Walk both files, printing changed lines with some context.
    let mut out = String::new();
    let (mut i, mut j) = (1, 1);
    let mut ops: Vec<(char, &str, usize)> = Vec::new();
    while i <= a.len() || j <= b.len() {
        if i <= a.len() && only_a.contains(&i) {
            ops.push(('-', a.get(i - 1).copied().unwrap_or(""), i));
            i += 1;
        } else if j <= b.len() && only_b.contains(&j) {
            ops.push(('+', b.get(j - 1).copied().unwrap_or(""), j));
            j += 1;
        } else {
            ops.push((' ', b.get(j - 1).copied().unwrap_or(""), j));
            i += 1;
            j += 1;
        }
    }
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, o)| o.0 != ' ')
        .map(|(k, _)| k)
        .collect();
    let near = |k: usize| changed.iter().any(|&c| c.abs_diff(k) <= 3);
    let mut gap = false;
    for (k, (op, line, n)) in ops.iter().enumerate() {
        if near(k) {
            if gap {
                out.push_str("@@\n");
                gap = false;
            }
            if *op == ' ' {
                out.push_str(&format!("  {line}\n"));
            } else {
                out.push_str(&format!("{op} {line}   (line {n})\n"));
            }
        } else {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn diff_shows_what_changed() {
        let d = diff("a\nb\nc\n", "a\nB\nc\nd\n");
        assert!(d.contains("- b"), "{d}");
        assert!(d.contains("+ B"), "{d}");
        assert!(d.contains("+ d"), "{d}");
    }
}
