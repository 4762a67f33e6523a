//! Never lose a user's files, never publish what is outside the project, never hang or
//! crash on input: one test per way a careless or hostile user found to break that
//! (issue 14), each run against the real binary on a copy of a fixture.

mod common;
use common::*;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Runs `docent args` in `dir` with `HOME` set, giving up (and failing) after 60 s: a hang is
/// a failure, not a stuck test run.
fn docent_in(dir: &Path, args: &[&str], home: &Path) -> Run {
    let child = Command::new(env!("CARGO_BIN_EXE_docent"))
        .args(args)
        .current_dir(dir)
        .env_remove("DOCENT_LOG")
        .env("HOME", home)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run docent");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(output) => Run {
            output: output.expect("output"),
        },
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("docent {args:?} hung for 60 s");
        }
    }
}

fn docent(t: &SiteTest, args: &[&str]) -> Run {
    docent_in(t.dir.path(), args, t.dir.path())
}

fn refused(run: &Run, what: &str) {
    assert!(!run.ok(), "{what}: docent succeeded:\n{}", run.stderr());
    assert_eq!(run.code(), Some(1), "{what}: {}", run.stderr());
    assert!(
        run.stderr().contains("refusing"),
        "{what}: no refusal in\n{}",
        run.stderr()
    );
}

/// Every file of `rel` and its bytes, for "nothing changed" checks.
fn snapshot(t: &SiteTest, rel: &str) -> std::collections::BTreeMap<String, Vec<u8>> {
    t.tree(rel)
}

// 1. --out never deletes what docent did not write.
#[test]
fn out_refuses_the_project_the_course_a_chapter_home_and_foreign_folders() {
    let t = SiteTest::fixture("basic");
    t.write(".git/HEAD", "ref: refs/heads/main\n");
    t.write("home/Documents/thesis.txt", "four years of work\n");
    t.write("notes/todo.txt", "mine\n");
    let before = snapshot(&t, "");
    for out in [
        ".",
        "content",
        "content/01-intro",
        "content/new-site",
        "/",
        "home",
        "notes",
        "..",
    ] {
        let run = docent_in(t.dir.path(), &["build", "--out", out], &t.path("home"));
        refused(&run, &format!("--out {out}"));
        assert!(
            run.stderr().contains("--out"),
            "{out}: the message says how to proceed:\n{}",
            run.stderr()
        );
    }
    assert_eq!(snapshot(&t, ""), before, "no file changed");
    // Run from inside a folder, the current folder is refused too.
    let run = docent_in(
        &t.path("notes"),
        &["build", "--root", "../content", "--out", "."],
        &t.path("home"),
    );
    refused(&run, "--out . from notes/");
    assert_eq!(t.read("notes/todo.txt"), "mine\n");
}

#[test]
fn out_replaces_an_empty_folder_its_own_site_and_a_site_built_before_the_marker() {
    let t = SiteTest::fixture("basic");
    std::fs::create_dir_all(t.path("empty")).expect("mkdir");
    assert!(docent(&t, &["build", "--out", "empty"]).ok());
    assert!(t.path("empty/.docent-site").is_file());
    let again = docent(&t, &["build", "--out", "empty"]);
    assert!(again.ok(), "{}", again.stderr());
    // A site from an older docent: no marker, but docent's own pages and script.
    std::fs::remove_file(t.path("empty/.docent-site")).expect("rm marker");
    let legacy = docent(&t, &["build", "--out", "empty"]);
    assert!(legacy.ok(), "{}", legacy.stderr());
    assert!(t.path("empty/en/index.html").is_file());
    assert!(t.path("empty/.docent-site").is_file());
}

/// The files a user adds to a site docent built (a host's CNAME, a `.git` checkout of the
/// publishing branch, notes) are theirs: the next build keeps them, and refuses, keeping
/// the previous site, rather than write over one.
#[test]
fn out_keeps_the_files_a_user_added_to_its_site() {
    let t = SiteTest::fixture("basic");
    assert!(docent(&t, &["build", "--out", "site"]).ok());
    t.write("site/CNAME", "course.example.org\n");
    t.write("site/.nojekyll", "");
    t.write("site/.git/HEAD", "ref: refs/heads/gh-pages\n");
    t.write("site/en/my-notes.txt", "mine\n");
    t.write("site/en/second/draft/plan.md", "later\n");
    // A page the last build wrote and this one does not (a chapter since removed) goes.
    t.write("site/en/removed/index.html", "<p>old page</p>\n");
    let marker = t.read("site/.docent-site");
    t.write(
        "site/.docent-site",
        &marker.replace(
            "End of the list.",
            "en/removed/index.html\nEnd of the list.",
        ),
    );
    let run = docent(&t, &["build", "--out", "site"]);
    assert!(run.ok(), "{}", run.stderr());
    assert_eq!(t.read("site/CNAME"), "course.example.org\n");
    assert!(t.path("site/.nojekyll").is_file());
    assert_eq!(t.read("site/.git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert_eq!(t.read("site/en/my-notes.txt"), "mine\n");
    assert_eq!(t.read("site/en/second/draft/plan.md"), "later\n");
    assert!(
        !t.path("site/en/removed").exists(),
        "the removed chapter's page is gone"
    );
    assert!(t.leftovers().is_empty(), "left behind: {:?}", t.leftovers());
    // A site from a docent that listed no files: all the new build does not write is kept.
    t.write(
        "site/.docent-site",
        "This folder was written by `docent build`.\n",
    );
    t.write("site/en/stale.txt", "docent's, as far as anyone can tell\n");
    let run = docent(&t, &["build", "--out", "site"]);
    assert!(run.ok(), "{}", run.stderr());
    assert_eq!(t.read("site/CNAME"), "course.example.org\n");
    assert_eq!(t.read("site/.git/HEAD"), "ref: refs/heads/gh-pages\n");
    // Nor whether this is: kept, as the new build does not write it.
    assert!(t.path("site/en/stale.txt").is_file());
    // A user's file where the new build writes a page: refused, nothing changes.
    t.write("site/en/fourth/index.html", "<p>my own page</p>\n");
    t.write(
        "content/04-fourth/en.md",
        "+++\ntitle = \"Fourth\"\n+++\n\nNew.\n",
    );
    let before = snapshot(&t, "site");
    let run = docent(&t, &["build", "--out", "site"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(
        run.stderr().contains("en/fourth/index.html")
            && run.stderr().contains("not written by docent"),
        "{}",
        run.stderr()
    );
    assert_eq!(
        snapshot(&t, "site"),
        before,
        "the previous site stays as it was"
    );
    assert!(t.leftovers().is_empty(), "left behind: {:?}", t.leftovers());
}

/// One build at a time writes a site (two at once would each move the user's files): the
/// second is refused while the first runs, a lock left by a process that is gone is taken
/// over; and what a build killed during its swap set aside comes back.
#[test]
fn one_build_at_a_time_and_an_interrupted_swap_loses_nothing() {
    let t = SiteTest::fixture("basic");
    assert!(docent(&t, &["build", "--out", "site"]).ok());
    // This test's process holds the lock, as a running build does.
    t.write(".site.docent-lock", &std::process::id().to_string());
    let held = std::fs::File::open(t.path(".site.docent-lock")).expect("open lock");
    held.lock().expect("lock");
    let run = docent(&t, &["build", "--out", "site"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(
        run.stderr().contains("another docent build"),
        "{}",
        run.stderr()
    );
    // Released (the process ended): the lock file left is taken over, whatever it says.
    drop(held);
    t.write(".site.docent-lock", &dead_pid().to_string());
    let run = docent(&t, &["build", "--out", "site"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(!t.path(".site.docent-lock").exists(), "released");
    // A file of that name docent did not write is neither written over nor removed.
    t.write(".site.docent-lock", "my notes\n");
    let run = docent(&t, &["build", "--out", "site"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert_eq!(t.read(".site.docent-lock"), "my notes\n");
    std::fs::remove_file(t.path(".site.docent-lock")).expect("rm");
    // Killed after the new site took its place, before the user's files followed it.
    let old = format!(".site.docent-old-{}", dead_pid());
    copy_dir(&t.path("site"), &t.path(&old));
    t.write(&format!("{old}/CNAME"), "course.example.org\n");
    t.write(&format!("{old}/en/notes/mine.txt"), "mine\n");
    let run = docent(&t, &["build", "--out", "site"]);
    assert!(run.ok(), "{}", run.stderr());
    assert_eq!(t.read("site/CNAME"), "course.example.org\n");
    assert_eq!(t.read("site/en/notes/mine.txt"), "mine\n");
    assert!(
        !t.path(&old).exists(),
        "{old} is removed once empty of the user's files"
    );
    // Killed before: the previous site is put back whole.
    std::fs::rename(t.path("site"), t.path(&old)).expect("set aside");
    let run = docent(&t, &["build", "--out", "site"]);
    assert!(run.ok(), "{}", run.stderr());
    assert_eq!(t.read("site/CNAME"), "course.example.org\n");
    assert!(t.leftovers().is_empty(), "left behind: {:?}", t.leftovers());
}

/// A page of docent's kept because an earlier marker's list was not whole is docent's to
/// replace when its chapter comes back, not a file of the user's that blocks every build.
#[test]
fn a_page_docent_made_is_never_taken_for_the_users() {
    let t = SiteTest::fixture("basic");
    assert!(docent(&t, &["build", "--out", "site"]).ok());
    let page = t.read("site/en/second/index.html");
    t.write("site/en/fourth/index.html", &page);
    t.write(
        "site/.docent-site",
        "This folder was written by `docent build`.\n",
    );
    assert!(docent(&t, &["build", "--out", "site"]).ok());
    assert!(
        t.path("site/en/fourth/index.html").is_file(),
        "kept: the list was not whole"
    );
    t.write(
        "content/04-fourth/en.md",
        "+++\ntitle = \"Fourth\"\n+++\n\nNew.\n",
    );
    let run = docent(&t, &["build", "--out", "site"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(t.read("site/en/fourth/index.html").contains("New."));
}

// 2. --out naming an existing file: refused before anything moves.
#[test]
fn out_naming_a_file_is_refused_and_the_file_stays() {
    let t = SiteTest::fixture("basic");
    t.write("out.txt", "keep me\n");
    let run = docent(&t, &["build", "--out", "out.txt"]);
    refused(&run, "--out out.txt");
    assert_eq!(t.read("out.txt"), "keep me\n");
    assert!(t.leftovers().is_empty(), "left behind: {:?}", t.leftovers());
    // A link to nothing is named as such (it was "a file"), and stays.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(t.path("gone"), t.path("dangling")).expect("symlink");
        let run = docent(&t, &["build", "--out", "dangling"]);
        refused(&run, "--out dangling");
        assert!(
            run.stderr().contains("symbolic link to nothing"),
            "{}",
            run.stderr()
        );
        assert!(t.path("dangling").is_symlink());
    }
    // A file where a folder must be, named as such (it was "File exists (os error 17)").
    let run = docent(&t, &["bundle", "--out", "out.txt/x.zip"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(
        run.stderr().contains("out.txt is a file, not a folder"),
        "{}",
        run.stderr()
    );
    assert_eq!(t.read("out.txt"), "keep me\n");
    // A course folder that is not there stops `serve` at once, with what to pass.
    let run = docent(&t, &["serve", "--root", "nowhere", "--port", "0"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(
        run.stderr().contains("nowhere is not a folder"),
        "{}",
        run.stderr()
    );
    // Something not a file where the lock goes: the message says what the path is.
    std::fs::create_dir(t.path(".site.docent-lock")).expect("mkdir");
    let run = docent(&t, &["build", "--out", "site"]);
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    assert!(
        run.stderr()
            .contains("this path is where docent keeps the lock"),
        "{}",
        run.stderr()
    );
    assert!(t.path(".site.docent-lock").is_dir());
}

/// The pid of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("true");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

// 3. What killed builds leave is removed by the next build, and only that.
#[test]
fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
    let t = SiteTest::fixture("basic");
    let pid = dead_pid();
    t.write(&format!(".site.docent-new-{pid}/.docent-site"), "marker\n");
    t.write(
        &format!(".site.docent-new-{pid}/en/index.html"),
        "half a site\n",
    );
    t.write(&format!(".site.docent-old-{pid}/.docent-site"), "marker\n");
    t.write(&format!(".site.docent-tmp-{pid}"), "a temporary file\n");
    // Named like a leftover but holding the user's files: not docent's, not touched.
    let other = dead_pid();
    t.write(&format!(".site.docent-new-{other}/mine.txt"), "mine\n");
    // A bundle's temporary file.
    t.write(&format!(".course.zip.docent-tmp-{pid}"), "half a zip\n");
    let run = docent(&t, &["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(!t.path(&format!(".site.docent-new-{pid}")).exists());
    assert!(!t.path(&format!(".site.docent-old-{pid}")).exists());
    assert!(!t.path(&format!(".site.docent-tmp-{pid}")).exists());
    assert_eq!(
        t.read(&format!(".site.docent-new-{other}/mine.txt")),
        "mine\n"
    );
    let run = docent(&t, &["bundle"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(!t.path(&format!(".course.zip.docent-tmp-{pid}")).exists());
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_the_next_build_cleans_up() {
    let t = SiteTest::bundled();
    for i in 11..=400 {
        t.write(
            &format!("content/{i:03}-extra-{i}/en.md"),
            &format!("+++\ntitle = \"Extra {i}\"\n+++\n\n## More\n\n```dockerfile\nFROM alpine:3.23\nRUN echo {i}\n```\n"),
        );
    }
    assert!(docent(&t, &["build"]).ok());
    let before = t.read("site/en/index.html");
    for delay in [40, 120, 300] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_docent"))
            .args(["build", "-q"])
            .current_dir(t.dir.path())
            .spawn()
            .expect("build");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            t.read("site/en/index.html"),
            before,
            "killed after {delay} ms"
        );
    }
    assert!(docent(&t, &["build"]).ok());
    let left: Vec<String> = std::fs::read_dir(t.dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".docent-"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

// 4. `translate done` edits front matter by parsing it, and writes nothing when it fails.
#[test]
fn translate_done_keeps_every_other_byte() {
    let t = SiteTest::fixture("basic");
    let translation = "+++\n# The Portuguese title.\ntitle = \"Introdução\"\ndescription = \"\"\"\nUma linha.\ntranslated_from isto é texto do autor.\n\"\"\"\n+++\n\nBem-vindo.\n\n## Primeiros passos\n\n### Um detalhe\n";
    t.write("content/01-intro/pt-BR.md", translation);
    let run = docent(&t, &["translate", "done", "01-intro", "pt-BR"]);
    assert!(run.ok(), "{}", run.stderr());
    let after = t.read("content/01-intro/pt-BR.md");
    assert!(
        after.contains("translated_from isto é texto do autor.\n"),
        "{after}"
    );
    assert!(after.contains("# The Portuguese title.\n"), "{after}");
    let without = after
        .lines()
        .filter(|l| !l.starts_with("translated_from = "))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    assert_eq!(without, translation, "only the one line was added");

    // With a byte order mark: recorded, mark kept.
    t.write(
        "content/03-third/pt-BR.md",
        &format!("\u{feff}{}", t.read("content/03-third/pt-BR.md")),
    );
    let store = t.path("content/.docent/sources");
    let run = docent(&t, &["translate", "done", "3", "pt-BR"]);
    assert!(run.ok(), "{}", run.stderr());
    let marked = t.read("content/03-third/pt-BR.md");
    assert!(marked.starts_with("\u{feff}+++"), "{marked:?}");
    assert!(marked.contains("translated_from = \""), "{marked}");
    assert!(store.is_dir());
}

#[test]
fn a_failed_translate_done_writes_nothing() {
    let t = SiteTest::fixture("basic");
    // YAML written as one flow mapping: no key line to replace, and a line added after it
    // would break the file. Refused, and nothing is written, not even the source version.
    t.write(
        "content/01-intro/pt-BR.md",
        "---\n{title: \"Introdução\"}\n---\n\nBem-vindo.\n",
    );
    assert!(
        docent(&t, &["check"])
            .stdout()
            .contains("01-intro/pt-BR.md")
    );
    let before = snapshot(&t, "content");
    let run = docent(&t, &["translate", "done", "01-intro", "pt-BR"]);
    assert!(!run.ok());
    assert!(
        run.stderr().contains("01-intro/pt-BR.md"),
        "{}",
        run.stderr()
    );
    assert_eq!(snapshot(&t, "content"), before, "nothing written");
}

// 5. Bundles and init never overwrite a file they did not write, or not without a copy.
#[test]
fn bundle_out_refuses_files_it_did_not_write() {
    let t = SiteTest::fixture("basic");
    t.write("README.md", "# my notes\n");
    let run = docent(&t, &["bundle", "--out", "README.md"]);
    refused(&run, "bundle --out README.md");
    assert_eq!(t.read("README.md"), "# my notes\n");
    // Its own zip, again and again.
    assert!(docent(&t, &["bundle", "--out", "c.zip"]).ok());
    assert!(docent(&t, &["bundle", "--out", "c.zip"]).ok());
    // A zip of someone else's.
    std::fs::copy(t.path("c.zip"), t.path("other.zip")).expect("copy");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(t.path("other.zip")).expect("zip"));
    zip.start_file("photo.txt", zip::write::SimpleFileOptions::default())
        .expect("entry");
    std::io::Write::write_all(&mut zip, b"holiday").expect("write");
    zip.finish().expect("finish");
    refused(
        &docent(&t, &["bundle", "--out", "other.zip"]),
        "someone else's zip",
    );
    // Single files: a page of the user's with the same name stays.
    t.write("offline/course.en.html", "<p>my own page</p>\n");
    refused(
        &docent(&t, &["bundle", "--single-file", "--out", "offline"]),
        "single file over the user's page",
    );
    assert_eq!(t.read("offline/course.en.html"), "<p>my own page</p>\n");
    std::fs::remove_file(t.path("offline/course.en.html")).expect("rm");
    assert!(docent(&t, &["bundle", "--single-file", "--out", "offline"]).ok());
    assert!(docent(&t, &["bundle", "--single-file", "--out", "offline"]).ok());
}

#[test]
fn init_force_keeps_what_it_replaces() {
    let t = SiteTest::fixture("basic");
    t.write(".gitignore", ".env\ntarget/\n");
    t.write(
        "content/01-first-chapter/en.md",
        "+++\ntitle = \"Mine\"\n+++\n\nMY UNPUBLISHED DRAFT\n",
    );
    let toml = t.read("content/course.toml");
    let run = docent(&t, &["init", ".", "--force"]);
    assert!(run.ok(), "{}", run.stderr());
    assert_eq!(t.read("content/course.toml.orig"), toml);
    // The ignore list stays the author's (moved aside, `.env` could be committed); docent's
    // lines wait beside it.
    assert_eq!(t.read(".gitignore"), ".env\ntarget/\n");
    assert!(t.read(".gitignore.docent").contains("/site/"));
    // The chapter it set aside is kept, and not published.
    assert!(
        t.read("content/01-first-chapter/en.md.orig")
            .contains("MY UNPUBLISHED")
    );
    // A `content` that links outside the folder is not written through.
    #[cfg(unix)]
    {
        let elsewhere = tempfile::tempdir().expect("elsewhere");
        std::fs::create_dir_all(t.path("linked")).expect("mkdir");
        std::os::unix::fs::symlink(elsewhere.path(), t.path("linked/content")).expect("link");
        let run = docent(&t, &["init", "linked", "--force"]);
        assert_eq!(run.code(), Some(1), "{}", run.stderr());
        assert!(
            run.stderr().contains("links outside the project"),
            "{}",
            run.stderr()
        );
        assert_eq!(std::fs::read_dir(elsewhere.path()).expect("ls").count(), 0);
    }
    let built = docent(&t, &["build", "--out", "site"]);
    assert!(built.ok(), "{}", built.stderr());
    assert!(
        built.stderr().contains("is not published"),
        "{}",
        built.stderr()
    );
    assert!(!t.path("site/en/first-chapter/en.md.orig").exists());
    let err = run.stderr();
    assert!(
        err.contains("replaced") && err.contains("course.toml.orig"),
        "says what it kept:\n{err}"
    );
    assert!(!err.contains("created content/course.toml\n"), "{err}");
    // Twice: the files are docent's own now and unchanged; nothing more is set aside.
    let run = docent(&t, &["init", ".", "--force"]);
    assert!(run.ok());
    assert!(run.stderr().contains("unchanged"), "{}", run.stderr());
    assert!(!t.path("content/course.toml.orig.2").exists());
}

/// A chapter folder's leftovers and keys stay unpublished, with a warning each: an editor's
/// backup, a private key by its name, a link to a hidden file of the project.
#[test]
fn leftovers_keys_and_links_to_hidden_files_are_not_published() {
    let t = SiteTest::fixture("basic");
    t.write(".env", "API_KEY=hunter2\n");
    t.write("content/01-intro/en.md~", "old\n");
    t.write(
        "content/01-intro/id_rsa",
        "-----BEGIN OPENSSH PRIVATE KEY-----\n",
    );
    t.write("content/01-intro/server.key", "key\n");
    t.write("content/01-intro/notes.txt", "for readers\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink("../../.env", t.path("content/01-intro/env.txt")).expect("link");
    let run = docent(&t, &["build", "--out", "site"]);
    assert!(run.ok(), "{}", run.stderr());
    for name in ["en.md~", "id_rsa", "server.key", "env.txt"] {
        assert!(
            run.stderr().contains(&format!("01-intro/{name}")),
            "{name}: {}",
            run.stderr()
        );
        assert!(!t.path(&format!("site/en/intro/{name}")).exists(), "{name}");
    }
    assert_eq!(t.read("site/en/intro/notes.txt"), "for readers\n");
}

// 6. Nothing outside the project is read or published, whatever the links.
#[test]
fn links_leading_outside_the_project_are_refused() {
    let outside = tempfile::tempdir().expect("outside");
    std::fs::write(outside.path().join("secret.txt"), "private key\n").expect("secret");
    std::fs::write(
        outside.path().join("en.md"),
        "+++\ntitle = \"Elsewhere\"\n+++\n\nprivate notes\n",
    )
    .expect("md");

    // A linked folder, and a src= through it.
    let t = SiteTest::fixture("basic");
    std::os::unix::fs::symlink(outside.path(), t.path("content/01-intro/lib")).expect("link");
    let run = docent(&t, &["build"]);
    assert!(!run.ok(), "{}", run.stderr());
    assert!(
        run.stderr().contains("01-intro/lib") && run.stderr().contains("outside the project"),
        "{}",
        run.stderr()
    );
    assert!(!t.path("site").exists());

    // A linked file in a real folder, shown with src=.
    let t = SiteTest::fixture("basic");
    std::fs::create_dir_all(t.path("content/02-second/lib")).expect("lib");
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        t.path("content/02-second/lib/x"),
    )
    .expect("link");
    t.write(
        "content/02-second/en.md",
        "+++\ntitle = \"Second\"\n+++\n\n```text src=\"lib/x\"\n```\n",
    );
    let run = docent(&t, &["build"]);
    assert!(!run.ok());
    assert!(run.stderr().contains("lib/x"), "{}", run.stderr());
    assert!(!t.path("site").exists());

    // A chapter folder that is a link to somewhere else.
    let t = SiteTest::fixture("basic");
    std::os::unix::fs::symlink(outside.path(), t.path("content/04-elsewhere")).expect("link");
    let run = docent(&t, &["build"]);
    assert!(!run.ok(), "published a linked chapter:\n{}", run.stderr());
    assert!(run.stderr().contains("04-elsewhere"), "{}", run.stderr());
    let check = docent(&t, &["check"]);
    assert!(!check.ok());

    // Links that stay inside the project are fine, followed where they lead.
    let t = SiteTest::fixture("basic");
    t.write("shared/Dockerfile.base", "FROM alpine:3.23\n");
    std::os::unix::fs::symlink(t.path("shared"), t.path("content/02-second/lib")).expect("link");
    t.write(
        "content/02-second/en.md",
        "+++\ntitle = \"Second\"\n+++\n\n```dockerfile src=\"lib/Dockerfile.base\"\n```\n",
    );
    let run = docent(&t, &["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(t.path("site/en/second/lib/Dockerfile.base").is_file());
}

#[test]
fn theme_strings_and_configuration_are_read_from_inside_the_project_only() {
    let outside = tempfile::tempdir().expect("outside");
    std::fs::write(outside.path().join("style.css"), "body{}\n").expect("css");
    std::fs::write(outside.path().join("course.toml"), "base_url = \"x\"\n").expect("toml");

    let t = SiteTest::fixture("basic");
    std::fs::create_dir_all(t.path("themes/default/static")).expect("themes");
    std::os::unix::fs::symlink(
        outside.path().join("style.css"),
        t.path("themes/default/static/style.css"),
    )
    .expect("link");
    let run = docent(&t, &["build"]);
    assert!(!run.ok());
    assert!(run.stderr().contains("style.css"), "{}", run.stderr());

    let t = SiteTest::fixture("basic");
    std::fs::remove_file(t.path("content/course.toml")).expect("rm");
    std::os::unix::fs::symlink(
        outside.path().join("course.toml"),
        t.path("content/course.toml"),
    )
    .expect("link");
    let run = docent(&t, &["build"]);
    assert!(!run.ok());
    assert!(
        run.stderr().contains("outside the project"),
        "{}",
        run.stderr()
    );

    // A course folder that is itself a link is followed: the project is where it leads.
    let t = SiteTest::fixture("basic");
    std::fs::rename(t.path("content"), t.path("real-content")).expect("mv");
    std::os::unix::fs::symlink(t.path("real-content"), t.path("content")).expect("link");
    let run = docent(&t, &["build"]);
    assert!(run.ok(), "{}", run.stderr());
}

#[test]
fn a_dangling_link_is_called_that() {
    let t = SiteTest::fixture("basic");
    std::os::unix::fs::symlink(t.path("nowhere"), t.path("content/01-intro/gone.png"))
        .expect("link");
    let run = docent(&t, &["build"]);
    assert!(run.ok(), "{}", run.stderr());
    let err = run.stderr();
    assert!(
        err.contains("gone.png") && err.contains("does not exist"),
        "{err}"
    );
    assert!(!err.contains("outside the project"), "{err}");
}

// 8. Folder names must make valid URLs.
#[test]
fn chapter_folders_whose_names_are_not_slugs_are_refused() {
    for name in ["11-..", "11-.", "11-a?b", "11-a#b", "11-a\"b", "11-a b"] {
        let t = SiteTest::fixture("basic");
        assert!(docent(&t, &["build"]).ok());
        let chooser = t.read("site/index.html");
        t.write(
            &format!("content/{name}/en.md"),
            "+++\ntitle = \"Sneaky\"\n+++\n\nHello.\n",
        );
        let run = docent(&t, &["build"]);
        assert!(!run.ok(), "{name}: built");
        assert!(
            run.stderr().contains(name) && run.stderr().contains("slug"),
            "{name}: {}",
            run.stderr()
        );
        assert_eq!(t.read("site/index.html"), chooser, "{name}");
        // A slug in the front matter makes any folder name fine.
        t.write(
            &format!("content/{name}/en.md"),
            "+++\ntitle = \"Sneaky\"\nslug = \"sneaky\"\n+++\n\nHello.\n",
        );
        if name != "11-.." && name != "11-." {
            let run = docent(&t, &["build"]);
            assert!(run.ok(), "{name}: {}", run.stderr());
        }
    }
}

// 9. Line ranges are checked before anything is allocated.
#[test]
fn huge_line_ranges_are_errors_not_crashes() {
    for range in ["1-18446744073709551615", "1-1000000000", "3-99"] {
        let t = SiteTest::fixture("basic");
        t.write(
            "content/02-second/en.md",
            &format!("+++\ntitle = \"Second\"\n+++\n\n```dockerfile hl_lines=\"{range}\"\nFROM alpine:3.23\nRUN true\n```\n"),
        );
        for cmd in ["build", "check"] {
            let run = docent(&t, &[cmd]);
            let err = run.stderr() + &run.stdout();
            assert_eq!(run.code(), Some(1), "{cmd} {range}: {err}");
            assert!(
                err.contains("02-second/en.md:5:1") && err.contains("2 lines"),
                "{cmd} {range}: {err}"
            );
        }
    }
}

// 10. Special files are skipped with a warning, never read.
#[test]
fn a_fifo_in_a_chapter_folder_does_not_hang_anything() {
    let t = SiteTest::fixture("basic");
    for fifo in ["content/01-intro/pipe", "content/02-second/pt-BR.md"] {
        let status = Command::new("mkfifo")
            .arg(t.path(fifo))
            .status()
            .expect("mkfifo");
        assert!(status.success());
    }
    let run = docent(&t, &["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(run.stderr().contains("FIFO"), "{}", run.stderr());
    let check = docent(&t, &["check"]);
    assert!(check.stdout().contains("FIFO"), "{}", check.stdout());
    assert!(!t.path("site/en/intro/pipe").exists());
}

// Errors name the file, line and column.
#[test]
fn invalid_utf8_is_located() {
    let t = SiteTest::fixture("basic");
    let mut bytes = b"+++\ntitle = \"Second\"\n+++\n\nGood line.\nBad \xff here.\n".to_vec();
    std::fs::write(t.path("content/02-second/en.md"), &bytes).expect("write");
    let run = docent(&t, &["build"]);
    assert!(!run.ok());
    assert!(
        run.stderr().contains("02-second/en.md:6:5") && run.stderr().contains("UTF-8"),
        "{}",
        run.stderr()
    );
    let t = SiteTest::fixture("basic");
    bytes = t.read("content/course.toml").into_bytes();
    bytes.extend_from_slice(b"# caf\xe9\n");
    std::fs::write(t.path("content/course.toml"), &bytes).expect("write");
    let run = docent(&t, &["build"]);
    let lines = t.read_lossy_lines("content/course.toml");
    assert!(
        run.stderr().contains(&format!("course.toml:{lines}:6")),
        "{}",
        run.stderr()
    );
}

#[test]
fn authoring_slips_are_located_errors() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "+++\ntitle = \"Second\"\n+++\n\n```dockerfile src=\"\"\n```\n",
            "en.md:5:1",
            "names no file",
        ),
        (
            "+++\ntitle = \"Second\"\n\nNo closing fence.\n",
            "en.md:1:1",
            "never closed",
        ),
        (
            "---\ntitle: Second\ncolour: red\n---\n\nBody.\n",
            "en.md:3:1",
            "unknown front matter key `colour`",
        ),
    ];
    for (text, location, message) in cases {
        let t = SiteTest::fixture("basic");
        t.write("content/02-second/en.md", text);
        let run = docent(&t, &["build"]);
        let err = run.stderr();
        assert!(!run.ok());
        assert!(
            err.contains(location) && err.contains(message),
            "want {location} {message}:\n{err}"
        );
        assert!(
            !err.contains("line 1 column"),
            "a second, wrong position:\n{err}"
        );
    }
}

#[test]
fn a_chapter_file_that_is_a_folder_is_an_error() {
    let t = SiteTest::fixture("basic");
    std::fs::create_dir_all(t.path("content/02-second/pt-BR.md")).expect("mkdir");
    let run = docent(&t, &["build"]);
    assert!(!run.ok());
    assert!(
        run.stderr().contains("02-second/pt-BR.md") && run.stderr().contains("folder"),
        "{}",
        run.stderr()
    );
}

#[test]
fn init_refuses_a_language_given_twice() {
    let t = SiteTest::fixture("basic");
    let run = docent(&t, &["init", "new", "--languages", "en,en"]);
    assert!(!run.ok());
    assert!(run.stderr().contains("twice"), "{}", run.stderr());
    assert!(!t.path("new").exists());
}

trait LossyLines {
    fn read_lossy_lines(&self, rel: &str) -> usize;
}

impl LossyLines for SiteTest {
    /// The number of lines of a file that may not be UTF-8.
    fn read_lossy_lines(&self, rel: &str) -> usize {
        let bytes = std::fs::read(self.path(rel)).expect("read");
        bytes.iter().filter(|b| **b == b'\n').count()
    }
}

// What a second round of attacks found (the hostile-user report on the first fix).

#[test]
fn a_themes_folder_that_links_elsewhere_is_refused() {
    let outside = tempfile::tempdir().expect("outside");
    std::fs::create_dir_all(outside.path().join("default/static")).expect("mkdir");
    std::fs::write(
        outside.path().join("default/static/secret.txt"),
        "TOP SECRET\n",
    )
    .expect("secret");
    let t = SiteTest::fixture("basic");
    std::os::unix::fs::symlink(outside.path(), t.path("themes")).expect("link");
    let run = docent(&t, &["build"]);
    assert!(!run.ok(), "published a linked theme folder");
    assert!(
        run.stderr().contains("outside the project"),
        "{}",
        run.stderr()
    );
    assert!(!t.path("site").exists());
    // A link to nothing inside an override folder is a warning, as everywhere else.
    let t = SiteTest::fixture("basic");
    std::fs::create_dir_all(t.path("themes/default/static")).expect("mkdir");
    std::os::unix::fs::symlink(
        t.path("nowhere.css"),
        t.path("themes/default/static/dead.css"),
    )
    .expect("link");
    let run = docent(&t, &["build"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(run.stderr().contains("dead.css"), "{}", run.stderr());
}

#[test]
fn bundle_out_is_checked_where_the_system_would_write() {
    let t = SiteTest::fixture("basic");
    std::fs::create_dir_all(t.path("elsewhere/deep")).expect("mkdir");
    std::os::unix::fs::symlink(t.path("content/01-intro"), t.path("elsewhere/deep/ch"))
        .expect("link");
    let source = t.read("content/01-intro/en.md");
    let run = docent(
        &t,
        &["bundle", "--out", "elsewhere/deep/ch/../01-intro/en.md"],
    );
    refused(&run, "through a link and ..");
    assert_eq!(t.read("content/01-intro/en.md"), source);
    // A page of the user's that happens to say "docente" is not docent's.
    t.write(
        "offline/course.pt-BR.html",
        "<html><body><p>Corpo docente: Profa. Maria</p></body></html>\n",
    );
    refused(
        &docent(&t, &["bundle", "--single-file", "--out", "offline"]),
        "a page about the teaching staff",
    );
    assert!(t.read("offline/course.pt-BR.html").contains("Profa. Maria"));
}

#[test]
fn translated_from_is_a_version_never_a_path() {
    let t = SiteTest::fixture("basic");
    t.write("secret.md", "outside secret line\n");
    t.write(
        "content/01-intro/pt-BR.md",
        "+++\ntitle = \"Introdução\"\ntranslated_from = \"../../secret\"\n+++\n\nBem-vindo.\n",
    );
    for args in [&["translate", "status"][..], &["check"], &["build"]] {
        let run = docent(&t, args);
        let all = run.stdout() + &run.stderr();
        assert!(!run.ok(), "{args:?}");
        assert!(
            !all.contains("outside secret line"),
            "{args:?} printed a file: {all}"
        );
        assert!(all.contains("pt-BR.md:3:1"), "{args:?}: {all}");
    }
    // A store folder that links elsewhere is not written through.
    let t = SiteTest::fixture("basic");
    let outside = tempfile::tempdir().expect("outside");
    std::os::unix::fs::symlink(outside.path(), t.path("content/.docent")).expect("link");
    let run = docent(&t, &["translate", "done", "01-intro", "pt-BR"]);
    assert!(!run.ok());
    assert!(
        std::fs::read_dir(outside.path())
            .expect("ls")
            .next()
            .is_none()
    );
}

#[test]
fn a_closed_pipe_or_a_full_disk_is_not_a_crash() {
    let t = SiteTest::fixture("basic");
    for args in [&["translate", "status"][..], &["check"], &["build"]] {
        // The reader goes away before docent writes.
        let mut child = Command::new(env!("CARGO_BIN_EXE_docent"))
            .args(args)
            .current_dir(t.dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().expect("wait");
        assert_ne!(status.code(), Some(101), "{args:?} panicked");
        // Writing into a full disk.
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let status = Command::new(env!("CARGO_BIN_EXE_docent"))
            .args(args)
            .current_dir(t.dir.path())
            .stdout(full)
            .stderr(Stdio::null())
            .status()
            .expect("run");
        assert_ne!(status.code(), Some(101), "{args:?} panicked on a full disk");
    }
}

#[test]
fn a_fifo_where_a_bundle_goes_is_refused_without_hanging() {
    let t = SiteTest::fixture("basic");
    std::fs::create_dir_all(t.path("off")).expect("mkdir");
    for fifo in ["f.zip", "off/course.en.html"] {
        assert!(
            Command::new("mkfifo")
                .arg(t.path(fifo))
                .status()
                .expect("mkfifo")
                .success()
        );
    }
    refused(&docent(&t, &["bundle", "--out", "f.zip"]), "FIFO zip");
    refused(
        &docent(&t, &["bundle", "--single-file", "--out", "off"]),
        "FIFO page",
    );
    std::fs::remove_file(t.path("content/course.toml")).expect("rm");
    assert!(
        Command::new("mkfifo")
            .arg(t.path("content/course.toml"))
            .status()
            .expect("mkfifo")
            .success()
    );
    let run = docent(&t, &["init", ".", "--force"]);
    assert!(run.ok(), "{}", run.stderr());
    assert!(
        t.path("content/course.toml.orig").exists(),
        "the FIFO is set aside"
    );
}

/// U+0000 is read as U+FFFD everywhere, as CommonMark says: no page carries it (it is a
/// parse error in HTML), not even in a heading's anchor label.
#[test]
fn a_nul_in_the_text_reaches_no_page() {
    let t = SiteTest::fixture("basic");
    t.write(
        "content/02-second/en.md",
        "+++\ntitle = \"Sec\0ond\"\n+++\n\nnul \0 here\n\n## H\0x\n\nText.\n",
    );
    let run = docent(&t, &["build"]);
    assert!(run.ok(), "{}", run.stderr());
    for (path, bytes) in t.tree("site") {
        let text = path.ends_with(".html") || path.ends_with(".js") || path.ends_with(".xml");
        assert!(!(text && bytes.contains(&0)), "{path} has a NUL byte");
    }
    assert!(t.read("site/en/second/index.html").contains("H\u{FFFD}x"));
}

#[test]
fn authoring_extremes_are_located_errors() {
    // Block quotes a thousand deep: refused at once, not minutes of parsing.
    let t = SiteTest::fixture("basic");
    t.write(
        "content/02-second/en.md",
        &format!(
            "+++\ntitle = \"Second\"\n+++\n\n{} x\n",
            ">".repeat(200_000)
        ),
    );
    let run = docent(&t, &["build"]);
    assert!(!run.ok());
    assert!(
        run.stderr().contains("02-second/en.md:5:33"),
        "{}",
        run.stderr()
    );
    // The same behind list markers and footnote labels, which comrak nests them in as
    // deep, and after a lone carriage return, which ends a line as a line feed does.
    for prefix in ["- ", "1. ", "* > - > 2) ", "[^a]: ", "x\r"] {
        t.write(
            "content/02-second/en.md",
            &format!(
                "+++\ntitle = \"Second\"\n+++\n\n{prefix}{} x\n",
                ">".repeat(200_000)
            ),
        );
        let run = docent(&t, &["build"]);
        assert!(!run.ok(), "{prefix}");
        // After the lone carriage return, the quotes are on a line of their own.
        let line = if prefix.ends_with('\r') { 6 } else { 5 };
        assert!(
            run.stderr().contains(&format!("02-second/en.md:{line}:"))
                && run.stderr().contains("nested more than 32 deep"),
            "{prefix}: {}",
            run.stderr()
        );
    }
    // A slug longer than a file name may be.
    let t = SiteTest::fixture("basic");
    t.write(
        "content/02-second/en.md",
        &format!(
            "+++\ntitle = \"Second\"\nslug = \"{}\"\n+++\n\nx\n",
            "s".repeat(300)
        ),
    );
    for cmd in ["check", "build"] {
        let run = docent(&t, &[cmd]);
        assert!(!run.ok(), "{cmd}");
        assert!(
            (run.stderr() + &run.stdout()).contains("02-second/en.md:3:1"),
            "{cmd}: {}",
            run.stderr()
        );
    }
    // A chapter asset that would replace the chapter's page.
    let t = SiteTest::fixture("basic");
    t.write("content/01-intro/index.html", "<h1>ASSET OVERRIDE</h1>\n");
    let run = docent(&t, &["build"]);
    assert!(!run.ok());
    assert!(
        run.stderr().contains("01-intro/index.html"),
        "{}",
        run.stderr()
    );
    // Folders numbered like chapters that are not: named, not silently dropped.
    let t = SiteTest::fixture("basic");
    t.write("content/06-/en.md", "+++\ntitle = \"Lost\"\n+++\n");
    t.write(
        "content/99999999999999999999999-big/en.md",
        "+++\ntitle = \"Lost\"\n+++\n",
    );
    let run = docent(&t, &["build"]);
    assert!(run.ok());
    assert!(
        run.stderr().contains("06-") && run.stderr().contains("99999999999999999999999-big"),
        "{}",
        run.stderr()
    );
}
