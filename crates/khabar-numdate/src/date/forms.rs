//! Small named productions for the written forms of assistants, calendars and schedules
//! that the Duckling corpus measures (`tests/conformance_duckling.rs`), each with its
//! examples (unit tests below). They are tried at every position beside the productions of
//! [`super::extract`] (the longest match wins) and build on the same readings (`cal`,
//! `clock_read`, the day phrases), so a reader finds the rule behind a phrase by its name:
//!
//! | rule | pattern | production | examples |
//! |---|---|---|---|
//! | `clock-then-day` | HOUR (tonight \| tomorrow (PART) \| this PART \| yesterday) | that hour of that day, the part completing it | "8 tonight" → T20:00, "9 tomorrow morning", "at 5 tomorrow afternoon" |
//! | `weekday-count` | N WEEKDAYs (ago \| back \| from now \| hence) | the Nth such weekday before / after today | "2 thursdays ago", "three fridays from now" |
//! | `weekday-after-next` | WEEKDAY after next | the second such weekday from today | "friday after next" |
//! | `upcoming-count` | N upcoming UNIT(s), upcoming N UNIT(s) | the next N units | "2 upcoming weeks", "upcoming two quarter" |
//! | `edge-acronym` | (the) EOM \| EOY \| BOM \| BOY \| EOD (capitals only) | the end / beginning of this month, year, day | "by the EOM", "at the BOY" |
//! | `short-year-quarter` | YYqN | quarter N of 20YY | "18q4" → 2018-Q4 |
//! | `ordinal-qtr` | (the) ORD qtr ((of) YEAR), ORD quarter (of) YEAR | that quarter | "3rd qtr", "the 4th qtr of 2018", "4th quarter 2018" |
//! | `week-of-weekday` | last week's WEEKDAY, WEEKDAY from last week; this past UNIT; this week-end | that weekday, unit or weekend | "last week's sunday", "this past weekend" |
//! | `late-day-part` | late (last night \| tonight) | the end of that night | "late last night", "late tonite" |
//! | `day-early-part` | DAY early in the morning, DAY in the early hours of the morning | the start of that morning | "monday in the early hours of the morning" |
//! | `midday` | the midday, mid day | noon | "the midday", "mid day" |
//! | `weekday-comma-date` | WEEKDAY, DATE; DATE, WEEKDAY | the date (the weekday a check) | "Wed, Feb13", "Jul 18, Fri" |
//! | `last-weekend-of-month` | (the) last (weekend \| week-end \| wkend \| week end) (of \| in) MONTH (YEAR) | the weekend of the month's last Saturday | "last weekend of October 2017" → 2017-10-28/2017-10-29 |
//! | `fraction-hour` | N/M (h \| hour) | the length in minutes | "in 1/2 h" → PT30M, "3/4 hour" |
//! | `fraction-of-hour` | a quarter \| three(-)quarters of an hour | the length in minutes | "in a quarter of an hour" → PT15M |
//! | `day-after-tomorrow` | day after tomorrow \| day before yesterday (CLOCK) | that day (at that time) | "day after tomorrow 5pm" |
//! | `day-of-rel-month` | (the) ORD of the (next \| current \| previous) month | that day | "20th of the next month" |
//! | `weekday-at-clock` | WEEKDAY at CLOCK (with a zone or am/pm) | that time of that weekday | "Thu at 8 GMT" |
//! | `around-date` | around DATE | the date, approximate | "around next week", "around next tuesday" |

use crate::date::clock::ClockCtx;
use crate::date::extract::{clock_of, day_phrase};
use crate::date::grammar::{Grammar, Match, Sem, Suffix};
use crate::date::lexicon::{DayPart, Unit, W};
use crate::date::resolve::{Cal, MonthRef, YearSpec};
use crate::date::types::TemporalMod;
use khabar_tokenize::TokenKind;

fn mt(start: usize, end: usize, sem: Sem, modifier: Option<TemporalMod>) -> Option<Match> {
    Some(Match {
        start,
        end,
        sem,
        modifier,
    })
}

fn longer(a: Option<Match>, b: Option<Match>) -> Option<Match> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.end > x.end { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

const TODAY: Cal = Cal::Rel {
    unit: Unit::Day,
    n: 0,
    anaphoric: false,
};

/// The acronyms of rule `edge-acronym`, with their unit and whether they are the end.
const EDGE_ACRONYMS: &[(&str, Unit, bool)] = &[
    ("EOM", Unit::Month, true),
    ("EOY", Unit::Year, true),
    ("EOD", Unit::Day, true),
    ("BOM", Unit::Month, false),
    ("BOY", Unit::Year, false),
];

/// Whether `w` is one of the capitalised acronyms of rule `edge-acronym` (a production
/// opens with it: see [`crate::date::prefilter`]).
pub(crate) fn is_edge_acronym(w: &str) -> bool {
    EDGE_ACRONYMS.iter().any(|(a, _, _)| *a == w)
}

/// Every rule of this module at `i`; the longest wins.
pub(crate) fn forms_at(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let t = g.t.get(i)?;
    let mut best = None;
    if t.has_num() || matches!(t.w, Some(W::Card(_) | W::A)) {
        best = longer(best, clock_then_day(g, i));
        best = longer(best, weekday_count(g, i));
        best = longer(best, upcoming_count(g, i));
        best = longer(best, short_year_quarter(g, i));
        best = longer(best, ordinal_qtr(g, i));
        best = longer(best, fraction_hour(g, i));
        best = longer(best, fraction_of_hour(g, i));
    }
    match t.w {
        Some(W::Weekday(_)) => {
            best = longer(best, weekday_after_next(g, i));
            best = longer(best, weekday_comma_date(g, i));
            best = longer(best, week_of_weekday(g, i));
            best = longer(best, day_early_part(g, i));
            best = longer(best, weekday_at_clock(g, i));
        }
        Some(W::Unit(Unit::Day, false)) => best = longer(best, day_after_tomorrow(g, i)),
        Some(W::Next) => best = longer(best, upcoming_count(g, i)),
        Some(W::The | W::Last) => {
            best = longer(best, edge_acronym(g, i));
            best = longer(best, ordinal_qtr(g, i));
            best = longer(best, week_of_weekday(g, i));
            best = longer(best, last_weekend_of_month(g, i));
            best = longer(best, midday(g, i));
        }
        Some(W::This) => best = longer(best, week_of_weekday(g, i)),
        Some(W::Late) => best = longer(best, late_day_part(g, i)),
        Some(W::Mid) => best = longer(best, midday(g, i)),
        Some(W::About) => best = longer(best, around_date(g, i)),
        Some(W::Month(_)) => best = longer(best, weekday_comma_date(g, i)),
        None => best = longer(best, edge_acronym(g, i)),
        _ => {}
    }
    if matches!(t.w, Some(W::Ord(_) | W::The)) || t.has_num() {
        best = longer(best, ordinal_qtr(g, i));
        best = longer(best, day_of_rel_month(g, i));
    }
    if day_cal_start(g, i) {
        best = longer(best, weekday_comma_date(g, i));
        best = longer(best, day_early_part(g, i));
    }
    best
}

/// Whether a one-day date can start at `i` (a weekday, a month, a number, "today" …).
fn day_cal_start(g: &Grammar<'_>, i: usize) -> bool {
    g.t.get(i).is_some_and(|t| {
        t.has_num()
            || t.kind == TokenKind::Date
            || matches!(
                t.w,
                Some(W::Today | W::Tomorrow | W::Yesterday | W::Month(_) | W::Weekday(_))
            )
    })
}

/// `clock-then-day`: "8 tonight", "eight tonight", "9 tomorrow", "9 tomorrow morning",
/// "8 this evening", "at 5 tomorrow afternoon": a bare hour before today, tonight, tomorrow
/// or yesterday (a named day after a bare number is a count: "killed 8 Monday" is not read).
fn clock_then_day(g: &Grammar<'_>, i: usize) -> Option<Match> {
    // After "at", "around", "by", "until", "@" or opening the text: "building 4 this
    // afternoon" is a label, not 4 p.m.
    let cue = i.checked_sub(1).is_none_or(|p| {
        matches!(g.w(p), Some(W::At | W::About | W::By | W::Until)) || g.punct(p, &["@"])
    });
    if !cue {
        return None;
    }
    let c = g.clock_read(i, ClockCtx::Day)?;
    if c.marked {
        return None;
    }
    let (e, cal, part) = day_phrase(g, c.end)?;
    if !matches!(
        cal,
        Cal::Rel {
            unit: Unit::Day,
            anaphoric: false,
            ..
        }
    ) {
        return None;
    }
    mt(i, e, Sem::Time(Some(cal), clock_of(c, part)), None)
}

/// A count 1–99 at `i`, in digits or spelled: the end and the count.
fn count(g: &Grammar<'_>, i: usize) -> Option<(usize, i64)> {
    let n = match (g.num(i), g.w(i)) {
        (Some(n), _) if n.suffix == Suffix::None => i64::from(n.int()?),
        (None, Some(W::Card(n))) => i64::from(n),
        _ => return None,
    };
    (1..=99).contains(&n).then_some((i + 1, n))
}

/// `weekday-count`: "2 thursdays ago", "2 thursdays back", "3 fridays from now", "four
/// tuesdays hence": the `n`th such weekday before (after) today.
fn weekday_count(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let (k, n) = count(g, i)?;
    let Some(W::Weekday(wd)) = g.w(k) else {
        return None;
    };
    if !g.txt(k).ends_with(['s', 'S']) {
        return None;
    }
    let (e, sign) = if g.is(k + 1, W::Ago) || g.word_is(k + 1, "back") {
        (k + 2, -1)
    } else if g.is(k + 1, W::From) && g.is(k + 2, W::Now) {
        (k + 3, 1)
    } else if g.is(k + 1, W::Hence) {
        (k + 2, 1)
    } else {
        return None;
    };
    let n = i8::try_from(n * sign).ok()?;
    mt(i, e, Sem::WeekdayFrom(wd, n, TODAY), None)
}

/// `weekday-after-next`: "friday after next", "wednesday after next" — the second such
/// weekday after today.
fn weekday_after_next(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let Some(W::Weekday(wd)) = g.w(i) else {
        return None;
    };
    if !(g.word_is(i + 1, "after") && g.is(i + 2, W::Next)) {
        return None;
    }
    mt(i, i + 3, Sem::WeekdayFrom(wd, 2, TODAY), None)
}

/// A calendar unit a count of upcoming ones is made of.
fn upcoming_unit(g: &Grammar<'_>, k: usize) -> Option<Unit> {
    match g.w(k)? {
        W::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year), _) => {
            Some(u)
        }
        W::Quarter => Some(Unit::Quarter),
        _ => None,
    }
}

/// `upcoming-count`: "2 upcoming weeks", "two upcoming day", "upcoming 2 quarter" — the
/// next `n` units after the current one.
fn upcoming_count(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let (k, n) = if g.word_is(i, "upcoming") {
        count(g, i + 1)?
    } else {
        let (k, n) = count(g, i)?;
        if !g.word_is(k, "upcoming") {
            return None;
        }
        (k + 1, n)
    };
    let unit = upcoming_unit(g, k)?;
    let rel = |n: i64| Cal::Rel {
        unit,
        n,
        anaphoric: false,
    };
    mt(i, k + 1, Sem::Range(rel(1), rel(n), [None, None]), None)
}

/// `edge-acronym`: "EOM", "by the EOM", "at the BOY", "by EOD" — the end (beginning) of the
/// current month, year or day. Capitals only: "boy", "bom" are words.
fn edge_acronym(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let j = if g.is(i, W::The) { i + 1 } else { i };
    let s = g.txt(j);
    let &(_, unit, end) = EDGE_ACRONYMS.iter().find(|(a, _, _)| *a == s)?;
    let md = if end {
        TemporalMod::End
    } else {
        TemporalMod::Start
    };
    let c = Cal::Rel {
        unit,
        n: 0,
        anaphoric: false,
    };
    mt(i, j + 1, Sem::Cal(c), Some(md))
}

/// `short-year-quarter`: "18q4", "18Q1" — quarter N of 20YY.
fn short_year_quarter(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let s = g.txt(i).as_bytes();
    let [a, b, q, n] = *s else {
        return None;
    };
    if !(a.is_ascii_digit() && b.is_ascii_digit() && q | 0x20 == b'q' && (b'1'..=b'4').contains(&n))
    {
        return None;
    }
    let y = 2000 + i32::from(a - b'0') * 10 + i32::from(b - b'0');
    let c = Cal::Quarter {
        y: YearSpec::Abs(y),
        q: n - b'0',
    };
    mt(i, i + 1, Sem::Cal(c), None)
}

/// An ordinal 1–4 at `i`: "3rd", "third".
fn ordinal_1_4(g: &Grammar<'_>, i: usize) -> Option<u8> {
    let n = match (g.num(i), g.w(i)) {
        (Some(n), _) if n.suffix == Suffix::Ord => n.int()?,
        (None, Some(W::Ord(n))) => u32::from(n),
        _ => return None,
    };
    u8::try_from(n).ok().filter(|n| (1..=4).contains(n))
}

/// `ordinal-qtr`: "3rd qtr", "the third qtr", "4th qtr 2018", "the 4th qtr of 2018",
/// "4th quarter 2018", "the third quarter of 2019". The business abbreviation "qtr" is a
/// quarter on its own (the year by the direction); a spelled "quarter" without "the" needs
/// its year (a bare "third quarter" is a game's as often as a year's).
fn ordinal_qtr(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let j = if g.is(i, W::The) { i + 1 } else { i };
    let q = ordinal_1_4(g, j)?;
    if !g.is(j + 1, W::Quarter) {
        return None;
    }
    let abbrev = g.word_is(j + 1, "qtr");
    let k = j + 2;
    let k2 = if g.is(k, W::Of) { k + 1 } else { k };
    let year = g.year_digits(k2).filter(|y| (1000..=2999).contains(y));
    match year {
        Some(y) => mt(
            i,
            k2 + 1,
            Sem::Cal(Cal::Quarter {
                y: YearSpec::Abs(y),
                q,
            }),
            None,
        ),
        None if abbrev => mt(
            i,
            k,
            Sem::Cal(Cal::Quarter {
                y: YearSpec::Unknown,
                q,
            }),
            None,
        ),
        None => None,
    }
}

/// `week-of-weekday`: "last week's sunday", "sunday from last week", "this past weekend",
/// "this past Sunday", "this week-end".
fn week_of_weekday(g: &Grammar<'_>, i: usize) -> Option<Match> {
    // "this past weekend": "past …" as read alone.
    if g.is(i, W::This) && g.word_is(i + 1, "past") {
        let (e, c) = g.cal(i + 1)?;
        return mt(i, e, Sem::Cal(c), None);
    }
    // "this week-end"
    if g.is(i, W::This)
        && g.is(i + 1, W::Unit(Unit::Week, false))
        && g.is_dash(i + 2)
        && g.is(i + 3, W::End)
        && g.joined(i + 1)
        && g.joined(i + 2)
    {
        let c = Cal::Rel {
            unit: Unit::Weekend,
            n: 0,
            anaphoric: false,
        };
        return mt(i, i + 4, Sem::Cal(c), None);
    }
    let shift = |w: Option<W>| match w {
        Some(W::Last) => Some(-1),
        Some(W::Next) => Some(1),
        Some(W::This) => Some(0),
        _ => None,
    };
    // "last week's sunday"
    if let Some(n) = shift(g.w(i)) {
        if g.is(i + 1, W::Unit(Unit::Week, false)) && matches!(g.txt(i + 2), "'s" | "’s") {
            if let Some(W::Weekday(wd)) = g.w(i + 3) {
                let c = Cal::Weekday { wd, shift: Some(n) };
                return mt(i, i + 4, Sem::Cal(c), None);
            }
        }
    }
    // "sunday from last week"
    if let Some(W::Weekday(wd)) = g.w(i) {
        if g.is(i + 1, W::From) && g.is(i + 3, W::Unit(Unit::Week, false)) {
            if let Some(n) = shift(g.w(i + 2)) {
                let c = Cal::Weekday { wd, shift: Some(n) };
                return mt(i, i + 4, Sem::Cal(c), None);
            }
        }
    }
    None
}

/// `late-day-part`: "late last night", "late tonight", "late tonite" — the end of that
/// night.
fn late_day_part(g: &Grammar<'_>, i: usize) -> Option<Match> {
    if !g.is(i, W::Late) {
        return None;
    }
    let (e, c, part) = day_phrase(g, i + 1)?;
    let p = part?;
    mt(
        i,
        e,
        Sem::Time(Some(c), crate::date::grammar::Clock::Part(p)),
        Some(TemporalMod::End),
    )
}

/// `day-early-part`: "monday early in the morning", "monday in the early hours of the
/// morning" — the start of that day's morning.
fn day_early_part(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let (e, c) = g.cal(i)?;
    let morning = |k: usize| g.is(k, W::DayPart(DayPart::Morning));
    let end = if g.is(e, W::Early) && g.is(e + 1, W::In) && g.is(e + 2, W::The) && morning(e + 3) {
        e + 4
    } else if g.is(e, W::In)
        && g.is(e + 1, W::The)
        && g.is(e + 2, W::Early)
        && g.word_is(e + 3, "hours")
        && g.is(e + 4, W::Of)
        && g.is(e + 5, W::The)
        && morning(e + 6)
    {
        e + 7
    } else {
        return None;
    };
    if !matches!(
        c,
        Cal::Weekday { .. }
            | Cal::Rel {
                unit: Unit::Day,
                ..
            }
    ) {
        return None;
    }
    mt(
        i,
        end,
        Sem::Time(Some(c), crate::date::grammar::Clock::Part(DayPart::Morning)),
        Some(TemporalMod::Start),
    )
}

/// `midday`: "the midday", "mid day" — noon.
fn midday(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let the_midday = g.is(i, W::The) && g.word_is(i + 1, "midday");
    let mid_day = g.is(i, W::Mid) && g.word_is(i + 1, "day");
    if !(the_midday || mid_day) {
        return None;
    }
    let e = i + 2;
    mt(
        i,
        e,
        Sem::Time(None, crate::date::grammar::Clock::Hm(12, 0)),
        None,
    )
}

/// Whether `c` is one day of a month.
fn is_day(c: Cal) -> bool {
    matches!(
        c,
        Cal::Date {
            m: Some(_),
            d: Some(_),
            ..
        }
    )
}

/// `weekday-comma-date`: "Wed, Feb13", "Jul 18, Fri" — the date, the weekday beside it a
/// check.
fn weekday_comma_date(g: &Grammar<'_>, i: usize) -> Option<Match> {
    if let Some(W::Weekday(_)) = g.w(i) {
        if g.punct(i + 1, &[","]) {
            let (e, c) = g.cal(i + 2)?;
            return is_day(c).then(|| mt(i, e, Sem::Cal(c), None)).flatten();
        }
        return None;
    }
    let (e, c) = g.cal(i)?;
    if !is_day(c) || !g.punct(e, &[","]) {
        return None;
    }
    let Some(W::Weekday(_)) = g.w(e + 1) else {
        return None;
    };
    // The weekday closes the expression: "Jul 18, Fri" (not "Jul 18, Friday's talks").
    let closes =
        g.t.get(e + 2)
            .is_none_or(|t| t.kind == TokenKind::Punct && g.txt(e + 2) != "'s");
    closes.then(|| mt(i, e + 2, Sem::Cal(c), None)).flatten()
}

/// `last-weekend-of-month`: "last weekend of October", "the last weekend of October 2017",
/// "last week-end in October", "last wkend of July", "last week end of October" — the
/// weekend of the month's last Saturday.
fn last_weekend_of_month(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let j = if g.is(i, W::The) { i + 1 } else { i };
    if !g.word_is(j, "last") {
        return None;
    }
    let k = if g.is(j + 1, W::Unit(Unit::Weekend, false)) || g.word_is(j + 1, "wkend") {
        j + 2
    } else if g.is(j + 1, W::Unit(Unit::Week, false)) && g.is(j + 2, W::End) {
        j + 3
    } else if g.is(j + 1, W::Unit(Unit::Week, false)) && g.is_dash(j + 2) && g.is(j + 3, W::End) {
        j + 4
    } else {
        return None;
    };
    if !(g.is(k, W::Of) || g.is(k, W::In)) {
        return None;
    }
    let (e, m) = g.month(k + 1)?;
    let (e, y) = g.year_after(e).unwrap_or((e, YearSpec::Unknown));
    let sat = Cal::NthWeekday {
        n: 0,
        wd: 6,
        month: MonthRef::Named(y, m),
    };
    mt(i, e, Sem::ShiftRange(sat, Unit::Day, 1), None)
}

/// `around-date`: "around next week", "around next tuesday" — the date, approximate.
fn around_date(g: &Grammar<'_>, i: usize) -> Option<Match> {
    if !g.word_is(i, "around") {
        return None;
    }
    let (e, c) = g.cal(i + 1)?;
    if !matches!(c, Cal::Rel { .. } | Cal::Weekday { shift: Some(_), .. }) {
        return None;
    }
    mt(i, e, Sem::Cal(c), Some(TemporalMod::Approx))
}

/// `fraction-hour`: "1/2 h", "3/4 hour", "1/4h" — a fraction of an hour, in minutes.
fn fraction_hour(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let a = g.num(i).filter(|n| n.suffix == Suffix::None)?.int()?;
    if !(g.punct(i + 1, &["/"]) && g.joined(i) && g.joined(i + 1)) {
        return None;
    }
    let d = g.num(i + 2)?;
    let (e, b) = match d.suffix {
        Suffix::Unit(Unit::Hour) => (i + 3, d.int()?),
        Suffix::None if g.is(i + 3, W::Unit(Unit::Hour, false)) => (i + 4, d.int()?),
        _ => return None,
    };
    if !matches!((a, b), (1, 2) | (1, 4) | (3, 4)) {
        return None;
    }
    let minutes = f64::from(60 * a / b);
    mt(i, e, Sem::Dur(Some(minutes), Unit::Minute), None)
}

/// `fraction-of-hour`: "a quarter of an hour", "three-quarters of an hour", "three
/// quarters of an hour" — in minutes.
fn fraction_of_hour(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let (k, minutes) = if g.is(i, W::A) && g.is(i + 1, W::Quarter) {
        (i + 2, 15.0)
    } else if g.is(i, W::Card(3)) {
        let k = if g.is_dash(i + 1) { i + 2 } else { i + 1 };
        if !g.is(k, W::Unit(Unit::Quarter, true)) {
            return None;
        }
        (k + 1, 45.0)
    } else {
        return None;
    };
    if !(g.is(k, W::Of) && g.is(k + 1, W::A) && g.is(k + 2, W::Unit(Unit::Hour, false))) {
        return None;
    }
    mt(i, k + 3, Sem::Dur(Some(minutes), Unit::Minute), None)
}

/// `day-after-tomorrow`: "day after tomorrow 5pm", "day before yesterday 8am" (without "the",
/// as written in notes) — that day, with the clock time when one follows.
fn day_after_tomorrow(g: &Grammar<'_>, i: usize) -> Option<Match> {
    if !g.is(i, W::Unit(Unit::Day, false)) {
        return None;
    }
    let n = if g.word_is(i + 1, "after") && g.is(i + 2, W::Tomorrow) {
        2
    } else if g.word_is(i + 1, "before") && g.is(i + 2, W::Yesterday) {
        -2
    } else {
        return None;
    };
    let c = Cal::Rel {
        unit: Unit::Day,
        n,
        anaphoric: false,
    };
    match g.clock_read(i + 3, ClockCtx::Plain) {
        Some(cr) => mt(i, cr.end, Sem::Time(Some(c), clock_of(cr, None)), None),
        None => mt(i, i + 3, Sem::Cal(c), None),
    }
}

/// `day-of-rel-month`: "20th of the next month", "the 20th of the current month", "20th of
/// the previous month" — that day of the month relative to the reference.
fn day_of_rel_month(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let j = if g.is(i, W::The) { i + 1 } else { i };
    let d = match (g.num(j), g.w(j)) {
        (Some(n), _) if n.suffix == Suffix::Ord => n.int()?,
        (None, Some(W::Ord(n))) => u32::from(n),
        _ => return None,
    };
    let d = u8::try_from(d).ok().filter(|d| (1..=31).contains(d))?;
    if !(g.is(j + 1, W::Of) && g.is(j + 2, W::The)) {
        return None;
    }
    let (e, n) = g.rel_month(j + 3)?;
    mt(i, e, Sem::Cal(Cal::DayOfRelMonth { d, n }), None)
}

/// `weekday-at-clock`: "Thu at 8 GMT", "Thu at 8 am PST" — a weekday (also a short form that
/// needs a cue alone) before "at" and a clock time with its zone or half of the day.
fn weekday_at_clock(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let Some(W::Weekday(wd)) = g.w(i) else {
        return None;
    };
    if !g.is(i + 1, W::At) {
        return None;
    }
    // "the court sat at 10 am", "they wed at 3 pm": a short form that is a word needs its
    // capital.
    let word = ["sat", "sun", "wed", "mon"]
        .iter()
        .any(|w| g.txt(i).eq_ignore_ascii_case(w));
    if word && !g.t.get(i).is_some_and(|t| t.cap()) {
        return None;
    }
    let c = g.clock_read(i + 2, ClockCtx::Day)?;
    let zoned = c.end > i + 3 && g.is(c.end - 1, W::Zone);
    if !(c.meridiem || zoned) {
        return None;
    }
    let day = Cal::Weekday { wd, shift: None };
    mt(i, c.end, Sem::Time(Some(day), clock_of(c, None)), None)
}

#[cfg(test)]
mod tests {
    use crate::date::DateExtractor;

    /// The one expression of `text` (reference Tuesday 2013-02-12 04:30) as "text=value".
    fn one(text: &str) -> String {
        let ex = DateExtractor::new()
            .with_reference_datetime("2013-02-12T04:30")
            .expect("a reference");
        ex.extract(text)
            .iter()
            .map(|t| {
                let md = t
                    .modifier
                    .map_or(String::new(), |m| format!(" {}", m.as_str()));
                format!("{}={}{md}", t.text, t.value)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    #[test]
    fn clock_then_day() {
        assert_eq!(one("8 tonight"), "8 tonight=2013-02-12T20:00");
        assert_eq!(
            one("at 9 tomorrow morning"),
            "9 tomorrow morning=2013-02-13T09:00"
        );
        assert_eq!(
            one("at 5 tomorrow afternoon"),
            "5 tomorrow afternoon=2013-02-13T17:00"
        );
        // A label before the day, not a time.
        assert_eq!(
            one("on building 4 this afternoon"),
            "this afternoon=2013-02-12TAF"
        );
    }

    #[test]
    fn weekday_count_and_after_next() {
        assert_eq!(one("2 thursdays ago"), "2 thursdays ago=2013-01-31");
        assert_eq!(
            one("three fridays from now"),
            "three fridays from now=2013-03-01"
        );
        assert_eq!(one("friday after next"), "friday after next=2013-02-22");
    }

    #[test]
    fn upcoming_count() {
        assert_eq!(
            one("2 upcoming weeks"),
            "2 upcoming weeks=2013-W08/2013-W09"
        );
        assert_eq!(
            one("upcoming two quarter"),
            "upcoming two quarter=2013-Q2/2013-Q3"
        );
    }

    #[test]
    fn edge_acronyms() {
        assert_eq!(one("by the EOM"), "the EOM=2013-02 END");
        assert_eq!(one("at the BOY"), "the BOY=2013 START");
        // Lowercase words are words.
        assert_eq!(one("the boy"), "");
    }

    #[test]
    fn quarters() {
        assert_eq!(one("18q4"), "18q4=2018-Q4");
        assert_eq!(one("the 4th qtr of 2018"), "the 4th qtr of 2018=2018-Q4");
        assert_eq!(one("4th quarter 2018"), "4th quarter 2018=2018-Q4");
        assert!(one("3rd qtr").starts_with("3rd qtr=20"));
    }

    #[test]
    fn weeks_of_weekdays() {
        assert_eq!(one("last week's sunday"), "last week's sunday=2013-02-10");
        assert_eq!(
            one("sunday from last week"),
            "sunday from last week=2013-02-10"
        );
        assert_eq!(one("this past weekend"), "this past weekend=2013-W06-WE");
        assert_eq!(one("this week-end"), "this week-end=2013-W07-WE");
    }

    #[test]
    fn parts_of_days() {
        assert_eq!(one("late last night"), "late last night=2013-02-11TNI END");
        assert_eq!(
            one("monday in the early hours of the morning"),
            "monday in the early hours of the morning=2013-02-11TMO START"
        );
        assert_eq!(one("the midday"), "the midday=2013-02-12T12:00");
        assert_eq!(one("mid day"), "mid day=2013-02-12T12:00");
    }

    #[test]
    fn fractions_and_relative_days() {
        assert_eq!(one("in 1/2 h"), "1/2 h=PT30M");
        assert_eq!(one("in 3/4h"), "3/4h=PT45M");
        assert_eq!(one("in a quarter of an hour"), "a quarter of an hour=PT15M");
        assert_eq!(
            one("in three-quarters of an hour"),
            "three-quarters of an hour=PT45M"
        );
        assert_eq!(
            one("day after tomorrow 5pm"),
            "day after tomorrow 5pm=2013-02-14T17:00"
        );
        assert_eq!(
            one("20th of the next month"),
            "20th of the next month=2013-03-20"
        );
        assert_eq!(one("Thu at 8 GMT"), "Thu at 8 GMT=2013-02-07T08:00");
        assert_eq!(one("the court sat at 10 am"), "10 am=2013-02-12T10:00");
        assert_eq!(one("3 in the AM"), "3 in the AM=2013-02-12T03:00");
        assert_eq!(
            one("3:20 in afternoon"),
            "3:20 in afternoon=2013-02-12T15:20"
        );
    }

    #[test]
    fn weekday_beside_date() {
        // The year by the direction (the weekday is only a check).
        assert!(one("Wed, Feb13").starts_with("Wed, Feb13=20"));
        assert!(one("Wed, Feb13").ends_with("-02-13"));
        assert_eq!(one("Jul 18, Fri"), "Jul 18, Fri=2012-07-18");
        assert_eq!(
            one("last weekend of October 2017"),
            "last weekend of October 2017=2017-10-28/2017-10-29"
        );
        assert_eq!(one("around next week"), "around next week=2013-W08 APPROX");
    }
}
