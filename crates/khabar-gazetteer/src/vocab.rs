//! The token vocabulary: every distinct folded token of every alias, numbered.
//!
//! Matching looks up each folded token of the text once; a token that is not in the
//! vocabulary cannot be part of any match. The table is open addressing over one string
//! arena (no allocation per token), which keeps a vocabulary of a million tokens at a few
//! bytes per token and makes it cheap to save and load.

use serde::{Deserialize, Serialize};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A fast, non-cryptographic hash of a short byte string (tokens are mostly < 16 bytes).
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_with(bytes, 0)
}

/// [`hash_bytes`] of `bytes` with `or` applied to every byte (`or` repeats one byte).
#[inline]
fn hash_with(bytes: &[u8], or: u64) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w) | or);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Built with shifts, not copied into a buffer: a narrow store followed by a wide
        // load stalls the CPU.
        let w = rest
            .iter()
            .enumerate()
            .fold(0u64, |w, (k, &b)| w | u64::from(b) << (8 * k));
        h = mix(h, w | (or & live(rest.len())));
    }
    finish(h)
}

/// The low `n` bytes (1..=8) of a word.
#[inline]
fn live(n: usize) -> u64 {
    u64::MAX >> (64 - 8 * n.clamp(1, 8) as u32)
}

#[inline]
fn mix(h: u64, w: u64) -> u64 {
    (h ^ w).wrapping_mul(K).rotate_left(29)
}

#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 31;
    h = h.wrapping_mul(K);
    h ^ (h >> 29)
}

/// The hash of the ASCII letters `text[from..to]` as if lower-cased — `hash_bytes` of the
/// lower-cased string — without copying (for letters, lower-casing sets bit 5). Words of
/// up to 8 letters are read with one unaligned load when the text has room, words of 9 to
/// 16 letters with two.
#[inline(always)]
pub(crate) fn hash_ascii_letters_lower(text: &[u8], from: usize, to: usize) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let len = to.saturating_sub(from);
    let load = |at: usize| {
        text.get(at..at + 8).map(|word| {
            let mut w = [0u8; 8];
            w.copy_from_slice(word);
            u64::from_le_bytes(w)
        })
    };
    let h = (len as u64).wrapping_mul(K);
    if (1..=8).contains(&len) {
        if let Some(w) = load(from) {
            let m = live(len);
            return finish(mix(h, (w & m) | (LOWER & m)));
        }
    } else if (9..=16).contains(&len) {
        if let (Some(w0), Some(w1)) = (load(from), load(from + 8)) {
            let m = live(len - 8);
            return finish(mix(mix(h, w0 | LOWER), (w1 & m) | (LOWER & m)));
        }
    }
    hash_with(text.get(from..to).unwrap_or(&[]), LOWER)
}

/// Numbered folded tokens.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Vocab {
    /// All tokens, concatenated; token `i` is `arena[ends[i]..ends[i + 1]]`.
    arena: String,
    ends: Vec<u32>,
    /// Open-addressing table; length is a power of two. A slot is 0 when empty, else
    /// `fingerprint << 32 | (id + 1)`, the fingerprint being the high half of the hash, so
    /// that most mismatches are rejected without touching the arena.
    slots: Vec<u64>,
    /// Ids of the one-byte ASCII tokens ("-", ",", "("), looked up without hashing;
    /// [`NO_ID`] for absent ones. Filled by [`Vocab::finish`].
    ascii1: Vec<u32>,
    /// A one-hash Bloom filter over the fingerprints (about 16 bits per token, a power of
    /// two): small enough to stay in cache, it rejects most unknown tokens before the
    /// table is touched. Empty until [`Vocab::finish`], which accepts everything.
    filter: Vec<u64>,
}

/// The bit of the token with hash `h` in a filter of `words` 64-bit words (a power of two).
#[inline]
fn filter_bit(h: u64, words: usize) -> usize {
    (h >> 32) as usize & (words * 64).wrapping_sub(1)
}

/// "Not in the vocabulary" in [`Vocab::ascii1`].
const NO_ID: u32 = u32::MAX;

impl Default for Vocab {
    fn default() -> Self {
        Vocab {
            arena: String::new(),
            ends: vec![0],
            slots: vec![0; 1024],
            ascii1: vec![NO_ID; 128],
            filter: Vec::new(),
        }
    }
}

impl Vocab {
    /// An empty vocabulary with room for about `n` tokens.
    pub fn with_capacity(n: usize) -> Vocab {
        Vocab {
            slots: vec![0; n.next_power_of_two().max(1024)],
            ..Vocab::default()
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len().saturating_sub(1)
    }

    #[inline]
    fn token(&self, id: u32) -> &[u8] {
        let i = id as usize;
        match (self.ends.get(i), self.ends.get(i + 1)) {
            (Some(&s), Some(&e)) => self
                .arena
                .as_bytes()
                .get(s as usize..e as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The slot where `s` is or would go, and its id if present.
    #[inline]
    fn probe(&self, s: &[u8], h: u64) -> (usize, Option<u32>) {
        self.probe_by(s, h, |a, b| a == b)
    }

    #[inline]
    fn probe_by(
        &self,
        s: &[u8],
        h: u64,
        same: impl Fn(&[u8], &[u8]) -> bool,
    ) -> (usize, Option<u32>) {
        let mask = self.slots.len().wrapping_sub(1);
        let fp = h >> 32;
        let mut i = (h as usize) & mask;
        // Linear probing; the table is at most half full so the loop ends at an empty slot.
        for _ in 0..self.slots.len() {
            match self.slots.get(i) {
                Some(0) | None => return (i, None),
                Some(&v) => {
                    if v >> 32 == fp {
                        let id = (v as u32).wrapping_sub(1);
                        if same(self.token(id), s) {
                            return (i, Some(id));
                        }
                    }
                }
            }
            i = (i + 1) & mask;
        }
        (usize::MAX, None)
    }

    /// The id of a folded token.
    #[inline]
    pub fn get(&self, s: &[u8]) -> Option<u32> {
        if let [b] = s {
            return match self.ascii1.get(usize::from(*b)) {
                Some(&NO_ID) => None,
                Some(&id) => Some(id),
                None => self.probe(s, hash_bytes(s)).1,
            };
        }
        let h = hash_bytes(s);
        // Most tokens looked up are in no alias: the filter says so before the table
        // (far larger, out of cache) is touched.
        if !self.may_contain(h) {
            return None;
        }
        self.probe(s, h).1
    }

    /// The id of the ASCII-letter token `text[from..to]`, compared as if lower-cased
    /// (tokens in the vocabulary are folded, so lower-case).
    #[inline]
    pub fn get_ascii_letters(&self, text: &[u8], from: usize, to: usize) -> Option<u32> {
        let s = text.get(from..to)?;
        if let [b] = s {
            return match self.ascii1.get(usize::from(*b | 0x20)) {
                Some(&NO_ID) | None => None,
                Some(&id) => Some(id),
            };
        }
        self.get_ascii_letters_hashed(text, from, to, hash_ascii_letters_lower(text, from, to))
    }

    /// [`Vocab::get_ascii_letters`] for a token of two letters or more whose hash `h`
    /// ([`hash_ascii_letters_lower`]) is known.
    #[inline]
    pub fn get_ascii_letters_hashed(
        &self,
        text: &[u8],
        from: usize,
        to: usize,
        h: u64,
    ) -> Option<u32> {
        let s = text.get(from..to)?;
        if !self.may_contain(h) {
            return None;
        }
        self.probe_by(s, h, |a, b| a.eq_ignore_ascii_case(b)).1
    }

    /// The filter: `false` means the token with hash `h` is certainly absent.
    #[inline]
    pub(crate) fn may_contain(&self, h: u64) -> bool {
        let bit = filter_bit(h, self.filter.len());
        self.filter
            .get(bit / 64)
            .is_none_or(|w| w >> (bit % 64) & 1 == 1)
    }

    /// The id of a folded token, adding it if new. `None` if the vocabulary is full
    /// (2^31 tokens or 4 GiB).
    pub fn insert(&mut self, s: &str) -> Option<u32> {
        let h = hash_bytes(s.as_bytes());
        if let (_, Some(id)) = self.probe(s.as_bytes(), h) {
            return Some(id);
        }
        if (self.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let id = u32::try_from(self.len())
            .ok()
            .filter(|&id| id < (1 << 31))?;
        let (slot, _) = self.probe(s.as_bytes(), h);
        self.arena.push_str(s);
        self.ends.push(u32::try_from(self.arena.len()).ok()?);
        *self.slots.get_mut(slot)? = (h >> 32) << 32 | u64::from(id + 1);
        // A token added after [`Vocab::finish`] passes the filter too.
        let bit = filter_bit(h, self.filter.len());
        if let Some(w) = self.filter.get_mut(bit / 64) {
            *w |= 1 << (bit % 64);
        }
        Some(id)
    }

    fn grow(&mut self) {
        let n = self.slots.len() * 2;
        let mut slots = vec![0u64; n];
        let mask = n - 1;
        for &v in self.slots.iter().filter(|&&v| v != 0) {
            let id = (v as u32).wrapping_sub(1);
            let mut i = (hash_bytes(self.token(id)) as usize) & mask;
            while slots.get(i).is_some_and(|&x| x != 0) {
                i = (i + 1) & mask;
            }
            if let Some(slot) = slots.get_mut(i) {
                *slot = v;
            }
        }
        self.slots = slots;
    }

    /// Fills the one-byte table and releases spare capacity; call when all tokens are in.
    pub fn finish(&mut self) {
        self.ascii1 = (0u8..128)
            .map(|b| self.probe(&[b], hash_bytes(&[b])).1.unwrap_or(NO_ID))
            .collect();
        let words = (self.len() * 16 / 64).next_power_of_two().max(16);
        let mut filter = vec![0u64; words];
        for id in 0..self.len() as u32 {
            let bit = filter_bit(hash_bytes(self.token(id)), words);
            if let Some(w) = filter.get_mut(bit / 64) {
                *w |= 1 << (bit % 64);
            }
        }
        self.filter = filter;
        self.arena.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + 4 * self.ends.capacity()
            + 8 * self.slots.capacity()
            + 4 * self.ascii1.capacity()
            + 8 * self.filter.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_and_get() {
        let mut v = Vocab::default();
        v.finish();
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.insert(w), Some(i as u32));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.get(w.as_bytes()), Some(i as u32));
            assert_eq!(v.insert(w), Some(i as u32));
        }
        v.finish();
        assert_eq!(v.get(b"-"), None);
        v.insert("-");
        v.finish();
        assert_eq!(v.get(b"-"), Some(5000));
        assert_eq!(v.get(b"nope"), None);
        v.insert("kabul");
        v.insert("k");
        v.insert("abcdefghijklmnopq");
        v.finish();
        for w in [
            "Kabul",
            "KABUL",
            "kabul",
            "K",
            "k",
            "abcdefghijKLMNOPQ",
            "Kabulx",
        ] {
            let lower = w.to_ascii_lowercase();
            let in_text = format!("{w} and more text");
            let (t, n) = (in_text.as_bytes(), w.len());
            assert_eq!(v.get_ascii_letters(t, 0, n), v.get(lower.as_bytes()), "{w}");
            assert_eq!(
                v.get_ascii_letters(w.as_bytes(), 0, n),
                v.get(lower.as_bytes()),
                "{w}"
            );
            assert_eq!(v.get(lower.as_bytes()).is_some(), w != "Kabulx");
            assert_eq!(
                hash_ascii_letters_lower(t, 0, n),
                hash_bytes(lower.as_bytes())
            );
            assert_eq!(
                hash_ascii_letters_lower(w.as_bytes(), 0, n),
                hash_bytes(lower.as_bytes())
            );
        }
        assert_eq!(v.get(b""), None);
        assert_eq!(v.len(), 5004);
    }

    /// The word-at-a-time hash of letters equals `hash_bytes` of the lower-cased letters,
    /// for every length, with and without room after the word in the text.
    #[test]
    fn letter_hash_equals_hash_of_lower_case() {
        let letters = b"KabulAndKandaharAreCitiesOfAfghanistanXyz";
        for len in 1..=40 {
            for from in 0..2 {
                let word = &letters[from..from + len];
                let want = hash_bytes(word.to_ascii_lowercase().as_slice());
                assert_eq!(hash_ascii_letters_lower(letters, from, from + len), want);
                assert_eq!(hash_ascii_letters_lower(word, 0, len), want, "{len}");
            }
        }
    }
}
