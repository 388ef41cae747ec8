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
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '»' | '’' | ')') {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(o, _)| o);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).map(|&(_, c)| c);
            let spaced = k > j || k == chars.len();
            let starts_sentence = next.is_none_or(|n| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '«' | '(')
            });
            let boundary = spaced
                && starts_sentence
                && (c != '.' || !ends_abbreviation(&s[start..at], &is_abbreviation));
            if boundary {
                push(&mut out, s, start..end, range.start);
                start = chars.get(k).map_or(s.len(), |&(o, _)| o);
                i = k;
                continue;
            }
        }
        i += 1;
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

fn ends_abbreviation(before: &str, is_abbreviation: &impl Fn(&str) -> bool) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || is_abbreviation(word)
        || is_abbreviation(&format!("{word}."))
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
