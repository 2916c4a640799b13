//! Translating a parsed query and filters into a tantivy query.
//!
//! A word matches in the title or the passage text (title matches weigh 1.5 times as
//! much); a word the analyzer splits into several terms (`Jong-un`, `U.S.`) is a
//! phrase. A fuzzy word (`word~N`) matches the terms of the index within N
//! edits of its own, each weighed by how near it is. Filters restrict without
//! changing scores, but for the passages that name an entity asked for
//! ([`Mention`]).

use super::articles::WholeArticles;
use super::filters::{parse_dates, Filters};
use super::parse::{Fuzzy, Node, QueryError, QueryField};
use crate::article::EntityKind;
use crate::entities::link;
use crate::index::filed::Filed;
use crate::index::schema::alias_value;
use crate::index::{Fields, Opened};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Bound;
use tantivy::query::{
    AllQuery, Bm25StatisticsProvider, BooleanQuery, BoostQuery, ConstScoreQuery,
    DisjunctionMaxQuery, EmptyQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

/// How much more a title match weighs than a passage-text match.
const TITLE_BOOST: f32 = 1.5;

/// The most terms a fuzzy word matches, the nearest first and, as near, the
/// commonest (Lucene's and Elasticsearch's default too): `oil~2` reaches
/// hundreds of short words.
const MAX_EXPANSIONS: usize = 50;

/// How a query runs.
///
/// Words combine at the level of the article (`oil prices` finds an article with
/// `oil` in one paragraph and `prices` in another), while passages are what is
/// ranked. A query of one word, one phrase, or words joined only by OR means the
/// same at both levels and runs as a single passage query. Otherwise `articles`
/// says which articles match, and `passages` (any positive match) ranks the
/// passages of those articles.
///
/// A passage of an article that an entity filter or field asks for ranks
/// first if its text names the entity too: each of `mentions` scores like a
/// word of the text without widening what matches, and snippets highlight
/// them.
pub struct Plan {
    pub passages: Box<dyn Query>,
    pub articles: Option<ArticleSet>,
    pub mentions: Vec<Mention>,
}

/// How passage text may name one entity that a filter or an entity field asks
/// for, as runs of analyzed words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// What a passage that names the entity scores for it, as a phrase of the
    /// text: the best of these, so that the entity counts once however the
    /// passage writes it.
    pub scored: Vec<Vec<String>>,
    /// What snippets highlight besides: a person's full name, which scores
    /// by the surname alone so that it weighs no more than another entity.
    pub shown: Vec<Vec<String>>,
}

/// A set of articles, defined by passage queries.
pub enum ArticleSet {
    /// Articles with at least one passage matching the query.
    Passages(Box<dyn Query>),
    /// Articles in every set of `all` (every article if empty) and in none of `none`.
    All {
        all: Vec<ArticleSet>,
        none: Vec<ArticleSet>,
    },
    /// Articles in any of the sets.
    Any(Vec<ArticleSet>),
}

/// Whether AND or NOT appear, so that article and passage levels differ.
fn needs_article_level(node: &Node) -> bool {
    match node {
        Node::Match { .. } => false,
        Node::Or(nodes) => nodes.iter().any(needs_article_level),
        Node::And(_) | Node::Not(_) => true,
    }
}

/// Every passage, scoring 0: what a query without a word to score ranks, so
/// that its hits score alike whether filters, entity fields or exclusions
/// choose them.
fn every_passage() -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(Box::new(AllQuery), 0.0))
}

/// `query`, restricted by filters that do not change its scores.
fn with_filters(query: Box<dyn Query>, filters: &[Box<dyn Query>]) -> Box<dyn Query> {
    let mut clauses = vec![(Occur::Must, query)];
    for filter in filters {
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(filter.box_clone(), 0.0)),
        ));
    }
    one_or_boolean(clauses)
}

pub struct QueryBuilder {
    fields: Fields,
    prose: TextAnalyzer,
    keyword: TextAnalyzer,
    /// The index as the query will search it, for what its term dictionary says
    /// of surnames.
    searcher: Searcher,
}

impl QueryBuilder {
    pub fn new(opened: &Opened, searcher: Searcher) -> QueryBuilder {
        let fields = opened.fields;
        let tokenizers = opened.index.tokenizers();
        let get = |name| tokenizers.get(name).expect("registered at open");
        QueryBuilder {
            fields,
            prose: get(crate::index::schema::PROSE_TOKENIZER),
            keyword: get(crate::index::schema::KEYWORD_TOKENIZER),
            searcher,
        }
    }

    /// Terms of `text` as the prose analyzer indexes them.
    pub fn prose_terms(&mut self, text: &str) -> Vec<String> {
        analyze(&mut self.prose, text)
    }

    /// The single term a keyword field holds for `text`.
    pub fn keyword_term(&mut self, text: &str) -> String {
        crate::index::schema::keyword_term(&mut self.keyword, text)
    }

    /// What every alias term of an entity of `kind` opens with: its kind's name.
    fn alias_opening(&mut self, kind: EntityKind) -> String {
        self.keyword_term(&alias_value(kind, ""))
    }

    /// The plan for a parsed query (`None`: everything) and filters.
    pub fn build(&mut self, node: Option<&Node>, filters: &Filters) -> Result<Plan, QueryError> {
        let mut asked: Vec<(Option<EntityKind>, Vec<String>)> = (filters.names())
            .map(|(kind, name)| (kind, vec![name.to_string()]))
            .collect();
        if let Some(node) = node {
            let openings = EntityKind::ALL.map(|kind| self.alias_opening(kind));
            named_entities(node, &openings, &mut asked);
        }
        for (kind, names) in &mut asked {
            if kind.is_none_or(|kind| kind == EntityKind::Organisation) {
                let partners: Vec<String> = (names.iter())
                    .flat_map(|name| {
                        let name = link::alias(EntityKind::Organisation, name);
                        self.acronym_aliases(name).names
                    })
                    .collect();
                names.extend(partners);
            }
        }
        let mentions = mentions(&mut self.prose, &asked);
        let filters = self.filters(filters);
        let (passages, articles) = self.matches(node, &filters)?;
        let mut clauses = vec![(Occur::Must, passages)];
        for mention in &mentions {
            let spellings = (mention.scored.iter())
                .map(|terms| exact(self.fields.text, terms, false, 0))
                .collect();
            clauses.push((Occur::Should, one_or_best(spellings)));
        }
        Ok(Plan {
            passages: one_or_boolean(clauses),
            articles,
            mentions,
        })
    }

    /// The passages a parsed query (`None`: everything) and filters match, and
    /// the articles they must be of, if AND or NOT make the two levels differ.
    fn matches(
        &mut self,
        node: Option<&Node>,
        filters: &[Box<dyn Query>],
    ) -> Result<(Box<dyn Query>, Option<ArticleSet>), QueryError> {
        let Some(node) = node else {
            return Ok((with_filters(every_passage(), filters), None));
        };
        let nothing = || QueryError::general("the query has no searchable words");
        if !needs_article_level(node) {
            let passages = self.node(node)?.ok_or_else(nothing)?;
            return Ok((with_filters(passages, filters), None));
        }
        let articles = self.article_set(node, filters)?.ok_or_else(nothing)?;
        let mut positives = Vec::new();
        self.positive_matchers(node, &mut positives)?;
        let passages = if positives.is_empty() {
            every_passage()
        } else {
            one_or_boolean(positives.into_iter().map(|q| (Occur::Should, q)).collect())
        };
        Ok((with_filters(passages, filters), Some(articles)))
    }

    /// The article-level meaning of a query: which articles match, leaf by leaf.
    fn article_set(
        &mut self,
        node: &Node,
        filters: &[Box<dyn Query>],
    ) -> Result<Option<ArticleSet>, QueryError> {
        Ok(match node {
            Node::Match { .. } => self
                .matcher(node)?
                .map(|leaf| ArticleSet::Passages(with_filters(leaf, filters))),
            Node::Or(branches) => {
                let mut sets = Vec::new();
                for branch in branches {
                    sets.extend(self.article_set(branch, filters)?);
                }
                (!sets.is_empty()).then_some(ArticleSet::Any(sets))
            }
            Node::And(parts) => {
                let (mut all, mut none) = (Vec::new(), Vec::new());
                for part in parts {
                    match part {
                        Node::Not(inner) => none.extend(self.article_set(inner, filters)?),
                        other => all.extend(self.article_set(other, filters)?),
                    }
                }
                (!all.is_empty() || !none.is_empty()).then_some(ArticleSet::All { all, none })
            }
            Node::Not(inner) => self
                .article_set(inner, filters)?
                .map(|set| ArticleSet::All {
                    all: Vec::new(),
                    none: vec![set],
                }),
        })
    }

    /// Every match outside a negation, as passage queries. Entity and date
    /// fields only say which articles match: they add no passage (an
    /// entity's [`Mention`] scores the passages that name it).
    fn positive_matchers(
        &mut self,
        node: &Node,
        out: &mut Vec<Box<dyn Query>>,
    ) -> Result<(), QueryError> {
        match node {
            Node::Match {
                field: Some(QueryField::Entity(_) | QueryField::Date),
                ..
            } => {}
            Node::Match { .. } => out.extend(self.matcher(node)?),
            Node::And(nodes) | Node::Or(nodes) => {
                for node in nodes {
                    self.positive_matchers(node, out)?;
                }
            }
            Node::Not(_) => {}
        }
        Ok(())
    }

    /// A passage query for a match or an OR of matches.
    fn node(&mut self, node: &Node) -> Result<Option<Box<dyn Query>>, QueryError> {
        Ok(match node {
            Node::Match { .. } => self.matcher(node)?,
            Node::Or(branches) => {
                let mut clauses = Vec::new();
                for branch in branches {
                    clauses.extend(self.node(branch)?.map(|q| (Occur::Should, q)));
                }
                (!clauses.is_empty()).then(|| one_or_boolean(clauses))
            }
            Node::And(_) | Node::Not(_) => {
                unreachable!("AND and NOT are planned at the article level")
            }
        })
    }

    /// The passage query of a [`Node::Match`].
    fn matcher(&mut self, node: &Node) -> Result<Option<Box<dyn Query>>, QueryError> {
        let Node::Match {
            field,
            text,
            prefix,
            slop,
            fuzzy,
            ..
        } = node
        else {
            unreachable!("a matcher is built for a match")
        };
        let (field, prefix, slop) = (*field, *prefix, *slop);
        if let Some(QueryField::Entity(kind)) = field {
            // Every passage of the articles that name it (or, fuzzy, a name
            // near it), scoring nothing.
            let mut names = vec![(Occur::Should, self.any_alias(kind, text))];
            for term in fuzzy.iter().flat_map(|fuzzy| &fuzzy.terms) {
                names.push((Occur::Should, self.keyword_query(self.fields.alias, term)));
            }
            let articles = WholeArticles(one_or_boolean(names));
            return Ok(Some(Box::new(ConstScoreQuery::new(
                Box::new(articles),
                0.0,
            ))));
        }
        if field == Some(QueryField::Date) {
            let (since, until) = parse_dates(text)?;
            let dates = self.date_range(since, until);
            return Ok(Some(Box::new(ConstScoreQuery::new(dates, 0.0))));
        }
        if field == Some(QueryField::Source) {
            if !prefix {
                return Ok(Some(self.any_source(text)));
            }
            let term = Term::from_field_text(self.fields.source, &self.keyword_term(text));
            return Ok(Some(Box::new(PhrasePrefixQuery::new(vec![term]))));
        }
        let terms = self.prose_terms(text);
        if terms.is_empty() {
            return Ok(None);
        }
        if let Some(fuzzy) = fuzzy {
            return self.nearby_terms(field, &terms[0], fuzzy).map(Some);
        }
        let mut clauses = Vec::new();
        for (field, boost) in self.targets(field) {
            let query = exact(field, &terms, prefix, slop);
            let query: Box<dyn Query> = if boost == 1.0 {
                query
            } else {
                Box::new(BoostQuery::new(query, boost))
            };
            clauses.push((Occur::Should, query));
        }
        Ok(Some(one_or_boolean(clauses)))
    }

    /// The fields a word of `field` is searched in, with their boosts.
    fn targets(&self, field: Option<QueryField>) -> Vec<(Field, f32)> {
        match field {
            Some(QueryField::Title) => vec![(self.fields.title, 1.0)],
            Some(QueryField::Text) => vec![(self.fields.text, 1.0)],
            _ => vec![(self.fields.title, TITLE_BOOST), (self.fields.text, 1.0)],
        }
    }

    /// The query of a fuzzy word whose analyzed term is `term`, in the fields
    /// of `field`: any of the terms it reached.
    ///
    /// A passage scores what its best spelling scores in its best field: a
    /// word counts once however it is spelt, so "of" and "on" do not add up
    /// for `oil~2`, and a title that holds a neighbour of the word does not
    /// outrank a passage that holds the word itself for both fields at once.
    /// A term scores at most as if it were as common as the commonest of the
    /// nearest terms (the word's own, if the index holds it), so that a rare
    /// misspelling does not outrank the spelling most articles use; and that
    /// times the square of how near it is: 1 for the word's own term, 0.64
    /// for one edit from five letters. It matches nothing before
    /// [`QueryBuilder::expand_fuzzy`] has looked the terms up.
    fn nearby_terms(
        &self,
        field: Option<QueryField>,
        term: &str,
        fuzzy: &Fuzzy,
    ) -> Result<Box<dyn Query>, QueryError> {
        let failed = |err: tantivy::TantivyError| QueryError::general(err.to_string());
        let documents = Bm25StatisticsProvider::total_num_docs(&self.searcher).map_err(failed)?;
        let mut reached = Vec::new();
        let targets = self.targets(field);
        for near in &fuzzy.terms {
            let edits = strsim::osa_distance(term, near);
            for &(field, boost) in &targets {
                let near_term = Term::from_field_text(field, near);
                let passages = self.searcher.doc_freq(&near_term).map_err(failed)?;
                if passages > 0 {
                    reached.push((edits, boost, near_term, passages));
                }
            }
        }
        let Some(nearest) = reached.iter().map(|(edits, ..)| *edits).min() else {
            return Ok(Box::new(EmptyQuery));
        };
        let commonest = (reached.iter())
            .filter(|(edits, ..)| *edits == nearest)
            .map(|(.., passages)| *passages)
            .max()
            .expect("the nearest term");
        let idf = |passages: u64| {
            let (n, df) = (documents as f32, passages as f32);
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        };
        let length = term.chars().count().max(1) as f32;
        let spellings = (reached.into_iter())
            .map(|(edits, boost, near_term, passages)| {
                let nearness = (1.0 - edits as f32 / length).max(0.1).powi(2);
                let rarity = idf(commonest).min(idf(passages)) / idf(passages);
                let query = TermQuery::new(near_term, IndexRecordOption::WithFreqs);
                let weight = boost * nearness * rarity;
                Box::new(BoostQuery::new(Box::new(query), weight)) as Box<dyn Query>
            })
            .collect();
        Ok(Box::new(DisjunctionMaxQuery::new(spellings)))
    }

    /// For a `word` that no title or passage holds, how many other spellings
    /// `word~` would match; `None` if it is held (or is not one term to the
    /// analyzer, which is as good as held here).
    pub fn unheld_spellings(&mut self, word: &str) -> Result<Option<usize>, QueryError> {
        let terms = self.prose_terms(word);
        let [term] = terms.as_slice() else {
            return Ok(None);
        };
        let failed = |err: tantivy::TantivyError| QueryError::general(err.to_string());
        for (field, _) in self.targets(None) {
            let term = Term::from_field_text(field, term);
            if self.searcher.doc_freq(&term).map_err(failed)? > 0 {
                return Ok(None);
            }
        }
        let reaches = self.reaches(None, word, &Fuzzy::by_length())?;
        Ok(Some(self.nearest_terms(&reaches).map_err(failed)?.len()))
    }

    /// Looks up the terms each fuzzy word of `node` reaches in the fields it
    /// is searched in ([`Fuzzy::terms`]), for the query and the highlighter.
    pub fn expand_fuzzy(&mut self, node: &mut Node) -> Result<(), QueryError> {
        match node {
            Node::Match {
                field,
                text,
                fuzzy: Some(fuzzy),
                ..
            } => {
                let reaches = self.reaches(*field, text, fuzzy)?;
                fuzzy.terms = self.nearest_terms(&reaches).map_err(|err| {
                    QueryError::general(format!("cannot look up '{text}~': {err}"))
                })?;
            }
            Node::Match { .. } => {}
            Node::And(nodes) | Node::Or(nodes) => {
                for node in nodes {
                    self.expand_fuzzy(node)?;
                }
            }
            Node::Not(node) => self.expand_fuzzy(node)?,
        }
        Ok(())
    }

    /// Where the fuzzy `text` of `field` looks for its spellings: its term in
    /// each field the word is searched in, or its alias term for each kind of
    /// name an entity field takes.
    fn reaches(
        &mut self,
        field: Option<QueryField>,
        text: &str,
        fuzzy: &Fuzzy,
    ) -> Result<Vec<Reach>, QueryError> {
        if let Some(QueryField::Entity(kind)) = field {
            let kinds = kind.map_or(EntityKind::ALL.to_vec(), |kind| vec![kind]);
            return Ok((kinds.into_iter())
                .map(|kind| {
                    let name = link::alias(kind, text);
                    let term = self.keyword_term(&alias_value(kind, name));
                    let opening = self.alias_opening(kind);
                    let name = term.strip_prefix(opening.as_str()).unwrap_or(&term);
                    Reach {
                        field: self.fields.alias,
                        edits: fuzzy.edits_for(name),
                        term,
                        opening,
                    }
                })
                .collect());
        }
        let terms = self.prose_terms(text);
        let term = match terms.as_slice() {
            // Punctuation alone is no word here either.
            [] => return Ok(Vec::new()),
            [term] => term,
            _ => {
                return Err(QueryError::general(format!(
                    "'{text}~' is not one word to the index but {}: '~' takes a single word",
                    terms.len()
                )))
            }
        };
        Ok((self.targets(field).into_iter())
            .map(|(field, _)| Reach {
                field,
                term: term.clone(),
                opening: String::new(),
                edits: fuzzy.edits_for(term),
            })
            .collect())
    }

    /// The terms within reach, at most [`MAX_EXPANSIONS`], the nearest first
    /// and, as near, those of the most passages.
    fn nearest_terms(&self, reaches: &[Reach]) -> tantivy::Result<Vec<String>> {
        let mut found: HashMap<String, (usize, u64)> = HashMap::new();
        for reach in reaches {
            let term = Term::from_field_text(reach.field, &reach.term);
            let automaton = FuzzyTermQuery::new(term, reach.edits, true).automaton()?;
            for segment in self.searcher.segment_readers() {
                let index = segment.inverted_index(reach.field)?;
                let mut stream = index.terms().search(&automaton).into_stream()?;
                while stream.advance() {
                    let Ok(key) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if key.starts_with(reach.opening.as_str()) {
                        let edits = strsim::osa_distance(&reach.term, key);
                        let entry = found.entry(key.to_string()).or_insert((edits, 0));
                        entry.1 += u64::from(stream.value().doc_freq);
                    }
                }
            }
        }
        let mut ranked: Vec<(usize, u64, String)> = (found.into_iter())
            .map(|(term, (edits, passages))| (edits, passages, term))
            .collect();
        ranked.sort_by(|a, b| (a.0, b.1, &a.2).cmp(&(b.0, a.1, &b.2)));
        Ok((ranked.into_iter().take(MAX_EXPANSIONS))
            .map(|(_, _, term)| term)
            .collect())
    }

    fn filters(&mut self, filters: &Filters) -> Vec<Box<dyn Query>> {
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        // Aliases are on an article's lead passage: every name must be there,
        // and the article's passages then all match.
        let every_name: Vec<_> = (filters.names())
            .map(|(kind, name)| (Occur::Must, self.any_alias(kind, name)))
            .collect();
        if !every_name.is_empty() {
            out.push(Box::new(WholeArticles(one_or_boolean(every_name))));
        }
        if !filters.sources.is_empty() {
            let any_source = (filters.sources.iter())
                .map(|source| (Occur::Should, self.any_source(source)))
                .collect();
            out.push(one_or_boolean(any_source));
        }
        if filters.since.is_some() || filters.until.is_some() {
            out.push(self.date_range(filters.since, filters.until));
        }
        out
    }

    /// The passages of the articles dated from `since` to `until`, both days
    /// included; an end left out is open.
    fn date_range(&self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Box<dyn Query> {
        let bound = |day: Option<NaiveDate>, included: bool| match day {
            None => Bound::Unbounded,
            Some(day) => {
                let midnight = day.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
                let term = Term::from_field_date(
                    self.fields.date,
                    tantivy::DateTime::from_timestamp_secs(midnight.timestamp()),
                );
                if included {
                    Bound::Included(term)
                } else {
                    Bound::Excluded(term)
                }
            }
        };
        let after_until = until.and_then(|d| d.succ_opt());
        Box::new(RangeQuery::new(
            bound(since, true),
            bound(after_until, false),
        ))
    }

    /// The passages of `source`, and, if it is a web domain ("nytimes.com"),
    /// of its subdomains ("mobile.nytimes.com"), which the index holds as
    /// sources of their own: the source of an article is its url's host. A
    /// domain's "www." is left out, as it is from those hosts.
    fn any_source(&mut self, source: &str) -> Box<dyn Query> {
        // The index files a url's host without "www." (`ingest::url_host`).
        let source = match source.get(..4) {
            Some(www) if www.eq_ignore_ascii_case("www.") && is_domain(&source[4..]) => {
                &source[4..]
            }
            _ => source,
        };
        let term = self.keyword_term(source);
        let mut terms = vec![term.clone()];
        if is_domain(source) {
            // Folded, "mobile.nytimes.com" is "mobile nytimes com".
            let ending = format!(" {term}");
            for segment in self.searcher.segment_readers() {
                let Ok(index) = segment.inverted_index(self.fields.source) else {
                    continue;
                };
                let Ok(mut stream) = index.terms().stream() else {
                    continue;
                };
                while stream.advance() {
                    let key = stream.key();
                    if key.ends_with(ending.as_bytes())
                        && !terms.iter().any(|t| t.as_bytes() == key)
                    {
                        terms.push(String::from_utf8_lossy(key).into_owned());
                    }
                }
            }
        }
        let clauses = (terms.iter())
            .map(|term| (Occur::Should, self.keyword_query(self.fields.source, term)))
            .collect();
        one_or_boolean(clauses)
    }

    /// The lead passages that give an entity of `kind` (any kind: `None`) the
    /// name `name`, as one of its aliases; for a person's full name, also those
    /// that give the surname alone, if it stands for that person, and those
    /// that write the person with or without middle initials; for an
    /// organisation, also those of its acronym, or of the full name the
    /// acronym stands for (`filed`).
    fn any_alias(&mut self, kind: Option<EntityKind>, name: &str) -> Box<dyn Query> {
        let kinds = match kind {
            Some(kind) => vec![kind],
            None => EntityKind::ALL.to_vec(),
        };
        let mut any_kind = Vec::new();
        for kind in kinds {
            let name = link::alias(kind, name);
            let term = self.keyword_term(&alias_value(kind, name));
            any_kind.push((Occur::Should, self.keyword_query(self.fields.alias, &term)));
            if kind == EntityKind::Person && name.contains(' ') {
                let surname =
                    Filed::surname(&self.searcher, self.fields.alias, &mut self.keyword, name);
                let folded = self.keyword_term(name);
                if surname.stands_for(&folded) {
                    any_kind.push((
                        Occur::Should,
                        self.keyword_query(self.fields.alias, &surname.alone),
                    ));
                }
                let spellings: Vec<String> = (surname.spellings(&folded).into_iter())
                    .map(|full| self.keyword_term(&alias_value(kind, full)))
                    .collect();
                for term in spellings {
                    any_kind.push((Occur::Should, self.keyword_query(self.fields.alias, &term)));
                }
            }
            if kind == EntityKind::Organisation {
                for term in self.acronym_aliases(name).terms {
                    any_kind.push((Occur::Should, self.keyword_query(self.fields.alias, &term)));
                }
            }
        }
        one_or_boolean(any_kind)
    }

    /// For an organisation's acronym, the full name it stands for; for a
    /// full name, the acronyms that stand for it (`filed`). An article that
    /// gives both lists the acronym, and may give the full name only with a
    /// legal form ("General Motors Corp").
    fn acronym_aliases(&mut self, name: &str) -> Partners {
        let alias = self.fields.alias;
        let is_acronym = !name.contains(' ') && (2..=6).contains(&name.len());
        if is_acronym && name.bytes().all(|b| b.is_ascii_alphabetic()) {
            let filed = Filed::acronym(&self.searcher, alias, &mut self.keyword, name);
            let names: Vec<String> = filed.spelt_out().map(str::to_string).into_iter().collect();
            let terms = (names.iter())
                .map(|full| self.keyword_term(&alias_value(EntityKind::Organisation, full)))
                .collect();
            return Partners { names, terms };
        }
        // Full names are filed without their legal form or a leading "The".
        let name = link::bare_company(name);
        let full = self.keyword_term(name);
        let spelt = Filed::spelt(&self.searcher, alias, &mut self.keyword, name);
        let mut partners = Partners::default();
        for acronym in spelt.names() {
            let filed = Filed::acronym(&self.searcher, alias, &mut self.keyword, acronym);
            if filed.spelt_out() == Some(full.as_str()) {
                partners.names.push(acronym.to_string());
                partners.terms.push(format!("{}{full}", filed.alone));
                partners.terms.push(filed.alone);
            }
        }
        partners
    }

    fn keyword_query(&self, field: Field, term: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, term),
            IndexRecordOption::Basic,
        ))
    }
}

/// Whether `source` is written as a web domain: labels of letters, digits and
/// hyphens between full stops ("nytimes.com", "bbc.co.uk"), not a name such as
/// "U.S. News".
fn is_domain(source: &str) -> bool {
    let mut labels = source.split('.');
    source.contains('.')
        && labels.all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// The query of a word's or phrase's analyzed `terms` in `field`.
fn exact(field: Field, terms: &[String], prefix: bool, slop: u32) -> Box<dyn Query> {
    let terms: Vec<Term> = terms
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    if prefix {
        Box::new(PhrasePrefixQuery::new(terms))
    } else if terms.len() == 1 {
        Box::new(TermQuery::new(
            terms.into_iter().next().expect("one term"),
            IndexRecordOption::WithFreqs,
        ))
    } else {
        let mut phrase = PhraseQuery::new(terms);
        phrase.set_slop(slop);
        Box::new(phrase)
    }
}

/// The names that stand for an organisation's name in the index: its
/// acronym's full name, or a full name's acronyms, folded.
#[derive(Default)]
struct Partners {
    names: Vec<String>,
    /// The alias terms of the articles that give them.
    terms: Vec<String>,
}

/// Where a fuzzy word looks for its spellings: a term of a field, the edits
/// allowed from it, and what the terms it reaches must open with (for an alias
/// term, its kind's name).
struct Reach {
    field: Field,
    term: String,
    opening: String,
    edits: u8,
}

/// How passage text may name each entity asked for, given with its kind and
/// the names it goes by (the name asked for, those a fuzzy name reached, the
/// acronym or full name that stands for an organisation): by these or the
/// names articles list them by ("United States" for "U.S.", "Blair" for "Mr
/// Blair"), and a person by the surname alone too, as articles write a person
/// after naming them in full.
fn mentions(prose: &mut TextAnalyzer, asked: &[(Option<EntityKind>, Vec<String>)]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for (kind, names) in asked {
        let kinds = kind.map_or(EntityKind::ALL.to_vec(), |kind| vec![kind]);
        let person = *kind == Some(EntityKind::Person);
        let (mut scored, mut shown) = (Vec::new(), Vec::new());
        for name in names {
            if person {
                let listed = link::alias(EntityKind::Person, name);
                scored.push(listed.rsplit_once(' ').map_or(listed, |(_, last)| last));
                shown.extend([name.as_str(), listed]);
            } else {
                scored.push(name.as_str());
                scored.extend(kinds.iter().map(|&kind| link::alias(kind, name)));
            }
        }
        let mut mention = Mention {
            scored: Vec::new(),
            shown: Vec::new(),
        };
        for (texts, into) in [(scored, &mut mention.scored), (shown, &mut mention.shown)] {
            for text in texts {
                let terms = analyze(prose, text);
                if !terms.is_empty() && !into.contains(&terms) {
                    into.push(terms);
                }
            }
        }
        let scored = &mention.scored;
        mention.shown.retain(|terms| !scored.contains(terms));
        if !mention.scored.is_empty() && !out.contains(&mention) {
            out.push(mention);
        }
    }
    out
}

/// The entities that the entity fields of `node` outside a negation name,
/// each with its kind and names: a fuzzy name's are those it reached too,
/// alias terms that open with one of `openings`, their kinds' names.
fn named_entities(
    node: &Node,
    openings: &[String],
    out: &mut Vec<(Option<EntityKind>, Vec<String>)>,
) {
    match node {
        Node::Match {
            field: Some(QueryField::Entity(kind)),
            text,
            fuzzy,
            ..
        } => {
            let mut names = vec![text.clone()];
            for term in fuzzy.iter().flat_map(|fuzzy| &fuzzy.terms) {
                let name =
                    (openings.iter()).find_map(|opening| term.strip_prefix(opening.as_str()));
                names.extend(name.map(str::to_string));
            }
            out.push((*kind, names));
        }
        Node::Match { .. } | Node::Not(_) => {}
        Node::And(nodes) | Node::Or(nodes) => {
            for node in nodes {
                named_entities(node, openings, out);
            }
        }
    }
}

fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    stream.process(&mut |token| out.push(token.text.clone()));
    out
}

/// The best score of `queries`, or the one query's.
fn one_or_best(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        queries.pop().expect("one query")
    } else {
        Box::new(DisjunctionMaxQuery::new(queries))
    }
}

fn one_or_boolean(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    if clauses.len() == 1 && clauses[0].0 != Occur::MustNot {
        clauses.pop().expect("one clause").1
    } else {
        Box::new(BooleanQuery::new(clauses))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::prose_analyzer;

    fn runs(runs: &[&[&str]]) -> Vec<Vec<String>> {
        (runs.iter())
            .map(|run| run.iter().map(|w| w.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_mention_is_the_name_asked_for_or_listed_and_a_person_scores_by_surname() {
        let mentions =
            |kind, name: &str| mentions(&mut prose_analyzer(), &[(kind, vec![name.to_string()])]);
        assert_eq!(
            mentions(Some(EntityKind::Location), "U.S."),
            [Mention {
                scored: runs(&[&["u", "s"], &["unit", "state"]]),
                shown: Vec::new(),
            }]
        );
        assert_eq!(
            mentions(Some(EntityKind::Person), "Mr Mark Rutte"),
            [Mention {
                scored: runs(&[&["rutt"]]),
                shown: runs(&[&["mr", "mark", "rutt"], &["mark", "rutt"]]),
            }]
        );
        assert_eq!(
            mentions(Some(EntityKind::Person), "Rutte"),
            [Mention {
                scored: runs(&[&["rutt"]]),
                shown: Vec::new(),
            }]
        );
        // Any kind: no surname, as the name may be a place's.
        assert_eq!(
            mentions(None, "New York"),
            [Mention {
                scored: runs(&[&["new", "york"]]),
                shown: Vec::new(),
            }]
        );
        assert!(mentions(Some(EntityKind::Other), "...").is_empty());
        // Every name an entity goes by: an organisation's acronym and full
        // name, or the names a fuzzy name reached, are one entity's.
        let names = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
        let acronym = (
            Some(EntityKind::Organisation),
            names(&["GM", "general motors"]),
        );
        assert_eq!(
            super::mentions(&mut prose_analyzer(), &[acronym]),
            [Mention {
                scored: runs(&[&["gm"], &["general", "motor"]]),
                shown: Vec::new(),
            }]
        );
        let reached = (
            Some(EntityKind::Person),
            names(&["zelensky", "volodymyr zelenskyy", "zelenskyy"]),
        );
        assert_eq!(
            super::mentions(&mut prose_analyzer(), &[reached]),
            [Mention {
                scored: runs(&[&["zelenski"], &["zelenskyy"]]),
                shown: runs(&[&["volodymyr", "zelenskyy"]]),
            }]
        );
    }
}
