//! Conformance for quantities with units and for numerals, against two peers' corpora read
//! from `../shared/conformance/` beside the repository when present (skipped with a message
//! otherwise):
//!
//! | corpus | khabar API | compared |
//! |---|---|---|
//! | Recognizers-Text NumberWithUnit `CurrencyModel` | `QuantityExtractor`, `kind == money` | span and value |
//! | Recognizers-Text NumberWithUnit `DimensionModel` | `QuantityExtractor`, `kind == measure` | span and value (in the unit written) |
//! | Recognizers-Text NumberWithUnit `TemperatureModel` | `QuantityExtractor`, `dimension == temperature` | span and value |
//! | Recognizers-Text NumberWithUnit `AgeModel` | `QuantityExtractor`, `kind == age` | start and value (khabar's span is the number, theirs runs on to "years old") |
//!
//! Spans: khabar's starts with the comparison cue ("about 17 km"), theirs with the number,
//! so a result matches when the values and ends agree and their start lies inside ours.
//! | Duckling `numeral_en` | `find_number_expressions`, else `QuantityExtractor` | one result covering the whole text, and its value |
//!
//! Every failing case must be listed in `tests/conformance/unit_divergences.tsv` with the
//! reason khabar differs; a listed case that starts passing fails the test too.

use khabar_numdate::number::find_number_expressions;
use khabar_numdate::{Dimension, QuantityExtractor, QuantityKind};
use khabar_tokenize::tokenize;
use serde_json::Value;
use std::collections::BTreeSet;

mod common;
use common::{assert_table_honest, char_pos, clean, divergences, fmt_num, shared};

/// (start, end, value) in characters; `end` is `usize::MAX` where only the start counts.
type Item = (usize, usize, String);

fn theirs_rt(file: &str, case: &Value) -> Vec<Item> {
    let mut out: Vec<Item> = case["Results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = if file == "AgeModel" {
                usize::MAX
            } else {
                r["End"].as_u64().unwrap_or(0) as usize + 1
            };
            let v = r["Resolution"]["value"].as_str().unwrap_or("null");
            let value = v
                .parse::<f64>()
                .map(fmt_num)
                .unwrap_or_else(|_| v.to_string());
            (start, end, value)
        })
        .collect();
    out.sort();
    out
}

fn ours_rt(file: &str, input: &str) -> Vec<Item> {
    let mut out: Vec<Item> = QuantityExtractor::new()
        .extract(input)
        .into_iter()
        .filter(|q| match file {
            "CurrencyModel" => q.kind == QuantityKind::Money,
            "DimensionModel" => {
                q.kind == QuantityKind::Measure && q.dimension != Some(Dimension::Temperature)
            }
            "TemperatureModel" => q.dimension == Some(Dimension::Temperature),
            _ => q.kind == QuantityKind::Age,
        })
        .map(|q| {
            let start = char_pos(input, q.span.start);
            let end = if file == "AgeModel" {
                usize::MAX
            } else {
                char_pos(input, q.span.end)
            };
            let value = q.low.or(q.high).map(fmt_num).unwrap_or_default();
            (start, end, value)
        })
        .collect();
    out.sort();
    out
}

/// Their item and ours agree: the same value, the same end (ages: any end), and their
/// start inside our span — khabar's span begins with the comparison cue ("about 17 km",
/// "more than $ 247 million"), theirs at the number.
fn same_item(want: &Item, got: &Item) -> bool {
    let (ws, we, wv) = want;
    let (gs, ge, gv) = got;
    wv == gv && we == ge && gs <= ws && (*ge == usize::MAX || ws < ge)
}

fn show(input: &str, items: &[Item]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|(s, e, v)| {
            let n = if *e == usize::MAX { 12 } else { e - s };
            let t: String = input.chars().skip(*s).take(n).collect();
            format!("{t}={v}")
        })
        .collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        clean(&parts.join(" | "))
    }
}

/// Duckling: one result covering the whole text with the value.
fn duckling_ok(text: &str, value: f64) -> (bool, String) {
    let tokens = tokenize(text);
    let whole = |s: usize, e: usize| s == 0 && e == text.len();
    let same = |v: f64| (v - value).abs() <= 1e-9 * value.abs().max(1.0);
    let ns = find_number_expressions(text, &tokens);
    if let [n] = ns.as_slice() {
        if whole(n.span.start, n.span.end) && same(n.value) {
            return (true, String::new());
        }
    }
    let qs = QuantityExtractor::new().extract_tokens(text, &tokens);
    if let [q] = qs.as_slice() {
        if whole(q.span.start, q.span.end) && q.low.is_some_and(same) {
            return (true, String::new());
        }
    }
    let got: Vec<String> = ns
        .iter()
        .map(|n| format!("{}={}", n.span.slice(text).unwrap_or(""), fmt_num(n.value)))
        .collect();
    (
        false,
        if got.is_empty() {
            "-".into()
        } else {
            got.join(" | ")
        },
    )
}

#[test]
fn units_and_numerals_conformance() {
    let dir = shared("");
    if !dir.is_dir() {
        println!(
            "skipping: {} not found (the shared conformance data sits beside the repository, not in it)",
            dir.display()
        );
        return;
    }
    let table = divergences("unit_divergences.tsv");
    let (mut unlisted, mut stale, mut seen) = (Vec::new(), Vec::new(), BTreeSet::new());
    let mut judge = |file: &str, input: &str, pass: bool, want: String, got: String| -> bool {
        let key = (file.to_string(), clean(input));
        seen.insert(key.clone());
        let listed = table.contains_key(&key);
        if pass && listed {
            stale.push(format!("{file}\t{}", clean(input)));
        } else if !pass && !listed {
            unlisted.push(format!("{file}\t{}\t{want}\t{got}\tTODO", clean(input)));
        }
        pass
    };
    for file in [
        "CurrencyModel",
        "DimensionModel",
        "TemperatureModel",
        "AgeModel",
    ] {
        let path = dir.join(format!("recognizers-text/NumberWithUnit/{file}.json"));
        let raw = std::fs::read_to_string(&path).expect("spec file");
        let cases: Vec<Value> =
            serde_json::from_str(raw.trim_start_matches('\u{feff}')).expect("spec JSON");
        let mut pass = 0;
        for case in &cases {
            let input = case["Input"].as_str().unwrap_or("");
            let (want, got) = (theirs_rt(file, case), ours_rt(file, input));
            let ok = want.len() == got.len() && want.iter().zip(&got).all(|(w, g)| same_item(w, g));
            if judge(file, input, ok, show(input, &want), show(input, &got)) {
                pass += 1;
            }
        }
        println!(
            "{file}: {pass}/{} pass ({:.1}%)",
            cases.len(),
            100.0 * f64::from(pass) / cases.len().max(1) as f64
        );
    }
    let raw = std::fs::read_to_string(dir.join("duckling/numeral_en.jsonl")).expect("duckling");
    let (mut pass, mut total) = (0, 0);
    for line in raw.lines() {
        let case: Value = serde_json::from_str(line).expect("jsonl");
        let text = case["text"].as_str().unwrap_or("");
        let Some(value) = case["value"].as_f64() else {
            continue;
        };
        total += 1;
        let (ok, got) = duckling_ok(text, value);
        if judge("duckling_numeral", text, ok, fmt_num(value), got) {
            pass += 1;
        }
    }
    println!(
        "Duckling numeral_en: {pass}/{total} pass ({:.1}%)",
        100.0 * f64::from(pass) / f64::from(total.max(1))
    );
    for key in table.keys() {
        if !seen.contains(key) {
            stale.push(format!("{}\t{} (no such case)", key.0, key.1));
        }
    }
    assert_table_honest("unit_divergences.tsv", &unlisted, &stale);
}
