//! Dates in every form the supported corpora use, to UTC.
//!
//! Dates without a zone are taken as UTC; dates without a time as midnight.

use chrono::format::{Item, Parsed, StrftimeItems};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::sync::LazyLock;

/// Formats with a time of day and a zone, tried in order.
const ZONED: [&str; 2] = ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"];

/// Formats with a time of day, tried in order.
const DATE_TIMES: [&str; 13] = [
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y/%m/%d %H:%M:%S",
    // Reuters-21578: `26-FEB-1987 15:01:01.79`
    "%d-%b-%Y %H:%M:%S%.f",
    "%d-%b-%Y %H:%M:%S",
    "%d %B %Y %H:%M",
    "%d %B %Y %H:%M:%S",
    "%B %d, %Y %H:%M",
    "%B %d, %Y %I:%M %p",
    "%B %d %Y %H:%M",
    "%B %d %Y %I:%M %p",
];

/// Formats with a day only (`%B` also reads an abbreviated month, and `%b` a
/// full one).
const DAYS: [&str; 7] = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
];

/// Day-first with dots, as European sites write it: `03.10.2024`. Slashes are
/// left out: `10/03/2024` is the 3rd of October in the United States and the
/// 10th of March elsewhere.
const DOTTED_DAY: &str = "%d.%m.%Y";

/// The items of each list of formats, read once: reading a format string cost
/// more than trying it, and a Reuters date fits the eleventh format tried.
struct Formats {
    zoned: Vec<Vec<Item<'static>>>,
    date_times: Vec<Vec<Item<'static>>>,
    days: Vec<Vec<Item<'static>>>,
}

static FORMATS: LazyLock<Formats> = LazyLock::new(|| {
    let items = |formats: &[&'static str]| -> Vec<Vec<Item<'static>>> {
        (formats.iter())
            .map(|format| StrftimeItems::new(format).parse().expect("a valid format"))
            .collect()
    };
    Formats {
        zoned: items(&ZONED),
        date_times: items(&DATE_TIMES),
        days: items(&[DAYS.as_slice(), &[DOTTED_DAY]].concat()),
    }
});

/// What `s` says in `format`, if it fits it whole.
fn read(s: &str, format: &[Item<'_>]) -> Option<Parsed> {
    let mut parsed = Parsed::new();
    chrono::format::parse(&mut parsed, s, format.iter()).ok()?;
    Some(parsed)
}

/// Parses a date or date-time; `None` when no known form fits.
pub fn parse_date(raw: &str) -> Option<DateTime<Utc>> {
    let s = raw.trim();
    let midnight = |day: NaiveDate| Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN));
    // The commonest form, without going through the format strings.
    if let Some(day) = iso_day(s) {
        return Some(midnight(day));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.with_timezone(&Utc));
    }
    let s = plain(s);
    let zoned = |format: &Vec<Item>| read(&s, format)?.to_datetime().ok();
    if let Some(dt) = FORMATS.zoned.iter().find_map(zoned) {
        return Some(dt.with_timezone(&Utc));
    }
    // A zone written as letters after the time: "10:00 AM EST".
    let (local, minutes) = match s
        .rsplit_once(' ')
        .and_then(|(rest, zone)| Some((rest, zone_minutes(zone)?)))
    {
        Some((rest, minutes)) => (rest, minutes),
        None => (s.as_str(), 0),
    };
    let local = |format: &Vec<Item>| read(local, format)?.to_naive_datetime_with_offset(0).ok();
    if let Some(dt) = FORMATS.date_times.iter().find_map(local) {
        let utc = dt - chrono::Duration::minutes(minutes.into());
        return Some(Utc.from_utc_datetime(&utc));
    }
    parse_day(&s).map(midnight)
}

/// Minutes east of UTC of a zone's abbreviation, for the zones news sites
/// write most; `None` for any other word.
fn zone_minutes(zone: &str) -> Option<i16> {
    Some(match zone.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" | "Z" => 0,
        "BST" | "CET" => 60,
        "CEST" | "EET" => 120,
        "EEST" | "MSK" => 180,
        "EST" => -300,
        "EDT" | "AST" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        _ => return None,
    })
}

/// `YYYY-MM-DD`, read by hand.
fn iso_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        let part = b.get(range)?;
        (part.iter().all(u8::is_ascii_digit))
            .then(|| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// Parses a day in any of the day-only forms.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = plain(s.trim());
    (FORMATS.days.iter()).find_map(|format| read(&s, format)?.to_naive_date().ok())
}

/// `date` in the words the formats know: without a weekday before it
/// ("Thursday, 3 October 2024"), the full stop of an abbreviated month ("Oct.
/// 3", "Sept. 30") or a day's ordinal suffix ("3rd October"), with single
/// spaces, and "a.m."/"p.m." as "AM"/"PM".
fn plain(date: &str) -> String {
    if !date.contains(|c: char| c.is_ascii_alphabetic() || c.is_whitespace()) {
        return date.to_string();
    }
    // Without what stands between the day and the time ("3 October 2024 at
    // 14:05", "October 3, 2024 - 2:05 PM"), and the label before the date
    // ("Updated: 2024-10-03", "Posted on Thursday, 3 October 2024").
    let mut words: Vec<&str> = (date.split_whitespace())
        .filter(|w| !matches!(*w, "-" | "\u{2013}" | "|" | "\u{b7}" | "@" | "at"))
        .collect();
    while words.first().is_some_and(|w| is_label(w)) {
        words.remove(0);
    }
    if words
        .first()
        .is_some_and(|w| is_weekday(w.trim_end_matches(',')))
    {
        words.remove(0);
    }
    let words: Vec<String> = words.into_iter().map(plain_word).collect();
    words.join(" ")
}

/// Whether `word` labels the date after it: "Published", "Updated:", "on".
fn is_label(word: &str) -> bool {
    let bare = word.trim_end_matches(':').to_ascii_lowercase();
    let named = matches!(
        bare.as_str(),
        "published" | "updated" | "posted" | "last" | "modified" | "date" | "on"
    );
    named || (word.ends_with(':') && bare.chars().all(|c| c.is_ascii_alphabetic()))
}

fn plain_word(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    match lower.as_str() {
        "a.m." | "am" => return "AM".into(),
        "p.m." | "pm" => return "PM".into(),
        "sept." | "sept" => return "Sep".into(),
        _ => {}
    }
    let (core, comma) = match word.strip_suffix(',') {
        Some(core) => (core, ","),
        None => (word, ""),
    };
    if let Some(month) = core.strip_suffix('.').filter(|m| is_month(m)) {
        return format!("{month}{comma}");
    }
    // A year's comma before the time: "October 3, 2024, 10:00 AM".
    if !comma.is_empty() && core.len() == 4 && core.bytes().all(|b| b.is_ascii_digit()) {
        return core.to_string();
    }
    let digits = core.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &core[digits.len()..];
    let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th");
    if ordinal && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{digits}{comma}");
    }
    word.to_string()
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_weekday(word: &str) -> bool {
    abbreviates(word.trim_end_matches('.'), &WEEKDAYS)
}

/// Whether `word` is a month's name or its first three letters or more,
/// ignoring case: "March", "Sep", "Sept".
pub(crate) fn is_month(word: &str) -> bool {
    abbreviates(word, &MONTHS)
}

/// Whether `word` is one of `names` or its first three letters or more,
/// ignoring case.
fn abbreviates(word: &str, names: &[&str]) -> bool {
    let word = word.to_ascii_lowercase();
    word.len() >= 3 && names.iter().any(|name| name.starts_with(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(raw: &str) -> String {
        parse_date(raw).unwrap().to_rfc3339()
    }

    #[test]
    fn reuters_form() {
        assert_eq!(
            iso("26-FEB-1987 15:01:01.79"),
            "1987-02-26T15:01:01.790+00:00"
        );
        assert_eq!(iso(" 5-MAR-1987 09:00:00.00"), "1987-03-05T09:00:00+00:00");
    }

    #[test]
    fn iso_and_rfc_forms() {
        assert_eq!(iso("2019-01-04"), "2019-01-04T00:00:00+00:00");
        assert_eq!(
            iso("2024-10-31T12:00:00+02:00"),
            "2024-10-31T10:00:00+00:00"
        );
        assert_eq!(
            iso("Thu, 31 Oct 2024 08:00:00 +0000"),
            "2024-10-31T08:00:00+00:00"
        );
        assert_eq!(iso("2024-10-31 08:15:00"), "2024-10-31T08:15:00+00:00");
    }

    #[test]
    fn long_english_forms() {
        assert_eq!(iso("Friday, January 4, 2019"), "2019-01-04T00:00:00+00:00");
        assert_eq!(iso("October 31, 2024"), "2024-10-31T00:00:00+00:00");
        assert_eq!(iso("31 October 2024"), "2024-10-31T00:00:00+00:00");
    }

    #[test]
    fn the_forms_news_sites_write() {
        let day = "2024-10-03T00:00:00+00:00";
        let ten = "2024-10-03T10:00:00+00:00";
        for (raw, expected) in [
            ("03.10.2024", day),
            ("Oct. 3, 2024", day),
            ("Sept. 30, 2024", "2024-09-30T00:00:00+00:00"),
            ("3rd October 2024", day),
            ("Thursday 3 October 2024", day),
            ("Thursday, 3 October 2024", day),
            ("Thu, Oct 3 2024", day),
            ("Oct 3 2024", day),
            ("3 Oct 2024 10:00", ten),
            ("October 3, 2024 10:00 AM", ten),
            ("October 3, 2024 10:00 p.m.", "2024-10-03T22:00:00+00:00"),
            ("2024-10-03T10:00", ten),
            ("2024-10-03T10:00:00.123", "2024-10-03T10:00:00.123+00:00"),
            ("2024-10-03T12:00:00+0200", ten),
            ("Updated: 2024-10-03", day),
            ("Posted on Thursday, 3 October 2024", day),
            ("Published 3 October 2024 at 10:00", ten),
            ("October 3, 2024, 10:00 AM", ten),
            ("Thursday, October 3, 2024 - 10:00", ten),
            ("3 October 2024 | 11:00 BST", ten),
            ("October 3, 2024 6:00 a.m. EDT", ten),
            ("Oct. 3, 2024 at 2:00 PM PDT", "2024-10-03T21:00:00+00:00"),
        ] {
            assert_eq!(iso(raw), expected, "{raw}");
        }
        // Which of these is the month depends on the country.
        assert_eq!(parse_date("10/03/2024"), None);
        assert_eq!(parse_date("2024-02-30"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(raw in "([0-9]{1,4}|[A-Za-z]{1,9}|[ ,.:|+-]|é|’|馬){0,12}") {
            let _ = parse_date(&raw);
            let _ = parse_day(&raw);
        }
    }

    #[test]
    fn nonsense_is_none() {
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-13-45"), None);
    }
}
