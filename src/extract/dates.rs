//! Date grammar: absolute dates ("15 septembre 2022", "September 10",
//! "Wednesday, 26 February 2025", "23/05/2019"), weekdays and relative words
//! ("hier", "yesterday", "aujourd'hui"), and their resolution against a date
//! the document itself gives. A year is never invented: "le 7 août" with no
//! dated anchor stays `--08-07`.

use super::lexicon::{Lexicon, Scanned};
use crate::model::PartialDate;
use crate::text::Folded;
use chrono::{Datelike, NaiveDate, TimeDelta};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What a date expression says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// An absolute (possibly partial) date, with its weekday if written.
    Date(PartialDate, Option<u32>),
    /// A weekday alone (0 = Monday).
    Weekday(u32),
    /// A number of days before the document's date: today (0), yesterday
    /// (1), the day before yesterday (2).
    DaysBefore(u32),
    /// A day of the document's month ("le 3 courant", "the 3rd instant").
    DayOfMonth(u32),
    /// A number of days after the meeting told before it: the same day (0:
    /// "later in the day", "le même jour"), the next (1: "the following
    /// day", "le lendemain"). [`resolve_after`] resolves it.
    DaysAfter(u32),
}

/// A year written alone: four digits, 1900 to 2099 ("in 1984", "© 2011").
///
/// ```
/// use diplograph::extract::dates::year;
/// assert_eq!(year("2011"), Some(2011));
/// assert_eq!(year("1850"), None);
/// assert_eq!(year("20111"), None);
/// ```
pub fn year(word: &str) -> Option<i32> {
    let four = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    (four && (word.starts_with("19") || word.starts_with("20")))
        .then(|| word.parse().ok())
        .flatten()
}

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    pub when: When,
}

static DAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{1,2})(?:er|st|nd|rd|th)?\s+(?:of\s+)?$").expect("valid regex")
});
static DAY_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?\b").expect("valid regex"));
// After a month, its abbreviation's period may come first ("20 sept. 2023").
static YEAR_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\.?,?\s+([12][0-9]{3})\b").expect("valid regex"));
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:([0-9]{1,2})[./-]([0-9]{1,2})[./-]([12][0-9]{3})|([12][0-9]{3})-([0-9]{2})(?:-([0-9]{2}))?))(?:$|[^0-9])").expect("valid regex")
});

/// Every date expression in `text`, in order.
///
/// ```
/// use diplograph::extract::{Lexicon, dates::{find, When}};
/// use diplograph::model::PartialDate;
/// let lex = Lexicon::builtin().unwrap();
/// let found = find(&lex, "réunion tenue vendredi 28 juin 2024 à Zaamin");
/// assert_eq!(found[0].when, When::Date(PartialDate::ymd(2024, 6, 28), Some(4)));
/// ```
pub fn find(lex: &Lexicon, text: &str) -> Vec<DateExpr> {
    find_in(lex, &Scanned::unscanned(Folded::new(text).whole()))
}

/// [`find`] in a text already folded and scanned; ranges are of its original.
pub fn find_in(lex: &Lexicon, folded: &Scanned) -> Vec<DateExpr> {
    let f = folded.text;
    let mut out: Vec<(Range<usize>, When)> = Vec::new();
    for (r, month) in folded.find(lex.months()) {
        let before = &f[..r.start];
        let after = &f[r.end..];
        let mut start = r.start;
        let mut end = r.end;
        let mut day = None;
        if let Some(c) = DAY_BEFORE.captures(before) {
            day = c[1].parse::<u32>().ok();
            start = c.get(1).map_or(start, |m| m.start());
        } else if let Some(c) = DAY_AFTER.captures(after) {
            let day_end = r.end + c.get(0).map_or(0, |m| m.end());
            // "Oct 01/02/2020": the number starts a numeric date, not Oct's day.
            let numeric_next = matches!(
                f.as_bytes().get(day_end..day_end + 2),
                Some([b'/' | b'.' | b'-', d]) if d.is_ascii_digit()
            );
            if !numeric_next {
                day = c[1].parse::<u32>().ok();
                end = day_end;
            }
        }
        let year = YEAR_AFTER.captures(&f[end..]).and_then(|c| {
            let y = c[1].parse::<i32>().ok();
            end += c.get(0).map_or(0, |m| m.end());
            y
        });
        let day = day.filter(|d| (1..=31).contains(d));
        if day.is_none() && year.is_none() {
            continue; // "may join", "mars" alone: not a date
        }
        let date = PartialDate {
            year,
            month: u32::try_from(month).ok(),
            day,
        };
        if !date.is_possible() {
            continue; // "31 February 2024"
        }
        out.push((start..end, When::Date(date, None)));
    }
    // The written dates by start, each with the furthest end up to it, so
    // that a numeric date overlapping one is found by binary search (the
    // numeric dates never overlap each other): a line of many dates stays
    // linear.
    let mut written: Vec<Range<usize>> = out.iter().map(|(r, _)| r.clone()).collect();
    written.sort_by_key(|r| r.start);
    let furthest: Vec<usize> = written
        .iter()
        .scan(0, |end, r| {
            *end = r.end.max(*end);
            Some(*end)
        })
        .collect();
    for c in NUMERIC.captures_iter(f) {
        let m = c.get(1).map_or(0..0, |m| m.range());
        let before_end = written.partition_point(|r| r.start < m.end);
        if before_end > 0 && furthest[before_end - 1] > m.start {
            continue;
        }
        let n = |i: usize| c.get(i).and_then(|g| g.as_str().parse::<u32>().ok());
        let date = if let (Some(d), Some(mo), Some(y)) = (n(2), n(3), n(4)) {
            PartialDate {
                year: i32::try_from(y).ok(),
                month: Some(mo),
                day: Some(d),
            }
        } else {
            PartialDate {
                year: n(5).and_then(|y| i32::try_from(y).ok()),
                month: n(6),
                day: n(7),
            }
        };
        if date.is_possible() {
            out.push((m, When::Date(date, None)));
        }
    }
    for (r, weekday) in folded.find(lex.weekdays()) {
        let wd = u32::try_from(weekday).unwrap_or(0);
        // A weekday written just before an absolute date belongs to it.
        let next = out.iter_mut().find(|(d, _)| {
            d.start >= r.end
                && f[r.end..d.start]
                    .trim_matches(|c: char| c == ',' || c == ' ' || c == '\n')
                    .is_empty()
        });
        if let Some((d, When::Date(date, w))) = next {
            *w = Some(wd);
            d.start = r.start;
            let _ = date;
        } else {
            out.push((r, When::Weekday(wd)));
        }
    }
    for (back, list) in [lex.today(), lex.yesterday(), lex.day_before_yesterday()]
        .into_iter()
        .enumerate()
    {
        for (r, _) in folded.find(list) {
            out.push((r, When::DaysBefore(back as u32)));
        }
    }
    for (after, list) in [lex.same_day(), lex.next_day()].into_iter().enumerate() {
        for (r, _) in folded.find(list) {
            out.push((r, When::DaysAfter(after as u32)));
        }
    }
    for (r, _) in folded.find(lex.this_month()) {
        if let Some(c) = DAY_BEFORE.captures(&f[..r.start])
            && let Some(day) = c[1].parse::<u32>().ok().filter(|d| (1..=31).contains(d))
        {
            let start = c.get(1).map_or(r.start, |m| m.start());
            out.push((start..r.end, When::DayOfMonth(day)));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    // "hier 11 août": the absolute date says more than the relative word.
    let mut merged: Vec<(Range<usize>, When)> = Vec::new();
    for (r, w) in out {
        if let Some((pr, pw)) = merged.last_mut() {
            let gap = f[pr.end.min(r.start)..r.start]
                .trim_matches(|c: char| c == ',' || c.is_whitespace());
            let relative = |w: &When| matches!(w, When::DaysBefore(_));
            if gap.is_empty() && relative(pw) && matches!(w, When::Date(..)) {
                *pr = pr.start..r.end;
                *pw = w;
                continue;
            }
            if gap.is_empty() && matches!(pw, When::Date(..)) && relative(&w) {
                pr.end = r.end;
                continue;
            }
        }
        merged.push((r, w));
    }
    merged
        .into_iter()
        .map(|(r, when)| DateExpr {
            range: folded.slice().original_range(r),
            when,
        })
        .collect()
}

/// Resolves an expression against an anchor: the date the document gives.
///
/// ```
/// use diplograph::extract::dates::{resolve, When};
/// use diplograph::model::PartialDate;
/// let anchor = Some(PartialDate::ymd(2020, 7, 20)); // a Monday
/// assert_eq!(resolve(When::Weekday(3), anchor), Some(PartialDate::ymd(2020, 7, 16)));
/// let partial = PartialDate { year: None, month: Some(8), day: Some(11) };
/// assert_eq!(resolve(When::Date(partial, None), None), Some(partial));
/// ```
pub fn resolve(when: When, anchor: Option<PartialDate>) -> Option<PartialDate> {
    let full = anchor.filter(PartialDate::is_full);
    match when {
        When::Date(mut d, _) => {
            if d.year.is_none()
                && let Some(a) = anchor
                && let (Some(ay), Some(am), Some(m)) = (a.year, a.month, d.month)
            {
                // A day-month without year lies before the anchor, within a year.
                let later = m > am || (m == am && d.day.zip(a.day).is_some_and(|(dd, ad)| dd > ad));
                d.year = Some(if later { ay - 1 } else { ay });
            }
            Some(d)
        }
        When::DaysBefore(back) => full
            .and_then(|a| shift(a, -i64::from(back)))
            .or_else(|| month_of(anchor))
            .or_else(|| day_of(anchor, back)),
        When::DayOfMonth(day) => anchor
            .filter(|a| a.month.is_some())
            .map(|a| PartialDate {
                day: Some(day),
                ..a
            })
            .filter(PartialDate::is_possible),
        When::Weekday(wd) => full.and_then(|a| {
            let back = (weekday(a)? + 7 - wd) % 7;
            shift(a, -(i64::from(back)))
        }),
        When::DaysAfter(_) => None,
    }
}

/// Resolves an expression told after a meeting of date `previous`: "the
/// following day" is the day after it, "le même jour" that day; any other
/// expression as [`resolve`] does. Without a full previous date, a
/// [`When::DaysAfter`] says nothing.
///
/// ```
/// use diplograph::extract::dates::{resolve_after, When};
/// use diplograph::model::PartialDate;
/// let monday = Some(PartialDate::ymd(2024, 12, 30));
/// assert_eq!(resolve_after(When::DaysAfter(1), None, monday), Some(PartialDate::ymd(2024, 12, 31)));
/// assert_eq!(resolve_after(When::DaysAfter(0), None, monday), monday);
/// assert_eq!(resolve_after(When::DaysAfter(1), monday, None), None);
/// ```
pub fn resolve_after(
    when: When,
    anchor: Option<PartialDate>,
    previous: Option<PartialDate>,
) -> Option<PartialDate> {
    match when {
        When::DaysAfter(n) => previous
            .filter(PartialDate::is_full)
            .and_then(|p| shift(p, i64::from(n))),
        _ => resolve(when, anchor),
    }
}

/// `back` days before a day-month anchor without year ("Nov 4"), when that
/// stays in its month: without the year, a month's length is unknown.
fn day_of(anchor: Option<PartialDate>, back: u32) -> Option<PartialDate> {
    let a = anchor.filter(|a| a.year.is_none() && a.month.is_some())?;
    let day = a.day?.checked_sub(back).filter(|d| *d >= 1)?;
    Some(PartialDate {
        day: Some(day),
        ..a
    })
}

fn month_of(anchor: Option<PartialDate>) -> Option<PartialDate> {
    anchor
        .filter(|a| a.year.is_some() && a.month.is_some())
        .map(|a| PartialDate { day: None, ..a })
}

fn naive(d: PartialDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year?, d.month?, d.day?)
}

/// A full date moved by `by` days.
fn shift(d: PartialDate, by: i64) -> Option<PartialDate> {
    let moved = naive(d)?.checked_add_signed(TimeDelta::try_days(by)?)?;
    Some(PartialDate::ymd(moved.year(), moved.month(), moved.day()))
}

/// Weekday of a full date, 0 = Monday.
pub fn weekday(d: PartialDate) -> Option<u32> {
    naive(d).map(|n| n.weekday().num_days_from_monday())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, When)> {
        let lex = Lexicon::builtin().unwrap();
        find(&lex, text)
            .into_iter()
            .map(|d| (text[d.range].to_string(), d.when))
            .collect()
    }

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn finds_dates_in_both_languages() {
        for (text, want_text, want) in [
            (
                "a reçu hier 11 août au siège",
                "hier 11 août",
                When::Date(pd("--08-11"), None),
            ),
            (
                "tenue ce jeudi 15 septembre 2022 à",
                "jeudi 15 septembre 2022",
                When::Date(pd("2022-09-15"), Some(3)),
            ),
            (
                "le 1er mars 2021,",
                "1er mars 2021",
                When::Date(pd("2021-03-01"), None),
            ),
            (
                "met yesterday, September 10, with",
                "yesterday, September 10",
                When::Date(pd("--09-10"), None),
            ),
            (
                "on Wednesday, 26 February 2025, in Tunis",
                "Wednesday, 26 February 2025",
                When::Date(pd("2025-02-26"), Some(2)),
            ),
            (
                "held on Friday, June 3, 2022, at",
                "Friday, June 3, 2022",
                When::Date(pd("2022-06-03"), Some(4)),
            ),
            (
                "Rabat: 23/05/2019",
                "23/05/2019",
                When::Date(pd("2019-05-23"), None),
            ),
            (
                "time29-01-2025",
                "29-01-2025",
                When::Date(pd("2025-01-29"), None),
            ),
            (
                "DUSHANBE, 16.09.2024 (Agency)",
                "16.09.2024",
                When::Date(pd("2024-09-16"), None),
            ),
            (
                "Tunis, 20 sept. 2023 (TAP)",
                "20 sept. 2023",
                When::Date(pd("2023-09-20"), None),
            ),
            (
                "KUALA LUMPUR, Nov. 4 (Bernama)",
                "Nov. 4",
                When::Date(pd("--11-04"), None),
            ),
            (
                "signed Oct 01/02/2020 in",
                "01/02/2020",
                When::Date(pd("2020-02-01"), None),
            ),
            ("The meeting on Thursday at", "Thursday", When::Weekday(3)),
            (
                "s'est entretenu hier en visioconférence",
                "hier",
                When::DaysBefore(1),
            ),
            ("held today at", "today", When::DaysBefore(0)),
            (
                "The following day, the delegation visited",
                "The following day",
                When::DaysAfter(1),
            ),
            (
                "Le lendemain, il a reçu",
                "Le lendemain",
                When::DaysAfter(1),
            ),
            (
                "Later in the day, she met",
                "Later in the day",
                When::DaysAfter(0),
            ),
            (
                "Le même jour, le ministre",
                "Le même jour",
                When::DaysAfter(0),
            ),
            (
                "reçu avant-hier mercredi au ministère",
                "avant-hier",
                When::DaysBefore(2),
            ),
            (
                "a été reçu le 3 courant à Rabat",
                "3 courant",
                When::DayOfMonth(3),
            ),
            (
                "met on the 12th instant",
                "12th instant",
                When::DayOfMonth(12),
            ),
        ] {
            let got = dates(text);
            assert_eq!(got.first(), Some(&(want_text.to_string(), want)), "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_no_dates() {
        for text in [
            "le 31 février 2024 à Rabat",
            "on 31 April 2024 in Baku",
            "February 30, 2023",
            "Rabat: 31/02/2024",
            "le 29 février 2023",
            "date 2024-13",
        ] {
            assert!(dates(text).is_empty(), "{text}: {:?}", dates(text));
        }
        assert_eq!(
            dates("le 29 février 2024")[0].1,
            When::Date(pd("2024-02-29"), None)
        );
        assert_eq!(dates("le 29 février")[0].1, When::Date(pd("--02-29"), None));
    }

    #[test]
    fn words_that_are_not_dates() {
        assert!(dates("countries may join the coalition").is_empty());
        assert!(dates("la marche de mars").is_empty());
    }

    #[test]
    fn resolution_never_invents_a_year() {
        let anchor = Some(pd("2020-08-12"));
        for (when, anchor, want) in [
            (
                When::Date(pd("--08-11"), None),
                anchor,
                Some(pd("2020-08-11")),
            ),
            (
                When::Date(pd("--12-30"), None),
                Some(pd("2021-01-02")),
                Some(pd("2020-12-30")),
            ),
            (When::Date(pd("--08-11"), None), None, Some(pd("--08-11"))),
            (When::DaysBefore(1), anchor, Some(pd("2020-08-11"))),
            (
                When::DaysBefore(1),
                Some(pd("2020-03-01")),
                Some(pd("2020-02-29")),
            ),
            (
                When::DaysBefore(1),
                Some(pd("2020-12")),
                Some(pd("2020-12")),
            ),
            (When::DaysBefore(1), None, None),
            // a day-month dateline without year: the day before, within its month
            (
                When::DaysBefore(1),
                Some(pd("--11-04")),
                Some(pd("--11-03")),
            ),
            (When::DaysBefore(1), Some(pd("--03-01")), None),
            (When::Weekday(1), Some(pd("--11-04")), None),
            (
                When::DaysBefore(0),
                Some(pd("2019-05-23")),
                Some(pd("2019-05-23")),
            ),
            (
                When::DaysBefore(2),
                Some(pd("2024-03-01")),
                Some(pd("2024-02-28")),
            ),
            (
                When::DayOfMonth(3),
                Some(pd("2023-10-10")),
                Some(pd("2023-10-03")),
            ),
            (When::DayOfMonth(31), Some(pd("2023-09-10")), None),
            (When::DayOfMonth(3), None, None),
            (
                When::Weekday(1),
                Some(pd("2022-11-30")),
                Some(pd("2022-11-29")),
            ),
            (When::Weekday(1), None, None),
        ] {
            assert_eq!(resolve(when, anchor), want, "{when:?} {anchor:?}");
        }
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(weekday(pd("2024-06-28")), Some(4));
        assert_eq!(weekday(pd("2020-07-16")), Some(3));
        assert_eq!(weekday(pd("2000-02-29")), Some(1));
        assert_eq!(weekday(PartialDate::ymd(2023, 2, 29)), None);
    }
}
