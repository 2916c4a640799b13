//! Answering a search: query and filters in, ranked hits with snippets out.

use crate::article::{Entity, EntityKind};
use crate::facets::Counts;
use crate::hashed::{HashedMap, HashedSet};
use crate::index::filed::Filed;
use crate::index::schema::{prose_analyzer, CopyKeys};
use crate::index::{Fields, Opened};
use crate::query::{self, ArticleSet, Filters, Plan, QueryBuilder, QueryError};
use crate::rank::{ArticleKeys, Candidate, Highlighter, Snippet, SortBy, TopArticles};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::hash_map::{Entry, HashMap};
use std::sync::Arc;
use tantivy::collector::{Collector, DocSetCollector, FilterCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, IndexReader, Searcher, SegmentOrdinal, TantivyDocument, Term};

/// What to search for and how to return it.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub filters: Filters,
    /// Every matching passage instead of the best one per article.
    pub passages: bool,
    pub sort: SortBy,
    pub limit: usize,
    pub offset: usize,
    /// Longest snippet, in bytes of passage text.
    pub snippet_bytes: usize,
    /// List copies of a story as hits of their own instead of under the first.
    pub copies: bool,
}

/// One result: a passage of an article.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub article_id: String,
    pub title: String,
    /// Byte ranges of the query's matches in the title, as `[start, end]`.
    pub title_highlights: Vec<[usize; 2]>,
    pub source: String,
    pub date: Option<DateTime<Utc>>,
    pub score: f32,
    /// Ordinal of the passage in its article.
    pub passage: u64,
    /// Byte range of the passage in the article body.
    pub passage_range: [u64; 2],
    pub snippet: Snippet,
    pub entities: Vec<Entity>,
    pub url: Option<String>,
    /// Other articles with the same title and passage text, or that open with
    /// the same words: the same story under other ids, as wires and the sites
    /// that run their copy publish it.
    pub copies: Vec<Copy>,
}

/// An article that repeats a hit's title and passage, or its opening words.
#[derive(Debug, Clone, Serialize)]
pub struct Copy {
    pub article_id: String,
    /// The copy's own title, which may differ from the hit's.
    pub title: String,
    pub source: String,
    pub date: Option<DateTime<Utc>>,
    pub url: Option<String>,
}

/// A matching passage and the copies folded under it.
struct Story {
    candidate: Candidate,
    copies: Vec<Candidate>,
}

/// A whole article as the index holds it: its passages in order.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub article_id: String,
    pub title: String,
    pub source: String,
    pub date: Option<DateTime<Utc>>,
    pub url: Option<String>,
    pub category: Option<String>,
    pub entities: Vec<Entity>,
    pub passages: Vec<PassageView>,
}

/// One passage of an [`ArticleView`].
#[derive(Debug, Clone, Serialize)]
pub struct PassageView {
    pub passage: u64,
    /// Byte range of the passage in the article body.
    pub passage_range: [u64; 2],
    pub text: String,
}

/// Hits and the number of matching articles (or passages with `passages`).
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// A folded name with a capital at the start of each word, as most names are
/// written: "ronald reagan" is "Ronald Reagan", "george w. bush" "George W.
/// Bush".
fn capitalised(folded: &str) -> String {
    let mut name = String::with_capacity(folded.len());
    let mut opens_word = true;
    for c in folded.chars() {
        if opens_word {
            name.extend(c.to_uppercase());
        } else {
            name.push(c);
        }
        opens_word = c == ' ';
    }
    name
}

/// A searcher over an opened index.
pub struct Engine {
    opened: Opened,
    reader: IndexReader,
}

impl Engine {
    pub fn new(opened: Opened) -> tantivy::Result<Engine> {
        let reader = opened.index.reader()?;
        Ok(Engine { opened, reader })
    }

    pub fn reader(&self) -> &IndexReader {
        &self.reader
    }

    /// Joins in `counts` the names of one entity that the filters join: a
    /// person's spellings and a surname alone under the full name, an
    /// acronym and the full name it stands for (`index::filed`).
    pub fn join_names(&self, counts: &mut Counts) {
        let mut keyword = (self.opened.index.tokenizers())
            .get(crate::index::schema::KEYWORD_TOKENIZER)
            .expect("registered at open");
        let (searcher, alias) = (self.reader.searcher(), self.opened.fields.alias);
        let person = Fields::entity_name(EntityKind::Person);
        let columns: Vec<StrColumn> = (searcher.segment_readers().iter())
            .filter_map(|segment| segment.fast_fields().str(person).ok().flatten())
            .collect();
        counts.join_people(
            |surname| {
                let filed = Filed::surname(&searcher, alias, &mut keyword, surname);
                filed.dominant().map(str::to_string)
            },
            |folded| {
                let name = capitalised(folded);
                let held = |column: &StrColumn| {
                    column.dictionary().term_ord(&name).ok().flatten().is_some()
                };
                columns.iter().any(held).then_some(name)
            },
        );
        counts.join_acronyms(|acronym| {
            let filed = Filed::acronym(&searcher, alias, &mut keyword, acronym);
            filed.spelt_out().map(str::to_string)
        });
    }

    /// Parses a query text and plans it with the filters.
    pub fn plan(
        &self,
        text: &str,
        filters: &Filters,
    ) -> Result<(Option<query::Node>, Plan), QueryError> {
        let mut node = query::parse(text)?;
        let mut builder = QueryBuilder::new(&self.opened, self.reader.searcher());
        if let Some(node) = &mut node {
            builder.expand_fuzzy(node)?;
        }
        let plan = builder.build(node.as_ref(), filters)?;
        Ok((node, plan))
    }

    /// The words of a query (outside its exclusions) that no title or passage
    /// holds, each with how many other spellings `word~` would match: why a
    /// query may have matched nothing.
    pub fn unheld_words(&self, text: &str) -> Result<Vec<(String, usize)>, QueryError> {
        let Some(node) = query::parse(text)? else {
            return Ok(Vec::new());
        };
        let mut builder = QueryBuilder::new(&self.opened, self.reader.searcher());
        let mut unheld = Vec::new();
        for word in node.plain_words() {
            if let Some(spellings) = builder.unheld_spellings(word)? {
                unheld.push((word.to_string(), spellings));
            }
        }
        Ok(unheld)
    }

    /// Runs `collector` over the passages a plan matches.
    pub fn collect<C>(&self, plan: &Plan, collector: C) -> tantivy::Result<C::Fruit>
    where
        C: Collector + Send + Sync,
    {
        let searcher = self.reader.searcher();
        match &plan.articles {
            None => searcher.search(plan.passages.as_ref(), &collector),
            Some(set) => {
                let allowed = Arc::new(self.articles(&searcher, set)?);
                let restricted = FilterCollector::new(
                    Fields::ARTICLE_KEY.to_string(),
                    move |key: u64| allowed.contains(&key),
                    collector,
                );
                searcher.search(plan.passages.as_ref(), &restricted)
            }
        }
    }

    /// The keys of the articles in a set.
    fn articles(&self, searcher: &Searcher, set: &ArticleSet) -> tantivy::Result<HashedSet> {
        Ok(match set {
            ArticleSet::Passages(query) => searcher.search(query.as_ref(), &ArticleKeys)?,
            ArticleSet::Any(sets) => {
                let mut union = HashedSet::default();
                for set in sets {
                    union.extend(self.articles(searcher, set)?);
                }
                union
            }
            ArticleSet::All { all, none } => {
                let mut sets = all
                    .iter()
                    .map(|set| self.articles(searcher, set))
                    .collect::<tantivy::Result<Vec<_>>>()?;
                sets.sort_by_key(HashedSet::len);
                let mut sets = sets.into_iter();
                let mut result = match sets.next() {
                    Some(smallest) => smallest,
                    None => searcher.search(&AllQuery, &ArticleKeys)?,
                };
                for set in sets {
                    result.retain(|key| set.contains(key));
                }
                for set in none {
                    if result.is_empty() {
                        break;
                    }
                    let excluded = self.articles(searcher, set)?;
                    result.retain(|key| !excluded.contains(key));
                }
                result
            }
        })
    }

    pub fn search(&self, request: &SearchRequest) -> anyhow::Result<SearchResults> {
        let (node, plan) = self.plan(&request.query, &request.filters)?;
        let searcher = self.reader.searcher();
        let wanted = request.offset + request.limit;
        // Copies score what the story they copy does, so twice the hits wanted
        // nearly always finds them. Where copies leave fewer stories than
        // wanted, or the last hit fetched may have more copies past it, the
        // search runs again for as many more hits as the copies so far suggest.
        let mut fetch = if request.copies { wanted } else { 2 * wanted };
        let mut docs = HashMap::new();
        let (total, stories) = loop {
            let collector = TopArticles {
                limit: fetch,
                group: !request.passages,
                sort: request.sort,
            };
            let top = self.collect(&plan, collector)?;
            let stories = self.stories(&searcher, &top.hits, wanted, request.copies, &mut docs)?;
            let exhausted = top.hits.len() < fetch || fetch == 0;
            // By score, the copies of the stories found end where the scores
            // fall below the lowest story's. By date they may come anywhere
            // later, and hits that only source and date filters match all
            // score 0: there, and past a bound, only the hits fetched are
            // looked at.
            let lowest = (stories.iter().map(|s| s.candidate.score))
                .reduce(f32::min)
                .unwrap_or(0.0);
            let past_copies = request.copies
                || request.sort == SortBy::Date
                || lowest <= 0.0
                || top.hits.last().is_some_and(|c| c.score < lowest)
                || fetch >= 16 * wanted;
            if exhausted || (stories.len() >= wanted && past_copies) {
                break (top.total, stories);
            }
            fetch = (fetch * 2).max(fetch * 3 / 2 * wanted / stories.len().max(1));
        };
        let mut highlighter =
            Highlighter::new(node.as_ref(), prose_analyzer(), request.snippet_bytes)
                .mentioning(&plan.mentions);
        let fields = &self.opened.fields;
        let mut hits = Vec::new();
        for (i, story) in stories.iter().enumerate().skip(request.offset) {
            let candidate = &story.candidate;
            let doc = &docs[&candidate.address];
            let text = first_str(doc, fields.text).unwrap_or_default();
            let ordinal = doc
                .get_first(fields.ordinal)
                .and_then(|v| v.as_u64())
                .unwrap_or_default();
            // Entity names are stored on the article's lead passage only.
            let lead: Option<TantivyDocument> = match ordinal {
                0 => None,
                _ => Some(searcher.doc(DocAddress::new(
                    candidate.address.segment_ord,
                    candidate.address.doc_id - ordinal as DocId,
                ))?),
            };
            let copy = |candidate: &Candidate, doc: &TantivyDocument| Copy {
                article_id: first_str(doc, fields.id).unwrap_or_default().to_string(),
                title: first_str(doc, fields.title).unwrap_or_default().to_string(),
                source: first_str(doc, fields.source)
                    .unwrap_or_default()
                    .to_string(),
                date: candidate
                    .date
                    .and_then(|secs| DateTime::from_timestamp(secs, 0)),
                url: first_str(doc, fields.url).map(str::to_string),
            };
            let Copy {
                article_id,
                title,
                source,
                date,
                url,
            } = copy(candidate, doc);
            hits.push(Hit {
                rank: i + 1,
                article_id,
                title_highlights: highlighter.title(&title),
                title,
                source,
                date,
                score: candidate.score,
                passage: ordinal,
                passage_range: [fields.start, fields.end].map(|field| {
                    doc.get_first(field)
                        .and_then(|v| v.as_u64())
                        .unwrap_or_default()
                }),
                snippet: highlighter.snippet(text),
                entities: stored_entities(lead.as_ref().unwrap_or(doc), fields),
                url,
                copies: (story.copies.iter())
                    .map(|c| copy(c, &docs[&c.address]))
                    .collect(),
            });
        }
        Ok(SearchResults { total, hits })
    }

    /// The article of id `id`, with every passage, or `None` if the index has
    /// no such article.
    pub fn article(&self, id: &str) -> tantivy::Result<Option<ArticleView>> {
        let searcher = self.reader.searcher();
        let fields = &self.opened.fields;
        let term = Term::from_field_text(fields.id, id);
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let mut docs = (searcher.search(&query, &DocSetCollector)?.into_iter())
            .map(|address| searcher.doc::<TantivyDocument>(address))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let number = |doc: &TantivyDocument, field| {
            doc.get_first(field)
                .and_then(|v| v.as_u64())
                .unwrap_or_default()
        };
        docs.sort_by_key(|doc| number(doc, fields.ordinal));
        let Some(lead) = docs.first() else {
            return Ok(None);
        };
        let text = |doc: &TantivyDocument, field| first_str(doc, field).map(str::to_string);
        Ok(Some(ArticleView {
            article_id: id.to_string(),
            title: text(lead, fields.title).unwrap_or_default(),
            source: text(lead, fields.source).unwrap_or_default(),
            date: (lead.get_first(fields.date))
                .and_then(|v| v.as_datetime())
                .and_then(|d| DateTime::from_timestamp(d.into_timestamp_secs(), 0)),
            url: text(lead, fields.url),
            category: text(lead, fields.category),
            entities: stored_entities(lead, fields),
            passages: (docs.iter())
                .map(|doc| PassageView {
                    passage: number(doc, fields.ordinal),
                    passage_range: [number(doc, fields.start), number(doc, fields.end)],
                    text: text(doc, fields.text).unwrap_or_default(),
                })
                .collect(),
        }))
    }

    /// Up to `wanted` stories from the ranked candidates, each with the later
    /// candidates of the same title and passage text, or of an article that opens
    /// with the same words or has the same source, title and day, folded under it (unless `copies` asks for every
    /// candidate on its own). The stored documents read
    /// are kept in `docs`.
    fn stories(
        &self,
        searcher: &Searcher,
        candidates: &[Candidate],
        wanted: usize,
        copies: bool,
        docs: &mut HashMap<DocAddress, TantivyDocument>,
    ) -> tantivy::Result<Vec<Story>> {
        let mut stories: Vec<Story> = Vec::new();
        // The story each key was first seen in: story keys, lead keys and
        // day-title keys apart.
        let mut seen: [HashedMap<usize>; 3] = Default::default();
        let mut key_columns: HashMap<SegmentOrdinal, (CopyKeys, Column<u64>)> = HashMap::new();
        for candidate in candidates {
            let full = stories.len() == wanted;
            // A copy scores what its story does: past the stories wanted, only
            // a candidate of a story's score is looked at.
            let score = candidate.score.to_bits();
            if full && (copies || !stories.iter().any(|s| s.candidate.score.to_bits() == score)) {
                continue;
            }
            let story = Story {
                candidate: *candidate,
                copies: Vec::new(),
            };
            if copies {
                stories.push(story);
            } else {
                let segment = candidate.address.segment_ord;
                let columns = match key_columns.entry(segment) {
                    Entry::Occupied(columns) => columns.into_mut(),
                    Entry::Vacant(slot) => {
                        let reader = searcher.segment_reader(segment);
                        let ordinals = reader.fast_fields().u64(Fields::ORDINAL)?;
                        slot.insert((CopyKeys::open(reader)?, ordinals))
                    }
                };
                let (copy_keys, ordinals) = &*columns;
                let doc = candidate.address.doc_id;
                let lead = doc - ordinals.first(doc).unwrap_or_default() as DocId;
                let keys = copy_keys.of(doc, lead);
                // Two passages of one article that read alike are no copies.
                let copied = (keys.iter().zip(&seen))
                    .filter_map(|(key, seen)| seen.get(&(*key)?).copied())
                    .filter(|&story| stories[story].candidate.article != candidate.article)
                    .min();
                let at = match copied {
                    Some(first) => {
                        stories[first].copies.push(*candidate);
                        first
                    }
                    None if full => continue,
                    None => {
                        stories.push(story);
                        stories.len() - 1
                    }
                };
                // A copy's keys find its story too.
                for (key, seen) in keys.into_iter().zip(&mut seen) {
                    if let Some(key) = key {
                        seen.entry(key).or_insert(at);
                    }
                }
            }
            // Read once, though a search that runs again meets them again.
            if let Entry::Vacant(slot) = docs.entry(candidate.address) {
                slot.insert(searcher.doc(candidate.address)?);
            }
        }
        Ok(stories)
    }
}

fn first_str(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// The article's entities as stored, in the order indexing ranked them.
fn stored_entities(doc: &TantivyDocument, fields: &Fields) -> Vec<Entity> {
    EntityKind::ALL
        .iter()
        .flat_map(|&kind| {
            doc.get_all(fields.entity(kind))
                .filter_map(|v| v.as_str())
                .map(move |name| Entity::new(kind, name))
        })
        .collect()
}
