//! Recall and precision of the default gazetteer on a development set of place mentions in
//! the spellings the press uses (`tests/data/places_dev.txt`, written for this project; the
//! file's header gives the format). Printed with `--nocapture`; thresholds below.

use khabar_gazetteer::{EntryRef, Gazetteer};
use std::collections::HashSet;

/// Recall: the share of mentions whose best candidate is the annotated place.
const MIN_RECALL: f64 = 0.90;
/// Precision: the share of place matches (GPE, LOC, FAC) that are an annotated mention with
/// the right best candidate.
const MIN_PRECISION: f64 = 0.95;

struct Mention {
    line: usize,
    start: usize,
    end: usize,
    spec: String,
}

/// The text of a line without its marks, and its mentions (byte spans into that text).
fn parse(line: &str, n: usize) -> (String, Vec<Mention>) {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("[[") {
        text.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let close = after
            .find("]]")
            .unwrap_or_else(|| panic!("line {n}: unclosed [["));
        let (surface, spec) = after[..close]
            .split_once('|')
            .unwrap_or_else(|| panic!("line {n}: no target in {}", &after[..close]));
        let start = text.len();
        text.push_str(surface);
        mentions.push(Mention {
            line: n,
            start,
            end: text.len(),
            spec: spec.to_owned(),
        });
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, mentions)
}

fn under(e: EntryRef<'_>, scope: &str) -> bool {
    let mut cur = Some(e);
    for _ in 0..8 {
        let Some(c) = cur else { return false };
        if c.id() == scope {
            return true;
        }
        cur = c.parent();
    }
    false
}

/// The entries a target names (see the data file's header).
fn resolve(gz: &Gazetteer, spec: &str) -> HashSet<String> {
    let literal = ["GEO:", "GN:", "FAC:", "LOC:"]
        .iter()
        .any(|p| spec.starts_with(p));
    if literal {
        return gz
            .get(spec)
            .map(|e| e.id().to_owned())
            .into_iter()
            .collect();
    }
    let Some((scope, name)) = spec.split_once('/') else {
        return HashSet::new();
    };
    let name = name.to_lowercase();
    gz.entries()
        .filter(|e| e.aliases().any(|a| a.to_lowercase() == name))
        .filter(|&e| {
            if scope.contains('-') {
                under(e, &format!("GEO:{scope}"))
            } else {
                e.country() == Some(scope)
            }
        })
        .map(|e| e.id().to_owned())
        .collect()
}

#[test]
fn recall_and_precision_on_the_development_set() {
    let gz = Gazetteer::default_gazetteer().unwrap_or_else(|e| panic!("{e}"));
    let data = include_str!("data/places_dev.txt");
    let (mut mentions, mut found, mut found_any) = (0usize, 0usize, 0usize);
    let (mut place_matches, mut right_matches) = (0usize, 0usize);
    let mut bad_targets = Vec::new();
    let mut misses = Vec::new();
    let mut false_places = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (text, ms) = parse(line, i + 1);
        let matches = gz.find(&text);
        let mut used = vec![false; matches.len()];
        for m in &ms {
            mentions += 1;
            let want = resolve(gz, &m.spec);
            if want.is_empty() {
                bad_targets.push(format!("line {}: {}", m.line, m.spec));
                continue;
            }
            let hit = matches
                .iter()
                .position(|x| x.start() < m.end && m.start < x.end());
            match hit {
                Some(k) if want.contains(matches[k].entry().id()) => {
                    found += 1;
                    found_any += 1;
                    used[k] = true;
                }
                Some(k) => {
                    if matches[k].entries().any(|e| want.contains(e.id())) {
                        found_any += 1;
                    }
                    misses.push(format!(
                        "line {}: {:?} → {} (want {})",
                        m.line,
                        &text[m.start..m.end],
                        matches[k].entry().id(),
                        m.spec
                    ));
                }
                None => misses.push(format!(
                    "line {}: {:?} not found (want {})",
                    m.line,
                    &text[m.start..m.end],
                    m.spec
                )),
            }
        }
        for (k, x) in matches.iter().enumerate() {
            if matches!(x.entry().label(), "GPE" | "LOC" | "FAC") {
                place_matches += 1;
                if used[k] {
                    right_matches += 1;
                } else if !ms.iter().any(|m| x.start() < m.end && m.start < x.end()) {
                    false_places.push(format!(
                        "line {}: {:?} → {}",
                        i + 1,
                        x.as_str(&text),
                        x.entry().id()
                    ));
                }
            }
        }
    }
    assert!(
        bad_targets.is_empty(),
        "targets naming no entry: {bad_targets:#?}"
    );
    let recall = found as f64 / mentions as f64;
    let recall_any = found_any as f64 / mentions as f64;
    let precision = right_matches as f64 / place_matches.max(1) as f64;
    println!(
        "development set: {mentions} mentions; recall {recall:.3} (best candidate), \
         {recall_any:.3} (any candidate); precision {precision:.3} ({right_matches} of \
         {place_matches} place matches)"
    );
    println!("misses: {misses:#?}");
    println!("places where none is marked: {false_places:#?}");
    assert!(mentions >= 400, "{mentions} mentions");
    assert!(recall >= MIN_RECALL, "recall {recall:.3}: {misses:#?}");
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3}: {false_places:#?}"
    );
}
