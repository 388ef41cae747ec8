//! Hostile text in names, roles and headlines (quotes, backslashes,
//! `<script>`, bidirectional marks, zero-width and control characters)
//! comes out intact in JSON and escaped in the table.

use serde_json::Value;
use std::process::{Command, Output};

const HEADLINE: &str =
    "ICESCO \"Receives\" \\ <script>alert('x')</script> \u{202e}Envoy\u{200b} of \u{200f}Belgium";

fn article() -> String {
    format!(
        "{HEADLINE}\n\n\
         Dr. Salim M. AlMalik, Director-General of ICESCO, received Mr. Jo\u{200b}hn O\"Sm\u{202e}ith\\, \
         Ambassador of Belgium <script>alert(1)</script> to the Kingdom of Morocco.\n"
    )
}

fn run(args: &[&str]) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("hostile.txt"), article()).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .arg("hostile.txt")
        .current_dir(dir.path())
        .env("COLUMNS", "300")
        .output()
        .expect("the binary runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (o, dir)
}

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[test]
fn json_keeps_hostile_text_exactly() {
    let (o, _dir) = run(&["meetings", "--format", "json", "--quiet"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let meetings = v["meetings"].as_array().expect("meetings");
    assert_eq!(meetings.len(), 1, "{v:#}");
    let m = &meetings[0];
    assert_eq!(m["headline"].as_str(), Some(HEADLINE));
    assert!(
        m["parties"]
            .as_array()
            .is_some_and(|p| p.iter().any(|x| x == "country:BE"))
    );
    let text = article();
    for e in m["evidence"].as_array().expect("evidence") {
        let (s, t) = (
            e["start"].as_u64().unwrap_or(0),
            e["end"].as_u64().unwrap_or(0),
        );
        assert_eq!(text.get(s as usize..t as usize), e["text"].as_str());
    }
    // JSON lines: one object per line, whatever the text holds.
    let (o, _dir) = run(&["meetings", "--format", "jsonl", "--quiet"]);
    let lines: Vec<&[u8]> = o
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 1);
    let line: Value = serde_json::from_slice(lines[0]).expect("a JSON line");
    assert_eq!(line["headline"].as_str(), Some(HEADLINE));
}

#[test]
fn table_escapes_invisible_and_bidi_characters() {
    let (o, _dir) = run(&["meetings", "--quiet"]);
    let table = String::from_utf8(o.stdout).expect("UTF-8");
    for c in table.chars() {
        let hidden = matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
            || (c.is_control() && c != '\n');
        assert!(!hidden, "raw {c:?} in the table:\n{table}");
    }
    // The person and the role are there, their hidden characters spelled out.
    let (json, _dir) = run(&["meetings", "--format", "json", "--quiet"]);
    let v: Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    let mut all = Vec::new();
    strings(&v["entities"], &mut all);
    let person = all
        .iter()
        .find(|s| s.contains("Jo\u{200b}hn"))
        .expect("the person");
    let escaped = diplograph::render::table::escape(person);
    assert!(escaped.contains("\\u{200b}"));
    assert!(
        table.contains("Jo\\u{200b}hn"),
        "person not shown escaped:\n{table}"
    );
}
