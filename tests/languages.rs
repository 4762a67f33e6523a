//! A course in five languages and three scripts (en, pt-BR, es, ar, ja): one
//! `[[languages]]` table each, no warnings, valid HTML, Arabic laid out right to left, search
//! in every script and the switcher keeping the section (headless Chromium).

mod common;
use common::*;

/// The fixture with every translation recorded as up to date.
fn five() -> SiteTest {
    let t = SiteTest::fixture("five");
    for chapter in ["01-stages", "02-cache"] {
        for lang in ["pt-BR", "es", "ar", "ja"] {
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

/// The fixture with European Portuguese added: one chapter translated, the other not.
fn with_portugal(extra: &str) -> SiteTest {
    let t = SiteTest::fixture("five");
    let toml = t.read("content/course.toml");
    t.write(
        "content/course.toml",
        &format!(
            "{toml}\n[[languages]]\ncode = \"pt-PT\"\ntitle = \"Builds em várias fases\"\n{extra}"
        ),
    );
    t.write(
        "content/01-stages/pt-PT.md",
        "+++\ntitle = \"Fases\"\n+++\n\nUm Dockerfile em várias fases compila numa fase e entrega outra.\n",
    );
    t
}

#[test]
fn a_missing_translation_falls_back_along_the_languages_chain() {
    // By default pt-PT reads pt-BR (same language) before the default language.
    let t = with_portugal("");
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr()
            .contains("has no pt-PT translation; its pt-PT page shows the pt-BR text"),
        "{}",
        run.stderr()
    );
    let page = t.html("pt-PT/cache/index.html");
    assert_eq!(attr(&one(&page, "html"), "lang"), "pt-PT");
    assert_eq!(attr(&one(&page, ".chapter-body"), "lang"), "pt-BR");
    // The title shown is the pt-BR file's too, and so are the headings in the contents.
    assert_eq!(attr(&one(&page, "h1"), "lang"), "pt-BR");
    assert_eq!(attr(&one(&page, ".page-toc ul"), "lang"), "pt-BR");
    let print = t.html("pt-PT/print/index.html");
    let titles: Vec<String> = all(&print, ".print-chapter-title")
        .iter()
        .map(|h| attr(h, "lang"))
        .collect();
    assert_eq!(titles, ["", "pt-BR"]);
    assert!(
        text(&one(&page, "h1")).contains("Cache"),
        "{}",
        text(&one(&page, "h1"))
    );
    // The translated chapter is its own.
    let own = t.html("pt-PT/stages/index.html");
    assert_eq!(text(&one(&own, "h1")), "Fases");

    // `fallback = []`: straight to the default language.
    let t = with_portugal("fallback = []\n");
    assert!(t.docent(&["build"]).ok());
    let page = t.html("pt-PT/cache/index.html");
    assert_eq!(attr(&one(&page, ".chapter-body"), "lang"), "en");

    // Any order an author likes, checked against the course's languages.
    let t = with_portugal("fallback = [\"es\", \"pt-BR\"]\n");
    assert!(t.docent(&["build"]).ok());
    let page = t.html("pt-PT/cache/index.html");
    assert_eq!(attr(&one(&page, ".chapter-body"), "lang"), "es");

    let t = with_portugal("fallback = [\"pt-br\"]\n");
    let run = t.docent(&["build"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    let lines = t.read("content/course.toml");
    let line = lines
        .lines()
        .position(|l| l.starts_with("fallback"))
        .map(|n| n + 1)
        .expect("fallback line");
    assert!(
        run.stderr().contains(&format!("course.toml:{line}:13")),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("did you mean `pt-BR`?"),
        "{}",
        run.stderr()
    );
    assert!(!t.path("site").exists());
}

#[test]
fn persian_pages_write_numbers_in_persian_digits() {
    let t = SiteTest::fixture("five");
    let toml = t.read("content/course.toml");
    t.write(
        "content/course.toml",
        &format!("{toml}\n[[languages]]\ncode = \"fa\"\ntitle = \"ساخت چندمرحله‌ای\"\n"),
    );
    t.build();
    let page = t.html("fa/cache/index.html");
    let numbers: Vec<String> = all(&page, ".nav-number").iter().map(text).collect();
    assert_eq!(numbers, ["۱.", "۲."]);
    let label = text(&one(&page, ".chapter-number"));
    assert!(label.contains('۲') && !label.contains('2'), "{label}");
    assert_eq!(attr(&one(&page, "html"), "data-zero"), "۰");
    // Latin digits stay Latin elsewhere.
    let en = t.html("en/cache/index.html");
    assert_eq!(text(&one(&en, ".chapter-number")), "Chapter 2");
    assert!(all(&en, "html[data-zero]").is_empty());
}

#[test]
fn search_finds_words_in_hindi_korean_and_chinese() {
    if !browser::available() {
        return;
    }
    let t = SiteTest::fixture("five");
    let toml = t.read("content/course.toml");
    let mut extra = String::new();
    for (code, title) in [
        ("hi", "मल्टी-स्टेज बिल्ड"),
        ("ko", "멀티 스테이지 빌드"),
        ("zh-CN", "多阶段构建"),
    ] {
        extra.push_str(&format!(
            "\n[[languages]]\ncode = \"{code}\"\ntitle = \"{title}\"\nfallback = []\n"
        ));
    }
    t.write("content/course.toml", &format!("{toml}{extra}"));
    let chapter = |title: &str, intro: &str, heading: &str, body: &str| {
        format!("+++\ntitle = \"{title}\"\n+++\n\n{intro}\n\n## {heading}\n\n{body}\n")
    };
    t.write(
        "content/01-stages/hi.md",
        &chapter(
            "स्टेज",
            "कंपाइलर बिल्ड स्टेज में रह जाता है, इसलिए इमेज छोटी होती है।",
            "कॉपी",
            "यह काम `COPY --from` करता है।",
        ),
    );
    t.write(
        "content/01-stages/ko.md",
        &chapter(
            "스테이지",
            "컴파일러는 빌드 스테이지에 남고 최종 이미지는 작아집니다.",
            "복사",
            "마지막 스테이지는 `COPY --from`으로 바이너리만 가져옵니다.",
        ),
    );
    t.write(
        "content/01-stages/zh-CN.md",
        &chapter(
            "阶段",
            "编译器留在构建阶段，最终镜像更小也更安全。",
            "复制",
            "最后一个阶段用 `COPY --from` 只取二进制文件。",
        ),
    );
    t.build();
    let cases = serde_json::json!([
        // काम (work) is in the text, कम (less) is not: a vowel sign makes another word.
        ["hi", "स्टेज", "/hi/stages/"],
        ["hi", "काम", "/hi/stages/#"],
        ["hi", "कम", ""],
        // Korean words with their particles attached, Chinese without spaces.
        ["ko", "바이너리", "/ko/stages/#"],
        ["ko", "이미지", "/ko/stages/"],
        ["zh-CN", "二进制", "/zh-CN/stages/#"],
        ["zh-CN", "镜像", "/zh-CN/stages/"],
        ["zh-CN", "镜", "/zh-CN/stages/"],
        ["zh-CN", "数据库", ""],
    ]);
    browser::run(
        "search_cases.mjs",
        &[&t.path("site").display().to_string(), &cases.to_string()],
    );
}
