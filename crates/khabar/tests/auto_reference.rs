//! `reference_date = auto` in one pass agrees with the two-pass reference: detect the text's
//! own date with a separate `DateExtractor::detect_reference_date`, then process the text with
//! that date given. Checked on the seeds, on random texts and, when `make bench-data` has
//! built it, on the real-text corpus (`benches/data/corpus-10mb.txt`; its first 1 MB in debug
//! builds, all of it under `cargo test --release`).

use khabar::numdate::DateExtractor;
use khabar::{DayOrder, Document, Input, Pipeline, ReferenceDate, ReferenceSource};
use proptest::prelude::*;
use std::sync::OnceLock;

fn auto() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::builder()
            .reference_date(ReferenceDate::Auto)
            .build()
            .expect("default pipeline builds")
    })
}

fn given() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("default pipeline builds"))
}

/// The two-pass reference: detection on its own, then the text with the date it found.
fn two_pass(nlp: &Pipeline, text: &str) -> Document {
    let detected = DateExtractor::new().detect_reference_date(text);
    let mut doc = nlp.process_input(Input {
        id: None,
        text,
        reference_date: detected,
    });
    doc.reference_source = match detected {
        Some(_) => ReferenceSource::Detected,
        None => ReferenceSource::None,
    };
    doc
}

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 seed"))
        .collect()
}

#[test]
fn auto_matches_two_passes_on_the_seeds() {
    let mut detected = 0;
    for text in seeds() {
        let doc = auto().process(&text);
        detected += usize::from(doc.reference_source == ReferenceSource::Detected);
        assert_eq!(doc, two_pass(given(), &text));
    }
    // The seeds state their dates ("Published November 9th, 2021"): the check is not vacuous.
    assert!(detected >= 2, "only {detected} seeds had a detected date");
}

#[test]
fn auto_matches_two_passes_on_the_corpus() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../benches/data/corpus-10mb.txt"
    );
    let Ok(corpus) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} is absent (build it with `make bench-data`)");
        return;
    };
    let limit = if cfg!(debug_assertions) {
        1_000_000
    } else {
        usize::MAX
    };
    let mut done = 0;
    for text in corpus.split("\n\u{1e}\n") {
        if done >= limit {
            break;
        }
        done += text.len();
        assert_eq!(auto().process(text), two_pass(given(), text), "{text}");
    }
}

#[test]
fn month_first_auto_still_detects_day_first() {
    // Detection reads digit dates day first whatever the pipeline's order (as before the
    // single pass): the month-first pipeline keeps the separate detection.
    let text = "Posted 3/4/2018\nThe talks resumed on 5/6.";
    let mdy = Pipeline::builder()
        .reference_date(ReferenceDate::Auto)
        .day_order(DayOrder::MonthFirst)
        .build()
        .expect("pipeline builds");
    let mdy_given = Pipeline::builder()
        .day_order(DayOrder::MonthFirst)
        .build()
        .expect("pipeline builds");
    let doc = mdy.process(text);
    assert_eq!(
        doc.reference_date.map(|d| d.to_string()).as_deref(),
        Some("2018-04-03")
    );
    assert_eq!(doc, two_pass(&mdy_given, text));
}

/// Pieces random texts are made of: cues, full and partial dates, relative dates, numbers,
/// line breaks.
const PIECES: [&str; 22] = [
    "Published",
    "Posted",
    "Updated",
    "appeared in the Monitor",
    "on",
    "9 Nov 2021",
    "26/1/2018",
    "3/4/2019",
    "November 9th, 2021",
    "\n",
    "Friday",
    "last week",
    "killed",
    "170 people",
    "in Kabul",
    "December 17",
    "2019",
    ".",
    "-",
    "11:58 GMT",
    "yesterday",
    "Taliban fighters",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn auto_matches_two_passes_on_random_texts(
        ws in proptest::collection::vec((0..PIECES.len(), proptest::bool::ANY), 0..40)
    ) {
        let mut text = String::new();
        for (k, space) in ws {
            if space {
                text.push(' ');
            }
            text.push_str(PIECES[k]);
        }
        prop_assert_eq!(auto().process(&text), two_pass(given(), &text));
    }
}
