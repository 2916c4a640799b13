//! The document type dateline hands to tantivy: one passage, whose values are
//! borrowed from its article.
//!
//! A `TantivyDocument` owns a copy of every value, so each passage would copy the
//! article's title, id, source and url, and its own text out of the body. A
//! [`Passage`] instead shares its article with the article's other passages and
//! lends tantivy its values when tantivy walks them: to index, to fill the fast
//! fields and to store. Stored passages read back as `TantivyDocument`s, since
//! tantivy serialises any document the same way.

use super::filed;
use super::schema::{alias_value, article_key, day_title_key, lead_key, story_key, Fields};
use crate::article::{Article, EntityKind};
use crate::entities::{link, Found};
use std::ops::Range;
use std::sync::Arc;
use tantivy::schema::document::{ReferenceValue, ReferenceValueLeaf};
use tantivy::schema::{Document, Field, Value};

/// One passage of an article.
pub struct Passage {
    article: Arc<Shared>,
    ordinal: usize,
    range: Range<usize>,
    story_key: u64,
}

/// What the passages of an article share.
struct Shared {
    fields: Fields,
    article: Article,
    key: u64,
    lead_key: Option<u64>,
    day_title_key: Option<u64>,
    date: Option<tantivy::DateTime>,
    /// The entity names by kind, then the aliases: the lead passage's alone.
    lead: Vec<(Field, String)>,
}

/// One document per passage. Each carries the article's id, key, source, date,
/// title, url and category, which searches match and filter on, and its own
/// story key, which finds copies. The entity names, which are only shown and
/// counted, and the entity aliases (with each person filed under the surname,
/// and each acronym with its full names, see `filed`) go on the first passage
/// alone: its "lead", with the keys of the article's opening words and of its
/// source, title and day, which also find copies,
/// found from any passage as `doc_id - ordinal`, since an article's passages are
/// contiguous in one segment. Entity filters match the lead and take in the
/// article's other passages (`query::articles`).
pub fn build_documents(
    fields: &Fields,
    article: Article,
    passages: &[Range<usize>],
    found: Found,
) -> Vec<Passage> {
    let surnames = (found.entities.iter())
        .filter(|entity| entity.kind == EntityKind::Person)
        .map(|person| (fields.alias, filed::value(&person.name)))
        .collect::<Vec<_>>();
    let acronyms = acronyms(&found)
        .into_iter()
        .map(|value| (fields.alias, value));
    let names = found
        .entities
        .into_iter()
        .map(|entity| (fields.entity(entity.kind), entity.name));
    let aliases = (found.aliases.iter()).map(|a| (fields.alias, alias_value(a.kind, &a.name)));
    let aliases = aliases.chain(surnames).chain(acronyms);
    let shared = Arc::new(Shared {
        fields: *fields,
        key: article_key(&article.id),
        lead_key: lead_key(&article.body),
        day_title_key: day_title_key(&article.source, &article.title, article.date),
        date: (article.date).map(|d| tantivy::DateTime::from_timestamp_secs(d.timestamp())),
        lead: names.chain(aliases).collect(),
        article,
    });
    passages
        .iter()
        .enumerate()
        .map(|(ordinal, range)| Passage {
            story_key: story_key(&shared.article.title, &shared.article.body[range.clone()]),
            article: Arc::clone(&shared),
            ordinal,
            range: range.clone(),
        })
        .collect()
}

/// The alias field's values that file each organisation the article lists
/// under an acronym with the full names the article spells it out with, or
/// alone, and each such full name with the acronym (`filed`):
/// `acronym:GM|General Motors` and `spelt:General Motors|GM`, `acronym:SEC|`.
fn acronyms(found: &Found) -> Vec<String> {
    let organisations = |kind: EntityKind| kind == EntityKind::Organisation;
    let mut values = Vec::new();
    for acronym in (found.entities.iter()).filter(|e| organisations(e.kind)) {
        let acronym = acronym.name.as_str();
        if !link::is_acronym(acronym) {
            continue;
        }
        let spelt = (found.aliases.iter())
            .filter(|a| organisations(a.kind))
            .filter_map(|a| link::spells_out(acronym, &a.name));
        let before = values.len();
        for full in spelt {
            values.push(filed::acronym_value(acronym, Some(full)));
            values.push(filed::spelt_value(full, Some(acronym)));
        }
        if values.len() == before {
            values.push(filed::acronym_value(acronym, None));
        }
    }
    values
}

/// A value of a passage, borrowed from its article.
#[derive(Debug, Clone, Copy)]
pub enum Leaf<'a> {
    Str(&'a str),
    U64(u64),
    Date(tantivy::DateTime),
}

impl<'a> Value<'a> for Leaf<'a> {
    type ArrayIter = std::iter::Empty<Self>;
    type ObjectIter = std::iter::Empty<(&'a str, Self)>;

    fn as_value(&self) -> ReferenceValue<'a, Self> {
        ReferenceValue::Leaf(match *self {
            Leaf::Str(text) => ReferenceValueLeaf::Str(text),
            Leaf::U64(n) => ReferenceValueLeaf::U64(n),
            Leaf::Date(date) => ReferenceValueLeaf::Date(date),
        })
    }
}

/// Fields every passage has, or may have (date, url, category).
type Common<'a> = std::iter::Flatten<std::array::IntoIter<Option<(Field, Leaf<'a>)>, 14>>;
/// The lead passage's entity names and aliases.
type Lead<'a> = std::iter::Map<
    std::slice::Iter<'a, (Field, String)>,
    fn(&'a (Field, String)) -> (Field, Leaf<'a>),
>;

impl Document for Passage {
    type Value<'a> = Leaf<'a>;
    type FieldsValuesIter<'a> = std::iter::Chain<Common<'a>, Lead<'a>>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        let Shared {
            fields: f,
            article: a,
            ..
        } = &*self.article;
        fn text(field: Field, value: &str) -> Option<(Field, Leaf<'_>)> {
            Some((field, Leaf::Str(value)))
        }
        let number = |field, value: usize| Some((field, Leaf::U64(value as u64)));
        let common = [
            text(f.id, &a.id),
            Some((f.article_key, Leaf::U64(self.article.key))),
            Some((f.story_key, Leaf::U64(self.story_key))),
            (self.ordinal == 0)
                .then_some(self.article.lead_key)
                .flatten()
                .map(|key| (f.lead_key, Leaf::U64(key))),
            (self.ordinal == 0)
                .then_some(self.article.day_title_key)
                .flatten()
                .map(|key| (f.day_title_key, Leaf::U64(key))),
            text(f.source, &a.source),
            (self.article.date).map(|date| (f.date, Leaf::Date(date))),
            text(f.title, &a.title),
            text(f.text, &a.body[self.range.clone()]),
            number(f.ordinal, self.ordinal),
            number(f.start, self.range.start),
            number(f.end, self.range.end),
            (a.url.as_deref()).and_then(|url| text(f.url, url)),
            (a.category.as_deref()).and_then(|category| text(f.category, category)),
        ];
        let lead: &[(Field, String)] = match self.ordinal {
            0 => &self.article.lead,
            _ => &[],
        };
        let borrow: fn(&(Field, String)) -> (Field, Leaf<'_>) =
            |(field, value)| (*field, Leaf::Str(value));
        common.into_iter().flatten().chain(lead.iter().map(borrow))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Entity;
    use crate::index::schema::build_schema;
    use tantivy::TantivyDocument;

    fn article() -> Article {
        Article {
            id: "a1".into(),
            source: "Harbour Post".into(),
            date: None,
            title: "Rates rise".into(),
            body: "First passage.\n\nSecond passage.".into(),
            url: Some("https://example.org/a1".into()),
            category: None,
            entities: Vec::new(),
            language: None,
        }
    }

    #[test]
    fn passages_lend_their_article_and_the_lead_its_entities() {
        let schema = build_schema();
        let fields = Fields::from_schema(&schema).unwrap();
        let found = Found {
            entities: vec![Entity::new(EntityKind::Person, "Ana Lima")],
            aliases: vec![Entity::new(EntityKind::Person, "lima")],
            tokens: 0,
        };
        let passages = build_documents(&fields, article(), &[0..14, 16..31], found);
        let [lead, second] = <[Passage; 2]>::try_from(passages)
            .ok()
            .expect("two passages");
        let str_of = |doc: &TantivyDocument, field| {
            doc.get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let (lead, second) = (lead.into_tantivy_document(), second.into_tantivy_document());
        assert_eq!(
            str_of(&second, fields.text).as_deref(),
            Some("Second passage.")
        );
        assert_eq!(str_of(&second, fields.title).as_deref(), Some("Rates rise"));
        assert_eq!(
            str_of(&second, fields.url).as_deref(),
            Some("https://example.org/a1")
        );
        assert_eq!(
            second.get_first(fields.ordinal).and_then(|v| v.as_u64()),
            Some(1)
        );
        assert_eq!(
            second.get_first(fields.start).and_then(|v| v.as_u64()),
            Some(16)
        );
        assert!(second.get_first(fields.date).is_none());
        assert!(second.get_first(fields.category).is_none());
        assert!(second.get_first(fields.person).is_none());
        assert!(second.get_first(fields.alias).is_none());
        assert_eq!(str_of(&lead, fields.person).as_deref(), Some("Ana Lima"));
        let aliases: Vec<_> = (lead.get_all(fields.alias))
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert_eq!(aliases, ["person:lima", "surname:Lima|Ana Lima"]);
    }
}
