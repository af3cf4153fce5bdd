//! The [`Document`]: everything the pipeline found in one text, and its one JSON schema.

use crate::error::{Error, Result};
use khabar_numdate::{
    Approx, CivilDate, Dimension, Granularity, Interval, Quantity, QuantityKind, Temporal,
    TemporalMod, TemporalRange, TemporalType, Unit,
};
use khabar_tokenize::{CharOffsets, Sentence, Span, Token, TokenKind};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The name and version of the JSON schema [`Document`] serializes to. It changes whenever a
/// field changes meaning or disappears; new optional fields do not change it.
pub const SCHEMA: &str = "khabar.document/2";

/// Where a document's reference date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceSource {
    /// Given by the caller (per document or for the whole pipeline).
    Given,
    /// Found in the text itself ("Published November 9th, 2021").
    Detected,
    /// None: relative dates keep their unknown parts ("XXXX-12-17").
    #[default]
    None,
}

/// One candidate entry of an entity mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The entry's id.
    pub id: String,
    /// The entry's canonical name.
    pub name: String,
    /// The entry's label.
    pub label: String,
    /// The entry's priority (higher is preferred).
    pub priority: i32,
}

/// A gazetteer match resolved to its canonical entry.
///
/// `id`, `canonical` and `label` are those of the best candidate; `candidates` lists every
/// entry sharing the alias, best first (one element unless the mention is ambiguous).
///
/// The strings that come from the gazetteer (`alias`, `id`, `canonical`, `label`) are
/// shared: every mention of an entry holds the same [`Arc<str>`]s, made on its first
/// mention, so a mention costs no copies of them. Read them as `&str` with the accessors of
/// the same names ([`Entity::id`], …) or `&*e.id`.
///
/// ```
/// use khabar_gazetteer::{Entry, Gazetteer};
/// let gz = Gazetteer::from_entries([Entry::new("AF-KAB", "Kabul", "GPE").with_alias("Kābul")])?;
/// let found = khabar::find_entities(&gz, "Kābul");
/// assert_eq!((found[0].id(), found[0].canonical(), found[0].alias()), ("AF-KAB", "Kabul", "Kābul"));
/// assert_eq!(found[0].label(), "GPE");
/// # Ok::<(), khabar_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Where the mention is (bytes).
    pub span: Span,
    /// The mention as written.
    pub text: String,
    /// The gazetteer alias it matched.
    pub alias: Arc<str>,
    /// The best entry's id.
    pub id: Arc<str>,
    /// The best entry's canonical name.
    pub canonical: Arc<str>,
    /// The best entry's label (ORG, GPE, LOC, NORP, FAC, PERSON, …).
    pub label: Arc<str>,
    /// Every candidate entry, best first. Shared between the mentions of an entry.
    pub candidates: Arc<[Candidate]>,
    /// The best entry's attributes: `country`, `parent`, `parent_name`, `lat`, `lon`,
    /// `wikidata` when known, and the gazetteer's free columns. Shared between the mentions
    /// of an entry.
    pub attrs: Arc<BTreeMap<String, serde_json::Value>>,
}

impl Entity {
    /// Whether several entries share the matched alias.
    pub fn is_ambiguous(&self) -> bool {
        self.candidates.len() > 1
    }

    /// The gazetteer alias it matched.
    pub fn alias(&self) -> &str {
        &self.alias
    }

    /// The best entry's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The best entry's canonical name.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The best entry's label (ORG, GPE, LOC, NORP, FAC, PERSON, …).
    pub fn label(&self) -> &str {
        &self.label
    }
}

/// Everything the pipeline found in one text. Spans are byte ranges into [`Document::text`].
///
/// A document serializes (serde) to the JSON schema [`SCHEMA`], the same one the command
/// line writes as JSON Lines and Python's `Document.to_dict()` returns. In JSON every span
/// appears twice: `start`/`end` count Unicode code points (Python `str` indices) and
/// `byte_start`/`byte_end` count UTF-8 bytes (Rust `&str` indices). See the crate docs for
/// the full schema.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// An identifier given by the caller (a path, a URL, a row number), if any.
    pub id: Option<String>,
    /// The text.
    pub text: String,
    /// The reference date relative dates were resolved against.
    pub reference_date: Option<CivilDate>,
    /// Where the reference date came from.
    pub reference_source: ReferenceSource,
    /// Word tokens.
    pub tokens: Vec<Token>,
    /// Sentences.
    pub sentences: Vec<Sentence>,
    /// Gazetteer entities, in text order, non-overlapping.
    pub entities: Vec<Entity>,
    /// Quantities, in text order; none overlaps a date.
    pub quantities: Vec<Quantity>,
    /// Temporal expressions, in text order.
    pub dates: Vec<Temporal>,
    /// Role facts (killed, wounded, arrested, strength…), in text order.
    pub roles: Vec<khabar_events::RoleFact>,
    /// Events, in text order.
    pub events: Vec<khabar_events::Event>,
    /// Indices into `entities` of places that are attributes, not locations
    /// ("US-trained forces").
    pub attribute_entities: Vec<usize>,
}

impl Document {
    /// Serializes with the given options (see [`JsonOptions`]).
    pub fn to_json_with(&self, options: JsonOptions) -> serde_json::Result<String> {
        serde_json::to_string(&WireView { doc: self, options })
    }

    /// Serializes the whole document (text and tokens included) as one line of JSON.
    pub fn to_json(&self) -> serde_json::Result<String> {
        self.to_json_with(JsonOptions::default())
    }

    /// Reads a document back from its JSON (schema [`SCHEMA`], with its text).
    pub fn from_json(json: &str) -> Result<Document> {
        let wire: WireDocument = serde_json::from_str(json)?;
        wire.into_document()
    }

    /// The index of the sentence containing byte `pos`, if any.
    pub fn sentence_index_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        self.sentences
            .get(i)
            .filter(|s| s.span.start <= pos)
            .map(|_| i)
    }
}

/// What [`Document::to_json_with`] includes besides the extracted facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonOptions {
    /// Include the text (needed to read the document back).
    pub text: bool,
    /// Include every token (large: about ten times the facts).
    pub tokens: bool,
}

impl Default for JsonOptions {
    fn default() -> Self {
        JsonOptions {
            text: true,
            tokens: true,
        }
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        WireView {
            doc: self,
            options: JsonOptions::default(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let wire = WireDocument::deserialize(deserializer)?;
        wire.into_document().map_err(D::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------
// The records of the schema. Written field by field so that the JSON is flat and documented
// rather than whatever the library types happen to derive; public so that bindings build
// their result objects from exactly what the schema says.

/// A span in both units of the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offsets {
    /// Start, in Unicode code points (a Python `str` index).
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Start, in UTF-8 bytes.
    pub byte_start: usize,
    /// End (exclusive), in UTF-8 bytes.
    pub byte_end: usize,
}

impl Offsets {
    /// Both units of a byte span of the text `conv` was made for.
    pub fn new(conv: &CharOffsets<'_>, span: Span) -> Offsets {
        let (start, end) = conv.char_span(span).unwrap_or((0, 0));
        Offsets {
            start,
            end,
            byte_start: span.start,
            byte_end: span.end,
        }
    }

    /// The byte span, checked against `text`.
    pub fn bytes(&self, text: &str) -> Result<Span> {
        let span = Span {
            start: self.byte_start,
            end: self.byte_end,
        };
        if span.start > span.end || span.slice(text).is_none() {
            return Err(Error::Invalid(format!(
                "span {}..{} is not on character boundaries of the text ({} bytes)",
                span.start,
                span.end,
                text.len()
            )));
        }
        Ok(span)
    }
}

/// A token in the schema.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRecord {
    /// Where.
    #[serde(flatten)]
    pub span: Offsets,
    /// What kind.
    pub kind: TokenKind,
}

/// An entity in the schema (see [`Entity`] for the fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct EntityRecord {
    #[serde(flatten)]
    pub span: Offsets,
    pub text: String,
    pub label: Arc<str>,
    pub id: Arc<str>,
    pub canonical: Arc<str>,
    pub alias: Arc<str>,
    pub candidates: Arc<[Candidate]>,
    pub attrs: Arc<BTreeMap<String, serde_json::Value>>,
}

impl EntityRecord {
    /// The record of `e`, a result for the text `conv` was made for.
    pub fn new(conv: &CharOffsets<'_>, e: &Entity) -> EntityRecord {
        EntityRecord::from_entity(conv, e.clone())
    }

    /// Like [`EntityRecord::new`], taking the entity (no copies).
    pub fn from_entity(conv: &CharOffsets<'_>, e: Entity) -> EntityRecord {
        EntityRecord::with_offsets(Offsets::new(conv, e.span), e)
    }

    /// The record of `e` with its span already converted (`span` must be `e.span`'s).
    pub fn with_offsets(span: Offsets, e: Entity) -> EntityRecord {
        EntityRecord {
            span,
            text: e.text,
            label: e.label,
            id: e.id,
            canonical: e.canonical,
            alias: e.alias,
            candidates: e.candidates,
            attrs: e.attrs,
        }
    }
}

/// The counted noun of a quantity in the schema.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct UnitRecord {
    #[serde(flatten)]
    pub span: Offsets,
    pub text: String,
}

/// A quantity in the schema (see [`Quantity`] for the fields).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct QuantityRecord {
    #[serde(flatten)]
    pub span: Offsets,
    pub text: String,
    pub kind: QuantityKind,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approx: Approx,
    pub vague: bool,
    pub unit: Option<UnitRecord>,
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<Dimension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_unit: Option<String>,
}

impl QuantityRecord {
    /// The record of `q`, a result for the text `conv` was made for.
    pub fn new(conv: &CharOffsets<'_>, q: &Quantity) -> QuantityRecord {
        QuantityRecord {
            span: Offsets::new(conv, q.span),
            text: q.text.clone(),
            kind: q.kind,
            low: q.low,
            high: q.high,
            approx: q.approx,
            vague: q.vague,
            unit: q.unit.as_ref().map(|u| UnitRecord {
                span: Offsets::new(conv, u.span),
                text: u.text.clone(),
            }),
            currency: q.currency.clone(),
            dimension: q.dimension,
            si_value: q.si_value,
            si_unit: q.si_unit.clone(),
        }
    }
}

/// A temporal expression in the schema (see [`Temporal`] for the fields); the resolved
/// interval is flattened into `start_date`, `end_date` and `granularity`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct TemporalRecord {
    #[serde(flatten)]
    pub span: Offsets,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TemporalType,
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<TemporalMod>,
    pub start_date: Option<CivilDate>,
    pub end_date: Option<CivilDate>,
    pub granularity: Option<Granularity>,
    pub range: Option<TemporalRange>,
    /// The calendar the text wrote the date in ([`Temporal::calendar`]); absent when
    /// Gregorian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}

impl TemporalRecord {
    /// The record of `t`, a result for the text `conv` was made for.
    pub fn new(conv: &CharOffsets<'_>, t: &Temporal) -> TemporalRecord {
        TemporalRecord {
            span: Offsets::new(conv, t.span),
            text: t.text.clone(),
            kind: t.kind,
            value: t.value.clone(),
            modifier: t.modifier,
            start_date: t.interval.map(|i| i.start),
            end_date: t.interval.map(|i| i.end),
            granularity: t.interval.map(|i| i.granularity),
            range: t.range.clone(),
            calendar: t.calendar.clone(),
        }
    }
}

#[derive(Deserialize)]
struct WireDocument {
    schema: String,
    id: Option<String>,
    text: Option<String>,
    reference_date: Option<CivilDate>,
    #[serde(default)]
    reference_source: ReferenceSource,
    #[serde(default)]
    tokens: Option<Vec<TokenRecord>>,
    sentences: Vec<Offsets>,
    entities: Vec<EntityRecord>,
    quantities: Vec<QuantityRecord>,
    dates: Vec<TemporalRecord>,
    #[serde(default)]
    roles: Vec<crate::events::RoleRecord>,
    #[serde(default)]
    events: Vec<crate::events::EventRecord>,
    #[serde(default)]
    attribute_entities: Vec<usize>,
}

struct WireView<'a> {
    doc: &'a Document,
    options: JsonOptions,
}

impl Serialize for WireView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let doc = self.doc;
        let conv = CharOffsets::new(&doc.text);
        let span = |s: Span| Offsets::new(&conv, s);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("schema", SCHEMA)?;
        map.serialize_entry("id", &doc.id)?;
        map.serialize_entry("reference_date", &doc.reference_date)?;
        map.serialize_entry("reference_source", &doc.reference_source)?;
        if self.options.text {
            map.serialize_entry("text", &doc.text)?;
        }
        if self.options.tokens {
            let tokens: Vec<TokenRecord> = doc
                .tokens
                .iter()
                .map(|t| TokenRecord {
                    span: span(t.span),
                    kind: t.kind,
                })
                .collect();
            map.serialize_entry("tokens", &tokens)?;
        }
        let sentences: Vec<Offsets> = doc.sentences.iter().map(|s| span(s.span)).collect();
        map.serialize_entry("sentences", &sentences)?;
        let entities: Vec<EntityRecord> = doc
            .entities
            .iter()
            .map(|e| EntityRecord::new(&conv, e))
            .collect();
        map.serialize_entry("entities", &entities)?;
        let quantities: Vec<QuantityRecord> = doc
            .quantities
            .iter()
            .map(|q| QuantityRecord::new(&conv, q))
            .collect();
        map.serialize_entry("quantities", &quantities)?;
        let dates: Vec<TemporalRecord> = doc
            .dates
            .iter()
            .map(|t| TemporalRecord::new(&conv, t))
            .collect();
        map.serialize_entry("dates", &dates)?;
        let roles: Vec<crate::events::RoleRecord> = doc
            .roles
            .iter()
            .map(|f| crate::events::RoleRecord::new(&conv, f))
            .collect();
        map.serialize_entry("roles", &roles)?;
        let events: Vec<crate::events::EventRecord> = doc
            .events
            .iter()
            .map(|e| crate::events::EventRecord::new(&conv, e))
            .collect();
        map.serialize_entry("events", &events)?;
        map.serialize_entry("attribute_entities", &doc.attribute_entities)?;
        map.end()
    }
}

impl WireDocument {
    fn into_document(self) -> Result<Document> {
        if self.schema != SCHEMA {
            return Err(Error::Schema {
                found: self.schema,
                expected: SCHEMA,
            });
        }
        let text = self.text.ok_or_else(|| {
            Error::Invalid("the document has no \"text\": it was written without it".into())
        })?;
        let t = text.as_str();
        let tokens = match self.tokens {
            Some(ts) => ts
                .into_iter()
                .map(|w| {
                    Ok(Token {
                        span: w.span.bytes(t)?,
                        kind: w.kind,
                    })
                })
                .collect::<Result<Vec<_>>>()?,
            None => khabar_tokenize::tokenize(t),
        };
        let sentences = self
            .sentences
            .into_iter()
            .map(|w| Ok(Sentence { span: w.bytes(t)? }))
            .collect::<Result<Vec<_>>>()?;
        let entities = self
            .entities
            .into_iter()
            .map(|w| {
                Ok(Entity {
                    span: w.span.bytes(t)?,
                    text: w.text,
                    alias: w.alias,
                    id: w.id,
                    canonical: w.canonical,
                    label: w.label,
                    candidates: w.candidates,
                    attrs: w.attrs,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let quantities = self
            .quantities
            .into_iter()
            .map(|w| {
                let unit = match w.unit {
                    Some(u) => Some(Unit {
                        span: u.span.bytes(t)?,
                        text: u.text,
                    }),
                    None => None,
                };
                Ok(Quantity {
                    span: w.span.bytes(t)?,
                    text: w.text,
                    kind: w.kind,
                    low: w.low,
                    high: w.high,
                    approx: w.approx,
                    vague: w.vague,
                    unit,
                    currency: w.currency,
                    dimension: w.dimension,
                    si_value: w.si_value,
                    si_unit: w.si_unit,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let dates = self
            .dates
            .into_iter()
            .map(|w| {
                let interval = match (w.start_date, w.end_date, w.granularity) {
                    (Some(start), Some(end), Some(granularity)) => Some(Interval {
                        start,
                        end,
                        granularity,
                    }),
                    _ => None,
                };
                Ok(Temporal {
                    span: w.span.bytes(t)?,
                    text: w.text,
                    kind: w.kind,
                    value: w.value,
                    modifier: w.modifier,
                    interval,
                    range: w.range,
                    calendar: w.calendar,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        crate::events::check_indices(&self.attribute_entities, entities.len())?;
        let roles = crate::events::facts_from(self.roles, t)?;
        let events = self
            .events
            .into_iter()
            .map(|e| e.into_event(t))
            .collect::<Result<Vec<_>>>()?;
        Ok(Document {
            id: self.id,
            text,
            reference_date: self.reference_date,
            reference_source: self.reference_source,
            tokens,
            sentences,
            entities,
            quantities,
            dates,
            roles,
            events,
            attribute_entities: self.attribute_entities,
        })
    }
}
