//! Table tests for the number grammar: every number form named in the issues.

use khabar_numdate::number::{NumberKind, find_numbers, parse_number};
use khabar_tokenize::tokenize;

use NumberKind::{Cardinal as C, Fraction as F, Ordinal as O};

/// (input, text of the first number found, value, kind)
const TABLE: &[(&str, &str, f64, NumberKind)] = &[
    ("4,000", "4,000", 4000.0, C),
    ("1,234.5", "1,234.5", 1234.5, C),
    ("1 234", "1 234", 1234.0, C),
    ("1 234 567", "1 234 567", 1234567.0, C),
    ("twenty-one", "twenty-one", 21.0, C),
    ("one hundred and five", "one hundred and five", 105.0, C),
    ("a hundred", "a hundred", 100.0, C),
    ("a dozen", "a dozen", 12.0, C),
    ("half a dozen", "half a dozen", 6.0, C),
    ("nearly a dozen female", "a dozen", 12.0, C),
    ("1.4 million", "1.4 million", 1_400_000.0, C),
    ("26 thousand", "26 thousand", 26_000.0, C),
    ("5bn", "5bn", 5e9, C),
    ("first", "first", 1.0, O),
    ("21st", "21st", 21.0, O),
    ("twenty-first", "twenty-first", 21.0, O),
    ("November 9th", "9th", 9.0, O),
    ("one fourth", "one fourth", 0.25, F),
    ("a quarter", "a quarter", 0.25, F),
    ("three quarters", "three quarters", 0.75, F),
    ("half of them", "half", 0.5, F),
    ("3/4", "3/4", 0.75, F),
    ("one and a half", "one and a half", 1.5, F),
    (
        "five and a half million",
        "five and a half million",
        5_500_000.0,
        C,
    ),
    ("minus five", "minus five", -5.0, C),
    (
        "two thousand and two hundred",
        "two thousand and two hundred",
        2200.0,
        C,
    ),
    (
        "4 thousand 3 hundred and 21",
        "4 thousand 3 hundred and 21",
        4321.0,
        C,
    ),
    ("twenty-one trillion", "twenty-one trillion", 21e12, C),
    (
        "three hundred and two dozens",
        "three hundred and two dozens",
        324.0,
        C,
    ),
    ("five point five", "five point five", 5.5, C),
    ("two thirds", "two thirds", 2.0 / 3.0, F),
    ("a hundredth", "a hundredth", 0.01, F),
    ("two hundredth", "two hundredth", 200.0, O),
    ("2 1/4", "2 1/4", 2.25, F),
    ("eight years ago", "eight", 8.0, C),
    ("some 40 000 people", "40 000", 40000.0, C),
    ("12 years", "12", 12.0, C),
    ("the 83-member coalition", "83", 83.0, C),
    ("10 bln", "10 bln", 1e10, C),
    (
        "Three hundred  and  thirty one",
        "Three hundred  and  thirty one",
        331.0,
        C,
    ),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for &(input, want_text, want_value, want_kind) in TABLE {
        let tokens = tokenize(input);
        let got = find_numbers(input, &tokens).into_iter().next();
        match got {
            Some(n)
                if &input[n.span.range()] == want_text
                    && (n.value - want_value).abs() <= 1e-9 * want_value.abs().max(1.0)
                    && n.kind == want_kind => {}
            other => failures.push(format!(
                "{input:?}: want {want_text:?}={want_value} {want_kind:?}, got {:?}",
                other.map(|n| (input[n.span.range()].to_string(), n.value, n.kind))
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn separate_numbers_stay_separate() {
    let text = "one one one";
    let ns = find_numbers(text, &tokenize(text));
    assert_eq!(ns.len(), 3);
    let text = "4,000-6,000 and 5-10";
    let vals: Vec<f64> = find_numbers(text, &tokenize(text))
        .iter()
        .map(|n| n.value)
        .collect();
    assert_eq!(vals, [4000.0, 6000.0, 5.0, 10.0]);
}

#[test]
fn not_numbers() {
    for text in [
        "a",
        "an",
        "thousands",
        "192.168.1.2",
        "180ml",
        "and",
        "fifths",
    ] {
        let tokens = tokenize(text);
        assert!(
            parse_number(text, &tokens, 0).is_none(),
            "{text:?} should not parse"
        );
    }
    let big = "9".repeat(400);
    assert!(parse_number(&big, &tokenize(&big), 0).is_none());
    let t = "5000000 trillion";
    let n = parse_number(t, &tokenize(t), 0);
    assert_eq!(n.map(|n| n.value), Some(5_000_000.0));
}
