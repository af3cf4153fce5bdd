//! A trie over token labels, frozen into compressed sparse rows.
//!
//! A key is a sequence of labels: the first is a token id, each further one is
//! `token_id << 1 | gap_bit` (see [`crate::key`]). The root's children are an array indexed by
//! token id (one load per text token); deeper states keep their few children as a sorted
//! slice (most states have one child).
//!
//! Laid out for a walk that misses the cache at every step on a large gazetteer: a state's
//! row (where its children start) and where its candidate aliases start are one [`Node`],
//! and each child's label and target state are one [`Edge`], so that a step reads two
//! cache lines, not four.

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
        let mut edges: Vec<Edge> = labels
            .into_iter()
            .zip(targets)
            .map(|(label, target)| Edge { label, target })
            .collect();
        // Sort each state's children by label (usually one child, so nothing to do).
        for s in 0..n {
            let (lo, hi) = (first[s] as usize, first[s + 1] as usize);
            if hi - lo > 1 {
                if let Some(row) = edges.get_mut(lo..hi) {
                    row.sort_unstable_by_key(|e| e.label);
                }
            }
        }
        let mut root = self.root;
        root.resize(vocab_len, 0);
        Trie {
            root,
            nodes: first
                .into_iter()
                .map(|first| Node { first, cands: 0 })
                .collect(),
            edges,
        }
    }
}

/// One state of the frozen trie.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Node {
    /// The state's children are `edges[first..]` up to the next state's `first`.
    first: u32,
    /// The state's candidate aliases start at `cands` in `Compiled::cands`, up to the next
    /// state's `cands`; none when they are equal (the state ends no alias).
    cands: u32,
}

/// One child of a state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Edge {
    label: u32,
    target: u32,
}

/// The frozen trie.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Trie {
    /// State reached from the root by each token id (0 = none).
    root: Vec<u32>,
    /// One per state, and one after the last.
    nodes: Vec<Node>,
    edges: Vec<Edge>,
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
        let (Some(a), Some(b)) = (self.nodes.get(s), self.nodes.get(s + 1)) else {
            return 0;
        };
        let Some(row) = self.edges.get(a.first as usize..b.first as usize) else {
            return 0;
        };
        let found = if row.len() <= 8 {
            row.iter().find(|e| e.label == label)
        } else {
            row.binary_search_by_key(&label, |e| e.label)
                .ok()
                .and_then(|i| row.get(i))
        };
        found.map_or(0, |e| e.target)
    }

    /// Records where each state's candidates start: `starts[s]` for state `s`, one entry
    /// per state and one after the last.
    pub fn set_cands(&mut self, starts: &[u32]) {
        for (node, &start) in self.nodes.iter_mut().zip(starts) {
            node.cands = start;
        }
    }

    /// The range in `Compiled::cands` of the candidates of `state` (empty if it ends no
    /// alias).
    #[inline]
    pub fn cands(&self, state: u32) -> Option<std::ops::Range<usize>> {
        let s = state as usize;
        let (a, b) = (self.nodes.get(s)?, self.nodes.get(s + 1)?);
        Some(a.cands as usize..b.cands as usize)
    }

    /// Whether some alias ends in `state`.
    #[inline]
    pub fn is_end(&self, state: u32) -> bool {
        self.cands(state).is_some_and(|r| !r.is_empty())
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        4 * self.root.capacity() + 8 * (self.nodes.capacity() + self.edges.capacity())
    }
}
