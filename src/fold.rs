//! Lower case, ASCII folding and one space for each run of spaces, hyphens,
//! commas, full stops and other marks: the one form in which names and words
//! are compared.
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
//! and "Washington D.C.". And so does a full stop, which one writer puts
//! after initials ("U.S. Senate", "St. Louis") and the next leaves out, and a
//! slash, a bracket or the end of a sentence, which the tagger leaves on some
//! names ("New York..", "Portland/"). Words of prose hold none of these.

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

/// Whether `c` sets the words of a name apart as a space does: a hyphen, a
/// comma, a full stop, a slash, a bracket, or a mark that ends a sentence or
/// a clause.
fn is_gap(c: char) -> bool {
    c.is_whitespace()
        || is_hyphen(c)
        || matches!(
            c,
            ',' | '.' | '/' | '(' | ')' | '[' | ']' | '!' | '?' | ':' | ';'
        )
}

/// `text` into `out` with each run of [`is_gap`] marks as one space, and none
/// at either end; letters alone that open or end a name are one word ("E. F.
/// Hutton" and "E.F. Hutton" as "EF Hutton", "U.S." as "US", "Washington D.C."
/// as "Washington DC"), but not those within it ("George H. W. Bush" keeps its
/// initials apart, as [`crate::entities::initials`] reads them), and "&" alone
/// is "and". A text of nothing else is kept as it is.
fn spaced(text: &str, out: &mut String) {
    let mut opening = true;
    // Where the last run of letters alone starts in `out`, and how many.
    let (mut run_at, mut run) = (0, 0);
    for word in text.split(is_gap).filter(|w| !w.is_empty()) {
        let mut chars = word.chars();
        let letter = chars.next().is_some_and(char::is_alphanumeric) && chars.next().is_none();
        let joins = opening && letter && !out.is_empty();
        opening &= letter;
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        match letter {
            true if run == 0 => (run_at, run) = (out.len(), 1),
            true => run += 1,
            false => run = 0,
        }
        out.push_str(if word == "&" { "and" } else { word });
    }
    if run > 1 && !opening {
        let letters: String = out[run_at..].split(' ').collect();
        out.truncate(run_at);
        out.push_str(&letters);
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
            ("Jean-Luc Mélenchon", "jean luc melenchon"),
            // So is a comma, a full stop, a slash, a bracket, or a mark that
            // ends a sentence.
            ("Goldman, Sachs", "goldman sachs"),
            ("St. Louis", "st louis"),
            ("New York..", "new york"),
            ("Portland/", "portland"),
            ("Steve [Bannon", "steve bannon"),
            ("Russians!", "russians"),
            // Letters opening a name are one word, wherever their stops are.
            ("U.S.-based", "us based"),
            ("Washington, D.C.,", "washington dc"),
            ("E. F. Hutton", "ef hutton"),
            ("E.F. Hutton", "ef hutton"),
            ("George H.W. Bush", "george h w bush"),
            // "&" alone is "and".
            ("Cable & Wireless", "cable and wireless"),
            ("AT&T", "at&t"),
            (" - ", " - "),
        ] {
            assert_eq!(fold(name), folded, "{name}");
        }
    }

    proptest! {
        #[test]
        fn folding_agrees_with_the_keyword_analyzer(
            text in "([A-Za-z ,.&/!(-]|\u{2010}|\u{2014}|\u{a0}|é|Ö|ğ|ı|İ|ł|ß|Æ|ễ|ș|Σ|я|馬){0,12}",
        ) {
            let mut expected = String::new();
            analyzer()
                .token_stream(&text)
                .process(&mut |token| expected.push_str(&token.text));
            prop_assert_eq!(fold(&text), expected);
        }
    }
}
