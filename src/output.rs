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
/// The marker's line after them: a list without it was cut short, and is not trusted.
const SITE_MARKER_END: &str = "End of the list.";

/// The marker of a site whose build wrote `files` (paths relative to the site, `/`-separated;
/// `%`, spaces, line breaks and other control characters percent-encoded, so no path reads
/// as the list's end, one path to a line).
pub fn site_marker(files: &[String]) -> String {
    let mut text = format!("{SITE_MARKER_TEXT}\n{SITE_MARKER_FILES}\n");
    for file in files {
        for c in file.chars() {
            if c == '%' || c.is_whitespace() || c.is_control() {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    text.push_str(&format!("%{b:02X}"));
                }
            } else {
                text.push(c);
            }
        }
        text.push('\n');
    }
    text.push_str(SITE_MARKER_END);
    text.push('\n');
    text
}

/// The files the marker of the site at `dir` lists, and whether the list is whole (its end
/// line is there); `None` when it has no list (written before docent kept one, or
/// unreadable). Read as a checkout may have left it: line ends turned to CRLF, a byte that
/// is not UTF-8.
fn listed_files(dir: &Path) -> Option<(std::collections::HashSet<String>, bool)> {
    let bytes = std::fs::read(dir.join(SITE_MARKER)).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    lines.find(|l| l.trim() == SITE_MARKER_FILES)?;
    let mut files = std::collections::HashSet::new();
    for line in lines {
        if line.trim() == SITE_MARKER_END {
            return Some((files, true));
        }
        if !line.is_empty() {
            let decoded = percent_encoding::percent_decode_str(line).decode_utf8_lossy();
            files.insert(decoded.into_owned());
        }
    }
    Some((files, false))
}

/// What in a site folder docent did not write, as far as its marker tells.
#[derive(Debug)]
pub struct Foreign {
    /// Paths relative to the site; a folder holding nothing docent wrote (`.git`) is one
    /// entry.
    pub entries: Vec<PathBuf>,
    /// The marker's list is whole, so an entry it lacks is the user's even where the next
    /// build writes a file. Without a whole list (an older docent's marker, one cut short or
    /// edited), an entry the next build writes is taken for docent's own, and every other
    /// entry is kept: a stale page of docent's may stay, a file of the user's is never lost.
    pub trusted: bool,
}

/// What in the site at `dir` docent did not write (see [`Foreign`]), which the next build
/// carries over.
pub fn foreign_entries(dir: &Path) -> Result<Foreign> {
    let (files, trusted) = listed_files(dir).unwrap_or_default();
    // Every folder that holds a file docent wrote.
    let mut folders: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for file in &files {
        let mut at = file.as_str();
        while let Some((parent, _)) = at.rsplit_once('/') {
            if !folders.insert(parent) {
                break;
            }
            at = parent;
        }
    }
    let mut foreign = Vec::new();
    let mut pending = vec![(PathBuf::new(), String::new())];
    while let Some((rel, key)) = pending.pop() {
        for entry in fsx::read_dir_sorted(&dir.join(&rel))? {
            let name = entry.file_name();
            let path = rel.join(&name);
            // A name that is not UTF-8 is none docent writes.
            let Some(name) = name.to_str() else {
                foreign.push(path);
                continue;
            };
            let key = if key.is_empty() {
                name.to_string()
            } else {
                format!("{key}/{name}")
            };
            if key == SITE_MARKER {
                continue;
            }
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && folders.contains(key.as_str()) {
                pending.push((path, key));
            } else if is_dir || !files.contains(key.as_str()) {
                foreign.push(path);
            }
        }
    }
    foreign.sort();
    Ok(Foreign {
        entries: foreign,
        trusted,
    })
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
        Ok(meta) if meta.is_symlink() => refuse(format!(
            "{} is a symbolic link to nothing that exists",
            target.display()
        )),
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
/// files named `.<name>.docent-…-<pid>`, when that process is gone (or, `locked` holding the
/// site's lock, for staging folders, whatever it is) and the leftover is docent's own (a
/// marked site, an empty folder, a temporary file). A set-aside site comes back instead.
pub fn sweep_leftovers(target: &Path, locked: bool) {
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
        // Holding the site's lock, no other build of this site runs: whatever process id a
        // staging folder carries (a container's, or one the system gave out again), it is
        // left over. A temporary file may be another command's.
        let site_leftover = locked && matches!(kind, "new" | "old");
        if process_alive(pid) && !(site_leftover && pid != std::process::id()) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if kind == "old" && meta.is_dir() && is_docent_site(&path) {
            restore_old_site(&path, target);
            continue;
        }
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

/// The lock beside a site folder (`.<name>.docent-lock`), held while one build writes and
/// swaps the site: two builds at once would each move the user's files. An advisory lock
/// of the system on the file (released when the process ends, however it ends, and seen
/// across process namespaces, as a container's build beside the host's); the file holds the
/// builder's process id only to name it. Removed and released when dropped.
#[derive(Debug)]
pub struct SiteLock {
    path: PathBuf,
    _file: std::fs::File,
}

impl SiteLock {
    /// Takes the lock of the site folder `target` (resolved), or says which build holds it.
    pub fn take(target: &Path) -> Result<Self> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .map_or_else(|| "site".to_string(), |n| n.to_string_lossy().into_owned());
        let path = parent.join(format!(".{name}.docent-lock"));
        let io = |e: std::io::Error| crate::error::Error::io(&path, e);
        for _ in 0..10 {
            // A FIFO or a folder there is no lock of docent's (and opening a FIFO blocks).
            if let Ok(meta) = std::fs::symlink_metadata(&path)
                && !meta.is_file()
            {
                return Err(Diagnostic::error(
                    &path,
                    0,
                    0,
                    "this path is where docent keeps the lock of the site, and what is there is \
                     not a file docent made (a folder, a link or a pipe)",
                )
                .with_help("remove it, then build again")
                .into());
            }
            let mut file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::PermissionDenied
                    | std::io::ErrorKind::ReadOnlyFilesystem => Diagnostic::error(
                        &path,
                        0,
                        0,
                        format!("cannot make the lock of the site here: {e}"),
                    )
                    .with_help(
                        "docent keeps a lock file beside the site folder while it builds: \
                             make the folder that holds the site writable, or pass another --out",
                    )
                    .into(),
                    _ => io(e),
                })?;
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => {
                    let holder = std::fs::read_to_string(&path).unwrap_or_default();
                    let who = match holder.trim() {
                        "" => "another docent build".to_string(),
                        pid => format!("another docent build (process {pid})"),
                    };
                    return Err(Diagnostic::error(
                        target,
                        0,
                        0,
                        format!("{who} is writing this site"),
                    )
                    .with_help("wait for it to finish, then build again")
                    .into());
                }
                // A file system without locks (some network or FUSE ones): build unguarded
                // rather than not at all.
                Err(std::fs::TryLockError::Error(e))
                    if e.kind() == std::io::ErrorKind::Unsupported
                        || matches!(e.raw_os_error(), Some(37 | 38 | 95)) =>
                {
                    tracing::warn!(
                        "{} cannot be locked ({e}): two builds at once are not kept apart",
                        path.display()
                    );
                    return Ok(Self { path, _file: file });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
            }
            // The file locked must still be the one at `path`: a build that just finished
            // removed it, and the next one made a new file there.
            if !same_file(&file, &path) {
                continue;
            }
            // Another name of a file of the user's (a hard link): not docent's to write.
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                if file.metadata().is_ok_and(|m| m.nlink() > 1) {
                    return Err(Diagnostic::error(&path, 0, 0, "the lock of this site is another name of some file (a hard link), which docent will not write")
                        .with_help("remove it, then build again")
                        .into());
                }
            }
            // A file of that name that docent did not write (it holds a process id, or
            // nothing when a build was killed before writing one) is left alone.
            let held = std::fs::read_to_string(&path).unwrap_or_default();
            if !held.trim().bytes().all(|b| b.is_ascii_digit()) {
                return Err(Diagnostic::error(&path, 0, 0, "this is where docent keeps the lock of the site, and this file is not one docent wrote")
                    .with_help("move it away, then build again")
                    .into());
            }
            use std::io::{Seek, Write};
            file.set_len(0).map_err(io)?;
            file.seek(std::io::SeekFrom::Start(0)).map_err(io)?;
            file.write_all(std::process::id().to_string().as_bytes())
                .map_err(io)?;
            return Ok(Self { path, _file: file });
        }
        Err(
            Diagnostic::error(target, 0, 0, "could not take the lock of this site folder")
                .with_help("build again")
                .into(),
        )
    }
}

/// Whether the file at `path` is a page docent made: its head names docent as the generator.
pub fn is_docent_page(path: &Path) -> bool {
    use std::io::Read;
    if !is_regular(path) {
        return false;
    }
    let mut head = Vec::new();
    std::fs::File::open(path).is_ok_and(|f| f.take(4096).read_to_end(&mut head).is_ok())
        && String::from_utf8_lossy(&head).contains("<meta name=\"generator\" content=\"docent\">")
}

/// Whether the open `file` is the file at `path` now.
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.is_file()
    }
}

impl Drop for SiteLock {
    fn drop(&mut self) {
        // Removed while still held (the file is closed after this), so a build waiting on
        // this file sees it gone and starts over on a new one.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What a build killed during its swap left in `old` (the previous site, set aside) goes
/// back: the whole site when `target` is missing (killed before the new one took its
/// place), else the user's files not yet moved into it. Removed only once nothing of the
/// user's is left in it.
fn restore_old_site(old: &Path, target: &Path) {
    if std::fs::symlink_metadata(target).is_err() {
        match std::fs::rename(old, target) {
            Ok(()) => crate::errln!(
                "warning: put back the site an interrupted build had set aside at {}",
                old.display()
            ),
            Err(e) => crate::errln!(
                "warning: could not put back the site an interrupted build set aside at {}: {e}",
                old.display()
            ),
        }
        return;
    }
    let theirs = foreign_entries(old).map(|f| f.entries).unwrap_or_default();
    for rel in &theirs {
        let to = target.join(rel);
        if std::fs::symlink_metadata(&to).is_ok() {
            continue;
        }
        if let Some(parent) = to.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        if let Err(e) = std::fs::rename(old.join(rel), &to) {
            tracing::warn!("could not move {} back: {e}", old.join(rel).display());
        }
    }
    if foreign_entries(old).is_ok_and(|left| left.entries.is_empty()) {
        if let Err(e) = std::fs::remove_dir_all(old) {
            tracing::warn!("could not remove {}: {e}", old.display());
        }
    } else {
        crate::errln!(
            "warning: an interrupted build left files of yours in {}; move them back into {}",
            old.display(),
            target.display()
        );
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

    /// The marker's list read back as written, through a checkout's CRLF line ends and a
    /// stray byte; a name with a line break is one entry, not two; a list cut short is none.
    #[test]
    fn the_marker_lists_what_docent_wrote_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = [
            "en/index.html".to_string(),
            "en/a\nCNAME/x.png".to_string(),
            "50%.txt".to_string(),
            "End of the list.".to_string(),
            "mine.txt".to_string(),
        ];
        for name in [
            "en/index.html",
            "CNAME",
            "50%.txt",
            "mine.txt",
            "theirs.txt",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "x").expect("write");
        }
        let marker = site_marker(&files);
        for text in [
            marker.clone(),
            marker.replace('\n', "\r\n"),
            format!("{marker}\u{fffd}"),
        ] {
            std::fs::write(dir.path().join(SITE_MARKER), text.as_bytes()).expect("marker");
            let foreign = foreign_entries(dir.path()).expect("walk");
            assert!(foreign.trusted);
            assert_eq!(
                foreign.entries,
                [PathBuf::from("CNAME"), PathBuf::from("theirs.txt")]
            );
        }
        // Cut short: what it lists is still docent's, but the rest is not known to be the
        // user's (see `Foreign::trusted`).
        let cut = marker.replace(SITE_MARKER_END, "");
        std::fs::write(dir.path().join(SITE_MARKER), cut.as_bytes()).expect("marker");
        let foreign = foreign_entries(dir.path()).expect("walk");
        assert!(!foreign.trusted);
        assert_eq!(
            foreign.entries,
            [PathBuf::from("CNAME"), PathBuf::from("theirs.txt")]
        );
    }

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
