//! Search synonyms that do nothing, which the author would otherwise never know about: a
//! group no page of its language uses (the index leaves it out), and a word that is a stop
//! word (a query never looks it up).
//!
//! Each group keeps the chapter page where a word of it was found; a save reads again only
//! the groups whose page changed, and looks for the unused ones only in changed pages.

use crate::course::Course;
use crate::error::Diagnostic;
use crate::markdown::Rendered;
use crate::render::RenderedChapters;
use crate::search::SynonymStems;
use std::sync::Arc;

/// A page as the index reads it: its chapter's rendered file and its title (a title edit
/// leaves the rendered file as it was).
type Read = (Arc<Rendered>, String);

/// What was found for one language's groups.
pub(super) struct LangUse {
    lang: String,
    groups: Vec<Vec<String>>,
    stems: SynonymStems,
    /// Per group: the chapter (position, and the page as read) holding one of its words.
    found: Vec<Option<(usize, Read)>>,
    /// Per chapter: the page last read for the groups still unused.
    seen: Vec<Option<Read>>,
}

/// Whether two readings of a page are the same.
fn same(a: Option<&Read>, b: Option<&Read>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(&a.0, &b.0) && a.1 == b.1,
        (None, None) => true,
        _ => false,
    }
}

/// Brings `memo` up to date with `chapters` and says whether the set of unused groups
/// changed.
pub(super) fn update(
    course: &Course,
    chapters: &RenderedChapters,
    memo: &mut Vec<LangUse>,
) -> bool {
    let before: Vec<(String, Vec<usize>)> =
        memo.iter().map(|u| (u.lang.clone(), unused(u))).collect();
    let mut next = Vec::new();
    for lang in &course.config.languages {
        if lang.search_synonyms.is_empty() {
            continue;
        }
        let mut u = match memo
            .iter()
            .position(|u| u.lang == lang.code && u.groups == lang.search_synonyms)
        {
            Some(at) => memo.swap_remove(at),
            None => {
                let stems = SynonymStems::new(&lang.code, &lang.search_synonyms);
                LangUse {
                    lang: lang.code.clone(),
                    groups: lang.search_synonyms.clone(),
                    found: vec![None; stems.len()],
                    stems,
                    seen: Vec::new(),
                }
            }
        };
        // Each chapter's page in this language, looked up once.
        let pages: Vec<Option<Read>> = (0..course.chapters.len())
            .map(|index| {
                let page = course.page(&lang.code, index)?;
                let rendered =
                    crate::render::chapter_file(chapters, page.index, page.content_lang)?;
                Some((Arc::clone(rendered), page.title().to_string()))
            })
            .collect();
        // A group whose page changed is looked for again, in every chapter.
        let mut lost = vec![false; u.found.len()];
        for (g, found) in u.found.iter_mut().enumerate() {
            let kept = match found {
                Some((index, then)) => same(pages.get(*index).and_then(Option::as_ref), Some(then)),
                None => true,
            };
            if !kept {
                *found = None;
                if let Some(l) = lost.get_mut(g) {
                    *l = true;
                }
            }
        }
        if lost.iter().any(|l| *l) {
            for index in 0..pages.len() {
                let wanted: Vec<bool> = lost
                    .iter()
                    .zip(&u.found)
                    .map(|(l, f)| *l && f.is_none())
                    .collect();
                if !wanted.iter().any(|w| *w) {
                    break;
                }
                look(
                    &mut u,
                    &wanted,
                    index,
                    pages.get(index).and_then(Option::as_ref),
                );
            }
        }
        // The groups no chapter used: looked for in the pages that changed since. (With
        // every group found, nothing is read; `seen` then lags, which only means reading a
        // page again later.)
        u.seen.resize(pages.len(), None);
        if u.found.iter().any(Option::is_none) {
            for (index, page) in pages.iter().enumerate() {
                if !same(page.as_ref(), u.seen.get(index).and_then(Option::as_ref)) {
                    let wanted: Vec<bool> = u.found.iter().map(Option::is_none).collect();
                    look(&mut u, &wanted, index, page.as_ref());
                }
                if let Some(slot) = u.seen.get_mut(index) {
                    slot.clone_from(page);
                }
            }
        }
        next.push(u);
    }
    *memo = next;
    let after: Vec<(String, Vec<usize>)> =
        memo.iter().map(|u| (u.lang.clone(), unused(u))).collect();
    before != after
}

/// Reads chapter `index`'s page for the groups marked in `wanted`, as the index reads it:
/// the title counts with the sections (a page with none has nothing in the index).
fn look(u: &mut LangUse, wanted: &[bool], index: usize, page: Option<&Read>) {
    let Some((rendered, title)) = page else {
        return;
    };
    if rendered.sections.is_empty() {
        return;
    }
    let mut used: Vec<bool> = wanted.iter().map(|w| !w).collect();
    let texts = std::iter::once(title.as_str()).chain(
        rendered
            .sections
            .iter()
            .flat_map(|s| [s.heading.as_str(), s.text.as_str(), s.code.as_str()]),
    );
    u.stems.mark_used(texts, &mut used);
    for (g, now) in used.iter().enumerate() {
        if *now
            && wanted.get(g) == Some(&true)
            && let Some(slot @ None) = u.found.get_mut(g)
        {
            *slot = Some((index, (Arc::clone(rendered), title.clone())));
        }
    }
}

/// The groups of `u` that no chapter uses.
fn unused(u: &LangUse) -> Vec<usize> {
    u.found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_none())
        .map(|(g, _)| g)
        .collect()
}

/// The findings `memo` holds: one warning per unused group that has a word to look for, at
/// its first word in `course.toml` (a group of stop words alone has a warning per word).
pub(super) fn findings(course: &Course, memo: &[LangUse]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for u in memo {
        let Some(lang) = course.config.language(&u.lang) else {
            continue;
        };
        for g in unused(u) {
            let (Some(group), Some((kept, dropped))) = (u.groups.get(g), u.stems.words_of(g))
            else {
                continue;
            };
            if kept == 0 {
                continue;
            }
            let words = group.join(", ");
            // The index holds these scripts as pairs of characters: a longer word is no term.
            let cjk = group
                .iter()
                .any(|w| w.chars().count() > 2 && w.chars().any(crate::search::is_cjk));
            let (message, help) = if cjk {
                (
                    format!(
                        "search synonym group `{words}` cannot be used: the index holds Chinese, Japanese and Korean words as pairs of characters"
                    ),
                    "synonyms of more than two characters in those scripts are not supported yet; remove the group",
                )
            } else {
                let aside = if dropped > 0 {
                    " (stop words aside)"
                } else {
                    ""
                };
                (
                    format!(
                        "search synonym group `{words}` has no word{aside} the {} pages use: searching for it finds nothing",
                        u.lang
                    ),
                    "a group widens a word the course writes to the words readers type: list one the course uses (any form of it), or remove the group",
                )
            };
            out.push(lang.synonym_warning(&course.root, (g, 0), message, help));
        }
    }
    out
}

/// Search synonyms that are stop words of their language: a query never looks those up, so
/// listing one does nothing, and a group left with one word finds nothing new.
pub fn stop_words(course: &Course) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lang in &course.config.languages {
        for (g, group) in lang.search_synonyms.iter().enumerate() {
            for (w, word) in group.iter().enumerate() {
                if crate::search::is_stop_word(&lang.code, word) {
                    out.push(lang.synonym_warning(
                        &course.root,
                        (g, w),
                        format!(
                            "search synonym `{word}` is a stop word in {}: searches never look it up",
                            lang.code
                        ),
                        "list words readers search with; words such as \"how\" or \"como\" are left out of every query",
                    ));
                }
            }
        }
    }
    out
}
