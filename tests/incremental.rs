//! What a rebuild re-renders, through the same `Builder` that `docent serve` uses.

mod common;
use common::*;
use docent::build::Builder;
use docent::serve::serve_build_options;

fn builder(t: &SiteTest) -> Builder {
    let mut b = Builder::new(&t.path("content"), serve_build_options());
    let first = b.build().expect("first build");
    assert_eq!(first.chapters_rendered, 5, "every chapter file once");
    b
}

fn edit(t: &SiteTest, rel: &str, from: &str, to: &str) {
    let text = t.read(rel);
    assert!(text.contains(from), "{rel} lacks `{from}`");
    t.write(rel, &text.replacen(from, to, 1));
}

#[test]
fn a_body_edit_renders_one_chapter_in_its_language() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    edit(
        &t,
        "content/01-intro/en.md",
        "Some **bold** text",
        "Some **strong** text",
    );
    let r = b.build().expect("rebuild");
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
    let r = b.build().expect("rebuild");
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
    let r = b.build().expect("rebuild");
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
    let r = b.build().expect("rebuild");
    assert_eq!(r.chapters_rendered, 0);
    let rest = b.finish().expect("finish");
    assert_eq!(rest.chapters_rendered, 0);
    assert_eq!(
        r.pages_rendered + rest.pages_rendered,
        r.site.pages().count()
    );
}

#[test]
fn a_css_change_renders_nothing() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let css =
        std::fs::read_to_string(repo_root().join("themes/default/static/style.css")).expect("css");
    t.write(
        "themes/default/static/style.css",
        &format!("{css}\nhr {{ color: red; }}\n"),
    );
    let r = b.build().expect("rebuild");
    assert_eq!((r.chapters_rendered, r.pages_rendered), (0, 0));
    assert_eq!(r.changed, ["assets/docent.css"]);
}

#[test]
fn a_failed_rebuild_keeps_the_caches() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    let good = t.read("content/01-intro/en.md");
    t.write("content/01-intro/en.md", "+++\ntitle = 3\n+++\n");
    assert!(b.build().is_err());
    t.write("content/01-intro/en.md", &good);
    let r = b.build().expect("rebuild");
    assert_eq!((r.chapters_rendered, r.pages_rendered), (0, 0));
}

#[test]
fn serve_answers_first_and_brings_print_and_search_up_to_date_after() {
    let t = SiteTest::fixture("basic");
    let mut b = builder(&t);
    edit(
        &t,
        "content/01-intro/en.md",
        "Some **bold** text",
        "Some **strong** text",
    );
    let first = b.build().expect("rebuild");
    assert!(first.deferred, "the print page and search index wait");
    assert_eq!(first.changed, ["en/intro/index.html"]);
    let full = b.finish().expect("finish");
    assert!(!full.deferred);
    assert_eq!(full.changed, ["en/print/index.html", "search/en.js"]);
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
    let list = one(&doc, "nav.sidebar ol.chapter-list");
    assert!(
        list.select(&sel("li")).next().is_none(),
        "no inline list of 160 chapters"
    );
    let script = resolve("en/third/index.html", &attr(&list, "data-nav-script"));
    let js = t.read(&format!("site/{script}"));
    assert_eq!(
        js.matches("\"en/").count(),
        160,
        "every chapter in the script"
    );
    assert_eq!(attr(&list, "data-current"), "en/third/");
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
