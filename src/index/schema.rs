//! The schema: one tantivy document per passage, carrying its article's fields.
//!
//! Every passage repeats the article's id, source, date, title and url so that
//! filters and title matches apply to passages directly. Entity names are one
//! field per kind, stored and fast in their original spelling for display and
//! counts, and entity aliases are one indexed field for filters; both are on the
//! article's first passage only (see `document::build_documents` and
//! `query::articles`).

use crate::article::EntityKind;
use chrono::{DateTime, Utc};
use tantivy::columnar::Column;
use tantivy::index::SegmentReader;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocId, Index};

/// Analyzer of titles and passage text: words, lower case, ASCII folding, English stems.
pub const PROSE_TOKENIZER: &str = "dateline_en";
/// Analyzer of sources, categories and entities: the whole value, folded.
pub const KEYWORD_TOKENIZER: &str = "dateline_keyword";

/// Bumped whenever the schema or an analyzer changes what is stored or matched.
pub const FORMAT_VERSION: u32 = 12;

/// Handles of every field, resolved once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Article id, untokenized: the term re-indexing deletes by.
    pub id: Field,
    /// 64-bit hash of the id, fast: groups passages by article.
    pub article_key: Field,
    /// 64-bit hash of the title and the passage text, fast: passages alike in
    /// both are copies of one story ([`story_key`]).
    pub story_key: Field,
    /// 64-bit hash of the article body's opening words, fast, on the lead
    /// passage: articles alike in them are copies of one story under other
    /// titles ([`lead_key`]).
    pub lead_key: Field,
    /// 64-bit hash of the article's source, title and day, fast, on the lead
    /// passage: articles alike in them are copies of one story, sent again
    /// ([`day_title_key`]).
    pub day_title_key: Field,
    pub source: Field,
    pub date: Field,
    pub title: Field,
    pub text: Field,
    pub ordinal: Field,
    /// Byte offsets of the passage in the article body.
    pub start: Field,
    pub end: Field,
    pub url: Field,
    pub category: Field,
    pub person: Field,
    pub organisation: Field,
    pub location: Field,
    pub other: Field,
    /// Every name of every entity, as `kind:name`, for filters (indexed only).
    pub alias: Field,
}

impl Fields {
    pub fn entity(&self, kind: EntityKind) -> Field {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Organisation => self.organisation,
            EntityKind::Location => self.location,
            EntityKind::Other => self.other,
        }
    }

    /// Field names in the schema, for fast-field readers.
    pub fn entity_name(kind: EntityKind) -> &'static str {
        kind.as_str()
    }

    pub const SOURCE: &'static str = "source";
    pub const DATE: &'static str = "date";
    pub const ARTICLE_KEY: &'static str = "article_key";
    pub const STORY_KEY: &'static str = "story_key";
    pub const LEAD_KEY: &'static str = "lead_key";
    pub const DAY_TITLE_KEY: &'static str = "day_title_key";
    pub const ORDINAL: &'static str = "ordinal";

    /// Resolves the fields of a schema built by [`build_schema`].
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            article_key: f(Self::ARTICLE_KEY)?,
            story_key: f(Self::STORY_KEY)?,
            lead_key: f(Self::LEAD_KEY)?,
            day_title_key: f(Self::DAY_TITLE_KEY)?,
            source: f(Self::SOURCE)?,
            date: f(Self::DATE)?,
            title: f("title")?,
            text: f("text")?,
            ordinal: f(Self::ORDINAL)?,
            start: f("start")?,
            end: f("end")?,
            url: f("url")?,
            category: f("category")?,
            person: f(Self::entity_name(EntityKind::Person))?,
            organisation: f(Self::entity_name(EntityKind::Organisation))?,
            location: f(Self::entity_name(EntityKind::Location))?,
            other: f(Self::entity_name(EntityKind::Other))?,
            alias: f("alias")?,
        })
    }
}

pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let prose = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(PROSE_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let keyword = TextOptions::default()
        .set_stored()
        .set_fast("raw")
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_TOKENIZER)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
    let offset = NumericOptions::default().set_stored();
    builder.add_text_field("id", STRING | STORED);
    builder.add_u64_field(Fields::ARTICLE_KEY, FAST);
    builder.add_u64_field(Fields::STORY_KEY, FAST);
    builder.add_u64_field(Fields::LEAD_KEY, FAST);
    builder.add_u64_field(Fields::DAY_TITLE_KEY, FAST);
    builder.add_text_field(Fields::SOURCE, keyword.clone());
    builder.add_date_field(
        Fields::DATE,
        DateOptions::from(INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds),
    );
    builder.add_text_field("title", prose.clone());
    builder.add_text_field("text", prose);
    builder.add_u64_field(Fields::ORDINAL, INDEXED | STORED | FAST);
    builder.add_u64_field("start", offset.clone());
    builder.add_u64_field("end", offset);
    builder.add_text_field("url", STORED);
    builder.add_text_field("category", keyword.clone());
    // Entities are shown and counted, never searched: filters go through `alias`.
    let entity = TextOptions::default().set_stored().set_fast("raw");
    for kind in EntityKind::ALL {
        builder.add_text_field(Fields::entity_name(kind), entity.clone());
    }
    builder.add_text_field(
        "alias",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(KEYWORD_TOKENIZER)
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        ),
    );
    builder.build()
}

/// Registers our analyzers; they are not persisted, so every open needs this.
pub fn register_tokenizers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(PROSE_TOKENIZER, prose_analyzer());
    tokenizers.register(KEYWORD_TOKENIZER, crate::fold::analyzer());
}

/// The prose analyzer, also used by the snippet layer to find matches.
pub fn prose_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(super::prose::ProseTokenizer::default())
}

/// The single term a keyword field holds for `text`, through the keyword
/// analyzer.
pub fn keyword_term(keyword: &mut TextAnalyzer, text: &str) -> String {
    let mut term = String::new();
    keyword
        .token_stream(text.trim())
        .process(&mut |token| term.push_str(&token.text));
    term
}

/// The value an entity name is indexed under in the alias field.
pub fn alias_value(kind: EntityKind, name: &str) -> String {
    format!("{}:{name}", kind.as_str())
}

/// The key of a passage's story: articles whose passages share title and text
/// are copies of one story (a wire story sent twice, or run by many sites).
pub fn story_key(title: &str, text: &str) -> u64 {
    use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};
    xxh3_64_with_seed(text.as_bytes(), xxh3_64(title.as_bytes()))
}

/// How many words open a story: fewer may be the same in two stories ("Qtly div
/// 18 cts vs 18 cts prior" opens many dividend notices of Reuters).
pub const LEAD_WORDS: usize = 50;

/// The key of an article's opening [`LEAD_WORDS`] words, however lines wrap
/// them (words part at ASCII white space), if the body has as many: articles
/// that open alike are copies of one story, whatever their titles (a site that
/// ran a story twice under two headlines, or a wire story sent again with a
/// corrected one).
pub fn lead_key(body: &str) -> Option<u64> {
    let mut words = (body.as_bytes().split(u8::is_ascii_whitespace)).filter(|w| !w.is_empty());
    // One hash of the words with single spaces: a hash per word cost 1.7
    // times the instructions.
    let mut opening = Vec::with_capacity(8 * LEAD_WORDS);
    for _ in 0..LEAD_WORDS {
        opening.extend_from_slice(words.next()?);
        opening.push(b' ');
    }
    Some(xxhash_rust::xxh3::xxh3_64(&opening))
}

/// How many words a title needs for [`day_title_key`].
pub const DAY_TITLE_WORDS: usize = 4;

/// The key of a dated article's source, title and day (UTC): a source that
/// runs one title twice on one day sent one story twice, longer, shorter or
/// corrected, though its opening words differ ("OPEC WANTS 18 DLR OIL PRICE -
/// OAPEC OFFICIAL", which Reuters sent at 149 words and at 422, the second
/// adding "today" to the first sentence). An undated article has none, and
/// neither has a title of fewer than [`DAY_TITLE_WORDS`] words, which may be
/// a site's name that heads every page, or a daily column's ("CBT CORN
/// SPREADS").
pub fn day_title_key(source: &str, title: &str, date: Option<DateTime<Utc>>) -> Option<u64> {
    use chrono::Datelike;
    use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};
    title.split_whitespace().nth(DAY_TITLE_WORDS - 1)?;
    let day = date?.date_naive().num_days_from_ce();
    let seed = xxh3_64_with_seed(title.as_bytes(), xxh3_64(source.as_bytes()));
    Some(xxh3_64_with_seed(&day.to_le_bytes(), seed))
}

/// One segment's fast columns of the keys that find copies of a story: the
/// passage's [`story_key`], and the lead passage's [`lead_key`] and
/// [`day_title_key`]. Search and counts fold copies by the same keys.
pub struct CopyKeys {
    story: Column<u64>,
    lead: Column<u64>,
    day_title: Column<u64>,
}

impl CopyKeys {
    pub fn open(segment: &SegmentReader) -> tantivy::Result<CopyKeys> {
        let fast = segment.fast_fields();
        Ok(CopyKeys {
            story: fast.u64(Fields::STORY_KEY)?,
            lead: fast.u64(Fields::LEAD_KEY)?,
            day_title: fast.u64(Fields::DAY_TITLE_KEY)?,
        })
    }

    /// The keys of `passage`, whose article's lead passage is `lead`: two
    /// articles that share any of them are copies of one story.
    pub fn of(&self, passage: DocId, lead: DocId) -> [Option<u64>; 3] {
        [
            self.story.first(passage),
            self.lead.first(lead),
            self.day_title.first(lead),
        ]
    }
}

/// The stable 64-bit key of an article id.
pub fn article_key(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    #[test]
    fn a_source_runs_one_story_under_one_title_on_one_day() {
        let at = |text: &str| Some(text.parse::<DateTime<Utc>>().unwrap());
        let key = day_title_key("Reuters", "OPEC WANTS 18 DLR", at("1987-03-17T09:00:00Z"));
        assert!(key.is_some());
        let later = day_title_key("Reuters", "OPEC WANTS 18 DLR", at("1987-03-17T23:59:00Z"));
        assert_eq!(later, key);
        for other in [
            day_title_key("Reuters", "OPEC WANTS 18 DLR", at("1987-03-18T00:00:00Z")),
            day_title_key("Reuters", "OPEC WANTS 19 DLR", at("1987-03-17T09:00:00Z")),
            day_title_key("AP", "OPEC WANTS 18 DLR", at("1987-03-17T09:00:00Z")),
        ] {
            assert_ne!(other, key);
        }
        assert_eq!(day_title_key("Reuters", "OPEC WANTS 18 DLR", None), None);
        let column = day_title_key("Reuters", "CBT CORN SPREADS", at("1987-03-17T09:00:00Z"));
        assert_eq!(column, None);
    }

    #[test]
    fn stories_open_alike_however_lines_wrap_them() {
        let body = "word ".repeat(LEAD_WORDS - 1);
        assert_eq!(lead_key(&body), None, "too short");
        let long = format!("{body}last and more");
        let key = lead_key(&long);
        assert!(key.is_some());
        assert_eq!(lead_key(&long.replace(' ', "\n  ")), key);
        assert_eq!(lead_key(&format!("{body}last then other words")), key);
        assert_ne!(lead_key(&format!("{body}first and more")), key);
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn prose_analyzer_stems_and_folds() {
        assert_eq!(
            tokens(&mut prose_analyzer(), "Prices in Zürich ROSE"),
            vec!["price", "in", "zurich", "rose"]
        );
    }

    #[test]
    fn fields_resolve_from_built_schema() {
        let schema = build_schema();
        let fields = Fields::from_schema(&schema).unwrap();
        assert_eq!(
            schema.get_field_name(fields.entity(EntityKind::Location)),
            "location"
        );
    }
}
