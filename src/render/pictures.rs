//! What the pictures (the DOT diagram and the `serve` page) size and link
//! their nodes by, each in one function so that a fuller analysis can take
//! its place without touching the pictures:
//! - [`engagement`]: how much an entity weighs, today its number of
//!   meetings;
//! - [`partner_graph`]: the partners among themselves, without the hub,
//!   linked when they took part in the same multilateral meeting (three
//!   parties or more) or in meetings held on the same day in the same place
//!   (the sidelines of one event).

use crate::graph::MeetingGraph;
use crate::model::{EntityKind, PartialDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Each entity's number of meetings, as party, participant or attendee (a
/// meeting counts once per entity); entities of no meeting are absent.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// # let m = |id: &str, other: &str| Meeting { id: id.into(), doc: "a.txt".into(), headline: None,
/// #     lang: "en".into(), date: None, place: None, mode: None,
/// #     parties: vec!["org:icesco".into(), other.into()], participants: vec![], attendees: vec![],
/// #     topics: vec![], invitations: vec![], memberships: vec![], agreements: vec![], evidence: vec![] };
/// use diplograph::render::pictures::engagement;
/// let g = MeetingGraph::new(Extraction {
///     meetings: vec![m("m-1", "country:JP"), m("m-2", "country:JP"), m("m-3", "country:FR")],
///     ..Default::default()
/// }).unwrap();
/// let e = engagement(&g);
/// assert_eq!((e["org:icesco"], e["country:JP"], e["country:FR"]), (3.0, 2.0, 1.0));
/// ```
pub fn engagement(graph: &MeetingGraph) -> HashMap<&str, f64> {
    let mut counts: HashMap<&str, f64> = HashMap::new();
    for m in graph.meetings() {
        let people = m.participants.iter().chain(&m.attendees);
        let ids: BTreeSet<&str> = m
            .parties
            .iter()
            .map(String::as_str)
            .chain(people.map(|p| p.person.as_str()))
            .collect();
        for id in ids {
            *counts.entry(id).or_default() += 1.0;
        }
    }
    counts
}

/// Why two partners are linked in the [`partner_graph`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SharedEvent {
    /// Both were parties to one meeting of three parties or more.
    Meeting { meeting: String, parties: usize },
    /// Each was a party to a meeting held on this day in this place.
    SameDayAndPlace {
        date: PartialDate,
        place: String,
        meetings: Vec<String>,
    },
}

/// Two partners and what they shared; `source` sorts before `target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerLink {
    pub source: String,
    pub target: String,
    /// The number of shared events (the length of `evidence`).
    pub weight: usize,
    pub evidence: Vec<SharedEvent>,
}

/// A partner of the [`partner_graph`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerNode {
    pub id: String,
    pub kind: EntityKind,
    pub label: String,
    /// Its [`engagement`].
    pub engagement: f64,
}

/// The partners among themselves (see [`partner_graph`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerGraph {
    /// The hub left out.
    pub hub: Option<String>,
    /// Every partner of a meeting, linked or not, by id.
    pub nodes: Vec<PartnerNode>,
    /// Sorted by source, then target.
    pub links: Vec<PartnerLink>,
}

/// The partners (states, organizations and initiatives that are party to a
/// meeting, the hub left out), linked when they shared a multilateral
/// meeting or were met on the same day in the same place (a full date and
/// the same place name, case aside): the evidence of each link lists those
/// meetings and events.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// # let m = |id: &str, parties: &[&str], place: &str| Meeting { id: id.into(), doc: "a.txt".into(),
/// #     headline: None, lang: "en".into(), date: Some("2021-05-03".parse().unwrap()),
/// #     place: Some(place.into()), mode: None, parties: parties.iter().map(|p| p.to_string()).collect(),
/// #     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
/// #     memberships: vec![], agreements: vec![], evidence: vec![] };
/// use diplograph::render::pictures::partner_graph;
/// let g = MeetingGraph::new(Extraction { meetings: vec![
///     m("m-1", &["org:icesco", "country:JP", "org:unesco"], "Paris"),
///     m("m-2", &["org:icesco", "country:FR"], "Rabat"),
///     m("m-3", &["org:icesco", "country:SN"], "Rabat"),
/// ], ..Default::default() }).unwrap();
/// let p = partner_graph(&g);
/// assert_eq!(p.nodes.len(), 4);
/// let pairs: Vec<_> = p.links.iter().map(|l| (l.source.as_str(), l.target.as_str())).collect();
/// assert_eq!(pairs, [("country:FR", "country:SN"), ("country:JP", "org:unesco")]);
/// ```
pub fn partner_graph(graph: &MeetingGraph) -> PartnerGraph {
    let hub = graph.hub();
    let is_partner = |id: &str| {
        Some(id) != hub
            && graph
                .entity(id)
                .is_some_and(|e| !matches!(e.kind, EntityKind::Person | EntityKind::Place))
    };
    let partners_of = |parties: &[String]| -> BTreeSet<String> {
        parties.iter().filter(|p| is_partner(p)).cloned().collect()
    };
    let mut evidence: BTreeMap<(String, String), Vec<SharedEvent>> = BTreeMap::new();
    let mut add = |a: &String, b: &String, event: &SharedEvent| {
        evidence
            .entry((a.clone(), b.clone()))
            .or_default()
            .push(event.clone());
    };
    // meetings by full date and place, for the same-event links
    let mut events: BTreeMap<(PartialDate, String), Vec<usize>> = BTreeMap::new();
    for (i, m) in graph.meetings().iter().enumerate() {
        let parties: BTreeSet<&str> = m.parties.iter().map(String::as_str).collect();
        let partners = partners_of(&m.parties);
        if parties.len() >= 3 {
            let event = SharedEvent::Meeting {
                meeting: m.id.clone(),
                parties: parties.len(),
            };
            for (k, a) in partners.iter().enumerate() {
                for b in partners.iter().skip(k + 1) {
                    add(a, b, &event);
                }
            }
        }
        if let (Some(date), Some(place)) = (m.date, &m.place)
            && date.is_full()
            && !partners.is_empty()
        {
            events
                .entry((date, place.to_lowercase()))
                .or_default()
                .push(i);
        }
    }
    for ((date, _), meetings) in events.into_iter().filter(|(_, ms)| ms.len() >= 2) {
        let ms: Vec<_> = meetings.iter().map(|&i| &graph.meetings()[i]).collect();
        let event = SharedEvent::SameDayAndPlace {
            date,
            place: ms[0].place.clone().unwrap_or_default(),
            meetings: ms.iter().map(|m| m.id.clone()).collect(),
        };
        // each partner with the meetings of the event it was a party to
        let mut at: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (k, m) in ms.iter().enumerate() {
            for p in partners_of(&m.parties) {
                at.entry(p).or_default().insert(k);
            }
        }
        let at: Vec<_> = at.into_iter().collect();
        for (k, (a, ma)) in at.iter().enumerate() {
            for (b, mb) in &at[k + 1..] {
                // two meetings of the event, not one meeting twice
                let one_meeting = ma.len() == 1 && ma == mb;
                if !one_meeting {
                    add(a, b, &event);
                }
            }
        }
    }
    let weights = engagement(graph);
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for m in graph.meetings() {
        ids.extend(
            m.parties
                .iter()
                .map(String::as_str)
                .filter(|p| is_partner(p)),
        );
    }
    let nodes = ids
        .into_iter()
        .filter_map(|id| graph.entity(id))
        .map(|e| PartnerNode {
            id: e.id.clone(),
            kind: e.kind,
            label: e.name.clone(),
            engagement: weights.get(e.id.as_str()).copied().unwrap_or_default(),
        })
        .collect();
    let links = evidence
        .into_iter()
        .map(|((source, target), evidence)| PartnerLink {
            source,
            target,
            weight: evidence.len(),
            evidence,
        })
        .collect();
    PartnerGraph {
        hub: hub.map(str::to_string),
        nodes,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Extraction, Meeting, Participant};

    fn meeting(id: &str, date: &str, place: &str, parties: &[&str]) -> Meeting {
        Meeting {
            id: id.into(),
            doc: format!("{id}.txt"),
            headline: None,
            lang: "en".into(),
            date: (!date.is_empty()).then(|| date.parse().unwrap()),
            place: (!place.is_empty()).then(|| place.to_string()),
            mode: None,
            parties: parties.iter().map(|p| p.to_string()).collect(),
            participants: vec![],
            attendees: vec![],
            topics: vec![],
            invitations: vec![],
            memberships: vec![],
            agreements: vec![],
            evidence: vec![],
        }
    }

    fn graph(meetings: Vec<Meeting>) -> MeetingGraph {
        MeetingGraph::new(Extraction {
            meetings,
            ..Default::default()
        })
        .unwrap()
    }

    fn pairs(p: &PartnerGraph) -> Vec<(&str, &str, usize)> {
        p.links
            .iter()
            .map(|l| (l.source.as_str(), l.target.as_str(), l.weight))
            .collect()
    }

    #[test]
    fn engagement_counts_each_meeting_once_per_entity() {
        let mut m = meeting("m-1", "2021-03-02", "Rabat", &["org:icesco", "country:JP"]);
        let envoy = Participant {
            person: "person:envoy".into(),
            role: Some("Ambassador".into()),
            represents: Some("country:JP".into()),
        };
        m.participants.push(envoy.clone());
        m.attendees.push(envoy);
        let g = graph(vec![
            m,
            meeting("m-2", "2021-04-02", "Rabat", &["org:icesco", "country:JP"]),
        ]);
        let e = engagement(&g);
        assert_eq!(e["org:icesco"], 2.0);
        assert_eq!(e["country:JP"], 2.0);
        assert_eq!(e["person:envoy"], 1.0);
        assert_eq!(e.len(), 3);
    }

    #[test]
    fn a_three_party_meeting_links_its_partners_but_not_the_hub() {
        let g = graph(vec![
            meeting(
                "m-1",
                "2021-03-02",
                "Baku",
                &["org:icesco", "country:AZ", "org:unesco", "country:TR"],
            ),
            meeting("m-2", "2021-03-09", "Baku", &["org:icesco", "country:AZ"]),
        ]);
        let p = partner_graph(&g);
        assert_eq!(p.hub.as_deref(), Some("org:icesco"));
        assert_eq!(
            pairs(&p),
            [
                ("country:AZ", "country:TR", 1),
                ("country:AZ", "org:unesco", 1),
                ("country:TR", "org:unesco", 1),
            ]
        );
        assert_eq!(
            p.links[0].evidence,
            [SharedEvent::Meeting {
                meeting: "m-1".into(),
                parties: 4
            }]
        );
    }

    #[test]
    fn meetings_on_one_day_in_one_place_link_their_partners() {
        let g = graph(vec![
            meeting("m-1", "2020-11-30", "Niamey", &["org:icesco", "country:SN"]),
            meeting("m-2", "2020-11-30", "niamey", &["org:icesco", "country:TN"]),
            meeting("m-3", "2020-11-30", "Niamey", &["org:icesco", "country:ML"]),
            // another day, another place, a partial date: no event
            meeting("m-4", "2020-12-01", "Niamey", &["org:icesco", "country:BJ"]),
            meeting("m-5", "2020-11-30", "Dakar", &["org:icesco", "country:GM"]),
            meeting("m-6", "2020-11", "Niamey", &["org:icesco", "country:TD"]),
        ]);
        let p = partner_graph(&g);
        assert_eq!(
            pairs(&p),
            [
                ("country:ML", "country:SN", 1),
                ("country:ML", "country:TN", 1),
                ("country:SN", "country:TN", 1),
            ]
        );
        let SharedEvent::SameDayAndPlace {
            date,
            place,
            meetings,
        } = &p.links[0].evidence[0]
        else {
            panic!("{:?}", p.links[0]);
        };
        assert_eq!(
            (date.to_string().as_str(), place.as_str()),
            ("2020-11-30", "Niamey")
        );
        assert_eq!(meetings, &["m-1", "m-2", "m-3"]);
        assert_eq!(p.nodes.len(), 6, "unlinked partners are nodes too");
    }

    #[test]
    fn one_multilateral_meeting_is_not_also_an_event_of_its_own() {
        // m-1 alone on its day and place: one piece of evidence per pair;
        // with m-2 there, JP and KR (both only in m-1) share just m-1
        let g = graph(vec![
            meeting(
                "m-1",
                "2022-06-01",
                "Seoul",
                &["org:icesco", "country:JP", "country:KR"],
            ),
            meeting("m-2", "2022-06-01", "Seoul", &["org:icesco", "country:CN"]),
        ]);
        let p = partner_graph(&g);
        assert_eq!(
            pairs(&p),
            [
                ("country:CN", "country:JP", 1),
                ("country:CN", "country:KR", 1),
                ("country:JP", "country:KR", 1),
            ]
        );
    }

    #[test]
    fn a_star_has_no_partner_links() {
        let g = graph(vec![
            meeting("m-1", "2021-01-05", "Rabat", &["org:icesco", "country:JP"]),
            meeting("m-2", "2021-01-06", "Rabat", &["org:icesco", "country:FR"]),
        ]);
        let p = partner_graph(&g);
        assert!(p.links.is_empty());
        let ids: Vec<_> = p.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["country:FR", "country:JP"]);
        assert_eq!(p.nodes[0].engagement, 1.0);
    }
}
