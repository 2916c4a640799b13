//! Gazetteers: lists of names by category, matched as token sequences (longest
//! match first, case-insensitive) and turned into features.

use super::features::lower_hash;
use super::{HashedMap, HashedSet};

/// Longest entry, in tokens.
const MAX_TOKENS: usize = 6;

/// Name lists, keyed by category (`country`, `city`, `first-name`, ...).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Hash of a full entry to the categories it belongs to (as feature values).
    entries: HashedMap<Vec<u64>>,
    /// Hashes of every proper prefix of an entry, to stop extending early.
    prefixes: HashedSet,
    /// Hashes of the first token of every entry: most tokens start none, and
    /// are passed over with one look-up.
    starts: HashedSet,
    categories: Vec<String>,
    lists: Vec<(String, String)>,
}

/// Extends the hash of a token sequence by one token's key.
fn extend(h: u64, key: u64) -> u64 {
    (h.rotate_left(17) ^ key).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Gazetteer {
    /// Adds `name` (tokens separated by spaces) under `category`.
    pub fn add(&mut self, category: &str, name: &str) {
        let tokens: Vec<&str> = name.split_whitespace().collect();
        if tokens.is_empty() || tokens.len() > MAX_TOKENS {
            return;
        }
        let id = match self.categories.iter().position(|c| c == category) {
            Some(id) => id,
            None => {
                self.categories.push(category.to_string());
                self.categories.len() - 1
            }
        } as u64
            + 1;
        let mut h = 0;
        for (i, token) in tokens.iter().enumerate() {
            h = extend(h, lower_hash(token));
            if i == 0 {
                self.starts.insert(h);
            }
            if i + 1 < tokens.len() {
                self.prefixes.insert(h);
            }
        }
        let ids = self.entries.entry(h).or_default();
        if !ids.contains(&id) {
            ids.push(id);
            self.lists.push((category.to_string(), tokens.join(" ")));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether `name` (tokens separated by white space, any case) is on the
    /// list of `category`.
    pub fn has(&self, category: &str, name: &str) -> bool {
        let Some(id) = self.categories.iter().position(|c| c == category) else {
            return false;
        };
        let h = name
            .split_whitespace()
            .fold(0, |h, token| extend(h, lower_hash(token)));
        self.entries
            .get(&h)
            .is_some_and(|ids| ids.contains(&(id as u64 + 1)))
    }

    /// Whether `name` is on a list of places: a country, a capital or a US
    /// state.
    pub fn has_place(&self, name: &str) -> bool {
        ["country", "capital", "us-state"]
            .iter()
            .any(|list| self.has(list, name))
    }

    pub fn len(&self) -> usize {
        self.lists.len()
    }

    /// Every `(category, name)` added, in order: what a model file stores.
    pub fn lists(&self) -> &[(String, String)] {
        &self.lists
    }

    /// Calls `tag(i, value)` for each token inside a match: the value encodes the
    /// category and whether the token begins the match. `keys` are the tokens'
    /// [`lower_hash`]es.
    pub fn tag(&self, keys: &[u64], tag: &mut dyn FnMut(usize, u64)) {
        let tokens = keys;
        if self.entries.is_empty() {
            return;
        }
        let mut i = 0;
        while i < tokens.len() {
            if !self.starts.contains(&extend(0, tokens[i])) {
                i += 1;
                continue;
            }
            let mut h = 0;
            let mut best: Option<(usize, &Vec<u64>)> = None;
            for (j, &key) in tokens.iter().enumerate().skip(i).take(MAX_TOKENS) {
                h = extend(h, key);
                if let Some(ids) = self.entries.get(&h) {
                    best = Some((j + 1, ids));
                }
                if !self.prefixes.contains(&h) {
                    break;
                }
            }
            match best {
                Some((end, ids)) => {
                    for k in i..end {
                        for &id in ids {
                            tag(k, id * 2 + (k == i) as u64);
                        }
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

/// Reads every `CATEGORY.txt` in `dir` (one name per line, `#` comments).
pub fn load_dir(dir: &std::path::Path) -> anyhow::Result<Gazetteer> {
    use anyhow::Context;
    let mut gazetteer = Gazetteer::default();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read gazetteer folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let category = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            gazetteer.add(&category, line);
        }
    }
    Ok(gazetteer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins_and_case_is_ignored() {
        let mut g = Gazetteer::default();
        g.add("city", "New York");
        g.add("city", "York");
        g.add("country", "United States");
        g.add("first-name", "york");
        let mut tags = Vec::new();
        let keys = ["in", "NEW", "York", "and", "york", "."].map(lower_hash);
        g.tag(&keys, &mut |i, v| tags.push((i, v)));
        // city = 1, country = 2, first-name = 3; value = id * 2 + begins.
        assert_eq!(tags, vec![(1, 3), (2, 2), (4, 3), (4, 7)]);
        assert_eq!(g.len(), 4);
        assert!(g.has("city", "new  YORK"));
        assert!(g.has("country", "United States"));
        assert!(!g.has("country", "United"));
        assert!(!g.has("country", "New York"));
        assert!(!g.has("river", "York"));
    }
}
