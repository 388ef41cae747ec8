//! Scoring an extraction against a gold file.
//!
//! The gold format is the one of `../shared/spec/README.md`: a JSON array of
//! documents, each with the meetings it reports. [`Gold::load`] reads it into
//! typed structs; [`score`] compares an [`Extraction`] with it and returns an
//! [`Evaluation`]: the [`Scores`] and the lists of what was missed, invented
//! or got wrong.
//!
//! The semantics are those of the reference scorer (`shared/tools/score.py`):
//!
//! - a predicted meeting belongs to a gold document when its `doc` ends with
//!   the gold `doc` (so `examples/corpus/fr/a.txt` is `corpus/fr/a.txt`);
//! - the publishing organization never counts as a counterpart: it is the
//!   meeting's `publisher` (the document's, `--hub`), or, in meetings saved
//!   without one, the party the reference scorer recognizes by its names
//!   (ICESCO, ISESCO, its long names). On ICESCO's releases the two agree;
//!   on another organization's, ICESCO met by it is a counterpart;
//! - a prediction counts once per counterpart party, as the reference
//!   scorer does: a meeting with A and B can match the gold meetings with
//!   A and with B, and each party matching none is a false positive;
//! - a gold counterpart matches a predicted party by ISO code for countries
//!   and by any overlap of name, acronym and aliases for organizations; each
//!   predicted party matches at most one gold meeting, first come first
//!   served;
//! - person names match when their tokens agree once titles are dropped, or
//!   when one name lacks a single token of the other (a middle name);
//! - a gold date `--MM-DD` (year unknown) accepts any full date of that day;
//! - invitations and memberships count only when they are to observer status
//!   or to a coalition (a target whose name mentions "coalition").
//!
//! One difference: two spellings of a place are equal when the gazetteer
//! knows both as one entry (Noursoultan, Nur-Sultan, Astana), rather than by
//! the scorer's fixed list; otherwise they must fold to the same text.

use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::model::{Capacity, Entity, Extraction, Meeting, Mode, PartialDate};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;

/// A gold file: one entry per document.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Gold {
    pub docs: Vec<GoldDoc>,
}

/// The meetings one document reports (possibly none).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldDoc {
    /// Path suffix of the document (`seeds/000_….txt`).
    pub doc: String,
    pub meetings: Vec<GoldMeeting>,
}

/// One meeting as an annotator wrote it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldMeeting {
    pub counterpart: Counterpart,
    #[serde(default)]
    pub counterpart_person: Option<String>,
    #[serde(default)]
    pub counterpart_role: Option<String>,
    #[serde(default)]
    pub hub_person: Option<String>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub mode: Option<Mode>,
    #[serde(default)]
    pub attendees: Vec<String>,
    #[serde(default)]
    pub invitations: Vec<GoldInvitation>,
    #[serde(default)]
    pub joined: Vec<GoldJoined>,
    #[serde(default)]
    pub agreements: Vec<String>,
}

/// The party other than the publishing organization.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Counterpart {
    Country {
        iso: String,
        #[serde(default)]
        name: Option<String>,
    },
    Organization {
        name: String,
        #[serde(default)]
        acronym: Option<String>,
    },
}

impl Counterpart {
    /// A short label: the ISO code of a country, the acronym or name of an
    /// organization.
    pub fn label(&self) -> &str {
        match self {
            Counterpart::Country { iso, .. } => iso,
            Counterpart::Organization { name, acronym } => acronym.as_deref().unwrap_or(name),
        }
    }
}

/// What an invitation or membership is to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    ObserverStatus,
    Coalition,
    Visit,
    Other,
}

impl Relation {
    /// The gold format's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::ObserverStatus => "observer_status",
            Relation::Coalition => "coalition",
            Relation::Visit => "visit",
            Relation::Other => "other",
        }
    }

    fn is_scored(self) -> bool {
        matches!(self, Relation::ObserverStatus | Relation::Coalition)
    }
}

/// A gold invitation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldInvitation {
    pub invitee_iso: String,
    pub to: Relation,
    #[serde(default)]
    pub target: Option<String>,
}

/// A gold membership ("X joined Y").
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct GoldJoined {
    pub member_iso: String,
    pub of: Relation,
    #[serde(default)]
    pub target: Option<String>,
}

impl Gold {
    /// Reads and parses a gold file (a regular file: a FIFO is refused, not
    /// waited on); errors name the file.
    pub fn load(path: &Path) -> Result<Gold> {
        let text = crate::files::read_text(path, u64::MAX)?;
        Gold::parse(&text, path)
    }

    /// Parses the text of a gold file; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Gold> {
        serde_json::from_str(text)
            .map_err(|e| Error::data(path, format!("not a gold file (see the spec): {e}")))
    }
}

/// The figures of an evaluation, each between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    pub meeting_p: f64,
    pub meeting_r: f64,
    pub meeting_f1: f64,
    /// Share of matched meetings whose counterpart person is right.
    pub person_acc: f64,
    pub date_acc: f64,
    pub place_acc: f64,
    pub mode_acc: f64,
    pub attendee_f1: f64,
    pub invitation_f1: f64,
    pub joined_f1: f64,
    /// Agreements signed, counted per matched meeting: the gold's
    /// `agreements` against the prediction's.
    pub agreement_f1: f64,
}

impl Scores {
    /// Every metric with its name, in a fixed order.
    pub fn metrics(&self) -> [(&'static str, f64); 11] {
        [
            ("meeting_p", self.meeting_p),
            ("meeting_r", self.meeting_r),
            ("meeting_f1", self.meeting_f1),
            ("person_acc", self.person_acc),
            ("date_acc", self.date_acc),
            ("place_acc", self.place_acc),
            ("mode_acc", self.mode_acc),
            ("attendee_f1", self.attendee_f1),
            ("invitation_f1", self.invitation_f1),
            ("joined_f1", self.joined_f1),
            ("agreement_f1", self.agreement_f1),
        ]
    }
}

/// Meeting counts behind the precision and recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub gold: usize,
    /// Predicted meetings in documents that the gold file covers.
    pub predicted: usize,
    pub matched: usize,
}

/// A gold meeting that no prediction matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub doc: String,
    pub counterpart: String,
}

/// A predicted meeting that matched no gold meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extra {
    pub doc: String,
    pub meeting: String,
    /// Names of its counterpart parties that match no gold meeting.
    pub parties: Vec<String>,
}

/// A matched meeting with a wrong or missing field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    pub doc: String,
    pub counterpart: String,
    /// `person`, `date`, `place`, `mode`, `attendees` or `agreements`.
    pub field: &'static str,
    pub gold: String,
    pub predicted: Option<String>,
}

/// An invitation or membership as scored: document, state, relation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Link {
    pub doc: String,
    pub iso: String,
    pub relation: Relation,
}

/// Gold links no prediction gave, and predicted links not in gold.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LinkDiff {
    pub missed: Vec<Link>,
    pub extra: Vec<Link>,
}

/// The result of [`score`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub scores: Scores,
    pub counts: Counts,
    pub misses: Vec<Miss>,
    pub extras: Vec<Extra>,
    pub field_errors: Vec<FieldError>,
    pub invitations: LinkDiff,
    pub joined: LinkDiff,
}

static HUB_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(icesco|isesco)\b|islamic world educational|islamic educational, scientific|monde islamique pour l|organisation islamique pour l",
    )
    .expect("valid regex")
});
static COALITION_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)coalition").expect("valid regex"));

const TITLES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "m", "mme", "mlle", "he", "se", "pr", "prof", "sheikh", "cheikh",
    "h.e", "s.e",
];

/// Folds like the reference scorer: no accents, lowercase, every run of
/// characters other than `a-z0-9` becomes one space.
fn key(s: &str) -> String {
    crate::text::fold(s)
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn name_tokens(s: &str) -> Vec<String> {
    key(s)
        .split(' ')
        .filter(|t| !t.is_empty() && !TITLES.contains(t))
        .map(str::to_string)
        .collect()
}

/// True when two person names designate the same person.
pub fn same_person(a: &str, b: &str) -> bool {
    let (ta, tb) = (name_tokens(a), name_tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    let sa: HashSet<&String> = ta.iter().collect();
    let sb: HashSet<&String> = tb.iter().collect();
    if sa == sb {
        return true;
    }
    let (small, big) = if sa.len() <= sb.len() {
        (sa, sb)
    } else {
        (sb, sa)
    };
    small.len() >= 2 && small.is_subset(&big) && small.len() + 1 >= big.len()
}

/// True when a predicted date satisfies a gold date.
pub fn date_ok(gold: PartialDate, pred: Option<PartialDate>) -> bool {
    let Some(pred) = pred else { return false };
    if gold == pred {
        return true;
    }
    let year_unknown = gold.year.is_none() && gold.month.is_some() && gold.day.is_some();
    year_unknown && pred.is_full() && pred.month == gold.month && pred.day == gold.day
}

/// True when two spellings name one place: the gazetteer knows both as one
/// entry, or they fold to the same text.
pub fn same_place(gazetteer: &Gazetteer, a: &str, b: &str) -> bool {
    match (gazetteer.lookup(a), gazetteer.lookup(b)) {
        (Some(x), Some(y)) if x == y => true,
        _ => {
            let (ka, kb) = (key(a), key(b));
            !ka.is_empty() && ka == kb
        }
    }
}

/// True when `party` is the hub of `m`: its publisher, else (a meeting
/// saved without one) the party named as the reference scorer's hub.
fn is_hub_of(m: &Meeting, party: &str, entity: Option<&Entity>) -> bool {
    match &m.publisher {
        Some(p) => p == party,
        None => is_hub(entity),
    }
}

fn is_hub(e: Option<&Entity>) -> bool {
    e.is_some_and(|e| {
        let mut all = vec![e.name.as_str(), e.acronym.as_deref().unwrap_or("")];
        all.extend(e.aliases.iter().map(String::as_str));
        HUB_RE.is_match(&all.join(" "))
    })
}

/// How a counterpart is recognized.
#[derive(Debug, PartialEq)]
enum Key {
    Country(String),
    Org(HashSet<String>),
}

impl Key {
    fn matches(&self, other: &Key) -> bool {
        match (self, other) {
            (Key::Country(a), Key::Country(b)) => a == b,
            (Key::Org(a), Key::Org(b)) => !a.is_disjoint(b),
            _ => false,
        }
    }
}

fn gold_key(c: &Counterpart) -> Key {
    match c {
        Counterpart::Country { iso, .. } => Key::Country(iso.to_uppercase()),
        Counterpart::Organization { name, acronym } => Key::Org(
            std::iter::once(name)
                .chain(acronym)
                .map(|s| key(s))
                .filter(|k| !k.is_empty())
                .collect(),
        ),
    }
}

fn pred_key(id: &str, e: Option<&Entity>) -> Key {
    if let Some(iso) = e.and_then(|e| e.iso.as_deref()) {
        return Key::Country(iso.to_uppercase());
    }
    let mut keys: HashSet<String> = HashSet::new();
    if let Some(e) = e {
        let names = e.acronym.iter().chain([&e.name]).chain(&e.aliases);
        keys.extend(names.map(|s| key(s)).filter(|k| !k.is_empty()));
    }
    if keys.is_empty() {
        keys.insert(key(id));
    }
    Key::Org(keys)
}

fn doc_match(gold_doc: &str, pred_doc: &str) -> bool {
    pred_doc.replace('\\', "/").ends_with(gold_doc)
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fn_);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn set_f1(gold: &BTreeSet<Link>, pred: &BTreeSet<Link>) -> (f64, LinkDiff) {
    let tp = gold.intersection(pred).count();
    let diff = LinkDiff {
        missed: gold.difference(pred).cloned().collect(),
        extra: pred.difference(gold).cloned().collect(),
    };
    (prf(tp, diff.extra.len(), diff.missed.len()).2, diff)
}

/// Accuracy over the matched meetings whose gold gives the field.
#[derive(Default)]
struct Acc {
    good: usize,
    total: usize,
}

impl Acc {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.good += usize::from(ok);
    }

    fn value(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.good as f64 / self.total as f64
        }
    }
}

struct Scorer<'a> {
    gazetteer: &'a Gazetteer,
    entities: HashMap<&'a str, &'a Entity>,
    person: Acc,
    date: Acc,
    place: Acc,
    mode: Acc,
    attendees: (usize, usize, usize),
    /// Agreements matched, predicted only, and missed.
    agreements: (usize, usize, usize),
    field_errors: Vec<FieldError>,
}

impl<'a> Scorer<'a> {
    fn entity(&self, id: &str) -> Option<&'a Entity> {
        self.entities.get(id).copied()
    }

    fn name_of(&self, id: &str) -> String {
        self.entity(id).map(|e| e.name.clone()).unwrap_or_default()
    }

    fn wrong(
        &mut self,
        doc: &str,
        gm: &GoldMeeting,
        field: &'static str,
        gold: String,
        pred: Option<String>,
    ) {
        self.field_errors.push(FieldError {
            doc: doc.to_string(),
            counterpart: gm.counterpart.label().to_string(),
            field,
            gold,
            predicted: pred,
        });
    }

    /// Scores the fields of a gold meeting matched to `m` through party `pid`.
    fn compare(&mut self, doc: &str, gm: &GoldMeeting, m: &Meeting, pid: &str) {
        if let Some(person) = gm.counterpart_person.as_deref().filter(|p| !p.is_empty()) {
            let mut cands: Vec<_> = m
                .participants
                .iter()
                .filter(|p| p.represents.as_deref() == Some(pid))
                .collect();
            if cands.is_empty() {
                cands = m
                    .participants
                    .iter()
                    .filter(|p| {
                        let r = p.represents.as_deref();
                        !r.is_some_and(|r| is_hub_of(m, r, self.entity(r)))
                    })
                    .collect();
            }
            let names: Vec<String> = cands.iter().map(|p| self.name_of(&p.person)).collect();
            let ok = names.iter().any(|n| same_person(person, n));
            self.person.add(ok);
            if !ok {
                let pred = (!names.is_empty()).then(|| names.join("; "));
                self.wrong(doc, gm, "person", person.to_string(), pred);
            }
        }
        if let Some(date) = gm.date {
            let ok = date_ok(date, m.date);
            self.date.add(ok);
            if !ok {
                self.wrong(
                    doc,
                    gm,
                    "date",
                    date.to_string(),
                    m.date.map(|d| d.to_string()),
                );
            }
        }
        if let Some(place) = gm.place.as_deref().filter(|p| !p.is_empty()) {
            let ok = m
                .place
                .as_deref()
                .is_some_and(|p| same_place(self.gazetteer, place, p));
            self.place.add(ok);
            if !ok {
                self.wrong(doc, gm, "place", place.to_string(), m.place.clone());
            }
        }
        if let Some(mode) = gm.mode {
            let ok = m.mode == Some(mode);
            self.mode.add(ok);
            if !ok {
                let pred = m.mode.map(|x| x.as_str().to_string());
                self.wrong(doc, gm, "mode", mode.as_str().to_string(), pred);
            }
        }
        let mut pool: Vec<String> = m
            .attendees
            .iter()
            .map(|p| self.name_of(&p.person))
            .collect();
        let mut matched = 0;
        for a in &gm.attendees {
            if let Some(at) = pool.iter().position(|q| same_person(a, q)) {
                pool.remove(at);
                matched += 1;
            }
        }
        let missed = gm.attendees.len() - matched;
        self.attendees.0 += matched;
        self.attendees.1 += pool.len();
        self.attendees.2 += missed;
        if missed > 0 || !pool.is_empty() {
            let pred: Vec<String> = m
                .attendees
                .iter()
                .map(|p| self.name_of(&p.person))
                .collect();
            self.wrong(
                doc,
                gm,
                "attendees",
                gm.attendees.join("; "),
                Some(pred.join("; ")),
            );
        }
        let (gold, pred) = (gm.agreements.len(), m.agreements.len());
        let both = gold.min(pred);
        self.agreements.0 += both;
        self.agreements.1 += pred - both;
        self.agreements.2 += gold - both;
        if gold != pred {
            let titles: Vec<&str> = m.agreements.iter().map(|a| a.title.as_str()).collect();
            self.wrong(
                doc,
                gm,
                "agreements",
                gm.agreements.join("; "),
                Some(titles.join("; ")),
            );
        }
    }

    /// The observer-status or coalition class of a predicted link, if any.
    fn relation(&self, capacity: Capacity, target: &str) -> Option<Relation> {
        if capacity == Capacity::Observer {
            return Some(Relation::ObserverStatus);
        }
        let t = self.entity(target)?;
        let text = std::iter::once(&t.name)
            .chain(&t.aliases)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        COALITION_RE.is_match(&text).then_some(Relation::Coalition)
    }

    fn link(&self, doc: &str, state: &str, relation: Option<Relation>) -> Option<Link> {
        let iso = self.entity(state)?.iso.as_deref()?;
        Some(Link {
            doc: doc.to_string(),
            iso: iso.to_uppercase(),
            relation: relation?,
        })
    }
}

/// Scores `extraction` against `gold`. Only predictions in documents that
/// the gold file lists count.
pub fn score(gold: &Gold, extraction: &Extraction, gazetteer: &Gazetteer) -> Evaluation {
    let mut s = Scorer {
        gazetteer,
        entities: extraction
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e))
            .collect(),
        person: Acc::default(),
        date: Acc::default(),
        place: Acc::default(),
        mode: Acc::default(),
        attendees: (0, 0, 0),
        agreements: (0, 0, 0),
        field_errors: Vec::new(),
    };
    let meetings = &extraction.meetings;
    let (mut tp, mut fn_) = (0, 0);
    // (prediction, party): a prediction counts once per counterpart party.
    let mut used: HashSet<(usize, &str)> = HashSet::new();
    let mut misses = Vec::new();
    let (mut inv_gold, mut join_gold) = (BTreeSet::new(), BTreeSet::new());
    for g in &gold.docs {
        // Every party of every prediction of this document, with its key.
        let pkeys: Vec<(usize, &str, Key)> = meetings
            .iter()
            .enumerate()
            .filter(|(_, m)| doc_match(&g.doc, &m.doc))
            .flat_map(|(i, m)| {
                m.parties
                    .iter()
                    .map(move |pid| (i, pid.as_str()))
                    .filter(|(_, pid)| !is_hub_of(m, pid, s.entity(pid)))
                    .map(|(i, pid)| (i, pid, pred_key(pid, s.entity(pid))))
                    .collect::<Vec<_>>()
            })
            .collect();
        for gm in &g.meetings {
            for inv in gm.invitations.iter().filter(|i| i.to.is_scored()) {
                inv_gold.insert(Link {
                    doc: g.doc.clone(),
                    iso: inv.invitee_iso.to_uppercase(),
                    relation: inv.to,
                });
            }
            for j in gm.joined.iter().filter(|j| j.of.is_scored()) {
                join_gold.insert(Link {
                    doc: g.doc.clone(),
                    iso: j.member_iso.to_uppercase(),
                    relation: j.of,
                });
            }
            let gk = gold_key(&gm.counterpart);
            let hit = pkeys
                .iter()
                .find(|(i, pid, k)| !used.contains(&(*i, *pid)) && gk.matches(k));
            let Some(&(i, pid, _)) = hit else {
                fn_ += 1;
                misses.push(Miss {
                    doc: g.doc.clone(),
                    counterpart: gm.counterpart.label().to_string(),
                });
                continue;
            };
            used.insert((i, pid));
            tp += 1;
            s.compare(&g.doc, gm, &meetings[i], pid);
        }
    }
    let mut extras = Vec::new();
    let (mut inv_pred, mut join_pred) = (BTreeSet::new(), BTreeSet::new());
    let mut fp = 0;
    for (i, m) in meetings.iter().enumerate() {
        let Some(d) = gold.docs.iter().find(|g| doc_match(&g.doc, &m.doc)) else {
            continue;
        };
        let d = d.doc.as_str();
        let unmatched: Vec<&String> = m
            .parties
            .iter()
            .filter(|p| !is_hub_of(m, p, s.entity(p)) && !used.contains(&(i, p.as_str())))
            .collect();
        if !unmatched.is_empty() {
            fp += unmatched.len();
            extras.push(Extra {
                doc: d.to_string(),
                meeting: m.id.clone(),
                parties: unmatched
                    .iter()
                    .map(|p| {
                        s.entity(p)
                            .map_or_else(|| p.to_string(), |e| e.name.clone())
                    })
                    .collect(),
            });
        }
        for inv in &m.invitations {
            let rel = s.relation(inv.capacity, &inv.target);
            inv_pred.extend(s.link(d, &inv.invitee, rel));
        }
        for mem in &m.memberships {
            let rel = s.relation(mem.capacity, &mem.of);
            join_pred.extend(s.link(d, &mem.member, rel));
        }
    }
    let (meeting_p, meeting_r, meeting_f1) = prf(tp, fp, fn_);
    let (invitation_f1, invitations) = set_f1(&inv_gold, &inv_pred);
    let (joined_f1, joined) = set_f1(&join_gold, &join_pred);
    let (atp, afp, afn) = s.attendees;
    let (gtp, gfp, gfn) = s.agreements;
    let scores = Scores {
        meeting_p,
        meeting_r,
        meeting_f1,
        person_acc: s.person.value(),
        date_acc: s.date.value(),
        place_acc: s.place.value(),
        mode_acc: s.mode.value(),
        attendee_f1: prf(atp, afp, afn).2,
        invitation_f1,
        joined_f1,
        agreement_f1: prf(gtp, gfp, gfn).2,
    };
    Evaluation {
        scores,
        counts: Counts {
            gold: tp + fn_,
            predicted: tp + fp,
            matched: tp,
        },
        misses,
        extras,
        field_errors: s.field_errors,
        invitations,
        joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Agreement, EntityKind, Invitation, Membership, Participant};
    use serde_json::json;

    fn entity(
        id: &str,
        kind: EntityKind,
        name: &str,
        iso: Option<&str>,
        acronym: Option<&str>,
    ) -> Entity {
        Entity {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: vec![],
            iso: iso.map(Into::into),
            acronym: acronym.map(Into::into),
        }
    }

    /// The entities every prediction below can use.
    fn entities() -> Vec<Entity> {
        use EntityKind::*;
        let mut who = entity(
            "org:who",
            Organization,
            "Organisation mondiale de la Santé",
            None,
            Some("OMS"),
        );
        who.aliases = vec!["World Health Organization".into()];
        vec![
            entity(
                "org:icesco",
                Organization,
                "Islamic World Educational, Scientific and Cultural Organization",
                None,
                Some("ICESCO"),
            ),
            who,
            entity("country:JP", Country, "Japan", Some("JP"), None),
            entity("country:SG", Country, "Singapore", Some("SG"), None),
            entity("country:AZ", Country, "Azerbaijan", Some("AZ"), None),
            entity(
                "initiative:humanitarian-coalition",
                Initiative,
                "Global Humanitarian Coalition",
                None,
                None,
            ),
            entity(
                "person:salim-m-almalik",
                Person,
                "Salim M. AlMalik",
                None,
                None,
            ),
            entity("person:kenji-sato", Person, "Kenji Sato", None, None),
            entity("person:kenji-t-sato", Person, "Kenji T. Sato", None, None),
            entity("person:hiro-sato", Person, "Hiro Sato", None, None),
            entity("person:amina-diallo", Person, "Amina Diallo", None, None),
            entity("person:omar-haddad", Person, "Omar Haddad", None, None),
        ]
    }

    fn person(id: &str, represents: &str) -> Participant {
        Participant {
            person: id.into(),
            role: None,
            represents: Some(represents.into()),
        }
    }

    /// A correct prediction of the gold meeting below.
    fn meeting(doc: &str) -> Meeting {
        Meeting {
            id: "m-1".into(),
            doc: doc.into(),
            headline: None,
            lang: "fr".into(),
            date: Some(PartialDate::ymd(2020, 8, 11)),
            place: Some("Rabat".into()),
            mode: Some(Mode::InPerson),
            parties: vec!["org:icesco".into(), "country:JP".into()],
            participants: vec![
                person("person:salim-m-almalik", "org:icesco"),
                person("person:kenji-sato", "country:JP"),
            ],
            attendees: vec![person("person:amina-diallo", "org:icesco")],
            topics: vec![],
            invitations: vec![Invitation {
                invitee: "country:JP".into(),
                target: "org:icesco".into(),
                capacity: Capacity::Observer,
                evidence: None,
            }],
            memberships: vec![],
            agreements: vec![],
            occasion: None,
            publisher: None,
            evidence: vec![],
        }
    }

    fn gold_meeting() -> serde_json::Value {
        json!({
            "counterpart": {"kind": "country", "iso": "JP", "name": "Japan"},
            "counterpart_person": "Kenji Sato", "counterpart_role": "Ambassador",
            "hub_person": "Salim M. AlMalik", "date": "--08-11", "place": "Rabat",
            "mode": "in_person", "attendees": ["Mme Amina Diallo"],
            "invitations": [{"invitee_iso": "JP", "to": "observer_status", "target": "membre observateur"}],
            "joined": [], "agreements": []
        })
    }

    fn gold(meetings: Vec<serde_json::Value>) -> Gold {
        let v = json!([{"doc": "corpus/fr/a.txt", "meetings": meetings}, {"doc": "corpus/fr/empty.txt", "meetings": []}]);
        serde_json::from_value(v).unwrap()
    }

    fn run(gold: &Gold, meetings: Vec<Meeting>) -> Evaluation {
        let extraction = Extraction {
            meetings,
            entities: entities(),
            ..Default::default()
        };
        score(gold, &extraction, &Gazetteer::builtin().unwrap())
    }

    fn metric(e: &Evaluation, name: &str) -> f64 {
        e.scores
            .metrics()
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
    }

    const DOC: &str = "examples/corpus/fr/a.txt";

    #[test]
    fn a_perfect_prediction_scores_one_everywhere() {
        let e = run(&gold(vec![gold_meeting()]), vec![meeting(DOC)]);
        for (name, value) in e.scores.metrics() {
            assert_eq!(value, 1.0, "{name}");
        }
        assert_eq!(
            e.counts,
            Counts {
                gold: 1,
                predicted: 1,
                matched: 1
            }
        );
        assert!(e.misses.is_empty() && e.extras.is_empty() && e.field_errors.is_empty());
    }

    #[test]
    fn each_metric_can_fail() {
        type Edit = fn(&mut Meeting, &mut serde_json::Value);
        let cases: &[(&str, Edit, &str, f64)] = &[
            (
                "other country",
                |m, _| m.parties[1] = "country:SG".into(),
                "meeting_f1",
                0.0,
            ),
            (
                "other document",
                |m, _| m.doc = "examples/corpus/fr/b.txt".into(),
                "meeting_r",
                0.0,
            ),
            (
                "doc is only a suffix",
                |m, _| m.doc = "xcorpus/fr/a.txt.bak".into(),
                "meeting_r",
                0.0,
            ),
            (
                "hub alone is no counterpart",
                |m, _| m.parties = vec!["org:icesco".into()],
                "meeting_r",
                0.0,
            ),
            (
                "other person",
                |m, _| m.participants[1].person = "person:hiro-sato".into(),
                "person_acc",
                0.0,
            ),
            (
                "wrong day",
                |m, _| m.date = Some(PartialDate::ymd(2020, 8, 12)),
                "date_acc",
                0.0,
            ),
            (
                "year-less gold needs the day",
                |m, _| m.date = Some("2020-08".parse().unwrap()),
                "date_acc",
                0.0,
            ),
            (
                "full gold date needs the year",
                |m, g| {
                    g["date"] = json!("2021-08-11");
                    m.date = Some("--08-11".parse().unwrap());
                },
                "date_acc",
                0.0,
            ),
            ("no date", |m, _| m.date = None, "date_acc", 0.0),
            (
                "other city",
                |m, _| m.place = Some("Casablanca".into()),
                "place_acc",
                0.0,
            ),
            (
                "videoconference",
                |m, _| m.mode = Some(Mode::Videoconference),
                "mode_acc",
                0.0,
            ),
            // One right attendee, one invented: p = 0.5, r = 1.
            (
                "extra attendee",
                |m, _| m.attendees.push(person("person:omar-haddad", "org:icesco")),
                "attendee_f1",
                2.0 / 3.0,
            ),
            (
                "missed attendee",
                |m, _| m.attendees.clear(),
                "attendee_f1",
                0.0,
            ),
            (
                "member instead of observer",
                |m, _| m.invitations[0].capacity = Capacity::Member,
                "invitation_f1",
                0.0,
            ),
            (
                "missed coalition invitation",
                |_, g| {
                    g["invitations"].as_array_mut().unwrap().push(
                        json!({"invitee_iso": "JP", "to": "coalition", "target": "Coalition"}),
                    )
                },
                "invitation_f1",
                2.0 / 3.0,
            ),
            (
                "invented membership",
                |m, _| {
                    m.memberships.push(Membership {
                        member: "country:JP".into(),
                        of: "initiative:humanitarian-coalition".into(),
                        capacity: Capacity::Member,
                        evidence: None,
                    })
                },
                "joined_f1",
                0.0,
            ),
            (
                "missed agreement",
                |_, g| g["agreements"] = json!(["MoU on manuscripts"]),
                "agreement_f1",
                0.0,
            ),
            // Two signed, one found: p = 1, r = 0.5.
            (
                "one of two agreements",
                |m, g| {
                    g["agreements"] = json!(["MoU", "executive programme"]);
                    m.agreements.push(Agreement {
                        title: "memorandum of understanding".into(),
                        parties: m.parties.clone(),
                        evidence: None,
                    });
                },
                "agreement_f1",
                2.0 / 3.0,
            ),
        ];
        for (name, edit, key, want) in cases {
            let mut m = meeting(DOC);
            let mut g = gold_meeting();
            edit(&mut m, &mut g);
            let e = run(&gold(vec![g]), vec![m]);
            let got = metric(&e, key);
            assert!(
                (got - want).abs() < 1e-9,
                "{name}: {key} = {got}, want {want}"
            );
        }
    }

    #[test]
    fn lenient_matches_are_accepted() {
        type Edit = fn(&mut Meeting, &mut serde_json::Value);
        let cases: &[(&str, Edit, &str)] = &[
            ("full date for a year-less gold", |_, _| {}, "date_acc"),
            (
                "dropped middle initial",
                |m, _| m.participants[1].person = "person:kenji-t-sato".into(),
                "person_acc",
            ),
            (
                "titles ignored",
                |_, g| g["counterpart_person"] = json!("Dr. M. Kenji Sato"),
                "person_acc",
            ),
            (
                "person found when nobody represents the party",
                |m, _| m.participants[1].represents = None,
                "person_acc",
            ),
            (
                "gazetteer spellings of one city",
                |m, g| {
                    g["place"] = json!("Astana");
                    m.place = Some("Noursoultan".into());
                },
                "place_acc",
            ),
            (
                "case and accents",
                |m, _| m.place = Some("RABAT".into()),
                "place_acc",
            ),
            (
                "organization by alias and acronym",
                |m, g| {
                    g["counterpart"] = json!({"kind": "organization", "name": "World Health Organization", "acronym": "WHO"});
                    m.parties[1] = "org:who".into();
                    m.participants[1].represents = Some("org:who".into());
                },
                "meeting_f1",
            ),
            (
                "coalition recognized by its target's name",
                |m, g| {
                    g["joined"] = json!([{"member_iso": "JP", "of": "coalition", "target": "Coalition humanitaire globale"}]);
                    m.memberships.push(Membership {
                        member: "country:JP".into(),
                        of: "initiative:humanitarian-coalition".into(),
                        capacity: Capacity::Member,
                        evidence: None,
                    });
                },
                "joined_f1",
            ),
            (
                "visits are not scored",
                |_, g| {
                    g["invitations"]
                        .as_array_mut()
                        .unwrap()
                        .push(json!({"invitee_iso": "JP", "to": "visit", "target": "Tokyo"}))
                },
                "invitation_f1",
            ),
            // The gold's `to: other` ("invites China to join multiple
            // initiatives") and a member invitation to the hub are in no
            // scored class, as in score.py: neither is missed nor invented.
            (
                "other invitations are scored by neither side",
                |m, g| {
                    g["invitations"]
                        .as_array_mut()
                        .unwrap()
                        .push(json!({"invitee_iso": "JP", "to": "other", "target": "initiatives"}));
                    m.invitations.push(Invitation {
                        invitee: "country:JP".into(),
                        target: "org:icesco".into(),
                        capacity: Capacity::Member,
                        evidence: None,
                    });
                },
                "invitation_f1",
            ),
        ];
        for (name, edit, key) in cases {
            let mut m = meeting(DOC);
            let mut g = gold_meeting();
            edit(&mut m, &mut g);
            let e = run(&gold(vec![g]), vec![m]);
            assert_eq!(metric(&e, key), 1.0, "{name}: {:?}", e.field_errors);
        }
    }

    #[test]
    fn misses_and_extras_are_listed_and_other_documents_ignored() {
        let mut wrong = meeting(DOC);
        wrong.id = "m-2".into();
        wrong.parties = vec!["org:icesco".into(), "country:SG".into()];
        let mut elsewhere = meeting("examples/corpus/fr/unscored.txt");
        elsewhere.id = "m-3".into();
        let mut second = gold_meeting();
        second["counterpart"] = json!({"kind": "country", "iso": "AZ"});
        let e = run(
            &gold(vec![gold_meeting(), second]),
            vec![meeting(DOC), wrong, elsewhere],
        );
        assert_eq!(
            e.counts,
            Counts {
                gold: 2,
                predicted: 2,
                matched: 1
            }
        );
        assert_eq!((e.scores.meeting_p, e.scores.meeting_r), (0.5, 0.5));
        assert_eq!(
            e.misses,
            vec![Miss {
                doc: "corpus/fr/a.txt".into(),
                counterpart: "AZ".into()
            }]
        );
        assert_eq!(e.extras.len(), 1);
        assert_eq!(e.extras[0].meeting, "m-2");
        assert_eq!(e.extras[0].parties, ["Singapore"], "the unmatched parties");
    }

    #[test]
    fn the_hub_is_the_meetings_publisher() {
        // ICESCO met by another publisher is a counterpart; the publisher is not.
        let mut m = meeting(DOC);
        m.publisher = Some("org:who".into());
        m.parties = vec!["org:who".into(), "org:icesco".into()];
        m.participants = vec![];
        let mut icesco = gold_meeting();
        icesco["counterpart"] =
            serde_json::json!({"kind": "organization", "name": "ICESCO", "acronym": "ICESCO"});
        icesco["counterpart_person"] = serde_json::Value::Null;
        let e = run(&gold(vec![icesco]), vec![m.clone()]);
        assert_eq!((e.scores.meeting_p, e.scores.meeting_r), (1.0, 1.0));
        // Saved without a publisher, ICESCO is the hub, as for the scorer.
        m.publisher = None;
        let e = run(&gold(vec![gold_meeting()]), vec![m]);
        assert_eq!(e.extras[0].parties, ["Organisation mondiale de la Santé"]);
    }

    #[test]
    fn one_prediction_matches_one_gold_meeting() {
        // Two gold meetings with Japan in one document, one predicted.
        let e = run(
            &gold(vec![gold_meeting(), gold_meeting()]),
            vec![meeting(DOC)],
        );
        assert_eq!(e.counts.matched, 1);
        assert_eq!(e.scores.meeting_r, 0.5);
    }

    #[test]
    fn a_meeting_counts_once_per_counterpart_party() {
        // As ../shared/tools/score.py: the hub with Japan and Singapore
        // matches the gold meetings with each; a party with none is extra.
        let mut both = meeting(DOC);
        both.parties.push("country:SG".into());
        let mut singapore = gold_meeting();
        singapore["counterpart"] =
            serde_json::json!({"kind": "country", "iso": "SG", "name": "Singapore"});
        let e = run(&gold(vec![gold_meeting(), singapore]), vec![both.clone()]);
        assert_eq!(
            (e.counts.matched, e.scores.meeting_p, e.scores.meeting_r),
            (2, 1.0, 1.0)
        );
        let e = run(&gold(vec![gold_meeting()]), vec![both]);
        assert_eq!(e.scores.meeting_p, 0.5);
        assert_eq!(e.extras[0].parties, ["Singapore"]);
    }

    #[test]
    fn field_errors_say_what_was_expected() {
        let mut m = meeting(DOC);
        m.date = None;
        let e = run(&gold(vec![gold_meeting()]), vec![m]);
        assert_eq!(
            e.field_errors,
            vec![FieldError {
                doc: "corpus/fr/a.txt".into(),
                counterpart: "JP".into(),
                field: "date",
                gold: "--08-11".into(),
                predicted: None,
            }]
        );
    }

    #[test]
    fn person_names() {
        for (a, b, same) in [
            ("Salim M. AlMalik", "Dr Salim AlMalik", true),
            ("Salim M. AlMalik", "Salim AlMalik Mohammed", true),
            ("Mohammed Saif Al Shehhi", "Al Shehhi", false),
            ("Kenji Sato", "Sato", false),
            ("Kenji Sato", "Sato Kenji", true),
            ("Dr", "Dr", false),
        ] {
            assert_eq!(same_person(a, b), same, "{a} / {b}");
        }
    }

    #[test]
    fn gold_errors_name_the_file() {
        let path = Path::new("gold/broken.json");
        for text in [
            "{",
            r#"[{"doc": "a.txt"}]"#,
            r#"[{"doc": "a.txt", "meetings": [{"counterpart": {"kind": "planet"}}]}]"#,
            r#"[{"doc": "a.txt", "meetings": [{"counterpart": {"kind": "country", "iso": "JP"}, "date": "11 août"}]}]"#,
        ] {
            let err = Gold::parse(text, path).unwrap_err().to_string();
            assert!(err.starts_with("gold/broken.json: "), "{err}");
        }
        let err = Gold::load(Path::new("/nonexistent/gold.json")).unwrap_err();
        assert!(
            err.to_string().starts_with("/nonexistent/gold.json: "),
            "{err}"
        );
    }
}
