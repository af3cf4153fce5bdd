//! Quantities and dates on hostile input: long runs of "1," and "one ", "and and and …", NUL
//! bytes, every Unicode space and dash, right-to-left text, huge digit strings. Each test
//! asserts the exact output. (A million repetitions run against the release build in
//! tests/python/test_hostile.py.)

use khabar_numdate::{DateExtractor, QuantityExtractor, QuantityKind, Span};

fn quantities(text: &str) -> Vec<(Span, Option<f64>, Option<f64>)> {
    QuantityExtractor::new()
        .extract(text)
        .iter()
        .map(|q| (q.span, q.low, q.high))
        .collect()
}

fn dates(text: &str) -> Vec<(String, String)> {
    DateExtractor::new()
        .with_reference_date("2019-08-01")
        .unwrap_or_else(|e| panic!("{e}"))
        .extract(text)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

#[test]
fn a_run_of_one_comma() {
    // "1,1,1,…" is one digit token (UAX #29 keeps digits joined by commas) and, as documented
    // for lists such as "22,24,26,31", not a number: no quantity, rather than a wrong one.
    let n = 5_000;
    let text = "1,".repeat(n);
    assert!(quantities(&text).is_empty());
    assert!(dates(&text).is_empty());
    // With spaces it is a list of ones: each "1" is the count 1.
    let text = "1, ".repeat(n);
    let got = quantities(&text);
    assert_eq!(got.len(), n);
    for (i, (span, low, high)) in got.iter().enumerate() {
        assert_eq!(
            (*span, *low, *high),
            (Span::new(3 * i, 3 * i + 1), Some(1.0), Some(1.0)),
            "quantity {i}"
        );
    }
}

#[test]
fn a_run_of_one_word() {
    // "one one one …": every "one" is the count 1 (none is a pronoun: no "of", no article).
    let n = 5_000;
    let text = "one ".repeat(n);
    let got = quantities(&text);
    assert_eq!(got.len(), n);
    for (i, (span, low, high)) in got.iter().enumerate() {
        assert_eq!(
            (*span, *low, *high),
            (Span::new(4 * i, 4 * i + 3), Some(1.0), Some(1.0)),
            "quantity {i}"
        );
    }
    assert!(dates(&text).is_empty());
}

#[test]
fn and_and_and() {
    let text = "and ".repeat(5_000);
    assert!(quantities(&text).is_empty());
    assert!(dates(&text).is_empty());
}

#[test]
fn nul_bytes_separate_facts() {
    let text = "\0killed 5 people\0on 26/1/2018\0at 11:58\0";
    let qs = QuantityExtractor::new().extract(text);
    assert_eq!(qs.len(), 1);
    assert_eq!((qs[0].text.as_str(), qs[0].low), ("5", Some(5.0)));
    assert_eq!(qs[0].unit.as_ref().map(|u| u.text.as_str()), Some("people"));
    let ds = dates(text);
    assert_eq!(ds.first().map(|d| d.1.as_str()), Some("2018-01-26"));
    assert!(ds.iter().any(|d| d.0 == "11:58" || d.0.ends_with("11:58")));
}

#[test]
fn every_dash_in_a_range() {
    // Hyphens, the en dash, the figure dash and the hyphen-minus look-alikes make a range.
    for d in [
        '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2212}', '\u{FE63}', '\u{FF0D}',
    ] {
        let text = format!("an estimated 4,000{d}6,000 fighters");
        let qs = QuantityExtractor::new().extract(&text);
        assert_eq!(qs.len(), 1, "U+{:04X}: {qs:?}", d as u32);
        assert_eq!(
            (qs[0].low, qs[0].high),
            (Some(4000.0), Some(6000.0)),
            "U+{:04X}",
            d as u32
        );
        assert_eq!(qs[0].span, Span::new(0, text.len() - " fighters".len()));
        assert_eq!(
            qs[0].unit.as_ref().map(|u| u.text.as_str()),
            Some("fighters")
        );
    }
    // Em dashes and the horizontal bar set off a clause: two numbers.
    for d in ['\u{2014}', '\u{2015}', '\u{FE58}'] {
        let text = format!("an estimated 4,000{d}6,000 fighters");
        let got = quantities(&text);
        assert_eq!(got.len(), 2, "U+{:04X}", d as u32);
        assert_eq!((got[0].1, got[1].1), (Some(4000.0), Some(6000.0)));
        assert_eq!(got[0].0, Span::new(0, "an estimated 4,000".len()));
    }
}

#[test]
fn every_space_between_number_and_noun() {
    const LINE_BREAKS: [char; 7] = [
        '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    ];
    for sp in [
        '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}',
        '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}',
        '\u{2008}', '\u{2009}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}',
        '\u{3000}',
    ] {
        let text = format!("more{sp}than{sp}170{sp}people");
        let qs = QuantityExtractor::new().extract(&text);
        assert_eq!(qs.len(), 1, "U+{:04X}", sp as u32);
        assert_eq!(
            (qs[0].low, qs[0].high),
            (Some(170.0), None),
            "U+{:04X}",
            sp as u32
        );
        assert_eq!(
            qs[0].span,
            Span::new(0, text.len() - sp.len_utf8() - "people".len())
        );
        // The counted noun never crosses a line break (headlines, tables, page furniture).
        let unit = if LINE_BREAKS.contains(&sp) {
            None
        } else {
            Some("people")
        };
        assert_eq!(
            qs[0].unit.as_ref().map(|u| u.text.as_str()),
            unit,
            "U+{:04X}",
            sp as u32
        );
        let text = format!("on{sp}26{sp}January{sp}2018");
        assert_eq!(
            dates(&text)
                .iter()
                .map(|d| d.1.as_str())
                .collect::<Vec<_>>(),
            ["2018-01-26"],
            "U+{:04X}",
            sp as u32
        );
    }
}

#[test]
fn right_to_left_text_and_other_digits() {
    let text = "\u{202B}کابل\u{202C} 26/1/2018: 5 people \u{200F}ننګرهار\u{200E}";
    let qs = QuantityExtractor::new().extract(text);
    assert_eq!(qs.len(), 1);
    assert_eq!((qs[0].text.as_str(), qs[0].low), ("5", Some(5.0)));
    assert_eq!(
        dates(text),
        [("26/1/2018".to_owned(), "2018-01-26".to_owned())]
    );
}

#[test]
fn huge_numbers_stay_finite() {
    for text in [
        "9".repeat(400),
        format!("1{}", ",000".repeat(200)),
        "the 99999999999999999999th attack".to_owned(),
        format!("{} trillion billion million fighters", "9".repeat(300)),
        format!("0.{}1 per cent", "0".repeat(400)),
    ] {
        for q in QuantityExtractor::new().extract(&text) {
            assert!(
                q.low.is_none_or(f64::is_finite) && q.high.is_none_or(f64::is_finite),
                "{text:.40}: {q:?}"
            );
            assert!(q.kind != QuantityKind::Money);
        }
    }
    // Impossible dates are no dates, not panics.
    assert!(
        dates("on 99/99/9999 and 32 January 2018 at 25:61")
            .iter()
            .all(|d| d.1 != "9999-99-99")
    );
}

/// Found by the `quantities` fuzz target: a hyphen between a larger and a smaller number
/// ("won 2-1", "4006-3278") made a range with `low > high`. Now it is no range: the first
/// number stands alone, and the second, glued to it by the hyphen, is skipped like the "16"
/// of "F-16".
#[test]
fn a_descending_pair_is_not_a_range() {
    for (text, want) in [
        ("won 2-1 on Friday", vec![(Some(2.0), Some(2.0))]),
        ("won 4006-3278", vec![(Some(4006.0), Some(4006.0))]),
        // After a label word the pair is an identifier, no quantity at all (nonquant).
        ("ref 4006-3278", vec![]),
        ("1,1-1,0", vec![(Some(1.1), Some(1.1))]),
        (
            "99996919-2020",
            vec![(Some(99_996_919.0), Some(99_996_919.0))],
        ),
        (
            "won 2 - 1",
            vec![(Some(2.0), Some(2.0)), (Some(1.0), Some(1.0))],
        ),
        ("4-6 million", vec![(Some(4e6), Some(6e6))]),
        ("2-2 people", vec![(Some(2.0), Some(2.0))]),
    ] {
        let got: Vec<(Option<f64>, Option<f64>)> = quantities(text)
            .into_iter()
            .map(|(_, lo, hi)| (lo, hi))
            .collect();
        assert_eq!(got, want, "{text}");
    }
    // Every quantity the fuzzer saw fail, now with low <= high.
    for text in [
        "00000024-0",
        "00010-0",
        "5899999992-020",
        "forty\u{2010}9",
        "262-020 x",
    ] {
        for (_, lo, hi) in quantities(text) {
            assert!(lo.zip(hi).is_none_or(|(l, h)| l <= h), "{text}");
        }
    }
}
