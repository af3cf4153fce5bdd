//! `khabar.Gazetteer`: load, match, save.

use crate::errors::{gazetteer_err, guard};
use crate::leaf::leaf_list;
use crate::prepared::Item;
use crate::results::{Entity, json_loads};
use crate::text::{Utf8Arg, type_name};
use khabar::tokenize::CharCursor;
use khabar::{EntityRecord, Offsets};
use khabar_gazetteer::{Entry, Gazetteer as RsGazetteer, GazetteerBuilder};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// The gazetteer a Python object holds: the shared default one, or its own.
#[derive(Clone)]
pub(crate) enum Handle {
    Default(&'static RsGazetteer),
    Owned(Arc<RsGazetteer>),
}

impl Handle {
    pub(crate) fn get(&self) -> &RsGazetteer {
        match self {
            Handle::Default(g) => g,
            Handle::Owned(g) => g,
        }
    }
}

/// A compiled gazetteer: entries (id, canonical name, label, aliases, attributes) matched
/// over text as whole tokens, case- and typography-insensitively, leftmost-longest.
///
/// >>> import khabar
/// >>> gz = khabar.Gazetteer.from_entries([
/// ...     {"id": "AF-JOW", "name": "Jowzjan", "label": "GPE", "aliases": ["Jawzjan", "Jozjan"], "country": "AF"},
/// ... ])
/// >>> [(e.text, e.canonical, e.attrs["country"]) for e in gz.find("northern Jawzjan province")]
/// [('Jawzjan', 'Jowzjan', 'AF')]
/// >>> len(gz), "AF-JOW" in gz
/// (1, True)
#[pyclass(frozen, module = "khabar", name = "Gazetteer")]
pub struct Gazetteer {
    pub(crate) handle: Handle,
    /// Finds and resolves entities, sharing each entry's resolution between mentions.
    matcher: khabar::EntityMatcher,
}

impl Gazetteer {
    pub(crate) fn wrap(handle: Handle) -> Gazetteer {
        let matcher = match &handle {
            Handle::Default(g) => khabar::EntityMatcher::with_static(g),
            Handle::Owned(g) => khabar::EntityMatcher::new(Arc::clone(g)),
        };
        Gazetteer { handle, matcher }
    }
}

fn build(
    py: Python<'_>,
    f: impl FnOnce(&mut GazetteerBuilder) -> khabar_gazetteer::Result<()> + Send,
) -> PyResult<Gazetteer> {
    let built = py.detach(|| {
        guard(std::panic::AssertUnwindSafe(|| {
            let mut b = GazetteerBuilder::new();
            f(&mut b)?;
            b.build()
        }))
    })?;
    let gz = built.map_err(|e| gazetteer_err(py, e))?;
    Ok(Gazetteer::wrap(Handle::Owned(Arc::new(gz))))
}

pub(crate) fn find_in<'py>(
    py: Python<'py>,
    gz: &khabar::EntityMatcher,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let arg = Utf8Arg::extract(text, "text")?;
    let t = arg.as_str()?;
    let records = py.detach(|| guard(std::panic::AssertUnwindSafe(|| records(gz, t))))?;
    leaf_list(py, entities(records))
}

/// The schema records of the entities in `text`, `str` offsets included (no GIL needed).
///
/// The entities come in text order, so a [`CharCursor`] converts their offsets counting only
/// the chars up to the last one: no offsets table over the whole text (a long text has few
/// mentions).
fn records(gz: &khabar::EntityMatcher, text: &str) -> Vec<EntityRecord> {
    let mut cursor = CharCursor::new(text);
    gz.find(text)
        .into_iter()
        .map(|e| {
            let (start, end) = cursor.char_span(e.span).unwrap_or((0, 0));
            let span = Offsets {
                start,
                end,
                byte_start: e.span.start,
                byte_end: e.span.end,
            };
            EntityRecord::with_offsets(span, e)
        })
        .collect()
}

/// The result objects of `records`, sharing them.
fn entities(records: Vec<EntityRecord>) -> Vec<Entity> {
    let list = Arc::new(records);
    Item::all(&list).map(|rec| Entity { rec }).collect()
}

/// What `khabar.Gazetteer()` says: a gazetteer is made by one of the named constructors.
pub(crate) const NO_CONSTRUCTOR: &str = "khabar.Gazetteer() takes no arguments and builds nothing: \
use Gazetteer.default(), Gazetteer.from_csv(path), Gazetteer.from_tsv(path), \
Gazetteer.from_jsonl(path), Gazetteer.from_entries(entries) or Gazetteer.load(path)";

#[pymethods]
impl Gazetteer {
    /// Not a constructor: raises ``TypeError`` naming the ones there are.
    #[new]
    #[pyo3(signature = (*args, **kwargs))]
    fn py_new(
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, pyo3::types::PyDict>>,
    ) -> PyResult<Gazetteer> {
        let _ = (args, kwargs);
        Err(PyTypeError::new_err(NO_CONSTRUCTOR))
    }

    /// The default gazetteer for conflict reporting (organisations, places, NORP, persons),
    /// compiled once per process.
    ///
    /// >>> import khabar
    /// >>> gz = khabar.Gazetteer.default()
    /// >>> gz.find("ISIS-K")[0].canonical
    /// 'Islamic State Khorasan Province'
    #[staticmethod]
    pub(crate) fn default(py: Python<'_>) -> PyResult<Gazetteer> {
        let gz = py
            .detach(|| guard(RsGazetteer::default_gazetteer))?
            .map_err(|e| crate::errors::KhabarError::new_err(format!("default gazetteer: {e}")))?;
        Ok(Gazetteer::wrap(Handle::Default(gz)))
    }

    /// Loads a CSV file with a header (``id,name,label,aliases,...``; aliases ``|``-separated).
    /// A malformed row raises ``GazetteerError`` naming file, line and column.
    #[staticmethod]
    #[pyo3(signature = (path, *, strip_diacritics = false))]
    fn from_csv(py: Python<'_>, path: PathBuf, strip_diacritics: bool) -> PyResult<Gazetteer> {
        build(py, move |b| {
            b.strip_diacritics(strip_diacritics)
                .add_csv_path(&path)
                .map(|_| ())
        })
    }

    /// Loads a TSV file with the same header as ``from_csv``.
    #[staticmethod]
    #[pyo3(signature = (path, *, strip_diacritics = false))]
    fn from_tsv(py: Python<'_>, path: PathBuf, strip_diacritics: bool) -> PyResult<Gazetteer> {
        build(py, move |b| {
            b.strip_diacritics(strip_diacritics)
                .add_tsv_path(&path)
                .map(|_| ())
        })
    }

    /// Loads a JSON Lines file: one entry object per line.
    #[staticmethod]
    #[pyo3(signature = (path, *, strip_diacritics = false))]
    fn from_jsonl(py: Python<'_>, path: PathBuf, strip_diacritics: bool) -> PyResult<Gazetteer> {
        build(py, move |b| {
            b.strip_diacritics(strip_diacritics)
                .add_jsonl_path(&path)
                .map(|_| ())
        })
    }

    /// Builds a gazetteer from entry dicts (keys as in ``iter(gazetteer)``: ``id``, ``name``,
    /// ``label``, and optionally ``aliases``, ``case_sensitive``, ``country``, ``parent``,
    /// ``lat``, ``lon``, ``wikidata``, ``priority``, ``attrs``).
    #[staticmethod]
    #[pyo3(signature = (entries, *, strip_diacritics = false))]
    fn from_entries(
        py: Python<'_>,
        entries: &Bound<'_, PyAny>,
        strip_diacritics: bool,
    ) -> PyResult<Gazetteer> {
        let dumps = py.import("json")?.getattr("dumps")?;
        let list = PyList::new(py, entries.try_iter()?.collect::<PyResult<Vec<_>>>()?)?;
        let json: String = dumps.call1((list,))?.extract()?;
        let parsed: Vec<Entry> = serde_json::from_str(&json)
            .map_err(|e| crate::errors::gazetteer_msg(py, format!("invalid entry: {e}")))?;
        build(py, move |b| {
            b.strip_diacritics(strip_diacritics);
            for e in parsed {
                b.add(e)?;
            }
            Ok(())
        })
    }

    /// Loads a compiled gazetteer written by ``save``.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Gazetteer> {
        let gz = py
            .detach(|| guard(|| RsGazetteer::load(&path)))?
            .map_err(|e| gazetteer_err(py, e))?;
        Ok(Gazetteer::wrap(Handle::Owned(Arc::new(gz))))
    }

    /// Writes the compiled gazetteer (faster to load than to build).
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let gz = self.handle.get();
        py.detach(|| gz.save(&path))
            .map_err(|e| gazetteer_err(py, e))
    }

    /// The compiled gazetteer as bytes.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = self
            .handle
            .get()
            .to_bytes()
            .map_err(|e| gazetteer_err(py, e))?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// A gazetteer from ``to_bytes()`` output.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Gazetteer> {
        let gz = guard(|| RsGazetteer::from_bytes(data))?.map_err(|e| gazetteer_err(py, e))?;
        Ok(Gazetteer::wrap(Handle::Owned(Arc::new(gz))))
    }

    /// Every entity mention in ``text`` (``list[Entity]``), leftmost-longest.
    fn find<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        find_in(py, &self.matcher, text)
    }

    /// ``find`` over many texts in parallel (GIL released); results in input order.
    #[pyo3(signature = (texts, *, n_threads = None))]
    fn find_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let args: Vec<Utf8Arg<'_>> = texts
            .try_iter()?
            .map(|t| Utf8Arg::extract(&t?, "each text"))
            .collect::<PyResult<_>>()?;
        let strs: Vec<&str> = args.iter().map(Utf8Arg::as_str).collect::<PyResult<_>>()?;
        let gz = &self.matcher;
        let run = || strs.par_iter().map(|t| records(gz, t)).collect::<Vec<_>>();
        let found = py.detach(|| {
            guard(std::panic::AssertUnwindSafe(|| match n_threads {
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_or_else(|_| run(), |p| p.install(run)),
                None => run(),
            }))
        })?;
        let lists = found
            .into_iter()
            .map(|recs| leaf_list(py, entities(recs)))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, lists)
    }

    /// The entry with this id as a dict, or ``None``.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.handle
            .get()
            .get(id)
            .map(|e| entry_dict(py, &e.to_entry()))
            .transpose()
    }

    /// Whether the bundled default gazetteer is this one.
    #[getter]
    fn is_default(&self) -> bool {
        matches!(self.handle, Handle::Default(_))
    }

    /// Total number of aliases.
    #[getter]
    fn alias_count(&self) -> usize {
        self.handle.get().alias_count()
    }

    fn __len__(&self) -> usize {
        self.handle.get().len()
    }

    fn __contains__(&self, id: &Bound<'_, PyAny>) -> bool {
        id.extract::<String>()
            .is_ok_and(|id| self.handle.get().get(&id).is_some())
    }

    /// Iterates over the entries as dicts.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let entries: Vec<Entry> = self.handle.get().entries().map(|e| e.to_entry()).collect();
        let json =
            serde_json::to_string(&entries).map_err(|e| PyValueError::new_err(e.to_string()))?;
        json_loads(py, &json)?.try_iter().map(|i| i.into_any())
    }

    fn __repr__(&self) -> String {
        let g = self.handle.get();
        format!(
            "Gazetteer(entries={}, aliases={}, default={})",
            g.len(),
            g.alias_count(),
            self.is_default()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let cls = slf.get_type();
        if slf.get().is_default() {
            return PyTuple::new(py, [cls.getattr("default")?, PyTuple::empty(py).into_any()]);
        }
        let bytes = slf.get().to_bytes(py)?;
        PyTuple::new(
            py,
            [
                cls.getattr("from_bytes")?,
                PyTuple::new(py, [bytes])?.into_any(),
            ],
        )
    }
}

fn entry_dict<'py>(py: Python<'py>, e: &Entry) -> PyResult<Bound<'py, PyAny>> {
    crate::results::to_py(py, e)
}

/// Gazetteers passed to `Pipeline(gazetteers=...)`: each must be a `Gazetteer`.
pub(crate) fn extract_gazetteers(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Py<Gazetteer>>> {
    obj.try_iter()?
        .map(|g| {
            let g = g?;
            g.cast::<Gazetteer>()
                .map(|b| b.clone().unbind())
                .map_err(|_| {
                    PyTypeError::new_err(format!(
                        "gazetteers must be khabar.Gazetteer objects, not {}",
                        type_name(&g)
                    ))
                })
        })
        .collect()
}
