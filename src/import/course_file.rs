//! `course.toml` for an imported book: base URL, repository, the one language, parts and
//! unnumbered chapters, written by hand so the file reads like one a person wrote.

use super::Book;
use super::write::{Plan, slugify};
use crate::error::Diagnostic;

/// A TOML basic string.
pub(super) fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The language's name for itself, for the common tags; the tag otherwise.
fn language_name(code: &str) -> String {
    let name = match code.to_ascii_lowercase().as_str() {
        "en" | "en-us" | "en-gb" => "English",
        "pt-br" => "Português (Brasil)",
        "pt" | "pt-pt" => "Português",
        "es" => "Español",
        "fr" => "Français",
        "de" => "Deutsch",
        "it" => "Italiano",
        "nl" => "Nederlands",
        "pl" => "Polski",
        "ru" => "Русский",
        "uk" => "Українська",
        "tr" => "Türkçe",
        "ja" => "日本語",
        "ko" => "한국어",
        "zh-cn" | "zh-hans" | "zh" => "简体中文",
        "zh-tw" | "zh-hant" => "繁體中文",
        _ => code,
    };
    name.to_string()
}

/// `course.toml` for the book.
pub(super) fn course_toml(book: &Book, plan: &Plan, report: &mut Vec<Diagnostic>) -> String {
    let base_url = match &book.site_url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            format!("{}/", url.trim_end_matches('/'))
        }
        other => {
            let url = format!("https://example.org/{}/", slugify(&book.title));
            let why = match other {
                Some(u) => format!("site-url `{u}` is not an absolute URL"),
                None => "book.toml has no [output.html] site-url".to_string(),
            };
            report.push(
                Diagnostic::warning(
                    &book.toml_path,
                    0,
                    0,
                    format!("{why}; course.toml's base_url is the placeholder {url}"),
                )
                .with_help("set base_url in course.toml to where the course will be published"),
            );
            url
        }
    };
    let mut t = String::from("# Imported from an mdBook by `docent import mdbook`.\n");
    if !book.authors.is_empty() {
        t.push_str(&format!("# authors: {}\n", book.authors.join(", ")));
    }
    t.push_str(&format!("base_url = {}\n", quote(&base_url)));
    if let Some(repo) = &book.repository {
        t.push_str(&format!("repository = {}\n", quote(repo)));
    }
    t.push_str(&format!("default_language = {}\n", quote(&book.language)));
    if !plan.unnumbered.is_empty() {
        t.push_str(&format!("unnumbered = {}\n", list(&plan.unnumbered)));
    }
    t.push_str(&format!(
        "\n[[languages]]\ncode = {}\nname = {}\ntitle = {}\ndescription = {}\n",
        quote(&book.language),
        quote(&language_name(&book.language)),
        quote(&book.title),
        quote(&book.description),
    ));
    for (title, ids) in &plan.parts {
        t.push_str(&format!(
            "\n[[parts]]\ntitle = {}\nchapters = {}\n",
            quote(title),
            list(ids)
        ));
    }
    t
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_toml_strings() {
        for s in ["a \"b\"\\", "it's", "line\nbreak\t\u{7}", "Usando `Box<T>`"] {
            let back: toml::Table = toml::from_str(&format!("x = {}", quote(s))).expect("toml");
            assert_eq!(back["x"].as_str(), Some(s), "{}", quote(s));
        }
        assert_eq!(language_name("pt-BR"), "Português (Brasil)");
        assert_eq!(language_name("xx"), "xx");
    }
}
