//! Inline code kept whole where a browser would break it.
//!
//! Browsers may end a line after a hyphen, so `--build-arg` shows as "--build-" / "arg" and
//! `docker run --init` as "docker run -" / "-init"; a student copying by eye types them
//! wrong. A span that is one such word, or each such word of a longer span, is marked
//! `nowrap`. The theme makes it an inline block no wider than its line: a word that fits
//! moves to the next line whole, and one wider than the line (a long flag in a heading on a
//! phone) still wraps, so a page never scrolls sideways.
//!
//! The marked span is raw HTML, so it carries no `data-sourcepos` (docent does not turn that
//! option on), and it is left alone inside an image's alt text, which comrak writes as plain
//! text and where raw HTML would drop the code.

use comrak::Arena;
use comrak::nodes::{AstNode, NodeValue};

/// The longest word marked: a longer one (a path, a URL) is left to break where the browser
/// likes, rather than jump whole to the next line and leave a gap.
const MAX_WHOLE: usize = 30;

/// Replaces each inline code span under `root` that a browser could break badly with the
/// same `<code>`, marked where it must not break.
pub fn keep_whole<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) {
    let spans: Vec<_> = root
        .descendants()
        .filter(|n| matches!(n.data.borrow().value, NodeValue::Code(_)))
        .filter(|n| {
            !n.ancestors()
                .any(|a| matches!(a.data.borrow().value, NodeValue::Image(_)))
        })
        .collect();
    for node in spans {
        let html = match &node.data.borrow().value {
            NodeValue::Code(code) => html_of(&code.literal),
            _ => None,
        };
        if let Some(html) = html {
            node.insert_before(arena.alloc(AstNode::from(NodeValue::Raw(html))));
            node.detach();
        }
    }
}

/// The HTML of a one-line document (a chapter title, a quiz line), its inline code marked,
/// without the `<p>` comrak puts around it. Here because titles (`course`) and quiz lines
/// (`markdown`) both need it, and this is the lowest module both use.
pub fn line_html<'a>(
    arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    options: &comrak::Options<'_>,
) -> String {
    keep_whole(arena, root);
    let mut html = String::new();
    // Writing into a String cannot fail.
    let _ = comrak::format_html(root, options, &mut html);
    let t = html.trim();
    t.strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .unwrap_or(t)
        .to_string()
}

/// `s` escaped exactly as comrak escapes a code span, so unmarked text does not change
/// (`highlight::escape_html` also escapes `'`, which comrak leaves as it is).
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing into a String cannot fail.
    let _ = comrak::html::escape(&mut out, s);
    out
}

/// The span's HTML when it needs marking, `None` when comrak's plain `<code>` is right.
fn html_of(literal: &str) -> Option<String> {
    // Words and the white space between them, in order.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (at, c) in literal.char_indices() {
        let space = c.is_ascii_whitespace();
        if at > start && space != in_space {
            pieces.push((
                &literal[start..at],
                !in_space && marked(&literal[start..at]),
            ));
            start = at;
        }
        in_space = space;
    }
    if start < literal.len() {
        pieces.push((&literal[start..], !in_space && marked(&literal[start..])));
    }
    if !pieces.iter().any(|&(_, mark)| mark) {
        return None;
    }
    if let [(word, true)] = pieces.as_slice() {
        return Some(format!(
            "<code class=\"nowrap\">{}</code>",
            escape_html(word)
        ));
    }
    let mut html = String::from("<code>");
    for (piece, mark) in pieces {
        if mark {
            html.push_str("<span class=\"nowrap\">");
            html.push_str(&escape_html(piece));
            html.push_str("</span>");
        } else {
            html.push_str(&escape_html(piece));
        }
    }
    html.push_str("</code>");
    Some(html)
}

/// Whether a word is kept whole: short enough, and holding a character after which a
/// browser may break a line. Chromium breaks after a hyphen or a question mark between
/// letters, and in more places between signs (`<none>:<none>` after the colon), so any
/// character but a letter, a digit or `_` counts.
fn marked(word: &str) -> bool {
    word.chars().count() <= MAX_WHOLE && word.chars().any(|c| !(c.is_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        let arena = Arena::new();
        let options = comrak::Options::default();
        let root = comrak::parse_document(&arena, md, &options);
        keep_whole(&arena, root);
        let mut html = String::new();
        comrak::format_html(root, &options, &mut html).expect("writing to a String");
        html
    }

    #[test]
    fn a_short_flag_is_kept_whole() {
        assert_eq!(
            render("Pass `--build-arg` and `<none>:<none>` here."),
            "<p>Pass <code class=\"nowrap\">--build-arg</code> and \
             <code class=\"nowrap\">&lt;none&gt;:&lt;none&gt;</code> here.</p>\n"
        );
    }

    #[test]
    fn a_command_breaks_only_between_its_words() {
        assert_eq!(
            render("Run `docker run --init app`."),
            "<p>Run <code>docker run <span class=\"nowrap\">--init</span> app</code>.</p>\n"
        );
    }

    #[test]
    fn tabs_and_runs_of_spaces_are_kept_between_words() {
        assert_eq!(
            html_of("a\t--b  c"),
            Some("<code>a\t<span class=\"nowrap\">--b</span>  c</code>".to_string())
        );
    }

    #[test]
    fn an_image_keeps_its_code_in_the_alt_text() {
        assert_eq!(
            render("![The `--build-arg` flag](x.png)"),
            "<p><img src=\"x.png\" alt=\"The --build-arg flag\" /></p>\n"
        );
    }

    #[test]
    fn plain_words_and_long_words_are_left_to_the_browser() {
        assert_eq!(
            render(
                "`FROM`, `NODE_ENV` and `NumberFormat.getCurrencyInstance(locale).format(the-price)`"
            ),
            "<p><code>FROM</code>, <code>NODE_ENV</code> and \
             <code>NumberFormat.getCurrencyInstance(locale).format(the-price)</code></p>\n"
        );
        assert_eq!(
            render("`COPY --from=build /app/target/release/my-web-service /usr/local/bin/`"),
            "<p><code>COPY <span class=\"nowrap\">--from=build</span> \
             /app/target/release/my-web-service <span class=\"nowrap\">/usr/local/bin/</span></code></p>\n"
        );
    }
}
