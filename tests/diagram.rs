//! The partnership diagram as a user gets it: `render --format dot|svg` and
//! `build`, with and without `--people`, on articles written for this test
//! (ICESCO meets Japan's ambassador twice and Senegal's minister once).

mod common;

use common::diplograph;
use std::path::Path;
use std::process::Output;

const ARTICLES: [(&str, &str); 3] = [
    (
        "japan-march.txt",
        "ICESCO and Japan discuss cooperation in science\n\n\
         Rabat, 14 March 2023 - Dr. Salim M. AlMalik, Director-General of the Islamic World \
         Educational, Scientific and Cultural Organization (ICESCO), received on Tuesday Mr. \
         Kenji Hamada, Ambassador of Japan to the Kingdom of Morocco, at the Organization's \
         headquarters in Rabat. The two sides discussed cooperation in science and education.\n",
    ),
    (
        "japan-october.txt",
        "ICESCO Director-General meets Japanese Ambassador again\n\n\
         Rabat, 2 October 2023 - Dr. Salim M. AlMalik, Director-General of ICESCO, received Mr. \
         Kenji Hamada, Ambassador of Japan to Morocco, to follow up on their joint programmes in \
         culture and heritage.\n",
    ),
    (
        "senegal.txt",
        "ICESCO receives the Minister of Culture of Senegal\n\n\
         Rabat, 5 May 2023 - Dr. Salim M. AlMalik, Director-General of ICESCO, received Mrs. Awa \
         Ndiaye, Minister of Culture of Senegal, at the headquarters of the Organization in Rabat. \
         They discussed heritage preservation.\n",
    ),
];

fn articles(dir: &Path) -> String {
    let folder = dir.join("articles");
    std::fs::create_dir(&folder).unwrap();
    for (name, text) in ARTICLES {
        std::fs::write(folder.join(name), text).unwrap();
    }
    folder.to_str().unwrap().to_string()
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

fn has_dot() -> bool {
    let found = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("NOTICE: Graphviz `dot` is not installed; the SVG is not checked");
    }
    found
}

#[test]
fn render_draws_one_edge_per_partner_around_the_hub() {
    let dir = tempfile::tempdir().unwrap();
    let input = articles(dir.path());
    let text = ok(&diplograph(&[
        "render", &input, "--format", "dot", "--quiet",
    ]));
    assert!(
        text.contains(r#"layout="twopi" root="org:icesco""#),
        "{text}"
    );
    let edges: Vec<&str> = text.lines().filter(|l| l.contains(" -- ")).collect();
    assert_eq!(edges.len(), 2, "{text}");
    assert!(edges[0].starts_with(r#"  "org:icesco" -- "country:JP""#));
    assert!(
        edges[0].contains(r#"penwidth="1.83""#) && edges[0].contains("2 meetings\\n2023-03-14")
    );
    assert!(edges[1].contains(r#"penwidth="1.00""#));
    assert!(!text.contains("person:"), "people are hidden by default");
    if has_dot() {
        let svg = ok(&diplograph(&[
            "render", &input, "--format", "svg", "--quiet",
        ]));
        // the meetings are tooltips, not labels drawn on the edges
        assert!(
            svg.contains(
                r#"<a xlink:title="2 meetings&#10;2023&#45;03&#45;14: education, science"#
            )
        );
        assert!(!svg.contains(">2023&#45;03&#45;14<"));
        assert!(
            svg.contains("> met (width: 1 to 2 meetings)</text>"),
            "the legend"
        );
    }
}

#[test]
fn people_are_drawn_with_the_flag_in_render_and_build() {
    let dir = tempfile::tempdir().unwrap();
    let input = articles(dir.path());
    let text = ok(&diplograph(&[
        "render", &input, "--format", "dot", "--people", "--quiet",
    ]));
    // the ambassador of both meetings: one node, one edge to Japan
    assert_eq!(
        text.matches(r#""country:JP" -- "person:"#).count(),
        1,
        "{text}"
    );
    assert_eq!(text.matches(r#""org:icesco" -- "person:"#).count(), 1);
    assert!(text.contains("represents\\nAmbassador of Japan to"));
    for people in [false, true] {
        let out = dir.path().join(format!("out-{people}"));
        let mut args = vec!["build", &input, "-o", out.to_str().unwrap(), "--quiet"];
        if people {
            args.push("--people");
        }
        ok(&diplograph(&args));
        let drawn = std::fs::read_to_string(out.join("graph.dot")).unwrap();
        assert_eq!(drawn.contains("person:"), people, "{drawn}");
        // the other formats keep everyone either way
        let json = std::fs::read_to_string(out.join("graph.node-link.json")).unwrap();
        assert!(json.contains("\"person:"));
    }
}
