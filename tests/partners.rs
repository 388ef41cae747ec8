//! `diplograph partners` and `centrality --without-hub` through the binary,
//! on a saved graph written here (so that the numbers do not move with
//! extraction) and on the example corpus.

mod common;

use common::{diplograph, stderr, stdout};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn run_json(args: &[&str]) -> Value {
    let o = diplograph(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

fn person(id: &str, role: Option<&str>, of: &str) -> Value {
    json!({"person": id, "role": role, "represents": of})
}

fn meeting(id: &str, date: &str, place: &str, parties: &[&str], people: Vec<Value>) -> Value {
    let doc = format!("en/{id}.txt");
    json!({
        "id": id, "doc": doc, "headline": null, "lang": "en", "date": date, "place": place,
        "mode": "in_person", "parties": parties, "participants": people, "attendees": [],
        "topics": ["culture"], "invitations": [], "memberships": [],
        "evidence": [{"doc": doc, "start": 0, "end": 10,
            "text": format!("The Director-General received the delegation ({id}).")}],
    })
}

/// Five meetings and an announcement: Senegal's minister (2024-03-12, the
/// latest date) and ambassador (2023-03-10); Azerbaijan's president and
/// Türkiye's minister in Baku on one day; the OIC and Pakistan at one
/// meeting in Jeddah (2022-06-01); Portugal invited, never met.
fn graph(dir: &Path) -> PathBuf {
    let dg = || {
        person(
            "person:dg",
            Some("Director-General of ICESCO"),
            "org:icesco",
        )
    };
    let entity = |id: &str, kind: &str, name: &str| json!({"id": id, "kind": kind, "name": name});
    let mut oic = meeting(
        "m-oic",
        "2022-06-01",
        "Jeddah",
        &["org:icesco", "org:oic", "country:PK"],
        vec![
            dg(),
            person(
                "person:taha",
                Some("Secretary-General of the OIC"),
                "org:oic",
            ),
        ],
    );
    oic["topics"] = json!(["education", "culture"]);
    let doc = json!({
        "meetings": [
            meeting("m-sn-1", "2024-03-12", "Rabat", &["org:icesco", "country:SN"], vec![dg(),
                person("person:ndiaye", Some("Minister of Culture and Historical Heritage of the Republic of Senegal"), "country:SN")]),
            meeting("m-sn-2", "2023-03-10", "Rabat", &["org:icesco", "country:SN"], vec![dg(),
                person("person:fall", Some("ambassadeur du Sénégal auprès du Royaume du Maroc"), "country:SN")]),
            meeting("m-az", "2023-11-20", "Baku", &["org:icesco", "country:AZ"], vec![dg(),
                person("person:aliyev", Some("President of the Republic of Azerbaijan"), "country:AZ")]),
            meeting("m-tr", "2023-11-20", "Baku", &["org:icesco", "country:TR"], vec![dg(),
                person("person:tekin", Some("Minister of National Education of Türkiye"), "country:TR")]),
            oic,
        ],
        "announcements": [{
            "id": "a-pt", "doc": "en/portugal.txt", "headline": null, "lang": "en", "date": "2024-01-05",
            "invitations": [{"invitee": "country:PT", "target": "org:icesco", "capacity": "observer"}],
            "memberships": [],
        }],
        "entities": [
            {"id": "org:icesco", "kind": "organization", "name": "Islamic World Educational, Scientific and Cultural Organization", "acronym": "ICESCO"},
            {"id": "org:oic", "kind": "organization", "name": "Organisation of Islamic Cooperation", "acronym": "OIC"},
            entity("country:SN", "country", "Senegal"),
            entity("country:AZ", "country", "Azerbaijan"),
            entity("country:TR", "country", "Türkiye"),
            entity("country:PK", "country", "Pakistan"),
            entity("country:PT", "country", "Portugal"),
            entity("person:dg", "person", "Salim M. AlMalik"),
            entity("person:taha", "person", "Hissein Brahim Taha"),
            entity("person:ndiaye", "person", "Aminata Ndiaye"),
            entity("person:fall", "person", "Ousmane Fall"),
            entity("person:aliyev", "person", "Ilham Aliyev"),
            entity("person:tekin", "person", "Yusuf Tekin"),
        ],
    });
    let path = dir.join("graph.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).unwrap()).unwrap();
    path
}

fn ids(partners: &Value) -> Vec<&str> {
    partners["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect()
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

#[test]
fn partners_json_scores_by_office_and_recency() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let p = run_json(&["partners", g.to_str().unwrap(), "--format", "json"]);
    assert_eq!(p["now"], "2024-03-12");
    assert_eq!(p["half_life_months"], 12.0);
    assert_eq!(
        ids(&p),
        [
            "country:SN",
            "country:AZ",
            "country:TR",
            "country:PT",
            "org:oic",
            "country:PK"
        ]
    );
    let sn = &p["partners"][0];
    assert_eq!(sn["meetings"], 2);
    assert_eq!(
        (sn["first"].as_str(), sn["last"].as_str()),
        (Some("2023-03-10"), Some("2024-03-12"))
    );
    assert_eq!(sn["highest_office"], "minister");
    // minister now (4) + ambassador 368 days before (3 × 2^(-368/365.2425))
    assert!(close(&sn["engagement"], 5.492_170_841_685_194), "{sn}");
    assert_eq!(sn["history"][1]["office"], "ambassador_or_envoy");
    assert_eq!(sn["documents"], json!(["en/m-sn-1.txt", "en/m-sn-2.txt"]));
    let az = &p["partners"][1];
    assert_eq!(az["highest_office"], "head_of_state_or_government");
    assert!(close(&az["engagement"], 4.034_932_679_275_388), "{az}");
    let pt = &p["partners"][3];
    assert_eq!(
        (pt["meetings"].as_u64(), pt["engagement"].as_f64()),
        (Some(0), Some(1.0))
    );
    assert!(pt["highest_office"].is_null());
    assert_eq!(pt["invitations"][0]["outcome"], "pending");
    assert_eq!(pt["documents"], json!(["en/portugal.txt"]));
    let oic = &p["partners"][4];
    assert_eq!(oic["highest_office"], "head_of_organization");
    assert_eq!(oic["topics"][0], json!({"topic": "culture", "meetings": 1}));
}

#[test]
fn dormant_as_of_and_half_life() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let g = g.to_str().unwrap();
    let dormant = run_json(&["partners", g, "--dormant", "12", "--format", "json"]);
    assert_eq!(ids(&dormant), ["org:oic", "country:PK"]);
    let then = run_json(&[
        "partners",
        g,
        "--as-of",
        "2023-12-31",
        "--half-life",
        "6",
        "--format",
        "json",
    ]);
    assert_eq!(then["now"], "2023-12-31");
    let sn = &then["partners"].as_array().unwrap();
    let sn = sn.iter().find(|p| p["id"] == "country:SN").unwrap();
    // The minister's meeting of 2024 is after "now": only the ambassador's,
    // 296 days before, with a half-life of 6 months.
    assert_eq!(sn["meetings"], 1);
    assert!(close(&sn["engagement"], 0.975_437_642_423_706_1), "{sn}");
    assert!(!ids(&then).contains(&"country:PT"), "invited after 2023");
}

#[test]
fn partners_table_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let o = diplograph(&["partners", g.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.contains("Senegal"), "{table}");
    insta::assert_snapshot!("partners_table", table);
}

#[test]
fn links_and_centrality_without_the_hub() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let g = g.to_str().unwrap();
    let links = run_json(&["partners", g, "--links", "--format", "json"]);
    let pairs: Vec<(&str, &str, &str)> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["source"].as_str().unwrap(),
                l["target"].as_str().unwrap(),
                l["evidence"][0]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("country:AZ", "country:TR", "same_event"),
            ("country:PK", "org:oic", "joint_meeting")
        ]
    );
    assert_eq!(links[0]["evidence"][0]["place"], "Baku");
    let table = stdout(&diplograph(&["partners", g, "--links"]));
    assert!(
        table.contains(
            "Azerbaijan -- Türkiye (1)\n  same event on 2023-11-20 in Baku: m-az, m-tr\n"
        ),
        "{table}"
    );
    let without = run_json(&["centrality", g, "--without-hub", "--format", "json"]);
    let rows = without.as_array().unwrap();
    assert!(rows.iter().all(|r| r["id"] != "org:icesco"));
    // Senegal and Portugal: no meeting or initiative links them to another.
    assert_eq!(rows.len(), 5);
    let sn = rows.iter().find(|r| r["id"] == "country:SN").unwrap();
    assert_eq!(sn["degree"], 0.0);
    let az = rows.iter().find(|r| r["id"] == "country:AZ").unwrap();
    assert_eq!(az["degree"], 0.25);
    let with_hub = run_json(&["centrality", g, "--format", "json"]);
    assert!(
        with_hub
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "org:icesco")
    );
}

#[test]
fn node_link_json_carries_the_same_engagement() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let g = g.to_str().unwrap();
    let p = run_json(&["partners", g, "--format", "json"]);
    let v = run_json(&["render", g, "--format", "json"]);
    for partner in p["partners"].as_array().unwrap() {
        let node = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == partner["id"])
            .unwrap();
        assert_eq!(node["engagement"], partner["engagement"]);
        assert_eq!(node["meetings"], partner["meetings"]);
        assert_eq!(node["last_meeting"], partner["last"]);
        assert_eq!(node["highest_office"], partner["highest_office"]);
    }
}

#[test]
fn office_files_extend_the_words_and_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph(dir.path());
    let g = g.to_str().unwrap();
    let words = dir.path().join("offices.toml");
    std::fs::write(
        &words,
        "[head_of_state_or_government]\nwords = [\"Secretary-General\"]\n",
    )
    .unwrap();
    let p = run_json(&[
        "partners",
        g,
        "--offices",
        words.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let oic = p["partners"].as_array().unwrap();
    let oic = oic.iter().find(|x| x["id"] == "org:oic").unwrap();
    assert_eq!(oic["highest_office"], "head_of_state_or_government");
    std::fs::write(&words, "[minister]\nweight = \"high\"\n").unwrap();
    let o = diplograph(&["partners", g, "--offices", words.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a bad data file is an input error"
    );
    let err = stderr(&o);
    assert!(
        err.contains("cannot load an office file") && err.contains("offices.toml"),
        "{err}"
    );
}

#[test]
fn bad_half_lives_dates_and_combinations_are_usage_errors() {
    for args in [
        &["partners", "examples/corpus", "--half-life", "0"][..],
        &["partners", "examples/corpus", "--half-life", "soon"],
        &["partners", "examples/corpus", "--as-of", "2024-02"],
        &["partners", "examples/corpus", "--as-of", "2023-02-29"],
        &["partners", "examples/corpus", "--links", "--dormant", "6"],
        &["centrality", "examples/corpus", "--without-hub", "--people"],
    ] {
        let o = diplograph(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn partners_of_the_example_corpus() {
    let p = run_json(&["partners", "examples/corpus", "-q", "--format", "json"]);
    let list = p["partners"].as_array().unwrap();
    assert!(list.len() >= 4, "{p}");
    assert!(list.iter().all(|x| x["id"] != "org:icesco"));
    let scores: Vec<f64> = list
        .iter()
        .map(|x| x["engagement"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(list.iter().any(|x| x["id"] == "country:PE"), "{p}");
}

#[test]
fn partners_met_at_one_named_event_on_different_days() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        (
            "jordan.txt",
            "Riyadh, 10 May 2025 - On the sidelines of the 13th Islamic Conference of Culture \
             Ministers, held in Riyadh, the Director-General of ICESCO, Dr. Salim M. AlMalik, met \
             Mr. Karim Said, Minister of Culture of Jordan.\n",
        ),
        (
            "mali.txt",
            "Riyadh, 11 May 2025 - On the sidelines of the 13th Islamic Conference of Culture \
             Ministers, the Director-General of ICESCO, Dr. Salim M. AlMalik, held talks with Ms. \
             Amina Diallo, Minister of Culture of Mali.\n",
        ),
    ];
    for (name, text) in articles {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let corpus = dir.path().to_str().unwrap();
    let meetings = run_json(&["meetings", corpus, "--format", "json"]);
    for m in meetings["meetings"].as_array().unwrap() {
        assert_eq!(
            m["occasion"]["name"], "13th Islamic Conference of Culture Ministers",
            "{m}"
        );
        let evidence = m["occasion"]["evidence"]["text"].as_str().unwrap();
        assert!(
            evidence.contains("On the sidelines of the 13th"),
            "{evidence}"
        );
    }
    let links = run_json(&["partners", corpus, "--links", "--format", "json"]);
    assert_eq!(links.as_array().unwrap().len(), 1, "{links}");
    assert_eq!(
        (&links[0]["source"], &links[0]["target"]),
        (&json!("country:JO"), &json!("country:ML"))
    );
    assert_eq!(links[0]["evidence"][0]["kind"], "same_occasion");
    assert_eq!(
        links[0]["evidence"][0]["occasion"],
        "13th Islamic Conference of Culture Ministers"
    );
}
