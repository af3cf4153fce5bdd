//! What a new user trips over on the command line (issue 19): unused reference-date rows,
//! zero counts, the facts table and its help, plurals, durations and error prefixes.

use khabar_cli::{EXIT_OK, EXIT_USAGE};
use std::fs;

mod common;
use common::{TERMINAL, khabar, khabar_on, seed, seeds};

#[test]
fn a_reference_dates_row_matching_no_document_is_a_warning_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let refs = dir.path().join("refs.csv");
    fs::write(
        &refs,
        "file,reference_date\n000_676ffc0febd1901e.txt,2019-08-01\n000_676ffc0febd1901.txt,2019-08-01\n",
    )
    .expect("write");
    let refs = refs.display().to_string();
    let (code, out, err) = khabar(&[
        "extract",
        &seed("000_676ffc0febd1901e.txt"),
        "--reference-dates",
        &refs,
    ]);
    assert_eq!(code, EXIT_OK, "a warning, not an error: {err}");
    assert!(out.contains(r#""reference_date":"2019-08-01""#), "{out}");
    let warning = format!(
        "khabar: warning: --reference-dates {refs}:3: file \"000_676ffc0febd1901.txt\" matched no document"
    );
    assert!(err.contains(&warning), "{err}");
    assert_eq!(err.matches("warning").count(), 1, "{err}");
}

#[test]
fn zero_threads_or_batch_size_is_refused_with_the_reason() {
    for option in ["--threads", "--batch-size"] {
        for cmd in ["extract", "facts"] {
            let (code, out, err) = khabar(&[cmd, &seeds(), option, "0"]);
            assert_eq!(code, EXIT_USAGE, "{cmd} {option} 0: {err}");
            assert!(out.is_empty());
            assert!(err.starts_with("khabar: "), "{err}");
            assert!(
                err.contains(option) && err.contains("must be at least 1"),
                "{err}"
            );
        }
    }
    let (code, _, err) = khabar(&["extract", &seeds(), "--threads", "1", "--batch-size", "1"]);
    assert_eq!(code, EXIT_OK, "{err}");
}

#[test]
fn facts_help_tells_the_default_format_it_uses() {
    let (code, help, _) = khabar(&["facts", "--help"]);
    assert_eq!(code, EXIT_OK);
    assert!(
        help.contains("default: table on a terminal, csv otherwise"),
        "{help}"
    );
    assert!(!help.contains("the default otherwise"), "{help}");
    // …and that is what it does in a pipe.
    let (code, out, err) = khabar(&["facts", &seed("000_676ffc0febd1901e.txt")]);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.starts_with("doc,reference_date,quantity,"), "{out}");
    let (_, help, _) = khabar(&["extract", "--help"]);
    assert!(
        help.contains("default: table on a terminal, jsonl otherwise"),
        "{help}"
    );
}

#[test]
fn the_facts_table_shows_every_fact() {
    let refs = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/gold/reference-dates.csv"
    );
    let args = ["facts", &seeds(), "--reference-dates", refs];
    let (code, csv_out, err) = khabar(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(code, EXIT_OK, "{err}");
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv_out.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .expect("CSV");
    let (code, table, err) = khabar_on(&args, TERMINAL);
    assert_eq!(code, EXIT_OK, "{err}");
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("how many"), "{table}");
    assert_eq!(lines.len() - 1, rows.len(), "one line per fact: {table}");
    // A quantity that counts no noun is a row too, its "of what" a dash.
    // doc, reference_date, quantity, kind, low, high, approx, vague, unit, …
    const UNIT: usize = 8;
    let without_unit = rows
        .iter()
        .filter(|r| r.get(UNIT).is_some_and(str::is_empty))
        .count();
    assert!(without_unit > 0, "the seeds have facts without a noun");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("about 3000 ") && l.contains(" -  ")),
        "{table}"
    );
}

#[test]
fn counts_agree_in_number_and_short_runs_read_in_milliseconds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = dir.path().join("one.txt");
    fs::write(&one, "IS-K claimed one attack in Kabul.").expect("write");
    let one = one.display().to_string();
    let (code, out, err) = khabar_on(&["extract", &one], TERMINAL);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains(" · 1 sentence · "), "{out}");
    assert!(
        err.starts_with("khabar: 1 document (0 failed), 2 entities, 1 quantity, 0 dates in "),
        "{err}"
    );
    // The duration's unit, not its value: "45 ms" or "1.2 s", never "0.00 s".
    let took = err
        .split(" in ")
        .nth(1)
        .and_then(|s| s.split(" (").next())
        .unwrap_or("");
    let (number, unit) = took.split_once(' ').unwrap_or(("", ""));
    assert!(
        (unit == "ms" && number.parse::<u64>().is_ok())
            || (unit == "s" && number.contains('.'))
            || unit.starts_with("min"),
        "{err}"
    );
    let (_, out, _) = khabar(&["tokenize", &one]);
    assert!(out.contains("total: 1 document "), "{out}");
}

#[test]
fn a_bad_reference_date_says_what_is_accepted() {
    let (code, _, err) = khabar(&["extract", &seeds(), "--reference-date", "26/1/2018"]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.starts_with("khabar: --reference-date"), "{err}");
    assert!(
        err.contains("26/1/2018")
            && err.contains("YYYY-MM-DD")
            && err.contains("`auto`")
            && err.contains("`none`"),
        "{err}"
    );
}

#[test]
fn every_error_is_prefixed_khabar() {
    for args in [
        &["extract"][..],
        &["extract", "--no-such-option", "x"],
        &["no-such-command"],
        &["facts", "x", "--format", "xml"],
    ] {
        let (code, _, err) = khabar(args);
        assert_eq!(code, EXIT_USAGE, "{args:?}");
        assert!(err.starts_with("khabar: "), "{args:?}: {err}");
        assert!(!err.contains("error:"), "{args:?}: {err}");
    }
}
