//! A surname alone stands for the person most articles name in full with it.
//!
//! An article links "Trump" to "Donald Trump" when it names him in full, but many
//! articles never do: "President Trump said", "Reagan told reporters". Over
//! Reuters, Wikinews, SemEval and BBC, 464 articles list "Reagan" and 28 "Ronald
//! Reagan", so `--person "Ronald Reagan"` found 28. Across the index, the
//! articles that name someone in full under a surname say whom it means: when
//! one full name holds most of them (Ronald Reagan in 28 of 32, against Nancy
//! Reagan), an article that gives the surname alone is taken to name that person.
//! A surname that several people share ("Clinton": Hillary in 161 articles, Bill
//! in 53) stands for no one.
//!
//! The lead passage files each person it lists under the surname, in the alias
//! field: `surname:trump|donald trump`, or `surname:trump|` for an article that
//! gives "Trump" alone. A filter on a full name reads the terms under its surname
//! from the term dictionary, a handful at most, so the choice follows the index
//! as it grows.

use super::schema::keyword_term;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Searcher;

/// The share of the full-name articles under a surname that one name must hold.
const DOMINANT_SHARE: f64 = 0.8;
/// The fewest articles that must name the person in full.
const DOMINANT_ARTICLES: u64 = 2;

/// The alias field's value that files the person `name` (a canonical name of an
/// article's lead) under its surname: the last word.
pub fn value(name: &str) -> String {
    match name.rsplit_once(' ') {
        Some((_, surname)) => format!("surname:{surname}|{name}"),
        None => format!("surname:{name}|"),
    }
}

/// The full names filed under a surname, and the articles of each.
pub struct Surname {
    /// The term of articles that give the surname alone.
    pub alone: String,
    full_names: Vec<(String, u64)>,
}

impl Surname {
    /// The full names filed under the last word of `name` (either a full name or
    /// a surname alone) in the index, folded.
    pub fn of(
        searcher: &Searcher,
        alias: Field,
        keyword: &mut TextAnalyzer,
        name: &str,
    ) -> Surname {
        let surname = name.rsplit_once(' ').map_or(name, |(_, last)| last);
        let alone = keyword_term(keyword, &value(surname));
        let mut full_names: Vec<(String, u64)> = Vec::new();
        for segment in searcher.segment_readers() {
            let Ok(index) = segment.inverted_index(alias) else {
                continue;
            };
            let Ok(mut terms) = index.terms().range().ge(alone.as_bytes()).into_stream() else {
                continue;
            };
            while terms.advance() {
                let Some(full) = terms.key().strip_prefix(alone.as_bytes()) else {
                    break;
                };
                if full.is_empty() {
                    continue;
                }
                let full = String::from_utf8_lossy(full).into_owned();
                let articles = u64::from(terms.value().doc_freq);
                match full_names.iter_mut().find(|(name, _)| *name == full) {
                    Some((_, n)) => *n += articles,
                    None => full_names.push((full, articles)),
                }
            }
        }
        Surname { alone, full_names }
    }

    /// The folded full name that the surname alone stands for, if one holds
    /// most of the articles that give a full name under it.
    pub fn dominant(&self) -> Option<&str> {
        dominant(&self.full_names)
    }

    /// The folded full names under the surname that write `name` (folded)
    /// with middle initials, or with its initials written another way:
    /// "donald j. trump" for "donald trump", "george w bush" for "george w.
    /// bush". A name given with initials finds no other initials: "George W.
    /// Bush" is not his father, whom "George Bush" may also name.
    pub fn with_initials<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s str> + 's {
        (self.full_names.iter())
            .map(|(full, _)| full.as_str())
            .filter(move |full| *full != name && initials_agree(name, full))
    }
}

fn dominant(full_names: &[(String, u64)]) -> Option<&str> {
    let total: u64 = full_names.iter().map(|(_, n)| n).sum();
    let (name, most) = full_names.iter().max_by_key(|(_, n)| *n)?;
    let share = *most as f64 / total as f64;
    (*most >= DOMINANT_ARTICLES && share >= DOMINANT_SHARE).then_some(name.as_str())
}

/// Whether `full` is `name` with the same first and last word and, between
/// them, only initials: any, if `name` has none between, else the same.
fn initials_agree(name: &str, full: &str) -> bool {
    let (Some((first, middle, last)), Some((full_first, full_middle, full_last))) =
        (parts(name), parts(full))
    else {
        return false;
    };
    let letters = |middle: &str| -> Option<String> {
        let mut letters = String::new();
        for word in middle.split(' ').filter(|w| !w.is_empty()) {
            for part in word.split('.').filter(|p| !p.is_empty()) {
                let mut chars = part.chars();
                letters.push(chars.next()?);
                if chars.next().is_some() {
                    return None;
                }
            }
        }
        Some(letters)
    };
    let Some(full_letters) = letters(full_middle) else {
        return false;
    };
    first == full_first
        && last == full_last
        && !full_letters.is_empty()
        && (middle.is_empty() || letters(middle) == Some(full_letters))
}

/// A name's first word, the words between, and its last word.
fn parts(name: &str) -> Option<(&str, &str, &str)> {
    let (first, rest) = name.split_once(' ')?;
    Some(match rest.rsplit_once(' ') {
        Some((middle, last)) => (first, middle, last),
        None => (first, "", rest),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(counts: &[(&str, u64)]) -> Vec<(String, u64)> {
        counts.iter().map(|&(n, c)| (n.to_string(), c)).collect()
    }

    #[test]
    fn values_file_a_person_under_the_last_word() {
        assert_eq!(value("Donald Trump"), "surname:Trump|Donald Trump");
        assert_eq!(value("Trump"), "surname:Trump|");
    }

    #[test]
    fn a_surname_stands_for_the_name_that_holds_four_fifths_of_its_articles() {
        let reagan = names(&[
            ("ronald reagan", 28),
            ("nancy reagan", 2),
            ("michael reagan", 1),
        ]);
        assert_eq!(dominant(&reagan), Some("ronald reagan"));
        let clinton = names(&[("hillary clinton", 161), ("bill clinton", 53)]);
        assert_eq!(dominant(&clinton), None, "shared");
        assert_eq!(dominant(&names(&[("ana lima", 1)])), None, "too few");
        assert_eq!(
            dominant(&names(&[("ana lima", 4), ("rui lima", 1)])),
            Some("ana lima")
        );
        assert_eq!(dominant(&[]), None);
    }

    #[test]
    fn a_name_takes_in_the_same_name_with_initials_it_does_not_contradict() {
        let trumps = Surname {
            alone: "surname:trump|".into(),
            full_names: names(&[
                ("donald trump", 291),
                ("donald j. trump", 23),
                ("donald john trump", 2),
                ("melania trump", 7),
                ("donald j trump", 1),
            ]),
        };
        let with: Vec<&str> = trumps.with_initials("donald trump").collect();
        assert_eq!(with, ["donald j. trump", "donald j trump"]);
        let with: Vec<&str> = trumps.with_initials("donald j. trump").collect();
        assert_eq!(
            with,
            ["donald j trump"],
            "the same initial, written without its stop"
        );
        assert!(initials_agree("george bush", "george h.w. bush"));
        assert!(initials_agree("george w. bush", "george w bush"));
        assert!(!initials_agree("george w. bush", "george h.w. bush"));
        assert!(!initials_agree("george w. bush", "george bush"));
        assert!(!initials_agree("george bush", "george washington bush"));
        assert!(!initials_agree("bush", "george w. bush"));
    }
}
