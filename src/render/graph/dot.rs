//! DOT for Graphviz, built as a `graphviz-rust` syntax tree and printed by
//! its printer.
//!
//! The DOT is a picture for people, so it draws the meetings in full and the
//! people sparingly:
//! - every entity is a node, its shape and colour by kind (country: blue
//!   ellipse, organization: orange box, initiative: green hexagon, person:
//!   grey note, place: purple house; the hub has a double border), its font
//!   size by PageRank (people, outside the partner graph, get the smallest);
//! - every `met` edge is drawn, one per meeting, labelled with its date and
//!   topics; every `invited` and `member_of` edge too, labelled with the
//!   capacity and date;
//! - a person's `represents` edges become one dashed edge per person and
//!   entity (the role is its tooltip), and `attended` edges are drawn the
//!   same way only for people who represent no one: the meeting edge already
//!   joins the parties;
//! - a legend (subgraph `cluster_legend`) explains the shapes and edges.
//!
//! Names are written in double-quoted strings with `\` and `"` escaped;
//! control, bidirectional and zero-width characters are shown as `\u{…}`
//! (as in the meetings table) so that a name cannot reorder or hide the
//! label; other non-ASCII text is kept as UTF-8 (`charset="UTF-8"`).

use super::{GraphView, capacity_name, kind_colour};
use crate::graph::EdgeKind;
use crate::model::{Entity, EntityKind};
use crate::render::table;
use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;

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

fn kind_attrs(kind: EntityKind) -> Vec<Attribute> {
    let (s, style) = shape(kind);
    vec![
        plain("shape", s),
        plain("style", style),
        plain("fillcolor", hex(kind_colour(kind))),
    ]
}

/// Colour and style of an edge kind.
fn edge_style(kind: EdgeKind) -> (&'static str, &'static str) {
    match kind {
        EdgeKind::Met => ("#333333", "solid"),
        EdgeKind::Represents => ("#888888", "dashed"),
        EdgeKind::Attended => ("#888888", "dotted"),
        EdgeKind::Invited => ("#3182bd", "dashed"),
        EdgeKind::MemberOf => ("#31a354", "bold"),
        EdgeKind::Agreed => ("#e6550d", "bold"),
    }
}

fn edge_attrs(kind: EdgeKind) -> Vec<Attribute> {
    let (colour, style) = edge_style(kind);
    let mut a = vec![plain("color", colour), plain("style", style)];
    if !matches!(kind, EdgeKind::Met | EdgeKind::Agreed) {
        a.push(plain("dir", "forward"));
        a.push(plain("arrowsize", "0.6"));
    }
    a
}

/// Words joined with `, ` into lines of at most `width` characters (a longer
/// word gets a line of its own).
fn wrap(words: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 2 + w.chars().count() <= width => {
                l.push_str(", ");
                l.push_str(w);
            }
            _ => lines.push(w.clone()),
        }
    }
    lines
}

#[cfg(test)]
#[test]
fn wraps_topics() {
    let words: Vec<String> = ["education", "science", "culture", "heritage"]
        .map(String::from)
        .into();
    assert_eq!(
        wrap(&words, 30),
        ["education, science, culture", "heritage"]
    );
}

/// Font size by PageRank share: 10 for people and the least central, up to
/// 22 for the most central.
fn font_size(share: Option<f64>) -> String {
    format!("{:.1}", 10.0 + 12.0 * share.unwrap_or(0.0).sqrt())
}

fn node(view: &GraphView<'_>, n: petgraph::graph::NodeIndex, e: &Entity) -> Stmt {
    let max = view.max_pagerank();
    let share = view
        .centrality(n)
        .filter(|_| max > 0.0)
        .map(|c| c.pagerank / max);
    let mut label = vec![e.name.clone()];
    if let Some(a) = &e.acronym
        && a != &e.name
    {
        label[0] = format!("{} ({a})", e.name);
    }
    let mut tooltip = vec![e.id.clone()];
    if !e.aliases.is_empty() {
        tooltip.push(e.aliases.join(", "));
    }
    if let Some(c) = view.centrality(n) {
        tooltip.push(format!("PageRank {:.3}", c.pagerank));
    }
    let mut attributes = vec![attr("label", quoted(&label))];
    attributes.extend(kind_attrs(e.kind));
    attributes.push(plain("fontsize", font_size(share)));
    attributes.push(attr("tooltip", quoted(&tooltip)));
    if view.graph().hub() == Some(e.id.as_str()) {
        attributes.push(plain("peripheries", 2));
        attributes.push(plain("penwidth", 1.5));
    }
    Stmt::Node(Node::new(node_id(&e.id), attributes))
}

fn legend() -> Stmt {
    let mut stmts = vec![
        Stmt::Attribute(plain("label", "Legend")),
        Stmt::Attribute(plain("style", "rounded")),
        Stmt::Attribute(plain("color", "#999999")),
        Stmt::Attribute(plain("fontsize", 12)),
        Stmt::GAttribute(GraphAttributes::Node(vec![plain("fontsize", 10)])),
    ];
    let kinds = [
        EntityKind::Country,
        EntityKind::Organization,
        EntityKind::Initiative,
        EntityKind::Person,
    ];
    for kind in kinds {
        let mut a = vec![plain("label", super::kind_name(kind))];
        a.extend(kind_attrs(kind));
        stmts.push(Stmt::Node(Node::new(
            node_id(&format!("legend:{}", super::kind_name(kind))),
            a,
        )));
    }
    // the kinds and the edge samples' left ends in one column, in order
    let mut column: Vec<String> = kinds
        .iter()
        .map(|k| format!("legend:{}", super::kind_name(*k)))
        .collect();
    let edges = [
        (EdgeKind::Met, "met (date, topics)"),
        (EdgeKind::Represents, "represents"),
        (EdgeKind::Attended, "attended"),
        (EdgeKind::Invited, "invited"),
        (EdgeKind::MemberOf, "member of"),
        (EdgeKind::Agreed, "agreement signed"),
    ];
    for (kind, label) in edges {
        let (a, b) = (
            format!("legend:{}:a", kind.as_str()),
            format!("legend:{}:b", kind.as_str()),
        );
        for id in [&a, &b] {
            stmts.push(Stmt::Node(Node::new(
                node_id(id),
                vec![
                    plain("shape", "point"),
                    plain("width", 0.05),
                    plain("color", "#999999"),
                ],
            )));
        }
        let mut attrs = edge_attrs(kind);
        attrs.push(plain("label", label));
        attrs.push(plain("fontsize", 10));
        stmts.push(edge(&a, &b, attrs));
        column.push(a);
    }
    let mut same = vec![Stmt::Attribute(plain("rank", "same"))];
    for pair in column.windows(2) {
        same.push(edge(&pair[0], &pair[1], vec![plain("style", "invis")]));
    }
    stmts.push(Stmt::Subgraph(Subgraph {
        id: Id::Plain("legend_column".into()),
        stmts: same,
    }));
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts,
    })
}

/// The graph as DOT text (see the module documentation for what is drawn).
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// use diplograph::render::graph::{dot, GraphView};
/// # let m = Meeting { id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
/// #     date: Some("2020-07-16".parse().unwrap()), place: None, mode: None,
/// #     parties: vec!["org:icesco".into(), "country:JP".into()],
/// #     participants: vec![], attendees: vec![], topics: vec!["culture".into()], invitations: vec![],
/// #     memberships: vec![], evidence: vec![] };
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], entities: vec![], ..Default::default() }).unwrap();
/// let text = dot(&GraphView::new(&g).unwrap());
/// assert!(text.starts_with("graph diplograph {"));
/// assert!(text.contains(r#""org:icesco" -- "country:JP" [label="2020-07-16\nculture""#));
/// ```
pub fn dot(view: &GraphView<'_>) -> String {
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            plain("charset", "UTF-8"),
            plain("rankdir", "LR"),
            plain("overlap", "false"),
            plain("splines", "true"),
            plain("outputorder", "edgesfirst"),
            plain("nodesep", 0.25),
            plain("ranksep", 1.2),
            plain("fontname", "Helvetica"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            plain("fontname", "Helvetica"),
            plain("margin", "0.08,0.04"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            plain("fontname", "Helvetica"),
            plain("fontsize", 9),
            plain("fontcolor", "#444444"),
        ])),
        legend(),
    ];
    for (n, e) in view.nodes() {
        stmts.push(node(view, n, e));
    }
    // people's edges, one per (kind, person, entity) with the roles seen
    let mut people: BTreeMap<(EdgeKind, &str, &str), Vec<&str>> = BTreeMap::new();
    let represents: std::collections::HashSet<&str> = view
        .edges()
        .filter(|e| e.edge.kind == EdgeKind::Represents)
        .map(|e| e.source.id.as_str())
        .collect();
    for e in view.edges() {
        let m = e.report;
        let date = m
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        match e.edge.kind {
            EdgeKind::Met => {
                let mut label = vec![date];
                label.extend(wrap(m.topics, 40));
                let mut a = edge_attrs(EdgeKind::Met);
                a.insert(0, attr("label", quoted(&label)));
                a.push(attr("tooltip", quoted(&[m.headline.unwrap_or(m.id)])));
                a.push(plain("penwidth", 1.4));
                stmts.push(edge(&e.source.id, &e.target.id, a));
            }
            kind @ (EdgeKind::Invited | EdgeKind::MemberOf) => {
                let what = if kind == EdgeKind::Invited {
                    "invited"
                } else {
                    "member"
                };
                let head = match e.edge.capacity {
                    Some(c) => format!("{what} ({})", capacity_name(c)),
                    None => what.to_string(),
                };
                let mut a = edge_attrs(kind);
                a.insert(0, attr("label", quoted(&[head, date])));
                stmts.push(edge(&e.source.id, &e.target.id, a));
            }
            EdgeKind::Agreed => {
                let mut a = edge_attrs(EdgeKind::Agreed);
                a.insert(0, attr("label", quoted(&["agreement".to_string(), date])));
                let title = e.edge.title.as_deref().unwrap_or(m.id);
                a.push(attr("tooltip", quoted(&[title])));
                stmts.push(edge(&e.source.id, &e.target.id, a));
            }
            EdgeKind::Attended if represents.contains(e.source.id.as_str()) => {}
            kind @ (EdgeKind::Represents | EdgeKind::Attended) => {
                let roles = people
                    .entry((kind, &e.source.id, &e.target.id))
                    .or_default();
                if let Some(r) = e.edge.role.as_deref()
                    && !roles.contains(&r)
                {
                    roles.push(r);
                }
            }
        }
    }
    // written entity first (arrow reversed) so that `dot` places people
    // beyond the entity, away from the meeting edges
    for ((kind, person, entity), roles) in people {
        let mut a = edge_attrs(kind);
        a.retain(|x| x.0 != Id::Plain("dir".into()));
        a.push(plain("dir", "back"));
        if !roles.is_empty() {
            a.push(attr("tooltip", quoted(&roles)));
        }
        stmts.push(edge(entity, person, a));
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
