//! A load test of `diplograph serve` on loopback, run by `.ci/run` (it is
//! ignored by a plain `cargo test`): `REQUESTS` requests for the page, its
//! script and `/graph.json`, from `CLIENTS` concurrent clients, each request
//! on a new connection as the server closes every one. Bounded in count and
//! in time (no request is started after `MAX_TIME`). Fails on any error
//! (a refused connection, a status other than 200, a short body) and on
//! resident memory growing with the requests; prints the errors, p50, p99,
//! requests per second and the memory.
//!
//! ```sh
//! cargo test --release --test load -- --ignored --nocapture
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const REQUESTS: usize = 20_000;
const CLIENTS: usize = 8;
const MAX_TIME: Duration = Duration::from_secs(15);
const PATHS: [&str; 3] = ["/", "/app.js", "/graph.json"];

/// The server process, killed when the test ends, whatever its outcome.
struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One GET on a new connection: `Ok(())` for a 200 with its whole body.
fn fetch(addr: &str, path: &str) -> Result<(), String> {
    let mut s = TcpStream::connect(addr).map_err(|e| format!("connect: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").map_err(|e| format!("send: {e}"))?;
    let mut answer = Vec::new();
    s.read_to_end(&mut answer)
        .map_err(|e| format!("receive: {e}"))?;
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no head")?;
    let head = String::from_utf8_lossy(&answer[..split]);
    if !head.starts_with("HTTP/1.1 200 OK\r\n") {
        return Err(format!(
            "{path}: {}",
            head.lines().next().unwrap_or_default()
        ));
    }
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|n| n.parse().ok())
        .ok_or("no Content-Length")?;
    let body = answer.len() - split - 4;
    if body != length {
        return Err(format!("{path}: {body} bytes of {length}"));
    }
    Ok(())
}

/// Resident memory of process `pid` in kB (Linux), `None` elsewhere.
fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

#[test]
#[ignore = "a load test: run by .ci/run with --ignored"]
fn serve_answers_every_request_under_load() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(["serve", "examples/corpus", "--port", "0", "--quiet"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let serving = Serving(child);
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the URL line");
    let addr = line
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://"))
        .map(|a| a.trim_end_matches('/').to_owned())
        .unwrap_or_else(|| panic!("no URL in {line:?}"));

    // Warm up (and measure memory once the server has answered).
    for path in PATHS {
        fetch(&addr, path).unwrap_or_else(|e| panic!("warm-up: {e}"));
    }
    let pid = serving.0.id();
    let rss_before = rss_kb(pid);

    let start = Instant::now();
    let per_client = REQUESTS / CLIENTS;
    let results: Vec<(Vec<Duration>, Vec<String>)> = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let addr = addr.as_str();
                scope.spawn(move || {
                    let (mut times, mut errors) = (Vec::with_capacity(per_client), Vec::new());
                    for i in 0..per_client {
                        if start.elapsed() > MAX_TIME {
                            break;
                        }
                        let path = PATHS[(c + i) % PATHS.len()];
                        let t = Instant::now();
                        match fetch(addr, path) {
                            Ok(()) => times.push(t.elapsed()),
                            Err(e) => errors.push(e),
                        }
                    }
                    (times, errors)
                })
            })
            .collect();
        clients
            .into_iter()
            .map(|c| c.join().expect("a client thread"))
            .collect()
    });
    let elapsed = start.elapsed();
    let rss_after = rss_kb(pid);

    let mut times: Vec<Duration> = results.iter().flat_map(|(t, _)| t.clone()).collect();
    let errors: Vec<&String> = results.iter().flat_map(|(_, e)| e).collect();
    times.sort();
    let done = times.len() + errors.len();
    println!(
        "load: {done} requests over {CLIENTS} clients in {elapsed:.2?}: {} errors, \
         p50 {:.2?}, p99 {:.2?}, {:.0} requests/s; server RSS {} kB before, {} kB after",
        errors.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        done as f64 / elapsed.as_secs_f64(),
        rss_before.map_or("?".into(), |k| k.to_string()),
        rss_after.map_or("?".into(), |k| k.to_string()),
    );
    assert!(
        errors.is_empty(),
        "errors: {:?}",
        &errors[..errors.len().min(10)]
    );
    assert!(
        done >= REQUESTS / 10,
        "only {done} requests in {MAX_TIME:?}"
    );
    if let (Some(before), Some(after)) = (rss_before, rss_after) {
        assert!(
            after < 2 * before + 16 * 1024,
            "resident memory grew from {before} kB to {after} kB"
        );
    }
}
