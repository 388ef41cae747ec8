//! The relationship graph in the formats other tools read.
//!
//! | format | function | for |
//! | --- | --- | --- |
//! | DOT | [`dot()`] | Graphviz; a partnership diagram for people (see [`dot()`] for what it draws) |
//! | SVG, PNG | [`graphviz()`] on the DOT | browsers, documents; needs Graphviz installed |
//! | node-link JSON | [`node_link`] | D3, NetworkX (`node_link_graph(data, edges="links")`) |
//! | GraphML, directed | [`graphml()`] | NetworkX, igraph, yEd, Cytoscape |
//! | GEXF 1.3, dynamic, directed | [`gexf()`] | Gephi (timeline over meeting dates), NetworkX |
//! | Neo4j CSV | [`neo4j()`] | `neo4j-admin database import`, Kùzu (`scripts/kuzu_check.py`) |
//!
//! Every format but DOT (and its pictures) carries the whole multigraph: one node per entity,
//! one edge per fact (`met`, `represents`, `attended`, `invited`,
//! `member_of`), each with its meeting's id, date, place, mode, topics and
//! evidence: each distinct sentence once, with the first document that
//! reads it, and the number of documents that report the meeting
//! ([`Report::sentences`]); `graph.json` keeps every span, so that the
//! size of these files follows the graph, not the copies of its reports.
//! Facts keep their direction (invitee → target, member →
//! organization, person → party): GraphML and GEXF are directed graphs in
//! which `met` and `agreed`, which have none, are written both ways
//! (`GraphView::arcs` says why), and the Neo4j relationships go from source to target; the
//! node-link JSON is undirected, as the contract says, with `source` first.
//! Nodes carry the partner centralities of
//! [`crate::analysis::partner_centrality`] with default options (the numbers
//! `diplograph centrality` prints), absent for people and places, and the
//! engagement of [`crate::analysis::partners`] with default options (the
//! numbers `diplograph partners` prints: `engagement`, `meetings`,
//! `first_meeting`, `last_meeting`, `highest_office`), absent for what is no
//! partner.
//!
//! A [`GraphView`] computes the centralities and engagement once for all formats;
//! [`write_all`] writes every format into a folder, each file atomically,
//! one after the other, the node-link JSON streamed ([`write_node_link`]).

mod dot;
mod gexf;
mod graphml;
mod neo4j;
mod xml;

pub use dot::{DotOptions, dot};
pub use gexf::gexf;
pub use graphml::graphml;
pub use neo4j::{Neo4jCsv, neo4j};

use crate::analysis::{
    Centrality, CentralityOptions, Offices, Partner, PartnerOptions, partner_centrality,
};
use crate::files::{write_atomic, write_atomic_with};
use crate::graph::{Edge, MeetingGraph, NodeLink, Report, date_span};
use crate::model::{Capacity, Entity, EntityKind, PartialDate};
use crate::{Error, Result};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Above this many drawn nodes, pictures are laid out with `sfdp` instead of
/// `twopi`.
pub const SFDP_THRESHOLD: usize = 300;

/// A graph with its centralities, ready to render.
#[derive(Debug, Clone)]
pub struct GraphView<'a> {
    graph: &'a MeetingGraph,
    centralities: Vec<Centrality>,
    /// For each node index, its position in `centralities`.
    by_node: Vec<Option<usize>>,
    partners: Vec<Partner>,
    /// For each node index, its position in `partners`.
    partner_of_node: Vec<Option<usize>>,
}

/// One edge as the formats write it: its ends in their stored direction.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EdgeView<'a> {
    /// Position of the edge in the graph, for stable edge ids.
    pub index: usize,
    pub source: &'a Entity,
    pub target: &'a Entity,
    pub edge: &'a Edge,
    pub report: Report<'a>,
}

/// One arc of a directed graph, as GraphML and GEXF write it
/// ([`GraphView::arcs`]).
#[derive(Debug, Clone)]
pub(crate) struct Arc<'a> {
    pub id: String,
    pub from: &'a Entity,
    pub to: &'a Entity,
    pub edge: EdgeView<'a>,
}

impl<'a> GraphView<'a> {
    /// Computes the partner centralities of a graph.
    ///
    /// ```
    /// # use diplograph::graph::MeetingGraph;
    /// # use diplograph::model::{Extraction, Meeting};
    /// use diplograph::render::graph::GraphView;
    /// # let m = Meeting { id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
    /// #     date: None, place: None, mode: None, parties: vec!["org:icesco".into(), "country:JP".into()],
    /// #     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
    /// #     memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
    /// let g = MeetingGraph::new(Extraction { meetings: vec![m], entities: vec![], ..Default::default() }).unwrap();
    /// let view = GraphView::new(&g).unwrap();
    /// assert_eq!(view.centralities().len(), 2);
    /// assert_eq!(view.partners()[0].id, "country:JP");
    /// ```
    pub fn new(graph: &'a MeetingGraph) -> Result<Self> {
        let centralities = partner_centrality(graph, &CentralityOptions::default())?;
        let partners =
            crate::analysis::partners(graph, &PartnerOptions::new(Offices::builtin()?)).partners;
        let positions = |ids: &mut dyn Iterator<Item = &str>| {
            let mut at = vec![None; graph.node_count()];
            for (i, id) in ids.enumerate() {
                if let Some(&n) = graph.index().get(id) {
                    at[n.index()] = Some(i);
                }
            }
            at
        };
        let by_node = positions(&mut centralities.iter().map(|c| c.id.as_str()));
        let partner_of_node = positions(&mut partners.iter().map(|p| p.id.as_str()));
        Ok(GraphView {
            graph,
            centralities,
            by_node,
            partners,
            partner_of_node,
        })
    }

    /// The graph.
    pub fn graph(&self) -> &'a MeetingGraph {
        self.graph
    }

    /// The partner centralities, in partner-graph order.
    pub fn centralities(&self) -> &[Centrality] {
        &self.centralities
    }

    /// The centralities of a node, if it is in the partner graph.
    pub fn centrality(&self, n: NodeIndex) -> Option<&Centrality> {
        self.by_node
            .get(n.index())
            .copied()
            .flatten()
            .map(|i| &self.centralities[i])
    }

    /// The partners with their engagement, highest first.
    pub fn partners(&self) -> &[Partner] {
        &self.partners
    }

    /// The engagement of a node, if it is a partner.
    ///
    /// ```
    /// # use diplograph::graph::MeetingGraph;
    /// # use diplograph::model::{Extraction, Meeting};
    /// use diplograph::render::graph::GraphView;
    /// let mut m = Meeting::new("m-1", "a.txt");
    /// m.parties = vec!["org:icesco".into(), "country:JP".into()];
    /// let g = MeetingGraph::new(Extraction { meetings: vec![m], ..Default::default() }).unwrap();
    /// let view = GraphView::new(&g).unwrap();
    /// assert!(view.partner(g.index()["org:icesco"]).is_none());
    /// assert_eq!(view.partner(g.index()["country:JP"]).unwrap().meetings, 1);
    /// ```
    pub fn partner(&self, n: NodeIndex) -> Option<&Partner> {
        self.partner_of_node
            .get(n.index())
            .copied()
            .flatten()
            .map(|i| &self.partners[i])
    }

    /// The largest PageRank (0 for an empty partner graph).
    pub(crate) fn max_pagerank(&self) -> f64 {
        self.centralities
            .iter()
            .map(|c| c.pagerank)
            .fold(0.0, f64::max)
    }

    /// Nodes in graph order.
    pub(crate) fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &'a Entity)> + 'a {
        let g = self.graph.petgraph();
        g.node_indices().map(move |n| (n, &g[n]))
    }

    /// The edges as arcs of a directed graph, for GraphML and GEXF: every
    /// edge in its stored direction (invitee → target, member →
    /// organization, person → party), and a `met` or `agreed` edge, which
    /// has no direction ([`EdgeKind::is_directed`]), also the other way, as
    /// tools turn an undirected edge into directed ones (NetworkX
    /// `to_directed`, igraph `as_directed`). The arc in the stored direction
    /// has the id `eN`, N the edge's position; the other way `eNr`. Not a graph that mixes directed and undirected
    /// edges, which both formats allow: NetworkX refuses to read one, and
    /// igraph reads it as all undirected.
    pub(crate) fn arcs(&self) -> impl Iterator<Item = Arc<'a>> + 'a {
        self.edges().flat_map(|e| {
            let id = format!("e{}", e.index);
            let back = (!e.edge.kind.is_directed()).then(|| Arc {
                id: format!("{id}r"),
                from: e.target,
                to: e.source,
                edge: e,
            });
            std::iter::once(Arc {
                id,
                from: e.source,
                to: e.target,
                edge: e,
            })
            .chain(back)
        })
    }

    /// Edges in graph order.
    pub(crate) fn edges(&self) -> impl Iterator<Item = EdgeView<'a>> + 'a {
        let graph = self.graph;
        let g = graph.petgraph();
        g.edge_references().map(move |e| {
            let w = e.weight();
            let target = if e.source() == w.source {
                e.target()
            } else {
                e.source()
            };
            EdgeView {
                index: e.id().index(),
                source: &g[w.source],
                target: &g[target],
                edge: w,
                report: graph.report(w),
            }
        })
    }
}

/// The node-link JSON of the contract, with the view's centralities
/// ([`MeetingGraph::to_node_link_with`]).
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::Extraction;
/// use diplograph::render::graph::{GraphView, node_link};
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// let v = node_link(&GraphView::new(&g).unwrap());
/// assert_eq!(v["multigraph"], true);
/// ```
pub fn node_link(view: &GraphView<'_>) -> serde_json::Value {
    view.graph
        .to_node_link_with(&view.centralities, &view.partners)
}

/// Streams [`node_link`] into `w`, pretty-printed, ending with a line
/// feed, one node and one link at a time ([`NodeLink`]).
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::Extraction;
/// use diplograph::render::graph::{GraphView, node_link, write_node_link};
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// let view = GraphView::new(&g).unwrap();
/// let mut bytes = Vec::new();
/// write_node_link(&view, &mut bytes).unwrap();
/// assert_eq!(bytes, [serde_json::to_vec_pretty(&node_link(&view)).unwrap(), b"\n".to_vec()].concat());
/// ```
pub fn write_node_link(view: &GraphView<'_>, w: &mut dyn Write) -> std::io::Result<()> {
    let doc = NodeLink::new(view.graph, &view.centralities, &view.partners);
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

/// The first day a date covers, as `YYYY-MM-DD` (`2020-07` → `2020-07-01`);
/// `None` without a year.
pub(crate) fn first_day(d: &PartialDate) -> Option<String> {
    date_span(d).map(|((y, m, d), _)| format!("{y:04}-{m:02}-{d:02}"))
}

/// The name of a kind, as in JSON.
pub(crate) fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Country => "country",
        EntityKind::Organization => "organization",
        EntityKind::Initiative => "initiative",
        EntityKind::Place => "place",
    }
}

/// Fill colour of a kind, shared by the picture and Gephi.
pub(crate) fn kind_colour(kind: EntityKind) -> (u8, u8, u8) {
    match kind {
        EntityKind::Country => (0x9e, 0xca, 0xe1),
        EntityKind::Organization => (0xfd, 0xae, 0x6b),
        EntityKind::Initiative => (0xa1, 0xd9, 0x9b),
        EntityKind::Person => (0xe0, 0xe0, 0xe0),
        EntityKind::Place => (0xda, 0xbc, 0xf0),
    }
}

/// Type of an attribute in GraphML and GEXF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrType {
    String,
    Double,
    Boolean,
}

impl AttrType {
    /// The type's name, the same in GraphML and GEXF.
    pub(crate) fn name(self) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Double => "double",
            AttrType::Boolean => "boolean",
        }
    }
}

/// Node attributes of GraphML and GEXF, in the order of [`node_values`].
pub(crate) const NODE_ATTRS: [(&str, AttrType); 16] = [
    ("label", AttrType::String),
    ("kind", AttrType::String),
    ("aliases", AttrType::String),
    ("iso", AttrType::String),
    ("acronym", AttrType::String),
    ("degree", AttrType::Double),
    ("weighted_degree", AttrType::Double),
    ("betweenness", AttrType::Double),
    ("closeness", AttrType::Double),
    ("eigenvector", AttrType::Double),
    ("pagerank", AttrType::Double),
    ("engagement", AttrType::Double),
    ("meetings", AttrType::Double),
    ("first_meeting", AttrType::String),
    ("last_meeting", AttrType::String),
    ("highest_office", AttrType::String),
];

/// Edge attributes of GraphML and GEXF, in the order of [`edge_values`].
pub(crate) const EDGE_ATTRS: [(&str, AttrType); 14] = [
    ("kind", AttrType::String),
    ("meeting", AttrType::String),
    ("date", AttrType::String),
    ("place", AttrType::String),
    ("mode", AttrType::String),
    ("topics", AttrType::String),
    ("role", AttrType::String),
    ("capacity", AttrType::String),
    ("principal", AttrType::Boolean),
    ("title", AttrType::String),
    ("docs", AttrType::String),
    ("documents", AttrType::Double),
    ("evidence", AttrType::String),
    ("headline", AttrType::String),
];

/// Separator of list values (aliases, topics, documents) in one attribute.
pub(crate) const LIST_SEP: &str = "; ";

/// The values of [`NODE_ATTRS`] for a node; `None` is left out.
pub(crate) fn node_values(view: &GraphView<'_>, n: NodeIndex, e: &Entity) -> [Option<String>; 16] {
    let measures = view
        .centrality(n)
        .map(Centrality::measures)
        .unwrap_or_default();
    let [
        degree,
        weighted_degree,
        betweenness,
        closeness,
        eigenvector,
        pagerank,
    ] = measures.map(|x| x.map(|x| x.to_string()));
    let partner = view.partner(n);
    [
        Some(e.name.clone()),
        Some(kind_name(e.kind).to_string()),
        Some(e.aliases.join(LIST_SEP)),
        e.iso.clone(),
        e.acronym.clone(),
        degree,
        weighted_degree,
        betweenness,
        closeness,
        eigenvector,
        pagerank,
        partner.map(|p| p.engagement.to_string()),
        partner.map(|p| p.meetings.to_string()),
        partner.and_then(|p| p.first).map(|d| d.to_string()),
        partner.and_then(|p| p.last).map(|d| d.to_string()),
        partner
            .and_then(|p| p.highest_office)
            .map(|o| o.as_str().to_string()),
    ]
}

/// The documents of a report's distinct sentences ([`Report::sentences`]),
/// each once, in evidence order.
pub(crate) fn sentence_docs<'a>(m: &Report<'a>) -> Vec<&'a str> {
    let mut seen = std::collections::HashSet::new();
    m.sentences()
        .map(|x| x.doc.as_str())
        .filter(|d| seen.insert(*d))
        .collect()
}

/// The values of [`EDGE_ATTRS`] for an edge; `None` is left out. The
/// evidence is the meeting's distinct sentences, `docs` the documents
/// they are read in and `documents` the number of documents that report
/// the meeting (every span is in `graph.json`).
pub(crate) fn edge_values(e: &EdgeView<'_>) -> [Option<String>; 14] {
    let m = e.report;
    let docs = sentence_docs(&m);
    let evidence: Vec<&str> = m.sentences().map(|x| x.text.as_str()).collect();
    [
        Some(e.edge.kind.as_str().to_string()),
        Some(m.id.to_string()),
        m.date.map(|d| d.to_string()),
        m.place.map(str::to_string),
        m.mode.map(|x| x.as_str().to_string()),
        Some(m.topics.join(LIST_SEP)),
        e.edge.role.clone(),
        e.edge.capacity.map(|c| capacity_name(c).to_string()),
        Some(e.edge.principal.to_string()),
        e.edge.title.clone(),
        Some(docs.join(LIST_SEP)),
        Some(m.documents.to_string()),
        Some(evidence.join("\n")),
        m.headline.map(str::to_string),
    ]
}

/// The name of a capacity, as in JSON.
pub(crate) fn capacity_name(c: Capacity) -> &'static str {
    match c {
        Capacity::Observer => "observer",
        Capacity::Member => "member",
    }
}

/// An image format Graphviz writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
}

impl Image {
    fn flag(self) -> &'static str {
        match self {
            Image::Svg => "-Tsvg",
            Image::Png => "-Tpng",
        }
    }
}

/// The Graphviz layout program for a diagram of `nodes` nodes: `twopi`
/// (radial, around the hub) up to [`SFDP_THRESHOLD`], `sfdp`
/// (force-directed, scales) beyond. [`dot()`] writes it into the DOT.
///
/// ```
/// use diplograph::render::graph::layout_for;
/// assert_eq!(layout_for(60), "twopi");
/// assert_eq!(layout_for(5000), "sfdp");
/// ```
pub fn layout_for(nodes: usize) -> &'static str {
    if nodes > SFDP_THRESHOLD {
        "sfdp"
    } else {
        "twopi"
    }
}

/// Lays out DOT text with Graphviz (`dot -Tsvg|-Tpng`, with the layout
/// program the DOT names in its `layout` attribute, `dot` without one) and
/// returns the image. [`Error::MissingProgram`] when Graphviz is not installed
/// (Debian package `graphviz`), [`Error::Program`] when it rejects the input.
///
/// ```no_run
/// use diplograph::render::graph::{graphviz, Image};
/// let svg = graphviz("graph { layout=twopi; a -- b }", Image::Svg).unwrap();
/// assert!(String::from_utf8_lossy(&svg).contains("<svg"));
/// ```
pub fn graphviz(dot: &str, image: Image) -> Result<Vec<u8>> {
    let program = "dot";
    let spawned = Command::new(program)
        .arg(image.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::MissingProgram {
                program: program.into(),
                package: "graphviz",
            });
        }
        Err(e) => {
            return Err(Error::Program {
                program: program.into(),
                message: e.to_string(),
            });
        }
    };
    let failed = |message: String| Error::Program {
        program: program.into(),
        message,
    };
    // Write from a thread: Graphviz may fill its output pipe before it has
    // read all of its input.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| failed("no standard input".into()))?;
    let input = dot.as_bytes().to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| failed(e.to_string()))?;
    let written = writer
        .join()
        .map_err(|_| failed("writing its input panicked".into()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(failed(format!("{}: {}", output.status, stderr.trim())));
    }
    written.map_err(|e| failed(format!("cannot write its input: {e}")))?;
    Ok(output.stdout)
}

/// Writes `nodes.csv` and `relationships.csv` into `dir`, creating it.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::Extraction;
/// use diplograph::render::graph::{GraphView, write_neo4j};
/// let dir = tempfile::tempdir().unwrap();
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// let files = write_neo4j(&GraphView::new(&g).unwrap(), &dir.path().join("neo4j")).unwrap();
/// assert!(files[1].ends_with("neo4j/relationships.csv"));
/// ```
pub fn write_neo4j(view: &GraphView<'_>, dir: &Path) -> Result<Vec<PathBuf>> {
    let csv = neo4j(view)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let [nodes, relationships] = neo4j_files(dir);
    write_atomic(&nodes, csv.nodes.as_bytes())?;
    write_atomic(&relationships, csv.relationships.as_bytes())?;
    Ok(vec![nodes, relationships])
}

/// What [`write_all`] wrote, and a note when pictures were left out.
#[derive(Debug, Clone, Default)]
pub struct Written {
    pub files: Vec<PathBuf>,
    /// Why no SVG or PNG was written (Graphviz missing), and which stale
    /// pictures of an earlier run were removed, for stderr.
    pub note: Option<String>,
}

/// The text formats [`write_all`] writes, in order.
const TEXTS: [&str; 4] = [
    "graph.node-link.json",
    "graph.dot",
    "graph.graphml",
    "graph.gexf",
];

/// The pictures [`write_all`] writes when Graphviz is installed.
const PICTURES: [(&str, Image); 2] = [("graph.svg", Image::Svg), ("graph.png", Image::Png)];

/// Every file [`write_all`] may write into `dir`, for checking the targets
/// before anything is written.
///
/// ```
/// let files = diplograph::render::graph::files_of(std::path::Path::new("out"));
/// assert!(files.iter().any(|f| f.ends_with("neo4j/nodes.csv")));
/// assert!(files.iter().any(|f| f.ends_with("graph.png")));
/// ```
pub fn files_of(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = TEXTS.iter().map(|name| dir.join(name)).collect();
    files.extend(neo4j_files(&dir.join("neo4j")));
    files.extend(PICTURES.iter().map(|(name, _)| dir.join(name)));
    files
}

/// The files [`write_neo4j`] writes into `dir`.
pub fn neo4j_files(dir: &Path) -> [PathBuf; 2] {
    [dir.join("nodes.csv"), dir.join("relationships.csv")]
}

/// Writes every format into `dir` (which must exist), each file atomically
/// (the DOT and its pictures drawn with `options`):
/// `graph.node-link.json`, `graph.dot`, `graph.graphml`, `graph.gexf`,
/// `neo4j/nodes.csv`, `neo4j/relationships.csv`, and `graph.svg` and
/// `graph.png` when Graphviz is installed; otherwise [`Written::note`] says
/// so, and the pictures of an earlier run, which would no longer match the
/// other files, are removed. `graph.json`, the saved graph, is
/// [`MeetingGraph::save`]'s.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::Extraction;
/// use diplograph::render::graph::{DotOptions, GraphView, write_all};
/// let dir = tempfile::tempdir().unwrap();
/// let g = MeetingGraph::new(Extraction::default()).unwrap();
/// let view = GraphView::new(&g).unwrap();
/// let written = write_all(&view, dir.path(), &DotOptions::default()).unwrap();
/// assert!(dir.path().join("neo4j/nodes.csv").is_file());
/// assert!(written.files.len() >= 6);
/// ```
pub fn write_all(view: &GraphView<'_>, dir: &Path, options: &DotOptions) -> Result<Written> {
    let mut files = Vec::new();
    let put = |files: &mut Vec<PathBuf>, name: &str, bytes: &[u8]| -> Result<()> {
        let path = dir.join(name);
        write_atomic(&path, bytes)?;
        files.push(path);
        Ok(())
    };
    // One format at a time, the node-link JSON streamed, so that the
    // peak holds one document at most.
    let [json_name, dot_name, graphml_name, gexf_name] = TEXTS;
    let path = dir.join(json_name);
    write_atomic_with(&path, |w| write_node_link(view, w))?;
    files.push(path);
    let dot_text = dot(view, options);
    put(&mut files, dot_name, dot_text.as_bytes())?;
    put(&mut files, graphml_name, graphml(view)?.as_bytes())?;
    put(&mut files, gexf_name, gexf(view)?.as_bytes())?;
    files.extend(write_neo4j(view, &dir.join("neo4j"))?);
    let mut note = None;
    for (name, image) in PICTURES {
        match graphviz(&dot_text, image) {
            Ok(bytes) => put(&mut files, name, &bytes)?,
            Err(e @ Error::MissingProgram { .. }) => {
                let mut text = format!("no graph.svg or graph.png: {e}");
                for (stale, _) in PICTURES {
                    let path = dir.join(stale);
                    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                        std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
                        text.push_str(&format!("; removed {stale} of an earlier run"));
                    }
                }
                note = Some(text);
                break;
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Written { files, note })
}

#[cfg(test)]
mod tests;
