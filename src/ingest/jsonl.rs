//! JSON Lines, one article per line, or a JSON file that holds an array of
//! articles (as many scrapers write them).
//!
//! Keys: id, source, date, title, body (aliases text, content), url, category,
//! entities. Unknown keys are ignored. `entities` is a list of `{kind, name}`
//! (aliases type/label and text) or an object from kind to a list of names.

use super::{date_field, emit_finished, Event, IngestError, IngestOptions, Location};
use crate::article::{Article, Entity, EntityKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    source: Option<String>,
    date: Option<String>,
    title: Option<String>,
    #[serde(alias = "text", alias = "content")]
    body: Option<String>,
    url: Option<String>,
    category: Option<String>,
    entities: Option<Entities>,
}

#[derive(Deserialize)]
#[serde(untagged)]
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
    bytes: &[u8],
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return emit(Event::Rejected(IngestError::new(file, None, "empty file")));
    }
    if bytes.trim_ascii_start().starts_with(b"[") {
        return read_array(file, bytes, options, emit);
    }
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let location = Some(Location::Line(index + 1));
        let reject = |message: String| Event::Rejected(IngestError::new(file, location, message));
        let Ok(line) = std::str::from_utf8(line) else {
            emit(reject("not valid UTF-8".into()));
            continue;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(err) => {
                // Valid JSON that is no object: serde would say "expected
                // struct Record with 8 elements".
                let other = serde_json::from_str::<serde_json::Value>(line).is_ok();
                emit(reject(if other {
                    "not a JSON object: JSON Lines holds one article object per line".into()
                } else {
                    format!("invalid JSON: {err}")
                }));
                continue;
            }
        };
        emit_record(file, location, record, options, emit);
    }
}

/// A file that holds one JSON array of articles; problems are named by record.
fn read_array(file: &Path, bytes: &[u8], options: &IngestOptions, emit: &mut dyn FnMut(Event)) {
    let values: Vec<serde_json::Value> = match serde_json::from_slice(bytes) {
        Ok(values) => values,
        Err(err) => {
            let message = format!("invalid JSON array: {err}");
            let location = Some(Location::Line(err.line()));
            return emit(Event::Rejected(IngestError::new(file, location, message)));
        }
    };
    for (index, value) in values.into_iter().enumerate() {
        let location = Some(Location::Record(index + 1));
        match Record::deserialize(value) {
            Ok(record) => emit_record(file, location, record, options, emit),
            Err(err) => {
                let message = format!("not an article object: {err}");
                emit(Event::Rejected(IngestError::new(file, location, message)));
            }
        }
    }
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
        date: date_field(file, location, record.date.as_deref(), emit),
        title: record.title.unwrap_or_default(),
        body: record.body.unwrap_or_default(),
        url: record.url,
        category: record.category,
        entities,
    })
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
            r#"  {"source": "S", "title": "last", "text": "two"}"#,
            "\n]\n",
        ));
        assert_eq!(
            outcomes(&events),
            [
                "first",
                "feed.jsonl: record 2: missing body",
                "feed.jsonl: record 3: not an article object: invalid type: integer `5`, \
                 expected struct Record",
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
        ));
        let messages: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                Event::Rejected(err) => Some(err.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].starts_with("feed.jsonl:2: invalid JSON: EOF while parsing"));
        assert_eq!(messages[1], "feed.jsonl:3: missing title");
        assert!(messages[2].starts_with("feed.jsonl:4: field entities: unknown entity kind"));
        assert_eq!(
            messages[3],
            "feed.jsonl:5: not a JSON object: JSON Lines holds one article object per line"
        );
        assert!(matches!(&events[0], Event::Article(_)));
    }
}
