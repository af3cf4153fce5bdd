//! One sentence prepared for the rules: its folded words, the cues found in it, and where
//! its quantities and mentions are, all by token index within the sentence.

use crate::lexicon::{CueKind, CueValue, Lexicon};
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
    pub fn new(
        lexicon: &Lexicon,
        text: &'a str,
        tokens: &'a [Token],
        quantities: &[(usize, &Quantity)],
        mentions: &[(usize, &Mention)],
    ) -> Clause<'a> {
        // the folded words, in one string
        let bytes = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => b.span.end.saturating_sub(a.span.start),
            _ => 0,
        };
        let mut arena = String::with_capacity(bytes + 16);
        let mut bounds = Vec::with_capacity(tokens.len());
        for t in tokens {
            let a = arena.len();
            Lexicon::push_word(&mut arena, text, t);
            bounds.push((a, arena.len()));
        }
        let mut hits = Vec::new();
        let mut first_hit = Vec::with_capacity(tokens.len() + 1);
        {
            let refs: Vec<&str> = bounds
                .iter()
                .map(|&(a, b)| arena.get(a..b).unwrap_or(""))
                .collect();
            for i in 0..tokens.len() {
                first_hit.push(hits.len());
                lexicon.matches_at(&refs, i, |c, end| {
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
        }
        first_hit.push(hits.len());
        let mention_at = cover(tokens, mentions.iter().map(|(i, m)| (*i, m.span)));
        let counts = quantities
            .iter()
            .filter(|(_, q)| {
                q.kind == QuantityKind::Cardinal && (q.low.is_some() || q.high.is_some())
            })
            .map(|(i, q)| (*i, q.span));
        let quantity_at = cover(tokens, counts);
        Clause {
            text,
            tokens,
            arena,
            bounds,
            hits,
            first_hit,
            mention_at,
            quantity_at,
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

/// For each token, the item (by index) whose span covers it.
fn cover(tokens: &[Token], items: impl Iterator<Item = (usize, Span)>) -> Vec<Option<usize>> {
    let mut at = vec![None; tokens.len()];
    for (idx, span) in items {
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        for (slot, t) in at.iter_mut().zip(tokens).skip(first) {
            if t.span.start >= span.end {
                break;
            }
            *slot = Some(idx);
        }
    }
    at
}
