//! Ranking passages into hits and cutting their snippets.

pub mod collector;
pub mod snippet;

pub use collector::{ArticleKeys, Candidate, SortBy, TopArticles};
pub use snippet::{Highlighter, Snippet};
