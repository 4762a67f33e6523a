//! A chainable harness: copy a fixture course to a temporary folder, run the real `docent`
//! binary on it, and query the output with a real HTML parser.
#![allow(dead_code, unreachable_pub)]

pub mod browser;
pub mod dockerctx;
pub mod vnu;

use scraper::{ElementRef, Html, Selector};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct SiteTest {
    pub dir: tempfile::TempDir,
}

/// The outcome of one `docent` run.
pub struct Run {
    pub output: Output,
}

impl Run {
    pub fn ok(&self) -> bool {
        self.output.status.success()
    }
    pub fn code(&self) -> Option<i32> {
        self.output.status.code()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
}

/// Whether this run is CI (`CI` set and not false), where a missing tool is a failure.
pub fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl SiteTest {
    /// A copy of `tests/fixtures/<name>/` in a fresh temporary folder.
    pub fn fixture(name: &str) -> SiteTest {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(&repo_root().join("tests/fixtures").join(name), dir.path());
        SiteTest { dir }
    }

    /// A copy of the bundled course (`content/`) as `<tmp>/content`.
    pub fn bundled() -> SiteTest {
        let dir = tempfile::tempdir().expect("tempdir");
        copy_dir(&repo_root().join("content"), &dir.path().join("content"));
        SiteTest { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn docent(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_docent"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("DOCENT_LOG")
            .output()
            .expect("run docent");
        Run { output }
    }

    /// `docent build` with the defaults (content → site); panics with stderr on failure.
    pub fn build(&self) -> &Self {
        let run = self.docent(&["build"]);
        assert!(run.ok(), "build failed:\n{}", run.stderr());
        self
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(&format!("site/{rel}")))
    }

    /// Every file under `rel`, relative path → bytes.
    /// What a build leaves beside the output: staging or old-site folders of docent's.
    pub fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.path())
            .expect("ls")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("docent-"))
            .collect()
    }

    /// Runs `docent build`, which must fail and leave `site/` as it was with nothing
    /// beside it; returns what it printed on stderr.
    pub fn build_fails_keeping_the_site(&self) -> String {
        let before = self.tree("site");
        let run = self.docent(&["build"]);
        assert_eq!(run.code(), Some(1), "{}", run.stderr());
        assert!(
            self.tree("site") == before,
            "the old site must survive a failed build"
        );
        assert!(
            self.leftovers().is_empty(),
            "left behind: {:?}",
            self.leftovers()
        );
        run.stderr()
    }

    pub fn tree(&self, rel: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
        let root = self.path(rel);
        walkdir::WalkDir::new(&root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e
                    .path()
                    .strip_prefix(&root)
                    .expect("prefix")
                    .display()
                    .to_string();
                (rel, std::fs::read(e.path()).expect("read"))
            })
            .collect()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            if let Some(p) = target.parent() {
                std::fs::create_dir_all(p).expect("mkdir");
            }
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s}: {e}"))
}

pub fn all<'a>(doc: &'a Html, s: &str) -> Vec<ElementRef<'a>> {
    doc.select(&sel(s)).collect()
}

pub fn one<'a>(doc: &'a Html, s: &str) -> ElementRef<'a> {
    let found = all(doc, s);
    assert_eq!(
        found.len(),
        1,
        "expected exactly one `{s}`, found {}",
        found.len()
    );
    found[0]
}

pub fn attr(e: &ElementRef<'_>, name: &str) -> String {
    e.value().attr(name).unwrap_or_default().to_string()
}

pub fn text(e: &ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Resolves a relative link from the page at `page` (site-relative) to a site-relative path.
pub fn resolve(page: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or("");
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for c in href.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let mut out = parts.join("/");
    if href.ends_with('/') || href.is_empty() {
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str("index.html");
    }
    out
}

/// The same paths with the same bytes in both file maps (a site in memory or on disk).
pub fn assert_same_files<A: AsRef<[u8]>, B: AsRef<[u8]>>(
    got: &std::collections::BTreeMap<String, A>,
    want: &std::collections::BTreeMap<String, B>,
    what: &str,
) {
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{what}: same files"
    );
    for (path, bytes) in want {
        assert!(
            got.get(path).map(|b| b.as_ref()) == Some(bytes.as_ref()),
            "{path} differs: {what}"
        );
    }
}

/// A builder told which files changed (as `serve`'s watcher tells it) must produce exactly
/// the site and the findings a fresh full build of `t`'s course produces, whatever the
/// change (a catch-up keeps the findings of the save before it).
pub fn same_as_a_full_build(t: &SiteTest, built: &docent::build::Build) {
    let mut fresh =
        docent::build::Builder::new(&t.path("content"), docent::serve::serve_build_options());
    let full = fresh.build().expect("full build");
    assert_same_files(
        &files_of(&built.site),
        &files_of(&full.site),
        "a watched rebuild against a full build",
    );
    assert_eq!(
        built.warnings, full.warnings,
        "a watched rebuild's findings against a full build's"
    );
}

/// The files of a site in memory, as the map [`assert_same_files`] compares.
pub fn files_of(site: &docent::site::Site) -> std::collections::BTreeMap<String, bytes::Bytes> {
    site.files
        .iter()
        .map(|(path, bytes)| (path.clone(), bytes.clone()))
        .collect()
}

/// Runs git in `dir` with fixed identities and dates; false when git is not installed.
pub fn git_at(dir: &std::path::Path, date: &str, args: &[&str]) -> bool {
    let run = std::process::Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output();
    match run {
        Ok(out) => {
            assert!(
                out.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            true
        }
        Err(_) => false,
    }
}
