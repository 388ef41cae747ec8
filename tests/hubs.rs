//! Several publishers through the binary: `--hub`, each document's
//! publisher found from its text, and what every command makes of a graph
//! with several hubs, on `examples/two-publishers` (the releases of ICESCO
//! and ALECSO, and one note that names neither).

mod common;

use common::{diplograph, json, stderr, stdout};
use serde_json::{Value, json};

const CORPUS: &str = "examples/two-publishers";

fn run_json(args: &[&str]) -> Value {
    let o = diplograph(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    json(&o)
}

fn find<'a>(rows: &'a Value, id: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {rows}"))
}

#[test]
fn an_unknown_hub_is_an_error_with_suggestions() {
    let o = diplograph(&["--hub", "UNESCOO", "meetings", CORPUS]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("unknown entity \"UNESCOO\"; did you mean UNESCO"),
        "{err}"
    );
    let o = diplograph(&["--hub", "Japon", "meetings", CORPUS]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is country:JP, not an organization"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn each_document_has_the_publisher_its_text_names() {
    let x = run_json(&["meetings", CORPUS, "--format", "json", "--quiet"]);
    let publishers: Vec<(String, &str, bool)> = x["publishers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let doc = p["doc"]
                .as_str()
                .unwrap()
                .trim_start_matches("examples/two-publishers/");
            (
                doc.to_string(),
                p["publisher"].as_str().unwrap(),
                p["default"].as_bool().unwrap(),
            )
        })
        .collect();
    let want = [
        ("alecso/alecso-visit.txt", "org:alecso", false),
        ("alecso/japan.txt", "org:alecso", false),
        ("alecso/maroc-fr.txt", "org:alecso", false),
        ("alecso/tripartite.txt", "org:alecso", false),
        ("alecso/tunisia.txt", "org:alecso", false),
        ("icesco/alecso-visit.txt", "org:icesco", false),
        ("icesco/japan.txt", "org:icesco", false),
        ("icesco/senegal-fr.txt", "org:icesco", false),
        ("oman-note.txt", "org:icesco", true),
    ];
    let want: Vec<(String, &str, bool)> = want
        .iter()
        .map(|(d, p, x)| (d.to_string(), *p, *x))
        .collect();
    assert_eq!(publishers, want);
    // Every meeting's hub is its document's publisher, and its first party.
    for m in x["meetings"].as_array().unwrap() {
        let doc = m["doc"].as_str().unwrap();
        let p = x["publishers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["doc"] == doc)
            .unwrap();
        assert_eq!(m["publisher"], p["publisher"], "{doc}");
        assert_eq!(m["parties"][0], p["publisher"], "{doc}");
    }
    // The visit both report: each from its side.
    let visit = |doc: &str| {
        let m = x["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["doc"].as_str().unwrap().ends_with(doc));
        m.unwrap()["parties"].clone()
    };
    assert_eq!(
        visit("alecso/alecso-visit.txt"),
        json!(["org:alecso", "org:icesco"])
    );
    assert_eq!(
        visit("icesco/alecso-visit.txt"),
        json!(["org:icesco", "org:alecso"])
    );
    // A table with a hub column.
    let table = stdout(&diplograph(&["meetings", CORPUS, "--quiet"]));
    assert!(
        table.lines().next().unwrap().trim_end().ends_with("Hub"),
        "{table}"
    );
}

#[test]
fn hub_names_the_publisher_of_a_document_that_names_none() {
    let note = "examples/two-publishers/oman-note.txt";
    let x = run_json(&[
        "--hub", "ALECSO", "meetings", note, "--format", "json", "--quiet",
    ]);
    assert_eq!(
        x["meetings"][0]["parties"],
        json!(["org:alecso", "country:OM"])
    );
    assert_eq!(x["publishers"][0]["default"], true);
    // A document that names its publisher keeps it whatever --hub says.
    let japan = "examples/two-publishers/icesco/japan.txt";
    let x = run_json(&[
        "--hub",
        "org:alecso",
        "meetings",
        japan,
        "--format",
        "json",
        "--quiet",
    ]);
    assert_eq!(x["meetings"][0]["publisher"], "org:icesco");
    // --hub also names the main hub of the graph.
    let g = run_json(&[
        "--hub", "alecso", "render", CORPUS, "--format", "json", "--quiet",
    ]);
    assert_eq!(g["graph"]["hubs"], json!(["org:alecso", "org:icesco"]));
}

#[test]
fn the_graph_has_both_hubs() {
    let g = run_json(&["render", CORPUS, "--format", "json", "--quiet"]);
    assert_eq!(g["graph"]["hub"], "org:icesco");
    assert_eq!(g["graph"]["hubs"], json!(["org:icesco", "org:alecso"]));
    assert_eq!(find(&g["nodes"], "org:alecso")["hub"], true);
    assert_eq!(find(&g["nodes"], "country:JP")["hub"], false);
    // The visit both reported is one meeting.
    let met: Vec<&Value> = g["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| {
            l["kind"] == "met"
                && [&l["source"], &l["target"]].contains(&&json!("org:alecso"))
                && [&l["source"], &l["target"]].contains(&&json!("org:icesco"))
        })
        .collect();
    assert_eq!(met.len(), 1, "{met:?}");
    let dot = stdout(&diplograph(&[
        "render", CORPUS, "--format", "dot", "--quiet",
    ]));
    assert!(dot.contains(r#"root="org:icesco""#), "{dot}");
    for hub in ["org:icesco", "org:alecso"] {
        let line = dot
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{hub}\"[")))
            .unwrap();
        assert!(
            line.contains("peripheries=\"2\"") || line.contains("peripheries=2"),
            "{line}"
        );
    }
}

#[test]
fn centralities_partners_and_invitations_with_two_hubs() {
    // ICESCO meets Japan, Senegal, Oman and ALECSO; ALECSO meets Japan,
    // and Tunisia and Morocco (apart and together). Of the 15 pairs of the
    // other nodes, ICESCO is on the one shortest path of nine (Senegal and
    // Oman to each other and to ALECSO, Tunisia, Morocco), ALECSO of eight
    // (Tunisia and Morocco to Japan, ICESCO, Senegal, Oman); Japan, between
    // two hubs that meet, of none.
    let c = run_json(&["centrality", CORPUS, "--format", "json", "--quiet"]);
    let betweenness = |id: &str| find(&c, id)["betweenness"].as_f64().unwrap();
    assert!(
        (betweenness("org:icesco") - 9.0 / 15.0).abs() < 1e-12,
        "{c}"
    );
    assert!(
        (betweenness("org:alecso") - 8.0 / 15.0).abs() < 1e-12,
        "{c}"
    );
    assert_eq!(betweenness("country:JP"), 0.0);
    assert_eq!(find(&c, "country:JP")["meetings"], 2);
    // Without the hubs: without both, each partner with its meetings.
    let without = run_json(&[
        "centrality",
        CORPUS,
        "--without-hub",
        "--format",
        "json",
        "--quiet",
    ]);
    let ids: Vec<&str> = without
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert!(
        !ids.contains(&"org:icesco") && !ids.contains(&"org:alecso"),
        "{ids:?}"
    );
    assert_eq!(find(&without, "country:JP")["meetings"], 2);
    // Tunisia and Morocco, at ALECSO's tripartite meeting: one link among
    // five partners.
    assert_eq!(find(&without, "country:TN")["degree"], 0.25);
    assert_eq!(find(&without, "country:JP")["degree"], 0.0);
    let table = stdout(&diplograph(&[
        "centrality",
        CORPUS,
        "--without-hub",
        "--quiet",
    ]));
    let japan = table.lines().find(|l| l.starts_with("Japan")).unwrap();
    assert_eq!(japan.split_whitespace().nth(2), Some("2"), "{table}");
    assert!(!table.contains(" - "), "{table}");
    // No hub is a partner; Japan met both.
    let p = run_json(&["partners", CORPUS, "--format", "json", "--quiet"]);
    let partners = &p["partners"];
    assert_eq!(partners.as_array().unwrap().len(), 5);
    assert_eq!(find(partners, "country:JP")["meetings"], 2);
    // Japan's invitation to ICESCO, pending.
    let pending = run_json(&[
        "invitations",
        CORPUS,
        "--pending",
        "--format",
        "json",
        "--quiet",
    ]);
    assert_eq!(pending.as_array().unwrap().len(), 1);
    assert_eq!(
        (&pending[0]["invitee"]["id"], &pending[0]["target"]["id"]),
        (&json!("country:JP"), &json!("org:icesco"))
    );
}
