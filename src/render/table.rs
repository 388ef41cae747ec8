//! A terminal table of meetings, one row per meeting, fitted to a width.
//!
//! Cells are escaped first: control characters, bidirectional marks and
//! zero-width characters (which press releases copied from Arabic pages
//! carry) are shown as `\u{…}` so that they cannot reorder or hide text.
//! Columns wider than their share are wrapped at spaces.

use crate::model::{Capacity, Entity, Extraction, Meeting, Mode, Participant};
use std::collections::HashMap;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const HEADERS: [&str; 7] = [
    "Date",
    "Counterpart",
    "Person",
    "Place",
    "Mode",
    "Topics",
    "Invitations",
];
const GAP: &str = "  ";
/// No column is narrowed below this, nor below its header, nor the date
/// column at all (unless its content is narrower).
const MIN_WIDTH: usize = 8;

/// True for characters that must not reach a terminal as they are.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
            | '\u{feff}')
}

/// A cell's text with hidden characters written as `\u{…}`.
///
/// ```
/// use diplograph::render::table::escape;
/// assert_eq!(escape("Rabat\u{200f}\n"), "Rabat\\u{200f}\\u{a}");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The table of the meetings of `extraction`, at most `width` columns wide
/// (unless the columns cannot be narrowed further). `hub` is the id of the
/// publishing organization, left out of the counterparts and people.
pub fn meetings(extraction: &Extraction, hub: &str, width: usize) -> String {
    if extraction.meetings.is_empty() {
        return "No meetings found.\n".to_string();
    }
    let names: HashMap<&str, &Entity> = extraction
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let name = |id: &str| names.get(id).map_or(id, |e| e.name.as_str()).to_string();
    // Invitation targets are short: "ICESCO" rather than its full name.
    let short = |id: &str| {
        names
            .get(id)
            .map_or(id, |e| e.acronym.as_deref().unwrap_or(&e.name))
            .to_string()
    };
    let rows: Vec<[String; 7]> = extraction
        .meetings
        .iter()
        .map(|m| row(m, hub, &name, &short).map(|c| escape(&c)))
        .collect();
    let mut out = layout(&rows, width);
    let n = rows.len();
    out.push_str(&format!("{n} meeting{}\n", if n == 1 { "" } else { "s" }));
    out
}

fn row(
    m: &Meeting,
    hub: &str,
    name: &dyn Fn(&str) -> String,
    short: &dyn Fn(&str) -> String,
) -> [String; 7] {
    let counterparts: Vec<String> = m
        .parties
        .iter()
        .filter(|p| *p != hub)
        .map(|p| name(p))
        .collect();
    let person = |p: &Participant| match &p.role {
        Some(role) => format!("{} ({role})", name(&p.person)),
        None => name(&p.person),
    };
    let people: Vec<String> = m
        .participants
        .iter()
        .filter(|p| p.represents.as_deref() != Some(hub))
        .map(person)
        .collect();
    let mode = match m.mode {
        Some(Mode::InPerson) => "in person",
        Some(Mode::Videoconference) => "video",
        Some(Mode::Phone) => "phone",
        None => "",
    };
    let capacity = |c: Capacity| match c {
        Capacity::Observer => " as observer",
        Capacity::Member => "",
    };
    let mut links: Vec<String> = m
        .invitations
        .iter()
        .map(|i| {
            format!(
                "{} invited to {}{}",
                name(&i.invitee),
                short(&i.target),
                capacity(i.capacity)
            )
        })
        .collect();
    links.extend(m.memberships.iter().map(|j| {
        format!(
            "{} member of {}{}",
            name(&j.member),
            short(&j.of),
            capacity(j.capacity)
        )
    }));
    [
        m.date.map_or_else(|| "?".to_string(), |d| d.to_string()),
        counterparts.join(", "),
        people.join("; "),
        m.place.clone().unwrap_or_default(),
        mode.to_string(),
        m.topics.join(", "),
        links.join("; "),
    ]
}

/// Column widths: natural widths, the widest column narrowed first until
/// the row fits.
fn widths(rows: &[[String; 7]], width: usize) -> [usize; 7] {
    let mut natural = HEADERS.map(UnicodeWidthStr::width);
    for r in rows {
        for (w, cell) in natural.iter_mut().zip(r) {
            *w = (*w).max(cell.width());
        }
    }
    let mut min = HEADERS.map(|h| h.width().max(MIN_WIDTH));
    min[0] = natural[0];
    for (m, n) in min.iter_mut().zip(natural) {
        *m = (*m).min(n);
    }
    let mut w = natural;
    let available = width.saturating_sub(GAP.len() * (HEADERS.len() - 1));
    while w.iter().sum::<usize>() > available {
        let widest = (0..w.len())
            .filter(|&i| w[i] > min[i])
            .max_by_key(|&i| (w[i], std::cmp::Reverse(i)));
        match widest {
            Some(i) => w[i] -= 1,
            None => break,
        }
    }
    w
}

fn layout(rows: &[[String; 7]], width: usize) -> String {
    let w = widths(rows, width);
    let mut out = String::new();
    let mut line = |cells: [Vec<String>; 7]| {
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let part = cell.get(k).map_or("", String::as_str);
                text.push_str(part);
                if i + 1 < cells.len() {
                    text.push_str(&" ".repeat(w[i].saturating_sub(part.width())));
                    text.push_str(GAP);
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
    };
    line(HEADERS.map(|h| vec![h.to_string()]));
    line(w.map(|n| vec!["─".repeat(n)]));
    for r in rows {
        let mut i = 0;
        line(r.clone().map(|c| {
            let lines = wrap(&c, w[i]);
            i += 1;
            lines
        }));
    }
    out
}

/// Greedy word wrap at `width` display columns; words longer than a line
/// are cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let current = lines.last().map_or(0, |l| l.width());
        let fits = if current == 0 {
            word.width() <= width
        } else {
            current + 1 + word.width() <= width
        };
        if fits {
            if let Some(l) = lines.last_mut() {
                if current > 0 {
                    l.push(' ');
                }
                l.push_str(word);
            }
            continue;
        }
        if current > 0 {
            lines.push(String::new());
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if lines
                .last()
                .is_some_and(|l| l.width() + cw > width && !l.is_empty())
            {
                lines.push(String::new());
            }
            if let Some(l) = lines.last_mut() {
                l.push(c);
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Invitation, Membership, PartialDate};

    fn entity(id: &str, kind: EntityKind, name: &str) -> Entity {
        Entity::new(id, kind, name)
    }

    fn participant(person: &str, role: &str, represents: &str) -> Participant {
        Participant {
            person: person.into(),
            role: Some(role.into()),
            represents: Some(represents.into()),
        }
    }

    fn sample() -> Extraction {
        use EntityKind::*;
        let base = Meeting {
            id: "m-1".into(),
            doc: "corpus/fr/page.txt".into(),
            headline: None,
            lang: "fr".into(),
            date: Some(PartialDate::ymd(2024, 5, 13)),
            place: Some("Rabat".into()),
            mode: Some(Mode::InPerson),
            parties: vec!["org:icesco".into(), "country:PE".into()],
            participants: vec![
                participant("person:salim-m-almalik", "Director-General", "org:icesco"),
                participant(
                    "person:lucia-quispe",
                    "Ambassador of Peru to the Kingdom of Morocco",
                    "country:PE",
                ),
            ],
            attendees: vec![],
            topics: vec!["culture".into(), "education".into()],
            invitations: vec![
                Invitation {
                    invitee: "country:PE".into(),
                    target: "org:icesco".into(),
                    capacity: Capacity::Observer,
                    evidence: None,
                },
                Invitation {
                    invitee: "country:PE".into(),
                    target: "initiative:humanitarian-coalition".into(),
                    capacity: Capacity::Member,
                    evidence: None,
                },
            ],
            memberships: vec![],
            agreements: vec![],
            evidence: vec![],
        };
        let video = Meeting {
            id: "m-2".into(),
            date: Some("--03-02".parse().unwrap()),
            place: None,
            mode: Some(Mode::Videoconference),
            parties: vec!["org:icesco".into(), "org:who".into()],
            participants: vec![participant(
                "person:nadia-rahman",
                "Regional Director\u{200f}\n",
                "org:who",
            )],
            topics: vec![],
            invitations: vec![],
            memberships: vec![Membership {
                member: "country:AZ".into(),
                of: "initiative:humanitarian-coalition".into(),
                capacity: Capacity::Member,
                evidence: None,
            }],
            ..base.clone()
        };
        Extraction {
            meetings: vec![base, video],
            entities: vec![
                entity("org:icesco", Organization, "ICESCO"),
                entity("org:who", Organization, "World Health Organization"),
                entity("country:PE", Country, "Peru"),
                entity("country:AZ", Country, "Azerbaijan"),
                entity(
                    "initiative:humanitarian-coalition",
                    Initiative,
                    "Global Humanitarian Coalition",
                ),
                entity("person:salim-m-almalik", Person, "Salim M. AlMalik"),
                entity("person:lucia-quispe", Person, "Lucía Quispe"),
                entity("person:nadia-rahman", Person, "Nadia Rahman"),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn table_of_meetings() {
        insta::assert_snapshot!(meetings(&sample(), "org:icesco", 100));
    }

    #[test]
    fn lines_fit_the_width() {
        for width in [80, 100, 120] {
            let table = meetings(&sample(), "org:icesco", width);
            for line in table.lines() {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
            // Nothing is lost by wrapping: every word of the cells is there.
            for word in ["Quispe", "Morocco", "observer", "Azerbaijan"] {
                assert!(table.contains(word), "{width}: {word}\n{table}");
            }
        }
    }

    #[test]
    fn narrow_terminals_keep_dates_and_headers_whole() {
        let table = meetings(&sample(), "org:icesco", 20);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("Date        Counterpart  Person    Place"));
        assert!(lines[2].starts_with("2024-05-13  Peru"), "{table}");
        assert!(lines.iter().all(|l| l.width() <= 76), "{table}");
    }

    #[test]
    fn hidden_characters_are_escaped() {
        for (raw, shown) in [
            ("a\tb", "a\\u{9}b"),
            ("\u{202e}evil", "\\u{202e}evil"),
            ("zero\u{200b}width", "zero\\u{200b}width"),
            ("\u{feff}bom", "\\u{feff}bom"),
            ("Émirats arabes unis", "Émirats arabes unis"),
            ("الرباط", "الرباط"),
        ] {
            assert_eq!(escape(raw), shown);
        }
    }

    #[test]
    fn wrapping() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
    }

    #[test]
    fn no_meetings_says_so() {
        let out = meetings(&Extraction::default(), "org:icesco", 80);
        assert_eq!(out, "No meetings found.\n");
    }
}
