//! What a renderer keeps between builds ([`PageCache`]: pages with the fingerprints of their
//! inputs, compiled templates, assets, sidebar scripts) and what it reads once of the theme,
//! the strings and the outline ([`Prepared`]).

use super::BuildOptions;
use super::assets::build_assets;
use super::print::Fragments;
use super::templates::tera_for;
use crate::course::Course;
use crate::error::Result;
use crate::i18n::I18n;
use crate::theme::Files;
use bytes::Bytes;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Each language's sidebar script (large courses only): its path and text.
pub(super) type NavScripts = BTreeMap<String, (String, Bytes)>;

/// Rendered pages kept between builds with the fingerprint of their inputs, so a rebuild in
/// `serve` renders only what changed. A one-shot build turns keeping off ([`PageCache::keep`]):
/// it writes pages as it makes them and holds none.
pub struct PageCache {
    /// Whether rendered pages are kept for the next build.
    pub keep: bool,
    pub(super) pages: HashMap<String, ([u8; 32], Bytes)>,
    /// Each chapter's part of a print page, by (language, chapter id) and its inputs' hash.
    pub(super) fragments: Fragments,
    /// Chapter files published beside the pages.
    pub(super) files: crate::fsx::FileCache,
    /// Each chapter's files as published (`/` path, bytes), by chapter id, with the chapter's
    /// `assets_stamp`: a rebuild that changed no asset reads and stats none.
    pub(super) chapter_files: HashMap<String, ([u8; 32], PublishedFiles)>,
    /// Search index scripts by language, with the hash of their inputs.
    pub(super) search: HashMap<String, ([u8; 32], super::aggregates::SearchFiles)>,
    /// Compiled templates and the hash of their sources.
    pub(super) tera: Option<([u8; 32], Arc<tera::Tera>)>,
    /// The sidebar scripts of large courses, with the navigation hash they were made for.
    pub(super) nav: Option<([u8; 32], NavScripts)>,
    /// The theme's published files, with the hash of the theme they were made from.
    pub(super) assets: Option<([u8; 32], super::assets::BuiltAssets)>,
    /// The sitemap, with the hash of what every page depends on.
    pub(super) sitemap: Option<([u8; 32], Bytes)>,
    /// What the last renderer read of the theme, strings and outline.
    pub(super) prepared: Option<Prepared>,
    /// The hash of what every page depends on at the last render of the whole site
    /// ([`Renderer::render_chapters_only`] starts from it).
    pub(super) common: Option<[u8; 32]>,
}

impl Default for PageCache {
    fn default() -> Self {
        Self {
            keep: true,
            pages: HashMap::new(),
            fragments: Fragments::default(),
            files: crate::fsx::FileCache::default(),
            chapter_files: HashMap::new(),
            search: HashMap::new(),
            nav: None,
            tera: None,
            assets: None,
            sitemap: None,
            common: None,
            prepared: None,
        }
    }
}

/// Each language's UI strings as templates read them (see [`I18n::table`]).
pub(super) type Tables = BTreeMap<String, BTreeMap<String, String>>;

/// What a renderer reads of the theme, the strings and the outline, kept in the cache for
/// the next one told that only chapter text changed.
#[derive(Clone)]
pub(super) struct Prepared {
    /// The templates and the inlined boot script: what pages depend on of the theme.
    pub(super) theme_hash: [u8; 32],
    pub(super) tables: Arc<Tables>,
    /// See [`super::fingerprint::outline_hash`]; `None` until computed.
    pub(super) nav_hash: Option<[u8; 32]>,
}

/// Compiles (or takes from `cache`) the templates and assets, and reads the strings.
pub(super) fn prepare(
    course: &Course,
    i18n: &I18n,
    theme: &Files,
    options: &BuildOptions,
    cache: &mut PageCache,
) -> Result<(Prepared, Arc<tera::Tera>, super::assets::BuiltAssets)> {
    let tera = tera_for(course, theme, &mut cache.tera)?;
    // Pages depend on the templates and the inlined boot script; stylesheets and scripts
    // only through their names (in `assets`), so a CSS edit re-renders no page.
    let mut theme_hasher = blake3::Hasher::new();
    let mut whole = blake3::Hasher::new();
    whole.update(&[u8::from(options.hashed_assets)]);
    for (k, v) in theme {
        if k.starts_with("templates/") || k == "static/theme-boot.js" {
            theme_hasher.update(k.as_bytes());
            theme_hasher.update(v);
        }
        whole.update(k.as_bytes());
        whole.update(&(v.len() as u64).to_le_bytes());
        whole.update(v);
    }
    let theme_hash = *theme_hasher.finalize().as_bytes();
    let whole = *whole.finalize().as_bytes();
    let built = match cache.assets.take() {
        Some((hash, built)) if hash == whole => built,
        _ => build_assets(theme, options.hashed_assets),
    };
    cache.assets = Some((whole, built.clone()));
    let tables: Tables = course
        .language_codes()
        .map(|l| (l.to_string(), i18n.table(l)))
        .collect();
    let prepared = Prepared {
        theme_hash,
        tables: Arc::new(tables),
        nav_hash: None,
    };
    Ok((prepared, tera, built))
}

/// A chapter's files as published: path relative to the chapter page (with `/`), bytes.
pub(super) type PublishedFiles = Arc<[(String, Bytes)]>;
