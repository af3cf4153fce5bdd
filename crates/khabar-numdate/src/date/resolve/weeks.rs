//! Resolving weekdays, weekends and weeks, and days counted within a month.

use super::{Anchor, Cal, MonthRef, Resolved, day_interval, resolve};
use crate::date::{CivilDate, Granularity, Interval};

/// A day written as its value and one-day interval.
fn one_day(date: CivilDate) -> Resolved {
    Resolved {
        value: date.to_string(),
        interval: Some(day_interval(date)),
    }
}

/// A value without an interval (no reference date).
fn unanchored(value: String) -> Option<Resolved> {
    Some(Resolved {
        value,
        interval: None,
    })
}

/// "on Friday" (the most recent Friday on or before the reference, or forward the first on
/// or after it), "this Friday", "next Friday", "last Friday" (in this, the next, the last
/// Monday-to-Sunday week).
pub(super) fn weekday(
    wd: u8,
    shift: Option<i64>,
    r: Option<CivilDate>,
    past: bool,
) -> Option<Resolved> {
    let Some(r) = r else {
        return unanchored(format!("XXXX-WXX-{wd}"));
    };
    let today = i64::from(r.weekday());
    let target = i64::from(wd);
    let date = match shift {
        None if past => r.add_days(-((today - target).rem_euclid(7))),
        None => r.add_days((target - today).rem_euclid(7)),
        Some(k) => r.add_days(target - today + 7 * k),
    };
    Some(one_day(date))
}

/// "Fri 14th", "Friday 31": the most recent (or, forward, the next) month whose day `d` is
/// that weekday.
pub(super) fn weekday_day(wd: u8, d: u8, r: Option<CivilDate>, past: bool) -> Option<Resolved> {
    let Some(r) = r else {
        return unanchored(format!("XXXX-XX-{d:02}"));
    };
    let step = if past { -1 } else { 1 };
    // Some month within 28 has any day 1–31 on any weekday.
    let date = (0..=28).find_map(|k| {
        let first = r.first_of_month().add_months(step * k);
        let date = CivilDate::checked(first.year(), first.month(), d)?;
        let on_side = if past { date <= r } else { date >= r };
        (on_side && date.weekday() == wd).then_some(date)
    })?;
    Some(one_day(date))
}

/// The first day of an nth-weekday or nth-week month: "July" (the year by the bias), "next
/// month"; the outer `None` when the month does not resolve, the inner when it has no
/// anchor.
fn month_first(month: MonthRef, a: &Anchor) -> Option<Option<CivilDate>> {
    Some(match month {
        MonthRef::Rel(k) => a.reference.map(|r| r.first_of_month().add_months(k)),
        MonthRef::Named(y, m) => {
            let res = resolve(
                Cal::Date {
                    y,
                    m: Some(m),
                    d: None,
                },
                a,
            )?;
            res.interval.map(|iv| iv.start)
        }
    })
}

/// "the first Friday of July", "the last Monday of next month" (`n` = 0 for the last); none
/// when the month has no such weekday ("the fifth Friday of February 2018").
pub(super) fn nth_weekday(n: u8, wd: u8, month: MonthRef, a: &Anchor) -> Option<Resolved> {
    let Some(first) = month_first(month, a)? else {
        let m = match month {
            MonthRef::Named(_, m) => format!("{m:02}"),
            MonthRef::Rel(_) => "XX".to_string(),
        };
        return unanchored(format!("XXXX-{m}-WXX-{wd}"));
    };
    let date = if n == 0 {
        let last = first.last_of_month();
        last.add_days(-((i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7)))
    } else {
        let d1 = first.add_days((i64::from(wd) - i64::from(first.weekday())).rem_euclid(7));
        d1.add_days(7 * (i64::from(n) - 1))
    };
    if date.month() != first.month() {
        return None;
    }
    Some(one_day(date))
}

/// "the third week of this month", "the last week of July" (`n` = 0): the ISO week
/// containing day 7(n-1)+1 (or the month's last day).
pub(super) fn nth_week(n: u8, month: MonthRef, a: &Anchor) -> Option<Resolved> {
    if n == 0 {
        return nth_last_week(1, month, a);
    }
    iso_week_of_day(month, a, |first| first.add_days(7 * (i64::from(n) - 1)))
}

/// "the second last week of October 2018" (`n` = 2; 1 is the last week): the ISO week
/// containing the day 7(n-1) days before the month's last — counted back as [`nth_week`]
/// counts forward.
pub(super) fn nth_last_week(n: u8, month: MonthRef, a: &Anchor) -> Option<Resolved> {
    iso_week_of_day(month, a, |first| {
        first.last_of_month().add_days(-7 * (i64::from(n) - 1))
    })
}

/// The ISO week containing the day `day_of` picks from the month's first day.
fn iso_week_of_day(
    month: MonthRef,
    a: &Anchor,
    day_of: impl Fn(CivilDate) -> CivilDate,
) -> Option<Resolved> {
    let Some(first) = month_first(month, a)? else {
        return unanchored("XXXX-WXX".to_string());
    };
    let (y, w) = day_of(first).iso_week();
    let monday = CivilDate::iso_week_monday(y, w);
    Some(Resolved {
        value: format!("{y:04}-W{w:02}"),
        interval: Some(Interval {
            start: monday,
            end: monday.add_days(6),
            granularity: Granularity::Week,
        }),
    })
}

/// "the weekend": Saturday and Sunday of this week when the reference is on it (or, going
/// forward, before it), else of the week before (or after).
pub(super) fn weekend(r: Option<CivilDate>, past: bool) -> Option<Resolved> {
    let Some(r) = r else {
        return unanchored("XXXX-WXX-WE".to_string());
    };
    let wd = i64::from(r.weekday());
    let this_sat = r.add_days(6 - wd);
    let sat = if wd >= 6 || !past {
        this_sat
    } else {
        this_sat.add_days(-7)
    };
    let (y, w) = sat.iso_week();
    Some(Resolved {
        value: format!("{y:04}-W{w:02}-WE"),
        interval: Some(Interval {
            start: sat,
            end: sat.add_days(1),
            granularity: Granularity::Week,
        }),
    })
}

/// "the 20th of next month": a day of a month counted from the reference's.
pub(super) fn day_of_rel_month(d: u8, n: i64, r: Option<CivilDate>) -> Option<Resolved> {
    let Some(r) = r else {
        return unanchored(format!("XXXX-XX-{d:02}"));
    };
    let m = r.first_of_month().add_months(n);
    let date = CivilDate::checked(m.year(), m.month(), d)?;
    Some(one_day(date))
}

#[cfg(test)]
mod tests {
    use super::super::check_values;
    use crate::date::Direction::{Future, Past};

    #[test]
    fn weekday_and_week_examples() {
        // 2018-01-26 is a Friday.
        check_values(
            "2018-01-26",
            Past,
            &[
                ("on Monday", "Monday", "2018-01-22"),
                ("next Friday", "next Friday", "2018-02-02"),
                ("last Friday", "last Friday", "2018-01-19"),
                (
                    "the first Friday of July",
                    "the first Friday of July",
                    "2017-07-07",
                ),
                (
                    "the last Monday of next month",
                    "the last Monday of next month",
                    "2018-02-26",
                ),
                (
                    "the third week of this month",
                    "the third week of this month",
                    "2018-W03",
                ),
                ("over the weekend", "the weekend", "2018-W03-WE"),
                (
                    "the 20th of next month",
                    "the 20th of next month",
                    "2018-02-20",
                ),
            ],
        );
        check_values(
            "2018-01-26",
            Future,
            &[
                ("on Monday", "Monday", "2018-01-29"),
                ("over the weekend", "the weekend", "2018-W04-WE"),
            ],
        );
    }
}
