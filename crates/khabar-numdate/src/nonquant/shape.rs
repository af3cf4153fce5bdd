//! Shape tests: for each rule of the scan, a cheap condition on the number token and its
//! neighbours that holds wherever the rule can fire (a necessary condition, never a
//! sufficient one). The scan runs a rule only where its shape test passes, so a plain
//! number ("12 people") is turned away by a few byte comparisons instead of twenty rules
//! that each lower-case and look up the words around it.
//!
//! Each test is written beside the part of its rule it summarises; the property test in
//! `super::tests` checks that the scan with them finds exactly what the scan without them
//! (every rule at every token, the reference) finds.

use super::Cx;
use khabar_tokenize::TokenKind;

/// Whether some word among the (at most) three tokens before `i` starts with one of the
/// ASCII letters in `firsts` (lower case), in either case. The cue words of the rules are
/// ASCII and compared lower-cased, so a word that passes no such test is no cue.
fn cue_before(cx: &Cx<'_>, i: usize, firsts: &[u8]) -> bool {
    (i.saturating_sub(3)..i).any(|k| {
        cx.word(k)
            .and_then(|w| w.bytes().next())
            .is_some_and(|b| firsts.contains(&b.to_ascii_lowercase()))
    })
}

/// Whether the word at `k` starts with an upper-case letter.
fn capital_word(cx: &Cx<'_>, k: Option<usize>) -> bool {
    k.and_then(|k| cx.word(k))
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// [`super::web_furniture`]: digits, and a capitalised word next to them (possibly across a
/// parenthesis) or "min" after them.
pub(super) fn web_furniture(cx: &Cx<'_>, i: usize) -> bool {
    cx.digits_only(i)
        && (capital_word(cx, i.checked_sub(1))
            || capital_word(cx, i.checked_sub(2))
            || capital_word(cx, Some(i + 1))
            || capital_word(cx, Some(i + 2))
            || cx.is_word(i + 1, "min"))
}

/// [`super::pagination`]: digits followed by digits.
pub(super) fn pagination(cx: &Cx<'_>, i: usize) -> bool {
    cx.digits_only(i) && cx.digits_only(i + 1)
}

/// [`super::list_marker`]: a period after the number.
pub(super) fn list_marker(cx: &Cx<'_>, i: usize) -> bool {
    cx.txt(i + 1) == "."
}

/// [`super::coordinate_degrees`]: a degree sign after the number.
pub(super) fn coordinate_degrees(cx: &Cx<'_>, i: usize) -> bool {
    matches!(cx.txt(i + 1), "°" | "º")
}

/// [`super::coordinate_hemisphere`]: a decimal point.
pub(super) fn coordinate_hemisphere(cx: &Cx<'_>, i: usize) -> bool {
    cx.txt(i).contains('.')
}

/// [`super::coordinate_pair`]: a decimal point, or a minus sign before the decimal.
pub(super) fn coordinate_pair(cx: &Cx<'_>, i: usize) -> bool {
    let t = cx.txt(i);
    t.contains('.') || matches!(t, "-" | "\u{2212}")
}

/// [`super::coordinate_cue`]: a word starting like a coordinate word ("latitude", "long",
/// "coordinates", "grid", "gps", "mgrs") among the three tokens before.
pub(super) fn coordinate_cue(cx: &Cx<'_>, i: usize) -> bool {
    cue_before(cx, i, b"lcgm")
}

/// [`super::coordinate_spaced`]: digits followed by digits.
pub(super) fn coordinate_spaced(cx: &Cx<'_>, i: usize) -> bool {
    pagination(cx, i)
}

/// [`super::phone_groups`]: digits that are long (a leading zero and nine digits), or go on
/// in a run of digit groups, or have a phone word ("phone", "hotline", …) among the three
/// tokens before them or "call" or "dial" right before them. The words are compared as the
/// rule compares them (ASCII case-insensitively), without lower-casing a copy.
pub(super) fn phone_groups(cx: &Cx<'_>, i: usize) -> bool {
    if !cx.digits_only(i) {
        return false;
    }
    let number = |k: usize| cx.kind(k) == Some(TokenKind::Number);
    let run_goes_on =
        number(i + 1) || matches!(cx.txt(i + 1), "-" | "." | "(" | ")") && number(i + 2);
    let cued = || {
        (i.saturating_sub(3)..i).any(|k| {
            cx.word(k).is_some_and(|w| {
                super::PHONE_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p))
                    || k + 1 == i
                        && (w.eq_ignore_ascii_case("call") || w.eq_ignore_ascii_case("dial"))
            })
        })
    };
    run_goes_on || cx.txt(i).len() >= 9 || cued()
}

/// [`super::military_unit`] at a number: an ordinal suffix, a capital, or digits before a
/// capitalised word.
pub(super) fn military_unit(cx: &Cx<'_>, i: usize) -> bool {
    let t = cx.txt(i);
    ["st", "nd", "rd", "th"].iter().any(|s| t.ends_with(s))
        || t.chars().next().is_some_and(char::is_uppercase)
        || cx.digits_only(i) && capital_word(cx, Some(i + 1))
}

/// [`super::spec_after_label`]: a colon before the number, or a word starting like "rate"
/// or "ratio".
pub(super) fn spec_after_label(cx: &Cx<'_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        cx.txt(p) == ":"
            || cx
                .word(p)
                .and_then(|w| w.bytes().next())
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'r'))
    })
}

/// [`super::spec_unit`]: a unit glued to the number, or a short word (every unit and "mm"
/// has at most four letters) after it.
pub(super) fn spec_unit(cx: &Cx<'_>, i: usize) -> bool {
    let glued = !cx
        .txt(i)
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    glued || cx.word(i + 1).is_some_and(|w| w.len() <= 4)
}

/// [`super::named_number`]: at most six digits after a word that is capitalised or a name
/// cue of any case ("article 41"), compared as the rule compares it.
pub(super) fn named_number(cx: &Cx<'_>, i: usize) -> bool {
    let Some(w) = i.checked_sub(1).and_then(|p| cx.word(p)) else {
        return false;
    };
    cx.digits_only(i)
        && cx.txt(i).len() <= 6
        && (w.chars().next().is_some_and(char::is_uppercase)
            || super::NAME_CUES_ANY_CASE
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c)))
}

/// For rules cheap enough to need no shape test.
pub(super) fn any(_: &Cx<'_>, _: usize) -> bool {
    true
}
