//! CSV with a header row, as `shared/data/wikinews-en`: url, date, title, text.
//!
//! Optional columns: id, source, category; the columns go by any of the names
//! in `keys` (`headline` for the title, `body` or `content` for the text). The
//! source is the `source` column, else `--source`, else the host of the url.

use super::decode::field_text;
use super::keys::{self, Key};
use super::{date_field, emit_finished, Event, IngestError, IngestOptions, Location};
use crate::article::Article;
use std::borrow::Cow;
use std::io::Read;
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
    /// The column of each field: of its names (`keys`), the one earliest in
    /// its list, then the leftmost.
    fn from_header(header: &[Cow<str>]) -> Columns {
        let mut best: Vec<(Key, usize, usize)> = Vec::new();
        for (column, name) in header.iter().enumerate() {
            let Some((key, rank)) = keys::key(name) else {
                continue;
            };
            match best.iter_mut().find(|(k, _, _)| *k == key) {
                Some(slot) if rank < slot.1 => *slot = (key, rank, column),
                Some(_) => {}
                None => best.push((key, rank, column)),
            }
        }
        let find = |key: Key| best.iter().find(|(k, _, _)| *k == key).map(|&(_, _, c)| c);
        Columns {
            id: find(Key::Id),
            url: find(Key::Url),
            source: find(Key::Source),
            date: find(Key::Date),
            title: find(Key::Title),
            body: find(Key::Body),
            category: find(Key::Category),
        }
    }
}

/// Reads the CSV records of `input` one at a time. Fields that are not valid
/// UTF-8 are decoded as Latin-1, with one warning for the file.
pub(crate) fn read(
    file: &Path,
    input: impl Read,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let mut latin1 = false;
    let columns = match reader.byte_headers() {
        Ok(header) => {
            let names: Vec<Cow<str>> = header.iter().map(|h| field_text(h, &mut latin1)).collect();
            Columns::from_header(&names)
        }
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
    let mut warned = false;
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line() as usize;
        let location = Some(Location::Line(line));
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let fields: Vec<Cow<str>> =
                    record.iter().map(|f| field_text(f, &mut latin1)).collect();
                if latin1 && !warned {
                    warned = true;
                    emit(Event::Warning(IngestError::new(
                        file,
                        location,
                        "not valid UTF-8; decoded as Latin-1",
                    )));
                }
                let field = |col: Option<usize>| col.and_then(|c| fields.get(c)).map(|f| f.trim());
                let url = field(columns.url).filter(|u| !u.is_empty());
                let article = Article {
                    id: field(columns.id).or(url).unwrap_or_default().to_string(),
                    // Failing a source column, `finish` takes the options' or
                    // the url's host.
                    source: field(columns.source).unwrap_or_default().to_string(),
                    date: date_field(file, location, field(columns.date), emit),
                    title: field(columns.title).unwrap_or_default().to_string(),
                    body: field(columns.body).unwrap_or_default().to_string(),
                    url: url.map(str::to_string),
                    category: field(columns.category).map(str::to_string),
                    entities: Vec::new(),
                    language: None,
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

    /// The events of reading `text` as `w.csv`.
    fn read_bytes(text: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        read(
            Path::new("w.csv"),
            text,
            &IngestOptions::default(),
            &mut |e| events.push(e),
        );
        events
    }

    #[test]
    fn quoted_fields_with_newlines_and_doubled_quotes() {
        let text = "url,date,title,text\n\
            \"https://en.wikinews.org/wiki/A\",2019-01-04,\"A, title\",\"Line one said \"\"hi\"\".\n\nLine two.\"\n\
            \"https://en.wikinews.org/wiki/B\",not-a-date,B,\"\"\n";
        let events = read_bytes(text.as_bytes());
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

    #[test]
    fn columns_go_by_every_name_and_the_preferred_one_wins() {
        let text = "Headline,maintext,date_modify,Date_Publish,source_domain,title\n\
            not this,Body.,2018-01-01,2017-06-19 19:41:44,example.com,T\n";
        let events = read_bytes(text.as_bytes());
        let [Event::Article(a)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!((a.title.as_str(), a.body.as_str()), ("T", "Body."));
        assert_eq!(a.source, "example.com");
        assert_eq!(a.date.unwrap().to_rfc3339(), "2017-06-19T19:41:44+00:00");
    }

    #[test]
    fn a_latin1_field_warns_once_and_leaves_the_utf8_records_alone() {
        let mut text = "\u{feff}url,title,text\n\
            https://a.example/1,Caf\u{e9},\"cr\u{e8}me br\u{fb}l\u{e9}e\"\n"
            .as_bytes()
            .to_vec();
        text.extend(b"https://a.example/2,Costs,\"\xa3300 a year\"\n");
        text.extend(b"https://a.example/3,Mark,\"\xa5 and \xa3\"\n");
        let events = read_bytes(&text);
        let said: Vec<String> = events
            .iter()
            .map(|e| match e {
                Event::Article(a) => format!("{} | {}", a.title, a.body),
                Event::Warning(w) | Event::Rejected(w) => w.to_string(),
                Event::Skipped(w) => w.to_string(),
            })
            .collect();
        assert_eq!(
            said,
            [
                "Caf\u{e9} | cr\u{e8}me br\u{fb}l\u{e9}e",
                "w.csv:3: not valid UTF-8; decoded as Latin-1",
                "Costs | \u{a3}300 a year",
                "Mark | \u{a5} and \u{a3}",
            ]
        );
    }
}
