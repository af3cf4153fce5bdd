//! What the number grammar asks of each token, worked out once per document: the
//! number-lexicon entry of every word and the parsed value of every digit token. The
//! grammar ([`super::grammar::Grammar::classified`]) reads them instead of looking each
//! word up and parsing each digit string again every time a parse passes over it (the
//! quantity extractor tries a parse at every token that could start one, and neighbouring
//! attempts read the same tokens).

use super::digits::DigitToken;
use super::lexicon::Entry;
#[cfg(test)]
use crate::digit_token::DigitReading;
#[cfg(test)]
use khabar_tokenize::Token;
use khabar_tokenize::TokenKind;

/// One token's number classes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NumTk {
    /// The number-lexicon entry of a word (`None` for other kinds and for other words).
    pub(crate) lex: Option<Entry>,
    /// For a digit token that parses, 1 + its index in [`NumberClasses::digits`] (0: none).
    digit: u32,
    /// Whether a quantity can start at the token (set by the caller of
    /// [`NumberClasses::push`]: see [`crate::classes`]).
    pub(crate) starts_quantity: bool,
}

/// The number classes of a document's tokens (see the module docs).
#[derive(Clone, Debug, Default)]
pub(crate) struct NumberClasses {
    pub(crate) t: Vec<NumTk>,
    digits: Vec<DigitToken>,
}

impl NumberClasses {
    /// No classes: a grammar or extractor given these classifies each token itself.
    pub(crate) const NONE: NumberClasses = NumberClasses {
        t: Vec::new(),
        digits: Vec::new(),
    };

    /// Classifies `tokens` (of `text`).
    #[cfg(test)]
    pub(crate) fn new(text: &str, tokens: &[Token]) -> NumberClasses {
        let mut out = NumberClasses::with_capacity(tokens.len());
        let index = crate::word_index::index();
        for t in tokens {
            let s = t.text(text);
            let (_, words) = index.classify(text, t, s);
            let digit = match t.kind {
                TokenKind::Number => DigitReading::of(s).as_number().ok(),
                _ => None,
            };
            out.push(t.kind, words.number, digit, |_| true);
        }
        out
    }

    /// Room for `n` tokens.
    pub(crate) fn with_capacity(n: usize) -> NumberClasses {
        NumberClasses {
            t: Vec::with_capacity(n),
            digits: Vec::new(),
        }
    }

    /// Classifies the next token, of kind `kind`, number-lexicon entry `lex`
    /// (what [`super::lexicon::lookup`] gives for `s`, found by the word's hash:
    /// [`crate::word_index`]) and `digit` (what a number token's digits read as,
    /// [`crate::digit_token::DigitReading::as_number`]); `starts_quantity` says from that
    /// entry whether a quantity can start at it. Returns the entry of a word (`None` for
    /// other kinds).
    #[inline]
    pub(crate) fn push(
        &mut self,
        kind: TokenKind,
        lex: Option<Entry>,
        digit: Option<DigitToken>,
        starts_quantity: impl FnOnce(Option<Entry>) -> bool,
    ) -> Option<Entry> {
        let mut tk = NumTk::default();
        match kind {
            TokenKind::Word => tk.lex = lex,
            TokenKind::Number => {
                if let Some(d) = digit {
                    // Past u32::MAX digit tokens the rest read as unparsed: never in
                    // practice, and refused rather than wrapped.
                    if let Ok(k) = u32::try_from(self.digits.len() + 1) {
                        self.digits.push(d);
                        tk.digit = k;
                    }
                }
            }
            _ => {}
        }
        tk.starts_quantity = starts_quantity(tk.lex);
        self.t.push(tk);
        tk.lex
    }

    /// The number-lexicon entry of token `j`, as [`super::lexicon::lookup`] gives it for a word.
    #[inline]
    pub(crate) fn lex(&self, j: usize) -> Option<Entry> {
        self.t.get(j).and_then(|t| t.lex)
    }

    /// The parsed digit token `j`, as [`crate::digit_token::DigitReading::as_number`]
    /// gives it for a number token.
    #[inline]
    pub(crate) fn digit(&self, j: usize) -> Option<DigitToken> {
        let k = self.t.get(j)?.digit;
        self.digits
            .get(usize::try_from(k).ok()?.checked_sub(1)?)
            .copied()
    }

    /// Whether a quantity can start at token `j` (see [`NumTk::starts_quantity`]; `true`
    /// past the classified tokens).
    #[inline]
    pub(crate) fn starts_quantity(&self, j: usize) -> bool {
        self.t.get(j).is_none_or(|t| t.starts_quantity)
    }

    /// The number of tokens classified.
    pub(crate) fn len(&self) -> usize {
        self.t.len()
    }
}
