//! Every input format reads into the same article model.

use crate::testenv::{seed_article, TestEnv};
use std::io::Write;

#[test]
fn plain_text_source_layout_with_headers_and_boilerplate() {
    let env = TestEnv::new();
    let mut text = seed_article(
        "Harbour Herald",
        Some("2024-10-03"),
        "Lighthouse keeper retires",
        &["The last keeper of the north lighthouse retired on Thursday after forty years."],
    );
    text.push_str("\n-\n\nRelated News :\n");
    let file = env.write("news/keeper.txt", text);
    let run = env.index(&[&file]);
    assert!(
        run.stdout.starts_with("indexed 1 articles (1 passages"),
        "{}",
        run.stdout
    );
    let hits = env.search_json(&["lighthouse"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["source"], "Harbour Herald");
    assert_eq!(hits[0]["date"], "2024-10-03T00:00:00Z");
    assert_eq!(hits[0]["title"], "Lighthouse keeper retires");
    assert!(
        env.search_json(&["related"]).is_empty(),
        "boilerplate was indexed"
    );
}

#[test]
fn undated_plain_text_takes_the_batch_date() {
    let env = TestEnv::new();
    let file = env.write(
        "a.txt",
        seed_article("Src", None, "Bridge reopens", &["The old bridge reopened."]),
    );
    let run = env
        .run(["index", "--date", "2024-10-31", file.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert_eq!(
        env.search_json(&["bridge"])[0]["date"],
        "2024-10-31T00:00:00Z"
    );
}

#[test]
fn title_layout_folder_takes_category_source_and_skips_readme() {
    let env = TestEnv::new();
    env.write(
        "bbc/README.TXT",
        "Dataset notes\n\nNot an article at all.\n",
    );
    env.write(
        "bbc/business/001.txt",
        "Ad sales boost profit\n\nQuarterly profits at a media giant jumped 76% in the three months to December.\n",
    );
    let run = env
        .run([
            "index",
            "--source",
            "BBC News",
            env.path("bbc").to_str().unwrap(),
        ])
        .expect_code(0);
    assert!(
        run.stdout.starts_with("indexed 1 articles"),
        "{}",
        run.stdout
    );
    let hits = env.search_json(&["profits"]);
    assert_eq!(hits[0]["source"], "BBC News");
    assert_eq!(hits[0]["title"], "Ad sales boost profit");
    assert_eq!(hits[0]["date"], serde_json::Value::Null);
}

#[test]
fn json_lines_plain_and_gzip_with_entities() {
    let env = TestEnv::new();
    let line = r#"{"id": "w1", "source": "Wire", "date": "2024-10-15", "title": "Harvest falls", "text": "Wheat harvest estimates fell by a fifth.", "entities": [{"kind": "person", "name": "Jonas Ekberg"}], "extra": true}"#;
    let plain = env.write("feed.jsonl", format!("{line}\n"));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(br#"{"id": "w2", "source": "Wire", "title": "Trains ordered", "content": "Twenty electric trains were ordered."}"#)
        .unwrap();
    let gz_path = env.write("feed2.ndjson.gz", gz.finish().unwrap());
    env.index(&[&plain, &gz_path]);
    let hits = env.search_json(&["harvest"]);
    assert_eq!(hits[0]["article_id"], "w1");
    assert_eq!(
        hits[0]["entities"],
        serde_json::json!([{"kind": "person", "name": "Jonas Ekberg"}])
    );
    assert_eq!(env.titles(&["trains"]), vec!["Trains ordered"]);
}

#[test]
fn standard_input_is_read_as_a_file_named_dash() {
    let env = TestEnv::new();
    let lines = concat!(
        r#"{"id": "p1", "source": "Pipe", "title": "Piped cranes", "body": "Cranes came down the pipe."}"#,
        "\n",
        "not json\n",
    );
    let run = env.run_with_stdin(["index", "-"], lines).expect_code(1);
    assert!(run.stdout.contains("indexed 1 articles"), "{}", run.stdout);
    assert!(
        run.stderr.contains("error: stdin:2: invalid JSON"),
        "{}",
        run.stderr
    );
    // Compressed, and as a JSON array, beside a file.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(
        br#"[{"id": "p2", "source": "Pipe", "title": "Zipped cranes", "body": "Cranes zipped."}]"#,
    )
    .unwrap();
    let file = env.write(
        "a.jsonl",
        r#"{"id": "f1", "source": "File", "title": "Filed cranes", "body": "Cranes on file."}"#,
    );
    let run = env
        .run_with_stdin(["index", "-", file.to_str().unwrap()], gz.finish().unwrap())
        .expect_code(0);
    assert!(run.stdout.contains("indexed 2 articles"), "{}", run.stdout);
    let mut titles = env.titles(&["cranes"]);
    titles.sort();
    assert_eq!(titles, ["Filed cranes", "Piped cranes", "Zipped cranes"]);
    // A benchmark reads its corpus several times: not from a pipe.
    let bench = env.run_with_stdin(["bench", "-"], lines).expect_code(1);
    assert!(
        bench.stderr.contains("not standard input"),
        "{}",
        bench.stderr
    );
}

#[test]
fn a_json_record_without_a_source_takes_its_urls_host_and_a_url_for_a_source_is_the_url() {
    let env = TestEnv::new();
    let lines = [
        // news-please's keys: a url, no source.
        r#"{"title": "Budget talks stall", "maintext": "Ministers failed to agree.", "url": "https://www.example-news.com/2024/10/budget", "date_publish": "2024-10-02 10:15:00"}"#,
        // trafilatura's: the page's url in "source".
        r#"{"title": "Harbour reopens", "text": "The harbour reopened.", "source": "https://www.harbour.net/a/1", "hostname": "harbour.net"}"#,
        r#"{"title": "Sourceless", "text": "Nothing to say."}"#,
    ];
    let feed = env.write("feed.jsonl", lines.join("\n") + "\n");
    let run = env.run(["index", feed.to_str().unwrap()]).expect_code(1);
    assert!(
        run.stderr
            .contains(":3: missing source (neither a source nor a url"),
        "{}",
        run.stderr
    );
    let by_title = |title: &str| {
        let hits = env.search_json(&[&format!("title:\"{title}\"")]);
        (hits[0]["source"].clone(), hits[0]["url"].clone())
    };
    assert_eq!(
        by_title("Budget talks stall"),
        (
            "example-news.com".into(),
            "https://www.example-news.com/2024/10/budget".into()
        )
    );
    assert_eq!(
        by_title("Harbour reopens"),
        ("harbour.net".into(), "https://www.harbour.net/a/1".into())
    );
    // The options' source comes before the url's host.
    let env = TestEnv::new();
    let feed = env.write("feed.jsonl", lines.join("\n") + "\n");
    env.run(["index", "--source", "Wire", feed.to_str().unwrap()])
        .expect_code(0);
    let mut sources: Vec<String> = (env.search_json(&[]).iter())
        .map(|hit| hit["source"].as_str().unwrap().to_string())
        .collect();
    sources.sort();
    assert_eq!(sources, ["Wire", "Wire", "harbour.net"]);
}

#[test]
fn csv_with_embedded_newlines_and_doubled_quotes() {
    let env = TestEnv::new();
    let csv = "url,date,title,text\n\
        \"https://en.wikinews.org/wiki/Flood\",2019-01-04,\"Flood, then rescue\",\"Friday, January 4, 2019\n\n\nRescuers said \"\"all are safe\"\" after the flood.\n\nA second paragraph.\"\n";
    let file = env.write("news.csv", csv);
    env.index(&[&file]);
    let hits = env.search_json(&["\"all are safe\""]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["source"], "en.wikinews.org");
    assert_eq!(hits[0]["title"], "Flood, then rescue");
    assert_eq!(hits[0]["url"], "https://en.wikinews.org/wiki/Flood");
    assert_eq!(hits[0]["date"], "2019-01-04T00:00:00Z");
}

#[test]
fn reuters_sgml_with_metadata_entities_and_wrapped_paragraphs() {
    let env = TestEnv::new();
    let sgml = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="7">
<DATE> 3-MAR-1987 09:15:00.00</DATE>
<PLACES><D>usa</D></PLACES>
<PEOPLE><D>volcker</D></PEOPLE>
<ORGS><D>fed</D></ORGS>
<TEXT>&#2;
<TITLE>FED CHAIRMAN SEES STEADY RATES</TITLE>
<BODY>Federal Reserve chairman Paul Volcker said on Tuesday that he
expected interest rates to stay steady through the spring, with
prices of imported goods rising only slowly, and that the dollar
had found a floor against the currencies of major partners.
    In a second paragraph he said that bank lending had slowed in
February, which he called a healthy sign after a year of rapid
credit growth, and that the board would watch wages closely.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"#;
    let file = env.write("reut2-000.sgm", sgml);
    env.index(&[&file]);
    let hits = env.search_json(&["--passages", "lending OR dollar"]);
    assert_eq!(hits.len(), 2, "two paragraphs, two passages: {hits:?}");
    assert_eq!(hits[0]["article_id"], "reuters21578:7");
    assert_eq!(hits[0]["source"], "Reuters");
    assert_eq!(hits[0]["date"], "1987-03-03T09:15:00Z");
    // Metadata codes merge with what the tagger finds: "volcker" is the surname
    // of "Paul Volcker", "usa" an alias of "United States", "fed" of "Federal
    // Reserve".
    assert_eq!(
        hits[0]["entities"],
        serde_json::json!([
            {"kind": "person", "name": "Paul Volcker"},
            {"kind": "organisation", "name": "Federal Reserve"},
            {"kind": "location", "name": "United States"}
        ])
    );
    assert_eq!(
        env.titles(&["--person", "volcker", "--place", "U.S."])
            .len(),
        1
    );
    assert!(
        env.search_json(&["reuter"]).is_empty(),
        "sign-off was indexed"
    );
}

#[test]
fn semeval_xml_takes_source_from_ground_truth_urls() {
    let env = TestEnv::new();
    let articles = env.write(
        "semeval/articles-training-x.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><articles>
<article id="0000001" published-at="2017-09-10" title="Walls of debt">
<p>The walls of debt are <a href="https://x.example" type="external">closing</a> in.</p><p>A second paragraph on money.</p>
</article></articles>"#,
    );
    env.write(
        "semeval/ground-truth-training-x.xml",
        r#"<?xml version="1.0"?><articles><article hyperpartisan="true" id="0000001" labeled-by="article" url="https://www.opednews.com/a.html"/></articles>"#,
    );
    let run = env
        .run(["index", env.path("semeval").to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("indexed 1 articles"), "{}", run.stdout);
    assert!(
        run.stdout.contains("skipped 1"),
        "ground truth file: {}",
        run.stdout
    );
    let hits = env.search_json(&["\"walls of debt are closing\""]);
    assert_eq!(hits[0]["source"], "opednews.com");
    assert_eq!(hits[0]["article_id"], "semeval2019:0000001");
    assert_eq!(
        hits[0]["snippet"]["text"],
        "The walls of debt are closing in. A second paragraph on money."
    );
    drop(articles);
}

#[test]
fn format_option_overrides_detection() {
    let env = TestEnv::new();
    let file = env.write(
        "export.dat",
        r#"{"source": "Wire", "title": "Override works", "body": "Read as JSON Lines despite the name."}"#,
    );
    env.run(["index", "--format", "jsonl", file.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(env.titles(&["despite"]), vec!["Override works"]);
}

#[test]
fn the_tagger_reads_only_articles_in_english_or_of_no_stated_language() {
    let env = TestEnv::new();
    let body = "Prime Minister Mark Rutte met Chancellor Olaf Scholz in Berlin on Monday.";
    let records = [
        serde_json::json!({"id": "en", "source": "S", "title": "Talks", "body": body}),
        serde_json::json!({"id": "fr", "source": "S", "title": "Talks", "body": body,
            "language": "fr", "entities": {"person": ["Mark Rutte"]}}),
    ];
    let text: String = records.iter().map(|r| format!("{r}\n")).collect();
    let feed = env.write("feed.jsonl", text);
    env.index(&[&feed]);
    let names = |id: &str| {
        let hits = env.search_json(&["rutte", "--copies"]);
        let hit = hits.iter().find(|h| h["article_id"] == id).expect(id);
        let mut names: Vec<String> = hit["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names("en"), ["Berlin", "Mark Rutte", "Olaf Scholz"]);
    assert_eq!(names("fr"), ["Mark Rutte"], "only its metadata");
}
