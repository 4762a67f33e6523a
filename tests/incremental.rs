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
    // The chapter's page and the English print page; nothing in Portuguese, no neighbour.
    assert_eq!(r.pages_rendered, 2, "{:?}", r.changed);
    assert_eq!(
        r.changed,
        ["en/intro/index.html", "en/print/index.html", "search/en.js"]
    );
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
    assert_eq!(r.pages_rendered, r.site.pages().count());
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
