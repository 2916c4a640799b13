//! `dateline bench`: index a corpus with dateline (with and without the tagger) and
//! with a plain-tantivy baseline, at each thread count, in one run. It reports
//! per-stage and whole-pipeline throughput, peak memory and index size, and then
//! query latency on the tagged index.

pub mod baseline;
pub mod memory;
pub mod queries;
pub mod svg;

use crate::cpu;
use crate::entities;
use crate::index;
use crate::ingest::{self, IngestOptions, InputFile};
use crate::pipeline::{self, IndexConfig, Quiet};
use crate::search::Engine;
use crate::stats::{per_sec, Stage, Stats};
use anyhow::Context;
use queries::{BenchQuery, Latency};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What to measure.
pub struct BenchConfig {
    pub inputs: Vec<PathBuf>,
    pub ingest: IngestOptions,
    pub repeat: usize,
    pub threads: Vec<usize>,
    /// Indexing runs per indexer and thread count; the median run is reported.
    pub rounds: usize,
    pub memory_bytes: usize,
    pub queries: Vec<BenchQuery>,
    pub query_rounds: usize,
    /// Keep the indexes in this folder instead of a temporary one.
    pub keep: Option<PathBuf>,
}

/// The three ways of indexing that are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Indexer {
    /// Plain tantivy: one document per article, title and body.
    Baseline,
    /// dateline without the tagger (`--no-entities`).
    DatelineNoEntities,
    /// dateline as `dateline index` runs it.
    Dateline,
}

impl Indexer {
    pub fn label(self) -> &'static str {
        match self {
            Indexer::Baseline => "tantivy baseline",
            Indexer::DatelineNoEntities => "dateline --no-entities",
            Indexer::Dateline => "dateline",
        }
    }

    fn folder(self) -> &'static str {
        match self {
            Indexer::Baseline => "baseline",
            Indexer::DatelineNoEntities => "dateline-no-entities",
            Indexer::Dateline => "dateline",
        }
    }
}

/// A thread count as the report writes it: "1 thread", "2 threads".
pub fn threads(count: usize) -> String {
    match count {
        1 => "1 thread".to_string(),
        n => format!("{n} threads"),
    }
}

/// One stage of a dateline run.
#[derive(Debug, Clone, Serialize)]
pub struct StageRow {
    pub stage: Stage,
    pub label: &'static str,
    /// CPU time, summed over the threads that ran the stage.
    pub cpu_seconds: f64,
    pub mb_per_sec: f64,
    pub articles_per_sec: f64,
    pub share: f64,
}

/// One indexing run.
#[derive(Debug, Clone, Serialize)]
pub struct IndexRun {
    pub indexer: Indexer,
    pub threads: usize,
    pub articles: usize,
    /// Wall-clock time of the median round.
    pub seconds: f64,
    /// Wall-clock time of every round, in the order they ran.
    pub round_seconds: Vec<f64>,
    /// CPU time of the run, user and system, over all its threads.
    pub cpu_seconds: Option<f64>,
    pub mb_per_sec: f64,
    pub articles_per_sec: f64,
    /// Throughput as a share of the baseline's at the same thread count.
    pub ratio_to_baseline: f64,
    pub peak_rss_bytes: Option<u64>,
    pub index_bytes: u64,
    pub index_bytes_per_input_byte: f64,
    pub stages: Vec<StageRow>,
    /// Tokens the tagger read, and per CPU second of the entity stage.
    pub tokens: usize,
    pub tokens_per_cpu_sec: f64,
    /// For dateline with the tagger: the time it takes beyond the `--no-entities`
    /// run at the same thread count, as a share of that run. Above 1, the tagger
    /// costs more than the rest of the pipeline together.
    pub tagger_cost_ratio: Option<f64>,
    /// The same in CPU time: what the tagged run uses beyond the `--no-entities`
    /// run, as a share of that run's CPU time.
    pub tagger_cpu_ratio: Option<f64>,
}

impl IndexRun {
    /// How far apart the rounds were: the slowest round's time less the
    /// fastest's, as a share of the median round's. `None` with one round.
    pub fn spread(&self) -> Option<f64> {
        spread(&self.round_seconds)
    }
}

fn spread(rounds: &[f64]) -> Option<f64> {
    let mut sorted = rounds.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (&fastest, &slowest) = (sorted.first()?, sorted.last()?);
    // The median as the run reports it: the round at half the count, upwards.
    let median = sorted[sorted.len() / 2];
    (sorted.len() > 1).then(|| (slowest - fastest) / median.max(f64::EPSILON))
}

/// Everything `dateline bench` measured.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub files: usize,
    pub repeat: usize,
    /// Indexing runs per indexer and thread count; each row is the median run.
    pub rounds: usize,
    /// Bytes read in all, repeats included.
    pub input_bytes: u64,
    pub memory_budget_bytes: usize,
    pub runs: Vec<IndexRun>,
    /// Latency on the tagged index built with the most threads.
    pub latency: Vec<Latency>,
}

pub fn run(config: &BenchConfig, progress: &mut dyn FnMut(String)) -> anyhow::Result<Report> {
    let temp;
    let root = match &config.keep {
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            dir.clone()
        }
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_path_buf()
        }
    };
    let ingest::Discovered { files, errors, .. } = ingest::discover(&config.inputs);
    if let Some(err) = errors.first() {
        anyhow::bail!("{err}");
    }
    anyhow::ensure!(!files.is_empty(), "no input files");
    anyhow::ensure!(
        !files.iter().any(InputFile::is_stdin),
        "bench reads its corpus once per indexer and round: give files, not standard input"
    );
    progress("reading the corpus once, so that every indexer finds it in the page cache".into());
    warm_page_cache(&files)?;
    let repeat = config.repeat.max(1);
    let input_bytes = files.iter().map(|f| f.len).sum::<u64>() * repeat as u64;
    let indexers = [
        Indexer::Baseline,
        Indexer::DatelineNoEntities,
        Indexer::Dateline,
    ];
    let rounds = config.rounds.max(1);
    let mut runs = Vec::new();
    let mut last_tagged = None;
    for &threads in &config.threads {
        // Rounds go through the three indexers in turn, so that a slow spell on a
        // shared machine falls on all of them alike.
        let mut measured: Vec<Vec<Measured>> = vec![Vec::new(); indexers.len()];
        for round in 1..=rounds {
            for (indexer, samples) in indexers.iter().zip(&mut measured) {
                progress(format!(
                    "indexing with {} on {threads} threads, round {round} of {rounds}",
                    indexer.label()
                ));
                let dir = root.join(format!("{}-{threads}", indexer.folder()));
                samples.push(index_once(config, *indexer, &files, threads, &dir)?);
                if *indexer == Indexer::Dateline {
                    last_tagged = Some(dir);
                }
            }
        }
        let mut baseline_rate = 0.0;
        let mut untagged = None;
        for (indexer, mut samples) in indexers.into_iter().zip(measured) {
            let round_seconds = samples.iter().map(|m| m.time.as_secs_f64()).collect();
            samples.sort_by_key(|m| m.time);
            let median = samples.swap_remove(samples.len() / 2);
            let mb_per_sec = per_sec(input_bytes as f64 / 1e6, median.time);
            let seconds = median.time.as_secs_f64();
            let cpu_seconds = median.cpu.map(|cpu| cpu.as_secs_f64());
            match indexer {
                Indexer::Baseline => baseline_rate = mb_per_sec,
                Indexer::DatelineNoEntities => untagged = Some((seconds, cpu_seconds)),
                Indexer::Dateline => {}
            }
            // What the tagged run takes beyond the untagged one, as a share of it.
            let beyond = |tagged: f64, rest: f64| (tagged - rest) / rest.max(f64::EPSILON);
            let rest = untagged.filter(|_| indexer == Indexer::Dateline);
            let stats = median.stats.as_ref();
            runs.push(IndexRun {
                indexer,
                threads,
                articles: median.articles,
                seconds,
                round_seconds,
                cpu_seconds,
                mb_per_sec,
                articles_per_sec: per_sec(median.articles as f64, median.time),
                ratio_to_baseline: mb_per_sec / baseline_rate.max(f64::EPSILON),
                peak_rss_bytes: median.peak,
                index_bytes: median.index_bytes,
                index_bytes_per_input_byte: median.index_bytes as f64 / input_bytes.max(1) as f64,
                stages: stats.map(stage_rows).unwrap_or_default(),
                tokens: stats.map_or(0, |s| s.tokens),
                tokens_per_cpu_sec: stats
                    .map_or(0.0, |s| per_sec(s.tokens as f64, s.stage(Stage::Entities))),
                tagger_cost_ratio: rest.map(|(rest, _)| beyond(seconds, rest)),
                tagger_cpu_ratio: rest.and_then(|(_, rest)| Some(beyond(cpu_seconds?, rest?))),
            });
        }
    }
    let latency = match last_tagged {
        Some(dir) if !config.queries.is_empty() => {
            progress(format!(
                "running {} queries {} times",
                config.queries.len(),
                config.query_rounds
            ));
            let engine = Engine::new(index::open_existing(&dir)?)?;
            queries::measure(&engine, &config.queries, config.query_rounds, repeat > 1)?
        }
        _ => Vec::new(),
    };
    Ok(Report {
        files: files.len(),
        repeat,
        rounds,
        input_bytes,
        memory_budget_bytes: config.memory_bytes,
        runs,
        latency,
    })
}

/// Reads every file once, so that the first indexer of the first round does not
/// pay alone for reading the corpus from disk.
fn warm_page_cache(files: &[InputFile]) -> anyhow::Result<()> {
    for file in files {
        std::fs::File::open(&file.path)
            .and_then(|mut f| std::io::copy(&mut f, &mut std::io::sink()))
            .with_context(|| format!("{}: cannot read", file.path.display()))?;
    }
    Ok(())
}

/// One indexing run, before it is summarised.
#[derive(Clone)]
struct Measured {
    articles: usize,
    time: Duration,
    cpu: Option<Duration>,
    stats: Option<Stats>,
    peak: Option<u64>,
    index_bytes: u64,
}

/// Indexes the corpus once with `indexer` into a fresh `dir`.
fn index_once(
    config: &BenchConfig,
    indexer: Indexer,
    files: &[ingest::InputFile],
    threads: usize,
    dir: &Path,
) -> anyhow::Result<Measured> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    memory::reset_peak();
    let cpu_before = cpu::process_time();
    let repeat = config.repeat.max(1);
    let (articles, time, stats) = match indexer {
        Indexer::Baseline => {
            let b = baseline::run(
                files,
                &config.ingest,
                repeat,
                dir,
                threads,
                config.memory_bytes,
            )?;
            (b.articles, b.time, None)
        }
        _ => {
            let entities = if indexer == Indexer::Dateline {
                entities::Stage::standard()?
            } else {
                entities::Stage::metadata_only()
            };
            let stats = pipeline::run(
                &IndexConfig {
                    index_dir: dir.to_path_buf(),
                    inputs: config.inputs.clone(),
                    ingest: config.ingest.clone(),
                    threads,
                    memory_bytes: config.memory_bytes,
                    entities,
                    limits: Default::default(),
                    repeat,
                    skip_unchanged: None,
                },
                &mut Quiet,
            )?;
            (stats.articles, stats.total, Some(stats))
        }
    };
    let cpu = cpu::process_time()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    Ok(Measured {
        articles,
        time,
        cpu,
        stats,
        peak: memory::peak_bytes(),
        index_bytes: index::store::size_on_disk(dir)?,
    })
}

fn stage_rows(stats: &Stats) -> Vec<StageRow> {
    let busy = stats.stages_total();
    Stage::ALL
        .iter()
        .map(|&stage| {
            let time = stats.stage(stage);
            StageRow {
                stage,
                label: stage.label(),
                cpu_seconds: time.as_secs_f64(),
                mb_per_sec: per_sec(stats.input_mb(), time),
                articles_per_sec: per_sec(stats.articles as f64, time),
                share: time.as_secs_f64() / busy.as_secs_f64().max(f64::EPSILON),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spread_is_the_range_of_the_rounds_over_their_median() {
        assert_eq!(spread(&[]), None);
        assert_eq!(spread(&[2.0]), None);
        // Median 2.0: (3.0 - 1.5) / 2.0, whatever order the rounds ran in.
        assert_eq!(spread(&[3.0, 1.5, 2.0]), Some(0.75));
        assert_eq!(spread(&[2.0, 2.0]), Some(0.0));
    }
}
