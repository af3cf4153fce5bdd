//! Writes the benchmark corpus (`corpus::large`) to disk, so that the Python benchmark, the
//! peer comparison and command-line runs read exactly the corpus the criterion benches use.
//!
//! ```text
//! make-corpus --bytes 10000000 --dir /tmp/khabar-corpus     # one .txt file per document
//! ```

use khabar_benches::corpus;
use std::path::PathBuf;

fn main() {
    let mut bytes = corpus::TEN_MB;
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bytes" => bytes = args.next().and_then(|v| v.parse().ok()).unwrap_or(bytes),
            "--dir" => dir = args.next().map(PathBuf::from),
            _ => {
                eprintln!("usage: make-corpus [--bytes N] --dir DIR");
                std::process::exit(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: make-corpus [--bytes N] --dir DIR");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("make-corpus: {}: {e}", dir.display());
        std::process::exit(1);
    }
    let docs = corpus::large(bytes);
    for (i, d) in docs.iter().enumerate() {
        let path = dir.join(format!("{i:07}.txt"));
        if let Err(e) = std::fs::write(&path, d) {
            eprintln!("make-corpus: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    println!(
        "{} documents, {} bytes in {}",
        docs.len(),
        corpus::bytes(&docs),
        dir.display()
    );
}
