//! `khabar gazetteer check` and `khabar gazetteer build`.

use crate::{EXIT_OK, EXIT_SOME_FAILED};
use clap::Subcommand;
use khabar_gazetteer::{Gazetteer, GazetteerBuilder, is_acronym, is_common_english};
use khabar_tokenize::fold_str;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// `khabar gazetteer …`
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Validate gazetteer files: every error with its file and line, aliases shared by
    /// several entries, aliases that are common English words once case-folded (exit 1),
    /// and the romanised spellings that are not used because they would collide.
    Check {
        /// CSV, TSV or JSON Lines files (checked together, as one merged gazetteer).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also check against the bundled default gazetteer (shared aliases with it).
        #[arg(long)]
        with_default: bool,
    },
    /// Compile gazetteer files into one file that loads faster than it builds.
    Build {
        /// CSV, TSV or JSON Lines files, merged.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the compiled gazetteer.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
}

fn load(files: &[PathBuf]) -> Result<Gazetteer, khabar_gazetteer::Error> {
    let mut b = GazetteerBuilder::new();
    for f in files {
        b.add_path(f)?;
    }
    b.build()
}

/// Runs a `gazetteer` subcommand.
pub fn run(
    cmd: &GazetteerCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    match cmd {
        GazetteerCommand::Check {
            files,
            with_default,
        } => check(files, *with_default, out, err),
        GazetteerCommand::Build { files, output } => {
            let t = Instant::now();
            let gz = match load(files) {
                Ok(g) => g,
                Err(e) => {
                    writeln!(err, "khabar: {e}")?;
                    return Ok(EXIT_SOME_FAILED);
                }
            };
            let built = t.elapsed();
            if let Err(e) = gz.save(output) {
                writeln!(err, "khabar: {e}")?;
                return Ok(EXIT_SOME_FAILED);
            }
            let size = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
            writeln!(
                out,
                "wrote {}: {} entries, {} aliases, {} bytes (built in {:.2} s)",
                output.display(),
                gz.len(),
                gz.alias_count(),
                size,
                built.as_secs_f64()
            )?;
            Ok(EXIT_OK)
        }
    }
}

fn check(
    files: &[PathBuf],
    with_default: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    // Every problem of every file, each with its file and line — not only the first.
    // Built as the default gazetteer is (diacritics folded, romanised spellings), so that
    // what collides there is listed here.
    let mut b = GazetteerBuilder::new();
    b.collect_errors(true).strip_diacritics(true).romanise(true);
    let mut problems = Vec::new();
    for f in files {
        if let Err(e) = b.add_path(f) {
            problems.push(e);
        }
    }
    if with_default {
        match Gazetteer::default_gazetteer() {
            Ok(d) => {
                if let Err(e) = b.add_gazetteer(d) {
                    problems.push(e);
                }
            }
            Err(e) => writeln!(err, "khabar: default gazetteer: {e}")?,
        }
    }
    problems.extend(b.problems());
    let built = if problems.is_empty() {
        b.build().map_err(|e| problems.push(e)).ok()
    } else {
        None
    };
    let Some(gz) = built else {
        for p in &problems {
            writeln!(err, "khabar: {p}")?;
        }
        writeln!(err, "khabar: {} problem(s) found", problems.len())?;
        return Ok(EXIT_SOME_FAILED);
    };
    let names = files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let title = if with_default {
        format!("merged ({names} + the default gazetteer)")
    } else {
        names
    };
    // Folded alias → entries using it (case-sensitive aliases keep their case).
    let mut by_alias: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut common: Vec<(String, String)> = Vec::new();
    for e in gz.entries() {
        let cs: Vec<&str> = e.case_sensitive_aliases().collect();
        for a in e.aliases() {
            let sensitive = cs.contains(&a) || is_acronym(a);
            let key = if sensitive {
                a.to_owned()
            } else {
                fold_str(a).into_owned()
            };
            by_alias
                .entry(key.clone())
                .or_default()
                .push((e.id().to_owned(), a.to_owned()));
            if !sensitive && !key.contains(' ') && is_common_english(&key) {
                common.push((e.id().to_owned(), a.to_owned()));
            }
        }
    }
    let shared: Vec<(&String, &Vec<(String, String)>)> = by_alias
        .iter()
        .filter(|(_, v)| {
            let mut ids: Vec<&str> = v.iter().map(|(id, _)| id.as_str()).collect();
            ids.dedup();
            ids.len() > 1
        })
        .collect();
    writeln!(
        out,
        "{title}: {} entries, {} aliases — valid",
        gz.len(),
        gz.alias_count()
    )?;
    writeln!(
        out,
        "aliases shared by several entries: {} (ambiguous: matches list every candidate, best priority first)",
        shared.len()
    )?;
    for (alias, entries) in shared.iter().take(50) {
        let ids: Vec<&str> = entries.iter().map(|(id, _)| id.as_str()).collect();
        writeln!(out, "  {alias:?}: {}", ids.join(", "))?;
    }
    if shared.len() > 50 {
        writeln!(out, "  … {} more", shared.len() - 50)?;
    }
    let dropped = gz.dropped_variants();
    writeln!(
        out,
        "romanised spellings not used: {} (they would make English a place or collide with another entry)",
        dropped.len()
    )?;
    for d in dropped.iter().take(50) {
        writeln!(
            out,
            "  {:?} of {}: {}{}",
            d.variant,
            d.entry.map_or("(a spelling key)", |e| e.id()),
            d.reason,
            d.other.map(|o| format!(" {}", o.id())).unwrap_or_default()
        )?;
    }
    if dropped.len() > 50 {
        writeln!(out, "  … {} more", dropped.len() - 50)?;
    }
    writeln!(
        out,
        "aliases that are common English words when case-folded: {} (mark them case-sensitive or drop them)",
        common.len()
    )?;
    for (id, alias) in &common {
        writeln!(out, "  {alias:?} in {id}")?;
    }
    Ok(if common.is_empty() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    })
}
