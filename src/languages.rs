//! What docent knows about languages, in one table: each bundled language's own name (for
//! the switcher), its writing direction, and which bundled strings a course language
//! uses. A language not in the table still works: its direction comes from its primary
//! subtag or script, and its strings from the closest bundled language or the default.

/// Left-to-right or right-to-left text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Latin, Cyrillic, CJK, Devanagari…
    Ltr,
    /// Arabic, Hebrew, Persian…
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One bundled language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info {
    /// BCP 47 tag, also the folder of its strings under `i18n/`.
    pub tag: &'static str,
    /// The language's name for itself, as the switcher shows it.
    pub name: &'static str,
    /// Writing direction.
    pub direction: Direction,
}

const fn ltr(tag: &'static str, name: &'static str) -> Info {
    Info {
        tag,
        name,
        direction: Direction::Ltr,
    }
}

const fn rtl(tag: &'static str, name: &'static str) -> Info {
    Info {
        tag,
        name,
        direction: Direction::Rtl,
    }
}

/// Every language docent ships UI strings for.
pub const BUNDLED: &[Info] = &[
    ltr("en", "English"),
    ltr("pt-BR", "Português (Brasil)"),
    ltr("pt-PT", "Português (Portugal)"),
    ltr("es", "Español"),
    ltr("fr", "Français"),
    ltr("de", "Deutsch"),
    ltr("it", "Italiano"),
    ltr("nl", "Nederlands"),
    ltr("pl", "Polski"),
    ltr("ru", "Русский"),
    ltr("uk", "Українська"),
    ltr("tr", "Türkçe"),
    rtl("ar", "العربية"),
    rtl("he", "עברית"),
    rtl("fa", "فارسی"),
    ltr("hi", "हिन्दी"),
    ltr("ja", "日本語"),
    ltr("ko", "한국어"),
    ltr("zh-CN", "简体中文"),
    ltr("zh-TW", "繁體中文"),
    ltr("id", "Bahasa Indonesia"),
    ltr("vi", "Tiếng Việt"),
];

/// The primary language subtag, lower case: `pt-BR` → `pt`.
pub fn primary(tag: &str) -> String {
    tag.split('-').next().unwrap_or(tag).to_ascii_lowercase()
}

/// Primary subtags written right to left, beyond the bundled ones.
const RTL_PRIMARY: &[&str] = &["ar", "he", "fa", "ur", "ps", "yi", "dv", "ug", "sd", "ckb"];

/// The bundled language a course language `tag` reads: the same tag (any case), else the
/// same language in the same script (`zh-Hant-HK` → `zh-TW`, `zh-SG` → `zh-CN`), else the
/// first bundled one of the same primary language (`pt` → `pt-BR`, `es-MX` → `es`).
pub fn closest(tag: &str) -> Option<&'static Info> {
    if let Some(exact) = BUNDLED.iter().find(|i| i.tag.eq_ignore_ascii_case(tag)) {
        return Some(exact);
    }
    let lower = tag.to_ascii_lowercase();
    let primary = self::primary(tag);
    if primary == "zh" {
        let traditional = lower
            .split('-')
            .any(|s| matches!(s, "hant" | "tw" | "hk" | "mo"));
        let want = if traditional { "zh-TW" } else { "zh-CN" };
        return BUNDLED.iter().find(|i| i.tag == want);
    }
    BUNDLED.iter().find(|i| self::primary(i.tag) == primary)
}

/// The writing direction of `tag`: the table's, else by primary subtag or an Arabic or
/// Hebrew script subtag.
pub fn direction(tag: &str) -> Direction {
    if let Some(info) = closest(tag) {
        return info.direction;
    }
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split('-');
    let primary = parts.next().unwrap_or("");
    let rtl_script = parts.any(|s| matches!(s, "arab" | "hebr" | "thaa" | "syrc" | "nkoo"));
    if RTL_PRIMARY.contains(&primary) || rtl_script {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// The name the switcher shows for `tag` when `course.toml` gives none.
pub fn native_name(tag: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|i| i.tag.eq_ignore_ascii_case(tag))
        .map(|i| i.name)
}

/// Whether `tag` is written like a language tag (`en`, `pt-BR`, `zh-Hans`, `ast`): a chapter
/// file named so is a language of the chapter; any other `.md` (`CHANGELOG.md`, `FAQ.md`,
/// `how-to.md`) is a file of its own. Tags as they are conventionally written: the language
/// in lower case (two letters, or three that docent knows), a region in capitals or digits,
/// a script capitalised, a variant (five to eight letters or digits, or a digit and three).
pub fn looks_like_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    let language = primary.bytes().all(|b| b.is_ascii_lowercase())
        && (primary.len() == 2 || (primary.len() == 3 && closest(primary).is_some()));
    language
        && parts.all(|p| {
            let b = p.as_bytes();
            match b.len() {
                2 => b.iter().all(u8::is_ascii_uppercase),
                3 => b.iter().all(u8::is_ascii_digit),
                4 if b[0].is_ascii_digit() => b.iter().all(u8::is_ascii_alphanumeric),
                4 => b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase),
                5..=8 => b.iter().all(u8::is_ascii_alphanumeric),
                _ => false,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::looks_like_tag;

    #[test]
    fn chapter_files_named_like_languages() {
        for tag in [
            "en",
            "pt-BR",
            "zh-Hans",
            "zh-Hant-HK",
            "es-419",
            "de-CH-1996",
        ] {
            assert!(looks_like_tag(tag), "{tag}");
        }
        for name in [
            "FAQ",
            "API",
            "how-to",
            "use-cases",
            "CHANGELOG",
            "README",
            "faq",
            "api",
            "notes",
        ] {
            assert!(!looks_like_tag(name), "{name}");
        }
    }

    use super::*;

    #[test]
    fn tags_find_their_bundled_language() {
        assert_eq!(closest("pt-br").map(|i| i.tag), Some("pt-BR"));
        assert_eq!(closest("pt").map(|i| i.tag), Some("pt-BR"));
        assert_eq!(closest("de-AT").map(|i| i.tag), Some("de"));
        assert_eq!(closest("es-MX").map(|i| i.tag), Some("es"));
        assert_eq!(closest("pt-pt").map(|i| i.tag), Some("pt-PT"));
        assert_eq!(closest("zh-Hant-HK").map(|i| i.tag), Some("zh-TW"));
        assert_eq!(closest("zh-SG").map(|i| i.tag), Some("zh-CN"));
        assert_eq!(closest("sw"), None);
    }

    #[test]
    fn directions() {
        assert_eq!(direction("ar"), Direction::Rtl);
        assert_eq!(direction("he-IL"), Direction::Rtl);
        assert_eq!(direction("ur"), Direction::Rtl);
        assert_eq!(direction("pa-Arab"), Direction::Rtl);
        assert_eq!(direction("ja"), Direction::Ltr);
        assert_eq!(direction("sw"), Direction::Ltr);
    }

    /// The message ids of one Fluent file, in order; panics on a syntax error.
    fn ids(path: &std::path::Path) -> Vec<String> {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.clone()) {
            panic!("{}: {errors:?}", path.display());
        }
        text.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    #[test]
    fn every_bundled_language_has_exactly_the_english_keys() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
        let mut checked = 0;
        for entry in std::fs::read_dir(&root).expect("i18n/") {
            let dir = entry.expect("entry").path();
            for file in ["ui.ftl", "glossary.ftl"] {
                let want = ids(&root.join("en").join(file));
                let have = ids(&dir.join(file));
                let missing: Vec<&String> = want.iter().filter(|k| !have.contains(k)).collect();
                let extra: Vec<&String> = have.iter().filter(|k| !want.contains(k)).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "{}/{file}: missing {missing:?}, not in en {extra:?}",
                    dir.display()
                );
            }
            checked += 1;
        }
        assert!(checked >= BUNDLED.len(), "{checked} languages");
    }

    /// Each message's variables (`$count`…) as written in the file.
    fn variables(path: &std::path::Path) -> Vec<(String, std::collections::BTreeSet<String>)> {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut out: Vec<(String, std::collections::BTreeSet<String>)> = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some((id, _)) = line
                .split_once(" =")
                .filter(|_| line.starts_with(|c: char| c.is_ascii_lowercase()))
            {
                out.push((id.trim().to_string(), Default::default()));
            }
            if let Some((_, vars)) = out.last_mut() {
                for piece in line.split("{ $").skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    vars.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn every_bundled_language_keeps_the_variables_of_each_message() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
        for info in BUNDLED {
            for file in ["ui.ftl", "glossary.ftl"] {
                let english = variables(&root.join("en").join(file));
                let theirs = variables(&root.join(info.tag).join(file));
                for ((id, want), (_, have)) in english.iter().zip(&theirs) {
                    let missing: Vec<&String> = want.difference(have).collect();
                    assert!(
                        missing.is_empty(),
                        "{}/{file} `{id}` lacks {missing:?}",
                        info.tag
                    );
                }
            }
        }
    }

    #[test]
    fn every_bundled_language_has_its_strings() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
        for info in BUNDLED {
            assert!(root.join(info.tag).join("ui.ftl").is_file(), "{}", info.tag);
        }
    }
}
