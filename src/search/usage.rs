//! Whether a course's pages use an author's synonym groups: a group none of whose words a
//! page of its language holds (by stem) finds nothing, and the index leaves it out. The same
//! words, stop words and stems as the index, read from the rendered text so that `check`,
//! `build` and `serve` can say so before (and without) making an index.

use super::{Analyzer, fold, is_stop_word, words};
use rustc_hash::FxHashSet as HashSet;

/// One synonym group as the index reads it: its words folded and their stems, the
/// language's stop words left out.
pub(super) struct Group {
    pub(super) words: Vec<String>,
    pub(super) stems: Vec<String>,
}

/// A language's synonym groups (`search_synonyms`), each as [`Group`].
pub(super) fn groups(lang: &str, synonyms: &[Vec<String>]) -> Vec<Group> {
    let analyzer = Analyzer::new(lang);
    synonyms
        .iter()
        .map(|group| {
            let kept: Vec<&String> = group
                .iter()
                .filter(|w| !fold(w).is_empty() && !is_stop_word(lang, w))
                .collect();
            Group {
                words: kept.iter().map(|w| fold(w)).collect(),
                stems: kept.iter().map(|w| analyzer.stem(w)).collect(),
            }
        })
        .collect()
}

/// The stems of one language's synonym groups, for finding which groups a text uses.
pub struct SynonymStems {
    analyzer: Analyzer,
    /// Per group: how many of its words are looked for, and how many are stop words.
    counts: Vec<(usize, usize)>,
    /// Per group, the stems of its words (none for a group of stop words only).
    stems: Vec<Vec<String>>,
    /// The first two letters of every stem: most words of a text are passed over by them
    /// without being folded or stemmed.
    starts: HashSet<(char, Option<char>)>,
}

impl SynonymStems {
    /// The groups of `synonyms` as language `lang` reads them.
    pub fn new(lang: &str, synonyms: &[Vec<String>]) -> Self {
        let read = groups(lang, synonyms);
        let counts = read
            .iter()
            .zip(synonyms)
            .map(|(g, all)| (g.stems.len(), all.len() - g.stems.len()))
            .collect();
        let stems: Vec<Vec<String>> = read.into_iter().map(|g| g.stems).collect();
        let starts = stems.iter().flatten().map(|s| start(s)).collect();
        SynonymStems {
            analyzer: Analyzer::new(lang),
            counts,
            stems,
            starts,
        }
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Of group `g`: how many words are looked for, and how many were left out as stop
    /// words (or as nothing once folded).
    pub fn words_of(&self, g: usize) -> Option<(usize, usize)> {
        self.counts.get(g).copied()
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }

    /// Marks in `used` each group that a word of `texts` belongs to (by stem); groups
    /// already marked are not looked for again. Stops reading once every group is marked.
    pub fn mark_used<'t>(&self, texts: impl IntoIterator<Item = &'t str>, used: &mut [bool]) {
        for text in texts {
            if used.iter().all(|u| *u) {
                return;
            }
            for word in words(text) {
                let folded_start = {
                    let mut cs = word.chars().flat_map(char::to_lowercase);
                    (cs.next(), cs.next())
                };
                // Accented first letters are folded before the cheap test; the rest of the
                // word only when its start may be a stem's.
                let key = match folded_start {
                    (Some(a), b) if a.is_ascii() && b.is_none_or(|b| b.is_ascii()) => (a, b),
                    _ => start(&fold(word)),
                };
                if !self.starts.contains(&key) {
                    continue;
                }
                let stem = self.analyzer.stem(word);
                for (g, stems) in self.stems.iter().enumerate() {
                    if let Some(u) = used.get_mut(g)
                        && !*u
                        && stems.contains(&stem)
                    {
                        *u = true;
                    }
                }
            }
        }
    }
}

/// The first two letters of a folded word.
fn start(folded: &str) -> (char, Option<char>) {
    let mut cs = folded.chars();
    (cs.next().unwrap_or(' '), cs.next())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A group is used by any form of its words (by stem, accents folded); a group of stop
    /// words only is never found.
    #[test]
    fn a_group_is_used_by_any_form_of_its_words() {
        let groups = vec![
            vec!["contêiner".to_string(), "container".to_string()],
            vec!["exportar".to_string()],
            vec!["como".to_string(), "de".to_string()],
            vec!["axolote".to_string()],
        ];
        let stems = SynonymStems::new("pt-BR", &groups);
        let mut used = vec![false; stems.len()];
        stems.mark_used(
            [
                "Os CONTEINERES sobem.",
                "Exportando arquivos, como de costume",
            ],
            &mut used,
        );
        assert_eq!(used, [true, true, false, false]);
    }
}
