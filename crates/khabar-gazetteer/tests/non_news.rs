//! Places the default gazetteer finds in text that is not news: they must be few and
//! defensible (issue 16). Two inputs:
//!
//! * `tests/data/non_news_sample.txt` (checked in: the GPL v3 and Apache 2.0 licences,
//!   verbatim): no place at all;
//! * the benchmark corpus `benches/data/corpus-10mb.txt` (Debian documentation, man pages,
//!   fortunes; built by `make bench-data`): every place found, with its count, must equal the
//!   reviewed list `tests/data/non_news_places.tsv`. Skipped, with a message, when the
//!   corpus has not been built. After a reviewed change, regenerate the list with
//!   `KHABAR_UPDATE_NON_NEWS=1 cargo test -p khabar-gazetteer --test non_news`.

use khabar_gazetteer::Gazetteer;
use std::collections::BTreeMap;
use std::path::Path;

fn gz() -> &'static Gazetteer {
    Gazetteer::default_gazetteer().unwrap_or_else(|e| panic!("{e}"))
}

/// `count <TAB> surface <TAB> id` of every place match (GPE, LOC, FAC), most frequent first.
fn places(text: &str) -> Vec<String> {
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for m in gz().find(text) {
        if matches!(m.entry().label(), "GPE" | "LOC" | "FAC") {
            let surface = m
                .as_str(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            *counts
                .entry((surface, m.entry().id().to_owned()))
                .or_default() += 1;
        }
    }
    let mut rows: Vec<(usize, String, String)> =
        counts.into_iter().map(|((s, id), n)| (n, s, id)).collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| (&a.1, &a.2).cmp(&(&b.1, &b.2))));
    rows.into_iter()
        .map(|(n, s, id)| format!("{n}\t{s}\t{id}"))
        .collect()
}

#[test]
fn licences_name_no_place() {
    let found = places(include_str!("data/non_news_sample.txt"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_benchmark_corpus_names_only_the_reviewed_places() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../../benches/data/corpus-10mb.txt");
    let Ok(text) = std::fs::read_to_string(&corpus) else {
        eprintln!(
            "skipped: {} is absent (run `make bench-data`)",
            corpus.display()
        );
        return;
    };
    let found = places(&text);
    let list = root.join("tests/data/non_news_places.tsv");
    let header = "# count\tsurface\tentry — every place the default gazetteer finds in \
                  benches/data/corpus-10mb.txt (reviewed; see tests/non_news.rs)";
    if std::env::var_os("KHABAR_UPDATE_NON_NEWS").is_some() {
        let body: String = found.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&list, format!("{header}\n{body}"))
            .unwrap_or_else(|e| panic!("{}: {e}", list.display()));
    }
    let want: Vec<String> = std::fs::read_to_string(&list)
        .unwrap_or_else(|e| panic!("{}: {e}", list.display()))
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let new: Vec<&String> = found.iter().filter(|l| !want.contains(l)).collect();
    let gone: Vec<&String> = want.iter().filter(|l| !found.contains(l)).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "places in non-news text changed; new: {new:#?}\ngone: {gone:#?}"
    );
}
