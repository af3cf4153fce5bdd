//! khabar's Python exceptions, mapped from the Rust error enums, and the panic guard.
//!
//! ```text
//! KhabarError(Exception)
//! ├── GazetteerError(KhabarError, ValueError)      a bad gazetteer row, id, alias, file
//! ├── ReferenceDateError(KhabarError, ValueError)  a reference date that is not YYYY-MM-DD
//! ├── DocumentError(KhabarError, ValueError)       a serialized document that cannot be read
//! ├── InputError(KhabarError, ValueError)          text khabar cannot read (a lone surrogate)
//! └── InternalError(KhabarError)                   a bug in khabar (a caught Rust panic)
//! ```
//! A gazetteer file that does not exist raises Python's own `FileNotFoundError` (other I/O
//! failures `OSError`), with the path in the message.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyFileNotFoundError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

create_exception!(
    khabar,
    KhabarError,
    PyException,
    "Base class of every error khabar raises."
);
create_exception!(
    khabar,
    InternalError,
    KhabarError,
    "A bug in khabar: Rust code panicked. The message says where; please report it."
);

static GAZETTEER_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static REFERENCE_DATE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DOCUMENT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A subclass of both `KhabarError` and `ValueError`, made once per interpreter.
fn value_error_type<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
    doc: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    let ty = cell.get_or_try_init(py, || -> PyResult<Py<PyType>> {
        let bases = PyTuple::new(
            py,
            [py.get_type::<KhabarError>(), py.get_type::<PyValueError>()],
        )?;
        let ns = PyDict::new(py);
        ns.set_item("__module__", "khabar")?;
        ns.set_item("__doc__", doc)?;
        let ty = py.get_type::<PyType>().call1((name, bases, ns))?;
        Ok(ty.cast_into::<PyType>()?.unbind())
    })?;
    Ok(ty.bind(py))
}

pub(crate) fn gazetteer_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    value_error_type(
        py,
        &GAZETTEER_ERROR,
        "GazetteerError",
        "A gazetteer could not be loaded or built: a malformed row (the message names file, line and column), an empty alias, a duplicate id, an unknown parent.",
    )
}

pub(crate) fn reference_date_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    value_error_type(
        py,
        &REFERENCE_DATE_ERROR,
        "ReferenceDateError",
        "A reference date that is not 'auto', None, a datetime.date or a YYYY-MM-DD string of a real calendar date.",
    )
}

pub(crate) fn document_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    value_error_type(
        py,
        &DOCUMENT_ERROR,
        "DocumentError",
        "A serialized document that does not follow khabar's document schema.",
    )
}

pub(crate) fn input_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    value_error_type(
        py,
        &INPUT_ERROR,
        "InputError",
        "Text khabar cannot process: a str holding a lone surrogate (U+D800..U+DFFF), which has no UTF-8 form. The message gives the index of the first one.",
    )
}

/// An `InputError` with the given message.
pub(crate) fn input_err(py: Python<'_>, msg: String) -> PyErr {
    raise(input_error(py), msg)
}

fn raise(ty: PyResult<&Bound<'_, PyType>>, msg: String) -> PyErr {
    match ty {
        Ok(ty) => PyErr::from_type(ty.clone(), msg),
        Err(e) => e,
    }
}

/// Maps a gazetteer error to its Python exception.
pub(crate) fn gazetteer_err(py: Python<'_>, e: khabar_gazetteer::Error) -> PyErr {
    if let khabar_gazetteer::Error::Io { source, .. } = &e {
        return match source.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(e.to_string()),
            _ => PyOSError::new_err(e.to_string()),
        };
    }
    raise(gazetteer_error(py), e.to_string())
}

/// A `GazetteerError` with a message of khabar-py's own (e.g. an entry dict of the wrong shape).
pub(crate) fn gazetteer_msg(py: Python<'_>, msg: String) -> PyErr {
    raise(gazetteer_error(py), msg)
}

/// Maps a pipeline error to its Python exception.
pub(crate) fn khabar_err(py: Python<'_>, e: khabar::Error) -> PyErr {
    match e {
        khabar::Error::Gazetteer(g) => gazetteer_err(py, g),
        khabar::Error::Date(d) => raise(reference_date_error(py), d.to_string()),
        other @ (khabar::Error::Json(_)
        | khabar::Error::Schema { .. }
        | khabar::Error::Invalid(_)) => raise(document_error(py), other.to_string()),
        other => KhabarError::new_err(other.to_string()),
    }
}

/// A reference-date error naming the offending value.
pub(crate) fn reference_date_err(py: Python<'_>, msg: String) -> PyErr {
    raise(reference_date_error(py), msg)
}

/// Runs Rust work, turning a panic (a bug) into `InternalError` so that no panic ever
/// crosses into Python.
pub(crate) fn guard<T>(f: impl FnOnce() -> T + std::panic::UnwindSafe) -> PyResult<T> {
    std::panic::catch_unwind(f).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        InternalError::new_err(format!("internal error in khabar (please report): {msg}"))
    })
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("KhabarError", py.get_type::<KhabarError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    m.add("GazetteerError", gazetteer_error(py)?)?;
    m.add("ReferenceDateError", reference_date_error(py)?)?;
    m.add("DocumentError", document_error(py)?)?;
    m.add("InputError", input_error(py)?)?;
    Ok(())
}
