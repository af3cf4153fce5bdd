//! Matching invariants shared by the gazetteer targets.

use crate::{check_ordered, check_sorted, check_span};
use khabar_gazetteer::{Gazetteer, MatchKind, Scratch};
use khabar_tokenize::tokenize;

/// Runs both match kinds on `text` and checks every match.
pub fn check_find(gz: &Gazetteer, text: &str) {
    let longest = gz.find(text);
    let overlapping = gz.find_overlapping(text);
    check_ordered(longest.iter().map(|m| m.span()), "find");
    check_sorted(overlapping.iter().map(|m| m.span()), "find_overlapping");
    // Whole tokens only: a match starts at a token start and ends at a token end.
    let tokens = tokenize(text);
    for m in longest.iter().chain(&overlapping) {
        let s = check_span(text, m.span(), "gazetteer match");
        assert_eq!(s, m.as_str(text));
        assert!(!m.is_empty(), "a match without candidates");
        // Candidates share the folded alias, not its spelling ("Taliban" and "TalibaN"):
        // each candidate's own alias is one of its entry's.
        assert_eq!(m.alias(), m.aliases().next().unwrap_or(""));
        for (e, alias) in m.entries().zip(m.aliases()) {
            assert!(
                e.aliases().any(|a| a == alias),
                "alias {alias:?} is not an alias of candidate {:?}",
                e.id()
            );
        }
        assert!(
            tokens.iter().any(|t| t.span.start == m.start()),
            "match {m:?} starts inside a token"
        );
        assert!(
            tokens.iter().any(|t| t.span.end == m.end()),
            "match {m:?} ends inside a token"
        );
    }
    // Every leftmost-longest match is one of the overlapping matches.
    for m in &longest {
        assert!(
            overlapping.iter().any(|o| o.span() == m.span()),
            "{m:?} missing from overlapping"
        );
    }
    // Matching on the tokens gives the same answer as matching on the text.
    assert_eq!(gz.find_tokens(text, &tokens), longest, "find_tokens");
    // The buffer-reusing form gives the same answer, twice in a row.
    let mut scratch = Scratch::new();
    for _ in 0..2 {
        let mut out = Vec::new();
        gz.find_into(text, MatchKind::LeftmostLongest, &mut scratch, &mut out);
        assert_eq!(out, longest);
    }
}
