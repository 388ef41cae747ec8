#!/usr/bin/env python3
"""Reads diplograph's graph formats with the tools they are made for.

Usage: check_formats.py DIR

DIR holds what `diplograph build` writes: graph.node-link.json,
graph.graphml, graph.gexf, neo4j/nodes.csv and neo4j/relationships.csv.
The node-link JSON is the reference: NetworkX reads it
(`node_link_graph(data, edges="links")`), the GraphML and the GEXF, igraph
reads the GraphML, the csv module reads the Neo4j files; each must give the
same nodes (ids, labels, kinds, PageRank) and the same edges of each kind.
GraphML and GEXF must be read as directed graphs whose arcs are the links
from source to target, each `met` and `agreed` link also from target to
source; with DIR/graph.json (the saved graph `build` writes), every
`invited` arc must go from the invitee to the target and every `member_of`
arc from the member to the organization, as the extraction says. GEXF edges must carry
`start`/`end` as the first day of their meeting's date. Installs nothing:
needs networkx, and igraph when present (`--require-igraph` makes its
absence an error). Exit 0 when all agree.
"""

import argparse
import collections
import csv
import json
import math
import os
import sys

import networkx as nx


def fail(msg):
    print(f"check_formats: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def xml_text(s):
    """What XML can carry of a string: C0 controls other than tab, line
    feed and carriage return become U+FFFD."""
    return "".join(
        "\ufffd" if (ord(c) < 32 and c not in "\t\n\r") or c in "\ufffe\uffff" else c
        for c in s
    )


def csv_text(s):
    """What the Neo4j CSV carries: control characters become spaces."""
    return "".join(" " if (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) else c for c in s)


def first_day(date):
    if not date or date.startswith("--"):
        return None
    parts = date.split("-")
    y = parts[0]
    m = parts[1] if len(parts) > 1 else "01"
    d = parts[2] if len(parts) > 2 else "01"
    return f"{y}-{m}-{d}"


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def check_nodes(fmt, ref, got, text=lambda s: s):
    """ref, got: {id: {"label", "kind", "pagerank"}}."""
    if set(ref) != set(got):
        fail(f"{fmt}: node ids differ: {sorted(set(ref) ^ set(got))[:5]}")
    for i, r in ref.items():
        g = got[i]
        if g["label"] != text(r["label"]):
            fail(f"{fmt}: label of {i!r}: {g['label']!r} != {text(r['label'])!r}")
        if g["kind"] != r["kind"]:
            fail(f"{fmt}: kind of {i!r}: {g['kind']!r} != {r['kind']!r}")
        if not close(g["pagerank"], r["pagerank"]):
            fail(f"{fmt}: pagerank of {i!r}: {g['pagerank']} != {r['pagerank']}")


# The kinds of fact that hold both ways: GraphML and GEXF write them twice.
SYMMETRIC = ("met", "agreed")


def expected_arcs(links):
    """The arcs of the directed formats: (source, target, kind, meeting)
    of every link, and of every `met` or `agreed` link the other way too."""
    arcs = collections.Counter()
    for link in links:
        s, t, k, m = link["source"], link["target"], link["kind"], link["meeting"]
        arcs[(s, t, k, m)] += 1
        if k in SYMMETRIC:
            arcs[(t, s, k, m)] += 1
    return arcs


def extracted_arcs(graph_json):
    """(invitee, target, "invited") and (member, of, "member_of") of every
    invitation and membership the saved graph's meetings and announcements
    report."""
    saved = json.load(open(graph_json, encoding="utf-8"))
    arcs = collections.Counter()
    for report in saved["meetings"] + saved.get("announcements", []):
        for i in report.get("invitations", []):
            arcs[(i["invitee"], i["target"], "invited")] += 1
        for m in report.get("memberships", []):
            arcs[(m["member"], m["of"], "member_of")] += 1
    return arcs


def check_arcs(fmt, want, got, extracted):
    """got: a Counter of (source, target, kind, meeting)."""
    if got != want:
        diff = list((got - want).items())[:3], list((want - got).items())[:3]
        fail(f"{fmt}: arcs differ from the links (extra, missing): {diff}")
    if extracted is not None:
        facts = collections.Counter(
            (s, t, k) for (s, t, k, _), n in got.items() for _ in range(n)
            if k in ("invited", "member_of")
        )
        if facts != extracted:
            diff = list((facts - extracted).items())[:3], list((extracted - facts).items())[:3]
            fail(f"{fmt}: invited/member_of arcs are not invitee/member -> target (extra, missing): {diff}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--require-igraph", action="store_true")
    args = ap.parse_args()
    path = lambda name: os.path.join(args.dir, name)

    data = json.load(open(path("graph.node-link.json"), encoding="utf-8"))
    g = nx.node_link_graph(data, edges="links")
    if not isinstance(g, nx.MultiGraph) or g.is_directed():
        fail("node-link: not an undirected multigraph")
    n, m = len(data["nodes"]), len(data["links"])
    if (g.number_of_nodes(), g.number_of_edges()) != (n, m):
        fail(f"node-link: networkx has {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; the file {n}, {m}")
    for _, _, d in g.edges(data=True):
        for key in ("kind", "date", "topics", "meeting", "evidence"):
            if key not in d:
                fail(f"node-link: a link has no {key!r}")
    ref = {
        v["id"]: {"label": v["label"], "kind": v["kind"], "pagerank": v.get("pagerank")}
        for v in data["nodes"]
    }
    kinds = collections.Counter(link["kind"] for link in data["links"])
    arcs = expected_arcs(data["links"])
    saved = path("graph.json")
    extracted = extracted_arcs(saved) if os.path.exists(saved) else None
    dated = collections.Counter(
        first_day(link["date"])
        for link in data["links"]
        if first_day(link["date"])
        for _ in range(2 if link["kind"] in SYMMETRIC else 1)
    )
    print(f"node-link: {n} nodes, {m} links {dict(kinds)}")

    # GraphML with NetworkX
    a = sum(arcs.values())
    gm = nx.read_graphml(path("graph.graphml"))
    if not gm.is_directed():
        fail(f"graphml (networkx): a {type(gm).__name__}, not a directed graph")
    if gm.number_of_edges() != a:
        fail(f"graphml (networkx): {gm.number_of_edges()} edges, expected {a}")
    got = {
        i: {"label": d["label"], "kind": d["kind"], "pagerank": d.get("pagerank")}
        for i, d in gm.nodes(data=True)
    }
    check_nodes("graphml (networkx)", ref, got, xml_text)
    check_arcs(
        "graphml (networkx)",
        arcs,
        collections.Counter((u, v, d["kind"], d["meeting"]) for u, v, d in gm.edges(data=True)),
        extracted,
    )
    print(f"graphml (networkx): {gm.number_of_nodes()} nodes, {gm.number_of_edges()} edges")

    # GraphML with igraph
    try:
        import igraph
    except ImportError:
        if args.require_igraph:
            fail("igraph is not installed")
        print("graphml (igraph): skipped, python-igraph not installed")
    else:
        ig = igraph.Graph.Read_GraphML(path("graph.graphml"))
        if not ig.is_directed():
            fail("graphml (igraph): not a directed graph")
        if (ig.vcount(), ig.ecount()) != (n, a):
            fail(f"graphml (igraph): {ig.vcount()} vertices, {ig.ecount()} edges, expected {n}, {a}")
        got = {}
        for v in ig.vs:
            pr = v["pagerank"]
            got[v["id"]] = {
                "label": v["label"],
                "kind": v["kind"],
                "pagerank": None if pr is None or math.isnan(pr) else pr,
            }
        check_nodes("graphml (igraph)", ref, got, xml_text)
        ids = ig.vs["id"]
        check_arcs(
            "graphml (igraph)",
            arcs,
            collections.Counter(
                (ids[e.source], ids[e.target], e["kind"], e["meeting"]) for e in ig.es
            ),
            extracted,
        )
        print(f"graphml (igraph): {ig.vcount()} vertices, {ig.ecount()} edges")

    # GEXF with NetworkX
    gx = nx.read_gexf(path("graph.gexf"))
    if not gx.is_directed():
        fail(f"gexf: a {type(gx).__name__}, not a directed graph")
    if gx.number_of_edges() != a:
        fail(f"gexf: {gx.number_of_edges()} edges, expected {a}")
    got = {
        i: {"label": d["label"], "kind": d["kind"], "pagerank": d.get("pagerank")}
        for i, d in gx.nodes(data=True)
    }
    check_nodes("gexf", ref, got, xml_text)
    check_arcs(
        "gexf",
        arcs,
        collections.Counter((u, v, d["kind"], d["meeting"]) for u, v, d in gx.edges(data=True)),
        extracted,
    )
    gx_dated = collections.Counter(
        d["start"] for _, _, d in gx.edges(data=True) if "start" in d
    )
    if gx_dated != dated:
        fail(f"gexf: edge start days {dict(gx_dated)} != {dict(dated)}")
    for _, _, d in gx.edges(data=True):
        if d.get("start") != d.get("end"):
            fail(f"gexf: an edge starts {d.get('start')} and ends {d.get('end')}")
    print(f"gexf: {gx.number_of_nodes()} nodes, {gx.number_of_edges()} edges, {sum(dated.values())} dated")

    # Neo4j CSV
    with open(path("neo4j/nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    got = {
        r["id:ID"]: {
            "label": r["name"],
            "kind": r["kind"],
            "pagerank": float(r["pagerank:float"]) if r["pagerank:float"] else None,
        }
        for r in rows
    }
    if len(rows) != n:
        fail(f"neo4j: {len(rows)} nodes, expected {n}")
    check_nodes("neo4j", {csv_text(i): r for i, r in ref.items()}, got, csv_text)
    with open(path("neo4j/relationships.csv"), newline="", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    # Relationships are directed in Neo4j: one per link, source to target
    # (Cypher matches `met` either way with `-[:MET]-`).
    check_arcs(
        "neo4j",
        collections.Counter(
            (csv_text(l["source"]), csv_text(l["target"]), l["kind"], csv_text(l["meeting"]))
            for l in data["links"]
        ),
        collections.Counter(
            (r[":START_ID"], r[":END_ID"], r[":TYPE"].lower(), r["meeting"]) for r in rels
        ),
        None,
    )
    ids = set(got)
    for r in rels:
        if r[":START_ID"] not in ids or r[":END_ID"] not in ids:
            fail(f"neo4j: relationship to an unknown node: {r[':START_ID']} -> {r[':END_ID']}")
    print(f"neo4j: {len(rows)} nodes, {len(rels)} relationships")
    print("check_formats: all formats agree")


if __name__ == "__main__":
    main()
