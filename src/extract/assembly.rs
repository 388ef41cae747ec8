//! The corpus-wide extraction, built one document at a time in corpus order:
//! each document's output is turned into meetings, announcements and
//! entities as soon as the documents before it are in, then dropped, so
//! that no document's people, sentences or pending meetings stay in
//! memory until the end. Only the people's ids wait for the last
//! document (a person is named by the spelling most documents use).

use super::item::DocPerson;
use super::{DocOutput, Extractor, fnv, slug};
use crate::gazetteer::{Entry, EntryId};
use crate::model::{
    Agreement, Announcement, Entity, EntityKind, Evidence, Extraction, Invitation, Meeting,
    Membership, Participant, Publication, Text,
};
use indexmap::IndexMap;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The extraction so far.
pub(super) struct Assembly<'x> {
    extractor: &'x Extractor,
    people: PersonIds,
    /// Entities the meetings name, but people (their ids are known at the
    /// end), and those only announcements name: an id named by both keeps
    /// the entity of the first meeting, as when the meetings came first.
    entities: BTreeMap<String, Entity>,
    announcement_entities: BTreeMap<String, Entity>,
    meetings: Vec<Meeting>,
    /// The identity of each participant, then attendee, of each meeting.
    persons: Vec<Vec<usize>>,
    /// Meeting ids given so far, with their number of uses.
    seen: HashMap<String, usize>,
    announcements: Vec<Announcement>,
    publishers: Vec<Publication>,
    /// Every distinct evidence text so far, once.
    texts: HashSet<Text>,
}

/// Every piece of evidence of a document's output.
fn evidence_mut(doc: &mut DocOutput) -> impl Iterator<Item = &mut Evidence> {
    let meetings = doc.meetings.iter_mut().flat_map(|p| {
        p.evidence
            .iter_mut()
            .chain(&mut p.invitations)
            .chain(&mut p.memberships)
            .chain(p.agreements.iter_mut().map(|(_, e)| e))
            .chain(p.occasion.iter_mut().flat_map(|o| &mut o.evidence))
    });
    let announcements = doc.announcements.iter_mut().flat_map(|a| {
        a.invitations
            .iter_mut()
            .chain(&mut a.memberships)
            .map(|(_, e)| e)
    });
    let cues = doc.publication.cues.iter_mut().map(|c| &mut c.evidence);
    meetings.chain(announcements).chain(cues)
}

/// Makes the evidence texts of a document the same [`Text`]s as the equal
/// texts of the documents before it (`texts`, which gains the new ones):
/// a sentence that several documents carry (copies of a page, syndicated
/// releases, a corpus read twice) is then held once. Each distinct text of
/// the document is looked up once.
fn share_texts(doc: &mut DocOutput, texts: &mut HashSet<Text>) {
    // The document's own texts, by address: a text replaced by an equal
    // one of an earlier document may be freed here, but no text is made,
    // so no other text of the document can take its address.
    let mut shared: HashMap<*const u8, Text> = HashMap::new();
    for e in evidence_mut(doc) {
        let text =
            shared
                .entry(e.text.as_ptr())
                .or_insert_with(|| match texts.get(e.text.as_str()) {
                    Some(t) => t.clone(),
                    None => {
                        texts.insert(e.text.clone());
                        e.text.clone()
                    }
                });
        e.text = text.clone();
    }
}

/// An entry of the gazetteer, or one that its document added.
fn entry<'a>(extractor: &'a Extractor, added: &'a [Entry], e: EntryId) -> &'a Entry {
    let n = extractor.gazetteer.entries().len();
    extractor
        .gazetteer
        .entries()
        .get(e)
        .unwrap_or_else(|| &added[e - n])
}

/// The id of an entity, recorded in `entities` the first time.
fn entity(
    extractor: &Extractor,
    added: &[Entry],
    e: EntryId,
    entities: &mut BTreeMap<String, Entity>,
) -> String {
    let ent = entry(extractor, added, e).entity();
    let id = ent.id.clone();
    entities.entry(id.clone()).or_insert(ent);
    id
}

impl<'x> Assembly<'x> {
    pub(super) fn new(extractor: &'x Extractor) -> Self {
        Assembly {
            extractor,
            people: PersonIds::default(),
            entities: BTreeMap::new(),
            announcement_entities: BTreeMap::new(),
            meetings: Vec::new(),
            persons: Vec::new(),
            seen: HashMap::new(),
            announcements: Vec::new(),
            publishers: Vec::new(),
            texts: HashSet::new(),
        }
    }

    /// Adds the next document of the corpus.
    pub(super) fn add(&mut self, mut doc: DocOutput) {
        let x = self.extractor;
        share_texts(&mut doc, &mut self.texts);
        let DocOutput {
            name,
            meetings,
            announcements,
            people,
            entities: added,
            hub,
            publication,
        } = doc;
        let hub_id = entry(x, &added, hub).id.clone();
        let identities = self.people.add(&people, |p| {
            if p.hub {
                Some(hub_id.clone())
            } else {
                p.represents.map(|e| entry(x, &added, e).id.clone())
            }
        });
        let reports = !meetings.is_empty() || !announcements.is_empty();
        let entities = &mut self.entities;
        for p in meetings {
            let m = &p.meeting;
            let mut persons = Vec::new();
            let mut participant = |i: usize| -> Participant {
                let dp: &DocPerson = &people[i];
                persons.push(identities[i]);
                // Whom a person represents: the hub, a party of the meeting,
                // or (a body of a party's state) the first party.
                let represents = if dp.hub {
                    Some(hub)
                } else {
                    dp.represents.map(|e| {
                        if e == hub || m.parties.iter().any(|(p, _)| *p == e) {
                            e
                        } else {
                            m.parties[0].0
                        }
                    })
                };
                Participant {
                    // Named in `finish`.
                    person: String::new(),
                    role: dp.role.clone(),
                    represents: represents.map(|e| entry(x, &added, e).id.clone()),
                }
            };
            let mut participants = Vec::new();
            if let Some(h) = m.hub_principal {
                participants.push(participant(h));
            }
            for &(party, principal) in &m.parties {
                if let Some(c) = principal {
                    let mut pt = participant(c);
                    pt.represents = Some(entry(x, &added, party).id.clone());
                    participants.push(pt);
                }
            }
            let attendees = m.attendees.iter().map(|&a| participant(a)).collect();
            let parties: Vec<String> = std::iter::once(hub)
                .chain(m.parties.iter().map(|(p, _)| *p))
                .map(|e| entity(x, &added, e, entities))
                .collect();
            let invitations = m
                .invitations
                .iter()
                .zip(p.invitations)
                .map(|(f, e)| Invitation {
                    invitee: entity(x, &added, f.who, entities),
                    target: entity(x, &added, f.target, entities),
                    capacity: f.capacity,
                    evidence: Some(e),
                })
                .collect();
            let memberships = m
                .memberships
                .iter()
                .zip(p.memberships)
                .map(|(f, e)| Membership {
                    member: entity(x, &added, f.who, entities),
                    of: entity(x, &added, f.target, entities),
                    capacity: f.capacity,
                    evidence: Some(e),
                })
                .collect();
            let agreements = p
                .agreements
                .into_iter()
                .map(|(title, e)| Agreement {
                    title,
                    parties: parties.clone(),
                    evidence: Some(e),
                })
                .collect();
            let base = format!(
                "m-{:016x}",
                fnv(&format!(
                    "{}\u{0}{}\u{0}{}",
                    name,
                    p.item,
                    parties[1..].join(",")
                ))
            );
            let n = self.seen.entry(base.clone()).or_default();
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            self.meetings.push(Meeting {
                id,
                doc: name.clone(),
                headline: p.headline,
                lang: p.lang,
                date: m.date,
                place: m.place.map(|e| entry(x, &added, e).name.clone()),
                mode: Some(m.mode),
                parties,
                participants,
                attendees,
                topics: m.topics.clone(),
                invitations,
                memberships,
                agreements,
                occasion: p.occasion,
                publisher: Some(hub_id.clone()),
                evidence: p.evidence,
            });
            self.persons.push(persons);
        }
        let entities = &mut self.announcement_entities;
        for a in announcements {
            self.announcements.push(Announcement {
                id: format!("a-{:016x}", fnv(&format!("{}\u{0}{}", name, a.item))),
                doc: name.clone(),
                headline: a.headline,
                lang: a.lang,
                date: a.date,
                invitations: a
                    .invitations
                    .into_iter()
                    .map(|(f, e)| Invitation {
                        invitee: entity(x, &added, f.who, entities),
                        target: entity(x, &added, f.target, entities),
                        capacity: f.capacity,
                        evidence: Some(e),
                    })
                    .collect(),
                memberships: a
                    .memberships
                    .into_iter()
                    .map(|(f, e)| Membership {
                        member: entity(x, &added, f.who, entities),
                        of: entity(x, &added, f.target, entities),
                        capacity: f.capacity,
                        evidence: Some(e),
                    })
                    .collect(),
            });
        }
        // The documents that report something: the others' publisher
        // decides nothing.
        if reports {
            self.publishers.push(publication);
        }
    }

    /// The extraction, its people named.
    pub(super) fn finish(self) -> Extraction {
        let Assembly {
            people,
            mut entities,
            announcement_entities,
            mut meetings,
            persons,
            announcements,
            publishers,
            ..
        } = self;
        let mut named: Vec<Option<(String, Entity)>> = vec![None; people.identities.len()];
        for (m, persons) in meetings.iter_mut().zip(persons) {
            let all = m.participants.iter_mut().chain(&mut m.attendees);
            for (p, k) in all.zip(persons) {
                let (id, ent) = named[k].get_or_insert_with(|| people.entity(k));
                p.person = id.clone();
                entities.entry(id.clone()).or_insert_with(|| ent.clone());
            }
        }
        for (id, ent) in announcement_entities {
            entities.entry(id).or_insert(ent);
        }
        Extraction {
            meetings,
            entities: entities.into_values().collect(),
            announcements,
            publishers,
        }
    }
}

/// Corpus-wide person identities. Two people of different documents are
/// one when their surnames match and their first names start alike; when
/// they name the same words in another order ("Mao Jun", "Jun Mao"); or
/// when their surnames are close spellings ("Benarafa", "Benarfa";
/// "AlMalik", "al-Maliki") with the same first name and the same side (both
/// of the publishing organization, or both representing one entity). A
/// person is matched against the identities of the people before it, in
/// corpus order.
#[derive(Default)]
struct PersonIds {
    identities: Vec<Identity>,
    /// Identities by surname, by their words in any order, and by initial
    /// and surname start (for close spellings), in creation order.
    by_surname: HashMap<String, Vec<usize>>,
    by_words: HashMap<Vec<String>, usize>,
    by_start: HashMap<(char, String), Vec<usize>>,
}

struct Identity {
    initial: Option<char>,
    /// The first name of the first spelling with one.
    first: Option<String>,
    surname: String,
    /// Whom the person stands for: the hub, an entity id, or unknown.
    side: Option<String>,
    /// Each spelling with its number of documents, in order of first use.
    names: IndexMap<String, usize>,
}

/// How close two surnames must be (Jaro-Winkler) to be one spelling.
const SAME_SURNAME: f64 = 0.92;

impl PersonIds {
    /// Adds the people of the next document, `side` saying whom each stands
    /// for (see [`Identity`]); gives each one's identity.
    fn add(
        &mut self,
        people: &[DocPerson],
        side: impl Fn(&DocPerson) -> Option<String>,
    ) -> Vec<usize> {
        people.iter().map(|p| self.add_one(p, side(p))).collect()
    }

    fn add_one(&mut self, p: &DocPerson, side: Option<String>) -> usize {
        // A name of initials or particles only ("M. A.") is its own key.
        let surname = p.keys.last().cloned().unwrap_or_else(|| slug(&p.name));
        let first = (p.keys.len() > 1).then(|| p.keys[0].clone());
        let initial = first.as_ref().and_then(|f| f.chars().next());
        let mut words = p.keys.clone();
        words.sort_unstable();
        let start_key = initial.map(|c| (c, surname.chars().take(3).collect::<String>()));
        let same_surname = self.by_surname.get(&surname).and_then(|same| {
            same.iter().copied().find(|&k| {
                let id: &Identity = &self.identities[k];
                id.initial.is_none() || initial.is_none() || id.initial == initial
            })
        });
        let reordered = || {
            (words.len() > 1)
                .then(|| self.by_words.get(&words).copied())
                .flatten()
        };
        let close = || {
            let key = start_key.as_ref()?;
            self.by_start.get(key)?.iter().copied().find(|&k| {
                let id: &Identity = &self.identities[k];
                side.is_some()
                    && id.side == side
                    && id.first == first
                    && strsim::jaro_winkler(&id.surname, &surname) >= SAME_SURNAME
            })
        };
        let k = match same_surname.or_else(reordered).or_else(close) {
            Some(k) => k,
            None => {
                self.identities.push(Identity {
                    initial,
                    first: first.clone(),
                    surname: surname.clone(),
                    side: side.clone(),
                    names: IndexMap::new(),
                });
                let k = self.identities.len() - 1;
                self.by_surname.entry(surname).or_default().push(k);
                if let Some(key) = start_key {
                    self.by_start.entry(key).or_default().push(k);
                }
                k
            }
        };
        if words.len() > 1 {
            self.by_words.entry(words).or_insert(k);
        }
        let id = &mut self.identities[k];
        if id.initial.is_none() {
            id.initial = initial;
            id.first = first;
        }
        if id.side.is_none() {
            id.side = side;
        }
        *id.names.entry(p.name.clone()).or_default() += 1;
        k
    }

    /// The id and entity of an identity, once every document is in.
    fn entity(&self, k: usize) -> (String, Entity) {
        let identity = &self.identities[k];
        // The most frequent full name names the person; ties go to the first seen.
        let name = identity
            .names
            .iter()
            .enumerate()
            .max_by_key(|(order, (n, c))| {
                (
                    n.split_whitespace().count() > 1,
                    **c,
                    std::cmp::Reverse(*order),
                )
            })
            .map(|(_, (n, _))| n.clone())
            .unwrap_or_default();
        let id = format!("person:{}", slug(&name));
        let aliases = identity
            .names
            .keys()
            .filter(|n| **n != name)
            .cloned()
            .collect();
        (
            id.clone(),
            Entity {
                id,
                kind: EntityKind::Person,
                name,
                aliases,
                iso: None,
                acronym: None,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::gazetteer::Gazetteer;

    fn person(name: &str, keys: &[&str]) -> DocPerson {
        DocPerson {
            name: name.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            role: None,
            represents: None,
            hub: true,
        }
    }

    #[test]
    fn people_are_named_once_every_document_is_in() {
        let mut ids = PersonIds::default();
        let side = |_: &DocPerson| Some("org:icesco".to_string());
        let first = ids.add(&[person("Salim AlMalik", &["salim", "almalik"])], side);
        let later = ids.add(
            &[
                person("Salim M. AlMalik", &["salim", "almalik"]),
                person("Jean Roy", &["jean", "roy"]),
            ],
            side,
        );
        let last = ids.add(&[person("Salim M. AlMalik", &["salim", "almalik"])], side);
        assert_eq!((first[0], later[0], last[0]), (0, 0, 0), "one person");
        assert_eq!(later[1], 1, "another");
        // The spelling of two documents names the person of the first.
        let (id, entity) = ids.entity(0);
        assert_eq!(id, "person:salim-m-almalik");
        assert_eq!(entity.aliases, ["Salim AlMalik"]);
    }

    #[test]
    fn documents_that_carry_one_sentence_share_its_text() {
        let text = "Dr Salim M. AlMalik, Directeur général de l’ICESCO, a reçu M. Jean Roy, ambassadeur de Belgique.\n";
        let mut corpus = Corpus::from_text("a.txt", text);
        corpus
            .documents
            .extend(Corpus::from_text("b.txt", text).documents);
        let x = crate::extract::Extractor::new(Gazetteer::builtin().unwrap()).extract(&corpus);
        let (a, b) = (&x.meetings[0].evidence[0], &x.meetings[1].evidence[0]);
        assert_eq!((a.doc.as_str(), b.doc.as_str()), ("a.txt", "b.txt"));
        assert!(std::ptr::eq(a.text.as_str(), b.text.as_str()));
        // So do the publisher's cues.
        let cue = |i: usize| &x.publishers[i].cues[0].evidence.text;
        assert!(std::ptr::eq(cue(0).as_str(), cue(1).as_str()));
    }
}
