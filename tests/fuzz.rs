//! Property tests: arbitrary bytes and arbitrary Markdown, front matter, Dockerfiles, info
//! strings, charts and quizzes go through the parsers and the whole pipeline. Nothing may
//! panic, and memory must stay bounded (a line range of a billion lines once took 13 GB).
//! The number of cases is bounded for CI; set PROPTEST_CASES for a longer run.

use proptest::prelude::*;
use std::path::Path;

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Peak resident memory of this test process so far, in MiB.
fn peak_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|n| n.parse::<u64>().ok())
            })
        })
        .map_or(0, |kib| kib / 1024)
}

/// Numbers an attacker would pick: zero, one, the edges of the integer types.
fn nasty_number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("1".to_string()),
        Just("-1".to_string()),
        Just("4294967295".to_string()),
        Just("18446744073709551615".to_string()),
        Just("99999999999999999999999".to_string()),
        Just("1e308".to_string()),
        Just("NaN".to_string()),
        (0u64..50).prop_map(|n| n.to_string()),
    ]
}

/// An info string: a language (or none) and attributes, known and unknown, quoted or not.
fn info_string() -> impl Strategy<Value = String> {
    let lang = prop_oneof![
        Just(String::new()),
        Just("dockerfile".to_string()),
        Just("rust,ignore".to_string()),
        Just("console".to_string()),
        Just("{.python}".to_string()),
        "[a-z+#-]{0,8}",
    ];
    let attr = prop_oneof![
        (nasty_number(), nasty_number()).prop_map(|(a, b)| format!("hl_lines=\"{a}-{b}\"")),
        nasty_number().prop_map(|a| format!("hl_lines=\"{a}\"")),
        Just("linenums".to_string()),
        Just("annotate".to_string()),
        Just("compare".to_string()),
        Just("nomap".to_string()),
        Just("src=\"\"".to_string()),
        Just("src=\"../../etc/passwd\"".to_string()),
        Just("src=\"Dockerfile\"".to_string()),
        Just("title=\"unclosed".to_string()),
        "[a-z_]{1,6}=\"[^\"\n]{0,8}\"",
        "[ -~]{0,12}",
    ];
    (lang, prop::collection::vec(attr, 0..4)).prop_map(|(l, a)| format!("{l} {}", a.join(" ")))
}

/// Dockerfile-looking text: instructions, continuations, heredocs, directives, junk.
fn dockerfile_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("# syntax=docker/dockerfile:1".to_string()),
        Just("# escape=`".to_string()),
        "FROM [a-z:.0-9]{1,12}( AS [a-z]{1,5})?",
        "COPY --from=[a-z0-9]{0,5} /[a-z]{0,5} /[a-z]{0,5}",
        "RUN --mount=type=cache,target=/[a-z]{1,5}(,from=[a-z]{1,4})? [a-z ]{0,10}",
        "RUN <<[A-Z]{1,3}",
        "[A-Z]{1,4}",
        "ARG [A-Z]{1,4}(=[a-z]{0,4})?",
        "FROM \\$\\{[A-Z]{1,3}:-[a-z]{0,3}\\}",
        Just("\\".to_string()),
        Just("`".to_string()),
        Just("[\"/bin/sh\", \"-c\"".to_string()),
        "[ -~]{0,20}",
    ];
    prop::collection::vec(line, 0..12).prop_map(|l| l.join("\n"))
}

/// A chapter body assembled from Markdown pieces docent treats specially.
fn markdown_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[ -~\n]{0,40}",
        "\\PC{0,30}",
        any::<String>(),
        "#{1,7} [ -~]{0,12}",
        (info_string(), dockerfile_text()).prop_map(|(i, d)| format!("```{i}\n{d}\n```\n")),
        dockerfile_text().prop_map(|d| format!(
            "```dockerfile annotate\n{d}\n```\n\n1. `FROM` — a note\n2. `{}` — another\n",
            d.lines().next().unwrap_or("")
        )),
        (dockerfile_text(), dockerfile_text()).prop_map(|(a, b)| format!(
            "```dockerfile compare\n{a}\n```\n\n```dockerfile compare\n{b}\n```\n"
        )),
        prop::collection::vec(("[a-z :]{0,10}", nasty_number()), 0..4).prop_map(|bars| {
            let body: Vec<String> = bars.into_iter().map(|(l, n)| format!("{l}: {n}")).collect();
            format!("```chart unit=\"MB\"\n{}\n```\n", body.join("\n"))
        }),
        (nasty_number(), "[ -~]{0,10}").prop_map(|(n, c)| format!(
            "```quiz\n[[question]]\nprompt = \"{c}\"\nchoices = [\"a\", \"b\"]\nanswer = {n}\n```\n"
        )),
        "```quiz\n[ -~\n]{0,30}\n```\n",
        Just("> [!WARNING]\n> careful\n".to_string()),
        Just("> [!NOPE]\n".to_string()),
        "\\[[a-z]{0,5}\\]\\((\\.\\./)?[a-z0-9/#.-]{0,20}\\)",
        "!\\[[a-z]{0,3}\\]\\([a-z./]{0,12}\\)",
        "[0-9]{1,3}\\. `[ -~]{0,8}` — [a-z]{0,6}",
        Just("<script>alert(1)</script>".to_string()),
        Just("[^1]\n\n[^1]: note".to_string()),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.join("\n\n"))
}

/// Front matter, valid or not, TOML or YAML, closed or not.
fn front_matter() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,20}"
            .prop_map(|t| format!("+++\ntitle = \"{}\"\n+++\n", t.replace(['"', '\\'], ""))),
        "[ -~\n]{0,40}".prop_map(|m| format!("+++\n{m}\n+++\n")),
        "[ -~\n]{0,40}".prop_map(|m| format!("---\n{m}\n---\n")),
        "[a-z]{0,8}"
            .prop_map(|s| format!("+++\ntitle = \"T\"\nslug = \"{s}\"\ndraft = false\n+++\n")),
        Just("+++\ntitle = \"T\"\n".to_string()),
        Just("\u{feff}+++\ntitle = \"T\"\n+++\n".to_string()),
        "[ -~\n]{0,20}",
        "\\PC{0,30}",
    ]
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn the_dockerfile_parser_takes_anything(text in dockerfile_text(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = docent::dockerfile::parse(&text);
        let _ = docent::dockerfile::parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn info_strings_and_line_ranges_take_anything(info in info_string(), spec in "[ -~]{0,30}", len in 0usize..100) {
        let _ = docent::markdown::info::Info::parse(&info);
        if let Ok(lines) = docent::markdown::info::parse_line_ranges(&spec, len) {
            prop_assert!(lines.iter().all(|&l| l >= 1 && l <= len));
        }
    }

    #[test]
    fn front_matter_takes_anything(matter in front_matter(), body in "[ -~\n]{0,40}") {
        let text = format!("{matter}{body}");
        match docent::load::parse_source(&text, Path::new("en.md")) {
            Ok(_) => {}
            Err(e) => {
                for d in e.diagnostics() {
                    prop_assert!(d.line >= 1, "unlocated: {d}");
                }
            }
        }
    }

    #[test]
    fn charts_and_quizzes_take_anything(body in "[ -~\n]{0,80}") {
        let _ = docent::markdown::chart::parse(&body);
        let _ = docent::markdown::quiz::parse(&body);
    }
}

proptest! {
    #![proptest_config(cases(48))]

    /// Whole chapters through load, Markdown, rendering and checking, in memory.
    #[test]
    fn the_pipeline_takes_any_chapter(matter in front_matter(), body in markdown_text(), translated in markdown_text()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("01-a")).expect("mkdir");
        std::fs::write(
            content.join("course.toml"),
            "base_url = \"https://example.org/\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\ntitle = \"T\"\n[[languages]]\ncode = \"pt-BR\"\nname = \"Português\"\ntitle = \"T\"\n",
        ).expect("course.toml");
        std::fs::write(content.join("01-a/Dockerfile"), "FROM alpine:3.23\nRUN true\n").expect("Dockerfile");
        std::fs::write(content.join("01-a/en.md"), format!("{matter}{body}")).expect("en.md");
        std::fs::write(content.join("01-a/pt-BR.md"), format!("+++\ntitle = \"T\"\n+++\n{translated}")).expect("pt-BR.md");
        match docent::build(&content, &Default::default()) {
            Ok(build) => prop_assert!(build.site.get("en/index.html").is_some()),
            Err(e) => {
                for d in e.diagnostics() {
                    prop_assert!(!d.message.is_empty());
                }
            }
        }
        let _ = docent::check::run(&content, false);
        prop_assert!(peak_mib() < 2048, "peak memory {} MiB", peak_mib());
    }
}
