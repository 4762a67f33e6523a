//! Command-line definitions: one library call per subcommand.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// docent builds a bilingual course site from Markdown chapters.
#[derive(Debug, Parser)]
#[command(name = "docent", version, about, long_about = None)]
pub struct Cli {
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
pub enum Command {
    /// Build the course into a static site.
    Build(BuildArgs),
    /// Preview the course: serve it, rebuild on every save and reload the browser.
    Serve(ServeArgs),
    /// Package the course for reading offline: one zip of the whole site, or one HTML file
    /// per language.
    Bundle(BundleArgs),
}

#[derive(Debug, Args)]
pub struct BundleArgs {
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
pub struct ServeArgs {
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
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The course folder (the one holding course.toml).
    #[arg(long, default_value = "content")]
    pub root: PathBuf,
    /// Where to write the site; replaced only when the build succeeds.
    #[arg(long, default_value = "site")]
    pub out: PathBuf,
}
