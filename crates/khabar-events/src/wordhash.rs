//! Word hashes for cue matching: every token is hashed once, as its folded word
//! ([`crate::Lexicon::push_word`]) would be, by the tokenizer's one word key
//! ([`khabar_tokenize::word_hash`], which the shared token classes of `khabar-numdate`
//! compute for a whole document); cues are found by the hash of their first word in a
//! small open-addressing table. A hash only proposes a match: every match is checked word
//! by word ([`khabar_tokenize::is_folded_word`]), so a collision never makes a false one.

/// First-word hash → a list number, by open addressing (linear probing, at most a quarter
/// full): a shift and, for most words no cue starts with, one compare with an empty slot.
#[derive(Clone, Debug, Default)]
pub(crate) struct FirstWords {
    /// `(hash, list + 1)`; `0` marks an empty slot.
    slots: Vec<(u64, u32)>,
    len: usize,
}

impl FirstWords {
    /// Where `hash` starts probing: its bits from the 40th up, among the best mixed of a
    /// word hash (the top bits of its last multiplication).
    fn slot(&self, hash: u64) -> usize {
        (hash >> 40) as usize & (self.slots.len().wrapping_sub(1))
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
        if (self.len + 1) * 4 > self.slots.len() {
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
    use khabar_tokenize::{hash_word, is_folded_word, tokenize, word_hash};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_token_hashes_as_the_cues_fold_it(text in "[A-Za-z0-9 .,'’\\-éİßZ@\\[`{]{0,80}") {
            for t in &tokenize(&text) {
                let folded = crate::lexicon::tests::reference_word(&text, t);
                prop_assert_eq!(word_hash(&text, t), hash_word(folded.as_bytes()));
                prop_assert!(is_folded_word(&text, t, &folded));
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
