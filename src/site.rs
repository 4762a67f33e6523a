//! The site in memory (what `serve` and the bundles use) and the staging folder a build
//! writes into; both end up as the same files.

use crate::error::{Error, Result};
use crate::fsx;
use bytes::Bytes;
use std::path::{Path, PathBuf};

/// Output files keyed by their path relative to the site root, with `/` separators.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Site {
    /// A persistent map of shared buffers: a copy costs nothing and shares every file, so a
    /// save in `serve` patches a copy of the served site with the pages it changed, whatever
    /// the size of the course.
    pub files: imbl::OrdMap<String, Bytes>,
}

impl Site {
    /// Adds the file at `path` (relative to the site root), replacing one already there.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Bytes>) {
        self.files.insert(path.into(), bytes.into());
    }

    /// The file at `path`, relative to the site root (`en/index.html`).
    pub fn get(&self, path: &str) -> Option<&Bytes> {
        self.files.get(path)
    }

    /// The HTML files (`*.html`) with their paths, in path order.
    pub fn pages(&self) -> impl Iterator<Item = (&String, &Bytes)> {
        self.files.iter().filter(|(p, _)| p.ends_with(".html"))
    }

    /// Paths added, removed or changed since `previous`.
    pub fn changed_since(&self, previous: &Site) -> Vec<String> {
        use std::cmp::Ordering;
        // Both maps are sorted by path: one walk through the two, each path compared once.
        let mut changed = Vec::new();
        let mut old = previous.files.iter().peekable();
        for (path, bytes) in &self.files {
            loop {
                match old.peek() {
                    Some((gone, _)) if gone.as_str() < path.as_str() => {
                        changed.push((*gone).clone());
                        old.next();
                    }
                    _ => break,
                }
            }
            match old.peek() {
                Some((same, before)) if same.as_str().cmp(path) == Ordering::Equal => {
                    if before.as_ptr() != bytes.as_ptr() && *before != bytes {
                        changed.push(path.clone());
                    }
                    old.next();
                }
                _ => changed.push(path.clone()),
            }
        }
        changed.extend(old.map(|(gone, _)| gone.clone()));
        changed
    }
}

/// Where rendered files go: the renderer hands each file over as it is made and never
/// touches the disk itself. A [`Staging`] folder writes them (a build), a [`Collect`]
/// keeps them as a [`Site`] in memory (the dev server, the bundles).
pub trait Sink: Sync {
    /// A whole file at `path` (relative, `/`-separated).
    fn put(&self, path: &str, bytes: Bytes) -> Result<()>;
    /// A file that grows while the rest is made (a page holding every chapter, filled batch
    /// by batch): complete once [`Filling::close`] returns.
    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn Filling + 's>>;
}

/// A file of a [`Sink`] being filled piece by piece.
pub trait Filling: Send {
    /// Adds `piece` at the end of the file.
    fn write(&mut self, piece: &[u8]) -> Result<()>;
    /// Finishes the file; only then does the sink hold it.
    fn close(self: Box<Self>) -> Result<()>;
}

/// A [`Sink`] that keeps what it is given as a [`Site`].
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Site>);

impl Collect {
    /// The files collected so far.
    pub fn into_site(self) -> Site {
        crate::sync::into_inner(self.0)
    }
}

impl Sink for Collect {
    fn put(&self, path: &str, bytes: Bytes) -> Result<()> {
        // A panic while another file was being added leaves a consistent map: keep going.
        crate::sync::lock(&self.0).insert(path, bytes);
        Ok(())
    }

    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn Filling + 's>> {
        Ok(Box::new(Collecting {
            sink: self,
            path: path.to_string(),
            bytes: Vec::new(),
        }))
    }
}

/// A file of a [`Collect`], added to it when closed.
struct Collecting<'s> {
    sink: &'s Collect,
    path: String,
    bytes: Vec<u8>,
}

impl Filling for Collecting<'_> {
    fn write(&mut self, piece: &[u8]) -> Result<()> {
        self.bytes.extend_from_slice(piece);
        Ok(())
    }

    fn close(self: Box<Self>) -> Result<()> {
        let Collecting { sink, path, bytes } = *self;
        sink.put(&path, Bytes::from(bytes))
    }
}

/// A [`Sink`] that keeps nothing: rendering only to find what is wrong (`docent check`).
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _: &str, _: Bytes) -> Result<()> {
        Ok(())
    }

    fn open<'s>(&'s self, _: &str) -> Result<Box<dyn Filling + 's>> {
        Ok(Box::new(Discard))
    }
}

impl Filling for Discard {
    fn write(&mut self, _: &[u8]) -> Result<()> {
        Ok(())
    }

    fn close(self: Box<Self>) -> Result<()> {
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: Bytes) -> Result<()> {
        self.write(path, &bytes)
    }

    fn open<'s>(&'s self, path: &str) -> Result<Box<dyn Filling + 's>> {
        let full = self.dir.join(path);
        self.make_parent(&full)?;
        crate::sync::lock(&self.written).push(path.to_string());
        let file = std::fs::File::create(&full).map_err(|e| Error::io(&full, e))?;
        Ok(Box::new(FileFilling {
            out: std::io::BufWriter::with_capacity(64 * 1024, file),
            path: full,
        }))
    }
}

/// A file of a [`Staging`] folder, written as it grows.
struct FileFilling {
    out: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
}

impl Filling for FileFilling {
    fn write(&mut self, piece: &[u8]) -> Result<()> {
        use std::io::Write;
        self.out
            .write_all(piece)
            .map_err(|e| Error::io(&self.path, e))
    }

    fn close(mut self: Box<Self>) -> Result<()> {
        use std::io::Write;
        self.out.flush().map_err(|e| Error::io(&self.path, e))
    }
}

/// A site being written: files go into a fresh sibling folder of the output as soon as they
/// are made (so `build` never holds a large course's pages in memory), and the folder
/// replaces the output only in [`Staging::commit`]. Dropped without a commit — a failed
/// build — it is removed and the previous site stays as it was.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// Folders already created, so each is made once.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// Every file written, listed in the marker so that the next build knows which files of
    /// the folder are docent's and which the user put there.
    written: std::sync::Mutex<Vec<String>>,
    committed: bool,
    /// Held from the start of the build to the end of the swap (dropped after the fields
    /// above, once the staging folder is gone).
    _lock: crate::output::SiteLock,
}

impl Staging {
    /// Prepares to replace `out` with a new site of the course at `course_root`, after
    /// checking that `out` may be replaced (see [`crate::output::check_site_folder`]) and
    /// removing what interrupted builds left beside it.
    pub fn new(out: &Path, course_root: &Path) -> Result<Self> {
        crate::output::check_site_folder(out, course_root)?;
        // Through symlinks: a linked output folder is replaced where it really is.
        let out = fsx::resolve(out);
        let parent = out
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        fsx::create_dir_all(&parent)?;
        let lock = crate::output::SiteLock::take(&out)?;
        crate::output::sweep_leftovers(&out, true);
        let dir = parent.join(format!(
            ".{}.docent-new-{}",
            file_name(&out),
            std::process::id()
        ));
        if dir.exists() {
            if !(crate::output::is_docent_site(&dir) || crate::output::is_empty_dir(&dir)) {
                return Err(crate::error::Diagnostic::error(
                    &dir,
                    0,
                    0,
                    "a folder docent uses to stage the site holds files it did not write",
                )
                .with_help("move that folder away and build again")
                .into());
            }
            fsx::remove_dir_all(&dir)?;
        }
        fsx::create_dir_all(&dir)?;
        let staging = Self {
            out,
            dir,
            made: std::sync::Mutex::new(std::collections::HashSet::new()),
            written: std::sync::Mutex::new(Vec::new()),
            committed: false,
            _lock: lock,
        };
        // First, so a staging folder left by a killed build is recognisably docent's (its
        // list of files comes at the commit).
        let marker = staging.dir.join(crate::output::SITE_MARKER);
        fsx::write(&marker, crate::output::SITE_MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// Writes `bytes` at `path` (relative, `/`-separated) in the staging folder.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let full = self.dir.join(path);
        self.make_parent(&full)?;
        crate::sync::lock(&self.written).push(path.to_string());
        std::fs::write(&full, bytes).map_err(|e| Error::io(&full, e))
    }

    /// Creates the folder `full` goes in, once per folder.
    fn make_parent(&self, full: &Path) -> Result<()> {
        if let Some(parent) = full.parent() {
            let known = crate::sync::lock(&self.made).contains(parent);
            if !known {
                fsx::create_dir_all(parent)?;
                crate::sync::lock(&self.made).insert(parent.to_path_buf());
            }
        }
        Ok(())
    }

    /// Swaps the written site in for the old one (kept aside until the swap is done). What
    /// the user put in the old site (files its marker does not list: a `CNAME`, a `.git`
    /// folder) moves into the new one; a build that would write over one of them fails
    /// before anything moves.
    pub fn commit(mut self) -> Result<()> {
        let mut files = std::mem::take(&mut *crate::sync::lock(&self.written));
        files.sort_unstable();
        files.dedup();
        fsx::write_atomic(
            &self.dir.join(crate::output::SITE_MARKER),
            crate::output::site_marker(&files).as_bytes(),
        )?;
        let out = self.out.clone();
        let old = self.dir.with_file_name(format!(
            ".{}.docent-old-{}",
            file_name(&out),
            std::process::id()
        ));
        if out.exists() {
            let mut theirs = Vec::new();
            let mut taken = None;
            let foreign = crate::output::foreign_entries(&out)?;
            for rel in foreign.entries {
                taken = taken.or(merge_into(
                    &out,
                    &self.dir,
                    rel,
                    foreign.trusted,
                    &mut theirs,
                )?);
            }
            if let Some(taken) = taken {
                return Err(crate::error::Diagnostic::error(
                    out.join(taken),
                    0,
                    0,
                    "the new site has a file here, and this one was not written by docent",
                )
                .with_help("move it out of the site folder (docent keeps the files you add to it, but does not write over them), then build again")
                .into());
            }
            if old.exists() && crate::output::is_docent_site(&old) {
                fsx::remove_dir_all(&old)?;
            }
            fsx::rename(&out, &old)?;
            if let Err(e) = fsx::rename(&self.dir, &out) {
                // Put the previous site back before reporting.
                let _ = std::fs::rename(&old, &out);
                return Err(e);
            }
            self.committed = true;
            for rel in &theirs {
                let to = out.join(rel);
                if let Some(parent) = to.parent() {
                    fsx::create_dir_all(parent)?;
                }
                if let Err(e) = fsx::rename(&old.join(rel), &to) {
                    // The previous site stays where it is, with the user's files in it.
                    return Err(crate::error::Diagnostic::error(
                        old.join(rel),
                        0,
                        0,
                        format!("could not move this file of yours into the new site: {e}"),
                    )
                    .with_help(format!(
                        "the previous site, with your files, is kept at {}; move them back by hand",
                        old.display()
                    ))
                    .into());
                }
            }
            fsx::remove_dir_all(&old)?;
        } else {
            fsx::rename(&self.dir, &out)?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Where the user's entry `rel` of the old site goes in the new one: `moves` gets what to
/// move (the entry, or, for a folder the new site has too, what is in it); returns an entry
/// the new site would write over, if there is one. Unless the marker's list was `trusted`
/// (see [`crate::output::Foreign`]), such an entry is taken for docent's and not moved.
fn merge_into(
    old: &Path,
    new: &Path,
    rel: PathBuf,
    trusted: bool,
    moves: &mut Vec<PathBuf>,
) -> Result<Option<PathBuf>> {
    let is_dir = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
    let there = new.join(&rel);
    if std::fs::symlink_metadata(&there).is_err() {
        moves.push(rel);
        return Ok(None);
    }
    if !(is_dir(&there) && is_dir(&old.join(&rel))) {
        // A page docent made (kept when an earlier list was not whole) is docent's to replace.
        return Ok((trusted && !crate::output::is_docent_page(&old.join(&rel))).then_some(rel));
    }
    let mut taken = None;
    for entry in fsx::read_dir_sorted(&old.join(&rel))? {
        taken = taken.or(merge_into(
            old,
            new,
            rel.join(entry.file_name()),
            trusted,
            moves,
        )?);
    }
    Ok(taken)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "site".to_string(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_files_added_removed_or_different() {
        let shared = Bytes::from_static(b"same");
        let mut before = Site::default();
        before.insert("a.html", "gone");
        before.insert("b.html", "old");
        before.insert("c.html", shared.clone());
        before.insert("e.html", "equal");
        before.insert("z.html", "gone too");
        let mut after = Site::default();
        after.insert("b.html", "new");
        after.insert("c.html", shared);
        after.insert("d.html", "added");
        after.insert("e.html", String::from("equal"));
        assert_eq!(
            after.changed_since(&before),
            ["a.html", "b.html", "d.html", "z.html"]
        );
        assert_eq!(before.changed_since(&before), Vec::<String>::new());
        assert_eq!(
            Site::default().changed_since(&after),
            ["b.html", "c.html", "d.html", "e.html"]
        );
    }
}
