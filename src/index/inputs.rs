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

    /// Whether `file` is as it was when indexed with `settings`.
    pub fn unchanged(&self, file: &InputFile, settings: &str) -> bool {
        seen(file, settings).is_some_and(|(path, seen)| self.files.get(&path) == Some(&seen))
    }

    /// Remembers `file` as indexed with `settings`.
    pub fn record(&mut self, file: &InputFile, settings: &str) {
        if let Some((path, seen)) = seen(file, settings) {
            self.files.insert(path, seen);
        }
    }

    /// Writes the list into `index_dir`, replacing the old one whole.
    pub fn save(&self, index_dir: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).expect("inputs serialize");
        let partial = index_dir.join(format!("{INPUTS_FILE}.partial"));
        std::fs::write(&partial, json)?;
        std::fs::rename(partial, index_dir.join(INPUTS_FILE))
    }
}

/// A file's full path and what it is now.
fn seen(file: &InputFile, settings: &str) -> Option<(PathBuf, Seen)> {
    let path = std::fs::canonicalize(&file.path).ok()?;
    let meta = std::fs::metadata(&path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let seen = Seen {
        len: meta.len(),
        modified: modified.as_nanos(),
        settings: settings.to_string(),
    };
    Some((path, seen))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &Path) -> InputFile {
        InputFile {
            path: path.to_path_buf(),
            len: 0,
            layout: None,
        }
    }

    #[test]
    fn a_file_is_unchanged_until_it_or_the_settings_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.jsonl");
        std::fs::write(&file, "one\n").unwrap();
        let mut inputs = Inputs::default();
        assert!(!inputs.unchanged(&input(&file), "s"));
        inputs.record(&input(&file), "s");
        inputs.save(dir.path()).unwrap();
        let inputs = Inputs::load(dir.path());
        // Through another spelling of the same path.
        let other = dir.path().join(".").join("a.jsonl");
        assert!(inputs.unchanged(&input(&other), "s"));
        assert!(!inputs.unchanged(&input(&file), "other settings"));
        std::fs::write(&file, "two, longer\n").unwrap();
        assert!(!inputs.unchanged(&input(&file), "s"));
        std::fs::write(dir.path().join(INPUTS_FILE), "not json").unwrap();
        assert!(!Inputs::load(dir.path()).unchanged(&input(&file), "s"));
    }
}
