//! `khabar.Event`: one reported incident — type, date, place, perpetrator, target and the
//! counts by role — built from the document's [`khabar::EventRecord`].

use crate::results::{py_date, to_py};
use crate::text::{SharedText, SpanText};
use khabar::EventRecord;
use khabar::tokenize::CharOffsets;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyString};
use std::sync::Arc;

/// One reported incident: what happened (``type``), when, where, by whom (``perpetrator``),
/// to whom (``target``) and how many were killed, wounded, arrested… (``counts``).
///
/// ``doc.text[e.start:e.end] == e.text`` (the sentences of the incident).
///
/// >>> import khabar
/// >>> doc = khabar.extract("On 11 May 2019, 4 Afghan policemen were killed and 5 wounded "
/// ...                      "by Taliban militants in Takhar.")
/// >>> e = doc.events[0]
/// >>> (e.type, e.date, e.place, e.perpetrator, e.killed, e.wounded)
/// ('attack', '2019-05-11', 'Takhar', 'Taliban', 4.0, 5.0)
#[pyclass(frozen, module = "khabar", name = "Event")]
pub struct Event {
    rec: EventRecord,
    /// The incident's sentences, made into a `str` on access.
    text: SpanText,
}

impl Event {
    fn count(&self, role: &str) -> Option<f64> {
        self.rec
            .counts
            .iter()
            .find(|(r, _)| r.as_str() == role)
            .map(|(_, v)| *v)
    }
}

#[pymethods]
impl Event {
    /// Start (a ``str`` index).
    #[getter]
    fn start(&self) -> usize {
        self.rec.span.start
    }
    /// End (exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.rec.span.end
    }
    /// The incident's sentences.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.text.get(py)
    }
    /// The type: suicide_attack, airstrike, ambush, execution, shelling, bombing,
    /// armed_clash, abduction, arrest, surrender, attack or other.
    #[getter]
    #[pyo3(name = "type")]
    fn event_type(&self) -> &'static str {
        self.rec.event_type.as_str()
    }
    /// The date's TIMEX value ("2019-05-11"), if any.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.rec.date.as_ref().map(|d| d.value.as_str())
    }
    /// First day of the date.
    #[getter]
    fn date_start<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date(py, self.rec.date.as_ref().and_then(|d| d.start))
    }
    /// Where the date came from: sentence, document (an earlier date of the text),
    /// reference (the document's reference date, a fallback) or none.
    #[getter]
    fn date_source(&self) -> &'static str {
        self.rec.date.as_ref().map_or("none", |d| d.source.as_str())
    }
    /// The most specific place (canonical name).
    #[getter]
    fn place(&self) -> Option<&str> {
        self.rec.place.as_ref().map(|p| p.name.as_str())
    }
    /// Its gazetteer id.
    #[getter]
    fn place_id(&self) -> Option<&str> {
        self.rec.place.as_ref().map(|p| p.id.as_str())
    }
    /// The province it lies in.
    #[getter]
    fn province(&self) -> Option<&str> {
        self.rec.place.as_ref().and_then(|p| p.province.as_deref())
    }
    /// Its country code.
    #[getter]
    fn country(&self) -> Option<&str> {
        self.rec.place.as_ref().and_then(|p| p.country.as_deref())
    }
    /// Who did it (canonical name, or the phrase: "unidentified gunmen").
    #[getter]
    fn perpetrator(&self) -> Option<&str> {
        self.rec.perpetrator.as_ref().map(|a| a.name.as_str())
    }
    /// The perpetrator's gazetteer id.
    #[getter]
    fn perpetrator_id(&self) -> Option<&str> {
        self.rec.perpetrator.as_ref().and_then(|a| a.id.as_deref())
    }
    /// Who or what it was aimed at.
    #[getter]
    fn target(&self) -> Option<&str> {
        self.rec.target.as_ref().map(|a| a.name.as_str())
    }
    /// Killed (0 when denied: "no casualties"), ``None`` when not reported.
    #[getter]
    fn killed(&self) -> Option<f64> {
        self.count("killed")
    }
    /// Wounded.
    #[getter]
    fn wounded(&self) -> Option<f64> {
        self.count("wounded")
    }
    /// Arrested.
    #[getter]
    fn arrested(&self) -> Option<f64> {
        self.count("arrested")
    }
    /// Abducted.
    #[getter]
    fn abducted(&self) -> Option<f64> {
        self.count("abducted")
    }
    /// Every total by role (``{"killed": 4.0, …}``).
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (r, v) in &self.rec.counts {
            d.set_item(r.as_str(), v)?;
        }
        Ok(d)
    }
    /// Whether the figures are one party's claim.
    #[getter]
    fn claimed(&self) -> bool {
        self.rec.claimed
    }
    /// Who the figures are attributed to, as written.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.rec.source.as_deref()
    }
    /// The role facts (dicts of the document schema).
    #[getter]
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.rec.facts)
    }
    /// The event as a dict of the document schema.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.rec)
    }
    fn __repr__(&self) -> String {
        format!(
            "Event(type={:?}, date={:?}, place={:?}, perpetrator={:?}, counts={:?})",
            self.event_type(),
            self.date(),
            self.place(),
            self.perpetrator(),
            self.rec
                .counts
                .iter()
                .map(|(r, v)| format!("{r}={v}"))
                .collect::<Vec<_>>()
        )
    }
}

/// The events of a document, sharing its text (`shared` is the document's).
pub(crate) fn events_of(doc: &khabar::Document, shared: &Arc<dyn SharedText>) -> Vec<Event> {
    let conv = CharOffsets::new(&doc.text);
    doc.events
        .iter()
        .map(|e| Event {
            rec: EventRecord::new(&conv, e),
            text: SpanText::Shared(Arc::clone(shared), e.span),
        })
        .collect()
}

/// The role facts of a document as dicts.
pub(crate) fn py_roles<'py>(
    py: Python<'py>,
    doc: &khabar::Document,
) -> PyResult<Bound<'py, PyAny>> {
    let conv = CharOffsets::new(&doc.text);
    let records: Vec<khabar::RoleRecord> = doc
        .roles
        .iter()
        .map(|f| khabar::RoleRecord::new(&conv, f))
        .collect();
    to_py(py, &records)
}
