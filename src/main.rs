//! The process edge: arguments, logging, printing diagnostics, exit codes.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use docent::Diagnostic;
use docent::plural::count;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli);
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            match e.downcast_ref::<docent::Error>() {
                Some(err) => print_diagnostics(&err.diagnostics()),
                None => docent::errln!("error: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Build(args) => {
            let start = Instant::now();
            let options = docent::render::BuildOptions {
                base_url: args.base_url.clone(),
                ..Default::default()
            };
            let build = docent::build_to(&args.root, &options, &args.out)?;
            tracing::info!("written: {} ms", start.elapsed().as_millis());
            if !cli.quiet {
                print_diagnostics(&build.warnings);
                docent::errln!(
                    "built {}, {}, {} into {} in {} ms{}",
                    count(build.languages, "language", "languages"),
                    count(build.chapters, "chapter", "chapters"),
                    count(build.pages, "page", "pages"),
                    args.out.display(),
                    start.elapsed().as_millis(),
                    match build.warnings.len() {
                        0 => String::new(),
                        n => format!(", {}", count(n, "warning", "warnings")),
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => {
            let findings = docent::check::run(&args.root, args.external)?;
            match args.format {
                cli::Format::Json => {
                    let findings: Vec<Diagnostic> =
                        findings.iter().map(Diagnostic::for_terminal).collect();
                    docent::outln!("{}", serde_json::to_string_pretty(&findings)?)
                }
                cli::Format::Human => {
                    for d in &findings {
                        docent::outln!("{}", d.for_terminal());
                    }
                    let errors = findings
                        .iter()
                        .filter(|d| d.severity == docent::Severity::Error)
                        .count();
                    let warnings = findings.len() - errors;
                    docent::outln!(
                        "{}: {}, {}",
                        if findings.is_empty() {
                            "ok"
                        } else {
                            "problems found"
                        },
                        count(errors, "error", "errors"),
                        count(warnings, "warning", "warnings"),
                    );
                }
            }
            Ok(if findings.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Translate(cli::TranslateCommand::Status { root, format }) => {
            let course = docent::load::load(root)?;
            let status = docent::translate::status(&course);
            match format {
                cli::Format::Json => docent::outln!("{}", serde_json::to_string_pretty(&status)?),
                cli::Format::Human => {
                    for s in &status {
                        let state = match &s.freshness {
                            docent::translate::Freshness::UpToDate => "up to date".to_string(),
                            docent::translate::Freshness::Stale { recorded } => {
                                format!("stale (translated from {recorded})")
                            }
                            docent::translate::Freshness::Missing => "missing".to_string(),
                            docent::translate::Freshness::Unknown => {
                                "unknown (no translated_from)".to_string()
                            }
                            docent::translate::Freshness::Source => "source".to_string(),
                        };
                        docent::outln!("{:<40} {:<6} {state}", s.chapter, s.lang);
                        if let Some(diff) = &s.diff {
                            for line in diff.lines() {
                                docent::outln!("    {line}");
                            }
                        }
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Translate(cli::TranslateCommand::Done {
            chapter,
            lang,
            root,
        }) => {
            let course = docent::load::load(root)?;
            let (chapter, version) = docent::translate::done(&course, chapter, lang)?;
            if !cli.quiet {
                docent::errln!("recorded {chapter} {lang} as translated from version {version}");
                // Recorded as matching: say at once where it does not (headings, code blocks,
                // notes), as `check` would, rather than after the next check.
                let file = course
                    .chapter(&chapter)
                    .and_then(|c| c.sources.get(lang.as_str()))
                    .map(|s| s.path.clone());
                if let (Some(file), Ok(findings)) = (file, docent::check::run(root, false)) {
                    for d in findings
                        .iter()
                        .filter(|d| d.path == file && d.kind == docent::error::Kind::Translation)
                    {
                        docent::errln!("{}", d.for_terminal());
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Translate(cli::TranslateCommand::Prune { root }) => {
            let course = docent::load::load(root)?;
            let removed = docent::translate::prune(&course)?;
            if !cli.quiet {
                match removed.len() {
                    0 => docent::errln!("every stored source version is recorded by a chapter"),
                    n => docent::errln!(
                        "removed {n} stored source version(s) that no chapter records: {}",
                        removed.join(", ")
                    ),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init(args) => {
            let written = docent::init::init(&args.dir, &args.languages, args.force)?;
            if !cli.quiet {
                for f in &written {
                    match &f.outcome {
                        docent::init::Outcome::Created => {
                            docent::errln!("created {}", f.path.display())
                        }
                        docent::init::Outcome::Unchanged => {
                            docent::errln!("unchanged {}", f.path.display())
                        }
                        docent::init::Outcome::Replaced { kept } => docent::errln!(
                            "replaced {} (the previous file is kept as {})",
                            f.path.display(),
                            kept.display()
                        ),
                        docent::init::Outcome::Left { proposed } => docent::errln!(
                            "left {} as it was (docent's version is in {}, to compare)",
                            f.path.display(),
                            proposed.display()
                        ),
                    }
                }
                docent::errln!(
                    "next: cd {} && docent serve   (or docent build)",
                    args.dir.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bundle(args) => {
            let start = Instant::now();
            if args.single_file {
                let dir = args.out.clone().unwrap_or_else(|| "offline".into());
                let files = docent::bundle::write_single_files(&args.root, &dir)?;
                if !cli.quiet {
                    for f in &files {
                        docent::errln!("wrote {}", f.display());
                    }
                }
            } else {
                let out = args.out.clone().unwrap_or_else(|| "course.zip".into());
                let files = docent::bundle::write_zip(&args.root, &out)?;
                if !cli.quiet {
                    docent::errln!(
                        "wrote {} ({}) in {} ms; unpack it and open index.html",
                        out.display(),
                        count(files, "file", "files"),
                        start.elapsed().as_millis()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            kind: cli::ImportKind::Mdbook { book, out },
        } => {
            let report = docent::import::mdbook(book, out)?;
            // `-q` prints only errors; what to look at is warnings.
            if !cli.quiet {
                print_diagnostics(&report.findings);
                docent::errln!("{}", report.summary());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => {
            docent::serve::serve(docent::serve::ServeOptions {
                root: args.root.clone(),
                bind: args.bind,
                port: args.port,
                open: args.open,
                quiet: cli.quiet,
                drafts: args.drafts,
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_diagnostics(list: &[Diagnostic]) {
    for d in list {
        docent::errln!("{}", d.for_terminal());
    }
}

fn init_logging(cli: &Cli) {
    let default = match (cli.quiet, cli.verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("DOCENT_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .without_time()
        .init();
}
