//! People: names found from titles ("Dr", "M.", "S.E.", "Mrs.", "Sheikh"),
//! from roles in apposition ("George Goh, ambassadeur de Singapour", "the
//! President of Azerbaijan, Ilham Aliyev", "Foreign Minister of Azerbaijan
//! Jeyhun Bayramov"), and from earlier mentions of the same person in the
//! document ("Dr AlMalik", "Ambassador Fyfe").

use super::lexicon::{Classes, Lexicon, Scanned};
use crate::gazetteer::{Entities, Form, Mention};
use crate::model::EntityKind;
use crate::text::{fold, with_fold};
use std::ops::Range;

/// A token of a sentence: a word, an initial or a punctuation mark.
#[derive(Debug, Clone)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// The classes of the token's word in the lexicon, folded once.
    pub class: Classes,
}

impl Token {
    /// A token whose classes are not looked up yet.
    fn new(range: Range<usize>, kind: TokenKind) -> Self {
        Token {
            range,
            kind,
            class: Classes::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Comma,
    Open,
    Close,
    Stop,
}

/// Splits `text[range]` into tokens with absolute offsets, each with its
/// classes in `lex`. Elided articles ("l’", "d'") are tokens of their own.
pub fn tokenize(text: &str, range: Range<usize>, lex: &Lexicon) -> Vec<Token> {
    let mut out = Vec::new();
    let s = &text[range.clone()];
    let mut word_start: Option<usize> = None;
    let flush = |out: &mut Vec<Token>, start: usize, end: usize| {
        let w = &s[start..end];
        // Split an elision: l'ICESCO -> l' + ICESCO.
        let split = w
            .char_indices()
            .find(|&(_, c)| c == '\'' || c == '’')
            .map(|(i, c)| i + c.len_utf8());
        let elided = split.filter(|&i| {
            let head = fold(&w[..i]);
            i < w.len()
                && matches!(
                    head.as_str(),
                    "l'" | "d'"
                        | "qu'"
                        | "s'"
                        | "n'"
                        | "j'"
                        | "c'"
                        | "m'"
                        | "t'"
                        | "lorsqu'"
                        | "jusqu'"
                )
        });
        match elided {
            Some(i) => {
                out.push(Token::new(
                    range.start + start..range.start + start + i,
                    TokenKind::Word,
                ));
                out.push(Token::new(
                    range.start + start + i..range.start + end,
                    TokenKind::Word,
                ));
            }
            None => out.push(Token::new(
                range.start + start..range.start + end,
                TokenKind::Word,
            )),
        }
    };
    for (i, c) in s.char_indices() {
        let kind = match c {
            ',' => Some(TokenKind::Comma),
            '(' | '«' | '“' | '"' => Some(TokenKind::Open),
            ')' | '»' | '”' => Some(TokenKind::Close),
            ';' | ':' | '!' | '?' | '–' | '—' => Some(TokenKind::Stop),
            c if c.is_whitespace() => None,
            _ => {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                continue;
            }
        };
        if let Some(ws) = word_start.take() {
            flush(&mut out, ws, i);
        }
        if let Some(kind) = kind {
            out.push(Token::new(
                range.start + i..range.start + i + c.len_utf8(),
                kind,
            ));
        }
    }
    if let Some(ws) = word_start {
        flush(&mut out, ws, s.len());
    }
    // A final period is a stop unless it belongs to an initial or a title,
    // or an abbreviation before a capitalized word inside the sentence
    // ("Prof. Abdul", "Engr. Musa").
    let mut fixed = Vec::with_capacity(out.len());
    for (k, t) in out.iter().enumerate() {
        let t = t.clone();
        let w = &text[t.range.clone()];
        let before_name = out.get(k + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && text[n.range.clone()]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        });
        if t.kind == TokenKind::Word
            && w.len() > 1
            && w.ends_with('.')
            && !keeps_period(w, lex)
            && !before_name
        {
            let end = t.range.end - 1;
            fixed.push(Token::new(t.range.start..end, TokenKind::Word));
            fixed.push(Token::new(end..t.range.end, TokenKind::Stop));
        } else if t.kind == TokenKind::Word && w == "." {
            fixed.push(Token::new(t.range, TokenKind::Stop));
        } else {
            fixed.push(t);
        }
    }
    for t in &mut fixed {
        t.class = with_fold(&text[t.range.clone()], |f| lex.classes(f));
    }
    fixed
}

/// True when a word's final period is its own: an abbreviation with
/// periods inside ("H.E.", "U.S.") or a short title ("Dr.", "Pr."). A short
/// name ending a sentence ("… Pr Mamadou Yao.") leaves its period.
fn keeps_period(w: &str, lex: &Lexicon) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 3 && w.chars().next().is_some_and(char::is_uppercase) && lex.is_title(w)
        || w[..w.len() - 1].contains('.')
}

const PARTICLES: &[&str] = &[
    "bin", "ben", "bint", "binti", "ibn", "al", "el", "da", "de", "do", "dos", "du", "van", "von",
    "der", "ould", "abu", "abou", "ag", "ou",
];

/// A person named in a sentence.
#[derive(Debug, Clone)]
pub struct PersonMention {
    /// The whole mention, titles included.
    pub span: Range<usize>,
    /// The name without titles.
    pub name: Range<usize>,
    /// The role in apposition, before or after the name.
    pub role: Option<Range<usize>>,
}

/// Finds people in one sentence. `mentions` are the gazetteer mentions of
/// the sentence; `known` says whether a name was seen before in the document.
pub fn find(
    text: &str,
    tokens: &[Token],
    cuts: &[usize],
    lex: &Lexicon,
    mentions: &[Mention],
    known: &dyn Fn(&str) -> bool,
) -> Vec<PersonMention> {
    let word = |i: usize| -> &str { &text[tokens[i].range.clone()] };
    let class = |i: usize, c: Classes| tokens[i].class.has(c);
    let is_word = |i: usize| i < tokens.len() && tokens[i].kind == TokenKind::Word;
    let in_mention = |i: usize| {
        mentions
            .iter()
            .find(|m| m.range.start <= tokens[i].range.start && tokens[i].range.end <= m.range.end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_word(i) {
            i += 1;
            continue;
        }
        if in_mention(i).is_some_and(|m| m.range.start < tokens[i].range.start) {
            i += 1;
            continue;
        }
        // A title word that ends a role begun before it is the role's
        // ("Director General", "Consul General"), not a title.
        if i > 0 && is_word(i - 1) && class(i - 1, Classes::ROLE_START) && {
            let words: Vec<&str> = (i - 1..tokens.len())
                .take_while(|&t| is_word(t))
                .take(lex.max_role_words() + 1)
                .map(word)
                .collect();
            lex.role_head_len(&words).is_some_and(|n| n > 1)
        } {
            i += 1;
            continue;
        }
        // Titles, possibly chained ("S.E. M.", "Son Excellence le Général").
        let start = i;
        let mut j = i;
        let mut titled = false;
        let mut honorific_name = false;
        loop {
            let len = (1..=lex.max_title_words()).rev().find(|&n| {
                j + n <= tokens.len()
                    && (j..j + n).all(is_word)
                    && word(j).chars().next().is_some_and(char::is_uppercase)
                    && class(j, Classes::TITLE_START)
                    && if n == 1 {
                        class(j, Classes::TITLE)
                    } else {
                        lex.is_title(&(j..j + n).map(word).collect::<Vec<_>>().join(" "))
                    }
            });
            // "M. Emir Hadžić": after a courtesy title, an honorific followed
            // by a name is the first name.
            let first_name = |n: usize| {
                j > start
                    && class(j - 1, Classes::COURTESY)
                    && n == 1
                    && !word(j).contains('.')
                    && is_word(j + 1)
                    && is_name_word(word(j + 1))
            };
            if len.is_some_and(first_name) {
                honorific_name = true;
                break;
            }
            match len {
                Some(n) => {
                    titled = true;
                    j += n;
                    if is_word(j)
                        && with_fold(word(j), |f| matches!(f, "le" | "la"))
                        && is_word(j + 1)
                        && class(j + 1, Classes::TITLE)
                    {
                        j += 1;
                    }
                }
                None => break,
            }
        }
        // The name.
        let name_start = j;
        let mut k = j;
        while is_word(k) {
            let w = word(k);
            let first = k == name_start;
            let possessive = with_fold(w, |f| f.ends_with("'s"));
            let name_like = is_name_word(w)
                && !possessive
                && !class(k, Classes::NOT_NAME)
                && (!class(k, Classes::ROLE) || (first && honorific_name));
            let particle = !first
                && with_fold(w, |f| PARTICLES.contains(&f))
                && is_word(k + 1)
                && is_name_word(word(k + 1));
            let initial = !first
                && w.len() == 2
                && w.ends_with('.')
                && w.chars().next().is_some_and(char::is_uppercase);
            // After a title, a place may be a first name ("Mrs. Astana …") and a
            // demonym a surname ("Mme Zineb Iraqi").
            let mention = in_mention(k).is_some_and(|m| {
                // …and a place a later name ("Mr Murad Abderrazzak Doha").
                let first_name = titled && m.form == Form::Name;
                let surname = titled && k > name_start && m.form == Form::Demonym;
                !(first_name || surname)
            });
            if !(name_like || particle || initial) || mention || is_month_or_day(lex, w) {
                break;
            }
            k += 1;
        }
        let count = k - name_start;
        if count == 0 {
            i = if titled { j } else { i + 1 };
            continue;
        }
        let name = tokens[name_start].range.start..tokens[k - 1].range.end;
        let name_text = &text[name.clone()];
        let post_role = role_after(text, tokens, k, lex, mentions, cuts);
        // "the President of Ghana, Kofi Mensah," is an apposition only when
        // the name closes it; "with the Director General, Ms X took part" is not.
        let closes = tokens
            .get(k)
            .is_none_or(|t| matches!(t.kind, TokenKind::Comma | TokenKind::Stop));
        let pre_role = role_before(
            text,
            tokens,
            if titled { start } else { name_start },
            lex,
            mentions,
            closes,
        );
        // An untitled name before a building's noun names the building
        // ("at the Lutfi Kirdar congress centre").
        let building = !titled && is_word(k) && lex.facility().is_whole(&fold(word(k)));
        let accept = (titled && count >= 1)
            || (count >= 2 && !building && (post_role.is_some() || pre_role.is_some()))
            || (count >= 2 && known(name_text))
            // A surname alone, of someone the document named in full
            // before ("Salim AlMalik … Jeudi, AlMalik s'est entretenu").
            || (count == 1 && known(name_text));
        // Someone named inside another person's role is not a participant
        // ("conseiller de Sa Majesté le Roi …").
        let in_role = out.iter().any(|p: &PersonMention| {
            p.role
                .as_ref()
                .is_some_and(|r| r.start <= name.start && name.end <= r.end)
        });
        if accept && !in_role {
            let span_start = tokens[start].range.start;
            out.push(PersonMention {
                span: span_start..name.end,
                name,
                role: post_role.or(pre_role),
            });
            i = k;
        } else {
            i = if titled { j.max(i + 1) } else { i + 1 };
        }
    }
    out
}

fn is_month_or_day(lex: &Lexicon, w: &str) -> bool {
    // "Jun" is a name more often than a month here.
    with_fold(w, |f| {
        f.len() > 3 && (lex.months().occurs(f) || lex.weekdays().occurs(f))
    })
}

/// True for a word that can be part of a name: capitalized (or all caps),
/// or an Arabic article joined to a capitalized word ("al-Malik").
pub fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(c) = chars.next() else { return false };
    if c.is_uppercase() {
        return w.chars().filter(|c| c.is_alphabetic()).count() >= 1
            && !w.chars().any(|c| c.is_ascii_digit());
    }
    // Each prefix ends with a hyphen.
    if !w.contains(['-', '‐', '‑', '–']) {
        return false;
    }
    let lower = fold(w);
    [
        "al-", "el-", "ad-", "ar-", "as-", "at-", "an-", "ash-", "ibn-", "bin-", "abu-",
    ]
    .iter()
    .any(|p| lower.starts_with(p) && w[p.len()..].chars().next().is_some_and(char::is_uppercase))
}

/// The role in apposition after a name: ", ambassadeur de …" up to the end of
/// the apposition.
fn role_after(
    text: &str,
    tokens: &[Token],
    after_name: usize,
    lex: &Lexicon,
    mentions: &[Mention],
    cuts: &[usize],
) -> Option<Range<usize>> {
    let mut i = after_name;
    // An aside in parentheses after the name ("Mr X (also known as Y), …").
    if tokens.get(i).is_some_and(|t| t.kind == TokenKind::Open)
        && let Some(close) = tokens[i..].iter().position(|t| t.kind == TokenKind::Close)
    {
        i += close + 1;
    }
    if tokens.get(i).is_some_and(|t| t.kind == TokenKind::Comma) {
        i += 1;
    }
    // Most words start no role: no role head is looked for after them.
    if !tokens[i..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .take(4)
        .any(|t| t.class.has(Classes::ROLE_START))
    {
        return None;
    }
    let words: Vec<&str> = tokens[i..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .take(6)
        .map(|t| &text[t.range.clone()])
        .collect();
    // The role head may follow a few modifiers: "ancien président", "First
    // Assistant Secretary", "ICESCO Deputy Director-General".
    let skippable = |w: &str| {
        let f = fold(w);
        lex.former().occurs(&f)
            || w.chars().next().is_some_and(char::is_uppercase)
            || matches!(f.as_str(), "the" | "le" | "la" | "l'" | "non")
    };
    (0..words.len().min(4))
        .find(|&s| lex.is_role_start(&words[s..]) && words[..s].iter().all(|w| skippable(w)))?;
    let start = tokens[i].range.start;
    let end = role_end(text, tokens, i, lex, mentions, cuts);
    (end > start).then_some(start..end)
}

/// True when a new person in apposition starts at token `i`: two or more
/// name words, a comma and a role ("Mao Jun, charge d'affaires").
fn starts_apposition(text: &str, tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    let names = tokens[i..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word && is_name_word(&text[t.range.clone()]))
        .count();
    let after = i + names;
    if names < 2
        || !tokens
            .get(after)
            .is_some_and(|t| t.kind == TokenKind::Comma)
        || !tokens
            .get(after + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && t.class.has(Classes::ROLE_START))
    {
        return false;
    }
    let role: Vec<&str> = tokens
        .get(after + 1..)
        .unwrap_or_default()
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .take(4)
        .map(|t| &text[t.range.clone()])
        .collect();
    lex.is_role_start(&role)
}

fn starts_mention(at: usize, mentions: &[Mention]) -> bool {
    mentions.iter().any(|m| m.range.start == at)
}

/// Offsets where a clause goes on after a role: verbs of meeting and
/// inviting, auxiliaries and relative pronouns ("… of Tajikistan met with …"),
/// and the setting ("… to Morocco at ICESCO headquarters").
pub fn clause_cuts(folded: &Scanned, start: usize, lex: &Lexicon) -> Vec<usize> {
    [
        &lex.meeting(),
        &lex.invite(),
        &lex.clause(),
        &lex.headquarters(),
        &lex.setting(),
    ]
    .iter()
    .flat_map(|p| folded.find_in(p))
    .map(|(r, _)| r.start + start)
    .collect()
}

/// Where a role that starts at token `from` ends.
pub fn role_end(
    text: &str,
    tokens: &[Token],
    from: usize,
    lex: &Lexicon,
    mentions: &[Mention],
    cuts: &[usize],
) -> usize {
    let mut end = tokens[from].range.end;
    let mut i = from;
    let mut depth = 0usize;
    while i < tokens.len() {
        let t = &tokens[i];
        let inside_mention = mentions
            .iter()
            .any(|m| m.range.start < t.range.start && t.range.end <= m.range.end);
        match t.kind {
            TokenKind::Stop if !inside_mention => break,
            TokenKind::Open => depth += 1,
            TokenKind::Close => depth = depth.saturating_sub(1),
            TokenKind::Comma if depth == 0 && !inside_mention => {
                let next: Vec<&str> = tokens[i + 1..]
                    .iter()
                    .take_while(|t| t.kind == TokenKind::Word)
                    .take(3)
                    .map(|t| &text[t.range.clone()])
                    .collect();
                let Some(first) = next.first() else { break };
                let f = fold(first);
                let joins = matches!(
                    f.as_str(),
                    "de" | "du" | "des" | "d'" | "of" | "and" | "et" | "la" | "le" | "l'"
                );
                let capital =
                    |w: &&str| w.chars().next().is_some_and(char::is_uppercase) && !lex.is_title(w);
                // A list of portfolios, capitalized words and commas up to an
                // "and": "Minister of Higher Education, Research and Innovation".
                let portfolios = capital(first) && {
                    let mut words = tokens[i + 1..]
                        .iter()
                        .take_while(|t| matches!(t.kind, TokenKind::Word | TokenKind::Comma))
                        .filter(|t| t.kind == TokenKind::Word)
                        .map(|t| &text[t.range.clone()])
                        .take(10);
                    words.find(|w| !capital(w) || is_and(w)).is_some_and(is_and)
                };
                let continues = lex.is_role_start(&next)
                    || portfolios
                    || (joins
                        && next[1..]
                            .iter()
                            .find(|w| !is_article(w))
                            .is_some_and(capital))
                    || (joins
                        && tokens
                            .get(i + 2)
                            .is_some_and(|t| starts_mention(t.range.start, mentions)));
                if !continues {
                    break;
                }
            }
            TokenKind::Word if i > from && cuts.contains(&t.range.start) => break,
            TokenKind::Word
                if i > from
                    && is_and(&text[t.range.clone()])
                    && starts_apposition(text, tokens, i + 1, lex) =>
            {
                break;
            }
            // Another titled person ends the role.
            TokenKind::Word
                if i > from
                    && t.class.has(Classes::TITLE)
                    && tokens
                        .get(i + 1)
                        .is_some_and(|n| is_name_word(&text[n.range.clone()]))
                    && !t.class.has(Classes::ROLE) =>
            {
                break;
            }
            _ => {}
        }
        if t.kind != TokenKind::Comma {
            end = t.range.end;
        }
        i += 1;
    }
    end
}

fn is_and(w: &str) -> bool {
    with_fold(w, |f| matches!(f, "and" | "et"))
}

fn is_article(w: &str) -> bool {
    with_fold(w, |f| matches!(f, "la" | "le" | "l'" | "les" | "the"))
}

/// Lower-case words (not function words) allowed between a role's head and
/// the name after it.
const MAX_LOOSE_WORDS: usize = 4;

/// A role written before a name: "Foreign Minister of Azerbaijan Jeyhun
/// Bayramov", "le premier vice-président, Hilarion Etong".
fn role_before(
    text: &str,
    tokens: &[Token],
    name_start: usize,
    lex: &Lexicon,
    mentions: &[Mention],
    apposition: bool,
) -> Option<Range<usize>> {
    let mut i = name_start;
    let mut head: Option<usize> = None;
    let mut comma_seen = false;
    // The role ends before the name, or before the comma that opens it.
    let mut role_end = name_start;
    let mut depth = 0usize;
    let mut loose_words = 0;
    let mut and_since_comma = false;
    while i > 0 {
        i -= 1;
        let t = &tokens[i];
        match t.kind {
            TokenKind::Comma => {
                let inside = mentions
                    .iter()
                    .any(|m| m.range.start < t.range.start && t.range.end <= m.range.end);
                if inside {
                    continue;
                }
                // Right before the name, or before an article and titles
                // that open it ("…, le Dr X").
                let opens_name = tokens[i + 1..name_start].iter().all(|t| {
                    t.kind == TokenKind::Word
                        && (t.class.has(Classes::TITLE) || {
                            let f = fold(&text[t.range.clone()]);
                            lex.articles()
                                .find(&f)
                                .iter()
                                .any(|(r, _)| *r == (0..f.len()))
                        })
                });
                if opens_name && !comma_seen {
                    comma_seen = true;
                    role_end = i;
                    continue;
                }
                // A list inside the role: "présidente de la Commission
                // nationale pour l'éducation, la culture et les sciences, Mme X",
                // "Minister of Education, Science and Technology Ahmed Bello".
                if head.is_none() && and_since_comma {
                    and_since_comma = false;
                    continue;
                }
                // A comma right after an acronym in parentheses: "(OCI), Name".
                break;
            }
            TokenKind::Close => {
                depth += 1;
                continue;
            }
            TokenKind::Open => {
                depth = depth.saturating_sub(1);
                continue;
            }
            TokenKind::Stop => break,
            TokenKind::Word => {}
        }
        if depth > 0 {
            continue;
        }
        let w = &text[t.range.clone()];
        let f = fold(w);
        // An "and" right before the person joins two people, not two portfolios.
        and_since_comma |= is_and(w) && i + 1 < name_start;
        // A role head that starts here or a word or two earlier ("directeur général").
        let covering = (i.saturating_sub(2)..=i).find(|&j| {
            let starts = tokens[j..name_start]
                .iter()
                .find(|t| t.kind == TokenKind::Word)
                .is_some_and(|t| t.class.has(Classes::ROLE_START));
            if !starts {
                return false;
            }
            let rest: Vec<&str> = tokens[j..name_start]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| &text[t.range.clone()])
                .collect();
            lex.role_head_len(&rest).is_some_and(|n| j + n > i)
        });
        if let Some(j) = covering {
            head = Some(j);
            i = j;
            continue;
        }
        let in_mention = mentions
            .iter()
            .any(|m| m.range.start <= t.range.start && t.range.end <= m.range.end);
        let function = matches!(
            f.as_str(),
            "of" | "the"
                | "de"
                | "du"
                | "des"
                | "la"
                | "le"
                | "l'"
                | "d'"
                | "to"
                | "aupres"
                | "for"
                | "pour"
                | "at"
                | "in"
                | "and"
                | "et"
                | "his"
                | "her"
                | "sa"
                | "son"
                | "'s"
                | "au"
                | "aux"
                | "en"
                | "les"
        ) || w.to_lowercase() == "à"; // folded, "à" would be the verb "a"
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        // In an apposition ("le chargé d'affaires a.i. de l'ambassade du
        // Pérou, Diego …") a few lower-case words may sit between the head
        // and the name; never a word that starts a clause, none before the head.
        let loose = !(in_mention || function || capital || f.ends_with("'s"))
            && comma_seen
            && head.is_none()
            && loose_words < MAX_LOOSE_WORDS
            && !lex
                .clause()
                .find(&f)
                .iter()
                .any(|(r, _)| *r == (0..f.len()));
        if loose {
            loose_words += 1;
            continue;
        }
        if !(in_mention || function || capital || f.ends_with("'s"))
            || t.class.has(Classes::TITLE) && head.is_some()
        {
            break;
        }
    }
    let h = head?;
    if comma_seen && !apposition {
        return None;
    }
    // Keep a demonym or country written just before the head ("Tunisian President").
    let start = if h > 0
        && mentions
            .iter()
            .any(|m| m.range.end == tokens[h - 1].range.end && matches!(m.form, Form::Demonym))
    {
        tokens[h - 1].range.start
    } else {
        tokens[h].range.start
    };
    let mut end_tok = role_end;
    while end_tok > h
        && tokens[end_tok - 1].kind != TokenKind::Word
        && tokens[end_tok - 1].kind != TokenKind::Close
    {
        end_tok -= 1;
    }
    let end = tokens[end_tok.saturating_sub(1)].range.end;
    (end > start).then_some(start..end)
}

/// The state or organization whose possessive opens a role, at `at`
/// ("Türkiye's Minister of National Education", "ICESCO's Head of …"), or
/// that a possessive pronoun before the role refers to: the last one named
/// before it ("visited the University, where its Rector received him").
pub fn possessor(
    text: &str,
    at: usize,
    lex: &Lexicon,
    gazetteer: &Entities,
    mentions: &[Mention],
) -> Option<usize> {
    let m = mentions
        .iter()
        .rev()
        .filter(|m| m.range.end <= at)
        .find(|m| {
            m.form != Form::Demonym
                && matches!(
                    gazetteer.entry(m.entry).kind,
                    EntityKind::Country | EntityKind::Organization
                )
        })?;
    let between = text[m.range.end..at].trim_end();
    let pronoun = between
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| with_fold(w, |f| lex.possessive_pronouns().is_whole(f)));
    (lex.possessive().is_whole(&fold(between.trim_start())) || pronoun).then_some(m.entry)
}

/// Whom a role says the person represents: the first organization or state
/// named in it that is not where the person is posted ("auprès du Royaume du
/// Maroc", "to Morocco") and not in a former role. `None` when the role names
/// nobody.
pub fn represents(
    text: &str,
    role: &Range<usize>,
    lex: &Lexicon,
    gazetteer: &Entities,
    mentions: &[Mention],
) -> Option<usize> {
    let role_text = &text[role.clone()];
    let in_role: Vec<&Mention> = mentions
        .iter()
        .filter(|m| role.start <= m.range.start && m.range.end <= role.end)
        .collect();
    // Segments of the role separated by ", " / " and " / " et " that speak of a former role are skipped.
    let former: Vec<Range<usize>> = segments(role_text)
        .into_iter()
        .filter(|seg| lex.former().occurs(&fold(&role_text[seg.clone()])))
        .map(|seg| role.start + seg.start..role.start + seg.end)
        .collect();
    let mut org = None;
    let mut state = None;
    for (k, m) in in_role.iter().enumerate() {
        if former
            .iter()
            .any(|f| f.start <= m.range.start && m.range.end <= f.end)
        {
            continue;
        }
        // A name in a compound modifier ("the Rabat-based body") says
        // where, not whom.
        let mut after = text[m.range.end..role.end].chars();
        if after.next() == Some('-') && after.next().is_some_and(char::is_lowercase) {
            continue;
        }
        // A unit of the organization named next ("Director of the Cities
        // Programme at the Heritage Trust") stands for that organization.
        let unit_of_next = in_role.get(k + 1).is_some_and(|next| {
            gazetteer.entry(next.entry).kind == EntityKind::Organization
                && lex
                    .unit_of()
                    .is_whole(&fold(text[m.range.end..next.range.start].trim()))
        });
        if unit_of_next {
            continue;
        }
        if m.form == Form::Demonym && names_a_department(text, role.start, m, lex) {
            continue;
        }
        let e = gazetteer.entry(m.entry);
        let before = fold(&text[role.start..m.range.start]);
        let before = before.trim_end();
        let international = e.kind == EntityKind::Organization && e.iso.is_none();
        let stately = matches!(
            e.kind,
            EntityKind::Organization | EntityKind::Country | EntityKind::Place
        );
        if international {
            if org.is_none() && !lex.org_destination().ends(before) {
                org = Some(m.entry);
            }
        } else if stately && state.is_none() && !lex.destination().ends(before) {
            state = Some(m.entry);
        }
    }
    let hub = gazetteer.hub();
    if state.is_some() && lex.state_body().occurs(&fold(role_text)) {
        return state;
    }
    if org == Some(hub) {
        return org;
    }
    org.or(state)
}

/// True for a French adjective of nationality that ends a capitalized name
/// ("directrice de la Langue française"): it names a department, not whom
/// the person represents ("l'Ambassadeur français" does).
fn names_a_department(text: &str, role_start: usize, m: &Mention, lex: &Lexicon) -> bool {
    let demonym = &text[m.range.clone()];
    let Some(prev) = text[role_start..m.range.start].split_whitespace().last() else {
        return false;
    };
    demonym.chars().next().is_some_and(char::is_lowercase)
        && prev.chars().next().is_some_and(char::is_uppercase)
        && lex.role_head_len(&[prev]).is_none()
        && !lex.is_title(prev)
}

fn segments(s: &str) -> Vec<Range<usize>> {
    let mut cuts: Vec<(usize, usize)> = [", ", " and ", " et "]
        .iter()
        .flat_map(|sep| s.match_indices(sep).map(|(i, m)| (i, i + m.len())))
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (a, b) in cuts {
        if a >= start {
            out.push(start..a);
            start = b;
        }
    }
    out.push(start..s.len());
    out
}

/// Normalized key of a name token for coreference: folded, without hyphens,
/// spaces and a leading Arabic article joined to it ("Al-Malik" = "AlMalik").
pub fn token_key(w: &str) -> String {
    fold(w).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Keys of a name's tokens, particles and initials dropped, with "Al Malik"
/// joined to "almalik".
pub fn name_keys(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut keys = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let k = token_key(words[i]);
        if matches!(k.as_str(), "al" | "el") && i + 1 < words.len() {
            keys.push(format!("{k}{}", token_key(words[i + 1])));
            i += 2;
            continue;
        }
        if k.len() > 1 && !PARTICLES.contains(&k.as_str()) {
            keys.push(k);
        }
        i += 1;
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        let lex = Lexicon::builtin().unwrap();
        let g = Gazetteer::builtin().unwrap();
        let mentions = g.find(text);
        let tokens = tokenize(text, 0..text.len(), &lex);
        let folded = crate::text::Folded::new(text);
        let cuts = clause_cuts(&Scanned::new(&lex, folded.whole()), 0, &lex);
        find(text, &tokens, &cuts, &lex, &mentions, &|_| false)
            .into_iter()
            .map(|p| {
                (
                    text[p.name].to_string(),
                    p.role.map(|r| text[r].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn an_aside_after_the_name_and_a_place_in_a_titled_name() {
        let found = people(
            "He received Mr Karim Saleh Nablus (Karim Abu Omar), Director of the Palestinian Museum.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Karim Saleh Nablus");
        assert_eq!(
            found[0].1.as_deref(),
            Some("Director of the Palestinian Museum")
        );
    }

    #[test]
    fn names_with_titles_and_roles() {
        for (text, want) in [
            (
                "Dr Salim M. AlMalik a reçu M. Jean Dupont, ambassadeur de Belgique auprès du Royaume du Maroc, au siège.",
                vec![
                    ("Salim M. AlMalik", None),
                    (
                        "Jean Dupont",
                        Some("ambassadeur de Belgique auprès du Royaume du Maroc"),
                    ),
                ],
            ),
            (
                "S.E. M. Karim Al-Fassi , Ambassadeur du Japon, a dit.",
                vec![("Karim Al-Fassi", Some("Ambassadeur du Japon"))],
            ),
            // A title of four letters and more keeps its period before a name.
            (
                "The Minister of Culture of Peru, Prof. Ana Quispe, met Engr. Musa Bello.",
                vec![
                    ("Ana Quispe", Some("Minister of Culture of Peru")),
                    ("Musa Bello", None),
                ],
            ),
            (
                "Foreign Minister of Belgium Anna Peeters met with Dr. Omar Said.",
                vec![
                    ("Anna Peeters", Some("Foreign Minister of Belgium")),
                    ("Omar Said", None),
                ],
            ),
            (
                "the President of the Republic of Chad, Idriss Kaba, received",
                vec![("Idriss Kaba", Some("President of the Republic of Chad"))],
            ),
            (
                "M. TANAKA Hiro, Ambassadeur du Japon, et Mme Lea Roy, Consul.",
                vec![
                    ("TANAKA Hiro", Some("Ambassadeur du Japon")),
                    ("Lea Roy", Some("Consul")),
                ],
            ),
            (
                "Before meeting the Director General, Ms Lea Roy took part in talks.",
                vec![("Lea Roy", None)],
            ),
            // A short surname ending the sentence leaves its period.
            (
                "Il a été reçu par le Pr Koffi Yao.",
                vec![("Koffi Yao", None)],
            ),
            // An article may open the name after the comma.
            (
                "Le directeur de l'Institut, le Dr Omar Said, a reçu la présidente du Conseil, la Pr Awa Diop.",
                vec![
                    ("Omar Said", Some("directeur de l'Institut")),
                    ("Awa Diop", Some("présidente du Conseil")),
                ],
            ),
            (
                "reçu par le premier vice-président, Paul Mbarga.",
                vec![("Paul Mbarga", Some("vice-président"))],
            ),
            (
                "s'est entretenu avec le chargé d'affaires a.i. de l'ambassade du Pérou au Maroc, Diego Prado, des projets.",
                vec![(
                    "Diego Prado",
                    Some("chargé d'affaires a.i. de l'ambassade du Pérou au Maroc"),
                )],
            ),
            (
                "with Mr. Amadou Sy, Minister of Higher Education, Research and Innovation of the Republic of Senegal.",
                vec![(
                    "Amadou Sy",
                    Some(
                        "Minister of Higher Education, Research and Innovation of the Republic of Senegal",
                    ),
                )],
            ),
            (
                "avec M. Amadou Sy, ministre de l'Éducation, de la Recherche et de l'Innovation du Sénégal.",
                vec![(
                    "Amadou Sy",
                    Some("ministre de l'Éducation, de la Recherche et de l'Innovation du Sénégal"),
                )],
            ),
            (
                "a reçu M. Emir Hadžić, ambassadeur de Bosnie-Herzégovine, et S.E. Cheikh Ali Nour.",
                vec![
                    ("Emir Hadžić", Some("ambassadeur de Bosnie-Herzégovine")),
                    ("Ali Nour", None),
                ],
            ),
            // A title word that closes a role is the role's.
            (
                "UNESCO Director General Hamid Lotfi spoke; Consul General Dr. Sara Amin listened.",
                vec![
                    ("Hamid Lotfi", Some("Director General")),
                    ("Sara Amin", Some("Consul General")),
                ],
            ),
            (
                "received Datuk Dr. Hazim Ismail, Rector of the University.",
                vec![("Hazim Ismail", Some("Rector of the University"))],
            ),
            (
                "avec la présidente de la Commission nationale jordanienne pour l'éducation, la culture et les sciences, Mme Lina Haddad, et l’ambassadeur de Jordanie à Rabat, M. Sami Obeid.",
                vec![
                    (
                        "Lina Haddad",
                        Some(
                            "présidente de la Commission nationale jordanienne pour l'éducation, la culture et les sciences",
                        ),
                    ),
                    ("Sami Obeid", Some("ambassadeur de Jordanie à Rabat")),
                ],
            ),
            (
                "Dr. Shazia Karim, Federal Minister for Federal Education, Professional Training, National Heritage and Culture, held a meeting.",
                vec![(
                    "Shazia Karim",
                    Some(
                        "Federal Minister for Federal Education, Professional Training, National Heritage and Culture",
                    ),
                )],
            ),
            (
                "with Kazan University's Vice-Rector for Research Ilnur Gabdullin.",
                vec![("Ilnur Gabdullin", Some("Vice-Rector for Research"))],
            ),
            // A building's name is no person's.
            (
                "He met the Minister of Culture Ayse Demir at the Selim Aksoy congress centre.",
                vec![("Ayse Demir", Some("Minister of Culture"))],
            ),
            // A portfolio is never a name: the role before the name ends with it.
            (
                "Ghana's Minister of Youth and Sports Kwame Asante welcomed the delegation.",
                vec![("Kwame Asante", Some("Minister of Youth and Sports"))],
            ),
            (
                "the Minister of Education, Science and Technology Aliyu Musa received them.",
                vec![(
                    "Aliyu Musa",
                    Some("Minister of Education, Science and Technology"),
                )],
            ),
            (
                "le ministre de la Jeunesse et des Sports Moussa Keita a reçu la délégation.",
                vec![(
                    "Moussa Keita",
                    Some("ministre de la Jeunesse et des Sports"),
                )],
            ),
            (
                "Ambassador Peeters thanked the Organization.",
                vec![("Peeters", None)],
            ),
            ("Le Directeur général a salué la Coalition.", vec![]),
            (
                "Mrs. Astana Karim, Ambassador of Malaysia to Morocco.",
                vec![("Astana Karim", Some("Ambassador of Malaysia to Morocco"))],
            ),
            (
                "a dit le ministre Dr Ali Hassan lors d'un entretien avec le directeur général Omar Ben Ali Al-Fassi.",
                vec![
                    ("Ali Hassan", Some("ministre")),
                    ("Omar Ben Ali Al-Fassi", Some("directeur général")),
                ],
            ),
        ] {
            let got = people(text);
            let want: Vec<(String, Option<String>)> = want
                .into_iter()
                .map(|(n, r)| (n.to_string(), r.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_possessive_before_a_role_names_whom_it_serves() {
        let lex = Lexicon::builtin().unwrap();
        let g = Gazetteer::builtin().unwrap();
        let entities = Entities::new(&g);
        for (text, role, want) in [
            (
                "Japan's Minister of Culture spoke",
                "Minister",
                Some("country:JP"),
            ),
            (
                "ICESCO’s Head of the Culture Sector",
                "Head",
                Some("org:icesco"),
            ),
            ("the Japanese Minister of Culture", "Minister", None),
            (
                "Japan and its Minister of Culture",
                "Minister",
                Some("country:JP"),
            ),
            (
                "visited WHO, where its Director-General",
                "Director-General",
                Some("org:who"),
            ),
            (
                "l'UNESCO et sa directrice générale",
                "directrice",
                Some("org:unesco"),
            ),
            ("Japan and the Minister of Culture", "Minister", None),
            ("Rabat's Mayor", "Mayor", None),
        ] {
            let at = text.find(role).unwrap();
            let got = possessor(text, at, &lex, &entities, &g.find(text));
            assert_eq!(got.map(|e| entities.entry(e).id.as_str()), want, "{text}");
        }
    }

    #[test]
    fn name_keys_join_articles() {
        assert_eq!(name_keys("Salim M. AlMalik"), ["salim", "almalik"]);
        assert_eq!(
            name_keys("Salim bin Mohammed Al Malik"),
            ["salim", "mohammed", "almalik"]
        );
        assert_eq!(name_keys("Salem Al-Malik"), ["salem", "almalik"]);
    }
}
