//! Both views of [`DigitReading`] against the parsers they replaced ([`super::reference`]),
//! on random digit tokens of every shape either grammar reads and many it does not.

use super::reference::{parse_digit_token, parse_num};
use super::*;
use proptest::prelude::*;

/// The date view as comparable parts: value (bit for bit), integer value, digit count,
/// suffix.
fn date_key(n: Option<NumTok>) -> Option<(u64, Option<u32>, u8, Suffix)> {
    n.map(|n| (n.val.to_bits(), n.int(), n.digits, n.suffix))
}

/// The number view with its value bit for bit.
fn number_key(d: Result<DigitToken, NumberError>) -> Result<(DigitToken, u64), NumberError> {
    d.map(|d| (d, d.value.to_bits()))
}

/// Checks both views of `s` against the references.
fn agrees(s: &str) -> Result<(), TestCaseError> {
    let r = DigitReading::of(s);
    prop_assert_eq!(
        date_key(r.as_date()),
        date_key(parse_num(s)),
        "date view of {:?}",
        s
    );
    prop_assert_eq!(
        number_key(r.as_number()),
        number_key(parse_digit_token(s)),
        "number view of {:?}",
        s
    );
    Ok(())
}

/// Every suffix either grammar knows, in several cases, and some neither knows.
const SUFFIXES: &[&str] = &[
    "",
    "st",
    "nd",
    "rd",
    "th",
    "d",
    "ST",
    "Th",
    "s",
    "S",
    "'s",
    "am",
    "a.m",
    "a.m.",
    "AM",
    "pm",
    "p.m",
    "p.m.",
    "PM",
    "P.M.",
    "h1",
    "h2",
    "H2",
    "q1",
    "q2",
    "q3",
    "Q4",
    "q5",
    "ys",
    "h",
    "hr",
    "hrs",
    "day",
    "days",
    "week",
    "wk",
    "month",
    "mo",
    "years",
    "yr",
    "min",
    "m",
    "k",
    "K",
    "M",
    "MM",
    "mn",
    "mln",
    "mil",
    "Mn",
    "bn",
    "bln",
    "Bn",
    "BN",
    "tn",
    "tln",
    "Tn",
    "trn",
    "Mil",
    "ml",
    "km",
    "kg",
    "G",
    "b",
    "x",
    "é",
    "ème",
    "°C",
    "%",
    "-",
    "/",
    ".",
    ",",
    ".,",
    ",.",
    "..",
    "a",
    "abcdefghijklmnopq",
    "st.",
    "th,",
];

/// A run of ASCII digits with separators, leading zeros and odd shapes.
fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9]{1,6}",
        2 => "0{0,4}[0-9]{1,4}",
        3 => "[0-9]{1,4}([,.][0-9]{1,4}){1,4}",
        2 => "[0-9]{1,3}(,[0-9]{3}){1,4}(\\.[0-9]{1,3})?",
        1 => "[0-9]{1,2}(,[0-9]{2}){1,3},[0-9]{3}(\\.[0-9]{1,2})?",
        // groups of two to four digits: near-misses of both groupings
        3 => "[0-9]{1,4}(,[0-9]{2,4}){1,4}(\\.[0-9]{1,3})?",
        2 => "[0-9]{1,4}(\\.[0-9]{2,4}){1,4}(,[0-9]{1,3})?",
        2 => "[0-9]{1,3}(\\.[0-9]{3}){1,4}(,[0-9]{1,3})?",
        2 => "[0-9]{0,4}([,.']{1,2}[0-9]{0,4}){0,5}",
        1 => "[0-9]{15,40}",
        1 => "0{10,30}[0-9]{0,5}",
        1 => "[0-9]{1,20}\\.[0-9]{15,45}",
        1 => "[0-9]{1,3}\\.0{20,35}[1-9]",
        1 => "[٠-٩०-९0-9]{1,5}",
        1 => "[0-9]{1,4}[,.]{1,3}",
    ]
}

/// Any word of the date lexicon (units, "s", months, …), as written or in capitals: the
/// date grammar reads a unit glued to digits ("3day", "3.5years").
fn lexicon_suffix() -> impl Strategy<Value = String> {
    let words: Vec<&str> = lexicon::LEXICON.iter().map(|(w, _)| *w).collect();
    (prop::sample::select(words), any::<bool>()).prop_map(|(w, upper)| {
        if upper {
            w.to_uppercase()
        } else {
            w.to_string()
        }
    })
}

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (body(), prop::sample::select(SUFFIXES)).prop_map(|(b, s)| format!("{b}{s}")),
        2 => (body(), lexicon_suffix()).prop_map(|(b, s)| format!("{b}{s}")),
        1 => (body(), "[a-zA-Z.]{0,4}").prop_map(|(b, s)| format!("{b}{s}")),
        1 => prop::sample::select(vec![
            "", ",", ".", ".5", "5.", "5.,", "1,,000", "1,.5", "1.,5", "½", "¼", "⅞", "½x", "1½",
            "x1", "-5", "9007199254740992", "9007199254740993", "9007199254740992.5",
            "4294967295", "4294967296", "1,674,200.5", "22,24,26,31", "192.168.1.2",
        ])
        .prop_map(str::to_string),
        1 => "\\PC{0,8}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn views_match_the_old_parsers(s in token()) {
        agrees(&s)?;
    }
}

#[test]
fn views_match_the_old_parsers_on_fixed_shapes() {
    let nines = "9".repeat(400);
    let long_frac = format!("1.{}", "3".repeat(60));
    let tiny = format!("0.{}1", "0".repeat(35));
    // Past 30 fraction digits the decimal parse drops the rest, even where a scale
    // suffix would bring them back within f64's exact range.
    let dropped = format!("0.{}1tn", "0".repeat(30));
    let kept = format!("0.{}12tn", "0".repeat(28));
    for s in [
        "2017",
        "05",
        "4,000",
        "4,000-6,000",
        "1,234.5",
        "12,34,567.89",
        "1.111,11",
        "5,00",
        "4.800",
        "1990s",
        "21st",
        "21th",
        "11th",
        "3d",
        "5bn",
        "1.5bn",
        "10M",
        "1m",
        "3pm",
        "8a.m",
        "2017Q1",
        "2016H2",
        "3h",
        "3.5years",
        "180ml",
        &nines,
        &long_frac,
        &tiny,
        &dropped,
        &kept,
        "123456789012345678901234",
        "12345678901234567890st",
        "1234567890123456789st",
    ] {
        if let Err(e) = agrees(s) {
            panic!("{e}");
        }
    }
}

#[test]
fn both_views_of_one_reading() {
    let r = DigitReading::of("1,234.5");
    assert_eq!(r.as_number().map(|d| d.value), Ok(1234.5));
    assert_eq!(r.as_date().map(|n| (n.val, n.digits)), Some((1234.5, 0)));
    // Commas are thousands to the number grammar, skipped by the date grammar.
    let r = DigitReading::of("5,00");
    assert_eq!(r.as_number().map(|d| d.value), Ok(5.0));
    assert_eq!(r.as_date().map(|n| n.val), Some(500.0));
    let r = DigitReading::of("1990s");
    assert_eq!(r.as_number(), Err(NumberError::Malformed));
    assert!(
        r.as_date()
            .is_some_and(|n| n.suffix == Suffix::Plural && n.digits == 4)
    );
    let r = DigitReading::of("21st");
    assert!(r.as_number().is_ok_and(|d| d.ordinal && d.value == 21.0));
    assert!(
        r.as_date()
            .is_some_and(|n| n.suffix == Suffix::Ord && n.int() == Some(21))
    );
    let r = DigitReading::of("192.168.1.2");
    assert!(r.as_number().is_err() && r.as_date().is_none());
    // A sentence's full stop after the digits: the date grammar reads the digits.
    let r = DigitReading::of("2017.");
    assert!(r.as_number().is_err());
    assert!(
        r.as_date()
            .is_some_and(|n| n.int() == Some(2017) && n.digits == 4)
    );
}
