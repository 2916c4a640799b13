//! The tantivy index: its schema (the only place field names are written), opening
//! and checking it, and writing articles into it as passage documents.

pub mod delete;
pub mod document;
pub mod filed;
pub mod inputs;
pub mod prose;
pub mod schema;
pub mod store;
pub mod writer;

pub use schema::Fields;
pub use store::{open_existing, open_or_create, IndexError, Opened};
pub use writer::Writer;
