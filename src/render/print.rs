//! The print page: every chapter of a language on one page, ids prefixed with the chapter's
//! slug and links between chapters turned into jumps within the page. The template is
//! rendered once with a marker where each chapter goes, and the chapters are spliced in
//! there: the page holding the whole course never goes through the template engine, and a
//! one-shot build writes it as the chapters are rendered, never holding it whole.

use super::context::PrintChapter;
use super::renderer::Renderer;
use crate::course::Page;
use crate::error::Result;
use crate::markdown::body::Style;
use crate::render::rendered_for;
use crate::site::{Filling, Sink};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Marks where a chapter's print fragment goes in the rendered print template: a comment,
/// which no text the template escapes can contain.
const SLOT_OPEN: &str = "<!--docent-chapter-";
const SLOT_CLOSE: &str = "-->";

/// Each chapter's part of a print page, by (language, chapter id), with its inputs' hash.
pub(super) type Fragments = std::sync::Mutex<HashMap<(String, String), ([u8; 32], Arc<String>)>>;

/// A print page's rendered template cut at its chapter slots: `texts[k]` comes before the
/// chapter at position `slots[k]` of the language's pages, and the last text ends the page.
pub(super) struct Shell {
    texts: Vec<String>,
    slots: Vec<usize>,
}

impl Shell {
    fn cut(html: &str) -> Shell {
        let mut texts = Vec::new();
        let mut slots = Vec::new();
        let mut current = String::new();
        let mut rest = html;
        while let Some(at) = rest.find(SLOT_OPEN) {
            current.push_str(rest.get(..at).unwrap_or(""));
            let after = rest.get(at + SLOT_OPEN.len()..).unwrap_or("");
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let slot = after.get(..digits).and_then(|d| d.parse::<usize>().ok());
            match (
                slot,
                after.get(digits..).and_then(|a| a.strip_prefix(SLOT_CLOSE)),
            ) {
                (Some(i), Some(tail)) => {
                    texts.push(std::mem::take(&mut current));
                    slots.push(i);
                    rest = tail;
                }
                // A comment of the theme's own that starts alike: text.
                _ => {
                    current.push_str(SLOT_OPEN);
                    rest = after;
                }
            }
        }
        current.push_str(rest);
        texts.push(current);
        Shell { texts, slots }
    }
}

/// `text` as the inside of a CSS string in a `<style>` element: quotes, backslashes and
/// line breaks escaped, and `<` too, so no text can close the element.
pub(super) fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push_str("\\A "),
            '<' => out.push_str("\\3C "),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A print page written while the chapters are rendered a batch at a time (a one-shot
/// build): the page holding the whole course is never in memory.
pub(super) struct PrintStream<'s> {
    lang: String,
    path: String,
    shell: Shell,
    /// The next slot to fill.
    next: usize,
    out: Box<dyn Filling + 's>,
}

impl PrintStream<'_> {
    /// Where the page goes in the site.
    pub(super) fn path(&self) -> &str {
        &self.path
    }

    /// Writes the end of the page and finishes the file.
    pub(super) fn close(mut self) -> Result<()> {
        for text in self.shell.texts.get(self.next..).unwrap_or_default() {
            self.out.write(text.as_bytes())?;
        }
        self.out.close()
    }
}

impl Renderer<'_> {
    /// The print page of `lang` as one string, its chapters kept in `fragments` (`serve`).
    pub(super) fn print_page(&self, lang: &str, fragments: Option<&Fragments>) -> Result<String> {
        self.spliced(lang, &self.print_shell(lang)?, fragments)
    }

    /// `html` (a rendered template whose chapters are [`Renderer::print_chapter`]s) with
    /// each chapter's fragment in its place, fragments kept in `fragments` when given.
    pub(super) fn spliced(
        &self,
        lang: &str,
        html: &str,
        fragments: Option<&Fragments>,
    ) -> Result<String> {
        let shell = Shell::cut(html);
        // The page is the whole course (tens of MB on a large one): sized once from the
        // chapters' HTML, not grown (and copied, and its new memory touched) by doubling.
        // The margin covers the ids' prefixes and the UI strings; capacity left unused is
        // never touched, so it costs no memory.
        let chapters: usize = self
            .pages_of(lang)
            .iter()
            .filter_map(|page| rendered_for(self.chapters, page))
            .map(|r| r.body.raw().len())
            .sum();
        let mut out = String::with_capacity(html.len() + chapters + chapters / 4);
        self.fill_slots(
            lang,
            &shell,
            0..shell.slots.len(),
            fragments,
            &mut |piece| {
                out.push_str(piece);
                Ok(())
            },
        )?;
        if let Some(end) = shell.texts.get(shell.slots.len()) {
            out.push_str(end);
        }
        Ok(out)
    }

    /// Starts the print page of `lang` in `sink`, to be filled by [`Renderer::print_batch`].
    pub(super) fn open_print<'s>(&self, lang: &str, sink: &'s dyn Sink) -> Result<PrintStream<'s>> {
        let path = format!("{lang}/print/index.html");
        Ok(PrintStream {
            lang: lang.to_string(),
            shell: Shell::cut(&self.print_shell(lang)?),
            next: 0,
            out: sink.open(&path)?,
            path,
        })
    }

    /// Adds to `stream` the chapters at course positions before `end` that it does not hold
    /// yet (their rendered chapters must be in this renderer).
    pub(super) fn print_batch(&self, stream: &mut PrintStream<'_>, end: usize) -> Result<()> {
        let pages = self.pages_of(&stream.lang);
        let from = stream.next;
        let upto = from
            + stream.shell.slots[from..]
                .iter()
                .take_while(|&&i| pages.get(i).is_some_and(|p| p.index < end))
                .count();
        let out = &mut stream.out;
        self.fill_slots(
            &stream.lang,
            &stream.shell,
            from..upto,
            None,
            &mut |piece| out.write(piece.as_bytes()),
        )?;
        stream.next = upto;
        Ok(())
    }

    /// Emits the shell's slots `range`, each with the text before it, 32 fragments prepared
    /// in parallel at a time (kept in `fragments` when given).
    fn fill_slots(
        &self,
        lang: &str,
        shell: &Shell,
        range: std::ops::Range<usize>,
        fragments: Option<&Fragments>,
        emit: &mut dyn FnMut(&str) -> Result<()>,
    ) -> Result<()> {
        let slots = shell.slots.get(range.clone()).unwrap_or_default();
        for (n, chunk) in slots.chunks(32).enumerate() {
            self.go_on()?;
            let made: Vec<Arc<String>> = chunk
                .par_iter()
                .map(|&i| self.print_fragment(lang, i, fragments))
                .collect();
            for (k, fragment) in made.iter().enumerate() {
                let text = shell.texts.get(range.start + n * 32 + k);
                emit(text.map_or("", String::as_str))?;
                emit(fragment)?;
            }
        }
        Ok(())
    }

    /// The print page with a slot where each chapter goes (see [`Shell`]).
    fn print_shell(&self, lang: &str) -> Result<String> {
        let root = "../../";
        let (languages, alternates) =
            self.language_links(lang, root, |code| Some(format!("{code}/print/")));
        let mut ctx = self.base_context("print", lang, root);
        ctx.title = self.i18n.text(lang, "print-link");
        ctx.print_running_head = css_string(&ctx.course_title);
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

    /// The heading level of a chapter's title on a page of every chapter: under the part
    /// titles when the course has parts, and one more per level of nesting; its sections
    /// sit one level below it (at most `h6`).
    pub(super) fn print_level(&self, page: &Page<'_>) -> u8 {
        let parts = u8::from(!self.course.config.parts.is_empty());
        let depth = u8::try_from(page.chapter.depth).unwrap_or(u8::MAX);
        2u8.saturating_add(parts).saturating_add(depth).min(6)
    }

    /// A chapter's entry on a page holding every chapter; its content is a splice marker.
    pub(super) fn print_chapter(&self, lang: &str, i: usize, page: &Page<'_>) -> PrintChapter {
        PrintChapter {
            anchor: format!("chapter-{}", page.slug()),
            number: self.chapter_number(lang, page),
            toc_number: page
                .chapter
                .number
                .as_deref()
                .map(|n| crate::i18n::Numbers::of(lang).digits(n))
                .unwrap_or_default(),
            depth: page.chapter.depth,
            level: self.print_level(page),
            title: page.title().to_string(),
            title_html: page.title_html().to_string(),
            part_html: self.part_opened_by(lang, page),
            content: format!("{SLOT_OPEN}{i}{SLOT_CLOSE}"),
            content_lang: page.content_lang.to_string(),
            content_dir: crate::languages::direction(page.content_lang).as_str(),
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
    ) -> Arc<String> {
        let Some(page) = self.pages_of(lang).get(i) else {
            return Arc::default();
        };
        let Some(r) = rendered_for(self.chapters, page) else {
            return Arc::default();
        };
        let slug = page.slug();
        let key = (lang.to_string(), page.chapter.id.clone());
        let mut h = blake3::Hasher::new();
        h.update(&r.html_hash);
        h.update(&self.nav_hash);
        self.linked_headings(page, &mut h);
        let fp = *h.finalize().as_bytes();
        if let Some(fragments) = fragments
            && let Some((old, text)) = crate::sync::lock(fragments).get(&key)
            && *old == fp
        {
            return Arc::clone(text);
        }
        let mut done = r.body.to_html(&Style {
            ui: &|key| self.i18n.text(lang, key),
            chapter_link: &|id, fragment| {
                let target = self
                    .page_by_id(lang, id)
                    .map_or_else(|| id.to_string(), |p| p.slug().to_string());
                let fragment = self.fragment_for(lang, page.content_lang, id, fragment);
                match fragment.strip_prefix('#') {
                    Some(f) if !f.is_empty() => format!("#{target}--{f}"),
                    _ => format!("#chapter-{target}"),
                }
            },
            id_prefix: &format!("{slug}--"),
            file_base: &format!("../{slug}/"),
            // Markdown's `##` is h2: one below the chapter's title.
            heading_shift: self.print_level(page) - 1,
        });
        if let Some(fragments) = fragments {
            // Kept for the session: without the spare room the string grew with.
            done.shrink_to_fit();
            let done = Arc::new(done);
            crate::sync::lock(fragments).insert(key, (fp, Arc::clone(&done)));
            return done;
        }
        Arc::new(done)
    }
}
