//! Writing articles as passage documents.
//!
//! An article's passages go to tantivy as one batch, so they land in the same
//! segment, which lets per-article counts dedupe within a segment. An article that
//! may have an earlier version gets its deletion (by id) at the head of the batch,
//! so it replaces that version. Other articles get no deletion: tantivy keeps
//! every deletion of a run in memory until the commit.

use super::document::Passage;
use super::schema::Fields;
use super::store::Opened;
use anyhow::Context;
use std::path::Path;
use tantivy::directory::error::LockError;
use tantivy::indexer::UserOperation;
use tantivy::{IndexWriter, ReloadPolicy, Searcher, TantivyError, Term};

pub struct Writer {
    writer: IndexWriter<Passage>,
    fields: Fields,
    /// The index as committed when writing began, unless it held nothing.
    committed: Option<Searcher>,
}

impl Writer {
    /// [`Writer::new`] for the index in `dir`, with a plain message when another
    /// process is writing to it.
    pub fn start(
        opened: &Opened,
        dir: &Path,
        threads: usize,
        memory_bytes: usize,
    ) -> anyhow::Result<Writer> {
        match Writer::new(opened, threads, memory_bytes) {
            Err(TantivyError::LockFailure(LockError::LockBusy, _)) => anyhow::bail!(
                "another process is writing to the index in {}; run again when it has finished",
                dir.display()
            ),
            other => other.context("cannot start the index writer"),
        }
    }

    /// A writer with `threads` indexing threads sharing `memory_bytes` of buffer.
    pub fn new(opened: &Opened, threads: usize, memory_bytes: usize) -> tantivy::Result<Writer> {
        let writer = opened
            .index
            .writer_with_num_threads(threads.max(1), memory_bytes)?;
        let searcher = opened
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?
            .searcher();
        Ok(Writer {
            writer,
            fields: opened.fields,
            committed: (searcher.num_docs() > 0).then_some(searcher),
        })
    }

    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Writes the passages of article `id`, replacing what the index holds under
    /// `id`: what it held when writing began, and with `repeated`, an earlier
    /// copy written in this run.
    pub fn replace(&self, id: &str, docs: Vec<Passage>, repeated: bool) -> tantivy::Result<()> {
        let term = Term::from_field_text(self.fields.id, id);
        let held = match &self.committed {
            Some(searcher) => searcher.doc_freq(&term)? > 0,
            None => false,
        };
        let delete = (repeated || held).then_some(UserOperation::Delete(term));
        let ops: Vec<_> = delete
            .into_iter()
            .chain(docs.into_iter().map(UserOperation::Add))
            .collect();
        self.writer.run(ops)?;
        Ok(())
    }

    /// Deletes every passage with `term`, at the commit.
    pub fn delete(&self, term: Term) {
        self.writer.delete_term(term);
    }

    /// Makes everything written visible, atomically, and waits for merges.
    pub fn commit(self) -> tantivy::Result<()> {
        self.commit_with(|| {})
    }

    /// [`Writer::commit`], calling `indexed` once every document is in a
    /// segment written to disk, before the segments are committed.
    pub fn commit_with(mut self, indexed: impl FnOnce()) -> tantivy::Result<()> {
        let prepared = self.writer.prepare_commit()?;
        indexed();
        prepared.commit()?;
        self.writer.wait_merging_threads()
    }
}
