//! Opening an index directory and checking that this binary can read it.
//!
//! Next to tantivy's files, an index holds `dateline.json` with the format version
//! of its schema and analyzers. A binary refuses an index of another version, or one
//! whose schema differs from its own, instead of giving wrong results.

use super::schema::{build_schema, register_tokenizers, Fields, FORMAT_VERSION};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexSettings};

const SETTINGS_FILE: &str = "dateline.json";

/// What an index records about how it was built.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Settings {
    format: u32,
    /// The crate version that created the index, for messages only.
    created_by: String,
}

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {0}: run `dateline index PATH...` first, or pass --index DIR")]
    Missing(PathBuf),
    #[error("{0} is not empty and holds no dateline index; choose another --index DIR")]
    NotAnIndex(PathBuf),
    #[error(
        "the index at {dir} has format {found} (created by dateline {created_by}); this \
         binary reads format {FORMAT_VERSION}: remove the folder and index again"
    )]
    Mismatch {
        dir: PathBuf,
        found: u32,
        created_by: String,
    },
    #[error("the index at {0} has a schema this binary does not know: remove the folder and index again")]
    SchemaMismatch(PathBuf),
    #[error("cannot read {file}: {reason}")]
    BadSettings { file: PathBuf, reason: String },
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// An open, checked index.
pub struct Opened {
    pub index: Index,
    pub fields: Fields,
}

/// Opens the index at `dir` for reading; it must exist.
pub fn open_existing(dir: &Path) -> Result<Opened, IndexError> {
    if !dir.join("meta.json").exists() {
        return Err(IndexError::Missing(dir.to_path_buf()));
    }
    open_checked(dir)
}

/// Opens the index at `dir` for writing, creating it (and the folder) if needed.
pub fn open_or_create(dir: &Path) -> Result<Opened, IndexError> {
    if dir.join("meta.json").exists() {
        return open_checked(dir);
    }
    std::fs::create_dir_all(dir)?;
    let visible = std::fs::read_dir(dir)?
        .flatten()
        .any(|entry| !entry.file_name().to_string_lossy().starts_with('.'));
    if visible {
        return Err(IndexError::NotAnIndex(dir.to_path_buf()));
    }
    let index = Index::create(
        MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?,
        build_schema(),
        index_settings(),
    )?;
    let settings = Settings {
        format: FORMAT_VERSION,
        created_by: env!("CARGO_PKG_VERSION").to_string(),
    };
    let json = serde_json::to_string_pretty(&settings).expect("settings serialize");
    std::fs::write(dir.join(SETTINGS_FILE), json + "\n")?;
    finish(index)
}

/// tantivy's defaults, except that each indexing thread compresses its own stored
/// blocks: handing them to a compressor thread per segment cost about 6 % more CPU
/// time on two cores, where every thread competes for a core anyway.
fn index_settings() -> IndexSettings {
    IndexSettings {
        docstore_compress_dedicated_thread: false,
        ..IndexSettings::default()
    }
}

fn open_checked(dir: &Path) -> Result<Opened, IndexError> {
    let file = dir.join(SETTINGS_FILE);
    let text = std::fs::read_to_string(&file).map_err(|err| IndexError::BadSettings {
        file: file.clone(),
        reason: err.to_string(),
    })?;
    let settings: Settings =
        serde_json::from_str(&text).map_err(|err| IndexError::BadSettings {
            file: file.clone(),
            reason: err.to_string(),
        })?;
    if settings.format != FORMAT_VERSION {
        return Err(IndexError::Mismatch {
            dir: dir.to_path_buf(),
            found: settings.format,
            created_by: settings.created_by,
        });
    }
    let index = Index::open_in_dir(dir)?;
    if index.schema() != build_schema() {
        return Err(IndexError::SchemaMismatch(dir.to_path_buf()));
    }
    finish(index)
}

/// Bytes of the files of an index folder (tantivy keeps it flat).
pub fn size_on_disk(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let meta = entry?.metadata()?;
        if meta.is_file() {
            total += meta.len();
        }
    }
    Ok(total)
}

fn finish(index: Index) -> Result<Opened, IndexError> {
    register_tokenizers(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok(Opened { index, fields })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_then_reopen_and_refuse_other_versions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        assert!(matches!(open_existing(&path), Err(IndexError::Missing(_))));
        open_or_create(&path).unwrap();
        let reopened = open_existing(&path).unwrap();
        // The index keeps its settings: stored blocks are compressed inline.
        assert!(!reopened.index.settings().docstore_compress_dedicated_thread);
        std::fs::write(
            path.join(SETTINGS_FILE),
            r#"{"format": 999, "created_by": "9.9.9"}"#,
        )
        .unwrap();
        let err = open_existing(&path).err().unwrap();
        assert!(
            err.to_string()
                .contains("has format 999 (created by dateline 9.9.9)"),
            "{err}"
        );
    }

    #[test]
    fn refuses_a_folder_with_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        assert!(matches!(
            open_or_create(dir.path()),
            Err(IndexError::NotAnIndex(_))
        ));
    }
}
