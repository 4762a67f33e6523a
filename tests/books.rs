//! Real books brought from elsewhere: info strings with attributes, titles with inline
//! Markdown, parts and nested chapters, single-language courses, authoring mistakes that
//! teach, and messages with the right plurals.

mod common;
use common::*;

/// A one-language course (`en`) with the given chapter folders and texts.
fn course(chapters: &[(&str, &str)]) -> SiteTest {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = SiteTest { dir };
    t.write(
        "content/course.toml",
        "base_url = \"https://example.org/book/\"\n\n[[languages]]\ncode = \"en\"\nname = \"English\"\ntitle = \"The Book\"\n",
    );
    for (dir, text) in chapters {
        t.write(&format!("content/{dir}/en.md"), text);
    }
    t
}

/// The warnings a build printed: each `warning:` line with the lines under it.
fn warnings(stderr: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("warning:") {
            out.push(line.to_string());
        } else if (line.starts_with("  ") || line.starts_with(" ="))
            && let Some(last) = out.last_mut()
        {
            last.push('\n');
            last.push_str(line);
        }
    }
    out
}

#[test]
fn mdbook_info_strings_highlight_and_warn_once() {
    let t = course(&[(
        "01-code",
        "+++\ntitle = \"Code\"\n+++\n\n\
```rust,ignore\n#[derive(Debug)]\nstruct Point { x: i32 }\n# fn main() {\n#\nlet p = Point { x: 1 };\n## not hidden\n# }\n```\n\n\
```rust,noplayground,edition2021\nfn main() {}\n```\n\n\
```console,ignore\n$ cargo run\n   Compiling demo\n```\n\n\
```toml title=\"Cargo.toml\"\n[package]\nname = \"demo\"\n```\n\n\
```sh\necho hi\n```\n\n```yml\na: 1\n```\n\n```ts\nlet a: number = 1;\n```\n\n```py\nx = 1\n```\n\n\
```Containerfile\nFROM alpine\n```\n\n```shell-session\n$ ls\nfile\n```\n\n\
```klingon\nnuqneH\n```\n\n```klingon\nQapla'\n```\n\n```klingon\nbIjatlh\n```\n\n\
```text linenumbers\nplain\n```\n\n```python hidelines=!!!\n!!!import os\nprint(1)\n```\n",
    )]);
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr().contains("built 1 language, 1 chapter, ")
            && run.stderr().contains(", 2 warnings"),
        "plurals follow the numbers: {}",
        run.stderr()
    );
    let w = warnings(&run.stderr());
    assert_eq!(
        w.len(),
        2,
        "exactly the unknown language and attribute: {w:#?}"
    );
    let klingon: Vec<&String> = w.iter().filter(|w| w.contains("`klingon`")).collect();
    assert_eq!(
        klingon.len(),
        1,
        "one warning per language, not per block: {w:#?}"
    );
    assert!(klingon[0].contains("2 more places"), "{}", klingon[0]);
    assert!(
        klingon[0].contains("en.md:"),
        "names the first place: {}",
        klingon[0]
    );
    let attr = w
        .iter()
        .find(|w| w.contains("`linenumbers`"))
        .expect("attribute warning");
    assert!(attr.contains("did you mean `linenums`"), "{attr}");
    assert!(attr.contains("en.md:"), "{attr}");

    let doc = t.html("en/code/index.html");
    // One language: nothing to switch to or choose from.
    assert!(
        all(&doc, ".lang-switcher").is_empty(),
        "no language switcher"
    );
    let root = t.html("index.html");
    let refresh = one(&root, "meta[http-equiv='refresh']");
    assert_eq!(attr_of(&refresh, "content"), "0; url=en/");
    assert!(
        all(&root, ".chooser").is_empty(),
        "no chooser for one language"
    );
    let blocks = all(&doc, ".code-block");
    assert_eq!(blocks.len(), 15);
    let highlighted = |i: usize| {
        blocks[i]
            .select(&sel("pre code span[class^='hl-']"))
            .next()
            .is_some()
    };
    for (i, what) in [
        (0, "rust,ignore"),
        (1, "rust,noplayground"),
        (3, "toml title"),
        (4, "sh"),
        (5, "yml"),
        (6, "ts"),
        (7, "py"),
        (8, "Containerfile"),
        (9, "shell-session"),
        (2, "console,ignore"),
    ] {
        assert!(
            highlighted(i),
            "{what} is highlighted: {}",
            blocks[i].html()
        );
    }
    assert_eq!(attr_of(&blocks[0], "data-lang"), "rust");
    assert_eq!(
        text(&one(&doc, "figure.code-block figcaption.code-title > span")),
        "Cargo.toml"
    );
    // mdBook's hidden lines: `# ` lines and a lone `#` go, `#[derive]` stays, `##` is `#`.
    let rust = text(&blocks[0].select(&sel("pre code")).next().expect("code"));
    assert!(rust.contains("#[derive(Debug)]"), "{rust}");
    assert!(rust.contains("let p = Point"), "{rust}");
    assert!(!rust.contains("fn main"), "{rust}");
    assert!(
        rust.contains("# not hidden") && !rust.contains("## not hidden"),
        "{rust}"
    );
    let python = text(&blocks[14].select(&sel("pre code")).next().expect("code"));
    assert!(
        !python.contains("import os") && python.contains("print(1)"),
        "{python}"
    );
}

/// The first element under `e` matching `s`.
fn inside<'a>(e: &scraper::ElementRef<'a>, s: &str) -> scraper::ElementRef<'a> {
    e.select(&sel(s))
        .next()
        .unwrap_or_else(|| panic!("no {s} in {}", e.html()))
}

fn attr_of(e: &scraper::ElementRef<'_>, name: &str) -> String {
    e.value().attr(name).unwrap_or_default().to_string()
}

#[test]
fn titles_with_inline_markdown_render_as_html_and_read_as_text() {
    let t = course(&[
        ("01-intro", "+++\ntitle = \"Intro\"\n+++\n\nHello.\n"),
        (
            "02-box",
            "+++\ntitle = \"Using `Box<T>` to *point* at the heap\"\ndescription = \"Boxes\"\n+++\n\nBoxes live on the heap.\n",
        ),
        ("03-after", "+++\ntitle = \"After\"\n+++\n\nBye.\n"),
    ]);
    t.build();
    let page = t.html("en/box/index.html");
    let h1 = one(&page, "main h1");
    assert_eq!(text(&h1), "Using Box<T> to point at the heap");
    assert_eq!(text(&inside(&h1, "code")), "Box<T>");
    assert_eq!(text(&inside(&h1, "em")), "point");
    let title = text(&one(&page, "title"));
    assert!(
        title.starts_with("Using Box<T> to point at the heap "),
        "{title}"
    );
    assert!(!title.contains('`') && !title.contains('*'), "{title}");
    for meta in all(
        &page,
        "meta[property='og:title'], meta[name='twitter:title']",
    ) {
        let content = attr(&meta, "content");
        assert!(!content.contains('`'), "{content}");
    }
    let current = one(&page, ".chapter-list a[aria-current='page']");
    assert_eq!(text(&inside(&current, ".nav-title code")), "Box<T>");
    for (rel, sel_) in [
        ("en/intro/index.html", ".pager-next .pager-title code"),
        ("en/after/index.html", ".pager-prev .pager-title code"),
        ("en/index.html", "main li a code"),
        ("en/print/index.html", ".print-chapter-title code"),
    ] {
        let doc = t.html(rel);
        assert_eq!(text(&one(&doc, sel_)), "Box<T>", "{rel} {sel_}");
        assert!(
            !doc.root_element().html().contains("`Box"),
            "{rel} shows backquotes"
        );
    }
    let index = t.read("site/search/en.js");
    assert!(
        index.contains("\"Using Box<T> to point at the heap\""),
        "plain title indexed"
    );
    assert!(!index.contains("`Box"), "no backquotes in the index");
}

/// Each mistake is reported at its file, line and column, in plain words, with the fix.
#[test]
fn authoring_mistakes_are_located_and_explained() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "+++\ntitle = \"A\"\n+++\n\n```dockerfile\nFROM golang:1.22 AS builder\nRUN go build -o /app\n\nFROM alpine AS runtime\nCOPY --from=build /app /app\n```\n",
            "en.md:10:1",
            &[
                "--from=build names no stage",
                "`builder`, `runtime`",
                "did you mean `builder`",
            ],
        ),
        (
            "+++\ntitle = \"A\"\n+++\n\n```quiz\n[[question]]\nprompt = \"Which?\"\nchoices = [\"The first\", \"The last\"]\nanswer = \"The last\"\n```\n",
            "en.md:9:1",
            &["counting from 0", "\"The last\" is choice 1", "answer = 1"],
        ),
        (
            "+++\ntitle = \"A\"\n+++\n\n```quiz\n[[question]]\nprompt = \"Which?\"\nchoices = [\"a\", \"b\"]\nanswer = 2\n```\n",
            "en.md:9:1",
            &["`answer = 2`, but there are only 2 choices", "0 to 1"],
        ),
        (
            "+++\ntitle = \"A\"\ntitel = \"B\"\n+++\n\nText.\n",
            "en.md:3:1",
            &["unknown front matter key `titel`", "did you mean `title`"],
        ),
        (
            "---\ntitle: A\nslugg: a\n---\n\nText.\n",
            "en.md:3:1",
            &["unknown front matter key `slugg`", "did you mean `slug`"],
        ),
    ];
    for (text, location, messages) in cases {
        let t = course(&[("01-a", text)]);
        let run = t.docent(&["build"]);
        let err = run.stderr();
        assert!(err.contains(location), "{location} in:\n{err}");
        for m in *messages {
            assert!(err.contains(m), "{m:?} in:\n{err}");
        }
        assert!(!err.contains("invalid type"), "no serde jargon:\n{err}");
        assert!(
            !err.contains("line 1 column"),
            "no second, inner position:\n{err}"
        );
    }
}

/// A two-language book with a preface, two parts, three levels of sub-chapters and an
/// unnumbered appendix with a sub-chapter.
fn nested_book() -> SiteTest {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = SiteTest { dir };
    t.write(
        "content/course.toml",
        r#"base_url = "https://example.org/book/"
unnumbered = ["00-preface", "99-appendix"]

[[languages]]
code = "en"
name = "English"
title = "The Book"

[[languages]]
code = "pt-BR"
name = "Português (Brasil)"
title = "O Livro"

[[parts]]
title = { en = "Getting *started*", pt-BR = "Primeiros passos" }
chapters = ["01-start", "02-basics"]

[[parts]]
title = "Advanced"
chapters = ["03-advanced"]
"#,
    );
    let chapters = [
        ("00-preface", "Preface", "Prefácio", ""),
        ("01-start", "Start", "Início", ""),
        ("02-basics", "Basics", "Fundamentos", ""),
        ("02-basics/01-values", "Values", "Valores", ""),
        ("02-basics/02-types", "Types", "Tipos", ""),
        (
            "02-basics/02-types/01-ints",
            "Integers",
            "Inteiros",
            "See [the start](../../../01-start/) and [floats](../02-floats/#precision).\n",
        ),
        (
            "02-basics/02-types/02-floats",
            "Floats and `f64`",
            "",
            "## Precision\n\nText.\n",
        ),
        ("03-advanced", "Advanced", "Avançado", ""),
        (
            "03-advanced/01-traits",
            "Traits",
            "Traits",
            "Back to [floats](../../02-basics/02-types/02-floats/#precision).\n",
        ),
        ("99-appendix", "Appendix", "Apêndice", ""),
        ("99-appendix/01-glossary", "Glossary", "Glossário", ""),
    ];
    for (id, en, pt, body) in chapters {
        t.write(
            &format!("content/{id}/en.md"),
            &format!("+++\ntitle = \"{en}\"\n+++\n\nAbout {en}.\n\n{body}"),
        );
        if !pt.is_empty() {
            t.write(
                &format!("content/{id}/pt-BR.md"),
                &format!("+++\ntitle = \"{pt}\"\n+++\n\nSobre {pt}.\n\n{body}"),
            );
        }
    }
    t
}

#[test]
fn parts_and_nested_chapters_shape_every_page() {
    let t = nested_book();
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    let order = [
        ("preface", ""),
        ("start", "1."),
        ("basics", "2."),
        ("values", "2.1."),
        ("types", "2.2."),
        ("ints", "2.2.1."),
        ("floats", "2.2.2."),
        ("advanced", "3."),
        ("traits", "3.1."),
        ("appendix", ""),
        ("glossary", ""),
    ];
    let page = t.html("en/ints/index.html");
    // Sidebar: part headings, nested lists, numbers, the current branch open.
    let parts: Vec<String> = all(&page, ".sidebar .nav-part").iter().map(text).collect();
    assert_eq!(parts, ["Getting started", "Advanced"]);
    assert_eq!(
        text(&inside(&all(&page, ".sidebar .nav-part")[0], "em")),
        "started"
    );
    let links = all(&page, ".sidebar .chapter-list a");
    let seen: Vec<(String, String)> = links
        .iter()
        .map(|a| {
            let href = attr(a, "href");
            let slug = href
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string();
            (slug, text(&inside(a, ".nav-number")))
        })
        .collect();
    let expected: Vec<(String, String)> = order
        .iter()
        .map(|(s, n)| (s.to_string(), n.to_string()))
        .collect();
    assert_eq!(seen, expected, "reading order and numbers");
    let current = one(&page, ".sidebar a[aria-current='page']");
    assert!(attr(&current, "href").ends_with("/ints/"));
    let depth = |slug: &str| {
        let a = links
            .iter()
            .find(|a| attr(a, "href").ends_with(&format!("/{slug}/")))
            .expect("link");
        a.ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .filter(|e| {
                e.value()
                    .has_class("nav-children", scraper::CaseSensitivity::CaseSensitive)
            })
            .count()
    };
    assert_eq!(
        ["start", "values", "ints", "traits", "glossary"].map(depth),
        [0, 1, 2, 1, 1]
    );
    let open: Vec<String> = all(&page, ".nav-branch[data-open='true'] > a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(
        open.len(),
        2,
        "basics and types hold the current chapter: {open:?}"
    );
    assert_eq!(
        all(&page, ".nav-branch[data-open='false']").len(),
        2,
        "advanced, appendix"
    );
    for b in all(&page, ".nav-branch") {
        let toggle = inside(&b, ".nav-toggle");
        let list = inside(&b, ".nav-children");
        assert_eq!(attr(&toggle, "aria-controls"), attr(&list, "id"));
    }
    // The chapter's own number, prev and next in reading order.
    assert_eq!(text(&one(&page, "main .chapter-number")), "Chapter 2.2.1");
    assert!(attr(&one(&page, ".pager-prev"), "href").ends_with("/types/"));
    assert!(attr(&one(&page, ".pager-next"), "href").ends_with("/floats/"));
    assert!(all(&t.html("en/preface/index.html"), "main .chapter-number").is_empty());
    assert!(
        attr(
            &one(&t.html("en/advanced/index.html"), ".pager-prev"),
            "href"
        )
        .ends_with("/floats/")
    );
    // Links between nested chapters reach the reader's language.
    let body = one(&page, ".chapter-body");
    let hrefs: Vec<String> = body.select(&sel("a")).map(|a| attr(&a, "href")).collect();
    assert_eq!(hrefs, ["../../en/start/", "../../en/floats/#precision"]);
    let pt = t.html("pt-BR/traits/index.html");
    let back = one(&pt, ".chapter-body a");
    assert_eq!(attr(&back, "href"), "../../pt-BR/floats/#precision");
    // The language switcher lands on the same nested chapter.
    let switch = all(&page, "a[hreflang='pt-BR']");
    assert!(
        switch
            .iter()
            .any(|a| attr(a, "href").ends_with("pt-BR/ints/")),
        "switcher"
    );
    // Home and print page follow the outline.
    let home = t.html("pt-BR/index.html");
    let home_parts: Vec<String> = all(&home, ".home-part").iter().map(text).collect();
    assert_eq!(home_parts, ["Primeiros passos", "Advanced"]);
    assert_eq!(
        all(
            &home,
            ".home-chapter-list .home-chapter-list .home-chapter-list li"
        )
        .len(),
        2
    );
    let print = t.html("en/print/index.html");
    let titles: Vec<String> = all(&print, ".print-chapter-title")
        .iter()
        .map(text)
        .collect();
    assert_eq!(titles.len(), order.len());
    assert_eq!(titles[6], "Floats and f64");
    let print_parts: Vec<String> = all(&print, ".print-part").iter().map(text).collect();
    assert_eq!(print_parts, ["Getting started", "Advanced"]);
    // A print page you can bind: parts above chapters, chapters above their sub-chapters,
    // every section below its chapter's title, and contents that jump within the page.
    let level = |e: &scraper::ElementRef<'_>| {
        e.value()
            .name()
            .trim_start_matches('h')
            .parse::<u8>()
            .unwrap_or(0)
    };
    assert!(all(&print, ".print-part").iter().all(|p| level(p) == 2));
    for chapter in all(&print, "section.print-chapter") {
        let title = chapter
            .select(&sel(".print-chapter-title"))
            .next()
            .expect("title");
        let depth = chapter.select(&sel(".print-chapter-title")).count();
        assert_eq!(depth, 1);
        assert!(
            (3..=6).contains(&level(&title)),
            "under the parts: {}",
            text(&title)
        );
        for h in chapter.select(&sel(".chapter-body h2, .chapter-body h3, .chapter-body h4, .chapter-body h5, .chapter-body h6")) {
            assert!(level(&h) > level(&title) || level(&h) == 6, "{} under {}", text(&h), text(&title));
        }
    }
    let nested = all(&print, ".print-chapter-title")
        .into_iter()
        .find(|t| text(t) == "Floats and f64")
        .expect("a sub-chapter");
    // 2.2.2: a part (h2), chapter 2 (h3), 2.2 (h4), 2.2.2 (h5).
    assert_eq!(
        level(&nested),
        5,
        "a sub-chapter's title sits under its chapter's"
    );
    let toc: Vec<String> = all(&print, ".print-toc li a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(toc.len(), order.len());
    for href in &toc {
        let id = href.strip_prefix('#').expect("a jump within the page");
        assert_eq!(all(&print, &format!("[id='{id}']")).len(), 1, "{href}");
    }
    let toc_parts: Vec<String> = all(&print, ".print-toc-part").iter().map(text).collect();
    assert_eq!(toc_parts, ["Getting started", "Advanced"]);
    // Search results say where a chapter sits.
    let index = t.read("site/search/en.js");
    assert!(
        index.contains("\"Getting started › Basics › Types\""),
        "crumb in the index"
    );
    // Plurals: two languages, eleven chapters.
    assert!(
        run.stderr().contains("built 2 languages, 11 chapters,"),
        "{}",
        run.stderr()
    );
}

/// A chapter whose file does not load is that file's error, and no more: course.toml's
/// parts and unnumbered list that name it are not called wrong for it.
#[test]
fn a_broken_chapter_file_is_one_error_not_an_outline_error_too() {
    let t = nested_book();
    for id in ["00-preface", "01-start"] {
        let path = format!("content/{id}/pt-BR.md");
        let text = t.read(&path);
        t.write(&path, &text.replacen("+++\n", "+++\ndrafts = false\n", 1));
    }
    let run = t.docent(&["check"]);
    assert_eq!(run.code(), Some(1));
    let err = format!("{}{}", run.stdout(), run.stderr());
    assert_eq!(err.matches("error:").count(), 2, "{err}");
    assert!(!err.contains("course.toml"), "{err}");
}

/// A chapter that did not load keeps its place in the outline: a part that skips it is
/// still no run of chapters, and is named by it, not by one of its sub-chapters.
#[test]
fn a_part_that_skips_a_broken_chapter_is_still_wrong() {
    let t = nested_book();
    let toml = t.read("content/course.toml");
    t.write(
        "content/course.toml",
        &toml
            .replace(
                "[\"01-start\", \"02-basics\"]",
                "[\"01-start\", \"03-advanced\"]",
            )
            .replace("chapters = [\"03-advanced\"]", "chapters = [\"02-basics\"]"),
    );
    let basics = t.read("content/02-basics/en.md");
    t.write(
        "content/02-basics/en.md",
        &basics.replacen("+++\n", "+++\ntittle = 1\n", 1),
    );
    let run = t.docent(&["check"]);
    assert_eq!(run.code(), Some(1));
    let out = run.stdout();
    assert_eq!(out.matches("error:").count(), 2, "{out}");
    assert!(out.contains("`tittle`"), "{out}");
    assert!(
        out.contains("not consecutive (`02-basics` comes between them)"),
        "{out}"
    );
    // Listed where it belongs, it is no mistake of the part's.
    t.write("content/course.toml", &toml);
    let run = t.docent(&["check"]);
    let out = run.stdout();
    assert_eq!(out.matches("error:").count(), 1, "{out}");
    assert!(out.contains("`tittle`"), "{out}");
}

/// Mistakes in `parts` and `unnumbered` point at course.toml with what to write.
#[test]
fn outline_mistakes_are_located() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "unnumbered = [\"00-prefase\"]\n",
            "unnumbered = [\"00-prefase\"]",
            &["no chapter `00-prefase`", "did you mean \"00-preface\""],
        ),
        (
            "[[parts]]\ntitle = \"A\"\nchapters = [\"01-start\", \"03-advanced\"]\n",
            "[[parts]]",
            &["not consecutive", "`02-basics` comes between them"],
        ),
        (
            "[[parts]]\ntitle = \"A\"\nchapters = [\"02-basics/01-values\"]\n",
            "\"02-basics/01-values\"",
            &["is a sub-chapter"],
        ),
        (
            "[[parts]]\ntitle = { en = \"A\", fr = \"B\" }\nchapters = [\"01-start\"]\n",
            "fr =",
            &["`fr`, which is not a language of the course"],
        ),
        // The second part's mistake points at the second part.
        (
            "[[parts]] # first\ntitle = \"A\"\nchapters = [\"01-start\"]\n\n[[parts]] # second\ntitle = \"B\"\nchapters = []\n",
            "# second",
            &["part 2 (\"B\") lists no chapters"],
        ),
    ];
    for (extra, needle, messages) in cases {
        let t = nested_book();
        let toml = t.read("content/course.toml");
        let head = toml
            .split("[[parts]]")
            .next()
            .unwrap_or_default()
            .replace("unnumbered = [\"00-preface\", \"99-appendix\"]\n", "");
        let text = if extra.starts_with("[[") {
            format!("{head}{extra}")
        } else {
            format!("{extra}{head}")
        };
        t.write("content/course.toml", &text);
        let line = text
            .lines()
            .position(|l| l.contains(needle))
            .map(|n| n + 1)
            .expect("needle");
        let run = t.docent(&["build"]);
        assert!(!run.ok(), "{extra}");
        let err = run.stderr();
        assert!(
            err.contains(&format!("course.toml:{line}:")),
            "line {line} in:\n{err}"
        );
        for m in *messages {
            assert!(err.contains(m), "{m:?} in:\n{err}");
        }
    }
}

/// A course too long to repeat its sidebar in every page: 90 chapters of two sub-chapters.
fn large_nested_book() -> SiteTest {
    let t = course(&[]);
    for i in 1..=90 {
        t.write(
            &format!("content/{i:02}-topic-{i}/en.md"),
            &format!("+++\ntitle = \"Topic {i}\"\n+++\n\nAbout topic {i}.\n"),
        );
        for j in 1..=2 {
            t.write(
                &format!("content/{i:02}-topic-{i}/{j:02}-topic-{i}-{j}/en.md"),
                &format!("+++\ntitle = \"Topic {i}.{j}\"\n+++\n\nAbout topic {i}.{j}.\n"),
            );
        }
    }
    t
}

#[test]
fn outline_works_in_a_real_browser() {
    if !browser::available() {
        return;
    }
    let small = nested_book();
    small.build();
    let large = large_nested_book();
    large.build();
    browser::run(
        "outline.mjs",
        &[
            &small.path("site").display().to_string(),
            &large.path("site").display().to_string(),
        ],
    );
}

/// `docent serve`'s rebuilds of a nested course: an edit of a sub-chapter file renders that
/// file alone, and a new sub-chapter folder is found; each time the site is the one a
/// fresh build makes.
#[test]
fn rebuilds_of_nested_chapters_match_a_full_build() {
    use docent::build::Builder;
    use docent::render::Outputs;
    let t = nested_book();
    let root = t.path("content");
    let options = docent::serve::serve_build_options();
    let mut b = Builder::new(&root, options);
    b.build_outputs(Outputs::All).expect("first build");
    let same = |built: &docent::build::Build| same_as_a_full_build(&t, built);
    let file = "content/02-basics/02-types/01-ints/en.md";
    t.write(
        file,
        &t.read(file)
            .replace("About Integers.", "About whole numbers."),
    );
    let r = b.rebuild([t.path(file)], Outputs::All).expect("rebuild");
    assert_eq!(r.chapters_rendered, 1);
    same(&r);
    t.write(
        "content/02-basics/02-types/03-chars/en.md",
        "+++\ntitle = \"Characters\"\n+++\n\nAbout chars.\n",
    );
    let r = b
        .rebuild(
            [t.path("content/02-basics/02-types/03-chars/en.md")],
            Outputs::All,
        )
        .expect("rebuild");
    same(&r);
    let page = scraper::Html::parse_document(
        std::str::from_utf8(&r.site.files["en/chars/index.html"]).expect("utf-8"),
    );
    assert_eq!(text(&one(&page, "main .chapter-number")), "Chapter 2.2.3");
}

#[test]
fn translations_of_sub_chapters_are_recorded_by_folder_or_number() {
    let t = nested_book();
    for chapter in ["02-basics/02-types/01-ints", "3.1"] {
        let run = t.docent(&["translate", "done", chapter, "pt-BR"]);
        assert!(run.ok(), "{chapter}: {}", run.stderr());
    }
    assert!(
        t.read("content/02-basics/02-types/01-ints/pt-BR.md")
            .contains("translated_from")
    );
    assert!(
        t.read("content/03-advanced/01-traits/pt-BR.md")
            .contains("translated_from")
    );
    let run = t.docent(&["translate", "done", "9.9", "pt-BR"]);
    assert!(
        !run.ok() && run.stderr().contains("no chapter `9.9`"),
        "{}",
        run.stderr()
    );
    // As a shell completes it from the project; the folder is what it says it recorded.
    let run = t.docent(&["translate", "done", "content/01-start/", "pt-BR"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr().contains("recorded 01-start pt-BR"),
        "{}",
        run.stderr()
    );
    let run = t.docent(&["translate", "done", "1", "pt-BR"]);
    assert!(
        run.stderr().contains("recorded 01-start pt-BR"),
        "{}",
        run.stderr()
    );
    // A language written in another case, or not of the course, is named as such (the
    // help said to write `pt-br.md`, which the build then refuses).
    let run = t.docent(&["translate", "done", "01-start", "pt-br"]);
    assert!(
        !run.ok() && run.stderr().contains("did you mean `pt-BR`?"),
        "{}",
        run.stderr()
    );
    let run = t.docent(&["translate", "done", "01-start", "de"]);
    assert!(
        !run.ok()
            && run
                .stderr()
                .contains("`de` is not a language of this course"),
        "{}",
        run.stderr()
    );
}

/// A course about HTML mentions `<!--` and `<script>`: the one-file bundle, which carries
/// its search index inline, must still show every chapter.
#[test]
fn a_single_file_survives_html_talk_in_the_text() {
    let t = course(&[(
        "01-html",
        "+++\ntitle = \"Comments: <!--<script> trick\"\n+++\n\nHTML comments start with `<!--`.\n\n## Scripts\n\nScripts go in `<script>` tags.\n",
    )]);
    let run = t.docent(&["bundle", "--single-file", "--out", "off"]);
    assert!(run.ok(), "{}", run.stderr());
    let doc = scraper::Html::parse_document(&t.read("off/course.en.html"));
    let titles: Vec<String> = all(&doc, ".print-chapter-title").iter().map(text).collect();
    assert_eq!(titles, ["Comments: <!--<script> trick"]);
    assert!(
        !all(&doc, "h3#html--scripts, h3[id$='scripts']").is_empty(),
        "the chapter's section is there"
    );
}

/// What a careless author's outline does: deep nesting, two folders with one number, a
/// draft chapter listed in a part, a folder without a chapter file, links to `.md` files
/// that are no chapter, a title that looks like HTML.
#[test]
fn careless_outlines_build_what_was_meant() {
    let mut deep = String::from("10-d1");
    let t = course(&[]);
    for level in 1..=12 {
        t.write(
            &format!("content/{deep}/en.md"),
            &format!("+++\ntitle = \"Level {level}\"\n+++\n\nText {level}.\n"),
        );
        deep.push_str(&format!("/01-d{}", level + 1));
    }
    t.write(
        "content/01-intro/en.md",
        "+++\ntitle = \"<T> and <details>\"\n+++\n\nSee [notes](notes.md).\n",
    );
    t.write(
        "content/03-bar/en.md",
        "+++\ntitle = \"Bar\"\n+++\n\nBar.\n",
    );
    t.write(
        "content/03-bar/01-bar-sub/en.md",
        "+++\ntitle = \"Bar sub\"\n+++\n\nSub.\n",
    );
    t.write(
        "content/03-foo/en.md",
        "+++\ntitle = \"Foo\"\n+++\n\nFoo.\n",
    );
    t.write(
        "content/04-draft/en.md",
        "+++\ntitle = \"Draft\"\ndraft = true\n+++\n\nLater.\n",
    );
    t.write(
        "content/04-draft/01-child/en.md",
        "+++\ntitle = \"Child of a draft\"\n+++\n\nLater too.\n",
    );
    t.write(
        "content/05-empty/01-orphan/en.md",
        "+++\ntitle = \"Orphan\"\n+++\n\nAlone.\n",
    );
    let toml = t.read("content/course.toml");
    t.write(
        "content/course.toml",
        &format!("unnumbered = [\"04-draft\"]\n{toml}\n[[parts]]\ntitle = \"All\"\nchapters = [\"01-intro\", \"03-bar\", \"03-foo\", \"04-draft\", \"10-d1\"]\n"),
    );
    let run = t.docent(&["build"]);
    let err = run.stderr();
    assert!(
        !run.ok(),
        "a link to a missing notes.md fails the build:\n{err}"
    );
    assert!(err.contains("notes.md"), "{err}");
    t.write(
        "content/01-intro/en.md",
        "+++\ntitle = \"<T> and <details>\"\n+++\n\nNo link.\n",
    );
    let run = t.docent(&["build"]);
    let err = run.stderr();
    assert!(run.ok(), "{err}");
    assert!(
        err.contains("has the same number as 03-bar"),
        "duplicate numbers said:\n{err}"
    );
    assert!(
        err.contains("1 sub-chapter is inside it left out too"),
        "orphan said:\n{err}"
    );
    assert!(
        !err.contains("04-draft"),
        "a draft listed in course.toml is fine:\n{err}"
    );
    // Every level is a page; no chapter source is published as a file.
    assert!(t.path("site/en/d12/index.html").is_file());
    let published: Vec<String> = walk(&t.path("site"));
    assert!(
        !published.iter().any(|p| p.ends_with(".md")),
        "{published:?}"
    );
    let page = t.html("en/bar-sub/index.html");
    assert_eq!(
        text(&one(&page, "main .chapter-number")),
        "Chapter 2.1",
        "under Bar, not Foo"
    );
    assert!(attr(&one(&page, ".pager-next"), "href").ends_with("/foo/"));
    assert!(
        !t.path("site/en/child/index.html").exists(),
        "a draft's sub-chapter is a draft"
    );
    assert!(!t.path("site/en/orphan/index.html").exists());
    let intro = t.html("en/intro/index.html");
    assert!(text(&one(&intro, "title")).starts_with("<T> and <details>"));
    assert_eq!(text(&one(&intro, "main h1")), "<T> and <details>");
}

/// A book in a language docent has no UI strings for builds, with docent's English labels
/// and one warning saying so.
#[test]
fn a_course_in_another_language_falls_back_to_english_labels() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = SiteTest { dir };
    t.write("content/course.toml", "base_url = \"https://e.org/\"\n[[languages]]\ncode = \"sw\"\nname = \"Kiswahili\"\ntitle = \"Kitabu\"\n");
    t.write(
        "content/01-a/sw.md",
        "+++\ntitle = \"Habari\"\n+++\n\nMaandishi.\n",
    );
    t.write(
        "content/02-b/sw.md",
        "+++\ntitle = \"Inayofuata\"\n+++\n\nMaandishi.\n",
    );
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    let w = warnings(&run.stderr());
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0].contains("no UI strings in sw"), "{}", w[0]);
    let page = t.html("sw/a/index.html");
    assert_eq!(attr(&one(&page, "html"), "lang"), "sw");
    assert!(
        text(&one(&page, ".pager-next")).contains("Next"),
        "English label"
    );
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}
