//! `docent check`, translation freshness and `docent init`, on fixture courses: every finding
//! triggered and gone once fixed, JSON output, exit codes, the stale flow end to end.

mod common;
use common::*;
use serde_json::Value;

/// The fixture with every translation recorded: `check` finds nothing.
fn clean() -> SiteTest {
    let t = SiteTest::fixture("check");
    for chapter in ["01-one", "02-two"] {
        let run = t.docent(&["translate", "done", chapter, "pt-BR"]);
        assert!(run.ok(), "{}", run.stderr());
    }
    let run = t.docent(&["check"]);
    assert_eq!(run.code(), Some(0), "clean fixture:\n{}", run.stdout());
    t
}

/// The links `selector` finds on chapter one's English page, once `t` is built.
fn built_hrefs(t: &SiteTest, selector: &str) -> Vec<String> {
    t.build();
    let page = t.html("en/one/index.html");
    all(&page, selector)
        .iter()
        .map(|a| attr(a, "href"))
        .collect()
}

/// The finding whose message holds `part`.
fn finding<'a>(list: &'a [Value], part: &str) -> &'a Value {
    list.iter()
        .find(|f| f["message"].as_str().is_some_and(|m| m.contains(part)))
        .unwrap_or_else(|| panic!("no `{part}` in {list:#?}"))
}

/// The line and column of the finding whose message contains `part`.
fn line_col(list: &[Value], part: &str) -> (Option<u64>, Option<u64>) {
    let f = finding(list, part);
    (f["line"].as_u64(), f["col"].as_u64())
}

fn findings(t: &SiteTest) -> (Option<i32>, Vec<Value>) {
    let run = t.docent(&["check", "--format", "json"]);
    let v: Value =
        serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}: {}", run.stdout()));
    (run.code(), v.as_array().cloned().unwrap_or_default())
}

/// Applies `edit`, expects exactly one finding matching (severity, file suffix, line, message
/// part), then restores the file and expects none.
fn triggers(file: &str, edit: impl Fn(&str) -> String, severity: &str, line: u64, message: &str) {
    let t = clean();
    let original = t.read(file);
    t.write(file, &edit(&original));
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{message}: {list:?}");
    let hit: Vec<&Value> = list
        .iter()
        .filter(|f| f["message"].as_str().is_some_and(|m| m.contains(message)))
        .collect();
    assert_eq!(hit.len(), 1, "`{message}` in {list:#?}");
    let f = hit[0];
    assert_eq!(f["severity"], severity, "{f}");
    assert!(
        f["path"]
            .as_str()
            .is_some_and(|p| p.ends_with(file.trim_start_matches("content/"))),
        "{f}"
    );
    assert_eq!(f["line"], line, "{f}");
    assert!(f["col"].as_u64().is_some_and(|c| c >= 1), "{f}");
    assert!(
        f["help"].as_str().is_some_and(|h| !h.is_empty()),
        "every finding has a fix hint: {f}"
    );
    t.write(file, &original);
    let (code, list) = findings(&t);
    assert_eq!((code, list.len()), (Some(0), 0), "after the fix: {list:?}");
}

#[test]
fn broken_links_and_anchors() {
    let en = "content/01-one/en.md";
    triggers(
        en,
        |s| s.replace("../02-two/#details", "../09-nine/"),
        "error",
        5,
        "there is no chapter `09-nine`",
    );
    triggers(
        en,
        |s| s.replace("../02-two/#details", "../02-two/#detail"),
        "error",
        5,
        "has no heading `#detail`",
    );
    triggers(
        en,
        |s| s.replace("(#build)", "(#built)"),
        "error",
        5,
        "`#built` is not a heading",
    );
    triggers(
        en,
        |s| s.replace("(Dockerfile)", "(Dockerfile.missing)"),
        "error",
        5,
        "`Dockerfile.missing` points at a file that does not exist",
    );
    // The site is published at /check/: a link from the host's root misses it.
    triggers(
        en,
        |s| s.replace("(Dockerfile)", "(/img/logo.png)"),
        "warning",
        5,
        "`/img/logo.png` starts at the host's root, not at the base path /check/",
    );
    // Anchors are checked in the reader's language: the Portuguese heading id works there.
    let t = clean();
    assert!(t.read("content/01-one/pt-BR.md").contains("#detalhes"));
}

/// Links as authors copy them between chapters and from GitHub: the chapter's own folder
/// by name, a query (`?plain=1`), a file of another chapter's folder or of a shared one.
#[test]
fn links_copied_between_chapters_and_from_github() {
    let en = "content/01-one/en.md";
    // Its own folder by name, with a heading it lacks: checked like any chapter link.
    triggers(
        en,
        |s| s.replace("(#build)", "(../01-one/#built)"),
        "error",
        5,
        "chapter `01-one` has no heading `#built`",
    );
    // A file of another chapter or beside the chapters is not published beside this page.
    triggers(
        en,
        |s| s.replace("(diagram.svg)", "(../02-two/en.md.svg)"),
        "error",
        7,
        "`../02-two/en.md.svg` is outside the chapter's folder",
    );
    let t = clean();
    t.write("content/shared/logo.png", "png");
    let text = t.read(en);
    t.write(en, &text.replace("(diagram.svg)", "(../shared/logo.png)"));
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    assert!(
        list.iter().any(|f| f["message"]
            .as_str()
            .is_some_and(|m| m.contains("outside the chapter's folder"))),
        "{list:#?}"
    );
    // Built, the self link and links with a query reach the chapter pages.
    let t = clean();
    t.write(
        en,
        &text
            .replace("(#build)", "(../01-one/#build)")
            .replace("(../02-two/#details)", "(../02-two/en.md?plain=1#details)"),
    );
    let (_, list) = findings(&t);
    assert!(list.iter().all(|f| f["severity"] != "error"), "{list:#?}");
    let hrefs = built_hrefs(&t, "main a");
    assert!(
        hrefs.iter().any(|h| h == "../../en/one/#build"),
        "{hrefs:?}"
    );
    assert!(
        hrefs.iter().any(|h| h == "../../en/two/#details"),
        "{hrefs:?}"
    );
}

/// What a careless author does, each named where it happens: a chapter folder named
/// unlike one, a link to a draft, a link to a folder, a reserved slug; and what is no
/// mistake: a `CHANGELOG.md` beside the chapter, a link to the page's own folder or above.
#[test]
fn careless_authoring_is_named_where_it_happens() {
    let en = "content/01-one/en.md";
    let t = clean();
    t.write("content/01-one/stages/a.txt", "a");
    let text = t.read(en);
    t.write(en, &text.replace("(Dockerfile)", "(stages/)"));
    let (_, list) = findings(&t);
    let f = finding(&list, "`stages/` links to a folder");
    assert_eq!(
        (&f["severity"], f["line"].as_u64()),
        (&serde_json::json!("warning"), Some(5))
    );
    t.write(
        en,
        &text
            .replace("(Dockerfile)", "(CHANGELOG.md)")
            .replace("(#build)", "(../)"),
    );
    t.write("content/01-one/CHANGELOG.md", "# Changes\n");
    t.write(
        "content/intro/en.md",
        "+++\ntitle = \"Intro\"\n+++\n\nHi.\n",
    );
    t.write(
        "content/02_setup/pt-BR.md",
        "+++\ntitle = \"Setup\"\n+++\n\nOi.\n",
    );
    let (_, list) = findings(&t);
    let messages: Vec<&str> = list.iter().filter_map(|f| f["message"].as_str()).collect();
    assert!(
        messages
            .iter()
            .all(|m| !m.contains("CHANGELOG") && !m.contains("`../`")),
        "{messages:#?}"
    );
    for (folder, file) in [("intro", "en.md"), ("02_setup", "pt-BR.md")] {
        assert!(
            list.iter()
                .any(|f| f["path"].as_str().is_some_and(|p| p.ends_with(folder))
                    && f["message"].as_str().is_some_and(|m| m.contains(&format!(
                        "holds {file} but is not named like a chapter folder"
                    )))),
            "{folder}: {messages:#?}"
        );
    }
    t.build();
    assert_eq!(t.read("site/en/one/CHANGELOG.md"), "# Changes\n");
    // The course's language written another way is named, not published as a file.
    let pt = t.read("content/01-one/pt-BR.md");
    t.write("content/01-one/pt-br.md", &pt);
    let (_, list) = findings(&t);
    finding(
        &list,
        "`pt-br.md` is not named as the course's language `pt-BR`",
    );
    std::fs::remove_file(t.path("content/01-one/pt-br.md")).expect("rm");
    // A language file inside a chapter, in a folder not named like a sub-chapter.
    t.write(
        "content/01-one/intro/en.md",
        "+++\ntitle = \"Intro\"\n+++\n\nHi.\n",
    );
    let (_, list) = findings(&t);
    let f = finding(&list, "its folder is not named like a sub-chapter");
    assert!(
        f["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("01-one/intro/en.md")),
        "{f}"
    );
    // A link to a chapter kept as a draft says so.
    let t = clean();
    let two = t.read("content/02-two/en.md");
    t.write(
        "content/02-two/en.md",
        &two.replace("+++\n\n", "draft = true\n+++\n\n"),
    );
    let pt = t.read("content/02-two/pt-BR.md");
    t.write(
        "content/02-two/pt-BR.md",
        &pt.replace("+++\n\n", "draft = true\n+++\n\n"),
    );
    let (_, list) = findings(&t);
    assert!(
        list.iter().any(|f| f["message"]
            .as_str()
            .is_some_and(|m| m.contains("chapter `02-two` is not published"))),
        "{list:#?}"
    );
    // A reserved slug is located in the front matter.
    let t = clean();
    let one = t.read(en);
    t.write(
        en,
        &one.replacen("title = \"One\"", "title = \"One\"\nslug = \"print\"", 1),
    );
    let (_, list) = findings(&t);
    let f = finding(&list, "reserved");
    assert_eq!(
        (f["line"].as_u64(), f["col"].as_u64()),
        (Some(3), Some(1)),
        "{f}"
    );
}

/// A heading with an emoji gets the id an author can type: the emoji's invisible variation
/// selector is no part of it.
#[test]
fn an_emoji_in_a_heading_leaves_no_invisible_character_in_its_id() {
    let en = "content/01-one/en.md";
    let t = clean();
    let text = t.read(en);
    t.write(
        en,
        &text
            .replace("## Build", "## Build ⚠\u{FE0F}")
            .replace("[this section](#build)", "[this section](#build-)"),
    );
    let (_, list) = findings(&t);
    assert!(list.iter().all(|f| f["kind"] == "translation"), "{list:?}");
    t.build();
    let page = t.html("en/one/index.html");
    assert_eq!(all(&page, "h2#build-").len(), 1);
}

/// A chapter, its translation, the file it shows and course.toml saved with old Mac line
/// ends (a lone carriage return ends every line) read as any other: front matter, headings,
/// notes on the shown file's lines, findings on the line an editor shows, and `translate
/// done` records the version keeping the file's line ends.
#[test]
fn old_mac_line_ends_are_lines() {
    let (en, pt) = ("content/01-one/en.md", "content/01-one/pt-BR.md");
    let t = clean();
    let mac = |text: &str| text.replace("\r\n", "\n").replace('\n', "\r");
    for file in ["content/course.toml", "content/01-one/Dockerfile"] {
        t.write(file, &mac(&t.read(file)));
    }
    let english = t.read(en);
    let line = english
        .lines()
        .position(|l| l.contains("[this section](#build)"))
        .map(|i| i as u64 + 1);
    assert!(line.is_some(), "the fixture links to #build");
    t.write(
        en,
        &mac(&english.replace("[this section](#build)", "[this section](#nowhere)")),
    );
    t.write(pt, &mac(&t.read(pt)));
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    let links: Vec<_> = list.iter().filter(|f| f["kind"] != "translation").collect();
    assert_eq!(links.len(), 1, "only the broken link: {list:?}");
    assert_eq!(line_col(&list, "`#nowhere`").0, line);
    t.write(en, &mac(&english));
    let (code, list) = findings(&t);
    assert_eq!((code, list.len()), (Some(0), 0), "{list:?}");
    t.build();
    let page = t.html("en/one/index.html");
    assert_eq!(all(&page, "h2#build").len(), 1);
    let shown: String = all(&page, "pre code")
        .iter()
        .flat_map(|e| e.text())
        .collect();
    assert!(shown.contains("RUN echo built"), "{shown}");
    // An edit of the source makes the translation stale; recording it again keeps the
    // translation's lone carriage returns.
    t.write(
        en,
        &mac(&english.replace("## Build", "## Build\r\rOne more line.")),
    );
    let (_, list) = findings(&t);
    assert!(list.iter().any(|f| f["kind"] == "translation"), "{list:?}");
    let run = t.docent(&["translate", "done", "01-one", "pt-BR"]);
    assert!(run.ok(), "{}", run.stderr());
    let recorded = t.read(pt);
    assert!(
        recorded.contains("translated_from") && !recorded.contains('\n'),
        "{recorded:?}"
    );
    let (code, list) = findings(&t);
    assert_eq!((code, list.len()), (Some(0), 0), "{list:?}");
}

/// A carriage return typed by mistake inside a value of a file with line feeds ends the line
/// there, as Markdown reads it; the parser's complaint about the line after it then names
/// the stray character, in a chapter's front matter and in course.toml alike.
#[test]
fn a_stray_carriage_return_inside_a_value_is_named() {
    let t = clean();
    let en = "content/01-one/en.md";
    let chapter = t.read(en);
    t.write(
        en,
        &chapter.replacen("title = \"One\"", "title = \"O\rne\"", 1),
    );
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    let f = finding(&list, "invalid front matter");
    assert_eq!(
        (
            f["line"].as_u64(),
            f["path"]
                .as_str()
                .map(|p| p.ends_with(en.trim_start_matches("content/")))
        ),
        (Some(3), Some(true)),
        "{f}"
    );
    assert!(
        f["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("line 2 ends with a lone carriage return")),
        "{f}"
    );
    t.write(en, &chapter);
    let config = t.read("content/course.toml");
    let title = config
        .lines()
        .position(|l| l.starts_with("title = "))
        .expect("a title line");
    let (head, rest) = config.split_once("title = \"").expect("a title");
    t.write("content/course.toml", &format!("{head}title = \"X\r{rest}"));
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    let f = finding(&list, "invalid course.toml");
    assert_eq!(f["line"].as_u64(), Some(title as u64 + 2), "{f}");
    assert!(
        f["help"].as_str().is_some_and(|h| h.starts_with(&format!(
            "line {} ends with a lone carriage return",
            title + 1
        ))),
        "{f}"
    );
}

/// A chapter that fails to render (a `src=` file that is not there) still has its warnings
/// told, by `check` and by `build` alike: fixing the error brings no surprise.
#[test]
fn a_chapter_that_fails_keeps_its_warnings() {
    let t = clean();
    let en = "content/01-one/en.md";
    let chapter = t.read(en);
    t.write(
        en,
        &format!(
            "{chapter}\n```dockerfile src=\"Gone.dockerfile\"\n```\n\n```klingon\nQapla'\n```\n"
        ),
    );
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    assert_eq!(finding(&list, "Gone.dockerfile")["severity"], "error");
    let warned = finding(&list, "`klingon`");
    assert_eq!(warned["severity"], "warning");
    assert!(
        warned["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("01-one/en.md")),
        "{warned}"
    );
    let build = t.docent(&["build"]);
    assert!(!build.ok());
    assert!(build.stderr().contains("`klingon`"), "{}", build.stderr());
}

/// Errors that stop the course from loading (two broken UI string files) are listed by
/// `build` in the order `check` lists them, whatever order the languages are read in.
#[test]
fn load_errors_are_listed_alike_by_build_and_check() {
    let t = clean();
    // Portuguese listed first: read first, yet listed second (`en` sorts before `pt-BR`).
    let config = t.read("content/course.toml");
    let mut blocks: Vec<&str> = config.split("[[languages]]").collect();
    blocks.swap(1, 2);
    t.write("content/course.toml", &blocks.join("[[languages]]"));
    for lang in ["pt-BR", "en"] {
        t.write(&format!("i18n/{lang}/ui.ftl"), "search-placeholder = {\n");
    }
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    let from_check: Vec<String> = list
        .iter()
        .filter_map(|f| f["path"].as_str())
        .map(|p| p.replace('\\', "/"))
        .collect();
    assert_eq!(from_check.len(), 2, "{list:?}");
    let build = t.docent(&["build"]);
    assert!(!build.ok());
    let from_build: Vec<String> = build
        .stderr()
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .map(|l| l.split(':').next().unwrap_or(l).replace('\\', "/"))
        .collect();
    assert_eq!(from_build.len(), 2, "{}", build.stderr());
    for (b, c) in from_build.iter().zip(&from_check) {
        assert!(
            c.ends_with(b.as_str()) || b.ends_with(c.as_str()),
            "build {from_build:?}, check {from_check:?}"
        );
    }
}

/// Columns count characters, as editors do: the accents before a link on a Portuguese line
/// do not move it (the parser counts bytes).
#[test]
fn columns_count_characters_on_accented_lines() {
    let pt = "content/01-one/pt-BR.md";
    let t = clean();
    let text = t.read(pt);
    t.write(
        pt,
        &text.replace(
            "[esta seção](#build)",
            "[esta seção](#nada) 🚀 [ação](#nada2)",
        ),
    );
    let (_, list) = findings(&t);
    let at = |part: &str| line_col(&list, part);
    let line = text
        .lines()
        .position(|l| l.contains("[esta seção]"))
        .map(|i| i as u64 + 1);
    let before: String = text
        .lines()
        .find(|l| l.contains("[esta seção]"))
        .and_then(|l| l.split("[esta seção]").next())
        .unwrap_or_default()
        .to_string();
    let col = before.chars().count() as u64 + 1;
    assert_eq!(at("`#nada`"), (line, Some(col)));
    assert_eq!(
        at("`#nada2`"),
        (
            line,
            Some(col + "[esta seção](#nada) 🚀 ".chars().count() as u64)
        )
    );
}

/// A table row with more cells than the table has columns loses the extra ones without a
/// word, most often to a `|` inside code; the row is named, in a quote or a list as at the top level,
/// and the row written with `\|` is clean.
#[test]
fn table_rows_that_lose_cells_are_named() {
    let en = "content/01-one/en.md";
    for (table, line) in [
        (
            "| Command | Shows |\n|---|---|\n| `du -sh /* | sort -h` | sizes |",
            9,
        ),
        (
            "> Sizes:\n>\n> | Command | Shows |\n> |---|---|\n> | `ls` | files | extra |",
            11,
        ),
        (
            "- Sizes:\n\n  | Command | Shows |\n  |---|---|\n  | `ls` | files | extra |",
            11,
        ),
        // Lines ended by a lone carriage return (old Mac files) are lines too.
        (
            "Sizes:\rbelow.\r\r| Command | Shows |\n|---|---|\n| `ls` | files | extra |",
            12,
        ),
    ] {
        triggers(
            en,
            |s| s.replace("![A small square](diagram.svg)", table),
            "warning",
            line,
            "this table row has 3 cells but the table has 2 columns",
        );
    }
    let t = clean();
    let original = t.read(en);
    t.write(
        en,
        &original.replace(
            "![A small square](diagram.svg)",
            "| Command | Shows |\n|---|---|\n| `du -sh /* \\| sort -h` | sizes |",
        ),
    );
    let (_, list) = findings(&t);
    let rows: Vec<_> = list
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("table row"))
        })
        .collect();
    assert!(rows.is_empty(), "{rows:?}");
    assert!(
        !list.is_empty(),
        "the English file changed: its translation is stale"
    );
}

/// Links and images written as raw HTML (a README's centred logo) are checked as the
/// Markdown ones are: the file, the alternative text; a chapter link there is not
/// rewritten, so it is named.
#[test]
fn raw_html_links_and_images_are_checked() {
    let en = "content/01-one/en.md";
    triggers(
        en,
        |s| {
            s.replace(
                "![A small square](diagram.svg)",
                "<p align=\"center\"><img src=\"logo.png\" alt=\"Logo\"></p>",
            )
        },
        "error",
        7,
        "`logo.png` points at a file that does not exist",
    );
    triggers(
        en,
        |s| {
            s.replace(
                "![A small square](diagram.svg)",
                "<img src=\"diagram.svg\">",
            )
        },
        "warning",
        7,
        "image `diagram.svg` has no alternative text",
    );
    // Through the chapter's own folder name: there on disk, not on the site (the page is
    // published under its slug).
    triggers(
        en,
        |s| s.replace("(diagram.svg)", "(../01-one/diagram.svg)"),
        "error",
        7,
        "`../01-one/diagram.svg` goes up out of the chapter's folder and back in",
    );
    // Every file the page may load: each candidate of a `srcset`, a video and its poster.
    triggers(
        en,
        |s| {
            s.replace(
                "![A small square](diagram.svg)",
                "<picture><source srcset=\"diagram.svg 1x, wide.svg 2x\"><img src=\"diagram.svg\" alt=\"D\"></picture>",
            )
        },
        "error",
        7,
        "`wide.svg` points at a file that does not exist",
    );
    // An image or a player shows a file, not a page nor a place on one.
    for (markup, message) in [
        (
            "![Two](../02-two/)",
            "`../02-two/` is a chapter's page, not a file",
        ),
        (
            "<img alt=\"D\" src=\"diagram.svg\" srcset=\"#build 2x\">",
            "`#build` is a place on the page, not a file",
        ),
        (
            "<video controls src=\"./\"></video>",
            "`./` is this page or a folder above it, not a file",
        ),
        (
            "<img alt=\"Q\" src=\"?v=2\">",
            "`?v=2` is this page, not a file",
        ),
        // A chapter that is not there, from raw HTML or an image as from a Markdown link.
        ("![Nine](../09-nine/)", "there is no chapter `09-nine`"),
        (
            "<a href=\"../09-nine/\">nine</a>",
            "there is no chapter `09-nine`",
        ),
    ] {
        triggers(
            en,
            |s| s.replace("![A small square](diagram.svg)", markup),
            "error",
            7,
            message,
        );
    }
    // A URL is read without the spaces around it, as browsers read it.
    let t = clean();
    let original = t.read(en);
    t.write(
        en,
        &original.replace(
            "![A small square](diagram.svg)",
            "<img alt=\"D\" src=\" diagram.svg \">",
        ),
    );
    let (_, list) = findings(&t);
    assert!(
        !list.iter().any(|f| f["message"]
            .as_str()
            .is_some_and(|m| m.contains("diagram.svg"))),
        "{list:#?}"
    );
    // A file beside the page named like a chapter folder is a file, from Markdown as from
    // raw HTML.
    t.write(
        "content/01-one/01-logo",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    t.write(
        en,
        &original.replace(
            "![A small square](diagram.svg)",
            "<img alt=\"Logo\" src=\"01-logo\"> and [the logo](01-logo)",
        ),
    );
    let (_, list) = findings(&t);
    assert!(
        !list
            .iter()
            .any(|f| f["message"].as_str().is_some_and(|m| m.contains("01-logo"))),
        "{list:#?}"
    );
    // Where each missing file is named: (markup, [(file, line, column)]).
    type Placed<'a> = &'a [(&'a str, u64, u64)];
    let placed: &[(&str, Placed)] = &[
        // Each candidate where it is written, on the line the tag runs on to.
        (
            "<img alt=\"D\" src=\"diagram.svg\"\n     srcset=\"diagram.svg 1x,\n             wide.svg 2x, gone.svg 3x\">",
            &[("wide.svg", 9, 14), ("gone.svg", 9, 27)],
        ),
        // In a paragraph with text after the tag, and in a quote with a character reference.
        (
            "Text <img alt=\"D\"\n   src=\"n1.png\"> and more\n\n> <img alt=\"D\" src=\"diagram.svg\"\n>     srcset=\"a&#46;png 1x, a.png.bak 2x\">",
            &[("n1.png", 8, 4), ("a.png", 11, 15), ("a.png.bak", 11, 29)],
        ),
        // An HTML block indented by a few spaces: its indent counted once.
        ("  <img alt=\"D\" src=\"n2.png\">", &[("n2.png", 7, 16)]),
    ];
    for (markup, files) in placed {
        t.write(
            en,
            &original.replace("![A small square](diagram.svg)", markup),
        );
        let (_, list) = findings(&t);
        for &(name, line, col) in *files {
            assert_eq!(
                line_col(&list, &format!("`{name}` points at")),
                (Some(line), Some(col)),
                "{name}: {list:#?}"
            );
        }
    }
    triggers(
        en,
        |s| {
            s.replace(
                "![A small square](diagram.svg)",
                "<video controls poster=\"diagram.svg\" src=\"demo.mp4\"></video>",
            )
        },
        "error",
        7,
        "`demo.mp4` points at a file that does not exist",
    );
    // A chapter link in raw HTML is checked and pointed at the chapter's page, as a
    // Markdown one is.
    triggers(
        en,
        |s| {
            s.replace(
                "[this section](#build)",
                "<a href='../02-two/#detail'>two</a>",
            )
        },
        "error",
        5,
        "chapter `02-two` has no heading `#detail`",
    );
    // Bare, or spelt with character references as a browser reads them; a `>` in a quoted
    // value does not end the tag, so none of it reaches the page's description (below).
    let text = clean().read(en);
    let mut t = clean();
    for link in [
        "<a class=x href=../02-two/#details>two</a>",
        "<a class=x title=\"x > y\" href=\"&#46;&#46;/02-two/&#x23;details\">two</a>",
    ] {
        t = clean();
        t.write(en, &text.replace("[this section](#build)", link));
        assert_eq!(built_hrefs(&t, "main a.x"), ["../../en/two/#details"]);
    }
    let description_page = t.html("en/one/index.html");
    // An anchor of older HTML (`<a name>`, common in READMEs) is an anchor as an `id` is,
    // linked to from the chapter and from another one, on the chapter page and in print.
    let t = clean();
    t.write(
        en,
        &text.replace(
            "[this section](#build)",
            "<a name='old-anchor'></a>[this section](#old-anchor)",
        ),
    );
    let two = "content/02-two/en.md";
    let other = t.read(two);
    t.write(
        two,
        &format!("{other}\n<a class=back href=\"../01-one/#old-anchor\">back</a>\n"),
    );
    let (_, list) = findings(&t);
    assert!(list.iter().all(|f| f["kind"] == "translation"), "{list:?}");
    assert_eq!(built_hrefs(&t, "a[href='#old-anchor']").len(), 1);
    let page = t.html("en/one/index.html");
    assert_eq!(all(&page, "a#old-anchor").len(), 1);
    let print = t.html("en/print/index.html");
    let back: Vec<String> = all(&print, "a.back")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(back.len(), 1);
    let target = back[0].trim_start_matches('#');
    assert!(
        target.ends_with("old-anchor") && all(&print, &format!("a[id='{target}']")).len() == 1,
        "{back:?}"
    );
    let description = all(&description_page, "meta[name=description]")
        .first()
        .map(|m| attr(m, "content"))
        .unwrap_or_default();
    assert!(
        !description.contains("href") && !description.contains("docent:"),
        "{description}"
    );
    // However the attributes are written, the print page reads them: the chapter link goes
    // to the chapter's part of it, the image to the chapter's folder.
    let t = clean();
    t.write(
        en,
        &text
            .replace(
                "[this section](#build)",
                "<a class=x HREF = '../02-two/#details'>two</a>",
            )
            .replace(
                "![A small square](diagram.svg)",
                "<IMG class=y SRC='diagram.svg' alt='A square'>",
            ),
    );
    t.build();
    let print = t.html("en/print/index.html");
    let links: Vec<String> = all(&print, "a.x").iter().map(|a| attr(a, "href")).collect();
    assert_eq!(links, ["#two--details"]);
    let images: Vec<String> = all(&print, "img.y")
        .iter()
        .map(|a| attr(a, "src"))
        .collect();
    assert_eq!(images, ["../one/diagram.svg"]);
}

/// `translate done` records what it is told, and says at once where the translation does
/// not match its source (it said so only at the next `check`).
#[test]
fn translate_done_says_where_the_translation_drifted() {
    let t = clean();
    let pt = "content/01-one/pt-BR.md";
    let text = t.read(pt);
    t.write(pt, &text.replace("## Build", "### Build"));
    let run = t.docent(&["translate", "done", "01-one", "pt-BR"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr().contains("heading structure differs"),
        "{}",
        run.stderr()
    );
    assert!(t.read(pt).contains("translated_from"));
}

/// Two chapters with one slug: the error points at the `slug` line that makes them collide.
#[test]
fn a_slug_used_twice_is_located() {
    let t = clean();
    let two = "content/02-two/en.md";
    let text = t.read(two);
    t.write(two, &text.replacen("+++\n", "+++\nslug = \"one\"\n", 1));
    let (_, list) = findings(&t);
    let f = finding(&list, "slug `one` is also used by");
    assert_eq!(
        (f["line"].as_u64(), f["col"].as_u64()),
        (Some(2), Some(1)),
        "{f}"
    );
}

/// Every unknown front matter key is named in one run, each where it is written.
#[test]
fn every_unknown_front_matter_key_at_once() {
    let t = clean();
    let en = "content/01-one/en.md";
    let text = t.read(en);
    t.write(
        en,
        &text.replacen(
            "title = \"One\"\n",
            "title = \"One\"\ndescripton = \"B\"\nslgu = \"x\"\n",
            1,
        ),
    );
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1));
    let keys: Vec<(String, u64)> = list
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("unknown front matter key"))
        })
        .map(|f| {
            (
                f["message"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        keys,
        [
            ("unknown front matter key `descripton`".to_string(), 3),
            ("unknown front matter key `slgu`".to_string(), 4)
        ]
    );
}

/// A quote written like an alert of a type GitHub lacks (Docusaurus's `[!DANGER]`) is named.
#[test]
fn an_alert_of_an_unknown_type_is_named() {
    triggers(
        "content/01-one/en.md",
        |s| s.replace("![A small square](diagram.svg)", "> [!DANGER]\n> Hot."),
        "warning",
        7,
        "`[!DANGER]` is not an alert type",
    );
}

#[test]
fn images_need_alt_text_and_a_file() {
    let en = "content/01-one/en.md";
    triggers(
        en,
        |s| s.replace("![A small square]", "![]"),
        "warning",
        7,
        "has no alternative text",
    );
    triggers(
        en,
        |s| s.replace("(diagram.svg)", "(diagram.png)"),
        "error",
        7,
        "`diagram.png` points at a file",
    );
}

#[test]
fn translations_that_drift_from_their_source() {
    let pt = "content/01-one/pt-BR.md";
    // (Line numbers count the `translated_from` line `translate done` added.)
    triggers(
        pt,
        |s| s.replace("## Build", "### Build"),
        "warning",
        10,
        "heading structure differs",
    );
    triggers(
        pt,
        |s| format!("{s}\n```bash\necho extra\n```\n"),
        "warning",
        18,
        "code blocks differ",
    );
    triggers(
        pt,
        |s| s.replace("2. `COPY --from=builder` — a ponte.\n", ""),
        "warning",
        12,
        "annotation count differs",
    );
}

#[test]
fn missing_translations_and_dockerfile_problems() {
    let t = clean();
    std::fs::remove_file(t.path("content/02-two/pt-BR.md")).expect("rm");
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1));
    assert!(
        list.iter().any(|f| f["message"]
            .as_str()
            .is_some_and(|m| m.contains("has no pt-BR translation"))),
        "{list:?}"
    );

    triggers(
        "content/01-one/Dockerfile",
        |s| format!("{s}COPY --from=biulder /out.txt /again.txt\n"),
        "warning",
        6,
        "did you mean",
    );
    triggers(
        "content/01-one/en.md",
        |s| s.replace("`COPY --from=builder`", "`COPY --from=nowhere`"),
        "error",
        15,
        "matches no line",
    );
    triggers(
        "content/01-one/en.md",
        |s| s.replace("src=\"Dockerfile\"", "src=\"Dockerfile.gone\""),
        "error",
        11,
        "src file `Dockerfile.gone` not found",
    );
}

/// A search synonym the search can never use (a stop word of its language, left out of every
/// query) is a warning at the word in `course.toml`, from `check` and `build` alike.
#[test]
fn a_search_synonym_that_is_a_stop_word() {
    let with = |s: &str| {
        format!("{s}search_synonyms = [[\"contêiner\", \"container\"], [\"guia\", \"como\"]]\n")
    };
    triggers(
        "content/course.toml",
        with,
        "warning",
        12,
        "search synonym `como` is a stop word in pt-BR",
    );
    let t = clean();
    t.write("content/course.toml", &with(&t.read("content/course.toml")));
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr()
            .contains("search synonym `como` is a stop word in pt-BR")
            && run.stderr().contains("course.toml:12:"),
        "{}",
        run.stderr()
    );
}

/// A search synonym group none of whose words a page of its language uses finds nothing (the
/// index leaves it out): a warning at its place in `course.toml`, from `check` and `build`.
#[test]
fn a_search_synonym_group_the_course_never_uses() {
    // A comment after the language's code, and a header written with spaces, as TOML allows.
    let with = |s: &str| {
        let s = s
            .replace("code = \"pt-BR\"", "code = \"pt-BR\" # Brazilian")
            .replacen("[[languages]]", "[[ languages ]]", 1);
        format!("{s}search_synonyms = [[\"zebrafish\", \"axolotl\"]]\n")
    };
    let message = "search synonym group `zebrafish, axolotl` has no word the pt-BR pages use";
    triggers("content/course.toml", with, "warning", 12, message);
    let t = clean();
    t.write("content/course.toml", &with(&t.read("content/course.toml")));
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr().contains(message) && run.stderr().contains("course.toml:12:21"),
        "{}",
        run.stderr()
    );
}

/// A `review` id that names no section of its chapter is a warning at its place in the
/// front matter: search would rank that section as teaching, and nothing else would say so.
#[test]
fn a_review_id_that_names_no_section() {
    let with = |s: &str| {
        s.replacen(
            "title = \"One\"\n",
            "title = \"One\"\nreview = [\"build\",\n  \"biuld\"]\n",
            1,
        )
    };
    triggers(
        "content/01-one/en.md",
        with,
        "warning",
        4,
        "review section `biuld` is not a heading of this chapter",
    );
    let t = clean();
    t.write(
        "content/01-one/en.md",
        &with(&t.read("content/01-one/en.md")),
    );
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr()
            .contains("review section `biuld` is not a heading of this chapter")
            && run.stderr().contains("01-one/en.md:4:3")
            && run.stderr().contains("such as `build`"),
        "{}",
        run.stderr()
    ); // The place is the entry's own, past comments that name it, a title that says
    // "review" and an escape; in YAML, past the key.
    for (front, at) in [
        (
            "title = \"A review of one\"\nreview = [\n  \"build\", # was \"gone\"\n  \"\\u0067one\",\n]\n",
            "01-one/en.md:5:3",
        ),
        (
            "title: A review of one\nreview:\n  - build\n  - gone\n",
            "01-one/en.md:5:5",
        ),
    ] {
        let fence = if front.contains(" = ") { "+++" } else { "---" };
        let text = t.read("content/01-one/en.md");
        let body = text.splitn(3, "+++\n").nth(2).expect("body");
        t.write(
            "content/01-one/en.md",
            &format!("{fence}\n{front}{fence}\n{body}"),
        );
        let run = t.docent(&["check"]);
        assert!(
            run.stdout().contains("review section `gone`") && run.stdout().contains(at),
            "{at}: {}",
            run.stdout()
        );
        t.write("content/01-one/en.md", &text);
    }
}

#[test]
fn human_output_and_exit_codes() {
    let t = clean();
    let run = t.docent(&["check"]);
    assert_eq!(run.code(), Some(0));
    assert!(
        run.stdout().contains("ok: 0 errors, 0 warnings"),
        "{}",
        run.stdout()
    );
    t.write(
        "content/02-two/en.md",
        &t.read("content/02-two/en.md")
            .replace("../01-one/", "../01-one/#nowhere"),
    );
    let run = t.docent(&["check"]);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stdout().contains("content/02-two/en.md:5:"),
        "{}",
        run.stdout()
    );
    assert!(run.stdout().contains("= help:"));
    // build runs the same checks and fails on the error, naming it.
    let build = t.docent(&["build"]);
    assert_eq!(build.code(), Some(1));
    assert!(
        build.stderr().contains("has no heading `#nowhere`"),
        "{}",
        build.stderr()
    );
}

#[test]
fn stale_translation_flow() {
    let t = SiteTest::fixture("check");
    let status = |t: &SiteTest| -> Vec<Value> {
        let run = t.docent(&["translate", "status", "--format", "json"]);
        assert!(run.ok(), "{}", run.stderr());
        serde_json::from_str::<Value>(&run.stdout())
            .expect("json")
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let state = |list: &[Value], chapter: &str| -> String {
        list.iter()
            .find(|s| s["chapter"] == chapter)
            .map(|s| s["state"].as_str().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    assert_eq!(state(&status(&t), "01-one"), "unknown");
    // Translate (already done here), mark done: up to date, and nothing else in the file moved.
    let before = t.read("content/01-one/pt-BR.md");
    assert!(t.docent(&["translate", "done", "01-one", "pt-BR"]).ok());
    let after = t.read("content/01-one/pt-BR.md");
    let recorded: Vec<&str> = after
        .lines()
        .filter(|l| l.starts_with("translated_from"))
        .collect();
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        after.replace(&format!("{}\n", recorded[0]), ""),
        before,
        "the rest stays byte for byte"
    );
    assert_eq!(state(&status(&t), "01-one"), "up-to-date");
    assert!(
        t.path("content/.docent/sources")
            .read_dir()
            .expect("store")
            .count()
            >= 1
    );
    // The source changes: stale, with the diff of what changed.
    let en = t.read("content/01-one/en.md");
    t.write(
        "content/01-one/en.md",
        &en.replace(
            "1. `FROM alpine:3.22 AS builder` — the build stage.",
            "1. `FROM alpine:3.22 AS builder` — the build stage, with the toolchain.",
        ),
    );
    let list = status(&t);
    assert_eq!(state(&list, "01-one"), "stale");
    let diff = list
        .iter()
        .find(|s| s["chapter"] == "01-one")
        .and_then(|s| s["diff"].as_str())
        .unwrap_or("")
        .to_string();
    assert!(
        diff.contains("- 1. `FROM alpine:3.22 AS builder` — the build stage.")
            && diff.contains(
                "+ 1. `FROM alpine:3.22 AS builder` — the build stage, with the toolchain."
            ),
        "{diff}"
    );
    let human = t.docent(&["translate", "status"]);
    assert!(human.stdout().contains("stale"), "{}", human.stdout());
    // The page says so, in Portuguese, with a link to the original.
    t.build();
    let page = t.html("pt-BR/one/index.html");
    let notice = one(&page, ".notice-stale");
    assert!(text(&notice).contains("desatualizada"), "{}", text(&notice));
    let link = notice.select(&sel("a")).next().expect("link to the source");
    assert_eq!(
        resolve("pt-BR/one/index.html", &attr(&link, "href")),
        "en/one/index.html"
    );
    let (code, found) = findings(&t);
    assert_eq!(code, Some(1));
    assert!(
        found
            .iter()
            .any(|f| f["message"].as_str().is_some_and(|m| m.contains("stale")))
    );
    // Mark it done again: clean.
    assert!(
        t.docent(&["translate", "done", "1", "pt-BR"]).ok(),
        "by number too"
    );
    assert_eq!(state(&status(&t), "01-one"), "up-to-date");
    t.build();
    assert!(all(&t.html("pt-BR/one/index.html"), ".notice-stale").is_empty());
    // Errors name what is wrong.
    let bad = t.docent(&["translate", "done", "07-nope", "pt-BR"]);
    assert_eq!(bad.code(), Some(1));
    assert!(bad.stderr().contains("no chapter `07-nope`"));
}

/// Each `translate done` stores the source version it records; `translate prune` removes
/// the versions no chapter names any more. A draft's, a linked chapter folder's and a stale
/// translation's stay, and nothing in the store that docent did not name is touched.
#[test]
fn translate_prune_keeps_only_the_source_versions_chapters_record() {
    let t = SiteTest::fixture("check");
    let stored = |t: &SiteTest| -> Vec<String> {
        let mut names: Vec<String> = t
            .path("content/.docent/sources")
            .read_dir()
            .expect("store")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        names.sort();
        names
    };
    let recorded = |t: &SiteTest, file: &str| -> String {
        t.read(file)
            .lines()
            .find_map(|l| l.strip_prefix("translated_from = "))
            .map(|v| v.trim_matches('"').to_string())
            .expect("translated_from")
    };
    let run = |t: &SiteTest, args: &[&str]| {
        let run = t.docent(args);
        assert!(run.ok(), "{}", run.stderr());
        run
    };
    run(&t, &["translate", "done", "01-one", "pt-BR"]);
    run(&t, &["translate", "done", "02-two", "pt-BR"]);
    let one = recorded(&t, "content/01-one/pt-BR.md");
    let two = recorded(&t, "content/02-two/pt-BR.md");
    // An author's own files in the store, and a draft chapter that records a version.
    for own in ["notes.md", "0123456789abcdef.txt", "DEADBEEFDEADBEEF.md"] {
        t.write(&format!("content/.docent/sources/{own}"), "mine\n");
    }
    t.write(
        "content/03-draft/en.md",
        "+++\ntitle = \"Draft\"\ndraft = true\n+++\n\nLater.\n",
    );
    t.write(
        "content/03-draft/pt-BR.md",
        &format!("+++\ntitle = \"Rascunho\"\ntranslated_from = \"{one}\"\n+++\n\nDepois.\n"),
    );
    // A chapter folder that is a link to one elsewhere in the project.
    t.write(
        "shared/04-linked/en.md",
        "+++\ntitle = \"Linked\"\n+++\n\nHello.\n",
    );
    t.write(
        "shared/04-linked/pt-BR.md",
        "+++\ntitle = \"Ligado\"\n+++\n\nOlá.\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink("../shared/04-linked", t.path("content/04-linked")).expect("link");
    run(&t, &["translate", "done", "04-linked", "pt-BR"]);
    let linked = recorded(&t, "shared/04-linked/pt-BR.md");
    // 01-one's source changes twice, each time marked done: the version between is named by
    // nobody.
    for edit in ["first", "second"] {
        let source = t.read("content/01-one/en.md");
        t.write(
            "content/01-one/en.md",
            &format!("{source}\nEdited, {edit}.\n"),
        );
        run(&t, &["translate", "done", "01-one", "pt-BR"]);
    }
    let latest = recorded(&t, "content/01-one/pt-BR.md");
    assert_eq!(stored(&t).len(), 8, "done never removes: {:?}", stored(&t));
    // 02-two's source changes but nobody marks it done: stale.
    let en = t.read("content/02-two/en.md");
    t.write("content/02-two/en.md", &format!("{en}\nNew line.\n"));
    let pruned = run(&t, &["translate", "prune"]);
    assert!(
        pruned.stderr().contains("removed 1 stored source version"),
        "{}",
        pruned.stderr()
    );
    let mut expected = vec![
        "0123456789abcdef.txt".to_string(),
        "DEADBEEFDEADBEEF.md".to_string(),
        format!("{latest}.md"),
        format!("{one}.md"),
        format!("{two}.md"),
        format!("{linked}.md"),
        "notes.md".to_string(),
    ];
    expected.sort();
    assert_eq!(stored(&t), expected);
    // The stale translation still shows what changed.
    let status = run(&t, &["translate", "status", "--format", "json"]);
    assert!(status.stdout().contains("New line"), "{}", status.stdout());
    assert!(
        run(&t, &["translate", "prune"])
            .stderr()
            .contains("every stored source version is recorded")
    );
    // A file in another encoding is read too (a version is ASCII): it names what it names.
    std::fs::create_dir_all(t.path("content/vendor")).expect("vendor");
    std::fs::write(
        t.path("content/vendor/README.md"),
        b"+++\ntranslated_from = \"fedcba9876543210\"\n+++\ncaf\xe9\n",
    )
    .expect("latin-1 file");
    t.write("content/.docent/sources/fedcba9876543210.md", "old\n");
    t.write("content/.docent/sources/0000000000000000.md", "old\n");
    let pruned = run(&t, &["translate", "prune"]);
    assert!(
        pruned.stderr().contains(
            "removed 1 stored source version(s) that no chapter records: 0000000000000000"
        ),
        "{}",
        pruned.stderr()
    );
    assert!(
        t.path("content/.docent/sources/fedcba9876543210.md")
            .is_file()
    );
    // A store reached through a link may be another course's too: left alone.
    #[cfg(unix)]
    {
        std::fs::rename(t.path("content/.docent"), t.path("elsewhere")).expect("move");
        std::os::unix::fs::symlink("../elsewhere", t.path("content/.docent")).expect("link");
        t.write("elsewhere/sources/1111111111111111.md", "old\n");
        let refused = t.docent(&["translate", "prune"]);
        assert!(
            !refused.ok() && refused.stderr().contains("is a link"),
            "{}",
            refused.stderr()
        );
        assert!(t.path("elsewhere/sources/1111111111111111.md").is_file());
    }
}

#[test]
fn init_makes_a_course_that_builds_at_once() {
    let t = SiteTest::fixture("check");
    let run = t.docent(&["init", "newcourse"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(t.path("newcourse/.gitignore").is_file());
    assert!(t.read("newcourse/.gitignore").contains("site/"));
    let build = std::process::Command::new(env!("CARGO_BIN_EXE_docent"))
        .args(["build"])
        .current_dir(t.path("newcourse"))
        .output()
        .expect("build");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&build.stderr).contains("warning"),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let doc =
        scraper::Html::parse_document(&t.read("newcourse/site/pt-BR/first-chapter/index.html"));
    assert_eq!(all(&doc, ".annotation-marker").len(), 4);
    assert!(!all(&doc, ".stage-map [data-stage]").is_empty());
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_docent"))
        .args(["check"])
        .current_dir(t.path("newcourse"))
        .output()
        .expect("check");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // A folder with something in it is refused, unless --force.
    let again = t.docent(&["init", "newcourse"]);
    assert_eq!(again.code(), Some(1));
    assert!(again.stderr().contains("not empty"), "{}", again.stderr());
    assert!(
        t.docent(&["init", "newcourse", "--force", "--languages", "en,es"])
            .ok()
    );
    assert!(t.path("newcourse/content/01-first-chapter/es.md").is_file());
    // Tags are written as tags are: `EN,pt-br` makes en.md and pt-BR.md, not EN.md.
    assert!(t.docent(&["init", "cased", "--languages", "EN,pt-br"]).ok());
    assert!(t.path("cased/content/01-first-chapter/en.md").is_file());
    assert!(t.path("cased/content/01-first-chapter/pt-BR.md").is_file());
    assert!(
        t.read("cased/content/course.toml")
            .contains("code = \"pt-BR\"")
    );
    assert!(t.docent(&["check", "--root", "cased/content"]).ok());
}

/// A tiny HTTP server on loopback: `/ok` answers 200, anything else 404.
fn local_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(50) {
            let Ok(mut stream) = stream else { continue };
            use std::io::{Read, Write};
            let mut buf = [0u8; 2048];
            let n = stream.read(&mut buf).unwrap_or(0);
            let req = String::from_utf8_lossy(&buf[..n]);
            let status = if req.split_whitespace().nth(1) == Some("/ok") {
                "200 OK"
            } else {
                "404 Not Found"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    addr
}

#[test]
fn external_links_only_with_the_flag() {
    let t = clean();
    let addr = local_server();
    let en = t.read("content/02-two/en.md");
    t.write(
        "content/02-two/en.md",
        &format!("{en}\n[fine](http://{addr}/ok) and [gone](http://{addr}/gone)\n"),
    );
    // The same link in Portuguese keeps the translation's structure equal.
    let pt = t.read("content/02-two/pt-BR.md");
    t.write(
        "content/02-two/pt-BR.md",
        &format!("{pt}\n[ok](http://{addr}/ok)\n"),
    );
    assert!(t.docent(&["translate", "done", "02-two", "pt-BR"]).ok());
    assert_eq!(t.docent(&["check"]).code(), Some(0), "off by default");
    let run = t.docent(&["check", "--external", "--format", "json"]);
    assert_eq!(run.code(), Some(1), "{}", run.stdout());
    let list: Vec<Value> = serde_json::from_str::<Value>(&run.stdout())
        .expect("json")
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(list.len(), 1, "{list:?}");
    assert!(
        list[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("/gone") && m.contains("404")),
        "{}",
        list[0]
    );
    assert_eq!(list[0]["line"], 11);
}

#[test]
fn the_bundled_course_passes_check_with_every_translation_recorded() {
    let t = SiteTest::bundled();
    let run = t.docent(&["check"]);
    assert_eq!(run.code(), Some(0), "{}", run.stdout());
    let status = t.docent(&["translate", "status", "--format", "json"]);
    let list: Value = serde_json::from_str(&status.stdout()).expect("json");
    for s in list.as_array().expect("list") {
        assert_eq!(s["state"], "up-to-date", "{s}");
    }
}

/// `check-jsonschema` (pip), found on PATH or in Python's scripts folder.
fn check_jsonschema() -> Option<std::path::PathBuf> {
    let scripts = std::process::Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_path('scripts'))",
        ])
        .output()
        .ok()
        .map(|o| std::path::PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    let candidates = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(scripts);
    candidates
        .map(|dir| dir.join("check-jsonschema"))
        .find(|p| p.is_file())
}

/// `docent init` writes a GitHub Pages workflow and a GitLab Pages job that build the
/// course with its history and publish it at the host's address; both validate against
/// the forges' published schemas.
#[test]
fn init_writes_publishing_workflows_that_validate() {
    let t = SiteTest::fixture("check");
    let run = t.docent(&["init", "newcourse"]);
    assert!(run.ok(), "{}", run.stderr());
    let github = t.read("newcourse/.github/workflows/publish.yml");
    let gitlab = t.read("newcourse/.gitlab-ci.yml");
    let gh: Value = serde_saphyr::from_str(&github).expect("workflow YAML");
    assert_eq!(gh["on"]["push"]["branches"][0], "main");
    let steps = gh["jobs"]["build"]["steps"].as_array().expect("steps");
    assert_eq!(
        steps[0]["with"]["fetch-depth"], 0,
        "history for last-updated dates"
    );
    let build = steps
        .iter()
        .find(|s| s["name"] == "Build")
        .and_then(|s| s["run"].as_str())
        .expect("build step");
    assert!(
        build.starts_with("docent build --root content --out site --base-url"),
        "{build}"
    );
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
    }));
    assert!(
        steps.iter().any(|s| s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("actions/cache"))),
        "docent is cached"
    );
    let deploy = &gh["jobs"]["deploy"];
    assert_eq!(deploy["permissions"]["pages"], "write");
    assert_eq!(deploy["needs"], "build");
    let gl: Value = serde_saphyr::from_str(&gitlab).expect("GitLab YAML");
    assert_eq!(gl["pages"]["artifacts"]["paths"][0], "public");
    assert_eq!(gl["variables"]["GIT_DEPTH"], 0);
    assert!(
        gl["pages"]["script"][0]
            .as_str()
            .is_some_and(|s| s.contains("--out public --base-url \"$CI_PAGES_URL/\""))
    );

    // A pipeline the repository already has is the author's: left where it runs, docent's
    // version beside it, inert.
    let theirs = "pages:\n  script: [make site]\n";
    t.write("newcourse/.gitlab-ci.yml", theirs);
    let again = t.docent(&["init", "newcourse", "--force"]);
    assert!(again.ok(), "{}", again.stderr());
    assert_eq!(t.read("newcourse/.gitlab-ci.yml"), theirs);
    assert_eq!(t.read("newcourse/.gitlab-ci.yml.docent"), gitlab);
    assert!(again.stderr().contains("left"), "{}", again.stderr());
    assert!(!t.path("newcourse/.gitlab-ci.yml.orig").exists());
    assert!(
        !t.path("newcourse/.github/workflows/publish.yml.docent")
            .exists(),
        "unchanged one"
    );

    let Some(validator) = check_jsonschema() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "check-jsonschema is missing in CI (.ci/run installs it)"
        );
        eprintln!(
            "skipped the schema check: check-jsonschema is not installed (pip install check-jsonschema)"
        );
        return;
    };
    for (schema, file) in [
        (
            "vendor.github-workflows",
            "newcourse/.github/workflows/publish.yml",
        ),
        ("vendor.gitlab-ci", "newcourse/.gitlab-ci.yml"),
    ] {
        let out = std::process::Command::new(&validator)
            .args(["--builtin-schema", schema])
            .arg(t.path(file))
            .output()
            .expect("check-jsonschema");
        assert!(
            out.status.success(),
            "{file} against {schema}:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A course overrides docent's strings from its own `i18n/`: a key docent does not have
/// (a typo) is reported by `check` and `build` alike, at its line, with the key meant; a
/// key the course's own template uses is not.
#[test]
fn unused_string_overrides_are_reported() {
    let t = clean();
    t.write(
        "i18n/pt-BR/ui.ftl",
        "skip-link = Ir para o texto\nskip-lnk = Pular\nmy-banner = Bem-vindo\n",
    );
    let unused_of = |list: &[Value]| -> Vec<Value> {
        list.iter()
            .filter(|f| {
                f["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("is not one docent uses"))
            })
            .cloned()
            .collect()
    };
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    let unused = unused_of(&list);
    assert_eq!(unused.len(), 2, "{list:#?}");
    let typo = unused
        .iter()
        .find(|f| f["message"].as_str().unwrap_or("").contains("skip-lnk"))
        .expect("typo");
    assert_eq!(typo["line"], 2);
    assert!(
        typo["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("i18n/pt-BR/ui.ftl")),
        "{typo}"
    );
    assert!(
        typo["help"]
            .as_str()
            .is_some_and(|h| h.contains("`skip-link`")),
        "{typo}"
    );
    let build = t.docent(&["build"]);
    assert!(
        build.stderr().contains("`skip-lnk` is not one docent uses"),
        "{}",
        build.stderr()
    );
    // The override itself works.
    assert_eq!(
        text(&one(&t.html("pt-BR/one/index.html"), ".skip-link")),
        "Ir para o texto"
    );
    // A template of the course's theme that asks for a key makes it used.
    t.write(
        "themes/default/templates/chapter.html",
        &std::fs::read_to_string(repo_root().join("themes/default/templates/chapter.html"))
            .expect("template")
            .replace(
                "{% block main %}",
                "{% block main %}<p>{{ t[\"my-banner\"] }}</p>",
            ),
    );
    let (_, list) = findings(&t);
    let left = unused_of(&list);
    assert_eq!(left.len(), 1, "{left:#?}");
}

#[test]
fn overrides_that_drop_a_variable_or_use_retired_keys_are_reported_once() {
    let t = clean();
    // Written for an older docent: the count was a separate label, the "other language"
    // line two fragments.
    t.write(
        "i18n/en/ui.ftl",
        "search-count = Results:\nsearch-other-one = result in\nsearch-other-many = results in\n",
    );
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1), "{list:?}");
    let messages: Vec<&str> = list.iter().filter_map(|f| f["message"].as_str()).collect();
    let dropped: Vec<&Value> = list
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("leaves out `$count`"))
        })
        .collect();
    assert_eq!(dropped.len(), 1, "{messages:#?}");
    assert_eq!(dropped[0]["line"], 1);
    assert!(
        dropped[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("i18n/en/ui.ftl")),
        "{:?}",
        dropped[0]
    );
    // Retired keys: each reported as unused, never as missing from the other language.
    assert_eq!(
        messages
            .iter()
            .filter(|m| m.contains("is not one docent uses"))
            .count(),
        2,
        "{messages:#?}"
    );
    assert!(
        !messages
            .iter()
            .any(|m| m.contains("search-other-one` is missing")),
        "{messages:#?}"
    );
}

/// A translation that does not load (a misspelt front matter key) leaves its source in the
/// course: the source's own problems are still reported beside it, and the translation is
/// not also called missing.
#[test]
fn a_broken_translation_hides_nothing_of_its_source() {
    let t = clean();
    let pt = t.read("content/01-one/pt-BR.md");
    t.write(
        "content/01-one/pt-BR.md",
        &format!(
            "{}\n## Só aqui\n\nTexto.\n",
            pt.replacen("title = \"Um\"", "titel = \"Um\"", 1)
        ),
    );
    let two = t.read("content/02-two/pt-BR.md");
    t.write(
        "content/02-two/pt-BR.md",
        &format!("{two}\nVeja [aquilo](../01-one/#só-aqui).\n"),
    );
    let en = t.read("content/01-one/en.md");
    t.write(
        "content/01-one/en.md",
        &en.replace("(diagram.svg)", "(gone.svg)"),
    );
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1));
    let messages: Vec<(&str, &str)> = list
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or_default(),
                f["message"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        messages
            .iter()
            .any(|(p, m)| p.ends_with("01-one/pt-BR.md") && m.contains("`titel`")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|(p, m)| p.ends_with("01-one/en.md") && m.contains("`gone.svg`")),
        "{messages:#?}"
    );
    assert!(
        !messages.iter().any(|(_, m)| m.contains("has no pt-BR")),
        "{messages:#?}"
    );
    // Nor is a heading of the broken translation, linked from another chapter, missing.
    assert!(
        !messages.iter().any(|(p, _)| p.ends_with("02-two/pt-BR.md")),
        "{messages:#?}"
    );
}

/// A chapter that does not load takes its sub-chapters with it: they are not promoted to
/// chapters of their own, nor judged, until it loads again.
#[test]
fn sub_chapters_of_a_chapter_that_does_not_load_wait_for_it() {
    let t = clean();
    t.write(
        "content/02-two/01-sub/en.md",
        "+++\ntitle = \"Sub\"\n+++\n\nSee [nothing](../09-nine/).\n",
    );
    for lang in ["en", "pt-BR"] {
        let file = format!("content/02-two/{lang}.md");
        let text = t.read(&file);
        t.write(&file, &text.replacen("+++\n", "+++\nbogus = 1\n", 1));
    }
    let (code, list) = findings(&t);
    assert_eq!(code, Some(1));
    let paths: Vec<&str> = list.iter().filter_map(|f| f["path"].as_str()).collect();
    assert!(paths.iter().all(|p| !p.contains("01-sub")), "{list:#?}");
    assert!(
        paths.iter().any(|p| p.ends_with("02-two/en.md")),
        "{list:#?}"
    );
}
