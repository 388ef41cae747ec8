//! The command line as a terminal user meets it: exit codes, articles on
//! standard input, help with examples, completions and man pages, and the
//! tables (width, order, counts).

mod common;
use common::{diplograph, diplograph_with, json, stderr, stdout};

/// A press release of our own: one meeting with Peru.
const PERU: &str = "ICESCO welcomes the Ambassador of Peru\n\n\
    Rabat, 13 May 2024 - Dr. Salim M. AlMalik, Director-General of ICESCO, received \
    Ms. Lucía Quispe, Ambassador of Peru to the Kingdom of Morocco, at the Organization \
    headquarters in Rabat.\n";

/// Another: one meeting with Chile, two months later.
const CHILE: &str = "ICESCO and Chile discuss cultural cooperation\n\n\
    Rabat, 16 July 2024 - Dr. Salim M. AlMalik, Director-General of ICESCO, received \
    Mr. Tomás Araya, Ambassador of Chile to the Kingdom of Morocco, at the Organization \
    headquarters in Rabat.\n";

#[test]
fn exit_codes_are_0_success_1_skipped_2_usage_or_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("peru.txt"), PERU).unwrap();
    let news = corpus.to_str().unwrap();
    let ok = diplograph(&["meetings", news, "--format", "json"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));

    // 1: a file skipped, every output still printed.
    std::fs::write(corpus.join("logo.txt"), b"\x89PNG\0\0\0binary").unwrap();
    let skipped = diplograph(&["meetings", news, "--format", "json"]);
    assert_eq!(skipped.status.code(), Some(1), "{}", stderr(&skipped));
    assert_eq!(json(&skipped)["meetings"].as_array().unwrap().len(), 1);
    assert!(stderr(&skipped).contains("logo.txt: binary file"));

    // 2: usage and input errors, each named.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let missing = dir.path().join("missing.toml");
    let missing = missing.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["meetings", news, "--format", "xml"],
            "invalid value 'xml'",
        ),
        (
            vec!["meetings", news, "--since", "2024-02-30"],
            "2024-02-30",
        ),
        (vec!["meetings", news, "--lexicon", missing], "missing.toml"),
        (
            vec!["meetings", news, "--gazetteer", missing],
            "missing.toml",
        ),
        (
            vec!["invitations", news, "--members", missing],
            "missing.toml",
        ),
        (vec!["eval", news, "--gold", missing], "missing.toml"),
        (
            vec!["meetings", empty.to_str().unwrap()],
            "no article could be read",
        ),
        (
            vec!["centrality", empty.to_str().unwrap()],
            "no article could be read",
        ),
        (vec!["neighbors", "Atlantis", news], "unknown entity"),
    ];
    for (args, message) in cases {
        let o = diplograph(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }

    // The codes are in the help.
    let help = stdout(&diplograph(&["--help"]));
    let status = &help[help.find("Exit status:").expect("an exit status section")..];
    for code in ["  0  ", "  1  ", "  2  "] {
        assert!(status.contains(code), "{status}");
    }
}

#[test]
fn a_dash_reads_one_article_from_standard_input() {
    let o = diplograph_with(&["meetings", "-", "--format", "json"], PERU.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = &json(&o)["meetings"][0];
    assert_eq!(m["doc"], "-");
    assert_eq!(m["evidence"][0]["doc"], "-");
    assert!(
        m["parties"]
            .as_array()
            .unwrap()
            .contains(&"country:PE".into())
    );
    assert!(stderr(&o).starts_with("1 file read, 1 news item, 1 meeting extracted"));

    // An HTML page on standard input is read as HTML.
    let page = format!(
        "<!DOCTYPE html>\n<html><body><h1>ICESCO welcomes the Ambassador of Peru</h1>\
         <p>{}</p><script>var x = 'Chile';</script></body></html>",
        PERU.lines().nth(2).unwrap()
    );
    let o = diplograph_with(&["meetings", "-", "--format", "json"], page.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = &json(&o)["meetings"][0];
    assert_eq!(m["headline"], "ICESCO welcomes the Ambassador of Peru");
    assert!(!stdout(&o).contains("var x"));

    // With files, and for the graph commands too.
    let o = diplograph_with(
        &["timeline", "-", "examples/corpus", "--format", "json", "-q"],
        PERU.as_bytes(),
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let total: u64 = json(&o)["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b[1]["meetings"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 7, "six meetings of the examples and Peru's");

    // Nothing on standard input: skipped as an empty file, nothing read.
    let o = diplograph_with(&["meetings", "-"], b"", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("skipped -: empty file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_command_has_examples_and_the_global_options_apart() {
    let commands = [
        "meetings",
        "candidates",
        "eval",
        "build",
        "render",
        "invitations",
        "centrality",
        "timeline",
        "neighbors",
        "path",
        "serve",
        "completions",
        "man",
    ];
    for command in commands {
        let o = diplograph(&[command, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{command}");
        let help = stdout(&o);
        let examples = help.find("\nExamples:\n").expect(command);
        assert!(
            help[examples..].contains(&format!("  diplograph {command} ")),
            "{command}: {help}"
        );
        let own = help.find("\nOptions:\n").expect(command);
        let global = help.find("\nGlobal options:\n").expect(command);
        assert!(own < global && global < examples, "{command}: {help}");
        assert!(
            !help[own..global].contains("--lexicon"),
            "{command}: {help}"
        );
        for option in ["--lexicon", "--gazetteer", "--weights", "--quiet"] {
            assert!(help[global..examples].contains(option), "{command}: {help}");
        }
    }
}

#[test]
fn completions_for_each_shell_and_man_pages() {
    for (shell, marker) in [
        ("bash", "_diplograph()"),
        ("zsh", "#compdef diplograph"),
        ("fish", "complete -c diplograph"),
        ("elvish", "edit:completion:arg-completer[diplograph]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = diplograph(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = stdout(&o);
        assert!(script.contains(marker), "{shell}");
        for word in ["invitations", "pending", "repeated", "lexicon"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
    }
    assert_eq!(diplograph(&["completions", "tcsh"]).status.code(), Some(2));

    let page = stdout(&diplograph(&["man"]));
    assert!(page.contains(".TH diplograph 1"), "{page}");
    for section in [
        ".SH SYNOPSIS",
        ".SH \"GLOBAL OPTIONS\"",
        ".SH SUBCOMMANDS",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "{section}");
    }
    let meetings = stdout(&diplograph(&["man", "meetings"]));
    assert!(meetings.contains(".TH diplograph-meetings 1"), "{meetings}");
    let examples = meetings
        .find(".SH EXAMPLES\n.nf\n")
        .expect("examples, lines kept");
    assert!(meetings[examples..].contains("diplograph meetings \\- < page.html"));
    let o = diplograph(&["man", "meeting"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no command \"meeting\""));
}

fn width(table: &str) -> usize {
    table.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn the_meetings_table_fits_columns_or_the_default_and_goes_by_date() {
    let at = |columns: &str| {
        let o = diplograph_with(
            &["meetings", "examples/corpus", "-q"],
            b"",
            &[("COLUMNS", columns)],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    let narrow = at("100");
    assert!(width(&narrow) <= 100, "{narrow}");
    // "artificial-intelligence" breaks after its hyphen, not inside a word.
    assert!(
        narrow
            .lines()
            .any(|l| l.trim_end().ends_with("artificial-")),
        "{narrow}"
    );
    // Standard output is no terminal here: the default width, 120.
    let default = stdout(&diplograph(&["meetings", "examples/corpus", "-q"]));
    assert_eq!(default, at("120"));
    assert!(width(&default) > 100, "{default}");
    let dates: Vec<&str> = default
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.starts_with("20"))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates.len(), 6);
    assert_eq!(dates, sorted);
}

#[test]
fn neighbors_timeline_and_centrality_count_right() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("peru.txt"), PERU).unwrap();
    std::fs::write(dir.path().join("chile.txt"), CHILE).unwrap();
    let news = dir.path().to_str().unwrap();

    let ego = stdout(&diplograph(&["neighbors", "Peru", news, "-q"]));
    assert!(
        ego.contains("1 meeting ") || ego.contains("1 meeting\n"),
        "{ego}"
    );
    assert!(!ego.contains("1 meetings"), "{ego}");
    // The long name of ICESCO does not push the counts out of line.
    let rows: Vec<&str> = ego.lines().filter(|l| l.contains("1 meeting")).collect();
    assert!(rows.len() >= 2, "{ego}");
    let column: Vec<Option<usize>> = rows
        .iter()
        .map(|l| l.find("1 meeting").map(|at| l[..at].chars().count()))
        .collect();
    assert!(column.windows(2).all(|w| w[0] == w[1]), "{ego}");

    let timeline = |by: &str| -> Vec<(String, u64)> {
        let o = diplograph(&["timeline", news, "--by", by, "--format", "json", "-q"]);
        json(&o)["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b[0].as_str().unwrap().to_string(),
                    b[1]["meetings"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let months = timeline("month");
    let labels: Vec<&str> = months.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["2024-05", "2024-06", "2024-07"], "{months:?}");
    assert_eq!(months[1].1, 0);
    let quarters = timeline("quarter");
    assert_eq!(
        quarters,
        [("2024-Q2".to_string(), 1), ("2024-Q3".to_string(), 1)]
    );
    let table = stdout(&diplograph(&["timeline", news, "--by", "month", "-q"]));
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["2024-06", "0"]),
        "{table}"
    );

    // The hub's "meetings" is its number of meetings, people included.
    let o = diplograph(&["centrality", news, "--people", "--format", "json", "-q"]);
    let rows = json(&o);
    let hub = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "org:icesco")
        .expect("the hub");
    assert_eq!(hub["meetings"], 2, "{hub}");
    assert!(hub["weighted_degree"].as_f64().unwrap() > 2.0, "{hub}");
    let table = stdout(&diplograph(&["centrality", news, "--people", "-q"]));
    let line = table
        .lines()
        .find(|l| l.starts_with("ICESCO"))
        .expect("ICESCO");
    assert_eq!(line.split_whitespace().nth(2), Some("2"), "{table}");
}
