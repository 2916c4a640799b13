//! Text shaping between reading and indexing: boilerplate removal and the split of
//! bodies into passages, the unit of ranking and of snippets.

pub mod clean;
pub mod passages;
pub mod sentences;

/// Words as a person counts them: runs of non-white-space.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
