//! Reads `content/` into a [`Course`]: the only code that reads the course sources.

use crate::config::Config;
use crate::course::{Chapter, Course, Source};
use crate::error::{Diagnostic, Error, Result, line_col};
use crate::frontmatter::{parse_front_matter, split_front_matter};
use crate::fsx;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Loads and validates the whole course, reporting every problem found, not just the first.
pub fn load(root: &Path) -> Result<Course> {
    load_cached(root, &SourceCache::default())
}

/// Parsed chapter files by path and [`fsx::Stamp`], so a rebuild reads and parses only the
/// files that changed (a `serve` rebuild of a 1,000-file course reads one file).
#[derive(Default)]
pub struct SourceCache {
    entries: std::sync::Mutex<std::collections::HashMap<PathBuf, (fsx::Stamp, Source)>>,
    /// Drafts are read as published files (`serve --drafts`).
    drafts: bool,
}

impl SourceCache {
    /// A cache for a course read with its drafts (`drafts`) or without them.
    pub fn new(drafts: bool) -> Self {
        SourceCache {
            drafts,
            ..Self::default()
        }
    }

    /// Reads `path` again whatever its stamp says: the watcher saw it change, and a save
    /// within the file system's clock tick can keep length and time.
    fn reload(&self, path: &Path) -> Result<Source> {
        let stamp = fsx::stamp(path)?;
        let source = load_source(path)?;
        crate::sync::lock(&self.entries).insert(path.to_path_buf(), (stamp, source.clone()));
        Ok(source)
    }

    fn load(&self, path: &Path) -> Result<Source> {
        let stamp = fsx::stamp(path)?;
        if let Some((s, source)) = crate::sync::lock(&self.entries).get(path)
            && *s == stamp
        {
            return Ok(source.clone());
        }
        let source = load_source(path)?;
        crate::sync::lock(&self.entries).insert(path.to_path_buf(), (stamp, source.clone()));
        Ok(source)
    }
}

/// [`load`], reusing the parsed files of `cache` whose text did not change.
pub fn load_cached(root: &Path, cache: &SourceCache) -> Result<Course> {
    let (course, errors) = load_keep_going(root, cache)?;
    if errors.is_empty() {
        Ok(course)
    } else {
        Err(Error::Input(errors))
    }
}

/// [`load_cached`] that goes on past chapters that do not load and problems of the outline:
/// the course without those chapters (named in [`Course::unloaded`]) and the errors, so that
/// a build renders the rest and an author sees every problem in one run. Only a course that
/// cannot be read at all (no or a broken `course.toml`) is an `Err`.
pub fn load_keep_going(root: &Path, cache: &SourceCache) -> Result<(Course, Vec<Diagnostic>)> {
    use rayon::prelude::*;
    let config_path = root.join(crate::config::FILE_NAME);
    if !config_path.is_file() {
        return Err(
            Diagnostic::error(&config_path, 0, 0, "no course.toml found")
                .with_help("pass --root with the folder holding course.toml, or run `docent init`")
                .into(),
        );
    }
    // The project is the folder that really holds the course (a linked course folder is
    // followed once, here); nothing outside it is read.
    let real_root = std::fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let project = real_root.parent().unwrap_or(&real_root).to_path_buf();
    if let Err(escape) = fsx::inside(&project, &config_path) {
        return Err(fsx::escape_diagnostic(&config_path, &escape, &project).into());
    }
    let config_text = fsx::read_to_string(&config_path)?;
    let config =
        Config::parse(&config_text, &config_path).map_err(|e| e.of(crate::error::Kind::Config))?;
    let mut findings = Findings::default();
    let mut chapters = Vec::new();
    let dirs = chapter_dirs(root, &project, &mut findings)?;
    let dir_paths: Vec<PathBuf> = dirs.iter().map(|(_, d)| d.clone()).collect();
    let nested: std::collections::HashSet<PathBuf> = dirs
        .iter()
        .filter(|(k, _)| k.len() > 1)
        .map(|(_, d)| d.clone())
        .collect();
    let loaded: Vec<(OrderKey, Result<ChapterLoad>)> = dirs
        .into_par_iter()
        .map(|(order, dir)| {
            let id = chapter_id(root, &dir);
            (
                order,
                load_chapter(&config, &dir, id, &nested, &project, cache),
            )
        })
        .collect();
    // Folders that are no chapter: drafts, and folders without a chapter file.
    let mut absent: std::collections::HashMap<String, (PathBuf, bool)> = Default::default();
    // Chapters whose files did not load: their errors are reported, and course.toml's lists
    // that name them are not wrong for it.
    let mut failed = Vec::new();
    for ((order, result), dir) in loaded.into_iter().zip(&dir_paths) {
        match result {
            Ok((chapter, found, draft)) => {
                found.into_iter().for_each(|d| findings.push(d));
                match chapter {
                    Some(chapter) => chapters.push((order, chapter)),
                    None => {
                        absent.insert(chapter_id(root, dir), (dir.clone(), draft));
                    }
                }
            }
            Err(Error::Input(list)) => {
                list.into_iter().for_each(|d| findings.push(d));
                failed.push(chapter_id(root, dir));
            }
            // A folder or file that cannot be read (permissions): this chapter's error, not
            // the course's; the others are still read and checked.
            Err(Error::Io { path, source }) => {
                let reason = match source.kind() {
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => source.to_string(),
                };
                findings.push(
                    Diagnostic::error(&path, 0, 0, format!("cannot be read: {reason}"))
                        .with_help("give docent permission to read it (e.g. `chmod -R u+rX` on the chapter folder)")
                        .of(crate::error::Kind::File),
                );
                failed.push(chapter_id(root, dir));
            }
            Err(other) => return Err(other),
        }
    }
    // A chapter's sub-chapters go with it: a draft's are drafts, and a folder without a
    // chapter file takes its sub-chapters out of the outline too (said once, on it).
    let mut left_out: std::collections::BTreeMap<String, usize> = Default::default();
    // A chapter that did not load takes its sub-chapters with it (they are not judged
    // either, until it loads again).
    let mut orphans = Vec::new();
    chapters.retain(|(_, c)| {
        let gone = crate::outline::ancestors(&c.id)
            .find(|up| absent.contains_key(*up) || failed.iter().any(|f| f == up));
        if let Some(up) = gone {
            *left_out.entry(up.to_string()).or_default() += 1;
            if !absent.contains_key(up) {
                orphans.push(c.id.clone());
            }
        }
        gone.is_none()
    });
    failed.extend(orphans);
    for (id, n) in &left_out {
        if let Some((dir, false)) = absent.get(id) {
            findings.push(
                Diagnostic::warning(dir, 0, 0, format!("{} inside it left out too", crate::plural::count(*n, "sub-chapter is", "sub-chapters are")))
                    .with_help("a sub-chapter belongs to the chapter above it: give this folder its chapter file")
                    .of(crate::error::Kind::File),
            );
        }
    }
    let unloaded: std::collections::BTreeSet<String> = failed.into_iter().collect();
    let drafts: std::collections::HashSet<String> = absent
        .into_iter()
        .filter(|(_, (_, draft))| *draft)
        .map(|(id, _)| id)
        .chain(unloaded.iter().cloned())
        .collect();
    chapters.sort_by(|(a, ca), (b, cb)| a.cmp(b).then_with(|| ca.id.cmp(&cb.id)));
    let chapters = crate::outline::arrange(chapters, &config);
    let index = chapters
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let mut course = Course {
        root: root.to_path_buf(),
        project,
        config,
        chapters,
        index,
        warnings: findings.warnings,
        history: std::sync::Arc::new(crate::history::History::read(root)),
        unloaded,
    };
    let mut errors = findings.errors;
    let (outline_errors, outline_warnings) =
        crate::outline::check(&course, &drafts, &config_text, &config_path);
    errors.extend(outline_errors);
    course.warnings.extend(outline_warnings);
    check_slugs(&course, &mut errors);
    Ok((course, errors))
}

/// Reads the chapter files at `changed` again into `course`, or says `None` (and changes
/// nothing) when a change is not just an edit of existing chapter files (configuration,
/// assets, a new, removed or drafted file, a folder): then only a full [`load_cached`] is
/// right. This is what keeps a `serve` rebuild from walking, or copying, a course of
/// thousands of files for every save. After `Some(Err)` the caller reads every changed
/// file again next time. The slugs of the course are checked again only when `outline`
/// (an edit since the last good build changed a title, slug or description) or this
/// reload changes one.
pub fn reload(
    course: &mut Course,
    changed: &std::collections::BTreeSet<PathBuf>,
    cache: &SourceCache,
    outline: bool,
) -> Option<Result<Touched>> {
    let mut edits = Vec::new();
    for path in changed {
        let rel = path.strip_prefix(&course.root).ok()?;
        let dir = rel.parent().filter(|d| !d.as_os_str().is_empty())?;
        let index = *course.index.get(&chapter_id(Path::new(""), dir))?;
        let lang = rel.file_stem()?.to_str()?;
        let chapter = course.chapters.get(index)?;
        let known = chapter.sources.get(lang)?;
        if known.path != *path || !path.is_file() {
            return None;
        }
        edits.push((index, lang.to_string(), path));
    }
    let mut errors = Vec::new();
    let mut read = Vec::new();
    for (index, lang, path) in edits {
        match cache.reload(path) {
            Ok(source) if source.front.draft && !cache.drafts => return None,
            Ok(source) => read.push((index, lang, source)),
            Err(Error::Input(mut list)) => errors.append(&mut list),
            Err(other) => return Some(Err(other)),
        }
    }
    let mut touched = Touched {
        outline,
        ..Touched::default()
    };
    for (index, lang, source) in read {
        let sources = &mut course.chapters[index].sources;
        if let Some(old) = sources.get(&lang) {
            let (a, b) = (&old.front, &source.front);
            touched.outline |=
                a.title != b.title || a.slug != b.slug || a.description != b.description;
        }
        sources.insert(lang, source);
        touched.chapters.insert(index);
    }
    if touched.outline {
        check_slugs(course, &mut errors);
    }
    if !errors.is_empty() {
        return Some(Err(Error::Input(errors)));
    }
    Some(Ok(touched))
}

/// What [`reload`] read again: the chapters whose files changed, and whether what other
/// pages show of them (title, slug, description: the sidebar, home page, pager) changed
/// too, or may have since the last good build.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Touched {
    /// Positions of the chapters read again.
    pub chapters: std::collections::BTreeSet<usize>,
    /// A title, slug or description changed: every page may show it.
    pub outline: bool,
}

/// Folders named `<number>-<name>`, depth first, each with the numbers on its way (its
/// sort key): the course folder's numbered folders are chapters, and a chapter folder's
/// numbered folders holding a Markdown file are its sub-chapters. Everything else is not a
/// chapter. A numbered folder that is a link leaving the project is an error: it would
/// publish whatever it points at.
fn chapter_dirs(
    root: &Path,
    project: &Path,
    findings: &mut Findings,
) -> Result<Vec<(OrderKey, PathBuf)>> {
    let mut dirs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    numbered_dirs(root, &[], project, findings, &mut seen, &mut dirs)?;
    Ok(dirs)
}

/// Where a chapter folder sorts: the number and name of each folder on its way, so
/// sub-chapters follow their own parent even when two folders share a number.
type OrderKey = Vec<(u64, String)>;

/// Walks one folder for (sub-)chapter folders; `seen` holds the real path of every folder
/// on the way, so a link back to one of them is reported, not followed round.
fn numbered_dirs(
    dir: &Path,
    key: &[(u64, String)],
    project: &Path,
    findings: &mut Findings,
    seen: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<(OrderKey, PathBuf)>,
) -> Result<()> {
    let mut numbers: std::collections::HashMap<u64, String> = std::collections::HashMap::new();
    for entry in fsx::read_dir_sorted(dir)? {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(order) = crate::outline::chapter_number(&name) else {
            // Numbered like a chapter but not one (`06-`, a number too large): say so.
            let digits = name.bytes().take_while(u8::is_ascii_digit).count();
            if key.is_empty()
                && digits > 0
                && name.as_bytes().get(digits) == Some(&b'-')
                && path.is_dir()
            {
                findings.push(
                    Diagnostic::warning(&path, 0, 0, "looks like a chapter folder but is not one; skipped")
                        .with_help("name chapter folders <number>-<name>, e.g. 06-security, with a number below 2^64")
                        .of(crate::error::Kind::File),
                );
            } else if key.is_empty()
                && !name.starts_with('.')
                && path.is_dir()
                && let Some(file) = language_file_in(&path)
            {
                // `intro/`, `02_setup/`, `2.1-more/`: a chapter by its content, not its name.
                findings.push(
                    Diagnostic::warning(
                        &path,
                        0,
                        0,
                        format!("holds {file} but is not named like a chapter folder; skipped"),
                    )
                    .with_help(format!(
                        "name chapter folders <number>-<name>, e.g. 03-{}",
                        name.trim_start_matches(|c: char| !c.is_alphabetic())
                    ))
                    .of(crate::error::Kind::File),
                );
            }
            continue;
        };
        // Inside a chapter, a numbered folder without Markdown holds assets.
        let sub_chapter = path.is_dir() && has_markdown(&path);
        if !key.is_empty() && !sub_chapter {
            continue;
        }
        match fsx::inside(project, &path) {
            Err(escape) => {
                findings.push(fsx::escape_diagnostic(&path, &escape, project));
                continue;
            }
            Ok(_) if !path.is_dir() => continue,
            Ok(real) => {
                if !seen.insert(real.clone()) {
                    // A link to a folder above: load_chapter reports the loop once.
                    continue;
                }
                if let Some(first) = numbers.insert(order, name.clone()) {
                    findings.push(
                        Diagnostic::warning(
                            &path,
                            0,
                            0,
                            format!("has the same number as {first}; the two are ordered by name"),
                        )
                        .with_help("renumber one of the folders so the order is yours")
                        .of(crate::error::Kind::File),
                    );
                }
                let mut sub = key.to_vec();
                sub.push((order, name.clone()));
                out.push((sub.clone(), path.clone()));
                match numbered_dirs(&path, &sub, project, findings, seen, out) {
                    // A chapter folder that cannot be read: reading the chapter says so.
                    Ok(()) | Err(Error::Io { .. }) => {}
                    Err(other) => return Err(other),
                }
                seen.remove(&real);
            }
        }
    }
    Ok(())
}

/// Whether `dir` holds a Markdown file of its own (a sub-chapter, not a folder of assets).
/// The name of a chapter's language file (`en.md`, `pt-BR.md`) in `dir`, if it holds one.
fn language_file_in(dir: &Path) -> Option<String> {
    fsx::read_dir_sorted(dir).ok()?.into_iter().find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let tag = name.strip_suffix(".md")?;
        (e.path().is_file() && crate::languages::looks_like_tag(tag)).then_some(name)
    })
}

fn has_markdown(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.filter_map(std::result::Result::ok).any(|e| {
            Path::new(&e.file_name())
                .extension()
                .is_some_and(|x| x == "md")
                && e.path().is_file()
        })
    })
}

/// Errors and warnings found while reading the course.
#[derive(Default)]
struct Findings {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Findings {
    fn push(&mut self, d: Diagnostic) {
        match d.severity {
            crate::error::Severity::Error => self.errors.push(d),
            crate::error::Severity::Warning => self.warnings.push(d),
        }
    }
}

/// A chapter as read (none for a folder with no chapter file), what reading it found (errors
/// too, when some of its files loaded and others did not), and whether it is a draft.
type ChapterLoad = (Option<Chapter>, Vec<Diagnostic>, bool);

/// A chapter folder's id: its path under the course folder, `/`-separated.
fn chapter_id(root: &Path, dir: &Path) -> String {
    dir.strip_prefix(root)
        .unwrap_or(dir)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Why a file of a chapter folder that is not a language file must not be published beside
/// its page, if it must not: an editor's or a merge's leftover (`en.md~`, `en.md.orig`), a
/// private key by its name (`id_rsa`, `server.key`), or a link to a hidden file of the project
/// (`env.txt -> ../../.env`; hidden files themselves are skipped).
fn unpublishable(rel: &Path, path: &Path, dir: &Path, project: &Path) -> Option<&'static str> {
    let name = rel.file_name()?.to_string_lossy().to_ascii_lowercase();
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    if name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || matches!(extension, "orig" | "rej" | "bak" | "swp" | "swo" | "tmp")
    {
        return Some("it is an editor's or a merge's leftover");
    }
    if matches!(
        name.as_str(),
        "id_rsa" | "id_dsa" | "id_ecdsa" | "id_ed25519" | "id_ecdsa_sk" | "id_ed25519_sk"
    ) || matches!(
        extension,
        "pem" | "key" | "p12" | "pfx" | "jks" | "keystore"
    ) {
        return Some("its name is that of a private key or a key store");
    }
    let linked = path
        .ancestors()
        .take_while(|a| a.starts_with(dir) && *a != dir)
        .any(|a| a.is_symlink());
    if linked {
        let target = fsx::resolve(path);
        let inside = target
            .strip_prefix(fsx::resolve(project))
            .unwrap_or(&target)
            .to_path_buf();
        if inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            return Some("it is a link to a hidden file");
        }
    }
    None
}

/// Reads one chapter folder: its language files and its assets (every other file, in
/// folders too, except the folders in `nested`, which are sub-chapters).
fn load_chapter(
    config: &Config,
    dir: &Path,
    id: String,
    nested: &std::collections::HashSet<PathBuf>,
    project: &Path,
    cache: &SourceCache,
) -> Result<ChapterLoad> {
    let mut sources = BTreeMap::new();
    let mut assets = Vec::new();
    let mut assets_stamp = blake3::Hasher::new();
    let mut findings = Findings::default();
    let mut drafts = 0;
    let mut broken = std::collections::BTreeSet::new();
    // Links are followed (a linked folder inside the project is part of the chapter), and
    // every entry is checked to stay inside the project.
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .min_depth(1)
        .follow_links(true);
    let mut entries = walk.into_iter();
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                if e.loop_ancestor().is_some() {
                    findings.push(
                        Diagnostic::error(
                            &path,
                            0,
                            0,
                            "is a symbolic link that loops back to a folder above it",
                        )
                        .with_help("remove the link"),
                    );
                    continue;
                }
                if fsx::is_link(&path) && std::fs::metadata(&path).is_err() {
                    findings.push(fsx::escape_diagnostic(
                        &path,
                        &fsx::Escape::Dangling,
                        project,
                    ));
                    continue;
                }
                return Err(Error::io(&path, e.into()));
            }
        };
        let path = entry.path();
        if entry.file_type().is_dir() && nested.contains(path) {
            entries.skip_current_dir();
            continue;
        }
        let rel = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
        let hidden = rel
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        if hidden {
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink()
            && let Err(escape) = fsx::inside(project, path)
        {
            findings.push(fsx::escape_diagnostic(path, &escape, project));
            if entry.file_type().is_dir() {
                entries.skip_current_dir();
            }
            continue;
        }
        let top = rel.components().count() == 1;
        let is_md = rel.extension().is_some_and(|e| e == "md");
        if entry.file_type().is_dir() {
            if top && is_md {
                findings.push(
                    Diagnostic::error(path, 0, 0, "is a folder; a chapter file must be a file")
                        .with_help(format!(
                            "rename the folder or move its contents out of {}",
                            rel.display()
                        )),
                );
                entries.skip_current_dir();
            }
            continue;
        }
        if let Some(kind) = fsx::special_kind(&entry.file_type()) {
            findings.push(
                Diagnostic::warning(path, 0, 0, format!("is {kind}; skipped"))
                    .with_help("docent reads only regular files and folders")
                    .of(crate::error::Kind::File),
            );
            continue;
        }
        if top && rel == Path::new("index.html") {
            findings.push(
                Diagnostic::error(path, 0, 0, "a chapter folder cannot hold `index.html`: it would replace the chapter's page")
                    .with_help("rename the file; the page is made from the chapter's Markdown")
                    .of(crate::error::Kind::File),
            );
            continue;
        }
        let lang = rel
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // `CHANGELOG.md` beside the chapter is a file of its own, published with it; a name
        // shaped like a language tag (`fr.md`) is a language the course does not list.
        let language_file = top
            && is_md
            && (config.language(&lang).is_some() || crate::languages::looks_like_tag(&lang));
        // `pt-br.md`, `EN.md`: a language of the course, written another way.
        if let Some(code) = config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .find(|code| {
                top && is_md && !language_file && code.eq_ignore_ascii_case(&lang.replace('_', "-"))
            })
        {
            findings.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    format!("`{lang}.md` is not named as the course's language `{code}`"),
                )
                .with_help(format!("rename it {code}.md"))
                .of(crate::error::Kind::File),
            );
            // Its chapter is not also said to lack the language.
            broken.insert(code.to_string());
            continue;
        }
        if !language_file && let Some(why) = unpublishable(&rel, path, dir, project) {
            findings.push(
                Diagnostic::warning(path, 0, 0, format!("is not published: {why}"))
                    .with_help(
                        "every other file of a chapter folder is published beside its page; \
                         move this one out of the folder (or rename it, if it is meant for readers)",
                    )
                    .of(crate::error::Kind::File),
            );
            continue;
        }
        if !language_file {
            // `intro/en.md` inside a chapter: a sub-chapter by its content, not its name.
            if !top && is_md && config.language(&lang).is_some() {
                findings.push(
                    Diagnostic::warning(
                        path,
                        0,
                        0,
                        "is published as a file: its folder is not named like a sub-chapter",
                    )
                    .with_help("name sub-chapter folders <number>-<name>, e.g. 01-details")
                    .of(crate::error::Kind::File),
                );
            }
            assets_stamp.update(rel.as_os_str().as_encoded_bytes());
            if let Ok(stamp) = fsx::stamp(path) {
                assets_stamp.update(format!("{stamp:?}").as_bytes());
            }
            assets.push(rel);
            continue;
        }
        if config.language(&lang).is_none() {
            let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            findings.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    format!("`{lang}.md` is not a language of this course"),
                )
                .with_help(format!(
                    "chapter files are named after a language in course.toml: {}",
                    known.join(", ")
                )),
            );
            continue;
        }
        match cache.load(path) {
            Ok(source) if source.front.draft && !cache.drafts => drafts += 1,
            Ok(source) => {
                sources.insert(lang, source);
            }
            Err(Error::Input(list)) => {
                list.into_iter().for_each(|d| findings.push(d));
                broken.insert(lang);
            }
            Err(other) => return Err(other),
        }
    }
    // With none of its files read there is no chapter; with some, it goes on without the
    // others (their errors go with it), so a broken translation hides nothing of its source.
    if !findings.errors.is_empty() && sources.is_empty() {
        findings.errors.extend(findings.warnings);
        return Err(Error::Input(findings.errors));
    }
    if sources.is_empty() {
        if drafts == 0 {
            findings.warnings.push(
                Diagnostic::warning(
                    dir,
                    0,
                    0,
                    "this chapter folder has no chapter file; skipped",
                )
                .with_help(format!(
                    "add a file named after a language of the course, such as {}.md",
                    config.default_language()
                )),
            );
        }
        return Ok((None, findings.warnings, drafts > 0));
    }
    Ok((
        Some(Chapter {
            id,
            depth: 0,
            parent: None,
            number: None,
            part: None,
            dir: dir.to_path_buf(),
            sources,
            assets,
            assets_stamp: *assets_stamp.finalize().as_bytes(),
            broken,
        }),
        [findings.errors, findings.warnings].concat(),
        false,
    ))
}

/// Reads one `<lang>.md`, splitting and parsing its front matter.
pub fn load_source(path: &Path) -> Result<Source> {
    let text = fsx::read_to_string(path)?;
    parse_source(&text, path)
}

/// [`load_source`] for text already read: splits and checks the front matter of `text`;
/// `path` is where the text came from, for the source and its diagnostics.
pub fn parse_source(text: &str, path: &Path) -> Result<Source> {
    // U+0000 is read as U+FFFD, as CommonMark and HTML read it, everywhere docent takes text
    // from (a heading's anchor label, the search index), not only where comrak does.
    let replaced;
    let text = if text.contains('\0') {
        replaced = text.replace('\0', "\u{FFFD}");
        replaced.as_str()
    } else {
        text
    };
    // Lines as the Markdown parser ends them, the front matter's too (TOML and YAML's
    // parsers refuse a lone carriage return).
    let version = crate::frontmatter::version_of(text);
    let as_saved = text;
    let lines_ended = crate::place::lone_cr_as_newline(text);
    let text = lines_ended.as_ref();
    let Some(split) = split_front_matter(text) else {
        let opened = text.strip_prefix('\u{feff}').unwrap_or(text);
        let fence = opened.lines().next().map(str::trim_end);
        if let Some(fence @ ("+++" | "---")) = fence {
            return Err(Diagnostic::error(
                path,
                1,
                1,
                format!("the front matter opened here with `{fence}` is never closed"),
            )
            .with_help(format!(
                "end the front matter with a line holding only `{fence}`"
            ))
            .into());
        }
        return Err(Diagnostic::error(path, 1, 1, "missing front matter")
            .with_help("start the file with `+++`, a line `title = \"…\"`, and `+++`")
            .into());
    };
    let front = parse_front_matter(split.kind, split.matter).map_err(|(l, c, message)| {
        // Every unknown key at once, not one per run of `check`.
        let others = unknown_keys(split.kind, split.matter);
        if message.trim().starts_with("unknown field `") && others.len() > 1 {
            let lines = crate::place::Lines::new(split.matter);
            return Error::Input(
                others
                    .into_iter()
                    .map(|(key, at)| {
                        let (l, c) = lines.line_col(at);
                        front_matter_error(
                            path,
                            split.matter_line + l - 1,
                            c,
                            &format!("unknown field `{key}`"),
                        )
                    })
                    .collect(),
            );
        }
        let line = split.matter_line + l - 1;
        let found = front_matter_error(path, line, c, &message);
        match crate::place::stray_cr_help(as_saved, line) {
            Some(help) => found.with_help(help).into(),
            None => found.into(),
        }
    })?;
    if front.title.trim().is_empty() {
        return Err(front_matter_error(path, split.matter_line, 1, "`title` is empty").into());
    }
    // Where a key of the front matter is written, for what is wrong with its value.
    let at_key = |key: &str| {
        let (l, c) = line_col(split.matter, split.matter.find(key).unwrap_or(0));
        (split.matter_line + l - 1, c)
    };
    if let Some(slug) = &front.slug {
        let problem = if !crate::course::valid_slug(slug) {
            Some(format!(
                "slug `{slug}` may only use letters, digits, `-` and `_`, at most {} of them",
                crate::course::MAX_SLUG
            ))
        } else if crate::course::RESERVED_SLUGS.contains(&slug.as_str()) {
            Some(format!("slug `{slug}` is reserved for docent's own pages"))
        } else {
            None
        };
        if let Some(message) = problem {
            let (l, c) = at_key("slug");
            return Err(Diagnostic::error(path, l, c, message)
                .with_help("choose another slug")
                .into());
        }
    }
    if let Some(version) = &front.translated_from
        && !crate::frontmatter::is_version(version)
    {
        let (l, c) = at_key("translated_from");
        return Err(Diagnostic::error(
            path,
            l,
            c,
            format!("translated_from `{version}` is not a version docent recorded"),
        )
        .with_help("it is 16 hexadecimal digits written by `docent translate done`; remove the line and run that command")
        .into());
    }
    let review_at = review_places(&front.review, split.kind, split.matter, split.matter_line);
    Ok(Source {
        path: path.to_path_buf(),
        title: crate::course::Title::parse(&front.title),
        front,
        body: std::sync::Arc::from(split.body),
        hash: *blake3::hash(split.body.as_bytes()).as_bytes(),
        version,
        body_line: split.body_line,
        review_at,
    })
}

/// Where each id of a `review = [...]` list is written in the front matter `matter` (which
/// starts at file line `first_line`): read from the parsed TOML, so comments, quotes and
/// escapes are as TOML has them; in YAML, each id as written after the `review` key, in
/// order; the key's own place for one not found.
fn review_places(
    review: &crate::course::Review,
    kind: crate::frontmatter::Delimiter,
    matter: &str,
    first_line: usize,
) -> Vec<(usize, usize)> {
    let crate::course::Review::Sections(ids) = review else {
        return Vec::new();
    };
    let lines = crate::place::Lines::new(matter);
    let key = crate::place::at_line_start(matter, "review").unwrap_or(0);
    let offsets: Vec<Option<usize>> = match kind {
        crate::frontmatter::Delimiter::Toml => toml::de::DeTable::parse(matter)
            .ok()
            .and_then(|root| {
                crate::place::toml_key(root.get_ref(), "review").map(crate::place::toml_strings)
            })
            .unwrap_or_default(),
        crate::frontmatter::Delimiter::Yaml => {
            // After the key itself: an id may be "review" too.
            let mut from = key + "review".len();
            ids.iter()
                .map(|id| {
                    let at = from + matter.get(from..)?.find(id.as_str())?;
                    from = at + id.len();
                    Some(at)
                })
                .collect()
        }
    };
    (0..ids.len())
        .map(|i| {
            let (l, c) = lines.line_col(offsets.get(i).copied().flatten().unwrap_or(key));
            (first_line + l - 1, c)
        })
        .collect()
}

/// The keys of a front matter that are none of docent's, with where each is written.
fn unknown_keys(kind: crate::frontmatter::Delimiter, matter: &str) -> Vec<(String, usize)> {
    match kind {
        crate::frontmatter::Delimiter::Toml => toml::de::DeTable::parse(matter)
            .map(|root| {
                root.get_ref()
                    .iter()
                    .filter(|(k, _)| !FRONT_MATTER_KEYS.contains(&k.get_ref().as_ref()))
                    .map(|(k, _)| (k.get_ref().to_string(), k.span().start))
                    .collect()
            })
            .unwrap_or_default(),
        crate::frontmatter::Delimiter::Yaml => {
            let mut at = 0;
            let mut out = Vec::new();
            for line in matter.split_inclusive('\n') {
                if let Some((key, _)) = line.split_once(':')
                    && !key.is_empty()
                    && !key.starts_with([' ', '\t', '#', '-'])
                    && !FRONT_MATTER_KEYS.contains(&key.trim())
                {
                    out.push((key.trim().to_string(), at));
                }
                at += line.len();
            }
            out
        }
    }
}

/// Every key a chapter's front matter may hold.
const FRONT_MATTER_KEYS: &[&str] = &[
    "title",
    "slug",
    "description",
    "draft",
    "translated_from",
    "review",
];

fn front_matter_error(path: &Path, line: usize, col: usize, message: &str) -> Diagnostic {
    let message = message.trim();
    let takes = "front matter takes title (required), slug, description, draft, review";
    let unknown = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(key, _)| key);
    if let Some(key) = unknown {
        let help = match crate::error::did_you_mean(key, FRONT_MATTER_KEYS.iter().copied()) {
            Some(meant) => format!("did you mean `{meant}`? {takes}"),
            None => takes.to_string(),
        };
        return Diagnostic::error(path, line, col, format!("unknown front matter key `{key}`"))
            .with_help(help);
    }
    let help = if message.contains("missing field `title`") {
        "every chapter needs `title = \"…\"` in its front matter"
    } else {
        takes
    };
    Diagnostic::error(path, line, col, format!("invalid front matter: {message}")).with_help(help)
}

fn check_slugs(course: &Course, errors: &mut Vec<Diagnostic>) {
    // A folder name is the slug of every file that sets none: `11-..` would write over the
    // language chooser, `11-a?b` would give broken links.
    for chapter in &course.chapters {
        let slug = chapter.default_slug();
        if !crate::course::valid_slug(slug)
            && chapter.sources.values().any(|s| s.front.slug.is_none())
        {
            errors.push(
                Diagnostic::error(
                    &chapter.dir,
                    0,
                    0,
                    format!(
                        "the folder name gives the slug `{slug}`, which is not a valid URL segment"
                    ),
                )
                .with_help(
                    "name chapter folders <number>-<name> with letters, digits, `-` and `_` \
                     (e.g. 11-cross-builds), or set `slug` in the front matter of each chapter file",
                ),
            );
        }
    }
    for lang in course.language_codes() {
        let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
        for page in course.pages(lang) {
            let slug = page.slug();
            if !crate::course::valid_slug(slug) {
                // Reported above, once for the folder.
            } else if crate::course::RESERVED_SLUGS.contains(&slug) {
                // One set in the front matter is reported where it is written.
                if page.source.front.slug.is_none() {
                    errors.push(
                        Diagnostic::error(
                            &page.chapter.dir,
                            0,
                            0,
                            format!("the folder name gives the slug `{slug}`, which is reserved for docent's own pages"),
                        )
                        .with_help("rename the folder, or set another `slug` in the front matter of each chapter file"),
                    );
                }
            } else if let Some(other) = seen.insert(slug, &page.source.path) {
                // At the `slug` line when the front matter sets it (read again: this is the
                // error's path only).
                let (l, c) = page
                    .source
                    .front
                    .slug
                    .as_ref()
                    .and_then(|_| fsx::read_to_string(&page.source.path).ok())
                    .and_then(|text| {
                        crate::place::at_line_start(&text, "slug").map(|at| line_col(&text, at))
                    })
                    .unwrap_or((0, 0));
                errors.push(
                    Diagnostic::error(
                        &page.source.path,
                        l,
                        c,
                        format!("slug `{slug}` is also used by {}", other.display()),
                    )
                    .with_help("give one of the chapters its own `slug` in the front matter"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter() {
        let src = parse_source(
            "---\ntitle: \"Hi\"\nslug: hello\n---\nx\n",
            Path::new("en.md"),
        )
        .expect("parse");
        assert_eq!(src.front.title, "Hi");
        assert_eq!(src.front.slug.as_deref(), Some("hello"));
    }

    #[test]
    fn toml_error_is_located_in_the_file() {
        let err = parse_source("+++\ntitle = \"A\"\nwho = 3\n+++\n", Path::new("en.md"))
            .expect_err("unknown field");
        let d = &err.diagnostics()[0];
        assert_eq!((d.line, d.col), (3, 1), "{d}");
    }

    #[test]
    fn missing_title() {
        let err =
            parse_source("+++\nslug = \"x\"\n+++\n", Path::new("en.md")).expect_err("no title");
        let d = &err.diagnostics()[0];
        assert!(d.message.contains("title"), "{d}");
    }
}
