//! GraphML, as NetworkX (`read_graphml`), igraph (`Graph.Read_GraphML`),
//! yEd and Cytoscape read it: one undirected `<graph>` with a `<key>` per
//! attribute, every entity a `<node id="country:JP">`, every fact an
//! `<edge id="e0">` (parallel edges kept; the stored direction is the
//! `source`). Lists (aliases, topics, documents) are joined with `; `;
//! evidence sentences with line feeds. A node outside the partner graph has
//! no centrality `<data>`.

use super::xml::Xml;
use super::{AttrType, EDGE_ATTRS, GraphView, NODE_ATTRS, edge_values, node_values};

/// The graph as a GraphML document.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// use diplograph::render::graph::{graphml, GraphView};
/// # let m = Meeting { id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
/// #     date: None, place: None, mode: None, parties: vec!["org:icesco".into(), "country:JP".into()],
/// #     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
/// #     memberships: vec![], agreements: vec![], evidence: vec![] };
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], entities: vec![], ..Default::default() }).unwrap();
/// let xml = graphml(&GraphView::new(&g).unwrap());
/// assert!(xml.contains(r#"<edge id="e0" source="org:icesco" target="country:JP">"#));
/// ```
pub fn graphml(view: &GraphView<'_>) -> String {
    let mut x = Xml::new();
    x.open(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    );
    x.empty(
        "key",
        &[
            ("id", "g_hub"),
            ("for", "graph"),
            ("attr.name", "hub"),
            ("attr.type", "string"),
        ],
    );
    let keys = |x: &mut Xml, prefix: &str, target: &str, attrs: &[(&str, AttrType)]| {
        for (name, t) in attrs {
            x.empty(
                "key",
                &[
                    ("id", &format!("{prefix}_{name}")),
                    ("for", target),
                    ("attr.name", name),
                    ("attr.type", t.name()),
                ],
            );
        }
    };
    keys(&mut x, "n", "node", &NODE_ATTRS);
    keys(&mut x, "e", "edge", &EDGE_ATTRS);
    x.open(
        "graph",
        &[("id", "diplograph"), ("edgedefault", "undirected")],
    );
    if let Some(hub) = view.graph().hub() {
        x.text("data", &[("key", "g_hub")], hub);
    }
    for (n, e) in view.nodes() {
        x.open("node", &[("id", &e.id)]);
        for ((name, _), value) in NODE_ATTRS.iter().zip(node_values(view, n, e)) {
            if let Some(v) = value {
                x.text("data", &[("key", &format!("n_{name}"))], &v);
            }
        }
        x.close();
    }
    for e in view.edges() {
        x.open(
            "edge",
            &[
                ("id", &format!("e{}", e.index)),
                ("source", &e.source.id),
                ("target", &e.target.id),
            ],
        );
        for ((name, _), value) in EDGE_ATTRS.iter().zip(edge_values(&e)) {
            if let Some(v) = value {
                x.text("data", &[("key", &format!("e_{name}"))], &v);
            }
        }
        x.close();
    }
    x.finish()
}
