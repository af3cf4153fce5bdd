//! The naive daachorse baseline of the gazetteer benchmark, shared by `benches/gazetteer.rs`
//! and `examples/seeds_driver.rs` (included with `#[path]`: it needs `daachorse`, a
//! dev-dependency the benches' library cannot use).
//!
//! Every alias as a pattern of daachorse's double-array automaton. daachorse has no
//! case-insensitive mode, so patterns and text are ASCII-lower-cased (which keeps byte
//! offsets); it rejects duplicate patterns, so aliases equal after lower-casing are merged
//! (the first entry wins, as aho-corasick's leftmost-longest reports the first pattern).
//! Leftmost-longest matches are kept when no letter or digit touches either end.

use daachorse::{
    DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind as DaachorseMatchKind,
};
use khabar_gazetteer::Gazetteer;
use std::hint::black_box;

/// The automaton, its value the entry index.
pub struct Daachorse {
    pub pma: DoubleArrayAhoCorasick<u32>,
}

impl Daachorse {
    /// Builds the automaton over every alias of `gz`.
    pub fn new(gz: &Gazetteer) -> Daachorse {
        let mut seen = std::collections::HashSet::new();
        let mut patvals = Vec::with_capacity(gz.alias_count());
        for e in gz.entries() {
            for a in e.aliases() {
                let lower = a.to_ascii_lowercase();
                if !lower.is_empty() && seen.insert(lower.clone()) {
                    patvals.push((lower, u32::try_from(e.index()).unwrap_or(u32::MAX)));
                }
            }
        }
        let pma = DoubleArrayAhoCorasickBuilder::new()
            .match_kind(DaachorseMatchKind::LeftmostLongest)
            .build_with_values(patvals)
            .expect("daachorse builds");
        Daachorse { pma }
    }

    /// Number of matches on word boundaries in `text` (`lower` is a reusable buffer).
    pub fn count(&self, text: &str, lower: &mut String) -> usize {
        lower.clear();
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let mut n = 0;
        for m in self.pma.leftmost_find_iter(lower.as_str()) {
            if on_word_boundaries(text, m.start(), m.end()) {
                black_box(m.value());
                n += 1;
            }
        }
        n
    }
}

/// True when neither side of `text[start..end]` is a letter or a digit.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
