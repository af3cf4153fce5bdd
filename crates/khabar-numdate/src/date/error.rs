//! Errors.

/// What can go wrong when configuring a [`DateExtractor`](crate::DateExtractor).
///
/// Extraction itself never fails: text that is not a temporal expression is simply not
/// reported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// A reference date (or another date given by the caller) that is not a valid
    /// `YYYY-MM-DD` calendar date.
    #[error("invalid date {value:?}: expected an existing calendar date written YYYY-MM-DD")]
    InvalidDate {
        /// The offending value, as given.
        value: String,
    },
}
