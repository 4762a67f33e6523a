//! What the course's git repository says about its files: where the course folder sits in
//! the repository (for "edit this page" links) and when each file last changed in a
//! commit (for "last updated"). Dates come from commits, never from the disk, so two
//! builds of one commit agree; `SOURCE_DATE_EPOCH` caps them for reproducible builds.
//! Without git, or outside a repository, there is no history and pages say nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's view of a course folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// The course folder's path inside the repository (`content`, `docs/course`), `/`
    /// separated, empty at the repository's top; `None` outside a repository.
    pub dir: Option<String>,
    /// Seconds since the epoch of the last commit that changed each file, by its path
    /// under the course folder.
    pub updated: HashMap<PathBuf, i64>,
    /// The commit checked out when this was read (`None` before the first commit).
    pub head: Option<String>,
}

impl History {
    /// Asks git about the course folder `root`: one `rev-parse` and one `log`, whatever the
    /// number of files.
    pub fn read(root: &Path) -> History {
        // A repository with no commit yet has no HEAD to name: ask again without it.
        let Some(found) = git(root, &["rev-parse", "--show-prefix", "HEAD"])
            .or_else(|| git(root, &["rev-parse", "--show-prefix"]))
        else {
            return History::default();
        };
        let mut lines = found.lines();
        let dir = lines.next().unwrap_or("").trim_end_matches('/').to_string();
        let head = lines.next().map(|l| l.trim().to_string());
        let cap = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|v| v.trim().parse::<i64>().ok());
        let log = git(
            root,
            &[
                "-c",
                "core.quotepath=off",
                "log",
                "--no-renames",
                "--format=%x01%ct",
                "--name-only",
                "--",
                ".",
            ],
        )
        .unwrap_or_default();
        History {
            updated: parse_log(&log, &dir, cap),
            dir: Some(dir),
            head,
        }
    }

    /// Whether the repository of the course folder `root` still has this history's commit
    /// checked out: one `rev-parse`, so a branch moved elsewhere (another worktree, a
    /// `git branch -f`, a `gc` packing the refs) costs no `git log`.
    pub fn is_current(&self, root: &Path) -> bool {
        let now = git(root, &["rev-parse", "-q", "--verify", "HEAD"]);
        now.as_deref().map(str::trim) == self.head.as_deref()
    }

    /// When the file at `path` (under the course folder `root`) last changed in a commit,
    /// if it ever did.
    pub fn updated(&self, root: &Path, path: &Path) -> Option<i64> {
        self.updated.get(path.strip_prefix(root).ok()?).copied()
    }
}

/// The folders git keeps the repository of `root` in: its own git folder (which holds `HEAD`)
/// and the folder shared by all its worktrees (which holds `refs/` and `packed-refs`); the
/// same folder outside a linked worktree. `None` outside a repository or without git.
pub fn git_dirs(root: &Path) -> Option<(PathBuf, PathBuf)> {
    // `--git-common-dir` is relative to `root` before git 2.31 when it is not the default
    // (`--path-format` is newer still): joined to `root` either way. A line that is no path
    // (an option an old git prints back) means no git folder to watch.
    let found = git(
        root,
        &["rev-parse", "--absolute-git-dir", "--git-common-dir"],
    )?;
    let mut lines = found
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("--"))
        .map(|l| {
            // `../.git` from a sub-folder: named the way the watcher reports its paths.
            let path = root.join(l);
            std::fs::canonicalize(&path).unwrap_or(path)
        });
    let own = lines.next()?;
    let common = lines.next().unwrap_or_else(|| own.clone());
    Some((own, common))
}

/// `git log --format=%x01%ct --name-only` (newest first; paths from the repository's top)
/// → the newest date of each file under the course folder `dir`, capped at `cap`.
fn parse_log(log: &str, dir: &str, cap: Option<i64>) -> HashMap<PathBuf, i64> {
    let mut out = HashMap::new();
    let mut when = None;
    for line in log.lines() {
        if let Some(stamp) = line.strip_prefix('\u{1}') {
            when = stamp.trim().parse::<i64>().ok();
        } else if let (Some(t), false) = (when, line.is_empty()) {
            let rel = match dir {
                "" => Some(line),
                dir => line.strip_prefix(dir).and_then(|r| r.strip_prefix('/')),
            };
            if let Some(rel) = rel {
                let t = cap.map_or(t, |c| t.min(c));
                out.entry(PathBuf::from(rel)).or_insert(t);
            }
        }
    }
    out
}

/// Standard output of `git ARGS` run in `dir`, when git is there and succeeds.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The link that opens `file` (a path inside the repository, `/` separated) in the
/// repository's web editor: `pattern` when the course gives one (`{path}`, `{branch}`),
/// else the forge's own URL shape, known for GitHub, GitLab, Codeberg/Forgejo/Gitea and
/// Bitbucket; `None` for another host without a pattern.
pub fn edit_url(
    repository: &str,
    pattern: Option<&str>,
    branch: &str,
    file: &str,
) -> Option<String> {
    let file = file.trim_start_matches('/');
    if let Some(pattern) = pattern {
        return Some(pattern.replace("{branch}", branch).replace("{path}", file));
    }
    let repo = repository.trim_end_matches('/').trim_end_matches(".git");
    let host = repo
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("")
        .to_ascii_lowercase();
    let shape = if host == "github.com" || host.starts_with("github.") {
        "{repo}/edit/{branch}/{path}"
    } else if host.contains("gitlab") {
        "{repo}/-/edit/{branch}/{path}"
    } else if host.contains("codeberg") || host.contains("forgejo") || host.contains("gitea") {
        "{repo}/_edit/{branch}/{path}"
    } else if host == "bitbucket.org" {
        "{repo}/src/{branch}/{path}?mode=edit"
    } else {
        return None;
    };
    Some(
        shape
            .replace("{repo}", repo)
            .replace("{branch}", branch)
            .replace("{path}", file),
    )
}

/// The UTC calendar date (year, month 1–12, day 1–31) of a time in seconds since the
/// epoch: what a "last updated" line shows, in UTC so every build machine agrees.
pub fn civil_date(seconds: i64) -> (i64, u32, u32) {
    // Days since 1970-01-01 → proleptic Gregorian date (Howard Hinnant's algorithm).
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// From a course folder below the repository's top, both git folders are the
    /// repository's own `.git`, named as the watcher names paths (no `..`), and the
    /// history knows which commit it was read at.
    #[test]
    fn git_folders_and_head_from_a_sub_folder() {
        let Ok(top) = tempfile::tempdir() else { return };
        let course = top.path().join("content");
        if std::fs::create_dir(&course).is_err() || git(top.path(), &["init", "-q"]).is_none() {
            eprintln!("skipped: git is not installed");
            return;
        }
        let dot_git = std::fs::canonicalize(top.path().join(".git")).ok();
        let (own, common) = git_dirs(&course).expect("a repository");
        assert_eq!(Some(&own), dot_git.as_ref());
        assert_eq!(Some(&common), dot_git.as_ref());
        let empty = History::read(&course);
        assert_eq!(empty.dir.as_deref(), Some("content"), "no commit yet");
        assert_eq!(empty.head, None);
        assert!(empty.is_current(&course));
    }

    #[test]
    fn dates_from_epoch_seconds() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        // 2026-12-04T11:32:53Z
        assert_eq!(civil_date(1_796_384_973), (2026, 12, 4));
        // Leap day, and the last second of a year.
        assert_eq!(civil_date(951_782_400), (2000, 2, 29));
        assert_eq!(civil_date(1_704_067_199), (2023, 12, 31));
    }

    #[test]
    fn newest_date_per_file_capped() {
        let log = "\u{1}300\n\ncontent/a/en.md\n\u{1}200\n\ncontent/a/en.md\ncontent/b/en.md\n";
        let dates = parse_log(log, "content", None);
        assert_eq!(dates[Path::new("a/en.md")], 300);
        assert_eq!(dates[Path::new("b/en.md")], 200);
        let capped = parse_log(log, "content", Some(250));
        assert_eq!(capped[Path::new("a/en.md")], 250);
        assert_eq!(parse_log(log, "", None)[Path::new("content/b/en.md")], 200);
    }

    #[test]
    fn edit_links_per_forge() {
        let f = "content/01-intro/en.md";
        assert_eq!(
            edit_url("https://github.com/o/r", None, "main", f).as_deref(),
            Some("https://github.com/o/r/edit/main/content/01-intro/en.md")
        );
        assert_eq!(
            edit_url("https://gitlab.com/g/sub/r.git", None, "trunk", f).as_deref(),
            Some("https://gitlab.com/g/sub/r/-/edit/trunk/content/01-intro/en.md")
        );
        assert_eq!(
            edit_url("https://codeberg.org/o/r/", None, "main", f).as_deref(),
            Some("https://codeberg.org/o/r/_edit/main/content/01-intro/en.md")
        );
        assert_eq!(edit_url("https://example.com/r", None, "main", f), None);
        assert_eq!(
            edit_url(
                "https://example.com/r",
                Some("https://example.com/r/edit/{branch}/{path}"),
                "dev",
                f
            )
            .as_deref(),
            Some("https://example.com/r/edit/dev/content/01-intro/en.md")
        );
    }
}
