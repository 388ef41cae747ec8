//! Plain-text views of the analysis results: one line per row, columns
//! aligned, text from articles escaped.

use crate::analysis::{AlreadyMember, Centrality, Conversion, InvitationRecord, Timeline};
use crate::graph::{EgoNetwork, MeetingGraph, PathStep};
use crate::model::Capacity;
use crate::render::table::escape;
use std::fmt::Write;

fn date(d: Option<crate::model::PartialDate>) -> String {
    d.map_or_else(|| "?".into(), |d| d.to_string())
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
        let name = g.entity(&c.target).map_or(c.target.as_str(), |e| {
            e.acronym.as_deref().unwrap_or(&e.name)
        });
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
        let name = g
            .entity(&c.id)
            .map_or(c.id.as_str(), |e| e.acronym.as_deref().unwrap_or(&e.name));
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
