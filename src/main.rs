//! The diplograph command line: parses arguments, calls the library, prints.

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use diplograph::{corpus::Corpus, extract::Extractor, gazetteer::Gazetteer};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "diplograph",
    version,
    about = "Press releases in, relationship graph out"
)]
struct Cli {
    /// Extra gazetteer files (TOML, see README) merged into the built-in one.
    #[arg(long, global = true)]
    gazetteer: Vec<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract meetings, invitations and memberships from articles.
    Meetings {
        /// Files or folders of articles (.txt, .md, .html).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Jsonl,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let mut gazetteer = Gazetteer::builtin()?;
    for g in &cli.gazetteer {
        gazetteer.extend_from_file(g)?;
    }
    let extractor = Extractor::new(gazetteer);
    match cli.command {
        Command::Meetings { paths, format } => {
            let corpus = Corpus::load(&paths);
            let extraction = extractor.extract(&corpus);
            match format {
                Format::Json | Format::Table => {
                    println!("{}", serde_json::to_string_pretty(&extraction)?)
                }
                Format::Jsonl => {
                    for m in &extraction.meetings {
                        println!("{}", serde_json::to_string(m)?);
                    }
                }
            }
        }
    }
    Ok(())
}
