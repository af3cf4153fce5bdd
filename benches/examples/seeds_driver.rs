//! A small, deterministic driver for instruction counts (callgrind), which unlike wall time do
//! not depend on the machine's load:
//!
//! ```text
//! cargo build --release -p khabar-benches --example seeds_driver
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
//!     target/release/examples/seeds_driver quantities
//! ```
//!
//! Modes: `quantities` (extract over the seeds, `REPEAT` times), `dates` (the date extractor
//! with a fixed reference date over the seeds, `REPEAT` times), `gazetteer-build` (build the
//! default gazetteer once), `gazetteer` (build it, then match the seeds `REPEAT` times),
//! `pipeline` (the default pipeline over the seeds), `pipeline-large` and `gazetteer-large`
//! (the default pipeline, or the default gazetteer alone, once over the 10 MB corpus of
//! `make bench-data`: the per-stage profile of `benches/results/profile.md`), `text-large`
//! (tokens, then sentences, once over the 10 MB corpus), `notes` (the
//! default pipeline over `NOTES` short notes, default 20000, `corpus::notes`, reference date
//! 2021-11-09), `notes-auto` (the same with `reference_date = auto`), `notes-joined` (the same
//! notes joined by blank lines into documents of 100 notes: the difference to `notes` is the
//! per-document fixed cost), `corpus` and `corpus-no-events` (the pipeline with and without
//! its event layer over the first `MB` megabytes, default 1, of the real-text corpus `make
//! bench-data` writes; once, whatever `REPEAT`: the difference of the two counts is what the
//! event layer costs), `gazetteer-huge` (the large gazetteer of `make bench-data` over the 10 MB
//! corpus once) and `gazetteer-huge-build` (its build alone, to subtract); both take an optional
//! path to keep the compiled large gazetteer in (loaded when it exists). `REPEAT` defaults to 5.
//! `daachorse-huge` runs the benchmark's naive daachorse baseline instead of `find` (build and
//! search: its search is `Daachorse::count` in the profile). `race-huge` (same optional path)
//! and `race-default` time `find_into` and the daachorse baseline over the 10 MB corpus in
//! alternation, `ROUNDS` times each (default 7), and print the best time of each: on a loaded
//! machine the best of alternating runs compares the two more fairly than one run each.

#[path = "../shared/daachorse_baseline.rs"]
mod daachorse_baseline;

use daachorse_baseline::Daachorse;
use khabar_benches::corpus;
use khabar_gazetteer::Gazetteer;
use khabar_numdate::{DateExtractor, QuantityExtractor};
use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let repeat: usize = std::env::var("REPEAT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let seeds = corpus::seeds();
    let mut n = 0usize;
    match mode.as_str() {
        "quantities" => {
            let ex = QuantityExtractor::new();
            for _ in 0..repeat {
                n += seeds.iter().map(|d| ex.extract(d).len()).sum::<usize>();
            }
        }
        "dates" => {
            let Ok(ex) = DateExtractor::new().with_reference_date("2024-03-01") else {
                return ExitCode::FAILURE;
            };
            for _ in 0..repeat {
                n += seeds.iter().map(|d| ex.extract(d).len()).sum::<usize>();
            }
        }
        "gazetteer-build" => n += Gazetteer::default_gazetteer().map_or(0, Gazetteer::len),
        "gazetteer-save" => {
            let Some(bytes) = Gazetteer::default_gazetteer()
                .ok()
                .and_then(|g| g.to_bytes().ok())
            else {
                return ExitCode::FAILURE;
            };
            let path = std::env::args()
                .nth(2)
                .unwrap_or_else(|| "default.kgz".into());
            if std::fs::write(&path, &bytes).is_err() {
                return ExitCode::FAILURE;
            }
            n += bytes.len();
        }
        "gazetteer-load" => {
            let path = std::env::args()
                .nth(2)
                .unwrap_or_else(|| "default.kgz".into());
            let Some(gz) = std::fs::read(&path)
                .ok()
                .and_then(|b| Gazetteer::from_bytes(&b).ok())
            else {
                return ExitCode::FAILURE;
            };
            n += gz.len();
        }
        "gazetteer" => {
            let Ok(gz) = Gazetteer::default_gazetteer() else {
                return ExitCode::FAILURE;
            };
            for _ in 0..repeat {
                n += seeds.iter().map(|d| gz.find(d).len()).sum::<usize>();
            }
        }
        "pipeline" => {
            let Ok(p) = khabar::Pipeline::new() else {
                return ExitCode::FAILURE;
            };
            for _ in 0..repeat {
                n += seeds
                    .iter()
                    .map(|d| p.process(d).entities.len())
                    .sum::<usize>();
            }
        }
        "pipeline-large" => {
            // The 10 MB real-text corpus once (not `REPEAT` times): the per-stage profile.
            let Ok(p) = khabar::Pipeline::new() else {
                return ExitCode::FAILURE;
            };
            n += corpus::large(corpus::TEN_MB)
                .iter()
                .map(|d| p.process(d).entities.len())
                .sum::<usize>();
        }
        "text-large" => {
            // The text stages alone over the 10 MB corpus once: tokens, then sentences.
            let tokenizer = khabar_tokenize::Tokenizer::new();
            let mut tokens = Vec::new();
            for d in corpus::large(corpus::TEN_MB) {
                tokens.clear();
                tokenizer.tokenize_into(&d, &mut tokens);
                n += tokens.len() + khabar_tokenize::sentences(&d).len();
            }
        }
        "notes" | "notes-auto" | "notes-joined" => {
            let count = std::env::var("NOTES")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(20_000);
            let policy = if mode != "notes-auto" {
                khabar::ReferenceDate::Fixed(
                    khabar_numdate::CivilDate::new(2021, 11, 9).expect("valid date"),
                )
            } else {
                khabar::ReferenceDate::Auto
            };
            let Ok(p) = khabar::Pipeline::builder().reference_date(policy).build() else {
                return ExitCode::FAILURE;
            };
            let mut notes = corpus::notes(count);
            if mode == "notes-joined" {
                notes = notes.chunks(100).map(|c| c.join("\n\n")).collect();
            }
            n += notes
                .iter()
                .map(|d| p.process(d).entities.len())
                .sum::<usize>();
        }
        "gazetteer-large" => {
            // The default gazetteer over the 10 MB corpus once.
            let Ok(gz) = Gazetteer::default_gazetteer() else {
                return ExitCode::FAILURE;
            };
            n += corpus::large(corpus::TEN_MB)
                .iter()
                .map(|d| gz.find(d).len())
                .sum::<usize>();
        }
        "corpus" | "corpus-no-events" => {
            let mb: usize = std::env::var("MB")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(1);
            let docs = corpus::large(mb << 20);
            let Ok(p) = khabar::Pipeline::builder().events(mode == "corpus").build() else {
                return ExitCode::FAILURE;
            };
            n += docs
                .iter()
                .map(|d| {
                    let doc = p.process(d);
                    doc.entities.len() + doc.events.len()
                })
                .sum::<usize>();
        }
        "race-huge" | "race-default" | "daachorse-huge" => {
            let gz = if mode == "race-default" {
                Gazetteer::default_gazetteer().ok().cloned()
            } else {
                load_large(std::env::args().nth(2))
            };
            let Some(gz) = gz else {
                return ExitCode::FAILURE;
            };
            let docs = corpus::large(corpus::TEN_MB);
            let daac = Daachorse::new(&gz);
            if mode == "daachorse-huge" {
                let mut lower = String::new();
                n += docs
                    .iter()
                    .map(|d| daac.count(d, &mut lower))
                    .sum::<usize>();
            } else {
                n += race(&gz, &daac, &docs);
            }
        }
        "gazetteer-huge" | "gazetteer-huge-build" => {
            // The large GeoNames-derived gazetteer (`benches/data/large_gazetteer.csv`, over a
            // million aliases) built, and in `gazetteer-huge` run once over the 10 MB corpus:
            // the cost of `find` is the difference of the two modes.
            // With a second argument, the compiled gazetteer is loaded from that file (written
            // there first if absent): under callgrind, building it costs far more than `find`.
            let Some(gz) = load_large(std::env::args().nth(2)) else {
                return ExitCode::FAILURE;
            };
            n += gz.len();
            if mode == "gazetteer-huge" {
                n += corpus::large(corpus::TEN_MB)
                    .iter()
                    .map(|d| gz.find(d).len())
                    .sum::<usize>();
            }
        }
        _ => {
            eprintln!(
                "usage: seeds_driver quantities|dates|gazetteer-build|gazetteer|pipeline|pipeline-large|gazetteer-large|gazetteer-huge|gazetteer-huge-build|notes|notes-auto|notes-joined|corpus|corpus-no-events|daachorse-huge|race-huge|race-default"
            );
            return ExitCode::FAILURE;
        }
    }
    println!("{}", black_box(n));
    ExitCode::SUCCESS
}

/// The large gazetteer of `make bench-data`, loaded from `compiled` when that file exists,
/// else built (and saved there when a path is given).
fn load_large(compiled: Option<String>) -> Option<Gazetteer> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/large_gazetteer.csv");
    let loaded = compiled.as_deref().and_then(|c| Gazetteer::load(c).ok());
    let gz = loaded.or_else(|| Gazetteer::from_csv_path(path).ok());
    if gz.is_none() {
        eprintln!("{path} not found or invalid: `make bench-data` builds it");
    }
    if let (Some(g), Some(c)) = (&gz, compiled) {
        if !std::path::Path::new(&c).exists() && g.save(&c).is_err() {
            eprintln!("could not save {c}");
        }
    }
    gz
}

/// Times `find_into` and the daachorse baseline over `docs`, alternating, `ROUNDS` times
/// each; prints the best time and MB/s of each. Returns the number of matches of both.
fn race(gz: &Gazetteer, daac: &Daachorse, docs: &[String]) -> usize {
    use khabar_gazetteer::{MatchKind, Scratch};
    use std::time::Instant;
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let bytes = corpus::bytes(docs) as f64;
    let (mut scratch, mut out, mut lower) = (Scratch::new(), Vec::new(), String::new());
    let (mut best_k, mut best_d) = (f64::INFINITY, f64::INFINITY);
    let (mut n_k, mut n_d) = (0, 0);
    for _ in 0..rounds {
        let t = Instant::now();
        n_k = 0;
        for d in docs {
            out.clear();
            gz.find_into(d, MatchKind::LeftmostLongest, &mut scratch, &mut out);
            n_k += out.len();
        }
        best_k = best_k.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        n_d = docs
            .iter()
            .map(|d| daac.count(d, &mut lower))
            .sum::<usize>();
        best_d = best_d.min(t.elapsed().as_secs_f64());
    }
    println!(
        "khabar find_into: best {:.1} ms, {:.1} MB/s ({n_k} matches)",
        best_k * 1e3,
        bytes / best_k / 1e6
    );
    println!(
        "daachorse baseline: best {:.1} ms, {:.1} MB/s ({n_d} matches)",
        best_d * 1e3,
        bytes / best_d / 1e6
    );
    println!("khabar / daachorse speed: {:.2}", best_d / best_k);
    n_k + n_d
}
