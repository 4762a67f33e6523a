//! What templates are given: one typed context for every kind of page, and the parts most
//! pages share (links between pages, the language switcher and alternates).

use super::assets::Assets;
use super::renderer::Renderer;
use crate::course::Page;
use crate::markdown::Heading;
use crate::render::LinkStyle;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub(super) struct Alternate {
    pub(super) hreflang: String,
    pub(super) href: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub(super) struct LangLink {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) href: String,
    pub(super) current: bool,
    /// Space-separated heading ids of the same chapter in that language, in order.
    pub(super) headings: String,
    pub(super) title: String,
    pub(super) prompt: String,
    pub(super) home_label: String,
}

/// One chapter in the sidebar or on the home page. Items come in reading order; a
/// chapter's sub-chapters follow it, one level deeper.
#[derive(Debug, Clone, Serialize, Default)]
pub(super) struct NavItem {
    pub(super) title: String,
    /// The title's inline Markdown as HTML (escaped by docent).
    pub(super) title_html: String,
    pub(super) href: String,
    pub(super) current: bool,
    pub(super) description: String,
    /// "3.2.1"; empty for an unnumbered chapter.
    pub(super) number: String,
    /// 0 for a top-level chapter.
    pub(super) depth: usize,
    /// Its sub-chapters follow (a template opens a nested list after it).
    pub(super) has_children: bool,
    /// It is the current chapter or holds it: its branch is shown open.
    pub(super) open: bool,
    /// How many nested lists end after it (a template closes that many).
    pub(super) closes: usize,
    /// Position in reading order, for ids that must be unique in a page.
    pub(super) index: usize,
}

/// Chapters under one part title (or none, for chapters outside any part).
#[derive(Debug, Clone, Serialize, Default)]
pub(super) struct NavGroup {
    /// The part's title as inline HTML; empty outside a part.
    pub(super) title_html: String,
    pub(super) items: Vec<NavItem>,
}

/// A "last updated" date: `YYYY-MM-DD` for `<time datetime>` and the sentence readers see.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Updated {
    pub(super) iso: String,
    pub(super) text: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct NavLink {
    pub(super) title: String,
    pub(super) title_html: String,
    pub(super) href: String,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct PrintChapter {
    pub(super) anchor: String,
    pub(super) number: String,
    /// The bare number ("3.2") for the table of contents.
    pub(super) toc_number: String,
    /// 0 for a top-level chapter, 1 for a sub-chapter…
    pub(super) depth: usize,
    /// The chapter title's heading level (its sections sit one below).
    pub(super) level: u8,
    pub(super) title: String,
    pub(super) title_html: String,
    /// The title of the part this chapter opens, as inline HTML; empty when it opens none.
    pub(super) part_html: String,
    pub(super) content: String,
    pub(super) content_lang: String,
    /// `ltr` or `rtl` for `content_lang`.
    pub(super) content_dir: &'static str,
    pub(super) notice: Option<String>,
}

/// Everything a template can use; fields a page kind does not need stay empty.
#[derive(Debug, Clone, Serialize, Default)]
pub(super) struct PageContext<'a> {
    pub(super) kind: &'static str,
    pub(super) lang: &'a str,
    /// `ltr` or `rtl`: the page's writing direction.
    pub(super) dir: &'static str,
    /// The zero of the language's own digits when they are not 0–9 (Persian `۰`), for the
    /// page's script to write counts as the build does.
    pub(super) zero: String,
    /// The direction of the chapter text when it is another language's (a fallback).
    pub(super) content_dir: &'static str,
    pub(super) t: Option<&'a BTreeMap<String, String>>,
    pub(super) root: String,
    pub(super) assets: Option<&'a Assets>,
    pub(super) theme_boot: &'a str,
    pub(super) course_title: String,
    pub(super) description: String,
    pub(super) title: String,
    /// The page heading: `title` with its inline Markdown as HTML.
    pub(super) title_html: String,
    pub(super) canonical: String,
    /// Share cards: the page's locale (`pt_BR`), the other languages', the image (absolute).
    pub(super) og_locale: String,
    pub(super) og_locales: Vec<String>,
    pub(super) social_image: String,
    /// schema.org data (a `Course` on the home page, a `LearningResource` on a chapter),
    /// JSON safe inside `<script>`.
    pub(super) json_ld: String,
    pub(super) alternates: Vec<Alternate>,
    pub(super) base_href: Option<String>,
    /// The print page's running head: the course title as a CSS string's content.
    pub(super) print_running_head: String,
    /// Names the course in the reader's browser storage (reading progress).
    pub(super) course_key: String,
    /// The course's language codes, space separated (the 404 page finds the site's root by
    /// them).
    pub(super) language_codes: String,
    pub(super) home_href: String,
    pub(super) print_href: String,
    pub(super) repository: Option<&'a str>,
    /// "Edit this page": the chapter file shown, in the repository's web editor.
    pub(super) edit_href: Option<String>,
    /// When the chapter file last changed in a commit.
    pub(super) updated: Option<Updated>,
    pub(super) languages: Vec<LangLink>,
    /// Every chapter in reading order (see [`NavItem`] for the nesting).
    pub(super) nav: Vec<NavItem>,
    /// The same chapters grouped by part.
    pub(super) nav_groups: Vec<NavGroup>,
    /// The sidebar's chapter list, rendered once per language from `nav.html` (the current
    /// chapter is marked by each page): every page carries it, so it is not re-rendered
    /// through the template for each of them.
    pub(super) nav_html: String,
    pub(super) prev: Option<NavLink>,
    pub(super) next: Option<NavLink>,
    pub(super) toc: Vec<&'a Heading>,
    pub(super) content: String,
    pub(super) content_lang: String,
    pub(super) notice: Option<String>,
    pub(super) chapter_number: String,
    pub(super) chapter_count: String,
    pub(super) chapters: Vec<PrintChapter>,
    /// A translation whose source changed since: the notice and a link to the source.
    pub(super) stale: Option<NavLink>,
    pub(super) stale_lang: String,
    /// A self-contained page (the one-file bundle) carries its styles, script and search
    /// index inline instead of linking them.
    pub(super) inline_css: Option<String>,
    pub(super) inline_js: Option<String>,
    pub(super) inline_search: Option<String>,
}

/// What a path in a link keeps as it is: letters, digits and `/-._~`.
const PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

impl<'a> Renderer<'a> {
    /// A link from a page whose root prefix is `root` to the directory `dir` ("en/slug/").
    pub(super) fn href(&self, root: &str, dir: &str) -> String {
        let mut s = format!("{root}{dir}");
        if self.options.link_style == LinkStyle::File {
            s.push_str("index.html");
        }
        if s.is_empty() {
            s.push_str("./");
        }
        s
    }

    /// The web-editor link of the file `page` shows, when the course names its repository
    /// and the forge is known (or `[edit] url` says how).
    pub(super) fn edit_href(&self, page: &Page<'_>) -> Option<String> {
        let config = &self.course.config;
        let repository = config.repository.as_deref()?;
        if !config.edit.links {
            return None;
        }
        let rel = page.source.path.strip_prefix(&self.course.root).ok()?;
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let dir = match (&config.edit.path, &self.course.history.dir) {
            (Some(path), _) => path.trim_matches('/').to_string(),
            (None, Some(dir)) => dir.clone(),
            (None, None) => self
                .course
                .root
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let file = if dir.is_empty() {
            rel.join("/")
        } else {
            format!("{dir}/{}", rel.join("/"))
        };
        let file = percent_encoding::utf8_percent_encode(&file, PATH).to_string();
        crate::history::edit_url(
            repository,
            config.edit.url.as_deref(),
            &config.edit.branch,
            &file,
        )
    }

    /// "Last updated on …" in `lang`, from the last commit of the file `page` shows.
    pub(super) fn updated(&self, page: &Page<'_>, lang: &str) -> Option<Updated> {
        let seconds = self
            .course
            .history
            .updated(&self.course.root, &page.source.path)?;
        let (year, month, day) = crate::history::civil_date(seconds);
        let month_name = self.i18n.text(lang, &format!("month-{month}"));
        let date = self.i18n.text_with(
            lang,
            "date-long",
            &[
                ("day", &day.to_string()),
                ("month", &month_name),
                ("year", &year.to_string()),
            ],
        );
        Some(Updated {
            iso: format!("{year:04}-{month:02}-{day:02}"),
            text: self
                .i18n
                .text_with(lang, "page-updated", &[("date", &date)]),
        })
    }

    pub(super) fn absolute(&self, dir: &str) -> String {
        format!("{}{dir}", self.course.config.base_url)
    }

    pub(super) fn base_context<'s>(
        &'s self,
        kind: &'static str,
        lang: &'s str,
        root: &str,
    ) -> PageContext<'s> {
        let lang_cfg = self.course.config.language(lang);
        let dir = crate::languages::direction(lang).as_str();
        PageContext {
            kind,
            lang,
            dir,
            zero: match crate::i18n::Numbers::of(lang).zero {
                '0' => String::new(),
                z => z.to_string(),
            },
            content_dir: dir,
            t: self.tables.get(lang),
            root: root.to_string(),
            assets: Some(&self.assets),
            theme_boot: &self.theme_boot,
            course_title: lang_cfg.map(|l| l.title.clone()).unwrap_or_default(),
            description: lang_cfg.map(|l| l.description.clone()).unwrap_or_default(),
            home_href: self.href(root, &format!("{lang}/")),
            print_href: self.href(root, &format!("{lang}/print/")),
            repository: self.course.config.repository.as_deref(),
            course_key: self.course.config.base_url.clone(),
            content_lang: lang.to_string(),
            og_locale: og_locale(lang),
            og_locales: self
                .course
                .language_codes()
                .filter(|l| *l != lang)
                .map(og_locale)
                .collect(),
            social_image: self.absolute("assets/social.png"),
            ..PageContext::default()
        }
    }

    /// schema.org data for a page: `kind` (`Course`, `LearningResource`) named `name`,
    /// described by `description`, at `url`, in `lang`, part of the course when a chapter.
    pub(super) fn json_ld(
        &self,
        kind: &str,
        name: &str,
        description: &str,
        url: &str,
        lang: &str,
    ) -> String {
        let course_title = self
            .course
            .config
            .language(lang)
            .map(|l| l.title.as_str())
            .unwrap_or_default();
        let mut data = serde_json::json!({
            "@context": "https://schema.org",
            "@type": kind,
            "name": name,
            "url": url,
            "inLanguage": lang,
        });
        if !description.is_empty() {
            data["description"] = description.into();
        }
        if kind != "Course" {
            data["isPartOf"] = serde_json::json!({
                "@type": "Course",
                "name": course_title,
                "url": self.absolute(&format!("{lang}/")),
            });
        }
        let mut out = Vec::new();
        crate::search::write_script_json(&mut out, &data);
        String::from_utf8(out).unwrap_or_default()
    }

    /// The same page in every language: switcher links, hreflang alternates.
    pub(super) fn language_links(
        &self,
        lang: &str,
        root: &str,
        dir_in: impl Fn(&str) -> Option<String>,
    ) -> (Vec<LangLink>, Vec<Alternate>) {
        let mut links = Vec::new();
        let mut alternates = Vec::new();
        for l in &self.course.config.languages {
            let Some(dir) = dir_in(&l.code) else { continue };
            links.push(LangLink {
                code: l.code.clone(),
                name: l.name.clone(),
                href: self.href(root, &dir),
                current: l.code == lang,
                ..LangLink::default()
            });
            alternates.push(Alternate {
                hreflang: l.code.clone(),
                href: self.absolute(&dir),
            });
        }
        alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: self.course.config.base_url.clone(),
        });
        (links, alternates)
    }
}

/// A language tag as Open Graph writes locales: `pt-BR` → `pt_BR`.
fn og_locale(lang: &str) -> String {
    lang.replace('-', "_")
}
