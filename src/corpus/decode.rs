//! Bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM, or a legacy
//! encoding guessed by `chardetng`, with a [`SourceMap`] back to the bytes.

use super::source_map::SourceMap;
use encoding_rs::{DecoderResult, Encoding, UTF_8};

/// How many leading bytes are inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;

/// A decoded file.
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) map: SourceMap,
    pub(crate) encoding: &'static str,
}

/// True when the first bytes look binary: a NUL byte, or more than one in
/// ten bytes being control characters other than whitespace and escape.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some_and(|(enc, _)| enc != UTF_8) {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > head.len()
}

/// Decodes `bytes`; never fails (undecodable bytes become U+FFFD).
pub(crate) fn decode(bytes: Vec<u8>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes)
        && enc != UTF_8
    {
        return transcode(enc, &bytes, bom);
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
            text.drain(..bom);
            let map = SourceMap::identity(text.len(), bom);
            Decoded {
                text,
                map,
                encoding: UTF_8.name(),
            }
        }
        Err(e) => {
            let bytes = e.into_bytes();
            if let Some(decoded) = mostly_utf8(&bytes) {
                return decoded;
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes, true);
            let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
            transcode(enc, &bytes, 0)
        }
    }
}

/// UTF-8 with a few invalid sequences (a stray Latin-1 byte, a truncated
/// char): when valid multi-byte chars outnumber the invalid sequences, the
/// file is UTF-8 and each invalid sequence becomes U+FFFD mapping to its
/// bytes. Otherwise `None` (a legacy encoding is guessed instead).
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut text = String::with_capacity(bytes.len());
    let mut map = SourceMap::default();
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        let at = bytes.len() - rest.len();
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(s) => (s, 0),
            Err(e) => {
                let (good, _) = rest.split_at(e.valid_up_to());
                let bad = e.error_len().unwrap_or(rest.len() - good.len());
                // `good` is valid by construction.
                (std::str::from_utf8(good).unwrap_or_default(), bad)
            }
        };
        valid_multibyte += valid.bytes().filter(|&b| b >= 0xc0).count();
        let start = text.len();
        text.push_str(valid);
        map.push(start..text.len(), at..at + valid.len(), true);
        if bad > 0 {
            invalid += 1;
            let start = text.len();
            text.push('\u{fffd}');
            let from = at + valid.len();
            map.push(start..text.len(), from..from + bad, false);
        }
        rest = &rest[valid.len() + bad..];
    }
    (valid_multibyte > invalid).then_some(Decoded {
        text,
        map,
        encoding: UTF_8.name(),
    })
}

/// Decodes `bytes[from..]` with `enc`, mapping each char to its source bytes.
fn transcode(enc: &'static Encoding, bytes: &[u8], from: usize) -> Decoded {
    let src = &bytes[from..];
    let mut map = SourceMap::default();
    let text = if enc.is_single_byte() {
        // One byte, one char: ASCII runs are exact, other chars map to their byte.
        let (text, _) = enc.decode_without_bom_handling(src);
        for (at, (i, c)) in text.char_indices().enumerate() {
            let s = from + at;
            map.push(i..i + c.len_utf8(), s..s + 1, c.is_ascii());
        }
        text.into_owned()
    } else {
        // Feed one byte at a time and give the chars produced to the bytes
        // consumed since the previous output.
        let mut decoder = enc.new_decoder_without_bom_handling();
        let mut text = String::with_capacity(src.len() + src.len() / 2);
        let mut pending = 0;
        for i in 0..=src.len() {
            let last = i == src.len();
            let chunk = if last { &[][..] } else { &src[i..i + 1] };
            let before = text.len();
            let mut rest = chunk;
            loop {
                let need = decoder.max_utf8_buffer_length(rest.len()).unwrap_or(16);
                text.reserve(need.max(4));
                let (result, read) =
                    decoder.decode_to_string_without_replacement(rest, &mut text, last);
                rest = &rest[read..];
                match result {
                    DecoderResult::InputEmpty => break,
                    DecoderResult::OutputFull => continue,
                    DecoderResult::Malformed(_, _) => text.push('\u{fffd}'),
                }
            }
            let consumed_to = if last { src.len() } else { i + 1 };
            if text.len() > before {
                let src_range = from + pending..from + consumed_to;
                let exact = text[before..].len() == src_range.len() && text[before..].is_ascii();
                map.push(before..text.len(), src_range, exact);
                pending = consumed_to;
            }
        }
        text
    };
    Decoded {
        text,
        map,
        encoding: enc.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_offsets_shift() {
        let d = decode(b"\xEF\xBB\xBFabc".to_vec());
        assert_eq!(d.text, "abc");
        assert_eq!(d.map.range(1..2), 4..5);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Réunion".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(bytes);
        assert_eq!(d.text, "Réunion");
        assert_eq!(d.encoding, "UTF-16LE");
        let at = d.text.find("union").unwrap_or(usize::MAX);
        assert_eq!(d.map.range(at..at + 5), 6..16);
    }

    #[test]
    fn mostly_utf8_keeps_its_chars_and_maps_invalid_bytes() {
        let d = decode(b"G\xc3\xa9n\xe9ral \xc3\xa9t\xc3\xa9 \xe2\x80".to_vec());
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, "G\u{e9}n\u{fffd}ral \u{e9}t\u{e9} \u{fffd}");
        let at = d.text.find('\u{fffd}').unwrap_or_default();
        assert_eq!(d.map.range(at..at + 3), 4..5);
        assert_eq!(d.map.range(0..at), 0..4);
        // Latin-1 through and through is no UTF-8.
        assert_eq!(
            decode(b"G\xe9n\xe9ral \xe9t\xe9".to_vec()).encoding,
            "windows-1252"
        );
    }

    #[test]
    fn binary_sniffing() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00abc"));
        assert!(looks_binary(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a']));
        assert!(!looks_binary("Texte accentué\r\n".as_bytes()));
        assert!(!looks_binary(&[0xFF, 0xFE, b'a', 0]));
    }
}
