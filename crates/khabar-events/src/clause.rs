//! One sentence prepared for the rules: its folded words, the cues found in it, and where
//! its quantities and mentions are, all by token index within the sentence.

use crate::lexicon::{CueKind, CueValue, Lexicon, MILITANT, NEGATION, TRIGGER, bearing};
use crate::types::{Mention, Role, VictimClass};
use khabar_numdate::{Quantity, QuantityKind};
use khabar_tokenize::{Span, Token, TokenKind};

/// A cue found in a sentence: tokens `start..end` (sentence-local).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: CueKind,
    pub value: CueValue,
}

impl Hit {
    pub fn role(&self) -> Option<Role> {
        match self.value {
            CueValue::Role(r) => Some(r),
            _ => None,
        }
    }

    /// Whether the cue makes the rules read its sentence: a role, event, negation or claim
    /// cue (a sentence without one is read only for its counts).
    pub fn reads(&self) -> bool {
        bearing(self.kind, self.value) & (TRIGGER | NEGATION) != 0
    }

    /// Whether the cue can make its sentence report something: a role, event or claim cue,
    /// or a negation that is a zero by itself ("no casualties").
    pub fn triggers(&self) -> bool {
        bearing(self.kind, self.value) == TRIGGER
    }

    /// Whether the cue is a militant noun or modifier.
    pub fn militant(&self) -> bool {
        bearing(self.kind, self.value) == MILITANT
    }
}

/// A sentence's tokens with its cues, quantities and mentions located.
pub(crate) struct Clause<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// The folded words, one after the other; `bounds` has each token's range in it.
    arena: String,
    bounds: Vec<(usize, usize)>,
    /// Cues sorted by start token.
    pub hits: Vec<Hit>,
    /// For each token, the first index into `hits` of cues starting there (`hits.len()`
    /// past the end).
    first_hit: Vec<usize>,
    /// For each token, the index (into the input's mentions) of the mention covering it.
    pub mention_at: Vec<Option<usize>>,
    /// For each token, the index (into the input's quantities) of the count covering it.
    pub quantity_at: Vec<Option<usize>>,
}

/// The buffers of a [`Clause`], kept from one sentence to the next so that a text's
/// sentences allocate nothing once the longest has been seen.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    hits: Vec<Hit>,
    first_hit: Vec<usize>,
    arena: String,
    bounds: Vec<(usize, usize)>,
    mention_at: Vec<Option<usize>>,
    quantity_at: Vec<Option<usize>>,
}

impl Buffers {
    /// Finds the cues among `tokens`, whose words' hashes ([`khabar_tokenize::word_hash`])
    /// are `hashes`: the step that decides whether the rest is worth doing
    /// ([`Buffers::hits`]).
    pub fn scan(&mut self, lexicon: &Lexicon, text: &str, tokens: &[Token], hashes: &[u64]) {
        self.hits.clear();
        self.first_hit.clear();
        for i in 0..tokens.len() {
            self.first_hit.push(self.hits.len());
            let hits = &mut self.hits;
            lexicon.matches_at(text, tokens, hashes, i, |c, end| {
                if let Some(cue) = lexicon.cues().get(c) {
                    hits.push(Hit {
                        start: i,
                        end,
                        kind: cue.kind,
                        value: cue.value,
                    });
                }
            });
        }
        self.first_hit.push(self.hits.len());
    }

    /// The cues found by the last [`Buffers::scan`].
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }
}

/// Words that may stand between a role cue and the count it governs without breaking the
/// link: hedges the quantity extractor leaves outside its span.
pub(crate) const HEDGE_WORDS: &[&str] = &[
    "at",
    "least",
    "about",
    "some",
    "over",
    "another",
    "nearly",
    "around",
    "almost",
    "a",
    "the",
    "up",
    "to",
    "as",
    "many",
    "an",
    "estimated",
    "more",
    "than",
    "all",
];

/// Auxiliaries that make a following past form passive ("were killed").
pub(crate) const PASSIVE_AUX: &[&str] = &[
    "was",
    "were",
    "been",
    "being",
    "is",
    "are",
    "be",
    "got",
    "get",
    "reportedly",
    "allegedly",
    "also",
    "all",
    "both",
    "later",
    "subsequently",
    "then",
    "each",
    "either",
    "immediately",
];

/// Pronouns that count one person after an active role cue ("killing him").
pub(crate) const ONE_PRONOUNS: &[&str] = &["him", "her", "himself", "herself"];

impl<'a> Clause<'a> {
    /// The clause of a sentence whose cues `buffers` holds ([`Buffers::scan`] of the same
    /// tokens); `quantities` and `mentions` are the sentence's, the first of each having
    /// index `q_base` and `m_base` in the input.
    pub fn new(
        mut buffers: Buffers,
        text: &'a str,
        tokens: &'a [Token],
        (q_base, quantities): (usize, &[Quantity]),
        (m_base, mentions): (usize, &[Mention]),
    ) -> Clause<'a> {
        // the folded words, in one string
        let (arena, bounds) = (&mut buffers.arena, &mut buffers.bounds);
        arena.clear();
        bounds.clear();
        for t in tokens {
            let a = arena.len();
            Lexicon::push_word(arena, text, t);
            bounds.push((a, arena.len()));
        }
        let mentions = mentions
            .iter()
            .enumerate()
            .map(|(k, m)| (m_base + k, m.span));
        cover(&mut buffers.mention_at, tokens, mentions);
        let counts = quantities
            .iter()
            .enumerate()
            .filter(|(_, q)| is_count(q))
            .map(|(k, q)| (q_base + k, q.span));
        cover(&mut buffers.quantity_at, tokens, counts);
        Clause {
            text,
            tokens,
            arena: buffers.arena,
            bounds: buffers.bounds,
            hits: buffers.hits,
            first_hit: buffers.first_hit,
            mention_at: buffers.mention_at,
            quantity_at: buffers.quantity_at,
        }
    }

    /// The clause with its cues found by the reference matcher (every cue compared with
    /// the folded words), for the tests of the fast path.
    #[cfg(test)]
    pub fn reference(
        lexicon: &Lexicon,
        text: &'a str,
        tokens: &'a [Token],
        quantities: (usize, &[Quantity]),
        mentions: (usize, &[Mention]),
    ) -> Clause<'a> {
        use crate::lexicon::tests::{reference_matches, reference_word};
        let words: Vec<String> = tokens.iter().map(|t| reference_word(text, t)).collect();
        let mut b = Buffers::default();
        for i in 0..tokens.len() {
            b.first_hit.push(b.hits.len());
            for (c, end) in reference_matches(lexicon, &words, i) {
                let cue = &lexicon.cues()[c];
                b.hits.push(Hit {
                    start: i,
                    end,
                    kind: cue.kind,
                    value: cue.value,
                });
            }
        }
        b.first_hit.push(b.hits.len());
        Clause::new(b, text, tokens, quantities, mentions)
    }

    /// The buffers back, for the next sentence.
    pub fn into_buffers(self) -> Buffers {
        Buffers {
            hits: self.hits,
            first_hit: self.first_hit,
            arena: self.arena,
            bounds: self.bounds,
            mention_at: self.mention_at,
            quantity_at: self.quantity_at,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn word(&self, i: usize) -> &str {
        self.bounds
            .get(i)
            .and_then(|&(a, b)| self.arena.get(a..b))
            .unwrap_or("")
    }

    /// The cues starting at token `i`.
    pub fn hits_at(&self, i: usize) -> &[Hit] {
        match (self.first_hit.get(i), self.first_hit.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.hits[a..b],
            _ => &[],
        }
    }

    /// The cue of `kind` starting at token `i`.
    pub fn hit(&self, i: usize, kind: CueKind) -> Option<Hit> {
        self.hits_at(i).iter().find(|h| h.kind == kind).copied()
    }

    /// Cues starting in `from..to`.
    pub fn hits_in(&self, from: usize, to: usize) -> &[Hit] {
        let to = to.min(self.len());
        if from >= to {
            return &[];
        }
        let a = self.first_hit.get(from).copied().unwrap_or(self.hits.len());
        let b = self.first_hit.get(to).copied().unwrap_or(self.hits.len());
        &self.hits[a..b]
    }

    pub fn is_boundary(&self, i: usize) -> bool {
        self.hit(i, CueKind::Boundary).is_some()
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// Byte span of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let start = self.tokens.get(a).map(|t| t.span.start).unwrap_or(0);
        let end = b
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map(|t| t.span.end)
            .unwrap_or(start);
        Span::new(start, end.max(start))
    }

    /// Text of tokens `a..b`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        self.span(a, b).slice(self.text).unwrap_or("")
    }

    /// The end (exclusive) of the mention covering token `i`.
    pub fn mention_end(&self, i: usize) -> usize {
        let m = self.mention_at.get(i).copied().flatten();
        let mut j = i;
        while j < self.len() && m.is_some() && self.mention_at[j] == m {
            j += 1;
        }
        j
    }

    /// The noun cue starting at `i`: (class, singular, end).
    pub fn noun_at(&self, i: usize) -> Option<(VictimClass, bool, usize)> {
        self.hit(i, CueKind::Noun).and_then(|h| match h.value {
            CueValue::Class(c, sg) => Some((c, sg, h.end)),
            _ => None,
        })
    }
}

/// Whether a quantity is a count the rules read: a cardinal with a value.
pub(crate) fn is_count(q: &Quantity) -> bool {
    q.kind == QuantityKind::Cardinal && (q.low.is_some() || q.high.is_some())
}

/// For each token, the item (by index) whose span covers it, written into `at`.
fn cover(
    at: &mut Vec<Option<usize>>,
    tokens: &[Token],
    items: impl Iterator<Item = (usize, Span)>,
) {
    at.clear();
    at.resize(tokens.len(), None);
    for (idx, span) in items {
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        for (slot, t) in at.iter_mut().zip(tokens).skip(first) {
            if t.span.start >= span.end {
                break;
            }
            *slot = Some(idx);
        }
    }
}
