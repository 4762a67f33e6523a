//! Inline code kept whole where a browser would break it.
//!
//! Browsers may end a line after a hyphen, so `--build-arg` shows as "--build-" / "arg" and
//! `docker run --init` as "docker run -" / "-init"; a student copying by eye types them
//! wrong. A span short enough for a phone's line, or each such word of a longer span, is
//! marked `nowrap`; longer words still break, so a page never scrolls sideways.

use comrak::Arena;
use comrak::nodes::{AstNode, NodeValue};

/// The longest word kept on one line: about 30 monospace characters fit a 390 px phone's
/// text column with room to spare.
const MAX_WHOLE: usize = 30;

/// Replaces each inline code span under `root` that a browser could break badly with the
/// same `<code>`, marked where it must not break.
pub fn keep_whole<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) {
    let spans: Vec<_> = root
        .descendants()
        .filter(|n| matches!(n.data.borrow().value, NodeValue::Code(_)))
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

/// `s` escaped as comrak escapes a code span, so unmarked output does not change.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing into a String cannot fail.
    let _ = comrak::html::escape(&mut out, s);
    out
}

/// The span's HTML when it needs marking, `None` when comrak's plain `<code>` is right.
fn html_of(literal: &str) -> Option<String> {
    let words: Vec<&str> = literal.split(' ').collect();
    if words.len() == 1 {
        return (breakable(literal) && literal.chars().count() <= MAX_WHOLE)
            .then(|| format!("<code class=\"nowrap\">{}</code>", escape_html(literal)));
    }
    if !words
        .iter()
        .any(|w| breakable(w) && w.chars().count() <= MAX_WHOLE)
    {
        return None;
    }
    let mut html = String::from("<code>");
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            html.push(' ');
        }
        if breakable(word) && word.chars().count() <= MAX_WHOLE {
            html.push_str("<span class=\"nowrap\">");
            html.push_str(&escape_html(word));
            html.push_str("</span>");
        } else {
            html.push_str(&escape_html(word));
        }
    }
    html.push_str("</code>");
    Some(html)
}

/// Whether a browser might break a line inside the word: Chromium breaks after a hyphen or
/// a question mark between letters, and in more places between signs (`<none>:<none>`
/// after the colon), so any character but a letter, a digit or `_` counts.
fn breakable(word: &str) -> bool {
    word.chars().any(|c| !(c.is_alphanumeric() || c == '_'))
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
