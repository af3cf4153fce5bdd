#![doc = include_str!("../../DATES.md")]

mod civil;
mod clock;
mod error;
mod extract;
mod grammar;
mod holiday;
mod lexicon;
mod prefilter;
mod resolve;
mod types;

pub use civil::CivilDate;
pub use error::DateError;
pub use extract::{DateExtractor, DayOrder, Direction};
pub use types::{Granularity, Interval, Temporal, TemporalMod, TemporalRange, TemporalType};
