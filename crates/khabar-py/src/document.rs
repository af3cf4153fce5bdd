//! `khabar.Document`: everything found in one text, with Python objects made on first use.

use crate::errors::khabar_err;
use crate::events::{Event, events_of};
use crate::leaf::{LeafCache, new_document};
use crate::nonquant::{NonQuantity, py_non_quantities_of};
use crate::prepared::{Item, Prepared, Records};
use crate::results::{Entity, Quantity, Temporal, json_loads, py_date};
use crate::text::equality;
use crate::text::{SharedText, TextView};
use crate::tokenize::{Sentence, Token, py_sentences_at, py_tokens};
use khabar::JsonOptions;
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyList, PyString, PyTuple};
use std::sync::Arc;

/// Everything khabar found in one text.
///
/// The lists (``entities``, ``quantities``, ``dates``, ``tokens``, ``sentences``) are made
/// on first access and then kept. Every item satisfies ``doc.text[x.start:x.end] == x.text``.
/// In a notebook, a document shows itself with its facts highlighted.
///
/// >>> import khabar
/// >>> doc = khabar.extract("More than 170 people were killed in Kabul on August 26, 2021.")
/// >>> [(e.text, e.label) for e in doc.entities]
/// [('Kabul', 'GPE')]
/// >>> [(q.text, q.low, q.unit) for q in doc.quantities]
/// [('More than 170', 170.0, 'people')]
/// >>> [(d.text, d.value) for d in doc.dates]
/// [('August 26, 2021', '2021-08-26')]
#[pyclass(frozen, module = "khabar", name = "Document")]
pub struct Document {
    pub(crate) doc: Arc<khabar::Document>,
    /// `doc` again, as the text its tokens and sentences share.
    shared: Arc<dyn SharedText>,
    /// The original Python string (equal to `doc.text`: text with lone surrogates is refused).
    text: Py<PyString>,
    lossy: bool,
    entities: LeafCache<Entity>,
    quantities: LeafCache<Quantity>,
    dates: LeafCache<Temporal>,
    tokens: LeafCache<Token>,
    sentences: LeafCache<Sentence>,
    /// The records of the results, made with the document (by `Pipeline.pipe`'s worker
    /// threads) and shared by the result objects.
    records: Records,
    non_quantities: LeafCache<NonQuantity>,
    events: LeafCache<Event>,
}

impl Document {
    pub(crate) fn new(
        py: Python<'_>,
        doc: khabar::Document,
        original: Option<(Py<PyString>, bool)>,
    ) -> Document {
        Document::prepared(py, crate::prepared::prepare(doc), original)
    }

    /// A document whose result records were made ahead of time (see `crate::prepared`).
    pub(crate) fn prepared(
        py: Python<'_>,
        (doc, records): Prepared,
        original: Option<(Py<PyString>, bool)>,
    ) -> Document {
        let (text, lossy) =
            original.unwrap_or_else(|| (PyString::new(py, &doc.text).unbind(), false));
        let doc = Arc::new(doc);
        Document {
            records,
            shared: Arc::clone(&doc) as Arc<dyn SharedText>,
            doc,
            text,
            lossy,
            entities: LeafCache::default(),
            quantities: LeafCache::default(),
            dates: LeafCache::default(),
            tokens: LeafCache::default(),
            sentences: LeafCache::default(),
            non_quantities: LeafCache::default(),
            events: LeafCache::default(),
        }
    }

    pub(crate) fn from_json(py: Python<'_>, json: &str) -> PyResult<Document> {
        let doc = crate::errors::guard(|| khabar::Document::from_json(json))?
            .map_err(|e| khabar_err(py, e))?;
        Ok(Document::new(py, doc, None))
    }

    /// Whether the text it holds is an exact `str` (not of a subclass).
    pub(crate) fn text_is_exact(&self, py: Python<'_>) -> bool {
        self.text.bind(py).is_exact_instance_of::<PyString>()
    }

    /// The text as Rust and Python see it, for making result texts.
    fn view<'a, 'py>(&'a self, py: Python<'py>) -> TextView<'a, 'py> {
        TextView {
            rust: &self.doc.text,
            py_str: self.text.bind(py),
            lossy: self.lossy,
            shared: Some(&self.shared),
        }
    }

    fn json(&self, text: bool, tokens: bool) -> PyResult<String> {
        self.doc
            .to_json_with(JsonOptions { text, tokens })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

#[pymethods]
impl Document {
    /// The text.
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }
    /// The identifier given with the text (e.g. a path), or ``None``.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.doc.id.as_deref()
    }
    /// The date relative expressions were resolved against (``datetime.date``), or ``None``.
    #[getter]
    fn reference_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date(py, self.doc.reference_date)
    }
    /// Where the reference date came from: ``'given'``, ``'detected'`` or ``'none'``.
    #[getter]
    fn reference_source(&self) -> &'static str {
        match self.doc.reference_source {
            khabar::ReferenceSource::Given => "given",
            khabar::ReferenceSource::Detected => "detected",
            khabar::ReferenceSource::None => "none",
        }
    }
    /// Gazetteer entities (``list[Entity]``), in text order.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let recs = &self.records.entities;
        self.entities.list(py, || {
            Ok(Item::all(recs).map(|rec| Entity { rec }).collect())
        })
    }
    /// Quantities (``list[Quantity]``), in text order.
    #[getter]
    fn quantities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let recs = &self.records.quantities;
        self.quantities.list(py, || {
            Ok(Item::all(recs).map(|rec| Quantity { rec }).collect())
        })
    }
    /// Temporal expressions (``list[Temporal]``), in text order.
    #[getter]
    fn dates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let recs = &self.records.dates;
        self.dates.list(py, || {
            Ok(Item::all(recs).map(|rec| Temporal { rec }).collect())
        })
    }
    /// Word tokens (``list[Token]``).
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.tokens
            .list(py, || py_tokens(self.view(py), &self.doc.tokens))
    }
    /// Sentences (``list[Sentence]``).
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.sentences.list(py, || {
            py_sentences_at(self.view(py), &self.doc.sentences, &self.records.sentences)
        })
    }
    /// Numbers that are neither quantities nor dates, with the reason each was set aside
    /// (``list[NonQuantity]``, see ``khabar.non_quantities``). Computed from the text on
    /// first access (not part of the document schema).
    #[getter]
    fn non_quantities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.non_quantities.list(py, || {
            if self.doc.tokens.is_empty() {
                let tokens = khabar::tokenize::tokenize(&self.doc.text);
                py_non_quantities_of(py, self.view(py), &tokens)
            } else {
                py_non_quantities_of(py, self.view(py), &self.doc.tokens)
            }
        })
    }
    /// The document as a dict of khabar's document schema (``khabar.document/2``), the
    /// same one ``khabar extract --format jsonl`` writes.
    #[pyo3(signature = (*, text = true, tokens = false))]
    fn to_dict<'py>(
        &self,
        py: Python<'py>,
        text: bool,
        tokens: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.json(text, tokens)?)
    }
    /// The document as one line of JSON (schema ``khabar.document/2``).
    #[pyo3(signature = (*, text = true, tokens = false))]
    fn to_json(&self, text: bool, tokens: bool) -> PyResult<String> {
        self.json(text, tokens)
    }
    /// Reads a document back from ``to_json()`` output (which must include the text).
    #[staticmethod]
    #[pyo3(name = "from_json")]
    fn py_from_json<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, Document>> {
        new_document(py, Document::from_json(py, json)?)
    }
    /// The facts table of this document: one dict per quantity with its unit, subject
    /// (armed group), place, when (with its source), the entities and dates of its sentence,
    /// and the sentence itself. See ``khabar.facts`` for a DataFrame of many documents.
    fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::results::to_py(py, &self.doc.facts())
    }
    /// The reported incidents (``list[Event]``), in text order.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.events
            .list(py, || Ok(events_of(&self.doc, &self.shared)))
    }
    /// The role facts (killed, wounded, arrested, strength…) as dicts, in text order.
    #[getter]
    fn roles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::events::py_roles(py, &self.doc)
    }
    /// HTML with the facts highlighted (what a notebook shows).
    fn _repr_html_(&self) -> String {
        self.doc.to_html()
    }
    /// HTML with the facts highlighted, at most ``max_chars`` bytes of text shown.
    #[pyo3(signature = (*, max_chars = 100_000))]
    fn to_html(&self, max_chars: usize) -> String {
        self.doc.to_html_with(khabar::HtmlOptions {
            max_bytes: max_chars,
        })
    }
    fn __repr__(&self) -> String {
        format!(
            "Document(id={}, chars={}, entities={}, quantities={}, dates={}, reference_date={})",
            self.doc
                .id
                .as_deref()
                .map_or_else(|| "None".to_owned(), |i| format!("{i:?}")),
            self.doc.text.chars().count(),
            self.doc.entities.len(),
            self.doc.quantities.len(),
            self.doc.dates.len(),
            self.doc
                .reference_date
                .map_or_else(|| "None".to_owned(), |d| format!("'{d}'"))
        )
    }
    fn __richcmp__(
        &self,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
        py: Python<'_>,
    ) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Document>() else {
            return Ok(py.NotImplemented());
        };
        let same = *self.doc == *other.get().doc;
        equality(py, op, same)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let json = slf.get().json(true, true)?;
        let restore = py.import("khabar._khabar")?.getattr("_restore")?;
        PyTuple::new(
            py,
            [restore, ("Document", json).into_pyobject(py)?.into_any()],
        )
    }
}
