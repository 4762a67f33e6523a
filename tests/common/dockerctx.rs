//! What a `docker build` would send and copy, without Docker: the build context filtered by
//! `.dockerignore` (BuildKit's rules: `*`, `?`, `[…]`, `**`, `!` exceptions, the last
//! matching line wins, a pattern that matches a folder matches what is in it) and the files
//! each stage's `COPY`/`ADD` lines take from it.

use std::path::{Path, PathBuf};

/// The `.dockerignore` rules of a context.
pub struct Ignore {
    rules: Vec<(bool, Vec<String>)>,
}

impl Ignore {
    pub fn of(context: &Path) -> Ignore {
        let text = std::fs::read_to_string(context.join(".dockerignore")).unwrap_or_default();
        let rules = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (keep, pattern) = match l.strip_prefix('!') {
                    Some(p) => (true, p.trim()),
                    None => (false, l),
                };
                let parts = pattern
                    .trim_start_matches('/')
                    .split('/')
                    .filter(|p| !p.is_empty() && *p != ".")
                    .map(str::to_string)
                    .collect();
                (keep, parts)
            })
            .collect();
        Ignore { rules }
    }

    /// Whether `rel` (a path inside the context, `/`-separated) is left out of the context.
    pub fn excludes(&self, rel: &str) -> bool {
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let mut excluded = false;
        for (keep, pattern) in &self.rules {
            // The path itself or any folder above it.
            let hit = (1..=parts.len()).any(|n| matches_parts(pattern, &parts[..n]));
            if hit {
                excluded = !keep;
            }
        }
        excluded
    }
}

fn matches_parts(pattern: &[String], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => {
            (0..=path.len()).any(|skip| matches_parts(rest, &path[skip..]))
        }
        Some((first, rest)) => match path.split_first() {
            Some((name, tail)) => glob(first, name) && matches_parts(rest, tail),
            None => false,
        },
    }
}

/// Go's `filepath.Match` for one path segment: `*`, `?`, `[…]`, `\` escapes.
pub fn glob(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    fn go(p: &[char], n: &[char]) -> bool {
        match p.split_first() {
            None => n.is_empty(),
            Some(('*', rest)) => (0..=n.len()).any(|k| go(rest, &n[k..])),
            Some(('?', rest)) => !n.is_empty() && go(rest, &n[1..]),
            Some(('[', rest)) => {
                let Some(end) = rest.iter().position(|c| *c == ']') else {
                    return false;
                };
                let Some((c, tail)) = n.split_first() else {
                    return false;
                };
                let (negate, class) = match rest[..end].split_first() {
                    Some(('^' | '!', class)) => (true, class),
                    _ => (false, &rest[..end]),
                };
                let mut hit = false;
                let mut i = 0;
                while i < class.len() {
                    if i + 2 < class.len() && class[i + 1] == '-' {
                        hit |= class[i] <= *c && *c <= class[i + 2];
                        i += 3;
                    } else {
                        hit |= class[i] == *c;
                        i += 1;
                    }
                }
                hit != negate && go(&rest[end + 1..], tail)
            }
            Some(('\\', rest)) => match (rest.split_first(), n.split_first()) {
                (Some((a, prest)), Some((b, ntail))) => a == b && go(prest, ntail),
                _ => false,
            },
            Some((a, rest)) => n.first() == Some(a) && go(rest, &n[1..]),
        }
    }
    go(&p, &n)
}

/// Every file of the context (relative, `/`-separated) that `.dockerignore` lets through.
pub fn context_files(context: &Path) -> Vec<String> {
    let ignore = Ignore::of(context);
    let mut out: Vec<String> = walkdir::WalkDir::new(context)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(context).ok()?;
            Some(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            )
        })
        .filter(|rel| !ignore.excludes(rel))
        .collect();
    out.sort();
    out
}

/// The sources a `COPY`/`ADD` takes from the context (not `--from`, not heredocs, not
/// URLs), with the stage it belongs to and its line.
pub fn copy_sources(dockerfile: &str) -> Vec<(Option<usize>, usize, String)> {
    let df = docent::dockerfile::parse(dockerfile);
    let mut out = Vec::new();
    for ins in &df.instructions {
        if !matches!(ins.keyword.as_str(), "COPY" | "ADD")
            || ins.flags.iter().any(|f| f.name == "from")
        {
            continue;
        }
        let Some((_, sources)) = ins.args.split_last() else {
            continue;
        };
        for source in sources {
            if source.starts_with("<<")
                || source.contains("://")
                || source.starts_with("git@")
                || source.contains('$')
            {
                continue;
            }
            out.push((ins.stage, ins.first_line, source.clone()));
        }
    }
    out
}

/// The context files one `COPY` source names: a file, everything under a folder, or what
/// a glob matches (segment by segment, as BuildKit does).
pub fn matching(files: &[String], source: &str) -> Vec<String> {
    let pattern: Vec<&str> = source
        .trim_start_matches("./")
        .trim_start_matches('/')
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if pattern.is_empty() {
        return files.to_vec();
    }
    files
        .iter()
        .filter(|f| {
            let parts: Vec<&str> = f.split('/').collect();
            parts.len() >= pattern.len()
                && pattern.iter().zip(&parts).all(|(p, name)| glob(p, name))
        })
        .cloned()
        .collect()
}

/// The folder a chapter's Dockerfile is built from: where the file really is (a link
/// to the repository's own Dockerfile builds from the repository).
pub fn context_of(dockerfile: &Path) -> PathBuf {
    std::fs::canonicalize(dockerfile)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| {
            dockerfile
                .parent()
                .map_or_else(PathBuf::new, Path::to_path_buf)
        })
}
