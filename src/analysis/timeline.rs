//! Timelines: meetings per month, quarter or year, by counterpart kind and
//! by topic.
//!
//! A meeting whose date lacks what the granularity needs (a year, or a month
//! for months and quarters) falls in the bucket `unknown`. Every period
//! between the first and the last is listed, an empty one with 0, so that
//! gaps show. Counterpart kinds
//! are those of the parties other than the hubs; a meeting counts once per
//! kind, and once per topic.

use crate::graph::{Filter, MeetingGraph};
use serde::Serialize;
use std::collections::BTreeMap;

/// The length of a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Month,
    Quarter,
    Year,
}

/// Counts of one bucket.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Bucket {
    pub meetings: usize,
    /// By kind of counterpart (`country`, `organization`, …).
    pub by_kind: BTreeMap<String, usize>,
    pub by_topic: BTreeMap<String, usize>,
}

/// Buckets in time order (`unknown` last).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub granularity: Granularity,
    pub buckets: Vec<(String, Bucket)>,
}

/// A period: a year and the month or quarter in it (0 for years); `None`
/// for a date that lacks what the granularity needs. Dated periods sort
/// before `None`, in time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period(Option<(i32, u32)>);

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.0.is_none(), self.0).cmp(&(other.0.is_none(), other.0))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Period {
    fn of(date: Option<crate::model::PartialDate>, g: Granularity) -> Period {
        let Some(d) = date else {
            return Period(None);
        };
        Period(match (g, d.year, d.month) {
            (Granularity::Year, Some(y), _) => Some((y, 0)),
            (Granularity::Month, Some(y), Some(m)) => Some((y, m)),
            (Granularity::Quarter, Some(y), Some(m)) => Some((y, m.div_ceil(3))),
            _ => None,
        })
    }

    /// The period after this one (a dated one; years have four digits).
    fn next(self, g: Granularity) -> Period {
        let (first, last) = match g {
            Granularity::Year => (0, 0),
            Granularity::Quarter => (1, 4),
            Granularity::Month => (1, 12),
        };
        Period(self.0.map(|(y, i)| {
            if i >= last {
                (y + 1, first)
            } else {
                (y, i + 1)
            }
        }))
    }

    /// `2020-07`, `2020-Q3`, `2020`, `unknown`.
    fn label(self, g: Granularity) -> String {
        match (g, self.0) {
            (_, None) => "unknown".into(),
            (Granularity::Year, Some((y, _))) => format!("{y:04}"),
            (Granularity::Month, Some((y, m))) => format!("{y:04}-{m:02}"),
            (Granularity::Quarter, Some((y, q))) => format!("{y:04}-Q{q}"),
        }
    }
}

/// Counts the meetings that pass the filter per period, every period from
/// the first to the last dated one (empty ones with 0), then `unknown`.
///
/// ```
/// use diplograph::analysis::{timeline, Granularity};
/// use diplograph::graph::{Filter, MeetingGraph};
/// use diplograph::model::Extraction;
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// assert!(timeline(&g, &Filter::default(), Granularity::Month).buckets.is_empty());
/// ```
pub fn timeline(g: &MeetingGraph, filter: &Filter, granularity: Granularity) -> Timeline {
    let mut buckets: BTreeMap<Period, Bucket> = BTreeMap::new();
    for (_, m) in g.filtered(filter) {
        let b = buckets.entry(Period::of(m.date, granularity)).or_default();
        b.meetings += 1;
        for kind in g.counterpart_kinds(m) {
            let name = serde_json::to_value(kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            *b.by_kind.entry(name).or_default() += 1;
        }
        let mut topics: Vec<String> = m.topics.iter().map(|t| crate::text::fold(t)).collect();
        topics.sort();
        topics.dedup();
        for t in topics {
            *b.by_topic.entry(t).or_default() += 1;
        }
    }
    let dated: Vec<Period> = buckets.keys().copied().filter(|p| p.0.is_some()).collect();
    if let (Some(&first), Some(&last)) = (dated.first(), dated.last()) {
        let mut p = first;
        while p < last {
            p = p.next(granularity);
            buckets.entry(p).or_default();
        }
    }
    Timeline {
        granularity,
        buckets: buckets
            .into_iter()
            .map(|(p, b)| (p.label(granularity), b))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::fixture;

    #[test]
    fn buckets_table() {
        let g = fixture();
        let f = Filter::default();
        let cases = [
            (Granularity::Year, vec![("2020", 6), ("2021", 2)]),
            (
                Granularity::Quarter,
                vec![
                    ("2020-Q2", 1),
                    ("2020-Q3", 3),
                    ("2020-Q4", 2),
                    ("2021-Q1", 2),
                ],
            ),
            // Empty months between the first and the last show, with 0.
            (
                Granularity::Month,
                vec![
                    ("2020-05", 1),
                    ("2020-06", 0),
                    ("2020-07", 1),
                    ("2020-08", 1),
                    ("2020-09", 1),
                    ("2020-10", 1),
                    ("2020-11", 0),
                    ("2020-12", 1),
                    ("2021-01", 1),
                    ("2021-02", 0),
                    ("2021-03", 1),
                ],
            ),
        ];
        for (gran, want) in cases {
            let t = timeline(&g, &f, gran);
            let got: Vec<(&str, usize)> = t
                .buckets
                .iter()
                .map(|(l, b)| (l.as_str(), b.meetings))
                .collect();
            assert_eq!(got, want, "{gran:?}");
        }
        let t = timeline(&g, &f, Granularity::Year);
        let y2021 = &t.buckets[1].1;
        assert_eq!(y2021.by_kind["country"], 2);
        assert_eq!(y2021.by_kind["organization"], 1);
        assert_eq!(
            y2021.by_topic["health"], 1,
            "Health and health are one topic"
        );
        assert_eq!(y2021.by_topic["education"], 1);
    }

    #[test]
    fn undated_meetings_go_last() {
        use crate::graph::tests::meeting;
        use crate::model::Extraction;
        let g = MeetingGraph::new(Extraction {
            meetings: vec![
                meeting("a", None, &["country:JP"], &[]),
                meeting("b", Some("2020"), &["country:JP"], &[]),
                meeting("c", Some("--03-04"), &["country:FR"], &[]),
            ],
            entities: vec![],
            ..Default::default()
        })
        .unwrap();
        let t = timeline(&g, &Filter::default(), Granularity::Month);
        let got: Vec<(&str, usize)> = t
            .buckets
            .iter()
            .map(|(l, b)| (l.as_str(), b.meetings))
            .collect();
        assert_eq!(got, [("unknown", 3)]);
        let t = timeline(&g, &Filter::default(), Granularity::Year);
        let got: Vec<(&str, usize)> = t
            .buckets
            .iter()
            .map(|(l, b)| (l.as_str(), b.meetings))
            .collect();
        assert_eq!(got, [("2020", 1), ("unknown", 2)]);
    }

    #[test]
    fn empty_periods_between_first_and_last_count_0() {
        use crate::graph::tests::meeting;
        use crate::model::Extraction;
        let g = MeetingGraph::new(Extraction {
            meetings: vec![
                meeting("a", Some("2019-11-02"), &["country:JP"], &[]),
                meeting("b", Some("2021-02-10"), &["country:JP"], &[]),
                meeting("c", None, &["country:FR"], &[]),
            ],
            entities: vec![],
            ..Default::default()
        })
        .unwrap();
        let labels = |gran| -> Vec<(String, usize)> {
            timeline(&g, &Filter::default(), gran)
                .buckets
                .into_iter()
                .map(|(l, b)| (l, b.meetings))
                .collect()
        };
        let q: Vec<(&str, usize)> = [
            ("2019-Q4", 1),
            ("2020-Q1", 0),
            ("2020-Q2", 0),
            ("2020-Q3", 0),
            ("2020-Q4", 0),
            ("2021-Q1", 1),
            ("unknown", 1),
        ]
        .to_vec();
        let got = labels(Granularity::Quarter);
        let got: Vec<(&str, usize)> = got.iter().map(|(l, n)| (l.as_str(), *n)).collect();
        assert_eq!(got, q);
        let years = labels(Granularity::Year);
        let years: Vec<(&str, usize)> = years.iter().map(|(l, n)| (l.as_str(), *n)).collect();
        assert_eq!(
            years,
            [("2019", 1), ("2020", 0), ("2021", 1), ("unknown", 1)]
        );
        let months = labels(Granularity::Month);
        assert_eq!(months.len(), 16 + 1, "2019-11 to 2021-02, then unknown");
        assert_eq!(months[2], ("2020-01".to_string(), 0));
    }
}
