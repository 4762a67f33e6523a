//! The theme and UI strings embedded in the binary, with per-file overrides from the course.
//!
//! A course's project folder (the parent of the course root, beside `content/`) may hold
//! `themes/default/<path>` and `i18n/<lang>/<file>.ftl`; each such file replaces the embedded
//! file of the same path, one file at a time, so the binary works with no theme folder at all.

use crate::error::{Diagnostic, Result};
use crate::fsx;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(rust_embed::RustEmbed)]
#[folder = "themes/default/"]
struct EmbeddedTheme;

#[derive(rust_embed::RustEmbed)]
#[folder = "i18n/"]
struct EmbeddedI18n;

/// Relative path (with `/`) → bytes, embedded files first, then the course's overrides.
pub type Files = BTreeMap<String, Cow<'static, [u8]>>;

/// Where a course keeps its overrides: the folder that holds the course root.
pub fn project_dir(course_root: &Path) -> PathBuf {
    let abs = crate::fsx::absolute(course_root);
    abs.parent().map_or(abs.clone(), Path::to_path_buf)
}

/// Where a course's theme overrides live: `themes/default/` beside the course folder.
pub fn theme_override_dir(course_root: &Path) -> PathBuf {
    project_dir(course_root).join("themes").join("default")
}

/// Where a course's UI string overrides live: `i18n/` beside the course folder.
pub fn i18n_override_dir(course_root: &Path) -> PathBuf {
    project_dir(course_root).join("i18n")
}

/// Theme files: `templates/*.html` and `static/**`; and what was skipped, as warnings.
pub fn theme_files(course_root: &Path) -> Result<(Files, Vec<Diagnostic>)> {
    let mut files = embedded::<EmbeddedTheme>();
    let warnings = overlay(&mut files, &theme_override_dir(course_root), course_root)?;
    Ok((files, warnings))
}

/// Fluent files, keyed `<lang>/<file>.ftl`, as two layers: the embedded strings, then the
/// course's. Messages (not whole files) of the second layer override the first, so a course
/// can change one string without copying the rest.
pub fn i18n_layers(course_root: &Path) -> Result<([Files; 2], Vec<Diagnostic>)> {
    let mut local = Files::new();
    let warnings = overlay(&mut local, &i18n_override_dir(course_root), course_root)?;
    Ok(([embedded::<EmbeddedI18n>(), local], warnings))
}

fn embedded<E: rust_embed::RustEmbed>() -> Files {
    E::iter()
        .filter_map(|name| {
            let file = E::get(&name)?;
            Some((name.into_owned(), file.data))
        })
        .collect()
}

fn overlay(files: &mut Files, dir: &Path, course_root: &Path) -> Result<Vec<Diagnostic>> {
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        return Ok(warnings);
    }
    let project_dir = project_dir(course_root);
    let project = std::fs::canonicalize(&project_dir)
        .map_err(|e| crate::error::Error::io(&project_dir, e))?;
    // The folder itself first: `themes/` may be a link to somewhere else entirely.
    if let Err(escape) = fsx::inside(&project, dir) {
        return Err(crate::fsx::escape_diagnostic(dir, &escape, &project).into());
    }
    for entry in walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .follow_links(true)
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                if fsx::is_link(&path) {
                    let d = crate::fsx::escape_diagnostic(&path, &fsx::Escape::Dangling, &project);
                    tracing::warn!("{d}");
                    continue;
                }
                return Err(crate::error::Error::io(&path, e.into()));
            }
        };
        if entry.path_is_symlink()
            && let Err(escape) = fsx::inside(&project, entry.path())
        {
            return Err(crate::fsx::escape_diagnostic(entry.path(), &escape, &project).into());
        }
        if let Some(kind) = fsx::special_kind(&entry.file_type()) {
            warnings.push(
                Diagnostic::warning(entry.path(), 0, 0, format!("is {kind}; skipped"))
                    .with_help("docent reads only regular files and folders")
                    .of(crate::error::Kind::File),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if key.split('/').any(|part| part.starts_with('.')) {
            continue;
        }
        files.insert(key, Cow::Owned(fsx::read(entry.path())?));
    }
    Ok(warnings)
}

/// Where a theme or i18n file comes from, for error messages.
pub fn describe_origin(course_root: &Path, key: &str, i18n: bool) -> PathBuf {
    let (dir, embedded_prefix) = if i18n {
        (i18n_override_dir(course_root), "i18n")
    } else {
        (theme_override_dir(course_root), "themes/default")
    };
    let local = dir.join(key);
    if local.is_file() {
        local
    } else {
        PathBuf::from(format!("<embedded>/{embedded_prefix}/{key}"))
    }
}
