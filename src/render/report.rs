//! Human-readable reports: what a run read and skipped, and how an
//! evaluation scored.

use crate::corpus::Report;
use crate::eval::{Evaluation, LinkDiff};
use crate::render::table::escape;
use std::fmt::Write;

/// The run report: files read, news items, meetings, then every skipped
/// file with its reason, then every ignored file (of a folder, with
/// another extension than the articles').
///
/// ```
/// use diplograph::corpus::Corpus;
/// let corpus = Corpus::from_text("note.txt", "");
/// let text = diplograph::render::report::run(&corpus.report, 0);
/// assert!(text.starts_with("0 files read, 0 news items, 0 meetings extracted, 1 file skipped"));
/// assert!(text.contains("skipped note.txt:"));
/// ```
pub fn run(report: &Report, meetings: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let counts = report.counts();
    let mut out = format!(
        "{} read, {}, {} extracted, {} skipped\n",
        plural(counts.read, "file", "files"),
        plural(counts.items, "news item", "news items"),
        plural(meetings, "meeting", "meetings"),
        plural(counts.skipped, "file", "files"),
    );
    let listed = report
        .skipped()
        .map(|s| ("skipped", s))
        .chain(report.ignored().map(|i| ("ignored", i)));
    for (what, (path, reason)) in listed {
        let _ = writeln!(
            out,
            "  {what} {}: {}",
            escape(&path.display().to_string()),
            escape(reason)
        );
    }
    out
}

/// The evaluation report: one line per metric, the counts, then the
/// missed and extra meetings, the wrong fields and the link differences.
pub fn evaluation(e: &Evaluation) -> String {
    let mut out = String::new();
    for (name, value) in e.scores.metrics() {
        let _ = writeln!(out, "{name:<14} {value:.3}");
    }
    let c = e.counts;
    let _ = writeln!(
        out,
        "meetings: {} in gold, {} predicted in gold documents, {} matched",
        c.gold, c.predicted, c.matched
    );
    for m in &e.misses {
        let _ = writeln!(out, "missed    {}  {}", m.doc, escape(&m.counterpart));
    }
    for x in &e.extras {
        let parties = escape(&x.parties.join(", "));
        let _ = writeln!(out, "extra     {}  {}  [{parties}]", x.doc, x.meeting);
    }
    // A field with no value (no attendee, no date) reads "none".
    let value = |v: Option<&str>| match v {
        Some(v) if !v.is_empty() => escape(v),
        _ => "none".to_string(),
    };
    for f in &e.field_errors {
        let _ = writeln!(
            out,
            "wrong     {}  {}  {}: gold {}, predicted {}",
            f.doc,
            escape(&f.counterpart),
            f.field,
            value(Some(&f.gold)),
            value(f.predicted.as_deref())
        );
    }
    links(&mut out, "invitation", &e.invitations);
    links(&mut out, "joined", &e.joined);
    out
}

fn links(out: &mut String, what: &str, diff: &LinkDiff) {
    for (verdict, list) in [("missed", &diff.missed), ("extra", &diff.extra)] {
        for l in list {
            let _ = writeln!(
                out,
                "{what} {verdict}  {}  {} {}",
                l.doc,
                l.iso,
                l.relation.as_str()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{FileReport, Outcome};
    use crate::eval::{Counts, FieldError, Link, Miss, Relation, Scores};
    use std::path::PathBuf;

    #[test]
    fn run_report_lists_skipped_files() {
        let file = |p: &str, outcome| FileReport {
            path: PathBuf::from(p),
            outcome,
        };
        let report = Report {
            files: vec![
                file("a/good.txt", Outcome::Read { items: 3 }),
                file("a/other.txt", Outcome::Read { items: 1 }),
                file(
                    "a/notes.json",
                    Outcome::Ignored {
                        reason: "not an article (.json)".into(),
                    },
                ),
                file(
                    "a/bin\u{202e}.txt",
                    Outcome::Skipped {
                        reason: "not text".into(),
                    },
                ),
            ],
        };
        assert_eq!(
            run(&report, 1),
            "2 files read, 4 news items, 1 meeting extracted, 1 file skipped\n\
             \x20 skipped a/bin\\u{202e}.txt: not text\n\
             \x20 ignored a/notes.json: not an article (.json)\n"
        );
    }

    #[test]
    fn evaluation_report_has_one_line_per_metric_then_details() {
        let e = Evaluation {
            scores: Scores {
                meeting_p: 1.0,
                meeting_r: 0.5,
                meeting_f1: 2.0 / 3.0,
                person_acc: 1.0,
                date_acc: 1.0,
                place_acc: 1.0,
                mode_acc: 1.0,
                attendee_f1: 1.0,
                invitation_f1: 0.0,
                joined_f1: 1.0,
                agreement_f1: 1.0,
            },
            counts: Counts {
                gold: 2,
                predicted: 1,
                matched: 1,
            },
            misses: vec![Miss {
                doc: "corpus/a.txt".into(),
                counterpart: "SG".into(),
            }],
            extras: vec![],
            field_errors: vec![
                FieldError {
                    doc: "corpus/a.txt".into(),
                    counterpart: "PE".into(),
                    field: "attendees",
                    gold: String::new(),
                    predicted: Some("Rim Jirari".into()),
                },
                FieldError {
                    doc: "corpus/a.txt".into(),
                    counterpart: "PE".into(),
                    field: "date",
                    gold: "2024-05-13".into(),
                    predicted: None,
                },
            ],
            invitations: LinkDiff {
                missed: vec![Link {
                    doc: "corpus/a.txt".into(),
                    iso: "SG".into(),
                    relation: Relation::Coalition,
                }],
                extra: vec![],
            },
            joined: LinkDiff::default(),
        };
        let text = evaluation(&e);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], "meeting_f1     0.667");
        assert_eq!(lines.len(), 16, "{text}");
        assert_eq!(lines[10], "agreement_f1   1.000");
        assert_eq!(lines[12], "missed    corpus/a.txt  SG");
        assert_eq!(
            lines[13],
            "wrong     corpus/a.txt  PE  attendees: gold none, predicted Rim Jirari"
        );
        assert_eq!(
            lines[14],
            "wrong     corpus/a.txt  PE  date: gold 2024-05-13, predicted none"
        );
        assert_eq!(lines[15], "invitation missed  corpus/a.txt  SG coalition");
    }
}
