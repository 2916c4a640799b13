//! Counting over matching articles: entities of each kind, sources, date span.
//!
//! Counts are of articles, not passages: within a segment (which holds all passages
//! of an article) each article is counted once, at its first matching passage,
//! with the entities of its lead passage. The entities of copies of a story
//! (articles whose lead passages share title and text) count once, those of the
//! copy with the smallest article key, unless every copy is asked for; sources
//! and dates count every article.

use crate::article::EntityKind;
use crate::entities::initials;
use crate::fold::fold;
use crate::hashed::{HashedMap, HashedSet};
use crate::index::schema::CopyKeys;
use crate::index::Fields;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentReader;
use tantivy::{DocId, Score, SegmentOrdinal};

/// The counted columns: the four entity kinds, then the source.
const COLUMNS: usize = 5;
const SOURCE_COLUMN: usize = 4;

fn column_name(i: usize) -> &'static str {
    match EntityKind::ALL.get(i) {
        Some(&kind) => Fields::entity_name(kind),
        None => Fields::SOURCE,
    }
}

/// One of the lists `dateline entities` shows: the names of an entity kind, or
/// the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum List {
    Person,
    #[value(name = "org", alias = "organisation", alias = "organization")]
    Organisation,
    #[value(name = "place", alias = "location")]
    Location,
    Other,
    Source,
}

impl List {
    pub const ALL: [List; 5] = [
        List::Person,
        List::Organisation,
        List::Location,
        List::Other,
        List::Source,
    ];

    /// The entity kind listed, or `None` for the sources.
    pub fn kind(self) -> Option<EntityKind> {
        match self {
            List::Person => Some(EntityKind::Person),
            List::Organisation => Some(EntityKind::Organisation),
            List::Location => Some(EntityKind::Location),
            List::Other => Some(EntityKind::Other),
            List::Source => None,
        }
    }
}

/// Article counts per value of each column, plus totals.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub articles: usize,
    /// Matching articles whose entities were left out, as copies of a story
    /// counted already.
    pub copies: usize,
    pub passages: usize,
    /// Seconds since the epoch of the earliest and latest dated article.
    pub first_date: Option<i64>,
    pub last_date: Option<i64>,
    columns: [HashMap<String, usize>; COLUMNS],
    /// Articles that list a person by a surname alone and someone by a full
    /// name that ends in it, both folded (`("trump", "donald trump")`): the
    /// surname is credited to the full name only where the article does not
    /// list it.
    surname_beside_full_name: HashMap<(String, String), usize>,
}

/// One value and the number of articles that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub name: String,
    pub articles: usize,
}

impl Counts {
    /// The `top` most frequent values of `list` (ties by name).
    pub fn top(&self, list: List, top: usize) -> Vec<Count> {
        let column = list.kind().map_or(SOURCE_COLUMN, |kind| kind as usize);
        top_of(&self.columns[column], top)
    }

    /// Counts each person once, under one name, as the filters find them:
    /// first the spellings of a name with and without middle initials, under
    /// the spelling most articles use (`entities::initials`); then the
    /// articles that name a person by a surname alone, under the full name the
    /// surname stands for (`index::filed`), where the counts hold that
    /// name. An article lists one spelling of a name, and one that lists a
    /// surname alone beside the full name counts once. `stands_for` gives the
    /// folded full name for a folded surname, and `spelt` a spelling of a
    /// folded full name that the index holds, for a surname whose full name
    /// the counts lack: "Reagan" in a result set that never names Ronald
    /// Reagan in full still counts under him, as over the whole index.
    pub fn join_people(
        &mut self,
        mut stands_for: impl FnMut(&str) -> Option<String>,
        mut spelt: impl FnMut(&str) -> Option<String>,
    ) {
        let people = &mut self.columns[EntityKind::Person as usize];
        // Each folded name's articles and spellings, the most used first.
        let mut spellings: HashMap<String, (u64, Vec<(usize, String)>)> = HashMap::new();
        for (name, &articles) in people.iter() {
            let folded = spellings.entry(fold(name)).or_default();
            folded.0 += articles as u64;
            folded.1.push((articles, name.clone()));
        }
        for (_, names) in spellings.values_mut() {
            names.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        }
        // In order of name, so that equals join the same spelling every time.
        let mut folds: Vec<(&str, u64)> = (spellings.iter())
            .map(|(folded, (articles, _))| (folded.as_str(), *articles))
            .collect();
        folds.sort_unstable();
        let joined = initials::joined(&folds);
        for &(from, to) in &joined {
            let into = &spellings[to].1[0].1;
            let moved: usize = (spellings[from].1.iter())
                .map(|(_, name)| people.remove(name).unwrap_or_default())
                .sum();
            *people.entry(into.clone()).or_default() += moved;
        }
        // The spellings of each surname alone, and the full names (with their
        // articles) by the surname they end in, all folded.
        let mut alone: HashMap<String, Vec<String>> = HashMap::new();
        let mut by_surname: HashMap<String, Vec<(&str, usize)>> = HashMap::new();
        for (name, &articles) in people.iter() {
            match name.rsplit_once(' ') {
                None => alone.entry(fold(name)).or_default().push(name.clone()),
                Some((_, last)) => by_surname
                    .entry(fold(last))
                    .or_default()
                    .push((name, articles)),
            }
        }
        let mut moves = Vec::new();
        // A name of one word that folds to several ("Herald-Sun") is no surname.
        for (surname, spellings) in alone.into_iter().filter(|(s, _)| !s.contains(' ')) {
            let Some(target) = stands_for(&surname) else {
                continue;
            };
            let target = initials::person(&joined, &target).to_string();
            // The spelling of the full name that most articles use.
            let spelling = (by_surname.get(&surname).into_iter().flatten())
                .filter(|(name, _)| fold(name) == target)
                .max_by_key(|&&(name, articles)| (articles, std::cmp::Reverse(name)))
                .map(|&(name, _)| name.to_string())
                .or_else(|| spelt(&target));
            if let Some(spelling) = spelling {
                moves.push((surname, target, spellings, spelling));
            }
        }
        for (surname, target, spellings, spelling) in moves {
            let articles: usize = (spellings.iter())
                .map(|s| people.remove(s).unwrap_or_default())
                .sum();
            let both: usize = (self.surname_beside_full_name.iter())
                .filter(|((alone, full), _)| {
                    *alone == surname && initials::person(&joined, full) == target
                })
                .map(|(_, n)| n)
                .sum();
            *people.entry(spelling).or_default() += articles.saturating_sub(both);
        }
    }

    /// Counts the articles that give an organisation's acronym and those
    /// that give the full name it stands for (`index::filed`) under one of
    /// the two, the one more articles list, as the filters find them. An
    /// article that gives both lists the acronym alone, so none counts twice.
    /// `stands_for` gives the folded full name for an acronym.
    pub fn join_acronyms(&mut self, mut stands_for: impl FnMut(&str) -> Option<String>) {
        let organisations = &mut self.columns[EntityKind::Organisation as usize];
        // The spellings of each folded name.
        let mut by_fold: HashMap<String, Vec<String>> = HashMap::new();
        for name in organisations.keys() {
            by_fold.entry(fold(name)).or_default().push(name.clone());
        }
        let acronyms: Vec<String> = (organisations.keys())
            .filter(|name| crate::entities::link::is_acronym(name))
            .cloned()
            .collect();
        for acronym in acronyms {
            let Some(spellings) = stands_for(&acronym).and_then(|full| by_fold.get(&full)) else {
                continue;
            };
            let (Some(&acronym_articles), Some(most)) = (
                organisations.get(&acronym),
                // The spelling of the full name most articles use; ties by name.
                (spellings.iter())
                    .filter(|s| organisations.contains_key(*s))
                    .max_by_key(|s| (organisations[*s], std::cmp::Reverse(*s))),
            ) else {
                continue;
            };
            let full_articles: usize = (spellings.iter())
                .filter_map(|s| organisations.get(s))
                .sum();
            let into = match full_articles > acronym_articles {
                true => most.clone(),
                false => acronym.clone(),
            };
            let moved: usize = (spellings.iter().chain([&acronym]))
                .filter(|name| **name != into)
                .map(|name| organisations.remove(name).unwrap_or_default())
                .sum();
            *organisations.entry(into).or_default() += moved;
        }
    }

    pub fn distinct_entities(&self, kind: EntityKind) -> usize {
        grouped(&self.columns[kind as usize]).len()
    }

    pub fn distinct_sources(&self) -> usize {
        grouped(&self.columns[SOURCE_COLUMN]).len()
    }
}

/// Article counts per name, names that differ only in case or accents summed.
///
/// An article lists each entity once, so the sums count no article twice. But
/// articles spell names differently: Reuters metadata in lower case, headlines in
/// capitals. The group is shown under the spelling a reader expects: mixed case
/// if at least a tenth of its articles write it so, then any capitals, then the
/// most articles. Headlines in capitals outnumber bodies for many names
/// ("TEXAS" 37 times, "Texas" 5), but one story's "GMt" does not name the
/// 115 others' "GMT".
fn grouped(counts: &HashMap<String, usize>) -> Vec<Count> {
    // Each group's spellings, with their articles.
    let mut groups: HashMap<String, Vec<(&str, usize)>> = HashMap::new();
    for (name, &articles) in counts {
        let group = groups.entry(fold(name)).or_default();
        group.push((name, articles));
    }
    groups
        .into_values()
        .map(|spellings| {
            let total = spellings.iter().map(|&(_, articles)| articles).sum();
            let rank = |name: &str, articles: usize| {
                let upper = name.chars().any(char::is_uppercase);
                let lower = name.chars().any(char::is_lowercase);
                (upper && lower && articles * 10 >= total, upper, articles)
            };
            // Equal ranks take the first name in order, whatever the map's order.
            let (name, _) = (spellings.iter())
                .max_by(|a, b| rank(a.0, a.1).cmp(&rank(b.0, b.1)).then(b.0.cmp(a.0)))
                .expect("one spelling");
            Count {
                name: name.to_string(),
                articles: total,
            }
        })
        .collect()
}

fn top_of(counts: &HashMap<String, usize>, top: usize) -> Vec<Count> {
    let mut all = grouped(counts);
    all.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    all.truncate(top);
    all
}

/// Collects [`Counts`] over the matching passages.
pub struct ArticleCounts {
    /// Whether a story's copies count their entities once, under the copy with
    /// the smallest article key, or every copy counts.
    stories: bool,
}

impl ArticleCounts {
    /// Counts that take the entities of each story once, its copies left out.
    pub fn of_stories() -> ArticleCounts {
        ArticleCounts { stories: true }
    }

    /// Counts that take every article, copies included.
    pub fn of_articles() -> ArticleCounts {
        ArticleCounts { stories: false }
    }
}

/// One segment's counts, and for counts of stories its matching articles, whose
/// entities wait until every segment has said which copy of each story it holds.
pub struct SegmentFruit {
    counts: Counts,
    columns: Vec<Option<StrColumn>>,
    /// Each matching article, to be counted once per story.
    leads: Vec<Lead>,
}

impl Collector for ArticleCounts {
    type Fruit = Counts;
    type Child = SegmentCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCounts> {
        let fast = reader.fast_fields();
        let mut columns = Vec::with_capacity(COLUMNS);
        for i in 0..COLUMNS {
            columns.push(fast.str(column_name(i))?);
        }
        Ok(SegmentCounts {
            keys: fast.u64(Fields::ARTICLE_KEY)?,
            copy_keys: self.stories.then(|| CopyKeys::open(reader)).transpose()?,
            ordinals: fast.u64(Fields::ORDINAL)?,
            max_doc: reader.max_doc(),
            dates: fast.date(Fields::DATE)?,
            ord_counts: OrdCounts::default(),
            columns,
            seen: HashedSet::default(),
            leads: Vec::new(),
            counts: Counts::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    /// Sums the segments' counts. For counts of stories, a story's entities are
    /// those of its copy with the smallest article key: which copy a search meets
    /// first depends on how indexing threads spread the articles over segments,
    /// and copies may differ past their lead passage.
    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Counts> {
        let articles: Vec<(usize, &Lead)> = (fruits.iter().enumerate())
            .flat_map(|(segment, fruit)| fruit.leads.iter().map(move |lead| (segment, lead)))
            .collect();
        let mut stories = Stories::new(articles.len());
        // The first article of each story key, lead key and day-title key;
        // keys are hashes already.
        let mut firsts: [HashedMap<usize>; 3] = Default::default();
        for (i, (_, lead)) in articles.iter().enumerate() {
            for (key, firsts) in lead.keys.into_iter().zip(&mut firsts) {
                if let Some(key) = key {
                    stories.join(i, *firsts.entry(key).or_insert(i));
                }
            }
        }
        // By the place of the article that stands for each story: the copy of
        // most passages, the fullest, and of those the one whose id hashes
        // lowest.
        let rank = |lead: &Lead| (Reverse(lead.passages), lead.article);
        let mut chosen: Vec<Option<(usize, &Lead)>> = vec![None; articles.len()];
        for (i, &(segment, lead)) in articles.iter().enumerate() {
            let story = &mut chosen[stories.find(i)];
            if story.is_none_or(|(_, story)| rank(lead) < rank(story)) {
                *story = Some((segment, lead));
            }
        }
        let mut leads: Vec<Vec<DocId>> = vec![Vec::new(); fruits.len()];
        for &(segment, lead) in chosen.iter().flatten() {
            leads[segment].push(lead.doc);
        }
        let counted = chosen.iter().flatten().count();
        let mut merged = Counts::default();
        for (fruit, leads) in fruits.into_iter().zip(leads) {
            let mut counts = fruit.counts;
            if !fruit.leads.is_empty() {
                let mut ord_counts = OrdCounts::default();
                for lead in leads {
                    count_entities(&fruit.columns, lead, &mut ord_counts);
                }
                name_counts(&fruit.columns, ord_counts, &mut counts);
            }
            merged.articles += counts.articles;
            merged.passages += counts.passages;
            merged.first_date = min_some(merged.first_date, counts.first_date);
            merged.last_date = merged.last_date.max(counts.last_date);
            for (into, from) in merged.columns.iter_mut().zip(counts.columns) {
                for (name, n) in from {
                    *into.entry(name).or_default() += n;
                }
            }
            for (pair, n) in counts.surname_beside_full_name {
                *merged.surname_beside_full_name.entry(pair).or_default() += n;
            }
        }
        if self.stories {
            merged.copies = merged.articles - counted;
        }
        Ok(merged)
    }
}

fn min_some(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Segment-local term ordinals with their article counts, per column, and the
/// pairs of people (ordinals in order) listed by the same article.
#[derive(Default)]
struct OrdCounts {
    columns: [HashMap<u64, usize>; COLUMNS],
    people_together: rustc_hash::FxHashMap<(u64, u64), usize>,
    /// The people of the article being counted (a buffer kept between articles).
    people: Vec<u64>,
}

/// Adds the entities of the article led by `lead` to `ord_counts`.
fn count_entities(columns: &[Option<StrColumn>], lead: DocId, ord_counts: &mut OrdCounts) {
    let OrdCounts {
        columns: counts,
        people_together,
        people,
    } = ord_counts;
    let columns = columns.iter().zip(counts).enumerate();
    for (i, (column, counts)) in columns.filter(|&(i, _)| i != SOURCE_COLUMN) {
        let Some(column) = column else { continue };
        if i != EntityKind::Person as usize {
            for ord in column.term_ords(lead) {
                *counts.entry(ord).or_default() += 1;
            }
            continue;
        }
        people.clear();
        people.extend(column.term_ords(lead));
        for (at, &a) in people.iter().enumerate() {
            *counts.entry(a).or_default() += 1;
            for &b in &people[at + 1..] {
                *people_together.entry((a, b)).or_default() += 1;
            }
        }
    }
}

/// Adds ordinal counts to `into`, by name. The ordinals are looked up in order,
/// in one walk over the column's dictionary: looking each up on its own
/// decompressed a block of the dictionary every time, and was half the time of
/// `dateline entities` over a whole index.
fn name_counts(columns: &[Option<StrColumn>], ord_counts: OrdCounts, counts: &mut Counts) {
    let mut people: Vec<(u64, String)> = Vec::new();
    let into = &mut counts.columns;
    let columns = columns.iter().zip(ord_counts.columns).zip(into.iter_mut());
    for (i, ((column, ords), into)) in columns.enumerate() {
        let Some(column) = column else { continue };
        let mut ords: Vec<(u64, usize)> = ords.into_iter().collect();
        ords.sort_unstable();
        let sorted: Vec<u64> = ords.iter().map(|&(ord, _)| ord).collect();
        let mut counts = ords.iter().map(|&(_, n)| n);
        let mut sorted_iter = sorted.iter();
        let keep_names = i == EntityKind::Person as usize;
        let named = column.dictionary().sorted_ords_to_term_cb(&sorted, |name| {
            let n = counts.next().unwrap_or_default();
            let name = String::from_utf8_lossy(name).into_owned();
            if let (true, Some(&ord)) = (keep_names, sorted_iter.next()) {
                people.push((ord, name.clone()));
            }
            *into.entry(name).or_default() += n;
        });
        // The ordinals come from the column itself, so each has a name unless
        // the index cannot be read.
        if let Err(err) = named {
            log::warn!("entity counts are incomplete: cannot read a column's names ({err})");
        }
    }
    surnames_beside_full_names(&people, &ord_counts.people_together, counts);
}

/// Adds to `counts` the articles that list a surname alone beside a full name
/// that ends in it, from the pairs of people's ordinals listed together and
/// the people's names by ordinal, in order.
fn surnames_beside_full_names(
    people: &[(u64, String)],
    together: &rustc_hash::FxHashMap<(u64, u64), usize>,
    counts: &mut Counts,
) {
    // Each person's surname, folded: the whole name alone, or the last word of
    // a full name.
    let surnames: Vec<(bool, String)> = (people.iter())
        .map(|(_, name)| match name.rsplit_once(' ') {
            None => (true, fold(name)),
            Some((_, last)) => (false, fold(last)),
        })
        .collect();
    let at = |ord: u64| people.binary_search_by_key(&ord, |&(ord, _)| ord).ok();
    for (&(a, b), &n) in together {
        let (Some(a), Some(b)) = (at(a), at(b)) else {
            continue;
        };
        let ((alone_a, surname), (alone_b, other)) = (&surnames[a], &surnames[b]);
        if alone_a == alone_b || surname != other {
            continue;
        }
        let full = if *alone_a { b } else { a };
        let pair = (surname.clone(), fold(&people[full].1));
        *counts.surname_beside_full_name.entry(pair).or_default() += n;
    }
}

pub struct SegmentCounts {
    keys: Column<u64>,
    /// For counts of stories: the keys that find copies.
    copy_keys: Option<CopyKeys>,
    ordinals: Column<u64>,
    max_doc: DocId,
    dates: Column<tantivy::DateTime>,
    columns: Vec<Option<StrColumn>>,
    ord_counts: OrdCounts,
    seen: HashedSet,
    leads: Vec<Lead>,
    counts: Counts,
}

/// A matching article of counts of stories: its keys, its lead passage and how
/// many passages it has.
struct Lead {
    keys: [Option<u64>; 3],
    article: u64,
    doc: DocId,
    passages: DocId,
}

/// Articles joined into stories: a union-find over their places.
struct Stories {
    parents: Vec<usize>,
}

impl Stories {
    fn new(articles: usize) -> Stories {
        Stories {
            parents: (0..articles).collect(),
        }
    }

    /// The article that stands for the story of article `i`.
    fn find(&mut self, mut i: usize) -> usize {
        while self.parents[i] != i {
            self.parents[i] = self.parents[self.parents[i]];
            i = self.parents[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        self.parents[a.max(b)] = a.min(b);
    }
}

impl SegmentCollector for SegmentCounts {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.counts.passages += 1;
        let key = self.keys.first(doc).unwrap_or_default();
        if !self.seen.insert(key) {
            return;
        }
        self.counts.articles += 1;
        let lead = doc - self.ordinals.first(doc).unwrap_or_default() as DocId;
        if let Some(date) = self.dates.first(doc).map(|d| d.into_timestamp_secs()) {
            self.counts.first_date = min_some(self.counts.first_date, Some(date));
            self.counts.last_date = self.counts.last_date.max(Some(date));
        }
        // Sources are on every passage, entities on the lead.
        if let Some(source) = &self.columns[SOURCE_COLUMN] {
            for ord in source.term_ords(lead) {
                *self.ord_counts.columns[SOURCE_COLUMN]
                    .entry(ord)
                    .or_default() += 1;
            }
        }
        match &self.copy_keys {
            Some(copy_keys) => {
                // An article's passages follow its lead, numbered from 0.
                let mut passages = 1;
                while lead + passages < self.max_doc
                    && self.ordinals.first(lead + passages) == Some(u64::from(passages))
                {
                    passages += 1;
                }
                self.leads.push(Lead {
                    keys: copy_keys.of(lead, lead),
                    article: key,
                    doc: lead,
                    passages,
                })
            }
            None => count_entities(&self.columns, lead, &mut self.ord_counts),
        }
    }

    fn harvest(mut self) -> SegmentFruit {
        name_counts(&self.columns, self.ord_counts, &mut self.counts);
        SegmentFruit {
            counts: self.counts,
            columns: self.columns,
            leads: self.leads,
        }
    }
}

/// What `dateline stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct IndexStats {
    pub articles: usize,
    pub passages: usize,
    pub sources: usize,
    /// Distinct entities per kind.
    pub entities: std::collections::BTreeMap<&'static str, usize>,
    /// RFC 3339, or null for an index without dated articles.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    pub bytes_on_disk: u64,
}

impl IndexStats {
    pub fn from_counts(counts: &Counts, bytes_on_disk: u64) -> IndexStats {
        let rfc3339 = |secs: Option<i64>| {
            secs.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                .map(|d| d.to_rfc3339())
        };
        IndexStats {
            articles: counts.articles,
            passages: counts.passages,
            sources: counts.distinct_sources(),
            entities: EntityKind::ALL
                .iter()
                .map(|&kind| (kind.as_str(), counts.distinct_entities(kind)))
                .collect(),
            first_date: rfc3339(counts.first_date),
            last_date: rfc3339(counts.last_date),
            bytes_on_disk,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_that_fold_alike_count_together_under_the_readable_one() {
        let counts: HashMap<String, usize> = [
            ("reagan", 53),
            ("Reagan", 120),
            ("REAGAN", 5),
            ("japan", 408),
            ("Japan", 134),
            ("ec", 10),
            ("EC", 2),
            ("Zürich", 3),
            ("zurich", 4),
            ("GMT", 115),
            ("GMt", 1),
            ("TEXAS", 37),
            ("Texas", 5),
            ("Kim Jong Un", 8),
            ("Kim Jong-un", 7),
        ]
        .into_iter()
        .map(|(name, n)| (name.to_string(), n))
        .collect();
        let top: Vec<(String, usize)> = top_of(&counts, 10)
            .into_iter()
            .map(|c| (c.name, c.articles))
            .collect();
        let expected = [
            ("Japan", 542),
            ("Reagan", 178),
            ("GMT", 116),
            ("Texas", 42),
            ("Kim Jong Un", 15),
            ("EC", 12),
            ("Zürich", 7),
        ];
        assert_eq!(top, expected.map(|(name, n)| (name.to_string(), n)));
        assert_eq!(grouped(&counts).len(), 7);
    }
}
