//! How aliases and text become comparable: folded tokens and the spacing between them.
//!
//! Both sides go through the same steps, so that equality of keys is the matching rule:
//!
//! 1. tokenize with `khabar_tokenize::Tokenizer`;
//! 2. fold every token (typography always, case unless case-sensitive, diacritics if the
//!    gazetteer says so); tokens that fold to nothing (a lone soft hyphen) are dropped;
//! 3. between two consecutive tokens record a *gap bit*: 1 if they touch (no space between
//!    them) and neither is a hyphen, 0 otherwise. So "Kabul’s" (touching) differs from
//!    "Kabul ’s", any whitespace run equals one space, and spacing next to a hyphen is
//!    ignored ("IS –K" = "IS-K" = "IS - K").

use khabar_tokenize::{FoldOptions, Span, fold_str_with};

/// Fold options of the case-insensitive key.
#[inline]
pub(crate) fn fold_ci(strip_diacritics: bool) -> FoldOptions {
    FoldOptions {
        case_fold: true,
        strip_diacritics,
        collapse_whitespace: false,
    }
}

/// Fold options of the case-sensitive comparison form.
#[inline]
pub(crate) fn fold_cs(strip_diacritics: bool) -> FoldOptions {
    FoldOptions {
        case_fold: false,
        strip_diacritics,
        collapse_whitespace: false,
    }
}

/// Folds one token into `buf` (cleared first) and returns it. ASCII tokens take a fast path
/// that gives the same result as `fold_str_with`.
#[inline]
pub(crate) fn fold_token<'b>(tok: &str, opts: FoldOptions, buf: &'b mut String) -> &'b str {
    buf.clear();
    if tok.is_ascii() {
        if opts.case_fold {
            buf.extend(tok.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            buf.push_str(tok);
        }
    } else {
        buf.push_str(&fold_str_with(tok, opts));
    }
    buf.as_str()
}

/// Whether a folded token is a hyphen (or a run of them).
#[inline]
pub(crate) fn is_hyphen(folded: &str) -> bool {
    !folded.is_empty() && folded.bytes().all(|b| b == b'-')
}

/// The gap bit between two consecutive kept tokens.
#[inline]
pub(crate) fn gap_bit(
    prev_end: usize,
    prev_hyphen: bool,
    cur_start: usize,
    cur_hyphen: bool,
) -> u32 {
    u32::from(prev_end == cur_start && !prev_hyphen && !cur_hyphen)
}

/// The case-sensitive comparison form of a run of kept tokens: each token folded without
/// case folding, joined by single spaces (tokens never contain an ASCII space, so the form
/// determines the tokens).
pub(crate) fn cs_form(
    text: &str,
    spans: impl IntoIterator<Item = Span>,
    strip_diacritics: bool,
    out: &mut String,
) {
    out.clear();
    let opts = fold_cs(strip_diacritics);
    for (i, sp) in spans.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let tok = sp.slice(text).unwrap_or("");
        if tok.is_ascii() {
            out.push_str(tok);
        } else {
            out.push_str(&fold_str_with(tok, opts));
        }
    }
}

/// The default rule for case-sensitivity: an alias with 1 to 4 letters that is written in
/// capitals ("IS", "US", "IMU", "IS-K", "U.S.") or in mixed case with a capital after a
/// small letter ("LeI", "JuA") is an acronym and only matches with the same case. Words in
/// title case ("Kot", "Bost") and aliases without letters are not affected.
///
/// ```
/// use khabar_gazetteer::is_acronym;
/// for a in ["IS", "US", "UN", "IMU", "LeI", "IS-K", "U.S.", "TTP"] {
///     assert!(is_acronym(a), "{a}");
/// }
/// for a in ["Kot", "Bost", "Taliban", "ISKPS", "is", "9/11", "Islamic State"] {
///     assert!(!is_acronym(a), "{a}");
/// }
/// ```
pub fn is_acronym(alias: &str) -> bool {
    let mut letters = 0usize;
    let mut all_upper = true;
    let mut upper_after_lower = false;
    let mut prev_lower = false;
    for c in alias.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if letters > 4 {
            return false;
        }
        let upper = c.is_uppercase();
        let lower = c.is_lowercase();
        all_upper &= upper;
        upper_after_lower |= upper && prev_lower;
        prev_lower = lower;
    }
    letters > 0 && (all_upper || upper_after_lower)
}
