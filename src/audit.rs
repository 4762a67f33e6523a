//! The course's own consistency: links and anchors, images, translations that drifted from
//! their source. Every build runs these and fails on errors; `docent check` reports them
//! all.

use crate::course::{Chapter, Course, Source};
use crate::error::{Diagnostic, Kind};
use crate::markdown::Rendered;
use crate::markdown::links::{Target, classify_for, local_file, unknown_chapter};
use crate::render::RenderedChapters;
use crate::translate::{Freshness, freshness};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

mod synonyms;

pub use synonyms::stop_words as stop_word_synonyms;

/// What the link check found in each chapter file, kept with the rendered chapters it
/// read, so that a save in `serve` checks again only the files whose links or link
/// targets changed. Valid for one reading of the course from disk (positions, ids, assets
/// and the files beside the chapters): start a new one after a full load.
#[derive(Default)]
pub struct Memo {
    links: HashMap<(usize, String), Checked>,
    /// Each chapter's translation findings, with the rendered files and recorded versions
    /// they compared.
    translations: HashMap<usize, (Vec<Compared>, Vec<Diagnostic>)>,
    /// Which search synonym groups the chapters use, and where.
    synonyms: Vec<synonyms::LangUse>,
}

/// What the translation check read of one language file of a chapter.
struct Compared {
    rendered: Option<Arc<Rendered>>,
    version: String,
    translated_from: Option<String>,
}

impl Compared {
    fn of(chapters: &RenderedChapters, index: usize, chapter: &Chapter) -> Vec<Compared> {
        chapter
            .sources
            .iter()
            .map(|(lang, source)| Compared {
                rendered: crate::render::chapter_file(chapters, index, lang).cloned(),
                version: source.version.clone(),
                translated_from: source.front.translated_from.clone(),
            })
            .collect()
    }

    fn same(&self, other: &Compared) -> bool {
        let rendered = match (&self.rendered, &other.rendered) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        rendered && self.version == other.version && self.translated_from == other.translated_from
    }
}

/// A rendered chapter a link check looked into: its key, and what it was then.
type LookedAt = ((usize, String), Option<Arc<Rendered>>);

/// One chapter file's link findings and what they were found from.
struct Checked {
    rendered: Arc<Rendered>,
    /// Each other rendered chapter looked into, by its key, as it was then.
    targets: Vec<LookedAt>,
    /// The version of the file read (its front matter's review ids, and their places, are
    /// read by the findings too).
    version: String,
    found: Vec<Diagnostic>,
}

impl Checked {
    fn holds(
        &self,
        source: &Source,
        rendered: &Arc<Rendered>,
        chapters: &RenderedChapters,
    ) -> bool {
        Arc::ptr_eq(&self.rendered, rendered)
            && self.version == source.version
            && self
                .targets
                .iter()
                .all(|(key, then)| match (chapters.get(key), then) {
                    (Some(now), Some(then)) => Arc::ptr_eq(now, then),
                    (None, None) => true,
                    _ => false,
                })
    }
}

/// Every finding about the rendered course that needs no network; `memo` keeps the link
/// findings of unchanged files from the previous call.
pub fn analyze(course: &Course, chapters: &RenderedChapters, memo: &mut Memo) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    // Each chapter's memo entries taken out in order, then the chapters checked in
    // parallel, then the findings put back together in course order.
    let mut links = std::mem::take(&mut memo.links);
    let mut translations = std::mem::take(&mut memo.translations);
    let work: Vec<_> = course
        .chapters
        .iter()
        .enumerate()
        .map(|(index, chapter)| {
            let sources: Vec<_> = chapter
                .sources
                .iter()
                .map(|(lang, source)| {
                    let key = (index, lang.clone());
                    let memo = links.remove(&key);
                    (key, source, memo)
                })
                .collect();
            (index, chapter, sources, translations.remove(&index))
        })
        .collect();
    let checked: Vec<_> = work
        .into_par_iter()
        .map(|(index, chapter, sources, memo_translations)| {
            let links: Vec<((usize, String), Checked)> = sources
                .into_iter()
                .filter_map(|(key, source, memo)| {
                    let rendered = chapters.get(&key)?;
                    let checked = match memo {
                        Some(checked) if checked.holds(source, rendered, chapters) => checked,
                        _ => Checked::new(course, chapters, chapter, &key.1, source, rendered),
                    };
                    Some((key, checked))
                })
                .collect();
            let compared = Compared::of(chapters, index, chapter);
            let found = match memo_translations {
                Some((then, found)) if same_comparison(&then, &compared) => found,
                _ => translation_findings(course, chapters, index, chapter),
            };
            (index, links, compared, found)
        })
        .collect();
    let mut out = Vec::new();
    for (index, links, compared, found) in checked {
        for (key, checked) in links {
            out.extend(checked.found.iter().cloned());
            memo.links.insert(key, checked);
        }
        out.extend(found.iter().cloned());
        memo.translations.insert(index, (compared, found));
    }
    synonyms::update(course, chapters, &mut memo.synonyms);
    out.extend(synonyms::findings(course, &memo.synonyms));
    out
}

/// After a save that changed only the files of the chapters at `touched` (those in
/// `replaced` rendered again; the others' front matter alone may have changed, such as a
/// translation's recorded source version): checks those chapters again into `memo` and
/// says whether any finding changed. `None` when a file's anchors changed, or one is not in
/// `memo`: links from other chapters may break or mend, and only [`analyze`] over the whole
/// course is right.
pub fn recheck(
    course: &Course,
    chapters: &RenderedChapters,
    memo: &mut Memo,
    touched: &std::collections::BTreeSet<usize>,
    replaced: &[crate::render::Replaced],
) -> Option<bool> {
    for r in replaced {
        let old = r.old.as_ref()?;
        if old.headings_hash != r.new.headings_hash || !old.body.ids().eq(r.new.body.ids()) {
            return None;
        }
    }
    let mut changed = false;
    for &index in touched {
        let chapter = course.chapters.get(index)?;
        for (lang, source) in &chapter.sources {
            let key = (index, lang.clone());
            let rendered = chapters.get(&key)?;
            let before = memo.links.get(&key)?;
            if before.holds(source, rendered, chapters) {
                continue;
            }
            let checked = Checked::new(course, chapters, chapter, lang, source, rendered);
            changed |= checked.found != before.found;
            memo.links.insert(key, checked);
        }
        let compared = Compared::of(chapters, index, chapter);
        let (then, before) = memo.translations.get(&index)?;
        if !same_comparison(then, &compared) {
            let found = translation_findings(course, chapters, index, chapter);
            changed |= found != *before;
            memo.translations.insert(index, (compared, found));
        }
    }
    changed |= synonyms::update(course, chapters, &mut memo.synonyms);
    Some(changed)
}

impl Checked {
    /// Checks the links of one chapter file, and the heading ids its front matter marks as
    /// review.
    fn new(
        course: &Course,
        chapters: &RenderedChapters,
        chapter: &Chapter,
        lang: &str,
        source: &Source,
        rendered: &Arc<Rendered>,
    ) -> Checked {
        let mut found = Vec::new();
        let mut targets = Vec::new();
        links(
            course,
            chapters,
            chapter,
            lang,
            &source.path,
            rendered,
            &mut targets,
            &mut found,
        );
        let mut found: Vec<Diagnostic> = found
            .into_iter()
            .map(|d| d.of(Kind::Link).in_lang(lang))
            .collect();
        found.extend(
            review_ids(source, rendered)
                .into_iter()
                .map(|d| d.of(Kind::Source).in_lang(lang)),
        );
        Checked {
            rendered: Arc::clone(rendered),
            targets,
            version: source.version.clone(),
            found,
        }
    }
}

/// A `review = [...]` id that names no section of the chapter (an `<h2>`/`<h3>` id): search
/// would treat that section as teaching, and the author would never know.
fn review_ids(source: &Source, rendered: &Rendered) -> Vec<Diagnostic> {
    let crate::course::Review::Sections(ids) = &source.front.review else {
        return Vec::new();
    };
    let anchors: Vec<&str> = rendered
        .sections
        .iter()
        .map(|s| s.anchor.as_str())
        .filter(|a| !a.is_empty())
        .collect();
    ids.iter()
        .enumerate()
        .filter(|(_, id)| !id.is_empty() && !anchors.iter().any(|a| crate::course::same_id(a, id)))
        .map(|(i, id)| {
            let (line, col) = source.review_at.get(i).copied().unwrap_or((1, 1));
            let help = match anchors
                .iter()
                .min_by_key(|a| crate::error::distance(a, id))
            {
                Some(near) => format!(
                    "review lists the ids of this chapter's `##` and `###` headings, such as `{near}`"
                ),
                None => "review lists heading ids, and this chapter has no `##` or `###` headings".into(),
            };
            Diagnostic::warning(
                &source.path,
                line,
                col,
                format!("review section `{id}` is not a heading of this chapter"),
            )
            .with_help(help)
        })
        .collect()
}

/// Whether two readings of a chapter's files are the same for the translation check.
fn same_comparison(then: &[Compared], now: &[Compared]) -> bool {
    then.len() == now.len() && then.iter().zip(now).all(|(a, b)| a.same(b))
}

/// The translation findings of chapter `index`, each in the language of the file it names.
fn translation_findings(
    course: &Course,
    chapters: &RenderedChapters,
    index: usize,
    chapter: &Chapter,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    translations(course, chapters, index, chapter, &mut found);
    found
        .into_iter()
        .map(|d| {
            // The language is the one of the file the finding names (`pt-BR.md`).
            let lang = d
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            d.of(Kind::Translation).in_lang(lang)
        })
        .collect()
}

/// What an image's or a player's `url` names when it is a page rather than a file: a place
/// on the page, a chapter, or the page itself or a folder above it. `None` for a file, or
/// for a chapter that does not exist (named as such by [`links`]).
fn page_not_file(course: &Course, chapter: &Chapter, url: &str) -> Option<&'static str> {
    if url.starts_with('#') {
        return Some("a place on the page");
    }
    if url.starts_with('?') {
        return Some("this page");
    }
    if let Target::Chapter { .. } = classify_for(course, &chapter.id, url) {
        return Some("a chapter's page");
    }
    let file = local_file(url)?;
    is_page_or_above(chapter, &file).then_some("this page or a folder above it")
}

/// Whether the relative path `file` is the chapter's own folder or one above it (`./`,
/// `../`): the page itself, or a page of the site above it (the language's home).
fn is_page_or_above(chapter: &Chapter, file: &str) -> bool {
    crate::fsx::normalize(&chapter.dir).starts_with(crate::fsx::normalize(&chapter.dir.join(file)))
}

/// The findings about the links of one chapter file; `targets` gets every other rendered
/// chapter looked into.
#[allow(clippy::too_many_arguments)]
fn links(
    course: &Course,
    chapters: &RenderedChapters,
    chapter: &Chapter,
    lang: &str,
    path: &Path,
    rendered: &Rendered,
    targets: &mut Vec<LookedAt>,
    out: &mut Vec<Diagnostic>,
) {
    for link in &rendered.links {
        if link.image && link.no_alt {
            out.push(
                Diagnostic::warning(
                    path,
                    link.line,
                    link.col,
                    format!("image `{}` has no alternative text", link.url),
                )
                .with_help(if link.raw_html {
                    "describe the image in its alt attribute: <img src=\"…\" alt=\"what it shows\">"
                } else {
                    "describe the image between the brackets: ![what it shows](file.svg)"
                }),
            );
        }
        let url = link.url.as_str();
        if link.image
            && let Some(what) = page_not_file(course, chapter, url)
        {
            out.push(
                Diagnostic::error(
                    path,
                    link.line,
                    link.col,
                    format!("`{url}` is {what}, not a file an image or a player can show"),
                )
                .with_help("point it at a file in the chapter folder, e.g. diagram.svg"),
            );
            continue;
        }
        if let Some(fragment) = url.strip_prefix('#') {
            if !has_id(&rendered.body, fragment) {
                out.push(
                    Diagnostic::error(
                        path,
                        link.line,
                        link.col,
                        format!("`#{fragment}` is not a heading or anchor of this chapter"),
                    )
                    .with_help(closest_hint(&rendered.headings, fragment)),
                );
            }
            continue;
        }
        match classify_for(course, &chapter.id, url) {
            Target::Chapter { id, fragment } => {
                let Some(fragment) = fragment.strip_prefix('#').filter(|f| !f.is_empty()) else {
                    continue;
                };
                let shown = course.index.get(id.as_str()).and_then(|&i| {
                    // Its `lang` file did not load: what the page would show is not known.
                    if course.chapters.get(i)?.broken.contains(lang) {
                        return None;
                    }
                    let page = course.page(lang, i)?;
                    let key = (i, page.content_lang.to_string());
                    let shown = chapters.get(&key);
                    targets.push((key, shown.cloned()));
                    shown
                });
                if let Some(target) = shown
                    && !has_id(&target.body, fragment)
                {
                    out.push(
                        Diagnostic::error(
                            path,
                            link.line,
                            link.col,
                            format!(
                                "`{url}`: chapter `{id}` has no heading `#{fragment}` in {lang}"
                            ),
                        )
                        .with_help(closest_hint(&target.headings, fragment)),
                    );
                }
            }
            // Markdown links to no chapter are the build's errors; raw HTML and images are
            // read here only.
            Target::UnknownChapter(name) if link.raw_html || link.image => {
                let (message, help) = unknown_chapter(course, url, &name);
                let help = if link.image {
                    "point it at a file in the chapter folder, e.g. diagram.svg"
                } else {
                    help
                };
                out.push(Diagnostic::error(path, link.line, link.col, message).with_help(help));
            }
            Target::UnknownChapter(_) | Target::Unloaded => {}
            Target::Other if ignores_base_path(url, &course.config.base_path()) => {
                let base = course.config.base_path();
                out.push(
                    Diagnostic::warning(
                        path,
                        link.line,
                        link.col,
                        format!(
                            "`{url}` starts at the host's root, not at the base path {base} the site is published at"
                        ),
                    )
                    .with_help(format!(
                        "link relative to the chapter (`../02-next-chapter/`, `diagram.svg`), or start the link with {base}"
                    )),
                );
            }
            Target::Other => {
                if let Some(file) = local_file(url)
                    && is_asset(chapter, &file)
                {
                    // Read with the chapter folder: there, and inside the project.
                } else if let Some(file) = local_file(url)
                    && let Err(escape) =
                        crate::fsx::inside(&course.project, &chapter.dir.join(&file))
                {
                    let (message, help) = match escape {
                        crate::fsx::Escape::Outside(_) => (
                            format!(
                                "`{url}` links to a file outside the project, which is not published"
                            ),
                            "copy the file into the chapter folder instead of linking to it",
                        ),
                        crate::fsx::Escape::Dangling => (
                            format!("`{url}` is a symbolic link to a file that does not exist"),
                            "fix the link, or put the file itself in the chapter folder",
                        ),
                    };
                    out.push(Diagnostic::error(path, link.line, link.col, message).with_help(help));
                } else if let Some(file) = local_file(url)
                    && is_page_or_above(chapter, &file)
                {
                    // `./`, `../`: the page itself, or a folder above it, which the site
                    // has pages for (the language's home, the chooser).
                } else if let Some(file) = local_file(url)
                    && climbs_out(&file)
                    && let Ok(inside) = crate::fsx::normalize(&chapter.dir.join(&file))
                        .strip_prefix(crate::fsx::normalize(&chapter.dir))
                        .map(Path::to_path_buf)
                {
                    // `../01-intro/a.png` from 01-intro: there on disk, but the page is
                    // published under its slug, where the folder's name is not.
                    let direct = inside.to_string_lossy().replace('\\', "/");
                    out.push(
                        Diagnostic::error(
                            path,
                            link.line,
                            link.col,
                            format!("`{url}` goes up out of the chapter's folder and back in, which the published page (under its slug) cannot follow"),
                        )
                        .with_help(format!("link to the file from the chapter's folder: `{direct}`")),
                    );
                } else if let Some(file) = local_file(url)
                    && !crate::fsx::normalize(&chapter.dir.join(&file))
                        .starts_with(crate::fsx::normalize(&chapter.dir))
                {
                    // A chapter's files are published beside its page, at /<lang>/<slug>/:
                    // `../images/logo.png` or `../02-other/diagram.png` is not there.
                    out.push(
                        Diagnostic::error(
                            path,
                            link.line,
                            link.col,
                            format!("`{url}` is outside the chapter's folder, and only the files in that folder are published with its page"),
                        )
                        .with_help(format!(
                            "copy the file into {} and link to it from there",
                            chapter.dir.display()
                        )),
                    );
                } else if let Some(file) = local_file(url)
                    && !chapter.dir.join(&file).exists()
                {
                    out.push(
                        Diagnostic::error(
                            path,
                            link.line,
                            link.col,
                            format!("`{url}` points at a file that does not exist"),
                        )
                        .with_help(format!(
                            "create {} or fix the link",
                            chapter.dir.join(&file).display()
                        )),
                    );
                } else if let Some(file) = local_file(url)
                    && chapter.dir.join(&file).is_dir()
                {
                    // GitHub lists a folder; a static host has no page for it.
                    out.push(
                        Diagnostic::warning(
                            path,
                            link.line,
                            link.col,
                            format!("`{url}` links to a folder, which the published site has no page for"),
                        )
                        .with_help("link to a file in it instead"),
                    );
                }
            }
        }
    }
}

/// Whether `url` is absolute on the host (`/img/a.png`) but outside `base` (`/course/`):
/// it works only where the site is served at the host's root.
fn ignores_base_path(url: &str, base: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.starts_with(base)
}

/// Whether a relative path goes above the folder it starts in at some point (`../x`,
/// `a/../../x`), where a browser resolves it against the page's own address.
fn climbs_out(file: &str) -> bool {
    let mut depth = 0i32;
    for part in file.split('/') {
        match part {
            "" | "." => {}
            ".." => depth -= 1,
            _ => depth += 1,
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

/// Whether `file` (relative to the chapter folder) is one of the files `load` found there,
/// so most links are checked without touching the disk.
fn is_asset(chapter: &Chapter, file: &str) -> bool {
    let path = Path::new(file.strip_prefix("./").unwrap_or(file));
    chapter.assets.iter().any(|a| a == path)
}

fn has_id(body: &crate::markdown::Body, fragment: &str) -> bool {
    let decoded = percent_encoding::percent_decode_str(fragment)
        .decode_utf8()
        .map(|d| d.into_owned())
        .unwrap_or_else(|_| fragment.to_string());
    body.ids().any(|id| id == fragment || id == decoded)
}

fn closest_hint(headings: &[crate::markdown::Heading], fragment: &str) -> String {
    let near = headings
        .iter()
        .map(|h| h.id.as_str())
        .min_by_key(|id| crate::error::distance(id, fragment));
    match near {
        Some(id) => format!("headings have ids like #{id}; link to one of them"),
        None => "the chapter has no headings to link to".to_string(),
    }
}

/// Where `translation` departs from `source` compared item by item through `key`: the line
/// of its first differing item, or (when one list is the other plus more) of its first extra
/// item, else its last; `None` when they agree.
fn drift<'t, T, K: PartialEq>(
    source: &'t [T],
    translation: &'t [T],
    key: impl Fn(&'t T) -> K,
    line: impl Fn(&T) -> usize,
) -> Option<usize> {
    if let Some((_, b)) = source
        .iter()
        .zip(translation)
        .find(|(a, b)| key(a) != key(b))
    {
        return Some(line(b));
    }
    (source.len() != translation.len()).then(|| {
        translation
            .get(source.len())
            .or(translation.last())
            .map_or(1, &line)
    })
}

/// Translations against their source: same headings, same code, same annotations, fresh.
fn translations(
    course: &Course,
    chapters: &RenderedChapters,
    index: usize,
    chapter: &Chapter,
    out: &mut Vec<Diagnostic>,
) {
    let Some((source_lang, _)) = course.source_of(chapter) else {
        return;
    };
    let Some(source) = crate::render::chapter_file(chapters, index, source_lang) else {
        return;
    };
    for (lang, file) in &chapter.sources {
        if lang == source_lang {
            continue;
        }
        let Some(translation) = crate::render::chapter_file(chapters, index, lang) else {
            continue;
        };
        let path = &file.path;
        if let Some(at) = drift(
            &source.headings,
            &translation.headings,
            |h| h.level,
            |h| h.line,
        ) {
            out.push(
                Diagnostic::warning(
                    path,
                    at,
                    1,
                    format!(
                        "heading structure differs from {source_lang}: {} here, {} in the source",
                        crate::plural::count(translation.headings.len(), "heading", "headings"),
                        source.headings.len()
                    ),
                )
                .with_help("keep the same headings, at the same levels and in the same order, as the source"),
            );
        }
        let block_line = |b: &crate::markdown::BlockRef| b.line;
        if let Some(at) = drift(
            &source.blocks,
            &translation.blocks,
            |b| (&b.lang, b.code),
            block_line,
        ) {
            out.push(
                Diagnostic::warning(path, at, 1, format!("code blocks differ from the {source_lang} source"))
                    .with_help("show the same code blocks, with the same content, in the same order; translate only the prose"),
            );
        }
        if let Some(at) = drift(
            &source.blocks,
            &translation.blocks,
            |b| b.annotations,
            block_line,
        ) {
            out.push(
                Diagnostic::warning(
                    path,
                    at,
                    1,
                    format!(
                        "annotation count differs from the {source_lang} source ({} here, {} there)",
                        translation.blocks.iter().map(|b| b.annotations).sum::<usize>(),
                        source.blocks.iter().map(|b| b.annotations).sum::<usize>()
                    ),
                )
                .with_help("give every annotated block the same notes as the source"),
            );
        }
        match freshness(course, chapter, lang) {
            Freshness::Stale { recorded } => out.push(
                Diagnostic::warning(
                    path,
                    1,
                    1,
                    format!("translation is stale: the {source_lang} source changed since version {recorded}"),
                )
                .with_help(format!(
                    "see what changed with `docent translate status`, update it, then `docent translate done {} {lang}`",
                    chapter.id
                )),
            ),
            Freshness::Unknown => out.push(
                Diagnostic::warning(path, 1, 1, "translation records no source version (freshness unknown)")
                    .with_help(format!("when it matches the source, run `docent translate done {} {lang}`", chapter.id)),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::climbs_out;

    #[test]
    fn a_path_climbs_out_when_it_goes_above_its_folder_at_any_point() {
        assert!(climbs_out("../01-intro/a.png"));
        assert!(climbs_out("a/../../x.png"));
        assert!(climbs_out("./../x.png"));
        assert!(!climbs_out("a/../x.png"));
        assert!(!climbs_out("./img/x.png"));
        assert!(!climbs_out("a/.."));
    }
}
