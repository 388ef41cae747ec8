//! Plain-text views of the analysis results: one line per row, columns
//! aligned (the tables of [`crate::render::table`], never wrapped, so that
//! a row stays one line for grep), text from articles escaped.

use crate::analysis::{
    AlreadyMember, Centrality, Conversion, INVITATION_POINTS, InvitationRecord, LinkEvidence,
    MEMBERSHIP_POINTS, Outcome, PartnerLink, Partners, Timeline,
};
use crate::graph::{EgoNetwork, MeetingGraph, PathStep};
use crate::model::Capacity;
use crate::render::graph::capacity_name;
use crate::render::table::{escape, plain};
use std::fmt::Write;

fn date(d: Option<crate::model::PartialDate>) -> String {
    d.map_or_else(|| "?".into(), |d| d.to_string())
}

fn cells<const N: usize>(row: [String; N]) -> Vec<String> {
    row.into_iter().map(|c| escape(&c)).collect()
}

/// Invitations: invitee, target, capacity, count, first and last date, status.
///
/// ```
/// let text = diplograph::render::analysis::invitations(&[]);
/// assert!(text.starts_with("invitee"));
/// ```
pub fn invitations(records: &[InvitationRecord<'_>]) -> String {
    let rows = records
        .iter()
        .map(|r| {
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
            cells([
                r.invitee.name.clone(),
                r.target
                    .acronym
                    .as_deref()
                    .unwrap_or(&r.target.name)
                    .to_string(),
                capacity.to_string(),
                r.count.to_string(),
                date(r.first),
                date(r.last),
                status,
            ])
        })
        .collect();
    plain(
        &[
            "invitee", "target", "capacity", "count", "first", "last", "status",
        ],
        rows,
        &[3],
        None,
    )
}

/// The short name of an entity of the graph: its acronym, else its name,
/// else the id.
fn short<'g>(g: &'g MeetingGraph, id: &'g str) -> &'g str {
    g.entity(id)
        .map_or(id, |e| e.acronym.as_deref().unwrap_or(&e.name))
}

/// Conversion of invitations into memberships, per target.
///
/// ```
/// use diplograph::graph::MeetingGraph;
/// let g = MeetingGraph::new(Default::default()).unwrap();
/// assert!(diplograph::render::analysis::conversion(&g, &[]).starts_with("target"));
/// ```
pub fn conversion(g: &MeetingGraph, rows: &[Conversion]) -> String {
    let rows = rows
        .iter()
        .map(|c| {
            cells([
                short(g, &c.target).to_string(),
                c.invited.to_string(),
                c.joined.to_string(),
                format!("{:.2}", c.rate),
            ])
        })
        .collect();
    plain(
        &["target", "invited", "joined", "rate"],
        rows,
        &[1, 2, 3],
        None,
    )
}

/// Centralities, one entity per line, in the given order; `meetings` is
/// the number of meetings of the entity, not the weight of its links.
///
/// ```
/// use diplograph::graph::MeetingGraph;
/// let g = MeetingGraph::new(Default::default()).unwrap();
/// assert!(diplograph::render::analysis::centrality(&g, &[]).starts_with("entity"));
/// ```
pub fn centrality(g: &MeetingGraph, rows: &[Centrality]) -> String {
    let rows = rows
        .iter()
        .map(|c| {
            cells([
                short(g, &c.id).to_string(),
                format!("{:.3}", c.degree),
                c.meetings.map_or_else(|| "-".into(), |m| m.to_string()),
                format!("{:.4}", c.betweenness),
                format!("{:.4}", c.closeness),
                c.eigenvector
                    .map_or_else(|| "-".into(), |e| format!("{e:.4}")),
                format!("{:.4}", c.pagerank),
            ])
        })
        .collect();
    plain(
        &[
            "entity",
            "degree",
            "meetings",
            "betweenness",
            "closeness",
            "eigenvector",
            "pagerank",
        ],
        rows,
        &[1, 2, 3, 4, 5, 6],
        None,
    )
}

/// A timeline: one period per line with its counts by kind and topic,
/// every period from the first to the last (empty ones with 0), then
/// `unknown`.
///
/// ```
/// use diplograph::analysis::{Granularity, Timeline};
/// let t = Timeline { granularity: Granularity::Year, buckets: vec![] };
/// assert!(diplograph::render::analysis::timeline(&t).starts_with("period"));
/// ```
pub fn timeline(t: &Timeline) -> String {
    let rows = t
        .buckets
        .iter()
        .map(|(label, b)| {
            let kinds: Vec<String> = b.by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
            let topics: Vec<String> = b.by_topic.iter().map(|(k, n)| format!("{k} {n}")).collect();
            cells([
                label.clone(),
                b.meetings.to_string(),
                kinds.join(", "),
                topics.join(", "),
            ])
        })
        .collect();
    plain(
        &["period", "meetings", "by kind", "by topic"],
        rows,
        &[1],
        None,
    )
}

/// `n meeting` or `n meetings`.
fn meetings(n: usize) -> String {
    format!("{n} meeting{}", if n == 1 { "" } else { "s" })
}

/// An ego network: the neighbours, then the meetings.
///
/// ```
/// use diplograph::graph::EgoNetwork;
/// use diplograph::model::{Entity, EntityKind};
/// let jp = Entity::new("country:JP", EntityKind::Country, "Japan");
/// let ego = EgoNetwork { center: &jp, neighbors: vec![], meetings: vec![] };
/// assert!(diplograph::render::analysis::neighbors(&ego).starts_with("Japan (country:JP)"));
/// ```
pub fn neighbors(ego: &EgoNetwork<'_>) -> String {
    let mut out = format!("{} ({})\n\n", escape(&ego.center.name), ego.center.id);
    let rows = ego
        .neighbors
        .iter()
        .map(|n| {
            let kinds: Vec<&str> = n.kinds.iter().map(|k| k.as_str()).collect();
            cells([
                n.entity.name.clone(),
                meetings(n.meetings),
                kinds.join(", "),
            ])
        })
        .collect();
    out.push_str(&plain(&["neighbor", "shared", "links"], rows, &[1], None));
    out.push('\n');
    let rows = ego
        .meetings
        .iter()
        .map(|m| {
            cells([
                date(m.date),
                m.id.clone(),
                m.headline.clone().unwrap_or_else(|| m.doc.clone()),
            ])
        })
        .collect();
    out.push_str(&plain(
        &["date", "meeting", "headline or document"],
        rows,
        &[],
        None,
    ));
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
                    escape(short(g, &i.target)),
                    capacity_name(i.capacity)
                )
            })
            .collect();
        facts.extend(x.memberships.iter().map(|m| {
            format!(
                "{} of {}",
                capacity_name(m.capacity),
                escape(short(g, &m.of))
            )
        }));
        let _ = writeln!(
            out,
            "{:<36} {:>8} {:<10} {:<10} {:<27} {:>10.3}  {:<36} {}",
            escape(short(g, &x.id)),
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
            escape(short(g, &l.source)),
            escape(short(g, &l.target)),
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
                LinkEvidence::SameOccasion { occasion, meetings } => format!(
                    "same occasion {}: {}",
                    escape(occasion),
                    meetings.join(", ")
                ),
                LinkEvidence::JointMeeting {
                    meeting,
                    date: d,
                    parties,
                } => {
                    let names: Vec<String> = parties.iter().map(|p| escape(short(g, p))).collect();
                    format!(
                        "joint meeting {meeting} on {}: {}",
                        date(*d),
                        names.join(", ")
                    )
                }
                LinkEvidence::SharedPerson { person, meetings } => format!(
                    "shared person {}: {}",
                    escape(short(g, person)),
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
                        escape(short(g, initiative))
                    )
                }
            };
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
