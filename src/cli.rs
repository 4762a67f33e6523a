//! Command-line definitions: one library call per subcommand.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// docent builds a bilingual course site from Markdown chapters.
#[derive(Debug, Parser)]
#[command(name = "docent", version, about, long_about = None)]
pub(crate) struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more detail (repeat for debug output).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build the course into a static site.
    Build(BuildArgs),
    /// Preview the course: serve it, rebuild on every save and reload the browser.
    Serve(ServeArgs),
    /// Check links, anchors, images and translations; exit 1 when anything is wrong.
    Check(CheckArgs),
    /// See which translations fell behind their source, and record finished ones.
    #[command(subcommand)]
    Translate(TranslateCommand),
    /// Start a new course: course.toml and one chapter in each language.
    Init(InitArgs),
    /// Package the course for reading offline: one zip of the whole site, or one HTML file
    /// per language.
    Bundle(BundleArgs),
    /// Turn a book written for another tool into a docent course folder.
    Import {
        #[command(subcommand)]
        kind: ImportKind,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ImportKind {
    /// Import an mdBook: chapters, parts, includes, links and images; prints what to look at.
    Mdbook {
        /// The mdBook project folder (the one holding book.toml).
        book: PathBuf,
        /// The course folder to create (must not exist, or be empty).
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The course folder (the one holding course.toml).
    #[arg(long, default_value = "content")]
    pub root: PathBuf,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also check links to other sites over the network.
    #[arg(long)]
    pub external: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum TranslateCommand {
    /// Print, per chapter and language: up to date, stale (with what changed), missing, unknown.
    Status {
        /// The course folder (the one holding course.toml).
        #[arg(long, default_value = "content")]
        root: PathBuf,
        /// How to print the status.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Record that a translation now matches its source.
    Done {
        /// The chapter: its folder (02-first-multi-stage-build, 03-ownership/01-references) or number (2, 3.1).
        chapter: String,
        /// The language of the translation (pt-BR).
        lang: String,
        /// The course folder (the one holding course.toml).
        #[arg(long, default_value = "content")]
        root: PathBuf,
    },
    /// Remove the stored source versions (.docent/sources) that no chapter records any more.
    Prune {
        /// The course folder (the one holding course.toml).
        #[arg(long, default_value = "content")]
        root: PathBuf,
    },
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The folder to create the course in (its course goes to DIR/content).
    pub dir: PathBuf,
    /// Languages of the course, the first being the source.
    #[arg(long, default_value = "en,pt-BR", value_delimiter = ',')]
    pub languages: Vec<String>,
    /// Write into a folder that is not empty.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub(crate) struct BundleArgs {
    /// The course folder (the one holding course.toml).
    #[arg(long, default_value = "content")]
    pub root: PathBuf,
    /// Write one self-contained HTML file per language (course.<lang>.html) instead of a zip.
    #[arg(long)]
    pub single_file: bool,
    /// The zip file to write (default course.zip), or with --single-file the folder for the
    /// HTML files (default offline).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The course folder (the one holding course.toml).
    #[arg(long, default_value = "content")]
    pub root: PathBuf,
    /// Port to listen on; the next free one is used if it is taken (0: any free port).
    #[arg(long, short, default_value_t = 3000)]
    pub port: u16,
    /// Address to listen on. Anything but loopback makes the preview reachable from other machines.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Show draft chapters and translations too, each marked as a draft (`build` and
    /// `bundle` always leave them out).
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// The course folder (the one holding course.toml).
    #[arg(long, default_value = "content")]
    pub root: PathBuf,
    /// Where to write the site; replaced only when the build succeeds.
    #[arg(long, default_value = "site")]
    pub out: PathBuf,
    /// Publish at this URL instead of course.toml's `base_url` (a preview deployment):
    /// canonical links, share cards, sitemap and the 404 page follow it.
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub base_url: Option<String>,
}

/// An absolute http(s) URL, ending with `/`.
fn base_url(text: &str) -> Result<String, String> {
    if let Some(problem) = docent::config::web_url_problem(text, true) {
        return Err(format!(
            "{problem} (for example https://preview.example.org/course/)"
        ));
    }
    Ok(match text.ends_with('/') {
        true => text.to_string(),
        false => format!("{text}/"),
    })
}
