//! JSON Lines, one article per line, or a JSON file that holds an array of
//! articles (as many scrapers write them).
//!
//! Keys: id, source, date, title, body (or text, content), url, category,
//! entities, language, each also by the other names `keys` knows. Unknown keys
//! are ignored. `entities` is a list of `{kind, name}`
//! (aliases type/label and text) or an object from kind to a list of names.

use super::keys::{self, Key};
use super::{date_field, emit_finished, Event, IngestError, IngestOptions, Location};
use crate::article::{Article, Entity, EntityKind};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, Read};
use std::path::Path;

/// One article object. Its keys go by any of the names in `keys`; unknown keys
/// are ignored, and of two names of one field the one `keys` prefers is taken.
#[derive(Default)]
struct Record {
    id: Option<serde_json::Value>,
    source: Option<String>,
    date: Option<JsonDate>,
    title: Option<String>,
    body: Option<String>,
    url: Option<String>,
    category: Option<String>,
    entities: Option<Entities>,
    language: Option<String>,
}

impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Record, D::Error> {
        deserializer.deserialize_map(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut record = Record::default();
        // The rank of the name each field was taken from.
        let mut taken: Vec<(Key, usize)> = Vec::new();
        while let Some(name) = map.next_key_seed(KeySeed)? {
            let Some((key, rank)) = name else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            match taken.iter_mut().find(|(k, _)| *k == key) {
                Some((_, best)) if *best <= rank => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
                Some((_, best)) => *best = rank,
                None => taken.push((key, rank)),
            }
            match key {
                Key::Id => record.id = map.next_value()?,
                Key::Url => record.url = map.next_value()?,
                Key::Source => record.source = map.next_value()?,
                Key::Date => record.date = map.next_value()?,
                Key::Title => record.title = map.next_value()?,
                Key::Body => record.body = map.next_value()?,
                Key::Category => record.category = map.next_value()?,
                Key::Entities => record.entities = map.next_value()?,
                Key::Language => record.language = map.next_value()?,
            }
        }
        Ok(record)
    }
}

/// Reads a key as the field it names, without copying it.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Option<(Key, usize)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Option<(Key, usize)>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Ok(keys::key(name))
    }
}

/// A date as text, or as a number of seconds since 1970 (of milliseconds from
/// 10^11 on, which as seconds would be past the year 5000), as scrapers write
/// them.
enum JsonDate {
    Text(String),
    Epoch(f64),
}

impl<'de> Deserialize<'de> for JsonDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonDate, D::Error> {
        deserializer.deserialize_any(JsonDateVisitor)
    }
}

struct JsonDateVisitor;

impl Visitor<'_> for JsonDateVisitor {
    type Value = JsonDate;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a date as text or a number of seconds since 1970")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<JsonDate, E> {
        Ok(JsonDate::Text(text.to_string()))
    }

    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<JsonDate, E> {
        Ok(JsonDate::Text(text))
    }

    fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<JsonDate, E> {
        Ok(JsonDate::Epoch(number as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<JsonDate, E> {
        Ok(JsonDate::Epoch(number as f64))
    }

    fn visit_f64<E: serde::de::Error>(self, number: f64) -> Result<JsonDate, E> {
        Ok(JsonDate::Epoch(number))
    }
}

#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "expected a list of {kind, name} or an object from kind to a list of names"
)]
enum Entities {
    List(Vec<JsonEntity>),
    ByKind(BTreeMap<String, Vec<String>>),
}

#[derive(Deserialize)]
struct JsonEntity {
    #[serde(alias = "type", alias = "label")]
    kind: String,
    #[serde(alias = "text")]
    name: String,
}

pub(crate) fn read(
    file: &Path,
    mut input: impl BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    let reject =
        |location, message: String| Event::Rejected(IngestError::new(file, location, message));
    match input.fill_buf().map(first_byte) {
        Ok(Some(b'[')) => return read_array(file, input, options, emit),
        Ok(_) => {}
        Err(err) => return emit(reject(None, format!("cannot read: {err}"))),
    }
    let mut bytes = Vec::new();
    let mut number = 0;
    loop {
        bytes.clear();
        match input.read_until(b'\n', &mut bytes) {
            Ok(0) => break,
            Ok(_) => number += 1,
            Err(err) => {
                let message = format!("cannot read past this line: {err}");
                return emit(reject(Some(Location::Line(number)), message));
            }
        }
        let location = Some(Location::Line(number));
        let line = bytes.strip_prefix(BOM).unwrap_or(&bytes).trim_ascii();
        if line.is_empty() {
            continue;
        }
        let Ok(line) = std::str::from_utf8(line) else {
            emit(reject(location, "not valid UTF-8".into()));
            continue;
        };
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(err) => {
                // Valid JSON that is no article: serde would say "expected
                // struct Record with N elements" for an array, and name no
                // field for a value of the wrong type.
                let message = match serde_json::from_str::<serde_json::Value>(line) {
                    Ok(serde_json::Value::Object(object)) => wrong_field(&object),
                    Ok(_) => {
                        "not a JSON object: JSON Lines holds one article object per line".into()
                    }
                    Err(_) => format!("invalid JSON: {err}"),
                };
                emit(reject(location, message));
                continue;
            }
        };
        emit_record(file, location, record, options, emit);
    }
}

/// UTF-8's byte-order mark, which some tools write at the start of a file.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// The first byte of `head` after a byte-order mark and white space.
fn first_byte(head: &[u8]) -> Option<u8> {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    head.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// A file that holds one JSON array of articles, read one record at a time;
/// problems are named by record.
fn read_array(file: &Path, input: impl Read, options: &IngestOptions, emit: &mut dyn FnMut(Event)) {
    let mut records = 0;
    let mut json = serde_json::Deserializer::from_reader(input);
    let visitor = Records {
        file,
        options,
        emit: &mut *emit,
        records: &mut records,
    };
    if let Err(err) = json.deserialize_seq(visitor).and_then(|()| json.end()) {
        let message = match records {
            0 => format!("invalid JSON array: {err}"),
            n => format!("invalid JSON array after record {n}, which is read: {err}"),
        };
        let location = Some(Location::Line(err.line()));
        emit(Event::Rejected(IngestError::new(file, location, message)));
    }
}

/// Emits each element of a JSON array as it is parsed.
struct Records<'a> {
    file: &'a Path,
    options: &'a IngestOptions,
    emit: &'a mut dyn FnMut(Event),
    records: &'a mut usize,
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an array of article objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<serde_json::Value>()? {
            *self.records += 1;
            let location = Some(Location::Record(*self.records));
            match Record::deserialize(&value) {
                Ok(record) => emit_record(self.file, location, record, self.options, self.emit),
                Err(_) => {
                    let message = match value {
                        serde_json::Value::Object(object) => wrong_field(&object),
                        other => format!("not an article object: {}", shortened(&other)),
                    };
                    (self.emit)(Event::Rejected(IngestError::new(
                        self.file, location, message,
                    )));
                }
            }
        }
        Ok(())
    }
}

/// A JSON value as text, cut after about 40 bytes.
fn shortened(value: &serde_json::Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Why an object is no article: the first field whose value has the wrong
/// type, named ("field date: invalid type: boolean `true`, expected ...").
fn wrong_field(object: &serde_json::Map<String, serde_json::Value>) -> String {
    for (key, value) in object {
        let alone = serde_json::Value::Object([(key.clone(), value.clone())].into_iter().collect());
        if let Err(err) = Record::deserialize(&alone) {
            return format!("field {key}: {err}");
        }
    }
    "not an article object".into()
}

/// Emits the article of one record, or its rejection.
fn emit_record(
    file: &Path,
    location: Option<Location>,
    record: Record,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    match to_article(file, location, record, emit) {
        Ok(article) => emit_finished(file, location, article, options, emit),
        Err(message) => emit(Event::Rejected(IngestError::new(file, location, message))),
    }
}

fn to_article(
    file: &Path,
    location: Option<Location>,
    record: Record,
    emit: &mut dyn FnMut(Event),
) -> Result<Article, String> {
    let id = match record.id {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(format!(
                "field id: expected a string or number, got {other}"
            ))
        }
    };
    let entities = match record.entities {
        None => Vec::new(),
        Some(Entities::List(list)) => list
            .into_iter()
            .map(|e| Ok(Entity::new(parse_kind(&e.kind)?, e.name)))
            .collect::<Result<_, String>>()?,
        Some(Entities::ByKind(map)) => {
            let mut entities = Vec::new();
            for (kind, names) in map {
                let kind = parse_kind(&kind)?;
                entities.extend(names.into_iter().map(|name| Entity::new(kind, name)));
            }
            entities
        }
    };
    Ok(Article {
        id,
        source: record.source.unwrap_or_default(),
        date: match record.date {
            Some(JsonDate::Text(text)) => date_field(file, location, Some(&text), emit),
            Some(JsonDate::Epoch(number)) => epoch(number).or_else(|| {
                let shown = serde_json::Number::from_f64(number)
                    .map_or(number.to_string(), |n| n.to_string());
                let message = format!("date {shown} is no time since 1970; article kept undated");
                emit(Event::Warning(IngestError::new(file, location, message)));
                None
            }),
            None => None,
        },
        title: record.title.unwrap_or_default(),
        body: record.body.unwrap_or_default(),
        url: record.url,
        category: record.category,
        entities,
        language: record.language,
    })
}

/// The time `number` seconds after 1970 began, or milliseconds from 10^11 on.
fn epoch(number: f64) -> Option<chrono::DateTime<chrono::Utc>> {
    let seconds = if number.abs() >= 1e11 {
        number / 1000.0
    } else {
        number
    };
    if !seconds.is_finite() || seconds.abs() > 1e11 {
        return None;
    }
    let whole = seconds.floor();
    let nanos = ((seconds - whole) * 1e9) as u32;
    chrono::DateTime::from_timestamp(whole as i64, nanos)
}

fn parse_kind(kind: &str) -> Result<EntityKind, String> {
    kind.parse().map_err(|err| format!("field entities: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Vec<Event> {
        let mut events = Vec::new();
        read(
            Path::new("feed.jsonl"),
            text.as_bytes(),
            &IngestOptions::default(),
            &mut |e| events.push(e),
        );
        events
    }

    #[test]
    fn reads_aliases_entities_and_ignores_unknown_keys() {
        let events = read_str(concat!(
            r#"{"id": 7, "source": "Wire", "date": "2024-10-31", "title": "T", "text": "Body.", "extra": 1,"#,
            r#" "entities": [{"type": "PER", "text": "Mark Rutte"}]}"#,
            "\n",
            r#"{"source": "Wire", "title": "U", "content": "Other body.", "entities": {"location": ["Kursk"]}}"#,
        ));
        let [Event::Article(a), Event::Article(b)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!(a.id, "7");
        assert_eq!(a.body, "Body.");
        assert_eq!(
            a.entities,
            vec![Entity::new(EntityKind::Person, "Mark Rutte")]
        );
        assert_eq!(b.entities, vec![Entity::new(EntityKind::Location, "Kursk")]);
        assert_eq!(b.id.len(), 32);
    }

    /// What `events` say, in order: an article's title, or a rejection.
    fn outcomes(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|e| match e {
                Event::Article(article) => article.title.clone(),
                Event::Rejected(err) => err.to_string(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_json_array_of_articles_is_read_record_by_record() {
        let events = read_str(concat!(
            "  [\n",
            r#"  {"source": "S", "title": "first", "body": "one"},"#,
            "\n",
            r#"  {"source": "S", "title": "no body"},"#,
            "\n  5,\n",
            r#"  {"source": "S", "title": ["listed"], "body": "one"},"#,
            "\n",
            r#"  {"source": "S", "title": "last", "text": "two"}"#,
            "\n]\n",
        ));
        assert_eq!(
            outcomes(&events),
            [
                "first",
                "feed.jsonl: record 2: missing body",
                "feed.jsonl: record 3: not an article object: 5",
                "feed.jsonl: record 4: field title: invalid type: sequence, expected a string",
                "last",
            ]
        );
        let cut = outcomes(&read_str(r#"[{"source": "S", "title": "cut"#));
        assert_eq!(cut.len(), 1);
        assert!(
            cut[0].starts_with("feed.jsonl:1: invalid JSON array: EOF while parsing"),
            "{cut:?}"
        );
    }

    #[test]
    fn a_broken_array_keeps_the_records_before_the_break() {
        let events = read_str(concat!(
            "[",
            r#"{"source": "S", "title": "first", "body": "one"},"#,
            "\n",
            r#"{"source": "S", "title": "second", "body": "two"},"#,
            "\n",
            r#"{"source": "S", "title": "cut", "#,
            "\n",
        ));
        let said = outcomes(&events);
        assert_eq!(said[..2], ["first", "second"]);
        assert!(
            said[2].starts_with(
                "feed.jsonl:4: invalid JSON array after record 2, which is read: EOF while parsing"
            ),
            "{said:?}"
        );
        let trailing = outcomes(&read_str("[]\n{}"));
        assert!(
            trailing[0].starts_with("feed.jsonl:2: invalid JSON array: trailing characters"),
            "{trailing:?}"
        );
    }

    #[test]
    fn lines_read_through_a_small_buffer_are_read_alike() {
        let text = concat!(
            "\u{feff}",
            r#"{"source": "S", "title": "first", "body": "caf\u00e9 au lait"}"#,
            "\r\n\n   \n",
            r#"{"source": "S", "title": "second", "body": "crème brûlée"}"#,
            "\n",
            r#"{"source": "S", "title": "no end of line", "body": "three"}"#,
        );
        let whole = outcomes(&read_str(text));
        assert_eq!(whole, ["first", "second", "no end of line"]);
        for capacity in [1, 2, 7, 64] {
            let mut events = Vec::new();
            let input = std::io::BufReader::with_capacity(capacity, text.as_bytes());
            read(
                Path::new("feed.jsonl"),
                input,
                &IngestOptions::default(),
                &mut |e| events.push(e),
            );
            assert_eq!(outcomes(&events), whole, "buffer of {capacity} bytes");
        }
    }

    #[test]
    fn bad_lines_are_rejected_by_line_and_the_rest_kept() {
        let events = read_str(concat!(
            r#"{"source": "S", "title": "ok", "body": "fine"}"#,
            "\n",
            r#"{"source": "S", "title": "cut"#,
            "\n",
            r#"{"source": "S", "body": "no title"}"#,
            "\n",
            r#"{"source": "S", "title": "t", "body": "b", "entities": [{"kind": "fruit", "name": "x"}]}"#,
            "\n",
            r#"[{"source": "S", "title": "in an array", "body": "b"}]"#,
            "\n",
            r#"{"source": "S", "title": 123, "body": "b"}"#,
            "\n",
            r#"{"source": "S", "title": "t", "body": "b", "date": true}"#,
        ));
        let messages = crate::ingest::rejections(&events);
        assert_eq!(messages.len(), 6, "{messages:?}");
        assert!(messages[0].starts_with("feed.jsonl:2: invalid JSON: EOF while parsing"));
        assert_eq!(messages[1], "feed.jsonl:3: missing title");
        assert!(messages[2].starts_with("feed.jsonl:4: field entities: unknown entity kind"));
        assert_eq!(
            messages[3],
            "feed.jsonl:5: not a JSON object: JSON Lines holds one article object per line"
        );
        // A value of the wrong type names its field.
        assert_eq!(
            messages[4],
            "feed.jsonl:6: field title: invalid type: integer `123`, expected a string"
        );
        assert_eq!(
            messages[5],
            "feed.jsonl:7: field date: invalid type: boolean `true`, expected a date as text or a number of seconds since 1970"
        );
        assert!(matches!(&events[0], Event::Article(_)));
    }

    #[test]
    fn every_name_of_a_field_is_read_and_the_preferred_one_wins() {
        use crate::ingest::keys::{self, Key};
        for (key, name) in keys::all() {
            let mut record = serde_json::json!({"source": "S", "title": "T", "body": "B"});
            let object = record.as_object_mut().unwrap();
            let value = match key {
                Key::Source | Key::Title | Key::Body => {
                    let primary = match key {
                        Key::Source => "source",
                        Key::Title => "title",
                        _ => "body",
                    };
                    object.remove(primary);
                    "given"
                }
                Key::Date => "2024-10-03",
                Key::Entities => continue,
                _ => "given",
            };
            object.insert(name.to_string(), value.into());
            let events = read_str(&record.to_string());
            let [Event::Article(a)] = &events[..] else {
                panic!("{name}: {events:?}")
            };
            let read = match key {
                Key::Id => a.id.clone(),
                Key::Url => a.url.clone().unwrap_or_default(),
                Key::Source => a.source.clone(),
                Key::Date => a
                    .date
                    .map(|d| d.date_naive().to_string())
                    .unwrap_or_default(),
                Key::Title => a.title.clone(),
                Key::Body => a.body.clone(),
                Key::Category => a.category.clone().unwrap_or_default(),
                Key::Language => a.language.clone().unwrap_or_default(),
                Key::Entities => unreachable!(),
            };
            assert_eq!(read, value, "{name}");
        }
        // news-please's keys, with its other dates beside the one of publication.
        let events = read_str(
            r#"{"title": "T", "maintext": "Body.", "date_modify": "2018-01-01", "date_publish": "2017-06-19 19:41:44", "source_domain": "example.com", "Headline": "not this"}"#,
        );
        let [Event::Article(a)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!((a.title.as_str(), a.body.as_str()), ("T", "Body."));
        assert_eq!(a.source, "example.com");
        assert_eq!(a.date.unwrap().to_rfc3339(), "2017-06-19T19:41:44+00:00");
        // The preferred name wins wherever it stands.
        let events =
            read_str(r#"{"headline": "second", "title": "first", "source": "S", "text": "b"}"#);
        let [Event::Article(a)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!(a.title, "first");
        let events = read_str(r#"{"title": "t", "source": "S", "content": "two", "text": "one"}"#);
        let [Event::Article(a)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!(a.body, "one");
    }

    #[test]
    fn a_date_may_be_seconds_or_milliseconds_since_1970() {
        let events = read_str(concat!(
            r#"{"source": "S", "title": "seconds", "body": "b", "date": 1727949600}"#,
            "\n",
            r#"{"source": "S", "title": "milliseconds", "body": "b", "date": 1727949600250}"#,
            "\n",
            r#"{"source": "S", "title": "before", "body": "b", "date": -86400.5}"#,
            "\n",
            r#"{"source": "S", "title": "too far", "body": "b", "date": 1e300}"#,
        ));
        let dates: Vec<String> = (events.iter())
            .filter_map(|e| match e {
                Event::Article(a) => Some(a.date.map_or("undated".into(), |d| d.to_rfc3339())),
                _ => None,
            })
            .collect();
        assert_eq!(
            dates,
            [
                "2024-10-03T10:00:00+00:00",
                "2024-10-03T10:00:00.250+00:00",
                "1969-12-30T23:59:59.500+00:00",
                "undated",
            ]
        );
        assert!(events.iter().any(|e| matches!(e, Event::Warning(w)
            if w.to_string() == "feed.jsonl:4: date 1e+300 is no time since 1970; article kept undated")));
    }
}
