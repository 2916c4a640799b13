//! The prose analyzer in one pass: words, lower case, ASCII folding and English
//! stems, with the terms, offsets and positions of tantivy's chain
//! `SimpleTokenizer` → `RemoveLongFilter(40)` → `LowerCaser` → `AsciiFoldingFilter`
//! → `Stemmer(English)`.
//!
//! The chain passes every token through five streams and the Snowball stemmer, and
//! was a fifth of indexing time. Here a word is found by a scan that decodes only
//! non-ASCII bytes, and its stem comes from a memo keyed by the word as written, so
//! a repeated word costs one hash lookup and one copy. A word with non-ASCII letters
//! goes through tantivy's own lower-casing and folding, once per spelling.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// Words of this many bytes or more are dropped, as `RemoveLongFilter::limit(40)`.
const MAX_WORD_BYTES: usize = 40;
/// Spellings remembered per analyzer before the memo starts again.
const MEMO_LIMIT: usize = 200_000;

/// A tantivy tokenizer; each clone has its own memo.
#[derive(Clone, Default)]
pub struct ProseTokenizer {
    token: Token,
    terms: Terms,
}

/// Terms of words, remembered by spelling.
#[derive(Clone)]
struct Terms {
    /// Word as written → its term.
    memo: FxHashMap<Box<str>, Box<str>>,
    stemmer: TextAnalyzer,
}

impl Default for Terms {
    fn default() -> Self {
        Terms {
            memo: FxHashMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

impl Terms {
    /// Writes the term of `word` into `out`, which is cleared first.
    fn write(&mut self, word: &str, out: &mut String) {
        out.clear();
        match self.memo.get(word) {
            Some(term) => out.push_str(term),
            None => {
                let term = self.compute(word);
                out.push_str(&term);
                if self.memo.len() >= MEMO_LIMIT {
                    self.memo.clear();
                }
                self.memo.insert(word.into(), term.into());
            }
        }
    }

    fn compute(&mut self, word: &str) -> String {
        let folded = crate::fold::fold(word);
        let mut term = String::new();
        self.stemmer
            .token_stream(&folded)
            .process(&mut |t| term.push_str(&t.text));
        term
    }
}

impl Tokenizer for ProseTokenizer {
    type TokenStream<'a> = ProseStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ProseStream<'a> {
        self.token.reset();
        ProseStream {
            text,
            at: 0,
            tokenizer: self,
        }
    }
}

pub struct ProseStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts.
    at: usize,
    tokenizer: &'a mut ProseTokenizer,
}

impl ProseStream<'_> {
    /// The next word as a byte range, or `None` at the end of the text. A word is
    /// a run of characters that `char::is_alphanumeric` accepts; runs of ASCII are
    /// skipped without decoding.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        loop {
            while at < bytes.len() && bytes[at].is_ascii() && !bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
            match self.letter_at(at) {
                None => {
                    self.at = at;
                    return None;
                }
                Some((true, _)) => break,
                Some((false, len)) => at += len,
            }
        }
        let start = at;
        loop {
            while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
                at += 1;
            }
            match self.letter_at(at) {
                Some((true, len)) => at += len,
                _ => break,
            }
        }
        self.at = at;
        Some((start, at))
    }

    /// Whether the character at byte `at` is a letter or digit, and its length;
    /// `None` at the end of the text.
    fn letter_at(&self, at: usize) -> Option<(bool, usize)> {
        let c = self.text.get(at..)?.chars().next()?;
        Some((c.is_alphanumeric(), c.len_utf8()))
    }
}

impl TokenStream for ProseStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let token = &mut self.tokenizer.token;
            token.position = token.position.wrapping_add(1);
            let Some((start, end)) = self.next_word() else {
                return false;
            };
            if end - start >= MAX_WORD_BYTES {
                continue;
            }
            let text = self.text;
            let ProseTokenizer { token, terms } = &mut *self.tokenizer;
            terms.write(&text[start..end], &mut token.text);
            token.offset_from = start;
            token.offset_to = end;
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.tokenizer.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokenizer.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer};

    /// The chain this tokenizer stands for, built from tantivy's own parts.
    fn reference() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t| out.push((t.text.clone(), t.offset_from, t.offset_to, t.position)));
        out
    }

    #[test]
    fn stems_folds_and_skips_long_words() {
        let mut prose = TextAnalyzer::from(ProseTokenizer::default());
        let long = "x".repeat(MAX_WORD_BYTES);
        let text = format!("Prices in Zürich ROSE {long} Café-owners");
        let terms: Vec<_> = tokens(&mut prose, &text)
            .into_iter()
            .map(|(term, _, _, position)| (term, position))
            .collect();
        let expected = [("price", 0), ("in", 1), ("zurich", 2), ("rose", 3)];
        assert_eq!(terms[..4], expected.map(|(t, p)| (t.to_string(), p)));
        // The long word keeps its position: a phrase cannot jump over it.
        assert_eq!(terms[4], ("cafe".to_string(), 5));
        assert_eq!(terms[5], ("owner".to_string(), 6));
    }

    #[test]
    fn same_tokens_as_the_chain_twice_over() {
        let text = "The U.S. Treasury's 10-year notes; Kim Jong-un, İstanbul, STRASSE.";
        let mut prose = TextAnalyzer::from(ProseTokenizer::default());
        let expected = tokens(&mut reference(), text);
        assert_eq!(tokens(&mut prose, text), expected);
        // The second time, every term comes from the memo.
        assert_eq!(tokens(&mut prose, text), expected);
    }

    proptest! {
        #[test]
        fn same_tokens_as_the_chain(
            text in "([a-zA-Z0-9]{1,45}|[ ,.'\u{2019}\u{201c}\n-]|é|É|ß|İ|Σ|ǅ|馬|١|\u{a0}|ﬁ){0,30}"
        ) {
            let mut prose = TextAnalyzer::from(ProseTokenizer::default());
            prop_assert_eq!(tokens(&mut prose, &text), tokens(&mut reference(), &text));
        }
    }
}
