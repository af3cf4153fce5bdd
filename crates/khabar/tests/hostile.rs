//! The whole pipeline on hostile input: one long line made of many copies of an article,
//! NUL bytes, every Unicode space, right-to-left script, "and and and …". Each test checks the
//! exact output. (The 50 MB line and the million-number inputs run against the release build
//! in tests/python/test_hostile.py.)

use khabar::{Document, Pipeline, ReferenceDate, Span};
use std::sync::OnceLock;

fn nlp() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let date = ReferenceDate::parse("2019-08-01").unwrap_or_else(|e| panic!("{e}"));
        Pipeline::builder()
            .reference_date(date)
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

fn seed() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../seeds/000_676ffc0febd1901e.txt"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (start, end, id) of every entity, shifted by `by`.
fn entities(doc: &Document, by: usize) -> Vec<(usize, usize, String)> {
    doc.entities
        .iter()
        .map(|e| (e.span.start + by, e.span.end + by, e.id().to_owned()))
        .collect()
}

fn assert_exact(doc: &Document) {
    let t = doc.text.as_str();
    for (span, text) in doc
        .entities
        .iter()
        .map(|e| (e.span, &e.text))
        .chain(doc.quantities.iter().map(|q| (q.span, &q.text)))
        .chain(doc.dates.iter().map(|d| (d.span, &d.text)))
    {
        assert_eq!(span.slice(t), Some(text.as_str()));
    }
}

#[test]
fn a_long_line_finds_what_its_pieces_find() {
    // The article as one line (newlines become spaces), 12 times over, with no newline at all.
    let piece = seed().replace(['\n', '\r'], " ");
    let piece = format!("{} ", piece.trim_end());
    let copies = 12;
    let line = piece.repeat(copies);
    assert!(!line.contains('\n'));
    let one = nlp().process(&piece);
    let all = nlp().process(&line);
    assert_exact(&all);
    let want: Vec<_> = (0..copies)
        .flat_map(|k| entities(&one, k * piece.len()))
        .collect();
    assert_eq!(entities(&all, 0), want);
    assert!(one.entities.len() > 10);
    // Quantities are local too: the same numbers in every copy.
    let q = |d: &Document, by: usize| -> Vec<(usize, Option<f64>, Option<f64>)> {
        d.quantities
            .iter()
            .map(|q| (q.span.start + by, q.low, q.high))
            .collect()
    };
    let want: Vec<_> = (0..copies).flat_map(|k| q(&one, k * piece.len())).collect();
    assert_eq!(q(&all, 0), want);
    assert_eq!(all.tokens.len(), copies * one.tokens.len());
}

#[test]
fn nul_bytes_do_not_hide_facts() {
    let text = "IS-K\0killed 5 people\0in Kabul on 26/1/2018.\0";
    let doc = nlp().process(text);
    assert_exact(&doc);
    let ents: Vec<(&str, &str)> = doc
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.id()))
        .collect();
    assert_eq!(ents[0], ("IS-K", "ISKP"));
    assert_eq!(ents[1].0, "Kabul");
    assert_eq!(doc.quantities.len(), 1);
    let q = &doc.quantities[0];
    assert_eq!(
        (q.text.as_str(), q.low, q.high),
        ("5", Some(5.0), Some(5.0))
    );
    assert_eq!(q.unit.as_ref().map(|u| u.text.as_str()), Some("people"));
    assert_eq!(doc.dates.len(), 1);
    assert_eq!(
        (doc.dates[0].text.as_str(), doc.dates[0].value.as_str()),
        ("26/1/2018", "2018-01-26")
    );
}

#[test]
fn every_unicode_space_between_words() {
    for sp in [
        '\t', '\u{0B}', '\u{0C}', ' ', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}', '\u{2001}',
        '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
        '\u{2009}', '\u{200A}', '\u{202F}', '\u{205F}', '\u{3000}',
    ] {
        let text =
            format!("IS-K{sp}has{sp}an{sp}estimated{sp}4,000{sp}fighters{sp}in{sp}Nangarhar.");
        let doc = nlp().process(&text);
        assert_exact(&doc);
        let ids: Vec<&str> = doc.entities.iter().map(|e| e.id()).collect();
        assert_eq!(ids.first(), Some(&"ISKP"), "U+{:04X}", sp as u32);
        assert!(
            doc.entities.iter().any(|e| e.text == "Nangarhar"),
            "U+{:04X}",
            sp as u32
        );
        assert_eq!(doc.quantities.len(), 1, "U+{:04X}", sp as u32);
        let q = &doc.quantities[0];
        assert_eq!(q.low, Some(4000.0), "U+{:04X}", sp as u32);
        // A counted noun never crosses a line break (VT, FF and NEL are line breaks too).
        let unit = if matches!(sp, '\u{0B}' | '\u{0C}' | '\u{85}') {
            None
        } else {
            Some("fighters")
        };
        assert_eq!(
            q.unit.as_ref().map(|u| u.text.as_str()),
            unit,
            "U+{:04X}",
            sp as u32
        );
        // NEL is a paragraph separator for UAX #29 sentences; every other space is not.
        if sp != '\u{85}' {
            assert_eq!(doc.sentences.len(), 1, "U+{:04X}", sp as u32);
        }
    }
}

#[test]
fn right_to_left_text_around_latin_facts() {
    let text = "\u{202B}دولت اسلامی ولایت خراسان\u{202C} IS-K \u{200F}کابل\u{200E} 26/1/2018 ۲۶ نفر";
    let doc = nlp().process(text);
    assert_exact(&doc);
    assert!(
        doc.entities
            .iter()
            .any(|e| e.id() == "ISKP" && e.text == "IS-K")
    );
    assert_eq!(
        doc.dates
            .iter()
            .map(|d| d.value.as_str())
            .collect::<Vec<_>>(),
        ["2018-01-26"]
    );
    let last = doc.sentences.last().map(|s| s.span.end);
    assert_eq!(last, Some(text.len()));
}

#[test]
fn and_and_and() {
    let text = "and ".repeat(5_000);
    let doc = nlp().process(&text);
    assert_eq!(doc.tokens.len(), 5_000);
    assert!(doc.entities.is_empty() && doc.quantities.is_empty() && doc.dates.is_empty());
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(doc.sentences[0].span, Span::new(0, text.len() - 1));
    // Between numbers, "and" makes ranges only in pairs.
    let text = "between 5 and 10 and 20 and and and 30";
    let doc = nlp().process(text);
    assert_exact(&doc);
    let got: Vec<(&str, Option<f64>, Option<f64>)> = doc
        .quantities
        .iter()
        .map(|q| (q.text.as_str(), q.low, q.high))
        .collect();
    assert_eq!(got[0], ("between 5 and 10", Some(5.0), Some(10.0)));
    assert_eq!(got.last().map(|g| g.0), Some("30"));
}
