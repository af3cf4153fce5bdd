//! The whole pipeline (default gazetteer, quantities, dates with a detected reference date)
//! on arbitrary text: every span exact, dates and quantities never overlap, and the JSON
//! round-trips.
#![no_main]

use khabar::{Document, Pipeline, ReferenceDate};
use khabar_fuzz::{check_ordered, check_span, text};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        match Pipeline::builder()
            .reference_date(ReferenceDate::Auto)
            .build()
        {
            Ok(p) => p,
            Err(e) => panic!("the default pipeline does not build: {e}"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let text = text.as_str();
    let doc = pipeline().process(text);
    assert_eq!(doc.text, text);
    check_ordered(doc.tokens.iter().map(|t| t.span), "token");
    check_ordered(doc.sentences.iter().map(|s| s.span), "sentence");
    check_ordered(doc.entities.iter().map(|e| e.span), "entity");
    check_ordered(doc.quantities.iter().map(|q| q.span), "quantity");
    check_ordered(doc.dates.iter().map(|d| d.span), "date");
    for t in &doc.tokens {
        check_span(text, t.span, "token");
    }
    for e in &doc.entities {
        assert_eq!(check_span(text, e.span, "entity"), e.text);
        assert!(!e.candidates.is_empty(), "{e:?}");
    }
    for q in &doc.quantities {
        assert_eq!(check_span(text, q.span, "quantity"), q.text);
        for d in &doc.dates {
            assert!(
                q.span.end <= d.span.start || q.span.start >= d.span.end,
                "{q:?} overlaps {d:?}"
            );
        }
    }
    for d in &doc.dates {
        assert_eq!(check_span(text, d.span, "date"), d.text);
    }
    for s in &doc.sentences {
        check_span(text, s.span, "sentence");
        assert!(doc.sentence_index_at(s.span.start).is_some());
    }
    match doc.to_json() {
        Ok(json) => match Document::from_json(&json) {
            Ok(back) => assert_eq!(back.text, doc.text),
            Err(e) => panic!("the document's JSON does not read back: {e}"),
        },
        Err(e) => panic!("the document does not serialize: {e}"),
    }
});
