//! The command line: one derive struct per subcommand. Doc comments are the help.

use crate::facets::List;
use crate::ingest::Format;
use crate::rank::SortBy;
use crate::render::ColorChoice;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Full-text search for news articles: ranked passages, highlighted snippets,
/// entity filters.
#[derive(Debug, Parser)]
#[command(name = "dateline", version)]
pub struct Cli {
    /// More log output on stderr (-v: info, -vv: debug).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index articles from files and folders (folders are walked recursively).
    Index(IndexArgs),
    /// Search the index: best passage of each article, with highlighted snippets.
    ///
    /// Of the articles an entity filter or field asks for, a passage that
    /// names the entity ranks higher, and the names are highlighted.
    Search(SearchArgs),
    /// Top entities of each kind and top sources among matching articles.
    Entities(EntitiesArgs),
    /// Articles, passages, sources, entities, date span and size of the index.
    Stats(StatsArgs),
    /// One article in full, by the id a search hit gives.
    Show(ShowArgs),
    /// Delete articles by id, or every article of a source.
    Delete(DeleteArgs),
    /// Measure indexing speed against a plain-tantivy baseline, and query latency.
    Bench(BenchArgs),
    /// The named-entity tagger: train, evaluate, tag text.
    #[command(subcommand)]
    Ner(NerCommand),
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Files or folders of articles.
    #[arg(required = true, value_name = "CORPUS")]
    pub paths: Vec<PathBuf>,
    /// Read the corpus this many times, with fresh ids after the first.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Thread counts to compare, e.g. 1,2 [default: number of cores].
    #[arg(long, value_delimiter = ',')]
    pub threads: Vec<usize>,
    /// Memory budget of every index writer, in MB.
    #[arg(long, default_value_t = 256)]
    pub memory_mb: usize,
    /// Query file, one `dateline search` line per query [default: the built-in set].
    #[arg(long)]
    pub queries: Option<PathBuf>,
    /// Indexing runs of each indexer at each thread count; the median is reported.
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// Timed runs of every query (after one warm-up).
    #[arg(long, default_value_t = 5)]
    pub query_rounds: usize,
    /// Keep the indexes in this folder.
    #[arg(long, value_name = "DIR")]
    pub keep: Option<PathBuf>,
    /// Format of the corpus files, instead of detecting it.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Source of articles whose input names none.
    #[arg(long)]
    pub source: Option<String>,
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
    /// Also draw the per-stage and thread-scaling throughput as an SVG chart.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum NerCommand {
    /// Train a tagger on CoNLL-2003 data and write the model file.
    Train(NerTrainArgs),
    /// Per-type precision, recall and F1 on a CoNLL file (IOB1 or IOB2).
    Eval(NerEvalArgs),
    /// Tag plain text (or JSON Lines with a `text` field): one JSON line per input.
    Tag(NerTagArgs),
    /// Learn word clusters from unlabelled articles, for `ner train --clusters`.
    Clusters(NerClustersArgs),
}

#[derive(Debug, Args)]
pub struct NerClustersArgs {
    /// Article files or folders, in any format `index` reads.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// CoNLL files whose words are added as unlabelled sentences.
    #[arg(long)]
    pub conll: Vec<PathBuf>,
    /// Where to write the clusters (word, fine class, coarse class per line).
    #[arg(long)]
    pub out: PathBuf,
    /// Fine classes.
    #[arg(long, default_value_t = 1024)]
    pub classes: usize,
    /// Coarse classes, each a group of fine ones.
    #[arg(long, default_value_t = 64)]
    pub coarse: usize,
    /// Words seen fewer times get no class.
    #[arg(long, default_value_t = 3)]
    pub min_count: u32,
    /// At most this many passes over the words.
    #[arg(long, default_value_t = 20)]
    pub iterations: usize,
}

#[derive(Debug, Args)]
pub struct NerTrainArgs {
    /// Training file in CoNLL format.
    #[arg(long, default_value = "../shared/data/conll2003/eng.train")]
    pub train: PathBuf,
    /// Development file, scored after training.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = crate::ner::DEFAULT_MODEL_PATH)]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 15)]
    pub epochs: usize,
    /// Weight table size as a power of two.
    #[arg(long, default_value_t = 17)]
    pub bits: u32,
    /// Seed of the shuffling; the same seed gives the same model.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Train only the local first pass.
    #[arg(long)]
    pub one_pass: bool,
    /// A word without a capital stays open (scored) if the training file has it
    /// inside a name, at least this share of the times it occurs; every other
    /// such word is labelled O without being scored.
    #[arg(long, default_value_t = 0.0)]
    pub open_share: f64,
    /// Score every token: no word is labelled O unscored.
    #[arg(long)]
    pub score_every_token: bool,
    /// Folder of gazetteer lists (`CATEGORY.txt`, one name per line).
    #[arg(long)]
    pub gazetteers: Option<PathBuf>,
    /// Word clusters written by `ner clusters`.
    #[arg(long)]
    pub clusters: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct NerEvalArgs {
    /// CoNLL file to score.
    pub file: PathBuf,
    /// Model file [default: the model built into the binary].
    #[arg(long, env = "DATELINE_MODEL")]
    pub model: Option<PathBuf>,
    /// What is scored: the tagger on the file's own tokens and sentences, or
    /// on each document's text as `index` reads an article (its own tokens and
    /// sentences), alone or with the rules that mend its names.
    #[arg(long, value_enum, default_value_t = EvalMode::Tokens)]
    pub mode: EvalMode,
    /// One JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// What `ner eval` scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalMode {
    /// The tagger on the file's tokens and sentences.
    Tokens,
    /// The tagger on each document's text, as `ner tag --raw` prints it.
    Text,
    /// The tagger on each document's text and the rules after it, as `ner
    /// tag` prints it.
    Mended,
}

#[derive(Debug, Args)]
pub struct NerTagArgs {
    /// Input file [default: stdin]: plain text, or JSON Lines with a `text` field.
    pub file: Option<PathBuf>,
    /// Print what the tagger alone finds, as `ner eval` scores it, without the
    /// rules that mend its mentions when an article is indexed.
    #[arg(long)]
    pub raw: bool,
    /// Model file [default: the model built into the binary].
    #[arg(long, env = "DATELINE_MODEL")]
    pub model: Option<PathBuf>,
}

/// Where the index lives.
#[derive(Debug, Args)]
pub struct IndexDir {
    /// Index folder.
    #[arg(
        long = "index",
        env = "DATELINE_INDEX",
        default_value = "index",
        value_name = "DIR"
    )]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders of articles; `-` is standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub index: IndexDir,
    /// Read every file in this format instead of detecting it.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Source (publisher) of articles whose input names none.
    #[arg(long)]
    pub source: Option<String>,
    /// Date of articles whose input has none (e.g. 2024-10-31).
    #[arg(long)]
    pub date: Option<String>,
    /// Indexing threads [default: number of cores].
    #[arg(long)]
    pub threads: Option<usize>,
    /// Memory budget of the index writer, in MB, shared by its threads.
    #[arg(long, default_value_t = 256)]
    pub memory_mb: usize,
    /// Skip the entity tagger; entities from the input's metadata are still indexed.
    #[arg(long)]
    pub no_entities: bool,
    /// Print the time spent in each stage after the summary.
    #[arg(long)]
    pub stats: bool,
    /// Read every file, even those the index holds unchanged since they were
    /// indexed with the same options.
    #[arg(long)]
    pub all: bool,
    /// The summary as one JSON object (problems still go to stderr).
    #[arg(long)]
    pub json: bool,
}

/// Filters shared by `search` and `entities`.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Articles mentioning this entity, of any kind (repeatable; all must match).
    #[arg(long, value_name = "NAME")]
    pub entity: Vec<String>,
    /// Articles mentioning this person (repeatable; all must match).
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Articles mentioning this organisation (repeatable; all must match).
    #[arg(long, value_name = "NAME", aliases = ["organisation", "organization"])]
    pub org: Vec<String>,
    /// Articles mentioning this place (repeatable; all must match).
    #[arg(long, value_name = "NAME", alias = "location")]
    pub place: Vec<String>,
    /// Articles mentioning this other named thing: an event, a nationality, a
    /// law, a work (repeatable; all must match).
    #[arg(long, value_name = "NAME")]
    pub other: Vec<String>,
    /// Articles from this source (repeatable; any may match).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    /// Articles dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Articles dated on or before this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words (all must match), "phrases" ("near words"~N), OR (tighter than
    /// AND: `troops kursk OR kharkiv`), -word, NOT, prefix*, word~N (spellings up to
    /// N edits away; word~ by its length: `zelensky~`), parentheses, and the
    /// fields title:, text:, source:, person:, org:, place:, other:, entity: before a
    /// word, phrase or (group), and date: before a day, month, year or span
    /// (`date:2024-10`, `date:2019..2020-06`). Several arguments are joined with
    /// spaces.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub index: IndexDir,
    /// List every matching passage, not only the best one of each article.
    #[arg(long)]
    pub passages: bool,
    /// Order of results [default: score, or date when no word of the query has a
    /// score, as with filters alone].
    #[arg(long, value_enum)]
    pub sort: Option<SortBy>,
    /// Number of results.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Results to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Longest snippet, in bytes.
    #[arg(long, default_value_t = 320)]
    pub snippet_bytes: usize,
    /// List copies of a story (the same title and passage under another id) as
    /// hits of their own, instead of under the first.
    #[arg(long)]
    pub copies: bool,
    /// JSON Lines, one hit per line.
    #[arg(long)]
    pub json: bool,
    /// Colour highlights.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Query restricting the articles counted (all articles when absent).
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub index: IndexDir,
    /// How many of each kind to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// List only this kind (repeatable) [default: every kind, then the sources].
    #[arg(long = "kind", value_enum, value_name = "KIND")]
    pub lists: Vec<List>,
    /// Count every copy of a story (the same title and first passage under
    /// another id), not the story once.
    #[arg(long)]
    pub copies: bool,
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id (`article_id` in `search --json`).
    pub id: String,
    #[command(flatten)]
    pub index: IndexDir,
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Ids of the articles to delete (`article_id` in `search --json`).
    #[arg(value_name = "ID", required_unless_present = "source")]
    pub ids: Vec<String>,
    /// Delete every article from this source (repeatable).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,
    #[command(flatten)]
    pub index: IndexDir,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// One JSON object.
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
