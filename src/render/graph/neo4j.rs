//! CSV for `neo4j-admin database import full --nodes=nodes.csv
//! --relationships=relationships.csv`, RFC 4180 quoted (the `csv` crate).
//!
//! `nodes.csv`: `id:ID,name,kind,:LABEL,aliases:string[],iso,acronym,`
//! then the centralities as `:float` (empty for people and places). The
//! label is `Entity` plus the kind (`Entity;Country`).
//!
//! `relationships.csv`: `:START_ID,:END_ID,:TYPE,date,day:date,meeting,`
//! `place,mode,topics:string[],role,capacity,principal:boolean,title,docs:string[],documents:int,evidence`,
//! one relationship per fact; `:TYPE` is the edge kind in upper case
//! (`MET`, `REPRESENTS`, `ATTENDED`, `INVITED`, `MEMBER_OF`); `date` is the
//! contract's date, `day` its first day (empty without a year).
//!
//! Arrays use neo4j-admin's default delimiter `;`, so a `;` inside an item
//! becomes `,`. Line breaks and other control characters become spaces, so
//! that the import needs no `--multiline-fields`.
//!
//! Relationships go from source to target, as the facts do (invitee →
//! target); `met` keeps its stored order. `scripts/kuzu_check.py` loads the
//! same files into Kùzu, taking its schema from these headers.

use super::{GraphView, LIST_SEP, capacity_name, first_day, kind_name, sentence_docs};
use crate::{Error, Result};

/// The two CSV files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neo4jCsv {
    pub nodes: String,
    pub relationships: String,
}

/// One line's field: control characters (line breaks included) as spaces.
fn field(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// An array field with `;` as the delimiter.
fn array<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|s| field(s).replace(';', ","))
        .collect::<Vec<_>>()
        .join(";")
}

/// The label of a kind (`Country`).
fn label(kind: &str) -> String {
    let mut c = kind.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn to_string(w: csv::Writer<Vec<u8>>) -> Result<String> {
    let bytes = w
        .into_inner()
        .map_err(|e| Error::data("neo4j", e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::data("neo4j", e.to_string()))
}

/// The graph as Neo4j import CSV.
///
/// ```
/// # use diplograph::graph::MeetingGraph;
/// # use diplograph::model::{Extraction, Meeting};
/// use diplograph::render::graph::{neo4j, GraphView};
/// # let m = Meeting { id: "m-1".into(), doc: "a.txt".into(), headline: None, lang: "en".into(),
/// #     date: Some("2020-07".parse().unwrap()), place: None, mode: None,
/// #     parties: vec!["org:icesco".into(), "country:JP".into()],
/// #     participants: vec![], attendees: vec![], topics: vec![], invitations: vec![],
/// #     memberships: vec![], agreements: vec![], occasion: None, publisher: None, evidence: vec![] };
/// let g = MeetingGraph::new(Extraction { meetings: vec![m], entities: vec![], ..Default::default() }).unwrap();
/// let csv = neo4j(&GraphView::new(&g).unwrap()).unwrap();
/// assert!(csv.nodes.starts_with("id:ID,name,kind,:LABEL,"));
/// assert!(csv.relationships.lines().nth(1).unwrap().starts_with("org:icesco,country:JP,MET,2020-07,2020-07-01,m-1,"));
/// ```
pub fn neo4j(view: &GraphView<'_>) -> Result<Neo4jCsv> {
    let err = |e: csv::Error| Error::data("neo4j", e.to_string());
    let mut nodes = csv::Writer::from_writer(Vec::new());
    nodes
        .write_record([
            "id:ID",
            "name",
            "kind",
            ":LABEL",
            "aliases:string[]",
            "iso",
            "acronym",
            "degree:float",
            "weighted_degree:float",
            "betweenness:float",
            "closeness:float",
            "eigenvector:float",
            "pagerank:float",
        ])
        .map_err(err)?;
    for (n, e) in view.nodes() {
        let kind = kind_name(e.kind);
        let measures = view
            .centrality(n)
            .map(crate::analysis::Centrality::measures)
            .unwrap_or_default();
        let mut record = vec![
            field(&e.id),
            field(&e.name),
            kind.to_string(),
            format!("Entity;{}", label(kind)),
            array(e.aliases.iter().map(String::as_str)),
            field(e.iso.as_deref().unwrap_or("")),
            field(e.acronym.as_deref().unwrap_or("")),
        ];
        record.extend(measures.map(|x| x.map(|x| x.to_string()).unwrap_or_default()));
        nodes.write_record(&record).map_err(err)?;
    }
    let mut rels = csv::Writer::from_writer(Vec::new());
    rels.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "date",
        "day:date",
        "meeting",
        "place",
        "mode",
        "topics:string[]",
        "role",
        "capacity",
        "principal:boolean",
        "title",
        "docs:string[]",
        "documents:int",
        "evidence",
    ])
    .map_err(err)?;
    for e in view.edges() {
        let m = e.report;
        let docs = sentence_docs(&m);
        let evidence: Vec<&str> = m.sentences().map(|x| x.text.as_str()).collect();
        rels.write_record([
            field(&e.source.id),
            field(&e.target.id),
            e.edge.kind.as_str().to_uppercase(),
            m.date.map(|d| d.to_string()).unwrap_or_default(),
            m.date.as_ref().and_then(first_day).unwrap_or_default(),
            field(m.id),
            field(m.place.unwrap_or("")),
            m.mode.map(|x| x.as_str()).unwrap_or("").to_string(),
            array(m.topics.iter().map(String::as_str)),
            field(e.edge.role.as_deref().unwrap_or("")),
            e.edge.capacity.map(capacity_name).unwrap_or("").to_string(),
            e.edge.principal.to_string(),
            field(e.edge.title.as_deref().unwrap_or("")),
            array(docs),
            m.documents.to_string(),
            field(&evidence.join(LIST_SEP)),
        ])
        .map_err(err)?;
    }
    Ok(Neo4jCsv {
        nodes: to_string(nodes)?,
        relationships: to_string(rels)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_arrays_stay_on_one_line() {
        assert_eq!(field("a\nb\r\tc"), "a b  c");
        assert_eq!(array(["x;y", "z"]), "x,y;z");
        assert_eq!(label("organization"), "Organization");
    }
}
