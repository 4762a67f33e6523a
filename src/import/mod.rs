//! `docent import mdbook BOOK OUT`: an mdBook project turned into a docent course folder,
//! with a report of everything that needs a person's eyes (broken links, missing includes,
//! drafts, dropped directives). The import is written beside OUT and renamed into place at
//! the end, so a failed import leaves nothing behind.

mod book;
mod course_file;
mod include;
mod links;
mod summary;
mod write;

use crate::error::{Diagnostic, Error, Result};
use std::path::{Path, PathBuf};

pub(crate) use book::Book;

/// What an import did, and what it asks the author to look at.
#[derive(Debug)]
pub struct Report {
    /// Things to look at, in the order found.
    pub findings: Vec<Diagnostic>,
    /// Chapter folders written, drafts and sub-chapters included.
    pub chapters: usize,
    /// Parts listed in course.toml.
    pub parts: usize,
    /// Chapters shown without a number (mdBook prefix and suffix chapters).
    pub unnumbered: usize,
    /// Draft chapters (`[Title]()`), written with `draft = true`.
    pub drafts: usize,
    /// The course folder written.
    pub out: PathBuf,
}

impl Report {
    /// One line saying what was imported, with correct plurals.
    pub fn summary(&self) -> String {
        format!(
            "imported {} ({}, {} unnumbered, {}) into {}; {} to look at",
            plural(self.chapters, "chapter"),
            plural(self.parts, "part"),
            self.unnumbered,
            plural(self.drafts, "draft"),
            self.out.display(),
            plural(self.findings.len(), "thing"),
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Imports the mdBook project in `book_dir` into the new course folder `out`, which must
/// not exist or be empty.
pub fn mdbook(book_dir: &Path, out: &Path) -> Result<Report> {
    write::check_out(out)?;
    let mut findings = Vec::new();
    let book = Book::open(book_dir, &mut findings)?;
    let summary_path = book.src.join("SUMMARY.md");
    if !summary_path.is_file() {
        return Err(Diagnostic::error(
            &summary_path,
            0,
            0,
            "no SUMMARY.md: an mdBook lists its chapters there",
        )
        .with_help("check `src` in book.toml, or write src/SUMMARY.md")
        .into());
    }
    // Inside the book, as every chapter file is: a SUMMARY.md reached through a link, or a
    // `src` of book.toml, that leads elsewhere is not read.
    let text = book
        .read_text(&summary_path, &mut findings)
        .map_err(|why| {
            Error::from(
                Diagnostic::error(&summary_path, 0, 0, format!("SUMMARY.md: {why}"))
                    .with_help("import a book whose SUMMARY.md is a text file inside its folder"),
            )
        })?;
    let parsed = summary::parse(&text, &summary_path, &mut findings);
    let plan = write::plan(&parsed, &summary_path, &mut findings);
    // Refused with what else it found, so a second run brings no new surprise.
    if findings
        .iter()
        .any(|d| d.severity == crate::error::Severity::Error)
    {
        return Err(Error::Input(findings));
    }
    if plan.chapters.is_empty() {
        return Err(Diagnostic::error(
            &summary_path,
            0,
            0,
            "SUMMARY.md lists no chapters; nothing to import",
        )
        .with_help("list chapters as `- [Title](file.md)`")
        .into());
    }
    let files = write::chapters(&book, &plan, &mut findings);
    let course_toml = course_file::course_toml(&book, &plan, &mut findings);
    write::commit(out, &course_toml, &files)?;
    Ok(Report {
        findings,
        chapters: plan.chapters.len(),
        parts: plan.parts.len(),
        unnumbered: plan.unnumbered.len(),
        drafts: plan.chapters.iter().filter(|c| c.draft).count(),
        out: out.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        let r = Report {
            findings: vec![Diagnostic::warning("x", 1, 1, "y")],
            chapters: 1,
            parts: 2,
            unnumbered: 0,
            drafts: 1,
            out: PathBuf::from("out"),
        };
        assert_eq!(
            r.summary(),
            "imported 1 chapter (2 parts, 0 unnumbered, 1 draft) into out; 1 thing to look at"
        );
    }
}
