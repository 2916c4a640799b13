//! `dateline ner train | eval | tag`.

use super::Outcome;
use crate::cli::{EvalMode, NerClustersArgs, NerCommand, NerEvalArgs, NerTagArgs, NerTrainArgs};
use crate::ner::eval::{DocumentText, Evaluation};
use crate::ner::{clusters, conll, file, gazetteer::Gazetteer, train};
use anyhow::Context;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::time::Instant;

pub fn run(command: &NerCommand, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match command {
        NerCommand::Train(args) => run_train(args, out),
        NerCommand::Eval(args) => run_eval(args, out),
        NerCommand::Tag(args) => run_tag(args, out),
        NerCommand::Clusters(args) => run_clusters(args, out),
    }
}

fn run_clusters(args: &NerClustersArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    anyhow::ensure!(
        args.classes >= 2 && args.classes <= usize::from(u16::MAX) && args.coarse >= 1,
        "--classes must be between 2 and 65535, and --coarse at least 1"
    );
    let started = Instant::now();
    // On a terminal, a spinner says which file or pass it is at.
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    let mut corpus = clusters::Corpus::default();
    let crate::ingest::Discovered { files, errors, .. } = crate::ingest::discover(&args.inputs);
    if let Some(error) = errors.first() {
        anyhow::bail!("{error}");
    }
    // The source and date matter nothing here, but formats without them need them.
    let options = crate::ingest::IngestOptions {
        source: Some("unlabelled".to_string()),
        ..Default::default()
    };
    for file in &files {
        spinner.set_message(format!("reading {}", file.path.display()));
        for article in crate::ingest::articles(file, &options) {
            for text in [&article.title, &article.body] {
                let tokenized = crate::ner::tokenize::sentences(text);
                for sentence in &tokenized.sentences {
                    let tokens = &tokenized.tokens[sentence.clone()];
                    corpus.add_sentence(tokens.iter().map(|r| &text[r.clone()]));
                }
            }
        }
    }
    for path in &args.conll {
        for doc in conll::read(path)? {
            for sentence in &doc {
                corpus.add_sentence(sentence.tokens.iter().map(String::as_str));
            }
        }
    }
    let settings = clusters::Settings {
        classes: args.classes,
        coarse: args.coarse,
        min_count: args.min_count,
        iterations: args.iterations,
    };
    let learnt = corpus.learn(&settings, &mut |line| {
        log::info!("{line}");
        spinner.set_message(line);
    });
    spinner.finish_and_clear();
    clusters::save(&learnt, &args.out)?;
    writeln!(
        out,
        "{} words of {} tokens in {} classes, {} coarse, in {:.1} s; written to {}",
        learnt.words().len(),
        corpus.tokens(),
        args.classes,
        args.coarse,
        started.elapsed().as_secs_f64(),
        args.out.display()
    )?;
    Ok(Outcome::Success)
}

fn run_train(args: &NerTrainArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let docs = conll::read(&args.train)?;
    let gazetteer = match &args.gazetteers {
        Some(dir) => crate::ner::gazetteer::load_dir(dir)?,
        None => Gazetteer::default(),
    };
    anyhow::ensure!(
        (0.0..=1.0).contains(&args.open_share),
        "--open-share must be between 0 and 1, not {}",
        args.open_share
    );
    let settings = train::Settings {
        bits: args.bits,
        epochs: args.epochs,
        seed: args.seed,
        two_pass: !args.one_pass,
        open_share: (!args.score_every_token).then_some(args.open_share),
    };
    let clusters = match &args.clusters {
        Some(path) => clusters::load(path)?,
        None => clusters::Clusters::default(),
    };
    let tagger = train::train(&docs, gazetteer, clusters, &settings, &mut |line| {
        log::info!("{line}")
    });
    file::save(&tagger, &args.out)?;
    writeln!(
        out,
        "trained on {} documents in {:.1} s; model written to {}",
        docs.len(),
        started.elapsed().as_secs_f64(),
        args.out.display()
    )?;
    if let Some(dev) = &args.dev {
        let evaluation = train::evaluate(&tagger, &conll::read(dev)?);
        write!(out, "{}", evaluation.table())?;
    }
    Ok(Outcome::Success)
}

fn run_eval(args: &NerEvalArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let tagger = crate::ner::load(args.model.as_deref())?;
    let docs = conll::read(&args.file)?;
    let evaluation = match args.mode {
        EvalMode::Tokens => train::evaluate(&tagger, &docs),
        mode => {
            let mut evaluation = Evaluation::default();
            for doc in &docs {
                let text = DocumentText::of(doc);
                let found = match mode {
                    EvalMode::Mended => crate::entities::found_mended(&tagger, &text.text),
                    _ => crate::ner::find(&tagger, &[&text.text])
                        .0
                        .pop()
                        .unwrap_or_default(),
                };
                evaluation.add_mentions(doc, &text, &found);
            }
            evaluation
        }
    };
    if args.json {
        crate::render::json::line(out, &evaluation)?;
    } else {
        write!(out, "{}", evaluation.table())?;
    }
    Ok(Outcome::Success)
}

/// One entity in `ner tag` output.
#[derive(serde::Serialize)]
struct TaggedEntity<'a> {
    kind: crate::article::EntityKind,
    text: &'a str,
    start: usize,
    end: usize,
}

/// Plain text is one input; JSON Lines give one input per line (`text` field).
fn run_tag(args: &NerTagArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let tagger = crate::ner::load(args.model.as_deref())?;
    let (name, mut input): (String, Box<dyn BufRead>) = match &args.file {
        Some(path) => (
            path.display().to_string(),
            Box::new(BufReader::new(
                File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
            )),
        ),
        None => ("stdin".to_string(), Box::new(std::io::stdin().lock())),
    };
    let tag =
        |text: &str, id: Option<serde_json::Value>, out: &mut dyn Write| -> anyhow::Result<()> {
            let mentions = match args.raw {
                true => crate::ner::find(&tagger, &[text])
                    .0
                    .pop()
                    .unwrap_or_default(),
                false => crate::entities::found_mended(&tagger, text),
            };
            let entities: Vec<TaggedEntity> = mentions
                .iter()
                .map(|m| TaggedEntity {
                    kind: m.kind,
                    text: &text[m.range.clone()],
                    start: m.range.start,
                    end: m.range.end,
                })
                .collect();
            let mut line = serde_json::json!({ "entities": entities });
            if let Some(id) = id {
                line["id"] = id;
            }
            crate::render::json::line(out, &line)?;
            Ok(())
        };
    let cannot_read = || format!("cannot read {name}");
    let head = input.fill_buf().with_context(cannot_read)?;
    if head.trim_ascii_start().first() != Some(&b'{') {
        let mut text = String::new();
        input.read_to_string(&mut text).with_context(cannot_read)?;
        tag(&text, None, out)?;
        return Ok(Outcome::Success);
    }
    // JSON Lines are tagged as they come, so output follows input down a pipe.
    let mut outcome = Outcome::Success;
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(cannot_read)?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = match serde_json::from_str(&line) {
            Ok(record) => record,
            Err(err) => {
                eprintln!("error: {name}:{}: invalid JSON: {err}", n + 1);
                outcome = Outcome::Partial;
                continue;
            }
        };
        let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
            eprintln!("error: {name}:{}: missing text", n + 1);
            outcome = Outcome::Partial;
            continue;
        };
        tag(text, record.get("id").cloned(), out)?;
        out.flush()?;
    }
    Ok(outcome)
}
