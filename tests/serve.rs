//! `docent serve` against a temporary copy of a fixture course: HTTP, live reload over the
//! WebSocket, error overlay messages, editor-style saves, path escapes.

mod common;
use common::*;
use futures_util::StreamExt;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::Message as Ws;

struct Server {
    child: Child,
    pub addr: String,
    pub site: SiteTest,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Waits until the terminal output contains `text`; all of it, or a panic showing it.
    fn wait_for_stderr(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let seen = self.stderr.lock().map(|s| s.clone()).unwrap_or_default();
            if seen.contains(text) {
                return seen;
            }
            assert!(
                Instant::now() < deadline,
                "no `{text}` in the terminal:\n{seen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Starts `docent serve --port 0` on a copy of `fixture` after `prepare` ran on it.
fn start(fixture: &str, prepare: impl FnOnce(&SiteTest)) -> Server {
    let site = SiteTest::fixture(fixture);
    prepare(&site);
    start_with(site, &["--port", "0"], &[])
}

/// Starts `docent serve --root content <args>` in `site` with `envs` set, once it printed
/// its URL.
fn start_with(site: SiteTest, args: &[&str], envs: &[(&str, &str)]) -> Server {
    start_through(site, &[], args, envs, |_, _| {})
}

/// [`start_with`], with docent run by the command `through` (such as `setpriv …`), and
/// `starting` run on the site and the terminal's error output before the URL is printed.
fn start_through(
    site: SiteTest,
    through: &[&str],
    args: &[&str],
    envs: &[(&str, &str)],
    starting: impl FnOnce(&SiteTest, &Mutex<String>),
) -> Server {
    let docent = env!("CARGO_BIN_EXE_docent");
    let mut command = match through.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest).arg(docent);
            c
        }
        None => Command::new(docent),
    };
    let mut child = command
        .args(["serve", "--root", "content"])
        .args(args)
        .current_dir(site.dir.path())
        .env_remove("DOCENT_LOG")
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start docent serve");
    let stderr = Arc::new(Mutex::new(String::new()));
    let mut pipe = child.stderr.take().expect("stderr");
    let sink = Arc::clone(&stderr);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut s) = sink.lock() {
                s.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        }
    });
    starting(&site, &stderr);
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("first line");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no URL in `{line}`"))
        .to_string();
    Server {
        child,
        addr,
        site,
        stderr,
    }
}

struct Response {
    status: u16,
    headers: String,
    body: String,
}

/// A plain HTTP/1.1 GET with the path sent exactly as given (no client-side normalising).
fn get(addr: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Response {
        status,
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(addr: &str) -> Socket {
    let (ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/__docent/ws"))
        .await
        .expect("websocket");
    ws
}

/// A socket the server has registered, so no message of the next rebuild is missed.
async fn listen(addr: &str) -> Socket {
    let ws = connect(addr).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    ws
}

/// Replaces `from` by `to` in the file at `rel` (in one write); returns the old text.
fn edit(site: &SiteTest, rel: &str, from: &str, to: &str) -> String {
    let file = site.path(rel);
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains(from), "no `{from}` in {rel}");
    std::fs::write(&file, text.replacen(from, to, 1)).expect("write");
    text
}

/// A file of the built-in theme (`themes/default/<rel>`), to copy into a course as an override.
fn theme_file(rel: &str) -> String {
    std::fs::read_to_string(repo_root().join("themes/default").join(rel)).expect("theme file")
}

/// The one error message in `got`: its first error, which must name a file ending in `path`
/// at a line and column.
fn the_error(got: &[serde_json::Value], path: &str) -> serde_json::Value {
    let errors = of_type(got, "error");
    assert_eq!(errors.len(), 1, "{got:?}");
    let e = errors[0]["errors"][0].clone();
    assert!(e["path"].as_str().is_some_and(|p| p.ends_with(path)), "{e}");
    assert!(e["line"].as_u64().is_some_and(|l| l > 0), "{e}");
    assert!(e["col"].as_u64().is_some_and(|c| c > 0), "{e}");
    e
}

/// Messages received within `wait` after the first one (or nothing within `first`).
async fn messages(ws: &mut Socket, first: Duration, wait: Duration) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    let mut deadline = Instant::now() + first;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, ws.next()).await {
            Ok(Some(Ok(Ws::Text(t)))) => {
                out.push(serde_json::from_str(&t).expect("json"));
                deadline = deadline.min(Instant::now() + wait);
            }
            Ok(Some(Ok(_))) => {}
            _ => return out,
        }
    }
}

/// A page connecting now, and what the server tells it at once.
async fn on_connect(addr: &str) -> (Socket, Vec<serde_json::Value>) {
    let mut ws = connect(addr).await;
    let first = messages(&mut ws, Duration::from_secs(5), Duration::from_millis(100)).await;
    (ws, first)
}

fn of_type<'a>(list: &'a [serde_json::Value], kind: &str) -> Vec<&'a serde_json::Value> {
    list.iter().filter(|m| m["type"] == kind).collect()
}

#[test]
fn pages_and_assets_are_served_with_the_right_types() {
    let s = start("basic", |_| {});
    let page = get(&s.addr, "/en/intro/");
    assert_eq!(page.status, 200);
    assert!(
        page.headers.contains("content-type: text/html"),
        "{}",
        page.headers
    );
    assert!(page.headers.contains("cache-control: no-store"));
    assert!(
        page.body
            .contains("<script src=\"/__docent/live.js\" defer></script></body>")
    );
    let doc = scraper::Html::parse_document(&page.body);
    let css = attr(&one(&doc, "link[rel=stylesheet]"), "href");
    let css = get(
        &s.addr,
        &format!("/{}", resolve("en/intro/index.html", &css)),
    );
    assert_eq!(css.status, 200);
    assert!(css.headers.contains("content-type: text/css"));
    let js = get(&s.addr, "/__docent/live.js");
    assert!(js.headers.contains("content-type: text/javascript"));
    let root = get(&s.addr, "/");
    assert!(
        root.body.contains("chooser-list"),
        "index.html for directories"
    );
    let redirect = get(&s.addr, "/en/intro");
    assert_eq!(redirect.status, 301);
    assert!(
        redirect.headers.contains("location: /en/intro/"),
        "{}",
        redirect.headers
    );
    let missing = get(&s.addr, "/en/no-such-page/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("class=\"not-found\""),
        "the site's own 404 page"
    );
    assert!(missing.body.contains("<base href=\"/\" "));
    let dockerfile = get(&s.addr, "/en/third/Dockerfile");
    assert!(dockerfile.headers.contains("content-type: text/plain"));
    // Build output never carries the live-reload script.
    let built = SiteTest::fixture("basic");
    built.build();
    assert!(!built.read("site/en/intro/index.html").contains("__docent"));
}

#[test]
fn requests_that_leave_the_site_get_404() {
    let s = start("basic", |_| {});
    assert_eq!(get(&s.addr, "/en/intro/").status, 200, "the site is served");
    for path in [
        "/../Cargo.toml",
        "/%2e%2e/content/course.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/en/..%2f..%2fcontent%2fcourse.toml",
        "/en/%2e%2e/%2e%2e/content/course.toml",
        "//etc/passwd",
        "/etc/passwd",
        "/..\\..\\content\\course.toml",
        "/content/course.toml",
    ] {
        let r = get(&s.addr, path);
        assert_eq!(r.status, 404, "{path}");
        assert!(
            !r.body.contains("base_url") && !r.body.contains("root:x:0"),
            "{path} leaked a file"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_a_chapter_reloads_that_page() {
    let s = start("basic", |_| {});
    let mut ws = listen(&s.addr).await;
    edit(
        &s.site,
        "content/01-intro/en.md",
        "Welcome.",
        "Welcome, edited.",
    );
    let got = messages(
        &mut ws,
        Duration::from_secs(10),
        Duration::from_millis(1500),
    )
    .await;
    let reloads = of_type(&got, "reload");
    // First the edited page, then (rendered after it) the print page that holds every chapter.
    assert_eq!(reloads.len(), 2, "{got:?}");
    let names = |m: &serde_json::Value| -> Vec<String> {
        m["pages"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| p.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(names(reloads[0]), ["/en/intro/"]);
    assert_eq!(names(reloads[1]), ["/en/print/"]);
    let pages: Vec<String> = reloads.iter().flat_map(|m| names(m)).collect();
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    assert!(
        !pages.contains(&"/en/second/"),
        "only what changed: {pages:?}"
    );
    assert!(
        !pages.iter().any(|p| p.starts_with("/pt-BR/")),
        "the other language is untouched: {pages:?}"
    );
    assert!(get(&s.addr, "/en/intro/").body.contains("Welcome, edited."));
}

/// Files only read (an editor's indexer, `git status`) are not saves: the print page
/// still follows an edit although they are opened every few milliseconds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_only_read_do_not_hold_back_the_print_page() {
    let s = start("basic", |_| {});
    let mut ws = listen(&s.addr).await;
    let reading = s.site.path("content/02-second/en.md");
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = std::fs::read(&reading);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    edit(
        &s.site,
        "content/01-intro/en.md",
        "Welcome.",
        "Welcome, read.",
    );
    let got = messages(
        &mut ws,
        Duration::from_secs(10),
        Duration::from_millis(2000),
    )
    .await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = reader.join();
    let print = of_type(&got, "reload").iter().any(|m| {
        m["pages"]
            .as_array()
            .is_some_and(|a| a.iter().any(|p| p == "/en/print/"))
    });
    assert!(print, "{got:?}");
    assert!(get(&s.addr, "/en/print/").body.contains("Welcome, read."));
}

/// A commit made while serving gives the committed chapter file its new "last updated"
/// date with no save: that page alone is rendered again and reloaded. A commit that moves
/// no date rebuilds nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_commit_while_serving_moves_the_last_updated_date() {
    let site = SiteTest::fixture("basic");
    let top = site.path("");
    let first = "2024-02-29T12:00:00Z";
    if !git_at(&top, first, &["init", "-q"]) {
        eprintln!("skipped: git is not installed");
        return;
    }
    git_at(&top, first, &["add", "-A"]);
    git_at(&top, first, &["commit", "-qm", "first"]);
    // Edited before serving, committed while serving.
    site.write(
        "content/01-intro/en.md",
        &format!("{}\nOne more line.\n", site.read("content/01-intro/en.md")),
    );
    let s = start_with(site, &["--port", "0"], &[]);
    let updated = |path: &str| {
        let doc = scraper::Html::parse_document(&get(&s.addr, path).body);
        attr(&one(&doc, ".page-updated time"), "datetime")
    };
    assert_eq!(updated("/en/intro/"), "2024-02-29");

    let mut ws = listen(&s.addr).await;
    git_at(&top, "2025-03-10T08:00:00Z", &["commit", "-qam", "second"]);
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(600)).await;
    let pages: Vec<String> = of_type(&got, "reload")
        .iter()
        .flat_map(|m| m["pages"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect();
    assert!(pages.iter().any(|p| p == "/en/intro/"), "{got:?}");
    assert!(
        !pages
            .iter()
            .any(|p| p.starts_with("/pt-BR/") || p == "/en/second/"),
        "only the page whose date moved: {pages:?}"
    );
    assert_eq!(updated("/en/intro/"), "2025-03-10");
    assert_eq!(updated("/pt-BR/intro/"), "2024-02-29");
    s.wait_for_stderr("the git history changed");

    git_at(
        &top,
        "2025-04-01T08:00:00Z",
        &["commit", "-q", "--allow-empty", "-m", "nothing"],
    );
    let got = messages(&mut ws, Duration::from_secs(2), Duration::from_millis(400)).await;
    assert!(of_type(&got, "reload").is_empty(), "{got:?}");
    assert_eq!(updated("/en/intro/"), "2025-03-10");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_css_edit_swaps_the_stylesheet_without_reloading() {
    let s = start("basic", |t| {
        t.write(
            "themes/default/static/style.css",
            &theme_file("static/style.css"),
        );
    });
    let mut ws = listen(&s.addr).await;
    let file = s.site.path("themes/default/static/style.css");
    let mut css = std::fs::read_to_string(&file).expect("css");
    css.push_str("\nbody { outline: 1px solid red; }\n");
    std::fs::write(&file, css).expect("write");
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert_eq!(of_type(&got, "css").len(), 1, "{got:?}");
    // Pages swap the stylesheet in place; only a tab on the 404 page, which holds the
    // stylesheet itself, reloads.
    assert!(
        of_type(&got, "reload")
            .iter()
            .all(|m| m["all"] == false && m["pages"] == serde_json::json!(["/404.html"])),
        "no page reload for a CSS edit but the 404 page's: {got:?}"
    );
    assert!(
        get(&s.addr, "/assets/docent.css")
            .body
            .contains("outline: 1px solid red")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn string_and_theme_folders_created_while_serving_are_watched() {
    let s = start("basic", |_| {});
    let mut ws = listen(&s.addr).await;
    // The project had no i18n/ folder when the server started.
    s.site
        .write("i18n/en/ui.ftl", "skip-link = Jump to the chapter text\n");
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert!(!of_type(&got, "reload").is_empty(), "{got:?}");
    assert!(
        get(&s.addr, "/en/intro/")
            .body
            .contains("Jump to the chapter text")
    );
    // Nor a themes/ folder; a stylesheet there is swapped in.
    let css = theme_file("static/style.css");
    s.site.write(
        "themes/default/static/style.css",
        &format!("{css}\nhr {{ border-color: red; }}\n"),
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert!(!of_type(&got, "css").is_empty(), "{got:?}");
    assert!(
        get(&s.addr, "/assets/docent.css")
            .body
            .contains("hr { border-color: red; }")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_edit_shows_the_error_and_keeps_the_last_good_page() {
    let s = start("basic", |_| {});
    let mut ws = listen(&s.addr).await;
    let good = edit(
        &s.site,
        "content/01-intro/en.md",
        "title = \"Introduction\"",
        "title = \"Introduction\"\ncolour = 1",
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    let e = the_error(&got, "01-intro/en.md");
    assert_eq!(e["line"], 3);
    assert_eq!(e["col"], 1);
    assert!(
        e["message"].as_str().is_some_and(|m| m.contains("colour")),
        "{e}"
    );
    // The last good page is still served.
    let page = get(&s.addr, "/en/intro/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Welcome."));
    // A page that connects now hears about the error at once.
    let (_late, first) = on_connect(&s.addr).await;
    assert_eq!(of_type(&first, "error").len(), 1, "{first:?}");
    // The fix clears it.
    s.site.write("content/01-intro/en.md", &good);
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    assert!(!of_type(&got, "ok").is_empty(), "{got:?}");
    assert!(of_type(&got, "error").is_empty(), "{got:?}");
}

/// Started on a course that does not build, every page is one that shows the error and
/// reloads when a save fixes it, and the terminal does not claim a last good version.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_course_broken_from_the_start_shows_its_error_on_every_page() {
    let s = start("basic", |t| {
        let text = t.read("content/01-intro/en.md");
        t.write(
            "content/01-intro/en.md",
            &text.replace(
                "title = \"Introduction\"",
                "title = \"Introduction\"\ncolour = 1",
            ),
        );
    });
    for path in ["/", "/en/intro/", "/en/nothing/"] {
        let page = get(&s.addr, path);
        assert_eq!(page.status, 503, "{path}");
        assert!(
            page.body.contains("does not build yet"),
            "{path}: {}",
            page.body
        );
        assert!(
            page.body.contains("<script"),
            "{path}: the page listens for the fix"
        );
        // Its overlay says there is no last good version (the live script reads this).
        assert!(page.body.contains("data-docent-no-site"), "{path}");
    }
    let (mut late, first) = on_connect(&s.addr).await;
    assert_eq!(the_error(&first, "01-intro/en.md")["line"], 3, "{first:?}");
    let text = s.site.read("content/01-intro/en.md");
    s.site
        .write("content/01-intro/en.md", &text.replace("\ncolour = 1", ""));
    let got = messages(
        &mut late,
        Duration::from_secs(10),
        Duration::from_millis(300),
    )
    .await;
    assert!(
        !of_type(&got, "reload").is_empty() || !of_type(&got, "ok").is_empty(),
        "{got:?}"
    );
    let page = get(&s.addr, "/en/intro/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Welcome."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_style_saves_and_new_chapters_are_seen() {
    let s = start("basic", |_| {});
    let mut ws = listen(&s.addr).await;
    // VS Code and friends: write a temporary file, then rename it over the original.
    let file = s.site.path("content/03-third/en.md");
    let tmp = s.site.path("content/03-third/.en.md.tmp~");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&tmp, text.replace("Qapla'", "Qapla' batlh")).expect("write tmp");
    std::fs::rename(&tmp, &file).expect("rename");
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    assert!(!of_type(&got, "reload").is_empty(), "{got:?}");
    assert!(get(&s.addr, "/en/third/").body.contains("Qapla&#39; batlh"));
    // vim (backupcopy=no): move the original aside, write a new file, drop the backup.
    let backup = s.site.path("content/03-third/en.md~");
    std::fs::rename(&file, &backup).expect("rename to backup");
    std::fs::write(&file, text.replace("Qapla'", "Qapla' vim")).expect("write");
    std::fs::remove_file(&backup).expect("rm backup");
    let _ = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    assert!(get(&s.addr, "/en/third/").body.contains("Qapla&#39; vim"));
    // JetBrains "safe write": a ___jb_tmp___ file, the original renamed to ___jb_old___, the
    // temporary renamed into place, the old one deleted.
    let jb_tmp = s.site.path("content/03-third/en.md___jb_tmp___");
    let jb_old = s.site.path("content/03-third/en.md___jb_old___");
    std::fs::write(&jb_tmp, text.replace("Qapla'", "Qapla' idea")).expect("write tmp");
    std::fs::rename(&file, &jb_old).expect("rename old");
    std::fs::rename(&jb_tmp, &file).expect("rename tmp");
    std::fs::remove_file(&jb_old).expect("rm old");
    let _ = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    let page = get(&s.addr, "/en/third/").body;
    assert!(page.contains("Qapla&#39; idea"), "{page}");
    assert_eq!(
        get(&s.addr, "/en/third/en.md___jb_tmp___").status,
        404,
        "editor files are never published"
    );
    // Deleted and re-created.
    std::fs::remove_file(&file).expect("rm");
    let _ = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    std::fs::write(&file, &text).expect("re-create");
    let _ = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    assert!(
        get(&s.addr, "/en/third/")
            .body
            .contains("<h2 id=\"stages\">")
    );
    // A new chapter folder changes the navigation of every page.
    std::fs::create_dir(s.site.path("content/04-fourth")).expect("mkdir");
    std::fs::write(
        s.site.path("content/04-fourth/en.md"),
        "+++\ntitle = \"Fourth\"\n+++\nNew.\n",
    )
    .expect("write");
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    let reloads = of_type(&got, "reload");
    assert!(!reloads.is_empty(), "{got:?}");
    assert_eq!(get(&s.addr, "/en/fourth/").status, 200);
    assert!(
        get(&s.addr, "/en/intro/").body.contains("Fourth"),
        "navigation updated"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_changes_is_one_rebuild() {
    let s = start("basic", |_| {});
    let mut ws = listen(&s.addr).await;
    for i in 0..300 {
        std::fs::write(
            s.site.path(&format!("content/01-intro/asset-{i}.txt")),
            format!("{i}"),
        )
        .expect("write");
    }
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(800)).await;
    let rebuilds = of_type(&got, "ok").len();
    assert!(
        (1..=2).contains(&rebuilds),
        "{rebuilds} rebuilds for one burst: {got:?}"
    );
    assert_eq!(get(&s.addr, "/en/intro/asset-299.txt").body, "299");
}

#[test]
fn live_reload_in_a_real_browser() {
    if !browser::available() {
        return;
    }
    // The browser script starts and restarts the server itself.
    let site = SiteTest::fixture("basic");
    let file = site.path("content/01-intro/en.md");
    let mut text = std::fs::read_to_string(&file).expect("read");
    for i in 0..60 {
        text.push_str(&format!("\nFiller paragraph {i} so the page can scroll.\n"));
    }
    std::fs::write(&file, text).expect("write");
    site.write(
        "themes/default/static/style.css",
        &theme_file("static/style.css"),
    );
    let project = site.dir.path().display().to_string();
    browser::run("serve.mjs", &[env!("CARGO_BIN_EXE_docent"), &project]);
}

#[test]
fn the_terminal_names_the_port_each_rebuild_each_error_and_stops_on_ctrl_c() {
    // A port that is taken moves to the next free one, and says so.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let mut s = start_with(
        SiteTest::fixture("basic"),
        &["--port", &port.to_string()],
        &[],
    );
    let served: u16 = s
        .addr
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    assert_ne!(served, port);
    assert!(s.addr.starts_with("127.0.0.1:"), "loopback by default");
    s.wait_for_stderr(&format!("port {port} is taken; using {served} instead"));
    assert_eq!(get(&s.addr, "/en/intro/").status, 200);

    // One line per rebuild: what changed, what was rendered, how long it took.
    edit(
        &s.site,
        "content/01-intro/en.md",
        "Welcome.",
        "Welcome back.",
    );
    let seen = s.wait_for_stderr("rendered 1 chapter file");
    let line = seen
        .lines()
        .find(|l| l.contains("rendered 1 chapter file"))
        .expect("line");
    assert!(line.starts_with("rebuilt in "), "{line}");
    assert!(
        line.contains("content/01-intro/en.md changed"),
        "names the file: {line}"
    );
    assert!(line.contains(" ms"), "{line}");

    // A save prints the warnings it brought, not the whole list again, and counts those it
    // cleared.
    edit(
        &s.site,
        "content/01-intro/en.md",
        "Welcome back.",
        "Welcome back.\n\n> [!DANGER]\n> Hot.\n",
    );
    let seen = s.wait_for_stderr("is not an alert type");
    let after = seen.rsplit("rebuilt in ").next().unwrap_or_default();
    assert!(!after.contains("no pt-BR translation"), "{after}");
    assert!(
        seen.contains("no pt-BR translation"),
        "said once, at the start: {seen}"
    );
    edit(
        &s.site,
        "content/01-intro/en.md",
        "Welcome back.\n\n> [!DANGER]\n> Hot.\n",
        "Welcome back.",
    );
    s.wait_for_stderr("cleared;");

    // The error the browser shows is in the terminal too.
    edit(
        &s.site,
        "content/01-intro/en.md",
        "title = \"Introduction\"",
        "title = \"Introduction\"\nbogus = 1",
    );
    let seen = s.wait_for_stderr("still serving the last good version");
    assert!(seen.contains("01-intro/en.md:3:1"), "{seen}");
    assert!(seen.contains("bogus"), "{seen}");

    // Ctrl-C stops it cleanly.
    let pid = s.child.id().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(sent.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = s.child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
    s.wait_for_stderr("stopping");
    assert!(TcpStream::connect(&s.addr).is_err(), "the port is released");
    drop(taken);
}

#[test]
fn binding_beyond_loopback_warns() {
    let s = start_with(
        SiteTest::fixture("basic"),
        &["--port", "0", "--bind", "0.0.0.0"],
        &[],
    );
    s.wait_for_stderr("which other machines can reach");
    assert_eq!(get(&s.addr, "/en/intro/").status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_site_is_served_from_memory_and_site_is_left_alone() {
    let s = start("basic", |t| {
        t.write("site/en/intro/index.html", "an old published page");
    });
    assert!(
        !get(&s.addr, "/en/intro/")
            .body
            .contains("an old published page")
    );
    let mut ws = listen(&s.addr).await;
    edit(
        &s.site,
        "content/01-intro/en.md",
        "Welcome.",
        "Welcome, in memory.",
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    assert!(!of_type(&got, "reload").is_empty(), "{got:?}");
    assert!(
        get(&s.addr, "/en/intro/")
            .body
            .contains("Welcome, in memory.")
    );
    assert_eq!(
        s.site.read("site/en/intro/index.html"),
        "an old published page"
    );
    let written: Vec<_> = walkdir::WalkDir::new(s.site.path("site"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(written.len(), 1, "serve wrote into site/: {written:?}");
}

#[cfg(unix)]
#[test]
fn open_hands_the_url_to_the_desktop_browser() {
    use std::os::unix::fs::PermissionsExt;
    let site = SiteTest::fixture("basic");
    // A stand-in for xdg-open that records what it was asked to open.
    let bin = site.path("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let opened = site.path("opened.txt");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .expect("write");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let s = start_with(site, &["--port", "0", "--open"], &[("PATH", &path)]);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(50));
    let url = std::fs::read_to_string(&opened).expect("the browser was asked to open a page");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert_eq!(
        url,
        format!("http://{}/", s.addr),
        "the printed URL is the opened one"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_template_and_an_annotation_that_quotes_nothing_are_located() {
    let s = start("basic", |t| {
        t.write(
            "themes/default/templates/chapter.html",
            &theme_file("templates/chapter.html"),
        );
    });
    let mut ws = listen(&s.addr).await;
    let template = edit(
        &s.site,
        "themes/default/templates/chapter.html",
        "{% block",
        "{{ broken( }}{% block",
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    the_error(&got, "templates/chapter.html");
    s.site
        .write("themes/default/templates/chapter.html", &template);
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    assert!(!of_type(&got, "ok").is_empty(), "{got:?}");

    let text = std::fs::read_to_string(s.site.path("content/01-intro/en.md")).expect("read");
    let lines = text.lines().count();
    s.site.write(
        "content/01-intro/en.md",
        &format!("{text}\n```dockerfile annotate\nFROM alpine\n```\n\n1. `FROM debian` — a note\n"),
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    let e = the_error(&got, "01-intro/en.md");
    assert_eq!(e["line"].as_u64(), Some(lines as u64 + 6), "{e}");
    assert!(
        e["message"]
            .as_str()
            .is_some_and(|m| m.contains("FROM debian")),
        "{e}"
    );
    assert!(get(&s.addr, "/en/intro/").body.contains("Welcome."));
}

/// A request with the headers given, as a browser (or an attacker's page) would send it.
fn get_with(addr: &str, path: &str, headers: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    Response {
        status: head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0),
        headers: head.to_ascii_lowercase(),
        body: body.to_string(),
    }
}

const UPGRADE: &str = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

#[test]
fn other_sites_cannot_read_the_preview_or_its_errors() {
    let s = start("basic", |_| {});
    let port = s.addr.rsplit(':').next().expect("port").to_string();
    // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
    for host in [
        "evil.example",
        &format!("evil.example:{port}"),
        "127.0.0.1.evil.example",
    ] {
        let r = get_with(&s.addr, "/en/intro/", &format!("Host: {host}\r\n"));
        assert_eq!(r.status, 421, "Host: {host}");
        assert!(
            !r.body.contains("Introduction"),
            "Host: {host} read the page"
        );
    }
    for host in [
        s.addr.clone(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "127.0.0.1".to_string(),
    ] {
        let r = get_with(&s.addr, "/en/intro/", &format!("Host: {host}\r\n"));
        assert_eq!(r.status, 200, "Host: {host}");
    }
    // The live-reload socket talks to pages of this preview only.
    let ws = |origin: &str| {
        get_with(
            &s.addr,
            "/__docent/ws",
            &format!("Host: {}\r\n{UPGRADE}Origin: {origin}\r\n", s.addr),
        )
        .status
    };
    assert_eq!(ws("http://evil.example"), 403);
    assert_eq!(ws(&format!("http://evil.example:{port}")), 403);
    assert_eq!(
        ws("http://127.0.0.1:1"),
        403,
        "another port is another site"
    );
    assert_eq!(ws(&format!("http://{}", s.addr)), 101);
    assert_eq!(ws(&format!("http://localhost:{port}")), 101);
    // Never a scheme-relative redirect (`//en/` is the site `en`).
    for path in ["//en", "///en", "//en/intro"] {
        let r = get(&s.addr, path);
        assert_eq!(r.status, 301, "{path}");
        assert!(!r.headers.contains("location: //"), "{path}: {}", r.headers);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_frames_name_files_relative_to_the_project() {
    let s = start("basic", |_| {});
    let mut ws = listen(&s.addr).await;
    edit(
        &s.site,
        "content/02-second/en.md",
        "+++\ntitle",
        "+++\ntitle = 1\nx",
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    let e = the_error(&got, "en.md");
    let path = e["path"].as_str().expect("path");
    assert_eq!(path, "content/02-second/en.md", "{e}");
    let root = s.site.dir.path().display().to_string();
    assert!(
        !got.iter().any(|m| m.to_string().contains(&root)),
        "the project's location leaked: {got:?}"
    );
    // Nor in the words of a message that names a folder.
    edit(&s.site, "content/02-second/en.md", "title = 1\nx", "title");
    let _ = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    edit(
        &s.site,
        "content/03-third/en.md",
        "src=\"Dockerfile\"",
        "src=\"Nope\"",
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(300)).await;
    let e = the_error(&got, "en.md");
    assert!(
        e["message"]
            .as_str()
            .is_some_and(|m| m.contains("content/03-third")),
        "{e}"
    );
    assert!(
        !got.iter().any(|m| m.to_string().contains(&root)),
        "the project's location leaked: {got:?}"
    );
}

#[test]
fn a_client_that_never_finishes_its_headers_is_dropped() {
    let s = start("basic", |_| {});
    let mut stream = TcpStream::connect(&s.addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    write!(stream, "GET /en/intro/ HTTP/1.1\r\nHost: {}\r\n", s.addr).expect("send");
    let start = Instant::now();
    let mut buf = Vec::new();
    let _ = stream.read_to_end(&mut buf);
    let waited = start.elapsed();
    assert!(
        waited < Duration::from_secs(15),
        "the half-sent request held its connection for {waited:?}"
    );
    assert!(!String::from_utf8_lossy(&buf).contains("Introduction"));
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousands_of_sockets_are_refused_beyond_a_limit_and_freed_when_they_leave() {
    let s = start("basic", |_| {});
    let pid = s.child.id();
    let before = rss_kib(pid);
    let mut open = Vec::new();
    let mut refused = 0;
    for _ in 0..1500 {
        match tokio_tungstenite::connect_async(format!("ws://{}/__docent/ws", s.addr)).await {
            Ok((ws, _)) => open.push(ws),
            Err(_) => refused += 1,
        }
    }
    assert!(open.len() <= 256, "{} sockets open at once", open.len());
    assert!(refused >= 1500 - 256, "{refused} refused");
    // Half leave politely, half vanish.
    for (i, mut ws) in open.drain(..).enumerate() {
        if i % 2 == 0 {
            let _ = futures_util::SinkExt::close(&mut ws).await;
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Their places are free again, and the server still works.
    for _ in 0..200 {
        let (ws, _) = tokio_tungstenite::connect_async(format!("ws://{}/__docent/ws", s.addr))
            .await
            .expect("a place is free");
        open.push(ws);
    }
    drop(open);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = rss_kib(pid);
    assert!(
        after < before + 64 * 1024,
        "memory grew from {before} KiB to {after} KiB"
    );
    assert_eq!(get(&s.addr, "/en/intro/").status, 200);
}

/// After the course folder went away and came back: an edit still reloads its page.
async fn an_edit_still_reloads(s: &Server, ws: &mut Socket, from: &str, to: &str) {
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let _ = messages(ws, Duration::from_millis(300), Duration::from_millis(300)).await;
    edit(&s.site, "content/01-intro/en.md", from, to);
    let got = messages(ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert!(!of_type(&got, "reload").is_empty(), "{got:?}");
    assert!(get(&s.addr, "/en/intro/").body.contains(to));
}

/// A file the course shows through a link (the bundled course's chapter 12 shows the
/// repository's Dockerfile): an edit of the file itself rebuilds and reloads.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_behind_a_link_of_the_course_reloads() {
    let s = start("basic", |site| {
        site.write("shared/note.txt", "first version\n");
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            "../../shared/note.txt",
            site.path("content/01-intro/note.txt"),
        )
        .expect("link");
    });
    assert!(
        get(&s.addr, "/en/intro/note.txt")
            .body
            .contains("first version")
    );
    let mut ws = listen(&s.addr).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    std::fs::write(s.site.path("shared/note.txt"), "second version\n").expect("write");
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert!(!got.is_empty(), "no message after the edit");
    assert!(
        get(&s.addr, "/en/intro/note.txt")
            .body
            .contains("second version"),
        "{got:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_folder_deleted_and_restored_or_moved_and_back_is_watched_again() {
    let s = start("basic", |_| {});
    let content = s.site.path("content");
    let away = s.site.path("content-away");
    let mut ws = listen(&s.addr).await;
    // Deleted and restored (a checkout, `git stash`): a new folder at the same path.
    std::fs::rename(&content, &away).expect("move away");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    copy_dir(&away, &content);
    std::fs::remove_dir_all(&away).expect("rm");
    an_edit_still_reloads(&s, &mut ws, "Welcome.", "Welcome back.").await;
    // Moved away and back: the same folder again.
    std::fs::rename(&content, &away).expect("move away");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    std::fs::rename(&away, &content).expect("move back");
    an_edit_still_reloads(&s, &mut ws, "Welcome back.", "Welcome again.").await;
}

/// A chapter folder closed to docent's user when `serve` starts: the course is served with
/// that folder's error and the rest watched, and the folder is watched once it is opened;
/// so is one made closed while serving. A closed hidden folder (no build reads it) is not
/// worth a warning.
/// Root reads every folder, so as root docent runs as `nobody` through `setpriv`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chapter_folder_closed_at_start_is_served_with_its_error_and_watched_once_opened() {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let uid = Command::new("id").arg("-u").output().expect("id -u");
    let as_root = String::from_utf8_lossy(&uid.stdout).trim() == "0";
    let through: &[&str] = if as_root {
        &[
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ]
    } else {
        &[]
    };
    if as_root && Command::new("setpriv").arg("--version").output().is_err() {
        eprintln!("skipped: running as root and setpriv (util-linux) is missing");
        return;
    }
    let site = SiteTest::fixture("basic");
    let opened = Command::new("chmod")
        .args(["-R", "a+rwX"])
        .arg(site.dir.path())
        .status()
        .expect("chmod");
    assert!(opened.success());
    let closed = site.path("content/02-second");
    let mode = |bits| std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(bits));
    mode(0o000).expect("close the folder");
    // A hidden folder no build reads: closed, it is not worth a word.
    let private = site.path("content/.private");
    std::fs::DirBuilder::new()
        .mode(0o000)
        .create(&private)
        .expect("mkdir");
    let s = start_through(site, through, &["--port", "0"], &[], |_, _| {});
    s.wait_for_stderr("edits there are seen once it can be read");
    let seen = s.wait_for_stderr("build failed");
    assert!(
        seen.contains("cannot watch content/02-second") && seen.contains("--> content/02-second"),
        "{seen}"
    );
    assert!(!seen.contains(".private"), "{seen}");
    let page = get(&s.addr, "/en/intro/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("does not build yet"), "{}", page.body);
    let (mut ws, first) = on_connect(&s.addr).await;
    // A folder has no line to point at.
    assert!(
        of_type(&first, "error")
            .iter()
            .filter_map(|m| m["errors"].as_array())
            .flatten()
            .any(|e| e["path"] == "content/02-second"
                && e["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("cannot be read"))),
        "{first:?}"
    );
    mode(0o755).expect("open the folder");
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert!(
        !of_type(&got, "reload").is_empty() || !of_type(&got, "ok").is_empty(),
        "{got:?}"
    );
    assert_eq!(get(&s.addr, "/en/intro/").status, 200);
    edit(
        &s.site,
        "content/02-second/en.md",
        "Because.",
        "Because it opened.",
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert!(!of_type(&got, "reload").is_empty(), "{got:?}");
    assert!(
        get(&s.addr, "/en/second/")
            .body
            .contains("Because it opened.")
    );
    // Made closed while serving (its owner may still write in it): said, and watched once
    // opened.
    let late = s.site.path("content/04-late");
    std::fs::DirBuilder::new()
        .mode(0o300)
        .create(&late)
        .expect("mkdir");
    s.wait_for_stderr("cannot watch content/04-late");
    s.site.write(
        "content/04-late/en.md",
        "+++\ntitle = \"Late\"\n+++\n\nLate text.\n",
    );
    let _ = messages(
        &mut ws,
        Duration::from_millis(500),
        Duration::from_millis(300),
    )
    .await;
    std::fs::set_permissions(&late, std::fs::Permissions::from_mode(0o755)).expect("open");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !get(&s.addr, "/en/late/").body.contains("Late text.") {
        assert!(Instant::now() < deadline, "{}", s.wait_for_stderr(""));
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = messages(
        &mut ws,
        Duration::from_millis(500),
        Duration::from_millis(300),
    )
    .await;
    edit(
        &s.site,
        "content/04-late/en.md",
        "Late text.",
        "Late, and seen.",
    );
    let got = messages(&mut ws, Duration::from_secs(10), Duration::from_millis(400)).await;
    assert!(!of_type(&got, "reload").is_empty(), "{got:?}");
    assert!(get(&s.addr, "/en/late/").body.contains("Late, and seen."));
}

/// Saves made while the first build runs are not lost: the files are watched before it, so
/// the last one is rebuilt after it (the first build of a large course takes seconds).
#[test]
fn a_save_during_the_first_build_is_rebuilt_after_it() {
    let site = SiteTest::fixture("basic");
    // Enough chapters for the first build to take a while after it read the first one.
    let text = site.read("content/02-second/en.md");
    for n in 0..300 {
        site.write(&format!("content/{}-more-{n}/en.md", 100 + n), &text);
    }
    let mut last = String::new();
    let (mut saves, mut ended) = (0, false);
    let s = start_through(site, &[], &["--port", "0"], &[], |site, stderr| {
        // Saved again and again until the first build ends (it prints its warnings then).
        let deadline = Instant::now() + Duration::from_secs(20);
        for n in 1.. {
            saves = n;
            let from = if n == 1 {
                "Welcome.".to_string()
            } else {
                format!("Welcome {}.", n - 1)
            };
            last = format!("Welcome {n}.");
            edit(site, "content/01-intro/en.md", &from, &last);
            ended = stderr
                .lock()
                .map(|s| s.contains("klingon"))
                .unwrap_or(false);
            if ended || Instant::now() > deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    });
    // Saved while the build ran, more than once.
    assert!(
        ended && saves >= 2,
        "{saves} saves; the build ended: {ended}"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let page = get(&s.addr, "/en/intro/");
        if page.status == 200 && page.body.contains(&last) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "`{last}` never served:\n{}",
            s.wait_for_stderr("")
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `serve --drafts` shows a draft chapter and a draft translation, each saying it is a draft;
/// plain `serve`, like `build`, leaves them out.
#[test]
fn drafts_are_previewed_only_when_asked_for() {
    let draft = |site: &SiteTest| {
        site.write(
            "content/04-later/en.md",
            "+++\ntitle = \"Later\"\ndraft = true\n+++\n\nNot yet.\n",
        );
    };
    let plain = SiteTest::fixture("basic");
    draft(&plain);
    let s = start_with(plain, &["--port", "0"], &[]);
    assert_eq!(get(&s.addr, "/en/later/").status, 404);
    let site = SiteTest::fixture("basic");
    draft(&site);
    let s = start_with(site, &["--port", "0", "--drafts"], &[]);
    let page = get(&s.addr, "/en/later/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Not yet."));
    let doc = scraper::Html::parse_document(&page.body);
    assert!(
        text(&one(&doc, ".notice")).contains("this page is not published"),
        "{}",
        page.body
    );
    let pt = get(&s.addr, "/pt-BR/later/");
    assert!(pt.body.contains("página não é publicada"), "{}", pt.body);
    assert!(!get(&s.addr, "/en/intro/").body.contains("not published"));
}

/// (severity, location, message) of every finding printed in docent's terminal format.
fn printed_findings(text: &str) -> std::collections::BTreeSet<(String, String, String)> {
    printed_in_order(text).into_iter().collect()
}

/// The same, in the order they were printed.
fn printed_in_order(text: &str) -> Vec<(String, String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((severity, message)) = line
            .strip_prefix("error: ")
            .map(|m| ("error", m))
            .or_else(|| line.strip_prefix("warning: ").map(|m| ("warning", m)))
        else {
            continue;
        };
        let Some(location) = lines
            .get(i + 1)
            .and_then(|l| l.trim_start().strip_prefix("--> "))
        else {
            continue;
        };
        out.push((
            severity.to_string(),
            location.to_string(),
            message.to_string(),
        ));
    }
    out
}

#[test]
fn build_check_and_serve_report_the_same_findings() {
    let site = SiteTest::fixture("basic");
    // A third language with no UI strings, a chapter without translations (02-second has
    // only en.md), a stale translation and a broken link.
    let toml = site.read("content/course.toml");
    site.write(
        "content/course.toml",
        &format!("{toml}\n[[languages]]\ncode = \"sw\"\nname = \"Kiswahili\"\ntitle = \"Kozi\"\n"),
    );
    let intro = site.read("content/01-intro/pt-BR.md");
    site.write(
        "content/01-intro/pt-BR.md",
        &intro.replacen("+++\n", "+++\ntranslated_from = \"0000000000000000\"\n", 1),
    );
    let third = site.read("content/03-third/en.md");
    site.write(
        "content/03-third/en.md",
        &format!("{third}\nSee [nowhere](../02-second/#nowhere).\n"),
    );
    let build = site.docent(&["build"]);
    assert!(!build.ok());
    // In one order too: a reader comparing two commands' output sees the same list.
    let from_build = printed_in_order(&build.stderr());
    let check = site.docent(&["check", "--format", "json"]);
    let json: Vec<serde_json::Value> = serde_json::from_str(&check.stdout()).expect("json");
    let from_check: Vec<(String, String, String)> = json
        .iter()
        .map(|d| {
            let (path, line, col) = (
                d["path"].as_str().unwrap_or_default(),
                d["line"].as_u64().unwrap_or(0),
                d["col"].as_u64().unwrap_or(0),
            );
            let location = match (line, col) {
                (0, _) => path.to_string(),
                (l, 0) => format!("{path}:{l}"),
                (l, c) => format!("{path}:{l}:{c}"),
            };
            (
                d["severity"].as_str().unwrap_or_default().to_string(),
                location,
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let kinds: std::collections::BTreeSet<&str> =
        json.iter().filter_map(|d| d["kind"].as_str()).collect();
    for kind in ["link", "strings", "translation"] {
        assert!(kinds.contains(kind), "no {kind} finding: {kinds:?}");
    }
    let server = start_with(site, &["--port", "0"], &[]);
    let seen = server.wait_for_stderr("build failed");
    let from_serve = printed_in_order(&seen);
    assert_eq!(from_build, from_check, "build and check");
    assert_eq!(from_serve, from_check, "serve and check");
    assert!(from_check.len() >= 5, "{from_check:?}");
}

/// A chapter whose file does not load (a misspelt front matter key) does not hide the rest
/// of the course's problems: `build`, `check` and `serve` (started broken, and broken by a
/// save) all report it, a broken link and a missing image in another chapter, and nothing
/// about the links to the chapter that did not load.
#[test]
fn a_chapter_that_does_not_load_hides_no_other_finding() {
    let site = SiteTest::fixture("basic");
    let intro = site.read("content/01-intro/en.md");
    let broken_intro = intro.replacen("description =", "descripton =", 1);
    let third = site.read("content/03-third/en.md");
    site.write(
        "content/03-third/en.md",
        &format!("{third}\nBack to [the start](../01-intro/) or on to [nowhere](../09-nine/).\n\nNot [beside it](../01-intro/01-zz/).\n"),
    );
    let second = site.read("content/02-second/en.md");
    let second = format!("{second}\n![Gone](gone.png)\n");
    site.write("content/02-second/en.md", &second);
    let sorted = |findings: std::collections::BTreeSet<(String, String, String)>| {
        findings
            .into_iter()
            .map(|(severity, location, message)| format!("{severity} {location} {message}"))
            .collect::<Vec<_>>()
    };
    // Broken by a save: the link first, then the front matter.
    let server = start_with(site, &["--port", "0"], &[]);
    server.wait_for_stderr("build failed");
    server.site.write("content/01-intro/en.md", &broken_intro);
    let deadline = Instant::now() + Duration::from_secs(10);
    let seen = loop {
        let seen = server.wait_for_stderr("descripton");
        if seen.matches("build failed").count() >= 2 {
            break seen;
        }
        assert!(Instant::now() < deadline, "one failed build only:\n{seen}");
        std::thread::sleep(Duration::from_millis(20));
    };
    // What the second failed build printed, between the two lines that end each.
    let after_save = sorted(printed_findings(
        seen.split("build failed").nth(1).unwrap_or_default(),
    ));
    let site = SiteTest::fixture("basic");
    site.write("content/01-intro/en.md", &broken_intro);
    site.write("content/02-second/en.md", &second);
    site.write(
        "content/03-third/en.md",
        &format!("{third}\nBack to [the start](../01-intro/) or on to [nowhere](../09-nine/).\n\nNot [beside it](../01-intro/01-zz/).\n"),
    );
    let build = site.docent(&["build"]);
    assert!(!build.ok());
    let from_build = sorted(printed_findings(&build.stderr()));
    let check = site.docent(&["check"]);
    assert_eq!(check.code(), Some(1));
    let from_check = sorted(printed_findings(&check.stdout()));
    let errors: Vec<&String> = from_check
        .iter()
        .filter(|f| f.starts_with("error"))
        .collect();
    assert_eq!(errors.len(), 4, "{from_check:#?}");
    assert!(
        errors[0].contains("01-intro/en.md:3:1") && errors[0].contains("`descripton`"),
        "{errors:?}"
    );
    // The checks made over the rendered chapters too, not only those made while rendering.
    assert!(
        errors[1].contains("02-second/en.md") && errors[1].contains("`gone.png`"),
        "{errors:?}"
    );
    assert!(
        errors[2].contains("03-third/en.md") && errors[2].contains("no chapter `09-nine`"),
        "{errors:?}"
    );
    // Under the folder of the chapter that did not load, a link is still judged.
    assert!(
        errors[3].contains("03-third/en.md") && errors[3].contains("no chapter `01-intro/01-zz`"),
        "{errors:?}"
    );
    assert!(
        !from_check.iter().any(|f| f.contains("`../01-intro/`")),
        "{from_check:#?}"
    );
    assert_eq!(from_build, from_check, "build and check");
    let started = start_with(site, &["--port", "0"], &[]);
    let from_serve = sorted(printed_findings(&started.wait_for_stderr("build failed")));
    assert_eq!(from_serve, from_check, "serve and check");
    assert_eq!(after_save, from_check, "serve after a save and check");
}

/// The paths a finding's text names are written as `check` writes them, though `serve` reads
/// the course by its absolute path.
#[test]
fn serve_names_files_in_messages_as_check_does() {
    let site = SiteTest::fixture("basic");
    let second = site.read("content/02-second/en.md");
    site.write(
        "content/02-second/en.md",
        &format!("{second}\n```dockerfile src=\"Nope\"\n```\n\n![Gone](gone.png)\n"),
    );
    let check = site.docent(&["check"]);
    let printed = check.stdout();
    assert!(
        printed.contains("not found in content/02-second"),
        "{printed}"
    );
    let from_check = printed_findings(&printed);
    let server = start_with(site, &["--port", "0"], &[]);
    let seen = server.wait_for_stderr("build failed");
    assert!(
        !seen.contains(&server.site.dir.path().display().to_string()),
        "{seen}"
    );
    assert_eq!(printed_findings(&seen), from_check);
}
