//! A digest of everything `Gazetteer::find`, `find_overlapping` and `find_tokens` return on
//! some text: to check that a change of the matcher keeps its output (build this example
//! at both commits and compare the printed lines).
//!
//! ```text
//! cargo run --release -p khabar-gazetteer --example find_digest -- GAZETTEER FILE...
//! ```
//!
//! `GAZETTEER` is `default` (the bundled gazetteer) or a CSV file (built with the default
//! options). Each file is split into documents at "\n\x1e\n" (the separator of the
//! benchmark corpus), else searched whole. Prints, per method, the number of matches and a
//! 64-bit FNV-1a digest of every match's span, alias and candidate entry ids, in order.

use khabar_gazetteer::{Gazetteer, Match};
use std::process::ExitCode;

/// FNV-1a over bytes.
struct Digest(u64);

impl Digest {
    fn new() -> Digest {
        Digest(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }

    fn matches(&mut self, doc: usize, ms: &[Match<'_>]) {
        for m in ms {
            self.bytes(&(doc as u64).to_le_bytes());
            self.bytes(&(m.start() as u64).to_le_bytes());
            self.bytes(&(m.end() as u64).to_le_bytes());
            self.bytes(m.alias().as_bytes());
            for e in m.entries() {
                self.bytes(e.id().as_bytes());
                self.bytes(b"\x00");
            }
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((which, files)) = args.split_first() else {
        eprintln!("usage: find_digest default|GAZETTEER.csv FILE...");
        return ExitCode::FAILURE;
    };
    let gz = if which == "default" {
        Gazetteer::default_gazetteer()
            .cloned()
            .map_err(|e| e.to_string())
    } else {
        Gazetteer::from_csv_path(which).map_err(|e| e.to_string())
    };
    let gz = match gz {
        Ok(gz) => gz,
        Err(e) => {
            eprintln!("{which}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut docs = Vec::new();
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(text) => docs.extend(text.split("\n\x1e\n").map(str::to_owned)),
            Err(e) => {
                eprintln!("{f}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    for name in ["find", "find_overlapping", "find_tokens"] {
        let (mut n, mut digest) = (0usize, Digest::new());
        for (k, d) in docs.iter().enumerate() {
            let ms = match name {
                "find" => gz.find(d),
                "find_overlapping" => gz.find_overlapping(d),
                _ => gz.find_tokens(d, &khabar_tokenize::tokenize(d)),
            };
            n += ms.len();
            digest.matches(k, &ms);
        }
        println!("{name}: {n} matches, digest {:016x}", digest.0);
    }
    ExitCode::SUCCESS
}
