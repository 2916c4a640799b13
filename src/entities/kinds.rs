//! The kind of a name from its neighbours: a title before a person, a word for
//! a work, a storm, a band or a firm's role around a name, a town before a
//! state, the model's list of countries, and the kind of the other names of a
//! list.

use super::case::{capitalised, common_word};
use super::known;
use super::link;
use crate::article::EntityKind;
use crate::ner::tagger::WordSet;
use crate::ner::Mention;

/// The mentions found in `text`, each name of a list of four names or more
/// ("Dallas, Boston, Denver and Newark") of the kind of all the others when it
/// alone differs: the tagger took "Denver" of "Boston, Denver, Newark and
/// Philadelphia" for a person, and "Barbra Streisand" of a list of singers for
/// an organisation. The names of a list stand a comma, "and" or "or" apart, or
/// a comma and either. Other names are left as they are, as the odd one out and
/// as the others: "Brazil, Colombia and Central American coffee". A list of
/// three was tried too: it moved three times as many names, but a third of
/// them to the wrong kind ("Hurricanes Harvey, Irma, and Maria").
pub(super) fn lists_of_one_kind(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
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

/// The words that open a storm's name, each with the space after it.
pub(super) const STORMS: [&str; 5] = [
    "Hurricane ",
    "Tropical Storm ",
    "Storm ",
    "Typhoon ",
    "Cyclone ",
];

/// The mentions found in `text`, with works and storms made other names,
/// CoNLL's kind for works and events, wherever the text names them:
/// - a name the text gives right after a word for a work in lower case ("the
///   film Vera Drake", "the comedy Sideways", "the musical Mamma Mia", and
///   with the title's "The" between, "the film The Aviator"): the
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
/// band Busted", "the magazine Rolling Stone", "the label Sony", "Glasgow
/// group Franz Ferdinand", "rock outfit Rooster") is an
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
///
/// A name right before a stock ticker in angle brackets (`GRACE <GRA> PLANS`),
/// or between angle brackets alone (`<Lancer Boss Group Ltd>`), is an
/// organisation, as Reuters writes companies: the tagger took "Airbus
/// Industrie" for an other name in 20 articles, and headlines' companies for
/// places. One right after "of" is left as it is.
///
/// A name right after "city of", "island of", "port of", "province of", "town
/// of" or "village of" is a place: the tagger took "Santos" of "the port of
/// Santos" for an organisation, and "Bandar Abbas" for a person.
///
/// A name the tagger took for a person's that opens a clause and takes "are",
/// "were" or "have" right after it (or after ", who") is a team's, a band's or a firm's, as
/// British English writes them: "Chelsea have sacked Adrian Mutu", "If Chelsea
/// are interested", "Black Sabbath are one of Britain's most successful".
pub(super) fn kinds_from_neighbours(
    text: &str,
    mut found: Vec<Mention>,
    common: &WordSet,
) -> Vec<Mention> {
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
    const STORM_WORDS: [&str; 4] = ["hurricane", "storm", "typhoon", "cyclone"];
    const BANDS: [&str; 6] = ["band", "group", "label", "magazine", "newspaper", "outfit"];
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
    // Places by what they are: "the port of", "the town of".
    const PLACES: [&str; 6] = ["city", "island", "port", "province", "town", "village"];
    // Words that open a clause before its subject.
    const SUBORDINATORS: [&str; 11] = [
        "although", "because", "if", "since", "that", "though", "unless", "until", "when",
        "whether", "while",
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
        // "the film The Aviator": a title's "The" between the word and the name.
        let titled = || {
            let rest = before.strip_suffix("The")?.strip_suffix([' ', '\n'])?;
            rest.rsplit(|c: char| !c.is_alphabetic()).next()
        };
        let work = |word: &str| WORKS.contains(&word);
        if scale || word.is_some_and(|word| work(word) || storm(word)) || titled().is_some_and(work)
        {
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
        // "the port of Santos", "the city of Newcastle".
        let place_of = || {
            let rest = before.strip_suffix("of")?.strip_suffix([' ', '\n'])?;
            rest.rsplit(|c: char| !c.is_alphabetic()).next()
        };
        if place_of().is_some_and(|noun| PLACES.contains(&noun)) {
            kinds.push((name, EntityKind::Location));
        }
        // "Chelsea have", "that Chelsea are", "Franz Ferdinand, who were": the
        // subject of a plural verb. After "if", "were" may be a person's too:
        // "if Hillary Clinton were a man".
        let plural = || {
            let after = &text[f.range.end..];
            let after = (after.strip_prefix(", who"))
                .or_else(|| after.strip_prefix(" who"))
                .unwrap_or(after);
            let verb = ["are", "were", "have"].into_iter().find(|verb| {
                let after = after.strip_prefix(' ');
                let rest = after.and_then(|after| after.strip_prefix(verb));
                rest.is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
            });
            let subordinate =
                || word.is_some_and(|word| SUBORDINATORS.contains(&word.to_lowercase().as_str()));
            match verb {
                Some("were") => f.opens_clause,
                Some(_) => f.opens_clause || subordinate(),
                None => false,
            }
        };
        // "GRACE <GRA> PLANS", "Pittway Corp <PRY> charged", "<Lancer Boss
        // Group Ltd>": Reuters writes a company's stock ticker after its name,
        // and the name of a company without one between angle brackets. A name
        // after "of" ends a longer one the tagger cut: "United Bancorp of
        // Arizona <UBAZ.O>".
        let listed = || {
            if word == Some("of") {
                return false;
            }
            let after = &text[f.range.end..];
            opens_with_ticker(after)
                || (text[..f.range.start].ends_with('<') && after.starts_with('>'))
        };
        let at_post = f.kind == EntityKind::Person && (post_before_person() || post_before());
        let at_post = at_post || (f.kind == EntityKind::Person && plural());
        let firm = word.is_some_and(|word| BANDS.contains(&word) || FIRMS.contains(&word));
        if at_post || firm || lead() || listed() {
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

/// Whether `text` opens with a stock ticker in angle brackets after a space,
/// as Reuters writes one after a company's name: `" <GRA>"`, `" <UBAZ.O>"`.
pub(super) fn opens_with_ticker(text: &str) -> bool {
    let ticker = text
        .strip_prefix(" <")
        .and_then(|rest| rest.split_once('>'));
    ticker.is_some_and(|(ticker, _)| {
        (1..=8).contains(&ticker.len())
            && ticker.starts_with(|c: char| c.is_ascii_uppercase())
            && ticker.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
    })
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
pub(super) fn towns_before_states(
    text: &str,
    mut found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    let mut towns: Vec<&str> = Vec::new();
    for f in &mut found {
        if known::state_after_town(text, f.range.clone()).is_some() {
            f.kind = EntityKind::Location;
            continue;
        }
        // Reuters wraps its lines anywhere: "Denver,\nColo.".
        let after = text[f.range.end..].strip_prefix(',').unwrap_or_default();
        let word = after.trim_start().split(char::is_whitespace).next();
        let word = word.unwrap_or_default().trim_end_matches([',', ';', ')']);
        let spaced = after.starts_with(char::is_whitespace);
        let abbreviation = spaced && word.ends_with('.') && word.starts_with(char::is_uppercase);
        if !abbreviation || known::state(word).is_none() {
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

/// The mentions found in `text`, with each doctrine, faith or movement named in
/// one word ending in "-ism" an other name, CoNLL's kind for them: the tagger
/// took "Thatcherism", "Judaism" and "Marxism" for people, and "Trumpism" and
/// "Catholicism" for places. One that is a common word ([`common_word`]: the
/// text also writes "racism" in small letters) names nothing and goes,
/// whatever its kind.
pub(super) fn doctrines_as_others(
    text: &str,
    mut found: Vec<Mention>,
    common: &WordSet,
) -> Vec<Mention> {
    found.retain_mut(|f| {
        let name = &text[f.range.clone()];
        let doctrine = name.len() > 5 && name.ends_with("ism") && capitalised(name);
        if !doctrine {
            return true;
        }
        f.kind = EntityKind::Other;
        common_word(name, text, common).is_none()
    });
    found
}

/// The mentions found in `text`, those that are a country's name (by the
/// tagger's country list) taken for places whatever the tagger said: the
/// tagger's word clusters put "Philippines" beside "Democrats" and
/// "Republicans", and it found an organisation. So is a US state's name in
/// capitals, as a headline gives it: "TEXAS" was an organisation in 35
/// articles of Reuters, cut from "TEXAS INSTRUMENTS" and "WEST TEXAS ASSETS".
/// In mixed case it may be a person's ("Georgia", "Virginia"), and before a
/// score a team's ([`before_a_score`]). A person's surname stays a person's
/// where the text gives the full name ("Jordan" after "Neil Jordan"). A "The" before the country's
/// name is left out of the mention: "The Soviet Union" was an organisation in
/// 6 articles.
pub(super) fn countries_as_places(
    text: &str,
    mut found: Vec<Mention>,
    gazetteer: &crate::ner::gazetteer::Gazetteer,
) -> Vec<Mention> {
    // The surnames of the people of several words the text names.
    let surnames: Vec<&str> = (found.iter())
        .filter(|f| f.kind == EntityKind::Person)
        .filter_map(|f| text[f.range.clone()].rsplit_once(' '))
        .map(|(_, last)| last)
        .collect();
    for f in &mut found {
        let name = &text[f.range.clone()];
        if f.kind == EntityKind::Person && surnames.contains(&name) {
            continue;
        }
        if let Some(country) = link::after_the(name) {
            if gazetteer.has("country", country) {
                f.range.start += 4;
                f.kind = EntityKind::Location;
            }
        } else if f.kind != EntityKind::Location
            && (gazetteer.has("country", name)
                || !name.contains(char::is_lowercase)
                    && gazetteer.has("us-state", name)
                    && !before_a_score(&text[f.range.end..]))
        {
            f.kind = EntityKind::Location;
        }
    }
    found
}

/// Whether `rest`, what follows a name, opens with a number of one to three
/// digits: a score or a standing, as a table of results gives a team
/// ("CALIFORNIA 14 New York 3", "MINNESOTA 67 67 .500"), not a year.
fn before_a_score(rest: &str) -> bool {
    let digits = rest.strip_prefix(' ').map_or(0, |rest| {
        rest.bytes().take_while(u8::is_ascii_digit).count()
    });
    let after = rest.as_bytes().get(1 + digits);
    (1..=3).contains(&digits) && after.is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-')
}

/// The mentions found in `text`, those right after a courtesy title or an office
/// with a capital ("Mr", "President-elect") taken for people whatever the tagger
/// said: in "President-elect Donald Trump" it found an organisation. Without the
/// capital the word is seldom a title: "chairman Citibank", "miss Wimbledon".
pub(super) fn people_after_titles(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind::{Location, Person};
    use crate::entities::tests::{mentions_in, mentions_of_kinds, texts_and_kinds, texts_of};

    /// [`kinds_from_neighbours`] of `found`, with "courtesy" a common word.
    fn neighbours(text: &str, found: Vec<Mention>) -> Vec<Mention> {
        kinds_from_neighbours(text, found, &WordSet::new(vec!["courtesy".into()]))
    }

    /// The mentions of `kinds` (a name, the kind the tagger gave it, the kind
    /// a rule should give it) in `text`, of the tagger's kinds.
    fn as_tagged(text: &str, kinds: &[(&str, EntityKind, EntityKind)]) -> Vec<Mention> {
        let tagged: Vec<(&str, EntityKind)> = kinds.iter().map(|&(n, k, _)| (n, k)).collect();
        mentions_of_kinds(text, &tagged)
    }

    /// The kinds that `found` have and that `kinds` want.
    fn kinds_got_and_wanted(
        found: &[Mention],
        kinds: &[(&str, EntityKind, EntityKind)],
    ) -> (Vec<EntityKind>, Vec<EntityKind>) {
        let got = found.iter().map(|m| m.kind).collect();
        (got, kinds.iter().map(|&(_, _, k)| k).collect())
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
    fn a_doctrine_is_an_other_name_unless_the_text_writes_it_in_small_letters() {
        let text = "Thatcherism and Trumpism stood against Racism, and racism spread; \
                    Catholicism stayed, as did Ism and Prism Capital.";
        let kinds = [
            ("Thatcherism", Person),
            ("Trumpism", Location),
            ("Racism", Location),
            ("Catholicism", EntityKind::Other),
            ("Ism", Person),
            ("Prism Capital", EntityKind::Organisation),
        ];
        let found = mentions_of_kinds(text, &kinds);
        let common = WordSet::default();
        let got = texts_and_kinds(text, &doctrines_as_others(text, found, &common));
        assert_eq!(
            got,
            [
                ("Thatcherism", EntityKind::Other),
                ("Trumpism", EntityKind::Other),
                ("Catholicism", EntityKind::Other),
                // Too short for a doctrine, and a name of two words.
                ("Ism", Person),
                ("Prism Capital", EntityKind::Organisation),
            ]
        );
    }

    #[test]
    fn a_name_after_a_word_for_a_work_is_an_other_name_wherever_it_stands() {
        let text = "Imelda Staunton won for the film Vera Drake. Vera Drake and the comedy \
                    Sideways led; Film Four and the film's star Kate Winslet did not, nor \
                    the film The Aviator.";
        let kinds = [
            ("Imelda Staunton", Person),
            ("Vera Drake", Person),
            ("Vera Drake and", Person),
            ("Sideways", Location),
            ("Film Four", EntityKind::Organisation),
            ("Kate Winslet", Person),
            ("Aviator", EntityKind::Organisation),
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
                Person,
                // A title's "The" between the word and the name.
                other
            ]
        );

        let text = "It measured 6.1 on the Richter scale, Charles Richter's scale; Mercalli said.";
        let kinds = [("Richter", Person), ("Charles Richter", Person)];
        let found = neighbours(text, mentions_of_kinds(text, &kinds));
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, [other, Person], "a scale's name");

        let text = "The band Busted and the magazine Rolling Stone met; Busted won, \
                    as Franz Ferdinand did, and rock outfit Rooster and the Glasgow group \
                    Travis.";
        let kinds = [
            ("Busted", Person),
            ("Rolling Stone", Location),
            ("Busted won", Person),
            ("Franz Ferdinand", Person),
            ("Rooster", Person),
            ("Travis", Person),
        ];
        let mut found = mentions_of_kinds(text, &kinds);
        found[2].range.end -= " won".len();
        let found = neighbours(text, found);
        let kinds: Vec<EntityKind> = found.iter().map(|m| m.kind).collect();
        let org = EntityKind::Organisation;
        assert_eq!(
            kinds,
            [org, org, org, Person, org, org],
            "bands and publications"
        );
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
        let mut found = as_tagged(text, &kinds);
        found[0].range.end -= " said".len();
        found[1].range.end -= " boss".len();
        let (got, want) = kinds_got_and_wanted(&neighbours(text, found), &kinds);
        assert_eq!(got, want);
    }

    #[test]
    fn a_name_after_the_port_or_town_of_is_a_place() {
        let text = "Ships left the port of Santos for the town of\nVernon, and Santos \
                    rose, as did the Bank of Ames and the City of Leeds.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Santos", org, Location),
            ("Vernon", Person, Location),
            ("Ames", org, org),
            ("Leeds", org, org),
        ];
        let mut found = as_tagged(text, &kinds);
        // The same name elsewhere in the text is the place too.
        let later = text.rfind("Santos").unwrap();
        found.push(Mention {
            kind: org,
            range: later..later + "Santos".len(),
            opens_clause: false,
        });
        let got: Vec<EntityKind> = neighbours(text, found).iter().map(|m| m.kind).collect();
        assert_eq!(got, [Location, Location, org, org, Location]);
    }

    #[test]
    fn a_name_before_a_stock_ticker_or_between_angle_brackets_is_an_organisation() {
        let text = "GRACE <GRA> SUES\nPittway <PRY> and <Lancer Boss> sued United Bancorp \
                    of Arizona <UBAZ.O>, said Jane Doe <jane@example.com> and Bob <in> Ames.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("GRACE", Location, org),
            ("Pittway", Person, org),
            ("Lancer Boss", Person, org),
            ("United Bancorp", org, org),
            // Part of a longer name, "United Bancorp of Arizona".
            ("Arizona", Location, Location),
            // No ticker.
            ("Jane Doe", Person, Person),
            ("Bob", Person, Person),
        ];
        let found = neighbours(text, as_tagged(text, &kinds));
        let (got, want) = kinds_got_and_wanted(&found, &kinds);
        assert_eq!(got, want);
    }

    #[test]
    fn a_person_opening_a_clause_before_a_plural_verb_is_an_organisation() {
        let text = "Chelsea have sacked Mutu. Ann Lee and Bob Roe have left. If Fulham \
                    are keen, Tim Ray said that Leeds have called, and if Jo Day were a \
                    man, he said. Kim Ash were formed in 1971 by stars such as Al Doe have \
                    been. Sam Lo have won. Later Chelsea said no. Max Fry, who were \
                    formed in 1990, and Ed Yu, who have won, met.";
        let org = EntityKind::Organisation;
        let kinds = [
            ("Chelsea", Person, true, org),
            ("Ann Lee", Person, true, Person),
            ("Bob Roe", Person, false, Person),
            ("Fulham", Person, false, org),
            ("Tim Ray", Person, false, Person),
            ("Leeds", Person, false, org),
            // "Were" after "if" is a person's too.
            ("Jo Day", Person, false, Person),
            ("Kim Ash", Person, true, org),
            ("Al Doe", Person, false, Person),
            // Only a person's kind changes.
            ("Sam Lo", Location, true, Location),
            // A relative clause after the name opening a sentence.
            ("Max Fry", Person, true, org),
            ("Ed Yu", Person, false, Person),
        ];
        let tagged: Vec<(&str, EntityKind)> = kinds.iter().map(|&(n, k, ..)| (n, k)).collect();
        let mut found = mentions_of_kinds(text, &tagged);
        for (f, &(_, _, opens, _)) in found.iter_mut().zip(&kinds) {
            f.opens_clause = opens;
        }
        // The same name within a sentence takes the kind too.
        let later = text.rfind("Chelsea").unwrap();
        found.push(Mention {
            kind: Person,
            range: later..later + "Chelsea".len(),
            opens_clause: false,
        });
        let got: Vec<EntityKind> = neighbours(text, found).iter().map(|m| m.kind).collect();
        let mut want: Vec<EntityKind> = kinds.iter().map(|&(.., k)| k).collect();
        want.push(org);
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
        // Before a score or a standing, a state in capitals is a team; before a
        // date or a word it is the place.
        gazetteer.add("us-state", "Florida");
        gazetteer.add("us-state", "Ohio");
        gazetteer.add("us-state", "Iowa");
        gazetteer.add("us-state", "Utah");
        let text = "TEXAS 5 Cleveland 3\n\nFLORIDA 64 70 .478\n\nOHIO 1996-08-30\n\n\
                    IOWA 1987 BUDGET\n\nUTAH 1ST QTR";
        let names = ["TEXAS", "FLORIDA", "OHIO", "IOWA", "UTAH"];
        let found = mentions_in(text, &names.map(|name| (name, false)));
        let found = countries_as_places(text, found, &gazetteer);
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [org, org, Location, Location, Location]);
        // A country's name that is the surname of a person of the text.
        gazetteer.add("country", "Jordan");
        let text = "Neil Jordan left. Jordan said so in Amman, Jordan.";
        let at = |from: usize, kind| {
            let start = from + text[from..].find("Jordan").unwrap();
            Mention {
                kind,
                range: start..start + "Jordan".len(),
                opens_clause: false,
            }
        };
        let mut found = mentions_of_kinds(text, &[("Neil Jordan", Person)]);
        found.push(at(12, Person));
        found.push(at(30, EntityKind::Organisation));
        let found = countries_as_places(text, found, &gazetteer);
        let kinds: Vec<EntityKind> = found.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [Person, Person, Location]);
    }
}
