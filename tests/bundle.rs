//! `docent bundle`: the zip and the single files work from disk, load nothing from the
//! network, hold every chapter, and are byte-identical from one run to the next.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::io::Read;

fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("read");
            (f.name().expect("utf-8 name").to_string(), data)
        })
        .collect()
}

/// URLs a page loads by itself (not links the reader may click).
fn loaded_urls(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut urls = Vec::new();
    for e in all(&doc, "[src]") {
        urls.push(attr(&e, "src"));
    }
    for e in all(&doc, "link[href]") {
        let rel = attr(&e, "rel");
        if !["canonical", "alternate", "prev", "next"].contains(&rel.as_str()) {
            urls.push(attr(&e, "href"));
        }
    }
    urls
}

#[test]
fn the_zip_works_from_disk() {
    let t = SiteTest::bundled();
    let run = t.docent(&["bundle", "--out", "offline.zip"]);
    assert!(run.ok(), "{}", run.stderr());
    let bytes = std::fs::read(t.path("offline.zip")).expect("zip written");
    let files = unzip(&bytes);
    assert!(
        files.keys().all(|k| k.starts_with("offline/")),
        "one folder"
    );
    let files: BTreeMap<String, Vec<u8>> = files
        .into_iter()
        .map(|(k, v)| (k.trim_start_matches("offline/").to_string(), v))
        .collect();
    assert!(files.contains_key("index.html"));
    assert!(files.contains_key("search/en.js") && files.contains_key("search/pt-BR.js"));
    assert!(
        !files.contains_key("404.html"),
        "online-only pages stay out"
    );
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let doc = scraper::Html::parse_document(&html);
        // docent's own pages; an example web page a chapter folder ships is the author's.
        if all(&doc, "meta[name=generator][content=docent]").is_empty() {
            continue;
        }
        for e in all(&doc, "a[href], [src], link[rel=stylesheet]") {
            let url = e
                .value()
                .attr("href")
                .or_else(|| e.value().attr("src"))
                .unwrap_or_default();
            if url.starts_with("http")
                || url.starts_with("mailto:")
                || url.starts_with("data:")
                || url.starts_with('#')
            {
                continue;
            }
            assert!(
                !url.ends_with('/'),
                "{path}: `{url}` points at a folder, which a browser shows as a listing"
            );
            let target = resolve(path, url);
            assert!(
                files.contains_key(&target),
                "{path}: `{url}` → {target} is not in the zip"
            );
            checked += 1;
        }
        for url in loaded_urls(&html) {
            assert!(!url.contains("://"), "{path} loads {url}");
        }
    }
    assert!(checked > 500, "only {checked} links checked");
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.ends_with(".css") || p.ends_with(".js"))
    {
        let s = String::from_utf8_lossy(bytes);
        assert!(
            !s.contains("url(http") && !s.contains("@import"),
            "{path} loads from the network"
        );
    }
}

#[test]
fn bundles_are_deterministic() {
    let t = SiteTest::bundled();
    assert!(t.docent(&["bundle", "--out", "a.zip"]).ok());
    assert!(t.docent(&["bundle", "--out", "b.zip"]).ok());
    // The folder inside is named after the file, so compare entry by entry.
    let a = unzip(&std::fs::read(t.path("a.zip")).expect("a"));
    let b = unzip(&std::fs::read(t.path("b.zip")).expect("b"));
    let strip = |m: BTreeMap<String, Vec<u8>>, p: &str| -> BTreeMap<String, Vec<u8>> {
        m.into_iter()
            .map(|(k, v)| (k.trim_start_matches(p).to_string(), v))
            .collect()
    };
    assert_eq!(strip(a, "a/"), strip(b, "b/"));
    assert!(t.docent(&["bundle", "--out", "again/a.zip"]).ok());
    assert_eq!(
        std::fs::read(t.path("a.zip")).expect("a"),
        std::fs::read(t.path("again/a.zip")).expect("again"),
        "same input, same bytes"
    );
    assert!(t.docent(&["bundle", "--single-file", "--out", "one"]).ok());
    assert!(t.docent(&["bundle", "--single-file", "--out", "two"]).ok());
    assert_eq!(t.tree("one"), t.tree("two"));
    let leftovers: Vec<_> = std::fs::read_dir(t.dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("docent-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn single_files_hold_every_chapter_and_load_nothing() {
    let t = SiteTest::bundled();
    t.build();
    let run = t.docent(&["bundle", "--single-file", "--out", "one"]);
    assert!(run.ok(), "{}", run.stderr());
    for lang in ["en", "pt-BR"] {
        let html = t.read(&format!("one/course.{lang}.html"));
        let doc = scraper::Html::parse_document(&html);
        assert_eq!(attr(&one(&doc, "html"), "lang"), lang);
        let titles: Vec<String> = all(&doc, ".print-chapter-title").iter().map(text).collect();
        let home = t.html(&format!("{lang}/index.html"));
        let expected: Vec<String> = all(&home, ".home-chapter-list a .home-title")
            .iter()
            .map(text)
            .collect();
        assert_eq!(titles, expected, "{lang}: every chapter, in order");
        for url in loaded_urls(&html) {
            assert!(
                url.is_empty() || url.starts_with("data:"),
                "{lang} loads {url}"
            );
        }
        assert!(
            all(&doc, "link[rel=stylesheet]").is_empty(),
            "styles inlined"
        );
        assert!(!all(&doc, "style").is_empty());
        assert!(
            html.contains(&format!("push([\"{lang}\",\"index\",")),
            "search index inlined"
        );
        // Navigation jumps within the file; the switcher points at the sibling file.
        for a in all(&doc, "nav.sidebar ol a") {
            let href = attr(&a, "href");
            assert!(href.starts_with('#'), "{href}");
            assert_eq!(
                all(&doc, &format!("[id='{}']", href.trim_start_matches('#'))).len(),
                1,
                "{href}"
            );
        }
        let other = if lang == "en" { "pt-BR" } else { "en" };
        let switch = one(&doc, &format!(".lang-switcher a[hreflang='{other}']"));
        assert_eq!(attr(&switch, "href"), format!("course.{other}.html"));
        // Ids stay unique with every chapter in one page.
        let mut ids: Vec<String> = all(&doc, "[id]").iter().map(|e| attr(e, "id")).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "{lang}: duplicate ids");
    }
}

/// Files whose names a URL escapes (a space, an accent, `&`) are carried in the single file
/// too; a raw `srcset` naming files beside the page is dropped (the browser preferred it to
/// the inlined `src`); a link to a file that is not an image is saved, not opened; and a
/// broken course is refused, as `build` and the zip refuse it.
#[test]
fn single_files_carry_every_file_and_refuse_a_broken_course() {
    let t = SiteTest::fixture("basic");
    let png = std::fs::read(repo_root().join("themes/default/static/favicon.png")).expect("png");
    for name in ["my pic.png", "café.png", "a&b.png", "x1.png"] {
        std::fs::write(t.path(&format!("content/01-intro/{name}")), &png).expect("write");
    }
    t.write("content/01-intro/notes.pdf", "%PDF-1.4\n");
    t.write("content/01-intro/clip.webm", "not really a video");
    t.write("content/01-intro/clip.vtt", "WEBVTT\n");
    let en = t.read("content/01-intro/en.md");
    t.write(
        "content/01-intro/en.md",
        &format!(
            "{en}\n![space](<my pic.png>) ![accent](café.png) ![amp](a&b.png)\n\n<img alt=\"set\" src=\"x1.png\" srcset=\"x1.png 1x\">\n\n[the notes](notes.pdf)\n\n<video controls poster=\"x1.png\"><source src=\"clip.webm\"><track src=\"clip.vtt\"></video>\n\n<picture><source srcset=\"x1.png 2x\" media=\"(width >= 1px)\"><img src=\"x1.png\" alt=\"pic\"></picture>\n"
        ),
    );
    let run = t.docent(&["bundle", "--single-file", "--out", "one"]);
    assert!(run.ok(), "{}", run.stderr());
    let html = t.read("one/course.en.html");
    for url in loaded_urls(&html) {
        assert!(url.is_empty() || url.starts_with("data:"), "loads {url}");
    }
    let doc = scraper::Html::parse_document(&html);
    assert!(all(&doc, "img[srcset]").is_empty());
    // A picture's local source goes whole; its inlined `<img>` is what it shows.
    assert!(all(&doc, "picture source").is_empty());
    assert!(!html.contains("width >= 1px"), "the whole tag goes");
    assert!(attr(&one(&doc, "picture img"), "src").starts_with("data:image/png;base64,"));
    let notes = one(&doc, "a[download='notes.pdf']");
    assert!(attr(&notes, "href").starts_with("data:application/pdf;base64,"));
    // Media keep their type: a browser plays no `text/plain`.
    assert!(attr(&one(&doc, "video"), "poster").starts_with("data:image/png;base64,"));
    assert!(attr(&one(&doc, "video source"), "src").starts_with("data:video/webm;base64,"));
    assert!(attr(&one(&doc, "video track"), "src").starts_with("data:text/vtt;"));
    // Broken: refused, and the last bundle stays.
    t.write(
        "content/01-intro/en.md",
        &format!("{en}\n[gone](../99-nothing/)\n"),
    );
    let run = t.docent(&["bundle", "--single-file", "--out", "one"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(run.stderr().contains("99-nothing"), "{}", run.stderr());
    assert_eq!(t.read("one/course.en.html"), html);
}

#[test]
fn offline_bundle_works_in_a_real_browser() {
    if !browser::available() {
        return;
    }
    let t = SiteTest::bundled();
    assert!(t.docent(&["bundle", "--out", "course.zip"]).ok());
    assert!(
        t.docent(&["bundle", "--single-file", "--out", "single"])
            .ok()
    );
    let files = unzip(&std::fs::read(t.path("course.zip")).expect("zip"));
    for (name, bytes) in files {
        let path = t.path(&format!("unpacked/{name}"));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    browser::run(
        "bundle.mjs",
        &[
            &t.path("unpacked/course").display().to_string(),
            &t.path("single").display().to_string(),
        ],
    );
}
