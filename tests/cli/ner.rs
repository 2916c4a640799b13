//! The entity tagger: training, scoring, tagging text, and entities in the index.

use crate::testenv::{seed_article, TestEnv};
use std::path::PathBuf;

fn conll(file: &str) -> PathBuf {
    crate::corpora::data(&format!("conll2003/{file}"))
}

/// Entity-level F1 of a score object of `ner eval --json`.
fn f1(score: &serde_json::Value) -> f64 {
    let count = |key: &str| score[key].as_f64().unwrap();
    200.0 * count("correct") / (count("predicted") + count("gold"))
}

/// The first `docs` documents of a CoNLL file, written into the env.
fn slice(env: &TestEnv, file: &str, docs: usize) -> PathBuf {
    let text = std::fs::read_to_string(conll(file)).unwrap();
    let mut out = String::new();
    for (i, doc) in text.split("-DOCSTART-").skip(1).enumerate() {
        if i == docs {
            break;
        }
        out.push_str("-DOCSTART-");
        out.push_str(doc);
    }
    env.write(file, out)
}

/// A test folder with the first 120 documents of eng.train and 30 of eng.testa.
fn small_splits() -> (TestEnv, PathBuf, PathBuf) {
    let env = TestEnv::new();
    let train = slice(&env, "eng.train", 120);
    let dev = slice(&env, "eng.testa", 30);
    (env, train, dev)
}

/// The `ner eval --json` object of `model` on `file`.
fn eval(env: &TestEnv, model: &str, file: &std::path::Path) -> serde_json::Value {
    let args = ["ner", "eval", "--json", "--model", model];
    let run = env.run(args.into_iter().chain([file.to_str().unwrap()]));
    run.expect_code(0).json_lines().remove(0)
}

#[test]
fn training_on_a_slice_is_deterministic_and_eval_scores_it() {
    let (env, train, dev) = small_splits();
    let mut outputs = Vec::new();
    for name in ["a.model", "b.model"] {
        let run = env
            .run([
                "ner",
                "train",
                "--train",
                train.to_str().unwrap(),
                "--dev",
                dev.to_str().unwrap(),
                "--epochs",
                "5",
                "--bits",
                "16",
                "--out",
                name,
            ])
            .expect_code(0);
        assert!(
            run.stdout.starts_with("trained on 120 documents"),
            "{}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("type           precision    recall        F1    gold\n"),
            "{}",
            run.stdout
        );
        outputs.push(std::fs::read(env.path(name)).unwrap());
    }
    assert_eq!(outputs[0], outputs[1], "same data and seed, same model");

    let eval = &eval(&env, "a.model", &dev);
    let overall = &eval["overall"];
    assert!(overall["gold"].as_u64().unwrap() > 300, "{eval}");
    // A small slice learns something real, well short of the full model.
    assert!(f1(overall) > 50.0 && f1(overall) < 95.0, "{eval}");

    // The table form has a row per type and the total.
    let table = env
        .run(["ner", "eval", "--model", "a.model", dev.to_str().unwrap()])
        .expect_code(0)
        .stdout;
    for row in ["PER ", "ORG ", "LOC ", "MISC ", "all "] {
        assert!(
            table.lines().any(|l| l.starts_with(row)),
            "{row} in {table}"
        );
    }
}

#[test]
fn closed_words_cost_little_f1_and_a_bad_share_is_refused() {
    let (env, train, dev) = small_splits();
    let mut scores = Vec::new();
    let every_token: &[&str] = &["--score-every-token"];
    for (name, extra) in [("open.model", every_token), ("closed.model", &[])] {
        let train_args = ["ner", "train", "--train", train.to_str().unwrap()];
        let settings = ["--epochs", "5", "--bits", "16", "--one-pass", "--out", name];
        let args = train_args
            .into_iter()
            .chain(settings)
            .chain(extra.iter().copied());
        env.run(args).expect_code(0);
        scores.push(f1(&eval(&env, name, &dev)["overall"]));
    }
    // Scoring every token and leaving most lower-case words out label alike.
    assert!((scores[0] - scores[1]).abs() < 1.0, "{scores:?}");
    assert_ne!(
        std::fs::read(env.path("open.model")).unwrap(),
        std::fs::read(env.path("closed.model")).unwrap(),
        "only the closed model lists its open words"
    );

    let run = env
        .run([
            "ner",
            "train",
            "--train",
            train.to_str().unwrap(),
            "--open-share",
            "1.5",
        ])
        .expect_code(1);
    assert!(
        run.stderr.contains("--open-share must be between 0 and 1"),
        "{}",
        run.stderr
    );
}

#[test]
fn word_clusters_are_learnt_deterministically_and_feed_training() {
    let (env, train, dev) = small_splits();
    let reuters = crate::corpora::data("reuters21578/reut2-000.sgm");
    let mut outputs = Vec::new();
    for name in ["a.tsv", "b.tsv"] {
        let run = env
            .run([
                "ner",
                "clusters",
                reuters.to_str().unwrap(),
                "--conll",
                train.to_str().unwrap(),
                "--classes",
                "64",
                "--coarse",
                "8",
                "--out",
                name,
            ])
            .expect_code(0);
        assert!(
            run.stdout.contains(" words of ") && run.stdout.contains("in 64 classes, 8 coarse"),
            "{}",
            run.stdout
        );
        outputs.push(std::fs::read_to_string(env.path(name)).unwrap());
    }
    assert_eq!(outputs[0], outputs[1], "same text, same clusters");
    let classes: std::collections::HashMap<&str, (u16, u16)> = outputs[0]
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            let (fine, coarse) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
            assert!(fine < 64 && coarse < 8, "{line}");
            (fields[0], (fine, coarse))
        })
        .collect();
    // The days of the week are used alike, and so are most countries, unlike
    // the days. A word or two of a group may fall apart as the text's tokens
    // change a little: two thirds of each group in one class is what is asserted.
    let most_common = |words: &[&str]| {
        let mut counts: std::collections::HashMap<u16, usize> = Default::default();
        for word in words {
            *counts.entry(classes[word].0).or_default() += 1;
        }
        let (&class, &count) = counts.iter().max_by_key(|&(_, n)| n).unwrap();
        assert!(count * 3 >= words.len() * 2, "{words:?}: {counts:?}");
        class
    };
    let days = most_common(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]);
    let countries = most_common(&[
        "Japan", "France", "Britain", "Germany", "Italy", "Canada", "Brazil",
    ]);
    assert_ne!(days, countries);

    let train_args = ["ner", "train", "--train", train.to_str().unwrap()];
    let settings = ["--epochs", "5", "--bits", "16", "--one-pass"];
    for (name, clusters) in [("plain.model", None), ("clustered.model", Some("a.tsv"))] {
        let extra = clusters.map(|file| ["--clusters", file]);
        let args = train_args
            .into_iter()
            .chain(settings)
            .chain(["--out", name])
            .chain(extra.into_iter().flatten());
        env.run(args).expect_code(0);
    }
    let model = |name: &str| std::fs::read(env.path(name)).unwrap();
    assert_ne!(model("plain.model"), model("clustered.model"));
    assert!(f1(&eval(&env, "clustered.model", &dev)["overall"]) > 50.0);

    // A clusters file with a bad line is refused, and the line named.
    env.write("bad.tsv", "Monday\t3\t1\nFriday\tthree\t1\n");
    let run = env
        .run(train_args.into_iter().chain(["--clusters", "bad.tsv"]))
        .expect_code(1);
    assert!(
        run.stderr.contains("bad.tsv") && run.stderr.contains("line 2"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_built_in_model_scores_the_dev_split() {
    let env = TestEnv::new();
    let run = env
        .run([
            "ner",
            "eval",
            "--json",
            conll("eng.testa").to_str().unwrap(),
        ])
        .expect_code(0);
    let overall = &run.json_lines()[0]["overall"];
    assert_eq!(overall["gold"], 5942);
    assert!(f1(overall) >= 91.0, "dev F1 below 91: {overall}");
}

#[test]
fn eval_scores_the_documents_text_as_index_reads_it_with_or_without_the_rules() {
    let env = TestEnv::new();
    let dev = slice(&env, "eng.testa", 30);
    let scores: Vec<serde_json::Value> = ["tokens", "text", "mended"]
        .into_iter()
        .map(|mode| {
            let args = [
                "ner",
                "eval",
                "--json",
                "--mode",
                mode,
                dev.to_str().unwrap(),
            ];
            env.run(args).expect_code(0).json_lines().remove(0)["overall"].clone()
        })
        .collect();
    // The same gold names, scored each way.
    assert!(
        scores.iter().all(|s| s["gold"] == scores[0]["gold"]),
        "{scores:?}"
    );
    // The text's own tokens and sentences are close to the file's.
    assert!((f1(&scores[0]) - f1(&scores[1])).abs() < 2.0, "{scores:?}");
    assert!(f1(&scores[2]) > 80.0, "{scores:?}");
    let run = env.run(["ner", "eval", "--mode", "words", dev.to_str().unwrap()]);
    assert!(run.expect_code(2).stderr.contains("words"));
}

#[test]
fn a_model_of_another_feature_set_is_refused() {
    let env = TestEnv::new();
    let bad = env.write("bad.model", b"not a model");
    let run = env.run([
        "ner",
        "eval",
        "--model",
        bad.to_str().unwrap(),
        conll("eng.testa").to_str().unwrap(),
    ]);
    let run = run.expect_code(1);
    assert!(
        run.stderr.contains("cannot load model") && run.stderr.contains("not a dateline model"),
        "{}",
        run.stderr
    );
}

#[test]
fn tag_prints_byte_ranges_for_text_and_json_lines() {
    let env = TestEnv::new();
    let text =
        "NATO Secretary General Mark Rutte said on Thursday that he would travel to Brussels.";
    let file = env.write("in.txt", text);
    let run = env
        .run(["ner", "tag", file.to_str().unwrap()])
        .expect_code(0);
    let line = &run.json_lines()[0];
    let entities = line["entities"].as_array().unwrap();
    for e in entities {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], e["text"].as_str().unwrap());
    }
    let found: Vec<(&str, &str)> = entities
        .iter()
        .map(|e| (e["kind"].as_str().unwrap(), e["text"].as_str().unwrap()))
        .collect();
    assert!(found.contains(&("person", "Mark Rutte")), "{found:?}");
    assert!(found.contains(&("location", "Brussels")), "{found:?}");

    let jsonl = env.write(
        "in.jsonl",
        "{\"id\": \"a\", \"text\": \"Angela Merkel visited Paris.\"}\n{\"id\": \"b\"}\n",
    );
    let run = env
        .run(["ner", "tag", jsonl.to_str().unwrap()])
        .expect_code(1);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["id"], "a");
    assert!(
        run.stderr.contains("in.jsonl:2: missing text"),
        "{}",
        run.stderr
    );
}

#[test]
fn tag_prints_the_mentions_the_index_takes_and_raw_the_taggers_own() {
    let env = TestEnv::new();
    let text = "Yang Moo-jin, president of the University of North Korea Studies, spoke in Seoul.";
    let file = env.write("in.txt", text);
    let spans = |raw: bool| -> Vec<(String, String)> {
        let mut args = vec!["ner", "tag", file.to_str().unwrap()];
        args.extend(raw.then_some("--raw"));
        let line = env.run(args).expect_code(0).json_lines().remove(0);
        let entities = line["entities"].as_array().unwrap().clone();
        (entities.iter())
            .map(|e| {
                let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
                let spelt = &text[start as usize..end as usize];
                assert_eq!(spelt, e["text"].as_str().unwrap());
                (e["kind"].as_str().unwrap().to_string(), spelt.to_string())
            })
            .collect()
    };
    let mended = spans(false);
    assert!(
        mended.contains(&("person".to_string(), "Yang Moo-jin".to_string())),
        "{mended:?}"
    );
    // The model cuts the hyphenated given name off; the index mends that.
    let raw = spans(true);
    assert!(
        raw.contains(&("person".to_string(), "Yang".to_string())),
        "{raw:?}"
    );
    assert_ne!(raw, mended);
}

#[test]
fn tag_answers_each_json_line_before_the_input_ends() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["ner", "tag"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(
        stdin,
        r#"{{"id": 1, "text": "Angela Merkel visited Paris."}}"#
    )
    .unwrap();
    stdin.flush().unwrap();
    // Read the answer while stdin stays open; a reader that waited for the end
    // of input would never answer, so the wait is bounded.
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        tx.send(line).unwrap();
    });
    let answer = rx.recv_timeout(std::time::Duration::from_secs(60));
    drop(stdin);
    child.wait().unwrap();
    let answer: serde_json::Value = serde_json::from_str(&answer.expect("an answer")).unwrap();
    assert_eq!(answer["id"], 1);
    assert_eq!(answer["entities"][0]["text"], "Angela Merkel");
}

/// Two articles of our own in the seed layout, with no metadata.
fn tagged_corpus() -> TestEnv {
    let env = TestEnv::new();
    env.write(
        "news/front.txt",
        seed_article(
            "Harbour Herald",
            Some("2024-11-01"),
            "Allies meet over troops near Kursk",
            &[
                "Ukrainian President Volodymyr Zelensky said on Thursday that North Korean troops had reached the Kursk region. He spoke in Kyiv after a call with NATO Secretary General Mark Rutte.",
                "Zelensky asked the United States and the European Union for more air defence. Rutte said NATO would discuss the request in Brussels next week.",
            ],
        ),
    );
    env.write(
        "news/port.txt",
        seed_article(
            "Valley Courier",
            Some("2024-11-02"),
            "Port workers strike in Rotterdam",
            &[
                "Dock workers in Rotterdam walked out on Friday, the union said. Union leader Anna de Vries called for talks with the port authority.",
                "The Harbour Development Authority said the strike had cost 3 million euros a day. A spokeswoman for the HDA said talks would resume on Monday.",
            ],
        ),
    );
    env.index(&[&env.path("news")]);
    env
}

/// A test folder holding one article of our own in the seed layout, indexed, and
/// its `dateline entities --json`.
fn one_article_counts(
    source: &str,
    date: &str,
    title: &str,
    paragraphs: &[&str],
) -> (TestEnv, serde_json::Value) {
    let env = TestEnv::new();
    env.write(
        "news/article.txt",
        seed_article(source, Some(date), title, paragraphs),
    );
    env.index(&[&env.path("news")]);
    let counts = env
        .run(["entities", "--json"])
        .expect_code(0)
        .json_lines()
        .remove(0);
    (env, counts)
}

/// The names that `counts`, a line of `dateline entities --json`, has under `kind`.
fn counted_names(counts: &serde_json::Value, kind: &str) -> Vec<String> {
    counts[kind]
        .as_array()
        .unwrap_or_else(|| panic!("no {kind} in {counts}"))
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

/// Checks that `--org` finds the one article titled `title` under each of
/// `spellings`, and returns `dateline entities --json`.
fn org_counts(env: &TestEnv, spellings: &[&str], title: &str) -> serde_json::Value {
    for org in spellings {
        assert_eq!(env.titles(&["--org", org]), vec![title], "{org}");
    }
    let run = env.run(["entities", "--json"]).expect_code(0);
    run.json_lines().swap_remove(0)
}

#[test]
fn plain_articles_get_people_places_and_organisations() {
    let env = tagged_corpus();
    let counts = &env.run(["entities", "--json"]).expect_code(0).json_lines()[0];
    let names = |kind: &str| counted_names(counts, kind);
    let people = names("person");
    assert!(
        people.contains(&"Volodymyr Zelensky".to_string()),
        "{people:?}"
    );
    assert!(people.contains(&"Mark Rutte".to_string()), "{people:?}");
    assert!(
        !people.contains(&"Zelensky".to_string()),
        "surname linked: {people:?}"
    );
    assert!(
        !people.contains(&"Rutte".to_string()),
        "surname linked: {people:?}"
    );
    let places = names("location");
    for place in ["Kursk", "Kyiv", "Brussels", "Rotterdam", "United States"] {
        assert!(places.contains(&place.to_string()), "{place} in {places:?}");
    }
    assert!(
        names("organisation").contains(&"NATO".to_string()),
        "{counts}"
    );
}

#[test]
fn an_organisation_and_the_acronym_the_article_uses_are_one_entity() {
    let env = tagged_corpus();
    let spellings = [
        "HDA",
        "Harbour Development Authority",
        "harbour development authority",
    ];
    let counts = &org_counts(&env, &spellings, "Port workers strike in Rotterdam");
    let organisations = counted_names(counts, "organisation");
    assert!(
        organisations.contains(&"HDA".to_string()),
        "{organisations:?}"
    );
    assert!(
        !organisations.contains(&"Harbour Development Authority".to_string()),
        "{organisations:?}"
    );
}

#[test]
fn person_filters_match_surnames_and_full_names_ignoring_case_and_accents() {
    let env = tagged_corpus();
    for person in [
        "Zelensky",
        "volodymyr zelensky",
        "Volodymyr Zelenský",
        "Rutte",
    ] {
        assert_eq!(
            env.titles(&["--person", person]),
            vec!["Allies meet over troops near Kursk"],
            "{person}"
        );
    }
    assert!(
        env.titles(&["--person", "Volodymyr"]).is_empty(),
        "a first name alone is not a name"
    );
    assert_eq!(
        env.titles(&["troops", "--place", "Kursk", "--org", "NATO"])
            .len(),
        1
    );
    assert_eq!(
        env.titles(&["--place", "U.S."]).len(),
        1,
        "country aliases resolve"
    );
    let hit = &env.search_json(&["strike"])[0];
    let people: Vec<&str> = hit["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(people, vec!["Anna de Vries"]);
}

#[test]
fn a_surname_without_its_accents_is_the_person_the_article_names_in_full() {
    let (env, counts) = &one_article_counts(
        "Harbour Herald",
        "2024-11-04",
        "Turkey offers to host talks",
        &[
            "Turkish President Recep Tayyip Erdoğan said on Monday that Ankara was ready to host peace talks. He spoke after a cabinet meeting.",
            "Erdogan added that the talks could begin within weeks, and that both sides had been told.",
        ],
    );
    assert_eq!(
        counted_names(counts, "person"),
        vec!["Recep Tayyip Erdoğan"]
    );
    for person in ["Erdogan", "erdoğan", "Recep Tayyip Erdogan"] {
        assert_eq!(
            env.titles(&["--person", person]),
            vec!["Turkey offers to host talks"],
            "{person}"
        );
    }
}

#[test]
fn words_that_open_an_interview_answer_are_not_entities() {
    let (_, counts) = &one_article_counts(
        "Valley Courier",
        "2024-11-03",
        "Dock worker speaks about the strike",
        &[
            "The Courier spoke to dock worker Anna de Vries about the strike in Rotterdam.",
            "((Courier)) Why did you walk out? ((Anna de Vries)) Well, we asked for talks for a year. So we stopped.",
            "((Courier)) Do you expect a deal soon? ((Anna de Vries)) Yeah, yeah, I think so. I'm sure the port authority wants the ships to move as well, and so do we.",
        ],
    );
    let all: Vec<String> = ["person", "organisation", "location", "other"]
        .iter()
        .flat_map(|kind| counted_names(counts, kind))
        .collect();
    // The tagger alone takes "Well", "Do" and "Yeah" for names (see `ner tag`).
    for word in ["Well", "Do", "Yeah"] {
        assert!(!all.contains(&word.to_string()), "{word} in {all:?}");
    }
    for name in ["Anna de Vries", "Rotterdam"] {
        assert!(all.contains(&name.to_string()), "{name} in {all:?}");
    }
}

#[test]
fn a_company_counts_once_under_its_name_without_the_legal_form() {
    let env = TestEnv::new();
    env.write(
        "news/motors.txt",
        seed_article(
            "Valley Courier",
            Some("2024-11-04"),
            "Carmaker raises prices",
            &[
                "Valley Motors Corp said on Monday it would raise car prices by 2 pct. Valley Motors said costs had risen.",
                "Shares of Valley Motors Inc. rose 3 pct in early trading, Hill Ltd said.",
            ],
        ),
    );
    env.index(&[&env.path("news")]);
    let spellings = ["Valley Motors", "Valley Motors Corp", "valley motors inc."];
    let counts = &org_counts(&env, &spellings, "Carmaker raises prices");
    let organisations = counted_names(counts, "organisation");
    assert!(
        organisations.contains(&"Valley Motors".to_string()),
        "{organisations:?}"
    );
    for kind in ["person", "location", "other"] {
        let names = counts[kind]
            .as_array()
            .map_or(Vec::new(), |_| counted_names(counts, kind));
        assert!(
            !names.iter().any(|n| n.contains("Valley")),
            "{kind}: {names:?}"
        );
    }
    assert_eq!(
        organisations
            .iter()
            .filter(|n| n.contains("Valley"))
            .count(),
        1,
        "{organisations:?}"
    );
}

#[test]
fn a_name_after_a_courtesy_title_joins_the_full_name() {
    let (env, counts) = &one_article_counts(
        "Valley Courier",
        "2024-11-05",
        "Council leader defends budget",
        &[
            "Council leader Margaret Okonjo defended the budget on Tuesday. Mrs Okonjo said the cuts were fair, and Dr Samuel Pryce, who chairs the finance committee, agreed.",
            "Mrs Okonjo told the Valley Courier that Dr Pryce had checked every figure. Opposition leader Tom Hale said Mr Hale's party would vote against it.",
        ],
    );
    let people = counted_names(counts, "person");
    for person in ["Margaret Okonjo", "Samuel Pryce", "Tom Hale"] {
        assert!(people.contains(&person.to_string()), "{person}: {people:?}");
    }
    assert!(
        !people
            .iter()
            .any(|p| p.starts_with("Mrs") || p.starts_with("Dr")),
        "{people:?}"
    );
    for person in ["Mrs Okonjo", "Okonjo", "Dr Pryce"] {
        assert_eq!(
            env.titles(&["--person", person]),
            vec!["Council leader defends budget"],
            "{person}"
        );
    }
}

#[test]
fn a_surname_on_a_line_of_its_own_joins_the_full_name() {
    let (_, counts) = &one_article_counts(
        "Harbour Herald",
        "2024-11-06",
        "Seoul weighs the risks of a deployment",
        &[
            "South Korean officials met in Seoul on Tuesday to discuss the deployment. \"The risk is real,\" says Yang Moo-jin, a professor at a university in Seoul.",
            "Manila said the Philippines would send observers to the talks, and Tokyo said it would do the same.",
            "NATO wants to convince Trump",
            "NATO Secretary General Mark Rutte said he wanted to meet President-elect Donald Trump soon.",
        ],
    );
    let people = counted_names(counts, "person");
    for person in ["Yang Moo-jin", "Donald Trump", "Mark Rutte"] {
        assert!(people.contains(&person.to_string()), "{person}: {people:?}");
    }
    // The tagger takes the "Trump" of the line of its own for an other name.
    let others = counted_names(counts, "other");
    assert!(!others.contains(&"Trump".to_string()), "{others:?}");
    let places = counted_names(counts, "location");
    for place in ["Seoul", "Manila", "Philippines"] {
        assert!(places.contains(&place.to_string()), "{place}: {places:?}");
    }
}

#[test]
fn a_state_after_a_town_counts_under_the_states_name() {
    let (env, counts) = &one_article_counts(
        "Valley Courier",
        "2024-11-04",
        "Orchard Foods to open a packing plant",
        &[
            "Orchard Foods Inc of Fresno, Calif., said on Monday it would open a packing plant in Salem, Ore., next spring.",
            "The company said its plant near Sacramento already packs a third of the fruit it sells in California.",
        ],
    );
    let places = counted_names(counts, "location");
    for place in ["Fresno", "California", "Salem", "Oregon"] {
        assert!(places.contains(&place.to_string()), "{place} in {places:?}");
    }
    for abbreviation in ["Calif", "Ore"] {
        assert!(
            !places.contains(&abbreviation.to_string()),
            "{abbreviation} in {places:?}"
        );
    }
    for place in ["Calif.", "calif", "California", "Ore."] {
        assert_eq!(
            env.titles(&["--place", place]),
            vec!["Orchard Foods to open a packing plant"],
            "{place}"
        );
    }
}

#[test]
fn conll_token_files_are_not_indexed_as_articles() {
    let env = TestEnv::new();
    let folder = conll("train.txt").parent().unwrap().display().to_string();
    let run = env.run(["index", "-v", &folder]).expect_code(0);
    assert!(
        run.stdout.starts_with("indexed 0 articles"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("skipped 2,"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("train.txt: CoNLL file of tagged tokens, not articles"),
        "{}",
        run.stderr
    );
}
