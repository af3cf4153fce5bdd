//! Property tests: the date extractor never panics, and its spans are exact, ordered,
//! non-overlapping and on character boundaries, on arbitrary Unicode and on date-heavy
//! word salad, with any reference date and configuration.

use khabar_numdate::{CivilDate, DateExtractor, DayOrder, Direction};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "May",
    "may",
    "March",
    "march",
    "2017",
    "2018",
    "1990s",
    "early",
    "mid",
    "late",
    "the",
    "last",
    "past",
    "next",
    "this",
    "year",
    "years",
    "month",
    "months",
    "week",
    "in",
    "on",
    "since",
    "-",
    "–",
    "/",
    ".",
    ",",
    "(",
    ")",
    "26",
    "1",
    "12",
    "31",
    "29",
    "9th",
    "21st",
    "July",
    "December",
    "Dec.",
    "Friday",
    "sat",
    "six",
    "twenty",
    "first",
    "ago",
    "later",
    "from",
    "to",
    "between",
    "and",
    "or",
    "so",
    "11:58",
    "GMT",
    "3pm",
    "Q3",
    "H1",
    "summer",
    "of",
    "over",
    "about",
    "within",
    "recently",
    "now",
    "today",
    "yesterday",
    "every",
    "26/1/2018",
    "2018-01-26",
    "4.22",
    "2015.5.13",
    "4,000",
    "%",
    "per",
    "cent",
    "a",
    "few",
    "half",
    "hour",
    "decades",
    "fortnight",
    "quarter",
    "beginning",
    "end",
    "Published",
    "appeared",
    "deadline",
    "99999999999999999999",
    "1e400",
    "0",
    "00",
    "will",
    "Today",
    "Pakistan",
    "Daily",
    "Times",
    "’s",
    // clock times, parts of the day, holidays
    ":",
    "00am",
    "7p",
    "8.30pm",
    "p",
    "m",
    "at",
    "@",
    "o'clock",
    "past",
    "seven",
    "thirty",
    "noon",
    "tonight",
    "morning",
    "evening",
    "night",
    "around",
    "before",
    "Tuesdays",
    "each",
    "day",
    "Christmas",
    "eve",
    "easter",
    "Fri",
    "14th",
    "'",
    "s",
];

fn salad() -> impl Strategy<Value = String> {
    prop::collection::vec((0..VOCAB.len(), prop::bool::weighted(0.8)), 0..40).prop_map(|ws| {
        let mut s = String::new();
        for (k, space) in ws {
            if space && !s.is_empty() {
                s.push(' ');
            }
            s.push_str(VOCAB[k]);
        }
        s
    })
}

fn extractor(days: i64, future: bool, month_first: bool, detect: bool) -> DateExtractor {
    // References from 1900 to 2100, or none.
    let reference = (days >= 0).then(|| CivilDate::from_days(days - 25_567));
    DateExtractor::new()
        .with_reference(reference)
        .with_direction(if future {
            Direction::Future
        } else {
            Direction::Past
        })
        .with_day_order(if month_first {
            DayOrder::MonthFirst
        } else {
            DayOrder::DayFirst
        })
        .with_reference_detection(detect)
}

fn check(text: &str, ex: &DateExtractor) -> Result<(), TestCaseError> {
    let found = ex.extract(text);
    let mut last_end = 0;
    for t in &found {
        prop_assert!(t.span.start < t.span.end, "empty span {:?}", t);
        prop_assert!(t.span.start >= last_end, "overlap or disorder {:?}", t);
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert_eq!(text.get(t.span.start..t.span.end), Some(t.text.as_str()));
        prop_assert!(!t.value.is_empty());
        if let Some(iv) = t.interval {
            prop_assert!(iv.start <= iv.end, "inverted interval {:?}", t);
        }
        last_end = t.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,80}", days in -1i64..73_000, f: bool, m: bool, d: bool) {
        check(&text, &extractor(days, f, m, d))?;
    }

    #[test]
    fn any_chars_never_panic(text in any::<String>(), days in -1i64..73_000) {
        check(&text, &extractor(days, false, false, true))?;
    }

    #[test]
    fn date_salad_spans_are_exact(text in salad(), days in -1i64..73_000, f: bool, m: bool, d: bool) {
        check(&text, &extractor(days, f, m, d))?;
    }

    #[test]
    fn extract_tokens_agrees_with_extract(text in salad()) {
        let ex = extractor(43_000, false, false, false);
        let tokens = khabar_tokenize::tokenize(&text);
        prop_assert_eq!(ex.extract(&text), ex.extract_tokens(&text, &tokens));
    }
}
