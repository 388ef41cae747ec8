//! The language words extraction reads (months, titles, roles, cue verbs),
//! loaded from `data/lexicon/*.toml` and the topic taxonomy from
//! `data/topics.toml`, and the token patterns of `data/lexicon/patterns.toml`.
//! Names, titles, roles and calendar words of every language are merged (a
//! French article quoting an English title still reads right); cue lists
//! and patterns apply to items of their own language
//! ([`Lexicon::for_language`]).
//!
//! Lists are data, keyed by their name in the files: every list not read as
//! a set of words is a phrase list that patterns may name. The phrase lists
//! of a lexicon are also one automaton, so that a sentence is scanned once
//! for all of them ([`Scanned`]) rather than once per list.

use super::patterns::{Pattern, PatternSpec, Patterns};
use crate::error::{Error, Result};
use crate::text::{FoldedSlice, WordStartPatterns, fold, fold_into, offset, with_fold};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const BUILTIN: &[(&str, &str)] = &[
    (
        "data/lexicon/fr.toml",
        include_str!("../../data/lexicon/fr.toml"),
    ),
    (
        "data/lexicon/en.toml",
        include_str!("../../data/lexicon/en.toml"),
    ),
    (
        "data/lexicon/patterns.toml",
        include_str!("../../data/lexicon/patterns.toml"),
    ),
];
const TOPICS: &str = include_str!("../../data/topics.toml");

/// The hasher of the sets looked up once per word: fast, not DoS-resistant (the
/// keys are the lexicon's own words).
type Fast = foldhash::fast::RandomState;
/// Folded words looked up per word of the text.
type WordSet = HashSet<String, Fast>;

/// What a word is in the lexicon's sets of words, looked up once per token
/// ([`Lexicon::classes`]) so that each test of a word is a bit test.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u16);

impl Classes {
    /// A title of one word ([`Lexicon::is_title`]).
    pub const TITLE: Classes = Classes(1);
    /// The first word of a title ([`Lexicon::starts_title`]).
    pub const TITLE_START: Classes = Classes(1 << 1);
    /// [`Lexicon::is_courtesy`].
    pub const COURTESY: Classes = Classes(1 << 2);
    /// A word whose part up to an apostrophe starts a role: the first test
    /// of [`Lexicon::role_head_len`].
    pub const ROLE_START: Classes = Classes(1 << 3);
    /// A role of one word ([`Lexicon::is_role_start`] of the word alone).
    pub const ROLE: Classes = Classes(1 << 4);
    /// A word of the `stopwords` lists: function words and the generic
    /// nouns that stand alone ("the", "qui", "organisation").
    pub const STOPWORD: Classes = Classes(1 << 5);
    /// [`Lexicon::is_not_name`].
    pub const NOT_NAME: Classes = Classes(1 << 6);
    /// [`Lexicon::is_month_or_weekday`].
    pub const CALENDAR: Classes = Classes(1 << 7);
    /// [`Lexicon::is_org_head`].
    pub const ORG_HEAD: Classes = Classes(1 << 8);
    /// [`Lexicon::is_initiative_head`].
    pub const INITIATIVE_HEAD: Classes = Classes(1 << 9);
    /// [`Lexicon::is_org_link`].
    pub const ORG_LINK: Classes = Classes(1 << 10);
    /// [`Lexicon::is_generic_name_word`].
    pub const GENERIC_NAME_WORD: Classes = Classes(1 << 11);

    /// True when the word is in class `c`.
    pub fn has(self, c: Classes) -> bool {
        self.0 & c.0 != 0
    }

    fn with(self, c: Classes) -> Classes {
        Classes(self.0 | c.0)
    }

    fn only(self, c: Classes) -> Classes {
        Classes(self.0 & c.0)
    }
}

/// Lists Rust code reads as sets of folded words, not as phrases.
const WORD_SETS: &[&str] = &[
    "titles",
    "courtesy",
    "roles",
    "stopwords",
    "org_nouns",
    "org_heads",
    "initiative_heads",
    "generic_name_words",
    "name_adjective_endings",
    "markers",
    "month_abbreviations",
];

/// Phrase lists that apply to items of every language; the others apply to
/// items of their file's language.
const SHARED: &[&str] = &["today", "yesterday", "state_body"];

/// One lexicon file: its language, its patterns, the organization words
/// with their English form, and lists of words or phrases by name. Every
/// list not in [`WORD_SETS`] is a phrase list that patterns may name
/// ([`Lexicon::list`]).
#[derive(Debug, Default, Deserialize)]
struct LexiconFile {
    /// The language of the file's cue lists (`fr`, `en`); a file without
    /// one holds patterns for every language (`data/lexicon/patterns.toml`).
    lang: Option<String>,
    #[serde(default)]
    patterns: Vec<PatternSpec>,
    #[serde(default)]
    org_words: Vec<[String; 2]>,
    #[serde(flatten)]
    lists: BTreeMap<String, Vec<String>>,
}

impl LexiconFile {
    fn list(&self, name: &str) -> &[String] {
        self.lists.get(name).map_or(&[], Vec::as_slice)
    }
}

/// The phrase lists Rust code reads, each with an accessor of its name
/// (`lex.meeting()`); a list missing from the files is empty.
macro_rules! read_lists {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// Where each list Rust code reads is in [`Lexicon::lists`].
        #[derive(Debug, Clone)]
        struct ReadLists {
            $($name: usize,)*
        }

        impl ReadLists {
            /// The names of the lists Rust code reads.
            const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            fn new(names: &HashMap<String, usize>, empty: usize) -> Self {
                ReadLists {
                    $($name: names.get(stringify!($name)).copied().unwrap_or(empty),)*
                }
            }
        }

        impl Lexicon {
            $(
                $(#[$doc])*
                pub fn $name(&self) -> &Phrases {
                    &self.lists[self.read.$name]
                }
            )*
        }
    };
}

read_lists! {
    /// Month names (value: month 1–12).
    months,
    /// Weekday names (value: 0 = Monday).
    weekdays,
    today,
    yesterday,
    day_before_yesterday,
    /// The day of the meeting told before ("later in the day", "le même jour").
    same_day,
    /// The day after the meeting told before ("the following day", "le lendemain").
    next_day,
    /// Words after a day of the document's month ("le 3 courant").
    this_month,
    former,
    /// Bodies of a state ("National Commission for UNESCO", "embassy"): a
    /// role in one represents the state it names, not the organization.
    state_body,
    destination,
    org_destination,
    meeting,
    setting,
    setting_open,
    /// Words that refer back to the counterpart state ("ce pays").
    country_reference,
    /// Words that start a new clause after a role (auxiliaries, pronouns).
    clause,
    future,
    not_meeting,
    attendance_after,
    attendance_before,
    videoconference,
    phone,
    hub_head,
    /// How the publisher's releases name it back ("the Organization",
    /// "l'Organisation"): a role that ends on it and names no one else is
    /// the publisher's.
    hub_reference,
    headquarters,
    invite,
    join,
    join_pronoun,
    observer,
    joined,
    /// What two parties sign ("memorandum of understanding", "accord-cadre").
    agreement,
    /// Verbs and nouns of signing ("signed", "inked", "la signature").
    agreement_signed,
    /// Passive signing after the agreement ("was signed", "a été signé").
    agreement_passive,
    /// Words between a unit and its organization ("of", "relevant de").
    unit_of,
    /// Words that join two parties ("and", "et l'").
    coordination,
    /// Articles between a preposition and a name ("the", "la", "l'").
    articles,
    /// Articles after which a lower-case head noun opens a name, in a
    /// language that writes institutions so ("l'université virtuelle du
    /// Sénégal").
    lower_name_articles,
    /// Words that make one meeting of several parties ("tripartite").
    multilateral,
    /// Headline words that announce an encounter to come ("to visit").
    announcement,
    /// Words before the event a meeting was held at ("on the sidelines of").
    occasion,
    /// Verbs that report news ("said", "a indiqué"): a date right after one
    /// is the report's ("officials said on Sunday").
    reporting,
    since,
    /// Words after an occasion cue that open on the event without naming it
    /// ("his participation in", "leur participation aux travaux de la").
    occasion_lead,
    /// Words that end an event's name ("held", "organisée", "qui").
    occasion_end,
    /// Prepositions before where or when ("in", "à", "on"): before a place
    /// or a date they end an event's name.
    setting_prepositions,
    /// Subject pronouns that continue the previous sentence's subject ("Il").
    subject_pronouns,
    /// Nouns of buildings after their name ("centre", "hall", "palace"): the
    /// name before one is no person's.
    facility,
    /// Words that say where an organization sits, next to its city
    /// ("Rabat-based", "headquartered in", "basée à"): that city is no
    /// meeting's place.
    seat,
    /// The possessive after a name that owns what follows ("'s": "Japan's
    /// Ambassador").
    possessive,
    /// Possessive pronouns before a role ("its Rector", "sa présidente"):
    /// the role is that of the state or organization named last before.
    possessive_pronouns,
    /// Offices of a state ("minister", "secrétaire d'État"): one that names
    /// no state is held in the state of the dispatch's city.
    national_office,
    /// A call paid on someone ("called on"): a meeting when a person or a
    /// role follows, unless an `appeal` word makes it a call to act.
    call_on,
    /// Words after the one called on that make the call an appeal ("to":
    /// "called on the Ministers to support").
    appeal,
}

#[derive(Debug, Deserialize)]
struct TopicsFile {
    topic: Vec<TopicSpec>,
}

#[derive(Debug, Deserialize)]
struct TopicSpec {
    id: String,
    cues: Vec<String>,
}

/// A set of phrases matched on whole words in folded text.
#[derive(Debug, Clone)]
pub struct Phrases {
    /// The folded patterns.
    patterns: Vec<String>,
    /// For each pattern: its value (an index into a list) and whether it may
    /// continue into a longer word (`patient*`).
    targets: Vec<(usize, bool)>,
    /// The list alone, searched in any text; made when first searched
    /// (most lists are only read from a sentence's scan).
    own: OnceLock<PhraseIndex>,
    /// Each pattern and whether it is a stem (`patient*`), for the
    /// searches of one word that need no scan.
    whole: HashMap<String, bool, Fast>,
    /// The lexicon index holding the list, and the list's id in it.
    slot: Option<(u64, usize)>,
}

impl Phrases {
    fn new<S: AsRef<str>>(phrases: impl IntoIterator<Item = (S, usize)>) -> Self {
        let folded: Vec<(String, usize, bool)> = phrases
            .into_iter()
            .map(|(p, value)| {
                let p = p.as_ref();
                // An elided article ends a phrase before a letter ("l'Union").
                match p.strip_suffix('*') {
                    Some(stem) => (fold(stem), value, true),
                    None => (fold(p), value, fold(p).ends_with('\'')),
                }
            })
            .filter(|(f, ..)| !f.is_empty())
            .collect();
        // A whole word that a stem of the same value covers ("rencontre" and
        // "rencontr*") would hide the stem's longer words in a leftmost-longest
        // search: the stem alone says it.
        let covered = |f: &str, value: usize| {
            folded.iter().any(|(stem, v, prefix)| {
                *prefix
                    && *v == value
                    && f.starts_with(stem.as_str())
                    && !f[stem.len()..].contains(' ')
            })
        };
        let mut pats = Vec::new();
        let mut targets = Vec::new();
        for (f, value, prefix) in &folded {
            if !prefix && covered(f, *value) {
                continue;
            }
            pats.push(f.clone());
            targets.push((*value, *prefix));
        }
        let mut whole = HashMap::default();
        for (p, &(_, prefix)) in pats.iter().zip(&targets) {
            whole.entry(p.clone()).or_insert(prefix);
        }
        Phrases {
            patterns: pats,
            targets,
            own: OnceLock::new(),
            whole,
            slot: None,
        }
    }

    fn list<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> Self {
        Self::new(phrases.into_iter().map(|p| (p, 0)))
    }

    /// Matches in folded text: folded range and value. Leftmost-longest
    /// phrases at whole words, a rejected one hiding none that starts later:
    /// in "via videoconference", "via video" does not hide "videoconference".
    pub fn find(&self, folded: &str) -> Vec<(Range<usize>, usize)> {
        let own = self
            .own
            .get_or_init(|| PhraseIndex::new([(&self.patterns, &self.targets)]));
        leftmost_longest(&own.hits(folded), folded.len())
    }

    /// True when a phrase ends `folded`, maybe followed by articles
    /// ("auprès du", "with the", "avec l'").
    ///
    /// ```
    /// let lex = diplograph::extract::Lexicon::builtin().unwrap();
    /// assert!(lex.destination().ends("ambassador of japan to the"));
    /// assert!(!lex.destination().ends("ambassador of japan"));
    /// ```
    pub fn ends(&self, folded: &str) -> bool {
        self.find(folded).last().is_some_and(|(r, _)| {
            folded[r.end..]
                .split_whitespace()
                .all(|w| matches!(w, "the" | "la" | "le" | "l'" | "les"))
        })
    }

    /// True when one phrase is the whole of `folded`: the longest phrase
    /// at its start is that phrase, and [`Phrases::find`] keeps it.
    pub fn is_whole(&self, folded: &str) -> bool {
        self.whole.contains_key(folded)
    }

    /// True when some phrase occurs.
    pub fn occurs(&self, folded: &str) -> bool {
        if !folded.chars().all(char::is_alphanumeric) {
            return !self.find(folded).is_empty();
        }
        // One word: phrases start only at its start, and the longest one
        // there counts if it is the word or a stem.
        folded
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .rev()
            .find_map(|end| self.whole.get(&folded[..end]).map(|&stem| (end, stem)))
            .is_some_and(|(end, stem)| stem || end == folded.len())
    }
}

/// Every phrase of some lists in one automaton, each pattern with the lists
/// it belongs to: one scan of a text finds the phrases of all the lists.
#[derive(Debug, Clone)]
struct PhraseIndex {
    /// Every pattern, found where a word may start.
    automaton: WordStartPatterns,
    /// For each pattern, each list it belongs to: (list, value, prefix), the
    /// list's first pattern of that string when it has several.
    tags: Vec<Vec<(u16, u32, bool)>>,
    /// How many lists.
    lists: usize,
}

/// A new id of a lexicon's index, telling its lists from another's.
fn next_index_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl PhraseIndex {
    /// The index of lists given as their patterns and targets.
    fn new<'a>(lists: impl IntoIterator<Item = (&'a Vec<String>, &'a Vec<(usize, bool)>)>) -> Self {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut tags: Vec<Vec<(u16, u32, bool)>> = Vec::new();
        let mut count = 0;
        for (list, (pats, targets)) in lists.into_iter().enumerate() {
            count = list + 1;
            let list = u16::try_from(list).expect("a lexicon has fewer than 65,536 lists");
            for (pattern, &(value, prefix)) in pats.iter().zip(targets) {
                let value = offset(value);
                let k = *ids.entry(pattern).or_insert_with(|| {
                    patterns.push(pattern);
                    tags.push(Vec::new());
                    patterns.len() - 1
                });
                // A leftmost-longest search reports the first of equal patterns.
                if !tags[k].iter().any(|t| t.0 == list) {
                    tags[k].push((list, value, prefix));
                }
            }
        }
        let automaton = WordStartPatterns::new(&patterns);
        PhraseIndex {
            automaton,
            tags,
            lists: count,
        }
    }

    /// The phrases of every list in `text` that start a word, by list,
    /// then start, the longest first. A phrase inside a word is left out:
    /// it is never accepted, and hides only phrases of its own start.
    fn hits(&self, text: &str) -> Vec<Hit> {
        let word_after = |at: usize| text[at..].chars().next().is_some_and(char::is_alphanumeric);
        // Found by start, then end: each start's group is reversed (the
        // longest first), then the hits are put in list order, each list's
        // in the order found.
        let mut found: Vec<Hit> = Vec::new();
        let mut group = 0;
        let mut counts = vec![0usize; self.lists + 1];
        self.automaton.each(text, |start, end, pattern| {
            let free_end = !word_after(end);
            let (start, end) = (offset(start), offset(end));
            if found.get(group).is_some_and(|h| h.start != start) {
                found[group..].reverse();
                group = found.len();
            }
            for &(list, value, prefix) in &self.tags[pattern] {
                counts[list as usize + 1] += 1;
                found.push(Hit {
                    list,
                    start,
                    end,
                    value,
                    prefix,
                    free_end,
                });
            }
        });
        found[group..].reverse();
        for k in 1..counts.len() {
            counts[k] += counts[k - 1];
        }
        let mut hits = found.clone();
        for h in found {
            let at = &mut counts[h.list as usize];
            hits[*at] = h;
            *at += 1;
        }
        hits
    }
}

/// A phrase of one list found at a word start, and whether a word
/// character follows it (16 bytes: a sentence keeps its hits).
#[derive(Debug, Clone, Copy)]
struct Hit {
    list: u16,
    prefix: bool,
    free_end: bool,
    start: u32,
    end: u32,
    value: u32,
}

/// What a leftmost-longest search of one list gives in the text up to
/// `end`, keeping whole words: `hits` are the list's, by start and longest
/// first. At each start the longest phrase that fits is the list's match; a
/// whole-word one is kept and the search goes on after it, another is
/// dropped and the search goes on at the next start.
fn leftmost_longest(hits: &[Hit], end: usize) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut k = 0;
    while let Some(first) = hits.get(k).filter(|h| (h.start as usize) < end) {
        let start = first.start;
        let group = &hits[k..k + hits[k..].partition_point(|h| h.start == start)];
        if let Some(h) = group.iter().find(|h| h.end as usize <= end)
            && start as usize >= at
            && (h.prefix || h.free_end || h.end as usize == end)
        {
            out.push((start as usize..h.end as usize, h.value as usize));
            at = h.end as usize;
        }
        k += group.len();
    }
    out
}

/// A folded text (a sentence) with the phrases of every list of a
/// lexicon, found in one scan. Its searches give what [`Phrases::find`]
/// gives on the text: per list, the leftmost-longest phrase at whole words,
/// a rejected phrase hiding none that starts later.
#[derive(Debug, Clone)]
pub struct Scanned<'t> {
    /// The folded text.
    pub text: &'t str,
    slice: FoldedSlice<'t>,
    /// By list, then start, the longest first. A phrase inside a word is
    /// left out: it is never accepted, and hides only phrases of its start.
    hits: Vec<Hit>,
    /// The index scanned, if any.
    index: Option<u64>,
}

impl<'t> Scanned<'t> {
    /// Scans `folded` for the phrases of `lex`.
    pub fn new(lex: &Lexicon, folded: FoldedSlice<'t>) -> Self {
        Scanned {
            text: folded.text,
            hits: lex.index().hits(folded.text),
            slice: folded,
            index: Some(lex.index_id),
        }
    }

    /// `folded` not scanned in advance: each list is searched on its own
    /// when asked (a short text few lists are read in).
    pub fn unscanned(folded: FoldedSlice<'t>) -> Self {
        Scanned {
            text: folded.text,
            hits: Vec::new(),
            slice: folded,
            index: None,
        }
    }

    /// The folded text with its map to the original.
    pub fn slice(&self) -> &FoldedSlice<'t> {
        &self.slice
    }

    /// [`Phrases::find`] on the folded text.
    pub fn find(&self, p: &Phrases) -> Vec<(Range<usize>, usize)> {
        self.find_before(p, self.text.len())
    }

    /// [`Scanned::find`] as ranges of the original text.
    pub fn find_in(&self, p: &Phrases) -> Vec<(Range<usize>, usize)> {
        self.find(p)
            .into_iter()
            .map(|(r, v)| (self.slice.original_range(r), v))
            .collect()
    }

    /// [`Phrases::occurs`] on the folded text.
    pub fn occurs(&self, p: &Phrases) -> bool {
        !self.find(p).is_empty()
    }

    /// [`Phrases::find`] on the folded text up to `end` (a char boundary).
    pub fn find_before(&self, p: &Phrases, end: usize) -> Vec<(Range<usize>, usize)> {
        let list = match p.slot {
            Some((index, list)) if Some(index) == self.index => list,
            _ => return p.find(&self.text[..end]),
        };
        leftmost_longest(of_list(&self.hits, list), end)
    }
}

/// The hits of one list among hits sorted by list.
fn of_list(hits: &[Hit], list: usize) -> &[Hit] {
    let from = hits.partition_point(|h| (h.list as usize) < list);
    let to = from + hits[from..].partition_point(|h| h.list as usize == list);
    &hits[from..to]
}

/// The merged lexicon of every language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Every phrase list, by id; [`Lexicon::list`] finds one by name.
    lists: Vec<Phrases>,
    names: HashMap<String, usize>,
    read: ReadLists,
    /// The id of `index`, known before it is made.
    index_id: u64,
    /// Every list in one index, made when a first text is scanned (the
    /// merged lexicon's never is: items are scanned with their language's).
    index: OnceLock<PhraseIndex>,
    titles: WordSet,
    /// First words of the titles, folded: most words start none.
    title_starts: WordSet,
    max_title_words: usize,
    courtesy: WordSet,
    roles: WordSet,
    max_role_words: usize,
    /// First words of the roles ("chargé" of "chargé d'affaires"), folded:
    /// most words start no role, and are rejected without joining.
    role_starts: WordSet,
    /// Topic cues (value: index into `topic_ids`).
    pub topics: Phrases,
    pub topic_ids: Vec<String>,
    stopwords: WordSet,
    /// The stopwords and the nouns of institution names (`org_nouns`):
    /// words that never belong to a person's or a place's name.
    not_names: WordSet,
    /// Month and weekday names and abbreviations, folded.
    calendar_words: WordSet,
    /// Head nouns of organization names ("university", "fondation"), folded.
    org_heads: WordSet,
    /// Head nouns of initiative names ("coalition", "initiative"), folded.
    initiative_heads: WordSet,
    /// Function words inside organization names ("of", "de la"), folded.
    org_links: WordSet,
    /// Token patterns over the sentence layers (see `patterns.rs`).
    pub patterns: Patterns,
    /// The classes of every word of the sets above, folded.
    classes: HashMap<String, Classes, Fast>,
    /// Capitalized words that do not make a name of a head noun
    /// ("Executive Council", "General Conference"), folded.
    generic_name_words: WordSet,
    /// Endings of the lower-case adjectives that follow a French head noun
    /// ("arabe", "nationale"), folded.
    name_adjective_endings: Vec<String>,
    /// Words of French organization names and their English form, folded key.
    org_words: HashMap<String, String, Fast>,
    /// Function words marking each language, for [`Lexicon::language`].
    markers: Vec<(String, Phrases)>,
    /// The markers of every language in one automaton, list `k` the `k`th
    /// language's; made when a first language is guessed.
    marker_index: OnceLock<PhraseIndex>,
    /// The lexicon of each language, its cue lists that language's only.
    languages: Vec<(String, Lexicon)>,
}

impl Lexicon {
    /// The lexicon built into the binary.
    ///
    /// ```
    /// let lex = diplograph::extract::Lexicon::builtin().unwrap();
    /// assert!(lex.is_title("S.E."));
    /// assert!(lex.is_role_start(&["Ambassadeur", "du", "Japon"]));
    /// ```
    pub fn builtin() -> Result<Self> {
        Self::with_files(&[] as &[&Path])
    }

    /// The built-in lexicon with extra lexicon files appended.
    pub fn with_files(paths: &[impl AsRef<Path>]) -> Result<Self> {
        let mut files = Vec::new();
        for (name, source) in BUILTIN {
            files.push((PathBuf::from(name), Self::parse(Path::new(name), source)?));
        }
        for p in paths {
            let p = p.as_ref();
            let source = crate::files::read_text(p, crate::files::MAX_DATA_FILE)?;
            files.push((p.to_path_buf(), Self::parse(p, &source)?));
        }
        // A list of a user's file that no stage and no pattern reads is a
        // mistake (a misspelled name), not a silent no-op.
        let read: HashSet<&str> = files[..BUILTIN.len()]
            .iter()
            .flat_map(|(_, f)| f.lists.keys().map(String::as_str))
            .chain(WORD_SETS.iter().copied())
            .chain(ReadLists::NAMES.iter().copied())
            .chain(
                files
                    .iter()
                    .flat_map(|(_, f)| f.patterns.iter().flat_map(|p| p.lists())),
            )
            .collect();
        for (path, file) in &files[BUILTIN.len()..] {
            if let Some(name) = file.lists.keys().find(|l| !read.contains(l.as_str())) {
                let close = read
                    .iter()
                    .max_by(|a, b| {
                        strsim::jaro_winkler(name, a).total_cmp(&strsim::jaro_winkler(name, b))
                    })
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                return Err(Error::data(
                    path,
                    format!("list `{name}` is read by no stage and no pattern{close}"),
                ));
            }
        }
        // Patterns may name the phrase lists of any file.
        let known: HashSet<&str> = files
            .iter()
            .flat_map(|(_, f)| f.lists.keys())
            .map(String::as_str)
            .filter(|l| !WORD_SETS.contains(l))
            .collect();
        let with_patterns = files
            .iter()
            .map(|(name, file)| {
                let patterns = file
                    .patterns
                    .iter()
                    .map(|p| {
                        Pattern::new(p, &|l| known.contains(l)).map_err(|e| Error::data(name, e))
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok((file, patterns))
            })
            .collect::<Result<Vec<_>>>()?;
        let topics: TopicsFile =
            toml::from_str(TOPICS).map_err(|e| Error::data("data/topics.toml", e.to_string()))?;
        Ok(Self::from_files(&with_patterns, &topics))
    }

    fn parse(name: &Path, source: &str) -> Result<LexiconFile> {
        toml::from_str(source).map_err(|e| Error::toml(name, source, &e))
    }

    /// The merged lexicon, holding one lexicon per language of the files.
    fn from_files(files: &[(&LexiconFile, Vec<Pattern>)], topics: &TopicsFile) -> Self {
        let mut langs: Vec<&str> = files
            .iter()
            .filter_map(|(f, _)| f.lang.as_deref())
            .collect();
        langs.sort_unstable();
        langs.dedup();
        let languages = langs
            .iter()
            .map(|l| (l.to_string(), Self::build(files, topics, Some(l))))
            .collect();
        Lexicon {
            languages,
            ..Self::build(files, topics, None)
        }
    }

    /// A lexicon from the files: names, titles, roles, calendar words, the
    /// words of organization names and the [`SHARED`] lists from every
    /// file; the other phrase lists (verbs, prepositions, clause words) from
    /// the files of `lang` only, or of all languages when `None`.
    fn build(
        with_patterns: &[(&LexiconFile, Vec<Pattern>)],
        topics: &TopicsFile,
        lang: Option<&str>,
    ) -> Self {
        let mine = |x: &LexiconFile| lang.is_none_or(|l| x.lang.as_deref() == Some(l));
        let patterns = with_patterns
            .iter()
            .filter(|(f, _)| f.lang.is_none() || mine(f))
            .flat_map(|(_, p)| p.iter().cloned())
            .collect();
        let files: Vec<&LexiconFile> = with_patterns.iter().map(|(f, _)| *f).collect();
        let all =
            |name: &str| -> Vec<&String> { files.iter().flat_map(|x| x.list(name)).collect() };
        let folded_set = |name: &str| -> WordSet { all(name).iter().map(|t| fold(t)).collect() };
        let own = |name: &str| -> Vec<&String> {
            files
                .iter()
                .filter(|x| mine(x) || SHARED.contains(&name))
                .flat_map(|x| x.list(name))
                .collect()
        };
        let mut lists = vec![Phrases::list(std::iter::empty::<&str>())];
        let mut names = HashMap::new();
        let mut names_in_order: Vec<&str> = files
            .iter()
            .flat_map(|f| f.lists.keys())
            .map(String::as_str)
            .filter(|l| !WORD_SETS.contains(l) && !matches!(*l, "months" | "weekdays"))
            .collect();
        names_in_order.sort_unstable();
        names_in_order.dedup();
        for name in names_in_order {
            names.insert(name.to_string(), lists.len());
            lists.push(Phrases::list(own(name)));
        }
        // Months and weekdays stand for their number.
        names.insert("months".to_string(), lists.len());
        lists.push(Phrases::new(files.iter().flat_map(|f| {
            f.list("months")
                .iter()
                .enumerate()
                .chain(f.list("month_abbreviations").iter().enumerate())
                .map(|(i, m)| (m.clone(), i + 1))
        })));
        names.insert("weekdays".to_string(), lists.len());
        lists.push(Phrases::new(files.iter().flat_map(|f| {
            f.list("weekdays")
                .iter()
                .enumerate()
                .map(|(i, d)| (d.clone(), i))
        })));
        let index_id = next_index_id();
        for (list, p) in lists.iter_mut().enumerate() {
            p.slot = Some((index_id, list));
        }
        let titles = folded_set("titles");
        let roles = folded_set("roles");
        let words = |set: &WordSet| {
            set.iter()
                .map(|t| t.split_whitespace().count())
                .max()
                .unwrap_or(1)
        };
        let markers: Vec<(String, Phrases)> = files
            .iter()
            .filter(|f| !f.list("markers").is_empty())
            .filter_map(|f| Some((f.lang.clone()?, Phrases::list(f.list("markers")))))
            .collect();
        let mut lex = Lexicon {
            read: ReadLists::new(&names, 0),
            index_id,
            index: OnceLock::new(),
            lists,
            names,
            max_title_words: words(&titles),
            title_starts: first_words(&titles, &[' ']),
            titles,
            courtesy: folded_set("courtesy"),
            max_role_words: words(&roles),
            role_starts: first_words(&roles, &[' ', '\'']),
            roles,
            topics: Phrases::new(
                topics
                    .topic
                    .iter()
                    .enumerate()
                    .flat_map(|(i, t)| t.cues.iter().map(move |c| (c.clone(), i))),
            ),
            topic_ids: topics.topic.iter().map(|t| t.id.clone()).collect(),
            stopwords: all("stopwords").into_iter().map(|t| fold(t)).collect(),
            not_names: all("stopwords")
                .into_iter()
                .chain(all("org_nouns"))
                .map(|t| fold(t))
                .collect(),
            calendar_words: ["months", "month_abbreviations", "weekdays"]
                .iter()
                .flat_map(|l| all(l))
                .map(|t| fold(t))
                .collect(),
            org_heads: folded_set("org_heads"),
            initiative_heads: folded_set("initiative_heads"),
            org_links: own("org_links").iter().map(|t| fold(t)).collect(),
            patterns: Patterns::new(patterns),
            classes: HashMap::default(),
            generic_name_words: folded_set("generic_name_words"),
            name_adjective_endings: all("name_adjective_endings")
                .iter()
                .map(|t| fold(t))
                .collect(),
            org_words: files
                .iter()
                .flat_map(|f| f.org_words.iter())
                .map(|[fr, en]| (fold(fr), en.clone()))
                .collect(),
            markers,
            marker_index: OnceLock::new(),
            languages: Vec::new(),
        };
        let mut classes: HashMap<String, Classes, Fast> = HashMap::default();
        for (set, class) in [
            (&lex.titles, Classes::TITLE),
            (&lex.title_starts, Classes::TITLE_START),
            (&lex.courtesy, Classes::COURTESY),
            (&lex.role_starts, Classes::ROLE_START),
            (&lex.roles, Classes::ROLE),
            (&lex.stopwords, Classes::STOPWORD),
            (&lex.not_names, Classes::NOT_NAME),
            (&lex.calendar_words, Classes::CALENDAR),
            (&lex.org_heads, Classes::ORG_HEAD),
            (&lex.initiative_heads, Classes::INITIATIVE_HEAD),
            (&lex.org_links, Classes::ORG_LINK),
            (&lex.generic_name_words, Classes::GENERIC_NAME_WORD),
        ] {
            for w in set {
                let c = classes.entry(w.clone()).or_default();
                *c = c.with(class);
            }
        }
        lex.classes = classes;
        lex
    }

    /// The classes of a folded word (no spaces): what the word tests of
    /// this lexicon say of it, in one to three look-ups.
    pub fn classes(&self, folded: &str) -> Classes {
        const TRIMMED: Classes = Classes(Classes::STOPWORD.0 | Classes::NOT_NAME.0);
        let get = |w: &str| self.classes.get(w).copied().unwrap_or_default();
        let exact = get(folded);
        // The stopword sets hold the word without its punctuation.
        let trimmed = folded.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let bare = if trimmed.len() == folded.len() {
            exact
        } else {
            get(trimmed)
        };
        // A role starts with the word's part up to an apostrophe.
        let head = folded.split('\'').next().unwrap_or_default();
        let start = if head.len() == folded.len() {
            exact
        } else {
            get(head)
        };
        let mut c = Classes(exact.0 & !(TRIMMED.0 | Classes::ROLE_START.0 | Classes::ROLE.0))
            .with(bare.only(TRIMMED))
            .with(start.only(Classes::ROLE_START));
        if c.has(Classes::ROLE_START) {
            c = c.with(exact.only(Classes::ROLE));
        }
        c
    }

    /// The phrase list of that name, as patterns read it.
    pub fn list(&self, name: &str) -> Option<&Phrases> {
        self.names.get(name).map(|&i| &self.lists[i])
    }

    /// The lexicon whose cue lists are those of `lang` (as
    /// [`Lexicon::language`] gives it), or this one for another language.
    ///
    /// ```
    /// let lex = diplograph::extract::Lexicon::builtin().unwrap();
    /// let fr = lex.for_language("fr");
    /// assert!(fr.meeting().occurs("a recu"), "lists match folded text");
    /// assert!(!fr.meeting().occurs("met with"), "English cues apply to English items");
    /// assert!(lex.meeting().occurs("met with"));
    /// ```
    pub fn for_language(&self, lang: &str) -> &Lexicon {
        self.languages
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(self, |(_, lex)| lex)
    }

    /// The index of every phrase list, made when first read.
    fn index(&self) -> &PhraseIndex {
        self.index.get_or_init(|| {
            let lists = self.lists.iter().map(|p| (&p.patterns, &p.targets));
            PhraseIndex::new(lists)
        })
    }

    /// True for a head noun of organization names ("University", "Fondation").
    pub fn is_org_head(&self, word: &str) -> bool {
        with_fold(word, |f| self.org_heads.contains(f))
    }

    /// True for a head noun of initiative names ("Coalition", "Initiative").
    pub fn is_initiative_head(&self, word: &str) -> bool {
        with_fold(word, |f| self.initiative_heads.contains(f))
    }

    /// True for a month or weekday name ("Monday", "juin").
    pub fn is_month_or_weekday(&self, word: &str) -> bool {
        with_fold(word, |f| self.calendar_words.contains(f))
    }

    /// True for a capitalized word that does not make a head noun a name
    /// ("Executive", "Permanent", "Global").
    pub fn is_generic_name_word(&self, word: &str) -> bool {
        with_fold(word, |f| self.generic_name_words.contains(f))
    }

    /// True for a function word inside organization names (`folded`: "of", "de").
    pub fn is_org_link(&self, folded: &str) -> bool {
        self.org_links.contains(folded)
    }

    /// True for a lower-case adjective that may follow a head noun in a
    /// French name ("Université islamique ouverte", "Bibliothèque nationale").
    pub fn is_name_adjective(&self, word: &str) -> bool {
        let f = fold(word);
        word.chars().next().is_some_and(char::is_lowercase)
            && !self.org_links.contains(&f)
            && !self.clause().occurs(&f)
            && (self.org_words.contains_key(&f)
                || self
                    .name_adjective_endings
                    .iter()
                    .any(|e| f.len() > e.len() + 2 && f.ends_with(e.as_str())))
    }

    /// English forms of a French organization name whose words the lexicon
    /// translates: the head noun last, adjectives and proper names before it,
    /// and a trailing "de <Place>" dropped ("Université Moulay Ismaïl de
    /// Meknès" is "Moulay Ismaïl University"). Empty for other names.
    pub fn english_forms(&self, name: &str) -> Vec<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let Some(head) = words.first().and_then(|w| self.org_words.get(&fold(w))) else {
            return Vec::new();
        };
        if !self.is_org_head(words[0]) {
            return Vec::new();
        }
        let mut before: Vec<String> = Vec::new();
        let mut k = 1;
        while let Some(w) = words.get(k) {
            let f = fold(w);
            if self.org_links.contains(&f) || f.starts_with("d'") || f.starts_with("l'") {
                break;
            }
            match self.org_words.get(&f) {
                Some(en) => before.push(en.clone()),
                None if w.chars().next().is_some_and(char::is_uppercase) => {
                    before.push(w.to_string())
                }
                None => return Vec::new(),
            }
            k += 1;
        }
        // What follows may only be "de/du/d'" and capitalized words (a place).
        let rest = &words[k..];
        let locative = rest.is_empty()
            || (rest.len() >= 2
                && matches!(fold(rest[0]).as_str(), "de" | "du" | "d'")
                && rest[1..]
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
            || rest.first().is_some_and(|w| fold(w).starts_with("d'")) && rest.len() == 1;
        if before.is_empty() || !locative {
            return Vec::new();
        }
        before.push(head.clone());
        vec![before.join(" ")]
    }

    /// True when `word` may start a title (as the first of
    /// [`Lexicon::is_title`]'s words).
    pub fn starts_title(&self, word: &str) -> bool {
        with_fold(word, |f| {
            self.title_starts
                .contains(f.split(' ').next().unwrap_or_default())
        })
    }

    /// True for a courtesy title or honorific ("Dr", "S.E.", "His Excellency").
    pub fn is_title(&self, words: &str) -> bool {
        with_fold(words, |f| self.titles.contains(f))
    }

    /// True for a courtesy title ("M.", "Mrs."): the given name follows it,
    /// so an honorific after it is a first name ("M. Emir Hadžić").
    pub fn is_courtesy(&self, word: &str) -> bool {
        with_fold(word, |f| self.courtesy.contains(f))
    }

    /// The number of words a title may have at most.
    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// The number of words a role head may have at most.
    pub fn max_role_words(&self) -> usize {
        self.max_role_words
    }

    /// The number of words of the role head that `words` starts with, if any.
    pub fn role_head_len(&self, words: &[&str]) -> Option<usize> {
        let first = words.first()?;
        if !with_fold(first, |head| {
            self.role_starts
                .contains(head.split('\'').next().unwrap_or_default())
        }) {
            return None;
        }
        // The fold of the words joined by spaces, none after an elided
        // article ("chargé d'affaires"), one word more at a time: the longest
        // role is the last found.
        let mut joined = String::new();
        let (mut written, mut elided) = (false, false);
        let mut longest = None;
        for (n, w) in words.iter().take(self.max_role_words + 1).enumerate() {
            if written && !elided {
                joined.push(' ');
            }
            fold_into(w, &mut joined);
            written |= !w.is_empty();
            elided = w.ends_with(['\'', '’']) || (w.is_empty() && elided);
            if self.roles.contains(&joined) {
                longest = Some(n + 1);
            }
        }
        longest
    }

    /// True when `words` starts with a role head ("Ambassadeur du Japon").
    pub fn is_role_start(&self, words: &[&str]) -> bool {
        self.role_head_len(words).is_some()
    }

    /// True for a word that never belongs to a person's or a place's name:
    /// a stopword or a noun of institution names ("Culture", "Sports").
    pub fn is_not_name(&self, word: &str) -> bool {
        with_fold(word, |f| {
            self.not_names
                .contains(f.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        })
    }

    /// True for a function word of some language (its `markers`: "the",
    /// "de", "la").
    ///
    /// ```
    /// let lex = diplograph::extract::Lexicon::builtin().unwrap();
    /// assert!(lex.is_function_word("La") && lex.is_function_word("the"));
    /// assert!(!lex.is_function_word("Japon"));
    /// ```
    pub fn is_function_word(&self, word: &str) -> bool {
        let folded = fold(word);
        self.markers.iter().any(|(_, p)| p.is_whole(&folded))
    }

    /// The language of a text: the one whose `markers` (function words)
    /// occur most, `en` when none does.
    pub fn language(&self, text: &str) -> &str {
        self.language_of_folded(&fold(text))
    }

    /// [`Lexicon::language`] of a folded text.
    pub fn language_of_folded(&self, folded: &str) -> &str {
        let hits = self
            .marker_index
            .get_or_init(|| {
                let lists = self.markers.iter().map(|(_, p)| (&p.patterns, &p.targets));
                PhraseIndex::new(lists)
            })
            .hits(folded);
        self.markers
            .iter()
            .enumerate()
            .map(|(k, (lang, _))| {
                (
                    leftmost_longest(of_list(&hits, k), folded.len()).len(),
                    lang,
                )
            })
            .max_by_key(|(n, _)| *n)
            .map_or("en", |(_, lang)| lang.as_str())
    }

    /// Ids of the topics whose cues occur in `folded` text, in taxonomy order.
    pub fn topics_in(&self, folded: &str) -> Vec<String> {
        let mut hit = vec![false; self.topic_ids.len()];
        for (_, t) in self.topics.find(folded) {
            hit[t] = true;
        }
        self.topic_ids
            .iter()
            .zip(hit)
            .filter(|(_, h)| *h)
            .map(|(id, _)| id.clone())
            .collect()
    }
}

/// The first words of folded phrases, up to one of `ends`.
fn first_words(phrases: &WordSet, ends: &[char]) -> WordSet {
    phrases
        .iter()
        .filter_map(|r| r.split(ends).next().map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_both_languages() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.months().find("15 septembre 2022")[0].1, 9);
        assert_eq!(lex.months().find("on september 10")[0].1, 9);
        assert_eq!(lex.weekdays().find("vendredi 28")[0].1, 4);
        assert!(lex.is_title("Mme") && lex.is_title("H.E.") && !lex.is_title("Rabat"));
        assert_eq!(lex.role_head_len(&["chargé", "d'Affaires", "à"]), Some(2));
        assert_eq!(lex.role_head_len(&["Director-General", "of"]), Some(1));
        assert_eq!(lex.role_head_len(&["George", "Goh"]), None);
    }

    #[test]
    fn phrases_match_whole_words_unless_starred() {
        let p = Phrases::list(["mai", "scolair*"]);
        assert_eq!(p.find("le 4 mai").len(), 1);
        assert!(p.find("maison").is_empty());
        assert_eq!(p.find("scolaires").len(), 1);
    }

    #[test]
    fn patterns_name_lists_that_exist_and_bad_ones_name_their_file() {
        let lex = Lexicon::builtin().unwrap();
        for name in lex.patterns.lists() {
            assert!(lex.list(name).is_some(), "{name}");
        }
        assert!(lex.list("nope").is_none());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("extra.toml");
        std::fs::write(
            &path,
            "lang = \"en\"\n[[patterns]]\nname = \"p\"\nfeature = \"partner\"\ntokens = [{ list = \"nope\" }, { entity = \"party\" }]\n",
        )
        .unwrap();
        let e = Lexicon::with_files(&[&path]).unwrap_err().to_string();
        assert!(
            e.contains("extra.toml") && e.contains("no lexicon list"),
            "{e}"
        );
    }

    #[test]
    fn a_list_no_one_reads_is_an_error_and_a_list_a_pattern_reads_is_data() {
        let dir = tempfile::tempdir().unwrap();
        let typo = dir.path().join("typo.toml");
        std::fs::write(&typo, "lang = \"en\"\nmeetin = [\"sat with\"]\n").unwrap();
        let e = Lexicon::with_files(&[&typo]).unwrap_err().to_string();
        assert!(
            e.contains("typo.toml")
                && e.contains("`meetin`")
                && e.contains("did you mean `meeting`"),
            "{e}"
        );
        let new_list = dir.path().join("new.toml");
        std::fs::write(
            &new_list,
            "lang = \"en\"\nsponsors = [\"sponsored by\"]\n[[patterns]]\nname = \"p\"\nfeature = \"partner\"\ntokens = [{ list = \"sponsors\" }, { entity = \"party\" }]\n",
        )
        .unwrap();
        let lex = Lexicon::with_files(&[&new_list]).unwrap();
        assert!(lex.list("sponsors").is_some());
    }

    /// Meeting cues in their inflections and common paraphrases, each in
    /// its language only: (language, folded text, a cue is found).
    #[test]
    fn meeting_cues_in_inflections_and_paraphrases() {
        let lex = Lexicon::builtin().unwrap();
        let table: &[(&str, &str, bool)] = &[
            ("fr", "le directeur a rencontre l'ambassadeur", true),
            (
                "fr",
                "les deux responsables se sont rencontres a rabat",
                true,
            ),
            ("fr", "en rencontrant le ministre", true),
            ("fr", "il s'est entretenu avec le recteur", true),
            ("fr", "elle s'est entretenue avec la ministre", true),
            ("fr", "ils se sont entretenus au siege", true),
            ("fr", "il s'est d'abord entretenu avec la ministre", true),
            (
                "fr",
                "elle s'est longuement entretenue avec le recteur",
                true,
            ),
            ("fr", "a recu en audience le president", true),
            ("fr", "a ete recue par le ministre", true),
            ("fr", "ont ete recus par l'ambassadeur", true),
            ("fr", "a echange avec la delegation", true),
            ("fr", "lors d'une entrevue avec le ministre", true),
            ("fr", "a tenu une seance de travail avec", true),
            (
                "fr",
                "a tenu ce lundi une visioconference avec le recteur",
                true,
            ),
            ("fr", "a rendu visite au directeur general", true),
            ("fr", "ont signe un memorandum d'entente", true),
            ("fr", "a publie un communique", false),
            ("en", "the director-general met with the minister", true),
            ("en", "he meets the ambassador", true),
            ("en", "during the meeting the two sides", true),
            ("en", "held talks with the rector", true),
            ("en", "held discussions with the delegation", true),
            ("en", "conferred with the minister", true),
            ("en", "exchanged views on cooperation", true),
            ("en", "was received by the president", true),
            ("en", "paid a courtesy visit to the headquarters", true),
            ("en", "held today a videoconference with the rector", true),
            ("en", "in a telephone conversation with the minister", true),
            ("en", "signed a memorandum of understanding", true),
            ("en", "issued a statement on the floods", false),
            // Each language's cues apply to its own items only.
            ("en", "a recu l'ambassadeur", false),
            ("fr", "met with the minister", false),
        ];
        for (lang, text, want) in table {
            assert_eq!(
                lex.for_language(lang).meeting().occurs(text),
                *want,
                "{lang}: {text}"
            );
        }
    }

    #[test]
    fn language_and_topics() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(
            lex.language("Le directeur a reçu l'ambassadeur du Japon avec la délégation."),
            "fr"
        );
        assert_eq!(
            lex.language("The Director-General received the Ambassador of Japan."),
            "en"
        );
        let topics = lex.topics_in(&fold(
            "coopération en matière d'éducation et de patrimoine pendant la pandémie",
        ));
        assert_eq!(topics, ["education", "heritage", "covid-19"]);
    }
    #[test]
    fn a_scan_gives_its_hits_by_list_then_start_longest_first() {
        let lex = Lexicon::builtin().unwrap();
        for text in [
            "le directeur general de l'icesco a recu l'ambassadeur du japon, le 4 mai 2022",
            "the director-general met the minister of foreign affairs of japan on monday",
            "",
            "a a a de de la la l'a",
        ] {
            let hits = lex.index().hits(text);
            let mut sorted = hits.clone();
            sorted.sort_unstable_by_key(|h| (h.list, h.start, std::cmp::Reverse(h.end)));
            let key = |h: &Hit| (h.list, h.start, h.end, h.value, h.prefix, h.free_end);
            assert_eq!(
                hits.iter().map(key).collect::<Vec<_>>(),
                sorted.iter().map(key).collect::<Vec<_>>(),
                "{text}"
            );
            assert!(text.is_empty() || !hits.is_empty());
        }
    }
}
