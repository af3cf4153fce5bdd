//! The command line end to end, through `khabar_cli::run` (same code as the binary).

use khabar_cli::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, run};
use std::fs;

fn khabar(args: &[&str]) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("khabar").chain(args.iter().copied());
    let code = run(argv, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap_or_default(),
        String::from_utf8(err).unwrap_or_default(),
    )
}

fn seeds() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds").to_owned()
}

#[test]
fn tokenize_table_summarises_the_seeds() {
    let (code, out, err) = khabar(&["tokenize", &seeds()]);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains("total: 5 documents"), "{out}");
    assert_eq!(out.lines().count(), 7);
}

#[test]
fn tokenize_jsonl_is_one_valid_object_per_document() {
    let (code, out, _) = khabar(&["tokenize", "--format", "jsonl", &seeds()]);
    assert_eq!(code, EXIT_OK);
    let docs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON"))
        .collect();
    assert_eq!(docs.len(), 5);
    let first = &docs[0]["tokens"][0];
    assert_eq!(first["text"], "The");
    assert_eq!(first["kind"], "word");
}

#[test]
fn bad_files_are_reported_counted_and_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a_good.txt"), "Kabul is a city.").expect("write");
    fs::write(dir.path().join("b_latin1.txt"), b"Caf\xe9 in Kabul").expect("write");
    fs::write(dir.path().join("c_empty.txt"), "  \n").expect("write");
    fs::write(dir.path().join(".hidden"), "ignored").expect("write");
    let missing = dir.path().join("nope.txt");
    let (code, out, err) = khabar(&[
        "sentences",
        dir.path().to_str().expect("utf-8 path"),
        missing.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, EXIT_SOME_FAILED);
    assert!(out.contains("a_good.txt:1\tKabul is a city."), "{out}");
    assert!(
        err.contains("b_latin1.txt: not UTF-8 (invalid byte at offset 3)"),
        "{err}"
    );
    assert!(err.contains("c_empty.txt: empty"), "{err}");
    assert!(err.contains("nope.txt: cannot read"), "{err}");
    assert!(err.contains("1 documents processed, 3 failed"), "{err}");
    assert!(!out.contains("ignored") && !err.contains("hidden"));
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = khabar(&["tokenize"]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("PATHS"), "{err}");
    let (code, _, _) = khabar(&["frobnicate"]);
    assert_eq!(code, EXIT_USAGE);
    let (code, out, _) = khabar(&["--version"]);
    assert_eq!(code, EXIT_OK);
    assert!(out.starts_with("khabar "));
}
