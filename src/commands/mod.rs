//! One file per subcommand: each unpacks its arguments into library types, runs,
//! and renders. No search or indexing logic lives here.

pub mod bench;
pub mod delete;
pub mod entities;
pub mod index;
pub mod ner;
pub mod search;
pub mod show;
pub mod stats;

use crate::cli::FilterArgs;
use crate::index::open_existing;
use crate::query::filters::{parse_day_bound, End};
use crate::query::{Filters, QueryError};
use crate::search::Engine;
use std::path::Path;

/// How a command ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// The command ran but something was rejected (exit 1).
    Partial,
}

impl FilterArgs {
    /// The filters, with dates checked.
    pub fn to_filters(&self) -> Result<Filters, QueryError> {
        Ok(Filters {
            entities: self.entity.clone(),
            persons: self.person.clone(),
            organisations: self.org.clone(),
            places: self.place.clone(),
            others: self.other.clone(),
            sources: self.source.clone(),
            since: self
                .since
                .as_deref()
                .map(|d| parse_day_bound(d, End::First, "--since"))
                .transpose()?,
            until: self
                .until
                .as_deref()
                .map(|d| parse_day_bound(d, End::Last, "--until"))
                .transpose()?,
        })
    }
}

fn open_engine(dir: &Path) -> anyhow::Result<Engine> {
    Ok(Engine::new(open_existing(dir)?)?)
}
