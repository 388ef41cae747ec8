//! Scoring counterpart candidates. Each (item, party) candidate the
//! annotators propose gets [`FEATURES`]; a logistic model combines them
//! with weights read from `data/weights.toml`, fitted on the gold by
//! `scripts/fit_weights.py` (see its report in that file). A candidate is a
//! counterpart when its probability reaches the file's threshold.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const BUILTIN: &str = include_str!("../../data/weights.toml");

/// The features of a candidate, in the order of [`Features::values`].
///
/// - `person_role`: a person of the party, named in a meeting sentence, whose role names it;
/// - `person_fallback`: a person in a meeting sentence whose role names no one, given to the
///   party the sentence or the item names;
/// - `unnamed_role`: a role without a name ("the Ambassador of Japan") names it;
/// - `listed`: the party is one of an enumeration ("the ministers of A; B; C");
/// - `mention`: the party is named in a meeting sentence, and only so (no person or role
///   proposes it);
/// - `partner`: it is named as the other side ("with X", "avec X", "between … and X");
/// - `co_subject`: it is joined to the publishing organization as the subject of the
///   meeting verb ("ICESCO and X signed", "L'ICESCO et X ont signé");
/// - `headline`: the item's headline names it;
/// - `lead`: the item's first sentence names it;
/// - `mentions`: ln(1 + times the item names it);
/// - `host`: it is the country where the publishing organization has its seat;
/// - `added`: an organization recognized by its form, not from the gazetteer;
/// - `future`: every meeting sentence naming it is in the future tense;
/// - `signatory`: a sentence that reports an agreement signed names it
///   ("signed a memorandum with the Foundation").
pub const FEATURES: &[&str] = &[
    "person_role",
    "person_fallback",
    "unnamed_role",
    "listed",
    "mention",
    "partner",
    "co_subject",
    "headline",
    "lead",
    "mentions",
    "host",
    "added",
    "future",
    "signatory",
];

/// The feature values of one candidate.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Features(pub [f64; FEATURES.len()]);

impl Features {
    /// Sets a feature by name.
    ///
    /// # Panics
    /// On a name not in [`FEATURES`] (a programming error).
    pub fn set(&mut self, name: &str, value: f64) {
        let i = FEATURES
            .iter()
            .position(|f| *f == name)
            .unwrap_or_else(|| panic!("unknown feature {name}"));
        self.0[i] = self.0[i].max(value);
    }

    /// Sets a feature back to 0.
    pub fn clear(&mut self, name: &str) {
        if let Some(i) = FEATURES.iter().position(|f| *f == name) {
            self.0[i] = 0.0;
        }
    }

    /// The value of a feature by name.
    pub fn get(&self, name: &str) -> f64 {
        FEATURES
            .iter()
            .position(|f| *f == name)
            .map_or(0.0, |i| self.0[i])
    }

    /// The values, in [`FEATURES`] order.
    pub fn values(&self) -> &[f64] {
        &self.0
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsFile {
    threshold: f64,
    bias: f64,
    weights: BTreeMap<String, f64>,
}

/// A fitted logistic model over [`FEATURES`].
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub threshold: f64,
    pub bias: f64,
    pub weights: [f64; FEATURES.len()],
}

impl Weights {
    /// The weights built into the binary.
    ///
    /// ```
    /// use diplograph::extract::{Features, Weights};
    /// let w = Weights::builtin().unwrap();
    /// // A state a meeting sentence names once, in passing…
    /// let mut named = Features::default();
    /// named.set("mention", 1.0);
    /// named.set("mentions", 2f64.ln());
    /// assert!(!w.accepts(&named));
    /// // …and one whose ambassador the sentence names.
    /// let mut met = Features::default();
    /// met.set("person_role", 1.0);
    /// met.set("mentions", 2f64.ln());
    /// assert!(w.accepts(&met));
    /// ```
    pub fn builtin() -> Result<Self> {
        Self::parse(BUILTIN, Path::new("data/weights.toml"))
    }

    /// Weights from a file of the same format as `data/weights.toml`: a
    /// regular file (a FIFO or a device is refused, never waited on or read
    /// without end) of at most [`crate::files::MAX_DATA_FILE`] bytes.
    pub fn from_file(path: &Path) -> Result<Self> {
        let source = crate::files::read_text(path, crate::files::MAX_DATA_FILE)?;
        Self::parse(&source, path)
    }

    fn parse(source: &str, path: &Path) -> Result<Self> {
        let file: WeightsFile =
            toml::from_str(source).map_err(|e| Error::toml(path, source, &e))?;
        let mut weights = [0.0; FEATURES.len()];
        for (name, w) in &file.weights {
            let i = FEATURES.iter().position(|f| f == name).ok_or_else(|| {
                Error::data(
                    path,
                    format!("unknown feature `{name}` (known: {})", FEATURES.join(", ")),
                )
            })?;
            weights[i] = *w;
        }
        Ok(Weights {
            threshold: file.threshold,
            bias: file.bias,
            weights,
        })
    }

    /// The probability that a candidate is a counterpart.
    pub fn probability(&self, f: &Features) -> f64 {
        let z: f64 = self.bias
            + self
                .weights
                .iter()
                .zip(f.values())
                .map(|(w, x)| w * x)
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// True when the candidate's probability reaches the threshold.
    pub fn accepts(&self, f: &Features) -> bool {
        self.probability(f) >= self.threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_features_and_bad_files_are_errors_naming_the_file() {
        let bad = "threshold = 0.5\nbias = 0\n[weights]\nshoe_size = 1\n";
        let err = Weights::parse(bad, Path::new("w.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("w.toml") && err.contains("shoe_size"), "{err}");
        assert!(Weights::parse("threshold = ", Path::new("w.toml")).is_err());
    }

    #[test]
    fn the_probability_is_logistic_in_the_weighted_sum() {
        let w = Weights::parse(
            "threshold = 0.5\nbias = -1\n[weights]\nmention = 2\n",
            Path::new("w.toml"),
        )
        .unwrap();
        let mut f = Features::default();
        assert!((w.probability(&f) - 1.0 / (1.0 + 1f64.exp())).abs() < 1e-12);
        f.set("mention", 1.0);
        assert!((w.probability(&f) - 1.0 / (1.0 + (-1f64).exp())).abs() < 1e-12);
        assert!(w.accepts(&f));
    }
}
