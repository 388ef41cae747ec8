//! The publisher of a document: the organization whose release it is, and
//! so the hub of its meetings.
//!
//! A corpus may mix the releases of several organizations. Each document's
//! publisher is a scored decision among the candidates: the configured hub
//! ([`Gazetteer::hub`], `--hub`) and every organization whose gazetteer
//! entry says who heads it (`head` names or `head_title` titles). Each cue
//! adds its weight to the organization it names:
//!
//! | cue | weight | where |
//! |---|---|---|
//! | `byline` | [`BYLINE`] | the organization named in a header line or in the dateline that opens an item's first paragraph ("Tunis, 3 May 2024 (ALECSO) –") |
//! | `head` | [`HEAD`] | its head, at the opening of a sentence (the headline included): one of its `head` names, or one of its `head_title`s next to its name ("Director-General of UNESCO", "UNESCO Director-General", "Directeur général de l'ALECSO") |
//! | `name` | [`NAME`] | its name or acronym among the first words of a sentence ("ALECSO organized …") |
//!
//! Only the lede says who publishes: the headline and the first
//! [`LEDE_SENTENCES`] sentences of each news item are read. A sentence
//! gives one cue at most: its subject, the first head it names among its
//! [`OPENING_WORDS`] first words (after a dateline), else an organization
//! among its [`NAME_WORDS`] first words; a head named later is an object
//! ("… received Dr X, Director-General of ICESCO"). The
//! configured hub starts with [`PRIOR`] and wins ties, so that a document
//! that says nothing, or says as much of another organization, stays the
//! configured hub's.

use super::Lexicon;
use super::item::dateline_end;
use super::sentences;
use crate::corpus::Document;
use crate::gazetteer::{EntryId, Gazetteer};
use crate::model::{EntityKind, PublisherCueKind};
use crate::text::{Folded, at_word_boundaries, fold};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// Weight of the organization named in a byline or dateline.
pub const BYLINE: f64 = 3.0;
/// Weight of the organization whose head opens a sentence.
pub const HEAD: f64 = 2.0;
/// Weight of the organization named at the opening of a sentence.
pub const NAME: f64 = 1.0;
/// What the configured hub starts with.
pub const PRIOR: f64 = 1.0;
/// Sentences of an item's body read for subjects (after its headline).
pub const LEDE_SENTENCES: usize = 3;
/// How many words open a sentence for a head to be its subject.
pub const OPENING_WORDS: usize = 10;
/// How many words open a sentence for an organization's name to be its subject.
pub const NAME_WORDS: usize = 3;

/// One cue for a candidate publisher; `range` is in the document's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cue {
    pub entry: EntryId,
    pub kind: PublisherCueKind,
    pub range: Range<usize>,
}

impl Cue {
    pub(super) fn weight(&self) -> f64 {
        match self.kind {
            PublisherCueKind::Byline => BYLINE,
            PublisherCueKind::Head => HEAD,
            PublisherCueKind::Name => NAME,
        }
    }
}

/// The publisher of a document and why.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Decision {
    pub publisher: EntryId,
    /// The publisher's score (its cues' weights, plus [`PRIOR`] for the configured hub).
    pub score: f64,
    /// Every cue of every candidate, in text order.
    pub cues: Vec<Cue>,
}

/// The organizations that can publish: the configured hub and every
/// organization with a head, read once for every document, with their
/// heads' folded names and titles in one automaton.
#[derive(Debug, Clone)]
pub(super) struct Candidates {
    entries: Vec<EntryId>,
    /// Every head name and title, each once.
    phrases: AhoCorasick,
    /// For each phrase: the organizations it heads, and whether it is a
    /// title (said next to the organization's name) or a name.
    heads: Vec<Vec<(EntryId, bool)>>,
}

impl Candidates {
    pub(super) fn new(g: &Gazetteer) -> Self {
        let mut entries = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut heads: Vec<Vec<(EntryId, bool)>> = Vec::new();
        for (entry, e) in g.entries().iter().enumerate() {
            if e.kind != EntityKind::Organization
                || (entry != g.hub() && e.head.is_empty() && e.head_titles.is_empty())
            {
                continue;
            }
            entries.push(entry);
            let names = e.head.iter().map(|h| (h, false));
            for (phrase, title) in names.chain(e.head_titles.iter().map(|t| (t, true))) {
                let phrase = fold(phrase);
                if phrase.is_empty() {
                    continue;
                }
                let k = match patterns.iter().position(|p| *p == phrase) {
                    Some(k) => k,
                    None => {
                        patterns.push(phrase);
                        heads.push(Vec::new());
                        patterns.len() - 1
                    }
                };
                heads[k].push((entry, title));
            }
        }
        let phrases = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("head names are plain strings");
        Candidates {
            entries,
            phrases,
            heads,
        }
    }

    /// True when `entry` can publish.
    fn contains(&self, entry: EntryId) -> bool {
        self.entries.contains(&entry)
    }

    /// Each phrase's occurrences in `folded` that lie at word boundaries,
    /// as (phrase, range): those a search from the end of the previous
    /// occurrence of that phrase finds, one after another.
    fn found(&self, folded: &str) -> Vec<(usize, Range<usize>)> {
        let mut all: Vec<(usize, usize, usize)> = self
            .phrases
            .find_overlapping_iter(folded)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        all.sort_unstable();
        let mut out = Vec::new();
        let mut last: Option<(usize, usize)> = None;
        for (phrase, start, end) in all {
            if last.is_some_and(|(p, e)| p == phrase && start < e) {
                continue;
            }
            last = Some((phrase, end));
            if at_word_boundaries(folded, &(start..end)) {
                out.push((phrase, start..end));
            }
        }
        out
    }
}

/// Decides who publishes `doc` among the `candidates` of `g` (see the
/// module documentation); `folded` is the fold of its text.
pub(super) fn decide(
    doc: &Document,
    folded: &Folded,
    g: &Gazetteer,
    candidates: &Candidates,
    lex: &Lexicon,
) -> Decision {
    let text = doc.text.as_str();
    let mut cues = Vec::new();
    for item in &doc.items {
        let mut lines: Vec<Range<usize>> = item.header.clone();
        lines.extend(
            (item.paragraphs.first()).and_then(|p| dateline_end(text, p).map(|end| p.start..end)),
        );
        for line in lines {
            for m in g.find_folded(&text[line.clone()], &folded.slice(line.clone())) {
                if candidates.contains(m.entry) {
                    cues.push(Cue {
                        entry: m.entry,
                        kind: PublisherCueKind::Byline,
                        range: line.start + m.range.start..line.start + m.range.end,
                    });
                }
            }
        }
        // Each sentence, and whether it opens its paragraph (and may
        // start with a dateline).
        let lede = item
            .paragraphs
            .iter()
            .flat_map(|p| {
                let split = sentences::split(text, p.clone(), |w| lex.is_title(w));
                split.into_iter().enumerate().map(|(i, s)| (s, i == 0))
            })
            .take(LEDE_SENTENCES);
        let sentences = item.headline.iter().map(|h| (h.clone(), false)).chain(lede);
        for (s, opens) in sentences {
            cues.extend(subject(text, folded, s, opens, g, candidates));
        }
    }
    cues.sort_by_key(|c| c.range.start);
    let score = |entry: EntryId| {
        let prior = if entry == g.hub() { PRIOR } else { 0.0 };
        prior
            + cues
                .iter()
                .filter(|c| c.entry == entry)
                .map(Cue::weight)
                .sum::<f64>()
    };
    let (publisher, best) = candidates.entries.iter().map(|&e| (e, score(e))).fold(
        (g.hub(), score(g.hub())),
        |best, c| {
            if c.1 > best.1 { c } else { best }
        },
    );
    Decision {
        publisher,
        score: best,
        cues,
    }
}

/// The byte offset in `s` where its `n`th word ends (or its end).
fn after_words(s: &str, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s.len()
}

/// The cue of sentence `range`'s subject, if an organization that can
/// publish is its subject; a sentence that `opens` its paragraph starts
/// after its dateline, if any. `folded` is the fold of `text`.
fn subject(
    text: &str,
    folded: &Folded,
    range: Range<usize>,
    opens: bool,
    g: &Gazetteer,
    candidates: &Candidates,
) -> Option<Cue> {
    let s = &text[range.clone()];
    let dated = dateline_end(text, &range).filter(|_| opens);
    let opening = dated.map_or(0, |end| end - range.start);
    let rest = &s[opening..];
    let heads_end = opening + after_words(rest, OPENING_WORDS);
    let names_end = opening + after_words(rest, NAME_WORDS);
    let folded = folded.slice(range.clone());
    let mentions: Vec<_> = g
        .find_folded(s, &folded)
        .into_iter()
        .filter(|m| m.range.start >= opening)
        .collect();
    // The heads the sentence names, (start, end, entry).
    let mut heads: Vec<(usize, usize, EntryId)> = Vec::new();
    for (phrase, r) in candidates.found(folded.text) {
        let t = folded.original_range(r);
        for &(entry, title) in &candidates.heads[phrase] {
            if !title {
                heads.push((t.start, t.end, entry));
                continue;
            }
            for m in mentions.iter().filter(|m| m.entry == entry) {
                if title_of(s, &t, &m.range) {
                    heads.push((t.start.min(m.range.start), t.end.max(m.range.end), entry));
                }
            }
        }
    }
    let head = heads
        .into_iter()
        .filter(|&(start, ..)| start >= opening && start < heads_end)
        .min();
    let cue = |start: usize, end: usize, entry, kind| Cue {
        entry,
        kind,
        range: range.start + start..range.start + end,
    };
    match head {
        Some((start, end, entry)) => Some(cue(start, end, entry, PublisherCueKind::Head)),
        None => mentions
            .iter()
            .find(|m| m.range.start < names_end && candidates.contains(m.entry))
            .map(|m| cue(m.range.start, m.range.end, m.entry, PublisherCueKind::Name)),
    }
}

/// True when the title at `title` is that of the organization named at
/// `name`: "Director-General of [the] X", "Directeur général de l'X",
/// "X Director-General", "X's Director-General".
fn title_of(s: &str, title: &Range<usize>, name: &Range<usize>) -> bool {
    if title.end <= name.start {
        let gap = fold(&s[title.end..name.start]);
        matches!(
            gap.trim(),
            "of" | "of the" | "de" | "de l'" | "de la" | "du" | "d'"
        )
    } else if name.end <= title.start {
        let gap = fold(&s[name.end..title.start]);
        matches!(gap.trim(), "" | "'s")
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn decide_text(
        text: &str,
        hub: Option<&str>,
    ) -> (String, f64, Vec<(String, PublisherCueKind, String)>) {
        let mut g = Gazetteer::builtin().unwrap();
        if let Some(h) = hub {
            g.set_hub(h).unwrap();
        }
        let lex = Lexicon::builtin().unwrap();
        let corpus = Corpus::from_text("a.txt", text);
        let doc = &corpus.documents[0];
        let folded = Folded::new(&doc.text);
        let d = decide(
            doc,
            &folded,
            &g,
            &Candidates::new(&g),
            lex.for_language("en"),
        );
        let cues = d
            .cues
            .iter()
            .map(|c| {
                (
                    g.entry(c.entry).id.clone(),
                    c.kind,
                    doc.text[c.range.clone()].to_string(),
                )
            })
            .collect();
        (g.entry(d.publisher).id.clone(), d.score, cues)
    }

    #[test]
    fn the_byline_and_the_subject_name_the_publisher() {
        let (who, score, cues) = decide_text(
            "ALECSO Director-General receives the Ambassador of Japan\n\n\
             Tunis, 12 March 2024 (ALECSO) – Dr Mohamed Ould Amar, Director-General of ALECSO, \
             received Dr Salim M. AlMalik, Director-General of ICESCO, at the seat of the Organization.\n",
            None,
        );
        assert_eq!(who, "org:alecso");
        // byline 3, the headline's head 2 and the sentence's head 2
        assert_eq!(score, 7.0);
        assert_eq!(
            cues,
            [
                (
                    "org:alecso".into(),
                    PublisherCueKind::Head,
                    "ALECSO Director-General".into()
                ),
                (
                    "org:alecso".into(),
                    PublisherCueKind::Byline,
                    "ALECSO".into()
                ),
                (
                    "org:alecso".into(),
                    PublisherCueKind::Head,
                    "Mohamed Ould Amar".into()
                ),
            ]
        );
    }

    #[test]
    fn a_document_that_says_nothing_is_the_configured_hub_s() {
        let text = "A visit\n\nThe Ambassador of Japan visited the museum of the city yesterday.\n";
        assert_eq!(
            decide_text(text, None),
            ("org:icesco".into(), PRIOR, vec![])
        );
        assert_eq!(decide_text(text, Some("UNESCO")).0, "org:unesco");
    }

    #[test]
    fn the_configured_hub_wins_a_tie_and_an_object_is_no_cue() {
        // UNESCO's head opens one sentence, ICESCO's another: 2 + 1 against 2.
        let text = "Talks\n\n\
            The Director-General of UNESCO met the Minister of Culture of Oman in Paris. \
            The Director-General of ICESCO met the Minister of Culture of Oman in Rabat.\n";
        let (who, score, cues) = decide_text(text, None);
        assert_eq!((who.as_str(), score), ("org:icesco", 3.0));
        assert_eq!(cues.len(), 2);
        // ICESCO's head as the object of a UNESCO sentence gives nothing to ICESCO.
        let text = "Talks\n\n\
            Khaled El-Enany, Director-General of UNESCO, received in Paris the Minister of Culture of Oman \
            and Dr Salim M. AlMalik, Director-General of ICESCO.\n";
        let (who, score, cues) = decide_text(text, None);
        assert_eq!((who.as_str(), score), ("org:unesco", 2.0));
        assert_eq!(cues.len(), 1);
    }

    #[test]
    fn only_the_first_paragraph_has_a_byline() {
        let text = "Talks\n\nThe Minister of Culture of Oman visited Rabat yesterday.\n\n\
                    In Tunis – ALECSO's seat – the Minister met officials.\n";
        let (who, score, cues) = decide_text(text, None);
        // ALECSO named between dashes of a later paragraph: no byline (3),
        // and a dash with no date or agency before it opens no sentence, so
        // no subject either; the configured hub keeps it.
        assert_eq!((who.as_str(), score), ("org:icesco", PRIOR));
        assert!(cues.is_empty(), "{cues:?}");
    }

    #[test]
    fn titles_belong_to_the_organization_next_to_them() {
        let s =
            "Directeur général de l'ALECSO et ALECSO Director-General, UNESCO's Director-General";
        let t = |w: &str, n: usize| {
            let at = s.match_indices(w).nth(n).unwrap().0;
            at..at + w.len()
        };
        assert!(title_of(s, &t("Directeur général", 0), &t("ALECSO", 0)));
        assert!(title_of(s, &t("Director-General", 0), &t("ALECSO", 1)));
        assert!(title_of(s, &t("Director-General", 1), &t("UNESCO", 0)));
        assert!(!title_of(s, &t("Director-General", 1), &t("ALECSO", 1)));
        assert_eq!(after_words("one two  three four", 2), 7);
        assert_eq!(after_words("one", 2), 3);
    }

    /// Through the extractor: each document's meetings have its publisher
    /// for hub, and the decision is recorded with its evidence.
    #[test]
    fn each_document_s_meetings_have_its_publisher_for_hub() {
        use crate::extract::Extractor;
        let mut corpus = Corpus::from_text(
            "alecso.txt",
            "ALECSO Director-General receives ICESCO Director-General\n\n\
             Tunis, 12 March 2024 (ALECSO) – Dr Mohamed Ould Amar, Director-General of ALECSO, \
             received on Tuesday Dr Salim M. AlMalik, Director-General of ICESCO, at the seat of the Organization in Tunis.\n",
        );
        corpus.documents.extend(
            Corpus::from_text(
                "icesco.txt",
                "ICESCO receives the Ambassador of Japan\n\n\
                 Dr Salim M. AlMalik, Director-General of ICESCO, received on 4 March 2024 in Rabat \
                 Mr Kenji Sato, Ambassador of Japan to Morocco.\n",
            )
            .documents,
        );
        let x = Extractor::new(Gazetteer::builtin().unwrap()).extract(&corpus);
        let of = |doc: &str| x.meetings.iter().find(|m| m.doc == doc).unwrap();
        let alecso = of("alecso.txt");
        assert_eq!(alecso.publisher.as_deref(), Some("org:alecso"));
        assert_eq!(alecso.parties, ["org:alecso", "org:icesco"]);
        let head = alecso
            .participants
            .iter()
            .find(|p| p.represents.as_deref() == Some("org:alecso"));
        assert!(head.is_some(), "{:?}", alecso.participants);
        let icesco = of("icesco.txt");
        assert_eq!(icesco.publisher.as_deref(), Some("org:icesco"));
        assert_eq!(icesco.parties, ["org:icesco", "country:JP"]);
        let decided: Vec<(&str, &str, bool)> = x
            .publishers
            .iter()
            .map(|p| (p.doc.as_str(), p.publisher.as_str(), p.default))
            .collect();
        assert_eq!(
            decided,
            [
                ("alecso.txt", "org:alecso", false),
                ("icesco.txt", "org:icesco", false)
            ]
        );
        let byline = &x.publishers[0].cues[1];
        assert_eq!(
            (byline.cue, byline.weight, byline.evidence.text.as_str()),
            (PublisherCueKind::Byline, BYLINE, "ALECSO")
        );
    }
}
