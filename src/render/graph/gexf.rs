//! GEXF 1.3 for Gephi, dynamic: `mode="dynamic"`, `timeformat="date"`, and
//! every edge whose meeting has a dated year carries `start` and `end` (the
//! first day of the date's period: `2020-07` → `2020-07-01`), so Gephi's
//! timeline shows the meetings as they happen. Edges of undated meetings
//! (or dated without a year) have no interval and are always shown; nodes
//! are always shown. Nodes carry `viz:color` by kind and `viz:size` by
//! PageRank; attributes are those of the GraphML output.
//!
//! The graph is directed (`defaultedgetype="directed"`), with the edges of
//! the GraphML output ([`GraphView::arcs`]: every fact from its source to
//! its target, a `met` or `agreed` edge both ways): NetworkX's `read_gexf` refuses a
//! graph that mixes directed and undirected edges (GEXF's per-edge `type`),
//! though Gephi would read it.

use super::xml::{Doc, attr, doc, finish, text};
use super::{
    AttrType, EDGE_ATTRS, GraphView, NODE_ATTRS, edge_values, first_day, kind_colour, node_values,
};
use crate::{Error, Result};

const FILE: &str = "graph.gexf";

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
/// #     memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], entities: vec![], ..Default::default() }).unwrap();
/// let xml = gexf(&GraphView::new(&g).unwrap()).unwrap();
/// assert!(xml.contains(r#"defaultedgetype="directed""#));
/// assert!(xml.contains(r#"start="2020-07-01" end="2020-07-01""#));
/// ```
pub fn gexf(view: &GraphView<'_>) -> Result<String> {
    let mut w = doc(FILE)?;
    w.create_element("gexf")
        .with_attributes([
            attr("xmlns", "http://gexf.net/1.3"),
            attr("xmlns:viz", "http://gexf.net/1.3/viz"),
            attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            attr(
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            attr("version", "1.3"),
        ])
        .write_inner_content(|w| {
            let description = match view.graph().hub() {
                Some(hub) => format!("Meetings of {hub}"),
                None => "Meetings".to_string(),
            };
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator")
                    .write_text_content(text("diplograph"))?;
                w.create_element("description")
                    .write_text_content(text(&description))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attributes([
                    attr("mode", "dynamic"),
                    attr("defaultedgetype", "directed"),
                    attr("timeformat", "date"),
                    attr("timerepresentation", "interval"),
                ])
                .write_inner_content(|w| graph(w, view))?;
            Ok(())
        })
        .map_err(|e| Error::io(FILE, e))?;
    finish(w, FILE)
}

fn declare(w: &mut Doc, class: &str, attrs: &[(&str, AttrType)]) -> std::io::Result<()> {
    w.create_element("attributes")
        .with_attributes([attr("class", class), attr("mode", "static")])
        .write_inner_content(|w| {
            for (name, t) in attrs {
                w.create_element("attribute")
                    .with_attributes([
                        attr("id", name),
                        attr("title", name),
                        attr("type", t.name()),
                    ])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

/// The `<attvalues>` of the values present.
fn attvalues(
    w: &mut Doc,
    attrs: &[(&str, AttrType)],
    values: impl IntoIterator<Item = Option<String>>,
) -> std::io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for ((name, _), value) in attrs.iter().zip(values) {
            if let Some(v) = value {
                w.create_element("attvalue")
                    .with_attributes([attr("for", name), attr("value", &v)])
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

fn graph(w: &mut Doc, view: &GraphView<'_>) -> std::io::Result<()> {
    declare(w, "node", &NODE_ATTRS)?;
    declare(w, "edge", &EDGE_ATTRS)?;
    let max_pr = view.max_pagerank();
    w.create_element("nodes").write_inner_content(|w| {
        for (n, e) in view.nodes() {
            w.create_element("node")
                .with_attributes([attr("id", &e.id), attr("label", &e.name)])
                .write_inner_content(|w| {
                    attvalues(w, &NODE_ATTRS, node_values(view, n, e))?;
                    let (r, g, b) = kind_colour(e.kind);
                    w.create_element("viz:color")
                        .with_attributes([
                            attr("r", &r.to_string()),
                            attr("g", &g.to_string()),
                            attr("b", &b.to_string()),
                        ])
                        .write_empty()?;
                    let share = match view.centrality(n) {
                        Some(c) if max_pr > 0.0 => (c.pagerank / max_pr).sqrt(),
                        _ => 0.0,
                    };
                    w.create_element("viz:size")
                        .with_attributes([attr("value", &format!("{:.1}", 5.0 + 25.0 * share))])
                        .write_empty()?;
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    w.create_element("edges").write_inner_content(|w| {
        for arc in view.arcs() {
            let mut attrs = vec![
                attr("id", &arc.id),
                attr("source", &arc.from.id),
                attr("target", &arc.to.id),
                attr("label", arc.edge.edge.kind.as_str()),
            ];
            if let Some(d) = arc.edge.report.date.as_ref().and_then(first_day) {
                attrs.extend([attr("start", &d), attr("end", &d)]);
            }
            w.create_element("edge")
                .with_attributes(attrs)
                .write_inner_content(|w| attvalues(w, &EDGE_ATTRS, edge_values(&arc.edge)))?;
        }
        Ok(())
    })?;
    Ok(())
}
