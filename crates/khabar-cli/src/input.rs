//! Reading the documents a command works on: files, directories (recursively) and stdin.

use std::io::Read;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why one input could not be read. The run reports it with its path and goes on.
#[derive(Debug, Error)]
pub enum InputError {
    /// The path could not be read (missing, permission, …).
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The path as given or found.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{path}: not UTF-8 (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The path.
        path: String,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The file holds no text.
    #[error("{path}: empty")]
    Empty {
        /// The path.
        path: String,
    },
}

/// One document to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: a path, or `-` for stdin.
    pub path: String,
    /// Its text.
    pub text: String,
}

/// Expands the command-line paths into the list of sources, in a stable order: each
/// argument in turn, directories walked recursively with entries sorted by name. Hidden
/// files and directories (starting with `.`) inside directories are skipped.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
        } else if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(Ok(p.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, InputError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            out.push(Err(InputError::Io {
                path: dir.display().to_string(),
                source,
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Ok(p));
        }
    }
}

/// Reads one source (a path, or `-` for stdin) as a UTF-8 document.
pub fn read(path: &Path) -> Result<Document, InputError> {
    let name = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|source| InputError::Io {
                path: name.clone(),
                source,
            })?;
        buf
    } else {
        std::fs::read(path).map_err(|source| InputError::Io {
            path: name.clone(),
            source,
        })?
    };
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: name.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty { path: name });
    }
    Ok(Document { path: name, text })
}
