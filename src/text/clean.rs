//! Removing what scrapers and wires append to articles: lone dashes, `Related News :`,
//! `Read more`, the Reuters sign-off, and the like.

/// Lines that end an article without being part of it, compared in lower case with
/// trailing punctuation and spaces removed. Longer lines are never boilerplate.
const TRAILERS: [&str; 12] = [
    "reuter",
    "reuters",
    "related news",
    "related articles",
    "related stories",
    "read more",
    "read also",
    "see also",
    "advertisement",
    "share this",
    "share this article",
    "follow us",
];

/// The body without leading and trailing white space and trailing boilerplate lines.
pub fn strip_boilerplate(body: &str) -> &str {
    let mut body = body.trim();
    while let Some(last_line) = body.lines().next_back() {
        if !is_trailer(last_line) {
            break;
        }
        body = body[..body.len() - last_line.len()].trim_end();
    }
    strip_sign_off(body).trim_start()
}

/// `body` without a one-word trailer that shares the last line with the text,
/// after a full stop, a bracket or a number: "…tenth of an ounce. REUTER". After a
/// word it is part of the text ("he told Reuters").
fn strip_sign_off(body: &str) -> &str {
    let Some((text, word)) = body.rsplit_once(char::is_whitespace) else {
        return body;
    };
    let text = text.trim_end();
    if text.ends_with(char::is_alphabetic) {
        return body;
    }
    let key = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
    if TRAILERS.iter().any(|t| t.eq_ignore_ascii_case(key)) {
        text
    } else {
        body
    }
}

fn is_trailer(line: &str) -> bool {
    // Some wire copy carries its carriage returns as the two characters "^M".
    let line = line.trim().trim_end_matches("^M");
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    let words = line.split_whitespace().count();
    let key = line
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '…')
        .to_lowercase();
    TRAILERS.contains(&key.as_str()) || (words <= 3 && line.ends_with(':'))
}

/// One line, single spaces.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scraper_trailers_are_removed() {
        assert_eq!(
            strip_boilerplate("Para one.\n\n-\n\nRelated News :\n"),
            "Para one."
        );
        assert_eq!(strip_boilerplate("Body.\n Reuter\n"), "Body.");
        assert_eq!(strip_boilerplate("Body.\n REUTER...^M\n"), "Body.");
        assert_eq!(
            strip_boilerplate("Body.\nLast (0.3).   REUTER"),
            "Body.\nLast (0.3)."
        );
        assert_eq!(
            strip_boilerplate("Wheat 4.4 MM REUTER\n"),
            "Wheat 4.4 MM REUTER"
        );
        assert_eq!(strip_boilerplate("Total 18 REUTER\n"), "Total 18");
        assert_eq!(
            strip_boilerplate("Body.\n\nRead more...\nAdvertisement"),
            "Body."
        );
    }

    #[test]
    fn real_last_lines_stay() {
        assert_eq!(
            strip_boilerplate("He said: it is over."),
            "He said: it is over."
        );
        assert_eq!(
            strip_boilerplate("Intro.\n\nThe minister said the following:"),
            "Intro.\n\nThe minister said the following:"
        );
        assert_eq!(
            strip_boilerplate("  Reuters reported it.  "),
            "Reuters reported it."
        );
        assert_eq!(
            strip_boilerplate("Prices fell, an official told Reuters."),
            "Prices fell, an official told Reuters."
        );
    }

    #[test]
    fn all_boilerplate_leaves_nothing() {
        assert_eq!(strip_boilerplate("-\n\nRelated News :"), "");
    }
}
