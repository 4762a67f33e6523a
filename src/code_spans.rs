//! Inline code and command-line flags kept whole where a browser would break them.
//!
//! Browsers may end a line after a hyphen, so `--build-arg` shows as "--build-" / "arg" and
//! `docker run --init` as "docker run -" / "-init"; a student copying by eye types them
//! wrong. A span that is one such word, or each such word of a longer span, is marked
//! `nowrap`, and so is a flag written as plain text ("COPY --exclude" in a heading), with the
//! punctuation around it. A longer word is cut only after a flag's name, after a comma and
//! before a slash (`--mount=` / `type=cache,` / `target=/root` / `/.npm`), each piece kept
//! whole. The theme keeps marked code on one line in prose; a plain-text flag, and any mark
//! in a heading, title or contents list, is an inline block no wider than its line, so a
//! long one on a phone still wraps rather than make the page scroll sideways.
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
/// same `<code>`, marked where it must not break, and marks the flags in its plain text.
pub fn keep_whole<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>) {
    mark(arena, root, false);
}

/// `keep_whole`; with `everywhere`, words are marked for a line the theme may wrap them in
/// (see `whole`) wherever they are, not only in headings.
fn mark<'a>(arena: &'a Arena<'a>, root: &'a AstNode<'a>, everywhere: bool) {
    let nodes: Vec<_> = root
        .descendants()
        .filter(|n| match &n.data.borrow().value {
            NodeValue::Code(_) => true,
            // Only a text with a hyphen can hold a flag.
            NodeValue::Text(text) => text.contains('-'),
            _ => false,
        })
        .filter_map(|n| {
            let mut in_heading = everywhere;
            for a in n.ancestors() {
                match a.data.borrow().value {
                    NodeValue::Image(_) => return None,
                    NodeValue::Heading(_) => in_heading = true,
                    _ => {}
                }
            }
            Some((n, in_heading))
        })
        .collect();
    for (node, pieces) in nodes {
        let values = match &node.data.borrow().value {
            NodeValue::Code(code) => {
                html_of(&code.literal, pieces).map(|h| vec![NodeValue::Raw(h)])
            }
            NodeValue::Text(text) => text_pieces(text, glued(node), pieces),
            _ => None,
        };
        if let Some(values) = values {
            for value in values {
                node.insert_before(arena.alloc(AstNode::from(value)));
            }
            node.detach();
        }
    }
}

/// Whether a text node starts inside a word: right after inline markup, as in
/// `**Node**-based`, whose "-based" is no flag.
fn glued(node: &AstNode<'_>) -> bool {
    node.previous_sibling()
        .is_some_and(|p| match &p.data.borrow().value {
            NodeValue::Text(t) => t.ends_with(|c: char| !c.is_whitespace()),
            NodeValue::SoftBreak | NodeValue::LineBreak => false,
            _ => true,
        })
}

/// The HTML of a one-line document (a chapter title, a quiz line), its inline code marked,
/// without the `<p>` comrak puts around it. Here because titles (`course`) and quiz lines
/// (`markdown`) both need it, and this is the lowest module both use. `title`: the line is
/// also a page's heading and a line of the sidebar, where a marked word may wrap (`whole`).
pub fn line_html<'a>(
    arena: &'a Arena<'a>,
    root: &'a AstNode<'a>,
    options: &comrak::Options<'_>,
    title: bool,
) -> String {
    mark(arena, root, title);
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

/// A plain text (a heading in the page's table of contents) as HTML, its flags kept whole.
pub fn text_html(text: &str) -> String {
    match text_pieces(text, false, true) {
        None => escape_html(text),
        Some(values) => values
            .iter()
            .map(|v| match v {
                NodeValue::Text(t) => escape_html(t),
                NodeValue::Raw(html) => html.clone(),
                _ => String::new(),
            })
            .collect(),
    }
}

/// The span's HTML when it needs marking, `None` when comrak's plain `<code>` is right.
fn html_of(literal: &str, pieces: bool) -> Option<String> {
    if literal.chars().count() <= MAX_WHOLE
        && !literal.contains(|c: char| c.is_ascii_whitespace())
        && breakable(literal)
    {
        return Some(format!(
            "<code class=\"nowrap\">{}</code>",
            whole(literal, pieces)
        ));
    }
    marked_words(literal, pieces).map(|html| format!("<code>{html}</code>"))
}

/// `text` as HTML, each word a browser could break badly marked (a file path in a code
/// block's title, a command).
pub fn words_html(text: &str) -> String {
    marked_words(text, false).unwrap_or_else(|| escape_html(text))
}

/// `text` escaped with its words marked (`word_html`), white space kept as written; `None`
/// when no word needs it.
fn marked_words(text: &str, pieces: bool) -> Option<String> {
    // Words and the white space between them, in order.
    let mut spans: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        let space = c.is_ascii_whitespace();
        if at > start && space != in_space {
            spans.push((&text[start..at], in_space));
            start = at;
        }
        in_space = space;
    }
    if start < text.len() {
        spans.push((&text[start..], in_space));
    }
    let marked: Vec<Option<String>> = spans
        .iter()
        .map(|&(piece, space)| {
            if space {
                None
            } else {
                word_html(piece, pieces)
            }
        })
        .collect();
    if marked.iter().all(Option::is_none) {
        return None;
    }
    let mut html = String::new();
    for ((piece, _), marked) in spans.into_iter().zip(marked) {
        match marked {
            Some(marked) => html.push_str(&marked),
            None => html.push_str(&escape_html(piece)),
        }
    }
    Some(html)
}

/// A plain text's pieces when it holds a command-line flag ("COPY --exclude", "run with
/// -it"): the flags as marked raw HTML, the rest as text. `None` when it holds none.
fn text_pieces(text: &str, glued: bool, pieces: bool) -> Option<Vec<NodeValue>> {
    if !text.contains('-') {
        return None;
    }
    let mut values = Vec::new();
    let mut last = 0;
    for (start, end) in flags(text, glued) {
        let Some(html) = word_html(&text[start..end], pieces) else {
            continue;
        };
        if start > last {
            values.push(NodeValue::Text(text[last..start].to_string().into()));
        }
        values.push(NodeValue::Raw(html));
        last = end;
    }
    if values.is_empty() {
        return None;
    }
    if last < text.len() {
        values.push(NodeValue::Text(text[last..].to_string().into()));
    }
    Some(values)
}

/// Where the flags are in prose, as byte ranges: one or two hyphens starting a word (not
/// right after a letter, nor at the start of a `glued` text), a letter, then letters,
/// digits, `-`, `_` or `.`, and an optional `=value` up to the next white space. The range
/// takes in the punctuation around it (`(--init).`), so a line never ends between a flag and
/// its bracket or comma.
fn flags(text: &str, glued: bool) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let closing = |c: char| ".,;:!?)]}\"'”’»".contains(c);
    let opening = |c: char| "([{\"'“‘«".contains(c);
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'-' {
            i += 1;
            continue;
        }
        // `i` is at a hyphen, so on a character boundary.
        let in_word = match text[..i].chars().next_back() {
            Some(c) => c.is_alphanumeric() || c == '-' || c == '_',
            None => glued,
        };
        if in_word {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut j = i + 1;
        if b.get(j) == Some(&b'-') {
            j += 1;
        }
        if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
            i = j;
            continue;
        }
        while b
            .get(j)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            while b.get(j).is_some_and(|c| !c.is_ascii_whitespace()) {
                j += 1;
            }
        }
        // The value's own closing punctuation belongs to the sentence, and stays with the
        // flag all the same.
        while let Some(c) = text[j..].chars().next().filter(|&c| closing(c)) {
            j += c.len_utf8();
        }
        let floor = found.last().map_or(0, |&(_, end)| end);
        while let Some(c) = text[floor..start]
            .chars()
            .next_back()
            .filter(|&c| opening(c))
        {
            start -= c.len_utf8();
        }
        found.push((start, j));
        i = j.max(i + 1);
    }
    found
}

/// A word's HTML when a browser could break it badly (`pieces` as in `whole`): kept whole when it is short, and a
/// longer one cut only after a comma and before a slash, each piece kept whole. `None` for
/// a word of letters, digits and `_`, or a long one with nowhere better to cut.
pub fn word_html(word: &str, pieces: bool) -> Option<String> {
    if !breakable(word) {
        return None;
    }
    if word.chars().count() <= MAX_WHOLE {
        return Some(nowrap(word, pieces));
    }
    let parts = cut(word);
    if parts.len() < 2 {
        return None;
    }
    let parts: Vec<String> = parts
        .into_iter()
        .map(|p| {
            if breakable(p) && p.chars().count() <= MAX_WHOLE {
                nowrap(p, false)
            } else {
                escape_html(p)
            }
        })
        .collect();
    Some(parts.join("<wbr>"))
}

fn nowrap(word: &str, pieces: bool) -> String {
    format!("<span class=\"nowrap\">{}</span>", whole(word, pieces))
}

/// The inside of a kept-whole word, escaped. With `pieces` (a heading, a chapter title, the
/// contents list: where the theme lets a word wrap after all, as a flag wider than the line
/// on a phone) it may break only where `cut` would: the word's pieces are `seg`s with a
/// `<wbr>` between them. In the text a kept-whole word never wraps, so it needs no pieces.
fn whole(word: &str, pieces: bool) -> String {
    let pieces = if pieces { cut(word) } else { Vec::new() };
    if pieces.len() < 2 {
        return escape_html(word);
    }
    let pieces: Vec<String> = pieces
        .into_iter()
        .map(|p| format!("<span class=\"seg\">{}</span>", escape_html(p)))
        .collect();
    pieces.join("<wbr>")
}

/// A word cut after each comma, after a flag's name, and before each slash that starts a
/// path step (not the first or last character, not after `/`, `=`, `:`, `<`, `~` or `.` as
/// in `../`): `--mount=` / `type=cache,` / `target=/root` / `/.npm`.
fn cut(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut prev = None;
    // A flag's name stays whole: `--build-arg=` / `NODE_VERSION=22.11.0`.
    let flag = word
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .starts_with('-');
    let mut named = false;
    for (at, c) in word.char_indices() {
        let before_slash = c == '/'
            && at > start
            && at + 1 < word.len()
            && !matches!(prev, Some('/' | '=' | ':' | '.' | '<' | '~'));
        if before_slash {
            pieces.push(&word[start..at]);
            start = at;
        }
        let flag_name_end = c == '=' && flag && !named;
        if c == '=' {
            named = true;
        }
        if (c == ',' || flag_name_end) && at + 1 < word.len() {
            pieces.push(&word[start..at + 1]);
            start = at + 1;
        }
        prev = Some(c);
    }
    if start < word.len() {
        pieces.push(&word[start..]);
    }
    pieces
}

/// Whether a browser may break inside a word. Chromium breaks after a hyphen or a question
/// mark between letters, and in more places between signs (`<none>:<none>` after the colon),
/// so any character but a letter, a digit or `_` counts.
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
    fn tabs_and_runs_of_spaces_are_kept_between_words() {
        assert_eq!(
            html_of("a\t--b  c", false),
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
    fn plain_words_are_left_to_the_browser_and_paths_cut_before_slashes() {
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
             <span class=\"nowrap\">/app</span><wbr><span class=\"nowrap\">/target</span><wbr>\
             <span class=\"nowrap\">/release</span><wbr><span class=\"nowrap\">/my-web-service</span> \
             <span class=\"nowrap\">/usr/local/bin/</span></code></p>\n"
        );
        // In a heading, where the theme lets a kept-whole word wrap when it must, its
        // pieces are marked.
        assert_eq!(
            render("## Keep `/usr/local/bin/`"),
            "<h2>Keep <code class=\"nowrap\"><span class=\"seg\">/usr</span><wbr>\
             <span class=\"seg\">/local</span><wbr><span class=\"seg\">/bin/</span></code></h2>\n"
        );
    }

    #[test]
    fn a_long_word_is_cut_only_after_a_comma_and_before_a_slash() {
        assert_eq!(
            word_html("--mount=type=cache,target=/root/.npm/x", false).as_deref(),
            Some(
                "<span class=\"nowrap\">--mount=</span><wbr>\
                 <span class=\"nowrap\">type=cache,</span><wbr>\
                 <span class=\"nowrap\">target=/root</span><wbr>\
                 <span class=\"nowrap\">/.npm</span><wbr><span class=\"nowrap\">/x</span>"
            )
        );
        // A shorter one is kept whole, its pieces marked for where the theme lets it wrap.
        assert_eq!(
            word_html("--mount=type=cache,id=npm-x", true).as_deref(),
            Some(
                "<span class=\"nowrap\"><span class=\"seg\">--mount=</span><wbr>\
                 <span class=\"seg\">type=cache,</span><wbr><span class=\"seg\">id=npm-x</span></span>"
            )
        );
        // A flag's name stays whole.
        assert_eq!(
            word_html("--build-arg=NODE_VERSION=22.11.0", false).as_deref(),
            Some(
                "<span class=\"nowrap\">--build-arg=</span><wbr>\
                 <span class=\"nowrap\">NODE_VERSION=22.11.0</span>"
            )
        );
        // Nowhere better to cut: left to the browser.
        assert_eq!(
            word_html("averyveryveryverylongwordwithoutanything-x", false),
            None
        );
    }

    #[test]
    fn a_flag_written_as_plain_text_is_kept_whole() {
        assert_eq!(
            render("### COPY --exclude and COPY --parents"),
            "<h3>COPY <span class=\"nowrap\">--exclude</span> and COPY \
             <span class=\"nowrap\">--parents</span></h3>\n"
        );
        // The sentence's punctuation stays outside; hyphens inside words, a dash and a
        // minus sign are not flags.
        assert_eq!(
            render("Use --output=dir. Or (-it), not multi-stage - or -5."),
            "<p>Use <span class=\"nowrap\">--output=dir.</span> Or \
             <span class=\"nowrap\">(-it),</span> not multi-stage - or -5.</p>\n"
        );
        // Right after inline markup a hyphen is inside a word; curly quotes stay with it.
        assert_eq!(
            render("**Node**-based, “--curly”"),
            "<p><strong>Node</strong>-based, <span class=\"nowrap\">“--curly”</span></p>\n"
        );
        assert_eq!(
            text_html("Exporting <files> with --output"),
            "Exporting &lt;files&gt; with <span class=\"nowrap\">--output</span>"
        );
        assert_eq!(
            render("![Run --output here](x.png)"),
            "<p><img src=\"x.png\" alt=\"Run --output here\" /></p>\n"
        );
    }

    #[test]
    fn any_text_keeps_its_characters() {
        for text in [
            "ção -x é--y ü-z —-w “-q” (--a) -- --=",
            "--é=ção, ‘-s’ «--x» 日本-語 -",
            "\u{1F600}--a \u{1F600}-b x--\u{1F600}",
        ] {
            let html = text_html(text);
            let plain = html
                .replace("<span class=\"nowrap\">", "")
                .replace("<span class=\"seg\">", "")
                .replace("</span>", "")
                .replace("<wbr>", "");
            assert_eq!(plain, escape_html(text), "{text}");
        }
    }
}
