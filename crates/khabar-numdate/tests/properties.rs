//! Property tests: each fast path against a slow, obviously-correct reference, and the
//! extractor's span guarantees on arbitrary Unicode.

use khabar_numdate::number::{
    MAX_EXACT_INTEGER, NumberKind, NumberParse, find_number_expressions, find_numbers,
    find_relative_ordinals, parse_digits, parse_number,
};
use khabar_numdate::{Quantity, QuantityExtractor, Span, remove_overlapping};
use khabar_tokenize::tokenize;
use proptest::prelude::*;

#[path = "../../../tests/support/seeds.rs"]
mod seeds;

/// Reference speller: English words for `n < 10^15`, in one of several styles. Written
/// from the textbook rules, independently of the parser's state machine.
fn spell(n: u64, hyphen: bool, and: bool) -> String {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64, hyphen: bool, and: bool) -> String {
        let mut parts = Vec::new();
        let h = n / 100;
        let r = n % 100;
        if h > 0 {
            parts.push(format!("{} hundred", UNITS[h as usize]));
            if r > 0 && and {
                parts.push("and".to_string());
            }
        }
        if r > 0 {
            if r < 20 {
                parts.push(UNITS[r as usize].to_string());
            } else if r % 10 == 0 {
                parts.push(TENS[(r / 10) as usize].to_string());
            } else {
                let sep = if hyphen { "-" } else { " " };
                parts.push(format!(
                    "{}{sep}{}",
                    TENS[(r / 10) as usize],
                    UNITS[(r % 10) as usize]
                ));
            }
        }
        parts.join(" ")
    }
    if n == 0 {
        return "zero".to_string();
    }
    let scales = [
        (1_000_000_000_000u64, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1000, "thousand"),
    ];
    let mut rest = n;
    let mut parts = Vec::new();
    for (size, name) in scales {
        if rest >= size {
            parts.push(format!(
                "{} {name}",
                below_thousand(rest / size, hyphen, and)
            ));
            rest %= size;
        }
    }
    if rest > 0 {
        parts.push(below_thousand(rest, hyphen, and));
    }
    parts.join(" ")
}

/// Reference grouping: digits with a comma every three from the right.
fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn check_spans(text: &str, qs: &[Quantity]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for q in qs {
        prop_assert!(
            q.span.start >= last_end,
            "quantities overlap or are out of order"
        );
        prop_assert_eq!(q.span.slice(text), Some(q.text.as_str()));
        if let Some(u) = &q.unit {
            prop_assert_eq!(u.span.slice(text), Some(u.text.as_str()));
            prop_assert!(u.span.start >= q.span.end);
        }
        last_end = q.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The word grammar reads back what the reference speller writes, whole.
    #[test]
    fn words_round_trip(n in 0u64..1_000_000_000_000_000, hyphen: bool, and: bool) {
        let text = spell(n, hyphen, and);
        let tokens = tokenize(&text);
        let got = parse_number(&text, &tokens, 0);
        prop_assert!(got.is_some(), "{text:?} not read");
        let got = got.unwrap_or_else(|| unreachable!());
        prop_assert_eq!(got.value, n as f64, "{:?}", text);
        prop_assert_eq!(got.tokens.end, tokens.len(), "{:?} read only in part", text);
        prop_assert_eq!(got.kind, NumberKind::Cardinal);
    }

    /// Digits with thousands separators agree with plain integer formatting.
    #[test]
    fn grouped_digits(n in 0u64..9_007_199_254_740_992) {
        prop_assert_eq!(parse_digits(&group(n)), Ok(n as f64));
        prop_assert_eq!(parse_digits(&n.to_string()), Ok(n as f64));
    }

    /// Decimals agree with the standard library's correctly rounded parser.
    #[test]
    fn decimals(int in 0u64..1_000_000_000, frac in "[0-9]{1,12}") {
        let plain = format!("{int}.{frac}");
        let grouped = format!("{}.{frac}", group(int));
        let want: f64 = plain.parse().unwrap_or(f64::NAN);
        prop_assert_eq!(parse_digits(&plain), Ok(want));
        prop_assert_eq!(parse_digits(&grouped), Ok(want));
    }

    /// Never a panic, and spans are exact, on arbitrary Unicode.
    #[test]
    fn extractor_spans_on_any_text(text in "\\PC{0,200}") {
        let qs = QuantityExtractor::new().extract(&text);
        check_spans(&text, &qs)?;
        let tokens = tokenize(&text);
        for n in find_numbers(&text, &tokens) {
            prop_assert!(n.span.slice(&text).is_some());
        }
    }

    /// The same on text built from the extractor's own vocabulary, where it does real work.
    #[test]
    fn extractor_spans_on_number_soup(words in prop::collection::vec(prop::sample::select(vec![
        "one", "two", "twenty", "-", "–", "hundred", "and", "a", "dozen", "half", "of", "more",
        "than", "at", "least", "4,000", "5", "10", "1.4", "million", "per", "cent", "%", "$",
        "between", "even", "to", "or", "several", "thousand", "thousands", "fighters", "people",
        "first", "fourth", "quarters", "2017", "December", "17", ",", ".", "[", "]", "1", "years",
        "ago", "Rs", "5bn", "€", "nearly", "about", "up", "as", "many", "\u{a0}", "ISIS-K", "’s",
    ]), 0..40), sep in prop::sample::select(vec![" ", "", "  ", "\n"])) {
        let text = words.join(sep);
        let qs = QuantityExtractor::new().extract(&text);
        check_spans(&text, &qs)?;
    }

    /// `remove_overlapping` agrees with the quadratic definition.
    #[test]
    fn remove_overlapping_matches_reference(
        qs in prop::collection::vec((0usize..200, 1usize..20), 0..30),
        spans in prop::collection::vec((0usize..200, 0usize..20), 0..30),
    ) {
        let quantities: Vec<Quantity> = qs.iter().map(|&(s, l)| Quantity {
            span: Span::new(s, s + l),
            text: String::new(),
            kind: khabar_numdate::QuantityKind::Cardinal,
            low: None, high: None,
            approx: khabar_numdate::Approx::None,
            vague: false, unit: None, currency: None, dimension: None, si_value: None, si_unit: None,
        }).collect();
        let spans: Vec<Span> = spans.iter().map(|&(s, l)| Span::new(s, s + l)).collect();
        let mut fast = quantities.clone();
        remove_overlapping(&mut fast, &spans);
        let slow: Vec<Quantity> = quantities
            .into_iter()
            .filter(|q| !spans.iter().any(|s| !s.is_empty() && s.overlaps(q.span)))
            .collect();
        prop_assert_eq!(fast, slow);
    }
}

/// Reference for scientific notation: the mantissa as an integer `m` with `scale` fractional
/// digits, times 10^exp. With |exp − scale| ≤ 22 both factors are exact in `f64`, and one
/// IEEE multiplication or division is correctly rounded — the same value as reading the
/// decimal text.
fn notation_reference(m: u64, scale: i32, exp: i32) -> Option<f64> {
    let k = exp - scale;
    let p = 10f64.powi(k.abs());
    let v = if k >= 0 { m as f64 * p } else { m as f64 / p };
    (v <= MAX_EXACT_INTEGER).then_some(v)
}

fn only_number(text: &str) -> Option<NumberParse> {
    let found = find_number_expressions(text, &tokenize(text));
    match found.as_slice() {
        [n] if n.span.start == 0 && n.span.end == text.len() => Some(n.clone()),
        _ => None,
    }
}

proptest! {
    /// "1.5e6" and "1.5x10^6" agree with the reference above, and overflow is rejected.
    #[test]
    fn scientific_notation_matches_reference(
        int in 1u64..100_000,
        frac in "[0-9]{0,4}",
        exp in -12i32..18,
        times_ten: bool,
    ) {
        let mantissa = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
        let text = if times_ten {
            format!("{mantissa}x10^{exp}")
        } else {
            format!("{mantissa}e{exp}")
        };
        let digits: u64 = format!("{int}{frac}").parse().unwrap_or(0);
        let want = notation_reference(digits, frac.len() as i32, exp);
        let got = only_number(&text).map(|n| n.value);
        prop_assert_eq!(got, want, "{}", text);
    }

    /// "b^e" agrees with repeated multiplication (or division for negative exponents).
    #[test]
    fn powers_match_repeated_multiplication(base in 1u32..30, exp in -6i32..12) {
        let text = format!("{base}^{exp}");
        let mut want = 1f64;
        for _ in 0..exp.abs() {
            want *= f64::from(base);
        }
        if exp < 0 {
            want = 1.0 / want;
        }
        let got = only_number(&text).map(|n| n.value);
        if want > MAX_EXACT_INTEGER {
            // Beyond the exact range: rejected, not rounded.
            prop_assert!(got.is_none(), "{} = {:?}", text, got);
        } else {
            let got = got.unwrap_or(f64::NAN);
            prop_assert!((got - want).abs() <= want.abs() * 1e-12, "{} = {} not {}", text, got, want);
        }
    }

    /// "a out of b" and "a over b", in digits or words, is a / b when a ≤ b, and two
    /// numbers otherwise.
    #[test]
    fn ratios_are_quotients(a in 1u64..2000, b in 1u64..2000, words: bool, over: bool) {
        let show = |n: u64| if words { spell(n, true, true) } else { n.to_string() };
        let link = if over { "over" } else { "out of" };
        let text = format!("{} {link} {}", show(a), show(b));
        let found = find_number_expressions(&text, &tokenize(&text));
        if a <= b {
            prop_assert_eq!(found.len(), 1, "{}", text);
            prop_assert_eq!(found[0].value, a as f64 / b as f64);
            prop_assert_eq!(found[0].kind, NumberKind::Fraction);
        } else {
            let values: Vec<f64> = found.iter().map(|n| n.value).collect();
            prop_assert_eq!(values, vec![a as f64, b as f64], "{}", text);
        }
    }

    /// On any text the opt-in readers never panic and report sorted, non-overlapping spans
    /// on character boundaries; where no expression word or sign occurs, the expression
    /// reader is exactly `find_numbers` (its reference).
    #[test]
    fn opt_in_readers_on_number_soup(words in prop::collection::vec(prop::sample::select(vec![
        "one", "two", "twenty", "-", "hundred", "and", "a", "fifth", "fifths", "firsts", "half",
        "of", "over", "out", "in", "to", "the", "power", "^", "e", "x10", "1.5", "3", "10",
        "2018", "1e6", "last", "next", "previous", "current", "penultimate", "second", "but",
        "before", "first", "é", "%", ",",
    ]), 0..40), sep in prop::sample::select(vec![" ", ""])) {
        let text = words.join(sep);
        let tokens = tokenize(&text);
        let exprs = find_number_expressions(&text, &tokens);
        let rel = find_relative_ordinals(&text, &tokens);
        let spans: Vec<Span> = exprs.iter().map(|n| n.span).collect();
        let rel_spans: Vec<Span> = rel.iter().map(|r| r.span).collect();
        for list in [&spans, &rel_spans] {
            for s in list.iter() {
                prop_assert!(s.slice(&text).is_some());
            }
            for w in list.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
        }
        // Tokens an expression needs: a ratio or power word, "^", a glued exponent, or an
        // ordinal that could be a compound denominator; or a spoken numeral the expression
        // reader alone reads: a units word before a tens word ("one twenty two" = 122), two
        // scale words in a row ("three thousand millions").
        let has_expression = tokens.iter().any(|t| {
            let w = t.text(&text);
            matches!(w, "over" | "out" | "in" | "power" | "^" | "a" | "fifth" | "fifths" | "first" | "firsts")
                || (t.kind == khabar_tokenize::TokenKind::Number && w.contains(['e', 'x']))
        }) || tokens.windows(2).any(|p| {
            let (a, b) = (p[0].text(&text), p[1].text(&text));
            (matches!(a, "one" | "two") && b == "twenty") || (a == "hundred" && b == "hundred")
        });
        if !has_expression {
            prop_assert_eq!(exprs, find_numbers(&text, &tokens));
        }
    }
}

/// Text made of the words quantities are built from (number words, vague amounts, cues,
/// currencies, units, "percent") mixed with prose and random words, in random case.
fn quantity_text() -> impl Strategy<Value = String> {
    let vocab = prop::sample::select(vec![
        "one",
        "two",
        "three",
        "ten",
        "twelve",
        "twenty",
        "forty-five",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "lakh",
        "crore",
        "dozen",
        "dozens",
        "a",
        "an",
        "and",
        "half",
        "quarter",
        "point",
        "minus",
        "negative",
        "first",
        "third",
        "fifth",
        "fifths",
        "tenth",
        "several",
        "scores",
        "tens",
        "few",
        "couple",
        "of",
        "percent",
        "percents",
        "per",
        "cent",
        "%",
        "$",
        "US",
        "Rs",
        ".",
        "USD",
        "EUR",
        "£",
        "€",
        "dollars",
        "afghanis",
        "between",
        "to",
        "from",
        "about",
        "around",
        "nearly",
        "more",
        "than",
        "at",
        "least",
        "up",
        "over",
        "under",
        "almost",
        "some",
        "fighters",
        "people",
        "Talibs",
        "years",
        "months",
        "old",
        "killed",
        "were",
        "the",
        "Taliban",
        "Kabul",
        "in",
        "on",
        "March",
        "2018",
        "1,000",
        "4,000-6,000",
        "5-10",
        "5th",
        "21st",
        "1.5",
        "5m",
        "12",
        "170",
        "-",
        "–",
        ",",
        "(",
        ")",
        "x",
        "times",
        "fold",
        "zero",
        "nil",
        "nought",
    ]);
    let word = prop_oneof![
        4 => vocab.prop_map(str::to_string),
        1 => "[a-zA-Z]{1,9}",
        1 => "[0-9]{1,4}",
    ];
    let cased = (word, 0..3u8).prop_map(|(w, c)| match c {
        0 => w,
        1 => w.to_uppercase(),
        _ => {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        }
    });
    prop::collection::vec(
        (
            cased,
            prop::sample::select(vec![" ", " ", " ", "", "-", ", "]),
        ),
        0..30,
    )
    .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Skipping plain words never changes what the quantity extractor finds.
    #[test]
    fn quantity_word_filter_matches_reference(text in quantity_text()) {
        let fast = QuantityExtractor::new().extract(&text);
        let reference = QuantityExtractor::new().skip_plain_words(false).extract(&text);
        prop_assert_eq!(fast, reference);
    }
}

/// The same on the seed articles.
#[test]
fn quantity_word_filter_matches_reference_on_seeds() {
    for (p, text) in seeds::articles() {
        let fast = QuantityExtractor::new().extract(&text);
        let reference = QuantityExtractor::new()
            .skip_plain_words(false)
            .extract(&text);
        assert_eq!(fast, reference, "{}", p.display());
    }
}

/// The same on every input of the Recognizers-Text specs (number and date-time), when the
/// shared conformance data sits beside the repository.
#[test]
fn quantity_word_filter_matches_reference_on_conformance_inputs() {
    let root = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/conformance/recognizers-text"
    );
    let Ok(dirs) = std::fs::read_dir(root) else {
        eprintln!(
            "skipping: {root} not found (the shared conformance data sits beside the repository, not in it)"
        );
        return;
    };
    let mut checked = 0;
    for dir in dirs.filter_map(|e| e.ok().map(|e| e.path())) {
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        for file in files.filter_map(|e| e.ok().map(|e| e.path())) {
            let Ok(json) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Ok(cases) = serde_json::from_str::<Vec<serde_json::Value>>(&json) else {
                continue;
            };
            for case in cases {
                let Some(text) = case.get("Input").and_then(|v| v.as_str()) else {
                    continue;
                };
                let fast = QuantityExtractor::new().extract(text);
                let reference = QuantityExtractor::new()
                    .skip_plain_words(false)
                    .extract(text);
                assert_eq!(fast, reference, "{text:?} ({})", file.display());
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} conformance inputs read");
}
