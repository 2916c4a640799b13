//! The indexing data flow, from input paths to a committed index:
//! discover → read → clean and split → entities → build documents → index → commit.
//!
//! Each stage is timed into [`Stats`]. Problems are handed to a [`Reporter`] as they
//! happen; nothing is committed unless the run reaches its end, so a failed run
//! leaves the index as it was.

use crate::entities;
use crate::index::{self, writer::build_documents, Writer};
use crate::ingest::{self, Event, IngestError, IngestOptions};
use crate::stats::{Stage, Stats};
use crate::text::passages::{self, Limits};
use anyhow::Context;
use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Articles between progress updates inside a file.
const PROGRESS_EVERY: usize = 256;

/// Everything an indexing run needs to know.
pub struct IndexConfig {
    pub index_dir: PathBuf,
    pub inputs: Vec<PathBuf>,
    pub ingest: IngestOptions,
    pub threads: usize,
    pub memory_bytes: usize,
    pub entities: entities::Stage,
    pub limits: Limits,
}

/// How problems and progress leave the pipeline.
pub trait Reporter {
    /// A rejected record, a warning or a skipped record.
    fn problem(&mut self, event: &Event);
    /// Called once the inputs are known, with their total size.
    fn start(&mut self, total_bytes: u64);
    /// Called after each article and each file.
    fn progress(&mut self, bytes_done: u64, articles: usize);
    fn finish(&mut self);
}

/// Indexes every input, reporting problems, and commits.
pub fn run(config: &IndexConfig, reporter: &mut dyn Reporter) -> anyhow::Result<Stats> {
    let started = Instant::now();
    let mut stats = Stats::default();
    let opened = index::open_or_create(&config.index_dir)?;
    let writer = Writer::new(&opened, config.threads, config.memory_bytes)
        .context("cannot start the index writer")?;
    let (files, errors) = ingest::discover(&config.inputs);
    for error in errors {
        stats.rejected += 1;
        reporter.problem(&Event::Rejected(error));
    }
    let total_bytes = files.iter().map(|f| f.len).sum();
    reporter.start(total_bytes);
    let mut failure: Option<anyhow::Error> = None;
    let mut seen = HashSet::new();
    for file in &files {
        let file_start = Instant::now();
        let mut downstream = Duration::ZERO;
        ingest::read_file(file, &config.ingest, &mut |event| {
            if failure.is_some() {
                return;
            }
            let start = Instant::now();
            match event {
                Event::Article(article) => {
                    if !seen.insert(index::schema::article_key(&article.id)) {
                        stats.duplicates += 1;
                    }
                    if let Err(err) = index_article(config, &writer, &article, &mut stats) {
                        failure = Some(err.context(format!("indexing {}", article.id)));
                    }
                    if stats.articles % PROGRESS_EVERY == 0 {
                        reporter.progress(stats.input_bytes, stats.articles);
                    }
                }
                Event::Rejected(_) | Event::Warning(_) | Event::Skipped(_) => {
                    match &event {
                        Event::Rejected(_) => stats.rejected += 1,
                        Event::Warning(_) => stats.warnings += 1,
                        _ => stats.skipped += 1,
                    }
                    reporter.problem(&event);
                }
            }
            downstream += start.elapsed();
        });
        if let Some(err) = failure.take() {
            return Err(err);
        }
        stats.add(Stage::Read, file_start.elapsed().saturating_sub(downstream));
        stats.input_bytes += file.len;
        reporter.progress(stats.input_bytes, stats.articles);
    }
    stats
        .timed(Stage::Commit, || writer.commit())
        .context("commit failed; the index is as it was before this run")?;
    reporter.finish();
    stats.total = started.elapsed();
    Ok(stats)
}

fn index_article(
    config: &IndexConfig,
    writer: &Writer,
    article: &crate::article::Article,
    stats: &mut Stats,
) -> anyhow::Result<()> {
    let passages = stats.timed(Stage::Split, || {
        passages::split(&article.body, config.limits)
    });
    let found = stats.timed(Stage::Entities, || config.entities.run(article));
    let docs = stats.timed(Stage::Build, || {
        build_documents(writer.fields(), article, &passages, &found)
    });
    stats.timed(Stage::Index, || writer.replace(&article.id, docs))?;
    stats.articles += 1;
    stats.passages += passages.len();
    stats.entities += found.entities.len();
    Ok(())
}

/// The message of a problem event, with its severity as a prefix.
pub fn describe(event: &Event) -> Option<(&'static str, &IngestError)> {
    match event {
        Event::Rejected(err) => Some(("error", err)),
        Event::Warning(err) => Some(("warning", err)),
        Event::Skipped(err) => Some(("skipped", err)),
        Event::Article(_) => None,
    }
}
