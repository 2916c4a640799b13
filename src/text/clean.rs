//! Removing what scrapers and wires append to articles: lone dashes, `Related News :`,
//! `Read more`, the Reuters sign-off, and the like; and what they keep of a web
//! page's interface inside a body: ad labels, a video player's controls.

use std::borrow::Cow;

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

/// Paragraphs of a web page's interface that scrapers keep inside a body: ad
/// labels, the controls and notices of a video player (video.js), a captcha's
/// notice. A paragraph of one line is compared in lower case, without trailing
/// punctuation.
const INTERFACE: [&str; 27] = [
    "advertisement",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "play video",
    "modal trigger",
    "mute",
    "current time 0:00",
    "duration time 0:00",
    "loaded: 0%",
    "progress: 0%",
    "stream type live",
    "stream typelive",
    "remaining time -0:00",
    "playback rate",
    "chapters",
    "descriptions",
    "descriptions off, selected",
    "subtitles",
    "subtitles off, selected",
    "captions",
    "audio track",
    "this is a modal window",
    "no compatible source was found for this media",
    "no compatible source was found for this video",
    "recaptcha requires verification",
    "protected by recaptcha",
];

/// The body without leading and trailing white space, interface paragraphs and
/// trailing boilerplate lines.
pub fn strip_boilerplate(body: &str) -> String {
    let body = without_interface(body);
    let mut body = body.trim();
    while let Some(last_line) = body.lines().next_back() {
        if !is_trailer(last_line) {
            break;
        }
        body = body[..body.len() - last_line.len()].trim_end();
    }
    strip_sign_off(body).trim_start().to_string()
}

/// `body` without its paragraphs of one line that are [`INTERFACE`] text, each
/// with the blank lines after it. Wrapped text keeps its lines: a paragraph of
/// one line opens the body or follows an empty line, and an empty line or the
/// end of the body follows it.
fn without_interface(body: &str) -> Cow<'_, str> {
    let longest = INTERFACE.iter().map(|text| text.len()).max().unwrap_or(0) + 8;
    let found: Vec<std::ops::Range<usize>> = super::one_line_paragraphs(body)
        .filter(|line| {
            let key = body[line.clone()]
                .trim()
                .trim_end_matches(['.', '!', ':', '…']);
            line.len() <= longest
                && !key.is_empty()
                && INTERFACE.iter().any(|text| text.eq_ignore_ascii_case(key))
        })
        .collect();
    if found.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut kept = String::with_capacity(body.len());
    let mut from = 0;
    for range in found {
        kept.push_str(&body[from..range.start]);
        // The blank lines after it go too.
        let rest = &body[range.end..];
        let blanks = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_whitespace())
                .len();
        let blanks = rest[..blanks].rfind('\n').map_or(0, |newline| newline + 1);
        from = range.end + blanks;
    }
    kept.push_str(&body[from..]);
    Cow::Owned(kept)
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
    fn interface_paragraphs_go_wherever_they_stand() {
        let body = "Sponsored\n\nThe vote was close.\n\nMute\n\nCurrent Time 0:00\n\n\
                    This is a modal window.\n\n\n\nADVERTISEMENT\n\nTurnout rose.\n\nPlay video";
        assert_eq!(
            strip_boilerplate(body),
            "The vote was close.\n\nTurnout rose."
        );
        // Inside a paragraph, or spread over its wrapped lines, the words stay.
        let wrapped = "Prices fell after the\nadvertisement\nran.\n\nMute the sound, he said.";
        assert_eq!(strip_boilerplate(wrapped), wrapped);
    }

    #[test]
    fn all_boilerplate_leaves_nothing() {
        assert_eq!(strip_boilerplate("-\n\nRelated News :"), "");
    }
}
