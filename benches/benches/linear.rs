//! Cost per megabyte: every extractor on ONE document of 1, 10 and 100 MB.
//!
//! The other benches run batches of article-sized documents; this one concatenates the
//! benchmark corpus (`corpus::large`) into a single text and runs each extractor on its
//! first 1, 10 and 100 MB (cut at a paragraph break). With `Throughput::Bytes`, criterion
//! reports MB/s per size: a flat MB/s from 1 MB to 100 MB means the extractor's cost is
//! linear in the length of a document, whatever that length.
//!
//! ```text
//! cargo bench -p khabar-benches --bench linear -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Set `KHABAR_LINEAR_MAX_MB` (e.g. `10`) to skip the sizes above it on a small machine.
//!
//! The event layer is measured as the difference between `pipeline` and
//! `pipeline-no-events`, and on two hostile single-sentence inputs of each size
//! (`events-cues`: "killed were wounded by …"; `events-counts`: coordinated counts, a
//! million and more at 10 MB) that a rule with a quadratic step would not finish.

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use khabar::{Pipeline, ReferenceDate};
use khabar_benches::corpus;
use khabar_gazetteer::Gazetteer;
use khabar_numdate::{DateExtractor, QuantityExtractor};
use khabar_tokenize::{Tokenizer, sentences};
use std::hint::black_box;

const MB: usize = 1_000_000;

/// The sizes measured, in MB (10⁶ bytes), capped by `KHABAR_LINEAR_MAX_MB`.
fn sizes() -> Vec<usize> {
    let max = std::env::var("KHABAR_LINEAR_MAX_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(100);
    [1, 10, 100].into_iter().filter(|&s| s <= max).collect()
}

/// One document of at least `bytes`: the corpus documents joined by blank lines.
fn one_document(bytes: usize) -> String {
    let mut doc = String::with_capacity(bytes + 64 * 1024);
    for d in corpus::large(bytes) {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(&d);
    }
    doc
}

/// The first `bytes` of `doc`, cut at the last paragraph break before that length (so
/// every size is a well-formed run of whole articles, and the smaller sizes are prefixes
/// of the larger one).
fn prefix(doc: &str, bytes: usize) -> &str {
    if doc.len() <= bytes {
        return doc;
    }
    let mut cut = bytes;
    while !doc.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &doc[..cut];
    head.rfind("\n\n").map_or(head, |i| &doc[..i])
}

/// "killed killed killed …": one sentence of role cues, about `bytes` long.
fn hostile_cues(bytes: usize) -> String {
    let words = ["killed ", "were ", "wounded ", "by ", "no ", "including "];
    let mut s = String::with_capacity(bytes + 16);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(words[i % words.len()]);
        i += 1;
    }
    s
}

/// "1 soldiers and 2 civilians and 3 …": one sentence of coordinated counts, about `bytes`
/// long (1.6 million counts at 10 MB), ending in a role cue.
fn hostile_counts(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 32);
    let mut i = 0u64;
    while s.len() < bytes {
        s.push_str(&i.to_string());
        s.push_str(if i % 2 == 0 { " and " } else { ", " });
        i += 1;
    }
    s.push_str("9 people were killed");
    s
}

fn bench(c: &mut Criterion) {
    let sizes = sizes();
    let Some(&largest) = sizes.last() else {
        return;
    };
    let doc = one_document(largest * MB);
    let tokenizer = Tokenizer::new();
    let gazetteer = Gazetteer::default_gazetteer().expect("default gazetteer builds");
    let quantities = QuantityExtractor::new();
    let dates = DateExtractor::new()
        .with_reference_date("2021-11-09")
        .expect("valid reference date");
    let pipeline = Pipeline::builder()
        .reference_date(ReferenceDate::parse("2021-11-09").expect("valid date"))
        .build()
        .expect("default pipeline");

    let no_events = Pipeline::builder()
        .reference_date(ReferenceDate::parse("2021-11-09").expect("valid date"))
        .events(false)
        .build()
        .expect("default pipeline");

    let mut group = c.benchmark_group("linear");
    // One iteration of the 100 MB document takes seconds: every sample is one iteration.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for &mb in &sizes {
        let text = prefix(&doc, mb * MB);
        let size = format!("{mb}MB");
        group.throughput(Throughput::Bytes(text.len() as u64));

        let mut tokens = Vec::new();
        group.bench_with_input(BenchmarkId::new("tokenize", &size), text, |b, t| {
            b.iter(|| {
                tokens.clear();
                tokenizer.tokenize_into(t, &mut tokens);
                black_box(tokens.len())
            })
        });
        group.bench_with_input(BenchmarkId::new("sentences", &size), text, |b, t| {
            b.iter(|| black_box(sentences(t).len()))
        });
        group.bench_with_input(BenchmarkId::new("gazetteer", &size), text, |b, t| {
            b.iter(|| black_box(khabar::find_entities(gazetteer, t).len()))
        });
        group.bench_with_input(BenchmarkId::new("quantities", &size), text, |b, t| {
            b.iter(|| black_box(quantities.extract(t).len()))
        });
        group.bench_with_input(BenchmarkId::new("dates", &size), text, |b, t| {
            b.iter(|| black_box(dates.extract(t).len()))
        });
        group.bench_with_input(BenchmarkId::new("pipeline", &size), text, |b, t| {
            b.iter(|| black_box(pipeline.process(t).entities.len()))
        });
        // the pipeline without its event layer: the difference is what events cost
        group.bench_with_input(
            BenchmarkId::new("pipeline-no-events", &size),
            text,
            |b, t| b.iter(|| black_box(no_events.process(t).entities.len())),
        );
        // hostile inputs for the event layer, through the whole pipeline: one sentence of
        // nothing but role cues, and one sentence of coordinated counts (a million at 10 MB)
        let cues = hostile_cues(text.len());
        group.throughput(Throughput::Bytes(cues.len() as u64));
        group.bench_with_input(BenchmarkId::new("events-cues", &size), &cues, |b, t| {
            b.iter(|| black_box(pipeline.process(t).roles.len()))
        });
        let counts = hostile_counts(text.len());
        group.throughput(Throughput::Bytes(counts.len() as u64));
        group.bench_with_input(BenchmarkId::new("events-counts", &size), &counts, |b, t| {
            b.iter(|| black_box(pipeline.process(t).roles.len()))
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
