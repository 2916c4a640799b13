//! Snippets: the passage text, cut around its best window, with the byte ranges of
//! every match.
//!
//! Matches are found by running the passage through the index's own analyzer, so a
//! search for `price` highlights `prices`. A phrase highlights only where its words
//! stand in order (tantivy's SnippetGenerator marks each word wherever it stands,
//! which is why this layer exists). Output carries no markup: renderers choose it.

use crate::query::{Mention, Node, QueryField};
use serde::Serialize;
use std::ops::Range;
use tantivy::tokenizer::TextAnalyzer;

/// A run of analyzed terms to find in order; the last may be a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub terms: Vec<String>,
    pub prefix: bool,
}

/// Snippet text and the byte ranges of its highlights, as `[start, end]` pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

/// Cuts snippets for one query, and finds its matches in titles.
pub struct Highlighter {
    /// What passage text matches: words of the text and default fields.
    patterns: Vec<Pattern>,
    /// What titles match: words of the title and default fields.
    title_patterns: Vec<Pattern>,
    analyzer: TextAnalyzer,
    max_bytes: usize,
}

/// Bytes of context kept before the first match of a cut window.
const LEAD_BYTES: usize = 60;
const ELLIPSIS: &str = "…";

struct Token {
    text: String,
    offsets: Range<usize>,
    position: usize,
}

impl Highlighter {
    /// `analyzer` must be the one the text field is indexed with.
    pub fn new(query: Option<&Node>, mut analyzer: TextAnalyzer, max_bytes: usize) -> Highlighter {
        let (mut patterns, mut title_patterns) = (Vec::new(), Vec::new());
        if let Some(node) = query {
            collect_patterns(node, QueryField::Text, &mut analyzer, &mut patterns);
            collect_patterns(node, QueryField::Title, &mut analyzer, &mut title_patterns);
        }
        Highlighter {
            patterns,
            title_patterns,
            analyzer,
            max_bytes,
        }
    }

    /// Also highlights, in passage text and titles, the names of the
    /// entities asked for ([`Plan::mentions`](crate::query::Plan::mentions)).
    pub fn mentioning(mut self, mentions: &[Mention]) -> Highlighter {
        let runs =
            (mentions.iter()).flat_map(|mention| mention.scored.iter().chain(&mention.shown));
        for terms in runs {
            let pattern = Pattern {
                terms: terms.clone(),
                prefix: false,
            };
            self.title_patterns.push(pattern.clone());
            self.patterns.push(pattern);
        }
        self
    }

    /// The byte ranges of the query's matches in a title, as `[start, end]`.
    pub fn title(&mut self, title: &str) -> Vec<[usize; 2]> {
        let found = find(&mut self.analyzer, &self.title_patterns, title);
        found.into_iter().map(|m| [m.start, m.end]).collect()
    }

    /// The snippet of `text`: all of it when short, else the window with most matches.
    pub fn snippet(&mut self, text: &str) -> Snippet {
        let matches = self.matches(text);
        let window = best_window(text, &matches, self.max_bytes);
        let mut out = String::with_capacity(window.len() + 8);
        if window.start > 0 {
            out.push_str(ELLIPSIS);
            out.push(' ');
        }
        // Runs of white space (hard wraps, indentation) become one space.
        let mut map = Vec::with_capacity(window.len() + 1);
        let mut last_space = false;
        for (i, c) in text[window.clone()].char_indices() {
            let at = out.len();
            for _ in 0..c.len_utf8() {
                map.push(at);
            }
            debug_assert_eq!(map.len(), i + c.len_utf8());
            if c.is_whitespace() {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            } else {
                out.push(c);
                last_space = false;
            }
        }
        map.push(out.len());
        if window.end < text.len() {
            out.push(' ');
            out.push_str(ELLIPSIS);
        }
        let highlights = matches
            .iter()
            .filter(|m| m.start >= window.start && m.end <= window.end)
            .map(|m| [map[m.start - window.start], map[m.end - window.start]])
            .collect();
        Snippet {
            text: out,
            highlights,
        }
    }

    /// Byte ranges of every match in passage text `text`, sorted and merged.
    pub fn matches(&mut self, text: &str) -> Vec<Range<usize>> {
        find(&mut self.analyzer, &self.patterns, text)
    }
}

/// Byte ranges of every match of `patterns` in `text`, sorted and merged.
fn find(analyzer: &mut TextAnalyzer, patterns: &[Pattern], text: &str) -> Vec<Range<usize>> {
    if patterns.is_empty() {
        return Vec::new();
    }
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |t| {
        tokens.push(Token {
            text: t.text.clone(),
            offsets: t.offset_from..t.offset_to,
            position: t.position,
        })
    });
    let mut found: Vec<Range<usize>> = Vec::new();
    for pattern in patterns {
        let n = pattern.terms.len();
        for start in 0..tokens.len().saturating_sub(n - 1) {
            let run = &tokens[start..start + n];
            let matched = run
                .iter()
                .zip(&pattern.terms)
                .enumerate()
                .all(|(k, (tok, term))| {
                    let same = if pattern.prefix && k == n - 1 {
                        tok.text.starts_with(term.as_str())
                    } else {
                        tok.text == *term
                    };
                    same && tok.position == run[0].position + k
                });
            if matched {
                found.push(run[0].offsets.start..run[n - 1].offsets.end);
            }
        }
    }
    found.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Positive matches of the default fields and of `field` (the text or the
/// title); excluded words match nothing shown.
fn collect_patterns(
    node: &Node,
    field: QueryField,
    analyzer: &mut TextAnalyzer,
    out: &mut Vec<Pattern>,
) {
    match node {
        Node::Match {
            field: matched,
            text,
            prefix,
            slop,
            fuzzy,
            ..
        } if matched.is_none_or(|f| f == field) => {
            // A fuzzy word highlights the terms it reached.
            if let Some(fuzzy) = fuzzy {
                out.extend(fuzzy.terms.iter().map(|term| Pattern {
                    terms: vec![term.clone()],
                    prefix: false,
                }));
                return;
            }
            let mut terms = Vec::new();
            analyzer
                .token_stream(text)
                .process(&mut |t| terms.push(t.text.clone()));
            if terms.is_empty() {
                return;
            }
            // A phrase with a slop highlights its words wherever they stand.
            if *slop > 0 {
                out.extend(terms.into_iter().map(|term| Pattern {
                    terms: vec![term],
                    prefix: false,
                }));
            } else {
                out.push(Pattern {
                    terms,
                    prefix: *prefix,
                });
            }
        }
        Node::Match { .. } | Node::Not(_) => {}
        Node::And(nodes) | Node::Or(nodes) => {
            for node in nodes {
                collect_patterns(node, field, analyzer, out);
            }
        }
    }
}

/// The byte range to show: whole text if it fits, else `max_bytes` at word
/// boundaries, placed to hold the most matches, a little context before them.
fn best_window(text: &str, matches: &[Range<usize>], max_bytes: usize) -> Range<usize> {
    if text.len() <= max_bytes {
        return 0..text.len();
    }
    let anchor = matches
        .iter()
        .map(|m| {
            let start = m.start.saturating_sub(LEAD_BYTES);
            let inside = matches
                .iter()
                .filter(|o| o.start >= start && o.end <= start + max_bytes)
                .count();
            (inside, std::cmp::Reverse(start))
        })
        .max()
        .map_or(0, |(_, std::cmp::Reverse(start))| start);
    let start = if anchor == 0 {
        0
    } else {
        // Forward to the start of a word.
        let from = floor_char_boundary(text, anchor);
        text[from..]
            .find(char::is_whitespace)
            .map_or(from, |ws| from + ws)
            .min(
                matches
                    .iter()
                    .map(|m| m.start)
                    .find(|&s| s >= anchor)
                    .unwrap_or(usize::MAX),
            )
    };
    let start = start + (text[start..].len() - text[start..].trim_start().len());
    let limit = floor_char_boundary(text, (start + max_bytes).min(text.len()));
    let end = if limit == text.len() {
        limit
    } else {
        // Back to the end of a word.
        text[start..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |ws| start + ws)
    };
    start..text[..end].trim_end().len().max(start)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::prose_analyzer;
    use crate::query::parse;

    fn highlighter(query: &str, max: usize) -> Highlighter {
        Highlighter::new(parse(query).unwrap().as_ref(), prose_analyzer(), max)
    }

    fn marked(snippet: &Snippet) -> String {
        let mut out = String::new();
        let mut last = 0;
        for [s, e] in &snippet.highlights {
            out.push_str(&snippet.text[last..*s]);
            out.push('[');
            out.push_str(&snippet.text[*s..*e]);
            out.push(']');
            last = *e;
        }
        out.push_str(&snippet.text[last..]);
        out
    }

    #[test]
    fn stemmed_variants_are_highlighted() {
        let s = highlighter("price", 400).snippet("Prices rose; the price of oil fell.");
        assert_eq!(s.highlights, vec![[0, 6], [17, 22]]);
        assert_eq!(marked(&s), "[Prices] rose; the [price] of oil fell.");
    }

    #[test]
    fn phrases_highlight_only_where_they_occur() {
        let s = highlighter("\"oil prices\"", 400)
            .snippet("Oil output rose while prices fell, and oil prices later recovered.");
        assert_eq!(
            marked(&s),
            "Oil output rose while prices fell, and [oil prices] later recovered."
        );
    }

    #[test]
    fn negated_words_and_title_fields_are_not_highlighted() {
        let s = highlighter("oil -gas title:prices", 400).snippet("oil gas prices");
        assert_eq!(marked(&s), "[oil] gas prices");
    }

    #[test]
    fn prefixes_match_word_starts() {
        let s = highlighter("econom*", 400).snippet("The economy and economic news.");
        assert_eq!(marked(&s), "The [economy] and [economic] news.");
    }

    #[test]
    fn long_text_is_cut_around_matches_at_word_boundaries() {
        let text = format!(
            "{} the target word here {}",
            "lead ".repeat(60),
            "tail ".repeat(60)
        );
        let s = highlighter("target", 80).snippet(&text);
        assert!(
            s.text.starts_with("… ") && s.text.ends_with(" …"),
            "{:?}",
            s.text
        );
        assert!(s.text.len() <= 80 + 2 * (ELLIPSIS.len() + 1));
        assert_eq!(&s.text[s.highlights[0][0]..s.highlights[0][1]], "target");
        for word in s.text.trim_matches(|c| c == '…' || c == ' ').split(' ') {
            assert!(
                ["lead", "the", "target", "word", "here", "tail"].contains(&word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn white_space_runs_collapse_and_offsets_follow() {
        let s = highlighter("rates", 400).snippet("Fed\n    raised   rates.");
        assert_eq!(marked(&s), "Fed raised [rates].");
    }
}
