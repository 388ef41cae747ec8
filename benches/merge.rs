//! `merge_meetings`, and the writing of the merged graph (`graph.json` and
//! every text format of `build`), on generated reports at two sizes, to
//! show them linear.
//!
//! `cargo bench --bench merge`. Reports are hub-and-spoke like the corpus:
//! the hub and one of 200 states, a day in 2015–2024, one counterpart
//! person of five per state; each meeting is reported twice (two
//! languages), the second time with a tenth of its dates lacking the year
//! and a tenth unknown. A fixed xorshift keeps them stable.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use diplograph::graph::{MeetingGraph, merge_meetings};
use diplograph::model::{Evidence, Extraction, Meeting, PartialDate, Participant};
use diplograph::render::graph::{
    DotOptions, GraphView, dot, gexf, graphml, neo4j, write_node_link,
};
use std::hint::black_box;

fn generate(meetings: usize) -> Vec<Meeting> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut reports = Vec::with_capacity(2 * meetings);
    for i in 0..meetings {
        let state_id = next(200);
        let date = PartialDate {
            year: Some(2015 + next(10) as i32),
            month: Some(1 + next(12) as u32),
            day: Some(1 + next(28) as u32),
        };
        let person = format!("person:p{state_id}-{}", next(5));
        for lang in ["en", "fr"] {
            let doc = format!("{i}-{lang}.txt");
            let date = match (lang, next(10)) {
                ("fr", 0) => None,
                ("fr", 1) => Some(PartialDate { year: None, ..date }),
                _ => Some(date),
            };
            reports.push(Meeting {
                date,
                parties: vec!["org:icesco".into(), format!("country:c{state_id}")],
                participants: vec![Participant {
                    person: person.clone(),
                    role: None,
                    represents: Some(format!("country:c{state_id}")),
                }],
                evidence: vec![Evidence {
                    doc: doc.as_str().into(),
                    start: 0,
                    end: 100,
                    text: "The Director-General received the Ambassador.".into(),
                }],
                ..Meeting::new(format!("m-{i}-{lang}"), doc)
            });
        }
    }
    reports
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("merge");
    group.sample_size(10);
    for meetings in [10_000, 100_000] {
        let reports = generate(meetings);
        group.throughput(Throughput::Elements(reports.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(reports.len()),
            &reports,
            |b, r| b.iter(|| merge_meetings(black_box(r.clone()))),
        );
    }
    group.finish();
}

/// `build`'s writing, Graphviz pictures aside: `graph.json` (to a
/// temporary folder) and the node-link JSON, DOT, GraphML, GEXF and Neo4j
/// CSV (in memory), with the centralities and engagement they carry.
fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    let dir = tempfile::tempdir().expect("a temporary folder");
    for meetings in [10_000, 100_000] {
        let reports = generate(meetings);
        let n = reports.len();
        let graph = MeetingGraph::new(Extraction {
            meetings: reports,
            ..Extraction::default()
        })
        .expect("a graph of the generated reports");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &graph, |b, g| {
            b.iter(|| {
                g.save(&dir.path().join("graph.json")).expect("saved");
                let view = GraphView::new(g).expect("a view");
                write_node_link(&view, &mut std::io::sink()).expect("written");
                let sizes = (
                    dot(&view, &DotOptions::default()).len(),
                    graphml(&view).expect("GraphML").len(),
                    gexf(&view).expect("GEXF").len(),
                    neo4j(&view).expect("CSV").relationships.len(),
                );
                black_box(sizes)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, render);
criterion_main!(benches);
