//! The command line end to end, through `khabar_cli::run` (same code as the binary).

use khabar_cli::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, run};
use std::fs;

mod common;
use common::{TERMINAL, khabar, khabar_on, seeds};

#[test]
fn extract_table_is_the_default_on_a_terminal() {
    let (code, out, err) = khabar_on(&["extract", &seeds()], TERMINAL);
    assert_eq!(code, EXIT_OK, "{err}");
    assert_eq!(out.matches("  entities ").count(), 5, "{out}");
    assert!(out.contains("Islamic State Khorasan Province ×"), "{out}");
    assert!(
        out.contains("an estimated 4,000-6,000 fighters [4000–6000]"),
        "{out}"
    );
    assert!(err.contains("5 documents (0 failed)"), "{err}");
}

#[test]
fn extract_jsonl_is_the_document_schema_and_the_default_in_a_pipe() {
    let (code, out, _) = khabar(&["extract", &seeds(), "--reference-date", "2019-08-01"]);
    assert_eq!(code, EXIT_OK);
    let docs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON"))
        .collect();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0]["schema"], "khabar.document/2");
    assert_eq!(docs[0]["reference_date"], "2019-08-01");
    assert!(
        docs[0]["id"]
            .as_str()
            .is_some_and(|p| p.ends_with("000_676ffc0febd1901e.txt"))
    );
    assert!(docs[0].get("text").is_none() && docs[0].get("tokens").is_none());
    let q = docs[0]["quantities"]
        .as_array()
        .expect("quantities")
        .iter()
        .find(|q| q["text"] == "an estimated 4,000-6,000")
        .expect("range");
    assert_eq!(
        (q["low"].as_f64(), q["high"].as_f64()),
        (Some(4000.0), Some(6000.0))
    );
    let (_, out, _) = khabar(&[
        "extract",
        "--text",
        &format!("{}/000_676ffc0febd1901e.txt", seeds()),
    ]);
    let doc = khabar::Document::from_json(out.trim()).expect("reads back with --text");
    assert!(doc.text.starts_with("The Islamic State Khorasan"));
}

#[test]
fn reference_dates_come_from_a_csv_file_per_document() {
    let gold = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/gold/reference-dates.csv"
    );
    let refs = |out: &str| -> Vec<(String, String)> {
        out.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON"))
            .map(|d| {
                let src = d["reference_source"].as_str().unwrap_or("").to_owned();
                (d["reference_date"].as_str().unwrap_or("-").to_owned(), src)
            })
            .collect()
    };
    let (code, out, err) = khabar(&["extract", "--reference-dates", gold, &seeds()]);
    assert_eq!(code, EXIT_OK, "{err}");
    let given = |d: &str| (d.to_owned(), "given".to_owned());
    assert_eq!(
        refs(&out),
        [
            given("2019-08-01"),
            given("2018-01-26"),
            given("2021-11-01"),
            given("2021-08-28"),
            given("2021-11-09"),
        ]
    );
    // "eight years ago" in the first seed, which states no date: resolved against its row.
    assert!(
        out.contains(r#""text":"eight years ago","type":"DATE","value":"2011""#),
        "{out}"
    );

    // Unlisted documents follow --reference-date (here: found in the text, or none).
    let dir = tempfile::tempdir().expect("temp dir");
    let partial = dir.path().join("refs.csv");
    let with_table = |csv: &str| {
        fs::write(&partial, csv).expect("write");
        khabar(&[
            "extract",
            "--reference-dates",
            partial.to_str().expect("p"),
            &seeds(),
        ])
    };
    let (code, out, _) =
        with_table("file,reference_date\nseeds/000_676ffc0febd1901e.txt,2019-08-01\n");
    assert_eq!(code, EXIT_OK);
    let got = refs(&out);
    assert_eq!(got[0], given("2019-08-01"));
    assert_eq!(got[1], ("2018-01-26".to_owned(), "detected".to_owned()));
    assert_eq!(got[2], ("-".to_owned(), "none".to_owned()));

    // A bad row stops the run before any document, naming the file, line and value.
    let (code, out, err) = with_table("file,reference_date\na.txt,2019-08-01\nb.txt,26 Jan 2018\n");
    assert_eq!(code, EXIT_USAGE);
    assert!(out.is_empty());
    assert!(
        err.contains("refs.csv:3: reference_date \"26 Jan 2018\" is not a date (YYYY-MM-DD)"),
        "{err}"
    );
    let (code, _, err) = khabar(&["extract", "--reference-dates", "/no/such.csv", &seeds()]);
    assert_eq!(code, EXIT_USAGE);
    assert!(
        err.contains("--reference-dates: /no/such.csv: cannot read"),
        "{err}"
    );
}

#[test]
fn extract_csv_writes_one_file_per_record_kind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("out");
    let (code, out, err) = khabar(&[
        "extract",
        &seeds(),
        "--format",
        "csv",
        "--out",
        out_dir.to_str().expect("path"),
    ]);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains("entities.csv"));
    let mut rdr = csv::Reader::from_path(out_dir.join("quantities.csv")).expect("quantities.csv");
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    assert!(
        rows.iter()
            .any(|r| &r[3] == "an estimated 4,000-6,000" && &r[5] == "4000" && &r[6] == "6000")
    );
    let docs = fs::read_to_string(out_dir.join("documents.csv")).expect("documents.csv");
    assert_eq!(docs.lines().count(), 6);
    for f in ["entities.csv", "dates.csv"] {
        assert!(
            fs::read_to_string(out_dir.join(f))
                .expect("file")
                .lines()
                .count()
                > 10,
            "{f}"
        );
    }
    let (code, _, err) = khabar(&["extract", &seeds(), "--format", "csv"]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("--out DIR"));
}

#[test]
fn facts_rows_answer_how_many_who_where_when() {
    let (code, out, err) = khabar(&["facts", &seeds(), "--format", "jsonl"]);
    assert_eq!(code, EXIT_OK, "{err}");
    let facts: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let find = |low: f64, high: Option<f64>| {
        facts
            .iter()
            .find(|f| f["low"].as_f64() == Some(low) && f["high"].as_f64() == high)
            .expect("fact row")
    };
    let strength = find(4000.0, Some(6000.0));
    assert_eq!(strength["unit"], "fighters");
    assert_eq!(strength["subject"], "Islamic State Khorasan Province");
    assert_eq!(strength["when"], "2019");
    let killed = find(170.0, None);
    assert_eq!(
        (killed["unit"].as_str(), killed["place"].as_str()),
        (Some("people"), Some("Kabul"))
    );
    assert_eq!(find(2200.0, Some(4000.0))["unit"], "ISIS fighters");
    let (_, table, _) = khabar_on(&["facts", &seeds()], TERMINAL);
    assert!(table.starts_with("how many"), "{table}");
    let (_, csv_out, _) = khabar(&["facts", &seeds()]);
    assert!(
        csv_out.starts_with("doc,reference_date,quantity,"),
        "{csv_out}"
    );
    // The role and actor columns of the facts table are in the CSV too.
    let header = csv_out.lines().next().unwrap_or_default();
    assert!(
        header
            .ends_with(",role,victim_class,group,destination,perpetrator,target,subcount,sentence"),
        "{header}"
    );
    assert!(csv_out.contains(",strength,militants,"), "{csv_out}");
}

#[test]
fn user_gazetteers_merge_or_replace_the_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gz = dir.path().join("mine.csv");
    fs::write(
        &gz,
        "id,name,label,aliases\nX:SHURA,Nangarhar Shura,ORG,NS\n",
    )
    .expect("write");
    let doc = dir.path().join("doc.txt");
    fs::write(&doc, "The Nangarhar Shura met IS-K.").expect("write");
    let ids = |out: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
        v["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .map(|e| e["id"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let (_, out, _) = khabar(&[
        "extract",
        "--gazetteer",
        gz.to_str().expect("p"),
        doc.to_str().expect("p"),
    ]);
    assert_eq!(ids(&out), ["X:SHURA", "ISKP"]);
    let (_, out, _) = khabar(&[
        "extract",
        "--no-default-gazetteer",
        "--gazetteer",
        gz.to_str().expect("p"),
        doc.to_str().expect("p"),
    ]);
    assert_eq!(ids(&out), ["X:SHURA"]);
    let compiled = dir.path().join("mine.khg");
    let (code, out, err) = khabar(&[
        "gazetteer",
        "build",
        gz.to_str().expect("p"),
        "-o",
        compiled.to_str().expect("p"),
    ]);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains("1 entries"), "{out}");
    let (_, out, _) = khabar(&[
        "extract",
        "--no-default-gazetteer",
        "--gazetteer",
        compiled.to_str().expect("p"),
        doc.to_str().expect("p"),
    ]);
    assert_eq!(ids(&out), ["X:SHURA"]);
    let (code, _, err) = khabar(&[
        "extract",
        "--gazetteer",
        "/nonexistent.csv",
        doc.to_str().expect("p"),
    ]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("/nonexistent.csv"), "{err}");
    let (code, _, err) = khabar(&[
        "extract",
        "--reference-date",
        "2018-02-30",
        doc.to_str().expect("p"),
    ]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("2018-02-30"), "{err}");
}

#[test]
fn gazetteer_check_reports_errors_shared_aliases_and_common_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.csv");
    fs::write(&good, "id,name,label,aliases,case_sensitive\nDAWN,Dawn,ORG,Dawn|Dawn News,\nNATION,The Nation,ORG,The Nation|Nation,\nA,Kabul,GPE,Kabul,\nB,Kabul City,GPE,Kabul,\nIS,Islamic State,ORG,IS,IS\n").expect("write");
    let (code, out, _) = khabar(&["gazetteer", "check", good.to_str().expect("p")]);
    assert_eq!(code, EXIT_SOME_FAILED, "{out}");
    assert!(out.contains("5 entries"), "{out}");
    assert!(out.contains("\"kabul\": A, B"), "{out}");
    assert!(
        out.contains("\"Dawn\" in DAWN") && out.contains("\"Nation\" in NATION"),
        "{out}"
    );
    assert!(
        !out.contains("\"IS\" in IS"),
        "case-sensitive aliases do not collide: {out}"
    );
    let bad = dir.path().join("bad.csv");
    fs::write(
        &bad,
        "id,name,label,priority\nA,Alpha,ORG,1\nB,Beta,ORG,high\n",
    )
    .expect("write");
    let (code, _, err) = khabar(&["gazetteer", "check", bad.to_str().expect("p")]);
    assert_eq!(code, EXIT_SOME_FAILED);
    assert!(err.contains("bad.csv:3"), "{err}");
}

#[test]
fn gazetteer_check_reports_every_problem_with_its_line_and_the_khabar_prefix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.csv");
    fs::write(
        &bad,
        "id,name,label,priority,parent\nA,Alpha,ORG,1,\nB,Beta,ORG,high,\nC,,ORG,,\nA,Again,ORG,,\nD,Delta,ORG,,NOPE\nE,Echo,ORG\n",
    )
    .expect("write");
    let (code, out, err) = khabar(&["gazetteer", "check", bad.to_str().expect("p")]);
    assert_eq!(code, EXIT_SOME_FAILED, "{out}");
    for line in [
        "bad.csv:3",
        "bad.csv:4",
        "bad.csv:5",
        "bad.csv:6",
        "bad.csv:7",
    ] {
        assert!(err.contains(line), "{line} missing: {err}");
    }
    assert!(err.contains("5 problem(s) found"), "{err}");
    assert!(
        err.lines().all(|l| l.starts_with("khabar: ")),
        "every error line has the khabar: prefix: {err}"
    );
    assert!(!err.contains("error:"), "{err}");
}

#[test]
fn gazetteer_check_with_default_names_the_merged_totals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = dir.path().join("mine.csv");
    fs::write(&mine, "id,name,label\nX:BV,Badakhshan Volunteers,ORG\n").expect("write");
    let p = mine.to_str().expect("p");
    let (code, out, err) = khabar(&["gazetteer", "check", p]);
    assert_eq!(code, EXIT_OK, "{out}{err}");
    assert!(out.starts_with(&format!("{p}: 1 entries")), "{out}");
    let (_, out, err) = khabar(&["gazetteer", "check", "--with-default", p]);
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("merged ({p} + the default gazetteer): ")),
        "{first} {err}"
    );
    assert!(!first.contains(": 1 entries"), "{first}");
}

#[test]
fn gazetteer_check_passes_on_the_default_gazetteer_and_lists_unused_spellings() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../khabar-gazetteer/data/default"
    );
    let files: Vec<String> = ["organizations", "places", "norp", "persons"]
        .iter()
        .map(|f| format!("{dir}/{f}.csv"))
        .collect();
    let mut args = vec!["gazetteer", "check"];
    args.extend(files.iter().map(String::as_str));
    let (code, out, err) = khabar(&args);
    assert_eq!(code, EXIT_OK, "{err}{out}");
    assert!(
        out.contains("aliases that are common English words when case-folded: 0"),
        "{out}"
    );
    assert!(out.contains("romanised spellings not used: "), "{out}");
    // "Pul" would take "pull" and "pool" with it: its spelling key is not used.
    assert!(
        out.contains("spelling key of a common English word"),
        "{out}"
    );
}

#[test]
fn tokenize_and_sentences_commands() {
    let (code, out, _) = khabar(&["tokenize", &seeds()]);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("total: 5 documents"), "{out}");
    let (code, out, _) = khabar(&["tokenize", "--format", "jsonl", &seeds()]);
    assert_eq!(code, EXIT_OK);
    let first: serde_json::Value =
        serde_json::from_str(out.lines().next().expect("line")).expect("JSON");
    assert_eq!(first["tokens"][0]["text"], "The");
}

#[test]
fn bad_files_are_reported_counted_and_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("a_good.txt"), "Kabul is a city.").expect("write");
    fs::write(dir.path().join("b_latin1.txt"), b"Caf\xe9 in Kabul").expect("write");
    fs::write(dir.path().join("c_empty.txt"), "  \n").expect("write");
    fs::write(dir.path().join("d_good.txt"), "IS-K in Kunar.").expect("write");
    fs::write(dir.path().join(".hidden"), "ignored").expect("write");
    let missing = dir.path().join("nope.txt");
    let (code, out, err) = khabar(&[
        "extract",
        dir.path().to_str().expect("p"),
        missing.to_str().expect("p"),
    ]);
    assert_eq!(code, EXIT_SOME_FAILED);
    assert_eq!(out.lines().count(), 2, "both good documents written: {out}");
    assert!(
        err.contains("b_latin1.txt: not UTF-8 (invalid byte at offset 3)"),
        "{err}"
    );
    assert!(err.contains("c_empty.txt: empty"), "{err}");
    assert!(err.contains("nope.txt: cannot read"), "{err}");
    assert!(err.contains("2 documents (3 failed)"), "{err}");
    let (code, out, err) = khabar(&["sentences", dir.path().to_str().expect("p")]);
    assert_eq!(code, EXIT_SOME_FAILED);
    assert!(out.contains("a_good.txt:1\tKabul is a city."), "{out}");
    assert!(err.contains("2 documents processed, 2 failed"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = khabar(&["extract"]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("PATHS"), "{err}");
    let (code, _, _) = khabar(&["frobnicate"]);
    assert_eq!(code, EXIT_USAGE);
    let mut out = Vec::new();
    let code = run(["khabar", "--version"], &mut out, &mut Vec::new());
    assert_eq!(code, EXIT_OK);
    assert!(String::from_utf8_lossy(&out).starts_with("khabar "));
}
