//! The default gazetteer compiled ahead of time, so that a new process decodes it (a few
//! milliseconds) instead of compiling it (romanised spellings, spelling keys: about a tenth
//! of a second).
//!
//! `data/default.kgz` holds a fingerprint of what the default gazetteer is compiled from
//! (the embedded CSV files, the English word list, the saved-format version), then the
//! gazetteer in the saved format ([`Gazetteer::to_bytes`]) and the romanised variants it
//! dropped. [`Gazetteer::default_gazetteer`] uses it only when the fingerprint matches the data compiled into this
//! binary; after an edit of the data, the default gazetteer is compiled as before until the
//! file is written again:
//!
//! ```text
//! cargo run --release -p khabar-gazetteer --example precompile_default
//! ```
//!
//! The crate's test `tests/precompiled.rs` fails while the file is stale (also after a change
//! to the compiling code), and checks that the decoded gazetteer equals a fresh compile.
//!
//! ```
//! use khabar_gazetteer::{Gazetteer, precompiled};
//! assert!(precompiled::is_current());
//! let bytes = precompiled::encode(&Gazetteer::compile_default()?)?;
//! assert_eq!(bytes, precompiled::embedded());
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::romanise::Dropped;

/// The precompiled file, as embedded.
static EMBEDDED: &[u8] = include_bytes!("../data/default.kgz");

/// Where the precompiled file lives, relative to the crate's directory.
pub const PATH: &str = "data/default.kgz";

/// The embedded precompiled file.
pub fn embedded() -> &'static [u8] {
    EMBEDDED
}

/// A 64-bit fingerprint of the inputs of the default gazetteer: every embedded CSV file
/// (name and text), the English word list, the saved-format magic and the build options.
pub fn fingerprint() -> u64 {
    let mut h = Fingerprint::new();
    h.write(crate::gazetteer::MAGIC);
    h.write(b"strip_diacritics=1;romanise=1");
    for (name, csv) in crate::DEFAULT_DATA {
        h.write(name.as_bytes());
        h.write(csv.as_bytes());
    }
    h.write(crate::english::WORDS.as_bytes());
    h.finish()
}

/// Whether the embedded file was made from the data compiled into this binary.
pub fn is_current() -> bool {
    EMBEDDED
        .first_chunk::<8>()
        .is_some_and(|f| u64::from_le_bytes(*f) == fingerprint())
}

/// The file for `gz` (the default gazetteer, freshly compiled): fingerprint, gazetteer,
/// dropped variants.
pub fn encode(gz: &Gazetteer) -> Result<Vec<u8>> {
    let mut out = fingerprint().to_le_bytes().to_vec();
    let body = gz.to_bytes()?;
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&body);
    postcard::to_extend(&gz.compiled.dropped_variants, out)
        .map_err(|e| Error::Encode(e.to_string()))
}

/// Decodes a file written by [`encode`], without checking its fingerprint.
pub fn decode(bytes: &[u8]) -> Result<Gazetteer> {
    let bad = |what: &str| Error::Decode(format!("precompiled default gazetteer: {what}"));
    let rest = bytes.get(8..).ok_or_else(|| bad("truncated"))?;
    let (len, rest) = rest
        .split_first_chunk::<8>()
        .ok_or_else(|| bad("truncated"))?;
    let len = usize::try_from(u64::from_le_bytes(*len)).map_err(|_| bad("bad length"))?;
    let body = rest.get(..len).ok_or_else(|| bad("truncated"))?;
    let mut gz = Gazetteer::from_bytes(body)?;
    let tail = rest.get(len..).unwrap_or_default();
    let (dropped, left): (Vec<Dropped>, &[u8]) =
        postcard::take_from_bytes(tail).map_err(|e| bad(&e.to_string()))?;
    if !left.is_empty() {
        return Err(bad("trailing bytes"));
    }
    gz.compiled.dropped_variants = dropped;
    Ok(gz)
}

/// The default gazetteer from the embedded file, if it is current and decodes.
pub(crate) fn load() -> Option<Gazetteer> {
    if !is_current() {
        return None;
    }
    decode(EMBEDDED).ok()
}

/// A small 64-bit hash over 8-byte words (FNV-style multiply and xor-shift): stable across
/// platforms and Rust versions, unlike `std`'s hashers.
struct Fingerprint(u64);

impl Fingerprint {
    fn new() -> Fingerprint {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }

    fn mix(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(0x0000_0100_0000_01b3);
        self.0 ^= self.0 >> 29;
    }

    fn write(&mut self, bytes: &[u8]) {
        self.mix(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let mut w = [0u8; 8];
        let r = chunks.remainder();
        w[..r.len()].copy_from_slice(r);
        self.mix(u64::from_le_bytes(w));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
