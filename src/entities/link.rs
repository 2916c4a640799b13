//! Within one article, naming each entity once: a short mention of a person joins
//! the full name it abbreviates ("Zelensky" or "Mr Zelensky" after "Volodymyr
//! Zelensky"), an organisation's full name joins the acronym the article also uses
//! for it ("International Monetary Fund" and "IMF"), and common aliases of
//! countries and bodies resolve to one name ("U.S." and "usa" to "United States").

use super::initials;
use super::kinds::STORMS;
use super::known::{is_given_name, known, state, state_of_party_tag};
use crate::article::{Entity, EntityKind};
use crate::fold::fold;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;

/// `word` in ASCII lower case, in `buffer`; `None` if it does not fit. Names are
/// compared this way with the short words of a table, without allocating.
pub fn lower_case<'b, const N: usize>(word: &str, buffer: &'b mut [u8; N]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(lower)
}

/// The name a filter on `kind` looks `name` up by, as articles list it: a known
/// alias gives its canonical name ("U.S." gives "United States"), so does a
/// state's abbreviation ("Calif." gives "California"), a person loses a
/// title ("Mr Blair" gives "Blair"), and a company its legal form ("Chrysler
/// Corp" gives "Chrysler").
pub fn alias(kind: EntityKind, name: &str) -> &str {
    match known(name) {
        Some((k, canonical)) if k == kind => canonical,
        _ if kind == EntityKind::Person => without_title(name),
        _ if kind == EntityKind::Location => state(name).unwrap_or(name),
        // Every article that gives a company's legal form files it without
        // the form too (or under the acronym it spells out, `index::filed`).
        _ if kind == EntityKind::Organisation => bare_company(name),
        _ => name,
    }
}

/// Whether `word` gives a company's legal form, ignoring case and a final full
/// stop: "Corp", "Inc.", "PLC", and the "N.A." or "NA" of an American national
/// bank ("Chase Manhattan Bank N.A."), in capitals only: Li Na is a tennis
/// player. "Corporation" is not one: it ends the names of public bodies
/// ("Commodity Credit Corporation", "British Broadcasting Corporation") more
/// often than companies' names: 59 of Reuters's 148 are the Commodity Credit
/// Corporation.
pub fn is_legal_form(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    matches!(
        lower_case(word, &mut [0; 12]).unwrap_or_default(),
        b"inc"
            | b"corp"
            | b"co"
            | b"cos"
            | b"ltd"
            | b"plc"
            | b"llc"
            | b"llp"
            | b"lp"
            | b"l.p"
            | b"ag"
            | b"sa"
            | b"s.a"
            | b"nv"
            | b"n.v"
            | b"bv"
            | b"b.v"
            | b"spa"
            | b"s.p.a"
            | b"gmbh"
            | b"pty"
            | b"bhd"
            | b"oy"
            | b"kk"
            | b"ab"
            | b"a/s"
            | b"incorporated"
            | b"limited"
    ) || matches!(word, "NA" | "N.A")
}

/// Whether `name` is nothing but legal forms ("Ltd", "Co Ltd"): the tagger cut it
/// off a company's name.
pub fn only_legal_forms(name: &str) -> bool {
    name.split_whitespace().all(is_legal_form)
}

/// An organisation's name without the legal form it ends with, so that "Chrysler
/// Corp" and "Chrysler" are one company: "Merrill Lynch and Co Inc" gives "Merrill
/// Lynch", and "Interpublic Group of Cos" "Interpublic Group". A name that is
/// nothing but legal forms is kept whole.
fn without_legal_form(name: &str) -> &str {
    if only_legal_forms(name) {
        return name;
    }
    let mut rest = name;
    while let Some((head, last)) = rest.rsplit_once(' ') {
        if !is_legal_form(last) {
            break;
        }
        rest = head.trim_end_matches([',', ' ']);
        // "Merrill Lynch and Co", "J.P. MORGAN AND CO INC" of a headline,
        // "Interpublic Group of Cos".
        rest = (rest.rsplit_once(' '))
            .filter(|&(_, word)| {
                word.eq_ignore_ascii_case("and") || word == "&" || word.eq_ignore_ascii_case("of")
            })
            .map_or(rest, |(head, _)| head);
    }
    rest
}

/// An organisation's name without its legal form and without a leading "The"
/// before two words or more, which articles write or leave out as they like:
/// "The New York Times" and "New York Times" are one, as "The Associated Press"
/// and "Associated Press" are. "The Times" and "The Guardian" keep theirs: a word
/// alone ("Times", "Sun") says less.
pub(crate) fn bare_company(name: &str) -> &str {
    without_leading_the(without_legal_form(name))
}

/// `name` without a leading "The" (in any case) that two words or more follow.
fn without_leading_the(name: &str) -> &str {
    (after_the(name).map(str::trim_start))
        .filter(|rest| rest.contains(' '))
        .unwrap_or(name)
}

/// What follows a leading "The " (in any case) in `name`, if it opens with one.
pub(crate) fn after_the(name: &str) -> Option<&str> {
    let the = name.get(..4)?;
    the.eq_ignore_ascii_case("the ").then(|| &name[4..])
}

/// Words only the names of bodies and companies end in, in order
/// ([`names_a_body`]).
const BODY_ENDS: [&str; 67] = [
    "administration",
    "agency",
    "airlines",
    "airways",
    "associates",
    "association",
    "athletic",
    "authority",
    "aviation",
    "bancorp",
    "bancshares",
    "chronicle",
    "college",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "daily",
    "electric",
    "electronics",
    "enterprises",
    "examiner",
    "federation",
    "films",
    "foods",
    "foundation",
    "gazette",
    "government",
    "group",
    "herald",
    "holdings",
    "industries",
    "institution",
    "journal",
    "laboratories",
    "mining",
    "ministry",
    "motors",
    "network",
    "organisation",
    "organization",
    "parliament",
    "partners",
    "pharmaceuticals",
    "pictures",
    "publishing",
    "realty",
    "records",
    "report",
    "reporter",
    "research",
    "resources",
    "review",
    "rovers",
    "school",
    "securities",
    "senate",
    "services",
    "software",
    "studios",
    "technology",
    "tribune",
    "university",
    "utilities",
    "wanderers",
    "weekly",
];

/// Whether `name` is of several words and ends in a word that only the name
/// of a body or a company ends in, or its plural, in any case: "Reagan
/// Administration", "Thatcher government", "High Court", "Clare College",
/// "International Olympic Committee", "Abbott Laboratories", "Sherman Clay
/// Group", "Percept Films", "Hollywood Reporter", "Drudge Report", "Peking
/// Review". The tagger took "High Court"
/// for a place in 21 articles, "International Olympic Committee" for an other
/// name in 6, and "Abbott Laboratories" for a person in 3. Words that end
/// places' names too are left out: "White House", "Soviet Union", "West Bank",
/// "Trade Centre", "Harris Trust".
///
/// So is a name of several words that opens as companies and banks of other
/// languages open ([`BODY_OPENS`]): the tagger took "Cie de St.Gobain" and
/// "Compagnie des Machines Bull" for places, "Societe Generale de Belgique"
/// for a person and "Banque du Caire" for an other name.
fn names_a_body(name: &str) -> bool {
    let singular = name.strip_suffix(['s', 'S']);
    let first = name
        .split_once(' ')
        .map(|(first, _)| first.trim_end_matches('.'));
    ends_among(&BODY_ENDS, name)
        || singular.is_some_and(|one| ends_among(&BODY_ENDS, one))
        || first.is_some_and(|first| among(&BODY_OPENS, first))
}

/// Words that open the names of companies and banks in French, Italian,
/// Portuguese and Spanish, in order ([`names_a_body`]). "Cia" is left out: in
/// capitals it is the CIA.
const BODY_OPENS: [&str; 13] = [
    "banca",
    "banco",
    "banque",
    "cie",
    "compagnia",
    "compagnie",
    "companhia",
    "compania",
    "groupe",
    "grupo",
    "sociedad",
    "sociedade",
    "societe",
];

/// Whether `name` is of several words and its last word, in lower case, is one
/// of `words` ([`among`]).
fn ends_among(words: &[&str], name: &str) -> bool {
    name.rsplit_once(' ')
        .is_some_and(|(_, last)| among(words, last))
}

/// Words that end the names of places of nature and waters, and Louisiana's
/// parishes, in order ([`names_a_place`]). Words that end surnames too are
/// left out ("Lake", "Field", "Hill", "Bridge", "Green"), and so is "Street",
/// the name of shows too ("Coronation Street").
const PLACE_ENDS: [&str; 20] = [
    "basin",
    "bay",
    "beach",
    "canal",
    "coast",
    "desert",
    "falls",
    "gulf",
    "heights",
    "island",
    "islands",
    "mountains",
    "ocean",
    "parish",
    "peninsula",
    "river",
    "sea",
    "springs",
    "strait",
    "valley",
];

/// Whether `name` is of several words and ends in a word that ends the names of
/// places of nature and waters, in any case: "Cooper Basin", "Golan Heights",
/// "Silicon Valley". The tagger took "Cooper Basin", an oil field of
/// Australia, for a person in 9 articles of Reuters. A name with "of", "on" or
/// "and" in it is a body's of the place ("Norstar Bank of the Hudson Valley").
fn names_a_place(name: &str) -> bool {
    let body = name
        .split(' ')
        .any(|word| matches!(word, "of" | "on" | "and"));
    !body && ends_among(&PLACE_ENDS, name)
}

/// Words that end the names of laws, treaties, plans, rounds of talks and
/// awards, in order ([`names_a_law`]).
const LAW_ENDS: [&str; 15] = [
    "accord",
    "accords",
    "act",
    "agreement",
    "amendment",
    "award",
    "awards",
    "bill",
    "constitution",
    "plan",
    "prize",
    "prizes",
    "protocol",
    "round",
    "treaty",
];

/// Whether `name` is of several words and ends in a word for a law, a treaty, a
/// plan, a round of talks or an award, in any case: "Tax Reform Act", "Louvre
/// Accord", "Marshall Plan", "Uruguay Round", "Mercury Music Prize", "MTV
/// Europe Awards". CoNLL counts them as other names; the tagger took them for
/// organisations, places and people ("Marshall Plan" in 9 articles, awards in
/// 87 article entries of the five corpora). A known body stays one ("General
/// Agreement on Tariffs and Trade" is GATT), and so do a pact ("Warsaw Pact")
/// and a programme ("World Food Programme").
fn names_a_law(name: &str) -> bool {
    ends_among(&LAW_ENDS, name)
}

/// A person's name without the title it opens with, so that "Mr Blair" joins
/// "Tony Blair" as "Blair" would: British news writes "Mr", "Ms" and "Dr" before
/// almost every repeat of a name, and the tagger takes the title into the name,
/// as it sometimes does an office ("Senator Elizabeth Warren"). Titles that are
/// part of how someone is named ("Lord Falconer", "Sir Alex", "Pope Francis")
/// are kept. So is a letter or office written after the name ("Philippe Sands
/// QC", "Frank Field MP").
fn without_title(name: &str) -> &str {
    let name = match name.split_once(' ') {
        Some((first, rest)) if is_title(first) => rest,
        _ => name,
    };
    match name.rsplit_once(' ') {
        Some((rest, last)) if is_post_nominal(last) => rest,
        _ => name,
    }
}

/// Words that end the names of buildings and grounds, in order
/// ([`names_a_building`]). "Hall" and "House" are left out: "Fawn Hall" is a
/// person, "Maxwell House" a brand of coffee.
const BUILDING_ENDS: [&str; 10] = [
    "airport", "arena", "center", "centre", "hospital", "hotel", "library", "museum", "prison",
    "stadium",
];

/// Whether `name` is of several words and ends in a word for a building or a
/// ground, in any case: "Kennedy Space Center", "Bradley International
/// Airport", "Hilton Hotel", "Madejski Stadium". The tagger took such names for
/// people in 25 article entries of the five corpora; a person's name they
/// hold is a building's, which is a place.
fn names_a_building(name: &str) -> bool {
    ends_among(&BUILDING_ENDS, name)
}

/// Whether `name`, of several words, opens as the title of a work does and no
/// person's name does: with "My" or "The" ("My Summer of Love", a film, "The
/// Sims", a game). The tagger took "My Summer of Love" for a person in 6
/// articles.
fn opens_a_work(name: &str) -> bool {
    name.split_once(' ')
        .is_some_and(|(first, _)| matches!(first, "My" | "MY" | "The" | "THE"))
}

/// Each storm's given name alone, an other name ([`super::kinds`] makes it
/// one), under the storm's full name the article gives: "Irma" beside
/// "Hurricane Irma", which had counted apart in 7 articles.
fn storms_joined(canonical: &mut [Name]) {
    let storms: Vec<&str> = (canonical.iter())
        .filter(|&&(kind, name)| {
            kind == EntityKind::Other && STORMS.iter().any(|storm| name.starts_with(storm))
        })
        .map(|&(_, name)| name)
        .collect();
    for entry in canonical.iter_mut() {
        let (kind, name) = *entry;
        if kind != EntityKind::Other || name.contains(' ') {
            continue;
        }
        let named = |storm: &str| {
            storm
                .rsplit_once(' ')
                .is_some_and(|(_, given)| given == name)
        };
        if let Some(storm) = storms.iter().copied().find(|storm| named(storm)) {
            *entry = (kind, storm);
        }
    }
}

/// The votes for a person's kind that a name after a title casts, against one
/// for each other mention ([`canonicalize`]).
const TITLED: u16 = 100;

/// Whether `word` is letters or an office written after a name in British
/// news: "QC", "MP", "MEP", "OBE". Its case must be as given.
fn is_post_nominal(word: &str) -> bool {
    matches!(
        word,
        "QC" | "KC" | "MP" | "MEP" | "MSP" | "OBE" | "MBE" | "CBE" | "KBE" | "DBE"
    )
}

/// Whether `word` is a courtesy title or an office written before a name,
/// ignoring case and a final full stop. Ranks of the forces and the police
/// count in their abbreviations ("Gen. Kelly", "Gen Musharraf", "Col. Oliver
/// North") and three in full; "General", "Major", "Captain" and "Admiral" open
/// names of companies and leagues ("General Motors", "Major League Baseball").
pub(crate) fn is_title(word: &str) -> bool {
    matches!(
        lower_case(word.trim_end_matches('.'), &mut [0; 15]).unwrap_or_default(),
        b"mr"
            | b"mrs"
            | b"ms"
            | b"miss"
            | b"mx"
            | b"dr"
            | b"prof"
            | b"professor"
            | b"president"
            | b"president-elect"
            | b"senator"
            | b"sen"
            | b"rep"
            | b"congressman"
            | b"congresswoman"
            | b"assemblyman"
            | b"assemblywoman"
            | b"councilman"
            | b"councilwoman"
            | b"councilor"
            | b"councillor"
            | b"alderman"
            | b"sheriff"
            | b"governor"
            | b"gov"
            | b"mayor"
            | b"judge"
            | b"chairman"
            | b"chancellor"
            | b"gen"
            | b"col"
            | b"colonel"
            | b"lt"
            | b"lieutenant"
            | b"maj"
            | b"capt"
            | b"sgt"
            | b"sergeant"
            | b"cpl"
            | b"adm"
            | b"brig"
            | b"cmdr"
            | b"supt"
            | b"insp"
    )
}

/// Whether `name` is the whole of `company`'s name or its first words, ignoring
/// case: "Kidder" opens "Kidder Peabody and Co".
fn opens(company: &str, name: &str) -> bool {
    company.is_char_boundary(name.len())
        && company[..name.len()].eq_ignore_ascii_case(name)
        && (company.len() == name.len() || company[name.len()..].starts_with([' ', ',']))
}

/// Two to six capital letters: "IMF", "GM".
pub(crate) fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// The initials of a name of two words or more, from its capitalised words only:
/// "Organisation of Petroleum Exporting Countries" gives "OPEC". In a name not
/// written in capitals, an acronym gives all its letters: "EC Commission" gives
/// "ECC", not "EC".
fn initials(name: &str) -> Option<String> {
    let words = name.split_whitespace();
    if words.clone().count() < 2 {
        return None;
    }
    let headline = !name.chars().any(char::is_lowercase);
    let mut initials = String::new();
    for word in words {
        if !headline && is_acronym(word) {
            initials.push_str(word);
        } else if let Some(first) = word.chars().next().filter(|c| c.is_uppercase()) {
            initials.push(first);
        }
    }
    (initials.chars().count() >= 2).then_some(initials)
}

/// Whether `acronym` abbreviates `name`, a name of two words or more, looser
/// than its initials do: the acronym is the beginnings of the name's words in
/// order, each word with a capital giving one ("PEMEX" of "Petroleos
/// Mexicanos", "COMEX" of "Commodity Exchange"). A hyphen opens a word ("IADB"
/// of "Inter-American Development Bank"), "of", "the", "de" and "del" may give
/// their first letter or nothing ("DOJ" of "Department of Justice", "BNL" of
/// "Banca Nazionale del Lavoro"), and "and" gives none. A word of the name is
/// no acronym of it ("EC Commission" is not the EC), and no word may be left
/// out: "SEC" is not "Senate Banking Committee", nor "EC" the "European Court
/// of Justice".
fn abbreviates(acronym: &str, name: &str) -> bool {
    let word = |word: &str| word.eq_ignore_ascii_case(acronym);
    // Most names open with another letter than the acronym: they are passed
    // over before their words are gathered.
    let opening = name.chars().find(|c| !matches!(c, ' ' | '\n' | '-' | '.'));
    let opens_alike = (opening.zip(acronym.chars().next()))
        .is_some_and(|(n, a)| n.to_lowercase().eq(a.to_lowercase()));
    if !opens_alike || !name.contains(' ') || name.split(' ').any(word) {
        return false;
    }
    let words: Vec<String> = (name.split([' ', '\n', '-']))
        .filter(|word| !word.is_empty())
        .map(|word| word.replace('.', "").to_lowercase())
        .collect();
    abbreviated(&acronym.to_lowercase(), &words)
}

/// Whether `letters` are the beginnings of `words` (see [`abbreviates`]).
fn abbreviated(letters: &str, words: &[String]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let small = matches!(word.as_str(), "of" | "the" | "de" | "del");
    if matches!(word.as_str(), "and" | "&") || small && abbreviated(letters, rest) {
        return abbreviated(letters, rest);
    }
    let gives = |len: usize| {
        word.get(..len)
            .is_some_and(|start| letters.starts_with(start))
    };
    (1..=word.len().min(letters.len())).any(|len| gives(len) && abbreviated(&letters[len..], rest))
}

/// The full name, without its legal form, that `name` gives of `acronym`: its
/// initials with the legal form or without are the acronym. "General Motors"
/// of "General Motors Corp" for "GM", "Federal Deposit Insurance" of "Federal
/// Deposit Insurance Corp" for "FDIC".
pub fn spells_out<'n>(acronym: &str, name: &'n str) -> Option<&'n str> {
    let short = without_legal_form(name);
    let spells = |name: &str| initials(name).is_some_and(|i| i == acronym);
    (spells(short) || spells(name)).then_some(short)
}

/// Words that head the names of bodies ("Bank of England", "Ministry of
/// Finance", "House Budget Committee", "Commission on Good Government"), which
/// an article goes on to use alone ("the Bank said", "the House voted").
/// "Alliance" is not one: alone, it is the Alliance Party beside it. In order,
/// for [`among`].
const BODY_HEADS: [&str; 42] = [
    "academy",
    "agency",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "campaign",
    "center",
    "centre",
    "chamber",
    "coalition",
    "college",
    "commission",
    "committee",
    "conference",
    "congress",
    "convention",
    "council",
    "court",
    "department",
    "exchange",
    "federation",
    "forum",
    "foundation",
    "fund",
    "group",
    "house",
    "institute",
    "institution",
    "league",
    "ministry",
    "office",
    "organisation",
    "organization",
    "school",
    "senate",
    "society",
    "trust",
    "union",
    "university",
];

/// Whether `word` heads the names of bodies, ignoring case: "Commission".
pub(crate) fn heads_bodies(word: &str) -> bool {
    among(&BODY_HEADS, word)
}

/// Whether `word`, in lower case, is one of `words`, which are in lower case and
/// in order. Canonicalising tests every mention against a few such lists, so
/// this looks up rather than compares with each.
pub(super) fn among(words: &[&str], word: &str) -> bool {
    let mut buffer = [0; 16];
    let lower = lower_case(word, &mut buffer).and_then(|b| std::str::from_utf8(b).ok());
    lower.is_some_and(|lower| words.binary_search(&lower).is_ok())
}

/// Gives a one-word organisation the name of the article's longer one it is a
/// word of: "Kodak" beside "Eastman Kodak", "Merrill" beside "Merrill Lynch",
/// "the Commission" beside "EC Commission". Of several, it takes the one the
/// article named last before it ("the Bank" after "Bank of Greece", with "Bank
/// of Tokyo" further on), and none if it comes before them all. A first word
/// is a company's short name, but not always:
/// - the head of a body joins only a name it heads before "of" ("the Bank"
///   beside "Bank of England"): "the House" is not its "House Budget Committee";
/// - an acronym, and a word before a place, name the parent company: "GM"
///   beside "GM Canada", "Texaco" beside "Texaco Canada", "Ford" beside "Ford
///   Motor Co of Canada". A place is one the article names, or a known alias.
///
/// A known body keeps its name ("GATT" beside "Uruguay Round of GATT"), and so
/// does a company the article gives with its legal form, one of `companies`
/// ("Boeing Co's Boeing Aerospace Co"). A longer name in capitals, from a
/// headline, takes none, nor does one that runs two names together.
///
/// A headline's name in capitals, of one word or several, joins the first of
/// the body's names that it opens where the body writes those words in small
/// letters: "TOYOTA" and "ROYAL BANK" above Toyota Motor Corp and the Royal
/// Bank of Canada. A word in capitals the body writes so too ("GM" of "GM
/// Overseas Distribution") is an acronym, and names the parent.
fn short_organisations_joined(resolved: &mut [Name], mentions: &[Entity], companies: &[&str]) {
    // Small words a name may hold; any other word in lower case ("Reebok shares
    // Pentland") says the tagger ran two names together.
    let small = |word: &str| {
        !word.starts_with(char::is_lowercase)
            || [
                "of", "and", "the", "for", "de", "des", "du", "di", "la", "le",
            ]
            .contains(&word)
    };
    // Longer names, each with the name it resolved to: a full name the article
    // goes on to give by its acronym counts as the acronym ("Fund" beside
    // "International Monetary Fund" is the IMF). A law's name counts too:
    // "Louvre" joins "Louvre Accord".
    let mut longer: Vec<(&str, &str)> = Vec::new();
    // Where the article names each: (mention, longer name).
    let mut named: Vec<(usize, usize)> = Vec::new();
    for (at, (mention, &(kind, name))) in mentions.iter().zip(resolved.iter()).enumerate() {
        let spelt = Some(mention.name.as_str()).filter(|_| is_acronym(name));
        for full in [Some(name), spelt].into_iter().flatten() {
            let fits = (kind == EntityKind::Organisation || names_a_law(full))
                && full.contains(' ')
                && full.contains(char::is_lowercase)
                && full.split(' ').all(small);
            if !fits {
                continue;
            }
            let seen = (longer.iter()).position(|(seen, _)| seen.eq_ignore_ascii_case(full));
            named.push((at, seen.unwrap_or(longer.len())));
            if seen.is_none() {
                longer.push((full, name));
            }
        }
    }
    if longer.is_empty() {
        return;
    }
    let places: Vec<&str> = (resolved.iter())
        .filter(|&&(kind, _)| kind == EntityKind::Location)
        .map(|&(_, name)| name)
        .collect();
    let lower: Vec<&str> = (resolved.iter())
        .map(|&(_, name)| name)
        .filter(|name| !name.contains(' ') && name.contains(char::is_lowercase))
        .collect();
    let place = |word: &str| {
        places.iter().any(|p| p.eq_ignore_ascii_case(word))
            || known(word).is_some_and(|(kind, _)| kind == EntityKind::Location)
    };
    let shortens = |full: &str, word: &str| {
        let mut words = full.split(' ');
        let first = words.next().unwrap_or_default();
        if first.eq_ignore_ascii_case(word) {
            if heads_bodies(word) {
                return words.next() == Some("of");
            }
            // "USAIR" of a headline is the "USAir" of the body, and "TOYOTA"
            // the "Toyota" of "Toyota Motor Corp".
            let acronym = is_acronym(word)
                && !first.contains(char::is_lowercase)
                && !lower.iter().any(|n| n.eq_ignore_ascii_case(word));
            return !acronym && !words.any(place);
        }
        // A headline's name of several words opens the body's: "ROYAL BANK"
        // is the Royal Bank of Canada.
        if word.contains(' ') {
            return full.len() > word.len() && opens(full, word);
        }
        // After "and", a word may start another company's name ("Toshiba and
        // Sharp").
        let mut before = first;
        words.any(|w| {
            let joins = w.eq_ignore_ascii_case(word) && !["and", "&"].contains(&before);
            before = w;
            joins
        })
    };
    for (at, (kind, name)) in resolved.iter_mut().enumerate() {
        let whole = |name: &str| {
            known(name).is_some() || companies.iter().any(|c| c.eq_ignore_ascii_case(name))
        };
        if *kind != EntityKind::Organisation
            || (name.contains(' ') && name.contains(char::is_lowercase))
            || whole(name)
        {
            continue;
        }
        let mut holders = (longer.iter()).filter(|(full, _)| shortens(full, name));
        let first = holders.next().copied();
        let only = first
            .filter(|&(_, to)| holders.all(|&(_, other)| other == to))
            .map(|(_, to)| to);
        // Of several, the one named last before. A headline's name in capitals,
        // which the body writes in small letters, comes after the body's names:
        // it takes the one the body named first ("FORD" above "Ford Motor Co's
        // Ford Motor Credit Co unit").
        let last = || {
            (named.iter().rev())
                .filter(|&&(named_at, _)| named_at < at)
                .map(|&(_, held)| longer[held])
                .find(|(full, _)| shortens(full, name))
                .map(|(_, to)| to)
        };
        let headline = first.is_some_and(|(full, _)| {
            !name.contains(char::is_lowercase)
                && opens(full, name)
                && full[..name.len()].contains(char::is_lowercase)
        });
        let to = match first {
            Some((_, to)) if headline => Some(to),
            _ => only.or_else(last),
        };
        if let Some(to) = to {
            *name = to;
            if names_a_law(to) {
                *kind = EntityKind::Other;
            }
        }
    }
}

/// Gives a name of one word that joined no one the name of the article's
/// company named by initials and that word: "Grace" beside "W.R. Grace", which
/// the tagger took for a place in 6 articles of Reuters, "Hutton" beside "E.F.
/// Hutton", a person in 6. Of several such companies ("E.F. Hutton Group"), the
/// shortest name. A known name keeps its own ("Indonesia" beside "P.T.
/// Indonesia Asahan Aluminium"), and so do initials that are a place's ("U.S.
/// Wickes Companies"), a time's ("P.M. Peking", as the tagger read "3 P.M.
/// Peking time") or a legal form's (Indonesia's "P.T.", "N.V."): the word after
/// those may be a country's.
fn initialled_companies_joined(canonical: &mut [Name]) {
    let initials = |word: &str| {
        !word.is_empty()
            && word.split_inclusive('.').all(|letter| {
                let mut chars = letter.chars();
                chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.as_str() == "."
            })
            && known(word).is_none()
            && !is_legal_form(word)
            && !["A.M.", "P.M.", "P.T."].contains(&word)
    };
    // By the word after the initials, in lower case: a headline's "ERICSSON"
    // joins "L.M. Ericsson" too.
    let mut companies: HashMap<String, &str> = HashMap::default();
    for &(kind, name) in canonical.iter() {
        let mut words = name.split(' ');
        let (Some(first), Some(word)) = (words.next(), words.next()) else {
            continue;
        };
        if kind == EntityKind::Organisation && initials(first) {
            let shortest = companies.entry(word.to_lowercase()).or_insert(name);
            if name.len() < shortest.len() {
                *shortest = name;
            }
        }
    }
    if companies.is_empty() {
        return;
    }
    for (kind, name) in canonical.iter_mut() {
        if name.contains(' ') || known(name).is_some() {
            continue;
        }
        if let Some(&company) = companies.get(&name.to_lowercase()) {
            (*kind, *name) = (EntityKind::Organisation, company);
        }
    }
}

/// Joins the spellings of a person with and without middle initials, or with
/// initials stopped and not ("Donald J. Trump" and "Donald Trump"): each takes
/// the spelling the article uses most, the first of equals (`initials`). A
/// surname alone ("Trump") then has one full name to join. `folded` holds
/// each name folded.
fn people_with_initials_joined(resolved: &mut [Name], folded: &[&str]) {
    let full_person = |&(kind, name): &Name| kind == EntityKind::Person && name.contains(' ');
    // Folded full names with their mentions, and the first spelling of each.
    let mut names: Vec<(&str, u64)> = Vec::new();
    let mut spellings: Vec<&str> = Vec::new();
    for (&name, folded) in resolved.iter().zip(folded).filter(|(n, _)| full_person(n)) {
        match names.iter_mut().find(|(seen, _)| seen == folded) {
            Some((_, mentions)) => *mentions += 1,
            None => {
                names.push((folded, 1));
                spellings.push(name.1);
            }
        }
    }
    // Most articles name no two people under one surname.
    fn last(name: &str) -> &str {
        name.rsplit(' ').next().unwrap_or_default()
    }
    let shared = (names.iter().enumerate())
        .any(|(at, &(a, _))| names[at + 1..].iter().any(|&(b, _)| last(a) == last(b)));
    if !shared {
        return;
    }
    let joined = initials::joined(&names);
    for (name, folded) in resolved.iter_mut().zip(folded) {
        let to = initials::person(&joined, folded);
        if to != *folded && full_person(name) {
            let at = names.iter().position(|&(seen, _)| seen == to);
            name.1 = spellings[at.expect("joined names are the article's")];
        }
    }
}

/// Joins a person's name with middle names to the same name without them
/// ("Hillary Rodham Clinton" to Hillary Clinton, "Robert Gabriel Mugabe" to
/// Robert Mugabe) where the article writes the shorter name too, and no other
/// middle names stand between the same first name and surname. The shorter
/// name is the one the rest of the index counts, and the surname alone then has
/// one full name to join. A last word such as "Jr." tells a son from his
/// father, so such names are left alone. `folded` holds each name folded.
fn people_with_middle_names_joined(resolved: &mut [Name], folded: &[&str]) {
    let person = |&(kind, _): &Name| kind == EntityKind::Person;
    // Whether folding kept a name's words as they were ("Kilroy-Silk" folds
    // to two).
    let words_kept =
        |name: &str, folded: &str| name.split(' ').count() == folded.split(' ').count();
    // A name of three words or more: its first and last word, if no word
    // between is an initial and the last is no generation.
    fn ends(folded: &str) -> Option<(&str, &str)> {
        let (first, rest) = folded.split_once(' ')?;
        let (middle, last) = rest.rsplit_once(' ')?;
        let generation = matches!(last, "jr" | "sr" | "ii" | "iii" | "iv");
        (middle.split(' ').all(|w| w.len() > 1) && !generation).then_some((first, last))
    }
    let long: Vec<Option<(&str, &str)>> = (resolved.iter().zip(folded))
        .map(|(name, folded)| {
            let ends = person(name).then(|| ends(folded)).flatten();
            ends.filter(|_| words_kept(name.1, folded))
        })
        .collect();
    if long.iter().all(Option::is_none) {
        return;
    }
    // The first spelling of each two-word person's name, by its two words.
    let mut short: HashMap<(&str, &str), &str> = HashMap::default();
    let two_words = |(name, folded): &(&Name, &&str)| person(name) && words_kept(name.1, folded);
    for (name, folded) in resolved.iter().zip(folded).filter(two_words) {
        if let Some((first, last)) = folded.split_once(' ').filter(|(_, l)| !l.contains(' ')) {
            short.entry((first, last)).or_insert(name.1);
        }
    }
    for (at, ends) in long.iter().enumerate() {
        let Some(&to) = ends.and_then(|ends| short.get(&ends)) else {
            continue;
        };
        let alone = (long.iter().zip(folded))
            .all(|(other, other_folded)| other != ends || *other_folded == folded[at]);
        if alone {
            resolved[at].1 = to;
        }
    }
}

/// Joins a person written with a first initial, as BBC Sport's team sheets
/// write players ("R O'Gara"), to the only full name of the article with the
/// same surname and a first name of that initial ("Ronan O'Gara"). Such names
/// were 129 article entries of BBC beside the full name. `folded` holds each
/// name folded.
fn first_initials_joined(resolved: &mut [Name], folded: &[&str]) {
    // The initial of a name such as "R O'Gara" or "R. O'Gara", and where its
    // folded surname starts, at a space.
    fn initial(name: &str, folded: &str) -> Option<(char, usize)> {
        let (first, _) = name.split_once(' ')?;
        let mut letters = first.strip_suffix('.').unwrap_or(first).chars();
        let letter = letters.next().filter(|c| c.is_uppercase())?;
        let rest = folded.find(' ')?;
        letters.next().is_none().then_some((letter, rest))
    }
    let person = |&(kind, _): &Name| kind == EntityKind::Person;
    let initialled: Vec<Option<(char, usize)>> = (resolved.iter().zip(folded))
        .map(|(name, folded)| initial(name.1, folded).filter(|_| person(name)))
        .collect();
    if initialled.iter().all(Option::is_none) {
        return;
    }
    let targets: Vec<Option<&str>> = (initialled.iter().zip(folded))
        .map(|(&own, own_folded)| {
            let (letter, space) = own?;
            let surname = &own_folded[space..];
            let mut full = (resolved.iter().zip(folded).zip(&initialled))
                .filter(|&((name, other), initialled)| {
                    person(name)
                        && initialled.is_none()
                        && other.len() > surname.len()
                        && other.ends_with(surname)
                        && name.1.starts_with(letter)
                })
                .map(|((name, other), _)| (name.1, other));
            let (first, first_folded) = full.next()?;
            full.all(|(_, other)| other == first_folded)
                .then_some(first)
        })
        .collect();
    for (name, target) in resolved.iter_mut().zip(targets) {
        if let Some(target) = target {
            name.1 = target;
        }
    }
}

/// The canonical names of an article, `canonical`, with a surname alone that
/// several of its people share joined to the one its `title` names, the
/// article's subject: "Mugabe" beside Robert, Grace and "Cde" Mugabe under
/// "Longtime leader of Zimbabwe Robert Mugabe dies aged 95". A title that
/// names none of them, or several (in full or by the given name: "Robert and
/// Grace Mugabe"), leaves the surname alone, and so does a name that only the
/// title gives.
pub fn surnames_of_the_subject<'a>(canonical: &mut [Name<'a>], title: &str) {
    let person = |&(kind, _): &Name| kind == EntityKind::Person;
    let alone = |name: &Name| person(name) && !name.1.contains(' ');
    if !canonical.iter().any(alone) {
        return;
    }
    let surnames: Vec<Option<&'a str>> = (canonical.iter())
        .map(|name| {
            let surname = name.1;
            if !alone(name) {
                return None;
            }
            let mut full: Vec<&'a str> = (canonical.iter())
                .filter(|other| person(other))
                .filter_map(|&(_, other)| {
                    let (_, last) = other.rsplit_once(' ')?;
                    (last == surname).then_some(other)
                })
                .collect();
            full.sort_unstable();
            full.dedup();
            // The title names a person in full, or by the given name
            // ("Robert and Grace Mugabe").
            let given = |full: &str| {
                let first = full.split(' ').next().unwrap_or_default();
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word == first)
            };
            let mut named = full
                .iter()
                .filter(|full| title.contains(**full) || given(full));
            // The body names the subject too: the title alone may run words
            // into a name ("Only 9% of America Chose Trump").
            let in_body = |subject: &str| canonical.iter().filter(|n| n.1 == subject).count() > 1;
            match (full.len(), named.next(), named.next()) {
                (2.., Some(subject), None) if title.contains(subject) && in_body(subject) => {
                    Some(*subject)
                }
                _ => None,
            }
        })
        .collect();
    for (name, subject) in canonical.iter_mut().zip(surnames) {
        if let Some(subject) = subject {
            name.1 = subject;
        }
    }
}

/// An entity's kind and name, borrowed from the mentions or the alias table.
pub type Name<'a> = (EntityKind, &'a str);

/// Canonical entities of one article's mentions, one per mention (so repeats
/// count), and every name each canonical entity was mentioned under.
///
/// An article names the same entities again and again, so names are folded once
/// per distinct spelling, not once per mention.
pub fn canonicalize<'a>(mentions: &'a [Entity]) -> (Vec<Name<'a>>, Vec<Entity>) {
    // A known name that is a given name too, taken for a person, stays a
    // person where the article names a person with it for a first name:
    // "Chelsea" beside "Chelsea Clinton".
    let first_name = |name: &str| {
        (mentions.iter()).any(|p| {
            p.kind == EntityKind::Person
                && p.name
                    .split_once(' ')
                    .is_some_and(|(first, _)| first == name)
        })
    };
    let known_or_tag = |m: &Entity| {
        let given = m.kind == EntityKind::Person && is_given_name(&m.name) && first_name(&m.name);
        let known = known(&m.name).filter(|_| !given);
        known.or_else(|| state_of_party_tag(&m.name))
    };
    let resolve = |m: &'a Entity| -> Name<'a> {
        // A country's or a body's name is a place or a body, whatever the tagger
        // took it for ("U.K." as an organisation in "U.K. MONEY MARKET", "Reuter"
        // as a person), as is a member of Congress's party tag the state it
        // names ("D-Tex."), and so is a name with a legal form a company
        // ("Buitoni SpA" as a person), a name ending in a word only bodies' names
        // end in a body ("Reagan Administration" as a person, "High Court" as a
        // place), and so is the head of a body's name alone ("the Court said" as
        // a place).
        match known_or_tag(m) {
            Some(name) => name,
            None => {
                let name = without_legal_form(&m.name);
                // "Court" is a surname too: "Margaret Court", "Court said".
                let surname = m.kind == EntityKind::Person
                    && name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case("court"));
                let body = (names_a_body(name) || heads_bodies(name)) && !surname;
                match name {
                    // "Sony Corp" is Sony, "Moody's Investors Services Inc"
                    // Moody's Investors Service.
                    company if company.len() < m.name.len() => known(company)
                        .filter(|&(kind, _)| kind == EntityKind::Organisation)
                        .unwrap_or((EntityKind::Organisation, without_leading_the(company))),
                    _ if names_a_law(name) => (EntityKind::Other, name),
                    _ if names_a_place(name) && !body => (EntityKind::Location, name),
                    _ if m.kind == EntityKind::Person && opens_a_work(name) => {
                        (EntityKind::Other, name)
                    }
                    _ if m.kind == EntityKind::Person && names_a_building(name) && !body => {
                        (EntityKind::Location, name)
                    }
                    _ if m.kind == EntityKind::Person && !body => (m.kind, without_title(&m.name)),
                    _ if m.kind == EntityKind::Organisation || body => {
                        // "The Soviet Union" said, as the tagger read it.
                        let kind = EntityKind::Organisation;
                        match without_leading_the(name) {
                            bare if bare.len() < name.len() => known(bare).unwrap_or((kind, bare)),
                            _ => (kind, name),
                        }
                    }
                    _ => (m.kind, name),
                }
            }
        }
    };
    // Each spelling of each kind resolved once: an article repeats its names.
    let mut seen: HashMap<(EntityKind, &str), Name> = HashMap::default();
    let mut resolved: Vec<Name> = (mentions.iter())
        .map(|m| {
            *seen
                .entry((m.kind, m.name.as_str()))
                .or_insert_with(|| resolve(m))
        })
        .collect();
    // A company's name, once the article has given it with its legal form
    // ("Zenith Corp"), is the company wherever the tagger took it for another
    // kind ("Zenith said" as a person).
    let companies: Vec<&str> = mentions
        .iter()
        .zip(&resolved)
        .filter(|&(m, &(kind, name))| kind == EntityKind::Organisation && name.len() < m.name.len())
        .map(|(_, &(_, name))| name)
        .collect();
    if !companies.is_empty() {
        // Surnames of the people the article names in full, as the words that
        // end their names: "Baker" stays a person beside "James Baker", even
        // with Baker International around.
        let endings: HashSet<&str> = resolved
            .iter()
            .filter(|&&(kind, _)| kind == EntityKind::Person)
            .flat_map(|&(_, full)| full.match_indices(' ').map(move |(at, _)| &full[at + 1..]))
            .collect();
        let surnames: Vec<bool> = resolved
            .iter()
            .map(|&(kind, name)| kind == EntityKind::Person && endings.contains(name))
            .collect();
        for ((kind, name), surname) in resolved.iter_mut().zip(surnames) {
            if *kind == EntityKind::Organisation {
                continue;
            }
            // A person's name may also be the first words of the company's
            // ("Kidder" of "Kidder Peabody and Co"); an adjective may not
            // ("American" of "American Express Co").
            let leads =
                |company: &str| *kind == EntityKind::Person && !surname && opens(company, name);
            let company = (companies.iter())
                .find(|company| company.eq_ignore_ascii_case(name))
                .or_else(|| {
                    // The shortest: "Volvo" is AB Volvo before Volvo Finance.
                    (companies.iter())
                        .filter(|company| leads(company))
                        .min_by_key(|company| company.len())
                });
            if let Some(company) = company {
                (*kind, *name) = (EntityKind::Organisation, company);
            }
        }
    }
    // A name the tagger gave several kinds in one article takes the kind it gave
    // most often, whatever the case it is written in ("Kodak" as an organisation
    // twice and as a person once; "SUBROTO" of a headline as an organisation,
    // "Subroto" of the body as a person twice); a tie leaves each mention as it
    // was.
    // Each name folded once: an article repeats its names.
    let mut folds: HashMap<&str, String> = HashMap::default();
    for &(_, name) in &resolved {
        folds.entry(name).or_insert_with(|| fold(name));
    }
    let folded: Vec<&str> = resolved
        .iter()
        .map(|(_, name)| folds[name].as_str())
        .collect();
    let fold_name = |name: &str| match folds.get(name) {
        Some(folded) => Cow::Borrowed(folded.as_str()),
        None => Cow::Owned(fold(name)),
    };
    let mut kinds: HashMap<&str, [u16; 4]> =
        HashMap::with_capacity_and_hasher(resolved.len(), Default::default());
    for ((&(kind, _), name), mention) in resolved.iter().zip(&folded).zip(mentions) {
        // A title says the name is a person's, however often the tagger took
        // it for another kind: "Mr Lacroix" beside the label "Lacroix".
        let titled = kind == EntityKind::Person
            && (mention.name.split_once(' ')).is_some_and(|(first, _)| is_title(first));
        kinds.entry(name).or_default()[kind as usize] += if titled { TITLED } else { 1 };
    }
    let mixed = |counts: &[u16; 4]| counts.iter().filter(|&&n| n > 0).count() > 1;
    if kinds.values().any(mixed) {
        for ((kind, _), name) in resolved.iter_mut().zip(&folded) {
            let counts = kinds[name];
            let most = (0..4).max_by_key(|&k| counts[k]).expect("four kinds");
            if counts[most] > counts[*kind as usize] {
                *kind = EntityKind::ALL[most];
            }
        }
    }
    people_with_initials_joined(&mut resolved, &folded);
    people_with_middle_names_joined(&mut resolved, &folded);
    first_initials_joined(&mut resolved, &folded);
    let acronyms: HashSet<&str> = resolved
        .iter()
        .filter(|&&(kind, name)| kind == EntityKind::Organisation && is_acronym(name))
        .map(|&(_, name)| name)
        .collect();
    if !acronyms.is_empty() {
        let resolved_names: Vec<&str> = resolved.iter().map(|&(_, name)| name).collect();
        for (mention, (kind, name)) in mentions.iter().zip(&mut resolved) {
            if *kind != EntityKind::Organisation {
                continue;
            }
            // The legal form may be part of the acronym: "Federal Deposit
            // Insurance Corp" is FDIC.
            let spelt = |name: &str| initials(name).and_then(|i| acronyms.get(i.as_str()));
            let stripped = name.len() < mention.name.len();
            let full = || stripped.then(|| spelt(&mention.name)).flatten();
            // Failing that, the only acronym made of the beginnings of its
            // words ("BNL" of "Banca Nazionale del Lavoro"), but for a word in
            // capitals the article also writes in small letters: "TEXACO" of a
            // headline is not "Texas Court".
            let written_small = |acronym: &str| {
                (resolved_names.iter())
                    .any(|&other| other != acronym && other.eq_ignore_ascii_case(acronym))
            };
            let loosely = || {
                let mut made = (acronyms.iter())
                    .filter(|acronym| abbreviates(acronym, name) && !written_small(acronym));
                made.next().filter(|_| made.next().is_none())
            };
            if let Some(acronym) = spelt(name).or_else(full).or_else(loosely) {
                *name = acronym;
            }
        }
    }
    short_organisations_joined(&mut resolved, mentions, &companies);
    // Full person names by each of their words (folded), to find what a short
    // mention abbreviates; a word shared by two different names links to neither.
    // First words apart: "Hillary" beside "Hillary Clinton", and "Zhao" beside
    // "Zhao Ziyang", whose surname comes first, join the full name only if the
    // tagger took them for a person and no full name has the word further on
    // ("Trump" beside "Donald Trump" and a misread "Trump Tower").
    let mut by_word: HashMap<String, Option<&'a str>> = HashMap::default();
    let mut by_first: HashMap<String, Option<&'a str>> = HashMap::default();
    let mut people = HashSet::default();
    for &(kind, name) in &resolved {
        if kind != EntityKind::Person || !people.insert(name) {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        let folded = fold_name(name);
        let note = |map: &mut HashMap<String, Option<&'a str>>, word: &str| {
            let slot = map.entry(fold(word)).or_insert(Some(name));
            if slot.is_some_and(|other| fold_name(other) != folded) {
                *slot = None;
            }
        };
        // A name in capitals is a headline's, where the tagger runs words into
        // names ("NOLAN NORTON").
        if name.contains(char::is_lowercase) {
            note(&mut by_first, words[0]);
        }
        for word in &words[1..] {
            note(&mut by_word, word);
        }
        // And by the words that end it, for surnames of several words: "De
        // Mel" of "Ronnie De Mel", "Perez de Cuellar" of "Javier Perez de
        // Cuellar", "Trump Jr." of "Donald Trump Jr.".
        for (at, _) in name.match_indices(' ') {
            let words = &name[at + 1..];
            if words.contains(' ') {
                note(&mut by_word, words);
            }
        }
    }
    let mut canonical: Vec<Name> = resolved
        .iter()
        .map(|&(kind, name)| {
            // The tagger may take a surname for an organisation, in headlines in
            // capitals above all ("LAWSON SAYS..."); it is still the person,
            // unless it is a known body or leads the name of one of the article's
            // companies ("Taft" of "Taft Broadcasting Co" beside "Dudley Taft").
            // So may it take one for an other name ("Trump" in "NATO wants to
            // convince Trump"), unless it is a known other name: "German"
            // beside "Michael German" stays a nationality. Places keep their
            // kind: "Washington" beside "George Washington". A point of the
            // compass alone is no place: "North" beside "Oliver North" is he.
            let compass = matches!(name, "North" | "South" | "East" | "West");
            let may_join = kind != EntityKind::Location || compass;
            if !may_join || by_word.is_empty() {
                return (kind, name);
            }
            let word = fold_name(name);
            match by_word.get(word.as_ref()) {
                Some(Some(full))
                    if kind == EntityKind::Person
                        || (known(name).is_none()
                            && !companies.iter().any(|company| opens(company, name))) =>
                {
                    (EntityKind::Person, *full)
                }
                None if kind == EntityKind::Person => match by_first.get(word.as_ref()) {
                    Some(&Some(full)) => (kind, full),
                    _ => (kind, name),
                },
                _ => (kind, name),
            }
        })
        .collect();
    initialled_companies_joined(&mut canonical);
    storms_joined(&mut canonical);
    let mut names = HashSet::default();
    for ((mention, &(_, resolved)), &(kind, name)) in mentions.iter().zip(&resolved).zip(&canonical)
    {
        names.extend([mention.name.as_str(), resolved, name].map(|n| (kind, n)));
        if kind == EntityKind::Person {
            names.extend(name.split_whitespace().last().map(|last| (kind, last)));
        }
        // A company's branch goes by its parent's name too: "Nikko Securities"
        // finds "Nikko Securities Co (Europe)", and "Union Bank of Switzerland"
        // the "Union Bank of Switzerland (Securities)" that an article calls UBS.
        for named in [mention.name.as_str(), name]
            .into_iter()
            .filter(|_| kind == EntityKind::Organisation)
        {
            if let Some((parent, _)) = named.split_once(" (") {
                names.insert((kind, without_legal_form(parent)));
            }
        }
    }
    let mut aliases: Vec<(EntityKind, Cow<str>, &str)> = names
        .into_iter()
        .map(|(kind, name)| (kind, fold_name(name), name))
        .collect();
    aliases.sort_unstable();
    aliases.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    let aliases = aliases
        .into_iter()
        .map(|(kind, _, name)| Entity::new(kind, name))
        .collect();
    (canonical, aliases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::{Location, Organisation, Other, Person};

    fn names<'a>(entities: &[Name<'a>]) -> Vec<&'a str> {
        entities.iter().map(|&(_, name)| name).collect()
    }

    /// Mentions of `kind`, one per name.
    fn of_kind(kind: EntityKind, names: &[&str]) -> Vec<Entity> {
        names.iter().map(|&name| Entity::new(kind, name)).collect()
    }

    /// The canonical names of organisations mentioned as `mentions`, in order.
    fn organisations(mentions: &[&str]) -> Vec<String> {
        (canonicalize(&of_kind(Organisation, mentions)).0.iter())
            .map(|&(_, name)| name.to_string())
            .collect()
    }

    #[test]
    fn surnames_join_full_names_in_either_order() {
        let mentions = vec![
            Entity::new(Person, "Zelensky"),
            Entity::new(Person, "Volodymyr Zelensky"),
            Entity::new(Person, "Rutte"),
            Entity::new(Person, "Mark Rutte"),
            Entity::new(Person, "Mick Ryan"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            vec![
                "Volodymyr Zelensky",
                "Volodymyr Zelensky",
                "Mark Rutte",
                "Mark Rutte",
                "Mick Ryan"
            ]
        );
        assert!(aliases.contains(&Entity::new(Person, "Zelensky")));
        assert!(
            aliases.contains(&Entity::new(Person, "Ryan")),
            "surnames are aliases"
        );
    }

    #[test]
    fn surnames_of_several_words_join_full_names() {
        let mentions = vec![
            Entity::new(Person, "Javier Perez de Cuellar"),
            Entity::new(Person, "Perez De Cuellar"),
            Entity::new(Person, "Robin Leigh-Pemberton"),
            Entity::new(Person, "Leigh Pemberton"),
            // The tagger took it for an organisation.
            Entity::new(Organisation, "Bra Kanon"),
            Entity::new(Person, "Denis Bra Kanon"),
            Entity::new(Person, "Donald Trump Jr."),
            Entity::new(Person, "Trump Jr."),
            // Two full names end in "de Mel": it joins neither.
            Entity::new(Person, "Ronnie de Mel"),
            Entity::new(Person, "Rodney de Mel"),
            Entity::new(Person, "De Mel"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            [
                (Person, "Javier Perez de Cuellar"),
                (Person, "Javier Perez de Cuellar"),
                (Person, "Robin Leigh-Pemberton"),
                (Person, "Robin Leigh-Pemberton"),
                (Person, "Denis Bra Kanon"),
                (Person, "Denis Bra Kanon"),
                (Person, "Donald Trump Jr."),
                (Person, "Donald Trump Jr."),
                (Person, "Ronnie de Mel"),
                (Person, "Rodney de Mel"),
                (Person, "De Mel"),
            ]
        );
        assert!(
            aliases.contains(&Entity::new(Person, "Bra Kanon")),
            "filters find the full name by the short one"
        );
    }

    #[test]
    fn a_first_initial_joins_the_full_name_it_abbreviates() {
        let mentions = vec![
            Entity::new(Person, "Ronan O'Gara"),
            Entity::new(Person, "R O'Gara"),
            Entity::new(Person, "O'Gara"),
            Entity::new(Person, "S. McIntyre"),
            Entity::new(Person, "Steve McIntyre"),
            // Two full names of the initial: it joins neither.
            Entity::new(Person, "Ryan Jones"),
            Entity::new(Person, "Rhys Jones"),
            Entity::new(Person, "R Jones"),
            // Another initial is another person.
            Entity::new(Person, "Gareth Thomas"),
            Entity::new(Person, "J Thomas"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            [
                "Ronan O'Gara",
                "Ronan O'Gara",
                "Ronan O'Gara",
                "Steve McIntyre",
                "Steve McIntyre",
                "Ryan Jones",
                "Rhys Jones",
                "R Jones",
                "Gareth Thomas",
                "J Thomas",
            ]
        );
    }

    #[test]
    fn a_person_with_and_without_middle_initials_is_one() {
        let mentions = vec![
            Entity::new(Person, "Donald J. Trump"),
            Entity::new(Person, "Melania Trump"),
            Entity::new(Person, "Donald Trump"),
            Entity::new(Person, "Trump"),
            Entity::new(Person, "George W Bush"),
            Entity::new(Person, "George W. Bush"),
            Entity::new(Person, "George W. Bush"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            [
                "Donald J. Trump",
                "Melania Trump",
                "Donald J. Trump",
                "Trump",
                // Stops alone make no other name: both spellings fold to one.
                "George W Bush",
                "George W. Bush",
                "George W. Bush"
            ],
            "the first of equals, the most mentioned; Trump is two people here"
        );
        assert_eq!(fold("George W Bush"), fold("George W. Bush"));
        assert!(aliases.contains(&Entity::new(Person, "Donald Trump")));
        let father_and_son = vec![
            Entity::new(Person, "George H.W. Bush"),
            Entity::new(Person, "George W. Bush"),
            Entity::new(Person, "George Bush"),
            Entity::new(Person, "Donald Trump"),
            Entity::new(Person, "Donald J. Trump"),
            Entity::new(Person, "Trump"),
        ];
        let (canonical, _) = canonicalize(&father_and_son);
        assert_eq!(
            names(&canonical),
            [
                "George H.W. Bush",
                "George W. Bush",
                "George Bush",
                "Donald Trump",
                "Donald Trump",
                "Donald Trump"
            ]
        );
    }

    #[test]
    fn a_person_with_and_without_middle_names_is_one_under_the_shorter_name() {
        // Each mention, and the name it is canonical under.
        let linked = [
            ("Hillary Rodham Clinton", "Hillary Clinton"),
            ("Bill Clinton", "Bill Clinton"),
            ("Hillary Clinton", "Hillary Clinton"),
            ("Clinton", "Clinton"),
            // Two sets of middle names under one first name and surname: each
            // stays apart.
            ("George Herbert Walker Bush", "George Herbert Walker Bush"),
            ("George Walker Bush", "George Walker Bush"),
            ("George Bush", "George Bush"),
            // A son is not his father.
            ("John Conyers", "John Conyers"),
            ("John James Conyers Jr.", "John James Conyers Jr."),
            // Nor is a name with a hyphen one with a middle name.
            ("Robert Kilroy-Silk", "Robert Kilroy-Silk"),
            ("Robert Silk", "Robert Silk"),
        ];
        let mentions = of_kind(Person, &linked.map(|(mention, _)| mention));
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(names(&canonical), linked.map(|(_, name)| name));
    }

    #[test]
    fn a_surname_that_several_people_share_is_the_one_the_title_names() {
        // The body's mentions, then the title's.
        let mentions = of_kind(
            Person,
            &[
                "Robert Mugabe",
                "Grace Mugabe",
                "Mugabe",
                "Mugabe",
                "Robert Mugabe",
            ],
        );
        let subject = |mentions: &[Entity], title: &str| {
            let (mut canonical, _) = canonicalize(mentions);
            surnames_of_the_subject(&mut canonical, title);
            names(&canonical).join(", ")
        };
        assert_eq!(
            subject(&mentions, "Robert Mugabe dies aged 95"),
            "Robert Mugabe, Grace Mugabe, Robert Mugabe, Robert Mugabe, Robert Mugabe"
        );
        // A title that names both of them, or neither, tells nothing.
        for title in ["Robert and Grace Mugabe", "Zimbabwe mourns"] {
            assert_eq!(
                subject(&mentions, title),
                "Robert Mugabe, Grace Mugabe, Mugabe, Mugabe, Robert Mugabe",
                "{title}"
            );
        }
        // Nor does a name that only the title gives.
        assert_eq!(
            subject(&mentions[1..], "Robert Mugabe dies aged 95"),
            "Grace Mugabe, Mugabe, Mugabe, Robert Mugabe"
        );
    }

    #[test]
    fn a_surname_written_without_its_accents_joins_the_full_name() {
        let mentions = vec![
            Entity::new(Person, "Recep Tayyip Erdoğan"),
            Entity::new(Person, "Erdogan"),
            Entity::new(Person, "Jarosław Kaczyński"),
            Entity::new(Person, "KACZYNSKI"),
            Entity::new(Person, "Nguyễn Xuân Phúc"),
            Entity::new(Person, "Phuc"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            vec![
                "Recep Tayyip Erdoğan",
                "Recep Tayyip Erdoğan",
                "Jarosław Kaczyński",
                "Jarosław Kaczyński",
                "Nguyễn Xuân Phúc",
                "Nguyễn Xuân Phúc"
            ]
        );
    }

    #[test]
    fn titles_do_not_keep_a_name_from_its_full_form() {
        let mentions = vec![
            Entity::new(Person, "Tony Blair"),
            Entity::new(Person, "Mr Blair"),
            Entity::new(Person, "Dr. Liam Fox"),
            Entity::new(Person, "Fox"),
            Entity::new(Person, "Ms Okafor"),
            Entity::new(Person, "Mr van Gogh"),
            Entity::new(Person, "Lord Falconer"),
            Entity::new(Person, "Senator Elizabeth Warren"),
            Entity::new(Person, "Congresswoman Val Demings"),
            Entity::new(Person, "Councilor Mike Gaffney"),
            Entity::new(Person, "Mr"),
            Entity::new(Organisation, "Dr Pepper"),
            Entity::new(Person, "Philippe Sands QC"),
            Entity::new(Person, "Sands"),
            Entity::new(Person, "Mr Frank Field MP"),
            Entity::new(Person, "MP"),
            Entity::new(Person, "Gen Musharraf"),
            Entity::new(Person, "Col. Oliver North"),
            Entity::new(Organisation, "General Motors"),
            Entity::new(Organisation, "Major League Baseball"),
            Entity::new(Other, "Lacroix"),
            Entity::new(Person, "Mr Lacroix"),
            Entity::new(Other, "Lacroix"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            vec![
                "Tony Blair",
                "Tony Blair",
                "Liam Fox",
                "Liam Fox",
                "Okafor",
                "van Gogh",
                "Lord Falconer",
                "Elizabeth Warren",
                "Val Demings",
                "Mike Gaffney",
                "Mr",
                "Dr Pepper",
                "Philippe Sands",
                "Philippe Sands",
                "Frank Field",
                "MP",
                // Ranks count in their abbreviations only.
                "Musharraf",
                "Oliver North",
                "General Motors",
                "Major League Baseball",
                "Lacroix",
                "Lacroix",
                "Lacroix",
            ]
        );
        assert!(
            canonical[20..].iter().all(|&(kind, _)| kind == Person),
            "a title outweighs the other mentions' kind: {:?}",
            &canonical[20..]
        );
        for name in ["Mr Blair", "Ms Okafor"] {
            assert!(aliases.contains(&Entity::new(Person, name)), "{name}");
        }
        assert_eq!(
            alias(Person, "Mrs Okafor"),
            "Okafor",
            "filters drop the title too"
        );
        assert_eq!(alias(Organisation, "Dr Pepper"), "Dr Pepper");
        assert_eq!(alias(Person, "Philippe Sands QC"), "Philippe Sands");
    }

    #[test]
    fn a_storms_given_name_alone_is_the_storm() {
        let mentions = vec![
            Entity::new(Other, "Hurricane Irma"),
            Entity::new(Other, "Irma"),
            Entity::new(Other, "Tropical Storm Harvey"),
            Entity::new(Other, "Harvey"),
            Entity::new(Person, "Irma"),
            Entity::new(Other, "Maria"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            [
                "Hurricane Irma",
                "Hurricane Irma",
                "Tropical Storm Harvey",
                "Tropical Storm Harvey",
                // A person, and a storm the article never names in full, stay.
                "Irma",
                "Maria",
            ]
        );
        assert!(
            aliases.contains(&Entity::new(Other, "Irma")),
            "filters find it"
        );
    }

    #[test]
    fn a_person_opening_with_my_or_the_is_a_works_title() {
        let mentions = [
            Entity::new(Person, "My Summer of Love"),
            Entity::new(Person, "The Sims"),
            Entity::new(Person, "MY FAMILY"),
            Entity::new(Person, "Myron Scholes"),
            Entity::new(Person, "Theodore Roosevelt"),
            Entity::new(Organisation, "The New York Times"),
        ];
        let kinds: Vec<EntityKind> = canonicalize(&mentions).0.iter().map(|n| n.0).collect();
        assert_eq!(kinds, [Other, Other, Other, Person, Person, Organisation]);
    }

    #[test]
    fn an_organisation_loses_a_leading_the_before_two_words() {
        let mentions = [
            Entity::new(Organisation, "The New York Times"),
            Entity::new(Organisation, "New York Times"),
            Entity::new(Organisation, "THE WASHINGTON POST"),
            Entity::new(Organisation, "The Energy Futures Group Inc"),
            Entity::new(Organisation, "The Times"),
            Entity::new(Organisation, "The Soviet Union"),
            Entity::new(Location, "The Hague"),
            Entity::new(Other, "The Return of the King"),
            Entity::new(Organisation, "Theatre Royal Bath"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            [
                "New York Times",
                "New York Times",
                "WASHINGTON POST",
                "Energy Futures Group",
                "The Times",
                "Soviet Union",
                "The Hague",
                "The Return of the King",
                "Theatre Royal Bath",
            ]
        );
        assert_eq!(canonical[5].0, Location);
        // Filters look names up the same way.
        assert_eq!(
            alias(Organisation, "The Associated Press"),
            "Associated Press"
        );
        assert_eq!(alias(Organisation, "The Independent"), "The Independent");
        // A known name goes by its own, whichever way the text writes it.
        assert_eq!(alias(Organisation, "The Guardian"), "Guardian");
        assert_eq!(alias(Location, "The Hague"), "The Hague");
    }

    #[test]
    fn a_surname_taken_for_an_organisation_or_other_name_is_still_the_person() {
        let mentions = vec![
            Entity::new(Person, "Nigel Lawson"),
            Entity::new(Organisation, "LAWSON"),
            Entity::new(Person, "Dudley Taft"),
            Entity::new(Organisation, "Taft Broadcasting Co"),
            Entity::new(Organisation, "Taft"),
            Entity::new(Person, "George Washington"),
            Entity::new(Location, "Washington"),
            Entity::new(Person, "Michael German"),
            Entity::new(Other, "German"),
            Entity::new(Person, "Donald Trump"),
            Entity::new(Other, "Trump"),
            Entity::new(Person, "Tom Jews"),
            Entity::new(Other, "Jews"),
            Entity::new(Person, "Oliver North"),
            Entity::new(Location, "North"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(canonical[1], (Person, "Nigel Lawson"));
        // Beside the company, the surname alone is the company.
        assert_eq!(canonical[4], (Organisation, "Taft Broadcasting"));
        assert_eq!(canonical[6], (Location, "Washington"));
        assert_eq!(canonical[8], (Other, "German"));
        // Taken for an other name, a surname is still the person, unless it
        // is a known other name.
        assert_eq!(canonical[10], (Person, "Donald Trump"));
        assert_eq!(canonical[12], (Other, "Jew"));
        assert_eq!(canonical[14], (Person, "Oliver North"), "no place alone");
    }

    #[test]
    fn a_surname_shared_by_two_people_links_to_neither() {
        let mentions = vec![
            Entity::new(Person, "Kim Jong-un"),
            Entity::new(Person, "Kim"),
            Entity::new(Person, "Jane Smith"),
            Entity::new(Person, "John Smith"),
            Entity::new(Person, "Smith"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(names(&canonical)[1], "Kim Jong-un");
        assert_eq!(names(&canonical)[4], "Smith");
    }

    #[test]
    fn a_word_joins_the_company_its_initials_open() {
        let mentions = vec![
            Entity::new(Organisation, "W.R. Grace"),
            Entity::new(Location, "Grace"),
            Entity::new(Organisation, "E.F. Hutton Group"),
            Entity::new(Organisation, "E.F. Hutton"),
            Entity::new(Person, "HUTTON"),
            // A surname the article gives in full stays the person's.
            Entity::new(Organisation, "R.J. Reynolds Tobacco"),
            Entity::new(Person, "Burt Reynolds"),
            Entity::new(Person, "Reynolds"),
            // Initials of a place, a time or a legal form open no company.
            Entity::new(Organisation, "P.T. Indonesia Asahan Aluminium"),
            Entity::new(Location, "Indonesia"),
            Entity::new(Organisation, "P.M. Peking"),
            Entity::new(Location, "Peking"),
            Entity::new(Organisation, "U.S. Wickes"),
            Entity::new(Person, "Wickes"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(canonical[1], (Organisation, "W.R. Grace"));
        assert_eq!(canonical[4], (Organisation, "E.F. Hutton"));
        assert_eq!(canonical[7], (Person, "Burt Reynolds"));
        assert_eq!(
            names(&canonical[9..]),
            [
                "Indonesia",
                "P.M. Peking",
                "Peking",
                "U.S. Wickes",
                "Wickes"
            ]
        );
    }

    #[test]
    fn a_first_word_joins_the_only_full_name_it_opens() {
        let mentions = vec![
            Entity::new(Person, "Hillary Clinton"),
            Entity::new(Person, "Hillary"),
            Entity::new(Person, "Zhao Ziyang"),
            Entity::new(Person, "Zhao"),
            // A surname first: "Trump" is Donald Trump's, not the misread
            // "Trump Tower"'s.
            Entity::new(Person, "Donald Trump"),
            Entity::new(Person, "Trump Tower"),
            Entity::new(Person, "Trump"),
            // Two full names open with "Michael".
            Entity::new(Person, "Michael Howard"),
            Entity::new(Person, "Michael Smith"),
            Entity::new(Person, "Michael"),
            // Only a mention taken for a person joins.
            Entity::new(Person, "Chase Carey"),
            Entity::new(Organisation, "Chase"),
            // Nor does a headline's name in capitals take a first word.
            Entity::new(Person, "NOLAN NORTON"),
            Entity::new(Person, "Nolan"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        let names = names(&canonical);
        assert_eq!(names[1], "Hillary Clinton");
        assert_eq!(names[3], "Zhao Ziyang");
        assert_eq!(names[6], "Donald Trump");
        assert_eq!(names[9], "Michael");
        assert_eq!(canonical[11], (Organisation, "Chase"));
        assert_eq!(names[13], "Nolan");
    }

    #[test]
    fn full_names_of_organisations_join_their_acronyms() {
        let mentions = vec![
            Entity::new(Organisation, "International Monetary Fund"),
            Entity::new(Organisation, "General Motors Corp"),
            Entity::new(Organisation, "GM"),
            Entity::new(Organisation, "General Motors Acceptance Corp"),
            Entity::new(Organisation, "Federal Deposit Insurance Corp"),
            Entity::new(Organisation, "FDIC"),
            Entity::new(Organisation, "Bank of England"),
            Entity::new(Organisation, "BOE"),
            Entity::new(Organisation, "EC Commission"),
            Entity::new(Organisation, "EC"),
            Entity::new(Organisation, "EUROPEAN INVESTMENT BANK"),
            Entity::new(Organisation, "EIB"),
            Entity::new(Location, "New Mexico"),
            Entity::new(Location, "NM"),
            Entity::new(Organisation, "Banca Nazionale del Lavoro"),
            Entity::new(Organisation, "BNL"),
            Entity::new(Organisation, "Senate Banking Committee"),
            Entity::new(Organisation, "SEC"),
            Entity::new(Organisation, "Texas Court"),
            Entity::new(Organisation, "TEXACO"),
            Entity::new(Organisation, "Texaco"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            vec![
                // From the table, with no acronym in the article.
                "IMF",
                // Initials of the capitalised words but the legal form...
                "GM",
                "GM",
                // ...and "GM" is not all of them...
                "General Motors Acceptance",
                // ...unless the legal form is in the acronym.
                "FDIC",
                "FDIC",
                // "of" gives no initial, but the beginnings of the words make
                // "BOE"...
                "BOE",
                "BOE",
                // An acronym inside a name gives all its letters...
                "EC Commission",
                "EC",
                // ...unless the name is all capitals, as in a headline.
                "EIB",
                "EIB",
                // Only organisations.
                "New Mexico",
                "NM",
                // ...and "BNL"; but no word may be left out, nor a word in
                // capitals the article also writes in small letters be the
                // acronym.
                "BNL",
                "BNL",
                "Senate Banking Committee",
                "SEC",
                "Texas Court",
                "TEXACO",
                "Texaco",
            ]
        );
        assert!(aliases.contains(&Entity::new(Organisation, "General Motors Corp")));
    }

    #[test]
    fn an_acronym_abbreviates_the_beginnings_of_a_names_words() {
        let cases = [
            ("PEMEX", "Petroleos Mexicanos", true),
            ("COMEX", "Commodity Exchange", true),
            ("IADB", "Inter-American Development Bank", true),
            ("DOJ", "Department of Justice", true),
            ("BNL", "Banca Nazionale del Lavoro", true),
            ("USADA", "U.S. Anti-Doping Agency", true),
            ("ATT", "American Telephone and Telegraph", true),
            // Every word gives a letter, and none is the acronym.
            ("SEC", "Security Pacific", false),
            ("EC", "European Court of Justice", false),
            ("EC", "EC Commission", false),
            ("ICO", "International Cocoa Organization and Trade", false),
            // The first letter opens the name, and the letters keep their order.
            ("ABN", "Amsterdam-Rotterdam Bank", false),
            ("BA", "Air Bank", false),
            ("GM", "Motors", false),
        ];
        for (acronym, name, abbreviated) in cases {
            assert_eq!(
                abbreviates(acronym, name),
                abbreviated,
                "{acronym} of {name}"
            );
        }
    }

    #[test]
    fn a_full_name_spells_out_its_acronym_with_or_without_its_legal_form() {
        assert_eq!(
            spells_out("GM", "General Motors Corp"),
            Some("General Motors")
        );
        assert_eq!(spells_out("GM", "General Motors"), Some("General Motors"));
        assert_eq!(
            spells_out("AMC", "American Motors Corp"),
            Some("American Motors")
        );
        assert_eq!(
            spells_out("FDIC", "Federal Deposit Insurance Corp"),
            Some("Federal Deposit Insurance")
        );
        assert_eq!(spells_out("GM", "General Mills Inc"), Some("General Mills"));
        assert_eq!(spells_out("GM", "Ford Motor Co"), None);
        assert_eq!(spells_out("GM", "Motors"), None);
        assert_eq!(alias(Organisation, "General Motors Corp"), "General Motors");
    }

    #[test]
    fn a_company_is_one_entity_with_or_without_its_legal_form() {
        let mentions = vec![
            Entity::new(Organisation, "Zenith Corp"),
            Entity::new(Person, "Zenith"),
            Entity::new(Organisation, "ZENITH"),
            Entity::new(Organisation, "Merrill Lynch and Co Inc."),
            Entity::new(Organisation, "J.P. MORGAN AND CO INC"),
            Entity::new(Organisation, "Thomson McKinnon Securities and Co"),
            Entity::new(Organisation, "Ford Motor Co"),
            Entity::new(Person, "Ford"),
            Entity::new(Organisation, "Co Ltd"),
            Entity::new(Organisation, "Procter and Gamble"),
            Entity::new(Organisation, "Kidder Peabody and Co"),
            Entity::new(Person, "Kidder"),
            Entity::new(Other, "Ford"),
            Entity::new(Person, "Thomson McKinnon"),
            Entity::new(Organisation, "Baker International Corp"),
            Entity::new(Person, "James Baker"),
            Entity::new(Person, "Baker"),
            Entity::new(Person, "Buitoni SpA"),
            Entity::new(Location, "Nokia Oy"),
            Entity::new(Organisation, "Marine Midland Bank N.A."),
            Entity::new(Person, "Marine Midland"),
            Entity::new(Organisation, "Citibank NA"),
            Entity::new(Person, "Li Na"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            vec![
                (Organisation, "Zenith"),
                // The article named the company with its legal form.
                (Organisation, "Zenith"),
                (Organisation, "ZENITH"),
                (Organisation, "Merrill Lynch"),
                // In a headline's capitals too.
                (Organisation, "J.P. MORGAN"),
                (Organisation, "Thomson McKinnon Securities"),
                (Organisation, "Ford Motor"),
                // A person's name may be the first words of the company's.
                (Organisation, "Ford Motor"),
                // Nothing but legal forms: the stage drops it.
                (Organisation, "Co Ltd"),
                (Organisation, "Procter and Gamble"),
                (Organisation, "Kidder Peabody"),
                (Organisation, "Kidder Peabody"),
                // Not another kind's...
                (Other, "Ford"),
                (Organisation, "Thomson McKinnon Securities"),
                (Organisation, "Baker International"),
                (Person, "James Baker"),
                // ...nor the surname of a person named in full, which joins the
                // person.
                (Person, "James Baker"),
                // A name with a legal form is a company, whatever the tagger
                // took it for.
                (Organisation, "Buitoni"),
                (Organisation, "Nokia"),
                // An American national bank's "N.A." is a legal form.
                (Organisation, "Marine Midland Bank"),
                (Organisation, "Marine Midland Bank"),
                (Organisation, "Citibank"),
                (Person, "Li Na"),
            ]
        );
        assert!(
            aliases.contains(&Entity::new(Organisation, "Zenith Corp")),
            "filters still match the full name"
        );
    }

    #[test]
    fn a_name_takes_the_kind_the_article_gives_it_most() {
        let mentions = vec![
            Entity::new(Organisation, "Kodak"),
            Entity::new(Person, "Kodak"),
            Entity::new(Organisation, "Kodak"),
            Entity::new(Organisation, "Avon"),
            Entity::new(Person, "Avon"),
            Entity::new(Organisation, "SUBROTO"),
            Entity::new(Person, "Subroto"),
            Entity::new(Person, "Subroto"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            vec![
                (Organisation, "Kodak"),
                (Organisation, "Kodak"),
                (Organisation, "Kodak"),
                // A tie leaves each as it was.
                (Organisation, "Avon"),
                (Person, "Avon"),
                // Whatever the case.
                (Person, "SUBROTO"),
                (Person, "Subroto"),
                (Person, "Subroto"),
            ]
        );
    }

    #[test]
    fn a_name_ending_in_administration_or_government_is_a_body() {
        let mentions = [
            Entity::new(Person, "Reagan Administration"),
            Entity::new(Location, "Thatcher government"),
            Entity::new(Person, "Ronald Reagan"),
            Entity::new(Organisation, "Government"),
            Entity::new(Person, "Reagan Administrations"),
            Entity::new(Person, "WESTERN GOVERNMENTS"),
        ];
        let kinds: Vec<EntityKind> = canonicalize(&mentions).0.iter().map(|&(k, _)| k).collect();
        assert_eq!(
            kinds,
            [
                Organisation,
                Organisation,
                Person,
                Organisation,
                Organisation,
                Organisation
            ]
        );
    }

    #[test]
    fn a_one_word_organisation_joins_the_only_longer_name_it_is_a_word_of() {
        let orgs = [
            "Bank of England",
            "Bank",
            "Eastman Kodak",
            "KODAK",
            "Merrill Lynch",
            "Merrill",
            // A body's head, a parent company, and a known body.
            "House Budget Committee",
            "House",
            "Texaco Canada",
            "Texaco",
            "Cargill U.K.",
            "Cargill",
            "GM Overseas Distribution",
            "GM",
            "USAir Group",
            "USAIR",
            "USAir",
            "Uruguay Round of GATT",
            "GATT",
            // Names run together, or from a headline.
            "Toshiba and Sharp",
            "Sharp",
            "Reebok shares Pentland",
            "Pentland",
            "COR TEXACO",
        ];
        let mut mentions: Vec<Entity> =
            orgs.iter().map(|n| Entity::new(Organisation, *n)).collect();
        mentions.push(Entity::new(Location, "Canada"));
        let (canonical, _) = canonicalize(&mentions);
        let mut expected = orgs.to_vec();
        expected[1] = "Bank of England";
        expected[3] = "Eastman Kodak";
        expected[5] = "Merrill Lynch";
        (expected[15], expected[16]) = ("USAir Group", "USAir Group");
        expected.push("Canada");
        assert_eq!(names(&canonical), expected);
        // A company given with its legal form is whole.
        assert_eq!(
            organisations(&["Boeing Co", "Boeing Aerospace Co", "Boeing"]),
            ["Boeing", "Boeing Aerospace", "Boeing"]
        );
        // Where the article names no Canada, "Texaco Canada" may be the company.
        let mentions = ["Texaco Canada", "Texaco"].map(|n| Entity::new(Organisation, n));
        assert_eq!(
            canonicalize(&mentions).0[1],
            (Organisation, "Texaco Canada")
        );
        // Two longer names with the word: the one named last before it, and
        // neither before both.
        assert_eq!(
            organisations(&[
                "Bank",
                "Bank of Greece",
                "Bank of Tokyo",
                "Bank",
                "Bank of Greece",
            ]),
            [
                "Bank",
                "Bank of Greece",
                "Bank of Tokyo",
                "Bank of Tokyo",
                "Bank of Greece"
            ]
        );
        // A full name the article gives by its acronym counts as the acronym,
        // however often the article spells it.
        assert_eq!(
            organisations(&[
                "International Monetary Fund",
                "Fund",
                "Commodity Futures Trading Commission",
                "CFTC",
                "Commission",
                "Commodity Futures Trading Commission",
            ]),
            ["IMF", "IMF", "CFTC", "CFTC", "CFTC", "CFTC"]
        );
    }

    #[test]
    fn a_headlines_name_in_capitals_joins_the_first_body_name_it_opens() {
        assert_eq!(
            organisations(&[
                // The body: an acronym before the names it is a word of, then a
                // parent and its unit.
                "DOJ",
                "Bush DOJ",
                "Obama DOJ",
                "Ford Motor Co",
                "Ford Motor Credit Co",
                "Royal Bank of Canada",
                "Toyota Motor Corp",
                // The headline.
                "FORD",
                "ROYAL BANK",
                "TOYOTA",
            ]),
            [
                "DOJ",
                "Bush DOJ",
                "Obama DOJ",
                "Ford Motor",
                "Ford Motor Credit",
                "Royal Bank of Canada",
                "Toyota Motor",
                "Ford Motor",
                "Royal Bank of Canada",
                "Toyota Motor"
            ]
        );
    }

    #[test]
    fn country_and_body_aliases_resolve() {
        let mentions = vec![
            Entity::new(Location, "U.S."),
            Entity::new(Location, "usa"),
            Entity::new(Location, "United States"),
            Entity::new(Organisation, "EU"),
            Entity::new(Person, "US"),
            Entity::new(Organisation, "Fed"),
            Entity::new(Organisation, "US Federal Reserve"),
            Entity::new(Organisation, "securities and exchange commission"),
            Entity::new(Organisation, "U.S. Agriculture Department"),
            Entity::new(Organisation, "Agriculture Department"),
            Entity::new(Organisation, "WORLDBANK"),
            Entity::new(Location, "Kiev"),
            Entity::new(Location, "Kïev"),
            Entity::new(Person, "Capitol Hill"),
            Entity::new(Organisation, "DC"),
            Entity::new(Location, "Washington DC"),
            Entity::new(Organisation, "Earth"),
            Entity::new(Person, "Brasil"),
            Entity::new(Other, "S. AFRICA"),
            Entity::new(Organisation, "Western Europe"),
            Entity::new(Location, "South East Asia"),
            Entity::new(Person, "Reuter"),
            Entity::new(Other, "NATO"),
            Entity::new(Organisation, "Atlantic Alliance"),
            Entity::new(Location, "Facebook"),
            Entity::new(Location, "Parliament"),
            Entity::new(Person, "Tory"),
            Entity::new(Location, "Tories"),
            Entity::new(Person, "Lib Dems"),
            Entity::new(Other, "Dems"),
            Entity::new(Other, "G.O.P."),
            Entity::new(Person, "Man Utd"),
            Entity::new(Other, "Community"),
            Entity::new(Other, "Commons"),
            Entity::new(Person, "Al Jazeera"),
            Entity::new(Location, "al Qaida"),
            Entity::new(Location, "Hizbollah"),
            Entity::new(Other, "Taliban"),
            Entity::new(Person, "Ofcom"),
            Entity::new(Other, "Guardian"),
            Entity::new(Location, "Sony"),
            Entity::new(Location, "Yahoo!"),
            Entity::new(Person, "Christmas"),
            Entity::new(Organisation, "Oscar"),
            Entity::new(Person, "Muslims"),
            Entity::new(Organisation, "RBS Six Nations"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(canonical[4].0, Location);
        assert_eq!(
            names(&canonical),
            vec![
                "United States",
                "United States",
                "United States",
                "European Union",
                // A country is a place, whatever the tagger took it for.
                "United States",
                "Federal Reserve",
                "Federal Reserve",
                "SEC",
                "USDA",
                // Not only the United States has one.
                "Agriculture Department",
                "World Bank",
                "Kyiv",
                // Accents are folded away.
                "Kyiv",
                "Capitol Hill",
                "Washington, D.C.",
                "Washington, D.C.",
                "Earth",
                "Brazil",
                "South Africa",
                // A part of the world is a place too.
                "Western Europe",
                "Southeast Asia",
                // A body is a body whatever the tagger took it for.
                "Reuters",
                "NATO",
                "NATO",
                "Facebook",
                "Parliament",
                // A party, whatever the tagger took it for.
                "Conservative Party",
                "Conservative Party",
                "Liberal Democrats",
                "Democratic Party",
                "Republican Party",
                // A club, whatever the tagger took it for.
                "Manchester United",
                "European Community",
                "House of Commons",
                "Al Jazeera",
                "al-Qaeda",
                "Hezbollah",
                "Taliban",
                "Ofcom",
                "Guardian",
                "Sony",
                "Yahoo",
                // An event or a faith's adherents, whatever the tagger took
                // them for, and the adherents under the singular.
                "Christmas",
                "Oscars",
                "Muslim",
                "Six Nations",
            ]
        );
        assert!(canonical[14..21].iter().all(|&(kind, _)| kind == Location));
        let (bodies, others) = canonical[21..].split_at(21);
        assert!(bodies.iter().all(|&(kind, _)| kind == Organisation));
        assert!(others.iter().all(|&(kind, _)| kind == Other));
    }

    #[test]
    fn currencies_groups_of_nations_the_house_and_linux_go_by_one_name_and_kind() {
        let mentions = [
            (Organisation, "European Currency Units"),
            (Other, "Ecus"),
            (Location, "LIBOR"),
            (Organisation, "London Interbank"),
            (Organisation, "SDRs"),
            (Other, "G-7"),
            (Other, "Group of Seven"),
            (Other, "G-5"),
            (Location, "United States House of Representatives"),
            (Location, "Linux"),
            (Organisation, "Oval Office"),
        ]
        .map(|(kind, name)| Entity::new(kind, name));
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            [
                (Other, "ECU"),
                (Other, "ECU"),
                (Other, "Libor"),
                (Other, "Libor"),
                (Other, "SDR"),
                (Organisation, "Group of Seven"),
                (Organisation, "Group of Seven"),
                (Organisation, "Group of Five"),
                (Organisation, "House of Representatives"),
                (Other, "Linux"),
                (Location, "Oval Office"),
            ]
        );
    }

    #[test]
    fn a_citys_abbreviation_is_the_city() {
        let mentions = [
            (Organisation, "N.Y."),
            (Organisation, "NY"),
            (Person, "L.A."),
        ]
        .map(|(kind, name)| Entity::new(kind, name));
        assert_eq!(
            canonicalize(&mentions).0,
            [
                (Location, "New York"),
                (Location, "New York"),
                (Location, "Los Angeles")
            ]
        );
    }

    #[test]
    fn a_party_tag_names_its_state() {
        let mentions = [
            (Location, "D-Tex."),
            (Organisation, "R-Minn"),
            (Other, "R-Iowa"),
            (Person, "D-Wash"),
            (Other, "D-RAMS"),
            (Location, "R-Gloucester"),
            (Organisation, "X-Texas"),
        ]
        .map(|(kind, name)| Entity::new(kind, name));
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            [
                (Location, "Texas"),
                (Location, "Minnesota"),
                (Location, "Iowa"),
                (Location, "Washington State"),
                // No state, no party tag.
                (Other, "D-RAMS"),
                (Location, "R-Gloucester"),
                (Organisation, "X-Texas"),
            ]
        );
        assert!(aliases.contains(&Entity::new(Location, "D-Tex.")));
    }

    #[test]
    fn the_head_of_a_body_alone_is_an_organisation_whatever_the_tagger_said() {
        let mentions = vec![
            Entity::new(Organisation, "Supreme Court"),
            Entity::new(Location, "Court"),
            Entity::new(Other, "Academy"),
            Entity::new(Person, "Board"),
            Entity::new(Person, "Courtney"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            vec![
                (Organisation, "Supreme Court"),
                // The only longer name it is a word of.
                (Organisation, "Supreme Court"),
                (Organisation, "Academy"),
                (Organisation, "Board"),
                (Person, "Courtney"),
            ]
        );
    }

    #[test]
    fn a_club_named_by_a_given_name_is_the_club_unless_a_person_has_it() {
        let mentions = vec![
            Entity::new(Person, "Chelsea"),
            Entity::new(Organisation, "Arsenal"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(canonical[0], (Organisation, "Chelsea"));
        let mentions = vec![
            Entity::new(Person, "Chelsea Clinton"),
            Entity::new(Person, "Chelsea"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(canonical, vec![(Person, "Chelsea Clinton"); 2]);
    }

    #[test]
    fn a_building_taken_for_a_person_is_a_place() {
        let mentions = vec![
            Entity::new(Person, "Kennedy Space Center"),
            Entity::new(Person, "Hilton Hotel"),
            Entity::new(Organisation, "Kennedy Space Center"),
            Entity::new(Person, "Fawn Hall"),
            Entity::new(Person, "Hilton"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            vec![
                (Location, "Kennedy Space Center"),
                (Location, "Hilton Hotel"),
                // Only what the tagger took for a person.
                (Organisation, "Kennedy Space Center"),
                (Person, "Fawn Hall"),
                (Person, "Hilton"),
            ]
        );
    }

    #[test]
    fn a_name_ending_as_only_bodies_and_companies_names_end_is_an_organisation() {
        let mentions = vec![
            Entity::new(Location, "High Court"),
            Entity::new(Other, "International Olympic Committee"),
            Entity::new(Person, "Clare College"),
            Entity::new(Location, "Harvard Law School"),
            Entity::new(Other, "European Parliament"),
            Entity::new(Location, "U.S. Senate"),
            Entity::new(Location, "The Hollywood Reporter"),
            Entity::new(Person, "Washington Examiner"),
            Entity::new(Location, "Drudge Report"),
            Entity::new(Person, "Trade Report"),
            Entity::new(Location, "Peking Review"),
            Entity::new(Person, "Wigan Athletic"),
            Entity::new(Person, "Reagan Administrations"),
            Entity::new(Other, "The Brookings Institution"),
            Entity::new(Location, "White House"),
            Entity::new(Location, "Soviet Union"),
            Entity::new(Person, "Margaret Court"),
            Entity::new(Person, "Court"),
            Entity::new(Person, "Abbott Laboratories"),
            Entity::new(Location, "Island Records"),
            Entity::new(Other, "WINN ENTERPRISES"),
            Entity::new(Person, "Sherman Clay Group"),
            Entity::new(Person, "Clinton Foundation"),
            Entity::new(Other, "Weinstein Company"),
            Entity::new(Person, "Information Network"),
            Entity::new(Person, "Forrester Research"),
            Entity::new(Other, "General Electric"),
            Entity::new(Location, "Cie. de St.Gobain"),
            Entity::new(Other, "Banque du Caire"),
            Entity::new(Person, "Societe Generale de Belgique"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            vec![
                (Organisation, "High Court"),
                (Organisation, "International Olympic Committee"),
                (Organisation, "Clare College"),
                (Organisation, "Harvard Law School"),
                (Organisation, "European Parliament"),
                (Organisation, "U.S. Senate"),
                // Newspapers and magazines.
                (Organisation, "Hollywood Reporter"),
                (Organisation, "Washington Examiner"),
                (Organisation, "Drudge Report"),
                (Organisation, "Trade Report"),
                (Organisation, "Peking Review"),
                // Football clubs.
                (Organisation, "Wigan Athletic"),
                (Organisation, "Reagan Administrations"),
                (Organisation, "Brookings Institution"),
                // Places' names end so too.
                (Location, "White House"),
                (Location, "Soviet Union"),
                // A surname too.
                (Person, "Margaret Court"),
                (Person, "Margaret Court"),
                // And so do companies' names.
                (Organisation, "Abbott Laboratories"),
                (Organisation, "Island Records"),
                (Organisation, "WINN ENTERPRISES"),
                (Organisation, "Sherman Clay Group"),
                (Organisation, "Clinton Foundation"),
                (Organisation, "Weinstein Company"),
                (Organisation, "Information Network"),
                (Organisation, "Forrester Research"),
                (Organisation, "General Electric"),
                // And those of companies and banks of other languages open so.
                (Organisation, "Cie. de St.Gobain"),
                (Organisation, "Banque du Caire"),
                (Organisation, "Societe Generale de Belgique"),
            ]
        );
    }

    #[test]
    fn laws_treaties_plans_and_awards_are_other_names_whatever_the_tagger_said() {
        let mentions = vec![
            Entity::new(Person, "Marshall Plan"),
            Entity::new(Organisation, "Louvre Accord"),
            Entity::new(Organisation, "Louvre"),
            Entity::new(Location, "Uruguay Round"),
            Entity::new(Organisation, "TAX REFORM ACT"),
            Entity::new(Location, "United States Constitution"),
            Entity::new(Organisation, "General Agreement on Tariffs and Trade"),
            Entity::new(Organisation, "Warsaw Pact"),
            Entity::new(Person, "Jude Law"),
            Entity::new(Person, "Bill"),
            Entity::new(Organisation, "MTV Europe Music Awards"),
            Entity::new(Person, "Mario Savio Award"),
            Entity::new(Person, "Savio"),
            Entity::new(Organisation, "Mercury Music Prize"),
            Entity::new(Organisation, "Academy Award"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            vec![
                (Other, "Marshall Plan"),
                (Other, "Louvre Accord"),
                // The only longer name it opens.
                (Other, "Louvre Accord"),
                (Other, "Uruguay Round"),
                (Other, "TAX REFORM ACT"),
                (Other, "United States Constitution"),
                (Organisation, "GATT"),
                (Organisation, "Warsaw Pact"),
                (Person, "Jude Law"),
                (Person, "Bill"),
                (Other, "MTV Europe Music Awards"),
                (Other, "Mario Savio Award"),
                // A person is no organisation to join a longer name.
                (Person, "Savio"),
                (Other, "Mercury Music Prize"),
                (Other, "Oscars"),
            ]
        );
    }

    #[test]
    fn a_name_ending_as_places_of_nature_end_is_a_place() {
        let mentions = [
            (Person, "Cooper Basin"),
            (Organisation, "Bass Strait"),
            (Other, "Arabian Sea"),
            (Person, "Palm Beach"),
            (Person, "Jefferson Parish"),
            (Organisation, "Norstar Bank of the Hudson Valley"),
            (Person, "Frank Field"),
            (Person, "Ricki Lake"),
            (Person, "Andrew Green"),
        ]
        .map(|(kind, name)| Entity::new(kind, name));
        let kinds: Vec<EntityKind> = canonicalize(&mentions).0.iter().map(|n| n.0).collect();
        // A body of the place, and surnames, stay.
        assert_eq!(
            kinds,
            [
                Location,
                Location,
                Location,
                Location,
                Location,
                Organisation,
                Person,
                Person,
                Person
            ]
        );
    }

    #[test]
    fn word_lists_looked_up_are_in_order_and_in_lower_case() {
        for list in [
            &BODY_HEADS[..],
            &BODY_ENDS,
            &BODY_OPENS,
            &BUILDING_ENDS,
            &LAW_ENDS,
            &PLACE_ENDS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.len() <= 16 && *w == w.to_lowercase()));
            assert!(list.iter().all(|w| among(list, &w.to_uppercase())));
        }
        assert!(!among(&BODY_HEADS, "Courts") && !among(&BODY_HEADS, "an unusually long word"));
    }

    #[test]
    fn a_known_company_is_known_with_its_legal_form_too() {
        let mentions = vec![
            Entity::new(Organisation, "Moody's"),
            Entity::new(Person, "Moody's Investors"),
            Entity::new(Organisation, "Moody's Investors Services Inc"),
            Entity::new(Organisation, "Sony Corp"),
            Entity::new(Organisation, "Acme Corp"),
            Entity::new(Person, "Chase Manhattan"),
            Entity::new(Organisation, "Chase Manhattan Bank N.A."),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            names(&canonical),
            [
                "Moody's Investors Service",
                "Moody's Investors Service",
                "Moody's Investors Service",
                "Sony",
                "Acme",
                "Chase Manhattan",
                "Chase Manhattan",
            ]
        );
        assert!(canonical.iter().all(|&(kind, _)| kind == Organisation));
    }

    #[test]
    fn a_branch_goes_by_its_parent_company_too() {
        let mentions = vec![
            Entity::new(Organisation, "Nikko Securities Co (Europe) Ltd"),
            Entity::new(Organisation, "UBS"),
            Entity::new(Organisation, "Union Bank of Switzerland (Securities) Ltd"),
            Entity::new(Person, "Jim (Jimbo) Hedges"),
        ];
        let (canonical, aliases) = canonicalize(&mentions);
        assert_eq!(canonical[0], (Organisation, "Nikko Securities Co (Europe)"));
        // The full name joins its acronym, and still finds the parent.
        assert_eq!(canonical[2], (Organisation, "UBS"));
        for parent in ["Nikko Securities", "Union Bank of Switzerland"] {
            assert!(
                aliases.contains(&Entity::new(Organisation, parent)),
                "{parent}"
            );
        }
        assert!(
            !aliases.contains(&Entity::new(Person, "Jim")),
            "not a company"
        );
    }

    #[test]
    fn nationalities_are_other_names_whatever_the_tagger_said() {
        let mentions = vec![
            Entity::new(Person, "Kuwaiti"),
            Entity::new(Location, "KUWAITI"),
            Entity::new(Organisation, "Philippine"),
            Entity::new(Person, "Scots"),
            Entity::new(Organisation, "American"),
            Entity::new(Organisation, "Philippine National Bank"),
        ];
        let (canonical, _) = canonicalize(&mentions);
        assert_eq!(
            canonical,
            vec![
                (Other, "Kuwaiti"),
                (Other, "Kuwaiti"),
                (Other, "Philippine"),
                // A plural under its singular.
                (Other, "Scot"),
                // Alone, often American Airlines or American Express.
                (Organisation, "American"),
                (Organisation, "Philippine National Bank"),
            ]
        );
    }
}
