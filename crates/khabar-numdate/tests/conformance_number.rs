//! Conformance against Microsoft Recognizers-Text's English number specs (MIT), read from
//! `../shared/conformance/recognizers-text/Number/` beside the repository when present.
//!
//! How each spec file maps onto khabar:
//!
//! | file | khabar API | compared |
//! |---|---|---|
//! | NumberModel | `find_number_expressions`, cardinals and fractions, less the "one" that `is_pronoun_one` calls a pronoun | span and value of every result |
//! | OrdinalModel | `find_number_expressions` ordinals and `find_relative_ordinals` | span and value |
//! | PercentModel | `QuantityExtractor`, `kind == percent` | span and value (per cent) |
//! | NumberRangeModel | `QuantityExtractor`, ranges and cued bounds | span, low and high |
//!
//! Why these APIs: the number layer is what a calculator-style spec exercises, and khabar
//! keeps two opt-in readers beside `find_numbers` for the forms news prose does not want
//! read as one number — `find_number_expressions` (scientific notation, powers, ratios as a
//! quotient: the quantity extractor keeps "3 out of 5" as two counts) and
//! `find_relative_ordinals` ("last" = end+0, "next" = current+1: positions by reference,
//! which khabar's quantities exclude). OrdinalModel's relative resolutions ("end-1",
//! "current+1") are compared as the `Display` form of `RelativeOrdinal`; a numeric ordinal
//! inside a relative one ("second" in "the second to last") gives way to it.
//!
//! Interval brackets in NumberRangeModel ("[20,30)" versus "(20,30]") are not compared:
//! khabar states inclusiveness through `approx` (more_than versus at_least), not through
//! the bounds. Spans are compared in characters, with their inclusive `End` made exclusive.
//!
//! Every failing case must be listed in `tests/conformance/number_divergences.tsv` with the
//! reason khabar differs; a listed case that starts passing fails the test too, so the table
//! stays honest.

use khabar_numdate::number::{NumberKind, find_number_expressions, find_relative_ordinals};
use khabar_numdate::quantity::is_pronoun_one;
use khabar_numdate::{Approx, QuantityExtractor, QuantityKind};
use khabar_tokenize::tokenize;
use serde_json::Value;
use std::path::PathBuf;

const FILES: &[&str] = &[
    "NumberModel",
    "NumberRangeModel",
    "OrdinalModel",
    "PercentModel",
];

mod common;
use common::{assert_table_honest, char_pos, clean, divergences, fmt_num, shared};

fn spec_dir() -> PathBuf {
    shared("recognizers-text/Number")
}

/// One result, normalized for comparison: char span (exclusive end) and values as text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    start: usize,
    end: usize,
    value: String,
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map(fmt_num).unwrap_or_default()
}

/// Their expectation for a case.
fn expected(file: &str, case: &Value) -> Vec<Item> {
    let mut out = Vec::new();
    for r in case["Results"].as_array().into_iter().flatten() {
        let start = r["Start"].as_u64().unwrap_or(0) as usize;
        let end = r["End"].as_u64().unwrap_or(0) as usize + 1;
        let res = &r["Resolution"];
        let value = match file {
            "NumberRangeModel" => {
                // "[20,30)", "(30,)", "(,100]".
                let v = res["value"].as_str().unwrap_or("");
                let inner = v.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')'));
                let (a, b) = inner.split_once(',').unwrap_or((inner, ""));
                let p = |s: &str| s.trim().parse::<f64>().ok();
                format!("{}..{}", fmt_opt(p(a)), fmt_opt(p(b)))
            }
            "PercentModel" => match res["value"].as_str() {
                Some(v) => v
                    .trim_end_matches('%')
                    .parse::<f64>()
                    .map(fmt_num)
                    .unwrap_or_else(|_| v.to_string()),
                None => "null".to_string(),
            },
            _ => match res["value"].as_str() {
                Some(v) => v
                    .parse::<f64>()
                    .map(fmt_num)
                    .unwrap_or_else(|_| v.to_string()),
                None => "null".to_string(),
            },
        };
        out.push(Item { start, end, value });
    }
    out.sort();
    out
}

/// What khabar finds.
fn ours(file: &str, input: &str) -> Vec<Item> {
    let tokens = tokenize(input);
    let mut out = Vec::new();
    match file {
        "NumberModel" | "OrdinalModel" => {
            let want_ordinal = file == "OrdinalModel";
            let relative = if want_ordinal {
                find_relative_ordinals(input, &tokens)
            } else {
                Vec::new()
            };
            for r in &relative {
                out.push(Item {
                    start: char_pos(input, r.span.start),
                    end: char_pos(input, r.span.end),
                    value: r.to_string(),
                });
            }
            for n in find_number_expressions(input, &tokens) {
                if (n.kind == NumberKind::Ordinal) != want_ordinal {
                    continue;
                }
                let inside = relative
                    .iter()
                    .any(|r| r.span.start <= n.span.start && n.span.end <= r.span.end);
                // The number layer reads "one" literally; the pronoun rule is the quantity
                // extractor's, and this spec expects it applied.
                if inside || is_pronoun_one(input, &tokens, &n) {
                    continue;
                }
                out.push(Item {
                    start: char_pos(input, n.span.start),
                    end: char_pos(input, n.span.end),
                    value: fmt_num(n.value),
                });
            }
        }
        "PercentModel" => {
            for q in QuantityExtractor::new().extract_tokens(input, &tokens) {
                if q.kind != QuantityKind::Percent {
                    continue;
                }
                out.push(Item {
                    start: char_pos(input, q.span.start),
                    end: char_pos(input, q.span.end),
                    value: fmt_opt(q.low.or(q.high)),
                });
            }
        }
        _ => {
            for q in QuantityExtractor::new().extract_tokens(input, &tokens) {
                let is_range = q.approx != Approx::None || q.low != q.high;
                if !is_range {
                    continue;
                }
                out.push(Item {
                    start: char_pos(input, q.span.start),
                    end: char_pos(input, q.span.end),
                    value: format!("{}..{}", fmt_opt(q.low), fmt_opt(q.high)),
                });
            }
        }
    }
    out.sort();
    out
}

fn show(input: &str, items: &[Item]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|it| {
            let t: String = input
                .chars()
                .skip(it.start)
                .take(it.end - it.start)
                .collect();
            format!("{t}={}", it.value)
        })
        .collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(" | ")
    }
}

#[test]
fn recognizers_text_number_specs() {
    let dir = spec_dir();
    if !dir.is_dir() {
        println!(
            "skipping: {} not found (the shared conformance data sits beside the repository, not in it)",
            dir.display()
        );
        return;
    }
    // (file, input) → line
    let table = divergences("number_divergences.tsv");
    let mut unlisted = Vec::new();
    let mut stale = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for file in FILES {
        let raw = std::fs::read_to_string(dir.join(format!("{file}.json"))).expect("spec file");
        let raw = raw.trim_start_matches('\u{feff}');
        let cases: Vec<Value> = serde_json::from_str(raw).expect("spec JSON");
        let mut pass = 0usize;
        let mut listed = 0usize;
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or("");
            let want = expected(file, case);
            let got = ours(file, input);
            let key = (file.to_string(), clean(input));
            seen.insert(key.clone());
            if want == got {
                pass += 1;
                if table.contains_key(&key) {
                    stale.push(format!("{file}\t{}", clean(input)));
                }
            } else if table.contains_key(&key) {
                listed += 1;
            } else {
                unlisted.push(format!(
                    "{file}\t{}\t{}\t{}\tTODO",
                    clean(input),
                    clean(&show(input, &want)),
                    clean(&show(input, &got))
                ));
            }
        }
        println!(
            "{file}: {pass}/{} pass ({:.1}%), {listed} documented divergences",
            cases.len(),
            100.0 * pass as f64 / cases.len().max(1) as f64
        );
    }
    for key in table.keys() {
        if !seen.contains(key) {
            stale.push(format!("{}\t{} (no such case)", key.0, key.1));
        }
    }
    assert_table_honest("number_divergences.tsv", &unlisted, &stale);
}
