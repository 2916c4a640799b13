//! Named-entity recognition: a linear-chain tagger over CoNLL types, trained as an
//! averaged structured perceptron with hashed features, gazetteers and a second,
//! document-level pass.

pub mod clusters;
pub mod conll;
pub mod eval;
pub mod features;
pub mod file;
pub mod gazetteer;
pub mod labels;
pub mod model;
pub mod tagger;
pub mod tokenize;
pub mod train;

use crate::article::EntityKind;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

pub use crate::hashed::{HashedMap, HashedSet};

/// Where `dateline ner train` writes, and the model built into the binary.
pub const DEFAULT_MODEL_PATH: &str = "models/ner.model";

static BUILTIN_BYTES: &[u8] = include_bytes!("../../models/ner.model");
static BUILTIN: OnceLock<Result<tagger::Tagger, String>> = OnceLock::new();

/// The model built into the binary, loaded once per process.
pub fn builtin() -> anyhow::Result<&'static tagger::Tagger> {
    BUILTIN
        .get_or_init(|| file::from_gzip(BUILTIN_BYTES).map_err(|e| format!("{e:#}")))
        .as_ref()
        .map_err(|e| anyhow::anyhow!("the built-in model cannot be loaded: {e}"))
}

/// The tagger from `path`, or the built-in one.
pub fn load(
    path: Option<&std::path::Path>,
) -> anyhow::Result<std::borrow::Cow<'static, tagger::Tagger>> {
    Ok(match path {
        Some(path) => std::borrow::Cow::Owned(file::load(path)?),
        None => std::borrow::Cow::Borrowed(builtin()?),
    })
}

/// An entity found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: EntityKind,
    /// Byte range in the text it was found in.
    pub range: Range<usize>,
    /// Whether it opens its sentence (no word comes before it, at most
    /// punctuation such as an opening quote) or what follows a colon or a closing
    /// bracket, as an answer follows its speaker in an interview.
    pub opens_clause: bool,
}

thread_local! {
    static WORKSPACE: RefCell<tagger::Workspace> = RefCell::new(tagger::Workspace::default());
}

/// Entities in `texts`, tagged together as one document (a title and its body),
/// and the number of tokens tagged.
pub fn find(tagger: &tagger::Tagger, texts: &[&str]) -> (Vec<Vec<Mention>>, usize) {
    let tokenized: Vec<tokenize::Tokenized> =
        texts.iter().map(|t| tokenize::sentences(t)).collect();
    let words: Vec<Vec<&str>> = texts
        .iter()
        .zip(&tokenized)
        .map(|(text, t)| t.tokens.iter().map(|r| &text[r.clone()]).collect())
        .collect();
    let sentences: Vec<&[&str]> = words
        .iter()
        .zip(&tokenized)
        .flat_map(|(words, t)| t.sentences.iter().map(move |s| &words[s.clone()]))
        .collect();
    let labels = WORKSPACE.with(|ws| tagger.tag_document(&sentences, &mut ws.borrow_mut()));
    let tokens = words.iter().map(Vec::len).sum();
    let mut labels = labels.into_iter();
    let mentions = tokenized
        .iter()
        .zip(texts)
        .map(|(t, text)| {
            let mut mentions = Vec::new();
            for (sentence, labels) in t.sentences.iter().zip(labels.by_ref()) {
                let ranges = &t.tokens[sentence.clone()];
                let is_word = |r: &Range<usize>| text[r.clone()].contains(char::is_alphanumeric);
                for span in labels::spans(&labels) {
                    for tokens in name_runs(text, ranges, span.tokens) {
                        let range = ranges[tokens.start].start..ranges[tokens.end - 1].end;
                        let before = &ranges[..tokens.start];
                        let opens_clause = before.last().is_none_or(|r| {
                            matches!(&text[r.clone()], ":" | ")" | "]")
                                || !before.iter().any(is_word)
                        });
                        mentions.push(Mention {
                            kind: span.kind,
                            range,
                            opens_clause,
                        });
                    }
                }
            }
            mentions
        })
        .collect();
    (mentions, tokens)
}

/// The runs of a span's `tokens` (of a sentence's `ranges` in `text`) that a
/// name can be. No name holds an angle bracket, though the tagger, which never
/// saw one in training, labelled them inside names: the wire writes a ticker
/// after a company's name (`ALLEGHENY <AG>`) and brackets some names
/// (`<Noranda Inc>`). So a span is cut at its brackets, and a run goes when it
/// has no letter or digit, or is within a code between brackets (`<AG>`,
/// `<FELE.O>`: one token, no lower-case letter), or within a code with its
/// exchange or class (`<PHAB ST>` of Stockholm, `<GFS A>`: "ST" had been a
/// company in 18 articles).
///
/// Nor does a name start or end with an ampersand: it joins the words of a
/// company ("Barnes & Noble"), but the tagger also took it into names alone
/// ("Congress &", "& Hurricane").
fn name_runs(text: &str, ranges: &[Range<usize>], tokens: Range<usize>) -> Vec<Range<usize>> {
    let token = |i: usize| &text[ranges[i].clone()];
    let bracket = |i: usize| matches!(token(i), "<" | ">");
    let mut runs = Vec::new();
    let mut start = tokens.start;
    for end in tokens.clone().filter(|&i| bracket(i)).chain([tokens.end]) {
        let mut run = start..end;
        start = end + 1;
        while !run.is_empty() && token(run.start) == "&" {
            run.start += 1;
        }
        while !run.is_empty() && token(run.end - 1) == "&" {
            run.end -= 1;
        }
        let named = run
            .clone()
            .any(|i| token(i).contains(char::is_alphanumeric));
        // The tokens between the brackets around the run, if it is inside a pair.
        let open = (0..run.start).rev().find(|&i| bracket(i));
        let close = (run.end..ranges.len()).find(|&i| bracket(i));
        let group = match (open, close) {
            (Some(open), Some(close)) if token(open) == "<" && token(close) == ">" => {
                Some(open + 1..close)
            }
            _ => None,
        };
        let code = group.is_some_and(|group| {
            let capitals = group
                .clone()
                .all(|i| !token(i).contains(char::is_lowercase));
            let suffix = |i: usize| matches!(token(i), "ST" | "PR" | "L" | "A" | "B" | "J");
            capitals && (group.len() == 1 || (group.len() == 2 && suffix(group.end - 1)))
        });
        if named && !code {
            runs.push(run);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_never_hold_angle_brackets_and_tickers_are_not_names() {
        // The names `name_runs` keeps of the tagger's span over `tokens`.
        fn runs(text: &str, tokens: Range<usize>) -> Vec<&str> {
            let ranges = tokenize::tokenize(text);
            name_runs(text, &ranges, tokens)
                .into_iter()
                .map(|run| &text[ranges[run.start].start..ranges[run.end - 1].end])
                .collect()
        }
        let text =
            "ALLEGHENY <AG> paid <Noranda Inc> and <Citibank> , <UK> > . Congress & Barnes & Noble";
        // The tagger's span over "ALLEGHENY <AG", and over "<Noranda Inc>".
        assert_eq!(runs(text, 0..3), ["ALLEGHENY"]);
        assert_eq!(runs(text, 5..9), ["Noranda Inc"]);
        // A bracketed word in lower case is a name; a code alone is not, nor
        // is a bracket.
        assert_eq!(runs(text, 10..13), ["Citibank"]);
        assert!(runs(text, 15..16).is_empty());
        assert!(runs(text, 17..18).is_empty());
        // An ampersand joins the words of a name, but neither opens nor ends one.
        assert_eq!(runs(text, 19..21), ["Congress"]);
        assert_eq!(runs(text, 20..24), ["Barnes & Noble"]);
        // Nor is a code with its exchange, while a name with its legal form is.
        let text = "PHARMACIA AB <PHAB ST> and <SULPETRO LTD>";
        assert!(runs(text, 4..5).is_empty());
        assert!(runs(text, 3..5).is_empty());
        assert_eq!(runs(text, 8..10), ["SULPETRO LTD"]);
    }

    #[test]
    fn mentions_know_whether_they_open_a_sentence_or_clause() {
        let text = "Reagan met Nakasone in Tokyo. \"Margaret Thatcher agreed,\" he said. \
                    ((Ann Lee))  Nakasone left.";
        let (found, _) = find(builtin().unwrap(), &[text]);
        let opens: Vec<(&str, bool)> = found[0]
            .iter()
            .map(|m| (&text[m.range.clone()], m.opens_clause))
            .collect();
        assert_eq!(
            opens,
            vec![
                ("Reagan", true),
                ("Nakasone", false),
                ("Tokyo", false),
                // After an opening quote.
                ("Margaret Thatcher", true),
                // The speaker of an interview's answer, and what follows it.
                ("Ann Lee", true),
                ("Nakasone", true),
            ]
        );
    }
}
