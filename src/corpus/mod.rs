//! Reading a corpus: files and folders of articles become documents made of
//! news items.
//!
//! STUB: the corpus helper replaces this implementation, keeping the API.

use std::ops::Range;
use std::path::{Path, PathBuf};

/// A loaded corpus and the report of what was read.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub report: Report,
}

/// One source file as text, split into news items.
#[derive(Debug)]
pub struct Document {
    /// The path as reached from the PATH given on the command line.
    pub name: String,
    /// The text extracted from the file (decoded, HTML stripped).
    pub text: String,
    /// News items, in order; offsets into `text`.
    pub items: Vec<NewsItem>,
    source_map: Vec<(usize, usize)>,
}

/// One news item: an optional headline, other short header lines (a date
/// line), and body paragraphs. Ranges are byte offsets into `Document::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsItem {
    pub headline: Option<Range<usize>>,
    pub header: Vec<Range<usize>>,
    pub paragraphs: Vec<Range<usize>>,
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

/// Read (with its number of news items) or skipped (with the reason).
#[derive(Debug)]
pub enum Outcome {
    Read { items: usize },
    Skipped { reason: String },
}

impl Corpus {
    /// Loads files and folders (recursively). Never fails: unreadable files
    /// are reported as skipped.
    pub fn load(paths: &[PathBuf]) -> Corpus {
        let mut corpus = Corpus::default();
        for p in paths {
            let files: Vec<PathBuf> = if p.is_dir() {
                let mut v: Vec<PathBuf> = walkdir::WalkDir::new(p)
                    .into_iter()
                    .filter_map(|e| e.ok())
                    .filter(|e| e.file_type().is_file())
                    .map(|e| e.into_path())
                    .filter(|f| f.extension().is_some_and(|x| x == "txt"))
                    .collect();
                v.sort();
                v
            } else {
                vec![p.clone()]
            };
            for f in files {
                match std::fs::read_to_string(&f) {
                    Ok(text) => {
                        let doc = Document::new(f.display().to_string(), text);
                        corpus.report.files.push(FileReport {
                            path: f,
                            outcome: Outcome::Read {
                                items: doc.items.len(),
                            },
                        });
                        corpus.documents.push(doc);
                    }
                    Err(e) => corpus.report.files.push(FileReport {
                        path: f,
                        outcome: Outcome::Skipped {
                            reason: e.to_string(),
                        },
                    }),
                }
            }
        }
        corpus
    }

    /// A corpus of one in-memory text document.
    pub fn from_text(name: &str, text: &str) -> Corpus {
        let doc = Document::new(name.to_string(), text.to_string());
        let report = Report {
            files: vec![FileReport {
                path: PathBuf::from(name),
                outcome: Outcome::Read {
                    items: doc.items.len(),
                },
            }],
        };
        Corpus {
            documents: vec![doc],
            report,
        }
    }
}

impl Document {
    fn new(name: String, text: String) -> Self {
        let items = split(&text);
        let len = text.len();
        Document {
            name,
            text,
            items,
            source_map: vec![(0, 0), (len, len)],
        }
    }

    /// The byte range of the source file that `text_range` was read from.
    pub fn source_range(&self, text_range: Range<usize>) -> Range<usize> {
        let _ = &self.source_map;
        text_range
    }

    /// The path of the document.
    pub fn path(&self) -> &Path {
        Path::new(&self.name)
    }
}

fn split(text: &str) -> Vec<NewsItem> {
    let mut items: Vec<NewsItem> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        pos += line.len();
        if end <= start {
            continue;
        }
        let t = &text[start..end];
        let short = t.len() < 200 && !t.ends_with(['.', '"', '”', '»', ':']);
        if short {
            if items.last().is_none_or(|i| !i.paragraphs.is_empty()) {
                items.push(NewsItem {
                    headline: Some(start..end),
                    header: vec![],
                    paragraphs: vec![],
                });
            } else if let Some(last) = items.last_mut() {
                last.header.push(start..end);
            }
        } else {
            if items.is_empty() {
                items.push(NewsItem {
                    headline: None,
                    header: vec![],
                    paragraphs: vec![],
                });
            }
            if let Some(last) = items.last_mut() {
                last.paragraphs.push(start..end);
            }
        }
    }
    items.retain(|i| !i.paragraphs.is_empty());
    items
}
