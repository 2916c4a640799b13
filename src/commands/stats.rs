//! `dateline stats`.

use super::{open_engine, Outcome};
use crate::cli::StatsArgs;
use crate::facets::{ArticleCounts, IndexStats};
use crate::render::{json, text};
use std::io::Write;
use tantivy::query::AllQuery;

pub fn run(args: &StatsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let engine = open_engine(&args.index.dir)?;
    let counts = engine
        .reader()
        .searcher()
        .search(&AllQuery, &ArticleCounts)?;
    let stats = IndexStats::from_counts(&counts, folder_size(&args.index.dir)?);
    if args.json {
        json::line(out, &stats)?;
    } else {
        text::index_stats(out, &stats)?;
    }
    Ok(Outcome::Success)
}

fn folder_size(dir: &std::path::Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let meta = entry?.metadata()?;
        if meta.is_file() {
            total += meta.len();
        }
    }
    Ok(total)
}
