//! JSON output: one hit per line for search, one object for counts and summaries.

use crate::article::EntityKind;
use crate::facets::{Counts, List};
use crate::search::Hit;
use serde::Serialize;
use std::io::{self, Write};

/// One JSON line per hit.
pub fn hits(out: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    for hit in hits {
        serde_json::to_writer(&mut *out, hit)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Any serializable value as one line.
pub fn line(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Top entities per kind and top sources, as one object.
pub fn counts(out: &mut dyn Write, counts: &Counts, top: usize, lists: &[List]) -> io::Result<()> {
    let mut object = serde_json::Map::new();
    object.insert("articles".into(), counts.articles.into());
    object.insert("copies".into(), counts.copies.into());
    for &list in lists {
        let key = list.kind().map_or("sources", EntityKind::as_str);
        object.insert(key.into(), serde_json::to_value(counts.top(list, top))?);
    }
    line(out, &object)
}
