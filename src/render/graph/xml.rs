//! A small XML writer for GraphML and GEXF: elements are opened and closed in
//! order, every attribute value and text is escaped, and characters XML 1.0
//! cannot carry at all (control characters other than tab, line feed and
//! carriage return, U+FFFE, U+FFFF) are replaced by U+FFFD.

/// Escapes text or an attribute value. Tab, line feed and carriage return
/// become character references so that attribute values keep them.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{fffd}'),
        }
    }
    out
}

/// True for the characters of XML 1.0's `Char` production (tab, line feed
/// and carriage return are handled before).
fn is_xml_char(c: char) -> bool {
    !(c < ' ' || c == '\u{fffe}' || c == '\u{ffff}')
}

/// Builds an indented document.
#[derive(Debug, Default)]
pub(crate) struct Xml {
    out: String,
    open: Vec<&'static str>,
}

impl Xml {
    /// A document with its XML declaration.
    pub fn new() -> Self {
        Xml {
            out: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".into(),
            open: Vec::new(),
        }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push_str(&"  ".repeat(self.open.len()));
        self.out.push('<');
        self.out.push_str(name);
        for (k, v) in attrs {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            self.out.push_str(&escape(v));
            self.out.push('"');
        }
    }

    /// Opens an element; [`Xml::close`] closes it.
    pub fn open(&mut self, name: &'static str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// An element without content.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding text.
    pub fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.out.push_str(&"  ".repeat(self.open.len()));
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push_str(">\n");
        }
    }

    /// The document, every open element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_replaces_what_xml_cannot_carry() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;"
        );
        assert_eq!(escape("a\nb\tc\r"), "a&#10;b&#9;c&#13;");
        assert_eq!(
            escape("bell\u{7}\u{0}\u{ffff}"),
            "bell\u{fffd}\u{fffd}\u{fffd}"
        );
        // bidirectional marks and zero-width characters are legal text
        assert_eq!(escape("\u{202e}x\u{200b}"), "\u{202e}x\u{200b}");
    }

    #[test]
    fn nests_and_closes() {
        let mut x = Xml::new();
        x.open("a", &[("k", "<v>")]);
        x.text("b", &[], "t&t");
        x.empty("c", &[]);
        assert_eq!(
            x.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"&lt;v&gt;\">\n  <b>t&amp;t</b>\n  <c/>\n</a>\n"
        );
    }
}
