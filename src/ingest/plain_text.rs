//! Plain-text articles, one per file, in two layouts:
//!
//! - source layout (`shared/data/seed`): source line, optional `Date:` / `URL:` /
//!   `Category:` header lines, title line, then paragraphs;
//! - title layout (`shared/data/bbc-news`): title line, then paragraphs; the
//!   category is the parent folder's name and the source comes from `--source`.

use super::{date_field, emit_finished, Event, Format, IngestError, IngestOptions, Location};
use crate::article::Article;
use std::path::Path;

/// Tells the two layouts apart from the first lines.
///
/// In the source layout the second block is a single short line with no closing
/// full stop (a headline); in the title layout it is the first body paragraph.
pub(crate) fn detect_layout(head: &[u8]) -> Format {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return Format::Text;
    };
    if header(second).is_some() {
        return Format::Text;
    }
    let words = second.split_whitespace().count();
    let ends_sentence = second.ends_with(['.', '!', '?', '"', '”', ':']);
    let first_is_short = first.split_whitespace().count() <= 6;
    if first_is_short && words <= 25 && !ends_sentence {
        Format::Text
    } else {
        Format::TitledText
    }
}

/// Whether a text opens as CoNLL-2003's token files do: tagged tokens, not an
/// article.
pub(crate) fn is_conll(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .starts_with("-DOCSTART-")
}

/// A `Name: value` header line of the source layout.
fn header(line: &str) -> Option<(&'static str, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = match name.trim().to_ascii_lowercase().as_str() {
        "date" => "date",
        "url" => "url",
        "category" => "category",
        _ => return None,
    };
    Some((name, value.trim()))
}

/// Non-empty lines with their 1-based numbers and the byte offset just past them.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .enumerate()
        .filter_map(move |(i, line)| {
            offset += line.len();
            let trimmed = line.trim();
            (!trimmed.is_empty()).then_some((i + 1, trimmed, offset))
        })
}

pub(crate) fn read_source_layout(
    file: &Path,
    text: &str,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    let mut lines = content_lines(text);
    let Some((_, source, _)) = lines.next() else {
        return emit(Event::Rejected(IngestError::new(file, None, "empty file")));
    };
    let mut article = blank_article(source.to_string());
    let mut raw_date = None;
    let mut title = None;
    for (number, line, end) in lines.by_ref() {
        match header(line) {
            Some(("date", value)) => raw_date = Some((number, value)),
            Some(("url", value)) => article.url = Some(value.to_string()),
            Some((_, value)) => article.category = Some(value.to_string()),
            None => {
                title = Some((line, end));
                break;
            }
        }
    }
    if let Some((number, value)) = raw_date {
        article.date = date_field(file, Some(Location::Line(number)), Some(value), emit);
    }
    if let Some((line, end)) = title {
        article.title = line.to_string();
        article.body = text[end..].to_string();
    }
    emit_finished(file, None, article, options, emit);
}

pub(crate) fn read_title_layout(
    file: &Path,
    text: &str,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    let mut article = blank_article(String::new());
    if let Some((_, title, end)) = content_lines(text).next() {
        article.title = title.to_string();
        article.body = text[end..].to_string();
    }
    article.category = file
        .parent()
        .and_then(Path::file_name)
        .and_then(|n| n.to_str())
        .map(str::to_string);
    emit_finished(file, None, article, options, emit);
}

fn blank_article(source: String) -> Article {
    Article {
        source,
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(layout: Format, text: &str, options: &IngestOptions) -> Vec<Event> {
        let mut events = Vec::new();
        let path = Path::new("news/world/a.txt");
        match layout {
            Format::Text => read_source_layout(path, text, options, &mut |e| events.push(e)),
            _ => read_title_layout(path, text, options, &mut |e| events.push(e)),
        }
        events
    }

    fn article(events: &[Event]) -> &Article {
        match events.last() {
            Some(Event::Article(a)) => a,
            other => panic!("expected an article, got {other:?}"),
        }
    }

    #[test]
    fn source_layout_with_headers_and_boilerplate() {
        let text = "Daily Planet\nDate: 2024-10-31\nURL: https://planet.example/a\n\nTitle here\n\nFirst paragraph.\n\nSecond one.\n\n-\n\nRelated News :\n";
        let events = read(Format::Text, text, &IngestOptions::default());
        let a = article(&events);
        assert_eq!(a.source, "Daily Planet");
        assert_eq!(a.title, "Title here");
        assert_eq!(a.body, "First paragraph.\n\nSecond one.");
        assert_eq!(a.url.as_deref(), Some("https://planet.example/a"));
        assert_eq!(a.date.unwrap().to_rfc3339(), "2024-10-31T00:00:00+00:00");
        assert_eq!(a.id.len(), 32);
    }

    #[test]
    fn bad_date_header_warns_with_line_and_keeps_article() {
        let text = "Src\nDate: someday\nTitle\n\nBody text.";
        let events = read(Format::Text, text, &IngestOptions::default());
        assert!(
            matches!(&events[0], Event::Warning(e) if e.to_string().starts_with("news/world/a.txt:2: cannot parse date"))
        );
        assert_eq!(article(&events).date, None);
    }

    #[test]
    fn batch_date_fills_undated_articles() {
        let options = IngestOptions {
            date: super::super::parse_date("2024-11-01"),
            ..Default::default()
        };
        let events = read(Format::Text, "Src\nTitle\n\nBody.", &options);
        assert!(article(&events).date.is_some());
    }

    #[test]
    fn missing_body_is_rejected() {
        let events = read(
            Format::Text,
            "Src\nOnly a title\n",
            &IngestOptions::default(),
        );
        assert!(matches!(&events[0], Event::Rejected(e) if e.message == "missing body"));
    }

    #[test]
    fn title_layout_takes_category_from_folder_and_needs_source() {
        let text = "Headline\n\nThe body paragraph.\n";
        let events = read(Format::TitledText, text, &IngestOptions::default());
        assert!(matches!(&events[0], Event::Rejected(e) if e.message.contains("--source")));
        let options = IngestOptions {
            source: Some("BBC News".into()),
            ..Default::default()
        };
        let events = read(Format::TitledText, text, &options);
        let a = article(&events);
        assert_eq!(
            (a.title.as_str(), a.source.as_str()),
            ("Headline", "BBC News")
        );
        assert_eq!(a.category.as_deref(), Some("world"));
    }

    #[test]
    fn layouts_are_told_apart() {
        let seed = b"DayFR Euro\n\nNorth Korean soldiers in Russia, questions about their effectiveness\n\nMilitary cooperation is intensifying.";
        assert_eq!(detect_layout(seed), Format::Text);
        let bbc = b"Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (\xc2\xa3600m) for the three months to December.\n";
        assert_eq!(detect_layout(bbc), Format::TitledText);
        assert_eq!(
            detect_layout(b"Src\nDate: 2024-01-01\nT\n\nB"),
            Format::Text
        );
    }
}
