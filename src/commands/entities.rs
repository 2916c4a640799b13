//! `dateline entities`.

use super::{open_engine, Outcome};
use crate::cli::EntitiesArgs;
use crate::facets::{ArticleCounts, List};
use crate::render::{json, text};
use std::io::Write;

pub fn run(args: &EntitiesArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let filters = args.filters.to_filters()?;
    let engine = open_engine(&args.index.dir)?;
    let query = args.query.join(" ");
    let (_, plan) = engine.plan(&query, &filters)?;
    let collector = match args.copies {
        true => ArticleCounts::of_articles(),
        false => ArticleCounts::of_stories(),
    };
    let mut counts = engine.collect(&plan, collector)?;
    engine.join_names(&mut counts);
    let lists = match args.lists.as_slice() {
        [] => &List::ALL[..],
        lists => lists,
    };
    if args.json {
        json::counts(out, &counts, args.top, lists)?;
    } else {
        text::counts(out, &counts, args.top, lists)?;
        if counts.articles == 0 {
            text::unheld_words(out, &engine.unheld_words(&query)?)?;
        }
    }
    Ok(Outcome::Success)
}
