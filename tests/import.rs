//! `docent import mdbook` end to end: a generated mdBook shaped like a real one (parts,
//! three levels, includes, links, images, a draft) imported by the real binary, the course
//! read back, then built and checked by docent itself.

mod common;
use common::*;
use std::path::Path;

/// A 1×1 PNG, so copied images are real files.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

const MAIN_RS: &str = "use std::io;
// ANCHOR: all
fn main() {
    // ANCHOR: print
    println!(\"Guess the number!\");
    // ANCHOR_END: print
    let secret = 42;
}
// ANCHOR_END: all
";

const CH02: &str = "# Programming a Guessing Game

Let's jump in.

```rust,ignore
{{#include ../listings/ch02/src/main.rs:print}}
```

A range:

```text
{{#include ../listings/numbers.txt:3:5}}
```

The whole program, most of it hidden:

```rust
{{#rustdoc_include ../listings/ch02/src/main.rs:print}}
```

{{#playground ../listings/ch02/src/main.rs editable}}

Written as is: \\{{#include not-expanded.rs}}

MISSING_INCLUDE

## Processing a Guess

```console
$ cargo run
```

```toml
[dependencies]
rand = \"0.8.5\"
```

```rust
# fn main() {
let x = 5;
# }
```
";

const HELLO: &str = "# Hello, World!

See [installation](ch01-01-installation.md), the [guessing game](ch02-00-guessing-game-tutorial.html#processing-a-guess),
[Linux](./ch01-01-01-linux.md) and [boxes][box].

![Ferris the crab](img/ferris.png)

<img src=\"img/logo.png\" alt=\"The logo\">

Code is left alone: `[not a link](ch15-01-box.md)`.

```md
[also not](ch15-01-box.md)
```

[box]: ch15-01-box.md
";

const BOX: &str = "# Using `Box<T>` to Point to Data on the Heap

Boxes live on the heap. BROKEN_LINK

## Using a Box

Back to [the start](README.md).
";

const KEYWORDS: &str = "# Keywords

See [the introduction](../README.md), [boxes](../ch15-01-box.md#using-a-box) and
![Ferris again](../img/ferris.png).
";

/// Writes an mdBook into `dir`; `nested` gives it parts, prefix and suffix chapters and
/// three levels, `broken` a link to nothing and an include of a missing file.
fn write_book(t: &SiteTest, dir: &str, nested: bool, broken: bool) -> usize {
    let w = |rel: &str, text: &str| {
        t.write(&format!("{dir}/{rel}"), text);
    };
    w(
        "book.toml",
        "[book]\ntitle = \"The Test Book\"\nauthors = [\"Ada\", \"Grace\"]\nlanguage = \"en\"\ndescription = \"A book for tests.\"\n\n[output.html]\nsite-url = \"https://example.org/book/\"\ngit-repository-url = \"https://github.com/example/book\"\n",
    );
    w("listings/ch02/src/main.rs", MAIN_RS);
    w(
        "listings/numbers.txt",
        "one\ntwo\nthree\nfour\nfive\nsix\nseven\n",
    );
    std::fs::create_dir_all(t.path(&format!("{dir}/src/img"))).expect("mkdir");
    std::fs::write(t.path(&format!("{dir}/src/img/ferris.png")), PNG).expect("png");
    std::fs::write(t.path(&format!("{dir}/src/img/logo.png")), PNG).expect("png");
    w("src/README.md", "# Introduction\n\nWelcome.\n");
    w(
        "src/ch01-00-getting-started.md",
        "# Getting Started\n\nLet's start.\n",
    );
    w(
        "src/ch01-01-installation.md",
        "# Installation\n\nInstall it.\n",
    );
    w("src/ch01-01-01-linux.md", "# On Linux\n\nUse rustup.\n");
    w("src/ch01-02-hello-world.md", HELLO);
    let missing = if broken {
        "{{#include ../listings/missing.rs}}"
    } else {
        ""
    };
    w(
        "src/ch02-00-guessing-game-tutorial.md",
        &CH02.replace("MISSING_INCLUDE", missing),
    );
    let broken_link = if broken {
        "See [the old page](no-such-chapter.md)."
    } else {
        ""
    };
    w(
        "src/ch15-01-box.md",
        &BOX.replace("BROKEN_LINK", broken_link),
    );
    w(
        "src/appendix/README.md",
        "# Appendix\n\nReference material.\n",
    );
    w("src/appendix/keywords.md", KEYWORDS);
    w("src/contributors.md", "# Contributors\n\nThank you.\n");
    let (i1, i2) = if nested {
        ("    ", "        ")
    } else {
        ("", "")
    };
    let mut s = String::from("# Summary\n\n");
    let item = |s: &mut String, indent: &str, title: &str, file: &str| {
        s.push_str(&format!("{indent}- [{title}]({file})\n"));
    };
    if nested {
        s.push_str("[Introduction](README.md)\n\n# Getting started\n\n");
    } else {
        item(&mut s, "", "Introduction", "README.md");
    }
    item(&mut s, "", "Getting Started", "ch01-00-getting-started.md");
    item(&mut s, i1, "Installation", "ch01-01-installation.md");
    item(&mut s, i2, "On Linux", "ch01-01-01-linux.md");
    item(&mut s, i1, "Hello, World!", "ch01-02-hello-world.md");
    item(
        &mut s,
        "",
        "Programming a Guessing Game",
        "ch02-00-guessing-game-tutorial.md",
    );
    if nested {
        s.push_str("\n# Common concepts\n\n");
    }
    item(
        &mut s,
        "",
        "Using `Box<T>` to Point to Data on the Heap",
        "ch15-01-box.md",
    );
    s.push_str("- [Not written yet]()\n");
    for n in 1..=60 {
        if n == 31 {
            if nested {
                s.push_str("\n---\n\n# Reference\n\n");
            }
            item(&mut s, "", "Appendix", "appendix/README.md");
            item(&mut s, i1, "Keywords", "appendix/keywords.md");
        }
        w(
            &format!("src/gen/ch{n:03}.md"),
            &format!("# Generated {n}\n\nText {n}, see [the next one](ch{n:03}-a.md).\n"),
        );
        w(
            &format!("src/gen/ch{n:03}-a.md"),
            &format!("# Generated {n}a\n\nBack to [the box](../ch15-01-box.md).\n"),
        );
        item(
            &mut s,
            "",
            &format!("Generated {n}"),
            &format!("gen/ch{n:03}.md"),
        );
        item(
            &mut s,
            i1,
            &format!("Generated {n}a"),
            &format!("gen/ch{n:03}-a.md"),
        );
    }
    if nested {
        s.push_str("\n[Contributors](contributors.md)\n");
    } else {
        item(&mut s, "", "Contributors", "contributors.md");
    }
    w("src/SUMMARY.md", &s);
    s.lines().filter(|l| l.contains("](")).count()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .expect(needle)
}

fn front(t: &SiteTest, rel: &str) -> toml::Table {
    let text = t.read(rel);
    let inner = text
        .strip_prefix("+++\n")
        .and_then(|r| r.split_once("\n+++"))
        .map(|(f, _)| f)
        .unwrap_or_else(|| panic!("{rel} has no front matter:\n{text}"));
    toml::from_str(inner).expect("front matter")
}

fn empty() -> SiteTest {
    SiteTest {
        dir: tempfile::tempdir().expect("tempdir"),
    }
}

const HELLO_DIR: &str = "out/01-ch01-00-getting-started/02-ch01-02-hello-world";

#[test]
fn imports_a_book_with_parts_nesting_includes_links_and_images() {
    let t = empty();
    let total = write_book(&t, "book", true, true);
    assert!(total >= 100, "{total}");
    let run = t.docent(&["import", "mdbook", "book", "out"]);
    let err = run.stderr();
    eprintln!("{err}");
    assert!(run.ok(), "import failed:\n{err}");

    let course: toml::Table = toml::from_str(&t.read("out/course.toml")).expect("course.toml");
    assert_eq!(
        course["base_url"].as_str(),
        Some("https://example.org/book/")
    );
    assert_eq!(
        course["repository"].as_str(),
        Some("https://github.com/example/book")
    );
    assert_eq!(course["default_language"].as_str(), Some("en"));
    assert!(t.read("out/course.toml").contains("# authors: Ada, Grace"));
    let lang = &course["languages"].as_array().expect("languages")[0];
    assert_eq!(lang["code"].as_str(), Some("en"));
    assert_eq!(lang["name"].as_str(), Some("English"));
    assert_eq!(lang["title"].as_str(), Some("The Test Book"));
    assert_eq!(lang["description"].as_str(), Some("A book for tests."));
    let strings = |v: &toml::Value| -> Vec<String> {
        v.as_array()
            .expect("array")
            .iter()
            .map(|s| s.as_str().expect("string").to_string())
            .collect()
    };
    assert_eq!(
        strings(&course["unnumbered"]),
        ["00-readme", "66-contributors"]
    );
    let parts = course["parts"].as_array().expect("parts");
    let titles: Vec<&str> = parts
        .iter()
        .map(|p| p["title"].as_str().expect("t"))
        .collect();
    assert_eq!(titles, ["Getting started", "Common concepts", "Reference"]);
    assert_eq!(
        strings(&parts[0]["chapters"]),
        [
            "01-ch01-00-getting-started",
            "02-ch02-00-guessing-game-tutorial"
        ]
    );
    let common = strings(&parts[1]["chapters"]);
    assert_eq!(common[0], "03-ch15-01-box");
    assert_eq!(common[1], "05-ch001", "the draft is left out of its part");
    assert_eq!(common.len(), 31);
    let reference = strings(&parts[2]["chapters"]);
    assert_eq!(reference[0], "35-appendix");
    assert_eq!(reference.last().map(String::as_str), Some("65-ch060"));
    for id in common.iter().chain(&reference) {
        assert!(t.path(&format!("out/{id}/en.md")).is_file(), "{id}");
    }

    // Three levels, titles and slugs.
    let linux = front(
        &t,
        "out/01-ch01-00-getting-started/01-ch01-01-installation/01-ch01-01-01-linux/en.md",
    );
    assert_eq!(linux["title"].as_str(), Some("On Linux"));
    assert_eq!(linux["slug"].as_str(), Some("ch01-01-01-linux"));
    let boxed = front(&t, "out/03-ch15-01-box/en.md");
    assert_eq!(
        boxed["title"].as_str(),
        Some("Using `Box<T>` to Point to Data on the Heap")
    );
    assert_eq!(boxed["slug"].as_str(), Some("ch15-01-box"));
    assert_eq!(
        front(&t, "out/00-readme/en.md")["slug"].as_str(),
        Some("index")
    );
    assert_eq!(
        front(&t, "out/35-appendix/en.md")["slug"].as_str(),
        Some("appendix-index")
    );
    let box_text = t.read("out/03-ch15-01-box/en.md");
    assert!(!box_text.contains("# Using `Box"), "{box_text}");
    assert!(box_text.contains("## Using a Box"));
    let draft = front(&t, "out/04-not-written-yet/en.md");
    assert_eq!(draft["draft"].as_bool(), Some(true));
    assert!(t.read("out/04-not-written-yet/en.md").ends_with("+++\n"));

    // Includes.
    let ch02 = t.read("out/02-ch02-00-guessing-game-tutorial/en.md");
    assert!(
        ch02.contains("```rust,ignore\n    println!(\"Guess the number!\");\n```"),
        "{ch02}"
    );
    assert!(ch02.contains("```text\nthree\nfour\nfive\n```"), "{ch02}");
    assert!(ch02.contains(
        "```rust\n# use std::io;\n# fn main() {\n    println!(\"Guess the number!\");\n#     let secret = 42;\n# }\n```"
    ), "{ch02}");
    assert!(
        ch02.contains("```rust,editable\nuse std::io;\nfn main() {"),
        "{ch02}"
    );
    assert!(!ch02.contains("ANCHOR"), "{ch02}");
    assert!(ch02.contains("Written as is: {{#include not-expanded.rs}}"));
    assert!(ch02.contains("{{#include ../listings/missing.rs}}"));
    assert!(ch02.contains("```console\n$ cargo run\n```"));
    assert!(ch02.contains("```rust\n# fn main() {\nlet x = 5;\n# }\n```"));

    // Links and images.
    let hello = t.read(&format!("{HELLO_DIR}/en.md"));
    for want in [
        "[installation](../01-ch01-01-installation/)",
        "[guessing game](../../02-ch02-00-guessing-game-tutorial/#processing-a-guess)",
        "[Linux](../01-ch01-01-installation/01-ch01-01-01-linux/)",
        "[box]: ../../03-ch15-01-box/",
        "![Ferris the crab](ferris.png)",
        "<img src=\"logo.png\" alt=\"The logo\">",
        "`[not a link](ch15-01-box.md)`",
        "```md\n[also not](ch15-01-box.md)\n```",
    ] {
        assert!(hello.contains(want), "{want} not in\n{hello}");
    }
    assert_eq!(
        std::fs::read(t.path(&format!("{HELLO_DIR}/ferris.png"))).expect("png"),
        PNG
    );
    assert_eq!(
        std::fs::read(t.path(&format!("{HELLO_DIR}/logo.png"))).expect("png"),
        PNG
    );
    let keywords = t.read("out/35-appendix/01-keywords/en.md");
    assert!(
        keywords.contains("[the introduction](../../00-readme/)"),
        "{keywords}"
    );
    assert!(
        keywords.contains("[boxes](../../03-ch15-01-box/#using-a-box)"),
        "{keywords}"
    );
    assert!(
        keywords.contains("![Ferris again](ferris.png)"),
        "{keywords}"
    );
    assert!(t.path("out/35-appendix/01-keywords/ferris.png").is_file());
    assert!(
        t.read("out/05-ch001/en.md")
            .contains("[the next one](01-ch001-a/)")
    );
    assert!(
        t.read("out/05-ch001/01-ch001-a/en.md")
            .contains("[the box](../../03-ch15-01-box/)")
    );

    // The report names what to look at, with file and line.
    let box_src = t.read("book/src/ch15-01-box.md");
    let at = format!(
        "--> book/src/ch15-01-box.md:{}:",
        line_of(&box_src, "no-such-chapter.md")
    );
    assert!(
        err.contains(&at) && err.contains("no-such-chapter.md"),
        "{at} not in\n{err}"
    );
    let ch02_src = t.read("book/src/ch02-00-guessing-game-tutorial.md");
    let at = format!(
        "--> book/src/ch02-00-guessing-game-tutorial.md:{}:1",
        line_of(&ch02_src, "missing.rs")
    );
    assert!(
        err.contains(&at) && err.contains("missing.rs"),
        "{at} not in\n{err}"
    );
    assert!(
        err.contains("Not written yet"),
        "the draft is reported:\n{err}"
    );
    let warnings = err.matches("warning: ").count();
    let summary = err.lines().last().expect("summary line");
    assert_eq!(
        summary,
        format!(
            "imported {total} chapters (3 parts, 2 unnumbered, 1 draft) into out; {warnings} things to look at"
        )
    );
    assert!(t.leftovers().is_empty(), "{:?}", t.leftovers());
}

#[test]
fn refuses_a_folder_with_files_and_a_folder_without_book_toml() {
    let t = empty();
    write_book(&t, "book", true, false);
    t.write("busy/keep.txt", "mine");
    let run = t.docent(&["import", "mdbook", "book", "busy"]);
    assert!(!run.ok());
    assert!(run.stderr().contains("busy"), "{}", run.stderr());
    assert_eq!(t.tree("busy").len(), 1);
    assert_eq!(t.read("busy/keep.txt"), "mine");
    assert!(t.leftovers().is_empty(), "{:?}", t.leftovers());

    t.write("nobook/src/SUMMARY.md", "- [A](a.md)\n");
    let run = t.docent(&["import", "mdbook", "nobook", "out"]);
    assert!(!run.ok());
    assert!(
        run.stderr().contains("nobook/book.toml"),
        "{}",
        run.stderr()
    );
    assert!(!t.path("out").exists());

    // An empty folder is fine.
    std::fs::create_dir(t.path("empty")).expect("mkdir");
    let run = t.docent(&["import", "mdbook", "book", "empty"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(t.path("empty/course.toml").is_file());
}

/// A book nested deeper than folders can go is refused at the SUMMARY.md line of the first
/// chapter too deep, before anything is written (it failed halfway with the OS's "File name
/// too long" and a path of thousands of characters).
#[test]
fn a_book_nested_too_deep_is_refused_at_its_summary_line() {
    let t = empty();
    t.write("deep/book.toml", "[book]\ntitle = \"Deep\"\n");
    let mut summary = String::from("# Summary\n\n");
    for level in 0..300 {
        summary.push_str(&format!(
            "{}- [Level {level}](level{level}.md)\n",
            "  ".repeat(level)
        ));
        t.write(
            &format!("deep/src/level{level}.md"),
            &format!("# Level {level}\n\nText.\n"),
        );
    }
    t.write("deep/src/SUMMARY.md", &summary);
    let run = t.docent(&["import", "mdbook", "deep", "out"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    let err = run.stderr();
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.contains("levels deep"), "{err}");
    let line = err
        .split("SUMMARY.md:")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse::<usize>().ok())
        .expect("a line");
    assert!(
        summary
            .lines()
            .nth(line - 1)
            .is_some_and(|l| l.contains("- [Level")),
        "{line}"
    );
    assert!(!t.path("out").exists());
    assert!(t.leftovers().is_empty(), "{:?}", t.leftovers());
}

/// Builds and checks the imported course: no findings but those containing one of
/// `allowed` (each of which must then be a warning).
fn builds_and_checks_clean(t: &SiteTest, out: &str) {
    let unexpected = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("warning:") || l.starts_with("error:"))
            .map(str::to_string)
            .collect()
    };
    let run = t.docent(&["build", "--root", out, "--out", "site"]);
    assert!(run.ok(), "build failed:\n{}", run.stderr());
    assert_eq!(unexpected(&run.stderr()), Vec::<String>::new());
    let run = t.docent(&["check", "--root", out]);
    let findings = unexpected(&run.stdout());
    assert_eq!(findings, Vec::<String>::new(), "{}", run.stdout());
    assert!(run.ok(), "{}{}", run.stdout(), run.stderr());
    assert!(
        run.stdout().contains("0 errors, 0 warnings"),
        "{}",
        run.stdout()
    );
}

#[test]
fn a_flat_book_imports_builds_and_checks_clean() {
    let t = empty();
    let total = write_book(&t, "book", false, false);
    let run = t.docent(&["import", "mdbook", "book", "out"]);
    assert!(run.ok(), "{}", run.stderr());
    let course = t.read("out/course.toml");
    assert!(
        !course.contains("parts") && !course.contains("unnumbered"),
        "{course}"
    );
    assert!(run.stderr().ends_with(&format!(
        "imported {total} chapters (0 parts, 0 unnumbered, 1 draft) into out; 1 thing to look at\n"
    )), "{}", run.stderr());
    builds_and_checks_clean(&t, "out");
    // The links point at real pages.
    let page = t.read("site/en/ch01-02-hello-world/index.html");
    assert!(
        page.contains("href=\"../../en/ch01-01-installation/\""),
        "{page}"
    );
    assert!(Path::new(&t.path("site/en/ch01-02-hello-world/ferris.png")).is_file());
}

/// The whole book: parts, unnumbered chapters, three levels of nesting.
#[test]
fn a_book_with_parts_and_nesting_builds_and_checks_clean() {
    let t = empty();
    write_book(&t, "book", true, false);
    let run = t.docent(&["import", "mdbook", "book", "out"]);
    assert!(run.ok(), "{}", run.stderr());
    builds_and_checks_clean(&t, "out");
}

/// A chapter saved by an older Windows editor is read as Windows-1252 (curly quotes and all),
/// with a warning, and so is a file it includes; a binary file it includes is left as
/// written; a link in SUMMARY.md to another site is no chapter.
#[test]
fn a_windows_1252_chapter_keeps_its_text_and_a_web_link_is_no_chapter() {
    let t = empty();
    t.write("book/book.toml", "[book]\ntitle = \"Old Book\"\n");
    std::fs::create_dir_all(t.path("book/src")).expect("mkdir");
    // SUMMARY.md in Windows-1252 too, and a chapter with old Mac line ends.
    std::fs::write(
        t.path("book/src/SUMMARY.md"),
        b"- [Caf\xe9](cafe.md)\n- [Elsewhere](https://example.com/x.md)\n- [Mac](mac.md)\n",
    )
    .expect("write");
    std::fs::write(
        t.path("book/src/mac.md"),
        b"# Mac\rFirst line.\r\rSecond paragraph.\r",
    )
    .expect("write");
    std::fs::write(
        t.path("book/src/cafe.md"),
        b"# Caf\xe9\n\nOl\xe1, \x93mundo\x94 \x96 80 \x80.\n\n```text\n{{#include menu.txt}}\n```\n\n{{#include logo.png}}\n",
    )
    .expect("write");
    std::fs::write(t.path("book/src/menu.txt"), b"Caf\xe9 cr\xe8me\n").expect("write");
    std::fs::write(
        t.path("book/src/logo.png"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .expect("write");
    let run = t.docent(&["import", "mdbook", "book", "out"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr().contains("was read as Windows-1252"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("logo.png: a binary file"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("link to another site"),
        "{}",
        run.stderr()
    );
    let mut chapters: Vec<String> = std::fs::read_dir(t.path("out"))
        .expect("ls")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("0"))
        .collect();
    chapters.sort();
    assert_eq!(chapters.len(), 2, "{chapters:?}");
    let mac = t.read(&format!("out/{}/en.md", chapters[1]));
    assert!(
        mac.contains("title = \"Mac\"") && mac.contains("First line.\n\nSecond paragraph."),
        "{mac:?}"
    );
    let text = t.read(&format!("out/{}/en.md", chapters[0]));
    assert!(text.contains("Olá, “mundo” – 80 €."), "{text}");
    assert!(
        text.contains("{{#include logo.png}}"),
        "left as written: {text}"
    );
    assert!(text.contains("Café crème"), "{text}");
    assert_eq!(
        run.stderr().matches("was read as Windows-1252").count(),
        3,
        "{}",
        run.stderr()
    );
    // `-q` prints only errors.
    let quiet = t.docent(&["-q", "import", "mdbook", "book", "out-quiet"]);
    assert!(quiet.ok(), "{}", quiet.stderr());
    assert_eq!(quiet.stderr(), "");
}

#[test]
fn reports_directives_cycles_symlinks_and_copies_same_named_files_apart() {
    let t = empty();
    t.write("book/book.toml", "[book]\ntitle = \"Small Book\"\n");
    t.write("book/src/SUMMARY.md", "- [One](one.md)\n");
    t.write(
        "book/src/one.md",
        "# One\n\n{{#title Custom}}\n{{#frobnicate x}}\n\n{{#include part.md}}\n\n![a](img/a.png) ![b](other/a.png) ![outside](secret.png)\n",
    );
    t.write(
        "book/src/part.md",
        "Included, [here](one.md).\n{{#include loop.md}}",
    );
    t.write("book/src/loop.md", "{{#include part.md}}");
    t.write("book/src/img/a.png", "first");
    t.write("book/src/other/a.png", "second");
    t.write("outside.png", "not the book's");
    #[cfg(unix)]
    std::os::unix::fs::symlink(t.path("outside.png"), t.path("book/src/secret.png"))
        .expect("symlink");
    let run = t.docent(&["import", "mdbook", "book", "out"]);
    let err = run.stderr();
    assert!(run.ok(), "{err}");
    let one = t.read("out/01-one/en.md");
    assert!(!one.contains("#title"), "{one}");
    assert!(one.contains("{{#frobnicate x}}"), "{one}");
    assert!(one.contains("Included, [here](../01-one/)."), "{one}");
    assert!(one.contains("![a](a.png) ![b](2-a.png)"), "{one}");
    assert_eq!(t.read("out/01-one/a.png"), "first");
    assert_eq!(t.read("out/01-one/2-a.png"), "second");
    for want in [
        "`{{#title Custom}}` dropped",
        "unknown directive `{{#frobnicate}}`",
        "includes a file that includes it back",
        "base_url is the placeholder https://example.org/small-book/",
    ] {
        assert!(err.contains(want), "{want} not in\n{err}");
    }
    #[cfg(unix)]
    {
        assert!(err.contains("leads outside the book"), "{err}");
        assert!(one.contains("![outside](secret.png)"), "{one}");
        assert!(!t.path("out/01-one/secret.png").exists());
        // A SUMMARY.md that leads outside the book is not read either.
        t.write("elsewhere/SUMMARY.md", "- [Secret](secret-plan.md)\n");
        std::fs::remove_file(t.path("book/src/SUMMARY.md")).expect("rm");
        std::os::unix::fs::symlink(
            t.path("elsewhere/SUMMARY.md"),
            t.path("book/src/SUMMARY.md"),
        )
        .expect("symlink");
        let run = t.docent(&["import", "mdbook", "book", "out2"]);
        assert_eq!(run.code(), Some(1), "{}", run.stderr());
        assert!(
            run.stderr().contains("SUMMARY.md: leads outside the book"),
            "{}",
            run.stderr()
        );
        assert!(!t.path("out2").exists());
    }
}
