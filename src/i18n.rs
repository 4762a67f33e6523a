//! UI strings through Fluent, per language, falling back key by key to the default language.

use crate::error::{Diagnostic, Result, line_col};
use crate::theme::{self, Files};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Bundle = FluentBundle<FluentResource>;

/// A message of the course's own files that docent has no string for: (id, file, line,
/// language).
type Stranger = (String, std::path::PathBuf, usize, String);

/// The variables a message's value uses, in any of its variants.
fn variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match e {
            InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expression_vars(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

/// The UI strings of every language of a course (built-in defaults under the course's
/// overrides), looked up by message id.
pub struct I18n {
    bundles: BTreeMap<String, Bundle>,
    /// Every message id any language defines, so each language can be checked for gaps.
    ids: BTreeSet<String>,
    default: String,
    /// The message ids each language's own files define.
    own: BTreeMap<String, BTreeSet<String>>,
    root: std::path::PathBuf,
    /// The bundled English strings, for a course whose default language docent has no
    /// strings for (an imported French book): its pages still have every label.
    fallback: Option<Bundle>,
    /// Messages the course's own `i18n/` files define that docent has no string for:
    /// (id, file, line, language); unused unless a template of the course's theme asks.
    strangers: Vec<Stranger>,
    /// Overrides of docent's messages that leave out a variable docent's own message uses:
    /// (id, variable, file, line, language).
    dropped: Vec<(String, String, std::path::PathBuf, usize, String)>,
    /// The keys docent itself has (its embedded English strings), with the variables each
    /// uses: what a stranger meant, and what an override must keep.
    known: BTreeMap<String, BTreeSet<String>>,
    /// Per language, the course languages whose strings stand in for missing ones, in
    /// order ([`crate::config::Config::fallbacks`]); unset: the default language.
    chains: BTreeMap<String, Vec<String>>,
}

impl I18n {
    /// Builds the bundles from layers of files; later layers override earlier ones by message.
    pub fn from_layers(
        course_root: &Path,
        layers: &[Files],
        languages: &[&str],
        default: &str,
    ) -> Result<I18n> {
        let mut bundles = BTreeMap::new();
        let mut ids = BTreeSet::new();
        let mut own: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut errors = Vec::new();
        let mut fallback = None;
        let mut strangers = Vec::new();
        // What docent itself asks for: the keys of its embedded English strings.
        let known: BTreeMap<String, BTreeSet<String>> = layers
            .first()
            .into_iter()
            .flat_map(|files| files.range("en/".to_string()..))
            .take_while(|(k, _)| k.starts_with("en/"))
            .filter_map(|(_, v)| {
                FluentResource::try_new(String::from_utf8_lossy(v).into_owned()).ok()
            })
            .flat_map(|r| {
                r.entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => {
                            let mut vars = BTreeSet::new();
                            if let Some(value) = &m.value {
                                variables(value, &mut vars);
                            }
                            Some((m.id.name.to_string(), vars))
                        }
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut dropped = Vec::new();
        let english = (!languages.contains(&"en")).then_some("en");
        for lang in languages.iter().copied().chain(english) {
            let is_fallback = Some(lang) == english;
            // course.toml refuses tags that do not parse, so the default never applies.
            let langid = lang
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            match Numbers::of(lang).zero {
                PERSIAN_ZERO => bundle.set_formatter(Some(own_digits::<_, 0x06F0>)),
                ARABIC_INDIC_ZERO => bundle.set_formatter(Some(own_digits::<_, 0x0660>)),
                BENGALI_ZERO => bundle.set_formatter(Some(own_digits::<_, 0x09E6>)),
                DEVANAGARI_ZERO => bundle.set_formatter(Some(own_digits::<_, 0x0966>)),
                _ => {}
            }
            // NUMBER() is the only builtin; a failure means it is already there.
            let _ = bundle.add_builtins();
            let prefix = format!("{}/", strings_dir(layers, lang));
            // The fallback is the embedded English alone, never a course's own files.
            let layers = if is_fallback {
                layers.get(..1).unwrap_or(layers)
            } else {
                layers
            };
            let files = layers.iter().enumerate().flat_map(|(layer, files)| {
                files
                    .range(prefix.clone()..)
                    .take_while(|(k, _)| k.starts_with(&prefix))
                    .map(move |(k, v)| (k, v, layer == 0))
            });
            for (key, bytes, embedded) in files {
                if !key.ends_with(".ftl") {
                    continue;
                }
                let origin = if embedded {
                    std::path::PathBuf::from(format!("<embedded>/i18n/{key}"))
                } else {
                    theme::i18n_override_dir(course_root).join(key)
                };
                // Fluent ends a line only at a line feed: an old Mac file's lone carriage
                // returns would run its messages together.
                let text = crate::place::lone_cr_as_newline_owned(
                    String::from_utf8_lossy(bytes).into_owned(),
                );
                let resource = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((r, errs)) => {
                        for e in errs {
                            let (l, c) = line_col(&text, e.pos.start);
                            errors.push(
                                Diagnostic::error(
                                    &origin,
                                    l,
                                    c,
                                    format!("invalid Fluent message: {}", e.kind),
                                )
                                .of(crate::error::Kind::Strings)
                                .in_lang(lang),
                            );
                        }
                        r
                    }
                };
                for entry in resource.entries() {
                    let fluent_syntax::ast::Entry::Message(m) = entry else {
                        continue;
                    };
                    let at = || {
                        text.lines()
                            .position(|l| {
                                l.split_once('=')
                                    .is_some_and(|(id, _)| id.trim() == m.id.name)
                            })
                            .map_or(1, |n| n + 1)
                    };
                    if !embedded
                        && !is_fallback
                        && let Some(wanted) = known.get(m.id.name)
                    {
                        let mut have = BTreeSet::new();
                        if let Some(value) = &m.value {
                            variables(value, &mut have);
                        }
                        for variable in wanted.difference(&have) {
                            dropped.push((
                                m.id.name.to_string(),
                                variable.clone(),
                                origin.clone(),
                                at(),
                                lang.to_string(),
                            ));
                        }
                    }
                    if !embedded && !is_fallback && !known.contains_key(m.id.name) {
                        let at = at();
                        strangers.push((
                            m.id.name.to_string(),
                            origin.clone(),
                            at,
                            lang.to_string(),
                        ));
                    }
                    // Every label a template may ask for exists, whatever the languages.
                    ids.insert(m.id.name.to_string());
                    if !is_fallback {
                        own.entry(lang.to_string())
                            .or_default()
                            .insert(m.id.name.to_string());
                    }
                }
                bundle.add_resource_overriding(resource);
            }
            if is_fallback {
                fallback = Some(bundle);
            } else {
                bundles.insert(lang.to_string(), bundle);
            }
        }

        if !errors.is_empty() {
            return Err(crate::error::Error::Input(errors));
        }
        Ok(I18n {
            bundles,
            ids,
            default: default.to_string(),
            own,
            root: course_root.to_path_buf(),
            fallback,
            strangers,
            dropped,
            known,
            chains: BTreeMap::new(),
        })
    }

    /// Sets, per language, the languages it borrows missing strings from, in order.
    pub fn with_fallbacks(mut self, chains: BTreeMap<String, Vec<String>>) -> Self {
        self.chains = chains;
        self
    }

    /// The languages `lang` borrows a missing string from, in order.
    fn chain<'a>(&'a self, lang: &str) -> Vec<&'a str> {
        match self.chains.get(lang) {
            Some(chain) => chain.iter().map(String::as_str).collect(),
            None if lang != self.default => vec![self.default.as_str()],
            None => Vec::new(),
        }
    }

    /// The message `key` in `lang`, or in its fallback languages, then the default language
    /// (missing keys are reported by [`I18n::warnings`]), or the key itself.
    pub fn text(&self, lang: &str, key: &str) -> String {
        self.format(lang, key, None)
    }

    /// The message `key` of `lang`'s own strings, borrowing from no other language: for words
    /// that are right only in that language (the name of another language inside a sentence).
    pub fn own_text(&self, lang: &str, key: &str) -> Option<String> {
        self.try_format(lang, key, None)
    }

    /// [`I18n::text`] with Fluent variables filled in: `args` pairs a variable name with its
    /// value.
    pub fn text_with(&self, lang: &str, key: &str, args: &[(&str, &str)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            // A whole number goes in as a number, so messages can pick plural forms.
            match value.parse::<u32>() {
                Ok(n) if n.to_string() == *value => fargs.set(*name, FluentValue::from(n)),
                _ => fargs.set(*name, FluentValue::from(*value)),
            }
        }
        self.format(lang, key, Some(&fargs))
    }

    fn format(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> String {
        if let Some(s) = self.try_format(lang, key, args) {
            return s;
        }
        self.chain(lang)
            .into_iter()
            .find_map(|l| self.try_format(l, key, args))
            .or_else(|| {
                let bundle = self.fallback.as_ref()?;
                let pattern = bundle.get_message(key)?.value()?;
                let mut errs = Vec::new();
                Some(bundle.format_pattern(pattern, args, &mut errs).into_owned())
            })
            .unwrap_or_else(|| key.to_string())
    }

    fn try_format(&self, lang: &str, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = self.bundles.get(lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut errs = Vec::new();
        let s = bundle.format_pattern(pattern, args, &mut errs);
        Some(s.into_owned())
    }

    /// Every message resolved for `lang`, for templates (`t["nav-next"]`). Variables stay as
    /// `{$name}` for scripts to fill in; a message that picks a plural form by `$count` is a
    /// JSON object from CLDR plural category to that form (`{"one":"{$count} result", …}`),
    /// so a script chooses with `Intl.PluralRules`.
    pub fn table(&self, lang: &str) -> BTreeMap<String, String> {
        self.ids
            .iter()
            .map(|id| {
                let value = self
                    .plural_forms(lang, id)
                    .unwrap_or_else(|| self.text(lang, id));
                (id.clone(), value)
            })
            .collect()
    }

    /// The forms of message `key` per plural category of its language, as JSON, when the
    /// message selects on `$count`.
    fn plural_forms(&self, lang: &str, key: &str) -> Option<String> {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        let (lender, bundle) = std::iter::once(lang)
            .chain(self.chain(lang))
            .find_map(|l| {
                let b = self.bundles.get(l)?;
                b.has_message(key).then_some((l, b))
            })
            .or_else(|| Some(("en", self.fallback.as_ref()?)))?;
        let pattern = bundle.get_message(key)?.value()?;
        let selects = pattern.elements.iter().any(|e| {
            matches!(e, PatternElement::Placeable { expression: Expression::Select {
                selector: InlineExpression::VariableReference { id }, ..
            } } if id.name == "count")
        });
        if !selects {
            return None;
        }
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        // The rules of the tag (`pt-PT`), else of its language (`ru-RU` → `ru`), else English.
        let rules_of = |tag: &str| {
            let id = tag.parse::<unic_langid::LanguageIdentifier>().ok()?;
            PluralRules::create(id, PluralRuleType::CARDINAL).ok()
        };
        let rules = rules_of(lender)
            .or_else(|| rules_of(&crate::languages::primary(lender)))
            .or_else(|| rules_of("en"))?;
        let mut forms = serde_json::Map::new();
        // Three-digit samples first: the number is then unmistakable in the formatted text.
        for n in (100..1000u32).chain(0..100) {
            let category = match rules.select(n) {
                Ok(c) => c,
                Err(_) => continue,
            };
            let name = match category {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            };
            if forms.contains_key(name) {
                continue;
            }
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(n));
            let mut errs = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errs);
            let shown = Numbers::of(lender).digits(&n.to_string());
            // The count is the number written alone; a sample that the text also holds
            // ("top 100") is not used.
            if let Some(text) = placeholder(&text, &shown) {
                forms.insert(name.to_string(), serde_json::Value::String(text));
            }
        }
        Some(serde_json::Value::Object(forms).to_string())
    }

    /// Messages of the course's own string files that nothing asks for: not one of docent's
    /// strings, and not named by any template of the course's theme (`theme`: its files).
    pub fn unused(&self, theme: &crate::theme::Files) -> Vec<Diagnostic> {
        self.unused_strangers(theme)
            .into_iter()
            .map(|(id, path, line, lang)| {
                let mut d = Diagnostic::warning(
                    path,
                    *line,
                    1,
                    format!("UI string `{id}` is not one docent uses, and no template asks for it"),
                );
                d = match crate::error::did_you_mean(id, self.known.keys().map(String::as_str)) {
                    Some(near) => d.with_help(format!(
                        "did you mean `{near}`? Overrides use docent's keys (i18n/en/*.ftl)"
                    )),
                    None => d.with_help(
                        "remove it, or use it from a template of your theme: {{ t[\"key\"] }}",
                    ),
                };
                d.of(crate::error::Kind::Strings).in_lang(lang.as_str())
            })
            .collect()
    }

    /// The course's own messages that are not docent's and that no template of `theme` names.
    fn unused_strangers(&self, theme: &crate::theme::Files) -> Vec<&Stranger> {
        if self.strangers.is_empty() {
            return Vec::new();
        }
        let templates: Vec<String> = theme
            .iter()
            .filter(|(k, _)| k.starts_with("templates/"))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
            .collect();
        self.strangers
            .iter()
            .filter(|(id, ..)| !templates.iter().any(|t| t.contains(id.as_str())))
            .collect()
    }

    /// Warnings for every key a language lacks and borrows from the default language, found
    /// by comparing the files (not by what a build happened to render), so `build`, `check`
    /// and `serve` report the same. A language with no strings at all is one warning. Keys
    /// nothing uses are reported once by [`I18n::unused`], not as missing elsewhere; an
    /// override that leaves out a variable docent fills in is reported here.
    pub fn warnings(&self, theme: &crate::theme::Files) -> Vec<Diagnostic> {
        let none = BTreeSet::new();
        let unused: BTreeSet<&str> = self
            .unused_strangers(theme)
            .into_iter()
            .map(|(id, ..)| id.as_str())
            .collect();
        let default_own = self.own.get(&self.default).unwrap_or(&none);
        let default: BTreeSet<String> = default_own
            .iter()
            .filter(|k| !unused.contains(k.as_str()))
            .cloned()
            .collect();
        let default = &default;
        let mut out: Vec<Diagnostic> = self
            .dropped
            .iter()
            .map(|(id, variable, path, line, lang)| {
                Diagnostic::warning(
                    path,
                    *line,
                    1,
                    format!("UI string `{id}` leaves out `${variable}`, which docent fills in"),
                )
                .with_help(format!(
                    "write {{ ${variable} }} where the value goes, as in docent's i18n/en/*.ftl"
                ))
                .of(crate::error::Kind::Strings)
                .in_lang(lang.as_str())
            })
            .collect();
        // A default language docent has no strings for: its pages (and those of any other
        // language without strings) use the bundled English ones.
        if default.is_empty() && self.fallback.is_some() {
            for lang in self
                .bundles
                .keys()
                .filter(|l| self.own.get(*l).is_none_or(|o| o.is_empty()))
            {
                out.push(
                    Diagnostic::warning(
                        theme::i18n_override_dir(&self.root).join(lang),
                        0,
                        0,
                        format!("no UI strings in {lang}; its pages use docent's English ones"),
                    )
                    .with_help(format!(
                        "translate docent's i18n/en/*.ftl (the labels of the theme) into i18n/{lang}/ in your project"
                    ))
                    .of(crate::error::Kind::Strings)
                    .in_lang(lang.as_str()),
                );
            }
            return out;
        }
        for lang in self.bundles.keys().filter(|l| **l != self.default) {
            let own = self.own.get(lang).unwrap_or(&none);
            let missing: Vec<&String> = default.iter().filter(|k| !own.contains(*k)).collect();
            let dir = theme::i18n_override_dir(&self.root).join(lang);
            let chain = self.chain(lang);
            // The language a missing key is taken from: the first in the chain that has it.
            let lender = |key: &str| {
                chain
                    .iter()
                    .copied()
                    .find(|l| self.own.get(*l).is_some_and(|o| o.contains(key)))
                    .unwrap_or(self.default.as_str())
            };
            if !missing.is_empty() && missing.len() == default.len() {
                let first = chain.first().copied().unwrap_or(self.default.as_str());
                out.push(
                    Diagnostic::warning(
                        &dir,
                        0,
                        0,
                        format!(
                            "no UI strings in {lang}; its pages use the {first} ones ({})",
                            crate::plural::count(default.len(), "string", "strings")
                        ),
                    )
                    .with_help(format!(
                        "translate i18n/{}/*.ftl into i18n/{lang}/",
                        self.default
                    ))
                    .of(crate::error::Kind::Strings)
                    .in_lang(lang.as_str()),
                );
                continue;
            }
            for key in missing {
                out.push(
                    Diagnostic::warning(
                        &dir,
                        0,
                        0,
                        format!(
                            "UI string `{key}` is missing in {lang}; using {}",
                            lender(key)
                        ),
                    )
                    .with_help(format!("add `{key} = …` to i18n/{lang}/ui.ftl"))
                    .of(crate::error::Kind::Strings)
                    .in_lang(lang.as_str()),
                );
            }
        }
        out
    }
}

/// Which `i18n/<dir>/` holds the strings of `lang`: its own, else one with the same primary
/// language (`pt` reads `pt-BR`'s), else its own name (and every key falls back).
fn strings_dir(layers: &[Files], lang: &str) -> String {
    let dirs: std::collections::BTreeSet<&str> = layers
        .iter()
        .flat_map(|files| files.keys())
        .filter_map(|k| k.split_once('/').map(|(dir, _)| dir))
        .collect();
    if dirs.contains(lang) {
        return lang.to_string();
    }
    if let Some(info) = crate::languages::closest(lang)
        && dirs.contains(info.tag)
    {
        return info.tag.to_string();
    }
    let primary = crate::languages::primary;
    dirs.iter()
        .find(|d| primary(d) == primary(lang))
        .map_or_else(|| lang.to_string(), |d| (*d).to_string())
}

/// `text` with the one number written as `shown` (digits not part of a longer number)
/// replaced by `{$count}`; `None` when it is there more than once, or not at all.
fn placeholder(text: &str, shown: &str) -> Option<String> {
    let mut found = None;
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if c.is_numeric() {
            start.get_or_insert(at);
        }
        let ends = !c.is_numeric() || k + 1 == chars.len();
        if let (true, Some(from)) = (ends, start) {
            let to = if c.is_numeric() {
                at + c.len_utf8()
            } else {
                at
            };
            if text.get(from..to) == Some(shown) {
                if found.is_some() {
                    return None;
                }
                found = Some((from, to));
            }
            start = None;
        }
    }
    // A form without the number ("one result" written out) is kept as it is.
    let Some((from, to)) = found else {
        return Some(text.to_string());
    };
    Some(format!("{}{{$count}}{}", &text[..from], &text[to..]))
}

/// How readers of a language write numbers (CLDR's default numbering system for the tag):
/// the digit zero, the group and decimal marks, and whether groups go by two after the
/// first three (Indian style: 12,34,567).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbers {
    /// `'0'`, or the zero of the script's own digits (`'۰'` Persian, `'٠'` Arabic-Indic).
    pub zero: char,
    group: &'static str,
    decimal: &'static str,
    indian: bool,
}

const PERSIAN_ZERO: char = '\u{06F0}';
const ARABIC_INDIC_ZERO: char = '\u{0660}';
const BENGALI_ZERO: char = '\u{09E6}';
const DEVANAGARI_ZERO: char = '\u{0966}';

impl Numbers {
    /// The conventions of `lang`: Persian and Pashto use Persian digits; Arabic as written
    /// in Egypt, the Levant, Iraq and the Gulf uses Arabic-Indic digits, in the Maghreb Latin
    /// digits with European marks, elsewhere (and plain `ar`) Latin digits.
    pub fn of(lang: &str) -> Numbers {
        let lower = lang.to_ascii_lowercase();
        let mut parts = lower.split('-');
        let primary = parts.next().unwrap_or("");
        let region = parts.find(|p| p.len() == 2).unwrap_or("");
        let latin = |group, decimal| Numbers {
            zero: '0',
            group,
            decimal,
            indian: false,
        };
        match primary {
            "fa" | "ps" => Numbers {
                zero: PERSIAN_ZERO,
                group: "\u{066C}",
                decimal: "\u{066B}",
                indian: false,
            },
            "ar" if matches!(
                region,
                "eg" | "sa"
                    | "iq"
                    | "sy"
                    | "jo"
                    | "lb"
                    | "kw"
                    | "qa"
                    | "bh"
                    | "om"
                    | "ye"
                    | "sd"
                    | "ps"
            ) =>
            {
                Numbers {
                    zero: ARABIC_INDIC_ZERO,
                    group: "\u{066C}",
                    decimal: "\u{066B}",
                    indian: false,
                }
            }
            "ar" if matches!(region, "ma" | "dz" | "tn" | "ly") => latin(".", ","),
            "hi" | "bn" | "mr" | "ne" => Numbers {
                zero: match primary {
                    "bn" => BENGALI_ZERO,
                    "mr" | "ne" => DEVANAGARI_ZERO,
                    _ => '0',
                },
                group: ",",
                decimal: ".",
                indian: true,
            },
            "pt" | "de" | "es" | "it" | "nl" | "id" | "tr" | "da" | "vi" => latin(".", ","),
            "fr" => latin("\u{202f}", ","),
            "sv" | "nb" | "no" | "fi" | "pl" | "cs" | "ru" | "uk" | "sk" => latin("\u{a0}", ","),
            _ => latin(",", "."),
        }
    }

    /// `text` with its ASCII digits written in these digits.
    pub fn digits(&self, text: &str) -> String {
        if self.zero == '0' {
            return text.to_string();
        }
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(self.zero as u32 + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }
}

/// Fluent's formatter for bundles of languages with their own digits: whole numbers in
/// messages (counts, days, years) in those digits. One function per digit set, as Fluent
/// takes a plain function.
fn own_digits<M, const ZERO: u32>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let numbers = Numbers {
        zero: char::from_u32(ZERO)?,
        group: "",
        decimal: ".",
        indian: false,
    };
    Some(numbers.digits(&n.as_string()))
}

/// A number in the reader's format: `1,100.5` in English, `1.100,5` in Portuguese,
/// `۱٬۱۰۰٫۵` in Persian, `12,34,567` in Hindi; every digit it has (`0.000001` is not 0).
pub fn format_number(value: f64, lang: &str) -> String {
    format_decimal(&format!("{value}"), lang)
}

/// [`format_number`] of a number written in decimal digits (`2.675`, `-12`), exactly as
/// written: an author's figures are shown as they gave them, however many digits.
pub fn format_decimal(text: &str, lang: &str) -> String {
    let numbers = Numbers::of(lang);
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        let left = len - i;
        let boundary = if numbers.indian && left > 3 {
            (left - 3) % 2 == 0
        } else {
            left % 3 == 0
        };
        if i > 0 && boundary {
            grouped.push_str(numbers.group);
        }
        grouped.push(c);
    }
    let text = if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", numbers.decimal)
    };
    numbers.digits(&text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_in_each_language() {
        assert_eq!(format_number(1.5, "en"), "1.5");
        assert_eq!(format_number(1.5, "pt-BR"), "1,5");
        assert_eq!(format_number(1100.0, "en"), "1,100");
        assert_eq!(format_number(1100.25, "pt-BR"), "1.100,25");
        assert_eq!(format_number(0.0, "pt-BR"), "0");
        assert_eq!(format_number(8.0, "en"), "8");
        // CLDR's defaults, as Chromium's Intl.NumberFormat writes them.
        assert_eq!(format_number(1234567.5, "fa"), "۱٬۲۳۴٬۵۶۷٫۵");
        assert_eq!(format_number(1234567.5, "ar-EG"), "١٬٢٣٤٬٥٦٧٫٥");
        assert_eq!(format_number(1234567.5, "ar"), "1,234,567.5");
        assert_eq!(format_number(1234567.5, "ar-MA"), "1.234.567,5");
        assert_eq!(format_number(1234567.5, "hi"), "12,34,567.5");
        assert_eq!(format_number(1234567.0, "mr"), "१२,३४,५६७");
        assert_eq!(format_number(1234.0, "ru"), "1\u{a0}234");
        // Every digit: a small value is not 0, a third decimal is not rounded away.
        assert_eq!(format_number(0.000001, "en"), "0.000001");
        assert_eq!(format_number(2.675, "pt-BR"), "2,675");
        assert_eq!(
            format_decimal("99999999999999999999.5", "en"),
            "99,999,999,999,999,999,999.5"
        );
    }

    use super::*;
    use std::borrow::Cow;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Cow::Owned(v.as_bytes().to_vec())))
            .collect()
    }

    #[test]
    fn falls_back_key_by_key_with_a_warning() {
        let f = files(&[("en/ui.ftl", "a = A\nb = B\n"), ("pt-BR/ui.ftl", "a = Á\n")]);
        let i = I18n::from_layers(Path::new("/c/content"), &[f], &["en", "pt-BR"], "en")
            .expect("loads");
        assert_eq!(i.text("pt-BR", "a"), "Á");
        assert_eq!(i.text("pt-BR", "b"), "B");
        let w = i.warnings(&Files::default());
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("`b`"));
    }

    #[test]
    fn a_language_reads_the_strings_of_its_regional_variant() {
        let f = files(&[("en/ui.ftl", "a = A\n"), ("pt-BR/ui.ftl", "a = Á\n")]);
        let i = I18n::from_layers(Path::new("/c"), &[f], &["en", "pt"], "en").expect("loads");
        assert_eq!(i.text("pt", "a"), "Á");
        assert!(i.warnings(&Files::default()).is_empty());
    }

    #[test]
    fn missing_strings_come_from_the_fallback_chain() {
        let f = files(&[
            ("en/ui.ftl", "a = A\nb = B\nc = C\n"),
            ("pt-BR/ui.ftl", "a = Á\nb = Bê\n"),
            ("pt-PT/ui.ftl", "a = À\n"),
        ]);
        let chains = BTreeMap::from([(
            "pt-PT".to_string(),
            vec!["pt-BR".to_string(), "en".to_string()],
        )]);
        let i = I18n::from_layers(Path::new("/c"), &[f], &["en", "pt-BR", "pt-PT"], "en")
            .expect("loads")
            .with_fallbacks(chains);
        assert_eq!(i.text("pt-PT", "a"), "À");
        assert_eq!(i.text("pt-PT", "b"), "Bê");
        assert_eq!(i.text("pt-PT", "c"), "C");
        // pt-BR has no chain of its own: the default language.
        assert_eq!(i.text("pt-BR", "c"), "C");
        let w: Vec<String> = i
            .warnings(&Files::default())
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert!(
            w.iter()
                .any(|m| m.contains("`b` is missing in pt-PT; using pt-BR")),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|m| m.contains("`c` is missing in pt-PT; using en")),
            "{w:?}"
        );
    }

    #[test]
    fn plural_messages_reach_scripts_as_forms_per_category() {
        let ru = "n =\n    { $count ->\n        [one] { $count } результат на { $language }\n        [few] { $count } результата на { $language }\n        [many] { $count } результатов на { $language }\n       *[other] { $count } результата на { $language }\n    }\nplain = Поиск\n";
        let f = files(&[
            ("en/ui.ftl", "n = { $count } x\nplain = Search\n"),
            ("ru/ui.ftl", ru),
        ]);
        let i = I18n::from_layers(Path::new("/c"), &[f], &["en", "ru"], "en").expect("loads");
        let table = i.table("ru");
        let forms: serde_json::Value = serde_json::from_str(&table["n"]).expect("JSON");
        assert_eq!(forms["one"], "{$count} результат на {$language}");
        assert_eq!(forms["few"], "{$count} результата на {$language}");
        assert_eq!(forms["many"], "{$count} результатов на {$language}");
        assert_eq!(table["plain"], "Поиск");
        // English selects nothing: its text as it is.
        assert_eq!(i.table("en")["n"], "{$count} x");
    }

    #[test]
    fn plural_forms_keep_other_numbers_and_regional_tags_their_rules() {
        let ru = "n =\n    { $count ->\n        [one] { $count } результат\n        [few] { $count } результата\n       *[many] { $count } результатов (топ 100)\n    }\n";
        let f = files(&[("en/ui.ftl", "n = { $count } x\n"), ("ru-RU/ui.ftl", ru)]);
        let i = I18n::from_layers(Path::new("/c"), &[f], &["en", "ru-RU"], "en").expect("loads");
        let forms: serde_json::Value = serde_json::from_str(&i.table("ru-RU")["n"]).expect("JSON");
        assert_eq!(forms["few"], "{$count} результата");
        assert_eq!(forms["many"], "{$count} результатов (топ 100)");
        assert_eq!(
            placeholder("1 result (top 100)", "1").as_deref(),
            Some("{$count} result (top 100)")
        );
        assert_eq!(placeholder("100 of 100", "100"), None);
        assert_eq!(
            placeholder("نتيجة واحدة", "1").as_deref(),
            Some("نتيجة واحدة")
        );
    }

    #[test]
    fn persian_messages_write_numbers_in_persian_digits() {
        let f = files(&[
            ("en/ui.ftl", "d = { $day } { $year }\n"),
            ("fa/ui.ftl", "d = { $day } دسامبر { $year }\n"),
        ]);
        let i = I18n::from_layers(Path::new("/c"), &[f], &["en", "fa"], "en").expect("loads");
        let args = [("day", "4"), ("year", "2026")];
        assert_eq!(i.text_with("fa", "d", &args), "۴ دسامبر ۲۰۲۶");
        assert_eq!(i.text_with("en", "d", &args), "4 2026");
    }

    #[test]
    fn arguments_without_isolation_marks() {
        let f = files(&[("en/ui.ftl", "hi = Hello { $name }!\n")]);
        let i = I18n::from_layers(Path::new("/c"), &[f], &["en"], "en").expect("loads");
        assert_eq!(i.text_with("en", "hi", &[("name", "Ana")]), "Hello Ana!");
    }

    #[test]
    fn syntax_errors_are_located() {
        let f = files(&[("en/ui.ftl", "ok = fine\n!bad\n")]);
        let err = I18n::from_layers(Path::new("/c"), &[f], &["en"], "en")
            .err()
            .expect("error");
        assert_eq!(err.diagnostics()[0].line, 2);
    }
}
