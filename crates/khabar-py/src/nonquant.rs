//! `khabar.non_quantities` and its result class `NonQuantity`: the numbers the quantity and
//! date extractors set aside (coordinates, phone numbers, numbered names, …), with reasons.

use crate::errors::guard;
use crate::leaf::leaf_list;
use crate::text::{PyText, TextView, char_spans};
use crate::text::{equality, reduce_to_new};
use khabar::numdate::nonquant::{NonQuantity as RsNonQuantity, non_quantities_tokens};
use khabar::tokenize::Token as RsToken;
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

/// The reasons, as ``NonQuantity.reason`` spells them.
const REASONS: [&str; 9] = [
    "coordinate",
    "phone",
    "identifier",
    "hull_number",
    "model_number",
    "numbered_name",
    "unit_name",
    "technical_spec",
    "page_furniture",
];

/// A number that is neither a quantity nor a date, and why:
/// ``text[n.start:n.end] == n.text``.
///
/// ``reason`` is one of ``'coordinate'``, ``'phone'``, ``'identifier'``, ``'hull_number'``,
/// ``'model_number'``, ``'numbered_name'``, ``'unit_name'``, ``'technical_spec'``,
/// ``'page_furniture'``.
///
/// >>> import khabar
/// >>> khabar.non_quantities("under Resolution 2593, 40 people")
/// [NonQuantity(17, 21, '2593', reason='numbered_name')]
#[pyclass(frozen, module = "khabar", name = "NonQuantity")]
pub struct NonQuantity {
    /// Start index in the `str` (code points).
    #[pyo3(get)]
    start: usize,
    /// End index in the `str` (code points, exclusive).
    #[pyo3(get)]
    end: usize,
    /// The text set aside.
    #[pyo3(get)]
    text: Py<PyString>,
    /// Why it is not a quantity.
    #[pyo3(get)]
    reason: &'static str,
}

#[pymethods]
impl NonQuantity {
    #[new]
    fn new(start: usize, end: usize, text: Py<PyString>, reason: &str) -> PyResult<Self> {
        let reason = REASONS.iter().find(|r| **r == reason).ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!(
                "unknown non-quantity reason {reason:?}; one of {}",
                REASONS.join(", ")
            ))
        })?;
        Ok(NonQuantity {
            start,
            end,
            text,
            reason,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "NonQuantity({}, {}, {}, reason='{}')",
            self.start,
            self.end,
            self.text.bind(py).repr()?,
            self.reason
        ))
    }

    fn __richcmp__(
        &self,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
        py: Python<'_>,
    ) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<NonQuantity>() else {
            return Ok(py.NotImplemented());
        };
        let o = other.get();
        let same = self.start == o.start
            && self.end == o.end
            && self.reason == o.reason
            && PyAnyMethods::eq(self.text.bind(py).as_any(), o.text.bind(py))?;
        equality(py, op, same)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        PyTuple::new(py, [self.start, self.end])?.hash()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let n = slf.get();
        let args = (n.start, n.end, n.text.clone_ref(py), n.reason);
        reduce_to_new(slf.as_any(), args.into_pyobject(py)?.into_any())
    }

    /// The number set aside as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text.bind(py))?;
        d.set_item("reason", self.reason)?;
        Ok(d)
    }
}

/// Python objects for the non-quantities of one text.
fn py_non_quantities(
    view: TextView<'_, '_>,
    found: &[RsNonQuantity],
) -> PyResult<Vec<NonQuantity>> {
    let spans = char_spans(view.rust, found.iter().map(|n| n.span));
    found
        .iter()
        .zip(spans)
        .map(|(n, (start, end))| {
            Ok(NonQuantity {
                start,
                end,
                text: view.slice(n.span, start, end)?.unbind(),
                reason: n.reason.as_str(),
            })
        })
        .collect()
}

/// The non-quantities of a text already tokenized (a `Document`'s), as a Python list.
pub(crate) fn non_quantity_list<'py>(
    py: Python<'py>,
    view: TextView<'_, 'py>,
    tokens: &[RsToken],
) -> PyResult<Bound<'py, PyList>> {
    let text = view.rust;
    let found = py.detach(|| guard(|| non_quantities_tokens(text, tokens)))?;
    leaf_list(py, py_non_quantities(view, &found)?)
}

/// The numbers of ``text`` that are neither quantities nor dates, with the reason each was
/// set aside (``list[NonQuantity]``, in text order): coordinates, phone numbers, codes,
/// hull and model numbers, numbered names ("Resolution 2593", "World War 2"), military
/// unit names, technical specifications and page furniture.
///
/// >>> import khabar
/// >>> [(n.text, n.reason) for n in khabar.non_quantities("HMS Dragon (D 35) sailed to 34°31′N 69°10′E.")]
/// [('35', 'hull_number'), ('34°31′N 69°10′E', 'coordinate')]
///
/// Raises ``TypeError`` if ``text`` is not a ``str`` and ``khabar.InputError`` (a ``ValueError``)
/// if it holds a lone surrogate. The GIL is released while Rust works.
#[pyfunction]
pub fn non_quantities<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let arg = PyText::extract(text, "text")?;
    let t: &str = &arg.text;
    let tokens = py.detach(|| guard(|| khabar::tokenize::tokenize(t)))?;
    non_quantity_list(py, arg.view(), &tokens)
}
