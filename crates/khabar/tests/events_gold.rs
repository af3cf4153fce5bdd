//! The event layer on the five seed articles: the role of every cardinal quantity
//! (`tests/gold/roles.jsonl`) and the incidents they report (`tests/gold/events.jsonl`).
//! Run with `--nocapture` for the table; thresholds fail the test on regression.

use khabar::{Input, Pipeline};
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn lines(path: &str) -> Vec<Value> {
    std::fs::read_to_string(root().join(path))
        .expect("gold file in the repository")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON"))
        .collect()
}

fn document(file: &str) -> khabar::Document {
    let text = std::fs::read_to_string(root().join("seeds").join(file)).expect("seed");
    let nlp = Pipeline::new().expect("pipeline");
    nlp.process_input(Input {
        id: Some(file.to_owned()),
        text: &text,
        reference_date: None,
    })
}

#[test]
fn seed_roles_and_events() {
    let roles = lines("tests/gold/roles.jsonl");
    let (mut right, mut with_role, mut predicted, mut correct_pred) = (0, 0, 0, 0);
    let mut docs = std::collections::HashMap::new();
    for g in &roles {
        let file = g["file"].as_str().unwrap_or("");
        let doc = docs
            .entry(file.to_owned())
            .or_insert_with(|| document(file));
        let start = g["start"].as_u64().unwrap_or(0) as usize;
        let got = doc
            .roles
            .iter()
            .find(|f| f.span.start <= start && start < f.span.end.max(f.span.start + 1))
            .map(|f| f.role.as_str().to_owned());
        let gold = g["role"].as_str().map(str::to_owned);
        if gold.is_some() {
            with_role += 1;
            right += usize::from(got == gold);
        }
        if got.is_some() {
            predicted += 1;
            correct_pred += usize::from(got == gold);
        }
        if got != gold {
            println!("role {file} {:?}: gold {gold:?} got {got:?}", g["text"]);
        }
    }
    let recall = right as f64 / with_role.max(1) as f64;
    let precision = correct_pred as f64 / predicted.max(1) as f64;
    println!("seed roles: P {precision:.3} R {recall:.3} ({right}/{with_role} gold roles)");

    let events = lines("tests/gold/events.jsonl");
    let (mut counts_ok, mut perp_ok, mut type_ok) = (0, 0, 0);
    for g in &events {
        let file = g["file"].as_str().unwrap_or("");
        let doc = docs
            .entry(file.to_owned())
            .or_insert_with(|| document(file));
        let at = g["byte"].as_u64().unwrap_or(0) as usize;
        let e = doc
            .events
            .iter()
            .find(|e| e.span.start <= at && at < e.span.end);
        let ok = e.is_some_and(|e| {
            g["counts"].as_object().is_some_and(|m| {
                m.iter()
                    .all(|(k, v)| k.parse().ok().and_then(|r| e.count(r)) == v.as_f64())
            })
        });
        let perp = e
            .and_then(|e| e.perpetrator.as_ref())
            .map(|p| p.name.as_str());
        let perp_right = perp == g["perpetrator"].as_str();
        counts_ok += usize::from(ok);
        perp_ok += usize::from(perp_right);
        let got_type = e.map(|e| e.event_type.as_str());
        let type_right = got_type == g["type"].as_str();
        type_ok += usize::from(type_right);
        if !type_right {
            println!(
                "event {:?}: gold type {} got {:?}",
                g["anchor"], g["type"], got_type
            );
        }
        if !ok || !perp_right {
            println!(
                "event {:?}: gold {} {:?}, got {:?} {:?}",
                g["anchor"],
                g["counts"],
                g["perpetrator"],
                e.map(|e| &e.counts),
                perp
            );
        }
    }
    println!(
        "seed events: counts right {counts_ok}/{}, perpetrator right {perp_ok}/{}, type right \
         {type_ok}/{}",
        events.len(),
        events.len(),
        events.len()
    );
    assert!(
        recall >= RECALL && precision >= PRECISION,
        "P {precision:.3} R {recall:.3}"
    );
    assert!(
        counts_ok >= COUNTS_OK,
        "{counts_ok} events with right counts"
    );
    assert!(type_ok >= TYPE_OK, "{type_ok} events with the right type");
    assert!(
        perp_ok >= PERP_OK,
        "{perp_ok} events with the right perpetrator"
    );
}

/// Regression thresholds, at or a little under the scores when they were set (roles P 0.886
/// R 0.861; 9/9 events with the right counts, 7/9 with the right perpetrator).
const RECALL: f64 = 0.83;
const PRECISION: f64 = 0.85;
const COUNTS_OK: usize = 9;
const PERP_OK: usize = 7;
/// Events of the right type (the gold's `type`; 8/9 when it was set: the Kabul airport
/// attacks merge with an earlier sentence's suicide attack).
const TYPE_OK: usize = 8;
