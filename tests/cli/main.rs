//! Integration tests: each runs the real `dateline` binary in a fresh temporary
//! folder. Grouped by feature.

mod bad_input;
mod bench;
mod corpora;
mod counts;
mod formats;
mod lifecycle;
mod ner;
mod search;
mod testenv;
