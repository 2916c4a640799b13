//! Words the tagger takes for names that name nothing: interjections, time
//! zones, credit ratings, classes, parts of months, plurals and acronyms of
//! common nouns, and a common word right after a name.

use crate::article::EntityKind;
use crate::ner::tagger::WordSet;
use crate::ner::Mention;
use rustc_hash::FxHashSet as HashSet;

/// The mentions found in `text`, but for a one-word other name that is one of
/// the model's `common` words with a capital, right after another name: the
/// "Embassy" of "U.S. Embassy" (an other name in 29 articles), the "Bonds" of
/// "U.S. Bonds". Names after "the" stay: "the Budget" and "the Cabinet" go,
/// but so would "the Premiership" and "the Games", which are names.
pub(super) fn without_common_others(
    text: &str,
    mut found: Vec<Mention>,
    common: &WordSet,
) -> Vec<Mention> {
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

/// `found` without the words the tagger took for names that name nothing,
/// wherever they stand:
/// - interjections: the "OK" of "his boy is OK" and the "Oh" of quoted speech
///   were an organisation and a place in 14 articles each of SemEval;
/// - plurals of acronyms ("PCs", "CDs", "MEPs"), which were names of every
///   kind in 258 article entries over Reuters, Wikinews, SemEval and BBC;
/// - time zones in capitals: Reuters gives prices and times "at 1500 GMT",
///   which made GMT an other name in 180 articles;
/// - acronyms of common nouns, alone: "PC" of "PC users" and "CD" of "CD rates"
///   were organisations in 90 and 43 articles, and degrees and units
///   ("PhD", "MHz") in 20 more. "PC World" stays. A few go
///   spelt out too ("Gross National Product", 11 articles); finding them by
///   their initials would drop "Sperry Marine Systems" and "China Central TV";
/// - credit ratings with a sign ("BBB-plus", "AA-minus") or rated ("B-rated"),
///   other names in 120 article entries of Reuters, and grades of Moody's
///   scale with a number ("A-1", "B-2") in an article that names a rating
///   agency, 110 more; the B-1 and B-2 are bombers too. Bare grades ("AAA",
///   "Caa") in such an article went from 77 more, where "AAA" elsewhere is
///   also a motoring club and an athletics body;
/// - a word for a class or a part of a text alone or with its mark
///   (`CLASSES`): "Class" of "Class A common stock" was an organisation in 44
///   articles, "Category" of "Category 4 hurricane" in 10, and "Article" of
///   "Article 50" in 8;
/// - a part of a month: "end-February", "mid-April" and "end-Sep" of Reuters
///   were places and other names in 52 article entries;
/// - the date of record of a dividend ("Record 1 April", "Record March 16"):
///   "Record" of Reuters's dividend notices was an organisation in 20
///   articles;
/// - Reuters's headline abbreviations of "International", "National" and
///   "Continental" alone ("INT'L", "NAT'L"), cut from the company they
///   belong to: names in 24 article entries;
/// - a bill before parliament, "Bill" alone after "the", "a" and the like
///   ("the Bill is debated"): a person in BBC's and SemEval's British
///   politics;
/// - a Roman numeral or a generation alone, cut from what it numbers: "III"
///   of "Series III" and of "Reserves I, II and III", "Jr." of "Eddie
///   Russell, Jr.". "World War II" and "Louis Wolfson III" stay.
pub(super) fn without_nameless_words(text: &str, mut found: Vec<Mention>) -> Vec<Mention> {
    const INTERJECTIONS: [&str; 12] = [
        "oh", "ok", "okay", "ah", "wow", "hey", "yeah", "yep", "nope", "huh", "oops", "whoa",
    ];
    const TIME_ZONES: [&str; 14] = [
        "GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST",
        "JST",
    ];
    // Things, and the wire's terms of trade, statistics and accounts: last in,
    // first out; the public sector borrowing requirement; employee share
    // plans; frozen orange juice; depositary receipts; a political action
    // committee.
    const COMMON_NOUNS: [&str; 54] = [
        "PC", "TV", "CD", "DVD", "VCR", "LCD", "HDTV", "PDA", "SMS", "CPU", "RAM", "MP3", "ID",
        "DNA", "VAT", "GDP", "GNP", "CEO", "CFO", "IPO", "AGM", "DJ", "UFO", "WMD", "CCTV", "MP",
        "MEP", "PhD", "MSc", "BSc", "MBA", "GCSE", "MHz", "GHz", "SUV", "PIN", "SIM", "ISP",
        "LIFO", "FIFO", "PSBR", "ESOP", "FCOJ", "HFCS", "LNG", "LPG", "ADR", "CPI", "PPI", "RPI",
        "APR", "HMO", "PAC", "R&B",
    ];
    let acronym_plural = |name: &str| {
        name.strip_suffix('s').is_some_and(|acronym| {
            acronym.len() >= 2 && acronym.bytes().all(|b| b.is_ascii_uppercase())
        })
    };
    const SPELT_OUT: [&str; 14] = [
        "gross national product",
        "gross domestic product",
        "value added tax",
        "personal computer",
        "chief executive officer",
        "initial public offering",
        "public sector borrowing requirement",
        "consumer price index",
        "producer price index",
        "retail price index",
        "employee stock ownership plan",
        "frozen concentrated orange juice",
        "american depository receipt",
        "american depository receipts",
    ];
    // A name may break across lines ("Gross National\nProduct").
    let spelt_out = |name: &str, noun: &str| {
        let mut words = name.split_whitespace();
        noun.split(' ')
            .all(|word| words.next().is_some_and(|w| w.eq_ignore_ascii_case(word)))
            && words.next().is_none()
    };
    const CLASSES: [&str; 14] = [
        "Class", "Category", "Series", "Level", "Grade", "Phase", "Stage", "Tier", "Type",
        "Section", "Part", "Form", "Step", "Article",
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
    // Grades of a rating agency's scale, bare ("AAA", "Baa") or with Moody's
    // number ("A-1", "Baa-3", "B2"), where the article names a rating agency:
    // the B-1 and B-2 are bombers too, and the AAA a motoring club.
    let graded = |name: &str| match name.strip_suffix(['1', '2', '3']) {
        Some(grade) => {
            let grade = grade.strip_suffix('-').unwrap_or(grade);
            ["Aaa", "Aa", "A", "Baa", "Ba", "B", "Caa", "Ca", "C", "P"].contains(&grade)
        }
        None => [
            "AAA", "AA", "BBB", "BB", "CCC", "CC", "Aaa", "Aa", "Baa", "Ba", "Caa", "Ca",
        ]
        .contains(&name),
    };
    // "Poor's" whatever joins "Standard" to it: "and", "&" or a line's end.
    let agencies = [
        "Moody's",
        "Poor's",
        "S and P",
        "S/P",
        "Fitch",
        "Duff and Phelps",
    ];
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
    let of_record = |f: &Mention| {
        if &text[f.range.clone()] != "Record" {
            return false;
        }
        let after = text[f.range.end..].strip_prefix(' ').unwrap_or_default();
        let next = after.split([' ', '\n']).next().unwrap_or_default();
        next.starts_with(|c: char| c.is_ascii_digit())
            || crate::ingest::date::is_month(next.trim_end_matches([',', '.']))
    };
    // "the Bill is debated", "a one-line Bill", "a hybrid Bill": a bill
    // before parliament, as British English writes it, not a person.
    let a_bill = |f: &Mention| {
        let before = text[..f.range.start].strip_suffix(' ').unwrap_or_default();
        let word = before.rsplit([' ', '\n']).next().unwrap_or_default();
        matches!(&text[f.range.clone()], "Bill" | "Bills")
            && matches!(
                word,
                "a" | "an"
                    | "the"
                    | "this"
                    | "that"
                    | "any"
                    | "each"
                    | "every"
                    | "new"
                    | "hybrid"
                    | "one-line"
                    | "A"
                    | "The"
                    | "This"
                    | "That"
            )
    };
    // "Rock star Ozzy Osbourne", "Rock band U2", "Soul singer": a kind of
    // music before a word for its acts, opening a sentence or a title. Not
    // "Blues" ("Blues boss", of Birmingham City) nor "Opera" (the browser).
    let genre_before_act = |f: &Mention| {
        const GENRES: [&str; 14] = [
            "Country", "Disco", "Folk", "Gospel", "Grunge", "Hip-hop", "Indie", "Jazz", "Metal",
            "Pop", "Punk", "Rap", "Rock", "Soul",
        ];
        const ACTS: [&str; 16] = [
            "act", "band", "bands", "DJ", "duo", "group", "icon", "legend", "musician", "outfit",
            "singer", "singers", "star", "stars", "trio", "veteran",
        ];
        if !GENRES.contains(&&text[f.range.clone()]) {
            return false;
        }
        let after = text[f.range.end..].strip_prefix(' ').unwrap_or_default();
        ACTS.contains(&after.split([' ', '\n']).next().unwrap_or_default())
    };
    let numeral = |name: &str| {
        ["Jr", "Sr", "Jnr", "Snr"].contains(&name)
            || (name.len() >= 2 && name.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
    };
    let abbreviation = |name: &str| {
        matches!(
            name,
            "INT'L" | "INTL" | "NAT'L" | "NATL" | "CONT'L" | "Int'l" | "Nat'l"
        )
    };
    let common_noun = |name: &str| match name.contains(char::is_whitespace) {
        false => name.len() <= 4 && COMMON_NOUNS.contains(&name),
        true => {
            // Most names open with another letter than every noun.
            let first = name.as_bytes()[0].to_ascii_lowercase();
            name.len() >= 15
                && (SPELT_OUT.iter())
                    .filter(|noun| noun.as_bytes()[0] == first)
                    .any(|noun| spelt_out(name, noun))
        }
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
            && !of_record(f)
            && !a_bill(f)
            && !genre_before_act(f)
            && !abbreviation(name)
            && !numeral(name)
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EntityKind::Location;
    use crate::entities::tests::{mentions_in, mentions_of_kinds, texts_of};

    /// Every place `text` has `name`, as found names.
    fn every(text: &str, name: &str) -> Vec<Mention> {
        (text.match_indices(name))
            .map(|(start, name)| Mention {
                kind: EntityKind::Organisation,
                range: start..start + name.len(),
                opens_clause: false,
            })
            .collect()
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
                    Product fell, Dow Jones said. A PhD at 3 GHz. LIFO reserves and the Public \
                    Sector Borrowing Requirement rose, said Brunei LNG.";
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
            "PhD",
            "GHz",
            "LIFO",
            "Public Sector Borrowing Requirement",
            "Brunei LNG",
        ];
        assert_eq!(
            named(text, &names),
            ["OK Petroleum AB", "PC World", "Dow Jones", "Brunei LNG"]
        );
        let text = "INT'L MINERALS <IGL> BUYS UNIT OF NAT'L; ALLEGHENY INT'L SELLS";
        assert_eq!(
            named(text, &["INT'L", "NAT'L", "ALLEGHENY INT'L"]),
            ["ALLEGHENY INT'L"]
        );
        // Before a date, "Record" of a dividend notice names nothing.
        let text = "Pay 15 April\nRecord 1 April\nRecord March 16. Record Online said.";
        let kept = without_nameless_words(text, every(text, "Record"));
        assert_eq!(kept.len(), 1);
        assert!(text[kept[0].range.end..].starts_with(" Online"));
        // A bill before parliament names nothing; Bill Clinton's first name does.
        let text = "The Bill now faces peers. MPs backed the Bill, and a hybrid Bill \
                    follows. Barack or Bill? Kill Bill.";
        let kept = without_nameless_words(text, every(text, "Bill"));
        let before: Vec<&str> = (kept.iter())
            .map(|f| text[..f.range.start].trim_end().rsplit(' ').next().unwrap())
            .collect();
        assert_eq!(before, ["or", "Kill"]);
        // A kind of music before a word for its acts names nothing; Chris
        // Rock does.
        let text = "Rock star Ozzy Osbourne met R&B singer Usher. Rock, a comic, and \
                    Rock band U2 came. Rock said so.";
        let kept = without_nameless_words(text, every(text, "Rock"));
        let after: Vec<&str> = (kept.iter())
            .map(|f| {
                text[f.range.end..]
                    .split([' ', ','])
                    .find(|w| !w.is_empty())
            })
            .map(Option::unwrap)
            .collect();
        assert_eq!(after, ["a", "said"]);
        assert!(without_nameless_words(text, every(text, "R&B")).is_empty());
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
                    grain and Series 7 of the World Series under Article IV.";
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
            "Article IV",
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
        // Bare grades too, wherever the agency's name breaks the line.
        let rated = "Standard and\nPoor's cut CCC debt to CC, and affirmed AAA and Baa notes.";
        let names = ["CCC", "CC", "AAA", "Baa"];
        assert_eq!(named(rated, &names), [] as [&str; 0]);
        let club = "The AAA and the AA tow cars; the CCC buys grain.";
        assert_eq!(named(club, &["AAA", "AA", "CCC"]), ["AAA", "AA", "CCC"]);
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
    fn numerals_and_generations_alone_are_not_names() {
        let text = "Reserves I, II and III matured; Eddie Russell, Jr., and Louis Wolfson \
                    III cited World War II and Sr. Maria in Texas.";
        let names = [
            "II",
            "III",
            "Eddie Russell",
            "Jr.",
            "Louis Wolfson III",
            "World War II",
            "Sr. Maria",
            "Texas",
        ];
        assert_eq!(
            named(text, &names),
            [
                "Eddie Russell",
                "Louis Wolfson III",
                "World War II",
                "Sr. Maria",
                "Texas"
            ]
        );
    }

    #[test]
    fn plurals_of_acronyms_are_not_names() {
        let text = "MEPs bought PCs and CDs from UPS, IBM and Ks Bank; NATO said no.";
        let names = ["MEPs", "PCs", "CDs", "UPS", "IBM", "Ks Bank", "NATO"];
        assert_eq!(named(text, &names), ["UPS", "IBM", "Ks Bank", "NATO"]);
    }
}
