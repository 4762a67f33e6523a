//! `course.toml` → a validated [`Config`].

use crate::error::{Diagnostic, Result, line_col};
use serde::Deserialize;
use std::path::Path;

/// The settings file in a course folder.
pub const FILE_NAME: &str = "course.toml";

/// One language the course is written in.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// BCP 47 tag, also the chapter file name (`en.md`) and the URL prefix (`/en/`).
    pub code: String,
    /// The language's own name for itself, shown in the switcher ("Português (Brasil)");
    /// docent knows it for the languages it ships strings for.
    #[serde(default)]
    pub name: String,
    /// The course's title in this language: the home page heading and every page's title.
    pub title: String,
    /// A sentence or two about the course in this language, for the home page and the
    /// `<meta name="description">` of pages without their own; may be empty.
    #[serde(default)]
    pub description: String,
    /// Languages of the course shown to readers of this one, in order, where a chapter or a
    /// UI string is missing in it, before the default language. Unset: the course's other
    /// languages with the same primary subtag (`pt-PT` reads `pt-BR`); `[]`: straight to the
    /// default language.
    #[serde(default)]
    pub fallback: Option<Vec<String>>,
    /// Groups of words the search box treats as one: a reader's word ("extract", "k8s")
    /// also finds the course's word for the same thing ("export", "Kubernetes"). One word
    /// per entry, as readers of this language spell it.
    #[serde(default)]
    pub search_synonyms: Vec<Vec<String>>,
    /// Where each of `search_synonyms` is written in `course.toml` (line, column): findings
    /// about a synonym point at it.
    #[serde(skip)]
    pub search_synonyms_at: Vec<Vec<(usize, usize)>>,
}

impl Language {
    /// A warning about word `word` of synonym group `group` of this language, at its place in
    /// the `course.toml` of the course at `root`.
    pub fn synonym_warning(
        &self,
        root: &Path,
        (group, word): (usize, usize),
        message: String,
        help: &str,
    ) -> Diagnostic {
        let (line, col) = self
            .search_synonyms_at
            .get(group)
            .and_then(|at| at.get(word).copied())
            .unwrap_or((0, 0));
        Diagnostic::warning(root.join(FILE_NAME), line, col, message)
            .with_help(help)
            .of(crate::error::Kind::Config)
            .in_lang(&self.code)
    }
}

/// What is wrong with `url` as the web address of a site (`base_url`, `--base-url`,
/// `repository`), if anything: it must be an absolute http(s) URL naming a host, without
/// spaces; one pages are published under (`under`) takes no query or fragment either.
pub fn web_url_problem(url: &str, under: bool) -> Option<&'static str> {
    let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let Some(rest) = (if scheme.starts_with("https://") {
        url.get(8..)
    } else if scheme.starts_with("http://") {
        url.get(7..)
    } else {
        None
    }) else {
        return Some("must be an absolute http(s) URL");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Some("must name a host after the scheme");
    }
    // Published on every page: no user name or password (`https://user:token@host/`).
    if host.contains('@') {
        return Some("must not hold a user name or password: every page shows it");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("has a space or control character in it (write a space as %20)");
    }
    if under && url.contains(['?', '#']) {
        return Some("cannot have a query (?) or a fragment (#): the pages' addresses continue it");
    }
    None
}

/// The settings of a course, as read from `course.toml` and checked.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Absolute URL the site is published at; used for canonical links and the sitemap only,
    /// every link between pages stays relative.
    pub base_url: String,
    /// URL of the course's source repository, linked from every page's footer when given.
    #[serde(default)]
    pub repository: Option<String>,
    /// Defaults to the first language listed.
    #[serde(default)]
    pub default_language: Option<String>,
    /// Every language of the course, in the order the language switcher shows them; never
    /// empty after [`Config::parse`].
    pub languages: Vec<Language>,
    /// Chapters shown without a number (a foreword, appendices), by id; their
    /// sub-chapters are unnumbered too.
    #[serde(default)]
    pub unnumbered: Vec<String>,
    /// Titled groups of consecutive top-level chapters, in reading order.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// Where each page's "edit this page" link goes (`[edit]`); with a `repository` the
    /// defaults are right for GitHub, GitLab, Codeberg/Forgejo and Bitbucket.
    #[serde(default)]
    pub edit: Edit,
}

/// `[edit]` in `course.toml`: the branch and place of the course in its repository.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Edit {
    /// The branch the links open (default `main`).
    pub branch: String,
    /// The course folder's path inside the repository (`docs/course`); by default git says
    /// where it is, else the course folder's name.
    pub path: Option<String>,
    /// A link pattern for another forge, with `{path}` (the chapter file in the repository)
    /// and `{branch}`: `"https://git.example.org/course/edit/{branch}/{path}"`.
    pub url: Option<String>,
    /// `false` hides the links.
    pub links: bool,
}

impl Default for Edit {
    fn default() -> Self {
        Edit {
            branch: "main".to_string(),
            path: None,
            url: None,
            links: true,
        }
    }
}

/// A titled group of top-level chapters (`[[parts]]` in `course.toml`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// One title for every language, or one per language code.
    pub title: PartTitle,
    /// The ids (folder names) of its top-level chapters, consecutive in reading order.
    pub chapters: Vec<String>,
}

/// A part's title: the same in every language, or per language.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum PartTitle {
    /// `title = "Getting started"`.
    One(String),
    /// `title = { en = "Getting started", pt-BR = "Primeiros passos" }`.
    PerLanguage(std::collections::BTreeMap<String, String>),
}

impl Part {
    /// The title for readers of `lang`: theirs, else the first of `fallbacks` given, else any.
    pub fn title<'a>(&'a self, lang: &str, fallbacks: &[&str]) -> &'a str {
        match &self.title {
            PartTitle::One(t) => t,
            PartTitle::PerLanguage(map) => map
                .get(lang)
                .or_else(|| fallbacks.iter().find_map(|l| map.get(*l)))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }
}

/// Whether `w` is one word as search reads words: letters and digits, with the marks that
/// belong to them (not a lone mark, which folds to nothing).
fn one_word(w: &str) -> bool {
    let mark = unicode_normalization::char::is_combining_mark;
    w.chars().next().is_some_and(|c| c.is_alphanumeric())
        && w.chars().all(|c| c.is_alphanumeric() || mark(c))
}

impl Config {
    /// Parses and validates `course.toml`; `path` is only used to name the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        // Lone carriage returns (old Mac line ends) end lines, as in chapters; TOML refuses
        // them. Offsets stay the same.
        let as_saved = text;
        let lines_ended = crate::place::lone_cr_as_newline(text);
        let text = lines_ended.as_ref();
        let mut config: Config = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            Diagnostic::error(
                path,
                line,
                col,
                format!("invalid course.toml: {}", e.message()),
            )
            .with_help(crate::place::stray_cr_help(as_saved, line).unwrap_or_else(
                || "see README.md, \"Writing a course\", for the keys course.toml takes".into(),
            ))
        })?;
        config.validate(text, path)?;
        for lang in &mut config.languages {
            if lang.name.trim().is_empty() {
                lang.name = crate::languages::native_name(&lang.code)
                    .unwrap_or(lang.code.as_str())
                    .to_string();
            }
        }
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        Ok(config)
    }

    fn validate(&mut self, text: &str, path: &Path) -> Result<()> {
        let at = |needle: &str| {
            text.find(needle)
                .map_or((0, 0), |offset| line_col(text, offset))
        };
        if self.languages.is_empty() {
            let (l, c) = at("languages");
            return Err(
                Diagnostic::error(path, l, c, "course.toml lists no languages")
                    .with_help("add a [[languages]] table with code, name and title")
                    .into(),
            );
        }
        // Where a language's entries are written, read from the parsed file (comments, quotes,
        // escapes and table headers as TOML has them); the tables of `languages` come in order.
        let lines = crate::place::Lines::new(text);
        let parsed = toml::de::DeTable::parse(text).ok();
        let tables = parsed
            .as_ref()
            .map(|root| crate::place::toml_tables(root.get_ref(), "languages"))
            .unwrap_or_default();
        let mut seen = std::collections::BTreeSet::new();
        for (k, lang) in self.languages.iter().enumerate() {
            // This language's own `code` (the second of two alike, not the first).
            let (l, c) = tables
                .get(k)
                .and_then(|t| crate::place::toml_key(t, "code"))
                .map_or_else(
                    || at(&format!("\"{}\"", lang.code)),
                    |v| lines.line_col(v.span().start),
                );
            if lang
                .code
                .parse::<unic_langid::LanguageIdentifier>()
                .is_err()
                || lang.code.contains(['/', '\\', '.'])
            {
                return Err(Diagnostic::error(
                    path,
                    l,
                    c,
                    format!("`{}` is not a language tag", lang.code),
                )
                .with_help("use a BCP 47 tag such as \"en\" or \"pt-BR\"")
                .into());
            }
            if !seen.insert(lang.code.as_str()) {
                return Err(Diagnostic::error(
                    path,
                    l,
                    c,
                    format!("language `{}` is listed twice", lang.code),
                )
                .into());
            }
        }
        for (k, lang) in self.languages.iter().enumerate() {
            for (n, to) in lang.fallback.iter().flatten().enumerate() {
                let problem = if to == &lang.code {
                    Some(format!("language `{to}` falls back to itself"))
                } else if !seen.contains(to.as_str()) {
                    Some(format!(
                        "`{}` falls back to `{to}`, which is not one of the languages listed",
                        lang.code
                    ))
                } else {
                    None
                };
                if let Some(message) = problem {
                    // The code in this language's own `fallback` list.
                    let (l, c) = tables
                        .get(k)
                        .and_then(|t| crate::place::toml_key(t, "fallback"))
                        .and_then(|v| crate::place::toml_strings(v).get(n).copied().flatten())
                        .map_or_else(|| at("fallback"), |o| lines.line_col(o));
                    let mut d = Diagnostic::error(path, l, c, message);
                    if to == &lang.code {
                        d = d.with_help(
                            "list the other languages whose text its readers get, in order",
                        );
                    } else if let Some(near) = crate::error::did_you_mean(
                        to,
                        self.languages
                            .iter()
                            .map(|l| l.code.as_str())
                            .filter(|c| *c != lang.code),
                    ) {
                        d = d.with_help(format!("did you mean `{near}`?"));
                    } else {
                        d = d.with_help("list codes from the course's [[languages]] tables");
                    }
                    return Err(d.into());
                }
            }
        }
        let mut synonyms_at = Vec::with_capacity(self.languages.len());
        for (k, lang) in self.languages.iter().enumerate() {
            let groups: Vec<Vec<Option<usize>>> = tables
                .get(k)
                .and_then(|t| crate::place::toml_key(t, "search_synonyms"))
                .map(|v| match v.get_ref() {
                    toml::de::DeValue::Array(groups) => {
                        groups.iter().map(crate::place::toml_strings).collect()
                    }
                    _ => Vec::new(),
                })
                .unwrap_or_default();
            let place = |g: usize, w: usize| {
                let offset = groups.get(g).and_then(|g| g.get(w)).copied().flatten();
                offset.map_or_else(|| at("search_synonyms"), |o| lines.line_col(o))
            };
            let mut places = Vec::with_capacity(lang.search_synonyms.len());
            for (g, group) in lang.search_synonyms.iter().enumerate() {
                let mut problem = None;
                let mut at_words = Vec::with_capacity(group.len());
                for (i, w) in group.iter().enumerate() {
                    let here = place(g, i);
                    at_words.push(here);
                    if problem.is_none() && !one_word(w) {
                        problem = Some((here, format!("search synonym `{w}` is not one word")));
                    }
                }
                if problem.is_none() && group.len() < 2 {
                    problem = Some((
                        at_words
                            .first()
                            .copied()
                            .unwrap_or_else(|| at("search_synonyms")),
                        "a search_synonyms group needs two words or more".to_string(),
                    ));
                }
                if let Some(((l, c), message)) = problem {
                    return Err(Diagnostic::error(path, l, c, message)
                        .with_help(
                            "list single words that mean the same, such as [\"export\", \"extract\"]",
                        )
                        .into());
                }
                places.push(at_words);
            }
            synonyms_at.push(places);
        }
        if let Some(default) = &self.default_language
            && !seen.contains(default.as_str())
        {
            let (l, c) = at("default_language");
            return Err(Diagnostic::error(
                path,
                l,
                c,
                format!("default_language `{default}` is not one of the languages listed"),
            )
            .into());
        }
        if let Some(url) = &self.edit.url
            && let Some(problem) = web_url_problem(url, false)
        {
            let (l, c) = at("url");
            return Err(
                Diagnostic::error(path, l, c, format!("[edit] url {problem}"))
                    .with_help(
                        "for example url = \"https://git.example.org/course/edit/{branch}/{path}\"",
                    )
                    .into(),
            );
        }
        if let Some(url) = &self.edit.url
            && !url.contains("{path}")
        {
            let (l, c) = at("url");
            return Err(Diagnostic::error(
                path,
                l,
                c,
                "[edit] url has no `{path}` for the chapter file",
            )
            .with_help("for example url = \"https://git.example.org/course/edit/{branch}/{path}\"")
            .into());
        }
        if let Some(problem) = web_url_problem(&self.base_url, true) {
            let (l, c) = at("base_url");
            return Err(Diagnostic::error(path, l, c, format!("base_url {problem}"))
                .with_help("for example base_url = \"https://example.org/my-course/\"")
                .into());
        }
        // Linked from every page's footer: a link to the repository, not a script or a path.
        if let Some(repository) = &self.repository
            && let Some(problem) = web_url_problem(repository, false)
        {
            let (l, c) = at("repository");
            let help = match repository
                .strip_prefix("git@")
                .and_then(|r| r.split_once(':'))
            {
                Some((host, repo)) => format!(
                    "write the web address: repository = \"https://{host}/{}\"",
                    repo.trim_end_matches(".git")
                ),
                None => "for example repository = \"https://github.com/me/my-course\"".to_string(),
            };
            return Err(
                Diagnostic::error(path, l, c, format!("repository {problem}"))
                    .with_help(help)
                    .into(),
            );
        }
        for (lang, at) in self.languages.iter_mut().zip(synonyms_at) {
            lang.search_synonyms_at = at;
        }
        Ok(())
    }

    /// The language pages fall back to when a translation is missing.
    pub fn default_language(&self) -> &str {
        self.default_language
            .as_deref()
            .or_else(|| self.languages.first().map(|l| l.code.as_str()))
            .unwrap_or("en")
    }

    /// Where a reader of `lang` goes, in order, for a chapter or UI string missing in `lang`:
    /// its `fallback` list (by default the course's languages with the same primary
    /// subtag), then the default language. Never contains `lang` itself.
    pub fn fallbacks<'a>(&'a self, lang: &str) -> Vec<&'a str> {
        let default = self.default_language();
        let mut chain: Vec<&str> = match self.language(lang).and_then(|l| l.fallback.as_ref()) {
            Some(list) => list.iter().map(String::as_str).collect(),
            None => {
                let primary = crate::languages::primary(lang);
                let mut same: Vec<&str> = self
                    .languages
                    .iter()
                    .map(|l| l.code.as_str())
                    .filter(|c| *c != lang && crate::languages::primary(c) == primary)
                    .collect();
                // The same written form first: zh-Hant-HK reads zh-TW before zh-CN.
                let closest = |tag: &str| crate::languages::closest(tag).map(|i| i.tag);
                let mine = closest(lang);
                same.sort_by_key(|c| mine.is_none() || closest(c) != mine);
                same
            }
        };
        if lang != default && !chain.contains(&default) {
            chain.push(default);
        }
        chain.retain(|c| *c != lang);
        chain
    }

    /// The language whose tag is `code`, if the course has it.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The path part of `base_url` ("/course/"), used where a page cannot use relative links (404).
    pub fn base_path(&self) -> String {
        let rest = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        match rest.find('/') {
            Some(i) => rest.get(i..).unwrap_or("/").to_string(),
            None => "/".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
base_url = "https://example.org/course"
[[languages]]
code = "en"
name = "English"
title = "T"
[[languages]]
code = "pt-BR"
name = "Português"
title = "T"
"#;

    #[test]
    fn parses_and_defaults() {
        let c = Config::parse(GOOD, Path::new("course.toml")).expect("valid");
        assert_eq!(c.default_language(), "en");
        assert_eq!(c.base_url, "https://example.org/course/");
        assert_eq!(c.base_path(), "/course/");
    }

    #[test]
    fn unknown_key_is_located() {
        let text = format!("{GOOD}\ncolour = 1\n");
        let err = Config::parse(&text, Path::new("course.toml")).expect_err("unknown key");
        let d = &err.diagnostics()[0];
        assert_eq!(d.line, 12);
        assert!(d.message.contains("colour"), "{}", d.message);
    }

    #[test]
    fn fallbacks_prefer_the_same_language_then_the_default() {
        let text = |extra: &str| {
            format!(
                "base_url = \"https://e.org/\"\n[[languages]]\ncode = \"en\"\ntitle = \"C\"\n[[languages]]\ncode = \"zh-CN\"\ntitle = \"C\"\n[[languages]]\ncode = \"zh-TW\"\ntitle = \"C\"\n[[languages]]\ncode = \"zh-Hant-HK\"\ntitle = \"C\"\n{extra}"
            )
        };
        let c = Config::parse(&text(""), Path::new("course.toml")).expect("parses");
        assert_eq!(c.fallbacks("zh-Hant-HK"), ["zh-TW", "zh-CN", "en"]);
        assert_eq!(c.fallbacks("zh-CN"), ["zh-TW", "zh-Hant-HK", "en"]);
        assert_eq!(c.fallbacks("en"), Vec::<&str>::new());
        let c = Config::parse(&text("fallback = []\n"), Path::new("course.toml")).expect("parses");
        assert_eq!(c.fallbacks("zh-Hant-HK"), ["en"]);
    }

    #[test]
    fn bad_default_language() {
        let text = format!("default_language = \"fr\"\n{GOOD}");
        let err = Config::parse(&text, Path::new("course.toml")).expect_err("fr");
        assert_eq!(err.diagnostics()[0].line, 1);
    }

    /// A language listed twice is reported at its second `code`, not at the first place
    /// the tag appears (here `default_language`).
    #[test]
    fn a_language_listed_twice_points_at_the_second() {
        let text = format!(
            "default_language = \"en\"\n{GOOD}[[languages]]\ncode = \"en\"\ntitle = \"T\"\n"
        );
        let err = Config::parse(&text, Path::new("course.toml")).expect_err("twice");
        let d = &err.diagnostics()[0];
        assert!(d.message.contains("twice"), "{}", d.message);
        assert_eq!((d.line, d.col), (13, 8), "{}", d.message);
    }

    /// The repository is linked from every page: a web address, never a script or a path;
    /// the address pages are published under takes no query or fragment.
    #[test]
    fn repository_and_base_url_are_web_addresses() {
        for bad in [
            "git@github.com:me/course.git",
            "github.com/me/course",
            "javascript:alert(1)//github.com/a/b",
            "https:///me/course",
            "https://github.com/me/my course",
        ] {
            let text = format!("repository = \"{bad}\"\n{GOOD}");
            let err = Config::parse(&text, Path::new("course.toml")).expect_err(bad);
            let d = &err.diagnostics()[0];
            assert!(d.message.starts_with("repository "), "{bad}: {}", d.message);
            assert_eq!(d.line, 1, "{bad}");
        }
        let err = Config::parse(
            &format!("repository = \"git@codeberg.org:me/course.git\"\n{GOOD}"),
            Path::new("course.toml"),
        )
        .expect_err("ssh");
        assert!(
            err.diagnostics()[0]
                .help
                .iter()
                .any(|h| h.contains("https://codeberg.org/me/course\"")),
            "{:?}",
            err.diagnostics()[0].help
        );
        let ok = format!("repository = \"https://github.com/me/course?tab=readme\"\n{GOOD}");
        assert!(Config::parse(&ok, Path::new("course.toml")).is_ok());
        let ok = format!("repository = \"HTTPS://GitHub.com/me/course\"\n{GOOD}");
        assert!(Config::parse(&ok, Path::new("course.toml")).is_ok());
        let secret = format!("repository = \"https://me:TOKEN@github.com/me/course\"\n{GOOD}");
        let err = Config::parse(&secret, Path::new("course.toml")).expect_err("credentials");
        assert!(err.diagnostics()[0].message.contains("password"));
        let edit = format!("{GOOD}[edit]\nurl = \"javascript:alert(1)//{{path}}\"\n");
        let err = Config::parse(&edit, Path::new("course.toml")).expect_err("edit url");
        assert!(err.diagnostics()[0].message.starts_with("[edit] url "));
        for bad in [
            "https://e.org/c?x=1",
            "https://e.org/#top",
            "https://e.org/a b/",
            "e.org/c",
        ] {
            let text = GOOD.replace("https://example.org/course", bad);
            let err = Config::parse(&text, Path::new("course.toml")).expect_err(bad);
            assert!(
                err.diagnostics()[0].message.starts_with("base_url "),
                "{bad}"
            );
        }
    }

    /// A fallback to a language not listed points at that code in its list, past a comment
    /// after the language's own code.
    #[test]
    fn a_fallback_to_an_unknown_language_points_at_it() {
        let text = "base_url = \"https://e.org/\"\n[[languages]]\ncode = \"en\"\ntitle = \"C\"\n[[ languages ]]\ncode = \"pt-BR\" # Brazilian\ntitle = \"C\"\nfallback = [\"en\", \"fr\"]\n";
        let err = Config::parse(text, Path::new("course.toml")).expect_err("fr");
        let d = &err.diagnostics()[0];
        assert!(d.message.contains("`fr`"), "{}", d.message);
        assert_eq!((d.line, d.col), (8, 19), "{}", d.message);
    }

    #[test]
    fn a_search_synonym_must_be_one_word_in_a_group_of_two() {
        let with = |groups: &str| {
            format!(
                "base_url = \"https://e.org/\"\n[[languages]]\ncode = \"en\"\ntitle = \"C\"\n[[languages]]\ncode = \"pt-BR\"\ntitle = \"C\"\nsearch_synonyms = {groups}\n"
            )
        };
        let c = Config::parse(
            &with(r#"[["export", "extract"]]"#),
            Path::new("course.toml"),
        )
        .expect("parses");
        assert_eq!(c.languages[1].search_synonyms, [["export", "extract"]]);
        assert!(c.languages[0].search_synonyms.is_empty());
        for (groups, col, says) in [
            (r#"[["export", "copy out"]]"#, 31, "not one word"),
            (r#"[["export", "--output"]]"#, 31, "not one word"),
            (r#"[["export"]]"#, 21, "two words"),
            (r#"[["don’t", "do"]]"#, 21, "not one word"),
            ("[[\"layer\", \"\u{301}\"]]", 30, "not one word"),
            (
                r#"[["export", "extract"], ["layer", "x"], ["layer"]]"#,
                60,
                "two words",
            ),
        ] {
            let err = Config::parse(&with(groups), Path::new("course.toml")).expect_err(groups);
            let d = &err.diagnostics()[0];
            assert_eq!((d.line, d.col), (8, col), "{groups}: {}", d.message);
            assert!(d.message.contains(says), "{}", d.message);
        }
    }
}
