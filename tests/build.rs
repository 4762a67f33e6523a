//! `docent build` on fixture courses and the bundled course, checked through the HTML.

mod common;
use common::*;

#[test]
fn navigation_order_prev_next_and_current() {
    let t = SiteTest::fixture("basic");
    t.build();
    let page = "en/second/index.html";
    let doc = t.html(page);
    let items: Vec<String> = all(&doc, "nav.sidebar ol.chapter-list a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        items,
        ["1. Introduction", "2. Second chapter", "3. Third chapter"]
    );
    let current = one(&doc, "nav.sidebar a[aria-current=page]");
    assert_eq!(text(&current), "2. Second chapter");
    let prev = one(&doc, "a[rel=prev]");
    assert_eq!(resolve(page, &attr(&prev, "href")), "en/intro/index.html");
    assert!(text(&prev).contains("Introduction"));
    let next = one(&doc, "a[rel=next]");
    assert_eq!(resolve(page, &attr(&next, "href")), "en/third/index.html");
    assert!(text(&next).contains("Third chapter"));
    // The first chapter has no previous link, the last no next one.
    assert!(all(&t.html("en/intro/index.html"), "a[rel=prev]").is_empty());
    assert!(all(&t.html("pt-BR/terceiro/index.html"), "a[rel=next]").is_empty());
    // Every sidebar link points at a page that exists.
    for a in all(&doc, "nav.sidebar a") {
        let target = resolve(page, &attr(&a, "href"));
        assert!(t.path(&format!("site/{target}")).is_file(), "{target}");
    }
}

#[test]
fn switcher_hreflang_canonical_and_lang() {
    let t = SiteTest::fixture("basic");
    t.build();
    let page = "en/third/index.html";
    let doc = t.html(page);
    assert_eq!(attr(&one(&doc, "html"), "lang"), "en");
    let links = all(&doc, ".lang-switcher a");
    assert_eq!(links.len(), 2);
    let pt = links
        .iter()
        .find(|a| attr(a, "hreflang") == "pt-BR")
        .expect("pt-BR link");
    assert_eq!(attr(pt, "lang"), "pt-BR");
    // Same chapter, even though its slug differs in Portuguese.
    assert_eq!(
        resolve(page, &attr(pt, "href")),
        "pt-BR/terceiro/index.html"
    );
    let alternates: Vec<(String, String)> = all(&doc, "link[rel=alternate]")
        .iter()
        .map(|l| (attr(l, "hreflang"), attr(l, "href")))
        .collect();
    assert_eq!(
        alternates,
        [
            (
                "en".to_string(),
                "https://example.org/fixture/en/third/".to_string()
            ),
            (
                "pt-BR".to_string(),
                "https://example.org/fixture/pt-BR/terceiro/".to_string()
            ),
            (
                "x-default".to_string(),
                "https://example.org/fixture/".to_string()
            ),
        ]
    );
    let canonical = one(&doc, "link[rel=canonical]");
    assert_eq!(
        attr(&canonical, "href"),
        "https://example.org/fixture/en/third/"
    );
    let pt_doc = t.html("pt-BR/terceiro/index.html");
    assert_eq!(attr(&one(&pt_doc, "html"), "lang"), "pt-BR");
}

#[test]
fn sitemap_lists_every_page_with_alternates() {
    let t = SiteTest::fixture("basic");
    t.build();
    let xml = t.read("site/sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap is XML");
    let urls: Vec<roxmltree::Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    let locs: Vec<&str> = urls
        .iter()
        .filter_map(|u| {
            u.children()
                .find(|c| c.has_tag_name("loc"))
                .and_then(|l| l.text())
        })
        .collect();
    for expected in [
        "https://example.org/fixture/en/intro/",
        "https://example.org/fixture/pt-BR/intro/",
        "https://example.org/fixture/en/third/",
        "https://example.org/fixture/pt-BR/terceiro/",
    ] {
        assert!(locs.contains(&expected), "{expected} missing from {locs:?}");
    }
    // Not translated yet: the English page stands for it.
    assert!(!locs.contains(&"https://example.org/fixture/pt-BR/second/"));
    let third = urls
        .iter()
        .find(|u| {
            u.children()
                .any(|c| c.text() == Some("https://example.org/fixture/en/third/"))
        })
        .expect("third");
    let alts: Vec<(&str, &str)> = third
        .children()
        .filter(|c| c.tag_name().name() == "link")
        .map(|l| {
            (
                l.attribute("hreflang").unwrap_or(""),
                l.attribute("href").unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        alts,
        [
            ("en", "https://example.org/fixture/en/third/"),
            ("pt-BR", "https://example.org/fixture/pt-BR/terceiro/"),
            ("x-default", "https://example.org/fixture/"),
        ]
    );
    assert!(
        t.read("site/robots.txt")
            .contains("Sitemap: https://example.org/fixture/sitemap.xml")
    );
}

#[test]
fn missing_translation_falls_back_with_a_notice_and_a_warning() {
    let t = SiteTest::fixture("basic");
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr().contains("02-second") && run.stderr().contains("no pt-BR translation"),
        "{}",
        run.stderr()
    );
    let doc = t.html("pt-BR/second/index.html");
    assert_eq!(attr(&one(&doc, "html"), "lang"), "pt-BR");
    let notice = one(&doc, ".notice-fallback");
    // Both languages named as Portuguese writes them, not as each names itself.
    assert!(
        text(&notice).contains("ainda não foi traduzido para português (Brasil)")
            && text(&notice).contains("a versão em inglês"),
        "{}",
        text(&notice)
    );
    let body = one(&doc, ".chapter-body");
    assert_eq!(attr(&body, "lang"), "en");
    assert!(text(&body).contains("Only in English for now."));
    // For search engines it is the English page, not a Portuguese one.
    let canonical = attr(&one(&doc, "link[rel=canonical]"), "href");
    assert!(canonical.ends_with("/en/second/"), "{canonical}");
    let hreflangs: Vec<String> = all(&doc, "link[rel=alternate][hreflang]")
        .iter()
        .map(|l| attr(l, "hreflang"))
        .collect();
    assert!(!hreflangs.contains(&"pt-BR".to_string()), "{hreflangs:?}");
    assert!(hreflangs.contains(&"en".to_string()), "{hreflangs:?}");
    let sitemap = t.read("site/sitemap.xml");
    assert!(!sitemap.contains("/pt-BR/second/"), "{sitemap}");
    assert!(sitemap.contains("/en/second/"));
}

/// The English text shown on a Portuguese page links to a heading of another chapter by its
/// English id: the Portuguese page it goes to has the heading at that position under its
/// Portuguese id. The one-shot build (a batch of chapters at a time), the in-memory one
/// (`serve`) and the print page agree.
#[test]
fn links_from_an_untranslated_chapter_land_on_the_translated_heading() {
    let t = SiteTest::fixture("basic");
    let second = t.read("content/02-second/en.md");
    t.write(
        "content/02-second/en.md",
        &format!("{second}\nSee [a detail](../01-intro/#a-detail).\n"),
    );
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    // The link is the one whose text is "a detail".
    let href = |page: &str| {
        let doc = t.html(page);
        all(&doc, "a")
            .iter()
            .filter(|a| text(a) == "a detail")
            .map(|a| attr(a, "href"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        href("pt-BR/second/index.html"),
        ["../../pt-BR/intro/#um-detalhe"]
    );
    assert_eq!(href("en/second/index.html"), ["../../en/intro/#a-detail"]);
    assert_eq!(href("pt-BR/print/index.html"), ["#intro--um-detalhe"]);
    let doc = t.html("pt-BR/intro/index.html");
    assert_eq!(all(&doc, "#um-detalhe").len(), 1);
    // In memory, as `serve` builds: the same page.
    let built = docent::build::build(&t.path("content"), &docent::render::BuildOptions::default())
        .expect("build");
    let page = built
        .site
        .files
        .get("pt-BR/second/index.html")
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    assert!(page.contains("../../pt-BR/intro/#um-detalhe"), "{page}");
    // Still in the Portuguese navigation, at the same position.
    let nav: Vec<String> = all(&doc, "nav.sidebar .nav-title")
        .iter()
        .take(3)
        .map(text)
        .collect();
    assert_eq!(nav, ["Introdução", "Second chapter", "Terceiro capítulo"]);
    // A translated page has no notice.
    assert!(all(&t.html("pt-BR/intro/index.html"), ".notice-fallback").is_empty());
}

#[test]
fn dockerfile_block_is_highlighted_with_attributes() {
    let t = SiteTest::fixture("basic");
    t.build();
    let doc = t.html("en/third/index.html");
    let block = one(&doc, "figure.code-block[data-lang=dockerfile]");
    assert_eq!(
        text(&one(&doc, "figure.code-block figcaption > span")),
        "Dockerfile"
    );
    let lines = block.select(&sel(".line")).collect::<Vec<_>>();
    let file = t.read("content/03-third/Dockerfile");
    assert_eq!(
        lines.len(),
        file.lines().count(),
        "src= shows every line of the file"
    );
    // The block's text is the file, byte for byte (what the copy button copies).
    let code = block.select(&sel("code")).next().expect("code");
    assert_eq!(code.text().collect::<String>(), file.trim_end_matches('\n'));
    let highlighted: Vec<String> = block
        .select(&sel(".line.hl"))
        .map(|l| attr(&l, "data-ln"))
        .collect();
    assert_eq!(highlighted, ["2", "7", "8"]);
    assert!(block.value().classes().any(|c| c == "linenums"));
    // Keywords carry syntect classes, not inline styles.
    let keywords: Vec<String> = block
        .select(&sel("span.hl-keyword"))
        .map(|e| text(&e))
        .collect();
    assert!(keywords.iter().any(|k| k == "FROM"), "{keywords:?}");
    assert!(!t.read("site/en/third/index.html").contains("style=\""));
    // Copy buttons on every block, localized.
    assert_eq!(
        all(&doc, ".copy-button").len(),
        all(&doc, ".code-block").len()
    );
    let pt = t.html("pt-BR/terceiro/index.html");
    assert_eq!(text(&all(&pt, ".copy-button")[0]), "Copiar");
    // Console prompts are highlighted as shell, output stays plain.
    assert!(!all(&doc, "[data-lang=console] .prompt").is_empty());
    assert!(!all(&doc, "[data-lang=console] .output").is_empty());
}

#[test]
fn unknown_language_renders_plain_with_a_warning() {
    let t = SiteTest::fixture("basic");
    let run = t.docent(&["build"]);
    assert!(run.ok());
    assert!(
        run.stderr()
            .contains("unknown code block language `klingon`")
            && run.stderr().contains("03-third/en.md:16:1"),
        "{}",
        run.stderr()
    );
    let doc = t.html("en/third/index.html");
    let block = one(&doc, "[data-lang=klingon]");
    assert!(all(&doc, "[data-lang=klingon] span[class^=hl-]").is_empty());
    assert!(text(&block).contains("Qapla'"));
}

#[test]
fn markdown_extensions_and_heading_anchors() {
    let t = SiteTest::fixture("basic");
    t.build();
    let page = "en/intro/index.html";
    let doc = t.html(page);
    assert_eq!(all(&doc, ".chapter-body table").len(), 1);
    assert_eq!(all(&doc, ".chapter-body input[type=checkbox]").len(), 2);
    assert_eq!(all(&doc, ".chapter-body del").len(), 1);
    assert!(!all(&doc, ".chapter-body a[href='https://example.org/docs']").is_empty());
    assert_eq!(all(&doc, ".chapter-body .footnotes li").len(), 1);
    // The way back from a footnote is named in the page's language.
    let back = |lang: &str| {
        attr(
            &one(
                &t.html(&format!("{lang}/intro/index.html")),
                "a.footnote-backref",
            ),
            "aria-label",
        )
    };
    assert_eq!(back("en"), "Back to reference 1");
    assert_eq!(back("pt-BR"), "Voltar à referência 1");
    let h2 = one(&doc, ".chapter-body h2");
    assert_eq!(attr(&h2, "id"), "first-steps");
    let anchor = h2.select(&sel("a.anchor")).next().expect("anchor link");
    assert_eq!(attr(&anchor, "href"), "#first-steps");
    // On-page contents list h2 and h3.
    let toc: Vec<String> = all(&doc, ".page-toc li a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(toc, ["#first-steps", "#a-detail"]);
    // Alerts are titled in the page's language.
    assert_eq!(text(&one(&doc, ".markdown-alert-title")), "Warning");
    let pt = t.html("pt-BR/intro/index.html");
    assert_eq!(text(&one(&pt, ".markdown-alert-title")), "Atenção");
    // Chapter links written as folders point at the chapter in the reader's language.
    let links: Vec<String> = all(&pt, ".chapter-body p a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert!(
        links.contains(&"../../pt-BR/second/".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"../../pt-BR/terceiro/#est%C3%A1gios".to_string()),
        "{links:?}"
    );
}

#[test]
fn root_home_print_and_404_pages() {
    let t = SiteTest::fixture("basic");
    t.build();
    let root = t.html("index.html");
    let choices: Vec<String> = all(&root, ".chooser-list a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(choices, ["en/", "pt-BR/"]);
    let home = t.html("pt-BR/index.html");
    assert_eq!(text(&one(&home, "h1")), "Curso de teste");
    assert_eq!(all(&home, ".home-chapter-list li").len(), 3);
    let print = t.html("pt-BR/print/index.html");
    let sections = all(&print, "section.print-chapter");
    assert_eq!(sections.len(), 3);
    // Ids stay unique when every chapter shares one page.
    let mut ids: Vec<String> = all(&print, "[id]").iter().map(|e| attr(e, "id")).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids on the print page");
    // Chapter links jump within the page.
    assert!(!all(&print, "a[href='#chapter-second']").is_empty());
    let notfound = t.html("404.html");
    assert_eq!(attr(&one(&notfound, "base"), "href"), "/fixture/");
    assert_eq!(all(&notfound, ".not-found a").len(), 2);
}

#[test]
fn portuguese_pages_have_no_english_chrome() {
    let t = SiteTest::fixture("basic");
    t.build();
    let en_strings = ui_strings("en");
    let pt_strings = ui_strings("pt-BR");
    for page in [
        "pt-BR/intro/index.html",
        "pt-BR/index.html",
        "pt-BR/print/index.html",
    ] {
        let html = t.read(&format!("site/{page}"));
        let doc = scraper::Html::parse_document(&html);
        let mut chrome = String::new();
        for e in all(
            &doc,
            "body > *:not(.layout), nav, .pager, .page-toc, .keys-hint, .copy-button, .markdown-alert-title, .chapter-number",
        ) {
            chrome.push_str(&text(&e));
            chrome.push('\n');
        }
        for e in all(&doc, "[aria-label], [title]") {
            chrome.push_str(&attr(&e, "aria-label"));
            chrome.push_str(&attr(&e, "title"));
            chrome.push('\n');
        }
        for (key, en) in &en_strings {
            // A language switcher names each language as it names itself ("English").
            if pt_strings.get(key) == Some(en)
                || en.len() < 4
                || en.contains('{')
                || key.starts_with("language-name-")
            {
                continue;
            }
            assert!(
                !chrome.contains(en.as_str()),
                "{page} shows English `{en}` ({key})"
            );
        }
    }
}

fn ui_strings(lang: &str) -> std::collections::BTreeMap<String, String> {
    let text =
        std::fs::read_to_string(repo_root().join(format!("i18n/{lang}/ui.ftl"))).expect("ftl");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn two_builds_are_byte_identical() {
    let t = SiteTest::fixture("basic");
    t.build();
    let first = t.tree("site");
    t.build();
    let second = t.tree("site");
    assert_same_files(&second, &first, "between builds");
}

#[test]
fn pages_written_as_they_are_rendered_equal_the_site_in_memory() {
    // `docent build` streams pages, print pages (chapter by chapter) and search indexes to
    // disk; `serve` and the bundles keep the same site in memory.
    let t = SiteTest::bundled();
    // More chapters than the print page prepares at a time, linking across that boundary.
    for i in 11..=80 {
        let link = format!("[back](../{:03}-extra-{}/#more)", i - 1, i - 1);
        t.write(
            &format!("content/{i:03}-extra-{i}/en.md"),
            &format!("+++\ntitle = \"Extra {i}\"\n+++\n\n## More\n\nText {i}. {link}\n"),
        );
    }
    t.write(
        "content/010-extra-10/en.md",
        "+++\ntitle = \"Extra 10\"\n+++\n\n## More\n",
    );
    t.build();
    let mut on_disk = t.tree("site");
    // The marker that lets the next build replace this folder is the one file added on disk.
    assert!(on_disk.remove(docent::output::SITE_MARKER).is_some());
    let print = String::from_utf8_lossy(&on_disk["en/print/index.html"]).into_owned();
    assert!(print.contains("Text 80.") && print.contains("href=\"#extra-79--more\""));
    let in_memory = docent::build(&t.path("content"), &Default::default()).expect("build");
    assert_same_files(
        &on_disk,
        &files_of(&in_memory.site),
        "streamed against in memory",
    );
}

/// A course of 600 chapters, more than two batches of a one-shot build (which writes pages
/// a batch of 256 chapters at a time): chapter 15 links to chapter 590 with `anchor`.
fn many_chapters(t: &SiteTest, anchor: &str) {
    for i in 11..=600 {
        t.write(
            &format!("content/{i:03}-extra-{i}/en.md"),
            &format!("+++\ntitle = \"Extra {i}\"\n+++\n\n## Part {i}\n\nText {i}.\n"),
        );
    }
    t.write(
        "content/015-extra-15/en.md",
        &format!("+++\ntitle = \"Extra 15\"\n+++\n\nSee [later](../590-extra-590/#{anchor}).\n"),
    );
}

#[test]
fn links_into_a_later_batch_are_checked_against_its_headings() {
    let t = SiteTest::bundled();
    many_chapters(&t, "part-590");
    t.build();
    let page = t.html("en/extra-15/index.html");
    let link = one(&page, "main a[href*='extra-590']");
    assert!(attr(&link, "href").ends_with("/en/extra-590/#part-590"));
    let target = t.html("en/extra-590/index.html");
    assert_eq!(all(&target, "h2#part-590").len(), 1);

    many_chapters(&t, "part-59");
    let stderr = t.build_fails_keeping_the_site();
    assert!(
        stderr.contains("015-extra-15/en.md") && stderr.contains("part-59"),
        "{stderr}"
    );
}

#[test]
fn a_chapter_failing_in_a_later_batch_fails_the_build_and_keeps_the_site() {
    let t = SiteTest::bundled();
    many_chapters(&t, "part-590");
    t.build();
    // Pages of the first batches are written before chapters 595 and 597 are rendered.
    for i in [595, 597] {
        t.write(
            &format!("content/{i:03}-extra-{i}/en.md"),
            &format!("+++\ntitle = \"Extra {i}\"\n+++\n\n```dockerfile src=\"nope\"\n```\n"),
        );
    }
    let stderr = t.build_fails_keeping_the_site();
    // Every failing chapter is reported, not only the first.
    for file in ["595-extra-595/en.md:5:1", "597-extra-597/en.md:5:1"] {
        assert!(stderr.contains(file), "{file} in {stderr}");
    }
}

#[test]
fn failed_build_leaves_the_previous_site_untouched() {
    let t = SiteTest::fixture("basic");
    t.build();
    t.write("content/02-second/en.md", "+++\ntitle = \n+++\nbroken\n");
    t.build_fails_keeping_the_site();
}

/// Each bad input: the message names file:line:col, says what was expected, exits 1.
#[test]
fn error_messages_name_file_line_and_column() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (
            "content/course.toml",
            "base_url = \"https://example.org/\"\nlanguages = 3\n",
            "content/course.toml:2:13",
            &["invalid course.toml", "sequence"],
        ),
        (
            "content/01-intro/en.md",
            "+++\ntitle = \"A\"\ncolour = \"red\"\n+++\nbody\n",
            "content/01-intro/en.md:3:1",
            &["unknown front matter key `colour`"],
        ),
        (
            "content/01-intro/en.md",
            "---\ntitle: [unclosed\n---\nbody\n",
            "content/01-intro/en.md:",
            &["invalid front matter"],
        ),
        (
            "content/01-intro/en.md",
            "+++\ndescription = \"no title\"\n+++\nbody\n",
            "content/01-intro/en.md:2:1",
            &["missing field `title`", "help: every chapter needs"],
        ),
        (
            "content/01-intro/fr.md",
            "+++\ntitle = \"Bonjour\"\n+++\n",
            "content/01-intro/fr.md",
            &["`fr.md` is not a language of this course", "en, pt-BR"],
        ),
        (
            "content/03-third/en.md",
            "+++\ntitle = \"T\"\n+++\n\nText.\n\n```dockerfile src=\"Missing.dockerfile\"\n```\n",
            "content/03-third/en.md:7:1",
            &["src file `Missing.dockerfile` not found"],
        ),
    ];
    for (file, text, location, messages) in cases {
        let t = SiteTest::fixture("basic");
        t.write(file, text);
        let run = t.docent(&["build"]);
        let err = run.stderr();
        assert_eq!(run.code(), Some(1), "{file}: {err}");
        assert!(
            err.contains(location),
            "{file}: expected {location} in:\n{err}"
        );
        for m in *messages {
            assert!(err.contains(m), "{file}: expected `{m}` in:\n{err}");
        }
        assert!(
            !t.path("site").exists(),
            "no site is written by a failed build"
        );
    }
}

#[test]
fn theme_and_strings_are_overridable_one_file_at_a_time() {
    let t = SiteTest::fixture("basic");
    t.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Custom 404</h1>{% endblock main %}",
    );
    // Saved with old Mac line ends: the comment after the message is a line of its own.
    t.write(
        "i18n/pt-BR/ui.ftl",
        "# Textos nossos\rskip-link = Ir direto ao texto\r# fim\r",
    );
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert_eq!(text(&one(&t.html("404.html"), "h1")), "Custom 404");
    let pt = t.html("pt-BR/intro/index.html");
    assert_eq!(text(&one(&pt, ".skip-link")), "Ir direto ao texto");
    // The override replaced only that one file's keys: other pt-BR keys are still there.
    assert_eq!(text(&one(&pt, ".toc-title")), "Nesta página");
}

#[test]
fn a_missing_ui_string_falls_back_to_the_default_language() {
    let t = SiteTest::fixture("basic");
    // A course adds a string in English only and uses it in its own footer.
    t.write("i18n/en/extra.ftl", "course-motto = Learn by building\n");
    let base = std::fs::read_to_string(repo_root().join("themes/default/templates/base.html"))
        .expect("base.html");
    t.write(
        "themes/default/templates/base.html",
        &base.replace(
            "<footer class=\"site-footer\">",
            "<footer class=\"site-footer\"><p class=\"motto\">{{ t[\"course-motto\"] }}</p>",
        ),
    );
    let run = t.docent(&["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        run.stderr()
            .contains("UI string `course-motto` is missing in pt-BR; using en"),
        "{}",
        run.stderr()
    );
    let pt = t.html("pt-BR/intro/index.html");
    assert_eq!(text(&one(&pt, ".motto")), "Learn by building");
    assert_eq!(
        text(&one(&t.html("en/intro/index.html"), ".motto")),
        "Learn by building"
    );
}

#[test]
fn a_broken_template_is_reported_with_its_location() {
    let t = SiteTest::fixture("basic");
    t.write("themes/default/templates/chapter.html", "{% extends \"base.html\" %}\n{% block main %}\n{{ title | nosuchfilter }}\n{% endblock main %}\n");
    let run = t.docent(&["build"]);
    assert_eq!(run.code(), Some(1));
    assert!(
        run.stderr()
            .contains("themes/default/templates/chapter.html:3:"),
        "{}",
        run.stderr()
    );
}

#[test]
fn cli_help_and_quiet() {
    let t = SiteTest::fixture("basic");
    let help = t.docent(&["--help"]);
    assert!(help.ok());
    assert!(help.stdout().contains("build"));
    let build_help = t.docent(&["build", "--help"]);
    assert!(build_help.stdout().contains("--root") && build_help.stdout().contains("--out"));
    let quiet = t.docent(&["-q", "build"]);
    assert!(quiet.ok());
    assert!(quiet.stderr().is_empty(), "{}", quiet.stderr());
    let custom = t.docent(&["build", "--root", "content", "--out", "public"]);
    assert!(custom.ok());
    assert!(t.path("public/en/intro/index.html").is_file());
}

#[test]
fn assets_are_content_hashed_and_self_hosted() {
    let t = SiteTest::fixture("basic");
    t.build();
    let doc = t.html("en/intro/index.html");
    let css = attr(&one(&doc, "link[rel=stylesheet]"), "href");
    assert!(
        css.starts_with("../../assets/docent.") && css.ends_with(".css"),
        "{css}"
    );
    assert!(
        t.path(&format!("site/{}", resolve("en/intro/index.html", &css)))
            .is_file()
    );
    for (path, bytes) in t.tree("site") {
        if path.ends_with(".html") || path.ends_with(".css") || path.ends_with(".js") {
            let s = String::from_utf8_lossy(&bytes);
            for bad in [
                "<script src=\"http",
                "<link rel=\"stylesheet\" href=\"http",
                "@import",
                "url(http",
            ] {
                assert!(
                    !s.contains(bad),
                    "{path} loads something from outside: {bad}"
                );
            }
        }
    }
    // Chapter files beside the Markdown are published with the chapter.
    assert!(t.path("site/en/third/Dockerfile").is_file());
    assert!(t.path("site/pt-BR/terceiro/Dockerfile").is_file());
}

#[test]
fn bundled_course_builds_in_both_languages() {
    let t = SiteTest::bundled();
    t.build();
    let en = t.html("en/index.html");
    let pt = t.html("pt-BR/index.html");
    let en_n = all(&en, ".home-chapter-list li").len();
    assert!(en_n >= 3, "the bundled course has at least three chapters");
    assert_eq!(all(&pt, ".home-chapter-list li").len(), en_n);
    for doc in [&en, &pt] {
        for a in all(doc, ".home-chapter-list a") {
            let target = resolve("en/index.html", &attr(&a, "href"));
            assert!(t.path(&format!("site/{target}")).is_file(), "{target}");
        }
    }
}

/// A page shared in chat or found by a search engine: icons (and `/favicon.ico`), share
/// cards with the page's own title and description (or its first words), locales, an
/// absolute image, and schema.org data.
#[test]
fn pages_carry_icons_share_cards_and_structured_data() {
    let t = SiteTest::bundled();
    t.build();
    assert!(
        t.path("site/favicon.ico").is_file(),
        "browsers ask for /favicon.ico"
    );
    let page = t.html("pt-BR/security/index.html");
    let meta = |sel_: &str| attr(&one(&page, sel_), "content");
    for rel in [
        "link[rel=icon][type='image/svg+xml']",
        "link[rel=icon][type='image/png']",
        "link[rel=apple-touch-icon]",
    ] {
        let href = resolve("pt-BR/security/index.html", &attr(&one(&page, rel), "href"));
        assert!(t.path(&format!("site/{href}")).is_file(), "{rel} → {href}");
    }
    assert_eq!(
        meta("meta[property='og:title']"),
        text(&one(&page, "main h1"))
    );
    assert_eq!(meta("meta[property='og:type']"), "article");
    assert_eq!(meta("meta[property='og:locale']"), "pt_BR");
    assert_eq!(meta("meta[property='og:locale:alternate']"), "en");
    assert_eq!(
        meta("meta[property='og:url']"),
        attr(&one(&page, "link[rel=canonical]"), "href")
    );
    assert!(
        meta("meta[property='og:image']").starts_with("https://"),
        "absolute image"
    );
    assert_eq!(meta("meta[name='twitter:card']"), "summary_large_image");
    assert!(!meta("meta[property='og:description']").is_empty());
    let ld: serde_json::Value =
        serde_json::from_str(&text(&one(&page, "script[type='application/ld+json']")))
            .expect("JSON-LD");
    assert_eq!(ld["@type"], "LearningResource");
    assert_eq!(ld["inLanguage"], "pt-BR");
    assert_eq!(ld["isPartOf"]["@type"], "Course");
    let home = t.html("en/index.html");
    let ld: serde_json::Value =
        serde_json::from_str(&text(&one(&home, "script[type='application/ld+json']")))
            .expect("JSON-LD");
    assert_eq!(ld["@type"], "Course");
    // A chapter without a description is described by its first words.
    t.write(
        "content/02-first-multi-stage-build/en.md",
        &t.read("content/02-first-multi-stage-build/en.md")
            .replacen("\ndescription = ", "\nx_description = ", 1)
            .replace("\nx_description = ", "\n#"),
    );
    t.build();
    let page = t.html("en/first-multi-stage-build/index.html");
    let described = attr(&one(&page, "meta[name=description]"), "content");
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = squash(&text(&all(&page, ".chapter-body p")[0]));
    let described = squash(described.trim_end_matches('…'));
    assert!(
        !described.is_empty() && first.starts_with(&described),
        "{described:?} vs {first:?}"
    );
}

/// "Edit this page" opens the file of the page's language in the forge's editor; "last
/// updated" is the date of that file's last commit, localized, capped by
/// `SOURCE_DATE_EPOCH`, and absent without git.
#[test]
fn chapter_pages_link_their_source_and_say_when_it_last_changed() {
    let t = SiteTest::fixture("basic");
    let config = t.read("content/course.toml").replace(
        "repository = \"https://example.org/repo\"",
        "repository = \"https://gitlab.com/team/course.git\"\n\n[edit]\nbranch = \"trunk\"",
    );
    // `[edit]` is a table: it goes after the top-level keys, before [[languages]].
    let (top, langs) = config.split_once("[[languages]]").expect("languages");
    t.write("content/course.toml", &format!("{top}[[languages]]{langs}"));
    if !git_at(
        t.path("").as_path(),
        "2024-02-29T12:00:00Z",
        &["init", "-q"],
    ) {
        eprintln!("skipped: git is not installed");
        return;
    }
    git_at(&t.path(""), "2024-02-29T12:00:00Z", &["add", "-A"]);
    git_at(
        &t.path(""),
        "2024-02-29T12:00:00Z",
        &["commit", "-qm", "first"],
    );
    t.write(
        "content/01-intro/en.md",
        &format!("{}\nOne more line.\n", t.read("content/01-intro/en.md")),
    );
    git_at(
        &t.path(""),
        "2025-03-10T08:00:00Z",
        &["commit", "-qam", "second"],
    );
    // Not committed: the date stays the commit's, whatever the disk says.
    t.write(
        "content/01-intro/pt-BR.md",
        &format!("{}\nMais uma linha.\n", t.read("content/01-intro/pt-BR.md")),
    );
    t.build();

    let en = t.html("en/intro/index.html");
    assert_eq!(
        attr(&one(&en, "a.page-edit"), "href"),
        "https://gitlab.com/team/course/-/edit/trunk/content/01-intro/en.md"
    );
    let time = one(&en, ".page-updated time");
    assert_eq!(attr(&time, "datetime"), "2025-03-10");
    assert_eq!(text(&time), "Last updated on March 10, 2025");
    let pt = t.html("pt-BR/intro/index.html");
    assert!(attr(&one(&pt, "a.page-edit"), "href").ends_with("/content/01-intro/pt-BR.md"));
    assert_eq!(
        text(&one(&pt, ".page-updated time")),
        "Atualizado em 29 de fevereiro de 2024"
    );
    // A page shown in the source language (no translation) edits the file it shows.
    let fallback = t.html("pt-BR/second/index.html");
    assert!(attr(&one(&fallback, "a.page-edit"), "href").ends_with("/content/02-second/en.md"));

    // Reproducible builds: no date after SOURCE_DATE_EPOCH (2024-06-01).
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_docent"))
        .args(["-q", "build"])
        .current_dir(t.path(""))
        .env("SOURCE_DATE_EPOCH", "1717200000")
        .output()
        .expect("docent");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let en = t.html("en/intro/index.html");
    assert_eq!(
        attr(&one(&en, ".page-updated time"), "datetime"),
        "2024-06-01"
    );

    // Outside a repository: no date, and the link names the course folder.
    std::fs::remove_dir_all(t.path(".git")).expect("rm .git");
    t.build();
    let en = t.html("en/intro/index.html");
    assert!(all(&en, ".page-updated").is_empty(), "no date without git");
    assert!(attr(&one(&en, "a.page-edit"), "href").ends_with("/trunk/content/01-intro/en.md"));

    // A forge docent does not know gets no link unless `[edit] url` says how.
    let unknown = t.read("content/course.toml").replace(
        "https://gitlab.com/team/course.git",
        "https://git.example.org/course",
    );
    t.write("content/course.toml", &unknown);
    t.build();
    assert!(all(&t.html("en/intro/index.html"), "a.page-edit").is_empty());
    t.write(
        "content/course.toml",
        &unknown.replace(
            "branch = \"trunk\"",
            "branch = \"trunk\"\nurl = \"https://git.example.org/course/src/{branch}/{path}?edit\"",
        ),
    );
    t.build();
    assert_eq!(
        attr(&one(&t.html("en/intro/index.html"), "a.page-edit"), "href"),
        "https://git.example.org/course/src/trunk/content/01-intro/en.md?edit"
    );
}

/// `build --base-url` publishes a preview at another address: canonical links, share
/// cards, sitemap and the 404 page's base follow it; course.toml is left as it was.
#[test]
fn base_url_on_the_command_line_overrides_course_toml() {
    let t = SiteTest::fixture("basic");
    let config = t.read("content/course.toml");
    let run = t.docent(&["build", "--base-url", "https://preview.example.net/pr-7"]);
    assert!(run.ok(), "{}", run.stderr());
    let page = t.html("pt-BR/intro/index.html");
    assert_eq!(
        attr(&one(&page, "link[rel=canonical]"), "href"),
        "https://preview.example.net/pr-7/pt-BR/intro/"
    );
    assert!(
        attr(&one(&page, "meta[property='og:image']"), "content")
            .starts_with("https://preview.example.net/pr-7/")
    );
    assert!(
        t.read("site/sitemap.xml")
            .contains("<loc>https://preview.example.net/pr-7/en/intro/</loc>")
    );
    assert!(!t.read("site/sitemap.xml").contains("example.org"));
    assert_eq!(attr(&one(&t.html("404.html"), "base"), "href"), "/pr-7/");
    assert_eq!(t.read("content/course.toml"), config);
    let bad = t.docent(&["build", "--base-url", "preview.example.net"]);
    assert_eq!(bad.code(), Some(2), "{}", bad.stderr());
    assert!(
        bad.stderr().contains("absolute http(s) URL"),
        "{}",
        bad.stderr()
    );
}

/// The print page's running head carries the course title inside CSS: a title with quotes
/// and markup stays text there and cannot end the style element.
#[test]
fn print_running_head_holds_any_title() {
    let t = SiteTest::fixture("basic");
    let config = t.read("content/course.toml").replace(
        "title = \"Fixture course\"",
        "title = 'Say \"hi\" </style><script>alert(1)</script> \\o/'",
    );
    t.write("content/course.toml", &config);
    t.build();
    let print = t.html("en/print/index.html");
    assert!(
        all(&print, "script")
            .iter()
            .all(|s| !text(s).contains("alert(1)"))
    );
    let style = all(&print, "head style")
        .into_iter()
        .map(|s| text(&s))
        .find(|s| s.contains("@page"))
        .expect("@page rules");
    assert!(
        style.contains(r#"content: "Say \"hi\" \3C /style>\3C script>alert(1)\3C /script> \\o/""#),
        "{style}"
    );
    assert!(style.contains("counter(page)"), "page numbers");
}

/// Inline code marked to stay whole keeps its words everywhere a heading's or an image's
/// text is read as plain text: the anchor link's accessible name, the contents list, and
/// the image's alt text.
#[test]
fn code_in_headings_and_alt_text_keeps_its_words() {
    let t = SiteTest::fixture("basic");
    t.write(
        "content/04-flags/en.md",
        "+++\ntitle = \"Flags\"\n+++\n\n## Pass `--build-arg` once\n\nText with ![The `--no-trunc` flag](data:image/gif;base64,R0lGODlhAQABAAAAACw=) inline.\n",
    );
    t.build();
    let doc = t.html("en/flags/index.html");
    let h2 = one(&doc, ".chapter-body h2");
    assert!(
        !all(&doc, ".chapter-body h2 code.nowrap").is_empty(),
        "the flag in the heading is marked"
    );
    let anchor = h2.select(&sel("a.anchor")).next().expect("anchor link");
    assert!(
        attr(&anchor, "aria-label").ends_with("Pass --build-arg once"),
        "{}",
        attr(&anchor, "aria-label")
    );
    let toc: Vec<String> = all(&doc, ".page-toc li a").iter().map(text).collect();
    assert!(toc.iter().any(|t| t == "Pass --build-arg once"), "{toc:?}");
    let img = one(&doc, ".chapter-body img");
    assert_eq!(attr(&img, "alt"), "The --no-trunc flag");
}
