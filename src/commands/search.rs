//! `dateline search`.

use super::{open_engine, Outcome};
use crate::cli::SearchArgs;
use crate::render::{json, text};
use crate::search::SearchRequest;
use std::io::Write;

pub fn run(args: &SearchArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let request = SearchRequest {
        query: args.query.join(" "),
        filters: args.filters.to_filters()?,
        passages: args.passages,
        sort: args.sort,
        limit: args.limit,
        offset: args.offset,
        snippet_bytes: args.snippet_bytes,
        copies: args.copies,
    };
    let engine = open_engine(&args.index.dir)?;
    let results = engine.search(&request)?;
    if args.json {
        json::hits(out, &results.hits)?;
    } else {
        text::hits(out, &results, text::Palette::new(args.color.enabled()))?;
    }
    Ok(Outcome::Success)
}
