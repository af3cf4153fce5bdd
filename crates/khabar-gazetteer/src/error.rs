//! Errors: every failure names where it happened (file, line, column) when there is a file.

use std::fmt;
use std::path::PathBuf;

/// Where an entry, or a cell of it, came from.
///
/// Entries read from a file carry the file name and the 1-based line of their row; errors
/// about one cell also carry the 1-based column (the field's position in the header).
/// Entries added from code carry only their position in the builder.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Source {
    /// The file name, or `None` for entries added from code.
    pub file: Option<String>,
    /// 1-based line of the row (for CSV, the line where the record starts).
    pub line: Option<u64>,
    /// 1-based column (field number) of the offending cell, when one cell is at fault.
    pub column: Option<u64>,
    /// The name of the offending field, when one cell is at fault.
    pub field: Option<String>,
}

impl Source {
    /// A position in a file.
    pub fn file_line(file: impl Into<String>, line: u64) -> Source {
        Source {
            file: Some(file.into()),
            line: Some(line),
            column: None,
            field: None,
        }
    }

    /// The same position narrowed to one cell.
    pub fn with_column(mut self, column: u64, field: impl Into<String>) -> Source {
        self.column = Some(column);
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file.as_deref().unwrap_or("<builder>"))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        if let Some(field) = &self.field {
            write!(f, " ({field})")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong while loading, building, saving or loading a gazetteer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A row or cell is malformed: bad CSV or JSON, a missing required column or field, a
    /// number that does not parse.
    #[error("{at}: {message}")]
    Parse {
        /// Where (file, line, and column when known).
        at: Box<Source>,
        /// What is wrong.
        message: String,
    },
    /// An alias is empty, or has no tokens once folded (only spaces or invisible characters).
    #[error("{at}: empty alias in entry {id:?}")]
    EmptyAlias {
        /// The entry's id.
        id: String,
        /// Where the entry came from.
        at: Box<Source>,
    },
    /// A required value (`id`, `name`) is empty.
    #[error("{at}: entry {id:?} has an empty {field}")]
    EmptyField {
        /// The entry's id (may itself be the empty field).
        id: String,
        /// The empty field.
        field: &'static str,
        /// Where the entry came from.
        at: Box<Source>,
    },
    /// Two entries share an id (within one file or across merged gazetteers).
    #[error("duplicate id {id:?} at {second} (first defined at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first defined.
        first: Box<Source>,
        /// Where it was defined again.
        second: Box<Source>,
    },
    /// An entry names a parent id that no entry has (checked unless turned off with
    /// [`GazetteerBuilder::check_parents`](crate::GazetteerBuilder::check_parents)).
    #[error("{at}: entry {id:?} has unknown parent {parent:?}")]
    UnknownParent {
        /// The entry's id.
        id: String,
        /// The parent id that was not found.
        parent: String,
        /// Where the entry came from.
        at: Box<Source>,
    },
    /// The gazetteer exceeds an internal limit (about 4 GiB of text or 2^31 tokens).
    #[error("gazetteer too large: {0}")]
    TooLarge(&'static str),
    /// A saved gazetteer could not be decoded (wrong file, other version, corrupt bytes).
    #[error("cannot load compiled gazetteer: {0}")]
    Decode(String),
    /// A gazetteer could not be encoded.
    #[error("cannot save compiled gazetteer: {0}")]
    Encode(String),
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Where the error happened, when it concerns one entry or row (for a duplicate id, the
    /// second definition).
    pub fn location(&self) -> Option<&Source> {
        match self {
            Error::Parse { at, .. }
            | Error::EmptyAlias { at, .. }
            | Error::EmptyField { at, .. }
            | Error::UnknownParent { at, .. } => Some(at),
            Error::DuplicateId { second, .. } => Some(second),
            _ => None,
        }
    }
}
