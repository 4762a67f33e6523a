//! The chapter pages alone, without the rest of the site: a save's chapters for the dev
//! server, and a batch of chapters at a time for a one-shot build that streams its pages.

use super::Outputs;
use super::cache::PageCache;
use super::renderer::{Job, Rendered, Renderer};
use crate::error::Result;
use crate::site::Sink;
use bytes::Bytes;
use rayon::prelude::*;

impl Renderer<'_> {
    /// The pages of the chapters at positions `only` in every language, handed to `sink`
    /// (made again where their inputs changed, else from the cache), and nothing else: see
    /// [`super::render_chapter_pages`]. Without a whole-site render in `cache` to start
    /// from, renders every page but the aggregates.
    pub(super) fn render_chapters_only(
        &self,
        cache: &mut PageCache,
        only: &std::collections::BTreeSet<usize>,
        sink: &dyn Sink,
    ) -> Result<Rendered> {
        let Some(common) = cache.common else {
            return self.render(cache, Outputs::AllButAggregates, sink);
        };
        let planned: Vec<(Job, String, [u8; 32])> = self
            .course
            .language_codes()
            .flat_map(|lang| {
                only.iter().filter_map(move |&index| {
                    self.page_at(lang, index)
                        .map(|_| Job::Chapter(lang.to_string(), index))
                })
            })
            .map(|job| {
                let path = self.job_path(&job);
                let fp = self.fingerprint(&job, &common);
                (job, path, fp)
            })
            .collect();
        let keep = cache.keep.then_some(&cache.fragments);
        let made = super::map_items(&planned, |(job, path, fp)| -> Result<_> {
            match cache.pages.get(path) {
                Some((old, bytes)) if old == fp => {
                    sink.put(path, bytes.clone())?;
                    Ok(None)
                }
                _ => Ok(Some((path.clone(), *fp, self.make(job, path, keep, sink)?))),
            }
        })
        .into_iter()
        .collect::<Result<Vec<_>>>()?;
        let mut pages_rendered = 0;
        for (path, fp, bytes) in made.into_iter().flatten() {
            pages_rendered += 1;
            if let Some(bytes) = bytes {
                cache.pages.insert(path, (fp, bytes));
            }
        }
        Ok(Rendered {
            pages_rendered,
            files: planned.into_iter().map(|(_, path, _)| path).collect(),
            stale: true,
        })
    }

    /// The pages of the chapters at course positions `range`, in every language, their
    /// files, and their part of each print page in `prints` (a one-shot build, a batch of
    /// chapters at a time: their rendered chapters are in this renderer). Returns the paths
    /// handed to `sink`.
    pub(super) fn chapter_batch(
        &self,
        range: std::ops::Range<usize>,
        prints: &mut [super::print::PrintStream<'_>],
        cache: &mut PageCache,
        sink: &dyn Sink,
    ) -> Result<Vec<String>> {
        let paths = std::sync::Mutex::new(Vec::new());
        let put = |path: &str, bytes: Bytes| -> Result<()> {
            sink.put(path, bytes)?;
            crate::sync::lock(&paths).push(path.to_string());
            Ok(())
        };
        let jobs: Vec<Job> = self
            .course
            .language_codes()
            .flat_map(|lang| {
                self.pages_of(lang)
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| range.contains(&p.index))
                    .map(move |(i, _)| Job::Chapter(lang.to_string(), i))
            })
            .collect();
        jobs.par_iter().try_for_each(|job| {
            let path = self.job_path(job);
            self.make(job, &path, None, sink)?;
            crate::sync::lock(&paths).push(path);
            Ok::<_, crate::error::Error>(())
        })?;
        self.copy_chapter_assets(cache, range.clone(), &put)?;
        for stream in prints {
            self.print_batch(stream, range.end)?;
        }
        Ok(crate::sync::into_inner(paths))
    }
}
