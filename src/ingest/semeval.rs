//! SemEval-2019 hyperpartisan news XML: `<article id published-at title>` with a
//! body of mixed content (`<p>`, `<a>`, `<q>`).
//!
//! Markup is dropped and `<p>` ends a paragraph. URLs (and so sources) live in the
//! ground-truth file beside the articles file (`articles-X.xml` and
//! `ground-truth-X.xml`); that file on its own holds no articles and is skipped.

use super::{date_field, emit_finished, url_host, Event, IngestError, IngestOptions, Location};
use crate::article::Article;
use quick_xml::events::{BytesStart, Event as Xml};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub(crate) fn read(file: &Path, text: &str, options: &IngestOptions, emit: &mut dyn FnMut(Event)) {
    if is_ground_truth(text) {
        return emit(Event::Skipped(IngestError::new(
            file,
            None,
            "SemEval ground-truth file: read beside its articles file",
        )));
    }
    let urls = ground_truth_path(file)
        .and_then(|path| std::fs::read_to_string(path).ok())
        .map(|text| ground_truth_urls(&text))
        .unwrap_or_default();
    let mut reader = quick_xml::Reader::from_str(text);
    let mut current: Option<(Article, Location)> = None;
    let mut count = 0;
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                let line = text[..reader.error_position() as usize].lines().count();
                return emit(Event::Rejected(IngestError::new(
                    file,
                    Some(Location::Line(line.max(1))),
                    format!("malformed XML: {err}"),
                )));
            }
        };
        match event {
            Xml::Start(tag) if tag.name().as_ref() == b"article" => {
                count += 1;
                let location = Location::Record(count);
                let attrs = attributes(&tag);
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
                    title: get("title"),
                    body: String::new(),
                    url,
                    category: None,
                    entities: Vec::new(),
                };
                current = Some((article, location));
            }
            Xml::End(tag) if tag.name().as_ref() == b"article" => {
                if let Some((mut article, location)) = current.take() {
                    article.body = tidy_paragraphs(&article.body);
                    emit_finished(file, Some(location), article, options, emit);
                }
            }
            Xml::Start(tag) if tag.name().as_ref() == b"p" => push_break(&mut current),
            Xml::End(tag) if tag.name().as_ref() == b"p" => push_break(&mut current),
            Xml::Empty(tag) if tag.name().as_ref() == b"br" => push_break(&mut current),
            Xml::Text(t) => push_text(&mut current, &t.xml_content().unwrap_or_default()),
            Xml::CData(t) => push_text(&mut current, &t.decode().unwrap_or_default()),
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

fn attributes(tag: &BytesStart) -> HashMap<String, String> {
    tag.attributes()
        .flatten()
        .filter_map(|a| {
            let key = String::from_utf8(a.key.as_ref().to_vec()).ok()?;
            Some((key, a.unescape_value().ok()?.into_owned()))
        })
        .collect()
}

fn is_ground_truth(text: &str) -> bool {
    let head = &text[..text.len().min(2048)];
    head.contains("hyperpartisan=") && !head.contains("title=")
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
                let mut attrs = attributes(&tag);
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
<article id="0001" published-at="2017-09-10" title="Walls &amp; money">
Credit line <p>First <a href="u">linked</a>  paragraph.</p> <p>Second &quot;quoted&quot; one.</p>
</article>
<article id="0002" title="No body"></article></articles>"#,
        )
        .unwrap();
        std::fs::write(
            dir.path().join("ground-truth-x.xml"),
            r#"<articles><article hyperpartisan="true" id="0001" url="https://www.example.com/a"/></articles>"#,
        )
        .unwrap();
        let text = std::fs::read_to_string(&articles).unwrap();
        let mut events = Vec::new();
        read(&articles, &text, &IngestOptions::default(), &mut |e| {
            events.push(e)
        });
        let Event::Article(a) = &events[0] else {
            panic!("{events:?}")
        };
        assert_eq!(a.id, "semeval2019:0001");
        assert_eq!(a.title, "Walls & money");
        assert_eq!(a.source, "example.com");
        assert_eq!(
            a.body,
            "Credit line\n\nFirst linked paragraph.\n\nSecond \"quoted\" one."
        );
        assert!(
            matches!(&events[1], Event::Rejected(e) if e.location == Some(Location::Record(2)))
        );

        let truth = std::fs::read_to_string(dir.path().join("ground-truth-x.xml")).unwrap();
        let mut events = Vec::new();
        read(
            &dir.path().join("ground-truth-x.xml"),
            &truth,
            &IngestOptions::default(),
            &mut |e| events.push(e),
        );
        assert!(matches!(&events[..], [Event::Skipped(_)]));
    }
}
