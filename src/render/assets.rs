//! The theme's stylesheet and script (content-hashed for long caching), its other static
//! files, and the files of each chapter folder, published beside the chapter's page.

use super::cache::PageCache;
use super::renderer::Renderer;
use crate::error::Result;
use crate::markdown::highlight;
use crate::theme::Files;
use bytes::Bytes;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, Serialize)]
pub(super) struct Assets {
    pub(super) css: String,
    pub(super) js: String,
}

/// CSS (theme + highlighting) and JS under content-hashed names; the boot script is inlined.
pub(super) fn build_assets(theme: &Files, hashed: bool) -> BuiltAssets {
    let text = |k: &str| {
        theme
            .get(k)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    };
    let mut css = text("static/style.css");
    css.push_str("\n/* Syntax highlighting (syntect, Coldark) */\n");
    css.push_str(highlight::stylesheet());
    let js = text("static/docent.js");
    let boot = text("static/theme-boot.js").trim().to_string();
    let (css_path, js_path) = if hashed {
        (
            hashed_name("assets/docent", "css", css.as_bytes()),
            hashed_name("assets/docent", "js", js.as_bytes()),
        )
    } else {
        (
            "assets/docent.css".to_string(),
            "assets/docent.js".to_string(),
        )
    };
    let mut files = vec![
        (css_path.clone(), Bytes::from(css)),
        (js_path.clone(), Bytes::from(js)),
    ];
    for (k, v) in theme {
        let Some(rest) = k.strip_prefix("static/") else {
            continue;
        };
        if ["style.css", "docent.js", "theme-boot.js"].contains(&rest) {
            continue;
        }
        files.push((format!("assets/{rest}"), Bytes::from(v.to_vec())));
    }
    BuiltAssets {
        names: Assets {
            css: css_path,
            js: js_path,
        },
        files: Arc::new(files),
        boot,
    }
}

/// What [`build_assets`] makes of a theme: kept between builds (a rebuild that changed no
/// theme file copies none of it).
#[derive(Clone)]
pub(super) struct BuiltAssets {
    pub(super) names: Assets,
    /// Published path and bytes of every theme file.
    pub(super) files: Arc<Vec<(String, Bytes)>>,
    /// The inlined boot script.
    pub(super) boot: String,
}

pub(super) fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    format!("{stem}.{}.{ext}", hash.get(..10).unwrap_or(""))
}

impl Renderer<'_> {
    /// The bytes of the theme file published at `path`.
    pub(super) fn asset_bytes(&self, path: &str) -> Option<&Bytes> {
        self.asset_files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b)
    }

    /// The text of the theme file published at `path` (to inline it in a page).
    pub(super) fn asset_text(&self, path: &str) -> Option<String> {
        self.asset_bytes(path)
            .map(|b| String::from_utf8_lossy(b).into_owned())
    }

    /// Publishes the files of the chapters at course positions `range` beside their pages in
    /// every language, read again only when the chapter's folder changed.
    pub(super) fn copy_chapter_assets(
        &self,
        cache: &mut PageCache,
        range: std::ops::Range<usize>,
        put: &dyn Fn(&str, Bytes) -> Result<()>,
    ) -> Result<()> {
        let chapters = self.course.chapters.get(range).unwrap_or_default();
        // What the cache holds is taken out in order; the rest is read in parallel.
        let cached: Vec<_> = chapters
            .iter()
            .map(|chapter| match cache.chapter_files.remove(&chapter.id) {
                Some((stamp, files)) if stamp == chapter.assets_stamp => Some(files),
                _ => None,
            })
            .collect();
        let cache_ref = &*cache;
        let read: Vec<Arc<[(String, Bytes)]>> = chapters
            .par_iter()
            .zip(cached)
            .map(|(chapter, cached)| match cached {
                Some(files) => Ok(files),
                None => chapter
                    .assets
                    .iter()
                    .map(|rel| {
                        let path = chapter.dir.join(rel);
                        let bytes = match cache_ref.keep {
                            true => cache_ref.files.read(&path)?,
                            false => Bytes::from(crate::fsx::read(&path)?),
                        };
                        let rel = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy())
                            .collect::<Vec<_>>()
                            .join("/");
                        Ok((rel, bytes))
                    })
                    .collect::<Result<Arc<[_]>>>(),
            })
            .collect::<Result<_>>()?;
        let mut kept = HashMap::new();
        for (chapter, files) in chapters.iter().zip(read) {
            for (rel, bytes) in files.iter() {
                for lang in self.course.language_codes() {
                    if let Some(page) = self.page_by_id(lang, &chapter.id) {
                        put(&format!("{lang}/{}/{rel}", page.slug()), bytes.clone())?;
                    }
                }
            }
            if cache.keep {
                kept.insert(chapter.id.clone(), (chapter.assets_stamp, files));
            }
        }
        // A one-shot build holds no file after it is written.
        if cache.keep {
            cache.chapter_files = kept;
        }
        Ok(())
    }
}
