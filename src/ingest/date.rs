//! Dates in every form the supported corpora use, to UTC.
//!
//! Dates without a zone are taken as UTC; dates without a time as midnight.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Formats with a time of day, tried in order.
const DATE_TIMES: [&str; 6] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    // Reuters-21578: `26-FEB-1987 15:01:01.79`
    "%d-%b-%Y %H:%M:%S%.f",
    "%d-%b-%Y %H:%M:%S",
];

/// Formats with a day only.
const DAYS: [&str; 9] = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    // Wikinews first lines: `Friday, January 4, 2019`
    "%A, %B %d, %Y",
];

/// Parses a date or date-time; `None` when no known form fits.
pub fn parse_date(raw: &str) -> Option<DateTime<Utc>> {
    let s = raw.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.with_timezone(&Utc));
    }
    for format in DATE_TIMES {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, format) {
            return Some(Utc.from_utc_datetime(&dt));
        }
    }
    parse_day(s).map(|day| Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN)))
}

/// Parses a day in any of the day-only forms.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    DAYS.iter()
        .find_map(|format| NaiveDate::parse_from_str(s.trim(), format).ok())
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
    fn nonsense_is_none() {
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-13-45"), None);
    }
}
