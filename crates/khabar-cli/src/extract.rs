//! `khabar extract` and `khabar facts`: the pipeline over a corpus, streamed in batches.

use crate::human::{count, duration};
use crate::input::{self, InputError};
use crate::references::{ReferenceDates, Used};
use crate::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, Terminal};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use khabar::numdate::QuantityKind;
use khabar::tokenize::CharOffsets;
use khabar::{
    DayOrder, Document, EntityRecord, Fact, Input, JsonOptions, Pipeline, QuantityRecord,
    ReferenceDate, TemporalRecord,
};
use khabar_gazetteer::{Gazetteer, GazetteerBuilder};
use rayon::prelude::*;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// How the pipeline is configured from the command line.
#[derive(Debug, Args, Clone)]
pub struct PipelineArgs {
    /// A gazetteer to match with (CSV, TSV, JSON Lines, or compiled by `gazetteer build`);
    /// repeatable; merged with the default gazetteer unless --no-default-gazetteer.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Do not use the bundled default gazetteer.
    #[arg(long)]
    pub no_default_gazetteer: bool,
    /// Reference date for relative dates: YYYY-MM-DD, `auto` (found in each text, e.g.
    /// "Published November 9th, 2021") or `none`.
    #[arg(long, value_name = "DATE|auto|none", default_value = "auto")]
    pub reference_date: String,
    /// A CSV file of per-document reference dates (header with `file` and `reference_date`;
    /// `file` matches the end of a document's path): listed documents get their date,
    /// the others follow --reference-date.
    #[arg(long, value_name = "FILE")]
    pub reference_dates: Option<PathBuf>,
    /// How all-digit dates like 3/4/2018 are read.
    #[arg(long, value_enum, default_value_t = DateOrder::Dmy)]
    pub date_order: DateOrder,
    /// Worker threads, at least 1 (default: all cores).
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub threads: Option<usize>,
    /// Documents per batch, at least 1: memory is bounded by the batch, not the corpus.
    #[arg(long, value_name = "N", default_value_t = 256, value_parser = at_least_one)]
    pub batch_size: usize,
}

/// A count option's value: a whole number of at least 1.
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err("must be a whole number of at least 1".to_owned()),
    }
}

/// Day/month order of all-digit dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateOrder {
    /// Day first: 26/1/2018 (international).
    Dmy,
    /// Month first: 1/26/2018 (United States).
    Mdy,
}

/// Output formats of `extract` and `facts` (each command's `--format` says its default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people.
    Table,
    /// One JSON object per line: for `extract` one document (the document schema), for
    /// `facts` one fact.
    Jsonl,
    /// CSV: for `extract`, one file per record kind in --out DIR; for `facts`, one table.
    Csv,
}

impl Format {
    /// The format asked for, else a table on a terminal and `piped` otherwise.
    pub(crate) fn chosen(asked: Option<Format>, terminal: Terminal, piped: Format) -> Format {
        asked.unwrap_or(if terminal.stdout {
            Format::Table
        } else {
            piped
        })
    }
}

/// Arguments of `khabar extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (recursive) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Directory for --format csv (documents.csv, entities.csv, quantities.csv, dates.csv).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Include each document's text in JSON Lines.
    #[arg(long)]
    pub text: bool,
    /// Include every token in JSON Lines.
    #[arg(long)]
    pub tokens: bool,
    /// Pipeline options.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// Arguments of `khabar facts`.
#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Files, directories (recursive) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (default: table on a terminal, csv otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Pipeline options.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// Loads one gazetteer file: compiled, or a table by its extension.
fn load_gazetteer(path: &Path) -> Result<Gazetteer, khabar_gazetteer::Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" | "tab" | "jsonl" | "ndjson" => {
            let mut b = GazetteerBuilder::new();
            b.add_path(path)?;
            b.build()
        }
        _ => Gazetteer::load(path),
    }
}

fn build_pipeline(args: &PipelineArgs) -> Result<Pipeline, String> {
    let reference = ReferenceDate::parse(&args.reference_date).map_err(|e| {
        format!("--reference-date: {e}, or `auto` (the date each text states), or `none`")
    })?;
    let mut b = Pipeline::builder()
        .default_gazetteer(!args.no_default_gazetteer)
        .reference_date(reference)
        .day_order(match args.date_order {
            DateOrder::Dmy => DayOrder::DayFirst,
            DateOrder::Mdy => DayOrder::MonthFirst,
        });
    for path in &args.gazetteers {
        b = b.gazetteer(load_gazetteer(path).map_err(|e| format!("--gazetteer: {e}"))?);
    }
    b.build().map_err(|e| e.to_string())
}

/// The sink one batch of results is written to.
pub(crate) trait Sink {
    fn write(&mut self, doc: &Document) -> std::io::Result<()>;
    /// Called after each batch, so nothing already written is lost if a later one fails.
    fn flush(&mut self) -> std::io::Result<()>;
    fn finish(&mut self, _summary: &Summary) -> std::io::Result<()> {
        self.flush()
    }
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Summary {
    docs: usize,
    failed: usize,
    bytes: usize,
    entities: usize,
    quantities: usize,
    dates: usize,
}

/// Runs the pipeline over the inputs in batches, feeding each result to `sink`.
pub(crate) fn stream(
    paths: &[PathBuf],
    args: &PipelineArgs,
    sink: &mut dyn Sink,
    err: &mut dyn Write,
    terminal: Terminal,
) -> std::io::Result<i32> {
    let nlp = match build_pipeline(args) {
        Ok(p) => p,
        Err(e) => {
            writeln!(err, "khabar: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let references = match &args.reference_dates {
        Some(path) => match ReferenceDates::load(path) {
            Ok(r) => r,
            Err(e) => {
                writeln!(err, "khabar: --reference-dates: {e}")?;
                return Ok(EXIT_USAGE);
            }
        },
        None => ReferenceDates::default(),
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            writeln!(err, "khabar: cannot start worker threads: {e}")?;
            return Ok(EXIT_USAGE);
        }
    };
    let mut summary = Summary::default();
    let mut used = Used::default();
    let mut sources: Vec<PathBuf> = Vec::new();
    for s in input::expand(paths) {
        match s {
            Ok(p) => sources.push(p),
            Err(e) => {
                writeln!(err, "khabar: skipped {e}")?;
                summary.failed += 1;
            }
        }
    }
    let total = sources.len();
    // A progress bar only where someone watches and there is enough work to watch.
    let bar = if terminal.stderr && total >= 50 {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} docs  {per_sec}  {msg}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let started = Instant::now();
    for batch in sources.chunks(args.batch_size.max(1)) {
        let read: Vec<Result<input::Document, InputError>> =
            pool.install(|| batch.par_iter().map(|p| input::read(p)).collect());
        let mut inputs = Vec::with_capacity(read.len());
        for r in &read {
            match r {
                Ok(d) => inputs.push(Input {
                    id: Some(d.path.clone()),
                    text: &d.text,
                    reference_date: references.date_for(&d.path, &mut used),
                }),
                Err(e) => {
                    bar.suspend(|| writeln!(err, "khabar: skipped {e}"))?;
                    summary.failed += 1;
                }
            }
        }
        let docs = pool.install(|| nlp.process_batch(inputs));
        for doc in &docs {
            summary.docs += 1;
            summary.bytes += doc.text.len();
            summary.entities += doc.entities.len();
            summary.quantities += doc.quantities.len();
            summary.dates += doc.dates.len();
            sink.write(doc)?;
        }
        sink.flush()?;
        bar.inc(batch.len() as u64);
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        bar.set_message(format!("{:.1} MB/s", summary.bytes as f64 / 1e6 / secs));
    }
    bar.finish_and_clear();
    sink.finish(&summary)?;
    let elapsed = started.elapsed();
    for row in references.unused(&used) {
        writeln!(err, "khabar: warning: --reference-dates {row}")?;
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    writeln!(
        err,
        "khabar: {} ({} failed), {}, {}, {} in {} ({:.0} docs/s, {:.2} MB/s)",
        count(summary.docs, "document", "documents"),
        summary.failed,
        count(summary.entities, "entity", "entities"),
        count(summary.quantities, "quantity", "quantities"),
        count(summary.dates, "date", "dates"),
        duration(elapsed),
        summary.docs as f64 / secs,
        summary.bytes as f64 / 1e6 / secs
    )?;
    Ok(if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    })
}

/// Runs `khabar extract`.
pub fn extract(
    args: &ExtractArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    terminal: Terminal,
) -> std::io::Result<i32> {
    let format = Format::chosen(args.format, terminal, Format::Jsonl);
    match format {
        Format::Table => stream(
            &args.paths,
            &args.pipeline,
            &mut TableSink { out },
            err,
            terminal,
        ),
        Format::Jsonl => {
            let options = JsonOptions {
                text: args.text,
                tokens: args.tokens,
            };
            stream(
                &args.paths,
                &args.pipeline,
                &mut JsonlSink { out, options },
                err,
                terminal,
            )
        }
        Format::Csv => {
            let Some(dir) = &args.out else {
                writeln!(
                    err,
                    "khabar: --format csv writes one file per record kind: give --out DIR"
                )?;
                return Ok(EXIT_USAGE);
            };
            let mut sink = match CsvSink::create(dir) {
                Ok(s) => s,
                Err(e) => {
                    writeln!(err, "khabar: cannot write to {}: {e}", dir.display())?;
                    return Ok(EXIT_USAGE);
                }
            };
            let code = stream(&args.paths, &args.pipeline, &mut sink, err, terminal)?;
            writeln!(out, "wrote {}", sink.files().join(", "))?;
            Ok(code)
        }
    }
}

/// Runs `khabar facts`.
pub fn facts(
    args: &FactsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    terminal: Terminal,
) -> std::io::Result<i32> {
    let format = Format::chosen(args.format, terminal, Format::Csv);
    let mut sink = FactsSink {
        out,
        format,
        header: false,
    };
    stream(&args.paths, &args.pipeline, &mut sink, err, terminal)
}

/// Shortens a string for a table column, keeping its end.
pub fn short(path: &str, width: usize) -> String {
    let n = path.chars().count();
    if n <= width {
        return path.to_owned();
    }
    let tail: String = path.chars().skip(n - (width - 1)).collect();
    format!("…{tail}")
}

/// Cuts a string to `width` characters, keeping its start.
pub(crate) fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let head: String = s.chars().take(width - 1).collect();
    format!("{head}…")
}

/// Writes `value` as one line of JSON Lines.
pub(crate) fn json_line<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

/// Writes `rows` as CSV to `out`, `columns` first when no header is written yet (`header`
/// says whether one is, across batches).
pub(crate) fn csv_rows<const N: usize>(
    out: &mut dyn Write,
    header: &mut bool,
    columns: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> std::io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    if !*header {
        w.write_record(columns).map_err(std::io::Error::other)?;
        *header = true;
    }
    for row in rows {
        w.write_record(row).map_err(std::io::Error::other)?;
    }
    w.flush()
}

pub(crate) fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// "4000–6000", "≥ 170", "≤ 5", "12".
fn fmt_range(low: Option<f64>, high: Option<f64>) -> String {
    match (low, high) {
        (Some(l), Some(h)) if l == h => fmt_num(l),
        (Some(l), Some(h)) => format!("{}–{}", fmt_num(l), fmt_num(h)),
        (Some(l), None) => format!("≥ {}", fmt_num(l)),
        (None, Some(h)) => format!("≤ {}", fmt_num(h)),
        (None, None) => "?".to_owned(),
    }
}

/// One line of the table summary: "  entities     71  Islamic State Khorasan Province ×9, …".
fn summary_line(out: &mut dyn Write, what: &str, count: usize, items: &str) -> std::io::Result<()> {
    writeln!(out, "  {what:<10} {count:>4}  {}", cut(items, 110))
}

struct TableSink<'a> {
    out: &'a mut dyn Write,
}

impl Sink for TableSink<'_> {
    fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let out = &mut *self.out;
        let reference = match (doc.reference_date, doc.reference_source) {
            (Some(d), khabar::ReferenceSource::Detected) => format!("{d} (found in text)"),
            (Some(d), _) => d.to_string(),
            (None, _) => "none".to_owned(),
        };
        writeln!(
            out,
            "{}  ·  {} · {} · reference date {}",
            doc.id.as_deref().unwrap_or("-"),
            count(doc.text.len(), "byte", "bytes"),
            count(doc.sentences.len(), "sentence", "sentences"),
            reference
        )?;
        // Entities: canonical names by frequency.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for e in &doc.entities {
            let c = counts.entry(e.canonical()).or_insert(0);
            if *c == 0 {
                order.push(&e.canonical);
            }
            *c += 1;
        }
        order.sort_by_key(|n| std::cmp::Reverse(counts[n]));
        let ents: Vec<String> = order
            .iter()
            .take(8)
            .map(|n| format!("{n} ×{}", counts[n]))
            .collect();
        summary_line(out, "entities", doc.entities.len(), &ents.join(", "))?;
        let qs: Vec<String> = doc
            .quantities
            .iter()
            .filter(|q| q.unit.is_some() && q.kind != QuantityKind::Ordinal)
            .take(6)
            .map(|q| {
                let unit = q.unit.as_ref().map_or("", |u| u.text.as_str());
                let pct = if q.kind == QuantityKind::Percent {
                    "%"
                } else {
                    ""
                };
                format!("{} {unit} [{}{pct}]", q.text, fmt_range(q.low, q.high))
            })
            .collect();
        summary_line(out, "quantities", doc.quantities.len(), &qs.join("; "))?;
        let ds: Vec<String> = doc
            .dates
            .iter()
            .take(8)
            .map(|d| format!("{} = {}", d.text, d.value))
            .collect();
        summary_line(out, "dates", doc.dates.len(), &ds.join("; "))?;
        writeln!(out)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

struct JsonlSink<'a> {
    out: &'a mut dyn Write,
    options: JsonOptions,
}

impl Sink for JsonlSink<'_> {
    fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let line = doc
            .to_json_with(self.options)
            .map_err(std::io::Error::other)?;
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// One CSV file per record kind, appended batch by batch.
struct CsvSink {
    dir: PathBuf,
    documents: csv::Writer<BufWriter<File>>,
    entities: csv::Writer<BufWriter<File>>,
    quantities: csv::Writer<BufWriter<File>>,
    dates: csv::Writer<BufWriter<File>>,
}

fn csv_file(
    dir: &Path,
    name: &str,
    header: &[&str],
) -> std::io::Result<csv::Writer<BufWriter<File>>> {
    let mut w = csv::Writer::from_writer(BufWriter::new(File::create(dir.join(name))?));
    w.write_record(header).map_err(std::io::Error::other)?;
    Ok(w)
}

impl CsvSink {
    fn create(dir: &Path) -> std::io::Result<CsvSink> {
        std::fs::create_dir_all(dir)?;
        Ok(CsvSink {
            dir: dir.to_owned(),
            documents: csv_file(
                dir,
                "documents.csv",
                &[
                    "doc",
                    "reference_date",
                    "reference_source",
                    "bytes",
                    "sentences",
                    "entities",
                    "quantities",
                    "dates",
                ],
            )?,
            entities: csv_file(
                dir,
                "entities.csv",
                &[
                    "doc",
                    "start",
                    "end",
                    "text",
                    "label",
                    "id",
                    "canonical",
                    "alias",
                    "ambiguous",
                    "country",
                    "parent",
                ],
            )?,
            quantities: csv_file(
                dir,
                "quantities.csv",
                &[
                    "doc",
                    "start",
                    "end",
                    "text",
                    "kind",
                    "low",
                    "high",
                    "approx",
                    "vague",
                    "unit",
                    "currency",
                    "dimension",
                    "si_value",
                    "si_unit",
                ],
            )?,
            dates: csv_file(
                dir,
                "dates.csv",
                &[
                    "doc",
                    "start",
                    "end",
                    "text",
                    "type",
                    "value",
                    "mod",
                    "start_date",
                    "end_date",
                    "granularity",
                ],
            )?,
        })
    }

    fn files(&self) -> Vec<String> {
        [
            "documents.csv",
            "entities.csv",
            "quantities.csv",
            "dates.csv",
        ]
        .iter()
        .map(|f| self.dir.join(f).display().to_string())
        .collect()
    }
}

pub(crate) fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

fn json_str(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl Sink for CsvSink {
    fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let e = std::io::Error::other;
        let id = doc.id.clone().unwrap_or_default();
        let conv = CharOffsets::new(&doc.text);
        self.documents
            .write_record([
                id.clone(),
                opt(doc.reference_date),
                format!("{:?}", doc.reference_source).to_lowercase(),
                doc.text.len().to_string(),
                doc.sentences.len().to_string(),
                doc.entities.len().to_string(),
                doc.quantities.len().to_string(),
                doc.dates.len().to_string(),
            ])
            .map_err(e)?;
        for ent in &doc.entities {
            let r = EntityRecord::new(&conv, ent);
            self.entities
                .write_record([
                    id.clone(),
                    r.span.start.to_string(),
                    r.span.end.to_string(),
                    r.text,
                    r.label.to_string(),
                    r.id.to_string(),
                    r.canonical.to_string(),
                    r.alias.to_string(),
                    (r.candidates.len() > 1).to_string(),
                    r.attrs.get("country").map(json_str).unwrap_or_default(),
                    r.attrs.get("parent").map(json_str).unwrap_or_default(),
                ])
                .map_err(e)?;
        }
        for q in &doc.quantities {
            let r = QuantityRecord::new(&conv, q);
            self.quantities
                .write_record([
                    id.clone(),
                    r.span.start.to_string(),
                    r.span.end.to_string(),
                    r.text,
                    json_str(&serde_json::to_value(r.kind).unwrap_or_default()),
                    opt(r.low),
                    opt(r.high),
                    r.approx.as_str().to_owned(),
                    r.vague.to_string(),
                    r.unit.map(|u| u.text).unwrap_or_default(),
                    r.currency.unwrap_or_default(),
                    r.dimension
                        .map(|d| d.as_str().to_owned())
                        .unwrap_or_default(),
                    opt(r.si_value),
                    r.si_unit.unwrap_or_default(),
                ])
                .map_err(e)?;
        }
        for d in &doc.dates {
            let r = TemporalRecord::new(&conv, d);
            self.dates
                .write_record([
                    id.clone(),
                    r.span.start.to_string(),
                    r.span.end.to_string(),
                    r.text,
                    r.kind.as_str().to_owned(),
                    r.value,
                    r.modifier
                        .map(|m| m.as_str().to_owned())
                        .unwrap_or_default(),
                    opt(r.start_date),
                    opt(r.end_date),
                    r.granularity
                        .map(|g| json_str(&serde_json::to_value(g).unwrap_or_default()))
                        .unwrap_or_default(),
                ])
                .map_err(e)?;
        }
        Ok(())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.documents.flush()?;
        self.entities.flush()?;
        self.quantities.flush()?;
        self.dates.flush()
    }
}

/// The "of what" column of the facts table: the counted noun; without one, the kind when it
/// says more than the number does ("(ordinal)", "(money)"), else "-".
fn of_what(f: &Fact) -> String {
    match (&f.unit, f.kind.as_str()) {
        (Some(unit), _) => unit.clone(),
        (None, "cardinal" | "percent") => "-".to_owned(),
        (None, kind) => format!("({kind})"),
    }
}

struct FactsSink<'a> {
    out: &'a mut dyn Write,
    format: Format,
    header: bool,
}

const FACT_COLUMNS: [&str; 24] = [
    "doc",
    "reference_date",
    "quantity",
    "kind",
    "low",
    "high",
    "approx",
    "vague",
    "unit",
    "subject",
    "subject_id",
    "place",
    "when",
    "when_source",
    "entities",
    "dates",
    "role",
    "victim_class",
    "group",
    "destination",
    "perpetrator",
    "target",
    "subcount",
    "sentence",
];

fn fact_row(f: &Fact) -> [String; 24] {
    [
        f.doc.clone().unwrap_or_default(),
        opt(f.reference_date),
        f.quantity.clone(),
        f.kind.clone(),
        opt(f.low),
        opt(f.high),
        f.approx.clone(),
        f.vague.to_string(),
        f.unit.clone().unwrap_or_default(),
        f.subject.clone().unwrap_or_default(),
        f.subject_id.clone().unwrap_or_default(),
        f.place.clone().unwrap_or_default(),
        f.when.clone().unwrap_or_default(),
        f.when_source.clone(),
        f.entities.clone(),
        f.dates.clone(),
        f.role.clone().unwrap_or_default(),
        f.victim_class.clone().unwrap_or_default(),
        f.group.clone().unwrap_or_default(),
        f.destination.clone().unwrap_or_default(),
        f.perpetrator.clone().unwrap_or_default(),
        f.target.clone().unwrap_or_default(),
        f.subcount.to_string(),
        f.sentence.clone(),
    ]
}

impl Sink for FactsSink<'_> {
    fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let facts = doc.facts();
        match self.format {
            Format::Jsonl => {
                for f in &facts {
                    json_line(self.out, f)?;
                }
            }
            Format::Csv => csv_rows(
                self.out,
                &mut self.header,
                FACT_COLUMNS,
                facts.iter().map(fact_row),
            )?,
            Format::Table => {
                if !self.header {
                    let header = format!(
                        "{:<18} {:<24} {:<34} {:<18} {:<12} {}",
                        "how many", "of what", "who", "where", "when", "document"
                    );
                    writeln!(self.out, "{header}")?;
                    self.header = true;
                }
                // Every fact, as in CSV and JSON Lines: "only about 3,000 remain" counts no
                // noun but is a figure an analyst wants to see.
                for f in &facts {
                    let pct = if f.kind == "percent" { "%" } else { "" };
                    // Open bounds already say "≥"/"≤"; other cues are spelled out.
                    let open = f.low.is_none() || f.high.is_none();
                    let approx = match f.approx.as_str() {
                        "none" => String::new(),
                        _ if open => String::new(),
                        a => format!("{} ", a.replace('_', " ")),
                    };
                    writeln!(
                        self.out,
                        "{:<18} {:<24} {:<34} {:<18} {:<12} {}",
                        cut(&format!("{approx}{}{pct}", fmt_range(f.low, f.high)), 18),
                        cut(&of_what(f), 24),
                        cut(f.subject.as_deref().unwrap_or("-"), 34),
                        cut(f.place.as_deref().unwrap_or("-"), 18),
                        cut(f.when.as_deref().unwrap_or("-"), 12),
                        short(f.doc.as_deref().unwrap_or("-"), 30)
                    )?;
                }
            }
        }
        Ok(())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
