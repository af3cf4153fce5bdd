//! khabar's pipeline: tokens, sentences, gazetteer entities, quantities and dates from news
//! text in one pass, returned as one [`Document`].
//!
//! ```
//! use khabar::{Pipeline, ReferenceDate};
//! let nlp = Pipeline::builder().reference_date(ReferenceDate::parse("2019-08-01")?).build()?;
//! let doc = nlp.process(
//!     "There are an estimated 4,000-6,000 IS-K fighters in Nangarhar, a UN report said in July.",
//! );
//! let q = &doc.quantities[0];
//! assert_eq!((q.low, q.high), (Some(4000.0), Some(6000.0)));
//! let names: Vec<&str> = doc.entities.iter().map(|e| e.canonical()).collect();
//! assert!(names.contains(&"Islamic State Khorasan Province"));
//! assert_eq!(doc.dates[0].value, "2019-07");
//! # Ok::<(), khabar::Error>(())
//! ```
//!
//! The crates it joins stand alone: [`khabar_tokenize`] (tokens, sentences, folding),
//! [`khabar_gazetteer`] (entity matching) and [`khabar_numdate`] (quantities and dates).
//!
//! # The document schema
//!
//! A [`Document`] serializes to JSON (`serde`) under the schema named by [`SCHEMA`]
//! (`"khabar.document/2"`). The same schema is written by `khabar extract --format jsonl`
//! and returned by Python's `Document.to_dict()`. Every span appears as `start`/`end`
//! (Unicode code points, i.e. Python `str` indices) and `byte_start`/`byte_end` (UTF-8 bytes).
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `schema` | string | `"khabar.document/2"` (version 1 had no `roles`, `events`, `attribute_entities`) |
//! | `id` | string or null | the caller's identifier (e.g. a path) |
//! | `reference_date` | `"YYYY-MM-DD"` or null | what relative dates were resolved against |
//! | `reference_source` | `"given"`, `"detected"`, `"none"` | where it came from |
//! | `text` | string | the text (omitted when asked) |
//! | `tokens` | `[{span, kind}]` | word tokens (omitted when asked) |
//! | `sentences` | `[{span}]` | sentences |
//! | `entities` | `[{span, text, label, id, canonical, alias, candidates: [{id, name, label, priority}], attrs}]` | gazetteer matches; `attrs` holds `country`, `parent`, `parent_name`, `lat`, `lon`, `wikidata` and free columns |
//! | `quantities` | `[{span, text, kind, low, high, approx, vague, unit: {span, text} or null, currency}]` | `kind`: cardinal, ordinal, percent, fraction, money; `approx`: none, about, nearly, exactly, more_than, at_least, less_than, at_most, up_to, as_low_as, as_many_as |
//! | `dates` | `[{span, text, type, value, mod, start_date, end_date, granularity, range}]` | TIMEX3 `type` and `value`; `start_date`/`end_date` inclusive when the value is a calendar value |
//!
//! | `roles` | `[{span, text, role, count, low, high, approx, vague, subcount, negated, class, group, destination, noun, cue, quantity, sentence}]` | role facts: `role` one of killed, wounded, casualties, missing, abducted, arrested, released, surrendered, joined, displaced, strength, attacks, other; `count` 0 for an explicit zero ("no casualties"), null for a role asserted without a number; `class` civilians, security_forces, militants, foreigners, unknown; `group`/`destination` actors `{span, name, id, class, via}`; `quantity` the index of the quantity counted, if any |
//! | `events` | `[{span, type, sentences, date: {text, value, start, end, source}, place: {span, name, id, kind, province, country}, perpetrator, target, counts: {role: total}, claimed, source, facts: [role fact]}]` | one record per reported incident; `type` one of suicide_attack, airstrike, ambush, execution, shelling, bombing, armed_clash, abduction, arrest, surrender, attack, other; `date.source` sentence, document (an earlier date of the text) or reference (the reference date, a flagged fallback); `counts` sums the non-sub-count facts by role |
//! | `attribute_entities` | `[int]` | indices into `entities` of places that are attributes, not locations ("US-trained forces") |
//!
//! Version 2 (`khabar.document/2`) added `roles`, `events` and `attribute_entities`;
//! documents of version 1 are not read back.
//!
//! Overlaps between extractors are resolved in one place, the pipeline: a quantity that
//! overlaps a date is dropped (dates win). Entities are independent of both.

mod document;
mod error;
mod events;
mod facts;
mod html;
mod people;
mod pipeline;
mod places;

pub use document::{
    Candidate, Document, Entity, EntityRecord, JsonOptions, Offsets, QuantityRecord,
    ReferenceSource, SCHEMA, TemporalRecord, TokenRecord, UnitRecord,
};
pub use error::{Error, Result};
pub use events::{ActorRecord, EventRecord, PlaceRecord, RoleRecord};
pub use facts::Fact;
pub use html::HtmlOptions;
pub use khabar_events as event;
pub use khabar_events::{Event, EventType, Role, RoleFact, VictimClass};
pub use pipeline::{EntityMatcher, Input, Pipeline, PipelineBuilder, ReferenceDate, find_entities};

pub use khabar_gazetteer as gazetteer;
pub use khabar_numdate as numdate;
pub use khabar_numdate::{CivilDate, DayOrder, Direction, Quantity, Temporal};
pub use khabar_tokenize as tokenize;
pub use khabar_tokenize::{Sentence, Span, Token};
