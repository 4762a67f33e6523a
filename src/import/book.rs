//! The mdBook project: `book.toml` and the rule that only files inside the book are read.

use crate::error::{Diagnostic, Result, line_col};
use std::path::{Path, PathBuf};

/// An mdBook project being imported.
#[derive(Debug)]
pub(crate) struct Book {
    /// The book folder resolved through symlinks: nothing outside it is read.
    pub real: PathBuf,
    /// The Markdown folder (`[book] src`, default `src`).
    pub src: PathBuf,
    /// `book.toml`, for the report.
    pub toml_path: PathBuf,
    /// `[book] title`.
    pub title: String,
    /// `[book] authors`.
    pub authors: Vec<String>,
    /// `[book] description`.
    pub description: String,
    /// `[book] language`, checked to be a language tag.
    pub language: String,
    /// `[output.html] site-url`.
    pub site_url: Option<String>,
    /// `[output.html] git-repository-url`.
    pub repository: Option<String>,
}

impl Book {
    /// Reads `dir/book.toml`; a folder without one is not an mdBook.
    pub(crate) fn open(dir: &Path, report: &mut Vec<Diagnostic>) -> Result<Book> {
        let toml_path = dir.join("book.toml");
        if !toml_path.is_file() {
            return Err(Diagnostic::error(
                &toml_path,
                0,
                0,
                "no book.toml: the folder to import must be an mdBook project",
            )
            .with_help("name the folder that holds book.toml (and src/SUMMARY.md)")
            .into());
        }
        let bytes = crate::fsx::read(&toml_path)?;
        let text = decode_told(&toml_path, &bytes, report)
            .map_err(|why| Diagnostic::error(&toml_path, 0, 0, format!("book.toml: {why}")))?;
        let table: toml::Table = toml::from_str(&text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), |s| line_col(&text, s.start));
            Diagnostic::error(
                &toml_path,
                line,
                col,
                format!("invalid book.toml: {}", e.message()),
            )
        })?;
        let get = |section: &[&str], key: &str| -> Option<&toml::Value> {
            let mut t = &table;
            for s in section {
                t = t.get(*s)?.as_table()?;
            }
            t.get(key)
        };
        let string = |section: &[&str], key: &str| {
            get(section, key)
                .and_then(toml::Value::as_str)
                .map(str::to_string)
        };
        let title = string(&["book"], "title").unwrap_or_else(|| {
            report.push(Diagnostic::warning(
                &toml_path,
                0,
                0,
                "book.toml has no [book] title; the course is titled after the folder",
            ));
            dir.file_name()
                .map_or_else(|| "Book".to_string(), |n| n.to_string_lossy().into_owned())
        });
        let mut language = string(&["book"], "language").unwrap_or_else(|| "en".to_string());
        if language.parse::<unic_langid::LanguageIdentifier>().is_err()
            || language.contains(['/', '\\', '.'])
        {
            report.push(Diagnostic::warning(
                &toml_path,
                0,
                0,
                format!("[book] language `{language}` is not a language tag; using `en`"),
            ));
            language = "en".to_string();
        }
        let authors = get(&["book"], "authors")
            .and_then(toml::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(toml::Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let src = string(&["book"], "src").unwrap_or_else(|| "src".to_string());
        let real = std::fs::canonicalize(dir).map_err(|e| crate::error::Error::io(dir, e))?;
        Ok(Book {
            real,
            src: dir.join(src),
            toml_path,
            title,
            authors,
            description: string(&["book"], "description").unwrap_or_default(),
            language,
            site_url: string(&["output", "html"], "site-url"),
            repository: string(&["output", "html"], "git-repository-url"),
        })
    }

    /// Where `path` really is, when it is a regular file inside the book; otherwise why not.
    pub(crate) fn real_inside(&self, path: &Path) -> std::result::Result<PathBuf, String> {
        let real = match std::fs::canonicalize(path) {
            Ok(real) => real,
            Err(_) if std::fs::symlink_metadata(path).is_ok() => {
                return Err("a symbolic link to nothing".to_string());
            }
            Err(_) => return Err("no such file".to_string()),
        };
        if !real.starts_with(&self.real) {
            return Err(format!(
                "leads outside the book (to {}), not followed",
                real.display()
            ));
        }
        match std::fs::metadata(&real) {
            Ok(m) if m.is_file() => Ok(real),
            Ok(m) if m.is_dir() => Err("a folder, not a file".to_string()),
            Ok(_) => Err("not a regular file".to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The text of a file inside the book, decoded as [`decode_told`] does (a file read
    /// partly as Windows-1252 is said in `report`); otherwise why it cannot be read. Its
    /// bytes are read once.
    pub(crate) fn read_text(
        &self,
        path: &Path,
        report: &mut Vec<Diagnostic>,
    ) -> std::result::Result<String, String> {
        let real = self.real_inside(path)?;
        let too_big = |size: u64| {
            format!(
                "{:.1} MB, more than the {} MB import reads of one file",
                size as f64 / 1e6,
                MAX_TEXT_BYTES / 1_000_000
            )
        };
        if let Ok(m) = std::fs::metadata(&real)
            && m.len() > MAX_TEXT_BYTES
        {
            return Err(too_big(m.len()));
        }
        let bytes = crate::fsx::read(&real).map_err(|e| read_failure(&e))?;
        // Grown since it was measured.
        if bytes.len() as u64 > MAX_TEXT_BYTES {
            return Err(too_big(bytes.len() as u64));
        }
        decode_told(path, &bytes, report)
    }
}

/// What import says of a file some of whose bytes it read as Windows-1252.
const READ_AS_CP1252: &str = "is not UTF-8 throughout: what is not was read as Windows-1252 (Latin-1); check its accents and quotes, and save it as UTF-8";

/// The file at `path`'s `bytes` as text ([`decode`]); when some were read as Windows-1252,
/// `report` says so, for the author to check its accents.
fn decode_told(
    path: &Path,
    bytes: &[u8],
    report: &mut Vec<Diagnostic>,
) -> std::result::Result<String, String> {
    let (text, legacy) = decode(bytes)?;
    if legacy {
        report.push(Diagnostic::warning(path, 0, 0, READ_AS_CP1252));
    }
    Ok(text)
}

/// The largest chapter or included file import reads: a book's text is kilobytes, and a
/// file of hundreds of megabytes is a log or a dump included by mistake.
const MAX_TEXT_BYTES: u64 = 32_000_000;

/// A book file's bytes as text, as an older book's files come: UTF-8 (a byte order mark
/// dropped); UTF-16 with its byte order mark; Windows-1252 (Latin-1 with curly quotes,
/// dashes and € where Latin-1 has control codes), or UTF-8 with a few bytes that are not,
/// each read so, and then `true`. Lone carriage returns (old Mac line ends) become line
/// feeds, as Markdown reads them. A file with a zero byte is binary, not text.
pub(crate) fn decode(bytes: &[u8]) -> std::result::Result<(String, bool), String> {
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some((rest, u16::from_le_bytes as fn([u8; 2]) -> u16)),
        [0xfe, 0xff, rest @ ..] => Some((rest, u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((rest, unit)) = utf16 {
        let pairs = rest.chunks_exact(2);
        // An odd last byte is half a character: read as one that could not be.
        let odd = !pairs.remainder().is_empty();
        let units = pairs.map(|c| {
            unit([
                c.first().copied().unwrap_or(0),
                c.get(1).copied().unwrap_or(0),
            ])
        });
        let mut text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        if odd {
            text.push(char::REPLACEMENT_CHARACTER);
        }
        if text.contains('\0') {
            return Err(BINARY.to_string());
        }
        return Ok((crate::place::lone_cr_as_newline_owned(text), false));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(BINARY.to_string());
    }
    // A Windows-1252 file's accents now and then make a valid UTF-8 pair ("É”" is C9 94,
    // UTF-8's "ɔ"): a file with at least as many bytes that are not UTF-8 as characters
    // beyond ASCII that are is Windows-1252 throughout; otherwise UTF-8 with stray bytes.
    let (mut beyond_ascii, mut stray) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        beyond_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        stray += chunk.invalid().len();
    }
    let text: String = if stray >= beyond_ascii && stray > 0 {
        bytes.iter().map(|&b| cp1252(b)).collect()
    } else {
        let mut text = String::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            text.extend(chunk.invalid().iter().map(|&b| cp1252(b)));
        }
        text
    };
    Ok((crate::place::lone_cr_as_newline_owned(text), stray > 0))
}

/// A Windows-1252 byte as a character: Latin-1, except 0x80-0x9F, where Windows put
/// typography. The five bytes it left unassigned are no character: read as U+FFFD, which
/// the author sees in the page and in an editor, not as an invisible control code.
fn cp1252(b: u8) -> char {
    const NONE: char = char::REPLACEMENT_CHARACTER;
    const HIGH: [char; 32] = [
        '€', NONE, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', NONE, 'Ž', NONE, NONE,
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', NONE, 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH.get(usize::from(b - 0x80)).copied().unwrap_or(NONE),
        _ => char::from(b),
    }
}

/// Why a file with a zero byte is not read as text.
const BINARY: &str = "a binary file (it holds zero bytes), not text";

/// Why a file could not be read, in a few words.
fn read_failure(e: &crate::error::Error) -> String {
    e.diagnostics()
        .first()
        .map_or_else(|| "unreadable".to_string(), |d| d.message.clone())
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn book_files_decode_as_older_editors_saved_them() {
        let text = decode;
        assert_eq!(
            text(b"\xef\xbb\xbfCaf\xc3\xa9\n"),
            Ok(("Café\n".into(), false))
        );
        // Windows-1252 throughout, and one stray byte in UTF-8: only that byte is read so.
        assert_eq!(text(b"\x93Caf\xe9\x94 \x80"), Ok(("“Café” €".into(), true)));
        assert_eq!(
            text(b"Introdu\xc3\xa7\xc3\xa3o \x96 x"),
            Ok(("Introdução – x".into(), true))
        );
        // UTF-16 either way round, by its byte order mark.
        assert_eq!(
            text(b"\xff\xfeO\0l\0\xe1\0\r\0"),
            Ok(("Olá\n".into(), false))
        );
        assert_eq!(text(b"\xfe\xff\0O\0l\0\xe1"), Ok(("Olá".into(), false)));
        assert_eq!(text(b"\xfe\xff\0A\0"), Ok(("A\u{fffd}".into(), false)));
        // Windows-1252 whose accents happen to pair as UTF-8 ("É”" as C9 94).
        assert_eq!(
            text(b"\x93CAF\xc9\x94 \xe0 \xe9"),
            Ok(("“CAFÉ” à é".into(), true))
        );
        // A byte Windows-1252 leaves unassigned is no character, and is seen as such.
        assert_eq!(
            text(b"caf\xe9\x81 \x9d"),
            Ok(("café\u{fffd} \u{fffd}".into(), true))
        );
        // Old Mac line ends are lines; Windows ones are kept.
        assert_eq!(text(b"# A\rtext\r\n"), Ok(("# A\ntext\r\n".into(), false)));
        for binary in [
            &b"\0asm\x01\0\0\0"[..],
            b"\x89PNG\r\n\x1a\n\0\0",
            b"\xff\xfe\0\0",
        ] {
            assert!(decode(binary).is_err(), "{binary:?}");
        }
    }
}
