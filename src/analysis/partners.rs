//! Partner engagement: for every partner (a state or organization other
//! than the hubs that the kept meetings meet, invite or report as a member),
//! its meetings, first and last meeting, the highest office it sent
//! ([`Office`], from the roles of the people who represent it), topics,
//! invitations and their outcome, memberships, documents, and an engagement
//! score that says who matters now.
//!
//! The engagement score of a partner is
//!
//! ```text
//! E = Σ over its meetings m of  w(office of m) × 2^(−age(m) / H)
//!     + 1 × (its invitations)  + 2 × (its memberships)
//! ```
//!
//! - `w` is the weight of the highest office among the people who represent
//!   the partner in `m` (`data/offices.toml`: 5 head of state or
//!   government, 4 minister, 3 ambassador or envoy, 2 head of an
//!   organization, 1 other or no role);
//! - `age(m)` is the number of days from the meeting's date (its first day
//!   when only the month or year is known) to "now", and `H` the half-life
//!   in days (months of 365.2425 / 12 days; 12 months by default), so that
//!   a meeting counts half as much a half-life later;
//! - "now" is the latest meeting date of the whole graph, whatever the
//!   filter, or [`PartnerOptions::as_of`], which also leaves out what comes
//!   after it (as `--until` does), so that a result is reproducible;
//! - a meeting without a year counts with the recency of the oldest dated
//!   meeting of the graph: never more than any dated meeting;
//! - invitations are the partner's invitation groups (target and capacity,
//!   [`crate::analysis::invitations`]) and memberships its distinct
//!   memberships (target and capacity), each counted once, undecayed
//!   ([`INVITATION_POINTS`], [`MEMBERSHIP_POINTS`]).
//!
//! [`Partners::dormant`] keeps the partners whose last dated meeting is
//! more than some months before "now".

use super::invitations::invitations;
use super::members::MemberStates;
use super::offices::{Office, Offices};
use crate::graph::{Filter, MeetingGraph, date_span};
use crate::model::{Capacity, EntityKind, Evidence, Invitation, Meeting, Membership, PartialDate};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The default half-life of a meeting's weight, in months.
pub const DEFAULT_HALF_LIFE_MONTHS: f64 = 12.0;
/// What each invitation group adds to the score.
pub const INVITATION_POINTS: f64 = 1.0;
/// What each membership adds to the score.
pub const MEMBERSHIP_POINTS: f64 = 2.0;
/// Days in a month, on average over the Gregorian cycle.
const DAYS_PER_MONTH: f64 = 365.2425 / 12.0;

/// What the partner analysis looks at and how it scores.
#[derive(Debug, Clone)]
pub struct PartnerOptions {
    pub filter: Filter,
    /// Half-life of a meeting's weight, in months (more than 0).
    pub half_life_months: f64,
    /// "Now": by default the latest meeting date of the graph.
    pub as_of: Option<NaiveDate>,
    pub offices: Offices,
}

impl PartnerOptions {
    /// Every meeting, the default half-life, "now" from the graph.
    ///
    /// ```
    /// use diplograph::analysis::{DEFAULT_HALF_LIFE_MONTHS, Offices, PartnerOptions};
    /// let o = PartnerOptions::new(Offices::builtin().unwrap());
    /// assert_eq!((o.half_life_months, o.as_of), (DEFAULT_HALF_LIFE_MONTHS, None));
    /// ```
    pub fn new(offices: Offices) -> Self {
        PartnerOptions {
            filter: Filter::default(),
            half_life_months: DEFAULT_HALF_LIFE_MONTHS,
            as_of: None,
            offices,
        }
    }
}

/// The partners of a graph, highest engagement first, with what the
/// scores were computed with.
#[derive(Debug, Clone, Serialize)]
pub struct Partners {
    /// The date ages are counted to (`None` when no meeting has a year).
    pub now: Option<PartialDate>,
    pub half_life_months: f64,
    pub partners: Vec<Partner>,
}

/// One partner.
#[derive(Debug, Clone, Serialize)]
pub struct Partner {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    /// Meetings it is a party to.
    pub meetings: usize,
    /// Earliest and latest dated meeting.
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
    /// The highest office among its representatives (`None` when never met).
    pub highest_office: Option<Office>,
    pub engagement: f64,
    /// Topics, most meetings first.
    pub topics: Vec<TopicCount>,
    pub invitations: Vec<PartnerInvitation>,
    pub memberships: Vec<PartnerMembership>,
    /// Every document that reports one of its meetings, invitations or
    /// memberships.
    pub documents: Vec<String>,
    /// Each meeting's share of the score, in meeting order.
    pub history: Vec<MeetingScore>,
}

/// How many of a partner's meetings have a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicCount {
    pub topic: String,
    pub meetings: usize,
}

/// Whether an invitation was followed by a membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Joined,
    Pending,
}

/// A partner's invitations to one target in one capacity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerInvitation {
    pub target: String,
    pub capacity: Capacity,
    /// Meetings or announcements that report it.
    pub count: usize,
    pub first: Option<PartialDate>,
    pub outcome: Outcome,
    /// The date of the membership that followed, if known.
    pub joined: Option<PartialDate>,
}

/// A partner's memberships of one target in one capacity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerMembership {
    pub of: String,
    pub capacity: Capacity,
    /// Meetings or announcements that report it.
    pub count: usize,
}

/// One meeting's share of a partner's engagement score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeetingScore {
    pub meeting: String,
    pub date: Option<PartialDate>,
    pub office: Office,
    /// The office's weight.
    pub weight: f64,
    /// `2^(−age / half-life)`.
    pub recency: f64,
    /// `weight × recency`.
    pub points: f64,
}

/// The first day a date covers, when it has a year.
fn first_day(d: Option<&PartialDate>) -> Option<NaiveDate> {
    let ((y, m, day), _) = date_span(d?)?;
    NaiveDate::from_ymd_opt(y, m, day)
}

fn to_partial(d: NaiveDate) -> PartialDate {
    use chrono::Datelike;
    PartialDate::ymd(d.year(), d.month(), d.day())
}

/// True for an entity that can be a partner of the hubs: a state or an
/// organization that is none of them.
pub(crate) fn is_partner(id: &str, hubs: &[String]) -> bool {
    !hubs.iter().any(|h| h == id)
        && matches!(
            crate::graph::kind_of_id(id),
            Ok(EntityKind::Country | EntityKind::Organization)
        )
}

/// The highest office among the people who represent `partner` in a meeting.
fn office_in(m: &Meeting, partner: &str, offices: &Offices) -> Office {
    m.participants
        .iter()
        .chain(&m.attendees)
        .filter(|p| p.represents.as_deref() == Some(partner))
        .map(|p| offices.of(p.role.as_deref()))
        .max()
        .unwrap_or_default()
}

/// Accumulates one partner's facts.
#[derive(Default)]
struct Builder<'a> {
    meetings: Vec<&'a Meeting>,
    memberships: BTreeMap<(String, u8), (Capacity, BTreeSet<&'a str>)>,
    documents: BTreeSet<&'a str>,
}

/// The partners of the meetings and announcements that pass the filter.
///
/// ```
/// use diplograph::analysis::{Office, Offices, PartnerOptions, partners};
/// use diplograph::graph::MeetingGraph;
/// use diplograph::model::{Extraction, Meeting, Participant};
/// let mut m = Meeting::new("m-1", "a.txt");
/// m.date = "2024-05-01".parse().ok();
/// m.parties = vec!["org:icesco".into(), "country:SN".into()];
/// m.participants = vec![Participant { person: "person:diop".into(),
///     role: Some("Minister of Culture of Senegal".into()), represents: Some("country:SN".into()) }];
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], ..Default::default() }).unwrap();
/// let p = partners(&g, &PartnerOptions::new(Offices::builtin().unwrap()));
/// assert_eq!(p.partners[0].id, "country:SN");
/// assert_eq!(p.partners[0].highest_office, Some(Office::Minister));
/// assert_eq!(p.partners[0].engagement, 4.0); // a minister, met "now"
/// ```
pub fn partners(g: &MeetingGraph, options: &PartnerOptions) -> Partners {
    let hubs = g.hubs();
    let mut filter = options.filter.clone();
    if let Some(as_of) = options.as_of {
        let bound = to_partial(as_of);
        let day = date_span(&bound).map(|(d, _)| d);
        let earlier = filter
            .until
            .as_ref()
            .and_then(date_span)
            .is_some_and(|(_, end)| Some(end) < day);
        if !earlier {
            filter.until = Some(bound);
        }
    }
    let days: Vec<NaiveDate> = g
        .meetings()
        .iter()
        .filter_map(|m| first_day(m.date.as_ref()))
        .filter(|d| options.as_of.is_none_or(|now| *d <= now))
        .collect();
    let now = options.as_of.or_else(|| days.iter().max().copied());
    let half_life_days = options.half_life_months * DAYS_PER_MONTH;
    let recency = |day: NaiveDate| match now {
        Some(now) => {
            let age = (now - day).num_days().max(0) as f64;
            (-age / half_life_days).exp2()
        }
        None => 1.0,
    };
    let undated_recency = days.iter().min().map_or(1.0, |&d| recency(d));

    let mut by_partner: BTreeMap<&str, Builder<'_>> = BTreeMap::new();
    for (_, m) in g.filtered(&filter) {
        let parties: BTreeSet<&str> = m
            .parties
            .iter()
            .map(String::as_str)
            .filter(|p| is_partner(p, hubs))
            .collect();
        for p in &parties {
            let b = by_partner.entry(p).or_default();
            b.meetings.push(m);
            b.documents.insert(&m.doc);
            b.documents
                .extend(m.evidence.iter().map(|e| e.doc.as_str()));
        }
        add_facts(
            &mut by_partner,
            hubs,
            &m.id,
            &m.doc,
            &m.invitations,
            &m.memberships,
        );
    }
    for a in g.extraction().announcements.iter() {
        if g.keeps_announcement(&filter, a) {
            add_facts(
                &mut by_partner,
                hubs,
                &a.id,
                &a.doc,
                &a.invitations,
                &a.memberships,
            );
        }
    }
    let mut invitation_groups: BTreeMap<String, Vec<PartnerInvitation>> = BTreeMap::new();
    for r in invitations(g, &filter, &MemberStates::default()) {
        if !by_partner.contains_key(r.invitee.id.as_str()) {
            continue;
        }
        invitation_groups
            .entry(r.invitee.id.clone())
            .or_default()
            .push(PartnerInvitation {
                target: r.target.id.clone(),
                capacity: r.capacity,
                count: r.count,
                first: r.first,
                outcome: if r.is_pending() {
                    Outcome::Pending
                } else {
                    Outcome::Joined
                },
                joined: r.joined.as_ref().and_then(|j| j.date),
            });
    }

    let mut out: Vec<Partner> = by_partner
        .into_iter()
        .filter_map(|(id, b)| {
            let entity = g.entity(id)?;
            let history: Vec<MeetingScore> = b
                .meetings
                .iter()
                .map(|m| {
                    let office = office_in(m, id, &options.offices);
                    let weight = options.offices.weight(office);
                    let recency = first_day(m.date.as_ref()).map_or(undated_recency, recency);
                    MeetingScore {
                        meeting: m.id.clone(),
                        date: m.date,
                        office,
                        weight,
                        recency,
                        points: weight * recency,
                    }
                })
                .collect();
            let dated = || {
                b.meetings
                    .iter()
                    .filter_map(|m| m.date.as_ref().and_then(date_span).map(|s| (s, m.date)))
            };
            let first = dated().min_by_key(|(s, _)| s.0).and_then(|(_, d)| d);
            let last = dated().max_by_key(|(s, _)| s.1).and_then(|(_, d)| d);
            let mut topics: BTreeMap<&str, usize> = BTreeMap::new();
            for m in &b.meetings {
                let unique: BTreeSet<&str> = m.topics.iter().map(String::as_str).collect();
                for t in unique {
                    *topics.entry(t).or_default() += 1;
                }
            }
            let mut topics: Vec<TopicCount> = topics
                .into_iter()
                .map(|(topic, meetings)| TopicCount {
                    topic: topic.to_string(),
                    meetings,
                })
                .collect();
            topics.sort_by(|a, b| b.meetings.cmp(&a.meetings).then(a.topic.cmp(&b.topic)));
            let invitations = invitation_groups.remove(id).unwrap_or_default();
            let memberships: Vec<PartnerMembership> = b
                .memberships
                .into_iter()
                .map(|((of, _), (capacity, reports))| PartnerMembership {
                    of,
                    capacity,
                    count: reports.len(),
                })
                .collect();
            let engagement = history.iter().map(|h| h.points).sum::<f64>()
                + INVITATION_POINTS * invitations.len() as f64
                + MEMBERSHIP_POINTS * memberships.len() as f64;
            Some(Partner {
                id: id.to_string(),
                kind: entity.kind,
                name: entity.name.clone(),
                meetings: b.meetings.len(),
                first,
                last,
                highest_office: history.iter().map(|h| h.office).max(),
                engagement,
                topics,
                invitations,
                memberships,
                documents: b.documents.into_iter().map(String::from).collect(),
                history,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.engagement
            .total_cmp(&a.engagement)
            .then_with(|| a.id.cmp(&b.id))
    });
    Partners {
        now: now.map(to_partial),
        half_life_months: options.half_life_months,
        partners: out,
    }
}

/// Adds the invitations and memberships of a meeting or announcement (its
/// id and document) to their partners.
fn add_facts<'a>(
    by_partner: &mut BTreeMap<&'a str, Builder<'a>>,
    hubs: &[String],
    report: &'a str,
    doc: &'a str,
    invitations: &'a [Invitation],
    memberships: &'a [Membership],
) {
    let doc_of = |e: Option<&'a Evidence>| e.map_or(doc, |e| e.doc.as_str());
    for inv in invitations.iter().filter(|i| is_partner(&i.invitee, hubs)) {
        let b = by_partner.entry(&inv.invitee).or_default();
        b.documents.insert(doc_of(inv.evidence.as_ref()));
    }
    for mem in memberships.iter().filter(|m| is_partner(&m.member, hubs)) {
        let b = by_partner.entry(&mem.member).or_default();
        b.documents.insert(doc_of(mem.evidence.as_ref()));
        b.memberships
            .entry((mem.of.clone(), mem.capacity as u8))
            .or_insert_with(|| (mem.capacity, BTreeSet::new()))
            .1
            .insert(report);
    }
}

impl Partners {
    /// The partners whose last dated meeting is more than `months` calendar
    /// months before "now" (a date of a month or a year counts as its first
    /// day); a partner without a dated meeting is left out, its last
    /// meeting being unknown. Empty when no meeting has a year.
    ///
    /// ```
    /// use diplograph::analysis::{Offices, PartnerOptions, partners};
    /// use diplograph::graph::MeetingGraph;
    /// use diplograph::model::{Extraction, Meeting};
    /// let m = |id: &str, date: &str, other: &str| Meeting { date: date.parse().ok(),
    ///     parties: vec!["org:icesco".into(), other.into()], ..Meeting::new(id, "a.txt") };
    /// let g = MeetingGraph::new(Extraction { meetings: vec![
    ///     m("m-1", "2023-01-10", "country:JP"), m("m-2", "2024-06-01", "country:FR"),
    /// ], ..Default::default() }).unwrap();
    /// let p = partners(&g, &PartnerOptions::new(Offices::builtin().unwrap()));
    /// let dormant = p.dormant(12);
    /// let ids: Vec<&str> = dormant.partners.iter().map(|x| x.id.as_str()).collect();
    /// assert_eq!(ids, ["country:JP"]);
    /// ```
    pub fn dormant(&self, months: u32) -> Partners {
        let cutoff = self
            .now
            .as_ref()
            .and_then(|d| first_day(Some(d)))
            .and_then(|now| now.checked_sub_months(chrono::Months::new(months)));
        let partners = match cutoff {
            Some(cutoff) => self
                .partners
                .iter()
                .filter(|p| first_day(p.last.as_ref()).is_some_and(|last| last < cutoff))
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        Partners {
            now: self.now,
            half_life_months: self.half_life_months,
            partners,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::meeting;
    use crate::model::{Extraction, Participant};

    fn rep(person: &str, role: &str, of: &str) -> Participant {
        Participant {
            person: person.into(),
            role: Some(role.into()),
            represents: Some(of.into()),
        }
    }

    /// Three meetings: Japan's ambassador on 2024-01-01 (the latest date:
    /// "now") with an invitation, Japan's minister a year earlier (365
    /// days) with a membership, France's president on a date without a
    /// year.
    fn toy() -> MeetingGraph {
        let mut m1 = meeting("m1", Some("2024-01-01"), &["country:JP"], &["culture"]);
        m1.participants.push(rep(
            "person:sato",
            "Ambassador of Japan to Morocco",
            "country:JP",
        ));
        m1.invitations.push(Invitation {
            invitee: "country:JP".into(),
            target: "org:icesco".into(),
            capacity: Capacity::Observer,
            evidence: None,
        });
        let mut m2 = meeting(
            "m2",
            Some("2023-01-01"),
            &["country:JP"],
            &["culture", "education"],
        );
        m2.participants.push(rep(
            "person:kono",
            "ministre des Affaires étrangères du Japon",
            "country:JP",
        ));
        m2.memberships.push(Membership {
            member: "country:JP".into(),
            of: "initiative:coalition".into(),
            capacity: Capacity::Member,
            evidence: None,
        });
        let mut m3 = meeting("m3", Some("--07-16"), &["country:FR"], &[]);
        m3.participants.push(rep(
            "person:martin",
            "Président de la République française",
            "country:FR",
        ));
        MeetingGraph::new(Extraction {
            meetings: vec![m1, m2, m3],
            ..Default::default()
        })
        .unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn options() -> PartnerOptions {
        PartnerOptions::new(Offices::builtin().unwrap())
    }

    #[test]
    fn engagement_of_a_three_meeting_graph() {
        let p = partners(&toy(), &options());
        assert_eq!(p.now, Some(PartialDate::ymd(2024, 1, 1)));
        let ids: Vec<&str> = p.partners.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["country:JP", "country:FR"]);
        // A year of 365 days against a half-life of 365.2425 days:
        // 2^(-365/365.2425) = 0.500230...
        let year = 0.500_230;
        let jp = &p.partners[0];
        assert_eq!(jp.meetings, 2);
        assert_eq!(jp.first, Some(PartialDate::ymd(2023, 1, 1)));
        assert_eq!(jp.last, Some(PartialDate::ymd(2024, 1, 1)));
        assert_eq!(jp.highest_office, Some(Office::Minister));
        // ambassador now (3 × 1) + minister a year ago (4 × 0.500230)
        // + one invitation (1) + one membership (2) = 8.000921
        assert!(
            (jp.engagement - 8.000_921).abs() < 1e-6,
            "{}",
            jp.engagement
        );
        assert!(close(
            jp.engagement,
            3.0 + 4.0 * (-365.0 / 365.2425f64).exp2() + 1.0 + 2.0
        ));
        assert_eq!(jp.history[0].office, Office::AmbassadorOrEnvoy);
        assert!((jp.history[1].recency - year).abs() < 1e-6);
        assert_eq!(
            jp.topics,
            [
                TopicCount {
                    topic: "culture".into(),
                    meetings: 2
                },
                TopicCount {
                    topic: "education".into(),
                    meetings: 1
                },
            ]
        );
        assert_eq!(jp.invitations.len(), 1);
        assert_eq!(jp.invitations[0].outcome, Outcome::Pending);
        assert_eq!(jp.memberships[0].of, "initiative:coalition");
        assert_eq!(jp.documents, ["m1.txt", "m2.txt"]);
        // The president, met without a year: the recency of the oldest
        // dated meeting, 5 × 0.500230 = 2.501151.
        let fr = &p.partners[1];
        assert_eq!(fr.highest_office, Some(Office::HeadOfStateOrGovernment));
        assert!(
            (fr.engagement - 2.501_151).abs() < 1e-6,
            "{}",
            fr.engagement
        );
        assert_eq!((fr.first, fr.last), (None, None));
    }

    #[test]
    fn half_life_and_as_of_change_the_score() {
        let g = toy();
        let slow = partners(
            &g,
            &PartnerOptions {
                half_life_months: 24.0,
                ..options()
            },
        );
        // a year is half a half-life: 2^(-365/730.485) = 0.707270
        assert!((slow.partners[0].engagement - (6.0 + 4.0 * 0.707_270)).abs() < 1e-5);
        let then = partners(
            &g,
            &PartnerOptions {
                as_of: NaiveDate::from_ymd_opt(2023, 6, 1),
                ..options()
            },
        );
        assert_eq!(then.now, Some(PartialDate::ymd(2023, 6, 1)));
        // Only the minister's meeting, 151 days before (4 × 0.750839 + 2 = 5.003357); the invitation of
        // 2024 is not yet made, the undated meeting is left out.
        assert_eq!(then.partners.len(), 1);
        let jp = &then.partners[0];
        assert_eq!((jp.meetings, jp.invitations.len()), (1, 0));
        assert!(close(
            jp.engagement,
            4.0 * (-151.0 / 365.2425f64).exp2() + 2.0
        ));
        assert!(
            (jp.engagement - 5.003_357).abs() < 1e-5,
            "{}",
            jp.engagement
        );
    }

    #[test]
    fn dormant_partners_have_a_dated_last_meeting_before_the_cutoff() {
        let p = partners(&toy(), &options());
        assert!(p.dormant(6).partners.is_empty());
        let old = partners(
            &toy(),
            &PartnerOptions {
                as_of: NaiveDate::from_ymd_opt(2025, 3, 1),
                ..options()
            },
        );
        let dormant = old.dormant(12);
        let ids: Vec<&str> = dormant.partners.iter().map(|x| x.id.as_str()).collect();
        // Last met 2024-01-01, more than 12 months before 2025-03-01;
        // France's meeting has no year.
        assert_eq!(ids, ["country:JP"]);
        assert!(old.dormant(15).partners.is_empty());
    }

    #[test]
    fn an_invitee_never_met_is_a_partner_without_office() {
        let mut m = meeting("m1", Some("2024-01-01"), &["country:JP"], &[]);
        m.invitations.push(Invitation {
            invitee: "country:PT".into(),
            target: "org:icesco".into(),
            capacity: Capacity::Observer,
            evidence: None,
        });
        let g = MeetingGraph::new(Extraction {
            meetings: vec![m],
            ..Default::default()
        })
        .unwrap();
        let p = partners(&g, &options());
        let pt = p.partners.iter().find(|x| x.id == "country:PT").unwrap();
        assert_eq!((pt.meetings, pt.highest_office), (0, None));
        assert_eq!(pt.engagement, INVITATION_POINTS);
        let jp = p.partners.iter().find(|x| x.id == "country:JP").unwrap();
        assert_eq!(jp.highest_office, Some(Office::Other));
        assert!(p.partners.iter().all(|x| x.id != "org:icesco"));
    }

    #[test]
    fn no_hub_is_a_partner() {
        // ALECSO meets ICESCO, which publishes too: neither is a partner.
        let g = crate::graph::tests::two_hubs(true);
        let p = partners(&g, &PartnerOptions::new(Offices::builtin().unwrap()));
        let rows: Vec<(&str, usize)> = p
            .partners
            .iter()
            .map(|x| (x.id.as_str(), x.meetings))
            .collect();
        // Japan met by both hubs; then by recency (now 2024-05-10).
        assert_eq!(
            rows,
            [("country:JP", 2), ("country:TN", 1), ("country:FR", 1)]
        );
    }
}
