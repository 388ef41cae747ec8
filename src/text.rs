//! Text utilities shared by the stages: accent- and case-folding with an
//! offset map back to the original text.
//!
//! Matching is accent- and case-insensitive ("Emirats Arabes Unis" finds
//! "Émirats arabes unis"), but evidence must point at the exact bytes of the
//! source. [`Folded`] maps every byte of the folded text to the byte of the
//! original it came from. An ASCII char folds to one byte for one byte, so
//! the map keeps only the non-ASCII chars (`u32` offsets, 16 bytes each):
//! an ASCII text has no map at all, and a French one about half a byte per
//! byte of text.

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded copy of a text with a map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    /// Lowercased text without diacritics, typographic apostrophes made plain.
    pub text: String,
    /// The non-ASCII chars of the original, in order (see [`Jump`]).
    jumps: Vec<Jump>,
    /// The original's length.
    len: usize,
}

/// A non-ASCII char of the original: every byte of its fold
/// (`folded..folded_end`, maybe none) comes from `original`, the char's
/// start. Between two jumps, the fold and the original advance together.
#[derive(Debug, Clone, Copy)]
struct Jump {
    folded: u32,
    folded_end: u32,
    original: u32,
    original_end: u32,
}

/// An offset (or an index) as `u32`: texts are under 4 GiB, which the
/// corpus stage ensures by skipping larger files.
///
/// # Panics
///
/// On 4 GiB or more.
pub(crate) fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("texts are under 4 GiB (larger files are skipped)")
}

impl Folded {
    /// Folds `original`.
    ///
    /// ```
    /// let f = diplograph::text::Folded::new("Émirats d’Arabie");
    /// assert_eq!(f.text, "emirats d'arabie");
    /// let r = f.original_range(0..7);
    /// assert_eq!(&"Émirats d’Arabie"[r], "Émirats");
    /// ```
    ///
    /// # Panics
    ///
    /// On a text of 4 GiB or more (the corpus stage skips such files).
    pub fn new(original: &str) -> Self {
        if original.is_ascii() {
            // One byte, one byte: no map.
            return Folded {
                text: original.to_ascii_lowercase(),
                jumps: Vec::new(),
                len: original.len(),
            };
        }
        offset(original.len());
        let mut text = String::with_capacity(original.len());
        let mut jumps = Vec::new();
        let mut buf = [0u8; 4];
        let mut rest = original;
        while !rest.is_empty() {
            // The ASCII run first, byte for byte.
            let run = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            text.extend(
                rest[..run]
                    .bytes()
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
            rest = &rest[run..];
            let Some(c) = rest.chars().next() else {
                break;
            };
            let at = original.len() - rest.len();
            let before = text.len();
            fold_char(c, &mut text, &mut buf);
            jumps.push(Jump {
                folded: offset(before),
                folded_end: offset(text.len()),
                original: offset(at),
                original_end: offset(at + c.len_utf8()),
            });
            rest = &rest[c.len_utf8()..];
        }
        Folded {
            text,
            jumps,
            len: original.len(),
        }
    }

    /// The original offset of folded byte `i` (below the fold's length).
    fn original_at(&self, i: usize) -> usize {
        let k = self.jumps.partition_point(|j| j.folded as usize <= i);
        match k.checked_sub(1).map(|k| self.jumps[k]) {
            None => i,
            Some(j) if i < j.folded_end as usize => j.original as usize,
            Some(j) => j.original_end as usize + (i - j.folded_end as usize),
        }
    }

    /// The first folded byte whose original offset is at least `at` (the
    /// fold's length if none).
    fn folded_at(&self, at: usize) -> usize {
        let k = self.jumps.partition_point(|j| (j.original as usize) < at);
        let i = match k.checked_sub(1).map(|k| self.jumps[k]) {
            None => at,
            Some(j) => j.folded_end as usize + at.saturating_sub(j.original_end as usize),
        };
        i.min(self.text.len())
    }

    /// The original byte range of a folded byte range.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        self.whole().original_range(folded)
    }

    /// All of the folded text, as a [`FoldedSlice`].
    pub fn whole(&self) -> FoldedSlice<'_> {
        FoldedSlice {
            text: &self.text,
            of: self,
            from: 0,
            start: 0,
            end: self.len,
        }
    }

    /// The fold of `original[range]` (char boundaries), without folding it
    /// again: every char folds on its own, so it is a slice of this fold.
    ///
    /// ```
    /// let original = "Reçu à l’ICESCO";
    /// let f = diplograph::text::Folded::new(original);
    /// let s = f.slice(9..original.len());
    /// assert_eq!(s.text, "l'icesco");
    /// assert_eq!(&original[9..][s.original_range(2..8)], "ICESCO");
    /// ```
    pub fn slice(&self, range: Range<usize>) -> FoldedSlice<'_> {
        let from = self.folded_at(range.start);
        let to = self.folded_at(range.end);
        FoldedSlice {
            text: &self.text[from..to],
            of: self,
            from,
            start: range.start,
            end: range.end,
        }
    }
}

/// The fold of a part of a text, borrowed from the fold of the whole.
#[derive(Debug, Clone, Copy)]
pub struct FoldedSlice<'a> {
    /// The folded text of the part.
    pub text: &'a str,
    /// The fold of the whole.
    of: &'a Folded,
    /// Where `text` starts in the fold of the whole.
    from: usize,
    /// The part's original range.
    start: usize,
    end: usize,
}

impl FoldedSlice<'_> {
    /// The original byte range of a folded byte range, relative to the
    /// part's start.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let at = |i: usize| self.of.original_at(self.from + i);
        let start = if folded.start < len {
            at(folded.start)
        } else {
            self.end
        };
        // The end maps to the start of the original char after the last folded byte.
        let end = match folded.end.checked_sub(1) {
            None => start,
            Some(last) => {
                let last = at(last);
                (folded.end..len)
                    .map(at)
                    .find(|&o| o > last)
                    .unwrap_or(self.end)
            }
        };
        start - self.start..end - self.start
    }
}

/// A name as written over line breaks: its words, one space apart.
///
/// ```
/// assert_eq!(diplograph::text::one_line("Forum of\n  Culture "), "Forum of Culture");
/// ```
pub fn one_line(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folds one string, without an offset map.
///
/// ```
/// assert_eq!(diplograph::text::fold("Bahreïn"), "bahrein");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the fold of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    let mut buf = [0u8; 4];
    for c in s.chars() {
        fold_char(c, out, &mut buf);
    }
}

/// `f` of the fold of `s`, without allocating for a short ASCII word.
///
/// ```
/// assert!(diplograph::text::with_fold("Rabat", |f| f == "rabat"));
/// assert!(diplograph::text::with_fold("Émirats", |f| f == "emirats"));
/// ```
pub fn with_fold<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 64;
    if s.len() <= SHORT && s.is_ascii() {
        let mut buf = [0u8; SHORT];
        let buf = &mut buf[..s.len()];
        buf.copy_from_slice(s.as_bytes());
        buf.make_ascii_lowercase();
        // Lowercased ASCII is ASCII.
        return f(std::str::from_utf8(buf).unwrap_or_default());
    }
    f(&fold(s))
}

/// The non-ASCII chars below this one (Latin, with its accented letters)
/// fold through a table made once by [`fold_other`].
const TABLED: u32 = 0x250;

fn fold_char(c: char, out: &mut String, buf: &mut [u8; 4]) {
    static TABLE: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let mut buf = [0u8; 4];
        (0x80..TABLED)
            .map(|i| {
                let mut s = String::new();
                if let Some(c) = char::from_u32(i) {
                    fold_other(c, &mut s, &mut buf);
                }
                s
            })
            .collect()
    });
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(f) = TABLE.get(c as usize - 0x80) {
        out.push_str(f);
    } else {
        fold_other(c, out, buf);
    }
}

/// [`fold_char`] of a non-ASCII char, by its decomposition.
fn fold_other(c: char, out: &mut String, buf: &mut [u8; 4]) {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
        '‐' | '‑' | '–' => out.push('-'),
        '\u{a0}' | '\u{202f}' => out.push(' '),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                for l in d.to_lowercase() {
                    out.push_str(l.encode_utf8(buf));
                }
            }
        }
    }
}

/// True for characters that can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `range` of `text` starts and ends at word boundaries.
pub fn at_word_boundaries(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c));
    let after = text[range.end..]
        .chars()
        .next()
        .is_none_or(|c| !is_word_char(c));
    before && after
}

/// Patterns found only where a word may start: at the text's start and
/// after a char that is not a word char. Each such start is walked in an
/// anchored automaton (the patterns' trie) until no pattern continues, so
/// the cost is a few steps per word, not one report per occurrence of a
/// short pattern inside a word as an overlapping search makes.
#[derive(Debug, Clone)]
pub struct WordStartPatterns {
    /// Walked anchored, so that a walk stops where no pattern continues.
    /// A contiguous NFA, not a DFA: a walk never takes a failure
    /// transition, so the NFA steps as fast, and it builds in half the
    /// time (the lexicon's and gazetteer's automata were a third of a
    /// small run). Leftmost-longest, so that past a state that ends a
    /// pattern no state holds the patterns that end there but start later
    /// (an unanchored search's suffixes); before it some may, so only the
    /// matches as long as the walk count.
    nfa: aho_corasick::nfa::contiguous::NFA,
    /// The walks' start state.
    start: aho_corasick::automaton::StateID,
}

impl WordStartPatterns {
    /// The automaton of non-empty `patterns` (pattern `k` reported as `k`).
    ///
    /// # Panics
    ///
    /// On an empty pattern (it would match at every start).
    pub fn new<P: AsRef<[u8]>>(patterns: impl IntoIterator<Item = P>) -> Self {
        use aho_corasick::{Anchored, automaton::Automaton};
        let patterns: Vec<P> = patterns.into_iter().collect();
        assert!(
            patterns.iter().all(|p| !p.as_ref().is_empty()),
            "an empty pattern would match everywhere"
        );
        let nfa = aho_corasick::nfa::contiguous::Builder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("patterns are plain strings");
        let start = nfa
            .start_state(Anchored::Yes)
            .expect("an NFA starts anchored");
        WordStartPatterns { nfa, start }
    }

    /// Calls `found(start, end, pattern)` for every occurrence of every
    /// pattern in `text` that starts where a word may start: the
    /// occurrences an overlapping search reports, less those with a word
    /// char just before them. In order of start, then end.
    pub fn each(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        let bytes = text.as_bytes();
        let mut at = 0;
        // `at` is a char boundary with no word char just before it.
        while at < bytes.len() {
            self.walk(bytes, at, &mut found);
            // Past the char at `at`, and if it is a word char, past the
            // rest of its word and the char that ends it.
            loop {
                let Some(&b) = bytes.get(at) else { return };
                let word = if b.is_ascii() {
                    at += 1;
                    b.is_ascii_alphanumeric()
                } else {
                    let c = text[at..].chars().next().expect("`at` starts a char");
                    at += c.len_utf8();
                    is_word_char(c)
                };
                if !word {
                    break;
                }
            }
        }
    }

    /// The patterns that start at `at`, by end.
    #[inline]
    fn walk(&self, bytes: &[u8], at: usize, found: &mut impl FnMut(usize, usize, usize)) {
        use aho_corasick::{Anchored, automaton::Automaton};
        let nfa = &self.nfa;
        let mut sid = self.start;
        for (i, &b) in bytes[at..].iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    return;
                }
                for k in 0..nfa.match_len(sid) {
                    let p = nfa.match_pattern(sid, k);
                    if nfa.pattern_len(p) == i + 1 {
                        found(at, at + i + 1, p.as_usize());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_start_patterns_are_the_overlapping_matches_at_word_starts() {
        let patterns = [
            "a",
            "an",
            "de",
            "de la",
            "la",
            "l'",
            "l'union",
            "union",
            "é",
            "éte",
            "été",
            "an",
            "ann",
            "-",
            "- de",
            "nation",
            "nations unies",
            "unies",
            "s",
        ];
        let texts = [
            "",
            "a",
            "l'union des nations unies, de la paix",
            "annan anna an-de - de la éte été étés",
            "xa ba_de lala la la-la 'a ''l'union",
            "été-an été,an Ⅻa ¹a aé éa",
        ];
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(patterns)
            .unwrap();
        let scan = WordStartPatterns::new(patterns);
        for text in texts {
            let mut expected: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(text)
                .filter(|m| {
                    !text[..m.start()]
                        .chars()
                        .next_back()
                        .is_some_and(is_word_char)
                })
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            expected.sort_unstable();
            let mut got = Vec::new();
            scan.each(text, |s, e, p| got.push((s, e, p)));
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn folding_table() {
        for (input, folded) in [
            ("Émirats Arabes Unis", "emirats arabes unis"),
            ("l’ICESCO", "l'icesco"),
            ("Bahreïn", "bahrein"),
            ("Kögeler", "kogeler"),
            ("Œuvre", "oeuvre"),
            ("SHINOZUKA", "shinozuka"),
        ] {
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    #[test]
    fn ranges_map_back_to_original_bytes() {
        let original = "à l’ambassade d’Émirats";
        let f = Folded::new(original);
        let at = f.text.find("emirats").unwrap();
        let r = f.original_range(at..at + "emirats".len());
        assert_eq!(&original[r], "Émirats");
        let at = f.text.find("l'ambassade").unwrap();
        let r = f.original_range(at..at + "l'ambassade".len());
        assert_eq!(&original[r], "l’ambassade");
    }

    /// The map of the first design: one original offset per folded byte.
    fn byte_map(original: &str) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut map = Vec::new();
        let mut buf = [0u8; 4];
        for (at, c) in original.char_indices() {
            let before = text.len();
            fold_char(c, &mut text, &mut buf);
            map.extend(std::iter::repeat_n(at, text.len() - before));
        }
        (text, map)
    }

    #[test]
    fn the_compact_map_is_the_byte_map() {
        for original in [
            "",
            "Plain ASCII, SHOUTED",
            "Émirats d’Arabie",
            "e\u{301}x a\u{301}\u{300} ŒUVRE straße ı ø Bahreïn",
            "\u{301}début",
            "fin\u{301}",
            "l’ICESCO à Rabat – Œ",
        ] {
            let f = Folded::new(original);
            let (text, map) = byte_map(original);
            assert_eq!(f.text, text, "{original:?}");
            for (i, &o) in map.iter().enumerate() {
                assert_eq!(f.original_at(i), o, "{original:?} at {i}");
            }
            let bounds: Vec<usize> = (0..=original.len())
                .filter(|&i| original.is_char_boundary(i))
                .collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let slice = f.slice(a..b);
                    let from = map.partition_point(|&o| o < a);
                    let to = map.partition_point(|&o| o < b);
                    assert_eq!(slice.text, &text[from..to], "{original:?} {a}..{b}");
                    // Every folded range of the slice maps as the byte map does.
                    let sub = &map[from..to];
                    for x in 0..=sub.len() {
                        for y in x..=sub.len() {
                            let start = sub.get(x).copied().unwrap_or(b);
                            let end = match y.checked_sub(1) {
                                None => start,
                                Some(l) => {
                                    sub[y..].iter().copied().find(|&o| o > sub[l]).unwrap_or(b)
                                }
                            };
                            assert_eq!(slice.original_range(x..y), start - a..end - a);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn word_boundaries() {
        let t = "Omanais et Oman.";
        assert!(!at_word_boundaries(t, &(0..4)));
        assert!(at_word_boundaries(t, &(11..15)));
    }
}
