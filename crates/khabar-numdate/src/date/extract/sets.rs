//! Rules for sets (recurring times): "every week", "each Friday", "daily", "once a week",
//! "the 19th of every month", "Tuesdays at 9am".

use super::table::At;
use super::{amount_unit, g_is, g_punct, g_word, in_part, m};
use crate::date::clock::ClockCtx;
use crate::date::grammar::{Grammar, Match, Sem, Suffix};
use crate::date::lexicon::{DayPart, Unit, W};

/// "once a week", "once a year": once every unit.
#[inline]
pub(super) fn once_a_unit(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if at.w != Some(W::Once) || !g_is(g, i + 1, W::A) {
        return None;
    }
    match g.t.get(i + 2).and_then(|t| t.w) {
        Some(W::Unit(u, false)) => m(i, i + 3, Sem::SetUnit(Some(1.0), u), None),
        _ => None,
    }
}

/// A day of every month: "the 19th of every month", "1st of each month".
#[inline]
pub(super) fn day_of_every_month(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let k = if at.w == Some(W::The) { i + 1 } else { i };
    let ordinal = g.num(k).is_some_and(|n| n.suffix == Suffix::Ord)
        || g.t.get(k).is_some_and(|t| matches!(t.w, Some(W::Ord(_))));
    if !ordinal {
        return None;
    }
    let (e, d) = g.day(k, false)?;
    if g_is(g, e, W::Of)
        && matches!(g.t.get(e + 1).and_then(|t| t.w), Some(W::Every | W::Each))
        && g_is(g, e + 2, W::Unit(Unit::Month, false))
    {
        m(i, e + 3, Sem::SetMonthDay(d), None)
    } else {
        None
    }
}

/// "every"/"each" and what recurs: "every Friday", "each night", "every morning", "every
/// quarter", "every week", "every other month" (every two), "every two years", "each 3
/// days".
#[inline]
pub(super) fn every_unit(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if !matches!(at.w, Some(W::Every | W::Each)) {
        return None;
    }
    let mut k = i + 1;
    if g_word(g, k, "other") {
        k += 1;
    }
    let other = k > i + 1;
    let n = if other { Some(2.0) } else { Some(1.0) };
    match g.t.get(k).and_then(|t| t.w) {
        Some(W::Weekday(wd)) => m(i, k + 1, Sem::SetWeekday(wd), None),
        Some(W::DayPart(
            p @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night),
        )) if !other => m(i, k + 1, Sem::SetPart(p), None),
        _ if g_word(g, k, "quarter") => m(i, k + 1, Sem::SetUnit(n, Unit::Quarter), None),
        Some(W::Unit(u, false)) => m(i, k + 1, Sem::SetUnit(n, u), None),
        _ => {
            let (e, amt, u) = amount_unit(g, k)?;
            m(i, e, Sem::SetUnit(amt, u), None)
        }
    }
}

/// A word for a period: "daily", "weekly", "monthly", "annually", "everyday".
#[inline]
pub(super) fn periodic_word(at: &At<'_, '_>) -> Option<Match> {
    match at.w {
        Some(W::Periodic(u)) => m(at.i, at.i + 1, Sem::SetUnit(Some(1.0), u), None),
        _ => None,
    }
}

/// Every half year: "semiannual", "semiannually", "semi-annual", "semi-annually".
#[inline]
pub(super) fn semiannual(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    // (Compared in place: this is tried at most positions the scan tries.)
    let one_word = g.t.get(i).is_some_and(|t| {
        g.text.get(t.start..t.end).is_some_and(|x| {
            x.eq_ignore_ascii_case("semiannual") || x.eq_ignore_ascii_case("semiannually")
        })
    });
    if one_word {
        return m(i, i + 1, Sem::SetUnit(Some(0.5), Unit::Year), None);
    }
    if g_word(g, i, "semi")
        && g_punct(g, i + 1, &["-"])
        && (g_word(g, i + 2, "annual") || g_word(g, i + 2, "annually"))
    {
        return m(i, i + 3, Sem::SetUnit(Some(0.5), Unit::Year), None);
    }
    None
}

/// Weekends as a set (TIMEX `P1WE`): "all weekends", "any weekend", a bare "weekends"
/// ("dinner with mom weekends", "closed on weekends").
#[inline]
pub(super) fn weekends(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let set = Sem::SetUnit(Some(1.0), Unit::Weekend);
    match at.w {
        Some(W::All) if g_is(g, i + 1, W::Unit(Unit::Weekend, true)) => m(i, i + 2, set, None),
        _ if g_word(g, i, "any") && g_is(g, i + 1, W::Unit(Unit::Weekend, false)) => {
            m(i, i + 2, set, None)
        }
        Some(W::Unit(Unit::Weekend, true)) => m(i, i + 1, set, None),
        _ => None,
    }
}

/// A plural weekday: "Tuesdays".
fn plural_weekday(g: &Grammar<'_>, i: usize) -> Option<u8> {
    let t = g.t.get(i)?;
    let s = g.text.get(t.start..t.end)?;
    let stem = s.strip_suffix('s').or_else(|| s.strip_suffix('S'))?;
    match crate::date::lexicon::lookup(stem) {
        Some(W::Weekday(wd)) if stem.len() > 3 => Some(wd),
        _ => None,
    }
}

/// Sets with a time: "every Tuesday at 9am", "Tuesdays at 9am", "every day at 7:13 p.m.",
/// "every evening at 7:13" (in the evening), "everyday 6am", "3pm each day", "6am everyday".
#[inline]
pub(super) fn set_time(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    // Which days, and where the time may start.
    let every = matches!(at.w, Some(W::Every | W::Each));
    let (k, wd, part) = if every {
        match g.t.get(i + 1).and_then(|t| t.w) {
            Some(W::Weekday(wd)) => (i + 2, Some(wd), None),
            Some(W::Unit(Unit::Day, false)) => (i + 2, None, None),
            Some(W::DayPart(p)) => (i + 2, None, Some(p)),
            _ => (i, None, None),
        }
    } else if let Some(wd) = plural_weekday(g, i) {
        (i + 1, Some(wd), None)
    } else if g_word(g, i, "everyday") {
        (i + 1, None, None)
    } else {
        (i, None, None)
    };
    if k > i {
        let (k, ctx) = if g_is(g, k, W::At) {
            (k + 1, ClockCtx::Day)
        } else {
            (k, ClockCtx::Plain)
        };
        let cr = g.clock_read(k, ctx)?;
        let (h, mi) = in_part(cr, part);
        return m(i, cr.end, Sem::SetTime(wd, (h, mi)), None);
    }
    // "3pm each day", "6am everyday"
    let cr = g.clock_read(i, ClockCtx::Plain)?;
    let e = cr.end;
    let daily = (matches!(g.t.get(e).and_then(|t| t.w), Some(W::Every | W::Each))
        && g_is(g, e + 1, W::Unit(Unit::Day, false)))
    .then_some(e + 2)
    .or_else(|| g_word(g, e, "everyday").then_some(e + 1))?;
    m(i, daily, Sem::SetTime(None, (cr.h, cr.m)), None)
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn once_a_unit_examples() {
        check(
            super::once_a_unit,
            &[
                ("once a week", "once a week"),
                ("once a year", "once a year"),
            ],
        );
    }

    #[test]
    fn day_of_every_month_examples() {
        check(
            super::day_of_every_month,
            &[
                ("the 19th of every month", "the 19th of every month"),
                ("1st of each month", "1st of each month"),
                ("the 19th of the month", ""),
            ],
        );
    }

    #[test]
    fn every_unit_examples() {
        check(
            super::every_unit,
            &[
                ("every Friday", "every Friday"),
                ("each night", "each night"),
                ("every morning", "every morning"),
                ("every quarter", "every quarter"),
                ("every week", "every week"),
                ("every other month", "every other month"),
                ("every two years", "every two years"),
                ("every other morning", ""),
            ],
        );
    }

    #[test]
    fn periodic_word_examples() {
        check(
            super::periodic_word,
            &[
                ("daily", "daily"),
                ("weekly", "weekly"),
                ("annually", "annually"),
                ("everyday", "everyday"),
            ],
        );
    }

    #[test]
    fn semiannual_examples() {
        check(
            super::semiannual,
            &[
                ("semiannual", "semiannual"),
                ("semiannually", "semiannually"),
                ("semi-annual", "semi-annual"),
                ("semi-annually", "semi-annually"),
                ("annual", ""),
            ],
        );
    }

    #[test]
    fn weekends_examples() {
        check(
            super::weekends,
            &[
                ("all weekends", "all weekends"),
                ("any weekend", "any weekend"),
                ("closed on weekends", "weekends"),
                ("this weekend", ""),
            ],
        );
    }

    #[test]
    fn set_time_examples() {
        check(
            super::set_time,
            &[
                ("every Tuesday at 9am", "every Tuesday at 9am"),
                ("Tuesdays at 9am", "Tuesdays at 9am"),
                ("every day at 7:13 p.m.", "every day at 7:13 p.m."),
                ("every evening at 7:13", "every evening at 7:13"),
                ("everyday 6am", "everyday 6am"),
                ("3pm each day", "3pm each day"),
                ("6am everyday", "6am everyday"),
                ("every Tuesday", ""),
            ],
        );
    }
}
