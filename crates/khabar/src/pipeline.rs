//! The [`Pipeline`]: configured once, run over one text or a batch.

use crate::document::{Candidate, Document, Entity, ReferenceSource};
use crate::error::{Error, Result};
use khabar_gazetteer::{EntryRef, Gazetteer, GazetteerBuilder, Match};
use khabar_numdate::quantity::remove_overlapping;
use khabar_numdate::{
    CivilDate, DateExtractor, DayOrder, Direction, NonQuantitySpans, QuantityExtractor, Temporal,
    TokenClasses,
};
use khabar_tokenize::{Span, Token, Tokenizer, sentences};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// How a document's reference date is chosen when the caller gives none for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReferenceDate {
    /// No reference date: relative dates keep their unknown parts ("XXXX-12-17").
    #[default]
    None,
    /// The same date for every document.
    Fixed(CivilDate),
    /// Look for it in the text itself ("Published November 9th, 2021"); none if not found.
    Auto,
}

impl ReferenceDate {
    /// Parses `"auto"`, `"none"` or a `YYYY-MM-DD` date.
    ///
    /// ```
    /// use khabar::ReferenceDate;
    /// assert_eq!("auto".parse::<ReferenceDate>().unwrap(), ReferenceDate::Auto);
    /// assert!("2018-01-26".parse::<ReferenceDate>().is_ok());
    /// let err = "26 Jan".parse::<ReferenceDate>().unwrap_err();
    /// assert!(err.to_string().contains("26 Jan"));
    /// ```
    pub fn parse(s: &str) -> Result<ReferenceDate> {
        match s.trim() {
            "auto" => Ok(ReferenceDate::Auto),
            "none" | "" => Ok(ReferenceDate::None),
            d => Ok(ReferenceDate::Fixed(d.parse::<CivilDate>()?)),
        }
    }
}

impl std::str::FromStr for ReferenceDate {
    type Err = Error;
    fn from_str(s: &str) -> Result<ReferenceDate> {
        ReferenceDate::parse(s)
    }
}

/// One text to process, with what is known about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input<'a> {
    /// An identifier carried into the [`Document`] (a path, a URL, a row number).
    pub id: Option<String>,
    /// The text.
    pub text: &'a str,
    /// Its reference date; when `None` the pipeline's [`ReferenceDate`] policy decides.
    pub reference_date: Option<CivilDate>,
}

impl<'a> Input<'a> {
    /// A text without id or reference date.
    pub fn new(text: &'a str) -> Input<'a> {
        Input {
            id: None,
            text,
            reference_date: None,
        }
    }
}

/// The gazetteer a pipeline matches with: the shared default one, or one it owns.
#[derive(Clone, Debug)]
enum GazetteerHandle {
    Static(&'static Gazetteer),
    Owned(Arc<Gazetteer>),
}

impl GazetteerHandle {
    fn get(&self) -> &Gazetteer {
        match self {
            GazetteerHandle::Static(g) => g,
            GazetteerHandle::Owned(g) => g,
        }
    }
}

/// Configures a [`Pipeline`].
///
/// ```
/// use khabar::{Pipeline, ReferenceDate};
/// use khabar_gazetteer::{Entry, Gazetteer};
/// let mine = Gazetteer::from_entries([Entry::new("X:SHURA", "Nangarhar Shura", "ORG")])?;
/// let nlp = Pipeline::builder()
///     .default_gazetteer(true)
///     .gazetteer(mine)
///     .reference_date(ReferenceDate::parse("2018-01-26")?)
///     .build()?;
/// // The longest match wins: "Nangarhar Shura" rather than the province "Nangarhar".
/// let doc = nlp.process("The Nangarhar Shura met IS-K envoys last week.");
/// let ids: Vec<&str> = doc.entities.iter().map(|e| e.id()).collect();
/// assert_eq!(ids, ["X:SHURA", "ISKP"]);
/// assert_eq!(doc.dates[0].text, "last week");
/// # Ok::<(), khabar::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    default_gazetteer: bool,
    gazetteers: Vec<Gazetteer>,
    entities: bool,
    quantities: bool,
    dates: bool,
    reference: ReferenceDate,
    day_order: DayOrder,
    direction: Direction,
    events: bool,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            default_gazetteer: cfg!(feature = "default-gazetteer"),
            gazetteers: Vec::new(),
            entities: true,
            quantities: true,
            dates: true,
            reference: ReferenceDate::None,
            day_order: DayOrder::DayFirst,
            direction: Direction::Past,
            events: true,
        }
    }
}

impl PipelineBuilder {
    /// Whether to match with the embedded default gazetteer (on by default when the
    /// `default-gazetteer` feature is enabled).
    pub fn default_gazetteer(mut self, yes: bool) -> Self {
        self.default_gazetteer = yes;
        self
    }

    /// Adds a gazetteer; several are merged (with the default one when that is on). Where
    /// an alias is shared at equal priority, entries of gazetteers added here are preferred
    /// over the default gazetteer's, and earlier ones over later ones.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Turns entity matching on or off.
    pub fn entities(mut self, yes: bool) -> Self {
        self.entities = yes;
        self
    }

    /// Turns quantity extraction on or off.
    pub fn quantities(mut self, yes: bool) -> Self {
        self.quantities = yes;
        self
    }

    /// Turns date extraction on or off.
    pub fn dates(mut self, yes: bool) -> Self {
        self.dates = yes;
        self
    }

    /// Turns the event layer (roles, actors, events) on or off.
    pub fn events(mut self, yes: bool) -> Self {
        self.events = yes;
        self
    }

    /// How reference dates are chosen for documents that come without one.
    pub fn reference_date(mut self, policy: ReferenceDate) -> Self {
        self.reference = policy;
        self
    }

    /// How ambiguous all-digit dates ("3/4/2018") are read (default: day first).
    pub fn day_order(mut self, order: DayOrder) -> Self {
        self.day_order = order;
        self
    }

    /// Which way dates with unknown parts resolve (default: the past, as news does).
    pub fn direction(mut self, direction: Direction) -> Self {
        self.direction = direction;
        self
    }

    /// Builds the pipeline. The default gazetteer is compiled once per process and shared.
    pub fn build(self) -> Result<Pipeline> {
        let gazetteer = if !self.entities {
            None
        } else {
            match (self.default_gazetteer, self.gazetteers.len()) {
                (false, 0) => None,
                (true, 0) => Some(EntityMatcher::with_static(default_gazetteer()?)),
                (false, 1) => self
                    .gazetteers
                    .into_iter()
                    .next()
                    .map(|g| EntityMatcher::new(Arc::new(g))),
                (with_default, _) => {
                    // The caller's gazetteers go first: where an alias is shared with equal
                    // priority, the first-added entry is preferred, so theirs win over the
                    // default gazetteer's.
                    let mut b = GazetteerBuilder::new();
                    for g in &self.gazetteers {
                        b.add_gazetteer(g)?;
                    }
                    if with_default {
                        let d = default_gazetteer()?;
                        b.strip_diacritics(d.strips_diacritics())
                            .romanise(d.romanises());
                        b.add_gazetteer(d)?;
                    }
                    Some(EntityMatcher::new(Arc::new(b.build()?)))
                }
            }
        };
        Ok(Pipeline {
            tokenizer: Tokenizer::new(),
            entities: gazetteer,
            quantities: self.quantities.then(QuantityExtractor::new),
            dates: self.dates.then(|| {
                DateExtractor::new()
                    .with_day_order(self.day_order)
                    .with_direction(self.direction)
            }),
            reference: self.reference,
            detect_in_scan: self.day_order == DayOrder::DayFirst,
            events: if self.events {
                Some(Arc::new(crate::events::extractor()?))
            } else {
                None
            },
        })
    }
}

#[cfg(feature = "default-gazetteer")]
fn default_gazetteer() -> Result<&'static Gazetteer> {
    Gazetteer::default_gazetteer().map_err(|e| Error::Invalid(format!("default gazetteer: {e}")))
}

#[cfg(not(feature = "default-gazetteer"))]
fn default_gazetteer() -> Result<&'static Gazetteer> {
    Err(Error::NoDefaultGazetteer)
}

/// Tokenizer, gazetteer, quantity and date extractors, configured once and run over one
/// text or a batch. `Send + Sync` and cheap to clone (the gazetteer is shared).
///
/// ```
/// use khabar::Pipeline;
/// let nlp = Pipeline::new()?;
/// let doc = nlp.process("More than 170 people were killed in Kabul.");
/// assert_eq!(doc.entities[0].canonical(), "Kabul");
/// let q = &doc.quantities[0];
/// assert_eq!((q.text.as_str(), q.low), ("More than 170", Some(170.0)));
/// assert_eq!(q.unit.as_ref().map(|u| u.text.as_str()), Some("people"));
/// # Ok::<(), khabar::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    entities: Option<EntityMatcher>,
    quantities: Option<QuantityExtractor>,
    dates: Option<DateExtractor>,
    reference: ReferenceDate,
    /// Whether the date scan can detect the `auto` reference date itself (its digit dates
    /// are read day first, as detection reads them).
    detect_in_scan: bool,
    events: Option<Arc<khabar_events::EventExtractor>>,
}

impl Pipeline {
    /// The default pipeline: every extractor, the default gazetteer, no reference date.
    pub fn new() -> Result<Pipeline> {
        PipelineBuilder::default().build()
    }

    /// Starts configuring a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The gazetteer entities are matched with, if entity matching is on.
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.entities.as_ref().map(EntityMatcher::gazetteer)
    }

    /// The reference-date policy.
    pub fn reference_policy(&self) -> ReferenceDate {
        self.reference
    }

    /// Processes one text under the pipeline's reference-date policy.
    pub fn process(&self, text: &str) -> Document {
        self.process_input(Input::new(text))
    }

    /// Processes one text with its id and reference date.
    pub fn process_input(&self, input: Input<'_>) -> Document {
        let text = input.text;
        let tokens = self.tokenizer.tokenize(text);
        let sentences = sentences(text);
        let entities = self
            .entities
            .as_ref()
            .map(|m| m.find_tokens(text, &tokens))
            .unwrap_or_default();
        // One scan for the numbers that are neither quantities nor dates, and one
        // classification of the tokens, serve both.
        let (nonq, classes) = if self.dates.is_some() || self.quantities.is_some() {
            (
                NonQuantitySpans::of(text, &tokens),
                TokenClasses::new(text, &tokens),
            )
        } else {
            (NonQuantitySpans::default(), TokenClasses::new(text, &[]))
        };
        let (dates, reference_date, reference_source) =
            self.dates_of(&input, &tokens, &classes, &nonq);
        let quantities = match &self.quantities {
            Some(ex) => {
                let mut qs = ex.extract_classified(text, &tokens, &classes, &nonq);
                // The one place overlaps between extractors are resolved: dates win.
                let spans: Vec<Span> = dates.iter().map(|d| d.span).collect();
                remove_overlapping(&mut qs, &spans);
                qs
            }
            None => Vec::new(),
        };
        let mut doc = Document {
            id: input.id,
            text: text.to_owned(),
            reference_date,
            reference_source,
            tokens,
            sentences,
            entities,
            quantities,
            dates,
            roles: Vec::new(),
            events: Vec::new(),
            attribute_entities: Vec::new(),
        };
        if let Some(ex) = &self.events {
            crate::events::run(ex, &mut doc, &classes);
        }
        doc
    }

    /// The dates of `input` (tokenized as `tokens`) with the reference date they were
    /// resolved against and where it came from. Under the `auto` policy the text's own date
    /// is found in the date scan itself ([`DateExtractor::extract_tokens_detecting`]); only
    /// where that scan cannot stand in for detection (dates off, month-first digit dates:
    /// detection reads day first) does a separate detection pass run.
    fn dates_of(
        &self,
        input: &Input<'_>,
        tokens: &[Token],
        classes: &TokenClasses,
        nonq: &NonQuantitySpans,
    ) -> (Vec<Temporal>, Option<CivilDate>, ReferenceSource) {
        let text = input.text;
        let given = match (input.reference_date, self.reference) {
            (Some(d), _) | (None, ReferenceDate::Fixed(d)) => Some(Some(d)),
            (None, ReferenceDate::None) => Some(None),
            (None, ReferenceDate::Auto) => None,
        };
        let source = |d: Option<CivilDate>, found: ReferenceSource| match d {
            Some(_) => found,
            None => ReferenceSource::None,
        };
        match (given, &self.dates) {
            (Some(reference), dates) => {
                let found = dates.as_ref().map_or_else(Vec::new, |ex| {
                    ex.clone()
                        .with_reference(reference)
                        .extract_classified(text, tokens, classes, nonq)
                });
                (found, reference, source(reference, ReferenceSource::Given))
            }
            (None, Some(ex)) if self.detect_in_scan => {
                let (found, detected) = ex
                    .clone()
                    .with_reference(None)
                    .extract_classified_detecting(text, tokens, classes, nonq);
                (found, detected, source(detected, ReferenceSource::Detected))
            }
            (None, dates) => {
                let detected = detect_reference(text);
                let found = dates.as_ref().map_or_else(Vec::new, |ex| {
                    ex.clone()
                        .with_reference(detected)
                        .extract_classified(text, tokens, classes, nonq)
                });
                (found, detected, source(detected, ReferenceSource::Detected))
            }
        }
    }

    /// Processes a batch in parallel on rayon's global pool. The output order is the input
    /// order.
    pub fn process_batch(&self, inputs: Vec<Input<'_>>) -> Vec<Document> {
        self.process_batch_map(inputs, None, |d| d)
    }

    /// Like [`Pipeline::process_batch`] on a pool of `threads` threads (`0`: all cores).
    pub fn process_batch_threads(&self, inputs: Vec<Input<'_>>, threads: usize) -> Vec<Document> {
        self.process_batch_map(inputs, Some(threads), |d| d)
    }

    /// A batch on `threads` threads (`None`: rayon's global pool; `Some(0)`: a pool of all
    /// cores; `Some(1)`: the calling thread), each document handed to `finish` on the thread
    /// that made it: work a caller does on every document (converting it for another
    /// language, say) runs in parallel too. The output order is the input order.
    ///
    /// ```
    /// use khabar::{Input, Pipeline};
    /// let nlp = Pipeline::new()?;
    /// let texts = ["IS-K attacked Kabul.", "No names here."];
    /// let inputs = texts.iter().map(|t| Input::new(t)).collect();
    /// let counts = nlp.process_batch_map(inputs, Some(2), |d| d.entities.len());
    /// assert_eq!(counts, [2, 0]);
    /// # Ok::<(), khabar::Error>(())
    /// ```
    pub fn process_batch_map<T: Send>(
        &self,
        inputs: Vec<Input<'_>>,
        threads: Option<usize>,
        finish: impl Fn(Document) -> T + Sync + Send,
    ) -> Vec<T> {
        let serial = |inputs: Vec<Input<'_>>| -> Vec<T> {
            inputs
                .into_iter()
                .map(|i| finish(self.process_input(i)))
                .collect()
        };
        let parallel = |inputs: Vec<Input<'_>>| -> Vec<T> {
            inputs
                .into_par_iter()
                .map(|i| finish(self.process_input(i)))
                .collect()
        };
        match threads {
            None => parallel(inputs),
            // On the calling thread: no pool to start, and the documents are built where the
            // caller will read them.
            Some(1) => serial(inputs),
            Some(k) => match rayon::ThreadPoolBuilder::new().num_threads(k).build() {
                Ok(pool) => pool.install(|| parallel(inputs)),
                // A pool that cannot be built (out of threads) is not worth failing the batch.
                Err(_) => serial(inputs),
            },
        }
    }
}

/// The text's own date as the `auto` policy defines it: [`DateExtractor::detect_reference_date`]
/// with the default settings (day-first digit dates). The single-pass detection in
/// [`Pipeline::process_input`] agrees with it (tests/auto_reference.rs).
fn detect_reference(text: &str) -> Option<CivilDate> {
    DateExtractor::new().detect_reference_date(text)
}

pub(crate) fn candidate(e: &EntryRef<'_>) -> Candidate {
    Candidate {
        id: e.id().to_owned(),
        name: e.name().to_owned(),
        label: e.label().to_owned(),
        priority: e.priority(),
    }
}

/// The attributes an [`Entity`] carries for its best entry.
pub(crate) fn attributes(e: &EntryRef<'_>) -> BTreeMap<String, serde_json::Value> {
    use serde_json::Value;
    let mut attrs = BTreeMap::new();
    if let Some(c) = e.country() {
        attrs.insert("country".to_owned(), Value::from(c));
    }
    if let Some(p) = e.parent_id() {
        attrs.insert("parent".to_owned(), Value::from(p));
        if let Some(pe) = e.parent() {
            attrs.insert("parent_name".to_owned(), Value::from(pe.name()));
        }
    }
    if let Some(lat) = e.lat() {
        attrs.insert("lat".to_owned(), Value::from(lat));
    }
    if let Some(lon) = e.lon() {
        attrs.insert("lon".to_owned(), Value::from(lon));
    }
    if let Some(w) = e.wikidata() {
        attrs.insert("wikidata".to_owned(), Value::from(w));
    }
    for (k, v) in e.attrs() {
        attrs.insert(k.to_owned(), Value::from(v));
    }
    attrs
}

/// The shared parts of the entities of each entry, one slot per gazetteer entry, filled on
/// the entry's first mention.
#[derive(Debug, Default)]
struct EntryCache {
    slots: Vec<OnceLock<EntryShared>>,
}

/// What the mentions of one entry share: its strings, its candidate list (for an
/// unambiguous mention) and its attributes, each made once; its aliases other than the
/// canonical name are made on their first mention.
#[derive(Debug)]
struct EntryShared {
    id: Arc<str>,
    name: Arc<str>,
    label: Arc<str>,
    candidates: Arc<[Candidate]>,
    attrs: Arc<BTreeMap<String, serde_json::Value>>,
    /// Alias `k` of the entry ([`Match::alias_position`]) at `aliases[k - 1]`; empty where
    /// the strings are not kept (a one-off entity).
    aliases: Box<[OnceLock<Arc<str>>]>,
}

impl EntryShared {
    /// The shared parts of `e`; with `keep_aliases`, slots for its aliases.
    fn new(e: &EntryRef<'_>, keep_aliases: bool) -> EntryShared {
        let others = if keep_aliases {
            e.aliases().count().saturating_sub(1)
        } else {
            0
        };
        EntryShared {
            id: Arc::from(e.id()),
            name: Arc::from(e.name()),
            label: Arc::from(e.label()),
            candidates: Arc::from([candidate(e)]),
            attrs: Arc::new(attributes(e)),
            aliases: (0..others).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Alias number `position` of the entry, whose text is `alias`.
    fn alias(&self, position: usize, alias: &str) -> Arc<str> {
        if position == 0 {
            return Arc::clone(&self.name);
        }
        match self.aliases.get(position - 1) {
            Some(slot) => Arc::clone(slot.get_or_init(|| Arc::from(alias))),
            None => Arc::from(alias),
        }
    }

    /// The entity of match `m` of this entry.
    fn entity(&self, text: &str, m: &Match<'_>) -> Entity {
        let candidates = if m.is_ambiguous() {
            m.entries().map(|e| candidate(&e)).collect()
        } else {
            Arc::clone(&self.candidates)
        };
        Entity {
            span: m.span(),
            text: m.as_str(text).to_owned(),
            alias: self.alias(m.alias_position(), m.alias()),
            id: Arc::clone(&self.id),
            canonical: Arc::clone(&self.name),
            label: Arc::clone(&self.label),
            candidates,
            attrs: Arc::clone(&self.attrs),
        }
    }
}

impl EntryCache {
    fn new(entries: usize) -> EntryCache {
        EntryCache {
            slots: (0..entries).map(|_| OnceLock::new()).collect(),
        }
    }
}

/// Finds a gazetteer's aliases in text and resolves each match to an [`Entity`], sharing
/// each entry's candidate list and attributes between its mentions (built on the entry's
/// first mention): what a [`Pipeline`] does for its entities, available on its own.
/// `Send + Sync` and cheap to clone.
///
/// ```
/// use khabar::EntityMatcher;
/// use khabar_gazetteer::{Entry, Gazetteer};
/// use std::sync::Arc;
/// let gz = Gazetteer::from_entries([
///     Entry::new("AF-JOW", "Jowzjan", "GPE").with_alias("Jawzjan").with_country("AF"),
/// ])?;
/// let matcher = EntityMatcher::new(Arc::new(gz));
/// let found = matcher.find("Jawzjan and Jowzjan");
/// assert_eq!(found[1].canonical(), "Jowzjan");
/// // The second mention shares the first one's attributes.
/// assert!(Arc::ptr_eq(&found[0].attrs, &found[1].attrs));
/// # Ok::<(), khabar_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct EntityMatcher {
    gazetteer: GazetteerHandle,
    entries: Arc<EntryCache>,
}

impl EntityMatcher {
    /// A matcher over `gazetteer`.
    pub fn new(gazetteer: Arc<Gazetteer>) -> EntityMatcher {
        let entries = Arc::new(EntryCache::new(gazetteer.len()));
        EntityMatcher {
            gazetteer: GazetteerHandle::Owned(gazetteer),
            entries,
        }
    }

    /// A matcher over a gazetteer that lives for the whole program (the default one).
    pub fn with_static(gazetteer: &'static Gazetteer) -> EntityMatcher {
        EntityMatcher {
            gazetteer: GazetteerHandle::Static(gazetteer),
            entries: Arc::new(EntryCache::new(gazetteer.len())),
        }
    }

    /// The gazetteer matched with.
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer.get()
    }

    /// The entities of `text`, leftmost-longest, in text order.
    pub fn find(&self, text: &str) -> Vec<Entity> {
        self.entities_of(text, &self.gazetteer().find(text))
    }

    /// [`find`](EntityMatcher::find) for a caller that has `text`'s tokens (by
    /// [`khabar_tokenize::tokenize`]) already: the same entities, without tokenizing again.
    pub fn find_tokens(&self, text: &str, tokens: &[Token]) -> Vec<Entity> {
        self.entities_of(text, &self.gazetteer().find_tokens(text, tokens))
    }

    fn entities_of(&self, text: &str, matches: &[Match<'_>]) -> Vec<Entity> {
        let mut found: Vec<Entity> = matches
            .iter()
            .map(|m| entity(text, m, Some(&self.entries)))
            .collect();
        crate::people::resolve(self.gazetteer(), text, &mut found);
        crate::places::resolve(self.gazetteer(), text, &mut found);
        found
    }
}

/// The entity of match `m`. With a cache, the strings, candidates and attributes of the
/// best entry are shared with earlier mentions of it instead of rebuilt.
fn entity(text: &str, m: &Match<'_>, cache: Option<&EntryCache>) -> Entity {
    let best = m.entry();
    match cache.and_then(|c| c.slots.get(best.index())) {
        Some(slot) => slot
            .get_or_init(|| EntryShared::new(&best, true))
            .entity(text, m),
        None => EntryShared::new(&best, false).entity(text, m),
    }
}

/// Matches `gazetteer` over `text` and resolves each match to an [`Entity`] — what the
/// pipeline does for its entities, available on its own.
///
/// ```
/// use khabar_gazetteer::{Entry, Gazetteer};
/// let gz = Gazetteer::from_entries([
///     Entry::new("AF-JOW", "Jowzjan", "GPE").with_alias("Jawzjan").with_country("AF"),
/// ])?;
/// let found = khabar::find_entities(&gz, "in northern Jawzjan province");
/// assert_eq!(found[0].canonical(), "Jowzjan");
/// assert_eq!(found[0].attrs["country"], "AF");
/// # Ok::<(), khabar_gazetteer::Error>(())
/// ```
pub fn find_entities(gazetteer: &Gazetteer, text: &str) -> Vec<Entity> {
    let mut found: Vec<Entity> = gazetteer
        .find(text)
        .iter()
        .map(|m| entity(text, m, None))
        .collect();
    crate::people::resolve(gazetteer, text, &mut found);
    crate::places::resolve(gazetteer, text, &mut found);
    found
}
