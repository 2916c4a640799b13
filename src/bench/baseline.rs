//! The baseline every run is compared with: plain tantivy, one document per
//! article, title and body only, the default tokenizer, no passages, no entities,
//! the same threads and memory budget, the same articles read by the same readers.

use crate::ingest::{self, Event, IngestOptions, InputFile};
use crate::pipeline::{repeat_id, rounds};
use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};
use tantivy::schema::{Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument};

/// What the baseline indexed, and how long it took.
pub struct Baseline {
    pub articles: usize,
    pub time: Duration,
}

pub fn run(
    files: &[InputFile],
    options: &IngestOptions,
    repeat: usize,
    dir: &Path,
    threads: usize,
    memory_bytes: usize,
) -> anyhow::Result<Baseline> {
    let started = Instant::now();
    let mut schema = Schema::builder();
    let title = schema.add_text_field("title", TEXT);
    let body = schema.add_text_field("body", TEXT);
    let index = Index::create_in_dir(dir, schema.build())?;
    let mut writer: IndexWriter = index.writer_with_num_threads(threads.max(1), memory_bytes)?;
    let mut articles = 0;
    let mut failure = None;
    for (round, file) in rounds(files, repeat) {
        ingest::read_file(file, options, &Cell::default(), &mut |event| {
            if let Event::Article(mut article) = event {
                repeat_id(&mut article, round);
                let mut doc = TantivyDocument::new();
                doc.add_text(title, &article.title);
                doc.add_text(body, &article.body);
                if let Err(err) = writer.add_document(doc) {
                    failure.get_or_insert(err);
                }
                articles += 1;
            }
        });
    }
    if let Some(err) = failure {
        return Err(err.into());
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(Baseline {
        articles,
        time: started.elapsed(),
    })
}
