//! Middle initials: one person written with them or without ("Donald J. Trump",
//! "Donald Trump"), and with or without their full stops ("George W. Bush",
//! "George W Bush").
//!
//! An article links these spellings to one person, `dateline entities` counts
//! them as one, and a filter on one finds the others. Where two sets of
//! initials share a first and last word ("George H.W. Bush", "George W.
//! Bush"), the name without initials ("George Bush") stays apart from both.

use rustc_hash::FxHashMap as HashMap;

/// A name's first word, the letters of the initials between, and its last word:
/// "George H.W. Bush" gives ("George", "HW", "Bush"), "Donald Trump" gives
/// ("Donald", "", "Trump"). `None` for one word, or if a word between is more
/// than an initial ("Donald John Trump").
pub fn parts(name: &str) -> Option<(&str, String, &str)> {
    let (first, rest) = name.split_once(' ')?;
    let (middle, last) = rest.rsplit_once(' ').unwrap_or(("", rest));
    let mut letters = String::new();
    for part in middle.split([' ', '.']).filter(|p| !p.is_empty()) {
        let mut chars = part.chars();
        letters.extend(chars.next());
        if chars.next().is_some() {
            return None;
        }
    }
    Some((first, letters, last))
}

/// Whether `other` is `name` with middle initials, or with its initials
/// written another way: the same first and last word, initials between, and
/// the same letters if `name` has any. A name with initials takes no other
/// initials: "George W. Bush" is not his father, whom "George Bush" may name.
pub fn agree(name: &str, other: &str) -> bool {
    let (Some((first, letters, last)), Some((other_first, other_letters, other_last))) =
        (parts(name), parts(other))
    else {
        return false;
    };
    first == other_first
        && last == other_last
        && !other_letters.is_empty()
        && (letters.is_empty() || letters == other_letters)
}

/// Spellings, each with the spelling it joins, in order: what [`joined`] gives.
pub type Joined<'n> = Vec<(&'n str, &'n str)>;

/// The names among `names` that name the same person as another, each with the
/// name it joins: the one with the largest weight (mentions, articles), the
/// first of equals. With one set of initials under a first and last word, every
/// spelling joins; with several, only the spellings of each set join each other.
/// Names are compared as given: fold them first to ignore case and accents.
pub fn joined<'n>(names: &[(&'n str, u64)]) -> Joined<'n> {
    // Indexes into `names` and their initials, by first and last word.
    let mut people: HashMap<(&str, &str), Vec<(usize, String)>> = HashMap::default();
    for (at, &(name, _)) in names.iter().enumerate() {
        if let Some((first, letters, last)) = parts(name) {
            people.entry((first, last)).or_default().push((at, letters));
        }
    }
    let mut out = Vec::new();
    for spellings in people.values().filter(|spellings| spellings.len() > 1) {
        let mut sets: Vec<&str> = (spellings.iter())
            .filter(|(_, letters)| !letters.is_empty())
            .map(|(_, letters)| letters.as_str())
            .collect();
        sets.sort_unstable();
        sets.dedup();
        let groups: Vec<Vec<usize>> = match sets.as_slice() {
            [] | [_] => vec![spellings.iter().map(|&(at, _)| at).collect()],
            sets => (sets.iter())
                .map(|set| {
                    (spellings.iter())
                        .filter(|(_, letters)| letters == set)
                        .map(|&(at, _)| at)
                        .collect()
                })
                .collect(),
        };
        for group in groups.iter().filter(|group| group.len() > 1) {
            let most = (group.iter().copied())
                .max_by_key(|&at| (names[at].1, std::cmp::Reverse(at)))
                .expect("two spellings");
            let to = names[most].0;
            out.extend(
                (group.iter())
                    .filter(|&&at| at != most)
                    .map(|&at| (names[at].0, to)),
            );
        }
    }
    out.sort_unstable();
    out
}

/// The spelling that `name` joins in `joined`, or `name`.
pub fn person<'n>(joined: &[(&'n str, &'n str)], name: &'n str) -> &'n str {
    match joined.binary_search_by(|&(from, _)| from.cmp(name)) {
        Ok(at) => joined[at].1,
        Err(_) => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every spelling joins one that is left as it is, of the same first
        /// name and surname, with no initials that contradict its own.
        #[test]
        fn spellings_join_one_person_in_one_step(
            names in proptest::collection::btree_map(
                "(ann|bo) (|j\\. |j |h\\.w\\. |k\\. )(lee|ma)",
                1..50u64,
                0..8,
            ),
        ) {
            let names: Vec<(&str, u64)> = names.iter().map(|(n, &w)| (n.as_str(), w)).collect();
            let joined = joined(&names);
            for &(from, to) in &joined {
                prop_assert_ne!(from, to);
                prop_assert_eq!(person(&joined, to), to, "{} joins {}, which joins on", from, to);
                let (first, letters, last) = parts(from).unwrap();
                let (to_first, to_letters, to_last) = parts(to).unwrap();
                prop_assert_eq!((first, last), (to_first, to_last));
                prop_assert!(letters.is_empty() || to_letters.is_empty() || letters == to_letters);
            }
        }
    }

    #[test]
    fn parts_give_the_letters_of_the_initials() {
        assert_eq!(
            parts("george h.w. bush"),
            Some(("george", "hw".into(), "bush"))
        );
        assert_eq!(
            parts("george h. w. bush"),
            Some(("george", "hw".into(), "bush"))
        );
        assert_eq!(parts("donald trump"), Some(("donald", "".into(), "trump")));
        assert_eq!(parts("donald john trump"), None);
        assert_eq!(parts("trump"), None);
    }

    #[test]
    fn a_name_agrees_with_the_same_name_with_initials_it_does_not_contradict() {
        assert!(agree("george bush", "george h.w. bush"));
        assert!(agree("george w. bush", "george w bush"));
        assert!(!agree("george w. bush", "george h.w. bush"));
        assert!(!agree("george w. bush", "george bush"));
        assert!(!agree("george bush", "george washington bush"));
        assert!(!agree("bush", "george w. bush"));
    }

    #[test]
    fn spellings_join_the_most_used_unless_two_sets_of_initials_share_the_name() {
        let names = [
            ("donald trump", 382),
            ("donald j. trump", 23),
            ("donald j trump", 1),
            ("donald john trump", 2),
            ("melania trump", 7),
            ("george w bush", 27),
            ("george w. bush", 20),
            ("george h.w. bush", 3),
            ("george bush", 17),
            ("george h. w. bush", 3),
        ];
        assert_eq!(
            joined(&names),
            [
                ("donald j trump", "donald trump"),
                ("donald j. trump", "donald trump"),
                ("george h. w. bush", "george h.w. bush"),
                ("george w. bush", "george w bush"),
            ]
        );
        let article = [("george w. bush", 1), ("george bush", 1)];
        assert_eq!(
            joined(&article),
            [("george bush", "george w. bush")],
            "the first of equals"
        );
    }
}
