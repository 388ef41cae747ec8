//! Reference lists of member states: which states are full members of an
//! organization, since when, and on what source.
//!
//! Articles rarely say that a state is a member; an invitation "to join as
//! an observer" sent to a state that is already a full member is therefore
//! caught only with a list from outside the corpus. The lists live in
//! `data/reference/members.toml` (embedded in the binary), each with its
//! source; users correct or extend them with files of the same format
//! (`diplograph invitations --members FILE`):
//!
//! ```toml
//! [[organization]]
//! id = "org:icesco"
//! source = "where the list comes from"
//!
//! [[organization.member]]
//! iso = "AZ"
//! since = 1991          # optional: the year it joined
//! until = 2030          # optional: the year it left
//! source = "https://…"  # optional: this state's own source
//! ```
//!
//! A later file's entry for the same organization and state replaces the
//! earlier one.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The built-in lists.
const BUILTIN: (&str, &str) = (
    "data/reference/members.toml",
    include_str!("../../data/reference/members.toml"),
);

/// One state on a reference list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedMember {
    /// Year the state joined, when known.
    pub since: Option<i32>,
    /// Year the state left, if it did.
    pub until: Option<i32>,
    /// The state's own source, or else the list's.
    pub source: String,
}

impl ListedMember {
    /// True when the state was a member in this year; an unknown year counts
    /// as "now" (a member that has not left).
    ///
    /// ```
    /// use diplograph::analysis::ListedMember;
    /// let m = ListedMember { since: Some(1991), until: None, source: "s".into() };
    /// assert!(m.covers(Some(2020)) && m.covers(None) && !m.covers(Some(1990)));
    /// ```
    pub fn covers(&self, year: Option<i32>) -> bool {
        match year {
            Some(y) => self.since.is_none_or(|s| s <= y) && self.until.is_none_or(|u| y <= u),
            None => self.until.is_none(),
        }
    }
}

/// The member states of organizations, by organization id and state id
/// (`country:AZ`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberStates {
    lists: BTreeMap<String, BTreeMap<String, ListedMember>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    organization: Vec<OrganizationSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganizationSpec {
    id: String,
    source: String,
    #[serde(default)]
    member: Vec<MemberSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberSpec {
    iso: String,
    since: Option<i32>,
    until: Option<i32>,
    source: Option<String>,
}

impl MemberStates {
    /// The lists built into the binary.
    ///
    /// ```
    /// let m = diplograph::analysis::MemberStates::builtin().unwrap();
    /// assert!(m.member("org:icesco", "country:MA").is_some());
    /// assert!(m.member("org:icesco", "country:JP").is_none());
    /// ```
    pub fn builtin() -> Result<Self> {
        let mut m = MemberStates::default();
        // Its ids are checked against the built-in gazetteer by a test.
        m.extend_from_str(BUILTIN.1, Path::new(BUILTIN.0), &|_| true)?;
        Ok(m)
    }

    /// Adds (or replaces) the entries of a file of the same format, a
    /// regular file of at most [`crate::files::MAX_DATA_FILE`] bytes;
    /// `is_known` tells the entity ids the organizations and states must
    /// have (those of the gazetteer).
    pub fn extend_from_file(&mut self, path: &Path, is_known: &dyn Fn(&str) -> bool) -> Result<()> {
        let text = crate::files::read_text(path, crate::files::MAX_DATA_FILE)?;
        self.extend_from_str(&text, path, is_known)
    }

    /// [`Self::extend_from_file`] from text; `origin` names it in errors.
    /// An organization that is not an organization or initiative `is_known`
    /// knows, and a state code that is not alpha-2 or whose `country:` id it
    /// does not know, are errors.
    ///
    /// ```
    /// use diplograph::analysis::MemberStates;
    /// use std::path::Path;
    /// let known = |id: &str| ["org:x", "country:MA"].contains(&id);
    /// let mut m = MemberStates::default();
    /// m.extend_from_str(
    ///     "[[organization]]\nid = \"org:x\"\nsource = \"s\"\n[[organization.member]]\niso = \"ma\"\n",
    ///     Path::new("mine.toml"),
    ///     &known,
    /// ).unwrap();
    /// assert_eq!(m.member("org:x", "country:MA").unwrap().source, "s");
    /// let bad = m.extend_from_str("[[organization]]\nid = \"org:y\"\nsource = \"s\"\n",
    ///     Path::new("bad.toml"), &known);
    /// assert_eq!(bad.unwrap_err().to_string(), "bad.toml: unknown organization org:y");
    /// ```
    pub fn extend_from_str(
        &mut self,
        text: &str,
        origin: &Path,
        is_known: &dyn Fn(&str) -> bool,
    ) -> Result<()> {
        use crate::model::EntityKind;
        let file: File = toml::from_str(text).map_err(|e| Error::toml(origin, text, &e))?;
        for org in file.organization {
            let kind = crate::graph::kind_of_id(&org.id)
                .map_err(|e| Error::data(origin, format!("organization {}", e)))?;
            if !matches!(kind, EntityKind::Organization | EntityKind::Initiative)
                || !is_known(&org.id)
            {
                return Err(Error::data(
                    origin,
                    format!("unknown organization {}", org.id),
                ));
            }
            let list = self.lists.entry(org.id.clone()).or_default();
            for m in org.member {
                let iso = m.iso.to_ascii_uppercase();
                if iso.len() != 2 || !iso.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(Error::data(
                        origin,
                        format!("{}: {:?} is not an ISO 3166-1 alpha-2 code", org.id, m.iso),
                    ));
                }
                if !is_known(&format!("country:{iso}")) {
                    return Err(Error::data(
                        origin,
                        format!("{}: {iso} is no known country", org.id),
                    ));
                }
                if let (Some(s), Some(u)) = (m.since, m.until)
                    && u < s
                {
                    return Err(Error::data(
                        origin,
                        format!("{}: {iso} left in {u}, before it joined in {s}", org.id),
                    ));
                }
                list.insert(
                    format!("country:{iso}"),
                    ListedMember {
                        since: m.since,
                        until: m.until,
                        source: m.source.unwrap_or_else(|| org.source.clone()),
                    },
                );
            }
        }
        Ok(())
    }

    /// The list's entry for a state (`country:AZ`) of an organization.
    pub fn member(&self, organization: &str, state: &str) -> Option<&ListedMember> {
        self.lists.get(organization)?.get(state)
    }

    /// The states on an organization's list, by id.
    pub fn members_of(&self, organization: &str) -> impl Iterator<Item = (&str, &ListedMember)> {
        self.lists
            .get(organization)
            .into_iter()
            .flatten()
            .map(|(id, m)| (id.as_str(), m))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_names_its_sources() {
        let m = MemberStates::builtin().unwrap();
        let icesco: Vec<_> = m.members_of("org:icesco").collect();
        assert!(icesco.len() >= 40, "{}", icesco.len());
        for (id, member) in icesco {
            assert!(id.starts_with("country:"), "{id}");
            assert!(member.source.starts_with("http"), "{id}: {}", member.source);
        }
    }

    #[test]
    fn the_builtin_list_names_known_entities_only() {
        let g = crate::gazetteer::Gazetteer::builtin().unwrap();
        let mut m = MemberStates::default();
        m.extend_from_str(BUILTIN.1, Path::new(BUILTIN.0), &|id| g.by_id(id).is_some())
            .unwrap();
        assert_eq!(m, MemberStates::builtin().unwrap());
    }

    #[test]
    fn later_files_replace_entries() {
        let mut m = MemberStates::default();
        let first = "[[organization]]\nid = \"org:x\"\nsource = \"a\"\n\
                     [[organization.member]]\niso = \"TR\"\nsince = 2000\n";
        let second = "[[organization]]\nid = \"org:x\"\nsource = \"b\"\n\
                      [[organization.member]]\niso = \"TR\"\nsince = 2000\nuntil = 2010\n";
        m.extend_from_str(first, Path::new("1.toml"), &|_| true)
            .unwrap();
        m.extend_from_str(second, Path::new("2.toml"), &|_| true)
            .unwrap();
        let tr = m.member("org:x", "country:TR").unwrap();
        assert_eq!((tr.until, tr.source.as_str()), (Some(2010), "b"));
        assert!(!tr.covers(None) && tr.covers(Some(2005)) && !tr.covers(Some(2011)));
    }

    #[test]
    fn malformed_entries_are_named() {
        let cases = [
            (
                "[[organization]]\nid = \"org:x\"\n",
                "missing field `source`",
            ),
            (
                "[[organization]]\nid = \"org:x\"\nsource = \"s\"\n[[organization.member]]\niso = \"Japan\"\n",
                "\"Japan\" is not an ISO 3166-1 alpha-2 code",
            ),
            (
                "[[organization]]\nid = \"org:x\"\nsource = \"s\"\n[[organization.member]]\niso = \"JP\"\nsince = 2000\nuntil = 1999\n",
                "JP left in 1999, before it joined in 2000",
            ),
            (
                "[[organization]]\nid = \"x\"\nsource = \"s\"\n",
                "invalid entity id",
            ),
            ("[[organisation]]\n", "unknown field `organisation`"),
            (
                "[[organization]]\nid = \"org:nowhere\"\nsource = \"s\"\n",
                "unknown organization org:nowhere",
            ),
            (
                "[[organization]]\nid = \"country:JP\"\nsource = \"s\"\n",
                "unknown organization country:JP",
            ),
            (
                "[[organization]]\nid = \"org:x\"\nsource = \"s\"\n[[organization.member]]\niso = \"ZZ\"\n",
                "org:x: ZZ is no known country",
            ),
        ];
        for (text, want) in cases {
            let known = |id: &str| ["org:x", "country:JP", "country:TR"].contains(&id);
            let e = MemberStates::default()
                .extend_from_str(text, Path::new("m.toml"), &known)
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("m.toml: ") && e.contains(want), "{e}");
        }
    }
}
