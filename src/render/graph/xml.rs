//! What GraphML and GEXF share on top of quick-xml, which writes the
//! elements, their nesting and indentation, and escapes markup (`<`, `>`,
//! `&`, quotes, carriage returns). Two things it leaves to its callers are
//! done here: characters XML 1.0 cannot carry at all (control characters
//! other than tab, line feed and carriage return, U+FFFE, U+FFFF) become
//! U+FFFD, and tabs and line feeds in attribute values become character
//! references, which readers keep (a literal one would be read as a space).

use crate::{Error, Result};
use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::name::QName;
use std::borrow::Cow;

/// An indented document under way, in memory.
pub(crate) type Doc = Writer<Vec<u8>>;

/// A document with its XML declaration.
pub(crate) fn doc(file: &str) -> Result<Doc> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(|e| Error::io(file, e))?;
    Ok(w)
}

/// The finished document, ending with a line feed.
pub(crate) fn finish(w: Doc, file: &str) -> Result<String> {
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(|e| Error::data(file, e.to_string()))
}

/// The characters of `s` that XML 1.0 can carry, the others as U+FFFD.
fn carried(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    if s.contains(bad) {
        Cow::Owned(
            s.chars()
                .map(|c| if bad(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// An attribute whose value is any text.
pub(crate) fn attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    let escaped = quick_xml::escape::escape(carried(value))
        .replace('\n', "&#10;")
        .replace('\t', "&#9;");
    Attribute {
        key: QName(key),
        value: Cow::Owned(escaped),
    }
}

/// Element content that is any text.
pub(crate) fn text(s: &str) -> BytesText<'static> {
    BytesText::new(&carried(s)).into_owned()
}

/// Every element of a document with its attributes and text, as quick-xml's
/// reader gets them under XML 1.0 (attribute values normalized, references
/// resolved); an error when the document is not well formed.
#[cfg(test)]
pub(crate) fn read_back(xml: &str) -> Result<Vec<Element>, quick_xml::Error> {
    use quick_xml::XmlVersion::Explicit1_0 as V;
    use quick_xml::escape::resolve_predefined_entity;
    let mut r = quick_xml::Reader::from_str(xml);
    let (mut done, mut open): (Vec<Element>, Vec<Element>) = (vec![], vec![]);
    let element = |e: &quick_xml::events::BytesStart<'_>| -> Result<Element, quick_xml::Error> {
        let mut attrs = vec![];
        for a in e.attributes() {
            let a = a.map_err(quick_xml::Error::from)?;
            let key = a.key.as_ref().to_string();
            attrs.push((key, a.normalized_value(V)?.into_owned()));
        }
        Ok(Element {
            name: e.name().as_ref().to_string(),
            attrs,
            text: String::new(),
        })
    };
    loop {
        match r.read_event()? {
            Event::Start(e) => open.push(element(&e)?),
            Event::Empty(e) => done.push(element(&e)?),
            Event::End(_) => done.extend(open.pop()),
            Event::Text(t) => {
                if let Some(e) = open.last_mut() {
                    e.text.push_str(&t.xml_content(V));
                }
            }
            Event::GeneralRef(g) => {
                let c = match g.resolve_char_ref()? {
                    Some(c) => c.to_string(),
                    None => resolve_predefined_entity(&g.xml_content(V))
                        .unwrap_or_default()
                        .to_string(),
                };
                if let Some(e) = open.last_mut() {
                    e.text.push_str(&c);
                }
            }
            Event::Eof => return Ok(done),
            _ => {}
        }
    }
}

/// An element read back by [`read_back`]; `text` is its own, trimmed of
/// nothing (children's text is theirs).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
}

#[cfg(test)]
impl Element {
    /// The value of an attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<a k="…">…</a>` written, then read back: the attribute and the text.
    fn round_trip(value: &str) -> (String, String, String) {
        let mut w = doc("test.xml").unwrap();
        w.create_element("a")
            .with_attributes([attr("k", value)])
            .write_text_content(text(value))
            .unwrap();
        let xml = finish(w, "test.xml").unwrap();
        let read = read_back(&xml).unwrap();
        assert_eq!(read.len(), 1, "{read:?}");
        let k = read[0].attr("k").unwrap().to_string();
        (xml, k, read[0].text.clone())
    }

    #[test]
    fn markup_and_whitespace_come_back_as_written() {
        let s = "<script>\"a\" & 'b'</script>\n\tline\r\u{202e}x\u{200b}";
        let (xml, attribute, content) = round_trip(s);
        assert!(!xml.contains("<script"), "{xml}");
        assert!(xml.contains("&#10;&#9;line&#13;"), "{xml}");
        assert_eq!(attribute, s);
        assert_eq!(content, s);
    }

    #[test]
    fn what_xml_cannot_carry_becomes_a_replacement_character() {
        let (xml, attribute, content) = round_trip("bell\u{7}\u{0}\u{ffff}");
        assert!(!xml.contains(['\u{7}', '\u{0}', '\u{ffff}']), "{xml:?}");
        assert_eq!(attribute, "bell\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(content, "bell\u{fffd}\u{fffd}\u{fffd}");
    }

    #[test]
    fn a_badly_nested_document_does_not_read_back() {
        assert!(read_back("<a><b></a></b>").is_err());
    }
}
