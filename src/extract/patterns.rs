//! Token patterns over the layers of a sentence, in the spirit of spaCy's
//! `Matcher` and nlprule's rule files.
//!
//! A pattern is a sequence of token specs, read from the lexicon files
//! (`[[patterns]]`). Each spec tests one token or one span of tokens:
//!
//! | spec | matches |
//! |---|---|
//! | `word = ["with", "avec"]` | a token whose folded form is one of these |
//! | `prefix = ["rencontr"]` | a token whose folded form starts so |
//! | `shape = "year"` | a year of four digits, 1900 to 2099 ("in 1984") |
//! | `list = "partner_before"` | a phrase of that lexicon list (one or more tokens) |
//! | `entity = "party"` / `"hub"` | a mention of a state or organization / of the publishing organization |
//! | `any = true` | any token |
//! | `any = true, except = ["clause"]` | any token that starts no phrase of these lists |
//!
//! and may repeat: `op = "?"`, `"*"`, `"+"` or `"{m,n}"`. A pattern names
//! the feature ([`FEATURES`]) it gives to the span its `entity = "party"`
//! spec matched, or to the one spec marked `target = true` (a party or a
//! list phrase). Party features: `partner` ("met with the Council"),
//! `co_subject` ("the Council and ICESCO signed"), `destination` ("arrived
//! in Rabat": where the meeting was, not who met). Agreement features, on
//! the phrase of the `agreement` list: `agreement` ("signed a memorandum of
//! understanding"), `agreement_restated` ("the MoU was signed": signed,
//! but one named before when there is one), `agreement_prospect` ("the
//! possibility of signing an agreement": not signed), `agreement_reference`
//! ("the agreement": one named before). Adding a construction is a data change with a table test,
//! not a new branch in Rust.

use serde::Deserialize;
use std::ops::Range;

/// The features a pattern may give.
pub const FEATURES: &[&str] = &[
    "partner",
    "co_subject",
    "destination",
    "agreement",
    "agreement_restated",
    "agreement_prospect",
    "agreement_reference",
];

/// A pattern as a lexicon file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    /// A name for messages and tests.
    pub name: String,
    /// The feature it gives (one of [`FEATURES`]).
    pub feature: String,
    pub tokens: Vec<TokenSpec>,
}

impl PatternSpec {
    /// The lexicon lists its tokens name.
    pub fn lists(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().filter_map(|t| t.list.as_deref())
    }
}

/// One token spec as a lexicon file writes it: exactly one test, and an
/// optional repetition.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenSpec {
    #[serde(default)]
    word: Vec<String>,
    #[serde(default)]
    prefix: Vec<String>,
    shape: Option<String>,
    list: Option<String>,
    entity: Option<String>,
    #[serde(default)]
    any: bool,
    #[serde(default)]
    except: Vec<String>,
    /// Marks the span the pattern gives its feature to: a party when it
    /// names two, or a list phrase.
    #[serde(default)]
    target: bool,
    op: Option<String>,
}

/// Labels of the entity layer that patterns read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A state or an organization other than the publishing one.
    Party,
    /// The publishing organization.
    Hub,
}

/// What one step tests; lists are named by their index in
/// [`Pattern::lists`].
#[derive(Debug, Clone)]
enum Test {
    Word(Vec<String>),
    Prefix(Vec<String>),
    Year,
    List(usize),
    Entity(Label),
    /// Any token that starts no phrase of these lists.
    Any(Vec<usize>),
}

#[derive(Debug, Clone)]
struct Step {
    test: Test,
    min: usize,
    max: usize,
    /// The span this step matches is the pattern's.
    target: bool,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub name: String,
    pub feature: &'static str,
    steps: Vec<Step>,
    /// The lists the steps read, each once.
    lists: Vec<String>,
}

impl Pattern {
    /// Compiles a pattern; `known_list` says which list names exist.
    pub fn new(spec: &PatternSpec, known_list: &dyn Fn(&str) -> bool) -> Result<Self, String> {
        let feature = FEATURES
            .iter()
            .find(|f| **f == spec.feature)
            .ok_or_else(|| {
                format!(
                    "pattern {:?}: unknown feature {:?} (one of {})",
                    spec.name,
                    spec.feature,
                    FEATURES.join(", ")
                )
            })?;
        let mut lists: Vec<String> = Vec::new();
        let mut steps = spec
            .tokens
            .iter()
            .map(|t| {
                step(t, known_list, &mut lists).map_err(|e| format!("pattern {:?}: {e}", spec.name))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let parties: Vec<usize> = (0..steps.len())
            .filter(|&k| matches!(steps[k].test, Test::Entity(Label::Party)))
            .collect();
        let targets = steps.iter().filter(|s| s.target).count();
        match (parties.as_slice(), targets) {
            ([only], 0) => steps[*only].target = true,
            (_, 1) => {}
            _ => {
                return Err(format!(
                    "pattern {:?}: needs one `entity = \"party\"` token, or one token marked `target = true`",
                    spec.name
                ));
            }
        }
        Ok(Pattern {
            name: spec.name.clone(),
            feature,
            steps,
            lists,
        })
    }

    /// The lexicon lists the pattern reads.
    pub fn lists(&self) -> impl Iterator<Item = &str> {
        self.lists.iter().map(String::as_str)
    }

    /// The target spans this pattern matches in a sentence: every match,
    /// not only the longest ("ICESCO, the Fund and the University held"
    /// gives both).
    pub fn targets(&self, view: &View) -> Vec<Range<usize>> {
        let names: Vec<&str> = self.lists().collect();
        let ids: Vec<usize> = (0..names.len()).collect();
        self.targets_in(&Index::new(view, &names), &ids)
    }

    /// [`Pattern::targets`] in an index of the view; `ids` gives the
    /// index's table of each of the pattern's lists.
    fn targets_in(&self, index: &Index, ids: &[usize]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let reader = Reader { index, ids };
        let first = self.steps.first().filter(|s| s.min > 0);
        for start in 0..index.view.tokens.len() {
            if first.is_some_and(|s| !reader.may_start(&s.test, start)) {
                continue;
            }
            self.match_at(&reader, 0, start, None, &mut out);
        }
        out
    }

    /// Matches steps `k..` from token `at`, adding the target of each match.
    fn match_at(
        &self,
        view: &Reader,
        k: usize,
        at: usize,
        target: Option<Range<usize>>,
        out: &mut Vec<Range<usize>>,
    ) {
        let Some(step) = self.steps.get(k) else {
            if let Some(p) = target
                && !out.contains(&p)
            {
                out.push(p);
            }
            return;
        };
        // Every way of repeating the step min..=max times.
        let mut cur = (at, target);
        for n in 0..=step.max {
            if n >= step.min {
                self.match_at(view, k + 1, cur.0, cur.1.clone(), out);
            }
            if n == step.max {
                break;
            }
            let Some((next, span)) = view.test(&step.test, cur.0) else {
                break;
            };
            if let (true, Some(r)) = (step.target, span) {
                cur.1 = Some(r);
            }
            cur.0 = next;
        }
    }
}

/// Compiles one token spec; the lists it names get their index in `lists`.
fn step(
    t: &TokenSpec,
    known_list: &dyn Fn(&str) -> bool,
    lists: &mut Vec<String>,
) -> Result<Step, String> {
    let mut id = |l: &str| match lists.iter().position(|k| k == l) {
        Some(i) => i,
        None => {
            lists.push(l.to_string());
            lists.len() - 1
        }
    };
    let mut tests = Vec::new();
    if !t.word.is_empty() {
        tests.push(Test::Word(
            t.word.iter().map(|w| crate::text::fold(w)).collect(),
        ));
    }
    if !t.prefix.is_empty() {
        tests.push(Test::Prefix(
            t.prefix.iter().map(|w| crate::text::fold(w)).collect(),
        ));
    }
    match t.shape.as_deref() {
        None => {}
        Some("year") => tests.push(Test::Year),
        Some(other) => return Err(format!("unknown shape {other:?} (year)")),
    }
    if let Some(l) = &t.list {
        if !known_list(l) {
            return Err(format!("no lexicon list {l:?}"));
        }
        tests.push(Test::List(id(l)));
    }
    if let Some(e) = &t.entity {
        tests.push(Test::Entity(match e.as_str() {
            "party" => Label::Party,
            "hub" => Label::Hub,
            other => return Err(format!("unknown entity label {other:?} (party, hub)")),
        }));
    }
    for l in &t.except {
        if !known_list(l) {
            return Err(format!("no lexicon list {l:?}"));
        }
    }
    if !t.except.is_empty() && !t.any {
        return Err("`except` goes with `any = true`".into());
    }
    if t.any {
        tests.push(Test::Any(t.except.iter().map(|l| id(l)).collect()));
    }
    if tests.len() != 1 {
        return Err(
            "each token needs exactly one of word, prefix, shape, list, entity, any".into(),
        );
    }
    let (min, max) = match t.op.as_deref() {
        None => (1, 1),
        Some("?") => (0, 1),
        Some("*") => (0, usize::MAX),
        Some("+") => (1, usize::MAX),
        Some(op) => repetition(op).ok_or_else(|| format!("bad op {op:?} (?, *, +, {{m,n}})"))?,
    };
    if t.target && t.entity.as_deref() != Some("party") && t.list.is_none() {
        return Err("`target` marks an `entity = \"party\"` or a `list` token".into());
    }
    Ok(Step {
        test: tests.remove(0),
        min,
        max,
        target: t.target,
    })
}

/// `{m,n}` as (m, n).
fn repetition(op: &str) -> Option<(usize, usize)> {
    let (m, n) = op.strip_prefix('{')?.strip_suffix('}')?.split_once(',')?;
    let (m, n) = (m.trim().parse().ok()?, n.trim().parse().ok()?);
    (m <= n).then_some((m, n))
}

/// A sentence as patterns read it: its tokens with their folded forms, the
/// entity layer, and where each list's phrases are. All ranges are byte
/// offsets of one text.
#[derive(Debug, Default)]
pub struct View {
    pub tokens: Vec<Range<usize>>,
    pub folded: Vec<String>,
    pub entities: Vec<(Range<usize>, Label)>,
    /// For each list name: the ranges of its phrases.
    pub lists: Vec<(String, Vec<Range<usize>>)>,
}

/// A view by token: the phrase of each list and the entity of each label
/// that start at each token, so that a step is tested in constant time.
struct Index<'v> {
    view: &'v View,
    /// For each list asked for, in that order: by token, its phrase there.
    lists: Vec<Vec<Option<Range<usize>>>>,
    hub: Vec<Option<Range<usize>>>,
    party: Vec<Option<Range<usize>>>,
}

impl<'v> Index<'v> {
    /// The index of `view` for the lists named `names`. The view's tokens
    /// are in text order; of two spans starting at one token the first
    /// listed is the one read.
    fn new(view: &'v View, names: &[&str]) -> Self {
        let by_token = |spans: &mut dyn Iterator<Item = &Range<usize>>| {
            let mut at: Vec<Option<Range<usize>>> = vec![None; view.tokens.len()];
            for r in spans {
                if let Ok(k) = view.tokens.binary_search_by_key(&r.start, |t| t.start)
                    && at[k].is_none()
                {
                    at[k] = Some(r.clone());
                }
            }
            at
        };
        let lists = names
            .iter()
            .map(|name| {
                let found = view.lists.iter().find(|(l, _)| l == name);
                by_token(&mut found.into_iter().flat_map(|(_, f)| f))
            })
            .collect();
        let label = |want: Label| {
            by_token(
                &mut view
                    .entities
                    .iter()
                    .filter(move |(_, l)| *l == want)
                    .map(|(r, _)| r),
            )
        };
        Index {
            view,
            lists,
            hub: label(Label::Hub),
            party: label(Label::Party),
        }
    }
}

/// An index read by one pattern: `ids` gives the index's table of each of
/// the pattern's lists.
struct Reader<'i, 'v> {
    index: &'i Index<'v>,
    ids: &'i [usize],
}

impl Reader<'_, '_> {
    /// The phrase of the pattern's list `list` that starts at token `at`.
    fn phrase_at(&self, list: usize, at: usize) -> Option<&Range<usize>> {
        self.index.lists[self.ids[list]][at].as_ref()
    }

    /// False when a list or entity `test` cannot hold at token `at` (a
    /// quick check before [`Reader::test`]).
    fn may_start(&self, test: &Test, at: usize) -> bool {
        match test {
            Test::List(list) => self.phrase_at(*list, at).is_some(),
            Test::Entity(Label::Hub) => self.index.hub[at].is_some(),
            Test::Entity(Label::Party) => self.index.party[at].is_some(),
            _ => true,
        }
    }

    /// Whether `test` holds at token `at`: the token after the match, and
    /// the entity span it matched.
    fn test(&self, test: &Test, at: usize) -> Option<(usize, Option<Range<usize>>)> {
        let view = self.index.view;
        view.tokens.get(at)?;
        let word = &view.folded[at];
        let through = |end: usize| {
            let next = at
                + view.tokens[at..]
                    .iter()
                    .take_while(|t| t.start < end)
                    .count();
            (next > at).then_some(next)
        };
        match test {
            Test::Word(ws) => ws.contains(word).then_some((at + 1, None)),
            Test::Prefix(ps) => ps
                .iter()
                .any(|p| word.starts_with(p.as_str()))
                .then_some((at + 1, None)),
            Test::Year => crate::extract::dates::year(word).map(|_| (at + 1, None)),
            Test::Any(except) => except
                .iter()
                .all(|&l| self.phrase_at(l, at).is_none())
                .then_some((at + 1, None)),
            Test::List(list) => {
                let m = self.phrase_at(*list, at)?;
                through(m.end).map(|n| (n, Some(m.clone())))
            }
            Test::Entity(label) => {
                let spans = match label {
                    Label::Hub => &self.index.hub,
                    Label::Party => &self.index.party,
                };
                let r = spans[at].as_ref()?;
                through(r.end).map(|n| (n, Some(r.clone())))
            }
        }
    }
}

/// The patterns of a lexicon.
#[derive(Debug, Clone, Default)]
pub struct Patterns {
    patterns: Vec<Pattern>,
    /// The lists any pattern reads, each once, sorted.
    lists: Vec<String>,
    /// For each pattern, the index in `lists` of each of its lists.
    ids: Vec<Vec<usize>>,
}

impl Patterns {
    pub fn new(patterns: Vec<Pattern>) -> Self {
        let mut lists: Vec<String> = patterns
            .iter()
            .flat_map(Pattern::lists)
            .map(str::to_string)
            .collect();
        lists.sort_unstable();
        lists.dedup();
        let ids = patterns
            .iter()
            .map(|p| {
                p.lists()
                    .map(|l| lists.iter().position(|k| k == l).unwrap_or_default())
                    .collect()
            })
            .collect();
        Patterns {
            patterns,
            lists,
            ids,
        }
    }

    /// The lexicon lists any pattern reads, each once.
    pub fn lists(&self) -> Vec<&str> {
        self.lists.iter().map(String::as_str).collect()
    }

    /// Every (feature, target span) the patterns find in a sentence.
    pub fn find(&self, view: &View) -> Vec<(&'static str, Range<usize>)> {
        let index = Index::new(view, &self.lists());
        self.patterns
            .iter()
            .zip(&self.ids)
            .flat_map(|(p, ids)| {
                p.targets_in(&index, ids)
                    .into_iter()
                    .map(|r| (p.feature, r))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A view of whitespace-separated words, where `[P ...]` and `[H ...]`
    /// mark party and hub mentions and each `lists` entry names the words
    /// that make one phrase of a list.
    fn view(text: &str, lists: &[(&str, &[&str])]) -> (String, View) {
        let mut plain = String::new();
        let mut v = View::default();
        let mut open: Option<(usize, Label)> = None;
        for w in text.split_whitespace() {
            let (w, label) = match (w.strip_prefix("[P"), w.strip_prefix("[H")) {
                (Some(_), _) => ("", Some(Label::Party)),
                (_, Some(_)) => ("", Some(Label::Hub)),
                _ => (w, None),
            };
            if let Some(l) = label {
                open = Some((plain.len() + usize::from(!plain.is_empty()), l));
                continue;
            }
            let (w, close) = match w.strip_suffix(']') {
                Some(w) => (w, true),
                None => (w, false),
            };
            if !plain.is_empty() {
                plain.push(' ');
            }
            let start = plain.len();
            plain.push_str(w);
            v.tokens.push(start..plain.len());
            v.folded.push(w.to_lowercase());
            if close && let Some((s, l)) = open.take() {
                v.entities.push((s..plain.len(), l));
            }
        }
        for (name, phrases) in lists {
            let mut found = Vec::new();
            for p in *phrases {
                let mut at = 0;
                while let Some(i) = plain[at..].find(p) {
                    found.push(at + i..at + i + p.len());
                    at += i + p.len();
                }
            }
            v.lists.push((name.to_string(), found));
        }
        (plain, v)
    }

    fn pattern(feature: &str, tokens: &str) -> Pattern {
        let spec: PatternSpec = toml::from_str(&format!(
            "name = \"t\"\nfeature = \"{feature}\"\ntokens = {tokens}"
        ))
        .unwrap();
        Pattern::new(&spec, &|_| true).unwrap()
    }

    #[test]
    fn specs_match_words_lists_entities_and_repetitions() {
        let lists: &[(&str, &[&str])] = &[
            ("partner_before", &["with", "avec"]),
            ("articles", &["the", "la"]),
            ("links", &["of", "de"]),
        ];
        let after_with = pattern(
            "partner",
            r#"[{list = "partner_before"}, {list = "articles", op = "?"}, {any = true, op = "{0,3}"}, {list = "links", op = "*"}, {entity = "party"}]"#,
        );
        // (text, the party matched or none)
        let table: &[(&str, Option<&str>)] = &[
            ("He met with [P Japan]", Some("Japan")),
            ("He met with the [P Sahel Council]", Some("Sahel Council")),
            (
                "a meeting with representatives of the [P Lagoon Foundation]",
                Some("Lagoon Foundation"),
            ),
            (
                "une séance avec la délégation de la [P Banque du Sahel]",
                Some("Banque du Sahel"),
            ),
            ("He then travelled far to [P Japan]", None),
            ("with one two three four of [P Japan]", None),
        ];
        for (text, want) in table {
            let (plain, v) = view(text, lists);
            let got: Vec<&str> = after_with
                .targets(&v)
                .iter()
                .map(|r| &plain[r.clone()])
                .collect();
            assert_eq!(got.first().copied(), *want, "{text}");
        }
    }

    #[test]
    fn a_list_phrase_or_a_year_can_be_what_a_pattern_marks() {
        let lists: &[(&str, &[&str])] = &[
            ("signed", &["signed", "inked"]),
            ("agreement", &["memorandum of understanding", "action plan"]),
        ];
        let signing = pattern(
            "agreement",
            r#"[{list = "signed"}, {any = true, except = ["agreement"], op = "{0,3}"}, {list = "agreement", target = true}]"#,
        );
        let in_a_year = pattern(
            "agreement_prospect",
            r#"[{list = "agreement", target = true}, {word = ["in"]}, {shape = "year"}]"#,
        );
        // (text, what signing marks, what in_a_year marks)
        let table: &[(&str, &[&str], &[&str])] = &[
            (
                "They signed a memorandum of understanding today",
                &["memorandum of understanding"],
                &[],
            ),
            ("They inked on Monday an action plan", &["action plan"], &[]),
            // Only the first phrase after the verb: the gap skips no phrase.
            (
                "They signed an action plan and a memorandum of understanding",
                &["action plan"],
                &[],
            ),
            ("the action plan in 1984 was signed", &[], &["action plan"]),
            ("the action plan in 20 countries", &[], &[]),
            (
                "They signed nothing at all then memorandum of understanding",
                &[],
                &[],
            ),
        ];
        for (text, signed, past) in table {
            let (plain, v) = view(text, lists);
            let marked = |p: &Pattern| -> Vec<String> {
                p.targets(&v)
                    .iter()
                    .map(|r| plain[r.clone()].to_string())
                    .collect()
            };
            assert_eq!(marked(&signing), *signed, "{text}");
            assert_eq!(marked(&in_a_year), *past, "{text}");
        }
    }

    #[test]
    fn a_pattern_reads_both_entity_labels_and_a_bounded_gap() {
        let co = pattern(
            "co_subject",
            r#"[{entity = "hub"}, {word = ["and", "et"]}, {entity = "party"}, {any = true, op = "{0,4}"}, {prefix = ["sign"]}]"#,
        );
        for (text, want) in [
            (
                "[H ICESCO] and the [P Delta Fund] signed a memorandum",
                false,
            ),
            ("[H ICESCO] and [P Delta Fund] signed a memorandum", true),
            ("[H ICESCO] et [P Delta Fund] ont enfin signe", true),
            (
                "[H ICESCO] and [P Delta Fund] have one two three four five signed",
                false,
            ),
            ("[P Delta Fund] and [H ICESCO] signed", false),
        ] {
            let (_, v) = view(text, &[]);
            assert_eq!(!co.targets(&v).is_empty(), want, "{text}");
        }
    }

    #[test]
    fn a_gap_may_exclude_the_phrases_of_lists() {
        let p = pattern(
            "co_subject",
            r#"[{entity = "hub"}, {word = [","]}, {any = true, op = "{0,4}", except = ["clause"]}, {entity = "party"}, {word = ["met"]}]"#,
        );
        let lists: &[(&str, &[&str])] = &[("clause", &["which", "who"])];
        for (text, want) in [
            ("[H ICESCO] , the Fund and [P Delta Bank] met", true),
            ("[H ICESCO] , which praised [P Delta Bank] met", false),
        ] {
            let (_, v) = view(text, lists);
            assert_eq!(!p.targets(&v).is_empty(), want, "{text}");
        }
    }

    #[test]
    fn bad_patterns_are_refused_with_their_name() {
        let bad = |feature: &str, tokens: &str, known: bool| {
            let spec: PatternSpec = toml::from_str(&format!(
                "name = \"p1\"\nfeature = \"{feature}\"\ntokens = {tokens}"
            ))
            .unwrap();
            Pattern::new(&spec, &|_| known).unwrap_err()
        };
        // (feature, tokens, whether the lists exist, what the message says)
        let table: &[(&str, &str, bool, &str)] = &[
            (
                "nonsense",
                r#"[{entity = "party"}]"#,
                true,
                "unknown feature",
            ),
            (
                "partner",
                r#"[{word = ["with"]}]"#,
                true,
                "needs one `entity",
            ),
            (
                "partner",
                r#"[{entity = "party"}, {entity = "party"}]"#,
                true,
                "target = true",
            ),
            (
                "partner",
                r#"[{entity = "hub", target = true}, {entity = "party"}]"#,
                true,
                "`target` marks",
            ),
            (
                "agreement",
                r#"[{list = "agreement", target = true}, {list = "agreement", target = true}]"#,
                true,
                "one token marked",
            ),
            (
                "partner",
                r#"[{list = "nope"}, {entity = "party"}]"#,
                false,
                "no lexicon list",
            ),
            (
                "partner",
                r#"[{word = ["a"], any = true}, {entity = "party"}]"#,
                true,
                "exactly one of",
            ),
            (
                "partner",
                r#"[{shape = "date"}, {entity = "party"}]"#,
                true,
                "unknown shape",
            ),
            (
                "partner",
                r#"[{any = true, op = "{3,1}"}, {entity = "party"}]"#,
                true,
                "bad op",
            ),
            (
                "partner",
                r#"[{word = ["a"], except = ["clause"]}, {entity = "party"}]"#,
                true,
                "`except` goes with",
            ),
        ];
        for (feature, tokens, known, want) in table {
            let e = bad(feature, tokens, *known);
            assert!(e.contains("p1") && e.contains(want), "{tokens}: {e}");
        }
    }
}
