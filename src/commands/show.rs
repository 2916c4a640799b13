//! `dateline show`: one article in full.

use super::{open_engine, Outcome};
use crate::cli::ShowArgs;
use crate::render::{json, text};
use std::io::Write;

pub fn run(args: &ShowArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let engine = open_engine(&args.index.dir)?;
    let Some(article) = engine.article(&args.id)? else {
        anyhow::bail!(
            "no article with id {:?} in {}",
            args.id,
            args.index.dir.display()
        );
    };
    if args.json {
        json::line(out, &article)?;
    } else {
        text::article(out, &article)?;
    }
    Ok(Outcome::Success)
}
