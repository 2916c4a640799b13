//! Query latency: a file of search lines, run several times over a built index.
//!
//! A line holds what `dateline search` takes, quoted as in a shell: words, phrases
//! in single quotes (`'"crude oil"'`) and filter options (`oil prices --org OPEC`). Lines are grouped by kind: phrases, an entity filter,
//! a date filter, fuzzy words (`opec~`), or plain keywords; the query's own fields count as the
//! options do (`'troops place:iraq'` has an entity filter, `'oil date:1987-03'`
//! a date filter). Every query runs as `search` runs it, snippets
//! and highlights included. Keywords also run without snippets, which shows what
//! snippets cost.
//!
//! A corpus read `--repeat` times holds every story as many times, under fresh
//! ids: queries then list the copies as hits of their own (as `search --copies`
//! does), so that the scale, not the copies, is measured. Keywords also run
//! folding them, as `search` does by default: the worst case of folding.

use crate::cli::FilterArgs;
use crate::query::parse::{Node, QueryField};
use crate::rank::{SortBy, TopArticles};
use crate::search::{Engine, SearchRequest};
use anyhow::Context;
use clap::Parser;
use serde::Serialize;
use std::time::{Duration, Instant};

/// The default query set, 58 news queries.
pub const DEFAULT_QUERIES: &str = include_str!("../../benches/queries.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Keywords,
    Phrases,
    EntityFilter,
    DateFilter,
    /// Words that also match other spellings (`volker~`).
    FuzzyWords,
    /// Keywords, top ten by score only: no stored fields, no snippets.
    KeywordsWithoutSnippets,
    /// Keywords over a repeated corpus, with its copies folded.
    KeywordsFoldingCopies,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Keywords => "keywords",
            Kind::Phrases => "phrases",
            Kind::EntityFilter => "entity filter",
            Kind::DateFilter => "date filter",
            Kind::FuzzyWords => "fuzzy words",
            Kind::KeywordsWithoutSnippets => "keywords, no snippets",
            Kind::KeywordsFoldingCopies => "keywords, copies folded",
        }
    }
}

/// One query line, parsed.
#[derive(Debug, Clone)]
pub struct BenchQuery {
    pub line: String,
    pub kind: Kind,
    pub request: SearchRequest,
}

#[derive(Parser)]
#[command(no_binary_name = true)]
struct Line {
    query: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
}

/// Parses a query file: one query per line, `#` comments.
pub fn parse(text: &str, origin: &str) -> anyhow::Result<Vec<BenchQuery>> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words =
            shlex::split(line).with_context(|| format!("{origin}:{}: unbalanced quotes", n + 1))?;
        let parsed = Line::try_parse_from(words)
            .map_err(|e| anyhow::anyhow!("{origin}:{}: {}", n + 1, e.kind()))?;
        let query = parsed.query.join(" ");
        let f = &parsed.filters;
        // The query's own fields count as the options do.
        let node =
            crate::query::parse::parse(&query).with_context(|| format!("{origin}:{}", n + 1))?;
        let names = |field: &dyn Fn(QueryField) -> bool| {
            node.as_ref().is_some_and(|node| node.names_field(&field))
        };
        let kind = if !(f.entity.is_empty()
            && f.person.is_empty()
            && f.org.is_empty()
            && f.place.is_empty()
            && f.other.is_empty())
            || names(&|field| matches!(field, QueryField::Entity(_)))
        {
            Kind::EntityFilter
        } else if f.since.is_some()
            || f.until.is_some()
            || names(&|field| field == QueryField::Date)
        {
            Kind::DateFilter
        } else if node.as_ref().is_some_and(Node::has_fuzzy) {
            Kind::FuzzyWords
        } else if query.contains('"') {
            Kind::Phrases
        } else {
            Kind::Keywords
        };
        let filters = f
            .to_filters()
            .with_context(|| format!("{origin}:{}", n + 1))?;
        out.push(BenchQuery {
            line: line.to_string(),
            kind,
            request: SearchRequest {
                query,
                filters,
                passages: false,
                sort: SortBy::Score,
                limit: 10,
                offset: 0,
                snippet_bytes: 320,
                copies: false,
            },
        });
    }
    anyhow::ensure!(!out.is_empty(), "{origin}: no queries");
    Ok(out)
}

/// Latency figures of one kind of query.
#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    pub kind: Kind,
    pub queries: usize,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub queries_per_sec: f64,
}

/// Runs every query `rounds` times (after one warm-up) and summarises by kind.
/// `repeated` says that the index holds each story several times.
pub fn measure(
    engine: &Engine,
    queries: &[BenchQuery],
    rounds: usize,
    repeated: bool,
) -> anyhow::Result<Vec<Latency>> {
    let mut times: Vec<(Kind, Duration)> = Vec::new();
    for round in 0..=rounds {
        for query in queries {
            let time = |copies: bool| -> anyhow::Result<Duration> {
                let request = SearchRequest {
                    copies,
                    ..query.request.clone()
                };
                let start = Instant::now();
                engine.search(&request)?;
                Ok(start.elapsed())
            };
            let full = time(repeated)?;
            let folded = match query.kind {
                Kind::Keywords if repeated => Some(time(false)?),
                _ => None,
            };
            let bare = if query.kind == Kind::Keywords {
                let start = Instant::now();
                let (_, plan) = engine.plan(&query.request.query, &query.request.filters)?;
                let collector = TopArticles {
                    limit: 10,
                    group: true,
                    sort: SortBy::Score,
                };
                engine.collect(&plan, collector)?;
                Some(start.elapsed())
            } else {
                None
            };
            if round > 0 {
                times.push((query.kind, full));
                times.extend(bare.map(|t| (Kind::KeywordsWithoutSnippets, t)));
                times.extend(folded.map(|t| (Kind::KeywordsFoldingCopies, t)));
            }
        }
    }
    let mut kinds: Vec<Kind> = times.iter().map(|(k, _)| *k).collect();
    kinds.sort();
    kinds.dedup();
    Ok(kinds
        .into_iter()
        .map(|kind| {
            let mut ms: Vec<f64> = times
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, t)| t.as_secs_f64() * 1e3)
                .collect();
            ms.sort_by(f64::total_cmp);
            let total: f64 = ms.iter().sum();
            let distinct = queries
                .iter()
                .filter(|q| match kind {
                    Kind::KeywordsWithoutSnippets | Kind::KeywordsFoldingCopies => {
                        q.kind == Kind::Keywords
                    }
                    _ => q.kind == kind,
                })
                .count();
            Latency {
                kind,
                queries: distinct,
                runs: ms.len(),
                p50_ms: percentile(&ms, 0.50),
                p95_ms: percentile(&ms, 0.95),
                p99_ms: percentile(&ms, 0.99),
                queries_per_sec: ms.len() as f64 / (total / 1e3).max(f64::EPSILON),
            }
        })
        .collect())
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_grouped_by_kind() {
        let queries = parse(
            "# comment\noil prices\n'\"crude oil\"'\nopec --org OPEC\ngrain --since 1987-03-01 --until 1987-03-31\n\
             'troops -place:iraq'\n'oil date:1987-03'\n",
            "q.txt",
        )
        .unwrap();
        let kinds: Vec<Kind> = queries.iter().map(|q| q.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Keywords,
                Kind::Phrases,
                Kind::EntityFilter,
                Kind::DateFilter,
                Kind::EntityFilter,
                Kind::DateFilter
            ]
        );
        assert_eq!(queries[1].request.query, "\"crude oil\"");
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err = parse("oil\n--since\n", "q.txt").unwrap_err().to_string();
        assert!(err.starts_with("q.txt:2:"), "{err}");
    }

    #[test]
    fn the_default_set_parses_with_every_kind() {
        let queries = parse(DEFAULT_QUERIES, "default").unwrap();
        assert!(queries.len() >= 45, "{}", queries.len());
        for kind in [
            Kind::Keywords,
            Kind::Phrases,
            Kind::EntityFilter,
            Kind::DateFilter,
        ] {
            assert!(
                queries.iter().filter(|q| q.kind == kind).count() >= 5,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn percentiles_use_nearest_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 50.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
        assert_eq!(percentile(&[3.0], 0.95), 3.0);
    }
}
