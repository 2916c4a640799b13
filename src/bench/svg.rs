//! A chart of a bench report: throughput of each stage, and of each indexer at
//! each thread count. Plain SVG, written by hand: two panels of bars.

use super::{threads, Indexer, Report};
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const BAR: f64 = 18.0;
const GAP: f64 = 8.0;
const LABEL: f64 = 230.0;
const COLORS: [&str; 3] = ["#9aa5b1", "#4c9be8", "#e8804c"];

/// The SVG document.
pub fn chart(report: &Report) -> String {
    let mut body = String::new();
    let mut y = 30.0;
    // Panel 1: stages of the tagged run with the most threads.
    if let Some(run) = report
        .runs
        .iter()
        .filter(|r| r.indexer == Indexer::Dateline)
        .max_by_key(|r| r.threads)
    {
        title(
            &mut body,
            y,
            &format!(
                "dateline stages, {}: MB/s of CPU time",
                threads(run.threads)
            ),
        );
        y += 14.0;
        let max = run.stages.iter().map(|s| s.mb_per_sec).fold(1.0, f64::max);
        for stage in &run.stages {
            bar(
                &mut body,
                y,
                stage.label,
                stage.mb_per_sec,
                max,
                COLORS[2],
                &format!("{:.1}", stage.mb_per_sec),
            );
            y += BAR + GAP;
        }
        y += 20.0;
    }
    // Panel 2: whole-pipeline throughput per indexer and thread count.
    title(&mut body, y, "whole pipeline: MB/s by indexer and threads");
    y += 14.0;
    let max = report.runs.iter().map(|r| r.mb_per_sec).fold(1.0, f64::max);
    for (i, indexer) in [
        Indexer::Baseline,
        Indexer::DatelineNoEntities,
        Indexer::Dateline,
    ]
    .iter()
    .enumerate()
    {
        for run in report.runs.iter().filter(|r| r.indexer == *indexer) {
            let label = format!("{}, {}", indexer.label(), threads(run.threads));
            let value = format!(
                "{:.1} ({:.2}× baseline)",
                run.mb_per_sec, run.ratio_to_baseline
            );
            bar(&mut body, y, &label, run.mb_per_sec, max, COLORS[i], &value);
            y += BAR + GAP;
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{h}\" font-family=\"sans-serif\" font-size=\"12\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n{body}</svg>\n",
        h = y + 10.0
    )
}

fn title(out: &mut String, y: f64, text: &str) {
    let _ = writeln!(
        out,
        "<text x=\"10\" y=\"{y}\" font-weight=\"bold\">{}</text>",
        escape(text)
    );
}

fn bar(out: &mut String, y: f64, label: &str, value: f64, max: f64, color: &str, caption: &str) {
    let width = (WIDTH - LABEL - 150.0) * value / max;
    let _ = writeln!(
        out,
        "<text x=\"{x}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
         <rect x=\"{LABEL}\" y=\"{y}\" width=\"{width:.1}\" height=\"{BAR}\" fill=\"{color}\"/>\
         <text x=\"{cx:.1}\" y=\"{ty}\">{caption}</text>",
        x = LABEL - 6.0,
        ty = y + 13.0,
        cx = LABEL + width + 6.0,
        label = escape(label),
        caption = escape(caption),
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
