//! Word keys: one hash of each token's folded word, for the lexica that look tokens up.
//!
//! Several stages look every token of a document up in a word table: the date and number
//! lexica, the event cues. They all key on the token's *folded word* — what
//! [`Token::norm`] gives, with every number token standing for the one word `#` (numbers
//! are matched by kind, not by their digits). [`word_hash`] hashes that word without
//! building it when the token is plain ASCII (eight bytes at a time, lower-cased in a
//! register), so a document's tokens can be hashed once and every table probed with the
//! same key. [`hash_word`] hashes a word already folded (a table's own entries), and
//! [`is_folded_word`] checks a candidate: a hash only proposes a match, and a table must
//! confirm it against the word, so that a collision never makes a false one.
//!
//! The hash values are stable within one build of the crate, not across versions: keep
//! them in memory, never on disk.
//!
//! ```
//! use khabar_tokenize::{hash_word, is_folded_word, tokenize, word_hash};
//! let text = "Two were KILLED o’clock 4,000";
//! let tokens = tokenize(text);
//! assert_eq!(word_hash(text, &tokens[2]), hash_word(b"killed"));
//! assert_eq!(word_hash(text, &tokens[3]), hash_word(b"o'clock"));
//! assert_eq!(word_hash(text, &tokens[4]), hash_word(b"#"));
//! assert!(is_folded_word(text, &tokens[2], "killed"));
//! assert!(!is_folded_word(text, &tokens[1], "killed"));
//! ```

use crate::{Token, TokenKind};

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K: u64 = 0x9e37_79b9_7f4a_7c15;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// One round: eight more bytes into the hash (the top bits of the product depend on every
/// bit of `h ^ chunk`; the shift brings some of them down).
#[inline]
const fn mix(h: u64, chunk: u64) -> u64 {
    let h = (h ^ chunk).wrapping_mul(K);
    h ^ (h >> 29)
}

/// [`hash_word`] of `#`, the word of every number token.
const NUMBER: u64 = mix(SEED ^ 1, b'#' as u64);

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline]
fn load(bytes: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    for (b, x) in buf.iter_mut().zip(bytes) {
        *b = *x;
    }
    u64::from_le_bytes(buf)
}

/// The eight bytes of `x` with ASCII capitals lower-cased (bytes ≥ 0x80 must be absent).
#[inline]
fn lower(x: u64) -> u64 {
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f); // high bit set where byte >= 'A'
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525); // high bit set where byte > 'Z'
    x | (((ge_a & !gt_z) & HIGH) >> 2)
}

/// The hash of a word already folded (lower-cased, typographic apostrophes made `'`, a
/// number `#`): what [`word_hash`] gives for a token whose folded word it is.
///
/// ```
/// use khabar_tokenize::{hash_word, tokenize, word_hash};
/// let text = "Afghanistan’s";
/// let tokens = tokenize(text);
/// assert_eq!(word_hash(text, &tokens[1]), hash_word(b"'s"));
/// ```
#[inline]
pub fn hash_word(word: &[u8]) -> u64 {
    word.chunks(8)
        .fold(SEED ^ word.len() as u64, |h, c| mix(h, load(c)))
}

/// The hash of token `t`'s folded word: [`hash_word`] of `t.norm(text)`, or of `#` for a
/// number token. Plain ASCII words are hashed in place, eight bytes at a time, lower-cased
/// in a register.
///
/// This is the word key the lexica of later stages share: the date and number lexica
/// (`khabar_numdate::TokenClasses` hashes a document's tokens once and keeps the hashes)
/// and the event cues all look a token up by it. Every number token stands for the one
/// word `#` (numbers are matched by kind, not by their digits). A hash only proposes a
/// match: a table must confirm it against the word ([`is_folded_word`], or its own rule),
/// so that a collision never makes a false one. The values are stable within one build of
/// the crate, not across versions: keep them in memory, never on disk.
///
/// ```
/// use khabar_tokenize::{hash_word, tokenize, word_hash};
/// let text = "Kabul KABUL Straße";
/// let tokens = tokenize(text);
/// assert_eq!(word_hash(text, &tokens[0]), word_hash(text, &tokens[1]));
/// assert_eq!(word_hash(text, &tokens[2]), hash_word("strasse".as_bytes()));
/// ```
#[inline]
pub fn word_hash(text: &str, t: &Token) -> u64 {
    if t.kind == TokenKind::Number {
        return NUMBER;
    }
    // most words: ASCII, one to eight bytes, read at once
    let (start, len) = (t.span.start, t.span.end.wrapping_sub(t.span.start));
    if len.wrapping_sub(1) < 8 {
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

/// [`word_hash`] of any token but a number.
fn word_hash_any(text: &str, t: &Token) -> u64 {
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
            return hash_word(t.norm(text).as_bytes());
        }
        h = mix(h, lower(x));
        at += n;
    }
    h
}

/// Whether token `t`'s folded word (see [`word_hash`]) is `word`; the word is built only
/// when the token is not ASCII.
///
/// ```
/// use khabar_tokenize::{is_folded_word, tokenize};
/// let text = "Policemen 12";
/// let tokens = tokenize(text);
/// assert!(is_folded_word(text, &tokens[0], "policemen"));
/// assert!(is_folded_word(text, &tokens[1], "#"));
/// ```
pub fn is_folded_word(text: &str, t: &Token, word: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;
    use proptest::prelude::*;

    fn reference_lower(x: u64) -> u64 {
        u64::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()))
    }

    /// The slow, obviously-correct folded word of a token: the tokenizer's own folding.
    fn reference_word(text: &str, t: &Token) -> String {
        match t.kind {
            TokenKind::Number => "#".to_owned(),
            _ => t.norm(text).into_owned(),
        }
    }

    #[test]
    fn a_number_hashes_as_its_word() {
        assert_eq!(NUMBER, hash_word(b"#"));
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
                let folded = reference_word(&text, t);
                prop_assert_eq!(word_hash(&text, t), hash_word(folded.as_bytes()));
                prop_assert!(is_folded_word(&text, t, &folded));
            }
        }

        #[test]
        fn any_token_hashes_as_its_folded_word(text in "\\PC{0,40}") {
            for t in &tokenize(&text) {
                let folded = reference_word(&text, t);
                prop_assert_eq!(word_hash(&text, t), hash_word(folded.as_bytes()));
                prop_assert!(is_folded_word(&text, t, &folded));
            }
        }
    }
}
