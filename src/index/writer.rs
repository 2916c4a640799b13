//! Writing articles as passage documents.
//!
//! An article's deletion (by id) and its passages go to tantivy as one batch, so a
//! re-indexed article replaces its earlier version and all its passages land in the
//! same segment, which lets per-article counts dedupe within a segment.

use super::schema::{article_key, Fields};
use super::store::Opened;
use crate::article::Article;
use crate::entities::Found;
use std::ops::Range;
use tantivy::indexer::UserOperation;
use tantivy::{IndexWriter, TantivyDocument, Term};

pub struct Writer {
    writer: IndexWriter,
    fields: Fields,
}

impl Writer {
    /// A writer with `threads` indexing threads sharing `memory_bytes` of buffer.
    pub fn new(opened: &Opened, threads: usize, memory_bytes: usize) -> tantivy::Result<Writer> {
        let writer = opened
            .index
            .writer_with_num_threads(threads.max(1), memory_bytes)?;
        Ok(Writer {
            writer,
            fields: opened.fields,
        })
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Replaces whatever the index holds under `id` with `docs`.
    pub fn replace(&self, id: &str, docs: Vec<TantivyDocument>) -> tantivy::Result<()> {
        let delete = UserOperation::Delete(Term::from_field_text(self.fields.id, id));
        let ops: Vec<_> = std::iter::once(delete)
            .chain(docs.into_iter().map(UserOperation::Add))
            .collect();
        self.writer.run(ops)?;
        Ok(())
    }

    /// Makes everything written visible, atomically, and waits for merges.
    pub fn commit(mut self) -> tantivy::Result<()> {
        self.writer.commit()?;
        self.writer.wait_merging_threads()
    }
}

/// One document per passage, each carrying the article's fields.
pub fn build_documents(
    fields: &Fields,
    article: &Article,
    passages: &[Range<usize>],
    found: &Found,
) -> Vec<TantivyDocument> {
    let aliases: Vec<String> = found
        .aliases
        .iter()
        .map(|a| super::schema::alias_value(a.kind, &a.name))
        .collect();
    let key = article_key(&article.id);
    let date = article
        .date
        .map(|d| tantivy::DateTime::from_timestamp_secs(d.timestamp()));
    passages
        .iter()
        .enumerate()
        .map(|(ordinal, range)| {
            let mut doc = TantivyDocument::new();
            doc.add_text(fields.id, &article.id);
            doc.add_u64(fields.article_key, key);
            doc.add_text(fields.source, &article.source);
            if let Some(date) = date {
                doc.add_date(fields.date, date);
            }
            doc.add_text(fields.title, &article.title);
            doc.add_text(fields.text, &article.body[range.clone()]);
            doc.add_u64(fields.ordinal, ordinal as u64);
            doc.add_u64(fields.start, range.start as u64);
            doc.add_u64(fields.end, range.end as u64);
            if let Some(url) = &article.url {
                doc.add_text(fields.url, url);
            }
            if let Some(category) = &article.category {
                doc.add_text(fields.category, category);
            }
            for entity in &found.entities {
                doc.add_text(fields.entity(entity.kind), &entity.name);
            }
            for alias in &aliases {
                doc.add_text(fields.alias, alias);
            }
            doc
        })
        .collect()
}
