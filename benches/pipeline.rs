//! The pipeline on a generated corpus (`benches/support/corpus_gen.rs`):
//! loading, extraction (throughput per MB) and two of its stages (folding
//! each document, scanning the folded text for every lexicon phrase), graph
//! building, analysis and the whole build (read, extract and drop each
//! file, then the graph).
//!
//! `cargo bench --bench pipeline`; `PIPELINE_MB` sets the corpus size
//! (default 4 MB). Folding, scanning and extraction are also measured on a
//! corpus a quarter that size (at least 1 MB), so that one run shows
//! whether their cost is linear (the same MB/s at both sizes). Threads:
//! rayon's default, one per core.

#[path = "support/corpus_gen.rs"]
mod corpus_gen;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput, criterion_group};
use diplograph::analysis::{self, CentralityOptions, Granularity};
use diplograph::corpus::{self, Corpus, Limits};
use diplograph::extract::{Extractor, Lexicon, Scanned};
use diplograph::gazetteer::Gazetteer;
use diplograph::graph::{Filter, MeetingGraph};
use diplograph::text::Folded;
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let mb: u64 = std::env::var("PIPELINE_MB")
        .ok()
        .and_then(|m| m.parse().ok())
        .unwrap_or(4);
    let dir = tempfile::tempdir().expect("a temporary folder");
    corpus_gen::write(dir.path(), mb * 1_000_000, 7).expect("the corpus is written");
    let paths = vec![dir.path().to_path_buf()];
    let extractor = Extractor::new(Gazetteer::builtin().expect("gazetteer"));
    let corpus = Corpus::load(&paths);
    let bytes: u64 = corpus.documents.iter().map(|d| d.text.len() as u64).sum();
    let extraction = extractor.extract(&corpus);
    let graph = MeetingGraph::new(extraction.clone()).expect("a graph");
    println!(
        "pipeline: {} files, {:.1} MB of text, {} meetings, {} nodes",
        corpus.documents.len(),
        bytes as f64 / 1e6,
        extraction.meetings.len(),
        graph.node_count()
    );

    let mut group = c.benchmark_group("pipeline");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("load", |b| b.iter(|| Corpus::load(black_box(&paths))));
    let lexicon = Lexicon::builtin().expect("the built-in lexicon loads");
    let small_mb = mb.div_ceil(4).max(1);
    if small_mb < mb {
        let small_dir = tempfile::tempdir().expect("a temporary folder");
        corpus_gen::write(small_dir.path(), small_mb * 1_000_000, 7)
            .expect("the corpus is written");
        let small = Corpus::load(&[small_dir.path().to_path_buf()]);
        stages(&mut group, &small, &extractor, &lexicon, small_mb);
    }
    stages(&mut group, &corpus, &extractor, &lexicon, mb);
    group.bench_function("build", |b| {
        b.iter(|| {
            let inputs = corpus::inputs(black_box(&paths));
            let (x, _) = extractor.extract_inputs(inputs, &Limits::default(), &|| {});
            MeetingGraph::new(x)
        })
    });
    group.throughput(Throughput::Elements(extraction.meetings.len() as u64));
    group.bench_function("graph", |b| {
        b.iter(|| MeetingGraph::new(black_box(extraction.clone())))
    });
    let members = analysis::MemberStates::builtin().expect("the built-in member lists load");
    group.bench_function("analysis", |b| {
        b.iter(|| {
            let f = Filter::default();
            let c = analysis::partner_centrality(&graph, &CentralityOptions::default());
            let t = analysis::timeline(&graph, &f, Granularity::Month);
            let i = analysis::invitations(&graph, &f, &members).len();
            (c.map(|c| c.len()), t, i)
        })
    });
    group.finish();
}

/// Extraction, folding and the lexicon scan of `corpus` (`mb` MB), named
/// `extract/{mb} MB`, `fold/{mb} MB`, `scan/{mb} MB`, in MB/s.
fn stages(
    group: &mut BenchmarkGroup<WallTime>,
    corpus: &Corpus,
    extractor: &Extractor,
    lexicon: &Lexicon,
    mb: u64,
) {
    let bytes: u64 = corpus.documents.iter().map(|d| d.text.len() as u64).sum();
    group.throughput(Throughput::Bytes(bytes));
    let size = format!("{mb} MB");
    group.bench_with_input(BenchmarkId::new("extract", &size), corpus, |b, corpus| {
        b.iter(|| extractor.extract(black_box(corpus)))
    });
    group.bench_with_input(BenchmarkId::new("fold", &size), corpus, |b, corpus| {
        b.iter(|| {
            let texts = corpus.documents.iter().map(|d| black_box(d.text.as_str()));
            texts.map(|t| Folded::new(t).text.len()).sum::<usize>()
        })
    });
    let folds: Vec<Folded> = corpus
        .documents
        .iter()
        .map(|d| Folded::new(&d.text))
        .collect();
    group.bench_with_input(BenchmarkId::new("scan", &size), &folds, |b, folds| {
        b.iter(|| {
            for f in folds {
                black_box(Scanned::new(lexicon, f.whole()));
            }
        })
    });
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
