//! Invariant checks shared by the fuzz targets.
//!
//! A fuzz target that only calls a function finds panics; these checks also find wrong
//! answers: spans out of order or out of bounds, spans that cut a character, reported text
//! that is not the text under the span.

use khabar_tokenize::Span;

pub mod gazetteer;

/// Turns fuzzer bytes into text. Invalid UTF-8 becomes U+FFFD (the library takes `&str`; the
/// loaders, which take bytes, have their own target).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// `span` is non-empty, inside `text` and on character boundaries; returns its text.
pub fn check_span<'t>(text: &'t str, span: Span, what: &str) -> &'t str {
    assert!(
        span.start < span.end,
        "{what}: empty or reversed span {span:?}"
    );
    assert!(
        span.end <= text.len(),
        "{what}: span {span:?} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} cuts a character"
    );
    match span.slice(text) {
        Some(s) => s,
        None => panic!("{what}: Span::slice refused {span:?}"),
    }
}

/// Spans are sorted by start and do not overlap.
pub fn check_ordered(spans: impl IntoIterator<Item = Span>, what: &str) {
    let mut last_end = 0;
    for s in spans {
        assert!(
            s.start >= last_end,
            "{what}: span {s:?} overlaps or precedes the one before (ends at {last_end})"
        );
        last_end = s.end;
    }
}

/// Spans are sorted by (start, end), possibly overlapping.
pub fn check_sorted(spans: impl IntoIterator<Item = Span>, what: &str) {
    let mut last = (0, 0);
    for s in spans {
        assert!(
            (s.start, s.end) >= last,
            "{what}: span {s:?} out of order after {last:?}"
        );
        last = (s.start, s.end);
    }
}

/// A number is finite (NaN and infinities must never reach a caller).
pub fn check_finite(x: Option<f64>, what: &str) {
    if let Some(v) = x {
        assert!(v.is_finite(), "{what}: non-finite value {v}");
    }
}
