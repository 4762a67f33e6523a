//! Interactive parts of the site, in headless Chromium.

mod common;
use common::*;

#[test]
fn site_controls_work_in_a_real_browser() {
    if !browser::available() {
        return;
    }
    let t = SiteTest::fixture("basic");
    t.build();
    browser::run("site.mjs", &[&t.path("site").display().to_string()]);
}
