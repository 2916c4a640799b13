//! Query syntax, filters, ranking options, snippets and output shapes.

use crate::testenv::TestEnv;
use serde_json::json;

const P1_OIL: &str = "Crude oil output from the northern fields rose again last week as new wells came online and maintenance work at two platforms finished ahead of schedule, according to figures published by the energy ministry on Friday morning in the capital, where officials said exports would also increase.";
const P2_PRICES: &str = "Traders said prices for heating fuel and diesel moved lower in response, although several analysts warned that the winter season usually brings a sharp rise in demand and that any cold spell could quickly reverse the decline seen over the past three weeks in regional markets and ports.";

/// Four articles: a1 (prices, Zürich), a2 (oil and prices in different passages),
/// a3 (the phrase "oil prices"), a4 (undated, football).
fn corpus() -> TestEnv {
    let env = TestEnv::new();
    let lines = [
        json!({"id": "a1", "source": "Harbour Herald", "date": "2024-10-03", "title": "Central bank holds rates",
               "body": "The central bank held rates as fuel prices eased. Governor Amara Okafor spoke in Zürich.",
               "entities": [{"kind": "person", "name": "Amara Okafor"}, {"kind": "organisation", "name": "Central Bank"}, {"kind": "location", "name": "Zürich"}]}),
        json!({"id": "a2", "source": "Valley Courier", "date": "2024-10-31T23:30:00Z", "title": "Crude market report",
               "body": format!("{P1_OIL}\n\n{P2_PRICES}"),
               "entities": [{"kind": "location", "name": "Kursk"}, {"kind": "organisation", "name": "NATO"}]}),
        json!({"id": "a3", "source": "Valley Courier", "date": "2024-11-01", "title": "Refinery notes",
               "body": "Oil output rose while prices fell, and oil prices later recovered.",
               "entities": [{"kind": "location", "name": "Kursk"}]}),
        json!({"id": "a4", "source": "Sample Wire", "title": "Harbour football",
               "body": "The harbour club won the cup after extra time.",
               "entities": [{"kind": "person", "name": "Kofi Mensah"}, {"kind": "other", "name": "Harbour Cup"}]}),
    ];
    env.index_records("feed.jsonl", &lines);
    env
}

fn ids(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut ids: Vec<String> = env
        .search_json(args)
        .iter()
        .map(|h| h["article_id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn words_must_all_occur_in_the_article_not_the_same_passage() {
    let env = corpus();
    assert_eq!(ids(&env, &["oil prices"]), vec!["a2", "a3"]);
    assert_eq!(ids(&env, &["oil", "AND", "prices"]), vec!["a2", "a3"]);
    // Passages that share the article both match and a2's best is one of them.
    let hits = env.search_json(&["oil prices"]);
    assert_eq!(
        hits[0]["article_id"], "a3",
        "both words in one passage rank first"
    );
}

#[test]
fn boolean_operators_prefixes_and_fields() {
    let env = corpus();
    assert_eq!(ids(&env, &["football OR refinery"]), vec!["a3", "a4"]);
    assert_eq!(ids(&env, &["oil -recovered"]), vec!["a2"]);
    assert_eq!(ids(&env, &["oil NOT recovered"]), vec!["a2"]);
    assert_eq!(ids(&env, &["--", "-oil"]), vec!["a1", "a4"]);
    assert_eq!(ids(&env, &["foot*"]), vec!["a4"]);
    assert_eq!(ids(&env, &["title:crude"]), vec!["a2"]);
    assert!(ids(&env, &["title:oil"]).is_empty());
    assert_eq!(
        ids(&env, &["source:\"valley courier\" oil"]),
        vec!["a2", "a3"]
    );
    assert_eq!(ids(&env, &["(football OR bank) harbour"]), vec!["a4"]);
    // OR binds tighter than AND, as in web search.
    assert_eq!(ids(&env, &["harbour football OR bank"]), vec!["a4"]);
    assert_eq!(ids(&env, &["harbour AND football OR bank"]), vec!["a4"]);
    assert_eq!(ids(&env, &["(harbour football) OR bank"]), vec!["a1", "a4"]);
    // A field before a group applies to the words inside.
    assert_eq!(ids(&env, &["title:(crude OR football)"]), vec!["a2", "a4"]);
    assert!(ids(&env, &["title:(oil OR prices)"]).is_empty());
    // "Crude oil output from the northern fields": five words apart.
    assert!(ids(&env, &["\"crude fields\""]).is_empty());
    assert!(ids(&env, &["\"crude fields\"~4"]).is_empty());
    assert_eq!(ids(&env, &["\"crude fields\"~5"]), vec!["a2"]);
    let hit = &env.search_json(&["\"crude fields\"~5"])[0];
    let snippet = hit["snippet"]["text"].as_str().unwrap();
    let marked: Vec<&str> = (hit["snippet"]["highlights"].as_array().unwrap().iter())
        .map(|r| &snippet[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(
        marked,
        ["Crude", "fields"],
        "a sloppy phrase marks its words"
    );
    // Words in the other order take two moves.
    assert!(ids(&env, &["\"recovered later\"~1"]).is_empty());
    assert_eq!(ids(&env, &["\"recovered later\"~2"]), vec!["a3"]);
    // A word's possessive is dropped; a phrase keeps it.
    assert_eq!(ids(&env, &["Okafor's"]), vec!["a1"]);
    assert!(ids(&env, &["\"Okafor's\""]).is_empty());
}

#[test]
fn entity_filters_ignore_case_and_accents_and_all_must_match() {
    let env = corpus();
    assert_eq!(ids(&env, &["--entity", "kursk"]), vec!["a2", "a3"]);
    assert_eq!(ids(&env, &["--entity", "ZURICH"]), vec!["a1"]);
    assert_eq!(ids(&env, &["--person", "amara okafor"]), vec!["a1"]);
    assert!(
        ids(&env, &["--person", "Kursk"]).is_empty(),
        "kind is checked"
    );
    assert_eq!(ids(&env, &["--org", "nato"]), vec!["a2"]);
    assert_eq!(
        ids(&env, &["--org", "central-bank"]),
        vec!["a1"],
        "a hyphen is a space"
    );
    assert_eq!(
        ids(&env, &["--org", "central, bank"]),
        vec!["a1"],
        "so is a comma"
    );
    assert_eq!(
        ids(&env, &["--org", "N.A.T.O."]),
        vec!["a2"],
        "and full stops, and letters alone are one word"
    );
    assert_eq!(
        ids(&env, &["--org", "(central bank)"]),
        vec!["a1"],
        "and brackets"
    );
    assert_eq!(
        ids(&env, &["--place", "Kursk", "--org", "NATO"]),
        vec!["a2"]
    );
    assert_eq!(
        ids(&env, &["oil", "--entity", "Kursk", "--entity", "NATO"]),
        vec!["a2"]
    );
}

#[test]
fn entity_fields_in_the_query_match_as_the_filters_do_and_combine_freely() {
    let env = corpus();
    assert_eq!(
        ids(&env, &["entity:kursk"]),
        ids(&env, &["--entity", "kursk"])
    );
    assert_eq!(ids(&env, &["person:\"amara okafor\""]), vec!["a1"]);
    assert!(ids(&env, &["person:Kursk"]).is_empty(), "kind is checked");
    assert_eq!(
        ids(&env, &["oil", "place:Kursk", "org:NATO"]),
        ids(&env, &["oil", "--place", "Kursk", "--org", "NATO"])
    );
    // What options cannot say: either entity, or all but one.
    assert_eq!(ids(&env, &["org:nato OR place:zürich"]), vec!["a1", "a2"]);
    assert_eq!(ids(&env, &["place:kursk -org:nato"]), vec!["a3"]);
    assert_eq!(ids(&env, &["place: kursk -org: nato"]), vec!["a3"]);
    assert_eq!(ids(&env, &["org:(nato OR zürich)"]), vec!["a2"]);
    // Other names: events, nationalities, laws, works.
    assert_eq!(ids(&env, &["--other", "harbour cup"]), vec!["a4"]);
    assert_eq!(ids(&env, &["other:\"Harbour Cup\""]), vec!["a4"]);
    assert!(
        ids(&env, &["--place", "Harbour Cup"]).is_empty(),
        "kind is checked"
    );
    assert_eq!(ids(&env, &["entity:(nato OR zürich)"]), vec!["a1", "a2"]);
    // An entity field adds no passage to those the words match.
    let hits = env.search_json(&["prices", "place:kursk", "--passages"]);
    let passages: Vec<(&str, u64)> = hits
        .iter()
        .map(|h| {
            (
                h["article_id"].as_str().unwrap(),
                h["passage"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut passages = passages;
    passages.sort();
    assert_eq!(passages, [("a2", 1), ("a3", 0)]);
}

#[test]
fn a_web_domain_as_source_takes_in_its_subdomains() {
    let env = TestEnv::new();
    let article = |id: &str, source: &str| {
        // Each its own story: copies of one would be listed under the first.
        json!({"id": id, "source": source, "title": format!("Port strike {id}"),
               "body": format!("Dockers walked out, {id} said.")})
    };
    env.index_records(
        "feed.jsonl",
        &[
            article("main", "nytimes.com"),
            article("mobile", "mobile.nytimes.com"),
            article("other", "notnytimes.com"),
            article("wire", "Times Wire"),
            article("co-uk", "news.example.co.uk"),
        ],
    );
    assert_eq!(
        ids(&env, &["--source", "nytimes.com"]),
        vec!["main", "mobile"]
    );
    assert_eq!(
        ids(&env, &["source:NYTimes.com strike"]),
        vec!["main", "mobile"]
    );
    assert_eq!(
        ids(&env, &["--source", "mobile.nytimes.com"]),
        vec!["mobile"]
    );
    assert_eq!(ids(&env, &["--source", "example.co.uk"]), vec!["co-uk"]);
    // A name that is no domain matches only itself.
    assert!(ids(&env, &["--source", "wire"]).is_empty());
    assert!(ids(&env, &["--source", "com"]).is_empty());
}

#[test]
fn source_and_date_filters_are_inclusive_days() {
    let env = corpus();
    assert_eq!(ids(&env, &["--source", "harbour herald"]), vec!["a1"]);
    assert_eq!(
        ids(
            &env,
            &["--source", "Sample Wire", "--source", "Harbour Herald"]
        ),
        vec!["a1", "a4"]
    );
    assert_eq!(ids(&env, &["--since", "2024-11-01"]), vec!["a3"]);
    assert_eq!(ids(&env, &["--until", "2024-10-31"]), vec!["a1", "a2"]);
    assert_eq!(
        ids(&env, &["--since", "2024-10", "--until", "2024-10"]),
        vec!["a1", "a2"]
    );
    assert_eq!(
        ids(
            &env,
            &["prices", "--since", "2024-10-04", "--until", "2024-11-01"]
        ),
        vec!["a2", "a3"]
    );
}

#[test]
fn a_date_field_in_the_query_chooses_what_the_date_filters_choose() {
    let env = corpus();
    // a2 is dated 2024-10-31 at 23:30: its day is October's last.
    for (query, options) in [
        (
            "date:2024-10",
            &["--since", "2024-10", "--until", "2024-10"][..],
        ),
        (
            "prices date:2024-10-04..",
            &["prices", "--since", "2024-10-04"],
        ),
    ] {
        assert_eq!(ids(&env, &[query]), ids(&env, options), "{query}");
    }
    assert_eq!(ids(&env, &["date:2024-10"]), vec!["a1", "a2"]);
    assert_eq!(ids(&env, &["date:2024-11.."]), vec!["a3"]);
    assert_eq!(ids(&env, &["prices -date:..2024-10"]), vec!["a3"]);
    // Either of two days; an undated article is in no span of days.
    assert_eq!(
        ids(&env, &["date:(2024-10-03 OR 2024-11-01)"]),
        vec!["a1", "a3"]
    );
    assert_eq!(ids(&env, &["harbour -date:2024"]), vec!["a4"]);
}

#[test]
fn sort_by_date_limit_offset_and_every_passage() {
    let env = corpus();
    let order: Vec<String> = env
        .search_json(&["--sort", "date"])
        .iter()
        .map(|h| h["article_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        order,
        vec!["a3", "a2", "a1", "a4"],
        "newest first, undated last"
    );
    // With no word to score, every hit scores 0, and newest first is the
    // default: for no query, filters alone, or entity fields alone.
    let listed = |args: &[&str]| -> Vec<String> {
        (env.search_json(args).iter())
            .map(|h| h["article_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(listed(&[]), order);
    assert_eq!(listed(&["--place", "kursk"]), ["a3", "a2"]);
    assert_eq!(listed(&["place:kursk -title:refinery"]), ["a2"]);
    assert_eq!(listed(&["place:kursk -text:nothing"]), ["a3", "a2"]);
    for args in [
        &[][..],
        &["--place", "kursk"],
        &["place:kursk"],
        &["--", "-oil"],
    ] {
        let scores: Vec<f64> = (env.search_json(args).iter())
            .map(|h| h["score"].as_f64().unwrap())
            .collect();
        assert!(scores.iter().all(|&s| s == 0.0), "{args:?}: {scores:?}");
    }
    assert_ne!(listed(&["--sort", "score"]), order, "ties by article key");
    let page = env.search_json(&["--sort", "date", "--limit", "2", "--offset", "1"]);
    let page: Vec<(u64, &str)> = page
        .iter()
        .map(|h| {
            (
                h["rank"].as_u64().unwrap(),
                h["article_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(page, vec![(2, "a2"), (3, "a1")]);
    let past = env.run(["search", "--offset", "9"]).expect_code(0).stdout;
    assert_eq!(past, "none on this page of 4 matching\n");
    let passages = env.search_json(&["--passages", "oil OR prices", "--source", "Valley Courier"]);
    let second = passages
        .iter()
        .find(|h| h["passage"] == 1)
        .expect("a2's second passage");
    let start = P1_OIL.len() as u64 + 2;
    assert_eq!(
        second["passage_range"],
        json!([start, start + P2_PRICES.len() as u64])
    );
    let mut seen: Vec<(String, u64)> = passages
        .iter()
        .map(|h| {
            (
                h["article_id"].as_str().unwrap().to_string(),
                h["passage"].as_u64().unwrap(),
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![("a2".into(), 0), ("a2".into(), 1), ("a3".into(), 0)]
    );
}

#[test]
fn a_word_with_a_tilde_finds_its_other_spellings_the_nearest_and_commonest_first() {
    let env = TestEnv::new();
    let article = |id: &str, body: &str| {
        let person = match id {
            "z1" => "Volodymyr Zelensky",
            "z4" => "Volodymyr Zelenskyy",
            _ => "Kofi Mensah",
        };
        json!({"id": id, "source": "Wire", "title": format!("Report {id}"), "body": body,
               "entities": [{"kind": "person", "name": person}]})
    };
    env.index_records(
        "feed.jsonl",
        &[
            // Texts of one length: only the spellings rank them.
            article("z1", "Zelensky met the troops near Kharkiv."),
            article("z2", "Zelensky addressed the parliament in Kyiv."),
            // Rarer spellings, which BM25 alone would rank first.
            article("z3", "Zelenskiy visited the front line today."),
            article("z4", "Zelenskyy spoke to the nation tonight."),
            // Two spellings in one text count as the better one, not as two.
            article("z6", "Zelenskiy or Zelenskyy, the papers wrote."),
            article("z5", "The harbour reopened on Monday."),
        ],
    );
    let hits = |query: &str| env.search_json(&[query]);
    let found = |query: &str| {
        let mut ids: Vec<String> = (hits(query).iter())
            .map(|h| h["article_id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    // The analyzer's term is "zelenski"; "zelenskiy" is one edit from it,
    // "zelenskyy" two, and eight letters allow two.
    assert_eq!(found("zelensky"), vec!["z1", "z2"]);
    assert_eq!(found("zelensky~"), vec!["z1", "z2", "z3", "z4", "z6"]);
    assert_eq!(found("zelensky~1"), vec!["z1", "z2", "z3", "z6"]);
    assert_eq!(found("zelensky~1 -kyiv"), vec!["z1", "z3", "z6"]);
    // Punctuation with a tilde is no word, as punctuation alone is none.
    assert_eq!(found("zelensky ~~~"), vec!["z1", "z2"]);
    assert_eq!(found("title:zelensky~"), Vec::<String>::new());
    // An entity field takes other spellings of a name too.
    assert_eq!(found("person:zelensky"), vec!["z1"]);
    assert_eq!(found("person:zelensky~"), vec!["z1", "z4"]);
    assert_eq!(found("person:zelensky~ -zelensky"), vec!["z4"]);
    assert_eq!(found("person:\"volodymyr zelensky\"~"), vec!["z1", "z4"]);
    assert_eq!(found("person:\"volodymyr zelenskiy\"~1"), vec!["z1", "z4"]);
    assert_eq!(found("entity:\"volodymyr zelenskyy\""), vec!["z4"]);
    assert_eq!(found("org:zelensky~"), Vec::<String>::new());
    let ranked = hits("zelensky~");
    let mut order: Vec<&str> = (ranked.iter())
        .map(|h| h["article_id"].as_str().unwrap())
        .collect();
    // The spelling asked for, then one edit from it, then two.
    order[..2].sort();
    order[2..4].sort();
    assert_eq!(order, ["z1", "z2", "z3", "z6", "z4"]);
    // Each hit highlights the spellings it holds.
    let z6 = &ranked.iter().find(|h| h["article_id"] == "z6").unwrap()["snippet"];
    assert_eq!(z6["highlights"], json!([[0, 9], [13, 22]]));
    let z4 = &ranked[4]["snippet"];
    assert_eq!(z4["highlights"], json!([[0, 9]]));
    assert_eq!(&z4["text"].as_str().unwrap()[0..9], "Zelenskyy");
    // A query that matches nothing says which words no article holds.
    let run = env.run(["search", "zelenskyi", "troops"]).expect_code(0);
    assert_eq!(
        run.stdout,
        "no matches\n\"zelenskyi\" is in no article; zelenskyi~ matches 3 other spellings\n"
    );
    let run = env.run(["entities", "zelenskyi"]).expect_code(0);
    assert!(
        run.stdout
            .ends_with("\"zelenskyi\" is in no article; zelenskyi~ matches 3 other spellings\n"),
        "{}",
        run.stdout
    );
    let run = env.run(["search", "xqzzy NOT zelenskyi"]).expect_code(0);
    assert_eq!(run.stdout, "no matches\n\"xqzzy\" is in no article\n");
}

#[test]
fn phrase_highlights_only_where_the_phrase_stands() {
    let env = corpus();
    let hits = env.search_json(&["\"oil prices\""]);
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0]["snippet"],
        json!({"text": "Oil output rose while prices fell, and oil prices later recovered.", "highlights": [[39, 49]]})
    );
}

#[test]
fn stemmed_variants_are_highlighted_with_byte_ranges() {
    let env = corpus();
    let hits = env.search_json(&["price", "--source", "harbour herald"]);
    let snippet = &hits[0]["snippet"];
    assert_eq!(snippet["highlights"], json!([[36, 42]]));
    assert_eq!(&snippet["text"].as_str().unwrap()[36..42], "prices");
}

#[test]
fn titles_highlight_the_words_of_the_title_and_default_fields() {
    let env = corpus();
    let highlights = |query: &str| {
        let hit = &env.search_json(&[query])[0];
        (
            hit["title_highlights"].clone(),
            hit["snippet"]["highlights"].clone(),
        )
    };
    // "Crude market report": the title and the passage both say "crude".
    let (title, snippet) = highlights("crude");
    assert_eq!(title, json!([[0, 5]]));
    assert_eq!(snippet, json!([[0, 5]]));
    // A field keeps its matches to its own part of the hit.
    let (title, snippet) = highlights("title:crude");
    assert_eq!((title, snippet), (json!([[0, 5]]), json!([])));
    let (title, snippet) = highlights("text:crude");
    assert_eq!((title, snippet), (json!([]), json!([[0, 5]])));
}

#[test]
fn json_hits_have_the_documented_shape() {
    let env = corpus();
    let hit = &env.search_json(&["zurich"])[0];
    let mut keys: Vec<&str> = hit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "article_id",
            "copies",
            "date",
            "entities",
            "passage",
            "passage_range",
            "rank",
            "score",
            "snippet",
            "source",
            "title",
            "title_highlights",
            "url"
        ]
    );
    assert_eq!(hit["date"], "2024-10-03T00:00:00Z");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert_eq!(
        hit["entities"],
        json!([
            {"kind": "person", "name": "Amara Okafor"},
            {"kind": "organisation", "name": "Central Bank"},
            {"kind": "location", "name": "Zürich"}
        ])
    );
    let undated = &env.search_json(&["football"])[0];
    assert_eq!(undated["date"], serde_json::Value::Null);
}

#[test]
fn a_story_run_again_under_another_headline_folds_under_the_first() {
    let env = TestEnv::new();
    // The same body of 50 words and more, wrapped differently, under two
    // headlines; and two short notices that read alike but are two stories.
    let body = format!("Two harbour cranes were sold to a buyer abroad.\n\n{P1_OIL}");
    let lines = [
        json!({"id": "first", "source": "Herald", "title": "Harbour sells its cranes",
               "body": body}),
        json!({"id": "again", "source": "Herald", "title": "Cranes sold abroad",
               "body": body.replace(' ', "\n")}),
        json!({"id": "notice-a", "source": "Wire", "title": "Acme sets dividend",
               "body": "Qtly div 18 cts vs 18 cts prior, cranes fund"}),
        json!({"id": "notice-b", "source": "Wire", "title": "Bolt sets dividend",
               "body": "Qtly div 18 cts vs 18 cts prior, cranes fund"}),
    ];
    env.index_records("feed.jsonl", &lines);
    let hits = env.search_json(&["cranes"]);
    let ids = |hits: &[serde_json::Value]| -> Vec<String> {
        let mut ids: Vec<String> = (hits.iter())
            .map(|hit| hit["article_id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(hits.len(), 3, "{hits:?}");
    let story = (hits.iter())
        .find(|hit| hit["copies"] != json!([]))
        .expect("a story with a copy");
    let copy = &story["copies"][0];
    let pair = [&story["article_id"], &copy["article_id"]];
    assert!(pair.contains(&&json!("first")) && pair.contains(&&json!("again")));
    assert_ne!(copy["title"], story["title"]);
    assert_eq!(ids(&env.search_json(&["cranes", "--copies"])).len(), 4);
    assert!(ids(&hits).contains(&"notice-a".to_string()));
    assert!(ids(&hits).contains(&"notice-b".to_string()));
    // On a terminal, a copy under another headline shows it.
    let text = env.run(["search", "cranes"]).expect_code(0).stdout;
    let title = copy["title"].as_str().unwrap();
    assert!(
        text.contains(&format!("copies: Herald undated \"{title}\"")),
        "{text}"
    );
}

#[test]
fn a_story_a_source_sends_again_on_the_same_day_under_its_title_folds_under_the_first() {
    let env = TestEnv::new();
    let sent = |id: &str, source: &str, date: Option<&str>, body: &str| {
        json!({"id": id, "source": source, "date": date, "title": "Opec wants 18 dlr price",
               "body": body})
    };
    let short = "Opec believes oil should sell at 18 dlrs, an official said.";
    let long = "Opec believes oil should sell at 18 dlrs, an official said today. \
                He spoke at a seminar in Luxembourg.";
    let lines = [
        sent("short", "Wire", Some("2024-10-03T09:00:00Z"), short),
        sent("long", "Wire", Some("2024-10-03T16:30:00Z"), long),
        sent(
            "next-day",
            "Wire",
            Some("2024-10-04T09:00:00Z"),
            "Opec met again.",
        ),
        sent(
            "courier",
            "Courier",
            Some("2024-10-03T10:00:00Z"),
            "Opec set a price.",
        ),
        sent("undated-a", "Wire", None, "Opec quotas held."),
        sent("undated-b", "Wire", None, "Opec output fell."),
    ];
    env.index_records("feed.jsonl", &lines);
    let hits = env.search_json(&["opec"]);
    assert_eq!(hits.len(), 5, "{hits:?}");
    let folded: Vec<[&str; 2]> = (hits.iter())
        .filter(|hit| hit["copies"] != json!([]))
        .map(|hit| {
            let copy = hit["copies"][0]["article_id"].as_str().unwrap();
            [hit["article_id"].as_str().unwrap(), copy]
        })
        .collect();
    assert_eq!(folded.len(), 1, "{hits:?}");
    let mut pair = folded[0];
    pair.sort();
    assert_eq!(pair, ["long", "short"]);
    let counts = &env
        .run(["entities", "opec", "--json"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(
        (&counts["articles"], &counts["copies"]),
        (&json!(6), &json!(1))
    );
}

#[test]
fn copies_of_a_story_fold_under_the_first_unless_asked_for() {
    let env = TestEnv::new();
    let story = |id: &str, source: &str, date: &str| {
        json!({"id": id, "source": source, "date": date, "title": "Harbour cranes sold",
               "body": format!("Two harbour cranes were sold to a buyer abroad.\n\n{P1_OIL}")})
    };
    let lines = [
        story("wire-1", "Wire", "2024-10-03"),
        story("site-1", "Harbour Herald", "2024-10-04"),
        json!({"id": "other", "source": "Wire", "date": "2024-10-05", "title": "Harbour cranes idle",
               "body": "Harbour cranes stood idle all week."}),
        story("site-2", "Valley Courier", "2024-10-05"),
    ];
    env.index_records("feed.jsonl", &lines);
    let hits = env.search_json(&["harbour", "cranes"]);
    assert_eq!(hits.len(), 2, "{hits:?}");
    let (story, other) = match hits[0]["article_id"] == "other" {
        true => (&hits[1], &hits[0]),
        false => (&hits[0], &hits[1]),
    };
    assert_eq!(
        story["rank"].as_u64().unwrap() + other["rank"].as_u64().unwrap(),
        3
    );
    assert_eq!(other["copies"], json!([]));
    let mut ids: Vec<&str> = std::iter::once(&story["article_id"])
        .chain(
            story["copies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| &c["article_id"]),
        )
        .map(|id| id.as_str().unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["site-1", "site-2", "wire-1"]);
    let copy = &story["copies"][0];
    assert!(
        copy["source"].is_string() && copy["date"].is_string(),
        "{copy}"
    );
    // Paging counts stories.
    let second = env.search_json(&["harbour", "cranes", "--offset", "1"]);
    assert_eq!(second.len(), 1);
    assert_eq!(second[0]["article_id"], hits[1]["article_id"]);
    // Every copy on its own.
    let all = env.search_json(&["harbour", "cranes", "--copies"]);
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|hit| hit["copies"] == json!([])));
    // A page of one story still finds every copy, past the hits it fetches.
    let top = env.search_json(&["cranes", "sold", "--limit", "1"]);
    assert_eq!(top[0]["copies"].as_array().unwrap().len(), 2, "{top:?}");
    // Text output names the copies under the story.
    let text = env
        .run(["search", "harbour", "cranes"])
        .expect_code(0)
        .stdout;
    assert!(text.contains("     copies: "), "{text}");
    assert!(text.contains("1–2 of 4 matching"), "{text}");
}

#[test]
fn hits_that_score_alike_come_in_the_same_order_however_they_were_indexed() {
    // Three copies of one story and two other stories, all in Kursk.
    let record = |id: &str| match id {
        "x" | "y" => json!({"id": id, "source": "Wire", "title": format!("Port {id} closed"),
            "body": "Ships left the port.", "entities": [{"kind": "location", "name": "Kursk"}]}),
        _ => json!({"id": id, "source": "Wire", "title": "Harbour cranes sold",
            "body": "Two harbour cranes were sold to a buyer abroad.",
            "entities": [{"kind": "location", "name": "Kursk"}]}),
    };
    let listed = |order: [&str; 5]| {
        let env = TestEnv::new();
        // One run each: every article in a segment of its own, in this order.
        for (i, id) in order.iter().enumerate() {
            env.index_records(&format!("{i}.jsonl"), &[record(id)]);
        }
        let article_ids = |hits: &[serde_json::Value]| -> Vec<String> {
            (hits.iter())
                .map(|h| h["article_id"].as_str().unwrap().to_string())
                .collect()
        };
        // A search by filters only: every hit scores 0.
        let filtered = article_ids(&env.search_json(&["--place", "kursk", "--copies"]));
        let story = &env.search_json(&["harbour", "cranes"])[0];
        let mut copies = article_ids(story["copies"].as_array().unwrap());
        copies.sort();
        (filtered, story["article_id"].clone(), copies)
    };
    let forwards = listed(["a", "b", "c", "x", "y"]);
    assert_eq!(forwards.0.len(), 5, "{forwards:?}");
    assert_eq!(forwards.2.len(), 2, "{forwards:?}");
    assert_eq!(forwards, listed(["y", "x", "c", "b", "a"]));
    assert_eq!(forwards, listed(["c", "y", "a", "x", "b"]));
}

#[test]
fn show_prints_a_hit_article_in_full() {
    let env = corpus();
    let id = env.search_json(&["heating", "fuel"])[0]["article_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(id, "a2");
    let view = &env
        .run(["show", "a2", "--json"])
        .expect_code(0)
        .json_lines()[0];
    assert_eq!(view["title"], "Crude market report");
    assert_eq!(view["source"], "Valley Courier");
    assert_eq!(view["date"], "2024-10-31T23:30:00Z");
    let texts: Vec<&str> = (view["passages"].as_array().unwrap().iter())
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, [P1_OIL, P2_PRICES]);
    assert_eq!(
        view["entities"],
        json!([{"kind": "organisation", "name": "NATO"}, {"kind": "location", "name": "Kursk"}])
    );
    let text = env.run(["show", "a2"]).expect_code(0).stdout;
    assert_eq!(
        text,
        format!(
            "Crude market report\nValley Courier · 2024-10-31\n\
             organisation: NATO · location: Kursk\n\n{P1_OIL}\n\n{P2_PRICES}\n"
        )
    );
    let missing = env.run(["show", "a9"]).expect_code(1);
    assert!(
        missing.stderr.contains("no article with id \"a9\""),
        "{}",
        missing.stderr
    );
}

#[test]
fn query_errors_exit_2_with_a_message() {
    let env = corpus();
    for (args, message) in [
        (
            vec!["search", "\"unclosed"],
            "query error at column 1: unclosed '\"'",
        ),
        (
            vec!["search", "oil OR"],
            "query error at column 7: expected a word, phrase or '('",
        ),
        (vec!["search", "author:smith"], "unknown field 'author'"),
        (
            vec!["search", "oil date:October"],
            "query error at column 10: date: cannot read \"October\"",
        ),
        (
            vec!["search", "oil person:"],
            "query error at column 5: a field needs a word, phrase or group after ':'",
        ),
        (vec!["search", "(oil"], "unclosed '('"),
        (
            vec!["search", "--since", "March"],
            "--since: cannot read date \"March\"",
        ),
        (vec!["entities", "oil)"], "unmatched ')'"),
        (
            vec!["search", "oil~3"],
            "query error at column 4: a word takes at most 2 edits ('~2')",
        ),
        (
            vec!["search", "oil source:reuters~"],
            "query error at column 12: '~' finds other spellings of words and names, not of sources",
        ),
        (
            vec!["search", "U.S.~1"],
            "query error: 'U.S.~' is not one word to the index but 2: '~' takes a single word",
        ),
    ] {
        let run = env.run(&args).expect_code(2);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn text_output_marks_highlights_plainly_on_a_pipe_and_in_colour_on_request() {
    let env = corpus();
    let plain = env
        .run(["search", "refinery OR recovered"])
        .expect_code(0)
        .stdout;
    assert!(plain.contains("  1. **Refinery** notes\n"), "{plain}");
    assert!(
        plain.contains("Valley Courier · 2024-11-01 · passage 0 · score"),
        "{plain}"
    );
    assert!(plain.contains("oil prices later **recovered**."), "{plain}");
    assert!(plain.contains("location: Kursk"), "{plain}");
    assert!(plain.contains("1–1 of 1 matching"), "{plain}");
    assert!(!plain.contains('\x1b'));
    let colour = env
        .run(["search", "recovered", "--color", "always"])
        .expect_code(0)
        .stdout;
    assert!(
        colour.contains("\x1b[1m\x1b[33mrecovered\x1b[0m"),
        "{colour:?}"
    );
    let none = env
        .run(["search", "nothing-like-this"])
        .expect_code(0)
        .stdout;
    assert_eq!(none, "no matches\n");
}

#[test]
fn the_top_of_many_articles_is_the_best_by_score_and_the_newest_by_date() {
    // 400 articles of 30 words each: the five with the most "ping"s sit apart
    // in the feed, so each segment meets many weaker ones after them.
    let top = [(37, 25), (111, 24), (222, 23), (300, 22), (399, 21)];
    let records: Vec<serde_json::Value> = (0..400)
        .map(|i: usize| {
            let pings = top
                .iter()
                .find(|&&(at, _)| at == i)
                .map_or(1 + i % 20, |&(_, pings)| pings);
            let mut words = vec!["ping"; pings];
            words.resize(29, "filler");
            words.push("code");
            let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                + chrono::Days::new((i * 37 % 400) as u64);
            json!({"id": format!("n{i:03}"), "source": "Wire", "date": day.to_string(),
                   "title": format!("Note {i}"), "body": format!("{} n{i:03}", words.join(" "))})
        })
        .collect();
    let env = TestEnv::new();
    env.index_records("feed.jsonl", &records);
    let listed = |args: &[&str]| -> Vec<String> {
        (env.search_json(args).iter())
            .map(|h| h["article_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        listed(&["ping", "--limit", "5"]),
        ["n037", "n111", "n222", "n300", "n399"]
    );
    // Newest first: the articles whose i * 37 % 400 is largest.
    let mut by_date: Vec<usize> = (0..400).collect();
    by_date.sort_by_key(|&i| std::cmp::Reverse(i * 37 % 400));
    let newest: Vec<String> = by_date[..5].iter().map(|i| format!("n{i:03}")).collect();
    assert_eq!(listed(&["ping", "--sort", "date", "--limit", "5"]), newest);
    assert_eq!(listed(&["--source", "wire", "--limit", "5"]), newest);
    let run = env.run(["search", "ping", "--limit", "5"]).expect_code(0);
    assert!(
        run.stdout.ends_with("1–5 of 400 matching\n"),
        "{}",
        run.stdout
    );
}

/// One article of three passages: the first is most about troops, the second
/// names Kursk beside them, the third names Kursk and, by her surname, the
/// person the first names in full.
fn troops_article() -> TestEnv {
    let paragraphs = [
        "Ingrid Halvorsen, who commands the northern brigade, said the troops had spent the winter \
         training on open ground, and that more troops would join them in spring once the new \
         barracks were finished, the roads repaired and the supply depots along the river filled \
         again for the coming months.",
        "Officers said the troops crossing the border near Kursk had met little resistance during \
         the first days, although the weather slowed the columns and several bridges had to be \
         rebuilt by engineers before the heavier vehicles could follow them towards the villages \
         further east.",
        "Halvorsen added that talks over the region around Kursk would resume next month, when \
         envoys from both capitals are expected to meet at a neutral venue to agree a timetable \
         for exchanges of prisoners and the return of people displaced by the fighting there.",
    ];
    let env = TestEnv::new();
    let record = json!({"id": "t1", "source": "Border Post", "date": "2024-10-20",
        "title": "Brigade report from Kursk", "body": paragraphs.join("\n\n"),
        "entities": [{"kind": "person", "name": "Ingrid Halvorsen"}, {"kind": "location", "name": "Kursk"}]});
    env.index_records("feed.jsonl", &[record]);
    env
}

/// The passage of the first hit, and the text of each of its highlights.
fn first_passage(env: &TestEnv, args: &[&str]) -> (u64, Vec<String>) {
    let hit = &env.search_json(args)[0];
    let text = hit["snippet"]["text"].as_str().unwrap();
    let highlights = (hit["snippet"]["highlights"].as_array().unwrap().iter())
        .map(|range| {
            let [start, end] = [0, 1].map(|i| range[i].as_u64().unwrap() as usize);
            text[start..end].to_string()
        })
        .collect();
    (hit["passage"].as_u64().unwrap(), highlights)
}

#[test]
fn a_passage_that_names_the_entity_asked_for_ranks_first_and_highlights_it() {
    let env = troops_article();
    let passages = |args: &[&str]| -> Vec<u64> {
        let mut passages: Vec<u64> = (env.search_json(args).iter())
            .map(|h| h["passage"].as_u64().unwrap())
            .collect();
        passages.sort();
        passages
    };
    assert_eq!(passages(&["troops", "--passages"]), [0, 1]);
    // The words alone rank the passage most about troops first.
    assert_eq!(first_passage(&env, &["troops"]).0, 0);
    // With Kursk asked for, the passage that names it beside them.
    let kursk = (1, vec!["troops".to_string(), "Kursk".to_string()]);
    assert_eq!(first_passage(&env, &["troops", "--place", "Kursk"]), kursk);
    assert_eq!(first_passage(&env, &["troops place:kursk"]), kursk);
    assert_eq!(first_passage(&env, &["troops", "--entity", "KURSK"]), kursk);
    // The title names it too.
    let title = |args: &[&str]| env.search_json(args)[0]["title_highlights"].clone();
    assert_eq!(title(&["troops", "--place", "Kursk"]), json!([[20, 25]]));
    assert_eq!(title(&["troops"]), json!([]));
    // Naming it matches no passage that the words do not.
    assert_eq!(
        passages(&["troops", "--place", "Kursk", "--passages"]),
        [0, 1]
    );
    // Filters alone show a passage that names the entity: a person by the
    // name asked for or, as articles write a person after naming them in
    // full, by the surname alone.
    let halvorsen = |args: &[&str]| {
        let (passage, highlights) = first_passage(&env, args);
        (passage, highlights.join(" "))
    };
    assert_ne!(first_passage(&env, &["--place", "Kursk"]).0, 0);
    let (passage, names) = halvorsen(&["--person", "Ingrid Halvorsen"]);
    assert!(
        passage != 1 && names.contains("Halvorsen"),
        "{passage}: {names}"
    );
    assert_eq!(
        halvorsen(&["--person", "Ingrid Halvorsen", "--place", "Kursk"]),
        (2, "Halvorsen Kursk".to_string())
    );
    assert_eq!(
        halvorsen(&["person:halvorsen place:kursk"]),
        (2, "Halvorsen Kursk".to_string())
    );
    // A fuzzy name is named by the names it reached.
    let (passage, names) = halvorsen(&["person:halvorson~"]);
    assert!(
        passage != 1 && names.contains("Halvorsen"),
        "{passage}: {names}"
    );
    // Excluded names are not looked for.
    assert_eq!(
        first_passage(&env, &["troops -person:\"Kofi Mensah\""]).0,
        0
    );
}

#[test]
fn an_organisation_asked_for_by_its_acronym_is_named_by_its_full_name_too() {
    let orgs = |id: &str, names: &[&str], body: &str| {
        let entities: Vec<_> = (names.iter())
            .map(|name| json!({"kind": "organisation", "name": name}))
            .collect();
        json!({"id": id, "source": "Wire", "title": format!("Story {id}"), "body": body,
               "entities": entities})
    };
    let body = [
        "Shares of the carmakers fell sharply on Tuesday after sales figures for the autumn \
         months came in below what analysts had expected, and dealers said that stocks of \
         unsold cars were building up again in showrooms across the country for a third month.",
        "General Motors said its shares would recover once the new models reached the dealers \
         next spring, and that it had no plans to cut output at its plants in the meantime, \
         although the unions asked for talks on the shift patterns of the coming year.",
    ]
    .join("\n\n");
    let env = TestEnv::new();
    // Two articles spell GM out, so GM stands for General Motors.
    env.index_records(
        "feed.jsonl",
        &[
            orgs("g1", &["General Motors", "GM"], "Markets were calm."),
            orgs("g2", &["General Motors", "GM"], "Markets were calm."),
            orgs("g3", &["GM"], &body),
        ],
    );
    let (passage, highlights) = first_passage(&env, &["shares", "--org", "GM"]);
    assert_eq!(passage, 1);
    assert!(
        highlights.contains(&"General Motors".to_string()),
        "{highlights:?}"
    );
    assert_eq!(first_passage(&env, &["shares"]).0, 0);
}
