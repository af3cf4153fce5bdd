//! Python `str` arguments: type checking, UTF-8 access, and result texts that always equal
//! the slice of the original string.

use khabar_tokenize::{CharOffsets, Span};
use pyo3::PyClass;
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PySlice, PyString};
use std::sync::Arc;

/// A Python `str` argument seen as Rust text.
///
/// Python strings may hold lone surrogates (U+D800..U+DFFF), which have no UTF-8 form. Such a
/// string is refused with `khabar.InputError` naming the index of the first one, rather than
/// silently altered: an analyst's text is never changed behind their back. (`lossy` is kept
/// for [`TextView`], which can slice result texts from the Python string; it is now always
/// false.)
pub(crate) struct PyText<'py> {
    pub(crate) py_str: Bound<'py, PyString>,
    pub(crate) text: String,
    /// True when `text` differs from the Python string (never, since lone surrogates are
    /// refused).
    pub(crate) lossy: bool,
}

/// The `str` index and code point of the first lone surrogate in a string that failed to
/// encode as UTF-8.
///
/// `surrogatepass` encodes a surrogate as the three bytes `ED A0..BF 80..BF`; every other
/// code point is valid UTF-8, so counting the bytes that start a character gives the index.
fn first_surrogate(py_str: &Bound<'_, PyString>) -> PyResult<Option<(usize, u32)>> {
    let encoded = py_str.call_method1("encode", ("utf-8", "surrogatepass"))?;
    let bytes: Vec<u8> = encoded.extract()?;
    let mut index = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0xED {
            if let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2)) {
                if b1 & 0xE0 == 0xA0 {
                    let cp = 0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                    return Ok(Some((index, cp)));
                }
            }
        }
        if b & 0xC0 != 0x80 {
            index += 1;
        }
    }
    Ok(None)
}

/// The `InputError` for a string that cannot be encoded as UTF-8.
fn surrogate_error(py_str: &Bound<'_, PyString>, what: &str, cause: PyErr) -> PyErr {
    let py = py_str.py();
    match first_surrogate(py_str) {
        Ok(Some((index, cp))) => {
            let err = crate::errors::input_err(
                py,
                format!(
                    "{what} has a lone surrogate U+{cp:04X} at index {index}; khabar needs text \
                     that is valid Unicode (to keep offsets, replace surrogates first: \
                     re.sub('[\\ud800-\\udfff]', '\\ufffd', text))"
                ),
            );
            err.set_cause(py, Some(cause));
            err
        }
        // Not a surrogate after all: report Python's own error.
        _ => cause,
    }
}

/// The type name of a Python object, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_owned())
}

impl<'py> PyText<'py> {
    /// Accepts only `str` (and its subclasses); anything else is a `TypeError` naming the type.
    pub(crate) fn extract(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Self> {
        let py_str = obj
            .cast::<PyString>()
            .map_err(|_| {
                PyTypeError::new_err(format!("{what} must be str, not {}", type_name(obj)))
            })?
            .clone();
        // `to_cow` fails only on lone surrogates.
        let text = match py_str.to_cow() {
            Ok(s) => s.into_owned(),
            Err(e) => return Err(surrogate_error(&py_str, what, e)),
        };
        Ok(PyText {
            py_str,
            text,
            lossy: false,
        })
    }
}

/// The UTF-8 form of a `str` argument, for a caller that only reads the text while the
/// argument lives: Python's own encoding of it (one copy, made by CPython), read in place,
/// where [`PyText::extract`] copies it once more into a Rust `String`. Refuses what
/// [`PyText::extract`] refuses, with the same errors.
pub(crate) struct Utf8Arg<'py> {
    bytes: Bound<'py, PyBytes>,
}

impl<'py> Utf8Arg<'py> {
    /// Accepts only `str` (and its subclasses), as [`PyText::extract`].
    pub(crate) fn extract(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Self> {
        let py_str = obj.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("{what} must be str, not {}", type_name(obj)))
        })?;
        // `encode_utf8` fails only on lone surrogates.
        match py_str.encode_utf8() {
            Ok(bytes) => Ok(Utf8Arg { bytes }),
            Err(e) => Err(surrogate_error(py_str, what, e)),
        }
    }

    /// The text (Python's UTF-8 encoder only makes valid UTF-8, so this never fails
    /// in practice; the check is there to hold without `unsafe`).
    pub(crate) fn as_str(&self) -> PyResult<&str> {
        std::str::from_utf8(self.bytes.as_bytes())
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }
}

/// A `str` argument whose Rust text the results share (see [`SpanText`]).
pub(crate) struct SharedArg<'py> {
    py_str: Bound<'py, PyString>,
    lossy: bool,
    /// The Rust text, moved (not copied) from the argument.
    pub(crate) text: Arc<dyn SharedText>,
}

impl<'py> SharedArg<'py> {
    /// Accepts what [`PyText::extract`] accepts.
    pub(crate) fn extract(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Self> {
        let arg = PyText::extract(obj, what)?;
        Ok(SharedArg {
            py_str: arg.py_str,
            lossy: arg.lossy,
            text: Arc::new(arg.text),
        })
    }

    /// A view whose results hold the shared text.
    pub(crate) fn view(&self) -> TextView<'_, 'py> {
        TextView {
            rust: self.text.as_text(),
            py_str: &self.py_str,
            lossy: self.lossy,
            shared: Some(&self.text),
        }
    }
}

/// The Rust text of a Python string and the string itself.
#[derive(Clone, Copy)]
pub(crate) struct TextView<'a, 'py> {
    pub(crate) rust: &'a str,
    pub(crate) py_str: &'a Bound<'py, PyString>,
    pub(crate) lossy: bool,
    /// The text shared with the results, when they may hold it (`rust` is its text).
    pub(crate) shared: Option<&'a Arc<dyn SharedText>>,
}

impl<'py> TextView<'_, 'py> {
    /// The text of a result as a Python `str`: made from the Rust text, or sliced from the
    /// Python string (by `str` indices) when the two differ.
    pub(crate) fn slice(
        &self,
        byte_span: Span,
        start: usize,
        end: usize,
    ) -> PyResult<Bound<'py, PyString>> {
        let py = self.py_str.py();
        if self.lossy {
            let slice = PySlice::new(py, to_isize(start), to_isize(end), 1);
            return Ok(self
                .py_str
                .as_any()
                .get_item(slice)?
                .cast_into::<PyString>()?);
        }
        Ok(PyString::new(py, byte_span.slice(self.rust).unwrap_or("")))
    }

    /// The piece of the text at `byte_span` (`start..end` in `str` indices): holding the
    /// shared text when there is one (its `str` made on access), else its own `str`.
    pub(crate) fn piece(&self, byte_span: Span, start: usize, end: usize) -> PyResult<Piece> {
        let text = match self.shared {
            Some(shared) if !self.lossy => SpanText::Shared(Arc::clone(shared), byte_span),
            _ => SpanText::Given(self.slice(byte_span, start, end)?.unbind()),
        };
        Ok(Piece { start, end, text })
    }
}

/// `str` indices always fit `isize` (Python's own limit on sequence length).
fn to_isize(i: usize) -> isize {
    isize::try_from(i).unwrap_or(isize::MAX)
}

/// Converts byte spans to `str` index pairs for one text (linear overall).
pub(crate) fn char_spans(text: &str, spans: impl Iterator<Item = Span>) -> Vec<(usize, usize)> {
    let conv = CharOffsets::new(text);
    spans.map(|s| conv.char_span(s).unwrap_or((0, 0))).collect()
}

/// The result of `__eq__`/`__ne__` for two objects of one class that are `same` or not;
/// other comparisons are not implemented.
pub(crate) fn equality(py: Python<'_>, op: CompareOp, same: bool) -> PyResult<Py<PyAny>> {
    let answer = match op {
        CompareOp::Eq => same,
        CompareOp::Ne => !same,
        _ => return Ok(py.NotImplemented()),
    };
    Ok(answer.into_pyobject(py)?.to_owned().into_any().unbind())
}

/// `__reduce__` for a class whose constructor takes `args`: `(type(obj), args)`.
pub(crate) fn reduce_to_new<'py>(
    obj: &Bound<'py, PyAny>,
    args: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
    pyo3::types::PyTuple::new(obj.py(), [obj.get_type().into_any(), args])
}

/// A text that result objects share, each holding a span of it: the `str` of a result is
/// made when Python asks for it, not when the result is made.
pub(crate) trait SharedText: Send + Sync {
    /// The whole text.
    fn as_text(&self) -> &str;
}

impl SharedText for khabar::Document {
    fn as_text(&self) -> &str {
        &self.text
    }
}

impl SharedText for String {
    fn as_text(&self) -> &str {
        self
    }
}

/// The text of a result object: a `str` given to its constructor (an unpickled object),
/// or a byte span of a shared text.
pub(crate) enum SpanText {
    Given(Py<PyString>),
    Shared(Arc<dyn SharedText>, Span),
}

impl SpanText {
    /// The text as a Python `str`.
    pub(crate) fn get<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        match self {
            SpanText::Given(s) => s.bind(py).clone(),
            SpanText::Shared(src, span) => {
                PyString::new(py, span.slice(src.as_text()).unwrap_or(""))
            }
        }
    }
}

/// What `Token`, `Sentence` and `NonQuantity` have in common: a piece of the text with its
/// `str` indices. Their comparison, hashing, pickling, dicts and reprs start from it.
pub(crate) struct Piece {
    /// Start index in the `str` (code points).
    pub(crate) start: usize,
    /// End index in the `str` (code points, exclusive).
    pub(crate) end: usize,
    /// The piece's text.
    pub(crate) text: SpanText,
}

impl Piece {
    /// A piece whose text was given as a `str`.
    pub(crate) fn given(start: usize, end: usize, text: Py<PyString>) -> Piece {
        Piece {
            start,
            end,
            text: SpanText::Given(text),
        }
    }

    /// `NAME(start, end, 'text'` — a repr without its closing parenthesis.
    pub(crate) fn repr_head(&self, py: Python<'_>, name: &str) -> PyResult<String> {
        Ok(format!(
            "{name}({}, {}, {}",
            self.start,
            self.end,
            self.text.get(py).repr()?
        ))
    }

    /// Whether the two pieces have the same place and text.
    pub(crate) fn same(&self, py: Python<'_>, other: &Piece) -> PyResult<bool> {
        Ok(self.start == other.start
            && self.end == other.end
            && PyAnyMethods::eq(self.text.get(py).as_any(), other.text.get(py))?)
    }

    /// The hash of `(start, end)`.
    pub(crate) fn hash(&self, py: Python<'_>) -> PyResult<isize> {
        pyo3::types::PyTuple::new(py, [self.start, self.end])?.hash()
    }

    /// A dict of ``start``, ``end`` and ``text``, for the caller to add its own keys to.
    pub(crate) fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text.get(py))?;
        Ok(d)
    }
}

/// `__richcmp__` for a piece class: equality by `same`, other classes not implemented.
pub(crate) fn compare_pieces<T>(
    py: Python<'_>,
    this: &T,
    other: &Bound<'_, PyAny>,
    op: CompareOp,
    same: impl FnOnce(&T, &T) -> PyResult<bool>,
) -> PyResult<Py<PyAny>>
where
    T: PyClass<Frozen = pyo3::pyclass::boolean_struct::True> + Sync,
{
    let Ok(other) = other.cast::<T>() else {
        return Ok(py.NotImplemented());
    };
    let same = same(this, other.get())?;
    equality(py, op, same)
}
