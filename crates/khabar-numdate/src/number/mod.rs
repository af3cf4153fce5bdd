//! Numbers read from tokens: digits, words, ordinals and fractions.
//!
//! This is the layer both the quantity extractor and the date extractor stand on. It knows
//! nothing about what a number counts; it only reads one number at a given token and says
//! which tokens it used.
//!
//! # API
//!
//! * [`parse_number`]`(text, tokens, i)` — the number that starts at token `i`, or `None`.
//!   Greedy: it returns the longest well-formed number ("one hundred and five", not "one").
//! * [`find_numbers`]`(text, tokens)` — every number in a token stream, left to right,
//!   non-overlapping (each scan step resumes after the previous number).
//! * [`parse_digits`]`(s)` — the value of one digit string ("4,000", "1,234.5", "5bn").
//! * [`NumberParse`] — `value` (`f64`), `kind` ([`NumberKind`]: cardinal, ordinal,
//!   fraction), `tokens` (the token index range used), `span` (bytes), `form` (digits,
//!   words or mixed) and `plural` ("hundreds", "thousands", "dozens" after a number).
//!
//! ```
//! use khabar_numdate::number::{parse_number, find_numbers, NumberKind};
//! use khabar_tokenize::tokenize;
//!
//! let text = "one hundred and five fighters, the twenty-first raid, 1.4 million people";
//! let tokens = tokenize(text);
//! let n = parse_number(text, &tokens, 0).unwrap();
//! assert_eq!((n.value, n.kind), (105.0, NumberKind::Cardinal));
//! assert_eq!(&text[n.span.range()], "one hundred and five");
//! assert_eq!(n.tokens, 0..4);
//!
//! let all: Vec<(f64, NumberKind)> =
//!     find_numbers(text, &tokens).iter().map(|n| (n.value, n.kind)).collect();
//! assert_eq!(
//!     all,
//!     [(105.0, NumberKind::Cardinal), (21.0, NumberKind::Ordinal), (1_400_000.0, NumberKind::Cardinal)]
//! );
//! ```
//!
//! # What is read
//!
//! | input | value | kind |
//! |---|---|---|
//! | `4,000`, `1,234.5`, `1 234`, `12,34,567` | 4000, 1234.5, 1234, 1234567 | cardinal |
//! | `twenty-one`, `one hundred and five`, `a hundred` | 21, 105, 100 | cardinal |
//! | `a dozen`, `half a dozen`, `3 dozens` | 12, 6, 36 | cardinal |
//! | `1.4 million`, `26 thousand`, `5bn`, `10k` | 1.4e6, 26e3, 5e9, 1e4 | cardinal |
//! | `first`, `21st`, `twenty-first`, `two hundredth` | 1, 21, 21, 200 | ordinal |
//! | `one fourth`, `a quarter`, `three quarters`, `half`, `3/4` | 0.25, 0.25, 0.75, 0.5, 0.75 | fraction |
//! | `one and a half`, `five and a half million` | 1.5 (fraction), 5.5e6 (cardinal) | |
//! | `minus five`, `-9.5` | −5, −9.5 | cardinal |
//!
//! Not read (`None`): lists and identifiers in one token (`22,24,26,31`, `192.168.1.2`),
//! digits with unknown suffixes (`180ml`, `1990s`, and the single letters `G`/`b`, which
//! news uses for units), bare scale words (`thousands` — the quantity extractor reads those
//! as vague amounts), a dash separated from the digits by a space (`- 10`: punctuation),
//! scientific notation and powers (`1e10`, `1.1^23`: see [`find_number_expressions`]), and
//! anything too large (below).
//! Ratios ("one out of three", "1 over 3", "2 in 5") are read as two numbers: news states
//! both counts, and the quotient would lose them. Relative ordinals ("last", "next",
//! "previous") are not numbers. Both have their own opt-in readers, which the quantity and
//! date extractors do not use:
//!
//! * [`find_number_expressions`] — like [`find_numbers`], but also reads scientific
//!   notation ("1.3e6", "6.23x10^-4"), powers ("1.1^23", "2 to the power of 3") and ratios
//!   as one quotient ("one over three" → 1/3, "3 out of 5" → 0.6, kind fraction).
//!   It also reads the numeral forms a numeral parser such as Duckling reads and news prose
//!   does not use as numbers: "a pair (of)" = 2, "a couple (of)" = 2 and "a few" = 3 (both
//!   with [`NumberParse::approximate`]), "a dozen of" = 12, "(a) single" = 1, "1 point 1",
//!   "point 77", "three thousand millions", "three lakh crore", ".0012G" (an SI letter after
//!   a decimal; never "5G"), "one twenty two" = 122. Still not read, even there: "few"
//!   alone, "- 1,200,000" (a spaced dash), "30 l" (litres), "Kr" (krona, not crore), "3/15"
//!   (a date or a score). The quantity extractor keeps its own readings of the vague amounts
//!   ("a couple of" as 2–3 with bounds).
//! * [`find_relative_ordinals`] — "last" (end + 0), "penultimate" and "the second to last"
//!   (end − 1), "next" (current + 1), "previous one" (current − 1).
//!
//! The word "one" is always read here; deciding that it is a pronoun ("one of the group's
//! …") is the quantity extractor's job ([`crate::quantity::is_pronoun_one`]).
//!
//! A number never spans a `Date` or `Time` token ("26/1/2018", "11:58"): those are the date
//! extractor's.
//!
//! # Exactness and overflow
//!
//! Values are `f64`. Digits are converted with correct rounding from their decimal text
//! (never by repeated multiplication), so `1.4 million` is exactly `1400000.0`. Integers
//! are exact up to [`MAX_EXACT_INTEGER`] (2^53); any number above it — a 400-digit string,
//! "5000000 trillion" — is **rejected**: [`parse_digits`] returns
//! [`NumberError::TooLarge`] and [`parse_number`] returns `None` (the grammar stops before
//! the scale word that would overflow). Nothing is ever silently rounded to infinity.

pub(crate) mod classes;
pub(crate) mod digits;
mod expr;
pub(crate) mod grammar;
pub(crate) mod lexicon;
mod numeral;
mod relative;

pub use relative::{OrdinalAnchor, RelativeOrdinal};

use khabar_tokenize::{Span, Token};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The largest magnitude a number may have: 2^53, the end of the range where `f64` holds
/// every integer exactly. Larger numbers are rejected, not rounded.
pub const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// Why a digit string is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Not a number as khabar reads them: a list ("22,24,26"), an address ("192.168.1.2"),
    /// an unknown suffix ("180ml"), an empty string.
    #[error("not a well-formed number")]
    Malformed,
    /// Larger than [`MAX_EXACT_INTEGER`].
    #[error("number exceeds 2^53 and cannot be represented exactly")]
    TooLarge,
}

/// What kind of number was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count or measure: "4,000", "twenty-one", "1.4 million".
    Cardinal,
    /// A position: "first", "21st", "twenty-first".
    Ordinal,
    /// A part of a whole: "one fourth", "three quarters", "half", "3/4", "one and a half".
    Fraction,
}

/// How a number was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberForm {
    /// Only digits (with separators or suffix): "4,000", "5bn", "21st".
    Digits,
    /// Only words: "twenty-one", "a dozen".
    Words,
    /// Digits and words: "1.4 million", "3 hundred and 21".
    Mixed,
}

/// One number read from a token stream.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberParse {
    /// The value. For ordinals, the position (21 for "21st"); for fractions, the quotient.
    pub value: f64,
    /// Cardinal, ordinal or fraction.
    pub kind: NumberKind,
    /// Indices of the tokens used, `start..end` (end exclusive).
    pub tokens: Range<usize>,
    /// Bytes of the original text covered, from the first token's start to the last token's
    /// end.
    pub span: Span,
    /// Digits, words, or both.
    pub form: NumberForm,
    /// The number ended in a plural scale word after a count: "two hundreds", "3 dozens".
    pub plural: bool,
    /// The value is a conventional reading of a vague amount: "a couple (of)" = 2, "a few"
    /// = 3. Only [`find_number_expressions`] reads those; every other reader gives `false`.
    #[serde(default)]
    pub approximate: bool,
}

/// Reads the number that starts at token `i` of `tokens` (tokens of `text`, as
/// [`khabar_tokenize::tokenize`] makes them). Returns `None` when no number starts there.
///
/// ```
/// use khabar_numdate::number::{parse_number, NumberKind};
/// use khabar_tokenize::tokenize;
/// let text = "nearly a dozen female students";
/// let tokens = tokenize(text);
/// assert!(parse_number(text, &tokens, 0).is_none());
/// let n = parse_number(text, &tokens, 1).unwrap();
/// assert_eq!((n.value, n.tokens.clone()), (12.0, 1..3));
/// ```
pub fn parse_number(text: &str, tokens: &[Token], i: usize) -> Option<NumberParse> {
    grammar::Grammar::new(text, tokens).parse(i)
}

/// [`parse_number`] reading the tokens' lexicon entries and digit values from `classes`
/// (worked out once for the document) instead of deriving them again.
pub(crate) fn parse_number_classified(
    text: &str,
    tokens: &[Token],
    classes: &classes::NumberClasses,
    i: usize,
) -> Option<NumberParse> {
    grammar::Grammar::classified(text, tokens, classes).parse(i)
}

/// Every number in `tokens`, left to right and non-overlapping. Linear in the number of
/// tokens.
///
/// ```
/// use khabar_numdate::number::find_numbers;
/// use khabar_tokenize::tokenize;
/// let text = "one one one";
/// assert_eq!(find_numbers(text, &tokenize(text)).len(), 3);
/// ```
pub fn find_numbers(text: &str, tokens: &[Token]) -> Vec<NumberParse> {
    let g = grammar::Grammar::new(text, tokens);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match g.parse(i) {
            Some(n) if n.tokens.end > i => {
                i = n.tokens.end;
                out.push(n);
            }
            _ => i += 1,
        }
    }
    out
}

/// Every number in `tokens` like [`find_numbers`], except that scientific notation, powers
/// and ratios are each read as one number: "1.3e6" → 1300000, "6.23x10^-4" → 0.000623,
/// "2.5^-1" → 0.4, "2 to the power of 3" → 8, "one over three" → 1/3, "3 out of 5" → 0.6,
/// "1 in twenty-one" → 1/21 (ratios have kind [`NumberKind::Fraction`]). A ratio is a part
/// of a whole: when the first number is larger ("12 out of 10", "$2000 over 3 years") the
/// two are read as counts, and a ratio by "in" never takes a four-digit year as its
/// denominator ("5 in 2018"). Values outside the exact
/// range ([`MAX_EXACT_INTEGER`]) are rejected like everywhere else.
///
/// ```
/// use khabar_numdate::number::{find_number_expressions, NumberKind};
/// use khabar_tokenize::tokenize;
/// let text = "3 out of 5 had 1.3e6 and 2 to the power of 3";
/// let found: Vec<(f64, NumberKind)> = find_number_expressions(text, &tokenize(text))
///     .iter()
///     .map(|n| (n.value, n.kind))
///     .collect();
/// assert_eq!(
///     found,
///     [(0.6, NumberKind::Fraction), (1_300_000.0, NumberKind::Cardinal), (8.0, NumberKind::Cardinal)]
/// );
/// ```
pub fn find_number_expressions(text: &str, tokens: &[Token]) -> Vec<NumberParse> {
    expr::find(text, tokens)
}

/// Every relative ordinal in `tokens` ("last", "next one", "penultimate", "the one before
/// the last"), left to right and non-overlapping. These are positions by reference, not
/// numbers: [`find_numbers`] and the quantity extractor never report them. Where a
/// relative ordinal contains a numeric one ("the second to last"), it supersedes it.
///
/// ```
/// use khabar_numdate::number::find_relative_ordinals;
/// use khabar_tokenize::tokenize;
/// let text = "Turn to the previous page, not the last.";
/// let found: Vec<String> =
///     find_relative_ordinals(text, &tokenize(text)).iter().map(|r| r.to_string()).collect();
/// assert_eq!(found, ["current-1", "end+0"]);
/// ```
pub fn find_relative_ordinals(text: &str, tokens: &[Token]) -> Vec<RelativeOrdinal> {
    relative::find(text, tokens)
}

/// The value of one digit string as the tokenizer produces it: separators ("4,000",
/// "1,234.5", "12,34,567", "1.111,11"), suffixes ("5bn", "10k", "21st" → 21).
///
/// ```
/// use khabar_numdate::number::{parse_digits, NumberError};
/// assert_eq!(parse_digits("1,234.5"), Ok(1234.5));
/// assert_eq!(parse_digits("5bn"), Ok(5e9));
/// assert_eq!(parse_digits(&"9".repeat(400)), Err(NumberError::TooLarge));
/// assert_eq!(parse_digits("192.168.1.2"), Err(NumberError::Malformed));
/// ```
pub fn parse_digits(s: &str) -> Result<f64, NumberError> {
    crate::digit_token::DigitReading::of(s)
        .as_number()
        .map(|d| d.value)
}

/// Whether `word` is an English number word khabar knows ("twenty", "fifth", "dozen",
/// "thousands", "half"), ASCII case-insensitively. Articles and "and" are not counted.
///
/// ```
/// use khabar_numdate::number::is_number_word;
/// assert!(is_number_word("Twenty") && is_number_word("fifths") && !is_number_word("and"));
/// ```
pub fn is_number_word(word: &str) -> bool {
    lexicon::lookup(word).is_some_and(|e| {
        !matches!(
            e.lex,
            lexicon::Lex::Article | lexicon::Lex::And | lexicon::Lex::Point | lexicon::Lex::Minus
        )
    })
}

/// The power of ten of a scale word ("thousand" → 3, "million" → 6, "bn" → 9), singular
/// forms and suffix abbreviations alike; `None` for other words.
///
/// ```
/// use khabar_numdate::number::scale_of;
/// assert_eq!(scale_of("million"), Some(6));
/// assert_eq!(scale_of("bn"), Some(9));
/// assert_eq!(scale_of("people"), None);
/// ```
pub fn scale_of(word: &str) -> Option<u8> {
    match lexicon::lookup(word) {
        Some(lexicon::Entry {
            lex: lexicon::Lex::Scale(p),
            plural: false,
        }) => Some(p),
        Some(lexicon::Entry {
            lex: lexicon::Lex::Hundred,
            plural: false,
        }) => Some(2),
        _ => lexicon::suffix_scale(word),
    }
}
