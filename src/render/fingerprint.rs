//! Fingerprints of what each page is made of, so a rebuild renders only pages whose inputs
//! changed, and of the outline (what the sidebar and chapter lists show).

use super::BuildOptions;
use super::cache::Tables;
use super::page_list::Pages;
use super::rendered_for;
use super::renderer::{Job, Renderer};
use crate::course::Course;

impl Renderer<'_> {
    /// What every page depends on: theme, strings, configuration, navigation (titles, slugs,
    /// order, descriptions) and options.
    pub(super) fn common_fingerprint(&self) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(&self.theme_hash);
        h.update(format!("{:?}", self.course.config).as_bytes());
        h.update(format!("{:?}", self.course.history.dir).as_bytes());
        h.update(
            format!(
                "{:?}{}{:?}",
                self.options.link_style, self.options.hashed_assets, self.options.base_path
            )
            .as_bytes(),
        );
        h.update(format!("{:?}{:?}", self.assets, self.tables).as_bytes());
        hash_entries(&mut h, &self.pages);
        *h.finalize().as_bytes()
    }
    /// A page's inputs beyond the common ones: the chapter it shows (and the heading ids of
    /// its translations, for the switcher), or every chapter for the print page.
    pub(super) fn fingerprint(&self, job: &Job, common: &[u8; 32]) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(common);
        match job {
            Job::Chapter(lang, i) => {
                if let Some(page) = self.page_at(lang, *i) {
                    let fresh = crate::translate::freshness(self.course, page.chapter, lang);
                    h.update(format!("{fresh:?}").as_bytes());
                    // A draft shown by `serve --drafts` says so on the page.
                    h.update(&[u8::from(page.source.front.draft)]);
                    if let Some(r) = rendered_for(self.chapters, &page) {
                        h.update(&r.html_hash);
                    }
                    let updated = self
                        .course
                        .history
                        .updated(&self.course.root, &page.source.path);
                    h.update(&updated.unwrap_or(i64::MIN).to_le_bytes());
                    // The edit link follows the file shown; the rest of what it is made of
                    // (configuration, place in the repository) is in `common`.
                    h.update(page.source.path.as_os_str().as_encoded_bytes());
                    for other in self.course.language_codes() {
                        if let Some(other) = self.page_at(other, page.index)
                            && let Some(r) = rendered_for(self.chapters, &other)
                        {
                            h.update(&r.headings_hash);
                        }
                    }
                    self.linked_headings(&page, &mut h);
                }
            }
            Job::Print(lang) => {
                for page in self.pages_of(lang) {
                    if let Some(r) = rendered_for(self.chapters, page) {
                        h.update(&r.html_hash);
                    }
                    self.linked_headings(page, &mut h);
                }
            }
            // The 404 page holds the stylesheet itself (it is served at any depth), and
            // `serve` names assets without their hash: the CSS's bytes, not only its name.
            Job::NotFound => {
                if let Some(css) = self.asset_bytes(&self.assets.css) {
                    h.update(css);
                }
            }
            Job::Chooser | Job::Home(_) => {}
        }
        *h.finalize().as_bytes()
    }
}

/// Everything the sidebar and the chapter lists are made of: theme, configuration (parts,
/// unnumbered chapters), link style, each page's entry ([`hash_entries`]), and the UI
/// strings. Reads every page.
pub(super) fn outline_hash(
    course: &Course,
    options: &BuildOptions,
    theme_hash: &[u8; 32],
    pages: &Pages<'_>,
    tables: &Tables,
) -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(theme_hash);
    h.update(format!("{:?}{:?}", course.config, options.link_style).as_bytes());
    hash_entries(&mut h, pages);
    for (lang, table) in tables {
        h.update(format!("{lang}{table:?}").as_bytes());
    }
    *h.finalize().as_bytes()
}

/// What each page shows of itself in lists of chapters: id, slug, title, the language of
/// its text, description.
fn hash_entries(h: &mut blake3::Hasher, pages: &Pages<'_>) {
    for (lang, pages) in pages.all() {
        h.update(lang.as_bytes());
        for p in pages {
            for part in [
                p.chapter.id.as_str(),
                p.slug(),
                p.source.front.title.as_str(),
                p.content_lang,
                p.source.front.description.as_deref().unwrap_or(""),
            ] {
                h.update(part.as_bytes());
                h.update(b"\0");
            }
        }
    }
}
