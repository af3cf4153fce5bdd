//! Writes the precompiled default gazetteer, `data/default.kgz` (see
//! `khabar_gazetteer::precompiled`), after an edit of the default data or of the compiling
//! code:
//!
//! ```text
//! cargo run --release -p khabar-gazetteer --example precompile_default
//! ```

use khabar_gazetteer::{Gazetteer, precompiled};
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(precompiled::PATH);
    let bytes = match Gazetteer::compile_default().and_then(|gz| precompiled::encode(&gz)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("precompile_default: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&path, &bytes) {
        eprintln!("precompile_default: {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!("{}: {} bytes", path.display(), bytes.len());
    ExitCode::SUCCESS
}
