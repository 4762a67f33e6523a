//! One page per language holding the whole course, for the one-file offline bundle.

use super::cache::PageCache;
use super::context::LangLink;
use super::rendered_for;
use super::renderer::Renderer;
use crate::error::Result;

impl Renderer<'_> {
    /// The whole course of one language as one page: the print page's chapters with the
    /// site's navigation pointing inside the page, styles, script and search index inlined,
    /// and the language switcher pointing at the sibling files. Images are still links to
    /// chapter files; the bundle inlines them.
    pub(super) fn single_file(&self, lang: &str, cache: &mut PageCache) -> Result<String> {
        let mut ctx = self.base_context("single", lang, "");
        ctx.title = ctx.course_title.clone();
        ctx.print_running_head = super::print::css_string(&ctx.course_title);
        ctx.home_href = "#content".to_string();
        ctx.print_href = "#content".to_string();
        ctx.languages = self
            .course
            .config
            .languages
            .iter()
            .map(|l| LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                href: super::single_file_name(&l.code),
                current: l.code == lang,
                ..LangLink::default()
            })
            .collect();
        let nav = self.nav_with(lang, None, |p| format!("#chapter-{}", p.slug()));
        ctx.nav_html = self.render_nav(lang, nav)?;
        let mut search_pages = Vec::new();
        ctx.chapters = self
            .pages_of(lang)
            .iter()
            .enumerate()
            .map(|(i, page)| {
                let slug = page.slug();
                let rendered = rendered_for(self.chapters, page);
                search_pages.push(crate::search::Page {
                    title: page.title().to_string(),
                    title_html: page.title_html().to_string(),
                    crumb: self.crumb(lang, page),
                    url: String::new(),
                    sections: rendered
                        .map(|r| r.sections.clone())
                        .unwrap_or_default()
                        .into_iter()
                        .map(|mut s| {
                            s.review |= page.source.front.review.covers(&s.anchor);
                            s.anchor = if s.anchor.is_empty() {
                                format!("chapter-{slug}")
                            } else {
                                format!("{slug}--{}", s.anchor)
                            };
                            s
                        })
                        .collect::<Vec<_>>()
                        .into(),
                    review: crate::course::Review::default(),
                });
                self.print_chapter(lang, i, page)
            })
            .collect();
        ctx.inline_css = self.asset_text(&self.assets.css);
        ctx.inline_js = self
            .asset_text(&self.assets.js)
            .map(|js| js.replace("</script", "<\\/script"));
        ctx.inline_search = Some(crate::search::inline_script(
            lang,
            &search_pages,
            self.synonyms(lang),
        ));
        let shell = self.render_template("single.html", &ctx)?;
        self.spliced(lang, &shell, Some(&cache.fragments))
    }
}
