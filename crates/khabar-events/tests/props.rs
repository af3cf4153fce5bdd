//! Properties on any input: no panic, spans on character boundaries inside the text,
//! totals equal to the sums of their non-sub-count facts' counts, and the same answer for
//! a sentence alone and inside a longer text.

use khabar_events::{EventExtractor, Role};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "killed",
    "were",
    "wounded",
    "4",
    "two",
    "policemen",
    "and",
    "by",
    "Taliban",
    "no",
    "casualties",
    "including",
    "children",
    "a",
    "soldier",
    "killing",
    "him",
    "his",
    "guard",
    ",",
    ".",
    "(",
    ")",
    "at least",
    "dozens of",
    "arrested",
    "joined",
    "the",
    "not",
    "none",
    "hurt",
    "died",
    "ISKP",
    "fighters",
    "said",
    "é",
    "ğ",
    "—",
    "on 3 May 2019",
    "-",
    "'s",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn spans_and_totals_hold(text in sentence(), noise in "\\PC{0,40}") {
        let ex = EventExtractor::new().expect("lexicon");
        let full = format!("{text} {noise}");
        let a = ex.extract_text(&full);
        for f in &a.facts {
            prop_assert!(f.span.end <= full.len());
            prop_assert!(full.get(f.span.range()).is_some());
            prop_assert!(f.count.is_none_or(|c| c >= 0.0));
        }
        for e in &a.events {
            for (role, total) in &e.counts {
                let sum: f64 = e
                    .facts
                    .iter()
                    .filter(|f| f.role == *role && !f.subcount)
                    .filter_map(|f| f.count)
                    .sum();
                let toll = e.facts.iter().any(|f| f.cue.as_deref().is_some_and(|c| c.contains("toll")));
                let derived = matches!(role, Role::Killed | Role::Wounded) && *total == 0.0;
                prop_assert!(toll || derived || *total <= sum + 1e-9, "{role}: {total} vs {sum}");
            }
        }
    }

    #[test]
    fn a_sentence_reads_the_same_after_another(a in sentence(), b in sentence()) {
        let ex = EventExtractor::new().expect("lexicon");
        let alone = ex.extract_text(&format!("{b}."));
        let both = ex.extract_text(&format!("{a}. {b}."));
        let shift = a.len() + 2;
        let tail: Vec<_> = both
            .facts
            .iter()
            .filter(|f| f.span.start >= shift)
            .map(|f| (f.role, f.count, f.span.start - shift))
            .collect();
        let solo: Vec<_> = alone.facts.iter().map(|f| (f.role, f.count, f.span.start)).collect();
        // the second text's sentences are found the same way when they split the same way
        if khabar_tokenize::sentences(&format!("{a}. {b}.")).len()
            == khabar_tokenize::sentences(&format!("{a}.")).len()
                + khabar_tokenize::sentences(&format!("{b}.")).len()
        {
            prop_assert_eq!(tail, solo);
        }
    }
}

#[test]
fn lexicon_errors_name_file_and_line() {
    let ex = EventExtractor::new().expect("lexicon");
    let err = ex
        .with_extra_lexicon("x.tsv", "# c\nbogus\tkill\tkilled\n")
        .expect_err("an error");
    assert_eq!(err.to_string(), "x.tsv:2: unknown kind \"bogus\"");
    let err = EventExtractor::new()
        .expect("lexicon")
        .with_extra_lexicon("y.tsv", "after\tkilled\n")
        .expect_err("an error");
    assert!(err.to_string().starts_with("y.tsv:1:"));
    let missing = EventExtractor::new()
        .expect("lexicon")
        .with_lexicon_file(std::path::Path::new("/nonexistent/cues.tsv"))
        .expect_err("an error");
    assert!(missing.to_string().contains("/nonexistent/cues.tsv"));
}

#[test]
fn an_extra_cue_file_extends_the_lexicon() {
    let ex = EventExtractor::new()
        .expect("lexicon")
        .with_extra_lexicon("mine.tsv", "after\twere vaporised\tkilled\n")
        .expect("valid");
    let a = ex.extract_text("Three fighters were vaporised.");
    assert_eq!(a.events[0].killed(), Some(3.0));
}

/// Inputs that would make a quadratic rule crawl: one sentence of 50,000 role cues, of
/// 20,000 coordinated counts, of 20,000 actors and pronouns.
#[test]
fn hostile_sentences_are_read_whole() {
    let ex = EventExtractor::new().expect("lexicon");
    let cues = "killed ".repeat(50_000);
    assert!(ex.extract_text(&cues).facts.len() <= 1);
    let counts: String = (0..20_000)
        .map(|i| format!("{i} soldiers and "))
        .collect::<String>()
        + "1 civilian were killed.";
    let a = ex.extract_text(&counts);
    // a cue reaches a bounded number of words: the last counts before it get the role
    assert_eq!(a.events.len(), 1);
    assert!(
        a.facts
            .iter()
            .any(|f| f.text == "1" && f.role == Role::Killed)
    );
    let actors = "gunmen killed him and they wounded her, ".repeat(10_000);
    let a = ex.extract_text(&actors);
    assert!(!a.facts.is_empty());
}
