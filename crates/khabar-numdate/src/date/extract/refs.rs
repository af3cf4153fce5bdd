//! Rules for references: the present, the past, the future, and the date being talked about
//! ("to date", "the day before", "for the month").

use super::table::At;
use super::{g_is, g_punct, g_word, longest, m, past_ref_end};
use crate::date::grammar::{Match, Sem};
use crate::date::lexicon::{Unit, W};
use crate::date::resolve::Cal;
use khabar_tokenize::TokenKind;

/// "right now": the present.
#[inline]
pub(super) fn right_now(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if g_word(g, i, "right") && g_is(g, i + 1, W::Now) {
        m(i, i + 2, Sem::Ref("PRESENT_REF"), None)
    } else {
        None
    }
}

/// After "at": "(at) the moment", "(at) this time", "(at) the present time": the present.
#[inline]
pub(super) fn at_the_moment(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if i == 0 || !g_is(g, i - 1, W::At) {
        return None;
    }
    let e = if (g_is(g, i, W::The) && g_word(g, i + 1, "moment"))
        || (g_is(g, i, W::This) && g_word(g, i + 1, "time"))
    {
        i + 2
    } else if g_is(g, i, W::The) && g_is(g, i + 1, W::Present) && g_word(g, i + 2, "time") {
        i + 3
    } else {
        return None;
    };
    m(i, e, Sem::Ref("PRESENT_REF"), None)
}

/// "to date", "till date": up to now ("the deadliest attack to date"); not "up to date",
/// "equal to date", "year to date" (see [`super::years::year_to_date`]), "to date-stamp", nor
/// "to date 1" ("date" names a field).
#[inline]
pub(super) fn to_date(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let ok = matches!(at.w, Some(W::To | W::Until))
        && g_word(g, i + 1, "date")
        && !(i > 0
            && (g_word(g, i - 1, "up")
                || g_word(g, i - 1, "equals")
                || g_word(g, i - 1, "equal")
                || g_is(g, i - 1, W::Unit(Unit::Year, false))))
        && !g_punct(g, i + 2, &["-"])
        && g.t.get(i + 2).is_none_or(|t| !t.has_num() && t.w.is_none());
    if ok {
        m(i, i + 2, Sem::Ref("PRESENT_REF"), None)
    } else {
        None
    }
}

/// "the year", "the month", "the week", "the day" closing a clause ("partner of the year.",
/// "away for the month", "blocked for the day"): the one being talked about, or the reference
/// date's.
#[inline]
pub(super) fn the_unit_closing(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if at.w != Some(W::The) {
        return None;
    }
    let Some(W::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)) =
        g.t.get(i + 1).and_then(|t| t.w)
    else {
        return None;
    };
    let closes =
        g.t.get(i + 2)
            .is_none_or(|t| t.kind == TokenKind::Punct && !g_punct(g, i + 2, &["-", "'", "’"]));
    if !closes {
        return None;
    }
    let c = Cal::Rel {
        unit: u,
        n: 0,
        anaphoric: true,
    };
    m(i, i + 2, Sem::Cal(c), None)
}

/// "the day before", "the day after" closing a clause: the day before (after) the date being
/// talked about, or the reference date ("the day before the attack" is left alone).
#[inline]
pub(super) fn the_day_before_after(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if at.w != Some(W::The) || !g_is(g, i + 1, W::Unit(Unit::Day, false)) {
        return None;
    }
    let n = if g_word(g, i + 2, "before") {
        -1
    } else if g_word(g, i + 2, "after") {
        1
    } else {
        return None;
    };
    let closes = g.t.get(i + 3).is_none_or(|t| t.kind == TokenKind::Punct);
    if !closes {
        return None;
    }
    let c = Cal::Rel {
        unit: Unit::Day,
        n,
        anaphoric: true,
    };
    m(i, i + 3, Sem::Cal(c), None)
}

/// "for the time being": the present.
#[inline]
pub(super) fn for_the_time_being(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if at.w == Some(W::The) && g_word(g, i + 1, "time") && g_word(g, i + 2, "being") {
        m(i, i + 3, Sem::Ref("PRESENT_REF"), None)
    } else {
        None
    }
}

/// One-word references: "now" (the present), "recently" (the past), "(at) present", "the
/// future", "the past" when no amount or unit follows ("the past six months" is a length).
#[inline]
pub(super) fn reference_word(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    match at.w {
        Some(W::Now) => m(i, i + 1, Sem::Ref("PRESENT_REF"), None),
        Some(W::Recently) => m(i, i + 1, Sem::Ref("PAST_REF"), None),
        Some(W::Present) if i > 0 && g_is(g, i - 1, W::At) => {
            m(i, i + 1, Sem::Ref("PRESENT_REF"), None)
        }
        Some(W::The) => {
            let mut best = None;
            if g_is(g, i + 1, W::Future) {
                best = m(i, i + 2, Sem::Ref("FUTURE_REF"), None);
            }
            if g_is(g, i + 1, W::Last) && g_word(g, i + 1, "past") && past_ref_end(g, i + 2) {
                best = longest(best, m(i, i + 2, Sem::Ref("PAST_REF"), None));
            }
            best
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn right_now_examples() {
        check(
            super::right_now,
            &[("we are there right now.", "right now"), ("right away", "")],
        );
    }

    #[test]
    fn at_the_moment_examples() {
        check(
            super::at_the_moment,
            &[
                ("at the moment", "the moment"),
                ("at this time", "this time"),
                ("at the present time", "the present time"),
                ("the moment he left", ""),
            ],
        );
    }

    #[test]
    fn to_date_examples() {
        check(
            super::to_date,
            &[
                ("the deadliest attack to date", "to date"),
                ("the largest till date", "till date"),
                ("kept up to date", ""),
                ("the year to date", ""),
                ("set to date 1", ""),
            ],
        );
    }

    #[test]
    fn the_unit_closing_examples() {
        check(
            super::the_unit_closing,
            &[
                ("partner of the year.", "the year"),
                ("away for the month", "the month"),
                ("blocked for the day", "the day"),
                ("the year's end", ""),
                ("the week ahead", ""),
            ],
        );
    }

    #[test]
    fn the_day_before_after_examples() {
        check(
            super::the_day_before_after,
            &[
                ("he had arrived the day before.", "the day before"),
                ("they left the day after", "the day after"),
                ("the day before the attack", ""),
            ],
        );
    }

    #[test]
    fn for_the_time_being_examples() {
        check(
            super::for_the_time_being,
            &[("closed for the time being", "the time being")],
        );
    }

    #[test]
    fn reference_word_examples() {
        check(
            super::reference_word,
            &[
                ("now", "now"),
                ("recently", "recently"),
                ("at present", "present"),
                ("in the future", "the future"),
                ("in the past", "the past"),
                ("the past six months", ""),
                ("the present government", ""),
            ],
        );
    }
}
