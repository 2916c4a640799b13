//! A filter that matches every passage of the articles another query matches.
//!
//! Entity aliases are indexed on an article's first passage only: repeating them
//! on every passage made an article's terms grow with its passages times its
//! entities, which a long document turns into millions. A filter on them matches
//! that lead passage, and [`WholeArticles`] widens each match to the article's
//! passages, which lie one after the other in one segment from the lead
//! (`doc_id - ordinal`) on. It walks the inner matches lazily, so that a
//! selective query it is intersected with skips over most of them.

use crate::index::Fields;
use tantivy::columnar::Column;
use tantivy::index::SegmentReader;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, TantivyError, TERMINATED};

/// Matches every passage of each article with a passage `inner` matches.
#[derive(Debug)]
pub struct WholeArticles(pub Box<dyn Query>);

impl Clone for WholeArticles {
    fn clone(&self) -> Self {
        WholeArticles(self.0.box_clone())
    }
}

impl Query for WholeArticles {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let unscored = match enable_scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(enable_scoring.schema()),
        };
        Ok(Box::new(WholeArticlesWeight(self.0.weight(unscored)?)))
    }
}

struct WholeArticlesWeight(Box<dyn Weight>);

impl Weight for WholeArticlesWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.0.scorer(reader, 1.0)?;
        let ordinals = reader.fast_fields().u64(Fields::ORDINAL)?;
        Ok(Box::new(WholeArticlesScorer::new(
            inner,
            ordinals,
            reader.max_doc(),
            boost,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() <= doc && scorer.seek(doc) == doc {
            Ok(Explanation::new("a passage of a matching article", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} is no passage of a matching article"
            )))
        }
    }
}

struct WholeArticlesScorer {
    inner: Box<dyn Scorer>,
    ordinals: Column<u64>,
    max_doc: DocId,
    /// The current passage, and the lead passage of its article.
    doc: DocId,
    lead: DocId,
    boost: Score,
}

impl WholeArticlesScorer {
    fn new(
        inner: Box<dyn Scorer>,
        ordinals: Column<u64>,
        max_doc: DocId,
        boost: Score,
    ) -> WholeArticlesScorer {
        let mut scorer = WholeArticlesScorer {
            inner,
            ordinals,
            max_doc,
            doc: TERMINATED,
            lead: TERMINATED,
            boost,
        };
        let first = scorer.inner.doc();
        scorer.enter(first);
        scorer
    }

    /// The lead passage of `doc`'s article.
    fn lead_of(&self, doc: DocId) -> DocId {
        doc - self.ordinals.first(doc).unwrap_or_default() as DocId
    }

    /// Moves to the lead of the article of `matched`, an inner match.
    fn enter(&mut self, matched: DocId) -> DocId {
        if matched == TERMINATED {
            self.doc = TERMINATED;
        } else {
            self.lead = self.lead_of(matched);
            self.doc = self.lead;
        }
        self.doc
    }

    /// Moves the inner matches to the first article at or after the one that
    /// leads at `lead`.
    fn next_match(&mut self, lead: DocId) -> DocId {
        if self.inner.doc() >= lead {
            self.inner.doc()
        } else {
            self.inner.seek(lead)
        }
    }
}

impl DocSet for WholeArticlesScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let next = self.doc + 1;
        if next < self.max_doc && self.lead_of(next) == self.lead {
            self.doc = next;
            return next;
        }
        let matched = self.next_match(next);
        self.enter(matched)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if target >= self.max_doc {
            self.doc = TERMINATED;
            return TERMINATED;
        }
        let lead = self.lead_of(target);
        if lead == self.lead {
            self.doc = target;
            return target;
        }
        let matched = self.next_match(lead);
        if self.enter(matched) == lead {
            self.doc = target;
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for WholeArticlesScorer {
    fn score(&mut self) -> Score {
        self.boost
    }
}
