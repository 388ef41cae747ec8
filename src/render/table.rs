//! Terminal tables: the meetings, one row per meeting, fitted to a width,
//! and the plain aligned tables of the analysis views.
//!
//! Columns share the width, the widest narrowed first; cells wrap at
//! spaces and after hyphens only (textwrap), a column never narrower than
//! its longest word, so no word is cut: a table whose words cannot fit is
//! wider than asked. comfy-table lays the wrapped cells out. Cells are
//! escaped first: control characters, bidirectional marks and zero-width
//! characters (which press releases copied from Arabic pages carry) are
//! shown as `\u{…}` so that they cannot reorder or hide text. Meetings are
//! sorted by date (dates without a year after the dated ones, undated
//! last), then by document.

use crate::model::{Capacity, Entity, Extraction, Meeting, Mode, Participant};
use comfy_table::{CellAlignment, ContentArrangement, Table};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

const HEADERS: [&str; 10] = [
    "Date",
    "Counterpart",
    "Person",
    "Place",
    "Mode",
    "Topics",
    "Invitations",
    "Memberships",
    "Agreements",
    "Hub",
];
/// The first of the facts columns (and the hub column, when the meetings
/// have several publishers), shown only when some meeting has one.
const FACTS: usize = 6;

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

/// A table without borders: the header underlined, two spaces between
/// columns, `right` the indices of the right-aligned (numeric) columns.
/// With a `width`, cells are wrapped to fit it (see [`widths`]), but for
/// the columns of `whole`; without, every cell stays on one line.
pub(crate) fn plain(
    headers: &[&str],
    mut rows: Vec<Vec<String>>,
    right: &[usize],
    width: Option<(usize, &[usize])>,
) -> String {
    if let Some((width, whole)) = width {
        let columns = |f: &dyn Fn(&str) -> usize| -> Vec<usize> {
            (0..headers.len())
                .map(|i| {
                    rows.iter()
                        .filter_map(|r| r.get(i))
                        .map(|c| f(c))
                        .chain([f(headers[i])])
                        .max()
                        .unwrap_or(0)
                })
                .collect()
        };
        let natural = columns(&|c| c.lines().map(UnicodeWidthStr::width).max().unwrap_or(0));
        // Wrapped as narrow as can be, a cell is its longest unbreakable piece.
        let mut pieces = columns(&|c| widest(&wrap(c, 1)));
        for &i in whole {
            pieces[i] = natural[i];
        }
        let gaps = 2 * headers.len().saturating_sub(1);
        let fitted = widths(&natural, &pieces, width.saturating_sub(gaps));
        for row in &mut rows {
            for (cell, &w) in row.iter_mut().zip(&fitted) {
                *cell = wrap(cell, w).join("\n");
            }
        }
    }
    let mut table = Table::new();
    let mut style = comfy_table::presets::NOTHING;
    // The junction is the column gap's second space, the padding its first.
    style.header_separator = comfy_table::LineStyle::none().fill('─').junction(' ');
    table
        .load_style(style)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.to_vec())
        .add_rows(rows);
    let last = headers.len().saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, u16::from(i != last)));
        if right.contains(&i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut out = table.trim_fmt();
    out.push('\n');
    out
}

/// Lines of at most `width` columns, broken at spaces and after hyphens,
/// never inside a word (a longer word has a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1)).break_words(false);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

fn widest(lines: &[String]) -> usize {
    lines.iter().map(|l| l.width()).max().unwrap_or(0)
}

/// Column widths that fit `available` columns of text: each column at its
/// natural width, the widest narrowed first, but none below its longest
/// unbreakable piece (so the table is wider than `available` when its
/// words are).
fn widths(natural: &[usize], pieces: &[usize], available: usize) -> Vec<usize> {
    let mut w = natural.to_vec();
    while w.iter().sum::<usize>() > available {
        let widest = (0..w.len())
            .filter(|&i| w[i] > pieces[i])
            .max_by_key(|&i| (w[i], std::cmp::Reverse(i)));
        match widest {
            Some(i) => w[i] -= 1,
            None => break,
        }
    }
    w
}

/// Width of a table when no terminal tells one (output to a file or a pipe).
pub const DEFAULT_WIDTH: usize = 120;

/// The width to fit tables to: `$COLUMNS` when set to a number, else the
/// width of the terminal standard output is, else [`DEFAULT_WIDTH`].
///
/// ```
/// let w = diplograph::render::table::terminal_width();
/// assert!(w > 0);
/// ```
pub fn terminal_width() -> usize {
    let terminal = console::Term::stdout()
        .size_checked()
        .map(|(_rows, columns)| usize::from(columns));
    choose_width(std::env::var("COLUMNS").ok().as_deref(), terminal)
}

fn choose_width(columns: Option<&str>, terminal: Option<usize>) -> usize {
    columns
        .and_then(|c| c.trim().parse().ok())
        .filter(|&c: &usize| c > 0)
        .or(terminal.filter(|&t| t > 0))
        .unwrap_or(DEFAULT_WIDTH)
}

/// The table of the meetings of `extraction`, at most `width` columns wide
/// (unless a column's longest word does not fit). Each meeting's publisher
/// (or, for a meeting without one, `hub`) is left out of its counterparts
/// and people; when the meetings have several publishers, a last column
/// names each meeting's.
///
/// ```
/// use diplograph::model::Extraction;
/// use diplograph::render::table::meetings;
/// assert_eq!(meetings(&Extraction::default(), "org:icesco", 80), "No meetings found.\n");
/// ```
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
    let mut sorted: Vec<&Meeting> = extraction.meetings.iter().collect();
    sorted.sort_by_key(|m| chronological(m));
    let hub_of = |m: &Meeting| m.publisher.as_deref().unwrap_or(hub).to_string();
    let hubs: std::collections::BTreeSet<String> = sorted.iter().map(|m| hub_of(m)).collect();
    let mut rows: Vec<Vec<String>> = sorted
        .into_iter()
        .map(|m| {
            row(m, &hub_of(m), hubs.len() > 1, &name, &short)
                .map(|c| escape(&c))
                .to_vec()
        })
        .collect();
    // The facts columns (invitations, memberships, agreements) only when
    // some meeting has one: narrow terminals keep the room.
    let shown: Vec<usize> = (0..HEADERS.len())
        .filter(|&i| i < FACTS || rows.iter().any(|r| !r[i].is_empty()))
        .collect();
    let headers: Vec<&str> = shown.iter().map(|&i| HEADERS[i]).collect();
    for r in &mut rows {
        *r = shown.iter().map(|&i| std::mem::take(&mut r[i])).collect();
    }
    let n = rows.len();
    // Dates stay whole.
    let mut out = plain(&headers, rows, &[], Some((width, &[0])));
    out.push_str(&format!("{n} meeting{}\n", if n == 1 { "" } else { "s" }));
    out
}

/// The sort key of a meeting: dated (by year, month, day), then with a
/// date that lacks its year, then undated; then by document.
fn chronological(m: &Meeting) -> (u8, Option<crate::model::PartialDate>, &str) {
    let rank = match m.date {
        Some(d) if d.year.is_some() => 0,
        Some(_) => 1,
        None => 2,
    };
    (rank, m.date, m.doc.as_str())
}

/// A meeting's cells; `hub` is its hub, named in the last cell when
/// `name_hub`.
fn row(
    m: &Meeting,
    hub: &str,
    name_hub: bool,
    name: &dyn Fn(&str) -> String,
    short: &dyn Fn(&str) -> String,
) -> [String; 10] {
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
    let invitations: Vec<String> = m
        .invitations
        .iter()
        .map(|i| {
            format!(
                "{} to {}{}",
                name(&i.invitee),
                short(&i.target),
                capacity(i.capacity)
            )
        })
        .collect();
    let memberships: Vec<String> = m
        .memberships
        .iter()
        .map(|j| {
            format!(
                "{} in {}{}",
                name(&j.member),
                short(&j.of),
                capacity(j.capacity)
            )
        })
        .collect();
    [
        m.date.map_or_else(|| "?".to_string(), |d| d.to_string()),
        counterparts.join(", "),
        people.join("; "),
        m.place.clone().unwrap_or_default(),
        mode.to_string(),
        m.topics.join(", "),
        invitations.join("; "),
        memberships.join("; "),
        m.agreements
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        if name_hub { short(hub) } else { String::new() },
    ]
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
            agreements: vec![crate::model::Agreement {
                title: "memorandum of understanding on school libraries".into(),
                parties: vec!["org:icesco".into(), "country:PE".into()],
                evidence: None,
            }],
            occasion: None,
            publisher: None,
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
    fn table_of_meetings_at_two_widths() {
        insta::assert_snapshot!("meetings_80", meetings(&sample(), "org:icesco", 80));
        insta::assert_snapshot!("meetings_140", meetings(&sample(), "org:icesco", 140));
    }

    #[test]
    fn lines_fit_the_width_and_words_stay_whole() {
        let sample = sample();
        let width_of = |t: &str| t.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        let words: Vec<String> = meetings(&sample, "org:icesco", 1000)
            .split_whitespace()
            .filter(|w| !w.starts_with('─'))
            .map(str::to_string)
            .collect();
        // The narrowest table the sample's longest words allow.
        let narrowest = width_of(&meetings(&sample, "org:icesco", 0));
        assert!((100..130).contains(&narrowest), "{narrowest}");
        for width in [20, 60, 80, 110, 120, 160] {
            let table = meetings(&sample, "org:icesco", width);
            assert!(width_of(&table) <= width.max(narrowest), "{width}\n{table}");
            // Wrapping cuts no word: the words of the unwrapped table are
            // all there.
            let here: Vec<&str> = table.split_whitespace().collect();
            for w in &words {
                assert!(here.contains(&w.as_str()), "{width}: {w} cut\n{table}");
            }
            let lines: Vec<&str> = table.lines().collect();
            assert_eq!(
                lines[0].split_whitespace().collect::<Vec<_>>(),
                // every column but the hub's: one publisher
                HEADERS[..HEADERS.len() - 1],
                "{table}"
            );
            assert!(lines[2].starts_with("2024-05-13  Peru"), "{table}");
        }
        let wide = width_of(&meetings(&sample, "org:icesco", 120));
        assert!(wide > narrowest && wide <= 120, "{wide}");
    }

    #[test]
    fn rows_go_by_date_then_document_undated_last() {
        let mut e = sample();
        let mut undated = e.meetings[0].clone();
        undated.date = None;
        undated.doc = "corpus/a-first.txt".into();
        let mut early = e.meetings[0].clone();
        early.date = Some(PartialDate::ymd(2019, 1, 2));
        early.doc = "corpus/z-last.txt".into();
        early.place = Some("Tunis".into());
        let mut same_day = early.clone();
        same_day.doc = "corpus/b.txt".into();
        same_day.place = Some("Doha".into());
        e.meetings.insert(0, undated);
        e.meetings.push(early);
        e.meetings.push(same_day);
        let table = meetings(&e, "org:icesco", 200);
        let dates: Vec<&str> = table
            .lines()
            .skip(2)
            .filter_map(|l| l.split_whitespace().next())
            .filter(|w| w.starts_with("20") || w.starts_with("--") || *w == "?")
            .collect();
        assert_eq!(
            dates,
            ["2019-01-02", "2019-01-02", "2024-05-13", "--03-02", "?"],
            "{table}"
        );
        let doha = table.find("Doha").unwrap();
        let tunis = table.find("Tunis").unwrap();
        assert!(doha < tunis, "same day: by document\n{table}");
    }

    #[test]
    fn memberships_have_their_own_column() {
        let table = meetings(&sample(), "org:icesco", 200);
        let header = table.lines().next().unwrap();
        let column = header.find("Memberships").unwrap();
        let row = table.lines().find(|l| l.contains("Azerbaijan")).unwrap();
        assert_eq!(row.find("Azerbaijan"), Some(column), "{table}");
        assert!(header.find("Invitations").unwrap() < column);
    }

    #[test]
    fn agreements_have_their_own_column() {
        let table = meetings(&sample(), "org:icesco", 400);
        let header = table.lines().next().unwrap();
        assert!(header.trim_end().ends_with("Agreements"), "{table}");
        let row = table.lines().find(|l| l.contains("memorandum")).unwrap();
        let at = |line: &str, what: &str| line[..line.find(what).unwrap()].chars().count();
        assert_eq!(
            at(row, "memorandum of understanding"),
            at(header, "Agreements"),
            "{table}"
        );
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
    fn columns_wins_then_the_terminal_then_the_default() {
        assert_eq!(choose_width(Some("72"), Some(200)), 72);
        assert_eq!(choose_width(None, Some(200)), 200);
        assert_eq!(choose_width(Some("wide"), Some(90)), 90);
        assert_eq!(choose_width(Some("0"), None), DEFAULT_WIDTH);
        assert_eq!(choose_width(None, None), DEFAULT_WIDTH);
    }

    #[test]
    fn no_meetings_says_so() {
        let out = meetings(&Extraction::default(), "org:icesco", 80);
        assert_eq!(out, "No meetings found.\n");
    }

    #[test]
    fn a_hub_column_names_each_meeting_s_publisher_when_there_are_several() {
        let mut e = sample();
        assert!(!meetings(&e, "org:icesco", 200).contains("Hub"));
        let mut other = e.meetings[0].clone();
        other.parties = vec!["org:alecso".into(), "org:icesco".into()];
        other.publisher = Some("org:alecso".into());
        other.participants.clear();
        e.meetings[0].publisher = Some("org:icesco".into());
        e.meetings.push(other);
        e.entities.push(crate::model::Entity {
            acronym: Some("ALECSO".into()),
            ..crate::model::Entity::new(
                "org:alecso",
                EntityKind::Organization,
                "Arab League Educational, Cultural and Scientific Organization",
            )
        });
        let table = meetings(&e, "org:icesco", 200);
        let header = table.lines().next().unwrap();
        assert!(header.trim_end().ends_with("Hub"), "{table}");
        // ALECSO's meeting has ICESCO for counterpart, and ALECSO for hub.
        let row = table
            .lines()
            .find(|l| l.trim_end().ends_with("ALECSO"))
            .unwrap();
        assert!(row.contains("ICESCO"), "{table}");
    }
}
