//! Consumer tests of the graph formats: the real binary writes them from
//! `examples/corpus` (and from a graph with hostile names), and the tools
//! they are for read them: Graphviz's `dot` renders the DOT, and
//! `scripts/check_formats.py` reads the node-link JSON, GraphML and GEXF
//! with NetworkX, the GraphML with igraph and the Neo4j CSV with Python's
//! csv module, and `scripts/kuzu_check.py` loads the Neo4j CSV into Kùzu, a
//! Cypher database, whose pending invitations must be diplograph's. A tool
//! that is not installed is skipped with a notice; CI (`.ci/run`) installs
//! Graphviz, NetworkX, igraph and Kùzu so that nothing is skipped there.

use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn diplograph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn has(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn has_dot() -> bool {
    let found = has("dot", "-V");
    if !found {
        eprintln!("NOTICE: Graphviz `dot` is not installed; DOT rendering not checked");
    }
    found
}

fn has_networkx() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import networkx"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!(
            "NOTICE: python3 with networkx is not installed; scripts/check_formats.py not run"
        );
    }
    found
}

fn has_kuzu() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import kuzu"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("NOTICE: python3 with kuzu is not installed; scripts/kuzu_check.py not run");
    }
    found
}

/// `dot -Tsvg FILE`, which must succeed; the SVG.
fn dot_svg(file: &Path) -> String {
    let o = Command::new("dot")
        .arg("-Tsvg")
        .arg(file)
        .output()
        .expect("dot runs");
    assert!(
        o.status.success(),
        "dot rejects {}: {}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("the SVG is UTF-8")
}

fn check_formats(dir: &Path) {
    let o = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/check_formats.py"))
        .arg(dir)
        .output()
        .expect("python3 runs");
    println!("{}", String::from_utf8_lossy(&o.stdout));
    assert!(
        o.status.success(),
        "check_formats.py: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `scripts/kuzu_check.py DIR ARGS…`, which must succeed; its output.
fn kuzu_check(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/kuzu_check.py"))
        .arg(dir)
        .args(args)
        .output()
        .expect("python3 runs");
    ok(&o)
}

fn node_link(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("graph.node-link.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn build_writes_every_format_and_their_readers_agree() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let stdout = ok(&diplograph(&[
        "build",
        "examples/corpus",
        "-o",
        out,
        "--quiet",
    ]));
    for name in [
        "graph.json",
        "graph.node-link.json",
        "graph.dot",
        "graph.graphml",
        "graph.gexf",
        "neo4j/nodes.csv",
        "neo4j/relationships.csv",
    ] {
        assert!(dir.path().join(name).is_file(), "{name} missing:\n{stdout}");
    }
    let v = node_link(dir.path());
    let links = v["links"].as_array().unwrap();
    let met = links.iter().filter(|l| l["kind"] == "met").count();
    assert!(met >= 5, "{met} meetings");
    // the saved graph reloads into the same node-link JSON
    let saved = dir.path().join("graph.json");
    let again = ok(&diplograph(&[
        "render",
        saved.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(serde_json::from_str::<Value>(&again).unwrap(), v);
    if has_dot() {
        assert!(dir.path().join("graph.svg").is_file());
        assert!(dir.path().join("graph.png").is_file());
        let svg = dot_svg(&dir.path().join("graph.dot"));
        // every meeting's date is drawn, in its edge's tooltip (tests/diagram.rs
        // checks the rest of the diagram)
        for l in links.iter().filter(|l| l["kind"] == "met") {
            if let Some(date) = l["date"].as_str() {
                // Graphviz writes `-` as `&#45;` in SVG text
                let drawn = date.replace('-', "&#45;");
                assert!(svg.contains(&drawn), "date {date} not drawn");
            }
        }
    }
    if has_networkx() {
        check_formats(dir.path());
    }
}

/// A meetings JSON whose names carry quotes, backslashes, markup,
/// bidirectional and zero-width characters and line breaks.
fn hostile(dir: &Path) -> std::path::PathBuf {
    let bad = "Qu\"ote \\ back\\slash <script>alert('x')</script> \u{202e}RTL \u{200b}zw\nnew é";
    let doc = json!({
        "meetings": [{
            "id": "m-1", "doc": "a.txt", "headline": bad, "lang": "en", "date": "2021-03",
            "place": bad, "mode": "in_person", "parties": ["org:icesco", "country:XX"],
            "participants": [{"person": "person:x", "role": bad, "represents": "country:XX"}],
            "attendees": [], "topics": ["culture"], "invitations": [], "memberships": [],
            "evidence": [{"doc": "a.txt", "start": 0, "end": 1, "text": bad}]
        }],
        "entities": [
            {"id": "org:icesco", "kind": "organization", "name": "ICESCO", "aliases": []},
            {"id": "country:XX", "kind": "country", "name": bad, "aliases": [bad, "a;b"]},
            {"id": "person:x", "kind": "person", "name": bad, "aliases": []}
        ]
    });
    let path = dir.join("hostile.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    path
}

#[test]
fn hostile_names_survive_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = hostile(dir.path());
    let input = input.to_str().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let o = |name: &str| out.join(name).to_str().unwrap().to_string();
    for (format, file) in [
        ("json", o("graph.node-link.json")),
        ("dot", o("graph.dot")),
        ("graphml", o("graph.graphml")),
        ("gexf", o("graph.gexf")),
        ("neo4j", o("neo4j")),
    ] {
        ok(&diplograph(&[
            "render", input, "--format", format, "-o", &file,
        ]));
    }
    let v = node_link(&out);
    assert_eq!(v["nodes"].as_array().unwrap().len(), 3);
    if has_dot() {
        let svg = dot_svg(&out.join("graph.dot"));
        assert!(!svg.contains("<script"), "markup leaked into the SVG");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(
            svg.contains(r"Qu&quot;ote \ back\slash") || svg.contains(r#"Qu"ote \ back\slash"#)
        );
    }
    if has_networkx() {
        check_formats(&out);
    }
    if has_kuzu() {
        let loaded = kuzu_check(&out.join("neo4j"), &[]);
        assert!(
            loaded.contains("kuzu: 3 Entity nodes, 3 relationships"),
            "{loaded}"
        );
    }
}

#[test]
fn render_writes_into_a_folder_and_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    ok(&diplograph(&[
        "render",
        "examples/corpus",
        "--format",
        "graphml",
        "-o",
        out,
        "--quiet",
    ]));
    let graphml = std::fs::read_to_string(dir.path().join("graph.graphml")).unwrap();
    assert!(graphml.starts_with("<?xml"));
    let dot = ok(&diplograph(&[
        "render",
        "examples/corpus",
        "--format",
        "dot",
        "--quiet",
    ]));
    assert!(dot.starts_with("graph diplograph {"));
    assert!(dot.contains("label=<<table"), "the legend");
}

#[test]
fn graphml_and_gexf_point_invitations_from_the_invitee() {
    // examples/corpus: Peru is invited to join ICESCO as an observer.
    for (format, directed) in [
        (
            "graphml",
            r#"<graph id="diplograph" edgedefault="directed">"#,
        ),
        ("gexf", r#"defaultedgetype="directed""#),
    ] {
        let doc = ok(&diplograph(&[
            "render",
            "examples/corpus",
            "--format",
            format,
            "--quiet",
        ]));
        assert!(doc.contains(directed), "{format}: not directed");
        let edges: Vec<&str> = doc
            .split("<edge ")
            .skip(1)
            .map(|e| &e[..e.find("</edge>").unwrap()])
            .collect();
        let invited: Vec<&&str> = edges
            .iter()
            .filter(|e| e.contains(r#""invited""#) || e.contains(">invited<"))
            .collect();
        assert_eq!(invited.len(), 2, "{format}: {invited:?}");
        for e in invited {
            assert!(
                e.contains(r#"source="country:PE""#),
                "{format}: an invitation not from the invitee: {e}"
            );
        }
        // a meeting is written both ways, the way back with the id `eNr`
        let met = edges
            .iter()
            .filter(|e| e.contains(r#""met""#) || e.contains(">met<"))
            .count();
        let back = edges
            .iter()
            .filter(|e| e.contains(r#""met""#) || e.contains(">met<"))
            .filter(|e| e.starts_with("id=\"e") && e.split('"').nth(1).unwrap().ends_with('r'))
            .count();
        assert_eq!((met, back), (12, 6), "{format}");
    }
}

/// A meetings JSON in which ICESCO's partners are invited to join and some
/// join: in time, too early, in another capacity, on a date that is only a
/// year, a month, or a day without a year.
fn invitations_and_memberships(dir: &Path) -> std::path::PathBuf {
    let (icesco, coalition) = ("org:icesco", "initiative:coalition");
    let meeting = |id: &str,
                   date: Value,
                   other: &str,
                   inv: &[(&str, &str, &str)],
                   mem: &[(&str, &str, &str)]| {
        json!({
            "id": id, "doc": format!("{id}.txt"), "lang": "en", "date": date,
            "headline": format!("ICESCO receives the Ambassador of {other}"),
            "place": "Rabat", "mode": "in_person", "parties": [icesco, other],
            "participants": [], "attendees": [], "topics": ["education"],
            "invitations": inv.iter().map(|(a, b, c)| json!({"invitee": a, "target": b, "capacity": c})).collect::<Vec<_>>(),
            "memberships": mem.iter().map(|(a, b, c)| json!({"member": a, "of": b, "capacity": c})).collect::<Vec<_>>(),
            "evidence": [{"doc": format!("{id}.txt"), "start": 0, "end": 20,
                          "text": format!("The Director-General received the Ambassador of {other}.")}]
        })
    };
    let meetings = vec![
        meeting(
            "m-1",
            json!("2021-03-10"),
            "country:AA",
            &[
                ("country:AA", icesco, "observer"),
                ("country:BB", coalition, "member"),
                ("country:CC", coalition, "member"),
                ("country:DD", coalition, "member"),
                ("country:EE", icesco, "observer"),
                ("country:FF", coalition, "member"),
                ("country:HH", coalition, "member"),
            ],
            &[],
        ),
        // joined three months later
        meeting(
            "m-2",
            json!("2021-06"),
            "country:AA",
            &[],
            &[("country:AA", icesco, "observer")],
        ),
        // joined the year before: still pending
        meeting(
            "m-3",
            json!("2020"),
            "country:BB",
            &[],
            &[("country:BB", coalition, "member")],
        ),
        // in the year of the invitation, in its month, on a day of no year: joined
        meeting(
            "m-4",
            json!("2021"),
            "country:CC",
            &[],
            &[("country:CC", coalition, "member")],
        ),
        meeting(
            "m-5",
            json!("2021-03"),
            "country:DD",
            &[],
            &[
                ("country:DD", coalition, "member"),
                ("country:EE", icesco, "member"),
            ],
        ),
        meeting(
            "m-8",
            json!("--09-01"),
            "country:HH",
            &[],
            &[("country:HH", coalition, "member")],
        ),
        // an undated invitation; one joined long ago
        meeting(
            "m-6",
            Value::Null,
            "country:FF",
            &[
                ("country:FF", coalition, "member"),
                ("country:GG", coalition, "member"),
            ],
            &[],
        ),
        meeting(
            "m-7",
            json!("2019"),
            "country:GG",
            &[],
            &[("country:GG", coalition, "member")],
        ),
    ];
    let mut entities = vec![
        json!({"id": icesco, "kind": "organization", "name": "ICESCO", "aliases": []}),
        json!({"id": coalition, "kind": "initiative", "name": "Global Humanitarian Coalition", "aliases": []}),
    ];
    for code in ["AA", "BB", "CC", "DD", "EE", "FF", "GG", "HH"] {
        entities.push(json!({"id": format!("country:{code}"), "kind": "country", "name": format!("Republic {code}"), "aliases": []}));
    }
    let path = dir.join("invitations.json");
    std::fs::write(
        &path,
        json!({"meetings": meetings, "entities": entities}).to_string(),
    )
    .unwrap();
    path
}

#[test]
fn a_cypher_database_finds_the_pending_invitations() {
    let dir = tempfile::tempdir().unwrap();
    let input = invitations_and_memberships(dir.path());
    let input = input.to_str().unwrap();
    let neo4j = dir.path().join("neo4j");
    ok(&diplograph(&[
        "render",
        input,
        "--format",
        "neo4j",
        "-o",
        neo4j.to_str().unwrap(),
    ]));
    let pending = ok(&diplograph(&[
        "invitations",
        input,
        "--pending",
        "--format",
        "json",
    ]));
    let records: Value = serde_json::from_str(&pending).unwrap();
    let ids: Vec<(&str, u64)> = records
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["invitee"]["id"].as_str().unwrap(),
                r["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [("country:BB", 1), ("country:EE", 1), ("country:FF", 2)]
    );
    if has_kuzu() {
        let file = dir.path().join("pending.json");
        std::fs::write(&file, &pending).unwrap();
        let out = kuzu_check(&neo4j, &["--pending", file.to_str().unwrap()]);
        assert!(out.contains("gives the 3 pending invitations"), "{out}");
    }
}

#[test]
fn pictures_without_graphviz_name_the_package() {
    let o = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["render", "examples/corpus", "--format", "svg", "--quiet"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("apt-get install graphviz"), "{err}");
    // build still writes everything else, with a note
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["build", "examples/corpus", "--quiet", "-o"])
        .arg(dir.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("note: no graph.svg or graph.png") && err.contains("graphviz"),
        "{err}"
    );
    assert!(dir.path().join("graph.gexf").is_file());
    assert!(!dir.path().join("graph.svg").exists());
}
