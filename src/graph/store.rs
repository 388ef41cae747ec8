//! `graph.json`: a saved graph, so that queries need not re-extract.
//!
//! The file is the merged [`Extraction`] (`meetings`, `entities`, as in the
//! contract) plus `format`, `version` and `hub`, so any reader of the
//! `meetings` JSON can read it too. Loading rebuilds the petgraph graph from
//! it, which is cheap. Writes are atomic: a temporary file in the same folder,
//! flushed to disk, then renamed over the target.

use super::MeetingGraph;
use crate::model::Extraction;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The `format` field of `graph.json`.
pub const GRAPH_FORMAT: &str = "diplograph-graph";
/// The `version` field of `graph.json` this build writes and reads.
pub const GRAPH_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct GraphFile {
    format: String,
    version: u32,
    #[serde(default)]
    hub: Option<String>,
    #[serde(flatten)]
    extraction: Extraction,
}

impl MeetingGraph {
    /// Writes the graph to `path` atomically.
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
        let file = GraphFile {
            format: GRAPH_FORMAT.to_string(),
            version: GRAPH_VERSION,
            hub: self.hub.clone(),
            extraction: self.extraction.clone(),
        };
        let json = serde_json::to_vec_pretty(&file)
            .map_err(|e| Error::data(path, format!("cannot serialize the graph: {e}")))?;
        write_atomic(path, &json)
    }

    /// Reads a graph written by [`MeetingGraph::save`]. A plain `meetings`
    /// JSON (without `format`) is read too, and its meetings merged.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| Error::data(path, e.to_string()))?;
        if value.get("format").is_none() {
            let extraction: Extraction =
                serde_json::from_value(value).map_err(|e| Error::data(path, e.to_string()))?;
            return MeetingGraph::new(extraction);
        }
        let file: GraphFile =
            serde_json::from_value(value).map_err(|e| Error::data(path, e.to_string()))?;
        if file.format != GRAPH_FORMAT || file.version != GRAPH_VERSION {
            return Err(Error::data(
                path,
                format!(
                    "not a {GRAPH_FORMAT} version {GRAPH_VERSION} file (format {:?}, version {})",
                    file.format, file.version
                ),
            ));
        }
        MeetingGraph::from_merged(file.extraction)
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and
/// a rename, so that readers see the old file or the new one, never a part.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::data(path, "not a file path"))?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })
}
