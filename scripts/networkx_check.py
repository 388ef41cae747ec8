#!/usr/bin/env python3
"""Checks diplograph's partner centralities against NetworkX.

Requires NetworkX (`pip install networkx`; numpy/scipy are optional). The
script installs nothing.

    python3 scripts/networkx_check.py                 # generated graphs
    python3 scripts/networkx_check.py graph.json ...  # saved graphs too

For each generated graph it writes a `meetings` JSON (random meetings of
random parties, each on its own day, plus duplicate reports of some meetings
in another language that diplograph must merge), runs
`cargo run --example export_centrality` on it, rebuilds the partner graph
independently from the meetings, and compares the edges and every measure:
degree, weighted degree, betweenness, closeness, eigenvector (tolerance
1e-9) and PageRank (1e-6). For a given graph.json it compares the measures on
the edges diplograph exports. Exits 1 on any disagreement.
"""

import datetime
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    sys.exit("networkx is missing: pip install networkx")

TOL = 1e-9
PAGERANK_TOL = 1e-6


def pagerank(g):
    try:
        return nx.pagerank(g, alpha=0.85, weight="weight")
    except ImportError:  # NetworkX's default needs scipy; same iteration in Python
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(g, alpha=0.85, weight="weight")


def measures(g):
    try:
        eig = nx.eigenvector_centrality(g, max_iter=1000, weight="weight")
    except nx.PowerIterationFailedConvergence:
        eig = None
    return {
        "degree": nx.degree_centrality(g),
        "weighted_degree": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(g, normalized=True),
        "closeness": nx.closeness_centrality(g),
        "eigenvector": eig,
        "pagerank": pagerank(g),
    }


def export(path, cargo_args):
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--example", "export_centrality", *cargo_args, "--", path],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def compare(name, g, exported):
    failures = []
    expected = measures(g)
    got = {c["id"]: c for c in exported["centrality"]}
    if set(got) != set(g.nodes):
        return [f"{name}: nodes differ: {sorted(set(got) ^ set(g.nodes))[:5]}"]
    worst = {}
    for measure, values in expected.items():
        tol = PAGERANK_TOL if measure == "pagerank" else TOL
        if values is None:
            continue
        err = 0.0
        for node, want in values.items():
            have = got[node][measure]
            if have is None:
                failures.append(f"{name}: {measure} of {node} is missing")
                continue
            err = max(err, abs(have - want))
        worst[measure] = err
        if err > tol:
            failures.append(f"{name}: {measure} differs by {err:.3g} (tolerance {tol})")
    print(f"{name}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, max |diff| "
          + ", ".join(f"{m} {e:.1e}" for m, e in worst.items()))
    return failures


def generate(seed, n_parties, n_meetings, dup_rate=0.1):
    rng = random.Random(seed)
    parties = ["org:icesco"] + [f"country:{a}{b}" for a, b in itertools.product("ABCDEFGHIJKLMNOPQRSTUVWXYZ", repeat=2)][: n_parties - 1]
    orgs = [f"org:o{i}" for i in range(max(1, n_parties // 10))]
    pool = parties + orgs
    day = datetime.date(1990, 1, 1)
    meetings, nx_graph = [], nx.Graph()
    for i in range(n_meetings):
        # mostly hub meetings, some between others, a few with three parties
        k = 3 if rng.random() < 0.1 else 2
        if rng.random() < 0.7:
            chosen = ["org:icesco"] + rng.sample(pool[1:], k - 1)
        else:
            chosen = rng.sample(pool[1:], k)
        date = (day + datetime.timedelta(days=i)).isoformat()
        m = {"id": f"m-{i}", "doc": f"d{i}.txt", "headline": None, "lang": "en", "date": date,
             "place": None, "mode": None, "parties": chosen, "participants": [], "attendees": [],
             "topics": [], "invitations": [], "memberships": [],
             "evidence": [{"doc": f"d{i}.txt", "start": 0, "end": 1, "text": "x"}]}
        meetings.append(m)
        if rng.random() < dup_rate:  # the French report of the same meeting
            fr = dict(m, id=f"m-{i}-fr", doc=f"d{i}-fr.txt", lang="fr", date="--" + date[5:],
                      parties=list(reversed(chosen)))
            meetings.append(fr)
        for a, b in itertools.combinations(chosen, 2):
            w = nx_graph.get_edge_data(a, b, {"weight": 0})["weight"]
            nx_graph.add_edge(a, b, weight=w + 1)
    # every id a meeting names is an entity of the file (a graph with
    # undefined ids is refused), listed in order of first appearance
    named = dict.fromkeys(p for m in meetings for p in m["parties"])
    entities = [{"id": p, "kind": "organization" if p.startswith("org:") else "country",
                 "name": p, "aliases": []} for p in named]
    return {"meetings": meetings, "entities": entities}, nx_graph


def main():
    if any(a in ("-h", "--help") for a in sys.argv[1:]):
        print(__doc__.strip())
        return
    cargo_args = os.environ.get("NX_CHECK_CARGO_ARGS", "").split()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(1, 5, 8), (2, 30, 120), (3, 80, 400), (4, 200, 1500)]
        for seed, n, m in cases:
            data, g = generate(seed, n, m)
            path = os.path.join(tmp, f"gen-{seed}.json")
            with open(path, "w") as f:
                json.dump(data, f)
            exported = export(path, cargo_args)
            edges = {frozenset((a, b)): w for a, b, w in exported["edges"]}
            want = {frozenset((a, b)): d["weight"] for a, b, d in g.edges(data=True)}
            if edges != want:
                failures.append(f"generated {seed}: partner edges differ from the meetings")
            failures += compare(f"generated {seed}", g, exported)
    for path in sys.argv[1:]:
        exported = export(path, cargo_args)
        g = nx.Graph()
        g.add_nodes_from(exported["nodes"])
        for a, b, w in exported["edges"]:
            g.add_edge(a, b, weight=w)
        failures += compare(path, g, exported)
    for f in failures:
        print("FAIL", f)
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
