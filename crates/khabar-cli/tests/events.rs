//! `khabar events` end to end, through `khabar_cli::run`.

use khabar_cli::{EXIT_OK, EXIT_USAGE, Terminal};
use std::fs;

mod common;

fn khabar(args: &[&str], stdout_terminal: bool) -> (i32, String, String) {
    let terminal = Terminal {
        stdout: stdout_terminal,
        stderr: false,
    };
    common::khabar_on(args, terminal)
}

fn reports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("a.txt"),
        "On 11 May 2019, 4 Afghan policemen were killed and 5 wounded by Taliban militants in \
         Takhar.",
    )
    .expect("write");
    fs::write(
        dir.path().join("b.txt"),
        "NDS forces arrested 11 ISIS-K members in Kabul, officials said.",
    )
    .expect("write");
    dir
}

#[test]
fn events_csv_has_one_row_per_incident() {
    let dir = reports();
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, err) = khabar(&["events", &path, "--format", "csv"], false);
    assert_eq!(code, EXIT_OK, "{err}");
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rd
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, khabar_cli::events::EVENT_COLUMNS);
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2, "{out}");
    let a = rows.iter().find(|r| r[0].ends_with("a.txt")).expect("a");
    assert_eq!(&a[1], "attack");
    assert_eq!(&a[2], "2019-05-11");
    assert_eq!(&a[4], "Takhar");
    assert_eq!(&a[8], "Taliban");
    assert_eq!((&a[10], &a[11]), ("4", "5"));
    let b = rows.iter().find(|r| r[0].ends_with("b.txt")).expect("b");
    assert_eq!((&b[1], &b[12]), ("arrest", "11"));
}

#[test]
fn events_jsonl_and_table() {
    let dir = reports();
    let path = dir.path().join("a.txt").to_string_lossy().into_owned();
    let (code, out, err) = khabar(&["events", &path, "--format", "jsonl"], false);
    assert_eq!(code, EXIT_OK, "{err}");
    let v: serde_json::Value =
        serde_json::from_str(out.lines().next().expect("a line")).expect("json");
    assert_eq!(v["type"], "attack");
    assert_eq!(v["counts"]["killed"], 4.0);
    assert_eq!(v["perpetrator"]["name"], "Taliban");
    assert!(v["doc"].as_str().is_some_and(|d| d.ends_with("a.txt")));
    let (code, out, err) = khabar(&["events", &path], true);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.starts_with("type"), "{out}");
    assert!(
        out.contains("Taliban") && out.contains("2019-05-11"),
        "{out}"
    );
}

#[test]
fn events_needs_a_path() {
    let (code, _, err) = khabar(&["events"], false);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("PATH"), "{err}");
}
