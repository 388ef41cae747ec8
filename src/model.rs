//! The data model shared by every stage, serialized as the JSON contract of
//! `../shared/spec/README.md`: entities with stable ids, meetings with their
//! parties, participants, invitations, memberships and evidence.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Kind of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Country,
    Organization,
    Initiative,
    Place,
}

impl EntityKind {
    /// The id prefix of this kind (`country` in `country:JP`).
    pub fn prefix(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Organization => "org",
            EntityKind::Initiative => "initiative",
            EntityKind::Place => "place",
        }
    }
}

/// An entity as the JSON contract gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
}

impl Entity {
    /// An entity with no aliases, ISO code or acronym.
    ///
    /// ```
    /// use diplograph::model::{Entity, EntityKind};
    /// let e = Entity::new("country:JP", EntityKind::Country, "Japan");
    /// assert!(e.aliases.is_empty() && e.iso.is_none());
    /// ```
    pub fn new(id: impl Into<String>, kind: EntityKind, name: impl Into<String>) -> Self {
        Entity {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            iso: None,
            acronym: None,
        }
    }
}

/// How a meeting was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    InPerson,
    Videoconference,
    Phone,
}

impl Mode {
    /// The contract's name of the mode.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::InPerson => "in_person",
            Mode::Videoconference => "videoconference",
            Mode::Phone => "phone",
        }
    }
}

/// A date that may lack its year, its day or both.
///
/// Serialized as `YYYY-MM-DD`, `--MM-DD`, `YYYY-MM` or `YYYY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// A full date.
    pub fn ymd(year: i32, month: u32, day: u32) -> Self {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// True when year, month and day are known.
    pub fn is_full(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => write!(f, ""),
        }
    }
}

impl PartialDate {
    /// True when the date can exist: a month of the year and a day of that
    /// month (in that year; without a year, in a leap year, so `--02-29`
    /// is possible and `--02-30` is not).
    ///
    /// ```
    /// use diplograph::model::PartialDate;
    /// assert!(PartialDate::ymd(2024, 2, 29).is_possible());
    /// assert!(!PartialDate::ymd(2023, 2, 29).is_possible());
    /// assert!(!PartialDate::ymd(2024, 4, 31).is_possible());
    /// ```
    pub fn is_possible(&self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                chrono::NaiveDate::from_ymd_opt(self.year.unwrap_or(2000), m, d).is_some()
            }
            (Some(m), None) => (1..=12).contains(&m),
            (None, day) => day.is_none(),
        }
    }
}

impl FromStr for PartialDate {
    type Err = String;

    /// Parses the four contract forms, strictly: four digits for the year,
    /// two for the month and the day, and a date that can exist
    /// ([`PartialDate::is_possible`]).
    ///
    /// ```
    /// use diplograph::model::PartialDate;
    /// let d: PartialDate = "--08-11".parse().unwrap();
    /// assert_eq!((d.year, d.month, d.day), (None, Some(8), Some(11)));
    /// assert_eq!("2020-08".parse::<PartialDate>().unwrap().to_string(), "2020-08");
    /// assert!("2024-02-30".parse::<PartialDate>().is_err());
    /// assert!("24-01-01".parse::<PartialDate>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("not a date: {s:?} (YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD)");
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let num = |p: &str, n: usize| {
            if digits(p, n) {
                p.parse::<u32>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let date = if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-').ok_or_else(bad)?;
            PartialDate {
                year: None,
                month: Some(num(m, 2)?),
                day: Some(num(d, 2)?),
            }
        } else {
            let mut parts = s.split('-');
            let year = num(parts.next().ok_or_else(bad)?, 4)?;
            let month = parts.next().map(|p| num(p, 2)).transpose()?;
            let day = parts.next().map(|p| num(p, 2)).transpose()?;
            if parts.next().is_some() {
                return Err(bad());
            }
            PartialDate {
                year: i32::try_from(year).ok(),
                month,
                day,
            }
        };
        if date.is_possible() {
            Ok(date)
        } else {
            Err(format!("{s:?} is not a date that exists"))
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An immutable string that clones by sharing: every fact read from one
/// sentence of a document (a meeting's evidence, an invitation's, a
/// publisher cue's) holds that sentence once, and every piece of evidence
/// of a document its name once. Compares, hashes, prints and serializes
/// as the string it holds.
///
/// ```
/// use diplograph::model::Text;
/// let a = Text::from("Met.");
/// let b = a.clone();
/// assert!(std::ptr::eq(a.as_str(), b.as_str()), "shared, not copied");
/// assert_eq!(a, "Met.");
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#""Met.""#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Text(std::sync::Arc<str>);

impl Text {
    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(s.into())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(s.into())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Text::from(&*s))
    }
}

/// Where a fact was read: a byte span of the source file and its sentence.
///
/// Serialized as the contract's `{"doc", "start", "end", "text"}`; inside
/// [`sentences::Table::scope`] (the saved `graph.json`), a sentence of the
/// table is written as `"sentence": N`, its position in the table, instead
/// of its text, and read back either way. The document name and the
/// sentence are [`Text`]s: a clone shares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub doc: Text,
    pub start: usize,
    pub end: usize,
    pub text: Text,
}

/// The evidence as it is written: its text, or its sentence's position in
/// the table in scope.
#[derive(Serialize, Deserialize)]
struct EvidenceForm<'a> {
    #[serde(borrow)]
    doc: std::borrow::Cow<'a, str>,
    start: usize,
    end: usize,
    #[serde(default, borrow, skip_serializing_if = "Option::is_none")]
    text: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sentence: Option<usize>,
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let sentence = sentences::position(&self.text);
        EvidenceForm {
            doc: self.doc.as_str().into(),
            start: self.start,
            end: self.end,
            text: sentence.is_none().then(|| self.text.as_str().into()),
            sentence,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let form = EvidenceForm::deserialize(d)?;
        let text = match (form.text, form.sentence) {
            (Some(text), None) => Text::from(&*text),
            (None, Some(i)) => sentences::text(i).ok_or_else(|| {
                D::Error::custom(format!(
                    "evidence names sentence {i}, which the file has not"
                ))
            })?,
            (None, None) => return Err(D::Error::missing_field("text")),
            (Some(_), Some(_)) => {
                return Err(D::Error::custom("evidence has both text and sentence"));
            }
        };
        Ok(Evidence {
            doc: Text::from(&*form.doc),
            start: form.start,
            end: form.end,
            text,
        })
    }
}

/// The sentence table of the saved graph: every distinct evidence text
/// once, evidence naming its position. A graph whose meetings are
/// reported by many copies of a page (syndication, mirrors, a corpus read
/// twice) holds each sentence once instead of once per copy.
pub mod sentences {
    use super::Text;
    use std::cell::RefCell;
    use std::collections::HashMap;

    /// Distinct sentence texts in first-use order, and their positions.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct Table {
        texts: Vec<Text>,
        positions: HashMap<Text, usize>,
    }

    thread_local! {
        static IN_SCOPE: RefCell<Option<Table>> = const { RefCell::new(None) };
    }

    impl Table {
        /// A table of the given texts, each once, in first-use order.
        ///
        /// ```
        /// use diplograph::model::sentences::Table;
        /// let t = Table::of(["Met.", "Talked.", "Met."]);
        /// assert_eq!(t.texts(), ["Met.", "Talked."]);
        /// ```
        pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
            let mut table = Table::default();
            for t in texts {
                if !table.positions.contains_key(t) {
                    let t = Text::from(t);
                    table.positions.insert(t.clone(), table.texts.len());
                    table.texts.push(t);
                }
            }
            table
        }

        /// A table read from a file's list of sentences: the evidence read
        /// in its scope shares them.
        pub fn from_texts(texts: Vec<String>) -> Self {
            Table {
                positions: HashMap::new(),
                texts: texts.into_iter().map(Text::from).collect(),
            }
        }

        /// The texts, in table order.
        pub fn texts(&self) -> &[Text] {
            &self.texts
        }

        /// Runs `f` with the table in scope on this thread: [`super::Evidence`]
        /// serializes the position of a text of the table (when written) and
        /// deserializes a position into its text (when read). The previous
        /// scope is restored afterwards, even if `f` panics.
        ///
        /// ```
        /// use diplograph::model::{Evidence, sentences::Table};
        /// let e = Evidence { doc: "a.txt".into(), start: 0, end: 4, text: "Met.".into() };
        /// let table = Table::of(["Met."]);
        /// let json = table.scope(|| serde_json::to_string(&e).unwrap());
        /// assert_eq!(json, r#"{"doc":"a.txt","start":0,"end":4,"sentence":0}"#);
        /// let back: Evidence = table.scope(|| serde_json::from_str(&json).unwrap());
        /// assert_eq!(back, e);
        /// assert!(serde_json::from_str::<Evidence>(&json).is_err(), "no table in scope");
        /// assert!(serde_json::to_string(&e).unwrap().contains(r#""text":"Met.""#));
        /// ```
        pub fn scope<T>(&self, f: impl FnOnce() -> T) -> T {
            struct Restore(Option<Table>);
            impl Drop for Restore {
                fn drop(&mut self) {
                    let previous = self.0.take();
                    IN_SCOPE.with(|t| *t.borrow_mut() = previous);
                }
            }
            let previous = IN_SCOPE.with(|t| t.borrow_mut().replace(self.clone()));
            let _restore = Restore(previous);
            f()
        }
    }

    /// The position of a text in the table in scope, if any.
    pub(super) fn position(text: &str) -> Option<usize> {
        IN_SCOPE.with(|t| t.borrow().as_ref()?.positions.get(text).copied())
    }

    /// The text at a position of the table in scope, if any.
    pub(super) fn text(i: usize) -> Option<Text> {
        IN_SCOPE.with(|t| t.borrow().as_ref()?.texts.get(i).cloned())
    }
}

/// A person taking part in a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    pub person: String,
    pub role: Option<String>,
    pub represents: Option<String>,
}

/// Whether an invitation or membership is to observer status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Capacity {
    Observer,
    Member,
}

/// An invitation of a state (or organization) to join a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    pub invitee: String,
    pub target: String,
    pub capacity: Capacity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// A statement that a state (or organization) is a member of a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Membership {
    pub member: String,
    pub of: String,
    pub capacity: Capacity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// An agreement signed in a meeting (a memorandum of understanding, a
/// cooperation agreement, an executive programme, an action plan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// The title as written ("memorandum of understanding on cooperation in
    /// higher education").
    pub title: String,
    /// The parties that signed: the meeting's.
    pub parties: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// The named event a meeting was held at ("on the sidelines of the 12th
/// Islamic Conference of Culture Ministers", "en marge de la 44e session
/// de la Conférence générale").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occasion {
    /// The event's name as written, without a leading article.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// One meeting of the publishing organization with a counterpart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: String,
    pub doc: String,
    pub headline: Option<String>,
    pub lang: String,
    pub date: Option<PartialDate>,
    pub place: Option<String>,
    pub mode: Option<Mode>,
    pub parties: Vec<String>,
    pub participants: Vec<Participant>,
    pub attendees: Vec<Participant>,
    pub topics: Vec<String>,
    pub invitations: Vec<Invitation>,
    pub memberships: Vec<Membership>,
    /// Agreements signed in the meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
    /// The event the meeting was held at, when the text names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occasion: Option<Occasion>,
    /// The organization whose release reports the meeting: the hub of the
    /// meeting, one of its parties (see [`Publication`]); `None` in
    /// meetings of older files, whose hub is the graph's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    pub evidence: Vec<Evidence>,
}

impl Meeting {
    /// A meeting of a document with nothing known yet: no date, parties,
    /// people or evidence.
    ///
    /// ```
    /// let m = diplograph::model::Meeting::new("m-1", "a.txt");
    /// assert!(m.parties.is_empty() && m.date.is_none());
    /// ```
    pub fn new(id: impl Into<String>, doc: impl Into<String>) -> Self {
        Meeting {
            id: id.into(),
            doc: doc.into(),
            headline: None,
            lang: "en".into(),
            date: None,
            place: None,
            mode: None,
            parties: Vec::new(),
            participants: Vec::new(),
            attendees: Vec::new(),
            topics: Vec::new(),
            invitations: Vec::new(),
            memberships: Vec::new(),
            agreements: Vec::new(),
            occasion: None,
            publisher: None,
            evidence: Vec::new(),
        }
    }

    /// Every entity id the meeting names: parties, people and whom they
    /// represent, invitees, members and their targets (with repeats).
    ///
    /// ```
    /// let mut m = diplograph::model::Meeting::new("m-1", "a.txt");
    /// m.parties = vec!["org:icesco".into(), "country:JP".into()];
    /// assert_eq!(m.entity_ids().collect::<Vec<_>>(), ["org:icesco", "country:JP"]);
    /// ```
    pub fn entity_ids(&self) -> impl Iterator<Item = &str> {
        self.entity_refs().map(|(_, id)| id)
    }

    /// [`Self::entity_ids`], each with what it is in the meeting: `party`,
    /// `person`, `represented`, `invitee`, `invitation target`, `member`,
    /// `membership target`, `signatory`.
    ///
    /// ```
    /// let mut m = diplograph::model::Meeting::new("m-1", "a.txt");
    /// m.parties = vec!["org:icesco".into()];
    /// assert_eq!(m.entity_refs().collect::<Vec<_>>(), [("party", "org:icesco")]);
    /// ```
    pub fn entity_refs(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let people = self.participants.iter().chain(&self.attendees);
        self.parties
            .iter()
            .map(|p| ("party", p.as_str()))
            .chain(people.flat_map(|p| {
                std::iter::once(("person", p.person.as_str()))
                    .chain(p.represents.as_deref().map(|r| ("represented", r)))
            }))
            .chain(self.invitations.iter().flat_map(|i| {
                [
                    ("invitee", i.invitee.as_str()),
                    ("invitation target", i.target.as_str()),
                ]
            }))
            .chain(self.memberships.iter().flat_map(|m| {
                [
                    ("member", m.member.as_str()),
                    ("membership target", m.of.as_str()),
                ]
            }))
            .chain(
                self.agreements
                    .iter()
                    .flat_map(|a| a.parties.iter().map(|p| ("signatory", p.as_str()))),
            )
            .chain(self.publisher.as_deref().map(|p| ("publisher", p)))
    }
}

/// Invitations and memberships that a news item reports outside any
/// meeting ("ICESCO invites Portugal to join as an Observer State").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    pub id: String,
    pub doc: String,
    pub headline: Option<String>,
    pub lang: String,
    /// The item's date (its dateline or publication date).
    pub date: Option<PartialDate>,
    pub invitations: Vec<Invitation>,
    pub memberships: Vec<Membership>,
}

impl Announcement {
    /// Every entity id it names: invitees, members and their targets.
    ///
    /// ```
    /// use diplograph::model::{Announcement, Capacity, Invitation};
    /// let a = Announcement {
    ///     id: "a-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(), date: None,
    ///     invitations: vec![Invitation { invitee: "country:PT".into(), target: "org:icesco".into(),
    ///         capacity: Capacity::Observer, evidence: None }],
    ///     memberships: vec![],
    /// };
    /// assert_eq!(a.entity_ids().collect::<Vec<_>>(), ["country:PT", "org:icesco"]);
    /// ```
    pub fn entity_ids(&self) -> impl Iterator<Item = &str> {
        self.invitations
            .iter()
            .flat_map(|i| [i.invitee.as_str(), i.target.as_str()])
            .chain(
                self.memberships
                    .iter()
                    .flat_map(|m| [m.member.as_str(), m.of.as_str()]),
            )
    }
}

/// The result of extraction over a corpus: the `meetings` JSON document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub meetings: Vec<Meeting>,
    pub entities: Vec<Entity>,
    /// Invitations and memberships reported outside meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub announcements: Vec<Announcement>,
    /// Who publishes each document that reports a meeting or an
    /// announcement, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publishers: Vec<Publication>,
}

/// The publisher of one document: the organization whose release it is,
/// decided by scoring cues of the text (see `src/extract/publisher.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publication {
    pub doc: String,
    /// The publisher's entity id.
    pub publisher: String,
    /// Its score: its cues' weights, plus the prior of the configured hub.
    pub score: f64,
    /// True when no cue named any candidate: the configured hub by default.
    pub default: bool,
    /// Every cue found, for the publisher or another candidate, in text order.
    pub cues: Vec<PublisherCue>,
}

/// What a cue for a publisher is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublisherCueKind {
    /// Named in a header line or a dateline.
    Byline,
    /// Its head opens a sentence.
    Head,
    /// Named at the opening of a sentence.
    Name,
}

/// One cue for a candidate publisher.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublisherCue {
    pub entity: String,
    pub cue: PublisherCueKind,
    pub weight: f64,
    pub evidence: Evidence,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_round_trip() {
        for s in ["2020-08-11", "--08-11", "2020-08", "2020"] {
            assert_eq!(s.parse::<PartialDate>().unwrap().to_string(), s);
        }
        for bad in [
            "2020-13",
            "--02-32",
            "soon",
            "",
            "2024-02-30",
            "2023-02-29",
            "--02-30",
            "2024-04-31",
            "24-01-01",
            "2024-1-5",
            "02024-01-01",
            "2024-01-01-01",
            "+202-01-01",
            "2024-00",
            "2024-01-00",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
        for good in ["2024-02-29", "--02-29", "2024-12-31", "0999"] {
            assert!(good.parse::<PartialDate>().is_ok(), "{good}");
        }
    }

    #[test]
    fn evidence_reads_and_writes_its_texts_as_strings() {
        let json = r#"{"doc":"a.txt","start":3,"end":7,"text":"Met \"him\"."}"#;
        let e: Evidence = serde_json::from_str(json).unwrap();
        assert_eq!((e.doc.as_str(), e.text.as_str()), ("a.txt", "Met \"him\"."));
        assert_eq!(serde_json::to_string(&e).unwrap(), json);
        let copy = e.clone();
        assert!(std::ptr::eq(copy.text.as_str(), e.text.as_str()));
        assert_eq!(Text::from("a"), Text::from(String::from("a")));
        assert_eq!(format!("{:?} {}", e.doc, e.doc), r#""a.txt" a.txt"#);
    }

    #[test]
    fn modes_serialize_as_the_contract_says() {
        assert_eq!(
            serde_json::to_string(&Mode::InPerson).unwrap(),
            "\"in_person\""
        );
        assert_eq!(
            serde_json::to_string(&Capacity::Observer).unwrap(),
            "\"observer\""
        );
    }
}
