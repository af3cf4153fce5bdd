//! The pipeline's error type.

use thiserror::Error;

/// Why a pipeline could not be built or a document could not be read back.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// A gazetteer could not be loaded, merged or compiled.
    #[error(transparent)]
    Gazetteer(#[from] khabar_gazetteer::Error),
    /// A reference date is not a valid `YYYY-MM-DD` calendar date.
    #[error(transparent)]
    Date(#[from] khabar_numdate::DateError),
    /// The default gazetteer was asked for but this build does not embed it.
    #[error(
        "the default gazetteer is not available: khabar was built without the `default-gazetteer` feature"
    )]
    NoDefaultGazetteer,
    /// A serialized document is not valid JSON of the documented schema.
    #[error("invalid document JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A serialized document has a schema version this build cannot read.
    #[error("unsupported document schema {found:?} (this build reads {expected:?})")]
    Schema {
        /// The schema named in the document.
        found: String,
        /// The schema this build writes and reads.
        expected: &'static str,
    },
    /// A serialized document's offsets do not fit its text.
    #[error("invalid document: {0}")]
    Invalid(String),
}

/// `Result` with khabar's [`Error`](enum@Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;
