//! The tokens of the chunks the matcher's fast path gives back, remembered.
//!
//! [`Gazetteer::find`](crate::Gazetteer::find) labels most chunks of a text (runs between
//! ASCII whitespace) on its own fast path and gives the rest — code, markup, paths,
//! abbreviations ("(e.g.,", "<stdio.h>", "POSIX.1-2001,") — to `khabar_tokenize`, which
//! costs some two thousand instructions a chunk. Technical text repeats those chunks, and
//! the tokenizer's tokens of a chunk depend on the chunk alone, so a small direct-mapped
//! table of recent chunks and their token spans answers the repeats. A chunk is compared
//! in full, so a hit is exact.

use crate::vocab::hash_bytes;
use khabar_tokenize::{Span, Token, Tokenizer};

/// Number of remembered chunks (a power of two).
const SLOTS: usize = 256;
/// Longest chunk remembered, in bytes; longer ones are tokenized each time.
const MAX_BYTES: usize = 64;

/// One remembered chunk.
#[derive(Clone, Debug, Default)]
struct Slot {
    hash: u64,
    chunk: String,
    /// The tokenizer's token spans, relative to the chunk.
    spans: Vec<Span>,
}

/// Recent chunks and their token spans, with the tokenizer's buffers.
#[derive(Debug, Default)]
pub(crate) struct ChunkMemo {
    slots: Vec<Slot>,
    tokens: Vec<Token>,
    /// The spans of the last chunk too long to remember.
    spans: Vec<Span>,
}

impl ChunkMemo {
    /// The spans (relative to `chunk`) of the tokens `tokenizer` gives for `chunk`.
    pub(crate) fn spans(&mut self, chunk: &str, tokenizer: &Tokenizer) -> &[Span] {
        if self.slots.len() != SLOTS {
            self.slots.clear();
            self.slots.resize(SLOTS, Slot::default());
        }
        let h = hash_bytes(chunk.as_bytes());
        let slot = match self.slots.get_mut((h >> 40) as usize & (SLOTS - 1)) {
            Some(slot) if chunk.len() <= MAX_BYTES => slot,
            _ => {
                tokenize(chunk, tokenizer, &mut self.tokens, &mut self.spans);
                return &self.spans;
            }
        };
        // An empty slot holds "", never a chunk (chunks are not empty).
        if slot.hash != h || slot.chunk != chunk {
            tokenize(chunk, tokenizer, &mut self.tokens, &mut slot.spans);
            slot.hash = h;
            slot.chunk.clear();
            slot.chunk.push_str(chunk);
        }
        &slot.spans
    }
}

/// Replaces `spans` by the spans of the tokens of `chunk` (`tokens` is the tokenizer's
/// buffer).
fn tokenize(chunk: &str, tokenizer: &Tokenizer, tokens: &mut Vec<Token>, spans: &mut Vec<Span>) {
    tokens.clear();
    tokenizer.tokenize_into(chunk, tokens);
    spans.clear();
    spans.extend(tokens.iter().map(|t| t.span));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// The memo gives the tokenizer's spans for every chunk, first seen or repeated,
        /// whatever collides with it in the table.
        #[test]
        fn memo_equals_tokenizer(
            chunks in proptest::collection::vec(
                "[A-Za-z0-9.:,<>/()`_#@'’\u{a0}é-]{1,12}|\\(e\\.g\\.,|<stdio\\.h>|POSIX\\.1-2001,|c:function::|[a-z]{70,80}",
                1..40,
            ),
            order in proptest::collection::vec(0usize..40, 0..80),
        ) {
            let tokenizer = Tokenizer::new();
            let mut memo = ChunkMemo::default();
            for i in (0..chunks.len()).chain(order) {
                let chunk = &chunks[i % chunks.len()];
                let want: Vec<Span> = tokenizer.tokenize(chunk).iter().map(|t| t.span).collect();
                prop_assert_eq!(memo.spans(chunk, &tokenizer), &want[..]);
            }
        }
    }
}
