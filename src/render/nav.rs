//! The sidebar: the list of chapters with the current one marked (by the template, from
//! data), or, for a course too long to repeat its list in every page, one script per
//! language that fills it in.

use super::assets::hashed_name;
use super::context::{NavItem, PageContext};
use super::renderer::Renderer;
use super::{BuildOptions, LinkStyle};
use crate::course::Page;
use crate::error::Result;
use crate::markdown::highlight;
use bytes::Bytes;
use std::collections::BTreeMap;

/// Up to this many chapters per language, every page carries the whole chapter list.
pub const NAV_INLINE_LIMIT: usize = 150;

/// For each language with more than [`NAV_INLINE_LIMIT`] chapters: the path and text of the
/// script that lists its chapters.
pub(super) fn nav_scripts(
    pages: &BTreeMap<String, Vec<Page<'_>>>,
    options: &BuildOptions,
) -> BTreeMap<String, (String, Bytes)> {
    pages
        .iter()
        .filter(|(_, list)| list.len() > NAV_INLINE_LIMIT)
        .map(|(lang, list)| {
            let items: Vec<(String, &str)> = list
                .iter()
                .map(|p| {
                    let mut href = format!("{lang}/{}/", p.slug());
                    if options.link_style == LinkStyle::File {
                        href.push_str("index.html");
                    }
                    (href, p.title_html())
                })
                .collect();
            let mut js = b"window.docentNav=window.docentNav||{};window.docentNav[".to_vec();
            crate::search::write_script_json(&mut js, lang);
            js.extend_from_slice(b"]=");
            crate::search::write_script_json(&mut js, &items);
            js.extend_from_slice(b";\n");
            let path = if options.hashed_assets {
                hashed_name(&format!("assets/nav-{lang}"), "js", &js)
            } else {
                format!("assets/nav-{lang}.js")
            };
            (lang.clone(), (path, Bytes::from(js)))
        })
        .collect()
}

impl Renderer<'_> {
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
            && root == "../../"
        {
            let current = current
                .and_then(|i| self.pages_of(lang).get(i))
                .map(|p| self.href("", &format!("{lang}/{}/", p.slug())))
                .unwrap_or_default();
            return Ok(format!(
                "<ol class=\"chapter-list\" data-nav-script=\"{root}{script}\" data-lang=\"{lang}\" data-root=\"{root}\" data-current=\"{}\"></ol><noscript><p><a href=\"{}\">{}</a></p></noscript>",
                highlight::escape_html(&current),
                highlight::escape_html(&self.href(root, &format!("{lang}/"))),
                highlight::escape_html(&self.i18n.text(lang, "nav-all-chapters")),
            ));
        }
        self.render_nav(lang, self.nav(lang, root, current))
    }

    /// `nav.html` with these items.
    pub(super) fn render_nav(&self, lang: &str, nav: Vec<NavItem>) -> Result<String> {
        let ctx = PageContext {
            lang,
            nav,
            t: self.tables.get(lang),
            ..PageContext::default()
        };
        self.render_template("nav.html", &ctx)
    }

    /// Every chapter of `lang` as a link from a page at `root`.
    pub(super) fn nav(&self, lang: &str, root: &str, current: Option<usize>) -> Vec<NavItem> {
        self.pages_of(lang)
            .iter()
            .enumerate()
            .map(|(i, p)| NavItem {
                title: p.title().to_string(),
                title_html: p.title_html().to_string(),
                href: self.href(root, &format!("{lang}/{}/", p.slug())),
                current: Some(i) == current,
                description: p.source.front.description.clone().unwrap_or_default(),
            })
            .collect()
    }
}
