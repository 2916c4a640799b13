//! The `dateline` binary: parse arguments, run a command, map the result to an
//! exit status. Everything else lives in the library.

use clap::Parser;
use dateline::cli::{Cli, Command};
use dateline::commands::{self, Outcome};
use dateline::query::QueryError;
use std::io::Write;
use std::process::ExitCode;

/// Indexing allocates many short-lived strings and vectors per article; mimalloc
/// serves them faster than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let level = match cli.verbose {
        0 => log::LevelFilter::Warn,
        1 => log::LevelFilter::Info,
        _ => log::LevelFilter::Debug,
    };
    env_logger::Builder::new()
        .filter_module("dateline", level)
        .filter_level(log::LevelFilter::Error)
        .init();
    match run(&cli.command) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) if err.downcast_ref::<QueryError>().is_some() => {
            eprintln!("dateline: {err}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("dateline: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(command: &Command) -> anyhow::Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match command {
        Command::Index(args) => commands::index::run(args, &mut out),
        Command::Search(args) => commands::search::run(args, &mut out),
        Command::Entities(args) => commands::entities::run(args, &mut out),
        Command::Stats(args) => commands::stats::run(args, &mut out),
        Command::Show(args) => commands::show::run(args, &mut out),
        Command::Delete(args) => commands::delete::run(args, &mut out),
        Command::Ner(command) => commands::ner::run(command, &mut out),
        Command::Bench(args) => commands::bench::run(args, &mut out),
    }?;
    out.flush()?;
    Ok(outcome)
}

/// Output cut short by the reader (`dateline search x | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
