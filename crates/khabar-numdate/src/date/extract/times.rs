//! Rules for the time of day: clock times, parts of the day and meals, alone or with a day.

use super::table::At;
use super::{clock_of, day_cal, day_phrase, g_is, g_joined, g_punct, g_word, in_part, longest, m};
use crate::date::TemporalMod;
use crate::date::clock::{ClockCtx, h_clock};
use crate::date::grammar::{Clock, Grammar, Match, Sem};
use crate::date::lexicon::{DayPart, Unit, W};
use crate::date::resolve::{Cal, HolidayRule, YearSpec};

/// A holiday that is a span of hours of its day (the names table's `hours` column): "Earth
/// Hour 2016" → 2016-03-19T20:30/2016-03-19T21:30. Its eve is a day ("the eve of Earth
/// Hour").
#[inline]
pub(super) fn holiday_hours(at: &At<'_, '_>) -> Option<Match> {
    if at.g.fast && !at.g.names_hours_holiday() {
        return None;
    }
    let (e, c) = at.g.holiday(at.i)?;
    let Cal::Holiday {
        rule: HolidayRule::Table { idx },
        d,
        ..
    } = c
    else {
        return None;
    };
    if d < 0 {
        return None;
    }
    let (from, to) = crate::date::holiday_table::hours(idx)?;
    m(at.i, e, Sem::TimeRange(Some(c), from, to), None)
}

/// A day, possibly with a part of the day, possibly followed by a clock time: "Monday
/// morning", "tonight", "tomorrow 8:00am", "(on) Sat at 5", "tonight around 7", "Thursday before
/// 5pm" (a time before 5pm). A clock time joins a date only when the date is one day: "this
/// week 8am" is a week and a time, not a date-time.
#[inline]
pub(super) fn day_with_time(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let (j, c, part) = day_phrase(g, i)?;
    let mut best = None;
    if let Some(p) = part {
        best = m(i, j, Sem::Time(Some(c), Clock::Part(p)), None);
    }
    let mut k = j;
    let mut md = None;
    if g_punct(g, k, &[",", "-", "–"]) {
        k += 1;
    }
    let ctx = if g_is(g, k, W::At)
        || g_punct(g, k, &["@"])
        || g_is(g, k, W::About)
        || g_is(g, k, W::By)
    {
        k += 1;
        ClockCtx::Day
    } else if g_word(g, k, "before") || g_word(g, k, "after") {
        md = Some(if g_word(g, k, "before") {
            TemporalMod::Before
        } else {
            TemporalMod::After
        });
        k += 1;
        ClockCtx::Plain
    } else if full_date(&c) && h_clock(g.txt(k)).is_some() {
        // "Fri, Jul 18, 2014 19h": a bare "h" clock is a time after a full date.
        ClockCtx::At
    } else {
        ClockCtx::Plain
    };
    if let Some(cr) = g.clock_read(k, ctx) {
        best = longest(
            best,
            m(i, cr.end, Sem::Time(Some(c), clock_of(cr, part)), md),
        );
    }
    best
}

/// ISO 8601's interval of two date-times joined by a slash: "2015-03-28 17:00:00/2015-03-29
/// 21:00:00", "2015-03-28T17:00/2015-03-29T21:00" (no spaces around the slash; each end a
/// day and a clock time).
#[inline]
pub(super) fn date_time_interval(at: &At<'_, '_>) -> Option<Match> {
    let g = at.g;
    let (c1, k1, j) = date_time_end(g, at.i)?;
    if !(g_punct(g, j, &["/"]) && g_joined(g, j - 1) && g_joined(g, j)) {
        return None;
    }
    let (c2, k2, e) = date_time_end(g, j + 1)?;
    m(at.i, e, Sem::DateTimeRange(c1, k1, c2, k2), None)
}

/// One end of [`date_time_interval`]: a day, a space or a "T", and a clock time.
fn date_time_end(g: &Grammar<'_>, i: usize) -> Option<(Cal, Clock, usize)> {
    let (j, c, part) = day_phrase(g, i)?;
    if part.is_some() || !full_date(&c) {
        return None;
    }
    let cr = g.clock_read(j, ClockCtx::Plain)?;
    Some((c, clock_of(cr, None), cr.end))
}

/// A date with its day, month and year written ("Jul 18, 2014", "2014-07-18"): a cue that a
/// bare "h" clock after it is a time of that day, not a length of hours.
fn full_date(c: &Cal) -> bool {
    matches!(
        c,
        Cal::Date {
            y: YearSpec::Abs(_),
            m: Some(_),
            d: Some(_),
        }
    )
}

/// A clock time alone, or followed by a day: "11:58 GMT", "3pm on Friday", "8am this
/// morning", "(at) five-thirty tomorrow evening", "11:30 on 1/1/2015", "2pm today" (the day must
/// be one day).
#[inline]
pub(super) fn clock_with_day(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let ctx = if i > 0 && (g_is(g, i - 1, W::At) || g_punct(g, i - 1, &["@"])) {
        ClockCtx::At
    } else {
        ClockCtx::Plain
    };
    let cr = g.clock_read(i, ctx)?;
    let mut k = cr.end;
    if g_is(g, k, W::On) || g_punct(g, k, &[","]) {
        k += 1;
    }
    let dated =
        day_phrase(g, k).map(|(e, c, part)| m(i, e, Sem::Time(Some(c), clock_of(cr, part)), None));
    let md = cr.approx.then_some(TemporalMod::Approx);
    dated
        .flatten()
        .or_else(|| m(i, cr.end, Sem::Time(None, clock_of(cr, None)), md))
}

/// A part of the day alone: "(in) the morning", "(at) night", "early morning", "late in the
/// afternoon", "early this evening", "later this afternoon", "the night-time", "(before)
/// lunch", "lunchtime"; with a day after it, that day's part: "(at) dinner tomorrow", "(in)
/// the morning yesterday"; with a clock time: "(in) the morning at 7".
#[inline]
pub(super) fn part_of_day(at: &At<'_, '_>) -> Option<Match> {
    let (g, i, w) = (at.g, at.i, at.w);
    let mut best = None;
    let (k, md) = match w {
        Some(W::Early) => (i + 1, Some(TemporalMod::Start)),
        // "after breakfast" is a signal and a meal, not the end of breakfast.
        Some(W::Later)
            if g_word(g, i, "after")
                && matches!(g.t.get(i + 1).and_then(|t| t.w), Some(W::DayPart(p)) if p.needs_cue()) =>
        {
            (i, None)
        }
        Some(W::Late | W::Later) => (i + 1, Some(TemporalMod::End)),
        _ => (i, None),
    };
    // "early this evening", "later this afternoon"
    if md.is_some() && g_is(g, k, W::This) {
        if let Some(W::DayPart(p)) = g.t.get(k + 1).and_then(|t| t.w) {
            let today = Cal::Rel {
                unit: Unit::Day,
                n: 0,
                anaphoric: false,
            };
            best = longest(
                best,
                m(i, k + 2, Sem::Time(Some(today), Clock::Part(p)), md),
            );
        }
    }
    let after_in = i > 0 && g_is(g, i - 1, W::In);
    let (k, ok) = if g_is(g, k, W::In) && g_is(g, k + 1, W::The) && md.is_some() {
        (k + 2, true)
    } else if g_is(g, k, W::The) && (after_in || md.is_some()) {
        (k + 1, true)
    } else if md.is_some() {
        (k, true)
    } else {
        (k, bare_part_cued(at, k))
    };
    if let (true, Some(W::DayPart(p))) = (ok, g.t.get(k).and_then(|t| t.w)) {
        let night_only = md.is_none() && k == i && !after_in;
        // "the night-time", "in the night-time"
        let (p, k) = if p == DayPart::Night
            && g_punct(g, k + 1, &["-"])
            && g_word(g, k + 2, "time")
            && g_joined(g, k)
            && g_joined(g, k + 1)
        {
            (DayPart::Nighttime, k + 2)
        } else {
            (p, k)
        };
        if !night_only || p == DayPart::Night || p.needs_cue() {
            best = longest(best, part_then_day_or_clock(at, k, p, md));
        }
    }
    best
}

/// Whether a bare part of the day at `k` (no "the", no "early"/"late") has its cue: "at
/// night", "(in) morning"; a meal also after "before"/"after" (signals, left out of the span)
/// and "lunchtime"/"dinnertime" alone.
fn bare_part_cued(at: &At<'_, '_>, k: usize) -> bool {
    let (g, i) = (at.g, at.i);
    let after_in = i > 0 && g_is(g, i - 1, W::In);
    let meal_cue = i > 0 && (g_word(g, i - 1, "before") || g_word(g, i - 1, "after"))
        || g.t.get(i).is_some_and(|t| {
            g.text
                .get(t.start..t.end)
                // (Compared in place: this runs at most positions the scan tries.)
                .is_some_and(|x| {
                    x.len() > 8
                        && x.as_bytes()
                            .last_chunk::<4>()
                            .is_some_and(|e| e.eq_ignore_ascii_case(b"time"))
                })
        });
    let meal = matches!(
        g.t.get(k).and_then(|t| t.w),
        Some(W::DayPart(
            DayPart::Breakfast | DayPart::Lunch | DayPart::Dinner
        ))
    );
    i > 0 && (g_is(g, i - 1, W::At) || after_in) || (meal && meal_cue)
}

/// The part of the day `p` read up to token `k`, alone or followed by a day ("dinner
/// tomorrow": that day's part) or by a clock time ("the morning at 7").
fn part_then_day_or_clock(
    at: &At<'_, '_>,
    k: usize,
    p: DayPart,
    md: Option<TemporalMod>,
) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let mut best = m(i, k + 1, Sem::Time(None, Clock::Part(p)), md);
    if let Some((
        e,
        c @ (Cal::Rel {
            unit: Unit::Day, ..
        }
        | Cal::Weekday { .. }),
    )) = g.cal(k + 1)
    {
        best = longest(best, m(i, e, Sem::Time(Some(c), Clock::Part(p)), md));
    }
    if g_is(g, k + 1, W::At) {
        if let Some(cr) = g.clock_read(k + 2, ClockCtx::Day) {
            let (h, mi) = in_part(cr, Some(p));
            best = longest(best, m(i, cr.end, Sem::Time(None, Clock::Hm(h, mi)), None));
        }
    }
    best
}

/// Rule `part-of-day`: a part of the day of a named day, "of" being its cue: "(the) morning
/// of Christmas 2013", "the evening of 15 February", "the night of the 3rd". The day must be
/// one day (a weekday, a date, a holiday, "today").
#[inline]
pub(super) fn part_of_the_day(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let k = if g_is(g, i, W::The) { i + 1 } else { i };
    let Some(W::DayPart(p)) = g.t.get(k).and_then(|t| t.w) else {
        return None;
    };
    if !g_is(g, k + 1, W::Of) {
        return None;
    }
    let (e, c, part) = day_phrase(g, k + 2)?;
    if part.is_some() || !day_cal(c) {
        return None;
    }
    m(i, e, Sem::Time(Some(c), Clock::Part(p)), None)
}

/// A meal, approximately: "around dinner", "around lunchtime".
#[inline]
pub(super) fn around_meal(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if at.w != Some(W::About) {
        return None;
    }
    match g.t.get(i + 1).and_then(|t| t.w) {
        Some(W::DayPart(p @ (DayPart::Breakfast | DayPart::Lunch | DayPart::Dinner))) => m(
            i,
            i + 2,
            Sem::Time(None, Clock::Part(p)),
            Some(TemporalMod::Approx),
        ),
        _ => None,
    }
}

/// An approximate clock time: "around 1pm", "around tomorrow 10am" (the core reading after
/// "around", when it is a clock time without a modifier).
#[inline]
pub(super) fn around_clock_time(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    if at.w != Some(W::About) || g_is(g, i + 1, W::About) {
        return None;
    }
    let inner = super::table::core(g, i + 1)?;
    if matches!(inner.sem, Sem::Time(_, Clock::Hm(..) | Clock::Hms(..))) && inner.modifier.is_none()
    {
        m(i, inner.end, inner.sem, Some(TemporalMod::Approx))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn holiday_hours_examples() {
        check(
            super::holiday_hours,
            &[
                ("earth hour 2016", "earth hour 2016"),
                ("during Earth Hour", "Earth Hour"),
                ("Christmas 2016", ""),
            ],
        );
    }

    #[test]
    fn day_with_time_examples() {
        check(
            super::day_with_time,
            &[
                ("on Monday morning", "Monday morning"),
                ("tonight", "tonight"),
                ("tomorrow 8:00am", "tomorrow 8:00am"),
                ("on Sat at 5", "Sat at 5"),
                ("tonight around 7", "tonight around 7"),
                ("Thursday before 5pm", "Thursday before 5pm"),
                ("this week 8am", ""),
                ("Fri, Jul 18, 2014 19h", "Fri, Jul 18, 2014 19h"),
                ("on 2014-07-18 8h", "2014-07-18 8h"),
                // Without a full date a bare "NNh" is a length of hours.
                ("Monday 15h", ""),
            ],
        );
    }

    #[test]
    fn part_of_the_day_examples() {
        check(
            super::part_of_the_day,
            &[
                ("morning of christmas 2013", "morning of christmas 2013"),
                (
                    "on the evening of 15 February",
                    "the evening of 15 February",
                ),
                ("the night of Saturday", "the night of Saturday"),
                // Not one day: a month, a year.
                ("the morning of March", ""),
                ("the evening of 2013", ""),
            ],
        );
    }

    #[test]
    fn date_time_interval_examples() {
        check(
            super::date_time_interval,
            &[
                (
                    "2015-03-28 17:00:00/2015-03-29 21:00:00",
                    "2015-03-28 17:00:00/2015-03-29 21:00:00",
                ),
                (
                    "2015-03-28 17:00/2015-03-28 21:00",
                    "2015-03-28 17:00/2015-03-28 21:00",
                ),
                // Spaced: two date-times, not an interval.
                ("2015-03-28 17:00 / 2015-03-29 21:00", ""),
                ("2015-03-28/2015-03-29", ""),
            ],
        );
    }

    #[test]
    fn clock_with_day_examples() {
        check(
            super::clock_with_day,
            &[
                ("at 11:58 GMT", "11:58 GMT"),
                ("3pm on Friday", "3pm on Friday"),
                ("8am this morning", "8am this morning"),
                (
                    "at five-thirty tomorrow evening",
                    "five-thirty tomorrow evening",
                ),
                ("11:30 on 1/1/2015", "11:30 on 1/1/2015"),
                ("2pm today", "2pm today"),
            ],
        );
    }

    #[test]
    fn part_of_day_examples() {
        check(
            super::part_of_day,
            &[
                ("in the morning", "the morning"),
                ("at night", "night"),
                ("early morning", "early morning"),
                ("late in the afternoon", "late in the afternoon"),
                ("early this evening", "early this evening"),
                ("later this afternoon", "later this afternoon"),
                ("in the night-time", "the night-time"),
                ("before lunch", "lunch"),
                ("lunchtime", "lunchtime"),
                ("at dinner tomorrow", "dinner tomorrow"),
                ("in the morning yesterday", "the morning yesterday"),
                ("in the morning at 7", "the morning at 7"),
                ("after breakfast", "breakfast"),
                ("morning", ""),
            ],
        );
    }

    #[test]
    fn around_meal_examples() {
        check(
            super::around_meal,
            &[
                ("around dinner", "around dinner"),
                ("around lunchtime", "around lunchtime"),
                ("around noon", ""),
            ],
        );
    }

    #[test]
    fn around_clock_time_examples() {
        check(
            super::around_clock_time,
            &[
                ("around 1pm", "around 1pm"),
                ("around tomorrow 10am", "around tomorrow 10am"),
                ("around tomorrow", ""),
            ],
        );
    }
}
