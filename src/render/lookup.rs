//! Where each chapter's page is in every language, and what a link to it reads there when
//! a page shows another language's text.

use super::renderer::{Job, Renderer};
use crate::course::Page;

impl<'a> Renderer<'a> {
    /// Where page `job` is written in the site.
    pub(super) fn job_path(&self, job: &Job) -> String {
        match job {
            Job::Chooser => "index.html".into(),
            Job::NotFound => "404.html".into(),
            Job::Home(lang) => format!("{lang}/index.html"),
            Job::Print(lang) => format!("{lang}/print/index.html"),
            Job::Chapter(lang, i) => match self.page_at(lang, *i) {
                Some(page) => format!("{lang}/{}/index.html", page.slug()),
                None => format!("{lang}/{i}/index.html"),
            },
        }
    }
    /// The page of chapter `index` in `lang`.
    pub(super) fn page_at(&self, lang: &str, index: usize) -> Option<Page<'a>> {
        self.pages.at(lang, index)
    }
    /// The fragment of a link to chapter `id`, written in a text of `written_in`, as it must
    /// read on the chapter's page for readers of `lang`. When that page shows another
    /// language's text (one of the two is not translated yet), a heading's id is the id of
    /// the heading at the same position there (headings are paired by position); anything
    /// else stays as written.
    pub(super) fn fragment_for(
        &self,
        lang: &str,
        written_in: &str,
        id: &str,
        fragment: &str,
    ) -> String {
        let mapped = || {
            if !self.any_fallback {
                return None;
            }
            let anchor = fragment.strip_prefix('#').filter(|a| !a.is_empty())?;
            let shown = self.page_by_id(lang, id)?;
            if shown.content_lang == written_in {
                return None;
            }
            let written = self
                .page_by_id(written_in, id)
                .filter(|p| p.content_lang == written_in)?;
            let from = &super::rendered_for(self.chapters, &written)?.headings;
            let to = &super::rendered_for(self.chapters, &shown)?.headings;
            let at = from.iter().position(|h| h.id == anchor)?;
            to.get(at).map(|h| format!("#{}", h.id))
        };
        mapped().unwrap_or_else(|| fragment.to_string())
    }

    /// What the links of `page`'s text to other chapters read of them when the pages they
    /// point at may show another language (see [`Renderer::fragment_for`]): the headings of
    /// each linked chapter in every language, for fingerprints.
    pub(super) fn linked_headings(&self, page: &Page<'_>, h: &mut blake3::Hasher) {
        if !self.any_fallback {
            return;
        }
        let Some(r) = super::rendered_for(self.chapters, page) else {
            return;
        };
        for id in r.body.linked_chapters() {
            for lang in self.course.language_codes() {
                if let Some(other) = self.page_by_id(lang, id)
                    && let Some(r) = super::rendered_for(self.chapters, &other)
                {
                    h.update(&r.headings_hash);
                }
            }
        }
    }

    /// The page of the chapter with folder `id` in `lang`.
    pub(super) fn page_by_id(&self, lang: &str, id: &str) -> Option<Page<'a>> {
        self.course
            .index
            .get(id)
            .and_then(|&i| self.page_at(lang, i))
    }
    /// Part `k`'s title for readers of `lang`.
    pub(super) fn part_title(&self, lang: &str, k: usize) -> Option<&crate::course::Title> {
        self.part_titles.get(lang).and_then(|t| t.get(k))
    }
    /// Every page of `lang`, in course order: the page of chapter `i` is at `i`.
    pub(super) fn pages_of(&self, lang: &str) -> &[Page<'a>] {
        self.pages.of(lang)
    }
}
