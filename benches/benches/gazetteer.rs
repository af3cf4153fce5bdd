//! Gazetteer matching throughput: khabar-gazetteer with its full semantics beside two naive
//! baselines run on the same aliases and the same text. Also build, save and load, and the
//! memory each matcher holds.
//!
//! What each matcher does:
//!
//! | matcher | case | word boundaries | typography, diacritics | result |
//! |---|---|---|---|---|
//! | `khabar` | Unicode case folding (aliases marked case-sensitive stay so) | whole tokens only: a candidate that is not on token boundaries is dropped and the search goes on inside it | folds ’ ‘ – — and strips diacritics on both sides, offsets map back to the original text | leftmost-longest, one canonical entry per match |
//! | `aho-corasick` | ASCII case-insensitive (`ascii_case_insensitive`) | checked afterwards: a leftmost-longest match with a letter or digit beside it is thrown away, nothing shorter is tried in its place | none | leftmost-longest, the pattern's entry |
//! | `daachorse` | ASCII: patterns and text lower-cased with `to_ascii_lowercase` (same byte offsets) | as `aho-corasick` | none | leftmost-longest (`MatchKind::LeftmostLongest`), the entry as the pattern's value |
//!
//! The two baselines compute the same thing (the bench checks that their counts agree before
//! timing them); they are what a user writes in an afternoon. They also ignore the aliases a
//! gazetteer marks case-sensitive (`US`, `IS`, `AAF`): on general English text they match
//! "us" and "is" everywhere, which is why their match counts (printed) far exceed khabar's. They are lower bounds on the
//! cost of khabar's semantics, not equivalents: on text with typographic apostrophes, accented
//! names or a match abutting another word they return less than khabar does.
//!
//! Inputs: the seeds, and the 10 MB real-text corpus (`benches/data/corpus-10mb.txt`, see
//! `benches/make_corpus.py`). Gazetteers: the bundled default one, and the large GeoNames-
//! derived one (`benches/data/large_gazetteer.csv`, over a million aliases). Both data files
//! are built by `make bench-data`; without the large gazetteer its cases are skipped with a
//! message saying how to build it.
//!
//! Memory: the heap each matcher holds is printed, and written to
//! `benches/results/gazetteer-memory.md`: `memory_usage()` for aho-corasick, `heap_bytes()`
//! for daachorse, and for khabar (which has no such API) the growth of the process's
//! resident set while building it (Linux only; an estimate that includes allocator slack).

use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
#[path = "../shared/daachorse_baseline.rs"]
mod daachorse_baseline;
use daachorse_baseline::{Daachorse, on_word_boundaries};
use khabar_benches::corpus;
use khabar_gazetteer::{DEFAULT_DATA, Gazetteer, MatchKind, Scratch};
use std::hint::black_box;
use std::path::PathBuf;

fn large_gazetteer_path() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/large_gazetteer.csv"
    ))
}

/// The naive baseline: every alias as an Aho-Corasick pattern.
struct Naive {
    ac: AhoCorasick,
    /// Entry index of each pattern, to resolve a match as khabar does.
    entry_of: Vec<usize>,
}

impl Naive {
    fn new(gz: &Gazetteer) -> Naive {
        let mut patterns = Vec::with_capacity(gz.alias_count());
        let mut entry_of = Vec::with_capacity(gz.alias_count());
        for e in gz.entries() {
            for a in e.aliases() {
                patterns.push(a);
                entry_of.push(e.index());
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(AcMatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("aho-corasick builds");
        Naive { ac, entry_of }
    }

    /// Matches whose ends are word boundaries (no alphanumeric character on either side).
    fn count(&self, text: &str) -> usize {
        let mut n = 0;
        for m in self.ac.find_iter(text) {
            if on_word_boundaries(text, m.start(), m.end()) {
                black_box(self.entry_of.get(m.pattern().as_usize()));
                n += 1;
            }
        }
        n
    }
}

/// Resident set size of this process in bytes (Linux `/proc/self/statm`), if known.
fn rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn khabar_count(gz: &Gazetteer, docs: &[String], scratch: &mut Scratch) -> usize {
    let mut out = Vec::new();
    let mut n = 0;
    for d in docs {
        out.clear();
        gz.find_into(d, MatchKind::LeftmostLongest, scratch, &mut out);
        n += out.len();
    }
    n
}

fn bench_matching(c: &mut Criterion) {
    let inputs = [
        ("seeds", vec![corpus::seeds_joined()]),
        ("large", corpus::large(corpus::TEN_MB)),
    ];
    let rss0 = rss_bytes();
    let default = Gazetteer::default_gazetteer().expect("default gazetteer builds");
    let mut gazetteers: Vec<(&str, Gazetteer, Option<u64>)> = vec![(
        "default",
        default.clone(),
        rss0.zip(rss_bytes()).map(|(a, b)| b.saturating_sub(a)),
    )];
    let path = large_gazetteer_path();
    if path.exists() {
        let rss0 = rss_bytes();
        let gz = Gazetteer::from_csv_path(&path).expect("large gazetteer loads");
        let grown = rss0.zip(rss_bytes()).map(|(a, b)| b.saturating_sub(a));
        eprintln!(
            "large gazetteer: {} entries, {} aliases",
            gz.len(),
            gz.alias_count()
        );
        gazetteers.push(("large-gazetteer", gz, grown));
    } else {
        eprintln!(
            "\nSKIPPING the large-gazetteer cases: {} not found.\n\
             Build it (and the corpus) with `make bench-data`, or alone with\n    \
             python3 scripts/build_gazetteer.py --large {}\n\
             (in a venv with scripts/requirements-gazetteer.txt).\n",
            path.display(),
            path.display()
        );
    }
    let mut memory = String::from(
        "| gazetteer | aliases | khabar (RSS growth while building) | aho-corasick `memory_usage()` | daachorse `heap_bytes()` |\n|---|---:|---:|---:|---:|\n",
    );
    let mut group = c.benchmark_group("gazetteer-match");
    group.sample_size(10);
    for (gname, gz, khabar_rss) in &gazetteers {
        let naive = Naive::new(gz);
        let daac = Daachorse::new(gz);
        let line = format!(
            "| {gname} | {} | {} | {:.1} MiB | {:.1} MiB |\n",
            gz.alias_count(),
            khabar_rss.map_or("n/a".to_owned(), |b| format!("{:.1} MiB", mib(b))),
            mib(naive.ac.memory_usage() as u64),
            mib(daac.pma.heap_bytes() as u64),
        );
        eprint!("memory: {line}");
        memory.push_str(&line);
        for (cname, docs) in &inputs {
            // The two baselines implement the same semantics: check before timing them.
            let mut lower = String::new();
            let n_ac: usize = docs.iter().map(|d| naive.count(d)).sum();
            let n_daac: usize = docs.iter().map(|d| daac.count(d, &mut lower)).sum();
            let n_khabar = khabar_count(gz, docs, &mut Scratch::new());
            eprintln!(
                "{gname}/{cname}: matches khabar {n_khabar}, aho-corasick {n_ac}, daachorse {n_daac}"
            );
            assert_eq!(n_ac, n_daac, "the two naive baselines disagree");
            group.throughput(Throughput::Bytes(corpus::bytes(docs)));
            let mut scratch = Scratch::new();
            group.bench_with_input(
                BenchmarkId::new(format!("khabar/{gname}"), cname),
                docs,
                |b, docs| b.iter(|| black_box(khabar_count(gz, docs, &mut scratch))),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("aho-corasick/{gname}"), cname),
                docs,
                |b, docs| b.iter(|| black_box(docs.iter().map(|d| naive.count(d)).sum::<usize>())),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("daachorse/{gname}"), cname),
                docs,
                |b, docs| {
                    b.iter(|| {
                        black_box(
                            docs.iter()
                                .map(|d| daac.count(d, &mut lower))
                                .sum::<usize>(),
                        )
                    })
                },
            );
        }
    }
    group.finish();
    let results = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/results"));
    if std::fs::create_dir_all(&results).is_ok() {
        let _ = std::fs::write(results.join("gazetteer-memory.md"), memory);
    }
}

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer-build");
    group.sample_size(10);
    group.bench_function("default/build", |b| {
        b.iter(|| {
            let mut builder = Gazetteer::builder();
            builder.strip_diacritics(true).romanise(true);
            for (name, csv) in DEFAULT_DATA {
                builder
                    .add_csv_reader(csv.as_bytes(), name)
                    .expect("default data parses");
            }
            black_box(builder.build().expect("default gazetteer builds"))
        })
    });
    let default = Gazetteer::default_gazetteer().expect("default gazetteer builds");
    let bytes = default.to_bytes().expect("encodes");
    group.bench_function("default/load-compiled", |b| {
        b.iter(|| black_box(Gazetteer::from_bytes(&bytes).expect("decodes")))
    });
    let path = large_gazetteer_path();
    if path.exists() {
        group.bench_function("large-gazetteer/build", |b| {
            b.iter(|| black_box(Gazetteer::from_csv_path(&path).expect("large gazetteer loads")))
        });
        let gz = Gazetteer::from_csv_path(&path).expect("large gazetteer loads");
        let bytes = gz.to_bytes().expect("encodes");
        drop(gz);
        group.bench_function("large-gazetteer/load-compiled", |b| {
            b.iter(|| black_box(Gazetteer::from_bytes(&bytes).expect("decodes")))
        });
        // The baseline's build is not benchmarked here: one aho-corasick build over the
        // 1.18M aliases takes about half a minute.
    } else {
        eprintln!(
            "SKIPPING the large-gazetteer build: {} not found (`make bench-data` builds it)",
            path.display()
        );
    }
    group.finish();
}

criterion_group!(benches, bench_matching, bench_build);
criterion_main!(benches);
