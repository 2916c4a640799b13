//! Reuters-21578 SGML (`reut2-*.sgm`): one `<REUTERS>` element per story.
//!
//! Stories of type BRIEF (title only) and UNPROC (untitled tables) have no body and
//! are skipped by the format's own rules, not rejected. PEOPLE, ORGS and PLACES
//! become metadata entities.

use super::{date_field, emit_finished, Event, IngestError, IngestOptions, Location};
use crate::article::{Article, Entity, EntityKind};
use memchr::memmem::{self, Finder};
use std::path::Path;
use std::sync::LazyLock;

/// The elements of a story that dateline reads, each with its SIMD searchers:
/// std's string search was a third of the time spent parsing Reuters.
struct Element {
    open: Finder<'static>,
    close: Finder<'static>,
}

impl Element {
    fn new(tag: &str) -> Element {
        let finder = |text: String| Finder::new(&text).into_owned();
        Element {
            open: finder(format!("<{tag}>")),
            close: finder(format!("</{tag}>")),
        }
    }

    /// The raw content of the first `<TAG>...</TAG>` of `story`.
    fn of<'a>(&self, story: &'a str) -> Option<&'a str> {
        let start = self.open.find(story.as_bytes())? + self.open.needle().len();
        let len = self.close.find(&story.as_bytes()[start..])?;
        Some(&story[start..start + len])
    }
}

/// Built once: a searcher cost more to build than its search of a story, and
/// a story is searched a dozen times.
static ELEMENTS: LazyLock<[Element; 6]> =
    LazyLock::new(|| ["BODY", "TITLE", "DATE", "PEOPLE", "ORGS", "PLACES"].map(Element::new));
static END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("</REUTERS>"));

pub(crate) fn read(file: &Path, text: &str, emit: &mut dyn FnMut(Event)) {
    let options = IngestOptions {
        source: Some("Reuters".into()),
        ..Default::default()
    };
    let mut stories = stories(text).peekable();
    if stories.peek().is_none() {
        return emit(Event::Rejected(IngestError::new(
            file,
            None,
            "no <REUTERS> element: not Reuters-21578 SGML",
        )));
    }
    for (index, story) in stories.enumerate() {
        let location = Some(Location::Record(index + 1));
        let [body, title, date, people, orgs, places] = &*ELEMENTS;
        let story = END
            .find(story.as_bytes())
            .map_or(story, |end| &story[..end]);
        let open_tag = story.split('>').next().unwrap_or_default();
        let Some(new_id) = attribute(open_tag, "NEWID") else {
            emit(Event::Rejected(IngestError::new(
                file,
                location,
                "missing NEWID",
            )));
            continue;
        };
        let location = Some(Location::Record(new_id.parse().unwrap_or(index + 1)));
        let Some(body) = body.of(story) else {
            let kind = attribute(story, "TYPE").unwrap_or("untyped");
            emit(Event::Skipped(IngestError::new(
                file,
                location,
                format!("story of type {kind} has no body"),
            )));
            continue;
        };
        let mut entities = Vec::new();
        for (element, kind) in [
            (people, EntityKind::Person),
            (orgs, EntityKind::Organisation),
            (places, EntityKind::Location),
        ] {
            let list = element.of(story).unwrap_or_default();
            entities.extend(
                list.split("<D>")
                    .filter_map(|d| d.split("</D>").next())
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(|d| Entity::new(kind, display_name(kind, &unescape(d)))),
            );
        }
        let article = Article {
            id: format!("reuters21578:{new_id}"),
            source: String::new(),
            // Some DATE elements trail off into wire codes: `...59.13&#5;&#5;&#5;RM`.
            date: date_field(file, location, date.of(story).map(until_control), emit),
            title: title.of(story).map(unescape).unwrap_or_default(),
            body: unescape(body),
            url: None,
            category: None,
            entities,
            language: None,
        };
        emit_finished(file, location, article, &options, emit);
    }
}

/// A metadata code as a name: Reuters lists people and places in lower case with
/// hyphens (`james-baker`, `west-germany`), and bodies as lower-case acronyms
/// (`ec`, `opec`), some with a word that tells two bodies of one acronym apart
/// (`ico-coffee`, `adb-asia`), which texts do not write. Written as a text would,
/// they merge with the names the tagger finds, and codes that are not a name as
/// written (`usa`, `worldbank`) resolve through the linker's aliases.
fn display_name(kind: EntityKind, code: &str) -> String {
    if kind == EntityKind::Organisation {
        let acronym = code.split_once('-').map_or(code, |(acronym, _)| acronym);
        return acronym.to_uppercase();
    }
    code.split('-')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text before the first character reference (control codes in Reuters).
fn until_control(raw: &str) -> &str {
    raw.split("&#").next().unwrap_or(raw)
}

/// The value of `name="..."` in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// What follows each `<REUTERS`, up to the next one.
fn stories(text: &str) -> impl Iterator<Item = &str> {
    const OPEN: &str = "<REUTERS";
    let mut starts = memmem::find_iter(text.as_bytes(), OPEN).peekable();
    std::iter::from_fn(move || {
        let start = starts.next()? + OPEN.len();
        let end = starts.peek().copied().unwrap_or(text.len());
        Some(&text[start..end])
    })
}

/// Resolves SGML character references; control characters (`&#3;`) are dropped.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&end| end <= 8);
        let decoded = end.and_then(|end| match &rest[1..end] {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            num => num
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        });
        match (decoded, end) {
            (Some(c), Some(end)) => {
                if !c.is_control() || c == '\n' || c == '\t' {
                    out.push(c);
                }
                rest = &rest[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="42">
<DATE> 2-MAR-1987 10:00:00.00&#5;&#5;&#5;RM</DATE>
<PLACES><D>usa</D><D>west-germany</D></PLACES>
<PEOPLE><D>volcker</D><D>james-baker</D></PEOPLE>
<ORGS><D>opec</D><D>ico-coffee</D><D>worldbank</D></ORGS>
<TEXT>&#2;
<TITLE>FED'S VOLCKER &lt;SAYS&gt; RATES</TITLE>
<DATELINE>    WASHINGTON, March 2 - </DATELINE><BODY>Federal Reserve Board chairman
Paul Volcker said rates &amp; prices.
    He added more.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID="43">
<DATE> 2-MAR-1987 10:01:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>BRIEF ONLY</TITLE>
&#3;</TEXT>
</REUTERS>
"#;

    #[test]
    fn reads_story_entities_and_skips_briefs() {
        let mut events = Vec::new();
        read(Path::new("r.sgm"), SAMPLE, &mut |e| events.push(e));
        let Event::Article(a) = &events[0] else {
            panic!("{events:?}")
        };
        assert_eq!(a.id, "reuters21578:42");
        assert_eq!(a.source, "Reuters");
        assert_eq!(a.title, "FED'S VOLCKER <SAYS> RATES");
        assert_eq!(
            a.body,
            "Federal Reserve Board chairman\nPaul Volcker said rates & prices.\n    He added more."
        );
        assert_eq!(a.date.unwrap().to_rfc3339(), "1987-03-02T10:00:00+00:00");
        assert_eq!(
            a.entities,
            vec![
                Entity::new(EntityKind::Person, "Volcker"),
                Entity::new(EntityKind::Person, "James Baker"),
                Entity::new(EntityKind::Organisation, "OPEC"),
                Entity::new(EntityKind::Organisation, "ICO"),
                Entity::new(EntityKind::Organisation, "WORLDBANK"),
                Entity::new(EntityKind::Location, "Usa"),
                Entity::new(EntityKind::Location, "West Germany"),
            ]
        );
        assert!(
            matches!(&events[1], Event::Skipped(e) if e.to_string() == "r.sgm: record 43: story of type BRIEF has no body")
        );
    }

    #[test]
    fn unescape_handles_numeric_named_and_stray_ampersands() {
        assert_eq!(unescape("a &amp; b &#5;&#65; AT&T"), "a & b A AT&T");
    }
}
