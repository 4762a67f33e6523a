//! A rendered chapter's sections: the text under each `<h2>`/`<h3>`, for the search index.

use serde::Serialize;

/// A part of a chapter under one heading, as the index stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading id, or empty for the text before the first heading.
    pub anchor: String,
    /// The heading's text, shown in search results; empty before the first heading.
    pub heading: String,
    /// The section's prose without markup, for matching search words and for snippets.
    pub text: String,
    /// The text of its code blocks, matched with a lower weight and token by token
    /// (`--mount=type=cache`).
    pub code: String,
    /// Its inline code (`` `RUN --mount=type=cache,…` `` in a sentence), already part of
    /// `text`: kept apart for its code tokens, so prose that explains a flag is found by it.
    #[serde(skip)]
    pub inline_code: String,
    /// Its prose that the author set apart: bold text and the words of links to other
    /// sites, already part of `text`. A tool or term is usually bolded or linked to its home
    /// where it is introduced (`[hadolint](https://…)`), so search weighs it a little more.
    #[serde(skip)]
    pub marked: String,
    /// The section recaps or points elsewhere more than it teaches (it holds a self-check
    /// quiz, is mostly links, or the front matter says so): search ranks it below the
    /// sections that teach.
    pub review: bool,
    /// The heading's level: 2 or 3 (0 for the text before the first heading). A level-3
    /// section sits inside the level-2 one before it, whose heading says what it is part of.
    #[serde(skip)]
    pub level: u8,
}

impl Section {
    fn new(anchor: String, level: u8) -> Self {
        Section {
            anchor,
            level,
            heading: String::new(),
            text: String::new(),
            code: String::new(),
            inline_code: String::new(),
            marked: String::new(),
            review: false,
        }
    }
}

/// Splits a rendered chapter's HTML into sections at its `<h2 id>`/`<h3 id>` headings and
/// keeps their prose and, apart, their code (so `COPY --from` finds the chapters that use it).
pub fn sections_of(html: &str) -> Vec<Section> {
    let mut sections = vec![Section::new(String::new(), 0)];
    let mut rest = html;
    let mut skip_depth: Option<(&str, usize)> = None;
    let mut in_heading = false;
    let mut in_pre = false;
    let mut in_code = false;
    // Prose bytes inside links, per section: a section that is mostly links (further
    // reading, next steps) points elsewhere rather than teaching.
    let mut in_link = 0usize;
    // Inside bold text or a link to another site (see `Section::marked`).
    let mut marked = 0usize;
    let mut external = false;
    let mut link_bytes: Vec<usize> = vec![0];
    loop {
        if in_pre && skip_depth.is_none() {
            // Highlighted code is mostly `<span>` tags: kept apart from the general tag
            // handling below, the code's text is copied in one tight loop up to `</pre>` or
            // any other tag (a copy button or an icon in an author's raw `<pre>`, which the
            // general handling leaves out).
            let code = &mut sections.last_mut().map(|c| &mut c.code);
            let bytes = rest.as_bytes();
            let mut at = 0;
            while let Some(lt) = memchr::memchr(b'<', bytes.get(at..).unwrap_or_default()) {
                let lt = at + lt;
                if let Some(code) = code {
                    push_text(code, rest.get(at..lt).unwrap_or(""), false);
                }
                if !bytes
                    .get(lt..)
                    .is_some_and(|t| t.starts_with(b"<span") || t.starts_with(b"</span"))
                {
                    at = lt;
                    break;
                }
                match memchr::memchr(b'>', bytes.get(lt..).unwrap_or_default()) {
                    Some(gt) => at = lt + gt + 1,
                    None => {
                        at = bytes.len();
                        break;
                    }
                }
            }
            rest = rest.get(at..).unwrap_or("");
        }
        let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) else {
            break;
        };
        let text = rest.get(..lt).unwrap_or("");
        if skip_depth.is_none()
            && let Some(current) = sections.last_mut()
        {
            let target = if in_heading {
                &mut current.heading
            } else if in_pre {
                &mut current.code
            } else {
                &mut current.text
            };
            let before = target.len();
            push_text(target, text, !in_pre);
            if in_link > 0
                && !in_heading
                && !in_pre
                && let Some(n) = link_bytes.last_mut()
            {
                *n += target.len() - before;
            }
            if in_code && !in_pre {
                push_text(&mut current.inline_code, text, false);
            }
            if (marked > 0 || external) && !in_heading && !in_pre {
                push_text(&mut current.marked, text, true);
                current.marked.push(' ');
            }
        }
        let tail = rest.get(lt..).unwrap_or("");
        let Some(gt) = tag_end(tail) else {
            break;
        };
        let tag = tail.get(..=gt).unwrap_or("");
        rest = tail.get(gt + 1..).unwrap_or("");
        let body = tag.trim_start_matches(['<', '/']);
        let name = body
            .get(
                ..body
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(body.len()),
            )
            .unwrap_or("");
        let closing = tag.starts_with("</");
        if let Some((skip_name, depth)) = skip_depth.as_mut() {
            if name == *skip_name {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip_depth = None;
                    }
                } else if !tag.ends_with("/>") {
                    *depth += 1;
                }
            }
            continue;
        }
        match (name, closing) {
            ("h2" | "h3", false) => {
                let level = if name == "h2" { 2 } else { 3 };
                sections.push(Section::new(
                    attribute(tag, "id").unwrap_or_default(),
                    level,
                ));
                link_bytes.push(0);
                in_heading = true;
            }
            ("pre", _) => {
                in_pre = !closing;
                if let Some(current) = sections.last_mut() {
                    current.code.push('\n');
                }
            }
            ("section", false) if tag.contains("class=\"quiz\"") => {
                if let Some(current) = sections.last_mut() {
                    current.review = true;
                }
            }
            ("h2" | "h3", true) => in_heading = false,
            ("code", false) if !in_pre => in_code = true,
            ("code", true) if !in_pre => {
                in_code = false;
                if let Some(current) = sections.last_mut() {
                    current.inline_code.push('\n');
                }
            }
            ("svg", false) => skip_depth = Some(("svg", 1)),
            ("a", false) if tag.contains("class=\"anchor\"") => skip_depth = Some(("a", 1)),
            ("a", false) => {
                in_link += 1;
                external = attribute(tag, "href")
                    .is_some_and(|h| h.starts_with("https://") || h.starts_with("http://"));
            }
            ("a", true) => {
                in_link = in_link.saturating_sub(1);
                external = false;
            }
            ("strong" | "b" | "dfn", false) => marked += 1,
            ("strong" | "b" | "dfn", true) => marked = marked.saturating_sub(1),
            ("div", false) if tag.contains("glossary-defs") => skip_depth = Some(("div", 1)),
            // Not words of the text: a footnote's number (it stuck to the word before it,
            // `pages1`), an icon hidden from screen readers, a quiz's "Show the answer" and
            // the answer itself (its explanation stays).
            ("sup", false) if tag.contains("footnote-ref") => skip_depth = Some(("sup", 1)),
            ("span", false) if !in_pre && tag.contains("aria-hidden=\"true\"") => {
                skip_depth = Some(("span", 1));
            }
            // A bar's label and value are apart (`fan-out 100` `1,000 rows`, not `1001,000`).
            ("span", false) if tag.contains("class=\"bar-") => {
                if let Some(current) = sections.last_mut()
                    && !current.text.is_empty()
                    && !current.text.ends_with(' ')
                {
                    current.text.push(' ');
                }
            }
            ("summary", false) => skip_depth = Some(("summary", 1)),
            ("p", false) if tag.contains("class=\"quiz-answer-choice\"") => {
                skip_depth = Some(("p", 1));
            }
            ("button", false) => skip_depth = Some(("button", 1)),
            ("span", true) if in_pre => {}
            ("br" | "p" | "li" | "div" | "tr" | "td" | "th", _) | ("span", true) => {
                if let Some(current) = sections.last_mut()
                    && !in_heading
                    && !in_pre
                    && !current.text.is_empty()
                    && !current.text.ends_with(' ')
                    && (name != "span" || tag.is_empty())
                {
                    current.text.push(' ');
                }
            }
            _ => {}
        }
    }
    for (s, links) in sections.iter_mut().zip(link_bytes) {
        if !s.text.is_empty() && links * 4 > s.text.len() {
            s.review = true;
        }
        for t in [&mut s.heading, &mut s.text] {
            if t.ends_with(' ') {
                t.pop();
            }
        }
        s.code = s.code.trim().to_string();
    }
    sections.retain(|s| !s.text.is_empty() || !s.heading.is_empty() || !s.code.is_empty());
    sections
}

/// Appends the text between two tags, its entities decoded and its UI placeholders left out;
/// with `squash`, every run of white space becomes one space (none at the start).
fn push_text(target: &mut String, raw: &str, squash: bool) {
    let put = |target: &mut String, piece: &str| {
        if squash {
            push_squashed(target, piece);
        } else {
            target.push_str(piece);
        }
    };
    if memchr::memchr2(b'&', super::body::UI_MARK_LEAD, raw.as_bytes()).is_none() {
        put(target, raw);
        return;
    }
    let mut rest = raw;
    while let Some(at) = rest.find(['&', super::UI_MARK]) {
        put(target, rest.get(..at).unwrap_or(""));
        let tail = rest.get(at..).unwrap_or("");
        if let Some(mark) = tail.strip_prefix(super::UI_MARK) {
            // A UI-string placeholder: not part of the chapter's text.
            rest = mark.find(super::UI_MARK).map_or("", |end| {
                mark.get(end + super::UI_MARK.len_utf8()..).unwrap_or("")
            });
            continue;
        }
        let entity = tail.get(1..).unwrap_or("");
        let (name, after) = match entity.find(';') {
            Some(end) => (
                entity.get(..end).unwrap_or(""),
                entity.get(end + 1..).unwrap_or(""),
            ),
            None => (entity, ""),
        };
        if let Some(c) = super::char_reference(name) {
            put(target, c.encode_utf8(&mut [0; 4]));
        }
        rest = after;
    }
    put(target, rest);
}

/// Appends `piece` with each run of white space made one space, and none at the start of
/// `target` or after a space it ends with: the section's text comes out squashed in one pass.
/// Text between two tags is mostly words and single spaces, copied as they stand in runs;
/// only the white space that must change breaks a run.
fn push_squashed(target: &mut String, piece: &str) {
    let mut spaced = target.is_empty() || target.ends_with(' ');
    let bytes = piece.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // ASCII by byte (Unicode's white space there is ASCII's plus the vertical tab); a
        // wider character by its own test, only where its first byte can start white space
        // (U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000).
        let (space, len) = match b {
            b' ' if !spaced => {
                spaced = true;
                at += 1;
                continue;
            }
            b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ' => (true, 1),
            0xC2 | 0xE1 | 0xE2 | 0xE3 => piece
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
            _ => (false, 1),
        };
        if space {
            target.push_str(piece.get(run..at).unwrap_or(""));
            if !spaced {
                target.push(' ');
                spaced = true;
            }
            run = at + len;
        } else {
            spaced = false;
        }
        at += len;
    }
    target.push_str(piece.get(run..).unwrap_or(""));
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag.get(start..)?.find('"')? + start;
    tag.get(start..end).map(str::to_string)
}

/// Where the tag (or comment) at the start of `tail` ends: its last byte. A `>` inside a
/// quoted attribute value of raw HTML (`<a title="x > y">`) or inside a comment does not end
/// it, or the rest of the tag would be read as prose (descriptions, search text).
pub(crate) fn tag_end(tail: &str) -> Option<usize> {
    let bytes = tail.as_bytes();
    if tail.starts_with("<!--") {
        return memchr::memmem::find(bytes.get(4..)?, b"-->").map(|i| 4 + i + 2);
    }
    let gt = memchr::memchr(b'>', bytes)?;
    // Tags comrak writes escape `>` in values; only raw HTML needs the careful scan.
    if memchr::memchr2(b'"', b'\'', bytes.get(..gt)?).is_none() {
        return Some(gt);
    }
    let mut at = 1;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'>' => return Some(at),
            b'"' | b'\''
                if bytes
                    .get(..at)
                    .is_some_and(|t| t.trim_ascii_end().ends_with(b"=")) =>
            {
                at += 1 + memchr::memchr(b, bytes.get(at + 1..)?)?;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of text mixing every kind of white space with multibyte letters.
    fn spaced_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        const PIECES: [&str; 18] = [
            "a",
            " ",
            "  ",
            "\t",
            "\n",
            "\x0B",
            "\u{a0}",
            "\u{85}",
            "\u{1680}",
            "\u{2003}",
            "\u{3000}",
            "é",
            "ção",
            "\u{e3}\u{80}",
            "日本",
            "\u{2014}",
            "x y",
            "\r\n",
        ];
        proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..8)
            .prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        /// Squashing in runs gives what squashing character by character gives.
        #[test]
        fn squashing_in_runs_matches_squashing_by_character(
            before in spaced_text(),
            piece in spaced_text(),
        ) {
            let mut fast = String::new();
            push_squashed(&mut fast, &before);
            let mut slow = fast.clone();
            push_squashed(&mut fast, &piece);
            let mut spaced = slow.is_empty() || slow.ends_with(' ');
            for c in piece.chars() {
                if !c.is_whitespace() {
                    slow.push(c);
                    spaced = false;
                } else if !spaced {
                    slow.push(' ');
                    spaced = true;
                }
            }
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn text_keeps_one_space_between_words_of_any_script() {
        let mut t = String::new();
        push_squashed(&mut t, "  a\t b\n\x0Bc\u{a0}d\u{3000}é  ");
        push_squashed(&mut t, " f");
        assert_eq!(t, "a b c d é f");
        let mut t = String::new();
        push_squashed(&mut t, " \u{2003} ");
        assert_eq!(t, "");
        let mut t = String::new();
        push_text(&mut t, "x&amp;y &nbsp; &lt;z&gt;&bogus", true);
        assert_eq!(t, "x&y <z>");
    }

    /// What a reader cannot search for inside a `<pre>` (a copy button, an icon) stays out
    /// of the section's code, in the fast path for highlighted code too.
    #[test]
    fn controls_inside_raw_pre_are_not_code() {
        let html = "<h2 id=\"a\">A</h2><pre><button class=\"copy\">Copy<svg><title>icon</title></svg></button><span class=\"k\">RUN</span> make &amp;&amp; <b>test</b><div class=\"glossary-defs\">def</div></pre><p>After.</p>";
        let s = sections_of(html);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].code, "RUN make && test");
        assert_eq!(s[0].text, "After.");
    }

    /// Bold prose and the words of links to other sites are kept apart too (search weighs
    /// them a little more: a tool is linked to its home where it is introduced); links
    /// inside the course, headings and code are not.
    #[test]
    fn bold_prose_and_links_to_other_sites_are_marked() {
        let html = "<h2 id=\"a\"><strong>Bold</strong> heading</h2><p><a href=\"https://github.com/hadolint/hadolint\">hadolint</a> reads the file; see <a href=\"../02-stages/\">chapter 2</a>. <strong>Never</strong> pass a <em>token</em>.</p><pre><b>RUN</b> make</pre>";
        let s = sections_of(html);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(
            s[0].marked.split_whitespace().collect::<Vec<_>>(),
            ["hadolint", "Never"]
        );
        assert_eq!(
            s[0].text,
            "hadolint reads the file; see chapter 2. Never pass a token."
        );
    }

    /// What is not a word of the text stays out of it: a footnote's number, a quiz's "Show
    /// the answer" and its answer; a chart bar's label and value are two words.
    #[test]
    fn footnote_numbers_chart_bars_and_quiz_answers_are_not_text() {
        let html = "<h2 id=\"a\">A</h2><p>8 KB pages<sup class=\"footnote-ref\"><a href=\"#fn-p\">1</a></sup> filled.</p><figure class=\"chart\"><div class=\"chart-bars\" aria-hidden=\"true\"><div class=\"bar\"><span class=\"bar-label\">fan-out 100</span><span class=\"bar-track\"><span class=\"bar-fill\"></span><span class=\"bar-value\">1,000 rows</span></span></div></div><div class=\"chart-table\"><table><tr><th scope=\"row\">fan-out 100</th><td>1,000</td></tr></table></div></figure><details class=\"quiz-answer\"><summary>Show the answer</summary><p class=\"quiz-answer-choice\"><strong>Answer:</strong> B</p><p class=\"quiz-explain\">Because.</p></details>";
        let s = sections_of(html);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(
            s[0].text,
            "8 KB pages filled. fan-out 100 1,000 rows fan-out 100 1,000 Because."
        );
    }

    /// A `>` inside a quoted value of an author's raw HTML, or inside a comment, does not
    /// end the tag: the rest of it is not prose (it was, in descriptions and search text).
    #[test]
    fn a_quoted_angle_bracket_does_not_end_a_raw_tag() {
        let html = "<h2 id=\"a\">A</h2><p>Before <a title=\"x > y\" href=\"docent:ch/b#x\">link</a> <img alt='1 > 0' src=a.png> after<!-- a > b <b>hidden</b> --> end.</p>";
        let s = sections_of(html);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].text, "Before link after end.");
        assert_eq!(tag_end("<p>"), Some(2));
        assert_eq!(tag_end("<a b=\"c"), None);
        assert_eq!(tag_end("<!-- x"), None);
    }

    #[test]
    fn sections_split_at_headings_and_keep_code() {
        let html = "<p>Intro &amp; more.</p><h2 id=\"copy\">Copy <a class=\"anchor\" href=\"#copy\">#</a></h2><pre><code><span class=\"line\">COPY --from=build /app</span></code></pre><svg><text>no</text></svg><h3 id=\"x\">X</h3><p>Tail</p>";
        let s = sections_of(html);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "Intro & more.");
        assert_eq!(
            (s[1].anchor.as_str(), s[1].heading.as_str()),
            ("copy", "Copy")
        );
        assert_eq!(s[1].code, "COPY --from=build /app");
        assert!(s[1].text.is_empty(), "{}", s[1].text);
        assert!(!s[1].text.contains("no"));
        assert_eq!(s[2].text, "Tail");
    }
}
