//! Hostile input: every Unicode space and dash, NUL bytes, mixed right-to-left text, long
//! runs of one word, one very long token. Each test asserts the exact output, not only that
//! nothing panicked. (The giant inputs — 50 MB without a newline, a million numbers — run
//! against the release build in tests/python/test_hostile.py.)

use khabar_tokenize::{FoldOptions, Span, TokenKind, fold, fold_str, sentences, tokenize};

/// Every White_Space character of Unicode 16.
const SPACES: &[char] = &[
    '\u{0009}', '\u{000A}', '\u{000B}', '\u{000C}', '\u{000D}', '\u{0020}', '\u{0085}', '\u{00A0}',
    '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}',
    '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}',
    '\u{3000}',
];

/// Every dash punctuation character (General Category Pd) and the minus sign.
const DASHES: &[char] = &[
    '\u{002D}',
    '\u{058A}',
    '\u{05BE}',
    '\u{1400}',
    '\u{1806}',
    '\u{2010}',
    '\u{2011}',
    '\u{2012}',
    '\u{2013}',
    '\u{2014}',
    '\u{2015}',
    '\u{2E17}',
    '\u{2E1A}',
    '\u{2E3A}',
    '\u{2E3B}',
    '\u{2E40}',
    '\u{2E5D}',
    '\u{301C}',
    '\u{3030}',
    '\u{30A0}',
    '\u{FE31}',
    '\u{FE32}',
    '\u{FE58}',
    '\u{FE63}',
    '\u{FF0D}',
    '\u{10EAD}',
    '\u{2212}',
];

/// The dashes that folding turns into `-` (the crate's documented list).
const FOLDED_DASHES: &[char] = &[
    '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{FE58}',
    '\u{FE63}', '\u{FF0D}',
];

fn texts(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

#[test]
fn every_unicode_space_separates_tokens() {
    for &sp in SPACES {
        assert!(sp.is_whitespace());
        let text = format!("Kabul{sp}city{sp}{sp}4,000");
        let tokens = tokenize(&text);
        assert_eq!(
            texts(&text),
            ["Kabul", "city", "4,000"],
            "U+{:04X}",
            sp as u32
        );
        assert_eq!(tokens[2].kind, TokenKind::Number);
        // Folding collapses any run of any space to one ASCII space.
        let folded = fold(&text, FoldOptions::default());
        assert_eq!(folded.as_str(), "kabul city 4,000", "U+{:04X}", sp as u32);
        let city = folded.to_original(Span::new(6, 10));
        assert_eq!(&text[city.range()], "city");
    }
}

#[test]
fn every_dash_is_its_own_token() {
    for &d in DASHES {
        let text = format!("IS{d}K");
        if d == '\u{058A}' {
            // The one exception: UAX #29 gives the Armenian hyphen Word_Break=ALetter, so it
            // stays inside a word, as in Armenian text.
            assert_eq!(texts(&text), [text.as_str()]);
            continue;
        }
        assert_eq!(
            texts(&text),
            ["IS", &d.to_string(), "K"],
            "U+{:04X}",
            d as u32
        );
        let folded = fold_str(&text);
        if FOLDED_DASHES.contains(&d) || d == '-' {
            assert_eq!(folded, "is-k", "U+{:04X}", d as u32);
        } else {
            assert_eq!(
                folded,
                format!("is{d}k"),
                "U+{:04X} is not a folded dash",
                d as u32
            );
        }
        // A number range keeps both numbers whole.
        let text = format!("4,000{d}6,000");
        assert_eq!(
            texts(&text),
            ["4,000", &d.to_string(), "6,000"],
            "U+{:04X}",
            d as u32
        );
    }
}

#[test]
fn nul_bytes_are_tokens_of_their_own_and_offsets_stay_exact() {
    let text = "IS-K\0claimed\0\0the attack\0";
    let tokens = tokenize(text);
    let got: Vec<(&str, usize)> = tokens
        .iter()
        .map(|t| (t.text(text), t.span.start))
        .collect();
    assert_eq!(
        got,
        [
            ("IS", 0),
            ("-", 2),
            ("K", 3),
            ("\0", 4),
            ("claimed", 5),
            ("\0", 12),
            ("\0", 13),
            ("the", 14),
            ("attack", 18),
            ("\0", 24)
        ]
    );
    assert!(
        tokens
            .iter()
            .filter(|t| t.text(text) == "\0")
            .all(|t| t.kind == TokenKind::Symbol)
    );
    let only_nul = "\0".repeat(1000);
    assert_eq!(tokenize(&only_nul).len(), 1000);
    assert_eq!(sentences(&only_nul).len(), 1);
}

#[test]
fn mixed_right_to_left_text_keeps_exact_offsets() {
    // Pashto/Dari place names, direction marks and embeddings, Arabic-Indic digits.
    let text =
        "IS-K attacked \u{200F}کابل\u{200E} and ننګرهار on ۲۶/۱/۲۰۱۸ \u{202B}دولت اسلامی\u{202C}.";
    let tokens = tokenize(text);
    let words = texts(text);
    for w in ["کابل", "ننګرهار", "دولت", "اسلامی", "attacked"] {
        assert!(
            words.iter().any(|t| t
                .trim_matches(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202B}' | '\u{202C}'))
                == w),
            "{w} missing from {words:?}"
        );
    }
    let mut last = 0;
    for t in &tokens {
        assert!(t.span.start >= last && t.span.slice(text).is_some());
        last = t.span.end;
    }
    let covered: String = words.concat();
    let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(covered, expected);
    let sents = sentences(text);
    assert_eq!(sents.len(), 1);
    assert_eq!(sents[0].text(text), text);
    // Folding drops the direction marks, so "\u{200F}کابل\u{200E}" compares equal to "کابل".
    assert_eq!(
        fold_str("\u{200F}کابل\u{200E} \u{202B}x\u{202C} \u{2067}y\u{2069}\u{061C}"),
        "کابل x y"
    );
}

#[test]
fn and_and_and_is_one_token_per_word() {
    let n = 20_000;
    let text = "and ".repeat(n);
    let tokens = tokenize(&text);
    assert_eq!(tokens.len(), n);
    for (i, t) in tokens.iter().enumerate() {
        assert_eq!(
            (t.span.start, t.span.end, t.kind),
            (4 * i, 4 * i + 3, TokenKind::Word)
        );
    }
    let sents = sentences(&text);
    assert_eq!(sents.len(), 1);
    assert_eq!(sents[0].span, Span::new(0, 4 * n - 1));
}

#[test]
fn a_long_token_is_one_token() {
    for (piece, kind) in [
        ("a", TokenKind::Word),
        ("9", TokenKind::Number),
        ("ب", TokenKind::Word),
    ] {
        let text = format!("x {} y", piece.repeat(20_000));
        let tokens = tokenize(&text);
        assert_eq!(tokens.len(), 3);
        assert_eq!(tokens[1].span, Span::new(2, 2 + 20_000 * piece.len()));
        assert_eq!(tokens[1].kind, kind);
    }
    // Digits joined by commas are one token (UAX #29 WB11/12), however long: "1,1,…,1" and
    // the final comma.
    let text = "1,".repeat(10_000);
    let tokens = tokenize(&text);
    assert_eq!(tokens.len(), 2);
    assert_eq!(
        (tokens[0].span, tokens[0].kind),
        (Span::new(0, text.len() - 1), TokenKind::Number)
    );
    assert_eq!(
        (tokens[1].text(&text), tokens[1].kind),
        (",", TokenKind::Punct)
    );
    // With a space after each comma, one number and one comma each.
    let text = "1, ".repeat(10_000);
    let tokens = tokenize(&text);
    assert_eq!(tokens.len(), 20_000);
    for (i, t) in tokens.iter().enumerate() {
        let (want, kind) = if i % 2 == 0 {
            ("1", TokenKind::Number)
        } else {
            (",", TokenKind::Punct)
        };
        assert_eq!(
            (t.text(&text), t.kind, t.span.start),
            (want, kind, 3 * (i / 2) + i % 2),
            "token {i}"
        );
    }
}

/// The sentence fast path gives the reference's sentences on hostile input: every Unicode
/// space as the only separator, NUL bytes, right-to-left text, a long token, bare line ends.
#[test]
fn sentence_fast_path_equals_reference_on_hostile_input() {
    let mut texts: Vec<String> = SPACES
        .iter()
        .map(|sp| format!("Dr. Khalid spoke.{sp}He left.{sp}{sp}the end{sp}"))
        .collect();
    texts.push("a.\0B. \0\0 c?\u{7f}D".to_string());
    texts.push("قال المتحدث. ثم غادر! Then more.\u{2029}Next".to_string());
    texts.push(format!("{}. Then", "x".repeat(100_000)));
    texts.push("\r\r\n\n \u{85}. .\r".to_string());
    let reference = khabar_tokenize::SentenceSplitter::new().ascii_fast_path(false);
    for text in &texts {
        assert_eq!(sentences(text), reference.split(text), "{text:?}");
    }
    let text = "Dr. Khalid spoke.\u{2028}He left.";
    let got: Vec<&str> = sentences(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(got, ["Dr. Khalid spoke.", "He left."]);
}
