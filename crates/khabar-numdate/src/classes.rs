//! One classification of a document's tokens, shared by the number, quantity and date
//! grammars (and the event cues of `khabar-events`).
//!
//! Each grammar asks the same few questions of every token: is it a word of the number
//! lexicon ("twenty", "dozen", "a"), what value do its digits have, what does the date
//! lexicon say about it, can a quantity or a date start at it. [`TokenClasses::new`]
//! answers them once per document; [`crate::QuantityExtractor::extract_classified`] and
//! [`crate::DateExtractor::extract_classified`] read the answers instead of deriving them
//! again (the number grammar inside the quantity extractor reads the lexicon entries and
//! digit values too, however many parses pass over a token).
//!
//! Every token's folded word is hashed once ([`khabar_tokenize::word_hash`]) and that one
//! key looks the word up in both lexica at once (one index holds the date and the number
//! entry of each word, and checks the word itself, so a collision never misreads); the
//! hashes are kept ([`TokenClasses::word_hashes`]) for the event cues, which are found by
//! the same key (`khabar_events::EventExtractor::extract_classified`).
//!
//! ```
//! use khabar_numdate::{DateExtractor, NonQuantitySpans, QuantityExtractor, TokenClasses};
//! let text = "On 3 May 2021 about 40 people fled, twenty of them children.";
//! let tokens = khabar_tokenize::tokenize(text);
//! let classes = TokenClasses::new(text, &tokens);
//! let nonq = NonQuantitySpans::of(text, &tokens);
//! let dates = DateExtractor::new().extract_classified(text, &tokens, &classes, &nonq);
//! let quantities = QuantityExtractor::new().extract_classified(text, &tokens, &classes, &nonq);
//! assert_eq!(dates[0].text, "3 May 2021");
//! assert_eq!(quantities[0].text, "about 40");
//! assert!(classes.is_number_word(9) && classes.digit_value(1) == Some(3.0));
//! ```

use crate::date::grammar::Classes;
use crate::digit_token::DigitReading;
use crate::number::classes::NumberClasses;
use crate::quantity::extract::{may_start_at, starts_after_article, waits_on_next};
use khabar_tokenize::{Token, TokenKind};

/// The classes of every token of one text (see the [module docs](self)).
///
/// Built from the text and its tokens; an extractor given classes of another number of
/// tokens than it is given classifies those tokens itself rather than misread them.
pub struct TokenClasses {
    /// What the date grammar reads: date-lexicon entry, parsed number, capitalisation,
    /// head/holiday/opens/inert flags.
    pub(crate) date: Classes,
    /// What the number grammar reads: number-lexicon entry, parsed digits; and whether a
    /// quantity can start at the token (see [`crate::quantity::extract::may_start_at`]).
    pub(crate) number: NumberClasses,
    /// Each token's word hash ([`khabar_tokenize::word_hash`]), the key both lexica were
    /// looked up by.
    hashes: Vec<u64>,
}

impl TokenClasses {
    /// Classifies `tokens`, which must come from tokenizing `text`.
    pub fn new(text: &str, tokens: &[Token]) -> TokenClasses {
        let mut date = Classes::with_capacity(tokens.len());
        let mut hashes = Vec::with_capacity(tokens.len());
        let number = classify_into(text, tokens, Some((&mut date, &mut hashes)));
        TokenClasses {
            date,
            number,
            hashes,
        }
    }

    /// The number of tokens classified.
    pub fn len(&self) -> usize {
        self.number.len()
    }

    /// Whether no token was classified.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether token `i` is a word of the number lexicon: a number word ("twenty",
    /// "thousands", "half") or a word numbers are built with ("a", "and", "point").
    pub fn is_number_word(&self, i: usize) -> bool {
        self.number.lex(i).is_some()
    }

    /// The value of digit token `i` ("4,000" → 4000, "5bn" → 5e9, "21st" → 21), if it
    /// is one and it parses.
    pub fn digit_value(&self, i: usize) -> Option<f64> {
        self.number.digit(i).map(|d| d.value)
    }

    /// Whether a quantity can start at token `i` (a plain word cannot: it is no number
    /// word, currency or vague amount, nor punctuation before digits).
    pub fn may_start_quantity(&self, i: usize) -> bool {
        i < self.len() && self.number.starts_quantity(i)
    }

    /// Whether a date expression can start at token `i` (some date production opens with
    /// it).
    pub fn may_start_date(&self, i: usize) -> bool {
        self.date.t.get(i).is_some_and(|t| t.opens())
    }

    /// The hash of token `i`'s folded word ([`khabar_tokenize::word_hash`]: the key the
    /// date and number lexica were looked up by, and the one the event cues are found by),
    /// if there is a token `i`.
    ///
    /// ```
    /// use khabar_numdate::TokenClasses;
    /// let text = "Twenty were KILLED";
    /// let tokens = khabar_tokenize::tokenize(text);
    /// let classes = TokenClasses::new(text, &tokens);
    /// assert_eq!(classes.word_hash(2), Some(khabar_tokenize::hash_word(b"killed")));
    /// assert_eq!(classes.word_hash(3), None);
    /// ```
    pub fn word_hash(&self, i: usize) -> Option<u64> {
        self.hashes.get(i).copied()
    }

    /// Every token's [`TokenClasses::word_hash`], in token order.
    pub fn word_hashes(&self) -> &[u64] {
        &self.hashes
    }

    /// Whether the first character of token `i` is uppercase.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.date.t.get(i).is_some_and(|t| t.cap())
    }
}

/// The number classes of `tokens` (of `text`), with whether a quantity can start at each
/// token.
pub(crate) fn number_classes(text: &str, tokens: &[Token]) -> NumberClasses {
    classify_into(text, tokens, None)
}

/// The number classes of `tokens` (of `text`), with whether a quantity can start at each
/// token, and the date classes and word hashes into `date` when given: one pass, each
/// token's text sliced, its bytes read ([`Shape::of`]), its word hashed and looked up in
/// both lexica at once ([`crate::word_index`]) and a digit token's digits read
/// ([`DigitReading::of`]) once for all grammars. (Hashing in a pass of its own before this
/// one cost more instructions on the 10 MB corpus.)
fn classify_into(
    text: &str,
    tokens: &[Token],
    mut date: Option<(&mut Classes, &mut Vec<u64>)>,
) -> NumberClasses {
    let mut number = NumberClasses::with_capacity(tokens.len());
    // An article or "and" whose flag waits on the token after it.
    let mut pending: Option<usize> = None;
    let index = crate::word_index::index();
    for (j, t) in tokens.iter().enumerate() {
        let s = t.text(text);
        let shape = Shape::of_token(text, t, s);
        let (hash, words) = index.classify(text, t, s);
        // A digit token's text is read once, for both grammars.
        let (num, digit) = match t.kind {
            TokenKind::Number => {
                let r = DigitReading::of(s);
                (r.as_date(), r.as_number().ok())
            }
            _ => (None, None),
        };
        if let Some((d, hashes)) = date.as_mut() {
            d.push(t, s, shape, words.date, num);
            hashes.push(hash);
        }
        let next = tokens.get(j + 1);
        let mut starts = true;
        let lex = number.push(t.kind, words.number, digit, |lex| {
            starts = may_start_at(t.kind, s, shape.letters, lex, || {
                next.map(|n| (n.text(text), n.kind))
            });
            starts
        });
        if let Some(tk) = pending.take().and_then(|p| number.t.get_mut(p)) {
            tk.starts_quantity = starts_after_article(starts, s);
        }
        if t.kind == TokenKind::Word && waits_on_next(lex) {
            pending = Some(j);
        }
    }
    number
}

/// What one pass over a token's bytes says, for every grammar: whether it is ASCII, whether
/// it has a digit, whether it is made of ASCII letters alone. Read eight bytes at a time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Shape {
    pub(crate) ascii: bool,
    pub(crate) digit: bool,
    pub(crate) letters: bool,
}

impl Shape {
    /// The shape of token `t` of `text`, whose text is `s`: a token of at most eight bytes
    /// with eight bytes of text from its start is read in one load (the bytes past its end
    /// masked off), others as [`Shape::of`].
    #[inline]
    pub(crate) fn of_token(text: &str, t: &Token, s: &str) -> Shape {
        let len = s.len();
        let start = t.span.start;
        if (1..=8).contains(&len) {
            if let Some(Ok(a)) = text
                .as_bytes()
                .get(start..start + 8)
                .map(<[u8; 8]>::try_from)
            {
                let keep = u64::MAX >> ((8 - len) * 8);
                let pad = u64::from_le_bytes([b'a'; 8]) & !keep;
                return Shape::of_words([(u64::from_le_bytes(a) & keep) | pad]);
            }
        }
        Shape::of(s)
    }

    /// The shape of `s`.
    #[inline]
    pub(crate) fn of(s: &str) -> Shape {
        Shape::of_words(s.as_bytes().chunks(8).map(|c| {
            // padded with a letter, which changes none of the three answers
            let mut buf = [b'a'; 8];
            for (d, x) in buf.iter_mut().zip(c) {
                *d = *x;
            }
            u64::from_le_bytes(buf)
        }))
    }

    /// The shape of the bytes of `words` (eight bytes each, little-endian).
    #[inline]
    fn of_words(words: impl IntoIterator<Item = u64>) -> Shape {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        let spread = |b: u8| u64::from_le_bytes([b; 8]);
        let (mut high, mut digit, mut letters) = (0u64, 0u64, true);
        for x in words {
            high |= x & HIGH;
            // On the low seven bits of each byte the sums below never carry into the next
            // byte; each sets a byte's high bit where the byte is at least the bound.
            let ascii = !x & HIGH;
            let x7 = x & LOW7;
            let at_least = |bound: u8| x7.wrapping_add(spread(0x80 - bound));
            digit |= at_least(b'0') & !at_least(b'9' + 1) & ascii;
            // Setting 0x20 maps exactly the ASCII letters into 'a'..='z'.
            let y = x7 | spread(0x20);
            let at_least_y = |bound: u8| y.wrapping_add(spread(0x80 - bound));
            letters &= at_least_y(b'a') & !at_least_y(b'z' + 1) & ascii == HIGH;
        }
        Shape {
            ascii: high == 0,
            digit: digit != 0,
            letters,
        }
    }
}

impl std::fmt::Debug for TokenClasses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenClasses")
            .field("tokens", &self.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    //! Every shortcut the classes take beside its reference: the number grammar reading the
    //! classes against the grammar looking each token up itself, the quantity start flags
    //! against the plain-word test as it was, and the extractors reading the classes
    //! against the extractors classifying nothing ahead.

    use super::*;
    use crate::number::grammar::Grammar as NumberGrammar;
    use crate::quantity::extract::reference_extract;
    use crate::{DateExtractor, DayOrder, NonQuantitySpans, QuantityExtractor};
    use proptest::prelude::*;

    /// Words numbers, quantities and dates are made of, and some that are none of them.
    const VOCAB: &[&str] = &[
        "one",
        "Two",
        "twenty",
        "forty-five",
        "hundred",
        "hundreds",
        "thousand",
        "million",
        "bn",
        "lakh",
        "dozen",
        "dozens",
        "a",
        "an",
        "and",
        "half",
        "quarter",
        "point",
        "minus",
        "first",
        "third",
        "fifths",
        "several",
        "scores",
        "tens",
        "few",
        "of",
        "percent",
        "per",
        "%",
        "$",
        "US",
        "Rs",
        "USD",
        "£",
        "€",
        "dollars",
        "afghanis",
        "between",
        "to",
        "from",
        "about",
        "nearly",
        "more",
        "than",
        "at",
        "least",
        "people",
        "Taliban",
        "years",
        "old",
        "killed",
        "the",
        "Kabul",
        "in",
        "on",
        "March",
        "May",
        "Monday",
        "last",
        "next",
        "week",
        "ago",
        "Eid",
        "2018",
        "1990s",
        "1,000",
        "4,000-6,000",
        "5-10",
        "5th",
        "21st",
        "1.5",
        "5m",
        "12km",
        "3pm",
        "10:30",
        "2017Q1",
        "12",
        "170",
        "½",
        "-",
        "–",
        ".",
        ",",
        "(",
        ")",
        "/",
        "x",
        "times",
        "zero",
        "nil",
        "é",
        "Ćwierć",
    ];

    fn soup() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            5 => prop::sample::select(VOCAB).prop_map(str::to_string),
            1 => "[a-zA-Z]{1,9}",
            1 => "[0-9]{1,5}",
            1 => "[0-9.,]{1,7}[a-z]{0,3}",
        ];
        prop::collection::vec(
            (
                word,
                prop::sample::select(vec![" ", " ", " ", "", "-", ", ", "\n"]),
            ),
            0..40,
        )
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    /// The checks of one text (see the module docs).
    fn check(text: &str) -> Result<(), TestCaseError> {
        let tokens = khabar_tokenize::tokenize(text);
        let classes = TokenClasses::new(text, &tokens);
        // The number grammar: the same parse at every token, classes or none.
        let slow = NumberGrammar::new(text, &tokens);
        let fast = NumberGrammar::classified(text, &tokens, &classes.number);
        for i in 0..=tokens.len() {
            prop_assert_eq!(fast.parse(i), slow.parse(i), "token {} of {:?}", i, text);
        }
        // The quantity start flags: no quantity starts at a token they skip.
        let ex = QuantityExtractor::new();
        for i in 0..tokens.len() {
            if !classes.may_start_quantity(i) {
                prop_assert!(
                    !crate::quantity::extract::quantity_starts_at(&ex, text, &tokens, i),
                    "token {} of {:?}",
                    i,
                    text
                );
            }
        }
        // The extractors: reading the classes, as classifying nothing ahead.
        let nonq = NonQuantitySpans::of(text, &tokens);
        prop_assert_eq!(
            ex.extract_classified(text, &tokens, &classes, &nonq),
            reference_extract(&ex, text, &tokens, &nonq)
        );
        for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
            let dx = DateExtractor::new()
                .with_reference_date("2024-03-01")
                .map_err(|e| TestCaseError::fail(e.to_string()))?
                .with_day_order(order);
            prop_assert_eq!(
                dx.extract_classified(text, &tokens, &classes, &nonq),
                dx.extract_tokens_with(text, &tokens, &nonq)
            );
            let dx = dx.with_reference(None);
            prop_assert_eq!(
                dx.extract_classified_detecting(text, &tokens, &classes, &nonq),
                dx.extract_tokens_detecting_with(text, &tokens, &nonq)
            );
        }
        Ok(())
    }

    /// [`Shape::of`] byte by byte.
    fn shape_slow(s: &str) -> Shape {
        Shape {
            ascii: s.is_ascii(),
            digit: s.bytes().any(|b| b.is_ascii_digit()),
            letters: s.bytes().all(|b| b.is_ascii_alphabetic()),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]

        #[test]
        fn shape_matches_bytewise(s in "\\PC{0,30}") {
            prop_assert_eq!(Shape::of(&s), shape_slow(&s));
        }

        #[test]
        fn token_shape_matches_bytewise(text in "[a-zA-Z0-9 ,.$'’é\u{80}-\u{7ff}-]{0,40}") {
            let tokens = khabar_tokenize::tokenize(&text);
            for t in &tokens {
                let s = t.text(&text);
                prop_assert_eq!(Shape::of_token(&text, t, s), shape_slow(s));
            }
        }

        #[test]
        fn shape_matches_bytewise_near_bounds(s in "[a-zA-Z0-9@\\[`{/:_\u{80}-\u{7ff}\u{d0}\u{b9}]{0,20}") {
            prop_assert_eq!(Shape::of(&s), shape_slow(&s));
        }

        #[test]
        fn classified_matches_reference_on_soups(text in soup()) {
            check(&text)?;
        }
    }

    #[test]
    fn classified_matches_reference_on_seeds() {
        for (p, text) in crate::seeds::articles() {
            if let Err(e) = check(&text) {
                panic!("{}: {e}", p.display());
            }
        }
    }

    /// Classes of other tokens are not misread: the extractors classify the tokens they are
    /// given instead.
    #[test]
    fn classes_of_other_tokens_are_not_used() {
        let text = "About 40 people were killed on 3 May 2021.";
        let tokens = khabar_tokenize::tokenize(text);
        let other = TokenClasses::new("five", &khabar_tokenize::tokenize("five"));
        let nonq = NonQuantitySpans::of(text, &tokens);
        let qx = QuantityExtractor::new();
        assert_eq!(
            qx.extract_classified(text, &tokens, &other, &nonq),
            qx.extract_tokens_with(text, &tokens, &nonq)
        );
        let dx = DateExtractor::new();
        assert_eq!(
            dx.extract_classified(text, &tokens, &other, &nonq),
            dx.extract_tokens_with(text, &tokens, &nonq)
        );
        assert!(!other.may_start_quantity(99) && !other.is_number_word(99));
    }
}
