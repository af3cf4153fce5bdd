#![doc = include_str!("../../DATES.md")]

pub(crate) mod calendars;
mod civil;
mod clock;
mod error;
mod extract;
mod forms;
pub(crate) mod grammar;
mod holiday;
mod holiday_table;
pub(crate) mod lexicon;
mod prefilter;
mod resolve;
mod rules;
mod tense;
mod types;
mod year_rules;

pub use civil::CivilDate;
pub use error::DateError;
pub use extract::{DateExtractor, DayOrder, Direction};
/// The example sentence of every tense cue and its direction (tested in `tests/date_tense.rs`).
#[doc(hidden)]
pub use tense::cue_examples as tense_cue_examples;
pub use types::{Granularity, Interval, Temporal, TemporalMod, TemporalRange, TemporalType};
