//! Reading articles: finding input files, detecting their format and turning each
//! record into an [`Article`], or into an [`IngestError`] that names the file and
//! line or record.
//!
//! Readers never stop at a bad record: they report it as an [`Event`] and go on, so
//! indexing can skip it, say why and still exit non-zero.

mod csv;
pub(crate) mod date;
mod decode;
mod hipe;
mod html;
mod jsonl;
mod keys;
mod plain_text;
mod reuters;
mod semeval;

pub use date::{parse_date, parse_day};
pub use decode::{decode_text, Decoded};

use crate::article::Article;
use chrono::{DateTime, Utc};
use std::cell::Cell;
use std::fmt;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// Input formats; `--format` names them, detection picks one per file otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text: source line, optional `Date:`/`URL:` headers, title, paragraphs.
    Text,
    /// Plain text with the title on the first line (BBC layout); category from the folder.
    TitledText,
    /// JSON Lines, one article per line, optionally gzip-compressed.
    Jsonl,
    /// CSV with a header row (url, date, title, text).
    Csv,
    /// Reuters-21578 SGML.
    Reuters,
    /// SemEval-2019 hyperpartisan articles XML.
    Semeval,
    /// CLEF-HIPE-2020 TSV: one token per line, with annotated entities.
    Hipe,
}

impl Format {
    /// Formats read record by record, so a file of any size costs a record's
    /// memory; the others are read whole.
    fn is_streamed(self) -> bool {
        matches!(self, Format::Jsonl | Format::Csv | Format::Semeval)
    }
}

/// What the user told us about the whole batch.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub format: Option<Format>,
    /// Source for records that carry none.
    pub source: Option<String>,
    /// Date for records that carry none.
    pub date: Option<DateTime<Utc>>,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Line(usize),
    Record(usize),
}

/// A problem with one input file or record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct IngestError {
    pub path: PathBuf,
    pub location: Option<Location>,
    pub message: String,
}

impl IngestError {
    pub fn new(path: &Path, location: Option<Location>, message: impl Into<String>) -> Self {
        IngestError {
            path: path.to_path_buf(),
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.as_os_str() == STDIN {
            write!(f, "stdin")?;
        } else {
            write!(f, "{}", self.path.display())?;
        }
        match self.location {
            Some(Location::Line(n)) => write!(f, ":{n}")?,
            Some(Location::Record(n)) => write!(f, ": record {n}")?,
            None => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// What a reader reports, in input order.
#[derive(Debug)]
pub enum Event {
    Article(Box<Article>),
    /// The record (or file) was not indexed; the run will exit non-zero.
    Rejected(IngestError),
    /// The record was indexed, with something worth telling (an unparseable date).
    Warning(IngestError),
    /// The record is not an article by its format's own rules (a Reuters brief).
    Skipped(IngestError),
}

/// One file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    pub len: u64,
    /// The plain-text layout of the file's folder, decided by [`discover`].
    pub layout: Option<Format>,
}

/// The path that names standard input, as many tools take it.
pub const STDIN: &str = "-";

impl InputFile {
    /// Whether this input is standard input, whose size is unknown.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == STDIN
    }
}

/// Files sampled per folder to decide its plain-text layout.
const LAYOUT_SAMPLE: usize = 25;

/// Names of files that sit beside articles in corpora but are not articles.
const NOT_ARTICLES: [&str; 6] = [
    "readme",
    "license",
    "licence",
    "source",
    "md5sums",
    "changelog",
];

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<InputFile>,
    /// Paths that cannot be read, and folders without article files.
    pub errors: Vec<IngestError>,
    /// `.txt` files left out as the notes of a folder that holds files of records.
    pub notes: usize,
}

/// Expands PATHs into files, directories walked recursively in name order.
///
/// Files named explicitly are always kept; inside directories only files with an
/// extension a reader knows are kept, minus hidden files, README-like files and
/// `.txt` files beside files of records.
/// A PATH that cannot be read is reported and the rest still returned.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut notes = 0;
    for root in paths {
        if root.as_os_str() == STDIN {
            files.push(InputFile {
                path: root.clone(),
                len: 0,
                layout: None,
            });
            continue;
        }
        let found_before = files.len();
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    errors.push(IngestError::new(&path, None, err.to_string()));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let explicit = entry.depth() == 0;
            if !explicit && !is_candidate(entry.path()) {
                log::debug!("not an article file, skipped: {}", entry.path().display());
                continue;
            }
            let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
            files.push(InputFile {
                path: entry.into_path(),
                len,
                layout: None,
            });
        }
        if root.is_dir() {
            let mut walked = files.split_off(found_before);
            notes += drop_notes_beside_records(&mut walked);
            files.append(&mut walked);
        }
        if files.len() == found_before && root.is_dir() {
            errors.push(IngestError::new(
                root,
                None,
                "no article files in this folder (dateline reads .txt, .json, .jsonl, \
                 .ndjson, .csv, .sgm and .xml files, also gzipped, and HIPE .tsv files)",
            ));
        }
    }
    decide_layouts(&mut files);
    Discovered {
        files,
        errors,
        notes,
    }
}

/// Gives every `.txt` file the layout most of its folder's files have.
///
/// One file alone can be ambiguous (a BBC headline followed by a one-line
/// paragraph looks like a source and a title); a folder of them is not.
fn decide_layouts(files: &mut [InputFile]) {
    let mut folders: std::collections::HashMap<PathBuf, Vec<usize>> = Default::default();
    for (i, file) in files.iter().enumerate().filter(|(_, f)| is_text(f)) {
        folders.entry(folder(file)).or_default().push(i);
    }
    for members in folders.values() {
        let step = members.len().div_ceil(LAYOUT_SAMPLE);
        let (mut source_first, mut title_first) = (0, 0);
        for &i in members.iter().step_by(step) {
            let Ok(head) = read_head(&files[i].path) else {
                continue;
            };
            match plain_text::detect_layout(&head) {
                Format::TitledText => title_first += 1,
                _ => source_first += 1,
            }
        }
        let layout = if title_first > source_first {
            Format::TitledText
        } else {
            Format::Text
        };
        for &i in members {
            files[i].layout = Some(layout);
        }
    }
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(path)?
        .take(4096)
        .read_to_end(&mut head)?;
    Ok(head)
}

fn is_candidate(path: &Path) -> bool {
    let lower = lower_name(path);
    if lower.starts_with('.') {
        return false;
    }
    let stem = lower.split('.').next().unwrap_or_default();
    if NOT_ARTICLES.contains(&stem) {
        return false;
    }
    // A `.tsv` file is an article file only if it is HIPE's.
    let tsv = lower
        .strip_suffix(".gz")
        .unwrap_or(&lower)
        .ends_with(".tsv");
    format_from_name(&lower).is_some() || tsv && opens_as_hipe(path)
}

/// Whether a file, gzipped or not, starts with a HIPE header.
fn opens_as_hipe(path: &Path) -> bool {
    let read = Cell::default();
    decode::open(path, &read)
        .and_then(|mut reader| Ok(hipe::is_hipe(reader.fill_buf()?)))
        .unwrap_or(false)
}

/// Leaves out the `.txt` files of a folder that holds at least as many files of
/// a format of records (SGML, JSON, CSV, XML, HIPE): there they are the corpus's
/// notes and lists (Reuters-21578 has 7 beside 22 `.sgm` files), not articles.
/// A folder of articles with a manifest beside them keeps its articles. Returns
/// how many it left out.
fn drop_notes_beside_records(files: &mut Vec<InputFile>) -> usize {
    // Per folder: files of records, and `.txt` files.
    let mut folders: std::collections::HashMap<PathBuf, (usize, usize)> = Default::default();
    for file in files.iter() {
        let counts = folders.entry(folder(file)).or_default();
        if is_text(file) {
            counts.1 += 1;
        } else {
            counts.0 += 1;
        }
    }
    let before = files.len();
    files.retain(|f| {
        let (records, texts) = folders[&folder(f)];
        let note = is_text(f) && records >= texts;
        if note {
            log::info!(
                "a .txt file beside files of records, taken for notes and left out: {}",
                f.path.display()
            );
        }
        !note
    });
    before - files.len()
}

/// The folder a file is in.
fn folder(file: &InputFile) -> PathBuf {
    file.path.parent().unwrap_or(Path::new("")).to_path_buf()
}

/// Whether a file's name says plain text (`.txt`, gzipped or not).
fn is_text(file: &InputFile) -> bool {
    format_from_name(&lower_name(&file.path)) == Some(Format::Text)
}

/// A file's name in lower case.
fn lower_name(path: &Path) -> String {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The format an extension names, if any; `.txt` is resolved by content later.
fn format_from_name(lower_name: &str) -> Option<Format> {
    let name = lower_name.strip_suffix(".gz").unwrap_or(lower_name);
    let ext = name.rsplit_once('.').map(|(_, ext)| ext)?;
    match ext {
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        "csv" => Some(Format::Csv),
        "sgm" | "sgml" => Some(Format::Reuters),
        "xml" => Some(Format::Semeval),
        "txt" => Some(Format::Text),
        _ => None,
    }
}

/// Picks a format from the name, then the first bytes.
pub fn detect(path: &Path, head: &[u8]) -> Format {
    match format_from_name(&lower_name(path)) {
        Some(Format::Text) => plain_text::detect_layout(head),
        Some(format) => format,
        None => sniff(head),
    }
}

fn sniff(head: &[u8]) -> Format {
    let text = String::from_utf8_lossy(&head[..head.len().min(512)]);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with(['{', '[']) {
        Format::Jsonl
    } else if start.starts_with("<!DOCTYPE lewis") || start.starts_with("<REUTERS") {
        Format::Reuters
    } else if start.starts_with("<?xml") || start.starts_with("<articles") {
        Format::Semeval
    } else if hipe::is_hipe(start.as_bytes()) {
        Format::Hipe
    } else {
        plain_text::detect_layout(head)
    }
}

/// Reads one file and reports every record it holds.
///
/// JSON Lines, JSON arrays, CSV and SemEval XML are read record by record, so a
/// file of any size costs a record's memory; other formats are read whole.
/// `read` counts the file's bytes read so far, for progress.
pub fn read_file(
    input: &InputFile,
    options: &IngestOptions,
    read: &Cell<u64>,
    emit: &mut dyn FnMut(Event),
) {
    let file = input.path.as_path();
    let cannot_read =
        |err| Event::Rejected(IngestError::new(file, None, format!("cannot read: {err}")));
    let mut reader = match decode::open(file, read) {
        Ok(reader) => reader,
        Err(err) => return emit(cannot_read(err)),
    };
    let given = options.format.or(input.layout);
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(err) => return emit(cannot_read(err)),
    };
    let format = given.unwrap_or_else(|| detect(file, head));
    if format.is_streamed() {
        if let Err(err) = decode::check_text(file, head) {
            return emit(Event::Rejected(err));
        }
        return read_records(file, format, reader, options, emit);
    }
    let mut bytes = Vec::with_capacity(input.len as usize);
    if let Err(err) = reader.read_to_end(&mut bytes) {
        return emit(cannot_read(err));
    }
    // The whole file may say what its first bytes did not.
    let format = given.unwrap_or_else(|| detect(file, &bytes));
    if format.is_streamed() {
        return read_records(file, format, bytes.as_slice(), options, emit);
    }
    log::debug!("{}: reading as {format:?}", file.display());
    let text = match decode_text(file, &bytes) {
        Ok(Decoded { text, latin1 }) => {
            if latin1 {
                emit(Event::Warning(IngestError::new(
                    file,
                    None,
                    "not valid UTF-8; decoded as Latin-1",
                )));
            }
            text
        }
        Err(err) => return emit(Event::Rejected(err)),
    };
    match format {
        Format::Text | Format::TitledText if plain_text::is_conll(&text) => {
            emit(Event::Skipped(IngestError::new(
                file,
                None,
                "CoNLL file of tagged tokens, not articles (`dateline ner eval` reads it)",
            )))
        }
        Format::Text => plain_text::read_source_layout(file, &text, options, emit),
        Format::TitledText => plain_text::read_title_layout(file, &text, options, emit),
        Format::Reuters => reuters::read(file, &text, emit),
        Format::Hipe => hipe::read(file, &text, options, emit),
        Format::Jsonl | Format::Csv | Format::Semeval => unreachable!("read as a stream above"),
    }
}

/// Every article of one file, its problems left out: what benches read.
pub fn articles(input: &InputFile, options: &IngestOptions) -> Vec<Article> {
    let mut articles = Vec::new();
    read_file(input, options, &Cell::default(), &mut |event| {
        if let Event::Article(article) = event {
            articles.push(*article);
        }
    });
    articles
}

/// The messages of the rejections among `events`, as readers' tests check them.
#[cfg(test)]
pub(crate) fn rejections(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Rejected(err) => Some(err.to_string()),
            _ => None,
        })
        .collect()
}

/// Reads a file of a streamed format from `input`, record by record: one bad
/// record does not cost the file.
fn read_records(
    file: &Path,
    format: Format,
    input: impl BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    log::debug!("{}: reading as {format:?}", file.display());
    match format {
        Format::Csv => csv::read(file, input, options, emit),
        Format::Semeval => semeval::read(file, input, options, emit),
        _ => jsonl::read(file, input, options, emit),
    }
}

/// Fills in what the batch options supply and checks what every article needs.
///
/// `location` names the record for messages. Returns the article, or the reason it
/// cannot be indexed.
pub(crate) fn finish(
    file: &Path,
    location: Option<Location>,
    mut article: Article,
    options: &IngestOptions,
) -> Result<Article, IngestError> {
    // A source written as a web address (trafilatura puts the page's url
    // there) is the page's url, and its host is the source.
    if let Some(host) = url_host(article.source.trim()) {
        let url = std::mem::replace(&mut article.source, host);
        article.url.get_or_insert_with(|| url.trim().to_string());
    }
    // Failing a source of its own, the one the options give, then the host
    // of the article's url.
    if article.source.trim().is_empty() {
        let host = || article.url.as_deref().and_then(url_host);
        article.source = options.source.clone().or_else(host).unwrap_or_default();
    }
    if article.date.is_none() {
        article.date = options.date;
    }
    article.title = crate::text::clean::collapse_whitespace(&article.title);
    article.body = crate::text::clean::strip_boilerplate(&article.body);
    let missing = |field: &str| IngestError::new(file, location, format!("missing {field}"));
    if article.title.is_empty() {
        return Err(missing("title"));
    }
    if article.body.trim().is_empty() {
        return Err(missing("body"));
    }
    if article.source.trim().is_empty() {
        return Err(IngestError::new(
            file,
            location,
            "missing source (neither a source nor a url; pass --source)",
        ));
    }
    if article.id.is_empty() {
        article.id = Article::content_id(&article.source, &article.title, &article.body);
    }
    Ok(article)
}

/// Parses a date field, warning (not rejecting) when it cannot be read.
pub(crate) fn date_field(
    file: &Path,
    location: Option<Location>,
    raw: Option<&str>,
    emit: &mut dyn FnMut(Event),
) -> Option<DateTime<Utc>> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    let parsed = parse_date(raw);
    if parsed.is_none() {
        emit(Event::Warning(IngestError::new(
            file,
            location,
            format!("cannot parse date {raw:?}; article kept undated"),
        )));
    }
    parsed
}

/// Emits an article after [`finish`], or its rejection.
pub(crate) fn emit_finished(
    file: &Path,
    location: Option<Location>,
    article: Article,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    match finish(file, location, article, options) {
        Ok(article) => emit(Event::Article(Box::new(article))),
        Err(err) => emit(Event::Rejected(err)),
    }
}

/// The host of a URL, without `www.`: the source of articles that only carry a URL,
/// or give one for their source.
pub(crate) fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, rest)| rest)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_host_drops_scheme_www_port_and_path() {
        assert_eq!(
            url_host("https://www.Example.com:8080/a/b?c").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            url_host("https://en.wikinews.org//wiki/X").as_deref(),
            Some("en.wikinews.org")
        );
        assert_eq!(url_host("not a url"), None);
    }

    #[test]
    fn detection_uses_extension_then_content() {
        assert_eq!(detect(Path::new("a.jsonl.gz"), b"\x1f\x8b"), Format::Jsonl);
        assert_eq!(detect(Path::new("reut2-000.sgm"), b""), Format::Reuters);
        assert_eq!(detect(Path::new("x"), b"  {\"title\": 1}"), Format::Jsonl);
        assert_eq!(detect(Path::new("-"), b"\n[{\"title\": 1}]"), Format::Jsonl);
        assert_eq!(
            detect(Path::new("x"), b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">"),
            Format::Reuters
        );
        assert_eq!(
            detect(Path::new("x.dat"), b"<?xml version=\"1.0\"?><articles>"),
            Format::Semeval
        );
    }

    #[test]
    fn readme_and_unknown_extensions_are_not_candidates() {
        assert!(!is_candidate(Path::new("bbc/README.TXT")));
        assert!(!is_candidate(Path::new("x/MD5SUMS")));
        assert!(!is_candidate(Path::new("x/.hidden.txt")));
        assert!(!is_candidate(Path::new("x/lewis.dtd")));
        assert!(is_candidate(Path::new("x/001.txt")));
        assert!(is_candidate(Path::new("x/feed.ndjson.gz")));
    }

    #[test]
    fn a_folder_gets_the_layout_most_of_its_files_have() {
        let dir = tempfile::tempdir().unwrap();
        let body = "A first paragraph that runs on for a while and ends with a full stop.";
        for i in 0..4 {
            std::fs::write(
                dir.path().join(format!("{i}.txt")),
                format!("Headline {i}\n\n{body}\n"),
            )
            .unwrap();
        }
        // Alone, this one reads as source + title.
        std::fs::write(
            dir.path().join("9.txt"),
            "Blackburn v Burnley\n\nEwood Park\n\nTuesday\n",
        )
        .unwrap();
        let Discovered { files, errors, .. } = discover(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(files.len(), 5);
        assert!(
            files.iter().all(|f| f.layout == Some(Format::TitledText)),
            "{files:?}"
        );
    }

    #[test]
    fn a_tsv_file_is_read_only_when_it_is_hipe() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let hipe =
            "TOKEN\tNE-COARSE-LIT\tMISC\n# newspaper = TST\nLyon\tB-loc\tEndOfLine\nrains\tO\t_\n";
        std::fs::write(dir.path().join("dev-fr.tsv"), hipe).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(hipe.as_bytes()).unwrap();
        std::fs::write(dir.path().join("dev-de.tsv.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(dir.path().join("scores.tsv"), "team\tpoints\n").unwrap();
        let Discovered { files, errors, .. } = discover(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> = files.iter().map(|f| f.path.file_name().unwrap()).collect();
        assert_eq!(names, ["dev-de.tsv.gz", "dev-fr.tsv"]);
        for file in &files {
            let articles = articles(file, &IngestOptions::default());
            assert_eq!(articles.len(), 1, "{}", file.path.display());
            assert_eq!(articles[0].entities[0].name, "Lyon");
        }
    }

    #[test]
    fn notes_beside_records_are_not_articles() {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let article = "Harbour Gazette\n\nFerry resumes\n\nThe ferry sailed again on Monday.\n";
        write(
            "wire/feed.jsonl",
            "{\"source\":\"Wire\",\"title\":\"T\",\"body\":\"B.\"}\n",
        );
        write(
            "wire/categories.txt",
            "Some notes on the categories\n\nacq\nearn\n",
        );
        write("wire/daily/one.txt", article);
        // Articles with a manifest beside them are more than it: they stay.
        write("scrape/manifest.json", "[]");
        write("scrape/a.txt", article);
        write("scrape/b.txt", article);
        let Discovered {
            files,
            errors,
            notes,
        } = discover(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(notes, 1);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.path.strip_prefix(dir.path()).unwrap().to_path_buf())
            .collect();
        let expected = [
            "scrape/a.txt",
            "scrape/b.txt",
            "scrape/manifest.json",
            "wire/daily/one.txt",
            "wire/feed.jsonl",
        ];
        assert_eq!(names, expected.map(PathBuf::from));

        // Named, a file is read whatever sits beside it.
        let named = dir.path().join("wire/categories.txt");
        let files = discover(std::slice::from_ref(&named)).files;
        assert_eq!(files.len(), 1);
    }

    #[test]
    fn a_conll_token_file_is_skipped_not_read_as_an_article() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("train.txt");
        std::fs::write(&path, "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n").unwrap();
        let files = discover(&[dir.path().to_path_buf()]).files;
        let mut events = Vec::new();
        read_file(
            &files[0],
            &IngestOptions::default(),
            &Cell::default(),
            &mut |e| events.push(e),
        );
        assert!(
            matches!(&events[..], [Event::Skipped(e)] if e.message.contains("CoNLL")),
            "{events:?}"
        );
    }

    #[test]
    fn a_folder_without_article_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("data.tsv"), "a\tb\n").unwrap();
        std::fs::write(dir.path().join("README.md"), "notes\n").unwrap();
        let Discovered { files, errors, .. } = discover(&[dir.path().to_path_buf()]);
        assert!(files.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .contains("no article files in this folder"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn error_display_names_file_and_place() {
        let e = IngestError::new(Path::new("a.jsonl"), Some(Location::Line(3)), "bad");
        assert_eq!(e.to_string(), "a.jsonl:3: bad");
        let e = IngestError::new(Path::new("r.sgm"), Some(Location::Record(7)), "bad");
        assert_eq!(e.to_string(), "r.sgm: record 7: bad");
    }

    #[test]
    fn streamed_files_are_refused_when_empty_or_binary() {
        let dir = tempfile::tempdir().unwrap();
        let said = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let input = InputFile {
                path,
                len: bytes.len() as u64,
                layout: None,
            };
            let mut said = Vec::new();
            read_file(
                &input,
                &IngestOptions::default(),
                &Cell::default(),
                &mut |e| {
                    said.push(match e {
                        Event::Rejected(err) => err.message,
                        other => format!("{other:?}"),
                    })
                },
            );
            said
        };
        assert_eq!(said("a.jsonl", b""), ["empty file"]);
        assert_eq!(said("a.csv", b" \n\n"), ["empty file"]);
        let binary = ["binary file (NUL or control bytes), not text"];
        assert_eq!(said("a.jsonl", b"{\x00\x01\x02\x03}\n"), binary);
        assert_eq!(said("a.csv", b"\x00\x01\x02\x03"), binary);
    }
}
