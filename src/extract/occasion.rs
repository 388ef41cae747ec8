//! The named event a meeting was held at: "on the sidelines of the 12th
//! Islamic Conference of Culture Ministers, held in Doha", "en marge de la
//! 44e session de la Conférence générale de l'UNESCO à Paris".
//!
//! Partners that the hub meets at one event are related through it
//! (`analysis::links`), even when the reports give no date or place. The
//! name starts after an `occasion` cue, a leading article and the words of
//! `occasion_lead` ("sa participation aux travaux de"), and runs
//! over words until the first of: punctuation, a phrase of `occasion_end`
//! ("held", "organisée", "qui") or `clause`, a person, a date, a preposition
//! of `setting_prepositions` before a place or a date ("in Doha", "à
//! Rabat", "on 3 May"), or [`MAX_WORDS`] words. Function words at its end
//! are dropped ("of the"). A name needs a capitalized word or a number: "on
//! the sidelines of the meeting" and "en marge de sa visite" name no event.

use super::item::{Context, Sentence};
use super::people::TokenKind;
use crate::model::EntityKind;
use crate::text::fold;
use std::ops::Range;

/// The most words an event's name may have.
pub const MAX_WORDS: usize = 20;

impl Context<'_> {
    /// The event a sentence places its meeting at: the byte range of its
    /// name in the document.
    pub(super) fn occasion_in(&self, s: &Sentence) -> Option<Range<usize>> {
        let absolute = |r: Range<usize>| s.range.start + r.start..s.range.start + r.end;
        let (cue, _) = s.folded.find_in(self.lex.occasion()).into_iter().next()?;
        // "en marge de leur participation aux travaux de la 47e session":
        // words that open on the event without naming it are skipped.
        let from = s
            .folded
            .find_in(self.lex.occasion_lead())
            .into_iter()
            .map(|(r, _)| absolute(r))
            .fold(s.range.start + cue.end, |from, r| {
                let gap = self.text.get(from..r.start).map(str::trim);
                match gap {
                    Some(g) if g.is_empty() || self.lex.articles().is_whole(&fold(g)) => r.end,
                    _ => from,
                }
            });
        let ends: Vec<usize> = s
            .folded
            .find_in(self.lex.occasion_end())
            .into_iter()
            .chain(s.folded.find_in(self.lex.clause()))
            .map(|(r, _)| absolute(r).start)
            .chain(s.people.iter().map(|p| p.mention.span.start))
            .collect();
        let dates: Vec<usize> = self
            .date_exprs(s)
            .iter()
            .map(|d| absolute(d.range.clone()).start)
            .collect();
        let places: Vec<usize> = s
            .mentions
            .iter()
            .filter(|m| {
                matches!(
                    self.gazetteer.entry(m.entry).kind,
                    EntityKind::Place | EntityKind::Country
                )
            })
            .map(|m| m.range.start)
            .collect();
        let tokens: Vec<_> = s.tokens.iter().filter(|t| t.range.start >= from).collect();
        let mut words: Vec<Range<usize>> = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            let word = &self.text[t.range.clone()];
            let next = tokens.get(k + 1).map(|n| n.range.start);
            let sets_the_scene = self.lex.setting_prepositions().is_whole(&fold(word))
                && next.is_some_and(|n| places.contains(&n) || dates.contains(&n));
            if t.kind != TokenKind::Word
                || words.len() == MAX_WORDS
                || ends.contains(&t.range.start)
                || dates.contains(&t.range.start)
                || sets_the_scene
            {
                break;
            }
            if !(words.is_empty() && self.lex.articles().is_whole(&fold(word))) {
                words.push(t.range.clone());
            }
        }
        while words.last().is_some_and(|w| {
            let f = fold(&self.text[w.clone()]);
            self.lex.is_org_link(&f) || self.lex.articles().is_whole(&f)
        }) {
            words.pop();
        }
        let named = words.iter().any(|w| {
            self.text[w.clone()]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        match (words.first(), words.last()) {
            (Some(first), Some(last)) if named => Some(first.start..last.end),
            _ => None,
        }
    }

    /// The event an item's meeting was held at, and the sentence that names
    /// it: the first setting sentence that names one; else the one event
    /// the item names, when it names only one (a headline "On the sidelines
    /// of X, …" over a series of meetings).
    pub(super) fn occasion(
        &self,
        sentences: &[Sentence],
        setting: &[usize],
    ) -> Option<(Range<usize>, Range<usize>)> {
        let found = |i: usize| {
            self.occasion_in(&sentences[i])
                .map(|name| (name, sentences[i].range.clone()))
        };
        if let Some(o) = setting.iter().find_map(|&i| found(i)) {
            return Some(o);
        }
        let named: Vec<(Range<usize>, Range<usize>)> =
            (0..sentences.len()).filter_map(found).collect();
        let first = named.first()?;
        let key = |r: &Range<usize>| fold(&self.text[r.clone()]);
        named
            .iter()
            .all(|(n, _)| key(n) == key(&first.0))
            .then(|| first.clone())
    }
}
