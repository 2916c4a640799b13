//! JSON Lines: one article per line.
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
                emit(reject(format!("invalid JSON: {err}")));
                continue;
            }
        };
        match to_article(file, location, record, emit) {
            Ok(article) => emit_finished(file, location, article, options, emit),
            Err(message) => emit(reject(message)),
        }
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
        ));
        let messages: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                Event::Rejected(err) => Some(err.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("feed.jsonl:2: invalid JSON: EOF while parsing"));
        assert_eq!(messages[1], "feed.jsonl:3: missing title");
        assert!(messages[2].starts_with("feed.jsonl:4: field entities: unknown entity kind"));
        assert!(matches!(&events[0], Event::Article(_)));
    }
}
