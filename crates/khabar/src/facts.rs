//! The facts table: one row per quantity, with who, where and when from its context.

use crate::document::{Document, Entity};
use khabar_numdate::{CivilDate, Quantity};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The facts table: one row per quantity, with who, where and when from its context.
///
/// "How big is IS-K, according to whom, when?" is answered by rows like
/// *4000–6000 fighters · Islamic State Khorasan Province · 2019*. Each row is a quantity
/// of a [`Document`] with the sentence it stands in, the entities and dates of that sentence,
/// and three resolved columns:
///
/// * `subject` — the armed group the number is about: the first group (an entry whose
///   `type` attribute names a militant or armed organisation) in the sentence, else the
///   group the document mentions most; for gazetteers without `type`, the first ORG of the
///   sentence;
/// * `place` — the most specific place of the sentence: the first GPE, LOC or FAC with a
///   parent entry (a city, district or province), else the first GPE or LOC (a country);
/// * `when` — the first date of the sentence with a resolved interval; else the document's
///   reference date; else the latest resolved date the document mentions (`when_source`
///   says which: `sentence`, `reference`, `document` or `none`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The document's id.
    pub doc: Option<String>,
    /// The document's reference date.
    pub reference_date: Option<CivilDate>,
    /// The quantity as written ("an estimated 4,000-6,000").
    pub quantity: String,
    /// Its kind: cardinal, ordinal, percent, fraction, money.
    pub kind: String,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// Comparison cue ("about", "more_than", …), `none` without one.
    pub approx: String,
    /// Whether the amount is vague.
    pub vague: bool,
    /// The counted noun ("fighters").
    pub unit: Option<String>,
    /// The armed group or organisation the number is about (canonical name).
    pub subject: Option<String>,
    /// Its entry id.
    pub subject_id: Option<String>,
    /// The place of the sentence (canonical name).
    pub place: Option<String>,
    /// When: a resolved date of the sentence, else the reference date.
    pub when: Option<String>,
    /// First day of `when`'s interval.
    pub when_start: Option<CivilDate>,
    /// Last day of `when`'s interval (inclusive).
    pub when_end: Option<CivilDate>,
    /// `sentence` or `reference` (or `none`).
    pub when_source: String,
    /// Canonical names of every entity in the sentence, in order, `; `-separated.
    pub entities: String,
    /// TIMEX values of every date in the sentence, `; `-separated.
    pub dates: String,
    /// The sentence.
    pub sentence: String,
    /// What happened to the counted people (`killed`, `wounded`, `arrested`, `strength`…;
    /// see [`khabar_events::Role`]), if the event layer gave the quantity a role.
    pub role: Option<String>,
    /// Their class: civilians, security_forces, militants, foreigners, unknown.
    pub victim_class: Option<String>,
    /// The group the counted people belong to ("ISIS-K fighters" → Islamic State Khorasan
    /// Province).
    pub group: Option<String>,
    /// Where they went ("joined the Taliban" → Taliban).
    pub destination: Option<String>,
    /// Who did it: the perpetrator of the event the quantity belongs to.
    pub perpetrator: Option<String>,
    /// Who or what the event was aimed at.
    pub target: Option<String>,
    /// Whether the count is a sub-count of another ("including 5 children").
    pub subcount: bool,
    /// The quantity's byte span in the document.
    pub byte_start: usize,
    /// End of that span.
    pub byte_end: usize,
}

fn is_armed_group(e: &Entity) -> bool {
    e.label() == "ORG"
        && e.attrs
            .get("type")
            .and_then(|v| v.as_str())
            .is_some_and(|t| t.contains("militant") || t.contains("armed") || t.contains("terror"))
}

impl Document {
    /// The facts table of this document: one row per quantity (see [`Fact`]).
    ///
    /// ```
    /// let nlp = khabar::Pipeline::builder()
    ///     .reference_date(khabar::ReferenceDate::parse("2019-08-01")?)
    ///     .build()?;
    /// let doc = nlp.process("IS-K grew in Nangarhar. There are an estimated 4,000-6,000 fighters.");
    /// let facts = doc.facts();
    /// assert_eq!(facts[0].subject.as_deref(), Some("Islamic State Khorasan Province"));
    /// assert_eq!((facts[0].low, facts[0].high), (Some(4000.0), Some(6000.0)));
    /// assert_eq!(facts[0].when.as_deref(), Some("2019-08-01"));
    /// assert_eq!(facts[0].when_source, "reference");
    /// # Ok::<(), khabar::Error>(())
    /// ```
    pub fn facts(&self) -> Vec<Fact> {
        // The group the document is about: the one it mentions most (first mention breaks ties).
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, e) in self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| is_armed_group(e))
        {
            let c = counts.entry(e.id()).or_insert((0, i));
            c.0 += 1;
        }
        let main_group = counts
            .iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
            .and_then(|(id, _)| self.entities.iter().find(|e| e.id() == *id));

        // The latest resolved date of the document: the last fallback for `when`.
        let latest = self
            .dates
            .iter()
            .filter(|d| d.kind == khabar_numdate::TemporalType::Date && d.range.is_none())
            .filter_map(|d| d.interval.map(|i| (i.end, d)))
            .max_by_key(|(end, _)| *end)
            .map(|(_, d)| d);

        let roles: HashMap<usize, &khabar_events::RoleFact> = self
            .roles
            .iter()
            .filter_map(|f| f.quantity.map(|q| (q, f)))
            .collect();
        self.quantities
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let mut f = self.fact(q, main_group, latest);
                if let Some(r) = roles.get(&i) {
                    self.add_role(&mut f, r);
                }
                f
            })
            .collect()
    }

    /// Fills the role columns of `f` from its role fact; the counted people's group is the
    /// subject ("dozens of ISIS-K fighters have joined the Taliban": ISKP, not the Taliban).
    fn add_role(&self, f: &mut Fact, r: &khabar_events::RoleFact) {
        f.role = Some(r.role.as_str().to_owned());
        f.victim_class = r.class.map(|c| c.as_str().to_owned());
        f.group = r.group.as_ref().map(|g| g.name.clone());
        f.destination = r.destination.as_ref().map(|g| g.name.clone());
        f.subcount = r.subcount;
        if let Some(g) = &r.group {
            f.subject = Some(g.name.clone());
            f.subject_id = g.id.clone();
        }
        // events are in text order and do not overlap: the last one starting at or before
        let i = self
            .events
            .partition_point(|e| e.span.start <= r.span.start);
        let event = i
            .checked_sub(1)
            .and_then(|i| self.events.get(i))
            .filter(|e| e.span.contains(r.span));
        if let Some(e) = event {
            f.perpetrator = e.perpetrator.as_ref().map(|a| a.name.clone());
            f.target = e.target.as_ref().map(|a| a.name.clone());
        }
    }

    fn fact(
        &self,
        q: &Quantity,
        main_group: Option<&Entity>,
        latest: Option<&khabar_numdate::Temporal>,
    ) -> Fact {
        let sentence = self
            .sentence_index_at(q.span.start)
            .and_then(|i| self.sentences.get(i))
            .map(|s| s.span)
            .unwrap_or(q.span);
        let ents: Vec<&Entity> = self
            .entities
            .iter()
            .filter(|e| sentence.contains(e.span))
            .collect();
        // places that are attributes ("members of the US-trained forces") are no place
        let attribute = |e: &Entity| {
            let i = self
                .entities
                .partition_point(|x| x.span.start < e.span.start);
            self.attribute_entities.binary_search(&i).is_ok()
        };
        let dates: Vec<_> = self
            .dates
            .iter()
            .filter(|d| sentence.contains(d.span))
            .collect();
        let subject = ents
            .iter()
            .copied()
            .find(|e| is_armed_group(e))
            .or(main_group)
            .or_else(|| ents.iter().copied().find(|e| e.label() == "ORG"));
        let is_place = |e: &&&Entity| matches!(e.label(), "GPE" | "LOC" | "FAC") && !attribute(e);
        let place = ents
            .iter()
            .filter(is_place)
            .find(|e| e.attrs.contains_key("parent"))
            .or_else(|| ents.iter().filter(is_place).find(|e| e.label() != "FAC"));
        let dated = dates.iter().find(|d| d.interval.is_some());
        let interval = |d: &khabar_numdate::Temporal| {
            (
                Some(d.value.clone()),
                d.interval.map(|i| i.start),
                d.interval.map(|i| i.end),
            )
        };
        let ((when, when_start, when_end), when_source) = match (dated, self.reference_date, latest)
        {
            (Some(d), _, _) => (interval(d), "sentence"),
            (None, Some(r), _) => ((Some(r.to_string()), Some(r), Some(r)), "reference"),
            (None, None, Some(d)) => (interval(d), "document"),
            (None, None, None) => ((None, None, None), "none"),
        };
        let join = |v: Vec<String>| v.join("; ");
        Fact {
            doc: self.id.clone(),
            reference_date: self.reference_date,
            quantity: q.text.clone(),
            kind: serde_json::to_value(q.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            low: q.low,
            high: q.high,
            approx: q.approx.as_str().to_owned(),
            vague: q.vague,
            unit: q.unit.as_ref().map(|u| u.text.clone()),
            subject: subject.map(|e| e.canonical().to_owned()),
            subject_id: subject.map(|e| e.id().to_owned()),
            place: place.map(|e| e.canonical().to_owned()),
            when,
            when_start,
            when_end,
            when_source: when_source.to_owned(),
            entities: join(ents.iter().map(|e| e.canonical().to_owned()).collect()),
            dates: join(dates.iter().map(|d| d.value.clone()).collect()),
            sentence: self
                .text
                .get(sentence.range())
                .unwrap_or("")
                .replace(['\n', '\r'], " "),
            role: None,
            victim_class: None,
            group: None,
            destination: None,
            perpetrator: None,
            target: None,
            subcount: false,
            byte_start: q.span.start,
            byte_end: q.span.end,
        }
    }
}
