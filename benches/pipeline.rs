//! Stages of the pipeline, each with throughput: passage splitting, document
//! building, indexing a fixed small corpus, and search with snippets for several
//! kinds of query. The corpus is Reuters-21578's first file, read from
//! `DATELINE_DATA` (by default `../shared/data`).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use dateline::article::Article;
use dateline::entities::Stage;
use dateline::index::document::build_documents;
use dateline::ingest::{self, IngestOptions};
use dateline::pipeline::{self, IndexConfig, Quiet};
use dateline::search::{Engine, SearchRequest};
use dateline::text::passages::{self, Limits};
use std::path::PathBuf;

/// The binary's allocator (see `src/main.rs`), so that the figures are those of
/// the code as it runs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> PathBuf {
    std::env::var_os("DATELINE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
        .join("reuters21578/reut2-000.sgm")
}

fn articles() -> Vec<Article> {
    let files = ingest::discover(&[corpus()]).files;
    ingest::articles(&files[0], &IngestOptions::default())
}

fn index_config(dir: PathBuf, entities: Stage) -> IndexConfig {
    IndexConfig {
        index_dir: dir,
        inputs: vec![corpus()],
        ingest: IngestOptions::default(),
        threads: 2,
        memory_bytes: 100_000_000,
        entities,
        limits: Limits::default(),
        repeat: 1,
        skip_unchanged: None,
    }
}

fn stages(c: &mut Criterion) {
    let articles = articles();
    let body_bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(body_bytes as u64));
    group.bench_function("split passages", |b| {
        b.iter(|| {
            for a in &articles {
                std::hint::black_box(passages::split(&a.body, Limits::default()));
            }
        })
    });

    let dir = tempfile::tempdir().unwrap();
    let opened = dateline::index::open_or_create(&dir.path().join("schema")).unwrap();
    let stage = Stage::metadata_only();
    let prepared: Vec<_> = articles
        .iter()
        .map(|a| {
            (
                a.clone(),
                passages::split(&a.body, Limits::default()),
                stage.run(a),
            )
        })
        .collect();
    let passage_count: usize = prepared.iter().map(|(_, p, _)| p.len()).sum();
    group.throughput(Throughput::Elements(passage_count as u64));
    group.bench_function("build documents (per passage)", |b| {
        b.iter_batched(
            || prepared.clone(),
            |prepared| {
                for (a, p, found) in prepared {
                    std::hint::black_box(build_documents(&opened.fields, a, &p, found));
                }
            },
            BatchSize::LargeInput,
        )
    });

    let file_bytes = std::fs::metadata(corpus()).unwrap().len();
    group.throughput(Throughput::Bytes(file_bytes));
    group.sample_size(10);
    group.bench_function("index reut2-000.sgm, no tagger, 2 threads", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |dir| {
                pipeline::run(
                    &index_config(dir.path().join("i"), Stage::metadata_only()),
                    &mut Quiet,
                )
                .unwrap()
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let config = index_config(dir.path().join("i"), Stage::standard().unwrap());
    pipeline::run(&config, &mut Quiet).unwrap();
    let engine = Engine::new(dateline::index::open_existing(&config.index_dir).unwrap()).unwrap();
    let mut group = c.benchmark_group("search with snippets");
    group.throughput(Throughput::Elements(1));
    for (name, query, filters) in [
        ("keywords", "oil prices", Default::default()),
        ("phrase", "\"oil prices\"", Default::default()),
        ("boolean", "(cocoa OR coffee) -brazil", Default::default()),
        ("fuzzy words", "petrolium~ exports", Default::default()),
        (
            "entity filter",
            "prices",
            dateline::query::Filters {
                organisations: vec!["OPEC".into()],
                ..Default::default()
            },
        ),
    ] {
        let request = SearchRequest {
            query: query.into(),
            filters,
            passages: false,
            sort: Default::default(),
            limit: 10,
            offset: 0,
            snippet_bytes: 320,
            copies: false,
        };
        group.bench_function(name, |b| {
            b.iter(|| std::hint::black_box(engine.search(&request).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, stages, search);
criterion_main!(benches);
