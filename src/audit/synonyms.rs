//! Search synonym groups that no page of their language uses: the index leaves such a group
//! out, so listing it does nothing, and without this the author would never know.
//!
//! Each group keeps the chapter file where a word of it was found; a save reads again only
//! the groups whose file changed, and looks for the unused ones only in changed files.

use crate::course::Course;
use crate::error::Diagnostic;
use crate::markdown::Rendered;
use crate::render::RenderedChapters;
use std::sync::Arc;

/// What was found for one language's groups.
pub(super) struct LangUse {
    lang: String,
    groups: Vec<Vec<String>>,
    /// Per group: the chapter (position, rendered file) holding one of its words.
    found: Vec<Option<(usize, Arc<Rendered>)>>,
    /// Per chapter: the rendered file last read for the groups still unused.
    seen: Vec<Option<Arc<Rendered>>>,
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
        let stems = crate::search::SynonymStems::new(&lang.code, &lang.search_synonyms);
        let mut u = match memo
            .iter()
            .position(|u| u.lang == lang.code && u.groups == lang.search_synonyms)
        {
            Some(at) => memo.swap_remove(at),
            None => LangUse {
                lang: lang.code.clone(),
                groups: lang.search_synonyms.clone(),
                found: vec![None; stems.len()],
                seen: Vec::new(),
            },
        };
        let file = |index: usize| {
            let page = course.page(&lang.code, index)?;
            crate::render::chapter_file(chapters, page.index, page.content_lang)
                .map(|r| (page.title(), r))
        };
        let chapter_count = course.chapters.len();
        // A group whose file changed is looked for again, in every chapter.
        let mut lost = vec![false; stems.len()];
        for (g, found) in u.found.iter_mut().enumerate() {
            let kept = match found {
                Some((index, then)) => file(*index).is_some_and(|(_, now)| Arc::ptr_eq(now, then)),
                None => true,
            };
            if !kept {
                *found = None;
                if let Some(l) = lost.get_mut(g) {
                    *l = true;
                }
            }
        }
        let look = |u: &mut LangUse, wanted: &[bool], index: usize| {
            let Some((title, rendered)) = file(index) else {
                return;
            };
            let mut used: Vec<bool> = wanted.iter().map(|w| !w).collect();
            let texts = std::iter::once(title).chain(
                rendered
                    .sections
                    .iter()
                    .flat_map(|s| [s.heading.as_str(), s.text.as_str(), s.code.as_str()]),
            );
            stems.mark_used(texts, &mut used);
            for (g, now) in used.iter().enumerate() {
                if *now
                    && wanted.get(g) == Some(&true)
                    && let Some(slot @ None) = u.found.get_mut(g)
                {
                    *slot = Some((index, Arc::clone(rendered)));
                }
            }
        };
        if lost.iter().any(|l| *l) {
            for index in 0..chapter_count {
                let wanted: Vec<bool> = lost
                    .iter()
                    .zip(&u.found)
                    .map(|(l, f)| *l && f.is_none())
                    .collect();
                if !wanted.iter().any(|w| *w) {
                    break;
                }
                look(&mut u, &wanted, index);
            }
        }
        // The groups no chapter used: looked for in the chapters that changed since. (With
        // every group found, nothing is read; `seen` then lags, which only means reading a
        // chapter again later.)
        u.seen.resize(chapter_count, None);
        let any_unused = u.found.iter().any(Option::is_none);
        for index in (0..chapter_count).filter(|_| any_unused) {
            let now = file(index).map(|(_, r)| r);
            let same = match (now, u.seen.get(index).and_then(Option::as_ref)) {
                (Some(now), Some(then)) => Arc::ptr_eq(now, then),
                (None, None) => true,
                _ => false,
            };
            if !same {
                let wanted: Vec<bool> = u.found.iter().map(Option::is_none).collect();
                if wanted.iter().any(|w| *w) {
                    look(&mut u, &wanted, index);
                }
            }
            if let Some(slot) = u.seen.get_mut(index) {
                *slot = now.cloned();
            }
        }
        next.push(u);
    }
    *memo = next;
    let after: Vec<(String, Vec<usize>)> =
        memo.iter().map(|u| (u.lang.clone(), unused(u))).collect();
    before != after
}

/// The groups of `u` that no chapter uses and that have a word to look for.
fn unused(u: &LangUse) -> Vec<usize> {
    u.found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_none())
        .map(|(g, _)| g)
        .collect()
}

/// The findings `memo` holds: one warning per unused group, at its first word in
/// `course.toml`.
pub(super) fn findings(course: &Course, memo: &[LangUse]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for u in memo {
        let Some(lang) = course.config.language(&u.lang) else {
            continue;
        };
        let stop = crate::search::stop_words(&u.lang);
        for g in unused(u) {
            let Some(group) = u.groups.get(g) else {
                continue;
            };
            // A group of stop words alone has its own warning, one per word.
            if group
                .iter()
                .all(|w| stop.contains(&crate::search::fold(w).as_str()))
            {
                continue;
            }
            let words = group.join(", ");
            let (message, help) = if group.iter().any(|w| w.chars().any(crate::search::is_cjk)) {
                (
                    format!(
                        "search synonym group `{words}` cannot be used: the index holds Chinese, Japanese and Korean words as pairs of characters"
                    ),
                    "synonyms in those scripts are not supported yet; remove the group",
                )
            } else {
                let stop_aside = if group
                    .iter()
                    .any(|w| stop.contains(&crate::search::fold(w).as_str()))
                {
                    " (stop words aside)"
                } else {
                    ""
                };
                (
                    format!(
                        "search synonym group `{words}` has no word{stop_aside} the {} pages use: searching for it finds nothing",
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
