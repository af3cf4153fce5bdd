//! `khabar.tokenize`, `khabar.sentences` and their result classes.

use crate::errors::guard;
use crate::leaf::leaf_list;
use crate::text::{Piece, compare_pieces, reduce_to_new};
use crate::text::{SharedArg, TextView, char_spans};
use khabar_tokenize::{Sentence as RsSentence, Token as RsToken, Tokenizer};
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

/// A word token: ``text[token.start:token.end] == token.text``.
///
/// >>> import khabar
/// >>> khabar.tokenize("Kabul’s")[0]
/// Token(0, 5, 'Kabul', kind='word')
/// >>> khabar.tokenize("Kabul’s")[1].norm
/// "'s"
#[pyclass(frozen, module = "khabar", name = "Token")]
pub struct Token {
    piece: Piece,
    /// The kind: "word", "number", "time", "date", "url", "email", "hashtag", "mention",
    /// "punct" or "symbol".
    #[pyo3(get)]
    kind: &'static str,
    /// The normalized form (case- and typography-folded; numbers without separators).
    #[pyo3(get)]
    norm: String,
}

fn kind_from_str(kind: &str) -> PyResult<&'static str> {
    const KINDS: [&str; 10] = [
        "word", "number", "time", "date", "url", "email", "hashtag", "mention", "punct", "symbol",
    ];
    KINDS.iter().find(|k| **k == kind).copied().ok_or_else(|| {
        pyo3::exceptions::PyValueError::new_err(format!("unknown token kind {kind:?}"))
    })
}

#[pymethods]
impl Token {
    #[new]
    #[pyo3(signature = (start, end, text, kind, norm))]
    fn new(
        start: usize,
        end: usize,
        text: Py<PyString>,
        kind: &str,
        norm: String,
    ) -> PyResult<Self> {
        Ok(Token {
            piece: Piece::given(start, end, text),
            kind: kind_from_str(kind)?,
            norm,
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
    /// The token's text.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.piece.text.get(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let head = self.piece.repr_head(py, "Token")?;
        Ok(format!("{head}, kind='{}')", self.kind))
    }

    fn __richcmp__(
        &self,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
        py: Python<'_>,
    ) -> PyResult<Py<PyAny>> {
        compare_pieces(py, self, other, op, |a, b| {
            Ok(a.kind == b.kind && a.norm == b.norm && a.piece.same(py, &b.piece)?)
        })
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.piece.hash(py)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let t = slf.get();
        let p = &t.piece;
        let args = (p.start, p.end, p.text.get(py), t.kind, t.norm.clone());
        reduce_to_new(slf.as_any(), args.into_pyobject(py)?.into_any())
    }

    /// The token as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = self.piece.dict(py)?;
        d.set_item("kind", self.kind)?;
        d.set_item("norm", &self.norm)?;
        Ok(d)
    }
}

/// A sentence: ``text[sentence.start:sentence.end] == sentence.text``.
///
/// >>> import khabar
/// >>> khabar.sentences("Dr. Khalid spoke. He left.")[1]
/// Sentence(18, 26, 'He left.')
#[pyclass(frozen, module = "khabar", name = "Sentence")]
pub struct Sentence {
    piece: Piece,
}

#[pymethods]
impl Sentence {
    #[new]
    fn new(start: usize, end: usize, text: Py<PyString>) -> Self {
        Sentence {
            piece: Piece::given(start, end, text),
        }
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
    /// The sentence's text.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.piece.text.get(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("{})", self.piece.repr_head(py, "Sentence")?))
    }

    fn __richcmp__(
        &self,
        other: &Bound<'_, PyAny>,
        op: CompareOp,
        py: Python<'_>,
    ) -> PyResult<Py<PyAny>> {
        compare_pieces(py, self, other, op, |a, b| a.piece.same(py, &b.piece))
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.piece.hash(py)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let p = &slf.get().piece;
        let args = (p.start, p.end, p.text.get(py));
        reduce_to_new(slf.as_any(), args.into_pyobject(py)?.into_any())
    }

    /// The sentence as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.piece.dict(py)
    }
}

/// Python tokens for Rust tokens of one text.
pub(crate) fn py_tokens(view: TextView<'_, '_>, tokens: &[RsToken]) -> PyResult<Vec<Token>> {
    let spans = char_spans(view.rust, tokens.iter().map(|k| k.span));
    tokens
        .iter()
        .zip(spans)
        .map(|(tok, (start, end))| {
            Ok(Token {
                piece: view.piece(tok.span, start, end)?,
                kind: tok.kind.as_str(),
                norm: tok.norm(view.rust).into_owned(),
            })
        })
        .collect()
}

/// Python sentences for Rust sentences of one text.
pub(crate) fn py_sentences(
    view: TextView<'_, '_>,
    sents: &[RsSentence],
) -> PyResult<Vec<Sentence>> {
    let spans = char_spans(view.rust, sents.iter().map(|s| s.span));
    py_sentences_at(view, sents, &spans)
}

/// [`py_sentences`] for a caller that has the sentences' `str` spans already.
pub(crate) fn py_sentences_at(
    view: TextView<'_, '_>,
    sents: &[RsSentence],
    spans: &[(usize, usize)],
) -> PyResult<Vec<Sentence>> {
    sents
        .iter()
        .zip(spans.iter().copied())
        .map(|(s, (start, end))| {
            Ok(Sentence {
                piece: view.piece(s.span, start, end)?,
            })
        })
        .collect()
}

/// Split ``text`` into word tokens with exact ``str`` offsets.
///
/// Hyphens and dashes are separate tokens and possessives are split off, so names, ranges
/// and possessives can be put back together from adjacent tokens.
///
/// >>> import khabar
/// >>> [(t.text, t.kind) for t in khabar.tokenize("IS-K: 4,000 fighters")]
/// [('IS', 'word'), ('-', 'punct'), ('K', 'word'), (':', 'punct'), ('4,000', 'number'), ('fighters', 'word')]
///
/// Raises ``TypeError`` if ``text`` is not a ``str`` and ``khabar.InputError`` (a ``ValueError``)
/// if it holds a lone surrogate. The GIL is released while Rust works.
#[pyfunction]
pub fn tokenize<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let arg = SharedArg::extract(text, "text")?;
    let t = arg.text.as_text();
    let tokens = py.detach(|| guard(|| Tokenizer::new().tokenize(t)))?;
    leaf_list(py, py_tokens(arg.view(), &tokens)?)
}

/// Split ``text`` into sentences with exact ``str`` offsets.
///
/// >>> import khabar
/// >>> [s.text for s in khabar.sentences("Lt. Gen. Khalid spoke. He left.")]
/// ['Lt. Gen. Khalid spoke.', 'He left.']
///
/// Raises ``TypeError`` if ``text`` is not a ``str`` and ``khabar.InputError`` (a ``ValueError``)
/// if it holds a lone surrogate. The GIL is released while Rust works.
#[pyfunction]
pub fn sentences<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let arg = SharedArg::extract(text, "text")?;
    let t = arg.text.as_text();
    let sents = py.detach(|| guard(|| khabar_tokenize::sentences(t)))?;
    leaf_list(py, py_sentences(arg.view(), &sents)?)
}
