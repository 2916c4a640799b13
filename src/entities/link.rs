//! Within one article, naming each entity once: a short mention of a person joins
//! the full name it abbreviates ("Zelensky" after "Volodymyr Zelensky"), and common
//! aliases of countries and bodies resolve to one name ("U.S." and "usa" to
//! "United States").

use super::fold;
use crate::article::{Entity, EntityKind};
use std::collections::HashMap;

/// Aliases (folded) and the canonical name they stand for, per kind.
const ALIASES: &[(EntityKind, &str, &str)] = &[
    (EntityKind::Location, "u.s.", "United States"),
    (EntityKind::Location, "u.s", "United States"),
    (EntityKind::Location, "us", "United States"),
    (EntityKind::Location, "usa", "United States"),
    (EntityKind::Location, "u.s.a.", "United States"),
    (
        EntityKind::Location,
        "united states of america",
        "United States",
    ),
    (EntityKind::Location, "america", "United States"),
    (EntityKind::Location, "u.k.", "United Kingdom"),
    (EntityKind::Location, "uk", "United Kingdom"),
    (EntityKind::Location, "britain", "United Kingdom"),
    (EntityKind::Location, "great britain", "United Kingdom"),
    (EntityKind::Location, "uae", "United Arab Emirates"),
    (EntityKind::Location, "u.a.e.", "United Arab Emirates"),
    (EntityKind::Location, "russian federation", "Russia"),
    (EntityKind::Location, "ussr", "Soviet Union"),
    (EntityKind::Location, "republic of korea", "South Korea"),
    (EntityKind::Location, "south-korea", "South Korea"),
    (EntityKind::Location, "dprk", "North Korea"),
    (EntityKind::Location, "north-korea", "North Korea"),
    (EntityKind::Location, "kiev", "Kyiv"),
    (EntityKind::Location, "west-germany", "West Germany"),
    (EntityKind::Location, "saudi-arabia", "Saudi Arabia"),
    (EntityKind::Location, "hong-kong", "Hong Kong"),
    (EntityKind::Location, "new-zealand", "New Zealand"),
    (EntityKind::Organisation, "eu", "European Union"),
    (EntityKind::Organisation, "e.u.", "European Union"),
    (EntityKind::Organisation, "un", "United Nations"),
    (EntityKind::Organisation, "u.n.", "United Nations"),
    (
        EntityKind::Organisation,
        "north atlantic treaty organization",
        "NATO",
    ),
    (EntityKind::Organisation, "nato", "NATO"),
    (EntityKind::Organisation, "opec", "OPEC"),
];

/// The canonical name of a country or body alias, if it is one.
pub fn alias(kind: EntityKind, name: &str) -> Option<&'static str> {
    let folded = fold(name);
    ALIASES
        .iter()
        .find(|(k, alias, _)| *k == kind && *alias == folded)
        .map(|&(_, _, canonical)| canonical)
}

/// Canonical entities of one article's mentions, one per mention (so repeats
/// count), and every name each canonical entity was mentioned under.
pub fn canonicalize(mentions: &[Entity]) -> (Vec<Entity>, Vec<Entity>) {
    let resolved: Vec<Entity> = mentions
        .iter()
        .map(|m| {
            Entity::new(
                m.kind,
                alias(m.kind, &m.name).map_or_else(|| m.name.clone(), str::to_string),
            )
        })
        .collect();
    // Full person names by each of their words (folded), to find what a short
    // mention abbreviates; a word shared by two different names links to neither.
    let mut by_word: HashMap<String, Option<&str>> = HashMap::new();
    for entity in resolved.iter().filter(|e| e.kind == EntityKind::Person) {
        let words: Vec<&str> = entity.name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        for word in &words[1..] {
            let slot = by_word
                .entry(fold(word))
                .or_insert(Some(entity.name.as_str()));
            if slot.is_some_and(|name| fold(name) != fold(&entity.name)) {
                *slot = None;
            }
        }
    }
    let canonical: Vec<Entity> = resolved
        .iter()
        .map(|entity| {
            let short = entity.kind == EntityKind::Person && !entity.name.contains(' ');
            match by_word.get(&fold(&entity.name)) {
                Some(Some(full)) if short => Entity::new(EntityKind::Person, *full),
                _ => entity.clone(),
            }
        })
        .collect();
    let mut aliases: Vec<(EntityKind, String, &str)> = Vec::new();
    for ((mention, entity), canonical) in mentions.iter().zip(&resolved).zip(&canonical) {
        for name in [&mention.name, &entity.name, &canonical.name] {
            aliases.push((canonical.kind, fold(name), name));
        }
        if canonical.kind == EntityKind::Person {
            if let Some(last) = canonical.name.split_whitespace().last() {
                aliases.push((EntityKind::Person, fold(last), last));
            }
        }
    }
    aliases.sort_unstable_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    aliases.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let aliases = aliases
        .into_iter()
        .map(|(kind, _, name)| Entity::new(kind, name))
        .collect();
    (canonical, aliases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Location, Organisation, Person};

    fn names(entities: &[Entity]) -> Vec<&str> {
        entities.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn surnames_join_full_names_in_either_order() {
        let mentions = vec![
            Entity::new(Person, "Zelensky"),
            Entity::new(Person, "Volodymyr Zelensky"),
            Entity::new(Person, "Rutte"),
            Entity::new(Person, "Mark Rutte"),
            Entity::new(Person, "Mick Ryan"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            vec![
                "Volodymyr Zelensky",
                "Volodymyr Zelensky",
                "Mark Rutte",
                "Mark Rutte",
                "Mick Ryan"
            ]
        );
        assert!(aliases.contains(&Entity::new(Person, "Zelensky")));
        assert!(
            aliases.contains(&Entity::new(Person, "Ryan")),
            "surnames are aliases"
        );
    }

    #[test]
    fn a_surname_shared_by_two_people_links_to_neither() {
        let mentions = vec![
            Entity::new(Person, "Kim Jong-un"),
            Entity::new(Person, "Kim"),
            Entity::new(Person, "Jane Smith"),
            Entity::new(Person, "John Smith"),
            Entity::new(Person, "Smith"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(names(&canonical)[1], "Kim", "a first name is not linked");
        assert_eq!(names(&canonical)[4], "Smith");
    }

    #[test]
    fn country_and_body_aliases_resolve() {
        let mentions = vec![
            Entity::new(Location, "U.S."),
            Entity::new(Location, "usa"),
            Entity::new(Location, "United States"),
            Entity::new(Organisation, "EU"),
            Entity::new(Person, "US"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            vec![
                "United States",
                "United States",
                "United States",
                "European Union",
                "US"
            ]
        );
    }
}
