//! From a parsed expression to a TIMEX3 value and a calendar interval.
//!
//! The grammar ([`super::grammar`]) produces a [`Cal`] (a calendar expression whose parts may
//! be unknown or relative); this module anchors it on the reference date, applies the
//! past/future bias and writes the TIMEX3 value.

use crate::date::calendars::OtherCal;
use crate::date::lexicon::{Season, Unit};
use crate::date::{CivilDate, Direction, Granularity, Interval, TemporalMod};

mod date;
mod periods;
mod relative;
mod weeks;

use relative::rel_value;

/// A year as written: a number, relative to the anchor ("last year"), or absent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum YearSpec {
    Abs(i32),
    Rel(i64),
    /// "last September": the most recent one before the reference month.
    Prev,
    /// "next June": the first one after the reference month.
    Next,
    Unknown,
}

/// A calendar expression before resolution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Cal {
    /// Year, month, day; the weekday is only a check ("Wednesday, December 4, 2024").
    Date {
        y: YearSpec,
        m: Option<u8>,
        d: Option<u8>,
    },
    Season {
        y: YearSpec,
        s: Season,
    },
    Quarter {
        y: YearSpec,
        q: u8,
    },
    Half {
        y: YearSpec,
        h: u8,
    },
    IsoWeek {
        y: YearSpec,
        w: u8,
    },
    /// "the 1990s" → 199.
    Decade(i32),
    /// "the 70s", "the nineties": a decade by its tens digit, century unknown — the most
    /// recent such decade that has begun by the reference date.
    ShortDecade(u8),
    /// "the 20th century" → 19.
    Century(i32),
    /// A year before the common era, as written (no year 0): "2014 BC" → 2014, TIMEX3's
    /// `BC2014` (rule `year-era`). It has no interval: the proleptic calendars of most
    /// consumers (Python's `datetime.date`) start at year 1.
    YearBc(u16),
    /// `n` units from the anchor: "yesterday" (-1 day), "last week", "six years ago".
    /// Anaphoric ones ("the next year", "two days later") anchor on the previous date of the
    /// text when there is one.
    Rel {
        unit: Unit,
        n: i64,
        anaphoric: bool,
    },
    /// A weekday: bare (`shift` None, resolved by the bias), or in this (0), next (1), last
    /// (-1) week.
    Weekday {
        wd: u8,
        shift: Option<i64>,
    },
    /// The `n`th weekday of a month (`n` = 0 for the last): "the first Friday of July".
    /// The month is a name (year by the bias), or relative to the reference ("next month").
    NthWeekday {
        n: u8,
        wd: u8,
        month: MonthRef,
    },
    /// "the weekend": the most recent one (past bias) or the coming one.
    Weekend,
    /// The `n`th week (0 = last) of a month: "the third week of this month", "the last
    /// week of July" — the ISO week containing day 7(n-1)+1 (or the month's last day).
    NthWeek {
        n: u8,
        month: MonthRef,
    },
    /// The `n`th last week (2 = the second last) of a month: "the second last week of
    /// October 2018" — the ISO week holding the day 7(n-1) days before the month's last.
    NthLastWeek {
        n: u8,
        month: MonthRef,
    },
    /// A day of a month given relative to the anchor: "the 20th of next month".
    DayOfRelMonth {
        d: u8,
        n: i64,
    },
    /// A weekday and a day of the month, month and year unknown: "Fri 14th", "Friday 31" —
    /// the most recent (or, forward, the next) month whose day `d` is that weekday.
    WeekdayDay {
        wd: u8,
        d: u8,
    },
    /// A holiday of Gregorian year `y`: its `rule` says what month `m` and day `d` mean.
    /// `YearSpec::Prev`/`Next` are "last"/"next" (the most recent one before the reference
    /// date, the first one after it).
    Holiday {
        y: YearSpec,
        m: u8,
        d: i8,
        rule: HolidayRule,
    },
    /// A date written in another calendar with its own year: "15 Shawwal 1442" (Hijri),
    /// "Hamal 1, 1398" (Solar Hijri); month `m` 0 is the whole year, day `d` 0 the whole
    /// month.
    OtherDate {
        cal: OtherCal,
        y: i32,
        m: u8,
        d: u8,
    },
}

impl Cal {
    /// A whole year ("2016").
    pub(crate) const fn year(y: i32) -> Cal {
        Cal::Date {
            y: YearSpec::Abs(y),
            m: None,
            d: None,
        }
    }
}

/// How a holiday's date is computed from the Gregorian year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// Month `m`, day `d`: "Christmas".
    Fixed,
    /// `d` days after Easter Sunday (the Gregorian computus): "Good Friday".
    Easter,
    /// `d` days after Orthodox Easter Sunday (the Julian computus).
    OrthodoxEaster,
    /// Hijri month `m`, day `d`, moved by `offset` days ("the eve of Eid" is -1): the first
    /// such day in the Gregorian year.
    Hijri { offset: i8 },
    /// The whole Hijri month `m`: "Ramadan", "Muharram".
    HijriMonth,
    /// A bare "Eid": Eid al-Fitr or Eid al-Adha, whichever is nearer in the direction.
    Eid { offset: i8 },
    /// Solar Hijri month `m`, day `d`: "Nowruz" is 1 Farvardin.
    Persian,
    /// The `d`th (0 = last) weekday `wd` (1 = Monday) of month `m`: "Thanksgiving" is the
    /// fourth Thursday of November.
    NthWeekday { wd: u8 },
    /// Row `idx` of the holiday names table (`data/holiday_names.tsv`,
    /// [`crate::date::holiday_table`]): "Pentecost", "Hanukkah", "Diwali".
    Table { idx: u16 },
}

/// The month of an nth-weekday expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum MonthRef {
    Named(YearSpec, u8),
    Rel(i64),
}

/// The TIMEX3 value of a calendar expression and, when anchored, its interval.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub(crate) value: String,
    pub(crate) interval: Option<Interval>,
}

/// What resolution needs to know about the document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Anchor {
    /// The reference date of the document.
    pub(crate) reference: Option<CivilDate>,
    /// The most recent fully resolved date before this expression (for anaphora).
    pub(crate) previous: Option<CivilDate>,
    /// Past or future bias for this expression (tense already applied).
    pub(crate) direction: Direction,
    /// The reference time of day in seconds, when the caller gave one.
    pub(crate) reference_time: Option<u32>,
}

fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Fall => "FA",
        Season::Winter => "WI",
    }
}

/// Months covered by a season (northern hemisphere, meteorological), numbered from January
/// of the season's year = 1: winter is December of the year before (0) through February.
fn season_months(s: Season) -> (i64, i64) {
    match s {
        Season::Spring => (3, 5),
        Season::Summer => (6, 8),
        Season::Fall => (9, 11),
        Season::Winter => (0, 2),
    }
}

/// Months `first..=last` of year `y` (January = 1; 0 and below are months of the years
/// before, 13 and above of the years after), or `None` when either end lies outside the
/// supported years (−9999..=9999), where clamping would give a wrong or reversed interval.
fn month_interval(y: i32, first: i64, last: i64, g: Granularity) -> Option<Interval> {
    let base = CivilDate::checked(y, 1, 1)?;
    let month = |m: i64| {
        let d = base.add_months(m - 1);
        let expected_year = i64::from(y) + (m - 1).div_euclid(12);
        (i64::from(d.year()) == expected_year).then_some(d)
    };
    Some(Interval {
        start: month(first)?,
        end: month(last)?.last_of_month(),
        granularity: g,
    })
}

fn day_interval(d: CivilDate) -> Interval {
    Interval {
        start: d,
        end: d,
        granularity: Granularity::Day,
    }
}

/// Resolve the year of a spec against the anchor date.
fn year_of(y: YearSpec, anchor: Option<CivilDate>) -> Option<i32> {
    match y {
        YearSpec::Abs(y) => Some(y),
        YearSpec::Rel(n) => {
            let a = anchor?;
            Some(a.add_months(n.saturating_mul(12)).year())
        }
        YearSpec::Unknown | YearSpec::Prev | YearSpec::Next => None,
    }
}

fn year_value(y: Option<i32>) -> String {
    match y {
        Some(y) => format!("{y:04}"),
        None => "XXXX".to_string(),
    }
}

/// Resolve `cal` to a value and an interval: one function per kind of calendar expression
/// (dates in [`date`], longer periods in [`periods`], weekdays and weeks in [`weeks`]).
pub(crate) fn resolve(cal: Cal, a: &Anchor) -> Option<Resolved> {
    let r = a.reference;
    let past = a.direction == Direction::Past;
    match cal {
        Cal::Date { y, m, d } => date::date(y, m, d, a),
        Cal::Season { y, s } => Some(periods::season(y, s, r, past)),
        Cal::Quarter { y, q } => Some(periods::quarter(y, q, r, past)),
        Cal::Half { y, h } => Some(periods::half(y, h, r)),
        Cal::IsoWeek { y, w } => Some(periods::iso_week(y, w, r)),
        Cal::ShortDecade(t) => periods::short_decade(t, a),
        Cal::Decade(d) => Some(periods::decade(d)),
        Cal::Century(c) => Some(periods::century(c)),
        Cal::YearBc(y) => Some(Resolved {
            value: format!("BC{y:04}"),
            interval: None,
        }),
        Cal::Rel { unit, n, anaphoric } => {
            let base = if anaphoric { a.previous.or(r) } else { r };
            Some(rel_value(unit, n, base))
        }
        Cal::WeekdayDay { wd, d } => weeks::weekday_day(wd, d, r, past),
        Cal::Holiday { y, m, d, rule } => resolve_holiday(y, m, d, rule, r, past),
        Cal::OtherDate { cal, y, m, d } => other_date(cal, y, m, d),
        Cal::Weekday { wd, shift } => weeks::weekday(wd, shift, r, past),
        Cal::NthWeekday { n, wd, month } => weeks::nth_weekday(n, wd, month, a),
        Cal::NthWeek { n, month } => weeks::nth_week(n, month, a),
        Cal::NthLastWeek { n, month } => weeks::nth_last_week(n, month, a),
        Cal::Weekend => weeks::weekend(r, past),
        Cal::DayOfRelMonth { d, n } => weeks::day_of_rel_month(d, n, r),
    }
}

/// A date in another calendar: "15 Shawwal 1442", "Ramadan 1440" (Hijri), "Hamal 1, 1398",
/// "1398" (Solar Hijri), as its Gregorian days.
fn other_date(cal: OtherCal, y: i32, m: u8, d: u8) -> Option<Resolved> {
    use crate::date::calendars as c;
    let (first, last) = match (cal, m, d) {
        (OtherCal::Hijri, 0, _) => c::hijri_year(y)?,
        (OtherCal::Hijri, m, 0) => c::hijri_month(y, m)?,
        (OtherCal::Hijri, m, d) => (c::hijri(y, m, d)?, c::hijri(y, m, d)?),
        (OtherCal::Persian, 0, _) => c::persian_year(y)?,
        (OtherCal::Persian, m, 0) => c::persian_month(y, m)?,
        (OtherCal::Persian, m, d) => (c::persian(y, m, d)?, c::persian(y, m, d)?),
    };
    Some(days_resolved(first, last))
}

/// A day ("2018-06-15") or a run of days ("2019-05-06/2019-06-03") with its interval.
fn days_resolved(first: CivilDate, last: CivilDate) -> Resolved {
    let value = if first == last {
        first.to_string()
    } else {
        format!("{first}/{last}")
    };
    Resolved {
        value,
        interval: Some(Interval {
            start: first,
            end: last,
            granularity: Granularity::Day,
        }),
    }
}

/// The `n`th (0 = last) weekday `wd` (1 = Monday … 7 = Sunday) of month `m` of year `y`.
pub(crate) fn nth_weekday_of(y: i32, m: u8, n: u8, wd: u8) -> Option<CivilDate> {
    let first = CivilDate::checked(y, m, 1)?;
    if n == 0 {
        let last = first.last_of_month();
        let back = (i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7);
        return Some(last.add_days(-back));
    }
    let ahead = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
    let d = first.add_days(ahead + 7 * (i64::from(n) - 1));
    (d.month() == m).then_some(d)
}

/// A holiday's first and last day in Gregorian year `year`.
fn holiday_in(year: i32, m: u8, d: i8, rule: HolidayRule) -> Option<(CivilDate, CivilDate)> {
    use crate::date::calendars as c;
    let one = |x: CivilDate| Some((x, x));
    match rule {
        HolidayRule::Fixed => one(CivilDate::checked(year, m, u8::try_from(d).ok()?)?),
        HolidayRule::Easter => one(crate::date::holiday::easter(year)?.add_days(i64::from(d))),
        HolidayRule::OrthodoxEaster => one(c::orthodox_easter(year)?.add_days(i64::from(d))),
        HolidayRule::Hijri { offset } => {
            one(c::hijri_in_year(year, m, u8::try_from(d).ok()?)?.add_days(i64::from(offset)))
        }
        HolidayRule::HijriMonth => c::hijri_month_in_year(year, m),
        HolidayRule::Eid { offset } => {
            let fitr = c::hijri_in_year(year, 10, 1);
            let adha = c::hijri_in_year(year, 12, 10);
            let x = match (fitr, adha) {
                (Some(f), Some(a)) => f.min(a),
                (f, a) => f.or(a)?,
            };
            one(x.add_days(i64::from(offset)))
        }
        HolidayRule::Persian => {
            // Solar year P runs from March of P + 621 to March of P + 622.
            let d = u8::try_from(d).ok()?;
            let x = c::persian(year - 621, m, d)?;
            one(if x.year() == year {
                x
            } else {
                c::persian(year - 622, m, d)?
            })
        }
        HolidayRule::NthWeekday { wd } => one(nth_weekday_of(year, m, u8::try_from(d).ok()?, wd)?),
        HolidayRule::Table { idx } => crate::date::holiday_table::span(idx, year, d < 0),
    }
}

/// A bare "Eid" nearest the reference in the direction: every Eid al-Fitr and Eid al-Adha
/// of the years around it, the latest on or before it (past) or the first on or after it.
fn nearest_eid(r: CivilDate, offset: i8, past: bool) -> Option<CivilDate> {
    use crate::date::calendars as c;
    let days = (r.year() - 1..=r.year() + 1)
        .flat_map(|y| [c::hijri_in_year(y, 10, 1), c::hijri_in_year(y, 12, 10)])
        .flatten()
        .map(|x| x.add_days(i64::from(offset)));
    if past {
        days.filter(|x| *x <= r).max()
    } else {
        days.filter(|x| *x >= r).min()
    }
}

/// Resolve a holiday: the year given, or the one nearest the reference in the direction.
fn resolve_holiday(
    y: YearSpec,
    m: u8,
    d: i8,
    rule: HolidayRule,
    r: Option<CivilDate>,
    past: bool,
) -> Option<Resolved> {
    let on = |year: i32| holiday_in(year, m, d, rule);
    let span = match (y, r) {
        (YearSpec::Abs(yy), _) => on(yy),
        (YearSpec::Rel(n), Some(r)) => on(r.year() + i32::try_from(n).ok()?),
        (YearSpec::Unknown, Some(r)) => {
            if let HolidayRule::Eid { offset } = rule {
                nearest_eid(r, offset, past).map(|x| (x, x))
            } else {
                let this = on(r.year())?;
                if past && this.0 > r {
                    on(r.year() - 1)
                } else if !past && this.0 < r {
                    on(r.year() + 1)
                } else {
                    Some(this)
                }
            }
        }
        (YearSpec::Prev, Some(r)) => {
            let this = on(r.year())?;
            if this.0 < r {
                Some(this)
            } else {
                on(r.year() - 1)
            }
        }
        (YearSpec::Next, Some(r)) => {
            let this = on(r.year())?;
            if this.0 > r {
                Some(this)
            } else {
                on(r.year() + 1)
            }
        }
        (_, None) => None,
    };
    match span {
        Some((first, last)) => Some(days_resolved(first, last)),
        None if rule == HolidayRule::Fixed => Some(Resolved {
            value: format!("XXXX-{m:02}-{d:02}"),
            interval: None,
        }),
        None => Some(Resolved {
            value: "XXXX-XX-XX".to_string(),
            interval: None,
        }),
    }
}

/// Narrow an interval for START / MID / END (first, middle, last third; whole months when
/// the interval is a year or longer).
pub(crate) fn narrow(iv: Interval, m: Option<TemporalMod>) -> Interval {
    let Some(m) = m else { return iv };
    let third = match m {
        TemporalMod::Start => 0,
        TemporalMod::Mid => 1,
        TemporalMod::End => 2,
        _ => return iv,
    };
    let months = (i64::from(iv.end.year()) * 12 + i64::from(iv.end.month()))
        - (i64::from(iv.start.year()) * 12 + i64::from(iv.start.month()))
        + 1;
    if iv.start.day() == 1 && iv.end == iv.end.last_of_month() && months >= 3 && months % 3 == 0 {
        let k = months / 3;
        let start = iv.start.add_months(k * third);
        let end = iv.start.add_months(k * (third + 1) - 1).last_of_month();
        return Interval { start, end, ..iv };
    }
    let len = iv.end.to_days() - iv.start.to_days() + 1;
    if len < 3 {
        return iv;
    }
    let a = len * third / 3;
    let b = len * (third + 1) / 3 - 1;
    Interval {
        start: iv.start.add_days(a),
        end: iv.start.add_days(b),
        ..iv
    }
}

/// Checks resolution examples end to end: in each `(text, phrase, value)`, the extractor
/// (reference date `reference`, direction `direction`) reads `phrase` in `text` with `value`.
#[cfg(test)]
pub(crate) fn check_values(reference: &str, direction: Direction, examples: &[(&str, &str, &str)]) {
    let ex = crate::DateExtractor::new()
        .with_reference_date(reference)
        .expect("a valid reference date")
        .with_direction(direction)
        .with_tense_cues(false);
    for &(text, phrase, value) in examples {
        let got: Vec<(String, String)> = ex
            .extract(text)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect();
        assert!(
            got.iter().any(|(p, v)| p == phrase && v == value),
            "{text:?}: got {got:?}, want {phrase:?} = {value:?}"
        );
    }
}
