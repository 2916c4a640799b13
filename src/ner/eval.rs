//! Entity-level scoring with conlleval semantics: a predicted entity counts only if
//! its span and type both match a gold entity.

use super::labels::spans;
use crate::article::EntityKind;
use serde::Serialize;
use std::collections::HashSet;

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
}
