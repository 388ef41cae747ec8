//! Timelines: meetings per month, quarter or year, by counterpart kind and
//! by topic.
//!
//! A meeting whose date lacks what the granularity needs (a year, or a month
//! for months and quarters) falls in the bucket `unknown`. Counterpart kinds
//! are those of the parties other than the hub; a meeting counts once per
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

/// The label of a meeting's bucket: `2020-07`, `2020-Q3`, `2020`, `unknown`.
fn label(date: Option<crate::model::PartialDate>, g: Granularity) -> String {
    let Some(d) = date else {
        return "unknown".into();
    };
    match (g, d.year, d.month) {
        (Granularity::Year, Some(y), _) => format!("{y:04}"),
        (Granularity::Month, Some(y), Some(m)) => format!("{y:04}-{m:02}"),
        (Granularity::Quarter, Some(y), Some(m)) => format!("{y:04}-Q{}", m.div_ceil(3)),
        _ => "unknown".into(),
    }
}

/// Counts the meetings that pass the filter per bucket.
///
/// ```
/// use diplograph::analysis::{timeline, Granularity};
/// use diplograph::graph::{Filter, MeetingGraph};
/// use diplograph::model::Extraction;
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// assert!(timeline(&g, &Filter::default(), Granularity::Month).buckets.is_empty());
/// ```
pub fn timeline(g: &MeetingGraph, filter: &Filter, granularity: Granularity) -> Timeline {
    let mut buckets: BTreeMap<(bool, String), Bucket> = BTreeMap::new();
    for (_, m) in g.filtered(filter) {
        let l = label(m.date, granularity);
        let b = buckets.entry((l == "unknown", l)).or_default();
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
    Timeline {
        granularity,
        buckets: buckets.into_iter().map(|((_, l), b)| (l, b)).collect(),
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
            (
                Granularity::Month,
                vec![
                    ("2020-05", 1),
                    ("2020-07", 1),
                    ("2020-08", 1),
                    ("2020-09", 1),
                    ("2020-10", 1),
                    ("2020-12", 1),
                    ("2021-01", 1),
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
}
