//! The loaded course: configuration and chapters. No I/O here; `load` builds it.

use crate::config::Config;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Front matter of one chapter file.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// The chapter's title in this language: its page heading, its entry in the sidebar.
    pub title: String,
    /// The URL segment of the chapter in this language, instead of the folder name without
    /// its number (see [`Chapter::default_slug`]).
    #[serde(default)]
    pub slug: Option<String>,
    /// A sentence about the chapter, shown under its link on the home page and as the page's
    /// `<meta name="description">`.
    #[serde(default)]
    pub description: Option<String>,
    /// Leaves the file out of the site, as if it did not exist: readers of its language get
    /// the default language's file instead.
    #[serde(default)]
    pub draft: bool,
    /// Hash of the source-language text this translation was made from (written by docent).
    #[serde(default)]
    pub translated_from: Option<String>,
    /// The chapter (`review = true`) or some of its sections (`review = ["self-check"]`,
    /// heading ids) recap or quiz rather than teach: search ranks them below the sections
    /// that teach the same words.
    #[serde(default)]
    pub review: Review,
}

/// Which parts of a chapter are review (see [`FrontMatter::review`]).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Review {
    /// The whole chapter, or none of it.
    Whole(bool),
    /// The sections under these heading ids.
    Sections(Vec<String>),
}

impl Default for Review {
    fn default() -> Self {
        Review::Whole(false)
    }
}

impl Review {
    /// Whether the section under heading `anchor` ("" before the first heading) is review.
    pub fn covers(&self, anchor: &str) -> bool {
        match self {
            Review::Whole(all) => *all,
            Review::Sections(ids) => ids.iter().any(|id| same_id(id, anchor)),
        }
    }
}

/// Whether two heading ids are the same: an id typed in another Unicode form (accents
/// decomposed, as some editors save them) is the same id.
pub fn same_id(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    a == b || a.nfc().eq(b.nfc())
}

/// Whether `slug` can be a URL path segment as it is: ASCII letters, digits, `-` and `_`,
/// Slugs of docent's own folders in a language (`/<lang>/print/`…), which no chapter may take.
pub const RESERVED_SLUGS: [&str; 3] = ["assets", "search", "print"];

/// at most [`MAX_SLUG`] of them (a folder name has room for 255 bytes, and URLs get long).
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_SLUG
        && slug
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The longest slug docent accepts.
pub const MAX_SLUG: usize = 100;

/// A chapter title written with inline Markdown (`` Using `Box<T>` ``), in the two forms
/// pages need: HTML for headings, the sidebar and pager links; plain text for `<title>`,
/// meta tags, the sitemap and the search index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Title {
    /// Plain text: code spans without their backquotes, emphasis without its stars.
    pub text: String,
    /// Inline HTML, escaped; links are unwrapped (a title is itself a link in the sidebar)
    /// and raw HTML is shown as written.
    pub html: String,
}

impl Title {
    /// Renders the inline Markdown of `md`, one line.
    pub fn parse(md: &str) -> Title {
        use comrak::nodes::NodeValue;
        let mut options = comrak::Options::default();
        options.extension.strikethrough = true;
        options.render.escape = true;
        let arena = comrak::Arena::new();
        // A title is inline text: a leading `#` or `-` must not make it a heading or list.
        let escaped = match md.trim().chars().next() {
            // `<div> soup` would be an HTML block, not text.
            Some('#' | '-' | '+' | '*' | '>' | '=' | '|' | '<') => format!("\\{}", md.trim()),
            _ if md.trim().starts_with(|c: char| c.is_ascii_digit()) => md
                .trim()
                .replacen(". ", "\\. ", 1)
                .replacen(") ", "\\) ", 1),
            _ => md.trim().to_string(),
        };
        let root = comrak::parse_document(&arena, &escaped, &options);
        let links: Vec<_> = root
            .descendants()
            .filter(|n| {
                matches!(
                    n.data.borrow().value,
                    NodeValue::Link(_) | NodeValue::Image(_)
                )
            })
            .collect();
        for link in links {
            while let Some(child) = link.first_child() {
                link.insert_before(child);
            }
            link.detach();
        }
        let mut text = String::new();
        for node in root.descendants() {
            match &node.data.borrow().value {
                NodeValue::Text(t) => text.push_str(t),
                NodeValue::Code(c) => text.push_str(&c.literal),
                NodeValue::HtmlInline(h) => text.push_str(h),
                NodeValue::SoftBreak | NodeValue::LineBreak => text.push(' '),
                _ => {}
            }
        }
        let html = crate::code_spans::line_html(&arena, root, &options, true).replace('\n', " ");
        Title { text, html }
    }
}

/// One language file of a chapter.
#[derive(Debug, Clone)]
pub struct Source {
    /// Where the file was read from (inside [`Chapter::dir`]), for diagnostics and for
    /// editing its front matter in place.
    pub path: PathBuf,
    /// The parsed front matter.
    pub front: FrontMatter,
    /// `front.title` rendered.
    pub title: Title,
    /// The Markdown after the front matter.
    pub body: std::sync::Arc<str>,
    /// Hash of `body`, computed once when the file is read.
    pub hash: [u8; 32],
    /// The version of the whole file as translations record it (`translated_from`).
    pub version: String,
    /// 1-based line of the file where `body` starts, so body positions map to file positions.
    pub body_line: usize,
    /// Where each heading id of `front.review` is written (line, column of the file), so a
    /// finding about one that names no heading points at it.
    pub review_at: Vec<(usize, usize)>,
}

/// A chapter folder; its languages are found through the folder, never by comparing paths.
#[derive(Debug, Clone)]
pub struct Chapter {
    /// The folder's path under the course folder, e.g. `02-first-multi-stage-build` or, for
    /// a sub-chapter, `03-ownership/01-references`: the language-free key of a chapter.
    pub id: String,
    /// 0 for a top-level chapter, 1 for its sub-chapters, and so on.
    pub depth: usize,
    /// The chapter this one is a sub-chapter of (position in [`Course::chapters`]).
    pub parent: Option<usize>,
    /// "3", "3.2", "3.2.1"; `None` for an unnumbered chapter (`unnumbered` in course.toml).
    pub number: Option<String>,
    /// The part of `course.toml` the chapter belongs to (position in its `parts`).
    pub part: Option<usize>,
    /// The chapter folder, under [`Course::root`]; chapter assets are read from it.
    pub dir: PathBuf,
    /// Language code → that language's file of the chapter; drafts are left out, and there
    /// is always at least one.
    pub sources: BTreeMap<String, Source>,
    /// Files beside the Markdown (Dockerfiles, images), relative to `dir`, sorted.
    pub assets: Vec<PathBuf>,
    /// Hash of the names, lengths and modification times of `assets`, taken when the folder
    /// was read: what a rendering that shows them depends on, known without another `stat`.
    pub assets_stamp: [u8; 32],
    /// Languages whose file is in the folder but did not load (its errors are reported): a
    /// build that goes on past them does not also call them missing.
    pub broken: std::collections::BTreeSet<String>,
}

impl Chapter {
    /// The folder name without its numeric prefix.
    pub fn default_slug(&self) -> &str {
        let name = self.id.rsplit('/').next().unwrap_or(&self.id);
        name.split_once('-').map_or(name, |(_, rest)| rest)
    }
}

/// Everything the pipeline knows about a course once it is read: its settings and chapters.
/// Frozen after load; every later stage borrows it.
#[derive(Debug, Clone)]
pub struct Course {
    /// The folder holding `course.toml`.
    pub root: PathBuf,
    /// The project folder (the parent of `root`), resolved: nothing outside it is read.
    pub project: PathBuf,
    /// The checked `course.toml`.
    pub config: Config,
    /// In reading order.
    pub chapters: Vec<Chapter>,
    /// Chapter id → position in `chapters`: links are resolved by id many times per build.
    pub index: std::collections::HashMap<String, usize>,
    /// What reading the course found that does not stop a build (skipped files, links to
    /// nothing, folders without a chapter file).
    pub warnings: Vec<crate::error::Diagnostic>,
    /// Where the course sits in its git repository and when each file last changed.
    pub history: std::sync::Arc<crate::history::History>,
    /// Chapters whose files did not load, left out of `chapters` by a build that goes on
    /// past them ([`crate::load::load_keep_going`]): their own errors are reported, links
    /// to them are not.
    pub unloaded: std::collections::BTreeSet<String>,
}

/// What a reader of language `lang` gets for one chapter.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// The chapter the page shows.
    pub chapter: &'a Chapter,
    /// Position of `chapter` in [`Course::chapters`] (0-based), with the language the key
    /// its rendered chapter is found under.
    pub index: usize,
    /// The file shown: the translation, or the default language's file when it is missing.
    pub source: &'a Source,
    /// The language `source` is written in.
    pub content_lang: &'a str,
}

impl<'a> Page<'a> {
    /// Whether a reader of `lang` gets another language's file because the translation is
    /// missing.
    pub fn is_fallback(&self, lang: &str) -> bool {
        self.content_lang != lang
    }

    /// The URL segment of the page: the front matter's `slug`, or the folder name without
    /// its number.
    pub fn slug(&self) -> &'a str {
        self.source
            .front
            .slug
            .as_deref()
            .unwrap_or_else(|| self.chapter.default_slug())
    }

    /// The title of the file shown, as plain text.
    pub fn title(&self) -> &'a str {
        &self.source.title.text
    }

    /// The title of the file shown, as inline HTML.
    pub fn title_html(&self) -> &'a str {
        &self.source.title.html
    }
}

impl Course {
    /// The language pages fall back to when a translation is missing (see
    /// [`Config::default_language`]).
    pub fn default_language(&self) -> &str {
        self.config.default_language()
    }

    /// The code of every language of the course, in `course.toml` order.
    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.config.languages.iter().map(|l| l.code.as_str())
    }

    /// Whether every chapter has a file in every language: no page shows another language's
    /// text, so no page's links need another language's headings (most courses).
    pub fn translated_throughout(&self) -> bool {
        self.chapters
            .iter()
            .all(|c| self.language_codes().all(|l| c.sources.contains_key(l)))
    }

    /// Whether every chapter and every chapter file was read: a build that went on past some
    /// (see [`Course::unloaded`], [`Chapter::broken`]) keeps none of its work for the next.
    pub fn read_whole(&self) -> bool {
        self.unloaded.is_empty() && self.chapters.iter().all(|c| c.broken.is_empty())
    }

    /// Every chapter as a reader of `lang` sees it, in order, with the fallback applied.
    pub fn pages(&self, lang: &str) -> Vec<Page<'_>> {
        // The chain once per language, not once per chapter without a `lang` file.
        let fallbacks = self.config.fallbacks(lang);
        (0..self.chapters.len())
            .filter_map(|index| self.page_along(lang, index, &fallbacks))
            .collect()
    }

    /// Chapter `index` as a reader of `lang` sees it: its `lang` file, or else the first of
    /// the language's fallbacks ([`Config::fallbacks`]) the chapter has, or else any.
    pub fn page(&self, lang: &str, index: usize) -> Option<Page<'_>> {
        self.page_along(lang, index, &self.config.fallbacks(lang))
    }

    /// [`Course::page`] with the language's fallback chain given.
    pub(crate) fn page_along(
        &self,
        lang: &str,
        index: usize,
        fallbacks: &[&str],
    ) -> Option<Page<'_>> {
        let chapter = self.chapters.get(index)?;
        let (content_lang, source) = chapter
            .sources
            .get_key_value(lang)
            .or_else(|| {
                if chapter.sources.len() <= 1 {
                    return None;
                }
                fallbacks
                    .iter()
                    .find_map(|l| chapter.sources.get_key_value(*l))
            })
            .or_else(|| chapter.sources.iter().next())?;
        Some(Page {
            chapter,
            index,
            source,
            content_lang,
        })
    }

    /// The file a translation of `chapter` is made from: the default language's.
    pub fn source_of<'a>(&'a self, chapter: &'a Chapter) -> Option<(&'a str, &'a Source)> {
        let default = self.default_language();
        chapter
            .sources
            .get_key_value(default)
            .map(|(l, s)| (l.as_str(), s))
    }

    /// The chapter whose folder name is `id`.
    pub fn chapter(&self, id: &str) -> Option<&Chapter> {
        self.index.get(id).and_then(|&i| self.chapters.get(i))
    }

    /// Whether `id` is a chapter's folder, whether or not its file loaded.
    pub fn has_chapter_folder(&self, id: &str) -> bool {
        self.chapter(id).is_some() || self.unloaded.contains(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_with_inline_markdown() {
        let t = Title::parse("Using `Box<T>` to *point* at the [heap](x.md)");
        assert_eq!(t.text, "Using Box<T> to point at the heap");
        assert_eq!(
            t.html,
            "Using <code class=\"nowrap\">Box&lt;T&gt;</code> to <em>point</em> at the heap"
        );
        let t = Title::parse("Vec<T> & friends");
        assert_eq!(t.text, "Vec<T> & friends");
        assert_eq!(t.html, "Vec&lt;T&gt; &amp; friends");
        assert_eq!(Title::parse("# Not a heading").text, "# Not a heading");
        assert_eq!(Title::parse("1. Not a list").text, "1. Not a list");
        assert_eq!(Title::parse("- dash").html, "- dash");
        for html_like in [
            "<T>",
            "<details> and <summary> explained",
            "<!-- comment",
            "<script>alert(1)</script>",
        ] {
            let t = Title::parse(html_like);
            assert_eq!(t.text, html_like);
            assert!(
                !t.html.contains('<') || t.html.starts_with("&lt;"),
                "{}",
                t.html
            );
        }
    }
}
