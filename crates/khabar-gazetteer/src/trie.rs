//! A trie over token labels, frozen into compressed sparse rows.
//!
//! A key is a sequence of labels: the first is a token id, each further one is
//! `token_id << 1 | gap_bit` (see [`crate::key`]). The root's children are an array indexed by
//! token id (one load per text token); deeper states keep their few children as a sorted
//! slice (most states have one child).

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// "No state" / "no key".
pub(crate) const NONE: u32 = u32::MAX;

/// Hasher for `u64` keys: one folded multiplication, good in both low and high bits.
#[derive(Default)]
pub(crate) struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        let m = u128::from(self.0) * 0x9E37_79B9_7F4A_7C15_u128;
        (m as u64) ^ ((m >> 64) as u64)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8)) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

type EdgeMap = HashMap<u64, u32, BuildHasherDefault<U64Hasher>>;

/// The trie while keys are being added.
#[derive(Default)]
pub(crate) struct TrieBuilder {
    root: Vec<u32>,
    edges: EdgeMap,
    /// Number of states, state 0 being the root.
    states: u32,
}

impl TrieBuilder {
    pub fn new() -> TrieBuilder {
        TrieBuilder {
            states: 1,
            ..TrieBuilder::default()
        }
    }

    fn new_state(&mut self) -> Option<u32> {
        let s = self.states;
        self.states = self.states.checked_add(1).filter(|&n| n < NONE)?;
        Some(s)
    }

    /// Adds a key and returns its final state (`None` for an empty key or on overflow).
    pub fn insert(&mut self, labels: &[u32]) -> Option<u32> {
        let (&first, rest) = labels.split_first()?;
        let first = first as usize;
        if self.root.len() <= first {
            self.root.resize(first + 1, 0);
        }
        let mut state = match self.root.get(first).copied() {
            Some(s) if s != 0 => s,
            _ => {
                let s = self.new_state()?;
                *self.root.get_mut(first)? = s;
                s
            }
        };
        for &label in rest {
            let k = u64::from(state) << 32 | u64::from(label);
            state = match self.edges.get(&k) {
                Some(&s) => s,
                None => {
                    let s = self.new_state()?;
                    self.edges.insert(k, s);
                    s
                }
            };
        }
        Some(state)
    }

    pub fn state_count(&self) -> usize {
        self.states as usize
    }

    /// Freezes into compressed sparse rows.
    pub fn freeze(self, vocab_len: usize) -> Trie {
        let n = self.states as usize;
        let mut first = vec![0u32; n + 1];
        for &k in self.edges.keys() {
            let from = (k >> 32) as usize;
            if let Some(c) = first.get_mut(from + 1) {
                *c += 1;
            }
        }
        for i in 1..first.len() {
            first[i] += first[i - 1];
        }
        let m = self.edges.len();
        let mut labels = vec![0u32; m];
        let mut targets = vec![0u32; m];
        let mut fill: Vec<u32> = first.clone();
        for (&k, &to) in &self.edges {
            let from = (k >> 32) as usize;
            if let Some(slot) = fill.get_mut(from) {
                let at = *slot as usize;
                *slot += 1;
                if let (Some(l), Some(t)) = (labels.get_mut(at), targets.get_mut(at)) {
                    *l = k as u32;
                    *t = to;
                }
            }
        }
        drop(self.edges);
        // Sort each state's children by label (usually one child, so nothing to do).
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for s in 0..n {
            let (lo, hi) = (first[s] as usize, first[s + 1] as usize);
            if hi - lo > 1 {
                pairs.clear();
                pairs.extend(
                    labels[lo..hi]
                        .iter()
                        .copied()
                        .zip(targets[lo..hi].iter().copied()),
                );
                pairs.sort_unstable();
                for (i, (l, t)) in pairs.iter().enumerate() {
                    labels[lo + i] = *l;
                    targets[lo + i] = *t;
                }
            }
        }
        let mut root = self.root;
        root.resize(vocab_len, 0);
        Trie {
            root,
            first,
            labels,
            targets,
        }
    }
}

/// The frozen trie.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Trie {
    /// State reached from the root by each token id (0 = none).
    root: Vec<u32>,
    /// Children of state `s` are `first[s]..first[s + 1]` in `labels`/`targets`.
    first: Vec<u32>,
    labels: Vec<u32>,
    targets: Vec<u32>,
}

impl Trie {
    /// The state after the first token, or 0.
    #[inline]
    pub fn start(&self, token: u32) -> u32 {
        self.root.get(token as usize).copied().unwrap_or(0)
    }

    /// The child of `state` by `label`, or 0.
    #[inline]
    pub fn child(&self, state: u32, label: u32) -> u32 {
        let s = state as usize;
        let (Some(&lo), Some(&hi)) = (self.first.get(s), self.first.get(s + 1)) else {
            return 0;
        };
        let (lo, hi) = (lo as usize, hi as usize);
        let Some(labels) = self.labels.get(lo..hi) else {
            return 0;
        };
        let found = if labels.len() <= 8 {
            labels.iter().position(|&l| l == label)
        } else {
            labels.binary_search(&label).ok()
        };
        found
            .and_then(|i| self.targets.get(lo + i))
            .copied()
            .unwrap_or(0)
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        4 * (self.root.capacity()
            + self.first.capacity()
            + self.labels.capacity()
            + self.targets.capacity())
    }
}
