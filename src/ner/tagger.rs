//! Tagging documents: a first pass labels each sentence from local features; a
//! second pass sees, for every token, how the first pass labelled the same word
//! elsewhere in the document, so a name recognised once helps label its repeats.

use super::clusters::Clusters;
use super::features::{edge_features, word_key, DocHint, Extractor, Lists, Prepared, TEMPLATES};
use super::gazetteer::Gazetteer;
use super::labels::{self, kind_of};
use super::model::{Model, Scratch, WordRows, Words};
use super::{HashedMap, HashedSet};
use rustc_hash::FxHashMap as HashMap;

/// A trained tagger: gazetteer, word clusters, first-pass model and optional
/// second-pass model.
#[derive(Clone)]
pub struct Tagger {
    pub gazetteer: Gazetteer,
    pub clusters: Clusters,
    pub first: Model,
    pub second: Option<Model>,
    /// The open words: the words without a capital letter that training saw
    /// inside names ("of", "de", "van", "&", "1860"). Names hardly ever hold any
    /// other word without a capital, and such words are most of a news text's
    /// tokens: every other token without a capital is closed, labelled O without
    /// being scored. Without open words, every token is scored.
    pub open: Option<WordSet>,
    /// The common words: the words training text writes in lower case within a
    /// sentence far more often than with a capital ("petrol", "well",
    /// "moreover"). Such a word opening a sentence is seldom a name.
    pub common: WordSet,
    /// The coarse word class holding the most of the gazetteer's first names,
    /// if any: the class of the words written before surnames, which also holds
    /// first names the gazetteer lacks ("Donald", "Barack") and titles ("Mr").
    pub first_name_class: Option<u16>,
}

/// Words, in a fixed order, and their keys for look-ups.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordSet {
    words: Vec<String>,
    keys: HashedSet,
}

impl WordSet {
    pub fn new(words: Vec<String>) -> WordSet {
        let keys = words.iter().map(|w| word_key(w)).collect();
        WordSet { words, keys }
    }

    pub fn words(&self) -> &[String] {
        &self.words
    }

    pub fn contains(&self, word: &str) -> bool {
        self.keys.contains(&word_key(word))
    }
}

/// Reusable buffers for tagging, and the rows of the words it has seen.
#[derive(Default)]
pub struct Workspace {
    extractor: Extractor,
    scratch: Scratch,
    features: Vec<u32>,
    /// Rows of the lexicon's words under the first pass's model. The second pass
    /// re-tags about a quarter of the tokens (on Reuters); caching its rows as
    /// well measured no faster.
    rows: RowCache,
    /// The document's sentences as the first pass prepared them.
    prepared: Prepared,
    hint_table: HashedMap<[u16; 5]>,
    span_table: HashedMap<(usize, u8)>,
}

/// One model's rows of each word in an extractor's lexicon, by place.
#[derive(Default)]
struct RowCache {
    rows: Vec<WordRows>,
    /// The table id and lexicon generation `rows` belong to.
    of: (u64, u64),
}

impl RowCache {
    /// Brings the rows up to date with the lexicon and the model's table `table`.
    fn update(&mut self, extractor: &Extractor, model: &Model, table: u64) {
        let (words, generation) = extractor.lexicon_state();
        if self.of != (table, generation) {
            self.rows.clear();
            self.of = (table, generation);
        }
        // The lexicon only grows within a generation: new words are at its end.
        for place in self.rows.len() as u32..words as u32 {
            let (own, neighbours) = extractor.word_features(place, model.bits);
            let rows = model.word_rows(&own, neighbours);
            self.rows.push(rows.expect("a quantised table"));
        }
    }
}

impl Tagger {
    pub fn new(
        gazetteer: Gazetteer,
        clusters: Clusters,
        first: Model,
        second: Option<Model>,
        open: Option<WordSet>,
        common: WordSet,
    ) -> Tagger {
        let mut counts: HashMap<u16, usize> = HashMap::default();
        for (list, name) in gazetteer.lists() {
            if let Some((_, coarse)) = clusters.get(name).filter(|_| list == "first-name") {
                *counts.entry(coarse).or_default() += 1;
            }
        }
        let first_name_class = (counts.into_iter())
            .max_by_key(|&(class, n)| (n, std::cmp::Reverse(class)))
            .map(|(class, _)| class);
        Tagger {
            gazetteer,
            clusters,
            first,
            second,
            open,
            common,
            first_name_class,
        }
    }

    /// The name lists the features look words up in.
    pub fn lists(&self) -> Lists<'_> {
        Lists {
            gazetteer: &self.gazetteer,
            clusters: &self.clusters,
        }
    }

    /// Labels every sentence of a document (IOB2 label indices). A sentence is
    /// anything that gives its tokens as a slice: a `Vec<&str>`, or a slice of one
    /// buffer holding the whole document.
    pub fn tag_document<'t, S: AsRef<[&'t str]>>(
        &self,
        sentences: &[S],
        ws: &mut Workspace,
    ) -> Vec<Vec<u8>> {
        ws.prepared.clear();
        let mut labels: Vec<Vec<u8>> = sentences
            .iter()
            .map(|tokens| {
                let mut out = Vec::new();
                self.prepare(tokens.as_ref(), ws);
                ws.extractor.keep(&mut ws.prepared);
                self.tag_prepared(&self.first, true, None, ws, &mut out);
                out
            })
            .collect();
        if let Some(second) = &self.second {
            let hints = document_hints(sentences, &labels, ws);
            let tagged = sentences.iter().zip(&hints).zip(labels.iter_mut());
            for (i, ((tokens, hints), out)) in tagged.enumerate() {
                // A sentence whose words the rest of the document agrees with
                // keeps its first-pass labels.
                let disputed = hints.iter().zip(out.iter()).any(|(h, &label)| {
                    let kind = kind_of(label).map_or(0, |k| k as u8 + 1);
                    (h.form_kind != 0 && h.form_kind != kind)
                        || (h.span_kind != 0 && h.span_kind != kind)
                });
                if disputed {
                    if !ws.extractor.restore(&ws.prepared, i) {
                        self.prepare(tokens.as_ref(), ws);
                    }
                    self.tag_prepared(second, false, Some(hints), ws, out);
                }
            }
        }
        labels
    }

    /// Looks up a sentence's words in the workspace's extractor.
    fn prepare(&self, tokens: &[&str], ws: &mut Workspace) {
        let open = self.open.as_ref().map(|open| &open.keys);
        ws.extractor.prepare(tokens, self.lists(), open);
    }

    /// Labels the sentence last prepared with `model`. With `cached` and a
    /// quantised model, it reads each word's own and neighbour rows from the
    /// workspace's cache, and from the table only the features that see the
    /// sentence around the word.
    fn tag_prepared(
        &self,
        model: &Model,
        cached: bool,
        hints: Option<&[DocHint]>,
        ws: &mut Workspace,
        out: &mut Vec<u8>,
    ) {
        match model.weights.cache_id().filter(|_| cached) {
            Some(table) => {
                ws.extractor
                    .features(hints, model.bits, true, &mut ws.features);
                let cache = &mut ws.rows;
                cache.update(&ws.extractor, model, table);
                let words = Words {
                    places: ws.extractor.places(),
                    closed: ws.extractor.closed(),
                    features: &ws.features,
                };
                let edges = edge_features(model.bits);
                model.decode_words(words, &cache.rows, edges, &mut ws.scratch, out);
            }
            None => {
                ws.extractor
                    .features(hints, model.bits, false, &mut ws.features);
                let closed = ws.extractor.closed();
                model.decode(&ws.features, TEMPLATES, closed, &mut ws.scratch, out);
            }
        }
    }
}

/// Per token, the first pass's view of the same word elsewhere in the document.
pub fn document_hints<'t, S: AsRef<[&'t str]>>(
    sentences: &[S],
    labels: &[Vec<u8>],
    ws: &mut Workspace,
) -> Vec<Vec<DocHint>> {
    ws.hint_table.clear();
    ws.span_table.clear();
    for (tokens, labels) in sentences.iter().zip(labels) {
        let tokens = tokens.as_ref();
        for (token, &label) in tokens.iter().zip(labels) {
            if !token.starts_with(char::is_uppercase) {
                continue;
            }
            let counts = ws.hint_table.entry(word_key(token)).or_default();
            counts[kind_of(label).map_or(0, |k| k as usize + 1)] += 1;
        }
        for span in labels::spans(labels) {
            let len = span.tokens.len();
            for token in &tokens[span.tokens.clone()] {
                if !token.starts_with(char::is_uppercase) {
                    continue;
                }
                let entry = ws.span_table.entry(word_key(token)).or_insert((0, 0));
                if len > entry.0 {
                    *entry = (len, span.kind as u8 + 1);
                }
            }
        }
    }
    sentences
        .iter()
        .map(|tokens| {
            tokens
                .as_ref()
                .iter()
                .map(|token| {
                    // Only capitalised words get hints: they are the ones names repeat.
                    if !token.starts_with(char::is_uppercase) {
                        return DocHint::default();
                    }
                    let form_kind = ws.hint_table.get(&word_key(token)).map_or(0, |counts| {
                        let (best, n) = counts[1..]
                            .iter()
                            .enumerate()
                            .max_by_key(|&(_, n)| *n)
                            .expect("four kinds");
                        if *n > 0 && *n >= counts[0] {
                            best as u8 + 1
                        } else {
                            0
                        }
                    });
                    let span_kind = ws
                        .span_table
                        .get(&word_key(token))
                        .map_or(0, |&(len, kind)| if len >= 2 { kind } else { 0 });
                    DocHint {
                        form_kind,
                        span_kind,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::model::Weights;
    use super::*;
    use proptest::prelude::*;

    /// A first-pass-only tagger with pseudo-random quantised weights.
    fn random_tagger(seed: u64, bits: u32, open: Option<WordSet>) -> Tagger {
        let mut state = seed;
        let values = (0..(1usize << bits) * super::super::model::ROW)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                (state >> 48) as i16 >> 4
            })
            .collect();
        let mut gazetteer = Gazetteer::default();
        gazetteer.add("city", "New York");
        let mut clusters = Clusters::default();
        for (word, fine, coarse) in [
            ("York", 0, 0),
            ("Rutte", 0, 0),
            ("NATO", 1, 0),
            ("the", 2, 1),
        ] {
            clusters.add(word, fine, coarse);
        }
        let first = Model {
            weights: Weights::quantised(values, 0.01),
            ..Model::new(bits)
        };
        Tagger::new(gazetteer, clusters, first, None, open, WordSet::default())
    }

    /// Labels from every feature of every token looked up in the table, nothing
    /// cached.
    fn uncached(tagger: &Tagger, tokens: &[&str]) -> Vec<u8> {
        let mut features = Vec::new();
        let mut extractor = Extractor::default();
        let open = tagger.open.as_ref().map(|open| &open.keys);
        extractor.prepare(tokens, tagger.lists(), open);
        extractor.features(None, tagger.first.bits, false, &mut features);
        let mut out = Vec::new();
        let model = &tagger.first;
        let closed = extractor.closed();
        model.decode(
            &features,
            TEMPLATES,
            closed,
            &mut Scratch::default(),
            &mut out,
        );
        out
    }

    const WORDS: [&str; 9] = [
        "New", "York", "said", "Rutte", ".", "the", "U.S.", "NATO", "of",
    ];

    proptest! {
        #[test]
        fn cached_word_rows_label_as_every_feature_does(
            seeds in (any::<u64>(), any::<u64>()),
            doc in prop::collection::vec(prop::collection::vec(0..WORDS.len(), 0..9), 1..6),
        ) {
            let sentences: Vec<Vec<&str>> =
                doc.iter().map(|s| s.iter().map(|&w| WORDS[w]).collect()).collect();
            // One workspace for two tables: rows of one are never used for the
            // other. The second tagger leaves "said", "." and "the" unscored.
            let open = WordSet::new(vec!["of".to_string()]);
            let taggers = [
                random_tagger(seeds.0, 8, None),
                random_tagger(seeds.1, 8, Some(open)),
            ];
            let mut ws = Workspace::default();
            for tagger in taggers.iter().chain(&taggers) {
                let labels = tagger.tag_document(&sentences, &mut ws);
                for (tokens, labels) in sentences.iter().zip(&labels) {
                    prop_assert_eq!(labels, &uncached(tagger, tokens));
                }
            }
        }

        #[test]
        fn closed_tokens_are_o_and_open_ones_are_scored(
            seed in any::<u64>(),
            doc in prop::collection::vec(prop::collection::vec(0..WORDS.len(), 1..9), 1..4),
        ) {
            let sentences: Vec<Vec<&str>> =
                doc.iter().map(|s| s.iter().map(|&w| WORDS[w]).collect()).collect();
            let open = WordSet::new(vec!["of".to_string()]);
            let tagger = random_tagger(seed, 8, Some(open));
            let labels = tagger.tag_document(&sentences, &mut Workspace::default());
            let mut ws = Workspace::default();
            for (tokens, labels) in sentences.iter().zip(&labels) {
                tagger.prepare(tokens, &mut ws);
                tagger.tag_prepared(&tagger.first, true, None, &mut ws, &mut Vec::new());
                let closed = ws.extractor.closed().to_vec();
                let capitalised = |i: usize| tokens[i].starts_with(char::is_uppercase);
                let expected: Vec<bool> = (0..tokens.len())
                    .map(|i| {
                        let between = i > 0 && i + 1 < tokens.len()
                            && capitalised(i - 1) && capitalised(i + 1);
                        matches!(tokens[i], "said" | "." | "the") && !between
                    })
                    .collect();
                prop_assert_eq!(&closed, &expected);
                for (label, closed) in labels.iter().zip(closed) {
                    prop_assert!(!closed || *label == 0);
                }
            }
        }
    }
}
