//! Quantities (and the number parser under them) on arbitrary text.
#![no_main]

use khabar_fuzz::{check_finite, check_ordered, check_span, text};
use khabar_numdate::{QuantityExtractor, find_numbers, parse_number};
use khabar_tokenize::tokenize;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let text = text.as_str();
    let extractor = QuantityExtractor::new();
    let qs = extractor.extract(text);
    check_ordered(qs.iter().map(|q| q.span), "quantity");
    for q in &qs {
        assert_eq!(check_span(text, q.span, "quantity"), q.text);
        check_finite(q.low, "quantity low");
        check_finite(q.high, "quantity high");
        if let (Some(lo), Some(hi)) = (q.low, q.high) {
            assert!(lo <= hi, "{q:?}: low > high");
        }
        if let Some(u) = &q.unit {
            assert_eq!(check_span(text, u.span, "unit"), u.text);
            assert!(
                u.span.end <= q.span.start || u.span.start >= q.span.end,
                "{q:?}: the unit overlaps the number"
            );
        }
    }
    // On the caller's tokens the answer is the same.
    let tokens = tokenize(text);
    assert_eq!(extractor.extract_tokens(text, &tokens), qs);

    // The number finder: ordered, exact spans over whole tokens, finite values.
    let numbers = find_numbers(text, &tokens);
    check_ordered(numbers.iter().map(|n| n.span), "number");
    for n in numbers.iter().chain(
        (0..tokens.len())
            .filter_map(|i| parse_number(text, &tokens, i))
            .collect::<Vec<_>>()
            .iter(),
    ) {
        check_span(text, n.span, "number");
        assert!(n.value.is_finite(), "{n:?}");
        assert!(
            n.tokens.start < n.tokens.end && n.tokens.end <= tokens.len(),
            "{n:?}"
        );
    }
});
