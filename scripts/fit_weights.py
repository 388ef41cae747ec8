#!/usr/bin/env python3
"""Fits the counterpart weights (data/weights.toml) on gold-annotated corpora.

    python3 scripts/fit_weights.py CORPUS_DIR... [-o data/weights.toml] [--prior data/weights.prior.toml]
                                   [--binary PATH]

Each CORPUS_DIR holds articles and a gold.json (the format of ../shared/spec).
`diplograph candidates` lists every (news item, party) candidate with its
features; a candidate is positive when the gold of its document has a meeting
with that party (countries by ISO code, organizations by a shared folded name,
acronym or alias, as ../shared/tools/score.py matches them). A logistic
regression is fitted by Newton's method (pure Python: no dependency) with an L2
penalty toward the prior weights (a MAP fit: a feature the sets rarely show
keeps the weight its meaning gives it), the threshold is the prior's, and the
file is written with a report in its header: the sets, the candidates, their F1
at the threshold, and how many gold counterparts no candidate proposes (what no
weight can recover).
"""
import argparse
import datetime
import json
import math
import os
import re
import subprocess
import sys
import tomllib
import unicodedata

L2 = 1.0


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower().replace("\u2019", "'")).strip()


def gold_key(cp):
    if cp["kind"] == "country":
        return ("C", {cp["iso"].upper()})
    keys = {fold(cp["name"])}
    if cp.get("acronym"):
        keys.add(fold(cp["acronym"]))
    return ("O", keys)


def party_key(e):
    if e.get("iso"):
        return ("C", {e["iso"].upper()})
    keys = {fold(e.get("name")), fold(e.get("acronym"))} | {fold(a) for a in e.get("aliases") or []}
    return ("O", keys - {""})


def matches(g, p):
    return g[0] == p[0] and bool(g[1] & p[1])


def candidates(binary, corpus):
    out = subprocess.run([binary, "candidates", corpus, "--quiet"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"fit_weights: `{binary} candidates {corpus}` failed: {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def labelled(binary, corpus):
    gold = json.load(open(os.path.join(corpus, "gold.json")))
    cands = candidates(binary, corpus)
    rows, uncovered, total = [], 0, 0
    for g in gold:
        mine = [c for c in cands if c["doc"].replace("\\", "/").endswith(g["doc"])]
        keys = [gold_key(m["counterpart"]) for m in g["meetings"]]
        total += len(keys)
        uncovered += sum(1 for k in keys if not any(matches(k, party_key(c["party"])) for c in mine))
        for c in mine:
            y = any(matches(k, party_key(c["party"])) for k in keys)
            rows.append((c["features"], 1 if y else 0))
    return rows, uncovered, total


def solve(a, b):
    """Solves a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for k in range(col, n + 1):
                    m[r][k] -= f * m[col][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(xs, ys, prior):
    """Logistic regression with an L2 penalty toward `prior` (bias first)."""
    n = len(xs[0])
    w = list(prior)
    for _ in range(50):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, ys):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(n):
                grad[i] += (p - y) * x[i]
                for j in range(n):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(n):
            grad[i] += L2 * (w[i] - prior[i])
            hess[i][i] += L2
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def probability(w, x):
    z = sum(wi * xi for wi, xi in zip(w, x))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def candidate_f1(w, xs, ys, threshold):
    tp = sum(1 for x, y in zip(xs, ys) if y and probability(w, x) >= threshold)
    fp = sum(1 for x, y in zip(xs, ys) if not y and probability(w, x) >= threshold)
    fn = sum(1 for x, y in zip(xs, ys) if y and probability(w, x) < threshold)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="+")
    ap.add_argument("-o", "--output", default="data/weights.toml")
    ap.add_argument("--prior", default="data/weights.prior.toml")
    ap.add_argument("--binary", default="target/release/diplograph")
    args = ap.parse_args()
    rows, uncovered, total = [], 0, 0
    for c in args.corpora:
        r, u, t = labelled(args.binary, c)
        rows += r
        uncovered += u
        total += t
    if not rows:
        sys.exit("fit_weights: no candidates")
    names = sorted(rows[0][0])
    xs = [[1.0] + [f[n] for n in names] for f, _ in rows]
    ys = [y for _, y in rows]
    with open(args.prior, "rb") as f:
        prior_file = tomllib.load(f)
    prior = [prior_file["bias"]] + [prior_file["weights"].get(n, 0.0) for n in names]
    threshold = prior_file["threshold"]
    w = fit(xs, ys, prior)
    f1 = candidate_f1(w, xs, ys, threshold)
    sets = ", ".join(os.path.normpath(c) for c in args.corpora)
    lines = [
        "# Weights of the counterpart candidates' features (src/extract/score.rs),",
        "# written by scripts/fit_weights.py: do not edit by hand, fit again.",
        f"# Fitted on: {sets} ({datetime.date.today().isoformat()}).",
        f"# Candidates: {len(ys)}, counterparts among them: {sum(ys)}; gold counterparts",
        f"# no candidate proposes: {uncovered} of {total}. L2 = {L2} toward {args.prior}.",
        f"# Candidate F1 on the fitting sets at the threshold: {f1:.3f}.",
        f"threshold = {threshold:.2f}",
        f"bias = {w[0]:.4f}",
        "",
        "[weights]",
    ] + [f"{n} = {wi:.4f}" for n, wi in zip(names, w[1:])]
    with open(args.output, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"fit_weights: {len(ys)} candidates ({sum(ys)} positive), candidate F1 {f1:.3f} "
          f"at {threshold:.2f}; {uncovered}/{total} gold counterparts without a candidate -> {args.output}")


if __name__ == "__main__":
    main()
