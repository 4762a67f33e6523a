//! The pipeline: load → render chapters → render pages → [`Site`].

use crate::error::{Diagnostic, Result};
use crate::i18n::I18n;
use crate::render::{self, BuildOptions};
use crate::site::Site;
use crate::{load, theme};
use std::path::Path;

/// A successful build: the site, and what the author should still look at.
#[derive(Debug)]
pub struct Build {
    pub site: Site,
    pub warnings: Vec<Diagnostic>,
    pub languages: usize,
    pub chapters: usize,
}

impl Build {
    pub fn pages(&self) -> usize {
        self.site.pages().count()
    }
}

/// Builds the course at `root` into memory; nothing is written.
pub fn build(root: &Path, options: &BuildOptions) -> Result<Build> {
    let course = load::load(root)?;
    let languages: Vec<&str> = course.language_codes().collect();
    let i18n = I18n::load(root, &languages, course.default_language())?;
    let theme = theme::theme_files(root)?;
    let chapters = render::render_chapters(&course, &i18n)?;
    let site = render::render_site(&course, &i18n, &theme, &chapters, options)?;
    let mut warnings = render::course_warnings(&course);
    for rendered in chapters.values() {
        warnings.extend(rendered.warnings.iter().cloned());
    }
    warnings.extend(i18n.warnings());
    Ok(Build {
        site,
        warnings,
        languages: languages.len(),
        chapters: course.chapters.len(),
    })
}
