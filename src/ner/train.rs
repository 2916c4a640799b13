//! Training a tagger on CoNLL documents, deterministically for a seed.
//!
//! The first-pass model learns from local features. For the second pass, the
//! training documents need first-pass labels that were not learnt from the same
//! documents, so they come from two half models, each trained on the other half
//! (jackknifing); the second-pass model then learns from those hints.

use super::clusters::Clusters;
use super::conll::Document;
use super::eval::Evaluation;
use super::features::{DocHint, Extractor, Lists, TEMPLATES};
use super::gazetteer::Gazetteer;
use super::labels::O;
use super::model::{Model, Trainer};
use super::tagger::{document_hints, Tagger, WordSet, Workspace};
use std::collections::BTreeMap;

/// Training settings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub bits: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Train the document-level second pass.
    pub two_pass: bool,
    /// The share of its occurrences a word without capitals must have inside
    /// names to stay open (see [`WordSet`]); `None` scores every token.
    pub open_share: Option<f64>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bits: 17,
            epochs: 15,
            seed: 7,
            two_pass: true,
            open_share: Some(0.0),
        }
    }
}

/// A sentence's features, computed once and reused every epoch.
struct Example {
    features: Vec<u32>,
    gold: Vec<u8>,
}

/// splitmix64: a tiny deterministic generator for shuffling.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d4_9bb1_3311_97eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, (self.next() % (i as u64 + 1)) as usize);
        }
    }
}

fn examples(
    docs: &[Document],
    hints: Option<&[Vec<Vec<DocHint>>]>,
    lists: Lists,
    bits: u32,
) -> Vec<Example> {
    let mut extractor = Extractor::default();
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (s, sentence) in doc.iter().enumerate() {
            let tokens: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
            let mut features = Vec::new();
            let sentence_hints = hints.map(|h| h[d][s].as_slice());
            extractor.extract(&tokens, sentence_hints, lists, bits, &mut features);
            out.push(Example {
                features,
                gold: sentence.labels.clone(),
            });
        }
    }
    out
}

fn train_model(
    examples: &[Example],
    settings: &Settings,
    report: &mut dyn FnMut(usize, usize),
) -> Model {
    let mut trainer = Trainer::new(settings.bits);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(settings.seed);
    for epoch in 0..settings.epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0;
        for &i in &order {
            if !trainer.learn(&examples[i].features, TEMPLATES, &examples[i].gold) {
                wrong += 1;
            }
        }
        report(epoch + 1, wrong);
    }
    trainer.averaged()
}

/// First-pass labels for every sentence of `docs`.
fn first_pass(model: &Model, docs: &[Document], lists: Lists) -> Vec<Vec<Vec<u8>>> {
    let tagger = Tagger::new(
        lists.gazetteer.clone(),
        lists.clusters.clone(),
        model.clone(),
        None,
        // The second pass learns from hints of a first pass that scored every
        // token.
        None,
        WordSet::default(),
    );
    let mut ws = Workspace::default();
    docs.iter()
        .map(|doc| tagger.tag_document(&tokens_of(doc), &mut ws))
        .collect()
}

fn tokens_of(doc: &Document) -> Vec<Vec<&str>> {
    doc.iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect()
}

fn hints_for(docs: &[Document], labels: &[Vec<Vec<u8>>]) -> Vec<Vec<Vec<DocHint>>> {
    let mut ws = Workspace::default();
    docs.iter()
        .zip(labels)
        .map(|(doc, labels)| document_hints(&tokens_of(doc), labels, &mut ws))
        .collect()
}

/// Trains a tagger; `log` receives progress lines.
pub fn train(
    docs: &[Document],
    gazetteer: Gazetteer,
    clusters: Clusters,
    settings: &Settings,
    log: &mut dyn FnMut(String),
) -> Tagger {
    let lists = Lists {
        gazetteer: &gazetteer,
        clusters: &clusters,
    };
    let local = examples(docs, None, lists, settings.bits);
    let first = train_model(&local, settings, &mut |epoch, wrong| {
        log(format!(
            "first pass: epoch {epoch}: {wrong} sentences wrong"
        ))
    });
    drop(local);
    let second = settings.two_pass.then(|| {
        let half = docs.len() / 2;
        let (a, b) = docs.split_at(half);
        let mut labels = Vec::with_capacity(docs.len());
        for (train_on, tag) in [(b, a), (a, b)] {
            let examples = examples(train_on, None, lists, settings.bits);
            let model = train_model(&examples, settings, &mut |_, _| {});
            labels.extend(first_pass(&model, tag, lists));
        }
        log("second pass: jackknifed first-pass labels ready".to_string());
        let hints = hints_for(docs, &labels);
        let with_hints = examples(docs, Some(&hints), lists, settings.bits);
        train_model(&with_hints, settings, &mut |epoch, wrong| {
            log(format!(
                "second pass: epoch {epoch}: {wrong} sentences wrong"
            ))
        })
    });
    Tagger::new(
        gazetteer,
        clusters,
        first,
        second,
        open_words(docs, settings.open_share),
        common_words(docs),
    )
}

/// The words `docs` write in lower case within a sentence more than four times as
/// often as capitalised ("Petrol"), in order. Sentence openers and words in
/// capitals (headlines) tell nothing and are not counted.
fn common_words(docs: &[Document]) -> WordSet {
    // Per word in lower case: occurrences in lower case, and capitalised.
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for sentence in docs.iter().flatten() {
        let mut opens = true;
        for token in &sentence.tokens {
            let mut chars = token.chars();
            let first = chars.next().unwrap_or(' ');
            if !opens && first.is_lowercase() {
                counts.entry(token.to_lowercase()).or_default().0 += 1;
            } else if !opens && first.is_uppercase() && chars.any(char::is_lowercase) {
                counts.entry(token.to_lowercase()).or_default().1 += 1;
            }
            opens = matches!(token.as_str(), "." | "!" | "?" | ":" | "\"" | "-");
        }
    }
    let words = counts
        .into_iter()
        .filter(|&(_, (lower, capitalised))| lower > 4 * capitalised)
        .map(|(word, _)| word)
        .collect();
    WordSet::new(words)
}

/// The words without a capital that `docs` have inside names, at least `share`
/// of the times they occur, in order; `None` without a share.
fn open_words(docs: &[Document], share: Option<f64>) -> Option<WordSet> {
    let share = share?;
    // Per word: occurrences inside names, and in all.
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for sentence in docs.iter().flatten() {
        for (token, &label) in sentence.tokens.iter().zip(&sentence.labels) {
            if !token.chars().any(char::is_uppercase) {
                let (inside, all) = counts.entry(token).or_default();
                *inside += (label != O) as usize;
                *all += 1;
            }
        }
    }
    let words = counts
        .into_iter()
        .filter(|&(_, (inside, all))| inside > 0 && inside as f64 >= share * all as f64)
        .map(|(word, _)| word.to_string())
        .collect();
    Some(WordSet::new(words))
}

/// Tags `docs` and scores the result against their gold labels.
pub fn evaluate(tagger: &Tagger, docs: &[Document]) -> Evaluation {
    let mut evaluation = Evaluation::default();
    let mut ws = Workspace::default();
    for doc in docs {
        let predicted = tagger.tag_document(&tokens_of(doc), &mut ws);
        for (sentence, labels) in doc.iter().zip(&predicted) {
            evaluation.add(&sentence.labels, labels);
        }
    }
    evaluation
}

#[cfg(test)]
mod tests {
    use super::super::model::Scratch;
    use super::*;

    #[test]
    fn shuffling_is_deterministic_for_a_seed() {
        let mut a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        SplitMix(3).shuffle(&mut a);
        SplitMix(3).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..20).collect::<Vec<_>>());
    }

    #[test]
    fn open_words_are_the_uncapitalised_words_often_inside_names() {
        let docs = super::super::conll::parse(
            "Bank NNP B-NP I-ORG\nof IN B-PP I-ORG\nEngland NNP B-NP I-ORG\n\
             said VBD B-VP O\n& CC O I-ORG\n\n\
             Bank NNP B-NP I-ORG\nof IN B-PP I-ORG\nItaly NNP B-NP I-ORG\nof IN B-PP O\n",
        )
        .unwrap();
        let words = |share| open_words(&docs, share).map(|open| open.words().to_vec());
        // "of" is inside a name two times out of three, "&" its one time.
        assert_eq!(
            words(Some(0.5)),
            Some(vec!["&".to_string(), "of".to_string()])
        );
        assert_eq!(words(Some(0.7)), Some(vec!["&".to_string()]));
        // Words never inside a name stay closed even at a share of 0.
        assert_eq!(
            words(Some(0.0)),
            Some(vec!["&".to_string(), "of".to_string()])
        );
        assert_eq!(words(None), None);
    }

    #[test]
    fn common_words_are_written_in_lower_case_within_sentences() {
        let docs = super::super::conll::parse(
            "Petrol NN B-NP O\nprices NNS I-NP O\nrose VBD B-VP O\n. . O O\n\n\
             Diesel NN B-NP O\nand CC O O\npetrol NN B-NP O\nfell VBD B-VP O\n\n\
             Analysts NNS B-NP O\nat IN B-PP O\nPrices NNP B-NP I-ORG\nsaid VBD B-VP O\n\
             PRICES NNS B-NP O\nFELL VBD B-VP O\n",
        )
        .unwrap();
        // "petrol" is in lower case within its sentence; "Diesel" and
        // "Analysts" only open sentences; "prices" is capitalised once within a
        // sentence for one time in lower case; "PRICES" is in capitals.
        assert_eq!(
            common_words(&docs).words(),
            ["and", "at", "fell", "petrol", "rose", "said"]
        );
    }

    #[test]
    fn scratch_is_reusable_across_models() {
        let model = Model::new(4);
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        model.decode(&[1; TEMPLATES], TEMPLATES, &[], &mut scratch, &mut out);
        assert_eq!(out, vec![0]);
    }
}
