//! Entity extraction: a pipeline stage between text shaping and indexing.
//!
//! Each [`Extractor`] looks at an article and names the entities it mentions: the
//! input's own metadata, and the trained tagger. The stage links the mentions to
//! canonical names ([`link`]) and merges them into one list.

use crate::article::{Article, Entity, EntityKind};
use crate::fold::fold;
use crate::ner::Mention;
use rustc_hash::FxHashMap as HashMap;

mod case;
mod firms;
pub mod initials;
mod kinds;
pub mod known;
pub mod link;
mod nameless;
mod spans;

use case::{
    headline_company_before_ticker, headline_company_in_brackets, headline_names,
    headline_names_from_body, headlines_in_body_case, in_body_case, without_epithets,
    without_joining_words, without_lone_openers, without_title_epithets, without_title_opener,
    without_trailing_words,
};
use firms::{partnerships, with_legal_forms};
use kinds::{
    countries_as_places, doctrines_as_others, kinds_from_neighbours, lists_of_one_kind,
    people_after_titles, towns_before_states,
};
use nameless::{without_common_others, without_nameless_words};
use spans::{
    brackets_balanced, compass_points_joined, compound_heads, first_names_before_initials,
    initials_cut, joined_names, pieces_joined, roman_numerals_kept, slashes_split,
    stations_with_numbers, with_first_words, with_given_names, with_known_names,
};

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
        let body = headlines_in_body_case(&article.body, self.tagger);
        let body = body.as_ref();
        let title = in_body_case(&article.title, body, self.tagger);
        let title = title.as_ref();
        let (found, tokens) = crate::ner::find(self.tagger, &[title, body]);
        let [in_title, in_body]: [Vec<Mention>; 2] = found.try_into().expect("two texts");
        // A place may be a state's abbreviation.
        let named = |text: &str, found: Vec<Mention>| -> Vec<Entity> {
            found
                .into_iter()
                .map(|f| match f.kind {
                    EntityKind::Location => Entity::new(
                        f.kind,
                        known::state_named(text, f.range.clone()).unwrap_or(&text[f.range]),
                    ),
                    kind => Entity::new(kind, &text[f.range]),
                })
                .collect()
        };
        let in_body = mended(self.tagger, body, in_body);
        let in_title = mend(self.tagger, title, in_title, false);
        let in_title = headline_company_before_ticker(title, body, in_title);
        let in_title = headline_company_in_brackets(title, in_title);
        let in_title = without_title_opener(title, body, in_title, &self.tagger.common);
        let in_title = without_title_epithets(title, body, in_title, &self.tagger.gazetteer);
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
/// body vouches for it nowhere else, and a country is a place.
fn mended(tagger: &crate::ner::tagger::Tagger, body: &str, found: Vec<Mention>) -> Vec<Mention> {
    mend(tagger, body, found, true)
}

/// What the tagger finds in `text`, a body, read with its headlines of other
/// stories in the case the rest of it writes their words in
/// (`headlines_in_body_case`, as [`Tagged`] reads a body), and mended (`mended`):
/// what `ner tag` prints. The mentions are ranges of `text`.
pub fn found_mended(tagger: &crate::ner::tagger::Tagger, text: &str) -> Vec<Mention> {
    let text = headlines_in_body_case(text, tagger);
    let found = crate::ner::find(tagger, &[&text])
        .0
        .pop()
        .unwrap_or_default();
    mended(tagger, &text, found)
}

/// The rules of [`mended`], for a body or a title. A title keeps its lone
/// sentence openers: [`headline_names`] tests its names against the body.
fn mend(
    tagger: &crate::ner::tagger::Tagger,
    text: &str,
    found: Vec<Mention>,
    body: bool,
) -> Vec<Mention> {
    let found = without_joining_words(text, brackets_balanced(text, found));
    let found = slashes_split(text, found, &tagger.gazetteer);
    let found = without_nameless_words(text, compound_heads(tagger, text, found));
    let found = stations_with_numbers(text, compass_points_joined(text, found));
    let found = roman_numerals_kept(text, found);
    let found = joined_names(text, found);
    let found = with_first_words(text, pieces_joined(text, found));
    let found = initials_cut(text, found, tagger);
    let found = with_known_names(text, found);
    let found = with_legal_forms(text, found, &tagger.gazetteer);
    let found = with_given_names(text, partnerships(text, found, tagger));
    let found = first_names_before_initials(text, found, tagger);
    let found = people_after_titles(text, found);
    let found = match body {
        true => without_trailing_words(
            text,
            without_epithets(
                text,
                without_lone_openers(text, found, &tagger.common),
                &tagger.gazetteer,
                &tagger.common,
            ),
            tagger,
        ),
        false => found,
    };
    let found = without_common_others(text, found, &tagger.common);
    let found = lists_of_one_kind(text, found);
    let found = doctrines_as_others(text, found, &tagger.common);
    let found = countries_as_places(text, found, &tagger.gazetteer);
    let found = towns_before_states(text, found, &tagger.gazetteer);
    kinds_from_neighbours(text, found, &tagger.common)
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
        let (mut canonical, aliases) = link::canonicalize(&mentions);
        link::surnames_of_the_subject(&mut canonical, &article.title);
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

    /// The mentions of `names` in `body`, each at its first occurrence, opening a
    /// clause where marked.
    pub(super) fn mentions_in(body: &str, names: &[(&str, bool)]) -> Vec<Mention> {
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
    pub(super) fn mentions_of_kinds(text: &str, names: &[(&str, EntityKind)]) -> Vec<Mention> {
        let plain: Vec<(&str, bool)> = names.iter().map(|&(name, _)| (name, false)).collect();
        let mut found = mentions_in(text, &plain);
        for (f, &(_, kind)) in found.iter_mut().zip(names) {
            f.kind = kind;
        }
        found
    }

    /// What `mentions` name in `text`.
    pub(super) fn texts_of<'t>(text: &'t str, mentions: &[Mention]) -> Vec<&'t str> {
        mentions.iter().map(|m| &text[m.range.clone()]).collect()
    }

    /// What `mentions` name in `text`, each with its kind.
    pub(super) fn texts_and_kinds<'t>(
        text: &'t str,
        mentions: &[Mention],
    ) -> Vec<(&'t str, EntityKind)> {
        mentions
            .iter()
            .map(|m| (&text[m.range.clone()], m.kind))
            .collect()
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
    fn the_tagger_reads_headlines_of_other_stories_in_a_body_as_the_rest_writes_them() {
        let article = Article {
            title: "Workers return to Acme Steel".into(),
            body: "Workers at Acme Steel went back on Tuesday. Their leader, Maria \
                   Bexley, said the country was going in the wrong direction.\n\n\
                   Former Workers Say Our Country Is Going in the Wrong Direction\n\n\
                   Bexley Aide Tells New York Times the Strike Is Over"
                .into(),
            ..article(Vec::new())
        };
        let found = Stage::standard().unwrap().run(&article);
        let names: Vec<&str> = found.entities.iter().map(|e| e.name.as_str()).collect();
        for kept in ["Maria Bexley", "New York Times", "Acme Steel"] {
            assert!(names.contains(&kept), "{kept} in {names:?}");
        }
        assert!(
            !names.iter().any(|n| n.contains("Country")
                || n.contains("Direction")
                || n.contains("Aide")
                || n.contains("Strike")),
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
