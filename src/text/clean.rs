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
    body.trim_start()
}

fn is_trailer(line: &str) -> bool {
    let line = line.trim();
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
    }

    #[test]
    fn all_boilerplate_leaves_nothing() {
        assert_eq!(strip_boilerplate("-\n\nRelated News :"), "");
    }
}
