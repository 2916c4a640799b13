//! Filters given as options: entities, source and date span, and the dates of a
//! query's `date:` field.

use super::QueryError;
use crate::article::EntityKind;
use chrono::{Datelike, NaiveDate};

/// Restrictions on matching passages, beside the query text.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Each must be an entity of the article, of any kind.
    pub entities: Vec<String>,
    pub persons: Vec<String>,
    pub organisations: Vec<String>,
    pub places: Vec<String>,
    pub others: Vec<String>,
    /// The article's source must be one of these.
    pub sources: Vec<String>,
    /// First day included.
    pub since: Option<NaiveDate>,
    /// Last day included.
    pub until: Option<NaiveDate>,
}

impl Filters {
    /// Every entity the filters name, with its kind (`None`: any kind).
    pub fn names(&self) -> impl Iterator<Item = (Option<EntityKind>, &str)> {
        [
            (None, &self.entities),
            (Some(EntityKind::Person), &self.persons),
            (Some(EntityKind::Organisation), &self.organisations),
            (Some(EntityKind::Location), &self.places),
            (Some(EntityKind::Other), &self.others),
        ]
        .into_iter()
        .flat_map(|(kind, names)| names.iter().map(move |name| (kind, name.as_str())))
    }
}

/// Which end of a period a date names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    First,
    Last,
}

/// Parses `YYYY`, `YYYY-MM` or a day in any form ingest accepts, as the first or the
/// last day of the period it names.
pub fn parse_day_bound(raw: &str, end: End, option: &str) -> Result<NaiveDate, QueryError> {
    let s = raw.trim();
    let bad = || {
        QueryError::general(format!(
            "{option}: cannot read date {raw:?} (use YYYY-MM-DD, YYYY-MM or YYYY)"
        ))
    };
    if let Some(day) = crate::ingest::parse_day(s) {
        return Ok(day);
    }
    let mut parts = s.splitn(2, '-');
    let year: i32 = parts.next().and_then(|y| y.parse().ok()).ok_or_else(bad)?;
    if s.len() == 4 {
        return NaiveDate::from_ymd_opt(
            year,
            if end == End::First { 1 } else { 12 },
            if end == End::First { 1 } else { 31 },
        )
        .ok_or_else(bad);
    }
    let month: u32 = parts.next().and_then(|m| m.parse().ok()).ok_or_else(bad)?;
    let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
    Ok(match end {
        End::First => first,
        End::Last => last_day_of_month(first),
    })
}

/// The days a query's `date:` names, each end included: a period (`1987`,
/// `1987-03`, a day) or a span of two, `FROM..TO`, of which either end may be
/// left open (`2019..`, `..1987-03`).
pub fn parse_dates(raw: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), QueryError> {
    let bad = || {
        QueryError::general(format!(
            "date: cannot read {raw:?} (use YYYY-MM-DD, YYYY-MM, YYYY or FROM..TO, \
             where either end may be left out)"
        ))
    };
    let (from, to) = raw.split_once("..").unwrap_or((raw, raw));
    let end = |text: &str, end| match text.trim() {
        "" => Ok(None),
        text => parse_day_bound(text, end, "date")
            .map(Some)
            .map_err(|_| bad()),
    };
    let (since, until) = (end(from, End::First)?, end(to, End::Last)?);
    if since.is_none() && until.is_none() {
        return Err(bad());
    }
    if since.zip(until).is_some_and(|(since, until)| since > until) {
        return Err(QueryError::general(format!(
            "date: {raw:?} ends before it begins"
        )));
    }
    Ok((since, until))
}

fn last_day_of_month(first: NaiveDate) -> NaiveDate {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("valid month") - chrono::Days::new(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_expand_to_their_first_or_last_day() {
        assert_eq!(
            parse_day_bound("2024-10", End::First, "--since").unwrap(),
            day("2024-10-01")
        );
        assert_eq!(
            parse_day_bound("2024-10", End::Last, "--until").unwrap(),
            day("2024-10-31")
        );
        assert_eq!(
            parse_day_bound("2024-02", End::Last, "--until").unwrap(),
            day("2024-02-29")
        );
        assert_eq!(
            parse_day_bound("1987", End::Last, "--until").unwrap(),
            day("1987-12-31")
        );
        assert_eq!(
            parse_day_bound("1987-03-05", End::Last, "--until").unwrap(),
            day("1987-03-05")
        );
    }

    #[test]
    fn bad_dates_name_the_option() {
        let err = parse_day_bound("March", End::First, "--since").unwrap_err();
        assert_eq!(
            err.to_string(),
            "query error: --since: cannot read date \"March\" (use YYYY-MM-DD, YYYY-MM or YYYY)"
        );
        assert!(parse_day_bound("2024-13", End::First, "--since").is_err());
    }

    #[test]
    fn a_date_field_names_a_period_or_a_span_open_at_either_end() {
        let dates = |raw| parse_dates(raw).unwrap();
        assert_eq!(
            dates("1987-03"),
            (Some(day("1987-03-01")), Some(day("1987-03-31")))
        );
        assert_eq!(
            dates("1987-03-05"),
            (Some(day("1987-03-05")), Some(day("1987-03-05")))
        );
        assert_eq!(
            dates("1987-03..1988"),
            (Some(day("1987-03-01")), Some(day("1988-12-31")))
        );
        assert_eq!(dates("2019.."), (Some(day("2019-01-01")), None));
        assert_eq!(dates("..1987-02"), (None, Some(day("1987-02-28"))));
    }

    #[test]
    fn a_date_field_refuses_what_is_no_date_and_spans_that_run_backwards() {
        let message = |raw| parse_dates(raw).unwrap_err().message;
        for raw in ["March", "..", "1987-13", "1987..May"] {
            assert!(message(raw).starts_with(&format!("date: cannot read {raw:?}")));
        }
        assert_eq!(
            message("1988..1987"),
            "date: \"1988..1987\" ends before it begins"
        );
    }
}
