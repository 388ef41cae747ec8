//! GEXF 1.3 for Gephi, dynamic: `mode="dynamic"`, `timeformat="date"`, and
//! every edge whose meeting has a dated year carries `start` and `end` (the
//! first day of the date's period: `2020-07` → `2020-07-01`), so Gephi's
//! timeline shows the meetings as they happen. Edges of undated meetings
//! (or dated without a year) have no interval and are always shown; nodes
//! are always shown. Nodes carry `viz:color` by kind and `viz:size` by
//! PageRank; attributes are those of the GraphML output.

use super::xml::Xml;
use super::{
    AttrType, EDGE_ATTRS, GraphView, NODE_ATTRS, edge_values, first_day, kind_colour, node_values,
};

/// The graph as a GEXF 1.3 document.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// use diplograph::render::graph::{gexf, GraphView};
/// # let m = Meeting { id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
/// #     date: Some("2020-07".parse().unwrap()), place: None, mode: None,
/// #     parties: vec!["org:icesco".into(), "country:JP".into()],
/// #     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
/// #     memberships: vec![], agreements: vec![], evidence: vec![] };
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], entities: vec![], ..Default::default() }).unwrap();
/// let xml = gexf(&GraphView::new(&g).unwrap());
/// assert!(xml.contains(r#"start="2020-07-01" end="2020-07-01""#));
/// ```
pub fn gexf(view: &GraphView<'_>) -> String {
    let mut x = Xml::new();
    x.open(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ],
    );
    x.open("meta", &[]);
    x.text("creator", &[], "diplograph");
    let description = match view.graph().hub() {
        Some(hub) => format!("Meetings of {hub}"),
        None => "Meetings".to_string(),
    };
    x.text("description", &[], &description);
    x.close();
    x.open(
        "graph",
        &[
            ("mode", "dynamic"),
            ("defaultedgetype", "undirected"),
            ("timeformat", "date"),
            ("timerepresentation", "interval"),
        ],
    );
    let declare = |x: &mut Xml, class: &'static str, attrs: &[(&str, AttrType)]| {
        x.open("attributes", &[("class", class), ("mode", "static")]);
        for (name, t) in attrs {
            x.empty(
                "attribute",
                &[("id", name), ("title", name), ("type", t.name())],
            );
        }
        x.close();
    };
    declare(&mut x, "node", &NODE_ATTRS);
    declare(&mut x, "edge", &EDGE_ATTRS);
    let max_pr = view.max_pagerank();
    x.open("nodes", &[]);
    for (n, e) in view.nodes() {
        x.open("node", &[("id", &e.id), ("label", &e.name)]);
        x.open("attvalues", &[]);
        for ((name, _), value) in NODE_ATTRS.iter().zip(node_values(view, n, e)) {
            if let Some(v) = value {
                x.empty("attvalue", &[("for", name), ("value", &v)]);
            }
        }
        x.close();
        let (r, g, b) = kind_colour(e.kind);
        x.empty(
            "viz:color",
            &[
                ("r", &r.to_string()),
                ("g", &g.to_string()),
                ("b", &b.to_string()),
            ],
        );
        let share = match view.centrality(n) {
            Some(c) if max_pr > 0.0 => (c.pagerank / max_pr).sqrt(),
            _ => 0.0,
        };
        x.empty(
            "viz:size",
            &[("value", &format!("{:.1}", 5.0 + 25.0 * share))],
        );
        x.close();
    }
    x.close();
    x.open("edges", &[]);
    for e in view.edges() {
        let id = format!("e{}", e.index);
        let day = e.report.date.as_ref().and_then(first_day);
        let mut attrs: Vec<(&str, &str)> = vec![
            ("id", &id),
            ("source", &e.source.id),
            ("target", &e.target.id),
            ("label", e.edge.kind.as_str()),
        ];
        if let Some(d) = &day {
            attrs.extend([("start", d.as_str()), ("end", d.as_str())]);
        }
        x.open("edge", &attrs);
        x.open("attvalues", &[]);
        for ((name, _), value) in EDGE_ATTRS.iter().zip(edge_values(&e)) {
            if let Some(v) = value {
                x.empty("attvalue", &[("for", name), ("value", &v)]);
            }
        }
        x.close();
        x.close();
    }
    x.finish()
}
