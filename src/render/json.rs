//! JSON output: one hit per line for search, one object for counts and summaries.

use crate::article::EntityKind;
use crate::facets::Counts;
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
pub fn counts(out: &mut dyn Write, counts: &Counts, top: usize) -> io::Result<()> {
    let mut object = serde_json::Map::new();
    object.insert("articles".into(), counts.articles.into());
    for kind in EntityKind::ALL {
        let list = serde_json::to_value(counts.top_entities(kind, top))?;
        object.insert(kind.as_str().into(), list);
    }
    object.insert(
        "sources".into(),
        serde_json::to_value(counts.top_sources(top))?,
    );
    line(out, &object)
}
