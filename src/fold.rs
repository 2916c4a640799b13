//! Lower case and ASCII folding: the one form in which names and words are
//! compared.
//!
//! The index folds keyword terms (sources, categories, entity aliases) and the
//! words of titles and passages with tantivy's `LowerCaser` and
//! `AsciiFoldingFilter`. The entity stage compares names in the same form when it
//! links a surname to a full name or merges spellings, and so do the counts when
//! they sum the spellings of one name. So "Erdogan" joins "Recep Tayyip Erdoğan"
//! exactly when `--person Erdogan` would find him, and no list of accented
//! letters of our own can fall out of step with the filters.

use std::cell::RefCell;
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};

/// The whole text as one token, lower-cased and folded: the analyzer of keyword
/// fields.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

thread_local! {
    static ANALYZER: RefCell<TextAnalyzer> = RefCell::new(analyzer());
}

/// `text` in lower case with its letters folded to ASCII where they have an
/// ASCII form ("Łódź" as "lodz", "Straße" as "strasse").
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    ANALYZER.with(|analyzer| {
        analyzer
            .borrow_mut()
            .token_stream(text)
            .process(&mut |token| out.push_str(&token.text));
    });
    out
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
            ("Klaus Iohannis, România", "klaus iohannis, romania"),
            ("Ţiriac Şerban", "tiriac serban"),
            ("Straße", "strasse"),
            ("Ærø", "aero"),
            ("Đoković", "dokovic"),
            ("Zelenský", "zelensky"),
            // Letters without an ASCII form are only lower-cased.
            ("Зеленський", "зеленський"),
            ("馬英九", "馬英九"),
        ] {
            assert_eq!(fold(name), folded, "{name}");
        }
    }

    proptest! {
        #[test]
        fn folding_agrees_with_the_keyword_analyzer(
            text in "([A-Za-z ]|é|Ö|ğ|ı|İ|ł|ß|Æ|ễ|ș|Σ|я|馬){0,12}",
        ) {
            let mut expected = String::new();
            analyzer()
                .token_stream(&text)
                .process(&mut |token| expected.push_str(&token.text));
            prop_assert_eq!(fold(&text), expected);
        }
    }
}
