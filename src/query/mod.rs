//! From what the user typed to a tantivy query: the query language ([`parse`](mod@parse)),
//! the filters given as options ([`filters`]) and their translation ([`build`]),
//! where entity filters match whole articles ([`articles`]).

pub mod articles;
pub mod build;
pub mod filters;
pub mod parse;

pub use build::{ArticleSet, Mention, Plan, QueryBuilder};
pub use filters::Filters;
pub use parse::{parse, Node, QueryError, QueryField};
