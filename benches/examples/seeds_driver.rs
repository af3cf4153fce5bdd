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
        "gazetteer-huge" | "gazetteer-huge-build" => {
            // The large GeoNames-derived gazetteer (`benches/data/large_gazetteer.csv`, over a
            // million aliases) built, and in `gazetteer-huge` run once over the 10 MB corpus:
            // the cost of `find` is the difference of the two modes.
            // With a second argument, the compiled gazetteer is loaded from that file (written
            // there first if absent): under callgrind, building it costs far more than `find`.
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/large_gazetteer.csv");
            let compiled = std::env::args().nth(2);
            let loaded = compiled.as_deref().and_then(|c| Gazetteer::load(c).ok());
            let Some(gz) = loaded.or_else(|| Gazetteer::from_csv_path(path).ok()) else {
                eprintln!("{path} not found or invalid: `make bench-data` builds it");
                return ExitCode::FAILURE;
            };
            if let Some(c) = compiled.filter(|c| !std::path::Path::new(c).exists()) {
                if gz.save(&c).is_err() {
                    return ExitCode::FAILURE;
                }
            }
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
                "usage: seeds_driver quantities|dates|gazetteer-build|gazetteer|pipeline|pipeline-large|gazetteer-large|gazetteer-huge|gazetteer-huge-build|notes|notes-auto|notes-joined|corpus|corpus-no-events"
            );
            return ExitCode::FAILURE;
        }
    }
    println!("{}", black_box(n));
    ExitCode::SUCCESS
}
