//! Centrality on generated partner graphs of 1k, 10k and 100k edges.
//!
//! `cargo bench --bench centrality`. Graphs are hub-and-spoke like the
//! corpus: a tenth of the nodes, 70% of the edges touch the hub, the rest are
//! random pairs; weights 1 to 5 meetings. A fixed xorshift keeps them stable.
//!
//! Criterion samples PageRank at every size and all measures together at 1k
//! and 10k edges. At 100k generated edges (10k nodes, 40k distinct weighted
//! edges once parallel ones are summed) betweenness and closeness take
//! about 30 s a run on this machine, too long for ten samples: the
//! bench times one run of all measures instead and prints it first.

use criterion::{BenchmarkId, Criterion, criterion_group};
use diplograph::analysis::{PartnerGraph, centralities, pagerank};
use std::hint::black_box;
use std::time::Duration;

fn generate(edges: usize) -> PartnerGraph {
    let nodes = (edges / 10).max(10);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let ids: Vec<String> = (0..nodes).map(|i| format!("country:n{i}")).collect();
    let mut list = Vec::with_capacity(edges);
    for _ in 0..edges {
        let b = 1 + next(nodes - 1);
        let a = if next(10) < 7 { 0 } else { 1 + next(nodes - 1) };
        if a != b {
            list.push((ids[a].as_str(), ids[b].as_str(), (1 + next(5)) as f64));
        }
    }
    PartnerGraph::from_edges(list)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("centrality");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    for edges in [1_000, 10_000, 100_000] {
        let g = generate(edges);
        group.bench_with_input(BenchmarkId::new("pagerank", edges), &g, |b, g| {
            b.iter(|| pagerank(black_box(g), 0.85, 100, 1e-6))
        });
        if edges > 10_000 {
            continue;
        }
        group.bench_with_input(BenchmarkId::new("all", edges), &g, |b, g| {
            b.iter(|| centralities(black_box(g)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    // `cargo test --benches` runs the bench binary without `--bench`: skip the slow run.
    if std::env::args().any(|a| a == "--bench") {
        let g = generate(100_000);
        let start = std::time::Instant::now();
        let result = centralities(&g);
        println!(
            "centrality/all/100000 (one run, {} nodes, {} edges): {:.2?} ({})",
            g.graph.node_count(),
            g.graph.edge_count(),
            start.elapsed(),
            if result.is_ok() { "ok" } else { "failed" }
        );
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
