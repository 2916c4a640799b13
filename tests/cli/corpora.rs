//! The real corpora in `shared/data`, read where they are (never copied).
//!
//! `DATELINE_DATA` overrides the folder; the default is `../shared/data` beside the
//! repository.

use crate::testenv::TestEnv;
use std::path::PathBuf;

pub fn data(rel: &str) -> PathBuf {
    let root = std::env::var_os("DATELINE_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    let path = root.join(rel);
    assert!(
        path.exists(),
        "{} is missing: set DATELINE_DATA",
        path.display()
    );
    path
}

#[test]
fn reuters_and_wikinews_index_fully_and_answer_dated_searches() {
    let env = TestEnv::new();
    let folders = [data("reuters21578"), data("wikinews-en")];
    let mut args = vec!["index".to_string()];
    args.extend(folders.iter().map(|f| f.display().to_string()));
    let run = env.run(&args).expect_code(0);
    // 19,043 Reuters stories have a body; 2,535 briefs and tables are skipped;
    // Wikinews has 295 articles. The Reuters folder's `.txt` files (category
    // descriptions, lists of codes) are its notes, not articles.
    assert!(
        run.stdout.starts_with("indexed 19338 articles"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("rejected 0, skipped 2535, warnings 3, duplicates 0"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("7 .txt files left out: notes beside files of records"),
        "{}",
        run.stdout
    );

    let hits = env.search_json(&[
        "oil prices",
        "--since",
        "1987-03-01",
        "--until",
        "1987-03-31",
    ]);
    assert_eq!(hits.len(), 10);
    for hit in &hits {
        let date = hit["date"].as_str().unwrap();
        assert!(date.starts_with("1987-03-"), "{date}");
        assert_eq!(hit["source"], "Reuters");
        let text = hit["snippet"]["text"].as_str().unwrap().to_lowercase();
        let marked: Vec<&str> = hit["snippet"]["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
            .collect();
        assert!(!marked.is_empty(), "no highlight in {text}");
        assert!(
            marked
                .iter()
                .all(|m| m.starts_with("oil") || m.starts_with("pric")),
            "{marked:?}"
        );
    }
    // The wire's tickers (`<UK>` is Union Carbide's) are no names, and no name
    // holds their brackets.
    let counts = env
        .run(["entities", "--top", "100000", "--json"])
        .expect_code(0);
    let counts: serde_json::Value = serde_json::from_str(&counts.stdout).unwrap();
    for kind in ["person", "organisation", "location", "other"] {
        for entry in counts[kind].as_array().unwrap() {
            let name = entry["name"].as_str().unwrap();
            assert!(!name.contains(['<', '>']), "{kind}: {name}");
        }
    }
    let uk = env.search_json(&[
        "union carbide",
        "--place",
        "United Kingdom",
        "--limit",
        "50",
    ]);
    assert!(
        uk.iter()
            .all(|h| h["title"].as_str().unwrap()
                != "CONSUMERS POWER <CMS> TO PAY UNION CARBIDE <UK>"),
        "{uk:?}"
    );
    let sources = env.run(["entities", "--top", "5"]).expect_code(0).stdout;
    let sources = sources.split("\nsource\n").nth(1).unwrap();
    assert_eq!(
        sources
            .lines()
            .map(|l| l.split_whitespace().last().unwrap())
            .collect::<Vec<_>>(),
        ["Reuters", "en.wikinews.org"],
        "{sources}"
    );
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    let wiki = env.search_json(&[
        "coronavirus",
        "--source",
        "en.wikinews.org",
        "--since",
        "2020",
    ]);
    assert!(!wiki.is_empty());
    assert!(wiki.iter().all(|h| h["date"].as_str().unwrap() >= "2020"));

    // Reuters metadata entities filter and count.
    let opec = env.search_json(&["--org", "opec", "--limit", "50"]);
    assert_eq!(opec.len(), 50);
    assert!(opec.iter().all(|h| h["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "OPEC")));
}

#[test]
fn bbc_folder_decodes_its_latin1_file_and_semeval_reads_its_urls() {
    let env = TestEnv::new();
    let bbc = data("bbc-news");
    let run = env
        .run(["index", "--source", "BBC News", bbc.to_str().unwrap()])
        .expect_code(0);
    assert!(
        run.stdout.starts_with("indexed 2225 articles"),
        "{}",
        run.stdout
    );
    // 98 files repeat another file byte for byte: one article each.
    assert!(run.stdout.contains("duplicates 98"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("sport/199.txt: not valid UTF-8; decoded as Latin-1"),
        "{}",
        run.stderr
    );
    let semeval = data("semeval2019-hyperpartisan");
    let run = env.run(["index", semeval.to_str().unwrap()]).expect_code(0);
    assert!(
        run.stdout.starts_with("indexed 645 articles"),
        "{}",
        run.stdout
    );
    let counts = &env.run(["entities", "--json"]).expect_code(0).json_lines()[0];
    let sources = counts["sources"].as_array().unwrap();
    // British news writes "Mr Blair" and "Tories"; an article lists Tony Blair
    // and the Conservative Party once each.
    let all = &env
        .run(["entities", "--json", "--top", "100000"])
        .expect_code(0)
        .json_lines()[0];
    let names = |kind: &str| -> Vec<&str> {
        all[kind]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect()
    };
    let people = names("person");
    let titled: Vec<_> = people
        .iter()
        .filter(|p| {
            ["Mr ", "Mrs ", "Ms ", "Dr "]
                .iter()
                .any(|t| p.starts_with(t))
        })
        .collect();
    assert!(titled.is_empty(), "{titled:?}");
    assert!(!people.contains(&"Tory"), "a party is no person");
    let organisations = names("organisation");
    // The Conservative Party ties with the BBC for second place.
    assert_eq!(organisations[0], "Labour Party");
    assert!(
        organisations[1..3].contains(&"Conservative Party"),
        "{organisations:?}"
    );
    let articles = |person: &str| env.titles(&["--person", person, "--limit", "1000"]).len();
    assert_eq!(articles("Mr Blair"), articles("Blair"));
    assert!(articles("Blair") > articles("Tony Blair"));
    assert_eq!(
        sources[0],
        serde_json::json!({"name": "BBC News", "articles": 2127})
    );
    assert_eq!(
        sources[1],
        serde_json::json!({"name": "cbsnews.com", "articles": 27})
    );
    // SemEval's text is escaped twice: "S&amp;amp;P 500" in the XML is
    // "S&P 500", and a video player's embed code is no text.
    for leftover in ["amp", "iframe", "allowfullscreen"] {
        assert!(env.titles(&[leftover]).is_empty(), "{leftover}");
    }
    let hits = env.search_json(&["\"S&P 500\"", "--passages", "--limit", "1000"]);
    assert!(hits.len() >= 5, "{hits:?}");
    assert!(hits
        .iter()
        .all(|h| h["snippet"]["text"].as_str().unwrap().contains("S&P 500")));
    assert!(env.titles(&["woke", "viciously"]).contains(
        &"Trump Just Woke Up & Viciously Attacked Puerto Ricans On Twitter Like A Cruel Old Man"
            .to_string()
    ));
}

#[test]
fn hipe_newspapers_index_with_their_annotated_entities() {
    let env = TestEnv::new();
    let hipe = data("hipe2020-fr-de");
    let run = env.run(["index", hipe.to_str().unwrap()]).expect_code(0);
    // The two dev files hold 33 German and 43 French documents (SOURCE.md).
    assert!(
        run.stdout.starts_with("indexed 76 articles"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("rejected 0, skipped 0, warnings 0"),
        "{}",
        run.stdout
    );
    let hits = env.search_json(&["--person", "Napoléon", "--limit", "50"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let source = hit["source"].as_str().unwrap();
        assert!(
            ["NZZ", "luxwort", "GDL", "EXP", "IMP"].contains(&source),
            "{source}"
        );
        let year: i32 = hit["date"].as_str().unwrap()[..4].parse().unwrap();
        assert!((1798..=2008).contains(&year), "{year}");
    }
    // The English tagger does not read French or German: the entities are
    // the annotated ones, so no article determiner is taken for a name.
    let counts = env
        .run(["entities", "--json", "--top", "50"])
        .expect_code(0)
        .json_lines()
        .remove(0);
    let names: Vec<&str> = ["person", "organisation"]
        .iter()
        .flat_map(|kind| counts[kind].as_array().unwrap())
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Conseil fédéral"), "{names:?}");
    for article in ["Le", "La", "Les", "Die", "Der"] {
        assert!(!names.contains(&article), "{article} in {names:?}");
    }
}
