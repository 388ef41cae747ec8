//! The office a participant holds, read from the role the article gives
//! ("Minister of Culture of the Republic of Senegal", "ambassadeur du Japon
//! auprès du Royaume du Maroc"), in five ranks: head of state or
//! government, minister, ambassador or envoy, head of an organization,
//! other.
//!
//! The words of each rank, in both languages, and each rank's weight in the
//! engagement score ([`crate::analysis::partners`]) live in
//! `data/offices.toml` (embedded in the binary), where that file's comment
//! says how a role is read; users extend them with files of the same format
//! (`diplograph partners --offices FILE`), as they extend the lexicon.
//! Matching is one leftmost-longest automaton over the words of every rank,
//! run on each clause of the folded role, so the first title of a clause
//! decides it ("Special Envoy of the President" is an envoy, "Deputy
//! Minister" is other).

use crate::error::{Error, Result};
use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The built-in words.
const BUILTIN: (&str, &str) = ("data/offices.toml", include_str!("../../data/offices.toml"));

/// The rank of an office, lowest first (so `max` is the highest).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    /// No listed title, or no role at all.
    #[default]
    Other,
    HeadOfOrganization,
    AmbassadorOrEnvoy,
    Minister,
    HeadOfStateOrGovernment,
}

impl Office {
    /// Every rank, highest first.
    pub const ALL: [Office; 5] = [
        Office::HeadOfStateOrGovernment,
        Office::Minister,
        Office::AmbassadorOrEnvoy,
        Office::HeadOfOrganization,
        Office::Other,
    ];

    /// The name of the rank in JSON and in `data/offices.toml`.
    ///
    /// ```
    /// use diplograph::analysis::Office;
    /// assert_eq!(Office::AmbassadorOrEnvoy.as_str(), "ambassador_or_envoy");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Office::HeadOfStateOrGovernment => "head_of_state_or_government",
            Office::Minister => "minister",
            Office::AmbassadorOrEnvoy => "ambassador_or_envoy",
            Office::HeadOfOrganization => "head_of_organization",
            Office::Other => "other",
        }
    }

    /// The name for people ("head of state or government").
    ///
    /// ```
    /// use diplograph::analysis::Office;
    /// assert_eq!(Office::HeadOfOrganization.label(), "head of an organization");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Office::HeadOfStateOrGovernment => "head of state or government",
            Office::Minister => "minister",
            Office::AmbassadorOrEnvoy => "ambassador or envoy",
            Office::HeadOfOrganization => "head of an organization",
            Office::Other => "other",
        }
    }
}

/// The words and weights of the office ranks.
#[derive(Debug, Clone)]
pub struct Offices {
    /// Each word (as matched: ` folded words `) and its rank.
    words: BTreeMap<String, Office>,
    weights: BTreeMap<Office, f64>,
    automaton: AhoCorasick,
    /// The rank of each pattern of the automaton.
    ranks: Vec<Office>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    head_of_state_or_government: Option<RankSpec>,
    minister: Option<RankSpec>,
    ambassador_or_envoy: Option<RankSpec>,
    head_of_organization: Option<RankSpec>,
    other: Option<RankSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RankSpec {
    weight: Option<f64>,
    #[serde(default)]
    words: Vec<String>,
}

/// Words of a folded text, each between single spaces (` vice president `),
/// so that a match in the automaton is a match of whole words.
fn spaced_words(folded: &str) -> String {
    let mut out = String::from(" ");
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() {
            out.push_str(w);
            out.push(' ');
        }
    }
    out
}

impl Offices {
    /// The words built into the binary.
    ///
    /// ```
    /// use diplograph::analysis::{Office, Offices};
    /// let o = Offices::builtin().unwrap();
    /// assert_eq!(o.of_role("Ministre de la Culture du Kirghizistan"), Office::Minister);
    /// assert_eq!(o.weight(Office::HeadOfStateOrGovernment), 5.0);
    /// ```
    pub fn builtin() -> Result<Self> {
        let mut o = Offices {
            words: BTreeMap::new(),
            weights: BTreeMap::new(),
            automaton: AhoCorasick::new(Vec::<String>::new()).map_err(|e| {
                Error::data(BUILTIN.0, format!("cannot build the office matcher: {e}"))
            })?,
            ranks: Vec::new(),
        };
        o.extend_from_str(BUILTIN.1, Path::new(BUILTIN.0))?;
        for office in Office::ALL {
            if !o.weights.contains_key(&office) {
                return Err(Error::data(
                    BUILTIN.0,
                    format!("no weight for [{}]", office.as_str()),
                ));
            }
        }
        Ok(o)
    }

    /// Adds the words of a file of the same format as `data/offices.toml`,
    /// a regular file of at most [`crate::files::MAX_DATA_FILE`] bytes.
    ///
    /// ```
    /// use diplograph::analysis::{Office, Offices};
    /// let dir = tempfile::tempdir().unwrap();
    /// let file = dir.path().join("mine.toml");
    /// std::fs::write(&file, "[ambassador_or_envoy]\nwords = [\"nuncio\"]\n").unwrap();
    /// let mut o = Offices::builtin().unwrap();
    /// o.extend_from_file(&file).unwrap();
    /// assert_eq!(o.of_role("Apostolic Nuncio"), Office::AmbassadorOrEnvoy);
    /// assert!(o.extend_from_file(&dir.path().join("missing.toml")).is_err());
    /// ```
    pub fn extend_from_file(&mut self, path: &Path) -> Result<()> {
        let text = crate::files::read_text(path, crate::files::MAX_DATA_FILE)?;
        self.extend_from_str(&text, path)
    }

    /// [`Self::extend_from_file`] from text; `origin` names it in errors. A
    /// word moves to this text's rank; a weight replaces the rank's. A word
    /// with no letter or digit, a word under two ranks of one file, and a
    /// weight that is negative or not a number are errors.
    ///
    /// ```
    /// use diplograph::analysis::{Office, Offices};
    /// use std::path::Path;
    /// let mut o = Offices::builtin().unwrap();
    /// assert_eq!(o.of_role("Wali of the region"), Office::Other);
    /// o.extend_from_str("[minister]\nwords = [\"wali\"]\n", Path::new("mine.toml")).unwrap();
    /// assert_eq!(o.of_role("Wali of the region"), Office::Minister);
    /// let bad = o.extend_from_str("[other]\nweight = -1\n", Path::new("bad.toml"));
    /// assert_eq!(bad.unwrap_err().to_string(),
    ///     "bad.toml: [other]: weight -1 is not a number of 0 or more");
    /// ```
    pub fn extend_from_str(&mut self, text: &str, origin: &Path) -> Result<()> {
        let file: File = toml::from_str(text).map_err(|e| Error::toml(origin, text, &e))?;
        let specs = [
            (
                Office::HeadOfStateOrGovernment,
                file.head_of_state_or_government,
            ),
            (Office::Minister, file.minister),
            (Office::AmbassadorOrEnvoy, file.ambassador_or_envoy),
            (Office::HeadOfOrganization, file.head_of_organization),
            (Office::Other, file.other),
        ];
        let mut words = self.words.clone();
        let mut weights = self.weights.clone();
        let mut this_file: BTreeMap<String, Office> = BTreeMap::new();
        for (office, spec) in specs {
            let Some(spec) = spec else { continue };
            let rank = office.as_str();
            if let Some(w) = spec.weight {
                if !(w.is_finite() && w >= 0.0) {
                    return Err(Error::data(
                        origin,
                        format!("[{rank}]: weight {w} is not a number of 0 or more"),
                    ));
                }
                weights.insert(office, w);
            }
            for word in &spec.words {
                let key = spaced_words(&crate::text::fold(word));
                if key.trim().is_empty() {
                    return Err(Error::data(
                        origin,
                        format!("[{rank}]: {word:?} has no letter or digit"),
                    ));
                }
                if let Some(other) = this_file.insert(key.clone(), office)
                    && other != office
                {
                    return Err(Error::data(
                        origin,
                        format!(
                            "{word:?} is listed under both [{}] and [{rank}]",
                            other.as_str()
                        ),
                    ));
                }
                words.insert(key, office);
            }
        }
        let (patterns, ranks): (Vec<&String>, Vec<Office>) =
            words.iter().map(|(w, o)| (w, *o)).unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .map_err(|e| Error::data(origin, format!("cannot build the office matcher: {e}")))?;
        *self = Offices {
            words,
            weights,
            automaton,
            ranks,
        };
        Ok(())
    }

    /// The engagement weight of a rank (0 for a rank no file weighs).
    ///
    /// ```
    /// use diplograph::analysis::{Office, Offices};
    /// assert_eq!(Offices::builtin().unwrap().weight(Office::Other), 1.0);
    /// ```
    pub fn weight(&self, office: Office) -> f64 {
        self.weights.get(&office).copied().unwrap_or(0.0)
    }

    /// The office a role names, as `data/offices.toml` says: the highest
    /// office of its clauses, each decided by its first listed word.
    ///
    /// ```
    /// use diplograph::analysis::{Office, Offices};
    /// let o = Offices::builtin().unwrap();
    /// assert_eq!(o.of_role("Président de la République d'Azerbaïdjan"),
    ///     Office::HeadOfStateOrGovernment);
    /// assert_eq!(o.of_role("Deputy Minister of Foreign Affairs"), Office::Other);
    /// ```
    pub fn of_role(&self, role: &str) -> Office {
        let folded = crate::text::fold(role);
        folded
            .split([',', ';', '(', ')', '/', '[', ']'])
            .flat_map(|part| {
                let spaced = spaced_words(part);
                spaced
                    .split(" and ")
                    .flat_map(|p| p.split(" et "))
                    .map(|clause| self.of_clause(&format!(" {} ", clause.trim())))
                    .collect::<Vec<_>>()
            })
            .flatten()
            .max()
            .unwrap_or_default()
    }

    /// The rank of the first listed word of a clause (` words `), if any.
    fn of_clause(&self, clause: &str) -> Option<Office> {
        self.automaton
            .find(clause)
            .map(|m| self.ranks[m.pattern().as_usize()])
    }

    /// The office of an optional role: [`Office::Other`] without one.
    ///
    /// ```
    /// use diplograph::analysis::{Office, Offices};
    /// let o = Offices::builtin().unwrap();
    /// assert_eq!(o.of(None), Office::Other);
    /// assert_eq!(o.of(Some("Chargé d'affaires")), Office::AmbassadorOrEnvoy);
    /// ```
    pub fn of(&self, role: Option<&str>) -> Office {
        role.map_or(Office::Other, |r| self.of_role(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Roles as articles give them, written for this test, in both
    /// languages, with the rank each must get.
    #[test]
    fn ranks_roles_in_both_languages() {
        let o = Offices::builtin().unwrap();
        let cases = [
            (
                "President of the Republic of Ruritania",
                Office::HeadOfStateOrGovernment,
            ),
            (
                "Présidente de la République de Ruritanie",
                Office::HeadOfStateOrGovernment,
            ),
            ("premier ministre", Office::HeadOfStateOrGovernment),
            (
                "Prime Minister of Ruritania",
                Office::HeadOfStateOrGovernment,
            ),
            ("His Majesty King Rudolf V", Office::HeadOfStateOrGovernment),
            (
                "Crown Prince and Prime Minister",
                Office::HeadOfStateOrGovernment,
            ),
            ("Foreign Minister of Ruritania", Office::Minister),
            (
                "ministre de l’Éducation nationale, président de la Commission nationale",
                Office::Minister,
            ),
            (
                "Deputy Ruler of Zenda and Minister of Finance",
                Office::Minister,
            ),
            (
                "Ambassador of Ruritania to Morocco",
                Office::AmbassadorOrEnvoy,
            ),
            (
                "ambassadeur extraordinaire et plénipotentiaire de Ruritanie",
                Office::AmbassadorOrEnvoy,
            ),
            ("Chargée d’affaires par intérim", Office::AmbassadorOrEnvoy),
            (
                "Minister Plenipotentiary at the Embassy of Ruritania",
                Office::AmbassadorOrEnvoy,
            ),
            (
                "Special Envoy of the President of the Republic for Dialogue",
                Office::AmbassadorOrEnvoy,
            ),
            (
                "Secretary-General of the Zenda Forum",
                Office::HeadOfOrganization,
            ),
            (
                "Directrice générale de l'Agence ruritanienne",
                Office::HeadOfOrganization,
            ),
            (
                "Président de l’Université de Zenda",
                Office::HeadOfOrganization,
            ),
            (
                "Haut-commissaire pour les minorités",
                Office::HeadOfOrganization,
            ),
            ("Deputy Minister of Foreign Affairs", Office::Other),
            ("Vice-présidente de la République", Office::Other),
            ("Assistant to the President of the Republic", Office::Other),
            ("conseiller de Sa Majesté le Roi", Office::Other),
            ("ancien président de la Ruritanie", Office::Other),
            ("Directeur général adjoint de l'Agence", Office::Other),
            ("Sous-directeur général de l'Agence", Office::Other),
            ("Former Special Envoy to the Forum", Office::Other),
            (
                "Director of the Department of Cooperation at the Ministry",
                Office::Other,
            ),
            ("First Lady", Office::Other),
            ("", Office::Other),
        ];
        for (role, want) in cases {
            assert_eq!(o.of_role(role), want, "{role}");
        }
        assert_eq!(o.of(None), Office::Other);
    }

    #[test]
    fn ranks_order_and_weights() {
        let o = Offices::builtin().unwrap();
        let mut sorted = Office::ALL;
        sorted.sort();
        sorted.reverse();
        assert_eq!(sorted, Office::ALL);
        let weights: Vec<f64> = Office::ALL.iter().map(|&r| o.weight(r)).collect();
        assert_eq!(weights, [5.0, 4.0, 3.0, 2.0, 1.0]);
    }

    #[test]
    fn files_move_words_and_are_checked() {
        let mut o = Offices::builtin().unwrap();
        let file = Path::new("offices.toml");
        o.extend_from_str(
            "[head_of_organization]\nweight = 2.5\nwords = [\"deputy\", \"Governor\"]\n",
            file,
        )
        .unwrap();
        assert_eq!(o.of_role("Deputy Minister"), Office::HeadOfOrganization);
        assert_eq!(
            o.of_role("Gouverneur; Governor of the Bank"),
            Office::HeadOfOrganization
        );
        assert_eq!(o.weight(Office::HeadOfOrganization), 2.5);
        let errors = [
            (
                "[minister]\nwords = [\"-\"]\n",
                "offices.toml: [minister]: \"-\" has no letter or digit",
            ),
            (
                "[minister]\nwords = [\"wali\"]\n[other]\nwords = [\"Wali\"]\n",
                "offices.toml: \"Wali\" is listed under both [minister] and [other]",
            ),
        ];
        for (text, message) in errors {
            let err = o.extend_from_str(text, file).unwrap_err();
            assert_eq!(err.to_string(), message);
        }
        let unknown = o.extend_from_str("[king]\nwords = []\n", file).unwrap_err();
        assert!(
            unknown.to_string().starts_with("offices.toml: "),
            "{unknown}"
        );
        assert!(unknown.to_string().contains("king"), "{unknown}");
        // A failed file leaves the words as they were.
        assert_eq!(o.of_role("Wali"), Office::Other);
    }
}
