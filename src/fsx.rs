//! File-system calls whose errors always name the path.

use crate::error::{Error, Result};
use std::path::Path;

pub fn read_to_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

pub fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))
}

pub fn remove_dir_all(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path).map_err(|e| Error::io(path, e))
}

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

/// A file's identity for caching: length and modification time.
pub type Stamp = (u64, Option<std::time::SystemTime>);

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
    pub fn read(&self, path: &Path) -> Result<bytes::Bytes> {
        let stamp = stamp(path)?;
        if let Ok(entries) = self.entries.lock()
            && let Some((s, bytes)) = entries.get(path)
            && *s == stamp
        {
            return Ok(bytes.clone());
        }
        let bytes = bytes::Bytes::from(read(path)?);
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(path.to_path_buf(), (stamp, bytes.clone()));
        }
        Ok(bytes)
    }
}
