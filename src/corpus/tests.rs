//! Tests of the corpus stage, on texts written in the styles of the real
//! pages (not copied from them).

use super::*;
use std::fs;

/// Every range of every item is in bounds, ordered, and maps to source bytes
/// in bounds; for UTF-8 sources the source bytes are on char boundaries.
fn check_ranges(doc: &Document, source: &[u8]) {
    for item in &doc.items {
        let ranges = item
            .headline
            .iter()
            .chain(&item.header)
            .chain(&item.paragraphs);
        for r in ranges {
            assert!(
                r.start < r.end && r.end <= doc.text.len(),
                "{}: {r:?}",
                doc.name
            );
            assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
            let s = doc.source_range(r.clone());
            assert!(
                s.start <= s.end && s.end <= source.len(),
                "{}: {s:?}",
                doc.name
            );
            if doc.encoding == "UTF-8" {
                assert!(
                    std::str::from_utf8(&source[s.clone()]).is_ok(),
                    "{}: {s:?} not on char boundaries",
                    doc.name
                );
            }
        }
    }
}

fn one(name: &str, text: &str) -> Document {
    let mut c = Corpus::from_text(name, text);
    check_ranges(&c.documents[0], text.as_bytes());
    c.documents.remove(0)
}

fn headline(doc: &Document, item: usize) -> Option<&str> {
    doc.items[item].headline.as_ref().map(|r| doc.slice(r))
}

fn paragraphs(doc: &Document, item: usize) -> Vec<&str> {
    doc.items[item]
        .paragraphs
        .iter()
        .map(|r| doc.slice(r))
        .collect()
}

const MULTI_ITEM_PAGE: &str = "\
Disclaimer: You are using Google Translate. The ICESCO is not responsible for anything said here .

votre avis

Commentaires des utilisateurs

Dans l’ensemble, dans quelle mesure êtes-vous satisfait du site Web ?

    Extrêmement insatisfait Extrêmement satisfait

    L’ICESCO et la Ruritanie examinent leur coopération culturelle

    3 mars 2021

    Dr Jean Exemple, Directeur général, a reçu l’ambassadeur de Ruritanie au siège de l’Organisation.

    Les deux parties ont passé en revue les programmes communs, dont le festival des arts.

    Les deux parties ont passé en revue les programmes communs, dont le festival des arts.

    Le Directeur général reçoit une délégation de Syldavie

    Lors de cette rencontre, tenue mardi à Rabat, le Directeur général a présenté la vision de l’ICESCO.

    La délégation a salué les efforts de l’Organisation.

    Articles les plus récents

    Un titre qui ne doit pas apparaître

    Un paragraphe qui ne doit pas apparaître non plus.
";

#[test]
fn multi_item_page_with_chrome_and_tail() {
    let doc = one("page.txt", MULTI_ITEM_PAGE);
    assert_eq!(doc.items.len(), 2);
    assert_eq!(
        headline(&doc, 0),
        Some("L’ICESCO et la Ruritanie examinent leur coopération culturelle")
    );
    let header: Vec<&str> = doc.items[0].header.iter().map(|r| doc.slice(r)).collect();
    assert_eq!(header, ["3 mars 2021"]);
    // The repeated paragraph is kept once.
    assert_eq!(paragraphs(&doc, 0).len(), 2);
    assert_eq!(
        headline(&doc, 1),
        Some("Le Directeur général reçoit une délégation de Syldavie")
    );
    assert_eq!(paragraphs(&doc, 1).len(), 2);
    assert!(doc.items[1].header.is_empty());
    // Nothing of the chrome or of the tail is in an item.
    for item in &doc.items {
        for r in item.paragraphs.iter().chain(&item.header) {
            let s = doc.slice(r);
            assert!(!s.contains("Disclaimer") && !s.contains("satisfait"), "{s}");
            assert!(!s.contains("ne doit pas"), "{s}");
        }
    }
    // UTF-8 text is its source: ranges map to themselves.
    let r = doc.items[1].paragraphs[1].clone();
    assert_eq!(doc.source_range(r.clone()), r);
}

#[test]
fn short_lines_after_the_body_are_the_footer() {
    let doc = one(
        "dispatch.txt",
        "Minister meets ICESCO chief\n\nThe Director-General of ICESCO met the Minister of Culture on Tuesday in Ankara.\n\n\
         The two sides discussed heritage.\n\n09.05.2018\nNorthern Press Agency\n",
    );
    assert_eq!(doc.items.len(), 1);
    assert_eq!(paragraphs(&doc, 0).len(), 2);
    let footer: Vec<&str> = doc.items[0].footer.iter().map(|r| doc.slice(r)).collect();
    assert_eq!(footer, ["09.05.2018", "Northern Press Agency"]);
}

#[test]
fn english_page_with_feedback_widget() {
    let text = "\
your opinion

User Feedback

Overall, how satisfied are you about the website?

    Extremely Dissatisfied Extremely Satisfied

    ICESCO and Freedonia Discuss Cooperation in Science

    12 October 2021

    Dr. John Example, Director-General of ICESCO, received the Ambassador of Freedonia on Monday.

    Latest articles
";
    let doc = one("en.txt", text);
    assert_eq!(doc.items.len(), 1);
    assert_eq!(
        headline(&doc, 0),
        Some("ICESCO and Freedonia Discuss Cooperation in Science")
    );
    assert_eq!(paragraphs(&doc, 0).len(), 1);
}

#[test]
fn agency_dispatches_with_dateline() {
    // (text, first header, paragraph count, first paragraph starts with)
    let cases: [(&str, &str, usize, &str); 2] = [
        (
            " date 2024-03 Bakou, 12 mars, AZERTAC\n\nLe ministre a reçu le Directeur général.\n\nIls ont discuté de la coopération.\n",
            "date 2024-03 Bakou, 12 mars, AZERTAC",
            3,
            "date 2024-03",
        ),
        (
            " date 2021-07 Lundi 5 juillet, le ministre a reçu le Directeur général de l’ICESCO.\n\nLes deux parties ont signé un accord.\n",
            "date 2021-07 Lundi 5 juillet, le ministre a reçu le Directeur général de l’ICESCO.",
            2,
            "date 2021-07 Lundi",
        ),
    ];
    for (text, header, count, first) in cases {
        let doc = one("dispatch.txt", text);
        assert_eq!(doc.items.len(), 1, "{text}");
        assert_eq!(headline(&doc, 0), None);
        assert_eq!(doc.slice(&doc.items[0].header[0]), header);
        let paras = paragraphs(&doc, 0);
        assert_eq!(paras.len(), count, "{paras:?}");
        assert!(paras[0].starts_with(first));
    }
}

#[test]
fn hard_wrapped_agency_text_forms_paragraphs() {
    let text = "\
 date 2022-02-02 (Wire) The Minister of Culture of Ruritania met with
the Director-General of the Islamic World Educational, Scientific
and Cultural Organization on Tuesday in the capital, the agency
reports.
The two sides reviewed the projects carried out together over the
past years in the fields of heritage, education and science, and
agreed to prepare a new programme for the coming two years.
Other matters were discussed.
";
    let doc = one("wire.txt", text);
    assert_eq!(doc.items.len(), 1);
    let paras = paragraphs(&doc, 0);
    assert_eq!(paras.len(), 3, "{paras:?}");
    assert!(paras[0].starts_with("date 2022-02-02") && paras[0].ends_with("reports."));
    assert!(paras[1].starts_with("The two sides") && paras[1].ends_with("years."));
    assert_eq!(paras[2], "Other matters were discussed.");
    assert_eq!(
        doc.slice(&doc.items[0].header[0]),
        "date 2022-02-02 (Wire) The Minister of Culture of Ruritania met with"
    );
}

/// A text, the headlines of its items and their paragraph counts.
type SplitCase<'a> = (&'a str, &'a [Option<&'a str>], &'a [usize]);

#[test]
fn splitting_rules_table() {
    let cases: [SplitCase; 7] = [
        // One paragraph per line when lines are long.
        (
            "A Headline About Ruritania\n12 May 2020\nFirst paragraph of the news item that is long enough to be body text, with a period.\nSecond paragraph, also body text of the same item.\n",
            &[Some("A Headline About Ruritania")],
            &[2],
        ),
        // A phrase of the chrome list inside a sentence is kept.
        (
            "Read also the statement of the Minister, published yesterday.\n",
            &[None],
            &[1],
        ),
        // A short signature line without headline words stays in the item.
        (
            "Dakar, 3 May – The Director-General arrived in Dakar today.\n\nABC/DEF\n\nHe will meet officials.\n",
            &[None],
            &[3],
        ),
        // A headline with no body after it is dropped.
        (
            "Body text of the only item, ending here.\n\nAn Orphan Headline Without Body\n",
            &[None],
            &[1],
        ),
        // An unpunctuated line before a paragraph that continues the text
        // is part of the item, not the headline of a new one.
        (
            "The envoy met the Director-General in Rabat on Monday.\n\nThe meeting was attended by Dr. Omar Said\n\nAdditionally, the two sides reviewed joint programmes.\n",
            &[None],
            &[3],
        ),
        (
            "Le ministre a reçu l'ambassadeur hier à Rabat.\n\nUne Nouvelle Rubrique\n\nLe Directeur général a reçu une délégation aujourd'hui.\n",
            &[None, Some("Une Nouvelle Rubrique")],
            &[1, 1],
        ),
        // Markdown heading marks are not part of the headline.
        (
            "# Ruritania Joins the Organization\n\nRuritania became a member state on Monday.\n",
            &[Some("Ruritania Joins the Organization")],
            &[1],
        ),
    ];
    for (text, headlines, counts) in cases {
        let doc = one("case.md", text);
        let got: Vec<Option<&str>> = (0..doc.items.len()).map(|i| headline(&doc, i)).collect();
        assert_eq!(got, headlines, "{text}");
        let got: Vec<usize> = doc.items.iter().map(|i| i.paragraphs.len()).collect();
        assert_eq!(got, counts, "{text}");
    }
}

#[test]
fn windows_1252_maps_back_to_source_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin.txt");
    let mut bytes: Vec<u8> = Vec::new();
    bytes.extend(b"Coop\xe9ration entre l\x92ICESCO et la R\xe9publique\r\n\r\n");
    bytes.extend(b"Le Directeur g\xe9n\xe9ral a re\xe7u l\x92ambassadeur \xe0 Rabat, o\xf9 ils ont \xe9voqu\xe9 l\x92\xe9ducation.\r\n");
    fs::write(&path, &bytes).unwrap();
    let corpus = Corpus::load(std::slice::from_ref(&path));
    let doc = &corpus.documents[0];
    assert_eq!(doc.encoding, "windows-1252");
    check_ranges(doc, &bytes);
    assert_eq!(
        headline(doc, 0),
        Some("Coopération entre l’ICESCO et la République")
    );
    let para = doc.items[0].paragraphs[0].clone();
    let src = doc.source_range(para.clone());
    let expected = b"Le Directeur g\xe9n\xe9ral a re\xe7u l\x92ambassadeur \xe0 Rabat, o\xf9 ils ont \xe9voqu\xe9 l\x92\xe9ducation.";
    assert_eq!(&bytes[src.clone()], &expected[..]);
    // A word after transcoded chars maps to its own bytes.
    let at = para.start + doc.slice(&para).find("Rabat").unwrap();
    let src = doc.source_range(at..at + 5);
    assert_eq!(&bytes[src], b"Rabat");
    // A range ending on a transcoded char includes its byte.
    let at = para.start + doc.slice(&para).find("reçu").unwrap();
    let src = doc.source_range(at..at + "reçu".len());
    assert_eq!(&bytes[src], b"re\xe7u");
}

const HTML_PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Site</title>
<style>p { color: red }</style>
<script>var s = "The Director-General received the Minister of Culture.";</script>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav>
<header><div>Site banner</div></header>
<article>
  <h1>ICESCO and Ruritania Sign an Agreement</h1>
  <p class="date">7 April 2022</p>
  <p>The Director-General received the Minister of Culture.</p>
  <p>They discussed caf&eacute; culture &amp; heritage,<br>in the region.</p>
  <!-- The Director-General -->
  <noscript>Enable JavaScript</noscript>
</article>
<aside>Related news</aside>
<footer>Copyright</footer>
</body></html>
"#;

#[test]
fn html_page_text_headline_and_source_ranges() {
    let doc = one("page.html", HTML_PAGE);
    assert_eq!(doc.items.len(), 1);
    assert_eq!(
        headline(&doc, 0),
        Some("ICESCO and Ruritania Sign an Agreement")
    );
    let header: Vec<&str> = doc.items[0].header.iter().map(|r| doc.slice(r)).collect();
    assert_eq!(header, ["7 April 2022"]);
    assert_eq!(
        paragraphs(&doc, 0),
        [
            "The Director-General received the Minister of Culture.",
            "They discussed café culture & heritage,",
            "in the region."
        ]
    );
    for banned in [
        "Home",
        "banner",
        "color",
        "var s",
        "JavaScript",
        "Related",
        "Copyright",
    ] {
        assert!(!doc.text.contains(banned), "{banned} in {:?}", doc.text);
    }
    // The paragraph maps to the <p> in the body, not to the script's string.
    let p = doc.items[0].paragraphs[0].clone();
    let src = doc.source_range(p);
    let expected = HTML_PAGE.find("<p>The Director").map(|i| i + 3).unwrap();
    assert_eq!(src.start, expected);
    assert_eq!(
        &HTML_PAGE[src],
        "The Director-General received the Minister of Culture."
    );
    // Entities map to their source bytes.
    let p = doc.items[0].paragraphs[1].clone();
    assert_eq!(
        &HTML_PAGE[doc.source_range(p)],
        "They discussed caf&eacute; culture &amp; heritage,"
    );
    let h = doc.items[0].headline.clone().unwrap();
    assert_eq!(
        &HTML_PAGE[doc.source_range(h)],
        "ICESCO and Ruritania Sign an Agreement"
    );
}

#[test]
fn deeply_nested_html_does_not_overflow() {
    let depth = 5_000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("<p>Ruritania joined the Organization as an observer state.</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let name = "deep.html";
    let run = move || {
        let c = Corpus::from_text(name, &page);
        c.documents.first().map(|d| paragraphs(d, 0).len())
    };
    // Run on a small stack, as a worker thread would.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(run)
        .unwrap();
    assert_eq!(handle.join().unwrap(), Some(1));
}

#[test]
fn folders_files_and_skips() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let good = "Ruritania Joins the Organization\n\nRuritania became a member state on Monday.\n";
    fs::write(root.join("a.txt"), good).unwrap();
    fs::write(root.join("b.txt"), " \n\t\n").unwrap();
    fs::write(root.join("c.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    fs::write(root.join("d.jpg"), good).unwrap();
    fs::write(root.join("e.txt"), "Only a Headline\n").unwrap();
    fs::create_dir(root.join("sub")).unwrap();
    fs::write(root.join("sub/f.md"), good).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("sub/g.txt")).unwrap();
    let jpg = root.join("d.jpg");
    let nowhere = root.join("nowhere.txt");
    let empty = root.join("empty");
    fs::create_dir_all(empty.join("nested")).unwrap();
    let corpus = Corpus::load(&[
        root.to_path_buf(),
        jpg.clone(),
        nowhere.clone(),
        empty.clone(),
    ]);

    let outcomes: Vec<(String, String)> = corpus
        .report
        .files
        .iter()
        .map(|f| {
            let rel = f.path.strip_prefix(root).unwrap_or(&f.path);
            let o = match &f.outcome {
                Outcome::Read { items } => format!("read {items}"),
                Outcome::Skipped { reason } => reason.clone(),
                Outcome::Ignored { reason } => format!("ignored: {reason}"),
            };
            (rel.display().to_string(), o)
        })
        .collect();
    let find = |name: &str| {
        outcomes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, o)| o.as_str())
            .unwrap_or_else(|| panic!("{name} not reported: {outcomes:?}"))
    };
    assert_eq!(find("a.txt"), "read 1");
    assert_eq!(find("b.txt"), "empty file");
    assert_eq!(find("c.txt"), "binary file");
    assert_eq!(find("e.txt"), "no news item");
    assert_eq!(find("sub/f.md"), "read 1");
    assert!(find("sub/loop").contains("loop"), "{outcomes:?}");
    assert!(find("sub/g.txt").contains("No such file"), "{outcomes:?}");
    assert!(find("nowhere.txt").contains("No such file"), "{outcomes:?}");
    assert_eq!(find("empty"), "ignored: a folder with no files");
    // In the folder a .jpg is ignored (and reported); named explicitly, it
    // is read as text.
    let jpgs: Vec<&str> = outcomes
        .iter()
        .filter(|(n, _)| n == "d.jpg")
        .map(|(_, o)| o.as_str())
        .collect();
    assert_eq!(jpgs, ["ignored: not an article (.jpg)", "read 1"]);
    // Sorted and deterministic; names as reached from the path given.
    let names: Vec<&str> = corpus.documents.iter().map(|d| d.name.as_str()).collect();
    let prefix = root.display().to_string();
    assert_eq!(
        names,
        [
            format!("{prefix}/a.txt"),
            format!("{prefix}/sub/f.md"),
            jpg.display().to_string()
        ]
    );
    assert_eq!(
        corpus.report.counts(),
        Counts {
            read: 3,
            skipped: 6,
            ignored: 2,
            items: 3
        }
    );
    assert_eq!(corpus.report.files.len(), 11);
}

#[test]
fn big_inputs_stay_linear() {
    // A 1 MB single line, then many short paragraphs.
    let mut text = String::from("A Long Story Without Breaks\n\n");
    text.push_str(&"word ".repeat(200_000));
    text.push_str(".\n\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "Paragraph number {i} of the body, ending with a period.\n\n"
        ));
    }
    let start = std::time::Instant::now();
    let doc = one("big.txt", &text);
    // The line is cut into pieces of at most 4 KiB.
    let paras = paragraphs(&doc, 0);
    let pieces = paras.iter().filter(|p| p.starts_with("word")).count();
    assert_eq!(
        (paras.len(), pieces),
        (20_000 + pieces, 1_000_000 / 4_095 + 1)
    );
    // Generous bound for debug builds on a loaded machine; a quadratic scan
    // over this input takes minutes.
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn the_depth_guard_counts_what_html5ever_nests() {
    let depth = |page: &str| html::depth(page, 8192, 256);
    // `<div/>` opens a div in HTML: 10,000 of them nest 10,000 deep.
    assert_eq!(depth(&"<div/>".repeat(10_000)), Err(html::Excess::Depth));
    // The slash closes void elements, and foreign ones inside svg.
    assert_eq!(depth(&"<br/><img src=x />".repeat(10_000)), Ok(0));
    let svg = format!("<svg>{}</svg><p>after", "<path d='M0 0'/>".repeat(10_000));
    assert_eq!(depth(&svg), Ok(1));
    // A stray end tag closes nothing: it hides no depth.
    let stray = [
        "<div>".repeat(6_000),
        "</span>".repeat(6_000),
        "<div>".repeat(6_000),
    ]
    .concat();
    assert_eq!(depth(&stray), Err(html::Excess::Depth));
    assert_eq!(depth("<div><span></span></div></div></div><b>"), Ok(2));
    // Tags in a comment, a script string or a style are no elements.
    let hidden = format!(
        "<!-- {0} --><script>var s = '{0}';</SCRIPT><style>/* {0} */</style><p>x",
        "<div>".repeat(10_000)
    );
    assert_eq!(depth(&hidden), Ok(0));
    // A `>` in a quoted value does not end the tag; a stray quote hides nothing.
    assert_eq!(depth("<div title='a>b'><div>"), Ok(2));
    assert_eq!(
        depth(&format!("<div a\"b>{}", "<div>".repeat(9_000))),
        Err(html::Excess::Depth)
    );
    // Attributes, counted in one pass.
    let attributes = |n: usize| {
        let list: Vec<String> = (0..n).map(|i| format!("a{i}=\"x y\"")).collect();
        format!("<div {}>x</div>", list.join(" "))
    };
    assert_eq!(depth(&attributes(256)), Ok(1));
    assert_eq!(depth(&attributes(257)), Err(html::Excess::Attributes));
    assert_eq!(depth(&attributes(200_000)), Err(html::Excess::Attributes));
}

#[test]
fn text_around_stray_end_tags_maps_to_its_own_bytes() {
    // html5ever ignores `</div>` and `</span>` that close nothing, so the
    // text on both sides is one node, found nowhere verbatim in the source.
    let para = |i: usize| {
        format!(
            "<p>Dr. Salim M. AlMalik</div> received</span> the Ambassador \
             of Japan&nbsp;in Rabat\r\non Monday {i}.</p>\n"
        )
    };
    let body: String = (0..3_000).map(para).collect();
    let page =
        format!("<html><body><h1>ICESCO receives the Ambassador of Japan</h1>{body}</body></html>");
    let doc = one("stray.html", &page);
    let paras = paragraphs(&doc, 0);
    assert_eq!(paras.len(), 3_000);
    assert_eq!(
        paras[2_999],
        "Dr. Salim M. AlMalik received the Ambassador of Japan\u{a0}in Rabat on Monday 2999."
    );
    // Every paragraph, the last one too, maps to its own bytes: its words
    // exactly, the whole of it from its first to its last byte.
    let mut previous_end = 0;
    for r in &doc.items[0].paragraphs {
        let s = doc.source_range(r.clone());
        assert!(
            s.start >= previous_end,
            "{s:?} overlaps the paragraph before"
        );
        previous_end = s.end;
        let src = &page[s.clone()];
        assert!(src.starts_with("Dr. Salim"), "{src}");
        assert!(src.ends_with('.') && src.len() < para(2_999).len(), "{src}");
        let text = doc.slice(r);
        let at = text
            .find("received")
            .map(|i| r.start + i)
            .unwrap_or_default();
        assert_eq!(
            &page[doc.source_range(at..at + "received".len())],
            "received"
        );
    }
}

#[test]
fn the_depth_guard_counts_what_tags_cost_under_deep_nesting() {
    let depth = |page: &str| html::depth(page, 8192, 256);
    // Each tag makes html5ever scan its stack of open elements: 100,000
    // stray end tags under 6,000 open spans cost 600 million steps.
    let deep = |tags: &str| format!("{}{}", "<span>".repeat(6_000), tags.repeat(100_000));
    for tag in ["</div>", "</p>", "</i>", "<div></div>"] {
        assert_eq!(depth(&deep(tag)), Err(html::Excess::Steps), "{tag}");
    }
    // The same tags under shallow nesting, or deep nesting alone, pass.
    let shallow = format!("{}{}", "<span>".repeat(20), "</div>".repeat(100_000));
    assert_eq!(depth(&shallow), Ok(20));
    assert_eq!(depth(&"<div>".repeat(8_000)), Ok(8_000));
}

#[test]
fn long_paragraphs_are_cut_at_sentence_ends_else_at_spaces() {
    // One line of 300 KB without any sentence end (a page on one line).
    let words: Vec<String> = (0..50_000).map(|i| format!("word{i}")).collect();
    let line = words.join(" ");
    let doc = one(
        "line.txt",
        &format!("Headline of the page on one line\n\n{line}\n"),
    );
    assert_eq!(doc.items.len(), 1);
    let paras = paragraphs(&doc, 0);
    assert!(paras.len() > 70, "{}", paras.len());
    assert!(paras.iter().all(|p| p.len() <= 4096 && p.len() >= 1024));
    // Cut at spaces only: every word is whole, in order.
    assert_eq!(paras.join(" "), line);
    // With sentences, each piece ends one.
    let sentences =
        "The Director-General received the Ambassador of Japan in Rabat. ".repeat(5_000);
    let doc = one(
        "sentences.txt",
        &format!("Headline of the page\n\n{sentences}\n"),
    );
    let paras = paragraphs(&doc, 0);
    assert!(paras.len() > 70);
    assert!(
        paras
            .iter()
            .all(|p| p.len() <= 4096 && p.ends_with("Rabat."))
    );
    assert_eq!(paras.join(" "), sentences.trim_end());
    // A short last piece is no header line: no second item.
    let tail = format!("{} Closing words without an end", "x".repeat(4_090));
    let doc = one(
        "tail.txt",
        &format!("Headline of the page\n\n{tail}\n\nThe end.\n"),
    );
    assert_eq!(doc.items.len(), 1);
    assert_eq!(paragraphs(&doc, 0).len(), 3);
}

#[test]
fn every_date_marker_opens_a_dispatch_and_a_repeated_one_opens_none() {
    let dispatch = |marker: &str, body: &str| {
        format!(
            " date {marker}, AZERTAC\n\n{body}\n\nLes deux parties ont discuté de la coopération.\n\n"
        )
    };
    let text = [
        dispatch(
            "2023-02 Bakou, 23 février",
            "Le ministre a reçu le Directeur général.",
        ),
        dispatch(
            "2024-06 Bakou, 12 juin",
            "Le recteur a reçu le Directeur général.",
        ),
    ]
    .concat();
    let doc = one("two.txt", &text);
    assert_eq!(doc.items.len(), 2);
    for (i, marker) in ["date 2023-02", "date 2024-06"].iter().enumerate() {
        assert!(doc.slice(&doc.items[i].header[0]).starts_with(marker));
        assert_eq!(paragraphs(&doc, i).len(), 3);
    }
    // The marker alone on its line, then with its dateline: one dispatch.
    let text = format!(
        " date 2024-06\n{}",
        dispatch(
            "2024-06 Bakou, 12 juin",
            "Le recteur a reçu le Directeur général."
        )
    );
    let doc = one("repeated.txt", &text);
    assert_eq!(doc.items.len(), 1);
    let header: Vec<&str> = doc.items[0].header.iter().map(|r| doc.slice(r)).collect();
    assert_eq!(
        header,
        ["date 2024-06", "date 2024-06 Bakou, 12 juin, AZERTAC"]
    );
    // A headline above a marker is that dispatch's.
    let text = format!(
        "{}Le recteur reçoit le Directeur général\n\n{}",
        dispatch(
            "2023-02 Bakou, 23 février",
            "Le ministre a reçu le Directeur général."
        ),
        dispatch(
            "2024-06 Bakou, 12 juin",
            "Le recteur a reçu le Directeur général."
        )
    );
    let doc = one("headline.txt", &text);
    assert_eq!(doc.items.len(), 2);
    assert_eq!(
        headline(&doc, 1),
        Some("Le recteur reçoit le Directeur général")
    );
}
