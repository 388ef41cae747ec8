//! `diplograph serve` as a user runs it: port 0, the URL on stdout, the page
//! and the graph of the articles over loopback HTTP.

use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The server process, killed when the test ends, whatever its outcome.
struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Sends `request` raw, returns all the server sent before closing.
fn exchange(addr: &str, request: &[u8]) -> Vec<u8> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(request).unwrap();
    let mut answer = Vec::new();
    s.read_to_end(&mut answer).unwrap();
    answer
}

fn get(addr: &str, path: &str) -> (String, Vec<u8>) {
    let answer = exchange(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
    );
    let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(answer[..split].to_vec()).unwrap();
    (head, answer[split + 4..].to_vec())
}

/// The status line of the answer to `request`.
fn status(addr: &str, request: &[u8]) -> String {
    let answer = exchange(addr, request);
    let end = answer
        .windows(2)
        .position(|w| w == b"\r\n")
        .unwrap_or(answer.len());
    String::from_utf8_lossy(&answer[..end]).into_owned()
}

/// Starts `diplograph serve examples/corpus --port 0`: the process, its
/// address and the line it printed.
fn serve() -> (Serving, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["serve", "examples/corpus", "--port", "0", "--quiet"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let serving = Serving(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no loopback URL in {line:?}"));
    let addr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned();
    (serving, addr, line)
}

#[test]
fn serve_prints_its_url_and_serves_the_page_and_the_graph() {
    let (_serving, addr, line) = serve();
    let addr = addr.as_str();

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
    // the partners' engagement, as `diplograph partners` scores it; the
    // hub is marked and has none
    let nodes = graph["nodes"].as_array().unwrap();
    let hub = nodes.iter().find(|n| n["id"] == "org:icesco").unwrap();
    assert_eq!(
        (&hub["hub"], &hub["engagement"]),
        (&json!(true), &json!(null)),
        "{hub}"
    );
    let no = nodes.iter().find(|n| n["id"] == "country:NO").unwrap();
    assert!(no["engagement"].as_f64().unwrap() > 0.0, "{no}");
    assert_eq!(no["hub"], json!(false));

    // the second view: the partners without the hub
    let (head, body) = get(addr, "/partners.json");
    assert!(head.contains("Content-Type: application/json"), "{head}");
    let partners: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(partners["hub"], "org:icesco");
    assert_eq!(partners["hubs"], json!(["org:icesco"]));
    let ids: Vec<&str> = partners["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"country:NO") && !ids.contains(&"org:icesco"),
        "{ids:?}"
    );
    assert!(partners["links"].is_array());

    let (head, _) = get(addr, "/../Cargo.toml");
    assert!(head.starts_with("HTTP/1.1 404 Not Found"), "{head}");
}

#[test]
fn serve_answers_only_to_loopback_names_with_its_port() {
    let (_serving, addr, _) = serve();
    let port = addr.rsplit_once(':').unwrap().1;
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let request = format!("GET /graph.json HTTP/1.1\r\nHost: {host}\r\n\r\n");
        assert_eq!(
            status(&addr, request.as_bytes()),
            "HTTP/1.1 200 OK",
            "{host}"
        );
    }
    // DNS rebinding: a page of attacker.example whose name now points at
    // 127.0.0.1 sends its own name.
    for host in [
        format!("attacker.example:{port}"),
        "attacker.example".to_owned(),
        format!("localhost:{}", port.parse::<u16>().unwrap() ^ 1),
    ] {
        let request = format!("GET /graph.json HTTP/1.1\r\nHost: {host}\r\n\r\n");
        let answer = exchange(&addr, request.as_bytes());
        let text = String::from_utf8_lossy(&answer);
        assert!(
            text.starts_with("HTTP/1.1 421 Misdirected Request\r\n"),
            "{host}: {text}"
        );
        assert!(!text.contains("\"nodes\""), "{host}: the graph leaked");
    }
    let none = status(&addr, b"GET /graph.json HTTP/1.1\r\n\r\n");
    assert_eq!(none, "HTTP/1.1 400 Bad Request");
    let two = format!("GET / HTTP/1.1\r\nHost: {addr}\r\nHost: {addr}\r\n\r\n");
    assert_eq!(status(&addr, two.as_bytes()), "HTTP/1.1 400 Bad Request");
}

#[test]
fn serve_answers_malformed_request_lines_400() {
    let (_serving, addr, _) = serve();
    let host = format!("Host: {addr}\r\n\r\n");
    for line in [
        &b"GET / HTTP/1.9\r\n"[..],
        b"GET / HTTP/1.1garbage\r\n",
        b"GET / HTTP/2.0\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\n",
        b"G\xc9T / HTTP/1.1\r\n",
        b"GET / HTTP/1.1 extra\r\n",
        b"GET  / HTTP/1.1\r\n",
        b"GET /\r\n",
    ] {
        let mut request = line.to_vec();
        request.extend_from_slice(host.as_bytes());
        assert_eq!(
            status(&addr, &request),
            "HTTP/1.1 400 Bad Request",
            "{}",
            String::from_utf8_lossy(line)
        );
    }
    // Well formed, for comparison: HTTP/1.0 and a non-ASCII (UTF-8) path.
    let ok = format!("GET / HTTP/1.0\r\n{host}");
    assert_eq!(status(&addr, ok.as_bytes()), "HTTP/1.1 200 OK");
    let accented = format!("GET /caf\u{e9} HTTP/1.1\r\n{host}");
    assert_eq!(status(&addr, accented.as_bytes()), "HTTP/1.1 404 Not Found");
}

#[test]
fn serve_answers_the_first_of_pipelined_requests_then_closes() {
    let (_serving, addr, _) = serve();
    let one = |path: &str| format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    let pipelined = [one("/style.css"), one("/graph.json"), one("/app.js")].concat();
    let answer = String::from_utf8(exchange(&addr, pipelined.as_bytes())).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer:.80}");
    assert!(answer.contains("\r\nConnection: close\r\n"));
    assert!(answer.contains("Content-Type: text/css"));
    assert_eq!(answer.matches("HTTP/1.1 ").count(), 1, "one response only");
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    assert!(head.contains(&format!("\r\nContent-Length: {}\r\n", body.len())));
}

/// The number of threads of process `pid`.
#[cfg(target_os = "linux")]
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn serve_keeps_its_threads_and_its_service_under_100_idle_connections() {
    let (serving, addr, _) = serve();
    let pid = serving.0.id();
    assert_eq!(get(&addr, "/").0.lines().next(), Some("HTTP/1.1 200 OK"));
    let before = threads(pid);
    let idle: Vec<TcpStream> = (0..100)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(threads(pid), before, "a thread per connection");
    drop(idle);
    // Then everything is answered again, and the server is still there.
    let answered = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        get(&addr, "/graph.json").0.starts_with("HTTP/1.1 200 OK")
    });
    assert!(answered);
    assert_eq!(threads(pid), before);
}
