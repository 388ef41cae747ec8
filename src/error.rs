//! Typed errors of the library. The binary wraps them with `anyhow`.

use std::path::PathBuf;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An output path that exists and is not a regular file (a symbolic
    /// link, a FIFO, a device, a folder).
    #[error("{path} is {kind}: diplograph writes only regular files")]
    NotRegularOutput { path: PathBuf, kind: &'static str },
    /// An output that would replace a file the run read.
    #[error("{path} is an input of this run: refusing to write over it")]
    OverwritesInput { path: PathBuf },
    /// A saved graph given with other paths.
    #[error(
        "{path} is a saved graph: give it alone (a command reads one saved graph, or articles)"
    )]
    GraphNotAlone { path: PathBuf },
    /// A data file (gazetteer, lexicon, gold, graph) is malformed.
    #[error("{path}: {message}")]
    Data { path: PathBuf, message: String },
    /// An entity id whose prefix names no kind (`country:`, `org:`, …).
    #[error(
        "invalid entity id {id:?}: expected a prefix such as country:, org:, initiative:, person:"
    )]
    InvalidEntityId { id: String },
    /// No entity has this id, name or alias; `suggestions` are the closest ones.
    #[error("unknown entity {query:?}{}", suggest(suggestions))]
    UnknownEntity {
        query: String,
        suggestions: Vec<String>,
    },
    /// A publishing organization (`--hub`) that names an entity of
    /// another kind.
    #[error("{query:?} is {id}, not an organization: the hub must be an organization")]
    NotAnOrganization { query: String, id: String },
    /// A name the gazetteer knows, of an entity that takes part in no
    /// meeting of the graph.
    #[error("{query:?} is {name} ({id}), which takes part in no meeting of these articles")]
    AbsentEntity {
        query: String,
        id: String,
        name: String,
    },
    /// Several entities have this name or alias.
    #[error("ambiguous entity {query:?}: could be {}", candidates.join(", "))]
    AmbiguousEntity {
        query: String,
        candidates: Vec<String>,
    },
    /// The graph has no path between two entities.
    #[error("no path from {from} to {to}")]
    NoPath { from: String, to: String },
    /// An external program is not installed; `package` is the Debian
    /// package that provides it.
    #[error("{program} not found: install Graphviz (Debian/Ubuntu: apt-get install {package})")]
    MissingProgram {
        program: String,
        package: &'static str,
    },
    /// An external program ran and failed.
    #[error("{program} failed: {message}")]
    Program { program: String, message: String },
    /// An iterative algorithm did not converge.
    #[error("{algorithm} did not converge in {iterations} iterations")]
    NoConvergence {
        algorithm: &'static str,
        iterations: usize,
    },
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// Characters of a malformed TOML line quoted on each side of the spot
/// ([`Error::toml`]).
pub const QUOTED: usize = 60;

/// Result alias of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A malformed data file.
    pub fn data(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Data {
            path: path.into(),
            message: message.into(),
        }
    }

    /// A TOML file that does not parse, or whose contents do not fit its
    /// schema: the line and column, the message, and the line quoted around
    /// the spot, cut to [`QUOTED`] characters each side (toml's own report
    /// quotes the whole line, which may be megabytes long).
    ///
    /// ```
    /// let text = format!("a = 1\n{} 1\n", "x".repeat(10_000));
    /// let e = toml::from_str::<toml::Table>(&text).unwrap_err();
    /// let msg = diplograph::Error::toml("f.toml", &text, &e).to_string();
    /// assert!(msg.starts_with("f.toml: line 2, column 10002: "), "{msg}");
    /// assert!(msg.len() < 300, "{msg}");
    /// ```
    pub fn toml(path: impl Into<PathBuf>, text: &str, e: &toml::de::Error) -> Self {
        let message = e.message().trim_end();
        let Some(span) = e.span() else {
            return Error::data(path, message);
        };
        let mut at = span.start.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let (before, after) = text.split_at(at);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line_end = after.find('\n').map_or(text.len(), |i| at + i);
        let head = &text[line_start..at];
        let tail = text[at..line_end].trim_end_matches('\r');
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = head.chars().count() + 1;
        let skip = head.chars().count().saturating_sub(QUOTED);
        let head: String = head.chars().skip(skip).collect();
        let mut tail_chars = tail.chars();
        let mut tail: String = tail_chars.by_ref().take(QUOTED).collect();
        if tail_chars.next().is_some() {
            tail.push('…');
        }
        let ellipsis = if skip > 0 { "…" } else { "" };
        Error::data(
            path,
            format!("line {line}, column {column}: {message}: `{ellipsis}{head}{tail}`"),
        )
    }

    /// An I/O failure on a path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
