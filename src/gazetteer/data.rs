//! Loading gazetteer entries: countries from `keshvar`, the rest from TOML.

use super::Entry;
use crate::error::{Error, Result};
use crate::model::EntityKind;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// The data files built into the binary, in load order.
pub(super) const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "data/gazetteer/countries.toml",
        include_str!("../../data/gazetteer/countries.toml"),
    ),
    (
        "data/gazetteer/organizations.toml",
        include_str!("../../data/gazetteer/organizations.toml"),
    ),
    (
        "data/gazetteer/reference.toml",
        include_str!("../../data/gazetteer/reference.toml"),
    ),
    (
        "data/gazetteer/initiatives.toml",
        include_str!("../../data/gazetteer/initiatives.toml"),
    ),
    (
        "data/gazetteer/places.toml",
        include_str!("../../data/gazetteer/places.toml"),
    ),
];

/// One gazetteer file: lists of countries, organizations, initiatives and places.
///
/// ```toml
/// [[country]]
/// iso = "JP"
/// aliases = ["Empire japonais"]
/// demonyms = ["japonais", "japonaise", "japonaises", "Japanese"]
///
/// [[country]]
/// iso = "MU"
/// exclude = ["Maurice"]   # a first name: removed from keshvar's names
///
/// [[organization]]
/// id = "org:who"
/// name = "World Health Organization"
/// acronyms = ["WHO", "OMS"]
/// aliases = ["Organisation mondiale de la Santé"]
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerFile {
    #[serde(default)]
    pub country: Vec<Spec>,
    #[serde(default)]
    pub organization: Vec<Spec>,
    #[serde(default)]
    pub initiative: Vec<Spec>,
    #[serde(default)]
    pub place: Vec<Spec>,
}

/// One entry of a gazetteer file. Countries are keyed by `iso`, other kinds by `id`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub id: Option<String>,
    pub iso: Option<String>,
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// ISO code of the country a place or national body belongs to.
    pub country: Option<String>,
    #[serde(default)]
    pub hub: bool,
    pub headquarters: Option<String>,
    /// Id of a country's capital city.
    pub capital: Option<String>,
    /// Names of the people who head (or headed) an organization.
    #[serde(default)]
    pub head: Vec<String>,
    /// Titles of an organization's head ("Director-General").
    #[serde(default)]
    pub head_title: Vec<String>,
    /// Names, acronyms or demonyms to remove from the entry after this
    /// spec's own names are merged (compared folded). Used to drop names
    /// that another source (keshvar) gives but that are common words or
    /// first names in news text ("Maurice", "Réunion"). The canonical name
    /// cannot be excluded: replace it with `name` first.
    #[serde(default)]
    pub exclude: Vec<String>,
}

impl GazetteerFile {
    /// Parses a file's text; `path` names it in errors.
    pub fn parse(source: &str, path: &Path) -> Result<Self> {
        toml::from_str(source).map_err(|e| Error::toml(path, source, &e))
    }

    /// Adds this file's entries to `entries`, merging those that exist.
    ///
    /// The file is checked: an id given twice, an empty name, alias,
    /// acronym or demonym, a name, alias or demonym made of function words
    /// only (by
    /// `is_function_word`: "the", "de la" would match everywhere), or a
    /// country code that is not ISO 3166-1 alpha-2 (nor user-assigned, as
    /// `XK` for Kosovo) are errors naming the file and the entry; the
    /// references between entries are checked once every file they may
    /// point into is merged.
    pub fn merge_into(
        self,
        entries: &mut Vec<Entry>,
        path: &Path,
        is_function_word: &dyn Fn(&str) -> bool,
    ) -> Result<()> {
        let kinds = [
            (EntityKind::Country, self.country),
            (EntityKind::Organization, self.organization),
            (EntityKind::Initiative, self.initiative),
            (EntityKind::Place, self.place),
        ];
        let mut seen = HashSet::new();
        for (kind, specs) in kinds {
            for spec in specs {
                let id = merge(entries, kind, spec, path, is_function_word)?;
                if !seen.insert(id.clone()) {
                    return Err(Error::data(path, format!("{id} is given twice")));
                }
            }
        }
        Ok(())
    }
}

/// True for a code ISO 3166-1 leaves to its users (AA, QM–QZ, XA–XZ, ZZ),
/// such as `XK`, the code commonly given to Kosovo.
fn user_assigned(code: &str) -> bool {
    matches!(
        code.as_bytes(),
        [b'A', b'A'] | [b'Q', b'M'..=b'Z'] | [b'X', b'A'..=b'Z'] | [b'Z', b'Z']
    )
}

/// The country code of a country's id, if it is one.
fn country_code<'a>(id: &'a str, path: &Path) -> Result<&'a str> {
    let code = id.strip_prefix("country:").unwrap_or(id);
    if keshvar::Alpha2::try_from(code).is_ok() && code.bytes().all(|b| b.is_ascii_uppercase())
        || user_assigned(code)
    {
        Ok(code)
    } else {
        Err(Error::data(
            path,
            format!(
                "{code:?} is not an ISO 3166-1 alpha-2 code (nor a user-assigned one such as XK)"
            ),
        ))
    }
}

/// Refuses empty names and names made of function words only.
fn check_names(
    id: &str,
    spec: &Spec,
    path: &Path,
    is_function_word: &dyn Fn(&str) -> bool,
) -> Result<()> {
    let names = spec
        .name
        .iter()
        .map(|n| ("name", n))
        .chain(spec.aliases.iter().map(|n| ("alias", n)))
        .chain(spec.acronyms.iter().map(|n| ("acronym", n)))
        .chain(spec.demonyms.iter().map(|n| ("demonym", n)))
        .chain(spec.head.iter().map(|n| ("head", n)))
        .chain(spec.head_title.iter().map(|n| ("head_title", n)));
    if (!spec.head.is_empty() || !spec.head_title.is_empty())
        && !id.starts_with(&format!("{}:", EntityKind::Organization.prefix()))
    {
        return Err(Error::data(
            path,
            format!("{id}: only an organization has a head or head_title"),
        ));
    }
    for (what, name) in names {
        let folded = crate::text::fold(name);
        let mut words = folded
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .peekable();
        if words.peek().is_none() {
            return Err(Error::data(path, format!("{id}: empty {what} {name:?}")));
        }
        // Acronyms are matched with their case: "UN" is not "un".
        if what != "acronym" && words.all(is_function_word) {
            return Err(Error::data(
                path,
                format!(
                    "{id}: {what} {name:?} is made of function words only (it would match everywhere)"
                ),
            ));
        }
    }
    Ok(())
}

/// Every place or national body's country, every headquarters and every
/// capital (a place of its country) must be an entry: an error naming
/// `path` otherwise.
pub(super) fn check_references(entries: &[Entry], path: &Path) -> Result<()> {
    let ids: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    for e in entries.iter().filter(|e| e.kind == EntityKind::Country) {
        if let Some(capital) = &e.capital
            && !entries
                .iter()
                .any(|c| &c.id == capital && c.kind == EntityKind::Place && c.iso == e.iso)
        {
            return Err(Error::data(
                path,
                format!("{}: capital {capital:?} is no known place of it", e.id),
            ));
        }
    }
    for e in entries.iter().filter(|e| e.kind != EntityKind::Country) {
        if let Some(iso) = &e.iso
            && !ids.contains(format!("country:{iso}").as_str())
        {
            return Err(Error::data(
                path,
                format!("{}: country {iso:?} is unknown", e.id),
            ));
        }
        if let Some(hq) = &e.headquarters
            && !(ids.contains(hq.as_str()) && hq.starts_with("place:"))
        {
            return Err(Error::data(
                path,
                format!("{}: headquarters {hq:?} is no known place", e.id),
            ));
        }
    }
    Ok(())
}

/// The list of a gazetteer file that holds entries of `kind`.
fn list_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Country => "country",
        EntityKind::Organization => "organization",
        EntityKind::Initiative => "initiative",
        EntityKind::Place => "place",
        EntityKind::Person => "person",
    }
}

/// Merges one spec; gives the id of its entry.
fn merge(
    entries: &mut Vec<Entry>,
    kind: EntityKind,
    spec: Spec,
    path: &Path,
    is_function_word: &dyn Fn(&str) -> bool,
) -> Result<String> {
    let id = match (&spec.id, &spec.iso, kind) {
        (Some(id), _, _) => id.clone(),
        (None, Some(iso), EntityKind::Country) => format!("country:{}", iso.to_uppercase()),
        _ => {
            let key = if kind == EntityKind::Country {
                "iso"
            } else {
                "id"
            };
            let name = spec
                .name
                .as_deref()
                .map_or_else(String::new, |n| format!(" (name {n:?})"));
            return Err(Error::data(
                path,
                format!("an entry of [[{}]] needs an {key}{name}", list_name(kind)),
            ));
        }
    };
    if !id.starts_with(&format!("{}:", kind.prefix())) {
        return Err(Error::data(
            path,
            format!(
                "id {id} of an entry of [[{}]] must start with `{}:`",
                list_name(kind),
                kind.prefix()
            ),
        ));
    }
    if kind == EntityKind::Country {
        let code = country_code(&id, path)?;
        if let Some(iso) = &spec.iso
            && !iso.eq_ignore_ascii_case(code)
        {
            return Err(Error::data(
                path,
                format!("{id}: iso {iso:?} is another code"),
            ));
        }
    }
    check_names(&id, &spec, path, is_function_word)?;
    let iso = spec.iso.or(spec.country).map(|s| s.to_uppercase());
    if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
        if let Some(name) = spec.name {
            let old = std::mem::replace(&mut e.name, name);
            extend_unique(&mut e.aliases, vec![old]);
        }
        extend_unique(&mut e.aliases, spec.aliases);
        let canonical = crate::text::fold(&e.name);
        e.aliases.retain(|a| crate::text::fold(a) != canonical);
        extend_unique(&mut e.acronyms, spec.acronyms);
        extend_unique(&mut e.demonyms, spec.demonyms);
        e.hub |= spec.hub;
        e.headquarters = spec.headquarters.or(e.headquarters.take());
        e.capital = spec.capital.or(e.capital.take());
        extend_unique(&mut e.head, spec.head);
        extend_unique(&mut e.head_titles, spec.head_title);
        e.iso = iso.or(e.iso.take());
        apply_exclude(e, &spec.exclude, path)?;
        return Ok(id);
    }
    let name = spec
        .name
        .ok_or_else(|| Error::data(path, format!("new entry {id} needs a name")))?;
    let mut entry = Entry {
        id: id.clone(),
        kind,
        name,
        aliases: spec.aliases,
        acronyms: spec.acronyms,
        demonyms: spec.demonyms,
        iso,
        hub: spec.hub,
        headquarters: spec.headquarters,
        capital: spec.capital,
        head: spec.head,
        head_titles: spec.head_title,
    };
    apply_exclude(&mut entry, &spec.exclude, path)?;
    entries.push(entry);
    Ok(id)
}

/// Removes the `exclude`d names (compared folded) from an entry's aliases,
/// acronyms and demonyms. Excluding a name that the entry lacks is an error
/// (a typo, or a keshvar update); the canonical name stays whatever the
/// exclusions (replace it with `name` first).
fn apply_exclude(e: &mut Entry, exclude: &[String], path: &Path) -> Result<()> {
    use crate::text::fold;
    for x in exclude {
        let x = fold(x);
        let before = e.aliases.len() + e.acronyms.len() + e.demonyms.len();
        e.aliases.retain(|a| fold(a) != x);
        e.acronyms.retain(|a| fold(a) != x);
        e.demonyms.retain(|a| fold(a) != x);
        if e.aliases.len() + e.acronyms.len() + e.demonyms.len() == before {
            let why = if fold(&e.name) == x {
                "is the canonical name; set `name` first"
            } else {
                "is not a name of the entry"
            };
            return Err(Error::data(path, format!("{}: excluded {x:?} {why}", e.id)));
        }
    }
    Ok(())
}

/// Appends the names of `more` that `into` lacks, comparing folded forms
/// ("Bahrein" adds nothing to "Bahreïn").
fn extend_unique(into: &mut Vec<String>, more: Vec<String>) {
    use crate::text::fold;
    for m in more {
        let f = fold(&m);
        if !into.iter().any(|i| fold(i) == f) {
            into.push(m);
        }
    }
}

/// Every ISO 3166-1 country with its English and French names.
pub(super) fn countries() -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for c in keshvar::CountryIterator::new() {
        let iso = c.alpha2().to_string();
        let mut aliases = Vec::new();
        // keshvar's long names carry an article ("The Kingdom of Bahrain"):
        // drop it so that the mention starts at the name.
        let long = c.iso_long_name();
        let long = long.strip_prefix("The ").unwrap_or(long);
        for name in [
            Some(long),
            c.translations().get("fr").copied(),
            c.translations().get("en").copied(),
        ]
        .into_iter()
        .flatten()
        {
            if name != c.iso_short_name() && !aliases.iter().any(|a| a == name) {
                aliases.push(name.to_string());
            }
        }
        // Some nationalities list two demonyms ("Antiguan, Barbudan").
        let demonyms = c
            .maybe_nationality()
            .map(|n| n.split(", ").map(str::to_string).collect())
            .unwrap_or_default();
        entries.push(Entry {
            id: format!("country:{iso}"),
            kind: EntityKind::Country,
            name: c.iso_short_name().to_string(),
            aliases,
            acronyms: Vec::new(),
            demonyms,
            iso: Some(iso),
            hub: false,
            headquarters: None,
            capital: None,
            head: Vec::new(),
            head_titles: Vec::new(),
        });
    }
    Ok(entries)
}
