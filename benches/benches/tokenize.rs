//! Tokenization throughput: khabar's tailored tokenizer beside plain UAX #29 word bounds.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use khabar_benches::corpus;
use khabar_tokenize::{Tokenizer, sentences};
use std::hint::black_box;
use unicode_segmentation::UnicodeSegmentation;

fn bench(c: &mut Criterion) {
    let inputs = [
        ("seeds", vec![corpus::seeds_joined()]),
        ("large", corpus::large(corpus::TEN_MB)),
    ];
    let mut group = c.benchmark_group("tokenize");
    for (name, docs) in &inputs {
        group.throughput(Throughput::Bytes(corpus::bytes(docs)));
        // The tailored tokenizer with its fast path, and the same with full UAX #29 only.
        for (id, tok) in [
            ("khabar", Tokenizer::new()),
            ("khabar-uax29-only", Tokenizer::new().ascii_fast_path(false)),
        ] {
            let mut buf = Vec::new();
            group.bench_with_input(BenchmarkId::new(id, name), docs, |b, docs| {
                b.iter(|| {
                    let mut n = 0;
                    for d in docs {
                        buf.clear();
                        tok.tokenize_into(d, &mut buf);
                        n += buf.len();
                    }
                    black_box(n)
                })
            });
        }
        group.bench_with_input(
            BenchmarkId::new("split_word_bound_indices", name),
            docs,
            |b, docs| {
                b.iter(|| {
                    let mut n = 0;
                    for d in docs {
                        n += d.split_word_bound_indices().count();
                    }
                    black_box(n)
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("sentences", name), docs, |b, docs| {
            b.iter(|| black_box(docs.iter().map(|d| sentences(d).len()).sum::<usize>()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
