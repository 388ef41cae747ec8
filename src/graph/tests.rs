//! Tests of the graph, and a fixture shared with the analysis tests.

use super::*;
use crate::model::{Capacity, Evidence, Invitation, Membership, Mode, Participant};

pub(crate) fn entity(id: &str, name: &str, aliases: &[&str]) -> Entity {
    let kind = kind_of_id(id).unwrap();
    Entity {
        id: id.into(),
        kind,
        name: name.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        iso: (kind == EntityKind::Country).then(|| id[8..].to_string()),
        acronym: None,
    }
}

/// The node of node-link JSON with this id, if any.
pub(crate) fn node<'v>(v: &'v serde_json::Value, id: &str) -> Option<&'v serde_json::Value> {
    v["nodes"].as_array()?.iter().find(|n| n["id"] == id)
}

fn person(id: &str, represents: &str) -> Participant {
    Participant {
        person: id.into(),
        role: Some("role".into()),
        represents: Some(represents.into()),
    }
}

/// A meeting of ICESCO and `others`.
pub(crate) fn meeting(id: &str, date: Option<&str>, others: &[&str], topics: &[&str]) -> Meeting {
    let mut parties = vec!["org:icesco".to_string()];
    parties.extend(others.iter().map(|o| o.to_string()));
    Meeting {
        date: date.map(|d| d.parse().unwrap()),
        parties,
        participants: vec![person("person:dg", "org:icesco")],
        topics: topics.iter().map(|t| t.to_string()).collect(),
        evidence: vec![Evidence {
            doc: format!("{id}.txt").into(),
            start: 0,
            end: 1,
            text: id.into(),
        }],
        ..Meeting::new(id, format!("{id}.txt"))
    }
}

fn invite(invitee: &str, target: &str, capacity: Capacity) -> Invitation {
    Invitation {
        invitee: invitee.into(),
        target: target.into(),
        capacity,
        evidence: None,
    }
}

/// Nine reports of eight meetings (the first two are one meeting in two
/// languages). Invitations: JP to ICESCO as observer twice (pending), AZ to
/// the coalition (joined 102 days later), SG to ICESCO and to the coalition
/// (pending).
pub(crate) fn fixture() -> MeetingGraph {
    let mut m1 = meeting("m1", Some("2020-07-16"), &["country:JP"], &["culture"]);
    m1.place = Some("Rabat".into());
    m1.mode = Some(Mode::InPerson);
    m1.participants.push(person("person:sato", "country:JP"));
    m1.invitations
        .push(invite("country:JP", "org:icesco", Capacity::Observer));
    let mut m1fr = meeting("m1-fr", Some("--07-16"), &["country:JP"], &["education"]);
    m1fr.lang = "fr".into();
    m1fr.participants.push(person("person:sato", "country:JP"));
    m1fr.invitations
        .push(invite("country:JP", "org:icesco", Capacity::Observer));
    let mut m2 = meeting("m2", Some("2021-03-02"), &["country:JP"], &["education"]);
    m2.invitations
        .push(invite("country:JP", "org:icesco", Capacity::Observer));
    let mut m3 = meeting("m3", Some("2020-09-09"), &["country:FR"], &["culture"]);
    m3.attendees.push(person("person:dupont", "country:FR"));
    let mut m4 = meeting("m4", Some("2020-10-01"), &["org:who"], &["health"]);
    m4.mode = Some(Mode::Videoconference);
    let mut m5 = meeting("m5", Some("2020-08-11"), &["country:AZ"], &[]);
    m5.memberships.push(Membership {
        member: "country:AZ".into(),
        of: "initiative:coalition".into(),
        capacity: Capacity::Member,
        evidence: None,
    });
    let mut m6 = meeting("m6", Some("2020-05-01"), &["country:AZ"], &["culture"]);
    m6.invitations.push(invite(
        "country:AZ",
        "initiative:coalition",
        Capacity::Member,
    ));
    let mut m7 = meeting("m7", Some("2020-12-01"), &["country:SG"], &[]);
    m7.invitations
        .push(invite("country:SG", "org:icesco", Capacity::Observer));
    m7.invitations.push(invite(
        "country:SG",
        "initiative:coalition",
        Capacity::Member,
    ));
    let m8 = meeting(
        "m8",
        Some("2021-01-15"),
        &["org:who", "country:FR"],
        &["Health"],
    );
    let entities = vec![
        entity(
            "org:icesco",
            "ICESCO",
            &["ISESCO", "Organisation du monde islamique pour l'éducation"],
        ),
        entity(
            "org:who",
            "World Health Organization",
            &["Organisation mondiale de la Santé", "WHO", "OMS"],
        ),
        entity("country:JP", "Japan", &["Japon"]),
        entity("country:FR", "France", &[]),
        entity("country:AZ", "Azerbaijan", &["Azerbaïdjan"]),
        entity("country:SG", "Singapore", &["Singapour"]),
        entity(
            "initiative:coalition",
            "Global Humanitarian Coalition",
            &["Coalition humanitaire globale"],
        ),
        entity("person:dg", "Salim M. AlMalik", &[]),
        entity("person:sato", "Taro Sato", &[]),
        entity("person:sato-2", "Hanako Sato", &["Sato"]),
        entity("person:sato-3", "Jiro Sato", &["Sato"]),
    ];
    MeetingGraph::new(Extraction {
        meetings: vec![m1, m1fr, m2, m3, m4, m5, m6, m7, m8],
        entities,
        ..Default::default()
    })
    .unwrap()
}

fn count(g: &MeetingGraph, kind: EdgeKind) -> usize {
    g.petgraph()
        .edge_weights()
        .filter(|e| e.kind == kind)
        .count()
}

#[test]
fn builds_nodes_and_edges_of_every_kind() {
    let g = fixture();
    assert_eq!(g.meetings().len(), 8, "m1 and m1-fr are one meeting");
    assert_eq!(g.hub(), Some("org:icesco"));
    // 7 two-party meetings + 3 pairs in the three-party one
    assert_eq!(count(&g, EdgeKind::Met), 10);
    // dg in 8 meetings, sato in 1 (merged), dupont in 1
    assert_eq!(count(&g, EdgeKind::Represents), 10);
    // dg attends the other parties: 7 + 2 in m8; sato → icesco; dupont → icesco
    assert_eq!(count(&g, EdgeKind::Attended), 11);
    assert_eq!(
        count(&g, EdgeKind::Invited),
        5,
        "m1 merged keeps one JP invitation"
    );
    assert_eq!(count(&g, EdgeKind::MemberOf), 1);
    // 11 entities + person:dupont, which is only referenced
    assert_eq!(g.node_count(), 12);
    let dupont = g.entity("person:dupont").unwrap();
    assert_eq!(
        (dupont.kind, dupont.name.as_str()),
        (EntityKind::Person, "dupont")
    );
    let merged = &g.meetings()[0];
    assert_eq!(merged.date.unwrap().to_string(), "2020-07-16");
    assert_eq!(merged.evidence.len(), 2);
    assert_eq!(merged.topics, ["culture", "education"]);
}

#[test]
fn edges_keep_direction_and_meeting() {
    let g = fixture();
    let inv = g
        .petgraph()
        .edge_weights()
        .find(|e| e.kind == EdgeKind::MemberOf)
        .unwrap();
    assert_eq!(g.entity_at(inv.source).id, "country:AZ");
    assert_eq!(g.meeting_of(inv).map(|m| m.id.as_str()), Some("m5"));
    assert_eq!(inv.capacity, Some(Capacity::Member));
}

#[test]
fn invalid_ids_are_typed_errors() {
    for bad in ["icesco", "org:", "planet:mars"] {
        let mut m = meeting("x", None, &[], &[]);
        m.parties.push(bad.into());
        let err = MeetingGraph::new(Extraction {
            meetings: vec![m],
            entities: vec![],
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            matches!(err, Error::InvalidEntityId { ref id } if id == bad),
            "{bad}: {err}"
        );
    }
}

#[test]
fn resolves_ids_names_aliases_in_both_languages() {
    let g = fixture();
    let cases = [
        ("country:JP", "country:JP"),
        ("Japon", "country:JP"),
        ("  JAPAN ", "country:JP"),
        ("jp", "country:JP"),
        ("OMS", "org:who"),
        ("organisation mondiale de la sante", "org:who"),
        ("Azerbaidjan", "country:AZ"),
        ("coalition humanitaire globale", "initiative:coalition"),
    ];
    for (query, id) in cases {
        assert_eq!(g.resolve(query).unwrap().id, id, "{query}");
    }
}

#[test]
fn resolution_errors_suggest_or_list_candidates() {
    let g = fixture();
    match g.resolve("Singapor") {
        Err(Error::UnknownEntity { suggestions, .. }) => {
            assert_eq!(suggestions.first().map(String::as_str), Some("Singapore"))
        }
        other => panic!("{other:?}"),
    }
    match g.resolve("zzzzzzzzzzzz") {
        Err(Error::UnknownEntity { suggestions, .. }) => assert!(suggestions.is_empty()),
        other => panic!("{other:?}"),
    }
    match g.resolve("sato") {
        Err(Error::AmbiguousEntity { candidates, .. }) => {
            assert_eq!(candidates, ["person:sato-2", "person:sato-3"])
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn filters_table() {
    let g = fixture();
    let d = |s: &str| Some(s.parse::<PartialDate>().unwrap());
    let cases: Vec<(&str, Filter, Vec<&str>)> = vec![
        (
            "all",
            Filter::default(),
            vec!["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"],
        ),
        (
            "since",
            Filter {
                since: d("2021"),
                ..Filter::default()
            },
            vec!["m2", "m8"],
        ),
        (
            "until a month includes the whole month",
            Filter {
                until: d("2020-08"),
                ..Filter::default()
            },
            vec!["m1", "m5", "m6"],
        ),
        (
            "since and until",
            Filter {
                since: d("2020-09-09"),
                until: d("2020-12-01"),
                ..Filter::default()
            },
            vec!["m3", "m4", "m7"],
        ),
        (
            "topic, case-insensitive",
            Filter {
                topic: Some("HEALTH".into()),
                ..Filter::default()
            },
            vec!["m4", "m8"],
        ),
        (
            "kind of counterpart",
            Filter {
                kind: Some(EntityKind::Organization),
                ..Filter::default()
            },
            vec!["m4", "m8"],
        ),
        (
            "with a party",
            Filter {
                with_entity: Some("country:FR".into()),
                ..Filter::default()
            },
            vec!["m3", "m8"],
        ),
        (
            "with an attendee",
            Filter {
                with_entity: Some("person:dupont".into()),
                ..Filter::default()
            },
            vec!["m3"],
        ),
    ];
    for (name, filter, want) in cases {
        let got: Vec<&str> = g.filtered(&filter).map(|(_, m)| m.id.as_str()).collect();
        assert_eq!(got, want, "{name}");
    }
    // a meeting without a usable date is dropped once a bound is set
    let mut m = meeting("undated", Some("--07-16"), &["country:JP"], &[]);
    let since = Filter {
        since: d("2000"),
        ..Filter::default()
    };
    assert!(!g.keeps(&since, &m));
    m.date = None;
    assert!(!g.keeps(&since, &m));
    assert!(g.keeps(&Filter::default(), &m));
}

#[test]
fn date_filters_count_the_undated_meetings_they_leave_out() {
    let g = fixture();
    let since = Filter {
        since: Some("2020-01-01".parse().unwrap()),
        ..Filter::default()
    };
    // m1-fr (--07-16) merged into m1 (2020-07-16): every meeting has a year
    assert_eq!(g.undated_left_out(&since), 0);
    let mut ex = g.extraction().clone();
    ex.meetings[3].date = None;
    ex.meetings[4].date = Some("--10-01".parse().unwrap());
    let g = MeetingGraph::from_merged(ex).unwrap();
    assert_eq!(g.undated_left_out(&since), 2);
    assert_eq!(g.undated_left_out(&Filter::default()), 0);
    let kept = g.filtered(&since).count();
    assert_eq!(kept + 2, g.meetings().len());
}

#[test]
fn ego_network_counts_meetings_per_neighbor() {
    let g = fixture();
    let ego = g.neighbors("Japon", &Filter::default()).unwrap();
    assert_eq!(ego.center.id, "country:JP");
    let ids: Vec<(&str, usize)> = ego
        .neighbors
        .iter()
        .map(|n| (n.entity.id.as_str(), n.meetings))
        .collect();
    assert_eq!(
        ids,
        [("org:icesco", 2), ("person:dg", 2), ("person:sato", 1)]
    );
    assert_eq!(ego.neighbors[0].kinds, [EdgeKind::Met, EdgeKind::Invited]);
    assert_eq!(ego.meetings.len(), 2);
    let since = Filter {
        since: "2021".parse().ok(),
        ..Filter::default()
    };
    let ego = g.neighbors("country:JP", &since).unwrap();
    assert_eq!(
        ego.meetings.iter().map(|m| &m.id).collect::<Vec<_>>(),
        ["m2"]
    );
    assert!(matches!(
        g.neighbors("Atlantis", &Filter::default()),
        Err(Error::UnknownEntity { .. })
    ));
}

#[test]
fn shortest_paths() {
    let g = fixture();
    let ids = |from: &str, to: &str, f: &Filter| -> Result<Vec<String>> {
        Ok(g.path(from, to, f)?
            .iter()
            .map(|s| s.entity.id.clone())
            .collect())
    };
    let all = Filter::default();
    assert_eq!(
        ids("country:FR", "org:who", &all).unwrap(),
        ["country:FR", "org:who"]
    );
    assert_eq!(
        ids("Japan", "France", &all).unwrap(),
        ["country:JP", "org:icesco", "country:FR"]
    );
    let steps = g.path("country:FR", "org:who", &all).unwrap();
    let via = steps[1].via.as_ref().unwrap();
    assert_eq!((via.kind, via.report.id), (EdgeKind::Met, "m8"));
    // before 2021, FR and WHO are linked only through ICESCO
    let until = Filter {
        until: "2020".parse().ok(),
        ..Filter::default()
    };
    assert_eq!(ids("country:FR", "org:who", &until).unwrap().len(), 3);
    // SG's invitation to the coalition is a path too; a filter can cut it
    let only_jp = Filter {
        with_entity: Some("country:JP".into()),
        ..Filter::default()
    };
    assert!(matches!(
        ids("country:SG", "country:JP", &only_jp),
        Err(Error::NoPath { .. })
    ));
}

#[test]
fn saves_and_loads_atomically() {
    let g = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    std::fs::write(&path, "old").unwrap();
    g.save(&path).unwrap();
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["graph.json"], "no temporary file left");
    let back = MeetingGraph::load(&path).unwrap();
    assert_eq!(back.meetings(), g.meetings());
    // every node is saved with its entity, the one only referenced included
    let ids = |g: &MeetingGraph| -> Vec<String> {
        g.petgraph().node_weights().map(|e| e.id.clone()).collect()
    };
    assert_eq!(ids(&back), ids(&g));
    assert_eq!(
        back.extraction().entities.len(),
        g.extraction().entities.len() + 1
    );
    assert_eq!(back.entity("person:dupont"), g.entity("person:dupont"));
    assert_eq!(back.node_count(), g.node_count());
    assert_eq!(back.edge_count(), g.edge_count());
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(raw["format"], GRAPH_FORMAT);
    assert_eq!(raw["meetings"].as_array().unwrap().len(), 8);

    // a plain meetings JSON is read and merged
    let plain = dir.path().join("meetings.json");
    let mut ex = back.extraction().clone();
    ex.meetings.push(ex.meetings[0].clone());
    std::fs::write(&plain, serde_json::to_vec(&ex).unwrap()).unwrap();
    assert_eq!(MeetingGraph::load(&plain).unwrap().meetings().len(), 8);

    // wrong version, bad JSON, missing file
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format":"diplograph-graph","version":99,"meetings":[],"entities":[]}"#,
    )
    .unwrap();
    assert!(matches!(MeetingGraph::load(&bad), Err(Error::Data { .. })));
    std::fs::write(&bad, "{").unwrap();
    assert!(matches!(MeetingGraph::load(&bad), Err(Error::Data { .. })));
    std::fs::write(&bad, r#"[{"doc": "a.txt", "meetings": []}]"#).unwrap();
    let err = MeetingGraph::load(&bad).unwrap_err().to_string();
    assert!(err.contains("not a saved graph"), "{err}");
    assert!(matches!(
        MeetingGraph::load(&dir.path().join("missing.json")),
        Err(Error::Io { .. })
    ));
    // saving into a missing folder fails with the target path
    assert!(matches!(
        g.save(&dir.path().join("no/such/graph.json")),
        Err(Error::Io { .. })
    ));
}

#[test]
fn copies_of_a_report_keep_their_spans_and_their_sentences_once() {
    // One meeting reported by three copies of a page, each with the same
    // two sentences, and an invitation read in one of them.
    let span = |doc: &str, start: usize, text: &str| Evidence {
        doc: doc.into(),
        start,
        end: start + text.len(),
        text: text.into(),
    };
    let reports = ["a.txt", "b.txt", "c.txt"].map(|doc| {
        let mut m = meeting("m", Some("2020-07-16"), &["country:JP"], &[]);
        m.doc = doc.into();
        m.evidence = vec![span(doc, 0, "They met."), span(doc, 10, "They talked.")];
        m
    });
    let mut reports = reports.to_vec();
    reports[1].invitations = vec![Invitation {
        evidence: Some(span("b.txt", 30, "They met.")),
        ..invite("country:JP", "org:icesco", Capacity::Observer)
    }];
    let g = MeetingGraph::new(Extraction {
        meetings: reports,
        ..Default::default()
    })
    .unwrap();
    assert_eq!(g.meetings().len(), 1);
    assert_eq!(g.meetings()[0].evidence.len(), 6, "every span is kept");

    let met = g
        .petgraph()
        .edge_weights()
        .find(|e| e.kind == EdgeKind::Met)
        .unwrap();
    let report = g.report(met);
    let sentences: Vec<(&str, usize)> = report
        .sentences()
        .map(|e| (e.doc.as_str(), e.start))
        .collect();
    assert_eq!(sentences, [("a.txt", 0), ("a.txt", 10)]);
    assert_eq!(report.documents, 3);
    let links = &g.to_node_link()["links"];
    assert_eq!(links[0]["evidence"].as_array().unwrap().len(), 2);
    assert_eq!(links[0]["documents"], 3);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    g.save(&path).unwrap();
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(raw["version"], GRAPH_VERSION);
    assert_eq!(
        raw["sentences"],
        serde_json::json!(["They met.", "They talked."])
    );
    let evidence = &raw["meetings"][0]["evidence"];
    assert_eq!(evidence.as_array().unwrap().len(), 6);
    assert_eq!(
        evidence[3],
        serde_json::json!({"doc": "b.txt", "start": 10, "end": 22, "sentence": 1})
    );
    assert_eq!(
        raw["meetings"][0]["invitations"][0]["evidence"]["sentence"],
        0
    );
    assert_eq!(MeetingGraph::load(&path).unwrap().meetings(), g.meetings());

    // a version 1 file (text in every piece of evidence) still loads
    let mut v1 = raw.clone();
    v1["version"] = 1.into();
    let text = v1.as_object_mut().unwrap().remove("sentences").unwrap();
    let mut v1 = v1.to_string();
    for (i, t) in text.as_array().unwrap().iter().enumerate() {
        v1 = v1.replace(&format!(r#""sentence":{i}"#), &format!(r#""text":{t}"#));
    }
    std::fs::write(&path, v1).unwrap();
    assert_eq!(MeetingGraph::load(&path).unwrap().meetings(), g.meetings());

    // a position outside the table is an error naming it
    let mut bad = raw;
    bad["meetings"][0]["evidence"][0]["sentence"] = 7.into();
    std::fs::write(&path, bad.to_string()).unwrap();
    let err = MeetingGraph::load(&path).unwrap_err().to_string();
    assert!(err.contains("sentence 7"), "{err}");
}

#[test]
fn saved_graphs_with_dangling_ids_are_errors_naming_the_id() {
    let g = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    g.save(&path).unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let broken = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = saved.clone();
        edit(&mut v);
        std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
        MeetingGraph::load(&path).unwrap_err().to_string()
    };
    let without = |id: &'static str| {
        move |v: &mut serde_json::Value| {
            v["entities"]
                .as_array_mut()
                .unwrap()
                .retain(|e| e["id"] != id);
        }
    };
    for (edit, want) in [
        (
            Box::new(without("country:FR")) as Box<dyn Fn(&mut serde_json::Value)>,
            "meeting m3: party country:FR is defined by no entity",
        ),
        (
            Box::new(without("person:sato")),
            "meeting m1: person person:sato is defined by no entity",
        ),
        (
            Box::new(without("initiative:coalition")),
            "meeting m5: membership target initiative:coalition is defined by no entity",
        ),
        (
            Box::new(|v: &mut serde_json::Value| v["hub"] = "org:unesco".into()),
            "hub org:unesco is defined by no entity",
        ),
        (
            Box::new(|v: &mut serde_json::Value| {
                v["meetings"][0]["invitations"][0]["target"] = "org:elsewhere".into();
            }),
            "invitation target org:elsewhere is defined by no entity",
        ),
        (
            Box::new(|v: &mut serde_json::Value| {
                let first = v["entities"][0].clone();
                v["entities"].as_array_mut().unwrap().push(first);
            }),
            "is defined twice",
        ),
    ] {
        let err = broken(&*edit);
        assert!(err.contains(want), "{err}");
        assert!(err.starts_with(&path.display().to_string()), "{err}");
    }
    // a plain meetings JSON is checked the same way
    let plain = dir.path().join("meetings.json");
    std::fs::write(&path, serde_json::to_vec(&saved).unwrap()).unwrap();
    let mut ex = MeetingGraph::load(&path).unwrap().extraction().clone();
    ex.entities.retain(|e| e.id != "org:who");
    std::fs::write(&plain, serde_json::to_vec(&ex).unwrap()).unwrap();
    let err = MeetingGraph::load(&plain).unwrap_err().to_string();
    assert!(
        err.contains("party org:who is defined by no entity"),
        "{err}"
    );
}

#[test]
fn node_link_json_follows_the_contract() {
    let g = fixture();
    let v = g.to_node_link();
    assert_eq!(v["directed"], false);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["nodes"].as_array().unwrap().len(), g.node_count());
    let links = v["links"].as_array().unwrap();
    assert_eq!(links.len(), g.edge_count());
    let member = links.iter().find(|l| l["kind"] == "member_of").unwrap();
    assert_eq!(member["source"], "country:AZ");
    assert_eq!(member["target"], "initiative:coalition");
    assert_eq!(member["date"], "2020-08-11");
    let first = &links[0];
    assert_eq!(
        (first["kind"].as_str(), first["date"].as_str()),
        (Some("met"), Some("2020-07-16"))
    );
    assert_eq!(first["evidence"].as_array().unwrap().len(), 2);
    let nodes = v["nodes"].as_array().unwrap();
    let hub = nodes.iter().find(|n| n["id"] == "org:icesco").unwrap();
    assert_eq!(hub["degree"], 1.0);
    assert_eq!(hub["weighted_degree"], 9.0);
    assert!(hub["pagerank"].as_f64().unwrap() > 0.2);
    let dg = nodes.iter().find(|n| n["id"] == "person:dg").unwrap();
    assert!(
        dg["pagerank"].is_null(),
        "people are outside the partner graph"
    );
    // Japan: two meetings (m1 in two languages, m2 229 days later, the
    // latest date of the graph), a role that names no office, one
    // invitation group.
    let jp = nodes.iter().find(|n| n["id"] == "country:JP").unwrap();
    assert_eq!(jp["meetings"], 2);
    assert_eq!(jp["first_meeting"], "2020-07-16");
    assert_eq!(jp["last_meeting"], "2021-03-02");
    assert_eq!(jp["highest_office"], "other");
    let want = 1.0 + 1.0 * (-229.0 / 365.2425f64).exp2() + 1.0;
    assert!((jp["engagement"].as_f64().unwrap() - want).abs() < 1e-12);
    for no_partner in ["org:icesco", "initiative:coalition", "person:dg"] {
        let n = nodes.iter().find(|n| n["id"] == no_partner).unwrap();
        assert!(
            n["engagement"].is_null() && n["highest_office"].is_null(),
            "{n}"
        );
    }
}

#[test]
fn civil_days() {
    for (y, m, d, days) in [
        (1970, 1, 1, 0),
        (2000, 3, 1, 11_017),
        (2020, 7, 16, 18_459),
        (1969, 12, 31, -1),
    ] {
        assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
    }
}

#[test]
fn agreements_are_agreed_edges_and_reports_of_one_signing_merge() {
    let agreement = |title: &str| crate::model::Agreement {
        title: title.into(),
        parties: vec!["org:icesco".into(), "country:JP".into()],
        evidence: None,
    };
    let mut en = meeting("a-en", Some("2024-03-04"), &["country:JP"], &[]);
    en.agreements.push(agreement("memorandum of understanding"));
    let mut fr = meeting("a-fr", Some("2024-03-04"), &["country:JP"], &[]);
    fr.lang = "fr".into();
    fr.agreements.push(agreement("mémorandum d'entente"));
    fr.agreements.push(agreement("programme exécutif"));
    let g = MeetingGraph::new(Extraction {
        meetings: vec![en, fr],
        entities: vec![
            entity("org:icesco", "ICESCO", &[]),
            entity("country:JP", "Japan", &[]),
            entity("person:dg", "Salim M. AlMalik", &[]),
        ],
        ..Default::default()
    })
    .unwrap();
    assert_eq!(g.meetings().len(), 1);
    let titles: Vec<&str> = g.meetings()[0]
        .agreements
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["mémorandum d'entente", "programme exécutif"]);
    let agreed: Vec<&str> = g
        .petgraph()
        .edge_weights()
        .filter(|e| e.kind == EdgeKind::Agreed)
        .filter_map(|e| e.title.as_deref())
        .collect();
    assert_eq!(agreed, ["mémorandum d'entente", "programme exécutif"]);
}

#[test]
fn an_agreement_signed_by_an_unknown_entity_is_refused() {
    let mut m = meeting("a", Some("2024-03-04"), &["country:JP"], &[]);
    m.agreements.push(crate::model::Agreement {
        title: "memorandum".into(),
        parties: vec!["org:icesco".into(), "country:XX".into()],
        evidence: None,
    });
    let x = Extraction {
        meetings: vec![m],
        entities: vec![
            entity("org:icesco", "ICESCO", &[]),
            entity("country:JP", "Japan", &[]),
            entity("person:dg", "Salim M. AlMalik", &[]),
        ],
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meetings.json");
    std::fs::write(&path, serde_json::to_string(&x).unwrap()).unwrap();
    let e = MeetingGraph::load(&path).unwrap_err();
    assert!(e.to_string().contains("signatory country:XX"), "{e}");
}

/// A meeting that `publisher` reports with `others`, its head (`person:head-…`)
/// representing it.
pub(crate) fn published(publisher: &str, id: &str, date: &str, others: &[&str]) -> Meeting {
    let mut m = meeting(id, Some(date), others, &[]);
    m.parties[0] = publisher.into();
    m.participants[0] = person(&format!("person:head-{}", &publisher[4..]), publisher);
    m.publisher = Some(publisher.into());
    m
}

/// The releases of two publishers: ICESCO meets Japan, France and (when
/// `hubs_meet`) ALECSO; ALECSO meets Tunisia and Japan. Without the
/// meeting of the hubs, the graph is the path France – ICESCO – Japan –
/// ALECSO – Tunisia.
pub(crate) fn two_hubs(hubs_meet: bool) -> MeetingGraph {
    let mut meetings = vec![
        published("org:icesco", "i-jp", "2024-01-10", &["country:JP"]),
        published("org:icesco", "i-fr", "2024-02-10", &["country:FR"]),
        published("org:alecso", "a-tn", "2024-03-10", &["country:TN"]),
        published("org:alecso", "a-jp", "2024-04-10", &["country:JP"]),
    ];
    if hubs_meet {
        meetings.push(published(
            "org:icesco",
            "i-a",
            "2024-05-10",
            &["org:alecso"],
        ));
    }
    MeetingGraph::new(Extraction {
        meetings,
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn the_publishers_are_the_hubs_most_meetings_first() {
    let g = two_hubs(true);
    assert_eq!(g.hubs(), ["org:icesco", "org:alecso"]);
    assert_eq!(g.hub(), Some("org:icesco"));
    assert!(g.is_hub("org:alecso") && !g.is_hub("country:JP"));
    let v = g.to_node_link();
    assert_eq!(v["graph"]["hub"], "org:icesco");
    assert_eq!(
        v["graph"]["hubs"],
        serde_json::json!(["org:icesco", "org:alecso"])
    );
    let hub = |id: &str| node(&v, id).unwrap()["hub"].clone();
    assert_eq!(
        (hub("org:alecso"), hub("country:JP")),
        (true.into(), false.into())
    );
    // ICESCO's meeting with ALECSO has an organization for counterpart:
    // its hub is its publisher, not every hub.
    let i_a = g.meetings().iter().find(|m| m.id == "i-a").unwrap();
    assert_eq!(g.hub_of_meeting(i_a), Some("org:icesco"));
    assert_eq!(
        g.counterpart_kinds(i_a).into_iter().collect::<Vec<_>>(),
        [EntityKind::Organization]
    );
    let orgs = g
        .subgraph(&Filter {
            kind: Some(EntityKind::Organization),
            ..Filter::default()
        })
        .unwrap();
    let ids: Vec<&str> = orgs.meetings().iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["i-a"]);
    // A filter keeps the hubs it still has, in their order.
    let tn = g
        .subgraph(&Filter {
            with_entity: Some("country:TN".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(
        (tn.hubs(), tn.hub()),
        (&["org:alecso".to_string()][..], Some("org:alecso"))
    );
}

#[test]
fn a_saved_graph_keeps_its_hubs_and_publishers() {
    let mut x = two_hubs(true).extraction().clone();
    x.publishers.push(crate::model::Publication {
        doc: "a-tn.txt".into(),
        publisher: "org:alecso".into(),
        score: 3.0,
        default: false,
        cues: vec![],
    });
    x.entities = vec![
        entity("org:icesco", "ICESCO", &[]),
        entity("org:alecso", "ALECSO", &[]),
    ];
    let g = MeetingGraph::from_merged(x).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    g.save(&path).unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        saved["hubs"],
        serde_json::json!(["org:icesco", "org:alecso"])
    );
    assert_eq!(saved["meetings"][2]["publisher"], "org:alecso");
    let back = MeetingGraph::load(&path).unwrap();
    assert_eq!(back.hubs(), g.hubs());
    assert_eq!(back.extraction().publishers, g.extraction().publishers);
}
