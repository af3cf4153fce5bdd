//! Loaders, merging and their errors.

use khabar_gazetteer::{Entry, Error, Gazetteer, Source};

const CSV: &str = "\
id,name,label,aliases,case_sensitive,country,parent,lat,lon,wikidata,priority,type
AF,Afghanistan,GPE,Afghanistan|Islamic Republic of Afghanistan,,AF,,33.0,65.0,Q889,3,country
GEO:AF-JOW,Jowzjan,GPE,\"Jowzjan|Jawzjan|Jowzjān, Province\",,AF,AF,36.9,65.7,,2,province
ISKP,Islamic State Khorasan Province,ORG,IS-K|ISKP|ISK,ISK,AF,,,,,1,militant_org
";

fn csv_gz(csv: &str) -> Result<Gazetteer, Error> {
    Gazetteer::builder()
        .add_csv_reader(csv.as_bytes(), "test.csv")?
        .build()
}

fn at(file: &str, line: u64, column: Option<u64>) -> Source {
    Source {
        file: Some(file.into()),
        line: Some(line),
        column,
        field: None,
    }
}

fn strip_field(mut s: Source) -> Source {
    s.field = None;
    s
}

#[test]
fn csv_fields_and_attributes() {
    let gz = csv_gz(CSV).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(gz.len(), 3);
    let jow = gz.get("GEO:AF-JOW").unwrap_or_else(|| panic!("entry"));
    assert_eq!(jow.name(), "Jowzjan");
    assert_eq!(jow.label(), "GPE");
    assert_eq!(jow.country(), Some("AF"));
    assert_eq!(jow.parent().map(|p| p.id()), Some("AF"));
    assert_eq!(jow.lat(), Some(36.9));
    assert_eq!(jow.lon(), Some(65.7));
    assert_eq!(jow.priority(), 2);
    assert_eq!(jow.wikidata(), None);
    assert_eq!(jow.attr("type"), Some("province"));
    let aliases: Vec<&str> = jow.aliases().collect();
    assert_eq!(aliases, ["Jowzjan", "Jawzjan", "Jowzjān, Province"]);
    let iskp = gz.get("ISKP").unwrap_or_else(|| panic!("entry"));
    // "ISK" is listed; "IS-K" and "ISKP" are acronyms by the default rule.
    let cs: Vec<&str> = iskp.case_sensitive_aliases().collect();
    assert_eq!(cs, ["IS-K", "ISKP", "ISK"]);
    assert_eq!(gz.get("AF").and_then(|e| e.wikidata()), Some("Q889"));
    // Round trip through an owned entry.
    let owned = iskp.to_entry();
    assert_eq!(owned.attrs["type"], "militant_org");
    assert_eq!(owned.priority, 1);
}

#[test]
fn tsv_and_jsonl_read_the_same_entries() {
    let tsv = CSV
        .lines()
        .map(|l| {
            // The test CSV quotes only one cell; unquote it and use tabs.
            let l = l.replace(
                "\"Jowzjan|Jawzjan|Jowzjān, Province\"",
                "Jowzjan|Jawzjan|Jowzjān; Province",
            );
            l.replace(',', "\t").replace(';', ",")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let from_tsv = Gazetteer::builder()
        .add_tsv_reader(tsv.as_bytes(), "test.tsv")
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e}"));
    let from_csv = csv_gz(CSV).unwrap_or_else(|e| panic!("{e}"));
    let jsonl: String = from_csv
        .entries()
        .map(|e| serde_json::to_string(&e.to_entry()).unwrap_or_default() + "\n\n")
        .collect();
    let from_jsonl = Gazetteer::builder()
        .add_jsonl_reader(jsonl.as_bytes(), "test.jsonl")
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e}"));
    for gz in [&from_tsv, &from_jsonl] {
        let a: Vec<Entry> = gz.entries().map(|e| e.to_entry()).collect();
        let b: Vec<Entry> = from_csv.entries().map(|e| e.to_entry()).collect();
        assert_eq!(a, b);
    }
}

#[test]
fn jsonl_attrs_and_arrays() {
    let line = r#"{"id":"X","name":"Xland","label":"GPE","aliases":["Ex Land"],"case_sensitive":["XL"],"attrs":{"k":"v"},"lat":1.5}"#;
    let gz = Gazetteer::builder()
        .add_jsonl_reader(line.as_bytes(), "x.jsonl")
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e}"));
    let x = gz.get("X").unwrap_or_else(|| panic!("entry"));
    assert_eq!(x.attr("k"), Some("v"));
    assert_eq!(x.lat(), Some(1.5));
    assert_eq!(gz.find("XL and ex land").len(), 2);
    assert_eq!(gz.find("xl").len(), 0);
}

#[test]
fn malformed_rows_name_file_line_and_column() {
    // A row with too few fields.
    let bad = "id,name,label,aliases\nA,Alpha,ORG,A1\nB,Beta\n";
    match csv_gz(bad) {
        Err(Error::Parse { at, .. }) => assert_eq!(*at, at_line("test.csv", 3)),
        other => panic!("{other:?}"),
    }
    // A latitude that is not a number: line 2, column 5 (lat).
    let bad = "id,name,label,aliases,lat\nA,Alpha,ORG,A1,north\n";
    match csv_gz(bad) {
        Err(Error::Parse { at, message }) => {
            assert_eq!(strip_field(*at.clone()), at_col("test.csv", 2, 5));
            assert_eq!(at.field.as_deref(), Some("lat"));
            assert!(message.contains("north"));
            assert_eq!(
                Error::Parse { at, message }.to_string(),
                "test.csv:2:5 (lat): \"north\" is not a number"
            );
        }
        other => panic!("{other:?}"),
    }
    // A bad priority.
    let bad = "id,name,label,priority\nA,Alpha,ORG,high\n";
    assert!(matches!(csv_gz(bad), Err(Error::Parse { at, .. }) if at.column == Some(4)));
    // Missing required column.
    let bad = "id,name,aliases\nA,Alpha,A1\n";
    assert!(matches!(csv_gz(bad), Err(Error::Parse { at, .. }) if at.line == Some(1)));
    // Empty name.
    let bad = "id,name,label\nA,,ORG\n";
    assert!(
        matches!(csv_gz(bad), Err(Error::EmptyField { field: "name", at, .. }) if at.line == Some(2) && at.column == Some(2))
    );
    // Invalid JSON: line 2, with its column.
    let bad = "{\"id\":\"A\",\"name\":\"A\",\"label\":\"X\"}\n{\"id\": \"B\", \"name\": }\n";
    match Gazetteer::builder().add_jsonl_reader(bad.as_bytes(), "x.jsonl") {
        Err(Error::Parse { at, .. }) => {
            assert_eq!(at.file.as_deref(), Some("x.jsonl"));
            assert_eq!(at.line, Some(2));
            assert!(at.column.is_some());
        }
        other => panic!("{other:?}"),
    }
    // Unknown JSON field.
    let bad = "{\"id\":\"A\",\"name\":\"A\",\"label\":\"X\",\"alias\":[]}\n";
    assert!(
        Gazetteer::builder()
            .add_jsonl_reader(bad.as_bytes(), "x.jsonl")
            .is_err()
    );
}

fn at_line(file: &str, line: u64) -> Source {
    at(file, line, None)
}

fn at_col(file: &str, line: u64, col: u64) -> Source {
    at(file, line, Some(col))
}

#[test]
fn empty_alias_is_an_error() {
    let bad = "id,name,label,aliases\nA,Alpha,ORG,A1||A2\n";
    match csv_gz(bad) {
        Err(Error::EmptyAlias { id, at }) => {
            assert_eq!(id, "A");
            assert_eq!(strip_field(*at), at_col("test.csv", 2, 4));
        }
        other => panic!("{other:?}"),
    }
    // From code, and an alias that folds to nothing.
    let r = Gazetteer::from_entries([Entry::new("A", "Alpha", "ORG").with_alias(" ")]);
    assert!(matches!(r, Err(Error::EmptyAlias { .. })));
    let r = Gazetteer::from_entries([Entry::new("A", "Alpha", "ORG").with_alias("\u{ad}")]);
    assert!(matches!(r, Err(Error::EmptyAlias { .. })), "{r:?}");
}

#[test]
fn duplicate_ids_name_both_places() {
    let a = "id,name,label\nX,Ex,ORG\n";
    let b = "id,name,label\nY,Why,ORG\nX,Ex again,ORG\n";
    let r = Gazetteer::builder()
        .add_csv_reader(a.as_bytes(), "a.csv")
        .and_then(|g| g.add_csv_reader(b.as_bytes(), "b.csv"))
        .and_then(|g| g.build());
    match r {
        Err(Error::DuplicateId { id, first, second }) => {
            assert_eq!(id, "X");
            assert_eq!(*first, at_line("a.csv", 2));
            assert_eq!(*second, at_line("b.csv", 3));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn parents_are_checked_unless_turned_off() {
    let csv = "id,name,label,parent\nA,Alpha,GPE,NOPE\n";
    assert!(matches!(csv_gz(csv), Err(Error::UnknownParent { parent, .. }) if parent == "NOPE"));
    let gz = Gazetteer::builder()
        .check_parents(false)
        .add_csv_reader(csv.as_bytes(), "t.csv")
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e}"));
    let a = gz.get("A").unwrap_or_else(|| panic!("entry"));
    assert_eq!(a.parent_id(), Some("NOPE"));
    assert!(a.parent().is_none());
}

#[test]
fn merging_gazetteers() {
    let base = csv_gz(CSV).unwrap_or_else(|e| panic!("{e}"));
    let extra = Gazetteer::from_entries([
        Entry::new("TTP", "Tehrik-e-Taliban Pakistan", "ORG").with_alias("Pakistani Taliban")
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    let merged = Gazetteer::builder()
        .add_gazetteer(&base)
        .and_then(|b| b.add_gazetteer(&extra))
        .and_then(|b| b.build())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.len(), 4);
    let text = "ISK and the Pakistani Taliban in Jawzjan";
    let ids: Vec<&str> = merged.find(text).iter().map(|m| m.entry().id()).collect();
    assert_eq!(ids, ["ISKP", "TTP", "GEO:AF-JOW"]);
    // Merging the same gazetteer twice is a duplicate.
    let twice = Gazetteer::builder()
        .add_gazetteer(&base)
        .and_then(|b| b.add_gazetteer(&base))
        .and_then(|b| b.build());
    assert!(matches!(twice, Err(Error::DuplicateId { .. })));
}

#[test]
fn files_on_disk() {
    let dir = std::env::temp_dir().join(format!("khabar-gz-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let csv = dir.join("g.csv");
    std::fs::write(&csv, CSV).unwrap_or_else(|e| panic!("{e}"));
    let gz = Gazetteer::from_csv_path(&csv).unwrap_or_else(|e| panic!("{e}"));
    let bin = dir.join("g.khgz");
    gz.save(&bin).unwrap_or_else(|e| panic!("{e}"));
    let again = Gazetteer::load(&bin).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.len(), gz.len());
    assert_eq!(again.find("Jawzjan")[0].entry().id(), "GEO:AF-JOW");
    let missing = Gazetteer::from_csv_path(dir.join("missing.csv"));
    assert!(matches!(missing, Err(Error::Io { .. })));
    assert!(matches!(
        Gazetteer::from_bytes(b"not a gazetteer"),
        Err(Error::Decode(_))
    ));
    let _ = std::fs::remove_dir_all(&dir);
}
