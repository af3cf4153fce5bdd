//! Numbers, quantities and dates in news text, with exact byte spans and exact values.
//!
//! `khabar-numdate` answers "how many" and "when" for [khabar]'s pipeline. It builds on
//! [`khabar_tokenize`]: every span is a [`Span`] (bytes) into the original text.
//!
//! * [`number`] — reading one number at a token: digits, words, ordinals, fractions;
//! * [`nonquant`] — numbers that are neither quantities nor dates, with their reasons;
//! * [`quantity`] — quantities with ranges, comparison cues, vague amounts, units, percent
//!   and money: [`QuantityExtractor`].
//!
//! ```
//! use khabar_numdate::{Approx, QuantityExtractor, QuantityKind};
//! let text = "the group has arrested 250 ISIS-K members; at least nine Christian worshipers died";
//! let qs = QuantityExtractor::new().extract(text);
//! assert_eq!(qs.len(), 2);
//! assert_eq!(qs[0].unit.as_ref().unwrap().text, "ISIS-K members");
//! assert_eq!((qs[1].text.as_str(), qs[1].low, qs[1].high), ("at least nine", Some(9.0), None));
//! assert_eq!((qs[1].kind, qs[1].approx), (QuantityKind::Cardinal, Approx::AtLeast));
//! ```
//!
//! # Overlaps with dates
//!
//! Dates win over quantities. The quantity extractor already leaves out numbers that
//! clearly belong to a date or time (see [`quantity`]); the pipeline then calls
//! [`remove_overlapping`] with the date extractor's spans.
//!
//! [khabar]: https://example.invalid/khabar

pub mod classes;
pub mod date;
mod digit_token;
pub mod nonquant;
pub mod number;
pub mod quantity;
mod word_index;

pub use classes::TokenClasses;
pub use date::{
    CivilDate, DateError, DateExtractor, DayOrder, Direction, Granularity, Interval, Temporal,
    TemporalMod, TemporalRange, TemporalType,
};
pub use khabar_tokenize::Span;
pub use nonquant::{NonQuantity, NonQuantitySpans, Reason as NonQuantityReason, non_quantities};
pub use number::{NumberError, NumberForm, NumberKind, NumberParse, find_numbers, parse_number};
pub use quantity::{
    Approx, Dimension, Quantity, QuantityConfig, QuantityExtractor, QuantityKind, Unit,
    remove_overlapping,
};

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The seed articles of the repository, for the unit tests that run the fast paths against
/// their references on real text.
#[cfg(test)]
#[path = "../../../tests/support/seeds.rs"]
pub(crate) mod seeds;
