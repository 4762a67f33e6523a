//! What a rebuild re-renders, through the same `Builder` that `docent serve` uses.

mod common;
use common::*;
use docent::build::Builder;
use docent::render::Outputs;
use docent::serve::serve_build_options;

fn builder(t: &SiteTest) -> Builder {
    let mut b = Builder::new(&t.path("content"), serve_build_options());
    let first = b
        .build_outputs(Outputs::AllButAggregates)
        .expect("first build");
    assert_eq!(first.chapters_rendered, 5, "every chapter file once");
    b
}

fn edit(t: &SiteTest, rel: &str, from: &str, to: &str) {
    let text = t.read(rel);
    assert!(text.contains(from), "{rel} lacks `{from}`");
    t.write(rel, &text.replacen(from, to, 1));
}

/// One save through `b`: `from` → `to` in `rel`, rebuilt as `serve` does and compared with a
/// full build (`what` names the step); its warnings.
fn save_edit(
    t: &SiteTest,
    b: &mut Builder,
    rel: &str,
    (from, to): (&str, &str),
    what: &str,
) -> std::sync::Arc<[docent::error::Diagnostic]> {
    edit(t, rel, from, to);
    let r = b
        .rebuild([t.path(rel)], Outputs::AllButAggregates)
        .expect(what);
    same_as_a_full_build_but_aggregates(t, &r.site, &r.warnings, what);
    r.warnings
}

/// An edit of the English introduction's body, not of its front matter.
fn edit_intro_body(t: &SiteTest) {
    edit(
        t,
        "content/01-intro/en.md",
        "Some **bold** text",
        "Some **strong** text",
    );
}

#[test]
fn a_body_edit_renders_one_chapter_in_its_language() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    edit_intro_body(&t);
    let r = b.build_outputs(Outputs::AllButAggregates).expect("rebuild");
    assert_eq!(r.chapters_rendered, 1);
    // The chapter's page, nothing in Portuguese, no neighbour (the English print page and
    // search index follow, see below).
    assert_eq!(r.pages_rendered, 1, "{:?}", r.changed);
    assert_eq!(r.changed, ["en/intro/index.html"]);
}

#[test]
fn nothing_changed_renders_nothing() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let r = b.build_outputs(Outputs::AllButAggregates).expect("rebuild");
    assert_eq!((r.chapters_rendered, r.pages_rendered), (0, 0));
    assert!(r.changed.is_empty());
}

#[test]
fn a_title_change_updates_the_neighbours_and_navigation() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    edit(
        &t,
        "content/02-second/en.md",
        "title = \"Second chapter\"",
        "title = \"Chapter two\"",
    );
    let r = b.build_outputs(Outputs::AllButAggregates).expect("rebuild");
    assert_eq!(
        r.chapters_rendered, 0,
        "titles live in front matter, not in the body"
    );
    for page in [
        "en/intro/index.html",
        "en/third/index.html",
        "en/index.html",
    ] {
        assert!(
            r.changed.iter().any(|c| c == page),
            "{page} not re-rendered: {:?}",
            r.changed
        );
    }
}

#[test]
fn a_template_change_renders_pages_not_markdown() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let base = std::fs::read_to_string(repo_root().join("themes/default/templates/base.html"))
        .expect("base");
    t.write(
        "themes/default/templates/base.html",
        &base.replace(
            "<footer class=\"site-footer\">",
            "<footer class=\"site-footer\" data-x>",
        ),
    );
    let r = b.build_outputs(Outputs::AllButAggregates).expect("rebuild");
    assert_eq!(r.chapters_rendered, 0);
    let rest = b.finish().expect("finish");
    assert_eq!(rest.chapters_rendered, 0);
    assert_eq!(
        r.pages_rendered + rest.pages_rendered,
        r.site.pages().count()
    );
}

/// A stylesheet edit renders no chapter; only the 404 page, which holds the stylesheet
/// itself, is made again, and the site is then the one a full build makes.
#[test]
fn a_css_change_renders_only_the_page_that_inlines_it() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let css =
        std::fs::read_to_string(repo_root().join("themes/default/static/style.css")).expect("css");
    t.write(
        "themes/default/static/style.css",
        &format!("{css}\nhr {{ color: red; }}\n"),
    );
    let r = b.build_outputs(Outputs::AllButAggregates).expect("rebuild");
    assert_eq!((r.chapters_rendered, r.pages_rendered), (0, 1));
    assert_eq!(r.changed, ["404.html", "assets/docent.css"]);
    same_as_a_full_build(&t, &b.finish().expect("finish"));
}

#[test]
fn a_failed_rebuild_keeps_the_caches() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let good = t.read("content/01-intro/en.md");
    t.write("content/01-intro/en.md", "+++\ntitle = 3\n+++\n");
    assert!(b.build_outputs(Outputs::AllButAggregates).is_err());
    t.write("content/01-intro/en.md", &good);
    let r = b.build_outputs(Outputs::AllButAggregates).expect("rebuild");
    assert_eq!((r.chapters_rendered, r.pages_rendered), (0, 0));
}

#[test]
fn serve_answers_first_and_brings_print_and_search_up_to_date_after() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    edit_intro_body(&t);
    let first = b.build_outputs(Outputs::AllButAggregates).expect("rebuild");
    assert!(first.stale, "the print page and search index wait");
    assert_eq!(first.changed, ["en/intro/index.html"]);
    let full = b.finish().expect("finish");
    assert!(!full.stale);
    // The print page and the English index (its parts the edit touched), nothing else.
    assert_eq!(
        full.changed.first().map(String::as_str),
        Some("en/print/index.html")
    );
    let search: Vec<&String> = full.changed.iter().skip(1).collect();
    assert!(
        !search.is_empty() && search.iter().all(|p| p.starts_with("search/en")),
        "{search:?}"
    );
    let print =
        String::from_utf8_lossy(full.site.get("en/print/index.html").expect("print")).into_owned();
    assert!(print.contains("<strong>strong</strong>"));
}

#[test]
fn a_large_course_lists_its_chapters_from_one_script() {
    let t = SiteTest::fixture("basic");
    for i in 4..=160 {
        t.write(
            &format!("content/{i:03}-extra-{i}/en.md"),
            &format!("+++\ntitle = \"Extra {i}\"\n+++\n\nText {i}.\n"),
        );
    }
    t.build();
    let doc = t.html("en/third/index.html");
    let list = one(&doc, "nav.sidebar .nav-tree");
    assert!(
        list.select(&sel("li")).next().is_none(),
        "no inline list of 160 chapters"
    );
    let script = resolve("en/third/index.html", &attr(&list, "data-nav-script"));
    let js = t.read(&format!("site/{script}"));
    // The script holds the sidebar's HTML (as a JSON string), every chapter linked.
    let html: String = serde_json::from_str(
        js.split_once("]=")
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(';'))
            .expect("window.docentNav[lang]=\"…\";"),
    )
    .expect("a JSON string");
    let nav = scraper::Html::parse_fragment(&html);
    let links: Vec<String> = all(&nav, "ol.chapter-list a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(links.len(), 160, "every chapter in the script");
    assert!(
        links.iter().all(|h| h.starts_with("../../en/")),
        "{links:?}"
    );
    assert!(
        all(&nav, "[aria-current]").is_empty(),
        "the page marks its own"
    );
    assert_eq!(attr(&list, "data-current"), "../../en/third/");
    // Without JavaScript the sidebar links to the home page, which lists every chapter.
    assert!(
        t.read("site/en/third/index.html")
            .contains("<noscript><p><a href=\"../../en/\">")
    );
    assert_eq!(
        all(&t.html("en/index.html"), ".home-chapter-list li").len(),
        160
    );
}

fn page_text(site: &docent::site::Site, path: &str) -> String {
    String::from_utf8_lossy(site.get(path).unwrap_or_else(|| panic!("no {path}"))).into_owned()
}

#[test]
fn rebuilding_from_watched_paths_gives_the_full_build() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let intro = t.path("content/01-intro/en.md");
    // A body edit: one chapter read and rendered.
    edit_intro_body(&t);
    let r = b
        .rebuild([intro.clone()], Outputs::AllButAggregates)
        .expect("rebuild");
    assert_eq!((r.chapters_rendered, r.pages_rendered), (1, 1));
    let done = b.finish().expect("finish");
    same_as_a_full_build(&t, &done);
    // A title and slug change: navigation everywhere, new URL.
    edit(
        &t,
        "content/01-intro/en.md",
        "title = \"Introduction\"",
        "title = \"Getting started\"\nslug = \"start\"",
    );
    let r = b
        .rebuild([intro.clone()], Outputs::AllButAggregates)
        .expect("rebuild");
    assert!(r.site.get("en/start/index.html").is_some());
    assert!(r.site.get("en/intro/index.html").is_none());
    same_as_a_full_build(&t, &b.finish().expect("finish"));
}

#[test]
fn a_watched_rebuild_rereads_every_file_broken_since_the_last_good_build() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let intro = t.path("content/01-intro/en.md");
    let third = t.path("content/03-third/en.md");
    let good = t.read("content/01-intro/en.md");
    t.write("content/01-intro/en.md", "+++\ntitle = 3\n+++\n");
    let err = b
        .rebuild([intro.clone()], Outputs::AllButAggregates)
        .expect_err("bad front matter");
    assert!(err.to_string().contains("01-intro"), "{err}");
    // Another file is saved while the first is still broken: still an error.
    edit(&t, "content/03-third/en.md", "Qapla'", "Qapla' batlh");
    let err = b
        .rebuild([third], Outputs::AllButAggregates)
        .expect_err("01-intro is still broken");
    assert!(err.to_string().contains("01-intro"), "{err}");
    t.write("content/01-intro/en.md", &good);
    let r = b
        .rebuild([intro], Outputs::AllButAggregates)
        .expect("fixed");
    assert!(r.changed.iter().any(|p| p == "en/third/index.html"));
    same_as_a_full_build(&t, &b.finish().expect("finish"));
}

#[test]
fn changes_a_watched_rebuild_cannot_patch_read_the_whole_course() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    // A new translation file.
    t.write(
        "content/02-second/pt-BR.md",
        "+++\ntitle = \"Segundo capítulo\"\n+++\n\nTexto novo.\n",
    );
    let r = b
        .rebuild(
            [t.path("content/02-second/pt-BR.md")],
            Outputs::AllButAggregates,
        )
        .expect("new file");
    assert!(page_text(&r.site, "pt-BR/second/index.html").contains("Texto novo."));
    same_as_a_full_build(&t, &b.finish().expect("finish"));
    // A translation turned into a draft: the page falls back to English.
    edit(
        &t,
        "content/02-second/pt-BR.md",
        "+++\n",
        "+++\ndraft = true\n",
    );
    let r = b
        .rebuild(
            [t.path("content/02-second/pt-BR.md")],
            Outputs::AllButAggregates,
        )
        .expect("draft");
    assert!(!page_text(&r.site, "pt-BR/second/index.html").contains("Texto novo."));
    same_as_a_full_build(&t, &b.finish().expect("finish"));
    // An asset: its new bytes are published.
    let dockerfile = format!("{}# edited\n", t.read("content/03-third/Dockerfile"));
    t.write("content/03-third/Dockerfile", &dockerfile);
    let r = b
        .rebuild(
            [t.path("content/03-third/Dockerfile")],
            Outputs::AllButAggregates,
        )
        .expect("asset");
    assert_eq!(
        r.site.get("en/third/Dockerfile").map(|b| b.to_vec()),
        Some(dockerfile.into_bytes())
    );
    assert_eq!(r.chapters_rendered, 2, "both languages show the file");
    same_as_a_full_build(&t, &b.finish().expect("finish"));
    // A removed chapter file.
    std::fs::remove_file(t.path("content/02-second/pt-BR.md")).expect("rm");
    b.rebuild(
        [t.path("content/02-second/pt-BR.md")],
        Outputs::AllButAggregates,
    )
    .expect("removed");
    same_as_a_full_build(&t, &b.finish().expect("finish"));
}

/// The files a save leaves for the finishing pass: print pages and search indexes.
fn aggregate(path: &str) -> bool {
    path.starts_with("search/") || path.contains("/print/")
}

/// After a save (no finishing pass), `site` and `warnings` are those of a fresh full build,
/// print pages and search indexes aside.
fn same_as_a_full_build_but_aggregates(
    t: &SiteTest,
    site: &docent::site::Site,
    warnings: &[docent::error::Diagnostic],
    what: &str,
) {
    let full = Builder::new(&t.path("content"), serve_build_options())
        .build()
        .expect("full build");
    let without = |s: &docent::site::Site| {
        let mut files = files_of(s);
        files.retain(|path, _| !aggregate(path));
        files
    };
    assert_same_files(&without(site), &without(&full.site), what);
    assert_eq!(warnings, &*full.warnings, "{what}: the same warnings");
}

#[test]
fn a_save_patches_the_served_site_exactly_as_a_full_build_would() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let intro = t.path("content/01-intro/en.md");
    let third = t.path("content/03-third/en.md");
    let save = |b: &mut Builder, path: &std::path::Path| {
        b.rebuild([path.to_path_buf()], Outputs::AllButAggregates)
    };
    // Text only: the chapter's pages, nothing else handed over.
    edit_intro_body(&t);
    let r = save(&mut b, &intro).expect("text edit");
    assert!(
        r.stale,
        "print pages and search wait for the finishing pass"
    );
    assert_eq!(r.changed, ["en/intro/index.html"]);
    same_as_a_full_build_but_aggregates(&t, &r.site, &r.warnings, "a text edit");
    // A new warning in the edited chapter (an image without alternative text).
    edit(
        &t,
        "content/01-intro/en.md",
        "A footnote.",
        "![](pic.png) A footnote.",
    );
    t.write("content/01-intro/pic.png", "png");
    let r = b
        .rebuild(
            [t.path("content/01-intro/pic.png"), intro.clone()],
            Outputs::AllButAggregates,
        )
        .expect("warning");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.message.contains("no alternative text")),
        "{:?}",
        r.warnings
    );
    same_as_a_full_build_but_aggregates(&t, &r.site, &r.warnings, "a new warning");
    edit(
        &t,
        "content/01-intro/en.md",
        "![](pic.png) A footnote.",
        "![a picture](pic.png) A footnote.",
    );
    let r = save(&mut b, &intro).expect("warning gone");
    assert!(
        !r.warnings
            .iter()
            .any(|w| w.message.contains("no alternative text"))
    );
    same_as_a_full_build_but_aggregates(&t, &r.site, &r.warnings, "a warning mended");
    // An anchor another chapter links to goes away: that chapter's link breaks.
    edit(&t, "content/03-third/en.md", "## Stages", "## Phases");
    let err = save(&mut b, &third).expect_err("01-intro links to #stages");
    assert!(err.to_string().contains("#stages"), "{err}");
    // Another chapter saved meanwhile: still broken, nothing patched from the failure.
    edit(&t, "content/01-intro/en.md", "Welcome.", "Welcome!");
    let err = save(&mut b, &intro).expect_err("still broken");
    assert!(err.to_string().contains("#stages"), "{err}");
    edit(&t, "content/03-third/en.md", "## Phases", "## Stages");
    let r = save(&mut b, &third).expect("mended");
    assert!(
        r.changed.iter().any(|p| p == "en/intro/index.html"),
        "{:?}",
        r.changed
    );
    same_as_a_full_build_but_aggregates(&t, &r.site, &r.warnings, "a broken link mended");
    // A translation's source changes: the Portuguese page says it may be out of date.
    edit(&t, "content/03-third/en.md", "Qapla'", "Qapla' batlh");
    let r = save(&mut b, &third).expect("source of a translation");
    same_as_a_full_build_but_aggregates(&t, &r.site, &r.warnings, "a translated source");
    // A title: every page's sidebar.
    edit(
        &t,
        "content/03-third/en.md",
        "title = \"Third chapter\"",
        "title = \"Build stages\"",
    );
    let r = save(&mut b, &third).expect("title");
    assert!(
        r.changed.iter().any(|p| p == "en/intro/index.html"),
        "{:?}",
        r.changed
    );
    same_as_a_full_build_but_aggregates(&t, &r.site, &r.warnings, "a title");
    // Text again after the title: patched from the site the title made.
    edit(&t, "content/03-third/en.md", "Qapla' batlh", "Qapla'");
    let r = save(&mut b, &third).expect("text after a title");
    same_as_a_full_build_but_aggregates(&t, &r.site, &r.warnings, "text after a title");
    same_as_a_full_build(&t, &b.finish().expect("finish"));
}

#[test]
fn a_save_of_front_matter_alone_updates_the_findings() {
    let t = SiteTest::fixture("basic");
    // The translation records an old version of its source: stale.
    edit(
        &t,
        "content/03-third/pt-BR.md",
        "slug = \"terceiro\"",
        "slug = \"terceiro\"\ntranslated_from = \"0000000000000000\"",
    );
    edit(
        &t,
        "content/03-third/en.md",
        "slug = \"third\"",
        "slug = \"third\"\nreview = false",
    );
    let mut b = builder(&t);
    let stale = |w: &[docent::error::Diagnostic]| {
        w.iter()
            .any(|d| d.path.ends_with("03-third/pt-BR.md") && d.message.contains("stale"))
    };
    // `translate done` rewrites the recorded version in place: same body, same lines.
    let version = docent::frontmatter::version_of(&t.read("content/03-third/en.md"));
    let pt = "content/03-third/pt-BR.md";
    let w = save_edit(
        &t,
        &mut b,
        pt,
        ("0000000000000000", &version),
        "a translation marked done",
    );
    assert!(!stale(&w), "{w:?}");
    // The source's front matter changes, its lines do not: the translation is stale again.
    let en = "content/03-third/en.md";
    let w = save_edit(
        &t,
        &mut b,
        en,
        ("review = false", "review = true "),
        "source front matter",
    );
    assert!(stale(&w), "{w:?}");
    // A review id that names no heading is found on the save that writes it, and gone on
    // the one that takes it back.
    let unknown = |w: &[docent::error::Diagnostic]| {
        w.iter()
            .any(|d| d.message.contains("review section `nowhere`"))
    };
    let w = save_edit(
        &t,
        &mut b,
        en,
        ("review = true ", "review = [\"nowhere\"]"),
        "an unknown review id",
    );
    assert!(unknown(&w), "{w:?}");
    let w = save_edit(
        &t,
        &mut b,
        en,
        ("review = [\"nowhere\"]", "review = true "),
        "the review id taken back",
    );
    assert!(!unknown(&w), "{w:?}");
    // `review` reaches the search index once the finishing pass has run.
    same_as_a_full_build(&t, &b.finish().expect("finish"));
}

/// A save that gives the course a word of a synonym group no page used takes the group's
/// warning away, and the save that takes the word back brings it back, as a full build says.
#[test]
fn a_save_updates_which_synonym_groups_the_course_uses() {
    let t = SiteTest::fixture("basic");
    edit(
        &t,
        "content/course.toml",
        "description = \"A small course for tests.\"",
        "description = \"A small course for tests.\"\nsearch_synonyms = [[\"zebrafish\", \"axolotl\"]]",
    );
    let mut b = builder(&t);
    let unused = |w: &[docent::error::Diagnostic]| {
        w.iter().any(|d| d.message.contains("`zebrafish, axolotl`"))
    };
    let mut save = |from: &str, to: &str, what: &str| {
        unused(&save_edit(
            &t,
            &mut b,
            "content/03-third/en.md",
            (from, to),
            what,
        ))
    };
    assert!(save(
        "Successfully built",
        "Successfully built!",
        "an unrelated edit"
    ));
    assert!(!save("Qapla'", "Qapla' axolotls", "a word of the group"));
    assert!(!save(
        "Successfully built!",
        "Successfully built",
        "another unrelated edit"
    ));
    assert!(save("Qapla' axolotls", "Qapla'", "the word taken back"));
}

/// The dev server stops the course-wide catch-up (print pages, search indexes) when a save
/// arrives: the render fails with `Cancelled`, the last good site stays the base of the next
/// save (one chapter rendered, not the whole course), and the catch-up then completes.
#[test]
fn a_cancelled_catch_up_keeps_the_next_save_incremental() {
    use docent::render::BuildOptions;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let t = SiteTest::fixture("basic");
    let cancel = Arc::new(AtomicBool::new(false));
    let mut b = Builder::new(
        &t.path("content"),
        BuildOptions {
            cancel: Some(Arc::clone(&cancel)),
            ..serve_build_options()
        },
    );
    b.build_outputs(Outputs::AllButAggregates)
        .expect("first build");
    edit_intro_body(&t);
    let r = b.build_outputs(Outputs::AllButAggregates).expect("save");
    assert_eq!(r.pages_rendered, 1);
    cancel.store(true, Ordering::Relaxed);
    let stopped = b.finish();
    assert!(
        matches!(stopped, Err(docent::error::Error::Cancelled)),
        "{:?}",
        stopped.map(|b| b.changed)
    );
    assert!(
        b.builds_on_last_good(),
        "the stopped catch-up left the last good site the base of the next save"
    );
    cancel.store(false, Ordering::Relaxed);
    edit(
        &t,
        "content/01-intro/en.md",
        "Some **strong** text",
        "Some **firm** text",
    );
    let r = b
        .build_outputs(Outputs::AllButAggregates)
        .expect("next save");
    assert_eq!(
        (r.chapters_rendered, r.pages_rendered),
        (1, 1),
        "{:?}",
        r.changed
    );
    let full = b.finish().expect("catch-up");
    assert!(
        full.changed.iter().any(|p| p.starts_with("search/en")),
        "{:?}",
        full.changed
    );
    assert!(full.site.get("en/print/index.html").is_some());
}
