//! A small, deterministic driver for instruction counts (callgrind), which unlike wall time do
//! not depend on the machine's load:
//!
//! ```text
//! cargo build --release -p khabar-benches --example seeds_driver
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
//!     target/release/examples/seeds_driver quantities
//! ```
//!
//! Modes: `quantities` (extract over the seeds, `REPEAT` times), `gazetteer-build` (build the
//! default gazetteer once), `gazetteer` (build it, then match the seeds `REPEAT` times),
//! `pipeline` (the default pipeline over the seeds), `corpus` and `corpus-no-events` (the
//! pipeline with and without its event layer over the first `MB` megabytes, default 1, of the
//! real-text corpus `make bench-data` writes; once, whatever `REPEAT`: the difference of the
//! two counts is what the event layer costs). `REPEAT` defaults to 5.

use khabar_benches::corpus;
use khabar_gazetteer::Gazetteer;
use khabar_numdate::QuantityExtractor;
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
        _ => {
            eprintln!(
                "usage: seeds_driver quantities|gazetteer-build|gazetteer|pipeline|corpus|corpus-no-events"
            );
            return ExitCode::FAILURE;
        }
    }
    println!("{}", black_box(n));
    ExitCode::SUCCESS
}
