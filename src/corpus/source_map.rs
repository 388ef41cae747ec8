//! A map from byte offsets of an extracted text back to byte offsets of the
//! source it came from.
//!
//! The text is covered by consecutive pieces. An *exact* piece is a verbatim
//! copy of its source bytes (same length, offset by a constant); an *inexact*
//! piece (a transcoded character, a decoded entity, a synthetic line break,
//! an HTML run that could not be located) maps as a whole onto its source
//! span: a range starting inside it starts at the span start, a range ending
//! inside it ends at the span end.
//!
//! Offsets are stored as `u32` (16 bytes a piece, not 32: an HTML page has
//! a few pieces per text node); texts and sources are at most
//! [`MAX_LEN`] bytes (the corpus stage skips larger ones).

use std::ops::Range;

/// The longest text or source a map can describe.
pub(crate) const MAX_LEN: usize = u32::MAX as usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text: usize,
    src_start: usize,
    src_end: usize,
    exact: bool,
}

/// A [`Piece`] as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    text: u32,
    src_start: u32,
    src_end: u32,
    exact: bool,
}

/// An offset as stored: at most [`MAX_LEN`] (callers check lengths first).
fn pack(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl Packed {
    fn get(self) -> Piece {
        Piece {
            text: self.text as usize,
            src_start: self.src_start as usize,
            src_end: self.src_end as usize,
            exact: self.exact,
        }
    }
}

/// Text offsets to source offsets; see the module docs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SourceMap {
    pieces: Vec<Packed>,
    text_len: usize,
}

impl SourceMap {
    /// A text that is its source from `offset` on (UTF-8 after a BOM).
    pub(crate) fn identity(len: usize, offset: usize) -> Self {
        let mut map = SourceMap::default();
        map.push(0..len, offset..offset + len, true);
        map
    }

    /// Appends the piece for `text`, which must start where the previous
    /// piece ended. Exact pieces must have `src.len() == text.len()`.
    pub(crate) fn push(&mut self, text: Range<usize>, src: Range<usize>, exact: bool) {
        if text.is_empty() {
            return;
        }
        debug_assert_eq!(text.start, self.text_len);
        debug_assert!(!exact || src.len() == text.len());
        self.text_len = text.end;
        if let Some(last) = self.pieces.last_mut()
            && exact
            && last.exact
            && last.src_end as usize == src.start
        {
            last.src_end = pack(src.end);
            return;
        }
        self.pieces.push(Packed {
            text: pack(text.start),
            src_start: pack(src.start),
            src_end: pack(src.end),
            exact,
        });
    }

    fn piece(&self, i: usize) -> Option<Piece> {
        self.pieces.get(i).map(|p| p.get())
    }

    fn start(&self, pos: usize) -> usize {
        let idx = self.pieces.partition_point(|p| p.text as usize <= pos);
        let Some(piece) = idx.checked_sub(1).and_then(|i| self.piece(i)) else {
            return 0;
        };
        if pos >= self.text_len {
            return piece.src_end;
        }
        if piece.exact {
            (piece.src_start + (pos - piece.text)).min(piece.src_end)
        } else {
            piece.src_start
        }
    }

    fn end(&self, pos: usize) -> usize {
        let idx = self.pieces.partition_point(|p| (p.text as usize) < pos);
        let Some(piece) = idx.checked_sub(1).and_then(|i| self.piece(i)) else {
            return self.piece(0).map_or(0, |p| p.src_start);
        };
        if piece.exact {
            (piece.src_start + (pos - piece.text)).min(piece.src_end)
        } else {
            piece.src_end
        }
    }

    /// The source range of a text range.
    pub(crate) fn range(&self, text: Range<usize>) -> Range<usize> {
        let start = self.start(text.start);
        if text.is_empty() {
            return start..start;
        }
        start..self.end(text.end).max(start)
    }

    /// Chains `self` (text → middle) with `inner` (middle → source).
    pub(crate) fn compose(&self, inner: &SourceMap) -> SourceMap {
        let mut out = SourceMap::default();
        for (i, piece) in self.pieces.iter().map(|p| p.get()).enumerate() {
            let text_end = self.piece(i + 1).map_or(self.text_len, |next| next.text);
            if !piece.exact {
                out.push(
                    piece.text..text_end,
                    inner.range(piece.src_start..piece.src_end),
                    false,
                );
                continue;
            }
            // Split the exact piece along the pieces of `inner`.
            let mid = piece.src_start..piece.src_end;
            let mut k = inner
                .pieces
                .partition_point(|q| q.text as usize <= mid.start)
                .saturating_sub(1);
            let mut at = mid.start;
            while at < mid.end {
                let Some(q) = inner.piece(k) else {
                    // Beyond the inner text: map what remains as one span.
                    let end = inner.range(at..at).start;
                    out.push(piece.text + (at - mid.start)..text_end, end..end, false);
                    break;
                };
                let q_end = inner.piece(k + 1).map_or(inner.text_len, |next| next.text);
                let sub_end = q_end.min(mid.end);
                let text_range = piece.text + (at - mid.start)..piece.text + (sub_end - mid.start);
                if q.exact {
                    let s = q.src_start + (at - q.text);
                    out.push(text_range, s..s + (sub_end - at), true);
                } else {
                    out.push(text_range, q.src_start..q.src_end, false);
                }
                at = sub_end;
                k += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_with_offset() {
        let m = SourceMap::identity(10, 3);
        assert_eq!(m.range(0..10), 3..13);
        assert_eq!(m.range(4..4), 7..7);
    }

    #[test]
    fn inexact_pieces_map_as_a_whole() {
        let mut m = SourceMap::default();
        m.push(0..2, 0..2, true);
        m.push(2..4, 2..3, false); // "é" (2 bytes) from one Latin-1 byte
        m.push(4..6, 3..5, true);
        assert_eq!(m.range(0..6), 0..5);
        assert_eq!(m.range(2..4), 2..3);
        assert_eq!(m.range(4..6), 3..5);
        assert_eq!(m.range(0..2), 0..2);
    }

    #[test]
    fn compose_splits_exact_pieces() {
        let mut inner = SourceMap::default();
        inner.push(0..2, 0..2, true);
        inner.push(2..4, 2..3, false);
        inner.push(4..8, 3..7, true);
        // The outer text drops the first byte of the middle text.
        let mut outer = SourceMap::default();
        outer.push(0..7, 1..8, true);
        let m = outer.compose(&inner);
        assert_eq!(m.range(0..1), 1..2);
        assert_eq!(m.range(1..3), 2..3);
        assert_eq!(m.range(3..7), 3..7);
    }
}
