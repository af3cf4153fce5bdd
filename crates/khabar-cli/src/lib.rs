//! The `khabar` command line, as a library so that the Rust binary and the Python console
//! script run the same code: [`run`] takes the arguments and returns the exit status.
//!
//! ```text
//! khabar extract PATH...   [--format table|jsonl|csv] [--out DIR] [pipeline options]
//! khabar facts PATH...     [--format table|jsonl|csv] [pipeline options]
//! khabar events PATH...    [--format table|jsonl|csv] [pipeline options]
//! khabar gazetteer check FILE...
//! khabar gazetteer build FILE... -o OUT
//! khabar tokenize PATH...  |  khabar sentences PATH...
//! ```

pub mod events;
pub mod extract;
pub mod gazetteer;
pub mod human;
pub mod input;
pub mod references;

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// Extract entities, quantities and dates from documents.
    Extract(extract::ExtractArgs),
    /// One row per quantity with who, where and when from its sentence.
    Facts(extract::FactsArgs),
    /// One row per reported incident: type, date, place, perpetrator, killed, wounded…
    Events(events::EventsArgs),
    /// Check or compile gazetteers.
    #[command(subcommand)]
    Gazetteer(gazetteer::GazetteerCommand),
    /// Tokenize documents and summarise them (or write every token as JSON Lines).
    Tokenize(TextArgs),
    /// Split documents into sentences, one per line (or JSON Lines).
    Sentences(TextArgs),
}

/// Arguments of `tokenize` and `sentences`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// Files, directories (recursive) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextFormat::Table)]
    pub format: TextFormat,
}

/// Output formats of `tokenize` and `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    /// A readable summary for people.
    Table,
    /// One JSON object per document.
    Jsonl,
}

/// Exit status: every document processed.
pub const EXIT_OK: i32 = 0;
/// Exit status: some inputs failed (reported on stderr), the rest were processed; or a
/// gazetteer check found errors.
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit status: bad usage (unknown option, unreadable gazetteer, bad reference date).
pub const EXIT_USAGE: i32 = 2;

/// Whether the standard streams are terminals: decides the default format and the progress
/// bar. The binary asks the OS; tests pass what they need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Terminal {
    /// Standard output is a terminal.
    pub stdout: bool,
    /// Standard error is a terminal.
    pub stderr: bool,
}

/// Runs the command line with `args` (including the program name) as if neither stream were
/// a terminal. See [`run_with`].
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    run_with(args, out, err, Terminal::default())
}

/// Runs the command line with `args` (including the program name), writing results to
/// `out` and diagnostics to `err`. Returns the process exit status.
pub fn run_with<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write, terminal: Terminal) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            let _ = if e.use_stderr() {
                write!(err, "{}", usage_error(&e))
            } else {
                write!(out, "{e}")
            };
            return code;
        }
    };
    let result = match &cli.command {
        Command::Extract(a) => extract::extract(a, out, err, terminal),
        Command::Facts(a) => extract::facts(a, out, err, terminal),
        Command::Events(a) => events::events(a, out, err, terminal),
        Command::Gazetteer(c) => gazetteer::run(c, out, err),
        Command::Tokenize(a) => text_command(a, true, out, err),
        Command::Sentences(a) => text_command(a, false, out, err),
    };
    match result {
        Ok(code) => code,
        // Output closed early (e.g. piped into `head`): not an error of the run.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "khabar: {e}");
            EXIT_SOME_FAILED
        }
    }
}

/// A usage error as clap words it, under the prefix every khabar error has (`khabar:`, not
/// clap's `error:`).
fn usage_error(e: &clap::Error) -> String {
    let text = e.to_string();
    match text.strip_prefix("error: ") {
        Some(rest) => format!("khabar: {rest}"),
        None => text,
    }
}

#[derive(Serialize)]
struct SpanRecord<'a> {
    start: usize,
    end: usize,
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct TextDoc<'a> {
    path: &'a str,
    tokens: Option<Vec<SpanRecord<'a>>>,
    sentences: Option<Vec<SpanRecord<'a>>>,
}

fn text_command(
    args: &TextArgs,
    tokenize: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let mut failed = 0usize;
    let mut done = 0usize;
    let tokenizer = Tokenizer::new();
    let mut totals = (0usize, 0usize, 0usize);
    let table = args.format == TextFormat::Table;
    if table && tokenize {
        writeln!(
            out,
            "{:<40} {:>9} {:>8} {:>9}  first sentence",
            "document", "bytes", "tokens", "sentences"
        )?;
    }
    for source in input::expand(&args.paths) {
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
        match (tokenize, table) {
            (true, true) => {
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
                    extract::short(&doc.path, 40),
                    text.len(),
                    tokens.len(),
                    sents.len(),
                    first.replace(['\n', '\r'], " ")
                )?;
            }
            (false, true) => {
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
            (_, false) => {
                let rec = if tokenize {
                    TextDoc {
                        path: &doc.path,
                        tokens: Some(
                            tokens
                                .iter()
                                .map(|t| SpanRecord {
                                    start: t.span.start,
                                    end: t.span.end,
                                    kind: t.kind.as_str(),
                                    text: t.text(text),
                                })
                                .collect(),
                        ),
                        sentences: None,
                    }
                } else {
                    TextDoc {
                        path: &doc.path,
                        tokens: None,
                        sentences: Some(
                            sents
                                .iter()
                                .map(|s| SpanRecord {
                                    start: s.span.start,
                                    end: s.span.end,
                                    kind: "sentence",
                                    text: s.text(text),
                                })
                                .collect(),
                        ),
                    }
                };
                serde_json::to_writer(&mut *out, &rec)?;
                writeln!(out)?;
            }
        }
    }
    if table && tokenize {
        writeln!(
            out,
            "{:<40} {:>9} {:>8} {:>9}",
            format!("total: {}", human::count(done, "document", "documents")),
            totals.0,
            totals.1,
            totals.2
        )?;
    }
    if failed > 0 {
        writeln!(
            err,
            "khabar: {} processed, {failed} failed",
            human::count(done, "document", "documents")
        )?;
        return Ok(EXIT_SOME_FAILED);
    }
    Ok(EXIT_OK)
}
