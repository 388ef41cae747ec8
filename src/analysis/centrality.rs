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
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

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
        for (a, b, w) in edges {
            let (na, nb) = (node(&mut graph, a), node(&mut graph, b));
            match graph.find_edge(na, nb) {
                Some(e) => graph[e] += w,
                None => {
                    graph.add_edge(na, nb, w);
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
            start.push(neighbors.len());
            for w in g.neighbors(v) {
                if w != v {
                    // A partner graph is far below 2^32 nodes.
                    neighbors.push(w.index() as u32);
                }
            }
        }
        start.push(neighbors.len());
        Adjacency { start, neighbors }
    }

    fn node_count(&self) -> usize {
        self.start.len() - 1
    }

    fn of_node(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        self.neighbors[self.start[v]..self.start[v + 1]]
            .iter()
            .map(|&w| w as usize)
    }
}

/// The buffers of the breadth-first searches of one task, reused from one
/// source to the next.
struct Search {
    /// Distance from the source; `u32::MAX` when not reached.
    distance: Vec<u32>,
    /// Number of shortest paths from the source.
    sigma: Vec<f64>,
    /// Brandes' dependency of the source on each node.
    delta: Vec<f64>,
    /// The nodes reached, in order of distance (the queue of the search).
    order: Vec<usize>,
}

impl Search {
    fn new(n: usize) -> Self {
        Search {
            distance: vec![u32::MAX; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    /// Breadth-first search from `s`; leaves the reached nodes in `order`.
    fn run(&mut self, a: &Adjacency, s: usize, count_paths: bool) {
        for &v in &self.order {
            self.distance[v] = u32::MAX;
            self.sigma[v] = 0.0;
            self.delta[v] = 0.0;
        }
        self.order.clear();
        self.distance[s] = 0;
        self.sigma[s] = 1.0;
        self.order.push(s);
        let mut head = 0;
        while let Some(&v) = self.order.get(head) {
            head += 1;
            let d = self.distance[v] + 1;
            for w in a.of_node(v) {
                if self.distance[w] == u32::MAX {
                    self.distance[w] = d;
                    self.order.push(w);
                }
                if count_paths && self.distance[w] == d {
                    self.sigma[w] += self.sigma[v];
                }
            }
        }
    }
}

/// Betweenness as NetworkX's `betweenness_centrality(G, normalized=True)`:
/// Brandes' algorithm, unweighted, endpoints excluded, divided by
/// (n − 1)(n − 2) when n > 2. The sources are shared among rayon's threads
/// (`RAYON_NUM_THREADS`); the result does not depend on their number.
///
/// ```
/// use diplograph::analysis::{betweenness, Adjacency, PartnerGraph};
/// let star = PartnerGraph::from_edges([("hub", "a", 1.0), ("hub", "b", 1.0), ("hub", "c", 1.0)]);
/// assert_eq!(betweenness(&Adjacency::of(&star)), [1.0, 0.0, 0.0, 0.0]);
/// ```
pub fn betweenness(a: &Adjacency) -> Vec<f64> {
    let n = a.node_count();
    let per_task = MIN_SOURCES_PER_TASK.max(n.div_ceil(MAX_TASKS));
    let sources: Vec<usize> = (0..n).collect();
    let partials: Vec<Vec<f64>> = sources
        .par_chunks(per_task)
        .map(|chunk| {
            let mut search = Search::new(n);
            let mut sum = vec![0.0; n];
            for &s in chunk {
                search.run(a, s, true);
                let Search {
                    distance,
                    sigma,
                    delta,
                    order,
                } = &mut search;
                for &w in order.iter().rev() {
                    let coeff = (1.0 + delta[w]) / sigma[w];
                    // Every neighbour of a reached node is reached: no overflow.
                    for v in a.of_node(w) {
                        if distance[v] + 1 == distance[w] {
                            delta[v] += sigma[v] * coeff;
                        }
                    }
                    if w != s {
                        sum[w] += delta[w];
                    }
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
/// that reaches none. In parallel over the nodes, as [`betweenness`].
///
/// ```
/// use diplograph::analysis::{closeness, Adjacency, PartnerGraph};
/// let path = PartnerGraph::from_edges([("a", "b", 1.0), ("b", "c", 1.0)]);
/// assert_eq!(closeness(&Adjacency::of(&path)), [2.0 / 3.0, 1.0, 2.0 / 3.0]);
/// ```
pub fn closeness(a: &Adjacency) -> Vec<f64> {
    let n = a.node_count();
    (0..n)
        .into_par_iter()
        .map_init(
            || Search::new(n),
            |search, s| {
                search.run(a, s, false);
                let reached = search.order.len() - 1;
                if reached == 0 {
                    return 0.0;
                }
                let total: u64 = search
                    .order
                    .iter()
                    .map(|&v| u64::from(search.distance[v]))
                    .sum();
                let r = reached as f64;
                (r / total as f64) * (r / (n - 1) as f64)
            },
        )
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

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
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
