//! Precision dev set: defence-news style paragraphs full of numbers that are not
//! quantities (coordinates, identifiers, hull and resolution numbers, unit names, page
//! furniture, "one" as a pronoun), annotated in `tests/dev/defence_precision.txt` with
//! ⟦…⟧ around every quantity khabar should report. Runs the quantity extractor as the
//! pipeline does (dates win: quantities overlapping a date are dropped), prints precision
//! and recall with every false positive and miss, and fails below the thresholds.
//!
//! A predicted quantity is right when its span is exactly a gold span; the looser
//! "overlap" figures count a prediction overlapping a gold span as right.

use khabar_numdate::{DateExtractor, QuantityExtractor, Span, remove_overlapping};

/// Thresholds: the scores measured when the set was written, rounded down. Raise them
/// when the extractor improves; never lower them to make a change pass.
const MIN_PRECISION: f64 = 0.97;
const MIN_RECALL: f64 = 0.99;

const OPEN: &str = "⟦";
const CLOSE: &str = "⟧";

/// A paragraph without its marks, and the gold spans.
fn unmark(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = marked;
    let mut open: Option<usize> = None;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix(OPEN) {
            open = Some(text.len());
            rest = r;
        } else if let Some(r) = rest.strip_prefix(CLOSE) {
            let start = open.take().expect("⟧ without ⟦");
            gold.push(Span::new(start, text.len()));
            rest = r;
        } else {
            let c = rest.chars().next().expect("non-empty");
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    assert!(open.is_none(), "⟦ without ⟧ in {marked}");
    (text, gold)
}

fn paragraphs() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/dev/defence_precision.txt"
    );
    let raw = std::fs::read_to_string(path).expect("tests/dev/defence_precision.txt");
    let body: Vec<&str> = raw.lines().filter(|l| !l.starts_with('#')).collect();
    body.join("\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

#[test]
fn defence_dev_precision_recall() {
    let qx = QuantityExtractor::new();
    let dx = DateExtractor::new()
        .with_reference_date("2021-09-01")
        .expect("valid date");
    let (mut tp, mut fp, mut fn_, mut tp_overlap) = (0usize, 0usize, 0usize, 0usize);
    for p in paragraphs() {
        let (text, gold) = unmark(&p);
        let mut qs = qx.extract(&text);
        let dates: Vec<Span> = dx.extract(&text).iter().map(|d| d.span).collect();
        remove_overlapping(&mut qs, &dates);
        for q in &qs {
            if gold.contains(&q.span) {
                tp += 1;
                tp_overlap += 1;
            } else {
                fp += 1;
                if gold.iter().any(|g| overlaps(*g, q.span)) {
                    tp_overlap += 1;
                }
                println!(
                    "false positive: {:?} (unit {:?})",
                    q.text,
                    q.unit.as_ref().map(|u| &u.text)
                );
            }
        }
        for g in &gold {
            if !qs.iter().any(|q| q.span == *g) {
                fn_ += 1;
                println!("missed: {:?}", &text[g.start..g.end]);
            }
        }
    }
    let predicted = (tp + fp).max(1) as f64;
    let precision = tp as f64 / predicted;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let precision_overlap = tp_overlap as f64 / predicted;
    println!(
        "defence dev set: precision {precision:.3} ({tp}/{}), recall {recall:.3} ({tp}/{}), \
         precision by overlap {precision_overlap:.3}",
        tp + fp,
        tp + fn_
    );
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
}
