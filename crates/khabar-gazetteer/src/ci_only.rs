//! The case-insensitive candidates of the trie states that also have case-sensitive ones.
//!
//! A state whose candidates mix case-insensitive aliases ("Is", a place) and case-sensitive
//! ones ("IS", the group) most often matches text in which every case-sensitive candidate
//! fails ("is", "Is"): the match then lists exactly the case-insensitive candidates, in
//! order. Keeping that list per state lets such a match borrow it instead of allocating a
//! filtered copy of the state's candidates for every occurrence.

use serde::{Deserialize, Serialize};

/// Per mixed state, its case-insensitive candidates (best first, as in the full list).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CiOnly {
    /// The mixed states, ascending.
    states: Vec<u32>,
    /// `cands[ends[k - 1]..ends[k]]` (from 0 for `k = 0`) belong to `states[k]`.
    ends: Vec<u32>,
    cands: Vec<u32>,
}

impl CiOnly {
    /// The lists of every state flagged in `state_cs` that has case-insensitive candidates
    /// (`cands[starts[s]..starts[s + 1]]` are state `s`'s candidates, `is_cs` tells an alias
    /// that is case-sensitive).
    pub fn of(
        state_cs: &[u64],
        starts: &[u32],
        cands: &[u32],
        is_cs: impl Fn(u32) -> bool,
    ) -> CiOnly {
        let mut out = CiOnly::default();
        for (block, &bits) in state_cs.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let s = block * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let (Some(&lo), Some(&hi)) = (starts.get(s), starts.get(s + 1)) else {
                    continue;
                };
                let all = cands.get(lo as usize..hi as usize).unwrap_or(&[]);
                let before = out.cands.len();
                out.cands.extend(all.iter().copied().filter(|&a| !is_cs(a)));
                if out.cands.len() > before {
                    // States come in ascending order; counts fit in u32 as `cands` does.
                    out.states.push(s as u32);
                    out.ends.push(out.cands.len() as u32);
                }
            }
        }
        out
    }

    /// The case-insensitive candidates of `state` (empty if it has none or is not mixed).
    #[inline]
    pub fn get(&self, state: u32) -> &[u32] {
        let Ok(k) = self.states.binary_search(&state) else {
            return &[];
        };
        let lo = match k.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let hi = self.ends.get(k).copied().unwrap_or(0);
        self.cands.get(lo as usize..hi as usize).unwrap_or(&[])
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        4 * (self.states.capacity() + self.ends.capacity() + self.cands.capacity())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_the_case_insensitive_candidates_of_mixed_states() {
        // State 0: aliases 1 (cs), 2; state 1: 3; state 2: 4 (cs) only; state 3: 5, 6 (cs), 7.
        let starts = [0, 2, 3, 4, 7];
        let cands = [1, 2, 3, 4, 5, 6, 7];
        let state_cs = [0b1101];
        let ci = CiOnly::of(&state_cs, &starts, &cands, |a| matches!(a, 1 | 4 | 6));
        assert_eq!(ci.get(0), [2]);
        assert_eq!(ci.get(1), [] as [u32; 0]);
        assert_eq!(ci.get(2), [] as [u32; 0]);
        assert_eq!(ci.get(3), [5, 7]);
        assert_eq!(ci.get(99), [] as [u32; 0]);
    }
}
