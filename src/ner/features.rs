//! Feature extraction: every token gets exactly [`TEMPLATES`] hashed features, each
//! an index into the model's weight table.
//!
//! A word's own hashes (form, lower case, shape, affixes, flags) are computed once
//! per extractor and remembered by word; neighbour and pair features combine those
//! hashes, so no string is built per token. Bump [`FEATURE_VERSION`] whenever what
//! a template means changes: a model trained on other features is refused.

use super::clusters::Clusters;
use super::gazetteer::Gazetteer;
use super::{HashedMap, HashedSet};
use std::ops::Range;

/// The version of the feature set a model was trained with.
pub const FEATURE_VERSION: u32 = 4;

/// Features per token.
pub const TEMPLATES: usize = 30;
/// Features that do not depend on the document: all but the last two.
pub const LOCAL_TEMPLATES: usize = TEMPLATES - 2;
/// Templates whose value is the word alone: bias, form, lower case, shape,
/// affixes, fine and coarse cluster.
pub const WORD_TEMPLATES: Range<usize> = 0..14;
/// Templates whose value is one neighbour's alone: its lower case at offsets -1,
/// +1, -2 and +2, then its fine cluster at -1 and +1.
pub const NEIGHBOUR_TEMPLATES: [(usize, isize); NEIGHBOURS] =
    [(15, -1), (16, 1), (17, -2), (18, 2), (19, -1), (20, 1)];
/// How many [`NEIGHBOUR_TEMPLATES`] there are.
pub const NEIGHBOURS: usize = 6;
/// The templates that are neither: they see the sentence around the word.
pub const CONTEXT_TEMPLATES: [usize; 10] = [14, 21, 22, 23, 24, 25, 26, 27, 28, 29];

/// Distinct words an extractor remembers before it starts afresh.
const LEXICON_CAP: usize = 1 << 16;
/// The flag of a sentence's first token (see `token_hashes`).
const FIRST_FLAG: u64 = 1 << 8;

/// The name lists a token's features look words up in.
#[derive(Clone, Copy)]
pub struct Lists<'a> {
    pub gazetteer: &'a Gazetteer,
    pub clusters: &'a Clusters,
}

/// What a token's document-level features combine with its hint.
#[derive(Debug, Clone, Copy, Default)]
struct HintBasis {
    capitalised: u64,
    shape: u64,
}

/// The feature index of `value` under `template`, below `2^bits`.
#[inline]
fn index(template: usize, value: u64, bits: u32) -> u32 {
    (finish(mix(template as u64 + 1, value)) >> (64 - bits)) as u32
}

/// The two document-level features of a token with `hint`.
fn hint_features(basis: HintBasis, hint: DocHint, bits: u32) -> [u32; 2] {
    let form = hint.form_kind as u64;
    [
        index(LOCAL_TEMPLATES, mix(form, basis.capitalised), bits),
        index(
            LOCAL_TEMPLATES + 1,
            mix(hint.span_kind as u64, mix(form, basis.shape)),
            bits,
        ),
    ]
}

/// Document-level hints from a first tagging pass, per token (see `tagger`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocHint {
    /// Type most often given to this word form elsewhere in the document (0: none).
    pub form_kind: u8,
    /// Type of the longest entity elsewhere in the document containing this form.
    pub span_kind: u8,
}

/// Hashes of one token.
#[derive(Debug, Clone, Copy, Default)]
struct TokenHashes {
    form: u64,
    lower: u64,
    shape: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    flags: u64,
    /// The word's fine and coarse cluster, as feature values (0: none).
    fine: u64,
    coarse: u64,
    /// Whether any letter is a capital (not a feature: it decides which tokens
    /// the tagger may leave unscored, see `Tagger::open`).
    capitals: bool,
}

/// What the features of a token and its neighbours read of it beyond its word's
/// own templates: copied per token, so it is kept small.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    lower: u64,
    fine: u64,
    shape: u64,
    flags: u64,
    /// The gazetteer matches the token is part of; 0 in the lexicon.
    gazetteer: u64,
}

/// A word in the lexicon: its place in `words`, and its context, stored in the
/// map itself so a token costs one memory access.
#[derive(Debug, Clone, Copy)]
struct Known {
    place: u32,
    capitals: bool,
    context: Context,
}

impl TokenHashes {
    /// The values of the word templates, in template order.
    fn word_values(&self) -> [u64; WORD_TEMPLATES.end] {
        let [p0, p1, p2, p3] = self.prefixes;
        let [s0, s1, s2, s3] = self.suffixes;
        [
            1,
            self.form,
            self.lower,
            self.shape,
            p0,
            p1,
            p2,
            p3,
            s0,
            s1,
            s2,
            s3,
            self.fine,
            self.coarse,
        ]
    }

    /// The values the word gives its neighbours, in the order of
    /// [`NEIGHBOUR_TEMPLATES`].
    fn neighbour_values(&self) -> [u64; NEIGHBOURS] {
        let (lower, fine) = (self.lower, self.fine);
        [lower, lower, lower, lower, fine, fine]
    }
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(SEED)
}

#[inline]
fn finish(h: u64) -> u64 {
    let h = h ^ (h >> 33);
    let h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The hash of a token in lower case, digits as `0`: the key of gazetteer lookups.
pub fn lower_hash(token: &str) -> u64 {
    token
        .chars()
        .flat_map(|c| if c.is_ascii_digit() { '0' } else { c }.to_lowercase())
        .fold(0, |h, c| mix(h, c as u64))
}

/// The key a word is remembered by.
pub fn word_key(token: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(token.as_bytes())
}

/// The sentinel neighbour features of a token near the start or end of its
/// sentence, in the order of [`NEIGHBOUR_TEMPLATES`].
pub fn edge_features(bits: u32) -> [u32; NEIGHBOURS] {
    NEIGHBOUR_TEMPLATES.map(|(t, d)| index(t, if d < 0 { BEFORE } else { AFTER }, bits))
}

/// Sentinels for positions before and after the sentence.
const BEFORE: u64 = 0x9e37_79b9_7f4a_7c15;
const AFTER: u64 = 0xc2b2_ae3d_27d4_eb4f;

/// The sentences of a document as [`Extractor::prepare`] left them, so that a
/// second pass over one need not look its words up again.
#[derive(Default)]
pub struct Prepared {
    places: Vec<u32>,
    contexts: Vec<Context>,
    closed: Vec<bool>,
    /// Per sentence: its tokens in the vectors above, and the lexicon generation
    /// its places belong to.
    sentences: Vec<(Range<usize>, u64)>,
}

impl Prepared {
    pub fn clear(&mut self) {
        self.places.clear();
        self.contexts.clear();
        self.closed.clear();
        self.sentences.clear();
    }
}

/// Extracts features; remembers words and holds buffers reused across sentences.
#[derive(Default)]
pub struct Extractor {
    /// Word key to the word.
    lexicon: HashedMap<Known>,
    words: Vec<TokenHashes>,
    /// Counts the times the lexicon started afresh: older places mean nothing.
    generation: u64,
    /// Per token of the last sentence: its word's place in `words`, and its
    /// context.
    places: Vec<u32>,
    contexts: Vec<Context>,
    lower: Vec<char>,
    keys: Vec<u64>,
    /// Per token of the last sentence: whether it is labelled O unscored.
    closed: Vec<bool>,
}

impl Extractor {
    /// Fills `out` with `tokens.len() * TEMPLATES` feature indices below
    /// `2^bits`. `hints`, when given, has one entry per token.
    pub fn extract(
        &mut self,
        tokens: &[&str],
        hints: Option<&[DocHint]>,
        lists: Lists,
        bits: u32,
        out: &mut Vec<u32>,
    ) {
        self.prepare(tokens, lists, None);
        self.features(hints, bits, false, out);
    }

    /// Looks up or hashes the words of a sentence and tags its gazetteer matches.
    /// With `open`, a token without capitals whose key `open` lacks is closed:
    /// the tagger labels it O without scoring it.
    pub fn prepare(&mut self, tokens: &[&str], lists: Lists, open: Option<&HashedSet>) {
        if self.words.len() + tokens.len() > LEXICON_CAP {
            self.lexicon.clear();
            self.words.clear();
            self.generation += 1;
        }
        self.places.clear();
        self.contexts.clear();
        self.closed.clear();
        for (i, token) in tokens.iter().enumerate() {
            let key = word_key(token);
            let known = match self.lexicon.get(&key) {
                Some(&known) => known,
                None => {
                    let mut hashes = self.token_hashes(token);
                    if let Some((fine, coarse)) = lists.clusters.get(token) {
                        // Offset, so that class 0 is not the value of no class.
                        hashes.fine = u64::from(fine) + 1;
                        hashes.coarse = u64::from(coarse) + 1;
                    }
                    self.words.push(hashes);
                    let known = Known {
                        place: self.words.len() as u32 - 1,
                        capitals: hashes.capitals,
                        context: Context {
                            lower: hashes.lower,
                            fine: hashes.fine,
                            shape: hashes.shape,
                            flags: hashes.flags,
                            gazetteer: 0,
                        },
                    };
                    self.lexicon.insert(key, known);
                    known
                }
            };
            let mut context = known.context;
            if i == 0 {
                context.flags |= FIRST_FLAG;
            }
            self.places.push(known.place);
            self.contexts.push(context);
            self.closed
                .push(open.is_some_and(|open| !known.capitals && !open.contains(&key)));
        }
        // A word between two capitalised ones may join them into one name
        // ("Richard von Weizsaecker"), so it stays open.
        let capitalised = |c: &Context| c.flags & 1 == 1;
        for i in 1..tokens.len().saturating_sub(1) {
            if self.closed[i]
                && capitalised(&self.contexts[i - 1])
                && capitalised(&self.contexts[i + 1])
            {
                self.closed[i] = false;
            }
        }
        self.keys.clear();
        self.keys.extend(self.contexts.iter().map(|c| c.lower));
        lists.gazetteer.tag(&self.keys, &mut |i, tag| {
            let h = &mut self.contexts[i].gazetteer;
            *h = mix(*h, tag);
        });
    }

    /// Adds the sentence last prepared to `prepared`, as its next sentence.
    pub fn keep(&self, prepared: &mut Prepared) {
        let start = prepared.places.len();
        prepared.places.extend_from_slice(&self.places);
        prepared.contexts.extend_from_slice(&self.contexts);
        prepared.closed.extend_from_slice(&self.closed);
        let range = start..prepared.places.len();
        prepared.sentences.push((range, self.generation));
    }

    /// Makes sentence `i` of `prepared` the sentence last prepared, as it was;
    /// false, with nothing changed, if the lexicon has started afresh since.
    pub fn restore(&mut self, prepared: &Prepared, i: usize) -> bool {
        let (range, generation) = &prepared.sentences[i];
        if *generation != self.generation {
            return false;
        }
        self.places.clear();
        self.places
            .extend_from_slice(&prepared.places[range.clone()]);
        self.contexts.clear();
        self.contexts
            .extend_from_slice(&prepared.contexts[range.clone()]);
        self.closed.clear();
        self.closed
            .extend_from_slice(&prepared.closed[range.clone()]);
        true
    }

    /// Fills `out` with the feature indices of the open tokens of the sentence
    /// last prepared: every template, or with `context_only` just the
    /// [`CONTEXT_TEMPLATES`].
    pub fn features(
        &mut self,
        hints: Option<&[DocHint]>,
        bits: u32,
        context_only: bool,
        out: &mut Vec<u32>,
    ) {
        let n = self.contexts.len();
        out.clear();
        out.reserve(n * TEMPLATES);
        let at = |i: isize| -> Option<&Context> {
            (i >= 0 && (i as usize) < n).then(|| &self.contexts[i as usize])
        };
        for i in 0..n {
            if self.closed[i] {
                continue;
            }
            let t = &self.contexts[i];
            let i = i as isize;
            let lower_at =
                |d: isize| at(i + d).map_or(if d < 0 { BEFORE } else { AFTER }, |h| h.lower);
            let shape_at =
                |d: isize| at(i + d).map_or(if d < 0 { BEFORE } else { AFTER }, |h| h.shape);
            let fine_at =
                |d: isize| at(i + d).map_or(if d < 0 { BEFORE } else { AFTER }, |h| h.fine);
            let gaz_at = |d: isize| at(i + d).map_or(0, |h| h.gazetteer);
            let rest = [
                t.flags,
                lower_at(-1),
                lower_at(1),
                lower_at(-2),
                lower_at(2),
                fine_at(-1),
                fine_at(1),
                mix(shape_at(-1), t.shape),
                mix(t.shape, shape_at(1)),
                mix(lower_at(-1), t.lower),
                mix(t.lower, lower_at(1)),
                t.gazetteer,
                mix(gaz_at(-1), gaz_at(1)),
                mix(t.flags, mix(shape_at(-1), shape_at(1))),
            ];
            if context_only {
                for &template in &CONTEXT_TEMPLATES[..CONTEXT_TEMPLATES.len() - 2] {
                    out.push(index(template, rest[template - WORD_TEMPLATES.end], bits));
                }
            } else {
                let word = self.words[self.places[i as usize] as usize].word_values();
                for (template, value) in word.into_iter().chain(rest).enumerate() {
                    out.push(index(template, value, bits));
                }
            }
            let basis = HintBasis {
                capitalised: t.flags & 1,
                shape: t.shape,
            };
            let hint = hints.map(|h| h[i as usize]).unwrap_or_default();
            out.extend(hint_features(basis, hint, bits));
        }
    }

    /// Where each token of the last sentence prepared is in the lexicon.
    pub fn places(&self) -> &[u32] {
        &self.places
    }

    /// Which tokens of the last sentence prepared are closed.
    pub fn closed(&self) -> &[bool] {
        &self.closed
    }

    /// How many words the lexicon holds, and its generation.
    pub fn lexicon_state(&self) -> (usize, u64) {
        (self.words.len(), self.generation)
    }

    /// The features of the word at `place` under the word templates, then the
    /// features it gives its neighbours under the neighbour templates.
    pub fn word_features(
        &self,
        place: u32,
        bits: u32,
    ) -> ([u32; WORD_TEMPLATES.end], [u32; NEIGHBOURS]) {
        let w = &self.words[place as usize];
        let own = w.word_values();
        let given = w.neighbour_values();
        (
            std::array::from_fn(|t| index(WORD_TEMPLATES.start + t, own[t], bits)),
            std::array::from_fn(|k| index(NEIGHBOUR_TEMPLATES[k].0, given[k], bits)),
        )
    }

    /// The hashes of a word; the flag of a sentence's first token is left out.
    fn token_hashes(&mut self, token: &str) -> TokenHashes {
        let mut form = 0u64;
        let mut shape = 0u64;
        let mut last_shape = '\0';
        let (mut upper, mut lower_count, mut digits, mut other) = (0, 0, 0, 0);
        let mut has_hyphen = false;
        let mut has_period = false;
        self.lower.clear();
        for c in token.chars() {
            form = mix(form, c as u64);
            let class = if c.is_uppercase() {
                upper += 1;
                'X'
            } else if c.is_lowercase() {
                lower_count += 1;
                'x'
            } else if c.is_ascii_digit() {
                digits += 1;
                'd'
            } else {
                other += 1;
                has_hyphen |= c == '-';
                has_period |= c == '.';
                c
            };
            if class != last_shape {
                shape = mix(shape, class as u64);
                last_shape = class;
            }
            if c.is_ascii_digit() {
                self.lower.push('0');
            } else {
                self.lower.extend(c.to_lowercase());
            }
        }
        let lower = lower_hash(token);
        let chars = self.lower.len();
        let mut prefixes = [0u64; 4];
        let mut suffixes = [0u64; 4];
        let (mut prefix, mut suffix) = (0u64, 8u64);
        for k in 0..4 {
            // Words shorter than k + 1 letters repeat their whole form.
            if let Some(&c) = self.lower.get(k) {
                prefix = mix(prefix, c as u64);
            }
            if k < chars {
                suffix = mix(suffix, self.lower[chars - 1 - k] as u64);
            }
            prefixes[k] = mix(prefix, k as u64);
            suffixes[k] = mix(suffix, k as u64);
        }
        let starts_upper = token.chars().next().is_some_and(char::is_uppercase);
        let flags = [
            starts_upper,
            upper > 1 && lower_count == 0,
            digits > 0,
            digits > 0 && upper + lower_count + other == 0,
            has_hyphen,
            has_period,
            upper + lower_count + digits == 0,
            // The sentence's first token: `FIRST_FLAG` once shifted, set by `prepare`.
            false,
            starts_upper && upper > 1 && lower_count > 0,
        ]
        .iter()
        .enumerate()
        .fold(0u64, |bits, (i, &set)| bits | ((set as u64) << i));
        // Bit 0 (capitalised) stays recoverable from `flags & 1`.
        let flags = (flags << 1) | starts_upper as u64;
        TokenHashes {
            form,
            lower,
            shape,
            prefixes,
            suffixes,
            flags,
            fine: 0,
            coarse: 0,
            capitals: upper > 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No gazetteer and no clusters.
    fn none() -> Lists<'static> {
        Lists {
            gazetteer: Box::leak(Box::default()),
            clusters: Box::leak(Box::default()),
        }
    }

    fn features(tokens: &[&str]) -> Vec<u32> {
        let mut out = Vec::new();
        Extractor::default().extract(tokens, None, none(), 18, &mut out);
        out
    }

    #[test]
    fn every_token_gets_every_template_in_range() {
        let f = features(&["Mark", "Rutte", "said", "."]);
        assert_eq!(f.len(), 4 * TEMPLATES);
        assert!(f.iter().all(|&i| i < 1 << 18));
        // The bias feature is the same for every token.
        assert_eq!(f[0], f[TEMPLATES]);
    }

    #[test]
    fn features_depend_on_case_and_context_only_where_they_should() {
        let a = features(&["Paris", "is", "big"]);
        let b = features(&["paris", "is", "big"]);
        // lower-case and affix features agree, form and shape differ.
        assert_eq!(a[2], b[2]);
        assert_ne!(a[1], b[1]);
        assert_ne!(a[3], b[3]);
        // "is" sees a different left neighbour only through lower-case-free features.
        assert_eq!(a[TEMPLATES + 15], b[TEMPLATES + 15]);
        assert_ne!(a[TEMPLATES + 21], b[TEMPLATES + 21]);
    }

    #[test]
    fn words_of_one_cluster_share_its_features_and_give_them_to_their_neighbours() {
        let mut clusters = Clusters::default();
        clusters.add("Kursk", 3, 1);
        clusters.add("Pyongyang", 3, 1);
        clusters.add("Seoul", 4, 1);
        let lists = Lists {
            clusters: &clusters,
            ..none()
        };
        let mut out = Vec::new();
        let tokens = [
            "in",
            "Kursk",
            "in",
            "Pyongyang",
            "in",
            "Seoul",
            "in",
            "Oslo",
        ];
        Extractor::default().extract(&tokens, None, lists, 18, &mut out);
        let at = |token: usize, template: usize| out[token * TEMPLATES + template];
        let (fine, coarse, before, after) = (12, 13, 19, 20);
        assert_eq!(at(1, fine), at(3, fine));
        assert_ne!(at(1, fine), at(5, fine));
        assert_eq!(at(1, coarse), at(5, coarse));
        // A word without a class has its own value, which no class shares.
        assert_ne!(at(7, fine), at(1, fine));
        assert_ne!(at(7, fine), at(5, fine));
        assert_eq!(at(7, fine), features(&["Oslo"])[fine]);
        // "in" sees the class of the word after it and of the word before it.
        assert_eq!(at(0, after), at(2, after));
        assert_ne!(at(0, after), at(4, after));
        assert_eq!(at(2, before), at(4, before));
        assert_ne!(at(2, before), at(6, before));
    }

    #[test]
    fn digits_are_normalised_in_lower_case_features() {
        let a = features(&["1996"]);
        let b = features(&["2024"]);
        assert_eq!(a[2], b[2]);
        assert_ne!(a[1], b[1]);
    }

    #[test]
    fn remembered_words_keep_their_features_and_the_first_flag_is_per_token() {
        let mut extractor = Extractor::default();
        let mut out = Vec::new();
        let tokens = ["Paris", "and", "Paris"];
        extractor.extract(&tokens, None, none(), 18, &mut out);
        assert_eq!(extractor.places()[0], extractor.places()[2]);
        // Same word, same word features; only the first token has the flag.
        assert_eq!(out[1], out[2 * TEMPLATES + 1]);
        assert_ne!(out[14], out[2 * TEMPLATES + 14]);
        let again = out.clone();
        extractor.extract(&tokens, None, none(), 18, &mut out);
        assert_eq!(out, again);
        assert_eq!(out, features(&tokens));
    }

    #[test]
    fn words_without_capitals_are_closed_unless_open_or_between_capitalised_words() {
        let mut extractor = Extractor::default();
        let open: HashedSet = [word_key("of")].into_iter().collect();
        let tokens = [
            "Richard",
            "von",
            "Weizsaecker",
            "said",
            "the",
            "Bank",
            "of",
            "England",
            "rose",
            ".",
        ];
        extractor.prepare(&tokens, none(), Some(&open));
        let closed: Vec<&str> = tokens
            .iter()
            .zip(extractor.closed())
            .filter(|(_, &closed)| closed)
            .map(|(t, _)| *t)
            .collect();
        assert_eq!(closed, ["said", "the", "rose", "."]);
        // Without open words, nothing is closed.
        extractor.prepare(&tokens, none(), None);
        assert!(extractor.closed().iter().all(|&c| !c));
    }

    #[test]
    fn a_kept_sentence_restores_as_it_was_prepared() {
        let open: HashedSet = [word_key("of")].into_iter().collect();
        let (mut gazetteer, bits) = (Gazetteer::default(), 18);
        gazetteer.add("city", "New York");
        let a = ["Bank", "of", "New", "York", "said", "."];
        let b = ["Rutte", "met", "Trump", "in", "New", "York"];
        let mut extractor = Extractor::default();
        let mut prepared = Prepared::default();
        let mut expected = Vec::new();
        for tokens in [&a, &b] {
            let lists = Lists {
                gazetteer: &gazetteer,
                ..none()
            };
            extractor.prepare(tokens, lists, Some(&open));
            extractor.keep(&mut prepared);
            let mut out = Vec::new();
            extractor.features(None, bits, false, &mut out);
            expected.push((
                extractor.places().to_vec(),
                extractor.closed().to_vec(),
                out,
            ));
        }
        for (i, (places, closed, features)) in expected.iter().enumerate().rev() {
            assert!(extractor.restore(&prepared, i));
            let mut out = Vec::new();
            extractor.features(None, bits, false, &mut out);
            assert_eq!(
                (extractor.places(), extractor.closed(), &out),
                (&places[..], &closed[..], features)
            );
        }
        // Once the lexicon starts afresh, its places mean nothing.
        let many: Vec<String> = (0..LEXICON_CAP).map(|i| format!("w{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        extractor.prepare(&many, none(), None);
        assert!(!extractor.restore(&prepared, 0));
    }

    #[test]
    fn a_full_lexicon_starts_afresh_and_features_stay_the_same() {
        let words: Vec<String> = (0..LEXICON_CAP + 100).map(|i| format!("w{i}")).collect();
        let mut extractor = Extractor::default();
        let mut out = Vec::new();
        for chunk in words.chunks(1000) {
            let tokens: Vec<&str> = chunk.iter().map(String::as_str).collect();
            extractor.extract(&tokens, None, none(), 18, &mut out);
        }
        assert_eq!(extractor.lexicon_state().1, 1);
        let tokens = ["w3", "Rutte", "w65600"];
        extractor.extract(&tokens, None, none(), 18, &mut out);
        assert_eq!(out, features(&tokens));
    }
}
