//! Course + rendered chapters → [`Site`]: every page, the assets, sitemap and robots.txt.

pub mod links;
mod pages;

use crate::course::{Course, Page};
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::I18n;
use crate::markdown::{self, Rendered};
use crate::site::Site;
use crate::theme::Files;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// How pages link to each other: directories (`../slug/`) for a web server, or files
/// (`../slug/index.html`) for a site opened from disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LinkStyle {
    #[default]
    Directory,
    File,
}

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub link_style: LinkStyle,
}

/// Rendered chapters keyed by (chapter index, language of the source).
pub type RenderedChapters = BTreeMap<(usize, String), Rendered>;

/// Renders every chapter file once, in parallel; all errors of all chapters are returned.
pub fn render_chapters(course: &Course, i18n: &I18n) -> Result<RenderedChapters> {
    let jobs: Vec<(usize, &str)> = course
        .chapters
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.sources.keys().map(move |lang| (i, lang.as_str())))
        .collect();
    let results: Vec<((usize, String), Result<Rendered>)> = jobs
        .par_iter()
        .map(|&(i, lang)| {
            let chapter = &course.chapters[i];
            let result = match chapter.sources.get(lang) {
                Some(source) => markdown::render(&markdown::Context {
                    course,
                    chapter,
                    source,
                    lang,
                    i18n,
                }),
                None => Ok(Rendered::default()),
            };
            ((i, lang.to_string()), result)
        })
        .collect();
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    for (key, result) in results {
        match result {
            Ok(r) => {
                out.insert(key, r);
            }
            Err(Error::Input(mut list)) => errors.append(&mut list),
            Err(e) => return Err(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Input(errors))
    }
}

/// Warnings that belong to the course as a whole rather than one chapter's text.
pub fn course_warnings(course: &Course) -> Vec<Diagnostic> {
    let default = course.default_language();
    let mut out = Vec::new();
    for chapter in &course.chapters {
        for lang in course.language_codes() {
            if !chapter.sources.contains_key(lang) {
                let from = if chapter.sources.contains_key(default) {
                    default
                } else {
                    chapter
                        .sources
                        .keys()
                        .next()
                        .map_or(default, String::as_str)
                };
                out.push(
                    Diagnostic::warning(
                        chapter.dir.join(format!("{lang}.md")),
                        0,
                        0,
                        format!(
                            "chapter `{}` has no {lang} translation; its {lang} page shows the {from} text",
                            chapter.id
                        ),
                    )
                    .with_help(format!("add {lang}.md to the chapter folder")),
                );
            }
        }
    }
    out
}

/// Builds the site from rendered chapters: pages per language, assets, sitemap.
pub fn render_site(
    course: &Course,
    i18n: &I18n,
    theme: &Files,
    chapters: &RenderedChapters,
    options: &BuildOptions,
) -> Result<Site> {
    let renderer = pages::Renderer::new(course, i18n, theme, chapters, options)?;
    renderer.render()
}

/// The rendered chapter a page of `lang` shows.
pub fn rendered_for<'a>(chapters: &'a RenderedChapters, page: &Page<'_>) -> Option<&'a Rendered> {
    chapters.get(&(page.index, page.content_lang.to_string()))
}
