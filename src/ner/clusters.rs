//! Word clusters learnt from unlabelled text: words that occur between the same
//! kinds of neighbours share a class, so a name the labelled data never saw
//! still gets the features of the names it is used like.
//!
//! The classes maximise the likelihood of a class bigram model, found with the
//! exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998): each
//! word in turn moves to the class that raises the likelihood most, until few
//! words move. A second exchange over the classes themselves groups them into
//! coarse classes, so a word has a fine and a coarse class.

use super::features::word_key;
use super::HashedMap;
use anyhow::Context;
use std::collections::HashMap;
use std::path::Path;

/// What [`Corpus::learn`] is asked for.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Fine classes.
    pub classes: usize,
    /// Coarse classes, each a group of fine ones.
    pub coarse: usize,
    /// Words seen fewer times get no class.
    pub min_count: u32,
    /// At most this many passes over the words.
    pub iterations: usize,
}

/// Each word's fine and coarse class, looked up by [`word_key`].
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    classes: HashedMap<(u16, u16)>,
    /// Every `(word, fine, coarse)`, most frequent first: what a model file stores.
    words: Vec<(String, u16, u16)>,
}

impl Clusters {
    pub fn add(&mut self, word: &str, fine: u16, coarse: u16) {
        if self
            .classes
            .insert(word_key(word), (fine, coarse))
            .is_none()
        {
            self.words.push((word.to_string(), fine, coarse));
        }
    }

    /// The fine and coarse class of `word`, if it has one.
    pub fn get(&self, word: &str) -> Option<(u16, u16)> {
        self.classes.get(&word_key(word)).copied()
    }

    pub fn words(&self) -> &[(String, u16, u16)] {
        &self.words
    }

    /// One `word, fine class, coarse class` line per word, tab-separated.
    pub fn to_text(&self) -> String {
        self.words
            .iter()
            .map(|(word, fine, coarse)| format!("{word}\t{fine}\t{coarse}\n"))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Writes one `word, fine class, coarse class` line per word, tab-separated.
pub fn save(clusters: &Clusters, path: &Path) -> anyhow::Result<()> {
    std::fs::write(path, clusters.to_text())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Reads what [`Clusters::to_text`] wrote.
pub fn parse(text: &str) -> anyhow::Result<Clusters> {
    // One word a line: room for them all at once, not doubled as they come.
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    let mut clusters = Clusters {
        classes: HashedMap::with_capacity_and_hasher(lines, Default::default()),
        words: Vec::with_capacity(lines),
    };
    for (n, line) in text.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(word), Some(fine), Some(coarse), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            anyhow::bail!("line {}: expected a word and two classes", n + 1);
        };
        let class = |s: &str| {
            s.parse::<u16>()
                .with_context(|| format!("line {}: {s:?} is not a class", n + 1))
        };
        clusters.add(word, class(fine)?, class(coarse)?);
    }
    Ok(clusters)
}

/// Reads a file [`save`] wrote.
pub fn load(path: &Path) -> anyhow::Result<Clusters> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

/// Collects the word sequence of unlabelled text, sentence by sentence.
#[derive(Default)]
pub struct Corpus {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
    /// Word ids, each sentence followed by `BOUNDARY`.
    sequence: Vec<u32>,
}

const BOUNDARY: u32 = u32::MAX;

impl Corpus {
    pub fn add_sentence<'a>(&mut self, tokens: impl IntoIterator<Item = &'a str>) {
        let before = self.sequence.len();
        for token in tokens {
            let id = match self.ids.get(token) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(token.to_string(), id);
                    self.words.push(token.to_string());
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            self.sequence.push(id);
        }
        if self.sequence.len() > before {
            self.sequence.push(BOUNDARY);
        }
    }

    /// Tokens added, sentence ends left out.
    pub fn tokens(&self) -> usize {
        self.counts.iter().map(|&c| c as usize).sum()
    }

    /// Learns the classes of every word seen at least `settings.min_count` times.
    /// `progress` hears about each pass.
    pub fn learn(&self, settings: &Settings, progress: &mut dyn FnMut(String)) -> Clusters {
        // Words by falling count (ties by first appearance): the order of the
        // first classes and of every pass.
        let mut order: Vec<u32> = (0..self.words.len() as u32)
            .filter(|&id| self.counts[id as usize] >= settings.min_count)
            .collect();
        order.sort_by_key(|&id| std::cmp::Reverse(self.counts[id as usize]));
        let kept = order.len() as u32;
        // Item ids: the kept words in order, then one item for every other word
        // and one for the sentence boundary, which keep classes of their own.
        let (rare, boundary) = (kept, kept + 1);
        let mut item = vec![rare; self.words.len()];
        for (i, &id) in order.iter().enumerate() {
            item[id as usize] = i as u32;
        }
        let item_of = |id: u32| {
            if id == BOUNDARY {
                boundary
            } else {
                item[id as usize]
            }
        };
        let mut bigrams: HashMap<(u32, u32), u64> = HashMap::new();
        let mut previous = boundary;
        for &id in &self.sequence {
            let current = item_of(id);
            *bigrams.entry((previous, current)).or_default() += 1;
            previous = current;
        }
        let words = Exchange::new(kept as usize, 2, &bigrams, settings.classes);
        let fine = words.run(settings.iterations, &mut |pass, moved| {
            progress(format!("words, pass {pass}: {moved} of {kept} moved"))
        });
        // The fine classes' own bigrams, the two fixed ones kept apart again.
        let mut class_bigrams: HashMap<(u32, u32), u64> = HashMap::new();
        let class_of = |i: u32| match fine.get(i as usize) {
            Some(&class) => class,
            None => i - kept + settings.classes as u32,
        };
        for (&(a, b), &count) in &bigrams {
            *class_bigrams.entry((class_of(a), class_of(b))).or_default() += count;
        }
        let groups = Exchange::new(settings.classes, 2, &class_bigrams, settings.coarse);
        let coarse = groups.run(settings.iterations, &mut |pass, moved| {
            progress(format!(
                "classes, pass {pass}: {moved} of {} moved",
                settings.classes
            ))
        });
        let mut clusters = Clusters::default();
        for (i, &id) in order.iter().enumerate() {
            let class = fine[i];
            clusters.add(
                &self.words[id as usize],
                class as u16,
                coarse[class as usize] as u16,
            );
        }
        clusters
    }
}

/// `x ln x`, from a table for small counts.
struct XLogX(Vec<f64>);

impl XLogX {
    const TABLE: usize = 1 << 16;

    fn new() -> XLogX {
        XLogX((0..Self::TABLE).map(|x| Self::compute(x as i64)).collect())
    }

    fn compute(x: i64) -> f64 {
        if x <= 0 {
            0.0
        } else {
            let x = x as f64;
            x * x.ln()
        }
    }

    #[inline]
    fn of(&self, x: i64) -> f64 {
        match self.0.get(x as usize) {
            Some(&v) if x >= 0 => v,
            _ => Self::compute(x),
        }
    }
}

/// The exchange algorithm over `movable` items plus `fixed` items that each keep
/// a class of their own.
struct Exchange {
    movable: usize,
    classes: usize,
    /// Classes in all: the movable items' `classes`, then one per fixed item.
    width: usize,
    class: Vec<u32>,
    /// Per item: its successors and predecessors with counts, itself left out,
    /// and the count of the item followed by itself.
    next: Vec<Vec<(u32, i64)>>,
    prev: Vec<Vec<(u32, i64)>>,
    itself: Vec<i64>,
    /// Class bigram counts, row-major, and the same transposed.
    pairs: Vec<i64>,
    pairs_t: Vec<i64>,
    /// Per class: bigrams it begins and bigrams it ends.
    left: Vec<i64>,
    right: Vec<i64>,
    f: XLogX,
}

impl Exchange {
    fn new(
        movable: usize,
        fixed: usize,
        bigrams: &HashMap<(u32, u32), u64>,
        classes: usize,
    ) -> Exchange {
        let items = movable + fixed;
        let width = classes + fixed;
        let class: Vec<u32> = (0..items)
            .map(|i| {
                if i < movable {
                    (i % classes) as u32
                } else {
                    (classes + i - movable) as u32
                }
            })
            .collect();
        let mut next = vec![Vec::new(); items];
        let mut prev = vec![Vec::new(); items];
        let mut itself = vec![0; items];
        let mut sorted: Vec<_> = bigrams.iter().map(|(&k, &v)| (k, v as i64)).collect();
        sorted.sort_unstable();
        for ((a, b), count) in sorted {
            if a == b {
                itself[a as usize] += count;
            } else {
                next[a as usize].push((b, count));
                prev[b as usize].push((a, count));
            }
        }
        let mut exchange = Exchange {
            movable,
            classes,
            width,
            class,
            next,
            prev,
            itself,
            pairs: vec![0; width * width],
            pairs_t: vec![0; width * width],
            left: vec![0; width],
            right: vec![0; width],
            f: XLogX::new(),
        };
        for a in 0..items {
            let ca = exchange.class[a] as usize;
            for &(b, count) in &exchange.next[a] {
                let cb = exchange.class[b as usize] as usize;
                exchange.pairs[ca * width + cb] += count;
            }
            exchange.pairs[ca * width + ca] += exchange.itself[a];
        }
        for c in 0..width {
            for d in 0..width {
                let count = exchange.pairs[c * width + d];
                exchange.pairs_t[d * width + c] = count;
                exchange.left[c] += count;
                exchange.right[d] += count;
            }
        }
        exchange
    }

    /// Moves items until a pass moves fewer than one in a thousand, or
    /// `iterations` passes; gives each movable item's class.
    fn run(mut self, iterations: usize, progress: &mut dyn FnMut(usize, usize)) -> Vec<u32> {
        let mut by_class = ClassSums::new(self.width);
        let mut gains = vec![0.0; self.classes];
        for pass in 1..=iterations {
            let mut moved = 0;
            for item in 0..self.movable {
                if self.reassign(item, &mut by_class, &mut gains) {
                    moved += 1;
                }
            }
            progress(pass, moved);
            if moved * 1000 < self.movable {
                break;
            }
        }
        self.class.truncate(self.movable);
        self.class
    }

    /// Takes `item` out of its class and puts it in the best one; true if that
    /// is another class.
    fn reassign(&mut self, item: usize, sums: &mut ClassSums, gains: &mut [f64]) -> bool {
        let w = self.width;
        let old = self.class[item] as usize;
        sums.clear();
        for &(b, count) in &self.next[item] {
            sums.add_next(self.class[b as usize] as usize, count);
        }
        for &(a, count) in &self.prev[item] {
            sums.add_prev(self.class[a as usize] as usize, count);
        }
        let itself = self.itself[item];
        let begins = sums.next_total + itself;
        let ends = sums.prev_total + itself;
        self.shift(item, old, -1, sums);
        // The gain of each class: the pair counts the item would add to its row
        // and its column, the count of (class, class), and the class totals.
        let f = &self.f;
        gains.iter_mut().for_each(|g| *g = 0.0);
        for &d in &sums.next {
            let r = sums.next_of[d as usize];
            let column = &self.pairs_t[d as usize * w..][..self.classes];
            for (g, &m) in gains.iter_mut().zip(column) {
                *g += f.of(m + r) - f.of(m);
            }
        }
        for &c in &sums.prev {
            let l = sums.prev_of[c as usize];
            let row = &self.pairs[c as usize * w..][..self.classes];
            for (g, &m) in gains.iter_mut().zip(row) {
                *g += f.of(m + l) - f.of(m);
            }
        }
        let mut best = old;
        let mut best_gain = f64::NEG_INFINITY;
        for (c, g) in gains.iter().enumerate() {
            let m = self.pairs[c * w + c];
            let (r, l) = (sums.next_of[c], sums.prev_of[c]);
            let gain = g + f.of(m + r + l + itself) - f.of(m + r) - f.of(m + l) + f.of(m)
                - (f.of(self.left[c] + begins) - f.of(self.left[c]))
                - (f.of(self.right[c] + ends) - f.of(self.right[c]));
            // Ties keep the item where it was.
            if gain > best_gain + 1e-9 || (c == old && gain >= best_gain - 1e-9) {
                best = c;
                best_gain = gain;
            }
        }
        self.shift(item, best, 1, sums);
        self.class[item] = best as u32;
        best != old
    }

    /// Adds (`sign` 1) or removes (-1) `item`'s bigrams to or from `class`.
    fn shift(&mut self, item: usize, class: usize, sign: i64, sums: &ClassSums) {
        let w = self.width;
        let itself = self.itself[item];
        let mut add = |c: usize, d: usize, count: i64| {
            self.pairs[c * w + d] += sign * count;
            self.pairs_t[d * w + c] += sign * count;
        };
        for &d in &sums.next {
            add(class, d as usize, sums.next_of[d as usize]);
        }
        for &c in &sums.prev {
            add(c as usize, class, sums.prev_of[c as usize]);
        }
        // The item followed by itself: once it sits in `class`, from either side.
        add(class, class, itself);
        self.left[class] += sign * (sums.next_total + itself);
        self.right[class] += sign * (sums.prev_total + itself);
    }
}

/// An item's bigram counts summed by the class of the other word.
struct ClassSums {
    next_of: Vec<i64>,
    prev_of: Vec<i64>,
    /// The classes with a count.
    next: Vec<u32>,
    prev: Vec<u32>,
    next_total: i64,
    prev_total: i64,
}

impl ClassSums {
    fn new(width: usize) -> ClassSums {
        ClassSums {
            next_of: vec![0; width],
            prev_of: vec![0; width],
            next: Vec::new(),
            prev: Vec::new(),
            next_total: 0,
            prev_total: 0,
        }
    }

    fn clear(&mut self) {
        for &c in &self.next {
            self.next_of[c as usize] = 0;
        }
        for &c in &self.prev {
            self.prev_of[c as usize] = 0;
        }
        self.next.clear();
        self.prev.clear();
        self.next_total = 0;
        self.prev_total = 0;
    }

    fn add_next(&mut self, class: usize, count: i64) {
        if self.next_of[class] == 0 {
            self.next.push(class as u32);
        }
        self.next_of[class] += count;
        self.next_total += count;
    }

    fn add_prev(&mut self, class: usize, count: i64) {
        if self.prev_of[class] == 0 {
            self.prev.push(class as u32);
        }
        self.prev_of[class] += count;
        self.prev_total += count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Animals run after "the"; colours stand between "very" and "car".
    fn corpus() -> Corpus {
        let mut corpus = Corpus::default();
        for round in 0..6 {
            for animal in ["cat", "dog", "fox"] {
                corpus.add_sentence(["the", animal, "ran", "home"]);
            }
            for colour in ["red", "blue", "green"] {
                corpus.add_sentence(["a", "very", colour, "car"]);
            }
            if round < 2 {
                corpus.add_sentence(["owl"]);
            }
        }
        corpus
    }

    fn settings() -> Settings {
        Settings {
            classes: 6,
            coarse: 2,
            min_count: 3,
            iterations: 20,
        }
    }

    #[test]
    fn words_used_alike_share_a_class() {
        let clusters = corpus().learn(&settings(), &mut |_| {});
        let fine = |w: &str| clusters.get(w).unwrap().0;
        assert_eq!(fine("cat"), fine("dog"));
        assert_eq!(fine("dog"), fine("fox"));
        assert_eq!(fine("red"), fine("blue"));
        assert_eq!(fine("blue"), fine("green"));
        assert_ne!(fine("cat"), fine("red"));
        // "owl" is seen twice, below the minimum count.
        assert_eq!(clusters.get("owl"), None);
        assert!(clusters.words().iter().all(|&(_, f, c)| f < 6 && c < 2));
    }

    #[test]
    fn learning_is_deterministic_and_the_text_round_trips() {
        let a = corpus().learn(&settings(), &mut |_| {});
        let b = corpus().learn(&settings(), &mut |_| {});
        assert_eq!(a.to_text(), b.to_text());
        let back = parse(&a.to_text()).unwrap();
        assert_eq!(back.words(), a.words());
        assert_eq!(back.get("fox"), a.get("fox"));
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = parse("cat\t1\t0\ndog\t1\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        let err = parse("cat\tx\t0\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 1"), "{err:#}");
    }
}
