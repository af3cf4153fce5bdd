//! Property tests: each fast path against a slow, obviously-correct reference, and the
//! extractor's span guarantees on arbitrary Unicode.

use khabar_numdate::number::{NumberKind, find_numbers, parse_digits, parse_number};
use khabar_numdate::{Quantity, QuantityExtractor, Span, remove_overlapping};
use khabar_tokenize::tokenize;
use proptest::prelude::*;

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
            vague: false, unit: None, currency: None,
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
