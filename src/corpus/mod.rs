//! Reading a corpus: files and folders of articles become documents made of
//! news items, with every offset traceable to the bytes of the source file.
//!
//! The extractor works on news items (a headline, header lines, body
//! paragraphs), not on raw files: press pages bundle up to ten items, and
//! evidence must point at exact source bytes. This stage runs in four steps.
//!
//! 1. **Walking.** Each path given is a file or a folder. Folders are walked
//!    recursively (symlinks followed, entries sorted by name, so runs are
//!    deterministic); only `.txt`, `.md`, `.html`, `.htm` files are taken
//!    from folders (the others are reported as ignored), while a file named
//!    explicitly is read whatever its extension (as text unless
//!    `.html`/`.htm`). Only regular files are read: FIFOs, devices and
//!    sockets, unreadable entries and symlink loops are reported as
//!    skipped, never fatal. The path `-` ([`STDIN`]) is standard input,
//!    a document named `-`, read as HTML when its first non-blank
//!    character is `<` and as text otherwise.
//! 2. **Decoding.** UTF-8 (a BOM is stripped); UTF-16 with a BOM; otherwise
//!    the encoding is guessed with `chardetng` (Windows-1252 pages exist) and
//!    decoded with `encoding_rs`. Binary files (a NUL byte or over 10 %
//!    control bytes in the first 8 KiB) and blank files are skipped.
//!    [`Document::text`] is the whole decoded text (for UTF-8 the source
//!    itself, minus a BOM), so the source map is the identity there; for
//!    transcoded text each char maps to its source bytes. A lone carriage
//!    return (a CR-only line ending) becomes a line feed, byte for byte
//!    ([`normalize_line_ends`]), so offsets do not move.
//! 3. **HTML** pages are reduced to their text (see the `html` submodule for
//!    the dropped elements and how text runs are located in the source;
//!    runs with entities that cannot be aligned map to an enclosing span).
//! 4. **Splitting** into news items, skipping the site chrome listed in
//!    `data/corpus/boilerplate.toml` (whole lines only, compared accent- and
//!    case-insensitively); a line equal to an end marker ("Latest articles")
//!    drops the rest of the file. Chrome stays in [`Document::text`] but is
//!    in no item.
//!
//! # Splitting rules
//!
//! - **Paragraphs.** Blank lines (and removed chrome) separate blocks. In a
//!   block each line is a paragraph, except in a *hard-wrapped* block (three
//!   lines or more, most 40–100 chars wide and of similar width, most not
//!   ending a sentence), where a line continues into the next unless it is
//!   short (< 40 chars) or ends a sentence well before the wrap width.
//!   A paragraph equal to the previous one is kept once.
//! - **Header lines.** A one-line paragraph is a header line when it is an
//!   HTML `h1`–`h3`, or is date-like (a digit and at most six words), or is
//!   shorter than 200 chars, does not start lowercase and does not end with
//!   `. ! ? : » ” " …` (nor `,` `;`). Everything else is body.
//! - **Items.** A run of header lines followed by a body paragraph starts a
//!   new item when it holds a headline candidate (an `h1`–`h3`, or a
//!   non-date-like line of three words or more) or when no item exists yet;
//!   otherwise (a signature such as "OID/ESF", a stray date) its lines are
//!   body paragraphs of the current item. The headline is the longest
//!   `h1`–`h3` of the run, else its longest candidate; the other lines of the
//!   run are `header`. Body paragraphs go to the current item (a first item
//!   without headline is opened for text before any header run). Header runs
//!   with no body after them are dropped, as are items without paragraphs.
//! - **Long paragraphs.** A paragraph longer than 4 KiB (a page on one
//!   line, a minified page, text without blank lines) is cut into pieces of
//!   at most 4 KiB, each ending at a sentence end (`. ! ? ; …` and a space)
//!   of its last three quarters when there is one, else at a space; the
//!   pieces after the first are body paragraphs. Real paragraphs are under
//!   2 KiB; extraction time grows with the square of a sentence's length.
//! - **Agency dateline.** A paragraph whose first line starts with the
//!   crawler's marker `date` followed by a digit (`␠date 2024-06 Bakou, 29
//!   juin, AZERTAC`) opens an item, wherever it is (files that concatenate
//!   crawled dispatches repeat it): its first line goes to `header` and the
//!   whole paragraph (which may carry the first body sentence, or be the
//!   start of a hard-wrapped paragraph) to `paragraphs`; header lines just
//!   before it are that item's. The marker repeated before any body (alone
//!   on a line, then with its dateline) stays in the same item. Extraction
//!   takes the item's date from its own marker.
//! - A file without any item is skipped with reason "no news item".
//!
//! All ranges are trimmed of whitespace and are byte offsets into
//! [`Document::text`]; [`Document::source_range`] maps them to the file.
//! The algorithms are linear in the input size (lines longer than 400 bytes
//! are never compared with the chrome list). Locating HTML text in the
//! source is too: failed searches spend a budget proportional to the page
//! (see the `html` submodule), and pages whose tags would cost html5ever
//! more than a few stack steps per byte (many tags, stray end tags
//! included, under deep nesting) are skipped.

mod boilerplate;
mod decode;
mod html;
mod source_map;
mod split;
#[cfg(test)]
mod tests;

use boilerplate::Boilerplate;
use source_map::SourceMap;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The path that names standard input, and the name of its document.
pub const STDIN: &str = "-";

/// Extensions taken from folders.
const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// Files larger than this are skipped unless [`Limits`] say otherwise: a
/// press page is a few kilobytes, a bundle of pages a few megabytes.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// HTML pages nested deeper are skipped (see `html::depth`); at this depth
/// parsing takes about half a second.
const MAX_HTML_DEPTH: usize = 8192;
/// HTML pages with a tag of more attributes are skipped (see
/// `html::depth`); real pages have a few dozen at most.
const MAX_HTML_ATTRIBUTES: usize = 256;

/// Bounds on what is read.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Larger files are skipped ("file too large"), whatever their kind;
    /// at most this many bytes (plus one) are ever read from a file.
    pub max_file_size: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// A loaded corpus and the report of what was read.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub report: Report,
}

/// One source file as text, split into news items.
#[derive(Debug)]
pub struct Document {
    /// The path as reached from the PATH given on the command line, with `/`.
    pub name: String,
    /// The text extracted from the file (decoded, HTML stripped).
    pub text: String,
    /// News items, in order; offsets into `text`.
    pub items: Vec<NewsItem>,
    /// The encoding the file was decoded from (`"UTF-8"`, `"windows-1252"`…).
    pub encoding: &'static str,
    map: SourceMap,
}

/// One news item: an optional headline, other short header lines (a date
/// line), body paragraphs, and the short lines that close the text after
/// the last item's body (a sign-off, "15.04.2016"). Ranges are byte offsets
/// into `Document::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsItem {
    pub headline: Option<Range<usize>>,
    pub header: Vec<Range<usize>>,
    pub paragraphs: Vec<Range<usize>>,
    pub footer: Vec<Range<usize>>,
}

/// What happened to each input file.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
}

/// The outcome of one input file.
#[derive(Debug)]
pub struct FileReport {
    pub path: PathBuf,
    pub outcome: Outcome,
}

/// Read (with its number of news items), skipped (with the reason), or
/// ignored: a file of a folder that is no article by its extension.
#[derive(Debug)]
pub enum Outcome {
    Read { items: usize },
    Skipped { reason: String },
    Ignored { reason: String },
}

/// Totals of a [`Report`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Files read.
    pub read: usize,
    /// Files skipped.
    pub skipped: usize,
    /// Files of folders ignored for their extension.
    pub ignored: usize,
    /// News items in the files read.
    pub items: usize,
}

/// Why a file was skipped.
#[derive(Debug, thiserror::Error)]
pub enum SkipReason {
    #[error("{0}")]
    Read(#[from] crate::files::ReadError),
    #[error("{0}")]
    Walk(#[from] walkdir::Error),
    #[error("binary file")]
    Binary,
    #[error("empty file")]
    Empty,
    #[error("no news item")]
    NoNewsItem,
    #[error("HTML nested too deeply (over {limit} levels)")]
    TooDeep { limit: usize },
    #[error("HTML tag with too many attributes (over {limit})")]
    TooManyAttributes { limit: usize },
    #[error(
        "HTML too costly to parse (many tags under deep nesting: over {per_byte} steps per byte)"
    )]
    TooCostly { per_byte: u64 },
    #[error("file too large for 32-bit offsets ({len} bytes; at most {max})")]
    TooLargeToMap { len: usize, max: usize },
    #[error("a saved graph or meetings JSON, not an article (give it alone, named .json)")]
    SavedGraph,
    #[error("built-in boilerplate list is malformed: {0}")]
    Boilerplate(&'static str),
}

/// The kind of content, from the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
}

impl Kind {
    fn of(path: &Path) -> Kind {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm") => Kind::Html,
            Some("md") => Kind::Markdown,
            _ => Kind::Text,
        }
    }
}

impl Corpus {
    /// Loads files and folders (recursively), reading files in parallel;
    /// documents and report entries keep the walk order. Never fails:
    /// unreadable files are reported as skipped.
    ///
    /// Every document stays in memory; [`crate::extract::Extractor::extract_inputs`]
    /// reads, extracts and drops one file at a time instead.
    pub fn load(paths: &[PathBuf]) -> Corpus {
        Corpus::load_with(paths, &Limits::default())
    }

    /// [`Corpus::load`] with other [`Limits`].
    pub fn load_with(paths: &[PathBuf], limits: &Limits) -> Corpus {
        use rayon::prelude::*;
        let read: Vec<(FileReport, Option<Document>)> = inputs(paths)
            .into_par_iter()
            .map(|input| match input {
                Input::File(path) => {
                    let doc = Document::read(&path, limits);
                    (FileReport::of(path, &doc), doc.ok())
                }
                Input::Unreadable(report) => (report, None),
            })
            .collect();
        let mut corpus = Corpus::default();
        for (report, doc) in read {
            corpus.report.files.push(report);
            corpus.documents.extend(doc);
        }
        corpus
    }

    /// A corpus of one in-memory text document (HTML when `name` ends with
    /// `.html`/`.htm`). The document is skipped if it holds no news item.
    pub fn from_text(name: &str, text: &str) -> Corpus {
        Corpus::from_bytes(name, text.as_bytes().to_vec())
    }

    /// A corpus of one in-memory file, decoded and split like a file read
    /// from disk.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Corpus {
        let path = PathBuf::from(name);
        let doc = Document::build(display_name(&path), Kind::of(&path), bytes);
        let mut corpus = Corpus::default();
        corpus.report.files.push(FileReport::of(path, &doc));
        corpus.documents.extend(doc.ok());
        corpus
    }
}

/// An input file found by [`inputs`]: a file to read, or an entry not to
/// be read, already reported (a symlink loop, an unreadable folder, a FIFO
/// or a device, a file of a folder with another extension).
#[derive(Debug)]
pub enum Input {
    File(PathBuf),
    Unreadable(FileReport),
}

/// The files the paths name, in a deterministic order: each path given in
/// turn, folders walked recursively (symlinks followed, entries sorted by
/// name), files named explicitly whatever their extension. Every entry of a
/// folder but its sub-folders is an input: a regular file with a corpus
/// extension to read, any other file reported as skipped (not a regular
/// file) or ignored (another extension); a folder given that holds no file
/// is reported as ignored. A file reached again (named twice, through a
/// folder and by name, by a link or through `..`) is read once, where it
/// is first reached, and reported as ignored where it is reached again, as
/// is `-` given twice: its meetings would count twice.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    let mut seen = Seen::default();
    for p in paths {
        if !p.is_dir() {
            out.push(seen.input(p.clone()));
            continue;
        }
        let before = out.len();
        let walk = walkdir::WalkDir::new(p)
            .follow_links(true)
            .sort_by_file_name();
        for entry in walk {
            let e = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().unwrap_or(p).to_path_buf();
                    out.push(Input::Unreadable(FileReport::skipped(
                        path,
                        SkipReason::Walk(e),
                    )));
                    continue;
                }
            };
            let ft = e.file_type();
            if ft.is_dir() {
                continue;
            }
            let report = if !ft.is_file() {
                let kind = crate::files::kind_of(ft);
                FileReport::skipped(
                    e.into_path(),
                    SkipReason::Read(crate::files::ReadError::NotRegular(kind)),
                )
            } else if has_corpus_extension(e.path()) {
                out.push(seen.input(e.into_path()));
                continue;
            } else {
                let reason = match e.path().extension() {
                    Some(ext) => format!("not an article (.{})", ext.to_string_lossy()),
                    None => "not an article (no extension)".to_string(),
                };
                FileReport::ignored(e.into_path(), reason)
            };
            out.push(Input::Unreadable(report));
        }
        // A folder given that holds no file still has its line in the report.
        if out.len() == before {
            out.push(Input::Unreadable(FileReport::ignored(
                p.clone(),
                "a folder with no files",
            )));
        }
    }
    out
}

/// The files [`inputs`] has reached, by identity, with the path each was
/// first reached by.
#[derive(Default)]
struct Seen {
    files: std::collections::HashMap<FileId, PathBuf>,
    stdin: bool,
}

impl Seen {
    /// The input for `path`: the file to read, or, when it was reached
    /// before, an ignored entry naming the first path. A path that cannot
    /// be looked at is read (and reported) as given.
    fn input(&mut self, path: PathBuf) -> Input {
        if path == Path::new(STDIN) {
            if std::mem::replace(&mut self.stdin, true) {
                return Input::Unreadable(FileReport::ignored(path, "standard input, given twice"));
            }
            return Input::File(path);
        }
        let Some(id) = FileId::of(&path) else {
            return Input::File(path);
        };
        match self.files.entry(id) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let reason = format!("the same file as {}", display_name(first.get()));
                Input::Unreadable(FileReport::ignored(path, reason))
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(path.clone());
                Input::File(path)
            }
        }
    }
}

/// What makes two paths the same file: its device and inode on Unix (hard
/// links included), its canonical path elsewhere.
#[derive(Debug, PartialEq, Eq, Hash)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Canonical(PathBuf),
}

impl FileId {
    /// The identity of the file `path` leads to (through links), if it can
    /// be looked at. Never opens the file, so a FIFO does not block.
    fn of(path: &Path) -> Option<FileId> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(FileId::Inode(m.dev(), m.ino()))
        }
        #[cfg(not(unix))]
        {
            std::fs::canonicalize(path).ok().map(FileId::Canonical)
        }
    }
}

impl FileReport {
    /// The report of a file read into `doc` (or skipped for its reason).
    pub fn of(path: PathBuf, doc: &Result<Document, SkipReason>) -> FileReport {
        match doc {
            Ok(doc) => FileReport {
                path,
                outcome: Outcome::Read {
                    items: doc.items.len(),
                },
            },
            Err(reason) => FileReport::skipped(path, reason),
        }
    }

    fn ignored(path: PathBuf, reason: impl Into<String>) -> FileReport {
        FileReport {
            path,
            outcome: Outcome::Ignored {
                reason: reason.into(),
            },
        }
    }

    fn skipped(path: PathBuf, reason: impl ToString) -> FileReport {
        FileReport {
            path,
            outcome: Outcome::Skipped {
                reason: reason.to_string(),
            },
        }
    }
}

fn has_corpus_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str()))
}

/// The text with every line ending a line feed: a carriage return not
/// followed by a line feed (old Mac files, some exports) becomes one. A
/// CR LF pair stays (the splitter trims the CR). Lengths do not change, so
/// every offset still maps to the same source byte.
///
/// ```
/// use diplograph::corpus::normalize_line_ends;
/// assert_eq!(normalize_line_ends("a\rb\r\nc\r"), "a\nb\r\nc\n");
/// assert!(matches!(normalize_line_ends("a\nb"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalize_line_ends(text: &str) -> Cow<'_, str> {
    let lone = |i: usize| text.as_bytes().get(i + 1) != Some(&b'\n');
    if !text.match_indices('\r').any(|(i, _)| lone(i)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (i, _) in text.match_indices('\r') {
        if lone(i) {
            out.push_str(&text[from..i]);
            out.push('\n');
            from = i + 1;
        }
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// Texts and sources the source map can describe (`u32` offsets).
fn fits(len: usize) -> Result<(), SkipReason> {
    if len > source_map::MAX_LEN {
        return Err(SkipReason::TooLargeToMap {
            len,
            max: source_map::MAX_LEN,
        });
    }
    Ok(())
}

/// True when the first character that is not blank (nor a BOM) is `<`:
/// text without a name to tell its kind is HTML then.
fn starts_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// True when the bytes open a JSON object whose first key is `format` or
/// `meetings`: the `graph.json` of `build` or the JSON of `meetings` under
/// another name, whose extraction would give meetings made of JSON.
///
/// ```
/// # use diplograph::corpus::Corpus;
/// let graph = Corpus::from_text("g.txt", "{\n  \"format\": \"diplograph-graph\",\n  \"meetings\": []\n}\n");
/// assert!(graph.documents.is_empty());
/// let article = Corpus::from_text("a.txt", "{Draft} ICESCO receives Japan\n\nThe Director-General received the Ambassador.\n");
/// assert_eq!(article.documents.len(), 1);
/// ```
fn starts_like_saved_graph(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let skip_blank =
        |b: &[u8]| -> usize { b.iter().take_while(|c| c.is_ascii_whitespace()).count() };
    let rest = &bytes[skip_blank(bytes)..];
    let Some(rest) = rest.strip_prefix(b"{") else {
        return false;
    };
    let rest = &rest[skip_blank(rest)..];
    rest.starts_with(b"\"format\"") || rest.starts_with(b"\"meetings\"")
}

/// The path as given, with `/` separators.
fn display_name(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

impl Report {
    /// Files read, files skipped and news items.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for f in &self.files {
            match f.outcome {
                Outcome::Read { items } => {
                    c.read += 1;
                    c.items += items;
                }
                Outcome::Skipped { .. } => c.skipped += 1,
                Outcome::Ignored { .. } => c.ignored += 1,
            }
        }
        c
    }

    /// The skipped files and their reasons.
    pub fn skipped(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().filter_map(|f| match &f.outcome {
            Outcome::Skipped { reason } => Some((f.path.as_path(), reason.as_str())),
            Outcome::Read { .. } | Outcome::Ignored { .. } => None,
        })
    }

    /// The ignored files and why.
    pub fn ignored(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().filter_map(|f| match &f.outcome {
            Outcome::Ignored { reason } => Some((f.path.as_path(), reason.as_str())),
            Outcome::Read { .. } | Outcome::Skipped { .. } => None,
        })
    }

    /// The files read.
    pub fn read(&self) -> impl Iterator<Item = &Path> {
        self.files
            .iter()
            .filter(|f| matches!(f.outcome, Outcome::Read { .. }))
            .map(|f| f.path.as_path())
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} files read, {} skipped, {} ignored, {} news items",
            self.read, self.skipped, self.ignored, self.items
        )
    }
}

impl Document {
    /// Reads, decodes and splits a file; the error says why it is skipped.
    /// Only regular files are read (a FIFO is skipped, never waited on),
    /// and never more than `limits.max_file_size + 1` bytes of them (a
    /// growing file included).
    ///
    /// The path [`STDIN`] reads standard input instead, to its end (within
    /// the same limit).
    pub fn read(path: &Path, limits: &Limits) -> Result<Document, SkipReason> {
        if path == Path::new(STDIN) {
            let bytes = crate::files::read_stdin(limits.max_file_size)?;
            let kind = if starts_like_html(&bytes) {
                Kind::Html
            } else {
                Kind::Text
            };
            return Document::build(STDIN.to_string(), kind, bytes);
        }
        let bytes = crate::files::read_regular(path, limits.max_file_size)?;
        Document::build(display_name(path), Kind::of(path), bytes)
    }

    fn build(name: String, kind: Kind, bytes: Vec<u8>) -> Result<Document, SkipReason> {
        if decode::looks_binary(&bytes) {
            return Err(SkipReason::Binary);
        }
        if starts_like_saved_graph(&bytes) {
            return Err(SkipReason::SavedGraph);
        }
        fits(bytes.len())?;
        let mut decoded = decode::decode(bytes);
        fits(decoded.text.len())?;
        if let Cow::Owned(text) = normalize_line_ends(&decoded.text) {
            decoded.text = text;
        }
        if decoded.text.trim().is_empty() {
            return Err(SkipReason::Empty);
        }
        let boilerplate = Boilerplate::builtin().map_err(SkipReason::Boilerplate)?;
        let (text, map, headings) = if kind == Kind::Html {
            match html::depth(&decoded.text, MAX_HTML_DEPTH, MAX_HTML_ATTRIBUTES) {
                Ok(_) => {}
                Err(html::Excess::Depth) => {
                    return Err(SkipReason::TooDeep {
                        limit: MAX_HTML_DEPTH,
                    });
                }
                Err(html::Excess::Attributes) => {
                    return Err(SkipReason::TooManyAttributes {
                        limit: MAX_HTML_ATTRIBUTES,
                    });
                }
                Err(html::Excess::Steps) => {
                    return Err(SkipReason::TooCostly {
                        per_byte: html::STEPS_PER_BYTE,
                    });
                }
            }
            let page = html::extract(&decoded.text);
            fits(page.text.len())?;
            let map = page.map.compose(&decoded.map);
            (page.text, map, page.headings)
        } else {
            (decoded.text, decoded.map, Vec::new())
        };
        let opts = split::SplitOptions {
            headings: &headings,
            markdown: kind == Kind::Markdown,
        };
        let items = split::split(&text, boilerplate, &opts);
        if items.is_empty() {
            return Err(SkipReason::NoNewsItem);
        }
        Ok(Document {
            name,
            text,
            items,
            encoding: decoded.encoding,
            map,
        })
    }

    /// The byte range of the source file that `text_range` was read from.
    ///
    /// Exact for UTF-8 text; for transcoded chars, HTML entities and HTML
    /// runs that could not be located, a range boundary inside such a piece
    /// widens to the piece's whole source span.
    pub fn source_range(&self, text_range: Range<usize>) -> Range<usize> {
        self.map.range(text_range)
    }

    /// The path of the document.
    pub fn path(&self) -> &Path {
        Path::new(&self.name)
    }

    /// The text of a range of [`Document::text`] (empty if out of bounds).
    pub fn slice(&self, range: &Range<usize>) -> &str {
        self.text.get(range.clone()).unwrap_or("")
    }
}
