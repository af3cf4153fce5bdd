//! The whole pipeline (tokens, sentences, entities, quantities, dates, events) on one core
//! and on all; `one-core-no-events` is the same pipeline without its event layer (the
//! difference is what the events cost). `notes` is 20,000 short notes (~200 bytes each,
//! `benches/make_notes.py`) measured in documents per second, on one core and on two threads
//! (the per-document fixed cost and how it scales), with a given and an `auto` reference date.

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
    notes(&mut group);
    group.finish();
}

/// The short-note rows: documents per second.
fn notes(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    let given = ReferenceDate::parse("2021-11-09").expect("valid date");
    let docs = corpus::notes(20_000);
    group.throughput(Throughput::Elements(docs.len() as u64));
    for (name, policy) in [("notes", given), ("notes-auto", ReferenceDate::Auto)] {
        let nlp = Pipeline::builder()
            .reference_date(policy)
            .build()
            .expect("default pipeline");
        group.bench_with_input(BenchmarkId::new("one-core", name), &docs, |b, docs| {
            b.iter(|| {
                black_box(
                    docs.iter()
                        .map(|d| nlp.process(d).entities.len())
                        .sum::<usize>(),
                )
            })
        });
        group.bench_with_input(BenchmarkId::new("two-threads", name), &docs, |b, docs| {
            b.iter(|| {
                let batch: Vec<Input<'_>> = docs.iter().map(|d| Input::new(d)).collect();
                black_box(nlp.process_batch_threads(batch, 2).len())
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
