//! Rules for calendar expressions read whole: dates, weekdays counted from a date, fiscal and
//! school years, approximate years.

use super::table::At;
use super::{g_is, g_word, m};
use crate::date::TemporalMod;
use crate::date::grammar::{Match, Sem};
use crate::date::lexicon::{Unit, W};
use crate::date::resolve::{Cal, YearSpec};

/// A calendar expression, as the grammar's calendar reader ([`crate::date::grammar`]) finds
/// it: "December 17 last year", "2015", "next Friday", "March 2014", "tomorrow".
#[inline]
pub(super) fn calendar_date(at: &At<'_, '_>) -> Option<Match> {
    let (j, c) = at.g.cal(at.i)?;
    m(at.i, j, Sem::Cal(c), None)
}

/// A weekday counted from a date: "the third Tuesday after Christmas 2014", "the closest
/// Monday to Oct 5th".
#[inline]
pub(super) fn weekday_from_date(at: &At<'_, '_>) -> Option<Match> {
    let (j, wd, n, c) = at.g.weekday_from(at.i)?;
    m(at.i, j, Sem::WeekdayFrom(wd, n, c), None)
}

/// "(the) year to date": this year so far.
#[inline]
pub(super) fn year_to_date(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let k = if at.w == Some(W::The) { i + 1 } else { i };
    if g_is(g, k, W::Unit(Unit::Year, false)) && g_is(g, k + 1, W::To) && g_word(g, k + 2, "date") {
        let this_year = Cal::Rel {
            unit: Unit::Year,
            n: 0,
            anaphoric: false,
        };
        m(i, k + 3, Sem::Cal(this_year), None)
    } else {
        None
    }
}

/// Which kind of year a word names: `b'F'` fiscal, `b'S'` school, `b'C'` calendar, with a
/// glued year ("cy18", "FY2018") when there is one.
pub(crate) fn named_year_word(w: &str) -> Option<(u8, Option<i32>)> {
    // No allocation: this runs on every plain word of the text.
    for (word, kind) in [
        ("fiscal", b'F'),
        ("school", b'S'),
        ("academic", b'S'),
        ("calendar", b'C'),
    ] {
        if w.eq_ignore_ascii_case(word) {
            return Some((kind, None));
        }
    }
    let kind = match w.as_bytes().get(..2)? {
        [b'f' | b'F', b'y' | b'Y'] => b'F',
        [b's' | b'S', b'y' | b'Y'] => b'S',
        [b'c' | b'C', b'y' | b'Y'] => b'C',
        _ => return None,
    };
    let digits = w.get(2..)?;
    if digits.is_empty() {
        return Some((kind, None));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    match digits.len() {
        2 => Some((kind, Some(if y < 50 { 2000 + y } else { 1900 + y }))),
        4 if (1000..=2999).contains(&y) => Some((kind, Some(y))),
        _ => None,
    }
}

/// Fiscal, school and calendar years: "last fiscal year", "the school year 2008", "fiscal
/// year", "FY 2018", "cy18", "this calendar year". A calendar year is the year itself; a
/// fiscal or school year is `FY2018`/`SY2018` (TIMEX2's prefixes) without an interval.
#[inline]
pub(super) fn named_year(at: &At<'_, '_>) -> Option<Match> {
    let (g, i) = (at.g, at.i);
    let (k, shift) = match at.w {
        Some(W::This) => (i + 1, Some(0)),
        Some(W::Last) => (i + 1, Some(-1)),
        Some(W::Next) => (i + 1, Some(1)),
        _ => (i, None),
    };
    let t = g.t.get(k)?;
    let word = g.text.get(t.start..t.end)?;
    let (kind, glued) = named_year_word(word)?;
    let abbreviated = word.len() == 2;
    let (end, year) = match glued {
        Some(y) if shift.is_none() => (k + 1, Some(y)),
        Some(_) => return None,
        None if abbreviated => {
            // "FY 2018", "sy 2008": the abbreviation needs its year.
            if shift.is_some() {
                return None;
            }
            (k + 2, Some(g.year_digits(k + 1)?))
        }
        None => {
            if !g.is(k + 1, W::Unit(Unit::Year, false)) {
                return None;
            }
            match (g.year_digits(k + 2), shift) {
                (Some(y), None) => (k + 3, Some(y)),
                _ => (k + 2, None),
            }
        }
    };
    let spec = match (year, shift) {
        (Some(y), _) => YearSpec::Abs(y),
        (None, Some(n)) => YearSpec::Rel(n),
        (None, None) => YearSpec::Unknown,
    };
    let sem = match (kind, spec) {
        (b'C', YearSpec::Abs(y)) => Sem::Cal(Cal::year(y)),
        (b'C', YearSpec::Rel(n)) => Sem::Cal(Cal::Rel {
            unit: Unit::Year,
            n,
            anaphoric: false,
        }),
        // "calendar year" alone is a unit, not a date.
        (b'C', _) => return None,
        _ => Sem::NamedYear(kind, spec),
    };
    m(i, end, sem, None)
}

/// An approximate date with a year: "around 2015", "about March 2016" (a length or a
/// relative date with "about" is read by [`super::lengths`]: "about a week ago").
#[inline]
pub(super) fn approximate_date(at: &At<'_, '_>) -> Option<Match> {
    if at.cmp != Some(TemporalMod::Approx) {
        return None;
    }
    let (e, c) = at.g.cal(at.j)?;
    if matches!(
        c,
        Cal::Date {
            y: YearSpec::Abs(_),
            ..
        }
    ) {
        m(at.i, e, Sem::Cal(c), Some(TemporalMod::Approx))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn calendar_date_examples() {
        check(
            super::calendar_date,
            &[
                ("on December 17 last year", "December 17 last year"),
                ("in 2015", "2015"),
                ("next Friday", "next Friday"),
                ("March 2014", "March 2014"),
                ("tomorrow", "tomorrow"),
            ],
        );
    }

    #[test]
    fn weekday_from_date_examples() {
        check(
            super::weekday_from_date,
            &[
                (
                    "the third Tuesday after Christmas 2014",
                    "the third Tuesday after Christmas 2014",
                ),
                (
                    "the closest Monday to Oct 5th",
                    "the closest Monday to Oct 5th",
                ),
            ],
        );
    }

    #[test]
    fn year_to_date_examples() {
        check(
            super::year_to_date,
            &[
                ("sales for the year to date", "the year to date"),
                ("year to date", "year to date"),
            ],
        );
    }

    #[test]
    fn named_year_word_examples() {
        assert_eq!(super::named_year_word("fiscal"), Some((b'F', None)));
        assert_eq!(super::named_year_word("cy18"), Some((b'C', Some(2018))));
        assert_eq!(super::named_year_word("FY2018"), Some((b'F', Some(2018))));
        assert_eq!(super::named_year_word("academic"), Some((b'S', None)));
        assert_eq!(super::named_year_word("fy123"), None);
        assert_eq!(super::named_year_word("fiscally"), None);
    }

    #[test]
    fn named_year_examples() {
        check(
            super::named_year,
            &[
                ("last fiscal year", "last fiscal year"),
                ("the school year 2008", "school year 2008"),
                ("fiscal year", "fiscal year"),
                ("FY 2018", "FY 2018"),
                ("cy18", "cy18"),
                ("this calendar year", "this calendar year"),
                ("calendar year", ""),
            ],
        );
    }

    #[test]
    fn approximate_date_examples() {
        check(
            super::approximate_date,
            &[
                ("around 2015", "around 2015"),
                ("about March 2016", "about March 2016"),
                ("around Friday", ""),
            ],
        );
    }
}
