//! Date extraction throughput (khabar-numdate): dates alone and numbers + dates together on
//! the seeds and on a ≥ 10 MB corpus, and pathological inputs at two sizes (a 10× larger
//! input at the same MB/s shows the extractor is linear): "May may may …" and a run of
//! date-like fragments "2017 - 2018 - 2019 …".

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use khabar_benches::corpus;
use khabar_numdate::{DateExtractor, QuantityExtractor, remove_overlapping};
use khabar_tokenize::Tokenizer;
use std::hint::black_box;

fn bench_corpus(c: &mut Criterion) {
    let inputs = [
        ("seeds", vec![corpus::seeds_joined()]),
        ("large", corpus::large(corpus::TEN_MB)),
    ];
    let dates = DateExtractor::new()
        .with_reference_date("2021-11-09")
        .expect("valid reference date");
    let quantities = QuantityExtractor::new();
    let tokenizer = Tokenizer::new();
    let mut group = c.benchmark_group("dates");
    group.sample_size(10);
    for (name, docs) in &inputs {
        group.throughput(Throughput::Bytes(corpus::bytes(docs)));
        group.bench_with_input(BenchmarkId::new("dates", name), docs, |b, docs| {
            b.iter(|| black_box(docs.iter().map(|d| dates.extract(d).len()).sum::<usize>()))
        });
        // One tokenization shared by both extractors, then the overlap rule.
        group.bench_with_input(BenchmarkId::new("numbers+dates", name), docs, |b, docs| {
            let mut tokens = Vec::new();
            b.iter(|| {
                let mut n = 0;
                for d in docs {
                    tokens.clear();
                    tokenizer.tokenize_into(d, &mut tokens);
                    let ds = dates.extract_tokens(d, &tokens);
                    let mut qs = quantities.extract_tokens(d, &tokens);
                    let spans: Vec<_> = ds.iter().map(|t| t.span).collect();
                    remove_overlapping(&mut qs, &spans);
                    n += ds.len() + qs.len();
                }
                black_box(n)
            })
        });
    }
    group.finish();
}

fn bench_pathological(c: &mut Criterion) {
    let dates = DateExtractor::new()
        .with_reference_date("2021-11-09")
        .expect("valid reference date");
    let mut group = c.benchmark_group("dates-linear");
    group.sample_size(10);
    for (name, unit) in [("may", "May may may "), ("years", "2017 - 2018 - 2019 - ")] {
        for n in [100_000usize, 1_000_000] {
            let text = unit.repeat(n / 3);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &text, |b, text| {
                b.iter(|| black_box(dates.extract(text).len()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_corpus, bench_pathological);
criterion_main!(benches);
