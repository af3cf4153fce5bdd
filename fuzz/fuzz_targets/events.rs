//! The event layer on arbitrary text, with the default gazetteer's mentions: every role
//! fact and event span exact and inside the text, counts finite and non-negative, event
//! totals never above the sum of their facts (except a stated toll or a denied-casualties
//! zero), events in text order, and the facts table one row per quantity.
#![no_main]

use khabar::Pipeline;
use khabar_fuzz::{check_finite, check_ordered, check_span, text};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| match Pipeline::new() {
        Ok(p) => p,
        Err(e) => panic!("the default pipeline does not build: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let text = text.as_str();
    let doc = pipeline().process(text);
    for f in &doc.roles {
        assert_eq!(check_span(text, f.span, "role"), f.text);
        check_finite(f.count, "role count");
        assert!(f.count.is_none_or(|c| c >= 0.0), "{f:?}");
        if let Some(q) = f.quantity {
            assert!(q < doc.quantities.len(), "{f:?}");
        }
    }
    check_ordered(doc.events.iter().map(|e| e.span), "event");
    for e in &doc.events {
        check_span(text, e.span, "event");
        assert!(!e.sentences.is_empty());
        for (role, total) in &e.counts {
            assert!(total.is_finite() && *total >= 0.0, "{e:?}");
            let sum: f64 = e
                .facts
                .iter()
                .filter(|f| f.role == *role && !f.subcount)
                .filter_map(|f| f.count)
                .sum();
            let toll = e
                .facts
                .iter()
                .any(|f| f.cue.as_deref().is_some_and(|c| c.contains("toll")));
            assert!(toll || *total == 0.0 || *total <= sum + 1e-6, "{role}: {total} > {sum}");
        }
        if let Some(p) = &e.perpetrator {
            check_span(text, p.span, "perpetrator");
        }
        if let Some(p) = &e.place {
            check_span(text, p.span, "place");
        }
    }
    for &i in &doc.attribute_entities {
        assert!(i < doc.entities.len());
    }
    // the facts table reads the roles without panicking and keeps one row per quantity
    assert_eq!(doc.facts().len(), doc.quantities.len());
});
