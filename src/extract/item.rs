//! One news item at a time: sentences, mentions and people, then the
//! meetings the item reports, with their date, place, mode, attendees,
//! topics, invitations and memberships.
//!
//! A meeting needs three things in one sentence: a meeting cue ("a reçu",
//! "s'est entretenu", "met with", "phone call"), the publishing organization
//! (its name, its head or one of its people) and a counterpart (a person who
//! represents a state or another organization, or a role that names one:
//! "the Ambassador of Japan"). Statements, speeches, calls for solidarity and
//! announced visits have no such sentence.

use super::dates::{self, DateExpr, When};
use super::lexicon::Lexicon;
use super::people::{self, PersonMention};
use crate::gazetteer::{Entities, EntryId, Form, Mention};
use crate::model::{Capacity, EntityKind, Mode, PartialDate};
use crate::text::{Folded, fold};
use std::collections::BTreeMap;
use std::ops::Range;

/// A sentence of an item with what was found in it.
#[derive(Debug)]
pub struct Sentence {
    pub range: Range<usize>,
    pub folded: Folded,
    pub mentions: Vec<Mention>,
    pub people: Vec<ItemPerson>,
    pub headline: bool,
}

impl Sentence {
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
    pub party: EntryId,
    pub principal: Option<usize>,
    pub hub_principal: Option<usize>,
    pub attendees: Vec<usize>,
    pub date: Option<PartialDate>,
    pub place: Option<EntryId>,
    pub mode: Mode,
    pub topics: Vec<String>,
    pub invitations: Vec<Found>,
    pub memberships: Vec<Found>,
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

/// What the item analysis needs from the document.
pub struct Context<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    /// The gazetteer and the organizations the document adds to it.
    pub gazetteer: &'a Entities<'a>,
    pub anchor: Option<PartialDate>,
}

/// The sentences of an item with their layers: entity mentions (the
/// gazetteer's and organizations recognized by their form, added to
/// `entities`), then people, registered in `people`.
pub fn sentences(
    text: &str,
    lex: &Lexicon,
    entities: &mut Entities,
    headline: Option<Range<usize>>,
    paragraphs: &[Range<usize>],
    people: &mut Vec<DocPerson>,
) -> Vec<Sentence> {
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
        let folded = Folded::new(s);
        let mut mentions: Vec<Mention> = entities
            .gazetteer()
            .find_folded(s, &folded)
            .into_iter()
            .map(|m| Mention {
                range: m.range.start + range.start..m.range.end + range.start,
                ..m
            })
            .collect();
        super::orgs::find(text, range.clone(), lex, entities, &mut mentions);
        let found = {
            let known = |name: &str| find_person(people, &people::name_keys(name)).is_some();
            people::find(text, range.clone(), lex, &mentions, &known)
        };
        let after: Vec<usize> = lex
            .attendance_after
            .find_in(&folded)
            .into_iter()
            .map(|(r, _)| r.end + range.start)
            .collect();
        let before: Vec<usize> = lex
            .attendance_before
            .find_in(&folded)
            .into_iter()
            .map(|(r, _)| r.start + range.start)
            .collect();
        let mut sentence_people = Vec::new();
        for m in found {
            let mentions_outside: Vec<Mention> = mentions
                .iter()
                .filter(|x| x.range.start >= m.name.end || x.range.end <= m.span.start)
                .cloned()
                .collect();
            let represents = m
                .role
                .as_ref()
                .and_then(|r| people::represents(text, r, lex, entities, &mentions_outside));
            let role_text = m
                .role
                .as_ref()
                .map(|r| text[r.clone()].trim_end_matches([',', ' ']).to_string());
            let hub = represents == Some(entities.hub())
                || m.role.as_ref().is_some_and(|r| {
                    let f = fold(&text[r.clone()]);
                    lex.hub_head.occurs(&f) && represents.is_none()
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
            mentions,
            people: sentence_people,
            headline,
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
        let hub = self.gazetteer.hub();
        let meeting_sentences: Vec<usize> = (0..sentences.len())
            .filter(|&i| {
                let s = &sentences[i];
                !s.headline
                    && self.lex.meeting.occurs(&s.folded.text)
                    && !self.lex.not_meeting.occurs(&s.folded.text)
                    && self.hub_present(s, people)
            })
            .collect();
        // Counterparts: people in meeting sentences who are not of the hub and
        // not attendees. People whose role names no one count only when no
        // one else's does ("under the patronage of President X").
        let candidates: Vec<(usize, &ItemPerson)> = meeting_sentences
            .iter()
            .flat_map(|&i| sentences[i].people.iter().map(move |p| (i, p)))
            .filter(|(_, p)| !people[p.person].hub && !p.attendee)
            .collect();
        let any_role = candidates
            .iter()
            .any(|(_, p)| people[p.person].represents.is_some_and(|e| e != hub));
        let mut party_of: BTreeMap<usize, EntryId> = BTreeMap::new();
        // (party, members, sentence and end of the last member's mention)
        let mut parties: Vec<(EntryId, Vec<usize>, usize, usize)> = Vec::new();
        for (i, p) in candidates {
            let dp = &people[p.person];
            if any_role && dp.represents.is_none() {
                // Only as a colleague named with a principal, in one breath.
                if let Some((_, members, _, end)) =
                    parties.iter_mut().find(|(_, _, sentence, end)| {
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
                    .or_else(|| self.fallback_party(sentences, i, p)),
            };
            let Some(party) = party.filter(|&e| e != hub).map(|e| self.state_of(e)) else {
                continue;
            };
            party_of.insert(p.person, party);
            match parties.iter_mut().find(|(e, ..)| *e == party) {
                Some((_, members, sentence, end)) => {
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
                None => parties.push((party, vec![p.person], i, p.mention.span.end)),
            }
        }
        // The sentence where each party is first named.
        let mut starts: Vec<usize> = parties.iter().map(|(_, _, i, _)| *i).collect();
        let mut parties: BTreeMap<usize, (EntryId, Vec<usize>)> = parties
            .into_iter()
            .enumerate()
            .map(|(k, (e, m, ..))| (k, (e, m)))
            .collect();
        if parties.is_empty()
            && let Some((party, i)) = meeting_sentences
                .iter()
                .find_map(|&i| self.unnamed_counterpart(&sentences[i]).map(|p| (p, i)))
        {
            parties.insert(0, (party, Vec::new()));
            starts = vec![i];
        }
        if parties.is_empty() {
            return Vec::new();
        }
        let principals: Vec<usize> = parties
            .values()
            .filter_map(|(_, m)| m.first().copied())
            .collect();
        let setting = self.setting_sentences(sentences, &meeting_sentences, &principals, people);
        let date = self.date(sentences, &setting);
        let mode = self.mode(sentences, &setting);
        let place = if mode == Mode::InPerson {
            self.place(sentences, &setting)
        } else {
            None
        };
        let hub_principal = meeting_sentences
            .iter()
            .flat_map(|&i| sentences[i].people.iter())
            .chain(sentences.iter().flat_map(|s| s.people.iter()))
            .find(|p| people[p.person].hub && !p.attendee)
            .map(|p| p.person);
        let topics = self.topics(sentences);
        let counterpart_state = parties
            .values()
            .map(|(e, _)| *e)
            .find(|&e| self.gazetteer.entry(e).kind == EntityKind::Country);
        let (invitations, memberships) = self.invitations(sentences, counterpart_state);
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
        parties
            .into_values()
            .enumerate()
            .map(|(k, (party, members))| {
                let principal = members.first().copied();
                let mut attendees: Vec<usize> = members.iter().skip(1).copied().collect();
                for a in listed_attendees
                    .iter()
                    .filter(|(of, _)| *of == k)
                    .map(|(_, a)| a)
                {
                    if Some(*a) != principal && Some(*a) != hub_principal && !attendees.contains(a)
                    {
                        attendees.push(*a);
                    }
                }
                // Invitations go to the meeting with the invitee, else to the first one.
                let mine = |f: &Found| {
                    f.who == party || (Some(party) == first_party && !all_parties.contains(&f.who))
                };
                ItemMeeting {
                    party,
                    principal,
                    hub_principal,
                    attendees,
                    date,
                    place,
                    mode,
                    topics: topics.clone(),
                    invitations: invitations.iter().filter(|f| mine(f)).cloned().collect(),
                    memberships: memberships.iter().filter(|f| mine(f)).cloned().collect(),
                    evidence: evidence.clone(),
                }
            })
            .collect()
    }

    /// True when a new clause starts between two offsets (a verb of
    /// meeting or inviting, an auxiliary, a relative pronoun, "held in").
    fn clause_between(&self, from: usize, to: usize) -> bool {
        from < to && {
            let folded = fold(&self.text[from..to]);
            [
                &self.lex.meeting,
                &self.lex.invite,
                &self.lex.clause,
                &self.lex.setting,
            ]
            .iter()
            .any(|p| p.occurs(&folded))
        }
    }

    fn hub_present(&self, s: &Sentence, people: &[DocPerson]) -> bool {
        let hub = self.gazetteer.hub();
        s.people.iter().any(|p| people[p.person].hub)
            || s.mentions.iter().any(|m| m.entry == hub)
            || self.lex.hub_head.occurs(&s.folded.text)
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

    /// The party of a person whose role names none: a state or organization
    /// named in the sentence outside people's roles, else the state the item
    /// speaks of most.
    fn fallback_party(&self, sentences: &[Sentence], i: usize, p: &ItemPerson) -> Option<EntryId> {
        let hub = self.gazetteer.hub();
        let s = &sentences[i];
        let outside_roles = |m: &Mention| {
            !s.people.iter().any(|q| {
                q.mention.span.start <= m.range.start
                    && m.range.end
                        <= q.mention
                            .role
                            .as_ref()
                            .map_or(q.mention.span.end, |r| r.end.max(q.mention.span.end))
                    && q.person != p.person
            })
        };
        let party_kind = |m: &Mention| {
            let e = self.gazetteer.entry(m.entry);
            m.entry != hub && matches!(e.kind, EntityKind::Country | EntityKind::Organization)
        };
        if let Some(m) = s
            .mentions
            .iter()
            .find(|m| party_kind(m) && outside_roles(m) && m.form != Form::Demonym)
        {
            return Some(m.entry);
        }
        let mut counts: Vec<(EntryId, usize, usize)> = Vec::new();
        for (order, m) in sentences.iter().flat_map(|s| s.mentions.iter()).enumerate() {
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

    /// "received the Ambassador of Japan": a role naming a state, without a name.
    fn unnamed_counterpart(&self, s: &Sentence) -> Option<EntryId> {
        let tokens = people::tokenize(self.text, s.range.clone());
        let words: Vec<&str> = tokens.iter().map(|t| &self.text[t.range.clone()]).collect();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != people::TokenKind::Word
                || !self.lex.is_role_start(&words[i..])
                || self
                    .lex
                    .hub_head
                    .occurs(&fold(&words[i..words.len().min(i + 3)].join(" ")))
            {
                continue;
            }
            let cuts = people::clause_cuts(self.text, s.range.clone(), self.lex);
            let end = people::role_end(self.text, &tokens, i, self.lex, &s.mentions, &cuts);
            let role = t.range.start..end;
            if let Some(e) =
                people::represents(self.text, &role, self.lex, self.gazetteer, &s.mentions)
                && e != self.gazetteer.hub()
            {
                return Some(self.state_of(e));
            }
        }
        None
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
            let opens = self
                .lex
                .setting_open
                .find(&s.folded.text)
                .first()
                .is_some_and(|(r, _)| r.start < 8);
            let head: String = s.folded.text.chars().take(60).collect();
            let both = s.people.iter().any(|p| principals.contains(&p.person))
                && s.people.iter().any(|p| people[p.person].hub);
            let announces = self.lex.future.occurs(&s.folded.text);
            if !announces
                && (opens
                    || both
                    || self.lex.setting.occurs(&s.folded.text)
                    || self.lex.meeting.occurs(&head))
            {
                out.push(i);
            }
        }
        out.sort_unstable();
        out
    }

    /// Date expressions of a sentence that can date a meeting: not a
    /// dateline ("DUSHANBE, 16.09.2024 –", "date 2024-06") and not a bare year.
    fn date_exprs(&self, s: &Sentence) -> Vec<DateExpr> {
        let text = &self.text[s.range.clone()];
        dates::find(self.lex, text)
            .into_iter()
            .filter(|d| !matches!(d.when, When::Date(p, _) if p.month.is_none() || (p.day.is_none() && p.year.is_none())))
            .filter(|d| !is_dateline(&text[..d.range.start]))
            .collect()
    }

    fn date(&self, sentences: &[Sentence], setting: &[usize]) -> Option<PartialDate> {
        let explicit: Vec<PartialDate> = sentences
            .iter()
            .filter(|s| !s.headline)
            .flat_map(|s| self.date_exprs(s))
            .filter_map(|d| match d.when {
                When::Date(p, _) if p.day.is_some() => dates::resolve(d.when, self.anchor),
                _ => None,
            })
            .collect();
        // A sentence that announces ("will hold … on February 25") dates no meeting held.
        let found: Vec<DateExpr> = setting
            .iter()
            .filter(|&&i| !self.lex.future.occurs(&sentences[i].folded.text))
            .flat_map(|&i| self.date_exprs(&sentences[i]))
            .collect();
        // An absolute date says more than "hier" or "Tuesday" in the same setting.
        let best = found
            .iter()
            .find(|d| matches!(d.when, When::Date(p, _) if p.day.is_some()))
            .or(found.first());
        if let Some(first) = best {
            if let When::Weekday(wd) = first.when
                && let Some(d) = explicit
                    .iter()
                    .find(|d| d.is_full() && dates::weekday(**d) == wd)
            {
                return Some(*d);
            }
            return dates::resolve(first.when, self.anchor).or_else(|| self.month_of_anchor());
        }
        self.month_of_anchor()
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
                .map(|&i| sentences[i].folded.text.as_str())
                .chain(
                    sentences
                        .iter()
                        .filter(|s| s.headline)
                        .map(|s| s.folded.text.as_str()),
                )
        };
        if texts().any(|t| self.lex.phone.occurs(t)) {
            Mode::Phone
        } else if texts().any(|t| self.lex.videoconference.occurs(t)) {
            Mode::Videoconference
        } else {
            Mode::InPerson
        }
    }

    fn place(&self, sentences: &[Sentence], setting: &[usize]) -> Option<EntryId> {
        for &i in setting {
            let s = &sentences[i];
            let in_role = |m: &Mention| s.in_role(m) || s.in_person(m);
            // The city of a dateline ("Rabat, 5 mai (MAP) – …") is where the news was filed.
            let dateline = |m: &Mention| {
                self.text[s.range.start..m.range.start].trim().is_empty()
                    && self.text[m.range.end..].starts_with(',')
            };
            // "the Carthage Palace": a place that starts a longer name is not the place.
            let part_of_name = |m: &Mention| {
                let rest = &self.text[m.range.end..s.range.end];
                let next = rest.split_whitespace().next().unwrap_or("");
                rest.starts_with(' ')
                    && next.chars().next().is_some_and(char::is_uppercase)
                    && !self.lex.is_title(next)
                    && !self.lex.is_stopword(next)
                    && !s
                        .people
                        .iter()
                        .any(|p| p.mention.span.start == m.range.end + 1)
            };
            if let Some(m) = s.mentions.iter().find(|m| {
                self.gazetteer.entry(m.entry).kind == EntityKind::Place
                    && !in_role(m)
                    && !part_of_name(m)
                    && !dateline(m)
            }) {
                return Some(m.entry);
            }
        }
        let hq = self
            .gazetteer
            .entry(self.gazetteer.hub())
            .headquarters
            .as_deref()
            .and_then(|h| self.gazetteer.by_id(h))?;
        setting
            .iter()
            .any(|&i| self.lex.headquarters.occurs(&sentences[i].folded.text))
            .then_some(hq)
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
            let invites = self.lex.invite.find_in(f);
            let joins = self.lex.join.find_in(f);
            let observer = self.lex.observer.find_in(f);
            let pronoun = self.lex.join_pronoun.occurs(&f.text);
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
                    .or_else(|| counterpart.filter(|_| self.lex.country_reference.occurs(&between)))
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
                    } else {
                        (hub, Capacity::Member)
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
                for (j, _) in self.lex.joined.find_in(f) {
                    let at = j.start + offset;
                    let Some(member) = countries
                        .iter()
                        .rev()
                        .find(|m| m.range.end <= at)
                        .map(|m| m.entry)
                    else {
                        continue;
                    };
                    let is_observer = observer.iter().any(|(r, _)| r.start + offset >= at);
                    let (target, capacity) = if is_observer {
                        (hub, Capacity::Observer)
                    } else if let Some(m) = targets.iter().find(|m| m.range.start >= at) {
                        (m.entry, Capacity::Member)
                    } else {
                        (hub, Capacity::Member)
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

/// True when `before` (the text before a date) is a dateline's place:
/// "DUSHANBE, ", "Rabat: ", "date ".
pub(super) fn is_dateline(before: &str) -> bool {
    let t = before.trim();
    if t == "date" {
        return true;
    }
    let place_only = |p: &str| !p.is_empty() && p.len() < 30 && p.split_whitespace().count() <= 2;
    if !t.ends_with([',', ':']) {
        return false;
    }
    // "Riyadh, Rabi' al-Awwal 01, 1446, September 04, 2024": a Hijri date
    // (year 1300–1500) may come between the place and the Gregorian date.
    let hijri = |rest: &str| {
        rest.len() < 40
            && rest
                .split(|c: char| !c.is_ascii_digit())
                .any(|n| n.len() == 4 && n.parse::<u32>().is_ok_and(|y| (1300..=1500).contains(&y)))
    };
    place_only(&t[..t.len() - 1])
        || t.split_once(',')
            .is_some_and(|(place, rest)| place_only(place) && hijri(rest))
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
