//! The gazetteer: every country, organization, initiative and city that
//! extraction can name, in French and English, with acronyms and demonyms,
//! and a dictionary matcher that finds them in text.
//!
//! Country names come from the `keshvar` crate (ISO 3166-1, English and
//! French); everything no crate has (French demonyms, official long forms,
//! variants, organizations, initiatives, cities) lives in TOML data files
//! under `data/gazetteer/`, embedded in the binary. Users extend it with
//! files of the same format (`--gazetteer FILE`): an entry whose `id` (or
//! `iso`) already exists gains the new names, any other entry is added.
//!
//! Matching folds case and accents on both sides (see [`crate::text`]) and
//! reports ranges of the original text. Acronyms are matched with their case
//! (so `WHO` is an organization and `who` is not).

mod data;

use crate::error::{Error, Result};
use crate::model::{Entity, EntityKind};
use crate::text::{Folded, at_word_boundaries, fold};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

pub use data::GazetteerFile;

/// Index of an entry in a [`Gazetteer`].
pub type EntryId = usize;

/// One known entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Stable id (`country:JP`, `org:who`, `initiative:…`, `place:rabat`).
    pub id: String,
    pub kind: EntityKind,
    /// Canonical (English) name.
    pub name: String,
    /// Other names, in any language, matched case-insensitively.
    pub aliases: Vec<String>,
    /// Acronyms, matched with their case; the first is the main one.
    pub acronyms: Vec<String>,
    /// Demonyms and adjectives in every gender and number (countries).
    pub demonyms: Vec<String>,
    /// ISO 3166-1 alpha-2 code of a country, or of the country a place or a
    /// national body belongs to.
    pub iso: Option<String>,
    /// True for the publishing organization.
    pub hub: bool,
    /// Id of the headquarters city of an organization.
    pub headquarters: Option<String>,
}

/// How a mention names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// The canonical name or an alias.
    Name,
    /// An acronym.
    Acronym,
    /// A demonym or adjective ("japonais", "Belgian").
    Demonym,
}

/// A gazetteer entity found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    pub entry: EntryId,
    pub form: Form,
}

/// The entities and their matcher.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_id: HashMap<String, EntryId>,
    by_name: HashMap<String, EntryId>,
    folded: Matcher,
    acronyms: Matcher,
}

#[derive(Debug, Clone)]
struct Matcher {
    automaton: AhoCorasick,
    targets: Vec<(EntryId, Form)>,
}

impl Matcher {
    fn new(patterns: Vec<(String, EntryId, Form)>) -> Self {
        let (pats, targets): (Vec<String>, Vec<(EntryId, Form)>) =
            patterns.into_iter().map(|(p, e, f)| (p, (e, f))).unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("gazetteer patterns are plain strings");
        Matcher { automaton, targets }
    }
}

impl Gazetteer {
    /// The gazetteer built into the binary.
    ///
    /// ```
    /// let g = diplograph::gazetteer::Gazetteer::builtin().unwrap();
    /// let found = g.find("l’ambassadeur du Japon et l’OMS");
    /// let ids: Vec<&str> = found.iter().map(|m| g.entry(m.entry).id.as_str()).collect();
    /// assert_eq!(ids, ["country:JP", "org:who"]);
    /// ```
    pub fn builtin() -> Result<Self> {
        let mut entries = data::countries()?;
        for (name, source) in data::BUILTIN_FILES {
            let file = GazetteerFile::parse(source, Path::new(name))?;
            file.merge_into(&mut entries, Path::new(name))?;
        }
        Self::from_entries(entries)
    }

    /// Adds the entries of a user file (same format as `data/gazetteer/*.toml`).
    pub fn extend_from_file(&mut self, path: &Path) -> Result<()> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let file = GazetteerFile::parse(&source, path)?;
        let mut entries = std::mem::take(&mut self.entries);
        file.merge_into(&mut entries, path)?;
        *self = Self::from_entries(entries)?;
        Ok(())
    }

    /// Builds a gazetteer from entries.
    pub fn from_entries(entries: Vec<Entry>) -> Result<Self> {
        let mut by_id = HashMap::new();
        let mut by_name = HashMap::new();
        let mut folded = Vec::new();
        let mut acronyms = Vec::new();
        let mut hubs = 0;
        for (i, e) in entries.iter().enumerate() {
            if by_id.insert(e.id.clone(), i).is_some() {
                return Err(Error::data("gazetteer", format!("duplicate id {}", e.id)));
            }
            hubs += usize::from(e.hub);
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                let f = fold(name);
                if f.is_empty() {
                    continue;
                }
                by_name.entry(f.clone()).or_insert(i);
                folded.push((f, i, Form::Name));
            }
            for d in &e.demonyms {
                folded.push((fold(d), i, Form::Demonym));
            }
            for a in &e.acronyms {
                by_name.entry(fold(a)).or_insert(i);
                acronyms.push((a.clone(), i, Form::Acronym));
            }
        }
        if hubs != 1 {
            return Err(Error::data(
                "gazetteer",
                format!("exactly one organization must be `hub = true`, found {hubs}"),
            ));
        }
        Ok(Gazetteer {
            entries,
            by_id,
            by_name,
            folded: Matcher::new(folded),
            acronyms: Matcher::new(acronyms),
        })
    }

    /// Every entity named in `text`, in order, without overlaps (the longest
    /// name wins), each at word boundaries.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let folded = Folded::new(text);
        let mut found: Vec<Mention> = Vec::new();
        for m in self.folded.automaton.find_iter(&folded.text) {
            if !at_word_boundaries(&folded.text, &m.range()) {
                continue;
            }
            let (entry, form) = self.folded.targets[m.pattern().as_usize()];
            found.push(Mention {
                range: folded.original_range(m.range()),
                entry,
                form,
            });
        }
        for m in self.acronyms.automaton.find_iter(text) {
            if !at_word_boundaries(text, &m.range()) {
                continue;
            }
            let (entry, form) = self.acronyms.targets[m.pattern().as_usize()];
            found.push(Mention {
                range: m.range(),
                entry,
                form,
            });
        }
        // Keep the longest of overlapping mentions, then restore text order.
        found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        let mut kept: Vec<Mention> = Vec::with_capacity(found.len());
        for m in found {
            if kept.last().is_none_or(|k| m.range.start >= k.range.end) {
                kept.push(m);
            }
        }
        kept
    }

    /// The entry at `id`.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id]
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id (`country:JP`).
    pub fn by_id(&self, id: &str) -> Option<EntryId> {
        self.by_id.get(id).copied()
    }

    /// The entry that has exactly this name, alias or acronym (folded).
    pub fn lookup(&self, name: &str) -> Option<EntryId> {
        self.by_name.get(&fold(name.trim())).copied()
    }

    /// The publishing organization.
    pub fn hub(&self) -> EntryId {
        self.entries.iter().position(|e| e.hub).unwrap_or_default()
    }

    /// The contract's view of an entry.
    pub fn entity(&self, id: EntryId) -> Entity {
        let e = &self.entries[id];
        let mut aliases = e.aliases.clone();
        aliases.extend(e.acronyms.iter().skip(1).cloned());
        aliases.extend(e.demonyms.iter().cloned());
        Entity {
            id: e.id.clone(),
            kind: e.kind,
            name: e.name.clone(),
            aliases,
            iso: if e.kind == EntityKind::Country {
                e.iso.clone()
            } else {
                None
            },
            acronym: e.acronyms.first().cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text)
            .iter()
            .map(|m| g.entry(m.entry).id.clone())
            .collect()
    }

    #[test]
    fn finds_names_in_both_languages_and_forms() {
        let g = Gazetteer::builtin().unwrap();
        for (text, want) in [
            ("les Emirats Arabes Unis", vec!["country:AE"]),
            ("the Kingdom of Bahrain", vec!["country:BH"]),
            ("l’ambassadeur singapourien", vec!["country:SG"]),
            ("the Belgian ambassador", vec!["country:BE"]),
            (
                "Organisation mondiale de la Santé (OMS)",
                vec!["org:who", "org:who"],
            ),
            ("who met whom", vec![]),
            (
                "la Coalition humanitaire globale",
                vec!["initiative:humanitarian-coalition"],
            ),
            (
                "the Comprehensive Humanitarian Coalition",
                vec!["initiative:humanitarian-coalition"],
            ),
            ("à Noursoultan", vec!["place:astana"]),
            ("Dr Salim M. AlMalik", vec![]),
        ] {
            assert_eq!(ids(&g, text), want, "{text}");
        }
    }

    #[test]
    fn hub_is_icesco_under_both_names() {
        let g = Gazetteer::builtin().unwrap();
        let hub = g.hub();
        assert_eq!(g.entry(hub).id, "org:icesco");
        assert_eq!(g.lookup("ISESCO"), Some(hub));
        assert_eq!(g.entry(hub).headquarters.as_deref(), Some("place:rabat"));
    }

    #[test]
    fn mentions_map_to_original_bytes() {
        let g = Gazetteer::builtin().unwrap();
        let text = "au Royaume de Bahreïn.";
        let m = &g.find(text)[0];
        assert_eq!(&text[m.range.clone()], "Royaume de Bahreïn");
    }
}

#[cfg(test)]
mod dump {
    use super::*;

    /// Prints every entry: `cargo test --lib gazetteer::dump -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn dump_entries() {
        let g = Gazetteer::builtin().unwrap();
        for e in g.entries() {
            println!(
                "{}\t{}\t{:?}\t{:?}\t{:?}",
                e.id, e.name, e.aliases, e.demonyms, e.acronyms
            );
        }
    }
}
