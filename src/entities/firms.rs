//! Companies and partnerships: a name the text follows with a legal form, the
//! partners' names before "and Co" or "and Sons", and a founder's name before
//! a firm of heirs.

use super::known;
use super::link;
use crate::article::EntityKind;
use crate::ner::Mention;

/// The mentions found in `text`, each that the text follows with a company's
/// legal form stretched over it and made an organisation: the tagger takes
/// firms named after people for people, and leaves the legal form out ("E.F.
/// Hutton" of "E.F. Hutton and Co Inc", "Dillon Read" of "Dillon Read and
/// Co"). The form must start with a capital: "Trump and co" is no firm. A
/// country keeps its kind: "Sweden" of "Nobel Industrier Sweden AB" is the end
/// of a name the tagger cut in two. So is a name ending in a reinsurer's "Re"
/// ("Munich Re").
pub(super) fn with_legal_forms(
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
        // "Munich Re", found whole and taken for a place.
        if text[f.range.clone()].ends_with(" Re") {
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
pub(super) fn partnerships(
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
                && (known::known(name).is_some() || tagger.gazetteer.has_place(name))
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
pub(super) fn is_country_or_state(
    gazetteer: &crate::ner::gazetteer::Gazetteer,
    word: &str,
) -> bool {
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
pub(super) fn last_word_start(text: &str) -> usize {
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
/// starts there. A stop, a comma or a possessive after a word ends the form,
/// outside it. A reinsurer's "Re" counts as one, though it stays in the company's name:
/// the tagger cut "Swiss Re" into a nationality and a company in 12 mentions
/// of BBC, and took "Munich Re" for a place (a name ending in "Re" is a
/// company's, [`with_legal_forms`]).
fn legal_form_end(text: &str, at: usize) -> usize {
    let (mut end, mut next) = (at, at);
    while let Some(after) = text[next..].strip_prefix([' ', '\n']) {
        let word = after.split(char::is_whitespace).next().unwrap_or_default();
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '"']);
        // "Acme Corp's": the possessive ends the form too.
        let core = (core.strip_suffix("'s"))
            .or_else(|| core.strip_suffix("\u{2019}s"))
            .unwrap_or(core);
        let start = next + 1;
        // "Cheung Kong (Holdings) Ltd", as Hong Kong's companies are named. A
        // branch's place in brackets ("Nikko Securities Co (Europe) Ltd") is
        // left to `brackets_balanced`: the branch would count apart from its
        // parent.
        let reinsurer = next == at && core == "Re";
        if core.starts_with(char::is_uppercase) && link::is_legal_form(core) || reinsurer {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind::{Location, Person};
    use crate::entities::tests::{mentions_of_kinds, texts_of};

    /// The mentions of `names` in `text`, each of its kind, after
    /// [`partnerships`].
    fn partnered(text: &str, names: &[(&str, EntityKind)]) -> Vec<Mention> {
        let tagger = crate::ner::builtin().unwrap();
        partnerships(text, mentions_of_kinds(text, names), tagger)
    }

    #[test]
    fn a_name_the_text_follows_with_a_legal_form_is_a_company() {
        let mut gazetteer = crate::ner::gazetteer::Gazetteer::default();
        gazetteer.add("country", "Sweden");
        let text = "E.F. Hutton and Co Inc. hired Samuel Montagu & Co, said \
                    Trump and co, Nobel Industrier Sweden AB and Dillon Read and\nCo. \
                    Acme Corp, Kidder and Smith, Cheung Kong (Holdings) Ltd and Nikko \
                    (Europe) Ltd. Swiss Re's and Phoenix Re Corp's Munich Re.";
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
            ("Swiss", EntityKind::Other),
            ("Re", EntityKind::Organisation),
            ("Phoenix", Location),
            ("Munich Re", Location),
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
                "Nikko",
                // A reinsurer's "Re" joins the name it follows.
                "Swiss Re",
                "Phoenix Re Corp",
                "Munich Re"
            ]
        );
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        let org = EntityKind::Organisation;
        assert_eq!(
            kinds,
            [org, org, Person, Location, org, org, Person, org, Person, org, org, org]
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
}
