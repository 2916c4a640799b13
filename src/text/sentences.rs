//! Sentence boundaries in news prose, for splitting long paragraphs.
//!
//! A boundary is `.`, `!` or `?`, optionally followed by closing quotes or brackets,
//! then white space and a capital, digit or opening quote, unless the full stop ends
//! an abbreviation (`Mr.`, `Gen.`, `U.S.`) or an initial.

/// Words, in lower case, whose full stop ends no sentence, besides
/// [`GIVEN_NAMES`].
const ABBREVIATIONS: [&str; 37] = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc",
];

/// Given names, in lower case, as firms abbreviate them with a full stop
/// ("Alex. Brown and Sons Inc", "Wm. Wrigley Jr. Co"), which ends no sentence:
/// "Alex" was a person in 23 articles of Reuters, cut from the firm's name at
/// its full stop.
pub const GIVEN_NAMES: [&str; 5] = ["alex", "wm", "chas", "thos", "jas"];

/// Byte offsets where sentences end (just past the closing punctuation or quote).
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    // Where the sentence after the last end begins: the scan resumes there.
    let mut resume = 0;
    // The marks are ASCII, so each is on a character boundary.
    for at in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        if at < resume {
            continue;
        }
        // Closing quotes and brackets belong to the sentence; then white space
        // and a character that may start a sentence must follow.
        let base = at + 1;
        let mut rest = text[base..].char_indices().peekable();
        while rest
            .next_if(|&(_, c)| matches!(c, '"' | '”' | '’' | '\'' | ')' | ']'))
            .is_some()
        {}
        let end = rest.peek().map_or(text.len(), |&(pos, _)| base + pos);
        let mut spaced = false;
        while rest.next_if(|&(_, c)| c.is_whitespace()).is_some() {
            spaced = true;
        }
        let Some(&(pos, next)) = rest.peek() else {
            continue;
        };
        let starts_sentence = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(next, '"' | '“' | '‘' | '\'' | '(');
        // The look-back last: most full stops fail the look-ahead.
        if spaced
            && starts_sentence
            && !(text.as_bytes()[at] == b'.' && is_abbreviation(&text[..at]))
        {
            ends.push(end);
            resume = base + pos;
        }
    }
    ends
}

/// Whether the word before a full stop is an abbreviation or an initial.
pub fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or_default();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 && word.chars().count() <= 2
        || word.contains('.') && word.len() <= 5
        || (ABBREVIATIONS.iter().chain(&GIVEN_NAMES)).any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut start = 0;
        let mut out = Vec::new();
        for end in sentence_ends(text) {
            out.push(text[start..end].trim());
            start = end;
        }
        out.push(text[start..].trim());
        out.retain(|s| !s.is_empty());
        out
    }

    #[test]
    fn splits_at_full_stops_and_quotes() {
        assert_eq!(
            split("He left. “It is over,” she said. Then? 10 more."),
            vec!["He left.", "“It is over,” she said.", "Then?", "10 more."]
        );
        assert_eq!(
            split("They said “losses.” On Friday"),
            vec!["They said “losses.”", "On Friday"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split("Mr. Smith met Gen. Ryan in the U.S. Army. J. R. Doe came."),
            vec![
                "Mr. Smith met Gen. Ryan in the U.S. Army.",
                "J. R. Doe came."
            ]
        );
        // Given names that firms abbreviate: "Alex. Brown and Sons Inc".
        assert_eq!(
            split("Alex. Brown and Sons Inc and Wm. Wrigley Jr. Co rose. Chas. P. Young fell."),
            vec![
                "Alex. Brown and Sons Inc and Wm. Wrigley Jr. Co rose.",
                "Chas. P. Young fell."
            ]
        );
    }

    #[test]
    fn no_split_before_lower_case() {
        assert_eq!(
            split("Prices rose 3.5 pct. in March"),
            vec!["Prices rose 3.5 pct. in March"]
        );
    }
}
