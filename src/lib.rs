//! dateline: full-text search for news articles.
//!
//! Articles are read from plain text, JSON Lines, CSV, Reuters SGML or SemEval XML
//! ([`ingest`]), split into passages ([`text`]), tagged with entities
//! ([`entities`]) and indexed with tantivy one document per passage ([`index`],
//! [`pipeline`]). Searches ([`search`]) parse our own query language ([`query`]),
//! rank the best passage of each article and cut highlighted snippets ([`rank`]);
//! [`facets`] counts entities and sources over matching articles.
//!
//! ```
//! use dateline::{entities, ingest::IngestOptions, pipeline, search};
//! let dir = tempfile::tempdir()?;
//! let article = dir.path().join("a.txt");
//! std::fs::write(&article, "Daily Planet\nDate: 2024-10-31\nOil prices fall\n\nOil prices fell sharply on Thursday.")?;
//! let config = pipeline::IndexConfig {
//!     index_dir: dir.path().join("index"),
//!     inputs: vec![article],
//!     ingest: IngestOptions::default(),
//!     threads: 1,
//!     memory_bytes: 50_000_000,
//!     entities: entities::Stage::standard()?,
//!     limits: Default::default(),
//!     repeat: 1,
//!     skip_unchanged: None,
//! };
//! let stats = pipeline::run(&config, &mut pipeline::Quiet)?;
//! assert_eq!(stats.articles, 1);
//!
//! let engine = search::Engine::new(dateline::index::open_existing(&config.index_dir)?)?;
//! let results = engine.search(&search::SearchRequest {
//!     query: "\"oil price\"".into(),
//!     filters: Default::default(),
//!     passages: false,
//!     sort: Default::default(),
//!     limit: 10,
//!     offset: 0,
//!     snippet_bytes: 300,
//!     copies: false,
//! })?;
//! let snippet = &results.hits[0].snippet;
//! assert_eq!(snippet.text, "Oil prices fell sharply on Thursday.");
//! assert_eq!(snippet.highlights, vec![[0, 10]]);
//! # Ok::<(), anyhow::Error>(())
//! ```

pub mod article;
pub mod bench;
pub mod cli;
pub mod commands;
pub mod cpu;
pub mod entities;
pub mod facets;
pub mod fold;
pub mod hashed;
pub mod index;
pub mod ingest;
pub mod ner;
pub mod pipeline;
pub mod query;
pub mod rank;
pub mod render;
pub mod search;
pub mod stats;
pub mod text;
