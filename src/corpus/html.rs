//! Text of an HTML page, parsed with `scraper` (html5ever), with a map back
//! to the page source.
//!
//! Chrome elements (`script`, `style`, `nav`, `footer`, …) are dropped;
//! `header` too unless inside `article`/`main`, where it holds the title.
//! Block elements become blank lines (each block is a block of the splitter),
//! `br` a line break; whitespace inside text becomes spaces (except in `pre`).
//! `h1`–`h3` are reported as headings, which the splitter takes as headlines.
//!
//! Locating text in the source: the parser gives no positions, so every text
//! and comment node (dropped ones included, so the cursor moves past them) is
//! searched for in the source, scanning forward from the end of the previous
//! one within a bounded window. Text is verbatim except entities (and CRLF
//! made LF): if the verbatim search fails, the node is aligned char by char,
//! each `&…;` standing for one char and mapping to the bytes of the entity.
//! When that fails too (an entity decoding to two chars, a node past the
//! window), the node maps as a whole to the source span between the previous
//! and the next located nodes: an approximation that still contains it.
//! Traversal is iterative, so deep nesting cannot overflow the stack.

use super::source_map::SourceMap;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::ops::Range;

/// How far past the cursor a node is first searched for (bytes, at least):
/// the markup between two text nodes is seldom longer.
const NEAR: usize = 2048;
/// How far past the cursor a node is searched for then (bytes, at least).
const WINDOW: usize = 256 * 1024;
/// How far past the cursor a node is searched for once failed searches
/// have spent their budget.
const TIGHT: usize = 128;
/// Failed searches may scan this many bytes per byte of the page in all.
const FAILED_SCANS_PER_BYTE: usize = 4;
/// Longest tag skipped inside a text node (bytes).
const MAX_TAG: usize = 256;
/// Longest entity (`&CounterClockwiseContourIntegral;` is 33 bytes).
const MAX_ENTITY: usize = 40;
/// Alignment attempts per node before giving up.
const MAX_ATTEMPTS: usize = 64;

const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "head",
    "template", "button", "select", "object", "canvas",
];

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose end tag may be left out: not counted by [`depth`].
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "tbody",
    "thead", "tfoot", "colgroup", "caption", "html", "head", "body",
];
/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Elements whose content is text up to their end tag (html5ever parses
/// with scripting on, so `noscript` too): tags inside are not elements.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// What makes a page too costly for html5ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Excess {
    /// Nesting deeper than the limit: html5ever checks scopes by walking
    /// the stack of open elements, so its time grows with the square of
    /// the depth.
    Depth,
    /// A tag with more attributes than the limit: html5ever checks each
    /// new attribute against the tag's others, so its time grows with the
    /// square of their number.
    Attributes,
    /// Tags that cost html5ever more than [`STEPS_PER_BYTE`] per byte of
    /// the page in all (past what nesting up to the depth limit costs): for
    /// each tag html5ever scans its stack of open elements (a scope check,
    /// an end tag looking for its element, the list of formatting elements),
    /// so many tags, stray end tags included, under deep nesting take time
    /// in their number times the depth.
    Steps,
}

/// Tags may cost html5ever this many stack steps per byte of the page (an
/// upper bound: the depth at each tag, summed), on top of what nesting up to
/// the depth limit costs. The pages of the test corpora cost 0.02 to 0.11
/// per byte, a 31 MB list page 0.02.
pub(crate) const STEPS_PER_BYTE: u64 = 4;

/// An upper bound of the element nesting depth of a page, in one linear
/// pass, or what passes the limits: `max_depth` levels, `max_attributes`
/// attributes on one tag, and the depth at each tag (start or end, stray or
/// not) summed over the page under `STEPS_PER_BYTE` per byte plus what
/// nesting to `max_depth` costs (`max_depth²/2`). Counts start tags minus the end tags that close
/// an open element of their name (a stray end tag closes nothing), leaving
/// out void and optionally-closed elements; `<div/>` opens a `div` as it
/// does for html5ever (the slash closes only void elements and, inside
/// `svg` or `math`, foreign ones). Comments, declarations and the text of
/// raw-text elements (`script`, `style`, …) are skipped, so tags written in
/// a script string or a comment count for nothing.
pub(crate) fn depth(src: &str, max_depth: usize, max_attributes: usize) -> Result<usize, Excess> {
    let bytes = src.as_bytes();
    let lower = |r: Range<usize>| src.get(r).unwrap_or_default().to_ascii_lowercase();
    let mut open: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let (mut depth, mut max, mut foreign) = (0usize, 0usize, 0usize);
    let mut steps = 0u64;
    let mut i = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        let rest = &bytes[i..];
        if rest.starts_with(b"!--") {
            i += memchr::memmem::find(&rest[3..], b"-->").map_or(rest.len(), |e| 3 + e + 3);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_start = i + usize::from(end_tag);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            if matches!(rest.first(), Some(b'!' | b'?')) {
                i += memchr::memchr(b'>', rest).map_or(rest.len(), |e| e + 1);
            }
            continue;
        }
        let name_len = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .unwrap_or(bytes.len() - name_start);
        let name = lower(name_start..name_start + name_len);
        let tag = scan_tag(&bytes[name_start + name_len..]);
        i = name_start + name_len + tag.len;
        if tag.attributes > max_attributes {
            return Err(Excess::Attributes);
        }
        steps = steps.saturating_add(depth as u64);
        if end_tag {
            if let Some(n) = open.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                depth = depth.saturating_sub(1);
                if matches!(name.as_str(), "svg" | "math") {
                    foreign = foreign.saturating_sub(1);
                }
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let mut j = i;
            i = bytes.len();
            while let Some(at) = memchr::memmem::find(&bytes[j..], b"</") {
                j += at;
                if lower(j..j + close.len()) == close {
                    i = j;
                    break;
                }
                j += 2;
            }
            continue;
        }
        let closed = tag.self_closed && (foreign > 0 || matches!(name.as_str(), "svg" | "math"));
        if closed || VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        if matches!(name.as_str(), "svg" | "math") {
            foreign += 1;
        }
        *open.entry(name).or_default() += 1;
        depth += 1;
        max = max.max(depth);
        if max > max_depth {
            return Err(Excess::Depth);
        }
    }
    let nesting = (max_depth as u64).pow(2) / 2;
    let budget = STEPS_PER_BYTE
        .saturating_mul(src.len() as u64)
        .saturating_add(nesting);
    if steps > budget {
        return Err(Excess::Steps);
    }
    Ok(max)
}

/// The rest of a tag after its name.
struct Tag {
    /// Bytes up to and including its `>` (or to the end of the source).
    len: usize,
    /// Attributes, at least (an upper bound).
    attributes: usize,
    /// Ends with `/>`.
    self_closed: bool,
}

/// Scans a tag after its name: quotes count only in a value (after `=`),
/// as for html5ever, so a stray quote hides no tag.
fn scan_tag(bytes: &[u8]) -> Tag {
    let (mut attributes, mut quote, mut prev) = (0, None, b' ');
    for (k, &b) in bytes.iter().enumerate() {
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
        } else if b == b'>' {
            return Tag {
                len: k + 1,
                attributes,
                self_closed: prev == b'/',
            };
        } else if (b == b'"' || b == b'\'') && prev == b'=' {
            quote = Some(b);
        } else if !b.is_ascii_whitespace()
            && b != b'/'
            && b != b'='
            && (prev.is_ascii_whitespace() || prev == b'/')
        {
            attributes += 1;
        }
        if !b.is_ascii_whitespace() {
            prev = b;
        } else if quote.is_none() && prev != b'=' {
            prev = b' ';
        }
    }
    Tag {
        len: bytes.len(),
        attributes,
        self_closed: false,
    }
}

/// The extracted text of a page.
pub(crate) struct Extracted {
    pub(crate) text: String,
    /// Text offsets to offsets in the (decoded) page source.
    pub(crate) map: SourceMap,
    /// The ranges of `h1`–`h3` texts, in order.
    pub(crate) headings: Vec<Range<usize>>,
}

/// A piece of output text and where it came from; `None` when not located.
struct Pending {
    text: Range<usize>,
    src: Source,
}

/// Where a piece of output text came from.
enum Source {
    /// Located: source range, exact copy or not.
    Located(Range<usize>, bool),
    /// A text node that could not be located.
    Unlocated,
    /// Inserted by the extraction (a line break, a space).
    Synthetic,
}

struct Builder<'a> {
    raw: &'a str,
    search: Search<'a>,
    cursor: usize,
    text: String,
    pieces: Vec<Pending>,
}

impl Builder<'_> {
    fn push_synthetic(&mut self, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.pieces.push(Pending {
            text: start..self.text.len(),
            src: Source::Synthetic,
        });
    }

    /// Ends the current line with `n` line breaks in all.
    fn breaks(&mut self, n: usize) {
        if self.text.is_empty() {
            return;
        }
        let have = self.text.len() - self.text.trim_end_matches('\n').len();
        for _ in have..n {
            self.push_synthetic("\n");
        }
    }

    /// Locates `node` in the source; emits it when `emit` (with `\n`/`\t`
    /// made spaces unless `pre`).
    fn node(&mut self, node: &str, emit: bool, pre: bool) {
        if node.trim().is_empty() {
            if emit && !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
                self.push_synthetic(" ");
            }
            return;
        }
        let located = self.search.locate(self.cursor, node);
        if let Some((_, end, _)) = &located {
            self.cursor = *end;
        }
        if !emit {
            return;
        }
        let base = self.text.len();
        if pre {
            self.text.push_str(node);
        } else {
            self.text.extend(node.chars().map(|c| match c {
                '\n' | '\r' | '\t' | '\u{c}' => ' ',
                c => c,
            }));
        }
        match located {
            Some((_, _, parts)) => {
                self.pieces
                    .extend(parts.into_iter().map(|(t, s, exact)| Pending {
                        text: base + t.start..base + t.end,
                        src: Source::Located(s, exact),
                    }))
            }
            None => self.pieces.push(Pending {
                text: base..self.text.len(),
                src: Source::Unlocated,
            }),
        }
    }

    fn finish(self, headings: Vec<Range<usize>>) -> Extracted {
        // Unlocated pieces span from the previous located end to the next
        // located start; synthetic ones sit at the previous located end.
        let mut next_start = self.raw.len();
        let mut fill = vec![0; self.pieces.len()];
        for (i, p) in self.pieces.iter().enumerate().rev() {
            fill[i] = next_start;
            if let Source::Located(s, _) = &p.src {
                next_start = s.start;
            }
        }
        let mut map = SourceMap::default();
        let mut prev_end = 0;
        for (p, next) in self.pieces.into_iter().zip(fill) {
            let (src, exact) = match p.src {
                Source::Located(s, exact) => (s, exact),
                Source::Unlocated => (prev_end..next.max(prev_end), false),
                Source::Synthetic => (prev_end..prev_end, false),
            };
            prev_end = prev_end.max(src.end);
            map.push(p.text, src, exact);
        }
        Extracted {
            text: self.text,
            map,
            headings,
        }
    }
}

/// Finds `node` in `raw` from `from`: its start, end and the pieces
/// (node-relative text range, source range, exact).
type Located = (usize, usize, Vec<(Range<usize>, Range<usize>, bool)>);

/// Where to look for a node: the source, and what failed searches may
/// still scan in all.
struct Search<'a> {
    raw: &'a str,
    /// Bytes that failed searches may still scan; once spent, a node is
    /// looked for only [`TIGHT`] bytes past the cursor.
    budget: usize,
}

impl Search<'_> {
    /// Locates `node` from `from`: first within [`NEAR`] bytes (the markup
    /// between two text nodes), then within [`WINDOW`] bytes (a long
    /// attribute, a dropped element without text). A search that finds the
    /// node costs about the bytes the cursor then moves past; one that
    /// fails is charged to the budget, so that nodes that cannot be
    /// located (text the parser moved or rewrote) scan the page a bounded
    /// number of times in all, not once each.
    fn locate(&mut self, from: usize, node: &str) -> Option<Located> {
        let len = node.len().saturating_mul(4);
        if self.budget == 0 {
            return search(self.raw, from, TIGHT.max(len), node);
        }
        let near = NEAR.max(len);
        if let Some(found) = search(self.raw, from, near, node) {
            return Some(found);
        }
        let far = WINDOW.max(len);
        let scanned = near.min(self.raw.len().saturating_sub(from));
        let found = (far > scanned).then(|| search(self.raw, from, far, node));
        let found = found.flatten();
        if found.is_none() {
            let scanned = far.min(self.raw.len().saturating_sub(from));
            self.budget = self.budget.saturating_sub(scanned.saturating_mul(2));
        }
        found
    }
}

/// [`Search::locate`] within `window` bytes of `from`: verbatim, else
/// aligned char by char at the first [`MAX_ATTEMPTS`] places that may
/// start it.
fn search(raw: &str, from: usize, window: usize, node: &str) -> Option<Located> {
    let mut limit = from.saturating_add(window).min(raw.len());
    while !raw.is_char_boundary(limit) {
        limit -= 1;
    }
    let hay = raw.get(from..limit)?;
    if let Some(at) = hay.find(node) {
        let s = from + at;
        return Some((
            s,
            s + node.len(),
            vec![(0..node.len(), s..s + node.len(), true)],
        ));
    }
    let first = node.as_bytes().first().copied()?;
    let mut attempts = 0;
    for i in memchr::memchr3_iter(first, b'&', b'\r', hay.as_bytes()) {
        attempts += 1;
        if attempts > MAX_ATTEMPTS {
            return None;
        }
        if let Some(found) = align(raw, from + i, limit, node) {
            return Some(found);
        }
    }
    None
}

/// Aligns `node` with `raw` at `start`, within `limit`: verbatim chars,
/// `&…;` entities for one char, CR LF or CR for LF, and tags the parser
/// ignored (a stray end tag, a second `<body>`) skipped, so that text on
/// both sides of them, one node for the parser, maps to its own bytes.
fn align(raw: &str, start: usize, limit: usize, node: &str) -> Option<Located> {
    let bytes = raw.as_bytes();
    let mut parts: Vec<(Range<usize>, Range<usize>, bool)> = Vec::new();
    let mut p = start;
    for (off, c) in node.char_indices() {
        let t = off..off + c.len_utf8();
        if c != '<' {
            while let Some(len) = bytes.get(p..limit).and_then(tag_len) {
                p += len;
            }
        }
        let rest = raw.get(p..limit)?;
        if let Some(len) = entity_len(rest) {
            parts.push((t, p..p + len, false));
            p += len;
        } else if rest.starts_with(c) {
            let s = p..p + c.len_utf8();
            match parts.last_mut() {
                Some((lt, ls, true)) if lt.end == t.start && ls.end == s.start => {
                    lt.end = t.end;
                    ls.end = s.end;
                }
                _ => parts.push((t, s, true)),
            }
            p += c.len_utf8();
        } else if c == '\n' && bytes.get(p) == Some(&b'\r') {
            let len = if bytes.get(p + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            parts.push((t, p..p + len, false));
            p += len;
        } else {
            return None;
        }
    }
    Some((start, p, parts))
}

/// The length of the tag (`<name …>` or `</name …>`, no longer than
/// [`MAX_TAG`] bytes) that `s` starts with, if any.
fn tag_len(s: &[u8]) -> Option<usize> {
    let rest = s.strip_prefix(b"<")?;
    let name = rest.strip_prefix(b"/").unwrap_or(rest);
    if !name.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let end = rest.iter().take(MAX_TAG).position(|&b| b == b'>')?;
    let inner = &rest[..end];
    (!inner.contains(&b'<')).then_some(end + 2)
}

/// The length of the character reference `&name;` / `&#123;` / `&#x1F;`
/// starting `s`, if any.
fn entity_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('&')?;
    let semi = body.bytes().take(MAX_ENTITY).position(|b| b == b';')?;
    let name = &body[..semi];
    let ok = match name.strip_prefix('#') {
        Some(num) => match num.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
        },
        None => !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()),
    };
    ok.then_some(semi + 2)
}

/// Extracts the text of the page `raw`.
pub(crate) fn extract(raw: &str) -> Extracted {
    let doc = Html::parse_document(raw);
    let mut b = Builder {
        raw,
        search: Search {
            raw,
            budget: FAILED_SCANS_PER_BYTE
                .saturating_mul(raw.len())
                .saturating_add(2 * WINDOW),
        },
        cursor: 0,
        text: String::new(),
        pieces: Vec::new(),
    };
    let mut headings = Vec::new();
    let mut dropping: Option<ego_tree::NodeId> = None;
    let mut article_depth = 0usize;
    let mut pre_depth = 0usize;
    let mut heading_start: Option<usize> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => b.node(t, dropping.is_none(), pre_depth > 0),
                Node::Comment(c) => b.node(c, false, false),
                Node::Element(e) if dropping.is_none() => {
                    let name = e.name();
                    if DROPPED.contains(&name) || (name == "header" && article_depth == 0) {
                        dropping = Some(node.id());
                        continue;
                    }
                    match name {
                        "br" => b.breaks(1),
                        n if BLOCKS.contains(&n) => b.breaks(2),
                        _ => {}
                    }
                    match name {
                        "article" | "main" => article_depth += 1,
                        "pre" => pre_depth += 1,
                        "h1" | "h2" | "h3" => heading_start = Some(b.text.len()),
                        _ => {}
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if dropping == Some(node.id()) {
                    dropping = None;
                    continue;
                }
                let Node::Element(e) = node.value() else {
                    continue;
                };
                if dropping.is_some() {
                    continue;
                }
                let name = e.name();
                match name {
                    "article" | "main" => article_depth = article_depth.saturating_sub(1),
                    "pre" => pre_depth = pre_depth.saturating_sub(1),
                    "h1" | "h2" | "h3" => {
                        if let Some(start) = heading_start.take() {
                            let s = &b.text[start..];
                            let lead = s.len() - s.trim_start().len();
                            let r = start + lead..start + s.trim_end().len();
                            if r.start < r.end {
                                headings.push(r);
                            }
                        }
                    }
                    _ => {}
                }
                if BLOCKS.contains(&name) {
                    b.breaks(2);
                }
            }
        }
    }
    drop(doc);
    b.finish(headings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_aligns_entities() {
        let raw = "<p>x</p>\n  <p>They caf&eacute; &amp; tea,<br>";
        let mut search = Search { raw, budget: 0 };
        let (start, end, parts) = search.locate(8, "They café & tea,").unwrap();
        assert_eq!(&raw[start..end], "They caf&eacute; &amp; tea,");
        assert_eq!(parts.len(), 5);
    }
}
