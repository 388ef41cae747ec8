//! diplograph turns the press releases of an international organization into a
//! relationship graph.
//!
//! The pipeline runs one way, one module per stage:
//!
//! 1. [`corpus`] reads files (plain text, Markdown, HTML, legacy encodings),
//!    strips site boilerplate and splits pages into news items, keeping a map
//!    from the extracted text back to the bytes of the source file;
//! 2. [`gazetteer`] knows the entities (countries, organizations, initiatives,
//!    cities) in French and English and finds them in text, accent- and
//!    case-insensitively;
//! 3. [`extract`] finds people, dates, places, modes and topics and assembles
//!    meetings, invitations and memberships, each with its evidence;
//! 4. [`eval`] scores an extraction against a gold file;
//! 5. [`render`] prints the results for people and machines, and [`serve`]
//!    shows the graph in an interactive page.
//!
//! ```
//! use diplograph::{corpus::Corpus, extract::Extractor, gazetteer::Gazetteer};
//!
//! let text = "ICESCO and Ruritania\n\nDr. Salim M. AlMalik, Director-General of ICESCO, \
//!             received on September 9 Mr. John Smith, Ambassador of Belgium to Morocco.\n";
//! let corpus = Corpus::from_text("note.txt", text);
//! let extractor = Extractor::new(Gazetteer::builtin().unwrap());
//! let extraction = extractor.extract(&corpus);
//! assert_eq!(extraction.meetings.len(), 1);
//! assert!(extraction.meetings[0].parties.iter().any(|p| p == "country:BE"));
//! ```

pub mod analysis;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod extract;
pub mod files;
pub mod gazetteer;
pub mod graph;
pub mod model;
pub mod render;
pub mod serve;
pub mod text;

pub use error::{Error, Result};
