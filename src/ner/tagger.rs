//! Tagging documents: a first pass labels each sentence from local features; a
//! second pass sees, for every token, how the first pass labelled the same word
//! elsewhere in the document, so a name recognised once helps label its repeats.

use super::features::{hint_features, DocHint, Extractor, LOCAL_TEMPLATES, TEMPLATES};
use super::gazetteer::Gazetteer;
use super::labels::{self, kind_of};
use super::model::{Model, Scratch};
use super::HashedMap;

/// A trained tagger: gazetteer, first-pass model and optional second-pass model.
#[derive(Clone)]
pub struct Tagger {
    pub gazetteer: Gazetteer,
    pub first: Model,
    pub second: Option<Model>,
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct Workspace {
    extractor: Extractor,
    scratch: Scratch,
    features: Vec<u32>,
    hint_table: HashedMap<[u16; 5]>,
    span_table: HashedMap<(usize, u8)>,
}

impl Tagger {
    /// Labels every sentence of a document (IOB2 label indices).
    pub fn tag_document(&self, sentences: &[Vec<&str>], ws: &mut Workspace) -> Vec<Vec<u8>> {
        // The second pass differs from the first only in two features per token:
        // it patches those into the first pass's features.
        let mut firsts = Vec::with_capacity(sentences.len());
        let mut labels = Vec::with_capacity(sentences.len());
        for tokens in sentences {
            ws.extractor.extract(
                tokens,
                None,
                &self.gazetteer,
                self.first.bits,
                &mut ws.features,
            );
            let mut out = Vec::new();
            self.first
                .decode(&ws.features, TEMPLATES, &mut ws.scratch, &mut out);
            labels.push(out);
            if self.second.is_some() {
                firsts.push((ws.features.clone(), ws.extractor.bases().to_vec()));
            }
        }
        if let Some(second) = &self.second {
            let hints = document_hints(sentences, &labels, ws);
            for (((features, bases), hints), out) in
                firsts.iter_mut().zip(&hints).zip(labels.iter_mut())
            {
                // A sentence whose words the rest of the document agrees with
                // keeps its first-pass labels.
                let disputed = hints.iter().zip(out.iter()).any(|(h, &label)| {
                    let kind = kind_of(label).map_or(0, |k| k as u8 + 1);
                    (h.form_kind != 0 && h.form_kind != kind)
                        || (h.span_kind != 0 && h.span_kind != kind)
                });
                if !disputed {
                    continue;
                }
                for (t, (basis, hint)) in bases.iter().zip(hints).enumerate() {
                    let at = t * TEMPLATES + LOCAL_TEMPLATES;
                    features[at..at + 2].copy_from_slice(&hint_features(
                        *basis,
                        *hint,
                        second.bits,
                    ));
                }
                second.decode(features, TEMPLATES, &mut ws.scratch, out);
            }
        }
        labels
    }
}

fn key(token: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(token.as_bytes())
}

/// Per token, the first pass's view of the same word elsewhere in the document.
pub fn document_hints(
    sentences: &[Vec<&str>],
    labels: &[Vec<u8>],
    ws: &mut Workspace,
) -> Vec<Vec<DocHint>> {
    ws.hint_table.clear();
    ws.span_table.clear();
    for (tokens, labels) in sentences.iter().zip(labels) {
        for (token, &label) in tokens.iter().zip(labels) {
            if !token.starts_with(char::is_uppercase) {
                continue;
            }
            let counts = ws.hint_table.entry(key(token)).or_default();
            counts[kind_of(label).map_or(0, |k| k as usize + 1)] += 1;
        }
        for span in labels::spans(labels) {
            let len = span.tokens.len();
            for token in &tokens[span.tokens.clone()] {
                if !token.starts_with(char::is_uppercase) {
                    continue;
                }
                let entry = ws.span_table.entry(key(token)).or_insert((0, 0));
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
                .iter()
                .map(|token| {
                    // Only capitalised words get hints: they are the ones names repeat.
                    if !token.starts_with(char::is_uppercase) {
                        return DocHint::default();
                    }
                    let form_kind = ws.hint_table.get(&key(token)).map_or(0, |counts| {
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
                    let span_kind =
                        ws.span_table.get(&key(token)).map_or(
                            0,
                            |&(len, kind)| {
                                if len >= 2 {
                                    kind
                                } else {
                                    0
                                }
                            },
                        );
                    DocHint {
                        form_kind,
                        span_kind,
                    }
                })
                .collect()
        })
        .collect()
}
