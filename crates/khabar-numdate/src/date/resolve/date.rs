//! Resolving a year-month-day date whose parts may be missing: the past/future bias picks the
//! year (and, for "the 27th", the month) the text leaves out.

use super::{Anchor, Resolved, YearSpec, day_interval, month_interval, year_of};
use crate::date::{CivilDate, Direction, Granularity, Interval};

/// "December 17, 2017", "December 17" (the year by the bias), "last September", "next June",
/// "the 27th" (the month by the bias), "2015", "March 2014".
pub(super) fn date(y: YearSpec, m: Option<u8>, d: Option<u8>, a: &Anchor) -> Option<Resolved> {
    let (year, month) = year_and_month(y, m, d, a);
    value(year, month, d)
}

/// The year and month of a date, the missing ones found from the reference date.
fn year_and_month(
    y: YearSpec,
    m: Option<u8>,
    d: Option<u8>,
    a: &Anchor,
) -> (Option<i32>, Option<u8>) {
    let r = a.reference;
    let past = a.direction == Direction::Past;
    let mut year = year_of(y, r);
    if let (YearSpec::Prev | YearSpec::Next, Some(r), Some(mm)) = (y, r, m) {
        year = Some(last_or_next_month(y == YearSpec::Prev, mm, r));
    }
    let (YearSpec::Unknown, Some(r)) = (y, r) else {
        return (year, m);
    };
    match (m, d) {
        (Some(m), Some(d)) => (Some(year_of_month_day(m, d, r, past)), Some(m)),
        (Some(m), None) => (Some(year_of_month(m, r, past)), Some(m)),
        (None, Some(d)) => {
            let (y, m) = month_of_day(d, r, past);
            (Some(y), Some(m))
        }
        (None, None) => (year, m),
    }
}

/// The year of "last September" (`prev`: the most recent one before the reference month) or
/// "next June" (the first one after it).
fn last_or_next_month(prev: bool, m: u8, r: CivilDate) -> i32 {
    if prev && m >= r.month() {
        r.year() - 1
    } else if !prev && m <= r.month() {
        r.year() + 1
    } else {
        r.year()
    }
}

/// The year of "December 17": the reference year's, or the one before (past bias) or after
/// (future) when that one lies on the wrong side; "February 29" in a common year looks for the
/// nearest leap year that way.
fn year_of_month_day(m: u8, d: u8, r: CivilDate, past: bool) -> i32 {
    let mut yy = r.year();
    match CivilDate::checked(r.year(), m, d) {
        Some(t) if past && t > r => yy -= 1,
        Some(t) if !past && t < r => yy += 1,
        Some(_) => {}
        None => {
            let step = if past { -1 } else { 1 };
            while CivilDate::checked(yy, m, d).is_none() && (yy - r.year()).abs() < 8 {
                yy += step;
            }
        }
    }
    yy
}

/// The year of "in July": the reference year's, or the one before (after) when July lies
/// after (before) the reference month.
fn year_of_month(m: u8, r: CivilDate, past: bool) -> i32 {
    let mut yy = r.year();
    if past && m > r.month() {
        yy -= 1;
    } else if !past && m < r.month() {
        yy += 1;
    }
    yy
}

/// The year and month of "the 27th": the reference month's, or the one before (after) when
/// the day lies after (before) the reference day, skipping months without that day.
fn month_of_day(d: u8, r: CivilDate, past: bool) -> (i32, u8) {
    let step = if past {
        if d > r.day() { -1 } else { 0 }
    } else if d < r.day() {
        1
    } else {
        0
    };
    let mut cand = r.first_of_month().add_months(step);
    let mut tries = 0;
    while CivilDate::checked(cand.year(), cand.month(), d).is_none() && tries < 3 {
        cand = cand.add_months(if past { -1 } else { 1 });
        tries += 1;
    }
    (cand.year(), cand.month())
}

/// The TIMEX3 value and interval of a date with the parts known: "2017-12-17", "2014-03",
/// "2015", "XXXX-12-17" (February 29 stays possible), "XXXX-XX-27".
fn value(year: Option<i32>, month: Option<u8>, d: Option<u8>) -> Option<Resolved> {
    let unknown = |value: String| Resolved {
        value,
        interval: None,
    };
    match (year, month, d) {
        (Some(y), Some(m), Some(d)) => {
            let date = CivilDate::checked(y, m, d)?;
            Some(Resolved {
                value: date.to_string(),
                interval: Some(day_interval(date)),
            })
        }
        (Some(y), Some(m), None) => {
            let first = CivilDate::checked(y, m, 1)?;
            Some(Resolved {
                value: format!("{y:04}-{m:02}"),
                interval: Some(Interval {
                    start: first,
                    end: first.last_of_month(),
                    granularity: Granularity::Month,
                }),
            })
        }
        (Some(y), None, None) => Some(Resolved {
            value: format!("{y:04}"),
            interval: month_interval(y, 1, 12, Granularity::Year),
        }),
        (None, Some(m), Some(d)) => {
            // Validate against a leap year so that "February 29" stays possible.
            CivilDate::checked(2000, m, d)?;
            Some(unknown(format!("XXXX-{m:02}-{d:02}")))
        }
        (None, Some(m), None) => Some(unknown(format!("XXXX-{m:02}"))),
        (None, None, Some(d)) => Some(unknown(format!("XXXX-XX-{d:02}"))),
        (Some(y), None, Some(d)) => Some(unknown(format!("{y:04}-XX-{d:02}"))),
        (None, None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_values;
    use crate::date::Direction::{Future, Past};

    #[test]
    fn date_examples() {
        check_values(
            "2018-01-26",
            Past,
            &[
                ("on December 17, 2017", "December 17, 2017", "2017-12-17"),
                ("on December 17", "December 17", "2017-12-17"),
                ("last September", "last September", "2017-09"),
                ("next June", "next June", "2018-06"),
                ("on the 27th", "the 27th", "2017-12-27"),
                ("in 2015", "2015", "2015"),
                ("in March 2014", "March 2014", "2014-03"),
                ("on February 29", "February 29", "2016-02-29"),
            ],
        );
        check_values(
            "2018-01-26",
            Future,
            &[
                ("on December 17", "December 17", "2018-12-17"),
                ("on the 25th", "the 25th", "2018-02-25"),
                ("in July", "July", "2018-07"),
            ],
        );
    }
}
