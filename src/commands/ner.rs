//! `dateline ner train | eval | tag`.

use super::Outcome;
use crate::cli::{NerCommand, NerEvalArgs, NerTrainArgs};
use crate::ner::{conll, file, gazetteer::Gazetteer, train};
use std::io::Write;
use std::time::Instant;

pub fn run(command: &NerCommand, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match command {
        NerCommand::Train(args) => run_train(args, out),
        NerCommand::Eval(args) => run_eval(args, out),
        NerCommand::Tag(_) => anyhow::bail!("not yet"),
    }
}

fn run_train(args: &NerTrainArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let docs = conll::read(&args.train)?;
    let gazetteer = match &args.gazetteers {
        Some(dir) => crate::ner::gazetteer::load_dir(dir)?,
        None => Gazetteer::default(),
    };
    let settings = train::Settings {
        bits: args.bits,
        epochs: args.epochs,
        seed: args.seed,
        two_pass: !args.one_pass,
    };
    let tagger = train::train(&docs, gazetteer, &settings, &mut |line| {
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
    let evaluation = train::evaluate(&tagger, &conll::read(&args.file)?);
    if args.json {
        crate::render::json::line(out, &evaluation)?;
    } else {
        write!(out, "{}", evaluation.table())?;
    }
    Ok(Outcome::Success)
}
