//! Runs ONE extractor on ONE document read from a file and prints how long it took, in wall
//! time and in on-CPU time. Under `/usr/bin/time -v` it also gives the extractor's peak
//! memory (maximum resident set size) for that document.
//!
//! ```text
//! cargo build --release -p khabar-benches --example one_document
//! /usr/bin/time -v target/release/examples/one_document pipeline /tmp/khabar-100mb.txt
//! ```
//!
//! Extractors: `read` (the file alone: the baseline), `tokenize`, `sentences`, `gazetteer`,
//! `quantities`, `dates`, `pipeline`.
//!
//! On-CPU time (from `/proc/thread-self/schedstat`, Linux only) is the figure to compare on
//! a busy machine: unlike wall time it does not count the time spent waiting for a core.
//! Every extractor here runs on the calling thread, so the thread's CPU time is all of it.

use khabar::{Pipeline, ReferenceDate};
use khabar_gazetteer::Gazetteer;
use khabar_numdate::{DateExtractor, QuantityExtractor};
use khabar_tokenize::{Tokenizer, sentences};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Time this thread has spent on a CPU, if the kernel says (Linux).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse::<u64>().ok()?;
    Some(Duration::from_nanos(ns))
}

/// One extractor, built (gazetteer compiled, extractors configured) before it is timed.
type Extract = Box<dyn Fn(&str) -> usize>;

fn extractor_named(name: &str) -> Result<Extract, String> {
    Ok(match name {
        "read" => Box::new(str::len),
        "tokenize" => {
            let tokenizer = Tokenizer::new();
            Box::new(move |t| tokenizer.tokenize(t).len())
        }
        "sentences" => Box::new(|t| sentences(t).len()),
        "gazetteer" => {
            let gz = Gazetteer::default_gazetteer().map_err(|e| e.to_string())?;
            Box::new(move |t| khabar::find_entities(gz, t).len())
        }
        "quantities" => {
            let ex = QuantityExtractor::new();
            Box::new(move |t| ex.extract(t).len())
        }
        "dates" => {
            let ex = DateExtractor::new()
                .with_reference_date("2021-11-09")
                .map_err(|e| e.to_string())?;
            Box::new(move |t| ex.extract(t).len())
        }
        "pipeline" => {
            let reference = ReferenceDate::parse("2021-11-09").map_err(|e| e.to_string())?;
            let nlp = Pipeline::builder()
                .reference_date(reference)
                .build()
                .map_err(|e| e.to_string())?;
            Box::new(move |t| {
                let doc = nlp.process(t);
                doc.tokens.len() + doc.entities.len() + doc.quantities.len() + doc.dates.len()
            })
        }
        other => return Err(format!("unknown extractor {other:?}")),
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [extractor, path] = args.as_slice() else {
        eprintln!("usage: one_document EXTRACTOR FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("one_document: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let run = match extractor_named(extractor) {
        Ok(run) => run,
        Err(e) => {
            eprintln!("one_document: {e}");
            return ExitCode::from(2);
        }
    };
    // One short call first: one-off lazy initialisation is not a per-megabyte cost.
    run("On 3 May 2019, an estimated 4,000 IS-K fighters were in Kunar.");
    let (cpu0, wall0) = (cpu_time(), Instant::now());
    let n = run(&text);
    let (cpu1, wall) = (cpu_time(), wall0.elapsed());
    let mb = text.len() as f64 / 1e6;
    let cpu = cpu0.zip(cpu1).map(|(a, b)| b.saturating_sub(a));
    let cpu_ms = cpu.map_or(f64::NAN, |d| d.as_secs_f64() * 1e3);
    println!(
        "{extractor}\t{mb:.1} MB\t{n} items\twall {:.1} ms\tcpu {cpu_ms:.1} ms\tcpu/MB {:.2} ms",
        wall.as_secs_f64() * 1e3,
        cpu_ms / mb
    );
    ExitCode::SUCCESS
}
