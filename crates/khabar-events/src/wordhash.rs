//! Word hashes for cue matching: every token is hashed once, as its folded word
//! ([`crate::Lexicon::push_word`]) would be, without building the word when it is plain
//! ASCII (eight bytes at a time, lower-cased in a register); cues are found by the hash of
//! their first word in a small open-addressing table. A hash only proposes a match: every
//! match is checked word by word ([`is_word`]), so a collision never makes a false one.

use khabar_tokenize::{Token, TokenKind};

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K: u64 = 0x9e37_79b9_7f4a_7c15;
const HIGH: u64 = 0x8080_8080_8080_8080;

fn mix(h: u64, chunk: u64) -> u64 {
    let h = (h ^ chunk).wrapping_mul(K);
    h ^ (h >> 29)
}

/// Up to eight bytes as a little-endian word, zero-padded.
fn load(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    for (b, x) in buf.iter_mut().zip(bytes) {
        *b = *x;
    }
    u64::from_le_bytes(buf)
}

/// The eight bytes of `x` with ASCII capitals lower-cased (bytes ≥ 0x80 must be absent).
fn lower(x: u64) -> u64 {
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f); // high bit set where byte >= 'A'
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525); // high bit set where byte > 'Z'
    x | (((ge_a & !gt_z) & HIGH) >> 2)
}

/// The hash of a folded word.
pub(crate) fn hash_folded(word: &[u8]) -> u64 {
    word.chunks(8)
        .fold(SEED ^ word.len() as u64, |h, c| mix(h, load(c)))
}

/// The hash of token `t`'s folded word: `hash_folded` of what `push_word` writes.
#[inline]
pub(crate) fn word_hash(text: &str, t: &Token) -> u64 {
    // most words: ASCII, one to eight bytes, read at once
    let (start, len) = (t.span.start, t.span.end.wrapping_sub(t.span.start));
    if t.kind != TokenKind::Number && len.wrapping_sub(1) < 8 {
        if let Some(Ok(a)) = text
            .as_bytes()
            .get(start..start + 8)
            .map(<[u8; 8]>::try_from)
        {
            let x = u64::from_le_bytes(a) & (u64::MAX >> ((8 - len) * 8));
            if x & HIGH == 0 {
                return mix(SEED ^ len as u64, lower(x));
            }
        }
    }
    word_hash_any(text, t)
}

/// [`word_hash`] of any token.
fn word_hash_any(text: &str, t: &Token) -> u64 {
    if t.kind == TokenKind::Number {
        return hash_folded(b"#");
    }
    let bytes = text.as_bytes();
    let (start, end) = (t.span.start, t.span.end.min(bytes.len()));
    let len = end.saturating_sub(start);
    let mut h = SEED ^ len as u64;
    let mut at = start;
    while at < end {
        let n = (end - at).min(8);
        // eight bytes read at once where the text has them, the extra ones masked off
        let x = match bytes.get(at..at + 8) {
            Some(b) => {
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                let x = u64::from_le_bytes(a);
                if n == 8 {
                    x
                } else {
                    x & ((1u64 << (8 * n)) - 1)
                }
            }
            None => load(bytes.get(at..end).unwrap_or_default()),
        };
        if x & HIGH != 0 {
            return hash_folded(t.norm(text).as_bytes());
        }
        h = mix(h, lower(x));
        at += n;
    }
    h
}

/// Whether token `t`'s folded word is `word` (built only when the token is not ASCII).
pub(crate) fn is_word(text: &str, t: &Token, word: &str) -> bool {
    if t.kind == TokenKind::Number {
        return word == "#";
    }
    let raw = t.text(text);
    if raw.is_ascii() {
        raw.len() == word.len()
            && raw
                .bytes()
                .zip(word.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        t.norm(text) == word
    }
}

/// First-word hash → a list number, by open addressing (linear probing, at most half
/// full): one multiplication and a compare or two for a word no cue starts with.
#[derive(Clone, Debug, Default)]
pub(crate) struct FirstWords {
    /// `(hash, list + 1)`; `0` marks an empty slot.
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl FirstWords {
    fn slot(&self, hash: u64) -> usize {
        (hash.wrapping_mul(K) >> 40) as usize & (self.slots.len().wrapping_sub(1))
    }

    /// The list of `hash`, if any.
    #[inline]
    pub fn get(&self, hash: u64) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = self.slot(hash);
        loop {
            match self.slots.get(i) {
                Some(&(h, l)) if l != 0 && h == hash => return Some(l as usize - 1),
                Some(&(_, 0)) | None => return None,
                Some(_) => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }

    /// Records `hash` → `list` (a new hash).
    pub fn insert(&mut self, hash: u64, list: usize) {
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(0, 0); (old.len() * 2).max(64)];
            self.len = 0;
            for (h, l) in old.into_iter().filter(|&(_, l)| l != 0) {
                self.insert(h, l as usize - 1);
            }
        }
        let mut i = self.slot(hash);
        while self.slots.get(i).is_some_and(|&(_, l)| l != 0) {
            i = (i + 1) & (self.slots.len() - 1);
        }
        if let Some(s) = self.slots.get_mut(i) {
            *s = (hash, u32::try_from(list + 1).unwrap_or(u32::MAX));
            self.len += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_tokenize::tokenize;
    use proptest::prelude::*;

    fn reference_lower(x: u64) -> u64 {
        u64::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()))
    }

    proptest! {
        #[test]
        fn register_lowercasing_is_ascii_lowercasing(bytes in prop::array::uniform8(0u8..0x80)) {
            let x = u64::from_le_bytes(bytes);
            prop_assert_eq!(lower(x), reference_lower(x));
        }

        #[test]
        fn a_token_hashes_as_its_folded_word(text in "[A-Za-z0-9 .,'’\\-éİßZ@\\[`{]{0,80}") {
            for t in &tokenize(&text) {
                let folded = crate::lexicon::tests::reference_word(&text, t);
                prop_assert_eq!(word_hash(&text, t), hash_folded(folded.as_bytes()));
                prop_assert!(is_word(&text, t, &folded));
            }
        }

        #[test]
        fn the_table_finds_what_was_put_in(hashes in prop::collection::hash_set(any::<u64>(), 0..300), probe: u64) {
            let mut t = FirstWords::default();
            let hashes: Vec<u64> = hashes.into_iter().collect();
            for (i, &h) in hashes.iter().enumerate() {
                t.insert(h, i);
            }
            for (i, &h) in hashes.iter().enumerate() {
                prop_assert_eq!(t.get(h), Some(i));
            }
            prop_assert_eq!(t.get(probe), hashes.iter().position(|&h| h == probe));
        }
    }
}
