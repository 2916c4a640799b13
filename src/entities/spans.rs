//! Where a name starts and ends: the tagger's pieces of one name joined, and
//! its runs over two names cut, by known names, brackets, slashes, compounds,
//! initials, points of the compass, numbers and the words names open with.

use super::case::{capitalised, has_word, is_first_name};
use super::firms::{is_country_or_state, last_word_start};
use super::known;
use super::link;
use crate::article::EntityKind;
use crate::ner::Mention;
use crate::text::sentences::GIVEN_NAMES;
use std::ops::Range;

/// The mentions found in `text`, with the country and body aliases of two words
/// or more that the text writes ([`known::find_known`]) in place of the mentions
/// they overlap: the tagger cuts "General Agreement on Tariffs and Trade" in two,
/// and finds "Poor's" in "Standard and Poor's". A longer name the tagger found
/// around an alias stays ("Federal Reserve Bank of New York").
pub(super) fn with_known_names(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
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
    let known = known::find_known(text, &starts);
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
        // "George Salem of Donaldson", cut by "Donaldson, Lufkin and Jenrette":
        // the person before "of" or "at" stays.
        let mut before = Vec::new();
        found.retain(|f| {
            let apart = f.range.end <= range.start || range.end <= f.range.start;
            if !apart && f.range.start < range.start {
                let end = name_before_of(text, f.range.start..range.start);
                before.extend(end.map(|end| Mention {
                    range: f.range.start..end,
                    ..f.clone()
                }));
            }
            apart
        });
        found.extend(before);
        found.push(Mention {
            kind,
            range,
            opens_clause: false,
        });
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// Where a name ends in `text[piece]` that "of" or "at" ends: "George Salem"
/// of "George Salem of ".
fn name_before_of(text: &str, piece: Range<usize>) -> Option<usize> {
    let words = text[piece.clone()].trim_end();
    let rest = words
        .strip_suffix("of")
        .or_else(|| words.strip_suffix("at"))?;
    let name = rest.strip_suffix(char::is_whitespace)?.trim_end();
    name.contains(char::is_uppercase)
        .then_some(piece.start + name.len())
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
///
/// Where the tagger ran the compound into the name after it ("US-based
/// Amazon.com", "Japanese-owned Nissan", "New York-born Aguilera"), the two
/// are names of their own: 63 article entries of the five corpora were such
/// runs. The name after is of its known kind ("Moscow-based US"), an other
/// name if the tagger finds it one alone ("Tokyo-based North Korean",
/// "States-led Iraq War"), or a person after "-born", an organisation after "-based", "-listed",
/// "-owned", "-backed" and the like, and of the kind the tagger gave the run
/// after any other compound ("Chinese-made Silkworm"). A compound of a word in
/// small letters leaves the name after it alone: "state-owned Minerals".
pub(super) fn compound_heads(
    tagger: &crate::ner::tagger::Tagger,
    text: &str,
    found: Vec<Mention>,
) -> Vec<Mention> {
    let kind_alone = |name: &str| {
        let (mut alone, _) = crate::ner::find(tagger, &[name]);
        match alone.pop().unwrap_or_default().as_slice() {
            [whole] if whole.range == (0..name.len()) => Some(whole.kind),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(found.len());
    for mut f in found {
        let name = &text[f.range.clone()];
        let Some((head, word, rest)) = compound(name) else {
            out.push(f);
            continue;
        };
        let head = head.trim_end_matches([',', '-']);
        let named_head = head.contains(char::is_uppercase);
        if !rest.is_empty() && !rest.starts_with(char::is_uppercase)
            || !head.contains(char::is_alphanumeric)
        {
            out.push(f);
            continue;
        }
        // A town alone reads as a team to a tagger trained on sports results.
        let of_place = ["based", "born", "wide", "flagged", "registered"].contains(&word);
        // What a compound says of the name after it: a firm is based, listed,
        // owned or backed somewhere or by someone, a person born somewhere.
        let rest_kind = |rest: &str| match known::known(rest) {
            Some((kind, _)) => kind,
            None if kind_alone(rest) == Some(EntityKind::Other) => EntityKind::Other,
            None => match word {
                "born" => EntityKind::Person,
                "based" | "listed" | "registered" | "owned" | "controlled" | "backed"
                | "funded" | "sponsored" | "run" | "led" => EntityKind::Organisation,
                _ => f.kind,
            },
        };
        let rest = (!rest.is_empty()).then(|| Mention {
            kind: rest_kind(rest),
            range: f.range.end - rest.len()..f.range.end,
            opens_clause: false,
        });
        if named_head || rest.is_none() {
            if let Some(kind) = kind_alone(head) {
                f.kind = kind;
            }
            if of_place && matches!(f.kind, EntityKind::Organisation | EntityKind::Person) {
                f.kind = EntityKind::Location;
            }
            f.range.end = f.range.start + head.len();
            out.push(f);
        }
        out.extend(rest);
    }
    out
}

/// `name` cut at its last compound adjective ([`COMPOUND_WORDS`]): the words
/// before the hyphen, the compound's word, and the words after it, if any.
fn compound(name: &str) -> Option<(&str, &str, &str)> {
    name.match_indices('-').rev().find_map(|(dash, _)| {
        let after = &name[dash + 1..];
        let word = after.split(char::is_whitespace).next().unwrap_or_default();
        COMPOUND_WORDS
            .contains(&word)
            .then(|| (&name[..dash], word, after[word.len()..].trim_start()))
    })
}

/// The mentions found in `text`, a name of names a slash runs together cut into
/// them, when each is a known country, body or nationality or on the
/// gazetteer's lists of countries and US states: "U.S./Japan", "IMF/World
/// Bank" and "Malaysian/Singapore" were names of their own in 42 article
/// entries of Reuters. Each piece takes its own kind. A name of one company or
/// place stays whole ("Royal Dutch/Shell", "Capital Cities/ABC", "Dallas/Fort
/// Worth"), and so does one with a piece no list knows ("USDA/NOAA").
pub(super) fn slashes_split(
    text: &str,
    found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    if !found.iter().any(|f| text[f.range.clone()].contains('/')) {
        return found;
    }
    let kind_of = |piece: &str| match known::known(piece) {
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
pub(super) fn brackets_balanced(text: &str, found: Vec<Mention>) -> Vec<Mention> {
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
pub(super) fn joined_names(text: &str, found: Vec<Mention>) -> Vec<Mention> {
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
pub(super) fn compass_points_joined(text: &str, found: Vec<Mention>) -> Vec<Mention> {
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
pub(super) fn roman_numerals_kept(text: &str, found: Vec<Mention>) -> Vec<Mention> {
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
pub(super) fn stations_with_numbers(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
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
pub(super) fn initials_cut(
    text: &str,
    found: Vec<Mention>,
    tagger: &crate::ner::tagger::Tagger,
) -> Vec<Mention> {
    // A word the text also writes in small letters, but for one that names a
    // body alone ("Treasury", "Fed") or heads bodies' names ("House").
    let written_small = |word: &str, lower: &str| {
        has_word(text, lower, false) && known::known(word).is_none() && !link::heads_bodies(word)
    };
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let mut next = Some(f);
        while let Some(mut f) = next.take() {
            let name = &text[f.range.clone()];
            let initials = name.split(char::is_whitespace).next().unwrap_or_default();
            let stopped = (initials.strip_suffix('.')).is_some_and(|i| i.contains('.'));
            let known = (stopped && initials.len() < name.len())
                .then(|| known::known(initials))
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
pub(super) fn with_first_words(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    let mut taken = 0;
    for f in &mut found {
        let between = &text[taken..f.range.start];
        taken = f.range.end;
        let Some(before) = between.strip_suffix([' ', '\n']) else {
            continue;
        };
        // A name in capitals takes the words in capitals: "GENERAL ELECTRIC CO".
        let capitals = !text[f.range.clone()].contains(char::is_lowercase);
        let words = match capitals {
            true => ["GENERAL", "FIRST", "HOME"],
            false => ["General", "First", "Home"],
        };
        let word = words.into_iter().find(|word| {
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
pub(super) fn with_given_names(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
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

/// The mentions found in `text`, each person whose name opens with a middle
/// initial stretched over the first name right before it: the tagger took the
/// "Donald" of "Donald J. Trump" for an other name or for none, and the
/// "Lyndon" of "Lyndon B. Johnson" for an organisation, and left "J. Trump"
/// and "B. Johnson". The word stands one space before the initial, written with
/// a capital and small letters, and must be a first name ([`is_first_name`]:
/// "Israel G. Grossman" stays whole, "Chairman J. Hugh Liedtke" and "Sir R.
/// Smith" keep their names); its own mention goes.
pub(super) fn first_names_before_initials(
    text: &str,
    found: Vec<Mention>,
    tagger: &crate::ner::tagger::Tagger,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for mut f in found {
        let initial = match text.as_bytes()[f.range.clone()] {
            [i, b'.', b' ', n, ..] | [i, b' ', n, ..] => {
                i.is_ascii_uppercase() && n.is_ascii_uppercase()
            }
            _ => false,
        };
        let before = text[..f.range.start].strip_suffix(' ');
        if let Some(before) = before.filter(|_| initial && f.kind == EntityKind::Person) {
            let start = last_word_start(before);
            let word = &before[start..];
            let opens = (before[..start].chars().next_back())
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“'));
            let last = out.last().filter(|last| last.range.end > start);
            let alone = last.is_none_or(|last| last.range.start == start);
            if opens
                && capitalised(word)
                && alone
                && is_first_name(word, text, tagger, last.map(|last| last.kind))
            {
                if last.is_some() {
                    out.pop();
                }
                f.range.start = start;
            }
        }
        out.push(f);
    }
    out
}

/// Words for a sea, a coast or an island named after a place: "Gulf of Mexico".
const WATERS: [&str; 7] = ["Gulf", "Bay", "Sea", "Strait", "Straits", "Isle", "Cape"];

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
///   took the "Sebastiao" of "Sebastiao do Rego Barros" for an organisation;
/// - two names "bin", "ibn" or "bint" joins, a person: "Osama" and "Laden" of
///   "Osama bin Laden", which the tagger cut in 9 articles, and two places
///   "es" joins: "Dar" and "Salaam" of "Dar es Salaam", cut in 8;
/// - a place that is a word for a sea, a coast or an island ([`WATERS`]) and
///   the place right after it, "of" or "of the" between: "Gulf" and "Mexico" of
///   "Gulf of Mexico" were two places in 31 articles, which thereby named
///   Mexico. A name that opens with such a word and "of" is a place whatever
///   the tagger said: "Strait of Hormuz" was an organisation in 14 articles.
pub(super) fn pieces_joined(text: &str, found: Vec<Mention>) -> Vec<Mention> {
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
            let of_a_place = matches!(between, (Some("of"), None | Some("the"), None))
                && last.kind == EntityKind::Location
                && f.kind == EntityKind::Location
                && WATERS.iter().any(|w| w.eq_ignore_ascii_case(head()));
            // An Arab name's patronymic, "Osama" and "Laden" of "Osama bin
            // Laden", is one person, and "Dar" and "Salaam" one place.
            let patronym = matches!(between, (Some("bin" | "ibn" | "bint"), None, None))
                && next.starts_with(char::is_uppercase);
            let salaam = matches!(between, (Some("es"), None, None))
                && last.kind == EntityKind::Location
                && f.kind == EntityKind::Location;
            if of_a_place || patronym || salaam {
                last.range.end = f.range.end;
                if patronym {
                    last.kind = EntityKind::Person;
                }
                continue;
            }
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
    for m in &mut out {
        let name = &text[m.range.clone()];
        let opens_so = |water: &&str| {
            (name.strip_prefix(*water))
                .and_then(|rest| rest.strip_prefix(" of"))
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        };
        if WATERS.iter().any(opens_so) {
            m.kind = EntityKind::Location;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind::{Location, Person};
    use crate::entities::tests::{mentions_in, mentions_of_kinds, texts_and_kinds, texts_of};

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
        let got = texts_and_kinds(text, &found);
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
        let got = texts_and_kinds(text, &found);
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
        // A name in capitals takes the words in capitals, and only those.
        let text = "GENERAL ELECTRIC CO AND FIRST BANCORP, NOT First ACME";
        let kinds = [("ELECTRIC CO", org), ("BANCORP", org), ("ACME", org)];
        let found = with_first_words(text, mentions_of_kinds(text, &kinds));
        assert_eq!(
            texts_of(text, &found),
            ["GENERAL ELECTRIC CO", "FIRST BANCORP", "ACME"]
        );
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
    fn a_compound_run_into_the_name_after_it_gives_two_names() {
        let tagger = crate::ner::builtin().unwrap();
        let text = "Shares of US-based Amazon.com, New York-born Aguilera, Tokyo-based \
                    North Korean traders, Chinese-made Silkworm missiles, state-owned \
                    Minerals and the London-based unit, and US-led anti-ISIS raids.";
        let other = EntityKind::Other;
        let kinds = [
            ("US-based Amazon.com", other),
            ("New York-born Aguilera", other),
            ("Tokyo-based North Korean", other),
            ("Chinese-made Silkworm", other),
            ("state-owned Minerals", EntityKind::Organisation),
            ("London-based", other),
            ("US-led anti-ISIS", other),
        ];
        let found = compound_heads(tagger, text, mentions_of_kinds(text, &kinds));
        let got = texts_and_kinds(text, &found);
        assert_eq!(
            got,
            [
                ("US", Location),
                // A firm is based somewhere, a person born there.
                ("Amazon.com", EntityKind::Organisation),
                ("New York", Location),
                ("Aguilera", Person),
                ("Tokyo", Location),
                // The tagger finds a nationality alone an other name.
                ("North Korean", other),
                ("Chinese", other),
                // Any other compound leaves the run's kind.
                ("Silkworm", other),
                // A compound of a word in small letters is no name.
                ("Minerals", EntityKind::Organisation),
                ("London", Location),
                // A run into words in small letters stays.
                ("US-led anti-ISIS", other),
            ]
        );
    }

    #[test]
    fn a_first_name_joins_the_initial_and_surname_after_it() {
        let tagger = crate::ner::builtin().unwrap();
        let text = "Shares held by Donald J Trump and Lyndon B. Johnson went to Israel G. \
                    Grossman, said Chairman J. Hugh Liedtke, Texan H. Ross Perot, Sir R. \
                    Smith and Frankfurt F. Wilhelm Christians; the J. Jones trust and \
                    Jean-Donald J. Smith stayed.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("J Trump", Person),
            ("Lyndon", org),
            ("B. Johnson", Person),
            ("Israel", Location),
            ("G. Grossman", Person),
            ("J. Hugh Liedtke", Person),
            ("Texan", EntityKind::Other),
            ("H. Ross Perot", Person),
            ("R. Smith", Person),
            ("Frankfurt", Location),
            ("F. Wilhelm Christians", Person),
            ("J. Jones", Person),
            ("J. Smith", Person),
        ];
        let found = first_names_before_initials(text, mentions_of_kinds(text, &kinds), tagger);
        assert_eq!(
            texts_of(text, &found),
            [
                // A first name in the word class of first names, one the tagger
                // took for a body, and one the gazetteer lists, though the tagger
                // took it for a place.
                "Donald J Trump",
                "Lyndon B. Johnson",
                "Israel G. Grossman",
                // A title, a nationality, an honorific, a town, a word in small
                // letters and half a hyphenated name stay out.
                "J. Hugh Liedtke",
                "Texan",
                "H. Ross Perot",
                "R. Smith",
                "Frankfurt",
                "F. Wilhelm Christians",
                "J. Jones",
                "J. Smith",
            ]
        );
        assert!(found.iter().take(3).all(|f| f.kind == Person));
    }

    #[test]
    fn a_sea_named_after_a_place_is_one_place() {
        let text = "Rigs in the Gulf of Mexico and the Strait of Hormuz, ships off the \
                    Isle of\nWight, the Bay and Plenty, and Sea of Galilee Tours.";
        let kinds = [
            ("Gulf", Location),
            ("Mexico", Location),
            ("Strait of Hormuz", EntityKind::Organisation),
            ("Isle", Location),
            ("Wight", Location),
            ("Bay", Location),
            ("Plenty", Location),
            ("Sea", Location),
            ("Galilee Tours", EntityKind::Organisation),
        ];
        let joined = pieces_joined(text, mentions_of_kinds(text, &kinds));
        let got = texts_and_kinds(text, &joined);
        assert_eq!(
            got,
            [
                ("Gulf of Mexico", Location),
                // A name opening so is a place, whatever the tagger said.
                ("Strait of Hormuz", Location),
                ("Isle of\nWight", Location),
                // "and" joins nothing, nor "of" a place to a firm.
                ("Bay", Location),
                ("Plenty", Location),
                ("Sea", Location),
                ("Galilee Tours", EntityKind::Organisation),
            ]
        );
    }

    #[test]
    fn an_arab_name_cut_at_its_patronymic_is_one_person() {
        let text = "Osama bin Laden, Prince Mohammad bin Salman and Hamza bin ladin left \
                    Dar es Salaam; Madrid es Spain.";
        let kinds = [
            ("Osama", EntityKind::Other),
            ("Laden", Person),
            ("Prince Mohammad", Person),
            ("Salman", EntityKind::Organisation),
            ("Hamza", Person),
            ("Dar", Location),
            ("Salaam", Location),
            ("Madrid", Location),
            ("Spain", Person),
        ];
        let joined = pieces_joined(text, mentions_of_kinds(text, &kinds));
        let got = texts_and_kinds(text, &joined);
        assert_eq!(
            got,
            [
                ("Osama bin Laden", Person),
                ("Prince Mohammad bin Salman", Person),
                ("Hamza", Person),
                ("Dar es Salaam", Location),
                // "es" joins two places only.
                ("Madrid", Location),
                ("Spain", Person),
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
    fn a_state_by_its_formal_name_is_its_country() {
        let text = "The Republic of Portugal and the Islamic Republic of Iran issued bonds.";
        let found = mentions_in(
            text,
            &[
                ("Republic", false),
                ("Portugal", false),
                ("Islamic Republic", false),
                ("Iran", false),
            ],
        );
        let kept = with_known_names(text, found);
        let names: Vec<Option<_>> = (texts_of(text, &kept).into_iter())
            .map(crate::entities::known::known)
            .collect();
        assert_eq!(
            names,
            [Some((Location, "Portugal")), Some((Location, "Iran"))]
        );
        assert_eq!(crate::entities::known::known("Republic"), None);
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
        // A person before "of" or "at" the firm stays a person.
        let text = "said Ann Lee of Pratt and Whitney, Joe Doe at\nWagner and Brown";
        let names = [
            ("Ann Lee of Pratt", Person),
            ("Whitney", Person),
            ("Joe Doe at\nWagner", Person),
            ("Brown", Person),
        ];
        let kept = with_known_names(text, mentions_of_kinds(text, &names));
        assert_eq!(
            texts_of(text, &kept),
            [
                "Ann Lee",
                "Pratt and Whitney",
                "Joe Doe",
                "Wagner and Brown"
            ]
        );
        // Words apart by other white space than a space: offsets stay on
        // character boundaries.
        let text = "Standard and\u{a0}Poor's said\u{2003}Poor's rose.";
        let found = mentions_in(text, &[("Poor's", false)]);
        assert_eq!(with_known_names(text, found.clone()), found);
    }
}
