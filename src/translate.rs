//! Translation freshness: a translation records the version of the source it was made from
//! (`translated_from` in its front matter, written by `docent translate done`), and docent
//! keeps each recorded source version under `<course>/.docent/sources/<version>.md`, so what
//! changed since can be shown without any version control.

use crate::course::{Chapter, Course};
use crate::error::{Diagnostic, Error, Result};
use crate::fsx;
use std::path::{Path, PathBuf};

/// Where recorded source versions live.
pub fn store_dir(root: &Path) -> PathBuf {
    root.join(".docent").join("sources")
}

/// Whether a translation still matches the source it was made from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Freshness {
    /// The chapter is the source itself.
    Source,
    /// The translation records the source's current version.
    UpToDate,
    /// The source changed since the translation was made from `recorded`.
    Stale {
        /// The source version the translation records (`translated_from`).
        recorded: String,
    },
    /// The translation records no source version.
    Unknown,
    /// The chapter has no file in this language; its page shows the source.
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
    /// The chapter's id (its folder name).
    pub chapter: String,
    /// The language of the translation.
    pub lang: String,
    /// How the translation stands against its source.
    #[serde(flatten)]
    pub freshness: Freshness,
    /// For a stale translation: what changed in the source since (a unified diff), when the
    /// recorded version is in the store.
    pub diff: Option<String>,
}

/// Every translation of every chapter, in reading order then language order, the source
/// files left out: what `docent translate status` prints.
pub fn status(course: &Course) -> Vec<Status> {
    let mut out = Vec::new();
    for chapter in &course.chapters {
        for lang in course.language_codes() {
            let freshness = freshness(course, chapter, lang);
            if freshness == Freshness::Source {
                continue;
            }
            let diff = match (&freshness, course.source_of(chapter)) {
                (Freshness::Stale { recorded }, Some((_, source)))
                    if crate::frontmatter::is_version(recorded) =>
                {
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
/// version. `chapter` is the folder (`02-first`, `03-ownership/01-references`), its number
/// as shown (`3.1`), or a top-level folder's number (`2`).
pub fn done(course: &Course, chapter: &str, lang: &str) -> Result<(String, String)> {
    // As a shell completes it from the project (`content/01-c/`, `./01-c`).
    let chapter = chapter.trim_end_matches('/').trim_start_matches("./");
    let root_name = course
        .root
        .file_name()
        .map(|n| format!("{}/", n.to_string_lossy()))
        .unwrap_or_default();
    let chapter = chapter.strip_prefix(root_name.as_str()).unwrap_or(chapter);
    if course.config.language(lang).is_none() {
        let codes = course.language_codes().collect::<Vec<_>>();
        let help = match codes.iter().find(|c| c.eq_ignore_ascii_case(lang)) {
            Some(code) => {
                format!("did you mean `{code}`? Language codes are written as in course.toml")
            }
            None => format!("the course's languages are {}", codes.join(", ")),
        };
        return Err(Diagnostic::error(
            course.root.join(crate::config::FILE_NAME),
            0,
            0,
            format!("`{lang}` is not a language of this course"),
        )
        .with_help(help)
        .into());
    }
    let number = chapter.parse::<u64>().ok();
    let found = course
        .chapters
        .iter()
        .find(|c| c.id == chapter || c.number.as_deref() == Some(chapter))
        .or_else(|| {
            course.chapters.iter().find(|c| {
                c.depth == 0
                    && number.is_some_and(|n| {
                        c.id.split('-').next().and_then(|p| p.parse::<u64>().ok()) == Some(n)
                    })
            })
        });
    let Some(found) = found else {
        // A draft chapter is no chapter of the course, and has no number.
        let folder = course.root.join(chapter);
        let message = if folder.join(format!("{lang}.md")).is_file() {
            format!("`{chapter}` is a draft chapter: only published chapters are recorded")
        } else {
            format!("no chapter `{chapter}`")
        };
        return Err(Diagnostic::error(&course.root, 0, 0, message)
            .with_help("name the chapter by its folder, e.g. 02-first-multi-stage-build or 03-ownership/01-references, or its number, e.g. 3.1 (drafts have no number)")
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
        let path = found.dir.join(format!("{lang}.md"));
        let (message, help) = if path.is_file() {
            (
                "this translation is a draft (`draft = true`)",
                "publish it first; a draft is not recorded".to_string(),
            )
        } else {
            (
                "there is no such translation",
                format!("write {lang}.md first"),
            )
        };
        return Err(Diagnostic::error(path, 0, 0, message)
            .with_help(help)
            .into());
    };
    let source_text = fsx::read_to_string(&source.path)?;
    let version = crate::frontmatter::version_of(&source_text);
    // Everything is worked out before anything is written: a failure leaves no trace.
    let text = fsx::read_to_string(&translation.path)?;
    let updated = crate::frontmatter::set_translated_from(&text, &version)
        .map_err(|message| Error::from(Diagnostic::error(&translation.path, 1, 1, message)))?;
    let stored = store_dir(&course.root).join(format!("{version}.md"));
    if let Err(escape) = fsx::inside(&course.project, &stored) {
        return Err(crate::fsx::escape_diagnostic(&stored, &escape, &course.project).into());
    }
    fsx::create_dir_all(&store_dir(&course.root))?;
    let _lock = lock(&store_dir(&course.root))?;
    fsx::write_atomic(&stored, source_text.as_bytes())?;
    if updated != text {
        fsx::write_atomic(&crate::fsx::resolve(&translation.path), updated.as_bytes())?;
    }
    Ok((found.id.clone(), version))
}

/// Removes the stored source versions that no chapter file's front matter names (`docent
/// translate prune`): every `translate done` stores one, and a translation needs only the
/// version it records (a stale one, for the diff of what changed since). Explicit, not a
/// side effect of `done`: a translation on another Git branch may record a version this
/// branch no longer names. Every `.md` file under the course is read from disk (drafts,
/// every language, linked chapter folders); if one cannot be read, nothing is removed. Only
/// files named as docent names them (`<version>.md`, lower-case) directly in the course's
/// own store are removed; a store reached through a link may be another course's too, and
/// is left alone. Returns the versions removed.
pub fn prune(course: &Course) -> Result<Vec<String>> {
    let root = &course.root;
    let store = store_dir(root);
    let dot = root.join(".docent");
    if fsx::is_link(&dot) || fsx::is_link(&store) {
        return Err(Diagnostic::error(
            &store,
            0,
            0,
            "the store of source versions is a link: another course may use it, so nothing is removed",
        )
        .into());
    }
    if !store.is_dir() {
        return Ok(Vec::new());
    }
    if let Err(escape) = fsx::inside(&course.project, &store) {
        return Err(crate::fsx::escape_diagnostic(&store, &escape, &course.project).into());
    }
    // Held while reading and removing: a `translate done` running meanwhile waits, so the
    // version it is recording is never taken for one nobody names.
    let _lock = lock(&store)?;
    let entries = fsx::read_dir_sorted(&store)?;
    let mut unnamed: Vec<(String, PathBuf)> = entries
        .iter()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let version = name.strip_suffix(".md")?;
            let docents = crate::frontmatter::is_version(version)
                && !version.bytes().any(|b| b.is_ascii_uppercase());
            docents.then(|| (version.to_string(), e.path()))
        })
        .collect();
    for entry in walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.path() != dot)
    {
        let entry = match entry {
            Ok(entry) => entry,
            // A link back up the tree, or to nothing, holds no chapter.
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e)
                if e.io_error()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound) =>
            {
                continue;
            }
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                return Err(Diagnostic::error(
                    &path,
                    0,
                    0,
                    format!(
                        "cannot read this, which may record a version, so nothing is removed: {e}"
                    ),
                )
                .into());
            }
        };
        if entry.file_type().is_dir() || entry.path().extension().is_none_or(|x| x != "md") {
            continue;
        }
        // Read as bytes: a version is ASCII, whatever the file's encoding.
        let bytes = fsx::read(entry.path()).map_err(|e| {
            Error::from(Diagnostic::error(
                entry.path(),
                0,
                0,
                format!("cannot read this, which may record a version, so nothing is removed: {e}"),
            ))
        })?;
        let text = String::from_utf8_lossy(&bytes);
        let text = crate::place::lone_cr_as_newline(&text);
        let Some(split) = crate::frontmatter::split_front_matter(&text) else {
            continue;
        };
        let parsed = crate::frontmatter::parse_front_matter(split.kind, split.matter)
            .ok()
            .and_then(|f| f.translated_from);
        unnamed.retain(|(version, _)| {
            !split.matter.contains(version.as_str()) && parsed.as_deref() != Some(version)
        });
    }
    let mut removed = Vec::new();
    for (version, path) in unnamed {
        std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        removed.push(version);
    }
    Ok(removed)
}

/// An exclusive lock on the store directory itself (no lock file left behind), for
/// `translate done` and `translate prune`: released when dropped. Where a directory cannot
/// be opened as a file, there is none (the two commands are then not kept apart).
fn lock(store: &Path) -> Result<Option<std::fs::File>> {
    let Ok(dir) = std::fs::File::open(store) else {
        return Ok(None);
    };
    dir.lock().map_err(|e| Error::io(store, e))?;
    Ok(Some(dir))
}

/// A unified diff of two texts (3 lines of context), for `translate status`.
pub fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = crate::place::lines(old).collect();
    let b: Vec<&str> = crate::place::lines(new).collect();
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
    fn diff_shows_what_changed() {
        let d = diff("a\nb\nc\n", "a\nB\nc\nd\n");
        assert!(d.contains("- b"), "{d}");
        assert!(d.contains("+ B"), "{d}");
        assert!(d.contains("+ d"), "{d}");
    }
}
