//! Splitting a text into paragraphs and news items (rules in the module docs
//! of [`crate::corpus`]).

use super::NewsItem;
use super::boilerplate::{Boilerplate, LineKind};
use std::ops::Range;

/// Header lines are shorter than this (in chars).
const MAX_HEADER_CHARS: usize = 200;
/// Lines of hard-wrapped text are this long (in chars).
const WRAP_MIN: usize = 40;
const WRAP_MAX: usize = 100;
/// Wrapped lines are within this many chars of the median width.
const WRAP_SPREAD: usize = 20;
/// A hard-wrapped block has at least this many lines.
const WRAP_MIN_LINES: usize = 3;
/// Date-like lines have at most this many words.
const DATE_MAX_WORDS: usize = 6;
/// Headlines have at least this many words.
const HEADLINE_MIN_WORDS: usize = 3;
/// Paragraphs longer than this (bytes) are cut into pieces no longer, at a
/// sentence end when one lies in the last three quarters of the piece,
/// else at a space: the longest paragraph of the corpora is 1.9 KB and its
/// longest sentence 0.8 KB, and extraction slows down with the square of
/// a sentence's length.
const MAX_PARAGRAPH: usize = 4096;

/// Options of one split.
#[derive(Debug, Default)]
pub(crate) struct SplitOptions<'a> {
    /// Ranges forced to be header lines (HTML `h1`–`h3`), sorted by start.
    pub(crate) headings: &'a [Range<usize>],
    /// Strip Markdown heading marks (`## `) from line starts.
    pub(crate) markdown: bool,
}

/// One line of text, trimmed.
#[derive(Debug, Clone)]
struct Line {
    range: Range<usize>,
    chars: usize,
}

/// A paragraph: one line, or several lines of a hard-wrapped block.
#[derive(Debug, Clone)]
struct Para {
    range: Range<usize>,
    /// The range of its first line.
    first_line: Range<usize>,
    lines: usize,
    /// A piece of a paragraph longer than [`MAX_PARAGRAPH`] but the first:
    /// never a header line nor a dateline.
    continued: bool,
}

/// Splits `text` into news items.
pub(crate) fn split(text: &str, boilerplate: &Boilerplate, opts: &SplitOptions) -> Vec<NewsItem> {
    let blocks = blocks(text, boilerplate, opts);
    let mut whole: Vec<Para> = Vec::new();
    for block in &blocks {
        for p in paragraphs(text, block) {
            // Keep a paragraph repeated right after itself once.
            if whole
                .last()
                .is_some_and(|last| text[last.range.clone()] == text[p.range.clone()])
            {
                continue;
            }
            whole.push(p);
        }
    }
    let mut paras = Vec::with_capacity(whole.len());
    for p in whole {
        cut_long(text, p, &mut paras);
    }
    assemble(text, &paras, opts.headings, boilerplate)
}

/// Pushes `p`, cut into pieces of at most [`MAX_PARAGRAPH`] bytes if it is
/// longer: each piece ends at the last sentence end (`.`, `!`, `?`, `…`,
/// `;` followed by whitespace) of its last three quarters, else at its last
/// whitespace, else at a char boundary. Linear: each piece scans at most
/// its last three quarters.
fn cut_long(text: &str, p: Para, out: &mut Vec<Para>) {
    if p.range.len() <= MAX_PARAGRAPH {
        out.push(p);
        return;
    }
    let mut start = p.range.start;
    while start < p.range.end {
        let mut end = (start + MAX_PARAGRAPH).min(p.range.end);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < p.range.end {
            let mut from = start + MAX_PARAGRAPH / 4;
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let tail = &text.as_bytes()[from..end];
            let sentence = tail.windows(2).rposition(|w| {
                matches!(w[0], b'.' | b'!' | b'?' | b';') && w[1].is_ascii_whitespace()
            });
            let ellipsis = text[from..end].rfind("… ").map(|i| i + "…".len() - 1);
            let cut = match sentence.max(ellipsis) {
                Some(i) => Some(i + 1),
                None => tail.iter().rposition(u8::is_ascii_whitespace),
            };
            if let Some(i) = cut {
                end = from + i;
            }
        }
        let range = trim(text, start..end);
        if !range.is_empty() {
            let first_line = match text[range.clone()].find('\n') {
                Some(nl) => trim(text, range.start..range.start + nl),
                None => range.clone(),
            };
            let continued = start > p.range.start;
            out.push(Para {
                first_line: if continued {
                    first_line
                } else {
                    p.first_line.clone()
                },
                lines: p.lines,
                range,
                continued,
            });
        }
        start = end;
    }
}

/// Trimmed content lines grouped into blocks separated by blank lines (or
/// removed chrome); stops at an end marker.
fn blocks(text: &str, boilerplate: &Boilerplate, opts: &SplitOptions) -> Vec<Vec<Line>> {
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        let mut range = trim(text, line_start..line_start + raw.len());
        if opts.markdown {
            range = strip_markdown_heading(text, range);
        }
        let kind = if range.is_empty() {
            LineKind::Chrome
        } else {
            boilerplate.classify(&text[range.clone()])
        };
        match kind {
            LineKind::Content => current.push(Line {
                chars: text[range.clone()].chars().count(),
                range,
            }),
            LineKind::Chrome => {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            }
            LineKind::End => break,
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// `range` without surrounding whitespace.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}

fn strip_markdown_heading(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let rest = s.trim_start_matches('#');
    if rest.len() < s.len() && rest.starts_with(' ') {
        trim(text, range.end - rest.len()..range.end)
    } else {
        range
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', ':', '»', '”', '"', '…'])
}

/// How many wrap-width lines of `lines` lie within [`WRAP_SPREAD`] chars of
/// their median width, and the widest of those (the wrap width).
fn wrap_width(lines: &[Line]) -> (usize, usize) {
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| l.chars)
        .filter(|c| (WRAP_MIN..=WRAP_MAX).contains(c))
        .collect();
    widths.sort_unstable();
    let median = widths.get(widths.len() / 2).copied().unwrap_or(0);
    let similar = widths
        .iter()
        .filter(|&&c| c.abs_diff(median) <= WRAP_SPREAD);
    let max = similar.clone().max().copied().unwrap_or(0);
    (similar.count(), max)
}

/// A block is hard-wrapped when it has several lines of similar width, most
/// of them not ending a sentence.
fn is_hard_wrapped(text: &str, block: &[Line]) -> bool {
    if block.len() < WRAP_MIN_LINES {
        return false;
    }
    let body = &block[..block.len() - 1];
    let (similar, _) = wrap_width(body);
    let open = body
        .iter()
        .filter(|l| !ends_sentence(&text[l.range.clone()]))
        .count();
    similar + 1 >= WRAP_MIN_LINES && similar * 10 >= body.len() * 7 && open * 2 > body.len()
}

/// The paragraphs of a block: one per line, or wrapped lines joined.
fn paragraphs(text: &str, block: &[Line]) -> Vec<Para> {
    let single = |l: &Line| Para {
        range: l.range.clone(),
        first_line: l.range.clone(),
        lines: 1,
        continued: false,
    };
    if !is_hard_wrapped(text, block) {
        return block.iter().map(single).collect();
    }
    let (_, width) = wrap_width(block);
    let mut out: Vec<Para> = Vec::new();
    let mut open = false;
    for l in block {
        match out.last_mut() {
            Some(p) if open => {
                p.range.end = l.range.end;
                p.lines += 1;
            }
            _ => out.push(single(l)),
        }
        // The next line continues this paragraph if this one is a full-width
        // line, or a wrap-width line that does not end a sentence.
        let s = &text[l.range.clone()];
        open = l.chars >= WRAP_MIN
            && l.chars <= WRAP_MAX
            && (!ends_sentence(s) || l.chars * 10 >= width * 9);
    }
    out
}

/// True for the agency dateline marker (`date 2024-06 …`).
fn is_dateline(s: &str) -> bool {
    s.strip_prefix("date ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn is_date_like(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit()) && words(s) <= DATE_MAX_WORDS
}

fn is_forced(headings: &[Range<usize>], r: &Range<usize>) -> bool {
    let i = headings.partition_point(|h| h.start <= r.start);
    i.checked_sub(1)
        .and_then(|i| headings.get(i))
        .is_some_and(|h| r.end <= h.end)
}

fn is_header(text: &str, p: &Para, headings: &[Range<usize>]) -> bool {
    if p.lines > 1 || p.continued {
        return false;
    }
    if is_forced(headings, &p.range) {
        return true;
    }
    let s = &text[p.range.clone()];
    if is_date_like(s) {
        return true;
    }
    s.chars().count() < MAX_HEADER_CHARS
        && !ends_sentence(s)
        && !s.ends_with([',', ';'])
        && !s.starts_with(|c: char| c.is_lowercase())
}

fn is_headline_candidate(text: &str, p: &Para, headings: &[Range<usize>]) -> bool {
    let s = &text[p.range.clone()];
    is_forced(headings, &p.range) || (!is_date_like(s) && words(s) >= HEADLINE_MIN_WORDS)
}

/// A new item from a run of header lines.
fn item_from_header(text: &str, run: &[&Para], headings: &[Range<usize>]) -> NewsItem {
    let chars = |p: &Para| text[p.range.clone()].chars().count();
    let forced = run.iter().filter(|p| is_forced(headings, &p.range));
    let candidates = run
        .iter()
        .filter(|p| is_headline_candidate(text, p, headings));
    let best = |it: &mut dyn Iterator<Item = &&Para>| {
        let mut best: Option<&Para> = None;
        for p in it {
            if best.is_none_or(|b| chars(p) > chars(b)) {
                best = Some(p);
            }
        }
        best.map(|p| p.range.clone())
    };
    let headline = best(&mut forced.clone()).or_else(|| best(&mut candidates.clone()));
    NewsItem {
        header: run
            .iter()
            .map(|p| p.range.clone())
            .filter(|r| Some(r) != headline.as_ref())
            .collect(),
        headline,
        paragraphs: Vec::new(),
        footer: Vec::new(),
    }
}

fn assemble(
    text: &str,
    paras: &[Para],
    headings: &[Range<usize>],
    boilerplate: &Boilerplate,
) -> Vec<NewsItem> {
    let mut items: Vec<NewsItem> = Vec::new();
    let mut run: Vec<&Para> = Vec::new();
    // The last item holds nothing but date-marker paragraphs.
    let mut only_markers = false;
    for p in paras {
        if !p.continued && is_dateline(&text[p.first_line.clone()]) {
            match items.last_mut() {
                // The marker again (alone, then with its dateline): the
                // same dispatch.
                Some(item) if only_markers && run.is_empty() => {
                    item.header.push(p.first_line.clone());
                    item.paragraphs.push(p.range.clone());
                }
                _ => {
                    let mut item = if run.is_empty() {
                        NewsItem {
                            headline: None,
                            header: Vec::new(),
                            paragraphs: Vec::new(),
                            footer: Vec::new(),
                        }
                    } else {
                        item_from_header(text, &run, headings)
                    };
                    run.clear();
                    item.header.push(p.first_line.clone());
                    item.paragraphs.push(p.range.clone());
                    items.push(item);
                }
            }
            only_markers = true;
            continue;
        }
        only_markers = false;
        if is_header(text, p, headings) {
            run.push(p);
            continue;
        }
        if !run.is_empty() {
            let continued = !items.is_empty() && boilerplate.continues(&text[p.range.clone()]);
            if items.is_empty()
                || (!continued && run.iter().any(|p| is_headline_candidate(text, p, headings)))
            {
                items.push(item_from_header(text, &run, headings));
            } else if let Some(item) = items.last_mut() {
                item.paragraphs.extend(run.iter().map(|p| p.range.clone()));
            }
            run.clear();
        }
        if items.is_empty() {
            items.push(NewsItem {
                headline: None,
                header: Vec::new(),
                paragraphs: Vec::new(),
                footer: Vec::new(),
            });
        }
        if let Some(item) = items.last_mut() {
            item.paragraphs.push(p.range.clone());
        }
    }
    items.retain(|i| !i.paragraphs.is_empty());
    if let Some(last) = items.last_mut() {
        last.footer = run.iter().map(|p| p.range.clone()).collect();
    }
    items
}
