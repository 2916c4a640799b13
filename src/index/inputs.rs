//! The input files an index holds, so that a later run can leave out those that
//! have not changed: a folder that a scraper adds to every day is indexed again
//! in the time its new files take.
//!
//! A file is remembered by its full path, size and modification time, and by the
//! settings it was read with (the options that change what is indexed, and the
//! version of dateline). A file with a rejected record is not remembered, so the
//! next run reads it again and reports the problem again.

use crate::ingest::InputFile;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The file in the index folder that lists the inputs.
const INPUTS_FILE: &str = "dateline-inputs.json";

/// What a file was when it was indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    len: u64,
    /// Nanoseconds since the epoch.
    modified: u128,
    settings: String,
}

/// The inputs an index was built from, by full path.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Inputs {
    files: BTreeMap<PathBuf, Seen>,
}

impl Inputs {
    /// The inputs listed in `index_dir`; none if there is no list or it cannot be
    /// read (every file is then read again).
    pub fn load(index_dir: &Path) -> Inputs {
        let path = index_dir.join(INPUTS_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|err| {
                log::warn!("{}: {err}; every input is read again", path.display());
                Inputs::default()
            }),
            Err(_) => Inputs::default(),
        }
    }

    /// Whether a file is as it was when indexed, with the same settings.
    pub fn unchanged(&self, now: &Stamp) -> bool {
        self.files.get(&now.path) == Some(&now.seen)
    }

    /// Remembers a file as it was before it was read: one that changes while
    /// it is read is read again next time.
    pub fn record(&mut self, before: Stamp) {
        self.files.insert(before.path, before.seen);
    }

    /// Writes the list into `index_dir`, replacing the old one whole.
    pub fn save(&self, index_dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).expect("inputs serialize");
        let partial = index_dir.join(format!("{INPUTS_FILE}.partial"));
        std::fs::write(&partial, json)?;
        std::fs::rename(partial, index_dir.join(INPUTS_FILE))
    }
}

/// A file's full path and what it is at one moment, read with some settings.
#[derive(Debug, Clone)]
pub struct Stamp {
    path: PathBuf,
    seen: Seen,
}

impl Stamp {
    /// `file` as it is now, to be read with `settings`; `None` if the file
    /// cannot be looked at (reading it will say why).
    pub fn now(file: &InputFile, settings: &str) -> Option<Stamp> {
        let path = std::fs::canonicalize(&file.path).ok()?;
        let meta = std::fs::metadata(&path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        let seen = Seen {
            len: meta.len(),
            modified: modified.as_nanos(),
            settings: settings.to_string(),
        };
        Some(Stamp { path, seen })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(path: &Path, settings: &str) -> Stamp {
        let file = InputFile {
            path: path.to_path_buf(),
            len: 0,
            layout: None,
        };
        Stamp::now(&file, settings).unwrap()
    }

    #[test]
    fn a_file_is_unchanged_until_it_or_the_settings_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jsonl");
        std::fs::write(&file, "one\n").unwrap();
        let mut inputs = Inputs::default();
        assert!(!inputs.unchanged(&stamp(&file, "s")));
        inputs.record(stamp(&file, "s"));
        inputs.save(dir.path()).unwrap();
        let inputs = Inputs::load(dir.path());
        // Through another spelling of the same path.
        let other = dir.path().join(".").join("a.jsonl");
        assert!(inputs.unchanged(&stamp(&other, "s")));
        assert!(!inputs.unchanged(&stamp(&file, "other settings")));
        std::fs::write(&file, "two, longer\n").unwrap();
        assert!(!inputs.unchanged(&stamp(&file, "s")));
        std::fs::write(dir.path().join(INPUTS_FILE), "not json").unwrap();
        let other = dir.path().join("b.jsonl");
        std::fs::write(&other, "one\n").unwrap();
        assert!(!Inputs::load(dir.path()).unchanged(&stamp(&other, "s")));
    }
}
