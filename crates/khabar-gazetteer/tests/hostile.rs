//! Hostile gazetteer files and texts: a BOM, CRLF, bad UTF-8 (an error with its line), empty
//! aliases and duplicate ids (errors naming the places), a 10,000-character alias, many
//! aliases, and texts with every space and dash, NUL bytes and right-to-left script. (A
//! million aliases run against the release build in tests/python/test_hostile.py.)

use khabar_gazetteer::{Entry, Error, Gazetteer};

const HEADER: &str = "id,name,label,aliases";

fn csv(bytes: &[u8]) -> Result<Gazetteer, Error> {
    Gazetteer::builder().add_csv_reader(bytes, "g.csv")?.build()
}

fn tsv(bytes: &[u8]) -> Result<Gazetteer, Error> {
    Gazetteer::builder().add_tsv_reader(bytes, "g.tsv")?.build()
}

fn jsonl(bytes: &[u8]) -> Result<Gazetteer, Error> {
    Gazetteer::builder()
        .add_jsonl_reader(bytes, "g.jsonl")?
        .build()
}

fn ok(r: Result<Gazetteer, Error>) -> Gazetteer {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// Ids and texts of the leftmost-longest matches.
fn found<'t>(gz: &Gazetteer, text: &'t str) -> Vec<(&'t str, String)> {
    gz.find(text)
        .iter()
        .map(|m| (m.as_str(text), m.entry().id().to_owned()))
        .collect()
}

fn line_of(e: &Error) -> Option<(Option<&str>, Option<u64>)> {
    match e {
        Error::Parse { at, .. } | Error::EmptyAlias { at, .. } | Error::EmptyField { at, .. } => {
            Some((at.file.as_deref(), at.line))
        }
        _ => None,
    }
}

#[test]
fn bom_and_crlf_load_like_plain_files() {
    let plain = format!("{HEADER}\nKBL,Kabul,GPE,Kabul|Kābul\nJBD,Jalalabad,GPE,\n");
    let crlf = plain.replace('\n', "\r\n");
    let text = "From Kābul to Jalalabad";
    let want = vec![("Kābul", "KBL".to_owned()), ("Jalalabad", "JBD".to_owned())];
    for body in [
        plain.clone(),
        crlf.clone(),
        format!("\u{feff}{plain}"),
        format!("\u{feff}{crlf}"),
    ] {
        let gz = ok(csv(body.as_bytes()));
        assert_eq!(gz.len(), 2, "{body:?}");
        let kbl = gz
            .get("KBL")
            .unwrap_or_else(|| panic!("no KBL in {body:?}"));
        // No stray \r or BOM in any value.
        assert_eq!(kbl.aliases().collect::<Vec<_>>(), ["Kabul", "Kābul"]);
        assert_eq!(gz.get("JBD").map(|e| e.label()), Some("GPE"));
        assert_eq!(found(&gz, text), want);
        let tabbed = body.replace(',', "\t");
        let gz = ok(tsv(tabbed.as_bytes()));
        assert_eq!(found(&gz, text), want, "TSV {tabbed:?}");
    }
    let lines = "{\"id\":\"KBL\",\"name\":\"Kabul\",\"label\":\"GPE\",\"aliases\":[\"Kābul\"]}\n{\"id\":\"JBD\",\"name\":\"Jalalabad\",\"label\":\"GPE\"}\n";
    for body in [
        lines.to_owned(),
        lines.replace('\n', "\r\n"),
        format!("\u{feff}{lines}"),
    ] {
        let gz = ok(jsonl(body.as_bytes()));
        assert_eq!(found(&gz, text), want, "JSONL {body:?}");
    }
}

#[test]
fn bad_utf8_is_an_error_with_its_line() {
    let mut body = format!("{HEADER}\nA,Alpha,ORG,\nB,Beta,ORG,").into_bytes();
    body.extend_from_slice(b"B\xff\xfe\nC,Gamma,ORG,\n");
    let e = csv(&body)
        .err()
        .unwrap_or_else(|| panic!("bad UTF-8 accepted"));
    assert_eq!(line_of(&e), Some((Some("g.csv"), Some(3))), "{e}");
    assert!(e.to_string().starts_with("g.csv:3"), "{e}");
    assert!(e.to_string().contains("UTF-8"), "{e}");
    let tabbed: Vec<u8> = body
        .iter()
        .map(|&b| if b == b',' { b'\t' } else { b })
        .collect();
    let e = tsv(&tabbed)
        .err()
        .unwrap_or_else(|| panic!("bad UTF-8 accepted"));
    assert_eq!(line_of(&e), Some((Some("g.tsv"), Some(3))), "{e}");
    // In the header.
    let e = csv(b"id,na\xc3me,label\n")
        .err()
        .unwrap_or_else(|| panic!("bad header accepted"));
    assert_eq!(line_of(&e), Some((Some("g.csv"), Some(1))), "{e}");
    // JSON Lines.
    let mut body = b"{\"id\":\"A\",\"name\":\"A\",\"label\":\"X\"}\n\n".to_vec();
    body.extend_from_slice(b"{\"id\":\"B\xc0\",\"name\":\"B\",\"label\":\"X\"}\n");
    let e = jsonl(&body)
        .err()
        .unwrap_or_else(|| panic!("bad UTF-8 accepted"));
    assert_eq!(line_of(&e), Some((Some("g.jsonl"), Some(3))), "{e}");
    assert!(e.to_string().starts_with("g.jsonl:3"), "{e}");
}

#[test]
fn empty_aliases_and_duplicate_ids_are_errors_naming_the_place() {
    for aliases in ["|A", "A|", "A| |B", "|"] {
        let body = format!("{HEADER}\nX,Ex,ORG,ok\nA,Alpha,ORG,\"{aliases}\"\n");
        match csv(body.as_bytes()) {
            Err(Error::EmptyAlias { id, at }) => {
                assert_eq!((id.as_str(), at.line, at.column), ("A", Some(3), Some(4)));
            }
            other => panic!("{aliases:?}: {other:?}"),
        }
    }
    // An empty aliases cell is no aliases (the name is still matched).
    let gz = ok(csv(format!("{HEADER}\nA,Alpha,ORG,\n").as_bytes()));
    assert_eq!(found(&gz, "Alpha"), [("Alpha", "A".to_owned())]);
    match jsonl(b"{\"id\":\"A\",\"name\":\"A\",\"label\":\"X\",\"aliases\":[\"\"]}\n") {
        Err(Error::EmptyAlias { at, .. }) => assert_eq!(at.line, Some(1)),
        other => panic!("{other:?}"),
    }
    // Duplicate ids in one file: both lines named.
    let body = format!("{HEADER}\nA,Alpha,ORG,\nB,Beta,ORG,\nA,Alpha again,ORG,\n");
    match csv(body.as_bytes()) {
        Err(e @ Error::DuplicateId { .. }) => {
            assert_eq!(
                e.to_string(),
                "duplicate id \"A\" at g.csv:4 (first defined at g.csv:2)"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_ten_thousand_character_alias() {
    // One token of 10,000 letters, and 2,000 words of 5 characters.
    let one_token = "k".repeat(10_000);
    let words = "Zarq ".repeat(2_000).trim_end().to_owned();
    assert_eq!(words.len(), 9_999);
    let gz = ok(Gazetteer::from_entries([
        Entry::new("LONG", "long", "X").with_alias(one_token.clone()),
        Entry::new("WORDS", "words", "X").with_alias(words.clone()),
    ]));
    let text = format!("a {one_token} b {words} c {}", &words[5..]);
    let got = found(&gz, &text);
    assert_eq!(
        got,
        [
            (one_token.as_str(), "LONG".to_owned()),
            (words.as_str(), "WORDS".to_owned())
        ]
    );
    // One letter short is not a match.
    assert!(found(&gz, &one_token[1..]).is_empty());
    // Reloading the compiled form keeps the alias.
    let bytes = gz.to_bytes().unwrap_or_else(|e| panic!("{e}"));
    let back = Gazetteer::from_bytes(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found(&back, &text), got);
}

#[test]
fn many_aliases() {
    // 50,000 aliases over 5,000 entries (a million run in the Python tests, in release mode).
    let mut body = String::from(HEADER);
    body.push('\n');
    for i in 0..5_000 {
        let aliases: Vec<String> = (0..10).map(|j| format!("place{i}x{j}")).collect();
        body.push_str(&format!("E{i},Entry {i},GPE,{}\n", aliases.join("|")));
    }
    let gz = ok(csv(body.as_bytes()));
    assert_eq!(gz.len(), 5_000);
    assert_eq!(
        gz.alias_count(),
        55_000,
        "ten aliases plus the name per entry"
    );
    let text = "near place4999x9, place0x0 and place123x4 but not place5000x0";
    assert_eq!(
        found(&gz, text),
        [
            ("place4999x9", "E4999".to_owned()),
            ("place0x0", "E0".to_owned()),
            ("place123x4", "E123".to_owned())
        ]
    );
}

#[test]
fn hostile_texts_match_exactly() {
    let gz = ok(Gazetteer::from_entries([
        Entry::new("ISKP", "Islamic State Khorasan Province", "ORG").with_alias("IS-K"),
        Entry::new("DB", "Dasht-e-Barchi", "LOC"),
        Entry::new("KBL", "Kabul", "GPE").with_alias("کابل"),
        Entry::new("AND", "and", "X").with_alias("and and"),
    ]));
    // Every dash that folds to a hyphen, with and without spaces around it.
    for d in [
        '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
        '\u{FE58}', '\u{FE63}', '\u{FF0D}',
    ] {
        for text in [
            format!("IS{d}K"),
            format!("IS {d}K"),
            format!("Dasht{d}e{d}Barchi"),
        ] {
            assert_eq!(gz.find(&text).len(), 1, "{text:?}");
            assert_eq!(gz.find(&text)[0].span().end, text.len());
        }
    }
    // Every space inside a multi-word alias.
    for sp in [
        '\t', '\n', '\u{0B}', '\u{0C}', '\r', ' ', '\u{85}', '\u{A0}', '\u{1680}', '\u{2003}',
        '\u{2009}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}',
    ] {
        let text = format!("x and{sp}and y");
        assert_eq!(
            found(&gz, &text),
            [(&text[2..text.len() - 2], "AND".to_owned())],
            "U+{:04X}",
            sp as u32
        );
    }
    // NUL bytes are token boundaries; right-to-left text with direction marks.
    let text = "\0Kabul\0\u{200F}کابل\u{200E} and and and";
    let got = found(&gz, text);
    assert_eq!(got[0], ("Kabul", "KBL".to_owned()));
    assert_eq!(got[1].1, "KBL");
    assert!(got[1].0.contains("کابل"));
    // "and and and": leftmost-longest takes the first pair, then the lone "and".
    assert_eq!(
        &got[2..],
        [("and and", "AND".to_owned()), ("and", "AND".to_owned())]
    );
}
