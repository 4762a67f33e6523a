//! Which file changes matter, and what they are: a pure function, tested with tables of paths.

use std::path::{Path, PathBuf};

/// What a changed path is to the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// `course.toml`.
    Config,
    /// A chapter folder, or a `.md` file directly in one.
    Chapter,
    /// A theme template (`templates/…`).
    Template,
    /// A theme stylesheet (`.css`): open pages can swap it in without a reload.
    Style,
    /// A theme script (`.js`).
    Script,
    /// A UI string file (`.ftl`).
    Strings,
    /// Any other file of a chapter folder or of the theme (images, Dockerfiles, fonts).
    Asset,
    /// A branch or `HEAD` of the course's repository moved (a commit, checkout or reset):
    /// "last updated" dates may have changed.
    History,
}

/// Where the watched inputs live.
#[derive(Debug, Clone)]
pub struct Roots {
    /// The course folder (holding `course.toml`), absolute.
    pub course: PathBuf,
    /// The theme override folder, `<project>/themes/default`.
    pub themes: PathBuf,
    /// The UI string override folder, `<project>/i18n`.
    pub i18n: PathBuf,
    /// The course repository's git folder and the folder its worktrees share
    /// ([`crate::history::git_dirs`]), when the course is in a repository.
    pub git: Option<(PathBuf, PathBuf)>,
    /// Files and folders outside the course that links inside it lead to (resolved), each
    /// with its link: an edit there is an edit of the course (the bundled course's chapter
    /// 12 shows the repository's own Dockerfile through a link).
    pub linked: Vec<(PathBuf, PathBuf)>,
}

impl Roots {
    /// The project folders whose files override the built-in theme and strings.
    pub fn override_dirs(&self) -> [PathBuf; 2] {
        let themes = self
            .themes
            .parent()
            .map_or_else(|| self.themes.clone(), Path::to_path_buf);
        [themes, self.i18n.clone()]
    }

    /// The project folder (which holds the course): paths shown to pages are relative to it.
    pub fn project(&self) -> &Path {
        self.course.parent().unwrap_or(&self.course)
    }

    /// Whether `path` is one of [`Roots::override_dirs`].
    pub fn is_override_dir(&self, path: &Path) -> bool {
        self.override_dirs().iter().any(|d| d == path)
    }
}

/// The links inside `course` that lead outside it, as (resolved target, link): walked
/// without following links, so a link inside a linked folder is not seen.
pub fn linked_targets(course: &Path) -> Vec<(PathBuf, PathBuf)> {
    let Ok(real) = std::fs::canonicalize(course) else {
        return Vec::new();
    };
    walkdir::WalkDir::new(course)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path_is_symlink())
        .filter_map(|e| {
            let target = std::fs::canonicalize(e.path()).ok()?;
            (!target.starts_with(&real)).then(|| (target, e.path().to_path_buf()))
        })
        .collect()
}

/// Classifies `path`; `None` for paths that cannot change the site (editor swap files,
/// the output folder, paths outside the inputs).
pub fn classify(path: &Path, roots: &Roots) -> Option<ChangeKind> {
    let name = path.file_name()?.to_string_lossy();
    if is_editor_noise(&name) {
        return None;
    }
    // Behind a link of the course: what it is there.
    for (target, link) in &roots.linked {
        if let Ok(rel) = path.strip_prefix(target) {
            let inside = if rel.as_os_str().is_empty() {
                link.clone()
            } else {
                link.join(rel)
            };
            return classify(
                &inside,
                &Roots {
                    linked: Vec::new(),
                    ..roots.clone()
                },
            );
        }
    }
    if let Ok(rel) = path.strip_prefix(&roots.themes) {
        if is_hidden(rel) {
            return None;
        }
        let ext = rel
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        return Some(match (rel.starts_with("templates"), ext.as_deref()) {
            (true, _) => ChangeKind::Template,
            (false, Some("css")) => ChangeKind::Style,
            (false, Some("js")) => ChangeKind::Script,
            _ => ChangeKind::Asset,
        });
    }
    if let Some((own, common)) = &roots.git
        && (path.starts_with(own) || path.starts_with(common))
    {
        let moved = !name.ends_with(".lock")
            && (path == own.join("HEAD")
                || path == common.join("packed-refs")
                || path.starts_with(common.join("refs").join("heads")));
        return moved.then_some(ChangeKind::History);
    }
    if path.starts_with(&roots.i18n) {
        return (name.ends_with(".ftl")).then_some(ChangeKind::Strings);
    }
    let rel = path.strip_prefix(&roots.course).ok()?;
    if is_hidden(rel) {
        return None;
    }
    if rel == Path::new("course.toml") {
        return Some(ChangeKind::Config);
    }
    let mut parts = rel.components();
    let first = parts.next()?.as_os_str().to_string_lossy().into_owned();
    let is_chapter = first
        .split_once('-')
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if !is_chapter {
        // themes/ or i18n/ inside the course root are not read; anything else top-level is not a chapter.
        return None;
    }
    match parts.next() {
        None => Some(ChangeKind::Chapter),
        Some(file)
            if parts.next().is_none() && file.as_os_str().to_string_lossy().ends_with(".md") =>
        {
            Some(ChangeKind::Chapter)
        }
        Some(_) => Some(ChangeKind::Asset),
    }
}

/// Whether a path below a watched root is hidden (a component starts with `.`: `.git`,
/// `.docent`, an editor's `.#en.md`): no change there is a change of the site.
pub fn is_hidden(rel: &Path) -> bool {
    rel.components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

/// Swap, backup and temporary files editors write beside the real one.
fn is_editor_noise(name: &str) -> bool {
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name == "4913"
        || (name.starts_with('.') && name.contains(".sw"))
        || name.starts_with(".goutputstream")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let roots = Roots {
            course: PathBuf::from("/p/content"),
            themes: PathBuf::from("/p/themes/default"),
            i18n: PathBuf::from("/p/i18n"),
            git: Some((PathBuf::from("/p/.git"), PathBuf::from("/p/.git"))),
            linked: vec![
                (
                    PathBuf::from("/p/Dockerfile"),
                    PathBuf::from("/p/content/12-case/Dockerfile"),
                ),
                (
                    PathBuf::from("/p/shared/ch"),
                    PathBuf::from("/p/content/05-shared"),
                ),
            ],
        };
        let c = |p: &str| classify(Path::new(p), &roots);
        // Behind a link: what the link is in the course.
        assert_eq!(c("/p/Dockerfile"), Some(ChangeKind::Asset));
        assert_eq!(c("/p/shared/ch/en.md"), Some(ChangeKind::Chapter));
        assert_eq!(c("/p/Dockerfile.bak"), None);
        assert_eq!(c("/p/content/course.toml"), Some(ChangeKind::Config));
        assert_eq!(c("/p/content/01-intro/en.md"), Some(ChangeKind::Chapter));
        assert_eq!(c("/p/content/01-intro"), Some(ChangeKind::Chapter));
        assert_eq!(c("/p/content/01-intro/Dockerfile"), Some(ChangeKind::Asset));
        assert_eq!(c("/p/content/01-intro/img/a.svg"), Some(ChangeKind::Asset));
        assert_eq!(c("/p/content/01-intro/.en.md.swp"), None);
        assert_eq!(c("/p/content/01-intro/en.md~"), None);
        assert_eq!(c("/p/content/01-intro/4913"), None);
        assert_eq!(c("/p/content/01-intro/en.md___jb_tmp___"), None);
        assert_eq!(c("/p/content/01-intro/en.md___jb_old___"), None);
        assert_eq!(c("/p/content/notes.txt"), None);
        assert_eq!(
            c("/p/themes/default/templates/base.html"),
            Some(ChangeKind::Template)
        );
        assert_eq!(
            c("/p/themes/default/static/style.css"),
            Some(ChangeKind::Style)
        );
        assert_eq!(
            c("/p/themes/default/static/docent.js"),
            Some(ChangeKind::Script)
        );
        assert_eq!(c("/p/i18n/pt-BR/ui.ftl"), Some(ChangeKind::Strings));
        assert_eq!(c("/p/site/en/index.html"), None);
        assert_eq!(c("/elsewhere/x.md"), None);
        // A commit moves a branch; a checkout or reset moves HEAD; gc packs the refs.
        assert_eq!(c("/p/.git/refs/heads/main"), Some(ChangeKind::History));
        assert_eq!(c("/p/.git/refs/heads/topic/x"), Some(ChangeKind::History));
        assert_eq!(c("/p/.git/HEAD"), Some(ChangeKind::History));
        assert_eq!(c("/p/.git/packed-refs"), Some(ChangeKind::History));
        assert_eq!(c("/p/.git/refs/heads/main.lock"), None);
        assert_eq!(c("/p/.git/index"), None);
        assert_eq!(c("/p/.git/objects/ab/cdef"), None);
        assert_eq!(c("/p/.git/logs/HEAD"), None);
        // A fetch moves remote-tracking branches only, never what is checked out.
        assert_eq!(c("/p/.git/refs/remotes/origin/main"), None);
    }

    /// A course at the top of its repository: the git folder is inside the watched course
    /// folder, and a linked worktree keeps HEAD apart from the shared refs.
    #[test]
    fn classifies_repository_paths_of_a_course_at_the_top_and_of_a_worktree() {
        let roots = Roots {
            course: PathBuf::from("/w"),
            themes: PathBuf::from("/themes/default"),
            i18n: PathBuf::from("/i18n"),
            git: Some((
                PathBuf::from("/r/.git/worktrees/w"),
                PathBuf::from("/r/.git"),
            )),
            linked: Vec::new(),
        };
        let c = |p: &str| classify(Path::new(p), &roots);
        assert_eq!(c("/r/.git/worktrees/w/HEAD"), Some(ChangeKind::History));
        assert_eq!(c("/r/.git/refs/heads/w"), Some(ChangeKind::History));
        assert_eq!(c("/r/.git/HEAD"), None, "another worktree's HEAD");
        let top = Roots {
            course: PathBuf::from("/c"),
            git: Some((PathBuf::from("/c/.git"), PathBuf::from("/c/.git"))),
            ..roots
        };
        assert_eq!(
            classify(Path::new("/c/.git/refs/heads/main"), &top),
            Some(ChangeKind::History)
        );
        assert_eq!(classify(Path::new("/c/.git/objects/ab/cd"), &top), None);
        assert_eq!(
            classify(Path::new("/c/01-a/en.md"), &top),
            Some(ChangeKind::Chapter)
        );
    }
}
