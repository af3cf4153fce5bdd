//! Quantity extraction throughput (khabar-numdate), on the seeds, on a ≥ 10 MB corpus, and
//! on pathological inputs at three sizes: MB/s that stays flat as the input doubles shows
//! the extractor is linear ("1,1,1,…" and "one one one …" of up to a million tokens).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use khabar_benches::corpus;
use khabar_numdate::QuantityExtractor;
use std::hint::black_box;

fn bench_corpus(c: &mut Criterion) {
    let inputs = [
        ("seeds", vec![corpus::seeds_joined()]),
        ("large", corpus::large(corpus::TEN_MB)),
    ];
    let extractor = QuantityExtractor::new();
    let mut group = c.benchmark_group("quantities");
    for (name, docs) in &inputs {
        group.throughput(Throughput::Bytes(corpus::bytes(docs)));
        // Baseline: tokenization alone, which extraction includes.
        group.bench_with_input(BenchmarkId::new("tokenize-only", name), docs, |b, docs| {
            b.iter(|| {
                black_box(
                    docs.iter()
                        .map(|d| khabar_tokenize::tokenize(d).len())
                        .sum::<usize>(),
                )
            })
        });
        group.bench_with_input(BenchmarkId::new("extract", name), docs, |b, docs| {
            b.iter(|| {
                black_box(
                    docs.iter()
                        .map(|d| extractor.extract(d).len())
                        .sum::<usize>(),
                )
            })
        });
    }
    group.finish();
}

fn bench_pathological(c: &mut Criterion) {
    let extractor = QuantityExtractor::new();
    let mut group = c.benchmark_group("quantities-pathological");
    group.sample_size(10);
    let shapes: [(&str, &str); 3] = [("1,1,1", "1,"), ("1, 1, 1", "1, "), ("one one one", "one ")];
    for (name, unit) in shapes {
        for tokens in [250_000usize, 500_000, 1_000_000] {
            let text = unit.repeat(tokens);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, tokens), &text, |b, text| {
                b.iter(|| black_box(extractor.extract(text).len()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_corpus, bench_pathological);
criterion_main!(benches);
