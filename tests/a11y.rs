//! Every generated page valid, accessible, usable by keyboard, laid out from 360 px up, and
//! printable: the Nu HTML Checker and axe-core in headless Chromium, over the bundled course
//! and a fixture that uses every block type, in both languages.

mod common;
use common::*;
use std::process::Command;

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

#[test]
fn every_page_passes_the_nu_html_checker() {
    let vnu = repo_root().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let java = Command::new("java").arg("-version").output();
    if !vnu.is_file() || java.is_err() {
        assert!(!ci(), "vnu-jar (npm ci) and java are required in CI");
        eprintln!("skipping: the Nu HTML Checker needs `npm ci` and java");
        return;
    }
    let course = SiteTest::bundled();
    course.build();
    let blocks = SiteTest::fixture("blocks");
    blocks.build();
    let basic = SiteTest::fixture("basic");
    basic.build();
    let out = Command::new("java")
        .arg("-jar")
        .arg(&vnu)
        .args(["--errors-only", "--format", "json", "--skip-non-html"])
        .arg(course.path("site"))
        .arg(blocks.path("site"))
        .arg(basic.path("site"))
        .output()
        .expect("run vnu");
    let report: serde_json::Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let errors: Vec<String> = report["messages"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|m| m["type"] == "error")
        .map(|m| format!("{}:{}: {}", m["url"], m["lastLine"], m["message"]))
        .collect();
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
