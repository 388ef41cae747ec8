//! Plain-text views of the analysis results: one line per row, columns
//! aligned, text from articles escaped.

use crate::analysis::{
    AlreadyMember, Centrality, Conversion, INVITATION_POINTS, InvitationRecord, LinkEvidence,
    MEMBERSHIP_POINTS, Outcome, PartnerLink, Partners, Timeline,
};
use crate::graph::{EgoNetwork, MeetingGraph, PathStep};
use crate::model::Capacity;
use crate::render::graph::capacity_name;
use crate::render::table::escape;
use std::fmt::Write;

fn date(d: Option<crate::model::PartialDate>) -> String {
    d.map_or_else(|| "?".into(), |d| d.to_string())
}

/// An entity's acronym or name, or its id when the graph does not have it.
fn short_name<'a>(g: &'a MeetingGraph, id: &'a str) -> &'a str {
    g.entity(id)
        .map_or(id, |e| e.acronym.as_deref().unwrap_or(&e.name))
}

/// Invitations: invitee, target, capacity, count, first and last date, status.
///
/// ```
/// let text = diplograph::render::analysis::invitations(&[]);
/// assert!(text.starts_with("invitee"));
/// ```
pub fn invitations(records: &[InvitationRecord<'_>]) -> String {
    let mut out = format!(
        "{:<24} {:<36} {:<9} {:>5} {:<10} {:<10} status\n",
        "invitee", "target", "capacity", "count", "first", "last"
    );
    for r in records {
        let capacity = if r.capacity == Capacity::Observer {
            "observer"
        } else {
            "member"
        };
        let mut status = match &r.joined {
            Some(j) => format!("joined {}", date(j.date)),
            None => "pending".into(),
        };
        match &r.already_member {
            Some(AlreadyMember::Report(o)) => {
                status.push_str(&format!(" (already a full member, per {})", o.doc));
            }
            Some(AlreadyMember::Reference(_)) => {
                status.push_str(" (already a full member, per the member-state list)");
            }
            None => {}
        }
        let _ = writeln!(
            out,
            "{:<24} {:<36} {:<9} {:>5} {:<10} {:<10} {status}",
            escape(&r.invitee.name),
            escape(r.target.acronym.as_deref().unwrap_or(&r.target.name)),
            capacity,
            r.count,
            date(r.first),
            date(r.last)
        );
    }
    out
}

/// Conversion of invitations into memberships, per target.
pub fn conversion(g: &MeetingGraph, rows: &[Conversion]) -> String {
    let mut out = format!(
        "{:<40} {:>7} {:>6} {:>6}\n",
        "target", "invited", "joined", "rate"
    );
    for c in rows {
        let name = short_name(g, &c.target);
        let _ = writeln!(
            out,
            "{:<40} {:>7} {:>6} {:>6.2}",
            escape(name),
            c.invited,
            c.joined,
            c.rate
        );
    }
    out
}

/// Centralities, one entity per line, in the given order.
pub fn centrality(g: &MeetingGraph, rows: &[Centrality]) -> String {
    let mut out = format!(
        "{:<40} {:>6} {:>8} {:>11} {:>9} {:>11} {:>8}\n",
        "entity", "degree", "meetings", "betweenness", "closeness", "eigenvector", "pagerank"
    );
    for c in rows {
        let name = short_name(g, &c.id);
        let eig = c
            .eigenvector
            .map_or_else(|| "-".into(), |e| format!("{e:.4}"));
        let _ = writeln!(
            out,
            "{:<40} {:>6.3} {:>8} {:>11.4} {:>9.4} {:>11} {:>8.4}",
            escape(name),
            c.degree,
            c.weighted_degree,
            c.betweenness,
            c.closeness,
            eig,
            c.pagerank
        );
    }
    out
}

/// A timeline: one bucket per line with its counts by kind and topic.
pub fn timeline(t: &Timeline) -> String {
    let mut out = format!("{:<10} {:>8}  by kind / by topic\n", "period", "meetings");
    for (label, b) in &t.buckets {
        let kinds: Vec<String> = b.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let topics: Vec<String> = b.by_topic.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = writeln!(
            out,
            "{label:<10} {:>8}  {} / {}",
            b.meetings,
            kinds.join(", "),
            topics.join(", ")
        );
    }
    out
}

/// An ego network: the neighbours, then the meetings.
pub fn neighbors(ego: &EgoNetwork<'_>) -> String {
    let mut out = format!("{} ({})\n", escape(&ego.center.name), ego.center.id);
    for n in &ego.neighbors {
        let kinds: Vec<&str> = n.kinds.iter().map(|k| k.as_str()).collect();
        let _ = writeln!(
            out,
            "  {:<40} {:>3} meetings  {}",
            escape(&n.entity.name),
            n.meetings,
            kinds.join(", ")
        );
    }
    for m in &ego.meetings {
        let _ = writeln!(
            out,
            "  {} {} {}",
            date(m.date),
            m.id,
            escape(m.headline.as_deref().unwrap_or(&m.doc))
        );
    }
    out
}

/// A path: one step per line with the edge that leads to it.
pub fn path(steps: &[PathStep<'_>]) -> String {
    let mut out = String::new();
    for s in steps {
        match &s.via {
            None => {
                let _ = writeln!(out, "{}", escape(&s.entity.name));
            }
            Some(v) => {
                let _ = writeln!(
                    out,
                    "  -{}- {} ({} {})",
                    v.kind.as_str(),
                    escape(&s.entity.name),
                    date(v.report.date),
                    v.report.id
                );
            }
        }
    }
    out
}

/// Partners, one per line in the given order, after a line that says what
/// the engagement scores were computed with: meetings, first and last
/// meeting, highest office, engagement, the three main topics, then
/// invitations (with their outcome) and memberships.
///
/// ```
/// use diplograph::analysis::Partners;
/// # let g = diplograph::graph::MeetingGraph::new(Default::default()).unwrap();
/// let p = Partners { now: None, half_life_months: 12.0, partners: vec![] };
/// let text = diplograph::render::analysis::partners(&g, &p);
/// assert!(text.lines().nth(1).unwrap().starts_with("partner"));
/// ```
pub fn partners(g: &MeetingGraph, p: &Partners) -> String {
    let mut out = format!(
        "now {}, half-life {} months: engagement = sum of office weight x 2^(-age / half-life) \
         + {INVITATION_POINTS} per invitation + {MEMBERSHIP_POINTS} per membership\n",
        date(p.now),
        p.half_life_months
    );
    let _ = writeln!(
        out,
        "{:<36} {:>8} {:<10} {:<10} {:<27} {:>10}  {:<36} invitations and memberships",
        "partner", "meetings", "first", "last", "highest office", "engagement", "topics"
    );
    for x in p.partners.iter() {
        let topics: Vec<&str> = x.topics.iter().take(3).map(|t| t.topic.as_str()).collect();
        let mut facts: Vec<String> = x
            .invitations
            .iter()
            .map(|i| {
                let outcome = match i.outcome {
                    Outcome::Joined => "joined",
                    Outcome::Pending => "pending",
                };
                format!(
                    "invited to {} as {}: {outcome}",
                    escape(short_name(g, &i.target)),
                    capacity_name(i.capacity)
                )
            })
            .collect();
        facts.extend(x.memberships.iter().map(|m| {
            format!(
                "{} of {}",
                capacity_name(m.capacity),
                escape(short_name(g, &m.of))
            )
        }));
        let _ = writeln!(
            out,
            "{:<36} {:>8} {:<10} {:<10} {:<27} {:>10.3}  {:<36} {}",
            escape(short_name(g, &x.id)),
            x.meetings,
            date(x.first),
            date(x.last),
            x.highest_office.map_or("-", |o| o.label()),
            x.engagement,
            topics.join(", "),
            if facts.is_empty() {
                "-".to_string()
            } else {
                facts.join("; ")
            }
        );
    }
    out
}

/// Links of the partner graph without the hub: a line per link (its two
/// partners and weight), then a line per piece of evidence.
///
/// ```
/// use diplograph::analysis::{LinkOptions, partner_links};
/// use diplograph::graph::MeetingGraph;
/// use diplograph::model::{Extraction, Meeting};
/// let mut m = Meeting::new("m-1", "a.txt");
/// m.parties = vec!["org:icesco".into(), "country:FR".into(), "org:who".into()];
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], ..Default::default() }).unwrap();
/// let text = diplograph::render::analysis::links(&g, &partner_links(&g, &LinkOptions::default()));
/// // Without entities, names are the ids' slugs.
/// assert_eq!(text, "FR -- who (1)\n  joint meeting m-1 on ?: icesco, FR, who\n");
/// ```
pub fn links(g: &MeetingGraph, links: &[PartnerLink]) -> String {
    let mut out = String::new();
    for l in links {
        let _ = writeln!(
            out,
            "{} -- {} ({})",
            escape(short_name(g, &l.source)),
            escape(short_name(g, &l.target)),
            l.weight
        );
        for e in &l.evidence {
            let line = match e {
                LinkEvidence::SameEvent {
                    date: d,
                    place,
                    meetings,
                } => format!(
                    "same event on {d} in {}: {}",
                    escape(place),
                    meetings.join(", ")
                ),
                LinkEvidence::JointMeeting {
                    meeting,
                    date: d,
                    parties,
                } => {
                    let names: Vec<String> =
                        parties.iter().map(|p| escape(short_name(g, p))).collect();
                    format!(
                        "joint meeting {meeting} on {}: {}",
                        date(*d),
                        names.join(", ")
                    )
                }
                LinkEvidence::SharedPerson { person, meetings } => format!(
                    "shared person {}: {}",
                    escape(short_name(g, person)),
                    meetings.join(", ")
                ),
                LinkEvidence::SharedInitiative {
                    initiative,
                    relations,
                } => {
                    let [a, b] = relations.map(|r| match r {
                        crate::analysis::Relation::Invited => "invited",
                        crate::analysis::Relation::Member => "member",
                    });
                    format!(
                        "shared initiative {}: {a}, {b}",
                        escape(short_name(g, initiative))
                    )
                }
            };
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
