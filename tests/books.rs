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
        text(&one(&doc, "figure.code-block figcaption.code-title span")),
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
