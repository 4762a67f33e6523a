//! Offline bundles: the whole site as one zip that works from disk, or one self-contained HTML
//! file per language. Both are deterministic (same input, same bytes) and written atomically.

use crate::build::Builder;
use crate::error::{Error, Result};
use crate::fsx;
use crate::render::{BuildOptions, LinkStyle};
use crate::site::Site;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Files of a built site that make no sense opened from disk.
const ONLINE_ONLY: &[&str] = &["404.html", "sitemap.xml", "robots.txt"];

/// The build options of an offline bundle: links name files (`…/index.html`), because a
/// browser opening a folder from disk shows a listing, not the page.
pub fn offline_options() -> BuildOptions {
    BuildOptions {
        link_style: LinkStyle::File,
        ..BuildOptions::default()
    }
}

/// Writes the site of every language into one zip under a folder named after the zip.
/// Returns the number of files in it.
pub fn write_zip(root: &Path, out: &Path) -> Result<usize> {
    // Checked and written at the same place: through its links, as the system would.
    let out = &fsx::resolve(out);
    crate::output::check_bundle_file(out, root, crate::output::is_docent_zip)?;
    let build = Builder::new(root, offline_options()).build()?;
    let folder = out.file_stem().map_or_else(
        || "course".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    let bytes = zip_site(&build.site, &folder)?;
    crate::output::sweep_leftovers(out, false);
    fsx::write_atomic(out, &bytes)?;
    Ok(build
        .site
        .files
        .keys()
        .filter(|k| !ONLINE_ONLY.contains(&k.as_str()))
        .count())
}

/// The zip's bytes: sorted entries, fixed timestamps and permissions.
pub fn zip_site(site: &Site, folder: &str) -> Result<Vec<u8>> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        zip.set_comment(crate::output::ZIP_COMMENT)
            .map_err(|e| Error::Bundle(format!("zip: {e}")))?;
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        for (path, bytes) in &site.files {
            if ONLINE_ONLY.contains(&path.as_str()) {
                continue;
            }
            zip.start_file(format!("{folder}/{path}"), options)
                .map_err(|e| Error::Bundle(format!("zip: {e}")))?;
            zip.write_all(bytes)
                .map_err(|e| Error::Bundle(format!("zip: {e}")))?;
        }
        zip.finish()
            .map_err(|e| Error::Bundle(format!("zip: {e}")))?;
    }
    Ok(buffer.into_inner())
}

/// Writes `course.<lang>.html` for every language into `dir`; returns the files written.
/// A file of that name is replaced only when an earlier bundle wrote it.
pub fn write_single_files(root: &Path, dir: &Path) -> Result<Vec<PathBuf>> {
    let dir = &fsx::resolve(dir);
    let names: Vec<PathBuf> = crate::load::load(root)?
        .language_codes()
        .map(|lang| dir.join(crate::render::single_file_name(lang)))
        .collect();
    for path in &names {
        crate::output::check_bundle_file(path, root, crate::output::is_docent_single_file)?;
    }
    let course = crate::load::load(root)?;
    let mut builder = Builder::new(root, offline_options());
    // The checks of `build` and of the zip first: a broken link or a missing image stops
    // this bundle too (it was written without a word).
    builder.build_outputs(crate::render::Outputs::Shared)?;
    let files = builder.single_files()?;
    fsx::create_dir_all(dir)?;
    let mut written = Vec::new();
    for ((name, html), lang) in files.into_iter().zip(course.language_codes()) {
        let mut html = inline_files(&course, lang, &html);
        let path = dir.join(name);
        if !html.ends_with('\n') {
            html.push('\n');
        }
        html.push_str(crate::output::SINGLE_FILE_TAIL);
        crate::output::sweep_leftovers(&path, false);
        fsx::write_atomic(&path, html.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

/// Chapter files the page of `lang` links (`src="../slug/diagram.svg"`) become data URIs, so
/// the one-file page needs nothing beside it.
fn inline_files(course: &crate::course::Course, lang: &str, html: &str) -> String {
    let pages = course.pages(lang);
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("=\"../") {
        let (before, after) = rest.split_at(i + 2);
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        let target = after.get(..end).unwrap_or("");
        // The attribute as the browser reads it: character references and percent-escapes
        // decoded (`my%20image.png`, `a&amp;b.png`, `caf%C3%A9.png`).
        let unescaped = crate::markdown::decode_references(target);
        let decoded = percent_encoding::percent_decode_str(&unescaped).decode_utf8_lossy();
        let inlined = decoded
            .strip_prefix("../")
            .and_then(|t| t.split_once('/'))
            .and_then(|(slug, file)| {
                let page = pages.iter().find(|p| p.slug() == slug)?;
                let rel = page.chapter.assets.iter().find(|a| {
                    a.components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/")
                        == file
                })?;
                let bytes = fsx::read(&page.chapter.dir.join(rel)).ok()?;
                Some(format!(
                    "data:{};base64,{}",
                    media_type(file),
                    base64(&bytes)
                ))
            });
        out.push_str(inlined.as_deref().unwrap_or(target));
        // A link to a file that is not an image (a PDF, the Dockerfile): a browser will not
        // open a data URI as a page, but saves it when the link says to.
        if inlined
            .as_deref()
            .is_some_and(|d| !d.starts_with("data:image/"))
            && before.ends_with("href=\"")
            && let Some(name) = decoded.rsplit('/').next()
        {
            out.push_str("\" download=\"");
            out.push_str(&crate::markdown::highlight::escape_html(name));
        }
        rest = after.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    drop_relative_srcsets(&out)
}

/// `html` without the `srcset` attributes of an author's raw `<img>` that name files beside
/// the page (the single file carries none, and a browser prefers them to the `src` it
/// inlined), nor the `<source>` elements of a `<picture>` that do.
fn drop_relative_srcsets(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    const ATTRIBUTE: &str = "srcset=\"";
    while let Some(found) = rest.find(ATTRIBUTE) {
        // An attribute (after a blank, a new line too), not the end of `data-srcset`.
        if !found
            .checked_sub(1)
            .and_then(|b| rest.as_bytes().get(b))
            .is_some_and(u8::is_ascii_whitespace)
        {
            out.push_str(rest.get(..found + ATTRIBUTE.len()).unwrap_or(""));
            rest = rest.get(found + ATTRIBUTE.len()..).unwrap_or("");
            continue;
        }
        let i = found - 1;
        let value_start = found + ATTRIBUTE.len();
        let Some(len) = rest.get(value_start..).and_then(|v| v.find('"')) else {
            break;
        };
        let value = rest.get(value_start..value_start + len).unwrap_or("");
        let relative = crate::markdown::links::srcset_urls(value)
            .into_iter()
            .any(|span| {
                value
                    .get(span)
                    .is_some_and(|url| !url.starts_with("data:") && !url.contains("://"))
            });
        let after = value_start + len + 1;
        // A `<picture>`'s `<source>` goes whole: left without its `srcset` it is no source,
        // and the `<img>` (inlined) is what the picture then shows.
        let source_tag = rest.get(..i).and_then(|b| b.rfind('<')).filter(|&t| {
            rest.get(t + 1..t + 7)
                .is_some_and(|n| n.eq_ignore_ascii_case("source"))
        });
        if relative && let Some(tag) = source_tag {
            out.push_str(rest.get(..tag).unwrap_or(""));
            // Its end read past quoted values (`media="(width >= 40em)"`).
            let end = rest
                .get(tag..)
                .and_then(crate::markdown::sections::tag_end)
                .map_or(rest.len(), |k| tag + k + 1);
            rest = rest.get(end..).unwrap_or("");
            continue;
        }
        let keep_to = if relative { i } else { after };
        out.push_str(rest.get(..keep_to).unwrap_or(""));
        rest = rest.get(after..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The media type of an inlined chapter file, by its extension.
fn media_type(file: &str) -> &'static str {
    match file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("pdf") => "application/pdf",
        Some("zip") => "application/zip",
        Some("json") => "application/json",
        Some("mp4" | "m4v") => "video/mp4",
        Some("webm") => "video/webm",
        Some("ogv") => "video/ogg",
        Some("mov") => "video/quicktime",
        Some("mp3") => "audio/mpeg",
        Some("m4a") => "audio/mp4",
        Some("ogg" | "oga" | "opus") => "audio/ogg",
        Some("wav") => "audio/wav",
        Some("flac") => "audio/flac",
        Some("vtt") => "text/vtt;charset=utf-8",
        Some("csv") => "text/csv;charset=utf-8",
        _ => "text/plain;charset=utf-8",
    }
}

/// Standard base64, for images inlined as data URIs.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                let idx = ((n >> shift) & 63) as usize;
                out.push(char::from(TABLE.get(idx).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"<svg/>"), "PHN2Zy8+");
    }
}
