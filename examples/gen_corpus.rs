//! Writes a large generated corpus for measurements:
//! `cargo run --release --example gen_corpus -- DIR MEGABYTES [SEED]`.
//! See `benches/support/corpus_gen.rs` for what the files hold.

#[path = "../benches/support/corpus_gen.rs"]
mod corpus_gen;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(mb)) = (
        args.first(),
        args.get(1).and_then(|m| m.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: gen_corpus DIR MEGABYTES [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    match corpus_gen::write(&PathBuf::from(dir), mb * 1_000_000, seed) {
        Ok(files) => {
            println!("{} files, {mb} MB in {dir}", files.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}
