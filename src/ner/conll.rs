//! CoNLL-2003 files: one token per line (`word POS chunk NER`), blank lines between
//! sentences, `-DOCSTART-` between documents. IOB1 and IOB2 are both read and
//! turned into IOB2.

use super::labels::{self, LABELS};
use anyhow::{bail, Context};
use std::path::Path;

/// A sentence: tokens and their gold labels (IOB2 indices).
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub labels: Vec<u8>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
pub type Document = Vec<Sentence>;

pub fn read(path: &Path) -> anyhow::Result<Vec<Document>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

pub fn parse(text: &str) -> anyhow::Result<Vec<Document>> {
    let mut docs: Vec<Document> = vec![Vec::new()];
    let mut sentence = Sentence::default();
    let mut tags: Vec<&str> = Vec::new();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence, tags: &mut Vec<&str>| {
        if !sentence.tokens.is_empty() {
            sentence.labels = to_iob2(tags);
            docs.last_mut()
                .expect("a document")
                .push(std::mem::take(sentence));
        }
        tags.clear();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut sentence, &mut tags);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sentence, &mut tags);
            if !docs.last().expect("a document").is_empty() {
                docs.push(Vec::new());
            }
            continue;
        }
        let mut columns = line.split_whitespace();
        let (Some(word), Some(tag)) = (columns.next(), columns.next_back()) else {
            bail!("line {}: expected `word ... TAG`", n + 1);
        };
        if tag != "O" && labels::parse(tag).is_none() {
            bail!("line {}: unknown tag {tag:?}", n + 1);
        }
        sentence.tokens.push(word.to_string());
        tags.push(tag);
    }
    flush(&mut docs, &mut sentence, &mut tags);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// IOB1 or IOB2 tags to IOB2 label indices.
fn to_iob2(tags: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev: Option<(char, crate::article::EntityKind)> = None;
    for tag in tags {
        let parsed = labels::parse(tag);
        let label = match parsed {
            None => labels::O,
            Some((prefix, kind)) => {
                let begin = labels::begin(kind);
                let continues = prefix == 'I' && prev.is_some_and(|(_, k)| k == kind);
                if continues {
                    begin + 1
                } else {
                    begin
                }
            }
        };
        out.push(label);
        prev = parsed;
    }
    debug_assert!(out.iter().all(|&l| (l as usize) < LABELS));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2_read_the_same() {
        let iob1 = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nBonn NNP I-NP I-LOC\nParis NNP I-NP B-LOC\n\n-DOCSTART- -X- O O\n\nOk O O O\n";
        let iob2 = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\nBonn NNP B-NP B-LOC\nParis NNP B-NP B-LOC\n\n-DOCSTART- -X- -X- O\n\nOk O O O";
        let a = parse(iob1).unwrap();
        let b = parse(iob2).unwrap();
        assert_eq!(a.len(), 2);
        assert_eq!(a[0][0].labels, vec![3, 0, 1, 2, 5, 5]);
        assert_eq!(a[0][0].labels, b[0][0].labels);
        assert_eq!(a[1][0].tokens, vec!["Ok"]);
    }

    #[test]
    fn unknown_tags_name_the_line() {
        let err = parse("x NN I-NP B-FOO\n").unwrap_err();
        assert_eq!(err.to_string(), "line 1: unknown tag \"B-FOO\"");
    }
}
