//! `dateline bench` on a small corpus of our own.

use crate::testenv::{seed_article, TestEnv};

#[test]
fn bench_reports_runs_stages_latency_and_draws_a_chart() {
    let env = TestEnv::new();
    for i in 0..6 {
        env.write(
            &format!("corpus/{i}.txt"),
            seed_article(
                "Harbour Herald",
                Some("2024-10-03"),
                &format!("Fuel prices fall in week {i}"),
                &["Fuel prices fell again as the central bank held rates, Governor Amara Okafor said in Zurich."],
            ),
        );
    }
    env.write(
        "queries.txt",
        "fuel prices\n'\"fuel prices\"'\nrates --person Okafor\nfuel --since 2024-10\nokafr~\n",
    );
    let run = env
        .run([
            "bench",
            "corpus",
            "--repeat",
            "3",
            "--threads",
            "1,2",
            "--queries",
            "queries.txt",
            "--query-rounds",
            "2",
            "--rounds",
            "2",
            "--json",
            "--svg",
            "chart.svg",
        ])
        .expect_code(0);
    let report = &run.json_lines()[0];
    assert_eq!(report["repeat"], 3);
    assert_eq!(report["rounds"], 2);
    let runs = report["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 6, "three indexers at two thread counts");
    for run in runs {
        assert_eq!(run["articles"], 18, "6 articles read 3 times: {run}");
        assert!(run["index_bytes"].as_u64().unwrap() > 0);
        assert!(run["mb_per_sec"].as_f64().unwrap() > 0.0);
        // Every round's time, and the median round's among them.
        let rounds: Vec<f64> = (run["round_seconds"].as_array().unwrap().iter())
            .map(|s| s.as_f64().unwrap())
            .collect();
        assert_eq!(rounds.len(), 2, "{run}");
        assert!(rounds.contains(&run["seconds"].as_f64().unwrap()), "{run}");
    }
    let baseline = &runs[0];
    assert_eq!(baseline["indexer"], "baseline");
    assert_eq!(baseline["ratio_to_baseline"], 1.0);
    let tagged = &runs[2];
    assert_eq!(tagged["indexer"], "dateline");
    // 18 articles, each a title and one sentence of 17 tokens.
    let tokens = tagged["tokens"].as_u64().unwrap();
    assert!(tokens >= 18 * 17, "{tokens}");
    assert!(tagged["tokens_per_cpu_sec"].as_f64().unwrap() > 0.0);
    assert_eq!(runs[1]["indexer"], "dateline_no_entities");
    assert_eq!(runs[1]["tokens"], 0);
    // Stages are CPU time, and add up to the run's (which, for the tagger,
    // also loads the model).
    for run in runs.iter().filter(|run| run["indexer"] != "baseline") {
        let stages: f64 = (run["stages"].as_array().unwrap().iter())
            .map(|stage| stage["cpu_seconds"].as_f64().unwrap())
            .sum();
        let cpu = run["cpu_seconds"].as_f64().unwrap();
        assert!(stages <= cpu + 1e-3, "{run}");
        if run["indexer"] == "dateline_no_entities" {
            assert!(stages >= 0.9 * cpu, "{run}");
        }
    }
    // The tagger's cost against the rest, from the two runs at the same threads,
    // in wall-clock time and in CPU time, which every run reports.
    let value = |run: &serde_json::Value, key: &str| run[key].as_f64().unwrap();
    assert!(
        runs.iter().all(|run| value(run, "cpu_seconds") > 0.0),
        "{runs:?}"
    );
    for (time, ratio) in [
        ("seconds", "tagger_cost_ratio"),
        ("cpu_seconds", "tagger_cpu_ratio"),
    ] {
        let (tagged_time, rest) = (value(tagged, time), value(&runs[1], time));
        let expected = (tagged_time - rest) / rest;
        let ratio_value = value(tagged, ratio);
        assert!(
            (ratio_value - expected).abs() < 1e-9,
            "{ratio}: {ratio_value} against {expected}"
        );
        assert!(runs[1][ratio].is_null() && baseline[ratio].is_null());
    }
    let stages: Vec<&str> = tagged["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        vec!["read", "split", "entities", "build", "index", "commit"]
    );
    let kinds: Vec<&str> = report["latency"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "keywords",
            "phrases",
            "entity_filter",
            "date_filter",
            "fuzzy_words",
            "keywords_without_snippets",
            "keywords_folding_copies"
        ],
        "with --repeat, keywords run folding copies too"
    );
    let svg = std::fs::read_to_string(env.path("chart.svg")).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("tantivy baseline, 2 threads"),
        "{svg}"
    );

    let text = env
        .run([
            "bench",
            "corpus",
            "--threads",
            "1",
            "--queries",
            "queries.txt",
        ])
        .expect_code(0)
        .stdout;
    assert!(
        text.contains("query latency on the dateline index"),
        "{text}"
    );
    assert!(
        text.contains("dateline, 1 thread: stages (CPU time)"),
        "{text}"
    );
    assert!(text.contains("each row is the median of 3 runs"), "{text}");
    assert!(
        text.contains("the tagger's cost (time beyond the --no-entities run) is"),
        "{text}"
    );
    assert!(text.contains("the tagger's cost in CPU time is"), "{text}");
    assert!(
        text.lines().any(|l| l.contains("seconds  spread    CPU s")),
        "{text}"
    );
    // Three rounds each: every indexer's row gives their spread in per cent.
    let rows: Vec<&str> = (text.lines())
        .skip_while(|l| !l.starts_with("indexer"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    for row in rows {
        let spread = row.split_whitespace().rev().nth(7).unwrap();
        assert!(spread.ends_with('%'), "{row}");
    }
}

#[test]
fn bench_names_a_bad_query_line() {
    let env = TestEnv::new();
    env.write("corpus/a.txt", seed_article("S", None, "T", &["Body."]));
    env.write("q.txt", "fine\n--since\n");
    let run = env
        .run(["bench", "corpus", "--queries", "q.txt"])
        .expect_code(1);
    assert!(run.stderr.contains("q.txt:2:"), "{}", run.stderr);
    let run = env.run(["bench", "corpus", "--rounds", "0"]).expect_code(1);
    assert!(run.stderr.contains("--rounds"), "{}", run.stderr);
}
