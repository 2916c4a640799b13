//! `dateline search`.

use super::{open_engine, Outcome};
use crate::cli::SearchArgs;
use crate::rank::collector::SortBy;
use crate::render::{json, text};
use crate::search::SearchRequest;
use std::io::Write;

pub fn run(args: &SearchArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let query = args.query.join(" ");
    // Hits that filters alone match score only for the entities they name:
    // newest first tells more. A query that does not parse gets its error from
    // the search.
    let scores = crate::query::parse(&query).map_or(true, |node| node.is_some_and(|n| n.scores()));
    let request = SearchRequest {
        sort: args
            .sort
            .unwrap_or(if scores { SortBy::Score } else { SortBy::Date }),
        query,
        filters: args.filters.to_filters()?,
        passages: args.passages,
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
        if results.total == 0 {
            text::unheld_words(out, &engine.unheld_words(&request.query)?)?;
        }
    }
    Ok(Outcome::Success)
}
