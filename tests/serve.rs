//! `diplograph serve` as a user runs it: port 0, the URL on stdout, the page
//! and the graph of the articles over loopback HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// The server process, killed when the test ends, whatever its outcome.
struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> (String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(answer[..split].to_vec()).unwrap();
    (head, answer[split + 4..].to_vec())
}

#[test]
fn serve_prints_its_url_and_serves_the_page_and_the_graph() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["serve", "examples/corpus", "--port", "0", "--quiet"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let _serving = Serving(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no loopback URL in {line:?}"));
    let addr = url.trim_start_matches("http://").trim_end_matches('/');

    let (head, page) = get(addr, "/");
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
    assert!(head.contains("Content-Type: text/html; charset=utf-8"));
    assert!(
        String::from_utf8(page)
            .unwrap()
            .contains("<script src=\"app.js\">")
    );

    let (head, body) = get(addr, "/graph.json");
    assert!(head.contains("Content-Type: application/json"), "{head}");
    let graph: serde_json::Value = serde_json::from_slice(&body).unwrap();
    // The same counts as the line the server printed.
    let nodes = graph["nodes"].as_array().unwrap().len();
    let links = graph["links"].as_array().unwrap().len();
    assert!(
        line.contains(&format!("serving {nodes} nodes and {links} links")),
        "{line}"
    );
    assert!(
        graph["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "org:icesco" && n["centrality"]["pagerank"].is_f64())
    );

    let (head, _) = get(addr, "/../Cargo.toml");
    assert!(head.starts_with("HTTP/1.1 404 Not Found"), "{head}");
}
