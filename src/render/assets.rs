//! The theme's stylesheet and script (content-hashed for long caching), its other static
//! files, and the files of each chapter folder, published beside the chapter's page.

use super::renderer::{PageCache, Renderer};
use crate::error::Result;
use crate::markdown::highlight;
use crate::theme::Files;
use bytes::Bytes;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, Serialize)]
pub(super) struct Assets {
    pub(super) css: String,
    pub(super) js: String,
}

/// CSS (theme + highlighting) and JS under content-hashed names; the boot script is inlined.
pub(super) fn build_assets(
    theme: &Files,
    hashed: bool,
) -> (Assets, Vec<(String, Vec<u8>)>, String) {
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
        (css_path.clone(), css.into_bytes()),
        (js_path.clone(), js.into_bytes()),
    ];
    for (k, v) in theme {
        let Some(rest) = k.strip_prefix("static/") else {
            continue;
        };
        if ["style.css", "docent.js", "theme-boot.js"].contains(&rest) {
            continue;
        }
        files.push((format!("assets/{rest}"), v.to_vec()));
    }
    (
        Assets {
            css: css_path,
            js: js_path,
        },
        files,
        boot,
    )
}

pub(super) fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    format!("{stem}.{}.{ext}", hash.get(..10).unwrap_or(""))
}

impl Renderer<'_> {
    /// Publishes the files of the chapters at course positions `range` beside their pages in
    /// every language, read again only when the chapter's folder changed.
    pub(super) fn copy_chapter_assets(
        &self,
        cache: &mut PageCache,
        range: std::ops::Range<usize>,
        put: &dyn Fn(&str, Bytes) -> Result<()>,
    ) -> Result<()> {
        let mut kept = HashMap::new();
        for chapter in self.course.chapters.get(range).unwrap_or_default() {
            let files = match cache.chapter_files.remove(&chapter.id) {
                Some((stamp, files)) if stamp == chapter.assets_stamp => files,
                _ => chapter
                    .assets
                    .iter()
                    .map(|rel| {
                        let path = chapter.dir.join(rel);
                        let bytes = match cache.keep {
                            true => cache.files.read(&path)?,
                            false => Bytes::from(crate::fsx::read(&path)?),
                        };
                        let rel = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy())
                            .collect::<Vec<_>>()
                            .join("/");
                        Ok((rel, bytes))
                    })
                    .collect::<Result<Arc<[_]>>>()?,
            };
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
