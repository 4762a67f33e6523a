//! Each language's pages, found one at a time or listed whole.

use crate::course::{Course, Page};
use std::collections::BTreeMap;

/// The pages of each language: one per chapter, at the chapter's position in the course
/// (every chapter has a file, and a language without its own file shows another's). One
/// page is found without listing the others, so a save at 2×2000 chapters does not read
/// all 4,000 (0.6–1.2 ms when they are out of the processor's caches, as after the print
/// pages are made); a language's list is made on its first use.
pub(super) struct Pages<'a> {
    course: &'a Course,
    /// Each language's fallback chain ([`crate::config::Config::fallbacks`]).
    fallbacks: BTreeMap<String, Vec<&'a str>>,
    lists: BTreeMap<String, std::sync::OnceLock<Vec<Page<'a>>>>,
}

impl<'a> Pages<'a> {
    pub(super) fn new(course: &'a Course) -> Self {
        let fallbacks = course
            .language_codes()
            .map(|l| (l.to_string(), course.config.fallbacks(l)))
            .collect();
        let lists = course
            .language_codes()
            .map(|l| (l.to_string(), std::sync::OnceLock::new()))
            .collect();
        Pages {
            course,
            fallbacks,
            lists,
        }
    }

    /// The page of chapter `index` in `lang` (`None` for a language the course lacks).
    pub(super) fn at(&self, lang: &str, index: usize) -> Option<Page<'a>> {
        if let Some(list) = self.lists.get(lang)?.get() {
            return list.get(index).copied();
        }
        self.course
            .page_along(lang, index, self.fallbacks.get(lang)?)
    }

    /// Every page of `lang`, in course order.
    pub(super) fn of(&self, lang: &str) -> &[Page<'a>] {
        match (self.lists.get(lang), self.fallbacks.get(lang)) {
            (Some(list), Some(fallbacks)) => list.get_or_init(|| {
                (0..self.course.chapters.len())
                    .filter_map(|i| self.course.page_along(lang, i, fallbacks))
                    .collect()
            }),
            _ => &[],
        }
    }

    /// Each language with its pages.
    pub(super) fn all(&self) -> impl Iterator<Item = (&str, &[Page<'a>])> {
        self.lists.keys().map(|l| (l.as_str(), self.of(l)))
    }
}
