//! The event layer in the pipeline: entities become [`Mention`]s for
//! [`khabar_events::EventExtractor`], and roles and events get their records in the
//! document schema.

use crate::document::{Entity, Offsets};
use crate::error::{Error, Result};
use khabar_events::{
    Actor, Event, EventDate, EventPlace, EventType, Mention, Role, RoleFact, VictimClass,
};
use khabar_tokenize::CharOffsets;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The mention the event layer reads for an entity.
pub(crate) fn mention(e: &Entity) -> Mention {
    let s = |k: &str| e.attrs.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    let mut m = Mention {
        span: e.span,
        id: e.id().to_owned(),
        name: e.canonical().to_owned(),
        label: e.label().to_owned(),
        kind: s("type"),
        country: s("country"),
        parent: s("parent_name"),
        province: None,
    };
    m.province = match m.place_level() {
        Some(2) => Some(m.name.clone()),
        Some(3) => m.parent.clone(),
        _ => None,
    };
    m
}

/// An actor in the schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ActorRecord {
    #[serde(flatten)]
    pub span: Offsets,
    pub name: String,
    pub id: Option<String>,
    pub class: Option<VictimClass>,
    pub via: String,
}

impl ActorRecord {
    fn new(conv: &CharOffsets<'_>, a: &Actor) -> ActorRecord {
        ActorRecord {
            span: Offsets::new(conv, a.span),
            name: a.name.clone(),
            id: a.id.clone(),
            class: a.class,
            via: a.via.clone(),
        }
    }

    fn into_actor(self, text: &str) -> Result<Actor> {
        Ok(Actor {
            span: self.span.bytes(text)?,
            name: self.name,
            id: self.id,
            class: self.class,
            via: self.via,
        })
    }
}

/// A role fact in the schema (see [`RoleFact`] for the fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct RoleRecord {
    #[serde(flatten)]
    pub span: Offsets,
    pub text: String,
    pub role: Role,
    pub count: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: String,
    pub vague: bool,
    pub subcount: bool,
    pub negated: bool,
    pub class: Option<VictimClass>,
    pub group: Option<ActorRecord>,
    pub destination: Option<ActorRecord>,
    pub noun: Option<String>,
    pub cue: Option<String>,
    pub quantity: Option<usize>,
    pub sentence: usize,
}

impl RoleRecord {
    /// The record of `f`, a result for the text `conv` was made for.
    pub fn new(conv: &CharOffsets<'_>, f: &RoleFact) -> RoleRecord {
        RoleRecord {
            span: Offsets::new(conv, f.span),
            text: f.text.clone(),
            role: f.role,
            count: f.count,
            low: f.low,
            high: f.high,
            approx: f.approx.clone(),
            vague: f.vague,
            subcount: f.subcount,
            negated: f.negated,
            class: f.class,
            group: f.group.as_ref().map(|a| ActorRecord::new(conv, a)),
            destination: f.destination.as_ref().map(|a| ActorRecord::new(conv, a)),
            noun: f.noun.clone(),
            cue: f.cue.clone(),
            quantity: f.quantity,
            sentence: f.sentence,
        }
    }

    fn into_fact(self, text: &str) -> Result<RoleFact> {
        Ok(RoleFact {
            span: self.span.bytes(text)?,
            text: self.text,
            role: self.role,
            count: self.count,
            low: self.low,
            high: self.high,
            approx: self.approx,
            vague: self.vague,
            subcount: self.subcount,
            negated: self.negated,
            class: self.class,
            group: self.group.map(|a| a.into_actor(text)).transpose()?,
            destination: self.destination.map(|a| a.into_actor(text)).transpose()?,
            noun: self.noun,
            cue: self.cue,
            quantity: self.quantity,
            sentence: self.sentence,
        })
    }
}

/// An event's place in the schema.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct PlaceRecord {
    #[serde(flatten)]
    pub span: Offsets,
    pub name: String,
    pub id: String,
    pub kind: Option<String>,
    pub province: Option<String>,
    pub country: Option<String>,
}

/// An event in the schema (see [`Event`] for the fields); `facts` are its role facts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct EventRecord {
    #[serde(flatten)]
    pub span: Offsets,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub sentences: Vec<usize>,
    pub date: Option<EventDate>,
    pub place: Option<PlaceRecord>,
    pub perpetrator: Option<ActorRecord>,
    pub target: Option<ActorRecord>,
    pub counts: BTreeMap<Role, f64>,
    pub claimed: bool,
    pub source: Option<String>,
    pub facts: Vec<RoleRecord>,
}

impl EventRecord {
    /// The record of `e`, a result for the text `conv` was made for.
    pub fn new(conv: &CharOffsets<'_>, e: &Event) -> EventRecord {
        EventRecord {
            span: Offsets::new(conv, e.span),
            event_type: e.event_type,
            sentences: e.sentences.clone(),
            date: e.date.clone(),
            place: e.place.as_ref().map(|p| PlaceRecord {
                span: Offsets::new(conv, p.span),
                name: p.name.clone(),
                id: p.id.clone(),
                kind: p.kind.clone(),
                province: p.province.clone(),
                country: p.country.clone(),
            }),
            perpetrator: e.perpetrator.as_ref().map(|a| ActorRecord::new(conv, a)),
            target: e.target.as_ref().map(|a| ActorRecord::new(conv, a)),
            counts: e.counts.clone(),
            claimed: e.claimed,
            source: e.source.clone(),
            facts: e.facts.iter().map(|f| RoleRecord::new(conv, f)).collect(),
        }
    }

    /// The event back from its record, checked against `text`.
    pub fn into_event(self, text: &str) -> Result<Event> {
        let place = match self.place {
            Some(p) => Some(EventPlace {
                span: p.span.bytes(text)?,
                name: p.name,
                id: p.id,
                kind: p.kind,
                province: p.province,
                country: p.country,
            }),
            None => None,
        };
        Ok(Event {
            event_type: self.event_type,
            span: self.span.bytes(text)?,
            sentences: self.sentences,
            date: self.date,
            place,
            perpetrator: self.perpetrator.map(|a| a.into_actor(text)).transpose()?,
            target: self.target.map(|a| a.into_actor(text)).transpose()?,
            counts: self.counts,
            claimed: self.claimed,
            source: self.source,
            facts: self
                .facts
                .into_iter()
                .map(|f| f.into_fact(text))
                .collect::<Result<Vec<_>>>()?,
        })
    }
}

/// Role facts back from their records.
pub(crate) fn facts_from(records: Vec<RoleRecord>, text: &str) -> Result<Vec<RoleFact>> {
    records.into_iter().map(|f| f.into_fact(text)).collect()
}

/// Checks that an index list refers to entities of the document.
pub(crate) fn check_indices(indices: &[usize], len: usize) -> Result<()> {
    match indices.iter().find(|&&i| i >= len) {
        Some(i) => Err(Error::Invalid(format!(
            "attribute entity {i} is out of range ({len} entities)"
        ))),
        None => Ok(()),
    }
}

/// The default extractor, with `KHABAR_EVENT_CUES` (a path to an extra cue file) applied.
pub(crate) fn extractor() -> Result<khabar_events::EventExtractor> {
    let ex = khabar_events::EventExtractor::new().map_err(|e| Error::Invalid(e.to_string()))?;
    match std::env::var_os("KHABAR_EVENT_CUES") {
        Some(path) => ex
            .with_lexicon_file(std::path::Path::new(&path))
            .map_err(|e| Error::Invalid(e.to_string())),
        None => Ok(ex),
    }
}

/// Runs the event layer over a document the pipeline has filled, whose tokens `classes`
/// classified (the cues are found on their word hashes; classes of no tokens when the
/// number and date stages are off, and then the tokens are hashed here).
pub(crate) fn run(
    ex: &khabar_events::EventExtractor,
    doc: &mut crate::Document,
    classes: &khabar_numdate::TokenClasses,
) {
    let mentions: Vec<Mention> = doc.entities.iter().map(mention).collect();
    let input = khabar_events::EventInput {
        text: &doc.text,
        tokens: &doc.tokens,
        sentences: &doc.sentences,
        quantities: &doc.quantities,
        dates: &doc.dates,
        mentions: &mentions,
        reference_date: doc.reference_date,
    };
    // the word hashes of the shared token classes, where the pipeline classified the
    // tokens (the extractor hashes them itself otherwise)
    let analysis = ex.extract_classified(&input, classes);
    doc.roles = analysis.facts;
    doc.events = analysis.events;
    doc.attribute_entities = analysis.attribute_mentions;
}
