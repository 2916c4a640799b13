//! Deleting articles by id or by source.

use super::schema::{keyword_term, KEYWORD_TOKENIZER};
use super::{open_existing, Writer};
use serde::Serialize;
use std::path::Path;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

/// What a deletion removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deleted {
    pub articles: usize,
    pub passages: usize,
}

/// Deletes the articles of the index in `dir` that have one of `ids`, or come
/// from one of `sources` (matched as `--source` matches them), and commits.
pub fn delete(dir: &Path, ids: &[String], sources: &[String]) -> anyhow::Result<Deleted> {
    let opened = open_existing(dir)?;
    let fields = opened.fields;
    let mut keyword = (opened.index.tokenizers())
        .get(KEYWORD_TOKENIZER)
        .expect("registered at open");
    let terms: Vec<Term> = (ids.iter())
        .map(|id| Term::from_field_text(fields.id, id))
        .chain(sources.iter().map(|source| {
            Term::from_field_text(fields.source, &keyword_term(&mut keyword, source))
        }))
        .collect();
    let query =
        |term: Term| -> Box<dyn Query> { Box::new(TermQuery::new(term, IndexRecordOption::Basic)) };
    let any = BooleanQuery::new(
        terms
            .iter()
            .map(|t| (Occur::Should, query(t.clone())))
            .collect(),
    );
    // Every article has one lead passage, its passage 0.
    let leads = BooleanQuery::new(vec![
        (Occur::Must, Box::new(any.clone()) as Box<dyn Query>),
        (Occur::Must, query(Term::from_field_u64(fields.ordinal, 0))),
    ]);
    let searcher = opened.index.reader()?.searcher();
    let deleted = Deleted {
        articles: searcher.search(&leads, &Count)?,
        passages: searcher.search(&any, &Count)?,
    };
    if deleted.passages > 0 {
        let writer = Writer::start(&opened, dir, 1, 15_000_000)?;
        for term in terms {
            writer.delete(term);
        }
        writer.commit()?;
    }
    Ok(deleted)
}
