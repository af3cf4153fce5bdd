//! Table tests for the opt-in number readers: `find_number_expressions` (scientific
//! notation, powers, ratios, compound denominators), `find_relative_ordinals`, and the
//! extractor's pronoun rule exposed as `is_pronoun_one`.

use khabar_numdate::number::{
    NumberKind, OrdinalAnchor, find_number_expressions, find_numbers, find_relative_ordinals,
};
use khabar_numdate::quantity::is_pronoun_one;
use khabar_tokenize::tokenize;

use NumberKind::{Cardinal as C, Fraction as F};

/// (input, text of the only number found, value, kind)
#[rustfmt::skip]
const EXPRESSIONS: &[(&str, &str, f64, NumberKind)] = &[
    // Scientific notation.
    ("1.5e6", "1.5e6", 1_500_000.0, C),
    ("1.3e6 tonnes", "1.3e6", 1_300_000.0, C),
    ("-127.32e13", "-127.32e13", -1_273_200_000_000_000.0, C),
    ("12.32e+14", "12.32e+14", 1_232_000_000_000_000.0, C),
    ("-12e-1", "-12e-1", -1.2, C),
    ("1.5 x 10^6", "10^6", 1_000_000.0, C),
    ("1.3x10^6", "1.3x10^6", 1_300_000.0, C),
    ("6.23x10^-4", "6.23x10^-4", 0.000623, C),
    // Powers.
    ("10^3", "10^3", 1000.0, C),
    ("2.5^-1", "2.5^-1", 0.4, C),
    ("-2.5^-1", "-2.5^-1", -0.4, C),
    ("2 to the power of 3", "2 to the power of 3", 8.0, C),
    ("ten to the power 6", "ten to the power 6", 1_000_000.0, C),
    // Ratios: a part of a whole.
    ("one over three", "one over three", 1.0 / 3.0, F),
    ("1 over 3", "1 over 3", 1.0 / 3.0, F),
    ("3 out of 5", "3 out of 5", 0.6, F),
    ("two out of five hundred tvs", "two out of five hundred", 0.004, F),
    ("1 in twenty-one", "1 in twenty-one", 1.0 / 21.0, F),
    ("negative one over 20", "negative one over 20", -0.05, F),
    // Compound denominators.
    ("one twenty-fifth", "one twenty-fifth", 0.04, F),
    ("a twenty-first", "a twenty-first", 1.0 / 21.0, F),
    ("three twenty-firsts", "three twenty-firsts", 3.0 / 21.0, F),
    ("twenty twenty fifths", "twenty twenty fifths", 0.8, F),
    ("one one hundred fifth", "one one hundred fifth", 1.0 / 105.0, F),
    // Collectives and idioms (numeral.rs: COLLECTIVES).
    ("a pair of boots", "a pair of", 2.0, C),
    ("a couple of hours", "a couple of", 2.0, C),
    ("A couple", "A couple", 2.0, C),
    ("a few", "a few", 3.0, C),
    ("a dozen of eggs", "a dozen of", 12.0, C),
    ("half a dozen", "half a dozen", 6.0, C),
    ("single", "single", 1.0, C),
    ("a single shot", "a single", 1.0, C),
    // "point" decimals with digits, and a leading "point".
    ("1 point 1", "1 point 1", 1.1, C),
    ("12 point 05 percent", "12 point 05", 12.05, C),
    ("3 point five", "3 point five", 3.5, C),
    ("point 77", "point 77", 0.77, C),
    ("(point five)", "point five", 0.5, C),
    // Stacked scales.
    ("three thousand millions", "three thousand millions", 3e9, C),
    ("a thousand million", "a thousand million", 1e9, C),
    ("three lakh crore rupees", "three lakh crore", 3e12, C),
    // SI letters after a decimal.
    (".0012G", ".0012G", 1_200_000.0, C),
    ("-.0012G", "-.0012G", -1_200_000.0, C),
    ("2.5T", "2.5T", 2.5e12, C),
    // Spoken hundreds.
    ("one twenty two", "one twenty two", 122.0, C),
    ("seven forty-seven", "seven forty-seven", 747.0, C),
    ("nine eleven", "nine eleven", 911.0, C),
    // Everything find_numbers reads is read the same way.
    ("4,000 fighters", "4,000", 4000.0, C),
    ("one and a half", "one and a half", 1.5, F),
];

#[test]
fn expressions() {
    let mut failures = Vec::new();
    for &(input, want_text, want_value, want_kind) in EXPRESSIONS {
        let tokens = tokenize(input);
        let found = find_number_expressions(input, &tokens);
        // "1.5 x 10^6" is the one spaced form: the "1.5" stays its own number.
        let n = found.iter().find(|n| &input[n.span.range()] == want_text);
        match n {
            Some(n)
                if (n.value - want_value).abs() <= want_value.abs() * 1e-12
                    && n.kind == want_kind => {}
            _ => failures.push(format!(
                "{input:?}: want {want_text:?}={want_value} {want_kind:?}, got {:?}",
                found
                    .iter()
                    .map(|n| (&input[n.span.range()], n.value, n.kind))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Forms that stay two numbers (or none) even in the expression reader.
#[test]
fn expression_non_readings() {
    let read = |t: &str| -> Vec<(String, f64)> {
        find_number_expressions(t, &tokenize(t))
            .iter()
            .map(|n| (t[n.span.range()].to_string(), n.value))
            .collect()
    };
    // The larger part first: two counts.
    assert_eq!(
        read("12 out of 10"),
        [("12".into(), 12.0), ("10".into(), 10.0)]
    );
    assert_eq!(
        read("$2000 over 3 years"),
        [("2000".into(), 2000.0), ("3".into(), 3.0)]
    );
    // A year after "in" is a year.
    assert_eq!(
        read("5 in 2018"),
        [("5".into(), 5.0), ("2018".into(), 2018.0)]
    );
    // Overflow is rejected, not rounded.
    assert!(read("1e400").is_empty());
    assert_eq!(
        read("2 to the power of 900"),
        [("2".into(), 2.0), ("900".into(), 900.0)]
    );
    // Numeral forms that stay prose even here (numeral.rs module docs).
    assert!(read("few").is_empty());
    assert!(read("single-handedly").is_empty());
    assert!(read("the single market").len() == 1); // "single" = 1; no noun taken
    assert_eq!(read("at some point 77 people"), [("77".into(), 77.0)]);
    assert_eq!(read("5G and 4G"), []);
    assert_eq!(
        read("one, twenty two"),
        [("one".into(), 1.0), ("twenty two".into(), 22.0)]
    );
    assert_eq!(
        read("one twenty"),
        [("one".into(), 1.0), ("twenty".into(), 20.0)]
    );
    assert_eq!(read("- 1,200,000"), [("1,200,000".into(), 1_200_000.0)]);
    assert_eq!(read("three hundred Kr"), [("three hundred".into(), 300.0)]);
    assert_eq!(read("30 l"), [("30".into(), 30.0)]);
    // Addresses stay unread.
    assert!(read("192.168.1.2").is_empty());
    // The plain reader keeps ratios as two counts.
    let t = "one over three";
    assert_eq!(find_numbers(t, &tokenize(t)).len(), 2);
}

/// Vague amounts carry the approximate flag; the news reader reads none of them.
#[test]
fn collectives_only_in_the_expression_reader() {
    for (t, approximate) in [
        ("a couple of", true),
        ("a few", true),
        ("a pair of", false),
        ("a dozen of", false),
        ("single", false),
    ] {
        let found = find_number_expressions(t, &tokenize(t));
        assert_eq!(found.len(), 1, "{t:?}");
        assert_eq!(found[0].approximate, approximate, "{t:?}");
    }
    for t in [
        "a couple of",
        "a few",
        "a pair of",
        "single",
        "point 77",
        ".0012G",
        "one twenty two",
        "three thousand millions",
        "1 point 1",
    ] {
        let whole = find_numbers(t, &tokenize(t))
            .iter()
            .any(|n| n.span.start == 0 && n.span.end == t.len());
        assert!(!whole, "{t:?}");
    }
    let t = "a dozen of";
    let plain: Vec<String> = find_numbers(t, &tokenize(t))
        .iter()
        .map(|n| t[n.span.range()].to_string())
        .collect();
    assert_eq!(plain, ["a dozen"]);
}

/// (input, [(span text, display)])
#[rustfmt::skip]
const RELATIVE: &[(&str, &[(&str, &str)])] = &[
    ("delete last sentence", &[("last", "end+0")]),
    ("Show me the penultimate.", &[("penultimate", "end-1")]),
    ("Show me the antepenultimate.", &[("antepenultimate", "end-2")]),
    ("Show me the last but one.", &[("the last but one", "end-1")]),
    ("Show me the next to last.", &[("next to last", "end-1")]),
    ("Show me the second to last.", &[("the second to last", "end-1")]),
    ("the third to last item", &[("the third to last", "end-2")]),
    ("Show me the one before the last one.", &[("the one before the last one", "end-1")]),
    ("I meant the one before the last", &[("the one before the last", "end-1")]),
    ("Show me the previous one.", &[("previous one", "current-1")]),
    ("Show me the next one.", &[("next one", "current+1")]),
    ("I meant the current one", &[("current one", "current+0")]),
    ("I want the last one books.", &[("last", "end+0")]),
    ("I was a current student last semester", &[("current", "current+0"), ("last", "end+0")]),
    ("Do you mean \"next\" or \"last\"?", &[("next", "current+1"), ("last", "end+0")]),
    ("the third attack", &[]),
];

#[test]
fn relative_ordinals() {
    for &(input, want) in RELATIVE {
        let got: Vec<(&str, String)> = find_relative_ordinals(input, &tokenize(input))
            .iter()
            .map(|r| (&input[r.span.range()], r.to_string()))
            .collect();
        let want: Vec<(&str, String)> = want.iter().map(|&(t, d)| (t, d.to_string())).collect();
        assert_eq!(got, want, "{input:?}");
    }
    let t = "the penultimate";
    let r = &find_relative_ordinals(t, &tokenize(t))[0];
    assert_eq!(
        (r.anchor, r.offset, r.tokens.clone()),
        (OrdinalAnchor::End, -1, 1..2)
    );
}

#[test]
fn pronoun_one() {
    for (input, want) in [
        ("The one you mentioned", true),
        ("Which one do you prefer?", true),
        ("one of them", true),
        ("one another", true),
        ("one car", false),
        ("one hundred", false),
        ("only one", false),
    ] {
        let tokens = tokenize(input);
        let n = find_numbers(input, &tokens);
        let first = n.first().map(|n| is_pronoun_one(input, &tokens, n));
        assert_eq!(first, Some(want), "{input:?}");
    }
}
