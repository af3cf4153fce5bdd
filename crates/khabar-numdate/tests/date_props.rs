//! Property tests: the date extractor never panics, and its spans are exact, ordered,
//! non-overlapping and on character boundaries, on arbitrary Unicode and on date-heavy
//! word salad, with any reference date and configuration.

use khabar_numdate::{
    CivilDate, DateExtractor, DayOrder, Direction, Temporal, TemporalMod, TemporalType,
};
use proptest::prelude::*;

const VOCAB: &[&str] = &[
    "May",
    "may",
    "March",
    "march",
    "2017",
    "2018",
    "1990s",
    "early",
    "mid",
    "late",
    "the",
    "last",
    "past",
    "next",
    "this",
    "year",
    "years",
    "month",
    "months",
    "week",
    "in",
    "on",
    "since",
    "-",
    "–",
    "/",
    ".",
    ",",
    "(",
    ")",
    "26",
    "1",
    "12",
    "31",
    "29",
    "9th",
    "21st",
    "July",
    "December",
    "Dec.",
    "Friday",
    "sat",
    "six",
    "twenty",
    "first",
    "ago",
    "later",
    "from",
    "to",
    "between",
    "and",
    "or",
    "so",
    "11:58",
    "GMT",
    "3pm",
    "Q3",
    "H1",
    "summer",
    "of",
    "over",
    "about",
    "within",
    "recently",
    "now",
    "today",
    "yesterday",
    "every",
    "26/1/2018",
    "2018-01-26",
    "4.22",
    "2015.5.13",
    "4,000",
    "%",
    "per",
    "cent",
    "a",
    "few",
    "half",
    "hour",
    "decades",
    "fortnight",
    "quarter",
    "beginning",
    "end",
    "Published",
    "appeared",
    "deadline",
    "99999999999999999999",
    "1e400",
    "0",
    "00",
    "will",
    "Today",
    "Pakistan",
    "Daily",
    "Times",
    "’s",
    // clock times, parts of the day, holidays
    ":",
    "00am",
    "7p",
    "8.30pm",
    "p",
    "m",
    "at",
    "@",
    "o'clock",
    "past",
    "seven",
    "thirty",
    "noon",
    "tonight",
    "morning",
    "evening",
    "night",
    "around",
    "before",
    "Tuesdays",
    "each",
    "day",
    "Christmas",
    "eve",
    "easter",
    "Fri",
    "14th",
    "'",
    "s",
];

fn salad() -> impl Strategy<Value = String> {
    prop::collection::vec((0..VOCAB.len(), prop::bool::weighted(0.8)), 0..40).prop_map(|ws| {
        let mut s = String::new();
        for (k, space) in ws {
            if space && !s.is_empty() {
                s.push(' ');
            }
            s.push_str(VOCAB[k]);
        }
        s
    })
}

/// Prose with function words and a few date words: long runs of glue ("in the", "of
/// the", "at least") before and between temporal words.
fn prose_salad() -> impl Strategy<Value = String> {
    const PROSE: &[&str] = &[
        "the",
        "of",
        "a",
        "and",
        "or",
        "to",
        "from",
        "between",
        "until",
        "in",
        "on",
        "since",
        "by",
        "during",
        "within",
        "over",
        "under",
        "about",
        "more",
        "less",
        "than",
        "at",
        "least",
        "most",
        "up",
        "just",
        "will",
        "as",
        "that",
        "for",
        "people",
        "said",
        "group",
        "attack",
        "were",
        "killed",
        "his",
        "rest",
        "same",
        "some",
        "all",
        "every",
        "few",
        "several",
        "many",
        "time",
        "being",
        "date",
        "moment",
        "right",
        "any",
        "so",
        "far",
        "far",
        "officials",
        "Kabul",
        "Taliban",
        "'s",
        "’s",
        "-",
        ",",
        ".",
        "(",
        ")",
        "=",
        "<",
        ">",
        "$",
        "no",
        "not",
        "good",
        "new",
        "other",
        "long",
        "much",
        "after",
        "before",
        "million",
        "thousands",
        "dozens",
        "each",
        "another",
        "once",
        "couple",
        "hundred",
        "later",
        "than",
        "greater",
        "prior",
        "equal",
        "starting",
        "beginning",
    ];
    prop::collection::vec(
        (
            prop::bool::weighted(0.85),
            0..PROSE.len(),
            0..VOCAB.len(),
            prop::bool::weighted(0.8),
        ),
        0..60,
    )
    .prop_map(|ws| {
        let mut s = String::new();
        for (prose, p, v, space) in ws {
            if space && !s.is_empty() {
                s.push(' ');
            }
            s.push_str(if prose { PROSE[p] } else { VOCAB[v] });
        }
        s
    })
}

fn extractor(days: i64, future: bool, month_first: bool, detect: bool) -> DateExtractor {
    // References from 1900 to 2100, or none.
    let reference = (days >= 0).then(|| CivilDate::from_days(days - 25_567));
    DateExtractor::new()
        .with_reference(reference)
        .with_direction(if future {
            Direction::Future
        } else {
            Direction::Past
        })
        .with_day_order(if month_first {
            DayOrder::MonthFirst
        } else {
            DayOrder::DayFirst
        })
        .with_reference_detection(detect)
}

fn check(text: &str, ex: &DateExtractor) -> Result<(), TestCaseError> {
    let found = ex.extract(text);
    let mut last_end = 0;
    for t in &found {
        prop_assert!(t.span.start < t.span.end, "empty span {:?}", t);
        prop_assert!(t.span.start >= last_end, "overlap or disorder {:?}", t);
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert_eq!(text.get(t.span.start..t.span.end), Some(t.text.as_str()));
        prop_assert!(!t.value.is_empty());
        if let Some(iv) = t.interval {
            prop_assert!(iv.start <= iv.end, "inverted interval {:?}", t);
        }
        last_end = t.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,80}", days in -1i64..73_000, f: bool, m: bool, d: bool) {
        check(&text, &extractor(days, f, m, d))?;
    }

    #[test]
    fn any_chars_never_panic(text in any::<String>(), days in -1i64..73_000) {
        check(&text, &extractor(days, false, false, true))?;
    }

    #[test]
    fn date_salad_spans_are_exact(text in salad(), days in -1i64..73_000, f: bool, m: bool, d: bool) {
        check(&text, &extractor(days, f, m, d))?;
    }

    /// The prefilter (skip positions with no temporal head token close ahead) changes
    /// nothing: the same output as trying the productions at every token.
    #[test]
    fn prefilter_equals_trying_every_token(
        text in prop_oneof![salad(), prose_salad()],
        days in -1i64..73_000, f: bool, m: bool, s: bool,
    ) {
        let ex = extractor(days, f, m, false).with_signal_spans(s);
        let every = ex.clone().with_every_token(true);
        prop_assert_eq!(ex.extract(&text), every.extract(&text));
    }

    #[test]
    fn extract_tokens_agrees_with_extract(text in salad()) {
        let ex = extractor(43_000, false, false, false);
        let tokens = khabar_tokenize::tokenize(&text);
        prop_assert_eq!(ex.extract(&text), ex.extract_tokens(&text, &tokens));
    }
}

/// The same on real news: every seed article, with and without the prefilter.
#[test]
fn prefilter_equals_trying_every_token_on_the_seeds() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return;
    };
    let ex = DateExtractor::new()
        .with_reference_date("2021-11-09")
        .expect("valid reference");
    let every = ex.clone().with_every_token(true);
    let mut n = 0;
    for e in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let found = ex.extract(&text);
        n += found.len();
        assert_eq!(found, every.extract(&text), "{}", e.path().display());
    }
    assert!(n > 0);
}

/// What extraction finds in `pieces` one by one, shifted to where each piece starts in
/// `pieces.join(SEP)`.
fn shifted_union(ex: &DateExtractor, pieces: &[String]) -> Vec<Temporal> {
    let mut out = Vec::new();
    let mut offset = 0;
    for p in pieces {
        for mut t in ex.extract(p) {
            t.span = khabar_tokenize::Span::new(t.span.start + offset, t.span.end + offset);
            out.push(t);
        }
        offset += p.len() + SEP.len();
    }
    out
}

/// The blank line between the pieces of a document.
const SEP: &str = "\n\n";

/// The parts of a finding that do not depend on the dates before it: where it is, what it
/// says, what kind it is and its modifier. (Values can: "the next day" resolves against
/// the previous date, which in a longer document may sit in an earlier piece.)
fn shapes(ts: &[Temporal]) -> Vec<(usize, usize, String, TemporalType, Option<TemporalMod>)> {
    ts.iter()
        .map(|t| (t.span.start, t.span.end, t.text.clone(), t.kind, t.modifier))
        .collect()
}

/// The seed articles, or `None` (with a message) when the directory is absent.
fn seed_texts() -> Option<Vec<String>> {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping: {} not found", dir.display());
        return None;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    Some(
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect(),
    )
}

/// Extraction is linear in the document: a document made of many pieces separated by blank
/// lines yields exactly what the pieces yield one by one, shifted, so nothing a finding
/// depends on lies farther back than its own piece (no scan back to the document start, no
/// pass over all earlier findings). Checked on the seeds repeated ten times, with the fast
/// scan and with the every-token reference.
#[test]
fn concatenation_yields_the_shifted_union_of_the_pieces() {
    let Some(seeds) = seed_texts() else { return };
    let pieces: Vec<String> = (0..10).flat_map(|_| seeds.iter().cloned()).collect();
    let whole = pieces.join(SEP);
    let ex = DateExtractor::new()
        .with_reference_date("2021-11-09")
        .expect("valid reference");
    for ex in [ex.clone(), ex.with_every_token(true)] {
        let together = ex.extract(&whole);
        assert!(!together.is_empty());
        assert_eq!(together, shifted_union(&ex, &pieces));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The same on date-heavy salad (spans, texts, kinds and modifiers): each piece opens
    /// with a plain word and closes with a plain word and a full stop, so it reads the same
    /// alone and inside the whole, and the pieces are joined by blank lines. (Without them
    /// a reading may run across the blank line, "26.\n\nJuly", and a bare year opening the
    /// text reads differently from one after a sentence.)
    #[test]
    fn salad_concatenation_yields_the_shifted_union(
        pieces in proptest::collection::vec(salad(), 1..6),
        days in 0i64..73_000,
    ) {
        let pieces: Vec<String> = pieces.into_iter().map(|p| format!("qqq {p} qqq.")).collect();
        let whole = pieces.join(SEP);
        let ex = extractor(days, false, false, false);
        prop_assert_eq!(shapes(&ex.extract(&whole)), shapes(&shifted_union(&ex, &pieces)));
    }
}
