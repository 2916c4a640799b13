//! Entity extraction: a pipeline stage between text shaping and indexing.
//!
//! Each [`Extractor`] looks at an article and names the entities it mentions; the
//! stage merges what every extractor found into one list under canonical names.
//! Today the only extractor reads the input's own metadata; the trained tagger
//! joins the list as a second one.

use crate::article::{Article, Entity};
use std::collections::BTreeMap;

/// Finds entities in an article.
pub trait Extractor: Send + Sync {
    fn extract(&self, article: &Article) -> Vec<Entity>;
}

/// Entities the input itself carries (JSON `entities`, Reuters PEOPLE/ORGS/PLACES).
pub struct Metadata;

impl Extractor for Metadata {
    fn extract(&self, article: &Article) -> Vec<Entity> {
        article.entities.clone()
    }
}

/// The extraction stage: runs every extractor and merges their findings.
pub struct Stage {
    extractors: Vec<Box<dyn Extractor>>,
}

impl Stage {
    pub fn new(extractors: Vec<Box<dyn Extractor>>) -> Stage {
        Stage { extractors }
    }

    /// The stage when entities are wanted (`--no-entities` gives an empty stage).
    pub fn standard() -> Stage {
        Stage::new(vec![Box::new(Metadata)])
    }

    pub fn none() -> Stage {
        Stage::new(Vec::new())
    }

    /// Every entity found, once per kind and name (compared ignoring case and
    /// accents), most mentioned first, under the spelling seen first.
    pub fn run(&self, article: &Article) -> Vec<Entity> {
        let mut merged: BTreeMap<(crate::article::EntityKind, String), (usize, usize, Entity)> =
            BTreeMap::new();
        let found = self.extractors.iter().flat_map(|e| e.extract(article));
        for (order, entity) in found.enumerate() {
            let name = entity.name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.is_empty() {
                continue;
            }
            let key = (entity.kind, fold(&name));
            merged
                .entry(key)
                .or_insert((0, order, Entity::new(entity.kind, name)))
                .0 += 1;
        }
        let mut entities: Vec<_> = merged.into_values().collect();
        entities.sort_by_key(|&(mentions, order, _)| (std::cmp::Reverse(mentions), order));
        entities.into_iter().map(|(_, _, entity)| entity).collect()
    }
}

/// The form entity names are compared in: lower case, common accents removed.
///
/// The index applies the same folding (tantivy's ASCII folding) to entity terms, so
/// this only decides which spellings one article lists once.
pub fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind::{Location, Person};

    struct Fixed(Vec<Entity>);

    impl Extractor for Fixed {
        fn extract(&self, _: &Article) -> Vec<Entity> {
            self.0.clone()
        }
    }

    #[test]
    fn merges_extractors_folding_case_and_accents_most_mentioned_first() {
        let article = Article {
            id: "1".into(),
            source: "s".into(),
            date: None,
            title: "t".into(),
            body: "b".into(),
            url: None,
            category: None,
            entities: vec![Entity::new(Location, "Kyiv")],
        };
        let stage = Stage::new(vec![
            Box::new(Metadata),
            Box::new(Fixed(vec![
                Entity::new(Person, "Volodymyr  Zelensky"),
                Entity::new(Person, "volodymyr zelenský"),
                Entity::new(Location, "kyiv"),
                Entity::new(Location, "Kyiv"),
                Entity::new(Person, " "),
            ])),
        ]);
        assert_eq!(
            stage.run(&article),
            vec![
                Entity::new(Location, "Kyiv"),
                Entity::new(Person, "Volodymyr Zelensky"),
            ]
        );
        assert!(Stage::none().run(&article).is_empty());
    }
}
