//! File-system calls whose errors always name the path, and the rules for what docent may
//! read: regular files only (a FIFO would hang a build), inside the project only.

use crate::error::{Diagnostic, Error, Result, line_col};
use std::path::{Path, PathBuf};

/// Refuses anything but a regular file (following symlinks) before it is opened: reading a
/// FIFO blocks forever, a device never ends, a folder gives "Is a directory".
fn regular_file(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    match special_kind(&meta.file_type()) {
        None if meta.is_file() => Ok(()),
        None => Err(Diagnostic::error(path, 0, 0, "is a folder, not a file").into()),
        Some(kind) => Err(
            Diagnostic::error(path, 0, 0, format!("is {kind}, not a file"))
                .with_help("docent reads only regular files; move it out of the course")
                .into(),
        ),
    }
}

/// What a special file is ("a FIFO"), or `None` for files, folders and symlinks.
pub fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("a device");
        }
    }
    let _ = kind;
    None
}

/// Reads a text file; invalid UTF-8 is an error at the line and column of the first bad byte.
pub fn read_to_string(path: &Path) -> Result<String> {
    let bytes = read(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = String::from_utf8_lossy(bytes.get(..good).unwrap_or_default());
        let (line, col) = line_col(&prefix, prefix.len());
        Diagnostic::error(
            path,
            line,
            col,
            format!(
                "invalid UTF-8 (byte 0x{:02X} at offset {good})",
                bytes.get(good).copied().unwrap_or(0)
            ),
        )
        .with_help("save the file as UTF-8")
        .into()
    })
}

/// The bytes of a regular file; a FIFO, device or folder is refused with a diagnostic.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    regular_file(path)?;
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Writes `bytes` to `path` in place, creating missing parent folders first.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

/// Writes beside the target and renames over it, so a reader never sees half a file and a
/// failed write leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_dir_all(parent)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
    let tmp = parent.join(format!(".{name}{TMP_INFIX}{}", std::process::id()));
    write(&tmp, bytes)?;
    // A replaced file keeps its permissions.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    if let Err(e) = rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
}

/// The infix of [`write_atomic`]'s temporary files, so leftovers can be recognised.
pub const TMP_INFIX: &str = ".docent-tmp-";

/// [`std::fs::create_dir_all`], its error naming `path`.
pub fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|e| {
        // A file where a folder must be (`--out notes.txt/x.zip`): named, not "File exists".
        let file = path
            .ancestors()
            .find(|a| std::fs::metadata(a).is_ok_and(|m| !m.is_dir()));
        match file {
            Some(file) => crate::error::Diagnostic::error(
                file,
                0,
                0,
                format!("{} is a file, not a folder", file.display()),
            )
            .with_help(format!(
                "move it away, or choose a path for {} that is free",
                path.display()
            ))
            .into(),
            None => Error::io(path, e),
        }
    })
}

/// [`std::fs::remove_dir_all`], its error naming `path`.
pub fn remove_dir_all(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path).map_err(|e| Error::io(path, e))
}

/// [`std::fs::rename`], its error naming the destination `to`.
pub fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| Error::io(to, e))
}

/// Directory entries sorted by name, so every traversal is deterministic.
pub fn read_dir_sorted(path: &Path) -> Result<Vec<std::fs::DirEntry>> {
    let mut entries = std::fs::read_dir(path)
        .map_err(|e| Error::io(path, e))?
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| Error::io(path, e))?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

/// `path` made absolute against the current folder, without touching the disk.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `path` made absolute with `.` and `..` resolved by name (not through symlinks).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in absolute(path).components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// `path` resolved as the system would resolve it: its longest existing part through every
/// symlink (so `link/..` means the parent of where the link leads), then the parts that do
/// not exist yet, whose `..` can only mean the folder before.
pub fn resolve(path: &Path) -> PathBuf {
    let path = absolute(path);
    let mut missing = Vec::new();
    let mut base = path.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(base) {
            let mut out = real;
            for part in missing.iter().rev() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::CurDir => {}
                    other => out.push(other),
                }
            }
            return out;
        }
        let mut parts = base.components();
        match parts.next_back() {
            Some(last)
                if !matches!(
                    last,
                    std::path::Component::RootDir | std::path::Component::Prefix(_)
                ) =>
            {
                missing.push(last);
                base = parts.as_path();
            }
            _ => return normalize(&path),
        }
    }
}

/// Where a path of the project really leads, when that is somewhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Escape {
    /// A symlink on the way points outside the project, to this place.
    Outside(PathBuf),
    /// A symlink on the way points at nothing.
    Dangling,
}

/// Checks that `path` resolves (through every symlink on the way) to a place inside
/// `project`, which must already be canonical. Links that stay inside are fine.
/// A path that does not exist yet is judged by where its nearest existing folder leads
/// (so a file about to be written under a linked folder is caught too).
pub fn inside(project: &Path, path: &Path) -> Result<PathBuf, Escape> {
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(_) if std::fs::symlink_metadata(path).is_ok() || has_dangling_link(path) => {
            return Err(Escape::Dangling);
        }
        Err(_) => resolve(path),
    };
    if real.starts_with(project) {
        Ok(real)
    } else {
        Err(Escape::Outside(real))
    }
}

/// What a path that leads out of the project (or nowhere) is reported as.
pub fn escape_diagnostic(path: &Path, escape: &Escape, project: &Path) -> Diagnostic {
    match escape {
        Escape::Outside(real) => Diagnostic::error(
            path,
            0,
            0,
            format!(
                "links outside the project (to {}); docent reads and publishes only files inside {}",
                real.display(),
                project.display()
            ),
        )
        .with_help("copy the file or folder into the project instead of linking to it")
        .of(crate::error::Kind::File),
        Escape::Dangling => Diagnostic::warning(
            path,
            0,
            0,
            "is a symbolic link to something that does not exist; skipped",
        )
        .with_help("fix or remove the link")
        .of(crate::error::Kind::File),
    }
}

/// Whether `path` itself is a symbolic link (whatever it points to, or if it points nowhere).
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether some component of `path` is a symlink whose target does not exist.
fn has_dangling_link(path: &Path) -> bool {
    path.ancestors()
        .any(|p| is_link(p) && std::fs::metadata(p).is_err())
}

/// A file's identity for caching: length and modification time.
pub type Stamp = (u64, Option<std::time::SystemTime>);

/// The [`Stamp`] of `path` as it is now (symlinks followed).
pub fn stamp(path: &Path) -> Result<Stamp> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    Ok((meta.len(), meta.modified().ok()))
}

/// File contents remembered by [`Stamp`], so rebuilds do not read unchanged files again.
#[derive(Default)]
pub struct FileCache {
    entries: std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, (Stamp, bytes::Bytes)>>,
}

impl FileCache {
    /// The bytes of `path`, read again only when its stamp changed since they were cached.
    pub fn read(&self, path: &Path) -> Result<bytes::Bytes> {
        let stamp = stamp(path)?;
        if let Some((s, bytes)) = crate::sync::lock(&self.entries).get(path)
            && *s == stamp
        {
            return Ok(bytes.clone());
        }
        let bytes = bytes::Bytes::from(read(path)?);
        crate::sync::lock(&self.entries).insert(path.to_path_buf(), (stamp, bytes.clone()));
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_by_name() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d")),
            PathBuf::from("/a/c/d")
        );
        assert_eq!(normalize(Path::new("/..")), PathBuf::from("/"));
    }
}
