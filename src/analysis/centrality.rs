//! Partner centrality.
//!
//! The partner graph is a simple undirected weighted graph: one node per
//! state, organization or initiative that is a party to a kept meeting, one
//! edge per pair of parties that met, weighted by the number of meetings they
//! share (a three-party meeting counts for each of its three pairs). With
//! [`CentralityOptions::include_people`], people join it, linked to the
//! entities they represent or met (`represents` and `attended` edges), weighted
//! by the number of meetings.
//!
//! Measures, as NetworkX computes them on that graph (see
//! `scripts/networkx_check.py`, which checks the agreement):
//! - `degree`: distinct partners / (n − 1) (`nx.degree_centrality`);
//! - `weighted_degree`: the weight of the node's links
//!   (`G.degree(weight="weight")`), where a meeting counts once per pair;
//!   `meetings` is the number of distinct meetings instead;
//! - `betweenness`: normalized, unweighted, endpoints excluded
//!   (`nx.betweenness_centrality`), see [`betweenness`];
//! - `closeness`: unweighted, Wasserman–Faust scaling for disconnected graphs
//!   (`nx.closeness_centrality`), see [`closeness`];
//! - `eigenvector`: weighted by meetings, power iteration on A + I, tolerance
//!   1e-6 × n, at most 1000 iterations (rustworkx-core,
//!   `nx.eigenvector_centrality(G, max_iter=1000, weight="weight")`); `None`
//!   when it does not converge;
//! - `pagerank`: see [`pagerank`].

use crate::graph::{EdgeKind, Filter, MeetingGraph, Origin};
use crate::model::EntityKind;
use crate::{Error, Result};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Sources per parallel task of [`betweenness`] at the least; the tasks are
/// fixed by the node count alone, so that the sums (and the last bits of
/// the result) do not depend on the number of threads.
const MIN_SOURCES_PER_TASK: usize = 64;
/// At most this many tasks (each holds a partial sum of n floats).
const MAX_TASKS: usize = 64;
/// Iteration cap of the eigenvector centrality.
pub const EIGENVECTOR_MAX_ITER: usize = 1000;
/// PageRank damping factor, as NetworkX's default.
pub const PAGERANK_ALPHA: f64 = 0.85;

/// Which meetings and nodes the centrality looks at.
#[derive(Debug, Clone, Default)]
pub struct CentralityOptions {
    pub filter: Filter,
    pub include_people: bool,
}

/// The simple weighted graph centralities are computed on. Node weights are
/// entity ids; edge weights numbers of meetings.
#[derive(Debug, Clone, Default)]
pub struct PartnerGraph {
    pub graph: UnGraph<String, f64>,
    /// Per node (by index), the number of distinct meetings its links come
    /// from; `None` for a graph made of bare edges ([`PartnerGraph::from_edges`]).
    pub meetings: Option<Vec<usize>>,
}

impl PartnerGraph {
    /// Projects a meeting graph.
    ///
    /// ```
    /// # use diplograph::analysis::{CentralityOptions, PartnerGraph};
    /// # use diplograph::graph::MeetingGraph;
    /// # use diplograph::model::{Extraction, Meeting};
    /// # let m = |id: &str, parties: &[&str]| Meeting { id: id.into(), doc: "a.txt".into(), headline: None,
    /// #     lang: "en".into(), date: Some(id.parse().unwrap()), place: None, mode: None,
    /// #     parties: parties.iter().map(|p| p.to_string()).collect(), participants: vec![], attendees: vec![],
    /// #     topics: vec![], invitations: vec![], memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
    /// let g = MeetingGraph::new(Extraction { meetings: vec![
    ///     m("2020-01-01", &["org:icesco", "country:JP"]),
    ///     m("2020-02-01", &["org:icesco", "country:JP"]),
    ///     m("2020-03-01", &["org:icesco", "country:FR", "org:who"]),
    /// ], entities: vec![], ..Default::default() }).unwrap();
    /// let p = PartnerGraph::from_graph(&g, &CentralityOptions::default());
    /// assert_eq!((p.graph.node_count(), p.graph.edge_count()), (4, 4));
    /// assert_eq!(p.edges()[0], ("org:icesco", "country:JP", 2.0));
    /// ```
    pub fn from_graph(g: &MeetingGraph, options: &CentralityOptions) -> Self {
        let kept = crate::graph::Kept::new(g, &options.filter);
        let mut weights: BTreeMap<(NodeIndex, NodeIndex), f64> = BTreeMap::new();
        let mut nodes: Vec<NodeIndex> = Vec::new();
        let mut reports: BTreeSet<(NodeIndex, Origin)> = BTreeSet::new();
        for e in g.petgraph().edge_references() {
            let w = e.weight();
            if !kept.edge(w) {
                continue;
            }
            let use_it = match w.kind {
                EdgeKind::Met => true,
                EdgeKind::Represents | EdgeKind::Attended => options.include_people,
                EdgeKind::Invited | EdgeKind::MemberOf | EdgeKind::Agreed => false,
            };
            if !use_it || e.source() == e.target() {
                continue;
            }
            let (a, b) = (e.source().min(e.target()), e.source().max(e.target()));
            *weights.entry((a, b)).or_default() += 1.0;
            nodes.extend([e.source(), e.target()]);
            reports.extend([(e.source(), w.origin), (e.target(), w.origin)]);
        }
        // Nodes in graph order, so that results are stable.
        nodes.sort();
        nodes.dedup();
        let mut graph = UnGraph::with_capacity(nodes.len(), weights.len());
        let mut map = BTreeMap::new();
        for n in nodes {
            map.insert(n, graph.add_node(g.entity_at(n).id.clone()));
        }
        for ((a, b), w) in weights {
            graph.add_edge(map[&a], map[&b], w);
        }
        let mut meetings = vec![0; graph.node_count()];
        for (n, _) in reports {
            meetings[map[&n].index()] += 1;
        }
        PartnerGraph {
            graph,
            meetings: Some(meetings),
        }
    }

    /// A partner graph from weighted edges between ids (parallel edges add up).
    pub fn from_edges<'a>(edges: impl IntoIterator<Item = (&'a str, &'a str, f64)>) -> Self {
        let mut graph: UnGraph<String, f64> = UnGraph::default();
        let mut ids: indexmap::IndexMap<String, NodeIndex> = indexmap::IndexMap::new();
        let mut node = |graph: &mut UnGraph<String, f64>, id: &str| {
            *ids.entry(id.to_string())
                .or_insert_with(|| graph.add_node(id.to_string()))
        };
        // Edges found by their ends in a map: `find_edge` walks a node's
        // edges, quadratic in a hub's degree.
        let mut found: HashMap<(NodeIndex, NodeIndex), EdgeIndex> = HashMap::new();
        for (a, b, w) in edges {
            let (na, nb) = (node(&mut graph, a), node(&mut graph, b));
            match found.entry((na.min(nb), na.max(nb))) {
                Entry::Occupied(e) => graph[*e.get()] += w,
                Entry::Vacant(v) => {
                    v.insert(graph.add_edge(na, nb, w));
                }
            }
        }
        PartnerGraph {
            graph,
            meetings: None,
        }
    }

    /// The edges as `(id, id, weight)`.
    pub fn edges(&self) -> Vec<(&str, &str, f64)> {
        self.graph
            .edge_references()
            .map(|e| {
                (
                    self.graph[e.source()].as_str(),
                    self.graph[e.target()].as_str(),
                    *e.weight(),
                )
            })
            .collect()
    }
}

/// The centralities of one node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Centrality {
    pub id: String,
    pub kind: Option<EntityKind>,
    pub degree: f64,
    /// The sum of the weights of the node's links: a meeting counts once
    /// per pair it links (NetworkX's `G.degree(weight="weight")`).
    pub weighted_degree: f64,
    /// The number of distinct meetings the node has a link from (`None`
    /// for a graph of bare edges).
    pub meetings: Option<usize>,
    pub betweenness: f64,
    pub closeness: f64,
    pub eigenvector: Option<f64>,
    pub pagerank: f64,
}

impl Centrality {
    /// The measures in column order: degree, weighted degree, betweenness,
    /// closeness, eigenvector (`None` when it did not converge), PageRank.
    ///
    /// ```
    /// use diplograph::analysis::{centralities, PartnerGraph};
    /// let c = &centralities(&PartnerGraph::from_edges([("a", "b", 2.0)])).unwrap()[0];
    /// assert_eq!(c.measures()[1], Some(2.0));
    /// ```
    pub fn measures(&self) -> [Option<f64>; 6] {
        [
            Some(self.degree),
            Some(self.weighted_degree),
            Some(self.betweenness),
            Some(self.closeness),
            self.eigenvector,
            Some(self.pagerank),
        ]
    }
}

/// Every measure for every node of a partner graph, in node order.
///
/// ```
/// use diplograph::analysis::{centralities, PartnerGraph};
/// let p = PartnerGraph::from_edges([("a", "b", 1.0), ("b", "c", 3.0)]);
/// let c = centralities(&p).unwrap();
/// assert_eq!(c[1].id, "b");
/// assert_eq!(c[1].degree, 1.0);
/// assert_eq!(c[1].weighted_degree, 4.0);
/// assert_eq!(c[1].betweenness, 1.0);
/// ```
pub fn centralities(p: &PartnerGraph) -> Result<Vec<Centrality>> {
    let g = &p.graph;
    let n = g.node_count();
    let degree: Vec<f64> = if n <= 1 {
        vec![1.0; n]
    } else {
        rustworkx_core::centrality::degree_centrality(g, None)
    };
    let adjacency = Adjacency::of(p);
    let betweenness = betweenness(&adjacency);
    let closeness = closeness(&adjacency);
    let eigen: Option<Vec<f64>> = if n == 0 {
        None
    } else {
        rustworkx_core::centrality::eigenvector_centrality(
            g,
            |e| Ok::<f64, std::convert::Infallible>(*e.weight()),
            Some(EIGENVECTOR_MAX_ITER),
            Some(1e-6),
        )
        .unwrap_or_else(|never| match never {})
    };
    let pr = pagerank(p, PAGERANK_ALPHA, 100, 1e-6)?;
    Ok(g.node_indices()
        .map(|v| {
            let i = v.index();
            Centrality {
                id: g[v].clone(),
                kind: crate::graph::kind_of_id(&g[v]).ok(),
                degree: degree[i],
                // A fold from +0: an isolated node's sum is 0, not -0.
                weighted_degree: g.edges(v).fold(0.0, |sum, e| sum + e.weight()),
                meetings: p.meetings.as_ref().and_then(|m| m.get(i).copied()),
                betweenness: betweenness[i],
                closeness: closeness[i],
                eigenvector: eigen.as_ref().map(|x| x[i]),
                pagerank: pr[i],
            }
        })
        .collect())
}

/// The neighbours of every node of a partner graph in one array (compressed
/// sparse rows), for the breadth-first searches of [`betweenness`] and
/// [`closeness`]. Self-loops are left out: they are on no shortest path.
/// Each node's neighbours are in increasing order.
#[derive(Debug, Clone)]
pub struct Adjacency {
    /// Node `v`'s neighbours are `neighbors[start[v]..start[v + 1]]`.
    start: Vec<usize>,
    neighbors: Vec<u32>,
}

impl Adjacency {
    pub fn of(p: &PartnerGraph) -> Self {
        let g = &p.graph;
        let mut start = Vec::with_capacity(g.node_count() + 1);
        let mut neighbors = Vec::with_capacity(2 * g.edge_count());
        for v in g.node_indices() {
            let first = neighbors.len();
            start.push(first);
            for w in g.neighbors(v) {
                if w != v {
                    // A partner graph is far below 2^32 nodes.
                    neighbors.push(w.index() as u32);
                }
            }
            // In order, the sums over a node's neighbours read memory in order.
            neighbors[first..].sort_unstable();
        }
        start.push(neighbors.len());
        Adjacency { start, neighbors }
    }

    fn node_count(&self) -> usize {
        self.start.len() - 1
    }

    fn degree(&self, v: usize) -> usize {
        self.start[v + 1] - self.start[v]
    }

    fn row(&self, v: usize) -> &[u32] {
        &self.neighbors[self.start[v]..self.start[v + 1]]
    }

    fn of_node(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        self.row(v).iter().map(|&w| w as usize)
    }

    /// For each node, the neighbour that stands in for it when it is a leaf
    /// (one neighbour) whose neighbour is not a leaf: every shortest path
    /// from it is the edge to that neighbour followed by a shortest path from
    /// the neighbour, so its search need not run (see [`betweenness`]).
    fn stand_in(&self) -> Vec<Option<usize>> {
        (0..self.node_count())
            .map(|v| match *self.row(v) {
                [u] if self.degree(u as usize) > 1 => Some(u as usize),
                _ => None,
            })
            .collect()
    }
}

/// The buffers of the breadth-first searches of one task, reused from one
/// source to the next.
///
/// A search goes level by level and takes, at each level, the cheaper of two
/// directions (Beamer, Asanović and Patterson, "Direction-optimizing
/// breadth-first search", 2012): top-down, the nodes of the frontier visit
/// their neighbours; bottom-up, the nodes not reached yet sum the path counts
/// of theirs (all of them: the counts must be complete, so there is no early
/// exit but for closeness), which pays when the frontier is most of the graph.
/// The costs compared are the numbers of neighbours each direction reads.
struct Search {
    /// Distance from the source; `u32::MAX` when not reached.
    distance: Vec<u32>,
    /// Number of shortest paths from the source; 0 when not reached.
    sigma: Vec<f64>,
    /// Brandes' (1 + δ) / σ of the nodes below the level being accumulated,
    /// 0 at and above it (so that summing it over all the neighbours of a
    /// node sums it over the node's successors).
    coeff: Vec<f64>,
    /// Per node, the sum of its successors' `coeff`.
    acc: Vec<f64>,
    /// The nodes reached, in order of distance.
    order: Vec<u32>,
    /// The nodes at distance `d` are `order[levels[d]..levels[d + 1]]`.
    levels: Vec<usize>,
    /// Per level, the sum of its nodes' degrees.
    level_edges: Vec<usize>,
    /// A superset of the nodes not reached, once a bottom-up step listed them.
    unvisited: Vec<u32>,
    /// The path counts of the nodes a bottom-up step reaches, written once
    /// the step is over.
    found: Vec<f64>,
}

impl Search {
    fn new(n: usize) -> Self {
        Search {
            distance: vec![u32::MAX; n],
            sigma: vec![0.0; n],
            coeff: vec![0.0; n],
            acc: vec![0.0; n],
            order: Vec::with_capacity(n),
            levels: Vec::new(),
            level_edges: Vec::new(),
            unvisited: Vec::new(),
            found: Vec::new(),
        }
    }

    /// The number of levels (the source's is level 0).
    fn level_count(&self) -> usize {
        self.levels.len() - 1
    }

    /// Breadth-first search from `s`, with the path counts when `PATHS`
    /// (the same for every search of a `Search`); leaves the reached nodes
    /// in `order` by level.
    fn run<const PATHS: bool>(&mut self, a: &Adjacency, s: usize) {
        self.clear::<PATHS>();
        self.distance[s] = 0;
        if PATHS {
            self.sigma[s] = 1.0;
        }
        // A partner graph is far below 2^32 nodes.
        self.order.push(s as u32);
        self.levels.extend([0, 1]);
        self.level_edges.push(a.degree(s));
        let mut listed = false;
        // The sum of the degrees of the nodes not reached.
        let mut unvisited_edges = a.neighbors.len() - a.degree(s);
        // Once no node left has a neighbour, none is reachable.
        while unvisited_edges > 0 {
            let d = self.level_count() - 1;
            let next_edges = if unvisited_edges < self.level_edges[d] {
                if !listed {
                    self.list_unvisited();
                    listed = true;
                }
                self.bottom_up::<PATHS>(a, d as u32)
            } else {
                self.top_down::<PATHS>(a, d)
            };
            if self.order.len() == self.levels[d + 1] {
                break;
            }
            self.levels.push(self.order.len());
            self.level_edges.push(next_edges);
            unvisited_edges -= next_edges;
        }
    }

    /// Forgets the last search: memory in order when it reached a good part
    /// of the graph, only the nodes it reached otherwise.
    fn clear<const PATHS: bool>(&mut self) {
        if self.order.len() >= self.distance.len() / 8 {
            self.distance.fill(u32::MAX);
            if PATHS {
                self.sigma.fill(0.0);
                self.coeff.fill(0.0);
                self.acc.fill(0.0);
            }
        } else {
            for &v in &self.order {
                let v = v as usize;
                self.distance[v] = u32::MAX;
                if PATHS {
                    self.sigma[v] = 0.0;
                    self.coeff[v] = 0.0;
                    self.acc[v] = 0.0;
                }
            }
        }
        self.order.clear();
        self.levels.clear();
        self.level_edges.clear();
        self.unvisited.clear();
    }

    /// Lists the nodes not reached in `unvisited`.
    fn list_unvisited(&mut self) {
        const BLOCK: usize = 16;
        for (b, block) in self.distance.chunks(BLOCK).enumerate() {
            // Without a branch per node, most blocks are skipped at once.
            if block.iter().fold(false, |any, &d| any | (d == u32::MAX)) {
                let at = (b * BLOCK) as u32;
                let free = (at..).zip(block).filter(|&(_, &d)| d == u32::MAX);
                self.unvisited.extend(free.map(|(v, _)| v));
            }
        }
    }

    /// The frontier (level `d`) visits its neighbours; returns the sum of
    /// the degrees of the nodes it reaches.
    fn top_down<const PATHS: bool>(&mut self, a: &Adjacency, d: usize) -> usize {
        let Search {
            distance,
            sigma,
            order,
            levels,
            ..
        } = self;
        let next = d as u32 + 1;
        let mut next_edges = 0;
        for i in levels[d]..levels[d + 1] {
            let v = order[i] as usize;
            let paths = sigma[v];
            for w in a.of_node(v) {
                let dw = distance[w];
                if dw == u32::MAX {
                    distance[w] = next;
                    order.push(w as u32);
                    next_edges += a.degree(w);
                    if PATHS {
                        sigma[w] = paths;
                    }
                } else if PATHS && dw == next {
                    sigma[w] += paths;
                }
            }
        }
        next_edges
    }

    /// The nodes not reached look for neighbours in the frontier (level
    /// `d`); returns the sum of the degrees of the nodes reached.
    fn bottom_up<const PATHS: bool>(&mut self, a: &Adjacency, d: u32) -> usize {
        let Search {
            distance,
            sigma,
            order,
            unvisited,
            found,
            ..
        } = self;
        let first = order.len();
        let mut next_edges = 0;
        found.clear();
        unvisited.retain(|&w| {
            let w = w as usize;
            if distance[w] != u32::MAX {
                // Reached by a top-down step since it was listed.
                return false;
            }
            let reached = if PATHS {
                // The neighbours of a node not reached are in the frontier
                // or not reached (σ = 0, until the step is over).
                let paths: f64 = a.of_node(w).map(|u| sigma[u]).sum();
                if paths > 0.0 {
                    found.push(paths);
                }
                paths > 0.0
            } else {
                let near = a.of_node(w).any(|u| distance[u] == d);
                if near {
                    distance[w] = d + 1;
                }
                near
            };
            if reached {
                order.push(w as u32);
                next_edges += a.degree(w);
            }
            !reached
        });
        if PATHS {
            for (&w, &paths) in order[first..].iter().zip(found.iter()) {
                distance[w as usize] = d + 1;
                sigma[w as usize] = paths;
            }
        }
        next_edges
    }

    /// After [`Search::run`] with the path counts, adds `weight` times the
    /// dependency of the source on each other node to `sum`.
    ///
    /// Level by level from the deepest, δ(v) = σ(v) Σ (1 + δ(w)) / σ(w)
    /// over the successors w of v; the sum is over all of v's neighbours,
    /// `coeff` being 0 but below v's level, either gathered by each node of
    /// the level (pull) or spread by each node of the level below (push),
    /// whichever reads fewer neighbours.
    fn accumulate(&mut self, a: &Adjacency, weight: f64, sum: &mut [f64]) {
        let depth = self.level_count();
        if depth < 3 {
            // The source's neighbours, if any, are the deepest level: no
            // successors, no dependency.
            return;
        }
        let Search {
            sigma, coeff, acc, ..
        } = self;
        for &w in &self.order[self.levels[depth - 1]..] {
            let w = w as usize;
            coeff[w] = 1.0 / sigma[w];
        }
        for d in (1..depth - 1).rev() {
            let here = &self.order[self.levels[d]..self.levels[d + 1]];
            if self.level_edges[d] <= self.level_edges[d + 1] {
                for &v in here {
                    let v = v as usize;
                    acc[v] = sum_over(coeff, a.row(v));
                }
            } else {
                for &w in &self.order[self.levels[d + 1]..self.levels[d + 2]] {
                    let c = coeff[w as usize];
                    // Also reaches nodes of w's level and the one below,
                    // whose sums are no longer read.
                    for v in a.of_node(w as usize) {
                        acc[v] += c;
                    }
                }
            }
            for &v in here {
                let v = v as usize;
                let delta = sigma[v] * acc[v];
                sum[v] += weight * delta;
                coeff[v] = (1.0 + delta) / sigma[v];
            }
        }
    }
}

/// The sum of `values` at `nodes`, in four interleaved sums added at the
/// end: one chain of additions would wait on each (a hub's neighbours are
/// most of the graph).
fn sum_over(values: &[f64], nodes: &[u32]) -> f64 {
    let mut lanes = [0.0; 4];
    let mut quads = nodes.chunks_exact(4);
    for quad in &mut quads {
        for (lane, &v) in lanes.iter_mut().zip(quad) {
            *lane += values[v as usize];
        }
    }
    for (lane, &v) in lanes.iter_mut().zip(quads.remainder()) {
        *lane += values[v as usize];
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
}

/// Betweenness as NetworkX's `betweenness_centrality(G, normalized=True)`:
/// Brandes' algorithm, unweighted, endpoints excluded, divided by
/// (n − 1)(n − 2) when n > 2. The sources are shared among rayon's threads
/// (`RAYON_NUM_THREADS`) in tasks fixed by the node count; the result does
/// not depend on their number.
///
/// A leaf whose neighbour u is not a leaf has no search of its own: its
/// dependency on every other node is u's, and on u one per node u reaches
/// but u and the leaf, so u's search counts once more per such leaf, and
/// u gains those ones (Baglioni et al., "Fast exact computation of
/// betweenness centrality in social networks", 2012, fold leaves so).
///
/// ```
/// use diplograph::analysis::{betweenness, Adjacency, PartnerGraph};
/// let star = PartnerGraph::from_edges([("hub", "a", 1.0), ("hub", "b", 1.0), ("hub", "c", 1.0)]);
/// assert_eq!(betweenness(&Adjacency::of(&star)), [1.0, 0.0, 0.0, 0.0]);
/// ```
pub fn betweenness(a: &Adjacency) -> Vec<f64> {
    let n = a.node_count();
    // How many searches each node's search stands for (0 for a folded leaf).
    let mut weight = vec![1_u32; n];
    for (v, u) in a.stand_in().into_iter().enumerate() {
        if let Some(u) = u {
            weight[v] = 0;
            weight[u] += 1;
        }
    }
    let per_task = MIN_SOURCES_PER_TASK.max(n.div_ceil(MAX_TASKS));
    let partials: Vec<Vec<f64>> = weight
        .par_chunks(per_task)
        .enumerate()
        .map(|(task, weights)| {
            let mut search = Search::new(n);
            let mut sum = vec![0.0; n];
            for (i, &k) in weights.iter().enumerate() {
                if k == 0 {
                    continue;
                }
                let s = task * per_task + i;
                search.run::<true>(a, s);
                search.accumulate(a, f64::from(k), &mut sum);
                if k > 1 {
                    // From each folded leaf: one on s per node reached but
                    // s and the leaf.
                    sum[s] += f64::from(k - 1) * (search.order.len() - 2) as f64;
                }
            }
            sum
        })
        .collect();
    let mut total = vec![0.0; n];
    for partial in partials {
        for (t, x) in total.iter_mut().zip(partial) {
            *t += x;
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        total.iter_mut().for_each(|x| *x *= scale);
    }
    total
}

/// Closeness as NetworkX's `closeness_centrality(G)`: for each node, the
/// number of others it reaches over the sum of their distances, times the
/// fraction of the others it reaches (Wasserman and Faust); 0 for a node
/// that reaches none. In parallel over the nodes, as [`betweenness`], whose
/// folded leaves have no search either: a leaf reaches what its neighbour
/// reaches, each one step further but the neighbour itself.
///
/// ```
/// use diplograph::analysis::{closeness, Adjacency, PartnerGraph};
/// let path = PartnerGraph::from_edges([("a", "b", 1.0), ("b", "c", 1.0)]);
/// assert_eq!(closeness(&Adjacency::of(&path)), [2.0 / 3.0, 1.0, 2.0 / 3.0]);
/// ```
pub fn closeness(a: &Adjacency) -> Vec<f64> {
    let n = a.node_count();
    let stand_in = a.stand_in();
    // Per node, the number of nodes it reaches and the sum of their
    // distances; (0, 0) for a folded leaf.
    let reach: Vec<(usize, u64)> = (0..n)
        .into_par_iter()
        .map_init(
            || Search::new(n),
            |search, s| {
                if stand_in[s].is_some() {
                    return (0, 0);
                }
                search.run::<false>(a, s);
                let total = (1..search.level_count())
                    .map(|d| (d * (search.levels[d + 1] - search.levels[d])) as u64)
                    .sum();
                (search.order.len() - 1, total)
            },
        )
        .collect();
    (0..n)
        .map(|s| {
            let (reached, total) = match stand_in[s] {
                // u's reached nodes, the leaf among them, and u instead.
                Some(u) => (reach[u].0, reach[u].1 + reach[u].0 as u64 - 1),
                None => reach[s],
            };
            if reached == 0 {
                return 0.0;
            }
            let r = reached as f64;
            (r / total as f64) * (r / (n - 1) as f64)
        })
        .collect()
}

/// Centralities of the partner graph of a meeting graph.
pub fn partner_centrality(
    g: &MeetingGraph,
    options: &CentralityOptions,
) -> Result<Vec<Centrality>> {
    centralities(&PartnerGraph::from_graph(g, options))
}

/// PageRank as NetworkX's `pagerank` computes it, in O(iterations × edges).
///
/// petgraph's `page_rank` is quadratic in the number of nodes and gives the
/// teleport term another form; this is NetworkX's iteration instead. Each
/// undirected edge counts in both directions with its weight (number of
/// meetings); a node passes `alpha` of its rank to its neighbours in
/// proportion to the weights; the rank of dangling nodes (no edge) is
/// redistributed uniformly; every node receives `(1 − alpha) / N`; starting
/// from `1/N`, it stops when the L1 change is below `N × tol` and fails with
/// [`Error::NoConvergence`] after `max_iter` iterations. NetworkX's defaults
/// are `alpha = 0.85`, `max_iter = 100`, `tol = 1e-6`.
///
/// ```
/// use diplograph::analysis::{pagerank, PartnerGraph};
/// let p = PartnerGraph::from_edges([("a", "b", 1.0), ("b", "c", 1.0)]);
/// let pr = pagerank(&p, 0.85, 100, 1e-6).unwrap();
/// assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// assert!(pr[1] > pr[0] && (pr[0] - pr[2]).abs() < 1e-12);
/// ```
pub fn pagerank(p: &PartnerGraph, alpha: f64, max_iter: usize, tol: f64) -> Result<Vec<f64>> {
    let g = &p.graph;
    let n = g.node_count();
    if n == 0 {
        return Ok(vec![]);
    }
    let nf = n as f64;
    // Row-stochastic adjacency in CSR form: for node i, (j, w_ij / s_i).
    let mut start = Vec::with_capacity(n + 1);
    let mut cols: Vec<(usize, f64)> = Vec::with_capacity(2 * g.edge_count());
    let mut dangling = Vec::new();
    for v in g.node_indices() {
        start.push(cols.len());
        let s: f64 = g.edges(v).map(|e| *e.weight()).sum();
        if s == 0.0 {
            dangling.push(v.index());
            continue;
        }
        for e in g.edges(v) {
            let other = if e.source() == v {
                e.target()
            } else {
                e.source()
            };
            cols.push((other.index(), *e.weight() / s));
        }
    }
    start.push(cols.len());
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..max_iter {
        let danglesum: f64 = dangling.iter().map(|&i| x[i]).sum();
        let base = alpha * danglesum / nf + (1.0 - alpha) / nf;
        next.iter_mut().for_each(|y| *y = base);
        for i in 0..n {
            let xi = alpha * x[i];
            for &(j, w) in &cols[start[i]..start[i + 1]] {
                next[j] += xi * w;
            }
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < nf * tol {
            return Ok(x);
        }
    }
    Err(Error::NoConvergence {
        algorithm: "pagerank",
        iterations: max_iter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::fixture;
    use proptest::prelude::prop;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn parallel_edges_add_up_whatever_their_direction() {
        let p = PartnerGraph::from_edges([
            ("a", "b", 1.0),
            ("b", "a", 2.0),
            ("a", "c", 1.0),
            ("a", "b", 0.5),
            ("c", "c", 1.0),
            ("c", "c", 1.0),
        ]);
        assert_eq!(
            p.edges(),
            [("a", "b", 3.5), ("a", "c", 1.0), ("c", "c", 2.0)]
        );
    }

    /// Values from NetworkX 3.6 on the same graphs.
    #[test]
    fn matches_networkx_on_small_graphs() {
        // path a-b-c-d with weights 1, 2, 1 and an isolated pair e-f
        let p = PartnerGraph::from_edges([
            ("a", "b", 1.0),
            ("b", "c", 2.0),
            ("c", "d", 1.0),
            ("e", "f", 1.0),
        ]);
        let c = centralities(&p).unwrap();
        let ids: Vec<&str> = c.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e", "f"]);
        // id, [degree, betweenness, closeness, eigenvector, pagerank]
        let table: [(&str, [f64; 5]); 3] = [
            (
                "a",
                [0.2, 0.0, 0.3, 0.27059805006831694, 0.09307383843917971],
            ),
            (
                "b",
                [0.4, 0.2, 0.45, 0.6532814824266447, 0.2402594948941535],
            ),
            ("e", [0.2, 0.0, 0.2, 4.203582092773577e-06, 1.0 / 6.0]),
        ];
        for (id, [deg, bet, clo, eig, pr]) in table {
            let x = c.iter().find(|x| x.id == id).unwrap();
            assert!(close(x.degree, deg), "{id} degree {}", x.degree);
            assert!(
                close(x.betweenness, bet),
                "{id} betweenness {}",
                x.betweenness
            );
            assert!(close(x.closeness, clo), "{id} closeness {}", x.closeness);
            let e = x.eigenvector.unwrap();
            assert!(close(e, eig), "{id} eigenvector {e}");
            assert!(close(x.pagerank, pr), "{id} pagerank {}", x.pagerank);
        }
        assert_eq!(c[1].weighted_degree, 3.0);
        let sum: f64 = c.iter().map(|x| x.pagerank).sum();
        assert!(close(sum, 1.0), "{sum}");
        assert!(close(c[4].pagerank, 1.0 / 6.0), "{}", c[4].pagerank);
    }

    #[test]
    fn pagerank_handles_dangling_nodes_and_weights() {
        let mut p = PartnerGraph::from_edges([("a", "b", 1.0), ("b", "c", 9.0)]);
        p.graph.add_node("lonely".into());
        let pr = pagerank(&p, 0.85, 100, 1e-6).unwrap();
        assert!(close(pr.iter().sum::<f64>(), 1.0));
        assert!(pr[2] > pr[0], "the heavier edge brings more rank: {pr:?}");
        assert!(pr[3] < pr[0], "{pr:?}");
        assert!(matches!(
            pagerank(&p, 0.85, 1, 1e-6),
            Err(Error::NoConvergence { .. })
        ));
        assert!(
            pagerank(&PartnerGraph::default(), 0.85, 100, 1e-6)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn meetings_count_meetings_not_links() {
        let g = fixture();
        for include_people in [false, true] {
            let options = CentralityOptions {
                include_people,
                ..CentralityOptions::default()
            };
            let c = partner_centrality(&g, &options).unwrap();
            let hub = c.iter().find(|x| x.id == "org:icesco").unwrap();
            // The hub is in every meeting; a three-party meeting and the
            // people's links weigh more than one each.
            assert_eq!(hub.meetings, Some(g.meetings().len()), "{include_people}");
            assert!(hub.weighted_degree > g.meetings().len() as f64);
            let fr = c.iter().find(|x| x.id == "country:FR").unwrap();
            assert_eq!(fr.meetings, Some(2));
        }
        let bare = centralities(&PartnerGraph::from_edges([("a", "b", 2.0)])).unwrap();
        assert_eq!(bare[0].meetings, None);
    }

    #[test]
    fn projection_of_the_fixture() {
        let g = fixture();
        let p = PartnerGraph::from_graph(&g, &CentralityOptions::default());
        let mut edges: Vec<(String, String, f64)> = p
            .edges()
            .into_iter()
            .map(|(a, b, w)| (a.min(b).to_string(), a.max(b).to_string(), w))
            .collect();
        edges.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let want = [
            ("country:AZ", "org:icesco", 2.0),
            ("country:FR", "org:icesco", 2.0),
            ("country:FR", "org:who", 1.0),
            ("country:JP", "org:icesco", 2.0),
            ("country:SG", "org:icesco", 1.0),
            ("org:icesco", "org:who", 2.0),
        ];
        let want: Vec<(String, String, f64)> = want
            .iter()
            .map(|(a, b, w)| (a.to_string(), b.to_string(), *w))
            .collect();
        assert_eq!(edges, want);
        let with_people = PartnerGraph::from_graph(
            &g,
            &CentralityOptions {
                include_people: true,
                ..CentralityOptions::default()
            },
        );
        assert_eq!(with_people.graph.node_count(), 6 + 3);
        let c = partner_centrality(&g, &CentralityOptions::default()).unwrap();
        let hub = c.iter().find(|x| x.id == "org:icesco").unwrap();
        assert_eq!(hub.degree, 1.0);
        assert_eq!(hub.weighted_degree, 9.0);
        assert_eq!(hub.kind, Some(EntityKind::Organization));
        assert!(c.iter().all(|x| x.betweenness <= hub.betweenness));
        let filtered = partner_centrality(
            &g,
            &CentralityOptions {
                filter: Filter {
                    topic: Some("health".into()),
                    ..Filter::default()
                },
                ..CentralityOptions::default()
            },
        )
        .unwrap();
        assert_eq!(filtered.len(), 3);
    }

    #[test]
    fn empty_and_single_graphs() {
        assert!(centralities(&PartnerGraph::default()).unwrap().is_empty());
        let mut p = PartnerGraph::default();
        p.graph.add_node("a".into());
        let c = centralities(&p).unwrap();
        assert_eq!((c[0].degree, c[0].pagerank), (1.0, 1.0));
    }

    /// Betweenness and closeness from their definitions: distances and
    /// numbers of shortest paths between all pairs by a plain breadth-first
    /// search from each node, then, for each node v, the sum over the
    /// ordered pairs (s, t) of others of σ(s, v) σ(v, t) / σ(s, t) when v is
    /// on a shortest s–t path.
    fn by_definition(p: &PartnerGraph) -> (Vec<f64>, Vec<f64>) {
        let g = &p.graph;
        let n = g.node_count();
        let mut dist = vec![vec![u32::MAX; n]; n];
        let mut paths = vec![vec![0.0; n]; n];
        for s in 0..n {
            dist[s][s] = 0;
            paths[s][s] = 1.0;
            let mut queue = std::collections::VecDeque::from([s]);
            while let Some(v) = queue.pop_front() {
                for w in g.neighbors(NodeIndex::new(v)).map(|w| w.index()) {
                    if dist[s][w] == u32::MAX {
                        dist[s][w] = dist[s][v] + 1;
                        queue.push_back(w);
                    }
                    if dist[s][w] == dist[s][v] + 1 {
                        paths[s][w] += paths[s][v];
                    }
                }
            }
        }
        let mut between = vec![0.0; n];
        for (v, b) in between.iter_mut().enumerate() {
            for s in (0..n).filter(|&s| s != v && dist[s][v] != u32::MAX) {
                for t in (0..n).filter(|&t| t != v && t != s && dist[v][t] != u32::MAX) {
                    if dist[s][v] + dist[v][t] == dist[s][t] {
                        *b += paths[s][v] * paths[v][t] / paths[s][t];
                    }
                }
            }
            if n > 2 {
                *b /= ((n - 1) * (n - 2)) as f64;
            }
        }
        let close = (0..n)
            .map(|s| {
                let reached: Vec<u32> = (0..n)
                    .filter(|&t| t != s && dist[s][t] != u32::MAX)
                    .map(|t| dist[s][t])
                    .collect();
                if reached.is_empty() {
                    return 0.0;
                }
                let r = reached.len() as f64;
                let total: u32 = reached.iter().sum();
                (r / f64::from(total)) * (r / (n - 1) as f64)
            })
            .collect();
        (between, close)
    }

    /// A graph of `parts` on nodes of their own (0: a chain, 1: a star,
    /// 2: a clique, 3: isolated nodes, 4: a hub with random spokes and
    /// edges among them, of `size` nodes), plus `links` between any two
    /// nodes made so far (they may join parts or not) and `leaves` hung on
    /// any node (on a leaf, they make chains).
    fn assemble(
        parts: &[(u8, usize, u64)],
        links: &[(prop::sample::Index, prop::sample::Index)],
        leaves: &[prop::sample::Index],
    ) -> PartnerGraph {
        let mut p = PartnerGraph::default();
        let add = |p: &mut PartnerGraph| {
            let i = p.graph.node_count();
            p.graph.add_node(format!("n{i}"))
        };
        let mut edges = BTreeSet::new();
        for &(kind, size, seed) in parts {
            let nodes: Vec<NodeIndex> = (0..size).map(|_| add(&mut p)).collect();
            let mut state = seed | 1;
            let mut next = |n: usize| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % n as u64) as usize
            };
            for (i, &a) in nodes.iter().enumerate() {
                for (j, &b) in nodes.iter().enumerate().skip(i + 1) {
                    let edge = match kind {
                        0 => j == i + 1,
                        1 => i == 0,
                        2 => true,
                        3 => false,
                        _ => (i == 0 && next(4) > 0) || next(size) == 0,
                    };
                    if edge {
                        edges.insert((a, b));
                    }
                }
            }
        }
        for (x, y) in links {
            let n = p.graph.node_count();
            if n > 0 && x.index(n) != y.index(n) {
                let (a, b) = (x.index(n), y.index(n));
                edges.insert((NodeIndex::new(a.min(b)), NodeIndex::new(a.max(b))));
            }
        }
        for leaf in leaves {
            let n = p.graph.node_count();
            if n > 0 {
                let at = NodeIndex::new(leaf.index(n));
                let new = add(&mut p);
                edges.insert((at, new));
            }
        }
        for (a, b) in edges {
            p.graph.add_edge(a, b, 1.0);
        }
        p
    }

    fn assert_by_definition(p: &PartnerGraph) {
        let a = Adjacency::of(p);
        let (between, close) = by_definition(p);
        for (v, (x, want)) in betweenness(&a).iter().zip(&between).enumerate() {
            assert!(
                (x - want).abs() < 1e-12,
                "betweenness of {v}: {x}, not {want}"
            );
        }
        // Closeness is integer sums and one rounding: exactly the same.
        assert_eq!(closeness(&a), close);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, ..Default::default() })]
        #[test]
        fn betweenness_and_closeness_are_their_definitions(
            parts in proptest::collection::vec((0_u8..5, 1_usize..12, proptest::prelude::any::<u64>()), 1..5),
            links in proptest::collection::vec(proptest::prelude::any::<(prop::sample::Index, prop::sample::Index)>(), 0..10),
            leaves in proptest::collection::vec(proptest::prelude::any::<prop::sample::Index>(), 0..8),
        ) {
            assert_by_definition(&assemble(&parts, &links, &leaves));
        }
    }

    /// A hub-and-spoke graph as `benches/centrality.rs` makes them, of
    /// `nodes` nodes.
    fn hub_and_spoke(nodes: usize) -> PartnerGraph {
        assemble(&[(4, nodes, 0x9E37_79B9_7F4A_7C15)], &[], &[])
    }

    #[test]
    fn searches_in_both_directions_keep_the_definitions() {
        // From a spoke, the hub's level reaches nearly every node (bottom-up
        // next, and the hub gathers its successors' sums); from the hub,
        // the spokes spread theirs onto it.
        let p = hub_and_spoke(150);
        assert_by_definition(&p);
        let mut two = p.clone();
        let last = NodeIndex::new(p.graph.node_count() - 1);
        let far = two.graph.add_node("far".into());
        two.graph.add_edge(last, far, 1.0);
        two.graph.add_node("alone".into());
        assert_by_definition(&two);
        // Searches that reach few of the nodes forget only what they reached.
        let mut few = hub_and_spoke(40);
        for i in 0..400 {
            few.graph.add_node(format!("alone{i}"));
        }
        assert_by_definition(&few);
    }

    #[test]
    fn the_thread_count_does_not_change_a_bit() {
        let p = hub_and_spoke(700);
        let a = Adjacency::of(&p);
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            pool.install(|| (betweenness(&a), closeness(&a)))
        };
        let one = on(1);
        assert!(one.0.iter().any(|&x| x > 0.0 && x < 1.0));
        for threads in [2, 3, 8] {
            assert!(on(threads) == one, "{threads} threads");
        }
    }

    #[test]
    fn folded_leaves_count_their_paths_through_their_neighbour() {
        // A star of three leaves, one of them on a chain of two: the
        // centre's search stands for the two leaves' searches.
        let p = PartnerGraph::from_edges([
            ("hub", "a", 1.0),
            ("hub", "b", 1.0),
            ("hub", "c", 1.0),
            ("c", "d", 1.0),
        ]);
        let a = Adjacency::of(&p);
        assert_eq!(
            a.stand_in(),
            [None, Some(0), Some(0), None, Some(3)],
            "a, b on the hub, d on c"
        );
        // The hub is on the 5 pairs of a, b, c, d but c–d; c on the three
        // pairs (d, other), of 12 ordered pairs over 2.
        let b = betweenness(&a);
        assert!(close(b[0], 5.0 / 6.0) && close(b[3], 3.0 / 6.0), "{b:?}");
        assert_eq!(closeness(&a)[1], 4.0 / (1.0 + 2.0 + 2.0 + 3.0) * 1.0);
    }

    #[test]
    fn two_hubs_are_two_centres_and_the_partner_they_share_bridges_them() {
        // The path France – ICESCO – Japan – ALECSO – Tunisia.
        let g = crate::graph::tests::two_hubs(false);
        let c = partner_centrality(&g, &CentralityOptions::default()).unwrap();
        let of = |id: &str| c.iter().find(|x| x.id == id).unwrap();
        // Of the six pairs of the four other nodes, Japan is on the one
        // shortest path of four (ICESCO–ALECSO, ICESCO–Tunisia,
        // France–ALECSO, France–Tunisia), each hub on three: normalized by 6.
        assert!(close(of("country:JP").betweenness, 4.0 / 6.0));
        assert!(close(of("org:icesco").betweenness, 3.0 / 6.0));
        assert!(close(of("org:alecso").betweenness, 3.0 / 6.0));
        assert_eq!(of("country:FR").betweenness, 0.0);
        // Closeness: 4 / the sum of the distances (Japan 2+1+1+2, ICESCO 1+1+2+3).
        assert!(close(of("country:JP").closeness, 4.0 / 6.0));
        assert!(close(of("org:icesco").closeness, 4.0 / 7.0));
        assert!(close(of("country:JP").degree, 2.0 / 4.0));
        assert_eq!(of("country:JP").meetings, Some(2));
    }
}
