//! DOT for Graphviz, built as a `graphviz-rust` syntax tree and printed by
//! its printer: a partnership diagram.
//!
//! A corpus of one organization's press releases is a star, so the diagram
//! is drawn around its hub:
//! - the layout is radial (`layout=twopi`, `root` = the main hub): the hub
//!   at the centre, its partners (and the other hubs of a corpus of several
//!   publishers, written first) on the first ring, what only they reach
//!   (the partners of the other hubs alone, the initiatives, the people)
//!   further out; above
//!   [`super::SFDP_THRESHOLD`] drawn nodes, force-directed (`sfdp`). The DOT
//!   names its layout, so `dot -Tsvg graph.dot` draws the same picture.
//!   Edges are straight (`splines=line`): routed splines took Graphviz 247 s
//!   on a graph of 279 nodes and 2,223 edges, straight lines 0.4 s;
//! - partners are grouped by kind: shape and colour per kind (country: blue
//!   ellipse, organization: orange box, initiative: green hexagon, person:
//!   grey note; every hub has a double border), written kind by kind so that
//!   each kind takes one arc of the ring; node font size by the engagement
//!   of [`crate::analysis::partners`] (the hubs get the largest, people and
//!   what is no partner the smallest); a tooltip gives the node's meetings
//!   as [`crate::analysis::partner_centrality`] counts them;
//! - one `met` edge per pair of parties, its width by the number of meetings
//!   (`penwidth` 1 for one meeting, 3 for four, 5 for nine); each meeting's
//!   date, topics and headline go to the edge's tooltip (shown on hover in
//!   SVG). `invited` and `member_of` edges, one per kind and pair, carry
//!   their capacities and dates the same way;
//! - people are left out unless [`DotOptions::people`]: then a person's
//!   `represents` edges become one dashed edge per person and entity (the
//!   roles are its tooltip), and `attended` edges are drawn the same way
//!   only for people who represent no one (the meeting edge already joins
//!   the parties);
//! - a compact legend (the graph's HTML label, under the drawing) names the
//!   colours and lines of the kinds drawn, and the range of meetings.
//!
//! Names are written in double-quoted strings with `\` and `"` escaped;
//! control, bidirectional and zero-width characters are shown as `\u{…}`
//! (as in the meetings table) so that a name cannot reorder or hide the
//! label; other non-ASCII text is kept as UTF-8 (`charset="UTF-8"`).

use super::{GraphView, capacity_name, kind_colour, kind_name, layout_for};
use crate::graph::EdgeKind;
use crate::model::{Entity, EntityKind};
use crate::render::table;
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What the diagram draws beyond the partners.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// Draw people and the entities they represent or attended with.
    pub people: bool,
}

/// Escapes text for a double-quoted DOT string used as an escString label:
/// hidden characters as `\u{…}`, then `\` and `"` escaped.
fn escape(s: &str) -> String {
    table::escape(s).replace('\\', "\\\\").replace('"', "\\\"")
}

/// A quoted DOT string of lines (joined with `\n`), each escaped.
fn quoted<S: AsRef<str>>(lines: &[S]) -> Id {
    let body: Vec<String> = lines.iter().map(|l| escape(l.as_ref())).collect();
    Id::Escaped(format!("\"{}\"", body.join("\\n")))
}

fn text(s: &str) -> Id {
    quoted(&[s])
}

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(key.to_string()), value)
}

fn plain(key: &str, value: impl ToString) -> Attribute {
    attr(key, text(&value.to_string()))
}

fn node_id(id: &str) -> NodeId {
    NodeId(text(id), None)
}

fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(DotEdge {
        ty: EdgeTy::Pair(Vertex::N(node_id(a)), Vertex::N(node_id(b))),
        attributes,
    })
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Shape and style of a kind.
fn shape(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Country => ("ellipse", "filled"),
        EntityKind::Organization => ("box", "rounded,filled"),
        EntityKind::Initiative => ("hexagon", "filled"),
        EntityKind::Person => ("note", "filled"),
        EntityKind::Place => ("house", "filled"),
    }
}

/// The kinds in the order they are drawn around the hub and listed in the
/// legend.
const KINDS: [EntityKind; 5] = [
    EntityKind::Country,
    EntityKind::Organization,
    EntityKind::Initiative,
    EntityKind::Person,
    EntityKind::Place,
];

fn kind_rank(kind: EntityKind) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(KINDS.len())
}

/// Colour and style of an edge kind.
fn edge_style(kind: EdgeKind) -> (&'static str, &'static str) {
    match kind {
        EdgeKind::Met => ("#555555", "solid"),
        EdgeKind::Represents => ("#888888", "dashed"),
        EdgeKind::Attended => ("#888888", "dotted"),
        EdgeKind::Invited => ("#3182bd", "dashed"),
        EdgeKind::MemberOf => ("#31a354", "bold"),
        EdgeKind::Agreed => ("#e6550d", "bold"),
    }
}

/// The edge kinds in legend order, with their names there.
const EDGE_KINDS: [(EdgeKind, &str); 6] = [
    (EdgeKind::Met, "met"),
    (EdgeKind::Invited, "invited"),
    (EdgeKind::MemberOf, "member of"),
    (EdgeKind::Agreed, "agreement signed"),
    (EdgeKind::Represents, "represents"),
    (EdgeKind::Attended, "attended"),
];

fn edge_attrs(kind: EdgeKind) -> Vec<Attribute> {
    let (colour, style) = edge_style(kind);
    let mut a = vec![plain("color", colour), plain("style", style)];
    if matches!(kind, EdgeKind::Invited | EdgeKind::MemberOf) {
        a.push(plain("dir", "forward"));
        a.push(plain("arrowsize", "0.6"));
    }
    a
}

/// Line width of a `met` edge of `meetings` meetings: 1 for one, growing
/// with the square root (3 for four, 5 for nine).
fn pen_width(meetings: usize) -> String {
    format!("{:.2}", 1.0 + 2.0 * ((meetings as f64).sqrt() - 1.0))
}

/// Font size by engagement share: 12 for the least engaged, up to 22 for
/// the most (and the hubs).
fn font_size(share: f64) -> String {
    format!("{:.1}", 12.0 + 10.0 * share.sqrt())
}

/// Names longer than this are drawn as their acronym when they have one
/// (the tooltip gives both).
const LONG_NAME: usize = 24;

fn label(e: &Entity) -> &str {
    match &e.acronym {
        Some(a) if e.name.chars().count() > LONG_NAME => a,
        _ => &e.name,
    }
}

#[cfg(test)]
#[test]
fn long_names_are_drawn_as_their_acronym() {
    let mut e = Entity::new(
        "org:fao",
        EntityKind::Organization,
        "Food and Agriculture Organization",
    );
    assert_eq!(label(&e), "Food and Agriculture Organization");
    e.acronym = Some("FAO".into());
    assert_eq!(label(&e), "FAO");
    e.name = "Institut Lula".into();
    assert_eq!(label(&e), "Institut Lula");
}

/// Aliases listed in a node's tooltip at the most.
const ALIASES: usize = 4;

fn node(view: &GraphView<'_>, n: petgraph::graph::NodeIndex, e: &Entity, share: f64) -> Stmt {
    let mut tooltip = vec![match &e.acronym {
        Some(a) if a != &e.name => format!("{} ({a})", e.name),
        _ => e.name.clone(),
    }];
    tooltip.push(e.id.clone());
    match e.aliases.len() {
        0 => {}
        n if n <= ALIASES => tooltip.push(e.aliases.join(", ")),
        n => tooltip.push(format!(
            "{} and {} more",
            e.aliases[..ALIASES].join(", "),
            n - ALIASES
        )),
    }
    match view
        .centrality(n)
        .and_then(|c| c.meetings)
        .unwrap_or_default()
    {
        0 => {}
        1 => tooltip.push("1 meeting".to_string()),
        m => tooltip.push(format!("{m} meetings")),
    }
    if let Some(c) = view.centrality(n) {
        tooltip.push(format!("PageRank {:.3}", c.pagerank));
    }
    let (s, style) = shape(e.kind);
    let mut attributes = vec![
        attr("label", text(label(e))),
        plain("shape", s),
        plain("style", style),
        plain("fillcolor", hex(kind_colour(e.kind))),
        plain("fontsize", font_size(share)),
        attr("tooltip", quoted(&tooltip)),
    ];
    if view.graph().is_hub(&e.id) {
        attributes.push(plain("peripheries", 2));
        attributes.push(plain("penwidth", 1.5));
    }
    Stmt::Node(Node::new(node_id(&e.id), attributes))
}

/// The legend as an HTML-like label: a swatch per kind drawn, a line sample
/// per edge kind drawn, and the range of meetings per `met` edge; `None`
/// when nothing is drawn (Graphviz refuses an empty table row).
fn legend(kinds: &BTreeSet<usize>, edges: &BTreeSet<EdgeKind>, most: usize) -> Option<Id> {
    let mut row = String::new();
    for &k in kinds {
        let kind = KINDS[k];
        row.push_str(&format!(
            r#"<td align="left"><font color="{}">■</font> {}</td>"#,
            hex(kind_colour(kind)),
            kind_name(kind)
        ));
    }
    let mut lines = String::new();
    for (kind, name) in EDGE_KINDS.iter().filter(|(k, _)| edges.contains(k)) {
        let (colour, style) = edge_style(*kind);
        let sample = match style {
            "dashed" => "- - -",
            "dotted" => "· · ·",
            _ => "———",
        };
        let name = match kind {
            EdgeKind::Met if most > 1 => format!("met (width: 1 to {most} meetings)"),
            _ => name.to_string(),
        };
        lines.push_str(&format!(
            r#"<td align="left"><font color="{colour}"><b>{sample}</b></font> {name}</td>"#
        ));
    }
    let rows: String = [row, lines]
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| format!("<tr>{r}</tr>"))
        .collect();
    (!rows.is_empty()).then(|| {
        Id::Html(format!(
            r#"<<table border="0" cellspacing="4" cellpadding="1">{rows}</table>>"#
        ))
    })
}

/// The graph as DOT text (see the module documentation for what is drawn).
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// use diplograph::render::graph::{dot, DotOptions, GraphView};
/// # let m = |id: &str, date: &str| Meeting { id: id.into(), doc: "a.txt".into(), headline: None,
/// #     lang: "en".into(), date: Some(date.parse().unwrap()), place: None, mode: None,
/// #     parties: vec!["org:icesco".into(), "country:JP".into()],
/// #     participants: vec![], attendees: vec![], topics: vec!["culture".into()], invitations: vec![],
/// #     memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
/// let g = MeetingGraph::new(Extraction {
///     meetings: vec![m("m-1", "2020-07-16"), m("m-2", "2021-03-02")],
///     ..Default::default()
/// }).unwrap();
/// let text = dot(&GraphView::new(&g).unwrap(), &DotOptions::default());
/// assert!(text.contains(r#"layout="twopi" root="org:icesco""#));
/// // one edge for the two meetings, each in its tooltip
/// assert!(text.contains(r##""org:icesco" -- "country:JP" [color="#555555" style="solid" penwidth="1.83" tooltip="2 meetings\n2020-07-16: culture\n2021-03-02: culture"]"##));
/// ```
pub fn dot(view: &GraphView<'_>, options: &DotOptions) -> String {
    let graph = view.graph();
    let hub = graph.hub();
    let drawn = |e: &Entity| options.people || e.kind != EntityKind::Person;
    // met edges by pair, the other kinds by kind and (source, target)
    let mut met: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
    let mut facts: BTreeMap<(EdgeKind, &str, &str), Vec<String>> = BTreeMap::new();
    let represents: HashSet<&str> = view
        .edges()
        .filter(|e| e.edge.kind == EdgeKind::Represents)
        .map(|e| e.source.id.as_str())
        .collect();
    for e in view.edges() {
        if !drawn(e.source) || !drawn(e.target) {
            continue;
        }
        let m = e.report;
        let date = m
            .date
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        match e.edge.kind {
            EdgeKind::Met => {
                let (a, b) = (e.source.id.as_str(), e.target.id.as_str());
                let mut line = date;
                if !m.topics.is_empty() {
                    line.push_str(&format!(": {}", m.topics.join(", ")));
                }
                if let Some(h) = m.headline {
                    line.push_str(&format!(" ({h})"));
                }
                met.entry(if a <= b { (a, b) } else { (b, a) })
                    .or_default()
                    .push(line);
            }
            kind @ (EdgeKind::Invited | EdgeKind::MemberOf) => {
                let line = match e.edge.capacity {
                    Some(c) => format!("as {}, {date}", capacity_name(c)),
                    None => date,
                };
                facts
                    .entry((kind, &e.source.id, &e.target.id))
                    .or_default()
                    .push(line);
            }
            EdgeKind::Agreed => {
                let title = e.edge.title.as_deref().unwrap_or(m.id);
                facts
                    .entry((EdgeKind::Agreed, &e.source.id, &e.target.id))
                    .or_default()
                    .push(format!("{title}, {date}"));
            }
            EdgeKind::Attended if represents.contains(e.source.id.as_str()) => {}
            kind @ (EdgeKind::Represents | EdgeKind::Attended) => {
                // written entity first, so that people are placed beyond it
                let roles = facts.entry((kind, &e.target.id, &e.source.id)).or_default();
                if let Some(r) = &e.edge.role
                    && !roles.contains(r)
                {
                    roles.push(r.clone());
                }
            }
        }
    }
    // the nodes drawn: the hub, then those of an edge, kind by kind
    let mut ends: HashSet<&str> = hub.into_iter().collect();
    ends.extend(met.keys().flat_map(|(a, b)| [*a, *b]));
    ends.extend(facts.keys().flat_map(|(_, a, b)| [*a, *b]));
    let mut nodes: Vec<_> = view
        .nodes()
        .filter(|(_, e)| ends.contains(e.id.as_str()))
        .collect();
    nodes.sort_by_key(|(_, e)| {
        (
            Some(e.id.as_str()) != hub,
            !graph.is_hub(&e.id),
            kind_rank(e.kind),
            label(e).to_lowercase(),
        )
    });
    let order: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, (_, e))| (e.id.as_str(), i))
        .collect();
    let engagement = |n| view.partner(n).map_or(0.0, |p| p.engagement);
    let max = nodes
        .iter()
        .map(|&(n, _)| engagement(n))
        .fold(0.0, f64::max);

    let layout = layout_for(nodes.len());
    let mut settings = vec![plain("charset", "UTF-8"), plain("layout", layout)];
    if let Some(h) = hub {
        settings.push(plain("root", h));
    }
    settings.extend([
        plain("overlap", "false"),
        plain("splines", "line"),
        plain("outputorder", "edgesfirst"),
        plain("ranksep", 1.6),
        plain("fontname", "Helvetica"),
        plain("fontsize", 14),
        plain("labelloc", "b"),
    ]);
    let kinds: BTreeSet<usize> = nodes.iter().map(|(_, e)| kind_rank(e.kind)).collect();
    let mut edge_kinds: BTreeSet<EdgeKind> = facts.keys().map(|(k, _, _)| *k).collect();
    if !met.is_empty() {
        edge_kinds.insert(EdgeKind::Met);
    }
    let most = met.values().map(Vec::len).max().unwrap_or(0);
    if let Some(legend) = legend(&kinds, &edge_kinds, most) {
        settings.push(attr("label", legend));
    }
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(settings)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            plain("fontname", "Helvetica"),
            plain("margin", "0.08,0.04"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![plain("fontname", "Helvetica")])),
    ];
    for &(n, e) in &nodes {
        let share = if graph.is_hub(&e.id) {
            1.0
        } else if max > 0.0 {
            engagement(n) / max
        } else {
            0.0
        };
        stmts.push(node(view, n, e, share));
    }
    // edges in the order of their far end, so that twopi keeps each kind
    // on one arc
    let rank = |id: &str| order.get(id).copied().unwrap_or(usize::MAX);
    let mut met: Vec<_> = met.into_iter().collect();
    met.sort_by_key(|((a, b), _)| {
        let (a, b) = (rank(a), rank(b));
        (a.min(b), a.max(b))
    });
    for ((a, b), mut lines) in met {
        let (a, b) = if rank(a) <= rank(b) { (a, b) } else { (b, a) };
        lines.sort();
        let n = lines.len();
        let head = if n == 1 {
            "1 meeting".to_string()
        } else {
            format!("{n} meetings")
        };
        lines.insert(0, head);
        let mut attrs = edge_attrs(EdgeKind::Met);
        attrs.push(plain("penwidth", pen_width(n)));
        attrs.push(attr("tooltip", quoted(&lines)));
        stmts.push(edge(a, b, attrs));
    }
    let mut facts: Vec<_> = facts.into_iter().collect();
    facts.sort_by_key(|((kind, a, b), _)| {
        (
            *kind == EdgeKind::Represents || *kind == EdgeKind::Attended,
            rank(a),
            rank(b),
        )
    });
    for ((kind, a, b), lines) in facts {
        let mut attrs = edge_attrs(kind);
        if !lines.is_empty() {
            let mut tip = vec![
                EDGE_KINDS
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map_or("", |(_, n)| *n)
                    .to_string(),
            ];
            tip.extend(lines);
            attrs.push(attr("tooltip", quoted(&tip)));
        }
        stmts.push(edge(a, b, attrs));
    }
    let graph = Graph::Graph {
        id: Id::Plain("diplograph".into()),
        strict: false,
        stmts,
    };
    let mut ctx = PrinterContext::default();
    let mut out = graph.print(&mut ctx);
    out.push('\n');
    out
}
