//! Result classes: `Entity`, `Quantity`, `Temporal`. Each wraps the record of khabar's
//! document schema, so `to_dict()` is exactly what `Document.to_dict()` holds for it.

use crate::leaf::new_leaf;
use crate::prepared::Item;
use khabar::{CivilDate, EntityRecord, QuantityRecord, TemporalRecord};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDate, PyString, PyTuple};
use serde::Serialize;

static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Python objects from JSON text (the C parser of the standard library).
pub(crate) fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    let loads = JSON_LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    loads.bind(py).call1((json,))
}

/// Python objects for any serializable value, through JSON.
pub(crate) fn to_py<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    json_loads(py, &json)
}

pub(crate) fn py_date(py: Python<'_>, d: Option<CivilDate>) -> PyResult<Option<Bound<'_, PyDate>>> {
    d.map(|d| PyDate::new(py, d.year(), d.month(), d.day()))
        .transpose()
}

fn repr_str(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

fn fmt_opt_f64(x: Option<f64>) -> String {
    x.map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
}

/// Restores a pickled result: `(kind, json)` as written by `__reduce__`.
#[pyfunction]
pub(crate) fn _restore(py: Python<'_>, kind: &str, json: &str) -> PyResult<Py<PyAny>> {
    let bad = |e: serde_json::Error| PyValueError::new_err(format!("cannot restore {kind}: {e}"));
    Ok(match kind {
        "Entity" => new_leaf(
            py,
            Entity {
                rec: Item::one(serde_json::from_str(json).map_err(bad)?),
            },
        )?
        .into_any()
        .unbind(),
        "Quantity" => new_leaf(
            py,
            Quantity {
                rec: Item::one(serde_json::from_str(json).map_err(bad)?),
            },
        )?
        .into_any()
        .unbind(),
        "Temporal" => new_leaf(
            py,
            Temporal {
                rec: Item::one(serde_json::from_str(json).map_err(bad)?),
            },
        )?
        .into_any()
        .unbind(),
        "Document" => {
            let doc = crate::document::Document::from_json(py, json)?;
            crate::leaf::new_document(py, doc)?.into_any().unbind()
        }
        _ => {
            return Err(PyValueError::new_err(format!(
                "cannot restore unknown kind {kind:?}"
            )));
        }
    })
}

fn reduce<'py, T: Serialize>(
    slf: &Bound<'py, PyAny>,
    kind: &str,
    rec: &T,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = slf.py();
    let json = serde_json::to_string(rec).map_err(|e| PyValueError::new_err(e.to_string()))?;
    let restore = py.import("khabar._khabar")?.getattr("_restore")?;
    PyTuple::new(py, [restore, (kind, json).into_pyobject(py)?.into_any()])
}

/// A gazetteer entity: a mention resolved to its canonical entry.
///
/// ``id``, ``canonical`` and ``label`` are the best candidate's; ``candidates`` lists every
/// entry sharing the alias, best first. ``text[e.start:e.end] == e.text``.
///
/// >>> import khabar
/// >>> e = khabar.extract("ISK-P claimed it.").entities[0]
/// >>> (e.text, e.id, e.canonical, e.label)
/// ('ISK-P', 'ISKP', 'Islamic State Khorasan Province', 'ORG')
#[pyclass(frozen, eq, module = "khabar", name = "Entity")]
#[derive(Clone, PartialEq)]
pub struct Entity {
    pub(crate) rec: Item<EntityRecord>,
}

#[pymethods]
impl Entity {
    /// Start index in the text (code points).
    #[getter]
    fn start(&self) -> usize {
        self.rec.span.start
    }
    /// End index in the text (code points, exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.rec.span.end
    }
    /// The mention as written.
    #[getter]
    fn text(&self) -> &str {
        &self.rec.text
    }
    /// The entry's label: ORG, GPE, LOC, NORP, FAC, PERSON or a gazetteer's own.
    #[getter]
    fn label(&self) -> &str {
        &self.rec.label
    }
    /// The entry's id.
    #[getter]
    fn id(&self) -> &str {
        &self.rec.id
    }
    /// The entry's canonical name.
    #[getter]
    fn canonical(&self) -> &str {
        &self.rec.canonical
    }
    /// The gazetteer alias that matched.
    #[getter]
    fn alias(&self) -> &str {
        &self.rec.alias
    }
    /// Every candidate entry, best first: dicts with ``id``, ``name``, ``label``, ``priority``.
    #[getter]
    fn candidates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.rec.candidates)
    }
    /// Whether several entries share the alias.
    #[getter]
    fn ambiguous(&self) -> bool {
        self.rec.candidates.len() > 1
    }
    /// The entry's attributes: ``country``, ``parent``, ``parent_name``, ``lat``, ``lon``,
    /// ``wikidata`` when known, and the gazetteer's own columns.
    #[getter]
    fn attrs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.rec.attrs)
    }
    /// The entity as a dict of the document schema.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.rec)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Entity({}, {}, {}, label={}, id={}, canonical={})",
            self.rec.span.start,
            self.rec.span.end,
            repr_str(py, &self.rec.text)?,
            repr_str(py, &self.rec.label)?,
            repr_str(py, &self.rec.id)?,
            repr_str(py, &self.rec.canonical)?
        ))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), "Entity", &*slf.get().rec)
    }
}

/// A quantity: a number with its range, comparison cue and counted noun.
///
/// ``low``/``high`` bound the value (equal for an exact number, ``None`` for an open side);
/// ``approx`` is the cue (``'about'``, ``'more_than'``, …) or ``None``; ``unit`` is the
/// counted noun phrase. ``text`` covers the number with its cue, not the noun.
///
/// >>> import khabar
/// >>> q = khabar.extract("an estimated 4,000-6,000 fighters").quantities[0]
/// >>> (q.text, q.low, q.high, q.approx, q.unit)
/// ('an estimated 4,000-6,000', 4000.0, 6000.0, 'about', 'fighters')
#[pyclass(frozen, eq, module = "khabar", name = "Quantity")]
#[derive(Clone, PartialEq)]
pub struct Quantity {
    pub(crate) rec: Item<QuantityRecord>,
}

#[pymethods]
impl Quantity {
    /// Start index in the text (code points).
    #[getter]
    fn start(&self) -> usize {
        self.rec.span.start
    }
    /// End index in the text (code points, exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.rec.span.end
    }
    /// The number with its cue, range words and percent or currency marker.
    #[getter]
    fn text(&self) -> &str {
        &self.rec.text
    }
    /// ``'cardinal'``, ``'ordinal'``, ``'percent'``, ``'fraction'``, ``'money'``,
    /// ``'measure'`` or ``'age'``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.rec.kind.as_str()
    }
    /// Lower bound, or ``None`` if open.
    #[getter]
    fn low(&self) -> Option<f64> {
        self.rec.low
    }
    /// Upper bound, or ``None`` if open.
    #[getter]
    fn high(&self) -> Option<f64> {
        self.rec.high
    }
    /// The comparison cue: ``'about'``, ``'nearly'``, ``'more_than'``, ``'at_least'``,
    /// ``'less_than'``, ``'at_most'``, ``'up_to'``, ``'as_low_as'``, ``'as_many_as'``, ``'exactly'`` — or ``None``.
    #[getter]
    fn approx(&self) -> Option<&'static str> {
        let a = self.rec.approx.as_str();
        (a != "none").then_some(a)
    }
    /// Whether the amount is vague ("several thousand", "dozens").
    #[getter]
    fn vague(&self) -> bool {
        self.rec.vague
    }
    /// The counted noun phrase ("fighters", "civilian casualties"), or ``None``.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.rec.unit.as_ref().map(|u| u.text.as_str())
    }
    /// Start index of the unit, or ``None``.
    #[getter]
    fn unit_start(&self) -> Option<usize> {
        self.rec.unit.as_ref().map(|u| u.span.start)
    }
    /// End index of the unit, or ``None``.
    #[getter]
    fn unit_end(&self) -> Option<usize> {
        self.rec.unit.as_ref().map(|u| u.span.end)
    }
    /// For money: the currency code ("USD", "PKR", "EUR"), else ``None``.
    #[getter]
    fn currency(&self) -> Option<&str> {
        self.rec.currency.as_deref()
    }
    /// For a measure: ``'length'``, ``'mass'``, ``'area'``, ``'volume'``, ``'speed'`` or
    /// ``'temperature'``, else ``None``.
    #[getter]
    fn dimension(&self) -> Option<&'static str> {
        self.rec.dimension.map(|d| d.as_str())
    }
    /// For a measure: the amount in ``si_unit`` ("12km" → 12000.0), else ``None``.
    #[getter]
    fn si_value(&self) -> Option<f64> {
        self.rec.si_value
    }
    /// For a measure: ``'m'``, ``'kg'``, ``'m2'``, ``'m3'``, ``'m/s'`` or ``'K'``, else ``None``.
    #[getter]
    fn si_unit(&self) -> Option<&str> {
        self.rec.si_unit.as_deref()
    }
    /// The quantity as a dict of the document schema.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.rec)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut s = format!(
            "Quantity({}, {}, {}, kind='{}', low={}, high={}",
            self.rec.span.start,
            self.rec.span.end,
            repr_str(py, &self.rec.text)?,
            self.kind(),
            fmt_opt_f64(self.rec.low),
            fmt_opt_f64(self.rec.high)
        );
        if let Some(a) = self.approx() {
            s.push_str(&format!(", approx='{a}'"));
        }
        if self.rec.vague {
            s.push_str(", vague=True");
        }
        if let Some(u) = self.unit() {
            s.push_str(&format!(", unit={}", repr_str(py, u)?));
        }
        s.push(')');
        Ok(s)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), "Quantity", &*slf.get().rec)
    }
}

/// A temporal expression with its TIMEX3 type and value, modifier and resolved interval.
///
/// ``start_date``/``end_date`` (``datetime.date``, inclusive) are set when the value is a
/// calendar value resolved against a reference date.
///
/// >>> import khabar
/// >>> d = khabar.extract("in early 2015", reference_date="2018-01-26").dates[0]
/// >>> (d.text, d.type, d.value, d.mod, d.start_date)
/// ('early 2015', 'DATE', '2015', 'START', datetime.date(2015, 1, 1))
#[pyclass(frozen, eq, module = "khabar", name = "Temporal")]
#[derive(Clone, PartialEq)]
pub struct Temporal {
    pub(crate) rec: Item<TemporalRecord>,
}

#[pymethods]
impl Temporal {
    /// Start index in the text (code points).
    #[getter]
    fn start(&self) -> usize {
        self.rec.span.start
    }
    /// End index in the text (code points, exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.rec.span.end
    }
    /// The expression with its modifiers, without a leading preposition.
    #[getter]
    fn text(&self) -> &str {
        &self.rec.text
    }
    /// ``'DATE'``, ``'TIME'``, ``'DURATION'`` or ``'SET'``.
    #[getter]
    fn r#type(&self) -> &'static str {
        self.rec.kind.as_str()
    }
    /// The TIMEX3 value: ``'2017-09-24'``, ``'2015'``, ``'2014-SU'``, ``'P6M'``, ``'PAST_REF'``, ….
    #[getter]
    fn value(&self) -> &str {
        &self.rec.value
    }
    /// The TIMEX3 modifier (``'START'``, ``'MID'``, ``'END'``, ``'APPROX'``, …) or ``None``.
    #[getter]
    fn r#mod(&self) -> Option<&'static str> {
        self.rec.modifier.map(|m| m.as_str())
    }
    /// First day of the resolved interval (``datetime.date``), or ``None``.
    #[getter]
    fn start_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date(py, self.rec.start_date)
    }
    /// Last day of the resolved interval (inclusive), or ``None``.
    #[getter]
    fn end_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        py_date(py, self.rec.end_date)
    }
    /// The interval's granularity (``'day'``, ``'month'``, ``'year'``, …) or ``None``.
    #[getter]
    fn granularity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.rec.granularity)
    }
    /// For a range ("2009-2010"): the TIMEX values of both ends as a tuple, else ``None``.
    #[getter]
    fn range(&self) -> Option<(String, String)> {
        self.rec
            .range
            .as_ref()
            .map(|r| (r.from.clone(), r.to.clone()))
    }
    /// For a range, the modifiers of its two ends (``'START'``, ``'MID'``, ``'END'`` or
    /// ``None`` each): ``('MID', 'END')`` for "from mid-2015 to late 2016"; else ``None``.
    #[getter]
    fn range_mods(&self) -> Option<(Option<&'static str>, Option<&'static str>)> {
        self.rec
            .range
            .as_ref()
            .map(|r| (r.from_mod.map(|m| m.as_str()), r.to_mod.map(|m| m.as_str())))
    }
    /// The calendar the text wrote the date in, when not the Gregorian one (``value`` is
    /// always Gregorian): ``'islamic-umalqura:1442-10-15'`` for "15 Shawwal 1442",
    /// ``'persian:1398-01-01'`` for "Hamal 1, 1398", ``'islamic-umalqura'`` for "Eid
    /// al-Fitr"; else ``None``.
    #[getter]
    fn calendar(&self) -> Option<String> {
        self.rec.calendar.clone()
    }
    /// The expression as a dict of the document schema.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &*self.rec)
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut s = format!(
            "Temporal({}, {}, {}, type='{}', value={}",
            self.rec.span.start,
            self.rec.span.end,
            repr_str(py, &self.rec.text)?,
            self.rec.kind.as_str(),
            repr_str(py, &self.rec.value)?
        );
        if let Some(m) = self.r#mod() {
            s.push_str(&format!(", mod='{m}'"));
        }
        s.push(')');
        Ok(s)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        reduce(slf.as_any(), "Temporal", &*slf.get().rec)
    }
}
