//! Entity-level scoring with conlleval semantics: a predicted entity counts only if
//! its span and type both match a gold entity.

use super::conll::Document;
use super::labels::{self, spans};
use super::Mention;
use crate::article::EntityKind;
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores per type and overall.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Evaluation {
    pub overall: Score,
    pub by_kind: [Score; 4],
    pub tokens: usize,
}

/// A CoNLL document as an article's text: each sentence's tokens a space
/// apart, each sentence a paragraph of its own, and where each token is.
pub struct DocumentText {
    pub text: String,
    /// Byte ranges of each sentence's tokens in `text`.
    pub tokens: Vec<Vec<Range<usize>>>,
}

impl DocumentText {
    pub fn of(doc: &Document) -> DocumentText {
        let mut text = String::new();
        let mut tokens = Vec::with_capacity(doc.len());
        for sentence in doc {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let mut ranges = Vec::with_capacity(sentence.tokens.len());
            for (i, token) in sentence.tokens.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                ranges.push(text.len()..text.len() + token.len());
                text.push_str(token);
            }
            tokens.push(ranges);
        }
        DocumentText { text, tokens }
    }
}

impl Evaluation {
    /// Adds one sentence's gold and predicted labels.
    pub fn add(&mut self, gold: &[u8], predicted: &[u8]) {
        self.tokens += gold.len();
        let gold = spans(gold);
        let predicted = spans(predicted);
        let gold_set: HashSet<_> = gold.iter().collect();
        for span in &gold {
            self.by_kind[span.kind as usize].gold += 1;
        }
        for span in &predicted {
            let score = &mut self.by_kind[span.kind as usize];
            score.predicted += 1;
            if gold_set.contains(span) {
                score.correct += 1;
            }
        }
        self.sum_kinds();
    }

    /// Adds a document's gold labels and the `mentions` found in its `text`.
    /// A mention that does not start and end on tokens of one sentence, or
    /// that overlaps another, is a wrong prediction.
    pub fn add_mentions(&mut self, doc: &Document, text: &DocumentText, mentions: &[Mention]) {
        let mut predicted: Vec<Vec<u8>> = doc
            .iter()
            .map(|s| vec![labels::O; s.labels.len()])
            .collect();
        let mut stray = Vec::new();
        for m in mentions {
            let sentence = text
                .tokens
                .partition_point(|t| t.last().is_some_and(|r| r.end <= m.range.start));
            let on = |sentence: &[Range<usize>]| {
                let first = sentence.iter().position(|r| r.start == m.range.start)?;
                let last = sentence.iter().position(|r| r.end == m.range.end)?;
                (first <= last).then_some(first..last + 1)
            };
            let tokens = text.tokens.get(sentence).and_then(|s| on(s));
            let labels = tokens.and_then(|tokens| {
                let labels = &mut predicted[sentence][tokens];
                labels.iter().all(|&l| l == labels::O).then_some(labels)
            });
            match labels {
                Some(labels) => {
                    labels.fill(labels::begin(m.kind) + 1);
                    labels[0] = labels::begin(m.kind);
                }
                None => stray.push(m.kind),
            }
        }
        for (sentence, predicted) in doc.iter().zip(&predicted) {
            self.add(&sentence.labels, predicted);
        }
        for kind in stray {
            self.by_kind[kind as usize].predicted += 1;
        }
        self.sum_kinds();
    }

    fn sum_kinds(&mut self) {
        self.overall = self.by_kind.iter().fold(Score::default(), |a, s| Score {
            gold: a.gold + s.gold,
            predicted: a.predicted + s.predicted,
            correct: a.correct + s.correct,
        });
    }

    /// A table of precision, recall and F1, as conlleval prints them.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<14} {:>9} {:>9} {:>9} {:>7}\n",
            "type", "precision", "recall", "F1", "gold"
        );
        let row = |name: &str, s: &Score| {
            format!(
                "{:<14} {:>9.2} {:>9.2} {:>9.2} {:>7}\n",
                name,
                s.precision(),
                s.recall(),
                s.f1(),
                s.gold
            )
        };
        for kind in EntityKind::ALL {
            out.push_str(&row(conll_name(kind), &self.by_kind[kind as usize]));
        }
        out.push_str(&row("all", &self.overall));
        out
    }
}

pub fn conll_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organisation => "ORG",
        EntityKind::Location => "LOC",
        EntityKind::Other => "MISC",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::conll;

    #[test]
    fn exact_span_and_type_count() {
        let mut e = Evaluation::default();
        // gold: PER(0..2) LOC(3..4); predicted: PER(0..1) LOC(3..4) ORG(4..5)
        e.add(&[1, 2, 0, 5, 0], &[1, 0, 0, 5, 3]);
        assert_eq!(
            e.overall,
            Score {
                gold: 2,
                predicted: 3,
                correct: 1
            }
        );
        assert!((e.overall.f1() - 40.0).abs() < 1e-9);
        assert_eq!(e.by_kind[EntityKind::Location as usize].f1(), 100.0);
    }

    #[test]
    fn mentions_in_a_documents_text_are_scored_on_its_tokens() {
        let docs = conll::parse(
            "-DOCSTART- -X- O O\n\nAnn NNP B-NP I-PER\nLee NNP I-NP I-PER\nmet VBD B-VP O\n\
             U.S. NNP B-NP I-LOC\nofficials NNS I-NP O\n\nLondon-based JJ B-NP I-MISC\n\
             Acme NNP I-NP I-ORG\n",
        )
        .unwrap();
        let text = DocumentText::of(&docs[0]);
        assert_eq!(text.text, "Ann Lee met U.S. officials\n\nLondon-based Acme");
        assert_eq!(text.tokens[1], [28..40, 41..45]);
        let mention = |kind, word: &str| Mention {
            kind,
            range: text.text.find(word).unwrap()..text.text.find(word).unwrap() + word.len(),
            opens_clause: false,
        };
        let mut e = Evaluation::default();
        let found = [
            mention(EntityKind::Person, "Ann Lee"),
            // Of the wrong kind.
            mention(EntityKind::Organisation, "U.S."),
            // Inside a token: a wrong prediction, whatever its kind.
            mention(EntityKind::Location, "London"),
            mention(EntityKind::Organisation, "Acme"),
            // Over a name already found.
            mention(EntityKind::Person, "Lee"),
        ];
        e.add_mentions(&docs[0], &text, &found);
        assert_eq!(
            e.overall,
            Score {
                gold: 4,
                predicted: 5,
                correct: 2
            }
        );
        assert_eq!(e.by_kind[EntityKind::Person as usize].predicted, 2);
        assert_eq!(e.tokens, 7);
    }
}
