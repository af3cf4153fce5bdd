//! A cheap, conservative test of where a date expression can start.
//!
//! The scan tries every production at every token that could begin one; in prose most such
//! tokens are function words ("the", "in", "of", "a", "and") that open a date only when a
//! temporal word follows soon ("in the morning", "the rest of the week"). Every production
//! needs at least one **head** token: a number, a date or time token, or a word the grammar
//! gives a temporal meaning (a month, a unit, "ago", "last", "noon", a holiday, …). Function
//! words and ordinary words are **glue**. A match starting at token `i` has its first head
//! within [`MAX_LEAD`] tokens of `i` (the longest leading run of glue in the seeds is four,
//! "the rest of the week"; a unit test keeps a margin of two), so a position whose next
//! [`MAX_LEAD`] + 1 tokens are all glue cannot start a match and is skipped.
//!
//! This is a claim about the grammar, checked rather than derived: a new production that
//! opens with a longer run of function words, or that can match with no head at all, must
//! raise the bound or add its word to [`GRAMMAR_WORDS`]; the property tests catch it on
//! the vocabulary they draw from.
//!
//! Heads are decided once per token when the tokens are classified ([`Tk::head`]), from the
//! same lexicon lookup that gives the word its meaning: a lexicon word is a head unless its
//! meaning is a function word ([`glue_meaning`]); a word outside the lexicon is a head when
//! it is one of [`GRAMMAR_WORDS`] or has digits or other scripts in it. `tests/date_props.rs`
//! checks that extraction with the prefilter equals extraction trying every token, on random
//! token sequences drawn from date vocabulary and prose, and on the seed articles; a unit test
//! checks the lead bound on every match of the seeds.

use crate::date::grammar::Tk;
use crate::date::lexicon::W;
use khabar_tokenize::TokenKind;

/// The most glue tokens a match may begin with before its first head.
pub(crate) const MAX_LEAD: usize = 6;

/// Function words that never open a date expression ("and", "or", "than", "of", "so"):
/// the scan does not try the productions at them (they may still sit inside one).
pub(crate) fn never_opens(w: W) -> bool {
    matches!(w, W::And | W::Or | W::So | W::Than | W::Of)
}

/// Lexicon meanings that are function words: they shape a date ("in", "the", "of", "at
/// least") but never make one on their own.
fn glue_meaning(w: W) -> bool {
    matches!(
        w,
        W::The
            | W::Of
            | W::A
            | W::And
            | W::Or
            | W::So
            | W::To
            | W::From
            | W::Between
            | W::Until
            | W::In
            | W::On
            | W::Since
            | W::By
            | W::During
            | W::Within
            | W::Over
            | W::Under
            | W::About
            | W::More
            | W::Less
            | W::Fewer
            | W::Than
            | W::At
            | W::Least
            | W::Most
            | W::Up
            | W::Just
            | W::Will
            | W::As
            | W::That
            | W::Few
            | W::Several
            | W::Many
            | W::Some
            | W::Every
            | W::Each
            | W::Another
            | W::All
            | W::Full
            | W::Rest
            | W::Same
            | W::Once
            | W::Couple
            | W::Dozen
            | W::Hundred
            | W::Thousand
    )
}

/// Words outside the date lexicon that are heads: the ones a production can read with no
/// other head near ("for the time being", "to date", "at the moment", "the Christmas",
/// "lunchtime", "the nineties", "every weekday", "fiscal"). Function words and context
/// words the productions also compare by text ("no later than", "good", "after") are glue:
/// they only ever come before or after a head.
pub(crate) const GRAMMAR_WORDS: &[&str] = &[
    "academic",
    "all-year",
    "annual",
    "annually",
    "any",
    "calendar",
    "christmas",
    "daily",
    "date",
    "day",
    "dinnertime",
    "easter",
    "eve",
    "everyday",
    "fy",
    "halloween",
    "juneteenth",
    "lunchtime",
    "moment",
    "noonish",
    "o'clock",
    "oclock",
    "past",
    "right",
    "school",
    "semi",
    "semi-annually",
    "semiannual",
    "semiannually",
    "sy",
    "till",
    "time",
    "valentine",
    "valentines",
    "weekday",
    "weekdays",
    "weekends",
    "xmas",
    "ys",
    "noughties",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// Whether a word token is a head, given its [`crate::date::lexicon::lookup_word`] result
/// `found`.
pub(crate) fn word_is_head(s: &str, found: Option<Option<W>>) -> bool {
    match found {
        Some(Some(w)) => !glue_meaning(w),
        Some(None) => true,
        // Digits ("mar4", "fy2018", "11ish") or other scripts: left to the productions.
        None => {
            !s.is_ascii()
                || s.bytes().any(|b| b.is_ascii_digit())
                || s.as_bytes()
                    .get(..4)
                    .is_some_and(|p| p.eq_ignore_ascii_case(b"semi"))
                || s.as_bytes().get(..2).is_some_and(|p| {
                    p.eq_ignore_ascii_case(b"fy")
                        || p.eq_ignore_ascii_case(b"sy")
                        || p.eq_ignore_ascii_case(b"cy")
                })
        }
    }
}

/// Whether a token that is not a word is a head: numbers, dates, times and the like are;
/// punctuation and symbols are glue.
pub(crate) fn other_is_head(t: &Tk) -> bool {
    t.num.is_some() || !matches!(t.kind, TokenKind::Punct | TokenKind::Symbol)
}
