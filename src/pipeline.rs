//! The indexing data flow, from input paths to a committed index:
//! discover → read → split passages → entities → build documents → index → commit.
//!
//! The calling thread reads and parses files and cuts the articles into chunks.
//! `threads` workers split, tag and build documents for those chunks in parallel.
//! One feeder hands the results to tantivy in input order, so when an id comes
//! twice in a run, its later copy always wins. Each stage's CPU time goes into
//! [`Stats`]: the reader's per file, the workers' per chunk and stage, and
//! tantivy's as what the run's CPU time leaves. Problems go to a [`Reporter`] as
//! they happen. Nothing is committed unless the run reaches its end, so a failed
//! run leaves the index as it was; a panic in a worker fails the run too.

use crate::article::Article;
use crate::cpu;
use crate::entities;
use crate::index::document::{build_documents, Passage};
use crate::index::inputs::{Inputs, Stamp};
use crate::index::{self, Writer};
use crate::ingest::{self, Event, IngestError, IngestOptions, InputFile};
use crate::stats::{Stage, Stats};
use crate::text::passages::{self, Limits};
use anyhow::Context;
use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;
use std::time::Instant;

/// Articles per unit of parallel work.
const CHUNK: usize = 64;

/// Everything an indexing run needs to know.
pub struct IndexConfig {
    pub index_dir: PathBuf,
    pub inputs: Vec<PathBuf>,
    pub ingest: IngestOptions,
    /// Worker threads for splitting and tagging, and tantivy's indexing threads.
    pub threads: usize,
    pub memory_bytes: usize,
    pub entities: entities::Stage,
    pub limits: Limits,
    /// Read the inputs this many times, with fresh ids after the first (benchmarks).
    pub repeat: usize,
    /// The settings the inputs are read with: files the index holds, unchanged
    /// and read with the same settings, are left out ([`Inputs`]). `None` reads
    /// every file.
    pub skip_unchanged: Option<String>,
}

/// How problems and progress leave the pipeline.
pub trait Reporter {
    /// A rejected record, a warning or a skipped record.
    fn problem(&mut self, event: &Event);
    /// Called once the inputs are known, with their total size (`None` when
    /// standard input is among them).
    fn start(&mut self, total_bytes: Option<u64>);
    /// Called after every chunk of articles read and every file.
    fn progress(&mut self, bytes_done: u64, articles: usize);
    fn finish(&mut self);
}

/// A reporter that shows nothing (benchmarks, library use).
pub struct Quiet;

impl Reporter for Quiet {
    fn problem(&mut self, _: &Event) {}
    fn start(&mut self, _: Option<u64>) {}
    fn progress(&mut self, _: u64, _: usize) {}
    fn finish(&mut self) {}
}

/// Articles read, numbered in input order.
struct Chunk {
    seq: usize,
    articles: Vec<Article>,
}

/// One article ready for tantivy.
struct Prepared {
    id: String,
    docs: Vec<Passage>,
}

/// A worked chunk and the CPU time it took per stage.
struct Worked {
    seq: usize,
    prepared: Vec<Prepared>,
    stats: Stats,
}

/// Indexes every input, reporting problems, and commits.
pub fn run(config: &IndexConfig, reporter: &mut dyn Reporter) -> anyhow::Result<Stats> {
    let started = Instant::now();
    let cpu_started = cpu::process_time();
    let opened = index::open_or_create(&config.index_dir)?;
    let writer = Writer::start(
        &opened,
        &config.index_dir,
        config.threads,
        config.memory_bytes,
    )?;
    let ingest::Discovered {
        mut files,
        errors,
        notes,
    } = ingest::discover(&config.inputs);
    let mut read_stats = Stats::default();
    read_stats.notes = notes;
    for error in errors {
        read_stats.rejected += 1;
        reporter.problem(&Event::Rejected(error));
    }
    let mut inputs = (config.skip_unchanged.as_ref()).map(|settings| {
        let inputs = Inputs::load(&config.index_dir);
        let before = files.len();
        files.retain(|file| !Stamp::now(file, settings).is_some_and(|s| inputs.unchanged(&s)));
        read_stats.unchanged = before - files.len();
        (inputs, settings)
    });
    let total = files.iter().map(|f| f.len).sum::<u64>() * config.repeat.max(1) as u64;
    reporter.start((!files.iter().any(InputFile::is_stdin)).then_some(total));
    let workers = config.threads.max(1);
    let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(2 * workers);
    let (worked_tx, worked_rx) = sync_channel::<anyhow::Result<Worked>>(2 * workers);
    let chunk_rx = Mutex::new(chunk_rx);
    // Set when the feeder has stopped on an error: reading stops too.
    let stopped = AtomicBool::new(false);
    let fed = std::thread::scope(|scope| {
        for _ in 0..workers {
            let worked_tx = worked_tx.clone();
            let (chunk_rx, writer, stopped) = (&chunk_rx, &writer, &stopped);
            scope.spawn(move || loop {
                let next = chunk_rx.lock().expect("chunk queue").recv();
                let Ok(chunk) = next else { break };
                // After a failure, keep draining so the reader never blocks.
                if stopped.load(Ordering::Relaxed) {
                    continue;
                }
                let worked = guarded(config, writer, chunk);
                let failed = worked.is_err();
                if worked_tx.send(worked).is_err() || failed {
                    stopped.store(true, Ordering::Relaxed);
                }
            });
        }
        drop(worked_tx);
        let feeder = scope.spawn(|| feed(&writer, worked_rx));
        let mut pending = Vec::with_capacity(CHUNK);
        let mut seq = 0;
        let mut send = |articles: &mut Vec<Article>| {
            let chunk = Chunk {
                seq,
                articles: std::mem::take(articles),
            };
            seq += 1;
            chunk_tx.send(chunk).is_ok() && !stopped.load(Ordering::Relaxed)
        };
        'files: for (round, file) in rounds(&files, config.repeat) {
            let file_cpu = cpu::thread_time();
            let rejected = read_stats.rejected;
            let stamp = inputs
                .as_ref()
                .and_then(|(_, settings)| Stamp::now(file, settings));
            let mut open = true;
            let read = Cell::new(0);
            ingest::read_file(file, &config.ingest, &read, &mut |event| match event {
                Event::Article(mut article) => {
                    repeat_id(&mut article, round);
                    read_stats.articles += 1;
                    pending.push(*article);
                    if pending.len() == CHUNK && open {
                        open = send(&mut pending);
                        reporter.progress(read_stats.input_bytes + read.get(), read_stats.articles);
                    }
                }
                // Problems are the same in every round: reported once.
                _ if round > 0 => {}
                other => {
                    match &other {
                        Event::Rejected(_) => read_stats.rejected += 1,
                        Event::Warning(_) => read_stats.warnings += 1,
                        _ => read_stats.skipped += 1,
                    }
                    reporter.problem(&other);
                }
            });
            if let (Some(start), Some(end)) = (file_cpu, cpu::thread_time()) {
                read_stats.add(Stage::Read, end.saturating_sub(start));
            }
            // Standard input's size is known once it is read.
            read_stats.input_bytes += if file.is_stdin() {
                read.get()
            } else {
                file.len
            };
            if let (Some((inputs, _)), Some(stamp)) = (&mut inputs, stamp) {
                if read_stats.rejected == rejected {
                    inputs.record(stamp);
                }
            }
            reporter.progress(read_stats.input_bytes, read_stats.articles);
            if !open {
                break 'files;
            }
        }
        if !pending.is_empty() {
            send(&mut pending);
        }
        drop(chunk_tx);
        feeder.join().expect("feeder thread")
    })?;
    let mut stats = read_stats;
    stats.merge(&fed.stats);
    stats.duplicates = fed.duplicates;
    // tantivy's threads take what the run's CPU time leaves, up to the point
    // where every document is in a segment; the commit and merges take the rest.
    let mut indexed = None;
    writer
        .commit_with(|| indexed = cpu::process_time())
        .context("commit failed; the index is as it was before this run")?;
    if let (Some(start), Some(indexed), Some(end)) = (cpu_started, indexed, cpu::process_time()) {
        let ours = stats.stages_total();
        stats.add(
            Stage::Index,
            indexed.saturating_sub(start).saturating_sub(ours),
        );
        stats.add(Stage::Commit, end.saturating_sub(indexed));
    }
    if let Some((inputs, _)) = &inputs {
        if let Err(err) = inputs.save(&config.index_dir) {
            log::warn!("cannot list the files indexed ({err}); the next run reads them all again");
        }
    }
    reporter.finish();
    stats.total = started.elapsed();
    Ok(stats)
}

/// Every file, `repeat` times over, with its round number.
pub fn rounds(
    files: &[ingest::InputFile],
    repeat: usize,
) -> impl Iterator<Item = (usize, &ingest::InputFile)> {
    (0..repeat.max(1)).flat_map(move |round| files.iter().map(move |file| (round, file)))
}

/// Gives an article read again in round `round` an id of its own.
pub fn repeat_id(article: &mut Article, round: usize) {
    if round > 0 {
        article.id = format!("{}#{round}", article.id);
    }
}

/// Splits, tags and builds the documents of one chunk, one stage at a time
/// over all its articles (the clock is read per stage and chunk).
fn work(config: &IndexConfig, writer: &Writer, chunk: Chunk) -> Worked {
    let mut stats = Stats::default();
    let articles = chunk.articles;
    let passages: Vec<_> = stats.timed(Stage::Split, || {
        (articles.iter())
            .map(|article| passages::split(&article.body, config.limits))
            .collect()
    });
    let found: Vec<_> = stats.timed(Stage::Entities, || {
        articles.iter().map(|a| config.entities.run(a)).collect()
    });
    stats.passages = passages.iter().map(Vec::len).sum();
    stats.entities = found.iter().map(|f| f.entities.len()).sum();
    stats.tokens = found.iter().map(|f| f.tokens).sum();
    let prepared = stats.timed(Stage::Build, || {
        (articles.into_iter().zip(&passages).zip(found))
            .map(|((article, passages), found)| Prepared {
                id: article.id.clone(),
                docs: build_documents(writer.fields(), article, passages, found),
            })
            .collect()
    });
    Worked {
        seq: chunk.seq,
        prepared,
        stats,
    }
}

/// [`work`], with a panic in it (a bug, whatever the input) turned into an
/// error that names the chunk's articles: the run then stops and commits
/// nothing, where a worker that died would have left the reader waiting on a
/// full queue for good.
fn guarded(config: &IndexConfig, writer: &Writer, chunk: Chunk) -> anyhow::Result<Worked> {
    let span = match (chunk.articles.first(), chunk.articles.last()) {
        (Some(first), Some(last)) => format!("{} to {}", first.id, last.id),
        _ => "none".to_string(),
    };
    let worked =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(config, writer, chunk)));
    worked.map_err(|panic| {
        let message = (panic.downcast_ref::<&str>().map(|m| m.to_string()))
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        anyhow::anyhow!(
            "a bug stopped the run on the articles {span}: {message}; nothing of this run \
             was committed"
        )
    })
}

/// What the feeder did: the workers' stats, and duplicates.
#[derive(Default)]
struct Fed {
    stats: Stats,
    duplicates: usize,
}

/// Hands worked chunks to tantivy in input order.
fn feed(writer: &Writer, worked: Receiver<anyhow::Result<Worked>>) -> anyhow::Result<Fed> {
    let mut fed = Fed::default();
    let mut waiting: BTreeMap<usize, Worked> = BTreeMap::new();
    let mut next = 0;
    let mut seen = HashSet::new();
    for chunk in worked {
        let chunk = chunk?;
        waiting.insert(chunk.seq, chunk);
        while let Some(chunk) = waiting.remove(&next) {
            fed.stats.merge(&chunk.stats);
            for Prepared { id, docs } in chunk.prepared {
                let repeated = !seen.insert(index::schema::article_key(&id));
                fed.duplicates += repeated as usize;
                writer
                    .replace(&id, docs, repeated)
                    .with_context(|| format!("indexing {id}"))?;
            }
            next += 1;
        }
    }
    Ok(fed)
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    /// Remembers every progress report.
    struct Recorded(Vec<u64>);

    impl Reporter for Recorded {
        fn problem(&mut self, _: &Event) {}
        fn start(&mut self, _: Option<u64>) {}
        fn progress(&mut self, bytes_done: u64, _: usize) {
            self.0.push(bytes_done);
        }
        fn finish(&mut self) {}
    }

    /// A feed of `count` meetings titled `title`, and a run's settings for it.
    fn meetings(dir: &std::path::Path, title: &str, count: usize) -> (String, IndexConfig) {
        let mut feed = String::new();
        for n in 0..count {
            let body = "The harbour board met again about the rates. ".repeat(10);
            writeln!(
                feed,
                r#"{{"id": "{title}{n}", "source": "S", "title": "{title} {n}", "body": "{body}"}}"#
            )
            .unwrap();
        }
        let path = dir.join(format!("{title}.jsonl"));
        std::fs::write(&path, &feed).unwrap();
        let config = IndexConfig {
            index_dir: dir.join("index"),
            inputs: vec![path],
            ingest: IngestOptions::default(),
            threads: 1,
            memory_bytes: 50_000_000,
            entities: entities::Stage::metadata_only(),
            limits: Limits::default(),
            repeat: 1,
            skip_unchanged: None,
        };
        (feed, config)
    }

    /// Panics on every article titled "Bug ...", as a bug in an extractor would.
    struct Buggy;

    impl entities::Extractor for Buggy {
        fn extract(&self, article: &Article) -> entities::Mentions {
            assert!(!article.title.starts_with("Bug"), "a bug in an extractor");
            entities::Mentions::default()
        }
    }

    #[test]
    fn a_bug_in_every_worker_stops_the_run_with_an_error_and_commits_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (_, config) = meetings(dir.path(), "Meeting", 10);
        run(&config, &mut Recorded(Vec::new())).unwrap();
        // Before, the workers died, and the reader waited on a full queue for good.
        let (_, mut config) = meetings(dir.path(), "Bug", 1000);
        config.threads = 2;
        config.entities = entities::Stage::new(vec![Box::new(Buggy)]);
        let err = run(&config, &mut Recorded(Vec::new())).unwrap_err();
        let message = format!("{err:#}");
        assert!(
            message.contains("a bug stopped the run on the articles Bug"),
            "{message}"
        );
        assert!(message.contains("a bug in an extractor"), "{message}");
        let opened = index::open_existing(&config.index_dir).unwrap();
        let searcher = opened.index.reader().unwrap().searcher();
        assert_eq!(
            searcher.num_docs(),
            10,
            "the first run's passages, and no more"
        );
    }

    #[test]
    fn progress_moves_within_one_large_file() {
        let dir = tempfile::tempdir().unwrap();
        let (feed, config) = meetings(dir.path(), "Meeting", 1000);
        let mut reported = Recorded(Vec::new());
        let stats = run(&config, &mut reported).unwrap();
        assert_eq!(stats.articles, 1000);
        let total = feed.len() as u64;
        assert_eq!(reported.0.last(), Some(&total));
        let within = reported.0.iter().filter(|&&b| 0 < b && b < total).count();
        assert!(within >= 3, "{:?}", reported.0);
    }
}
