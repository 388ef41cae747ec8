//! The diplograph command line: parses arguments, calls the library, prints.
//!
//! Exit codes ([`EXIT_STATUS`], shown by `--help` and the man page): 0 on
//! success; 1 when something was skipped (an article file, after all
//! output is printed) or `eval --min-f1` was missed; 2 for usage and input
//! errors (clap's, the date bounds and topic checked before anything is
//! read, and every error of the run); 128 + N when signal N ended the run.

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use diplograph::analysis::{
    self, CentralityOptions, Granularity, LinkOptions, MemberStates, Offices, PartnerOptions,
};
use diplograph::corpus::{self, Outcome};
use diplograph::eval::{self, Gold};
use diplograph::extract::{Extractor, Lexicon, Weights};
use diplograph::files;
use diplograph::gazetteer::Gazetteer;
use diplograph::graph::{Filter, MeetingGraph, Source};
use diplograph::model::Extraction;
use diplograph::model::{EntityKind, PartialDate};
use diplograph::render::graph::{self as graph_formats, DotOptions, GraphView, Image};
use diplograph::render::{self as render, report, table};
use diplograph::serve::{Server, Site};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit code: something was skipped (a file, a threshold), output printed.
const SKIPPED: u8 = 1;
/// Exit code: a usage or input error stopped the command.
const ERROR: u8 = 2;

/// The exit codes, for `--help` and the man page.
const EXIT_STATUS: &str = "\
Exit status:
  0      success
  1      something was skipped: an article file that could not be read (the
         run report on stderr names it and why; all output is printed), or
         eval --min-f1 not reached
  2      usage or input error: a bad option or value, an impossible date, an
         unknown topic or entity, an unreadable or malformed gazetteer,
         lexicon, weights, member list, gold file or saved graph, no
         readable article, an output that would replace an input; also what
         the machine refuses (a port in use, Graphviz missing)
  128+N  ended by signal N, temporaries removed";

/// The heading of the options every subcommand takes.
const GLOBAL: &str = "Global options";

#[derive(Parser)]
#[command(
    name = "diplograph",
    version,
    about = "Press releases in, relationship graph out",
    after_help = EXIT_STATUS
)]
struct Cli {
    /// Extra gazetteer files (TOML, see README) merged into the built-in one.
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    gazetteer: Vec<PathBuf>,
    /// Extra lexicon files (TOML, same lists as data/lexicon/*.toml) appended to the built-in words.
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    lexicon: Vec<PathBuf>,
    /// The publishing organization (an id, name or acronym of the gazetteer):
    /// the hub of every document whose text names no other publisher.
    /// Default: the gazetteer's `hub = true` entry (ICESCO).
    #[arg(long, global = true, value_name = "ENTITY", help_heading = GLOBAL)]
    hub: Option<String>,
    /// Do not print the run report (nor the progress bar) on stderr.
    #[arg(long, short, global = true, help_heading = GLOBAL)]
    quiet: bool,
    /// Counterpart weights (TOML, as data/weights.toml) instead of the built-in ones.
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    weights: Option<PathBuf>,
    /// Skip article files larger than this many megabytes.
    #[arg(
        long,
        global = true,
        value_name = "MB",
        default_value_t = 64,
        help_heading = GLOBAL
    )]
    max_file_size: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract meetings, invitations and memberships from articles.
    #[command(after_help = "\
Examples:
  diplograph meetings news/                        a table fitted to the terminal
  diplograph meetings news/ --format json          the JSON of the output contract
  diplograph meetings news/ --with Japon --since 2021
  diplograph meetings - < page.html                one article from standard input")]
    Meetings {
        /// Files or folders of articles (.txt, .md, .html); `-` reads one
        /// article from standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        filters: Filters,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Counterpart candidates of every news item with their features and
    /// probability, one JSON object per line (read by scripts/fit_weights.py).
    #[command(after_help = "\
Examples:
  diplograph candidates news/ > candidates.jsonl
  diplograph candidates news/a.txt | grep '\"kept\":false'")]
    Candidates {
        /// Files or folders of articles; `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Extract meetings and score them against a gold file (all of them:
    /// eval takes no filters).
    #[command(after_help = "\
Examples:
  diplograph eval news/ --gold news/gold.json
  diplograph eval news/ --gold news/gold.json --min-f1 0.9   exit 1 below 0.9
  diplograph eval news/ --gold news/gold.json --format json")]
    Eval {
        /// Files or folders of articles; `-` for standard input.
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
    /// Extract once and save the graph (DIR/graph.json) and every format of `render`.
    #[command(after_help = "\
Examples:
  diplograph build news/ -o output
  diplograph build news/ -o output/countries --kind country --since 2020")]
    Build {
        /// Files or folders of articles (`-` for standard input), or one saved graph.json.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output folder.
        #[arg(short, long, default_value = "output")]
        output: PathBuf,
        /// Draw people in the DOT, SVG and PNG diagram.
        #[arg(long)]
        people: bool,
        #[command(flatten)]
        filters: Filters,
    },
    /// The graph as DOT, SVG, PNG (Graphviz), node-link JSON, GraphML, GEXF or Neo4j CSV.
    #[command(after_help = "\
Examples:
  diplograph render output/graph.json --format svg -o graph.svg   needs Graphviz
  diplograph render news/ --format graphml -o output/
  diplograph render output/graph.json --format neo4j -o neo4j/")]
    Render {
        /// Files or folders of articles (`-` for standard input), or one saved graph.json.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: GraphFormat,
        /// Output file, or folder (then DIR/graph.EXT); for neo4j a folder
        /// (default neo4j/). Default: standard output.
        #[arg(short, long, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
        /// Draw people in the DOT, SVG and PNG diagram.
        #[arg(long)]
        people: bool,
        #[command(flatten)]
        filters: Filters,
    },
    /// Invitations per invitee and target: first, last, count, joined or pending.
    #[command(after_help = "\
Examples:
  diplograph invitations output/graph.json --pending
  diplograph invitations output/graph.json --pending --repeated   invited twice or more, not joined
  diplograph invitations output/graph.json --conversion --format json")]
    Invitations {
        #[command(flatten)]
        input: Input,
        /// Only the invitations not followed by a membership (with
        /// --repeated: invited twice or more and still not joined).
        #[arg(long, conflicts_with = "conversion")]
        pending: bool,
        /// Only the invitations reported by two meetings or more.
        #[arg(long, conflicts_with = "conversion")]
        repeated: bool,
        /// Per target: invited, joined and the conversion rate.
        #[arg(long)]
        conversion: bool,
        /// Extra reference lists of member states (TOML, see README),
        /// merged into the built-in one.
        #[arg(long, value_name = "FILE")]
        members: Vec<PathBuf>,
    },
    /// Partner centrality: degree, meetings, betweenness, closeness, eigenvector, PageRank.
    #[command(after_help = "\
Examples:
  diplograph centrality output/graph.json --top 10
  diplograph centrality output/graph.json --people --format json")]
    Centrality {
        #[command(flatten)]
        input: Input,
        /// Include people, not only states and organizations.
        #[arg(long)]
        people: bool,
        /// On the partner graph without the hubs (partners linked by the same
        /// event, a joint meeting, a shared person or initiative; see
        /// `partners --links`), not the graph of meetings with the hubs;
        /// `meetings` is then each partner's meetings with a hub.
        #[arg(long, conflicts_with = "people")]
        without_hub: bool,
        /// Only the N most central (by PageRank).
        #[arg(long, value_name = "N")]
        top: Option<usize>,
    },
    /// Partner engagement: meetings, first and last, highest office met,
    /// topics, invitations, memberships, documents and a score.
    Partners {
        #[command(flatten)]
        input: Input,
        /// Half-life of a meeting's weight in the engagement score.
        #[arg(long, value_name = "MONTHS", default_value_t = analysis::DEFAULT_HALF_LIFE_MONTHS, value_parser = half_life)]
        half_life: f64,
        /// Only the partners whose last dated meeting is more than MONTHS before "now".
        #[arg(long, value_name = "MONTHS")]
        dormant: Option<u32>,
        /// "Now" for the scores (YYYY-MM-DD): default, the latest meeting
        /// date; meetings after it are left out.
        #[arg(long, value_name = "DATE", value_parser = full_date)]
        as_of: Option<chrono::NaiveDate>,
        /// Extra office words (TOML, as data/offices.toml), merged into the built-in ones.
        #[arg(long, value_name = "FILE")]
        offices: Vec<PathBuf>,
        /// The links between partners without the hubs, each with its evidence, instead.
        #[arg(long, conflicts_with_all = ["dormant", "as_of", "offices"])]
        links: bool,
    },
    /// Meetings per month, quarter or year, by counterpart kind and topic.
    #[command(after_help = "\
Examples:
  diplograph timeline output/graph.json --by quarter
  diplograph timeline output/graph.json --by year --kind organization")]
    Timeline {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = Period::Month)]
        by: Period,
    },
    /// An entity's neighbours and meetings.
    #[command(after_help = "\
Examples:
  diplograph neighbors Japon output/graph.json
  diplograph neighbors country:JP news/ --since 2021")]
    Neighbors {
        /// Entity id, name or alias.
        entity: String,
        #[command(flatten)]
        input: Input,
    },
    /// How two entities are connected.
    #[command(after_help = "\
Examples:
  diplograph path Japon Belgique output/graph.json")]
    Path {
        /// Entity id, name or alias.
        from: String,
        /// Entity id, name or alias.
        to: String,
        #[command(flatten)]
        input: Input,
    },
    /// Serve the interactive graph page and graph.json on 127.0.0.1.
    #[command(after_help = "\
Examples:
  diplograph serve output/graph.json                 http://127.0.0.1:8000/
  diplograph serve news/ --port 0 --with Japon       a free port, printed")]
    Serve {
        /// Files or folders of articles (`-` for standard input), or one saved graph.json.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Port on 127.0.0.1; 0 picks a free one (the URL is printed).
        #[arg(long, default_value_t = 8000)]
        port: u16,
        #[command(flatten)]
        filters: Filters,
    },
    /// Shell completions, on standard output.
    #[command(after_help = "\
Examples:
  diplograph completions bash > ~/.local/share/bash-completion/completions/diplograph
  diplograph completions zsh > ~/.zfunc/_diplograph
  diplograph completions fish > ~/.config/fish/completions/diplograph.fish")]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The man page (roff), on standard output: diplograph(1), or the page
    /// of one command.
    #[command(after_help = "\
Examples:
  diplograph man > diplograph.1 && man ./diplograph.1
  diplograph man meetings > diplograph-meetings.1")]
    Man {
        /// A command: its own page (diplograph-COMMAND(1)).
        command: Option<String>,
    },
}

impl Command {
    /// The command's filters, if it takes them.
    fn filters(&self) -> Option<&Filters> {
        match self {
            Command::Meetings { filters, .. }
            | Command::Build { filters, .. }
            | Command::Render { filters, .. }
            | Command::Serve { filters, .. } => Some(filters),
            Command::Invitations { input, .. }
            | Command::Centrality { input, .. }
            | Command::Partners { input, .. }
            | Command::Timeline { input, .. }
            | Command::Neighbors { input, .. }
            | Command::Path { input, .. } => Some(&input.filters),
            Command::Candidates { .. }
            | Command::Eval { .. }
            | Command::Completions { .. }
            | Command::Man { .. } => None,
        }
    }
}

/// Where a graph comes from: articles to extract, or a saved `graph.json`.
#[derive(clap::Args)]
struct Input {
    /// Files or folders of articles (`-` for standard input), or one saved graph.json.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    filters: Filters,
    #[arg(long, value_enum, default_value_t = Out::Table)]
    format: Out,
}

/// Which meetings a command looks at (every command takes these).
#[derive(clap::Args)]
struct Filters {
    /// Keep meetings on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = date)]
    since: Option<PartialDate>,
    /// Keep meetings on or before this date.
    #[arg(long, value_parser = date)]
    until: Option<PartialDate>,
    /// Keep meetings on this topic.
    #[arg(long)]
    topic: Option<String>,
    /// Keep meetings with a counterpart of this kind.
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// Keep meetings with this entity (id, name or alias, in either language).
    #[arg(long = "with", value_name = "ENTITY")]
    with_entity: Option<String>,
}

impl Filters {
    /// The usage errors clap cannot see: `--since` after `--until`, a topic
    /// outside the taxonomy.
    fn usage_error(&self, topics: &[String]) -> Option<(clap::error::ErrorKind, String)> {
        use clap::error::ErrorKind;
        if let (Some(since), Some(until)) = (&self.since, &self.until)
            && self.dates().dates_cross()
        {
            return Some((
                ErrorKind::ArgumentConflict,
                format!("--since {since} is after --until {until}: no meeting can pass"),
            ));
        }
        if let Some(topic) = &self.topic {
            let t = diplograph::text::fold(topic);
            if !topics.iter().any(|x| diplograph::text::fold(x) == t) {
                return Some((
                    ErrorKind::InvalidValue,
                    format!(
                        "unknown topic {topic:?}; the topics are: {}",
                        topics.join(", ")
                    ),
                ));
            }
        }
        None
    }

    /// The date bounds alone, as a library filter.
    fn dates(&self) -> Filter {
        Filter {
            since: self.since,
            until: self.until,
            ..Filter::default()
        }
    }

    /// The library filter, with `--with` resolved against the graph; says
    /// on stderr (unless `quiet`) how many meetings the dates leave out for
    /// want of a year.
    fn resolve(&self, graph: &MeetingGraph, known: &Gazetteer, quiet: bool) -> Result<Filter> {
        let undated = graph.undated_left_out(&self.dates());
        if undated > 0 && !quiet {
            let s = if undated == 1 { "" } else { "s" };
            eprintln!(
                "diplograph: note: the date filter left out {undated} meeting{s} without a known year"
            );
        }
        let with_entity = match &self.with_entity {
            Some(q) => Some(graph.resolve_known(q, known)?.id.clone()),
            None => None,
        };
        Ok(Filter {
            since: self.since,
            until: self.until,
            topic: self.topic.clone(),
            kind: self.kind.map(|k| match k {
                Kind::Country => EntityKind::Country,
                Kind::Organization => EntityKind::Organization,
                Kind::Person => EntityKind::Person,
            }),
            with_entity,
        })
    }

    fn is_set(&self) -> bool {
        self.since.is_some()
            || self.until.is_some()
            || self.topic.is_some()
            || self.kind.is_some()
            || self.with_entity.is_some()
    }

    /// The graph of the meetings that pass the filters.
    fn apply(&self, graph: MeetingGraph, known: &Gazetteer, quiet: bool) -> Result<MeetingGraph> {
        if !self.is_set() {
            return Ok(graph);
        }
        Ok(graph.subgraph(&self.resolve(&graph, known, quiet)?)?)
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Country,
    Organization,
    Person,
}

#[derive(Clone, Copy, ValueEnum)]
enum Out {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GraphFormat {
    Dot,
    Svg,
    Png,
    Json,
    Graphml,
    Gexf,
    Neo4j,
}

#[derive(Clone, Copy, ValueEnum)]
enum Period {
    Month,
    Quarter,
    Year,
}

/// A date bound: a date that exists, with its year.
fn date(s: &str) -> Result<PartialDate, String> {
    let d: PartialDate = s.parse()?;
    if d.year.is_none() {
        return Err(format!(
            "{s:?} has no year (a bound is YYYY, YYYY-MM or YYYY-MM-DD)"
        ));
    }
    Ok(d)
}

/// A half-life: a number of months above 0.
fn half_life(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 => Ok(x),
        _ => Err(format!("{s:?} is not a number of months above 0")),
    }
}

/// A full date (YYYY-MM-DD) that exists.
fn full_date(s: &str) -> Result<chrono::NaiveDate, String> {
    let d: PartialDate = s.parse()?;
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => chrono::NaiveDate::from_ymd_opt(y, m, day)
            .ok_or_else(|| format!("{s:?} is not a date that exists")),
        _ => Err(format!("{s:?} is not a full date (YYYY-MM-DD)")),
    }
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
    if let Err(e) = files::clean_up_on_signals() {
        eprintln!("diplograph: error: {e}");
        return ExitCode::from(ERROR);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("diplograph: error: {}", message(&e));
            ExitCode::from(ERROR)
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

/// Output piped into `head` that stops reading is not an error, whether the
/// write was ours or serde_json's (which wraps the I/O error).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = match c.downcast_ref::<serde_json::Error>() {
            Some(json) => json.io_error_kind(),
            None => c.downcast_ref::<std::io::Error>().map(std::io::Error::kind),
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the command with standard output behind one buffer, flushed at the
/// end, so that a failed write (a closed pipe) is an error here and not
/// lost in a drop.
fn run(cli: Cli) -> Result<ExitCode> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let code = execute(cli, &mut out)?;
    out.flush()?;
    Ok(code)
}

fn execute(cli: Cli, out: &mut impl Write) -> Result<ExitCode> {
    let lexicon = Lexicon::with_files(&cli.lexicon).context("cannot load a lexicon file")?;
    if let Some((kind, message)) = cli
        .command
        .filters()
        .and_then(|f| f.usage_error(&lexicon.topic_ids))
    {
        Cli::command().error(kind, message).exit();
    }
    let mut gazetteer = Gazetteer::builtin().context("the built-in gazetteer is broken")?;
    for g in &cli.gazetteer {
        gazetteer
            .extend_from_file(g, &|w| lexicon.is_function_word(w))
            .context("cannot load a gazetteer file")?;
    }
    if let Some(query) = &cli.hub {
        gazetteer
            .set_hub(query)
            .context("cannot use --hub as the publishing organization")?;
    }
    let hub = gazetteer.entry(gazetteer.hub()).id.clone();
    let mut extractor = Extractor::with_lexicon(gazetteer, lexicon);
    if let Some(w) = &cli.weights {
        extractor =
            extractor.with_weights(Weights::from_file(w).context("cannot load the weights file")?);
    }
    let limits = corpus::Limits {
        max_file_size: cli.max_file_size.saturating_mul(1024 * 1024),
    };
    let data_files: Vec<PathBuf> = cli
        .gazetteer
        .iter()
        .chain(&cli.lexicon)
        .chain(&cli.weights)
        .cloned()
        .collect();
    match cli.command {
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "diplograph", out);
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { command } => {
            man_page(command.as_deref(), out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Candidates { paths } => {
            articles_only(&paths, "candidates")?;
            let corpus = corpus::Corpus::load_with(&paths, &limits);
            require_articles(&paths, &corpus.report)?;
            for c in extractor.candidates(&corpus) {
                serde_json::to_writer(&mut *out, &c)?;
                writeln!(out)?;
            }
            Ok(finish(&corpus.report, &Extraction::default(), true))
        }
        Command::Meetings {
            paths,
            filters,
            format,
        } => {
            let (extraction, code) = match Source::of(&paths)? {
                Source::Graph(path) => {
                    let graph = MeetingGraph::load(path).context("cannot load the graph")?;
                    (
                        filters
                            .apply(graph, extractor.gazetteer(), cli.quiet)?
                            .extraction()
                            .clone(),
                        ExitCode::SUCCESS,
                    )
                }
                Source::Articles(paths) => {
                    let (extraction, files) = read_articles(&extractor, paths, &limits, cli.quiet);
                    let code = finish(&files, &extraction, cli.quiet);
                    require_articles(paths, &files)?;
                    let extraction = if filters.is_set() {
                        let graph = filters.apply(
                            MeetingGraph::from_merged(extraction)?,
                            extractor.gazetteer(),
                            cli.quiet,
                        )?;
                        graph.extraction().clone()
                    } else {
                        extraction
                    };
                    (extraction, code)
                }
            };
            print_meetings(out, &extraction, format, &hub)?;
            Ok(code)
        }
        Command::Eval {
            paths,
            gold,
            min_f1,
            format,
        } => {
            articles_only(&paths, "eval")?;
            let gold = Gold::load(&gold).context("cannot load the gold file")?;
            let (extraction, files) = read_articles(&extractor, &paths, &limits, cli.quiet);
            // The run report follows the output, or says why there is none.
            if let Err(e) = require_articles(&paths, &files) {
                finish(&files, &extraction, cli.quiet);
                return Err(e);
            }
            let evaluation = eval::score(&gold, &extraction, extractor.gazetteer());
            match format {
                EvalFormat::Text => write!(out, "{}", report::evaluation(&evaluation))?,
                EvalFormat::Json => {
                    serde_json::to_writer_pretty(&mut *out, &evaluation)?;
                    writeln!(out)?;
                }
            }
            // Before the run report and the verdict on stderr.
            out.flush()?;
            let code = finish(&files, &extraction, cli.quiet);
            let f1 = evaluation.scores.meeting_f1;
            match min_f1 {
                Some(min) if f1 + 1e-9 < min => {
                    eprintln!("diplograph: meeting_f1 {f1:.3} is below --min-f1 {min}");
                    Ok(ExitCode::from(SKIPPED))
                }
                _ => Ok(code),
            }
        }
        Command::Build {
            paths,
            output,
            people,
            filters,
        } => {
            let loaded = load_paths(&extractor, &paths, &limits, cli.quiet)?;
            let graph = filters.apply(loaded.graph, extractor.gazetteer(), cli.quiet)?;
            let file = output.join("graph.json");
            let mut targets = vec![file.clone()];
            targets.extend(graph_formats::files_of(&output));
            inputs(&data_files, &loaded.inputs).check_outputs(&targets)?;
            std::fs::create_dir_all(&output)
                .with_context(|| format!("cannot create {}", output.display()))?;
            graph.save(&file)?;
            writeln!(
                out,
                "{}: {} meetings, {} nodes, {} edges",
                file.display(),
                graph.meetings().len(),
                graph.node_count(),
                graph.edge_count()
            )?;
            let options = DotOptions { people };
            let written = graph_formats::write_all(&GraphView::new(&graph)?, &output, &options)?;
            for f in &written.files {
                writeln!(out, "{}", f.display())?;
            }
            if let Some(note) = written.note {
                out.flush()?;
                eprintln!("diplograph: note: {note}");
            }
            Ok(loaded.code)
        }
        Command::Render {
            paths,
            format,
            output,
            people,
            filters,
        } => {
            let loaded = load_paths(&extractor, &paths, &limits, cli.quiet)?;
            let (code, read) = (loaded.code, inputs(&data_files, &loaded.inputs));
            let graph = filters.apply(loaded.graph, extractor.gazetteer(), cli.quiet)?;
            let view = GraphView::new(&graph)?;
            let diagram = || graph_formats::dot(&view, &DotOptions { people });
            let (bytes, name) = match format {
                GraphFormat::Neo4j => {
                    let dir = output.unwrap_or_else(|| PathBuf::from("neo4j"));
                    read.check_outputs(&graph_formats::neo4j_files(&dir))?;
                    for f in graph_formats::write_neo4j(&view, &dir)? {
                        writeln!(out, "{}", f.display())?;
                    }
                    return Ok(code);
                }
                GraphFormat::Dot => (diagram().into_bytes(), "graph.dot"),
                GraphFormat::Svg => (
                    graph_formats::graphviz(&diagram(), Image::Svg)?,
                    "graph.svg",
                ),
                GraphFormat::Png => (
                    graph_formats::graphviz(&diagram(), Image::Png)?,
                    "graph.png",
                ),
                GraphFormat::Json => {
                    let mut v = Vec::new();
                    graph_formats::write_node_link(&view, &mut v)?;
                    (v, "graph.node-link.json")
                }
                GraphFormat::Graphml => {
                    (graph_formats::graphml(&view)?.into_bytes(), "graph.graphml")
                }
                GraphFormat::Gexf => (graph_formats::gexf(&view)?.into_bytes(), "graph.gexf"),
            };
            match output {
                Some(path) => {
                    let path = if path.is_dir() { path.join(name) } else { path };
                    read.check_outputs(std::slice::from_ref(&path))?;
                    files::write_atomic(&path, &bytes)?;
                }
                None if format == GraphFormat::Png && std::io::stdout().is_terminal() => {
                    anyhow::bail!("PNG is binary: give -o FILE or redirect the output");
                }
                None => {
                    out.write_all(&bytes)?;
                }
            }
            Ok(code)
        }
        Command::Invitations {
            input,
            pending,
            repeated,
            conversion,
            members,
        } => {
            let mut reference =
                MemberStates::builtin().context("the built-in member-state list is broken")?;
            let known = |id: &str| extractor.gazetteer().by_id(id).is_some();
            for file in &members {
                reference
                    .extend_from_file(file, &known)
                    .context("cannot load a member-state list")?;
            }
            let members = reference;
            let (graph, code) = load_graph(&extractor, &input, &limits, cli.quiet)?;
            let f = input
                .filters
                .resolve(&graph, extractor.gazetteer(), cli.quiet)?;
            if conversion {
                let rows = analysis::conversion_by_target(&graph, &f);
                emit(out, input.format, &rows, || {
                    render::analysis::conversion(&graph, &rows)
                })?;
                return Ok(code);
            }
            let mut records = analysis::invitations(&graph, &f, &members);
            records.retain(|r| (!pending || r.is_pending()) && (!repeated || r.is_repeated()));
            emit(out, input.format, &records, || {
                render::analysis::invitations(&records)
            })?;
            Ok(code)
        }
        Command::Centrality {
            input,
            people,
            without_hub,
            top,
        } => {
            let (graph, code) = load_graph(&extractor, &input, &limits, cli.quiet)?;
            let filter = input
                .filters
                .resolve(&graph, extractor.gazetteer(), cli.quiet)?;
            let mut rows = if without_hub {
                analysis::hubless_centrality(&graph, &link_options(&graph, &extractor, filter))?
            } else {
                let options = CentralityOptions {
                    filter,
                    include_people: people,
                };
                analysis::partner_centrality(&graph, &options)?
            };
            rows.sort_by(|a, b| {
                b.pagerank
                    .total_cmp(&a.pagerank)
                    .then_with(|| a.id.cmp(&b.id))
            });
            if let Some(n) = top {
                rows.truncate(n);
            }
            emit(out, input.format, &rows, || {
                render::analysis::centrality(&graph, &rows)
            })?;
            Ok(code)
        }
        Command::Partners {
            input,
            half_life,
            dormant,
            as_of,
            offices,
            links,
        } => {
            let mut words = Offices::builtin().context("the built-in office words are broken")?;
            for file in &offices {
                words
                    .extend_from_file(file)
                    .context("cannot load an office file")?;
            }
            let (graph, code) = load_graph(&extractor, &input, &limits, cli.quiet)?;
            let filter = input
                .filters
                .resolve(&graph, extractor.gazetteer(), cli.quiet)?;
            if links {
                let found =
                    analysis::partner_links(&graph, &link_options(&graph, &extractor, filter));
                emit(out, input.format, &found, || {
                    render::analysis::links(&graph, &found)
                })?;
                return Ok(code);
            }
            let options = PartnerOptions {
                filter,
                half_life_months: half_life,
                as_of,
                offices: words,
            };
            let mut found = analysis::partners(&graph, &options);
            if let Some(months) = dormant {
                found = found.dormant(months);
            }
            emit(out, input.format, &found, || {
                render::analysis::partners(&graph, &found)
            })?;
            Ok(code)
        }
        Command::Timeline { input, by } => {
            let (graph, code) = load_graph(&extractor, &input, &limits, cli.quiet)?;
            let granularity = match by {
                Period::Month => Granularity::Month,
                Period::Quarter => Granularity::Quarter,
                Period::Year => Granularity::Year,
            };
            let t = analysis::timeline(
                &graph,
                &input
                    .filters
                    .resolve(&graph, extractor.gazetteer(), cli.quiet)?,
                granularity,
            );
            emit(out, input.format, &t, || render::analysis::timeline(&t))?;
            Ok(code)
        }
        Command::Neighbors { entity, input } => {
            let (graph, code) = load_graph(&extractor, &input, &limits, cli.quiet)?;
            let f = input
                .filters
                .resolve(&graph, extractor.gazetteer(), cli.quiet)?;
            let center = &graph.resolve_known(&entity, extractor.gazetteer())?.id;
            let ego = graph.neighbors(center, &f)?;
            emit(out, input.format, &ego, || {
                render::analysis::neighbors(&ego)
            })?;
            Ok(code)
        }
        Command::Path { from, to, input } => {
            let (graph, code) = load_graph(&extractor, &input, &limits, cli.quiet)?;
            let f = input
                .filters
                .resolve(&graph, extractor.gazetteer(), cli.quiet)?;
            let known = extractor.gazetteer();
            let (from, to) = (
                &graph.resolve_known(&from, known)?.id,
                &graph.resolve_known(&to, known)?.id,
            );
            let steps = graph.path(from, to, &f)?;
            emit(out, input.format, &steps, || render::analysis::path(&steps))?;
            Ok(code)
        }
        Command::Serve {
            paths,
            port,
            filters,
        } => {
            let loaded = load_paths(&extractor, &paths, &limits, cli.quiet)?;
            let graph = filters.apply(loaded.graph, extractor.gazetteer(), cli.quiet)?;
            let links = link_options(&graph, &extractor, Filter::default());
            let server = Server::bind(Site::new(&graph, &links)?, port)?;
            writeln!(
                out,
                "serving {} nodes and {} links at {} (Ctrl-C to stop)",
                graph.node_count(),
                graph.edge_count(),
                server.url()
            )?;
            out.flush()?;
            server.run()
        }
    }
}

/// The man page of diplograph, or of one of its commands: clap_mangen's
/// sections, then the help's closing text (examples, exit status) as
/// sections of their own, lines kept as they are.
fn man_page(command: Option<&str>, out: &mut impl Write) -> Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let cmd = match command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            // Built, a command is named diplograph-NAME.
            Some(sub) => sub.clone(),
            None => Cli::command()
                .error(
                    clap::error::ErrorKind::InvalidSubcommand,
                    format!("no command {name:?}; `diplograph --help` lists them"),
                )
                .exit(),
        },
    };
    let closing = cmd.get_after_help().map(|h| h.to_string());
    let man = clap_mangen::Man::new(cmd.clone())
        .source(concat!("diplograph ", env!("CARGO_PKG_VERSION")));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    if cmd.has_subcommands() {
        man.render_subcommands_section(out)?;
    }
    let mut roff = roff::Roff::new();
    for block in closing.as_deref().unwrap_or("").split("\n\n") {
        let Some((title, body)) = block.split_once(":\n") else {
            continue;
        };
        roff.control("SH", [title.to_uppercase().as_str()]);
        roff.control("nf", []);
        for line in body.lines() {
            roff.text([roff::roman(line)]);
        }
        roff.control("fi", []);
    }
    roff.to_writer(out)?;
    if cmd.get_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// The partner graph's options: the filter, and the seats of the hubs that
/// the gazetteer knows.
fn link_options(graph: &MeetingGraph, extractor: &Extractor, filter: Filter) -> LinkOptions {
    LinkOptions {
        filter,
        hub_seat: graph
            .hubs()
            .iter()
            .flat_map(|hub| analysis::hub_seat(extractor.gazetteer(), hub))
            .collect(),
    }
}

/// A graph and where it came from.
struct Loaded {
    graph: MeetingGraph,
    /// The exit code of the extraction (success for a saved graph).
    code: ExitCode,
    /// The files read, which no output may replace.
    inputs: Vec<PathBuf>,
}

/// Loads a saved graph, or extracts one from articles (then the run report
/// and exit code of the extraction apply).
fn load_graph(
    extractor: &Extractor,
    input: &Input,
    limits: &corpus::Limits,
    quiet: bool,
) -> Result<(MeetingGraph, ExitCode)> {
    let loaded = load_paths(extractor, &input.paths, limits, quiet)?;
    Ok((loaded.graph, loaded.code))
}

/// [`load_graph`] from paths alone, with the files read. Articles of which
/// none could be read are an error: they would give an empty graph.
fn load_paths(
    extractor: &Extractor,
    paths: &[PathBuf],
    limits: &corpus::Limits,
    quiet: bool,
) -> Result<Loaded> {
    match Source::of(paths)? {
        Source::Graph(path) => Ok(Loaded {
            graph: MeetingGraph::load(path).context("cannot load the graph")?,
            code: ExitCode::SUCCESS,
            inputs: vec![path.to_path_buf()],
        }),
        Source::Articles(paths) => {
            let (extraction, files) = read_articles(extractor, paths, limits, quiet);
            let code = finish(&files, &extraction, quiet);
            require_articles(paths, &files)?;
            let inputs: Vec<PathBuf> = files.read().map(PathBuf::from).collect();
            let hub = extractor.gazetteer().entry(extractor.gazetteer().hub());
            Ok(Loaded {
                graph: MeetingGraph::new(extraction)?.with_main_hub(&hub.id),
                code,
                inputs,
            })
        }
    }
}

/// Articles of which none could be read are an error: they would give an
/// empty result that looks like an answer.
fn require_articles(paths: &[PathBuf], files: &corpus::Report) -> Result<()> {
    if files.read().next().is_none() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("no article could be read from {}", names.join(", "));
    }
    Ok(())
}

/// Refuses a saved graph where a command reads articles only.
fn articles_only(paths: &[PathBuf], command: &str) -> Result<()> {
    if let Source::Graph(path) = Source::of(paths)? {
        anyhow::bail!(
            "{} is a saved graph: `{command}` reads articles, not a graph",
            path.display()
        );
    }
    Ok(())
}

/// The files a run read: its data files and its inputs.
fn inputs(data_files: &[PathBuf], read: &[PathBuf]) -> files::Inputs {
    files::Inputs::new(data_files.iter().chain(read).map(PathBuf::as_path))
}

fn emit<T: serde::Serialize>(
    out: &mut impl Write,
    format: Out,
    value: &T,
    text: impl FnOnce() -> String,
) -> Result<()> {
    match format {
        Out::Json => {
            serde_json::to_writer_pretty(&mut *out, value)?;
            writeln!(out)?;
        }
        Out::Table => write!(out, "{}", text())?,
    }
    Ok(())
}

fn print_meetings(
    out: &mut impl Write,
    extraction: &Extraction,
    format: Format,
    hub: &str,
) -> Result<()> {
    match format {
        Format::Table => {
            let width = table::terminal_width();
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

/// Reads and extracts the articles one file at a time (in parallel), with
/// a progress bar on stderr once the run passes a second, when stderr is a
/// terminal and the run is not `--quiet`.
fn read_articles(
    extractor: &Extractor,
    paths: &[PathBuf],
    limits: &corpus::Limits,
    quiet: bool,
) -> (Extraction, corpus::Report) {
    let inputs = corpus::inputs(paths);
    let bar =
        ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::hidden());
    let show = !quiet && std::io::stderr().is_terminal();
    let start = std::time::Instant::now();
    let shown = std::sync::Once::new();
    let progress = || {
        bar.inc(1);
        if show && start.elapsed() > std::time::Duration::from_secs(1) {
            shown.call_once(|| {
                if let Ok(style) =
                    ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                {
                    bar.set_style(style);
                }
                bar.set_draw_target(ProgressDrawTarget::stderr());
            });
        }
    };
    let result = extractor.extract_inputs(inputs, limits, &progress);
    bar.finish_and_clear();
    result
}

/// Prints the run report (unless quiet) and gives the exit code: 1 when a
/// file was skipped.
fn finish(files: &corpus::Report, extraction: &Extraction, quiet: bool) -> ExitCode {
    if !quiet {
        eprint!("{}", report::run(files, extraction.meetings.len()));
    }
    let skipped = files
        .files
        .iter()
        .any(|f| matches!(f.outcome, Outcome::Skipped { .. }));
    if skipped {
        ExitCode::from(SKIPPED)
    } else {
        ExitCode::SUCCESS
    }
}
