//! Dates and times on arbitrary text, with an arbitrary reference date, direction and day
//! order (the first five bytes choose them).
#![no_main]

use khabar_fuzz::{check_ordered, check_span, text};
use khabar_numdate::{CivilDate, DateExtractor, DayOrder, Direction};
use khabar_tokenize::tokenize;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 5 {
        return;
    }
    let (head, rest) = data.split_at(5);
    // Years from -9999 to 9999 are valid; the fuzzer reaches the edges of that range.
    let year = i32::from(i16::from_le_bytes([head[0], head[1]])).clamp(-9999, 9999);
    let reference = CivilDate::new(year, head[2] % 13, head[3] % 32).ok();
    let ex = DateExtractor::new()
        .with_reference(reference)
        .with_direction(if head[4] & 1 == 0 {
            Direction::Past
        } else {
            Direction::Future
        })
        .with_day_order(if head[4] & 2 == 0 {
            DayOrder::DayFirst
        } else {
            DayOrder::MonthFirst
        })
        .with_reference_detection(head[4] & 4 != 0);
    let text = text(rest);
    let text = text.as_str();
    let dates = ex.extract(text);
    check_ordered(dates.iter().map(|d| d.span), "date");
    for d in &dates {
        assert_eq!(check_span(text, d.span, "date"), d.text);
        assert!(!d.value.is_empty(), "{d:?}: empty value");
        if let Some(iv) = &d.interval {
            assert!(iv.start <= iv.end, "{d:?}: interval ends before it starts");
        }
    }
    assert_eq!(ex.extract_tokens(text, &tokenize(text)), dates);
    let _ = ex.detect_reference_date(text);
});
