//! What sums up the whole course: each language's search index and the sitemap.

use super::renderer::Renderer;
use super::{Outputs, rendered_for};
use crate::error::Result;
use crate::markdown::highlight;
use crate::site::Sink;
use bytes::Bytes;
use std::collections::HashMap;

/// The scripts of one language's search index: (path, bytes).
pub(super) type SearchFiles = std::sync::Arc<Vec<(String, Bytes)>>;
/// A language, the fingerprint of its search index, and the cached index if still good.
pub(super) type SearchPlan<'l> = (&'l str, [u8; 32], Option<SearchFiles>);
/// A language, its index's fingerprint if the index was made now, and its scripts.
pub(super) type SearchMade = (String, Option<[u8; 32]>, SearchFiles);

impl<'a> Renderer<'a> {
    /// For each language: the fingerprint of its search index and the cached script when it
    /// is still good — or, when `outputs` leaves the aggregates for later, when there is one
    /// at all (then `stale` is set if it is out of date).
    pub(super) fn search_plans(
        &self,
        cache: &HashMap<String, ([u8; 32], SearchFiles)>,
        outputs: Outputs,
        stale: &mut bool,
    ) -> Vec<SearchPlan<'a>> {
        self.course
            .language_codes()
            .map(|lang| {
                let mut h = blake3::Hasher::new();
                h.update(&self.nav_hash);
                h.update(format!("{:?}", self.options.link_style).as_bytes());
                for page in self.pages_of(lang) {
                    if let Some(r) = rendered_for(self.chapters, page) {
                        h.update(&r.html_hash);
                    }
                    // Sections marked as review rank lower: a change of `review` alone
                    // changes the index.
                    h.update(format!("{:?}", page.source.front.review).as_bytes());
                }
                h.update(format!("{:?}", self.synonyms(lang)).as_bytes());
                let fp = *h.finalize().as_bytes();
                let cached = cache
                    .get(lang)
                    .filter(|(old, _)| *old == fp || outputs == Outputs::AllButAggregates)
                    .map(|(old, bytes)| {
                        *stale |= *old != fp;
                        bytes.clone()
                    });
                (lang, fp, cached)
            })
            .collect()
    }

    /// `search/<lang>.js` and its parts as planned: the cached scripts, or new ones, handed
    /// to `sink`.
    pub(super) fn search_index(
        &self,
        (lang, fp, cached): SearchPlan<'_>,
        sink: &dyn Sink,
    ) -> Result<SearchMade> {
        let (fresh, files) = match cached {
            Some(files) => (None, files),
            None => (Some(fp), self.search_files(lang)),
        };
        // An index cut short is never kept.
        self.go_on()?;
        for (path, bytes) in files.iter() {
            sink.put(path, bytes.clone())?;
        }
        Ok((lang.to_string(), fresh, files))
    }

    /// The search index scripts of `lang`: every page of the language, section by section.
    fn search_files(&self, lang: &str) -> SearchFiles {
        let pages = self.search_pages(lang, |p| self.href("", &format!("{lang}/{}/", p.slug())));
        std::sync::Arc::new(
            crate::search::index_files(lang, &pages, self.synonyms(lang), &|| self.cancelled())
                .into_iter()
                .map(|(path, js)| (path, Bytes::from(js)))
                .collect(),
        )
    }

    /// The author's search synonyms for `lang` (`search_synonyms` in `course.toml`).
    pub(super) fn synonyms(&self, lang: &str) -> &'a [Vec<String>] {
        self.course
            .config
            .language(lang)
            .map_or(&[][..], |l| l.search_synonyms.as_slice())
    }

    /// The pages of `lang` as the search index sees them, linked by `url`.
    pub(super) fn search_pages(
        &self,
        lang: &str,
        url: impl Fn(&crate::course::Page<'_>) -> String,
    ) -> Vec<crate::search::Page<'_>> {
        self.pages_of(lang)
            .iter()
            .map(|page| crate::search::Page {
                title: page.title().to_string(),
                title_html: page.title_html().to_string(),
                crumb: self.crumb(lang, page),
                url: url(page),
                sections: rendered_for(self.chapters, page)
                    .map_or(std::borrow::Cow::Borrowed(&[][..]), |r| {
                        std::borrow::Cow::Borrowed(r.sections.as_slice())
                    }),
                review: page.source.front.review.clone(),
            })
            .collect()
    }

    pub(super) fn sitemap(&self) -> String {
        let mut entries: Vec<Vec<(String, String)>> = Vec::new();
        let alternates = |dir_in: &dyn Fn(&str) -> Option<String>| -> Vec<(String, String)> {
            self.course
                .language_codes()
                .filter_map(|code| dir_in(code).map(|d| (code.to_string(), self.absolute(&d))))
                .collect()
        };
        entries.push(alternates(&|code| Some(format!("{code}/"))));
        entries.push(alternates(&|code| Some(format!("{code}/print/"))));
        for (index, _) in self.course.chapters.iter().enumerate() {
            // A page not translated yet is left out (its canonical page is the original).
            entries.push(alternates(&|code| {
                self.page_at(code, index)
                    .filter(|p| !p.is_fallback(code))
                    .map(|p| format!("{code}/{}/", p.slug()))
            }));
        }
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
        );
        let esc = highlight::escape_html;
        let base = &self.course.config.base_url;
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n  </url>\n",
            esc(base)
        ));
        for alts in &entries {
            for (_, loc) in alts {
                xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", esc(loc)));
                for (code, href) in alts {
                    xml.push_str(&format!(
                        "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                        esc(code),
                        esc(href)
                    ));
                }
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
                    esc(base)
                ));
            }
        }
        xml.push_str("</urlset>\n");
        xml
    }
}
