//! A linear-chain model: hashed feature weights per label, label transitions, and
//! Viterbi decoding under the IOB2 constraints. Trained as an averaged structured
//! perceptron.

use super::features::{CONTEXT_TEMPLATES, NEIGHBOURS, NEIGHBOUR_TEMPLATES};
use super::labels::{self, LABELS};

/// The label O, as an index into score rows.
const O: usize = labels::O as usize;

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
    neighbours: [[i16; ROW]; NEIGHBOURS],
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

/// A sentence as [`Model::decode_words`] reads it.
pub struct Words<'a> {
    /// Each token's word, as a place in the cached rows.
    pub places: &'a [u32],
    /// The tokens labelled O unscored.
    pub closed: &'a [bool],
    /// The [`CONTEXT_TEMPLATES`] features of each open token.
    pub features: &'a [u32],
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

    /// Label scores of every token from its `templates` features, which
    /// `features` holds for the tokens not marked in `closed` only.
    fn emissions(
        &self,
        features: &[u32],
        templates: usize,
        closed: &[bool],
        scratch: &mut Scratch,
    ) {
        scratch.emissions.clear();
        let mut tokens = features.chunks_exact(templates);
        let n = tokens.len() + closed.iter().filter(|&&c| c).count();
        for t in 0..n {
            if closed.get(t).copied().unwrap_or(false) {
                // Viterbi reads no emission of a closed token.
                scratch.emissions.push([0.0; ROW]);
                continue;
            }
            let token = tokens.next().expect("features for every open token");
            scratch.emissions.push(match &self.weights {
                Weights::Float(w) => sum_rows::<f32, f32>(w, token),
                Weights::Quantised { values, scale, .. } => {
                    sum_rows::<i16, i32>(values, token).map(|v| v as f32 * scale)
                }
            });
        }
    }

    /// The rows of a word from its word-template and neighbour-template features
    /// (see [`WordRows`]); `None` for a float table.
    pub fn word_rows(&self, own: &[u32], neighbours: [u32; NEIGHBOURS]) -> Option<WordRows> {
        let Weights::Quantised { values, .. } = &self.weights else {
            return None;
        };
        Some(WordRows {
            own: sum_rows::<i16, i32>(values, own),
            neighbours: neighbours
                .map(|f| values[f as usize * ROW..][..ROW].try_into().expect("a row")),
        })
    }

    /// The best label sequence for a sentence of `words`, with its closed tokens
    /// labelled O. An open token's scores come from its word's rows, its
    /// neighbours' rows (past the sentence's edges, the rows of the `edges`
    /// features) and its [`CONTEXT_TEMPLATES`] features. Gives the labels
    /// [`Model::decode`] gives on every feature, since integer sums do not depend
    /// on their order. Needs a quantised table.
    pub fn decode_words(
        &self,
        words: Words,
        rows: &[WordRows],
        edges: [u32; NEIGHBOURS],
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        let Words {
            places,
            closed,
            features,
        } = words;
        let Weights::Quantised { values, scale, .. } = &self.weights else {
            panic!("cached rows need a quantised table");
        };
        scratch.emissions.clear();
        let mut features = features.chunks_exact(CONTEXT_TEMPLATES.len());
        for (i, &place) in places.iter().enumerate() {
            if closed[i] {
                // Viterbi reads no emission of a closed token.
                scratch.emissions.push([0.0; ROW]);
                continue;
            }
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
            let token = features.next().expect("features for every open token");
            let rest = sum_rows::<i16, i32>(values, token);
            scratch
                .emissions
                .push(std::array::from_fn(|l| (sum[l] + rest[l]) as f32 * scale));
        }
        self.viterbi(closed, scratch, out);
    }

    /// The best label sequence for one sentence, with the tokens marked in
    /// `closed` labelled O (an empty `closed` marks none). `features` holds
    /// `templates` features of each token not marked.
    pub fn decode(
        &self,
        features: &[u32],
        templates: usize,
        closed: &[bool],
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        self.emissions(features, templates, closed, scratch);
        self.viterbi(closed, scratch, out);
    }

    /// The best label sequence under the emissions in `scratch`, in which the
    /// tokens marked in `closed` are O. Such a token's emission is the same on
    /// every path left, so it is not read, and only O's column is scored.
    fn viterbi(&self, closed: &[bool], scratch: &mut Scratch, out: &mut Vec<u8>) {
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
        let is_closed = |t: usize| closed.get(t).copied().unwrap_or(false);
        let mut first = [f32::NEG_INFINITY; LABELS];
        if is_closed(0) {
            first[O] = transitions[0][O];
        } else {
            for (l, score) in first.iter_mut().enumerate() {
                *score = scratch.emissions[0][l] + transitions[0][l];
            }
        }
        scratch.scores.push(first);
        scratch.back.push([0; LABELS]);
        for t in 1..n {
            let prev = scratch.scores[t - 1];
            let mut scores = [f32::NEG_INFINITY; LABELS];
            let mut back = [0u8; LABELS];
            let after_closed = is_closed(t - 1);
            if is_closed(t) {
                if after_closed {
                    scores[O] = prev[O] + transitions[O + 1][O];
                } else {
                    for (p, &prev_score) in prev.iter().enumerate() {
                        let s = prev_score + transitions[p + 1][O];
                        if s > scores[O] {
                            scores[O] = s;
                            back[O] = p as u8;
                        }
                    }
                }
                scratch.scores.push(scores);
                scratch.back.push(back);
                continue;
            }
            if after_closed {
                // Only O is left before: every label comes from it.
                for (score, &step) in scores.iter_mut().zip(&transitions[O + 1]) {
                    *score = prev[O] + step;
                }
                back = [O as u8; LABELS];
            } else {
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
            .decode(features, templates, &[], &mut self.scratch, &mut predicted);
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
    use proptest::prelude::*;

    /// A model whose feature `t` gives `emissions[t]`, with `transitions`.
    fn model_of(emissions: &[[f32; LABELS]], transitions: Transitions) -> Model {
        let mut weights = vec![0.0; 16 * ROW];
        for (t, e) in emissions.iter().enumerate() {
            weights[t * ROW..t * ROW + LABELS].copy_from_slice(e);
        }
        Model {
            weights: Weights::Float(weights),
            transitions,
            ..Model::new(4)
        }
    }

    proptest! {
        /// Skipping closed tokens is exact: it gives the best sequence among
        /// those that label them O.
        #[test]
        fn closed_tokens_decode_as_if_only_o_could_score(
            emissions in prop::collection::vec(prop::array::uniform9(-5f32..5.0), 1..12),
            transitions in prop::array::uniform10(prop::array::uniform9(-5f32..5.0)),
            closed in prop::collection::vec(any::<bool>(), 12),
        ) {
            let n = emissions.len();
            let closed = &closed[..n];
            let open: Vec<u32> = (0..n as u32).filter(|&t| !closed[t as usize]).collect();
            let mut pruned = Vec::new();
            model_of(&emissions, transitions).decode(
                &open, 1, closed, &mut Scratch::default(), &mut pruned,
            );
            // A closed token's O scores nothing, as in the skipping decoder, so
            // both add the same floats in the same order.
            let masked: Vec<[f32; LABELS]> = emissions
                .iter()
                .zip(closed)
                .map(|(e, &c)| match c {
                    true => std::array::from_fn(|l| if l == O { 0.0 } else { -1e6 }),
                    false => *e,
                })
                .collect();
            let every: Vec<u32> = (0..n as u32).collect();
            let mut full = Vec::new();
            model_of(&masked, transitions).decode(
                &every, 1, &[], &mut Scratch::default(), &mut full,
            );
            prop_assert_eq!(pruned, full);
        }
    }

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
        model.decode(&[1, 1], 1, &[], &mut Scratch::default(), &mut out);
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
        model.decode(&[5, 3, 5, 5], 1, &[], &mut Scratch::default(), &mut out);
        assert_eq!(out, vec![0, 5, 0, 0]);
    }
}
