#!/usr/bin/env python3
"""Loads diplograph's Neo4j CSV into Kùzu, an embedded Cypher database, and
asks it which invitations are pending.

Usage: kuzu_check.py NEO4J_DIR [--db PATH] [--pending PENDING.json]

NEO4J_DIR holds nodes.csv and relationships.csv as `diplograph render
--format neo4j` (or `build`) writes them for `neo4j-admin database import`.
The files are read as they are; the schema comes from their headers:

- nodes.csv: one node table, named after the label every row carries
  (`Entity`); `NAME:ID` is its primary key, `:LABEL` becomes a `labels`
  list, `NAME:TYPE` a property of that type (`string`, `int`, `long`,
  `float`, `double`, `boolean`, `date`, and `string[]` split on `;`), an
  untyped column a string.
- relationships.csv: one relationship table per `:TYPE` value (`MET`,
  `INVITED`, `MEMBER_OF`…; the last two always, maybe empty, for the
  query), from and to the node table, with the other columns as
  properties typed the same way.

Each table is filled by `COPY … FROM (LOAD WITH HEADERS … FROM file)`: Kùzu
reads the CSV itself, every column as text, and the query casts them. With
--pending, the Cypher query PENDING below must give the invitations of
`diplograph invitations --pending --format json` (the file given): the same
invitee, target and capacity, the same number of meetings, the same first
day; the script prints both and exits 1 on any difference. Needs the kuzu
package (`pip install kuzu`).
"""

import argparse
import csv
import json
import os
import sys
import tempfile

import kuzu

# Neo4j import types and their Kùzu types.
TYPES = {
    "string": "STRING",
    "int": "INT64",
    "long": "INT64",
    "float": "DOUBLE",
    "double": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "string[]": "STRING[]",
}

# Invitation groups (invitee, target, capacity) with no membership of the
# invitee in the target in that capacity, unless the membership is known to
# end before the first dated invitation: the rule of `invitations
# --pending`. A membership's date may be a year or a month, whose end is the
# year's or the month's last day; `day` is the first day of a date with a
# year, and null otherwise. The meetings are counted last: Kùzu 0.11.3 loses
# `min(i.day)` when it is computed beside a `count(DISTINCT …)` and a match
# follows.
PENDING = """
MATCH (a:Entity)-[i:INVITED]->(t:Entity)
WITH a, t, i.capacity AS capacity, min(i.day) AS first
WHERE NOT EXISTS {
  MATCH (a)-[m:MEMBER_OF]->(t)
  WHERE m.capacity = capacity
    AND (m.day IS NULL OR first IS NULL OR
         CASE size(m.date)
           WHEN 4 THEN date(concat(m.date, '-12-31'))
           WHEN 7 THEN last_day(m.day)
           ELSE m.day
         END >= first)
}
MATCH (a)-[j:INVITED]->(t)
WHERE j.capacity = capacity
RETURN a.id, t.id, capacity, count(DISTINCT j.meeting) AS times, first
"""


def fail(msg):
    print(f"kuzu_check: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def header(path):
    with open(path, newline="", encoding="utf-8") as f:
        return next(csv.reader(f), None) or fail(f"{path}: empty file")


def column(name, path):
    """(property, Kùzu type, role) of a header column; role is "id",
    "start", "end", "type", "label" or None."""
    prop, _, kind = name.partition(":")
    roles = {"ID": "id", "START_ID": "start", "END_ID": "end", "TYPE": "type", "LABEL": "label"}
    if kind in roles:
        return (prop or roles[kind], "STRING", roles[kind])
    if not kind:
        return (prop, "STRING", None)
    if kind.lower() not in TYPES:
        fail(f"{path}: column {name!r}: type {kind!r} is not one of {', '.join(TYPES)}")
    return (prop, TYPES[kind.lower()], None)


def value(var, ktype):
    """The Cypher expression that turns a text column into its type."""
    if ktype == "STRING":
        return var
    if ktype == "STRING[]":
        return f"string_split({var}, ';')"
    return f"CAST({var} AS {ktype})"


def load(columns, path):
    """LOAD WITH HEADERS of a file, each column as text named c0, c1…"""
    cols = ", ".join(f"c{i} STRING" for i in range(len(columns)))
    quoted = path.replace("\\", "\\\\").replace("'", "\\'")
    return f"LOAD WITH HEADERS ({cols}) FROM '{quoted}' (header=true)"


def records(path):
    """The rows of a CSV file after its header."""
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))[1:]


def run(conn, query):
    result = conn.execute(query)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def create(conn, directory):
    nodes_csv = os.path.join(directory, "nodes.csv")
    rels_csv = os.path.join(directory, "relationships.csv")
    for p in (nodes_csv, rels_csv):
        if not os.path.isfile(p):
            fail(f"{p}: no such file")
    ncols = [column(c, nodes_csv) for c in header(nodes_csv)]
    roles = [r for _, _, r in ncols]
    if "id" not in roles:
        fail(f"{nodes_csv}: no :ID column")
    rows = records(nodes_csv)
    if "label" in roles:
        li = roles.index("label")
        shared = set.intersection(*(set(r[li].split(";")) for r in rows)) if rows else set()
        if not shared:
            fail(f"{nodes_csv}: no label is shared by every node")
        table = sorted(shared)[0]
    else:
        table = "Node"
    props = []
    for prop, ktype, role in ncols:
        ktype = "STRING[]" if role == "label" else ktype
        prop = "labels" if role == "label" else prop
        key = " PRIMARY KEY" if role == "id" else ""
        props.append((prop, ktype, key))
    run(conn, f"CREATE NODE TABLE {table}(" + ", ".join(f"`{p}` {t}{k}" for p, t, k in props) + ")")
    returns = ", ".join(value(f"c{i}", t) for i, (_, t, _) in enumerate(props))
    run(conn, f"COPY {table} FROM ({load(ncols, nodes_csv)} RETURN {returns})")

    rcols = [column(c, rels_csv) for c in header(rels_csv)]
    rroles = [r for _, _, r in rcols]
    for role in ("start", "end", "type"):
        if role not in rroles:
            fail(f"{rels_csv}: no :{role.upper()}{'_ID' if role != 'type' else ''} column")
    ti = rroles.index("type")
    rels = records(rels_csv)
    # The query's tables exist even when no relationship has their type.
    types = sorted({r[ti] for r in rels} | {"INVITED", "MEMBER_OF"})
    rprops = [(i, p, t) for i, (p, t, r) in enumerate(rcols) if r is None]
    fields = "".join(f", `{p}` {t}" for _, p, t in rprops)
    ends = f"c{rroles.index('start')}, c{rroles.index('end')}"
    returns = "".join(f", {value(f'c{i}', t)}" for i, _, t in rprops)
    for rel in types:
        if not rel.replace("_", "").isalnum():
            fail(f"{rels_csv}: relationship type {rel!r} is not a name")
        run(conn, f"CREATE REL TABLE {rel}(FROM {table} TO {table}{fields})")
        run(
            conn,
            f"COPY {rel} FROM ({load(rcols, rels_csv)} WHERE c{ti} = '{rel}' RETURN {ends}{returns})",
        )
    (n,) = run(conn, f"MATCH (x:{table}) RETURN count(x)")[0]
    (m,) = run(conn, "MATCH ()-[r]->() RETURN count(r)")[0]
    if (n, m) != (len(rows), len(rels)):
        fail(f"loaded {n} nodes and {m} relationships; the files have {len(rows)} and {len(rels)}")
    print(f"kuzu: {n} {table} nodes, {m} relationships in {len(types)} tables ({', '.join(types)})")
    return table


def first_day(date):
    """The first day of a partial date with a year (`2020-07` → `2020-07-01`)."""
    if not date or date.startswith("--"):
        return None
    parts = date.split("-") + ["01", "01"]
    return "-".join(parts[:3])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", help="folder with nodes.csv and relationships.csv")
    ap.add_argument("--db", help="database file to create (default: a temporary one)")
    ap.add_argument("--pending", help="`invitations --pending --format json` to compare with")
    args = ap.parse_args()
    if args.db and os.path.exists(args.db):
        fail(f"{args.db} exists: give the path of a new database")
    with tempfile.TemporaryDirectory() as tmp:
        db = kuzu.Database(args.db or os.path.join(tmp, "graph.kuzu"))
        conn = kuzu.Connection(db)
        create(conn, args.dir)
        got = sorted(
            (a, t, cap, times, first.isoformat() if first else None)
            for a, t, cap, times, first in run(conn, PENDING)
        )
        print(f"kuzu: {len(got)} pending invitations")
        for row in got:
            print("  " + " ".join(str(x) for x in row))
        if args.pending:
            with open(args.pending, encoding="utf-8") as f:
                records = json.load(f)
            want = sorted(
                (r["invitee"]["id"], r["target"]["id"], r["capacity"], r["count"], first_day(r["first"]))
                for r in records
            )
            if got != want:
                extra = [r for r in got if r not in want]
                missing = [r for r in want if r not in got]
                fail(f"Cypher and {args.pending} differ: only in Kùzu {extra}; only in the file {missing}")
            print(f"kuzu_check: the Cypher query gives the {len(want)} pending invitations of {args.pending}")


if __name__ == "__main__":
    main()
