//! The course an mdBook becomes: chapter folders planned from the summary, chapter files
//! and their assets, `course.toml`, all written beside OUT and renamed into place.

use super::Book;
use super::course_file::quote;
use super::links::{self, Assets, Chapters};
use super::summary::{Entry, Section, Summary};
use crate::error::{Diagnostic, Error, Result};
use crate::fsx;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One chapter folder to write.
#[derive(Debug)]
pub(super) struct Planned {
    /// Folder path relative to OUT, `/`-separated (`03-ownership/01-references`).
    pub id: String,
    /// The SUMMARY.md link text.
    pub title: String,
    /// The chapter file relative to `src/`; `None` for drafts.
    pub source: Option<String>,
    /// The URL segment, like mdBook's output file; `None` for drafts.
    pub slug: Option<String>,
    /// `[Title]()` in SUMMARY.md.
    pub draft: bool,
    /// Its line in SUMMARY.md.
    pub line: usize,
}

/// Every chapter folder, parts and unnumbered chapters, and chapters by file for links.
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// In reading order, parents before their sub-chapters.
    pub chapters: Vec<Planned>,
    /// (title, top-level chapter ids).
    pub parts: Vec<(String, Vec<String>)>,
    /// Prefix and suffix chapters.
    pub unnumbered: Vec<String>,
    /// Chapter file (relative to `src/`) → (id, draft).
    pub by_source: Chapters,
}

/// Lays the summary out as numbered folders.
pub(super) fn plan(summary: &Summary, summary_path: &Path, report: &mut Vec<Diagnostic>) -> Plan {
    let mut plan = Plan::default();
    let mut slugs: BTreeSet<String> = ["assets", "search", "print"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let first = usize::from(!summary.entries.iter().any(|e| e.section == Section::Prefix));
    let top = place(
        &summary.entries,
        "",
        first,
        &mut plan,
        &mut slugs,
        summary_path,
        report,
    );
    plan.parts = summary
        .parts
        .iter()
        .map(|t| (t.clone(), Vec::new()))
        .collect();
    for (entry, id) in summary.entries.iter().zip(top) {
        if entry.path.is_none() {
            continue;
        }
        match (entry.section, entry.part) {
            (Section::Prefix | Section::Suffix, _) => plan.unnumbered.push(id),
            (Section::Numbered, Some(p)) => {
                if let Some(part) = plan.parts.get_mut(p) {
                    part.1.push(id);
                }
            }
            (Section::Numbered, None) => {}
        }
    }
    plan.parts.retain(|(title, ids)| {
        if ids.is_empty() {
            report.push(Diagnostic::warning(
                summary_path,
                0,
                0,
                format!("part `{title}` has no chapters (drafts are left out); dropped"),
            ));
        }
        !ids.is_empty()
    });
    plan
}

/// The longest chapter id (folder path under the course folder) import writes: a book
/// nested hundreds of levels deep would otherwise fail on the file system's path limit
/// (4,096 bytes on Linux) with a bare OS error, halfway through.
const LONGEST_ID: usize = 1024;

/// Plans `entries` as the folders under `parent`, numbered from `first`; their ids.
fn place(
    entries: &[Entry],
    parent: &str,
    first: usize,
    plan: &mut Plan,
    slugs: &mut BTreeSet<String>,
    summary_path: &Path,
    report: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let width = (first + entries.len())
        .saturating_sub(1)
        .to_string()
        .len()
        .max(2);
    let mut ids = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let source = entry.path.as_deref().map(|p| links::join("", p));
        let name = match &source {
            Some(p) => folder_name(p),
            None => slugify(&entry.title),
        };
        let folder = format!("{:0width$}-{name}", first + n);
        let id = if parent.is_empty() {
            folder
        } else {
            format!("{parent}/{folder}")
        };
        if id.len() > LONGEST_ID {
            report.push(
                Diagnostic::error(
                    summary_path,
                    entry.line,
                    1,
                    format!(
                        "this chapter is nested {} levels deep: its folder path would be {} bytes, more than the {LONGEST_ID} docent writes",
                        id.matches('/').count() + 1,
                        id.len()
                    ),
                )
                .with_help("nest it less deeply in SUMMARY.md (a course reads best a few levels deep)"),
            );
            continue;
        }
        let slug = source
            .as_deref()
            .map(|p| unique_slug(&output_stem(p), slugs));
        if let Some(src) = &source {
            if plan.by_source.contains_key(src) {
                report.push(Diagnostic::warning(
                    summary_path,
                    entry.line,
                    1,
                    format!("`{src}` is listed twice; links to it go to its first chapter"),
                ));
            } else {
                plan.by_source.insert(src.clone(), (id.clone(), false));
            }
        } else {
            report.push(Diagnostic::warning(
                summary_path,
                entry.line,
                1,
                format!(
                    "draft chapter `{}` imported as {id} with `draft = true` and no text",
                    entry.title
                ),
            ));
        }
        plan.chapters.push(Planned {
            id: id.clone(),
            title: entry.title.clone(),
            source,
            slug,
            draft: entry.path.is_none(),
            line: entry.line,
        });
        place(&entry.children, &id, 1, plan, slugs, summary_path, report);
        ids.push(id);
    }
    ids
}

/// The name part of a chapter folder: the file's stem (a `README`/`index` takes its
/// folder's name) in lowercase ASCII letters, digits and `-`.
fn folder_name(path: &str) -> String {
    let p = Path::new(path);
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = if ["readme", "index"].contains(&stem.to_ascii_lowercase().as_str()) {
        p.parent()
            .and_then(Path::file_name)
            .map_or(stem, |d| d.to_string_lossy().into_owned())
    } else {
        stem
    };
    slugify(&stem)
}

/// Lowercase ASCII letters and digits, runs of anything else one `-`, at most 60.
pub(super) fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.truncate(60);
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "chapter".to_string()
    } else {
        out
    }
}

/// mdBook's output file for a chapter file, without `.html`, `/` turned into `-`.
fn output_stem(path: &str) -> String {
    let stem = path.rsplit_once('.').map_or(path, |(s, _)| s);
    let stem = match stem.rsplit_once('/') {
        Some((dir, last)) if last.eq_ignore_ascii_case("readme") => format!("{dir}/index"),
        None if stem.eq_ignore_ascii_case("readme") => "index".to_string(),
        _ => stem.to_string(),
    };
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// `slug`, cut to fit docent's limit, with `-2`, `-3`… until no other chapter has it.
fn unique_slug(slug: &str, taken: &mut BTreeSet<String>) -> String {
    let base: String = slug.chars().take(crate::course::MAX_SLUG - 4).collect();
    let base = if base.is_empty() {
        "chapter".to_string()
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// A file of the course: path relative to OUT, bytes, or a file of the book to copy.
pub(super) enum File {
    /// Written as given.
    Text(String, String),
    /// Copied from the book.
    Copy(String, PathBuf),
}

/// Every chapter file and asset of the course.
pub(super) fn chapters(book: &Book, plan: &Plan, report: &mut Vec<Diagnostic>) -> Vec<File> {
    let mut files = Vec::new();
    for ch in &plan.chapters {
        let md = format!("{}/{}.md", ch.id, book.language);
        let (Some(source), Some(slug)) = (&ch.source, &ch.slug) else {
            let text = format!("+++\ntitle = {}\ndraft = true\n+++\n", quote(&ch.title));
            files.push(File::Text(md, text));
            continue;
        };
        let file = book.src.join(source);
        let text = match book.read_text(&file, report) {
            Ok(text) => text,
            Err(why) => {
                report.push(Diagnostic::warning(
                    book.src.join("SUMMARY.md"),
                    ch.line,
                    1,
                    format!(
                        "chapter `{}`: {}: {why}; imported with no text",
                        ch.title,
                        file.display()
                    ),
                ));
                String::new()
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut lines = super::include::expand_lines(book, text, &file, report);
        let origin: Vec<usize> = (1..=lines.len()).collect();
        let dir = source.rsplit_once('/').map_or("", |(d, _)| d);
        let cx = links::Context {
            book,
            file: &file,
            dir,
            id: &ch.id,
            chapters: &plan.by_source,
        };
        let mut assets = Assets::default();
        links::rewrite(&cx, &mut lines, &origin, &mut assets, report);
        let body = drop_title(&lines.join("\n"));
        files.push(File::Text(
            md,
            format!(
                "+++\ntitle = {}\nslug = {}\n+++\n\n{body}\n",
                quote(&ch.title),
                quote(slug)
            ),
        ));
        for (real, name) in assets.files {
            files.push(File::Copy(format!("{}/{name}", ch.id), real));
        }
    }
    files
}

/// The body without a leading `# Title` (docent shows the front matter title instead).
fn drop_title(body: &str) -> String {
    let body = body.trim_start_matches(['\n', '\r']);
    let first = body.lines().next().unwrap_or("");
    let indent = first.len() - first.trim_start_matches(' ').len();
    let t = first.trim_start_matches(' ');
    let is_h1 = indent <= 3 && (t == "#" || t.starts_with("# ") || t.starts_with("#\t"));
    let rest = if is_h1 {
        body.get(first.len()..)
            .unwrap_or("")
            .trim_start_matches(['\n', '\r'])
    } else {
        body
    };
    rest.trim_end().to_string()
}

/// OUT must be absent or an empty folder: an import never writes among other files.
pub(super) fn check_out(out: &Path) -> Result<()> {
    match std::fs::symlink_metadata(out) {
        Err(_) => Ok(()),
        Ok(m) if m.is_dir() => {
            let mut entries = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(not_empty(out))
            }
        }
        Ok(_) => Err(not_empty(out)),
    }
}

fn not_empty(out: &Path) -> Error {
    Diagnostic::error(
        out,
        0,
        0,
        "already exists and is not an empty folder; an import writes only into a new or empty folder",
    )
    .with_help("name a folder that does not exist yet")
    .into()
}

/// Writes the course into a folder beside `out` and renames it into place, so a failed
/// import leaves nothing half-written (its own temporary folder is removed).
pub(super) fn commit(out: &Path, course_toml: &str, files: &[File]) -> Result<()> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(name) = out.file_name() else {
        return Err(Diagnostic::error(out, 0, 0, "is not a folder name to create").into());
    };
    fsx::create_dir_all(parent)?;
    let tmp = parent.join(format!(
        ".{}.docent-import-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    std::fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let result = (|| {
        fsx::write(&tmp.join(crate::config::FILE_NAME), course_toml.as_bytes())?;
        for file in files {
            match file {
                File::Text(rel, text) => fsx::write(&tmp.join(rel), text.as_bytes())?,
                File::Copy(rel, from) => fsx::write(&tmp.join(rel), &fsx::read(from)?)?,
            }
        }
        check_out(out)?;
        fsx::rename(&tmp, out)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_slugs() {
        assert_eq!(folder_name("ch15-01-box.md"), "ch15-01-box");
        assert_eq!(folder_name("format/README.md"), "format");
        assert_eq!(output_stem("format/mdbook.md"), "format-mdbook");
        assert_eq!(output_stem("README.md"), "index");
        let mut taken = BTreeSet::new();
        assert_eq!(unique_slug("a", &mut taken), "a");
        assert_eq!(unique_slug("a", &mut taken), "a-2");
        assert_eq!(slugify("Using `Box<T>`!"), "using-box-t");
    }

    #[test]
    fn title_is_dropped() {
        assert_eq!(drop_title("\n# Title\n\nText\n"), "Text");
        assert_eq!(drop_title("Text\n# Title"), "Text\n# Title");
    }
}
