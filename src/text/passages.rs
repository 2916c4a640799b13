//! Splitting a body into passages of roughly 40 to 120 words.
//!
//! Paragraphs are found first: a blank line ends one, and so does an indented line
//! inside a hard-wrapped block (Reuters wraps at ~70 columns and indents each new
//! paragraph). A block whose lines are too long to be wrapped has a paragraph per
//! line. Paragraphs over the limit are cut at sentence ends; short neighbours are
//! joined. Every passage is a byte range into the body, so snippets and offsets
//! refer to the text as stored.

use super::sentences::sentence_ends;
use super::word_count;
use std::ops::Range;

/// Passage size limits, in words.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A passage shorter than this takes in its next paragraph.
    pub min_words: usize,
    /// No paragraph is joined past this, and longer paragraphs are cut.
    pub max_words: usize,
    /// A last passage this short joins the one before.
    pub tiny_words: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            min_words: 40,
            max_words: 120,
            tiny_words: 15,
        }
    }
}

/// A block longer than this per line is not hard-wrapped text.
const WRAP_COLUMNS: usize = 100;

/// Passages of `body` as byte ranges, in order.
pub fn split(body: &str, limits: Limits) -> Vec<Range<usize>> {
    let units = paragraphs(body)
        .into_iter()
        .flat_map(|p| cut_long(body, p, limits.max_words));
    let mut passages: Vec<(Range<usize>, usize)> = Vec::new();
    for unit in units {
        let words = word_count(&body[unit.clone()]);
        match passages.last_mut() {
            Some((last, last_words))
                if *last_words < limits.min_words && *last_words + words <= limits.max_words =>
            {
                last.end = unit.end;
                *last_words += words;
            }
            _ => passages.push((unit, words)),
        }
    }
    if passages.len() >= 2 {
        let (_, last_words) = passages[passages.len() - 1];
        let (_, before_words) = passages[passages.len() - 2];
        if last_words < limits.tiny_words
            && before_words + last_words <= limits.max_words + limits.tiny_words
        {
            let (last, _) = passages.pop().expect("two passages");
            passages.last_mut().expect("one passage").0.end = last.end;
        }
    }
    passages.into_iter().map(|(range, _)| range).collect()
}

/// Paragraph ranges, trimmed of surrounding white space.
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = offset..offset + line.trim_end().len();
        offset += line.len();
        if line.trim().is_empty() {
            flush_block(body, &mut block, &mut out);
        } else {
            block.push(content);
        }
    }
    flush_block(body, &mut block, &mut out);
    out
}

fn flush_block(body: &str, block: &mut Vec<Range<usize>>, out: &mut Vec<Range<usize>>) {
    let first_new = out.len();
    let wrapped = block.iter().all(|line| line.len() <= WRAP_COLUMNS);
    let mut current: Option<Range<usize>> = None;
    for line in block.drain(..) {
        let indented = body[line.clone()].starts_with(char::is_whitespace);
        match &mut current {
            Some(paragraph) if wrapped && !indented => paragraph.end = line.end,
            _ => {
                out.extend(current.take());
                current = Some(line);
            }
        }
    }
    out.extend(current);
    for paragraph in &mut out[first_new..] {
        let text = &body[paragraph.clone()];
        paragraph.start += text.len() - text.trim_start().len();
    }
}

/// Cuts a paragraph over `max_words` at sentence ends, and a sentence over it at
/// word boundaries.
fn cut_long(body: &str, paragraph: Range<usize>, max_words: usize) -> Vec<Range<usize>> {
    let text = &body[paragraph.clone()];
    if word_count(text) <= max_words {
        return vec![paragraph];
    }
    let mut sentences = Vec::new();
    let mut start = 0;
    for end in sentence_ends(text).into_iter().chain([text.len()]) {
        if end > start {
            sentences.extend(cut_words(text, start..end, max_words));
        }
        start = end;
    }
    let mut chunks: Vec<(Range<usize>, usize)> = Vec::new();
    for sentence in sentences {
        let words = word_count(&text[sentence.clone()]);
        match chunks.last_mut() {
            Some((chunk, chunk_words)) if *chunk_words + words <= max_words => {
                chunk.end = sentence.end;
                *chunk_words += words;
            }
            _ => chunks.push((sentence, words)),
        }
    }
    chunks
        .into_iter()
        .map(|(range, _)| {
            let piece = &text[range.clone()];
            let lead = piece.len() - piece.trim_start().len();
            let start = paragraph.start + range.start + lead;
            start..paragraph.start + range.start + piece.trim_end().len()
        })
        .filter(|range| !range.is_empty())
        .collect()
}

/// Cuts `range` of `text` into pieces of at most `max_words` words.
fn cut_words(text: &str, range: Range<usize>, max_words: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            if words == max_words {
                pieces.push(start..at);
                start = at;
                words = 0;
            }
            words += 1;
        }
    }
    pieces.push(start..range.end);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts<'a>(body: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &body[r.clone()]).collect()
    }

    fn words(n: usize, word: &str) -> String {
        vec![word; n].join(" ")
    }

    #[test]
    fn blank_lines_and_indented_wrapped_lines_make_paragraphs() {
        let body = "First para\nwrapped here.\n    Second para\nalso wrapped.\n\nThird.";
        assert_eq!(
            texts(body, &paragraphs(body)),
            vec![
                "First para\nwrapped here.",
                "Second para\nalso wrapped.",
                "Third."
            ]
        );
    }

    #[test]
    fn long_unwrapped_lines_are_paragraphs_each() {
        let long = words(30, "word");
        let body = format!("{long}\n{long}");
        assert_eq!(paragraphs(&body).len(), 2);
    }

    #[test]
    fn short_paragraphs_are_joined_up_to_the_minimum() {
        let body = format!(
            "{}\n\n{}\n\n{}",
            words(20, "a"),
            words(30, "b"),
            words(60, "c")
        );
        let passages = split(&body, Limits::default());
        assert_eq!(passages.len(), 2);
        assert!(body[passages[0].clone()].ends_with('b'));
        assert_eq!(word_count(&body[passages[1].clone()]), 60);
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentences() {
        let sentence = format!("The {}.", words(29, "word"));
        let body = [sentence.as_str(); 10].join(" ");
        let passages = split(&body, Limits::default());
        assert_eq!(passages.len(), 3);
        for p in &passages {
            let text = &body[p.clone()];
            assert!(text.starts_with("The") && text.ends_with('.'), "{text:?}");
            assert!(word_count(text) <= 120);
        }
    }

    #[test]
    fn a_tiny_tail_joins_the_passage_before() {
        let body = format!("{}\n\nReuter staff.", words(80, "x"));
        assert_eq!(split(&body, Limits::default()), vec![0..body.len()]);
    }

    proptest! {
        #[test]
        fn passages_are_ordered_disjoint_in_bounds_and_cover_all_words(body in "([a-zA-Z]{1,8}[ .\n]{1,3}){0,400}") {
            let passages = split(&body, Limits::default());
            let mut last_end = 0;
            let mut covered = 0;
            for p in &passages {
                prop_assert!(p.start >= last_end && p.start < p.end && p.end <= body.len());
                prop_assert!(body.is_char_boundary(p.start) && body.is_char_boundary(p.end));
                prop_assert!(word_count(&body[p.clone()]) <= 120 + 15);
                covered += word_count(&body[p.clone()]);
                last_end = p.end;
            }
            prop_assert_eq!(covered, word_count(&body));
        }
    }
}
