//! Per-document reference dates read from a CSV file (`--reference-dates FILE`).
//!
//! Scrapers and archives usually know each article's publication date even when the text
//! does not state it. The file has a header row with (at least) the columns `file` and
//! `reference_date`, in any order; other columns are ignored, so a metadata table can be
//! given as it is:
//!
//! ```text
//! file,reference_date,source
//! 000_676ffc0febd1901e.txt,2019-08-01,The National
//! seeds/001_b8812a867799887f.txt,2018-01-26,Terrorism Monitor
//! ```
//!
//! A row's `file` names a document by its path relative to any directory: it matches a
//! document whose path ends with it at a component boundary (`000_….txt` matches
//! `seeds/000_….txt` and `./seeds/000_….txt`). When several rows match one document, the one
//! naming the most components wins; two rows naming the same file are an error. A row that
//! gave no document its date (a misspelt name, a file not in the run) is reported after the
//! run as a warning naming its file and line ([`ReferenceDates::unused`]): the documents it
//! was meant for followed the default policy instead.

use khabar::CivilDate;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};
use thiserror::Error;

/// Why a reference-dates file could not be used. Each names the file, and the line where
/// there is one.
#[derive(Debug, Error)]
pub enum ReferenceDatesError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The header lacks a required column.
    #[error("{path}:1: the header has no `{column}` column (it needs `file` and `reference_date`)")]
    MissingColumn {
        /// The file.
        path: String,
        /// The missing column.
        column: &'static str,
    },
    /// A row is malformed: not CSV, an empty field, a date that is not `YYYY-MM-DD`, or a
    /// file already listed.
    #[error("{path}:{line}: {message}")]
    Row {
        /// The file.
        path: String,
        /// The line (1-based; the header is line 1).
        line: u64,
        /// What is wrong, naming the value.
        message: String,
    },
}

/// Reference dates by document path, loaded from a CSV file.
///
/// ```
/// use khabar_cli::references::ReferenceDates;
/// let csv = "file,reference_date\n000_676ffc0febd1901e.txt,2019-08-01\n";
/// let refs = ReferenceDates::parse("refs.csv", csv.as_bytes())?;
/// let date = refs.for_path("seeds/000_676ffc0febd1901e.txt").map(|d| d.to_string());
/// assert_eq!(date.as_deref(), Some("2019-08-01"));
/// assert_eq!(refs.for_path("seeds/001_b8812a867799887f.txt"), None);
///
/// let err = ReferenceDates::parse("refs.csv", b"file,reference_date\na.txt,26 Jan\n").unwrap_err();
/// assert_eq!(err.to_string(), r#"refs.csv:2: reference_date "26 Jan" is not a date (YYYY-MM-DD)"#);
/// # Ok::<(), khabar_cli::references::ReferenceDatesError>(())
/// ```
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ReferenceDates {
    /// The file read (for warnings).
    name: String,
    /// Normalised `file` (components joined by `/`) → its row.
    by_file: HashMap<String, Row>,
}

/// One row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    date: CivilDate,
    /// The line it is on (1-based; the header is line 1).
    line: u64,
    /// `file` as written.
    file: String,
}

/// A row that gave no document its date, as [`ReferenceDates::unused`] reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusedRow {
    /// The reference-dates file.
    pub path: String,
    /// The row's line (1-based; the header is line 1).
    pub line: u64,
    /// Its `file` as written.
    pub file: String,
}

impl std::fmt::Display for UnusedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: file {:?} matched no document (its date was not used)",
            self.path, self.line, self.file
        )
    }
}

/// Which rows of a [`ReferenceDates`] gave a document its date, collected over a run.
#[derive(Debug, Default, Clone)]
pub struct Used(HashSet<String>);

impl ReferenceDates {
    /// Reads `path`.
    pub fn load(path: &Path) -> Result<ReferenceDates, ReferenceDatesError> {
        let name = path.display().to_string();
        let text = std::fs::read(path).map_err(|source| ReferenceDatesError::Io {
            path: name.clone(),
            source,
        })?;
        ReferenceDates::parse(&name, &text)
    }

    /// Parses the CSV `bytes`; `name` is the file name used in errors.
    pub fn parse(name: &str, bytes: &[u8]) -> Result<ReferenceDates, ReferenceDatesError> {
        let row_error = |line: u64, message: String| ReferenceDatesError::Row {
            path: name.to_owned(),
            line,
            message,
        };
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
        let headers = reader
            .headers()
            .map_err(|e| row_error(1, format!("not CSV: {e}")))?
            .clone();
        let column = |column: &'static str| {
            headers
                .iter()
                .position(|h| h.trim().trim_start_matches('\u{feff}') == column)
                .ok_or(ReferenceDatesError::MissingColumn {
                    path: name.to_owned(),
                    column,
                })
        };
        let (file_col, date_col) = (column("file")?, column("reference_date")?);
        let mut by_file = HashMap::new();
        let mut lines: HashMap<String, u64> = HashMap::new();
        // The line where a record starts, counted here: the csv crate's count skips blank
        // lines, and its record offsets point at the blank lines before the record.
        let line_at = |p: Option<&csv::Position>| {
            let mut at = p.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
            while bytes.get(at).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                at += 1;
            }
            let before = bytes.get(..at).unwrap_or(bytes);
            1 + before.iter().filter(|&&b| b == b'\n').count() as u64
        };
        for record in reader.records() {
            let record =
                record.map_err(|e| row_error(line_at(e.position()), format!("not CSV: {e}")))?;
            let line = line_at(record.position());
            let field = |col: usize, what: &str| match record.get(col).map(str::trim) {
                Some(v) if !v.is_empty() => Ok(v),
                _ => Err(row_error(line, format!("empty `{what}`"))),
            };
            let file = field(file_col, "file")?;
            let value = field(date_col, "reference_date")?;
            let date: CivilDate = value.parse().map_err(|_| {
                row_error(
                    line,
                    format!("reference_date {value:?} is not a date (YYYY-MM-DD)"),
                )
            })?;
            let key = normalise(Path::new(file))
                .ok_or_else(|| row_error(line, format!("file {file:?} names no file")))?;
            if let Some(first) = lines.insert(key.clone(), line) {
                return Err(row_error(
                    line,
                    format!("file {file:?} is already listed on line {first}"),
                ));
            }
            by_file.insert(
                key,
                Row {
                    date,
                    line,
                    file: file.to_owned(),
                },
            );
        }
        Ok(ReferenceDates {
            name: name.to_owned(),
            by_file,
        })
    }

    /// How many files are listed.
    pub fn len(&self) -> usize {
        self.by_file.len()
    }

    /// Whether no file is listed.
    pub fn is_empty(&self) -> bool {
        self.by_file.is_empty()
    }

    /// The reference date of the document at `path`: the row naming the longest tail of
    /// its components, if any.
    pub fn for_path(&self, path: &str) -> Option<CivilDate> {
        self.row_for(path).map(|(_, row)| row.date)
    }

    /// Like [`for_path`](Self::for_path), and records in `used` the row that answered.
    pub fn date_for(&self, path: &str, used: &mut Used) -> Option<CivilDate> {
        let (key, row) = self.row_for(path)?;
        used.0.insert(key);
        Some(row.date)
    }

    /// The rows that gave no document its date in a run that recorded `used`, in line order.
    ///
    /// ```
    /// use khabar_cli::references::{ReferenceDates, Used};
    /// let csv = "file,reference_date\na.txt,2019-08-01\nb.txt,2018-01-26\n";
    /// let refs = ReferenceDates::parse("refs.csv", csv.as_bytes())?;
    /// let mut used = Used::default();
    /// refs.date_for("seeds/a.txt", &mut used);
    /// let unused: Vec<String> = refs.unused(&used).iter().map(|u| u.to_string()).collect();
    /// assert_eq!(unused, [r#"refs.csv:3: file "b.txt" matched no document (its date was not used)"#]);
    /// # Ok::<(), khabar_cli::references::ReferenceDatesError>(())
    /// ```
    pub fn unused(&self, used: &Used) -> Vec<UnusedRow> {
        let mut rows: Vec<UnusedRow> = self
            .by_file
            .iter()
            .filter(|(key, _)| !used.0.contains(*key))
            .map(|(_, row)| UnusedRow {
                path: self.name.clone(),
                line: row.line,
                file: row.file.clone(),
            })
            .collect();
        rows.sort_by_key(|r| r.line);
        rows
    }

    /// The row naming the longest tail of `path`'s components, with its key.
    fn row_for(&self, path: &str) -> Option<(String, &Row)> {
        let parts = parts(Path::new(path))?;
        (0..parts.len()).find_map(|i| {
            let tail = parts.get(i..)?.join("/");
            let row = self.by_file.get(&tail)?;
            Some((tail, row))
        })
    }
}

/// The normal components of a document path after its last `..` (`.` and the root
/// dropped): the part whose tails a row can name.
fn parts(p: &Path) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for c in p.components() {
        match c {
            Component::Normal(s) => out.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => out.clear(),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A row's `file` as the key it is looked up by, or `None` if it names nothing a document
/// path can end with (empty, or going up with `..`).
fn normalise(p: &Path) -> Option<String> {
    if p.components().any(|c| c == Component::ParentDir) {
        return None;
    }
    parts(p).map(|v| v.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<CivilDate> {
        s.parse().ok()
    }

    #[test]
    fn rows_match_by_the_longest_path_tail() {
        let csv = "source,file,reference_date\n\
                   x,a.txt,2019-08-01\n\
                   y,seeds/a.txt,2018-01-26\n\
                   z,\"b, c.txt\",2021-11-09\n";
        let r = ReferenceDates::parse("r.csv", csv.as_bytes()).expect("parses");
        assert_eq!(r.len(), 3);
        assert_eq!(r.for_path("other/a.txt"), date("2019-08-01"));
        assert_eq!(r.for_path("a.txt"), date("2019-08-01"));
        assert_eq!(r.for_path("./seeds/a.txt"), date("2018-01-26"));
        assert_eq!(r.for_path("/data/seeds/a.txt"), date("2018-01-26"));
        assert_eq!(r.for_path("x/b, c.txt"), date("2021-11-09"));
        assert_eq!(r.for_path("up/../seeds/a.txt"), date("2018-01-26"));
        assert_eq!(r.for_path("seeds/a.txt/.."), None);
        assert_eq!(r.for_path("xa.txt"), None);
        assert_eq!(r.for_path("-"), None);
    }

    #[test]
    fn errors_name_the_file_line_and_value() {
        let err = |csv: &str| {
            ReferenceDates::parse("r.csv", csv.as_bytes())
                .expect_err("malformed")
                .to_string()
        };
        assert_eq!(
            err("file,date\na.txt,2019-08-01\n"),
            "r.csv:1: the header has no `reference_date` column (it needs `file` and `reference_date`)"
        );
        assert_eq!(
            err("file,reference_date\na.txt,2019-08-01\nb.txt,26/1/2018\n"),
            "r.csv:3: reference_date \"26/1/2018\" is not a date (YYYY-MM-DD)"
        );
        assert_eq!(
            err("file,reference_date\na.txt,2019-02-30\n"),
            "r.csv:2: reference_date \"2019-02-30\" is not a date (YYYY-MM-DD)"
        );
        assert_eq!(
            err("file,reference_date\na.txt,\n"),
            "r.csv:2: empty `reference_date`"
        );
        assert_eq!(
            err("file,reference_date\na.txt,2019-08-01\n\n./a.txt,2019-08-02\n"),
            "r.csv:4: file \"./a.txt\" is already listed on line 2"
        );
        assert_eq!(
            err("file,reference_date\n../a.txt,2019-08-01\n"),
            "r.csv:2: file \"../a.txt\" names no file"
        );
        // An unterminated quote swallows the rest of the file into one field.
        assert_eq!(
            err("file,reference_date\n\"a.txt,2019-08-01\n"),
            "r.csv:2: empty `reference_date`"
        );
        let bad_utf8 = ReferenceDates::parse(
            "r.csv",
            b"file,reference_date\nb.txt,2019-08-01\na\xff.txt,2019-08-01\n",
        )
        .expect_err("not UTF-8")
        .to_string();
        assert!(bad_utf8.starts_with("r.csv:3: not CSV: "), "{bad_utf8}");
    }

    #[test]
    fn rows_no_document_used_are_reported_in_line_order() {
        let csv = "file,reference_date\n\
                   c.txt,2019-08-01\n\
                   a.txt,2019-08-01\n\
                   seeds/a.txt,2018-01-26\n\
                   b.txt,2021-11-09\n";
        let r = ReferenceDates::parse("r.csv", csv.as_bytes()).expect("parses");
        let mut used = Used::default();
        assert_eq!(r.date_for("x/seeds/a.txt", &mut used), date("2018-01-26"));
        assert_eq!(r.date_for("d.txt", &mut used), None);
        // The longer row won for the only document named a.txt: the shorter one went unused.
        let unused = r.unused(&used);
        let lines: Vec<(u64, &str)> = unused.iter().map(|u| (u.line, u.file.as_str())).collect();
        assert_eq!(lines, [(2, "c.txt"), (3, "a.txt"), (5, "b.txt")]);
        assert_eq!(r.date_for("b.txt", &mut used), date("2021-11-09"));
        assert_eq!(r.unused(&used).len(), 2);
    }

    #[test]
    fn a_bom_and_crlf_are_read() {
        let r = ReferenceDates::parse(
            "r.csv",
            b"\xef\xbb\xbffile,reference_date\r\na.txt,2019-08-01\r\n",
        )
        .expect("parses");
        assert_eq!(r.for_path("a.txt"), date("2019-08-01"));
    }
}
