//! Bytes to a document: decoding, HTML, splitting into news items. The
//! first byte picks the kind (text, Markdown, HTML); every item range must
//! lie on char boundaries of the text and map into the source.
#![no_main]

use diplograph::corpus::Corpus;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let name = ["a.txt", "a.md", "a.html"][usize::from(kind % 3)];
    let corpus = Corpus::from_bytes(name, bytes.to_vec());
    for doc in &corpus.documents {
        for item in &doc.items {
            let ranges = item.headline.iter().chain(&item.header).chain(&item.paragraphs);
            for r in ranges {
                assert!(doc.text.get(r.clone()).is_some(), "{r:?} splits a char");
                let src = doc.source_range(r.clone());
                assert!(src.start <= src.end && src.end <= bytes.len(), "{src:?}");
            }
        }
    }
});
