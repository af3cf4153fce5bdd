//! Actors by their part in the clause.
//!
//! Rules, in order (the first that finds an actor gives the perpetrator):
//! 1. `by`: the actor after a passive "by" that follows a role or event cue ("killed by
//!    Taliban militants", "airstrikes by Afghan forces", "claimed by ISKP");
//! 2. `agent`: the actor right before an agent cue — a verb it is the subject of, a noun
//!    it modifies, or a possessive ("Taliban militants attacked", "a Taliban-planted IED",
//!    "ISIS-K claimed responsibility", "ISK-P's attack");
//! 3. `context`: the first armed group of the sentence that is neither the group of the
//!    victims, nor a destination, nor after a target cue ("clashes with Afghan forces").

use crate::clause::Clause;
use crate::counts::Count;
use crate::lexicon::{CueKind, CueValue};
use crate::types::{Actor, Mention, VictimClass};
use std::collections::HashSet;

/// An actor phrase of a sentence (sentence-local tokens `start..end`).
#[derive(Clone, Debug)]
pub(crate) struct ActorSpan {
    pub start: usize,
    pub end: usize,
    pub mention: Option<usize>,
    pub name: String,
    pub class: Option<VictimClass>,
}

/// Words that may stand between an actor and its agent cue.
const AGENT_GAP: &[&str] = &[
    "-",
    "'s",
    "have",
    "has",
    "had",
    "reportedly",
    "allegedly",
    "also",
    "forces",
    "fighters",
    "militants",
    "members",
    "insurgents",
    "then",
    "later",
    "who",
    "the",
    "a",
    "an",
    "special",
];

/// Words that may stand between "by" and the actor.
const BY_GAP: &[&str] = &["the", "a", "an", "suspected", "alleged", "armed", "rival"];

/// Suffixes that make a preceding place an attribute ("US-trained").
const ATTRIBUTE_SUFFIX: &[&str] = &[
    "trained",
    "backed",
    "led",
    "based",
    "funded",
    "made",
    "supported",
    "allied",
    "linked",
    "affiliated",
    "run",
    "sponsored",
    "brokered",
    "owned",
    "born",
];

impl ActorSpan {
    pub fn to_actor(&self, c: &Clause<'_>, mentions: &[Mention], via: &str) -> Actor {
        Actor {
            name: self.name.clone(),
            id: self
                .mention
                .and_then(|m| mentions.get(m))
                .map(|m| m.id.clone()),
            span: c.span(self.start, self.end),
            class: self.class,
            via: via.to_owned(),
        }
    }
}

/// The actor phrases of a sentence: armed-group mentions (with a following "militants",
/// "forces"…) and actor phrases of the lexicon ("unidentified gunmen").
pub(crate) fn actor_spans(c: &Clause<'_>, mentions: &[Mention]) -> Vec<ActorSpan> {
    let mut out: Vec<ActorSpan> = Vec::new();
    // the last gazetteer actor so far, for "its forces" and "they"
    let mut last_named: Option<usize> = None;
    let mut j = 0;
    while j < c.len() {
        let m = c.mention_at[j].and_then(|i| mentions.get(i).map(|m| (i, m)));
        if let Some((mi, m)) = m.filter(|(_, m)| m.is_actor()) {
            let mut end = c.mention_end(j);
            if let Some(h) = c.hit(end, CueKind::Actor) {
                end = h.end;
            }
            last_named = Some(out.len());
            out.push(ActorSpan {
                start: j,
                end,
                mention: Some(mi),
                name: m.name.clone(),
                class: m.actor_class(),
            });
            j = end.max(j + 1);
            continue;
        }
        let named = || last_named.and_then(|i| out.get(i)).cloned();
        // "they had killed": the group named before
        if matches!(c.word(j), "they" | "it") {
            if let Some(o) = named() {
                out.push(ActorSpan {
                    start: j,
                    end: j + 1,
                    ..o
                });
            }
            j += 1;
            continue;
        }
        if let Some(h) = c
            .hit(j, CueKind::Actor)
            .filter(|_| c.mention_at[j].is_none())
        {
            let start = phrase_start(c, j, mentions);
            // "its forces": the group named before
            let owner = if start > 0 && matches!(c.word(start - 1), "its" | "their") {
                named()
            } else {
                None
            };
            out.push(match owner {
                Some(o) => ActorSpan {
                    start,
                    end: h.end,
                    ..o
                },
                None => ActorSpan {
                    start,
                    end: h.end,
                    mention: None,
                    name: phrase_name(c, start, h.end),
                    class: match h.value {
                        CueValue::Class(k, _) => Some(k),
                        _ => None,
                    },
                },
            });
            j = h.end;
            continue;
        }
        j += 1;
    }
    out
}

/// Where an actor phrase starts: a nationality before it joins ("Afghan security forces"),
/// and so do "unidentified", "unknown", "suspected", "armed".
fn phrase_start(c: &Clause<'_>, j: usize, mentions: &[Mention]) -> usize {
    let mut start = match j
        .checked_sub(1)
        .and_then(|p| c.mention_at[p].map(|m| (p, m)))
    {
        Some((p, mi)) if mentions.get(mi).is_some_and(|m| m.label == "NORP") => {
            let mut s = p;
            while s > 0 && c.mention_at[s - 1] == Some(mi) {
                s -= 1;
            }
            s
        }
        _ => j,
    };
    while start > 0
        && matches!(
            c.word(start - 1),
            "unidentified" | "unknown" | "suspected" | "armed"
        )
    {
        start -= 1;
    }
    start
}

/// The phrase as written, lower-cased when it opens the sentence ("Gunmen killed…").
fn phrase_name(c: &Clause<'_>, start: usize, end: usize) -> String {
    let name = c.slice(start, end);
    if start == 0 && name.chars().next().is_some_and(char::is_uppercase) {
        name.to_lowercase()
    } else {
        name.to_owned()
    }
}

/// Who the victims are: the tokens of counted noun phrases with an incident role, and the
/// ids of their groups. An actor there is the victims' group, not an agent.
struct Victims<'m> {
    tokens: Vec<bool>,
    ids: HashSet<&'m str>,
}

impl<'m> Victims<'m> {
    fn new(c: &Clause<'_>, counts: &[Count], mentions: &'m [Mention]) -> Victims<'m> {
        let mut tokens = vec![false; c.len() + 1];
        let mut ids = HashSet::new();
        for n in counts
            .iter()
            .filter(|n| n.role.is_some_and(|(r, _)| r.is_incident()))
        {
            for t in tokens.iter_mut().take(n.np_end).skip(n.start) {
                *t = true;
            }
            if let Some(m) = n.group.and_then(|g| mentions.get(g)) {
                ids.insert(m.id.as_str());
            }
        }
        Victims { tokens, ids }
    }

    fn contains(&self, a: &ActorSpan, mentions: &[Mention]) -> bool {
        (a.start..a.end).any(|t| self.tokens.get(t).copied().unwrap_or(false))
            || a.mention
                .and_then(|m| mentions.get(m))
                .is_some_and(|m| self.ids.contains(m.id.as_str()))
    }
}

/// The first actor starting at each token.
fn starting_at(c: &Clause<'_>, actors: &[ActorSpan]) -> Vec<Option<usize>> {
    let mut at = vec![None; c.len() + 1];
    for (i, a) in actors.iter().enumerate() {
        if let Some(slot) = at.get_mut(a.start) {
            slot.get_or_insert(i);
        }
    }
    at
}

fn actor_at<'s>(at: &[Option<usize>], actors: &'s [ActorSpan], k: usize) -> Option<&'s ActorSpan> {
    at.get(k).copied().flatten().and_then(|i| actors.get(i))
}

/// The perpetrator of the sentence, with the rule that found it.
pub(crate) fn perpetrator<'s>(
    c: &Clause<'_>,
    actors: &'s [ActorSpan],
    counts: &[Count],
    destinations: &HashSet<usize>,
    mentions: &[Mention],
) -> Option<(&'s ActorSpan, &'static str)> {
    let victims = Victims::new(c, counts, mentions);
    let at = starting_at(c, actors);
    let eligible =
        |a: &&ActorSpan| !victims.contains(a, mentions) && !destinations.contains(&a.start);
    let first_cue = c
        .hits
        .iter()
        .filter(|h| matches!(h.kind, CueKind::After | CueKind::Event | CueKind::Before))
        .map(|h| h.start)
        .min();
    // 1. by
    for h in c.hits.iter().filter(|h| h.kind == CueKind::By) {
        if first_cue.is_none_or(|f| f >= h.start) {
            continue;
        }
        let mut k = h.end;
        while k < c.len() && BY_GAP.contains(&c.word(k)) {
            k += 1;
        }
        if let Some(a) = actor_at(&at, actors, k).filter(eligible) {
            let via = match h.value {
                CueValue::Tag("claim") => "claim",
                _ => "by",
            };
            return Some((a, via));
        }
    }
    // 2. agent: the cue right after the actor, or after a short phrase of plain words
    //    ("gunmen on a motorcycle opened fire")
    for a in actors.iter().filter(eligible) {
        let mut k = a.end;
        while k < c.len() && k < a.end + 4 && c.hit(k, CueKind::Agent).is_none() {
            let plain = AGENT_GAP.contains(&c.word(k))
                || matches!(c.word(k), "on" | "in" | "riding" | "from" | "wearing")
                || (c.hits_at(k).is_empty()
                    && c.mention_at[k].is_none()
                    && c.quantity_at[k].is_none()
                    && !c.is_punct(k));
            if !plain {
                break;
            }
            k += 1;
        }
        if let Some(h) = c.hit(k, CueKind::Agent) {
            let via = match h.value {
                CueValue::Tag("claim") => "claim",
                _ => "agent",
            };
            return Some((a, via));
        }
    }
    // 3. context: gazetteer groups; phrases ("gunmen") only as the other side of "with"
    let context = |named: bool| {
        actors
            .iter()
            .filter(eligible)
            .filter(|a| a.mention.is_some() == named)
            .filter(|a| !matches!(c.word(a.start), "they" | "it"))
            // "an NDS officer": the group names a person's affiliation
            .filter(|a| c.noun_at(a.end).is_none_or(|(_, sg, _)| !sg))
            .filter(|a| named || (a.start > 0 && c.word(a.start - 1) == "with"))
            .find(|a| !after_target(c, a.start))
            .map(|a| (a, "context"))
    };
    context(true).or_else(|| context(false))
}

fn after_target(c: &Clause<'_>, start: usize) -> bool {
    c.hits_in(start.saturating_sub(3), start)
        .iter()
        .any(|h| h.kind == CueKind::Target || (h.kind == CueKind::Dest))
        || (start > 0 && matches!(c.word(start - 1), "and"))
        || c.hit(start + 1, CueKind::Source).is_some()
        || c.hit(c.mention_end(start), CueKind::Source).is_some()
}

/// The target: the actor or person noun after a target cue, else the victims' group.
pub(crate) fn target(
    c: &Clause<'_>,
    actors: &[ActorSpan],
    counts: &[Count],
    mentions: &[Mention],
) -> Option<Actor> {
    let at = starting_at(c, actors);
    for h in c.hits.iter().filter(|h| h.kind == CueKind::Target) {
        for k in h.end..(h.end + 4).min(c.len()) {
            if let Some(a) = actor_at(&at, actors, k) {
                return Some(a.to_actor(c, mentions, "target"));
            }
            if let Some((class, _, end)) = c.noun_at(k) {
                return Some(Actor {
                    name: c.slice(k, end).to_lowercase(),
                    id: None,
                    span: c.span(k, end),
                    class: Some(class),
                    via: "target".to_owned(),
                });
            }
        }
    }
    counts
        .iter()
        .filter(|n| n.role.is_some_and(|(r, _)| r.is_incident()))
        .find_map(|n| n.group)
        .and_then(|g| mentions.get(g))
        .map(|m| Actor {
            name: m.name.clone(),
            id: Some(m.id.clone()),
            span: m.span,
            class: m.actor_class(),
            via: "group".to_owned(),
        })
}

/// The destination of joiners: the first actor after a destination cue following `from`.
pub(crate) fn destination<'s>(
    c: &Clause<'_>,
    actors: &'s [ActorSpan],
    from: usize,
) -> Option<&'s ActorSpan> {
    let h = c
        .hits_in(from, (from + 10).min(c.len()))
        .iter()
        .find(|h| h.kind == CueKind::Dest)?;
    let first = actors.partition_point(|a| a.start < h.end);
    actors.get(first).filter(|a| a.start <= h.end + 3)
}

/// Whether the place mention starting at token `j` is an attribute of what follows
/// ("US-trained forces", "US forces", "Pakistani Taliban") rather than where things happened.
pub(crate) fn is_attribute_place(c: &Clause<'_>, j: usize, mentions: &[Mention]) -> bool {
    let end = c.mention_end(j);
    if c.word(end) == "-" && ATTRIBUTE_SUFFIX.contains(&c.word(end + 1)) {
        return true;
    }
    let next_is_people = c.noun_at(end).is_some()
        || c.hit(end, CueKind::Actor).is_some()
        || c.hit(end, CueKind::Modifier).is_some();
    let next_is_actor = c
        .mention_at
        .get(end)
        .copied()
        .flatten()
        .and_then(|m| mentions.get(m))
        .is_some_and(Mention::is_actor);
    next_is_people || next_is_actor
}
