//! Centrality on generated partner graphs of 1k, 10k and 100k edges.
//!
//! `cargo bench --bench centrality`. Graphs are hub-and-spoke like the
//! corpus: a tenth of the nodes, 70% of the edges touch the hub, the rest are
//! random pairs; weights 1 to 5 meetings. A fixed xorshift keeps them stable.
//!
//! Criterion samples PageRank at every size, all measures together at 1k
//! and 10k edges, and betweenness and closeness alone at 100k generated
//! edges (10k nodes, 40k distinct weighted edges once parallel ones are
//! summed), the graph of the igraph figures in the README.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use diplograph::analysis::{
    Adjacency, PartnerGraph, betweenness, centralities, closeness, pagerank,
};
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
            let a = Adjacency::of(&g);
            group.bench_with_input(BenchmarkId::new("betweenness", edges), &a, |b, a| {
                b.iter(|| betweenness(black_box(a)))
            });
            group.bench_with_input(BenchmarkId::new("closeness", edges), &a, |b, a| {
                b.iter(|| closeness(black_box(a)))
            });
            continue;
        }
        group.bench_with_input(BenchmarkId::new("all", edges), &g, |b, g| {
            b.iter(|| centralities(black_box(g)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
