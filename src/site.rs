//! The whole site in memory; writing, serving and bundling all consume this one value.

use crate::error::{Error, Result};
use crate::fsx;
use bytes::Bytes;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Output files keyed by their path relative to the site root, with `/` separators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    /// Shared buffers: an incremental rebuild reuses unchanged files without copying them.
    pub files: BTreeMap<String, Bytes>,
}

impl Site {
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Bytes>) {
        self.files.insert(path.into(), bytes.into());
    }

    pub fn get(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }

    pub fn pages(&self) -> impl Iterator<Item = (&String, &Bytes)> {
        self.files.iter().filter(|(p, _)| p.ends_with(".html"))
    }

    /// Paths added, removed or changed since `previous`.
    pub fn changed_since(&self, previous: &Site) -> Vec<String> {
        let mut changed: Vec<String> = self
            .files
            .iter()
            .filter(|(path, bytes)| match previous.files.get(*path) {
                Some(old) => old.as_ptr() != bytes.as_ptr() && old != *bytes,
                None => true,
            })
            .map(|(p, _)| p.clone())
            .collect();
        changed.extend(
            previous
                .files
                .keys()
                .filter(|p| !self.files.contains_key(*p))
                .cloned(),
        );
        changed.sort();
        changed
    }

    /// Writes the site into a fresh sibling of `out` and swaps it in only once every file is
    /// written, so a failure never leaves a half-written site where the good one was.
    pub fn write_atomic(&self, out: &Path) -> Result<()> {
        let out = absolute(out);
        let parent = out
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        fsx::create_dir_all(&parent)?;
        let name = out
            .file_name()
            .map_or_else(|| "site".to_string(), |n| n.to_string_lossy().into_owned());
        let pid = std::process::id();
        let staging = parent.join(format!(".{name}.docent-new-{pid}"));
        let old = parent.join(format!(".{name}.docent-old-{pid}"));
        if staging.exists() {
            fsx::remove_dir_all(&staging)?;
        }
        let written = self.write_into(&staging);
        if let Err(e) = written {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        if out.exists() {
            if old.exists() {
                fsx::remove_dir_all(&old)?;
            }
            fsx::rename(&out, &old)?;
            if let Err(e) = fsx::rename(&staging, &out) {
                // Put the previous site back before reporting.
                let _ = std::fs::rename(&old, &out);
                return Err(e);
            }
            fsx::remove_dir_all(&old)?;
        } else {
            fsx::rename(&staging, &out)?;
        }
        Ok(())
    }

    fn write_into(&self, dir: &Path) -> Result<()> {
        use rayon::prelude::*;
        fsx::create_dir_all(dir)?;
        let dirs: std::collections::BTreeSet<PathBuf> = self
            .files
            .keys()
            .filter_map(|k| dir.join(k).parent().map(Path::to_path_buf))
            .collect();
        for d in &dirs {
            fsx::create_dir_all(d)?;
        }
        self.files.par_iter().try_for_each(|(path, bytes)| {
            let full = dir.join(path);
            std::fs::write(&full, bytes).map_err(|e| Error::io(&full, e))
        })
    }
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}
