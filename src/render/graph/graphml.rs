//! GraphML, as NetworkX (`read_graphml`), igraph (`Graph.Read_GraphML`),
//! yEd and Cytoscape read it: one directed `<graph>` with a `<key>` per
//! attribute, every entity a `<node id="country:JP">`, every fact an
//! `<edge>` from its source to its target (parallel edges kept), and a
//! `met` or `agreed` edge, which has no direction, written both ways
//! ([`GraphView::arcs`]: `e0` and `e0r`). Directed because NetworkX refuses
//! a graph that mixes directed and undirected edges (GraphML's per-edge
//! `directed`), and igraph, whose graphs are all directed or all
//! undirected, ignores the per-edge flag. Lists (aliases, topics,
//! documents) are joined with `; `; evidence sentences with line feeds. A
//! node outside the partner graph has no centrality `<data>`.

use super::xml::{Doc, attr, doc, finish, text};
use super::{AttrType, EDGE_ATTRS, GraphView, NODE_ATTRS, edge_values, node_values};
use crate::{Error, Result};

const FILE: &str = "graph.graphml";

/// The graph as a GraphML document.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// use diplograph::render::graph::{graphml, GraphView};
/// # let m = Meeting { id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
/// #     date: None, place: None, mode: None, parties: vec!["org:icesco".into(), "country:JP".into()],
/// #     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
/// #     memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], entities: vec![], ..Default::default() }).unwrap();
/// let xml = graphml(&GraphView::new(&g).unwrap()).unwrap();
/// assert!(xml.contains(r#"<graph id="diplograph" edgedefault="directed">"#));
/// assert!(xml.contains(r#"<edge id="e0" source="org:icesco" target="country:JP">"#));
/// assert!(xml.contains(r#"<edge id="e0r" source="country:JP" target="org:icesco">"#));
/// ```
pub fn graphml(view: &GraphView<'_>) -> Result<String> {
    let mut w = doc(FILE)?;
    w.create_element("graphml")
        .with_attributes([
            attr("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            attr(
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            key(w, "g_hub", "graph", "hub", AttrType::String)?;
            for (name, t) in NODE_ATTRS {
                key(w, &format!("n_{name}"), "node", name, t)?;
            }
            for (name, t) in EDGE_ATTRS {
                key(w, &format!("e_{name}"), "edge", name, t)?;
            }
            w.create_element("graph")
                .with_attributes([attr("id", "diplograph"), attr("edgedefault", "directed")])
                .write_inner_content(|w| graph(w, view))?;
            Ok(())
        })
        .map_err(|e| Error::io(FILE, e))?;
    finish(w, FILE)
}

fn key(w: &mut Doc, id: &str, target: &str, name: &str, t: AttrType) -> std::io::Result<()> {
    w.create_element("key")
        .with_attributes([
            attr("id", id),
            attr("for", target),
            attr("attr.name", name),
            attr("attr.type", t.name()),
        ])
        .write_empty()?;
    Ok(())
}

fn data(w: &mut Doc, key: &str, value: &str) -> std::io::Result<()> {
    w.create_element("data")
        .with_attributes([attr("key", key)])
        .write_text_content(text(value))?;
    Ok(())
}

fn graph(w: &mut Doc, view: &GraphView<'_>) -> std::io::Result<()> {
    if let Some(hub) = view.graph().hub() {
        data(w, "g_hub", hub)?;
    }
    for (n, e) in view.nodes() {
        w.create_element("node")
            .with_attributes([attr("id", &e.id)])
            .write_inner_content(|w| {
                for ((name, _), value) in NODE_ATTRS.iter().zip(node_values(view, n, e)) {
                    if let Some(v) = value {
                        data(w, &format!("n_{name}"), &v)?;
                    }
                }
                Ok(())
            })?;
    }
    for arc in view.arcs() {
        w.create_element("edge")
            .with_attributes([
                attr("id", &arc.id),
                attr("source", &arc.from.id),
                attr("target", &arc.to.id),
            ])
            .write_inner_content(|w| {
                for ((name, _), value) in EDGE_ATTRS.iter().zip(edge_values(&arc.edge)) {
                    if let Some(v) = value {
                        data(w, &format!("e_{name}"), &v)?;
                    }
                }
                Ok(())
            })?;
    }
    Ok(())
}
