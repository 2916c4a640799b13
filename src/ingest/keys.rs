//! The names an article's fields go by in CSV headers and JSON keys, one list
//! for both formats, compared ignoring case.
//!
//! Scrapers name fields their own way: news-please writes `maintext`,
//! `date_publish` and `source_domain`, newspaper3k `publish_date`, the
//! summarisation sets `article`, feeds `headline`, `link` and `pubDate`.
//! Where a record has several names of one field, the one earlier in its list
//! is taken and the others are ignored: a record with both `date` and
//! `date_modify` is dated by `date`.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A field of an article that inputs name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Id,
    Url,
    Source,
    Date,
    Title,
    Body,
    Category,
    Entities,
    Language,
}

/// Each field's names, most preferred first, in lower case.
const NAMES: [(Key, &[&str]); 9] = [
    (Key::Id, &["id"]),
    (Key::Url, &["url", "link"]),
    (Key::Source, &["source", "publisher", "source_domain"]),
    (
        Key::Date,
        &[
            "date",
            "published",
            "published_at",
            "published-at",
            "publishedat",
            "date_publish",
            "datepublished",
            "pubdate",
            "publish_date",
            "published_date",
        ],
    ),
    (Key::Title, &["title", "headline"]),
    (
        Key::Body,
        &["text", "body", "content", "maintext", "article"],
    ),
    (Key::Category, &["category", "section"]),
    (Key::Entities, &["entities"]),
    (Key::Language, &["language", "lang"]),
];

/// The field `name` names and its rank among the field's names (0 is the
/// preferred one), or `None` for a name of no field.
pub(crate) fn key(name: &str) -> Option<(Key, usize)> {
    static BY_NAME: OnceLock<FxHashMap<&'static str, (Key, usize)>> = OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        (NAMES.iter())
            .flat_map(|(key, names)| names.iter().enumerate().map(|(rank, n)| (*n, (*key, rank))))
            .collect()
    });
    let name = name.trim();
    match by_name.get(name) {
        Some(&found) => Some(found),
        None if name.bytes().any(|b| b.is_ascii_uppercase()) => {
            by_name.get(name.to_ascii_lowercase().as_str()).copied()
        }
        None => None,
    }
}

/// Every name of every field, for tests that check a format reads them all.
#[cfg(test)]
pub(crate) fn all() -> impl Iterator<Item = (Key, &'static str)> {
    NAMES
        .iter()
        .flat_map(|(key, names)| names.iter().map(move |name| (*key, *name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_ignoring_case_with_their_rank() {
        assert_eq!(key("Title"), Some((Key::Title, 0)));
        assert_eq!(key(" headline "), Some((Key::Title, 1)));
        assert_eq!(key("publishedAt"), Some((Key::Date, 4)));
        assert_eq!(key("date_modify"), None);
        // No name belongs to two fields.
        let mut names: Vec<&str> = all().map(|(_, name)| name).collect();
        names.sort();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
