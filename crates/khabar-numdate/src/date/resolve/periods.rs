//! Resolving periods longer than a month: seasons, quarters, halves, ISO weeks of a year,
//! decades and centuries.

use super::{
    Anchor, Cal, Resolved, YearSpec, month_interval, resolve, season_code, season_months, year_of,
    year_value,
};
use crate::date::lexicon::Season;
use crate::date::{CivilDate, Granularity, Interval};

/// "summer 2016", "last winter", "in the spring" (the year by the bias: the most recent
/// spring that has begun, or the coming one). Winter Y runs from December Y-1 to February Y.
pub(super) fn season(y: YearSpec, s: Season, r: Option<CivilDate>, past: bool) -> Resolved {
    let mut year = year_of(y, r);
    if let (YearSpec::Unknown, Some(r)) = (y, r) {
        let (first, last) = season_months(s);
        let starts = i64::from(r.month()) >= first.max(1);
        let mut yy = r.year();
        if s == Season::Winter {
            if r.month() == 12 {
                yy += 1;
            }
        } else if past && !starts {
            yy -= 1;
        } else if !past && starts && i64::from(r.month()) > last {
            yy += 1;
        }
        year = Some(yy);
    }
    let value = format!("{}-{}", year_value(year), season_code(s));
    let interval = year.and_then(|y| {
        let (f, l) = season_months(s);
        month_interval(y, f, l, Granularity::Season)
    });
    Resolved { value, interval }
}

/// "the third quarter of 2018", "Q4" (the year by the bias).
pub(super) fn quarter(y: YearSpec, q: u8, r: Option<CivilDate>, past: bool) -> Resolved {
    let year = year_of(y, r).or_else(|| {
        r.map(|r| {
            let cur = (r.month() - 1) / 3 + 1;
            if past && q > cur {
                r.year() - 1
            } else if !past && q < cur {
                r.year() + 1
            } else {
                r.year()
            }
        })
    });
    let first = i64::from(q) * 3 - 2;
    Resolved {
        value: format!("{}-Q{q}", year_value(year)),
        interval: year.and_then(|y| month_interval(y, first, first + 2, Granularity::Quarter)),
    }
}

/// "the first half of 2019", "H2" (the reference year's).
pub(super) fn half(y: YearSpec, h: u8, r: Option<CivilDate>) -> Resolved {
    let year = year_of(y, r).or_else(|| r.map(|r| r.year()));
    let first = if h == 1 { 1 } else { 7 };
    Resolved {
        value: format!("{}-H{h}", year_value(year)),
        interval: year.and_then(|y| month_interval(y, first, first + 5, Granularity::HalfYear)),
    }
}

/// "week 12 of 2020", "W12" (the reference year's): an ISO week.
pub(super) fn iso_week(y: YearSpec, w: u8, r: Option<CivilDate>) -> Resolved {
    let year = year_of(y, r).or_else(|| r.map(|r| r.year()));
    let interval = year.map(|y| {
        let start = CivilDate::iso_week_monday(y, w);
        Interval {
            start,
            end: start.add_days(6),
            granularity: Granularity::Week,
        }
    });
    Resolved {
        value: format!("{}-W{w:02}", year_value(year)),
        interval,
    }
}

/// "the 70s", "the nineties": the most recent such decade that has begun by the reference
/// date (`XX7` without one).
pub(super) fn short_decade(t: u8, a: &Anchor) -> Option<Resolved> {
    let Some(r) = a.reference else {
        return Some(Resolved {
            value: format!("XX{t}"),
            interval: None,
        });
    };
    let mut start = r.year().div_euclid(100) * 100 + i32::from(t) * 10;
    if start > r.year() {
        start -= 100;
    }
    resolve(Cal::Decade(start / 10), a)
}

/// The `years` years from year `first` (none outside the supported years).
fn years_from(first: i64, years: i32, granularity: Granularity) -> Option<Interval> {
    let y = i32::try_from(first).ok()?;
    let start = CivilDate::checked(y, 1, 1)?;
    let end = CivilDate::checked(y + years - 1, 12, 31)?;
    Some(Interval {
        start,
        end,
        granularity,
    })
}

/// "the 1990s" (decade 199).
pub(super) fn decade(d: i32) -> Resolved {
    Resolved {
        value: format!("{d:03}"),
        interval: years_from(i64::from(d) * 10, 10, Granularity::Decade),
    }
}

/// "the 20th century" (century 19).
pub(super) fn century(c: i32) -> Resolved {
    Resolved {
        value: format!("{c:02}"),
        interval: years_from(i64::from(c) * 100, 100, Granularity::Century),
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_values;
    use crate::date::Direction::Past;

    #[test]
    fn period_examples() {
        check_values(
            "2018-01-26",
            Past,
            &[
                ("in summer 2016", "summer 2016", "2016-SU"),
                ("in the spring", "the spring", "2017-SP"),
                (
                    "in the third quarter of 2018",
                    "the third quarter of 2018",
                    "2018-Q3",
                ),
                (
                    "in the first half of 2019",
                    "the first half of 2019",
                    "2019-H1",
                ),
                ("in the 1990s", "the 1990s", "199"),
                ("in the 70s", "the 70s", "197"),
                ("in the 20th century", "the 20th century", "19"),
            ],
        );
    }
}
