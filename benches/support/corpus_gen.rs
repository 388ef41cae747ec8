//! A generator of large corpora of the real kinds: the files of
//! `examples/corpus` (icesco.org pages in French and English, an agency
//! dispatch, an HTML page) recombined with other counterparts' names,
//! countries and years, pages bundling one to eight news items.
//!
//! Deterministic: the same seed gives the same files. Used by the
//! Criterion benchmarks and by `examples/gen_corpus.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The example files: (extension, text, language).
const TEMPLATES: &[(&str, &str, Lang)] = &[
    (
        "txt",
        include_str!("../../examples/corpus/fr/icesco-actualites.txt"),
        Lang::Fr,
    ),
    (
        "txt",
        include_str!("../../examples/corpus/fr/azertac-depeche.txt"),
        Lang::Fr,
    ),
    (
        "txt",
        include_str!("../../examples/corpus/en/icesco-news.txt"),
        Lang::En,
    ),
    (
        "html",
        include_str!("../../examples/corpus/en/icesco-page.html"),
        Lang::En,
    ),
];

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Fr,
    En,
}

/// People of the example files, replaced by generated names.
const PEOPLE: &[&str] = &[
    "Lucas Ferreira Montoya",
    "Hélène Marchetti",
    "Yerlan Abdrakhmanov",
    "Daniel Arif Rahman",
    "Elchin Mammadli",
    "Ingrid Solberg",
    "Karim Benali",
    "Sofia Idrissi",
];
/// Countries of the example files, replaced by others of the same grammar
/// ("du Pérou" → "du Sénégal").
const FR_COUNTRIES: &[&str] = &["Pérou", "Kazakhstan"];
const EN_COUNTRIES: &[&str] = &["Malaysia", "Azerbaijan", "Norway"];
const FR_OTHERS: &[&str] = &[
    "Pérou",
    "Sénégal",
    "Niger",
    "Tchad",
    "Mali",
    "Japon",
    "Pakistan",
    "Bénin",
    "Cameroun",
    "Brésil",
    "Portugal",
    "Gabon",
    "Kenya",
    "Kazakhstan",
    "Chili",
    "Mexique",
];
const EN_OTHERS: &[&str] = &[
    "Malaysia",
    "Japan",
    "Brazil",
    "Kenya",
    "Norway",
    "Chile",
    "Indonesia",
    "Portugal",
    "Ghana",
    "Peru",
    "Canada",
    "Mexico",
    "Azerbaijan",
    "Senegal",
    "Pakistan",
    "Gabon",
];
const FIRST: &[&str] = &[
    "Amina", "Jean", "Olga", "Kenji", "Fatou", "Pedro", "Leila", "Tomas", "Aïcha", "Rustam",
    "Maria", "Ibrahim", "Chen", "Nadia", "Oscar", "Zeynep",
];
const LAST: &[&str] = &[
    "Diallo",
    "Moreau",
    "Ivanova",
    "Tanaka",
    "Sow",
    "Almeida",
    "Haddad",
    "Novak",
    "Traoré",
    "Nazarov",
    "Silva",
    "Okafor",
    "Wei",
    "Benkirane",
    "Lindqvist",
    "Yilmaz",
    "Mensah",
    "Kowalski",
];
/// Lines after which a page holds no more news (the site's "latest articles" tail).
const TAILS: &[&str] = &["Articles les plus récents", "Latest articles"];

/// A small deterministic random generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
}

/// One template with fresh names, countries and year.
fn vary(text: &str, lang: Lang, rng: &mut Rng) -> String {
    let mut out = text.to_string();
    for person in PEOPLE {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        out = out.replace(person, &name);
        if let (Some(old), Some(new)) = (person.rsplit(' ').next(), name.rsplit(' ').next()) {
            out = out.replace(&format!(" {old}"), &format!(" {new}"));
        }
    }
    let (countries, others) = match lang {
        Lang::Fr => (FR_COUNTRIES, FR_OTHERS),
        Lang::En => (EN_COUNTRIES, EN_OTHERS),
    };
    for c in countries {
        out = out.replace(c, rng.pick(others));
    }
    let year = (2019 + rng.next() % 7).to_string();
    out.replace("2024", &year)
}

/// The text of generated file number `n` and its extension.
pub fn file(n: u64, seed: u64) -> (String, &'static str) {
    let mut rng = Rng(seed ^ n.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let (ext, text, lang) = TEMPLATES[(n % TEMPLATES.len() as u64) as usize];
    // Pages bundle several items: repeat the part before the tail.
    let cut = TAILS
        .iter()
        .filter_map(|t| text.find(t))
        .min()
        .unwrap_or(text.len());
    let (body, tail) = text.split_at(cut);
    // Bundled pages (those with a tail) repeat their items; dispatches and
    // HTML pages are one item.
    let repeats = if tail.is_empty() {
        1
    } else {
        1 + rng.next() % 8
    };
    let mut out = String::new();
    for _ in 0..repeats {
        out.push_str(&vary(body, lang, &mut rng));
        out.push_str("\n\n");
    }
    out.push_str(tail);
    (out, ext)
}

/// Writes generated files under `dir` (100 per sub-folder) until they
/// total `bytes`; returns the files written.
pub fn write(dir: &Path, bytes: u64, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    let mut written = 0;
    let mut files = Vec::new();
    let mut n = 0;
    while written < bytes {
        let (text, ext) = file(n, seed);
        let sub = dir.join(format!("{:05}", n / 100));
        if n % 100 == 0 {
            std::fs::create_dir_all(&sub)?;
        }
        let path = sub.join(format!("{n:07}.{ext}"));
        std::fs::File::create(&path)?.write_all(text.as_bytes())?;
        written += text.len() as u64;
        files.push(path);
        n += 1;
    }
    Ok(files)
}
