//! The counted noun phrase after a number: a light heuristic, no part-of-speech tagger.

use super::Unit;
use super::cues::{is_determiner, is_month, is_object_pronoun, is_unit_stop};
use crate::number::is_number_word;
use khabar_tokenize::{Span, Token, TokenKind};

/// The longest unit phrase, in words.
const MAX_WORDS: usize = 4;

/// Where the unit may come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitMode {
    /// Right after the number, or inside an "of" phrase ("4,000 fighters", "two of the
    /// attackers", "dozens of attacks").
    DirectOrOf,
    /// Only inside an "of" phrase (percentages: "11 per cent of the group").
    OfOnly,
}

/// The characters that end a line (Unicode's mandatory breaks: LF, CR, VT, FF, NEL, LS, PS).
const LINE_BREAKS: [char; 7] = [
    '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
];

fn is_hyphen(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text(text), "-" | "\u{2010}" | "\u{2011}")
}

/// The unit starting at token `k` (the first token after the quantity).
pub(crate) fn unit_after(text: &str, toks: &[Token], k: usize, mode: UnitMode) -> Option<Unit> {
    let first = toks.get(k)?;
    let mut j = k;
    if first.kind == TokenKind::Word && first.text(text).eq_ignore_ascii_case("of") {
        j += 1;
        while toks
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Word && is_determiner(t.text(text)))
        {
            j += 1;
        }
        if let Some(t) = toks.get(j) {
            if t.kind == TokenKind::Word && is_object_pronoun(t.text(text)) {
                return Some(Unit {
                    text: t.text(text).to_string(),
                    span: t.span,
                });
            }
        }
    } else if mode == UnitMode::OfOnly {
        return None;
    }
    let start_j = j;
    let mut words = 0;
    let mut end_j = j;
    while words < MAX_WORDS {
        let Some(t) = toks.get(j) else { break };
        if t.kind != TokenKind::Word {
            break;
        }
        // A unit never crosses a line break (headlines, page furniture).
        let prev_end = if j > 0 {
            toks.get(j - 1).map_or(0, |p| p.span.end)
        } else {
            0
        };
        if text
            .get(prev_end..t.span.start)
            .is_some_and(|gap| gap.contains(LINE_BREAKS))
        {
            break;
        }
        // A word glued to the previous one with nothing between is a clitic ("’s").
        if j > start_j && toks.get(j - 1).is_some_and(|p| p.is_joined_to(t)) {
            break;
        }
        let w = t.text(text);
        let lower_start = w.chars().next().is_some_and(char::is_lowercase);
        // Coordinated modifiers before the head noun: "small and large groups", "main
        // negative and positive variables".
        if words > 0 && words < MAX_WORDS && coordinated_modifier(text, toks, start_j, j) {
            j += 1;
            continue;
        }
        if is_unit_stop(w) || is_number_word(w) || is_month(w) {
            break;
        }
        if lower_start
            && (w.ends_with("ly") || words > 0 && (w.ends_with("ing") || w.ends_with("ed")))
        {
            break;
        }
        // Hyphenated compounds are one word: "ISIS-K", "US-led", "tech-savvy".
        let mut e = j + 1;
        while let (Some(h), Some(n)) = (toks.get(e), toks.get(e + 1)) {
            let glued = toks.get(e - 1).is_some_and(|p| p.is_joined_to(h)) && h.is_joined_to(n);
            if glued && is_hyphen(text, h) && matches!(n.kind, TokenKind::Word | TokenKind::Number)
            {
                e += 2;
            } else {
                break;
            }
        }
        // The possessive "’s" ends the phrase before the owner: "Pakistan’s madrassas".
        if toks.get(e).is_some_and(|n| {
            toks.get(e - 1).is_some_and(|p| p.is_joined_to(n)) && n.kind == TokenKind::Word
        }) {
            break;
        }
        words += 1;
        j = e;
        end_j = e;
    }
    if words == 0 {
        return None;
    }
    let a = toks.get(start_j)?.span.start;
    let b = toks.get(end_j.checked_sub(1)?)?.span.end;
    let span = Span::new(a, b);
    Some(Unit {
        text: span.slice(text)?.to_string(),
        span,
    })
}

/// Whether the "and"/"or" at `j` joins two modifiers of one head noun: the word before it
/// (inside the phrase from `start`) is no plural, and a plural noun follows within two
/// words ("small and large groups"), where "12 civilians and soldiers" stops at "and".
fn coordinated_modifier(text: &str, toks: &[Token], start: usize, j: usize) -> bool {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text))
    };
    let plural = |w: &str| {
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
            || matches!(w, "people" | "men" | "women" | "children" | "police")
    };
    let Some(conj) = word(j) else { return false };
    if !(conj == "and" || conj == "or") || j <= start {
        return false;
    }
    let before_is_modifier =
        word(j - 1).is_some_and(|w| !plural(w) && w.chars().next().is_some_and(char::is_lowercase));
    let head_follows = (j + 1..j + 3)
        .take_while(|&k| {
            word(k).is_some_and(|w| {
                !is_unit_stop(w) && w.chars().next().is_some_and(char::is_lowercase)
            })
        })
        .any(|k| word(k).is_some_and(plural));
    before_is_modifier && head_follows
}

/// The word after a hyphen glued to the number: "83-member" → "member".
pub(crate) fn compound_unit(text: &str, toks: &[Token], k: usize) -> Option<Unit> {
    let (p, h, w) = (toks.get(k.checked_sub(1)?)?, toks.get(k)?, toks.get(k + 1)?);
    if is_hyphen(text, h) && p.is_joined_to(h) && h.is_joined_to(w) && w.kind == TokenKind::Word {
        if is_number_word(w.text(text)) {
            return None;
        }
        // Take the whole glued compound: "35-year-old" → "year-old".
        let mut last = w;
        let mut e = k + 2;
        while let (Some(h2), Some(w2)) = (toks.get(e), toks.get(e + 1)) {
            if is_hyphen(text, h2)
                && last.is_joined_to(h2)
                && h2.is_joined_to(w2)
                && w2.kind == TokenKind::Word
            {
                last = w2;
                e += 2;
            } else {
                break;
            }
        }
        let span = Span::new(w.span.start, last.span.end);
        return Some(Unit {
            text: span.slice(text)?.to_string(),
            span,
        });
    }
    None
}
