//! The `khabar` command line, as a library so that the Rust binary and the Python console
//! script run the same code: [`run`] takes the arguments and returns the exit status.

pub mod input;

use clap::{Parser, Subcommand, ValueEnum};
use khabar_tokenize::{Tokenizer, sentences};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// khabar: exact, typed facts from conflict reporting.
#[derive(Debug, Parser)]
#[command(name = "khabar", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Tokenize documents and summarise them (or write every token as JSON Lines).
    Tokenize {
        /// Files, directories (recursive) or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Split documents into sentences, one per line (or JSON Lines).
    Sentences {
        /// Files, directories (recursive) or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable summary for people.
    Table,
    /// One JSON object per document.
    Jsonl,
}

/// Exit status: every document processed.
pub const EXIT_OK: i32 = 0;
/// Exit status: some inputs failed (reported on stderr), the rest were processed.
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: bad usage.
pub const EXIT_USAGE: i32 = 2;

#[derive(Serialize)]
struct TokenRecord<'a> {
    start: usize,
    end: usize,
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct TokenDoc<'a> {
    path: &'a str,
    tokens: Vec<TokenRecord<'a>>,
}

#[derive(Serialize)]
struct SentenceDoc<'a> {
    path: &'a str,
    sentences: Vec<TokenRecord<'a>>,
}

/// Runs the command line with `args` (including the program name), writing results to
/// `out` and diagnostics to `err`. Returns the process exit status.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = if e.use_stderr() {
                write!(err, "{e}")
            } else {
                write!(out, "{e}")
            };
            return code;
        }
    };
    match execute(&cli, out, err) {
        Ok(code) => code,
        Err(e) => {
            // Output closed early (e.g. piped into `head`): not an error of the run.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return EXIT_OK;
            }
            let _ = writeln!(err, "khabar: {e}");
            EXIT_SOME_FAILED
        }
    }
}

fn execute(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let (paths, format, what) = match &cli.command {
        Command::Tokenize { paths, format } => (paths, *format, "tokenize"),
        Command::Sentences { paths, format } => (paths, *format, "sentences"),
    };
    let mut failed = 0usize;
    let mut done = 0usize;
    let tokenizer = Tokenizer::new();
    let mut totals = (0usize, 0usize, 0usize);
    if format == Format::Table && what == "tokenize" {
        writeln!(
            out,
            "{:<40} {:>9} {:>8} {:>9}  first sentence",
            "document", "bytes", "tokens", "sentences"
        )?;
    }
    for source in input::expand(paths) {
        let doc = match source.and_then(|p| input::read(&p)) {
            Ok(doc) => doc,
            Err(e) => {
                writeln!(err, "khabar: skipped {e}")?;
                failed += 1;
                continue;
            }
        };
        let text = doc.text.as_str();
        let tokens = tokenizer.tokenize(text);
        let sents = sentences(text);
        done += 1;
        totals = (
            totals.0 + text.len(),
            totals.1 + tokens.len(),
            totals.2 + sents.len(),
        );
        match (what, format) {
            ("tokenize", Format::Table) => {
                let first: String = sents
                    .first()
                    .map(|s| s.text(text))
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect();
                writeln!(
                    out,
                    "{:<40} {:>9} {:>8} {:>9}  {}",
                    short(&doc.path, 40),
                    text.len(),
                    tokens.len(),
                    sents.len(),
                    first
                )?;
            }
            ("tokenize", Format::Jsonl) => {
                let rec = TokenDoc {
                    path: &doc.path,
                    tokens: tokens
                        .iter()
                        .map(|t| TokenRecord {
                            start: t.span.start,
                            end: t.span.end,
                            kind: t.kind.as_str(),
                            text: t.text(text),
                        })
                        .collect(),
                };
                serde_json::to_writer(&mut *out, &rec)?;
                writeln!(out)?;
            }
            (_, Format::Table) => {
                for (i, s) in sents.iter().enumerate() {
                    writeln!(
                        out,
                        "{}:{}\t{}",
                        doc.path,
                        i + 1,
                        s.text(text).replace(['\n', '\r'], " ")
                    )?;
                }
            }
            (_, Format::Jsonl) => {
                let rec = SentenceDoc {
                    path: &doc.path,
                    sentences: sents
                        .iter()
                        .map(|s| TokenRecord {
                            start: s.span.start,
                            end: s.span.end,
                            kind: "sentence",
                            text: s.text(text),
                        })
                        .collect(),
                };
                serde_json::to_writer(&mut *out, &rec)?;
                writeln!(out)?;
            }
        }
    }
    if format == Format::Table && what == "tokenize" {
        writeln!(
            out,
            "{:<40} {:>9} {:>8} {:>9}",
            format!("total: {done} documents"),
            totals.0,
            totals.1,
            totals.2
        )?;
    }
    if failed > 0 {
        writeln!(err, "khabar: {done} documents processed, {failed} failed")?;
        return Ok(EXIT_SOME_FAILED);
    }
    Ok(EXIT_OK)
}

/// Shortens a path for a table column, keeping its end.
fn short(path: &str, width: usize) -> String {
    let n = path.chars().count();
    if n <= width {
        return path.to_owned();
    }
    let tail: String = path.chars().skip(n - (width - 1)).collect();
    format!("…{tail}")
}
