//! Bad input is reported with file and line, the rest is indexed, and the exit
//! status says something was rejected.

use crate::testenv::{seed_article, TestEnv};

fn good_article(env: &TestEnv, name: &str, title: &str) -> std::path::PathBuf {
    env.write(
        name,
        seed_article(
            "Src",
            None,
            title,
            &["A perfectly fine body about harbours."],
        ),
    )
}

#[test]
fn malformed_and_truncated_json_lines_are_named_by_line() {
    let env = TestEnv::new();
    let feed = env.write(
        "feed.jsonl",
        concat!(
            r#"{"source": "W", "title": "First good", "body": "harbours one"}"#,
            "\n",
            r#"{"source": "W", "title": "Cut off", "body": "harb"#,
            "\n",
            "not json at all\n",
            r#"{"source": "W", "body": "no title here"}"#,
            "\n",
            r#"{"source": "W", "title": "Last good", "body": "harbours two"}"#,
            "\n",
        ),
    );
    let run = env.run(["index", feed.to_str().unwrap()]).expect_code(1);
    let feed = feed.display().to_string();
    assert!(
        run.stderr
            .contains(&format!("error: {feed}:2: invalid JSON: EOF while parsing")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("error: {feed}:3: invalid JSON")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains(&format!("error: {feed}:4: missing title")),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("indexed 2 articles"), "{}", run.stdout);
    assert!(run.stdout.contains("rejected 3"), "{}", run.stdout);
    assert_eq!(env.titles(&["harbours"]).len(), 2);
}

#[test]
fn empty_binary_and_bodiless_files_are_rejected_by_name() {
    let env = TestEnv::new();
    let empty = env.write("in/empty.txt", "");
    let binary = env.write(
        "in/image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    let no_body = env.write("in/title-only.txt", "Src\nJust a title\n");
    let good = good_article(&env, "in/good.txt", "Good one");
    let run = env
        .run(["index", env.path("in").to_str().unwrap()])
        .expect_code(1);
    for (path, message) in [
        (&empty, "empty file"),
        (&binary, "binary file"),
        (&no_body, "missing body"),
    ] {
        let expected = format!("error: {}: {message}", path.display());
        assert!(
            run.stderr.contains(&expected),
            "{expected:?} in {}",
            run.stderr
        );
    }
    assert!(
        !run.stderr.contains(&good.display().to_string()),
        "{}",
        run.stderr
    );
    assert_eq!(env.titles(&["harbours"]), vec!["Good one"]);
}

#[test]
fn latin1_file_is_decoded_with_a_warning_and_indexed() {
    let env = TestEnv::new();
    let file = env.write(
        "sport/199.txt",
        b"Src\n\nTransfer fee agreed\n\nThe club agreed a fee of \xa31m for the striker.\n"
            .as_slice(),
    );
    let run = env.run(["index", file.to_str().unwrap()]).expect_code(0);
    assert!(
        run.stderr.contains(&format!(
            "warning: {}: not valid UTF-8; decoded as Latin-1",
            file.display()
        )),
        "{}",
        run.stderr
    );
    let hits = env.search_json(&["striker"]);
    assert_eq!(
        hits[0]["snippet"]["text"],
        "The club agreed a fee of £1m for the striker."
    );
}

#[test]
fn unparseable_date_warns_with_line_and_keeps_the_article_undated() {
    let env = TestEnv::new();
    let file = env.write(
        "a.txt",
        "Src\nDate: the day after tomorrow\nHeadline\n\nBody about harbours.\n",
    );
    let run = env.run(["index", file.to_str().unwrap()]).expect_code(0);
    let expected = format!(
        "warning: {}:2: cannot parse date \"the day after tomorrow\"; article kept undated",
        file.display()
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    let hits = env.search_json(&["harbours"]);
    assert_eq!(hits[0]["date"], serde_json::Value::Null);
}

#[test]
fn missing_path_is_named_and_the_rest_indexed() {
    let env = TestEnv::new();
    let good = good_article(&env, "good.txt", "Still indexed");
    let run = env
        .run(["index", "no/such/file.jsonl", good.to_str().unwrap()])
        .expect_code(1);
    assert!(
        run.stderr.contains("error: no/such/file.jsonl"),
        "{}",
        run.stderr
    );
    assert_eq!(env.titles(&["harbours"]), vec!["Still indexed"]);
}

#[test]
fn a_folder_without_article_files_is_named_and_the_rest_indexed() {
    let env = TestEnv::new();
    env.write("tables/scores.tsv", "team\tpoints\n");
    let good = good_article(&env, "good.txt", "Still indexed");
    let tables = env.path("tables");
    let run = env
        .run(["index", tables.to_str().unwrap(), good.to_str().unwrap()])
        .expect_code(1);
    assert!(
        run.stderr.contains(&format!(
            "error: {}: no article files in this folder",
            tables.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(env.titles(&["harbours"]), vec!["Still indexed"]);
}

#[test]
fn a_bad_batch_date_stops_before_touching_the_index() {
    let env = TestEnv::new();
    let good = good_article(&env, "good.txt", "Kept");
    env.index(&[&good]);
    let run = env
        .run(["index", "--date", "soon", good.to_str().unwrap()])
        .expect_code(1);
    assert!(
        run.stderr.contains("--date: cannot read date \"soon\""),
        "{}",
        run.stderr
    );
    assert_eq!(env.titles(&["harbours"]), vec!["Kept"]);
}

#[test]
fn the_same_problem_over_many_records_is_printed_a_few_times_then_counted() {
    let env = TestEnv::new();
    let mut lines = String::new();
    for n in 1..=8 {
        lines.push_str(&format!(
            "{{\"title\": \"Sourceless {n}\", \"body\": \"Harbours.\"}}\n"
        ));
    }
    lines.push_str("not json\n");
    let feed = env.write("feed.jsonl", lines);
    let feed = feed.to_str().unwrap();
    let run = env.run(["index", feed]).expect_code(1);
    let missing = |stderr: &str| {
        (stderr.lines())
            .filter(|l| l.ends_with(": missing source (neither a source nor a url; pass --source)"))
            .count()
    };
    assert_eq!(missing(&run.stderr), 5, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("error: {feed}:9: invalid JSON")),
        "{}",
        run.stderr
    );
    assert!(
        (run.stderr.lines().last())
            .is_some_and(|l| l
                == "error: 3 more of the same: missing source (neither a source nor a url; pass --source) (-v lists each)"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("rejected 9"), "{}", run.stdout);

    let verbose = env.run(["index", "-v", feed]).expect_code(1);
    assert_eq!(missing(&verbose.stderr), 8, "{}", verbose.stderr);
    assert!(
        !verbose.stderr.contains("more of the same"),
        "{}",
        verbose.stderr
    );
}
