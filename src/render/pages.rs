//! The pages of a course: each chapter (with its sidebar, table of contents, neighbours,
//! language switcher and notices), each language's home, the language chooser and 404.

use super::context::{LangLink, NavLink};
use super::rendered_for;
use super::renderer::Renderer;
use crate::course::Page;
use crate::error::{Diagnostic, Result};
use crate::markdown::body::Style;
use crate::markdown::highlight;

impl Renderer<'_> {
    pub(super) fn chapter(&self, lang: &str, i: usize) -> Result<String> {
        let Some(page) = &self.page_at(lang, i) else {
            return Err(Diagnostic::error("", 0, 0, "chapter index out of range").into());
        };
        let root = "../../";
        let rendered = rendered_for(self.chapters, page);
        let chapter_index = page.index;
        let (mut languages, mut alternates) = self.language_links(lang, root, |code| {
            self.page_at(code, chapter_index)
                .map(|p| format!("{code}/{}/", p.slug()))
        });
        // A page showing another language's text (not translated yet) is no version in its
        // own language for search engines: not an alternate, and its canonical page is the
        // one whose text it shows.
        alternates.retain(|a| {
            self.page_at(&a.hreflang, chapter_index)
                .is_none_or(|p| !p.is_fallback(&a.hreflang))
        });
        for link in &mut languages {
            if let Some(p) = self.page_at(&link.code, chapter_index)
                && let Some(r) = rendered_for(self.chapters, &p)
            {
                link.headings = r
                    .headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
        let nav_link = |p: &Page<'_>| NavLink {
            title: p.title().to_string(),
            title_html: p.title_html().to_string(),
            href: self.href(root, &format!("{lang}/{}/", p.slug())),
        };
        let dir = format!("{lang}/{}/", page.slug());
        let mut ctx = self.base_context("chapter", lang, root);
        ctx.title = page.title().to_string();
        ctx.title_html = page.title_html().to_string();
        match &page.source.front.description {
            Some(d) => ctx.description = d.clone(),
            // Without one, the chapter's first words describe it (share cards, search
            // engines).
            None => {
                if let Some(first) = rendered_for(self.chapters, page)
                    .and_then(|r| r.sections.iter().find(|s| !s.text.is_empty()))
                {
                    ctx.description = lead(&first.text, 160);
                }
            }
        }
        ctx.canonical = match self.page_at(page.content_lang, chapter_index) {
            Some(shown) if page.is_fallback(lang) => {
                self.absolute(&format!("{}/{}/", page.content_lang, shown.slug()))
            }
            _ => self.absolute(&dir),
        };
        ctx.json_ld = self.json_ld(
            "LearningResource",
            page.title(),
            &ctx.description,
            &ctx.canonical,
            lang,
        );
        ctx.languages = languages;
        ctx.alternates = alternates;
        ctx.nav_html = self.nav_html(lang, root, Some(i))?;
        ctx.prev = i
            .checked_sub(1)
            .and_then(|j| self.page_at(lang, j))
            .map(|p| nav_link(&p));
        ctx.next = self.page_at(lang, i + 1).map(|p| nav_link(&p));
        ctx.toc = rendered
            .map(|r| {
                r.headings
                    .iter()
                    .filter(|h| h.level == 2 || h.level == 3)
                    .collect()
            })
            .unwrap_or_default();
        ctx.content = rendered
            .map(|r| {
                r.body.to_html(&Style {
                    ui: &|key| self.i18n.text(lang, key),
                    chapter_link: &|id, fragment| {
                        let fragment = self.fragment_for(lang, page.content_lang, id, fragment);
                        format!("{}{fragment}", self.chapter_href(lang, root, id))
                    },
                    id_prefix: "",
                    file_base: "",
                    heading_shift: 0,
                })
            })
            .unwrap_or_default();
        ctx.content_lang = page.content_lang.to_string();
        ctx.content_dir = crate::languages::direction(page.content_lang).as_str();
        ctx.edit_href = self.edit_href(page);
        ctx.updated = self.updated(page, lang);
        ctx.notice = self.fallback_notice(lang, page);
        // Shown only by `serve --drafts`: said on the page, so a preview is not mistaken for
        // what will be published.
        if page.source.front.draft {
            let draft = self.i18n.text(lang, "draft-notice");
            ctx.notice = Some(match ctx.notice.take() {
                Some(fallback) => format!("{draft} {fallback}"),
                None => draft,
            });
        }
        if !page.is_fallback(lang)
            && let crate::translate::Freshness::Stale { .. } =
                crate::translate::freshness(self.course, page.chapter, lang)
            && let Some((source_lang, _)) = self.course.source_of(page.chapter)
            && let Some(source_page) = self.page_at(source_lang, page.index)
        {
            ctx.stale = Some(NavLink {
                title: self.i18n.text(lang, "stale-notice"),
                title_html: String::new(),
                href: self.href(root, &format!("{source_lang}/{}/", source_page.slug())),
            });
            ctx.stale_lang = source_lang.to_string();
        }
        ctx.chapter_number = self.chapter_number(lang, page);
        self.render_template("chapter.html", &ctx)
    }
    pub(super) fn chapter_href(&self, lang: &str, root: &str, id: &str) -> String {
        match self.page_by_id(lang, id) {
            Some(p) => self.href(root, &format!("{lang}/{}/", p.slug())),
            None => self.href(root, &format!("{lang}/")),
        }
    }
    /// "Chapter 3.2" in `lang`; empty for an unnumbered chapter.
    pub(super) fn chapter_number(&self, lang: &str, page: &Page<'_>) -> String {
        page.chapter.number.as_ref().map_or_else(String::new, |n| {
            let n = crate::i18n::Numbers::of(lang).digits(n);
            self.i18n
                .text_with(lang, "chapter-number", &[("number", &n)])
        })
    }
    pub(super) fn fallback_notice(&self, lang: &str, page: &Page<'_>) -> Option<String> {
        if !page.is_fallback(lang) {
            return None;
        }
        // Both languages named as the reader's language writes them ("a versão em inglês"),
        // or by the names course.toml gives them.
        let name = |code: &str| {
            self.i18n
                .own_text(lang, &format!("language-name-{code}"))
                .or_else(|| self.course.config.language(code).map(|l| l.name.clone()))
                .unwrap_or_else(|| code.to_string())
        };
        Some(self.i18n.text_with(
            lang,
            "fallback-notice",
            &[
                ("language", &name(lang)),
                ("source", &name(page.content_lang)),
            ],
        ))
    }
    pub(super) fn home(&self, lang: &str) -> Result<String> {
        let root = "../";
        let (languages, alternates) =
            self.language_links(lang, root, |code| Some(format!("{code}/")));
        let mut ctx = self.base_context("home", lang, root);
        ctx.title = ctx.course_title.clone();
        ctx.canonical = self.absolute(&format!("{lang}/"));
        ctx.json_ld = self.json_ld(
            "Course",
            &ctx.course_title,
            &ctx.description,
            &ctx.canonical,
            lang,
        );
        ctx.languages = languages;
        ctx.alternates = alternates;
        ctx.nav_groups = self.nav(lang, root, None);
        ctx.nav = ctx
            .nav_groups
            .iter()
            .flat_map(|g| g.items.iter().cloned())
            .collect();
        ctx.nav_html = self.nav_html(lang, root, None)?;
        ctx.next = self.pages_of(lang).first().map(|p| NavLink {
            title: p.title().to_string(),
            title_html: p.title_html().to_string(),
            href: self.href(root, &format!("{lang}/{}/", p.slug())),
        });
        let count = self.course.chapters.len().to_string();
        ctx.chapter_count = self
            .i18n
            .text_with(lang, "home-chapter-count", &[("count", &count)]);
        self.render_template("home.html", &ctx)
    }
    /// The site's root page: a language chooser, or for a course in one language a page
    /// that sends the reader on to that language's home (nothing to choose).
    pub(super) fn chooser(&self) -> Result<String> {
        let default = self.course.default_language();
        if let [only] = self.course.config.languages.as_slice() {
            let esc = highlight::escape_html;
            let home = esc(&self.href("", &format!("{}/", only.code)));
            return Ok(format!(
                "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"docent\">\n<title>{}</title>\n<meta http-equiv=\"refresh\" content=\"0; url={home}\">\n<link rel=\"canonical\" href=\"{}\">\n</head>\n<body>\n<p><a href=\"{home}\">{}</a></p>\n</body>\n</html>\n",
                esc(&only.code),
                esc(&only.title),
                esc(&self.absolute(&format!("{}/", only.code))),
                esc(&only.title),
            ));
        }
        let (mut languages, alternates) =
            self.language_links(default, "", |code| Some(format!("{code}/")));
        for l in &mut languages {
            l.current = false;
            l.title = self
                .course
                .config
                .language(&l.code)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            l.prompt = self.i18n.text(&l.code, "chooser-title");
        }
        let mut ctx = self.base_context("chooser", default, "");
        ctx.title = ctx.course_title.clone();
        ctx.canonical = self.course.config.base_url.clone();
        ctx.languages = languages;
        ctx.alternates = alternates;
        self.render_template("chooser.html", &ctx)
    }
    pub(super) fn not_found(&self) -> Result<String> {
        let default = self.course.default_language();
        let mut ctx = self.base_context("404", default, "");
        ctx.title = self.i18n.text(default, "notfound-title");
        // Styled wherever it is served: a host answers any missing path with it, also when
        // the site is not at the path `base_url` names (the page then finds its root).
        ctx.inline_css = self.asset_text(&self.assets.css);
        ctx.language_codes = self.course.language_codes().collect::<Vec<_>>().join(" ");
        ctx.base_href = Some(
            self.options
                .base_path
                .clone()
                .unwrap_or_else(|| self.course.config.base_path()),
        );
        ctx.languages = self
            .course
            .config
            .languages
            .iter()
            .map(|l| LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                href: self.href("", &format!("{}/", l.code)),
                home_label: format!("{} ({})", self.i18n.text(&l.code, "notfound-home"), l.name),
                ..LangLink::default()
            })
            .collect();
        self.render_template("404.html", &ctx)
    }
}

/// The start of `text`, at most `max` characters, cut at a word with an ellipsis.
fn lead(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!(
        "{}…",
        cut.get(..end)
            .unwrap_or(&cut)
            .trim_end_matches([',', ';', ':'])
    )
}
