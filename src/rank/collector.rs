//! A collector that keeps the best passage of each article (or every passage) and
//! returns the top ones by score or by date.
//!
//! An article's passages are always consecutive documents of one segment (the
//! writer adds them as one batch), so grouping keeps one article's best passage
//! at a time, and a segment keeps its top candidates with the last of them as a
//! bar that the rest must clear.

use crate::hashed::HashedSet;
use crate::index::Fields;
use std::cmp::Ordering;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::index::SegmentReader;
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal};

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SortBy {
    /// BM25 relevance.
    #[default]
    Score,
    /// Newest first; undated articles last.
    Date,
}

/// One matching passage.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub score: Score,
    /// Seconds since the epoch, if the article is dated.
    pub date: Option<i64>,
    pub article: u64,
    pub address: DocAddress,
}

impl Candidate {
    /// `Less` means `self` ranks first. Articles that rank alike (copies of a
    /// story, or every hit of a search by filters only) go by article key, not
    /// by where indexing put them, so that two builds of one corpus list them
    /// in the same order; passages of one article go in index order.
    fn rank_order(&self, other: &Candidate, sort: SortBy) -> Ordering {
        let by_score = other.score.total_cmp(&self.score);
        let primary = match sort {
            SortBy::Score => by_score,
            SortBy::Date => other.date.cmp(&self.date).then(by_score),
        };
        (primary.then(self.article.cmp(&other.article))).then(self.address.cmp(&other.address))
    }
}

/// Collects the top `limit` hits, one per article when `group` is set.
pub struct TopArticles {
    pub limit: usize,
    pub group: bool,
    pub sort: SortBy,
}

/// The top hits and how many articles (or passages) matched in all.
#[derive(Debug, Default)]
pub struct TopHits {
    pub hits: Vec<Candidate>,
    pub total: usize,
}

impl Collector for TopArticles {
    type Fruit = TopHits;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let fast = reader.fast_fields();
        Ok(SegmentTop {
            segment,
            limit: self.limit,
            sort: self.sort,
            group: self.group,
            keys: fast.u64(Fields::ARTICLE_KEY)?,
            dates: fast.date(Fields::DATE)?,
            current: None,
            top: Vec::new(),
            last: None,
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<TopHits>) -> tantivy::Result<TopHits> {
        let mut merged = TopHits::default();
        for fruit in fruits {
            merged.total += fruit.total;
            merged.hits.extend(fruit.hits);
        }
        keep_top(&mut merged.hits, self.limit, self.sort);
        Ok(merged)
    }
}

pub struct SegmentTop {
    segment: SegmentOrdinal,
    limit: usize,
    sort: SortBy,
    group: bool,
    keys: Column<u64>,
    dates: Column<tantivy::DateTime>,
    /// The best passage so far of the article being collected (grouping only).
    /// An article's passages are one batch, so consecutive documents of one
    /// segment, and the collector meets them one after the other.
    current: Option<Candidate>,
    /// Candidates (each article's best, when grouping), trimmed to `limit` now
    /// and then.
    top: Vec<Candidate>,
    /// The last of `limit` candidates kept at the latest trim: one that ranks
    /// after it cannot make the top.
    last: Option<Candidate>,
    total: usize,
}

impl SegmentCollector for SegmentTop {
    type Fruit = TopHits;

    fn collect(&mut self, doc: DocId, score: Score) {
        let article = self.keys.first(doc).unwrap_or_default();
        let address = DocAddress::new(self.segment, doc);
        if let Some(best) = self.current.as_mut().filter(|best| best.article == article) {
            // The passages of an article share its date.
            let candidate = Candidate {
                score,
                address,
                ..*best
            };
            if candidate.rank_order(best, self.sort) == Ordering::Less {
                *best = candidate;
            }
            return;
        }
        // By score, only the hits kept need their date (`harvest`).
        let date = match self.sort {
            SortBy::Date => self.date(doc),
            SortBy::Score => None,
        };
        let candidate = Candidate {
            score,
            date,
            article,
            address,
        };
        self.total += 1;
        match self.group {
            true => {
                if let Some(done) = self.current.replace(candidate) {
                    self.keep(done);
                }
            }
            false => self.keep(candidate),
        }
    }

    fn harvest(mut self) -> TopHits {
        if let Some(done) = self.current.take() {
            self.top.push(done);
        }
        let mut hits = std::mem::take(&mut self.top);
        keep_top(&mut hits, self.limit, self.sort);
        if self.sort == SortBy::Score {
            for hit in &mut hits {
                hit.date = self.date(hit.address.doc_id);
            }
        }
        TopHits {
            hits,
            total: self.total,
        }
    }
}

impl SegmentTop {
    /// The date of a passage's article, in seconds since the epoch.
    fn date(&self, doc: DocId) -> Option<i64> {
        self.dates.first(doc).map(|d| d.into_timestamp_secs())
    }

    fn keep(&mut self, candidate: Candidate) {
        let sort = self.sort;
        if (self.last.as_ref())
            .is_some_and(|last| candidate.rank_order(last, sort) != Ordering::Less)
        {
            return;
        }
        self.top.push(candidate);
        if self.top.len() >= 2 * self.limit.max(64) {
            keep_top(&mut self.top, self.limit, sort);
            self.last = (self.limit.checked_sub(1))
                .and_then(|at| self.top.get(at))
                .copied();
        }
    }
}

/// Sorts the best `limit` first and drops the rest.
fn keep_top(hits: &mut Vec<Candidate>, limit: usize, sort: SortBy) {
    let order = |a: &Candidate, b: &Candidate| a.rank_order(b, sort);
    if hits.len() > limit && limit > 0 {
        hits.select_nth_unstable_by(limit - 1, order);
    }
    hits.truncate(limit);
    hits.sort_by(order);
}

/// Collects the set of articles with a matching passage.
pub struct ArticleKeys;

impl Collector for ArticleKeys {
    type Fruit = HashedSet;
    type Child = SegmentKeys;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentKeys> {
        Ok(SegmentKeys {
            keys: reader.fast_fields().u64(Fields::ARTICLE_KEY)?,
            found: HashedSet::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashedSet>) -> tantivy::Result<HashedSet> {
        let mut fruits = fruits.into_iter();
        let mut merged = fruits.next().unwrap_or_default();
        for fruit in fruits {
            merged.extend(fruit);
        }
        Ok(merged)
    }
}

pub struct SegmentKeys {
    keys: Column<u64>,
    found: HashedSet,
}

impl SegmentCollector for SegmentKeys {
    type Fruit = HashedSet;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.found.extend(self.keys.first(doc));
    }

    fn harvest(self) -> HashedSet {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(score: f32, date: Option<i64>, doc: u32) -> Candidate {
        Candidate {
            score,
            date,
            article: doc as u64,
            address: DocAddress::new(0, doc),
        }
    }

    #[test]
    fn keep_top_orders_by_score_then_address() {
        let mut hits = vec![
            candidate(1.0, None, 0),
            candidate(3.0, None, 1),
            candidate(2.0, None, 2),
            candidate(3.0, None, 3),
        ];
        keep_top(&mut hits, 3, SortBy::Score);
        let docs: Vec<u32> = hits.iter().map(|c| c.address.doc_id).collect();
        assert_eq!(docs, vec![1, 3, 2]);
    }

    #[test]
    fn date_order_puts_undated_last() {
        let mut hits = vec![
            candidate(9.0, None, 0),
            candidate(1.0, Some(100), 1),
            candidate(1.0, Some(200), 2),
        ];
        keep_top(&mut hits, 10, SortBy::Date);
        let docs: Vec<u32> = hits.iter().map(|c| c.address.doc_id).collect();
        assert_eq!(docs, vec![2, 1, 0]);
    }
}
