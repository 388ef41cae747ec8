//! The diplograph command line: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 on success; 1 on an error or when `eval --min-f1` is not
//! met; 2 when some input file was skipped (after all output is printed);
//! clap's own code for usage errors.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use diplograph::corpus::{Corpus, Outcome};
use diplograph::eval::{self, Gold};
use diplograph::extract::Extractor;
use diplograph::gazetteer::Gazetteer;
use diplograph::model::Extraction;
use diplograph::render::{report, table};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "diplograph",
    version,
    about = "Press releases in, relationship graph out"
)]
struct Cli {
    /// Extra gazetteer files (TOML, see README) merged into the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Do not print the run report on stderr.
    #[arg(long, short, global = true)]
    quiet: bool,
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
    /// Extract meetings and score them against a gold file.
    Eval {
        /// Files or folders of articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The gold file (format: see README).
        #[arg(long, value_name = "GOLD.json")]
        gold: PathBuf,
        /// Exit with 1 when the meeting F1 is below this (0 to 1).
        #[arg(long, value_name = "X", value_parser = fraction)]
        min_f1: Option<f64>,
        #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
        format: EvalFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalFormat {
    Text,
    Json,
}

fn fraction(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a number between 0 and 1")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("diplograph: error: {}", message(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes, each cause once: library errors already
/// include their source in their message.
fn message(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let c = cause.to_string();
        if !text.ends_with(&c) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&c);
        }
    }
    text
}

/// Output piped into `head` that stops reading is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let mut gazetteer = Gazetteer::builtin().context("the built-in gazetteer is broken")?;
    for g in &cli.gazetteer {
        gazetteer
            .extend_from_file(g)
            .context("cannot load a gazetteer file")?;
    }
    let hub = gazetteer.entry(gazetteer.hub()).id.clone();
    let extractor = Extractor::new(gazetteer);
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Meetings { paths, format } => {
            let corpus = Corpus::load(&paths);
            let extraction = extractor.extract(&corpus);
            print_meetings(&mut out, &extraction, format, &hub)?;
            out.flush()?;
            Ok(finish(&corpus, &extraction, cli.quiet))
        }
        Command::Eval {
            paths,
            gold,
            min_f1,
            format,
        } => {
            let gold = Gold::load(&gold).context("cannot load the gold file")?;
            let corpus = Corpus::load(&paths);
            let extraction = extractor.extract(&corpus);
            let evaluation = eval::score(&gold, &extraction, extractor.gazetteer());
            match format {
                EvalFormat::Text => write!(out, "{}", report::evaluation(&evaluation))?,
                EvalFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &evaluation)?;
                    writeln!(out)?;
                }
            }
            out.flush()?;
            let code = finish(&corpus, &extraction, cli.quiet);
            let f1 = evaluation.scores.meeting_f1;
            match min_f1 {
                Some(min) if f1 + 1e-9 < min => {
                    eprintln!("diplograph: meeting_f1 {f1:.3} is below --min-f1 {min}");
                    Ok(ExitCode::FAILURE)
                }
                _ => Ok(code),
            }
        }
    }
}

fn print_meetings(
    out: &mut impl Write,
    extraction: &Extraction,
    format: Format,
    hub: &str,
) -> Result<()> {
    match format {
        Format::Table => {
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(120);
            write!(out, "{}", table::meetings(extraction, hub, width))?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, extraction)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for m in &extraction.meetings {
                serde_json::to_writer(&mut *out, m)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

/// Prints the run report (unless quiet) and gives the exit code: 2 when a
/// file was skipped.
fn finish(corpus: &Corpus, extraction: &Extraction, quiet: bool) -> ExitCode {
    if !quiet {
        eprint!("{}", report::run(&corpus.report, extraction.meetings.len()));
    }
    let skipped = corpus
        .report
        .files
        .iter()
        .any(|f| matches!(f.outcome, Outcome::Skipped { .. }));
    if skipped {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
