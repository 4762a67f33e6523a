//! In-process stages of docent on a generated bench corpus (`benches/compare.sh` prepares
//! it): the floor (comrak parsing + syntect highlighting of every chapter, nothing else), a
//! full in-memory build, incremental rebuilds through the code path `docent serve` uses, and
//! the offline bundles. Prints medians (and p95 for the edits).
//!
//!     DOCENT_BENCH_CORPUS=/tmp/bench/corpus-500/docent/content cargo bench --bench pipeline
//!
//! A plain harness rather than criterion: these are whole-pipeline timings of seconds and
//! tens of milliseconds on a 1,000-file course, where criterion's sampling model adds
//! minutes and no precision; the statistics we quote (median, p95) are computed here.

use docent::build::Builder;
use docent::markdown::highlight;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    // `RUST_LOG=docent=debug` prints the build's phases.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .try_init();
    let corpus = std::env::var_os("DOCENT_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/bench/corpus-500/docent/content"));
    if !corpus.join("course.toml").is_file() {
        eprintln!(
            "no corpus at {}: run benches/compare.sh (or python3 ../shared/bench/gen_corpus.py 500 /tmp/bench/corpus-500 && python3 benches/docent_corpus.py /tmp/bench/corpus-500)",
            corpus.display()
        );
        return;
    }
    println!("corpus: {}", corpus.display());
    let files = markdown_files(&corpus);
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    println!(
        "{} chapter files, {:.1} MB of Markdown",
        files.len(),
        bytes as f64 / 1e6
    );

    // `DOCENT_BENCH_ONLY=incremental` runs the edit loop alone, 100 edits without the
    // print pages and search index brought up to date between them: for profiling it.
    let only_incremental = std::env::var("DOCENT_BENCH_ONLY").is_ok_and(|v| v == "incremental");
    if only_incremental {
        incremental(&corpus, &files, true);
        return;
    }
    // `DOCENT_BENCH_ONLY=build`: full builds alone, for profiling them.
    if std::env::var("DOCENT_BENCH_ONLY").is_ok_and(|v| v == "build") {
        let full = median(5, || {
            highlight::clear_memo();
            Builder::new(&corpus, docent::render::BuildOptions::default())
                .build()
                .expect("build");
        });
        println!("full build in memory (no writing):     median {}", ms(full));
        return;
    }
    // `DOCENT_BENCH_ONLY=ratio`: floor and full build alternated, the ratio taken per pair,
    // so a slow spell of a noisy machine weighs on both sides of each ratio alike.
    if std::env::var("DOCENT_BENCH_ONLY").is_ok_and(|v| v == "ratio") {
        paired_ratio(&files, 9, &|| {
            let mut builder = Builder::new(&corpus, docent::render::BuildOptions::default());
            let build = builder.build()?;
            Ok(Box::new((builder, build)))
        });
        return;
    }
    // `DOCENT_BENCH_ONLY=ratio-disk`: the same, with the build `docent build` runs: pages
    // streamed to a staging folder on disk that then replaces the last site.
    if std::env::var("DOCENT_BENCH_ONLY").is_ok_and(|v| v == "ratio-disk") {
        let out = std::env::temp_dir().join(format!("docent-bench-site-{}", std::process::id()));
        paired_ratio(&files, 9, &|| {
            let mut builder = Builder::new(&corpus, docent::render::BuildOptions::default());
            let build = builder.build_to(&out)?;
            Ok(Box::new((builder, build)))
        });
        let _ = std::fs::remove_dir_all(&out);
        return;
    }
    let floor = median(5, || {
        files.par_iter().for_each(|(_, text)| floor_one(text));
    });
    println!(
        "floor (comrak + syntect, 2 threads):   median {}",
        ms(floor)
    );
    let floor1 = median(3, || files.iter().for_each(|(_, text)| floor_one(text)));
    println!(
        "floor (comrak + syntect, 1 thread):    median {}",
        ms(floor1)
    );

    let full = median(5, || {
        // Cold: nothing highlighted by an earlier run.
        highlight::clear_memo();
        Builder::new(&corpus, docent::render::BuildOptions::default())
            .build()
            .expect("build");
    });
    println!(
        "full build in memory (no writing):     median {}  ({:.2}x the floor)",
        ms(full),
        full.as_secs_f64() / floor.as_secs_f64()
    );

    // `DOCENT_BENCH_ONLY=full`: the floor and the full build alone.
    if std::env::var("DOCENT_BENCH_ONLY").is_ok_and(|v| v == "full") {
        return;
    }
    incremental(&corpus, &files, false);

    let tmp = std::env::temp_dir().join(format!("docent-bench-{}", std::process::id()));
    let zip = median(3, || {
        highlight::clear_memo();
        docent::bundle::write_zip(&corpus, &tmp.join("course.zip")).expect("zip");
    });
    println!("bundle: zip of every language:         median {}", ms(zip));
    let single = median(3, || {
        highlight::clear_memo();
        docent::bundle::write_single_files(&corpus, &tmp.join("single")).expect("single");
    });
    println!(
        "bundle: single file per language:      median {}",
        ms(single)
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

/// `pairs` rounds of the floor and a cold `full` build (in memory or to disk), alternated;
/// prints the medians and the median of the per-round ratios.
///
/// `full` returns what it built and kept (the builder, the site), which is freed after the
/// clock stops: `docent build` exits without freeing it (`build::build_to`), so a reader
/// waits for the build, not for the free. The ratio with the free is printed too.
fn paired_ratio(
    files: &[(PathBuf, String)],
    pairs: usize,
    full: &dyn Fn() -> docent::error::Result<Box<dyn std::any::Any>>,
) {
    // The build's time, and its time with what it kept freed.
    let build = || {
        let start = Instant::now();
        highlight::clear_memo();
        let kept = full().expect("build");
        let built = start.elapsed();
        drop(kept);
        (built, start.elapsed())
    };
    let floor = || files.par_iter().for_each(|(_, text)| floor_one(text));
    // Warm-up.
    floor();
    build();
    let mut floors = Vec::new();
    let mut builds = Vec::new();
    let mut ratios = Vec::new();
    let mut freed_ratios = Vec::new();
    let timed = |f: &dyn Fn()| {
        let start = Instant::now();
        f();
        start.elapsed()
    };
    for round in 0..pairs {
        // Either may go first: whatever one leaves behind (caches, the allocator's state)
        // falls on both sides alike.
        let (f, (b, freed)) = if round % 2 == 0 {
            let f = timed(&floor);
            (f, build())
        } else {
            let b = build();
            (timed(&floor), b)
        };
        ratios.push(b.as_secs_f64() / f.as_secs_f64());
        freed_ratios.push(freed.as_secs_f64() / f.as_secs_f64());
        floors.push(f);
        builds.push(b);
    }
    floors.sort();
    builds.sort();
    ratios.sort_by(f64::total_cmp);
    freed_ratios.sort_by(f64::total_cmp);
    println!(
        "{pairs} pairs: floor median {}, full build median {} (what it kept freed after the clock, as `docent build` exits without freeing it), ratio per pair: median {:.3}x (min {:.3}x, max {:.3}x); with the free timed too: median {:.3}x",
        ms(floors[pairs / 2]),
        ms(builds[pairs / 2]),
        ratios[pairs / 2],
        ratios[0],
        ratios[pairs - 1],
        freed_ratios[pairs / 2]
    );
}

/// Twenty one-chapter edits through the code path `docent serve` uses: median and p95.
fn incremental(corpus: &Path, files: &[(PathBuf, String)], profile: bool) {
    // As `serve` does: every highlighted block is kept.
    highlight::remember_every_block();
    let mut builder = Builder::new(corpus, docent::serve::serve_build_options());
    builder.build().expect("first build");
    highlight::bound_memo_to_the_course();
    let chapters: Vec<PathBuf> = files
        .iter()
        .map(|(p, _)| p.clone())
        .filter(|p| p.file_name().is_some_and(|n| n == "en.md"))
        .collect();
    let mut edits = Vec::new();
    let (runs, finish) = if profile {
        (
            std::env::var("DOCENT_BENCH_EDITS")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(100),
            false,
        )
    } else {
        (20, true)
    };
    for k in 0..runs {
        // The same chapter positions (among the first 500) whatever the corpus size, so two
        // sizes compare what the course's size costs a save, not chapters of other lengths.
        let path = &chapters[(k * 37 + 11) % chapters.len().min(500)];
        let original = std::fs::read_to_string(path).expect("read");
        std::fs::write(path, format!("{original}\nEdited paragraph {k}.\n")).expect("write");
        // As `serve` does: the watcher names the file, the reload goes out, then the print
        // pages and search index are brought up to date.
        let start = Instant::now();
        let build = builder
            .rebuild([path.clone()], docent::render::Outputs::AllButAggregates)
            .expect("rebuild");
        edits.push(start.elapsed());
        assert_eq!(build.chapters_rendered, 1);
        if finish {
            builder.finish().expect("finish");
        }
        std::fs::write(path, original).expect("restore");
        builder
            .rebuild([path.clone()], docent::render::Outputs::AllButAggregates)
            .expect("restore build");
        if finish {
            builder.finish().expect("restore finish");
        }
    }
    edits.sort();
    println!(
        "incremental, one chapter edited ({runs}): median {}  p95 {}",
        ms(edits[edits.len() / 2]),
        ms(edits[(edits.len() * 95).div_ceil(100) - 1])
    );
}

/// What any generator must do at least: parse and render the Markdown, highlight the code.
fn floor_one(text: &str) {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.tasklist = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, text, &options);
    for node in root.descendants() {
        if let comrak::nodes::NodeValue::CodeBlock(block) = &node.data.borrow().value {
            let lang = block.info.split_whitespace().next().unwrap_or("");
            std::hint::black_box(highlight::highlight_lines(
                &block.literal,
                highlight::resolve(lang),
            ));
        }
    }
    let mut html = String::new();
    let _ = comrak::format_html(root, &options, &mut html);
    std::hint::black_box(html);
}

fn markdown_files(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(PathBuf, String)> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path().extension().is_some_and(|x| x == "md")
                && !e.path().to_string_lossy().contains("/.")
        })
        .map(|e| {
            (
                e.path().to_path_buf(),
                std::fs::read_to_string(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    out.sort();
    out
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
