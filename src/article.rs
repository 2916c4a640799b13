//! The article model every reader yields and every later stage consumes.
//!
//! Readers differ in what their input carries; once an [`Article`] exists, nothing
//! downstream knows which format it came from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One news article, as read from any input format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Stable identity: from the data where it has one, else a hash of source, title and body.
    pub id: String,
    /// Publisher, e.g. `Reuters` or `en.wikinews.org`.
    pub source: String,
    pub date: Option<DateTime<Utc>>,
    pub title: String,
    /// Body text, boilerplate removed; passages are byte ranges into it.
    pub body: String,
    pub url: Option<String>,
    pub category: Option<String>,
    /// Entities known before extraction (metadata of the input).
    pub entities: Vec<Entity>,
    /// The language the input says the article is in (`en`, `fr`, `de-CH`), if
    /// it says; the tagger, trained on English, reads only English and unstated ones.
    pub language: Option<String>,
}

impl Article {
    /// Whether the article may be English: its language is unstated, or English.
    pub fn may_be_english(&self) -> bool {
        self.language.as_deref().is_none_or(|language| {
            let code = language.trim().to_ascii_lowercase();
            code == "en" || code.starts_with("en-") || code == "eng" || code == "english"
        })
    }

    /// The id for an article whose data carries none: a stable hash of source, title and body.
    pub fn content_id(source: &str, title: &str, body: &str) -> String {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for part in [source, title, body] {
            hasher.update(part.as_bytes());
            hasher.update(&[0xff]);
        }
        format!("{:032x}", hasher.digest128())
    }
}

/// The four CoNLL entity types, named for people rather than for taggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Location,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Location,
        EntityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Location => "location",
            EntityKind::Other => "other",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityKind {
    type Err = String;

    /// Accepts our names, common abbreviations and the CoNLL tags.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "people" | "per" | "pers" => Ok(EntityKind::Person),
            "organisation" | "organization" | "org" | "orgs" => Ok(EntityKind::Organisation),
            "location" | "place" | "places" | "loc" | "gpe" => Ok(EntityKind::Location),
            "other" | "misc" => Ok(EntityKind::Other),
            _ => Err(format!(
                "unknown entity kind {s:?} (expected person, organisation, location or other)"
            )),
        }
    }
}

/// A named entity of an article, under the name search and counts use.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    pub name: String,
}

impl Entity {
    pub fn new(kind: EntityKind, name: impl Into<String>) -> Entity {
        Entity {
            kind,
            name: name.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_stated_language_other_than_english_is_not_english() {
        let mut article = Article::default();
        for (language, english) in [
            (None, true),
            (Some("en"), true),
            (Some("EN-gb"), true),
            (Some("English"), true),
            (Some("fr"), false),
            (Some("de-CH"), false),
            (Some("eno"), false),
        ] {
            article.language = language.map(String::from);
            assert_eq!(article.may_be_english(), english, "{language:?}");
        }
    }

    #[test]
    fn content_id_is_stable_and_separates_fields() {
        let a = Article::content_id("src", "title", "body");
        assert_eq!(a, Article::content_id("src", "title", "body"));
        assert_eq!(a.len(), 32);
        assert_ne!(a, Article::content_id("srct", "itle", "body"));
    }

    #[test]
    fn entity_kind_parses_conll_tags_and_names() {
        assert_eq!("PER".parse(), Ok(EntityKind::Person));
        assert_eq!("organization".parse(), Ok(EntityKind::Organisation));
        assert_eq!("places".parse(), Ok(EntityKind::Location));
        assert_eq!("MISC".parse(), Ok(EntityKind::Other));
        assert!("fruit".parse::<EntityKind>().is_err());
    }
}
