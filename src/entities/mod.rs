//! Entity extraction: a pipeline stage between text shaping and indexing.
//!
//! Each [`Extractor`] looks at an article and names the entities it mentions: the
//! input's own metadata, and the trained tagger. The stage links the mentions to
//! canonical names ([`link`]) and merges them into one list.

use crate::article::{Article, Entity, EntityKind};
use crate::fold::fold;
use crate::ner::tagger::WordSet;
use crate::ner::Mention;
use crate::text::sentences::GIVEN_NAMES;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

pub mod initials;
pub mod link;

/// Finds entity mentions in an article.
pub trait Extractor: Send + Sync {
    fn extract(&self, article: &Article) -> Mentions;
}

/// What an extractor found in one article.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// One entry per mention, so repeats count.
    pub entities: Vec<Entity>,
    /// Tokens the extractor read to find them (none for metadata).
    pub tokens: usize,
}

/// Entities the input itself carries (JSON `entities`, Reuters PEOPLE/ORGS/PLACES).
pub struct Metadata;

impl Extractor for Metadata {
    fn extract(&self, article: &Article) -> Mentions {
        Mentions {
            entities: article.entities.clone(),
            tokens: 0,
        }
    }
}

/// Entities the trained tagger finds in the title and body.
pub struct Tagged {
    tagger: &'static crate::ner::tagger::Tagger,
}

impl Tagged {
    pub fn new(tagger: &'static crate::ner::tagger::Tagger) -> Tagged {
        Tagged { tagger }
    }
}

impl Extractor for Tagged {
    fn extract(&self, article: &Article) -> Mentions {
        if !article.may_be_english() {
            return Mentions::default();
        }
        let body = article.body.as_str();
        let title = in_body_case(&article.title, body, self.tagger);
        let title = title.as_ref();
        let (found, tokens) = crate::ner::find(self.tagger, &[title, body]);
        let [in_title, in_body]: [Vec<Mention>; 2] = found.try_into().expect("two texts");
        // A place after a town and a comma may be a state's abbreviation.
        let named = |text: &str, found: Vec<Mention>| -> Vec<Entity> {
            found
                .into_iter()
                .map(|f| match f.kind {
                    EntityKind::Location => Entity::new(
                        f.kind,
                        link::state_after_town(text, f.range.clone()).unwrap_or(&text[f.range]),
                    ),
                    kind => Entity::new(kind, &text[f.range]),
                })
                .collect()
        };
        let in_body = mended(self.tagger, body, in_body);
        let in_title = mend(self.tagger, title, in_title, false);
        let in_title = without_title_opener(title, body, in_title, &self.tagger.common);
        let in_title = headline_names_from_body(title, in_title, body, &in_body);
        let mut entities = named(body, in_body);
        entities.extend(headline_names(
            title,
            body,
            named(title, in_title),
            &self.tagger.common,
        ));
        Mentions { entities, tokens }
    }
}

/// What the tagger found in an article's body, `found`, mended by the rules
/// below: a hyphenated given name joins the person before it, pieces of a known
/// name give way to the whole, a name after a title is a person, interjections
/// ("OK"), time zones ("GMT"), plurals of acronyms ("PCs") and acronyms of common
/// nouns ("PC") go, a one-word name found only where a sentence opens goes if the
/// body vouches for it nowhere else, and a country is a place. `ner tag` prints
/// these mentions.
pub fn mended(
    tagger: &crate::ner::tagger::Tagger,
    body: &str,
    found: Vec<Mention>,
) -> Vec<Mention> {
    mend(tagger, body, found, true)
}

/// The rules of [`mended`], for a body or a title. A title keeps its lone
/// sentence openers: [`headline_names`] tests its names against the body.
fn mend(
    tagger: &crate::ner::tagger::Tagger,
    text: &str,
    found: Vec<Mention>,
    body: bool,
) -> Vec<Mention> {
    let found = slashes_split(text, brackets_balanced(text, found), &tagger.gazetteer);
    let found = without_nameless_words(text, compound_heads(tagger, text, found));
    let found = stations_with_numbers(text, compass_points_joined(text, found));
    let found = roman_numerals_kept(text, found);
    let found = joined_names(text, found);
    let found = with_first_words(text, pieces_joined(text, found));
    let found = initials_cut(text, found, tagger);
    let found = with_known_names(text, found);
    let found = with_legal_forms(text, found, &tagger.gazetteer);
    let found = with_given_names(text, partnerships(text, found, tagger));
    let found = people_after_titles(text, found);
    let found = match body {
        true => without_lone_openers(text, found, &tagger.common),
        false => found,
    };
    let found = without_common_others(text, found, &tagger.common);
    let found = lists_of_one_kind(text, found);
    let found = countries_as_places(text, found, &tagger.gazetteer);
    let found = towns_before_states(text, found, &tagger.gazetteer);
    kinds_from_neighbours(text, found, &tagger.common)
}

/// The mentions found in `text`, but for a one-word other name that is one of
/// the model's `common` words with a capital, right after another name: the
/// "Embassy" of "U.S. Embassy" (an other name in 29 articles), the "Bonds" of
/// "U.S. Bonds". Names after "the" stay: "the Budget" and "the Cabinet" go,
/// but so would "the Premiership" and "the Games", which are names.
fn without_common_others(text: &str, mut found: Vec<Mention>, common: &WordSet) -> Vec<Mention> {
    let name_ends: HashSet<usize> = found.iter().map(|f| f.range.end).collect();
    found.retain(|f| {
        let name = &text[f.range.clone()];
        if f.kind != EntityKind::Other || name.contains(char::is_whitespace) {
            return true;
        }
        let before = text[..f.range.start]
            .strip_suffix([' ', '\n'])
            .unwrap_or_default();
        let after_name = name_ends.contains(&before.len());
        !(after_name
            && name.starts_with(char::is_uppercase)
            && common.contains(&name.to_lowercase()))
    });
    found
}

/// The mentions found in `text`, each name of a list of four names or more
/// ("Dallas, Boston, Denver and Newark") of the kind of all the others when it
/// alone differs: the tagger took "Denver" of "Boston, Denver, Newark and
/// Philadelphia" for a person, and "Barbra Streisand" of a list of singers for
/// an organisation. The names of a list stand a comma, "and" or "or" apart, or
/// a comma and either. Other names are left as they are, as the odd one out and
/// as the others: "Brazil, Colombia and Central American coffee". A list of
/// three was tried too: it moved three times as many names, but a third of
/// them to the wrong kind ("Hurricanes Harvey, Irma, and Maria").
fn lists_of_one_kind(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    let listed = |a: &Mention, b: &Mention| {
        // At most ",\n and ": most mentions stand further apart.
        let between = (text.get(a.range.end..b.range.start)).filter(|between| between.len() <= 8);
        let between = between.unwrap_or_default();
        let mut words = between.split_whitespace();
        match (words.next(), words.next(), words.next()) {
            (Some(","), None | Some("and" | "or"), None) => between.starts_with(','),
            (Some("and" | "or"), None, None) => between.starts_with(char::is_whitespace),
            _ => false,
        }
    };
    let named = |kind| kind != EntityKind::Other;
    let mut start = 0;
    while start < found.len() {
        let mut end = start + 1;
        while end < found.len() && listed(&found[end - 1], &found[end]) {
            end += 1;
        }
        let list = &mut found[start..end];
        start = end;
        if list.len() < 4 {
            continue;
        }
        for odd in 0..list.len() {
            let mut others = (0..list.len()).filter(|&i| i != odd).map(|i| list[i].kind);
            let kind = others.next().expect("four names");
            let (was, agree) = (list[odd].kind, others.all(|k| k == kind));
            if agree && kind != was && named(kind) && named(was) {
                list[odd].kind = kind;
                break;
            }
        }
    }
    found
}

/// `found` without the words the tagger took for names that name nothing,
/// wherever they stand:
/// - interjections: the "OK" of "his boy is OK" and the "Oh" of quoted speech
///   were an organisation and a place in 14 articles each of SemEval;
/// - plurals of acronyms ("PCs", "CDs", "MEPs"), which were names of every
///   kind in 258 article entries over Reuters, Wikinews, SemEval and BBC;
/// - time zones in capitals: Reuters gives prices and times "at 1500 GMT",
///   which made GMT an other name in 180 articles;
/// - acronyms of common nouns, alone: "PC" of "PC users" and "CD" of "CD rates"
///   were organisations in 90 and 43 articles. "PC World" stays. A few go
///   spelt out too ("Gross National Product", 11 articles); finding them by
///   their initials would drop "Sperry Marine Systems" and "China Central TV";
/// - credit ratings with a sign ("BBB-plus", "AA-minus") or rated ("B-rated"),
///   other names in 120 article entries of Reuters, and grades of Moody's
///   scale with a number ("A-1", "B-2") in an article that names a rating
///   agency, 110 more; the B-1 and B-2 are bombers too;
/// - a word for a class alone or with its mark (`CLASSES`): "Class" of "Class A
///   common stock" was an organisation in 44 articles, and "Category" of
///   "Category 4 hurricane" in 10;
/// - a part of a month: "end-February", "mid-April" and "end-Sep" of Reuters
///   were places and other names in 52 article entries.
fn without_nameless_words(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    const INTERJECTIONS: [&str; 12] = [
        "oh", "ok", "okay", "ah", "wow", "hey", "yeah", "yep", "nope", "huh", "oops", "whoa",
    ];
    const TIME_ZONES: [&str; 14] = [
        "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST",
        "JST",
    ];
    const COMMON_NOUNS: [&str; 27] = [
        "PC", "TV", "CD", "DVD", "VCR", "LCD", "HDTV", "PDA", "SMS", "CPU", "RAM", "MP3", "ID",
        "DNA", "VAT", "GDP", "GNP", "CEO", "CFO", "IPO", "AGM", "DJ", "UFO", "WMD", "CCTV", "MP",
        "MEP",
    ];
    let acronym_plural = |name: &str| {
        name.strip_suffix('s').is_some_and(|acronym| {
            acronym.len() >= 2 && acronym.bytes().all(|b| b.is_ascii_uppercase())
        })
    };
    const SPELT_OUT: [&str; 6] = [
        "gross national product",
        "gross domestic product",
        "value added tax",
        "personal computer",
        "chief executive officer",
        "initial public offering",
    ];
    // A name may break across lines ("Gross National\nProduct").
    let spelt_out = |name: &str, noun: &str| {
        let mut words = name.split_whitespace();
        noun.split(' ')
            .all(|word| words.next().is_some_and(|w| w.eq_ignore_ascii_case(word)))
            && words.next().is_none()
    };
    const CLASSES: [&str; 13] = [
        "Class", "Category", "Series", "Level", "Grade", "Phase", "Stage", "Tier", "Type",
        "Section", "Part", "Form", "Step",
    ];
    // "Class A", "Category 4", "Level VI", or the word alone.
    let class_mark = |name: &str| {
        if name.len() > "Category 4A.".len() {
            return false;
        }
        let (word, mark) = name.split_once(' ').unwrap_or((name, ""));
        CLASSES.contains(&word)
            && mark.trim_end_matches('.').len() <= 3
            && (mark.bytes()).all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
    };
    // Credit ratings: "BBB-plus", "AA-minus", "B-rated".
    let rating = |name: &str| {
        name.len() <= "BBB-minus".len()
            && name.rsplit_once('-').is_some_and(|(grade, word)| {
                ["plus", "minus", "rated"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(word))
                    && (1..=3).contains(&grade.len())
                    && grade.bytes().all(|b| matches!(b, b'A' | b'B' | b'C'))
            })
    };
    // Grades of Moody's scale with their number ("A-1", "Baa-3", "B2"), where
    // the article names a rating agency: the B-1 and B-2 are bombers too.
    let graded = |name: &str| {
        let grade = name.strip_suffix(['1', '2', '3']).unwrap_or_default();
        let grade = grade.strip_suffix('-').unwrap_or(grade);
        ["Aaa", "Aa", "A", "Baa", "Ba", "B", "Caa", "Ca", "C", "P"].contains(&grade)
    };
    let agencies = ["Moody's", "Standard and Poor's", "S and P", "S/P", "Fitch"];
    let rated = found.iter().any(|f| graded(&text[f.range.clone()]))
        && agencies.iter().any(|agency| text.contains(agency));
    let rated_grade = |name: &str| rated && graded(name);
    let part_of_month = |name: &str| {
        name.split_once('-').is_some_and(|(part, month)| {
            ["end", "mid", "early", "late"]
                .iter()
                .any(|p| p.eq_ignore_ascii_case(part))
                && crate::ingest::date::is_month(month)
        })
    };
    let common_noun = |name: &str| match name.contains(char::is_whitespace) {
        false => name.len() <= 4 && COMMON_NOUNS.contains(&name),
        true => name.len() >= 15 && SPELT_OUT.iter().any(|n| spelt_out(name, n)),
    };
    found.retain(|f| {
        let name = text[f.range.clone()].trim_end_matches(['.', '!', '?']);
        let interjection = (INTERJECTIONS.iter()).any(|word| word.eq_ignore_ascii_case(name));
        !interjection
            && !acronym_plural(name)
            && !TIME_ZONES.contains(&name)
            && !common_noun(name)
            && !rating(name)
            && !rated_grade(name)
            && !class_mark(name)
            && !part_of_month(name)
    });
    found
}

/// The mentions found in `text`, with the country and body aliases of two words
/// or more that the text writes ([`link::find_known`]) in place of the mentions
/// they overlap: the tagger cuts "General Agreement on Tariffs and Trade" in two,
/// and finds "Poor's" in "Standard and Poor's". A longer name the tagger found
/// around an alias stays ("Federal Reserve Bank of New York").
fn with_known_names(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    // An alias may start up to three words before the piece the tagger found
    // ("Standard and Poor's" around "Poor's"), and starts with a capital, after
    // a bracket or a quotation mark too ("GATT (General Agreement on Tariffs").
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    for f in &found {
        let mut at = f.range.start;
        for _ in 0..4 {
            let opens = usize::from(matches!(bytes[at], b'(' | b'[' | b'"' | b'\''));
            if bytes.get(at + opens).is_some_and(u8::is_ascii_uppercase) {
                starts.push(at + opens);
            }
            // The word before, apart by ASCII white space only: the byte after
            // it starts a character.
            let Some(end) = bytes[..at].iter().rposition(|b| !b.is_ascii_whitespace()) else {
                break;
            };
            at = bytes[..end]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(0, |space| space + 1);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let known = link::find_known(text, &starts);
    if known.is_empty() {
        return found;
    }
    for (range, (kind, _)) in known {
        let within_longer = found.iter().any(|f| {
            f.range.start <= range.start && range.end <= f.range.end && f.range.len() > range.len()
        });
        if within_longer {
            continue;
        }
        found.retain(|f| f.range.end <= range.start || range.end <= f.range.start);
        found.push(Mention {
            kind,
            range,
            opens_clause: false,
        });
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// The words that make a compound adjective of a name: "London-based",
/// "U.S.-made", "Oscar-winning", "Democratic-controlled".
const COMPOUND_WORDS: [&str; 26] = [
    "based",
    "born",
    "wide",
    "flagged",
    "registered",
    "listed",
    "made",
    "built",
    "produced",
    "owned",
    "led",
    "backed",
    "controlled",
    "run",
    "funded",
    "sponsored",
    "dominated",
    "style",
    "era",
    "winning",
    "nominated",
    "related",
    "speaking",
    "language",
    "compatible",
    "passed",
];

/// `found` with each compound adjective of a name ([`COMPOUND_WORDS`]) cut to the
/// name, of the kind the tagger gives that name alone, or a place where the
/// compound says where ("-based", "-born") and the tagger says a person or an
/// organisation. CoNLL takes "London-based" for an other name, and so does the
/// tagger: over Reuters, Wikinews, SemEval and BBC, 173 such "-based" names
/// stood in 506 article entries, "London-based" in 33 articles and
/// "Dallas-based" in 13. What they name is London and Dallas.
fn compound_heads(
    tagger: &crate::ner::tagger::Tagger,
    text: &str,
    mut found: Vec<Mention>,
) -> Vec<Mention> {
    for f in &mut found {
        let Some((head, word)) = text[f.range.clone()].rsplit_once('-') else {
            continue;
        };
        let head = head.trim_end_matches([',', '-']);
        if !COMPOUND_WORDS.contains(&word) || !head.contains(char::is_alphanumeric) {
            continue;
        }
        let (mut alone, _) = crate::ner::find(tagger, &[head]);
        if let [whole] = alone.pop().unwrap_or_default().as_slice() {
            if whole.range == (0..head.len()) {
                f.kind = whole.kind;
            }
        }
        // A town alone reads as a team to a tagger trained on sports results.
        let of_place = ["based", "born", "wide", "flagged", "registered"].contains(&word);
        if of_place && matches!(f.kind, EntityKind::Organisation | EntityKind::Person) {
            f.kind = EntityKind::Location;
        }
        f.range.end = f.range.start + head.len();
    }
    found
}

/// The mentions found in `text`, a name of names a slash runs together cut into
/// them, when each is a known country, body or nationality or on the
/// gazetteer's lists of countries and US states: "U.S./Japan", "IMF/World
/// Bank" and "Malaysian/Singapore" were names of their own in 42 article
/// entries of Reuters. Each piece takes its own kind. A name of one company or
/// place stays whole ("Royal Dutch/Shell", "Capital Cities/ABC", "Dallas/Fort
/// Worth"), and so does one with a piece no list knows ("USDA/NOAA").
fn slashes_split(
    text: &str,
    found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    if !found.iter().any(|f| text[f.range.clone()].contains('/')) {
        return found;
    }
    let kind_of = |piece: &str| match link::known(piece) {
        Some((kind, _)) => Some(kind),
        None => is_country_or_state(gazetteer, piece).then_some(EntityKind::Location),
    };
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for f in found {
        let name = &text[f.range.clone()];
        let mut pieces: Vec<Mention> = Vec::new();
        let mut start = f.range.start;
        for piece in name.split('/') {
            let range = start..start + piece.len();
            start = range.end + 1;
            match kind_of(piece) {
                Some(kind) if !piece.is_empty() => pieces.push(Mention {
                    kind,
                    range,
                    opens_clause: f.opens_clause && pieces.is_empty(),
                }),
                _ => break,
            }
        }
        match pieces.len() == name.split('/').count() && pieces.len() > 1 {
            true => out.extend(pieces),
            false => out.push(f),
        }
    }
    out
}

/// The mentions found in `text` with their brackets balanced. The tagger takes
/// a closing bracket inside a company's name for part of it, but not the
/// opening one: it cut "Nikko Securities Co (Europe) Ltd" into "Nikko
/// Securities Co" and "Europe) Ltd", which was an organisation in 8 articles of
/// Reuters. So a name with a closing bracket it does not open:
/// - joins the name before it when " (" alone stands between, and words follow
///   the bracket or come before it in lower case ("Jardine Fleming
///   (Securities)", which the legal form after it then joins);
/// - else keeps the words after the bracket, or those before it if none follow
///   a space after it: "Alan) Greenspan" gives "Greenspan", and "USA)" of
///   "Cargill (USA)" and "EC)/OAPEC" of "European Community (EC)/OAPEC" give
///   "USA" and "EC".
///
/// A name with an opening bracket it does not close loses a bracket it opens
/// with ("(Ali"), takes the closing bracket right after it where a space comes
/// before the opening one ("Nikko Securities Co (Deutschland"), or else loses
/// the bracket and what follows it ("Sheridan (Burns", "British National
/// Party(BNP"). A name left with no letter goes.
fn brackets_balanced(text: &str, found: Vec<Mention>) -> Vec<Mention> {
    // Where the first bracket that `name` does not close or open stands.
    let unbalanced = |name: &str| {
        let mut open: Vec<usize> = Vec::new();
        for at in memchr::memchr2_iter(b'(', b')', name.as_bytes()) {
            match name.as_bytes()[at] {
                b'(' => open.push(at),
                _ if open.pop().is_none() => return Some((at, ')')),
                _ => {}
            }
        }
        open.first().map(|&at| (at, '('))
    };
    let bracketed = |f: &Mention| memchr::memchr2(b'(', b')', text[f.range.clone()].as_bytes());
    if !found.iter().any(|f| bracketed(f).is_some()) {
        return found;
    }
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for mut f in found {
        let name = &text[f.range.clone()];
        match unbalanced(name) {
            None => {}
            Some((at, ')')) => {
                // "Cargill (USA)" is a company and a place, and "European
                // Community (EC)/OAPEC" a body and its acronym.
                let acronym = !name[..at].contains(char::is_lowercase);
                let words_after = name[at + 1..].starts_with(' ');
                let joins = (out.last())
                    .is_some_and(|last| text[last.range.end..f.range.start] == *" (")
                    && (words_after || !acronym);
                if let Some(last) = out.last_mut().filter(|_| joins) {
                    last.range.end = f.range.end;
                    if f.kind == EntityKind::Organisation {
                        last.kind = f.kind;
                    }
                    continue;
                }
                let after = &name[at + 1..];
                f.range = match after.trim_start().is_empty() || !words_after {
                    true => f.range.start..f.range.start + name[..at].trim_end().len(),
                    false => f.range.end - after.trim_start().len()..f.range.end,
                };
            }
            Some((0, _)) => f.range.start += 1,
            Some((at, _)) => {
                match text[f.range.end..].starts_with(')') && name[..at].ends_with(' ') {
                    true => f.range.end += 1,
                    false => f.range.end = f.range.start + name[..at].trim_end().len(),
                }
            }
        }
        let name = &text[f.range.clone()];
        if name.contains(char::is_alphabetic) && unbalanced(name).is_none() {
            out.push(f);
        }
    }
    out
}

/// The mentions found in `text`, a person's name and a hyphenated given name
/// taken for an "other" name right after it, a space apart, joined into one
/// person's name: the tagger cut "Yang Moo-jin" into the person "Yang" and the
/// other name "Moo-jin". The given name's first part has two to four letters,
/// a capital and small ones, and its second part only small ones: "Doo-hwan",
/// "Chia-chi", not "Jackson-style" or "U-turn".
fn joined_names(text: &str, found: Vec<Mention>) -> Vec<Mention> {
    let given_name = |word: &str| {
        let Some((first, second)) = word.split_once('-') else {
            return false;
        };
        let mut letters = first.chars();
        letters.next().is_some_and(|c| c.is_ascii_uppercase())
            && (1..=3).contains(&letters.clone().count())
            && letters.all(|c| c.is_ascii_lowercase())
            && !second.is_empty()
            && second.chars().all(|c| c.is_ascii_lowercase())
    };
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = out.last_mut() {
            if last.kind == EntityKind::Person
                && f.kind == EntityKind::Other
                && text[last.range.end..f.range.start] == *" "
                && given_name(&text[f.range.clone()])
            {
                last.range.end = f.range.end;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// The mentions found in `text`, a point of the compass found alone ("North")
/// joined to the name right after it, a space or a line break apart, which
/// gives the whole its kind: the tagger cut "North American" into the place
/// "North" and the other name "American", and "North Korean" likewise. "North"
/// was a place in 48 articles of Reuters, Wikinews, SemEval and BBC.
fn compass_points_joined(text: &str, found: Vec<Mention>) -> Vec<Mention> {
    const POINTS: [&str; 9] = [
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    ];
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = out.last_mut() {
            let point = POINTS.contains(&&text[last.range.clone()]);
            if point && matches!(&text[last.range.end..f.range.start], " " | "\n") {
                last.range.end = f.range.end;
                last.kind = f.kind;
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// The mentions found in `text`, each stretched over a Roman numeral of two
/// letters or more right after it ("Mark IV", "Henry VIII"; "World War I"), and over the name
/// that opens with it, whose kind the whole takes: the tagger cut "Mark IV
/// Industries Inc" into the person "Mark" and the company "IV Industries Inc",
/// and "Mark" was a person in 19 articles of Reuters.
fn roman_numerals_kept(text: &str, found: Vec<Mention>) -> Vec<Mention> {
    // The length of the Roman numeral right after `m`, a space apart; one letter
    // only after a war ("World War I"): alone, "I" is a pronoun.
    let numeral = |m: &Mention| {
        let after = text[m.range.end..].strip_prefix([' ', '\n'])?;
        let len = after.bytes().take_while(|b| b"IVX".contains(b)).count();
        let word = &after[..len];
        let whole = !after[len..].starts_with(|c: char| c.is_alphanumeric() || c == '-');
        let war = text[m.range.clone()].ends_with(" War");
        let long = len >= 2 || war && word == "I";
        (long && whole && is_roman_numeral(word)).then_some(len)
    };
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(last) = out.last_mut() {
            if let Some(len) = numeral(last) {
                let end = last.range.end + 1 + len;
                if f.range.start == last.range.end + 1 {
                    // The tagger's "I. But" of "World War I. But" is no name of
                    // a war.
                    if !(f.range.end == end || text[end..].starts_with(' ')) {
                        out.push(f);
                        continue;
                    }
                    // A numeral alone is a generation's ("T. Boone Pickens
                    // III"), whatever the tagger took it for.
                    if f.range.end > end {
                        last.kind = f.kind;
                    }
                    last.range.end = f.range.end.max(end);
                    continue;
                }
                last.range.end = end;
            }
        }
        out.push(f);
    }
    if let Some(last) = out.last_mut() {
        last.range.end += numeral(last).map_or(0, |len| 1 + len);
    }
    out
}

/// Whether `word`, of the letters I, V and X, is a Roman numeral below 40 as
/// they are written: "IV", "VIII", "XIX", not "IIV" or "VV". "XV" is left out:
/// rugby writes a side so ("the England XV").
fn is_roman_numeral(word: &str) -> bool {
    let tens = word.bytes().take_while(|&b| b == b'X').count();
    let units = &word[tens..];
    tens <= 3
        && word != "XV"
        && matches!(
            units,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// The mentions found in `text`, an organisation's name that ends in "Radio" or
/// "Channel" stretched over the number right after it, a station's: the tagger
/// cut "BBC Radio 4" to "BBC Radio", which stood for every BBC station in 75
/// articles of Reuters, Wikinews, SemEval and BBC, and "Channel 4" to
/// "Channel", in 32.
fn stations_with_numbers(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    for f in &mut found {
        let name = &text[f.range.clone()];
        let station = name.ends_with("Radio") || name.ends_with("Channel");
        if f.kind != EntityKind::Organisation || !station {
            continue;
        }
        let Some(after) = text[f.range.end..].strip_prefix([' ', '\n']) else {
            continue;
        };
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let whole = !after[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '.');
        if (1..=2).contains(&digits) && whole {
            f.range.end += 1 + digits;
        }
    }
    found
}

/// The mentions found in `text`, a known place's or body's initials with full
/// stops and one common word after them cut to the initials: Reuters writes a
/// capital after "U.S." and "U.K." as if they ended a sentence ("U.S. Market",
/// "U.K. Government", "U.S. Will"), and the tagger ran the two into a name. The
/// word goes when the model counts it among its common words or it is a title
/// ("U.K. Chancellor of the Exchequer Nigel Lawson"), or the text writes it
/// in small letters too ("U.S. Tariffs" beside "tariffs") and it neither heads
/// bodies' names nor names one alone ("U.S. House", "U.S. Fed"), unless it is
/// one of the gazetteer's organisation words: "U.S. Treasury" and "U.S. Navy" stay,
/// and so does "U.S. Army", though the model's training text writes "army" in
/// lower case. "U.S. And West Germany", so written for the same reason, names
/// two: the United States, and the name after "And", of the same kind (a
/// place, as "Europe" and "Japan" are) and cut in turn.
fn initials_cut(
    text: &str,
    found: Vec<Mention>,
    tagger: &crate::ner::tagger::Tagger,
) -> Vec<Mention> {
    // A word the text also writes in small letters, but for one that names a
    // body alone ("Treasury", "Fed") or heads bodies' names ("House").
    let written_small = |word: &str, lower: &str| {
        has_word(text, lower, false) && link::known(word).is_none() && !link::heads_bodies(word)
    };
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let mut next = Some(f);
        while let Some(mut f) = next.take() {
            let name = &text[f.range.clone()];
            let initials = name.split(char::is_whitespace).next().unwrap_or_default();
            let stopped = (initials.strip_suffix('.')).is_some_and(|i| i.contains('.'));
            let known = (stopped && initials.len() < name.len())
                .then(|| link::known(initials))
                .flatten();
            if let Some((kind, _)) = known {
                let word = name[initials.len()..].trim_start();
                let head = f.range.start..f.range.start + initials.len();
                let one_word =
                    word.starts_with(char::is_uppercase) && !word.contains(char::is_whitespace);
                let lower = word.to_lowercase();
                let other = (word
                    .strip_prefix("And")
                    .or_else(|| word.strip_prefix("AND")))
                .filter(|other| other.starts_with(char::is_whitespace))
                .map(str::trim_start);
                if let Some(other) = other.filter(|o| o.starts_with(char::is_uppercase)) {
                    // "U.S. And West Germany" names two.
                    let range = f.range.end - other.len()..f.range.end;
                    next = Some(Mention {
                        kind,
                        range,
                        opens_clause: false,
                    });
                    (f.range, f.kind) = (head, kind);
                } else if one_word
                    && (tagger.common.contains(&lower)
                        || link::is_title(word)
                        || written_small(word, &lower))
                    && !tagger.gazetteer.has("org-word", word)
                {
                    (f.range, f.kind) = (head, kind);
                }
            }
            out.push(f);
        }
    }
    out
}

/// The mentions found in `text`, each organisation stretched over "General",
/// "First" or "Home" right before it: the tagger learnt these words as a
/// military title, an ordinal and a common word, and cut them off the names of
/// companies. Over Reuters and BBC it did so 125 times: "Electric Co" of
/// "General Electric Co", "Federal" of "First Federal" and "Home Federal",
/// "Chicago" of "First Chicago". Two of those were no company ("General
/// Election", "General Tala"), and keep the kind the tagger gave them.
fn with_first_words(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    let mut taken = 0;
    for f in &mut found {
        let between = &text[taken..f.range.start];
        taken = f.range.end;
        let Some(before) = between.strip_suffix([' ', '\n']) else {
            continue;
        };
        let word = ["General", "First", "Home"].into_iter().find(|word| {
            before
                .strip_suffix(word)
                .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric() || c == '-'))
        });
        if let Some(word) = word.filter(|_| f.kind == EntityKind::Organisation) {
            f.range.start -= word.len() + 1;
        }
    }
    found
}

/// The mentions found in `text`, each person or organisation stretched over a
/// given name abbreviated with a full stop right before it
/// ([`GIVEN_NAMES`]): the tagger leaves the "Alex." out of "Alex. Brown and
/// Sons Inc", which was "Brown and Sons" in 9 articles of Reuters.
fn with_given_names(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    let mut taken = 0;
    for f in &mut found {
        let before = &text[taken..f.range.start];
        taken = f.range.end;
        let Some(word) = before
            .strip_suffix([' ', '\n'])
            .and_then(|b| b.strip_suffix('.'))
        else {
            continue;
        };
        let start = last_word_start(word);
        let given = &word[start..];
        let named = matches!(f.kind, EntityKind::Person | EntityKind::Organisation);
        if named
            && given.starts_with(char::is_uppercase)
            && GIVEN_NAMES.iter().any(|g| g.eq_ignore_ascii_case(given))
        {
            f.range.start -= before.len() - start;
        }
    }
    found
}

/// The mentions found in `text`, with the pieces of a name the tagger cut at a
/// small word it seldom saw inside one joined again:
/// - a name that ends in the head of a body ("Commission", "Court",
///   "Convention") and the name right after it, when "of", "on", "for", "of
///   the" or "for the" stands between: "Presidential Commission" and "Good
///   Government", "U.S. District Court" and "Southern District", "European
///   Convention" and "Human Rights". The whole is an organisation, or an other
///   name if it is a convention (a law). "on the" is left out: "the Joint
///   Economic Committee on the Justice Department" names two. So is a person:
///   "Margaret Court of Australia";
/// - two names a word pair of [`NAME_PAIRS`] joins, one of them an
///   organisation: "Pacific Gas" and "Electric Co", "House Ways" and "Means
///   Committee", and the person "Lufkin" and "Jenrette Securities Corp". Two
///   places stay apart ("in Hongkong and Shanghai"), and other pairs name two
///   bodies ("IMF and World Bank", "Texaco and Pennzoil");
/// - an organisation and the name right after it, when the Portuguese or
///   Spanish "do", "da", "de" or "del" stands between: "Banco" and "Brasil" of
///   "Banco do Brasil", "GM" and "Brasil" of "GM do Brasil", a person in 11
///   articles. A person's name of two words or more stays apart: the tagger
///   took the "Sebastiao" of "Sebastiao do Rego Barros" for an organisation.
fn pieces_joined(text: &str, found: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for f in found {
        // "of the" and a line break or two at most stand between the pieces.
        let joined = out
            .last_mut()
            .filter(|last| f.range.start - last.range.end <= 16);
        if let Some(last) = joined {
            let mut between = text[last.range.end..f.range.start].split_whitespace();
            let between = (between.next(), between.next(), between.next());
            let small_word = matches!(
                between,
                (Some("of" | "on" | "for"), None, None) | (Some("of" | "for"), Some("the"), None)
            );
            let and = matches!(between, (Some("and" | "&"), None, None));
            let of = matches!(between, (Some("do" | "da" | "de" | "del"), None, None));
            let name = &text[last.range.clone()];
            let next = &text[f.range.clone()];
            let head = || name.rsplit(char::is_whitespace).next().unwrap_or_default();
            let body = small_word
                && last.kind != EntityKind::Person
                && next.starts_with(char::is_uppercase)
                && link::heads_bodies(head());
            let first = || next.split(char::is_whitespace).next().unwrap_or_default();
            let pair = and
                && (last.kind == EntityKind::Organisation || f.kind == EntityKind::Organisation)
                && NAME_PAIRS.iter().any(|(a, b)| {
                    a.eq_ignore_ascii_case(head()) && b.eq_ignore_ascii_case(first())
                });
            let unit = of
                && last.kind == EntityKind::Organisation
                && next.starts_with(char::is_uppercase)
                && (f.kind != EntityKind::Person || !next.contains(char::is_whitespace));
            if body || pair || unit {
                last.range.end = f.range.end;
                last.kind = match body && head().eq_ignore_ascii_case("convention") {
                    true => EntityKind::Other,
                    false => EntityKind::Organisation,
                };
                continue;
            }
        }
        out.push(f);
    }
    out
}

/// Word pairs that "and" or "&" joins inside names, and the tagger cut there:
/// over Reuters and BBC, "Savings and Loan" 41 times, "Ways and Means" 27,
/// "Gas and Electric" 22, "Hongkong and Shanghai" 9, "Lufkin and Jenrette" 9.
const NAME_PAIRS: [(&str, &str); 9] = [
    ("savings", "loan"),
    ("ways", "means"),
    ("gas", "electric"),
    ("hongkong", "shanghai"),
    ("lufkin", "jenrette"),
    ("management", "budget"),
    ("exploration", "production"),
    ("power", "light"),
    ("telephone", "telegraph"),
];

/// The mentions found in `text`, each that the text follows with a company's
/// legal form stretched over it and made an organisation: the tagger takes
/// firms named after people for people, and leaves the legal form out ("E.F.
/// Hutton" of "E.F. Hutton and Co Inc", "Dillon Read" of "Dillon Read and
/// Co"). The form must start with a capital: "Trump and co" is no firm. A
/// country keeps its kind: "Sweden" of "Nobel Industrier Sweden AB" is the end
/// of a name the tagger cut in two.
fn with_legal_forms(
    text: &str,
    mut found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    let mut taken = 0;
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for mut f in found.drain(..) {
        if f.range.start < taken {
            continue;
        }
        let end = legal_form_end(text, f.range.end);
        if end > f.range.end && !gazetteer.has("country", &text[f.range.clone()]) {
            f.range.end = end;
            f.kind = EntityKind::Organisation;
        }
        taken = f.range.end;
        out.push(f);
    }
    out
}

/// The mentions found in `text`, a partnership's names joined into one
/// organisation. Where the tagger found an organisation of two one-word names
/// joined by "and" or "&" ("Meagher & Flom LLP", "Fenner and Smith"), or of one
/// name and a legal form ("Mitchell and Co"), the names that the text gives
/// right before it, a comma apart (and a line break, [`is_line_space`]), are
/// its first names ("Skadden, Arps, Slate,
/// Meagher & Flom LLP", "Peat, Marwick, Mitchell and Co"), whatever kind the
/// tagger took them for, if each is one word with a capital and small letters
/// ("Mc", "Mac" or "O'" may open it: "Loewen, Ondaatje, McCutcheon and Co").
/// A place the model's lists or the known names hold is left apart ("in Paris,
/// Lazard Freres & Co"), though not one the tagger alone took for a place
/// ("Skadden, Arps"), and so are a name of
/// two words ("John Smith, Acme & Co chairman") and an acronym ("AZT, Merck &
/// Co"). Before a firm of two partners or more and "and" ("Harris Upham and Co
/// Inc"), a person's name of two such words, a comma apart, is the firm's first
/// names ("Smith Barney, Harris Upham and Co Inc", a person in 17 articles of
/// Reuters), unless a post or a possessive follows the firm ("Jo Ames, Lees Ross
/// and Co analyst").
fn partnerships(
    text: &str,
    found: Vec<Mention>,
    tagger: &crate::ner::tagger::Tagger,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for mut f in found {
        let partner = (f.kind == EntityKind::Organisation)
            .then(|| partner_before(text, f.range.start, out.last(), tagger))
            .flatten()
            .filter(|_| is_one_word_company(&text[f.range.clone()]));
        if let Some(start) = partner {
            if out.last().is_some_and(|last| last.range.start == start) {
                f.opens_clause = out.pop().is_some_and(|last| last.opens_clause);
            }
            f.range.start = start;
        } else if let Some(founder) = out.last().filter(|last| founder_of(text, last, &f)) {
            f.range.start = founder.range.start;
            f.opens_clause = founder.opens_clause;
            out.pop();
        }
        let name = &text[f.range.clone()];
        // Reuters wraps its lines anywhere: "Brown and\nSons Inc", "Arps,\nSlate".
        let comma_apart = |last: &Mention, f: &Mention| {
            let between = &text[last.range.end..f.range.start];
            between.strip_prefix(',').is_some_and(is_line_space)
        };
        // A place the model's lists or the known names hold; the tagger takes
        // partners' names for places too ("Loewen, Ondaatje, McCutcheon and Co").
        let known_place = |last: &Mention| {
            let name = &text[last.range.clone()];
            last.kind == EntityKind::Location
                && (link::known(name).is_some()
                    || ["country", "capital", "us-state"]
                        .iter()
                        .any(|list| tagger.gazetteer.has(list, name)))
        };
        if f.kind == EntityKind::Organisation && is_partnership(name) {
            while let Some(last) = out.last() {
                let first_name = !known_place(last)
                    && is_surname_like(&text[last.range.clone()])
                    && comma_apart(last, &f);
                if !first_name {
                    break;
                }
                f.range.start = last.range.start;
                f.opens_clause = last.opens_clause;
                out.pop();
            }
        } else if f.kind == EntityKind::Organisation && is_firm_of_partners(name) {
            let first_names = out.last().filter(|last| {
                let mut words = text[last.range.clone()].split_whitespace();
                last.kind == EntityKind::Person
                    && comma_apart(last, &f)
                    && words.next().is_some_and(is_surname_like)
                    && words.next().is_some_and(is_surname_like)
                    && words.next().is_none()
                    && !post_after(text, f.range.end)
            });
            if let Some(last) = first_names {
                f.range.start = last.range.start;
                f.opens_clause = last.opens_clause;
                out.pop();
            }
        }
        out.push(f);
    }
    out
}

/// Whether `person`, a person's name of several words, is the founder's name of
/// the firm `f` after it: "Alex Brown" of "Alex Brown and Sons Inc", "Arvid
/// Jauppi" of "Arvid Jauppi and Associates Inc". The firm is one word for the
/// founder's heirs or partners, and legal forms.
fn founder_of(text: &str, person: &Mention, f: &Mention) -> bool {
    const HEIRS: [&str; 5] = ["Associates", "Brothers", "Partners", "Son", "Sons"];
    let name = &text[f.range.clone()];
    let heirs = name
        .split_whitespace()
        .next()
        .is_some_and(|w| HEIRS.contains(&w));
    let between = text
        .get(person.range.end..f.range.start)
        .unwrap_or_default();
    let and = between.trim_matches([' ', '\n']);
    f.kind == EntityKind::Organisation
        && person.kind == EntityKind::Person
        && text[person.range.clone()].contains(' ')
        && (and == "and" || and == "&")
        && is_line_space(&between[..between.len() - between.trim_start().len()])
        && heirs
        && is_one_word_company(name)
}

/// Whether the gazetteer lists `word` as a country or a state of the United
/// States.
fn is_country_or_state(gazetteer: &crate::ner::gazetteer::Gazetteer, word: &str) -> bool {
    ["country", "us-state"]
        .iter()
        .any(|list| gazetteer.has(list, word))
}

/// Whether `name` is a firm named for its partners: words with a capital and
/// small letters, "and" or "&", then such words and legal forms, ending in one:
/// "Harris Upham and Co Inc", "Harris and Upham Inc". Not "Midas Corp and
/// Hussmann Corp", two companies.
fn is_firm_of_partners(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let mut names = 0;
    for word in words.by_ref() {
        if word == "and" || word == "&" {
            break;
        }
        if !is_surname_like(word) {
            return false;
        }
        names += 1;
    }
    names > 0
        && (words.clone()).all(|w| is_surname_like(w) || link::is_legal_form(w))
        && words.last().is_some_and(link::is_legal_form)
}

/// Whether a post follows the company that ends at `at` ("John Smith, Procter
/// and Gamble Co chairman"), or its possessive: the name before the company is
/// then a person's, who holds the post, unless a name follows the post.
fn post_after(text: &str, at: usize) -> bool {
    const POSTS: [&str; 12] = [
        "analyst",
        "chairman",
        "chief",
        "director",
        "economist",
        "executive",
        "head",
        "official",
        "partner",
        "president",
        "spokesman",
        "vice",
    ];
    let after = text[at..].trim_start_matches(['.', ' ']);
    let word = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    // A name right after the post holds it: "Smith Barney, Harris Upham and Co
    // analyst Edward Atorino".
    let holder = after[word.len()..]
        .trim_start_matches([' ', '\n'])
        .starts_with(char::is_uppercase);
    after.starts_with(['\'', '\u{2019}']) || POSTS.contains(&word) && !holder
}

/// Whether `name` is one word with a capital and small letters, then legal
/// forms: "Howell Co", "Quist Inc.".
fn is_one_word_company(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words.next().is_some_and(is_surname_like) && {
        let mut forms = words.peekable();
        forms.peek().is_some() && forms.all(link::is_legal_form)
    }
}

/// Where the partner's name starts that `text` gives right before a company at
/// `at` ("Bell" of "Bell and Howell Co"): one word with a capital and small
/// letters, then " and " or " & ". The word is no partner when the tagger took
/// it for an organisation ("Ford and Exxon Corp" names two companies), when it
/// is a country or a state of the United States, when the tagger took it for
/// part of a longer name (`last`, the mention before), or when the tagger found
/// nothing there and the model counts it among its common words ("Shares and
/// Acme Inc").
fn partner_before(
    text: &str,
    at: usize,
    last: Option<&Mention>,
    tagger: &crate::ner::tagger::Tagger,
) -> Option<usize> {
    let before = text[..at].trim_end_matches([' ', '\n']);
    if !is_line_space(&text[before.len()..at]) {
        return None;
    }
    let before = before
        .strip_suffix("and")
        .or_else(|| before.strip_suffix('&'))?;
    let before = before.strip_suffix([' ', '\n'])?;
    let start = last_word_start(before);
    let word = &before[start..];
    if !is_surname_like(word) || is_country_or_state(&tagger.gazetteer, word) {
        return None;
    }
    match last.filter(|last| last.range.end == before.len()) {
        Some(last) => {
            (last.range.start == start && last.kind != EntityKind::Organisation).then_some(start)
        }
        None => (!tagger.common.contains(&word.to_lowercase())).then_some(start),
    }
}

/// Whether `space` is the space between two words of a line, or a line
/// break: spaces and at most one "\n", as wire copy wraps its lines.
fn is_line_space(space: &str) -> bool {
    !space.is_empty()
        && space.bytes().all(|b| b == b' ' || b == b'\n')
        && space.bytes().filter(|&b| b == b'\n').count() < 2
}

/// Where the letters that end `text` start: "Brown" of "led by Brown".
fn last_word_start(text: &str) -> usize {
    (text.char_indices().rev())
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether `name` is one word, "and" or "&", then one word or a legal form,
/// then any legal forms: "Mitchell and Co", "Meagher & Flom LLP".
fn is_partnership(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let (Some(first), Some(and), Some(second)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    is_surname_like(first)
        && (and == "and" || and == "&")
        && (is_surname_like(second) || link::is_legal_form(second))
        && words.all(link::is_legal_form)
}

/// Whether `word` is a capital and small letters, as a surname is: "Peabody",
/// not "AZT", "Ltd." or "Kleinwort,". "Mc", "Mac" or "O'" may open it
/// ("McCutcheon", "MacMillan", "O'Neil").
fn is_surname_like(word: &str) -> bool {
    let capitalised = |word: &str| {
        let mut letters = word.chars();
        letters.next().is_some_and(char::is_uppercase)
            && word.len() > 2
            && letters.all(char::is_lowercase)
    };
    let after_prefix = ["Mc", "Mac", "O'"]
        .iter()
        .any(|prefix| word.strip_prefix(prefix).is_some_and(capitalised));
    (capitalised(word) || after_prefix) && !link::is_legal_form(word)
}

/// Where the legal form that `text` gives at `at` ends ("and Co Inc", "& Co",
/// "Corp", each word a space or a line break after the last), or `at` if none
/// starts there. A stop or a comma after a word ends the form, outside it.
fn legal_form_end(text: &str, at: usize) -> usize {
    let (mut end, mut next) = (at, at);
    while let Some(after) = text[next..].strip_prefix([' ', '\n']) {
        let word = after.split(char::is_whitespace).next().unwrap_or_default();
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '"']);
        let start = next + 1;
        // "Cheung Kong (Holdings) Ltd", as Hong Kong's companies are named. A
        // branch's place in brackets ("Nikko Securities Co (Europe) Ltd") is
        // left to `brackets_balanced`: the branch would count apart from its
        // parent.
        if core.starts_with(char::is_uppercase) && link::is_legal_form(core) {
            end = start + core.len();
        } else if next == at && word == "(Holdings)" {
            next = start + word.len();
            continue;
        } else if !(next == at && (word == "and" || word == "&")) {
            break;
        }
        if core.len() < word.len() {
            break;
        }
        next = start + word.len();
    }
    end
}

/// The mentions found in `text`, with works and storms made other names,
/// CoNLL's kind for works and events, wherever the text names them:
/// - a name the text gives right after a word for a work in lower case ("the
///   film Vera Drake", "the comedy Sideways", "the musical Mamma Mia"): the
///   tagger takes titles for people, companies and places ("Vera Drake" was a
///   person in 25 articles of BBC);
/// - a storm, a name that opens with "Hurricane", "Tropical Storm", "Storm",
///   "Typhoon" or "Cyclone", and its given name alone: the tagger took
///   "Hurricane Irma" for an organisation, and "Harvey" for a person in 8
///   articles. So is a name right after such a word that the tagger left out
///   ("Hurricane" of "Hurricane Maria", "tropical storm Harvey");
/// - a scale's name ("the Richter scale"), a person in 16 articles of
///   Wikinews.
///
/// A name right after a word for a band or a publication in lower case ("the
/// band Busted", "the magazine Rolling Stone", "the label Sony") is an
/// organisation likewise: the tagger took "Franz Ferdinand", the band, for a
/// person. So is a name the tagger took for a person's that the text gives
/// right before a word for a post in an organisation and a person ("Chelsea
/// boss Jose Mourinho", "Smith Barney analyst Jane Doe"), or between "a" and
/// such a word ("a Smith Barney analyst"), or right after such a
/// word for a post in a firm and "at", "of" or "with" ("an analyst at Dean
/// Witter", "economists with E.F. Hutton"): "Chelsea" was a person in 57 BBC
/// articles. So is a person's name right after a person's full name and
/// "of" or "at" ("John Henry of E.F. Hutton", "Jane Doe at Smith Barney"), unless the full name holds a common
/// word (a link's title, "Sponsorship of Conor Daly's Team"), and a name right
/// after a word for a firm's role in an issue of shares or for its clients
/// ("lead manager Morgan Guaranty", "underwriters Alex. Brown", "brokers
/// James Capel"): "James Capel" was a person in 15 articles of Reuters. Posts a person holds for another person
/// ("spokesman", "coach", "lawyer") are left out, and so is "manager" after a
/// name of two words or more: "Johnny Cash manager Saul Holiff".
fn kinds_from_neighbours(text: &str, mut found: Vec<Mention>, common: &WordSet) -> Vec<Mention> {
    const WORKS: [&str; 13] = [
        "album",
        "ballet",
        "biopic",
        "comedy",
        "documentary",
        "drama",
        "film",
        "movie",
        "musical",
        "novel",
        "opera",
        "sitcom",
        "thriller",
    ];
    const STORMS: [&str; 5] = [
        "Hurricane ",
        "Tropical Storm ",
        "Storm ",
        "Typhoon ",
        "Cyclone ",
    ];
    const STORM_WORDS: [&str; 4] = ["hurricane", "storm", "typhoon", "cyclone"];
    const BANDS: [&str; 4] = ["band", "label", "magazine", "newspaper"];
    // Firms by what they do for an issue of shares or bonds, or for their
    // clients: "lead manager Morgan Guaranty", "brokers James Capel".
    const FIRMS: [&str; 6] = [
        "bookrunner",
        "brokerage",
        "brokers",
        "stockbrokers",
        "underwriter",
        "underwriters",
    ];
    // Posts in a firm, and in a team: "a defender of Bill Clinton" is none.
    const FIRM_POSTS: [&str; 6] = [
        "analyst",
        "boss",
        "chairman",
        "chief executive",
        "economist",
        "owner",
    ];
    const TEAM_POSTS: [&str; 12] = [
        "captain",
        "centre-back",
        "defender",
        "forward",
        "full-back",
        "goalkeeper",
        "keeper",
        "left-back",
        "midfielder",
        "right-back",
        "striker",
        "winger",
    ];
    // Whether a person's name starts at byte `at`.
    let person_at =
        |at: usize| (found.iter()).any(|g| g.range.start == at && g.kind == EntityKind::Person);
    // Whether the full name of a person ends at byte `at`, none of whose words
    // is a common word: in "Sponsorship of Conor Daly's NASCAR Team", a link's
    // title, the tagger found a person ending in "Sponsorship".
    let person_ends = |at: usize| {
        (found.iter()).any(|g| {
            let name = &text[g.range.clone()];
            let uncommon =
                || (name.split_whitespace()).all(|w| !common.contains(&w.to_lowercase()));
            g.range.end == at && g.kind == EntityKind::Person && name.contains(' ') && uncommon()
        })
    };
    let mut kinds: Vec<(&str, EntityKind)> = Vec::new();
    for f in &found {
        let name = &text[f.range.clone()];
        let before = text[..f.range.start].strip_suffix([' ', '\n']);
        let before = before.unwrap_or_default();
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next();
        let storm = |word: &str| STORM_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word));
        let scale = text[f.range.end..].starts_with(" scale");
        if scale || word.is_some_and(|word| WORKS.contains(&word) || storm(word)) {
            kinds.push((name, EntityKind::Other));
        }
        // A post after the name, and a person after the post ("Chelsea boss
        // Jose Mourinho") or "a" before the name ("a Smith Barney analyst").
        let post_before_person = || {
            let after = &text[f.range.end..];
            let rest = (FIRM_POSTS.iter().chain(&TEAM_POSTS))
                .chain((!name.contains(' ')).then_some(&"manager"))
                .find_map(|post| after.strip_prefix([' ', '\n'])?.strip_prefix(post))
                .filter(|rest| !rest.starts_with(char::is_alphanumeric));
            let person_next = |rest: &str| {
                (rest.strip_prefix([' ', '\n']))
                    .is_some_and(|rest| person_at(text.len() - rest.len()))
            };
            let one_of = || matches!(word, Some("a" | "A" | "an" | "An"));
            rest.is_some_and(|rest| person_next(rest) || one_of())
        };
        let post_before = || {
            let word = word.filter(|&word| matches!(word, "at" | "of" | "with"));
            let rest =
                word.map(|word| before[..before.len() - word.len()].trim_end_matches([' ', '\n']));
            let post = rest.and_then(|rest| rest.rsplit([' ', '\n']).next());
            // "John Henry of E.F. Hutton", "George Baker at Smith Barney": a
            // person's person is a firm.
            let of_person = matches!(word, Some("of" | "at"))
                && rest.is_some_and(|rest| person_ends(rest.len()));
            of_person
                || post.is_some_and(|post| {
                    let post = post.strip_suffix('s').unwrap_or(post);
                    FIRM_POSTS.contains(&post)
                })
        };
        // "lead manager", "co-lead\nmanagers", "sole manager"; a "general
        // manager" is a person's post.
        let lead = || {
            let manager = word.filter(|&word| matches!(word, "manager" | "managers"));
            let rest = manager.map(|word| before[..before.len() - word.len()].trim_end());
            let role = rest.and_then(|rest| rest.rsplit(|c: char| !c.is_alphabetic()).next());
            matches!(role, Some("lead" | "sole"))
        };
        // "starred in The Godfather", "told The Hill": within a sentence, "The"
        // with a capital opens the title of a work, mostly, or of a paper or a
        // band.
        let after_the = || {
            let rest = before.strip_suffix("The").unwrap_or_default();
            let rest = rest.strip_suffix([' ', '\n']).unwrap_or_default();
            rest.ends_with(|c: char| c.is_alphanumeric() || c == ',')
        };
        if f.kind == EntityKind::Person && after_the() {
            kinds.push((name, EntityKind::Other));
        }
        let at_post = f.kind == EntityKind::Person && (post_before_person() || post_before());
        let firm = word.is_some_and(|word| BANDS.contains(&word) || FIRMS.contains(&word));
        if at_post || firm || lead() {
            kinds.push((name, EntityKind::Organisation));
        }
        let given = STORMS.iter().find_map(|storm| name.strip_prefix(storm));
        if let Some(given) = given.filter(|given| given.starts_with(char::is_uppercase)) {
            kinds.push((name, EntityKind::Other));
            kinds.extend(
                given
                    .split(char::is_whitespace)
                    .next()
                    .map(|given| (given, EntityKind::Other)),
            );
        }
    }
    if kinds.is_empty() {
        return found;
    }
    for f in &mut found {
        let name = &text[f.range.clone()];
        if let Some(&(_, kind)) = kinds.iter().find(|(named, _)| *named == name) {
            f.kind = kind;
        }
    }
    found
}

/// The mentions found in `text`, a name right before a comma and a state's
/// abbreviation with its full stop made a place, a town: the tagger took
/// "Denver" of "Burbank, Calif., and Denver, Colo." for a person in 18
/// articles of Reuters. A word that abbreviates a state and is a word too
/// ("Miss", "Wash") has no full stop as a title or a verb. A name with a word
/// in lower case or a word of the gazetteer's organisation words ("Allied
/// Research Inc of Salem, Mass.") is a company's, and so is an organisation's
/// name of two words or more ("Philipp Brothers, N.Y.", in a list of bidders);
/// a town of one word reads to the tagger as a sports team ("Tampa, Fla.").
/// The state's abbreviation is a place too: the tagger took the "La" of
/// "Covington, La." for an organisation in 26 articles.
///
/// A town of one word is a place wherever else `text` names it ("Burbank to
/// Denver"), unless it is a word of a person's longer name there: "Jackson,
/// Miss." does not make a place of Jesse Jackson's surname.
fn towns_before_states(
    text: &str,
    mut found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    let mut towns: Vec<&str> = Vec::new();
    for f in &mut found {
        if link::state_after_town(text, f.range.clone()).is_some() {
            f.kind = EntityKind::Location;
            continue;
        }
        // Reuters wraps its lines anywhere: "Denver,\nColo.".
        let after = text[f.range.end..].strip_prefix(',').unwrap_or_default();
        let word = after.trim_start().split(char::is_whitespace).next();
        let word = word.unwrap_or_default().trim_end_matches([',', ';', ')']);
        let spaced = after.starts_with(char::is_whitespace);
        let abbreviation = spaced && word.ends_with('.') && word.starts_with(char::is_uppercase);
        if !abbreviation || link::state(word).is_none() {
            continue;
        }
        let name = &text[f.range.clone()];
        let company = name.split_whitespace().any(|word| {
            !word.starts_with(char::is_uppercase)
                || link::is_legal_form(word)
                || gazetteer.has("org-word", word)
        });
        if !(company || f.kind == EntityKind::Organisation && name.contains(' ')) {
            f.kind = EntityKind::Location;
            if !name.contains(char::is_whitespace) {
                towns.push(name);
            }
        }
    }
    if towns.is_empty() {
        return found;
    }
    let in_a_persons_name = |town: &str| {
        found.iter().any(|f| {
            let name = &text[f.range.clone()];
            let mut words = name.split_whitespace();
            f.kind == EntityKind::Person
                && words.clone().nth(1).is_some()
                && words.any(|w| w == town)
        })
    };
    towns.retain(|town| !in_a_persons_name(town));
    for f in &mut found {
        if towns.contains(&&text[f.range.clone()]) {
            f.kind = EntityKind::Location;
        }
    }
    found
}

/// The mentions found in `text`, those that are a country's name (by the
/// tagger's country list) taken for places whatever the tagger said: the
/// tagger's word clusters put "Philippines" beside "Democrats" and
/// "Republicans", and it found an organisation. So is a US state's name in
/// capitals, as a headline gives it: "TEXAS" was an organisation in 35
/// articles of Reuters, cut from "TEXAS INSTRUMENTS" and "WEST TEXAS ASSETS".
/// In mixed case it may be a person's ("Georgia", "Virginia"). A "The" before the country's
/// name is left out of the mention: "The Soviet Union" was an organisation in
/// 6 articles.
fn countries_as_places(
    text: &str,
    mut found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    for f in &mut found {
        let name = &text[f.range.clone()];
        if let Some(country) = link::after_the(name) {
            if gazetteer.has("country", country) {
                f.range.start += 4;
                f.kind = EntityKind::Location;
            }
        } else if f.kind != EntityKind::Location
            && (gazetteer.has("country", name)
                || !name.contains(char::is_lowercase) && gazetteer.has("us-state", name))
        {
            f.kind = EntityKind::Location;
        }
    }
    found
}

/// The mentions found in `text`, those right after a courtesy title or an office
/// with a capital ("Mr", "President-elect") taken for people whatever the tagger
/// said: in "President-elect Donald Trump" it found an organisation. Without the
/// capital the word is seldom a title: "chairman Citibank", "miss Wimbledon".
fn people_after_titles(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    for f in found.iter_mut().filter(|f| f.kind != EntityKind::Person) {
        let before = text[..f.range.start].trim_end_matches(' ');
        let word = before.rsplit(' ').next().unwrap_or_default();
        let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
        if before.len() < f.range.start && capital && link::is_title(word) {
            f.kind = EntityKind::Person;
        }
    }
    found
}

/// The mentions found in `body` less one-word names that the tagger found only
/// where they open a sentence or clause, that the body never writes with a capital
/// within a sentence, and that are common words: the body writes them in lower
/// case, or, capitalised ("Petrol"), they are among the tagger's common words
/// (words its training text writes in lower case). These are the "Well", "So" and
/// "Yeah" of an interview's answers, and the "Petrol" and "Moreover" opening a
/// sentence. The tagger learnt from wire copy, where sentences seldom open that
/// way. A name also found within a sentence is kept, and so is every name of a
/// body typed in lower case, where names are written in lower case too. A capital
/// inside a longer name found in the body does not count: "Edison Electric
/// Institute" vouches for itself, not for the "Electric" of "Electric output rose".
/// A person's surname does count: "Jay Hair" vouches for "Hair said", which the
/// linker then joins to him.
fn without_lone_openers(body: &str, mut found: Vec<Mention>, common: &WordSet) -> Vec<Mention> {
    let one_word = |f: &Mention| {
        let name = &body[f.range.clone()];
        (!name.contains(char::is_whitespace)).then_some(name)
    };
    let longer: Vec<Range<usize>> = (found.iter())
        .filter(|f| one_word(f).is_none())
        .map(|f| match f.kind {
            EntityKind::Person => {
                let name = &body[f.range.clone()];
                let surname = name.rfind(char::is_whitespace).map_or(0, |at| at + 1);
                f.range.start..f.range.start + surname
            }
            _ => f.range.clone(),
        })
        .collect();
    let capital_within = |name: &str| {
        occurrences(body, name, true).any(|at| !longer.iter().any(|r| r.contains(&at)))
    };
    let mut openers: HashSet<String> = found
        .iter()
        .filter(|f| f.opens_clause)
        .filter_map(one_word)
        .filter(|name| name.is_ascii() && !capital_within(name))
        .filter_map(|name| common_word(name, body, common))
        .collect();
    if openers.is_empty() {
        return found;
    }
    for name in found
        .iter()
        .filter(|f| !f.opens_clause)
        .filter_map(one_word)
    {
        openers.remove(&fold(name));
    }
    if openers.is_empty() || typed_in_lower_case(body) {
        return found;
    }
    found.retain(|f| !(f.opens_clause && one_word(f).is_some_and(|n| openers.contains(&fold(n)))));
    found
}

/// `name` in lower case if it is a common word: `body` writes it in lower case,
/// or, capitalised ("Petrol"), it is among the tagger's `common` words or joins
/// a sentence to the one before.
fn common_word(name: &str, body: &str, common: &WordSet) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let capitalised = name.starts_with(|c: char| c.is_ascii_uppercase())
        && !name[1..].contains(|c: char| c.is_ascii_uppercase());
    let common = capitalised && (common.contains(&lower) || is_connective(&lower));
    (common || has_word(body, &lower, false)).then_some(lower)
}

/// The names found in a title in mixed case, less a one-word name opening it
/// that is a common word ([`common_word`]) and that the body never writes with
/// a capital within a sentence: the "Rock" of "Rock band U2 break ticket
/// record", whose body says "rock band", or the "Jobs" of "Jobs go at Oracle
/// after takeover", which the linker took for Steve Jobs. A name in capitals ("US"
/// above a body that says "us") or a known name stays. A title in capitals is
/// left to [`headline_names`], and every name is kept when the body is typed in
/// lower case.
fn without_title_opener(
    title: &str,
    body: &str,
    mut found: Vec<Mention>,
    common: &WordSet,
) -> Vec<Mention> {
    let opener = |f: &Mention| {
        let name = &title[f.range.clone()];
        f.opens_clause
            && name.is_ascii()
            && !name.contains(char::is_whitespace)
            && !name[1..].contains(|c: char| c.is_ascii_uppercase())
            && link::known(name).is_none()
            && !has_word(body, name, true)
            && common_word(name, body, common).is_some()
    };
    if !title.chars().any(char::is_lowercase)
        || !found.iter().any(opener)
        || typed_in_lower_case(body)
    {
        return found;
    }
    found.retain(|f| !opener(f));
    found
}

/// Whether `word` (in lower case) joins a sentence to the one before: "moreover",
/// "furthermore". They open sentences, so the training text seldom writes them in
/// lower case, and they are missing from the common words ("Moreover" was a
/// person in 30 articles of Reuters, Wikinews, SemEval and BBC).
fn is_connective(word: &str) -> bool {
    matches!(
        word,
        "moreover"
            | "furthermore"
            | "additionally"
            | "likewise"
            | "hence"
            | "nevertheless"
            | "nonetheless"
            | "consequently"
            | "subsequently"
    )
}

/// Words of a body read to tell whether it is typed in lower case.
const SAMPLE_WORDS: usize = 300;

/// Whether `body` is typed in lower case but for sentence openers, as some wire
/// stories are: fewer than one in fifty of its first [`SAMPLE_WORDS`] words within
/// a sentence start with a capital. The median Reuters story has one in eight;
/// 1.4 % of them fall below one in fifty (250 stories on their first 300 words,
/// 254 on all of them).
fn typed_in_lower_case(body: &str) -> bool {
    let (mut capitals, mut words) = (0, 0);
    let mut opens = true;
    for word in body.split_ascii_whitespace().take(SAMPLE_WORDS) {
        if !opens {
            words += 1;
            capitals += usize::from(word.starts_with(char::is_uppercase));
        }
        opens = word.ends_with(['.', '!', '?', ':', '"']);
    }
    capitals * 50 < words
}

/// The small words a headline in title case may leave in lower case: articles,
/// conjunctions and short prepositions.
const TITLE_CASE_SMALL_WORDS: [&str; 30] = [
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "v", "with", "from", "into", "onto", "over",
    "than", "out",
];

/// `title` with each capitalised word after the first in the case `body` writes
/// it, when the title is in title case, as many sites write headlines ("Trump
/// Just Woke Up & Viciously Attacked Puerto Ricans On Twitter"). The tagger reads
/// every capital there as part of a name: such headlines gave 375 names that
/// their bodies never write in SemEval's 645 articles, "Trump Just Woke Up &
/// Viciously Attacked Puerto Ricans On" an organisation among them.
///
/// A word keeps its capital when the body writes it with its neighbour in the
/// title, both capitalised ("Hurricane Harvey"), or with a capital within a
/// sentence at least as often as in lower case. A word the body writes neither
/// way keeps it when it is a known name or on a list of names of the model's
/// gazetteer, or when the body opens a sentence with it and the model does not
/// count it among its common words. A copy of the title in the body is not
/// read. Only ASCII letters change, so byte ranges stay those of the title.
fn in_body_case<'a>(
    title: &'a str,
    body: &str,
    tagger: &crate::ner::tagger::Tagger,
) -> std::borrow::Cow<'a, str> {
    if !is_title_case(title) {
        return title.into();
    }
    // Some sites repeat the headline atop the body, which vouches for nothing.
    let without_title;
    let body = match memchr::memmem::find(body.as_bytes(), title.as_bytes()) {
        Some(_) => {
            without_title = body.replace(title, "\n");
            without_title.as_str()
        }
        None => body,
    };
    let opener = title.trim_start();
    let opener_end =
        title.len() - opener.len() + opener.find(char::is_whitespace).unwrap_or(opener.len());
    let words = letter_runs(title);
    let capitalised = |word: &Range<usize>| title[word.clone()].starts_with(char::is_uppercase);
    let spaced = |a: &Range<usize>, b: &Range<usize>| {
        a.end < b.start && title[a.end..b.start].trim().is_empty()
    };
    // Two capitalised words a space apart that the body writes as the title does.
    let paired = |a: &Range<usize>, b: &Range<usize>| {
        capitalised(a)
            && capitalised(b)
            && spaced(a, b)
            && has_word(body, &title[a.start..b.end], false)
    };
    let listed = |word: &str| {
        link::known(word).is_some()
            || ["first-name", "country", "capital", "us-state"]
                .iter()
                .any(|list| tagger.gazetteer.has(list, word))
    };
    let lowers = |i: usize, range: &Range<usize>| {
        let word = &title[range.clone()];
        let capitalised_ascii = (word.len() >= 2 || word == "A")
            && word.as_bytes()[0].is_ascii_uppercase()
            && word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        if range.start < opener_end
            || !capitalised_ascii
            || i > 0 && paired(&words[i - 1], range)
            || words.get(i + 1).is_some_and(|next| paired(range, next))
        {
            return false;
        }
        let lower = word.to_ascii_lowercase();
        let in_lower = occurrences(body, &lower, false).count();
        let within = occurrences(body, word, true).count();
        match (in_lower, within) {
            (0, 0) => {
                let opens = has_word(body, word, false) && !tagger.common.contains(&lower);
                !(opens || listed(word))
            }
            _ => in_lower > within,
        }
    };
    let mut recased = title.to_string();
    for (i, range) in words.iter().enumerate() {
        if lowers(i, range) {
            recased[range.start..range.start + 1].make_ascii_lowercase();
        }
    }
    recased.into()
}

/// The byte ranges of the runs of letters in `text`.
fn letter_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (at, c) in text.char_indices().filter(|(_, c)| c.is_alphabetic()) {
        match runs.last_mut() {
            Some(run) if run.end == at => run.end = at + c.len_utf8(),
            _ => runs.push(at..at + c.len_utf8()),
        }
    }
    runs
}

/// Whether `title` is in title case: it has lower-case letters, at least three
/// words after the first open with a capital, and none opens in lower case but
/// the small words ([`TITLE_CASE_SMALL_WORDS`]). "Ad sales boost Time Warner
/// profit" is not.
fn is_title_case(title: &str) -> bool {
    if !title.chars().any(char::is_lowercase) {
        return false;
    }
    let mut capitalised = 0;
    for word in title.split_whitespace().skip(1) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        match word.chars().next() {
            Some(c) if c.is_uppercase() => capitalised += 1,
            Some(c) if c.is_lowercase() && !TITLE_CASE_SMALL_WORDS.contains(&word) => return false,
            _ => {}
        }
    }
    capitalised >= 3
}

/// The names found in a title, less the words a title written in capitals (as
/// wire services write headlines) cannot vouch for. The tagger misreads such
/// headlines ("PROFITS ROSE", "SUBROTO SAYS"), and the body shows which of their
/// words are common words: a name loses the last words that the body writes in
/// lower case and never with a capital, or that are among the model's common
/// words and that the body never writes with a capital. "SUBROTO SAYS" gives
/// "SUBROTO", and a name left with no word goes. Every name is kept when the body
/// is typed in lower case.
fn headline_names(
    title: &str,
    body: &str,
    mut names: Vec<Entity>,
    common: &WordSet,
) -> Vec<Entity> {
    if names.is_empty() || title.chars().any(char::is_lowercase) {
        return names;
    }
    let vouched = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let (lower, capital) = how_body_writes(body, word);
        // "US" is a country, though "us" is a common word.
        capital
            || !(lower || common.contains(&word.to_ascii_lowercase()))
            || link::known(word).is_some()
    };
    // Each name's length once its unvouched last words are cut.
    let kept: Vec<usize> = names
        .iter()
        .map(|e| {
            let mut name = e.name.as_str();
            loop {
                let (head, last) = name.rsplit_once(' ').unwrap_or(("", name));
                if vouched(last) {
                    return name.len();
                }
                name = head.trim_end();
                if name.is_empty() {
                    return 0;
                }
            }
        })
        .collect();
    if names.iter().zip(&kept).all(|(e, &len)| len == e.name.len()) || typed_in_lower_case(body) {
        return names;
    }
    for (e, len) in names.iter_mut().zip(kept) {
        e.name.truncate(len);
    }
    names.retain(|e| !e.name.is_empty());
    names
}

/// The names found in a title in capitals, `found`, each made the longest name
/// of several words found in `body` that the title gives over it, of that
/// name's kind, and without the names it then covers. The tagger cuts a
/// headline's companies into pieces: "CENTRAL" and "SYSTEM" of "CENTRAL
/// BANKING SYSTEM INC <CSYS.O> 3RD QTR NET" were other names, above a body that
/// names Central Banking System Inc, and "AMERICAN" of "UNICORP AMERICAN
/// <UAC>" one.
fn headline_names_from_body(
    title: &str,
    mut found: Vec<Mention>,
    body: &str,
    in_body: &[Mention],
) -> Vec<Mention> {
    if found.is_empty() || title.contains(char::is_lowercase) {
        return found;
    }
    // The body's names of several words, and each without its legal form:
    // "Central Capital Corp" of the body is "CENTRAL CAPITAL" of the title.
    let mut names: Vec<(&str, EntityKind)> = Vec::new();
    for b in in_body {
        let name = &body[b.range.clone()];
        for name in [name, link::bare_company(name)] {
            if name.contains(' ') && name.is_ascii() && !names.contains(&(name, b.kind)) {
                names.push((name, b.kind));
            }
        }
    }
    let word_edge = |at: usize| {
        let (before, after) = (title[..at].chars().next_back(), title[at..].chars().next());
        !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
    };
    for f in &mut found {
        // The longest of the names that the title spells, as whole words, over
        // the whole of the mention.
        let mut longest: Option<(Range<usize>, EntityKind)> = None;
        for &(name, kind) in &names {
            let from = f.range.end.saturating_sub(name.len());
            let longer = longest
                .as_ref()
                .is_none_or(|(span, _)| span.len() < name.len());
            let first = name.as_bytes()[0];
            for start in (from..=f.range.start).filter(|&at| longer && title.is_char_boundary(at)) {
                let end = start + name.len();
                let opens =
                    title.as_bytes()[start].eq_ignore_ascii_case(&first) && word_edge(start);
                let spelt = opens
                    && title
                        .get(start..end)
                        .is_some_and(|t| t.eq_ignore_ascii_case(name));
                if spelt && word_edge(end) {
                    longest = Some((start..end, kind));
                    break;
                }
            }
        }
        if let Some((span, kind)) = longest.filter(|(span, _)| span.len() > f.range.len()) {
            (f.range, f.kind) = (span, kind);
        }
    }
    let mut covered = 0;
    found.retain(|f| {
        let inside = f.range.start < covered;
        covered = covered.max(f.range.end);
        !inside
    });
    found
}

/// Whether `body` has `word` as a whole word written in lower case, and whether
/// written with a capital (the first letter, or every letter).
fn how_body_writes(body: &str, word: &str) -> (bool, bool) {
    if word.is_empty() || !word.is_ascii() {
        // Rare in headlines in capitals: such a name is kept.
        return (false, false);
    }
    let lower = word.to_ascii_lowercase();
    let mut capitalised = lower.clone();
    capitalised[..1].make_ascii_uppercase();
    let upper = word.to_ascii_uppercase();
    (
        has_word(body, &lower, false),
        has_word(body, &capitalised, false)
            || (upper != capitalised && has_word(body, &upper, false)),
    )
}

/// Whether `body` has `word`, spelt as given, as a whole word; `within` asks for
/// it within a sentence, after a word or a comma.
fn has_word(body: &str, word: &str, within: bool) -> bool {
    occurrences(body, word, within).next().is_some()
}

/// Where `body` has `word` as [`has_word`] looks for it.
fn occurrences<'a>(body: &'a str, word: &'a str, within: bool) -> impl Iterator<Item = usize> + 'a {
    let bytes = body.as_bytes();
    let whole = |at: usize| {
        let before = at.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(at + word.len()).copied();
        ![before, after]
            .into_iter()
            .flatten()
            .any(|b| b.is_ascii_alphanumeric())
    };
    let inside = |at: usize| {
        let before = body[..at].trim_end();
        before.ends_with(|c: char| c.is_alphanumeric() || c == ',')
    };
    memchr::memmem::find_iter(bytes, word).filter(move |&at| whole(at) && (!within || inside(at)))
}

/// What the stage finds in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Each entity once, under its canonical name, most mentioned first.
    pub entities: Vec<Entity>,
    /// Every name the entities go by (canonical names, mentions, surnames), for
    /// filters.
    pub aliases: Vec<Entity>,
    /// Tokens the extractors read.
    pub tokens: usize,
}

/// The extraction stage: runs every extractor and merges their findings.
pub struct Stage {
    extractors: Vec<Box<dyn Extractor>>,
}

impl Stage {
    pub fn new(extractors: Vec<Box<dyn Extractor>>) -> Stage {
        Stage { extractors }
    }

    /// Metadata and the built-in tagger.
    pub fn standard() -> anyhow::Result<Stage> {
        Ok(Stage::new(vec![
            Box::new(Metadata),
            Box::new(Tagged::new(crate::ner::builtin()?)),
        ]))
    }

    /// Metadata only: what `--no-entities` leaves (no tagging cost).
    pub fn metadata_only() -> Stage {
        Stage::new(vec![Box::new(Metadata)])
    }

    /// Every entity found, once per kind and canonical name (compared ignoring case
    /// and accents), most mentioned first, under the spelling seen first.
    pub fn run(&self, article: &Article) -> Found {
        let mut tokens = 0;
        let mut mentions: Vec<Entity> = self
            .extractors
            .iter()
            .flat_map(|e| {
                let found = e.extract(article);
                tokens += found.tokens;
                found.entities
            })
            .map(|e| match tidy_name(&e.name) {
                Some(name) => Entity::new(e.kind, name),
                None => e,
            })
            .filter_map(
                |e| match without_figures(&e.name).map(without_dangling_word) {
                    Some(name) if name.len() == e.name.len() => Some(e),
                    Some(name) => Some(Entity::new(e.kind, name)),
                    None => None,
                },
            )
            .filter(|e| !link::only_legal_forms(&e.name) && !is_letter(&e.name))
            .collect();
        if mentions.iter().any(|e| is_title_alone(&e.name)) {
            let surnames: Vec<String> = (mentions.iter())
                .filter(|e| e.kind == EntityKind::Person)
                .filter_map(|e| e.name.rsplit_once(' ').map(|(_, last)| last.to_string()))
                .collect();
            mentions.retain(|e| !is_title_alone(&e.name) || surnames.contains(&e.name));
        }
        let (canonical, aliases) = link::canonicalize(&mentions);
        // Mentions per spelling, then per folded name, which keeps the spelling
        // mentioned first.
        let mut spellings: HashMap<link::Name, (usize, usize)> = HashMap::default();
        for (order, &name) in canonical.iter().enumerate() {
            spellings.entry(name).or_insert((0, order)).0 += 1;
        }
        let mut merged: HashMap<(EntityKind, String), (usize, usize, &str)> = HashMap::default();
        for ((kind, name), (count, order)) in spellings {
            let entry = merged.entry((kind, fold(name))).or_insert((0, order, name));
            entry.0 += count;
            if order < entry.1 {
                (entry.1, entry.2) = (order, name);
            }
        }
        let mut entities: Vec<_> = merged
            .into_iter()
            .map(|((kind, _), (mentions, order, name))| (mentions, order, kind, name))
            .collect();
        entities.sort_by_key(|&(mentions, order, _, _)| (std::cmp::Reverse(mentions), order));
        Found {
            entities: entities
                .into_iter()
                .map(|(_, _, kind, name)| Entity::new(kind, name))
                .collect(),
            aliases,
            tokens,
        }
    }
}

/// Whether `name` is a letter alone, with full stops or not, but "X", a
/// company's name: initials and marks the tagger took for names ("B." of
/// "Series A and B.", "F" of "0 degrees F") were in 110 article entries of
/// Reuters, Wikinews, SemEval and BBC. They go once the pieces of known names
/// are joined: "S" and "P" of "S and P" are Standard and Poor's.
fn is_letter(name: &str) -> bool {
    let letter = name.trim_end_matches('.');
    letter.len() == 1 && letter != "X"
}

/// Whether `name` is a title alone but in capitals ("Mayor", "Mr",
/// "Chancellor", "MR."; not "MS", an acronym). Titles alone were names in 30
/// article entries. A title that a person of the article has for a surname
/// stays ("Judge" beside "Bruce Judge").
fn is_title_alone(name: &str) -> bool {
    let acronym = !name.contains(|c: char| c.is_lowercase() || c == '.');
    link::is_title(name) && !acronym
}

/// `name` without the wire's abbreviations of figures, which no name holds: the
/// words before the first one, after any it starts with. "U.S. Dlrs" gives
/// "U.S.", "Shr Royal Dutch Petroleum" gives "Royal Dutch Petroleum". `None` when
/// no name is left: "Revs", or "Nine Mths" in a table of earnings.
fn without_figures(name: &str) -> Option<&str> {
    let (mut start, mut end, mut at) = (0, name.len(), 0);
    let mut leading = true;
    for word in name.split(' ') {
        if is_figure_word(word) {
            if !leading {
                end = at;
                break;
            }
            start = at + word.len() + 1;
        } else {
            leading = false;
        }
        at += word.len() + 1;
    }
    let kept = name.get(start..end.max(start))?.trim_end();
    let named = kept.split(' ').any(|word| !is_number_word(word));
    (!kept.is_empty() && named).then_some(kept)
}

/// `name` without a last word that ends no name:
/// - a form of "be" or "have": "U.S." of "the U.S. Was in position" (a Reuters
///   story), "Trump" of "Trump Is F-cking Crazy" (a book's title in title case,
///   where the tagger runs the words into a name). Such a word inside a name is
///   left: "Turkiye Is Bankasi" is a bank, and "J.B. Were" a stockbroker, so
///   "were" is not among them;
/// - "dollar" or "yen", in any case: Reuters writes "the U.S. Dollar", which
///   was an organisation or an other name in 85 article entries; "U.S." alone
///   is the country.
fn without_dangling_word(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((
            head,
            "is" | "Is" | "was" | "Was" | "has" | "Has" | "had" | "Had" | "are" | "Are",
        )) => head.trim_end(),
        Some((head, last))
            if ["dollar", "dollars", "yen"]
                .iter()
                .any(|c| c.eq_ignore_ascii_case(last)) =>
        {
            head.trim_end()
        }
        _ => name,
    }
}

/// An abbreviation Reuters writes figures with ("dlrs", "mln", "mths", "shr"), or
/// a sum of money ("US$2.6", "HK$327m", "£5bn").
fn is_figure_word(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    if let Some((_, figure)) = word.split_once(['$', '£', '€', '¥']) {
        return figure.starts_with(|c: char| c.is_ascii_digit());
    }
    matches!(
        link::lower_case(word, &mut [0; 4]).unwrap_or_default(),
        b"dlr"
            | b"dlrs"
            | b"mln"
            | b"bln"
            | b"mths"
            | b"qtr"
            | b"shr"
            | b"shrs"
            | b"revs"
            | b"cts"
            | b"pct"
            | b"vs"
    )
}

/// A number a table row may start with: "Nine" of "Nine Mths".
fn is_number_word(word: &str) -> bool {
    matches!(
        link::lower_case(word, &mut [0; 6]).unwrap_or_default(),
        b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"half"
    )
}

/// `name` with single spaces, if it needs tidying.
fn tidy_name(name: &str) -> Option<String> {
    let tidy = !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && !name.contains(|c: char| c.is_whitespace() && c != ' ');
    (!tidy).then(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind::{Location, Person};

    struct Fixed(Vec<Entity>);

    impl Extractor for Fixed {
        fn extract(&self, _: &Article) -> Mentions {
            Mentions {
                entities: self.0.clone(),
                tokens: 0,
            }
        }
    }

    #[test]
    fn a_headline_in_capitals_keeps_the_names_its_body_vouches_for() {
        let names = || {
            vec![
                Entity::new(Person, "ROSE"),
                Entity::new(EntityKind::Organisation, "ACME CORP"),
                Entity::new(EntityKind::Organisation, "SUBROTO SAYS"),
                Entity::new(Location, "JAPAN"),
                Entity::new(EntityKind::Organisation, "BANK OF KYOTO"),
                Entity::new(Location, "US"),
            ]
        };
        let body = "Profits rose 5 pct at Acme Corp, Subroto says. Rose Smith of the \
                    bank said the bank would not sell, in Kyoto.";
        let none = WordSet::default();
        let texts =
            |kept: Vec<Entity>| -> Vec<String> { kept.into_iter().map(|e| e.name).collect() };
        let kept = headline_names("PROFITS ROSE AT ACME CORP", body, names(), &none);
        // "rose" is also a capitalised name in the body; "says" is only a verb;
        // Japan is not in the body at all; "Kyoto" has a capital.
        assert_eq!(
            texts(kept),
            [
                "ROSE",
                "ACME CORP",
                "SUBROTO",
                "JAPAN",
                "BANK OF KYOTO",
                "US"
            ]
        );
        let body = "Profits rose 5 pct at Acme Corp.";
        let kept = headline_names("PROFITS ROSE", body, names(), &none);
        assert!(!kept.iter().any(|e| e.name == "ROSE"), "{kept:?}");
        assert!(
            kept.iter().any(|e| e.name == "SUBROTO SAYS"),
            "not in the body"
        );
        // A common word the body does not use is cut all the same, but a
        // country's name is no common word.
        let common = WordSet::new(vec!["says".into(), "us".into()]);
        let kept = headline_names("PROFITS ROSE", body, names(), &common);
        assert_eq!(
            texts(kept),
            ["ACME CORP", "SUBROTO", "JAPAN", "BANK OF KYOTO", "US"]
        );
        assert_eq!(
            headline_names("Profits rose", body, names(), &common),
            names(),
            "a title not in capitals keeps every name"
        );
        let lower = "usda said it would buy more. Rose gardens in kyoto and japan rose \
                     in value, the usda said, as profits rose at the bank.";
        assert_eq!(
            headline_names("USDA BUYS MORE", lower, names(), &common),
            names(),
            "a body typed in lower case writes names in lower case too"
        );
    }

    #[test]
    fn a_title_loses_an_opening_name_its_body_writes_as_a_common_word() {
        let kept = |title: &str, body: &str, names: &[(&str, bool)]| -> Vec<String> {
            let found = mentions_in(title, names);
            let common = WordSet::new(vec!["moreover".into()]);
            let kept = without_title_opener(title, body, found, &common);
            texts_of(title, &kept)
                .into_iter()
                .map(String::from)
                .collect()
        };
        let body = "The rock band Korn lost its guitarist. The band said jobs would go \
                    in the US, and told us so. Jobs at Acme were safe.";
        // "Jobs" opens a sentence of the body, but never stands within one.
        assert_eq!(
            kept(
                "Rock band Korn loses Jobs",
                body,
                &[("Rock", true), ("Korn", false)]
            ),
            ["Korn"]
        );
        assert!(kept("Jobs go at Acme", body, &[("Jobs", true)]).is_empty());
        assert_eq!(
            kept("Moreover, Korn quits", body, &[("Moreover", true)]),
            Vec::<String>::new(),
            "a common word the body does not write"
        );
        // A name in capitals or a known name stays, and so does a name the body
        // writes with a capital within a sentence, or a name not opening the title.
        assert_eq!(kept("US band quits", body, &[("US", true)]), ["US"]);
        let apple = format!("{body} Apple boss Steve Jobs said so.");
        assert_eq!(
            kept("Jobs unveils phone", &apple, &[("Jobs", true)]),
            ["Jobs"]
        );
        assert_eq!(kept("Korn and Rock", body, &[("Rock", false)]), ["Rock"]);
        assert_eq!(
            kept("ROCK BAND QUITS", body, &[("ROCK", true)]),
            ["ROCK"],
            "a title in capitals is left to headline_names"
        );
        let lower = "the rock band korn lost its guitarist, and the band said so. \
                     the rock band said jobs would go.";
        assert_eq!(
            kept("Rock band quits", lower, &[("Rock", true)]),
            ["Rock"],
            "a body typed in lower case writes names in lower case too"
        );
    }

    /// The mentions of `names` in `body`, each at its first occurrence, opening a
    /// clause where marked.
    fn mentions_in(body: &str, names: &[(&str, bool)]) -> Vec<Mention> {
        names
            .iter()
            .map(|&(name, opens_clause)| {
                let start = body.find(name).expect("in the body");
                Mention {
                    kind: EntityKind::Organisation,
                    range: start..start + name.len(),
                    opens_clause,
                }
            })
            .collect()
    }

    /// Mentions of `names` in `text`, as [`mentions_in`] finds them, each of
    /// its kind.
    fn mentions_of_kinds(text: &str, names: &[(&str, EntityKind)]) -> Vec<Mention> {
        let plain: Vec<(&str, bool)> = names.iter().map(|&(name, _)| (name, false)).collect();
        let mut found = mentions_in(text, &plain);
        for (f, &(_, kind)) in found.iter_mut().zip(names) {
            f.kind = kind;
        }
        found
    }

    /// [`kinds_from_neighbours`] of `found`, with "courtesy" a common word.
    fn neighbours(text: &str, found: Vec<Mention>) -> Vec<Mention> {
        kinds_from_neighbours(text, found, &WordSet::new(vec!["courtesy".into()]))
    }

    /// What `mentions` name in `text`.
    fn texts_of<'t>(text: &'t str, mentions: &[Mention]) -> Vec<&'t str> {
        mentions.iter().map(|m| &text[m.range.clone()]).collect()
    }

    /// The mentions of `names` in `text`, each of its kind, after
    /// [`partnerships`].
    fn partnered(text: &str, names: &[(&str, EntityKind)]) -> Vec<Mention> {
        let tagger = crate::ner::builtin().unwrap();
        partnerships(text, mentions_of_kinds(text, names), tagger)
    }

    /// Which of `names`, found in `text`, [`without_nameless_words`] keeps.
    fn named<'t>(text: &'t str, names: &[&str]) -> Vec<&'t str> {
        let found: Vec<(&str, bool)> = names.iter().map(|&name| (name, false)).collect();
        texts_of(
            text,
            &without_nameless_words(text, mentions_in(text, &found)),
        )
    }

    #[test]
    fn interjections_time_zones_and_common_nouns_are_not_names_wherever_they_stand() {
        let text = "HOLDERS OK BUY: \"Oh, no!\" said Okay. His boy is OK! OK Petroleum AB agreed \
                    at 1500 GMT, or 10:00 EST. PC users read PC World; CD rates rose. Gross National
                    Product fell, Dow Jones said.";
        let names = [
            "OK",
            "Oh",
            "Okay",
            "OK!",
            "OK Petroleum AB",
            "GMT",
            "EST",
            "PC",
            "PC World",
            "CD",
            "Gross National\n                    Product",
            "Dow Jones",
        ];
        assert_eq!(
            named(text, &names),
            ["OK Petroleum AB", "PC World", "Dow Jones"]
        );
    }

    #[test]
    fn a_common_word_right_after_a_name_is_no_other_name() {
        let other = EntityKind::Other;
        let text = "Embassy Suites, the U.S. Embassy and Bonds, and the Premiership";
        let names = [
            ("Embassy Suites", EntityKind::Organisation),
            ("U.S.", Location),
            ("Embassy and", other),
            ("Bonds", other),
            ("Premiership", other),
        ];
        let tagger = crate::ner::builtin().unwrap();
        let mut found = mentions_of_kinds(text, &names);
        found[2].range.end -= " and".len();
        let kept = without_common_others(text, found, &tagger.common);
        assert_eq!(
            texts_of(text, &kept),
            ["Embassy Suites", "U.S.", "Bonds", "Premiership"]
        );
    }

    #[test]
    fn credit_ratings_and_classes_are_not_names() {
        let text = "Bonds rated BBB-plus, AA-Minus and B-rated debt; ABC-TV and CCC said \
                    so. Class A stock of Class Act Inc, a Category 4 storm, Level VI \
                    grain and Series 7 of the World Series.";
        let names = [
            "BBB-plus",
            "AA-Minus",
            "B-rated",
            "ABC-TV",
            "CCC",
            "Class A",
            "Class Act Inc",
            "Category",
            "Level VI",
            "Series 7",
            "World Series",
        ];
        assert_eq!(
            named(text, &names),
            ["ABC-TV", "CCC", "Class Act Inc", "World Series"]
        );
        // Grades with a number, where the article names a rating agency.
        let rated = "Moody's cut A-1 debt to Baa-2 and B2 notes, not the A-10 or A-Team.";
        let names = ["Moody's", "A-1", "Baa-2", "B2", "A-10", "A-Team"];
        assert_eq!(named(rated, &names), ["Moody's", "A-10", "A-Team"]);
        let bomber = "The B-1 and B-2 bombers flew.";
        assert_eq!(named(bomber, &["B-1", "B-2"]), ["B-1", "B-2"]);
    }

    #[test]
    fn parts_of_months_are_not_names() {
        let text = "Stocks at end-February, mid-April and end-Sep, early-Sept and \
                    Late-March; Mid-Atlantic and end-Mayday stay.";
        let names = [
            "end-February",
            "mid-April",
            "end-Sep",
            "early-Sept",
            "Late-March",
            "Mid-Atlantic",
            "end-Mayday",
        ];
        assert_eq!(named(text, &names), ["Mid-Atlantic", "end-Mayday"]);
    }

    #[test]
    fn plurals_of_acronyms_are_not_names() {
        let text = "MEPs bought PCs and CDs from UPS, IBM and Ks Bank; NATO said no.";
        let names = ["MEPs", "PCs", "CDs", "UPS", "IBM", "Ks Bank", "NATO"];
        assert_eq!(named(text, &names), ["UPS", "IBM", "Ks Bank", "NATO"]);
    }

    #[test]
    fn a_name_after_a_title_with_a_capital_is_a_person() {
        let text = "President-elect Donald Trump met Mr. Kondo, Dr Fox and Miss America \
                    Organization; the chairman Citibank and Mr\nSmith did not.";
        let names = [
            "Donald Trump",
            "Kondo",
            "Fox",
            "America Organization",
            "Citibank",
            "Smith",
        ];
        let found = mentions_in(text, &names.map(|name| (name, false)));
        let kinds: Vec<EntityKind> = people_after_titles(text, found)
            .iter()
            .map(|f| f.kind)
            .collect();
        // "Miss America" names a contest: a wrong person, the price of "Miss
        // Marple". A title on the line before does not count.
        let org = EntityKind::Organisation;
        assert_eq!(kinds, [Person, Person, Person, Person, org, org]);
    }

    #[test]
    fn a_name_after_a_word_for_a_work_is_an_other_name_wherever_it_stands() {
        let text = "Imelda Staunton won for the film Vera Drake. Vera Drake and the comedy \
                    Sideways led; Film Four and the film's star Kate Winslet did not.";
        let kinds = [
            ("Imelda Staunton", Person),
            ("Vera Drake", Person),
            ("Vera Drake and", Person),
            ("Sideways", Location),
            ("Film Four", EntityKind::Organisation),
            ("Kate Winslet", Person),
        ];
        let mut found = mentions_of_kinds(text, &kinds);
        // The second "Vera Drake", without the word "and".
        found[2].range.end -= " and".len();
        let found = neighbours(text, found);
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        let other = EntityKind::Other;
        assert_eq!(
            kinds,
            [
                Person,
                other,
                other,
                other,
                EntityKind::Organisation,
                Person
            ]
        );

        let text = "It measured 6.1 on the Richter scale, Charles Richter's scale; Mercalli said.";
        let kinds = [("Richter", Person), ("Charles Richter", Person)];
        let found = neighbours(text, mentions_of_kinds(text, &kinds));
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [other, Person], "a scale's name");

        let text = "The band Busted and the magazine Rolling Stone met; Busted won, \
                    as Franz Ferdinand did.";
        let kinds = [
            ("Busted", Person),
            ("Rolling Stone", Location),
            ("Busted won", Person),
            ("Franz Ferdinand", Person),
        ];
        let mut found = mentions_of_kinds(text, &kinds);
        found[2].range.end -= " won".len();
        let found = neighbours(text, found);
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        let org = EntityKind::Organisation;
        assert_eq!(kinds, [org, org, org, Person], "bands and publications");
    }

    #[test]
    fn a_persons_name_after_the_within_a_sentence_is_a_title() {
        let text = "Lee starred in The Godfather and told The Hill, Politico, The Stone \
                    Roses. The Tom Ray Show aired, and Ann Lee did.";
        let kinds = [
            ("Lee", Person),
            ("Godfather", Person),
            ("Hill", Person),
            ("Politico", EntityKind::Organisation),
            ("Stone Roses", Person),
            ("Tom Ray Show", Person),
            ("Ann Lee", Person),
        ];
        let found = neighbours(text, mentions_of_kinds(text, &kinds));
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        let (other, org) = (EntityKind::Other, EntityKind::Organisation);
        // A sentence may open with "The".
        assert_eq!(kinds, [Person, other, other, org, other, Person, Person]);
    }

    #[test]
    fn a_storm_and_its_given_name_are_other_names() {
        let text = "Hurricane Irma hit Florida; Irma and Tropical Storm Jose left Irma Smith \
                    and Storm Surge Map unharmed.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Hurricane Irma", org),
            ("Florida", Location),
            ("Irma and", Person),
            ("Tropical Storm Jose", Person),
            ("Irma Smith", Person),
        ];
        let mut found = mentions_of_kinds(text, &kinds);
        // The second "Irma", without the word "and".
        found[2].range.end -= " and".len();
        let found = neighbours(text, found);
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        let other = EntityKind::Other;
        assert_eq!(kinds, [other, Location, other, other, Person]);

        let text = "Maria Lopez fled Hurricane Maria; tropical storm Barry and Maria hit \
                    Texas, Barry said.";
        let kinds = [
            ("Maria Lopez", Person),
            ("Maria;", Person),
            ("Barry and", Person),
            ("Maria hit", Person),
            ("Texas", Location),
            ("Barry said", Person),
        ];
        let mut found = mentions_of_kinds(text, &kinds);
        for (f, word) in found.iter_mut().zip(["", ";", " and", " hit", "", " said"]) {
            f.range.end -= word.len();
        }
        let found = neighbours(text, found);
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [Person, other, other, other, Location, other]);
    }

    #[test]
    fn a_name_before_a_post_and_a_person_is_an_organisation() {
        // Wire copy wraps its lines anywhere: "analyst\nat", "manager\nChris".
        let text = "Chelsea said so. Chelsea boss Jose Mourinho met an analyst\nat Dean \
                    Witter, a defender of Ann Lee, Johnny Cash manager Saul Holiff, Bob \
                    Roe coach Tim Ray and Leeds captain Ian Rush. Smith Barney economist \
                    said nothing, and neither did Fulham manager\nChris Coleman nor Acme \
                    chief executive Al Doe.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Chelsea said", Person, org),
            ("Chelsea boss", Person, org),
            ("Jose Mourinho", Person, Person),
            ("Dean Witter", Person, org),
            ("Ann Lee", Person, Person),
            ("Johnny Cash", Person, Person),
            ("Saul Holiff", Person, Person),
            ("Bob Roe", Person, Person),
            ("Tim Ray", Person, Person),
            ("Leeds", Location, Location),
            ("Ian Rush", Person, Person),
            ("Smith Barney", Person, Person),
            ("Fulham", Person, org),
            ("Chris Coleman", Person, Person),
            ("Acme", Person, org),
            ("Al Doe", Person, Person),
        ];
        let tagged: Vec<(&str, EntityKind)> = kinds.iter().map(|&(n, k, _)| (n, k)).collect();
        let mut found = mentions_of_kinds(text, &tagged);
        found[0].range.end -= " said".len();
        found[1].range.end -= " boss".len();
        let found = neighbours(text, found);
        let got: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        let want: Vec<EntityKind> = kinds.iter().map(|&(_, _, k)| k).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_name_after_a_firms_role_or_a_persons_of_is_an_organisation() {
        let text = "Jane Doe of brokers Hoare Bexley said the lead manager Pell Morton, \
                    co-lead\nmanager Ames Lodge and underwriters Rudd Ives sold them, as \
                    John Henry of Dane Witter and general manager Tom Ray said. Photo \
                    Courtesy of Sam Lee. Ann Poe at Hale Dorr and Ken Lo, a Bram Pike \
                    analyst, agreed.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Jane Doe", Person),
            ("Hoare Bexley", Person),
            ("Pell Morton", Person),
            ("Ames Lodge", Location),
            ("Rudd Ives", Person),
            ("John Henry", Person),
            ("Dane Witter", Person),
            ("Tom Ray", Person),
            ("Photo Courtesy", Person),
            ("Sam Lee", Person),
            ("Ann Poe", Person),
            ("Hale Dorr", Person),
            ("Ken Lo", Person),
            ("Bram Pike", Person),
        ];
        let found = neighbours(text, mentions_of_kinds(text, &kinds));
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        let expected = [
            Person, org, org, org, org, Person, org, Person, Person, Person,
        ];
        assert_eq!(kinds[..10], expected);
        assert_eq!(kinds[10..], [Person, org, Person, org]);
    }

    #[test]
    fn a_headline_in_capitals_gives_the_bodys_names_whole() {
        let body = "Central Banking System Inc and Unicorp American Corp said Acme Bank \
                    and Bexley Trust agreed.";
        let in_body = mentions_of_kinds(
            body,
            &[
                ("Central Banking System Inc", EntityKind::Organisation),
                ("Unicorp American Corp", EntityKind::Organisation),
                ("Acme Bank", EntityKind::Organisation),
                ("Bexley Trust", EntityKind::Organisation),
            ],
        );
        let title = "CENTRAL BANKING SYSTEM INC AND UNICORP AMERICAN <UAC> BUY ACME \
                     BANKSHARES, BEXLEY";
        let found = mentions_of_kinds(
            title,
            &[
                ("CENTRAL", EntityKind::Other),
                ("SYSTEM", Location),
                ("AMERICAN", EntityKind::Other),
                ("ACME", Person),
                ("BEXLEY", Location),
            ],
        );
        let found = headline_names_from_body(title, found, body, &in_body);
        // The body's name without its legal form counts too; a name runs to a
        // word's end ("ACME BANKSHARES" is not Acme Bank's).
        assert_eq!(
            texts_of(title, &found),
            [
                "CENTRAL BANKING SYSTEM INC",
                "UNICORP AMERICAN",
                "ACME",
                "BEXLEY"
            ]
        );
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        let org = EntityKind::Organisation;
        assert_eq!(kinds, [org, org, Person, Location]);

        // A headline in mixed case is the tagger's to read.
        let title = "Unicorp American buys";
        let found = mentions_of_kinds(title, &[("American", EntityKind::Other)]);
        let found = headline_names_from_body(title, found, body, &in_body);
        assert_eq!(texts_of(title, &found), ["American"]);
    }

    #[test]
    fn a_name_alone_of_its_kind_in_a_list_of_four_takes_the_others_kind() {
        let org = EntityKind::Organisation;
        let other = EntityKind::Other;
        let text = "Flights to Dallas, Boston, Denver, Newark and Tampa resumed; Acme, \
                    Bexley and Coll did not. Ann Lee, Bo Ray, Cy Orr, and Kent met Kim, \
                    Jo, Ty and Nordic; Ames Inc, Hart Co, Lyle Corp or Tom Wu said.";
        let kinds = [
            ("Dallas", Location),
            ("Boston", Location),
            ("Denver", Person),
            ("Newark", Location),
            ("Tampa", Location),
            // A list of three is not enough.
            ("Acme", org),
            ("Bexley", Location),
            ("Coll", org),
            ("Ann Lee", Person),
            ("Bo Ray", Person),
            ("Cy Orr", Person),
            ("Kent", Location),
            // Other names keep their kind.
            ("Kim", Person),
            ("Jo", Person),
            ("Ty", Person),
            ("Nordic", other),
            ("Ames Inc", org),
            ("Hart Co", org),
            ("Lyle Corp", org),
            ("Tom Wu", Person),
        ];
        let found = lists_of_one_kind(text, mentions_of_kinds(text, &kinds));
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                Location, Location, Location, Location, Location, org, Location, org, Person,
                Person, Person, Person, Person, Person, Person, other, org, org, org, org
            ]
        );
    }

    #[test]
    fn a_name_keeps_the_roman_numeral_after_it() {
        let text = "Mark IV Industries Inc bid; Mark IV said T. Boone Pickens III and \
                    Henry VIII fought in World War I. But the England XV, Mark VV and \
                    Acme IV-based I saw the Great War I. Lion IX";
        let org = EntityKind::Organisation;
        let names = [
            ("Mark", Person),
            ("IV Industries Inc", org),
            ("Mark IV said", Person),
            ("T. Boone Pickens", Person),
            ("III", org),
            ("Henry", Person),
            ("World War", EntityKind::Other),
            ("I. But", Person),
            ("England", Location),
            ("Mark VV", Person),
            ("Acme", org),
            ("Great War", EntityKind::Other),
            ("Lion", org),
        ];
        let mut found = mentions_of_kinds(text, &names);
        found[2].range.end -= " IV said".len();
        let found = roman_numerals_kept(text, found);
        let got: Vec<(&str, EntityKind)> = (found.iter())
            .map(|m| (&text[m.range.clone()], m.kind))
            .collect();
        assert_eq!(
            got,
            [
                // The whole takes the kind of the name the numeral opens.
                ("Mark IV Industries Inc", org),
                ("Mark IV", Person),
                // A numeral alone is a generation's.
                ("T. Boone Pickens III", Person),
                ("Henry VIII", Person),
                // "I" only after a war, and not where the tagger ran it on.
                ("World War", EntityKind::Other),
                ("I. But", Person),
                // "XV" is a rugby side; "VV" no numeral; "IV-based" no word.
                ("England", Location),
                ("Mark VV", Person),
                ("Acme", org),
                ("Great War I", EntityKind::Other),
                ("Lion IX", org),
            ]
        );
    }

    #[test]
    fn names_a_slash_runs_together_are_cut_apart_when_each_is_known() {
        let text = "U.S./Japan talks, the IMF/World Bank meeting, Malaysian/Singapore \
                    trade, Royal Dutch/Shell, Dallas/Fort Worth, USDA/NOAA and Texas/.";
        let org = EntityKind::Organisation;
        let names = [
            ("U.S./Japan", EntityKind::Other),
            ("IMF/World Bank", org),
            ("Malaysian/Singapore", Person),
            ("Royal Dutch/Shell", org),
            ("Dallas/Fort Worth", Location),
            ("USDA/NOAA", org),
            ("Texas/", Location),
        ];
        let tagger = crate::ner::builtin().unwrap();
        let found = slashes_split(text, mentions_of_kinds(text, &names), &tagger.gazetteer);
        let got: Vec<(&str, EntityKind)> = (found.iter())
            .map(|m| (&text[m.range.clone()], m.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("U.S.", Location),
                ("Japan", Location),
                ("IMF", org),
                ("World Bank", org),
                ("Malaysian", EntityKind::Other),
                ("Singapore", Location),
                ("Royal Dutch/Shell", org),
                ("Dallas/Fort Worth", Location),
                ("USDA/NOAA", org),
                ("Texas/", Location),
            ]
        );
    }

    #[test]
    fn a_name_has_its_brackets_balanced() {
        let text = "Nikko Securities Co (Europe) Ltd led; Cargill (USA) and the European \
                    Community (EC)/OAPEC met Mr (Alan) Greenspan, Sheridan (Burns and \
                    (Ali and Acme (Deutschland) GmbH, but not Bexley Party(BNP).";
        let org = EntityKind::Organisation;
        let names = [
            ("Nikko Securities Co", org),
            ("Europe) Ltd", org),
            ("Cargill", org),
            ("USA)", org),
            ("European Community", org),
            ("EC)/OAPEC", org),
            ("Alan) Greenspan", Person),
            ("Sheridan (Burns", Person),
            ("(Ali", Person),
            ("Acme (Deutschland", org),
            ("Bexley Party(BNP", org),
        ];
        let found = brackets_balanced(text, mentions_of_kinds(text, &names));
        assert_eq!(
            texts_of(text, &found),
            [
                "Nikko Securities Co (Europe) Ltd",
                "Cargill",
                "USA",
                "European Community",
                "EC",
                "Greenspan",
                "Sheridan",
                "Ali",
                "Acme (Deutschland)",
                "Bexley Party",
            ]
        );
    }

    #[test]
    fn a_station_keeps_its_number() {
        let text = "Radio 1, BBC Radio 4's Today, Channel 4 News and Channel 4.5 \
                    rose; the Channel 400 metres; Radio 5.";
        let org = EntityKind::Organisation;
        let names = [
            ("Radio", org),
            ("BBC Radio", org),
            ("Channel", org),
            ("Channel 4.5", org),
            ("Channel 400", org),
            ("Radio 5", Person),
        ];
        let mut found = mentions_of_kinds(text, &names);
        // The tagger's "Channel" of "Channel 4.5" and of "Channel 400", and
        // "Radio" of "Radio 5" taken for a person.
        for f in &mut found[3..] {
            f.range.end = f.range.start + text[f.range.clone()].find(' ').unwrap();
        }
        let found = stations_with_numbers(text, found);
        let stations = ["Radio 1", "BBC Radio 4", "Channel 4"];
        assert_eq!(texts_of(text, &found[..3]), stations);
        assert_eq!(texts_of(text, &found[3..]), ["Channel", "Channel", "Radio"]);
    }

    #[test]
    fn a_point_of_the_compass_opens_the_name_after_it() {
        let text = "North American buyers and South\nKorean ones met in the East, then in \
                    West Germany.";
        let other = EntityKind::Other;
        let names = [
            ("North", Location),
            ("American", other),
            ("South", Location),
            ("Korean", other),
            ("East", Location),
            ("West", Location),
            ("Germany", Location),
        ];
        let joined = compass_points_joined(text, mentions_of_kinds(text, &names));
        assert_eq!(
            texts_of(text, &joined),
            ["North American", "South\nKorean", "East", "West Germany"]
        );
        let kinds: Vec<EntityKind> = joined.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [other, other, Location, Location]);
    }

    #[test]
    fn initials_and_a_common_word_after_them_are_cut_to_the_initials() {
        let text = "U.S. Market prices and U.K. Government bonds rose, the U.S. Treasury \
                    and U.S. Army said, as did U.S. Trade Representative Clayton Yeutter and \
                    US Market Watch; Acme. Market fell. U.S. And U.K. Banks and U.S.\u{a0}And \
                    Japan agreed, as did the U.S. And\nWest Germany and U.K. Chancellor of \
                    the Exchequer Nigel Lawson. U.S. Tariffs beat tariffs in the U.S. House, \
                    a house the U.S. Fed fed.";
        let org = EntityKind::Organisation;
        let names = [
            ("U.S. Market", org),
            ("U.K. Government", Person),
            ("U.S. Treasury", org),
            ("U.S. Army", org),
            ("U.S. Trade Representative", org),
            ("US Market", org),
            ("Acme. Market", org),
            ("U.S. And U.K. Banks", org),
            ("U.S.\u{a0}And Japan", org),
            ("U.S. And\nWest Germany", org),
            ("U.K. Chancellor", Person),
            ("U.S. Tariffs", org),
            ("U.S. House", org),
            ("U.S. Fed", org),
        ];
        let tagger = crate::ner::builtin().unwrap();
        let found = initials_cut(text, mentions_of_kinds(text, &names), tagger);
        assert_eq!(
            texts_of(text, &found),
            [
                "U.S.",
                "U.K.",
                // Not a common word; an organisation word; more than one word
                // after the initials; initials without stops; no known name.
                "U.S. Treasury",
                "U.S. Army",
                "U.S. Trade Representative",
                "US Market",
                "Acme. Market",
                // Two names, each cut in turn.
                "U.S.",
                "U.K.",
                "U.S.",
                "Japan",
                "U.S.",
                "West Germany",
                // A title is cut off too...
                "U.K.",
                // ...and a word the text writes in small letters, unless it
                // heads bodies' names or names one alone.
                "U.S.",
                "U.S. House",
                "U.S. Fed",
            ]
        );
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(kinds[..3], [Location, Location, org]);
        assert_eq!(kinds[7..15], [Location; 8], "the name after \"And\" too");
    }

    #[test]
    fn general_first_and_home_open_the_company_after_them() {
        let text = "General Electric Co and First\nChicago said Home Federal, not Major-General \
                    Tala's Army or the Home Office, would buy AllFirst Bank.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Electric Co", org),
            ("Chicago", org),
            ("Federal", org),
            ("Tala", org),
            ("Army", org),
            ("Home Office", org),
            ("Bank", org),
        ];
        let found = with_first_words(text, mentions_of_kinds(text, &kinds));
        assert_eq!(
            texts_of(text, &found),
            [
                "General Electric Co",
                "First\nChicago",
                "Home Federal",
                "Tala",
                "Army",
                "Home Office",
                "Bank"
            ]
        );
        // A person after "General" is the general.
        let found = with_first_words(text, mentions_of_kinds(text, &[("Electric Co", Person)]));
        assert_eq!(texts_of(text, &found), ["Electric Co"]);
    }

    #[test]
    fn an_abbreviated_given_name_opens_the_name_after_it() {
        let text = "Alex. Brown and Sons Inc and Wm.\nWrigley hired Alex. Smith; the alex. \
                    Jones and Thos. Pynchon; Hal. Jones.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Brown and Sons Inc", org),
            ("Wrigley", org),
            ("Smith", Person),
            ("Jones", Person),
            ("Pynchon", Location),
            ("Jones.", Person),
        ];
        let found = with_given_names(text, mentions_of_kinds(text, &kinds));
        assert_eq!(
            texts_of(text, &found),
            [
                "Alex. Brown and Sons Inc",
                "Wm.\nWrigley",
                "Alex. Smith",
                // In lower case it is no given name, and a place's name keeps
                // its start, as does a name after any other word.
                "Jones",
                "Pynchon",
                "Jones."
            ]
        );
    }

    #[test]
    fn pieces_of_a_name_cut_at_a_small_word_join() {
        let text = "The Presidential Commission on Good Government sued in the U.S. District \
                    Court for the Southern\nDistrict under the European Convention on Human \
                    Rights, said Margaret Court of Australia, the Joint Economic Committee on the \
                    Justice Department and the Senate Banking Committee, Citibank and Lloyds. \
                    Pacific Gas and Electric Co, the IMF and World Bank, Lufkin and Jenrette, \
                    and Hongkong and Shanghai. Banco do Brasil, GM de Mexico and Sebastiao do \
                    Rego Barros.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Presidential Commission", org),
            ("Good Government", Person),
            ("U.S. District Court", org),
            ("Southern\nDistrict", EntityKind::Other),
            ("European Convention", org),
            ("Human Rights", org),
            ("Margaret Court", Person),
            ("Australia", Location),
            ("Joint Economic Committee", org),
            ("Justice Department", org),
            ("Senate Banking Committee", org),
            ("Citibank", org),
            ("Pacific Gas", org),
            ("Electric Co", org),
            ("IMF", org),
            ("World Bank", org),
            ("Lufkin", Person),
            ("Jenrette", org),
            ("Hongkong", Location),
            ("Shanghai", Location),
            ("Banco", org),
            ("Brasil", Person),
            ("GM", org),
            ("Mexico", Location),
            ("Sebastiao", org),
            ("Rego Barros", Person),
        ];
        let joined = pieces_joined(text, mentions_of_kinds(text, &kinds));
        assert_eq!(
            texts_of(text, &joined),
            [
                "Presidential Commission on Good Government",
                "U.S. District Court for the Southern\nDistrict",
                "European Convention on Human Rights",
                "Margaret Court",
                "Australia",
                "Joint Economic Committee",
                "Justice Department",
                "Senate Banking Committee",
                "Citibank",
                "Pacific Gas and Electric Co",
                "IMF",
                "World Bank",
                "Lufkin and Jenrette",
                "Hongkong",
                "Shanghai",
                "Banco do Brasil",
                "GM de Mexico",
                "Sebastiao",
                "Rego Barros",
            ]
        );
        let kinds: Vec<EntityKind> = joined.iter().map(|m| m.kind).collect();
        assert_eq!(kinds[..4], [org, org, EntityKind::Other, Person]);
        assert_eq!(kinds[12], org, "a pair with an organisation is one");
    }

    #[test]
    fn a_hyphenated_given_name_joins_the_person_before_it() {
        let text = "Yang Moo-jin and Chun Doo-hwan met Jackson Jackson-style, \
                    Moyes U-turn and Hui  Yin-fat.";
        let kinds = [
            ("Yang", Person),
            ("Moo-jin", EntityKind::Other),
            ("Chun", Person),
            ("Doo-hwan", EntityKind::Other),
            ("Jackson", Person),
            ("Jackson-style", EntityKind::Other),
            ("Moyes", Person),
            ("U-turn", EntityKind::Other),
            ("Hui", Person),
            ("Yin-fat", EntityKind::Other),
        ];
        let joined = joined_names(text, mentions_of_kinds(text, &kinds));
        // Two spaces apart, "Hui" and "Yin-fat" stay apart.
        assert_eq!(
            texts_of(text, &joined),
            [
                "Yang Moo-jin",
                "Chun Doo-hwan",
                "Jackson",
                "Jackson-style",
                "Moyes",
                "U-turn",
                "Hui",
                "Yin-fat"
            ]
        );
        assert_eq!(joined[0].kind, Person);
        assert_eq!(joined[1].kind, Person);
    }

    #[test]
    fn a_name_the_text_follows_with_a_legal_form_is_a_company() {
        let mut gazetteer = crate::ner::gazetteer::Gazetteer::default();
        gazetteer.add("country", "Sweden");
        let text = "E.F. Hutton and Co Inc. hired Samuel Montagu & Co, said \
                    Trump and co, Nobel Industrier Sweden AB and Dillon Read and\nCo. \
                    Acme Corp, Kidder and Smith, Cheung Kong (Holdings) Ltd and Nikko \
                    (Europe) Ltd.";
        let names = [
            ("E.F. Hutton", Person),
            ("Samuel Montagu", Person),
            ("Trump", Person),
            ("Sweden", Location),
            ("Dillon Read", Person),
            ("Acme Corp", EntityKind::Organisation),
            ("Kidder", Person),
            ("Cheung Kong", Person),
            ("Nikko", Person),
        ];
        let found = with_legal_forms(text, mentions_of_kinds(text, &names), &gazetteer);
        assert_eq!(
            texts_of(text, &found),
            [
                "E.F. Hutton and Co Inc",
                "Samuel Montagu & Co",
                "Trump",
                "Sweden",
                // Wire copy wraps its lines anywhere.
                "Dillon Read and\nCo",
                "Acme Corp",
                "Kidder",
                // Hong Kong's companies are "(Holdings)"; a branch's place in
                // brackets is `brackets_balanced`'s.
                "Cheung Kong (Holdings) Ltd",
                "Nikko"
            ]
        );
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        let org = EntityKind::Organisation;
        assert_eq!(
            kinds,
            [org, org, Person, Location, org, org, Person, org, Person]
        );
    }

    #[test]
    fn the_names_before_a_partnership_are_its_first_names() {
        let text = "Peat, Marwick, Mitchell and Co, then Skadden, Arps, Slate, \
                    Meagher & Flom LLP; in Paris, Lazard & Co; John Smith, Acme & Co; \
                    AZT, Merck & Co; Army, Air Force, Navy and Coast Guard; Loewen, \
                    Ondaatje, McCutcheon and Co.";
        let names = [
            ("Peat", Person),
            ("Marwick", Person),
            ("Mitchell and Co", EntityKind::Organisation),
            ("Skadden", Location),
            ("Arps", Person),
            ("Slate", Person),
            ("Meagher & Flom LLP", EntityKind::Organisation),
            ("Paris", Location),
            ("Lazard & Co", EntityKind::Organisation),
            ("John Smith", Person),
            ("Acme & Co", EntityKind::Organisation),
            ("AZT", EntityKind::Other),
            ("Merck & Co", EntityKind::Organisation),
            ("Army", EntityKind::Organisation),
            ("Air Force", EntityKind::Organisation),
            ("Navy and Coast Guard", EntityKind::Organisation),
            ("Loewen", Person),
            ("Ondaatje", Location),
            ("McCutcheon and Co", EntityKind::Organisation),
        ];
        let found = partnered(text, &names);
        assert_eq!(
            texts_of(text, &found),
            [
                "Peat, Marwick, Mitchell and Co",
                // A place the tagger alone found is no place here, but Paris is.
                "Skadden, Arps, Slate, Meagher & Flom LLP",
                "Paris",
                "Lazard & Co",
                "John Smith",
                "Acme & Co",
                "AZT",
                "Merck & Co",
                "Army",
                "Air Force",
                "Navy and Coast Guard",
                // "Mc" may open a surname.
                "Loewen, Ondaatje, McCutcheon and Co",
            ]
        );
        assert_eq!(found[0].kind, EntityKind::Organisation);
    }

    #[test]
    fn partners_are_joined_across_a_line_break() {
        let text = "Piper,\nJaffray and\nHopwood Inc, Smith Barney,\nHarris Upham and\nCo Inc \
                    and Bell and\nHowell Co; Rand\nCo and Acme,\n\nJones and Co. Alex. Brown and Sons\nInc.";
        let org = EntityKind::Organisation;
        let names = [
            ("Piper", org),
            ("Jaffray", Person),
            ("Hopwood Inc", org),
            ("Smith Barney", Person),
            ("Harris Upham and\nCo Inc", org),
            ("Bell", Person),
            ("Howell Co", org),
            ("Rand", Person),
            ("Co", org),
            ("Acme", org),
            ("Jones and Co", org),
            ("Brown", Person),
            ("Sons\nInc", org),
        ];
        let found = partnered(text, &names);
        assert_eq!(
            texts_of(text, &found),
            [
                "Piper,\nJaffray and\nHopwood Inc",
                "Smith Barney,\nHarris Upham and\nCo Inc",
                "Bell and\nHowell Co",
                // "and" is a word of its own; a paragraph ends the list.
                "Rand",
                "Co",
                "Acme",
                "Jones and Co",
                "Brown and Sons\nInc"
            ]
        );
    }

    #[test]
    fn two_names_before_a_firm_of_partners_are_its_first_names() {
        let text = "Smith Barney, Harris Upham and Co Inc led; Jo Ames, Lees Ross and Co \
                    analyst, and Al Roe, Bexley Hall and Co's chief, agreed with Ed Fox, \
                    Midas Corp and Hussmann Corp and Mary Ann Lee, Dunn Byrd and Co. Kay \
                    Bell, Dow Hart and Co analyst Ann Cole, said so.";
        let org = EntityKind::Organisation;
        let names = [
            ("Smith Barney", Person),
            ("Harris Upham and Co Inc", org),
            ("Jo Ames", Person),
            ("Lees Ross and Co", org),
            ("Al Roe", Person),
            ("Bexley Hall and Co", org),
            ("Ed Fox", Person),
            ("Midas Corp and Hussmann Corp", org),
            ("Mary Ann Lee", Person),
            ("Dunn Byrd and Co", org),
            ("Kay Bell", Person),
            ("Dow Hart and Co", org),
            ("Ann Cole", Person),
        ];
        let found = partnered(text, &names);
        assert_eq!(
            texts_of(text, &found),
            [
                "Smith Barney, Harris Upham and Co Inc",
                // A post or a possessive after the firm: a person holds it.
                "Jo Ames",
                "Lees Ross and Co",
                "Al Roe",
                "Bexley Hall and Co",
                // Two companies; three names.
                "Ed Fox",
                "Midas Corp and Hussmann Corp",
                "Mary Ann Lee",
                "Dunn Byrd and Co",
                // The post is the name's after it.
                "Kay Bell, Dow Hart and Co",
                "Ann Cole",
            ]
        );
        assert_eq!(found[0].kind, org, "Smith Barney was a person");
    }

    #[test]
    fn a_founders_name_and_a_firm_of_heirs_are_one_firm() {
        let text = "Alex Brown and Sons Inc led with Ann Lee &\nAssociates Ltd, not Tom \
                    Ray and Acme Co, Kay Bell and Sons or Joe Hall and Sons Co analysts.";
        let org = EntityKind::Organisation;
        let names = [
            ("Alex Brown", Person),
            ("Sons Inc", org),
            ("Ann Lee", Person),
            ("Associates Ltd", org),
            ("Tom Ray", Person),
            ("Acme Co", org),
            ("Kay Bell", Person),
            ("Sons or", org),
            ("Joe Hall", Person),
            ("Sons Co", org),
        ];
        let mut found = mentions_of_kinds(text, &names);
        found[7].range.end -= " or".len();
        let found = partnerships(text, found, crate::ner::builtin().unwrap());
        assert_eq!(
            texts_of(text, &found),
            [
                "Alex Brown and Sons Inc",
                "Ann Lee &\nAssociates Ltd",
                // A firm not of heirs, and heirs without a legal form.
                "Tom Ray",
                "Acme Co",
                "Kay Bell",
                "Sons",
                "Joe Hall and Sons Co",
            ]
        );
        assert_eq!(found[0].kind, org);
    }

    #[test]
    fn a_name_and_a_company_of_one_word_are_one_company() {
        let text = "Bass bought Bell and Howell Co stock;\u{a0}Procter and Gamble Co rose; \
                    Ford and Exxon Corp fell; Texas and Acme Inc gained; Shares and \
                    Bexley Inc. Piper, Jaffray and Hopwood Inc led, with John Lamson \
                    and Sessions Co.";
        let org = EntityKind::Organisation;
        let names = [
            ("Bell", Person),
            ("Howell Co", org),
            ("Gamble Co", org),
            ("Ford", org),
            ("Exxon Corp", org),
            ("Texas", Location),
            ("Acme Inc", org),
            ("Bexley Inc.", org),
            ("Piper", org),
            ("Hopwood Inc", org),
            ("John Lamson", Person),
            ("Sessions Co", org),
        ];
        let found = partnered(text, &names);
        assert_eq!(
            texts_of(text, &found),
            [
                "Bell and Howell Co",
                "Procter and Gamble Co",
                "Ford",
                "Exxon Corp",
                "Texas",
                "Acme Inc",
                "Bexley Inc.",
                "Piper, Jaffray and Hopwood Inc",
                "John Lamson",
                "Sessions Co"
            ]
        );
        assert_eq!(found[0].kind, org, "Bell was a person");
    }

    #[test]
    fn a_name_before_a_comma_and_a_state_is_a_town() {
        let text = "Flights from Denver, Colo., and Grand Rapids, Mich., to Tampa, Fla.; \
                    Philipp Brothers, N.Y., and Acme Inc of Salem, Mass., bid; \
                    Jane Smith, Miss Jones and Bell, Ind are not towns. \
                    Denver to Tampa; Jackson, Miss., hosted Jesse Jackson; Jackson said.";
        let org = EntityKind::Organisation;
        let names = [
            ("Denver", Person),
            ("Grand Rapids", EntityKind::Other),
            ("Tampa", org),
            ("Philipp Brothers", org),
            ("Acme Inc of Salem", org),
            ("Jane Smith", Person),
            ("Bell", Person),
            // The state's abbreviation, as the tagger cuts it.
            ("Colo", org),
            ("Mass", EntityKind::Other),
        ];
        let mut found = mentions_of_kinds(text, &names);
        // Names the text gives again: each mention after the one before.
        let again = [
            ("Denver", Person),
            ("Tampa", org),
            ("Jackson", Person),
            ("Jesse Jackson", Person),
            ("Jackson", Person),
        ];
        let mut from = text.find("not towns").unwrap();
        for (name, kind) in again {
            let start = from + text[from..].find(name).unwrap();
            let (range, opens_clause) = (start..start + name.len(), false);
            found.push(Mention {
                kind,
                range,
                opens_clause,
            });
            from = start + name.len();
        }
        let gazetteer = &crate::ner::builtin().unwrap().gazetteer;
        let kinds: Vec<EntityKind> = towns_before_states(text, found, gazetteer)
            .iter()
            .map(|f| f.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                Location, Location, Location, org, org, Person, Person,
                // The state after a town is a place too.
                Location, Location,
                // A town is a place wherever the text names it...
                Location, Location,
                // ...though not where a person's longer name has its word.
                Location, Person, Person
            ]
        );
    }

    #[test]
    fn a_country_of_the_list_is_a_place_whatever_the_tagger_said() {
        let mut gazetteer = crate::ner::gazetteer::Gazetteer::default();
        gazetteer.add("country", "Philippines");
        gazetteer.add("capital", "Manila");
        gazetteer.add("country", "Soviet Union");
        gazetteer.add("us-state", "Texas");
        gazetteer.add("us-state", "Georgia");
        let text = "Philippines and Manila, and the Development Bank of the Philippines; \
                    The Soviet Union and The Hague. TEXAS, and Georgia said.";
        let found = mentions_in(
            text,
            &[
                ("Philippines", false),
                ("Manila", false),
                ("Development Bank of the Philippines", false),
                ("The Soviet Union", false),
                ("The Hague", false),
                ("TEXAS", false),
                ("Georgia", false),
            ],
        );
        let found = countries_as_places(text, found, &gazetteer);
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        let org = EntityKind::Organisation;
        // A state in capitals, as a headline gives it, is a place; "Georgia"
        // may be a person.
        assert_eq!(kinds, [Location, org, org, Location, org, Location, org]);
        assert_eq!(texts_of(text, &found[3..5]), ["Soviet Union", "The Hague"]);
    }

    #[test]
    fn known_names_replace_the_pieces_the_tagger_cut_them_into() {
        let text = "Standard and Poor's Corp said the Federal Reserve Bank of New York \
                    and the General Agreement on Tariffs and Trade agreed in The Hague.";
        let found = mentions_in(
            text,
            &[
                ("Poor's Corp", false),
                ("Federal Reserve Bank of New York", false),
                ("General Agreement", false),
                ("Tariffs and Trade", false),
                ("Hague", false),
            ],
        );
        let kept = with_known_names(text, found);
        assert_eq!(
            texts_of(text, &kept),
            vec![
                "Standard and Poor's",
                "Federal Reserve Bank of New York",
                "General Agreement on Tariffs and Trade",
                "The Hague"
            ]
        );
        assert_eq!(kept[3].kind, Location);
        // A line break after the first word, and a bracket before it; the
        // tagger found only the last piece.
        let text = "rules of GATT (General\nAgreement on Tariffs and Trade) apply";
        let found = mentions_in(text, &[("Tariffs", false)]);
        let kept = with_known_names(text, found);
        assert_eq!(
            texts_of(text, &kept),
            ["General\nAgreement on Tariffs and Trade"]
        );
        // A known firm the tagger took for a place and a person.
        let text = "owned by Wagner and Brown and AFG";
        let found = mentions_of_kinds(text, &[("Wagner", Location), ("Brown", Person)]);
        let kept = with_known_names(text, found);
        assert_eq!(texts_of(text, &kept), ["Wagner and Brown"]);
        assert_eq!(kept[0].kind, EntityKind::Organisation);
        // Words apart by other white space than a space: offsets stay on
        // character boundaries.
        let text = "Standard and\u{a0}Poor's said\u{2003}Poor's rose.";
        let found = mentions_in(text, &[("Poor's", false)]);
        assert_eq!(with_known_names(text, found.clone()), found);
    }

    #[test]
    fn a_word_that_only_opens_sentences_and_is_written_in_lower_case_is_no_name() {
        let body = "Well, the bank did well. Bank rules say so. Yes. Bank of Kyoto: \
                    Nakasone was here and Brown spoke. Brown was brown. So \
                    Nakasone said. Treasury bills fell, the Treasury said.";
        let found = mentions_in(
            body,
            &[
                ("Well", true),
                ("Bank", true),
                ("Bank of Kyoto", true),
                ("Nakasone", true),
                ("Brown", false),
                ("Brown was", true),
                ("Nakasone said", true),
                ("Treasury", true),
            ],
        );
        let kept = texts_of(
            body,
            &without_lone_openers(body, found, &WordSet::default()),
        );
        // "Well" and "Bank" open sentences only, and the body says "well" and
        // "bank"; the body never writes "nakasone"; "Brown" is also found within
        // a sentence; names of two words are never dropped; the body also writes
        // "Treasury" with a capital within a sentence.
        assert_eq!(
            kept,
            vec![
                "Bank of Kyoto",
                "Nakasone",
                "Brown",
                "Brown was",
                "Nakasone said",
                "Treasury"
            ]
        );
        // Common words: "Petrol" is dropped though the body never writes
        // "petrol", and so is "Moreover"; "MORE" in capitals is no common word
        // written with a capital; "Diesel" is also found within a sentence.
        let common = WordSet::new(
            ["petrol", "more", "diesel", "venezuela"]
                .map(String::from)
                .to_vec(),
        );
        let body = "Petrol fell. MORE follows. Diesel rose, and so did Diesel and Diesel \
                    futures. Moreover, prices fell.";
        let found = mentions_in(
            body,
            &[
                ("Moreover", true),
                ("Petrol", true),
                ("MORE", true),
                ("Diesel", true),
                ("Diesel futures", false),
            ],
        );
        let kept = texts_of(body, &without_lone_openers(body, found, &common));
        assert_eq!(kept, vec!["MORE", "Diesel", "Diesel futures"]);
        let lower = "venezuela said on monday that it would pay. Venezuela owes \
                     banks in new york and caracas 21 billion dlrs.";
        let found = mentions_in(lower, &[("Venezuela", true)]);
        assert_eq!(
            without_lone_openers(lower, found.clone(), &common),
            found,
            "a body typed in lower case writes its names in lower case too"
        );
    }

    #[test]
    fn a_capital_inside_a_longer_name_does_not_vouch_for_an_opener_but_a_surname_does() {
        let common = WordSet::new(["electric", "hair"].map(String::from).to_vec());
        let body = "Electric output rose, the Edison Electric Institute said. Hair said \
                    the plan was fair, Jay Hair told Reuters.";
        let mut found = mentions_in(
            body,
            &[
                ("Electric", true),
                ("Edison Electric Institute", false),
                ("Hair", true),
                ("Jay Hair", false),
            ],
        );
        found[3].kind = EntityKind::Person;
        let kept = texts_of(body, &without_lone_openers(body, found.clone(), &common));
        assert_eq!(kept, vec!["Edison Electric Institute", "Hair", "Jay Hair"]);
        // Were "Jay Hair" an organisation, the capital of its last word would
        // vouch for nothing either.
        found[3].kind = EntityKind::Organisation;
        let kept = texts_of(body, &without_lone_openers(body, found, &common));
        assert_eq!(kept, vec!["Edison Electric Institute", "Jay Hair"]);
    }

    #[test]
    fn a_headline_is_in_title_case_when_no_word_but_a_small_one_is_in_lower_case() {
        for title in [
            "Trump Just Woke Up & Viciously Attacked Puerto Ricans On Twitter",
            "Enter For A Chance To Win 6 Months of Dollar Shave Club",
            "Mayor Says 'No' to the Bridge Plan",
        ] {
            assert!(is_title_case(title), "{title}");
        }
        for title in [
            "Ad sales boost Time Warner profit",
            "PROFITS ROSE AT ACME CORP",
            "Smith Wins",
            "Tornado kills two in Indiana",
        ] {
            assert!(!is_title_case(title), "{title}");
        }
    }

    #[test]
    fn a_headline_in_title_case_takes_the_case_its_body_writes_its_words_in() {
        let tagger = crate::ner::builtin().unwrap();
        let body = "Workers at Acme Steel walked out on Tuesday as Hurricane Lola \
                    neared the coast. The union said its members would not work \
                    while the storm passed. Port Bexley was cleared, and the workers \
                    walk home.";
        let title = "Acme Workers Walk Out As Hurricane Lola Nears Port Bexley";
        // The first word stays; a pair the body writes with capitals stays; a
        // word the body never writes goes to lower case unless a list names it.
        let recased = "Acme workers walk out as Hurricane Lola nears Port Bexley";
        assert_eq!(in_body_case(title, body, tagger), recased);
        let copied = format!("{title}\n\n{body}");
        assert_eq!(
            in_body_case(title, &copied, tagger),
            recased,
            "a copy of the headline atop the body vouches for nothing"
        );
        assert_eq!(
            in_body_case(
                "Acme Workers Cheer Maria And Skyrocketing Pay",
                body,
                tagger
            ),
            "Acme workers cheer Maria and skyrocketing pay",
            "a first name stays though the body lacks it"
        );
        assert_eq!(
            in_body_case("Union Says Acme Workers Walk Out", body, tagger),
            "Union says Acme workers walk out",
            "a word the body writes with a capital only at a sentence's opening \
             and in lower case elsewhere goes"
        );
        for title in ["Acme workers walk out", "ACME WORKERS WALK OUT"] {
            assert!(matches!(
                in_body_case(title, body, tagger),
                std::borrow::Cow::Borrowed(_)
            ));
        }
    }

    #[test]
    fn the_tagger_reads_a_headline_in_title_case_as_its_body_writes_it() {
        let article = Article {
            title: "Acme Workers Walk Out As Hurricane Lola Nears Port Bexley".into(),
            body: "Workers at Acme Steel walked out on Tuesday as Hurricane Lola \
                   neared the coast. The union said its members would not work while \
                   the storm passed. Port Bexley was cleared, and the workers walk \
                   home."
                .into(),
            ..article(Vec::new())
        };
        let found = Stage::standard().unwrap().run(&article);
        let names: Vec<&str> = found.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Port Bexley"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.contains("Walk") || n.contains("Nears")),
            "{names:?}"
        );
    }

    #[test]
    fn a_compound_of_a_name_is_the_name_and_a_credit_rating_no_name() {
        let article = Article {
            title: "Rating raised".into(),
            body: "The Houston-based insurer, which flies a U.S.-made jet to its \
                   London-based unit, backed the Oscar-winning film. Its bonds won a \
                   BBB-plus rating, up from BB-minus, Bexley Ratings said."
                .into(),
            ..article(Vec::new())
        };
        let found = Stage::standard().unwrap().run(&article);
        let has = |kind, name: &str| found.entities.contains(&Entity::new(kind, name));
        assert!(has(Location, "Houston"), "{:?}", found.entities);
        assert!(has(Location, "United States"), "{:?}", found.entities);
        assert!(has(Location, "London"), "{:?}", found.entities);
        assert!(has(EntityKind::Other, "Oscars"), "{:?}", found.entities);
        assert!(
            !found
                .entities
                .iter()
                .any(|e| e.name.contains('-') || e.name.starts_with("BB")),
            "{:?}",
            found.entities
        );
    }

    /// An article whose metadata names `entities`.
    fn article(entities: Vec<Entity>) -> Article {
        Article {
            id: "1".into(),
            source: "s".into(),
            date: None,
            title: "t".into(),
            body: "b".into(),
            url: None,
            category: None,
            entities,
            language: None,
        }
    }

    #[test]
    fn names_lose_a_last_word_of_be_or_have_or_a_currency() {
        for (name, kept) in [
            ("U.S. Was", "U.S."),
            ("Andy Rooney Is", "Andy Rooney"),
            ("Donald Trump Has", "Donald Trump"),
            ("Turkiye Is Bankasi", "Turkiye Is Bankasi"),
            ("J.B. Were", "J.B. Were"),
            ("George Will", "George Will"),
            ("Theresa May", "Theresa May"),
            ("IS", "IS"),
            ("Is", "Is"),
            ("U.S. Dollar", "U.S."),
            ("N.Z. DOLLARS", "N.Z."),
            ("Japanese Yen", "Japanese"),
            ("Dollar General", "Dollar General"),
            ("Dollar", "Dollar"),
        ] {
            assert_eq!(without_dangling_word(name), kept, "{name}");
        }
        let article = article(Vec::new());
        let stage = Stage::new(vec![Box::new(Fixed(vec![
            Entity::new(Person, "U.K. Is"),
            Entity::new(Person, "Trump Had"),
        ]))]);
        assert_eq!(
            stage.run(&article).entities,
            vec![
                Entity::new(Location, "United Kingdom"),
                Entity::new(Person, "Trump")
            ]
        );
    }

    #[test]
    fn a_letter_or_a_title_alone_is_no_name() {
        let stage = Stage::new(vec![Box::new(Fixed(vec![
            Entity::new(Person, "B."),
            Entity::new(EntityKind::Other, "F"),
            Entity::new(Person, "F..."),
            Entity::new(EntityKind::Organisation, "X"),
            Entity::new(Person, "E. Smith"),
            Entity::new(EntityKind::Organisation, "3M"),
            Entity::new(Person, "Mayor"),
            Entity::new(EntityKind::Organisation, "Chancellor"),
            Entity::new(Location, "MR."),
            Entity::new(EntityKind::Organisation, "MS"),
            Entity::new(Person, "Mayor Adamowicz"),
            Entity::new(Person, "Judge"),
            Entity::new(Person, "Bruce Judge"),
        ]))]);
        let names: Vec<String> = (stage.run(&article(Vec::new())).entities.into_iter())
            .map(|e| e.name)
            .collect();
        // A title before a name goes from the name (`link::without_title`).
        // The surname of a person of the article stays.
        assert_eq!(
            names,
            ["Bruce Judge", "X", "E. Smith", "3M", "MS", "Adamowicz"]
        );
    }

    #[test]
    fn names_lose_the_wires_abbreviations_of_figures() {
        for (name, kept) in [
            ("U.S. Dlrs", Some("U.S.")),
            ("U.S. Dlr Kansai", Some("U.S.")),
            ("Shr Royal Dutch Petroleum", Some("Royal Dutch Petroleum")),
            ("MLN H.K.", Some("H.K.")),
            ("Royal Dutch", Some("Royal Dutch")),
            ("Formula One", Some("Formula One")),
            ("US$2.6", None),
            ("League $1m Painkiller", Some("League")),
            ("Ke$ha", Some("Ke$ha")),
            ("Nine Mths", None),
            ("Revs", None),
            ("Nine", None),
            ("", None),
        ] {
            assert_eq!(without_figures(name), kept, "{name}");
        }
        let article = article(Vec::new());
        let stage = Stage::new(vec![Box::new(Fixed(vec![
            Entity::new(Person, "N.Z. Dlrs"),
            Entity::new(Person, "Nine Mths"),
        ]))]);
        assert_eq!(
            stage.run(&article).entities,
            vec![Entity::new(Location, "New Zealand")],
            "what is left is a place"
        );
    }

    #[test]
    fn merges_extractors_folding_case_accents_and_hyphens_most_mentioned_first() {
        let article = article(vec![Entity::new(Location, "Kyiv")]);
        let stage = Stage::new(vec![
            Box::new(Metadata),
            Box::new(Fixed(vec![
                Entity::new(Person, "Volodymyr  Zelensky"),
                Entity::new(Person, "volodymyr zelenský"),
                Entity::new(Location, "kyiv"),
                Entity::new(EntityKind::Organisation, "Coca Cola"),
                Entity::new(EntityKind::Organisation, "Coca-Cola"),
                Entity::new(Location, "Kyiv"),
                Entity::new(Person, " "),
                Entity::new(EntityKind::Organisation, "Ltd"),
                Entity::new(Person, "S.A."),
            ])),
        ]);
        assert_eq!(
            stage.run(&article).entities,
            vec![
                Entity::new(Location, "Kyiv"),
                Entity::new(Person, "Volodymyr Zelensky"),
                Entity::new(EntityKind::Organisation, "Coca Cola"),
            ]
        );
        assert!(Stage::new(Vec::new()).run(&article).entities.is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever the text, the mended mentions lie on its characters, in order
        /// and apart, as `ner tag` prints them: legal forms, partnerships,
        /// Roman numerals and brackets included.
        #[test]
        fn mended_mentions_are_ranges_of_the_text_in_order(
            text in "([A-Z][a-zé]{0,6}(-[a-z]{2,4})?|[a-z]{1,6}|U\\.S\\.|Mr|Calif\\.|and|&|Co|Inc\\.|LLP|QC|Is|Was|War|I|IV|XII|\\(|\\)|,|\\.|\n|\"|“|—|\u{a0}| ){0,40}",
        ) {
            let tagger = crate::ner::builtin().unwrap();
            let found = crate::ner::find(tagger, &[&text]).0.pop().unwrap_or_default();
            let mut end = 0;
            for m in mended(tagger, &text, found) {
                proptest::prop_assert!(end <= m.range.start && m.range.start < m.range.end);
                proptest::prop_assert!(text.get(m.range.clone()).is_some(), "{:?}", m.range);
                end = m.range.end;
            }
        }
    }
}
