//! A course in five languages and three scripts (en, pt-BR, de, ar, ja): one
//! `[[languages]]` table each, no warnings, valid HTML, Arabic laid out right to left, search
//! in every script and the switcher keeping the section (headless Chromium).

mod common;
use common::*;

/// The fixture with every translation recorded as up to date.
fn five() -> SiteTest {
    let t = SiteTest::fixture("five");
    for chapter in ["01-stages", "02-cache"] {
        for lang in ["pt-BR", "de", "ar", "ja"] {
            let run = t.docent(&["translate", "done", chapter, lang]);
            assert!(run.ok(), "{}", run.stderr());
        }
    }
    t
}

#[test]
fn five_languages_build_without_a_warning() {
    let t = five();
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    assert!(
        run.stderr().contains("built 5 languages"),
        "{}",
        run.stderr()
    );
    let ar = t.html("ar/stages/index.html");
    assert_eq!(attr(&one(&ar, "html"), "dir"), "rtl");
    assert_eq!(attr(&one(&ar, "html"), "lang"), "ar");
    // Bundled strings, not English ones.
    assert_ne!(text(&one(&ar, ".skip-link")), "Skip to content");
    assert_ne!(
        text(&one(&t.html("ja/stages/index.html"), ".skip-link")),
        "Skip to content"
    );
    assert_eq!(
        attr(&one(&t.html("ja/stages/index.html"), "html"), "dir"),
        "ltr"
    );
    let check = t.docent(&["check"]);
    assert_eq!(check.code(), Some(0), "{}", check.stdout());

    if let Some(errors) = vnu::errors(&[&t.path("site")]) {
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}

#[test]
fn five_languages_in_a_real_browser() {
    if !browser::available() {
        return;
    }
    let t = five();
    t.build();
    let shots = repo_root().join("target/screenshots/languages");
    browser::run(
        "languages.mjs",
        &[
            &t.path("site").display().to_string(),
            &shots.display().to_string(),
        ],
    );
}
