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
use crate::text::{Folded, FoldedSlice, WordStartPatterns, at_word_boundaries, fold};
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
    /// Id of a country's capital city (`capital`).
    pub capital: Option<String>,
    /// Names of the people who head or headed an organization (`head`).
    pub head: Vec<String>,
    /// Titles of an organization's head (`head_title`: "Director-General").
    pub head_titles: Vec<String>,
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
    /// Folded names of organizations with their length in chars, sorted by
    /// length, for [`Gazetteer::similar_organization`].
    org_names: Vec<(usize, String, EntryId)>,
    /// The publishing organization: the `hub = true` entry unless
    /// [`Gazetteer::set_hub`] chose another.
    hub: EntryId,
}

/// Names searched in one overlapping scan of a text.
#[derive(Debug, Clone)]
struct Matcher {
    /// Every pattern, found where a word may start.
    automaton: WordStartPatterns,
    targets: Vec<(EntryId, Form)>,
}

impl Matcher {
    /// A matcher of non-empty patterns (an empty one names nothing).
    fn new(patterns: Vec<(String, EntryId, Form)>) -> Self {
        let (pats, targets): (Vec<String>, Vec<(EntryId, Form)>) = patterns
            .into_iter()
            .filter(|(p, ..)| !p.is_empty())
            .map(|(p, e, f)| (p, (e, f)))
            .unzip();
        let automaton = WordStartPatterns::new(&pats);
        Matcher { automaton, targets }
    }

    /// The names at whole words in `hay`, as a leftmost-longest search
    /// restarted after each match finds them: at each start the longest
    /// name (the first of equal ones) is the match; a whole-word one is
    /// kept and the search goes on after it, another is dropped and the
    /// search goes on at the next char, so that a rejected name hides no
    /// name that starts later ("via video" does not hide
    /// "videoconference"). A name inside a word is never kept and hides
    /// only names of its own start, so it is left out of the scan.
    fn find(&self, hay: &str) -> Vec<(Range<usize>, EntryId, Form)> {
        let mut hits: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
        self.automaton.each(hay, |start, end, pattern| {
            hits.push((start, std::cmp::Reverse(end), pattern));
        });
        hits.sort_unstable();
        let mut out = Vec::new();
        let mut at = 0;
        let mut last_start = None;
        for (start, std::cmp::Reverse(end), pattern) in hits {
            // Only the first (longest) of a start is the search's match.
            if last_start.replace(start) == Some(start) || start < at {
                continue;
            }
            if at_word_boundaries(hay, &(start..end)) {
                let (entry, form) = self.targets[pattern];
                out.push((start..end, entry, form));
                at = end;
            }
        }
        out
    }
}

/// How many times each char occurs in `s`: ASCII chars by value, every
/// other char in one count (merging chars only lowers [`bag_distance`], so
/// it stays a bound).
fn char_counts(s: &str) -> [u32; 129] {
    let mut counts = [0; 129];
    for c in s.chars() {
        counts[(c as usize).min(128)] += 1;
    }
    counts
}

/// A lower bound of the Levenshtein distance of two strings, from their
/// [`char_counts`]: the chars that one has more of than the other, on the
/// side with more of them. An edit adds, removes or replaces one char, so
/// it closes at most one of each side's.
fn bag_distance(a: &[u32; 129], b: &[u32; 129]) -> usize {
    let (mut more, mut fewer) = (0, 0);
    for (x, y) in a.iter().zip(b) {
        if x > y {
            more += (x - y) as usize;
        } else {
            fewer += (y - x) as usize;
        }
    }
    more.max(fewer)
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
        // The built-in names are checked against the lexicon's function
        // words by a test (they cannot change at run time).
        for (name, source) in data::BUILTIN_FILES {
            let file = GazetteerFile::parse(source, Path::new(name))?;
            file.merge_into(&mut entries, Path::new(name), &|_| false)?;
        }
        data::check_references(&entries, Path::new("data/gazetteer"))?;
        Self::from_entries(entries)
    }

    /// Adds the entries of a user file (same format as
    /// `data/gazetteer/*.toml`), checked as [`GazetteerFile::merge_into`]
    /// says (and a place or body's country, an organization's headquarters,
    /// must be an entry); `is_function_word` tells the words that no name may consist of
    /// (the lexicon's function words). The file must be a regular file of at most
    /// [`crate::files::MAX_DATA_FILE`] bytes.
    pub fn extend_from_file(
        &mut self,
        path: &Path,
        is_function_word: &dyn Fn(&str) -> bool,
    ) -> Result<()> {
        let source = crate::files::read_text(path, crate::files::MAX_DATA_FILE)?;
        let file = GazetteerFile::parse(&source, path)?;
        let mut entries = self.entries.clone();
        file.merge_into(&mut entries, path, is_function_word)?;
        data::check_references(&entries, path)?;
        *self = Self::from_entries(entries)?;
        Ok(())
    }

    /// Builds a gazetteer from entries.
    pub fn from_entries(entries: Vec<Entry>) -> Result<Self> {
        let mut by_id = HashMap::new();
        let mut by_name = HashMap::new();
        let mut folded = Vec::new();
        let mut acronyms = Vec::new();
        let mut hubs = Vec::new();
        let mut org_names = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if e.kind == EntityKind::Organization {
                for name in std::iter::once(&e.name).chain(&e.aliases) {
                    let f = fold(name);
                    org_names.push((f.chars().count(), f, i));
                }
            }
            if by_id.insert(e.id.clone(), i).is_some() {
                return Err(Error::data("gazetteer", format!("duplicate id {}", e.id)));
            }
            if e.hub {
                hubs.push(i);
            }
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
        let [hub] = hubs[..] else {
            return Err(Error::data(
                "gazetteer",
                format!(
                    "exactly one organization must be `hub = true`, found {}",
                    hubs.len()
                ),
            ));
        };
        org_names.sort();
        Ok(Gazetteer {
            entries,
            by_id,
            by_name,
            folded: Matcher::new(folded),
            acronyms: Matcher::new(acronyms),
            org_names,
            hub,
        })
    }

    /// Every entity named in `text`, in order, without overlaps (the longest
    /// name wins), each at word boundaries.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_folded(text, &Folded::new(text).whole())
    }

    /// [`Gazetteer::find`] with the folded text already at hand.
    pub fn find_folded(&self, text: &str, folded: &FoldedSlice) -> Vec<Mention> {
        let mut found: Vec<Mention> = Vec::new();
        for (range, entry, form) in self.folded.find(folded.text) {
            found.push(Mention {
                range: folded.original_range(range),
                entry,
                form,
            });
        }
        for (range, entry, form) in self.acronyms.find(text) {
            found.push(Mention { range, entry, form });
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

    /// The organization one of whose names is spelled closest to `name`,
    /// if its normalized Levenshtein similarity (folded) reaches `min`.
    /// Only names of a length that can reach it, starting with the same
    /// letter, are compared, and only when their chars can (see
    /// [`bag_distance`]).
    ///
    /// ```
    /// let g = diplograph::gazetteer::Gazetteer::builtin().unwrap();
    /// let e = g.similar_organization("World Health Organisation", 0.9).unwrap();
    /// assert_eq!(g.entry(e).id, "org:who");
    /// assert!(g.similar_organization("Lake Chad Fishing Club", 0.9).is_none());
    /// ```
    pub fn similar_organization(&self, name: &str, min: f64) -> Option<EntryId> {
        let folded = fold(name);
        let n = folded.chars().count();
        // |a| - |b| <= (1 - min) * max(|a|, |b|) is needed to reach `min`.
        let lo = (n as f64 * min).floor() as usize;
        let hi = (n as f64 / min).ceil() as usize;
        let from = self.org_names.partition_point(|(len, ..)| *len < lo);
        let counts = char_counts(&folded);
        self.org_names[from..]
            .iter()
            .take_while(|(len, ..)| *len <= hi)
            // Spellings of one name start alike; the rest is not worth a comparison.
            .filter(|(_, f, _)| f.chars().next() == folded.chars().next())
            // The similarity is at most what the bound allows (a division
            // and a subtraction keep the order of f64s), so a name whose
            // bound misses `min` cannot reach it.
            .filter(|(len, f, _)| {
                let longest = (*len).max(n) as f64;
                1.0 - bag_distance(&counts, &char_counts(f)) as f64 / longest >= min
            })
            .map(|(_, f, e)| (strsim::normalized_levenshtein(f, &folded), *e))
            .filter(|(sim, _)| *sim >= min)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, e)| e)
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

    /// A country's capital, where the countries file gives it: a
    /// dispatch whose dateline names the country was filed there
    /// ("KUWAIT, Jan 20 (KUNA)").
    ///
    /// ```
    /// use diplograph::gazetteer::Gazetteer;
    /// let g = Gazetteer::builtin().unwrap();
    /// let kuwait = g.by_id("country:KW").unwrap();
    /// assert_eq!(g.entry(g.capital(kuwait).unwrap()).name, "Kuwait City");
    /// assert_eq!(g.capital(g.by_id("place:rabat").unwrap()), None);
    /// ```
    pub fn capital(&self, country: EntryId) -> Option<EntryId> {
        self.by_id(self.entries.get(country)?.capital.as_deref()?)
    }

    /// The publishing organization (the default publisher of a document,
    /// see [`crate::extract`]).
    pub fn hub(&self) -> EntryId {
        self.hub
    }

    /// Makes `query` (an id, name, alias or acronym, as `--hub` takes it)
    /// the publishing organization. A query that names no organization is
    /// an [`Error::UnknownEntity`] with the closest organization names as
    /// suggestions; one that names an entity of another kind is an
    /// [`Error::NotAnOrganization`].
    ///
    /// ```
    /// use diplograph::{Error, gazetteer::Gazetteer};
    /// let mut g = Gazetteer::builtin().unwrap();
    /// assert_eq!(g.entry(g.hub()).id, "org:icesco");
    /// g.set_hub("ALECSO").unwrap();
    /// assert_eq!(g.entry(g.hub()).id, "org:alecso");
    /// let err = g.set_hub("UNESCOO").unwrap_err();
    /// assert!(matches!(&err, Error::UnknownEntity { suggestions, .. } if suggestions[0] == "UNESCO"), "{err}");
    /// assert!(matches!(g.set_hub("Japon"), Err(Error::NotAnOrganization { .. })));
    /// assert_eq!(g.entry(g.hub()).id, "org:alecso", "a failed choice changes nothing");
    /// ```
    pub fn set_hub(&mut self, query: &str) -> Result<EntryId> {
        let Some(e) = self.by_id(query.trim()).or_else(|| self.lookup(query)) else {
            return Err(Error::UnknownEntity {
                query: query.to_string(),
                suggestions: self.organizations_like(query),
            });
        };
        let entry = &self.entries[e];
        if entry.kind != EntityKind::Organization {
            return Err(Error::NotAnOrganization {
                query: query.to_string(),
                id: entry.id.clone(),
            });
        }
        self.hub = e;
        Ok(e)
    }

    /// Up to three organizations one of whose names or acronyms is spelled
    /// like `query` (normalized Levenshtein, folded, at least 0.5), closest
    /// first, each by its main acronym (or its name).
    fn organizations_like(&self, query: &str) -> Vec<String> {
        let q = fold(query.trim());
        let mut scored: Vec<(f64, &str)> = self
            .entries
            .iter()
            .filter(|e| e.kind == EntityKind::Organization)
            .filter_map(|e| {
                let best = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .chain(&e.acronyms)
                    .map(|n| strsim::normalized_levenshtein(&fold(n), &q))
                    .fold(0.0, f64::max);
                let shown = e.acronyms.first().unwrap_or(&e.name);
                (best >= 0.5).then_some((best, shown.as_str()))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, n)| n.to_string())
            .collect()
    }

    /// The contract's view of an entry.
    pub fn entity(&self, id: EntryId) -> Entity {
        self.entries[id].entity()
    }
}

/// A gazetteer and the entries one document adds to it: organizations
/// recognized by their form ("Sahel Youth Council (SYC)") that no
/// gazetteer entry names. Added entries get ids after the gazetteer's own,
/// so a [`Mention`] may point at either.
///
/// ```
/// use diplograph::gazetteer::{Entities, Entry, Gazetteer};
/// use diplograph::model::EntityKind;
/// let g = Gazetteer::builtin().unwrap();
/// let mut doc = Entities::new(&g);
/// let entry = Entry::organization("org:lake-chad-academy", "Lake Chad Academy", Some("LCA"));
/// let id = doc.add(entry.clone());
/// assert_eq!(doc.add(entry), id, "the same id is one entry");
/// assert_eq!(doc.entry(id).name, "Lake Chad Academy");
/// assert_eq!(doc.entity(doc.hub()).id, "org:icesco");
/// // First seen by its acronym alone, then by its name: one entry.
/// let first = doc.add(Entry::organization("org:sfn", "SFN", Some("SFN")));
/// let named = doc.add(Entry::organization("org:sahel-film-network", "Sahel Film Network", Some("SFN")));
/// assert_eq!((first, doc.entry(first).name.as_str()), (named, "Sahel Film Network"));
/// ```
#[derive(Debug, Clone)]
pub struct Entities<'a> {
    base: &'a Gazetteer,
    added: Vec<Entry>,
    /// The document's publisher.
    hub: EntryId,
}

impl<'a> Entities<'a> {
    /// The gazetteer alone, its hub publishing.
    pub fn new(base: &'a Gazetteer) -> Self {
        Self::published_by(base, base.hub())
    }

    /// The gazetteer alone, for a document that `hub` (an entry of the
    /// gazetteer) publishes.
    pub fn published_by(base: &'a Gazetteer, hub: EntryId) -> Self {
        Entities {
            base,
            added: Vec::new(),
            hub,
        }
    }

    /// The underlying gazetteer.
    pub fn gazetteer(&self) -> &'a Gazetteer {
        self.base
    }

    /// Adds an entry, or returns the one with its id (gaining its acronyms).
    pub fn add(&mut self, entry: Entry) -> EntryId {
        if let Some(i) = self.base.by_id(&entry.id) {
            return i;
        }
        let n = self.base.entries.len();
        // An organization first seen by its acronym alone ("BNRM") gains its
        // name when the document spells it out ("… du Maroc (BNRM)").
        let by_acronym = self.added.iter().position(|e| {
            e.name.len() <= 10
                && e.acronyms.first() == Some(&e.name)
                && entry.acronyms.contains(&e.name)
        });
        if let Some(i) = by_acronym {
            let acronyms = std::mem::take(&mut self.added[i].acronyms);
            self.added[i] = entry;
            for a in acronyms {
                if !self.added[i].acronyms.contains(&a) {
                    self.added[i].acronyms.push(a);
                }
            }
            return n + i;
        }
        match self.added.iter().position(|e| e.id == entry.id) {
            Some(i) => {
                let known = &mut self.added[i];
                for a in entry.acronyms {
                    if !known.acronyms.contains(&a) {
                        known.acronyms.push(a);
                    }
                }
                n + i
            }
            None => {
                self.added.push(entry);
                n + self.added.len() - 1
            }
        }
    }

    /// True for an entry added to the gazetteer's.
    pub fn is_added(&self, id: EntryId) -> bool {
        id >= self.base.entries.len()
    }

    /// The entries added, in order.
    pub fn added(&self) -> &[Entry] {
        &self.added
    }

    /// The entries added, once the document is read.
    pub fn into_added(self) -> Vec<Entry> {
        self.added
    }

    /// The entry at `id`, from the gazetteer or the added ones.
    pub fn entry(&self, id: EntryId) -> &Entry {
        let n = self.base.entries.len();
        if id < n {
            &self.base.entries[id]
        } else {
            &self.added[id - n]
        }
    }

    /// The entry with this id string.
    pub fn by_id(&self, id: &str) -> Option<EntryId> {
        self.base.by_id(id).or_else(|| {
            self.added
                .iter()
                .position(|e| e.id == id)
                .map(|i| self.base.entries.len() + i)
        })
    }

    /// The document's publishing organization.
    pub fn hub(&self) -> EntryId {
        self.hub
    }

    /// The contract's view of an entry.
    pub fn entity(&self, id: EntryId) -> Entity {
        self.entry(id).entity()
    }
}

impl Entry {
    /// An organization with a name and an optional acronym.
    pub fn organization(id: &str, name: &str, acronym: Option<&str>) -> Entry {
        Entry {
            id: id.to_string(),
            kind: EntityKind::Organization,
            name: name.to_string(),
            aliases: Vec::new(),
            acronyms: acronym.into_iter().map(str::to_string).collect(),
            demonyms: Vec::new(),
            iso: None,
            hub: false,
            headquarters: None,
            capital: None,
            head: Vec::new(),
            head_titles: Vec::new(),
        }
    }

    /// An initiative with a name.
    pub fn initiative(id: &str, name: &str) -> Entry {
        Entry {
            kind: EntityKind::Initiative,
            acronyms: Vec::new(),
            ..Entry::organization(id, name, None)
        }
    }
}

impl Entry {
    /// The contract's view of the entry.
    pub fn entity(&self) -> Entity {
        let e = self;
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
    use aho_corasick::{AhoCorasick, MatchKind};

    /// What [`Matcher::find`] stands for: a leftmost-longest search
    /// restarted after each match, a rejected one at its next char.
    fn restarted(patterns: &[&str], hay: &str) -> Vec<(Range<usize>, usize)> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap();
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(m) = ac.find(aho_corasick::Input::new(hay).range(at..)) {
            let next_char = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
            if at_word_boundaries(hay, &m.range()) {
                out.push((m.range(), m.pattern().as_usize()));
                at = m.end();
            } else {
                at = next_char;
            }
            if at >= hay.len() {
                break;
            }
        }
        out
    }

    #[test]
    fn the_bag_distance_bounds_the_levenshtein_distance() {
        let names = [
            "",
            "a",
            "organisation mondiale de la sante",
            "organization mondiale de la santé",
            "world health organization",
            "world health organisation",
            "islamic world educational, scientific and cultural organization",
            "banque islamique de developpement",
            "abc",
            "cba",
            "aab",
            "éèê",
            "eee",
        ];
        for a in names {
            for b in names {
                let bound = bag_distance(&char_counts(a), &char_counts(b));
                assert!(bound <= strsim::levenshtein(a, b), "{a:?} {b:?}");
            }
        }
        assert_eq!(bag_distance(&char_counts("abc"), &char_counts("cba")), 0);
        assert_eq!(bag_distance(&char_counts("abc"), &char_counts("abd")), 1);
        assert_eq!(bag_distance(&char_counts("abcd"), &char_counts("x")), 4);
    }

    #[test]
    fn one_overlapping_scan_finds_what_the_restarted_search_finds() {
        let patterns = [
            "via video",
            "videoconference",
            "oman",
            "omanais",
            "emirats arabes unis",
            "emirats",
            "arabes",
            "unis",
            "l'union",
            "union africaine",
            "union",
            "oman",
        ];
        let matcher = Matcher::new(
            patterns
                .iter()
                .enumerate()
                .map(|(i, p)| (p.to_string(), i, Form::Name))
                .collect(),
        );
        for hay in [
            "held via videoconference with oman",
            "omanais et oman. les emirats arabes unis, l'union africaine",
            "xoman omanx oman-oman emirats arabes union africain l'unionafricaine",
            "emirats arabes unisvia videoconference",
            "",
            "é oman é",
        ] {
            let got: Vec<(Range<usize>, usize)> = matcher
                .find(hay)
                .into_iter()
                .map(|(r, e, _)| (r, e))
                .collect();
            assert_eq!(got, restarted(&patterns, hay), "{hay}");
        }
    }

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

    /// Every folded name, alias and demonym, and every acronym, belongs to
    /// one entry only: a shared name would make the matcher pick an entry
    /// at random.
    #[test]
    fn no_name_is_shared_by_two_entries() {
        let g = Gazetteer::builtin().unwrap();
        // Pairs that truly share a name; none needed so far.
        let allowed: &[(&str, &str, &str)] = &[];
        let mut owner: HashMap<String, &str> = HashMap::new();
        let mut collisions = Vec::new();
        for e in g.entries() {
            let folded = std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.demonyms)
                .map(|n| fold(n));
            let acronyms = e.acronyms.iter().map(|a| format!("acronym {a}"));
            let mut mine: Vec<String> = folded.chain(acronyms).collect();
            mine.sort();
            mine.dedup();
            for n in mine {
                match owner.get(&n) {
                    Some(&other)
                        if !allowed
                            .iter()
                            .any(|&(a, b, x)| x == n && (a, b) == (other, &e.id)) =>
                    {
                        collisions.push(format!("{n:?}: {other} and {}", e.id));
                    }
                    Some(_) => {}
                    None => {
                        owner.insert(n, &e.id);
                    }
                }
            }
        }
        assert!(
            collisions.is_empty(),
            "shared names:\n{}",
            collisions.join("\n")
        );
    }

    #[test]
    fn ids_have_the_prefix_of_their_kind() {
        let g = Gazetteer::builtin().unwrap();
        for e in g.entries() {
            let prefix = format!("{}:", e.kind.prefix());
            assert!(e.id.starts_with(&prefix), "{} is a {:?}", e.id, e.kind);
            let slug = &e.id[prefix.len()..];
            if e.kind == EntityKind::Country {
                assert!(
                    slug.len() == 2 && slug.chars().all(|c| c.is_ascii_uppercase()),
                    "{}",
                    e.id
                );
                assert_eq!(e.iso.as_deref(), Some(slug), "{}", e.id);
            } else {
                assert!(
                    !slug.is_empty()
                        && slug
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{} is not a lowercase slug",
                    e.id
                );
            }
            assert!(!e.name.trim().is_empty(), "{} has no name", e.id);
        }
    }

    #[test]
    fn references_point_at_known_entries() {
        let g = Gazetteer::builtin().unwrap();
        for e in g.entries() {
            if let Some(hq) = &e.headquarters {
                let at = g
                    .by_id(hq)
                    .unwrap_or_else(|| panic!("{}: unknown {hq}", e.id));
                assert_eq!(g.entry(at).kind, EntityKind::Place, "{}: {hq}", e.id);
            }
            if e.kind != EntityKind::Country
                && let Some(iso) = &e.iso
            {
                assert!(
                    g.by_id(&format!("country:{iso}")).is_some(),
                    "{}: {iso}",
                    e.id
                );
            }
        }
        for e in g.entries().iter().filter(|e| e.kind == EntityKind::Place) {
            assert!(e.iso.is_some(), "{} has no country", e.id);
        }
    }

    #[test]
    fn canonical_names_are_common_english_names() {
        let g = Gazetteer::builtin().unwrap();
        for (id, name) in [
            ("country:IR", "Iran"),
            ("country:AE", "United Arab Emirates"),
            ("country:BH", "Bahrain"),
            ("country:KG", "Kyrgyzstan"),
            ("country:GM", "Gambia"),
            ("country:TJ", "Tajikistan"),
            ("country:CN", "China"),
            ("country:PS", "Palestine"),
            ("country:SY", "Syria"),
            ("country:RU", "Russia"),
            ("country:GB", "United Kingdom"),
            ("country:US", "United States"),
            ("country:XK", "Kosovo"),
            ("org:oic", "Organisation of Islamic Cooperation"),
            (
                "org:fao",
                "Food and Agriculture Organization of the United Nations",
            ),
            ("org:wfp", "World Food Programme"),
            (
                "org:osce",
                "Organization for Security and Co-operation in Europe",
            ),
            ("place:jeddah", "Jeddah"),
            ("place:astana", "Astana"),
        ] {
            let e = g.entry(g.by_id(id).unwrap_or_else(|| panic!("{id} missing")));
            assert_eq!(e.name, name, "{id}");
        }
    }

    /// Each text must yield exactly these ids, in order.
    #[test]
    fn finds_every_form_table() {
        let g = Gazetteer::builtin().unwrap();
        let cases: &[(&str, &[&str])] = &[
            // French demonyms, all four forms.
            ("un diplomate japonais", &["country:JP"]),
            ("une délégation japonaise", &["country:JP"]),
            ("les universités japonaises", &["country:JP"]),
            ("le ministre émirati", &["country:AE"]),
            ("la partie émiratie", &["country:AE"]),
            ("des experts émiratis", &["country:AE"]),
            ("des institutions émiraties", &["country:AE"]),
            ("le vice-ministre ouzbek", &["country:UZ"]),
            ("la partie ouzbèke", &["country:UZ"]),
            ("des chercheurs ouzbeks", &["country:UZ"]),
            ("des villes ouzbèkes", &["country:UZ"]),
            ("un ambassadeur argentin", &["country:AR"]),
            ("une ministre argentine", &["country:AR"]),
            ("les autorités soudanaises", &["country:SD"]),
            ("le peuple libanais", &["country:LB"]),
            ("la vice-présidente iranienne", &["country:IR"]),
            ("des étudiants iraniens", &["country:IR"]),
            ("la délégation bahreïnie", &["country:BH"]),
            ("le ministre azerbaïdjanais", &["country:AZ"]),
            ("la partie marocaine", &["country:MA"]),
            ("un artiste burkinabè", &["country:BF"]),
            ("des jeunes kirghizes", &["country:KG"]),
            ("la délégation tadjike", &["country:TJ"]),
            ("les musées singapouriens", &["country:SG"]),
            ("le ministre nigérien", &["country:NE"]),
            ("le ministre nigérian", &["country:NG"]),
            ("l’ambassadrice équato-guinéenne", &["country:GQ"]),
            ("le ministre guinéen", &["country:GN"]),
            ("la partie turque", &["country:TR"]),
            ("la culture grecque", &["country:GR"]),
            // English demonyms.
            ("the Emirati minister", &["country:AE"]),
            ("the Malaysian delegation", &["country:MY"]),
            ("the Nigerian Chargé d’Affaires", &["country:NG"]),
            ("the Nigerien minister", &["country:NE"]),
            ("the Azerbaijani Ambassador", &["country:AZ"]),
            ("The New Zealander diplomat", &["country:NZ"]),
            ("the Iraqi Embassy", &["country:IQ"]),
            ("the Chinese Embassy", &["country:CN"]),
            ("Tajik experts", &["country:TJ"]),
            ("an Uzbek scholar", &["country:UZ"]),
            ("Kyrgyz heritage", &["country:KG"]),
            ("Moroccan Expatriates", &["country:MA"]),
            ("Senegalese sites", &["country:SN"]),
            ("a Gambian poet", &["country:GM"]),
            ("the Qatari side", &["country:QA"]),
            // Long forms and variants, both languages.
            ("la République argentine", &["country:AR"]),
            ("le Royaume du Bahreïn", &["country:BH"]),
            ("l’Empire japonais", &["country:JP"]),
            ("la République islamique d’Iran", &["country:IR"]),
            ("the Islamic Republic of Iran", &["country:IR"]),
            ("la République Libanaise", &["country:LB"]),
            ("la République du Soudan", &["country:SD"]),
            ("la République d’Ouzbékistan", &["country:UZ"]),
            ("the Republic of Kazakhstan", &["country:KZ"]),
            (
                "la République Algérienne Démocratique et Populaire",
                &["country:DZ"],
            ),
            ("le Royaume du Maroc", &["country:MA"]),
            ("the Kingdom of Morocco", &["country:MA"]),
            ("la République fédérale du Brésil", &["country:BR"]),
            ("la République fédérative du Brésil", &["country:BR"]),
            ("the People’s Republic of China", &["country:CN"]),
            ("the State of Qatar", &["country:QA"]),
            ("l’Etat des Emirats", &["country:AE"]),
            ("les Émirats arabes unis", &["country:AE"]),
            ("the UAE", &["country:AE"]),
            ("the Gambia", &["country:GM"]),
            ("the Republic of the Gambia", &["country:GM"]),
            ("the Republic of Tajikistan", &["country:TJ"]),
            ("la République du Yémen", &["country:YE"]),
            ("le Kirghizistan", &["country:KG"]),
            ("the Kyrgyz Republic", &["country:KG"]),
            ("Turkey and Türkiye", &["country:TR", "country:TR"]),
            ("la Russie", &["country:RU"]),
            ("la Syrie", &["country:SY"]),
            ("l’État de Palestine", &["country:PS"]),
            ("le Kosovo", &["country:XK"]),
            ("le Sahara occidental", &["country:EH"]),
            ("Taïwan et Hong Kong", &["country:TW", "country:HK"]),
            ("l’île Maurice", &["country:MU"]),
            ("la République démocratique du Congo", &["country:CD"]),
            ("la Guinée équatoriale", &["country:GQ"]),
            ("la Guinée-Bissau", &["country:GW"]),
            ("le Niger et le Nigeria", &["country:NE", "country:NG"]),
            // Organizations: names in both languages and acronyms.
            (
                "l’Organisation de la Coopération Islamique (OCI)",
                &["org:oic", "org:oic"],
            ),
            (
                "the Organization of Islamic Cooperation (OIC)",
                &["org:oic", "org:oic"],
            ),
            ("the Organisation of Islamic Cooperation", &["org:oic"]),
            (
                "l’Organisation pour la Sécurité et la Coopération en Europe (OSCE)",
                &["org:osce", "org:osce"],
            ),
            ("the World Food Program (WFP)", &["org:wfp", "org:wfp"]),
            (
                "le Programme alimentaire mondial (PAM)",
                &["org:wfp", "org:wfp"],
            ),
            (
                "l’Organisation des Nations Unies pour l’alimentation et l’agriculture",
                &["org:fao"],
            ),
            ("L’ICESCO et la FAO", &["org:icesco", "org:fao"]),
            (
                "the United Nations Educational, Scientific and Cultural Organization (UNESCO)",
                &["org:unesco", "org:unesco"],
            ),
            ("la Ligue islamique mondiale", &["org:mwl"]),
            ("the Muslim World League (MWL)", &["org:mwl", "org:mwl"]),
            (
                "l’Agence japonaise de coopération internationale (JICA)",
                &["org:jica", "org:jica"],
            ),
            ("the Japan International Cooperation Agency", &["org:jica"]),
            (
                "l’Alliance des Civilisations des Nations Unies (UNAOC)",
                &["org:unaoc", "org:unaoc"],
            ),
            (
                "the United Nations Alliance of Civilizations",
                &["org:unaoc"],
            ),
            (
                "la Fédération des Universités du Monde Islamique (FUMI)",
                &["org:fumi", "org:fumi"],
            ),
            (
                "the Federation of the Universities of the Islamic World",
                &["org:fumi"],
            ),
            ("the Milli Majlis", &["org:milli-majlis"]),
            (
                "the Islamic Development Bank (IsDB)",
                &["org:isdb", "org:isdb"],
            ),
            (
                "la Banque islamique de développement (BID)",
                &["org:isdb", "org:isdb"],
            ),
            (
                "l’Union africaine (UA) et l’Union européenne (UE)",
                &["org:au", "org:au", "org:eu", "org:eu"],
            ),
            ("la Ligue des États arabes", &["org:arab-league"]),
            (
                "the Arab League and ALECSO",
                &["org:arab-league", "org:alecso"],
            ),
            ("le HCR et l’UNHCR", &["org:unhcr", "org:unhcr"]),
            ("l’ONU et le UN", &["org:un", "org:un"]),
            (
                "the GCC, SESRIC, IRCICA and the ISF",
                &["org:gcc", "org:sesric", "org:ircica", "org:isf"],
            ),
            ("Al-Azhar Al-Sharif", &["org:al-azhar"]),
            // Every name of the hub.
            ("ICESCO, ISESCO, Isiesco et IСESCO", &["org:icesco"; 4]),
            (
                "the Islamic World Educational, Scientific, and Cultural Organization",
                &["org:icesco"],
            ),
            (
                "the Islamic World Educational, Scientific and Cultural Organisation",
                &["org:icesco"],
            ),
            (
                "the Islamic Educational, Scientific and Cultural Organization",
                &["org:icesco"],
            ),
            (
                "The Islamic World Organization for Education, Science and Culture",
                &["org:icesco"],
            ),
            (
                "l’Organisation du Monde Islamique pour l’Éducation, les Sciences et la Culture",
                &["org:icesco"],
            ),
            (
                "l’Organisation islamique pour l’éducation, les sciences et la culture",
                &["org:icesco"],
            ),
            (
                "l’Organisation islamique pour l’Education, la Science et la Culture",
                &["org:icesco"],
            ),
            // Initiatives.
            (
                "le Foyer numérique de l’ICESCO",
                &["initiative:icesco-digital-home"],
            ),
            ("ICESCO Digital Home", &["initiative:icesco-digital-home"]),
            (
                "l’initiative « Les sociétés que nous voulons »",
                &["initiative:societies-we-want"],
            ),
            (
                "the Societies We Want forum",
                &["initiative:societies-we-want"],
            ),
            (
                "la Liste du patrimoine dans le monde islamique",
                &["initiative:islamic-world-heritage-list"],
            ),
            (
                "ICESCO’s Islamic World Heritage List",
                &["org:icesco", "initiative:islamic-world-heritage-list"],
            ),
            (
                "ICESCO’s CIWCC",
                &["org:icesco", "initiative:culture-capitals"],
            ),
            (
                "le Prix ICESCO pour la lutte contre le coronavirus",
                &["initiative:covid-prize"],
            ),
            (
                "ICESCO Prize for Fighting against the Coronavirus",
                &["initiative:covid-prize"],
            ),
            (
                "the Pioneering Women Oscar",
                &["initiative:pioneering-women-oscar"],
            ),
            (
                "Teaching Arabic to non-Arabic Speakers",
                &["initiative:teaching-arabic"],
            ),
            ("Distance Culture", &["initiative:distance-culture"]),
            // Places, French and English names.
            (
                "à Marrakech et à Marrakesh",
                &["place:marrakesh", "place:marrakesh"],
            ),
            ("de Fès à Tanger", &["place:fez", "place:tangier"]),
            ("à Bakou et à Choucha", &["place:baku", "place:shusha"]),
            ("Nur-Sultan, Astana", &["place:astana", "place:astana"]),
            (
                "à Tachkent, Boukhara et Samarcande",
                &["place:tashkent", "place:bukhara", "place:samarkand"],
            ),
            (
                "à Douchanbé et à Bichkek",
                &["place:dushanbe", "place:bishkek"],
            ),
            (
                "à Djeddah, Riyad, La Mecque et Médine",
                &[
                    "place:jeddah",
                    "place:riyadh",
                    "place:mecca",
                    "place:medina",
                ],
            ),
            (
                "au Caire et à Alexandrie",
                &["place:cairo", "place:alexandria"],
            ),
            (
                "à Abou Dhabi et à Dubaï",
                &["place:abu-dhabi", "place:dubai"],
            ),
            ("à Mascate et à Beyrouth", &["place:muscat", "place:beirut"]),
            ("à Pékin et à Genève", &["place:beijing", "place:geneva"]),
            (
                "à Lisbonne, Londres et Bruxelles",
                &["place:lisbon", "place:london", "place:brussels"],
            ),
            ("in Zaamin", &["place:zaamin"]),
            ("à Yaoundé", &["place:yaounde"]),
            ("à N’Djamena", &["place:ndjamena"]),
            // Negatives: common words, first names, lowercase acronyms.
            ("who said un oms", &[]),
            ("lors de la réunion de travail", &[]),
            ("M. Maurice et Mme Dominique", &[]),
            ("polish the text", &[]),
            ("une grenade", &[]),
            ("Salvador Dalí", &[]),
            ("elle vienne à Nice pour les tours", &[]),
            ("a sale in Split", &[]),
            ("le Congolais", &[]),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            let got = ids(&g, text);
            if got != *want {
                failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn exclusions_are_applied_and_checked() {
        let g = Gazetteer::builtin().unwrap();
        assert_eq!(g.lookup("Maurice"), None);
        assert_eq!(g.lookup("Réunion"), None);
        assert_eq!(g.lookup("île Maurice"), g.by_id("country:MU"));
        let mu = g.entry(g.by_id("country:MU").unwrap());
        assert!(!mu.aliases.iter().any(|a| a == "Maurice"));
        // A name the entry lacks, or its canonical name, cannot be excluded.
        for exclude in ["Nowhere", "Japan"] {
            let mut entries = data::countries().unwrap();
            let file = GazetteerFile::parse(
                &format!("[[country]]\niso = \"JP\"\nexclude = [\"{exclude}\"]\n"),
                Path::new("t.toml"),
            )
            .unwrap();
            assert!(
                file.merge_into(&mut entries, Path::new("t.toml"), &|_| false)
                    .is_err(),
                "{exclude}"
            );
        }
    }

    /// A user file's entries merged into the built-in ones, checked
    /// against the built-in lexicon's function words.
    fn user_file(text: &str) -> Result<Gazetteer> {
        let lexicon = crate::extract::Lexicon::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.toml");
        std::fs::write(&path, text).unwrap();
        let mut g = Gazetteer::builtin().unwrap();
        g.extend_from_file(&path, &|w| lexicon.is_function_word(w))?;
        Ok(g)
    }

    #[test]
    fn user_files_are_checked() {
        let cases = [
            (
                "[[organization]]\nid = \"org:x\"\nname = \"X Y\"\nacronyms = [\"\"]\n",
                "org:x: empty acronym \"\"",
            ),
            (
                "[[organization]]\nid = \"org:x\"\nname = \"  \"\n",
                "org:x: empty name",
            ),
            (
                "[[country]]\niso = \"FR\"\naliases = [\"la\"]\n",
                "country:FR: alias \"la\" is made of function words only",
            ),
            (
                "[[place]]\nid = \"place:x\"\nname = \"The\"\ncountry = \"FR\"\n",
                "place:x: name \"The\" is made of function words only",
            ),
            (
                "[[country]]\niso = \"JP\"\ndemonyms = [\"de la\"]\n",
                "demonym \"de la\" is made of function words only",
            ),
            (
                "[[country]]\niso = \"QQQ\"\nname = \"Q\"\n",
                "\"QQQ\" is not an ISO 3166-1 alpha-2 code",
            ),
            (
                "[[country]]\niso = \"JA\"\nname = \"Japan again\"\n",
                "\"JA\" is not an ISO 3166-1 alpha-2 code",
            ),
            (
                "[[place]]\nid = \"place:x\"\nname = \"Xville\"\ncountry = \"YY\"\n",
                "place:x: country \"YY\" is unknown",
            ),
            (
                "[[organization]]\nid = \"org:x\"\nname = \"X Y\"\nheadquarters = \"place:nowhere\"\n",
                "org:x: headquarters \"place:nowhere\" is no known place",
            ),
            (
                "[[country]]\niso = \"JP\"\ncapital = \"place:rabat\"\n",
                "country:JP: capital \"place:rabat\" is no known place of it",
            ),
            (
                "[[place]]\nid = \"place:x\"\nname = \"Xville\"\n[[place]]\nid = \"place:x\"\nname = \"Xtown\"\n",
                "place:x is given twice",
            ),
            (
                "[[organization]]\nid = \"who\"\nname = \"W H O\"\n",
                "id who of an entry of [[organization]] must start with `org:`",
            ),
            (
                "[[initiative]]\nname = \"A coalition\"\n",
                "an entry of [[initiative]] needs an id (name \"A coalition\")",
            ),
            (
                "[[country]]\nname = \"Atlantis\"\n",
                "an entry of [[country]] needs an iso (name \"Atlantis\")",
            ),
        ];
        for (text, want) in cases {
            let err = user_file(text)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                err.contains("mine.toml: ") && err.contains(want),
                "{text}: {err:?}"
            );
        }
        // user-assigned codes, and a place in a country the file adds
        let g = user_file(
            "[[country]]\niso = \"XA\"\nname = \"Atlantis\"\n\
             [[place]]\nid = \"place:poseidonia\"\nname = \"Poseidonia\"\ncountry = \"XA\"\n",
        )
        .unwrap();
        assert_eq!(
            ids(&g, "in Poseidonia, Atlantis"),
            ["place:poseidonia", "country:XA"]
        );
    }

    #[test]
    fn builtin_names_are_not_function_words() {
        let lexicon = crate::extract::Lexicon::builtin().unwrap();
        let g = Gazetteer::builtin().unwrap();
        let mut bad = Vec::new();
        for e in g.entries() {
            let names = std::iter::once(&e.name)
                .chain(&e.aliases)
                .chain(&e.demonyms);
            for n in names {
                let folded = fold(n);
                let mut words = folded
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .filter(|w| !w.is_empty());
                if words.all(|w| lexicon.is_function_word(w)) {
                    bad.push(format!("{}: {n:?}", e.id));
                }
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn keshvar_long_names_lose_their_article() {
        let g = Gazetteer::builtin().unwrap();
        let text = "the Kingdom of Bahrain";
        let m = &g.find(text)[0];
        assert_eq!(&text[m.range.clone()], "Kingdom of Bahrain");
        // "Antiguan, Barbudan" is split into two demonyms.
        assert_eq!(
            ids(&g, "Antiguan and Barbudan"),
            ["country:AG", "country:AG"]
        );
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

    #[test]
    fn organizations_declare_their_head_and_others_cannot() {
        let g = user_file(
            "[[organization]]\nid = \"org:oic\"\nhead_title = [\"Secretary-General\"]\n\
             [[organization]]\nid = \"org:unesco\"\nhead = [\"Audrey Azoulay\", \"A. N. Other\"]\n",
        )
        .unwrap();
        let oic = g.entry(g.by_id("org:oic").unwrap());
        assert_eq!(oic.head_titles, ["Secretary-General"]);
        // A name the built-in entry has is not repeated.
        let unesco = g.entry(g.by_id("org:unesco").unwrap());
        assert_eq!(
            unesco.head,
            ["Khaled El-Enany", "Audrey Azoulay", "A. N. Other"]
        );
        for (text, message) in [
            (
                "[[country]]\niso = \"JP\"\nhead = [\"Someone Else\"]\n",
                "country:JP: only an organization has a head or head_title",
            ),
            (
                "[[organization]]\nid = \"org:oic\"\nhead_title = [\" \"]\n",
                "org:oic: empty head_title",
            ),
        ] {
            let err = user_file(text).unwrap_err().to_string();
            assert!(err.contains(message), "{err}");
        }
        // Extending the gazetteer keeps the `hub = true` entry the hub.
        assert_eq!(g.entry(g.hub()).id, "org:icesco");
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

    /// Prints the mentions found in the files named by `GAZ_SCAN` (separated
    /// by `:`): `GAZ_SCAN=a.txt:b.txt cargo test --lib gazetteer::dump -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn scan_files() {
        let g = Gazetteer::builtin().unwrap();
        let Ok(paths) = std::env::var("GAZ_SCAN") else {
            return;
        };
        for path in paths.split(':') {
            let text = std::fs::read_to_string(path).unwrap();
            for m in g.find(&text) {
                println!(
                    "{path}\t{}\t{:?}\t{}",
                    g.entry(m.entry).id,
                    m.form,
                    &text[m.range]
                );
            }
        }
    }
}
