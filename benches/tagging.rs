//! Entity tagging throughput in tokens per second: pre-tokenized CoNLL text
//! (features, two passes, Viterbi), and raw Reuters articles (tokenization and
//! sentence splitting included). Data comes from `DATELINE_DATA`, by default
//! `../shared/data`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::article::Article;
use dateline::entities;
use dateline::ingest::{self, IngestOptions};
use dateline::ner;
use std::path::PathBuf;

/// The binary's allocator (see `src/main.rs`), so that the figures are those of
/// the code as it runs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn data(rel: &str) -> PathBuf {
    std::env::var_os("DATELINE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
        .join(rel)
}

fn reuters_articles(limit: usize) -> Vec<Article> {
    let files = ingest::discover(&[data("reuters21578/reut2-000.sgm")]).files;
    let mut articles = ingest::articles(&files[0], &IngestOptions::default());
    articles.truncate(limit);
    articles
}

fn tagging(c: &mut Criterion) {
    let tagger = ner::builtin().expect("built-in model");
    let mut group = c.benchmark_group("ner");

    let docs = ner::conll::read(&data("conll2003/eng.testa")).expect("CoNLL dev file");
    let sentences: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.tokens.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let tokens: usize = docs.iter().flatten().map(|s| s.tokens.len()).sum();
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag pre-tokenized CoNLL dev", |b| {
        let mut ws = ner::tagger::Workspace::default();
        b.iter(|| {
            for doc in &sentences {
                std::hint::black_box(tagger.tag_document(doc, &mut ws));
            }
        })
    });

    let articles = reuters_articles(300);
    let tokens: usize = articles
        .iter()
        .map(|a| {
            [&a.title, &a.body]
                .iter()
                .map(|x| ner::tokenize::sentences(x).tokens.len())
                .sum::<usize>()
        })
        .sum();
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tokenize and tag Reuters articles", |b| {
        b.iter(|| {
            for a in &articles {
                std::hint::black_box(ner::find(tagger, &[&a.title, &a.body]));
            }
        })
    });
    let stage = entities::Stage::standard().expect("built-in model");
    let model = std::fs::read(ner::DEFAULT_MODEL_PATH).expect("models/ner.model");
    group.throughput(Throughput::Bytes(model.len() as u64));
    group.bench_function("load the model file", |b| {
        b.iter(|| std::hint::black_box(ner::file::from_gzip(&model).expect("model")))
    });
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("entity stage on Reuters articles (tag, link, merge)", |b| {
        b.iter(|| {
            for a in &articles {
                std::hint::black_box(stage.run(a));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, tagging);
criterion_main!(benches);
