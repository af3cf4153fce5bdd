//! Result objects kept out of CPython's cycle collector.
//!
//! pyo3 gives every `#[pyclass]` the `Py_TPFLAGS_HAVE_GC` flag, so each `Token`,
//! `Sentence`, `Entity`, `Quantity`, `Temporal`, `NonQuantity` and `Event` khabar hands to
//! Python would be tracked by the cycle collector: every collection of its generation walks it, and hundreds of thousands
//! of them (a 10 MB corpus has ~180,000 sentences) make the full collections that a growing
//! heap triggers walk them again and again — ~15% of a whole `pipe` over the corpus with
//! every result read, and more in a notebook whose heap is already large.
//!
//! None of these objects can be part of a reference cycle, so the collector has nothing to
//! find in them. Each class is `frozen`, has no `__dict__` (users cannot attach attributes)
//! and holds only Rust data (a shared text included) and exact `str` objects, which
//! reference nothing. An object that
//! can close no cycle needs no tracking: CPython itself untracks tuples and dicts that hold
//! only atomic values for the same reason. Untracked objects are still reference-counted
//! and freed as soon as the last reference goes (the tests check both).
//!
//! [`Leaf`] marks the classes this holds for. A `Document` is untracked too when the `str`
//! it holds is exact ([`new_document`]); `Pipeline` and `Gazetteer` stay tracked.

use crate::document::Document;
use crate::events::Event;
use crate::nonquant::NonQuantity;
use crate::results::{Entity, Quantity, Temporal};
use crate::tokenize::{Sentence, Token};
use pyo3::PyClass;
use pyo3::prelude::*;
use pyo3::pyclass_init::PyClassInitializer;
use pyo3::types::PyList;
use std::sync::OnceLock;

/// A result class whose instances can be in no reference cycle: `frozen`, no `__dict__`,
/// and fields that are Rust data or exact `str` objects only. Implement it only for such
/// classes (see the module docs).
pub(crate) trait Leaf: PyClass + Into<PyClassInitializer<Self>> {}

impl Leaf for Token {}
impl Leaf for Sentence {}
impl Leaf for Entity {}
impl Leaf for Quantity {}
impl Leaf for Temporal {}
impl Leaf for NonQuantity {}
impl Leaf for Event {}

/// Moves `value` into a new Python object that the cycle collector does not track.
pub(crate) fn new_leaf<T: Leaf>(py: Python<'_>, value: T) -> PyResult<Bound<'_, T>> {
    let obj = Bound::new(py, value)?;
    untrack(obj.as_any());
    Ok(obj)
}

/// A Python list of new untracked objects, one per value.
pub(crate) fn leaf_list<T: Leaf>(
    py: Python<'_>,
    values: impl IntoIterator<Item = T>,
) -> PyResult<Bound<'_, PyList>> {
    let objects = values
        .into_iter()
        .map(|v| new_leaf(py, v))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// Moves `doc` into a new Python object, which the cycle collector does not track when the
/// text it holds is an exact `str`.
///
/// A `Document` is `frozen`, has no `__dict__`, and holds its text, Rust data and the
/// [`Leaf`] objects it has made (in [`LeafCache`]s, not in Python lists): with an exact `str`
/// nothing it holds can point back at it, so it can close no cycle, and `Pipeline.pipe`'s
/// thousands of documents are not walked by every collection. Given a `str` subclass (whose
/// instances may have a `__dict__`), it stays tracked.
pub(crate) fn new_document(py: Python<'_>, doc: Document) -> PyResult<Bound<'_, Document>> {
    let exact = doc.text_is_exact(py);
    let obj = Bound::new(py, doc)?;
    if exact {
        untrack(obj.as_any());
    }
    Ok(obj)
}

/// Takes `obj` out of the cycle collector's lists, if it is in them.
#[allow(unsafe_code)]
fn untrack(obj: &Bound<'_, PyAny>) {
    let ptr = obj.as_ptr();
    // SAFETY: `obj` is a `Bound`, so `ptr` points to a live object and this thread holds
    // the GIL, which both calls require (they read, and `PyObject_GC_UnTrack` unlinks, the
    // collector's per-object header and lists). `PyObject_GC_IsTracked` is defined for every
    // object: it returns 1 only for an object of a GC type (`Py_TPFLAGS_HAVE_GC`, which
    // pyo3 sets on every pyclass) that is currently tracked, so `PyObject_GC_UnTrack` only
    // ever sees an object that has the GC header it reads. Untracking is permitted at any
    // time for an object whose traversal the collector does not need; by the `Leaf`
    // contract these objects close no cycle, so nothing is leaked. pyo3's deallocator calls
    // `PyObject_GC_UnTrack` again before freeing; CPython makes a second call a no-op (it
    // tests the tracked bit first, which its trashcan mechanism relies on).
    unsafe {
        if pyo3::ffi::PyObject_GC_IsTracked(ptr) == 1 {
            pyo3::ffi::PyObject_GC_UnTrack(ptr.cast());
        }
    }
}

/// A result list of a `Document`, made on first access and then kept: the objects, not a
/// Python list, so that each access hands out a new list (a caller changing it does not
/// change the document) without copying a cached one, and no tracked container stays alive
/// per list for the cycle collector to walk.
///
/// Filling it never blocks while Python code can run: the objects are made outside the
/// cell (making them may run the cycle collector or release the GIL) and then stored; a
/// thread that loses a race drops its own copy and uses the stored one, which is equal.
pub(crate) struct LeafCache<T: Leaf>(OnceLock<Vec<Py<T>>>);

impl<T: Leaf> Default for LeafCache<T> {
    fn default() -> Self {
        LeafCache(OnceLock::new())
    }
}

impl<T: Leaf> LeafCache<T> {
    /// A new list of the cached objects, made by `make` on first use.
    pub(crate) fn list<'py>(
        &self,
        py: Python<'py>,
        make: impl FnOnce() -> PyResult<Vec<T>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let objects = match self.0.get() {
            Some(objects) => objects,
            None => {
                let made = make()?
                    .into_iter()
                    .map(|v| new_leaf(py, v).map(Bound::unbind))
                    .collect::<PyResult<Vec<_>>>()?;
                self.0.get_or_init(|| made)
            }
        };
        PyList::new(py, objects.iter().map(|o| o.bind(py)))
    }
}
