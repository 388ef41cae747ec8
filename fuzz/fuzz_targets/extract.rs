//! Text to meetings: any text extracts without panicking, and every piece
//! of evidence is the exact source bytes it points at (a CR-only line
//! ending read as a line feed).
#![no_main]

use diplograph::corpus::{Corpus, normalize_line_ends};
use diplograph::extract::Extractor;
use diplograph::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new(Gazetteer::builtin().expect("built-in gazetteer")));

fuzz_target!(|text: &str| {
    let corpus = Corpus::from_text("fuzz.txt", text);
    let x = EXTRACTOR.extract(&corpus);
    let text = normalize_line_ends(text);
    for m in &x.meetings {
        for e in &m.evidence {
            assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
});
