//! The partner graph without the hub: how partners relate to each other.
//!
//! A corpus of one organization's press releases is a star: every meeting
//! joins the hub to a counterpart, and on it every counterpart has
//! betweenness 0. This graph leaves the hub out and links two partners
//! (states or organizations other than the hub) when the corpus supports
//! it, each link with its evidence ([`LinkEvidence`]):
//!
//! - `same_event`: meetings on the same full date in the same place, one
//!   with each partner (the hub met them at one event: a session, a
//!   conference). At the hub's own seat ([`LinkOptions::hub_seat`]), where
//!   the hub receives visitors one after the other, the meetings must also
//!   be reported by one document;
//! - `same_occasion`: meetings at one named event ("on the sidelines of
//!   the 47th session of the Council of Foreign Ministers", the meeting's
//!   [`crate::model::Occasion`]), one with each partner, dated within
//!   [`OCCASION_DAYS`] days of each other (in one month when a date is
//!   partial, from one document when one is undated). Meetings linked by
//!   `same_event` are not linked again by their occasion;
//! - `joint_meeting`: both are parties of one meeting (a meeting of three
//!   or more parties, the hub being one);
//! - `shared_person`: a person who is in meetings with both, or who
//!   represents one in a meeting with the other. Only people who represent
//!   a partner in every meeting they are in count: those who represent the
//!   hub are in every meeting, and in the hub's press releases a person
//!   whom no one is said to represent is most often the hub's own staff (on
//!   dev2 both such links were ICESCO sector heads);
//! - `shared_initiative`: both invited to, or members of, the same
//!   initiative.
//!
//! A link's weight is its number of pieces of evidence.
//! [`hubless_centrality`] computes the measures of
//! [`crate::analysis::centrality`] on this graph, whose nodes are every
//! partner of a kept meeting (linked or not) and every partner of a link.

use super::centrality::{Centrality, PartnerGraph, centralities};
use super::partners::is_partner;
use crate::Result;
use crate::gazetteer::Gazetteer;
use crate::graph::{Filter, MeetingGraph, kind_of_id};
use crate::model::{EntityKind, Meeting, PartialDate};
use crate::text::fold;
use petgraph::graph::UnGraph;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Which meetings the partner graph is built from.
#[derive(Debug, Clone, Default)]
pub struct LinkOptions {
    pub filter: Filter,
    /// The names of the cities where the hubs have their seats ([`hub_seat`]).
    pub hub_seat: Vec<String>,
}

/// How a partner relates to an initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Invited,
    Member,
}

/// Why two partners are linked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkEvidence {
    /// Meetings on one date in one place, one with each partner (ids).
    SameEvent {
        date: PartialDate,
        place: String,
        meetings: Vec<String>,
    },
    /// Meetings at one named event, one with each partner (ids).
    SameOccasion {
        occasion: String,
        meetings: Vec<String>,
    },
    /// A meeting both are parties of, with all its parties.
    JointMeeting {
        meeting: String,
        date: Option<PartialDate>,
        parties: Vec<String>,
    },
    /// A person in meetings with both (the meetings that link them).
    SharedPerson {
        person: String,
        meetings: Vec<String>,
    },
    /// An initiative both were invited to or are members of; `relations`
    /// are the link's source's and target's.
    SharedInitiative {
        initiative: String,
        relations: [Relation; 2],
    },
}

/// Two partners (`source` before `target` by id) and why they are linked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerLink {
    pub source: String,
    pub target: String,
    /// The number of pieces of evidence.
    pub weight: f64,
    pub evidence: Vec<LinkEvidence>,
}

/// The names (name and aliases) of the city where the gazetteer says the
/// hub has its headquarters; empty when it does not say.
///
/// ```
/// let g = diplograph::gazetteer::Gazetteer::builtin().unwrap();
/// assert!(diplograph::analysis::hub_seat(&g, "org:icesco").iter().any(|n| n == "Rabat"));
/// ```
pub fn hub_seat(gazetteer: &Gazetteer, hub: &str) -> Vec<String> {
    let seat = gazetteer
        .by_id(hub)
        .and_then(|h| gazetteer.entry(h).headquarters.as_deref())
        .and_then(|s| gazetteer.by_id(s));
    match seat {
        Some(s) => {
            let e = gazetteer.entry(s);
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .cloned()
                .collect()
        }
        None => Vec::new(),
    }
}

/// The most days apart two meetings at one named event may be: a session,
/// a conference or a summit lasts days, rarely more than a week.
pub const OCCASION_DAYS: i64 = 10;

/// True when two meetings can be at one event: full dates at most
/// [`OCCASION_DAYS`] apart, partial dates of one month (or one year when a
/// month is unknown), undated meetings from one document.
fn same_time(a: &Meeting, b: &Meeting) -> bool {
    let day = |d: PartialDate| chrono::NaiveDate::from_ymd_opt(d.year?, d.month?, d.day?);
    match (a.date, b.date) {
        (Some(x), Some(y)) => match (day(x), day(y)) {
            (Some(x), Some(y)) => (x - y).num_days().abs() <= OCCASION_DAYS,
            _ => {
                x.year == y.year
                    && x.year.is_some()
                    && (x.month.is_none() || y.month.is_none() || x.month == y.month)
            }
        },
        _ => !docs(a).is_disjoint(&docs(b)),
    }
}

/// The documents that report a meeting.
fn docs(m: &Meeting) -> BTreeSet<&str> {
    std::iter::once(m.doc.as_str())
        .chain(m.evidence.iter().map(|e| e.doc.as_str()))
        .collect()
}

/// For two groups of meetings, the partners of one paired with those of the
/// other (each pair once, in id order) and the meetings that pair them.
fn pairs_across<'a>(
    pairs: impl IntoIterator<Item = (&'a Meeting, &'a Meeting)>,
    hubs: &[String],
) -> BTreeMap<(String, String), BTreeSet<&'a str>> {
    let mut by_pair: BTreeMap<(String, String), BTreeSet<&str>> = BTreeMap::new();
    for (m1, m2) in pairs {
        for a in partners_of(m1, hubs) {
            for b in partners_of(m2, hubs) {
                if a != b {
                    let (x, y) = pair(a, b);
                    by_pair
                        .entry((x.to_string(), y.to_string()))
                        .or_default()
                        .extend([m1.id.as_str(), m2.id.as_str()]);
                }
            }
        }
    }
    by_pair
}

type Pair<'a> = (&'a str, &'a str);

fn pair<'a>(a: &'a str, b: &'a str) -> Pair<'a> {
    if a < b { (a, b) } else { (b, a) }
}

/// The partners among a meeting's parties, once each, in id order.
fn partners_of<'a>(m: &'a Meeting, hubs: &[String]) -> BTreeSet<&'a str> {
    m.parties
        .iter()
        .map(String::as_str)
        .filter(|p| is_partner(p, hubs))
        .collect()
}

/// Every link between partners that the kept meetings and announcements
/// support, ordered by source and target.
///
/// ```
/// use diplograph::analysis::{LinkEvidence, LinkOptions, partner_links};
/// use diplograph::graph::MeetingGraph;
/// use diplograph::model::{Extraction, Meeting};
/// let mut m = Meeting::new("m-1", "a.txt");
/// m.parties = vec!["org:icesco".into(), "country:FR".into(), "org:who".into()];
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], ..Default::default() }).unwrap();
/// let links = partner_links(&g, &LinkOptions::default());
/// assert_eq!((links[0].source.as_str(), links[0].target.as_str()), ("country:FR", "org:who"));
/// assert!(matches!(links[0].evidence[0], LinkEvidence::JointMeeting { .. }));
/// ```
pub fn partner_links(g: &MeetingGraph, options: &LinkOptions) -> Vec<PartnerLink> {
    let hubs = g.hubs();
    let kept: Vec<&Meeting> = g.filtered(&options.filter).map(|(_, m)| m).collect();
    let mut evidence: BTreeMap<Pair<'_>, Vec<LinkEvidence>> = BTreeMap::new();
    let mut add = |a: &str, b: &str, e: LinkEvidence| {
        if a != b {
            // Ids of the graph outlive the map: borrow them from it.
            let (Some(a), Some(b)) = (g.entity(a), g.entity(b)) else {
                return;
            };
            evidence.entry(pair(&a.id, &b.id)).or_default().push(e);
        }
    };

    // Joint meetings.
    for m in &kept {
        let partners = partners_of(m, hubs);
        let list: Vec<&str> = partners.iter().copied().collect();
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                add(
                    a,
                    b,
                    LinkEvidence::JointMeeting {
                        meeting: m.id.clone(),
                        date: m.date,
                        parties: m.parties.clone(),
                    },
                );
            }
        }
    }

    // Same event: meetings grouped by full date and folded place.
    let seat: HashSet<String> = options.hub_seat.iter().map(|s| fold(s)).collect();
    let mut events: BTreeMap<(PartialDate, String), Vec<&Meeting>> = BTreeMap::new();
    for m in &kept {
        if let (Some(d), Some(place)) = (m.date, &m.place)
            && d.is_full()
        {
            events.entry((d, fold(place))).or_default().push(m);
        }
    }
    // Pairs of meetings at one event, each pair once.
    let mut at_event: HashSet<(&str, &str)> = HashSet::new();
    for ((date, place), group) in &events {
        let at_seat = seat.contains(place);
        let mut together: Vec<(&Meeting, &Meeting)> = Vec::new();
        for (i, m1) in group.iter().enumerate() {
            for m2 in &group[i + 1..] {
                if !(at_seat && docs(m1).is_disjoint(&docs(m2))) {
                    together.push((m1, m2));
                    at_event.insert(pair(&m1.id, &m2.id));
                }
            }
        }
        let shown = group[0].place.clone().unwrap_or_default();
        for ((a, b), meetings) in pairs_across(together, hubs) {
            add(
                &a,
                &b,
                LinkEvidence::SameEvent {
                    date: *date,
                    place: shown.clone(),
                    meetings: meetings.into_iter().map(String::from).collect(),
                },
            );
        }
    }

    // Same occasion: meetings grouped by the folded name of their event.
    let mut occasions: BTreeMap<String, Vec<&Meeting>> = BTreeMap::new();
    for m in &kept {
        if let Some(o) = &m.occasion {
            occasions.entry(fold(&o.name)).or_default().push(m);
        }
    }
    for group in occasions.values() {
        let mut together: Vec<(&Meeting, &Meeting)> = Vec::new();
        for (i, m1) in group.iter().enumerate() {
            for m2 in &group[i + 1..] {
                if same_time(m1, m2) && !at_event.contains(&pair(&m1.id, &m2.id)) {
                    together.push((m1, m2));
                }
            }
        }
        let shown = group[0]
            .occasion
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default();
        for ((a, b), meetings) in pairs_across(together, hubs) {
            add(
                &a,
                &b,
                LinkEvidence::SameOccasion {
                    occasion: shown.clone(),
                    meetings: meetings.into_iter().map(String::from).collect(),
                },
            );
        }
    }

    // Shared people: the partners each person meets or represents.
    let unattributed: HashSet<&str> = g
        .meetings()
        .iter()
        .flat_map(|m| m.participants.iter().chain(&m.attendees))
        .filter(|p| !p.represents.as_deref().is_some_and(|r| is_partner(r, hubs)))
        .map(|p| p.person.as_str())
        .collect();
    let mut people: BTreeMap<&str, BTreeMap<&str, BTreeSet<&str>>> = BTreeMap::new();
    for m in &kept {
        let partners = partners_of(m, hubs);
        for p in m.participants.iter().chain(&m.attendees) {
            let Some(represented) = p.represents.as_deref() else {
                continue;
            };
            if unattributed.contains(p.person.as_str()) {
                continue;
            }
            let met = people.entry(&p.person).or_default();
            for partner in partners.iter().copied().chain([represented]) {
                met.entry(partner).or_default().insert(&m.id);
            }
        }
    }
    for (person, met) in &people {
        let list: Vec<(&str, &BTreeSet<&str>)> = met.iter().map(|(k, v)| (*k, v)).collect();
        for (i, (a, ma)) in list.iter().enumerate() {
            for (b, mb) in &list[i + 1..] {
                let meetings: BTreeSet<&str> = ma.union(mb).copied().collect();
                add(
                    a,
                    b,
                    LinkEvidence::SharedPerson {
                        person: person.to_string(),
                        meetings: meetings.into_iter().map(String::from).collect(),
                    },
                );
            }
        }
    }

    // Shared initiatives, from meetings and announcements alike.
    let mut initiatives: BTreeMap<&str, BTreeMap<&str, Relation>> = BTreeMap::new();
    let mut relate = |partner: &'_ str, target: &'_ str, r: Relation| {
        if is_partner(partner, hubs) && kind_of_id(target).ok() == Some(EntityKind::Initiative) {
            let (Some(p), Some(t)) = (g.entity(partner), g.entity(target)) else {
                return;
            };
            let e = initiatives
                .entry(t.id.as_str())
                .or_default()
                .entry(p.id.as_str())
                .or_insert(r);
            *e = (*e).max(r);
        }
    };
    let announcements = g
        .extraction()
        .announcements
        .iter()
        .filter(|a| g.keeps_announcement(&options.filter, a));
    let facts = kept
        .iter()
        .map(|m| (&m.invitations, &m.memberships))
        .chain(announcements.map(|a| (&a.invitations, &a.memberships)));
    for (invitations, memberships) in facts {
        for i in invitations {
            relate(&i.invitee, &i.target, Relation::Invited);
        }
        for m in memberships {
            relate(&m.member, &m.of, Relation::Member);
        }
    }
    for (initiative, members) in &initiatives {
        let list: Vec<(&str, Relation)> = members.iter().map(|(k, v)| (*k, *v)).collect();
        for (i, (a, ra)) in list.iter().enumerate() {
            for (b, rb) in &list[i + 1..] {
                add(
                    a,
                    b,
                    LinkEvidence::SharedInitiative {
                        initiative: initiative.to_string(),
                        relations: [*ra, *rb],
                    },
                );
            }
        }
    }

    evidence
        .into_iter()
        .map(|((a, b), evidence)| PartnerLink {
            source: a.to_string(),
            target: b.to_string(),
            weight: evidence.len() as f64,
            evidence,
        })
        .collect()
}

/// The partner graph without the hubs: every partner of a kept meeting and
/// of a link, in id order, the links weighted by their evidence, and each
/// node's meetings: the kept meetings it is a party of.
///
/// ```
/// use diplograph::analysis::{LinkOptions, hubless_graph};
/// use diplograph::graph::MeetingGraph;
/// use diplograph::model::{Extraction, Meeting};
/// let m = |id: &str, other: &str| Meeting {
///     parties: vec!["org:icesco".into(), other.into()], ..Meeting::new(id, "a.txt") };
/// let g = MeetingGraph::new(Extraction {
///     meetings: vec![m("m-1", "country:JP"), m("m-2", "country:FR")], ..Default::default() }).unwrap();
/// let p = hubless_graph(&g, &LinkOptions::default());
/// assert_eq!((p.graph.node_count(), p.graph.edge_count()), (2, 0));
/// ```
pub fn hubless_graph(g: &MeetingGraph, options: &LinkOptions) -> PartnerGraph {
    hubless_graph_of(g, options, &partner_links(g, options))
}

/// [`hubless_graph`] with the links of [`partner_links`] already computed.
pub fn hubless_graph_of(
    g: &MeetingGraph,
    options: &LinkOptions,
    links: &[PartnerLink],
) -> PartnerGraph {
    let hubs = g.hubs();
    // Each partner's kept meetings (with a hub), by id.
    let mut met: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, m) in g.filtered(&options.filter) {
        for p in partners_of(m, hubs) {
            *met.entry(p).or_default() += 1;
        }
    }
    let mut ids: BTreeSet<&str> = met.keys().copied().collect();
    ids.extend(
        links
            .iter()
            .flat_map(|l| [l.source.as_str(), l.target.as_str()]),
    );
    let mut graph = UnGraph::with_capacity(ids.len(), links.len());
    let index: BTreeMap<&str, _> = ids
        .iter()
        .map(|id| (*id, graph.add_node(id.to_string())))
        .collect();
    for l in links {
        graph.add_edge(index[l.source.as_str()], index[l.target.as_str()], l.weight);
    }
    // Links come from evidence: a node's meetings are those it is a party
    // of (a partner known from an initiative alone has none).
    let meetings = ids
        .iter()
        .map(|id| met.get(id).copied().unwrap_or_default())
        .collect();
    PartnerGraph {
        graph,
        meetings: Some(meetings),
    }
}

/// The centralities of [`hubless_graph`], in its node order.
///
/// ```
/// use diplograph::analysis::{LinkOptions, hubless_centrality};
/// use diplograph::graph::MeetingGraph;
/// use diplograph::model::{Extraction, Meeting};
/// let mut m = Meeting::new("m-1", "a.txt");
/// m.parties = vec!["org:icesco".into(), "country:FR".into(), "org:who".into()];
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], ..Default::default() }).unwrap();
/// let c = hubless_centrality(&g, &LinkOptions::default()).unwrap();
/// assert_eq!(c.len(), 2);
/// assert_eq!(c[0].degree, 1.0);
/// ```
pub fn hubless_centrality(g: &MeetingGraph, options: &LinkOptions) -> Result<Vec<Centrality>> {
    centralities(&hubless_graph(g, options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::meeting;
    use crate::model::{Capacity, Extraction, Invitation, Membership, Participant};

    fn at(mut m: Meeting, place: &str) -> Meeting {
        m.place = Some(place.into());
        m
    }

    /// One piece of evidence of each kind, and two meetings at the hub's
    /// seat on one day reported apart, which make no event.
    fn graph() -> MeetingGraph {
        let joint = meeting("joint", Some("2022-03-01"), &["country:FR", "org:who"], &[]);
        let baku_az = at(
            meeting("baku-az", Some("2022-05-10"), &["country:AZ"], &[]),
            "Baku",
        );
        let baku_tr = at(
            meeting("baku-tr", Some("2022-05-10"), &["country:TR"], &[]),
            "baku",
        );
        let rabat_jp = at(
            meeting("rabat-jp", Some("2022-05-11"), &["country:JP"], &[]),
            "Rabat",
        );
        let rabat_sn = at(
            meeting("rabat-sn", Some("2022-05-11"), &["country:SN"], &[]),
            "Rabat",
        );
        let mut rabat_kw = at(
            meeting("rabat-kw", Some("2022-05-12"), &["country:KW"], &[]),
            "Rabat",
        );
        let mut rabat_ps = at(
            meeting("rabat-ps", Some("2022-05-12"), &["country:PS"], &[]),
            "Rabat",
        );
        for m in [&mut rabat_kw, &mut rabat_ps] {
            m.evidence[0].doc = "commissions.txt".into();
        }
        let mut envoy = meeting("envoy", None, &["country:OM"], &[]);
        envoy.attendees.push(Participant {
            person: "person:envoy".into(),
            role: Some("Ambassador of Qatar".into()),
            represents: Some("country:QA".into()),
        });
        // A staff member nobody is said to represent, at two meetings.
        let staff = Participant {
            person: "person:staff".into(),
            role: Some("Head of the Culture Sector".into()),
            represents: None,
        };
        envoy.attendees.push(staff.clone());
        let mut coalition = meeting("coalition", None, &["country:JP"], &[]);
        coalition.attendees.push(staff);
        coalition.invitations.push(Invitation {
            invitee: "country:JP".into(),
            target: "initiative:coalition".into(),
            capacity: Capacity::Member,
            evidence: None,
        });
        let mut joined = meeting("joined", None, &["country:SN"], &[]);
        joined.memberships.push(Membership {
            member: "country:SN".into(),
            of: "initiative:coalition".into(),
            capacity: Capacity::Member,
            evidence: None,
        });
        MeetingGraph::new(Extraction {
            meetings: vec![
                joint, baku_az, baku_tr, rabat_jp, rabat_sn, rabat_kw, rabat_ps, envoy, coalition,
                joined,
            ],
            ..Default::default()
        })
        .unwrap()
    }

    fn options() -> LinkOptions {
        LinkOptions {
            hub_seat: vec!["Rabat".into()],
            ..LinkOptions::default()
        }
    }

    #[test]
    fn links_of_each_kind_with_their_evidence() {
        let g = graph();
        let links = partner_links(&g, &options());
        let pairs: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.source.as_str(), l.target.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("country:AZ", "country:TR"),
                ("country:FR", "org:who"),
                ("country:JP", "country:SN"),
                ("country:KW", "country:PS"),
                ("country:OM", "country:QA"),
            ]
        );
        let evidence = |a: &str| &links.iter().find(|l| l.source == a).unwrap().evidence;
        assert_eq!(
            evidence("country:AZ"),
            &[LinkEvidence::SameEvent {
                date: PartialDate::ymd(2022, 5, 10),
                place: "Baku".into(),
                meetings: vec!["baku-az".into(), "baku-tr".into()],
            }]
        );
        assert!(matches!(
            &evidence("country:FR")[0],
            LinkEvidence::JointMeeting { meeting, parties, .. }
                if meeting == "joint" && parties.len() == 3
        ));
        // Japan and Senegal: not the same event (the hub's seat, two
        // documents), but the same coalition.
        assert_eq!(
            evidence("country:JP"),
            &[LinkEvidence::SharedInitiative {
                initiative: "initiative:coalition".into(),
                relations: [Relation::Invited, Relation::Member],
            }]
        );
        assert!(matches!(
            &evidence("country:KW")[0],
            LinkEvidence::SameEvent { .. }
        ));
        assert_eq!(
            evidence("country:OM"),
            &[LinkEvidence::SharedPerson {
                person: "person:envoy".into(),
                meetings: vec!["envoy".into()],
            }]
        );
        // The hub's own people (person:dg of every meeting) and the staff
        // member of no side link no one.
        assert!(links.iter().all(|l| l.weight == 1.0));
        // Without the seat, the two audiences in Rabat are one event.
        let no_seat = partner_links(&g, &LinkOptions::default());
        let jp_sn = no_seat.iter().find(|l| l.source == "country:JP").unwrap();
        assert_eq!(jp_sn.weight, 2.0);
    }

    #[test]
    fn meetings_at_one_named_event() {
        // (id, date, partner, event, document)
        let table: &[(&str, Option<&str>, &str, &str, &str)] = &[
            (
                "oic",
                Some("2020-11-28"),
                "org:oic",
                "47th session of the CFM",
                "a.txt",
            ),
            (
                "sn",
                Some("2020-11-30"),
                "country:SN",
                "47th Session of the CFM",
                "b.txt",
            ),
            (
                "td",
                Some("2020-11-30"),
                "country:TD",
                "47th session of the CFM",
                "c.txt",
            ),
            // The same name fifteen months later: another session.
            (
                "pk",
                Some("2022-03-16"),
                "country:PK",
                "47th session of the CFM",
                "d.txt",
            ),
            // Undated: from one document only.
            ("ma", None, "country:MA", "Heritage Forum", "e.txt"),
            ("qa", None, "country:QA", "Heritage Forum", "e.txt"),
            ("tn", None, "country:TN", "Heritage Forum", "f.txt"),
            // A month and a day of that month.
            ("jo", Some("2024-05"), "country:JO", "Youth Summit", "g.txt"),
            (
                "eg",
                Some("2024-05-20"),
                "country:EG",
                "Youth Summit",
                "h.txt",
            ),
        ];
        let meetings = table
            .iter()
            .map(|&(id, date, partner, event, doc)| {
                let mut m = at(meeting(id, date, &[partner], &[]), "Niamey");
                m.occasion = Some(crate::model::Occasion {
                    name: event.into(),
                    evidence: None,
                });
                m.evidence[0].doc = doc.into();
                m
            })
            .collect();
        let g = MeetingGraph::new(Extraction {
            meetings,
            ..Default::default()
        })
        .unwrap();
        let links = partner_links(&g, &LinkOptions::default());
        let found: Vec<(&str, &str, &str)> = links
            .iter()
            .flat_map(|l| {
                l.evidence.iter().map(|e| {
                    let kind = match e {
                        LinkEvidence::SameOccasion { .. } => "occasion",
                        LinkEvidence::SameEvent { .. } => "event",
                        _ => "other",
                    };
                    (l.source.as_str(), l.target.as_str(), kind)
                })
            })
            .collect();
        // Senegal and Chad met on one day in one place: one event, not
        // again the occasion.
        assert_eq!(
            found,
            [
                ("country:EG", "country:JO", "occasion"),
                ("country:MA", "country:QA", "occasion"),
                ("country:SN", "country:TD", "event"),
                ("country:SN", "org:oic", "occasion"),
                ("country:TD", "org:oic", "occasion"),
            ]
        );
        assert_eq!(
            links[3].evidence,
            [LinkEvidence::SameOccasion {
                occasion: "47th session of the CFM".into(),
                meetings: vec!["oic".into(), "sn".into()],
            }]
        );
    }

    #[test]
    fn centralities_without_the_hub() {
        let g = graph();
        let p = hubless_graph(&g, &options());
        assert_eq!(p.graph.node_count(), 10);
        assert_eq!(p.graph.edge_count(), 5);
        let c = hubless_centrality(&g, &options()).unwrap();
        assert!(c.iter().all(|x| x.id != "org:icesco"));
        let jp = c.iter().find(|x| x.id == "country:JP").unwrap();
        // one partner of nine others
        assert!((jp.degree - 1.0 / 9.0).abs() < 1e-12);
        assert_eq!(jp.betweenness, 0.0);
        // Japan's meetings (in Rabat, and with the coalition's invitation);
        // Qatar, represented by the envoy at Oman's meeting, is a party of none.
        assert_eq!(jp.meetings, Some(2));
        let qa = c.iter().find(|x| x.id == "country:QA").unwrap();
        assert_eq!(qa.meetings, Some(0));
        let filtered = hubless_graph(
            &g,
            &LinkOptions {
                filter: Filter {
                    since: "2022".parse().ok(),
                    ..Filter::default()
                },
                ..options()
            },
        );
        // Only the dated meetings: no person, no initiative.
        assert_eq!(filtered.graph.edge_count(), 3);
    }

    #[test]
    fn without_the_hubs_is_without_every_hub() {
        let g = crate::graph::tests::two_hubs(true);
        let p = hubless_graph(&g, &LinkOptions::default());
        let meetings = p.meetings.as_ref().unwrap();
        let nodes: Vec<(&str, usize)> = p
            .graph
            .node_indices()
            .map(|n| (p.graph[n].as_str(), meetings[n.index()]))
            .collect();
        assert_eq!(
            nodes,
            [("country:FR", 1), ("country:JP", 2), ("country:TN", 1)]
        );
        assert_eq!(p.graph.edge_count(), 0);
    }
}
