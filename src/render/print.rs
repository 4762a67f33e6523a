//! The print page: every chapter of a language on one page, ids prefixed with the chapter's
//! slug and links between chapters turned into jumps within the page. The template is
//! rendered once with a marker where each chapter goes, and the chapters are spliced in
//! there, a batch at a time: the page holding the whole course never goes through the
//! template engine, and is never held whole when it is written to disk.

use super::context::PrintChapter;
use super::renderer::Renderer;
use crate::course::Page;
use crate::error::{Error, Result};
use crate::markdown::body::Style;
use crate::render::rendered_for;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Marks where a chapter's print fragment goes in the rendered print template.
const SPLICE: char = '\u{F8FE}';

/// Each chapter's part of a print page, by (language, chapter id), with its inputs' hash.
pub(super) type Fragments = std::sync::Mutex<HashMap<(String, String), ([u8; 32], Arc<str>)>>;

impl Renderer<'_> {
    /// The print page of `lang` as one string, its chapters kept in `fragments` (`serve`).
    pub(super) fn print_page(
        &self,
        lang: &str,
        path: &str,
        fragments: Option<&Fragments>,
    ) -> Result<String> {
        let shell = self.print_shell(lang)?;
        let mut html = String::with_capacity(shell.len());
        self.splice_chapters(lang, &shell, fragments, |piece| {
            html.push_str(piece);
            Ok(())
        })
        .map_err(|e| Error::io(std::path::Path::new(path), e))?;
        Ok(html)
    }

    /// Emits the rendered print template `shell` piece by piece with each chapter's fragment
    /// at its [`SPLICE`] marker, 32 fragments prepared in parallel at a time (kept in
    /// `fragments` when given): a page holding the whole course is never copied through the
    /// template engine, and never held whole when it is written to disk.
    pub(super) fn splice_chapters(
        &self,
        lang: &str,
        shell: &str,
        fragments: Option<&Fragments>,
        mut emit: impl FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let total = self.pages_of(lang).len();
        let mut batch: std::collections::VecDeque<(usize, Arc<str>)> = Default::default();
        let mut pieces = shell.split(SPLICE);
        while let Some(text) = pieces.next() {
            emit(text)?;
            let Some(marker) = pieces.next() else { break };
            let Ok(i) = marker.parse::<usize>() else {
                continue;
            };
            if batch.front().is_none_or(|(k, _)| *k != i) {
                batch = (i..(i + 32).min(total))
                    .into_par_iter()
                    .map(|k| (k, self.print_fragment(lang, k, fragments)))
                    .collect::<Vec<_>>()
                    .into();
            }
            if let Some((_, fragment)) = batch.pop_front() {
                emit(&fragment)?;
            }
        }
        Ok(())
    }

    /// The print page with a splice marker where each chapter goes (see
    /// [`Renderer::splice_chapters`]).
    pub(super) fn print_shell(&self, lang: &str) -> Result<String> {
        let root = "../../";
        let (languages, alternates) =
            self.language_links(lang, root, |code| Some(format!("{code}/print/")));
        let mut ctx = self.base_context("print", lang, root);
        ctx.title = self.i18n.text(lang, "print-link");
        ctx.canonical = self.absolute(&format!("{lang}/print/"));
        ctx.languages = languages;
        ctx.alternates = alternates;
        ctx.chapters = self
            .pages_of(lang)
            .iter()
            .enumerate()
            .map(|(i, page)| self.print_chapter(lang, i, page))
            .collect();
        self.render_template("print.html", &ctx)
    }

    /// A chapter's entry on a page holding every chapter; its content is a splice marker.
    pub(super) fn print_chapter(&self, lang: &str, i: usize, page: &Page<'_>) -> PrintChapter {
        PrintChapter {
            anchor: format!("chapter-{}", page.slug()),
            number: self.chapter_number(lang, i),
            title: page.title().to_string(),
            content: format!("{SPLICE}{i}{SPLICE}"),
            content_lang: page.content_lang.to_string(),
            notice: self.fallback_notice(lang, page),
        }
    }

    /// Chapter `i` of `lang` as it appears on the print page: ids prefixed with its slug,
    /// chapter links turned into jumps within the page, UI strings in `lang`. Kept in
    /// `fragments` (when given) by the hash of its inputs.
    pub(super) fn print_fragment(
        &self,
        lang: &str,
        i: usize,
        fragments: Option<&Fragments>,
    ) -> Arc<str> {
        let Some(page) = self.pages_of(lang).get(i) else {
            return Arc::from("");
        };
        let Some(r) = rendered_for(self.chapters, page) else {
            return Arc::from("");
        };
        let slug = page.slug();
        let key = (lang.to_string(), page.chapter.id.clone());
        let mut h = blake3::Hasher::new();
        h.update(&r.html_hash);
        h.update(&self.nav_hash);
        let fp = *h.finalize().as_bytes();
        if let Some(fragments) = fragments
            && let Some((old, text)) = crate::sync::lock(fragments).get(&key)
            && *old == fp
        {
            return Arc::clone(text);
        }
        let done: Arc<str> = Arc::from(r.body.to_html(&Style {
            ui: &|key| self.i18n.text(lang, key),
            chapter_link: &|id, fragment| {
                let target = self
                    .page_by_id(lang, id)
                    .map_or_else(|| id.to_string(), |p| p.slug().to_string());
                match fragment.strip_prefix('#') {
                    Some(f) if !f.is_empty() => format!("#{target}--{f}"),
                    _ => format!("#chapter-{target}"),
                }
            },
            id_prefix: &format!("{slug}--"),
            file_base: &format!("../{slug}/"),
        }));
        if let Some(fragments) = fragments {
            crate::sync::lock(fragments).insert(key, (fp, Arc::clone(&done)));
        }
        done
    }
}
