//! Where docent may write. It replaces or deletes only what it made itself: a site folder
//! carrying its marker file, a zip carrying its comment, a single-file page carrying its
//! closing comment; and it never writes over the project, the course or the user's folders.

use crate::error::{Diagnostic, Result};
use crate::fsx;
use std::path::{Path, PathBuf};

/// The file every site docent builds carries at its root.
pub const SITE_MARKER: &str = ".docent-site";
/// What the marker says to someone who finds it.
pub const SITE_MARKER_TEXT: &str = "This folder was written by `docent build`. The next build \
replaces the files listed below and keeps every other file here (a CNAME, a .git folder, your \
notes).\ndocent never replaces or deletes a folder that lacks this file.\n";
/// The marker's line before the files the build wrote, one per line.
const SITE_MARKER_FILES: &str = "Files written by docent:";

/// The marker of a site whose build wrote `files` (paths relative to the site, `/`-separated).
pub fn site_marker(files: &[String]) -> String {
    let mut text = format!("{SITE_MARKER_TEXT}\n{SITE_MARKER_FILES}\n");
    for file in files {
        text.push_str(file);
        text.push('\n');
    }
    text
}

/// What in the site at `dir` docent did not write: the entries its marker does not list
/// (paths relative to `dir`; a folder holding nothing docent wrote, such as `.git`, as one
/// entry), which the next build carries over. For a site whose marker lists no files
/// (written before docent kept the list), what docent never writes: the hidden entries and
/// a `CNAME` at its top.
pub fn foreign_entries(dir: &Path) -> Result<Vec<String>> {
    let listed = std::fs::read_to_string(dir.join(SITE_MARKER))
        .ok()
        .and_then(|marker| {
            marker
                .split_once(&format!("\n{SITE_MARKER_FILES}\n"))
                .map(|(_, list)| list.to_string())
        });
    let Some(list) = listed else {
        let mut foreign = Vec::new();
        for entry in fsx::read_dir_sorted(dir)? {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name != SITE_MARKER && (name.starts_with('.') || name == "CNAME") {
                foreign.push(name);
            }
        }
        return Ok(foreign);
    };
    let files: std::collections::HashSet<&str> = list.lines().filter(|l| !l.is_empty()).collect();
    // Every folder that holds a file docent wrote.
    let mut folders: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for file in &files {
        let mut at = *file;
        while let Some((parent, _)) = at.rsplit_once('/') {
            if !folders.insert(parent) {
                break;
            }
            at = parent;
        }
    }
    let mut foreign = Vec::new();
    let mut pending = vec![String::new()];
    while let Some(rel) = pending.pop() {
        for entry in fsx::read_dir_sorted(&dir.join(&rel))? {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            if path == SITE_MARKER {
                continue;
            }
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && folders.contains(path.as_str()) {
                pending.push(path);
            } else if is_dir || !files.contains(path.as_str()) {
                foreign.push(path);
            }
        }
    }
    foreign.sort();
    Ok(foreign)
}
/// The comment of every zip `docent bundle` writes.
pub const ZIP_COMMENT: &str = "docent bundle";
/// The last line of every single-file page `docent bundle --single-file` writes.
pub const SINGLE_FILE_TAIL: &str = "<!-- written by docent bundle --single-file -->\n";

/// Why `out` may not receive a site, if it may not: it is (or holds) the project, the
/// course, the current folder, the home folder or `/`; it lies inside the course or the
/// theme and string overrides (the next build would read it); or it is an existing file, or
/// a folder with files docent did not write.
pub fn check_site_folder(out: &Path, course_root: &Path) -> Result<()> {
    let target = fsx::resolve(out);
    let refuse =
        |why: String| -> Result<()> {
            Err(Diagnostic::error(out, 0, 0, format!("refusing to write the site here: {why}"))
            .with_help(
                "pass --out with a new or empty folder, or one an earlier `docent build` wrote \
                 (the default is ./site)",
            )
            .into())
        };
    if let Some(why) = protected(&target, course_root) {
        return refuse(why);
    }
    match std::fs::symlink_metadata(&target) {
        Err(_) => Ok(()),
        Ok(meta) if !meta.is_dir() => {
            refuse(format!("{} is a file, not a folder", target.display()))
        }
        Ok(_) if is_empty_dir(&target) || is_docent_site(&target) => Ok(()),
        Ok(_) => refuse(format!(
            "{} holds files docent did not write (it has no {SITE_MARKER} file)",
            target.display()
        )),
    }
}

/// Why a bundle file may not be written at `out`, if it may not: an existing file that is
/// not a bundle docent wrote, a folder, or a place inside the course.
pub fn check_bundle_file(out: &Path, course_root: &Path, ours: fn(&Path) -> bool) -> Result<()> {
    let target = fsx::resolve(out);
    let refuse = |why: String| -> Result<()> {
        Err(Diagnostic::error(
            out,
            0,
            0,
            format!("refusing to write the bundle here: {why}"),
        )
        .with_help("pass --out with a new file name, or one an earlier `docent bundle` wrote")
        .into())
    };
    if let Some(why) = protected(&target, course_root) {
        return refuse(why);
    }
    match std::fs::symlink_metadata(&target) {
        Err(_) => Ok(()),
        Ok(meta) if meta.is_dir() => refuse(format!("{} is a folder", target.display())),
        Ok(_) if ours(&target) => Ok(()),
        Ok(_) => refuse(format!(
            "{} exists and was not written by docent bundle",
            target.display()
        )),
    }
}

/// Why `target` (resolved) is off limits, if it is.
fn protected(target: &Path, course_root: &Path) -> Option<String> {
    let course = fsx::resolve(course_root);
    let project = fsx::resolve(&crate::theme::project_dir(course_root));
    let mut guarded: Vec<(PathBuf, &str)> = vec![
        (project.clone(), "the project folder"),
        (course.clone(), "the course folder"),
        (PathBuf::from("/"), "the root of the file system"),
    ];
    if let Ok(cwd) = std::env::current_dir() {
        guarded.push((fsx::resolve(&cwd), "the current folder"));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        guarded.push((fsx::resolve(Path::new(&home)), "your home folder"));
    }
    for (dir, name) in &guarded {
        if dir == target {
            return Some(format!("{} is {name}", target.display()));
        }
        if dir.starts_with(target) {
            return Some(format!(
                "{} holds {name} ({})",
                target.display(),
                dir.display()
            ));
        }
    }
    if target.starts_with(&course) {
        return Some(format!(
            "{} is inside the course folder {}, which docent reads",
            target.display(),
            course.display()
        ));
    }
    for sub in ["themes", "i18n"] {
        let dir = project.join(sub);
        if target.starts_with(&dir) {
            return Some(format!(
                "{} is inside {}, which docent reads",
                target.display(),
                dir.display()
            ));
        }
    }
    None
}

/// Whether `dir` is a folder with nothing in it.
pub fn is_empty_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// Whether `dir` is a site docent wrote: it carries the marker, or (sites written before
/// the marker existed) it has the chooser page and docent's script among its assets.
pub fn is_docent_site(dir: &Path) -> bool {
    if dir.join(SITE_MARKER).is_file() {
        return true;
    }
    let legacy_script = std::fs::read_dir(dir.join("assets")).is_ok_and(|entries| {
        entries.filter_map(|e| e.ok()).any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("docent.") && name.ends_with(".js")
        })
    });
    legacy_script && dir.join("index.html").is_file() && dir.join("search").is_dir()
}

/// Whether the file at `path` is a zip `docent bundle` wrote.
pub fn is_docent_zip(path: &Path) -> bool {
    if !is_regular(path) {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return false;
    };
    if archive.comment() == ZIP_COMMENT.as_bytes() {
        return true;
    }
    // Written before the comment existed: one folder holding a site with docent's script.
    let Ok(names) = archive
        .file_names()
        .map(|n| n.map(|n| n.into_owned()))
        .collect::<Result<Vec<String>, _>>()
    else {
        return false;
    };
    let Some(folder) = names.first().and_then(|n| n.split('/').next()) else {
        return false;
    };
    names.iter().all(|n| n.starts_with(&format!("{folder}/")))
        && names.contains(&format!("{folder}/index.html"))
        && names
            .iter()
            .any(|n| n.starts_with(&format!("{folder}/assets/docent.")))
}

/// Whether the file at `path` is a page `docent bundle --single-file` wrote: it ends with
/// docent's closing comment, or (pages written before that comment existed) it is the
/// single-file page with docent's inlined search index.
pub fn is_docent_single_file(path: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    if !is_regular(path) {
        return false;
    }
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    // The tail line is what a bundle ends with; a large course's file can be hundreds of MB,
    // so only its end is read.
    let mut tail = Vec::new();
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if file
        .seek(SeekFrom::Start(len.saturating_sub(4096)))
        .is_err()
        || file.by_ref().take(4096).read_to_end(&mut tail).is_err()
    {
        return false;
    }
    if String::from_utf8_lossy(&tail)
        .trim_end()
        .ends_with(SINGLE_FILE_TAIL.trim_end())
    {
        return true;
    }
    // Written before the tail line existed (those files were small): the page's own markers.
    let mut text = Vec::new();
    if file.seek(SeekFrom::Start(0)).is_err() || file.take(64 << 20).read_to_end(&mut text).is_err()
    {
        return false;
    }
    let text = String::from_utf8_lossy(&text);
    text.starts_with("<!DOCTYPE html>")
        && text.trim_end().ends_with("</html>")
        && text.contains("<body class=\"page-single\"")
        && text.contains("window.docentSearch")
}

/// A regular file (not a FIFO, device or folder), which can be read without blocking.
fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// Removes what killed or failed runs left beside `target`: staging folders and temporary
/// files named `.<name>.docent-…-<pid>`, when that process is gone and the leftover is
/// docent's own (a marked site, an empty folder, a temporary file).
pub fn sweep_leftovers(target: &Path) {
    let Some(parent) = target.parent() else {
        return;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{name}.docent-");
    for entry in entries.filter_map(|e| e.ok()) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let Some((kind, pid)) = rest.rsplit_once('-') else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if process_alive(pid) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let removed = match kind {
            "new" | "old" if meta.is_dir() && (is_docent_site(&path) || is_empty_dir(&path)) => {
                std::fs::remove_dir_all(&path)
            }
            "tmp" if meta.is_file() => std::fs::remove_file(&path),
            _ => continue,
        };
        match removed {
            Ok(()) => tracing::info!("removed {}, left by an interrupted run", path.display()),
            Err(e) => tracing::warn!("could not remove {}: {e}", path.display()),
        }
    }
}

/// Whether process `pid` still runs (as far as this system can tell; elsewhere than Linux
/// a leftover is taken to be stale unless it is ours).
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        false
    }
}

/// Puts `path` aside as `<name>.orig` (or `.orig.2`, `.orig.3`… when taken) before docent
/// writes there, and says where it went.
pub fn keep_aside(path: &Path) -> Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut n = 1;
    loop {
        let aside = path.with_file_name(match n {
            1 => format!("{name}.orig"),
            n => format!("{name}.orig.{n}"),
        });
        if std::fs::symlink_metadata(&aside).is_err() {
            fsx::rename(path, &aside)?;
            return Ok(Some(aside));
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2×2000 course's single file is larger than any prefix docent would read; it must
    /// still be recognised as ours, or a second `docent bundle --single-file` refuses.
    #[test]
    fn a_large_single_file_is_recognised_by_its_tail() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("course.en.html");
        let mut big = String::from("<!DOCTYPE html>\n<html>");
        big.push_str(&"x".repeat(70 << 20));
        big.push_str("</html>\n");
        std::fs::write(&path, format!("{big}{SINGLE_FILE_TAIL}")).expect("write");
        assert!(is_docent_single_file(&path));
        std::fs::write(&path, &big).expect("write");
        assert!(!is_docent_single_file(&path));
    }
}
