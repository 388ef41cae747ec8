//! Organizations recognized by their form, for the many counterparts no
//! gazetteer lists: a run of capitalized words (with the function words
//! names hold: "of the", "de la", "pour le") that holds an organization
//! head noun ("University", "Fondation", "Council", "Centre", "Bank" … from
//! the lexicon's `org_heads`), optionally followed by its acronym in
//! parentheses ("Sahel Youth Council (SYC)"), and an unknown acronym
//! used in a role ("MEDNET Executive Director", "Président du CSRFV").
//!
//! A run that a gazetteer entry names (by name, acronym or a close spelling)
//! is that entry. Units of the publishing organization ("the Directorate of
//! Culture of ICESCO", "the ICESCO-affiliated Council …") are not
//! organizations of their own. The others become `org:` entries of the
//! document ([`Entities::add`]): one id per name, whatever the document, and
//! a French name gains the English form of its words ("Université arabe
//! ouverte" is also "Islamic Open University") so that reports in both
//! languages name one entity.

use super::lexicon::{Classes, Lexicon};
use super::people::{Token, TokenKind};
use crate::gazetteer::{Entities, Entry, EntryId, Form, Mention};
use crate::model::EntityKind;
use crate::text::{fold, one_line, with_fold};

/// Similarity above which a recognized name is a gazetteer entry's name.
const SAME_NAME: f64 = 0.9;

/// Adds to `mentions` (the gazetteer's, sorted by start) the organizations
/// `text[sentence]` names by their form, adding new ones to `entities`.
pub fn find(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    entities: &mut Entities,
    mentions: &mut Vec<Mention>,
) {
    let word = |i: usize| &text[tokens[i].range.clone()];
    let class = |i: usize, c: Classes| tokens[i].class.has(c);
    let covered = |i: usize, mentions: &[Mention]| {
        mentions
            .iter()
            .find(|m| m.range.start <= tokens[i].range.start && tokens[i].range.end <= m.range.end)
            .cloned()
    };
    let mut found: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(end) = run_end(text, tokens, i, lex, entities, mentions) else {
            i += 1;
            continue;
        };
        // "Logo de l'Université Roi Fayçal", "Members of the Malian
        // Parliament": the words before the last function word that precedes
        // the head are no part of its name.
        if !class(i, Classes::ORG_HEAD)
            && let Some(head) = (i..end).find(|&k| class(k, Classes::ORG_HEAD))
            && let Some(link) = (i..head).rev().find(|&k| {
                class(k, Classes::ORG_LINK) && !with_fold(word(k), |f| lex.coordination().occurs(f))
            })
        {
            i = link + 1;
        }
        // A head noun, and a word or an acronym that makes the name a name
        // ("Youth Council", "Conseil africain … (CAMES)"; not "the Council"
        // or "the Executive Council").
        if !(i..end).any(|k| class(k, Classes::ORG_HEAD)) {
            i = end.max(i + 1);
            continue;
        }
        let other_name = |k: usize| {
            covered(k, mentions).is_some_and(|m| {
                matches!(
                    entities.entry(m.entry).kind,
                    EntityKind::Organization | EntityKind::Initiative
                )
            })
        };
        let (acronym, last) = match acronym_after(text, lex, tokens, i, end, &other_name) {
            Some((a, close)) => (Some(a), close + 1),
            None => (None, end),
        };
        let distinct = acronym.is_some()
            || (i..end).any(|k| {
                let w = word(k);
                (w.chars().next().is_some_and(char::is_uppercase) || lex.is_name_adjective(w))
                    && !class(k, Classes::ORG_LINK)
                    && !class(k, Classes::ORG_HEAD)
                    && !class(k, Classes::GENERIC_NAME_WORD)
                    && !class(k, Classes::ROLE)
                    && !class(k, Classes::TITLE)
            });
        if !distinct || is_hub_unit(text, lex, tokens, i, end, entities, mentions) {
            i = end.max(i + 1);
            continue;
        }
        let name_end = if acronym.is_some() {
            tokens[last - 4].range.end
        } else {
            tokens[end - 1].range.end
        };
        let name = one_line(text[tokens[i].range.start..name_end].trim_end_matches([',', ' ']));
        // A name the gazetteer gives to a state or a place ("Union des
        // Comores", "Kingdom of Bahrain") is that entity's.
        if entities
            .gazetteer()
            .lookup(&name)
            .is_some_and(|e| entities.entry(e).kind != EntityKind::Organization)
        {
            i = last;
            continue;
        }
        // The state a name holds, possibly as a possessive ("Nigeria's").
        let country = (i..end).find_map(|k| {
            mentions
                .iter()
                .find(|m| {
                    m.range.start == tokens[k].range.start
                        && m.range.end <= tokens[end - 1].range.end
                        && entities.entry(m.entry).kind == EntityKind::Country
                })
                .map(|m| m.entry)
        });
        let state_body = lex.state_body().occurs(&fold(&name));
        // A name the document already added needs no new look-up.
        let added = entities
            .by_id(&slug(&name))
            .is_some_and(|e| entities.is_added(e));
        let linked = if added {
            None
        } else {
            link(entities, &name, acronym)
        };
        let entry = match linked {
            Some(e) => e,
            // A state body that names no state is left to the roles.
            None if state_body && country.is_none() => {
                i = end;
                continue;
            }
            None => {
                let mut e = Entry::organization(&slug(&name), &name, acronym);
                if let Some(c) = country.filter(|_| state_body) {
                    e.iso = entities.entry(c).iso.clone();
                }
                e.aliases = lex.english_forms(&name);
                entities.add(e)
            }
        };
        found.push(Mention {
            range: tokens[i].range.start..tokens[last - 1].range.end,
            entry,
            form: Form::Name,
        });
        i = last;
    }
    // Acronyms of organizations added earlier in the document, and unknown
    // acronyms in a role ("MEDNET Executive Director").
    for (k, t) in tokens.iter().enumerate() {
        let w = word(k);
        if t.kind != TokenKind::Word
            || !is_acronym(w)
            || t.class.has(Classes::TITLE)
            || t.class.has(Classes::ROLE)
            || covered(k, mentions).is_some()
            || found
                .iter()
                .any(|m| m.range.start <= t.range.start && t.range.end <= m.range.end)
        {
            continue;
        }
        let known = entities
            .added()
            .iter()
            .position(|e| e.acronyms.iter().any(|a| a == w))
            .map(|p| entities.gazetteer().entries().len() + p);
        let in_role = || {
            let words: Vec<&str> = (k + 1..tokens.len().min(k + 4)).map(word).collect();
            let before: Vec<String> = (k.saturating_sub(4)..k).map(|j| fold(word(j))).collect();
            // "MEDNET Executive Director": a role, perhaps after one modifier.
            lex.is_role_start(&words)
                || words.get(1..).is_some_and(|w| lex.is_role_start(w))
                || before.last().is_some_and(|b| lex.is_org_link(b))
                    && (k.saturating_sub(4)..k).any(|j| lex.is_role_start(&[word(j)]))
        };
        let entry = match known {
            Some(e) => e,
            None if in_role() => entities.add(Entry::organization(&slug(w), w, Some(w))),
            None => continue,
        };
        found.push(Mention {
            range: t.range.clone(),
            entry,
            form: Form::Acronym,
        });
    }
    replace_overlapped(mentions, found);
}

/// Puts the mentions `found` in place of those they overlap, in text order.
fn replace_overlapped(mentions: &mut Vec<Mention>, found: Vec<Mention>) {
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| {
        !found
            .iter()
            .any(|f| f.range.start < m.range.end && m.range.start < f.range.end)
    });
    mentions.extend(found);
    mentions.sort_by_key(|m| m.range.start);
}

/// The end (exclusive token index) of a run of name words starting at `i`,
/// if one starts there. A run holds capitalized words, countries and places,
/// and function words between them; it stops at a role word ("Secretary
/// General of …" is no organization), a title, and any other gazetteer
/// entity, which is atomic.
fn run_end(
    text: &str,
    tokens: &[Token],
    i: usize,
    lex: &Lexicon,
    entities: &Entities,
    mentions: &[Mention],
) -> Option<usize> {
    let word = |k: usize| &text[tokens[k].range.clone()];
    let class = |k: usize, c: Classes| tokens[k].class.has(c);
    // Other gazetteer entities are atomic; countries, places and demonyms
    // may be part of a name ("Kuwait News Agency", "University of Jordan").
    let blocked = |k: usize| {
        mentions.iter().any(|m| {
            m.range.start < tokens[k].range.end
                && tokens[k].range.start < m.range.end
                && (m.form == Form::Acronym
                    || matches!(
                        entities.entry(m.entry).kind,
                        EntityKind::Organization | EntityKind::Initiative
                    ))
        })
    };
    let capitalized = |k: usize| {
        let w = word(k);
        tokens[k].kind == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && !blocked(k)
            && !class(k, Classes::ORG_LINK)
            && !class(k, Classes::CALENDAR)
    };
    let plain = |k: usize| capitalized(k) && !class(k, Classes::TITLE) && !class(k, Classes::ROLE);
    // A title or role word is part of a name before a plain name word
    // ("King Abdulaziz University", "Université Sultan Moulay Slimane").
    let name_word = |k: usize| plain(k) || (capitalized(k) && k + 1 < tokens.len() && plain(k + 1));
    // French writes an institution's name in lower case after its head
    // noun and article ("l'Académie nationale des sciences du Tadjikistan",
    // "l'université virtuelle du Sénégal"): such a name goes on over
    // lower-case nouns after its function words, and ends on a capitalized
    // word (a lower-case head must reach one).
    let french = class(i, Classes::ORG_HEAD)
        && i > 0
        && with_fold(word(i - 1), |f| lex.lower_name_articles().is_whole(f));
    // A state's body in lower case ("l'ambassade de Djibouti") is its state's.
    let lower = french
        && !name_word(i)
        && word(i).chars().next().is_some_and(char::is_lowercase)
        && !with_fold(word(i), |f| lex.state_body().occurs(f));
    if !(name_word(i) || lower) || (i > 0 && tokens[i - 1].kind == TokenKind::Open) {
        return None;
    }
    let mut end = i + 1;
    let mut k = end;
    let mut after_head = class(i, Classes::ORG_HEAD);
    let mut seen_head = after_head;
    let mut heads_only = after_head;
    let mut adjectives = 0;
    let mut after_noun = false;
    // A state body may end on a role word ("House of Representatives").
    let ends_body = |k: usize| {
        capitalized(k)
            && lex
                .state_body()
                .ends(&fold(&text[tokens[i].range.start..tokens[k].range.end]))
    };
    while k < tokens.len() && tokens[k].kind == TokenKind::Word {
        // After its head noun an abbreviated or courtesy title starts a
        // person ("Kuwait University Prof. Nouf …"; not "Université Roi
        // Abdulaziz").
        let person = seen_head
            && class(k, Classes::TITLE)
            && (word(k).ends_with('.') || class(k, Classes::COURTESY));
        if (name_word(k) && !person) || ends_body(k) {
            after_head = class(k, Classes::ORG_HEAD);
            seen_head |= after_head;
            heads_only &= after_head;
            adjectives = 0;
            k += 1;
            end = k;
            continue;
        }
        // "Université islamique ouverte": adjectives after a head noun, or
        // after a lower-case noun of the name ("d'études orientales").
        if (after_head || after_noun) && adjectives < 2 && lex.is_name_adjective(word(k)) {
            adjectives += 1;
            k += 1;
            end = k;
            continue;
        }
        // "the Organization and Senegal", "l'Organisation et le Bureau": a
        // head alone does not start a coordination.
        if heads_only && with_fold(word(k), |f| lex.coordination().occurs(f)) {
            break;
        }
        // "and the" / "et la" after a head noun, or before one, opens
        // another noun phrase ("the Crafts Fund and the University of
        // Tamale", "la Fondation X et l'Université Y").
        let article = |j: usize| {
            tokens
                .get(j)
                .is_some_and(|t| with_fold(&text[t.range.clone()], |f| lex.articles().is_whole(f)))
        };
        if with_fold(word(k), |f| lex.coordination().occurs(f))
            && article(k + 1)
            && (after_head
                || tokens
                    .get(k + 2)
                    .is_some_and(|_| class(k + 2, Classes::ORG_HEAD)))
        {
            break;
        }
        // Function words, then a name word: "of the", "de la", "d'".
        let mut j = k;
        while j < tokens.len()
            && j < k + 3
            && tokens[j].kind == TokenKind::Word
            && class(j, Classes::ORG_LINK)
        {
            j += 1;
        }
        // An article alone links nothing: "l'Organisation le ministre …"
        // ends the name before the article.
        if j > k && (k..j).all(article) {
            break;
        }
        // In a lower-case name, a lower-case noun after them ("des sciences").
        let noun = |j: usize| {
            j < tokens.len()
                && tokens[j].kind == TokenKind::Word
                && word(j).chars().next().is_some_and(char::is_lowercase)
                && !class(j, Classes::ORG_LINK)
                && !class(j, Classes::STOPWORD)
                && with_fold(word(j), |f| {
                    !lex.clause().occurs(f) && !lex.meeting().occurs(f) && !lex.setting().occurs(f)
                })
        };
        if french && j > k && noun(j) {
            k = j + 1;
            after_noun = true;
            adjectives = 0;
            continue;
        }
        after_noun = false;
        // "l'Organisation en Afrique": a preposition of place alone before a
        // name says where the organization works, not what it is called.
        let located = j == k + 1 && with_fold(word(k), |f| lex.destination().is_whole(f));
        if j > k && j < tokens.len() && (name_word(j) || ends_body(j)) && !located {
            k = j;
            continue;
        }
        break;
    }
    if lower {
        // Back to the last capitalized word.
        end = (i + 1..end)
            .rev()
            .find(|&k| capitalized(k))
            .map(|k| k + 1)?;
    }
    Some(end)
}

/// True when the run `tokens[i..end]` is a unit of the publishing
/// organization: the hub named just before it ("ICESCO Center for …",
/// "the ICESCO-affiliated Council") or right after it ("Directorate of
/// Culture of ICESCO", "Centre … relevant de l'ICESCO").
fn is_hub_unit(
    text: &str,
    lex: &Lexicon,
    tokens: &[Token],
    i: usize,
    end: usize,
    entities: &Entities,
    mentions: &[Mention],
) -> bool {
    let hub = entities.hub();
    let start = tokens[i].range.start;
    let stop = tokens[end - 1].range.end;
    mentions.iter().filter(|m| m.entry == hub).any(|m| {
        // "ICESCO Center", "ICESCO's Centre", "ICESCO-affiliated Council";
        // not "ICESCO and the Baobab Foundation".
        let before = m.range.end <= start && {
            let between: Vec<&str> = text[m.range.end..start].split_whitespace().collect();
            between.len() <= 1
                && between
                    .iter()
                    .all(|w| !with_fold(w, |f| lex.is_org_link(f)))
        };
        // "… of ICESCO", "… relevant de l'ICESCO"; not "… and ICESCO".
        let after = m.range.start >= stop
            && lex
                .unit_of()
                .is_whole(&fold(text[stop..m.range.start].trim()));
        before || after
    })
}

/// The acronym in parentheses that closes a name (the run `start..end`), right after the run or
/// after the rest of a name the run could not follow ("Centre Sahélien de
/// Recherche, de Formation et de Veille (CSRFV)"): the acronym
/// and the index of its closing parenthesis.
fn acronym_after<'t>(
    text: &'t str,
    lex: &Lexicon,
    tokens: &[Token],
    start: usize,
    end: usize,
    other_name: &dyn Fn(usize) -> bool,
) -> Option<(&'t str, usize)> {
    // Only the words a name holds may come between: capitalized words,
    // function words and commas ("…de Recherche, de Formation et de Veille"),
    // and no other organization's name ("the Fund and the Islamic
    // Organization (ICESCO)": the acronym is the other one's).
    // A name that opens on its head noun may go on in lower case up to its
    // acronym, as French names do ("Conseil africain et malgache pour
    // l'enseignement supérieur (CAMES)"), but no clause starts in it; a
    // second capitalized head noun starts another name ("University of
    // Sharjah, the Sharjah Institute (SIH)").
    let head_first = tokens
        .get(start)
        .is_some_and(|t| t.class.has(Classes::ORG_HEAD));
    let open = (end..tokens.len().min(end + 20))
        .take_while(|&k| !other_name(k))
        .take_while(|&k| match tokens[k].kind {
            TokenKind::Comma | TokenKind::Open => true,
            TokenKind::Word => {
                let w = &text[tokens[k].range.clone()];
                let f = fold(w);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                let lower_name_word = head_first
                    && !capital
                    && !lex.clause().occurs(&f)
                    && !lex.meeting().occurs(&f)
                    && !lex.setting().occurs(&f);
                !(capital && tokens[k].class.has(Classes::ORG_HEAD))
                    && (capital
                        || tokens[k].class.has(Classes::ORG_LINK)
                        || lex.is_name_adjective(w)
                        || lower_name_word)
            }
            _ => false,
        })
        .find(|&k| tokens[k].kind == TokenKind::Open)?;
    let acr = tokens.get(open + 1)?;
    let close = tokens.get(open + 2)?;
    let w = &text[acr.range.clone()];
    (close.kind == TokenKind::Close && is_acronym(w)).then_some((w, open + 2))
}

/// Two to ten letters (digits and hyphens allowed), at least two capitals,
/// starting with one, mostly capitals: "AAYC", "AfDB", "UNA-OIC".
fn is_acronym(w: &str) -> bool {
    let upper = || w.chars().filter(|c| c.is_uppercase()).count();
    let letters = || w.chars().filter(|c| c.is_alphabetic()).count();
    w.chars().next().is_some_and(char::is_uppercase)
        && (2..=10).contains(&w.chars().count())
        && w.chars().all(|c| c.is_alphanumeric() || c == '-')
        && upper() >= 2
        && upper() * 3 >= letters() * 2
        && !is_roman_numeral(w)
}

/// "VI", "XII", "MCMXC": a regnal or ordinal numeral, no acronym ("CDC" and
/// "VIC" are acronyms).
fn is_roman_numeral(w: &str) -> bool {
    static ROMAN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new("^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
            .expect("a valid pattern")
    });
    ROMAN.is_match(w)
}

/// The gazetteer organization a recognized name is: by its acronym, its
/// exact name, or a close spelling of one of its names.
fn link(entities: &Entities, name: &str, acronym: Option<&str>) -> Option<EntryId> {
    let g = entities.gazetteer();
    let is_org = |e: EntryId| g.entry(e).kind == EntityKind::Organization;
    if let Some(e) = acronym.and_then(|a| g.lookup(a)).filter(|&e| is_org(e)) {
        return Some(e);
    }
    if let Some(e) = g.lookup(name).filter(|&e| is_org(e)) {
        return Some(e);
    }
    g.similar_organization(name, SAME_NAME)
}

/// `org:` and the folded name, words joined by hyphens.
fn slug(name: &str) -> String {
    slug_of("org", name)
}

/// `prefix:` and the folded name, words joined by hyphens.
fn slug_of(prefix: &str, name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!("{prefix}:{}", words.join("-"))
}

/// Initiatives no gazetteer lists, recognized by their form: a capitalized
/// head noun of the lexicon's `initiative_heads` ("Coalition", "Initiative")
/// with the capitalized words before it ("the ICESCO Coalition") and its
/// complement after it, in lower case too as French names are ("la
/// Coalition de l'ICESCO pour l'éducation climatique"), up to punctuation
/// or a clause. A head alone ("the Coalition") is no name. Each becomes an
/// `initiative:` entity of the document, and a mention.
pub fn initiatives(
    text: &str,
    tokens: &[Token],
    lex: &Lexicon,
    entities: &mut Entities,
    mentions: &mut Vec<Mention>,
) {
    let word = |i: usize| &text[tokens[i].range.clone()];
    let is_word = |i: usize| tokens[i].kind == TokenKind::Word;
    let covered = |i: usize, mentions: &[Mention]| {
        mentions
            .iter()
            .any(|m| m.range.start < tokens[i].range.end && tokens[i].range.start < m.range.end)
    };
    let capitalized = |i: usize| word(i).chars().next().is_some_and(char::is_uppercase);
    let hub = entities.hub();
    let hub_at = |i: usize, mentions: &[Mention]| {
        mentions.iter().any(|m| {
            m.entry == hub
                && m.range.start <= tokens[i].range.start
                && tokens[i].range.end <= m.range.end
        })
    };
    let mut found = Vec::new();
    for head in 0..tokens.len() {
        if !is_word(head)
            || !capitalized(head)
            || !tokens[head].class.has(Classes::INITIATIVE_HEAD)
            || covered(head, mentions)
        {
            continue;
        }
        // Capitalized words before the head: the hub's name, a qualifier.
        let mut start = head;
        while start > 0
            && is_word(start - 1)
            && capitalized(start - 1)
            && !tokens[start - 1].class.has(Classes::ORG_LINK)
            && (!covered(start - 1, mentions) || hub_at(start - 1, mentions))
        {
            start -= 1;
        }
        // The complement: up to ten words, no clause, no punctuation.
        let mut end = head + 1;
        while end < tokens.len() && end < head + 11 && is_word(end) {
            let clause = with_fold(word(end), |f| {
                lex.clause().occurs(f) || lex.meeting().occurs(f) || lex.invite().occurs(f)
            });
            if clause {
                break;
            }
            end += 1;
        }
        while end > head + 1 && tokens[end - 1].class.has(Classes::ORG_LINK) {
            end -= 1;
        }
        let distinct = (start..end).any(|k| k != head && !tokens[k].class.has(Classes::ORG_LINK));
        if !distinct {
            continue;
        }
        let range = tokens[start].range.start..tokens[end - 1].range.end;
        let name = one_line(&text[range.clone()]);
        let entry = match entities.gazetteer().lookup(&name) {
            Some(e) if entities.entry(e).kind == EntityKind::Initiative => e,
            _ => entities.add(Entry::initiative(&slug_of("initiative", &name), &name)),
        };
        found.push(Mention {
            range,
            entry,
            form: Form::Name,
        });
    }
    replace_overlapped(mentions, found);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn orgs(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        let g = Gazetteer::builtin().unwrap();
        let lex = Lexicon::builtin().unwrap();
        let mut entities = Entities::new(&g);
        let mut mentions = g.find(text);
        let tokens = crate::extract::people::tokenize(text, 0..text.len(), &lex);
        find(text, &tokens, &lex, &mut entities, &mut mentions);
        mentions
            .iter()
            .filter(|m| {
                entities.entry(m.entry).kind == EntityKind::Organization && m.entry != g.hub()
            })
            .map(|m| {
                let e = entities.entry(m.entry);
                (e.id.clone(), e.acronyms.first().cloned(), e.aliases.clone())
            })
            .collect()
    }

    #[test]
    fn organizations_of_kinds_no_gazetteer_lists() {
        let table: &[(&str, &str, Option<&str>)] = &[
            (
                "The minister received the Sahel Water Observatory (SWO) team.",
                "org:sahel-water-observatory",
                Some("SWO"),
            ),
            // French names in lower case after the head noun and its article.
            (
                "Il a reçu le recteur de l'université virtuelle du Niger à Niamey.",
                "org:universite-virtuelle-du-niger",
                None,
            ),
            // A lower-case noun of the name and its adjective.
            (
                "Il a reçu le recteur de l'Université d'État d'études orientales de Kazan.",
                "org:universite-d-etat-d-etudes-orientales-de-kazan",
                None,
            ),
            (
                "Il a reçu le président du conseil régional de Kayes.",
                "org:conseil-regional-de-kayes",
                None,
            ),
            // A person's title after the head noun ends the name.
            (
                "She met the Rector of Accra Polytechnic University Prof. Ama Mensah.",
                "org:accra-polytechnic-university",
                None,
            ),
            (
                "She met the Rector of the University of Tamale on Monday.",
                "org:university-of-tamale",
                None,
            ),
            (
                "ICESCO and Baobab Heritage Trust Fund signed an agreement.",
                "org:baobab-heritage-trust-fund",
                None,
            ),
            (
                "Il a reçu le président de l'Académie des Sciences du Tchad.",
                "org:academie-des-sciences-du-tchad",
                None,
            ),
            (
                "Le DG a reçu la directrice de la Bibliothèque nationale d'Agadez.",
                "org:bibliotheque-nationale-d-agadez",
                None,
            ),
            (
                "with the Gulf Radio and Television Union (GRTU) at its seat",
                "org:gulf-radio-and-television-union",
                Some("GRTU"),
            ),
            (
                "le Centre Sahélien de Recherche, de Formation et de Veille (CSRFV) a",
                "org:centre-sahelien-de-recherche-de-formation-et-de-veille",
                Some("CSRFV"),
            ),
            // French names in lower case after the head, up to their acronym.
            (
                "la secrétaire générale de l'Agence régionale pour la gestion des eaux (ARGE) a",
                "org:agence-regionale-pour-la-gestion-des-eaux",
                Some("ARGE"),
            ),
            (
                "avec le Comité interafricain d'études hydrauliques et de climatologie (CIEHC), dont",
                "org:comite-interafricain-d-etudes-hydrauliques-et-de-climatologie",
                Some("CIEHC"),
            ),
            // A long one: sixteen words between the head and the acronym.
            (
                "le président du Réseau des écoles des métiers et des arts des pays riverains du lac au nord du Tchad (REMAT) a",
                "org:reseau-des-ecoles-des-metiers-et-des-arts-des-pays-riverains-du-lac-au-nord-du-tchad",
                Some("REMAT"),
            ),
            // A preposition of place ends a name ("… en Afrique").
            (
                "dans les programmes de l'Agence Sahel Vert en Afrique de l'Ouest",
                "org:agence-sahel-vert",
                None,
            ),
            // Programmes, and Malay and Indonesian heads.
            (
                "a delegation of the Pacific Literacy Programme visited",
                "org:pacific-literacy-programme",
                None,
            ),
            (
                "the rector of Universitas Bandung Raya said",
                "org:universitas-bandung-raya",
                None,
            ),
            // An article alone links no words to a name.
            (
                "a reçu au siège de la Fondation Sahel Vert le ministre malien de la Culture",
                "org:fondation-sahel-vert",
                None,
            ),
        ];
        for (text, id, acronym) in table {
            let found = orgs(text);
            assert!(
                found
                    .iter()
                    .any(|(i, a, _)| i == id && a.as_deref() == *acronym),
                "{text}: {found:?}"
            );
        }
    }

    /// A body of a state, named with its state (possessive or complement)
    /// and ending on a role word, is that state's.
    #[test]
    fn state_bodies_belong_to_their_state() {
        let g = Gazetteer::builtin().unwrap();
        let lex = Lexicon::builtin().unwrap();
        let cases = [
            (
                "a delegation of the Committee on Culture of Ghana's House of Representatives, led by",
                "org:committee-on-culture-of-ghana-s-house-of-representatives",
                Some("GH"),
            ),
            (
                "met the Ministry of Basic Education of the Republic of Niger yesterday",
                "org:ministry-of-basic-education-of-the-republic-of-niger",
                Some("NE"),
            ),
        ];
        for (text, id, iso) in cases {
            let mut entities = Entities::new(&g);
            let mut mentions = g.find(text);
            let tokens = crate::extract::people::tokenize(text, 0..text.len(), &lex);
            find(text, &tokens, &lex, &mut entities, &mut mentions);
            let found = mentions
                .iter()
                .map(|m| entities.entry(m.entry))
                .find(|e| e.kind == EntityKind::Organization);
            assert_eq!(found.map(|e| e.id.as_str()), Some(id), "{text}");
            assert_eq!(found.and_then(|e| e.iso.as_deref()), iso, "{text}");
        }
    }

    #[test]
    fn the_name_stops_before_its_acronym() {
        let g = Gazetteer::builtin().unwrap();
        let lex = Lexicon::builtin().unwrap();
        let mut entities = Entities::new(&g);
        let text = "a delegation from the Sahel Youth Council (SYC), headed by its chair";
        let mut mentions = g.find(text);
        let tokens = crate::extract::people::tokenize(text, 0..text.len(), &lex);
        find(text, &tokens, &lex, &mut entities, &mut mentions);
        let added = entities.added();
        assert_eq!(added.len(), 1, "{added:?}");
        assert_eq!(added[0].name, "Sahel Youth Council");
        assert_eq!(
            &text[mentions[0].range.clone()],
            "Sahel Youth Council (SYC)"
        );
    }

    #[test]
    fn an_acronym_belongs_to_the_last_name_before_it() {
        // Another capitalized head noun, or the hub's name, starts another name.
        let found = orgs(
            "The Tamale Heritage Academy, the Volta Institute for Crafts (VIC) and ICESCO met.",
        );
        let ids: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|(i, a, _)| (i.as_str(), a.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                ("org:tamale-heritage-academy", None),
                ("org:volta-institute-for-crafts", Some("VIC"))
            ]
        );
        let found = orgs(
            "The Volta Crafts Fund and the Islamic World Educational, Scientific and Cultural Organization (ICESCO) signed.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].1.as_deref()),
            ("org:volta-crafts-fund", None)
        );
        // In lower case, no clause starts inside a name.
        let found = orgs("le Conseil régional a signé la convention (CRC)");
        assert!(found.iter().all(|(_, a, _)| a.is_none()), "{found:?}");
    }

    #[test]
    fn acronyms_and_roman_numerals() {
        for (w, want) in [
            ("AAYC", true),
            ("AfDB", true),
            ("UNA-OIC", true),
            ("VIC", true),
            ("CDC", true),
            ("VI", false),
            ("XII", false),
            ("MCMXC", false),
            ("Rabat", false),
            ("A", false),
        ] {
            assert_eq!(is_acronym(w), want, "{w}");
        }
    }

    #[test]
    fn a_french_name_gains_its_english_form() {
        let found = orgs("Il a reçu le président de l'Université islamique ouverte à Rabat.");
        assert_eq!(found[0].0, "org:universite-islamique-ouverte");
        assert!(
            found[0].2.iter().any(|a| a == "Islamic Open University"),
            "{found:?}"
        );
        let found = orgs("avec l'Université Moulay Ismaïl de Meknès, au siège");
        assert!(
            found[0].2.iter().any(|a| a == "Moulay Ismaïl University"),
            "{found:?}"
        );
    }

    #[test]
    fn an_unknown_acronym_in_a_role_is_an_organization() {
        let found = orgs("Dr Lena Ortiz, MEDNET Executive Director, visited the Organization.");
        assert_eq!(found[0].0, "org:mednet");
        assert!(orgs("Rabat (KUNA) - The Minister spoke.").is_empty());
        assert!(
            orgs("a message from King Mohammed VI Secretary").is_empty(),
            "a numeral"
        );
    }

    #[test]
    fn units_of_the_hub_and_gazetteer_entries_are_not_new() {
        assert!(orgs("the ICESCO Center for Strategic Foresight hosted it").is_empty());
        assert!(orgs("the Directorate of Culture of ICESCO").is_empty());
        let found = orgs("He met the head of the Islamic Development Bank (IsDB).");
        assert!(
            found
                .iter()
                .all(|(id, ..)| !id.contains("islamic-development-bank-")),
            "{found:?}"
        );
        assert!(orgs("The Secretary General of the Board spoke.").is_empty());
        assert!(
            orgs("between the Organization and Senegal").is_empty(),
            "a head alone"
        );
        assert!(orgs("HE Minister of Culture met him").is_empty(), "a title");
        assert!(
            orgs("the ICESCO DG Special Adviser").is_empty(),
            "a role word"
        );
        let found = orgs("Baobab Philanthropies signed a memorandum of understanding (MoU) today");
        assert_eq!(found[0].0, "org:baobab-philanthropies");
    }
}
