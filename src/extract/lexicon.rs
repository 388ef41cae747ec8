//! The language words extraction reads (months, titles, roles, cue verbs),
//! loaded from `data/lexicon/*.toml` and the topic taxonomy from
//! `data/topics.toml`, and the token patterns of `data/lexicon/patterns.toml`.
//! Names, titles, roles and calendar words of every language are merged (a
//! French article quoting an English title still reads right); cue lists
//! and patterns apply to items of their own language
//! ([`Lexicon::for_language`]).

use super::patterns::{Pattern, PatternSpec, Patterns};
use crate::error::{Error, Result};
use crate::text::{FoldedSlice, accepted_matches, fold};
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

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

/// The phrase lists patterns may name ([`Lexicon::list`]).
pub const LISTS: &[&str] = &[
    "meeting",
    "not_meeting",
    "setting",
    "setting_open",
    "future",
    "clause",
    "partner_before",
    "coordination",
    "destination",
    "org_destination",
    "articles",
    "multilateral",
    "org_links",
    "unit_of",
    "hub_head",
    "headquarters",
    "country_reference",
    "subject_pronouns",
    "attendance_after",
    "attendance_before",
    "invite",
    "join",
    "joined",
    "observer",
    "agreement",
    "agreement_signed",
    "agreement_passive",
    "agreement_prospect",
    "agreement_intent",
    "agreement_reference",
];

/// One lexicon file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    /// The language of the file's cue lists (`fr`, `en`); a file without
    /// one holds patterns for every language (`data/lexicon/patterns.toml`).
    lang: Option<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    multilateral: Vec<String>,
    #[serde(default)]
    announcement: Vec<String>,
    #[serde(default)]
    occasion: Vec<String>,
    #[serde(default)]
    patterns: Vec<PatternSpec>,
    #[serde(default)]
    months: Vec<String>,
    #[serde(default)]
    month_abbreviations: Vec<String>,
    #[serde(default)]
    weekdays: Vec<String>,
    #[serde(default)]
    today: Vec<String>,
    #[serde(default)]
    yesterday: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    courtesy: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    former: Vec<String>,
    #[serde(default)]
    state_body: Vec<String>,
    #[serde(default)]
    destination: Vec<String>,
    #[serde(default)]
    org_destination: Vec<String>,
    #[serde(default)]
    meeting: Vec<String>,
    #[serde(default)]
    setting: Vec<String>,
    #[serde(default)]
    country_reference: Vec<String>,
    #[serde(default)]
    clause: Vec<String>,
    #[serde(default)]
    org_nouns: Vec<String>,
    #[serde(default)]
    future: Vec<String>,
    #[serde(default)]
    setting_open: Vec<String>,
    #[serde(default)]
    not_meeting: Vec<String>,
    #[serde(default)]
    attendance_after: Vec<String>,
    #[serde(default)]
    attendance_before: Vec<String>,
    #[serde(default)]
    videoconference: Vec<String>,
    #[serde(default)]
    phone: Vec<String>,
    #[serde(default)]
    hub_head: Vec<String>,
    #[serde(default)]
    headquarters: Vec<String>,
    #[serde(default)]
    invite: Vec<String>,
    #[serde(default)]
    join: Vec<String>,
    #[serde(default)]
    join_pronoun: Vec<String>,
    #[serde(default)]
    observer: Vec<String>,
    #[serde(default)]
    agreement: Vec<String>,
    #[serde(default)]
    agreement_signed: Vec<String>,
    #[serde(default)]
    agreement_passive: Vec<String>,
    #[serde(default)]
    agreement_prospect: Vec<String>,
    #[serde(default)]
    agreement_intent: Vec<String>,
    #[serde(default)]
    agreement_reference: Vec<String>,
    #[serde(default)]
    joined: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    org_heads: Vec<String>,
    #[serde(default)]
    initiative_heads: Vec<String>,
    #[serde(default)]
    org_links: Vec<String>,
    #[serde(default)]
    unit_of: Vec<String>,
    #[serde(default)]
    partner_before: Vec<String>,
    #[serde(default)]
    subject_pronouns: Vec<String>,
    #[serde(default)]
    markers: Vec<String>,
    #[serde(default)]
    coordination: Vec<String>,
    #[serde(default)]
    generic_name_words: Vec<String>,
    #[serde(default)]
    name_adjective_endings: Vec<String>,
    #[serde(default)]
    org_words: Vec<[String; 2]>,
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
    automaton: AhoCorasick,
    /// For each pattern: its value (an index into a list) and whether it may
    /// continue into a longer word (`patient*`).
    targets: Vec<(usize, bool)>,
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
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("lexicon phrases are plain strings");
        Phrases { automaton, targets }
    }

    fn list<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> Self {
        Self::new(phrases.into_iter().map(|p| (p, 0)))
    }

    /// Matches in folded text: folded range and value.
    pub fn find(&self, folded: &str) -> Vec<(Range<usize>, usize)> {
        let whole = |m: &aho_corasick::Match| {
            let prefix = self.targets[m.pattern().as_usize()].1;
            let r = m.range();
            let start_ok = folded[..r.start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let end_ok = prefix
                || folded[r.end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            start_ok && end_ok
        };
        accepted_matches(&self.automaton, folded, whole)
            .into_iter()
            .map(|m| (m.range(), self.targets[m.pattern().as_usize()].0))
            .collect()
    }

    /// Matches in a folded text, as ranges of the original.
    pub fn find_in(&self, folded: &FoldedSlice) -> Vec<(Range<usize>, usize)> {
        self.find(&folded.text)
            .into_iter()
            .map(|(r, v)| (folded.original_range(r), v))
            .collect()
    }

    /// True when a phrase ends `folded`, maybe followed by articles
    /// ("auprès du", "with the", "avec l'").
    ///
    /// ```
    /// let lex = diplograph::extract::Lexicon::builtin().unwrap();
    /// assert!(lex.destination.ends("ambassador of japan to the"));
    /// assert!(!lex.destination.ends("ambassador of japan"));
    /// ```
    pub fn ends(&self, folded: &str) -> bool {
        self.find(folded).last().is_some_and(|(r, _)| {
            folded[r.end..]
                .split_whitespace()
                .all(|w| matches!(w, "the" | "la" | "le" | "l'" | "les"))
        })
    }

    /// True when one phrase is the whole of `folded`.
    pub fn is_whole(&self, folded: &str) -> bool {
        self.find(folded)
            .first()
            .is_some_and(|(r, _)| *r == (0..folded.len()))
    }

    /// True when some phrase occurs.
    pub fn occurs(&self, folded: &str) -> bool {
        !self.find(folded).is_empty()
    }
}

/// The merged lexicon of every language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Month names (value: month 1–12).
    pub months: Phrases,
    /// Weekday names (value: 0 = Monday).
    pub weekdays: Phrases,
    pub today: Phrases,
    pub yesterday: Phrases,
    titles: HashSet<String>,
    max_title_words: usize,
    courtesy: HashSet<String>,
    roles: HashSet<String>,
    max_role_words: usize,
    /// First words of the roles ("chargé" of "chargé d'affaires"), folded:
    /// most words start no role, and are rejected without joining.
    role_starts: HashSet<String>,
    pub former: Phrases,
    /// Bodies of a state ("National Commission for UNESCO", "embassy"): a
    /// role in one represents the state it names, not the organization.
    pub state_body: Phrases,
    pub destination: Phrases,
    pub org_destination: Phrases,
    pub meeting: Phrases,
    pub setting: Phrases,
    pub setting_open: Phrases,
    /// Words that refer back to the counterpart state ("ce pays").
    pub country_reference: Phrases,
    /// Words that start a new clause after a role (auxiliaries, pronouns).
    pub clause: Phrases,
    pub future: Phrases,
    pub not_meeting: Phrases,
    pub attendance_after: Phrases,
    pub attendance_before: Phrases,
    pub videoconference: Phrases,
    pub phone: Phrases,
    pub hub_head: Phrases,
    pub headquarters: Phrases,
    pub invite: Phrases,
    pub join: Phrases,
    pub join_pronoun: Phrases,
    pub observer: Phrases,
    pub joined: Phrases,
    /// What two parties sign ("memorandum of understanding", "accord-cadre").
    pub agreement: Phrases,
    /// Verbs and nouns of signing ("signed", "inked", "la signature").
    pub agreement_signed: Phrases,
    /// Passive signing after the agreement ("was signed", "a été signé").
    pub agreement_passive: Phrases,
    /// Words that make a signing a prospect ("the possibility of", "projet de").
    pub agreement_prospect: Phrases,
    /// Words of a signing wished or proposed ("proposed that", "souhaité que").
    pub agreement_intent: Phrases,
    /// Words before an agreement named before ("the", "ledit", "cette").
    pub agreement_reference: Phrases,
    /// Topic cues (value: index into `topic_ids`).
    pub topics: Phrases,
    pub topic_ids: Vec<String>,
    stopwords: HashSet<String>,
    /// Month and weekday names and abbreviations, folded.
    calendar_words: HashSet<String>,
    /// Head nouns of organization names ("university", "fondation"), folded.
    org_heads: HashSet<String>,
    /// Head nouns of initiative names ("coalition", "initiative"), folded.
    initiative_heads: HashSet<String>,
    /// Function words inside organization names ("of", "de la"), folded.
    org_links: HashSet<String>,
    /// Words between a unit and its organization ("of", "relevant de").
    pub unit_of: Phrases,
    /// Words before the other side of a meeting ("with", "avec", "entre").
    pub partner_before: Phrases,
    /// Words that join two parties ("and", "et l'").
    pub coordination: Phrases,
    /// Articles between a preposition and a name ("the", "la", "l'").
    pub articles: Phrases,
    /// Words that make one meeting of several parties ("tripartite").
    pub multilateral: Phrases,
    /// Headline words that announce an encounter to come ("to visit").
    pub announcement: Phrases,
    /// Words before the event a meeting was held at ("on the sidelines of").
    pub occasion: Phrases,
    /// Function words inside organization names, as phrases for patterns.
    org_link_phrases: Phrases,
    /// Token patterns over the sentence layers (see `patterns.rs`).
    pub patterns: Patterns,
    /// Subject pronouns that continue the previous sentence's subject ("Il").
    pub subject_pronouns: Phrases,
    /// Capitalized words that do not make a name of a head noun
    /// ("Executive Council", "General Conference"), folded.
    generic_name_words: HashSet<String>,
    /// Endings of the lower-case adjectives that follow a French head noun
    /// ("arabe", "nationale"), folded.
    name_adjective_endings: Vec<String>,
    /// Words of French organization names and their English form, folded key.
    org_words: std::collections::HashMap<String, String>,
    /// Function words marking each language, for [`Lexicon::language`].
    markers: Vec<(String, Phrases)>,
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
            files.push(Self::parse(Path::new(name), source)?);
        }
        for p in paths {
            let p = p.as_ref();
            let source = crate::files::read_text(p, crate::files::MAX_DATA_FILE)?;
            files.push(Self::parse(p, &source)?);
        }
        let topics: TopicsFile =
            toml::from_str(TOPICS).map_err(|e| Error::data("data/topics.toml", e.to_string()))?;
        Ok(Self::from_files(files, topics))
    }

    /// One lexicon file and its compiled patterns.
    fn parse(name: &Path, source: &str) -> Result<(LexiconFile, Vec<Pattern>)> {
        let file: LexiconFile =
            toml::from_str(source).map_err(|e| Error::data(name, e.to_string()))?;
        let known = |list: &str| LISTS.contains(&list);
        let patterns = file
            .patterns
            .iter()
            .map(|p| Pattern::new(p, &known).map_err(|e| Error::data(name, e)))
            .collect::<Result<Vec<_>>>()?;
        Ok((file, patterns))
    }

    /// The merged lexicon, holding one lexicon per language of the files.
    fn from_files(files: Vec<(LexiconFile, Vec<Pattern>)>, topics: TopicsFile) -> Self {
        let mut langs: Vec<&str> = files
            .iter()
            .filter_map(|(f, _)| f.lang.as_deref())
            .collect();
        langs.sort_unstable();
        langs.dedup();
        let languages = langs
            .iter()
            .map(|l| (l.to_string(), Self::build(&files, &topics, Some(l))))
            .collect();
        Lexicon {
            languages,
            ..Self::build(&files, &topics, None)
        }
    }

    /// A lexicon from the files: names, titles, roles, calendar words and
    /// the words of organization names from every file; cue lists (verbs,
    /// prepositions, clause words) from the files of `lang` only, or of all
    /// languages when `None`.
    fn build(
        with_patterns: &[(LexiconFile, Vec<Pattern>)],
        topics: &TopicsFile,
        lang: Option<&str>,
    ) -> Self {
        let mine = |x: &LexiconFile| lang.is_none_or(|l| x.lang.as_deref() == Some(l));
        let patterns = with_patterns
            .iter()
            .filter(|(f, _)| f.lang.is_none() || mine(f))
            .flat_map(|(_, p)| p.iter().cloned())
            .collect();
        let files: Vec<&LexiconFile> = with_patterns.iter().map(|(f, _)| f).collect();
        let all = |f: fn(&LexiconFile) -> &Vec<String>| -> Vec<String> {
            files.iter().flat_map(|x| f(x).iter().cloned()).collect()
        };
        let own = |f: fn(&LexiconFile) -> &Vec<String>| -> Vec<String> {
            files
                .iter()
                .filter(|x| mine(x))
                .flat_map(|x| f(x).iter().cloned())
                .collect()
        };
        let months = Phrases::new(files.iter().flat_map(|f| {
            f.months
                .iter()
                .enumerate()
                .chain(f.month_abbreviations.iter().enumerate())
                .map(|(i, m)| (m.clone(), i + 1))
        }));
        let weekdays = Phrases::new(
            files
                .iter()
                .flat_map(|f| f.weekdays.iter().enumerate().map(|(i, d)| (d.clone(), i))),
        );
        let titles: HashSet<String> = all(|f| &f.titles).iter().map(|t| fold(t)).collect();
        let roles: HashSet<String> = all(|f| &f.roles).iter().map(|t| fold(t)).collect();
        let words = |set: &HashSet<String>| {
            set.iter()
                .map(|t| t.split_whitespace().count())
                .max()
                .unwrap_or(1)
        };
        let markers = files
            .iter()
            .filter(|f| !f.markers.is_empty())
            .filter_map(|f| Some((f.lang.clone()?, Phrases::list(f.markers.iter()))))
            .collect();
        Lexicon {
            months,
            weekdays,
            today: Phrases::list(all(|f| &f.today)),
            yesterday: Phrases::list(all(|f| &f.yesterday)),
            max_title_words: words(&titles),
            titles,
            courtesy: all(|f| &f.courtesy).iter().map(|t| fold(t)).collect(),
            max_role_words: words(&roles),
            role_starts: roles
                .iter()
                .filter_map(|r| r.split([' ', '\'']).next().map(str::to_string))
                .collect(),
            roles,
            former: Phrases::list(own(|f| &f.former)),
            state_body: Phrases::list(all(|f| &f.state_body)),
            destination: Phrases::list(own(|f| &f.destination)),
            org_destination: Phrases::list(own(|f| &f.org_destination)),
            meeting: Phrases::list(own(|f| &f.meeting)),
            setting: Phrases::list(own(|f| &f.setting)),
            setting_open: Phrases::list(own(|f| &f.setting_open)),
            country_reference: Phrases::list(own(|f| &f.country_reference)),
            clause: Phrases::list(own(|f| &f.clause)),
            future: Phrases::list(own(|f| &f.future)),
            not_meeting: Phrases::list(own(|f| &f.not_meeting)),
            attendance_after: Phrases::list(own(|f| &f.attendance_after)),
            attendance_before: Phrases::list(own(|f| &f.attendance_before)),
            videoconference: Phrases::list(own(|f| &f.videoconference)),
            phone: Phrases::list(own(|f| &f.phone)),
            hub_head: Phrases::list(own(|f| &f.hub_head)),
            headquarters: Phrases::list(own(|f| &f.headquarters)),
            invite: Phrases::list(own(|f| &f.invite)),
            join: Phrases::list(own(|f| &f.join)),
            join_pronoun: Phrases::list(own(|f| &f.join_pronoun)),
            observer: Phrases::list(own(|f| &f.observer)),
            joined: Phrases::list(own(|f| &f.joined)),
            agreement: Phrases::list(own(|f| &f.agreement)),
            agreement_signed: Phrases::list(own(|f| &f.agreement_signed)),
            agreement_passive: Phrases::list(own(|f| &f.agreement_passive)),
            agreement_prospect: Phrases::list(own(|f| &f.agreement_prospect)),
            agreement_intent: Phrases::list(own(|f| &f.agreement_intent)),
            agreement_reference: Phrases::list(own(|f| &f.agreement_reference)),
            topics: Phrases::new(
                topics
                    .topic
                    .iter()
                    .enumerate()
                    .flat_map(|(i, t)| t.cues.iter().map(move |c| (c.clone(), i))),
            ),
            topic_ids: topics.topic.iter().map(|t| t.id.clone()).collect(),
            stopwords: all(|f| &f.stopwords)
                .iter()
                .chain(all(|f| &f.org_nouns).iter())
                .map(|t| fold(t))
                .collect(),
            calendar_words: files
                .iter()
                .flat_map(|f| {
                    f.months
                        .iter()
                        .chain(&f.month_abbreviations)
                        .chain(&f.weekdays)
                })
                .map(|t| fold(t))
                .collect(),
            org_heads: all(|f| &f.org_heads).iter().map(|t| fold(t)).collect(),
            initiative_heads: all(|f| &f.initiative_heads)
                .iter()
                .map(|t| fold(t))
                .collect(),
            org_links: own(|f| &f.org_links).iter().map(|t| fold(t)).collect(),
            unit_of: Phrases::list(own(|f| &f.unit_of)),
            partner_before: Phrases::list(own(|f| &f.partner_before)),
            coordination: Phrases::list(own(|f| &f.coordination)),
            articles: Phrases::list(own(|f| &f.articles)),
            multilateral: Phrases::list(own(|f| &f.multilateral)),
            announcement: Phrases::list(own(|f| &f.announcement)),
            occasion: Phrases::list(own(|f| &f.occasion)),
            org_link_phrases: Phrases::list(own(|f| &f.org_links)),
            patterns: Patterns::new(patterns),
            subject_pronouns: Phrases::list(own(|f| &f.subject_pronouns)),
            generic_name_words: all(|f| &f.generic_name_words)
                .iter()
                .map(|t| fold(t))
                .collect(),
            name_adjective_endings: all(|f| &f.name_adjective_endings)
                .iter()
                .map(|t| fold(t))
                .collect(),
            org_words: files
                .iter()
                .flat_map(|f| f.org_words.iter())
                .map(|[fr, en]| (fold(fr), en.clone()))
                .collect(),
            markers,
            languages: Vec::new(),
        }
    }

    /// The phrase list of that name (one of [`LISTS`]), as patterns read it.
    pub fn list(&self, name: &str) -> Option<&Phrases> {
        Some(match name {
            "meeting" => &self.meeting,
            "not_meeting" => &self.not_meeting,
            "setting" => &self.setting,
            "setting_open" => &self.setting_open,
            "future" => &self.future,
            "clause" => &self.clause,
            "partner_before" => &self.partner_before,
            "coordination" => &self.coordination,
            "destination" => &self.destination,
            "org_destination" => &self.org_destination,
            "articles" => &self.articles,
            "multilateral" => &self.multilateral,
            "org_links" => &self.org_link_phrases,
            "unit_of" => &self.unit_of,
            "hub_head" => &self.hub_head,
            "headquarters" => &self.headquarters,
            "country_reference" => &self.country_reference,
            "subject_pronouns" => &self.subject_pronouns,
            "attendance_after" => &self.attendance_after,
            "attendance_before" => &self.attendance_before,
            "invite" => &self.invite,
            "join" => &self.join,
            "joined" => &self.joined,
            "observer" => &self.observer,
            "agreement" => &self.agreement,
            "agreement_signed" => &self.agreement_signed,
            "agreement_passive" => &self.agreement_passive,
            "agreement_prospect" => &self.agreement_prospect,
            "agreement_intent" => &self.agreement_intent,
            "agreement_reference" => &self.agreement_reference,
            _ => return None,
        })
    }

    /// The lexicon whose cue lists are those of `lang` (as
    /// [`Lexicon::language`] gives it), or this one for another language.
    ///
    /// ```
    /// let lex = diplograph::extract::Lexicon::builtin().unwrap();
    /// let fr = lex.for_language("fr");
    /// assert!(fr.meeting.occurs("a recu"), "lists match folded text");
    /// assert!(!fr.meeting.occurs("met with"), "English cues apply to English items");
    /// assert!(lex.meeting.occurs("met with"));
    /// ```
    pub fn for_language(&self, lang: &str) -> &Lexicon {
        self.languages
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(self, |(_, lex)| lex)
    }

    /// True for a head noun of organization names ("University", "Fondation").
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(&fold(word))
    }

    /// True for a head noun of initiative names ("Coalition", "Initiative").
    pub fn is_initiative_head(&self, word: &str) -> bool {
        self.initiative_heads.contains(&fold(word))
    }

    /// True for a month or weekday name ("Monday", "juin").
    pub fn is_month_or_weekday(&self, word: &str) -> bool {
        self.calendar_words.contains(&fold(word))
    }

    /// True for a capitalized word that does not make a head noun a name
    /// ("Executive", "Permanent", "Global").
    pub fn is_generic_name_word(&self, word: &str) -> bool {
        self.generic_name_words.contains(&fold(word))
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
            && !self.clause.occurs(&f)
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

    /// True for a courtesy title or honorific ("Dr", "S.E.", "His Excellency").
    pub fn is_title(&self, words: &str) -> bool {
        self.titles.contains(&fold(words))
    }

    /// True for a courtesy title ("M.", "Mrs."): the given name follows it,
    /// so an honorific after it is a first name ("M. Emir Hadžić").
    pub fn is_courtesy(&self, word: &str) -> bool {
        self.courtesy.contains(&fold(word))
    }

    /// The number of words a title may have at most.
    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// The number of words of the role head that `words` starts with, if any.
    pub fn role_head_len(&self, words: &[&str]) -> Option<usize> {
        let first = words.first()?;
        let head = fold(first);
        if !self
            .role_starts
            .contains(head.split('\'').next().unwrap_or_default())
        {
            return None;
        }
        (1..=(self.max_role_words + 1).min(words.len()))
            .rev()
            .find(|&n| self.roles.contains(&fold(&join_words(&words[..n]))))
    }

    /// True when `words` starts with a role head ("Ambassadeur du Japon").
    pub fn is_role_start(&self, words: &[&str]) -> bool {
        self.role_head_len(words).is_some()
    }

    /// True for a word that never belongs to a name.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords
            .contains(fold(word).trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
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
        self.markers
            .iter()
            .map(|(lang, m)| (m.find(folded).len(), lang))
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

/// Joins words with spaces, except after an elided article ("d'affaires").
pub fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !out.ends_with(['\'', '’']) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_both_languages() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.months.find("15 septembre 2022")[0].1, 9);
        assert_eq!(lex.months.find("on september 10")[0].1, 9);
        assert_eq!(lex.weekdays.find("vendredi 28")[0].1, 4);
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
        for name in LISTS {
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
                lex.for_language(lang).meeting.occurs(text),
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
}
