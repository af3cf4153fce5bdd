//! The [`EventExtractor`]: sentences → role facts → events.

use crate::Error;
use crate::actors::{self, ActorSpan};
use crate::clause::{Buffers, Clause, Hit, is_count};
use crate::counts::{self, Count};
use crate::lexicon::{CueKind, CueValue, Lexicon, MILITANT, NEGATION, TRIGGER};
use crate::types::{
    Actor, DateSource, Event, EventDate, EventPlace, EventType, Mention, Role, RoleFact,
};
use khabar_numdate::{CivilDate, Quantity, Temporal, TemporalType, TokenClasses};
use khabar_tokenize::{Sentence, Span, Token};
use std::collections::{BTreeMap, HashSet};

/// What the extractor reads: a text with the tokens, sentences, quantities, dates and
/// entity mentions its sibling crates found in it (all spans in bytes of `text`, in text
/// order).
#[derive(Clone, Copy, Debug)]
pub struct EventInput<'a> {
    /// The text.
    pub text: &'a str,
    /// Its word tokens (`khabar_tokenize::tokenize`).
    pub tokens: &'a [Token],
    /// Its sentences (`khabar_tokenize::sentences`).
    pub sentences: &'a [Sentence],
    /// Its quantities (`khabar_numdate::QuantityExtractor`).
    pub quantities: &'a [Quantity],
    /// Its dates (`khabar_numdate::DateExtractor`).
    pub dates: &'a [Temporal],
    /// Its entity mentions (from a gazetteer), in text order.
    pub mentions: &'a [Mention],
    /// The document's reference date (the last fallback for an event's date).
    pub reference_date: Option<CivilDate>,
}

/// The result: every role fact and the events they make up.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Analysis {
    /// Role facts, in text order.
    pub facts: Vec<RoleFact>,
    /// Events, in text order.
    pub events: Vec<Event>,
    /// Indices of the place mentions that are attributes, not places ("US-trained").
    pub attribute_mentions: Vec<usize>,
}

/// Finds role facts and events. Build once, use for many texts; `Send + Sync`.
///
/// ```
/// use khabar_events::{EventExtractor, Role};
/// let ex = EventExtractor::new()?;
/// let a = ex.extract_text("4 policemen and 3 civilians were killed, including 2 children.");
/// assert_eq!(a.events[0].killed(), Some(7.0));
/// assert!(a.facts[2].subcount);
/// assert_eq!(a.facts[0].role, Role::Killed);
/// # Ok::<(), khabar_events::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct EventExtractor {
    lexicon: Lexicon,
}

/// What one sentence contributes.
#[derive(Debug, Default)]
struct SentenceEvent {
    index: usize,
    span: Span,
    facts: Vec<RoleFact>,
    event_type: Option<EventType>,
    /// The most specific type cued that is violence (no custody type, not `other`).
    violent_type: Option<EventType>,
    perpetrator: Option<(Actor, &'static str)>,
    target: Option<Actor>,
    place: Option<(u8, usize)>,
    /// The first province named in the sentence (for a village's province).
    province: Option<usize>,
    date: Option<usize>,
    claimed: bool,
    source: Option<String>,
}

impl EventExtractor {
    /// An extractor with the default lexicon.
    pub fn new() -> Result<EventExtractor, Error> {
        Ok(EventExtractor::with_lexicon(Lexicon::default_lexicon()?))
    }

    /// An extractor with the given lexicon.
    pub fn with_lexicon(lexicon: Lexicon) -> EventExtractor {
        EventExtractor { lexicon }
    }

    /// Adds the cues of a TSV file (see [`Lexicon::extend_from_tsv`]).
    pub fn with_extra_lexicon(mut self, name: &str, tsv: &str) -> Result<EventExtractor, Error> {
        self.lexicon.extend_from_tsv(name, tsv)?;
        Ok(self)
    }

    /// Reads an extra cue file from disk.
    pub fn with_lexicon_file(self, path: &std::path::Path) -> Result<EventExtractor, Error> {
        let tsv = std::fs::read_to_string(path).map_err(|e| Error::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        self.with_extra_lexicon(&path.display().to_string(), &tsv)
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Tokenizes `text` and finds its quantities and dates itself (no gazetteer: no
    /// actors or places), then extracts.
    pub fn extract_text(&self, text: &str) -> Analysis {
        let tokens = khabar_tokenize::tokenize(text);
        let sentences = khabar_tokenize::sentences(text);
        let dates = khabar_numdate::DateExtractor::new().extract_tokens(text, &tokens);
        let mut quantities = khabar_numdate::QuantityExtractor::new().extract_tokens(text, &tokens);
        let spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
        khabar_numdate::quantity::remove_overlapping(&mut quantities, &spans);
        self.extract(&EventInput {
            text,
            tokens: &tokens,
            sentences: &sentences,
            quantities: &quantities,
            dates: &dates,
            mentions: &[],
            reference_date: None,
        })
    }

    /// Extracts role facts and events. Linear in the input's size.
    ///
    /// Every token's word is hashed first ([`khabar_tokenize::word_hash`]); where the
    /// document's tokens have been classified already, [`EventExtractor::extract_classified`]
    /// reads those hashes instead.
    pub fn extract(&self, input: &EventInput<'_>) -> Analysis {
        let hashes: Vec<u64> = input
            .tokens
            .iter()
            .map(|t| khabar_tokenize::word_hash(input.text, t))
            .collect();
        self.extract_hashed(input, &hashes)
    }

    /// [`EventExtractor::extract`] for a text whose tokens (`input.tokens`) the number and
    /// date stages have classified already ([`TokenClasses::new`] of the same text and
    /// tokens): the cues are found on the word hashes the classes hold
    /// ([`TokenClasses::word_hashes`]) instead of hashing every token again. The result is
    /// [`EventExtractor::extract`]'s; classes of another number of tokens are not read (the
    /// tokens are hashed here instead).
    ///
    /// ```
    /// use khabar_events::{EventExtractor, EventInput};
    /// use khabar_numdate::{QuantityExtractor, TokenClasses};
    /// let text = "Two soldiers were killed in Ghazni.";
    /// let tokens = khabar_tokenize::tokenize(text);
    /// let sentences = khabar_tokenize::sentences(text);
    /// let classes = TokenClasses::new(text, &tokens);
    /// let quantities = QuantityExtractor::new().extract_tokens(text, &tokens);
    /// let input = EventInput {
    ///     text, tokens: &tokens, sentences: &sentences, quantities: &quantities,
    ///     dates: &[], mentions: &[], reference_date: None,
    /// };
    /// let ex = EventExtractor::new()?;
    /// let a = ex.extract_classified(&input, &classes);
    /// assert_eq!(a.events[0].killed(), Some(2.0));
    /// assert_eq!(a, ex.extract(&input));
    /// # Ok::<(), khabar_events::Error>(())
    /// ```
    pub fn extract_classified(&self, input: &EventInput<'_>, classes: &TokenClasses) -> Analysis {
        let hashes = classes.word_hashes();
        if hashes.len() == input.tokens.len() {
            self.extract_hashed(input, hashes)
        } else {
            self.extract(input)
        }
    }

    /// [`EventExtractor::extract`] given each token's word hash (`hashes`, parallel to
    /// `input.tokens`).
    fn extract_hashed(&self, input: &EventInput<'_>, hashes: &[u64]) -> Analysis {
        let mut analysis = Analysis::default();
        let mut per_sentence = Vec::new();
        let mut buffers = Buffers::default();
        let (mut ti, mut qi, mut mi) = (0, 0, 0);
        for (si, s) in input.sentences.iter().enumerate() {
            let (first, tokens) = take_indexed(input.tokens, &mut ti, s.span, |t| t.span);
            let hashes = hashes.get(first..first + tokens.len()).unwrap_or_default();
            let qs = take_indexed(input.quantities, &mut qi, s.span, |q| q.span);
            let ms = take_indexed(input.mentions, &mut mi, s.span, |m| m.span);
            // most sentences of a corpus report nothing: their cues (found on word hashes,
            // no word built) and counts say so before anything else is done — first the
            // cues that bear on it, then all
            let bearing = self.lexicon.gate(input.text, tokens, hashes);
            if !may_be_worth_reading(bearing, tokens, qs.1, ms.1) {
                continue;
            }
            buffers.scan(&self.lexicon, input.text, tokens, hashes);
            if !worth_reading(buffers.hits(), tokens, qs.1, ms.1) {
                continue;
            }
            let c = Clause::new(buffers, input.text, tokens, qs, ms);
            let se = self.sentence(input, &c, si, s.span, &mut analysis.attribute_mentions);
            buffers = c.into_buffers();
            analysis.facts.extend(se.facts.iter().cloned());
            per_sentence.push(se);
        }
        analysis.events = assemble(input, per_sentence);
        analysis
    }

    /// The slow, obviously-correct form of [`EventExtractor::extract`]: every sentence read
    /// in full, its cues found by comparing its words with every cue of the lexicon.
    #[cfg(test)]
    pub(crate) fn extract_reference(&self, input: &EventInput<'_>) -> Analysis {
        let mut analysis = Analysis::default();
        let mut per_sentence = Vec::new();
        let (mut ti, mut qi, mut mi) = (0, 0, 0);
        for (si, s) in input.sentences.iter().enumerate() {
            let tokens = take_within(input.tokens, &mut ti, s.span, |t| t.span);
            let qs = take_indexed(input.quantities, &mut qi, s.span, |q| q.span);
            let ms = take_indexed(input.mentions, &mut mi, s.span, |m| m.span);
            let c = Clause::reference(&self.lexicon, input.text, tokens, qs, ms);
            // the rules read a sentence with a reading cue or a count, and only those
            let cued = c.hits.iter().any(Hit::reads);
            if !cued && c.quantity_at.iter().all(Option::is_none) {
                continue;
            }
            let se = self.sentence(input, &c, si, s.span, &mut analysis.attribute_mentions);
            analysis.facts.extend(se.facts.iter().cloned());
            per_sentence.push(se);
        }
        analysis.events = assemble(input, per_sentence);
        analysis
    }

    fn sentence(
        &self,
        input: &EventInput<'_>,
        c: &Clause<'_>,
        index: usize,
        span: Span,
        attributes: &mut Vec<usize>,
    ) -> SentenceEvent {
        let mentions = input.mentions;
        let mut counts = counts::find_counts(c, input.quantities, mentions);
        counts::pronoun_counts(c, &mut counts);
        counts::assign_roles(c, &mut counts);
        strength_roles(c, &mut counts);
        let actors = actors::actor_spans(c, mentions);
        let mut dests: std::collections::HashSet<usize> = std::collections::HashSet::new();
        let mut facts: Vec<RoleFact> = Vec::new();
        for n in counts.iter().filter(|n| n.role.is_some()) {
            let dest = match n.role {
                Some((Role::Joined | Role::Surrendered, _)) => {
                    actors::destination(c, &actors, n.np_end)
                }
                _ => None,
            };
            if let Some(d) = dest {
                dests.insert(d.start);
            }
            facts.push(count_fact(c, n, index, mentions, dest));
        }
        facts.extend(zero_facts(c, index));
        facts.extend(uncounted_facts(c, index, &counts, &facts));
        facts.sort_by_key(|f| f.span.start);
        let perpetrator = actors::perpetrator(c, &actors, &counts, &dests, mentions)
            .map(|(a, via)| (a.to_actor(c, mentions, via), via));
        let target = actors::target(c, &actors, &counts, mentions);
        let mut place: Option<(u8, usize)> = None;
        let mut province: Option<usize> = None;
        let mut j = 0;
        while j < c.len() {
            if let Some(mi) = c.mention_at[j] {
                let level = mentions.get(mi).and_then(Mention::place_level);
                if let Some(level) = level {
                    if actors::is_attribute_place(c, j, mentions) {
                        attributes.push(mi);
                    } else {
                        if place.is_none_or(|(l, _)| level > l) {
                            place = Some((level, mi));
                        }
                        if level == 2 && province.is_none() {
                            province = Some(mi);
                        }
                    }
                }
                j = c.mention_end(j);
                continue;
            }
            j += 1;
        }
        let (claimed, source) = attribution(c);
        SentenceEvent {
            index,
            span,
            facts,
            event_type: event_type(c, |_| true),
            violent_type: event_type(c, EventType::is_violence),
            perpetrator,
            target,
            place,
            province,
            date: best_date(input.dates, span),
            claimed,
            source,
        }
    }
}

/// Whether a sentence can yield anything; exact for "no" (a sentence it rejects yields
/// nothing when read in full: `extract_reference` checks it). The rules read a sentence
/// only when it has a reading cue ([`Hit::reads`]) or a count. Without a trigger
/// ([`Hit::triggers`]: a role, event or claim cue, "no casualties") nothing gets a role but
/// a count of militants (a force's size: a militant noun or modifier, or an armed group
/// named) and no event is made; what is left is a place mention read as an attribute
/// ("US-trained forces").
fn worth_reading(
    hits: &[Hit],
    tokens: &[Token],
    quantities: &[Quantity],
    mentions: &[Mention],
) -> bool {
    let cued = hits.iter().any(Hit::reads);
    if !cued && !counted(tokens, quantities) {
        return false;
    }
    hits.iter().any(|h| h.triggers() || h.militant()) || names_a_party_or_place(mentions)
}

/// [`worth_reading`] from the OR of the sentence's cues' bearings (before its cues are
/// matched in full): `false` only where `worth_reading` is.
fn may_be_worth_reading(
    bearing: u8,
    tokens: &[Token],
    quantities: &[Quantity],
    mentions: &[Mention],
) -> bool {
    bearing & (TRIGGER | MILITANT) != 0
        || (names_a_party_or_place(mentions)
            && (bearing & NEGATION != 0 || counted(tokens, quantities)))
}

/// Whether a count covers one of `tokens`.
fn counted(tokens: &[Token], quantities: &[Quantity]) -> bool {
    quantities.iter().filter(|q| is_count(q)).any(|q| {
        let first = tokens.partition_point(|t| t.span.end <= q.span.start);
        tokens.get(first).is_some_and(|t| t.span.start < q.span.end)
    })
}

/// Whether an armed group or a place is named.
fn names_a_party_or_place(mentions: &[Mention]) -> bool {
    mentions
        .iter()
        .any(|m| m.is_actor() || m.place_level().is_some())
}

/// Militant counts without a role are a force's size when the sentence says so or reports
/// nothing else.
fn strength_roles(c: &Clause<'_>, counts: &mut [Count]) {
    let strength_cue = c.hits.iter().any(|h| h.kind == CueKind::Strength);
    let incident = counts
        .iter()
        .any(|n| n.role.is_some_and(|(r, _)| r.is_incident()))
        || c.hits
            .iter()
            .any(|h| matches!(h.kind, CueKind::After | CueKind::Before | CueKind::Event));
    for n in counts.iter_mut() {
        let militant = n.class == Some(crate::VictimClass::Militants);
        let strength_role = n.role.is_some_and(|(r, _)| r == Role::Strength);
        if strength_role
            && n.class.is_some_and(|k| {
                k != crate::VictimClass::Militants && k != crate::VictimClass::Unknown
            })
        {
            n.role = None;
        }
        if n.role.is_none() && militant && n.quantity.is_some() && (strength_cue || !incident) {
            if let Some(h) = c.hits.first() {
                n.role = Some((Role::Strength, *h));
            }
        }
    }
    // An estimate that leaves its noun to the one before: "from several thousand active
    // fighters to as low as 500" — a bare count beside a strength count is one too.
    let strength_hit = counts
        .iter()
        .find_map(|n| n.role.filter(|(r, _)| *r == Role::Strength));
    if let (Some(found), true) = (strength_hit, strength_cue) {
        for n in counts.iter_mut() {
            if n.role.is_none() && n.noun.is_none() && n.class.is_none() && n.quantity.is_some() {
                n.role = Some(found);
            }
        }
    }
}

fn count_fact(
    c: &Clause<'_>,
    n: &Count,
    sentence: usize,
    mentions: &[Mention],
    dest: Option<&ActorSpan>,
) -> RoleFact {
    let (role, cue) = match n.role {
        Some((r, h)) => (r, Some(c.slice(h.start, h.end).to_owned())),
        None => (Role::Other, None),
    };
    let group = n.group.and_then(|g| mentions.get(g)).map(|m| Actor {
        name: m.name.clone(),
        id: Some(m.id.clone()),
        span: m.span,
        class: m.actor_class(),
        via: "group".to_owned(),
    });
    RoleFact {
        span: c.span(n.start, n.end),
        text: c.slice(n.start, n.end).to_owned(),
        role,
        count: Some(n.value),
        low: n.low,
        high: n.high,
        approx: n.approx.clone(),
        vague: n.vague,
        subcount: n.subcount,
        negated: false,
        class: n.class,
        group,
        destination: dest.map(|d| d.to_actor(c, mentions, "destination")),
        noun: n.noun.map(|(a, b)| c.slice(a, b).to_owned()),
        cue: if role == Role::Strength { None } else { cue },
        quantity: n.quantity,
        sentence,
    }
}

fn bare_fact(c: &Clause<'_>, start: usize, end: usize, role: Role, sentence: usize) -> RoleFact {
    RoleFact {
        span: c.span(start, end),
        text: c.slice(start, end).to_owned(),
        role,
        count: None,
        low: None,
        high: None,
        approx: "none".to_owned(),
        vague: false,
        subcount: false,
        negated: false,
        class: None,
        group: None,
        destination: None,
        noun: None,
        cue: Some(c.slice(start, end).to_owned()),
        quantity: None,
        sentence,
    }
}

/// Explicit zeros: a negation followed closely by a role cue, with no "immediate",
/// "unclear"… around it.
fn zero_facts(c: &Clause<'_>, sentence: usize) -> Vec<RoleFact> {
    let mut out: Vec<RoleFact> = Vec::new();
    let mut used: HashSet<usize> = HashSet::new();
    for h in c.hits.iter().filter(|h| h.kind == CueKind::Neg) {
        let window = c.hits_in(h.start.saturating_sub(3), (h.end + 6).min(c.len()));
        if window.iter().any(|u| u.kind == CueKind::Unknown) {
            continue;
        }
        if matches!(h.value, CueValue::Tag("zero")) {
            let mut f = bare_fact(c, h.start, h.end, Role::Casualties, sentence);
            f.count = Some(0.0);
            f.negated = true;
            out.push(f);
            continue;
        }
        let cue = c.hits_in(h.end, (h.end + 5).min(c.len())).iter().find(|r| {
            matches!(r.kind, CueKind::After | CueKind::Before)
                && r.role().is_some_and(Role::is_incident)
        });
        let Some(r) = cue else { continue };
        // "no more than 5 were killed" is a count, not a zero
        let blocked = (h.end..r.start).any(|k| c.quantity_at[k].is_some() || c.is_boundary(k));
        if blocked || !used.insert(r.start) {
            continue;
        }
        let mut f = bare_fact(c, r.start, r.end, r.role().unwrap_or(Role::Other), sentence);
        f.span = c.span(h.start, r.end);
        f.text = c.slice(h.start, r.end).to_owned();
        f.count = Some(0.0);
        f.negated = true;
        out.push(f);
    }
    out
}

/// Roles asserted without a count ("sustained heavy casualties"): one fact per role not
/// otherwise counted in the sentence, count `None`.
fn uncounted_facts(
    c: &Clause<'_>,
    sentence: usize,
    counts: &[Count],
    facts: &[RoleFact],
) -> Vec<RoleFact> {
    let mut out: Vec<RoleFact> = Vec::new();
    let used: HashSet<usize> = counts
        .iter()
        .filter_map(|n| n.role.map(|(_, h)| h.start))
        .collect();
    let mut stated: HashSet<Role> = facts.iter().map(|f| f.role).collect();
    for h in c.hits.iter().filter(|h| matches!(h.kind, CueKind::After)) {
        let Some(role) = h.role().filter(|r| matches!(r, Role::Casualties)) else {
            continue;
        };
        if !used.contains(&h.start) && stated.insert(role) {
            out.push(bare_fact(c, h.start, h.end, role, sentence));
        }
    }
    out
}

/// The most specific event type cued in the clause among those `keep` accepts.
fn event_type(c: &Clause<'_>, keep: impl Fn(EventType) -> bool) -> Option<EventType> {
    c.hits
        .iter()
        .filter_map(|h| match h.value {
            CueValue::Event(t) if h.kind == CueKind::Event && keep(t) => Some(t),
            _ => None,
        })
        .min()
}

/// Whether the clause's figures are a party's claim, and who they are attributed to.
fn attribution(c: &Clause<'_>) -> (bool, Option<String>) {
    let claimed = c.hits.iter().any(|h| {
        h.kind == CueKind::Claim
            && !c
                .hits_at(h.start)
                .iter()
                .any(|a| a.kind == CueKind::Agent && a.end > h.start + 1)
            && c.word(h.end) != "responsibility"
    });
    let source = c.hits.iter().find(|h| h.kind == CueKind::Source).map(|h| {
        if c.word(h.start) == "according" {
            let mut e = h.end;
            while e < c.len() && e < h.end + 6 && !c.is_punct(e) {
                e += 1;
            }
            c.slice(h.end, e).to_owned()
        } else {
            let mut s = h.start;
            while s > 0 && s + 5 > h.start && !c.is_punct(s - 1) && !c.is_boundary(s - 1) {
                s -= 1;
            }
            if s == h.start {
                let mut e = h.end;
                while e < c.len() && e < h.end + 6 && !c.is_punct(e) {
                    e += 1;
                }
                c.slice(h.end, e).to_owned()
            } else {
                c.slice(s, h.start).to_owned()
            }
        }
    });
    (claimed, source.filter(|s| !s.is_empty()))
}

/// The most specific dated expression in `span` (finest granularity, then first).
fn best_date(dates: &[Temporal], span: Span) -> Option<usize> {
    let first = dates.partition_point(|d| d.span.start < span.start);
    dates
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, d)| d.span.start < span.end)
        .filter(|(_, d)| d.kind == TemporalType::Date && d.interval.is_some())
        .min_by_key(|(i, d)| (d.interval.map(|iv| iv.granularity), *i))
        .map(|(i, _)| i)
}

fn take_within<'a, T>(
    items: &'a [T],
    pos: &mut usize,
    span: Span,
    at: impl Fn(&T) -> Span,
) -> &'a [T] {
    while *pos < items.len() && at(&items[*pos]).start < span.start {
        *pos += 1;
    }
    let a = *pos;
    while *pos < items.len() && at(&items[*pos]).end <= span.end {
        *pos += 1;
    }
    &items[a..*pos]
}

/// The items within `span` (from `pos` on, which moves past them), with the index of the
/// first.
fn take_indexed<'a, T>(
    items: &'a [T],
    pos: &mut usize,
    span: Span,
    at: impl Fn(&T) -> Span,
) -> (usize, &'a [T]) {
    while *pos < items.len() && at(&items[*pos]).start < span.start {
        *pos += 1;
    }
    let start = *pos;
    (start, take_within(items, pos, span, at))
}

// ---------------------------------------------------------------------------------------
// Sentences → events

fn eventful(s: &SentenceEvent) -> bool {
    let incident = s.facts.iter().any(|f| f.role.is_incident() && !f.subcount);
    let specific = s.event_type.is_some_and(|t| t != EventType::Other);
    let claim = s
        .perpetrator
        .as_ref()
        .is_some_and(|(_, via)| *via == "claim");
    incident
        || claim
        || (specific && (s.perpetrator.is_some() || s.place.is_some() || s.date.is_some()))
}

/// Whether sentence `s` continues the event `e` (no new date, place or perpetrator that
/// conflicts).
fn continues(input: &EventInput<'_>, draft: &Draft, s: &SentenceEvent) -> bool {
    let e = &draft.merged;
    let date_ok = match (e.date, s.date) {
        (Some(a), Some(b)) => {
            input.dates.get(a).map(|d| &d.value) == input.dates.get(b).map(|d| &d.value)
        }
        _ => true,
    };
    let place_ok = match (e.place, s.place) {
        (Some((_, a)), Some((_, b))) => compatible_places(input.mentions, a, b),
        _ => true,
    };
    let perp_ok = match (&e.perpetrator, &s.perpetrator) {
        (Some((a, _)), Some((b, via))) => {
            // only two named groups conflict ("gunmen" may be the group named before)
            a.name == b.name || *via == "context" || a.id.is_none() || b.id.is_none()
        }
        _ => true,
    };
    // an incident is reported in a few sentences: a long run starts a new event
    date_ok
        && place_ok
        && perp_ok
        && s.index <= e.index + 3
        && draft.sentences.len() < MAX_SENTENCES
}

fn compatible_places(mentions: &[Mention], a: usize, b: usize) -> bool {
    match (mentions.get(a), mentions.get(b)) {
        (Some(x), Some(y)) => {
            x.id == y.id
                || x.parent.as_deref() == Some(y.name.as_str())
                || y.parent.as_deref() == Some(x.name.as_str())
                || (x.province.is_some() && x.province == y.province)
                || x.place_level() == Some(1)
                || y.place_level() == Some(1)
        }
        _ => true,
    }
}

/// The most sentences one event spans.
const MAX_SENTENCES: usize = 6;

/// An event being assembled: its sentences merged into one [`SentenceEvent`] (whose
/// `index` is the last sentence's), with the totals by role.
#[derive(Debug)]
struct Draft {
    sentences: Vec<usize>,
    counts: BTreeMap<Role, f64>,
    merged: SentenceEvent,
}

/// Totals of one sentence: sums of its counted, non-sub-count facts by role.
fn sentence_totals(facts: &[RoleFact]) -> BTreeMap<Role, f64> {
    let mut t: BTreeMap<Role, f64> = BTreeMap::new();
    for f in facts.iter().filter(|f| !f.subcount) {
        if let Some(v) = f.count {
            *t.entry(f.role).or_insert(0.0) += v;
        }
    }
    // "raising the death toll to 9": a stated toll is the total, not one more addend
    for f in facts
        .iter()
        .filter(|f| !f.subcount && f.cue.as_deref().is_some_and(|c| c.contains("toll")))
    {
        if let Some(v) = f.count {
            t.insert(f.role, v);
        }
    }
    // "no casualties": neither killed nor wounded
    if t.get(&Role::Casualties) == Some(&0.0) {
        t.remove(&Role::Casualties);
        t.entry(Role::Killed).or_insert(0.0);
        t.entry(Role::Wounded).or_insert(0.0);
    }
    t
}

impl Draft {
    fn new(s: SentenceEvent) -> Draft {
        Draft {
            sentences: vec![s.index],
            counts: sentence_totals(&s.facts),
            merged: s,
        }
    }

    fn merge(&mut self, s: SentenceEvent) {
        self.sentences.push(s.index);
        let m = &mut self.merged;
        m.span = Span::new(m.span.start, s.span.end);
        m.index = s.index;
        for (role, v) in sentence_totals(&s.facts) {
            // the classes (at most six values) of the role's facts
            let classes = |facts: &[RoleFact]| -> HashSet<Option<crate::VictimClass>> {
                facts
                    .iter()
                    .filter(|f| f.role == role && !f.subcount)
                    .map(|f| f.class)
                    .collect()
            };
            let mine = classes(&m.facts);
            let new_class = classes(&s.facts)
                .iter()
                .any(|k| k.is_some() && !mine.contains(k));
            let slot = self.counts.entry(role).or_insert(0.0);
            *slot = if new_class && !mine.is_empty() {
                *slot + v
            } else {
                slot.max(v)
            };
        }
        m.facts.extend(s.facts);
        let most_specific = |a: Option<EventType>, b: Option<EventType>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        m.event_type = most_specific(m.event_type, s.event_type);
        m.violent_type = most_specific(m.violent_type, s.violent_type);
        let stronger = |new: &(Actor, &str), old: &(Actor, &str)| {
            (old.1 == "context" && new.1 != "context")
                || (old.0.id.is_none() && new.0.id.is_some())
                || (new.1 == "claim" && old.1 != "claim" && old.1 != "by")
        };
        match (&m.perpetrator, &s.perpetrator) {
            (None, Some(_)) => m.perpetrator = s.perpetrator,
            (Some(old), Some(new)) if stronger(new, old) => m.perpetrator = s.perpetrator,
            _ => {}
        }
        m.target = m.target.take().or(s.target);
        m.place = match (m.place, s.place) {
            (Some(a), Some(b)) if b.0 > a.0 => Some(b),
            (a, b) => a.or(b),
        };
        m.date = m.date.or(s.date);
        m.province = m.province.or(s.province);
        m.claimed |= s.claimed;
        m.source = m.source.take().or(s.source);
    }

    fn finish(self, input: &EventInput<'_>) -> Event {
        let m = self.merged;
        let event_type = typed_by_counts(
            &self.counts,
            m.event_type,
            m.violent_type,
            m.perpetrator.is_some(),
        );
        Event {
            event_type,
            span: m.span,
            sentences: self.sentences,
            date: event_date(input, m.date, m.span.start),
            place: m
                .place
                .and_then(|(_, m)| input.mentions.get(m))
                .map(|mention| {
                    let mut p = event_place(mention);
                    // a village's province: the province the incident's sentences name
                    if p.province.is_none() {
                        p.province = m
                            .province
                            .and_then(|i| input.mentions.get(i))
                            .map(|m| m.name.clone());
                    }
                    p
                }),
            perpetrator: m.perpetrator.map(|(a, _)| a),
            target: m.target,
            counts: self.counts,
            claimed: m.claimed,
            source: m.source,
            facts: m.facts,
        }
    }
}

/// An event's type from what happened to the counted people and the types cued:
/// - people killed or wounded: the most specific violent type cued ("six militants were
///   killed and three arrested during an operation" is an attack, not an arrest), else an
///   attack when someone did it;
/// - people only arrested, abducted, surrendered or freed: that, whatever attack is named
///   ("police arrested three suspects over the bombing" is an arrest);
/// - otherwise the most specific type cued, else from the counts.
fn typed_by_counts(
    counts: &BTreeMap<Role, f64>,
    cued: Option<EventType>,
    violent: Option<EventType>,
    has_perpetrator: bool,
) -> EventType {
    let has = |roles: &[Role]| roles.iter().any(|r| counts.contains_key(r));
    if has(&[Role::Killed, Role::Wounded, Role::Casualties]) {
        match violent {
            Some(t) => t,
            None if has_perpetrator => EventType::Attack,
            None => EventType::Other,
        }
    } else if has(&[
        Role::Arrested,
        Role::Abducted,
        Role::Surrendered,
        Role::Released,
    ]) {
        fallback_type(counts, has_perpetrator)
    } else {
        match cued {
            Some(t) if t != EventType::Other => t,
            _ => fallback_type(counts, has_perpetrator),
        }
    }
}

fn fallback_type(counts: &BTreeMap<Role, f64>, has_perpetrator: bool) -> EventType {
    let has = |r: Role| counts.contains_key(&r);
    if has(Role::Arrested) {
        EventType::Arrest
    } else if has(Role::Abducted) {
        EventType::Abduction
    } else if has(Role::Surrendered) {
        EventType::Surrender
    } else if has_perpetrator && (has(Role::Killed) || has(Role::Wounded)) {
        EventType::Attack
    } else {
        EventType::Other
    }
}

fn event_place(m: &Mention) -> EventPlace {
    let province = m.province.clone().or_else(|| match m.place_level() {
        Some(2) => Some(m.name.clone()),
        Some(3) => m.parent.clone(),
        _ => None,
    });
    EventPlace {
        name: m.name.clone(),
        id: m.id.clone(),
        kind: m.kind.clone(),
        province,
        country: m.country.clone(),
        span: m.span,
    }
}

fn event_date(input: &EventInput<'_>, own: Option<usize>, start: usize) -> Option<EventDate> {
    let record = |d: &Temporal, source| EventDate {
        text: d.text.clone(),
        value: d.value.clone(),
        start: d.interval.map(|i| i.start),
        end: d.interval.map(|i| i.end),
        source,
    };
    if let Some(d) = own.and_then(|i| input.dates.get(i)) {
        return Some(record(d, DateSource::Sentence));
    }
    let before = input.dates.partition_point(|d| d.span.start < start);
    // the nearest earlier date, among the last few only (bounded cost per event)
    if let Some(d) = input.dates[..before]
        .iter()
        .rev()
        .take(16)
        .find(|d| d.kind == TemporalType::Date && d.interval.is_some())
    {
        return Some(record(d, DateSource::Document));
    }
    input.reference_date.map(|r| EventDate {
        text: String::new(),
        value: r.to_string(),
        start: Some(r),
        end: Some(r),
        source: DateSource::Reference,
    })
}

fn assemble(input: &EventInput<'_>, sentences: Vec<SentenceEvent>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut current: Option<Draft> = None;
    for s in sentences.into_iter().filter(eventful) {
        current = match current {
            Some(mut d) if continues(input, &d, &s) => {
                d.merge(s);
                Some(d)
            }
            Some(d) => {
                events.push(d.finish(input));
                Some(Draft::new(s))
            }
            None => Some(Draft::new(s)),
        };
    }
    if let Some(d) = current {
        events.push(d.finish(input));
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Gazetteer-like mentions for the names the generated texts use: an armed group, a
    /// province, a district, a foreign country.
    fn mentions(text: &str, tokens: &[Token]) -> Vec<Mention> {
        tokens
            .iter()
            .filter_map(|t| {
                let m = |id: &str, label: &str, kind: &str| {
                    Mention::new(t.span, id, t.text(text), label).with_kind(kind)
                };
                Some(match t.text(text) {
                    "Taliban" => m("TALIBAN", "ORG", "militant_org"),
                    "ISKP" => m("ISKP", "ORG", "militant_org"),
                    "Ghazni" => m("GEO:AF-GHA", "GPE", "province").with_country("AF"),
                    "Muqur" => m("GEO:AF-MUQ", "GPE", "district")
                        .with_parent("Ghazni")
                        .with_country("AF"),
                    "US" => m("GEO:US", "GPE", "country").with_country("US"),
                    _ => return None,
                })
            })
            .collect()
    }

    fn both(text: &str) -> (Analysis, Analysis) {
        let ex = EventExtractor::new().expect("lexicon");
        let tokens = khabar_tokenize::tokenize(text);
        let sentences = khabar_tokenize::sentences(text);
        let dates = khabar_numdate::DateExtractor::new().extract_tokens(text, &tokens);
        let mut quantities = khabar_numdate::QuantityExtractor::new().extract_tokens(text, &tokens);
        let spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
        khabar_numdate::quantity::remove_overlapping(&mut quantities, &spans);
        let mentions = mentions(text, &tokens);
        let input = EventInput {
            text,
            tokens: &tokens,
            sentences: &sentences,
            quantities: &quantities,
            dates: &dates,
            mentions: &mentions,
            reference_date: None,
        };
        let fast = ex.extract(&input);
        // the word hashes of the shared token classes serve as the extractor's own
        let classes = TokenClasses::new(text, &tokens);
        assert_eq!(ex.extract_classified(&input, &classes), fast, "{text:?}");
        (fast, ex.extract_reference(&input))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn the_fast_path_is_the_reference(
            words in prop::collection::vec(prop::sample::select(vec![
                "4", "five", "a", "the", "no", "not", "none", "were", "was", "killed", "Killed",
                "wounded", "executed", "missing", "held", "remain", "strong", "operation", "in",
                "by", "and", "policemen", "civilians", "militants", "fighters", "members", "of",
                "Taliban", "ISKP", "Ghazni", "Muqur", "US", "-", "trained", "forces", "said",
                "claimed", "responsibility", "casualties", "an", "estimated", "bomber", "him",
                "killing", "suicide", "attack", "blast", "program", "file", "é", ",", ".",
                "On 11 May 2019", "at least", "dozens",
            ]), 0..40)
        ) {
            let text = words.join(" ");
            let (fast, reference) = both(&text);
            prop_assert_eq!(fast, reference);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any text, with words outside ASCII and digits: the classified entry point is the
        /// standalone one (and both are the reference).
        #[test]
        fn the_classified_entry_is_the_standalone_one(
            text in "([A-Za-z]{1,8}|killed|Killed|KILLED|wounded|Taliban|ISKP|Ghazni|4|five|\
                     the|were|no|’s|o’clock|é|Kabul’s|İstanbul|ﬁve|\\PC{1,3}|[ ,.\n-]){0,40}"
        ) {
            let (fast, reference) = both(&text);
            prop_assert_eq!(fast, reference);
        }
    }

    /// The seed articles: events from the classified entry point are the standalone ones.
    #[test]
    fn the_classified_entry_is_the_standalone_one_on_the_seeds() {
        let mut events = 0;
        for (p, text) in crate::seeds::articles() {
            let (fast, reference) = both(&text);
            assert_eq!(fast, reference, "{}", p.display());
            events += fast.events.len();
        }
        assert!(events > 0, "the seeds report events");
    }

    /// Classes of other tokens are not read: the extractor hashes the tokens it is given.
    #[test]
    fn classes_of_other_tokens_are_not_read() {
        let ex = EventExtractor::new().expect("lexicon");
        let text = "Four policemen were killed in a blast.";
        let tokens = khabar_tokenize::tokenize(text);
        let sentences = khabar_tokenize::sentences(text);
        let quantities = khabar_numdate::QuantityExtractor::new().extract_tokens(text, &tokens);
        let input = EventInput {
            text,
            tokens: &tokens,
            sentences: &sentences,
            quantities: &quantities,
            dates: &[],
            mentions: &[],
            reference_date: None,
        };
        let other = TokenClasses::new("killed", &khabar_tokenize::tokenize("killed"));
        let a = ex.extract_classified(&input, &other);
        assert_eq!(a, ex.extract(&input));
        assert_eq!(a.events[0].killed(), Some(4.0));
    }

    #[test]
    fn sentences_yielding_only_a_strength_or_an_attribute_are_read() {
        for text in [
            "There are 250 members of ISKP in the area.",
            "About 4,000 fighters are active there.",
            "The US - trained forces did not move.",
            "4 US forces are in Muqur.",
        ] {
            let (fast, reference) = both(text);
            assert_eq!(fast, reference, "{text}");
        }
        let (fast, _) = both("About 4,000 fighters are active there.");
        assert_eq!(fast.facts.first().map(|f| f.role), Some(Role::Strength));
    }
}
