//! One runtime index of the date and number lexica, keyed by the token's word hash.
//!
//! The shared token classes ([`crate::TokenClasses`]) hash every token's folded word once
//! ([`khabar_tokenize::word_hash`]: the same key the event cues are found by) and look it up
//! here once, for both lexica: an entry holds what the date lexicon says of the word
//! ([`crate::date::lexicon::table_words`]) and its number-lexicon entry
//! ([`crate::number::lexicon::table_words`]). The word tables themselves stay where they
//! are, as data; only this index is shared.
//!
//! A hash only proposes an entry: the word is then compared with the token's text under the
//! lexica's own rule ([`same_word`]: ASCII in any case, the typographic apostrophe ’ read as
//! `'`, nothing else outside ASCII), so a collision, or a token whose folded form merely
//! looks like a lexicon word ("ﬁfth", "Mäy"), never misreads. The tests check the index
//! against the lexica's own lookups (the references) on every word of both tables in any
//! case, on random words and on non-ASCII ones.

use crate::date::lexicon::{self as date_lexicon, MAX_WORD};
use crate::number::lexicon as number_lexicon;
use khabar_tokenize::{Token, TokenKind, hash_word, word_hash};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What the two lexica say of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordEntry {
    /// The date lexicon's entry ([`date_lexicon::lookup_entry`]).
    pub(crate) date: date_lexicon::Entry,
    /// The number lexicon's entry ([`number_lexicon::lookup`]).
    pub(crate) number: Option<number_lexicon::Entry>,
}

impl WordEntry {
    /// A word neither lexicon holds.
    pub(crate) const ABSENT: WordEntry = WordEntry {
        date: date_lexicon::Entry::ABSENT,
        number: None,
    };
}

/// One word of the index: its hash, its bytes (lowercase, zero-padded) and length, and the
/// lexica's entries.
struct Slot {
    hash: u64,
    key: [u8; MAX_WORD],
    len: u8,
    entry: WordEntry,
}

/// The index: open addressing on the top bits of the word hash, at most a quarter full so
/// that a word of neither lexicon (most words of a text) meets an empty slot at once.
pub(crate) struct WordIndex {
    /// Per slot: 0 when empty, else the hash's low 16 bits in the high half (a tag that
    /// rejects most other words without reading the entry) and 1 + the entry's index in the
    /// low half.
    slots: Vec<u32>,
    /// `log2(slots.len())`.
    bits: u32,
    entries: Vec<Slot>,
}

impl WordIndex {
    fn build() -> WordIndex {
        // The first listing of a word in each table is what the table says of it.
        let mut words: Vec<(
            String,
            Option<date_lexicon::Entry>,
            Option<number_lexicon::Entry>,
        )> = Vec::new();
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut slot_for = |w: &str, words: &mut Vec<_>| {
            *at.entry(w.to_owned()).or_insert_with(|| {
                words.push((w.to_owned(), None, None));
                words.len() - 1
            })
        };
        for (w, d) in date_lexicon::table_words() {
            let i = slot_for(&w, &mut words);
            if let Some(e) = words.get_mut(i) {
                e.1 = e.1.or(Some(d));
            }
        }
        for (w, n) in number_lexicon::table_words() {
            let i = slot_for(&w, &mut words);
            if let Some(e) = words.get_mut(i) {
                e.2 = e.2.or(Some(n));
            }
        }
        let entries: Vec<Slot> = words
            .into_iter()
            .filter_map(|(w, date, number)| {
                let bytes = w.as_bytes();
                let mut key = [0u8; MAX_WORD];
                // none is longer than the date lexicon reads (a test checks)
                key.get_mut(..bytes.len())?.copy_from_slice(bytes);
                Some(Slot {
                    hash: hash_word(bytes),
                    key,
                    len: u8::try_from(bytes.len()).ok()?,
                    entry: WordEntry {
                        date: date.unwrap_or(date_lexicon::Entry::ABSENT),
                        number,
                    },
                })
            })
            .collect();
        let n = (entries.len() * 4).next_power_of_two().max(2);
        let bits = n.trailing_zeros();
        let mut slots = vec![0u32; n];
        for (i, e) in entries.iter().enumerate() {
            let Ok(idx) = u16::try_from(i + 1) else {
                break;
            };
            let mut p = slot_of(e.hash, bits);
            while slots.get(p).is_some_and(|&s| s != 0) {
                p = (p + 1) & (n - 1);
            }
            if let Some(s) = slots.get_mut(p) {
                *s = tag(e.hash) | u32::from(idx);
            }
        }
        WordIndex {
            slots,
            bits,
            entries,
        }
    }

    /// The entries of the word of hash `hash` whose text is `s`.
    #[inline]
    fn get(&self, hash: u64, s: &str) -> WordEntry {
        let n = self.slots.len();
        let want = tag(hash);
        let mut p = slot_of(hash, self.bits);
        loop {
            let slot = match self.slots.get(p) {
                Some(&0) | None => return WordEntry::ABSENT,
                Some(&slot) => slot,
            };
            if slot & 0xffff_0000 == want {
                let e = usize::try_from(slot & 0xffff)
                    .ok()
                    .and_then(|i| self.entries.get(i.wrapping_sub(1)));
                if let Some(e) = e.filter(|e| e.hash == hash) {
                    let key = e.key.get(..usize::from(e.len)).unwrap_or_default();
                    return if same_word(key, s) {
                        e.entry
                    } else {
                        WordEntry::ABSENT
                    };
                }
            }
            p = (p + 1) & (n - 1);
        }
    }
}

/// The slot a hash starts probing at: its top bits (the best mixed of the word hash).
#[inline]
fn slot_of(hash: u64, bits: u32) -> usize {
    (hash >> (64 - bits)) as usize
}

/// A hash's tag in [`WordIndex::slots`].
#[inline]
fn tag(hash: u64) -> u32 {
    ((hash & 0xffff) as u32) << 16
}

/// Whether the token text `s` is the lexicon word `key` (lowercase ASCII) under the lexica's
/// rule: ASCII letters in any case, the typographic apostrophe ’ as `'`, no other character
/// outside ASCII, at most [`MAX_WORD`] bytes as written.
#[inline]
fn same_word(key: &[u8], s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() > MAX_WORD {
        return false;
    }
    if b.is_ascii() {
        return b.len() == key.len()
            && b.iter().zip(key).all(|(x, k)| x.to_ascii_lowercase() == *k);
    }
    let mut n = 0;
    for c in s.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if !c.is_ascii() || key.get(n) != Some(&(c as u8).to_ascii_lowercase()) {
            return false;
        }
        n += 1;
    }
    n == key.len()
}

/// The index, built on first use.
pub(crate) fn index() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(WordIndex::build)
}

impl WordIndex {
    /// What the lexica say of a token of kind `kind` and text `s` whose word hash is
    /// `hash` ([`khabar_tokenize::word_hash`]). Only a word, or another token that starts
    /// with a letter (a holiday's first word: see [`crate::date::grammar`]), is looked up;
    /// for anything else (numbers, punctuation) no grammar reads the entries.
    #[inline]
    pub(crate) fn lookup(&self, kind: TokenKind, hash: u64, s: &str) -> WordEntry {
        let read = match kind {
            TokenKind::Word => true,
            TokenKind::Number => false,
            _ => s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic),
        };
        if read {
            self.get(hash, s)
        } else {
            WordEntry::ABSENT
        }
    }

    /// A token's word hash and what the lexica say of it: [`word_hash`] and
    /// [`WordIndex::lookup`]; `s` is the token's text.
    #[inline]
    pub(crate) fn classify(&self, text: &str, t: &Token, s: &str) -> (u64, WordEntry) {
        let hash = word_hash(text, t);
        (hash, self.lookup(t.kind, hash, s))
    }
}

#[cfg(test)]
mod tests {
    //! The index against the references: the date lexicon's own lookup (its hash table
    //! behind a shape filter) and the number lexicon's (a scan behind its shape filter).

    use super::*;
    use khabar_tokenize::tokenize;
    use proptest::prelude::*;

    /// What the lexica's own lookups say of a word token's text.
    fn reference(s: &str) -> WordEntry {
        WordEntry {
            date: date_lexicon::lookup_entry(s),
            number: number_lexicon::lookup(s),
        }
    }

    /// The index's answer for every word token of `text` is the references'.
    fn check(text: &str) -> Result<(), TestCaseError> {
        for t in tokenize(text).iter().filter(|t| t.kind == TokenKind::Word) {
            let s = t.text(text);
            let (_, got) = index().classify(text, t, s);
            prop_assert_eq!(got, reference(s), "{:?} in {:?}", s, text);
        }
        Ok(())
    }

    /// The index's answer for `s` as the one word (any kind but a number) it would be.
    fn check_word(s: &str) -> Result<(), TestCaseError> {
        let hash = hash_word(khabar_tokenize::fold_str(s).as_bytes());
        prop_assert_eq!(
            index().lookup(TokenKind::Word, hash, s),
            reference(s),
            "{:?}",
            s
        );
        Ok(())
    }

    /// Every word of both tables, as written, in capitals, capitalised, with the
    /// apostrophe typographic.
    fn table_variants() -> Vec<String> {
        let words = date_lexicon::table_words()
            .into_iter()
            .map(|(w, _)| w)
            .chain(number_lexicon::table_words().into_iter().map(|(w, _)| w));
        let mut out = Vec::new();
        for w in words {
            let title: String = w
                .char_indices()
                .map(|(n, c)| if n == 0 { c.to_ascii_uppercase() } else { c })
                .collect();
            out.push(w.to_uppercase());
            out.push(title);
            out.push(w.replace('\'', "\u{2019}"));
            out.push(format!("{w}s"));
            out.push(w);
        }
        out
    }

    #[test]
    fn every_table_word_in_any_case_is_read_as_the_references_read_it() {
        for w in table_variants() {
            check_word(&w).unwrap_or_else(|e| panic!("{e}"));
            // and as a token of a text (the hash the classes compute)
            check(&format!("on {w} of")).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[test]
    fn every_table_word_fits() {
        for (w, _) in date_lexicon::table_words() {
            assert!(w.len() <= MAX_WORD, "{w}");
        }
        for (w, _) in number_lexicon::table_words() {
            assert!(w.len() <= MAX_WORD, "{w}");
        }
    }

    #[test]
    fn look_alikes_outside_ascii_are_no_lexicon_words() {
        // folded, each is (or hashes as) a lexicon word; written, none is one
        for w in [
            "ﬁfth",
            "Mäy",
            "MAY\u{ad}",
            "o‘clock",
            "Ｍay",
            "\u{212a}m",
            "May\u{200b}",
        ] {
            check_word(w).unwrap_or_else(|e| panic!("{e}"));
            check(&format!("on {w} of")).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(reference(w).number, None, "{w}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn random_words_are_read_as_the_references_read_them(w in "[a-zA-Z.'’-]{1,17}|\\PC{1,6}") {
            check_word(&w)?;
        }

        #[test]
        fn table_words_and_near_misses_are_read_as_the_references_read_them(
            w in prop::sample::select(table_variants()),
            cut in 0usize..3,
            extra in "[a-zA-Z’'é]{0,2}",
        ) {
            let mut s: String = w.chars().skip(cut.min(1)).collect();
            if cut == 2 {
                s.pop();
            }
            s.push_str(&extra);
            check_word(&s)?;
            check(&format!("{s} {w}"))?;
        }

        #[test]
        fn look_alikes_of_table_words_are_read_as_the_references_read_them(
            w in prop::sample::select(table_variants()),
            at in 0usize..16,
            mark in prop::sample::select(vec!["\u{ad}", "\u{200b}", "\u{2060}", "\u{301}"]),
            swap in 0usize..4,
        ) {
            // an invisible or combining character inside the word, which folding removes or
            // keeps; or a letter or apostrophe swapped for one that folds like it
            let mut s = w.clone();
            let at = s.char_indices().map(|(k, _)| k).nth(at).unwrap_or(s.len());
            s.insert_str(at, mark);
            check_word(&s)?;
            let swapped = match swap {
                0 => w.replacen("fi", "\u{fb01}", 1),
                1 => w.replacen('\'', "\u{2018}", 1),
                2 => w.replacen('k', "\u{212a}", 1),
                _ => w.replacen('s', "\u{17f}", 1),
            };
            check_word(&swapped)?;
            check(&format!("in {swapped} {s}"))?;
        }

        #[test]
        fn the_tokens_of_random_texts_are_read_as_the_references_read_them(
            text in "[a-zA-Z0-9 ,.'’é\u{2019}\u{fb01}-]{0,60}|\\PC{0,30}"
        ) {
            check(&text)?;
        }
    }
}
