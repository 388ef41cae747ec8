//! One news item at a time: sentences, mentions and people, then the
//! meetings the item reports, with their date, place, mode, attendees,
//! topics, invitations, memberships and the agreements signed.
//!
//! A meeting needs three things in one sentence: a meeting cue ("a reçu",
//! "s'est entretenu", "met with", "phone call"), the publishing organization
//! (its name, its head or one of its people) and a counterpart (a person who
//! represents a state or another organization, or a role that names one:
//! "the Ambassador of Japan"). Statements, speeches, calls for solidarity and
//! announced visits have no such sentence.

use super::dates::{self, DateExpr, When};
use super::lexicon::{Classes, Lexicon, Phrases, Scanned};
use super::patterns::{Label, View};
use super::people::{self, PersonMention};
use super::score::{Features, Weights};
use crate::gazetteer::{Entities, EntryId, Form, Mention};
use crate::model::{Capacity, EntityKind, Mode, PartialDate};
use crate::text::{Folded, fold, with_fold};
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::ops::Range;

/// A sentence of an item with what was found in it.
#[derive(Debug)]
pub struct Sentence<'t> {
    pub range: Range<usize>,
    /// The sentence's part of the document's fold, scanned for phrases.
    pub folded: Scanned<'t>,
    /// Tokens of the sentence, and the offsets where a clause starts.
    pub tokens: Vec<people::Token>,
    pub cuts: Vec<usize>,
    /// Ends of the attendance cues that precede their people ("en présence de").
    pub attendance_after: Vec<usize>,
    pub mentions: Vec<Mention>,
    pub people: Vec<ItemPerson>,
    pub headline: bool,
    /// The date expressions that can date a meeting, read when first asked.
    dates: OnceCell<Vec<DateExpr>>,
    /// What the token patterns find, read when first asked.
    matched: OnceCell<Vec<(&'static str, Range<usize>)>>,
}

impl Sentence<'_> {
    /// True when a mention lies inside the role of a person of the sentence
    /// ("ambassadeur de Singapour auprès du Maroc").
    fn in_role(&self, m: &Mention) -> bool {
        self.people.iter().any(|p| {
            p.mention
                .role
                .as_ref()
                .is_some_and(|r| r.start <= m.range.start && m.range.end <= r.end)
        })
    }

    /// True when a mention lies inside a person's name and titles.
    fn in_person(&self, m: &Mention) -> bool {
        self.people
            .iter()
            .any(|p| p.mention.span.start <= m.range.start && m.range.end <= p.mention.span.end)
    }
}

/// A person mention resolved to a person of the document.
#[derive(Debug, Clone)]
pub struct ItemPerson {
    pub mention: PersonMention,
    /// Index into the document's people.
    pub person: usize,
    /// Introduced as present besides the principals.
    pub attendee: bool,
}

impl ItemPerson {
    /// True when `range` lies in the person's mention or the role after it.
    fn covers(&self, range: &Range<usize>) -> bool {
        let m = &self.mention;
        let end = m
            .role
            .as_ref()
            .map_or(m.span.end, |r| r.end.max(m.span.end));
        m.span.start <= range.start && range.end <= end
    }
}

/// A person of a document: every mention of the same name.
#[derive(Debug, Clone)]
pub struct DocPerson {
    pub name: String,
    pub keys: Vec<String>,
    pub role: Option<String>,
    pub represents: Option<EntryId>,
    pub hub: bool,
}

/// A meeting found in an item, before ids and evidence offsets are assigned.
#[derive(Debug, Clone)]
pub struct ItemMeeting {
    /// The counterparts (one, or all parties of a joint meeting), each with
    /// its principal.
    pub parties: Vec<(EntryId, Option<usize>)>,
    pub hub_principal: Option<usize>,
    pub attendees: Vec<usize>,
    pub date: Option<PartialDate>,
    pub place: Option<EntryId>,
    pub mode: Mode,
    pub topics: Vec<String>,
    pub invitations: Vec<Found>,
    pub memberships: Vec<Found>,
    pub agreements: Vec<FoundAgreement>,
    /// The name of the event the meeting was held at, and its sentence.
    pub occasion: Option<(Range<usize>, Range<usize>)>,
    /// Sentence ranges that report the meeting.
    pub evidence: Vec<Range<usize>>,
}

/// An invitation or membership: who, to what, in which capacity, where read.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub who: EntryId,
    pub target: EntryId,
    pub capacity: Capacity,
    pub sentence: Range<usize>,
}

/// An agreement signed: its title as written ("memorandum of understanding
/// on cooperation in higher education") and the sentence that reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundAgreement {
    pub title: Range<usize>,
    pub sentence: Range<usize>,
    /// The folded phrase of what was signed ("memorandum of understanding").
    head: String,
    /// Index of the sentence in the item.
    at: usize,
}

/// An agreement phrase the patterns mark signed, not a prospect.
#[derive(Debug, Clone)]
struct Signing {
    /// Index of the sentence in the item.
    at: usize,
    head: Range<usize>,
    /// A reference or a restatement: it names the one found before, if any.
    named_before: bool,
}

/// What the item analysis needs from the document.
pub struct Context<'a> {
    pub text: &'a str,
    /// The lexicon of the item's language.
    pub lex: &'a Lexicon,
    /// The item's language (`fr`, `en`).
    pub lang: &'a str,
    /// The gazetteer and the organizations the document adds to it.
    pub gazetteer: &'a Entities<'a>,
    pub weights: &'a Weights,
    pub anchor: Option<PartialDate>,
}

/// A party an item may report a meeting with.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub party: EntryId,
    /// The party's people named in meeting sentences, the principal first.
    pub members: Vec<usize>,
    /// The sentence where the party is first proposed.
    pub sentence: usize,
    pub features: Features,
}

/// The candidate for `party`, added at `sentence` if new.
fn candidate(out: &mut Vec<Candidate>, party: EntryId, sentence: usize) -> &mut Candidate {
    let k = match out.iter().position(|c| c.party == party) {
        Some(k) => k,
        None => {
            out.push(Candidate {
                party,
                members: Vec::new(),
                sentence,
                features: Features::default(),
            });
            out.len() - 1
        }
    };
    &mut out[k]
}

/// The sentences of an item with their layers: entity mentions (the
/// gazetteer's and organizations recognized by their form, added to
/// `entities`), then people, registered in `people`. `folded` is the fold
/// of the whole `text`, folded once for all its items.
pub fn sentences<'t>(
    text: &str,
    folded: &'t Folded,
    lex: &'t Lexicon,
    entities: &mut Entities,
    headline: Option<Range<usize>>,
    paragraphs: &[Range<usize>],
    people: &mut Vec<DocPerson>,
) -> Vec<Sentence<'t>> {
    let abbreviation = |w: &str| lex.is_title(w);
    let mut ranges: Vec<(Range<usize>, bool)> = headline.into_iter().map(|h| (h, true)).collect();
    for p in paragraphs {
        ranges.extend(
            super::sentences::split(text, p.clone(), abbreviation)
                .into_iter()
                .map(|r| (r, false)),
        );
    }
    let mut out = Vec::with_capacity(ranges.len());
    for (range, headline) in ranges {
        let s = &text[range.clone()];
        let folded = Scanned::new(lex, folded.slice(range.clone()));
        let mut mentions: Vec<Mention> = entities
            .gazetteer()
            .find_folded(s, folded.slice())
            .into_iter()
            .map(|m| Mention {
                range: m.range.start + range.start..m.range.end + range.start,
                ..m
            })
            .collect();
        let tokens = people::tokenize(text, range.clone(), lex);
        let cuts = people::clause_cuts(&folded, range.start, lex);
        super::orgs::find(text, &tokens, lex, entities, &mut mentions);
        super::orgs::initiatives(text, &tokens, lex, entities, &mut mentions);
        let found = {
            let known = |name: &str| find_person(people, &people::name_keys(name)).is_some();
            people::find(text, &tokens, &cuts, lex, &mentions, &known)
        };
        // Where the people of each attendance cue are: after its end ("en
        // présence de X") or before its start ("X also attended").
        let cue_offsets = |p: &Phrases, at_end: bool| -> Vec<usize> {
            folded
                .find_in(p)
                .into_iter()
                .map(|(r, _)| range.start + if at_end { r.end } else { r.start })
                .collect()
        };
        let after = cue_offsets(lex.attendance_after(), true);
        let before = cue_offsets(lex.attendance_before(), false);
        let mut sentence_people = Vec::new();
        // Headlines join their subjects with commas ("X, ICESCO chief
        // discuss …"): a role after a name there is the next subject. A long
        // first paragraph taken for a headline is a sentence.
        let telegraphic = headline && s.split_whitespace().count() <= MAX_HEADLINE_WORDS;
        for mut m in found {
            if telegraphic && m.role.as_ref().is_some_and(|r| r.start >= m.name.end) {
                m.role = None;
            }
            let mentions_outside: Vec<Mention> = mentions
                .iter()
                .filter(|x| x.range.start >= m.name.end || x.range.end <= m.span.start)
                .cloned()
                .collect();
            let represents = m.role.as_ref().and_then(|r| {
                people::represents(text, r, lex, entities, &mentions_outside)
                    .or_else(|| people::possessor(text, r.start, lex, entities, &mentions))
            });
            let role_text = m
                .role
                .as_ref()
                .map(|r| text[r.clone()].trim_end_matches([',', ' ']).to_string());
            // A role naming no one else that says "the Director-General" or
            // ends "of the Organization" is the publisher's.
            let hub = represents == Some(entities.hub())
                || m.role.as_ref().is_some_and(|r| {
                    let f = fold(text[r.clone()].trim_end_matches([',', ' ']));
                    (lex.hub_head().occurs(&f) || lex.hub_reference().ends(&f))
                        && represents.is_none()
                });
            let name = text[m.name.clone()].to_string();
            let person = register(people, &name, role_text, represents, hub);
            let attendee =
                after.iter().any(|&a| a <= m.span.start) || before.iter().any(|&b| b >= m.span.end);
            sentence_people.push(ItemPerson {
                mention: m,
                person,
                attendee,
            });
        }
        out.push(Sentence {
            range,
            folded,
            tokens,
            cuts,
            attendance_after: after,
            mentions,
            people: sentence_people,
            headline,
            dates: OnceCell::new(),
            matched: OnceCell::new(),
        });
    }
    out
}

impl Context<'_> {
    /// The meetings an item reports.
    pub fn meetings<'a>(
        &self,
        sentences: &'a [Sentence],
        people: &[DocPerson],
    ) -> Vec<ItemMeeting> {
        let signings = self.signings(sentences);
        let meeting_sentences = self.meeting_sentences(sentences, people, &signings);
        let kept: Vec<Candidate> = self
            .candidates_of(sentences, people, &signings, &meeting_sentences)
            .into_iter()
            .filter(|c| self.weights.accepts(&c.features))
            .collect();
        if kept.is_empty() {
            return Vec::new();
        }
        // The sentence where each party is first named.
        let starts: Vec<usize> = kept.iter().map(|c| c.sentence).collect();
        let parties: BTreeMap<usize, (EntryId, Vec<usize>)> = kept
            .into_iter()
            .enumerate()
            .map(|(k, c)| (k, (c.party, c.members)))
            .collect();
        let principals: Vec<usize> = parties
            .values()
            .filter_map(|(_, m)| m.first().copied())
            .collect();
        let setting = self.setting_sentences(sentences, &meeting_sentences, &principals, people);
        let mode = self.mode(sentences, &setting);
        let place = if mode == Mode::InPerson {
            self.place(sentences, people, &setting)
        } else {
            None
        };
        let occasion = self.occasion(sentences, &setting);
        // The people of the meeting sentences first. An agreement signed "in
        // the presence of" the heads names them present only: then the first
        // present at the signing leads each side.
        let in_order: Vec<&ItemPerson> = meeting_sentences
            .iter()
            .flat_map(|&i| sentences[i].people.iter())
            .chain(sentences.iter().flat_map(|s| s.people.iter()))
            .collect();
        let at_signing: Vec<&ItemPerson> = signings
            .iter()
            .flat_map(|g| sentences[g.at].people.iter())
            .collect();
        let leading = |side: &dyn Fn(&DocPerson) -> bool| {
            in_order
                .iter()
                .find(|p| !p.attendee && side(&people[p.person]))
                .or_else(|| at_signing.iter().find(|p| side(&people[p.person])))
                .map(|p| p.person)
        };
        let hub_principal = leading(&|p| p.hub);
        let topics = self.topics(sentences);
        let counterpart_state = parties
            .values()
            .map(|(e, _)| *e)
            .find(|&e| self.gazetteer.entry(e).kind == EntityKind::Country);
        let (invitations, memberships) = self.invitations(sentences, counterpart_state);
        let agreements = self.agreements(sentences, &signings);
        // Attendees: people after an attendance cue anywhere in the item, and
        // the hub's other officials named in a sentence with a counterpart
        // ("the memorandum was signed by Mr X, head of the sector at ICESCO,
        // and Dr Y").
        // Each attends the meeting of the party named last before them ("The
        // meeting was attended by …" between two meetings of one item).
        let with_sentence = |(i, s): (usize, &'a Sentence)| s.people.iter().map(move |p| (i, p));
        let hub_colleagues = sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.people.iter().any(|p| principals.contains(&p.person)))
            .flat_map(with_sentence)
            .filter(|(_, p)| people[p.person].hub);
        let listed_attendees: Vec<(usize, usize)> = sentences
            .iter()
            .enumerate()
            .flat_map(with_sentence)
            .filter(|(_, p)| p.attendee)
            .chain(hub_colleagues)
            .map(|(i, p)| {
                let party = starts.iter().rposition(|&start| start <= i).unwrap_or(0);
                (party, p.person)
            })
            .collect();
        let evidence: Vec<Range<usize>> = meeting_sentences
            .iter()
            .map(|&i| sentences[i].range.clone())
            .collect();
        let all_parties: Vec<EntryId> = parties.values().map(|(e, _)| *e).collect();
        let first_party = all_parties.first().copied();
        let members: Vec<Vec<usize>> = parties.into_values().map(|(_, m)| m).collect();
        // Parties first named in one sentence that says the meeting was
        // joint ("a tripartite meeting", "réunissant") meet as one.
        let joint = |k: usize| sentences[starts[k]].folded.occurs(self.lex.multilateral());
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for k in 0..all_parties.len() {
            match groups
                .iter_mut()
                .find(|g| joint(k) && starts[g[0]] == starts[k])
            {
                Some(g) => g.push(k),
                None => groups.push(vec![k]),
            }
        }
        let dates = self.party_dates(sentences, &setting, &starts, &groups);
        groups
            .into_iter()
            .zip(dates)
            .map(|(group, date)| {
                let mut attendees: Vec<usize> = Vec::new();
                let principals: Vec<Option<usize>> = group
                    .iter()
                    .map(|&k| {
                        let party = all_parties[k];
                        members[k].first().copied().or_else(|| {
                            leading(&|p| {
                                !p.hub && p.represents.map(|e| self.state_of(e)) == Some(party)
                            })
                        })
                    })
                    .collect();
                for &k in &group {
                    let colleagues = members[k].iter().skip(1);
                    let listed = listed_attendees
                        .iter()
                        .filter(|(of, _)| *of == k)
                        .map(|(_, a)| a);
                    for a in colleagues.chain(listed) {
                        if !principals.contains(&Some(*a))
                            && Some(*a) != hub_principal
                            && !attendees.contains(a)
                        {
                            attendees.push(*a);
                        }
                    }
                }
                let mine_parties: Vec<EntryId> = group.iter().map(|&k| all_parties[k]).collect();
                // Invitations go to the meeting with the invitee, else to the first one.
                let mine = |f: &Found| {
                    mine_parties.contains(&f.who)
                        || (mine_parties.first() == first_party.as_ref()
                            && !all_parties.contains(&f.who))
                };
                // An agreement goes to the meeting whose party its sentence
                // names, else to the first one.
                let names = |at: usize, parties: &[EntryId]| {
                    sentences[at]
                        .mentions
                        .iter()
                        .any(|m| parties.contains(&self.state_of(m.entry)))
                };
                let mut signed: Vec<FoundAgreement> = Vec::new();
                for a in &agreements {
                    let ours = names(a.at, &mine_parties)
                        || (mine_parties.first() == first_party.as_ref()
                            && !names(a.at, &all_parties));
                    if ours && !signed.iter().any(|b| b.head == a.head) {
                        signed.push(a.clone());
                    }
                }
                ItemMeeting {
                    parties: mine_parties.iter().copied().zip(principals).collect(),
                    hub_principal,
                    attendees,
                    date,
                    place,
                    mode,
                    topics: topics.clone(),
                    invitations: invitations.iter().filter(|f| mine(f)).cloned().collect(),
                    memberships: memberships.iter().filter(|f| mine(f)).cloned().collect(),
                    agreements: signed,
                    occasion: occasion.clone(),
                    evidence: evidence.clone(),
                }
            })
            .collect()
    }

    /// Sentences that report a meeting: a meeting cue, not a message or an
    /// announcement, and the publishing organization present.
    /// A sentence that opens on a subject pronoun ("Il s'est ensuite
    /// entretenu avec …") has the subject of the one before.
    fn meeting_sentences(
        &self,
        sentences: &[Sentence],
        people: &[DocPerson],
        signings: &[Signing],
    ) -> Vec<usize> {
        let mut out = Vec::new();
        // A headline that announces an encounter ("ICESCO Director-General
        // to visit Qatar next week", "effectuera une visite") heads an
        // announcement: its programme is no report of a meeting.
        if sentences
            .iter()
            .any(|s| s.headline && s.folded.occurs(self.lex.announcement()))
        {
            return out;
        }
        // Signing an agreement is meeting ("ont conclu une convention").
        let signed = |i: usize| signings.iter().any(|g| g.at == i);
        let mut hub_before = false;
        for (i, s) in sentences.iter().enumerate() {
            let continues = hub_before && self.opens_on_pronoun(s);
            let hub = self.hub_present(s, people) || continues;
            if !s.headline
                && hub
                && (s.folded.occurs(self.lex.meeting()) || signed(i) || self.calls_on_someone(s))
                && !s.folded.occurs(self.lex.not_meeting())
            {
                out.push(i);
            }
            if !s.headline {
                hub_before = hub;
            }
        }
        out
    }

    /// The parties an item may report a meeting with, each with its
    /// features, in the order they are first named. Three annotators
    /// propose them: people of meeting sentences (by their role, or the party
    /// the sentence names), roles without a name ("the Ambassador of
    /// Japan"), and states or organizations the meeting sentences name.
    pub fn candidates(&self, sentences: &[Sentence], people: &[DocPerson]) -> Vec<Candidate> {
        let signings = self.signings(sentences);
        let meeting = self.meeting_sentences(sentences, people, &signings);
        self.candidates_of(sentences, people, &signings, &meeting)
    }

    /// [`Self::candidates`] from the item's signings and meeting sentences.
    fn candidates_of(
        &self,
        sentences: &[Sentence],
        people: &[DocPerson],
        signings: &[Signing],
        meeting: &[usize],
    ) -> Vec<Candidate> {
        let hub = self.gazetteer.hub();
        let mut out: Vec<Candidate> = Vec::new();
        for (party, members, sentence, from_role) in self.person_parties(sentences, people, meeting)
        {
            let c = candidate(&mut out, party, sentence);
            c.members = members;
            c.features.set(
                if from_role {
                    "person_role"
                } else {
                    "person_fallback"
                },
                1.0,
            );
        }
        for &i in meeting {
            let s = &sentences[i];
            let runs = self.enumerations(s);
            for (party, listed) in self.unnamed_counterparts(s, &runs) {
                let c = candidate(&mut out, party, i);
                c.features.set("unnamed_role", 1.0);
                if listed {
                    c.features.set("listed", 1.0);
                }
            }
            let listed: Vec<usize> = runs.iter().flatten().map(|r| r.start).collect();
            let matched = self.matched(s);
            let has = |feature: &str, m: &Mention| {
                matched.iter().any(|(f, r)| *f == feature && *r == m.range)
            };
            let dateline = dateline_end(self.text, &s.range);
            for m in &s.mentions {
                let kind = self.gazetteer.entry(m.entry).kind;
                if m.entry == hub
                    || dateline.is_some_and(|end| m.range.end <= end)
                    || m.form == Form::Demonym
                    || !matches!(kind, EntityKind::Country | EntityKind::Organization)
                    || s.in_role(m)
                    || s.in_person(m)
                    || has("destination", m)
                {
                    continue;
                }
                let party = self.state_of(m.entry);
                if party == hub {
                    continue;
                }
                let c = candidate(&mut out, party, i);
                c.features.set("mention", 1.0);
                if has("partner", m) {
                    c.features.set("partner", 1.0);
                }
                if has("co_subject", m) {
                    c.features.set("co_subject", 1.0);
                }
                if listed.contains(&m.range.start) {
                    c.features.set("listed", 1.0);
                }
            }
        }
        let host = self
            .gazetteer
            .entry(hub)
            .headquarters
            .as_deref()
            .and_then(|h| self.gazetteer.by_id(h))
            .and_then(|h| self.gazetteer.entry(h).iso.clone());
        let lead = sentences.iter().position(|s| !s.headline);
        // The party each mention names, once per item.
        let named: Vec<Vec<EntryId>> = sentences
            .iter()
            .map(|s| s.mentions.iter().map(|m| self.state_of(m.entry)).collect())
            .collect();
        for c in &mut out {
            let names = |i: usize| named[i].iter().filter(|&&e| e == c.party).count();
            let count: usize = (0..sentences.len())
                .filter(|&i| !sentences[i].headline)
                .map(names)
                .sum();
            c.features.set("mentions", (1.0 + count as f64).ln());
            if (0..sentences.len()).any(|i| sentences[i].headline && names(i) > 0) {
                c.features.set("headline", 1.0);
            }
            if lead.is_some_and(|l| names(l) > 0) {
                c.features.set("lead", 1.0);
            }
            if signings.iter().any(|g| names(g.at) > 0) {
                c.features.set("signatory", 1.0);
            }
            let entry = self.gazetteer.entry(c.party);
            if entry.kind == EntityKind::Country && entry.iso.is_some() && entry.iso == host {
                c.features.set("host", 1.0);
            }
            if self.gazetteer.is_added(c.party) {
                c.features.set("added", 1.0);
            }
            if sentences[c.sentence].folded.occurs(self.lex.future()) {
                c.features.set("future", 1.0);
            }
            // `mention` says that only a name proposes the party.
            let proposed = ["person_role", "person_fallback", "unnamed_role"];
            if proposed.iter().any(|f| c.features.get(f) > 0.0) {
                c.features.clear("mention");
            }
        }
        out
    }

    /// Parties of the people of meeting sentences who are not of the hub and
    /// not attendees: (party, members, sentence, whether a role names it).
    /// People whose role names no one count only when no one else's does
    /// ("under the patronage of President X").
    fn person_parties(
        &self,
        sentences: &[Sentence],
        people: &[DocPerson],
        meeting: &[usize],
    ) -> Vec<(EntryId, Vec<usize>, usize, bool)> {
        let hub = self.gazetteer.hub();
        // A meeting sentence opening on a subject pronoun ("He then held a
        // virtual meeting with …") has the subject of the sentence before:
        // its first person, when that sentence reports no meeting itself.
        let subject_before = |i: usize| -> Option<(usize, &ItemPerson)> {
            let before = i
                .checked_sub(1)
                .filter(|b| !meeting.contains(b) && !sentences[*b].headline)?;
            let first = sentences[before].people.first()?;
            self.opens_on_pronoun(&sentences[i]).then_some((i, first))
        };
        let candidates: Vec<(usize, &ItemPerson)> = meeting
            .iter()
            .flat_map(|&i| {
                subject_before(i)
                    .into_iter()
                    .chain(sentences[i].people.iter().map(move |p| (i, p)))
            })
            .filter(|(_, p)| !people[p.person].hub && !p.attendee)
            .collect();
        // Sentences where someone's role names the party they represent.
        let with_role: Vec<usize> = candidates
            .iter()
            .filter(|(_, p)| people[p.person].represents.is_some_and(|e| e != hub))
            .map(|&(i, _)| i)
            .collect();
        let mut party_of: BTreeMap<usize, EntryId> = BTreeMap::new();
        // (party, members, sentence, end of the last member's mention, from a role)
        let mut parties: Vec<(EntryId, Vec<usize>, usize, usize, bool)> = Vec::new();
        let home = OnceCell::new();
        for (i, p) in candidates {
            let dp = &people[p.person];
            // A national office that names no state ("Minister of Education
            // Dr X", in a dispatch filed in Riyadh) is the filing city's state's.
            let home_party = if dp.represents.is_none()
                && dp
                    .role
                    .as_deref()
                    .is_some_and(|r| self.is_national_office(r))
            {
                *home.get_or_init(|| self.dateline_state(sentences))
            } else {
                None
            };
            if with_role.contains(&i) && dp.represents.is_none() && home_party.is_none() {
                // Only as a colleague named with a principal, in one breath.
                if let Some((_, members, _, end, _)) =
                    parties.iter_mut().find(|(_, _, sentence, end, _)| {
                        *sentence == i && !self.clause_between(*end, p.mention.span.start)
                    })
                    && !members.contains(&p.person)
                {
                    members.push(p.person);
                    *end = p.mention.span.end;
                }
                continue;
            }
            let party = match party_of.get(&p.person) {
                Some(&e) => Some(e),
                None => dp
                    .represents
                    .or(home_party)
                    .or_else(|| self.fallback_party(sentences, i, p)),
            };
            let Some(party) = party.filter(|&e| e != hub).map(|e| self.state_of(e)) else {
                continue;
            };
            party_of.insert(p.person, party);
            match parties.iter_mut().find(|(e, ..)| *e == party) {
                Some((_, members, sentence, end, _)) => {
                    // A colleague named in the same breath ("X, …, and the
                    // embassy's advisor, Dr Y") attends; one named in another
                    // clause ("X … a reçu une lettre du ministre Y") does not.
                    let same_clause =
                        *sentence == i && !self.clause_between(*end, p.mention.span.start);
                    if same_clause && !members.contains(&p.person) {
                        members.push(p.person);
                        *end = p.mention.span.end;
                    }
                }
                None => parties.push((
                    party,
                    vec![p.person],
                    i,
                    p.mention.span.end,
                    dp.represents.is_some(),
                )),
            }
        }
        parties
            .into_iter()
            .map(|(e, m, i, _, role)| (e, m, i, role))
            .collect()
    }

    /// The enumerations of a sentence: runs of three or more states or
    /// organizations ("A ; B ; C et D", "A, B and C"), as mention ranges.
    fn enumerations(&self, s: &Sentence) -> Vec<Vec<Range<usize>>> {
        let parties: Vec<&Mention> = s
            .mentions
            .iter()
            .filter(|m| {
                m.form != Form::Demonym
                    && matches!(
                        self.gazetteer.entry(m.entry).kind,
                        EntityKind::Country | EntityKind::Organization
                    )
            })
            .collect();
        let mut runs: Vec<Vec<Range<usize>>> = Vec::new();
        for (k, m) in parties.iter().enumerate() {
            let joined = k > 0 && {
                let gap = &self.text[parties[k - 1].range.end..m.range.start];
                gap.len() <= 40
                    && (gap.contains([',', ';']) || self.lex.coordination().occurs(&fold(gap)))
            };
            match runs.last_mut() {
                Some(run) if joined => run.push(m.range.clone()),
                _ => runs.push(vec![m.range.clone()]),
            }
        }
        runs.retain(|r| r.len() >= 3);
        runs
    }

    /// Every (feature, target span) the token patterns find in a sentence.
    fn matched<'s>(&self, s: &'s Sentence) -> &'s [(&'static str, Range<usize>)] {
        s.matched
            .get_or_init(|| self.lex.patterns.find(&self.view(s)))
    }

    /// The sentence as token patterns read it: its tokens, the party and
    /// hub mentions, and the phrases of the lists the patterns name.
    fn view(&self, s: &Sentence) -> View {
        let hub = self.gazetteer.hub();
        let entities = s
            .mentions
            .iter()
            .filter_map(|m| {
                let kind = self.gazetteer.entry(m.entry).kind;
                let label = if m.entry == hub {
                    Label::Hub
                } else if m.form != Form::Demonym
                    && matches!(kind, EntityKind::Country | EntityKind::Organization)
                {
                    Label::Party
                } else {
                    return None;
                };
                Some((m.range.clone(), label))
            })
            .collect();
        let lists = self
            .lex
            .patterns
            .lists()
            .into_iter()
            .filter_map(|name| {
                let found = s.folded.find_in(self.lex.list(name)?);
                let at = s.range.start;
                let ranges = found.into_iter().map(|(r, _)| r.start + at..r.end + at);
                Some((name.to_string(), ranges.collect()))
            })
            .collect();
        View {
            tokens: s.tokens.iter().map(|t| t.range.clone()).collect(),
            folded: s
                .tokens
                .iter()
                .map(|t| fold(&self.text[t.range.clone()]))
                .collect(),
            entities,
            lists,
        }
    }

    /// True when a new clause starts between two offsets (a verb of
    /// meeting or inviting, an auxiliary, a relative pronoun, "held in").
    fn clause_between(&self, from: usize, to: usize) -> bool {
        from < to && {
            let folded = fold(&self.text[from..to]);
            [
                &self.lex.meeting(),
                &self.lex.invite(),
                &self.lex.clause(),
                &self.lex.setting(),
            ]
            .iter()
            .any(|p| p.occurs(&folded))
        }
    }

    /// True when a sentence tells of a call paid on someone: a `call_on`
    /// phrase, maybe articles and capitalized modifiers ("Federal"), then a
    /// title, a role or a person, and no `appeal` word after in the clause
    /// ("called on the Minister of Education", not "called on the
    /// ministers to act").
    fn calls_on_someone(&self, s: &Sentence) -> bool {
        let fold_is = |t: &people::Token, p: &Phrases| {
            with_fold(&self.text[t.range.clone()], |f| p.is_whole(f))
        };
        let starts_someone = |t: &people::Token| {
            t.class.has(Classes::ROLE_START)
                || t.class.has(Classes::TITLE_START)
                || s.people.iter().any(|p| {
                    let m = &p.mention;
                    m.span.start == t.range.start
                        || m.role.as_ref().is_some_and(|r| r.start == t.range.start)
                })
        };
        s.folded.find_in(self.lex.call_on()).iter().any(|(r, _)| {
            let end = s.range.start + r.end;
            let mut after = s
                .tokens
                .iter()
                .skip_while(|t| t.range.start < end)
                .skip_while(|t| fold_is(t, self.lex.articles()));
            let Some(someone) = after.by_ref().take(3).find(|t| {
                starts_someone(t) || !self.text[t.range.clone()].starts_with(char::is_uppercase)
            }) else {
                return false;
            };
            let clause_end = s
                .cuts
                .iter()
                .copied()
                .find(|&c| c > someone.range.start)
                .unwrap_or(s.range.end);
            starts_someone(someone)
                && !after
                    .take_while(|t| t.range.start < clause_end)
                    .any(|t| fold_is(t, self.lex.appeal()))
        })
    }

    /// True when the publishing organization takes part in a sentence: its
    /// people, its names, or the title of its head ("the Director-General"),
    /// unless that title is the role of someone of another organization
    /// ("the Director-General of ALECSO, Dr X").
    fn hub_present(&self, s: &Sentence, people: &[DocPerson]) -> bool {
        let hub = self.gazetteer.hub();
        let others_role = |r: &Range<usize>| {
            s.people.iter().any(|p| {
                people[p.person].represents.is_some_and(|e| e != hub)
                    && p.mention
                        .role
                        .as_ref()
                        .is_some_and(|role| role.start < r.end && r.end <= role.end)
            })
        };
        s.people.iter().any(|p| people[p.person].hub)
            || s.mentions.iter().any(|m| m.entry == hub)
            || s.folded
                .find_in(self.lex.hub_head())
                .into_iter()
                .any(|(r, _)| !others_role(&(s.range.start + r.start..s.range.start + r.end)))
    }

    /// Topics of the item's words, names of organizations left out
    /// ("Educational, Scientific and Cultural Organization" is no topic).
    fn topics(&self, sentences: &[Sentence]) -> Vec<String> {
        let mut text = String::new();
        for s in sentences {
            let mut at = s.range.start;
            for m in s
                .mentions
                .iter()
                .filter(|m| self.gazetteer.entry(m.entry).kind == EntityKind::Organization)
            {
                text.push_str(&self.text[at..m.range.start]);
                text.push(' ');
                at = m.range.end;
            }
            text.push_str(&self.text[at..s.range.end]);
            text.push(' ');
        }
        self.lex.topics_in(&fold(&text))
    }

    /// A national body, city or national organization stands for its state.
    fn state_of(&self, e: EntryId) -> EntryId {
        let entry = self.gazetteer.entry(e);
        match (&entry.kind, &entry.iso) {
            (EntityKind::Place | EntityKind::Organization, Some(iso)) => {
                self.gazetteer.by_id(&format!("country:{iso}")).unwrap_or(e)
            }
            _ => e,
        }
    }

    /// True when a role is a state's office (`national_office`: "Minister
    /// of Education", "secrétaire d'État").
    fn is_national_office(&self, role: &str) -> bool {
        self.lex
            .national_office()
            .find(&fold(role))
            .first()
            .is_some_and(|(r, _)| r.start == 0)
    }

    /// The state of the city a dispatch was filed in, if its dateline names one.
    fn dateline_state(&self, sentences: &[Sentence]) -> Option<EntryId> {
        let state = self.state_of(self.dateline_place(sentences)?);
        (self.gazetteer.entry(state).kind == EntityKind::Country).then_some(state)
    }

    /// True when a sentence opens on a subject pronoun ("He", "Il"), maybe
    /// after a phrase of time or place ("Later in the day, he met …", "Le
    /// lendemain, il a reçu …"): it continues the subject of the sentence
    /// before.
    fn opens_on_pronoun(&self, s: &Sentence) -> bool {
        const LEAD_MAX: usize = 60;
        let text = &self.text[s.range.clone()];
        s.folded
            .find_in(self.lex.subject_pronouns())
            .first()
            .is_some_and(|(r, _)| {
                let named_before = s
                    .people
                    .iter()
                    .any(|p| p.mention.span.start < s.range.start + r.start);
                // "HE the Minister": capitals make the honorific, not "He".
                let word = &text[r.clone()];
                let honorific = word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                let lower = word.starts_with(char::is_lowercase);
                !honorific
                    && (r.start == 0
                        || (r.start <= LEAD_MAX
                            && lower
                            && text[..r.start].trim_end().ends_with(',')
                            && !named_before))
            })
    }

    /// The party of a person whose role names none: a state or organization
    /// named in the sentence outside people's roles, else the state the item
    /// speaks of most.
    fn fallback_party(&self, sentences: &[Sentence], i: usize, p: &ItemPerson) -> Option<EntryId> {
        let hub = self.gazetteer.hub();
        let s = &sentences[i];
        let outside_roles = |m: &Mention| {
            !s.people
                .iter()
                .any(|q| q.covers(&m.range) && q.person != p.person)
        };
        let party_kind = |m: &Mention| {
            let e = self.gazetteer.entry(m.entry);
            m.entry != hub && matches!(e.kind, EntityKind::Country | EntityKind::Organization)
        };
        let dateline = dateline_end(self.text, &s.range);
        let seats = self.seats(s);
        if let Some(m) = s.mentions.iter().find(|m| {
            party_kind(m)
                && outside_roles(m)
                && m.form != Form::Demonym
                && !self.is_seat(s, &seats, m)
                && dateline.is_none_or(|end| m.range.end > end)
        }) {
            return Some(m.entry);
        }
        let mut counts: Vec<(EntryId, usize, usize)> = Vec::new();
        let mentions = sentences.iter().flat_map(|s| {
            let seats = self.seats(s);
            s.mentions
                .iter()
                .filter(move |m| !self.is_seat(s, &seats, m))
        });
        for (order, m) in mentions.enumerate() {
            if m.entry == hub || self.gazetteer.entry(m.entry).kind != EntityKind::Country {
                continue;
            }
            match counts.iter_mut().find(|(e, _, _)| *e == m.entry) {
                Some(c) => c.1 += 1,
                None => counts.push((m.entry, 1, order)),
            }
        }
        counts.sort_by_key(|&(_, n, order)| (std::cmp::Reverse(n), order));
        counts.first().map(|c| c.0)
    }

    /// "received the Ambassador of Japan": roles naming a state or an
    /// organization, without a name. A role whose complement is an
    /// enumeration ("the foreign ministers of the following countries: A; B;
    /// C", "les représentants du Tchad, du Niger et du Mali") names
    /// every party of it (then `true`).
    fn unnamed_counterparts(
        &self,
        s: &Sentence,
        runs: &[Vec<Range<usize>>],
    ) -> Vec<(EntryId, bool)> {
        let (tokens, cuts) = (&s.tokens, &s.cuts);
        let words: Vec<&str> = tokens.iter().map(|t| &self.text[t.range.clone()]).collect();
        let hub = self.gazetteer.hub();
        let mut out: Vec<(EntryId, bool)> = Vec::new();
        let push = |e: EntryId, listed: bool, out: &mut Vec<(EntryId, bool)>| {
            let e = self.state_of(e);
            if e != hub && !out.iter().any(|(p, _)| *p == e) {
                out.push((e, listed));
            }
        };
        // Roles in the name of the event a meeting was held at ("on the
        // sidelines of the session of the Council of Foreign Ministers"):
        // up to ten words after the occasion's words, no comma between.
        let occasions: Vec<Range<usize>> = s
            .folded
            .find_in(self.lex.occasion())
            .into_iter()
            .map(|(r, _)| s.range.start + r.start..s.range.start + r.end)
            .collect();
        let in_occasion = |i: usize| {
            occasions.iter().any(|o| {
                let end = o.end;
                let between = tokens[..i].iter().filter(|t| t.range.start >= end);
                let (mut words, mut broken) = (0, false);
                for t in between {
                    words += 1;
                    broken |= t.kind != people::TokenKind::Word;
                }
                tokens[i].range.start >= end && !broken && words <= 10
            })
        };
        for (i, t) in tokens.iter().enumerate() {
            let named = s.people.iter().any(|p| p.covers(&t.range));
            // Roles after an attendance cue are attendees ("en présence du
            // directeur général de la Bibliothèque nationale").
            let attending = s.attendance_after.iter().any(|&a| a <= t.range.start);
            if named
                || attending
                || t.kind != people::TokenKind::Word
                || !self.lex.is_role_start(&words[i..])
                || in_occasion(i)
            {
                continue;
            }
            // The title of the hub's head ("le directeur général, le tunisien
            // …") names another party only as the head of another
            // organization ("Director-General of the National Library").
            let head_title = self
                .lex
                .hub_head()
                .occurs(&fold(&words[i..words.len().min(i + 3)].join(" ")));
            let end = people::role_end(self.text, tokens, i, self.lex, &s.mentions, cuts);
            // A role ends where the occasion starts ("two foreign ministers
            // on the sidelines of …").
            let end = occasions
                .iter()
                .map(|o| o.start)
                .filter(|&o| o > t.range.start)
                .fold(end, usize::min);
            let role = t.range.start..end;
            // An enumeration that starts in the role or right after it (": A; B").
            let opens = |r: &Range<usize>| {
                r.start >= role.start
                    && (r.start < role.end
                        || self.text[role.end..r.start]
                            .trim()
                            .trim_start_matches(':')
                            .trim()
                            .is_empty())
            };
            if let Some(run) = runs.iter().find(|run| run.first().is_some_and(opens)) {
                for r in run {
                    if let Some(m) = s.mentions.iter().find(|m| m.range == *r) {
                        push(m.entry, true, &mut out);
                    }
                }
                continue;
            }
            if let Some(e) =
                people::represents(self.text, &role, self.lex, self.gazetteer, &s.mentions)
                && (!head_title || self.gazetteer.entry(e).kind == EntityKind::Organization)
            {
                push(e, false, &mut out);
            }
        }
        out
    }

    /// Sentences that say when, where and how the meeting took place: the
    /// meeting sentences, those that open on the meeting ("Lors de cette
    /// entrevue, …", "During the meeting, held at …") or place it ("qui a eu
    /// lieu …"), and those naming both principals.
    fn setting_sentences(
        &self,
        sentences: &[Sentence],
        meeting: &[usize],
        principals: &[usize],
        people: &[DocPerson],
    ) -> Vec<usize> {
        let mut out: Vec<usize> = meeting.to_vec();
        for (i, s) in sentences.iter().enumerate() {
            if s.headline || out.contains(&i) {
                continue;
            }
            let opens = s
                .folded
                .find(self.lex.setting_open())
                .first()
                .is_some_and(|(r, _)| r.start < 8);
            let head = s
                .folded
                .text
                .char_indices()
                .nth(60)
                .map_or(s.folded.text.len(), |(i, _)| i);
            let both = s.people.iter().any(|p| principals.contains(&p.person))
                && s.people.iter().any(|p| people[p.person].hub);
            let announces = s.folded.occurs(self.lex.future());
            if !announces
                && (opens
                    || both
                    || s.folded.occurs(self.lex.setting())
                    || !s.folded.find_before(self.lex.meeting(), head).is_empty())
            {
                out.push(i);
            }
        }
        out.sort_unstable();
        out
    }

    /// Date expressions of a sentence that can date a meeting: not a
    /// dateline ("DUSHANBE, 16.09.2024 –", "date 2024-06") and not a bare year.
    pub(super) fn date_exprs<'s>(&self, s: &'s Sentence) -> &'s [DateExpr] {
        s.dates.get_or_init(|| {
            let text = &self.text[s.range.clone()];
            let dateline = dateline_end(self.text, &s.range).map(|end| end - s.range.start);
            // "officials said on Sunday": the day of the report, not of the
            // meeting; "en visite depuis dimanche": when the visit began.
            let reported: Vec<usize> = [self.lex.reporting(), self.lex.since()]
                .into_iter()
                .flat_map(|list| s.folded.find_in(list))
                .map(|(r, _)| r.end)
                .collect();
            let after_cue = |at: usize| {
                reported.iter().any(|&end| {
                    end <= at && {
                        let gap: Vec<&str> = text[end..at].split_whitespace().collect();
                        gap.len() <= 1 && gap.iter().all(|w| w.chars().count() <= 3)
                    }
                })
            };
            dates::find_in(self.lex, &s.folded)
                .into_iter()
                .filter(|d| !matches!(d.when, When::Date(p, _) if p.month.is_none() || (p.day.is_none() && p.year.is_none())))
                .filter(|d| !is_dateline(&text[..d.range.start]))
                .filter(|d| dateline.is_none_or(|end| d.range.end > end))
                .filter(|d| !after_cue(d.range.start))
                .collect()
        })
    }

    /// The date of each group of parties. A party's part of the item runs
    /// from the sentence that first names it (the item's start for the
    /// first) to the one that names the next; its date is what its first
    /// sentence says ("the ministers he met today: …"), else what the
    /// part's setting sentences say, else the date of the meeting told
    /// before it ("He also received …"), else the anchor's month. "The following day" counts
    /// from the meeting told before.
    fn party_dates(
        &self,
        sentences: &[Sentence],
        setting: &[usize],
        starts: &[usize],
        groups: &[Vec<usize>],
    ) -> Vec<Option<PartialDate>> {
        let first_start = starts.iter().copied().min().unwrap_or(0);
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&g| starts[groups[g][0]]);
        let mut out = vec![None; groups.len()];
        let mut previous: Option<PartialDate> = None;
        for g in order {
            let start = starts[groups[g][0]];
            let end = starts
                .iter()
                .copied()
                .filter(|&s| s > start)
                .min()
                .unwrap_or(sentences.len());
            let begin = if start == first_start { 0 } else { start };
            let own: Vec<usize> = setting
                .iter()
                .copied()
                .filter(|i| (begin..end).contains(i))
                .collect();
            let date = self
                .date(sentences, &[start], previous)
                .or_else(|| self.date(sentences, &own, previous))
                .or(previous)
                .or_else(|| self.month_of_anchor());
            previous = date.filter(PartialDate::is_full).or(previous);
            out[g] = date;
        }
        out
    }

    /// The date the setting sentences give, resolved against the item's
    /// anchor and, for "the following day" or "le même jour", against the
    /// date of the meeting told before (`previous`); `None` when they give
    /// none.
    fn date(
        &self,
        sentences: &[Sentence],
        setting: &[usize],
        previous: Option<PartialDate>,
    ) -> Option<PartialDate> {
        let explicit: Vec<PartialDate> = sentences
            .iter()
            .filter(|s| !s.headline)
            .flat_map(|s| self.date_exprs(s))
            .filter_map(|d| match d.when {
                When::Date(p, _) if p.day.is_some() => dates::resolve(d.when, self.anchor),
                _ => None,
            })
            .collect();
        // What a sentence announces ("will hold … on February 25") dates no
        // meeting held: only the dates before its first future word count.
        let found: Vec<&DateExpr> = setting
            .iter()
            .flat_map(|&i| {
                let s = &sentences[i];
                let future = s
                    .folded
                    .find_in(self.lex.future())
                    .first()
                    .map_or(usize::MAX, |(r, _)| r.start);
                self.date_exprs(s)
                    .iter()
                    .filter(move |d| d.range.start < future)
            })
            .collect();
        // An absolute date says more than "hier" or "Tuesday" in the same setting.
        let first = found
            .iter()
            .find(|d| matches!(d.when, When::Date(p, _) if p.day.is_some()))
            .or(found.first())?;
        if let When::Weekday(wd) = first.when
            && let Some(d) = explicit
                .iter()
                .find(|d| d.is_full() && dates::weekday(**d) == Some(wd))
        {
            return Some(*d);
        }
        dates::resolve_after(first.when, self.anchor, previous).or_else(|| self.month_of_anchor())
    }

    fn month_of_anchor(&self) -> Option<PartialDate> {
        self.anchor
            .filter(|a| a.year.is_some() && a.month.is_some())
            .map(|a| PartialDate { day: None, ..a })
    }

    fn mode(&self, sentences: &[Sentence], setting: &[usize]) -> Mode {
        let texts = || {
            setting
                .iter()
                .map(|&i| &sentences[i].folded)
                .chain(sentences.iter().filter(|s| s.headline).map(|s| &s.folded))
        };
        if texts().any(|t| t.occurs(self.lex.phone())) {
            Mode::Phone
        } else if texts().any(|t| t.occurs(self.lex.videoconference())) {
            Mode::Videoconference
        } else {
            Mode::InPerson
        }
    }

    fn place(
        &self,
        sentences: &[Sentence],
        people: &[DocPerson],
        setting: &[usize],
    ) -> Option<EntryId> {
        let hq = self
            .gazetteer
            .entry(self.gazetteer.hub())
            .headquarters
            .as_deref()
            .and_then(|h| self.gazetteer.by_id(h));
        // The first setting sentence that says where: a place it names, the
        // hub's headquarters, or the counterpart's office ("received at his
        // office today the Director-General"): then where the news was filed.
        for &i in setting {
            let s = &sentences[i];
            if let Some(m) = self.places_of(s).next() {
                return Some(m.entry);
            }
            if hq.is_some() && self.at_headquarters(s, people) {
                return hq;
            }
            if s.folded.occurs(self.lex.headquarters()) {
                break;
            }
        }
        // Where the dispatch was filed, when no sentence says where.
        self.dateline_place(sentences)
    }

    /// The city a dispatch was filed in, if its dateline names one: a
    /// country there stands for its capital ("KUWAIT, Jan 20 (KUNA)").
    fn dateline_place(&self, sentences: &[Sentence]) -> Option<EntryId> {
        let s = sentences.iter().find(|s| !s.headline)?;
        s.mentions
            .iter()
            .filter(|m| self.at_dateline(s, m))
            .find_map(|m| match self.gazetteer.entry(m.entry).kind {
                EntityKind::Place => Some(m.entry),
                EntityKind::Country => self.gazetteer.gazetteer().capital(m.entry),
                _ => None,
            })
    }

    /// The places a sentence names as a setting: not in a role or a person's
    /// name, not the dateline, not the start of a longer name ("the Carthage
    /// Palace") nor the end of an organization's ("Université X de Conakry").
    fn places_of<'s>(&self, s: &'s Sentence) -> impl Iterator<Item = &'s Mention> {
        let part_of_name = |m: &Mention| {
            let rest = &self.text[m.range.end..s.range.end];
            let next = rest.split_whitespace().next().unwrap_or("");
            let starts_name = rest.starts_with(' ')
                && next.chars().next().is_some_and(char::is_uppercase)
                && !self.lex.is_title(next)
                && !self.lex.is_not_name(next)
                && !s
                    .people
                    .iter()
                    .any(|p| p.mention.span.start == m.range.end + 1);
            let ends_name = s.mentions.iter().any(|o| {
                self.gazetteer.entry(o.entry).kind == EntityKind::Organization
                    && o.range.end < m.range.start
                    && matches!(
                        fold(self.text[o.range.end..m.range.start].trim()).as_str(),
                        "de" | "d'" | "of"
                    )
            });
            starts_name || ends_name
        };
        // "an exhibition that the Organization plans to stage in Rabat":
        // where something will be, not where the meeting was.
        let planned = s
            .folded
            .find_in(self.lex.future())
            .first()
            .map_or(usize::MAX, |(r, _)| s.range.start + r.start);
        let seats = self.seats(s);
        s.mentions.iter().filter(move |m| {
            self.gazetteer.entry(m.entry).kind == EntityKind::Place
                && m.range.start < planned
                && !self.is_seat(s, &seats, m)
                && !s.in_role(m)
                && !s.in_person(m)
                && !part_of_name(m)
                && !self.is_dateline_place(s, m)
        })
    }

    /// The sentence's phrases that say where an organization sits
    /// ("-based", "headquartered"), as ranges of the text.
    fn seats(&self, s: &Sentence) -> Vec<Range<usize>> {
        s.folded
            .find_in(self.lex.seat())
            .into_iter()
            .map(|(r, _)| s.range.start + r.start..s.range.start + r.end)
            .collect()
    }

    /// True when a mention says where an organization sits: "the
    /// Rabat-based Organization", "headquartered in Rabat", and the state
    /// after such a city ("headquartered in Rabat, Morocco").
    fn is_seat(&self, s: &Sentence, seats: &[Range<usize>], m: &Mention) -> bool {
        let seat_of = |m: &Mention| {
            seats.iter().any(|r| {
                let after =
                    r.start >= m.range.end && matches!(&self.text[m.range.end..r.start], "-" | " ");
                let before = r.end <= m.range.start
                    && self
                        .lex
                        .setting_prepositions()
                        .is_whole(&fold(self.text[r.end..m.range.start].trim()));
                after || before
            })
        };
        seat_of(m)
            || s.mentions.iter().any(|city| {
                city.range.end < m.range.start
                    && self.text[city.range.end..m.range.start].trim() == ","
                    && seat_of(city)
            })
    }

    /// The city of a dateline ("Rabat, 5 mai (MAP) – …"): where the news
    /// was filed ("KABUL (Pajhwok): …" too).
    fn is_dateline_place(&self, s: &Sentence, m: &Mention) -> bool {
        self.gazetteer.entry(m.entry).kind == EntityKind::Place && self.at_dateline(s, m)
    }

    /// True when a mention opens its sentence's dateline.
    fn at_dateline(&self, s: &Sentence, m: &Mention) -> bool {
        self.text[s.range.start..m.range.start].trim().is_empty()
            && (self.text[m.range.end..].starts_with(',')
                || dateline_end(self.text, &s.range).is_some_and(|end| m.range.end < end))
    }

    /// True when a sentence sets the meeting at the hub's headquarters: a
    /// phrase that names the hub ("at ICESCO headquarters"), or one that
    /// names an office ("in his office") when the hub's side is the subject.
    fn at_headquarters(&self, s: &Sentence, people: &[DocPerson]) -> bool {
        let hub = self.gazetteer.hub();
        let subject_is_hub = s.people.first().is_none_or(|p| people[p.person].hub);
        s.folded
            .find_in(self.lex.headquarters())
            .iter()
            .any(|(r, _)| {
                let r = s.range.start + r.start..s.range.start + r.end;
                subject_is_hub
                    || s.mentions
                        .iter()
                        .any(|m| m.entry == hub && r.start <= m.range.start && m.range.end <= r.end)
            })
    }

    /// Agreements signed in the item, one per signing: what the patterns
    /// mark `agreement` ("signed a memorandum of understanding", "un
    /// accord-cadre a été signé") and not `agreement_prospect` ("the
    /// possibility of signing an agreement"). A mention marked
    /// `agreement_reference` ("the MoU", "ledit mémorandum") or
    /// `agreement_restated` ("a memorandum was signed by …") names one
    /// already found; the headline's name the body's.
    fn agreements(&self, sentences: &[Sentence], signings: &[Signing]) -> Vec<FoundAgreement> {
        let mut body: Vec<FoundAgreement> = Vec::new();
        let mut headline: Vec<FoundAgreement> = Vec::new();
        for g in signings {
            let s = &sentences[g.at];
            let found = if s.headline { &mut headline } else { &mut body };
            if g.named_before && !found.is_empty() {
                continue;
            }
            found.push(FoundAgreement {
                title: self.agreement_title(s, &g.head),
                sentence: s.range.clone(),
                head: fold(&self.text[g.head.clone()]),
                at: g.at,
            });
        }
        if body.is_empty() { headline } else { body }
    }

    /// Every agreement phrase the patterns mark signed and not a prospect,
    /// found once per item.
    fn signings(&self, sentences: &[Sentence]) -> Vec<Signing> {
        let mut out = Vec::new();
        for (at, s) in sentences.iter().enumerate() {
            if !s.folded.occurs(self.lex.agreement()) {
                continue;
            }
            let matched = self.matched(s);
            let marked = |feature: &str, r: &Range<usize>| {
                matched.iter().any(|(f, m)| *f == feature && m == r)
            };
            let mut heads: Vec<&Range<usize>> = matched
                .iter()
                .filter(|(f, r)| {
                    matches!(*f, "agreement" | "agreement_restated")
                        && !marked("agreement_prospect", r)
                })
                .map(|(_, r)| r)
                .collect();
            heads.sort_by_key(|r| r.start);
            heads.dedup();
            for head in heads {
                out.push(Signing {
                    at,
                    head: head.clone(),
                    named_before: marked("agreement_reference", head)
                        || marked("agreement_restated", head),
                });
            }
        }
        out
    }

    /// The title of an agreement as written: its phrase and what follows up
    /// to a comma, a stop, a date word, a signing verb or another agreement
    /// ("the MoU on culture, signed on Monday"), at most 24 words, without
    /// trailing function words.
    fn agreement_title(&self, s: &Sentence, head: &Range<usize>) -> Range<usize> {
        use people::TokenKind;
        let starts = |p: &Phrases| -> Vec<usize> {
            s.folded
                .find_in(p)
                .into_iter()
                .map(|(r, _)| r.start + s.range.start)
                .collect()
        };
        let stops = [
            starts(self.lex.agreement_signed()),
            starts(self.lex.agreement_passive()),
            starts(self.lex.agreement()),
        ]
        .concat();
        let mut end = head.end;
        for (words, t) in s
            .tokens
            .iter()
            .skip_while(|t| t.range.start < head.end)
            .enumerate()
        {
            let folded = fold(&self.text[t.range.clone()]);
            if matches!(t.kind, TokenKind::Comma | TokenKind::Stop)
                || self.lex.is_month_or_weekday(&folded)
                || stops.contains(&t.range.start)
                || words == 24
            {
                break;
            }
            // Function words and one-letter articles ("a", "à") end no title.
            let word = t.kind == TokenKind::Word
                && folded.chars().count() > 1
                && !self.lex.is_function_word(&folded);
            if word || t.kind == TokenKind::Close {
                end = t.range.end;
            }
        }
        head.start..end
    }

    /// Invitations ("invited Japan to join the Coalition", "a appelé
    /// Singapour à y adhérer en tant que membre observateur") and memberships
    /// ("Azerbaijan was one of the first countries to join …").
    /// `counterpart` is the state the item's meeting is with: "invited the
    /// country to join" invites it.
    pub fn invitations(
        &self,
        sentences: &[Sentence],
        counterpart: Option<EntryId>,
    ) -> (Vec<Found>, Vec<Found>) {
        let hub = self.gazetteer.hub();
        let mut invitations = Vec::new();
        let mut memberships = Vec::new();
        let mut last_target: Option<EntryId> = None;
        for s in sentences {
            let f = &s.folded;
            let offset = s.range.start;
            let countries: Vec<&Mention> = s
                .mentions
                .iter()
                .filter(|m| {
                    self.gazetteer.entry(m.entry).kind == EntityKind::Country
                        && m.form == Form::Name
                })
                .collect();
            let targets: Vec<&Mention> = s
                .mentions
                .iter()
                .filter(|m| self.gazetteer.entry(m.entry).kind == EntityKind::Initiative)
                .collect();
            let invites = f.find_in(self.lex.invite());
            let joins = f.find_in(self.lex.join());
            let observer = f.find_in(self.lex.observer());
            let pronoun = f.occurs(self.lex.join_pronoun());
            // The hub is a target only where the sentence names it ("to join
            // ICESCO", "à rejoindre l'Organisation"), not by default ("invited
            // China to join multiple initiatives").
            // Nor where a role names it ("to Dr X, Director-General of ICESCO").
            let hub_named = |from: usize, until: usize| {
                s.mentions.iter().any(|m| {
                    m.entry == hub
                        && m.range.start >= from
                        && m.range.start < until
                        && !s.in_role(m)
                })
            };
            let join_starts: Vec<usize> = joins.iter().map(|(r, _)| r.start + offset).collect();
            for (n, (inv, _)) in invites.iter().enumerate() {
                let at = inv.start + offset;
                let inv_end = inv.end + offset;
                let next_invite = invites
                    .get(n + 1)
                    .map_or(s.range.end, |(r, _)| r.start + offset);
                // "invité X à rejoindre l'ICESCO en tant qu'observateur, ainsi qu'à
                // adhérer à la Coalition": one invitation per joining verb.
                let mine: Vec<usize> = join_starts
                    .iter()
                    .copied()
                    .filter(|&j| j >= at && j < next_invite)
                    .collect();
                let Some(&first_join) = mine.first() else {
                    continue;
                };
                // The state named between the verbs ("invited Japan to join"),
                // else "the country" (the counterpart), else the subject of a
                // passive ("l'Argentine … sont invitées à y adhérer").
                let between = fold(&self.text[inv_end.min(first_join)..first_join]);
                let invitee = countries
                    .iter()
                    .find(|m| m.range.start >= inv_end && m.range.end <= first_join)
                    .map(|m| m.entry)
                    .or_else(|| {
                        counterpart.filter(|_| self.lex.country_reference().occurs(&between))
                    })
                    .or_else(|| {
                        countries
                            .iter()
                            .rev()
                            .find(|m| m.range.end <= at && !s.in_role(m))
                            .map(|m| m.entry)
                    });
                let Some(invitee) = invitee else { continue };
                for (k, &join) in mine.iter().enumerate() {
                    let until = mine.get(k + 1).copied().unwrap_or(next_invite);
                    let within =
                        |r: &Range<usize>| r.start + offset >= join && r.start + offset < until;
                    let (target, capacity) = if observer.iter().any(|(r, _)| within(r)) {
                        (hub, Capacity::Observer)
                    } else if let Some(m) = targets
                        .iter()
                        .find(|m| m.range.start >= join && m.range.start < until)
                    {
                        (m.entry, Capacity::Member)
                    } else if pronoun
                        && let Some(t) = targets
                            .iter()
                            .rev()
                            .find(|m| m.range.end <= at)
                            .map(|m| m.entry)
                            .or(last_target)
                    {
                        (t, Capacity::Member)
                    } else if hub_named(join, until) {
                        (hub, Capacity::Member)
                    } else {
                        continue;
                    };
                    let found = Found {
                        who: invitee,
                        target,
                        capacity,
                        sentence: s.range.clone(),
                    };
                    if !invitations.contains(&found) {
                        invitations.push(found);
                    }
                }
            }
            if invites.is_empty() {
                let references = f.find_in(self.lex.country_reference());
                for (j, _) in f.find_in(self.lex.joined()) {
                    let at = j.start + offset;
                    // "son pays a adhéré", "his country has joined": the
                    // counterpart, not a state named before.
                    let referred = references
                        .iter()
                        .any(|(r, _)| r.end <= j.start && j.start - r.end <= 2);
                    // The state named before ("Djibouti has joined"), else
                    // right after ("the act of accession of Djibouti").
                    let after = j.end + offset;
                    let named = || {
                        countries
                            .iter()
                            .rev()
                            .find(|m| m.range.end <= at)
                            .or_else(|| {
                                countries.iter().find(|m| {
                                    m.range.start >= after
                                        && self.text[after..m.range.start]
                                            .split_whitespace()
                                            .count()
                                            <= MAX_WORDS_TO_MEMBER
                                })
                            })
                            .map(|m| m.entry)
                    };
                    let member = if referred { counterpart } else { named() };
                    let Some(member) = member else {
                        continue;
                    };
                    let is_observer = observer.iter().any(|(r, _)| r.start + offset >= at);
                    let (target, capacity) = if is_observer {
                        (hub, Capacity::Observer)
                    } else if let Some(m) = targets.iter().find(|m| m.range.start >= at) {
                        (m.entry, Capacity::Member)
                    } else if hub_named(at, s.range.end) {
                        (hub, Capacity::Member)
                    } else {
                        continue;
                    };
                    let found = Found {
                        who: member,
                        target,
                        capacity,
                        sentence: s.range.clone(),
                    };
                    if !memberships.iter().any(|m: &Found| {
                        m.who == found.who
                            && m.target == found.target
                            && m.capacity == found.capacity
                    }) {
                        memberships.push(found);
                    }
                }
            }
            if let Some(t) = targets.last() {
                last_target = Some(t.entry);
            }
        }
        (invitations, memberships)
    }
}

/// The most words between a phrase of joining and the state after it ("l'acte
/// d'adhésion de la République de Djibouti").
const MAX_WORDS_TO_MEMBER: usize = 3;

/// The most words of a headline written as one ("Minister, ICESCO chief
/// discuss cooperation"), not as a sentence.
const MAX_HEADLINE_WORDS: usize = 16;

/// Where a dateline opening a sentence or paragraph ends: "RABAT, March 3
/// (MAP) -", "Riyadh, …, October 22, 2023, SPA --", "Tunis (ALECSO) –".
/// Its place is where the news was filed and its acronym who filed it:
/// neither is a party of the news.
pub(super) fn dateline_end(text: &str, range: &Range<usize>) -> Option<usize> {
    const SEPARATORS: [&str; 7] = [" -- ", " – ", " — ", " - ", ")- ", ")-- ", "): "];
    const MAX_LEN: usize = 160;
    let s = &text[range.clone()];
    // A separator past MAX_LEN ends no dateline: look no further.
    let head = &s[..s.floor_char_boundary(MAX_LEN + 4)];
    let (at, sep) = SEPARATORS
        .iter()
        .filter_map(|sep| head.find(sep).map(|at| (at, sep)))
        .min_by_key(|&(at, _)| at)?;
    let prefix = s[..at].trim_end();
    let dated = (prefix.contains(',') || prefix.ends_with(|c: char| c.is_ascii_digit()))
        && prefix.bytes().any(|b| b.is_ascii_digit());
    let filed_by = prefix.ends_with(')') || sep.starts_with(')');
    if at >= MAX_LEN || !(dated || filed_by) {
        return None;
    }
    let end = at + sep.len();
    // "Conakry, 5 avril (AGP) – 05/04/2017 – La ministre": a numeric date
    // between two dashes is the dateline's too.
    let numeric = |c: char| c.is_ascii_digit() || matches!(c, '/' | '.' | '-');
    let date_len = s[end..].find(|c: char| !numeric(c)).unwrap_or(0);
    let more = (date_len >= 8)
        .then(|| {
            SEPARATORS
                .iter()
                .find(|sep| s[end + date_len..].starts_with(*sep))
        })
        .flatten()
        .map_or(0, |sep| date_len + sep.len());
    Some(range.start + end + more)
}

/// True when `before` (the text before a date) is a dateline's place:
/// "DUSHANBE, ", "Rabat: ", "APA-Dakar (Sénégal) ", "date ".
pub(super) fn is_dateline(before: &str) -> bool {
    let t = before.trim();
    if t == "date" {
        return true;
    }
    // A name: "Abu Dhabi", "Le Caire", not "La veille".
    let place_only = |p: &str| {
        p.len() < 30
            && p.split_whitespace().count() <= 2
            && p.split_whitespace()
                .last()
                .is_some_and(|w| w.trim_start_matches('(').starts_with(char::is_uppercase))
    };
    // "APA-Nouakchott (Mauritanie) 27/09/2017": an agency's place in brackets.
    if t.ends_with(')') {
        return place_only(t);
    }
    // "Riyadh, Rabi' al-Awwal 01, 1446, September 04, 2024", "Djibouti,
    // mercredi 21 Dhou al-Hijja 1430 / 9 décembre 2009": a Hijri date (year
    // 1300–1500) may come between the place and the Gregorian date.
    let hijri = |rest: &str| {
        rest.len() < 40
            && rest
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1300..=1500).contains(&y)))
    };
    let Some(head) = t.strip_suffix([',', ':', '/']) else {
        return false;
    };
    let after_hijri = head
        .split_once(',')
        .is_some_and(|(place, rest)| place_only(place) && hijri(rest));
    // Only a Hijri date comes before a slash.
    after_hijri || !t.ends_with('/') && place_only(head)
}

fn find_person(people: &[DocPerson], keys: &[String]) -> Option<usize> {
    let surname = keys.last()?;
    people.iter().position(|p| {
        p.keys.last() == Some(surname)
            && (keys.len() == 1
                || p.keys.len() == 1
                || p.keys
                    .first()
                    .zip(keys.first())
                    .is_some_and(|(a, b)| a.chars().next() == b.chars().next()))
    })
}

fn register(
    people: &mut Vec<DocPerson>,
    name: &str,
    role: Option<String>,
    represents: Option<EntryId>,
    hub: bool,
) -> usize {
    let keys = people::name_keys(name);
    match find_person(people, &keys) {
        Some(i) => {
            let p = &mut people[i];
            if keys.len() > p.keys.len() {
                p.name = name.to_string();
                p.keys = keys;
            }
            if p.role.is_none() {
                p.role = role;
            }
            if p.represents.is_none() {
                p.represents = represents;
            }
            p.hub |= hub;
            i
        }
        None => {
            people.push(DocPerson {
                name: name.to_string(),
                keys,
                role,
                represents,
                hub,
            });
            people.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::dateline_end;

    #[test]
    fn what_may_stand_before_a_datelines_date() {
        for (before, want) in [
            ("DUSHANBE, ", true),
            ("Rabat : ", true),
            ("Abu Dhabi, ", true),
            ("APA-Nouakchott (Mauritanie) ", true),
            ("date ", true),
            ("Riyadh, Rabi' al-Awwal 01, 1446, ", true),
            ("Djibouti, mercredi 21 Dhou al-Hijja 1430 / ", true),
            ("Rabat, le 3/", false),
            ("La veille, ", false),
            ("Le ministre a rappelé, ", false),
            ("", false),
        ] {
            assert_eq!(super::is_dateline(before), want, "{before:?}");
        }
    }

    #[test]
    fn datelines_end_at_their_dash() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "RABAT, March 3 (MAP) - The minister met",
                Some("The minister met"),
            ),
            (
                "Riyadh, Rabi II 07, 1445, October 22, 2023, SPA -- Dr X received",
                Some("Dr X received"),
            ),
            (
                "Rabat, 09/06/2022 (MAP)- Le ministre a reçu",
                Some("Le ministre a reçu"),
            ),
            (
                "Dakar, 7 déc (APS) – Le ministre a reçu",
                Some("Le ministre a reçu"),
            ),
            (
                "HERAT (Bakhtar): The governor met",
                Some("The governor met"),
            ),
            (
                "Bamako, 3 mai (AMAP) – 03/05/2016 – Le ministre a reçu",
                Some("Le ministre a reçu"),
            ),
            (
                "AMAP-Kayes (Mali) 03/05/2016 - Le ministre a reçu",
                Some("Le ministre a reçu"),
            ),
            // No date before the dash, or a dash far into the sentence.
            ("The minister - a former envoy - met the DG", None),
            (
                "The Director-General met on 3 March, at the headquarters of the Organization in Rabat, the members of the delegation of the national commission and its secretary-general - a long day",
                None,
            ),
        ];
        for (text, rest) in cases {
            let end = dateline_end(text, &(0..text.len()));
            assert_eq!(end.map(|e| &text[e..]), *rest, "{text}");
        }
    }
}
