//! Property tests: the fast paths agree with the references, and spans are always exact.

use khabar_tokenize::{
    CharCursor, CharOffsets, FoldOptions, SentenceSplitter, Span, Tokenizer, fold, sentences,
    tokenize,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Text built from pieces that exercise every tailoring, mixed with arbitrary characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("IS-K".to_string()),
        Just("ISK-P’s".to_string()),
        Just("U.S.".to_string()),
        Just("a.k.a.".to_string()),
        Just("Lt.".to_string()),
        Just("Dr. ".to_string()),
        Just("4,000-6,000".to_string()),
        Just("1.5".to_string()),
        Just("11:58".to_string()),
        Just("26/1/2018".to_string()),
        Just("2018-01-26".to_string()),
        Just("wasn’t".to_string()),
        Just("https://x.org/a(b)".to_string()),
        Just("www.example.com".to_string()),
        Just("a@b.co".to_string()),
        Just("#tag".to_string()),
        Just("@UN".to_string()),
        Just("...".to_string()),
        Just("--".to_string()),
        Just("'s".to_string()),
        Just("n't".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("Kunaṟ".to_string()),
        Just("دولت".to_string()),
        Just("🇦🇫".to_string()),
        Just("e\u{301}".to_string()),
        "[a-zA-Z0-9]{1,6}",
        "[ .,;:'’\"()\\[\\]/@#_$%&*+=<>?!-]{1,3}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn ascii_text() -> impl Strategy<Value = String> {
    "[ -~\t\n]{0,120}"
}

fn check_tokens(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenize(text);
    let mut last_end = 0;
    for t in &tokens {
        prop_assert!(
            t.span.start >= last_end,
            "out of order or overlapping: {:?}",
            t
        );
        prop_assert!(t.span.start < t.span.end, "empty token {:?}", t);
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert!(
            !t.text(text).chars().any(char::is_whitespace),
            "whitespace inside {:?}",
            t.text(text)
        );
        last_end = t.span.end;
    }
    // Every non-whitespace character is inside a token; nothing is lost.
    let covered: String = tokens.iter().map(|t| t.text(text)).collect();
    let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    prop_assert_eq!(covered, expected);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_are_exact_on_newsy_text(text in newsy_text()) {
        check_tokens(&text)?;
    }

    #[test]
    fn tokens_are_exact_on_any_unicode(text in any::<String>()) {
        check_tokens(&text)?;
    }

    #[test]
    fn whitespace_free_text_is_fully_covered(text in "[^\\s]{0,60}") {
        let tokens = tokenize(&text);
        let mut pos = 0;
        for t in &tokens {
            prop_assert_eq!(t.span.start, pos);
            pos = t.span.end;
        }
        prop_assert_eq!(pos, text.len());
    }

    #[test]
    fn ascii_fast_path_equals_uax29_reference(text in ascii_text()) {
        let fast = Tokenizer::new().tokenize(&text);
        let slow = Tokenizer::new().ascii_fast_path(false).tokenize(&text);
        prop_assert_eq!(fast, slow);
    }

    #[test]
    fn fast_path_equals_reference_on_typographic_text(text in "[aZ09.,:;'_ ’‘“”–—…\\-#@/]{0,60}") {
        let fast = Tokenizer::new().tokenize(&text);
        let slow = Tokenizer::new().ascii_fast_path(false).tokenize(&text);
        prop_assert_eq!(fast, slow);
    }

    /// The shortcut for a word with one punctuation byte before, after or inside it
    /// ("Kabul," "(IS" "Lt." "J." "5)" "IS-K" "5-10" "a(b" "#tag" "a@"): chunks of those shapes
    /// (and of two or three marks, which it leaves to the rules), with the abbreviations and
    /// initialisms that keep their period, against the UAX #29 reference.
    #[test]
    fn word_and_mark_shortcut_equals_reference(
        text in r#"(([("*|/.,;:#@'\-!?$%]?([a-zA-Z0-9_]{1,4}|Lt|Gen|Dr|No|St|Oct|Mr|A|J|U|x|I|www|com)([-=*(|/.,:;'#@][a-zA-Z0-9_]{1,3})?[.,;:)"'#@/\-!?%]?)[ \n]){0,12}"#
    ) {
        let fast = Tokenizer::new().tokenize(&text);
        let slow = Tokenizer::new().ascii_fast_path(false).tokenize(&text);
        prop_assert_eq!(fast, slow);
    }

    #[test]
    fn ascii_fast_path_equals_reference_on_newsy_text(text in newsy_text()) {
        let fast = Tokenizer::new().tokenize(&text);
        let slow = Tokenizer::new().ascii_fast_path(false).tokenize(&text);
        prop_assert_eq!(fast, slow);
    }

    /// Without tailoring triggers (no digits, dots, quotes, hyphens, `#@/`), tokens are exactly
    /// the non-whitespace UAX #29 word segments.
    #[test]
    fn untailored_text_is_plain_uax29(text in "[a-zA-Z_,;:!?()\\[\\] \t\n]{0,80}") {
        let ours: Vec<&str> = tokenize(&text).iter().map(|t| t.text(&text)).collect();
        let theirs: Vec<&str> = text.split_word_bounds().filter(|s| !s.trim().is_empty()).collect();
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn folded_map_is_monotone_and_on_char_boundaries(text in newsy_text(), diacritics in any::<bool>()) {
        let opts = FoldOptions::default().with_strip_diacritics(diacritics);
        let folded = fold(&text, opts);
        let f = folded.as_str();
        let map = folded.map();
        let mut last_start = 0;
        let mut last_end = 0;
        for fb in (0..=f.len()).filter(|&i| f.is_char_boundary(i)) {
            let s = map.to_original_start(fb);
            let e = map.to_original_end(fb);
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert!(s >= last_start && e >= last_end, "not monotone at {}", fb);
            last_start = s;
            last_end = e;
        }
        prop_assert_eq!(map.to_original_end(f.len()), map.to_original_end(f.len()).min(text.len()));
        let mut last = 0;
        for (o, _) in text.char_indices() {
            let fo = map.to_folded(o);
            prop_assert!(f.is_char_boundary(fo) && fo >= last);
            last = fo;
        }
    }

    /// Folding the original text under a mapped span gives back the folded span (for spans
    /// that start and end on whole folded characters of non-space text).
    #[test]
    fn folded_spans_round_trip(text in newsy_text(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let opts = FoldOptions::default();
        let folded = fold(&text, opts);
        let f = folded.as_str();
        let bounds: Vec<usize> = (0..=f.len()).filter(|&i| f.is_char_boundary(i)).collect();
        let (mut i, mut j) = (a.index(bounds.len()), b.index(bounds.len()));
        if i > j { std::mem::swap(&mut i, &mut j); }
        let span = Span::new(bounds[i], bounds[j]);
        let piece = &f[span.range()];
        prop_assume!(!piece.starts_with(' ') && !piece.ends_with(' '));
        let orig = folded.to_original(span);
        let refolded = fold(&text[orig.range()], opts);
        // The original may hold a whole expanded character where the span held part of it.
        prop_assert!(refolded.as_str().contains(piece), "{:?} -> {:?} -> {:?}", piece, &text[orig.range()], refolded.as_str());
    }

    #[test]
    fn char_offsets_match_char_indices(text in any::<String>()) {
        let conv = CharOffsets::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            prop_assert_eq!(conv.char_offset(bi), Some(ci));
        }
        prop_assert_eq!(conv.char_offset(text.len()), Some(text.chars().count()));
    }

    /// The table-free cursor agrees with the table at any byte offsets in any order (on a
    /// char boundary or not, past the end or not).
    #[test]
    fn char_cursor_agrees_with_char_offsets(
        text in any::<String>(),
        at in proptest::collection::vec(0usize..80, 0..24),
    ) {
        let conv = CharOffsets::new(&text);
        let mut cur = CharCursor::new(&text);
        for b in at {
            prop_assert_eq!(cur.char_offset(b), conv.char_offset(b), "byte {}", b);
        }
    }

    #[test]
    fn sentences_are_exact(text in newsy_text()) {
        let sents = sentences(&text);
        let mut last_end = 0;
        for s in &sents {
            prop_assert!(s.span.start >= last_end && s.span.start < s.span.end);
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            let t = s.text(&text);
            prop_assert_eq!(t, t.trim());
            last_end = s.span.end;
        }
        let covered: String = sents.iter().map(|s| s.text(&text)).collect::<String>().chars().filter(|c| !c.is_whitespace()).collect();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(covered, expected);
    }

    #[test]
    fn sentence_fast_path_matches_reference_on_ascii(text in sentence_text()) {
        let fast = SentenceSplitter::new().split(&text);
        let reference = SentenceSplitter::new().ascii_fast_path(false).split(&text);
        prop_assert_eq!(fast, reference);
    }

    #[test]
    fn sentence_fast_path_matches_reference_on_news(text in newsy_text()) {
        let fast = SentenceSplitter::new().split(&text);
        let reference = SentenceSplitter::new().ascii_fast_path(false).split(&text);
        prop_assert_eq!(fast, reference);
    }

    /// The fast path (a word at a time over lines) gives the reference's sentences on any
    /// text: arbitrary Unicode, and lines joined by every kind of line break.
    #[test]
    fn sentence_fast_path_matches_reference_on_any_unicode(text in any::<String>()) {
        check_sentence_paths(&text)?;
    }

    #[test]
    fn sentence_fast_path_matches_reference_on_line_soup(text in line_soup()) {
        check_sentence_paths(&text)?;
    }

    #[test]
    fn sentence_pieces_match_reference(text in sentence_text()) {
        // Below the corrections: the raw UAX #29 pieces themselves, seen through sentences
        // that are never merged (every piece ends in a blank line).
        let spaced: String = text.split_sentence_bounds().map(|p| format!("{p}\n\n")).collect();
        let fast = SentenceSplitter::new().split(&spaced);
        let reference = SentenceSplitter::new().ascii_fast_path(false).split(&spaced);
        prop_assert_eq!(fast, reference);
    }
}

fn check_sentence_paths(text: &str) -> Result<(), TestCaseError> {
    let fast = SentenceSplitter::new().split(text);
    let reference = SentenceSplitter::new().ascii_fast_path(false).split(text);
    prop_assert_eq!(fast, reference);
    Ok(())
}

/// Lines of news-like and sentence-like text joined by every kind of line break and space
/// run, including those UAX #29 treats as paragraph separators (U+0085, U+2028, U+2029).
fn line_soup() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(vec![
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " \n ",
        "\t\n",
        "\u{0B}",
        "\u{0C}",
        "\u{85}",
        "\u{2028}",
        "\u{2029}",
        "\u{a0}\n",
        "\n\u{3000}",
        " ",
        "  ",
        "\r\r\n",
    ]);
    let line = prop_oneof![newsy_text(), sentence_text()];
    prop::collection::vec((line, sep), 0..8)
        .prop_map(|v| v.into_iter().map(|(l, s)| format!("{l}{s}")).collect())
}

/// Sentence-like text from the characters the sentence fast path handles, with the
/// punctuation runs (". ) a", "?!", "etc. the") that UAX #29's rules turn on.
fn sentence_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z]{1,5}",
        "[A-Z][a-z]{0,4}",
        "[0-9]{1,3}",
        Just(". ".to_string()),
        Just(".".to_string()),
        Just("?!".to_string()),
        Just("! ".to_string()),
        Just("U.S.".to_string()),
        Just("\" ".to_string()),
        Just("’ ".to_string()),
        Just("”".to_string()),
        Just(") ".to_string()),
        Just(" (".to_string()),
        Just(" – ".to_string()),
        Just("—".to_string()),
        Just("…".to_string()),
        Just(", ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("  ".to_string()),
        "[ -~]{1,3}",
        any::<u8>().prop_map(|b| char::from(b).to_string()),
        prop::sample::select(vec![
            '\u{2000}', '\u{2009}', '\u{200A}', '\u{200B}', '\u{202F}', '\u{205F}', '\u{3000}',
            '«', '»'
        ])
        .prop_map(|c| c.to_string()),
        prop::sample::select(vec![
            '\u{0B}', '\u{0C}', '\u{85}', '\u{a0}', 'é', '\u{2028}', '\u{301}', '\u{200d}', 'ا',
            '\u{1}'
        ])
        .prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}
