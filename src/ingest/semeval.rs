//! SemEval-2019 hyperpartisan news XML: `<article id published-at title>` with a
//! body of mixed content (`<p>`, `<a>`, `<q>`).
//!
//! Markup is dropped and `<p>` ends a paragraph. The publishers escaped their
//! text twice, so references and tags left in it are resolved and dropped too. URLs (and so sources) live in the
//! ground-truth file beside the articles file (`articles-X.xml` and
//! `ground-truth-X.xml`); that file on its own holds no articles and is skipped.

use super::decode::field_text;
use super::html;
use super::{date_field, emit_finished, url_host, Event, IngestError, IngestOptions, Location};
use crate::article::Article;
use quick_xml::events::{BytesStart, Event as Xml};
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Reads the articles of `input` one at a time. Text that is not valid UTF-8 is
/// decoded as Latin-1, with one warning for the file.
pub(crate) fn read(
    file: &Path,
    mut input: impl BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Event),
) {
    match input.fill_buf() {
        Ok(head) if is_ground_truth(head) => {
            return emit(Event::Skipped(IngestError::new(
                file,
                None,
                "SemEval ground-truth file: read beside its articles file",
            )))
        }
        Ok(_) => {}
        Err(err) => {
            let message = format!("cannot read: {err}");
            return emit(Event::Rejected(IngestError::new(file, None, message)));
        }
    }
    let urls = ground_truth_path(file)
        .and_then(|path| std::fs::read_to_string(path).ok())
        .map(|text| ground_truth_urls(&text))
        .unwrap_or_default();
    let mut reader = quick_xml::Reader::from_reader(input);
    let mut buffer = Vec::new();
    let mut current: Option<(Article, Location)> = None;
    let mut count = 0;
    let (mut latin1, mut warned) = (false, false);
    loop {
        buffer.clear();
        let event = match reader.read_event_into(&mut buffer) {
            Ok(event) => event,
            Err(err) => {
                let at = reader.error_position();
                let (location, message) = match count {
                    0 => (None, format!("malformed XML at byte {at}: {err}")),
                    n => (
                        Some(Location::Record(n)),
                        format!("malformed XML at byte {at}, in or after this article: {err}"),
                    ),
                };
                return emit(Event::Rejected(IngestError::new(file, location, message)));
            }
        };
        match event {
            Xml::Start(tag) if tag.name().as_ref() == b"article" => {
                count += 1;
                let location = Location::Record(count);
                let attrs = attributes(&tag, &mut latin1);
                let get = |name: &str| attrs.get(name).cloned().unwrap_or_default();
                let id = get("id");
                let url = urls.get(&id).cloned();
                let article = Article {
                    source: url.as_deref().and_then(url_host).unwrap_or_default(),
                    id: if id.is_empty() {
                        id
                    } else {
                        format!("semeval2019:{id}")
                    },
                    date: date_field(
                        file,
                        Some(location),
                        attrs.get("published-at").map(String::as_str),
                        emit,
                    ),
                    title: html::unescaped(&get("title")).into_owned(),
                    body: String::new(),
                    url,
                    category: None,
                    entities: Vec::new(),
                    language: None,
                };
                current = Some((article, location));
            }
            Xml::End(tag) if tag.name().as_ref() == b"article" => {
                if let Some((mut article, location)) = current.take() {
                    article.body = tidy_paragraphs(&html::unescaped(&article.body));
                    emit_finished(file, Some(location), article, options, emit);
                }
            }
            Xml::Start(tag) if tag.name().as_ref() == b"p" => push_break(&mut current),
            Xml::End(tag) if tag.name().as_ref() == b"p" => push_break(&mut current),
            Xml::Empty(tag) if tag.name().as_ref() == b"br" => push_break(&mut current),
            Xml::Text(t) => push_text(&mut current, &field_text(&t, &mut latin1)),
            Xml::CData(t) => push_text(&mut current, &field_text(&t, &mut latin1)),
            Xml::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => r.decode().ok().and_then(|name| {
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                    }),
                };
                push_text(&mut current, resolved.as_deref().unwrap_or_default());
            }
            Xml::Eof => break,
            _ => {}
        }
        if latin1 && !warned {
            warned = true;
            emit(Event::Warning(IngestError::new(
                file,
                Some(Location::Record(count.max(1))),
                "not valid UTF-8; decoded as Latin-1",
            )));
        }
    }
    if count == 0 {
        emit(Event::Rejected(IngestError::new(
            file,
            None,
            "no <article> element",
        )));
    }
}

fn push_text(current: &mut Option<(Article, Location)>, text: &str) {
    if let Some((article, _)) = current {
        article.body.push_str(text);
    }
}

fn push_break(current: &mut Option<(Article, Location)>) {
    push_text(current, "\n\n");
}

/// Collapses white space inside paragraphs and keeps one blank line between them.
fn tidy_paragraphs(body: &str) -> String {
    body.split("\n\n")
        .map(crate::text::clean::collapse_whitespace)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A tag's attributes, unescaped; values that are not valid UTF-8 are decoded as
/// Latin-1 (`latin1` is then set).
fn attributes(tag: &BytesStart, latin1: &mut bool) -> HashMap<String, String> {
    tag.attributes()
        .flatten()
        .filter_map(|a| {
            let key = String::from_utf8(a.key.as_ref().to_vec()).ok()?;
            let value = field_text(&a.value, latin1);
            Some((key, quick_xml::escape::unescape(&value).ok()?.into_owned()))
        })
        .collect()
}

/// Whether a file's first bytes are those of a ground-truth file: labels, and
/// no titles.
fn is_ground_truth(head: &[u8]) -> bool {
    let head = &head[..head.len().min(2048)];
    let has = |needle: &str| memchr::memmem::find(head, needle.as_bytes()).is_some();
    has("hyperpartisan=") && !has("title=")
}

fn ground_truth_path(articles: &Path) -> Option<PathBuf> {
    let name = articles.file_name()?.to_str()?;
    let rest = name.strip_prefix("articles-")?;
    Some(articles.with_file_name(format!("ground-truth-{rest}")))
}

fn ground_truth_urls(text: &str) -> HashMap<String, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut urls = HashMap::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Xml::Empty(tag) | Xml::Start(tag) if tag.name().as_ref() == b"article" => {
                let mut attrs = attributes(&tag, &mut false);
                if let (Some(id), Some(url)) = (attrs.remove("id"), attrs.remove("url")) {
                    urls.insert(id, url);
                }
            }
            Xml::Eof => break,
            _ => {}
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_articles_with_urls_from_ground_truth() {
        let dir = tempfile::tempdir().unwrap();
        let articles = dir.path().join("articles-x.xml");
        std::fs::write(
            &articles,
            r#"<?xml version="1.0"?><articles>
<article id="0001" published-at="2017-09-10" title="Walls &amp;amp; money">
Credit line <p>First <a href="u">linked</a>  paragraph.</p> <p>Second &quot;quoted&quot; one.</p>
<p>The S&amp;amp;P 500 rose. Embed &amp;lt;iframe src="v"&amp;gt;&amp;lt;/iframe&amp;gt; AT&amp;T</p>
</article>
<article id="0002" title="No body"></article></articles>"#,
        )
        .unwrap();
        std::fs::write(
            dir.path().join("ground-truth-x.xml"),
            r#"<articles><article hyperpartisan="true" id="0001" url="https://www.example.com/a"/></articles>"#,
        )
        .unwrap();
        let text = std::fs::read(&articles).unwrap();
        let mut events = Vec::new();
        read(
            &articles,
            text.as_slice(),
            &IngestOptions::default(),
            &mut |e| events.push(e),
        );
        let Event::Article(a) = &events[0] else {
            panic!("{events:?}")
        };
        assert_eq!(a.id, "semeval2019:0001");
        assert_eq!(a.title, "Walls & money");
        assert_eq!(a.source, "example.com");
        assert_eq!(
            a.body,
            "Credit line\n\nFirst linked paragraph.\n\nSecond \"quoted\" one.\n\n\
             The S&P 500 rose. Embed AT&T",
            "escaped twice: references resolved, the embed's tags dropped"
        );
        assert!(
            matches!(&events[1], Event::Rejected(e) if e.location == Some(Location::Record(2)))
        );

        let truth = std::fs::read(dir.path().join("ground-truth-x.xml")).unwrap();
        let mut events = Vec::new();
        read(
            &dir.path().join("ground-truth-x.xml"),
            truth.as_slice(),
            &IngestOptions::default(),
            &mut |e| events.push(e),
        );
        assert!(matches!(&events[..], [Event::Skipped(_)]));
    }

    #[test]
    fn latin1_is_decoded_with_one_warning_and_a_break_names_the_article() {
        let mut xml =
            b"<articles><article id=\"1\" title=\"Caf\xe9\">Cost \xa3300.</article>".to_vec();
        xml.extend(b"<article id=\"2\" title=\"Two\">Fine.</article><article id=\"3\" title=");
        let mut events = Vec::new();
        let options = IngestOptions {
            source: Some("S".into()),
            ..Default::default()
        };
        read(Path::new("a.xml"), xml.as_slice(), &options, &mut |e| {
            events.push(e)
        });
        let said: Vec<String> = events
            .iter()
            .map(|e| match e {
                Event::Article(a) => format!("{} | {}", a.title, a.body),
                Event::Warning(w) | Event::Rejected(w) | Event::Skipped(w) => w.to_string(),
            })
            .collect();
        assert_eq!(
            said[..3],
            [
                "a.xml: record 1: not valid UTF-8; decoded as Latin-1",
                "Caf\u{e9} | Cost \u{a3}300.",
                "Two | Fine.",
            ]
        );
        assert!(
            said[3].starts_with(
                "a.xml: record 2: malformed XML at byte 102, in or after this article"
            ),
            "{said:?}"
        );
        assert_eq!(said.len(), 4);
    }
}
