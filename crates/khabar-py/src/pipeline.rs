//! `khabar.Pipeline` and `khabar.extract`.

use crate::document::Document;
use crate::errors::{guard, khabar_err, reference_date_err};
use crate::gazetteer::{Gazetteer, Handle, extract_gazetteers};
use crate::leaf::new_document;
use crate::text::{PyText, type_name};
use khabar::{CivilDate, DayOrder, Direction, Input, ReferenceDate};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDate, PyList, PyString, PyTuple};

/// A reference date from Python: ``None``, ``'auto'``, ``'none'``, ``'YYYY-MM-DD'``,
/// ``datetime.date`` or ``datetime.datetime``. A bad value raises ``ReferenceDateError``.
fn reference_policy(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<ReferenceDate> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(ReferenceDate::None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return ReferenceDate::parse(&s)
            .map_err(|e| reference_date_err(py, format!("reference_date {s:?}: {e}")));
    }
    if obj.cast::<PyDate>().is_ok() {
        // datetime.datetime is a subclass of datetime.date: both have year/month/day.
        let (y, m, d): (i32, u8, u8) = (
            obj.getattr("year")?.extract()?,
            obj.getattr("month")?.extract()?,
            obj.getattr("day")?.extract()?,
        );
        return CivilDate::new(y, m, d)
            .map(ReferenceDate::Fixed)
            .map_err(|e| {
                reference_date_err(py, format!("reference_date {y:04}-{m:02}-{d:02}: {e}"))
            });
    }
    Err(reference_date_err(
        py,
        format!(
            "reference_date must be None, 'auto', a 'YYYY-MM-DD' string or a datetime.date, not {}",
            type_name(obj)
        ),
    ))
}

/// The ``reference_date`` argument of `Pipeline` and `extract` as the caller gave it: absent
/// means the default policy, ``'auto'``; an explicit ``None`` means no reference date.
pub(crate) enum ReferenceArg<'py> {
    /// Not given: the default policy.
    Default,
    /// Given, ``None`` included.
    Given(Bound<'py, PyAny>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for ReferenceArg<'py> {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        Ok(ReferenceArg::Given(obj.to_owned()))
    }
}

/// The default reference-date policy of Python and the command line (README, "Reference dates").
pub(crate) const DEFAULT_POLICY: &str = "auto";

impl<'py> ReferenceArg<'py> {
    /// The value as given, or ``'auto'`` when absent.
    fn value(self, py: Python<'py>) -> Bound<'py, PyAny> {
        match self {
            ReferenceArg::Default => PyString::new(py, DEFAULT_POLICY).into_any(),
            ReferenceArg::Given(v) => v,
        }
    }
}

/// A per-document reference date: like `reference_policy`, but `'auto'` is not allowed.
fn doc_reference(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<CivilDate>> {
    match reference_policy(py, obj)? {
        ReferenceDate::None => Ok(None),
        ReferenceDate::Fixed(d) => Ok(Some(d)),
        ReferenceDate::Auto => Err(reference_date_err(
            py,
            "a per-document reference date cannot be 'auto': set reference_date='auto' on the Pipeline".to_owned(),
        )),
    }
}

/// Tokenizer, gazetteers, quantity and date extractors configured once; call it on a text
/// or ``pipe`` many texts in parallel.
///
/// >>> import khabar
/// >>> nlp = khabar.Pipeline(reference_date="2018-01-26")
/// >>> doc = nlp("In October last year, ISK-P militants targeted the Imam Zaman Mosque.")
/// >>> [(d.text, d.value) for d in doc.dates]
/// [('October last year', '2017-10')]
/// >>> docs = nlp.pipe(["IS-K in Kunar.", "Taliban in Kabul."])
/// >>> [[e.canonical for e in d.entities] for d in docs]
/// [['Islamic State Khorasan Province', 'Kunar'], ['Taliban', 'Kabul']]
///
/// ``gazetteers``: a list of ``Gazetteer`` (default: ``[Gazetteer.default()]``); include
/// ``Gazetteer.default()`` in the list to merge yours with it. ``reference_date``: ``'auto'``
/// (the default: the date each text states, such as "Published November 9th, 2021"),
/// ``None`` or ``'none'`` (no reference date), a ``'YYYY-MM-DD'`` string or a
/// ``datetime.date`` (README, "Reference dates").
/// ``date_order``: ``'dmy'`` or ``'mdy'`` for all-digit dates. ``direction``: ``'past'`` or
/// ``'future'`` for dates with unknown parts. A pipeline pickles (it rebuilds itself in a
/// worker process).
#[pyclass(frozen, module = "khabar", name = "Pipeline")]
pub struct Pipeline {
    inner: khabar::Pipeline,
    gazetteers: Vec<Py<Gazetteer>>,
    reference: Py<PyAny>,
    date_order: String,
    direction: String,
    entities: bool,
    quantities: bool,
    dates: bool,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(
        signature = (gazetteers = None, *, reference_date = ReferenceArg::Default, date_order = "dmy", direction = "past", entities = true, quantities = true, dates = true),
        text_signature = "(gazetteers=None, *, reference_date='auto', date_order='dmy', direction='past', entities=True, quantities=True, dates=True)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gazetteers: Option<&Bound<'_, PyAny>>,
        reference_date: ReferenceArg<'_>,
        date_order: &str,
        direction: &str,
        entities: bool,
        quantities: bool,
        dates: bool,
    ) -> PyResult<Pipeline> {
        let gazetteers = match gazetteers {
            Some(g) if !g.is_none() => extract_gazetteers(g)?,
            _ => vec![Py::new(py, Gazetteer::default(py)?)?],
        };
        let reference_date = reference_date.value(py);
        let policy = reference_policy(py, Some(&reference_date))?;
        let order = match date_order {
            "dmy" => DayOrder::DayFirst,
            "mdy" => DayOrder::MonthFirst,
            other => {
                return Err(PyValueError::new_err(format!(
                    "date_order must be 'dmy' or 'mdy', not {other:?}"
                )));
            }
        };
        let dir = match direction {
            "past" => Direction::Past,
            "future" => Direction::Future,
            other => {
                return Err(PyValueError::new_err(format!(
                    "direction must be 'past' or 'future', not {other:?}"
                )));
            }
        };
        let mut builder = khabar::Pipeline::builder()
            .default_gazetteer(false)
            .entities(entities)
            .quantities(quantities)
            .dates(dates)
            .reference_date(policy)
            .day_order(order)
            .direction(dir);
        for g in &gazetteers {
            match &g.get().handle {
                Handle::Default(_) => builder = builder.default_gazetteer(true),
                Handle::Owned(gz) => builder = builder.gazetteer(gz.as_ref().clone()),
            }
        }
        let inner = py
            .detach(|| guard(std::panic::AssertUnwindSafe(|| builder.build())))?
            .map_err(|e| khabar_err(py, e))?;
        Ok(Pipeline {
            inner,
            gazetteers,
            reference: reference_date.unbind(),
            date_order: date_order.to_owned(),
            direction: direction.to_owned(),
            entities,
            quantities,
            dates,
        })
    }

    /// Processes one text; ``reference_date`` overrides the pipeline's for this text.
    #[pyo3(signature = (text, reference_date = None, *, id = None))]
    fn __call__<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        reference_date: Option<&Bound<'py, PyAny>>,
        id: Option<String>,
    ) -> PyResult<Bound<'py, Document>> {
        let arg = PyText::extract(text, "text")?;
        let reference = doc_reference(py, reference_date)?;
        let t = arg.text.as_str();
        let nlp = &self.inner;
        let doc = py.detach(|| {
            guard(std::panic::AssertUnwindSafe(|| {
                crate::prepared::prepare(nlp.process_input(Input {
                    id,
                    text: t,
                    reference_date: reference,
                }))
            }))
        })?;
        let original = Some((arg.py_str.clone().unbind(), arg.lossy));
        new_document(py, Document::prepared(py, doc, original))
    }

    /// Processes many texts in parallel with the GIL released; returns ``list[Document]`` in
    /// input order. ``reference_dates``: one value for all, or one per text. ``ids``: one per
    /// text. ``n_threads``: ``None`` for all cores.
    #[pyo3(signature = (texts, reference_dates = None, *, ids = None, n_threads = None))]
    fn pipe<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        reference_dates: Option<&Bound<'py, PyAny>>,
        ids: Option<&Bound<'py, PyAny>>,
        n_threads: Option<usize>,
    ) -> PyResult<Vec<Bound<'py, Document>>> {
        if texts.cast::<PyString>().is_ok() {
            return Err(PyTypeError::new_err(
                "pipe() takes an iterable of str, not a single str: use nlp(text)",
            ));
        }
        let args: Vec<PyText<'_>> = texts
            .try_iter()?
            .map(|t| PyText::extract(&t?, "each text"))
            .collect::<PyResult<_>>()?;
        let n = args.len();
        let refs: Vec<Option<CivilDate>> = match reference_dates {
            None => vec![None; n],
            Some(r) if r.is_none() => vec![None; n],
            Some(r) if r.cast::<PyString>().is_ok() || r.cast::<PyDate>().is_ok() => {
                vec![doc_reference(py, Some(r))?; n]
            }
            Some(r) => {
                let v: Vec<Option<CivilDate>> = r
                    .try_iter()?
                    .map(|x| doc_reference(py, Some(&x?)))
                    .collect::<PyResult<_>>()?;
                if v.len() != n {
                    return Err(PyValueError::new_err(format!(
                        "reference_dates has {} items for {n} texts",
                        v.len()
                    )));
                }
                v
            }
        };
        let ids: Vec<Option<String>> = match ids {
            None => vec![None; n],
            Some(i) if i.is_none() => vec![None; n],
            Some(i) => {
                let v: Vec<Option<String>> = i
                    .try_iter()?
                    .map(|x| -> PyResult<Option<String>> {
                        let x = x?;
                        if x.is_none() {
                            Ok(None)
                        } else {
                            Ok(Some(x.str()?.to_cow()?.into_owned()))
                        }
                    })
                    .collect::<PyResult<_>>()?;
                if v.len() != n {
                    return Err(PyValueError::new_err(format!(
                        "ids has {} items for {n} texts",
                        v.len()
                    )));
                }
                v
            }
        };
        let inputs: Vec<Input<'_>> = args
            .iter()
            .zip(refs)
            .zip(ids)
            .map(|((a, reference_date), id)| Input {
                id,
                text: a.text.as_str(),
                reference_date,
            })
            .collect();
        let nlp = &self.inner;
        // The result records are made on the worker threads too (crate::prepared): only the
        // Python objects are left for the GIL.
        let docs = py.detach(|| {
            guard(std::panic::AssertUnwindSafe(|| {
                nlp.process_batch_map(inputs, n_threads, crate::prepared::prepare)
            }))
        })?;
        docs.into_iter()
            .zip(&args)
            .map(|(d, a)| {
                let original = Some((a.py_str.clone().unbind(), a.lossy));
                new_document(py, Document::prepared(py, d, original))
            })
            .collect()
    }

    /// The gazetteers this pipeline matches with.
    #[getter]
    fn gazetteers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.gazetteers.iter().map(|g| g.clone_ref(py)))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Pipeline(gazetteers={}, reference_date={}, date_order='{}', direction='{}', entities={}, quantities={}, dates={})",
            self.gazetteers.len(),
            self.reference.bind(py).repr()?,
            self.date_order,
            self.direction,
            if self.entities { "True" } else { "False" },
            if self.quantities { "True" } else { "False" },
            if self.dates { "True" } else { "False" },
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let p = slf.get();
        let gazetteers = PyList::new(py, p.gazetteers.iter().map(|g| g.clone_ref(py)))?;
        let args = (
            gazetteers,
            p.reference.clone_ref(py),
            p.date_order.clone(),
            p.direction.clone(),
            p.entities,
            p.quantities,
            p.dates,
        );
        let restore = py.import("khabar._khabar")?.getattr("_restore_pipeline")?;
        PyTuple::new(py, [restore, args.into_pyobject(py)?.into_any()])
    }
}

/// Rebuilds a pickled `Pipeline`.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub(crate) fn _restore_pipeline(
    py: Python<'_>,
    gazetteers: &Bound<'_, PyAny>,
    reference: &Bound<'_, PyAny>,
    date_order: &str,
    direction: &str,
    entities: bool,
    quantities: bool,
    dates: bool,
) -> PyResult<Pipeline> {
    Pipeline::new(
        py,
        Some(gazetteers),
        ReferenceArg::Given(reference.clone()),
        date_order,
        direction,
        entities,
        quantities,
        dates,
    )
}

/// The default pipelines of `extract`: one without a reference-date policy, one with
/// `'auto'` (the Rust pipeline detects the date, so that logic lives in one place).
static DEFAULT: PyOnceLock<Py<Pipeline>> = PyOnceLock::new();
static DEFAULT_AUTO: PyOnceLock<Py<Pipeline>> = PyOnceLock::new();

fn default_pipeline<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<Pipeline>>,
    policy: ReferenceArg<'py>,
) -> PyResult<&'py Bound<'py, Pipeline>> {
    let nlp = cell.get_or_try_init(py, || -> PyResult<Py<Pipeline>> {
        Py::new(
            py,
            Pipeline::new(py, None, policy, "dmy", "past", true, true, true)?,
        )
    })?;
    Ok(nlp.bind(py))
}

/// Extracts everything from one text with the default pipeline (default gazetteer, all
/// extractors). ``reference_date``: ``'auto'`` (the default: the date the text states),
/// ``None`` or ``'none'``, ``'YYYY-MM-DD'`` or a ``datetime.date`` (README, "Reference dates").
///
/// >>> import khabar
/// >>> doc = khabar.extract("an estimated 4,000-6,000 IS-K fighters", reference_date="2019-08-01")
/// >>> doc.quantities[0].low, doc.quantities[0].high, doc.entities[0].id
/// (4000.0, 6000.0, 'ISKP')
#[pyfunction]
#[pyo3(
    signature = (text, reference_date = ReferenceArg::Default, *, id = None),
    text_signature = "(text, reference_date='auto', *, id=None)"
)]
pub(crate) fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    reference_date: ReferenceArg<'py>,
    id: Option<String>,
) -> PyResult<Bound<'py, Document>> {
    let reference_date = reference_date.value(py);
    let auto = reference_date
        .cast::<PyString>()
        .map_or(Ok(false), |s| s.to_cow().map(|s| s == "auto"))?;
    if auto {
        let nlp = default_pipeline(py, &DEFAULT_AUTO, ReferenceArg::Default)?;
        return nlp.get().__call__(py, text, None, id);
    }
    let none = ReferenceArg::Given(py.None().into_bound(py));
    default_pipeline(py, &DEFAULT, none)?
        .get()
        .__call__(py, text, Some(&reference_date), id)
}
