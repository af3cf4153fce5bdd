//! Relative ordinals: positions named by reference rather than by number — "last",
//! "next", "previous", "current", "penultimate", "the second to last".
//!
//! They are not numbers (they have no value until someone says what list they index), so
//! [`super::find_numbers`] and the quantity extractor never report them. A caller that
//! resolves positions in a list — a dialogue system, a spec suite — asks for them here.

use super::{NumberKind, grammar::Grammar};
use khabar_tokenize::{Span, Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// What a relative ordinal counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrdinalAnchor {
    /// The item in focus: "next" is current + 1, "previous" current − 1.
    Current,
    /// The last item: "last" is end + 0, "penultimate" end − 1.
    End,
}

/// A position relative to an anchor, such as "penultimate" (end − 1).
///
/// Its [`Display`](fmt::Display) form is the anchor and a signed offset, `end-1`,
/// `current+0`, the notation Recognizers-Text resolves these to.
///
/// ```
/// use khabar_numdate::number::{find_relative_ordinals, OrdinalAnchor};
/// use khabar_tokenize::tokenize;
/// let text = "Show me the second to last, then the next one.";
/// let found = find_relative_ordinals(text, &tokenize(text));
/// let shown: Vec<(&str, String)> =
///     found.iter().map(|r| (&text[r.span.range()], r.to_string())).collect();
/// assert_eq!(shown, [("the second to last", "end-1".to_string()), ("next one", "current+1".to_string())]);
/// assert_eq!(found[0].anchor, OrdinalAnchor::End);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelativeOrdinal {
    /// What the offset counts from.
    pub anchor: OrdinalAnchor,
    /// Steps from the anchor: −1 for "previous" and "penultimate", +1 for "next".
    pub offset: i64,
    /// Indices of the tokens used, `start..end`.
    pub tokens: Range<usize>,
    /// Bytes of the original text covered.
    pub span: Span,
}

impl fmt::Display for RelativeOrdinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let anchor = match self.anchor {
            OrdinalAnchor::Current => "current",
            OrdinalAnchor::End => "end",
        };
        write!(f, "{anchor}{:+}", self.offset)
    }
}

struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Scan<'_> {
    fn is(&self, j: usize, w: &str) -> bool {
        self.tokens
            .get(j)
            .filter(|t| t.kind == TokenKind::Word)
            .is_some_and(|t| t.text(self.text).eq_ignore_ascii_case(w))
    }

    /// The longest relative ordinal starting at `i`: (anchor, offset, end token).
    fn at(&self, i: usize) -> Option<(OrdinalAnchor, i64, usize)> {
        use OrdinalAnchor::{Current, End};
        let the = usize::from(self.is(i, "the"));
        let j = i + the;
        // "the one before the last (one)".
        if self.is(j, "one")
            && self.is(j + 1, "before")
            && self.is(j + 2, "the")
            && self.is(j + 3, "last")
        {
            let end = if self.is(j + 4, "one") { j + 5 } else { j + 4 };
            return Some((End, -1, end));
        }
        // "the last but one".
        if self.is(j, "last") && self.is(j + 1, "but") && self.is(j + 2, "one") {
            return Some((End, -1, j + 3));
        }
        // "the second to last", "the third to last": n-th to last is end − (n − 1).
        // The grammar is asked only when "to last" follows closely, so that scanning a long
        // run of number words stays linear.
        let to_last = (j + 1..j + 8).any(|k| self.is(k, "to") && self.is(k + 1, "last"));
        if to_last && !self.is(j, "next") {
            let g = Grammar::new(self.text, self.tokens);
            if let Some(n) = g.parse(j) {
                let k = n.tokens.end;
                if n.kind == NumberKind::Ordinal
                    && n.value >= 1.0
                    && n.value <= 1000.0
                    && self.is(k, "to")
                    && self.is(k + 1, "last")
                {
                    return Some((End, 1 - n.value as i64, k + 2));
                }
            }
        }
        if the == 1 {
            return None;
        }
        if self.is(i, "next") && self.is(i + 1, "to") && self.is(i + 2, "last") {
            return Some((End, -1, i + 3));
        }
        let one = |k: usize| if self.is(k, "one") { k + 1 } else { k };
        if self.is(i, "penultimate") {
            Some((End, -1, i + 1))
        } else if self.is(i, "antepenultimate") {
            Some((End, -2, i + 1))
        } else if self.is(i, "last") {
            // "last one" stays "last": "the last one books" names the last item, and the
            // "one" is read (or dropped as a pronoun) on its own.
            Some((End, 0, i + 1))
        } else if self.is(i, "next") {
            Some((Current, 1, one(i + 1)))
        } else if self.is(i, "previous") {
            Some((Current, -1, one(i + 1)))
        } else if self.is(i, "current") {
            Some((Current, 0, one(i + 1)))
        } else {
            None
        }
    }
}

/// Every relative ordinal in `tokens`, left to right and non-overlapping.
pub(crate) fn find(text: &str, tokens: &[Token]) -> Vec<RelativeOrdinal> {
    let scan = Scan { text, tokens };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scan.at(i) {
            Some((anchor, offset, end)) if end > i => {
                let (Some(a), Some(b)) = (tokens.get(i), tokens.get(end - 1)) else {
                    break;
                };
                out.push(RelativeOrdinal {
                    anchor,
                    offset,
                    tokens: i..end,
                    span: Span::new(a.span.start, b.span.end),
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}
