//! The pipeline end to end: seeds, batches, the JSON schema, HTML.

use khabar::{Document, Input, Pipeline, ReferenceDate, ReferenceSource, SCHEMA};
use proptest::prelude::*;
use std::sync::OnceLock;

#[path = "../../../tests/support/seeds.rs"]
mod seeds;

fn nlp() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("default pipeline builds"))
}

fn seeds() -> Vec<(String, String)> {
    seeds::articles()
        .into_iter()
        .map(|(p, text)| (p.display().to_string(), text))
        .collect()
}

fn assert_exact(doc: &Document) {
    let t = doc.text.as_str();
    for e in &doc.entities {
        assert_eq!(e.span.slice(t), Some(e.text.as_str()));
    }
    for q in &doc.quantities {
        assert_eq!(q.span.slice(t), Some(q.text.as_str()));
        if let Some(u) = &q.unit {
            assert_eq!(u.span.slice(t), Some(u.text.as_str()));
        }
        assert!(
            !doc.dates.iter().any(|d| d.span.overlaps(q.span)),
            "dates win over quantities"
        );
    }
    for d in &doc.dates {
        assert_eq!(d.span.slice(t), Some(d.text.as_str()));
    }
}

#[test]
fn pipeline_is_send_sync_and_cheap_to_clone() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Pipeline>();
    check::<Document>();
}

#[test]
fn seeds_yield_entities_quantities_and_dates() {
    for (path, text) in seeds() {
        let doc = nlp().process_input(Input {
            id: Some(path.clone()),
            text: &text,
            reference_date: None,
        });
        assert_exact(&doc);
        assert!(
            doc.entities.len() > 10,
            "{path}: {} entities",
            doc.entities.len()
        );
        assert!(!doc.sentences.is_empty());
        assert_eq!(doc.id.as_deref(), Some(path.as_str()));
        println!(
            "{path}: {} entities, {} quantities, {} dates",
            doc.entities.len(),
            doc.quantities.len(),
            doc.dates.len()
        );
    }
}

#[test]
fn the_headline_facts_of_the_seeds() {
    let seeds = seeds();
    let doc = nlp().process(&seeds[0].1);
    let q = doc
        .quantities
        .iter()
        .find(|q| q.text.contains("4,000-6,000"))
        .expect("4,000-6,000 found");
    assert_eq!((q.low, q.high), (Some(4000.0), Some(6000.0)));
    assert_eq!(q.unit.as_ref().map(|u| u.text.as_str()), Some("fighters"));
    let isk: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.id() == "ISKP")
        .map(|e| e.text.as_str())
        .collect();
    assert!(isk.contains(&"IS-K"), "{isk:?}");
}

#[test]
fn batch_order_equals_input_order_and_serial_results() {
    let seeds = seeds();
    let inputs: Vec<Input<'_>> = seeds
        .iter()
        .cycle()
        .take(20)
        .map(|(p, t)| Input {
            id: Some(p.clone()),
            text: t,
            reference_date: None,
        })
        .collect();
    let serial: Vec<Document> = inputs
        .iter()
        .cloned()
        .map(|i| nlp().process_input(i))
        .collect();
    assert_eq!(nlp().process_batch(inputs.clone()), serial);
    assert_eq!(nlp().process_batch_threads(inputs, 2), serial);
}

#[test]
fn reference_dates_given_auto_and_none() {
    let text = "Published November 9th, 2021 - 11:58 GMT\nIn the first two months of 2021 alone, 47 attacks. Last week more.";
    let fixed = Pipeline::builder()
        .reference_date(ReferenceDate::parse("2018-01-26").expect("date"))
        .build()
        .expect("pipeline");
    let doc = fixed.process(text);
    assert_eq!(
        doc.reference_date.map(|d| d.to_string()).as_deref(),
        Some("2018-01-26")
    );
    assert_eq!(doc.reference_source, ReferenceSource::Given);
    let auto = Pipeline::builder()
        .reference_date(ReferenceDate::Auto)
        .build()
        .expect("pipeline");
    let doc = auto.process(text);
    assert_eq!(
        doc.reference_date.map(|d| d.to_string()).as_deref(),
        Some("2021-11-09")
    );
    assert_eq!(doc.reference_source, ReferenceSource::Detected);
    let doc = nlp().process("Last week more.");
    assert_eq!(doc.reference_source, ReferenceSource::None);
    let err = ReferenceDate::parse("2018-02-30").expect_err("invalid date");
    assert!(err.to_string().contains("2018-02-30"), "{err}");
}

#[test]
fn json_round_trips_and_names_its_schema() {
    for (path, text) in seeds() {
        let doc = nlp().process_input(Input {
            id: Some(path),
            text: &text,
            reference_date: None,
        });
        let json = doc.to_json().expect("serializes");
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["schema"], SCHEMA);
        let e = &value["entities"][0];
        let (s, en) = (
            e["start"].as_u64().expect("start") as usize,
            e["end"].as_u64().expect("end") as usize,
        );
        let chars: String = text.chars().skip(s).take(en - s).collect();
        assert_eq!(chars, e["text"].as_str().expect("text"));
        assert_eq!(Document::from_json(&json).expect("reads back"), doc);
    }
    let bad = r#"{"schema":"khabar.document/999","text":"x","sentences":[],"entities":[],"quantities":[],"dates":[]}"#;
    assert!(
        Document::from_json(bad)
            .expect_err("schema")
            .to_string()
            .contains("khabar.document/999")
    );
}

#[test]
fn html_escapes_and_highlights() {
    let doc = nlp()
        .process("<script>alert('IS-K')</script> killed 13 people in Kabul on 26/1/2018 & more");
    let html = doc.to_html();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;"));
    assert!(html.contains("class=\"kh-entity\""));
    assert!(html.contains("class=\"kh-date\""));
    assert!(html.contains("class=\"kh-quantity\""));
    assert!(html.contains("&amp; more"));
    let long = "Kabul ".repeat(50_000);
    let html = nlp()
        .process(&long)
        .to_html_with(khabar::HtmlOptions { max_bytes: 1000 });
    assert!(
        html.contains("299000 more bytes not shown"),
        "{}",
        &html[html.len() - 200..]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn any_text_gives_exact_spans_and_round_trips(text in any::<String>()) {
        let doc = nlp().process(&text);
        assert_exact(&doc);
        let json = doc.to_json().expect("serializes");
        prop_assert_eq!(Document::from_json(&json).expect("reads back"), doc);
    }
}
