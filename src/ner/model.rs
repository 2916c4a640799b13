//! A linear-chain model: hashed feature weights per label, label transitions, and
//! Viterbi decoding under the IOB2 constraints. Trained as an averaged structured
//! perceptron.

use super::features::{CONTEXT_TEMPLATES, NEIGHBOUR_TEMPLATES};
use super::labels::{self, LABELS};

/// Weights per feature row, padded to a cache line.
pub const ROW: usize = 16;

/// Transition scores: row 0 is the sentence start, row `p + 1` follows label `p`.
pub type Transitions = [[f32; LABELS]; LABELS + 1];

#[derive(Clone)]
pub struct Model {
    pub bits: u32,
    pub weights: Weights,
    pub transitions: Transitions,
}

/// The weight table: floats while training, 16-bit integers once loaded (half the
/// memory traffic, which is what tagging waits on).
#[derive(Clone)]
pub enum Weights {
    Float(Vec<f32>),
    /// `id` tells tables apart, so that rows cached from one are never used with
    /// another; clones share it along with the values.
    Quantised {
        values: Vec<i16>,
        scale: f32,
        id: u64,
    },
}

/// What one word type adds to label scores wherever it occurs, read from a
/// quantised table once: the rows of its word templates, summed, and the rows it
/// gives its neighbours through the neighbour templates.
#[derive(Clone, Copy)]
pub struct WordRows {
    own: [i32; ROW],
    neighbours: [[i16; ROW]; 4],
}

impl Weights {
    /// A quantised table with an id of its own.
    pub fn quantised(values: Vec<i16>, scale: f32) -> Weights {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Weights::Quantised { values, scale, id }
    }

    /// The id of a quantised table; float tables change as they train, so rows
    /// are never cached from them.
    pub fn cache_id(&self) -> Option<u64> {
        match self {
            Weights::Float(_) => None,
            Weights::Quantised { id, .. } => Some(*id),
        }
    }

    /// The weight of a feature row for a label.
    pub fn get(&self, row: usize, label: usize) -> f32 {
        match self {
            Weights::Float(w) => w[row * ROW + label],
            Weights::Quantised { values, scale, .. } => values[row * ROW + label] as f32 * scale,
        }
    }
}

/// The sums of the rows of a token's features, accumulated in `A`.
#[inline]
fn sum_rows<W, A>(table: &[W], token: &[u32]) -> [A; ROW]
where
    W: Copy,
    A: Copy + Default + std::ops::AddAssign + From<W>,
{
    let mut sum = [A::default(); ROW];
    for &f in token {
        let row = &table[f as usize * ROW..f as usize * ROW + ROW];
        for (s, &w) in sum.iter_mut().zip(row) {
            *s += A::from(w);
        }
    }
    sum
}

/// Buffers for decoding, reused across sentences.
#[derive(Default)]
pub struct Scratch {
    emissions: Vec<[f32; ROW]>,
    scores: Vec<[f32; LABELS]>,
    back: Vec<[u8; LABELS]>,
}

impl Model {
    pub fn new(bits: u32) -> Model {
        Model {
            bits,
            weights: Weights::Float(vec![0.0; (1usize << bits) * ROW]),
            transitions: [[0.0; LABELS]; LABELS + 1],
        }
    }

    /// Label scores of every token from its `templates` features.
    fn emissions(&self, features: &[u32], templates: usize, scratch: &mut Scratch) {
        scratch.emissions.clear();
        let tokens = features.chunks_exact(templates);
        match &self.weights {
            Weights::Float(w) => scratch
                .emissions
                .extend(tokens.map(|token| sum_rows::<f32, f32>(w, token))),
            Weights::Quantised { values, scale, .. } => scratch.emissions.extend(
                tokens.map(|token| sum_rows::<i16, i32>(values, token).map(|v| v as f32 * scale)),
            ),
        }
    }

    /// The rows of a word from its word-template and neighbour-template features
    /// (see [`WordRows`]); `None` for a float table.
    pub fn word_rows(&self, own: &[u32], neighbours: [u32; 4]) -> Option<WordRows> {
        let Weights::Quantised { values, .. } = &self.weights else {
            return None;
        };
        Some(WordRows {
            own: sum_rows::<i16, i32>(values, own),
            neighbours: neighbours
                .map(|f| values[f as usize * ROW..][..ROW].try_into().expect("a row")),
        })
    }

    /// The best label sequence for a sentence whose tokens are the words at
    /// `places` in `rows`. A token's scores come from its word's rows, its
    /// neighbours' rows (past the sentence's edges, the rows of the `edges`
    /// features) and its [`CONTEXT_TEMPLATES`] features in `features`. Gives the
    /// labels [`Model::decode`] gives on every feature, since integer sums do not
    /// depend on their order. Needs a quantised table.
    pub fn decode_words(
        &self,
        places: &[u32],
        rows: &[WordRows],
        edges: [u32; 4],
        features: &[u32],
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        let Weights::Quantised { values, scale, .. } = &self.weights else {
            panic!("cached rows need a quantised table");
        };
        scratch.emissions.clear();
        for (i, (&place, features)) in places
            .iter()
            .zip(features.chunks_exact(CONTEXT_TEMPLATES.len()))
            .enumerate()
        {
            let mut sum = rows[place as usize].own;
            for (k, &(_, offset)) in NEIGHBOUR_TEMPLATES.iter().enumerate() {
                let row = match i.checked_add_signed(offset).and_then(|j| places.get(j)) {
                    Some(&neighbour) => &rows[neighbour as usize].neighbours[k],
                    None => &values[edges[k] as usize * ROW..][..ROW],
                };
                for (s, &w) in sum.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
            let rest = sum_rows::<i16, i32>(values, features);
            scratch
                .emissions
                .push(std::array::from_fn(|l| (sum[l] + rest[l]) as f32 * scale));
        }
        self.viterbi(scratch, out);
    }

    /// The best label sequence for one sentence.
    pub fn decode(
        &self,
        features: &[u32],
        templates: usize,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        self.emissions(features, templates, scratch);
        self.viterbi(scratch, out);
    }

    /// The best label sequence under the emissions in `scratch`.
    fn viterbi(&self, scratch: &mut Scratch, out: &mut Vec<u8>) {
        let n = scratch.emissions.len();
        out.clear();
        if n == 0 {
            return;
        }
        scratch.scores.clear();
        scratch.back.clear();
        // Transitions with the IOB2 constraints folded in as -inf.
        let mut transitions = self.transitions;
        for (row, prev) in transitions
            .iter_mut()
            .zip(std::iter::once(None).chain((0..LABELS as u8).map(Some)))
        {
            for (l, score) in row.iter_mut().enumerate() {
                if !labels::allowed(prev, l as u8) {
                    *score = f32::NEG_INFINITY;
                }
            }
        }
        let mut first = [0f32; LABELS];
        for (l, score) in first.iter_mut().enumerate() {
            *score = scratch.emissions[0][l] + transitions[0][l];
        }
        scratch.scores.push(first);
        scratch.back.push([0; LABELS]);
        for t in 1..n {
            let prev = scratch.scores[t - 1];
            let mut scores = [f32::NEG_INFINITY; LABELS];
            let mut back = [0u8; LABELS];
            for (p, &prev_score) in prev.iter().enumerate() {
                let row = &transitions[p + 1];
                for l in 0..LABELS {
                    let s = prev_score + row[l];
                    if s > scores[l] {
                        scores[l] = s;
                        back[l] = p as u8;
                    }
                }
            }
            for (score, e) in scores.iter_mut().zip(&scratch.emissions[t]) {
                *score += e;
            }
            scratch.scores.push(scores);
            scratch.back.push(back);
        }
        let last = &scratch.scores[n - 1];
        // Ties go to the lower label, so an untrained model says O.
        let mut best =
            (1..LABELS).fold(0, |best, l| if last[l] > last[best] { l } else { best }) as u8;
        out.resize(n, 0);
        for t in (0..n).rev() {
            out[t] = best;
            best = scratch.back[t][best as usize];
        }
    }
}

/// Averaged perceptron training of a [`Model`].
pub struct Trainer {
    pub model: Model,
    /// Sum of `step * update`, for averaging.
    weight_sums: Vec<f32>,
    transition_sums: Transitions,
    step: f32,
    scratch: Scratch,
    predicted: Vec<u8>,
}

impl Trainer {
    pub fn new(bits: u32) -> Trainer {
        Trainer {
            model: Model::new(bits),
            weight_sums: vec![0.0; (1usize << bits) * ROW],
            transition_sums: [[0.0; LABELS]; LABELS + 1],
            step: 1.0,
            scratch: Scratch::default(),
            predicted: Vec::new(),
        }
    }

    /// Decodes one sentence and moves the weights towards the gold labels.
    /// Returns whether the prediction was already right.
    pub fn learn(&mut self, features: &[u32], templates: usize, gold: &[u8]) -> bool {
        let mut predicted = std::mem::take(&mut self.predicted);
        self.model
            .decode(features, templates, &mut self.scratch, &mut predicted);
        let right = predicted == gold;
        let Weights::Float(weights) = &mut self.model.weights else {
            unreachable!("a trainer's model has float weights")
        };
        if !right {
            let step = self.step;
            for (t, (&g, &p)) in gold.iter().zip(&predicted).enumerate() {
                if g != p {
                    for &f in &features[t * templates..(t + 1) * templates] {
                        let base = f as usize * ROW;
                        weights[base + g as usize] += 1.0;
                        self.weight_sums[base + g as usize] += step;
                        weights[base + p as usize] -= 1.0;
                        self.weight_sums[base + p as usize] -= step;
                    }
                }
                let gold_prev = if t == 0 { 0 } else { gold[t - 1] as usize + 1 };
                let pred_prev = if t == 0 {
                    0
                } else {
                    predicted[t - 1] as usize + 1
                };
                if (gold_prev, g) != (pred_prev, p) {
                    self.model.transitions[gold_prev][g as usize] += 1.0;
                    self.transition_sums[gold_prev][g as usize] += step;
                    self.model.transitions[pred_prev][p as usize] -= 1.0;
                    self.transition_sums[pred_prev][p as usize] -= step;
                }
            }
        }
        self.step += 1.0;
        self.predicted = predicted;
        right
    }

    /// The averaged model: each weight's mean over every step so far.
    pub fn averaged(&self) -> Model {
        let mut model = self.model.clone();
        let step = self.step;
        if let Weights::Float(weights) = &mut model.weights {
            for (w, s) in weights.iter_mut().zip(&self.weight_sums) {
                *w -= s / step;
            }
        }
        for (row, sums) in model.transitions.iter_mut().zip(&self.transition_sums) {
            for (w, s) in row.iter_mut().zip(sums) {
                *w -= s / step;
            }
        }
        model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_respects_iob2_even_against_emissions() {
        let mut weights = vec![0.0; 16 * ROW];
        // Feature 1 strongly prefers I-PER; a sentence can't start with it.
        weights[ROW + 2] = 10.0;
        weights[ROW + 1] = 1.0;
        let model = Model {
            weights: Weights::Float(weights),
            ..Model::new(4)
        };
        let mut out = Vec::new();
        model.decode(&[1, 1], 1, &mut Scratch::default(), &mut out);
        assert_eq!(out, vec![1, 2]);
    }

    #[test]
    fn the_perceptron_learns_a_separable_toy_problem() {
        // Feature 3 marks B-LOC, feature 5 marks O.
        let mut trainer = Trainer::new(4);
        for _ in 0..5 {
            trainer.learn(&[3, 5, 3], 1, &[5, 0, 5]);
            trainer.learn(&[5, 3], 1, &[0, 5]);
            trainer.learn(&[5, 5], 1, &[0, 0]);
        }
        let model = trainer.averaged();
        let mut out = Vec::new();
        model.decode(&[5, 3, 5, 5], 1, &mut Scratch::default(), &mut out);
        assert_eq!(out, vec![0, 5, 0, 0]);
    }
}
