//! `dateline bench`.

use super::Outcome;
use crate::bench::{self, queries, BenchConfig};
use crate::cli::BenchArgs;
use crate::ingest::IngestOptions;
use crate::render::{json, text};
use anyhow::Context;
use indicatif::ProgressBar;
use std::io::Write;

pub fn run(args: &BenchArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let queries = match &args.queries {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            queries::parse(&text, &path.display().to_string())?
        }
        None => queries::parse(queries::DEFAULT_QUERIES, "the built-in query set")?,
    };
    let threads = if args.threads.is_empty() {
        vec![std::thread::available_parallelism().map_or(1, |n| n.get())]
    } else {
        args.threads.clone()
    };
    anyhow::ensure!(
        threads.iter().all(|&t| t > 0),
        "--threads: counts must be at least 1"
    );
    anyhow::ensure!(args.rounds > 0, "--rounds: must be at least 1");
    let config = BenchConfig {
        inputs: args.paths.clone(),
        ingest: IngestOptions {
            format: args.format,
            source: args.source.clone(),
            date: None,
        },
        repeat: args.repeat,
        threads,
        rounds: args.rounds,
        memory_bytes: args.memory_mb * 1_000_000,
        queries,
        query_rounds: args.query_rounds,
        keep: args.keep.clone(),
    };
    let spinner = ProgressBar::new_spinner();
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let report = bench::run(&config, &mut |step| spinner.set_message(step))?;
    spinner.finish_and_clear();
    if let Some(path) = &args.svg {
        std::fs::write(path, bench::svg::chart(&report))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if args.json {
        json::line(out, &report)?;
    } else {
        text::bench_report(out, &report)?;
    }
    Ok(Outcome::Success)
}
