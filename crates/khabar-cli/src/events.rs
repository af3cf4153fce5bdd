//! `khabar events`: one row per reported incident — type, date, place, perpetrator, target
//! and the killed/wounded/arrested/abducted totals — over a corpus, streamed in batches.

use crate::Terminal;
use crate::extract::{Format, PipelineArgs, Sink, csv_rows, cut, fmt_num, json_line, opt, stream};
use clap::Args;
use khabar::event::{Event, Role};
use khabar::tokenize::CharOffsets;
use khabar::{Document, EventRecord};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `khabar events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Files, directories (recursive) or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (default: table on a terminal, csv otherwise). JSON Lines writes each
    /// event of the document schema with its document's id as `doc`.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Pipeline options.
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// The CSV columns, in order.
pub const EVENT_COLUMNS: [&str; 18] = [
    "doc",
    "type",
    "date",
    "date_source",
    "place",
    "place_id",
    "province",
    "country",
    "perpetrator",
    "target",
    "killed",
    "wounded",
    "arrested",
    "abducted",
    "claimed",
    "start",
    "end",
    "text",
];

fn row(doc: &Document, conv: &CharOffsets<'_>, e: &Event) -> [String; 18] {
    let (start, end) = conv.char_span(e.span).unwrap_or((0, 0));
    let place = e.place.as_ref();
    [
        doc.id.clone().unwrap_or_default(),
        e.event_type.as_str().to_owned(),
        e.date.as_ref().map(|d| d.value.clone()).unwrap_or_default(),
        e.date
            .as_ref()
            .map_or("none", |d| d.source.as_str())
            .to_owned(),
        place.map(|p| p.name.clone()).unwrap_or_default(),
        place.map(|p| p.id.clone()).unwrap_or_default(),
        place.and_then(|p| p.province.clone()).unwrap_or_default(),
        place.and_then(|p| p.country.clone()).unwrap_or_default(),
        e.perpetrator
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        e.target
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        opt(e.count(Role::Killed)),
        opt(e.count(Role::Wounded)),
        opt(e.count(Role::Arrested)),
        opt(e.count(Role::Abducted)),
        e.claimed.to_string(),
        start.to_string(),
        end.to_string(),
        e.span
            .slice(&doc.text)
            .unwrap_or("")
            .replace(['\n', '\r'], " "),
    ]
}

struct EventsSink<'a> {
    out: &'a mut dyn Write,
    format: Format,
    header: bool,
}

impl EventsSink<'_> {
    fn table(&mut self, doc: &Document) -> std::io::Result<()> {
        if !self.header {
            writeln!(
                self.out,
                "{:<14} {:<11} {:<20} {:<34} {:>6} {:>7} {:>8} {:>8}  document",
                "type", "date", "place", "perpetrator", "killed", "wounded", "arrested", "abducted"
            )?;
            self.header = true;
        }
        let num = |e: &Event, r: Role| e.count(r).map(fmt_num).unwrap_or_else(|| "-".to_owned());
        for e in &doc.events {
            let cell = |s: Option<&str>, w: usize| cut(s.unwrap_or("-"), w);
            writeln!(
                self.out,
                "{:<14} {:<11} {:<20} {:<34} {:>6} {:>7} {:>8} {:>8}  {}",
                e.event_type.as_str(),
                cell(e.date.as_ref().map(|d| d.value.as_str()), 11),
                cell(e.place.as_ref().map(|p| p.name.as_str()), 20),
                cell(e.perpetrator.as_ref().map(|a| a.name.as_str()), 34),
                num(e, Role::Killed),
                num(e, Role::Wounded),
                num(e, Role::Arrested),
                num(e, Role::Abducted),
                doc.id.as_deref().unwrap_or("-"),
            )?;
        }
        Ok(())
    }
}

impl Sink for EventsSink<'_> {
    fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let conv = CharOffsets::new(&doc.text);
        match self.format {
            Format::Jsonl => {
                for e in &doc.events {
                    let mut v = serde_json::to_value(EventRecord::new(&conv, e))
                        .map_err(std::io::Error::other)?;
                    if let Some(m) = v.as_object_mut() {
                        m.insert("doc".to_owned(), serde_json::Value::from(doc.id.clone()));
                    }
                    json_line(self.out, &v)?;
                }
            }
            Format::Csv => csv_rows(
                self.out,
                &mut self.header,
                EVENT_COLUMNS,
                doc.events.iter().map(|e| row(doc, &conv, e)),
            )?,
            Format::Table => self.table(doc)?,
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Runs `khabar events`.
pub fn events(
    args: &EventsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    terminal: Terminal,
) -> std::io::Result<i32> {
    let format = Format::chosen(args.format, terminal, Format::Csv);
    let mut sink = EventsSink {
        out,
        format,
        header: false,
    };
    stream(&args.paths, &args.pipeline, &mut sink, err, terminal)
}
