//! Seed gold: every quantity in the five seed articles, annotated by hand in
//! `tests/gold/quantities.jsonl` at the repository root. Prints precision, recall, span
//! exactness, value accuracy and unit accuracy, and fails if any falls below its threshold.

use khabar_numdate::{Quantity, QuantityExtractor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
struct GoldUnit {
    text: String,
}

#[derive(Debug, Deserialize)]
struct Gold {
    file: String,
    start: usize,
    end: usize,
    text: String,
    kind: String,
    low: Option<f64>,
    high: Option<f64>,
    approx: String,
    vague: bool,
    unit: Option<GoldUnit>,
}

/// Thresholds: the scores measured when the fixture was written, rounded down. Raise them
/// when the extractor improves; never lower them to make a change pass.
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.95;
const MIN_VALUE_ACCURACY: f64 = 0.95;
const MIN_UNIT_ACCURACY: f64 = 0.95;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn kind_name(q: &Quantity) -> String {
    serde_json::to_value(q.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn seed_gold_scores() {
    let gold_path = root().join("tests/gold/quantities.jsonl");
    let gold_text = std::fs::read_to_string(&gold_path).expect("tests/gold/quantities.jsonl");
    let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for (n, line) in gold_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: Gold = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
        gold.entry(g.file.clone()).or_default().push(g);
    }
    let extractor = QuantityExtractor::new();
    let (mut n_gold, mut n_pred, mut matched) = (0usize, 0usize, 0usize);
    let (mut exact_span, mut value_ok, mut unit_ok) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let name = path
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("seed");
        let preds = extractor.extract(&text);
        let golds = gold.remove(&name).unwrap_or_default();
        for g in &golds {
            assert_eq!(&text[g.start..g.end], g.text, "gold offsets in {name}");
        }
        n_gold += golds.len();
        n_pred += preds.len();
        let mut used = vec![false; preds.len()];
        for g in &golds {
            let hit = preds
                .iter()
                .enumerate()
                .find(|(k, p)| !used[*k] && p.span.start < g.end && g.start < p.span.end);
            let Some((k, p)) = hit else {
                report.push(format!("MISS {name} {:?}", g.text));
                continue;
            };
            used[k] = true;
            matched += 1;
            if p.span.start == g.start && p.span.end == g.end {
                exact_span += 1;
            } else {
                report.push(format!("SPAN {name} gold {:?} ours {:?}", g.text, p.text));
            }
            let values = kind_name(p) == g.kind
                && same(p.low, g.low)
                && same(p.high, g.high)
                && p.approx.as_str() == g.approx
                && p.vague == g.vague;
            if values {
                value_ok += 1;
            } else {
                report.push(format!(
                    "VALUE {name} {:?}: gold {} {:?}-{:?} {} {} ours {} {:?}-{:?} {} {}",
                    g.text,
                    g.kind,
                    g.low,
                    g.high,
                    g.approx,
                    g.vague,
                    kind_name(p),
                    p.low,
                    p.high,
                    p.approx.as_str(),
                    p.vague
                ));
            }
            let gu = g.unit.as_ref().map(|u| u.text.as_str());
            let pu = p.unit.as_ref().map(|u| u.text.as_str());
            if gu == pu {
                unit_ok += 1;
            } else {
                report.push(format!("UNIT {name} {:?}: gold {gu:?} ours {pu:?}", g.text));
            }
        }
        for (k, p) in preds.iter().enumerate() {
            if !used[k] {
                report.push(format!("EXTRA {name} {:?}", p.text));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(matched, n_pred);
    let recall = ratio(matched, n_gold);
    let value_acc = ratio(value_ok, matched);
    let unit_acc = ratio(unit_ok, matched);
    println!("seed gold: {n_gold} gold, {n_pred} predicted, {matched} matched");
    println!(
        "precision {precision:.3}  recall {recall:.3}  exact spans {:.3}  value accuracy {value_acc:.3}  unit accuracy {unit_acc:.3}",
        ratio(exact_span, matched)
    );
    for line in &report {
        println!("  {line}");
    }
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
    assert!(
        value_acc >= MIN_VALUE_ACCURACY,
        "value accuracy {value_acc:.3} < {MIN_VALUE_ACCURACY}"
    );
    assert!(
        unit_acc >= MIN_UNIT_ACCURACY,
        "unit accuracy {unit_acc:.3} < {MIN_UNIT_ACCURACY}"
    );
}
