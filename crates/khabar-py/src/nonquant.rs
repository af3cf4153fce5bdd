//! `khabar.non_quantities` and its result class `NonQuantity`: the numbers the quantity and
//! date extractors set aside (coordinates, phone numbers, numbered names, …), with reasons.

use crate::errors::guard;
use crate::leaf::leaf_list;
use crate::text::{Piece, SharedArg, TextView, char_spans};
use crate::text::{compare_pieces, reduce_to_new};
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
    piece: Piece,
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
            piece: Piece::given(start, end, text),
            reason,
        })
    }

    /// Start index in the `str` (code points).
    #[getter]
    fn start(&self) -> usize {
        self.piece.start
    }
    /// End index in the `str` (code points, exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.piece.end
    }
    /// The text set aside.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.piece.text.get(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let head = self.piece.repr_head(py, "NonQuantity")?;
        Ok(format!("{head}, reason='{}')", self.reason))
    }

    fn __richcmp__(
        &self,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
        py: Python<'_>,
    ) -> PyResult<Py<PyAny>> {
        compare_pieces(py, self, other, op, |a, b| {
            Ok(a.reason == b.reason && a.piece.same(py, &b.piece)?)
        })
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.piece.hash(py)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let n = slf.get();
        let p = &n.piece;
        let args = (p.start, p.end, p.text.get(py), n.reason);
        reduce_to_new(slf.as_any(), args.into_pyobject(py)?.into_any())
    }

    /// The number set aside as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = self.piece.dict(py)?;
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
                piece: view.piece(n.span, start, end)?,
                reason: n.reason.as_str(),
            })
        })
        .collect()
}

/// The non-quantities of a text already tokenized (a `Document`'s), found with the GIL
/// released.
pub(crate) fn py_non_quantities_of(
    py: Python<'_>,
    view: TextView<'_, '_>,
    tokens: &[RsToken],
) -> PyResult<Vec<NonQuantity>> {
    let text = view.rust;
    let found = py.detach(|| guard(|| non_quantities_tokens(text, tokens)))?;
    py_non_quantities(view, &found)
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
    let arg = SharedArg::extract(text, "text")?;
    let t = arg.text.as_text();
    let tokens = py.detach(|| guard(|| khabar::tokenize::tokenize(t)))?;
    leaf_list(py, py_non_quantities_of(py, arg.view(), &tokens)?)
}
