//! `entities` and `stats`: counts of articles, not passages.

use crate::testenv::TestEnv;
use serde_json::json;

fn corpus() -> TestEnv {
    let env = TestEnv::new();
    let long = "word ".repeat(45);
    let lines = [
        json!({"id": "1", "source": "Wire", "date": "2024-10-01", "title": "Kursk one", "body": format!("{long}troops\n\n{long}troops"),
               "entities": [{"kind": "location", "name": "Kursk"}, {"kind": "organisation", "name": "NATO"}]}),
        json!({"id": "2", "source": "Wire", "date": "2024-10-20", "title": "Kursk two", "body": "Troops moved near the border.",
               // Another spelling of the same place: counted together, shown as "Kursk".
               "entities": {"location": ["KURSK"], "person": ["Mark Rutte"]}}),
        json!({"id": "3", "source": "Herald", "title": "Elsewhere", "body": "Nothing about the front.",
               "entities": [{"kind": "location", "name": "Seoul"}]}),
    ];
    env.index_records("feed.jsonl", &lines);
    env
}

#[test]
fn entities_counts_articles_per_kind_and_source() {
    let env = corpus();
    let counts = &env
        .run(["entities", "troops", "--json"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(counts["articles"], 2);
    assert_eq!(
        counts["location"],
        json!([{"name": "Kursk", "articles": 2}])
    );
    assert_eq!(
        counts["organisation"],
        json!([{"name": "NATO", "articles": 1}])
    );
    assert_eq!(
        counts["person"],
        json!([{"name": "Mark Rutte", "articles": 1}])
    );
    assert_eq!(counts["other"], json!([]));
    assert_eq!(counts["sources"], json!([{"name": "Wire", "articles": 2}]));

    let all = &env
        .run(["entities", "--json", "--top", "1"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(all["articles"], 3);
    assert_eq!(all["location"], json!([{"name": "Kursk", "articles": 2}]));

    let text = env
        .run(["entities", "--place", "seoul"])
        .expect_code(0)
        .stdout;
    assert_eq!(
        text,
        "1 matching articles\n\nlocation\n        1  Seoul\n\nsource\n        1  Herald\n"
    );

    let places = &env
        .run(["entities", "--json", "--kind", "place", "--kind", "source"])
        .expect_code(0)
        .json_lines()[0];
    let keys: Vec<&String> = places.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["articles", "copies", "location", "sources"]);
    let text = env
        .run(["entities", "troops", "--kind", "org"])
        .expect_code(0)
        .stdout;
    assert_eq!(
        text,
        "2 matching articles\n\norganisation\n        1  NATO\n"
    );
    // The names the output and the query language give the kinds do too.
    for kind in ["organisation", "organization"] {
        let run = env
            .run(["entities", "troops", "--kind", kind])
            .expect_code(0);
        assert_eq!(run.stdout, text, "{kind}");
    }
    let run = env.run([
        "entities", "--json", "--kind", "location", "--kind", "source",
    ]);
    assert_eq!(&run.expect_code(0).json_lines()[0], places);
    for (option, alias, name) in [
        ("--place", "--location", "seoul"),
        ("--org", "--organisation", "nato"),
        ("--org", "--organization", "nato"),
    ] {
        let filtered = env.run(["entities", option, name]).expect_code(0).stdout;
        assert!(filtered.starts_with("1 matching"), "{filtered}");
        let run = env.run(["entities", alias, name]).expect_code(0);
        assert_eq!(run.stdout, filtered, "{alias}");
    }
    env.run(["entities", "--kind", "people"]).expect_code(2);
}

#[test]
fn the_entities_of_copies_of_a_story_count_once_unless_asked_for() {
    let env = TestEnv::new();
    let story = |id: &str, source: &str| {
        json!({"id": id, "source": source, "date": "2024-10-03", "title": "Cranes sold",
               "body": "Two harbour cranes were sold to a buyer in Rotterdam.",
               "entities": [{"kind": "location", "name": "Rotterdam"}]})
    };
    let lines = [
        story("wire-1", "Wire"),
        story("site-1", "Herald"),
        // The same title over another text is another story.
        json!({"id": "other", "source": "Wire", "date": "2024-10-05", "title": "Cranes sold",
               "body": "Three cranes were sold in Rotterdam.",
               "entities": [{"kind": "location", "name": "Rotterdam"}]}),
    ];
    // Two runs, so that the copy is in another segment than its story.
    env.index_records("wire.jsonl", &lines[..1]);
    env.index_records("later.jsonl", &lines[1..]);
    let counts = &env
        .run(["entities", "cranes", "--json"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(counts["articles"], 3);
    assert_eq!(counts["copies"], 1);
    assert_eq!(
        counts["location"],
        json!([{"name": "Rotterdam", "articles": 2}])
    );
    // Sources count every article: each site ran the story.
    assert_eq!(
        counts["sources"],
        json!([{"name": "Wire", "articles": 2}, {"name": "Herald", "articles": 1}])
    );
    let every = &env
        .run(["entities", "cranes", "--json", "--copies"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(every["copies"], 0);
    assert_eq!(
        every["location"],
        json!([{"name": "Rotterdam", "articles": 3}])
    );
    let text = env.run(["entities", "cranes"]).expect_code(0).stdout;
    assert!(
        text.starts_with(
            "3 matching articles (1 copy of another story: its entities are not counted)\n"
        ),
        "{text}"
    );
    // `stats` counts every article.
    let stats = &env.run(["stats", "--json"]).expect_code(0).json_lines()[0];
    assert_eq!(stats["articles"], 3);
}

#[test]
fn copies_by_title_and_by_opening_words_make_one_story() {
    // A and B share title and lead passage but not their next words; B and C
    // share their opening words under two titles. The three are one story.
    let long = "word ".repeat(45);
    let article = |id: &str, title: &str, next: &str, person: &str| {
        json!({"id": id, "source": "Wire", "title": title,
               "body": format!("{long}cranes\n\n{next} {long}harbour"),
               "entities": [{"kind": "person", "name": person}]})
    };
    let lines = [
        article("a", "Cranes sold", "Alpha", "Ann Lee"),
        article("b", "Cranes sold", "Bravo", "Bo Chen"),
        article("c", "Harbour cranes go", "Bravo", "Cy Dunn"),
    ];
    let env = TestEnv::new();
    // One segment each.
    for (i, line) in lines.iter().enumerate() {
        env.index_records(&format!("{i}.jsonl"), std::slice::from_ref(line));
    }
    let counts = &env
        .run(["entities", "cranes", "--json"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(counts["articles"], 3);
    assert_eq!(counts["copies"], 2, "{counts}");
    assert_eq!(counts["person"].as_array().unwrap().len(), 1, "{counts}");
}

#[test]
fn a_story_counts_the_entities_of_the_same_copy_whichever_was_indexed_first() {
    // Two copies of a story: the same title and lead passage, then a passage of
    // their own that names someone else.
    let long = "word ".repeat(45);
    let copy = |id: &str, person: &str| {
        json!({"id": id, "source": "Wire", "title": "Cranes sold",
               "body": format!("{long}cranes\n\n{long}harbour"),
               "entities": [{"kind": "person", "name": person}]})
    };
    let (first, second) = (copy("wire-1", "Ann Lee"), copy("wire-2", "Bo Chen"));
    let counted = |lines: [&serde_json::Value; 2]| {
        let env = TestEnv::new();
        // Two runs: each copy in a segment of its own.
        env.index_records("one.jsonl", &[lines[0].clone()]);
        env.index_records("two.jsonl", &[lines[1].clone()]);
        let counts = &env
            .run(["entities", "cranes", "--json"])
            .expect_code(0)
            .json_lines()[0];
        assert_eq!(
            (&counts["articles"], &counts["copies"]),
            (&json!(2), &json!(1))
        );
        counts["person"].clone()
    };
    let person = counted([&first, &second]);
    assert_eq!(person.as_array().unwrap().len(), 1, "{person}");
    assert_eq!(person, counted([&second, &first]));
}

#[test]
fn a_story_counts_the_entities_of_its_fullest_copy() {
    // A wire story sent twice on one day under one title: first short, then
    // with a second passage that names someone else.
    let long = "word ".repeat(45);
    let sent = |id: &str, body: String, people: &[&str]| {
        let people: Vec<_> = (people.iter())
            .map(|name| json!({"kind": "person", "name": name}))
            .collect();
        json!({"id": id, "source": "Wire", "date": "2024-10-03",
               "title": "Harbour cranes sold abroad", "body": body, "entities": people})
    };
    for (short_id, long_id) in [("a", "b"), ("b", "a")] {
        let env = TestEnv::new();
        env.index_records(
            "feed.jsonl",
            &[
                sent(short_id, format!("{long}cranes"), &["Ann Lee"]),
                sent(
                    long_id,
                    format!("{long}cranes today\n\n{long}harbour"),
                    &["Ann Lee", "Bo Chen"],
                ),
            ],
        );
        let counts = &env
            .run(["entities", "cranes", "--json"])
            .expect_code(0)
            .json_lines()[0];
        assert_eq!(counts["copies"], 1, "{counts}");
        assert_eq!(counts["person"].as_array().unwrap().len(), 2, "{counts}");
    }
}

#[test]
fn stats_reports_articles_passages_sources_entities_and_dates() {
    let env = corpus();
    let stats = &env.run(["stats", "--json"]).expect_code(0).json_lines()[0];
    assert_eq!(stats["articles"], 3);
    assert_eq!(stats["passages"], 4);
    assert_eq!(stats["sources"], 2);
    assert_eq!(
        stats["entities"],
        json!({"location": 2, "organisation": 1, "other": 0, "person": 1})
    );
    assert_eq!(stats["first_date"], "2024-10-01T00:00:00+00:00");
    assert_eq!(stats["last_date"], "2024-10-20T00:00:00+00:00");
    assert!(stats["bytes_on_disk"].as_u64().unwrap() > 0);
    let text = env.run(["stats"]).expect_code(0).stdout;
    assert!(text.contains("articles      3\n"), "{text}");
    assert!(
        text.contains("dates         2024-10-01 to 2024-10-20\n"),
        "{text}"
    );
}

#[test]
fn a_match_past_the_lead_passage_shows_and_counts_the_articles_entities() {
    let env = TestEnv::new();
    let long = "word ".repeat(45);
    let line = json!({"id": "9", "source": "Wire", "title": "Front",
        "body": format!("{long}troops\n\n{long}harbour\n\n{long}troops"),
        "entities": [{"kind": "location", "name": "Kursk"}, {"kind": "person", "name": "Mark Rutte"}]});
    env.index_records("feed.jsonl", &[line]);

    let hits = env.search_json(&["harbour"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["passage"], 1);
    assert_eq!(
        hits[0]["entities"],
        json!([
            {"kind": "person", "name": "Mark Rutte"},
            {"kind": "location", "name": "Kursk"}
        ])
    );
    let counts = &env
        .run(["entities", "harbour", "--json"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(counts["articles"], 1);
    assert_eq!(
        counts["location"],
        json!([{"name": "Kursk", "articles": 1}])
    );
    assert_eq!(
        counts["person"],
        json!([{"name": "Mark Rutte", "articles": 1}])
    );
    // An entity filter still applies to every passage of the article.
    let filtered = env.search_json(&["harbour", "--place", "kursk"]);
    assert_eq!(filtered.len(), 1);
}

#[test]
fn entity_filters_match_every_passage_of_the_articles_that_name_the_entity() {
    let env = TestEnv::new();
    let long = "word ".repeat(45);
    let article = |id: &str, body: String, place: &str| {
        json!({"id": id, "source": "Wire", "title": format!("Story {id}"), "body": body,
            "entities": [{"kind": "location", "name": place}]})
    };
    let lines = [
        article(
            "1",
            format!("{long}troops\n\n{long}harbour\n\n{long}troops"),
            "Kursk",
        ),
        article("2", format!("{long}harbour\n\n{long}troops"), "Seoul"),
        article(
            "3",
            format!("{long}quiet\n\n{long}quiet\n\n{long}harbour"),
            "Kursk",
        ),
    ];
    env.index_records("feed.jsonl", &lines);
    let passages = |args: &[&str]| -> Vec<(String, u64)> {
        let mut found: Vec<(String, u64)> = env
            .search_json(args)
            .iter()
            .map(|h| {
                let title = h["title"].as_str().unwrap().to_string();
                (title, h["passage"].as_u64().unwrap())
            })
            .collect();
        found.sort();
        found
    };
    let story = |id: &str, passage: u64| (format!("Story {id}"), passage);
    assert_eq!(
        passages(&["--place", "kursk", "--passages"]),
        [
            story("1", 0),
            story("1", 1),
            story("1", 2),
            story("3", 0),
            story("3", 1),
            story("3", 2)
        ]
    );
    assert_eq!(
        passages(&["harbour", "--place", "kursk", "--passages"]),
        [story("1", 1), story("3", 2)]
    );
    assert_eq!(
        passages(&["troops", "--place", "seoul", "--passages"]),
        [story("2", 1)]
    );
    assert!(passages(&["quiet", "--place", "seoul"]).is_empty());
}

/// An article of the wire that names `names`, entities of `kind`.
fn naming(id: &str, kind: &str, names: &[&str]) -> serde_json::Value {
    let names: Vec<_> = (names.iter())
        .map(|n| json!({"kind": kind, "name": n}))
        .collect();
    json!({"id": id, "source": "Wire", "title": format!("Story {id}"),
           "body": "the markets were calm today.", "entities": names})
}

/// A record of an article whose metadata names the organisations `names`.
fn orgs(id: &str, names: &[&str]) -> serde_json::Value {
    naming(id, "organisation", names)
}

/// What `dateline entities --json --kind KIND` prints.
fn counts_of(env: &TestEnv, kind: &str) -> serde_json::Value {
    let lines = env
        .run(["entities", "--json", "--kind", kind])
        .expect_code(0)
        .json_lines();
    lines[0].clone()
}

/// The ids of the articles a search with the filter `option name` finds, in order.
fn filtered(env: &TestEnv, option: &str, name: &str) -> Vec<String> {
    let mut ids: Vec<String> = (env.search_json(&[option, name]).iter())
        .map(|h| h["article_id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn a_surname_alone_counts_and_filters_as_the_person_most_articles_name_in_full() {
    let env = TestEnv::new();
    let people = |id: &str, names: &[&str]| naming(id, "person", names);
    let lines = [
        people("a1", &["Donald Trump"]),
        people("a2", &["Donald Trump"]),
        people("a3", &["Donald Trump"]),
        // Two Trumps in full: the surname alone links to neither here, and the
        // article lists all three; "Donald J. Trump" is Donald Trump.
        people("a4", &["Donald J. Trump", "Melania Trump", "Trump"]),
        people("a5", &["Trump"]),
        // No one named in full: the surname stands for no one.
        people("a6", &["Reagan"]),
        // A surname two people share stands for neither.
        people("a7", &["Clinton"]),
        people("a8", &["Hillary Clinton"]),
        people("a9", &["Bill Clinton"]),
        // Middle initials, with and without their stops.
        people("a10", &["George W. Bush"]),
        people("a11", &["George W Bush"]),
        people("a12", &["George H.W. Bush"]),
        // Two spellings of one person in an article list him once.
        people("a13", &["Donald J Trump", "Donald Trump"]),
        people("a14", &["George W. Bush", "George W Bush"]),
    ];
    env.index_records("feed.jsonl", &lines);
    let ids = |person: &str| filtered(&env, "--person", person);
    // Donald Trump, with initials or without, holds 5 of the 6 articles that
    // name a Trump in full.
    assert_eq!(ids("Donald Trump"), ["a1", "a13", "a2", "a3", "a4", "a5"]);
    assert_eq!(ids("Donald J. Trump"), ids("Donald Trump"));
    assert_eq!(ids("President Donald Trump"), ids("Donald Trump"));
    assert_eq!(ids("Melania Trump"), ["a4"]);
    assert_eq!(ids("Hillary Clinton"), ["a8"]);
    assert_eq!(ids("Ronald Reagan"), Vec::<String>::new());
    // A name without initials takes in the name with any; with initials, only
    // the same ones.
    assert_eq!(ids("George Bush"), ["a10", "a11", "a12", "a14"]);
    assert_eq!(ids("George W. Bush"), ["a10", "a11", "a14"]);
    assert_eq!(ids("George H. W. Bush"), ["a12"]);
    let counts = counts_of(&env, "person");
    let stats = &env.run(["stats", "--json"]).expect_code(0).json_lines()[0];
    assert_eq!(
        stats["entities"]["person"],
        counts["person"].as_array().unwrap().len(),
        "stats counts the people entities lists"
    );
    // Counts join the spellings of a name as the filters do; a4 lists both
    // "Donald J. Trump" and "Trump", and counts once.
    assert_eq!(
        counts["person"],
        json!([
            {"name": "Donald Trump", "articles": 6},
            {"name": "George W. Bush", "articles": 3},
            {"name": "Bill Clinton", "articles": 1},
            {"name": "Clinton", "articles": 1},
            {"name": "George H.W. Bush", "articles": 1},
            {"name": "Hillary Clinton", "articles": 1},
            {"name": "Melania Trump", "articles": 1},
            {"name": "Reagan", "articles": 1},
        ])
    );
    // A result set that names Donald Trump by his surname alone counts him
    // under his full name, as the whole index does.
    let story = |id: &str| {
        let title = format!("title:{id}");
        let run = env.run(["entities", "--json", "--kind", "person", title.as_str()]);
        run.expect_code(0).json_lines()[0]["person"].clone()
    };
    assert_eq!(
        story("a5"),
        json!([{"name": "Donald Trump", "articles": 1}])
    );
    assert_eq!(story("a6"), json!([{"name": "Reagan", "articles": 1}]));
}

#[test]
fn an_acronym_and_the_full_name_most_articles_spell_it_out_with_find_each_other() {
    let env = TestEnv::new();
    let lines = [
        orgs("o1", &["General Motors Corp", "GM"]),
        orgs("o2", &["GM"]),
        orgs("o3", &["General Motors"]),
        orgs("o4", &["General Motors", "GM"]),
        // An acronym two bodies share stands for neither.
        orgs("o5", &["American Airlines", "AA"]),
        orgs("o6", &["Alcoholics Anonymous", "AA"]),
        orgs("o7", &["AA"]),
    ];
    env.index_records("feed.jsonl", &lines);
    let ids = |org: &str| filtered(&env, "--org", org);
    let general_motors = ["o1", "o2", "o3", "o4"];
    assert_eq!(ids("GM"), general_motors);
    assert_eq!(ids("General Motors"), general_motors);
    assert_eq!(ids("general motors corp"), general_motors);
    assert_eq!(filtered(&env, "--entity", "GM"), general_motors);
    let query: Vec<String> = (env.search_json(&["org:\"General Motors\""]).iter())
        .map(|h| h["article_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        query.len(),
        4,
        "the query's entity fields match as the filters do"
    );
    assert_eq!(ids("American Airlines"), ["o5"]);
    assert_eq!(ids("AA"), ["o5", "o6", "o7"]);
    // The counts join them too, under the name more articles list.
    let counts = counts_of(&env, "org");
    assert_eq!(
        counts["organisation"],
        json!([{"name": "GM", "articles": 4}, {"name": "AA", "articles": 3}])
    );
}

#[test]
fn an_organisation_with_and_without_a_leading_the_is_one_name() {
    let env = TestEnv::new();
    let lines = [
        orgs("t1", &["The Harbour Herald"]),
        orgs("t2", &["Harbour Herald"]),
        orgs("t3", &["THE HARBOUR HERALD"]),
        // A word alone keeps its "The".
        orgs("t4", &["The Courier"]),
        orgs("t5", &["Courier"]),
    ];
    env.index_records("feed.jsonl", &lines);
    let ids = |org: &str| filtered(&env, "--org", org);
    assert_eq!(ids("The Harbour Herald"), ["t1", "t2", "t3"]);
    assert_eq!(ids("harbour herald"), ["t1", "t2", "t3"]);
    assert_eq!(ids("The Courier"), ["t4"]);
    let counts = counts_of(&env, "org");
    assert_eq!(
        counts["organisation"],
        json!([
            {"name": "Harbour Herald", "articles": 3},
            {"name": "Courier", "articles": 1},
            {"name": "The Courier", "articles": 1},
        ])
    );
}
