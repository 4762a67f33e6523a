//! The course's outline: which chapter is a sub-chapter of which, their numbers ("3.2.1",
//! or none for `unnumbered` chapters) and the parts of `course.toml` they belong to.

use crate::config::Config;
use crate::course::{Chapter, Course};
use crate::error::{Diagnostic, Kind, line_col};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The chapters in reading order (sorted by the folders on their way), with their parent
/// (the nearest folder above that is a chapter), depth, number and part filled in.
pub fn arrange<K>(chapters: Vec<(K, Chapter)>, config: &Config) -> Vec<Chapter> {
    let unnumbered: HashSet<&str> = config.unnumbered.iter().map(String::as_str).collect();
    let part_of: HashMap<&str, usize> = config
        .parts
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.chapters.iter().map(move |id| (id.as_str(), i)))
        .collect();
    let mut at_id: HashMap<String, usize> = HashMap::new();
    // Numbered children so far, per parent (`None`: the top level).
    let mut counts: HashMap<Option<usize>, usize> = HashMap::new();
    let mut out: Vec<Chapter> = Vec::with_capacity(chapters.len());
    for (_, mut chapter) in chapters {
        let parent = ancestors(&chapter.id).find_map(|id| at_id.get(id).copied());
        let above = parent.and_then(|p| out.get(p));
        chapter.parent = parent;
        chapter.depth = above.map_or(0, |p| p.depth + 1);
        chapter.part = match above {
            Some(p) => p.part,
            None => part_of.get(chapter.id.as_str()).copied(),
        };
        let numbered =
            !unnumbered.contains(chapter.id.as_str()) && above.is_none_or(|p| p.number.is_some());
        chapter.number = numbered.then(|| {
            let n = counts.entry(parent).or_default();
            *n += 1;
            match above.and_then(|p| p.number.as_deref()) {
                Some(prefix) => format!("{prefix}.{n}"),
                None => n.to_string(),
            }
        });
        at_id.insert(chapter.id.clone(), out.len());
        out.push(chapter);
    }
    out
}

/// The number a chapter folder's name starts with (`02-first` → 2), which orders it among
/// its siblings; `None` for a name that is no chapter's.
pub fn chapter_number(name: &str) -> Option<u64> {
    let (num, rest) = name.split_once('-')?;
    if rest.is_empty() || num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    num.parse().ok()
}

/// The ids of the folders above a chapter id, nearest first: `a/b/c` → `a/b`, `a`.
pub fn ancestors(id: &str) -> impl Iterator<Item = &str> {
    let mut rest = id;
    std::iter::from_fn(move || {
        let (up, _) = rest.rsplit_once('/')?;
        rest = up;
        Some(up)
    })
}

/// What is wrong with `unnumbered` and `parts` in `course.toml` (`text`, at `path`), as
/// (errors, warnings): ids of no chapter (a draft's id is fine: it is simply not shown), a
/// part holding a sub-chapter, a chapter in two parts, a part whose chapters are not
/// consecutive, a part titled in a language the course does not have, or not in its
/// default language.
pub fn check(
    course: &Course,
    drafts: &HashSet<String>,
    text: &str,
    path: &Path,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    // Where `needle` is first written from byte `from` on (part n's own `[[parts]]`, not the
    // first one of the file).
    let at = |from: usize, needle: &str| {
        text.get(from..)
            .and_then(|t| t.find(needle))
            .map_or((0, 0), |o| line_col(text, from + o))
    };
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut error = |from: usize, needle: &str, message: String, help: String| {
        let (l, c) = at(from, needle);
        out.push(
            Diagnostic::error(path, l, c, message)
                .with_help(help)
                .of(Kind::Config),
        );
    };
    let ids: Vec<&str> = course.chapters.iter().map(|c| c.id.as_str()).collect();
    let unknown = |id: &str| {
        let near = crate::error::did_you_mean(id, ids.iter().copied());
        match near {
            Some(near) => format!("did you mean \"{near}\"? chapters are named by their folder"),
            None => "chapters are named by their folder, e.g. \"03-ownership\" or \"03-ownership/01-borrowing\"".to_string(),
        }
    };
    for id in &course.config.unnumbered {
        if course.chapter(id).is_none() && !drafts.contains(id) {
            error(
                text.find("unnumbered").unwrap_or(0),
                &format!("\"{id}\""),
                format!("unnumbered: no chapter `{id}`"),
                unknown(id),
            );
        }
    }
    // A chapter that did not load still has its place among the others: a part that skips
    // it is no run of chapters.
    let mut top: Vec<&str> = course
        .chapters
        .iter()
        .filter(|c| c.depth == 0)
        .map(|c| c.id.as_str())
        .chain(
            course
                .unloaded
                .iter()
                .map(String::as_str)
                .filter(|id| !id.contains('/')),
        )
        .collect();
    top.sort_by_key(|id| (chapter_number(id), *id));
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let part_starts: Vec<usize> = text.match_indices("[[parts]]").map(|(i, _)| i).collect();
    for (n, part) in course.config.parts.iter().enumerate() {
        let from = part_starts.get(n).copied().unwrap_or(0);
        let name = format!(
            "part {} (\"{}\")",
            n + 1,
            part.title(course.default_language(), &[])
        );
        if let crate::config::PartTitle::PerLanguage(map) = &part.title {
            let default = course.default_language();
            if !map.contains_key(default) {
                let (l, c) = at(from, "[[parts]]");
                warnings.push(
                    Diagnostic::warning(path, l, c, format!("{name} has no title in `{default}`, the default language; its readers get another language's"))
                        .with_help(format!("add {default} = \"…\" to the title"))
                        .of(Kind::Config),
                );
            }
            for lang in map.keys() {
                if course.config.language(lang).is_none() {
                    error(
                        from,
                        &format!("{lang} ="),
                        format!(
                            "{name} has a title in `{lang}`, which is not a language of the course"
                        ),
                        "title a part with one string, or with one entry per language code".into(),
                    );
                }
            }
        }
        if part.chapters.is_empty() {
            error(
                from,
                "[[parts]]",
                format!("{name} lists no chapters"),
                "list its top-level chapters: chapters = [\"01-intro\", \"02-setup\"]".into(),
            );
        }
        let mut positions = Vec::new();
        for id in &part.chapters {
            let needle = format!("\"{id}\"");
            // A top-level chapter, loaded or not (one that did not load keeps its place).
            let in_order = match course.chapter(id) {
                None if course.unloaded.contains(id) => true,
                None if drafts.contains(id) => false,
                None => {
                    error(
                        from,
                        &needle,
                        format!("{name}: no chapter `{id}`"),
                        unknown(id),
                    );
                    false
                }
                Some(c) if c.depth > 0 => {
                    error(
                        from,
                        &needle,
                        format!("{name}: `{id}` is a sub-chapter; parts hold top-level chapters"),
                        "list the chapter it belongs to; its sub-chapters come with it".into(),
                    );
                    false
                }
                Some(_) => true,
            };
            if !in_order {
                continue;
            }
            if let Some(other) = seen.insert(id.as_str(), n) {
                error(
                    from,
                    &needle,
                    format!("{name}: `{id}` is already in part {}", other + 1),
                    "a chapter belongs to one part".into(),
                );
            } else {
                positions.extend(top.iter().position(|t| t == id));
            }
        }
        positions.sort_unstable();
        if positions.windows(2).any(|w| w[1] != w[0] + 1) {
            let gap = positions
                .windows(2)
                .find(|w| w[1] != w[0] + 1)
                .and_then(|w| top.get(w[0] + 1))
                .copied()
                .unwrap_or_default();
            error(
                from,
                "[[parts]]",
                format!("{name}: its chapters are not consecutive (`{gap}` comes between them)"),
                "a part is a run of consecutive chapters: add the missing ones, or renumber the folders".into(),
            );
        }
    }
    (out, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn chapter_numbers() {
        assert_eq!(chapter_number("02-first"), Some(2));
        assert_eq!(chapter_number("first"), None);
        assert_eq!(chapter_number("x2-first"), None);
        assert_eq!(chapter_number("02-"), None);
    }

    fn chapter(id: &str) -> Chapter {
        Chapter {
            id: id.to_string(),
            depth: 0,
            parent: None,
            number: None,
            part: None,
            dir: id.into(),
            sources: BTreeMap::new(),
            assets: Vec::new(),
            assets_stamp: [0; 32],
            broken: Default::default(),
        }
    }

    #[test]
    fn numbers_nest_and_skip_unnumbered() {
        let config = Config::parse(
            "base_url = \"https://e.org/\"\nunnumbered = [\"00-foreword\", \"09-appendix\"]\n[[languages]]\ncode = \"en\"\nname = \"E\"\ntitle = \"T\"\n[[parts]]\ntitle = \"One\"\nchapters = [\"01-a\", \"02-b\"]\n",
            Path::new("course.toml"),
        )
        .expect("config");
        let list = [
            (vec![0], "00-foreword"),
            (vec![1], "01-a"),
            (vec![1, 1], "01-a/01-x"),
            (vec![1, 1, 1], "01-a/01-x/01-deep"),
            (vec![1, 2], "01-a/02-y"),
            (vec![2], "02-b"),
            (vec![9], "09-appendix"),
            (vec![9, 1], "09-appendix/01-more"),
        ];
        let out = arrange(
            list.iter()
                .map(|(k, id)| (k.clone(), chapter(id)))
                .collect(),
            &config,
        );
        let numbers: Vec<Option<&str>> = out.iter().map(|c| c.number.as_deref()).collect();
        assert_eq!(
            numbers,
            [
                None,
                Some("1"),
                Some("1.1"),
                Some("1.1.1"),
                Some("1.2"),
                Some("2"),
                None,
                None
            ]
        );
        let depths: Vec<usize> = out.iter().map(|c| c.depth).collect();
        assert_eq!(depths, [0, 0, 1, 2, 1, 0, 0, 1]);
        assert_eq!(out[3].parent, Some(2));
        assert_eq!(out[4].parent, Some(1));
        let parts: Vec<Option<usize>> = out.iter().map(|c| c.part).collect();
        assert_eq!(
            parts,
            [
                None,
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                None,
                None
            ]
        );
    }
}
