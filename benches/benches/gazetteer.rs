//! Gazetteer matching throughput: khabar-gazetteer with its full semantics beside the naive
//! baseline, the `aho-corasick` crate run on the same aliases and text (leftmost-longest,
//! ASCII case-insensitive, word boundaries checked afterwards). Also build, save and load.
//!
//! The large gazetteer is `benches/data/large_gazetteer.csv`, generated with
//! `python3 scripts/build_gazetteer.py --large benches/data/large_gazetteer.csv` (in a venv
//! with `scripts/requirements-gazetteer.txt`). Without it, that part is skipped.

use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
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
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                black_box(self.entry_of.get(m.pattern().as_usize()));
                n += 1;
            }
        }
        n
    }
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
    let default = Gazetteer::default_gazetteer().expect("default gazetteer builds");
    let mut gazetteers: Vec<(&str, Gazetteer)> = vec![("default", default.clone())];
    let path = large_gazetteer_path();
    if path.exists() {
        let gz = Gazetteer::from_csv_path(&path).expect("large gazetteer loads");
        eprintln!(
            "large gazetteer: {} entries, {} aliases",
            gz.len(),
            gz.alias_count()
        );
        gazetteers.push(("large-gazetteer", gz));
    } else {
        eprintln!(
            "skipping the large gazetteer: {} not found (generate it with \
             `python3 scripts/build_gazetteer.py --large {}`)",
            path.display(),
            path.display()
        );
    }
    let mut group = c.benchmark_group("gazetteer-match");
    group.sample_size(10);
    for (gname, gz) in &gazetteers {
        let naive = Naive::new(gz);
        for (cname, docs) in &inputs {
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
        }
    }
    group.finish();
}

fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer-build");
    group.sample_size(10);
    group.bench_function("default/build", |b| {
        b.iter(|| {
            let mut builder = Gazetteer::builder();
            builder.strip_diacritics(true);
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
            "skipping the large gazetteer build: {} not found",
            path.display()
        );
    }
    group.finish();
}

criterion_group!(benches, bench_matching, bench_build);
criterion_main!(benches);
