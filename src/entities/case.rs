//! What the case of a word says about it: a word the body writes in small
//! letters is no name where a sentence or a headline opens, and a headline in
//! capitals or title case is read in the case its body writes its words in.

use super::kinds::opens_with_ticker;
use super::known;
use super::link;
use crate::article::{Entity, EntityKind};
use crate::fold::fold;
use crate::ner::tagger::WordSet;
use crate::ner::Mention;
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

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
pub(super) fn without_lone_openers(
    body: &str,
    mut found: Vec<Mention>,
    common: &WordSet,
) -> Vec<Mention> {
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

/// Words that join a sentence to what came before it, which open sentences but
/// no name: conjunctions ("And", "But"), words that open a clause ("Although",
/// "If", "When") and a few adverbs ("Again", "Meanwhile"). Words that open the
/// titles of works too ("So Solid Crew", "Still Game", "Even Stevens", "Once")
/// are left out.
const JOINING_WORDS: [&str; 26] = [
    "after",
    "again",
    "also",
    "although",
    "and",
    "as",
    "because",
    "before",
    "but",
    "however",
    "if",
    "meanwhile",
    "nor",
    "or",
    "since",
    "then",
    "though",
    "thus",
    "unless",
    "until",
    "when",
    "whereas",
    "whether",
    "while",
    "whilst",
    "yet",
];

/// The mentions found in `text`, a name that opens a sentence with a word
/// joining it to what came before ([`JOINING_WORDS`]) cut to its first
/// capitalised word after that one: the tagger ran "But Deutsche Bank",
/// "Although Bank of Japan" and "As Hurricane Matthew" into names, which stood in 32
/// article entries of Reuters, Wikinews, SemEval and BBC. A name left without
/// a capital goes. What is left no longer opens its sentence.
pub(super) fn without_joining_words(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    let joined = |f: &Mention| {
        let (first, rest) = text[f.range.clone()].split_once(char::is_whitespace)?;
        let capitalised = first.starts_with(|c: char| c.is_ascii_uppercase())
            && !first[1..].contains(|c: char| c.is_ascii_uppercase());
        (f.opens_clause && capitalised && link::among(&JOINING_WORDS, first)).then_some(rest)
    };
    if !found.iter().any(|f| joined(f).is_some()) {
        return found;
    }
    found.retain_mut(|f| {
        let Some(rest) = joined(f) else {
            return true;
        };
        let opens_word = |&(at, c): &(usize, char)| {
            c.is_uppercase() && (at == 0 || rest[..at].ends_with(char::is_whitespace))
        };
        let Some((at, _)) = rest.char_indices().find(opens_word) else {
            return false;
        };
        // `rest` ends where the mention does.
        f.range.start = f.range.end - (rest.len() - at);
        f.opens_clause = false;
        true
    });
    found
}

/// `name` in lower case if it is a common word: `body` writes it in lower case,
/// or, capitalised ("Petrol"), it is among the tagger's `common` words or joins
/// a sentence to the one before.
pub(super) fn common_word(name: &str, body: &str, common: &WordSet) -> Option<String> {
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
pub(super) fn without_title_opener(
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
            && known::known(name).is_none()
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

/// The names found in a title in mixed case, with a person's name that opens
/// it cut after its first word where the body never writes that word with a
/// capital and the gazetteer lists it as no first name. BBC's headlines set an
/// epithet before a surname ("Classy Henman makes winning start", "Fuming
/// Robinson blasts officials"), and the tagger took it into the name, which
/// then stood apart from the full name the body gives; the surname alone joins
/// it (Tim Henman). A title in capitals is left to [`headline_names`], and a
/// body typed in lower case vouches for nothing.
pub(super) fn without_title_epithets(
    title: &str,
    body: &str,
    mut found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    if !title.chars().any(char::is_lowercase) || typed_in_lower_case(body) {
        return found;
    }
    for f in (found.iter_mut()).filter(|f| f.kind == EntityKind::Person && f.range.start == 0) {
        let name = &title[f.range.clone()];
        let Some((first, rest)) = name.split_once(' ') else {
            continue;
        };
        let epithet = first.starts_with(char::is_uppercase)
            && !first.ends_with('.')
            && !gazetteer.has("first-name", first)
            && !has_word(body, first, false);
        if epithet {
            f.range.start = f.range.end - rest.trim_start().len();
        }
    }
    found
}

/// The mentions found in `body`, with a person's name cut after its first word
/// where that word is an epithet or a role and what follows it names a person
/// the article names in full. The word must be a common word (the body also
/// writes it in small letters, or the model counts it among its common words:
/// "Musician"), that the gazetteer lists as no first name, and that is neither a
/// title (the linker drops those) nor a peer's ("Lord"). What follows must be a
/// full name (its first word a first name) or the surname of one the body gives.
/// "Shooter Stephen C. Paddock", "Officer Nash" beside Darius Nash and "Justice
/// Clarence Thomas" stood apart from the people the rest of the text names.
pub(super) fn without_epithets(
    body: &str,
    mut found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
    common: &WordSet,
) -> Vec<Mention> {
    let first_name = |name: &str| {
        name.split_once(' ')
            .is_some_and(|(given, _)| gazetteer.has("first-name", given))
    };
    let lower_case_in_body = |word: &str| has_word(body, &word.to_lowercase(), false);
    let epithet = |word: &str| {
        capitalised(word)
            && word != "The"
            && !is_honorific(word)
            && !link::is_title(word)
            && !gazetteer.has("first-name", word)
            && common_word(word, body, common).is_some()
    };
    let people: Vec<&str> = (found.iter())
        .filter(|f| f.kind == EntityKind::Person)
        .map(|f| &body[f.range.clone()])
        .collect();
    let surname_of_full_name = |word: &str| {
        (people.iter()).any(|p| first_name(p) && p.rsplit_once(' ').is_some_and(|(_, s)| s == word))
    };
    let named = |rest: &str| {
        rest.split(' ').all(|w| w.starts_with(char::is_uppercase))
            && !lower_case_in_body(rest.split(' ').next().unwrap_or_default())
            && match rest.contains(' ') {
                true => first_name(rest),
                false => surname_of_full_name(rest),
            }
    };
    for f in (found.iter_mut()).filter(|f| f.kind == EntityKind::Person) {
        let name = &body[f.range.clone()];
        let Some((first, rest)) = name.split_once(' ') else {
            continue;
        };
        let rest = rest.trim_start();
        if epithet(first) && named(rest) {
            f.range.start = f.range.end - rest.len();
        }
    }
    found
}

/// Whether `word` is a capital and small letters, of two letters or more, all
/// ASCII: "Donald", not "DONALD", "McCain" or "J".
pub(super) fn capitalised(word: &str) -> bool {
    word.len() > 1
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word[1..].bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether `word`, written with a capital in `text`, is a first name: one the
/// gazetteer lists ("Israel"), or a word that is no common word
/// ([`common_word`]), title or honorific, and either falls in the word class
/// that holds the most of the gazetteer's first names (the gazetteer lacks
/// "Donald"), or has no word class and was `found_as` a name, not a place
/// ("Lyndon", which the tagger took for an organisation).
pub(super) fn is_first_name(
    word: &str,
    text: &str,
    tagger: &crate::ner::tagger::Tagger,
    found_as: Option<EntityKind>,
) -> bool {
    let classed = |class| match class {
        Some((_, coarse)) => Some(coarse) == tagger.first_name_class,
        None => found_as.is_some_and(|kind| kind != EntityKind::Location),
    };
    tagger.gazetteer.has("first-name", word)
        || (common_word(word, text, &tagger.common).is_none()
            && !link::is_title(word)
            && !is_honorific(word)
            && classed(tagger.clusters.get(word)))
}

/// The mentions found in `body`, each person's name of three words or more
/// less the words after a full name that are common words ([`common_word`]):
/// pages list other stories under headlines in title case, and the tagger
/// ran a name into the verb after it ("Ted Cruz Dropping Out", "Michael Moore
/// Goes", "Hillary Clinton Officially Joins"). What stays must be two words or
/// more, opening with a first name ([`is_first_name`]) and ending in no
/// initial: "James F. Will" and "Arthur D. Little" keep their names.
pub(super) fn without_trailing_words(
    body: &str,
    mut found: Vec<Mention>,
    tagger: &crate::ner::tagger::Tagger,
) -> Vec<Mention> {
    let long = |f: &Mention| {
        f.kind == EntityKind::Person && body[f.range.clone()].matches(' ').nth(1).is_some()
    };
    if !found.iter().any(long) {
        return found;
    }
    let initial = |word: &str| {
        let letters = word.trim_end_matches('.');
        letters.len() == 1 && letters.starts_with(|c: char| c.is_ascii_uppercase())
    };
    // The names of people the body gives elsewhere, and their surnames.
    let people: HashSet<&str> = (found.iter())
        .filter(|f| f.kind == EntityKind::Person)
        .flat_map(|f| {
            let name = &body[f.range.clone()];
            [name, name.rsplit(' ').next().unwrap_or(name)]
        })
        .collect();
    for f in (found.iter_mut()).filter(|f| f.kind == EntityKind::Person) {
        let name = &body[f.range.clone()];
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 3 || !is_first_name(words[0], body, tagger, Some(EntityKind::Person)) {
            continue;
        }
        let trailing = (words.iter().rev())
            .take_while(|word| common_word(word, body, &tagger.common).is_some())
            .count();
        let last = words[words.len() - 1 - trailing.min(words.len() - 1)];
        if trailing > 0 && words.len() - trailing >= 2 && !initial(last) {
            // `last` lies within `name`: its end is an offset into it.
            let end = last.as_ptr() as usize - name.as_ptr() as usize + last.len();
            if people.contains(&name[..end]) || people.contains(last) {
                f.range.end = f.range.start + end;
            }
        }
    }
    found
}

/// Whether `word` is a peer's, a knight's or a ruler's style written before a
/// name: "Lord", "Sir", "Sheikh". The linker keeps it in the name, unlike a
/// title ([`link::is_title`]).
pub(super) fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Lord" | "Lady" | "Sir" | "Dame" | "Baron" | "Baroness" | "Sheikh" | "Sultan" | "Emir"
    )
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
pub(super) fn in_body_case<'a>(
    title: &'a str,
    body: &str,
    tagger: &crate::ner::tagger::Tagger,
) -> std::borrow::Cow<'a, str> {
    if !is_title_case(title) {
        return title.into();
    }
    let unwritten = |word: &str, lower: &str, body: &str| {
        let opens = has_word(body, word, false) && !tagger.common.contains(lower);
        !(opens || listed(tagger, word))
    };
    let vouchers = Vouchers {
        unwritten: &unwritten,
        pair: &|_, _| false,
    };
    written_as_body(title, body, &vouchers).into()
}

/// Whether `name` is a known name or on a list of names of the model's gazetteer.
fn listed(tagger: &crate::ner::tagger::Tagger, name: &str) -> bool {
    known::known(name).is_some()
        || tagger.gazetteer.has("first-name", name)
        || tagger.gazetteer.has_place(name)
}

/// What keeps the capitals of a title that [`written_as_body`] recases, besides
/// the body.
struct Vouchers<'a> {
    /// Whether a word the body writes neither way loses its capital, given the
    /// word, the word in lower case and the body.
    unwritten: &'a dyn Fn(&str, &str, &str) -> bool,
    /// Whether two capitalised words a space apart keep their capitals, given
    /// both and the second, where the body does not write them together.
    pair: &'a dyn Fn(&str, &str) -> bool,
}

/// `title` with each capitalised word after the first in the case `body` writes
/// it, as [`in_body_case`] says, unless `vouchers` keep it.
fn written_as_body(title: &str, body: &str, vouchers: &Vouchers) -> String {
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
            && (has_word(body, &title[a.start..b.end], false)
                || (vouchers.pair)(&title[a.start..b.end], &title[b.clone()]))
    };
    let lowers = |i: usize, range: &Range<usize>| {
        let word = &title[range.clone()];
        let article = word == "A" && !title[range.end..].starts_with('.');
        let capitalised_ascii = (word.len() >= 2 || article)
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
            (0, 0) => (vouchers.unwritten)(word, &lower, body),
            _ => in_lower > within,
        }
    };
    let mut recased = title.to_string();
    for (i, range) in words.iter().enumerate() {
        if lowers(i, range) {
            recased[range.start..range.start + 1].make_ascii_lowercase();
        }
    }
    recased
}

/// `body` with each paragraph of one line in title case written as
/// [`in_body_case`] writes a title, with the rest of the body as its evidence.
/// Such lines are mostly the headlines of other stories that a page lists
/// ("Clinton Aide in New WikiLeaks Email: 'We Need to Clean This Up'"), and the
/// tagger takes their capitalised common words for names. Only the case of
/// ASCII letters changes, so byte ranges hold in both texts.
pub(super) fn headlines_in_body_case<'a>(
    body: &'a str,
    tagger: &crate::ner::tagger::Tagger,
) -> std::borrow::Cow<'a, str> {
    let vouchers = Vouchers {
        unwritten: &|_, lower, _| tagger.common.contains(lower),
        pair: &|pair, second| {
            let uncommon = |word: &str| !tagger.common.contains(&word.to_ascii_lowercase());
            let first = pair[..pair.len() - second.len()].trim_end();
            let first_name = tagger.gazetteer.has("first-name", first) && uncommon(first);
            let place = matches!(known::known(second), Some((EntityKind::Location, _)))
                || tagger.gazetteer.has_place(second);
            listed(tagger, pair)
                || (place && uncommon(second))
                || first_name
                || tagger.gazetteer.has("org-word", second)
        },
    };
    let headlines: Vec<Range<usize>> = crate::text::one_line_paragraphs(body)
        .filter_map(|range| {
            let line = body[range.clone()].trim_start();
            let at = range.end - line.len();
            let line = line.trim_end();
            // Lists of names, and credits: "The Simpsons (Twentieth Century Fox)".
            let names = || {
                line.matches([',', ';']).count() > 1
                    || line
                        .split_once('(')
                        .is_some_and(|(before, _)| before.split_whitespace().count() < 5)
            };
            (is_title_case(line) && !names()).then_some(at..at + line.len())
        })
        .collect();
    if headlines.is_empty() {
        return body.into();
    }
    // The headlines vouch for none of their capitals, nor for one another's.
    let mut rest = String::with_capacity(body.len());
    let mut from = 0;
    for range in &headlines {
        rest.push_str(&body[from..range.start]);
        from = range.end;
    }
    rest.push_str(&body[from..]);
    let mut recased = body.to_string();
    for range in headlines {
        let written = written_as_body(&body[range.clone()], &rest, &vouchers);
        recased.replace_range(range, &written);
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
pub(super) fn headline_names(
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
        // "US" is a country, though "us" is a common word, and "CO" of
        // "ELI LILLY AND CO" a legal form.
        capital
            || !(lower || common.contains(&word.to_ascii_lowercase()))
            || known::known(word).is_some()
            || link::is_legal_form(word)
    };
    // Each name's bytes once a column's label and its unvouched last words are
    // cut.
    let kept: Vec<Range<usize>> = names
        .iter()
        .map(|e| {
            let mut name = e.name.as_str();
            // A company's name before its ticker is whole: "YELLOW FREIGHT
            // <YELL>" ([`headline_company_before_ticker`]).
            let rest = title.strip_prefix(name).unwrap_or_default();
            if rest.starts_with(" <") || rest.starts_with("'S <") {
                return 0..name.len();
            }
            // Reuters labels a column before a slash: "WALL STREET
            // STOCKS/TEXACO", "TALKING POINT/BANKAMERICA", "ENERGY/HEAVY OILS".
            // A label ends in a word the body does not vouch for; "ROYAL
            // BANK/CANADA" and "GULF/WESTERN" name firms.
            let start = match name.split_once('/') {
                Some((label, rest)) if !rest.is_empty() => {
                    let last = label.rsplit(' ').next().unwrap_or(label);
                    match vouched(last) {
                        true => 0,
                        false => label.len() + 1,
                    }
                }
                _ => 0,
            };
            name = &name[start..];
            loop {
                let (head, last) = name.rsplit_once(' ').unwrap_or(("", name));
                if vouched(last) {
                    return start..start + name.len();
                }
                name = head.trim_end();
                if name.is_empty() {
                    return start..start;
                }
            }
        })
        .collect();
    let whole = |(e, kept): (&Entity, &Range<usize>)| *kept == (0..e.name.len());
    if names.iter().zip(&kept).all(whole) || typed_in_lower_case(body) {
        return names;
    }
    for (e, kept) in names.iter_mut().zip(kept) {
        e.name = e.name[kept].to_string();
    }
    names.retain(|e| !e.name.is_empty());
    names
}

/// The names found in a title in capitals, `found`, with the name it opens with
/// between angle brackets made one company's name: Reuters brackets a company
/// without a ticker so (`<PAGE PETROLEUM LTD> YEAR LOSS`). Of Reuters's 375
/// such headlines, 136 left the company out of the article's names: the
/// tagger found nothing there, or pieces ("RESOURCES" of `<MARK RESOURCES
/// INC>`).
pub(super) fn headline_company_in_brackets(title: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    let Some((name, _)) = title
        .strip_prefix('<')
        .and_then(|rest| rest.split_once('>'))
    else {
        return found;
    };
    let spaced = name.trim().len() != name.len();
    if name.is_empty() || spaced || name.contains(|c: char| c.is_lowercase() || c == '<') {
        return found;
    }
    let range = 1..1 + name.len();
    found.retain(|f| f.range.start >= range.end);
    found.insert(
        0,
        Mention {
            kind: EntityKind::Organisation,
            range,
            opens_clause: true,
        },
    );
    found
}

/// Words of Reuters's headlines that no company's name holds: verbs and
/// prepositions, in order.
const HEADLINE_WORDS: [&str; 114] = [
    "-",
    "ACCEPTS",
    "ACQUIRES",
    "ADDS",
    "AFFIRMS",
    "AGREE",
    "AGREED",
    "AGREES",
    "APPROVE",
    "APPROVES",
    "ARE",
    "ASKS",
    "AT",
    "BACKS",
    "BEGINS",
    "BID",
    "BOOSTS",
    "BOUGHT",
    "BUY",
    "BUYS",
    "BY",
    "CALL",
    "CALLS",
    "CHARGES",
    "CLOSES",
    "COMPLETES",
    "CONFIRMS",
    "CUT",
    "CUTS",
    "DECLARES",
    "DENIES",
    "DOWNGRADE",
    "DOWNGRADES",
    "DROPS",
    "EASES",
    "ELECTS",
    "ENDS",
    "EXAMINES",
    "EXPECTS",
    "EXTENDS",
    "FACES",
    "FILE",
    "FILES",
    "FOR",
    "FROM",
    "GAINS",
    "GET",
    "GETS",
    "HAD",
    "HAS",
    "HAVE",
    "HIKES",
    "HOLDERS",
    "IN",
    "IS",
    "JOINS",
    "LETS",
    "LIFTS",
    "LISTS",
    "LOWERS",
    "MAKE",
    "MAY",
    "MERGE",
    "MULLING",
    "NAMES",
    "OFFERS",
    "OKAYS",
    "ON",
    "OPPOSES",
    "PAYS",
    "PCT",
    "PLAN",
    "PLANS",
    "POSTS",
    "PROBE",
    "PROBES",
    "RAISE",
    "RAISES",
    "REJECTS",
    "REPORTS",
    "RESUMES",
    "SAID",
    "SAYS",
    "SEE",
    "SEEK",
    "SEEKS",
    "SEES",
    "SELL",
    "SELLS",
    "SET",
    "SETS",
    "SIGNS",
    "SOLD",
    "STAKE",
    "STARTS",
    "STRIKES",
    "SUE",
    "SUES",
    "SUSPENDS",
    "TAKE",
    "TAKES",
    "TALKS",
    "TERMINATES",
    "TO",
    "UNIT",
    "UPGRADE",
    "UPGRADES",
    "UPS",
    "URGES",
    "WANTS",
    "WILL",
    "WIN",
    "WINS",
    "WITHDRAWS",
];

/// The names found in a title in capitals, `found`, with the words that open it
/// before a stock ticker made one company's name: Reuters opens a headline so
/// (`CAROLINA POWER AND LIGHT CO <CPL> 1ST QTR NET`, `YELLOW FREIGHT <YELL>
/// CUTS RATES`), and the tagger cuts such names into pieces ("CAROLINA" as a
/// place and "LIGHT CO" as a company) or finds their first word alone
/// ("WASHINGTON" of "WASHINGTON MUTUAL SAVINGS BANK") or nothing there
/// (`GENERAL SIGNAL CORP <GSX> 3RD QTR NET`). The words must be a name's: a headline's
/// verb or preposition (`FERC SEEKS STAY OF MIDDLE SOUTH <MSU>`, "STAKE IN"),
/// a word the body writes in lower case only, a known body before other words
/// ("SEC CITES..."), a possessive word alone ("LOWE'S") or a slash (`TALKING
/// POINT/PIEDMONT <PIE>`) leaves the names as found. 8,714 of Reuters's
/// headlines open with words and a ticker.
pub(super) fn headline_company_before_ticker(
    title: &str,
    body: &str,
    mut found: Vec<Mention>,
) -> Vec<Mention> {
    let Some(end) = title.find(" <") else {
        return found;
    };
    let ticker = opens_with_ticker(&title[end..]);
    let name = &title[..end];
    let words = || name.split(' ');
    let a_name = !name.contains(|c: char| c.is_lowercase() || c == '/' || c == '<')
        && words().count() <= 7
        && words().all(|word| !word.is_empty() && HEADLINE_WORDS.binary_search(&word).is_err());
    // "GM'S <GM> CHEVROLET" is General Motors', and "LOWE'S <LOW>" a company:
    // a possessive word alone is left as found. A known body before other
    // words acts on the company: "NYSE EXAMINES HECK'S <HEX>".
    let possessive = !name.contains(' ') && name.ends_with("'S");
    let body_acts = (name.split_once(' ')).is_some_and(|(first, _)| {
        known::known(first).is_some_and(|(kind, _)| kind == EntityKind::Organisation)
    });
    // A word the body writes in lower case alone is a verb's or a noun's:
    // "GABELLI FIRMS HOLD 28.5 DIGIORGIO <DIG>" above "firms it controls hold".
    let common = || {
        words().any(|word| {
            let (lower, capital) = how_body_writes(body, word);
            lower && !capital
        })
    };
    let whole = found.iter().any(|f| f.range == (0..end));
    if !ticker || !a_name || possessive || body_acts || whole || common() {
        return found;
    }
    found.retain(|f| f.range.start >= end);
    // "PAN AM'S <PN> UNIT": Pan Am's.
    let name = name.strip_suffix("'S").unwrap_or(name);
    found.insert(
        0,
        Mention {
            kind: EntityKind::Organisation,
            range: 0..name.len(),
            opens_clause: true,
        },
    );
    found
}

/// The names found in a title in capitals, `found`, each made the longest name
/// of several words found in `body` that the title gives over it, of that
/// name's kind, and without the names it then covers. The tagger cuts a
/// headline's companies into pieces: "CENTRAL" and "SYSTEM" of "CENTRAL
/// BANKING SYSTEM INC <CSYS.O> 3RD QTR NET" were other names, above a body that
/// names Central Banking System Inc, and "AMERICAN" of "UNICORP AMERICAN
/// `<UAC>`" one.
pub(super) fn headline_names_from_body(
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
pub(super) fn has_word(body: &str, word: &str, within: bool) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind::{Location, Person};
    use crate::entities::tests::{mentions_in, mentions_of_kinds, texts_of};

    #[test]
    fn a_name_loses_the_word_joining_its_sentence_to_the_one_before() {
        let body = "Acme rose. But Deutsche Bank fell. Because of Bundesbank rules, \
                    it sold.\n\nAnd the rest held. After Earth opened. The film After\nHours \
                    ran. Again OPEC met.";
        let found = mentions_in(
            body,
            &[
                ("But Deutsche Bank", true),
                ("Because of Bundesbank", true),
                ("And the rest", true),
                ("After Earth", true),
                ("After\nHours", false),
                ("Again OPEC", true),
            ],
        );
        let kept = without_joining_words(body, found);
        assert_eq!(
            texts_of(body, &kept),
            [
                "Deutsche Bank",
                "Bundesbank",
                "Earth",
                "After\nHours",
                "OPEC"
            ]
        );
        assert!(kept.iter().all(|f| !f.opens_clause));
        // A word that opens titles of works stays, and so does a name of one word.
        let body = "So Solid Crew won. But said no.";
        let found = mentions_in(body, &[("So Solid Crew", true), ("But", true)]);
        assert_eq!(
            texts_of(body, &without_joining_words(body, found)),
            ["So Solid Crew", "But"]
        );
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
    fn an_epithet_before_a_name_opening_a_title_is_no_part_of_it() {
        let mut gazetteer = crate::ner::gazetteer::Gazetteer::default();
        gazetteer.add("first-name", "David");
        let body = "Tim Henman, a classy player, won. David Brooks wrote.";
        let cut = |title: &str, name: &str| -> Vec<String> {
            let found = mentions_of_kinds(title, &[(name, Person)]);
            let found = without_title_epithets(title, body, found, &gazetteer);
            texts_of(title, &found)
                .into_iter()
                .map(String::from)
                .collect()
        };
        assert_eq!(
            cut("Classy Henman makes winning start", "Classy Henman"),
            ["Henman"]
        );
        // A first name, a word the body writes with a capital, an initial, and
        // a title in capitals keep their names.
        for (title, name) in [
            ("David Brooks on the right", "David Brooks"),
            ("Tim Henman wins", "Tim Henman"),
            ("R. Kelly speaks", "R. Kelly"),
            ("CLASSY HENMAN WINS", "CLASSY HENMAN"),
        ] {
            assert_eq!(cut(title, name), [name], "{title}");
        }
    }

    #[test]
    fn common_words_after_a_name_the_body_gives_are_cut() {
        let tagger = crate::ner::builtin().unwrap();
        let body = "More: Ted Cruz Dropping Out of the Race; Hillary Clinton Holds On. \
                    Cruz was dropping out, and Hillary Clinton holds on. James Alex Fields \
                    drove across the fields. James F. Will will speak, Jude Law is the law, \
                    and Dropping Out Goes is a play.";
        let people = [
            "Ted Cruz Dropping Out",
            "Hillary Clinton Holds On",
            "Cruz",
            "Hillary Clinton",
            "James Alex Fields",
            "James F. Will",
            "Jude Law",
            "Dropping Out Goes",
        ];
        let found = mentions_of_kinds(body, &people.map(|name| (name, Person)));
        let found = without_trailing_words(body, found, tagger);
        assert_eq!(
            texts_of(body, &found),
            [
                // The surname, or the full name, stands alone in the body.
                "Ted Cruz",
                "Hillary Clinton",
                "Cruz",
                "Hillary Clinton",
                // Nothing gives "James Alex", or a name ending in an initial.
                "James Alex Fields",
                "James F. Will",
                // Two words, or no first name to open it.
                "Jude Law",
                "Dropping Out Goes",
            ]
        );
    }

    #[test]
    fn an_epithet_before_a_person_the_body_names_in_full_is_no_part_of_the_name() {
        let mut gazetteer = crate::ner::gazetteer::Gazetteer::default();
        for name in ["Stephen", "Darius", "Grant", "Alan"] {
            gazetteer.add("first-name", name);
        }
        let body = "The shooter acted alone, the officer said. Shooter Stephen Paddock \
                    fired. Officer Darius Nash and Officer Nash's partner, Uncle Gupta, \
                    a tropical storm and Tropical Storm Chantal. Lord Walker spoke; a lord \
                    wept. Grant Nash left, as the grant did. Officer Byrne came. \
                    Musician Alan Wass played.";
        let people = [
            "Shooter Stephen Paddock",
            "Officer Darius Nash",
            "Officer Nash",
            "Uncle Gupta",
            "Tropical Storm Chantal",
            "Lord Walker",
            "Grant Nash",
            "Officer Byrne",
            "Musician Alan Wass",
        ];
        let found = mentions_of_kinds(body, &people.map(|name| (name, Person)));
        // "musician" is a common word of the model's, though this body never
        // writes it in small letters.
        let common = WordSet::new(vec!["musician".into()]);
        let found = without_epithets(body, found, &gazetteer, &common);
        assert_eq!(
            texts_of(body, &found),
            [
                "Stephen Paddock",
                "Darius Nash",
                "Nash",
                // "uncle" is neither in small letters nor a common word.
                "Uncle Gupta",
                // "storm" is, so "Storm Chantal" is no full name.
                "Tropical Storm Chantal",
                // A peer's title is part of the name.
                "Lord Walker",
                // A first name is no epithet.
                "Grant Nash",
                // No full name gives Byrne.
                "Officer Byrne",
                "Alan Wass",
            ]
        );
    }

    #[test]
    fn headline_words_are_in_order_and_in_capitals() {
        assert!(HEADLINE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(HEADLINE_WORDS.iter().all(|w| *w == w.to_uppercase()));
    }

    #[test]
    fn a_headline_opening_with_a_name_in_angle_brackets_names_the_company() {
        let named = |title: &str, names: &[(&str, EntityKind)]| -> Vec<String> {
            let found = headline_company_in_brackets(title, mentions_of_kinds(title, names));
            (found.iter())
                .map(|f| format!("{:?} {}", f.kind, &title[f.range.clone()]))
                .collect()
        };
        let title = "<JOHN LABATT LTD> BUYS STAKE IN CANADA";
        assert_eq!(
            named(title, &[("JOHN", Person), ("CANADA", Location)]),
            ["Organisation JOHN LABATT LTD", "Location CANADA"]
        );
        assert_eq!(
            named("<PAGE PETROLEUM LTD> YEAR LOSS", &[]),
            ["Organisation PAGE PETROLEUM LTD"]
        );
        // Not at the start, not in capitals, or not a name: as found.
        for title in [
            "UNIT OF <ACME CORP> SOLD",
            "<Acme Corp> sells unit",
            "<> NET",
            "< ACME> NET",
        ] {
            assert_eq!(named(title, &[]), Vec::<String>::new(), "{title}");
        }
    }

    #[test]
    fn a_headline_opening_with_a_company_and_its_ticker_names_the_company() {
        let company = |title: &str, body: &str, names: &[(&str, EntityKind)]| -> Vec<String> {
            let found = mentions_of_kinds(title, names);
            let found = headline_company_before_ticker(title, body, found);
            texts_of(title, &found)
                .into_iter()
                .map(String::from)
                .collect()
        };
        let title = "CAROLINA POWER AND LIGHT CO <CPL> 1ST QTR NET";
        let pieces = [
            ("CAROLINA", Location),
            ("LIGHT CO", EntityKind::Organisation),
        ];
        let body = "Shr 1.22 dlrs vs 1.28 dlrs";
        assert_eq!(
            company(title, body, &pieces),
            ["CAROLINA POWER AND LIGHT CO"]
        );
        let title = "PAN AM'S <PN> UNIT SEES GAIN";
        assert_eq!(company(title, body, &[("PAN", Person)]), ["PAN AM"]);
        // Where the tagger found nothing.
        let title = "GENERAL SIGNAL CORP <GSX> 3RD QTR NET";
        assert_eq!(company(title, body, &[]), ["GENERAL SIGNAL CORP"]);
        // A possessive word alone, a headline's word, a known body acting on
        // the company, and a word the body writes in lower case alone leave
        // the names as they were.
        let unchanged = [
            ("LOWE'S <LOW> 4TH QTR NET", "LOWE", body),
            ("FERC SEEKS STAY OF MIDDLE SOUTH <MSU> RULING", "FERC", body),
            ("SEC CITES HECK'S <HEX> SHARES", "SEC", body),
            (
                "GABELLI FIRMS HOLD 28.5 DIGIORGIO <DIG>",
                "GABELLI",
                "Gabelli said firms it controls hold 28.5 pct of DiGiorgio.",
            ),
            ("UNIT OF ACME <ACM> SOLD", "ACME", body),
            (
                "HOLDERS PLAN PRIME MEDICAL <PMSI> PROXY CONTEST",
                "PRIME MEDICAL",
                body,
            ),
        ];
        for (title, name, body) in unchanged {
            let found = [(name, EntityKind::Organisation)];
            assert_eq!(company(title, body, &found), [name], "{title}");
        }
    }

    #[test]
    fn a_headline_in_capitals_loses_a_columns_label_before_a_slash() {
        let org = EntityKind::Organisation;
        let names = vec![
            Entity::new(org, "WALL STREET STOCKS/TEXACO"),
            Entity::new(org, "POINT/STEEL"),
            Entity::new(org, "ROYAL BANK/CANADA"),
            Entity::new(org, "GULF/WESTERN"),
        ];
        let body = "Texaco stocks rose on Wall Street, and so did steel stocks, the \
                    point being that Royal Bank of Canada and Gulf and Western fell.";
        let kept = headline_names(
            "WALL STREET STOCKS/TEXACO",
            body,
            names,
            &WordSet::default(),
        );
        let kept: Vec<&str> = kept.iter().map(|e| e.name.as_str()).collect();
        // "stocks", "point" and "steel" are words the body writes in small
        // letters only, "bank" and "gulf" words it writes with a capital.
        assert_eq!(kept, ["TEXACO", "ROYAL BANK/CANADA", "GULF/WESTERN"]);
    }

    #[test]
    fn a_headline_keeps_a_legal_form_its_body_does_not_write() {
        let names = vec![Entity::new(
            EntityKind::Organisation,
            "J.P. MORGAN AND CO INC",
        )];
        let common = WordSet::new(vec!["and".into(), "co".into(), "inc".into()]);
        let body = "Shr 1.22 dlrs vs 1.28 dlrs\nNet 238.3 mln vs 250.1 mln";
        let kept = headline_names(
            "J.P. MORGAN AND CO INC <JPM> 1ST QTR NET",
            body,
            names,
            &common,
        );
        assert_eq!(kept[0].name, "J.P. MORGAN AND CO INC");
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
    fn a_line_of_a_body_in_title_case_takes_the_case_the_rest_writes_its_words_in() {
        let tagger = crate::ner::builtin().unwrap();
        let body = "Workers at Acme Steel went back on Tuesday. Their leader, Maria \
                    Bexley, said the country was going in the wrong direction.\n\n\
                    Former Workers Say Our Country Is Going in the Wrong Direction\n\n\
                    Aide To Jessica Bexley Tells New York Times the Strike Is Over\n\n\
                    The Simpsons (Twentieth Century Fox, BBC Two)\n\n\
                    Acme, Bexley Holdings, Global Steel Works\n\n\
                    The Gates Open, Says Maria\nBexley As The Crowd Cheers\n\n\
                    © 2018 Cox Media Group.";
        let recased = headlines_in_body_case(body, tagger);
        let lines: Vec<&str> = recased.split("\n\n").skip(1).collect();
        assert_eq!(
            lines,
            [
                "Former workers say our country is going in the wrong direction",
                // A first name and its surname, a known place and a word that
                // ends names of organisations keep their capitals.
                "Aide to Jessica Bexley tells New York Times the strike is over",
                // Lists of names and credits stay as they are, and so do
                // wrapped lines and names of firms.
                "The Simpsons (Twentieth Century Fox, BBC Two)",
                "Acme, Bexley Holdings, Global Steel Works",
                "The Gates Open, Says Maria\nBexley As The Crowd Cheers",
                "© 2018 Cox Media Group.",
            ]
        );
        assert_eq!(recased.len(), body.len(), "byte ranges hold");
        assert!(
            matches!(
                headlines_in_body_case("Acme fell.\n\nIt Rose Today", tagger),
                std::borrow::Cow::Borrowed(_)
            ),
            "too few capitalised words for a headline"
        );
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
}
