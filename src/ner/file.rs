//! The model file: gzip of a small header, the gazetteer lists, the open words,
//! the common words, the word clusters, and each pass's weights quantised to 16
//! bits.
//!
//! The header carries the file format and the feature-set version; a model built
//! for other features is refused with a message instead of tagging badly.

use super::features::FEATURE_VERSION;
use super::gazetteer::Gazetteer;
use super::labels::LABELS;
use super::model::{Model, Weights, ROW};
use super::tagger::{Tagger, WordSet};
use anyhow::{bail, ensure, Context};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{Read, Write};
use std::path::Path;

const MAGIC: &[u8; 6] = b"DLNER\0";
const FILE_FORMAT: u32 = 4;

pub fn save(tagger: &Tagger, path: &Path) -> anyhow::Result<()> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    for value in [
        FILE_FORMAT,
        FEATURE_VERSION,
        tagger.first.bits,
        1 + tagger.second.is_some() as u32,
    ] {
        out.extend_from_slice(&value.to_le_bytes());
    }
    let lists: String = tagger
        .gazetteer
        .lists()
        .iter()
        .map(|(category, name)| format!("{category}\t{name}\n"))
        .collect();
    out.extend_from_slice(&(lists.len() as u32).to_le_bytes());
    out.extend_from_slice(lists.as_bytes());
    // A flag, then the open words one per line: tokens hold no line breaks.
    out.extend_from_slice(&(tagger.open.is_some() as u32).to_le_bytes());
    let open = tagger
        .open
        .as_ref()
        .map_or(String::new(), |open| open.words().join("\n"));
    out.extend_from_slice(&(open.len() as u32).to_le_bytes());
    out.extend_from_slice(open.as_bytes());
    let common = tagger.common.words().join("\n");
    out.extend_from_slice(&(common.len() as u32).to_le_bytes());
    out.extend_from_slice(common.as_bytes());
    let clusters = tagger.clusters.to_text();
    out.extend_from_slice(&(clusters.len() as u32).to_le_bytes());
    out.extend_from_slice(clusters.as_bytes());
    for model in std::iter::once(&tagger.first).chain(&tagger.second) {
        write_model(model, &mut out);
    }
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut gz = GzEncoder::new(
        std::io::BufWriter::new(file),
        flate2::Compression::default(),
    );
    gz.write_all(&out)?;
    gz.finish()?.flush()?;
    Ok(())
}

fn write_model(model: &Model, out: &mut Vec<u8>) {
    let rows = 1usize << model.bits;
    let max = (0..rows)
        .flat_map(|r| (0..LABELS).map(move |l| (r, l)))
        .fold(0f32, |m, (r, l)| m.max(model.weights.get(r, l).abs()))
        .max(f32::MIN_POSITIVE);
    let scale = max / i16::MAX as f32;
    out.extend_from_slice(&scale.to_le_bytes());
    for r in 0..rows {
        for l in 0..LABELS {
            let q = (model.weights.get(r, l) / scale).round() as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
    for row in &model.transitions {
        for &w in row {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}

pub fn load(path: &Path) -> anyhow::Result<Tagger> {
    let bytes =
        std::fs::read(path).with_context(|| format!("cannot open model {}", path.display()))?;
    from_gzip(&bytes).with_context(|| format!("cannot load model {}", path.display()))
}

/// A tagger from the bytes of a model file.
pub fn from_gzip(gzip: &[u8]) -> anyhow::Result<Tagger> {
    let mut bytes = Vec::with_capacity(gzip.len() * 8);
    GzDecoder::new(gzip)
        .read_to_end(&mut bytes)
        .context("not a dateline model (not gzip)")?;
    parse(&bytes)
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> anyhow::Result<&'a [u8]> {
        ensure!(self.0.len() >= n, "file is truncated");
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> anyhow::Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }

    fn f32(&mut self) -> anyhow::Result<f32> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
}

fn parse(bytes: &[u8]) -> anyhow::Result<Tagger> {
    let mut c = Cursor(bytes);
    ensure!(c.take(MAGIC.len())? == MAGIC, "not a dateline model");
    let format = c.u32()?;
    let features = c.u32()?;
    if format != FILE_FORMAT || features != FEATURE_VERSION {
        bail!(
            "model has file format {format} and feature set {features}; this binary needs \
             format {FILE_FORMAT} and feature set {FEATURE_VERSION}: retrain it with `dateline ner train`"
        );
    }
    let bits = c.u32()?;
    ensure!((4..=24).contains(&bits), "bad table size 2^{bits}");
    let passes = c.u32()?;
    ensure!(passes == 1 || passes == 2, "bad number of passes {passes}");
    let lists_len = c.u32()? as usize;
    let lists = std::str::from_utf8(c.take(lists_len)?).context("gazetteer is not UTF-8")?;
    let mut gazetteer = Gazetteer::default();
    for line in lists.lines() {
        let (category, name) = line.split_once('\t').context("bad gazetteer line")?;
        gazetteer.add(category, name);
    }
    let has_open = c.u32()?;
    ensure!(has_open <= 1, "bad open-words flag {has_open}");
    let open_len = c.u32()? as usize;
    let open = std::str::from_utf8(c.take(open_len)?).context("open words are not UTF-8")?;
    let open = (has_open == 1).then(|| WordSet::new(open.lines().map(String::from).collect()));
    let common_len = c.u32()? as usize;
    let common = std::str::from_utf8(c.take(common_len)?).context("common words are not UTF-8")?;
    let common = WordSet::new(common.lines().map(String::from).collect());
    let clusters_len = c.u32()? as usize;
    let clusters = std::str::from_utf8(c.take(clusters_len)?).context("clusters are not UTF-8")?;
    let clusters = super::clusters::parse(clusters).context("bad word clusters")?;
    let first = read_model(&mut c, bits)?;
    let second = if passes == 2 {
        Some(read_model(&mut c, bits)?)
    } else {
        None
    };
    ensure!(c.0.is_empty(), "trailing bytes after the model");
    Ok(Tagger::new(
        gazetteer, clusters, first, second, open, common,
    ))
}

fn read_model(c: &mut Cursor, bits: u32) -> anyhow::Result<Model> {
    let scale = c.f32()?;
    let raw = c.take((1usize << bits) * LABELS * 2)?;
    let mut values = vec![0i16; (1usize << bits) * ROW];
    for (row, quantised) in values
        .chunks_exact_mut(ROW)
        .zip(raw.chunks_exact(LABELS * 2))
    {
        for (w, q) in row.iter_mut().zip(quantised.chunks_exact(2)) {
            *w = i16::from_le_bytes([q[0], q[1]]);
        }
    }
    let mut transitions = [[0.0; LABELS]; LABELS + 1];
    for row in transitions.iter_mut() {
        for w in row.iter_mut() {
            *w = c.f32()?;
        }
    }
    Ok(Model {
        bits,
        weights: Weights::quantised(values, scale),
        transitions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::clusters::Clusters;

    #[test]
    fn round_trip_keeps_weights_within_quantisation_error() {
        let mut weights = vec![0.0; 64 * ROW];
        weights[ROW * 3 + 2] = 2.5;
        weights[ROW * 5] = -1.25;
        let mut first = Model {
            weights: Weights::Float(weights),
            ..Model::new(6)
        };
        first.transitions[0][1] = 0.5;
        let mut gazetteer = Gazetteer::default();
        gazetteer.add("city", "New York");
        let mut clusters = Clusters::default();
        clusters.add("Kursk", 7, 1);
        clusters.add("Seoul", 300, 2);
        let tagger = Tagger::new(
            gazetteer,
            clusters,
            first,
            None,
            Some(WordSet::new(vec!["of".into(), "&".into()])),
            WordSet::new(vec!["petrol".into(), "well".into()]),
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.bin");
        save(&tagger, &path).unwrap();
        let back = load(&path).unwrap();
        assert!((back.first.weights.get(3, 2) - 2.5).abs() < 1e-3);
        assert!((back.first.weights.get(5, 0) + 1.25).abs() < 1e-3);
        assert_eq!(back.first.transitions[0][1], 0.5);
        assert_eq!(back.gazetteer.lists(), tagger.gazetteer.lists());
        assert_eq!(back.clusters.words(), tagger.clusters.words());
        assert_eq!(back.clusters.get("Seoul"), Some((300, 2)));
        assert!(back.second.is_none());
        assert_eq!(back.open, tagger.open);
        assert_eq!(back.common, tagger.common);
    }

    #[test]
    fn other_feature_versions_are_refused() {
        let mut bytes = MAGIC.to_vec();
        for v in [FILE_FORMAT, FEATURE_VERSION + 1, 6, 1] {
            bytes.extend_from_slice(&v.to_le_bytes());
        }
        let err = parse(&bytes).err().unwrap().to_string();
        assert!(
            err.contains("retrain it with `dateline ner train`"),
            "{err}"
        );
    }
}
