//! Saved graphs and output files, through the real binary: a saved graph
//! given to any command is loaded (or refused), never read as an article;
//! no output replaces an input, a symbolic link, a FIFO or a device; no
//! temporary is left behind; pictures of an earlier build do not outlive a
//! build without Graphviz.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

mod common;
use common::{diplograph as run, json, stderr};

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// `build examples/corpus -o DIR/b`: the folder and its saved graph.
fn built() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("b");
    let o = run(&["build", "examples/corpus", "-q", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let graph = out.join("graph.json");
    (dir, graph)
}

/// What identifies a meeting and the facts the issue saw go wrong.
fn facts(meetings: &Value) -> Vec<String> {
    let mut v: Vec<String> = meetings
        .as_array()
        .expect("meetings")
        .iter()
        .map(|m| {
            format!(
                "{} {} {} {} {}",
                m["id"], m["date"], m["place"], m["mode"], m["parties"]
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_saved_graph_given_to_any_command_is_loaded_not_extracted() {
    let (dir, graph) = built();
    let saved: Value = serde_json::from_str(&fs::read_to_string(&graph).unwrap()).unwrap();
    assert!(facts(&saved["meetings"]).len() >= 5);

    // build from a saved graph gives the same graph
    let again = dir.path().join("c");
    let o = run(&["build", s(&graph), "-q", "-o", s(&again)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rebuilt: Value =
        serde_json::from_str(&fs::read_to_string(again.join("graph.json")).unwrap()).unwrap();
    assert_eq!(facts(&rebuilt["meetings"]), facts(&saved["meetings"]));

    // meetings of a saved graph are its meetings, with no run report
    let o = run(&["meetings", s(&graph), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(facts(&json(&o)["meetings"]), facts(&saved["meetings"]));
    assert_eq!(stderr(&o), "");

    // among other paths, a saved graph is refused and named
    for command in ["meetings", "build", "centrality", "render"] {
        let mut args = vec![command, "examples/corpus", s(&graph)];
        if command == "render" {
            args.extend(["--format", "dot"]);
        }
        if command == "build" {
            args.extend(["-o", s(dir.path())]);
        }
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{command}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains(&format!(
                "{} is a saved graph: give it alone",
                graph.display()
            )),
            "{command}: {err}"
        );
        assert!(o.stdout.is_empty(), "{command}");
    }

    // commands that read articles only refuse it
    let gold = "examples/corpus/gold.json";
    for args in [
        vec!["candidates", s(&graph)],
        vec!["eval", s(&graph), "--gold", gold],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.contains("is a saved graph") && err.contains("reads articles"),
            "{err}"
        );
    }
}

#[test]
fn a_saved_graph_under_another_name_is_skipped_not_extracted() {
    let (dir, graph) = built();
    let meetings_json = dir.path().join("meetings.txt");
    let o = run(&["meetings", "examples/corpus", "--format", "json", "-q"]);
    fs::write(&meetings_json, &o.stdout).unwrap();
    let renamed = dir.path().join("graph.txt");
    fs::copy(&graph, &renamed).unwrap();
    let skipped = |file: &Path| {
        format!(
            "skipped {}: a saved graph or meetings JSON, not an article",
            file.display()
        )
    };
    // Named alone: nothing to read, an error.
    for file in [&renamed, &meetings_json] {
        let o = run(&["meetings", s(file), "--format", "json"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(&skipped(file)), "{err}");
        assert!(o.stdout.is_empty(), "{err}");
    }
    // In a folder beside articles (a .txt is taken from folders): skipped,
    // the articles' meetings only.
    let o = run(&[
        "meetings",
        "examples/corpus",
        s(dir.path()),
        "--format",
        "json",
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for file in [&renamed, &meetings_json] {
        assert!(err.contains(&skipped(file)), "{err}");
    }
    let docs: Vec<String> = json(&o)["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["doc"].to_string())
        .collect();
    assert!(
        !docs.is_empty() && docs.iter().all(|d| d.contains("examples/corpus")),
        "{docs:?}"
    );
}

#[test]
fn render_json_into_a_folder_keeps_the_saved_graph() {
    let (_dir, graph) = built();
    let out = graph.parent().unwrap();
    let before = fs::read(&graph).unwrap();
    let o = run(&["render", s(&graph), "--format", "json", "-o", s(out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::read(&graph).unwrap(), before, "graph.json replaced");
    let node_link: Value =
        serde_json::from_str(&fs::read_to_string(out.join("graph.node-link.json")).unwrap())
            .unwrap();
    assert_eq!(node_link["multigraph"], true);
    let o = run(&["centrality", s(&graph), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn no_output_replaces_an_input() {
    let (dir, graph) = built();
    let out = graph.parent().unwrap();
    let before = fs::read(&graph).unwrap();
    let dot_before = fs::read(out.join("graph.dot")).unwrap();
    let article = dir.path().join("note.txt");
    fs::copy("examples/corpus/fr/azertac-depeche.txt", &article).unwrap();
    let article_before = fs::read(&article).unwrap();
    let gazetteer = dir.path().join("mine.toml");
    fs::write(&gazetteer, "[[place]]\nid = \"place:zaamin\"\n").unwrap();
    let gazetteer_before = fs::read(&gazetteer).unwrap();
    for args in [
        // build into the folder of the graph it reads
        vec!["build", s(&graph), "-o", s(out)],
        vec!["render", s(&graph), "--format", "dot", "-o", s(&graph)],
        vec!["render", s(&article), "--format", "dot", "-o", s(&article)],
        vec![
            "--gazetteer",
            s(&gazetteer),
            "render",
            s(&article),
            "--format",
            "gexf",
            "-o",
            s(&gazetteer),
        ],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("is an input of this run"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    assert_eq!(fs::read(&graph).unwrap(), before);
    assert_eq!(fs::read(out.join("graph.dot")).unwrap(), dot_before);
    assert_eq!(fs::read(&article).unwrap(), article_before);
    assert_eq!(fs::read(&gazetteer).unwrap(), gazetteer_before);
}

fn made(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn outputs_onto_links_fifos_and_devices_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.dot");
    fs::write(&real, "keep").unwrap();
    let link = dir.path().join("link.dot");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let fifo = dir.path().join("pipe.dot");
    assert!(made("mkfifo", &[s(&fifo)]), "mkfifo");
    let mut targets = vec![(link.clone(), "a symbolic link"), (fifo.clone(), "a FIFO")];
    // A device of our own (the null device's numbers), never a real one.
    let device = dir.path().join("null.dot");
    if made("mknod", &[s(&device), "c", "1", "3"]) {
        targets.push((device.clone(), "a character device"));
    } else {
        eprintln!("mknod not permitted: the device case is not checked");
    }
    for (target, kind) in &targets {
        let o = run(&[
            "render",
            "examples/corpus",
            "-q",
            "--format",
            "dot",
            "-o",
            s(target),
        ]);
        assert_eq!(o.status.code(), Some(2), "{target:?}");
        let err = stderr(&o);
        assert!(
            err.contains(&format!("is {kind}: diplograph writes only regular files")),
            "{err}"
        );
        let still = fs::symlink_metadata(target).unwrap().file_type();
        assert!(
            !still.is_file(),
            "{target:?} was replaced by a regular file"
        );
    }
    assert_eq!(fs::read(&real).unwrap(), b"keep");

    // build refuses before writing anything
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(&real, out.join("graph.dot")).unwrap();
    let o = run(&["build", "examples/corpus", "-q", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("graph.dot is a symbolic link"),
        "{}",
        stderr(&o)
    );
    assert!(
        !out.join("graph.json").exists(),
        "build wrote before refusing"
    );
    assert_eq!(fs::read(&real).unwrap(), b"keep");
}

/// Temporaries (`.NAME.RANDOM.tmp`) in a folder, recursively.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .map(|e| e.into_path())
        .collect()
}

#[cfg(target_os = "linux")]
/// True once the process catches SIGINT (bit 2 of `SigCgt` in its status).
fn catches_sigint(pid: u32) -> bool {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigCgt:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & 0b10 != 0)
}

#[cfg(target_os = "linux")]
#[test]
fn an_interrupted_build_leaves_no_temporary_and_says_so_by_its_code() {
    let dir = tempfile::tempdir().unwrap();
    // A corpus that takes a while: the examples, many times over.
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let page = fs::read_to_string("examples/corpus/en/icesco-news.txt").unwrap();
    for i in 0..400 {
        fs::write(corpus.join(format!("{i:03}.txt")), &page).unwrap();
    }
    let out = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["build", s(&corpus), "-q", "-o", s(&out)])
        .spawn()
        .unwrap();
    let pid = child.id();
    let start = std::time::Instant::now();
    while !catches_sigint(pid) {
        assert!(
            start.elapsed().as_secs() < 20,
            "the process never handles SIGINT"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(made("kill", &["-INT", &pid.to_string()]), "kill -INT");
    let status = child.wait().unwrap();
    // 130 = 128 + SIGINT; 0 if the build finished first.
    assert!(
        matches!(status.code(), Some(130 | 0)),
        "ended by the signal, not by the handler: {status:?}"
    );
    assert!(
        temporaries(dir.path()).is_empty(),
        "{:?}",
        temporaries(dir.path())
    );
}

#[test]
fn a_build_without_graphviz_removes_the_pictures_of_an_earlier_one() {
    let (_dir, graph) = built();
    let out = graph.parent().unwrap();
    // Whatever the first build wrote, pictures of an earlier graph are there.
    fs::write(out.join("graph.svg"), "<svg>old</svg>").unwrap();
    fs::write(out.join("graph.png"), "old").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["build", "examples/corpus", "--quiet", "-o", s(out)])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("removed graph.svg of an earlier run")
            && err.contains("removed graph.png of an earlier run"),
        "{err}"
    );
    assert!(!out.join("graph.svg").exists() && !out.join("graph.png").exists());
    assert!(out.join("graph.dot").is_file());
}

#[test]
fn a_saved_graph_with_a_dangling_id_is_an_error_naming_it() {
    let (_dir, graph) = built();
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&graph).unwrap()).unwrap();
    v["entities"]
        .as_array_mut()
        .unwrap()
        .retain(|e| e["id"] != "country:PE");
    fs::write(&graph, v.to_string()).unwrap();
    for command in ["centrality", "invitations", "meetings"] {
        let o = run(&[command, s(&graph)]);
        assert_eq!(o.status.code(), Some(2), "{command}");
        let err = stderr(&o);
        assert!(
            err.contains("party country:PE is defined by no entity"),
            "{command}: {err}"
        );
        assert!(o.stdout.is_empty(), "{command}");
    }
}

#[test]
fn every_kind_of_dangling_id_and_a_repeated_meeting_or_entity_are_errors() {
    type Edit = fn(&mut Value);
    let cases: &[(&str, Edit, &str)] = &[
        (
            "person",
            |v| v["meetings"][0]["participants"][0]["person"] = "person:nobody".into(),
            "person person:nobody is defined by no entity",
        ),
        (
            "represented",
            |v| v["meetings"][0]["participants"][0]["represents"] = "org:nobody".into(),
            "represented org:nobody is defined by no entity",
        ),
        (
            "hub",
            |v| v["hub"] = "org:nobody".into(),
            "hub org:nobody is defined by no entity",
        ),
        (
            "invitation",
            |v| {
                v["meetings"][0]["invitations"] = serde_json::json!([
                    {"invitee": "country:QQ", "target": "org:icesco", "capacity": "observer"}
                ])
            },
            "invitee country:QQ is defined by no entity",
        ),
        (
            "entity twice",
            |v| {
                let first = v["entities"][0].clone();
                v["entities"].as_array_mut().unwrap().push(first);
            },
            "is defined twice",
        ),
        (
            "meeting twice",
            |v| {
                let first = v["meetings"][0].clone();
                v["meetings"].as_array_mut().unwrap().push(first);
            },
            "is given twice (its facts would count twice)",
        ),
    ];
    let (_dir, graph) = built();
    let saved: Value = serde_json::from_str(&fs::read_to_string(&graph).unwrap()).unwrap();
    for (name, edit, message) in cases {
        let mut v = saved.clone();
        edit(&mut v);
        fs::write(&graph, v.to_string()).unwrap();
        for command in ["meetings", "centrality"] {
            let o = run(&[command, s(&graph)]);
            assert_eq!(o.status.code(), Some(2), "{name}, {command}");
            let err = stderr(&o);
            assert!(err.contains(message), "{name}, {command}: {err}");
            assert!(o.stdout.is_empty(), "{name}, {command}");
        }
    }
}
