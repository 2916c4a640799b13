//! The index across runs: re-indexing, failed runs, settings checks.

use crate::testenv::{seed_article, TestEnv};

#[test]
fn indexing_the_same_files_twice_leaves_no_duplicates() {
    let env = TestEnv::new();
    let a = env.write(
        "a.txt",
        seed_article("Src", None, "Alpha", &["Harbours and ships."]),
    );
    let feed = env.write(
        "feed.jsonl",
        r#"{"id": "x1", "source": "W", "title": "Beta", "body": "Harbours again."}"#,
    );
    env.index(&[&a, &feed]);
    env.index(&[&a, &feed]);
    assert_eq!(env.titles(&["--passages", "harbours"]).len(), 2);
    let stats = &env.run(["stats", "--json"]).expect_code(0).json_lines()[0];
    assert_eq!(stats["articles"], 2);
    assert_eq!(stats["passages"], 2);

    // A changed body under the same id replaces the old version.
    env.write(
        "feed.jsonl",
        r#"{"id": "x1", "source": "W", "title": "Beta", "body": "Lighthouses now."}"#,
    );
    env.index(&[&feed]);
    assert_eq!(env.titles(&["harbours"]), vec!["Alpha"]);
    assert_eq!(env.titles(&["lighthouses"]), vec!["Beta"]);
}

#[test]
fn within_one_run_the_later_copy_of_an_id_wins() {
    let env = TestEnv::new();
    let feed = env.write(
        "feed.jsonl",
        [
            r#"{"id": "x1", "source": "W", "title": "Old", "body": "Harbours first."}"#,
            r#"{"id": "x2", "source": "W", "title": "Other", "body": "Ships only."}"#,
            r#"{"id": "x1", "source": "W", "title": "New", "body": "Lighthouses second."}"#,
        ]
        .join("\n"),
    );
    let run = env
        .run(["index", "--no-entities", feed.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("duplicates 1"), "{}", run.stdout);
    assert!(env.titles(&["harbours"]).is_empty());
    assert_eq!(env.titles(&["lighthouses"]), vec!["New"]);
    let stats = &env.run(["stats", "--json"]).expect_code(0).json_lines()[0];
    assert_eq!(stats["articles"], 2);
}

#[test]
fn a_run_with_only_rejected_input_keeps_the_index() {
    let env = TestEnv::new();
    let a = env.write(
        "a.txt",
        seed_article("Src", None, "Alpha", &["Harbours and ships."]),
    );
    env.index(&[&a]);
    let bad = env.write("bad.jsonl", "{ not json\n");
    env.run(["index", bad.to_str().unwrap()]).expect_code(1);
    assert_eq!(env.titles(&["harbours"]), vec!["Alpha"]);
}

#[test]
fn an_index_of_another_format_version_is_refused() {
    let env = TestEnv::new();
    let a = env.write("a.txt", seed_article("Src", None, "Alpha", &["Harbours."]));
    env.index(&[&a]);
    let settings = env.index_dir().join("dateline.json");
    std::fs::write(&settings, r#"{"format": 0, "created_by": "0.0.1"}"#).unwrap();
    for args in [
        vec!["search", "harbours"],
        vec!["index", a.to_str().unwrap()],
    ] {
        let run = env.run(&args).expect_code(1);
        assert!(
            run.stderr.contains(&format!(
                "has format 0 (created by dateline 0.0.1); this binary reads format {}",
                dateline::index::schema::FORMAT_VERSION
            )),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_folder_that_is_not_an_index_is_refused() {
    let env = TestEnv::new();
    env.write("index/notes.txt", "mine");
    let a = env.write("a.txt", seed_article("Src", None, "Alpha", &["Harbours."]));
    let run = env.run(["index", a.to_str().unwrap()]).expect_code(1);
    assert!(
        run.stderr
            .contains("is not empty and holds no dateline index"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(env.path("index/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn searching_without_an_index_says_how_to_make_one() {
    let env = TestEnv::new();
    let run = env.run(["search", "anything"]).expect_code(1);
    assert!(run.stderr.contains("no index at"), "{}", run.stderr);
    assert!(run.stderr.contains("dateline index"), "{}", run.stderr);
}

#[test]
fn a_second_writer_is_refused_and_changes_nothing() {
    let env = TestEnv::new();
    let a = env.write(
        "a.txt",
        seed_article("Src", None, "Alpha", &["Harbours and ships."]),
    );
    let b = env.write(
        "b.txt",
        seed_article("Src", None, "Beta", &["Harbours and cranes."]),
    );
    env.index(&[&a]);
    // Another process's writer holds the index's lock.
    let index = tantivy::Index::open_in_dir(env.index_dir()).unwrap();
    let writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    let run = env.run(["index", b.to_str().unwrap()]).expect_code(1);
    assert!(
        run.stderr.contains(&format!(
            "another process is writing to the index in {}",
            env.index_dir().display()
        )),
        "{}",
        run.stderr
    );
    drop(writer);
    assert_eq!(env.titles(&["harbours"]), vec!["Alpha"]);
    env.index(&[&b]);
    assert_eq!(env.titles(&["harbours"]).len(), 2);
}

#[test]
fn a_run_killed_before_its_commit_leaves_the_index_as_it_was() {
    use std::io::Write;
    let env = TestEnv::new();
    let a = env.write(
        "a.txt",
        seed_article("Src", None, "Alpha", &["Harbours and ships."]),
    );
    env.index(&[&a]);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["index", "--threads", "1", "-"])
        .env("DATELINE_INDEX", env.index_dir())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // More than a pipe holds: once the write returns, the run has read most of
    // it and is indexing, and it cannot have committed, as its input is open.
    let mut stdin = child.stdin.take().unwrap();
    for n in 0..2_000 {
        writeln!(
            stdin,
            r#"{{"id": "w{n}", "source": "W", "title": "Beta {n}", "body": "Harbours again, and the ships of the harbours."}}"#
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    assert!(child.try_wait().unwrap().is_none(), "the run ended early");
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);

    assert_eq!(env.titles(&["harbours"]), vec!["Alpha"]);
    let b = env.write(
        "b.txt",
        seed_article("Src", None, "Gamma", &["Harbours and cranes."]),
    );
    env.index(&[&b]);
    let mut titles = env.titles(&["harbours"]);
    titles.sort();
    assert_eq!(titles, vec!["Alpha", "Gamma"]);
    let stats = &env.run(["stats", "--json"]).expect_code(0).json_lines()[0];
    assert_eq!(stats["articles"], 2);
}

#[test]
fn unchanged_files_are_left_out_until_they_or_the_options_change() {
    let env = TestEnv::new();
    let a = env.write(
        "feed/text/a.txt",
        seed_article("Src", None, "Alpha", &["Harbours and ships."]),
    );
    let bad = env.write(
        "feed/bad.jsonl",
        concat!(
            r#"{"source": "W", "title": "Beta", "body": "Harbours again."}"#,
            "\n",
            "not json\n"
        ),
    );
    let feed = env.path("feed");
    let index = |extra: &[&str]| {
        let mut args = vec!["index", "--threads", "1", feed.to_str().unwrap()];
        args.extend(extra);
        env.run(args)
    };
    index(&[]).expect_code(1);
    // The file with a rejected line is read again, and says so again.
    let again = index(&[]).expect_code(1);
    assert!(
        again
            .stdout
            .contains("1 files left out: indexed before and unchanged since"),
        "{}",
        again.stdout
    );
    assert!(
        again.stderr.contains("bad.jsonl:2: invalid JSON"),
        "{}",
        again.stderr
    );
    assert!(
        again.stdout.contains("indexed 1 articles"),
        "{}",
        again.stdout
    );
    // Other options read it again, and so does a change to it.
    let other = index(&["--date", "2024-10-01"]).expect_code(1);
    assert!(
        other.stdout.contains("indexed 2 articles"),
        "{}",
        other.stdout
    );
    std::fs::write(
        &a,
        seed_article("Src", None, "Alpha", &["Lighthouses and ships."]),
    )
    .unwrap();
    std::fs::remove_file(&bad).unwrap();
    let changed = index(&["--date", "2024-10-01"]).expect_code(0);
    assert!(
        changed.stdout.contains("indexed 1 articles"),
        "{}",
        changed.stdout
    );
    assert!(!changed.stdout.contains("left out"), "{}", changed.stdout);
    assert_eq!(env.titles(&["lighthouses"]), vec!["Alpha"]);
    let unchanged = index(&["--date", "2024-10-01"]).expect_code(0);
    assert!(
        unchanged.stdout.contains("indexed 0 articles"),
        "{}",
        unchanged.stdout
    );
    let all = index(&["--date", "2024-10-01", "--all"]).expect_code(0);
    assert!(all.stdout.contains("indexed 1 articles"), "{}", all.stdout);
}

#[test]
fn delete_removes_articles_by_id_or_source_and_says_how_many() {
    let env = TestEnv::new();
    let feed = env.write(
        "feed.jsonl",
        [
            r#"{"id": "x1", "source": "Wire", "title": "One", "body": "Harbours one."}"#,
            r#"{"id": "x2", "source": "Wire", "title": "Two", "body": "Harbours two."}"#,
            r#"{"id": "y1", "source": "Harbour Herald", "title": "Three", "body": "Harbours three."}"#,
        ]
        .join("\n"),
    );
    env.index(&[&feed]);
    let run = env.run(["delete", "x1"]).expect_code(0);
    assert_eq!(run.stdout, "deleted 1 articles (1 passages)\n");
    assert_eq!(env.titles(&["harbours"]).len(), 2);
    // Sources match as --source does, ignoring case.
    let run = env
        .run(["delete", "--source", "harbour herald"])
        .expect_code(0);
    assert_eq!(run.stdout, "deleted 1 articles (1 passages)\n");
    assert_eq!(env.titles(&["harbours"]), vec!["Two"]);
    let none = env.run(["delete", "x1"]).expect_code(1);
    assert!(
        none.stderr.contains("no article has these ids"),
        "{}",
        none.stderr
    );
    env.run(["delete"]).expect_code(2);
    // A file left unchanged is not read again: the deletion stands.
    env.index(&[&feed]);
    assert_eq!(env.titles(&["harbours"]), vec!["Two"]);
    env.run(["index", "--all", feed.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(env.titles(&["harbours"]).len(), 3);
}

#[test]
fn the_index_summary_as_json_counts_what_the_text_says() {
    let env = TestEnv::new();
    let feed = env.write(
        "feed.jsonl",
        concat!(
            r#"{"id": "x1", "source": "W", "title": "One", "body": "Harbours one."}"#,
            "\n",
            "not json\n",
        ),
    );
    let run = env
        .run(["index", "--json", feed.to_str().unwrap()])
        .expect_code(1);
    let summary = &run.json_lines()[0];
    assert_eq!(summary["articles"], 1);
    assert_eq!(summary["rejected"], 1);
    assert_eq!(summary["unchanged"], 0);
    assert!(summary["input_bytes"].as_u64().unwrap() > 0);
    assert!(
        run.stderr.contains("feed.jsonl:2: invalid JSON"),
        "{}",
        run.stderr
    );
    let other = env.write(
        "other.jsonl",
        r#"{"id": "y1", "source": "W", "title": "Two", "body": "Harbours two."}"#,
    );
    env.index(&[&other]);
    let again = env
        .run(["index", "--json", other.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(again.json_lines()[0]["unchanged"], 1);
}
