//! `dateline delete`: articles out of the index, by id or source.

use super::Outcome;
use crate::cli::DeleteArgs;
use crate::index::delete::delete;
use std::io::Write;

pub fn run(args: &DeleteArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let deleted = delete(&args.index.dir, &args.ids, &args.source)?;
    writeln!(
        out,
        "deleted {} articles ({} passages)",
        deleted.articles, deleted.passages
    )?;
    if deleted.articles == 0 {
        eprintln!("error: no article has these ids or sources");
        return Ok(Outcome::Partial);
    }
    Ok(Outcome::Success)
}
