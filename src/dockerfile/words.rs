//! Splitting an instruction's text into keyword, flags, words and heredoc markers, following
//! the rules of BuildKit's parser (which differ slightly from one part to the next).

/// The blanks BuildKit splits keywords and plain word lists on (`[\t\v\f\r ]`).
pub(crate) fn is_field_space(c: char) -> bool {
    matches!(c, '\t' | '\x0B' | '\x0C' | '\r' | ' ')
}

/// An instruction line cut into its parts. Offsets are bytes into the line.
#[derive(Debug)]
pub(crate) struct Command<'a> {
    pub(crate) keyword: &'a str,
    pub(crate) keyword_at: usize,
    /// Raw flag words such as `--from=builder`, quotes removed.
    pub(crate) flags: Vec<String>,
    /// Everything after the flags, trimmed.
    pub(crate) rest: &'a str,
    pub(crate) rest_at: usize,
}

/// Cuts `KEYWORD [--flag …] rest`.
pub(crate) fn split_command(line: &str) -> Command<'_> {
    let body = line.trim_start();
    let keyword_at = line.len() - body.len();
    let body = body.trim_end();
    let keyword_end = body.find(is_field_space).unwrap_or(body.len());
    let (keyword, after) = body.split_at_checked(keyword_end).unwrap_or((body, ""));
    let (flags, rest) = split_flags(after.trim_start_matches(is_field_space));
    let rest = rest.trim_start();
    let rest_at = keyword_at + (body.len() - rest.len());
    Command {
        keyword,
        keyword_at,
        flags,
        rest: rest.trim_end(),
        rest_at,
    }
}

/// Takes leading `--flag` words off `line`; a bare `--` ends the flags and is dropped.
/// Returns the flags and the untouched remainder (a suffix of `line`).
fn split_flags(line: &str) -> (Vec<String>, &str) {
    let mut flags = Vec::new();
    let mut rest = line;
    loop {
        let start = rest.trim_start();
        if !start.starts_with("--") {
            return (flags, start);
        }
        let (word, after) = flag_word(start);
        if word == "--" {
            return (flags, after);
        }
        flags.push(word);
        rest = after;
    }
}

/// Reads one flag word: quotes group and are removed, a backslash takes the next character
/// literally (BuildKit uses a plain backslash here whatever the escape directive says).
fn flag_word(s: &str) -> (String, &str) {
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match quote {
            None if c.is_whitespace() => return (word, s.get(i..).unwrap_or("")),
            None if c == '\'' || c == '"' => quote = Some(c),
            Some(q) if c == q => quote = None,
            _ if c == '\\' => match chars.next() {
                Some((_, next)) => word.push(next),
                None => quote = None,
            },
            _ => word.push(c),
        }
    }
    (word, "")
}

/// Shell-like words as BuildKit's parser makes them for `ARG`, `ENV` and `LABEL`: split on
/// blanks outside quotes, with quotes and escape characters kept in the words.
pub(crate) fn shell_words(rest: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    // A word that contained quotes is kept even when it is empty.
    let mut keep_blank = false;
    let mut quote: Option<char> = None;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            // Inside single quotes nothing is escaped.
            if c == escape && q != '\'' {
                match chars.next() {
                    Some(next) => {
                        word.push(c);
                        word.push(next);
                    }
                    None => quote = None,
                }
                continue;
            }
            word.push(c);
            continue;
        }
        if c.is_whitespace() {
            if in_word && (keep_blank || !word.is_empty()) {
                words.push(std::mem::take(&mut word));
            }
            word.clear();
            in_word = false;
            keep_blank = false;
            continue;
        }
        in_word = true;
        if c == '\'' || c == '"' {
            quote = Some(c);
            keep_blank = true;
        }
        if c == escape {
            // An escape at the very end is dropped; otherwise it and the next character stay.
            if let Some(next) = chars.next() {
                word.push(c);
                word.push(next);
            }
            continue;
        }
        word.push(c);
    }
    if in_word && (keep_blank || !word.is_empty()) {
        words.push(word);
    }
    words
}

/// Words split on `[\t\v\f\r ]` runs, as for `FROM`, `EXPOSE` and shell-form `COPY`.
pub(crate) fn fields(rest: &str) -> Vec<String> {
    rest.split(is_field_space)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Splits at the first run of `[\t\v\f\r ]`: the legacy `ENV key value` form.
pub(crate) fn split_first_field(rest: &str) -> Option<(&str, &str)> {
    let end = rest.find(is_field_space)?;
    let (key, tail) = rest.split_at_checked(end)?;
    Some((key, tail.trim_start_matches(is_field_space)))
}

/// A heredoc announced on an instruction line, such as `<<EOF`, `<<-EOF` or `<<"EOF"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HeredocMarker {
    pub(crate) name: String,
    pub(crate) strip_tabs: bool,
    pub(crate) quoted: bool,
}

/// Finds the heredoc markers on a line: shell words of the form `[digits]<<[-]name`, with no
/// further `<` (so `<<<` here-strings are not heredocs).
pub(crate) fn heredoc_markers(line: &str) -> Vec<HeredocMarker> {
    let Some(words) = lex(line, true) else {
        return Vec::new();
    };
    words.iter().filter_map(|w| heredoc_marker(w)).collect()
}

fn heredoc_marker(word: &str) -> Option<HeredocMarker> {
    let rest = word
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix("<<")?;
    let (strip_tabs, raw_name) = match rest.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, rest),
    };
    if raw_name.is_empty() || raw_name.contains('<') {
        return None;
    }
    let name = match lex(raw_name, false)?.as_slice() {
        [one] if !one.is_empty() => one.clone(),
        _ => return None,
    };
    let quotes = |s: &str| s.chars().filter(|c| matches!(c, '\'' | '"')).count();
    Some(HeredocMarker {
        quoted: quotes(&name) != quotes(raw_name),
        name,
        strip_tabs,
    })
}

/// A small POSIX-shell word splitter (backslash escapes, single and double quotes) used to find
/// heredoc markers. With `raw`, quotes and backslashes stay in the words. `None` when a quote
/// is left open.
fn lex(s: &str, raw: bool) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                }
                in_word = false;
            }
            '\\' => {
                in_word = true;
                if raw {
                    word.push(c);
                }
                if let Some(next) = chars.next() {
                    word.push(next);
                }
            }
            '\'' | '"' => {
                in_word = true;
                lex_quoted(c, &mut chars, &mut word, raw)?;
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Some(words)
}

/// Reads a quoted part up to its closing quote; inside double quotes a backslash escapes
/// `"`, `\`, `$` and `` ` ``.
fn lex_quoted(
    quote: char,
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    word: &mut String,
    raw: bool,
) -> Option<()> {
    if raw {
        word.push(quote);
    }
    loop {
        let c = chars.next()?;
        if c == quote {
            if raw {
                word.push(c);
            }
            return Some(());
        }
        if quote == '"'
            && c == '\\'
            && let Some(&next) = chars.peek()
            && matches!(next, '"' | '\\' | '$' | '`')
        {
            chars.next();
            if raw {
                word.push(c);
            }
            word.push(next);
            continue;
        }
        word.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn command_parts() {
        let c = split_command("  COPY --from=build --chown=\"a b\":c -- src dst ");
        assert_eq!(c.keyword, "COPY");
        assert_eq!(c.keyword_at, 2);
        assert_eq!(c.flags, strings(&["--from=build", "--chown=a b:c"]));
        assert_eq!(c.rest, "src dst");
        assert_eq!(c.rest_at, 39);
        let c = split_command("RUN");
        assert_eq!((c.keyword, c.rest, c.flags.len()), ("RUN", "", 0));
        let c = split_command("CMD --doit -- [ ]");
        assert_eq!((c.flags.len(), c.rest), (1, "[ ]"));
        let c = split_command("COPY --");
        assert_eq!((c.flags.len(), c.rest), (0, ""));
    }

    #[test]
    fn words_keep_quotes_and_escapes() {
        assert_eq!(
            shell_words(r#"abc="123 456" def"#, '\\'),
            strings(&[r#"abc="123 456""#, "def"])
        );
        assert_eq!(shell_words(r"a=b\ c", '\\'), strings(&[r"a=b\ c"]));
        assert_eq!(shell_words(r"a='x\'y''", '\\'), strings(&[r"a='x\'y''"]));
        assert_eq!(shell_words(r#"""  x\"#, '\\'), strings(&[r#""""#, "x"]));
        assert_eq!(shell_words("a`", '`'), strings(&["a"]));
    }

    #[test]
    fn heredoc_marker_forms() {
        let names = |line: &str| -> Vec<(String, bool, bool)> {
            heredoc_markers(line)
                .into_iter()
                .map(|m| (m.name, m.strip_tabs, m.quoted))
                .collect()
        };
        assert_eq!(names("RUN <<EOF"), vec![("EOF".into(), false, false)]);
        assert_eq!(
            names("RUN <<-'A' cat 3<<\"B\" <<<here"),
            vec![("A".into(), true, true), ("B".into(), false, true)]
        );
        assert!(names("RUN echo \"<<EOF\" a<<EOF <<").is_empty());
        assert!(names("RUN echo \"open <<EOF").is_empty());
    }
}
