//! Tokens, sentences, folding and char offsets on arbitrary text.
#![no_main]

use khabar_fuzz::{check_ordered, check_span, text};
use khabar_tokenize::{
    CharOffsets, FoldOptions, Tokenizer, fold, fold_str, fold_str_with, sentences, tokenize,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    let text = text.as_str();

    // Tokens: ordered, exact, never whitespace, and together they cover every non-space char.
    let tokens = tokenize(text);
    check_ordered(tokens.iter().map(|t| t.span), "token");
    let mut covered = String::new();
    for t in &tokens {
        let s = check_span(text, t.span, "token");
        assert_eq!(s, t.text(text));
        assert!(
            !s.chars().any(char::is_whitespace),
            "token {s:?} holds whitespace"
        );
        let _ = t.norm(text);
        covered.push_str(s);
    }
    let _ = fold_str(text);
    let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(covered, expected, "tokens do not cover the text");
    // Reusing a buffer gives the same tokens.
    let mut buf = vec![];
    Tokenizer::default().tokenize_into(text, &mut buf);
    assert_eq!(buf, tokens);

    // Sentences: ordered, trimmed, and covering every non-space char.
    let sents = sentences(text);
    check_ordered(sents.iter().map(|s| s.span), "sentence");
    let mut covered = String::new();
    for s in &sents {
        let t = check_span(text, s.span, "sentence");
        assert_eq!(t, t.trim(), "sentence not trimmed");
        covered.extend(t.chars().filter(|c| !c.is_whitespace()));
    }
    assert_eq!(covered, expected, "sentences do not cover the text");

    // Folding: the map is monotone, lands on char boundaries both ways, and agrees with fold_str.
    for diacritics in [false, true] {
        let folded = fold(
            text,
            FoldOptions::default().with_strip_diacritics(diacritics),
        );
        let f = folded.as_str();
        let map = folded.map();
        assert_eq!(map.folded_len(), f.len());
        assert_eq!(map.original_len(), text.len());
        let (mut last_s, mut last_e) = (0, 0);
        for fb in (0..=f.len()).filter(|&i| f.is_char_boundary(i)) {
            let (s, e) = (map.to_original_start(fb), map.to_original_end(fb));
            assert!(s <= text.len() && e <= text.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            assert!(s >= last_s && e >= last_e, "fold map not monotone at {fb}");
            (last_s, last_e) = (s, e);
        }
        let mut last = 0;
        for (o, _) in text.char_indices() {
            let fo = map.to_folded(o);
            assert!(fo <= f.len() && f.is_char_boundary(fo) && fo >= last);
            last = fo;
        }
        let opts = FoldOptions::default().with_strip_diacritics(diacritics);
        assert_eq!(
            fold_str_with(text, opts),
            f,
            "fold_str_with and fold disagree"
        );
    }

    // Char offsets agree with char_indices at every token boundary and at the end.
    let conv = CharOffsets::new(text);
    let mut chars = text.char_indices().map(|(b, _)| b).enumerate();
    for t in &tokens {
        let ci = chars.find(|&(_, b)| b == t.span.start).map(|(i, _)| i);
        assert_eq!(conv.char_offset(t.span.start), ci);
    }
    assert_eq!(conv.char_offset(text.len()), Some(text.chars().count()));
});
