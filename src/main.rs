//! The process edge: arguments, logging, printing diagnostics, exit codes.

mod cli;

use clap::Parser;
use cli::{Cli, Command};
use docent::Diagnostic;
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
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Build(args) => {
            let start = Instant::now();
            let build = docent::build(&args.root, &Default::default())?;
            build.site.write_atomic(&args.out)?;
            tracing::info!("written: {} ms", start.elapsed().as_millis());
            if !cli.quiet {
                print_diagnostics(&build.warnings);
                eprintln!(
                    "built {} languages, {} chapters, {} pages into {} in {} ms{}",
                    build.languages,
                    build.chapters,
                    build.pages(),
                    args.out.display(),
                    start.elapsed().as_millis(),
                    match build.warnings.len() {
                        0 => String::new(),
                        1 => ", 1 warning".to_string(),
                        n => format!(", {n} warnings"),
                    }
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
                        eprintln!("wrote {}", f.display());
                    }
                }
            } else {
                let out = args.out.clone().unwrap_or_else(|| "course.zip".into());
                let count = docent::bundle::write_zip(&args.root, &out)?;
                if !cli.quiet {
                    eprintln!(
                        "wrote {} ({count} files) in {} ms; unpack it and open index.html",
                        out.display(),
                        start.elapsed().as_millis()
                    );
                }
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
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_diagnostics(list: &[Diagnostic]) {
    for d in list {
        eprintln!("{d}");
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
