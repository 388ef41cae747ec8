//! Invitation patterns: who was invited to join what, how often, and whether
//! they joined.
//!
//! Invitations are grouped by invitee, target and capacity. A group is
//! *joined* when some meeting, in any document and whatever the filter,
//! reports a membership of the invitee in the target with the same capacity,
//! unless that membership is dated before the first invitation; otherwise it
//! is *pending*. The filter only selects which invitations are counted.
//!
//! An invitation to observer status is flagged (`already_member`) when the
//! invitee is already a full member of the target: reported so by some
//! meeting, or named by the reference list of member states
//! ([`MemberStates`]) for a year of the invitation.

use super::members::{ListedMember, MemberStates};
use crate::graph::{Filter, MeetingGraph, date_span, days_from_civil};
use crate::model::{
    Announcement, Capacity, Entity, Evidence, Invitation, Meeting, Membership, PartialDate,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// One report of an invitation (or of a membership).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occurrence {
    pub date: Option<PartialDate>,
    pub doc: String,
    pub meeting: String,
}

/// The invitations of one invitee to one target in one capacity. Serializes
/// as the contract's `invitations --pending` items, with more fields.
#[derive(Debug, Clone, Serialize)]
pub struct InvitationRecord<'a> {
    pub invitee: &'a Entity,
    pub target: &'a Entity,
    pub capacity: Capacity,
    /// Every meeting that reports the invitation, in meeting order.
    pub invited: Vec<Occurrence>,
    /// Number of distinct meetings with the invitation.
    pub count: usize,
    /// Earliest and latest dated invitation.
    pub first: Option<PartialDate>,
    pub last: Option<PartialDate>,
    /// The earliest membership that counts as joining, if any.
    pub joined: Option<Occurrence>,
    /// Days from the first invitation to joining, when both dates are full.
    pub days_to_join: Option<i64>,
    /// Why the invitee is already a full member of the target (flagged as
    /// inconsistent): for an invitation to observer status, a report or the
    /// reference list; for an invitation to join, the reference list.
    pub already_member: Option<AlreadyMember>,
}

/// The grounds on which an invitee to observer status is already a full
/// member. Serializes with a `by` tag: `{"by": "report", "date", "doc",
/// "meeting"}` or `{"by": "reference", "since", "until", "source"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum AlreadyMember {
    /// A meeting reports the membership.
    Report(Occurrence),
    /// The reference list of member states names the invitee.
    Reference(ListedMember),
}

impl InvitationRecord<'_> {
    /// Not followed by a membership.
    pub fn is_pending(&self) -> bool {
        self.joined.is_none()
    }

    /// Reported by two meetings or more.
    pub fn is_repeated(&self) -> bool {
        self.count >= 2
    }
}

/// Joined and invited counts of one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversion {
    pub target: String,
    pub invited: usize,
    pub joined: usize,
    /// `joined / invited`.
    pub rate: f64,
}

fn start(d: &Option<PartialDate>) -> Option<(i32, u32, u32)> {
    d.as_ref().and_then(date_span).map(|s| s.0)
}

fn days(d: &PartialDate) -> Option<i64> {
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(dd)) => Some(days_from_civil(y, m, dd)),
        _ => None,
    }
}

/// Every invitation group of the meetings that pass the filter, ordered by
/// invitee, target and capacity; `members` are the reference lists of
/// member states (an empty [`MemberStates`] leaves only the reports).
///
/// ```
/// use diplograph::analysis::{MemberStates, invitations};
/// use diplograph::graph::{Filter, MeetingGraph};
/// use diplograph::model::Extraction;
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// assert!(invitations(&g, &Filter::default(), &MemberStates::default()).is_empty());
/// ```
pub fn invitations<'a>(
    g: &'a MeetingGraph,
    filter: &Filter,
    members: &MemberStates,
) -> Vec<InvitationRecord<'a>> {
    type Key<'k> = (&'k str, &'k str, Capacity);
    let mut groups: BTreeMap<(String, String, u8), (Key<'a>, Vec<Occurrence>)> = BTreeMap::new();
    // Meetings and announcements alike report invitations and memberships:
    // (report, whether it passes the filter).
    let reports = g
        .meetings()
        .iter()
        .map(|m| (Report::of_meeting(m), g.keeps(filter, m)))
        .chain(
            g.extraction()
                .announcements
                .iter()
                .map(|a| (Report::of_announcement(a), g.keeps_announcement(filter, a))),
        );
    let mut memberships: BTreeMap<(&str, &str, u8), Vec<Occurrence>> = BTreeMap::new();
    for (r, kept) in reports {
        if kept {
            for inv in r.invitations {
                let key = (inv.invitee.clone(), inv.target.clone(), inv.capacity as u8);
                let entry = groups.entry(key).or_insert_with(|| {
                    (
                        (inv.invitee.as_str(), inv.target.as_str(), inv.capacity),
                        vec![],
                    )
                });
                if !entry.1.iter().any(|o| o.meeting == *r.id) {
                    entry.1.push(r.occurrence(inv.evidence.as_ref()));
                }
            }
        }
        for mem in r.memberships {
            memberships
                .entry((mem.member.as_str(), mem.of.as_str(), mem.capacity as u8))
                .or_default()
                .push(r.occurrence(mem.evidence.as_ref()));
        }
    }
    let mut out = Vec::new();
    for ((invitee, target, capacity), invited) in groups.into_values() {
        let (Some(invitee_e), Some(target_e)) = (g.entity(invitee), g.entity(target)) else {
            continue;
        };
        let first = invited
            .iter()
            .filter(|o| start(&o.date).is_some())
            .min_by_key(|o| start(&o.date))
            .and_then(|o| o.date);
        let last = invited
            .iter()
            .filter(|o| start(&o.date).is_some())
            .max_by_key(|o| date_span_end(&o.date))
            .and_then(|o| o.date);
        let first_start = first.as_ref().and_then(date_span).map(|s| s.0);
        // A membership counts unless it is known to end before the first invitation.
        let joined = memberships
            .get(&(invitee, target, capacity as u8))
            .into_iter()
            .flatten()
            .filter(|mem| match (date_span_end(&mem.date), first_start) {
                (Some(end), Some(first)) => end >= first,
                _ => true,
            })
            .min_by_key(|mem| (start(&mem.date).is_none(), start(&mem.date)))
            .cloned();
        let days_to_join = match (&first, joined.as_ref().and_then(|j| j.date)) {
            (Some(f), Some(j)) => days(&j)
                .zip(days(f))
                .map(|(j, f)| j - f)
                .filter(|d| *d >= 0),
            _ => None,
        };
        // A full member invited as an observer, or invited to join what the
        // reference list says it had joined: a report says so, or the list
        // does for the year of an invitation.
        let reported = memberships
            .get(&(invitee, target, Capacity::Member as u8))
            .and_then(|m| m.first().cloned())
            .map(AlreadyMember::Report)
            .filter(|_| capacity == Capacity::Observer);
        let listed = || {
            members
                .member(target, invitee)
                .filter(|l| {
                    invited
                        .iter()
                        .any(|o| l.covers(o.date.and_then(|d| d.year)))
                })
                .cloned()
                .map(AlreadyMember::Reference)
        };
        let already_member = reported.or_else(listed);
        out.push(InvitationRecord {
            invitee: invitee_e,
            target: target_e,
            capacity,
            count: invited.len(),
            invited,
            first,
            last,
            joined,
            days_to_join,
            already_member,
        });
    }
    out
}

/// What a meeting or an announcement reports of invitations and memberships.
struct Report<'a> {
    date: Option<PartialDate>,
    doc: &'a str,
    id: &'a String,
    invitations: &'a [Invitation],
    memberships: &'a [Membership],
}

impl<'a> Report<'a> {
    fn of_meeting(m: &'a Meeting) -> Self {
        Report {
            date: m.date,
            doc: &m.doc,
            id: &m.id,
            invitations: &m.invitations,
            memberships: &m.memberships,
        }
    }

    fn of_announcement(a: &'a Announcement) -> Self {
        Report {
            date: a.date,
            doc: &a.doc,
            id: &a.id,
            invitations: &a.invitations,
            memberships: &a.memberships,
        }
    }

    /// The occurrence of a fact in this report (`meeting`: its id), in the
    /// document its evidence is from: a meeting merged from several reports
    /// keeps each fact's own document.
    fn occurrence(&self, evidence: Option<&Evidence>) -> Occurrence {
        Occurrence {
            date: self.date,
            doc: evidence.map_or(self.doc, |e| e.doc.as_str()).to_string(),
            meeting: self.id.clone(),
        }
    }
}

fn date_span_end(d: &Option<PartialDate>) -> Option<(i32, u32, u32)> {
    d.as_ref().and_then(date_span).map(|s| s.1)
}

/// The invitations not followed by a membership in any document.
///
/// ```
/// use diplograph::analysis::{MemberStates, pending};
/// use diplograph::graph::{Filter, MeetingGraph};
/// use diplograph::model::Extraction;
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// assert!(pending(&g, &Filter::default(), &MemberStates::default()).is_empty());
/// ```
pub fn pending<'a>(
    g: &'a MeetingGraph,
    filter: &Filter,
    members: &MemberStates,
) -> Vec<InvitationRecord<'a>> {
    invitations(g, filter, members)
        .into_iter()
        .filter(InvitationRecord::is_pending)
        .collect()
}

/// The invitation groups reported by two meetings or more.
pub fn repeated<'a>(
    g: &'a MeetingGraph,
    filter: &Filter,
    members: &MemberStates,
) -> Vec<InvitationRecord<'a>> {
    invitations(g, filter, members)
        .into_iter()
        .filter(InvitationRecord::is_repeated)
        .collect()
}

/// Per target: how many invitation groups (invitee and capacity) there are,
/// how many joined, and the rate; highest rate first, then by target id.
pub fn conversion_by_target(g: &MeetingGraph, filter: &Filter) -> Vec<Conversion> {
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for r in invitations(g, filter, &MemberStates::default()) {
        let e = by.entry(r.target.id.clone()).or_default();
        e.0 += 1;
        e.1 += usize::from(!r.is_pending());
    }
    let mut out: Vec<Conversion> = by
        .into_iter()
        .map(|(target, (invited, joined))| Conversion {
            target,
            invited,
            joined,
            rate: joined as f64 / invited as f64,
        })
        .collect();
    out.sort_by(|a, b| {
        b.rate
            .total_cmp(&a.rate)
            .then_with(|| a.target.cmp(&b.target))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::{fixture, meeting};
    use crate::model::{Extraction, Invitation, Membership};

    #[test]
    fn observer_invitations_of_full_members_are_flagged() {
        let mut joined = meeting("m1", Some("2019-01-10"), &["country:ID"], &[]);
        joined.memberships.push(Membership {
            member: "country:ID".into(),
            of: "org:icesco".into(),
            capacity: Capacity::Member,
            evidence: None,
        });
        let mut invited = meeting("m2", Some("2020-03-01"), &["country:ID"], &[]);
        for capacity in [Capacity::Observer, Capacity::Member] {
            invited.invitations.push(Invitation {
                invitee: "country:ID".into(),
                target: "org:icesco".into(),
                capacity,
                evidence: None,
            });
        }
        let entities = fixture().extraction().entities.clone();
        let mut entities = entities;
        entities.push(crate::model::Entity {
            id: "country:ID".into(),
            kind: crate::model::EntityKind::Country,
            name: "Indonesia".into(),
            aliases: vec![],
            iso: Some("ID".into()),
            acronym: None,
        });
        let g = MeetingGraph::new(Extraction {
            meetings: vec![joined, invited],
            entities,
            ..Default::default()
        })
        .unwrap();
        let flags: Vec<(Capacity, bool)> =
            invitations(&g, &Filter::default(), &MemberStates::default())
                .iter()
                .map(|r| (r.capacity, r.already_member.is_some()))
                .collect();
        assert_eq!(
            flags,
            [(Capacity::Observer, true), (Capacity::Member, false)]
        );
    }

    #[test]
    fn an_invitation_to_join_what_the_list_says_was_joined_is_flagged() {
        let mut m = meeting("m1", Some("2022-05-01"), &["country:JP"], &[]);
        m.invitations = vec![Invitation {
            invitee: "country:JP".into(),
            target: "org:icesco".into(),
            capacity: Capacity::Member,
            evidence: None,
        }];
        let g = MeetingGraph::new(Extraction {
            meetings: vec![m],
            ..Default::default()
        })
        .unwrap();
        let mut members = MemberStates::default();
        members
            .extend_from_str(
                "[[organization]]\nid = \"org:icesco\"\nsource = \"list\"\n\
                 [[organization.member]]\niso = \"JP\"\nsince = 2021\n",
                std::path::Path::new("m.toml"),
                &|_| true,
            )
            .unwrap();
        let all = invitations(&g, &Filter::default(), &members);
        assert!(
            matches!(all[0].already_member, Some(AlreadyMember::Reference(_))),
            "{:?}",
            all[0].already_member
        );
        let none = invitations(&g, &Filter::default(), &MemberStates::default());
        assert_eq!(none[0].already_member, None);
    }

    #[test]
    fn a_merged_meeting_keeps_the_document_of_each_invitation() {
        // Two reports of one meeting; only the second names the invitation.
        let first = meeting("a", Some("2024-03-04"), &["country:CL"], &[]);
        let mut second = meeting("b", Some("2024-03-04"), &["country:CL"], &[]);
        second.invitations = vec![Invitation {
            invitee: "country:CL".into(),
            target: "org:icesco".into(),
            capacity: Capacity::Observer,
            evidence: second.evidence.first().cloned(),
        }];
        let g = MeetingGraph::new(Extraction {
            meetings: vec![first, second],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(g.meetings().len(), 1, "one meeting");
        assert_eq!(g.meetings()[0].doc, "a.txt");
        let all = invitations(&g, &Filter::default(), &MemberStates::default());
        assert_eq!(all[0].invited[0].doc, "b.txt");
    }

    #[test]
    fn observer_invitations_of_listed_members_are_flagged_for_their_years() {
        let g = fixture();
        let mut members = MemberStates::default();
        members
            .extend_from_str(
                "[[organization]]\nid = \"org:icesco\"\nsource = \"list\"\n\
                 [[organization.member]]\niso = \"JP\"\nsince = 2021\n\
                 [[organization.member]]\niso = \"SG\"\nsince = 2021\n\
                 [[organization.member]]\niso = \"AZ\"\n",
                std::path::Path::new("m.toml"),
                &|_| true,
            )
            .unwrap();
        let all = invitations(&g, &Filter::default(), &members);
        let flagged: Vec<(&str, &str, Option<AlreadyMember>)> = all
            .iter()
            .map(|r| {
                let (invitee, target) = (r.invitee.id.as_str(), r.target.id.as_str());
                (invitee, target, r.already_member.clone())
            })
            .collect();
        let listed = |since| {
            Some(AlreadyMember::Reference(ListedMember {
                since,
                until: None,
                source: "list".into(),
            }))
        };
        assert_eq!(
            flagged,
            [
                // invited as a member, not as an observer: never flagged
                ("country:AZ", "initiative:coalition", None),
                // invited in 2020 and again in 2021, a member since 2021
                ("country:JP", "org:icesco", listed(Some(2021))),
                ("country:SG", "initiative:coalition", None),
                // invited in 2020 only, before it joined
                ("country:SG", "org:icesco", None),
            ]
        );
        let v = serde_json::to_value(listed(Some(2021))).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"by": "reference", "since": 2021, "until": null, "source": "list"})
        );
    }

    #[test]
    fn groups_table() {
        let g = fixture();
        let all = invitations(&g, &Filter::default(), &MemberStates::default());
        type Row<'r> = (
            &'r str,
            &'r str,
            usize,
            Option<&'r str>,
            Option<&'r str>,
            bool,
            Option<i64>,
        );
        let got: Vec<Row<'_>> = all
            .iter()
            .map(|r| {
                (
                    r.invitee.id.as_str(),
                    r.target.id.as_str(),
                    r.count,
                    r.first.map(|d| d.to_string()).map(|s| &*s.leak()),
                    r.last.map(|d| d.to_string()).map(|s| &*s.leak()),
                    r.is_pending(),
                    r.days_to_join,
                )
            })
            .collect();
        let want: Vec<Row<'_>> = vec![
            (
                "country:AZ",
                "initiative:coalition",
                1,
                Some("2020-05-01"),
                Some("2020-05-01"),
                false,
                Some(102),
            ),
            (
                "country:JP",
                "org:icesco",
                2,
                Some("2020-07-16"),
                Some("2021-03-02"),
                true,
                None,
            ),
            (
                "country:SG",
                "initiative:coalition",
                1,
                Some("2020-12-01"),
                Some("2020-12-01"),
                true,
                None,
            ),
            (
                "country:SG",
                "org:icesco",
                1,
                Some("2020-12-01"),
                Some("2020-12-01"),
                true,
                None,
            ),
        ];
        assert_eq!(got, want);
        assert_eq!(all[0].joined.as_ref().unwrap().meeting, "m5");
    }

    #[test]
    fn pending_repeated_and_conversion() {
        let g = fixture();
        let f = Filter::default();
        let none = MemberStates::default();
        let p: Vec<(&str, &str)> = pending(&g, &f, &none)
            .iter()
            .map(|r| (r.invitee.id.as_str(), r.target.id.as_str()))
            .collect();
        assert_eq!(
            p,
            [
                ("country:JP", "org:icesco"),
                ("country:SG", "initiative:coalition"),
                ("country:SG", "org:icesco")
            ]
        );
        let r = repeated(&g, &f, &none);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].invitee.id, "country:JP");
        let c = conversion_by_target(&g, &f);
        assert_eq!(
            c,
            [
                Conversion {
                    target: "initiative:coalition".into(),
                    invited: 2,
                    joined: 1,
                    rate: 0.5
                },
                Conversion {
                    target: "org:icesco".into(),
                    invited: 2,
                    joined: 0,
                    rate: 0.0
                },
            ]
        );
        // the contract's fields for `invitations --pending`
        let v = serde_json::to_value(&pending(&g, &f, &none)[0]).unwrap();
        assert_eq!(v["invitee"]["id"], "country:JP");
        assert_eq!(v["capacity"], "observer");
        assert_eq!(v["invited"][0]["date"], "2020-07-16");
        assert_eq!(v["invited"][0]["doc"], "m1.txt");
        assert_eq!(v["invited"][0]["meeting"], "m1");
    }

    #[test]
    fn filter_selects_invitations_not_memberships() {
        let g = fixture();
        // the membership (2020-08) is outside the filter but still counts
        let f = Filter {
            until: "2020-06".parse().ok(),
            ..Filter::default()
        };
        let all = invitations(&g, &f, &MemberStates::default());
        assert_eq!(all.len(), 1);
        assert!(!all[0].is_pending());
    }

    #[test]
    fn membership_before_the_invitation_does_not_count() {
        use crate::model::{Extraction, Membership};
        let mut ex = fixture().extraction().clone();
        for m in &mut ex.meetings {
            if m.id == "m5" {
                m.date = "2019-01-01".parse().ok();
            }
            if m.id == "m2" {
                m.memberships.push(Membership {
                    member: "country:SG".into(),
                    of: "org:icesco".into(),
                    capacity: Capacity::Observer,
                    evidence: None,
                });
            }
        }
        let g = MeetingGraph::from_merged(Extraction { ..ex }).unwrap();
        let all = invitations(&g, &Filter::default(), &MemberStates::default());
        let status: Vec<bool> = all.iter().map(|r| r.is_pending()).collect();
        // AZ joined "before" being invited; SG observer joined in 2021
        assert_eq!(status, [true, true, true, false]);
        assert_eq!(all[3].days_to_join, Some(91));
    }

    #[test]
    fn invitations_to_either_hub_are_pending_apart() {
        use crate::graph::tests::published;
        let invite = |m: &mut Meeting, target: &str| {
            m.invitations.push(Invitation {
                invitee: "country:JP".into(),
                target: target.into(),
                capacity: Capacity::Observer,
                evidence: None,
            })
        };
        let mut i = published("org:icesco", "i-jp", "2024-01-10", &["country:JP"]);
        invite(&mut i, "org:icesco");
        let mut a = published("org:alecso", "a-jp", "2024-02-10", &["country:JP"]);
        invite(&mut a, "org:alecso");
        let mut joined = published("org:icesco", "i-jp-2", "2024-03-10", &["country:JP"]);
        joined.memberships.push(Membership {
            member: "country:JP".into(),
            of: "org:icesco".into(),
            capacity: Capacity::Observer,
            evidence: None,
        });
        let g = MeetingGraph::new(Extraction {
            meetings: vec![i, a, joined],
            ..Default::default()
        })
        .unwrap();
        let pending = pending(&g, &Filter::default(), &MemberStates::default());
        let targets: Vec<&str> = pending.iter().map(|r| r.target.id.as_str()).collect();
        assert_eq!(targets, ["org:alecso"]);
    }
}
