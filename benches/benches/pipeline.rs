//! The whole pipeline (tokens, sentences, entities, quantities, dates, events) on one core
//! and on all; `one-core-no-events` is the same pipeline without its event layer (the
//! difference is what the events cost).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use khabar::{Input, Pipeline, ReferenceDate};
use khabar_benches::corpus;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let nlp = Pipeline::builder()
        .reference_date(ReferenceDate::parse("2021-11-09").expect("valid date"))
        .build()
        .expect("default pipeline");
    let no_events = Pipeline::builder()
        .reference_date(ReferenceDate::parse("2021-11-09").expect("valid date"))
        .events(false)
        .build()
        .expect("default pipeline");
    let inputs = [
        ("seeds", corpus::seeds()),
        ("large", corpus::large(corpus::TEN_MB)),
    ];
    let mut group = c.benchmark_group("pipeline");
    for (name, docs) in &inputs {
        group.throughput(Throughput::Bytes(corpus::bytes(docs)));
        group.bench_with_input(BenchmarkId::new("one-core", name), docs, |b, docs| {
            b.iter(|| {
                black_box(
                    docs.iter()
                        .map(|d| nlp.process(d).entities.len())
                        .sum::<usize>(),
                )
            })
        });
        group.bench_with_input(
            BenchmarkId::new("one-core-no-events", name),
            docs,
            |b, docs| {
                b.iter(|| {
                    black_box(
                        docs.iter()
                            .map(|d| no_events.process(d).entities.len())
                            .sum::<usize>(),
                    )
                })
            },
        );
        group.bench_with_input(BenchmarkId::new("all-cores", name), docs, |b, docs| {
            b.iter(|| {
                let batch: Vec<Input<'_>> = docs.iter().map(|d| Input::new(d)).collect();
                black_box(nlp.process_batch(batch).len())
            })
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
