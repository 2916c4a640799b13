//! The query language, parsed into our own tree so that both the tantivy query and
//! the snippet highlighter are built from the same structure.
//!
//! Syntax: words (all must match: news searchers expect a narrowing AND, as web
//! search engines do), `"phrases"`, `a OR b`, `-word` or `NOT word`, `AND`
//! (optional), parentheses, `prefix*`, and `title:`, `text:`, `source:`, `person:`,
//! `org:`, `place:`, `other:`, `entity:` before a word, a phrase or a group in parentheses,
//! whose words then all take the field unless they name their own; `date:` before
//! a day, a month, a year or a span of them (`date:1987-03..1987-04`). Operators are
//! upper case; `or` and `not` are ordinary words. `OR` binds tighter than `AND`,
//! as in web search: `a b OR c` is `a (b OR c)`. A word drops a possessive `'s`.
//! `"phrase"~N` lets the phrase's words stand up to N moves from their places.
//! `word~N` (N is 1 or 2) also finds the terms of the index that are up to N
//! edits from the word's, and `person:name~` or `person:"full name"~` the
//! names; `word~` allows as many as the length of the term suits.

use crate::article::EntityKind;
use std::fmt;

/// Fields a query can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryField {
    Title,
    Text,
    Source,
    /// Articles of a day, a month, a year or a span of them
    /// ([`super::filters::parse_dates`]), as `--since` and `--until` choose them.
    Date,
    /// Articles that name an entity of this kind (of any kind: `None`), by any
    /// name the article gives it, as the filter options match them.
    Entity(Option<EntityKind>),
}

impl QueryField {
    fn parse(name: &str) -> Option<QueryField> {
        Some(match name.to_ascii_lowercase().as_str() {
            "title" => QueryField::Title,
            "text" | "body" => QueryField::Text,
            "source" => QueryField::Source,
            "date" => QueryField::Date,
            "person" => QueryField::Entity(Some(EntityKind::Person)),
            "org" | "organisation" | "organization" => {
                QueryField::Entity(Some(EntityKind::Organisation))
            }
            "place" | "location" => QueryField::Entity(Some(EntityKind::Location)),
            "other" | "misc" => QueryField::Entity(Some(EntityKind::Other)),
            "entity" => QueryField::Entity(None),
            _ => return None,
        })
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A word, or a phrase when `phrase` is set; `prefix` when it ended in `*`.
    /// `field` is `None` for the default fields (title and text). `slop` is
    /// how far a phrase's words may stand from where the phrase puts them
    /// (`"oil prices"~3`), 0 for where they stand. `fuzzy` is set for a word
    /// that may be spelt otherwise (`zelensky~1`).
    Match {
        field: Option<QueryField>,
        text: String,
        phrase: bool,
        prefix: bool,
        slop: u32,
        fuzzy: Option<Fuzzy>,
    },
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
}

impl Node {
    /// Whether some word or phrase of the node, ruled out or not, is in a
    /// field that `field` accepts.
    pub fn names_field(&self, field: &impl Fn(QueryField) -> bool) -> bool {
        match self {
            Node::Match { field: f, .. } => f.is_some_and(field),
            Node::And(nodes) | Node::Or(nodes) => nodes.iter().any(|n| n.names_field(field)),
            Node::Not(node) => node.names_field(field),
        }
    }

    /// The words, neither phrases, prefixes nor fuzzy, that the node asks to
    /// find in titles or text, outside its exclusions.
    pub fn plain_words(&self) -> Vec<&str> {
        match self {
            Node::Match {
                field: None | Some(QueryField::Title | QueryField::Text),
                text,
                phrase: false,
                prefix: false,
                fuzzy: None,
                ..
            } => vec![text.as_str()],
            Node::Match { .. } | Node::Not(_) => Vec::new(),
            Node::And(nodes) | Node::Or(nodes) => {
                nodes.iter().flat_map(Node::plain_words).collect()
            }
        }
    }

    /// Whether some word of the node, ruled out or not, asks for other
    /// spellings (`word~`).
    pub fn has_fuzzy(&self) -> bool {
        match self {
            Node::Match { fuzzy, .. } => fuzzy.is_some(),
            Node::And(nodes) | Node::Or(nodes) => nodes.iter().any(Node::has_fuzzy),
            Node::Not(node) => node.has_fuzzy(),
        }
    }

    /// Whether a match of the node has a score: some word or phrase of titles
    /// and text it asks for, not only sources and entities, nor only words it
    /// rules out.
    pub fn scores(&self) -> bool {
        match self {
            Node::Match { field, .. } => {
                matches!(field, None | Some(QueryField::Title | QueryField::Text))
            }
            Node::And(nodes) | Node::Or(nodes) => nodes.iter().any(Node::scores),
            Node::Not(_) => false,
        }
    }
}

/// A word that also matches the terms within some edits of its own: letters
/// inserted, deleted, changed, or two swapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fuzzy {
    /// 1 or 2; `None` for as many as the length of the term the index stores
    /// suits ([`Fuzzy::edits_for`]).
    pub edits: Option<u8>,
    /// The terms of the index within reach, nearest first: what the word
    /// matches and highlights (for an entity field, the alias terms of the
    /// names it matches, which highlight nothing). The parser leaves it empty, and
    /// [`QueryBuilder::expand_fuzzy`](super::QueryBuilder::expand_fuzzy) looks
    /// them up.
    pub terms: Vec<String>,
}

impl Fuzzy {
    /// What `word~` asks for: as many edits as the length of its term suits.
    pub fn by_length() -> Fuzzy {
        Fuzzy {
            edits: None,
            terms: Vec::new(),
        }
    }

    /// The edits allowed from `term`, the word's term as the index stores it
    /// (stemmed: "running" is "run"), or the name's. Without a number: none
    /// for one or two letters, one up to five, then two (the lengths at which
    /// a typo is likely, as Elasticsearch's `AUTO` counts them).
    pub fn edits_for(&self, term: &str) -> u8 {
        self.edits
            .unwrap_or(match term.chars().filter(|c| c.is_alphanumeric()).count() {
                0..=2 => 0,
                3..=5 => 1,
                _ => MAX_EDITS,
            })
    }
}

/// The most edits `word~N` takes: past two, most short words reach most others.
const MAX_EDITS: u8 = 2;

/// Why a query could not be parsed; `column` counts characters from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct QueryError {
    pub column: Option<usize>,
    pub message: String,
}

impl QueryError {
    fn at(column: usize, message: impl Into<String>) -> QueryError {
        QueryError {
            column: Some(column),
            message: message.into(),
        }
    }

    pub fn general(message: impl Into<String>) -> QueryError {
        QueryError {
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(f, "query error at column {column}: {}", self.message),
            None => write!(f, "query error: {}", self.message),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word {
        text: String,
        prefix: bool,
        /// What `~N` or `~` asks for; `None` without a tilde.
        fuzzy: Option<Fuzzy>,
    },
    Phrase {
        text: String,
        prefix: bool,
        slop: u32,
        /// A `~` without a number after it: a name's other spellings.
        tilde: bool,
    },
    Field(QueryField),
    Minus,
    Open,
    Close,
    And,
    Or,
    Not,
}

/// Parses a query; an empty (or all white space) query is `None`: match everything.
pub fn parse(input: &str) -> Result<Option<Node>, QueryError> {
    let tokens = lex(input)?;
    if tokens.is_empty() {
        return Ok(None);
    }
    let mut parser = Parser {
        tokens,
        pos: 0,
        end: input.chars().count() + 1,
        field: None,
    };
    let node = parser.and()?;
    if let Some((column, _)) = parser.peek() {
        return Err(QueryError::at(column, "unmatched ')'"));
    }
    Ok(Some(node))
}

fn lex(input: &str) -> Result<Vec<(usize, Token)>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let column = i + 1;
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' || c == ')' {
            tokens.push((column, if c == '(' { Token::Open } else { Token::Close }));
            i += 1;
        } else if c == '"' {
            let Some(len) = chars[i + 1..].iter().position(|&c| c == '"') else {
                return Err(QueryError::at(column, "unclosed '\"'"));
            };
            let text: String = chars[i + 1..i + 1 + len].iter().collect();
            i += len + 2;
            let prefix = chars.get(i) == Some(&'*');
            if prefix {
                i += 1;
            }
            // `~N` after the closing quote: the phrase's slop.
            let digits = (chars[i..].iter().skip(1))
                .take_while(|c| c.is_ascii_digit())
                .count();
            let mut slop = 0;
            let tilde = chars.get(i) == Some(&'~') && !prefix;
            if tilde && digits > 0 {
                let number: String = chars[i + 1..i + 1 + digits].iter().collect();
                slop = number
                    .parse()
                    .map_err(|_| QueryError::at(i + 1, format!("slop {number} is too large")))?;
            }
            if tilde {
                i += 1 + digits;
            }
            tokens.push((
                column,
                Token::Phrase {
                    text,
                    prefix,
                    slop,
                    tilde: tilde && digits == 0,
                },
            ));
        } else if c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
            tokens.push((column, Token::Minus));
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() && !"()\"".contains(chars[i]) {
                if chars[i] == ':' && i > start {
                    let name: String = chars[start..i].iter().collect();
                    // A known field may have spaces after its colon, as in
                    // `person: Putin`; another word ending in a colon is a word
                    // ("note:").
                    let spaced = chars.get(i + 1).is_none_or(|c| c.is_whitespace());
                    let field = match spaced {
                        true => QueryField::parse(&name).map(Ok),
                        false => name.chars().all(char::is_alphabetic).then(|| {
                            QueryField::parse(&name).ok_or_else(|| {
                                QueryError::at(
                                    column,
                                    format!(
                                        "unknown field '{name}' (known: title, text, source, \
                                         date, person, org, place, other, entity)"
                                    ),
                                )
                            })
                        }),
                    };
                    if let Some(field) = field {
                        tokens.push((column, Token::Field(field?)));
                        i += 1;
                        break;
                    }
                }
                i += 1;
            }
            if matches!(tokens.last(), Some((c, Token::Field(_))) if *c == column) {
                continue;
            }
            let word: String = chars[start..i].iter().collect();
            let token = match word.as_str() {
                "AND" => Token::And,
                "OR" => Token::Or,
                "NOT" => Token::Not,
                _ => {
                    let (word, fuzzy) = fuzzy_suffix(&word, column)?;
                    let prefix = word.len() > 1 && word.ends_with('*');
                    let text = word.trim_end_matches('*').to_string();
                    if text.is_empty() {
                        return Err(QueryError::at(column, "'*' needs a prefix before it"));
                    }
                    if prefix && fuzzy.is_some() {
                        return Err(QueryError::at(
                            column,
                            "a word takes '*' for a prefix or '~' for other spellings, not both",
                        ));
                    }
                    Token::Word {
                        text,
                        prefix,
                        fuzzy,
                    }
                }
            };
            tokens.push((column, token));
        }
    }
    Ok(tokens)
}

/// A word without its `~N` or `~`, and what that asks for (`None` without a
/// tilde; `~0` asks for no other spelling). A tilde with anything but digits after it, or nothing before it,
/// is part of the word.
fn fuzzy_suffix(word: &str, column: usize) -> Result<(&str, Option<Fuzzy>), QueryError> {
    let Some((stem, digits)) = word.rsplit_once('~') else {
        return Ok((word, None));
    };
    if stem.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Ok((word, None));
    }
    let edits = match digits {
        "" => None,
        _ => match digits.parse::<u8>() {
            Ok(n) if n <= MAX_EDITS => Some(n),
            _ => {
                return Err(QueryError::at(
                    column + stem.chars().count(),
                    format!("a word takes at most {MAX_EDITS} edits ('~{MAX_EDITS}')"),
                ))
            }
        },
    };
    Ok((
        stem,
        Some(Fuzzy {
            edits,
            terms: Vec::new(),
        }),
    ))
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
    /// The column just past the input.
    end: usize,
    /// The field of the group being parsed (`title:(oil OR gas)`), if any.
    field: Option<QueryField>,
}

impl Parser {
    fn peek(&self) -> Option<(usize, &Token)> {
        self.tokens.get(self.pos).map(|(c, t)| (*c, t))
    }

    /// Parts in a row, with or without `AND` between them: all must match.
    fn and(&mut self) -> Result<Node, QueryError> {
        let mut parts = Vec::new();
        loop {
            match self.peek() {
                None | Some((_, Token::Close)) => break,
                Some((column, Token::And)) if !parts.is_empty() => {
                    self.pos += 1;
                    if let None | Some((_, Token::Close | Token::Or | Token::And)) = self.peek() {
                        return Err(needs_both_sides(column));
                    }
                }
                _ => parts.push(self.or()?),
            }
        }
        if parts.is_empty() {
            let column = self.peek().map_or(self.end, |(c, _)| c);
            return Err(QueryError::at(column, "expected a word, phrase or '('"));
        }
        Ok(one_or(parts, Node::And))
    }

    /// Alternatives joined by `OR`, which binds tighter than AND, as in web
    /// search: `troops kursk OR kharkiv` asks for troops in either place.
    fn or(&mut self) -> Result<Node, QueryError> {
        let mut branches = vec![self.unary()?];
        while let Some((_, Token::Or)) = self.peek() {
            self.pos += 1;
            branches.push(self.unary()?);
        }
        Ok(one_or(branches, Node::Or))
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        match self.peek() {
            Some((_, Token::Minus | Token::Not)) => {
                self.pos += 1;
                Ok(Node::Not(Box::new(self.unary()?)))
            }
            _ => self.primary(),
        }
    }

    fn primary(&mut self) -> Result<Node, QueryError> {
        let Some((column, token)) = self.peek() else {
            return Err(QueryError::at(self.end, "expected a word, phrase or '('"));
        };
        let token = token.clone();
        self.pos += 1;
        match token {
            Token::Open => {
                let node = self.and()?;
                match self.peek() {
                    Some((_, Token::Close)) => {
                        self.pos += 1;
                        Ok(node)
                    }
                    _ => Err(QueryError::at(column, "unclosed '('")),
                }
            }
            Token::Field(field) => match self.peek().map(|(c, t)| (c, t.clone())) {
                Some((_, Token::Open)) => {
                    let outer = self.field.replace(field);
                    let group = self.primary();
                    self.field = outer;
                    group
                }
                Some((at, word @ (Token::Word { .. } | Token::Phrase { .. }))) => {
                    self.pos += 1;
                    term(Some(field), at, word)
                }
                _ => Err(QueryError::at(
                    column,
                    "a field needs a word, phrase or group after ':'",
                )),
            },
            Token::Word { .. } | Token::Phrase { .. } => term(self.field, column, token),
            Token::Close => Err(QueryError::at(column, "unmatched ')'")),
            Token::And | Token::Or => Err(needs_both_sides(column)),
            Token::Minus | Token::Not => unreachable!("handled by unary"),
        }
    }
}

fn needs_both_sides(column: usize) -> QueryError {
    QueryError::at(column, "AND/OR needs a word, phrase or group on both sides")
}

/// A word or phrase token at `column`, in `field`: the one it names, or that
/// of the group it is in, or `None` for the default fields.
fn term(field: Option<QueryField>, column: usize, token: Token) -> Result<Node, QueryError> {
    let (text, phrase, prefix, slop, edits) = match token {
        Token::Word {
            text,
            prefix,
            fuzzy,
        } => (text, false, prefix, 0, fuzzy),
        // In an entity field a name's `~` or `~N` asks for other spellings,
        // as a word's does: a name has no slop.
        Token::Phrase {
            text,
            prefix,
            slop,
            tilde,
        } => match field {
            Some(QueryField::Entity(_)) if tilde || slop > 0 => {
                if slop > u32::from(MAX_EDITS) {
                    return Err(QueryError::at(
                        column,
                        format!("a name takes at most {MAX_EDITS} edits ('~{MAX_EDITS}')"),
                    ));
                }
                let edits = (!tilde).then_some(slop as u8);
                (
                    text,
                    true,
                    prefix,
                    0,
                    Some(Fuzzy {
                        edits,
                        terms: Vec::new(),
                    }),
                )
            }
            _ if tilde => {
                return Err(QueryError::at(
                    column,
                    "'~' after a phrase takes a number, how far its words may move; \
                     alone it asks for other spellings of a name in an entity field",
                ))
            }
            _ => (text, true, prefix, slop, None),
        },
        _ => unreachable!("only words and phrases are terms"),
    };
    if edits.is_some() && matches!(field, Some(QueryField::Source | QueryField::Date)) {
        return Err(QueryError::at(
            column,
            "'~' finds other spellings of words and names, not of sources or dates",
        ));
    }
    if phrase && text.trim().is_empty() {
        return Err(QueryError::at(column, "empty phrase"));
    }
    if prefix && matches!(field, Some(QueryField::Entity(_))) {
        return Err(QueryError::at(
            column,
            "an entity field takes a whole name, not a prefix",
        ));
    }
    if field == Some(QueryField::Date) {
        if prefix {
            return Err(QueryError::at(
                column,
                "a date field takes dates, not a prefix",
            ));
        }
        super::filters::parse_dates(&text).map_err(|e| QueryError::at(column, e.message))?;
    }
    let text = if phrase || prefix {
        text
    } else {
        without_possessive(text)
    };
    Ok(Node::Match {
        field,
        text,
        phrase,
        prefix,
        slop,
        fuzzy: edits.filter(|fuzzy| fuzzy.edits != Some(0)),
    })
}

/// A word without its possessive `'s` (`Arabia's` → `Arabia`): the word alone
/// then matches the name however the text inflects it, where the analyzer's
/// `arabia` `s` would ask for the possessive. A phrase keeps it, as written.
fn without_possessive(word: String) -> String {
    let stem = ["'s", "'S", "\u{2019}s", "\u{2019}S"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .filter(|stem| stem.chars().last().is_some_and(char::is_alphanumeric));
    match stem {
        Some(stem) => stem.to_string(),
        None => word,
    }
}

fn one_or(mut nodes: Vec<Node>, wrap: fn(Vec<Node>) -> Node) -> Node {
    if nodes.len() == 1 {
        nodes.pop().expect("one node")
    } else {
        wrap(nodes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn matcher(field: Option<QueryField>, text: String, phrase: bool, prefix: bool) -> Node {
        Node::Match {
            field,
            text,
            phrase,
            prefix,
            slop: 0,
            fuzzy: None,
        }
    }

    /// A word or phrase that asks for other spellings.
    fn spellings(field: Option<QueryField>, text: &str, phrase: bool, edits: Option<u8>) -> Node {
        Node::Match {
            field,
            text: text.into(),
            phrase,
            prefix: false,
            slop: 0,
            fuzzy: Some(Fuzzy {
                edits,
                terms: Vec::new(),
            }),
        }
    }

    fn word(text: &str) -> Node {
        matcher(None, text.into(), false, false)
    }

    #[test]
    fn only_words_of_titles_and_text_that_a_match_needs_score() {
        let scores = |q: &str| parse(q).unwrap().unwrap().scores();
        assert!(scores("oil"));
        assert!(scores("title:oil person:Baker"));
        assert!(scores("person:Baker OR \"oil prices\""));
        assert!(!scores("person:Baker"));
        assert!(!scores("source:Reuters place:Kursk -oil"));
        assert!(!scores("-oil"));
    }

    #[test]
    fn plain_words_are_those_a_match_needs_as_written() {
        let words = |q: &str| {
            let node = parse(q).unwrap().unwrap();
            node.plain_words()
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            words("oil title:(opec OR crude) -gas \"a b\" econ* kyiv~ person:x text:y"),
            ["oil", "opec", "crude", "y"]
        );
    }

    #[test]
    fn a_node_knows_whether_a_word_asks_for_other_spellings() {
        let fuzzy = |q: &str| parse(q).unwrap().unwrap().has_fuzzy();
        assert!(fuzzy("oil opec~"));
        assert!(fuzzy("title:(oil OR -opec~1)"));
        assert!(!fuzzy("oil opec~0 \"crude oil\"~2"));
    }

    #[test]
    fn words_are_anded() {
        assert_eq!(
            parse("oil prices").unwrap(),
            Some(Node::And(vec![word("oil"), word("prices")]))
        );
        assert_eq!(parse("oil AND prices"), parse("oil prices"));
        assert_eq!(parse("  ").unwrap(), None);
    }

    #[test]
    fn or_binds_tighter_than_and() {
        let b_or_c = Node::Or(vec![word("b"), word("c")]);
        assert_eq!(
            parse("a b OR c").unwrap(),
            Some(Node::And(vec![word("a"), b_or_c.clone()]))
        );
        assert_eq!(parse("a AND b OR c"), parse("a b OR c"));
        assert_eq!(
            parse("b OR c a").unwrap(),
            Some(Node::And(vec![b_or_c, word("a")]))
        );
        assert_eq!(
            parse("(a b) OR c").unwrap(),
            Some(Node::Or(vec![
                Node::And(vec![word("a"), word("b")]),
                word("c")
            ]))
        );
        assert_eq!(
            parse("-a OR b").unwrap(),
            Some(Node::Or(vec![Node::Not(Box::new(word("a"))), word("b")]))
        );
    }

    #[test]
    fn phrases_fields_prefixes_and_negation() {
        assert_eq!(
            parse(r#"title:"oil prices" -opec NOT gas econ* source:reuters"#).unwrap(),
            Some(Node::And(vec![
                matcher(Some(QueryField::Title), "oil prices".into(), true, false),
                Node::Not(Box::new(word("opec"))),
                Node::Not(Box::new(word("gas"))),
                matcher(None, "econ".into(), false, true),
                matcher(Some(QueryField::Source), "reuters".into(), false, false),
            ]))
        );
    }

    #[test]
    fn a_date_field_takes_a_period_or_a_span_and_scores_nothing() {
        let date = |text: &str| matcher(Some(QueryField::Date), text.into(), false, false);
        let query = parse("coffee date:1987-03..1987-04 -date:1987-03-05").unwrap();
        assert_eq!(
            query,
            Some(Node::And(vec![
                word("coffee"),
                date("1987-03..1987-04"),
                Node::Not(Box::new(date("1987-03-05"))),
            ]))
        );
        assert!(!parse("date:2019..").unwrap().unwrap().scores());
        let is_date = |f| f == QueryField::Date;
        assert!(parse("oil -date:2019")
            .unwrap()
            .unwrap()
            .names_field(&is_date));
        assert!(!parse("oil title:date")
            .unwrap()
            .unwrap()
            .names_field(&is_date));
    }

    #[test]
    fn entity_fields_name_a_kind_or_any() {
        let entity = |kind, name: &str, phrase| {
            matcher(Some(QueryField::Entity(kind)), name.into(), phrase, false)
        };
        assert_eq!(
            parse(r#"person:"Mark Rutte" ORG:nato -place:kursk entity:opec"#).unwrap(),
            Some(Node::And(vec![
                entity(Some(EntityKind::Person), "Mark Rutte", true),
                entity(Some(EntityKind::Organisation), "nato", false),
                Node::Not(Box::new(entity(Some(EntityKind::Location), "kursk", false))),
                entity(None, "opec", false),
            ]))
        );
    }

    #[test]
    fn a_field_before_a_group_applies_to_the_words_inside() {
        let title =
            |text: &str, phrase| matcher(Some(QueryField::Title), text.into(), phrase, false);
        let person = |text: &str| {
            matcher(
                Some(QueryField::Entity(Some(EntityKind::Person))),
                text.into(),
                false,
                false,
            )
        };
        assert_eq!(
            parse(r#"title:(oil OR "natural gas") -opec"#).unwrap(),
            Some(Node::And(vec![
                Node::Or(vec![title("oil", false), title("natural gas", true)]),
                Node::Not(Box::new(word("opec"))),
            ]))
        );
        assert_eq!(
            parse("-person:(Zelensky Putin) troops").unwrap(),
            Some(Node::And(vec![
                Node::Not(Box::new(Node::And(vec![
                    person("Zelensky"),
                    person("Putin")
                ]))),
                word("troops"),
            ]))
        );
        // A word inside that names its own field keeps it, and the group's
        // field ends with the group.
        assert_eq!(
            parse("title:(oil source:reuters) gas").unwrap(),
            Some(Node::And(vec![
                Node::And(vec![
                    title("oil", false),
                    matcher(Some(QueryField::Source), "reuters".into(), false, false),
                ]),
                word("gas"),
            ]))
        );
    }

    #[test]
    fn a_word_drops_its_possessive_and_a_phrase_keeps_it() {
        assert_eq!(
            parse("Arabia's ARABIA'S Blair\u{2019}s").unwrap(),
            Some(Node::And(vec![
                word("Arabia"),
                word("ARABIA"),
                word("Blair")
            ]))
        );
        assert_eq!(
            parse(r#"person:Trump's "Saudi Arabia's""#).unwrap(),
            Some(Node::And(vec![
                matcher(
                    Some(QueryField::Entity(Some(EntityKind::Person))),
                    "Trump".into(),
                    false,
                    false
                ),
                matcher(None, "Saudi Arabia's".into(), true, false),
            ]))
        );
        assert_eq!(parse("'s").unwrap(), Some(word("'s")));
    }

    #[test]
    fn a_phrase_takes_a_slop_after_its_closing_quote() {
        let sloppy = |text: &str, slop| Node::Match {
            field: None,
            text: text.into(),
            phrase: true,
            prefix: false,
            slop,
            fuzzy: None,
        };
        assert_eq!(
            parse(r#""oil prices"~3 "crude"~0"#).unwrap(),
            Some(Node::And(vec![sloppy("oil prices", 3), sloppy("crude", 0)]))
        );
        // A tilde that no number follows asks for a name's other spellings,
        // which a phrase of text has none of.
        assert_eq!(
            parse(r#"oil "oil prices"~ x"#).unwrap_err().to_string(),
            "query error at column 5: '~' after a phrase takes a number, how far its \
             words may move; alone it asks for other spellings of a name in an entity field"
        );
        let person = Some(QueryField::Entity(Some(EntityKind::Person)));
        let name = |edits| spellings(person, "volodymyr zelensky", true, edits);
        assert_eq!(
            parse(r#"person:"volodymyr zelensky"~"#).unwrap(),
            Some(name(None))
        );
        assert_eq!(
            parse(r#"person:"volodymyr zelensky"~1"#).unwrap(),
            Some(name(Some(1)))
        );
        assert_eq!(
            parse(r#"person:"volodymyr zelensky"~3"#)
                .unwrap_err()
                .to_string(),
            "query error at column 8: a name takes at most 2 edits ('~2')"
        );
        assert_eq!(
            parse(r#""a b"~99999999999"#).unwrap_err().to_string(),
            "query error at column 6: slop 99999999999 is too large"
        );
    }

    #[test]
    fn a_tilde_after_a_word_asks_for_other_spellings() {
        let fuzzy = |text: &str, edits| spellings(None, text, false, edits);
        assert_eq!(
            parse("zelensky~1 kyiv~2").unwrap(),
            Some(Node::And(vec![
                fuzzy("zelensky", Some(1)),
                fuzzy("kyiv", Some(2))
            ]))
        );
        // Without a number, the length of the term decides, and `~0` is the
        // word.
        assert_eq!(parse("zelensky~").unwrap(), Some(fuzzy("zelensky", None)));
        assert_eq!(parse("kyiv~0").unwrap(), Some(word("kyiv")));
        let by_length = Fuzzy::by_length();
        let edits: Vec<u8> = ["un", "run", "kyiv", "zelenski", "zürich"]
            .map(|term| by_length.edits_for(term))
            .to_vec();
        assert_eq!(edits, [0, 1, 1, 2, 2]);
        assert_eq!(
            fuzzy_suffix("run~1", 1)
                .unwrap()
                .1
                .unwrap()
                .edits_for("run"),
            1
        );
        assert_eq!(
            parse("title:kyiv~1").unwrap(),
            Some(spellings(Some(QueryField::Title), "kyiv", false, Some(1)))
        );
        // A tilde inside a word, or alone, is part of the word.
        assert_eq!(parse("a~b").unwrap(), Some(word("a~b")));
        assert_eq!(parse("~").unwrap(), Some(word("~")));
        assert_eq!(parse("~2").unwrap(), Some(word("~2")));
        let err = |q: &str| parse(q).unwrap_err().to_string();
        assert_eq!(
            err("oil kyiv~3"),
            "query error at column 9: a word takes at most 2 edits ('~2')"
        );
        assert_eq!(
            err("oil*~1"),
            "query error at column 1: a word takes '*' for a prefix or '~' for other \
             spellings, not both"
        );
        for (query, column) in [
            ("source:bbc~1", 8),
            ("date:2020~1", 6),
            ("oil source:un~", 12),
        ] {
            assert_eq!(
                err(query),
                format!(
                    "query error at column {column}: '~' finds other spellings of words and \
                     names, not of sources or dates"
                ),
                "{query}"
            );
        }
        let person = parse("person:zelensky~").unwrap().unwrap();
        assert!(matches!(
            person,
            Node::Match {
                field: Some(QueryField::Entity(Some(EntityKind::Person))),
                fuzzy: Some(Fuzzy { edits: None, .. }),
                ..
            }
        ));
    }

    #[test]
    fn colons_inside_words_are_not_fields() {
        assert_eq!(parse("10:30").unwrap(), Some(word("10:30")));
        assert_eq!(parse("note:").unwrap(), Some(word("note:")));
        assert_eq!(
            parse("note: oil").unwrap(),
            Some(Node::And(vec![word("note:"), word("oil")]))
        );
    }

    #[test]
    fn a_field_may_have_spaces_after_its_colon() {
        for (spaced, joined) in [
            ("person: Putin", "person:Putin"),
            (
                "troops place:  kursk -org: nato",
                "troops place:kursk -org:nato",
            ),
            ("title: (oil OR gas)", "title:(oil OR gas)"),
            ("Title: \"crude oil\"", "title:\"crude oil\""),
        ] {
            assert_eq!(parse(spaced).unwrap(), parse(joined).unwrap(), "{spaced}");
        }
        assert_eq!(
            parse("oil person:").unwrap_err().to_string(),
            "query error at column 5: a field needs a word, phrase or group after ':'"
        );
    }

    #[test]
    fn errors_name_the_column() {
        let err = |q: &str| parse(q).unwrap_err().to_string();
        assert_eq!(
            err(r#"oil "prices"#),
            "query error at column 5: unclosed '\"'"
        );
        assert_eq!(err("(oil OR gas"), "query error at column 1: unclosed '('");
        assert_eq!(err("oil)"), "query error at column 4: unmatched ')'");
        assert_eq!(
            err("oil OR"),
            "query error at column 7: expected a word, phrase or '('"
        );
        let both_sides = "AND/OR needs a word, phrase or group on both sides";
        assert_eq!(
            err("oil AND"),
            format!("query error at column 5: {both_sides}")
        );
        assert_eq!(
            err("(oil AND) gas"),
            format!("query error at column 6: {both_sides}")
        );
        assert_eq!(
            err("oil AND OR gas"),
            format!("query error at column 5: {both_sides}")
        );
        assert_eq!(
            err("author:smith"),
            "query error at column 1: unknown field 'author' (known: title, text, source, \
             date, person, org, place, other, entity)"
        );
        assert_eq!(
            err("person:zel*"),
            "query error at column 8: an entity field takes a whole name, not a prefix"
        );
        assert_eq!(
            err("org:(nato OR zel*)"),
            "query error at column 14: an entity field takes a whole name, not a prefix"
        );
        assert_eq!(
            err("oil date:1987-13"),
            "query error at column 10: date: cannot read \"1987-13\" (use YYYY-MM-DD, \
             YYYY-MM, YYYY or FROM..TO, where either end may be left out)"
        );
        assert_eq!(
            err("date:(1987 OR 1988*)"),
            "query error at column 15: a date field takes dates, not a prefix"
        );
        assert_eq!(err("title:(oil"), "query error at column 7: unclosed '('");
        assert_eq!(
            err("title:-oil"),
            "query error at column 1: a field needs a word, phrase or group after ':'"
        );
        assert_eq!(
            err(r#"title:"" oil"#),
            "query error at column 7: empty phrase"
        );
    }

    proptest! {
        #[test]
        fn never_panics(input in r#"[a-z:"()*\- ORANDT~0-9'’é]{0,30}"#) {
            let _ = parse(&input);
        }
    }
}
