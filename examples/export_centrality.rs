//! Prints the partner graph and its centralities as JSON, for
//! `scripts/networkx_check.py` to compare with NetworkX.
//!
//! Usage: `cargo run --example export_centrality -- GRAPH.json [--people]`
//! where GRAPH.json is a saved graph or a `meetings` JSON.

use diplograph::analysis::{CentralityOptions, PartnerGraph, centralities};
use diplograph::graph::MeetingGraph;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut path = None;
    let mut include_people = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--people" => include_people = true,
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    let path =
        path.ok_or_else(|| anyhow::anyhow!("usage: export_centrality GRAPH.json [--people]"))?;
    let graph = MeetingGraph::load(&path)?;
    let options = CentralityOptions {
        include_people,
        ..CentralityOptions::default()
    };
    let partners = PartnerGraph::from_graph(&graph, &options);
    let measures = centralities(&partners)?;
    let out = serde_json::json!({
        "nodes": partners.graph.node_weights().collect::<Vec<_>>(),
        "edges": partners.edges(),
        "centrality": measures,
    });
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}
