//! `dateline index`: options to an [`IndexConfig`], a progress bar, the summary.

use super::Outcome;
use crate::cli::IndexArgs;
use crate::entities;
use crate::ingest::{parse_date, Event, IngestOptions};
use crate::pipeline::{self, describe, IndexConfig, Reporter};
use crate::render::{json, text};
use crate::text::passages::Limits;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashMap;
use std::io::Write;

pub fn run(args: &IndexArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let date = args
        .date
        .as_deref()
        .map(|raw| parse_date(raw).with_context(|| format!("--date: cannot read date {raw:?}")))
        .transpose()?;
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let config = IndexConfig {
        index_dir: args.index.dir.clone(),
        inputs: args.paths.clone(),
        ingest: IngestOptions {
            format: args.format,
            source: args.source.clone(),
            date,
        },
        threads,
        memory_bytes: args.memory_mb * 1_000_000,
        entities: if args.no_entities {
            entities::Stage::metadata_only()
        } else {
            entities::Stage::standard()?
        },
        limits: Limits::default(),
        repeat: 1,
        skip_unchanged: (!args.all).then(|| settings(args)),
    };
    let mut reporter = Progress::new();
    let stats = pipeline::run(&config, &mut reporter)?;
    if args.json {
        json::line(out, &stats)?;
    } else {
        text::summary(out, &stats, args.stats)?;
    }
    Ok(if stats.rejected > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

/// What decides how a file is indexed besides its bytes: a file indexed before
/// under other settings is read again.
fn settings(args: &IndexArgs) -> String {
    format!(
        "dateline {}; format {:?}; source {:?}; date {:?}; entities {}",
        env!("CARGO_PKG_VERSION"),
        args.format,
        args.source,
        args.date,
        if args.no_entities {
            "metadata"
        } else {
            "tagged"
        }
    )
}

/// How many problems with the same message are printed before the rest are
/// only counted, unless `-v` asks for every one.
const SAME_PROBLEM_SHOWN: usize = 5;

/// A progress bar on stderr (hidden when stderr is not a terminal) and problem
/// messages printed above it.
struct Progress {
    bar: ProgressBar,
    /// Each problem's severity and message, with when it first came up and how
    /// often: a folder of files that all lack a source prints a few, then a count.
    seen: HashMap<(&'static str, String), (usize, usize)>,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            seen: HashMap::new(),
        }
    }
}

impl Reporter for Progress {
    fn problem(&mut self, event: &Event) {
        let Some((severity, error)) = describe(event) else {
            return;
        };
        if severity == "skipped" {
            log::info!("skipped: {error}");
            return;
        }
        let first = self.seen.len();
        let (_, count) = (self.seen)
            .entry((severity, error.message.clone()))
            .or_insert((first, 0));
        *count += 1;
        if *count <= SAME_PROBLEM_SHOWN || log::log_enabled!(log::Level::Info) {
            self.bar.suspend(|| eprintln!("{severity}: {error}"));
        }
    }

    fn start(&mut self, total_bytes: Option<u64>) {
        let (bar, template) = match total_bytes {
            Some(total) => (
                ProgressBar::new(total),
                "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} ETA {eta}",
            ),
            // Standard input: how much is left is unknown.
            None => (
                ProgressBar::no_length(),
                "{spinner} {bytes} {binary_bytes_per_sec} {msg}",
            ),
        };
        self.bar = bar;
        self.bar
            .set_style(ProgressStyle::with_template(template).expect("valid template"));
    }

    fn progress(&mut self, bytes_done: u64, articles: usize) {
        self.bar.set_position(bytes_done);
        self.bar.set_message(format!("{articles} articles"));
    }

    fn finish(&mut self) {
        self.bar.finish_and_clear();
        if log::log_enabled!(log::Level::Info) {
            return;
        }
        let mut repeated: Vec<_> = (self.seen.iter())
            .filter(|(_, &(_, count))| count > SAME_PROBLEM_SHOWN)
            .collect();
        repeated.sort_by_key(|(_, &(first, _))| first);
        for ((severity, message), (_, count)) in repeated {
            let more = count - SAME_PROBLEM_SHOWN;
            eprintln!("{severity}: {more} more of the same: {message} (-v lists each)");
        }
    }
}
