//! Per-stage timing and throughput of an indexing run.
//!
//! Stages are timed in CPU time, not wall-clock time: on a machine with few
//! cores, a thread's wall-clock time in a stage counts the time it waited for a
//! core while other stages ran. The stages together add up to the CPU time of
//! the whole run.

use crate::cpu;
use serde::Serialize;
use std::time::Duration;

/// The stages of the indexing data flow, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Reading files, decoding, parsing records and removing boilerplate.
    Read,
    /// Passage splitting.
    Split,
    /// Entity extraction.
    Entities,
    /// Building tantivy documents.
    Build,
    /// tantivy's indexing threads, up to the point where every document is in a
    /// written segment, and handing them the documents: all the run's CPU time
    /// until then that the stages above did not take.
    Index,
    /// Committing the segments, and the merges that follow.
    Commit,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Read,
        Stage::Split,
        Stage::Entities,
        Stage::Build,
        Stage::Index,
        Stage::Commit,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Read => "read and parse",
            Stage::Split => "split passages",
            Stage::Entities => "entities",
            Stage::Build => "build documents",
            Stage::Index => "tantivy indexing",
            Stage::Commit => "commit and merge",
        }
    }
}

/// Counts and timings of one indexing run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub articles: usize,
    pub passages: usize,
    /// Entities attached to articles (one per article and distinct name).
    pub entities: usize,
    /// Tokens the entity stage tagged.
    pub tokens: usize,
    pub rejected: usize,
    pub warnings: usize,
    pub skipped: usize,
    /// Articles whose id came up earlier in the same run; the later copy is kept.
    pub duplicates: usize,
    /// Files left out because the index holds them as they are.
    pub unchanged: usize,
    /// `.txt` files left out as the notes of a folder of records.
    pub notes: usize,
    pub input_bytes: u64,
    #[serde(serialize_with = "seconds")]
    pub total: Duration,
    #[serde(skip)]
    stage_time: [Duration; 6],
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

impl Stats {
    /// Runs `f`, adding the CPU time it took this thread to `stage`.
    pub fn timed<T>(&mut self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let start = cpu::thread_time();
        let out = f();
        if let (Some(start), Some(end)) = (start, cpu::thread_time()) {
            self.add(stage, end.saturating_sub(start));
        }
        out
    }

    pub fn add(&mut self, stage: Stage, time: Duration) {
        self.stage_time[stage as usize] += time;
    }

    /// Adds another part's counts and stage times (not its total).
    pub fn merge(&mut self, other: &Stats) {
        self.articles += other.articles;
        self.passages += other.passages;
        self.entities += other.entities;
        self.tokens += other.tokens;
        self.rejected += other.rejected;
        self.warnings += other.warnings;
        self.skipped += other.skipped;
        self.duplicates += other.duplicates;
        self.input_bytes += other.input_bytes;
        for (into, from) in self.stage_time.iter_mut().zip(other.stage_time) {
            *into += from;
        }
    }

    pub fn stage(&self, stage: Stage) -> Duration {
        self.stage_time[stage as usize]
    }

    /// The stages' time together: the run's CPU time once it has ended.
    pub fn stages_total(&self) -> Duration {
        self.stage_time.iter().sum()
    }

    pub fn input_mb(&self) -> f64 {
        self.input_bytes as f64 / 1e6
    }

    pub fn mb_per_sec(&self) -> f64 {
        per_sec(self.input_mb(), self.total)
    }

    pub fn articles_per_sec(&self) -> f64 {
        per_sec(self.articles as f64, self.total)
    }
}

/// `amount / time`, 0 for no time.
pub fn per_sec(amount: f64, time: Duration) -> f64 {
    let secs = time.as_secs_f64();
    if secs > 0.0 {
        amount / secs
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_accumulate_and_rates_divide_by_total() {
        let mut stats = Stats::default();
        stats.add(Stage::Split, Duration::from_millis(30));
        stats.add(Stage::Split, Duration::from_millis(20));
        assert_eq!(stats.stage(Stage::Split), Duration::from_millis(50));
        assert_eq!(stats.stage(Stage::Read), Duration::ZERO);
        stats.input_bytes = 3_000_000;
        stats.articles = 300;
        stats.total = Duration::from_secs(2);
        assert_eq!(stats.mb_per_sec(), 1.5);
        assert_eq!(stats.articles_per_sec(), 150.0);
        assert_eq!(per_sec(1.0, Duration::ZERO), 0.0);
    }
}
