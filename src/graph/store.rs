//! `graph.json`: a saved graph, so that queries need not re-extract.
//!
//! The file is the merged [`Extraction`] (`meetings`, `entities`, as in the
//! contract) plus `format`, `version`, `hub` and `sentences`: every distinct
//! evidence text once, which each piece of evidence names by its position
//! (`"sentence": 3` instead of `"text"`, see [`crate::model::sentences`]),
//! so that a meeting reported by 200 copies of a page keeps its 200 spans
//! (every document that reports it) but its sentences once. A reader of the
//! `meetings` JSON reads it with that one step: `text =
//! sentences[evidence.sentence]`. Version 1 files (text in every piece of
//! evidence) are read too. Loading rebuilds the petgraph graph from it,
//! which is cheap. Writes are atomic and streamed
//! ([`crate::files::write_atomic_with`]), from the graph's own meetings
//! (no copy).

use super::MeetingGraph;
use crate::files::write_atomic_with;
use crate::model::sentences::Table;
use crate::model::{Announcement, Entity, Evidence, Extraction, Meeting, Publication};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The `format` field of `graph.json`.
pub const GRAPH_FORMAT: &str = "diplograph-graph";
/// The `version` field of `graph.json` this build writes (it reads 1 too:
/// evidence with its text, no sentence table).
pub const GRAPH_VERSION: u32 = 2;

/// What the paths given to a command name: articles to extract, or one
/// saved graph to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source<'a> {
    Articles(&'a [PathBuf]),
    Graph(&'a Path),
}

impl<'a> Source<'a> {
    /// A path ending in `.json` (in any case) that is not a folder names a
    /// saved graph (the `graph.json` of `build`, or the JSON of `meetings`),
    /// whether it exists or not, so that a missing graph is an error and not
    /// an empty corpus; a saved graph is given alone. Everything else is
    /// articles.
    ///
    /// ```
    /// use diplograph::graph::Source;
    /// use std::path::PathBuf;
    /// let one = [PathBuf::from("out/graph.json")];
    /// assert!(matches!(Source::of(&one), Ok(Source::Graph(_))));
    /// let corpus = [PathBuf::from("news"), PathBuf::from("more/a.txt")];
    /// assert!(matches!(Source::of(&corpus), Ok(Source::Articles(_))));
    /// let mixed = [PathBuf::from("news"), PathBuf::from("out/GRAPH.JSON")];
    /// let err = Source::of(&mixed).unwrap_err().to_string();
    /// assert!(err.contains("out/GRAPH.JSON is a saved graph"), "{err}");
    /// ```
    pub fn of(paths: &'a [PathBuf]) -> Result<Self> {
        let mut graphs = paths.iter().filter(|p| names_a_graph(p));
        match (graphs.next(), paths) {
            (None, _) => Ok(Source::Articles(paths)),
            (Some(g), [_]) => Ok(Source::Graph(g)),
            (Some(g), _) => Err(Error::GraphNotAlone { path: g.clone() }),
        }
    }
}

fn names_a_graph(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        && !path.is_dir()
}

#[derive(Serialize, Deserialize)]
struct GraphFile {
    format: String,
    version: u32,
    #[serde(default)]
    hub: Option<String>,
    /// Every hub, the main one first (absent from files written before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hubs: Vec<String>,
    #[serde(flatten)]
    extraction: Extraction,
}

/// What [`MeetingGraph::save`] writes: [`GraphFile`], borrowed from the
/// graph, with its sentence table.
#[derive(Serialize)]
struct SavedGraph<'a> {
    format: &'a str,
    version: u32,
    hub: &'a Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    hubs: &'a [String],
    meetings: &'a [Meeting],
    entities: Vec<&'a Entity>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    announcements: &'a [Announcement],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    publishers: &'a [Publication],
    sentences: &'a [crate::model::Text],
}

/// Every piece of evidence of an extraction: of its meetings and their
/// facts, of its announcements and of its publishers' cues.
fn all_evidence(x: &Extraction) -> impl Iterator<Item = &Evidence> {
    let meetings = x.meetings.iter().flat_map(|m| {
        m.evidence
            .iter()
            .chain(m.invitations.iter().filter_map(|i| i.evidence.as_ref()))
            .chain(m.memberships.iter().filter_map(|i| i.evidence.as_ref()))
            .chain(m.agreements.iter().filter_map(|a| a.evidence.as_ref()))
    });
    let announcements = x.announcements.iter().flat_map(|a| {
        (a.invitations.iter().filter_map(|i| i.evidence.as_ref()))
            .chain(a.memberships.iter().filter_map(|i| i.evidence.as_ref()))
    });
    let cues = x
        .publishers
        .iter()
        .flat_map(|p| p.cues.iter().map(|c| &c.evidence));
    meetings.chain(announcements).chain(cues)
}

impl MeetingGraph {
    /// Writes the graph to `path` atomically, with the entity of every node.
    ///
    /// ```
    /// use diplograph::graph::MeetingGraph;
    /// use diplograph::model::Extraction;
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("graph.json");
    /// let g = MeetingGraph::new(Extraction::default()).unwrap();
    /// g.save(&path).unwrap();
    /// assert_eq!(MeetingGraph::load(&path).unwrap().node_count(), 0);
    /// ```
    pub fn save(&self, path: &Path) -> Result<()> {
        let x = &self.extraction;
        let table = Table::of(all_evidence(x).map(|e| e.text.as_str()));
        // Every node's entity, so that an id the extraction left without
        // an entity (a node named by its id) loads again.
        let file = SavedGraph {
            format: GRAPH_FORMAT,
            version: GRAPH_VERSION,
            hub: &self.hub,
            hubs: &self.hubs,
            meetings: &x.meetings,
            entities: self.graph.node_weights().collect(),
            announcements: &x.announcements,
            publishers: &x.publishers,
            sentences: table.texts(),
        };
        write_atomic_with(path, |w| {
            table.scope(|| serde_json::to_writer_pretty(&mut *w, &file))?;
            w.write_all(b"\n")
        })
    }

    /// Reads a graph written by [`MeetingGraph::save`]. A plain `meetings`
    /// JSON (without `format`) is read too, and its meetings merged. Every
    /// id that a meeting or the hub names must be one of the file's entities
    /// (the error names the first that is not), and a saved graph gives
    /// each meeting once.
    pub fn load(path: &Path) -> Result<Self> {
        let text = crate::files::read_text(path, u64::MAX)?;
        let mut value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::data(path, e.to_string()))?;
        drop(text);
        if !value.is_object() {
            return Err(Error::data(
                path,
                "not a saved graph (the graph.json of build, or the JSON of meetings): not a JSON object",
            ));
        }
        if value.get("format").is_none() {
            let extraction: Extraction =
                serde_json::from_value(value).map_err(|e| Error::data(path, e.to_string()))?;
            check_ids(&extraction, None, path)?;
            return MeetingGraph::new(extraction);
        }
        let sentences = match value.get_mut("sentences").map(serde_json::Value::take) {
            Some(list) => serde_json::from_value(list)
                .map_err(|e| Error::data(path, format!("sentences: {e}")))?,
            None => Vec::new(),
        };
        let table = Table::from_texts(sentences);
        let file: GraphFile = table
            .scope(|| serde_json::from_value(value))
            .map_err(|e| Error::data(path, e.to_string()))?;
        if file.format != GRAPH_FORMAT || !(1..=GRAPH_VERSION).contains(&file.version) {
            return Err(Error::data(
                path,
                format!(
                    "not a {GRAPH_FORMAT} file of version 1 to {GRAPH_VERSION} (format {:?}, version {})",
                    file.format, file.version
                ),
            ));
        }
        check_ids(&file.extraction, file.hub.as_deref(), path)?;
        check_meetings_once(&file.extraction, path)?;
        let g = MeetingGraph::from_merged(file.extraction)?;
        Ok(match &file.hub {
            Some(hub) => g.with_main_hub(hub),
            None => g,
        })
    }
}

/// A saved graph's meetings are merged already and loaded as they are: a
/// meeting id given twice (a file edited by hand or by another tool) would
/// count that meeting twice. (A plain `meetings` JSON is merged on loading,
/// which joins repeated meetings.)
fn check_meetings_once(extraction: &Extraction, path: &Path) -> Result<()> {
    let mut seen = HashSet::new();
    match extraction
        .meetings
        .iter()
        .find(|m| !seen.insert(m.id.as_str()))
    {
        Some(m) => Err(Error::data(
            path,
            format!(
                "meeting {} is given twice (its facts would count twice)",
                m.id
            ),
        )),
        None => Ok(()),
    }
}

/// Every id a saved graph's meetings (and its hub) name must be one of its
/// entities, each defined once: a file edited by hand or by another tool
/// must not leave nodes without names.
fn check_ids(extraction: &Extraction, hub: Option<&str>, path: &Path) -> Result<()> {
    let mut defined = HashSet::new();
    for e in &extraction.entities {
        if !defined.insert(e.id.as_str()) {
            return Err(Error::data(
                path,
                format!("entity {} is defined twice", e.id),
            ));
        }
    }
    if let Some(h) = hub.filter(|h| !defined.contains(h)) {
        return Err(Error::data(
            path,
            format!("hub {h} is defined by no entity"),
        ));
    }
    for m in &extraction.meetings {
        if let Some((what, id)) = m.entity_refs().find(|(_, id)| !defined.contains(id)) {
            return Err(Error::data(
                path,
                format!("meeting {}: {what} {id} is defined by no entity", m.id),
            ));
        }
    }
    for a in &extraction.announcements {
        if let Some(id) = a.entity_ids().find(|id| !defined.contains(id)) {
            return Err(Error::data(
                path,
                format!("announcement {}: {id} is defined by no entity", a.id),
            ));
        }
    }
    Ok(())
}
