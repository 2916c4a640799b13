//! `dateline stats`.

use super::{open_engine, Outcome};
use crate::cli::StatsArgs;
use crate::facets::{ArticleCounts, IndexStats};
use crate::render::{json, text};
use std::io::Write;
use tantivy::query::AllQuery;

pub fn run(args: &StatsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let engine = open_engine(&args.index.dir)?;
    let mut counts = engine
        .reader()
        .searcher()
        .search(&AllQuery, &ArticleCounts::of_articles())?;
    // The people as `dateline entities` lists them.
    engine.join_names(&mut counts);
    let stats =
        IndexStats::from_counts(&counts, crate::index::store::size_on_disk(&args.index.dir)?);
    if args.json {
        json::line(out, &stats)?;
    } else {
        text::index_stats(out, &stats)?;
    }
    Ok(Outcome::Success)
}
