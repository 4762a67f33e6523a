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
        assert_eq!(attr(&kw, "tabindex"), "0", "reachable by keyboard");
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
    // The external image is drawn as such, and the map has a text alternative.
    assert_eq!(block.select(&sel(".dep-external")).count(), 1);
    let svg = block.select(&sel(".stage-map svg")).next().expect("svg");
    assert_eq!(attr(&svg, "role"), "img");
    let desc = block.select(&sel(".stage-map desc")).next().expect("desc");
    assert!(
        text(&desc).contains("deps") && text(&desc).contains("final"),
        "{}",
        text(&desc)
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
    assert_eq!(marked(&sides[0], "del"), ["1"]);
    assert_eq!(marked(&sides[1], "ins"), ["1", "5", "6", "7"]);
    assert!(lines_of(&sides[0])[0].starts_with("FROM golang"));
    assert!(!text(&one(&doc, ".compare-legend")).is_empty());
}

#[test]
fn charts_are_svg_with_localized_numbers_and_a_table() {
    let t = built();
    for (page, big, small) in [
        ("en/blocks/index.html", "1,100 MB", "12.5 MB"),
        ("pt-BR/blocks/index.html", "1.100 MB", "12,5 MB"),
    ] {
        let doc = t.html(page);
        let chart = one(&doc, "[data-chart]");
        let values: Vec<String> = chart
            .select(&sel("svg .bar-value"))
            .map(|v| text(&v))
            .collect();
        assert_eq!(values, [big, small], "{page}");
        let widths: Vec<f64> = chart
            .select(&sel("svg .bar-rect"))
            .map(|r| attr(&r, "width").parse().expect("width"))
            .collect();
        assert!(
            widths[0] > widths[1] * 50.0,
            "bars are proportional: {widths:?}"
        );
        let rows: Vec<String> = chart
            .select(&sel("table tbody tr"))
            .map(|r| text(&r))
            .collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[1].ends_with(small.trim_end_matches(" MB")), "{rows:?}");
        assert!(
            !attr(
                &chart.select(&sel("svg")).next().expect("svg"),
                "aria-label"
            )
            .is_empty()
        );
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
            "en.md:6:1",
            "question 1",
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
