#!/usr/bin/env python3
"""Times NetworkX, and igraph when installed, on the graphs
`benches/centrality.rs` generates.

Requires NetworkX with NumPy and SciPy (`pip install networkx numpy scipy`:
NetworkX's PageRank needs them); igraph (`pip install igraph`) is timed when
it is there; installs nothing.

    python3 scripts/networkx_bench.py          # 1k and 10k edges, PageRank at 100k too
                                               # igraph: PageRank, betweenness, closeness at 100k

The generator is the bench's, step for step (the same xorshift, the same
hub-and-spoke shape, parallel edges summed into weights), so the graphs are
the same ones Criterion measures. Prints one line per size and measure with
the median of a few runs, to compare with `cargo bench --bench centrality`.
"""

import statistics
import sys
import time

try:
    import networkx as nx
except ImportError:
    sys.exit("networkx is required: pip install networkx")

MASK = (1 << 64) - 1


def generate(edges):
    nodes = max(edges // 10, 10)
    state = 0x9E3779B97F4A7C15

    def nxt(n):
        nonlocal state
        state ^= (state << 13) & MASK
        state ^= state >> 7
        state ^= (state << 17) & MASK
        return state % n

    g = nx.Graph()
    for _ in range(edges):
        b = 1 + nxt(nodes - 1)
        a = 0 if nxt(10) < 7 else 1 + nxt(nodes - 1)
        if a != b:
            w = 1 + nxt(5)
            if g.has_edge(a, b):
                g[a][b]["weight"] += w
            else:
                g.add_edge(a, b, weight=w)
    return g


def median_time(f, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def all_measures(g):
    nx.degree_centrality(g)
    nx.betweenness_centrality(g)
    nx.closeness_centrality(g)
    nx.eigenvector_centrality(g, weight="weight", max_iter=1000)
    nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-6)


def igraph_times(g, runs):
    """Medians of igraph's PageRank, betweenness and closeness (one thread,
    as igraph runs) on the same graph, with NetworkX's definitions:
    unweighted normalized betweenness, Wasserman-Faust closeness."""
    try:
        import igraph
    except ImportError:
        return None
    nodes = list(g.nodes())
    at = {v: i for i, v in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(at[a], at[b]) for a, b in g.edges()])
    ig.es["weight"] = [d["weight"] for _, _, d in g.edges(data=True)]
    n = ig.vcount()
    return {
        "pagerank": median_time(lambda: ig.pagerank(damping=0.85, weights="weight"), 5),
        "betweenness": median_time(lambda: [b / ((n - 1) * (n - 2) / 2) for b in ig.betweenness()], runs),
        "closeness": median_time(lambda: ig.closeness(normalized=True), runs),
    }


def main():
    for edges in (1_000, 10_000, 100_000):
        g = generate(edges)
        pr = median_time(lambda: nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-6), 5)
        print(f"networkx/pagerank/{edges} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges): {pr * 1e3:.2f} ms", flush=True)
        if edges <= 10_000:
            full = median_time(lambda: all_measures(g), 3 if edges < 10_000 else 1)
            print(f"networkx/all/{edges}: {full * 1e3:.1f} ms", flush=True)
        else:
            for name, t in (igraph_times(g, 3) or {}).items():
                print(f"igraph/{name}/{edges}: {t * 1e3:.1f} ms", flush=True)


if __name__ == "__main__":
    main()
