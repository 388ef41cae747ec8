//! The corpus stage (and extraction, for long lines) on hostile inputs at
//! two sizes each, to show them linear: time per byte should not grow with
//! the size.
//!
//! - `stray_tags`: an HTML page whose paragraphs hold stray end tags,
//!   entities and CR LF, so that no text node is in the source verbatim
//!   (each one scanned a 256 KiB window before the search budget).
//! - `one_line`: text on one line without any sentence end (one sentence
//!   of the whole file before long paragraphs were cut), loaded, then
//!   loaded and extracted.
//!
//! - `date_markers`: one line of `date YYYY-MM Rabat` repeated (each date
//!   of a header line looked for a place in all the text before it, each
//!   numeric date compared with every date before it), extracted.
//!
//! `cargo bench --bench hostile`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use diplograph::corpus::Corpus;
use diplograph::extract::Extractor;
use diplograph::gazetteer::Gazetteer;
use std::hint::black_box;
use std::time::Duration;

fn stray_tags(bytes: usize) -> Vec<u8> {
    let mut page = String::from("<html><body><h1>ICESCO receives the Ambassador of Japan</h1>");
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<p>Dr. Salim M. AlMalik</div> received</span> the Ambassador of Japan&nbsp;in \
             Rabat\r\non Monday {i}.</p>\n"
        ));
        i += 1;
    }
    page.push_str("</body></html>");
    page.into_bytes()
}

fn one_line(bytes: usize) -> Vec<u8> {
    let mut text = String::from("A Page Written On One Line\n\n");
    let words = "the Director-General of ICESCO received the Ambassador of Japan in Rabat and ";
    while text.len() < bytes {
        text.push_str(words);
    }
    text.into_bytes()
}

fn date_markers(bytes: usize) -> Vec<u8> {
    let mut text = String::from("A Headline Before a Line of Dates\n\n");
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!("date 2024-{:02} Rabat ", i % 12 + 1));
        i += 1;
    }
    text.into_bytes()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for kb in [256, 1024] {
        let page = stray_tags(kb * 1024);
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(BenchmarkId::new("stray_tags", kb), &page, |b, page| {
            b.iter(|| Corpus::from_bytes("stray.html", black_box(page.clone())))
        });
        let text = one_line(kb * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("one_line", kb), &text, |b, text| {
            b.iter(|| Corpus::from_bytes("line.txt", black_box(text.clone())))
        });
    }
    let extractor = Extractor::new(Gazetteer::builtin().expect("gazetteer"));
    for kb in [64, 256] {
        let corpus = Corpus::from_bytes("line.txt", one_line(kb * 1024));
        group.throughput(Throughput::Bytes(kb as u64 * 1024));
        group.bench_with_input(
            BenchmarkId::new("one_line_extract", kb),
            &corpus,
            |b, corpus| b.iter(|| extractor.extract(black_box(corpus))),
        );
        let corpus = Corpus::from_bytes("dates.txt", date_markers(kb * 1024));
        group.bench_with_input(
            BenchmarkId::new("date_markers", kb),
            &corpus,
            |b, corpus| b.iter(|| extractor.extract(black_box(corpus))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
