//! The relationship graph: entities as nodes, facts of meetings as edges.
//!
//! [`MeetingGraph`] is built from an [`Extraction`]: its meetings are first
//! merged across documents and languages ([`merge_meetings`]), then every
//! entity they mention becomes a node (an `IndexMap` maps entity ids to
//! nodes) and every fact an edge of an undirected petgraph multigraph whose
//! edges keep their direction as data (source first):
//!
//! | kind | between | one edge per | carries |
//! | --- | --- | --- | --- |
//! | `met` | party — party | meeting and pair of parties | the meeting: date, place, mode, topics, id, evidence |
//! | `represents` | person → state or organization | meeting | role |
//! | `attended` | person → each party the person does not represent | meeting | role, principal or not |
//! | `invited` | invitee → target | invitation | capacity, the meeting's (or announcement's) date |
//! | `member_of` | member → organization or initiative | membership | capacity, the meeting's (or announcement's) date |
//! | `agreed` | signatory — signatory | agreement and pair of signatories | the agreement's title, the meeting |
//!
//! Each edge points at its [`Origin`]: the meeting, which holds date, place,
//! mode, topics and evidence, or the announcement (invitations and
//! memberships reported outside meetings), whose edges carry its date and
//! the fact's own sentence ([`MeetingGraph::report`]). The graph is saved as `graph.json` ([`MeetingGraph::save`]) so
//! queries need not re-extract, and answers queries: [`MeetingGraph::resolve`],
//! [`MeetingGraph::neighbors`], [`MeetingGraph::path`], under a [`Filter`].

mod merge;
mod store;

pub use merge::{dates_compatible, hub_of, hubs_of, merge_meetings};
pub use store::{GRAPH_FORMAT, GRAPH_VERSION, Source};

use crate::gazetteer::Gazetteer;
use crate::model::{
    Announcement, Capacity, Entity, EntityKind, Evidence, Extraction, Invitation, Meeting,
    Membership, Mode, PartialDate,
};
use crate::{Error, Result};
use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Kind of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    Met,
    Represents,
    Attended,
    Invited,
    MemberOf,
    Agreed,
}

impl EdgeKind {
    /// The name of the kind in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Met => "met",
            EdgeKind::Represents => "represents",
            EdgeKind::Attended => "attended",
            EdgeKind::Invited => "invited",
            EdgeKind::MemberOf => "member_of",
            EdgeKind::Agreed => "agreed",
        }
    }

    /// False for the facts that hold both ways (`met`, `agreed`), whose
    /// ends are stored in one order only; true for those that go from their
    /// source to their target (invitee → target, person → party…).
    ///
    /// ```
    /// use diplograph::graph::EdgeKind;
    /// assert!(EdgeKind::Invited.is_directed());
    /// assert!(!EdgeKind::Met.is_directed());
    /// ```
    pub fn is_directed(self) -> bool {
        !matches!(self, EdgeKind::Met | EdgeKind::Agreed)
    }
}

/// What an edge was read in: a meeting (index in
/// [`MeetingGraph::meetings`]) or an announcement (index in the
/// extraction's `announcements`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    Meeting(usize),
    Announcement(usize),
}

/// An edge: a fact read in one meeting or announcement.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub kind: EdgeKind,
    pub origin: Origin,
    /// The source and target entities (edges are stored undirected; these
    /// keep direction).
    pub source: NodeIndex,
    pub target: NodeIndex,
    /// The person's role (`represents`, `attended`).
    pub role: Option<String>,
    /// Invitation or membership capacity (`invited`, `member_of`).
    pub capacity: Option<Capacity>,
    /// For `attended`: the person is a principal, not only present.
    pub principal: bool,
    /// For `agreed`: the agreement's title as written.
    pub title: Option<String>,
}

/// Which meetings a query or an analysis looks at. The default keeps all.
///
/// Meetings whose date is unknown, or lacks its year, are dropped as soon as
/// `since` or `until` is set; a partial date is kept when its span overlaps
/// the bounds (`2020` is within `since 2020-07-01`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// A topic, compared accent- and case-insensitively.
    pub topic: Option<String>,
    /// Keep meetings with a counterpart (a party other than its hub) of this
    /// kind; `Person` keeps meetings that name anyone.
    pub kind: Option<EntityKind>,
    /// Keep meetings where this entity id is a party, participant or attendee.
    pub with_entity: Option<String>,
}

/// True when a date passes the filter's bounds: with a bound set, an
/// undated fact (or one without its year) is left out.
fn keeps_date(filter: &Filter, date: Option<&PartialDate>) -> bool {
    if filter.since.is_none() && filter.until.is_none() {
        return true;
    }
    let Some(span) = date.and_then(date_span) else {
        return false;
    };
    let since = filter.since.as_ref().and_then(date_span);
    let until = filter.until.as_ref().and_then(date_span);
    !(since.is_some_and(|b| span.1 < b.0) || until.is_some_and(|b| span.0 > b.1))
}

impl Filter {
    /// True when `since` is after `until` (the first day of one after the
    /// last day of the other), so that no meeting can pass.
    ///
    /// ```
    /// use diplograph::graph::Filter;
    /// let f = |s: &str, u: &str| Filter { since: s.parse().ok(), until: u.parse().ok(),
    ///     ..Filter::default() };
    /// assert!(f("2024-05", "2024-04-30").dates_cross());
    /// assert!(!f("2024", "2024-03").dates_cross());
    /// ```
    pub fn dates_cross(&self) -> bool {
        let since = self.since.as_ref().and_then(date_span);
        let until = self.until.as_ref().and_then(date_span);
        matches!((since, until), (Some(s), Some(u)) if s.0 > u.1)
    }
}

/// A day as `(year, month, day)`, ordered.
pub(crate) type Day = (i32, u32, u32);

/// First and last day covered by a date with a known year.
pub(crate) fn date_span(d: &PartialDate) -> Option<(Day, Day)> {
    let y = d.year?;
    Some(match (d.month, d.day) {
        (Some(m), Some(day)) => ((y, m, day), (y, m, day)),
        (Some(m), None) => ((y, m, 1), (y, m, 31)),
        _ => ((y, 1, 1), (y, 12, 31)),
    })
}

/// Days since 1970-01-01 of a full date (proleptic Gregorian).
pub(crate) fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The kind an entity id's prefix names.
///
/// ```
/// use diplograph::graph::kind_of_id;
/// use diplograph::model::EntityKind;
/// assert_eq!(kind_of_id("org:icesco").unwrap(), EntityKind::Organization);
/// assert!(kind_of_id("icesco").is_err());
/// ```
pub fn kind_of_id(id: &str) -> Result<EntityKind> {
    let (prefix, rest) = id
        .split_once(':')
        .ok_or_else(|| Error::InvalidEntityId { id: id.to_string() })?;
    let kind = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Organization,
        EntityKind::Initiative,
        EntityKind::Place,
    ]
    .into_iter()
    .find(|k| k.prefix() == prefix);
    match kind {
        Some(k) if !rest.is_empty() => Ok(k),
        _ => Err(Error::InvalidEntityId { id: id.to_string() }),
    }
}

/// The relationship graph of an extraction.
#[derive(Debug, Clone)]
pub struct MeetingGraph {
    extraction: Extraction,
    graph: UnGraph<Entity, Edge>,
    index: IndexMap<String, NodeIndex>,
    /// The publishers of its meetings, the main hub first ([`hubs_of`]).
    hubs: Vec<String>,
    /// The main hub: the first of `hubs`, unless a filter left it out.
    hub: Option<String>,
    /// Per meeting, its distinct sentences and documents ([`Sentences`]).
    sentences: Vec<Sentences>,
}

/// The evidence of a merged meeting as the edge formats write it: each
/// distinct sentence once, however many reports (copies, syndicated
/// pages) read it, and the number of documents that report the meeting.
/// A meeting reported 200 times holds 200 spans of the same few
/// sentences; `graph.json` keeps every span, the edge formats these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Sentences {
    /// Positions in the meeting's evidence of the first span of each
    /// distinct sentence text, in evidence order.
    first: Vec<usize>,
    /// Distinct documents of the evidence (the meeting's own document when
    /// it has none).
    documents: usize,
}

impl Sentences {
    /// One pass over the evidence, hashing each text and document once.
    fn of(m: &Meeting) -> Self {
        let mut texts = std::collections::HashSet::with_capacity(m.evidence.len());
        let mut docs = std::collections::HashSet::new();
        let mut first = Vec::new();
        for (i, e) in m.evidence.iter().enumerate() {
            docs.insert(e.doc.as_str());
            if texts.insert(e.text.as_str()) {
                first.push(i);
            }
        }
        Sentences {
            first,
            documents: docs.len().max(1),
        }
    }
}

impl MeetingGraph {
    /// Merges the meetings of an extraction and builds the graph.
    ///
    /// ```
    /// use diplograph::graph::MeetingGraph;
    /// use diplograph::model::{Extraction, Meeting};
    /// let meeting = Meeting {
    ///     id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
    ///     date: Some("2020-07-16".parse().unwrap()), place: None, mode: None,
    ///     parties: vec!["org:icesco".into(), "country:JP".into()], participants: vec![],
    ///     attendees: vec![], topics: vec![], invitations: vec![], memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![],
    /// };
    /// let g = MeetingGraph::new(Extraction { meetings: vec![meeting], entities: vec![], ..Default::default() }).unwrap();
    /// assert_eq!(g.node_count(), 2);
    /// assert_eq!(g.hub(), Some("org:icesco"));
    /// ```
    pub fn new(extraction: Extraction) -> Result<Self> {
        Self::from_merged(Extraction {
            meetings: merge_meetings(extraction.meetings),
            ..extraction
        })
    }

    /// Builds the graph of an extraction whose meetings are already merged.
    pub fn from_merged(extraction: Extraction) -> Result<Self> {
        let hubs = hubs_of(&extraction.meetings);
        let mut g = MeetingGraph {
            graph: UnGraph::default(),
            index: IndexMap::new(),
            hub: hubs.first().cloned(),
            hubs,
            extraction: Extraction::default(),
            sentences: extraction.meetings.iter().map(Sentences::of).collect(),
        };
        for e in &extraction.entities {
            if !g.index.contains_key(&e.id) {
                kind_of_id(&e.id)?;
                let n = g.graph.add_node(e.clone());
                g.index.insert(e.id.clone(), n);
            }
        }
        for (mi, m) in extraction.meetings.iter().enumerate() {
            g.add_meeting(mi, m)?;
        }
        for (ai, a) in extraction.announcements.iter().enumerate() {
            g.add_facts(Origin::Announcement(ai), &a.invitations, &a.memberships)?;
        }
        g.extraction = extraction;
        Ok(g)
    }

    fn node(&mut self, id: &str) -> Result<NodeIndex> {
        if let Some(&n) = self.index.get(id) {
            return Ok(n);
        }
        let kind = kind_of_id(id)?;
        let name = id.split_once(':').map_or(id, |(_, slug)| slug).to_string();
        let n = self.graph.add_node(Entity {
            id: id.to_string(),
            kind,
            name,
            aliases: vec![],
            iso: None,
            acronym: None,
        });
        self.index.insert(id.to_string(), n);
        Ok(n)
    }

    fn edge(&mut self, kind: EdgeKind, origin: Origin, a: NodeIndex, b: NodeIndex) -> EdgeIndex {
        self.graph.add_edge(
            a,
            b,
            Edge {
                kind,
                origin,
                source: a,
                target: b,
                role: None,
                capacity: None,
                principal: false,
                title: None,
            },
        )
    }

    fn add_meeting(&mut self, mi: usize, m: &Meeting) -> Result<()> {
        let mut parties: Vec<&str> = Vec::new();
        for p in &m.parties {
            if !parties.contains(&p.as_str()) {
                parties.push(p);
            }
        }
        let party_nodes = parties
            .iter()
            .map(|p| self.node(p))
            .collect::<Result<Vec<_>>>()?;
        for (i, &a) in party_nodes.iter().enumerate() {
            for &b in &party_nodes[i + 1..] {
                self.edge(EdgeKind::Met, Origin::Meeting(mi), a, b);
            }
        }
        let people = m
            .participants
            .iter()
            .map(|p| (p, true))
            .chain(m.attendees.iter().map(|p| (p, false)));
        for (p, principal) in people {
            let person = self.node(&p.person)?;
            if let Some(r) = &p.represents {
                let to = self.node(r)?;
                let e = self.edge(EdgeKind::Represents, Origin::Meeting(mi), person, to);
                self.graph[e].role = p.role.clone();
            }
            for (party, &node) in parties.iter().zip(&party_nodes) {
                if p.represents.as_deref() != Some(*party) {
                    let e = self.edge(EdgeKind::Attended, Origin::Meeting(mi), person, node);
                    self.graph[e].role = p.role.clone();
                    self.graph[e].principal = principal;
                }
            }
        }
        for a in &m.agreements {
            let signatories = a
                .parties
                .iter()
                .map(|p| self.node(p))
                .collect::<Result<Vec<_>>>()?;
            for (i, &x) in signatories.iter().enumerate() {
                for &y in &signatories[i + 1..] {
                    let e = self.edge(EdgeKind::Agreed, Origin::Meeting(mi), x, y);
                    self.graph[e].title = Some(a.title.clone());
                }
            }
        }
        self.add_facts(Origin::Meeting(mi), &m.invitations, &m.memberships)
    }

    /// The `invited` and `member_of` edges of a meeting or announcement.
    fn add_facts(
        &mut self,
        source: Origin,
        invitations: &[Invitation],
        memberships: &[Membership],
    ) -> Result<()> {
        for inv in invitations {
            let (a, b) = (self.node(&inv.invitee)?, self.node(&inv.target)?);
            let e = self.edge(EdgeKind::Invited, source, a, b);
            self.graph[e].capacity = Some(inv.capacity);
        }
        for mem in memberships {
            let (a, b) = (self.node(&mem.member)?, self.node(&mem.of)?);
            let e = self.edge(EdgeKind::MemberOf, source, a, b);
            self.graph[e].capacity = Some(mem.capacity);
        }
        Ok(())
    }

    /// The merged extraction the graph was built from.
    pub fn extraction(&self) -> &Extraction {
        &self.extraction
    }

    /// The merged meetings.
    pub fn meetings(&self) -> &[Meeting] {
        &self.extraction.meetings
    }

    /// The main hub: the configured publisher when it is a hub
    /// ([`Self::with_main_hub`]), else the publisher of most meetings (on
    /// the releases of one organization, that organization; in meetings
    /// without publishers, the party present in most meetings).
    pub fn hub(&self) -> Option<&str> {
        self.hub.as_deref()
    }

    /// Every hub: the publishers of the meetings, the main hub first, then
    /// most meetings first.
    pub fn hubs(&self) -> &[String] {
        &self.hubs
    }

    /// The graph with `id` for its main hub when it is one of its hubs: the
    /// configured publisher (`--hub`), which may report fewer meetings than
    /// another, stays the centre.
    ///
    /// ```
    /// use diplograph::graph::MeetingGraph;
    /// use diplograph::model::{Extraction, Meeting};
    /// let m = |publisher: &str, other: &str| Meeting {
    ///     publisher: Some(publisher.into()),
    ///     parties: vec![publisher.into(), other.into()],
    ///     ..Meeting::new("m", "d")
    /// };
    /// let g = MeetingGraph::new(Extraction { meetings: vec![
    ///     m("org:alecso", "country:TN"), m("org:alecso", "country:JP"), m("org:icesco", "country:JP"),
    /// ], ..Default::default() }).unwrap();
    /// assert_eq!(g.hub(), Some("org:alecso"));
    /// let g = g.with_main_hub("org:icesco").with_main_hub("org:unesco");
    /// assert_eq!((g.hub(), g.hubs()), (Some("org:icesco"), &["org:icesco".to_string(), "org:alecso".to_string()][..]));
    /// ```
    pub fn with_main_hub(mut self, id: &str) -> Self {
        if let Some(i) = self.hubs.iter().position(|h| h == id) {
            let hub = self.hubs.remove(i);
            self.hubs.insert(0, hub.clone());
            self.hub = Some(hub);
        }
        self
    }

    /// True when `id` is one of the [`Self::hubs`].
    pub fn is_hub(&self, id: &str) -> bool {
        self.hubs.iter().any(|h| h == id)
    }

    /// The underlying petgraph graph.
    pub fn petgraph(&self) -> &UnGraph<Entity, Edge> {
        &self.graph
    }

    /// Map from entity id to node.
    pub fn index(&self) -> &IndexMap<String, NodeIndex> {
        &self.index
    }

    /// Number of entities.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges, all kinds together.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The entity of an id, if the graph has it.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&n| &self.graph[n])
    }

    /// The entity at a node.
    pub fn entity_at(&self, n: NodeIndex) -> &Entity {
        &self.graph[n]
    }

    /// The meeting an edge was read in, if a meeting.
    pub fn meeting_of(&self, edge: &Edge) -> Option<&Meeting> {
        match edge.origin {
            Origin::Meeting(i) => Some(&self.extraction.meetings[i]),
            Origin::Announcement(_) => None,
        }
    }

    /// What an edge was read in, meeting or announcement, as the
    /// renderers show it. The evidence of an announcement's edge is that
    /// of its one fact.
    pub fn report(&self, edge: &Edge) -> Report<'_> {
        match edge.origin {
            Origin::Meeting(i) => {
                Report::of_meeting(&self.extraction.meetings[i], &self.sentences[i])
            }
            Origin::Announcement(i) => {
                let a = &self.extraction.announcements[i];
                let (from, to) = (&self.graph[edge.source].id, &self.graph[edge.target].id);
                let evidence = match edge.kind {
                    EdgeKind::MemberOf => a
                        .memberships
                        .iter()
                        .find(|m| &m.member == from && &m.of == to)
                        .and_then(|m| m.evidence.as_ref()),
                    _ => a
                        .invitations
                        .iter()
                        .find(|v| &v.invitee == from && &v.target == to)
                        .and_then(|v| v.evidence.as_ref()),
                };
                let evidence = evidence.map(std::slice::from_ref).unwrap_or_default();
                Report {
                    id: &a.id,
                    doc: &a.doc,
                    headline: a.headline.as_deref(),
                    date: a.date,
                    place: None,
                    mode: None,
                    topics: &[],
                    evidence,
                    distinct: if evidence.is_empty() { &[] } else { &[0] },
                    documents: 1,
                }
            }
        }
    }

    /// Finds an entity by id, name, alias, acronym or ISO code, in either
    /// language, accent- and case-insensitively. An unknown query is an
    /// [`Error::UnknownEntity`] with the closest names as suggestions.
    ///
    /// ```
    /// use diplograph::graph::MeetingGraph;
    /// use diplograph::model::{Entity, EntityKind, Extraction};
    /// let jp = Entity { id: "country:JP".into(), kind: EntityKind::Country, name: "Japan".into(),
    ///     aliases: vec!["Japon".into()], iso: Some("JP".into()), acronym: None };
    /// let g = MeetingGraph::new(Extraction { meetings: vec![], entities: vec![jp], ..Default::default() }).unwrap();
    /// assert_eq!(g.resolve("japon").unwrap().id, "country:JP");
    /// let err = g.resolve("Japn").unwrap_err().to_string();
    /// assert!(err.contains("Japan"), "{err}");
    /// ```
    pub fn resolve(&self, query: &str) -> Result<&Entity> {
        if let Some(e) = self.entity(query) {
            return Ok(e);
        }
        let q = crate::text::fold(query.trim());
        let mut found: Vec<&Entity> = Vec::new();
        for e in self.graph.node_weights() {
            if names_of(e).any(|n| crate::text::fold(n) == q) {
                found.push(e);
            }
        }
        match found.len() {
            1 => Ok(found[0]),
            0 => {
                let mut scored: Vec<(f64, &str)> = Vec::new();
                for e in self.graph.node_weights() {
                    let best = names_of(e)
                        .map(|n| strsim::normalized_levenshtein(&crate::text::fold(n), &q))
                        .fold(0.0, f64::max);
                    scored.push((best, e.name.as_str()));
                }
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
                let suggestions = scored
                    .into_iter()
                    .filter(|(s, _)| *s >= 0.5)
                    .take(3)
                    .map(|(_, n)| n.to_string())
                    .collect();
                Err(Error::UnknownEntity {
                    query: query.to_string(),
                    suggestions,
                })
            }
            _ => Err(Error::AmbiguousEntity {
                query: query.to_string(),
                candidates: found.iter().map(|e| e.id.clone()).collect(),
            }),
        }
    }

    /// [`Self::resolve`], where a query the graph does not know but the
    /// gazetteer does is an [`Error::AbsentEntity`] (the entity takes part
    /// in no meeting) rather than an unknown entity with suggestions of
    /// others.
    ///
    /// ```
    /// use diplograph::{Error, gazetteer::Gazetteer, graph::MeetingGraph, model::Extraction};
    /// let g = MeetingGraph::new(Extraction::default()).unwrap();
    /// let known = Gazetteer::builtin().unwrap();
    /// let err = g.resolve_known("Japon", &known).unwrap_err();
    /// assert!(matches!(&err, Error::AbsentEntity { id, .. } if id == "country:JP"), "{err}");
    /// assert!(matches!(g.resolve_known("Atlantide", &known), Err(Error::UnknownEntity { .. })));
    /// ```
    pub fn resolve_known(&self, query: &str, known: &Gazetteer) -> Result<&Entity> {
        match self.resolve(query) {
            Err(Error::UnknownEntity { .. })
                if let Some(e) = known.by_id(query).or_else(|| known.lookup(query)) =>
            {
                let entry = known.entry(e);
                Err(Error::AbsentEntity {
                    query: query.to_string(),
                    id: entry.id.clone(),
                    name: entry.name.clone(),
                })
            }
            other => other,
        }
    }

    /// A meeting's hub: its publisher, or (in a meeting without one) the graph's.
    pub fn hub_of_meeting<'a>(&'a self, m: &'a Meeting) -> Option<&'a str> {
        m.publisher.as_deref().or(self.hub())
    }

    fn counterparts<'a>(&'a self, m: &'a Meeting) -> impl Iterator<Item = &'a str> + 'a {
        let hub = self.hub_of_meeting(m);
        m.parties
            .iter()
            .map(String::as_str)
            .filter(move |p| Some(*p) != hub)
    }

    /// The kinds of a meeting's counterparts (parties other than its hub).
    pub fn counterpart_kinds(&self, m: &Meeting) -> BTreeSet<EntityKind> {
        self.counterparts(m)
            .filter_map(|p| self.entity(p).map(|e| e.kind))
            .collect()
    }

    /// True when a meeting passes a filter.
    pub fn keeps(&self, filter: &Filter, m: &Meeting) -> bool {
        if !keeps_date(filter, m.date.as_ref()) {
            return false;
        }
        if let Some(t) = &filter.topic {
            let t = crate::text::fold(t);
            if !m.topics.iter().any(|x| crate::text::fold(x) == t) {
                return false;
            }
        }
        if let Some(kind) = filter.kind {
            let ok = if kind == EntityKind::Person {
                !m.participants.is_empty() || !m.attendees.is_empty()
            } else {
                self.counterpart_kinds(m).contains(&kind)
            };
            if !ok {
                return false;
            }
        }
        if let Some(id) = &filter.with_entity {
            let people = m.participants.iter().chain(&m.attendees);
            if !m.parties.contains(id) && !people.into_iter().any(|p| &p.person == id) {
                return false;
            }
        }
        true
    }

    /// True when an announcement passes a filter: its date, and an invitee,
    /// member or target of the kind or entity asked for. No announcement
    /// has topics.
    pub fn keeps_announcement(&self, filter: &Filter, a: &Announcement) -> bool {
        keeps_date(filter, a.date.as_ref())
            && filter.topic.is_none()
            && filter.kind.is_none_or(|k| {
                a.entity_ids()
                    .any(|id| !self.is_hub(id) && kind_of_id(id).is_ok_and(|x| x == k))
            })
            && filter
                .with_entity
                .as_deref()
                .is_none_or(|e| a.entity_ids().any(|id| id == e))
    }

    /// How many meetings a filter's dates leave out for want of a date with
    /// its year (0 when the filter sets no date).
    pub fn undated_left_out(&self, filter: &Filter) -> usize {
        if filter.since.is_none() && filter.until.is_none() {
            return 0;
        }
        self.meetings()
            .iter()
            .filter(|m| m.date.as_ref().and_then(date_span).is_none())
            .count()
    }

    /// The meetings that pass a filter, with their indices.
    pub fn filtered<'a>(
        &'a self,
        filter: &'a Filter,
    ) -> impl Iterator<Item = (usize, &'a Meeting)> {
        self.meetings()
            .iter()
            .enumerate()
            .filter(move |(_, m)| self.keeps(filter, m))
    }

    /// The graph of the meetings that pass a filter, with the entities they
    /// name; the hubs stay those of the whole graph that it still has, the
    /// main hub first (a filter `--with JP` must not make Japan the centre).
    ///
    /// ```
    /// # use diplograph::graph::{Filter, MeetingGraph};
    /// # use diplograph::model::{Extraction, Meeting};
    /// # let m = |id: &str, other: &str| Meeting { parties: vec!["org:icesco".into(), other.into()],
    /// #     ..Meeting::new(id, "a.txt") };
    /// let g = MeetingGraph::new(Extraction {
    ///     meetings: vec![m("m-1", "country:JP"), m("m-2", "country:FR"), m("m-3", "country:FR")],
    ///     entities: vec![], ..Default::default() }).unwrap();
    /// let jp = g.subgraph(&Filter { with_entity: Some("country:JP".into()), ..Filter::default() }).unwrap();
    /// assert_eq!((jp.meetings().len(), jp.node_count()), (1, 2));
    /// assert_eq!(jp.hub(), Some("org:icesco"));
    /// ```
    pub fn subgraph(&self, filter: &Filter) -> Result<MeetingGraph> {
        if *filter == Filter::default() {
            return Ok(self.clone());
        }
        let meetings: Vec<Meeting> = self
            .meetings()
            .iter()
            .filter(|m| self.keeps(filter, m))
            .cloned()
            .collect();
        let announcements: Vec<Announcement> = self
            .extraction
            .announcements
            .iter()
            .filter(|a| self.keeps_announcement(filter, a))
            .cloned()
            .collect();
        let named: BTreeSet<&str> = meetings
            .iter()
            .flat_map(Meeting::entity_ids)
            .chain(announcements.iter().flat_map(Announcement::entity_ids))
            .collect();
        let entities = self
            .extraction
            .entities
            .iter()
            .filter(|e| named.contains(e.id.as_str()))
            .cloned()
            .collect();
        let docs: BTreeSet<&str> = meetings
            .iter()
            .flat_map(|m| {
                m.evidence
                    .iter()
                    .map(|e| e.doc.as_str())
                    .chain([m.doc.as_str()])
            })
            .chain(announcements.iter().map(|a| a.doc.as_str()))
            .collect();
        let publishers = self
            .extraction
            .publishers
            .iter()
            .filter(|p| docs.contains(p.doc.as_str()))
            .cloned()
            .collect();
        let mut g = MeetingGraph::from_merged(Extraction {
            meetings,
            entities,
            announcements,
            publishers,
        })?;
        g.hubs = (self.hubs.iter())
            .filter(|h| g.index.contains_key(*h))
            .cloned()
            .collect();
        g.hub = (self.hub.iter())
            .chain(&g.hubs)
            .find(|h| g.index.contains_key(*h))
            .cloned();
        Ok(g)
    }

    /// The ego network of an entity (given as anything [`Self::resolve`]
    /// takes): its neighbours through the edges of the meetings that pass the
    /// filter, and those meetings.
    ///
    /// ```
    /// # use diplograph::graph::{Filter, MeetingGraph};
    /// # use diplograph::model::{Extraction, Meeting};
    /// # let m = |id: &str, other: &str| Meeting { id: id.into(), doc: "a.txt".into(), headline: None,
    /// #     lang: "en".into(), date: None, place: None, mode: None,
    /// #     parties: vec!["org:icesco".into(), other.into()], participants: vec![], attendees: vec![],
    /// #     topics: vec![], invitations: vec![], memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
    /// let g = MeetingGraph::new(Extraction {
    ///     meetings: vec![m("m-1", "country:JP"), m("m-2", "country:FR")], entities: vec![], ..Default::default() }).unwrap();
    /// let ego = g.neighbors("country:JP", &Filter::default()).unwrap();
    /// assert_eq!(ego.neighbors.len(), 1);
    /// assert_eq!(ego.neighbors[0].entity.id, "org:icesco");
    /// assert_eq!(ego.meetings.len(), 1);
    /// ```
    pub fn neighbors(&self, entity: &str, filter: &Filter) -> Result<EgoNetwork<'_>> {
        let center = self.resolve(entity)?;
        let n = self.index[&center.id];
        let mut by_node: BTreeMap<NodeIndex, (BTreeSet<EdgeKind>, BTreeSet<usize>)> =
            BTreeMap::new();
        for e in self.graph.edges(n) {
            let edge = e.weight();
            let Origin::Meeting(mi) = edge.origin else {
                continue;
            };
            if !self.keeps(filter, &self.extraction.meetings[mi]) {
                continue;
            }
            let other = if e.source() == n {
                e.target()
            } else {
                e.source()
            };
            let entry = by_node.entry(other).or_default();
            entry.0.insert(edge.kind);
            entry.1.insert(mi);
        }
        let mut meetings: BTreeSet<usize> = BTreeSet::new();
        let mut neighbors: Vec<Neighbor<'_>> = by_node
            .into_iter()
            .map(|(node, (kinds, ms))| {
                meetings.extend(&ms);
                Neighbor {
                    entity: &self.graph[node],
                    kinds: kinds.into_iter().collect(),
                    meetings: ms.len(),
                }
            })
            .collect();
        neighbors.sort_by(|a, b| {
            b.meetings
                .cmp(&a.meetings)
                .then(a.entity.id.cmp(&b.entity.id))
        });
        Ok(EgoNetwork {
            center,
            neighbors,
            meetings: meetings.into_iter().map(|i| &self.meetings()[i]).collect(),
        })
    }

    /// A shortest path (fewest edges) between two entities through the edges
    /// of the meetings that pass the filter, found with petgraph's A* (no
    /// heuristic). Each step names the edge taken, preferring `met` edges.
    ///
    /// ```
    /// # use diplograph::graph::{Filter, MeetingGraph};
    /// # use diplograph::model::{Extraction, Meeting};
    /// # let m = |id: &str, other: &str| Meeting { id: id.into(), doc: "a.txt".into(), headline: None,
    /// #     lang: "en".into(), date: None, place: None, mode: None,
    /// #     parties: vec!["org:icesco".into(), other.into()], participants: vec![], attendees: vec![],
    /// #     topics: vec![], invitations: vec![], memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
    /// let g = MeetingGraph::new(Extraction {
    ///     meetings: vec![m("m-1", "country:JP"), m("m-2", "country:FR")], entities: vec![], ..Default::default() }).unwrap();
    /// let path = g.path("country:JP", "country:FR", &Filter::default()).unwrap();
    /// let ids: Vec<&str> = path.iter().map(|s| s.entity.id.as_str()).collect();
    /// assert_eq!(ids, ["country:JP", "org:icesco", "country:FR"]);
    /// ```
    pub fn path(&self, from: &str, to: &str, filter: &Filter) -> Result<Vec<PathStep<'_>>> {
        let a = self.resolve(from)?;
        let b = self.resolve(to)?;
        let (na, nb) = (self.index[&a.id], self.index[&b.id]);
        let kept = Kept::new(self, filter);
        let view = petgraph::visit::EdgeFiltered::from_fn(&self.graph, |e| kept.edge(e.weight()));
        let (_, nodes) = petgraph::algo::astar(&view, na, |n| n == nb, |_| 1usize, |_| 0)
            .ok_or_else(|| Error::NoPath {
                from: a.id.clone(),
                to: b.id.clone(),
            })?;
        let mut steps = vec![PathStep {
            entity: a,
            via: None,
        }];
        for pair in nodes.windows(2) {
            let edge = self
                .graph
                .edges_connecting(pair[0], pair[1])
                .filter(|e| kept.edge(e.weight()))
                .min_by_key(|e| (e.weight().kind, e.weight().origin))
                .map(|e| e.weight());
            steps.push(PathStep {
                entity: &self.graph[pair[1]],
                via: edge.map(|e| Via {
                    kind: e.kind,
                    report: self.report(e),
                }),
            });
        }
        Ok(steps)
    }

    /// The graph as node-link JSON, as D3 and NetworkX
    /// (`node_link_graph(data, edges="links")`) read it; see the contract.
    /// Nodes carry the partner centralities of
    /// [`crate::analysis::partner_centrality`] (default options, so the
    /// numbers of `diplograph centrality`), `null` for entities outside the
    /// partner graph (people, places) or when PageRank does not converge;
    /// and the engagement of [`crate::analysis::partners`] (default
    /// options and the built-in office words, so the numbers of
    /// `diplograph partners`): `engagement`, `meetings`, `first_meeting`,
    /// `last_meeting`, `highest_office`, `null` for entities that are no
    /// partner (the hub, people, places, initiatives).
    ///
    /// ```
    /// # use diplograph::graph::MeetingGraph;
    /// # use diplograph::model::{Extraction, Meeting};
    /// # let meeting = Meeting { id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
    /// #     date: Some("2020-07-16".parse().unwrap()), place: None, mode: None,
    /// #     parties: vec!["org:icesco".into(), "country:JP".into()], participants: vec![],
    /// #     attendees: vec![], topics: vec![], invitations: vec![], memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
    /// let g = MeetingGraph::new(Extraction { meetings: vec![meeting], entities: vec![], ..Default::default() }).unwrap();
    /// let v = g.to_node_link();
    /// assert_eq!(v["links"][0]["date"], "2020-07-16");
    /// assert_eq!(v["nodes"][0]["pagerank"], 0.5);
    /// assert_eq!(v["nodes"][1]["engagement"], 1.0);
    /// assert_eq!(v["nodes"][1]["highest_office"], "other");
    /// ```
    pub fn to_node_link(&self) -> serde_json::Value {
        let centralities =
            crate::analysis::partner_centrality(self, &Default::default()).unwrap_or_default();
        let partners = crate::analysis::Offices::builtin()
            .map(|o| crate::analysis::partners(self, &crate::analysis::PartnerOptions::new(o)))
            .map(|p| p.partners)
            .unwrap_or_default();
        self.to_node_link_with(&centralities, &partners)
    }

    /// [`Self::to_node_link`] with centralities and partners already
    /// computed (matched to nodes by id; nodes without one get `null`).
    pub fn to_node_link_with(
        &self,
        centralities: &[crate::analysis::Centrality],
        partners: &[crate::analysis::Partner],
    ) -> serde_json::Value {
        let doc = NodeLink::new(self, centralities, partners);
        serde_json::json!({
            "directed": false,
            "multigraph": true,
            "graph": doc.graph_value(),
            "nodes": doc.nodes().collect::<Vec<_>>(),
            "links": doc.links().collect::<Vec<_>>(),
        })
    }
}

/// The node-link JSON of [`MeetingGraph::to_node_link_with`] as a value
/// that serializes one node and one link at a time, so that writing it
/// (`serde_json::to_writer`) never holds the whole document: the same
/// bytes as the [`serde_json::Value`], keys in the same (sorted) order.
///
/// Each link carries its meeting's evidence with each sentence once
/// ([`Report::sentences`]) and `documents`, the number of documents
/// that report the meeting; every span is in `graph.json`.
///
/// ```
/// # use diplograph::graph::{MeetingGraph, NodeLink};
/// # use diplograph::model::{Extraction, Meeting};
/// let mut m = Meeting::new("m-1", "a.txt");
/// m.parties = vec!["org:icesco".into(), "country:JP".into()];
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], ..Default::default() }).unwrap();
/// let streamed = serde_json::to_string(&NodeLink::new(&g, &[], &[])).unwrap();
/// assert_eq!(streamed, g.to_node_link_with(&[], &[]).to_string());
/// ```
pub struct NodeLink<'a> {
    graph: &'a MeetingGraph,
    centrality: std::collections::HashMap<&'a str, &'a crate::analysis::Centrality>,
    partner: std::collections::HashMap<&'a str, &'a crate::analysis::Partner>,
}

impl<'a> NodeLink<'a> {
    /// The document of a graph with its centralities and partners.
    pub fn new(
        graph: &'a MeetingGraph,
        centralities: &'a [crate::analysis::Centrality],
        partners: &'a [crate::analysis::Partner],
    ) -> Self {
        NodeLink {
            graph,
            centrality: centralities.iter().map(|c| (c.id.as_str(), c)).collect(),
            partner: partners.iter().map(|p| (p.id.as_str(), p)).collect(),
        }
    }

    fn graph_value(&self) -> serde_json::Value {
        serde_json::json!({"hub": self.graph.hub, "hubs": self.graph.hubs})
    }

    fn nodes(&self) -> impl Iterator<Item = serde_json::Value> + '_ {
        use serde_json::json;
        self.graph.graph.node_weights().map(|e| {
            let mut v = json!({"id": e.id, "kind": e.kind, "label": e.name, "aliases": e.aliases});
            if let Some(iso) = &e.iso {
                v["iso"] = json!(iso);
            }
            if let Some(a) = &e.acronym {
                v["acronym"] = json!(a);
            }
            let c = self.centrality.get(e.id.as_str());
            v["degree"] = json!(c.map(|c| c.degree));
            v["weighted_degree"] = json!(c.map(|c| c.weighted_degree));
            v["betweenness"] = json!(c.map(|c| c.betweenness));
            v["closeness"] = json!(c.map(|c| c.closeness));
            v["eigenvector"] = json!(c.and_then(|c| c.eigenvector));
            v["pagerank"] = json!(c.map(|c| c.pagerank));
            let p = self.partner.get(e.id.as_str());
            v["engagement"] = json!(p.map(|p| p.engagement));
            v["hub"] = json!(self.graph.is_hub(&e.id));
            v["meetings"] = json!(p.map(|p| p.meetings));
            v["first_meeting"] = json!(p.and_then(|p| p.first));
            v["last_meeting"] = json!(p.and_then(|p| p.last));
            v["highest_office"] = json!(p.and_then(|p| p.highest_office));
            v
        })
    }

    fn links(&self) -> impl Iterator<Item = serde_json::Value> + '_ {
        let g = self.graph;
        g.graph.edge_references().map(move |e| {
            let w = e.weight();
            let target = if e.source() == w.source {
                e.target()
            } else {
                e.source()
            };
            let m = g.report(w);
            serde_json::json!({
                "source": g.graph[w.source].id,
                "target": g.graph[target].id,
                "kind": w.kind,
                "meeting": m.id,
                "date": m.date,
                "place": m.place,
                "mode": m.mode,
                "topics": m.topics,
                "role": w.role,
                "capacity": w.capacity,
                "title": w.title,
                "evidence": m.sentences().collect::<Vec<_>>(),
                "documents": m.documents,
            })
        })
    }
}

impl Serialize for NodeLink<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Seq<I>(std::cell::Cell<Option<I>>);
        impl<I: Iterator<Item = serde_json::Value>> Serialize for Seq<I> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                s.collect_seq(self.0.take().into_iter().flatten())
            }
        }
        fn seq<I>(items: I) -> Seq<I> {
            Seq(std::cell::Cell::new(Some(items)))
        }
        // In the order of a `serde_json::Value` map: sorted.
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("directed", &false)?;
        map.serialize_entry("graph", &self.graph_value())?;
        map.serialize_entry("links", &seq(self.links()))?;
        map.serialize_entry("multigraph", &true)?;
        map.serialize_entry("nodes", &seq(self.nodes()))?;
        map.end()
    }
}

fn names_of(e: &Entity) -> impl Iterator<Item = &str> {
    std::iter::once(e.name.as_str())
        .chain(e.aliases.iter().map(String::as_str))
        .chain(e.iso.as_deref())
        .chain(e.acronym.as_deref())
}

/// An entity's ego network.
#[derive(Debug, Clone, Serialize)]
pub struct EgoNetwork<'a> {
    pub center: &'a Entity,
    /// Neighbours, most meetings first.
    pub neighbors: Vec<Neighbor<'a>>,
    /// The meetings of the edges, in graph order.
    pub meetings: Vec<&'a Meeting>,
}

/// A neighbour in an ego network.
#[derive(Debug, Clone, Serialize)]
pub struct Neighbor<'a> {
    pub entity: &'a Entity,
    /// Kinds of the edges to it.
    pub kinds: Vec<EdgeKind>,
    /// Number of meetings those edges come from.
    pub meetings: usize,
}

/// One step of a path.
#[derive(Debug, Clone, Serialize)]
pub struct PathStep<'a> {
    pub entity: &'a Entity,
    /// The edge that leads here from the previous step (`None` at the start).
    pub via: Option<Via<'a>>,
}

/// The edge a path step takes.
#[derive(Debug, Clone, Serialize)]
pub struct Via<'a> {
    pub kind: EdgeKind,
    /// The meeting (or announcement) the edge was read in.
    #[serde(rename = "meeting")]
    pub report: Report<'a>,
}

/// A meeting or an announcement, as an edge shows it (an announcement has
/// no place, mode or topics).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Report<'a> {
    pub id: &'a str,
    pub doc: &'a str,
    pub headline: Option<&'a str>,
    pub date: Option<PartialDate>,
    pub place: Option<&'a str>,
    pub mode: Option<Mode>,
    pub topics: &'a [String],
    /// Every span of evidence of the merged meeting.
    pub evidence: &'a [Evidence],
    /// Positions in `evidence` of the first span of each distinct sentence.
    #[serde(skip)]
    distinct: &'a [usize],
    /// Number of documents that report it.
    #[serde(skip)]
    pub documents: usize,
}

impl<'a> Report<'a> {
    fn of_meeting(m: &'a Meeting, sentences: &'a Sentences) -> Self {
        Report {
            id: &m.id,
            doc: &m.doc,
            headline: m.headline.as_deref(),
            date: m.date,
            place: m.place.as_deref(),
            mode: m.mode,
            topics: &m.topics,
            evidence: &m.evidence,
            distinct: &sentences.first,
            documents: sentences.documents,
        }
    }

    /// The evidence with each sentence text once: the first span that reads
    /// it, in evidence order. What the edge formats write, so that their
    /// size follows the graph, not the number of copies of a report.
    ///
    /// ```
    /// use diplograph::graph::MeetingGraph;
    /// use diplograph::model::{Evidence, Extraction, Meeting};
    /// let span = |doc: &str, text: &str| Evidence { doc: doc.into(), start: 0, end: 4, text: text.into() };
    /// let mut m = Meeting::new("m-1", "a.txt");
    /// m.parties = vec!["org:icesco".into(), "country:JP".into()];
    /// m.evidence = vec![span("a.txt", "Met."), span("b.txt", "Met."), span("b.txt", "Talked.")];
    /// let g = MeetingGraph::new(Extraction { meetings: vec![m], ..Default::default() }).unwrap();
    /// let report = g.report(&g.petgraph().edge_weights().next().unwrap());
    /// let kept: Vec<(&str, &str)> = report.sentences().map(|e| (e.doc.as_str(), e.text.as_str())).collect();
    /// assert_eq!(kept, [("a.txt", "Met."), ("b.txt", "Talked.")]);
    /// assert_eq!((report.evidence.len(), report.documents), (3, 2));
    /// ```
    pub fn sentences(&self) -> impl Iterator<Item = &'a Evidence> + 'a {
        let evidence = self.evidence;
        self.distinct.iter().filter_map(move |&i| evidence.get(i))
    }
}

/// Which meetings and announcements pass a filter, for edge filters.
pub(crate) struct Kept {
    meetings: Vec<bool>,
    announcements: Vec<bool>,
}

impl Kept {
    pub(crate) fn new(g: &MeetingGraph, filter: &Filter) -> Self {
        Kept {
            meetings: g.meetings().iter().map(|m| g.keeps(filter, m)).collect(),
            announcements: g
                .extraction
                .announcements
                .iter()
                .map(|a| g.keeps_announcement(filter, a))
                .collect(),
        }
    }

    /// True when the meeting or announcement of an edge passes.
    pub(crate) fn edge(&self, e: &Edge) -> bool {
        match e.origin {
            Origin::Meeting(i) => self.meetings[i],
            Origin::Announcement(i) => self.announcements[i],
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
