//! Helpers the conformance suites share: where the peers' corpora and khabar's divergence
//! tables are, reading a table, and the check that every failing case is listed and no
//! listed case passes.

// Each suite is its own crate and uses only some of these.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

/// A path under the shared conformance data beside the repository (`../shared/conformance/`).
pub fn shared(rel: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/conformance"
    ))
    .join(rel)
}

/// The path of a divergence table in `tests/conformance/`.
pub fn table_path(name: &str) -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance")).join(name)
}

/// The divergence table `name` (tab-separated, a header line, then `file/block`, `input`,
/// `theirs`, `ours`, `reason`), keyed by its first two columns, each with its whole line;
/// empty when the file is absent.
pub fn divergences(name: &str) -> BTreeMap<(String, String), String> {
    std::fs::read_to_string(table_path(name))
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((
                (f.next()?.to_string(), f.next()?.to_string()),
                l.to_string(),
            ))
        })
        .collect()
}

/// Tabs and line breaks made spaces, so that a text fits a table cell.
pub fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// A number to 12 significant digits (the peers' values are rounded to 15, ours are exact),
/// without a fraction when it is whole.
pub fn fmt_num(v: f64) -> String {
    let s = format!("{:.12e}", v);
    let Ok(back) = s.parse::<f64>() else { return s };
    if back == back.trunc() && back.abs() < 1e15 {
        format!("{}", back as i64)
    } else {
        format!("{back}")
    }
}

/// The character index of a byte offset.
pub fn char_pos(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

/// The failures not in `listed` (each written by `line`) and the listed lines that did not
/// fail.
pub fn unlisted_and_passing<V>(
    failures: &BTreeMap<(String, String), V>,
    listed: &BTreeMap<(String, String), String>,
    line: impl Fn(&(String, String), &V) -> String,
) -> (Vec<String>, Vec<String>) {
    let unlisted = failures
        .iter()
        .filter(|(k, _)| !listed.contains_key(*k))
        .map(|(k, v)| line(k, v))
        .collect();
    let passing = listed
        .iter()
        .filter(|(k, _)| !failures.contains_key(*k))
        .map(|(_, l)| l.clone())
        .collect();
    (unlisted, passing)
}

/// Fails when a failing case is not in the table `name`, or a listed one now passes.
pub fn assert_table_honest(name: &str, unlisted: &[String], passing: &[String]) {
    println!("{name}: all failures listed: {}", unlisted.is_empty());
    assert!(
        unlisted.is_empty(),
        "{} failures not in {name}:\n{}",
        unlisted.len(),
        unlisted.join("\n")
    );
    assert!(
        passing.is_empty(),
        "{} listed divergences now pass; remove them from {name}:\n{}",
        passing.len(),
        passing.join("\n")
    );
}
