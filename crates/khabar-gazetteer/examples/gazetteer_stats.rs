//! Builds a gazetteer and reports its size and speed: build time, heap size, save and load
//! times, matching throughput over a text.
//!
//! ```text
//! cargo run --release -p khabar-gazetteer --example gazetteer_stats -- [GAZETTEER.csv] [TEXT...]
//! ```
//!
//! Without a gazetteer file the default gazetteer is used; without texts, the repository's
//! seed articles. Times are given as wall clock and, on Linux, as CPU time of this process
//! (from `/proc/self/schedstat`, robust on a busy machine); the peak resident memory after
//! building comes from `/proc/self/status` (`VmHWM`).

use khabar_gazetteer::{Gazetteer, MatchKind, Scratch};
use std::time::Instant;

/// CPU time of this process so far, in seconds (Linux only).
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Peak resident set size so far, in MB (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A duration as "wall s (cpu s)".
fn both(wall: f64, cpu0: Option<f64>) -> String {
    match (cpu0, cpu_secs()) {
        (Some(a), Some(b)) => format!("{wall:.3} s wall, {:.3} s CPU", b - a),
        _ => format!("{wall:.3} s wall"),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let gz_path = args.next().filter(|a| a != "-");
    let mut texts: Vec<String> = Vec::new();
    for p in args {
        texts.push(std::fs::read_to_string(p)?);
    }
    if texts.is_empty() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
        let mut paths: Vec<_> = std::fs::read_dir(seeds)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            texts.push(std::fs::read_to_string(p)?);
        }
    }

    let rss0 = peak_rss_mb();
    let c = cpu_secs();
    let t = Instant::now();
    let gz = match &gz_path {
        Some(p) => Gazetteer::from_csv_path(p)?,
        None => Gazetteer::builder()
            .strip_diacritics(true)
            .romanise(std::env::var_os("KHABAR_NO_ROMANISE").is_none())
            .add_default_entries()?
            .build()?,
    };
    let build = t.elapsed();
    println!(
        "gazetteer: {} entries, {} aliases; build {}; heap {:.1} MB; peak RSS {:.1} MB (before: {:.1} MB)",
        gz.len(),
        gz.alias_count(),
        both(build.as_secs_f64(), c),
        gz.heap_bytes() as f64 / 1e6,
        peak_rss_mb().unwrap_or(f64::NAN),
        rss0.unwrap_or(f64::NAN),
    );

    let total: usize = texts.iter().map(String::len).sum();
    let mut scratch = Scratch::new();
    let mut out = Vec::new();
    let rounds = (20_000_000 / total.max(1)).clamp(1, 1000);
    let c = cpu_secs();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for text in &texts {
            out.clear();
            gz.find_into(text, MatchKind::LeftmostLongest, &mut scratch, &mut out);
            n += out.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = cpu_secs().zip(c).map(|(b, a)| b - a);
    println!(
        "matching: {} matches per pass over {:.2} MB; {:.1} MB/s wall{}",
        n / rounds,
        total as f64 / 1e6,
        (total * rounds) as f64 / 1e6 / secs,
        cpu.map_or(String::new(), |cpu| format!(
            ", {:.1} MB/s CPU",
            (total * rounds) as f64 / 1e6 / cpu
        ))
    );

    let c = cpu_secs();
    let t = Instant::now();
    let bytes = gz.to_bytes()?;
    let save = both(t.elapsed().as_secs_f64(), c);
    let c = cpu_secs();
    let t = Instant::now();
    let again = Gazetteer::from_bytes(&bytes)?;
    let load = t.elapsed();
    println!(
        "compiled: {:.1} MB; encode {save}; decode {} ({:.1}x faster than build, wall)",
        bytes.len() as f64 / 1e6,
        both(load.as_secs_f64(), c),
        build.as_secs_f64() / load.as_secs_f64()
    );
    drop(again);
    Ok(())
}
