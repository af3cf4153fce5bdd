//! What the date tests by example share: the dates found in a text against the reference date
//! 2019-03-12, and the check that one of them is a given span with a given date value.

use khabar_numdate::{DateExtractor, TemporalType};

/// The (text, kind, value) of every date found in `text`, reference date 2019-03-12.
pub fn found(text: &str) -> Vec<(String, TemporalType, String)> {
    DateExtractor::new()
        .with_reference_date("2019-03-12")
        .expect("valid reference date")
        .extract(text)
        .into_iter()
        .map(|t| (t.text, t.kind, t.value))
        .collect()
}

/// Asserts that `text` holds the date `span` with the value `value`.
pub fn one(text: &str, span: &str, value: &str) {
    let got = found(text);
    assert!(
        got.iter()
            .any(|(s, k, v)| s == span && *k == TemporalType::Date && v == value),
        "{text:?}: want {span:?} = {value}, got {got:?}"
    );
}
