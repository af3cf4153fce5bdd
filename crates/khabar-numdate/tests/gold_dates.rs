//! The hand-annotated seed gold (`tests/gold/dates.jsonl` at the repository root; how it was
//! made and each article's reference date: `tests/gold/README-dates.md`).
//!
//! Prints precision, recall and value accuracy and fails if any falls below its regression
//! threshold.

use khabar_numdate::{DateExtractor, Temporal};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The reference date of each seed article (`tests/gold/reference-dates.csv`, columns `file`
/// and `reference_date`; how each was established: `README-dates.md`).
fn references() -> Vec<(String, String)> {
    let raw = std::fs::read_to_string(root().join("tests/gold/reference-dates.csv"))
        .expect("reference dates");
    let mut lines = raw.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect("column");
    let (file, date) = (col("file"), col("reference_date"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[file].to_owned(), f[date].to_owned())
        })
        .collect()
}

/// Regression thresholds (fractions). Raise them when the extractor improves.
const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.95;
const MIN_VALUE_ACCURACY: f64 = 0.95;

#[derive(Debug, Deserialize)]
struct Gold {
    file: String,
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "mod")]
    modifier: Option<String>,
}

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn seed_gold_precision_recall_values() {
    let raw = std::fs::read_to_string(root().join("tests/gold/dates.jsonl")).expect("gold file");
    let mut gold: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let g: Gold = serde_json::from_str(line).expect("gold line");
        gold.entry(g.file.clone()).or_default().push(g);
    }
    let (mut n_gold, mut n_pred, mut n_match, mut n_value) = (0usize, 0usize, 0usize, 0usize);
    let references = references();
    assert_eq!(references.len(), 5, "one reference date per seed");
    for (file, reference) in &references {
        let file = file.as_str();
        let text = std::fs::read_to_string(root().join("seeds").join(file)).expect("seed");
        let ex = DateExtractor::new()
            .with_reference_date(reference)
            .expect("reference");
        let found: Vec<Temporal> = ex.extract(&text);
        let golds = gold.get(file).map(Vec::as_slice).unwrap_or(&[]);
        for g in golds {
            assert_eq!(
                text.get(g.start..g.end),
                Some(g.text.as_str()),
                "gold offsets for {g:?}"
            );
        }
        n_gold += golds.len();
        n_pred += found.len();
        for g in golds {
            match found
                .iter()
                .find(|t| t.span.start == g.start && t.span.end == g.end)
            {
                Some(t) => {
                    n_match += 1;
                    let md = t.modifier.map(|m| m.as_str().to_string());
                    if t.value == g.value && t.kind.as_str() == g.kind && md == g.modifier {
                        n_value += 1;
                    } else {
                        println!(
                            "value  {file} {:?}: gold {} {} {:?}, ours {} {} {:?}",
                            g.text, g.kind, g.value, g.modifier, t.kind, t.value, md
                        );
                    }
                }
                None => println!("missed {file} {:?} ({} {})", g.text, g.kind, g.value),
            }
        }
        for t in &found {
            if !golds
                .iter()
                .any(|g| g.start == t.span.start && g.end == t.span.end)
            {
                println!("extra  {file} {:?} ({} {})", t.text, t.kind, t.value);
            }
        }
    }
    let precision = n_match as f64 / n_pred.max(1) as f64;
    let recall = n_match as f64 / n_gold.max(1) as f64;
    let value_acc = n_value as f64 / n_match.max(1) as f64;
    println!(
        "seed gold: {n_gold} gold, {n_pred} found, {n_match} exact spans; precision {:.3}, recall {:.3}, value accuracy {:.3} ({n_value}/{n_match})",
        precision, recall, value_acc
    );
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
    assert!(
        value_acc >= MIN_VALUE_ACCURACY,
        "value accuracy {value_acc:.3} < {MIN_VALUE_ACCURACY}"
    );
}
