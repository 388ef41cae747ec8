//! Helpers the integration tests share: running the real binary, with or
//! without a deadline. Each test crate uses the ones it needs.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The standard output of a run, as text (lossy: a test of hostile bytes
/// still reads it).
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The standard error of a run, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The standard output of a run, parsed as JSON.
pub fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr: {}",
            stdout(o),
            stderr(o)
        )
    })
}

/// True when the meetings JSON `out` has a meeting with `party` from a
/// document whose name ends with `doc`.
pub fn has_meeting(out: &serde_json::Value, doc: &str, party: &str) -> bool {
    out["meetings"].as_array().into_iter().flatten().any(|m| {
        m["doc"].as_str().is_some_and(|d| d.ends_with(doc))
            && m["parties"]
                .as_array()
                .is_some_and(|p| p.iter().any(|x| x == party))
    })
}

/// Runs the binary in the crate's folder, `COLUMNS` unset.
pub fn diplograph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLUMNS")
        .output()
        .expect("the binary runs")
}

/// Runs the binary in the crate's folder with `input` on standard input
/// and the `env` variables set (`COLUMNS` unset unless given).
pub fn diplograph_with(args: &[&str], input: &[u8], env: &[(&str, &str)]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLUMNS")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // A command that reads no input closes the pipe early: not an error.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("output")
}

/// Runs the binary in `dir`; fails instead of hanging past `secs` seconds.
pub fn run_within(dir: &Path, args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplograph"))
        .args(args)
        .current_dir(dir)
        .env_remove("COLUMNS")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed().as_secs() >= secs {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}
