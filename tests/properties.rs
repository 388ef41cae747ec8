//! Property tests: dates written in any contract form parse back to
//! themselves, and days past the end of their month are refused; date expressions generated in French and English are found
//! with their value; relative dates resolve consistently; and for generated
//! UTF-8 documents every piece of evidence is the exact source bytes.

use diplograph::corpus::Corpus;
use diplograph::extract::dates::{self, When};
use diplograph::extract::{Extractor, Lexicon};
use diplograph::gazetteer::Gazetteer;
use diplograph::model::PartialDate;
use proptest::prelude::*;
use std::sync::LazyLock;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::builtin().expect("lexicon"));
static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new(Gazetteer::builtin().expect("gazetteer")));

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A valid full date.
fn full_date() -> impl Strategy<Value = PartialDate> {
    (1900i32..2100, 1u32..=12)
        .prop_flat_map(|(y, m)| (Just(y), Just(m), 1..=days_in(y, m)))
        .prop_map(|(y, m, d)| PartialDate::ymd(y, m, d))
}

/// A date that exists in one of the four contract forms (a day without
/// its year exists in some year: February 29 included).
fn contract_date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        full_date(),
        (1u32..=12)
            .prop_flat_map(|m| (Just(m), 1..=days_in(2000, m)))
            .prop_map(|(m, d)| PartialDate {
                year: None,
                month: Some(m),
                day: Some(d)
            }),
        (0i32..=9999, 1u32..=12).prop_map(|(y, m)| PartialDate {
            year: Some(y),
            month: Some(m),
            day: None
        }),
        (0i32..=9999).prop_map(|y| PartialDate {
            year: Some(y),
            month: None,
            day: None
        }),
    ]
}

/// A name-like word, with accents and sometimes odd characters.
fn word() -> impl Strategy<Value = String> {
    "[A-ZÉ][a-zéèïôç]{1,9}(['’-][A-Z][a-z]{1,5})?"
}

/// Filler: any text without line breaks (including RTL marks, zero-width
/// characters, quotes, backslashes, markup).
fn filler() -> impl Strategy<Value = String> {
    "[^\r\n]{0,80}"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn partial_dates_round_trip(d in contract_date()) {
        let s = d.to_string();
        prop_assert_eq!(s.parse::<PartialDate>(), Ok(d));
        let json = serde_json::to_string(&d).expect("serializes");
        prop_assert_eq!(serde_json::from_str::<PartialDate>(&json).ok(), Some(d));
    }

    #[test]
    fn invalid_months_and_days_are_rejected(y in 0i32..=9999, m in 13u32..100, d in 32u32..100) {
        let bad_month = format!("{y:04}-{m:02}");
        let bad_day = format!("{y:04}-01-{d:02}");
        prop_assert!(bad_month.parse::<PartialDate>().is_err());
        prop_assert!(bad_day.parse::<PartialDate>().is_err());
    }

    #[test]
    fn days_past_the_end_of_their_month_are_rejected(
        y in 1900i32..2100,
        m in prop::sample::select(vec![2u32, 4, 6, 9, 11]),
        past in 1u32..=3,
    ) {
        let d = (days_in(y, m) + past).min(31);
        let full = format!("{y:04}-{m:02}-{d:02}");
        prop_assert!(full.parse::<PartialDate>().is_err(), "{}", full);
        let d = (days_in(2000, m) + past).min(31);
        let yearless = format!("--{m:02}-{d:02}");
        prop_assert!(yearless.parse::<PartialDate>().is_err(), "{}", yearless);
    }

    #[test]
    fn written_dates_are_found(d in full_date(), style in 0usize..4, before in "[a-z ]{0,20}", after in "[a-z ]{0,20}") {
        let (y, m, day) = (d.year.unwrap_or(0), d.month.unwrap_or(1), d.day.unwrap_or(1));
        let m0 = (m - 1) as usize;
        let expr = match style {
            0 => format!("{day} {} {y}", FR_MONTHS[m0]),
            1 => format!("{} {day}, {y}", EN_MONTHS[m0]),
            2 => format!("{day} {} {y}", EN_MONTHS[m0]),
            _ => format!("{day:02}/{m:02}/{y}"),
        };
        let text = format!("{before} {expr} {after}");
        let found = dates::find(&LEXICON, &text);
        let hit = found.iter().any(|e| matches!(e.when, When::Date(f, _) if f == d)
            && text[e.range.clone()].contains(&y.to_string()));
        prop_assert!(hit, "{text:?}: {found:?}");
    }

    #[test]
    fn date_ranges_are_char_boundaries(text in "\\PC{0,120}") {
        for e in dates::find(&LEXICON, &text) {
            prop_assert!(text.get(e.range.clone()).is_some(), "{:?} in {text:?}", e.range);
        }
    }

    #[test]
    fn relative_dates_follow_the_anchor(a in full_date()) {
        let wd = dates::weekday(a).expect("a possible date");
        let yesterday = dates::resolve(When::DaysBefore(1), Some(a));
        prop_assert_eq!(yesterday.and_then(dates::weekday), Some((wd + 6) % 7));
        let next = dates::resolve_after(When::DaysAfter(1), None, Some(a));
        prop_assert_eq!(next.and_then(dates::weekday), Some((wd + 1) % 7));
        prop_assert_eq!(dates::resolve(When::DaysBefore(0), Some(a)), Some(a));
        prop_assert_eq!(dates::resolve(When::Weekday(wd), Some(a)), Some(a));
        // A day-month without year lies within the year before the anchor.
        let partial = PartialDate { year: None, ..a };
        prop_assert_eq!(dates::resolve(When::Date(partial, None), Some(a)), Some(a));
    }

    #[test]
    fn evidence_is_the_exact_source_bytes(
        first in word(), last in word(), head in filler(), tail in filler(),
        country in prop::sample::select(vec!["Belgique", "Japon", "Sénégal", "Pérou", "Malaysia", "Norway"]),
        fr in any::<bool>(), bom in any::<bool>(), crlf in any::<bool>(), md in any::<bool>(),
        day in 1u32..=28,
    ) {
        let body = if fr {
            format!("Dr Salim M. AlMalik, Directeur général de l’ICESCO, a reçu le {day} mars 2024 M. {first} {last}, ambassadeur du {country} auprès du Royaume du Maroc. {tail}")
        } else {
            format!("Dr. Salim M. AlMalik, Director-General of ICESCO, received on March {day}, 2024, Mr. {first} {last}, Ambassador of {country} to the Kingdom of Morocco. {tail}")
        };
        let mut text = format!("{}ICESCO Receives {last}\n\n{head}\n\n{body}\n\n{tail}\n", if bom { "\u{feff}" } else { "" });
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let name = if md { "doc.md" } else { "doc.txt" };
        let x = EXTRACTOR.extract(&Corpus::from_text(name, &text));
        for m in &x.meetings {
            let pieces = m.evidence.iter()
                .chain(m.invitations.iter().filter_map(|i| i.evidence.as_ref()))
                .chain(m.memberships.iter().filter_map(|j| j.evidence.as_ref()));
            for e in pieces {
                prop_assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
            }
        }
    }
}
