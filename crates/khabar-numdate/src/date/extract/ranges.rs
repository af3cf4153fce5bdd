//! Ranges of calendar values: "2009-2010", "from 2015 to 2019", "between March and May
//! 2017", "November 19-20", "from 4 to 22 this month", "Jan-Feb 2017".

use super::{fill, g_is, g_punct, m, mod_prefix};
use crate::date::TemporalMod;
use crate::date::grammar::{Grammar, Match, NO_END_MODS, Sem, Suffix};
use crate::date::lexicon::{Unit, W};
use crate::date::resolve::{Cal, YearSpec};

/// How the left end of a range was read.
#[derive(Clone, Copy, PartialEq)]
enum Left {
    /// A calendar expression of its own.
    Full,
    /// A bare day ("ninth", "the 4th") completed by the right end.
    BareDay,
    /// A bare month before a dash ("Jan-") completed by the right end's year.
    Month,
}

/// An end with a START/MID/END modifier: `(where the calendar expression starts, modifier)`.
type Modified = Option<(usize, TemporalMod)>;

/// Ranges: "2009-2010", "from 2015 to 2019", "between March and May 2017", "November 19-20",
/// "from 4 to 22 this month", "10/1-11/7", "from mid-2015 to late 2016", "Jan-Feb 2017".
pub(super) fn range(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let opener = g.t.get(i)?.w;
    let (j, closer): (usize, &[W]) = match opener {
        Some(W::From) => (i + 1, &[W::To, W::Until]),
        Some(W::Between) => (i + 1, &[W::And, W::To, W::Until]),
        _ => (i, &[W::To, W::Until]),
    };
    // "10/1-11/7", "from 5/1-5/7, 2020": slashed days joined by a hyphen.
    if let Some((e, a, b)) = g.digit_day_range(j) {
        return m(i, e, Sem::Range(a, b, NO_END_MODS), None);
    }
    let left_mod = modified_end(g, i, j, j);
    let (k, a, left) = left_end(g, i, j, left_mod)?;
    // "from April in 2016 to …": a month given its year after "in".
    let (k, a) = month_in_year(g, k, a);
    let dash = g_punct(g, k, &["-", "–", "—"])
        || g.t
            .get(k)
            .is_some_and(|t| g.text.get(t.start..t.end) == Some("~"));
    let word =
        g.t.get(k)
            .and_then(|t| t.w)
            .is_some_and(|w| closer.contains(&w));
    if !(dash || word) {
        return None;
    }
    if j == i && dash && left == Left::BareDay {
        // "4-23" without "from" is a number range, not days.
        return None;
    }
    let r0 = k + 1;
    let right_mod = modified_end(g, i, j, r0);
    let (e, b) = right_end(g, i, j, r0, right_mod, a, left)?;
    // "… to June in 2017": the year after "in" or "of" completes a right end without one
    // (and, in [`fill`], a left end without one).
    let (e, b) = month_in_year(g, e, b);
    let mods = [left_mod.map(|(_, md)| md), right_mod.map(|(_, md)| md)];
    if left == Left::Month {
        // Only a month-and-year right end completes a bare month; "Nov-Feb 2017" starts in
        // the November before.
        let Cal::Date {
            y: YearSpec::Abs(yy),
            m: Some(m2),
            ..
        } = b
        else {
            return None;
        };
        if let Cal::Date { m: Some(m1), .. } = a {
            let y1 = if m1 > m2 { yy - 1 } else { yy };
            let a = Cal::Date {
                y: YearSpec::Abs(y1),
                m: Some(m1),
                d: None,
            };
            return m(i, e, Sem::Range(a, b, mods), None);
        }
    }
    let (a, b) = fill(a, b)?;
    // Without an opener, a dash joins comparable ends only: two years, or two dates with a
    // month.
    if j == i && dash && !comparable(a, b) {
        return None;
    }
    let (e, a, b) = days_of_month(g, e, a, b, left == Left::BareDay)?;
    m(i, e, Sem::Range(a, b, mods), None)
}

/// After an opener ("from", "between", at `j > i`), an end at `k` may carry a modifier:
/// "from mid-2015 to late 2016", "between the end of March and the middle of September".
fn modified_end(g: &Grammar<'_>, i: usize, j: usize, k: usize) -> Modified {
    (j > i)
        .then(|| mod_prefix(g, k))
        .flatten()
        .filter(|&(c, _)| g.cal(c).is_some())
}

/// Today, as "now" ends a range after an opener ("from now to June").
const NOW: Cal = Cal::Rel {
    unit: Unit::Day,
    n: 0,
    anaphoric: false,
};

/// The left end at `j`: a calendar expression ("2015", "mid-2015"), a bare day ("ninth and
/// seventeenth of April", "the twenty-seventh to the third of April"; a spelled ordinal
/// needs "from"/"between": "the first to arrive" is none), a month before a dash ("Jan-Feb
/// 2017"), or "now" after an opener.
fn left_end(g: &Grammar<'_>, i: usize, j: usize, left_mod: Modified) -> Option<(usize, Cal, Left)> {
    let full = match left_mod {
        Some((c, _)) => g.cal(c),
        None => g.cal(j),
    };
    if let Some((e, c)) = full {
        return Some((e, c, Left::Full));
    }
    let bare_day = || {
        let k = if g_is(g, j, W::The) && j > i {
            j + 1
        } else {
            j
        };
        let (e, d) = g.day(k, false)?;
        match g.num(k) {
            Some(n) if !matches!(n.suffix, Suffix::None | Suffix::Ord) => return None,
            None if j == i => return None,
            _ => {}
        }
        let c = Cal::Date {
            y: YearSpec::Unknown,
            m: None,
            d: Some(d),
        };
        Some((e, c, Left::BareDay))
    };
    let month = || match g.t.get(j).and_then(|t| t.w) {
        Some(W::Month(mo)) if g_punct(g, j + 1, &["-", "–"]) => {
            let c = Cal::Date {
                y: YearSpec::Unknown,
                m: Some(mo),
                d: None,
            };
            Some((j + 1, c, Left::Month))
        }
        _ => None,
    };
    bare_day()
        .or_else(month)
        .or_else(|| (j > i && g_is(g, j, W::Now)).then_some((j + 1, NOW, Left::Full)))
}

/// The right end at `r0`: a calendar expression, "now" after an opener, or a bare day after
/// a left end with a day ("November 19-20", "November 19-20, 2016", "April 9th through
/// seventeenth", "from 4 to 22 this month").
fn right_end(
    g: &Grammar<'_>,
    i: usize,
    j: usize,
    r0: usize,
    right_mod: Modified,
    a: Cal,
    left: Left,
) -> Option<(usize, Cal)> {
    let full = match right_mod {
        Some((c, _)) => g.cal(c),
        None => g
            .cal(r0)
            .or_else(|| (j > i && g_is(g, r0, W::Now)).then_some((r0 + 1, NOW))),
    };
    full.or_else(|| bare_right_day(g, r0, a, left))
}

/// A bare day at `r0` after the left end `a`: both bare ("from 4 to 22", completed by
/// [`days_of_month`]), or after a day with a month, taking a year written after it
/// ("November 19-20, 2016").
fn bare_right_day(g: &Grammar<'_>, r0: usize, a: Cal, left: Left) -> Option<(usize, Cal)> {
    let (r_end, d) = g.day(r0, false)?;
    if let Some(n) = g.num(r0) {
        if !matches!(n.suffix, Suffix::None | Suffix::Ord) {
            return None;
        }
    }
    let day = |y| Cal::Date {
        y,
        m: None,
        d: Some(d),
    };
    match a {
        Cal::Date {
            m: None,
            d: Some(_),
            ..
        } if left == Left::BareDay => Some((r_end, day(YearSpec::Unknown))),
        Cal::Date {
            m: Some(_),
            d: Some(_),
            y: YearSpec::Unknown,
        } => {
            let mut e = r_end;
            if g_punct(g, e, &[","]) {
                e += 1;
            }
            match g.num(e).filter(|n| n.digits == 4).and_then(|n| n.int()) {
                Some(yy) => Some((e + 1, day(YearSpec::Abs(yy as i32)))),
                None => Some((r_end, day(YearSpec::Unknown))),
            }
        }
        Cal::Date {
            m: Some(_),
            d: Some(_),
            y,
        } => Some((r_end, day(y))),
        _ => None,
    }
}

/// Whether two ends joined by a dash alone are comparable: both years, or both with a month.
fn comparable(a: Cal, b: Cal) -> bool {
    matches!(
        (a, b),
        (
            Cal::Date {
                y: YearSpec::Abs(_),
                m: None,
                ..
            },
            Cal::Date {
                y: YearSpec::Abs(_),
                m: None,
                ..
            },
        ) | (Cal::Date { m: Some(_), .. }, Cal::Date { m: Some(_), .. })
    )
}

/// Two bare days completed by a month after them: "from 4 to 22 this month", "between 3 and
/// 5 of next month"; bare days read as such ([`Left::BareDay`]) without one are no range.
fn days_of_month(
    g: &Grammar<'_>,
    e: usize,
    a: Cal,
    b: Cal,
    left_bare: bool,
) -> Option<(usize, Cal, Cal)> {
    let (
        Cal::Date {
            y: YearSpec::Unknown,
            m: None,
            d: Some(d1),
        },
        Cal::Date {
            y: YearSpec::Unknown,
            m: None,
            d: Some(d2),
        },
    ) = (a, b)
    else {
        return Some((e, a, b));
    };
    let mut e2 = e;
    if g_is(g, e2, W::In) {
        e2 += 1;
    }
    if g_is(g, e2, W::Of) {
        e2 += 1;
    }
    let n = match g.t.get(e2).and_then(|t| t.w) {
        Some(W::This) => Some(0),
        Some(W::Next) => Some(1),
        Some(W::Last) => Some(-1),
        _ => None,
    };
    match n {
        Some(n) if g_is(g, e2 + 1, W::Unit(Unit::Month, false)) => Some((
            e2 + 2,
            Cal::DayOfRelMonth { d: d1, n },
            Cal::DayOfRelMonth { d: d2, n },
        )),
        _ if left_bare => None,
        _ => Some((e, a, b)),
    }
}

/// `cal` at tokens ending before `e`, with the year that "in 2016" / "of 2016" at `e` gives
/// a month without one: "April in 2016", "June of 2017".
fn month_in_year(g: &Grammar<'_>, e: usize, cal: Cal) -> (usize, Cal) {
    if let Cal::Date {
        y: YearSpec::Unknown,
        m: Some(mo),
        d,
    } = cal
    {
        if g_is(g, e, W::In) || g_is(g, e, W::Of) {
            if let Some(yy) = g.num(e + 1).filter(|n| n.digits == 4).and_then(|n| n.int()) {
                let y = YearSpec::Abs(yy as i32);
                return (e + 2, Cal::Date { y, m: Some(mo), d });
            }
        }
    }
    (e, cal)
}

#[cfg(test)]
mod tests {
    use crate::date::Direction::Past;
    use crate::date::resolve::check_values;

    #[test]
    fn range_examples() {
        check_values(
            "2018-01-26",
            Past,
            &[
                ("in 2009-2010", "2009-2010", "2009/2010"),
                ("from 2015 to 2019", "from 2015 to 2019", "2015/2019"),
                (
                    "between March and May 2017",
                    "between March and May 2017",
                    "2017-03/2017-05",
                ),
                (
                    "on November 19-20, 2016",
                    "November 19-20, 2016",
                    "2016-11-19/2016-11-20",
                ),
                (
                    "from 4 to 22 this month",
                    "from 4 to 22 this month",
                    "2018-01-04/2018-01-22",
                ),
                (
                    "from mid-2015 to late 2016",
                    "from mid-2015 to late 2016",
                    "2015/2016",
                ),
                ("in Jan-Feb 2017", "Jan-Feb 2017", "2017-01/2017-02"),
                (
                    "from April in 2016 to June",
                    "from April in 2016 to June",
                    "2016-04/2016-06",
                ),
            ],
        );
    }

    #[test]
    fn dash_alone_needs_comparable_ends() {
        let ex = crate::DateExtractor::new()
            .with_reference_date("2018-01-26")
            .expect("a valid reference date");
        // "4-23" without "from" is a number range, not days.
        assert!(
            ex.extract("scored 4-23 in the game")
                .iter()
                .all(|t| t.text != "4-23")
        );
    }
}
