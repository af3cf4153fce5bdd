//! Resolving dates relative to the anchor: "yesterday", "last week", "six years ago".

use super::{Resolved, day_interval, month_interval, periods};
use crate::date::lexicon::Unit;
use crate::date::{CivilDate, Granularity, Interval};

/// "yesterday", "last week", "six years ago": the anchor moved by `n` units, written at the
/// unit's granularity (unknown without an anchor).
pub(super) fn rel_value(unit: Unit, n: i64, base: Option<CivilDate>) -> Resolved {
    let Some(b) = base else {
        return unanchored(unit);
    };
    match unit {
        // A clock unit from a date without a time: the day itself.
        Unit::Second | Unit::Minute | Unit::Hour => one_day(b),
        Unit::Day => one_day(b.add_days(n)),
        Unit::Fortnight => one_day(b.add_days(n.saturating_mul(14))),
        Unit::Week | Unit::Weekend => week(b.add_days(n.saturating_mul(7)), unit == Unit::Weekend),
        Unit::Month => month(b.first_of_month().add_months(n)),
        Unit::Quarter => quarter(b, n),
        Unit::Year => {
            let y = i64::from(b.year()).saturating_add(n).clamp(-9999, 9999) as i32;
            Resolved {
                value: format!("{y:04}"),
                interval: month_interval(y, 1, 12, Granularity::Year),
            }
        }
        Unit::Decade => periods::decade(
            i64::from(b.year())
                .div_euclid(10)
                .saturating_add(n)
                .clamp(-999, 999) as i32,
        ),
        Unit::Century => periods::century(
            i64::from(b.year())
                .div_euclid(100)
                .saturating_add(n)
                .clamp(-99, 99) as i32,
        ),
    }
}

/// The value of a unit moved from an unknown anchor: "XXXX-WXX" for a week.
fn unanchored(unit: Unit) -> Resolved {
    let value = match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Fortnight => "XXXX-XX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
    };
    Resolved {
        value: value.to_string(),
        interval: None,
    }
}

fn one_day(d: CivilDate) -> Resolved {
    Resolved {
        value: d.to_string(),
        interval: Some(day_interval(d)),
    }
}

/// The ISO week of `d` ("2013-W11"), or its weekend ("2013-W11-WE").
fn week(d: CivilDate, weekend: bool) -> Resolved {
    let (y, w) = d.iso_week();
    let monday = CivilDate::iso_week_monday(y, w);
    let (value, start) = if weekend {
        (format!("{y:04}-W{w:02}-WE"), monday.add_days(5))
    } else {
        (format!("{y:04}-W{w:02}"), monday)
    };
    Resolved {
        value,
        interval: Some(Interval {
            start,
            end: monday.add_days(6),
            granularity: Granularity::Week,
        }),
    }
}

/// The month starting on `d` ("2018-06").
fn month(d: CivilDate) -> Resolved {
    Resolved {
        value: format!("{:04}-{:02}", d.year(), d.month()),
        interval: Some(Interval {
            start: d,
            end: d.last_of_month(),
            granularity: Granularity::Month,
        }),
    }
}

/// The quarter `n` quarters from the one of `b` ("2018-Q3").
fn quarter(b: CivilDate, n: i64) -> Resolved {
    let q0 = (i64::from(b.year()) * 4 + i64::from((b.month() - 1) / 3)).saturating_add(n);
    let y = q0.div_euclid(4).clamp(-9999, 9999) as i32;
    let q = (q0.rem_euclid(4) + 1) as u8;
    let first = i64::from(q) * 3 - 2;
    Resolved {
        value: format!("{y:04}-Q{q}"),
        interval: month_interval(y, first, first + 2, Granularity::Quarter),
    }
}

#[cfg(test)]
mod tests {
    use super::super::check_values;
    use crate::date::Direction::Past;

    #[test]
    fn relative_examples() {
        check_values(
            "2018-01-26",
            Past,
            &[
                ("yesterday", "yesterday", "2018-01-25"),
                ("last week", "last week", "2018-W03"),
                ("six years ago", "six years ago", "2012"),
                ("last month", "last month", "2017-12"),
                ("last quarter", "last quarter", "2017-Q4"),
                ("last decade", "last decade", "200"),
            ],
        );
    }
}
