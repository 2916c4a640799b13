//! A surname alone stands for the person most articles name in full with it,
//! and an acronym alone for the organisation most articles spell out with it.
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
//! Acronyms are the same: an article that writes "General Motors Corp" and then
//! "GM" lists GM once, but 58 articles write only "GM" and 60 only "General
//! Motors", and `--org "General Motors"` found none of the first.
//!
//! The lead passage files each person it lists under the surname, in the alias
//! field: `surname:trump|donald trump`, or `surname:trump|` for an article that
//! gives "Trump" alone; and each acronym under itself, with the full names the
//! article spells it out with: `acronym:gm|general motors`, or `acronym:gm|`,
//! and each such full name under itself with the acronym, `spelt:general
//! motors|gm`. A filter reads the terms under a surname, an acronym or a full
//! name from the term dictionary, a handful at most, so the choice follows the
//! index as it grows.

use super::schema::keyword_term;
use crate::entities::initials;
use tantivy::schema::Field;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Searcher;

/// The share of the full-name articles under a surname or an acronym that one
/// name must hold.
const DOMINANT_SHARE: f64 = 0.8;
/// The fewest articles that must give the full name.
const DOMINANT_ARTICLES: u64 = 2;

/// The alias field's value that files the person `name` (a canonical name of an
/// article's lead) under its surname: the last word.
pub fn value(name: &str) -> String {
    match name.rsplit_once(' ') {
        Some((_, surname)) => format!("surname:{surname}|{name}"),
        None => format!("surname:{name}|"),
    }
}

/// The alias field's value that files an organisation's `acronym` with a full
/// name the article spells it out with, or alone.
pub fn acronym_value(acronym: &str, full: Option<&str>) -> String {
    format!("acronym:{acronym}|{}", full.unwrap_or_default())
}

/// The alias field's value that files an organisation's `full` name with the
/// acronym the article gives it: the other way round from [`acronym_value`].
pub fn spelt_value(full: &str, acronym: Option<&str>) -> String {
    format!("spelt:{full}|{}", acronym.unwrap_or_default())
}

/// The full names filed under a surname or an acronym, and the articles of each.
pub struct Filed {
    /// The term of articles that give the surname or acronym alone.
    pub alone: String,
    /// The articles of that term.
    alone_articles: u64,
    full_names: Vec<(String, u64)>,
}

impl Filed {
    /// The full names filed under the last word of `name` (either a full name or
    /// a surname alone) in the index, folded.
    pub fn surname(
        searcher: &Searcher,
        alias: Field,
        keyword: &mut TextAnalyzer,
        name: &str,
    ) -> Filed {
        let surname = name.rsplit_once(' ').map_or(name, |(_, last)| last);
        Filed::under(searcher, alias, keyword_term(keyword, &value(surname)))
    }

    /// The full names filed under an acronym in the index, folded.
    pub fn acronym(
        searcher: &Searcher,
        alias: Field,
        keyword: &mut TextAnalyzer,
        acronym: &str,
    ) -> Filed {
        let alone = keyword_term(keyword, &acronym_value(acronym, None));
        Filed::under(searcher, alias, alone)
    }

    /// The acronyms filed under an organisation's full name in the index,
    /// folded.
    pub fn spelt(
        searcher: &Searcher,
        alias: Field,
        keyword: &mut TextAnalyzer,
        full: &str,
    ) -> Filed {
        Filed::under(
            searcher,
            alias,
            keyword_term(keyword, &spelt_value(full, None)),
        )
    }

    /// The full names filed after the term `alone`.
    fn under(searcher: &Searcher, alias: Field, alone: String) -> Filed {
        let (mut full_names, mut alone_articles) = (Vec::<(String, u64)>::new(), 0);
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
                let articles = u64::from(terms.value().doc_freq);
                if full.is_empty() {
                    alone_articles += articles;
                    continue;
                }
                let full = String::from_utf8_lossy(full).into_owned();
                match full_names.iter_mut().find(|(name, _)| *name == full) {
                    Some((_, n)) => *n += articles,
                    None => full_names.push((full, articles)),
                }
            }
        }
        Filed {
            alone,
            alone_articles,
            full_names,
        }
    }

    /// The names filed, folded.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.full_names.iter().map(|(name, _)| name.as_str())
    }

    /// The folded full name that the surname alone stands for, if one person
    /// holds most of the articles that give a full name under it.
    pub fn dominant(&self) -> Option<&str> {
        dominant(&self.people().0)
    }

    /// The folded full name that the acronym stands for: as [`Filed::dominant`],
    /// if at least a tenth of the articles that give the acronym spell it out.
    /// Most articles that write "PC" mean a personal computer or the
    /// Progressive Conservatives by it, but the 3 of 102 that spell it out
    /// spell out Purolator Courier.
    pub fn spelt_out(&self) -> Option<&str> {
        let spelt: u64 = self.full_names.iter().map(|(_, n)| n).sum();
        (spelt * 10 >= spelt + self.alone_articles)
            .then(|| self.dominant())
            .flatten()
    }

    /// Whether the surname alone stands for `name` (folded), or for another
    /// spelling of it with or without middle initials.
    pub fn stands_for(&self, name: &str) -> bool {
        let (people, joined) = self.people();
        dominant(&people) == Some(initials::person(&joined, name))
    }

    /// The people under the surname with their articles, the spellings of one
    /// person with and without middle initials as one, under the spelling
    /// most articles use; and which spellings join which (`entities::initials`).
    fn people(&self) -> (Vec<(&str, u64)>, initials::Joined<'_>) {
        let names: Vec<(&str, u64)> = (self.full_names.iter())
            .map(|(name, articles)| (name.as_str(), *articles))
            .collect();
        let joined = initials::joined(&names);
        let mut people: Vec<(&str, u64)> = Vec::with_capacity(names.len());
        for (name, articles) in names {
            let person = initials::person(&joined, name);
            match people.iter_mut().find(|(p, _)| *p == person) {
                Some((_, n)) => *n += articles,
                None => people.push((person, articles)),
            }
        }
        (people, joined)
    }

    /// The folded full names under the surname, other than `name` (folded),
    /// that write the same person: with middle initials where `name` has none
    /// ("donald j. trump" for "donald trump", "george h.w. bush" for "george
    /// bush"), with its initials written another way ("george w bush" for
    /// "george w. bush"), and any spelling the counts join it to
    /// (`entities::initials`): "donald trump" for "donald j. trump" where
    /// Donald has no other initials.
    pub fn spellings<'s>(&'s self, name: &'s str) -> Vec<&'s str> {
        let (_, joined) = self.people();
        let person = initials::person(&joined, name);
        (self.full_names.iter())
            .map(|(full, _)| full.as_str())
            .filter(|&full| full != name)
            .filter(|&full| {
                initials::agree(name, full) || initials::person(&joined, full) == person
            })
            .collect()
    }
}

fn dominant<'n>(people: &[(&'n str, u64)]) -> Option<&'n str> {
    let total: u64 = people.iter().map(|(_, n)| n).sum();
    let &(name, most) = people.iter().max_by_key(|(_, n)| *n)?;
    let share = most as f64 / total as f64;
    (most >= DOMINANT_ARTICLES && share >= DOMINANT_SHARE).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_file_a_person_under_the_last_word() {
        assert_eq!(value("Donald Trump"), "surname:Trump|Donald Trump");
        assert_eq!(value("Trump"), "surname:Trump|");
    }

    fn filed(full_names: &[(&str, u64)]) -> Filed {
        Filed {
            alone: String::new(),
            alone_articles: 0,
            full_names: full_names
                .iter()
                .map(|&(n, c)| (n.to_string(), c))
                .collect(),
        }
    }

    #[test]
    fn a_surname_stands_for_the_name_that_holds_four_fifths_of_its_articles() {
        let reagan = filed(&[
            ("ronald reagan", 28),
            ("nancy reagan", 2),
            ("michael reagan", 1),
        ]);
        assert_eq!(reagan.dominant(), Some("ronald reagan"));
        let clinton = filed(&[("hillary clinton", 161), ("bill clinton", 53)]);
        assert_eq!(clinton.dominant(), None, "shared");
        assert_eq!(filed(&[("ana lima", 1)]).dominant(), None, "too few");
        let lima = filed(&[("ana lima", 4), ("rui lima", 1)]);
        assert_eq!(lima.dominant(), Some("ana lima"));
        assert_eq!(filed(&[]).dominant(), None);
    }

    #[test]
    fn spellings_with_and_without_initials_count_as_one_person() {
        let bush = filed(&[
            ("george w bush", 27),
            ("george w. bush", 20),
            ("laura bush", 5),
        ]);
        assert_eq!(bush.dominant(), Some("george w bush"));
        assert!(bush.stands_for("george w. bush"));
        assert!(bush.stands_for("george w bush"));
        assert!(!bush.stands_for("laura bush"));
        let bushes = filed(&[
            ("george w. bush", 30),
            ("george h.w. bush", 6),
            ("george bush", 4),
        ]);
        assert_eq!(bushes.dominant(), None, "no one holds four fifths");
    }

    #[test]
    fn a_name_finds_its_spellings_with_initials_that_do_not_contradict_it() {
        let trumps = filed(&[
            ("donald trump", 291),
            ("donald j. trump", 23),
            ("donald john trump", 2),
            ("melania trump", 7),
            ("donald j trump", 1),
        ]);
        assert_eq!(
            trumps.spellings("donald trump"),
            ["donald j. trump", "donald j trump"]
        );
        assert_eq!(
            trumps.spellings("donald j. trump"),
            ["donald trump", "donald j trump"],
            "no other initials under Donald Trump"
        );
        assert_eq!(trumps.spellings("melania trump"), Vec::<&str>::new());
        let bushes = filed(&[
            ("george w. bush", 30),
            ("george h.w. bush", 6),
            ("george bush", 4),
            ("george w bush", 1),
        ]);
        assert_eq!(
            bushes.spellings("george bush"),
            ["george w. bush", "george h.w. bush", "george w bush"]
        );
        assert_eq!(
            bushes.spellings("george w bush"),
            ["george w. bush"],
            "not his father, nor George Bush, who may be either"
        );
        assert!(trumps.stands_for("donald j. trump"));
    }

    #[test]
    fn an_acronym_stands_for_a_full_name_a_tenth_of_its_articles_spell_out() {
        let mut pc = filed(&[("purolator courier", 3)]);
        pc.alone_articles = 99;
        assert_eq!(pc.dominant(), Some("purolator courier"));
        assert_eq!(pc.spelt_out(), None);
        let mut gm = filed(&[("general motors", 79), ("general motors...not", 1)]);
        gm.alone_articles = 6;
        assert_eq!(gm.spelt_out(), Some("general motors"));
        let mut sdr = filed(&[("special drawing rights", 2)]);
        sdr.alone_articles = 18;
        assert_eq!(sdr.spelt_out(), Some("special drawing rights"));
    }
}
