//! Text output for people.

use crate::article::{Entity, EntityKind};
use crate::bench;
use crate::facets::{Counts, List};
use crate::search::{ArticleView, Hit, SearchResults};
use crate::stats::{Stage, Stats};
use anstyle::{AnsiColor, Style};
use chrono::{DateTime, Utc};
use std::io::{self, Write};

/// Styles, or none when colour is off; highlights then get plain markers.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    color: bool,
}

const MARK: &str = "**";

impl Palette {
    pub fn new(color: bool) -> Palette {
        Palette { color }
    }

    fn paint(&self, out: &mut dyn Write, style: Style, text: &str) -> io::Result<()> {
        if self.color {
            write!(out, "{}{text}{}", style.render(), style.render_reset())
        } else {
            out.write_all(text.as_bytes())
        }
    }

    fn highlight(&self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        if self.color {
            let style = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
            self.paint(out, style, text)
        } else {
            write!(out, "{MARK}{text}{MARK}")
        }
    }
}

/// Why a query may have matched nothing: each word no article holds, with
/// how many other spellings its `word~` would match.
pub fn unheld_words(out: &mut dyn Write, words: &[(String, usize)]) -> io::Result<()> {
    for (word, spellings) in words {
        match spellings {
            0 => writeln!(out, "\"{word}\" is in no article")?,
            1 => writeln!(
                out,
                "\"{word}\" is in no article; {word}~ matches 1 other spelling"
            )?,
            n => writeln!(
                out,
                "\"{word}\" is in no article; {word}~ matches {n} other spellings"
            )?,
        }
    }
    Ok(())
}

/// Entities shown under each hit, per kind.
const ENTITIES_PER_KIND: usize = 4;

pub fn hits(out: &mut dyn Write, results: &SearchResults, palette: Palette) -> io::Result<()> {
    if results.hits.is_empty() {
        return match results.total {
            0 => writeln!(out, "no matches"),
            total => writeln!(out, "none on this page of {total} matching"),
        };
    }
    for hit in &results.hits {
        hit_block(out, hit, palette)?;
    }
    let shown = results.hits.len();
    let first = results.hits.first().map_or(0, |h| h.rank);
    writeln!(
        out,
        "{}–{} of {} matching",
        first,
        first + shown - 1,
        results.total
    )
}

fn hit_block(out: &mut dyn Write, hit: &Hit, palette: Palette) -> io::Result<()> {
    write!(out, "{:>3}. ", hit.rank)?;
    let title = |out: &mut dyn Write, text: &str| palette.paint(out, Style::new().bold(), text);
    highlighted(out, &hit.title, &hit.title_highlights, palette, title)?;
    writeln!(out)?;
    let meta = format!(
        "{} · {} · passage {} · score {:.2}",
        hit.source,
        day(hit.date),
        hit.passage,
        hit.score
    );
    write!(out, "     ")?;
    palette.paint(out, Style::new().dimmed(), &meta)?;
    writeln!(out)?;
    write!(out, "     ")?;
    let plain = |out: &mut dyn Write, text: &str| out.write_all(text.as_bytes());
    highlighted(
        out,
        &hit.snippet.text,
        &hit.snippet.highlights,
        palette,
        plain,
    )?;
    writeln!(out)?;
    if let Some(line) = entity_line(&hit.entities, ENTITIES_PER_KIND) {
        write!(out, "     ")?;
        palette.paint(
            out,
            Style::new().fg_color(Some(AnsiColor::Cyan.into())),
            &line,
        )?;
        writeln!(out)?;
    }
    if !hit.copies.is_empty() {
        let copies: Vec<String> = (hit.copies.iter().take(COPIES_SHOWN))
            .map(|copy| match copy.title == hit.title {
                true => format!("{} {}", copy.source, day(copy.date)),
                false => format!("{} {} \"{}\"", copy.source, day(copy.date), copy.title),
            })
            .collect();
        let more = hit.copies.len().saturating_sub(COPIES_SHOWN);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let line = format!("copies: {}{more}", copies.join(", "));
        write!(out, "     ")?;
        palette.paint(out, Style::new().dimmed(), &line)?;
        writeln!(out)?;
    }
    writeln!(out)
}

/// `text` with its `highlights` marked, the rest written by `rest`.
fn highlighted(
    out: &mut dyn Write,
    text: &str,
    highlights: &[[usize; 2]],
    palette: Palette,
    rest: impl Fn(&mut dyn Write, &str) -> io::Result<()>,
) -> io::Result<()> {
    let mut last = 0;
    for &[start, end] in highlights {
        rest(out, &text[last..start])?;
        palette.highlight(out, &text[start..end])?;
        last = end;
    }
    rest(out, &text[last..])
}

/// Up to `per_kind` entities of each kind, as "person: A, B · location: C";
/// `None` when there are none.
fn entity_line(entities: &[Entity], per_kind: usize) -> Option<String> {
    let mut groups = Vec::new();
    for kind in EntityKind::ALL {
        let names: Vec<&str> = (entities.iter())
            .filter(|e| e.kind == kind)
            .take(per_kind)
            .map(|e| e.name.as_str())
            .collect();
        if !names.is_empty() {
            groups.push(format!("{}: {}", kind, names.join(", ")));
        }
    }
    (!groups.is_empty()).then(|| groups.join(" · "))
}

/// An article in full: its fields, every entity, and its passages as
/// paragraphs.
pub fn article(out: &mut dyn Write, article: &ArticleView) -> io::Result<()> {
    writeln!(out, "{}", article.title)?;
    let mut meta = vec![article.source.clone(), day(article.date)];
    meta.extend(article.category.clone());
    meta.extend(article.url.clone());
    writeln!(out, "{}", meta.join(" · "))?;
    if let Some(line) = entity_line(&article.entities, usize::MAX) {
        writeln!(out, "{line}")?;
    }
    for passage in &article.passages {
        writeln!(out, "\n{}", passage.text)?;
    }
    Ok(())
}

/// Copies of a hit named under it; `--json` lists all.
const COPIES_SHOWN: usize = 3;

/// A date as a day, or "undated".
fn day(date: Option<DateTime<Utc>>) -> String {
    date.map_or_else(
        || "undated".to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    )
}

pub fn counts(out: &mut dyn Write, counts: &Counts, top: usize, lists: &[List]) -> io::Result<()> {
    let articles = counts.articles;
    match counts.copies {
        0 => writeln!(out, "{articles} matching articles")?,
        1 => writeln!(
            out,
            "{articles} matching articles (1 copy of another story: its entities are not counted)"
        )?,
        copies => writeln!(
            out,
            "{articles} matching articles ({copies} copies of other stories: their entities are not counted)"
        )?,
    }
    for &list in lists {
        let rows = counts.top(list, top);
        if rows.is_empty() {
            continue;
        }
        let title = list.kind().map_or("source", EntityKind::as_str);
        writeln!(out, "\n{title}")?;
        for row in rows {
            writeln!(out, "  {:>7}  {}", row.articles, row.name)?;
        }
    }
    Ok(())
}

/// The end-of-run summary of `index`; `stages` adds the per-stage table.
pub fn summary(out: &mut dyn Write, stats: &Stats, stages: bool) -> io::Result<()> {
    writeln!(
        out,
        "indexed {} articles ({} passages, {} entities) from {:.1} MB in {:.2} s: {:.2} MB/s, {:.0} articles/s",
        stats.articles,
        stats.passages,
        stats.entities,
        stats.input_mb(),
        stats.total.as_secs_f64(),
        stats.mb_per_sec(),
        stats.articles_per_sec()
    )?;
    writeln!(
        out,
        "rejected {}, skipped {}, warnings {}, duplicates {}",
        stats.rejected, stats.skipped, stats.warnings, stats.duplicates
    )?;
    if stats.unchanged > 0 {
        writeln!(
            out,
            "{} files left out: indexed before and unchanged since (--all reads them)",
            stats.unchanged
        )?;
    }
    if stats.notes > 0 {
        writeln!(
            out,
            "{} .txt files left out: notes beside files of records (name a file to read it)",
            stats.notes
        )?;
    }
    if stages {
        // Stages are CPU time and add up to the run's: shares are of that.
        let busy = stats.stages_total().as_secs_f64();
        writeln!(
            out,
            "\n{:<26} {:>9} {:>9} {:>7}",
            "stage", "CPU s", "MB/s", "share"
        )?;
        for stage in Stage::ALL {
            let secs = stats.stage(stage).as_secs_f64();
            writeln!(
                out,
                "{:<26} {:>9.3} {:>9.1} {:>6.1}%",
                stage.label(),
                secs,
                crate::stats::per_sec(stats.input_mb(), stats.stage(stage)),
                100.0 * secs / busy.max(f64::EPSILON)
            )?;
        }
    }
    Ok(())
}

/// `dateline stats`.
pub fn index_stats(out: &mut dyn Write, stats: &crate::facets::IndexStats) -> io::Result<()> {
    writeln!(out, "articles      {}", stats.articles)?;
    writeln!(out, "passages      {}", stats.passages)?;
    writeln!(out, "sources       {}", stats.sources)?;
    for kind in EntityKind::ALL {
        let distinct = stats
            .entities
            .get(kind.as_str())
            .copied()
            .unwrap_or_default();
        writeln!(out, "{:<13} {distinct}", kind.as_str())?;
    }
    let span = match (&stats.first_date, &stats.last_date) {
        (Some(first), Some(last)) => format!("{} to {}", &first[..10], &last[..10]),
        _ => "no dated articles".to_string(),
    };
    writeln!(out, "dates         {span}")?;
    writeln!(
        out,
        "size on disk  {:.1} MB",
        stats.bytes_on_disk as f64 / 1e6
    )
}

/// `dateline bench`: runs, stages of the tagged runs, thread scaling, latency.
pub fn bench_report(out: &mut dyn Write, report: &bench::Report) -> io::Result<()> {
    use bench::Indexer;
    let mb = |bytes: u64| bytes as f64 / 1e6;
    writeln!(
        out,
        "input: {} files × {} = {:.1} MB; writer memory budget {:.0} MB per indexer; \
         each row is the median of {} runs; spread: slowest less fastest, over the median",
        report.files,
        report.repeat,
        mb(report.input_bytes),
        report.memory_budget_bytes as f64 / 1e6,
        report.rounds
    )?;
    writeln!(
        out,
        "\n{:<24} {:>7} {:>8} {:>7} {:>8} {:>8} {:>10} {:>8} {:>9} {:>9} {:>9}",
        "indexer",
        "threads",
        "seconds",
        "spread",
        "CPU s",
        "MB/s",
        "articles/s",
        "×base",
        "peak MB",
        "index MB",
        "idx/input"
    )?;
    for run in &report.runs {
        writeln!(
            out,
            "{:<24} {:>7} {:>8.2} {:>7} {:>8} {:>8.2} {:>10.0} {:>8.2} {:>9} {:>9.1} {:>9.2}",
            run.indexer.label(),
            run.threads,
            run.seconds,
            run.spread()
                .map_or("-".to_string(), |s| format!("{:.0}%", 100.0 * s)),
            run.cpu_seconds
                .map_or("-".to_string(), |s| format!("{s:.2}")),
            run.mb_per_sec,
            run.articles_per_sec,
            run.ratio_to_baseline,
            run.peak_rss_bytes
                .map_or("-".to_string(), |b| format!("{:.0}", mb(b))),
            mb(run.index_bytes),
            run.index_bytes_per_input_byte
        )?;
    }
    for run in report
        .runs
        .iter()
        .filter(|r| r.indexer != Indexer::Baseline)
    {
        writeln!(
            out,
            "\n{}, {}: stages (CPU time)",
            run.indexer.label(),
            bench::threads(run.threads)
        )?;
        for stage in &run.stages {
            writeln!(
                out,
                "  {:<26} {:>8.3} s {:>9.1} MB/s {:>10.0} articles/s {:>6.1}%",
                stage.label,
                stage.cpu_seconds,
                stage.mb_per_sec,
                stage.articles_per_sec,
                100.0 * stage.share
            )?;
        }
        if run.tokens > 0 {
            writeln!(
                out,
                "  tagger: {} tokens, {:.2} M tokens per CPU second of the entity stage",
                run.tokens,
                run.tokens_per_cpu_sec / 1e6
            )?;
        }
        if let Some(ratio) = run.tagger_cost_ratio {
            writeln!(
                out,
                "  the tagger's cost (time beyond the --no-entities run) is {}",
                tagger_cost(ratio)
            )?;
        }
        if let Some(ratio) = run.tagger_cpu_ratio {
            writeln!(
                out,
                "  the tagger's cost in CPU time is {}",
                tagger_cost(ratio)
            )?;
        }
    }
    let mut threads: Vec<usize> = report.runs.iter().map(|r| r.threads).collect();
    threads.dedup();
    if threads.len() > 1 {
        writeln!(
            out,
            "\nthread scaling (MB/s, speed-up over {})",
            bench::threads(threads[0])
        )?;
        for indexer in [
            Indexer::Baseline,
            Indexer::DatelineNoEntities,
            Indexer::Dateline,
        ] {
            let runs: Vec<_> = report
                .runs
                .iter()
                .filter(|r| r.indexer == indexer)
                .collect();
            let first = runs.first().map_or(1.0, |r| r.mb_per_sec);
            let cells: Vec<String> = runs
                .iter()
                .map(|r| {
                    format!(
                        "{}: {:.2} ({:.2}×)",
                        r.threads,
                        r.mb_per_sec,
                        r.mb_per_sec / first
                    )
                })
                .collect();
            writeln!(out, "  {:<24} {}", indexer.label(), cells.join("   "))?;
        }
    }
    if !report.latency.is_empty() {
        writeln!(
            out,
            "\nquery latency on the dateline index (top 10, best passage per article)"
        )?;
        writeln!(
            out,
            "  {:<24} {:>7} {:>6} {:>8} {:>8} {:>8} {:>9}",
            "kind", "queries", "runs", "p50 ms", "p95 ms", "p99 ms", "queries/s"
        )?;
        for l in &report.latency {
            writeln!(
                out,
                "  {:<24} {:>7} {:>6} {:>8.3} {:>8.3} {:>8.3} {:>9.0}",
                l.kind.label(),
                l.queries,
                l.runs,
                l.p50_ms,
                l.p95_ms,
                l.p99_ms,
                l.queries_per_sec
            )?;
        }
        if report.repeat > 1 {
            writeln!(
                out,
                "  each story is indexed {} times: hits list the copies, as `search --copies` \
                 does, except where copies are folded",
                report.repeat
            )?;
        }
    }
    Ok(())
}

/// The tagger's cost as a share of the rest of the pipeline. On a corpus too
/// small to measure, the tagged run can come out no slower than the untagged one,
/// and a cost of zero or less means nothing.
fn tagger_cost(ratio: f64) -> String {
    if ratio > 0.0 {
        format!("{ratio:.2} × the rest")
    } else {
        "too small to measure: the tagged run was no slower".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tagger_cost_below_zero_is_not_shown_as_a_ratio() {
        assert_eq!(tagger_cost(1.5), "1.50 × the rest");
        assert!(tagger_cost(-0.63).starts_with("too small to measure"));
        assert!(tagger_cost(0.0).starts_with("too small to measure"));
    }

    #[test]
    fn one_thread_is_singular() {
        assert_eq!(bench::threads(1), "1 thread");
        assert_eq!(bench::threads(2), "2 threads");
    }
}
