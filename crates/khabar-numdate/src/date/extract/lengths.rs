//! Rules for lengths of time and for dates counted by an amount: "six years", "1 month and 21
//! days", "two days later", "3 days after January 12th", "the past six months".

use super::table::At;
use super::{after_modal, amount_unit, day_cal, g_is, g_joined, g_punct, g_word, m};
use crate::date::TemporalMod;
use crate::date::grammar::{Match, Sem};
use crate::date::lexicon::{DayPart, Unit, W};
use crate::date::resolve::Cal;
use khabar_tokenize::TokenKind;

/// Nights of a stay, a length in days: "two nights", "for 1 night?". A singular "night" after
/// a number must close the clause ("three night markets" is no length).
#[inline]
pub(super) fn nights(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let (j, a) = g.amount(i)?;
    let a = a?;
    if !(g_is(g, j, W::DayPart(DayPart::Night)) && a.fract() == 0.0 && (1.0..=366.0).contains(&a)) {
        return None;
    }
    let plural =
        g.t.get(j)
            .and_then(|t| g.text.get(t.start..t.end))
            .is_some_and(|x| x.ends_with('s') || x.ends_with('S'));
    let closes = g.t.get(j + 1).is_none_or(|t| t.kind == TokenKind::Punct);
    if plural || (a == 1.0 && closes) {
        m(i, j + 1, Sem::Dur(Some(a), Unit::Day), None)
    } else {
        None
    }
}

/// A capitalised bare plural unit opening a sentence before "later"/"earlier": "Months after
/// the Islamic State declared …", "Years later".
#[inline]
pub(super) fn units_opening_sentence(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let Some(W::Unit(u, true)) = at.w else {
        return None;
    };
    let cap = g.t.get(i).is_some_and(|t| t.cap());
    if cap
        && matches!(
            g.t.get(i + 1).and_then(|t| t.w),
            Some(W::Later | W::Earlier)
        )
        && !matches!(u, Unit::Weekend)
    {
        m(i, i + 1, Sem::Dur(None, u), None)
    } else {
        None
    }
}

/// Compound lengths: "1 year 1 month 21 days", "2 hours and 30 minutes"; with "ago" or "later"
/// a date: "1 month and 21 days ago", "1 year, 2 months later".
#[inline]
pub(super) fn compound(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let (e, Some(a0), u0) = at.amount? else {
        return None;
    };
    let mut parts = [(a0, u0); 4];
    let mut len = 1usize;
    let mut e = e;
    while len < 4 {
        let k = if g_is(g, e, W::And) || g_punct(g, e, &[","]) {
            e + 1
        } else {
            e
        };
        match amount_unit(g, k) {
            Some((e2, Some(a), u))
                if parts.iter().take(len).all(|&(_, v)| v != u) && !matches!(u, Unit::Weekend) =>
            {
                if let Some(slot) = parts.get_mut(len) {
                    *slot = (a, u);
                }
                len += 1;
                e = e2;
            }
            _ => break,
        }
    }
    if len < 2 {
        return None;
    }
    let n = len as u8;
    match g.t.get(e).and_then(|t| t.w) {
        Some(W::Ago) => m(i, e + 1, Sem::CompoundRel(parts, n, -1, false), None),
        Some(W::Later) if g_word(g, e, "later") => {
            m(i, e + 1, Sem::CompoundRel(parts, n, 1, true), None)
        }
        _ => m(i, e, Sem::Compound(parts, n), at.cmp),
    }
}

/// An amount before or after a day: "3 days after January 12th", "two days before
/// yesterday", "2 weeks from Jan 15", "a week starting tomorrow"; with a comparison, "more
/// than 2 weeks before today" (before that day), "within 2 weeks from today", "less than 3
/// days after tomorrow", "for 3 days from today" (the period between the two days).
#[inline]
pub(super) fn amount_from_date(at: &At<'_, '_>) -> Option<Match> {
    let (g, i, cmp) = (at.g, at.i, at.cmp);
    let (e, amt, u) = at.amount?;
    let starting = g_word(g, e, "starting") || g_word(g, e, "beginning");
    let sign = match g.t.get(e).and_then(|t| t.w) {
        Some(W::Later) => 1,
        Some(W::Earlier) => -1,
        Some(W::From) if !g_is(g, e + 1, W::Now) => 1,
        _ if starting => 1,
        _ => return None,
    };
    let v = amt?;
    if !(v.fract() == 0.0
        && v.abs() <= 100_000.0
        && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))
    {
        return None;
    }
    let from_at = if starting && g_is(g, e + 1, W::From) {
        e + 1
    } else {
        e
    };
    let (e2, c) = g.cal(from_at + 1)?;
    if !day_cal(c) {
        return None;
    }
    let n = sign * v as i64;
    let after_for = i > 0 && g_word(g, i - 1, "for") && cmp.is_none();
    let sem = match cmp {
        Some(TemporalMod::LessThan | TemporalMod::EqualOrLess) => Sem::ShiftRange(c, u, n),
        _ if after_for || starting => Sem::ShiftRange(c, u, n),
        _ => Sem::Shift(c, u, n),
    };
    let md = if matches!(sem, Sem::ShiftRange(..)) {
        None
    } else {
        shift_modifier(cmp, sign)
    };
    m(i, e2, sem, md)
}

/// The modifier of a day shifted with a comparison: "more than 2 weeks before today" lies
/// before the shifted day, "less than 3 days after tomorrow" before it, and so on.
fn shift_modifier(cmp: Option<TemporalMod>, sign: i64) -> Option<TemporalMod> {
    match (cmp, sign) {
        (Some(TemporalMod::MoreThan | TemporalMod::EqualOrMore), -1) => Some(TemporalMod::Before),
        (Some(TemporalMod::MoreThan | TemporalMod::EqualOrMore), _) => Some(TemporalMod::After),
        (Some(TemporalMod::LessThan | TemporalMod::EqualOrLess), -1) => Some(TemporalMod::After),
        (Some(TemporalMod::LessThan | TemporalMod::EqualOrLess), _) => Some(TemporalMod::Before),
        (other, _) => other,
    }
}

/// Where an amount is counted from, after the amount ending at `e`: `(end, sign, anaphoric)`:
/// "ago", "hence", "from now" count from the reference; "later", "earlier" from the date
/// being talked about ("two days later", "a year earlier"; not "earlier than", "later the",
/// "later today").
fn counted_from(at: &At<'_, '_>, e: usize) -> Option<(usize, i64, bool)> {
    let g = at.g;
    match g.t.get(e).and_then(|t| t.w) {
        Some(W::Ago) => Some((e + 1, -1, false)),
        Some(W::Later) if !g_is(g, e + 1, W::The) && !g_is(g, e + 1, W::Today) => {
            Some((e + 1, 1, true))
        }
        Some(W::Earlier)
            if g_word(g, e, "earlier")
                && !g_word(g, e + 1, "than")
                && !g_is(g, e + 1, W::The)
                && !g_is(g, e + 1, W::Today) =>
        {
            Some((e + 1, -1, true))
        }
        Some(W::Hence) => Some((e + 1, 1, false)),
        Some(W::From) if g_is(g, e + 1, W::Now) => Some((e + 2, 1, false)),
        _ => None,
    }
}

/// An amount counted from now or from the date being talked about: "six years ago", "two
/// days later", "two weeks from now", "about a week ago" (approximate), "a few years ago"
/// (the past, unspecified); else the amount is a length: "12 years", "more than three
/// hours", "three weekends" (P3WE; "labor day 2021 weekend" is no length).
#[inline]
pub(super) fn amount_ago_or_length(at: &At<'_, '_>) -> Option<Match> {
    let (i, cmp) = (at.i, at.cmp);
    let (e, amt, u) = at.amount?;
    match (counted_from(at, e), amt) {
        (Some((e2, sign, anaphoric)), Some(v)) if v.fract() == 0.0 && v.abs() <= 100_000.0 => {
            let n = sign * v as i64;
            // A weekend counts as a week.
            let unit = if matches!(u, Unit::Weekend) {
                Unit::Week
            } else {
                u
            };
            let c = Cal::Rel { unit, n, anaphoric };
            let md = if cmp == Some(TemporalMod::Approx) {
                cmp
            } else {
                None
            };
            m(i, e2, Sem::Cal(c), md)
        }
        (Some((e2, _, _)), None) => m(i, e2, Sem::Ref("PAST_REF"), None),
        _ => {
            // A bare "weekends" is read as a set (see [`super::sets::weekends`]), and
            // "several weekends" is left alone.
            if !matches!(u, Unit::Weekend) || amt.is_some_and(|a| a <= 52.0) {
                m(i, e, Sem::Dur(amt, u), cmp)
            } else {
                None
            }
        }
    }
}

/// A length up to or from now: "the past six months", "the last few years", "the next two
/// weeks", "last years", "the past year" (a year's length); "the last week" is the calendar
/// week before, "over the last week" a length. Not the verb: "the course will last three
/// weekends".
#[inline]
pub(super) fn the_past_units(at: &At<'_, '_>) -> Option<Match> {
    let (g, i, w) = (at.g, at.i, at.w);
    let verb_last = w == Some(W::Last) && i > 0 && after_modal(g, i - 1);
    if verb_last || !matches!(w, Some(W::The | W::Last | W::Next)) {
        return None;
    }
    let k = if w == Some(W::The) { i + 1 } else { i };
    if !matches!(g.t.get(k).and_then(|t| t.w), Some(W::Last | W::Next)) {
        return None;
    }
    if let Some((e, amt, u)) = amount_unit(g, k + 1) {
        return m(i, e, Sem::Dur(amt, u), None);
    }
    let Some(W::Unit(u, plural)) = g.t.get(k + 1).and_then(|t| t.w) else {
        return None;
    };
    if plural {
        m(i, k + 2, Sem::Dur(None, u), None)
    } else if w == Some(W::The) && g_is(g, k, W::Last) && !g_word(g, k, "previous") {
        let sem = if crate::date::rules::extent_before(g, i) || u.is_clock() {
            Sem::Dur(Some(1.0), u)
        } else {
            Sem::Cal(Cal::Rel {
                unit: u,
                n: -1,
                anaphoric: false,
            })
        };
        m(i, k + 2, sem, None)
    } else {
        None
    }
}

/// "recent years", "recent months": an unspecified length.
#[inline]
pub(super) fn recent_units(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if at.w != Some(W::Recent) {
        return None;
    }
    match g.t.get(i + 1).and_then(|t| t.w) {
        Some(W::Unit(u, true)) => m(i, i + 2, Sem::Dur(None, u), None),
        _ => None,
    }
}

/// "for years", "for decades": a bare plural unit after "for" ("for weekends" is no length).
#[inline]
pub(super) fn for_units(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    match at.w {
        Some(W::Unit(u, true))
            if i > 0 && g_word(g, i - 1, "for") && !matches!(u, Unit::Weekend) =>
        {
            m(i, i + 1, Sem::Dur(None, u), None)
        }
        _ => None,
    }
}

/// One whole unit: "all day", "full week", "another month", "all-year", "another hour"
/// ("all hour" is no length).
#[inline]
pub(super) fn all_unit(at: &At<'_, '_>) -> Option<Match> {
    let (g, i, w) = (at.g, at.i, at.w);
    if !matches!(w, Some(W::All | W::Full | W::Another)) {
        return None;
    }
    let k = if g_punct(g, i + 1, &["-"]) && g_joined(g, i) {
        i + 2
    } else {
        i + 1
    };
    match g.t.get(k).and_then(|t| t.w) {
        Some(W::Unit(u, false)) if !u.is_clock() || w == Some(W::Another) => {
            m(i, k + 1, Sem::Dur(Some(1.0), u), None)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn nights_examples() {
        check(
            super::nights,
            &[
                ("two nights", "two nights"),
                ("for 1 night?", "1 night"),
                ("three night markets", ""),
            ],
        );
    }

    #[test]
    fn units_opening_sentence_examples() {
        check(
            super::units_opening_sentence,
            &[
                ("Months after the Islamic State declared", "Months"),
                ("Years later, he returned", "Years"),
                ("months after", ""),
            ],
        );
    }

    #[test]
    fn compound_examples() {
        check(
            super::compound,
            &[
                ("1 year 1 month 21 days", "1 year 1 month 21 days"),
                ("2 hours and 30 minutes", "2 hours and 30 minutes"),
                ("1 month and 21 days ago", "1 month and 21 days ago"),
                ("1 year, 2 months later", "1 year, 2 months later"),
                ("six years", ""),
            ],
        );
    }

    #[test]
    fn amount_from_date_examples() {
        check(
            super::amount_from_date,
            &[
                ("3 days after January 12th", "3 days after January 12th"),
                ("two days before yesterday", "two days before yesterday"),
                ("2 weeks from Jan 15", "2 weeks from Jan 15"),
                ("a week starting tomorrow", "a week starting tomorrow"),
                (
                    "more than 2 weeks before today",
                    "more than 2 weeks before today",
                ),
                ("within 2 weeks from today", "within 2 weeks from today"),
                ("2 weeks from now", ""),
            ],
        );
    }

    #[test]
    fn amount_ago_or_length_examples() {
        check(
            super::amount_ago_or_length,
            &[
                ("six years ago", "six years ago"),
                ("two days later", "two days later"),
                ("two weeks from now", "two weeks from now"),
                ("a year earlier", "a year earlier"),
                ("about a week ago", "about a week ago"),
                ("a few years ago", "a few years ago"),
                ("for 12 years", "12 years"),
                ("more than three hours", "more than three hours"),
                ("three weekends", "three weekends"),
                ("several weekends", ""),
            ],
        );
    }

    #[test]
    fn the_past_units_examples() {
        check(
            super::the_past_units,
            &[
                ("in the past six months", "the past six months"),
                ("the last few years", "the last few years"),
                ("the next two weeks", "the next two weeks"),
                ("in the past year", "the past year"),
                ("the last week", "the last week"),
                ("past years", "past years"),
                ("the course will last three weekends", ""),
            ],
        );
    }

    #[test]
    fn recent_units_examples() {
        check(
            super::recent_units,
            &[
                ("in recent years", "recent years"),
                ("recent months", "recent months"),
                ("recent year", ""),
            ],
        );
    }

    #[test]
    fn for_units_examples() {
        check(
            super::for_units,
            &[
                ("for years", "years"),
                ("for decades", "decades"),
                ("for weekends", ""),
                ("years", ""),
            ],
        );
    }

    #[test]
    fn all_unit_examples() {
        check(
            super::all_unit,
            &[
                ("all day", "all day"),
                ("full week", "full week"),
                ("another month", "another month"),
                ("all-year", "all-year"),
                ("another hour", "another hour"),
                ("all hour", ""),
            ],
        );
    }
}
