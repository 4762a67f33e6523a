//! The sidebar: the list of chapters with the current one marked (by the template, from
//! data), or, for a course too long to repeat its list in every page, one script per
//! language that fills it in.

use super::assets::hashed_name;
use super::context::{NavGroup, NavItem, PageContext};
use super::renderer::Renderer;
use crate::course::Page;
use crate::error::Result;
use crate::markdown::highlight;
use bytes::Bytes;
use std::collections::BTreeMap;

/// Up to this many chapters per language, every page carries the whole chapter list.
pub const NAV_INLINE_LIMIT: usize = 150;

/// The way from a chapter page (`<lang>/<slug>/`) to the site root.
const CHAPTER_ROOT: &str = "../../";

impl Renderer<'_> {
    /// For each language with more than [`NAV_INLINE_LIMIT`] chapters: the path and text of
    /// the script holding its sidebar (`nav.html` rendered once, for chapter pages, with no
    /// chapter marked; the page's script marks its own).
    pub(super) fn nav_scripts(&self) -> Result<super::cache::NavScripts> {
        let mut out = BTreeMap::new();
        for lang in self.course.language_codes() {
            if self.course.chapters.len() <= NAV_INLINE_LIMIT {
                continue;
            }
            let html = self.render_nav(lang, self.nav(lang, CHAPTER_ROOT, None))?;
            let mut js = b"window.docentNav=window.docentNav||{};window.docentNav[".to_vec();
            crate::search::write_script_json(&mut js, lang);
            js.extend_from_slice(b"]=");
            crate::search::write_script_json(&mut js, &html);
            js.extend_from_slice(b";\n");
            let path = if self.options.hashed_assets {
                hashed_name(&format!("assets/nav-{lang}"), "js", &js)
            } else {
                format!("assets/nav-{lang}.js")
            };
            out.insert(lang.to_string(), (path, Bytes::from(js)));
        }
        Ok(out)
    }

    /// The sidebar list for a page at `root`, `current` marked `aria-current="page"` by
    /// the template.
    ///
    /// A course of more than [`NAV_INLINE_LIMIT`] chapters would repeat a list of every
    /// chapter in every page (quadratic output: 1 GB at 2×2,000 chapters); its chapter
    /// pages get the list from one script per language instead (`assets/nav-<lang>.js`),
    /// with a link to the course home, which lists every chapter, for readers without
    /// JavaScript.
    pub(super) fn nav_html(
        &self,
        lang: &str,
        root: &str,
        current: Option<usize>,
    ) -> Result<String> {
        if let Some((script, _)) = self.nav_scripts.get(lang)
            && root == CHAPTER_ROOT
        {
            let current = current
                .and_then(|i| self.page_at(lang, i))
                .map(|p| self.href(root, &format!("{lang}/{}/", p.slug())))
                .unwrap_or_default();
            return Ok(format!(
                "<div class=\"nav-tree\" data-nav-script=\"{root}{script}\" data-lang=\"{lang}\" data-current=\"{}\"></div><noscript><p><a href=\"{}\">{}</a></p></noscript>",
                highlight::escape_html(&current),
                highlight::escape_html(&self.href(root, &format!("{lang}/"))),
                highlight::escape_html(&self.i18n.text(lang, "nav-all-chapters")),
            ));
        }
        self.render_nav(lang, self.nav(lang, root, current))
    }

    /// `nav.html` with these groups.
    pub(super) fn render_nav(&self, lang: &str, groups: Vec<NavGroup>) -> Result<String> {
        let ctx = PageContext {
            lang,
            nav: groups
                .iter()
                .flat_map(|g| g.items.iter().cloned())
                .collect(),
            nav_groups: groups,
            t: self.tables.get(lang),
            ..PageContext::default()
        };
        self.render_template("nav.html", &ctx)
    }

    /// Every chapter of `lang` as a link from a page at `root`, grouped by part, with
    /// `current` (a position in reading order) marked and its branch open.
    pub(super) fn nav(&self, lang: &str, root: &str, current: Option<usize>) -> Vec<NavGroup> {
        self.nav_with(lang, current, |p| {
            self.href(root, &format!("{lang}/{}/", p.slug()))
        })
    }

    /// [`Renderer::nav`] with links made by `href`.
    pub(super) fn nav_with(
        &self,
        lang: &str,
        current: Option<usize>,
        href: impl Fn(&Page<'_>) -> String,
    ) -> Vec<NavGroup> {
        let pages = self.pages_of(lang);
        let chapters = &self.course.chapters;
        // The current chapter and every chapter above it.
        let mut open = std::collections::HashSet::new();
        let mut up = current.and_then(|i| pages.get(i)).map(|p| p.index);
        while let Some(i) = up {
            open.insert(i);
            up = chapters.get(i).and_then(|c| c.parent);
        }
        let mut groups: Vec<NavGroup> = Vec::new();
        let mut part = None;
        for (i, p) in pages.iter().enumerate() {
            let depth = p.chapter.depth;
            if depth == 0 && (groups.is_empty() || p.chapter.part != part) {
                part = p.chapter.part;
                let title_html = part
                    .and_then(|k| self.part_title(lang, k))
                    .map(|t| t.html.clone())
                    .unwrap_or_default();
                groups.push(NavGroup {
                    title_html,
                    items: Vec::new(),
                });
            }
            let next_depth = pages.get(i + 1).map(|n| n.chapter.depth);
            let item = NavItem {
                title: p.title().to_string(),
                title_html: p.title_html().to_string(),
                href: href(p),
                current: Some(i) == current,
                description: p.source.front.description.clone().unwrap_or_default(),
                number: p
                    .chapter
                    .number
                    .as_deref()
                    .map(|n| crate::i18n::Numbers::of(lang).digits(n))
                    .unwrap_or_default(),
                depth,
                has_children: next_depth.is_some_and(|d| d > depth),
                open: open.contains(&p.index),
                // Lists still open after this item: down to the next item's level, or to
                // the top when the next item starts a new group (or there is none).
                closes: match pages.get(i + 1) {
                    Some(n) if n.chapter.depth > 0 || n.chapter.part == part => {
                        depth.saturating_sub(n.chapter.depth)
                    }
                    _ => depth,
                },
                index: i,
            };
            if let Some(group) = groups.last_mut() {
                group.items.push(item);
            }
        }
        groups
    }

    /// The title (inline HTML) of the part `page` opens: it is the first chapter of a part.
    pub(super) fn part_opened_by(&self, lang: &str, page: &Page<'_>) -> String {
        let chapters = &self.course.chapters;
        let Some(part) = page.chapter.part.filter(|_| page.chapter.depth == 0) else {
            return String::new();
        };
        let before = chapters
            .get(..page.index)
            .and_then(|c| c.iter().rev().find(|c| c.depth == 0))
            .and_then(|c| c.part);
        if before == Some(part) {
            return String::new();
        }
        self.part_title(lang, part)
            .map(|t| t.html.clone())
            .unwrap_or_default()
    }

    /// Where a chapter sits, for search results: its part and the chapters above it
    /// ("Part › Chapter"), plain text.
    pub(super) fn crumb(&self, lang: &str, page: &Page<'_>) -> String {
        let mut trail = Vec::new();
        let mut up = page.chapter.parent;
        while let Some(i) = up {
            if let Some(p) = self.page_at(lang, i) {
                trail.push(p.title().to_string());
            }
            up = self.course.chapters.get(i).and_then(|c| c.parent);
        }
        if let Some(part) = page.chapter.part.and_then(|k| self.part_title(lang, k)) {
            trail.push(part.text.clone());
        }
        trail.reverse();
        trail.join(" › ")
    }
}
