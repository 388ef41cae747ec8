//! Cross-document merging of meetings.
//!
//! The same meeting is often reported by several press releases, or by the
//! French and the English versions of one release. [`merge_meetings`] folds
//! such reports into one meeting that carries all their evidence.
//!
//! Two reports are the same meeting when
//! - their sets of parties are equal, and
//! - their dates are compatible: every field (year, month, day) known on both
//!   sides is equal, so `--07-16` and `2020-07` both merge with `2020-07-16`;
//! - when either date is unknown, they must also share a counterpart person:
//!   a participant who does not represent the publisher of the report first
//!   grouped (or, in a meeting without one, the hub: the party present in
//!   most meetings). A report by another publisher is looked up by all its
//!   people, so that each organization's release of their meeting, whose
//!   counterpart is the other's principal, is one meeting.
//!
//! Field-wise compatibility is not transitive (`--07-16` fits both
//! `2020-07-16` and `2021-07-16`), so reports are taken most precise date
//! first, and a report joins a group only when exactly one group fits it; a
//! report that fits several groups is ambiguous and stays on its own rather
//! than be guessed into one.

use crate::model::{Evidence, Meeting, PartialDate, Participant, Text};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The party that takes part in most meetings, or `None` when no meeting has
/// a party. Ties go to an organization (`org:` id) first, then to the
/// smallest id: the publishing organization is an organization.
///
/// ```
/// use diplograph::graph::hub_of;
/// use diplograph::model::Meeting;
/// let m = |parties: &[&str]| Meeting {
///     id: "m".into(), doc: "d".into(), headline: None, lang: "en".into(), date: None,
///     place: None, mode: None, parties: parties.iter().map(|p| p.to_string()).collect(),
///     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
///     memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![],
/// };
/// let meetings = [m(&["org:icesco", "country:JP"]), m(&["org:icesco", "country:FR"])];
/// assert_eq!(hub_of(&meetings).as_deref(), Some("org:icesco"));
/// ```
pub fn hub_of(meetings: &[Meeting]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in meetings {
        let parties: BTreeSet<&str> = m.parties.iter().map(String::as_str).collect();
        for p in parties {
            *counts.entry(p).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| a.0.starts_with("org:").cmp(&b.0.starts_with("org:")))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(p, _)| p.to_string())
}

/// The hubs of a graph's meetings: their publishers, most meetings first
/// (ties by id); for meetings without publishers (files written before
/// publishers were recorded), the one [`hub_of`] them. Empty without
/// meetings.
///
/// ```
/// use diplograph::graph::hubs_of;
/// use diplograph::model::Meeting;
/// let m = |publisher: &str, other: &str| Meeting {
///     publisher: Some(publisher.into()),
///     parties: vec![publisher.into(), other.into()],
///     ..Meeting::new("m", "d")
/// };
/// let meetings = [
///     m("org:alecso", "country:TN"),
///     m("org:icesco", "country:JP"),
///     m("org:icesco", "org:alecso"),
/// ];
/// assert_eq!(hubs_of(&meetings), ["org:icesco", "org:alecso"]);
/// assert_eq!(hubs_of(&[Meeting { publisher: None, ..meetings[1].clone() }]), ["org:icesco"]);
/// ```
pub fn hubs_of(meetings: &[Meeting]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in meetings {
        if let Some(p) = &m.publisher {
            *counts.entry(p).or_default() += 1;
        }
    }
    if counts.is_empty() {
        return hub_of(meetings).into_iter().collect();
    }
    let mut hubs: Vec<(&str, usize)> = counts.into_iter().collect();
    hubs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    hubs.into_iter().map(|(h, _)| h.to_string()).collect()
}

/// True when every field known in both dates is equal (`--07-16` and
/// `2020-07-16`, `2020-07` and `2020-07-16`). Unknown dates (`None`) are
/// compatible with nothing here: the caller decides on other grounds.
///
/// ```
/// use diplograph::graph::dates_compatible;
/// let d = |s: &str| s.parse().unwrap();
/// assert!(dates_compatible(&d("--07-16"), &d("2020-07-16")));
/// assert!(dates_compatible(&d("2020-07"), &d("2020-07-16")));
/// assert!(!dates_compatible(&d("2020-07-17"), &d("2020-07-16")));
/// ```
pub fn dates_compatible(a: &PartialDate, b: &PartialDate) -> bool {
    fn eq<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
        match (x, y) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }
    eq(a.year, b.year) && eq(a.month, b.month) && eq(a.day, b.day)
}

/// The most precise date both dates allow: the known fields of each.
fn refine(a: Option<PartialDate>, b: Option<PartialDate>) -> Option<PartialDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(PartialDate {
            year: a.year.or(b.year),
            month: a.month.or(b.month),
            day: a.day.or(b.day),
        }),
        (a, b) => a.or(b),
    }
}

/// Rank of a date's precision; lower is more precise.
fn precision_rank(d: &Option<PartialDate>) -> u8 {
    match d {
        Some(d) => match (d.year, d.month, d.day) {
            (Some(_), Some(_), Some(_)) => 0,
            (Some(_), Some(_), None) => 1,
            (None, Some(_), Some(_)) => 2,
            (Some(_), None, _) => 3,
            _ => 4,
        },
        None => 5,
    }
}

fn counterpart_people<'a>(m: &'a Meeting, hub: Option<&'a str>) -> BTreeSet<&'a str> {
    let hub = m.publisher.as_deref().or(hub);
    m.participants
        .iter()
        .filter(|p| hub.is_none() || p.represents.as_deref() != hub)
        .map(|p| p.person.as_str())
        .collect()
}

struct Group {
    first_index: usize,
    people: BTreeSet<String>,
    /// The (document, start, end) of every piece of evidence, so that a
    /// sentence reported twice is kept once.
    evidence: HashSet<(Text, usize, usize)>,
    meeting: Meeting,
}

/// Which bits of [`date_key`] a date knows: year, month, day.
const YEAR: u8 = 1;
const MONTH: u8 = 2;
const DAY: u8 = 4;

fn known(d: &PartialDate) -> u8 {
    (if d.year.is_some() { YEAR } else { 0 })
        | (if d.month.is_some() { MONTH } else { 0 })
        | (if d.day.is_some() { DAY } else { 0 })
}

/// A date's fields in `mask`, the others left out.
fn project(d: &PartialDate, mask: u8) -> PartialDate {
    PartialDate {
        year: d.year.filter(|_| mask & YEAR != 0),
        month: d.month.filter(|_| mask & MONTH != 0),
        day: d.day.filter(|_| mask & DAY != 0),
    }
}

/// Where a group dated `group` is filed for a report whose date knows the
/// fields `asked`: the fields known on both sides, with their values.
/// A report dated `d` is compatible with exactly the groups filed, for
/// `asked = known(d)`, under `date_key(party set, known(d), m, d)` for some
/// mask `m` of the group's known fields.
type DateKey = (usize, u8, u8, PartialDate);

fn date_key(parties: usize, asked: u8, group_known: u8, d: &PartialDate) -> DateKey {
    (parties, asked, group_known, project(d, asked & group_known))
}

/// The groups formed so far, indexed so that finding the groups that fit a
/// report costs a few hash lookups instead of a scan of every group.
#[derive(Default)]
struct Groups {
    groups: Vec<Group>,
    /// Party set → its number, the first part of every other key.
    party_sets: HashMap<BTreeSet<String>, usize>,
    /// Dated groups under every [`date_key`] (for the 8 masks a report may
    /// ask with). A group whose date is refined is filed again under its
    /// new mask; the old entries are skipped when read.
    by_date: HashMap<DateKey, Vec<usize>>,
    /// (party set, counterpart person) → the groups with that person.
    by_person: HashMap<(usize, String), Vec<usize>>,
}

impl Groups {
    /// The one group that fits a report, if exactly one does: same party
    /// set, and a compatible date or (when either date is unknown) a shared
    /// counterpart person.
    ///
    /// Reports come most precise date first, so undated groups exist only
    /// once undated reports come (the last): a dated report meets dated
    /// groups only, and an undated one fits by person alone.
    fn fitting(
        &self,
        parties: usize,
        date: Option<&PartialDate>,
        people: &BTreeSet<&str>,
    ) -> Option<usize> {
        let mut found = None;
        let mut consider = |g: usize| -> bool {
            match found {
                None => found = Some(g),
                Some(f) if f != g => return false,
                Some(_) => {}
            }
            true
        };
        match date {
            Some(d) => {
                let asked = known(d);
                for group_known in 0..8 {
                    let key = date_key(parties, asked, group_known, d);
                    let current = self.by_date.get(&key).into_iter().flatten().filter(|&&g| {
                        self.groups[g].meeting.date.as_ref().map(known) == Some(group_known)
                    });
                    for &g in current {
                        if !consider(g) {
                            return None;
                        }
                    }
                }
            }
            None => {
                for p in people {
                    let key = (parties, (*p).to_string());
                    for &g in self.by_person.get(&key).into_iter().flatten() {
                        if !consider(g) {
                            return None;
                        }
                    }
                }
            }
        }
        found
    }

    fn file_date(&mut self, g: usize, parties: usize) {
        if let Some(d) = self.groups[g].meeting.date {
            let group_known = known(&d);
            for asked in 0..8 {
                self.by_date
                    .entry(date_key(parties, asked, group_known, &d))
                    .or_default()
                    .push(g);
            }
        }
    }

    fn file_people<'a>(
        &mut self,
        g: usize,
        parties: usize,
        people: impl IntoIterator<Item = &'a str>,
    ) {
        for p in people {
            if self.groups[g].people.insert(p.to_string()) {
                self.by_person
                    .entry((parties, p.to_string()))
                    .or_default()
                    .push(g);
            }
        }
    }

    /// Adds a report: to the one group that fits it, or as a group of its own.
    fn add(&mut self, index: usize, m: Meeting, hub: Option<&str>) {
        let next = self.party_sets.len();
        let parties = *self
            .party_sets
            .entry(m.parties.iter().cloned().collect())
            .or_insert(next);
        let people: Vec<String> = counterpart_people(&m, hub)
            .into_iter()
            .map(str::to_string)
            .collect();
        // A group's own publisher's people are never filed: asking with
        // them finds only groups of another publisher.
        let asked: BTreeSet<&str> = m.participants.iter().map(|p| p.person.as_str()).collect();
        let g = match self.fitting(parties, m.date.as_ref(), &asked) {
            Some(g) => {
                let group = &mut self.groups[g];
                group.first_index = group.first_index.min(index);
                let before = group.meeting.date;
                absorb(group, m);
                if group.meeting.date != before {
                    self.file_date(g, parties);
                }
                g
            }
            None => {
                let evidence = m.evidence.iter().map(evidence_key).collect();
                self.groups.push(Group {
                    first_index: index,
                    people: BTreeSet::new(),
                    evidence,
                    meeting: m,
                });
                let g = self.groups.len() - 1;
                self.file_date(g, parties);
                g
            }
        };
        self.file_people(g, parties, people.iter().map(String::as_str));
    }
}

fn evidence_key(e: &Evidence) -> (Text, usize, usize) {
    (e.doc.clone(), e.start, e.end)
}

/// Merges the reports of one meeting (by several documents, or in both
/// languages) into one meeting; see the module documentation for the rules.
///
/// The merged meeting keeps the id, document, language and headline of its
/// most precisely dated report, the most precise date, the first known place
/// and mode, and the union of participants, attendees, topics, invitations,
/// memberships and evidence. Meetings come out in the order of their first
/// report in the input. Time is linear in the number of reports (a few hash
/// lookups each), plus their sorting by date precision.
///
/// ```
/// use diplograph::graph::merge_meetings;
/// use diplograph::model::Meeting;
/// let m = |id: &str, date: &str| Meeting {
///     id: id.into(), doc: format!("{id}.txt"), headline: None, lang: "en".into(),
///     date: Some(date.parse().unwrap()), place: None, mode: None,
///     parties: vec!["org:icesco".into(), "country:JP".into()],
///     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
///     memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![],
/// };
/// let merged = merge_meetings(vec![m("fr", "--07-16"), m("en", "2020-07-16"), m("other", "2020-07-20")]);
/// assert_eq!(merged.len(), 2);
/// assert_eq!(merged[0].date.unwrap().to_string(), "2020-07-16");
/// ```
pub fn merge_meetings(meetings: Vec<Meeting>) -> Vec<Meeting> {
    let hub = hub_of(&meetings);
    let mut order: Vec<(usize, Meeting)> = meetings.into_iter().enumerate().collect();
    // Stable: equal precision keeps input order.
    order.sort_by_key(|(_, m)| precision_rank(&m.date));
    let mut groups = Groups::default();
    for (index, m) in order {
        groups.add(index, m, hub.as_deref());
    }
    let mut groups = groups.groups;
    groups.sort_by_key(|g| g.first_index);
    groups.into_iter().map(|g| g.meeting).collect()
}

fn push_unique<T: PartialEq>(into: &mut Vec<T>, items: Vec<T>) {
    for item in items {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

fn merge_people(into: &mut Vec<Participant>, people: Vec<Participant>) {
    for p in people {
        match into.iter_mut().find(|q| q.person == p.person) {
            Some(q) => {
                if q.role.is_none() {
                    q.role = p.role;
                }
                if q.represents.is_none() {
                    q.represents = p.represents;
                }
            }
            None => into.push(p),
        }
    }
}

fn absorb(group: &mut Group, m: Meeting) {
    let into = &mut group.meeting;
    into.date = refine(into.date, m.date);
    if into.headline.is_none() {
        into.headline = m.headline;
    }
    if into.place.is_none() {
        into.place = m.place;
    }
    if into.mode.is_none() {
        into.mode = m.mode;
    }
    push_unique(&mut into.parties, m.parties);
    merge_people(&mut into.participants, m.participants);
    merge_people(&mut into.attendees, m.attendees);
    let principals: Vec<String> = into.participants.iter().map(|p| p.person.clone()).collect();
    into.attendees.retain(|a| !principals.contains(&a.person));
    push_unique(&mut into.topics, m.topics);
    for inv in m.invitations {
        let same = |i: &crate::model::Invitation| {
            i.invitee == inv.invitee && i.target == inv.target && i.capacity == inv.capacity
        };
        if !into.invitations.iter().any(same) {
            into.invitations.push(inv);
        }
    }
    for mem in m.memberships {
        let same = |i: &crate::model::Membership| {
            i.member == mem.member && i.of == mem.of && i.capacity == mem.capacity
        };
        if !into.memberships.iter().any(same) {
            into.memberships.push(mem);
        }
    }
    // Reports of one meeting report one signing: keep the agreements of
    // the report that names the most.
    if m.agreements.len() > into.agreements.len() {
        into.agreements = m.agreements;
    }
    if into.occasion.is_none() {
        into.occasion = m.occasion;
    }
    for e in m.evidence {
        if group.evidence.insert(evidence_key(&e)) {
            into.evidence.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Capacity, Invitation};

    fn meeting(id: &str, date: Option<&str>, parties: &[&str], person: Option<&str>) -> Meeting {
        let mut participants = vec![Participant {
            person: "person:dg".into(),
            role: Some("Director-General".into()),
            represents: Some("org:icesco".into()),
        }];
        if let Some(p) = person {
            participants.push(Participant {
                person: p.into(),
                role: None,
                represents: parties.get(1).map(|s| s.to_string()),
            });
        }
        Meeting {
            date: date.map(|d| d.parse().unwrap()),
            parties: parties.iter().map(|p| p.to_string()).collect(),
            participants,
            topics: vec![format!("topic-{id}")],
            evidence: vec![Evidence {
                doc: format!("{id}.txt").into(),
                start: 0,
                end: 10,
                text: id.into(),
            }],
            ..Meeting::new(id, format!("{id}.txt"))
        }
    }

    fn by(mut m: Meeting, publisher: &str) -> Meeting {
        m.publisher = Some(publisher.into());
        m
    }

    const JP: &[&str] = &["org:icesco", "country:JP"];
    const JP_REV: &[&str] = &["country:JP", "org:icesco"];
    const FR: &[&str] = &["org:icesco", "country:FR"];

    type Case = (
        &'static str,
        Vec<Meeting>,
        // expected groups: ids of the reports merged into each output meeting
        Vec<Vec<&'static str>>,
        // expected date of each output meeting
        Vec<Option<&'static str>>,
    );

    #[test]
    fn merging_table() {
        let cases: Vec<Case> = vec![
            (
                "no-year date merges with full date",
                vec![
                    meeting("a", Some("--07-16"), JP, None),
                    meeting("b", Some("2020-07-16"), JP, None),
                ],
                vec![vec!["a", "b"]],
                vec![Some("2020-07-16")],
            ),
            (
                "month date merges with full date, parties in any order",
                vec![
                    meeting("a", Some("2020-07"), JP, None),
                    meeting("b", Some("2020-07-16"), JP_REV, None),
                ],
                vec![vec!["a", "b"]],
                vec![Some("2020-07-16")],
            ),
            (
                "same day, two languages",
                vec![
                    meeting("a", Some("2020-07-16"), JP, None),
                    meeting("b", Some("2020-07-16"), JP, None),
                ],
                vec![vec!["a", "b"]],
                vec![Some("2020-07-16")],
            ),
            (
                "different days stay distinct",
                vec![
                    meeting("a", Some("2020-07-16"), JP, None),
                    meeting("b", Some("2020-07-17"), JP, None),
                ],
                vec![vec!["a"], vec!["b"]],
                vec![Some("2020-07-16"), Some("2020-07-17")],
            ),
            (
                "different parties stay distinct",
                vec![
                    meeting("a", Some("2020-07-16"), JP, None),
                    meeting("b", Some("2020-07-16"), FR, None),
                ],
                vec![vec!["a"], vec!["b"]],
                vec![Some("2020-07-16"), Some("2020-07-16")],
            ),
            (
                "unknown dates with the same counterpart person merge",
                vec![
                    meeting("a", None, JP, Some("person:sato")),
                    meeting("b", None, JP, Some("person:sato")),
                ],
                vec![vec!["a", "b"]],
                vec![None],
            ),
            (
                "unknown dates with other counterpart people stay distinct",
                vec![
                    meeting("a", None, JP, Some("person:sato")),
                    meeting("b", None, JP, Some("person:suzuki")),
                ],
                vec![vec!["a"], vec!["b"]],
                vec![None, None],
            ),
            (
                "unknown dates without counterpart people stay distinct (the hub's person does not count)",
                vec![meeting("a", None, JP, None), meeting("b", None, JP, None)],
                vec![vec!["a"], vec!["b"]],
                vec![None, None],
            ),
            (
                "two publishers' undated reports of their meeting merge",
                vec![
                    by(
                        meeting(
                            "a",
                            None,
                            &["org:icesco", "org:alecso"],
                            Some("person:amar"),
                        ),
                        "org:icesco",
                    ),
                    {
                        let mut b = meeting(
                            "b",
                            None,
                            &["org:alecso", "org:icesco"],
                            Some("person:amar"),
                        );
                        b.participants[1].represents = Some("org:alecso".into());
                        by(b, "org:alecso")
                    },
                ],
                vec![vec!["a", "b"]],
                vec![None],
            ),
            (
                "one publisher's undated reports sharing only its own principal stay distinct",
                vec![
                    by(meeting("a", None, JP, Some("person:sato")), "org:icesco"),
                    by(meeting("b", None, JP, Some("person:suzuki")), "org:icesco"),
                ],
                vec![vec!["a"], vec!["b"]],
                vec![None, None],
            ),
            (
                "unknown date joins the one dated meeting of the same person",
                vec![
                    meeting("a", None, JP, Some("person:sato")),
                    meeting("b", Some("2020-07-16"), JP, Some("person:sato")),
                ],
                vec![vec!["a", "b"]],
                vec![Some("2020-07-16")],
            ),
            (
                "ambiguous partial date stays on its own",
                vec![
                    meeting("a", Some("2020-07-16"), JP, None),
                    meeting("b", Some("2021-07-16"), JP, None),
                    meeting("c", Some("--07-16"), JP, None),
                ],
                vec![vec!["a"], vec!["b"], vec!["c"]],
                vec![Some("2020-07-16"), Some("2021-07-16"), Some("--07-16")],
            ),
            (
                "chain refines the date and keeps first-report order",
                vec![
                    meeting("a", Some("--07-16"), JP, None),
                    meeting("b", Some("2020-07"), JP, None),
                    meeting("c", Some("2020-07-16"), JP, None),
                    meeting("d", Some("2020-08-01"), FR, None),
                ],
                vec![vec!["a", "b", "c"], vec!["d"]],
                vec![Some("2020-07-16"), Some("2020-08-01")],
            ),
        ];
        for (name, input, groups, dates) in cases {
            let merged = merge_meetings(input);
            assert_eq!(merged.len(), groups.len(), "{name}: {merged:#?}");
            for ((m, ids), date) in merged.iter().zip(&groups).zip(&dates) {
                let mut docs: Vec<&str> = m
                    .evidence
                    .iter()
                    .map(|e| e.doc.trim_end_matches(".txt"))
                    .collect();
                docs.sort();
                assert_eq!(&docs, ids, "{name}: evidence");
                let mut topics: Vec<String> = m.topics.clone();
                topics.sort();
                let want: Vec<String> = ids.iter().map(|i| format!("topic-{i}")).collect();
                assert_eq!(topics, want, "{name}: topics");
                assert_eq!(m.date.map(|d| d.to_string()).as_deref(), *date, "{name}");
            }
        }
    }

    #[test]
    fn merged_meeting_unions_people_and_invitations() {
        let mut a = meeting("a", Some("--07-16"), JP, Some("person:sato"));
        let mut b = meeting("b", Some("2020-07-16"), JP, Some("person:sato"));
        a.place = Some("Rabat".into());
        a.occasion = Some(crate::model::Occasion {
            name: "Youth Forum".into(),
            evidence: None,
        });
        b.mode = Some(crate::model::Mode::InPerson);
        a.participants[1].role = None;
        b.participants[1].role = Some("Ambassador".into());
        a.attendees.push(Participant {
            person: "person:x".into(),
            role: None,
            represents: None,
        });
        b.attendees.push(Participant {
            person: "person:y".into(),
            role: None,
            represents: None,
        });
        let inv = Invitation {
            invitee: "country:JP".into(),
            target: "org:icesco".into(),
            capacity: Capacity::Observer,
            evidence: None,
        };
        a.invitations.push(inv.clone());
        b.invitations.push(inv);
        // the same sentence reported twice is one piece of evidence
        b.evidence.push(a.evidence[0].clone());
        let merged = merge_meetings(vec![a, b]);
        assert_eq!(merged.len(), 1);
        let m = &merged[0];
        assert_eq!(m.id, "b", "the most precisely dated report gives the id");
        assert_eq!(m.place.as_deref(), Some("Rabat"));
        assert_eq!(
            m.occasion.as_ref().map(|o| o.name.as_str()),
            Some("Youth Forum")
        );
        assert_eq!(m.mode, Some(crate::model::Mode::InPerson));
        assert_eq!(m.participants.len(), 2);
        assert_eq!(m.participants[1].role.as_deref(), Some("Ambassador"));
        assert_eq!(m.attendees.len(), 2);
        assert_eq!(m.invitations.len(), 1);
        assert_eq!(m.evidence.len(), 2);
    }

    #[test]
    fn hub_is_the_most_frequent_party() {
        let ms = vec![
            meeting("a", None, JP, None),
            meeting("b", None, FR, None),
            meeting("c", None, &["country:FR", "country:JP"], None),
        ];
        // JP, FR and icesco: 2 each; ties go to an organization
        assert_eq!(hub_of(&ms).as_deref(), Some("org:icesco"));
        // then to the smallest id
        assert_eq!(hub_of(&ms[2..]).as_deref(), Some("country:FR"));
        let mut more = ms.clone();
        more.push(meeting("d", None, &["country:JP", "country:SA"], None));
        assert_eq!(hub_of(&more).as_deref(), Some("country:JP"));
        assert_eq!(hub_of(&[]), None);
    }
}
