//! A match turned into a [`Temporal`]: [`build`] gives each meaning ([`Sem`]) to the one
//! function that writes its TIMEX3 value and interval, below in the order of the table.

use crate::date::grammar::{Clock, Grammar, Match, Sem, Tk};
use crate::date::lexicon::{DayPart, Unit, W};
use crate::date::resolve::{Anchor, Cal, Resolved, YearSpec, narrow, resolve};
use crate::date::{
    CivilDate, Granularity, Interval, Temporal, TemporalMod, TemporalRange, TemporalType,
};
use khabar_tokenize::Span;

/// What a meaning resolves to: its type, TIMEX3 value, interval and range.
struct Value {
    kind: TemporalType,
    value: String,
    interval: Option<Interval>,
    range: Option<TemporalRange>,
}

impl Value {
    fn new(kind: TemporalType, value: String) -> Value {
        Value {
            kind,
            value,
            interval: None,
            range: None,
        }
    }

    /// A date with its interval.
    fn date(value: String, interval: Option<Interval>) -> Value {
        Value {
            interval,
            ..Value::new(TemporalType::Date, value)
        }
    }

    /// One day.
    fn day(d: CivilDate) -> Value {
        Value::date(d.to_string(), Some(one_day(d)))
    }

    /// A date whose day is unknown.
    fn unknown_day() -> Value {
        Value::date("XXXX-XX-XX".to_string(), None)
    }

    fn with_range(self, range: TemporalRange) -> Value {
        Value {
            range: Some(range),
            ..self
        }
    }
}

/// The interval of the day `d`.
fn one_day(d: CivilDate) -> Interval {
    Interval {
        start: d,
        end: d,
        granularity: Granularity::Day,
    }
}

/// The day `d` moved by `n` units (days, weeks, months, else years).
fn add_units(d: CivilDate, u: Unit, n: i64) -> CivilDate {
    match u {
        Unit::Day => d.add_days(n),
        Unit::Week => d.add_days(7 * n),
        Unit::Month => d.add_months(n),
        _ => d.add_months(12 * n),
    }
}

/// The one day a calendar value resolves to (`None` when it is longer or unknown).
fn resolved_day(r: &Resolved) -> Option<CivilDate> {
    r.interval
        .filter(|iv| iv.start == iv.end)
        .map(|iv| iv.start)
}

/// Turn a match into a [`Temporal`].
pub(super) fn build(g: &Grammar<'_>, tks: &[Tk], mt: &Match, a: &Anchor) -> Option<Temporal> {
    let span = span_of(g, tks, mt)?;
    let text = g.text.get(span.start..span.end)?.to_string();
    let v = match mt.sem {
        Sem::Cal(Cal::Rel {
            unit: unit @ (Unit::Hour | Unit::Minute | Unit::Second),
            n,
            anaphoric,
        }) if a.reference.is_some()
            && a.reference_time.is_some()
            && !(anaphoric && a.previous.is_some()) =>
        {
            clock_from_reference(unit, n, a)?
        }
        Sem::Cal(c) => calendar(c, mt.modifier, a)?,
        Sem::Range(x, y, [mod_x, mod_y]) => range(x, y, mod_x, mod_y, mt.modifier, a)?,
        Sem::Time(date, clock) => time(date, clock, a)?,
        Sem::Shift(c, u, n) => shift(c, u, n, a)?,
        Sem::YearPart(y, u, n, first) => year_part(y, u, n, first, a)?,
        Sem::WeekdayFrom(wd, n, c) => weekday_from(wd, n, c, a)?,
        Sem::WeekdayNear(wd, c, u, n) => weekday_near(wd, c, u, n, a)?,
        Sem::ShiftRange(c, u, n) => shift_range(c, u, n, a)?,
        Sem::TimeRange(day, from, to) => time_range(day, from, to, a)?,
        Sem::DateTimeRange(c1, k1, c2, k2) => date_time_range((c1, k1), (c2, k2), a)?,
        Sem::WeekOf(c) => week_of(c, a)?,
        Sem::Dur(amt, u) => Value::new(TemporalType::Duration, duration_value(amt, u)),
        Sem::Compound(parts, n) => {
            let parts = parts.get(..usize::from(n)).unwrap_or(&[]);
            Value::new(TemporalType::Duration, compound_value(parts))
        }
        Sem::CompoundRel(parts, n, sign, anaphoric) => compound_rel(
            parts.get(..usize::from(n)).unwrap_or(&[]),
            sign,
            anaphoric,
            a,
        ),
        Sem::Ref(s) => Value::new(TemporalType::Date, s.to_string()),
        Sem::NamedYear(kind, spec) => named_year(kind, spec, a),
        Sem::SetUnit(amt, u) => Value::new(TemporalType::Set, duration_value(amt.or(Some(1.0)), u)),
        Sem::SetWeekday(wd) => Value::new(TemporalType::Set, format!("XXXX-WXX-{wd}")),
        Sem::SetMonthDay(d) => Value::new(TemporalType::Set, format!("XXXX-XX-{d:02}")),
        Sem::SetPart(p) => Value::new(TemporalType::Set, format!("T{}", part_code(p))),
        Sem::SetTime(wd, (h, mi)) => {
            let day = wd.map_or_else(String::new, |d| format!("XXXX-WXX-{d}"));
            Value::new(TemporalType::Set, format!("{day}T{h:02}:{mi:02}"))
        }
    };
    // A range of days without a reference date keeps no modifier.
    let modifier = match mt.sem {
        Sem::ShiftRange(..) if v.interval.is_none() => None,
        _ => mt.modifier,
    };
    Some(Temporal {
        span,
        text,
        kind: v.kind,
        value: v.value,
        modifier,
        interval: v.interval,
        range: v.range,
        calendar: match mt.sem {
            Sem::Cal(c) => crate::date::calendars::calendar_attribute(c),
            _ => None,
        },
    })
}

/// The byte span of a match; "Aug." at its end leaves the period out (it also ends the
/// sentence).
fn span_of(g: &Grammar<'_>, tks: &[Tk], mt: &Match) -> Option<Span> {
    let first = tks.get(mt.start)?;
    let last = tks.get(mt.end.checked_sub(1)?)?;
    let abbrev_dot = last.kind == khabar_tokenize::TokenKind::Word
        && matches!(last.w, Some(W::Month(_) | W::Weekday(_)))
        && g.text
            .get(last.start..last.end)
            .is_some_and(|s| s.ends_with('.'));
    let end = if abbrev_dot { last.end - 1 } else { last.end };
    Some(Span::new(first.start, end))
}

/// "3 minutes from now", "30 minutes later": a clock value when the reference has a time of
/// day (and "later" has nothing earlier in the text to count from).
fn clock_from_reference(unit: Unit, n: i64, a: &Anchor) -> Option<Value> {
    let (reference, secs) = (a.reference?, a.reference_time?);
    let k = match unit {
        Unit::Hour => 3600,
        Unit::Minute => 60,
        _ => 1,
    };
    let total = i64::from(secs).checked_add(n.checked_mul(k)?)?;
    let day = reference.add_days(total.div_euclid(86_400));
    let rem = total.rem_euclid(86_400);
    let (h, mi, se) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let value = if se == 0 {
        format!("{day}T{h:02}:{mi:02}")
    } else {
        format!("{day}T{h:02}:{mi:02}:{se:02}")
    };
    Some(Value {
        interval: Some(one_day(day)),
        ..Value::new(TemporalType::Time, value)
    })
}

/// A calendar value ("December 17 last year"), its interval narrowed by the modifier ("early
/// 2015").
fn calendar(c: Cal, modifier: Option<TemporalMod>, a: &Anchor) -> Option<Value> {
    let r = resolve(c, a)?;
    Some(Value::date(
        r.value,
        r.interval.map(|iv| narrow(iv, modifier)),
    ))
}

/// A right end without a year follows the left one: "from November to February" ends in the
/// February after that November, "from March 2016 to June" in June 2016, "from November 2016
/// to February" in February 2017.
fn right_end_year(x: Cal, y: Cal, left: Option<Interval>) -> Cal {
    match (x, y, left) {
        (
            Cal::Date { .. },
            Cal::Date {
                y: YearSpec::Unknown,
                m: Some(m2),
                d: d2,
            },
            Some(ivx),
        ) => {
            let mut yy = ivx.start.year();
            let start2 = CivilDate::checked(yy, m2, d2.unwrap_or(1));
            if start2.is_some_and(|s2| s2 < ivx.start) {
                yy += 1;
            }
            Cal::Date {
                y: YearSpec::Abs(yy),
                m: Some(m2),
                d: d2,
            }
        }
        _ => y,
    }
}

/// A range of calendar values: "from 2015 to 2017", "from November to February". Each end is
/// narrowed by its own modifier first ("from mid-2015 to late 2016" runs from May 2015 to
/// December 2016), then the whole by the range's; a range ending before it starts is none.
fn range(
    x: Cal,
    y: Cal,
    mod_x: Option<TemporalMod>,
    mod_y: Option<TemporalMod>,
    modifier: Option<TemporalMod>,
    a: &Anchor,
) -> Option<Value> {
    let rx = resolve(x, a)?;
    let ry = resolve(right_end_year(x, y, rx.interval), a)?;
    let ends = (
        rx.interval.map(|iv| narrow(iv, mod_x)),
        ry.interval.map(|iv| narrow(iv, mod_y)),
    );
    let interval = match ends {
        (Some(p), Some(q)) if p.start <= q.end => Some(narrow(
            Interval {
                start: p.start,
                end: q.end,
                granularity: p.granularity.max(q.granularity),
            },
            modifier,
        )),
        (Some(_), Some(_)) => return None,
        _ => None,
    };
    Some(
        Value::date(format!("{}/{}", rx.value, ry.value), interval).with_range(TemporalRange {
            from: rx.value,
            to: ry.value,
            from_mod: mod_x,
            to_mod: mod_y,
        }),
    )
}

/// A time of day on a day ("3pm on Friday", "Monday morning") or on the reference date ("at
/// 11:58 GMT"); the interval only when the day is one day.
fn time(date: Option<Cal>, clock: Clock, a: &Anchor) -> Option<Value> {
    let r: Resolved = match (date, a.reference) {
        (Some(c), _) => resolve(c, a)?,
        (None, Some(d)) => Resolved {
            value: d.to_string(),
            interval: Some(one_day(d)),
        },
        (None, None) => Resolved {
            value: "XXXX-XX-XX".to_string(),
            interval: None,
        },
    };
    let (suffix, gran) = match clock {
        Clock::Hm(h, mi) => (format!("T{h:02}:{mi:02}"), Granularity::Minute),
        Clock::Hms(h, mi, s) => (format!("T{h:02}:{mi:02}:{s:02}"), Granularity::Minute),
        Clock::Part(p) => (format!("T{}", part_code(p)), Granularity::Hour),
    };
    let interval = r
        .interval
        .filter(|iv| iv.start == iv.end)
        .map(|iv| Interval {
            granularity: gran,
            ..iv
        });
    Some(Value {
        interval,
        ..Value::new(TemporalType::Time, format!("{}{suffix}", r.value))
    })
}

/// A day moved by `n` units: "3 days after January 12th".
fn shift(c: Cal, u: Unit, n: i64, a: &Anchor) -> Option<Value> {
    let r = resolve(c, a)?;
    Some(match resolved_day(&r) {
        Some(d) => Value::day(add_units(d, u, n)),
        None => Value::unknown_day(),
    })
}

/// The first or last `n` days, or whole Monday-to-Sunday weeks, of a year: "the first ten
/// days of last year", "the last 3 weeks of this year"; none when they do not fit the year.
fn year_part(y: YearSpec, u: Unit, n: u16, first: bool, a: &Anchor) -> Option<Value> {
    let year = Cal::Date {
        y,
        m: None,
        d: None,
    };
    let iv = resolve(year, a)?.interval?;
    let n = i64::from(n);
    let (start, end) = match (u, first) {
        (Unit::Day, true) => (iv.start, iv.start.add_days(n - 1)),
        (Unit::Day, false) => (iv.end.add_days(1 - n), iv.end),
        (_, true) => {
            // The first Monday of the year.
            let s = iv.start.add_days((8 - i64::from(iv.start.weekday())) % 7);
            (s, s.add_days(7 * n - 1))
        }
        (_, false) => {
            // The last Sunday of the year.
            let e = iv.end.add_days(-(i64::from(iv.end.weekday()) % 7));
            (e.add_days(1 - 7 * n), e)
        }
    };
    if start < iv.start || end > iv.end || end < start {
        return None;
    }
    Some(days_between(start, end))
}

/// The days from `start` to `end`, as a range.
fn days_between(start: CivilDate, end: CivilDate) -> Value {
    let interval = Interval {
        start,
        end,
        granularity: Granularity::Day,
    };
    Value::date(format!("{start}/{end}"), Some(interval))
        .with_range(TemporalRange::new(start.to_string(), end.to_string()))
}

/// A weekday counted from a day: "the third Tuesday after Christmas 2014".
fn weekday_from(wd: u8, n: i8, c: Cal, a: &Anchor) -> Option<Value> {
    let r = resolve(c, a)?;
    Some(match r.interval {
        Some(iv) if iv.start == iv.end => {
            Value::day(crate::date::rules::weekday_from(iv.start, wd, n))
        }
        _ => Value::date(format!("XXXX-WXX-{wd}"), None),
    })
}

/// A weekday in the Sunday-to-Saturday week of a moved day: "Monday two weeks from now".
fn weekday_near(wd: u8, c: Cal, u: Unit, n: i64, a: &Anchor) -> Option<Value> {
    let r = resolve(c, a)?;
    Some(match resolved_day(&r) {
        Some(day) => {
            let d = add_units(day, u, n);
            // Sunday is day 0.
            Value::day(d.add_days(i64::from(wd % 7) - i64::from(d.weekday() % 7)))
        }
        None => Value::date(format!("XXXX-WXX-{wd}"), None),
    })
}

/// The period between a day and that day moved by `n` units: "within 2 weeks from today";
/// without a reference date the ends stay unknown.
fn shift_range(c: Cal, u: Unit, n: i64, a: &Anchor) -> Option<Value> {
    let r = resolve(c, a)?;
    let Some(day) = resolved_day(&r) else {
        let x = "XXXX-XX-XX".to_string();
        let range = TemporalRange::new(x.clone(), x.clone());
        return Some(Value::date(format!("{x}/{x}"), None).with_range(range));
    };
    let d = add_units(day, u, n);
    let (s0, e0) = if d < day { (d, day) } else { (day, d) };
    Some(days_between(s0, e0))
}

/// A clock-time range on a day or the reference date: "between 9 p.m. and 11 p.m.", "from
/// 10am to 2pm on Tuesday".
fn time_range(day: Option<Cal>, from: (u8, u8), to: (u8, u8), a: &Anchor) -> Option<Value> {
    let date = match day {
        Some(c) => resolved_day(&resolve(c, a)?),
        None => a.reference,
    };
    let d = date.map_or_else(|| "XXXX-XX-XX".to_string(), |d| d.to_string());
    let from = format!("{d}T{:02}:{:02}", from.0, from.1);
    let to = format!("{d}T{:02}:{:02}", to.0, to.1);
    let interval = date.map(|d| Interval {
        start: d,
        end: d,
        granularity: Granularity::Minute,
    });
    Some(
        Value {
            interval,
            ..Value::new(TemporalType::Time, format!("{from}/{to}"))
        }
        .with_range(TemporalRange::new(from, to)),
    )
}

/// A range from a time of one day to a time of another: "2015-03-28 17:00:00/2015-03-29
/// 21:00:00"; none when the end is before the start or an end is not one day.
fn date_time_range(from: (Cal, Clock), to: (Cal, Clock), a: &Anchor) -> Option<Value> {
    let x = time(Some(from.0), from.1, a)?;
    let y = time(Some(to.0), to.1, a)?;
    let (ix, iy) = (x.interval?, y.interval?);
    if iy.start < ix.start || (iy.start == ix.start && y.value < x.value) {
        return None;
    }
    let interval = Interval {
        start: ix.start,
        end: iy.end,
        granularity: Granularity::Minute,
    };
    Some(
        Value {
            interval: Some(interval),
            ..Value::new(TemporalType::Time, format!("{}/{}", x.value, y.value))
        }
        .with_range(TemporalRange::new(x.value, y.value)),
    )
}

/// The ISO week containing a day: "the week of November 30th".
fn week_of(c: Cal, a: &Anchor) -> Option<Value> {
    let r = resolve(c, a)?;
    Some(match r.interval {
        Some(iv) => {
            let (y, w) = iv.start.iso_week();
            let monday = CivilDate::iso_week_monday(y, w);
            let interval = Interval {
                start: monday,
                end: monday.add_days(6),
                granularity: Granularity::Week,
            };
            Value::date(format!("{y:04}-W{w:02}"), Some(interval))
        }
        None => Value::date("XXXX-WXX".to_string(), None),
    })
}

/// A compound length before or after the reference ("1 month 21 days ago") or, with
/// "later", the date being talked about.
fn compound_rel(parts: &[(f64, Unit)], sign: i64, anaphoric: bool, a: &Anchor) -> Value {
    let base = if anaphoric {
        a.previous.or(a.reference)
    } else {
        a.reference
    };
    let Some(mut d) = base else {
        return Value::unknown_day();
    };
    for &(v, u) in parts {
        let k = sign * v as i64;
        d = match u {
            Unit::Year => d.add_months(12 * k),
            Unit::Month => d.add_months(k),
            Unit::Week => d.add_days(7 * k),
            Unit::Fortnight => d.add_days(14 * k),
            Unit::Day => d.add_days(k),
            _ => d,
        };
    }
    Value::day(d)
}

/// A fiscal or school year: `FY2018`, `SY2008`, `FYXXXX`.
fn named_year(kind: u8, spec: YearSpec, a: &Anchor) -> Value {
    let prefix = if kind == b'S' { "SY" } else { "FY" };
    let year = match (spec, a.reference) {
        (YearSpec::Abs(y), _) => Some(i64::from(y)),
        (YearSpec::Rel(n), Some(r)) => Some(i64::from(r.year()) + n),
        _ => None,
    };
    let value = match year {
        Some(y) if (0..=9999).contains(&y) => format!("{prefix}{y:04}"),
        _ => format!("{prefix}XXXX"),
    };
    Value::new(TemporalType::Date, value)
}

fn unit_code(u: Unit) -> (&'static str, f64) {
    match u {
        Unit::Second => ("S", 1.0),
        Unit::Minute => ("M", 1.0),
        Unit::Hour => ("H", 1.0),
        Unit::Day => ("D", 1.0),
        Unit::Week => ("W", 1.0),
        Unit::Fortnight => ("W", 2.0),
        Unit::Weekend => ("WE", 1.0),
        Unit::Month => ("M", 1.0),
        Unit::Quarter => ("Q", 1.0),
        Unit::Year => ("Y", 1.0),
        Unit::Decade => ("DE", 1.0),
        Unit::Century => ("CE", 1.0),
    }
}

/// A TIMEX3 duration value: "P6M", "PT6M", "PXY", "P3.5Y"; a counted decade or century is
/// written in years ("a decade" → "P10Y", as TempEval annotates it), an uncounted one keeps
/// its unit ("decades" → "PXDE").
pub(crate) fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let (code, k) = match (amount, unit) {
        (Some(_), Unit::Decade) => ("Y", 10.0),
        (Some(_), Unit::Century) => ("Y", 100.0),
        _ => unit_code(unit),
    };
    let t = if unit.is_clock() { "T" } else { "" };
    match amount {
        None => format!("P{t}X{code}"),
        Some(v) => {
            let v = v * k;
            if v.fract() == 0.0 && v.abs() < 1e15 {
                format!("P{t}{}{code}", v as i64)
            } else {
                let s = format!("{v:.4}");
                let s = s.trim_end_matches('0').trim_end_matches('.');
                format!("P{t}{s}{code}")
            }
        }
    }
}

/// A compound TIMEX3 duration, largest unit first: "P1Y1M21D", "PT1H30M".
fn compound_value(parts: &[(f64, Unit)]) -> String {
    let mut sorted: Vec<(f64, Unit)> = parts.to_vec();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.1));
    let mut date = String::new();
    let mut time = String::new();
    for (v, u) in sorted {
        let one = duration_value(Some(v), u);
        let body = one.trim_start_matches('P').trim_start_matches('T');
        if u.is_clock() {
            time.push_str(body);
        } else {
            date.push_str(body);
        }
    }
    if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    }
}

fn part_code(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "MO",
        DayPart::Afternoon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
        // Recognizers-Text's codes for meals; TIMEX2's for daytime and night-time.
        DayPart::Breakfast => "MEB",
        DayPart::Lunch => "MEL",
        DayPart::Dinner => "MED",
        DayPart::Daytime => "DT",
        DayPart::Nighttime => "NT",
    }
}

#[cfg(test)]
mod tests {
    use crate::DateExtractor;

    /// The `(text, value)` of what the extractor finds in `text`, on reference date
    /// 2018-01-26 (a Friday).
    fn values(text: &str) -> Vec<(String, String)> {
        let ex = DateExtractor::new()
            .with_reference_date("2018-01-26")
            .expect("a valid reference date");
        ex.extract(text)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    /// Each `(text, phrase, value)`: the extractor reads `phrase` in `text` with `value`.
    fn check(examples: &[(&str, &str, &str)]) {
        for &(text, phrase, value) in examples {
            let got = values(text);
            assert!(
                got.iter().any(|(p, v)| p == phrase && v == value),
                "{text:?}: got {got:?}, want {phrase:?} = {value:?}"
            );
        }
    }

    #[test]
    fn clock_from_reference_examples() {
        let ex = DateExtractor::new()
            .with_reference_datetime("2018-01-26T10:00")
            .expect("a valid reference");
        let found = ex.extract("3 minutes from now");
        assert_eq!(
            found.first().map(|t| t.value.as_str()),
            Some("2018-01-26T10:03")
        );
    }

    #[test]
    fn calendar_examples() {
        check(&[
            (
                "on December 17 last year",
                "December 17 last year",
                "2017-12-17",
            ),
            ("in early 2015", "early 2015", "2015"),
            ("on Aug. 5, 2016.", "Aug. 5, 2016", "2016-08-05"),
        ]);
    }

    #[test]
    fn range_examples() {
        check(&[
            ("from 2015 to 2017", "from 2015 to 2017", "2015/2017"),
            (
                "from November 2016 to February",
                "from November 2016 to February",
                "2016-11/2017-02",
            ),
        ]);
    }

    #[test]
    fn time_examples() {
        check(&[
            ("at 3pm on Friday", "3pm on Friday", "2018-01-26T15:00"),
            ("on Monday morning", "Monday morning", "2018-01-22TMO"),
        ]);
    }

    #[test]
    fn shift_examples() {
        check(&[(
            "3 days after January 12th",
            "3 days after January 12th",
            "2018-01-15",
        )]);
    }

    #[test]
    fn year_part_examples() {
        check(&[(
            "the first ten days of last year",
            "the first ten days of last year",
            "2017-01-01/2017-01-10",
        )]);
    }

    #[test]
    fn weekday_from_examples() {
        check(&[(
            "the third Tuesday after Christmas 2014",
            "the third Tuesday after Christmas 2014",
            "2015-01-13",
        )]);
    }

    #[test]
    fn weekday_near_examples() {
        check(&[(
            "Monday two weeks from now",
            "Monday two weeks from now",
            "2018-02-05",
        )]);
    }

    #[test]
    fn shift_range_examples() {
        check(&[(
            "within 2 weeks from today",
            "within 2 weeks from today",
            "2018-01-26/2018-02-09",
        )]);
    }

    #[test]
    fn time_range_examples() {
        check(&[(
            "between 9 p.m. and 11 p.m.",
            "between 9 p.m. and 11 p.m.",
            "2018-01-26T21:00/2018-01-26T23:00",
        )]);
    }

    #[test]
    fn week_of_examples() {
        check(&[(
            "the week of November 30th",
            "the week of November 30th",
            "2017-W48",
        )]);
    }

    #[test]
    fn durations_and_sets_examples() {
        check(&[
            ("for six years", "six years", "P6Y"),
            (
                "1 year 1 month 21 days",
                "1 year 1 month 21 days",
                "P1Y1M21D",
            ),
            ("every Friday", "every Friday", "XXXX-WXX-5"),
            ("every morning", "every morning", "TMO"),
            (
                "the 19th of every month",
                "the 19th of every month",
                "XXXX-XX-19",
            ),
            (
                "every Tuesday at 9am",
                "every Tuesday at 9am",
                "XXXX-WXX-2T09:00",
            ),
        ]);
    }

    #[test]
    fn compound_rel_examples() {
        check(&[(
            "1 month and 21 days ago",
            "1 month and 21 days ago",
            "2017-12-05",
        )]);
    }

    #[test]
    fn named_year_examples() {
        check(&[
            ("last fiscal year", "last fiscal year", "FY2017"),
            ("FY 2018", "FY 2018", "FY2018"),
        ]);
    }

    #[test]
    fn duration_value_examples() {
        use super::{Unit, duration_value};
        assert_eq!(duration_value(Some(6.0), Unit::Month), "P6M");
        assert_eq!(duration_value(Some(6.0), Unit::Minute), "PT6M");
        assert_eq!(duration_value(None, Unit::Year), "PXY");
        assert_eq!(duration_value(Some(3.5), Unit::Year), "P3.5Y");
        assert_eq!(duration_value(Some(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(None, Unit::Decade), "PXDE");
    }
}
