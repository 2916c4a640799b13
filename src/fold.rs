//! Lower case, ASCII folding and one space for each run of spaces, hyphens and
//! commas: the one form in which names and words are compared.
//!
//! The index folds keyword terms (sources, categories, entity aliases) and the
//! words of titles and passages with tantivy's `LowerCaser` and
//! `AsciiFoldingFilter`. The entity stage compares names in the same form when it
//! links a surname to a full name or merges spellings, and so do the counts when
//! they sum the spellings of one name. So "Erdogan" joins "Recep Tayyip Erdoğan"
//! exactly when `--person Erdogan` would find him, and no list of accented
//! letters of our own can fall out of step with the filters.
//!
//! Names are hyphenated one way in one article and another way in the next ("Kim
//! Jong-un" and "Kim Jong Un", "Coca-Cola" and "Coca Cola"), and a line break
//! leaves "Inter- American", so a hyphen counts as a space. So does a comma:
//! wire copy writes "Goldman, Sachs" and "Goldman Sachs", "Washington, D.C."
//! and "Washington D.C.". Words of prose hold none of these.

use std::cell::RefCell;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// The whole text as one token, spaced, lower-cased and folded: the analyzer of
/// keyword fields.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SpacedTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

thread_local! {
    static ANALYZER: RefCell<TextAnalyzer> = RefCell::new(analyzer());
}

/// `text` in lower case with its letters folded to ASCII where they have an
/// ASCII form ("Łódź" as "lodz", "Straße" as "strasse"), and each run of spaces,
/// hyphens and commas one space ("Jong-un" as "jong un").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        spaced(text, &mut out);
        out.make_ascii_lowercase();
        return out;
    }
    ANALYZER.with(|analyzer| {
        analyzer
            .borrow_mut()
            .token_stream(text)
            .process(&mut |token| out.push_str(&token.text));
    });
    out
}

/// Hyphens: the ASCII one, and Unicode's hyphen, non-breaking hyphen, figure
/// dash and en dash. The em dash sets clauses apart, not words.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2013}')
}

/// `text` into `out` with each run of white space, hyphens and commas as one
/// space, and none at either end; a text of nothing else is kept as it is.
fn spaced(text: &str, out: &mut String) {
    let gap = |c: char| c.is_whitespace() || is_hyphen(c) || c == ',';
    for word in text.split(gap).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out.push_str(text);
    }
}

/// Like tantivy's `RawTokenizer`, one token of the whole text, but [`spaced`].
#[derive(Clone, Default)]
struct SpacedTokenizer {
    token: Token,
}

struct OneToken<'a> {
    token: &'a mut Token,
    pending: bool,
}

impl Tokenizer for SpacedTokenizer {
    type TokenStream<'a> = OneToken<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> OneToken<'a> {
        self.token.reset();
        self.token.position = 0;
        self.token.offset_to = text.len();
        spaced(text, &mut self.token.text);
        OneToken {
            token: &mut self.token,
            pending: true,
        }
    }
}

impl TokenStream for OneToken<'_> {
    fn advance(&mut self) -> bool {
        std::mem::take(&mut self.pending)
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_the_letters_of_names_in_many_languages() {
        for (name, folded) in [
            ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
            ("Łódź", "lodz"),
            ("Nguyễn Phú Trọng", "nguyen phu trong"),
            ("Klaus Iohannis, România", "klaus iohannis romania"),
            ("Ţiriac Şerban", "tiriac serban"),
            ("Straße", "strasse"),
            ("Ærø", "aero"),
            ("Đoković", "dokovic"),
            ("Zelenský", "zelensky"),
            // Letters without an ASCII form are only lower-cased.
            ("Зеленський", "зеленський"),
            ("馬英九", "馬英九"),
            // A hyphen is a space, and so is a run of them.
            ("Kim Jong-un", "kim jong un"),
            ("Inter- American  Bank", "inter american bank"),
            ("Rha Woong\u{2010}bae", "rha woong bae"),
            ("U.S.-based", "u.s. based"),
            ("Jean-Luc Mélenchon", "jean luc melenchon"),
            // So is a comma.
            ("Goldman, Sachs", "goldman sachs"),
            ("Washington, D.C.,", "washington d.c."),
            (" - ", " - "),
        ] {
            assert_eq!(fold(name), folded, "{name}");
        }
    }

    proptest! {
        #[test]
        fn folding_agrees_with_the_keyword_analyzer(
            text in "([A-Za-z ,-]|\u{2010}|\u{2014}|\u{a0}|é|Ö|ğ|ı|İ|ł|ß|Æ|ễ|ș|Σ|я|馬){0,12}",
        ) {
            let mut expected = String::new();
            analyzer()
                .token_stream(&text)
                .process(&mut |token| expected.push_str(&token.text));
            prop_assert_eq!(fold(&text), expected);
        }
    }
}
