//! Site chrome (translation banners, feedback widgets, navigation) listed in
//! `data/corpus/boilerplate.toml`, recognised on whole lines only.

use crate::text::fold;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Lines longer than this are never chrome (and are not folded: big inputs).
const MAX_CHROME_LEN: usize = 400;

const DATA: &str = include_str!("../../data/corpus/boilerplate.toml");

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Part of the article.
    Content,
    /// Chrome to remove.
    Chrome,
    /// Chrome ending the article: drop it and everything after.
    End,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Data {
    lines: Vec<String>,
    prefixes: Vec<String>,
    end_markers: Vec<String>,
    continuations: Vec<String>,
}

/// The compiled list.
#[derive(Debug, Default)]
pub(crate) struct Boilerplate {
    lines: HashSet<String>,
    prefixes: Vec<String>,
    ends: HashSet<String>,
    continuations: Vec<String>,
}

static BUILTIN: LazyLock<Result<Boilerplate, String>> = LazyLock::new(|| Boilerplate::parse(DATA));

impl Boilerplate {
    fn parse(data: &str) -> Result<Self, String> {
        let data: Data = toml::from_str(data).map_err(|e| e.to_string())?;
        Ok(Boilerplate {
            lines: data.lines.iter().map(|l| normalize(l)).collect(),
            prefixes: data.prefixes.iter().map(|l| normalize(l)).collect(),
            ends: data.end_markers.iter().map(|l| normalize(l)).collect(),
            continuations: data.continuations.iter().map(|l| normalize(l)).collect(),
        })
    }

    /// The list embedded in the binary; an error if the data file is malformed
    /// (a build defect, caught by the tests).
    pub(crate) fn builtin() -> Result<&'static Boilerplate, &'static str> {
        BUILTIN.as_ref().map_err(String::as_str)
    }

    /// Classifies one trimmed line.
    pub(crate) fn classify(&self, line: &str) -> LineKind {
        if line.len() > MAX_CHROME_LEN {
            return LineKind::Content;
        }
        let key = normalize(line);
        if self.ends.contains(&key) {
            LineKind::End
        } else if self.lines.contains(&key) || self.prefixes.iter().any(|p| key.starts_with(p)) {
            LineKind::Chrome
        } else {
            LineKind::Content
        }
    }
}

impl Boilerplate {
    /// True when a paragraph opens with a word that continues the previous
    /// one ("Additionally, …", "Pour sa part, …"): it cannot start a news item.
    pub(crate) fn continues(&self, paragraph: &str) -> bool {
        let head: String = paragraph.chars().take(40).collect();
        let key = normalize(&head);
        self.continuations
            .iter()
            .any(|c| key.starts_with(c.as_str()) && key[c.len()..].starts_with([',', ' ']))
    }
}

/// Folded, whitespace collapsed to single spaces, trimmed.
fn normalize(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_parses_and_classifies() {
        let b = Boilerplate::builtin().unwrap_or_else(|e| panic!("boilerplate.toml: {e}"));
        for (line, kind) in [
            ("Votre Avis", LineKind::Chrome),
            (
                "EXTRÊMEMENT  insatisfait Extrêmement satisfait",
                LineKind::Chrome,
            ),
            (
                "Dans l’ensemble, dans quelle mesure êtes-vous satisfait du site Web ?",
                LineKind::Chrome,
            ),
            (
                "Disclaimer: You are using Google Translate. Anything may follow.",
                LineKind::Chrome,
            ),
            ("Articles les plus recents", LineKind::End),
            ("Latest articles", LineKind::End),
            (
                "Read also the statement of the minister.",
                LineKind::Content,
            ),
            (
                "The minister praised the newsletter of the Organization.",
                LineKind::Content,
            ),
            ("Newsletters", LineKind::Content),
        ] {
            assert_eq!(b.classify(line), kind, "{line}");
        }
    }
}
