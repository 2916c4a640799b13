//! CLEF-HIPE-2020 TSV: historical newspaper articles, one token per line, with
//! the named entities people annotated in them.
//!
//! The first line names the columns; `TOKEN`, `NE-COARSE-LIT` and `MISC` are
//! needed. Comment lines (`# newspaper = GDL`, `# date = 1950-01-14`,
//! `# document_id = ...`) open each document. The text is rebuilt from the
//! tokens: `NoSpaceAfter` in `MISC` joins a token to the next, and a `¬` that
//! ends a line (the hyphen of German print) joins the halves of a word.
//!
//! A HIPE document does not mark its headline. Its title is its first sentence
//! (`PySBDSegment`) when that is short, else its first line (`EndOfLine`); the
//! body is the rest. The annotated entities become metadata entities: `pers`,
//! `org` and `loc` as people, organisations and places, `prod` (newspapers,
//! works) as other; `time` is not a name and is left out. A person is named by
//! the tokens marked as the name (`comp.name` in `NE-FINE-COMP`) when there are
//! any, so "M. Girardet, directeur du Chemin de fer" is the person "Girardet".

use super::{date_field, emit_finished, Event, IngestError, IngestOptions, Location};
use crate::article::{Article, Entity, EntityKind};
use std::ops::Range;
use std::path::Path;

/// The first columns of a HIPE header line.
const HEADER_START: &str = "TOKEN\tNE-COARSE-LIT";

/// A title longer than this many tokens is not a headline.
const TITLE_TOKENS: usize = 16;

/// Whether a file's first bytes are a HIPE header.
pub(crate) fn is_hipe(head: &[u8]) -> bool {
    head.strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(head)
        .starts_with(HEADER_START.as_bytes())
}

/// The columns the reader uses, by place in a line.
struct Columns {
    token: usize,
    coarse: usize,
    components: Option<usize>,
    misc: usize,
    /// How many columns a token line must have.
    needed: usize,
}

impl Columns {
    fn from_header(header: &str) -> Result<Columns, String> {
        let names: Vec<&str> = header.trim_start_matches('\u{feff}').split('\t').collect();
        let place = |name: &str| names.iter().position(|n| n.trim() == name);
        let required =
            |name: &str| place(name).ok_or_else(|| format!("no {name} column in the header"));
        let columns = Columns {
            token: required("TOKEN")?,
            coarse: required("NE-COARSE-LIT")?,
            components: place("NE-FINE-COMP"),
            misc: required("MISC")?,
            needed: 0,
        };
        let needed = [columns.token, columns.coarse, columns.misc]
            .into_iter()
            .chain(columns.components)
            .max()
            .unwrap_or(0)
            + 1;
        Ok(Columns { needed, ..columns })
    }
}

/// One document as it is read: its metadata and its tokens.
#[derive(Default)]
struct Document {
    /// The line of its first comment or token, for messages.
    line: usize,
    newspaper: Option<String>,
    language: Option<String>,
    date: Option<String>,
    id: Option<String>,
    text: String,
    tokens: Vec<Token>,
    /// The first malformed line, which rejects the document.
    bad_line: Option<(usize, String)>,
}

/// A token: its bytes in the rebuilt text and what its columns say.
struct Token {
    range: Range<usize>,
    /// The entity type of `B-x` or `I-x`, and whether it begins an entity.
    entity: Option<(String, bool)>,
    is_name: bool,
    sentence_end: bool,
    line_end: bool,
}

pub(crate) fn read(file: &Path, text: &str, options: &IngestOptions, emit: &mut dyn FnMut(Event)) {
    let mut lines = text.lines().enumerate().map(|(i, line)| (i + 1, line));
    let header = lines.next().map(|(_, line)| line).unwrap_or_default();
    let columns = match Columns::from_header(header) {
        Ok(columns) => columns,
        Err(message) => {
            let message = format!("not a HIPE header: {message}");
            return emit(Event::Rejected(IngestError::new(
                file,
                Some(Location::Line(1)),
                message,
            )));
        }
    };
    let mut document = Document::default();
    let mut space_pending = false;
    for (number, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        // A token line has tabs, so a `#` token is not a comment.
        if let Some(comment) = line.strip_prefix("# ").filter(|_| !line.contains('\t')) {
            if !document.tokens.is_empty() || document.bad_line.is_some() {
                finish_document(file, std::mem::take(&mut document), options, emit);
                space_pending = false;
            }
            if document.line == 0 {
                document.line = number;
            }
            if let Some((key, value)) = comment.split_once(" = ") {
                let value = Some(value.trim().to_string());
                match key.trim() {
                    "newspaper" => document.newspaper = value,
                    "language" => document.language = value,
                    "date" => document.date = value,
                    "document_id" => document.id = value,
                    _ => {}
                }
            }
            continue;
        }
        if document.line == 0 {
            document.line = number;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < columns.needed {
            document.bad_line.get_or_insert((
                number,
                format!(
                    "a token line needs {} columns, this one has {}",
                    columns.needed,
                    fields.len()
                ),
            ));
            continue;
        }
        let misc = fields[columns.misc];
        let flag = |name: &str| misc.split('|').any(|f| f == name);
        let token = fields[columns.token];
        let line_end = flag("EndOfLine");
        // The halves of a word hyphenated at the end of a line join up.
        if token == "¬" && line_end {
            space_pending = false;
            continue;
        }
        if space_pending {
            document.text.push(' ');
        }
        let start = document.text.len();
        document.text.push_str(token);
        space_pending = !flag("NoSpaceAfter");
        let coarse = fields[columns.coarse];
        let entity = coarse
            .strip_prefix("B-")
            .map(|kind| (kind.to_string(), true))
            .or_else(|| {
                coarse
                    .strip_prefix("I-")
                    .map(|kind| (kind.to_string(), false))
            });
        document.tokens.push(Token {
            range: start..document.text.len(),
            entity,
            is_name: columns
                .components
                .is_some_and(|c| fields[c].ends_with("comp.name")),
            sentence_end: flag("PySBDSegment"),
            line_end,
        });
    }
    if !document.tokens.is_empty() || document.bad_line.is_some() {
        finish_document(file, document, options, emit);
    }
}

/// Turns a document into an article: title and body, metadata and entities.
fn finish_document(
    file: &Path,
    document: Document,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    let location = Some(Location::Line(document.line));
    if let Some((line, message)) = document.bad_line {
        return emit(Event::Rejected(IngestError::new(
            file,
            Some(Location::Line(line)),
            message,
        )));
    }
    let tokens = &document.tokens;
    let title_end = title_tokens(tokens);
    let (title, body) = match (tokens.get(title_end - 1), tokens.get(title_end)) {
        (Some(last), Some(next)) => (
            &document.text[..last.range.end],
            &document.text[next.range.start..],
        ),
        _ => (document.text.as_str(), ""),
    };
    let article = Article {
        id: document.id.unwrap_or_default(),
        source: document.newspaper.unwrap_or_default(),
        date: date_field(file, location, document.date.as_deref(), emit),
        title: title.to_string(),
        body: body.to_string(),
        url: None,
        category: None,
        entities: entities(&document.text, tokens),
        language: document.language,
    };
    emit_finished(file, location, article, options, emit);
}

/// How many tokens the title takes: the first sentence, or else the first line,
/// whichever is short enough; at least one.
fn title_tokens(tokens: &[Token]) -> usize {
    let through = |end: fn(&Token) -> bool| tokens.iter().position(end).map(|i| i + 1);
    [through(|t| t.sentence_end), through(|t| t.line_end)]
        .into_iter()
        .flatten()
        .find(|&n| n <= TITLE_TOKENS)
        .unwrap_or(TITLE_TOKENS.min(tokens.len()))
        .max(1)
}

/// The annotated entities, in order, named as [`read`] says.
fn entities(text: &str, tokens: &[Token]) -> Vec<Entity> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((kind, _)) = &tokens[i].entity else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < tokens.len() && matches!(&tokens[end].entity, Some((k, false)) if k == kind) {
            end += 1;
        }
        let span = &tokens[i..end];
        let kind = match kind.as_str() {
            "pers" => Some(EntityKind::Person),
            "org" => Some(EntityKind::Organisation),
            "loc" => Some(EntityKind::Location),
            "prod" => Some(EntityKind::Other),
            _ => None,
        };
        let named = span
            .iter()
            .position(|t| t.is_name)
            .zip(span.iter().rposition(|t| t.is_name));
        let words = match named {
            Some((first, last)) if kind == Some(EntityKind::Person) => &span[first..=last],
            _ => span,
        };
        if let (Some(kind), Some(first), Some(last)) = (kind, words.first(), words.last()) {
            found.push(Entity::new(kind, &text[first.range.start..last.range.end]));
        }
        i = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\t\
                          NE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC";

    /// A token line from its token, coarse tag, component and MISC flags.
    fn line(token: &str, coarse: &str, component: &str, misc: &str) -> String {
        format!("{token}\t{coarse}\tO\t{coarse}\tO\t{component}\tO\t_\t_\t{misc}\n")
    }

    fn comments(language: &str, date: &str, id: &str) -> String {
        format!(
            "# language = {language}\n# newspaper = TST\n# date = {date}\n# document_id = {id}\n"
        )
    }

    fn read_str(text: &str) -> Vec<Event> {
        let mut events = Vec::new();
        read(
            Path::new("t.tsv"),
            text,
            &IngestOptions::default(),
            &mut |e| events.push(e),
        );
        events
    }

    fn two_documents() -> String {
        let mut text = format!("{HEADER}\n");
        text += &comments("fr", "1901-04-02", "TST-1901-04-02-a-i0001");
        for (token, coarse, component, misc) in [
            ("Incendie", "O", "O", "_"),
            ("à", "O", "O", "_"),
            ("Lyon", "B-loc", "O", "NoSpaceAfter"),
            (".", "O", "O", "PySBDSegment"),
            ("M", "B-pers", "B-comp.title", "NoSpaceAfter"),
            (".", "I-pers", "I-comp.title", "_"),
            ("Rivet", "I-pers", "B-comp.name", "NoSpaceAfter"),
            (",", "I-pers", "O", "_"),
            ("maire", "I-pers", "B-comp.function", "_"),
            ("de", "I-pers", "I-comp.function", "_"),
            ("Lyon", "I-pers", "I-comp.function", "NoSpaceAfter"),
            (",", "O", "O", "_"),
            ("a", "O", "O", "_"),
            ("vu", "O", "O", "EndOfLine"),
            ("brû", "O", "O", "NoSpaceAfter"),
            ("¬", "O", "O", "EndOfLine"),
            ("ler", "O", "O", "_"),
            ("le", "O", "O", "_"),
            ("#", "O", "O", "_"),
            ("12", "O", "O", "_"),
            ("le", "O", "O", "_"),
            ("2", "B-time", "O", "_"),
            ("avril", "I-time", "O", "NoSpaceAfter"),
            (".", "O", "O", "PySBDSegment"),
        ] {
            text += &line(token, coarse, component, misc);
        }
        text += "\n";
        text += &comments("de", "1901-04-03", "TST-1901-04-03-a-i0002");
        for (token, coarse, misc) in [
            ("Zürich", "B-loc", "NoSpaceAfter"),
            (",", "O", "_"),
            ("3", "O", "NoSpaceAfter"),
            (".", "O", "EndOfLine"),
            ("April", "O", "PySBDSegment"),
            ("Die", "O", "_"),
            ("Neue", "B-prod", "_"),
            ("Zeitung", "I-prod", "_"),
            ("meldet", "O", "_"),
            ("Regen", "O", "NoSpaceAfter"),
            (".", "O", "PySBDSegment"),
        ] {
            text += &line(token, coarse, "O", misc);
        }
        text
    }

    fn articles(events: &[Event]) -> Vec<&Article> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Article(a) => Some(a.as_ref()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn rebuilds_title_body_metadata_and_entities() {
        let events = read_str(&two_documents());
        let [first, second] = articles(&events)[..] else {
            panic!("{events:?}")
        };
        assert_eq!(first.id, "TST-1901-04-02-a-i0001");
        assert_eq!(first.source, "TST");
        assert_eq!(first.language.as_deref(), Some("fr"));
        assert_eq!(
            first.date.unwrap().to_rfc3339(),
            "1901-04-02T00:00:00+00:00"
        );
        assert_eq!(first.title, "Incendie à Lyon.");
        // `¬` at a line's end joins the word; a `#` token is text, not a comment.
        assert_eq!(
            first.body,
            "M. Rivet, maire de Lyon, a vu brûler le # 12 le 2 avril."
        );
        assert_eq!(
            first.entities,
            vec![
                Entity::new(EntityKind::Location, "Lyon"),
                Entity::new(EntityKind::Person, "Rivet"),
            ],
            "a person is named by its name component; a time is no entity"
        );
        assert_eq!(second.title, "Zürich, 3. April");
        assert_eq!(second.body, "Die Neue Zeitung meldet Regen.");
        assert_eq!(
            second.entities,
            vec![
                Entity::new(EntityKind::Location, "Zürich"),
                Entity::new(EntityKind::Other, "Neue Zeitung"),
            ]
        );
    }

    #[test]
    fn a_long_first_sentence_gives_way_to_the_first_line() {
        let mut text = format!("{HEADER}\n");
        text += &comments("fr", "1901-04-02", "TST-long");
        text += &line("Le", "O", "O", "_");
        text += &line("budget", "O", "O", "EndOfLine");
        for _ in 0..20 {
            text += &line("encore", "O", "O", "_");
        }
        text += &line(".", "O", "O", "PySBDSegment");
        let events = read_str(&text);
        let [article] = articles(&events)[..] else {
            panic!("{events:?}")
        };
        assert_eq!(article.title, "Le budget");
        assert!(
            article.body.starts_with("encore encore"),
            "{}",
            article.body
        );
    }

    #[test]
    fn a_short_line_rejects_its_document_only() {
        let good = two_documents();
        let (first, second) = good.split_once("\n# language = de").unwrap();
        let broken = first.replacen("vu\tO", "vu", 1);
        let text = format!("{broken}\n# language = de{second}");
        let events = read_str(&text);
        let rejected = crate::ingest::rejections(&events);
        assert_eq!(
            rejected,
            ["t.tsv:19: a token line needs 10 columns, this one has 9"]
        );
        let kept: Vec<&str> = articles(&events).iter().map(|a| a.title.as_str()).collect();
        assert_eq!(kept, ["Zürich, 3. April"]);
    }

    #[test]
    fn a_header_without_the_needed_columns_rejects_the_file() {
        let events = read_str("TOKEN\tNE-COARSE-LIT\nLyon\tB-loc\n");
        let [Event::Rejected(err)] = &events[..] else {
            panic!("{events:?}")
        };
        assert_eq!(
            err.to_string(),
            "t.tsv:1: not a HIPE header: no MISC column in the header"
        );
        assert!(is_hipe(HEADER.as_bytes()));
        assert!(!is_hipe(b"team\tpoints\n"));
    }
}
