//! Tagging documents: a first pass labels each sentence from local features; a
//! second pass sees, for every token, how the first pass labelled the same word
//! elsewhere in the document, so a name recognised once helps label its repeats.

use super::features::{DocHint, Extractor, TEMPLATES};
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
        let mut labels: Vec<Vec<u8>> = sentences
            .iter()
            .map(|tokens| {
                let mut out = Vec::new();
                self.pass(&self.first, tokens, None, ws, &mut out);
                out
            })
            .collect();
        if let Some(second) = &self.second {
            let hints = document_hints(sentences, &labels, ws);
            for ((tokens, hints), out) in sentences.iter().zip(&hints).zip(labels.iter_mut()) {
                // A sentence with no word seen as a name elsewhere keeps its labels.
                if hints.iter().any(|h| *h != DocHint::default()) {
                    self.pass(second, tokens, Some(hints), ws, out);
                }
            }
        }
        labels
    }

    fn pass(
        &self,
        model: &Model,
        tokens: &[&str],
        hints: Option<&[DocHint]>,
        ws: &mut Workspace,
        out: &mut Vec<u8>,
    ) {
        ws.extractor
            .extract(tokens, hints, &self.gazetteer, model.bits, &mut ws.features);
        model.decode(&ws.features, TEMPLATES, &mut ws.scratch, out);
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
