//! Sentence splitting that knows abbreviations: "Dr. Salim M. AlMalik met
//! Mr. Smith." is one sentence.

use std::ops::Range;

/// Splits `text[range]` into sentence ranges (offsets into `text`).
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes)
/// before white space and an uppercase letter, a digit or an opening quote,
/// unless the period ends an abbreviation: a single letter (an initial) or a
/// word of `abbreviations` ("Dr", "Mr", "S.E"). A semicolon separates the
/// items of a list ("received A, ambassador of X; B, …"), not sentences.
pub fn split(
    text: &str,
    range: Range<usize>,
    is_abbreviation: impl Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    // The end marks are ASCII: their bytes are never inside a char.
    for (at, c) in s.bytes().enumerate() {
        if !matches!(c, b'.' | b'!' | b'?') {
            continue;
        }
        let after = &s[at + 1..];
        let closed = after.trim_start_matches(['"', '”', '»', '’', ')']);
        let end = s.len() - closed.len();
        let rest = closed.trim_start();
        let next_start = s.len() - rest.len();
        let next = rest.chars().next();
        let spaced = next_start > end || rest.is_empty();
        let starts_sentence = next.is_none_or(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '«' | '(')
        });
        let boundary = spaced
            && starts_sentence
            && (c != b'.' || !ends_abbreviation(&s[start..=at], &is_abbreviation));
        if boundary {
            push(&mut out, s, start..end, range.start);
            start = next_start;
        }
    }
    push(&mut out, s, start..s.len(), range.start);
    out
}

fn push(out: &mut Vec<Range<usize>>, s: &str, r: Range<usize>, base: usize) {
    let piece = &s[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = r.start + lead;
        out.push(base + start..base + start + trimmed.len());
    }
}

/// True when the period ending `sentence` ends an abbreviation.
fn ends_abbreviation(sentence: &str, is_abbreviation: &impl Fn(&str) -> bool) -> bool {
    let dotted = sentence
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = &dotted[..dotted.len() - 1];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || is_abbreviation(word)
        || is_abbreviation(dotted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let abbr = |w: &str| ["Dr", "Mr", "M.", "S.E.", "H.E."].contains(&w);
        split(text, 0..text.len(), abbr)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_sentences_and_keeps_abbreviations() {
        for (text, want) in [
            (
                "Dr. Salim M. AlMalik met Mr. Smith. They talked.",
                vec!["Dr. Salim M. AlMalik met Mr. Smith.", "They talked."],
            ),
            (
                "S.E. M. Ali a reçu M. Dupont. Puis il est parti !",
                vec!["S.E. M. Ali a reçu M. Dupont.", "Puis il est parti !"],
            ),
            (
                "Il a dit «oui.» Ensuite",
                vec!["Il a dit «oui.»", "Ensuite"],
            ),
            (
                "The 3.5 million. 12 countries",
                vec!["The 3.5 million.", "12 countries"],
            ),
            ("one sentence without end", vec!["one sentence without end"]),
            (
                "He received Ali; Omar; and Sara. Then",
                vec!["He received Ali; Omar; and Sara.", "Then"],
            ),
        ] {
            assert_eq!(sentences(text), want, "{text}");
        }
    }
}
