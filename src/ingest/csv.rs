//! CSV with a header row, as `shared/data/wikinews-en`: url, date, title, text.
//!
//! Optional columns: id, source, body/content (for text), category. The source is
//! the `source` column, else `--source`, else the host of the url.

use super::{date_field, emit_finished, url_host, Event, IngestError, IngestOptions, Location};
use crate::article::Article;
use std::path::Path;

/// Column positions, found by header name.
struct Columns {
    id: Option<usize>,
    url: Option<usize>,
    source: Option<usize>,
    date: Option<usize>,
    title: Option<usize>,
    body: Option<usize>,
    category: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Columns {
        let find = |names: &[&str]| {
            header
                .iter()
                .position(|h| names.contains(&h.trim().to_ascii_lowercase().as_str()))
        };
        Columns {
            id: find(&["id"]),
            url: find(&["url", "link"]),
            source: find(&["source", "publisher"]),
            date: find(&["date", "published", "published_at", "published-at"]),
            title: find(&["title", "headline"]),
            body: find(&["text", "body", "content"]),
            category: find(&["category", "section"]),
        }
    }
}

pub(crate) fn read(file: &Path, text: &str, options: &IngestOptions, emit: &mut dyn FnMut(Event)) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns = match reader.headers() {
        Ok(header) => Columns::from_header(header),
        Err(err) => {
            return emit(Event::Rejected(IngestError::new(
                file,
                Some(Location::Line(1)),
                format!("bad CSV header: {err}"),
            )))
        }
    };
    if columns.title.is_none() || columns.body.is_none() {
        return emit(Event::Rejected(IngestError::new(
            file,
            Some(Location::Line(1)),
            "CSV header needs a title and a text (or body) column",
        )));
    }
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        let location = Some(Location::Line(line));
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let field = |col: Option<usize>| col.and_then(|c| record.get(c)).map(str::trim);
                let url = field(columns.url).filter(|u| !u.is_empty());
                let source = field(columns.source)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .or_else(|| options.source.clone())
                    .or_else(|| url.and_then(url_host))
                    .unwrap_or_default();
                let article = Article {
                    id: field(columns.id).or(url).unwrap_or_default().to_string(),
                    source,
                    date: date_field(file, location, field(columns.date), emit),
                    title: field(columns.title).unwrap_or_default().to_string(),
                    body: field(columns.body).unwrap_or_default().to_string(),
                    url: url.map(str::to_string),
                    category: field(columns.category).map(str::to_string),
                    entities: Vec::new(),
                };
                emit_finished(file, location, article, options, emit);
            }
            Err(err) => {
                emit(Event::Rejected(IngestError::new(
                    file,
                    location,
                    format!("bad CSV record: {err}"),
                )));
                if err.is_io_error() {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_with_newlines_and_doubled_quotes() {
        let text = "url,date,title,text\n\
            \"https://en.wikinews.org/wiki/A\",2019-01-04,\"A, title\",\"Line one said \"\"hi\"\".\n\nLine two.\"\n\
            \"https://en.wikinews.org/wiki/B\",not-a-date,B,\"\"\n";
        let mut events = Vec::new();
        read(
            Path::new("w.csv"),
            text,
            &IngestOptions::default(),
            &mut |e| events.push(e),
        );
        let Event::Article(a) = &events[0] else {
            panic!("{events:?}")
        };
        assert_eq!(a.title, "A, title");
        assert_eq!(a.body, "Line one said \"hi\".\n\nLine two.");
        assert_eq!(a.source, "en.wikinews.org");
        assert_eq!(a.id, "https://en.wikinews.org/wiki/A");
        let rest: Vec<String> = events[1..].iter().map(|e| format!("{e:?}")).collect();
        assert_eq!(rest.len(), 2, "{rest:?}");
        assert!(
            rest[0].contains("Warning") && rest[0].contains("Line(5)"),
            "{rest:?}"
        );
        assert!(rest[1].contains("missing body"), "{rest:?}");
    }
}
