//! Reading entries from CSV, TSV and JSON Lines.
//!
//! CSV (RFC 4180, UTF-8) and TSV share one header:
//! `id,name,label,aliases,case_sensitive,country,parent,lat,lon,wikidata,priority`, in any
//! order; `id`, `name` and `label` are required, the others optional, and any further column
//! is a free attribute. `aliases` and `case_sensitive` are `|`-separated. Empty cells are
//! absent values (a byte-order mark and CRLF line ends are fine). JSON Lines has one
//! [`Entry`](crate::Entry) object per line (blank lines
//! are skipped).

use crate::builder::GazetteerBuilder;
use crate::entry::Entry;
use crate::error::{Error, Result, Source};
use crate::store::EntryParts;
use std::io::{BufRead, BufReader, Read};

/// A delimited format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Csv,
    Tsv,
}

/// The known columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    Label,
    Aliases,
    CaseSensitive,
    Country,
    Parent,
    Lat,
    Lon,
    Wikidata,
    Priority,
    Attr,
}

fn column_of(name: &str) -> Column {
    match name {
        "id" => Column::Id,
        "name" => Column::Name,
        "label" => Column::Label,
        "aliases" => Column::Aliases,
        "case_sensitive" => Column::CaseSensitive,
        "country" => Column::Country,
        "parent" => Column::Parent,
        "lat" => Column::Lat,
        "lon" => Column::Lon,
        "wikidata" => Column::Wikidata,
        "priority" => Column::Priority,
        _ => Column::Attr,
    }
}

fn csv_error(file: &str, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    Error::Parse {
        at: Box::new(Source {
            file: Some(file.to_owned()),
            line,
            column: None,
            field: None,
        }),
        message: match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("row has {len} fields, the header has {expected_len}"),
            csv::ErrorKind::Utf8 { err, .. } => {
                format!("invalid UTF-8 in field {}", err.field() + 1)
            }
            _ => e.to_string(),
        },
    }
}

/// Reads CSV or TSV rows into the builder.
pub(crate) fn read_delimited(
    builder: &mut GazetteerBuilder,
    reader: impl Read,
    file: &str,
    format: Format,
) -> Result<()> {
    let mut rb = csv::ReaderBuilder::new();
    rb.has_headers(true).flexible(false);
    if format == Format::Tsv {
        rb.delimiter(b'\t').quoting(false);
    }
    let mut rdr = rb.from_reader(reader);
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| csv_error(file, &e))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
        .collect();
    let columns: Vec<Column> = header.iter().map(|h| column_of(h)).collect();
    for required in [Column::Id, Column::Name, Column::Label] {
        if !columns.contains(&required) {
            let name = match required {
                Column::Id => "id",
                Column::Name => "name",
                _ => "label",
            };
            return Err(Error::Parse {
                at: Box::new(Source::file_line(file, 1)),
                message: format!("the header has no {name:?} column"),
            });
        }
    }
    let file_index = builder.register_file(file);
    // Attribute columns in key order, so that attributes come out sorted.
    let mut attr_cols: Vec<usize> = (0..columns.len())
        .filter(|&i| columns.get(i) == Some(&Column::Attr))
        .collect();
    attr_cols.sort_by(|&a, &b| header.get(a).cmp(&header.get(b)));
    let col = |c: Column| columns.iter().position(|&x| x == c);
    let (c_id, c_name, c_label) = (col(Column::Id), col(Column::Name), col(Column::Label));
    let (c_aliases, c_cs) = (col(Column::Aliases), col(Column::CaseSensitive));
    let (c_country, c_parent, c_wikidata) = (
        col(Column::Country),
        col(Column::Parent),
        col(Column::Wikidata),
    );
    let (c_lat, c_lon, c_priority) = (col(Column::Lat), col(Column::Lon), col(Column::Priority));
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                // A malformed row does not stop the reader: with `collect_errors` the next
                // rows are still checked.
                let recoverable = matches!(
                    e.kind(),
                    csv::ErrorKind::UnequalLengths { .. } | csv::ErrorKind::Utf8 { .. }
                );
                builder.report(csv_error(file, &e))?;
                if recoverable {
                    continue;
                }
                break;
            }
        }
        let result = (|| -> Result<()> {
            let line = record.position().map_or(0, |p| p.line());
            let at = Source::file_line(file, line);
            let cell_at = |i: usize| {
                at.clone()
                    .with_column(i as u64 + 1, header.get(i).map_or("", String::as_str))
            };
            let cell = |c: Option<usize>| c.and_then(|i| record.get(i)).map_or("", str::trim);
            let opt = |c: Option<usize>| Some(cell(c)).filter(|v| !v.is_empty());
            let id = cell(c_id);
            for (field, c) in [("id", c_id), ("name", c_name), ("label", c_label)] {
                if cell(c).is_empty() {
                    return Err(Error::EmptyField {
                        id: id.to_owned(),
                        field: match field {
                            "id" => "id",
                            "name" => "name",
                            _ => "label",
                        },
                        at: Box::new(cell_at(c.unwrap_or(0))),
                    });
                }
            }
            let list = |c: Option<usize>| -> Result<Vec<&str>> {
                let v = cell(c);
                if v.is_empty() {
                    return Ok(Vec::new());
                }
                let items: Vec<&str> = v.split('|').map(str::trim).collect();
                if items.iter().any(|a| a.is_empty()) {
                    return Err(Error::EmptyAlias {
                        id: id.to_owned(),
                        at: Box::new(cell_at(c.unwrap_or(0))),
                    });
                }
                Ok(items)
            };
            let number = |c: Option<usize>| -> Result<Option<f64>> {
                match opt(c) {
                    None => Ok(None),
                    Some(v) => v.parse().map(Some).map_err(|_| Error::Parse {
                        at: Box::new(cell_at(c.unwrap_or(0))),
                        message: format!("{v:?} is not a number"),
                    }),
                }
            };
            let aliases = list(c_aliases)?;
            let case_sensitive = list(c_cs)?;
            let priority = match opt(c_priority) {
                None => 0,
                Some(v) => v.parse().map_err(|_| Error::Parse {
                    at: Box::new(cell_at(c_priority.unwrap_or(0))),
                    message: format!("{v:?} is not an integer priority"),
                })?,
            };
            let attrs: Vec<(&str, &str)> = attr_cols
                .iter()
                .filter_map(|&i| {
                    let v = record.get(i)?;
                    (!v.trim().is_empty()).then(|| (header.get(i).map_or("", String::as_str), v))
                })
                .collect();
            let parts = EntryParts {
                id,
                name: cell(c_name),
                label: cell(c_label),
                aliases: &aliases,
                case_sensitive: &case_sensitive,
                country: opt(c_country),
                parent: opt(c_parent),
                wikidata: opt(c_wikidata),
                lat: number(c_lat)?,
                lon: number(c_lon)?,
                priority,
                attrs: &attrs,
            };
            builder.add_parts(&parts, at.clone(), Some(file_index))
        })();
        builder.report_result(result)?;
    }
    Ok(())
}

/// Reads JSON Lines into the builder.
pub(crate) fn read_jsonl(
    builder: &mut GazetteerBuilder,
    reader: impl Read,
    file: &str,
) -> Result<()> {
    let file_index = builder.register_file(file);
    let mut rdr = BufReader::new(reader);
    let mut line = String::new();
    let mut lineno = 0u64;
    loop {
        line.clear();
        let n = rdr.read_line(&mut line).map_err(|e| Error::Parse {
            at: Box::new(Source::file_line(file, lineno + 1)),
            message: e.to_string(),
        })?;
        if n == 0 {
            break;
        }
        lineno += 1;
        // A byte-order mark (Windows editors write one) is not part of the first object.
        let body = if lineno == 1 {
            line.strip_prefix('\u{feff}').unwrap_or(&line)
        } else {
            &line
        };
        if body.trim().is_empty() {
            continue;
        }
        let at = Source::file_line(file, lineno);
        let result = (|| -> Result<()> {
            let e: Entry = serde_json::from_str(body).map_err(|err| Error::Parse {
                at: Box::new(Source {
                    column: Some(err.column() as u64),
                    ..at.clone()
                }),
                message: err.to_string(),
            })?;
            if e.label.trim().is_empty() {
                return Err(Error::EmptyField {
                    id: e.id.clone(),
                    field: "label",
                    at: Box::new(at.clone()),
                });
            }
            builder.add_from(&e, at.clone(), Some(file_index))
        })();
        builder.report_result(result)?;
    }
    Ok(())
}
