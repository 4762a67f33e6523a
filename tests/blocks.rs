//! Teaching blocks: Dockerfile markup, annotations, stage maps, compare, charts, quizzes.

mod common;
use common::*;

fn built() -> SiteTest {
    let t = SiteTest::fixture("blocks");
    t.build();
    t
}

fn lines_of(e: &scraper::ElementRef<'_>) -> Vec<String> {
    e.select(&sel(".line")).map(|l| text(&l)).collect()
}

#[test]
fn dockerfile_instructions_carry_keyword_and_line_span() {
    let t = built();
    let doc = t.html("en/blocks/index.html");
    let block = all(&doc, "[data-dockerfile]")[0];
    let found: Vec<(String, String)> = block
        .select(&sel("[data-instruction]"))
        .map(|e| (attr(&e, "data-instruction"), attr(&e, "data-lines")))
        .collect();
    let expected = [
        ("ARG", "2-2"),
        ("FROM", "3-3"),
        ("WORKDIR", "4-4"),
        ("COPY", "5-5"),
        ("RUN", "6-6"),
        ("FROM", "8-8"),
        ("COPY", "9-9"),
        ("RUN", "10-12"),
        ("FROM", "14-14"),
        ("COPY", "15-15"),
        ("COPY", "16-16"),
        ("USER", "17-17"),
        ("ENTRYPOINT", "18-18"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect();
    assert_eq!(found, expected);
    // The multi-line RUN wraps its three source lines.
    let run = block
        .select(&sel("[data-lines='10-12']"))
        .next()
        .expect("RUN");
    assert_eq!(run.select(&sel(".line")).count(), 3);
}

#[test]
fn keywords_explain_themselves_in_the_page_language() {
    let t = built();
    for (page, word) in [
        ("en/blocks/index.html", "build stage"),
        ("pt-BR/blocks/index.html", "estágio"),
    ] {
        let doc = t.html(page);
        let kw = all(&doc, "[data-instruction=FROM] .kw")[0];
        assert_eq!(text(&kw), "FROM");
        // Not a tab stop of its own: the code block is, and ↓ reaches the keyword from it
        // (the browser test presses the keys).
        assert_eq!(
            attr(&kw, "tabindex"),
            "-1",
            "reachable by script focus only"
        );
        assert!(
            attr(&kw, "data-tip").contains(word),
            "{page}: {}",
            attr(&kw, "data-tip")
        );
        let described = attr(&kw, "aria-describedby");
        let def = one(&doc, &format!("#{described}"));
        assert_eq!(text(&def), attr(&kw, "data-tip"));
    }
}

#[test]
fn annotations_number_lines_and_link_both_ways() {
    let t = built();
    let doc = t.html("en/blocks/index.html");
    let block = all(&doc, "[data-dockerfile]")[0];
    let block_id = attr(&block, "id");
    let markers: Vec<(String, String)> = block
        .select(&sel(".annotation-marker"))
        .map(|m| {
            let line = m
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .find(|e| e.value().classes().any(|c| c == "line"))
                .map(|l| attr(&l, "id"))
                .unwrap_or_default();
            (attr(&m, "data-n"), line)
        })
        .collect();
    let expected: Vec<(String, String)> = [(1, 3), (2, 8), (3, 11), (4, 15), (5, 16)]
        .iter()
        .map(|(n, l)| (n.to_string(), format!("{block_id}-L{l}")))
        .collect();
    assert_eq!(markers, expected);
    let notes = all(&doc, &format!(".annotations[data-block={block_id}] li"));
    assert_eq!(notes.len(), 5);
    for (i, m) in block.select(&sel(".annotation-marker")).enumerate() {
        let target = attr(&m, "href");
        let note = one(&doc, &target);
        assert_eq!(text(&note), (i + 1).to_string());
        let back = attr(&note, "href");
        assert_eq!(
            back,
            format!("#{}", expected[i].1),
            "note links back to its line"
        );
        assert!(!all(&doc, &back).is_empty());
        assert!(!attr(&m, "aria-label").is_empty());
    }
    // Annotations work for any language, not only Dockerfiles.
    let yaml = one(&doc, "[data-lang=yaml]");
    let marker = yaml
        .select(&sel(".annotation-marker"))
        .next()
        .expect("yaml marker");
    assert_eq!(attr(&marker, "data-n"), "1");
    // The file shown is still byte-for-byte the file on disk.
    let code: String = block
        .select(&sel("code"))
        .next()
        .expect("code")
        .text()
        .collect();
    assert_eq!(
        code,
        t.read("content/01-blocks/Dockerfile")
            .trim_end_matches('\n')
    );
}

#[test]
fn stage_map_shows_stages_dependencies_and_the_final_image() {
    let t = built();
    let doc = t.html("en/blocks/index.html");
    let block = all(&doc, "[data-dockerfile]")[0];
    let stages: Vec<(String, String, bool)> = block
        .select(&sel(".stage-map [data-stage]"))
        .map(|s| {
            (
                attr(&s, "data-stage"),
                attr(&s, "data-base"),
                s.value().attr("data-final").is_some(),
            )
        })
        .collect();
    assert_eq!(
        stages,
        [
            ("deps".into(), "golang:1.27-alpine".into(), false),
            ("build".into(), "deps".into(), false),
            ("2".into(), "scratch".into(), true),
        ]
    );
    let mut deps: Vec<(String, String, String)> = block
        .select(&sel(".stage-map [data-from]"))
        .map(|d| {
            (
                attr(&d, "data-from"),
                attr(&d, "data-to"),
                attr(&d, "data-kind"),
            )
        })
        .collect();
    deps.sort();
    assert_eq!(
        deps,
        [
            ("alpine:3.22".into(), "2".into(), "COPY --from".into()),
            ("build".into(), "2".into(), "COPY --from".into()),
            ("deps".into(), "build".into(), "FROM".into()),
            ("deps".into(), "build".into(), "RUN --mount from".into()),
        ]
    );
    // The external image is marked as such; the map is a captioned list that reads in
    // order without CSS or script: each stage, its base, what it takes and from where.
    assert_eq!(block.select(&sel(".dep-external")).count(), 1);
    let map = block.select(&sel("figure.stage-map")).next().expect("map");
    let caption = map.select(&sel("figcaption")).next().expect("caption");
    assert_eq!(attr(&map, "aria-labelledby"), attr(&caption, "id"));
    let cards: Vec<String> = map
        .select(&sel("ol.stage-list > li"))
        .map(|s| text(&s))
        .collect();
    assert_eq!(cards.len(), 3);
    assert!(
        cards[1].contains("build") && cards[1].contains("FROM deps"),
        "{cards:?}"
    );
    assert!(
        cards[2].contains("final image")
            && cards[2].contains("COPY --from build")
            && cards[2].contains("COPY --from alpine:3.22 external image"),
        "{cards:?}"
    );
    // Every line has an anchor so a stage can light up its lines.
    assert!(!all(&doc, &format!("#{}-L14", attr(&block, "id"))).is_empty());
    // `nomap` opts out; a one-stage Dockerfile has no map.
    let nomap = all(&doc, "[data-dockerfile]")[3];
    assert!(nomap.select(&sel(".stage-map")).next().is_none());
    let single = all(&doc, "[data-dockerfile]")[1];
    assert!(single.select(&sel(".stage-map")).next().is_none());
}

#[test]
fn compare_blocks_sit_side_by_side_with_marked_lines() {
    let t = built();
    let doc = t.html("en/blocks/index.html");
    let compare = one(&doc, ".compare");
    let sides: Vec<_> = compare.select(&sel(".compare-side")).collect();
    assert_eq!(sides.len(), 2);
    let titles: Vec<String> = sides
        .iter()
        .map(|s| text(&s.select(&sel("figcaption span")).next().expect("title")))
        .collect();
    assert_eq!(titles, ["Dockerfile.single", "Dockerfile.multi"]);
    let marked = |side: &scraper::ElementRef<'_>, sel_: &str| -> Vec<String> {
        side.select(&sel(".line"))
            .enumerate()
            .filter(|(_, l)| l.select(&sel(sel_)).next().is_some())
            .map(|(i, _)| (i + 1).to_string())
            .collect()
    };
    // Rows: the two sides have as many rows, fillers where only the other side has a line;
    // the blank line between the stages carries no sign.
    let rows = |side: &scraper::ElementRef<'_>| side.select(&sel(".line")).count();
    assert_eq!(rows(&sides[0]), rows(&sides[1]));
    assert_eq!(marked(&sides[0], "del"), ["1"]);
    assert_eq!(marked(&sides[1], "ins"), ["1", "6", "7"]);
    let fillers: Vec<usize> = sides[0]
        .select(&sel(".line"))
        .enumerate()
        .filter(|(_, l)| attr(l, "class").contains("filler"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(
        fillers,
        [5, 6, 7],
        "left rows facing lines only the right has"
    );
    assert!(lines_of(&sides[0])[0].starts_with("FROM golang"));
    assert!(!text(&one(&doc, ".compare-legend")).is_empty());
    // The unified view lists removed, then added, then shared lines, each marked once.
    let unified: Vec<(String, String)> = compare
        .select(&sel(".compare-unified .line"))
        .map(|l| (attr(&l, "data-diff"), text(&l)))
        .collect();
    assert_eq!(unified.len(), 9, "{unified:?}");
    assert_eq!(unified[0].0, "diff-removed");
    assert_eq!(
        unified[1],
        (
            "diff-added".to_string(),
            "FROM golang:1.27-alpine AS build".to_string()
        )
    );
    // The right side's stage map sits under the pair, not inside one of the sides.
    assert!(sides[1].select(&sel(".stage-map")).next().is_none());
    assert_eq!(compare.select(&sel(":scope > .stage-map")).count(), 1);
}

#[test]
fn charts_have_localized_numbers_proportional_bars_and_a_table() {
    let t = built();
    for (page, big, small, first) in [
        (
            "en/blocks/index.html",
            "1,100 MB",
            "12.5 MB",
            "single stage",
        ),
        (
            "pt-BR/blocks/index.html",
            "1.100 MB",
            "12,5 MB",
            "estágio único",
        ),
    ] {
        let doc = t.html(page);
        let chart = all(&doc, "[data-chart]")[0];
        let values: Vec<String> = chart.select(&sel(".bar-value")).map(|v| text(&v)).collect();
        assert_eq!(values, [big, small], "{page}");
        let labels: Vec<String> = chart.select(&sel(".bar-label")).map(|v| text(&v)).collect();
        assert_eq!(labels, [first, "multi-stage"], "whole labels");
        let widths: Vec<f64> = chart
            .select(&sel(".bar-fill"))
            .map(|r| {
                attr(&r, "style")
                    .trim_start_matches("width:")
                    .trim_end_matches('%')
                    .parse()
                    .expect("width")
            })
            .collect();
        assert!(
            (widths[0] - 100.0).abs() < 0.01 && widths[0] > widths[1] * 50.0,
            "bars are proportional: {widths:?}"
        );
        // The bars are drawn for the eye; the table carries the numbers for everyone else.
        assert_eq!(
            attr(
                &chart.select(&sel(".chart-bars")).next().expect("bars"),
                "aria-hidden"
            ),
            "true"
        );
        let rows: Vec<String> = chart
            .select(&sel("table tbody tr"))
            .map(|r| text(&r))
            .collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[1].ends_with(small.trim_end_matches(" MB")), "{rows:?}");
        assert!(chart.select(&sel("table caption")).next().is_some());
    }
}

#[test]
fn quiz_markup_works_without_javascript() {
    let t = built();
    let doc = t.html("pt-BR/blocks/index.html");
    let quiz = one(&doc, "[data-quiz]");
    let q = quiz
        .select(&sel(".quiz-question"))
        .next()
        .expect("question");
    assert_eq!(attr(&q, "data-answer"), "1");
    assert_eq!(q.select(&sel("input[type=radio]")).count(), 2);
    let answer = q
        .select(&sel("details.quiz-answer"))
        .next()
        .expect("answer in details");
    assert!(text(&answer).contains("O último"), "{}", text(&answer));
    assert!(text(&answer).contains("Só o estágio final"));
    assert_eq!(
        text(&q.select(&sel(".quiz-check")).next().expect("button")),
        "Conferir"
    );
    assert_eq!(
        text(&q.select(&sel("details summary")).next().expect("summary")),
        "Ver a resposta"
    );
}

/// Each broken block: a build error naming the chapter file and line.
#[test]
fn teaching_block_errors_name_file_and_line() {
    let header = "+++\ntitle = \"T\"\n+++\n\n";
    let cases: &[(&str, &str, &str)] = &[
        (
            "```dockerfile annotate\nFROM alpine:3.22\nRUN true\n```\n\n1. `FROM alpine:3.22` — base\n2. `CMD nothing` — nope\n",
            "en.md:11:1",
            "note 2: `CMD nothing` matches no line",
        ),
        (
            "```dockerfile annotate\nFROM alpine:3.22\n```\n\nNo list.\n",
            "en.md:5:1",
            "must be followed by a numbered list",
        ),
        (
            "```dockerfile annotate\nFROM a\nFROM b\n```\n\n1. `FROM b` — second\n2. `FROM a` — order matters\n",
            "en.md:11:1",
            "`FROM a` matches no line of the block after line 2",
        ),
        (
            "```dockerfile compare\nFROM a\n```\n\nText between.\n",
            "en.md:5:1",
            "needs a second `compare` block",
        ),
        (
            "```chart unit=\"MB\"\na: 1\nb: lots\n```\n",
            "en.md:7:1",
            "`lots` is not a number",
        ),
        (
            "```quiz\n[[question]]\nprompt = \"p\"\nchoices = [\"a\"]\nanswer = 3\n```\n",
            "en.md:8:1",
            "question 1: needs two or more `choices`",
        ),
    ];
    for (body, location, message) in cases {
        let t = SiteTest::fixture("blocks");
        t.write("content/01-blocks/en.md", &format!("{header}{body}"));
        let run = t.docent(&["build"]);
        let err = run.stderr();
        assert_eq!(run.code(), Some(1), "{body}\n{err}");
        assert!(err.contains(location), "expected {location} in:\n{err}");
        assert!(err.contains(message), "expected `{message}` in:\n{err}");
    }
}

#[test]
fn teaching_blocks_work_in_a_real_browser() {
    if !browser::available() {
        return;
    }
    let t = built();
    browser::run("blocks.mjs", &[&t.path("site").display().to_string()]);
}

#[test]
fn blocks_read_well_on_a_phone_and_a_laptop_in_both_themes() {
    if !browser::available() {
        return;
    }
    let blocks = built();
    let course = SiteTest::bundled();
    course.build();
    let many = SiteTest::fixture("basic");
    for i in 4..=120 {
        many.write(
            &format!("content/{i:03}-chapter-{i}/en.md"),
            &format!("+++\ntitle = \"Chapter number {i}\"\n+++\n\nText.\n"),
        );
    }
    many.build();
    // Screenshots of every block at 390 and 1280 px, light and dark (git ignores target/).
    let shots = repo_root().join("target/screenshots/blocks");
    browser::run(
        "design.mjs",
        &[
            &blocks.path("site").display().to_string(),
            &course.path("site").display().to_string(),
            &shots.display().to_string(),
            &many.path("site").display().to_string(),
        ],
    );
    assert!(shots.join("en-stress-compare-390-dark.png").is_file());
}

#[test]
fn bundled_course_uses_every_block_type_in_both_languages() {
    let t = SiteTest::bundled();
    t.build();
    for lang in ["en", "pt-BR"] {
        let mut seen = std::collections::BTreeMap::new();
        for (path, bytes) in t.tree(&format!("site/{lang}")) {
            if !path.ends_with("index.html") || path.starts_with("print") {
                continue;
            }
            let doc = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
            for (name, selector) in [
                ("annotations", ".annotation-marker"),
                ("stage map", ".stage-map [data-stage]"),
                ("compare", ".compare"),
                ("chart", "[data-chart]"),
                ("quiz", "[data-quiz]"),
                ("table", ".chapter-body table"),
                ("alert", ".markdown-alert"),
                ("glossary", ".kw[data-tip]"),
            ] {
                *seen.entry(name).or_insert(0) += all(&doc, selector).len();
            }
        }
        for (name, count) in &seen {
            assert!(*count > 0, "{lang}: the bundled course uses no {name}");
        }
    }
}
