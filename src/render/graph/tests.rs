//! Tests of the graph formats: snapshots of a small hand-built graph, and
//! hostile names in every format.

use super::*;
use crate::graph::EdgeKind;
use crate::model::{
    Capacity, Evidence, Extraction, Invitation, Meeting, Membership, Mode, Participant,
};
use graphviz_rust::dot_structures::{Graph, Id, Stmt};

fn entity(id: &str, name: &str, aliases: &[&str]) -> Entity {
    Entity {
        acronym: (id == "org:icesco").then(|| "ICESCO".to_string()),
        ..crate::graph::tests::entity(id, name, aliases)
    }
}

fn meeting(id: &str, date: &str, other: &str, topics: &[&str]) -> Meeting {
    Meeting {
        id: id.into(),
        doc: format!("{id}.txt"),
        headline: Some(format!("Headline of {id}")),
        lang: "en".into(),
        date: Some(date.parse().unwrap()),
        place: Some("Rabat".into()),
        mode: Some(Mode::InPerson),
        parties: vec!["org:icesco".into(), other.into()],
        participants: vec![
            Participant {
                person: "person:dg".into(),
                role: Some("Director-General".into()),
                represents: Some("org:icesco".into()),
            },
            Participant {
                person: format!("person:envoy-{id}"),
                role: Some("Ambassador".into()),
                represents: Some(other.into()),
            },
        ],
        attendees: vec![],
        topics: topics.iter().map(|t| t.to_string()).collect(),
        invitations: vec![],
        memberships: vec![],
        agreements: vec![],
        occasion: None,
        publisher: None,
        evidence: vec![Evidence {
            doc: format!("{id}.txt").into(),
            start: 0,
            end: 10,
            text: format!("Evidence of {id}.").into(),
        }],
    }
}

/// ICESCO meets Japan twice and Azerbaijan once; Azerbaijan is invited to
/// and joins the coalition.
fn small() -> MeetingGraph {
    let mut az = meeting("m-3", "2020-08", "country:AZ", &[]);
    az.invitations.push(Invitation {
        invitee: "country:AZ".into(),
        target: "initiative:coalition".into(),
        capacity: Capacity::Member,
        evidence: None,
    });
    az.memberships.push(Membership {
        member: "country:AZ".into(),
        of: "initiative:coalition".into(),
        capacity: Capacity::Observer,
        evidence: None,
    });
    MeetingGraph::new(Extraction {
        meetings: vec![
            meeting("m-1", "2020-07-16", "country:JP", &["culture", "education"]),
            meeting("m-2", "--09-01", "country:JP", &["science"]),
            az,
        ],
        entities: vec![
            entity(
                "org:icesco",
                "Islamic World Educational, Scientific and Cultural Organization",
                &[],
            ),
            entity("country:JP", "Japan", &["Japon"]),
            entity("country:AZ", "Azerbaïdjan", &["Azerbaijan"]),
            entity("initiative:coalition", "Global Humanitarian Coalition", &[]),
            entity("person:dg", "Salim M. AlMalik", &[]),
        ],
        ..Default::default()
    })
    .unwrap()
}

const HOSTILE: &str =
    "Qu\"ote \\ back\\slash <script>alert('x')</script> \u{202e}RTL \u{200b}zw\nnew line é";

/// A graph whose country, person and role carry hostile text.
fn hostile() -> MeetingGraph {
    let mut m = meeting("m-1", "2020-07-16", "country:XX", &["culture"]);
    m.participants[1].role = Some(HOSTILE.into());
    m.evidence[0].text = HOSTILE.into();
    MeetingGraph::new(Extraction {
        meetings: vec![m],
        entities: vec![
            entity("org:icesco", "ICESCO", &[]),
            entity("country:XX", HOSTILE, &[HOSTILE, "a;b"]),
            entity("person:envoy-m-1", HOSTILE, &[]),
        ],
        ..Default::default()
    })
    .unwrap()
}

fn dot_of(g: &MeetingGraph, people: bool) -> String {
    dot(&GraphView::new(g).unwrap(), &DotOptions { people })
}

#[test]
fn dot_of_a_small_graph() {
    insta::assert_snapshot!(dot_of(&small(), false));
}

#[test]
fn dot_of_a_small_graph_with_people() {
    insta::assert_snapshot!(dot_of(&small(), true));
}

#[test]
fn graphml_of_a_small_graph() {
    let g = small();
    insta::assert_snapshot!(graphml(&GraphView::new(&g).unwrap()).unwrap());
}

#[test]
fn gexf_of_a_small_graph() {
    let g = small();
    insta::assert_snapshot!(gexf(&GraphView::new(&g).unwrap()).unwrap());
}

/// Node statements of a parsed DOT graph (the legend's subgraph left out).
fn parsed_nodes(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let Graph::Graph { stmts, .. } = graphviz_rust::parse(text).unwrap() else {
        panic!("not an undirected graph");
    };
    let id = |i: &Id| match i {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    };
    stmts
        .iter()
        .filter_map(|s| match s {
            Stmt::Node(n) => Some((
                id(&n.id.0),
                n.attributes.iter().map(|a| (id(&a.0), id(&a.1))).collect(),
            )),
            _ => None,
        })
        .collect()
}

/// The value of `key` on the node `id` of parsed DOT.
fn node_attr(nodes: &[(String, Vec<(String, String)>)], id: &str, key: &str) -> Option<String> {
    let (_, attrs) = nodes.iter().find(|(n, _)| n == &format!("\"{id}\""))?;
    let (_, v) = attrs.iter().find(|(k, _)| k == key)?;
    Some(v.trim_matches('"').to_string())
}

#[test]
fn dot_is_radial_around_the_hub_with_one_edge_per_pair() {
    let g = small();
    let text = dot_of(&g, false);
    assert!(
        text.contains(r#"layout="twopi" root="org:icesco""#),
        "{text}"
    );
    // Japan's two meetings are one edge, wider than Azerbaijan's one,
    // each meeting in the tooltip
    assert_eq!(text.matches(r#""org:icesco" -- "country:JP""#).count(), 1);
    assert!(text.contains(concat!(
        r##""org:icesco" -- "country:JP" [color="#555555" style="solid" penwidth="1.83" "##,
        r#"tooltip="2 meetings\n--09-01: science (Headline of m-2)\n2020-07-16: culture, education (Headline of m-1)"]"#
    )));
    assert!(text.contains(
        r##""org:icesco" -- "country:AZ" [color="#555555" style="solid" penwidth="1.00""##
    ));
    // no label on any edge: the dates are in tooltips
    assert!(
        !text
            .lines()
            .any(|l| l.contains(" -- ") && l.contains("label="))
    );
    assert!(text.contains(r#"tooltip="member of\nas observer, 2020-08""#));
    // the hub is the largest, then the most engaged partner (as
    // `diplograph partners` scores them: Azerbaijan's invitation and
    // membership outweigh Japan's second meeting)
    let nodes = parsed_nodes(&text);
    let size = |id: &str| -> f64 { node_attr(&nodes, id, "fontsize").unwrap().parse().unwrap() };
    assert_eq!(size("org:icesco"), 22.0);
    let view = GraphView::new(&g).unwrap();
    let engaged: Vec<&str> = view.partners().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(engaged, ["country:AZ", "country:JP"]);
    assert_eq!(size("country:AZ"), 22.0);
    assert!(size("country:JP") > 12.0 && size("country:JP") < size("country:AZ"));
    // what is no partner gets the smallest
    assert_eq!(size("initiative:coalition"), 12.0);
    assert_eq!(
        node_attr(&nodes, "org:icesco", "label").as_deref(),
        Some("ICESCO")
    );
}

#[test]
fn dot_groups_partners_by_kind() {
    let mut g = small().extraction().clone();
    g.meetings
        .push(meeting("m-4", "2021-01-02", "org:unesco", &[]));
    g.meetings
        .push(meeting("m-5", "2021-01-03", "country:BR", &[]));
    let g = MeetingGraph::new(g).unwrap();
    let text = dot_of(&g, false);
    let ids: Vec<String> = parsed_nodes(&text).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "\"org:icesco\"",
            "\"country:AZ\"",
            "\"country:BR\"",
            "\"country:JP\"",
            "\"org:unesco\"",
            "\"initiative:coalition\"",
        ]
    );
    // the hub's edges in the same order, so that each kind takes one arc
    let ends: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix(r#""org:icesco" -- ""#))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert_eq!(
        ends,
        ["country:AZ", "country:BR", "country:JP", "org:unesco"]
    );
}

#[test]
fn dot_hides_people_unless_asked() {
    let g = small();
    let without = dot_of(&g, false);
    assert!(!without.contains("person:"), "{without}");
    assert!(!without.contains("represents"));
    let with = dot_of(&g, true);
    let nodes = parsed_nodes(&with);
    assert_eq!(nodes.len(), g.node_count());
    // the DG represents ICESCO in three meetings: one edge
    assert_eq!(with.matches(r#""org:icesco" -- "person:dg""#).count(), 1);
    assert!(with.contains(r#"tooltip="represents\nDirector-General""#));
    // and his `attended` edges are implied by the meetings
    assert!(!with.contains(r#""country:JP" -- "person:dg""#));
    assert!(with.contains("person</td>") && with.contains("represents</td>"));
    assert!(!without.contains("person</td>"));
}

#[test]
fn dot_legend_names_what_is_drawn() {
    let text = dot_of(&small(), false);
    let legend = text
        .lines()
        .find(|l| l.contains("label=<<table"))
        .expect("an HTML legend");
    for item in [
        "country</td>",
        "organization</td>",
        "initiative</td>",
        "invited</td>",
        "member of</td>",
    ] {
        assert!(legend.contains(item), "{item} in {legend}");
    }
    assert!(legend.contains("met (width: 1 to 2 meetings)"));
    assert!(graphviz_rust::parse(&text).is_ok(), "the DOT parses back");
}

#[test]
fn dot_of_an_empty_graph_has_no_legend_and_renders() {
    let text = dot_of(&MeetingGraph::new(Extraction::default()).unwrap(), false);
    assert!(!text.contains("label=<"), "{text}");
    // an entity of no meeting or fact is not drawn, nor its legend
    let g = MeetingGraph::new(Extraction {
        entities: vec![entity("org:unesco", "UNESCO", &[])],
        ..Default::default()
    })
    .unwrap();
    let text = dot_of(&g, false);
    assert!(
        !text.contains("org:unesco") && !text.contains("label=<"),
        "{text}"
    );
    match graphviz(&text, Image::Svg) {
        Ok(svg) => assert!(String::from_utf8_lossy(&svg).contains("<svg")),
        Err(e) => assert!(matches!(e, Error::MissingProgram { .. }), "{e}"),
    }
}

#[test]
fn hostile_names_in_dot() {
    let g = hostile();
    let text = dot_of(&g, true);
    let nodes = parsed_nodes(&text);
    let (_, attrs) = nodes
        .iter()
        .find(|(id, _)| id == "\"country:XX\"")
        .expect("the node parses back");
    let (_, label) = attrs.iter().find(|(k, _)| k == "label").unwrap();
    assert_eq!(
        label,
        "\"Qu\\\"ote \\\\ back\\\\slash <script>alert('x')</script> \\\\u{202e}RTL \\\\u{200b}zw\\\\u{a}new line é\""
    );
    // no raw newline, bidi or zero-width character anywhere
    assert!(!text.contains(['\u{202e}', '\u{200b}']));
    assert!(
        text.lines()
            .all(|l| !l.contains("new line") || l.contains("\\\\u{a}new line"))
    );
}

#[test]
fn hostile_names_in_xml() {
    let g = hostile();
    let view = GraphView::new(&g).unwrap();
    let graphml = graphml(&view).unwrap();
    let gexf = gexf(&view).unwrap();
    for doc in [&graphml, &gexf] {
        assert!(!doc.contains("<script"), "{doc}");
        assert!(doc.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
    }
    // read back by an XML reader, every name is what it was
    let label = |doc: &str, element: &str, id: &str| -> String {
        let read = xml::read_back(doc).unwrap();
        let node = read
            .iter()
            .position(|e| e.name == "node" && e.attr("id") == Some(id))
            .unwrap();
        match element {
            "data" => read[..node]
                .iter()
                .rev()
                .take_while(|e| e.name != "node")
                .find(|e| e.attr("key") == Some("n_label"))
                .map(|e| e.text.clone())
                .unwrap(),
            _ => read[node].attr("label").unwrap().to_string(),
        }
    };
    assert_eq!(label(&graphml, "data", "country:XX"), HOSTILE);
    assert_eq!(label(&gexf, "label", "country:XX"), HOSTILE);
}

/// The (source, target, kind) of every `<edge>` of a GraphML or GEXF
/// document, the kind from the graph's edge of that id.
fn arcs_of(g: &MeetingGraph, doc: &str) -> Vec<(String, String, &'static str)> {
    let kinds: Vec<&str> = g
        .petgraph()
        .edge_weights()
        .map(|e| e.kind.as_str())
        .collect();
    xml::read_back(doc)
        .unwrap()
        .iter()
        .filter(|e| e.name == "edge")
        .map(|e| {
            let id = e.attr("id").unwrap();
            let n: usize = id[1..].trim_end_matches('r').parse().unwrap();
            let end = |k| e.attr(k).unwrap().to_string();
            (end("source"), end("target"), kinds[n])
        })
        .collect()
}

#[test]
fn graphml_and_gexf_are_directed_with_met_and_agreed_both_ways() {
    let mut extraction = small().extraction().clone();
    extraction.meetings[2]
        .agreements
        .push(crate::model::Agreement {
            title: "memorandum of understanding".into(),
            parties: vec!["org:icesco".into(), "country:AZ".into()],
            evidence: None,
        });
    let g = MeetingGraph::new(extraction).unwrap();
    let view = GraphView::new(&g).unwrap();
    let graphml = graphml(&view).unwrap();
    let gexf = gexf(&view).unwrap();
    assert!(graphml.contains(r#"edgedefault="directed""#));
    assert!(gexf.contains(r#"defaultedgetype="directed""#));
    let s = |x: &str| x.to_string();
    for doc in [&graphml, &gexf] {
        let arcs = arcs_of(&g, doc);
        let count = |from: &str, to: &str, kind: &str| {
            arcs.iter()
                .filter(|a| (a.0.as_str(), a.1.as_str(), a.2) == (from, to, kind))
                .count()
        };
        // the invitee and the member point at the coalition, never back
        assert_eq!(count("country:AZ", "initiative:coalition", "invited"), 1);
        assert_eq!(count("country:AZ", "initiative:coalition", "member_of"), 1);
        assert_eq!(count("initiative:coalition", "country:AZ", "invited"), 0);
        assert_eq!(count("initiative:coalition", "country:AZ", "member_of"), 0);
        // people point at the parties they represent
        assert_eq!(count("person:dg", "org:icesco", "represents"), 3);
        assert_eq!(count("org:icesco", "person:dg", "represents"), 0);
        // two meetings with Japan: two arcs each way; one signing each way
        assert_eq!(count("org:icesco", "country:JP", "met"), 2);
        assert_eq!(count("country:JP", "org:icesco", "met"), 2);
        assert_eq!(count("org:icesco", "country:AZ", "agreed"), 1);
        assert_eq!(count("country:AZ", "org:icesco", "agreed"), 1);
        let both_ways = g
            .petgraph()
            .edge_weights()
            .filter(|e| matches!(e.kind, EdgeKind::Met | EdgeKind::Agreed))
            .count();
        assert_eq!(arcs.len(), g.edge_count() + both_ways);
        assert!(arcs.contains(&(s("country:AZ"), s("org:icesco"), "met")));
    }
}

#[test]
fn hostile_names_in_csv() {
    let g = hostile();
    let csv = neo4j(&GraphView::new(&g).unwrap()).unwrap();
    let mut nodes = csv::Reader::from_reader(csv.nodes.as_bytes());
    let rows: Vec<csv::StringRecord> = nodes.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), g.node_count());
    let xx = rows.iter().find(|r| &r[0] == "country:XX").unwrap();
    let flat = HOSTILE.replace('\n', " ");
    assert_eq!(&xx[1], flat);
    assert_eq!(&xx[3], "Entity;Country");
    assert_eq!(&xx[4], format!("{flat};a,b"));
    // one line per record: line breaks never reach the file
    assert_eq!(csv.nodes.lines().count(), g.node_count() + 1);
    let mut rels = csv::Reader::from_reader(csv.relationships.as_bytes());
    let rows: Vec<csv::StringRecord> = rels.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), g.edge_count());
    assert!(rows.iter().any(|r| r[9] == flat && &r[2] == "REPRESENTS"));
    assert_eq!(csv.relationships.lines().count(), g.edge_count() + 1);
}

#[test]
fn gexf_is_dynamic_with_first_days() {
    let g = small();
    let doc = gexf(&GraphView::new(&g).unwrap()).unwrap();
    assert!(doc.contains(r#"mode="dynamic""#) && doc.contains(r#"timeformat="date""#));
    assert!(doc.contains(r#"start="2020-07-16" end="2020-07-16""#));
    assert!(doc.contains(r#"start="2020-08-01" end="2020-08-01""#));
    // the meeting without a year has no interval
    let undated = doc
        .lines()
        .filter(|l| l.contains("<edge ") && !l.contains("start="))
        .count();
    let m2 = g
        .petgraph()
        .edge_weights()
        .filter(|e| g.report(e).id == "m-2")
        .count();
    let met_m2 = g
        .petgraph()
        .edge_weights()
        .filter(|e| g.report(e).id == "m-2" && e.kind == EdgeKind::Met)
        .count();
    // the meeting's `met` edge is written both ways
    assert_eq!(undated, m2 + met_m2);
}

#[test]
fn node_link_carries_centralities() {
    let g = small();
    let v = node_link(&GraphView::new(&g).unwrap());
    let nodes = v["nodes"].as_array().unwrap();
    let jp = nodes.iter().find(|n| n["id"] == "country:JP").unwrap();
    assert_eq!(jp["weighted_degree"], 2.0);
    assert_eq!(jp["aliases"][0], "Japon");
    assert_eq!(v["links"].as_array().unwrap().len(), g.edge_count());
}

#[test]
fn write_all_writes_every_format() {
    let g = small();
    let dir = tempfile::tempdir().unwrap();
    let view = GraphView::new(&g).unwrap();
    let written = write_all(&view, dir.path(), &DotOptions::default()).unwrap();
    for name in [
        "graph.node-link.json",
        "graph.dot",
        "graph.graphml",
        "graph.gexf",
        "neo4j/nodes.csv",
        "neo4j/relationships.csv",
    ] {
        assert!(dir.path().join(name).is_file(), "{name}");
    }
    let pictures = dir.path().join("graph.svg").is_file();
    assert_eq!(pictures, written.note.is_none(), "{:?}", written.note);
    // no temporary file is left behind
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn graphviz_reports_a_missing_program_or_renders() {
    match graphviz("graph { a -- b }", Image::Svg) {
        Ok(svg) => assert!(String::from_utf8_lossy(&svg).contains("<svg")),
        Err(e) => {
            assert!(matches!(e, Error::MissingProgram { .. }), "{e}");
            assert!(e.to_string().contains("apt-get install graphviz"));
        }
    }
    if let Err(e) = graphviz("graph { a -- ", Image::Svg) {
        assert!(
            matches!(e, Error::Program { .. } | Error::MissingProgram { .. }),
            "{e}"
        );
    } else {
        panic!("a syntax error must fail");
    }
}

#[test]
fn graphml_and_gexf_carry_the_engagement_of_partners_only() {
    let g = small();
    let view = GraphView::new(&g).unwrap();
    let jp = view
        .partners()
        .iter()
        .find(|p| p.id == "country:JP")
        .unwrap();
    let ml = graphml(&view).unwrap();
    assert!(ml.contains(
        r#"<key id="n_engagement" for="node" attr.name="engagement" attr.type="double"/>"#
    ));
    let engagement = format!(r#"<data key="n_engagement">{}</data>"#, jp.engagement);
    assert_eq!(ml.matches(&engagement).count(), 1, "{ml}");
    let hub = ml
        .split("<node ")
        .find(|n| n.starts_with(r#"id="org:icesco""#))
        .unwrap();
    assert!(!hub.contains("n_engagement") && hub.contains("n_pagerank"));
    let gx = gexf(&view).unwrap();
    assert!(
        gx.contains(r#"<attribute id="highest_office" title="highest_office" type="string"/>"#)
    );
    assert!(gx.contains(&format!(
        r#"<attvalue for="engagement" value="{}"/>"#,
        jp.engagement
    )));
    assert!(gx.contains(&format!(
        r#"<attvalue for="meetings" value="{}"/>"#,
        jp.meetings
    )));
}

#[test]
fn dot_of_two_hubs_centres_the_main_one_and_marks_both() {
    let g = crate::graph::tests::two_hubs(true);
    let text = dot_of(&g, false);
    assert!(text.contains(r#"root="org:icesco""#), "{text}");
    let nodes = parsed_nodes(&text);
    let ids: Vec<&str> = nodes.iter().map(|(id, _)| id.trim_matches('"')).collect();
    // the main hub, the other hub (on the first ring), then the partners
    assert_eq!(ids[..2], ["org:icesco", "org:alecso"]);
    for hub in ["org:icesco", "org:alecso"] {
        assert_eq!(
            node_attr(&nodes, hub, "peripheries").as_deref(),
            Some("2"),
            "{hub}"
        );
        assert_eq!(
            node_attr(&nodes, hub, "fontsize").as_deref(),
            Some("22.0"),
            "{hub}"
        );
    }
    assert_eq!(node_attr(&nodes, "country:JP", "peripheries"), None);
    // the hubs met: one edge between them
    assert_eq!(text.matches(r#""org:icesco" -- "org:alecso""#).count(), 1);
}
