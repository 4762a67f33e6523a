//! Every generated page valid, accessible, usable by keyboard, laid out from 360 px up, and
//! printable: the Nu HTML Checker and axe-core in headless Chromium, over the bundled course
//! and a fixture that uses every block type, in both languages.

mod common;
use common::*;

#[test]
fn every_page_passes_the_nu_html_checker() {
    let course = SiteTest::bundled();
    course.build();
    let blocks = SiteTest::fixture("blocks");
    blocks.build();
    let basic = SiteTest::fixture("basic");
    basic.build();
    let Some(errors) = vnu::errors(&[
        &course.path("site"),
        &blocks.path("site"),
        &basic.path("site"),
    ]) else {
        return;
    };
    assert!(
        errors.is_empty(),
        "{} HTML errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    let pages = course
        .tree("site")
        .keys()
        .filter(|k| k.ends_with(".html"))
        .count();
    assert!(pages >= 25, "checked {pages} pages of the course");
}

#[test]
fn accessibility_keyboard_layout_and_print_in_a_real_browser() {
    if !browser::available() {
        return;
    }
    let course = SiteTest::bundled();
    course.build();
    let blocks = SiteTest::fixture("blocks");
    blocks.build();
    // Screenshots stay with the build for CI to keep as artifacts.
    let shots = repo_root().join("target/screenshots");
    browser::run(
        "a11y.mjs",
        &[
            &course.path("site").display().to_string(),
            &blocks.path("site").display().to_string(),
            &shots.display().to_string(),
        ],
    );
    for name in [
        "chapter-360-light.png",
        "chapter-1280-dark.png",
        "blocks-768-dark.png",
        "print-en.pdf",
    ] {
        assert!(shots.join(name).is_file(), "{name}");
    }
}
