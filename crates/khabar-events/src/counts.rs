//! Counts and their roles within one sentence.
//!
//! Rules, in the order they are tried for each count:
//! 1. a role cue right before it ("killing 4 policemen", "the blast killed at least 9");
//! 2. a role cue after its noun phrase, across coordinated counts and auxiliaries
//!    ("4 policemen and 3 civilians were killed", "5 wounded") — unless the cue is an
//!    active verb with an object, which makes the count its agent ("2 gunmen killed 5");
//! 3. the nearest role cue before it in the clause ("killing 4 policemen and 3 civilians").
//!
//! Sub-counts ("including 5 children", "two of them") take the role of the count they
//! belong to and are not added to totals.

use crate::clause::{Clause, HEDGE_WORDS, Hit, ONE_PRONOUNS, PASSIVE_AUX};
use crate::lexicon::{CueKind, CueValue};
use crate::types::{Mention, Role, VictimClass};
use khabar_numdate::Quantity;

/// How far (tokens) a role cue reaches.
const REACH: usize = 8;

/// A count found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Count {
    /// Tokens of the count itself.
    pub start: usize,
    pub end: usize,
    /// End of its noun phrase.
    pub np_end: usize,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: String,
    pub vague: bool,
    pub quantity: Option<usize>,
    pub class: Option<VictimClass>,
    /// Mention index of the group of the counted people.
    pub group: Option<usize>,
    /// Tokens of the counted noun.
    pub noun: Option<(usize, usize)>,
    pub subcount: bool,
    pub role: Option<(Role, Hit)>,
}

/// The counts of a clause: quantities and counts without digits, in token order.
pub(crate) fn find_counts(
    c: &Clause<'_>,
    quantities: &[Quantity],
    mentions: &[Mention],
) -> Vec<Count> {
    let mut counts: Vec<Count> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if let Some(qi) = c.quantity_at[i] {
            let mut end = i;
            while end < c.len() && c.quantity_at[end] == Some(qi) {
                end += 1;
            }
            if let Some(q) = quantities.get(qi) {
                let n = quantity_count(c, q, qi, i, end, mentions);
                i = n.np_end.max(end);
                counts.push(n);
            } else {
                i = end;
            }
            continue;
        }
        if let Some(n) = implicit_count(c, i, mentions) {
            i = n.np_end.max(i + 1);
            counts.push(n);
            continue;
        }
        i += 1;
    }
    counts
}

fn base_count(start: usize, end: usize, value: f64) -> Count {
    Count {
        start,
        end,
        np_end: end,
        value,
        low: Some(value),
        high: Some(value),
        approx: "none".to_owned(),
        vague: false,
        quantity: None,
        class: None,
        group: None,
        noun: None,
        subcount: false,
        role: None,
    }
}

fn quantity_count(
    c: &Clause<'_>,
    q: &Quantity,
    qi: usize,
    start: usize,
    end: usize,
    mentions: &[Mention],
) -> Count {
    let value = match q.approx {
        khabar_numdate::Approx::UpTo | khabar_numdate::Approx::AsManyAs => q.high.or(q.low),
        _ => q.low.or(q.high),
    }
    .unwrap_or(0.0);
    let mut n = base_count(start, end, value);
    n.low = q.low;
    n.high = q.high;
    n.approx = q.approx.as_str().to_owned();
    n.vague = q.vague;
    n.quantity = Some(qi);
    noun_phrase(c, &mut n, end, mentions);
    n
}

/// Whether the token at `i` is a word that can head the noun phrase after an attributive
/// noun: a lower-case word that is no function word, cue or punctuation.
fn attributive_head(c: &Clause<'_>, i: usize) -> bool {
    if i >= c.len() || c.is_punct(i) || !c.hits_at(i).iter().all(|h| h.kind == CueKind::Noun) {
        return false;
    }
    let w = c.word(i);
    w.chars().all(char::is_alphabetic)
        && !matches!(
            w,
            "and"
                | "or"
                | "of"
                | "in"
                | "on"
                | "at"
                | "from"
                | "to"
                | "who"
                | "were"
                | "was"
                | "are"
                | "is"
                | "had"
                | "have"
                | "has"
                | "with"
                | "by"
                | "for"
                | "that"
        )
}

/// Reads the noun phrase after a count (or after a determiner): modifiers, group mentions,
/// the person noun, and "of <group>".
fn noun_phrase(c: &Clause<'_>, n: &mut Count, from: usize, mentions: &[Mention]) {
    let mut j = from;
    let mut modifier = None;
    let mut steps = 0;
    let mut consumed = 0;
    while j < c.len() && steps < 5 {
        steps += 1;
        if j > from && (c.quantity_at[j].is_some() || matches!(c.word(j), "and" | "or")) {
            break;
        }
        if let Some(m) = c.mention_at[j].and_then(|m| mentions.get(m).map(|x| (m, x))) {
            if m.1.is_actor() {
                n.group = Some(m.0);
                consumed = c.mention_end(j);
            } else if m.1.country.as_deref().is_some_and(|k| k != "AF") {
                modifier = Some(VictimClass::Foreigners);
            }
            j = c.mention_end(j);
            continue;
        }
        // a participle used as an adjective: "two kidnapped engineers", "wounded soldiers"
        if let Some(h) = c.hit(j, CueKind::After) {
            if c.noun_at(h.end).is_some() {
                j = h.end;
                continue;
            }
        }
        if let Some((class, singular, end)) = c.noun_at(j) {
            // A singular person noun under a plural count, with a word after it, is used
            // as an adjective: "two jihadist groups", "four terrorist organizations" count
            // groups, not people; "three militant commanders" keeps the class as a modifier.
            if singular && n.value > 1.0 && attributive_head(c, end) {
                modifier = Some(class);
                j = end;
                continue;
            }
            n.noun = Some((j, end));
            n.class = Some(class);
            n.np_end = end;
            break;
        }
        if let Some(h) = c.hit(j, CueKind::Modifier) {
            if let CueValue::Class(k, _) = h.value {
                modifier = Some(k);
            }
            j = h.end;
            continue;
        }
        let stops = c.hits_at(j).iter().any(|h| {
            !matches!(
                h.kind,
                CueKind::Modifier | CueKind::Strength | CueKind::Actor | CueKind::Claim
            )
        });
        let punct = c.is_punct(j) && !matches!(c.word(j), "-" | "'s");
        if stops || punct {
            break;
        }
        j += 1;
    }
    // "4 Afghan Local Police": the group mention is the noun phrase
    if n.noun.is_none() && consumed > n.np_end {
        n.np_end = consumed;
    }
    // "members of ISIS-K"
    if n.noun.is_some() && n.group.is_none() && c.word(n.np_end) == "of" {
        for k in n.np_end + 1..(n.np_end + 4).min(c.len()) {
            if let Some(m) =
                c.mention_at[k].filter(|&m| mentions.get(m).is_some_and(Mention::is_actor))
            {
                n.group = Some(m);
                break;
            }
        }
    }
    let group_class = n
        .group
        .and_then(|g| mentions.get(g))
        .and_then(Mention::actor_class);
    n.class = match (n.class, modifier, group_class) {
        (Some(VictimClass::SecurityForces), Some(VictimClass::Foreigners), _) => {
            Some(VictimClass::Foreigners)
        }
        (Some(VictimClass::Unknown) | None, _, Some(g)) if n.noun.is_some() => Some(g),
        (Some(VictimClass::Unknown), Some(m), None) => Some(m),
        (k, _, _) => k,
    };
}

/// A count of one without digits: "a policeman", "the bomber", "his bodyguard".
fn implicit_count(c: &Clause<'_>, i: usize, mentions: &[Mention]) -> Option<Count> {
    let one = matches!(
        c.word(i),
        "a" | "an" | "one" | "the" | "his" | "her" | "their" | "its" | "another" | "our" | "whose"
    );
    if c.quantity_at[i].is_some() || !one {
        return None;
    }
    // the singular noun within three words, with only modifiers, mentions and plain words
    // between
    // "another" standing for a noun: "a policeman was killed and another wounded"
    if c.word(i) == "another" {
        let next = c.hits_at(i + 1);
        if next.iter().any(|h| h.kind == CueKind::After) || PASSIVE_AUX.contains(&c.word(i + 1)) {
            return Some(base_count(i, i + 1, 1.0));
        }
    }
    let mut j = i + 1;
    while j < c.len() && j <= i + 4 {
        if c.mention_at[j].is_some() {
            j = c.mention_end(j);
            continue;
        }
        if let Some((_, sg, end)) = c.noun_at(j) {
            // "a terrorist attack": the noun modifies an event noun
            if !sg || c.hit(end, CueKind::Event).is_some() {
                return None;
            }
            let mut n = base_count(i, i + 1, 1.0);
            noun_phrase(c, &mut n, j, mentions);
            n.start = i;
            n.end = n.np_end;
            return Some(n);
        }
        if c.quantity_at[j].is_some() || (c.is_punct(j) && c.word(j) != "-") {
            return None;
        }
        let blocking = c
            .hits_at(j)
            .iter()
            .any(|h| !matches!(h.kind, CueKind::Modifier | CueKind::Actor | CueKind::Event));
        if blocking {
            return None;
        }
        j += 1;
    }
    None
}

/// Counts of one from pronouns right after an active role cue ("killing him").
pub(crate) fn pronoun_counts(c: &Clause<'_>, counts: &mut Vec<Count>) {
    let mut taken: std::collections::HashSet<usize> = counts.iter().map(|n| n.start).collect();
    for h in c.hits.iter().filter(|h| h.kind == CueKind::Before) {
        if ONE_PRONOUNS.contains(&c.word(h.end)) && taken.insert(h.end) {
            let mut n = base_count(h.end, h.end + 1, 1.0);
            n.class = Some(VictimClass::Unknown);
            counts.push(n);
        }
    }
    counts.sort_by_key(|n| n.start);
}

/// Assigns a role to every count of the clause, marks sub-counts, and lets counts without
/// a noun take the class of the count before them.
pub(crate) fn assign_roles(c: &Clause<'_>, counts: &mut [Count]) {
    // which tokens start a count: a lookup, so that every rule stays bounded
    let mut starts = vec![false; c.len() + 1];
    for n in counts.iter() {
        if let Some(s) = starts.get_mut(n.start) {
            *s = true;
        }
    }
    let mut last_with_role: Option<usize> = None;
    for k in 0..counts.len() {
        let n = &counts[k];
        let adjacent = before_role(c, n, true, &starts);
        let role = adjacent
            .or_else(|| after_role(c, n, &starts))
            .or_else(|| before_role(c, n, false, &starts));
        // "including four women and three children": both are sub-counts
        let joined_to_sub = k > 0
            && counts[k - 1].subcount
            && coordinated(c, n.start)
            && n.start <= counts[k - 1].np_end + 1;
        let sub =
            is_subcount(c, n, adjacent.is_some() || last_with_role.is_none()) || joined_to_sub;
        // a speaker ("an official said") is no count of the event
        let speaker = c.hit(n.np_end, CueKind::Source).is_some() && n.quantity.is_none();
        let inherit_class = n
            .noun
            .is_none_or(|(a, _)| matches!(c.word(a), "others" | "other" | "more"));
        let prev = last_with_role.and_then(|i| counts.get(i));
        let prev_role = prev.and_then(|p| p.role);
        let prev_class = prev.and_then(|p| p.class);
        let n = &mut counts[k];
        n.subcount = sub;
        n.role = if sub { prev_role.or(role) } else { role };
        if speaker {
            n.role = None;
        }
        if inherit_class && n.class.is_none_or(|k| k == VictimClass::Unknown) {
            if let Some(pc) = prev_class {
                n.class = Some(pc);
            }
        }
        if n.role.is_some() && !n.subcount {
            last_with_role = Some(k);
        }
    }
}

fn is_subcount(c: &Clause<'_>, n: &Count, governed: bool) -> bool {
    let before = c
        .hits_in(n.start.saturating_sub(5), n.start)
        .iter()
        .any(|h| h.kind == CueKind::Sub && h.end <= n.start && n.start - h.end <= 2);
    let after = c.hit(n.end, CueKind::Sub).is_some() || c.hit(n.np_end, CueKind::Sub).is_some();
    before || (after && !governed && matches!(c.word(n.end), "of"))
}

/// The nearest role cue ending before the count; `adjacent`: with only hedge words between.
fn before_role(c: &Clause<'_>, n: &Count, adjacent: bool, starts: &[bool]) -> Option<(Role, Hit)> {
    let from = n.start.saturating_sub(REACH + 4);
    let mut best: Option<Hit> = None;
    for h in c.hits_in(from, n.start) {
        if h.end > n.start {
            continue;
        }
        // a boundary ends the reach of cues before it, not of a cue it is part of
        if h.kind == CueKind::Boundary && best.is_none_or(|b| h.start >= b.end) {
            best = None;
        }
        let nearer = |b: Hit| h.end > b.end || (h.end == b.end && h.start < b.start);
        if h.kind == CueKind::Before && best.is_none_or(nearer) {
            best = Some(*h);
        }
    }
    let h = best?;
    // a negated cue ("no casualties among…") governs no count
    let negated = c
        .hits_in(h.start.saturating_sub(2), h.start)
        .iter()
        .any(|x| x.kind == CueKind::Neg);
    if negated
        || c.hits_in(h.end, n.start)
            .iter()
            .any(|b| b.kind == CueKind::Boundary)
    {
        return None;
    }
    if adjacent && !(h.end..n.start).all(|j| HEDGE_WORDS.contains(&c.word(j))) {
        return None;
    }
    // a count of its own between cue and count that carries the verb's object
    if !adjacent
        && (h.end + 1..n.start)
            .any(|s| starts.get(s).copied().unwrap_or(false) && !coordinated(c, s))
    {
        return None;
    }
    Some((h.role()?, h))
}

/// Whether the count starting at `s` is joined to the one before it ("4 soldiers and 3
/// civilians", "4 soldiers, 3 civilians").
fn coordinated(c: &Clause<'_>, s: usize) -> bool {
    let sub = c
        .hits_in(s.saturating_sub(3), s)
        .iter()
        .any(|h| h.kind == CueKind::Sub && h.end == s);
    sub || (s > 0 && matches!(c.word(s - 1), "and" | "," | "or" | "plus" | "as well"))
}

/// The role cue after the count's noun phrase.
fn after_role(c: &Clause<'_>, n: &Count, starts: &[bool]) -> Option<(Role, Hit)> {
    let mut j = n.np_end;
    // coordinated and sub-counts between count and cue lengthen the reach
    let limit = (n.np_end + REACH + 4).min(c.len());
    while j < limit {
        if c.is_boundary(j) {
            return None;
        }
        if j > n.np_end && starts.get(j).copied().unwrap_or(false) && !coordinated(c, j) {
            return None;
        }
        let hits = c.hits_at(j);
        if let Some(h) = hits.iter().find(|h| h.kind == CueKind::After) {
            let also_active = hits.iter().any(|b| b.kind == CueKind::Before);
            let aux = j > 0 && PASSIVE_AUX.contains(&c.word(j - 1));
            if also_active && !aux && object_follows(c, h.end) {
                return None;
            }
            return Some((h.role()?, *h));
        }
        if hits.iter().any(|h| {
            h.kind == CueKind::Before || (h.kind == CueKind::Agent && c.word(h.start) != "'s")
        }) {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether an object (a count, a pronoun, a person noun) follows token `k` closely: the
/// verb before `k` is then active.
fn object_follows(c: &Clause<'_>, k: usize) -> bool {
    for j in k..(k + 3).min(c.len()) {
        let preposition = matches!(
            c.word(j),
            "and"
                | "or"
                | "by"
                | "in"
                | "at"
                | "on"
                | "during"
                | "when"
                | "with"
                | "near"
                | "from"
                | "after"
                | "while"
                | "as"
                | "for"
                | "to"
                | "into"
                | "inside"
        );
        if c.is_punct(j) || c.is_boundary(j) || preposition {
            return false;
        }
        if c.quantity_at[j].is_some()
            || matches!(c.word(j), "him" | "her" | "them" | "his" | "their")
            || c.noun_at(j).is_some()
        {
            return true;
        }
    }
    false
}
