//! Tokens and sentences of news text, in the style of the CoNLL-2003 data the
//! tagger learnt from: punctuation apart, possessive `'s` apart, hyphenated names
//! (`Jong-un`), abbreviations (`U.S.`, `Gen.`) and numbers (`10,000`, `3.5`)
//! whole. Every token is a byte range on character boundaries.

use crate::text::sentences::{is_abbreviation, sentence_ends};
use std::ops::Range;

/// Characters split off the start of a word.
fn opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '„')
}

/// Characters split off the end of a word.
fn closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '.' | ',' | ';' | ':' | '!' | '?'
    )
}

/// Characters that separate words even without spaces, each a token of its own:
/// dashes, and the ellipsis that joins a headline's phrases (`Days…Obama`).
fn separator(c: char) -> bool {
    matches!(c, '—' | '–' | '…')
}

/// A text's tokens, and its sentences as runs of them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tokenized {
    /// Byte ranges in the text, in order.
    pub tokens: Vec<Range<usize>>,
    /// Ranges of indices into `tokens`, one per sentence, none of them empty.
    pub sentences: Vec<Range<usize>>,
}

/// The tokens of `text`, sentence by sentence, in two flat vectors: a document has
/// many short sentences, and a vector for each was a cost of its own.
pub fn sentences(text: &str) -> Tokenized {
    let mut out = Tokenized::default();
    for paragraph in crate::text::passages::paragraphs(text) {
        let para = &text[paragraph.clone()];
        let mut from = 0;
        for end in sentence_ends(para).into_iter().chain([para.len()]) {
            let first = out.tokens.len();
            tokenize_into(&para[from..end], paragraph.start + from, &mut out.tokens);
            if out.tokens.len() > first {
                out.sentences.push(first..out.tokens.len());
            }
            from = end;
        }
    }
    out
}

/// Token byte ranges of one sentence.
pub fn tokenize(text: &str) -> Vec<Range<usize>> {
    let mut tokens = Vec::new();
    tokenize_into(text, 0, &mut tokens);
    tokens
}

/// Splits at white space, dashes, ellipses and angle brackets. Runs of ASCII are
/// walked byte by byte, and a run of bytes that can only continue a word is
/// skipped in one go; only other characters are decoded.
fn tokenize_into(text: &str, base: usize, out: &mut Vec<Range<usize>>) {
    // Bytes that neither end a word nor stand alone: ASCII but for white space,
    // angle brackets and full stops (which may open an ellipsis).
    let plain = |b: u8| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ' | b'<' | b'>' | b'.');
    let bytes = text.as_bytes();
    let mut word_start = None;
    let mut i = 0;
    loop {
        if bytes.get(i).copied().is_some_and(plain) {
            word_start.get_or_insert(i);
            i += 1 + bytes[i + 1..].iter().take_while(|&&b| plain(b)).count();
            continue;
        }
        // (ends a word, is a token of its own, width); the end of the text ends a
        // word. Angle brackets stand apart even inside a word: the wire writes a
        // ticker against a name (`BOEING<BA>`). So do three or more full stops, one
        // token as in CoNLL-2003 (`crisis...only`).
        let (boundary, alone, width) = match bytes.get(i) {
            None => (true, false, 0),
            Some(b'<' | b'>') => (true, true, 1),
            Some(b'.') if bytes[i..].starts_with(b"...") => (
                true,
                true,
                bytes[i..].iter().take_while(|&&b| b == b'.').count(),
            ),
            Some(&byte) if byte.is_ascii() => (matches!(byte, b'\t'..=b'\r' | b' '), false, 1),
            Some(_) => {
                let c = text[i..].chars().next().expect("a character boundary");
                (
                    c.is_whitespace() || separator(c),
                    separator(c),
                    c.len_utf8(),
                )
            }
        };
        match (word_start, boundary) {
            (None, false) => word_start = Some(i),
            (Some(start), true) => {
                split_word(text, start..i, base, out);
                word_start = None;
            }
            _ => {}
        }
        if alone {
            out.push(base + i..base + i + width);
        }
        if width == 0 {
            return;
        }
        i += width;
    }
}

/// Splits leading and trailing punctuation and a possessive off one word.
fn split_word(text: &str, word: Range<usize>, base: usize, out: &mut Vec<Range<usize>>) {
    let mut start = word.start;
    let mut end = word.end;
    while let Some(c) = text[start..end].chars().next() {
        if !opening(c) || start + c.len_utf8() == end {
            break;
        }
        out.push(base + start..base + start + c.len_utf8());
        start += c.len_utf8();
    }
    while let Some(c) = text[start..end].chars().next_back() {
        if !closing(c) || end - c.len_utf8() == start {
            break;
        }
        // A full stop stays on an abbreviation or initial.
        if c == '.'
            && is_abbreviation(&text[start..end - 1])
            && text[start..end - 1].chars().any(char::is_alphabetic)
        {
            break;
        }
        end -= c.len_utf8();
    }
    match clitic(&text[start..end]) {
        Some(at) => {
            out.push(base + start..base + start + at);
            out.push(base + start + at..base + end);
        }
        None => out.push(base + start..base + end),
    }
    // What came off the end, one token per character, in text order.
    for (at, c) in text[end..word.end].char_indices() {
        out.push(base + end + at..base + end + at + c.len_utf8());
    }
}

/// Where a word's clitic starts, if it ends in one: the possessive (`Pyongyang's`)
/// or the second word of a contraction (`I'm`, `they're`, `don't`), split off as
/// CoNLL-2003 splits them. The tagger never saw `I'm` whole, and took it for a
/// name.
fn clitic(word: &str) -> Option<usize> {
    // At most two letters follow the apostrophe, so only a word's last five
    // bytes (room for `’` and two letters) are searched.
    let tail = word.len().saturating_sub(5);
    let at = tail
        + word.as_bytes()[tail..]
            .iter()
            .rposition(|&b| b == b'\'' || b == 0xE2)?;
    let after = word[at..].strip_prefix(['\'', '’'])?;
    if at == 0 {
        return None;
    }
    if ["s", "m", "re", "ve", "ll", "d"]
        .iter()
        .any(|c| after.eq_ignore_ascii_case(c))
    {
        return Some(at);
    }
    let negation = after.eq_ignore_ascii_case("t") && word[..at].ends_with(['n', 'N']);
    (negation && at > 1).then_some(at - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn punctuation_quotes_and_possessives() {
        assert_eq!(
            words("“It is over,” said Pyongyang’s envoy (again) to <Acme Corp>."),
            vec![
                "“",
                "It",
                "is",
                "over",
                ",",
                "”",
                "said",
                "Pyongyang",
                "’s",
                "envoy",
                "(",
                "again",
                ")",
                "to",
                "<",
                "Acme",
                "Corp",
                ">",
                "."
            ]
        );
        assert_eq!(
            words("I'm sure they’re O'Neill's, don't ask. Can't."),
            vec![
                "I", "'m", "sure", "they", "’re", "O'Neill", "'s", ",", "do", "n't", "ask", ".",
                "Ca", "n't", "."
            ]
        );
        // A ticker written against a name, as the wire writes them.
        assert_eq!(
            words("BOEING<BA> and ALLEGHENY <AG.N>."),
            vec![
                "BOEING",
                "<",
                "BA",
                ">",
                "and",
                "ALLEGHENY",
                "<",
                "AG.N",
                ">",
                "."
            ]
        );
    }

    #[test]
    fn names_abbreviations_and_numbers_stay_whole() {
        assert_eq!(
            words("Kim Jong-un met Gen. Yang Moo-jin in the U.S. on 3.5 pct, 10,000 troops."),
            vec![
                "Kim", "Jong-un", "met", "Gen.", "Yang", "Moo-jin", "in", "the", "U.S.", "on",
                "3.5", "pct", ",", "10,000", "troops", "."
            ]
        );
    }

    #[test]
    fn ellipses_stand_apart_even_inside_words() {
        assert_eq!(
            words("71 Days…Obama, Hospital… Judge said... crisis...only"),
            vec![
                "71", "Days", "…", "Obama", ",", "Hospital", "…", "Judge", "said", "...", "crisis",
                "...", "only"
            ]
        );
    }

    #[test]
    fn dashes_split_and_non_ascii_letters_keep_boundaries() {
        let text = "Asia – Zürich—Kyiv";
        assert_eq!(words(text), vec!["Asia", "–", "Zürich", "—", "Kyiv"]);
        for r in tokenize(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn sentences_follow_paragraphs_and_full_stops() {
        let text = "First one. Second one.\n\nThird paragraph";
        let tokenized = sentences(text);
        let s: Vec<Vec<&str>> = tokenized
            .sentences
            .iter()
            .map(|s| {
                tokenized.tokens[s.clone()]
                    .iter()
                    .map(|r| &text[r.clone()])
                    .collect()
            })
            .collect();
        assert_eq!(
            s,
            vec![
                vec!["First", "one", "."],
                vec!["Second", "one", "."],
                vec!["Third", "paragraph"]
            ]
        );
    }

    proptest! {
        /// Tokens come in order, apart, on character boundaries, and together
        /// hold every character that is not white space.
        #[test]
        fn tokens_cover_the_text_but_its_spaces(
            text in "([a-zA-Z0-9]{1,8}|[ .,'’“”()\n\u{a0}—–…-]|é|Ж|馬){0,40}"
        ) {
            let tokens = tokenize(&text);
            let mut last_end = 0;
            for r in &tokens {
                prop_assert!(r.start >= last_end && r.start < r.end, "{tokens:?}");
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                last_end = r.end;
            }
            let kept: String = tokens.iter().map(|r| &text[r.clone()]).collect();
            let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, expected);
        }
    }
}
