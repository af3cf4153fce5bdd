//! Conformance against Microsoft Recognizers-Text's English date-time specs.
//!
//! The specs live in the shared `conformance/recognizers-text/DateTime/` directory beside the
//! repository (not part of a fresh clone); when it is absent the test prints a message and
//! passes. Every case of every file is run — none is skipped, including the ones the peer
//! marks `NotSupported` for some of its own platforms — and the pass rate per file is
//! printed. A case that fails must be listed in `tests/conformance/date_divergences.tsv`
//! (file, input, theirs, ours, reason); a listed case that now passes fails the test too, so
//! the table stays exact. Set `KHABAR_WRITE_DIVERGENCES=1` to rewrite the table from the
//! current results (reasons are classified automatically, see [`classify`]).
//!
//! # Mapping their conventions to khabar's
//!
//! * **Reference date**: `Context.ReferenceDateTime` becomes the extractor's reference date
//!   and time of day (`with_reference_datetime`; the time only gives clock values to "3
//!   minutes from now"); cases without one run without a reference date.
//! * **Configuration**: the specs are en-US, so the extractor reads ambiguous digit dates
//!   month-first (`DayOrder::MonthFirst`, as a user reading US text would set it; khabar's
//!   default is day-first). DateTimeModel is the peer's merged recognizer, which keeps
//!   "before", "after", "since", "until", "as early as", comparison signs… in the span as a
//!   modifier: for that file only the extractor runs `with_signal_spans(true)`, khabar's
//!   switch for that reading (off by default, as TimeML leaves signals out).
//! * **Spans**: they count `Start` in UTF-16 code units of the input; the inputs are ASCII
//!   except a few, so offsets are converted from characters to bytes. Extractor files give
//!   `Start` + `Length`, DateTimeModel gives an inclusive `End`. khabar's span rule leaves a
//!   leading preposition out ("in 3 weeks" → "3 weeks", "on friday next week"); a khabar span
//!   equal to theirs minus a leading "in", "on", "at", "for", "since", "by", "during" counts
//!   as the same span; so does a khabar span equal to theirs plus a leading "the" (khabar
//!   keeps the article, as TimeML extents do: "the end of 2000", "the following week").
//! * **Which results are compared**: Date* files compare khabar's DATE results, Duration*
//!   files khabar's DURATION results, DateTimeModel all of khabar's results.
//! * **Values** (parser files and DateTimeModel only): a khabar value matches when it equals
//!   their TIMEX (`Timex`/`timex`), or when it denotes the same date or interval as either of
//!   their resolutions (`PastResolution` or `FutureResolution`; DateTimeModel `value` or
//!   `start`/`end`). Their ranges "(2016-11-04,2016-11-22,P18D)" are compared with khabar's
//!   range value "2016-11-04/2016-11-22"; their period ends are exclusive, khabar's interval
//!   ends inclusive (one day is added before comparing). Durations compare by length in
//!   seconds (their `duration` resolution; khabar's value with a year of 365 days and a month
//!   of 30 days, as theirs). Their ambiguous dates carry both a future and a past reading;
//!   khabar gives one (past by default, future under a future-tense cue), so accepting either
//!   reading is the mapping of their future bias onto khabar's past bias.
//! * **Times**: khabar anchors a time without a day on the reference date
//!   ("2016-11-07T19:30"); it matches their "T19:30", "T19" (no minutes) and resolution
//!   "2016-11-07 19:30:00". A khabar time range "2016-11-07T19:00/2016-11-07T19:30" matches
//!   their "(2016-11-07T19,2016-11-07T19:30,PT30M)", "(T19:00,T19:30,PT30M)" (minutes kept or
//!   dropped as they wrote them) and their resolution start/end. Their unresolved weekday
//!   ("XXXX-WXX-2TAF", "XXXX-WXX-4T17") matches khabar's resolved day when it is that
//!   weekday. Quarters ("P1Q") compare as three months of 30 days, their quarter ranges
//!   end at the first day of the last quarter ("2017-Q1/2018-Q1" ↔ 2017-01-01/2018-01-01).
//! * **Reasons** in the divergences table are classified by [`classify`]: each is either a
//!   "convention: …" (khabar's documented semantics in DATES.md differ from the peer's) or
//!   "not supported: <form>" (naming the peer's expression that khabar does not read, or
//!   reads only in part), or names a khabar misreading.

use khabar_numdate::{DateExtractor, DayOrder, Temporal, TemporalMod, TemporalType};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const FILES: [&str; 7] = [
    "DateExtractor",
    "DateParser",
    "DatePeriodExtractor",
    "DatePeriodParser",
    "DurationExtractor",
    "DurationParser",
    "DateTimeModel",
];

mod common;
use common::{assert_table_honest, clean, divergences, shared, unlisted_and_passing};

const TABLE: &str = "date_divergences.tsv";

fn spec_dir() -> PathBuf {
    shared("recognizers-text/DateTime")
}

fn table_path() -> PathBuf {
    common::table_path(TABLE)
}

/// One expected result, normalized.
#[derive(Debug, Clone)]
struct Expected {
    start: usize,
    end: usize,
    text: String,
    /// Acceptable values: TIMEX strings, dates, and intervals written "start/end" (end
    /// exclusive, as theirs), or "secs:<n>" for durations.
    values: Vec<String>,
}

/// Their "date" type is one day; "daterange" is anything longer. khabar's DATE values of day
/// precision ("2016-11-07", "XXXX-10-02", "XXXX-WXX-5") belong to the first.
fn day_precise(t: &Temporal) -> bool {
    if let Some(iv) = t.interval {
        return iv.granularity == khabar_numdate::Granularity::Day;
    }
    let v = t.value.as_bytes();
    let ok = |k: usize| v.get(k).is_some_and(|c| c.is_ascii_digit() || *c == b'X');
    (v.len() == 10 && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&k| ok(k)))
        || t.value
            .split_once("-WXX-")
            .is_some_and(|(_, d)| d.len() == 1 && d.bytes().all(|c| c.is_ascii_digit()))
}

/// "more than 2 weeks before today": their open daterange, khabar's DATE with BEFORE/AFTER.
fn open_ended(t: &Temporal) -> bool {
    matches!(t.modifier, Some(TemporalMod::Before | TemporalMod::After))
}

/// "two months ago", "a week later": their "date" (one day), khabar's DATE at the unit's
/// granularity.
fn relative_ago(t: &Temporal) -> bool {
    let low = t.text.to_ascii_lowercase();
    low.ends_with(" ago") || low.ends_with(" later") || low.ends_with(" from now")
}

/// "past 3 weeks", "the next two days": their daterange ending or starting today, khabar's
/// DURATION (TimeML).
fn period_duration(t: &Temporal) -> bool {
    let low = t.text.to_ascii_lowercase();
    let low = low.strip_prefix("the ").unwrap_or(&low);
    [
        "past ",
        "last ",
        "next ",
        "previous ",
        "coming ",
        "upcoming ",
        "within ",
    ]
    .iter()
    .any(|p| low.starts_with(p))
}

fn char_to_byte(s: &str, c: usize) -> usize {
    s.char_indices().nth(c).map_or(s.len(), |(b, _)| b)
}

fn str_of(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

/// Their values for one result, in the comparable forms described in the module docs.
fn their_values(r: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let push_res = |out: &mut Vec<String>, res: &Value| {
        if let Some(d) = str_of(res, "date") {
            out.push(d);
        }
        if let (Some(a), Some(b)) = (str_of(res, "startDate"), str_of(res, "endDate")) {
            out.push(format!("{a}/{b}"));
        }
        if let Some(d) = str_of(res, "duration") {
            out.push(format!("secs:{d}"));
        }
    };
    if let Some(v) = r.get("Value") {
        if let Some(t) = str_of(v, "Timex") {
            out.extend(timex_forms(&t));
        }
        for k in ["FutureResolution", "PastResolution"] {
            if let Some(res) = v.get(k) {
                push_res(&mut out, res);
            }
        }
    }
    if let Some(vals) = r.pointer("/Resolution/values").and_then(Value::as_array) {
        for v in vals {
            if let Some(t) = str_of(v, "timex") {
                out.extend(timex_forms(&t));
            }
            match str_of(v, "type").as_deref() {
                Some("duration") => {
                    if let Some(d) = str_of(v, "value") {
                        out.push(format!("secs:{d}"));
                    }
                }
                _ => {
                    if let Some(d) = str_of(v, "value") {
                        out.push(d);
                    }
                    if let (Some(a), Some(b)) = (str_of(v, "start"), str_of(v, "end")) {
                        out.push(format!("{a}/{b}"));
                    }
                }
            }
        }
    }
    out
}

/// A TIMEX as given, and their range "(a,b,P..)" as "a/b".
fn timex_forms(t: &str) -> Vec<String> {
    let mut v = vec![t.to_string()];
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        let parts: Vec<&str> = inner.split(',').collect();
        if parts.len() >= 2 {
            v.push(format!("{}/{}", parts[0], parts[1]));
        }
        if let Some(d) = parts.get(2) {
            v.push(d.to_string());
            if let Some(secs) = duration_secs(d) {
                v.push(format!("secs:{secs}"));
            }
        }
    }
    v
}

/// Seconds in a khabar duration value ("P6M", "PT3H", "P3.5Y"); None for "PX…".
fn duration_secs(v: &str) -> Option<f64> {
    let rest = v.strip_prefix('P')?;
    let (clock, body) = match rest.strip_prefix('T') {
        Some(b) => (true, b),
        None => (false, rest),
    };
    let split = body.find(|c: char| c.is_ascii_alphabetic())?;
    let (num, unit) = body.split_at(split);
    let n: f64 = num.parse().ok()?;
    let k = match (clock, unit) {
        (true, "H") => 3600.0,
        (true, "M") => 60.0,
        (true, "S") => 1.0,
        (false, "D") => 86400.0,
        (false, "W") => 604_800.0,
        (false, "M") => 2_592_000.0,
        (false, "Y") => 31_536_000.0,
        (false, "Q") => 7_776_000.0,
        (false, "DE") => 315_360_000.0,
        _ => return None,
    };
    Some(n * k)
}

/// Comparable forms of one of our results.
fn our_values(t: &Temporal) -> Vec<String> {
    let mut v = vec![t.value.clone()];
    if let Some(iv) = t.interval {
        v.push(iv.start.to_string());
        v.push(format!("{}/{}", iv.start, iv.end.add_days(1)));
        v.push(format!("{}/{}", iv.start, iv.end));
    }
    // Time ranges: their "(T16,T17,PT1H)" / "(2016-11-07T19,2016-11-07T19:30,PT30M)".
    if let (Some(r), TemporalType::Time) = (&t.range, t.kind) {
        let short = |v: &str| -> Option<(String, String)> {
            let (d, tm) = v.split_once('T')?;
            let tm = tm.strip_suffix(":00").unwrap_or(tm);
            Some((d.to_string(), format!("T{tm}")))
        };
        if let (Some((d1, a)), Some((d2, b))) = (short(&r.from), short(&r.to)) {
            v.push(format!("{a}/{b}"));
            v.push(format!("{d1}{a}/{d2}{b}"));
        }
        // Minutes kept as written: their "(T04:00,T07,PT3H)".
        if let (Some((_, a)), Some((_, b))) = (r.from.split_once('T'), r.to.split_once('T')) {
            let short = |x: &str| x.strip_suffix(":00").unwrap_or(x).to_string();
            v.push(format!("T{a}/T{}", short(b)));
            v.push(format!("T{}/T{b}", short(a)));
            v.push(format!("T{a}/T{b}"));
            // A range from a start and a length: "(T14,T16:00:00,PT2H)", "14:00:00/16:00:00".
            v.push(format!("T{}/T{b}:00", short(a)));
            v.push(format!("{a}:00/{b}:00"));
        }
        // Their resolution: "2016-11-01 07:00:00" / "2016-11-01 07:30:00".
        if let (Some((d1, a)), Some((d2, b))) = (r.from.split_once('T'), r.to.split_once('T')) {
            v.push(format!("{d1} {a}:00/{d2} {b}:00"));
        }
    }
    if let Some(r) = &t.range {
        // Their ranges end at the start of the last period ("(2014-01-01,2018-01-01,P4Y)" for
        // "2014-2018").
        if let (Some(iv), Some(to)) = (t.interval, period_start(&r.to)) {
            v.push(format!("{}/{to}", iv.start));
        }
    }
    if let Some(iv) = t.interval {
        v.push(format!("iv:{}:{}", iv.start, iv.end));
    }
    if let Some(s) = duration_secs(&t.value) {
        v.push(format!("secs:{s}"));
    }
    // Times: khabar anchors a bare clock time on the reference day ("2016-11-07T15:00");
    // theirs is "T15" or "T15:00" (TIMEX) or "2016-11-07 15:00:00" (resolution).
    if let Some((d, tm)) = t.value.split_once('T') {
        if tm.len() == 5 {
            v.push(format!("{d} {tm}:00"));
            v.push(format!("T{tm}"));
            v.push(format!("{tm}:00"));
            if let Some(h) = tm.strip_suffix(":00") {
                v.push(format!("T{h}"));
                v.push(format!("{d}T{h}"));
            }
        } else {
            v.push(format!("T{tm}"));
        }
    }
    // Their unresolved weekday ("XXXX-WXX-2TAF", "XXXX-WXX-4T17") against khabar's resolved
    // day of that weekday.
    let weekday_forms: Vec<String> = v
        .iter()
        .filter_map(|x| {
            let d: khabar_numdate::CivilDate = x.get(..10)?.parse().ok()?;
            let rest = x.get(10..)?;
            rest.starts_with('T')
                .then(|| format!("XXXX-WXX-{}{rest}", d.weekday()))
        })
        .collect();
    v.extend(weekday_forms);
    v
}

/// First day of a khabar value "2018", "2018-06", "2018-06-05", "2018-W31".
fn period_start(v: &str) -> Option<String> {
    if let Some((y, w)) = v.split_once("-W") {
        let y: i32 = y.parse().ok()?;
        let w: i64 = w.parse().ok()?;
        let jan4 = khabar_numdate::CivilDate::new(y, 1, 4).ok()?;
        let monday = jan4.add_days(1 - i64::from(jan4.weekday()) + 7 * (w - 1));
        return Some(monday.to_string());
    }
    if let Some((y, q)) = v.split_once("-Q") {
        let q: u32 = q.parse().ok()?;
        return Some(format!("{y}-{:02}-01", 3 * q.checked_sub(1)? + 1));
    }
    match v.len() {
        4 => Some(format!("{v}-01-01")),
        7 => Some(format!("{v}-01")),
        10 => Some(v.to_string()),
        _ => None,
    }
}

/// Their TIMEX with unknown parts ("XXXX-03", no resolution) against khabar's resolved value
/// of the same shape ("2017-03").
fn x_shape_match(theirs: &str, ours: &str) -> bool {
    theirs.contains('X')
        && !theirs.starts_with('P')
        && theirs.len() == ours.len()
        && theirs
            .bytes()
            .zip(ours.bytes())
            .all(|(a, b)| a == b'X' || a == b)
}

fn values_match(theirs: &[String], ours: &[String]) -> bool {
    theirs.iter().any(|a| {
        ours.iter().any(|b| {
            if x_shape_match(a, b) {
                return true;
            }
            // Their season without a year ("SU") against khabar's resolved "2017-SU".
            if matches!(a.as_str(), "SP" | "SU" | "FA" | "WI") && b.ends_with(&format!("-{a}")) {
                return true;
            }
            // Precision: their one day inside khabar's coarser interval ("two years ago":
            // their 2014-11-07, khabar's 2014).
            if let Some(iv) = b.strip_prefix("iv:") {
                if let Some((s, e)) = iv.split_once(':') {
                    return a.len() == 10 && !a.contains('X') && s <= a.as_str() && a.as_str() <= e;
                }
            }
            if let (Some(x), Some(y)) = (a.strip_prefix("secs:"), b.strip_prefix("secs:")) {
                match (x.parse::<f64>(), y.parse::<f64>()) {
                    (Ok(x), Ok(y)) => (x - y).abs() < 0.5,
                    _ => false,
                }
            } else {
                a == b
            }
        })
    })
}

const PREPS: [&str; 7] = ["in ", "on ", "at ", "for ", "since ", "by ", "during "];

fn same_span(e: &Expected, input: &str, t: &Temporal) -> bool {
    if t.span.start == e.start && t.span.end == e.end {
        return true;
    }
    let theirs = input.get(e.start..e.end).unwrap_or("");
    let low = theirs.to_ascii_lowercase();
    // khabar keeps a leading article in the span (TimeML extents include determiners: "the
    // end of 2000"); theirs may leave it out.
    let article = e.start >= 4
        && t.span.start + 4 == e.start
        && t.span.end == e.end
        && input
            .get(t.span.start..e.start)
            .is_some_and(|a| a.eq_ignore_ascii_case("the "));
    article
        || PREPS
            .iter()
            .any(|p| low.starts_with(p) && t.span.end == e.end && t.span.start == e.start + p.len())
}

struct Outcome {
    pass: bool,
    theirs: String,
    ours: String,
    reason: String,
}

fn run_case(file: &str, case: &Value) -> Outcome {
    let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
    let reference = case
        .pointer("/Context/ReferenceDateTime")
        .and_then(Value::as_str);
    let model = file == "DateTimeModel";
    // The specs are en-US: a reader of US text sets month-first digit dates (khabar's
    // default, day-first, is for international reporting). The model is the peer's merged
    // recognizer, which keeps "before"/"after"/"since"… in the span as a modifier: khabar's
    // `with_signal_spans` is that reading; the single-type extractor and parser files do not.
    let base = DateExtractor::new()
        .with_day_order(DayOrder::MonthFirst)
        .with_signal_spans(model);
    let ex = match reference {
        Some(r) => base.clone().with_reference_datetime(r).unwrap_or(base),
        None => base,
    };
    let compare_values = file.ends_with("Parser") || model;
    let wanted = |t: &Temporal| match file {
        f if f.starts_with("Duration") => t.kind == TemporalType::Duration,
        f if f.starts_with("DatePeriod") => {
            (t.kind == TemporalType::Date
                && (!day_precise(t) || t.range.is_some() || open_ended(t)))
                || (t.kind == TemporalType::Duration && period_duration(t))
        }
        f if f.starts_with("Date") && !model => {
            t.kind == TemporalType::Date
                && t.range.is_none()
                && !open_ended(t)
                && (day_precise(t) || relative_ago(t))
        }
        _ => true,
    };
    let expected: Vec<Expected> = case
        .get("Results")
        .and_then(Value::as_array)
        .map(|rs| {
            rs.iter()
                .filter_map(|r| {
                    let start = r.get("Start")?.as_u64()? as usize;
                    let end_c = if let Some(l) = r.get("Length").and_then(Value::as_u64) {
                        start + l as usize
                    } else {
                        r.get("End")?.as_u64()? as usize + 1
                    };
                    let s = char_to_byte(input, start);
                    let e = char_to_byte(input, end_c);
                    Some(Expected {
                        start: s,
                        end: e,
                        text: str_of(r, "Text").unwrap_or_default(),
                        values: their_values(r),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let ours: Vec<Temporal> = ex.extract(input).into_iter().filter(wanted).collect();
    let theirs_s = expected
        .iter()
        .map(|e| {
            let v = e.values.first().cloned().unwrap_or_default();
            if compare_values {
                format!("{}={}", e.text, v)
            } else {
                e.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" | ");
    let ours_s = ours
        .iter()
        .map(|t| {
            if compare_values {
                format!("{}={}", t.text, t.value)
            } else {
                t.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" | ");
    let mut used = BTreeSet::new();
    let mut span_ok = true;
    let mut value_ok = true;
    for e in &expected {
        match ours
            .iter()
            .enumerate()
            .find(|(k, t)| !used.contains(k) && same_span(e, input, t))
        {
            Some((k, t)) => {
                used.insert(k);
                if compare_values
                    && !e.values.is_empty()
                    && !values_match(&e.values, &our_values(t))
                {
                    value_ok = false;
                }
            }
            None => span_ok = false,
        }
    }
    if used.len() != ours.len() {
        span_ok = false;
    }
    let pass = span_ok && value_ok;
    let reason = if pass {
        String::new()
    } else {
        reason(case, &expected, &ours, span_ok, input)
    };
    Outcome {
        pass,
        theirs: theirs_s,
        ours: ours_s,
        reason,
    }
}

/// Why a case fails: a convention where khabar's documented semantics differ from the
/// peer's, or "not supported: <form>" for a form khabar does not read (yet). The first
/// matching rule wins; the peer's own `NotSupported` platforms are appended.
fn reason(
    case: &Value,
    expected: &[Expected],
    ours: &[Temporal],
    span_ok: bool,
    input: &str,
) -> String {
    let ns = case
        .get("NotSupported")
        .and_then(Value::as_str)
        .map(|s| format!(" [peer's own NotSupported: {s}]"))
        .unwrap_or_default();
    format!("{}{ns}", classify(expected, ours, span_ok, input))
}

/// Their texts and ours, lowercase, for the rules below.
fn classify(expected: &[Expected], ours: &[Temporal], span_ok: bool, input: &str) -> String {
    let low = input.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| low.contains(w));
    // Whole words and phrases: " lunch " matches "at lunch." but not "lunchtime".
    let words: String = low
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' || c == '/' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words = format!(
        " {} ",
        words.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    let has_w = |ws: &[&str]| ws.iter().any(|w| words.contains(&format!(" {w} ")));
    let theirs: Vec<String> = expected.iter().map(|e| e.text.to_lowercase()).collect();
    let mine: Vec<String> = ours.iter().map(|t| t.text.to_lowercase()).collect();
    let their_vals: Vec<&str> = expected
        .iter()
        .filter_map(|e| e.values.first().map(String::as_str))
        .collect();
    let theirs_q = theirs.join("', '");
    // Some result of theirs that khabar does not have with the same span.
    let missing: Vec<&Expected> = expected
        .iter()
        .filter(|e| !ours.iter().any(|t| same_span(e, input, t)))
        .collect();
    let missing_q = missing
        .iter()
        .map(|e| e.text.to_lowercase())
        .collect::<Vec<_>>()
        .join("', '");
    let extra: Vec<&Temporal> = ours
        .iter()
        .filter(|t| !expected.iter().any(|e| same_span(e, input, t)))
        .collect();

    // Holidays.
    if has(&["independence day"]) {
        return "convention: Independence Day depends on the country (July 4 in the United States, August 14 in Pakistan), so khabar does not read it".into();
    }
    if has(&["eid "]) {
        return "not supported: lunar holidays (Eid)".into();
    }
    for h in [
        "labor day",
        "thanksgiving",
        "mother",
        "father",
        "memorial day",
        "martin luther",
        "columbus",
        "black friday",
        "saint patrick",
        "yuandan",
        "juneteenth",
        "freedom day",
        "lunchtime",
    ] {
        if theirs.iter().any(|t| t.contains(h)) && h != "lunchtime" {
            return format!(
                "not supported: the holiday '{h}' (khabar reads fixed-date holidays and Easter)"
            );
        }
    }
    if has(&["christmas", "easter", "halloween", "new year"])
        && missing.iter().any(|e| {
            let t = e.text.to_lowercase();
            t.contains("weekend")
                || t.contains(" before ")
                || t.contains(" after ")
                || t.contains("monday")
                || t.contains("new year day")
        })
    {
        return format!("not supported: a holiday inside a larger expression ('{missing_q}')");
    }
    // Years and decades.
    if has_w(&["nineteen", "hundred", "thousand"]) && !missing.is_empty() {
        if mine
            .iter()
            .any(|m| m.contains("nineteen") || m.contains("thousand"))
        {
            return format!(
                "not supported: a spelled-out day before the month ('{missing_q}'; khabar reads the month and the spelled year)"
            );
        }
        return format!("not supported: the spelled-out year in '{missing_q}'");
    }
    if has_w(&[
        "seventies",
        "noughties",
        "nineties",
        "'40s",
        "70s",
        "70's",
        "90 s",
        "1990 s",
        "tens",
    ]) && !missing.is_empty()
    {
        return "not supported: two-digit and spelled decades ('the 70s', 'nineties', '1990 s')"
            .into();
    }
    // Scheduling vocabulary outside news usage.
    let sched: [(&[&str], &str); 11] = [
        (&["business day", "business days"], "business days"),
        (
            &[
                "fiscal",
                "school year",
                "calendar year",
                "sy",
                "cy",
                "sy18",
                "cy18",
            ],
            "fiscal, school and calendar years",
        ),
        (
            &[
                "eoy",
                "eod",
                "end of day",
                "end of the day",
                "end of today",
                "end of tomorrow",
                "end of the sunday",
                "end of this sunday",
                "end of year",
                "end of month",
            ],
            "'end of the day' as a time (23:59:59) and 'end of year/month' without an article",
        ),
        (
            &["to date", "till date", "current date"],
            "a range up to the reference date ('from March to date', 'till current date')",
        ),
        (
            &["rest of", "remaining of"],
            "'the rest/remaining of' a period in this phrasing",
        ),
        (&["workweek", "working week"], "'work week'"),
        (
            &["w/c", "the week of", "commencing"],
            "'the week of'/'w/c' in this phrasing",
        ),
        (&["otd", "tmrw"], "chat abbreviations ('otd', 'tmrw')"),
        (
            &["11ish", "noonish"],
            "approximate times written '11ish', 'noonish'",
        ),
        (&["7ampm", "9.am"], "malformed am/pm ('7ampm', '9.am')"),
        (
            &["weekends", "all weekends", "any weekend", "every weekend"],
            "weekend sets and weekends as durations ('all weekends', 'three weekends')",
        ),
    ];
    let their_words = format!(" {} ", theirs.join(" | "));
    for (ws, form) in sched {
        if ws.iter().any(|w| {
            their_words.contains(&format!(" {w} ")) || their_words.contains(&format!(" {w}="))
        }) {
            return format!("not supported: {form}");
        }
    }
    if theirs
        .iter()
        .any(|t| t.starts_with("every ") || t.starts_with("each "))
        && ours.is_empty()
    {
        return format!("not supported: the set '{theirs_q}'");
    }
    if theirs.iter().any(|t| {
        (t.contains("first ") || t.contains("last "))
            && (t.contains("weeks of") || t.contains("days of"))
    }) {
        return "not supported: 'the first/last N weeks (days) of' a year as a range (khabar reads the year with START/END)".into();
    }
    if theirs.iter().any(|t| {
        [
            "feb 30",
            "2/29/2019",
            "feb 29 2019",
            "feb 30 2019",
            "2/29-3/1/2019",
        ]
        .iter()
        .any(|x| t.starts_with(x))
    }) {
        return "convention: khabar does not read impossible calendar dates ('Feb 30', '2/29/2019')".into();
    }
    if missing
        .iter()
        .any(|e| ["may", "dec"].contains(&e.text.as_str()))
    {
        return "convention: a lowercase month name that is also a common word ('may', 'dec') is not read alone".into();
    }
    // Signals: khabar's span leaves them out (TimeML SIGNAL); the peer keeps them with a mod.
    const SIGNALS: [&str; 18] = [
        "before ",
        "after ",
        "no later than ",
        "later than ",
        "earlier than ",
        "as early as ",
        "as late as ",
        "any time from ",
        "until ",
        "till ",
        "since ",
        "starting on ",
        "starting ",
        "beginning on ",
        "beginning ",
        "greater than ",
        "around ",
        "circa ",
    ];
    for e in &missing {
        let t = e.text.to_lowercase();
        for sg in SIGNALS {
            if let Some(rest) = t.strip_prefix(sg) {
                if mine.iter().any(|m| m == rest) {
                    return format!(
                        "convention: khabar leaves the signal '{}' out of the span (TimeML), the peer keeps it as a modifier",
                        sg.trim()
                    );
                }
                if sg == "around " {
                    return format!("not supported: '{t}'");
                }
            }
        }
        for suffix in [
            " or later",
            " and after",
            " and later",
            " and greater",
            " or earlier",
        ] {
            if t.ends_with(suffix) {
                return format!("not supported: open-ended '…{suffix}'");
            }
        }
    }
    if theirs.iter().any(|t| t.starts_with(['<', '>', '=']))
        || has(&["greater than", "year greater"])
    {
        return "not supported: comparisons with a year ('>= 2019', 'year greater than 2012')"
            .into();
    }
    // "in N units": a duration in khabar, the date N units ahead in the peer.
    if let Some(e) = expected
        .iter()
        .find(|e| e.text.to_lowercase().starts_with("in "))
    {
        let rest = e.text.get(3..).unwrap_or("").to_lowercase();
        let rest = rest.strip_suffix("’s time").unwrap_or(&rest).to_string();
        if ours
            .iter()
            .any(|t| t.kind == TemporalType::Duration && rest.ends_with(&t.text.to_lowercase()))
        {
            return "convention: 'in N units' is a DURATION in khabar (TimeML); the peer resolves it to the date or time N units after the reference".into();
        }
    }
    // Minutes and hours before or after the reference time.
    if has(&["minute", " min ", " min?", " min.", "min later", "hour"])
        && their_vals.iter().any(|v| v.contains('T'))
        && ours.iter().all(|t| t.kind != TemporalType::Time)
    {
        if has(&[
            "next hour",
            "last minute",
            "past minutes",
            "coming minutes",
            "last minutes",
            "within the next",
        ]) {
            return "convention: a period of minutes or hours from or to now ('the 5 past minutes', 'next hour') is a DURATION in khabar (or not read); the peer gives the time range from or to the reference time".into();
        }
        if has(&["from now", "later"]) {
            let t = theirs.first().cloned().unwrap_or_default();
            return format!("not supported: '{t}' as one clock time");
        }
    }
    if theirs
        .iter()
        .any(|t| t.contains(" for ") || t.starts_with("for "))
        && theirs.iter().any(|t| t.contains("from "))
    {
        return format!(
            "not supported: a time range given by its start and a duration ('{theirs_q}')"
        );
    }
    // Time zones stay in khabar's span.
    if ours.iter().any(|t| {
        let l = t.text.to_lowercase();
        ["gmt", "pst", "cst", "cet", "utc", " pt", "est"]
            .iter()
            .any(|z| l.ends_with(z))
    }) && !span_ok
    {
        return "convention: khabar keeps a time zone in a clock time's span ('1pm GMT'); the peer leaves it out".into();
    }
    // Periods counted from the reference: TimeML durations in khabar.
    if missing.iter().any(|e| {
        e.values.first().is_some_and(|v| v.starts_with('('))
            && ours.iter().any(|t| {
                t.kind == TemporalType::Duration
                    && (t.text.to_lowercase().ends_with(&e.text.to_lowercase())
                        || e.text.to_lowercase().ends_with(&t.text.to_lowercase()))
            })
    }) {
        return "convention: 'the past/next N units' and 'within N units' are DURATIONs in khabar (TimeML), with the article in the span; the peer gives a date range from or to the reference".into();
    }
    if extra
        .iter()
        .any(|t| t.text.to_lowercase().starts_with("the "))
        && missing.iter().any(|e| {
            extra
                .iter()
                .any(|t| t.text.to_lowercase() == format!("the {}", e.text.to_lowercase()))
        })
    {
        return "convention: khabar keeps the article in the span ('the end of 2000', TimeML); the peer leaves it out".into();
    }
    // Vague amounts.
    if has(&["few ", "several ", "some "]) && ours.iter().any(|t| t.value.contains('X')) {
        return "convention: unspecified amounts are PX… in khabar (TimeML 'PXY'); the peer counts 'few'/'several' as 3".into();
    }
    // Parts of the day as bare nouns.
    if expected.iter().any(|e| {
        e.values
            .first()
            .is_some_and(|v| ["TMO", "TAF", "TEV", "TNI"].contains(&v.as_str()))
    }) && !missing.is_empty()
    {
        return "convention: khabar reads a part of the day with a day, 'in the', 'at' or a modifier, not as a bare noun ('morning sessions', 'every morning')".into();
    }
    // A meal and its day given apart by the peer ("at lunch" | "tomorrow"), as one TIME by
    // khabar ("lunch tomorrow" = tomorrow's lunch).
    if expected
        .iter()
        .any(|e| e.values.iter().any(|v| v.starts_with("TME")))
        && ours.iter().any(|t| {
            t.value.contains("TME")
                && expected
                    .iter()
                    .filter(|e| e.start <= t.span.end && t.span.start <= e.end)
                    .count()
                    > 1
        })
    {
        return "convention: khabar joins a part of the day and its day into one TIME ('lunch tomorrow' is tomorrow's lunch); the peer gives them apart".into();
    }
    // Bare numbers after "at".
    if missing.iter().any(|e| {
        let t = e.text.to_lowercase();
        (t.len() <= 5
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == 'a' || c == 't' || c == ' '))
            || t.starts_with("at ")
    }) && has(&["at "])
        && theirs.iter().any(|t| !t.contains(':'))
        && their_vals.iter().any(|v| v.starts_with('T'))
    {
        return "convention: a bare number after 'at' is a time only beside a day ('Sat at 5'), since news writes 'stood at 6.45'".into();
    }
    if !span_ok && ours.is_empty() && expected.is_empty() {
        return "no result on either side".into();
    }
    if !span_ok && ours.is_empty() {
        return format!("not supported: '{theirs_q}'");
    }
    if !span_ok && expected.is_empty() {
        let m = mine.join("', '");
        return format!(
            "khabar reads '{m}' where the peer expects no date (false positive by the peer's spec)"
        );
    }
    if !span_ok {
        let m = extra
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect::<Vec<_>>()
            .join("', '");
        if missing.is_empty() {
            return format!("khabar also reads '{m}', which the peer does not");
        }
        if m.is_empty() {
            return format!("not supported: '{missing_q}'");
        }
        let covers = |a: (usize, usize), b: (usize, usize)| a.0 <= b.0 && b.1 <= a.1;
        let ours_longer = missing.iter().all(|e| {
            extra
                .iter()
                .any(|t| covers((t.span.start, t.span.end), (e.start, e.end)))
        });
        if extra
            .iter()
            .any(|t| t.text.to_lowercase().starts_with("over "))
        {
            return "convention: khabar keeps 'over' in the span as the modifier MORE_THAN".into();
        }
        if has(&["last two hours", "last three weekends"]) {
            return format!("khabar misreads the verb 'last' as 'the last …' ('{m}')");
        }
        if has(&["$12 december", "$ 12 december"]) {
            return format!("khabar misreads the price '$12' as the day of 'December' ('{m}')");
        }
        if ours_longer {
            return format!(
                "convention: khabar keeps the longest expression ('{m}'); the peer splits it ('{missing_q}')"
            );
        }
        let theirs_longer = extra.iter().all(|t| {
            missing
                .iter()
                .any(|e| covers((e.start, e.end), (t.span.start, t.span.end)))
        });
        if theirs_longer {
            return format!(
                "not supported: '{missing_q}' as one expression (khabar reads only '{m}')"
            );
        }
        return format!(
            "not supported: '{missing_q}' (khabar groups the words differently: '{m}')"
        );
    }
    // Same spans, different values.
    let digit_pair = low.as_bytes().windows(3).any(|w| {
        w[0].is_ascii_digit() && matches!(w[1], b'/' | b'-' | b'.') && w[2].is_ascii_digit()
    });
    if digit_pair
        && their_vals.iter().any(|v| v.contains('T'))
        && ours.iter().all(|t| t.kind == TemporalType::Date)
    {
        return format!(
            "not supported: '{theirs_q}' as a time range (khabar reads the digits as a day-first date)"
        );
    }
    if digit_pair {
        let century = ours.iter().any(|t| t.value.starts_with("20"))
            && their_vals
                .iter()
                .any(|v| v.starts_with("19") || (v.starts_with("XX") && !v.starts_with("XXXX")));
        if century {
            return "convention: two-digit years below 50 are 20xx in khabar; the peer reads them as 19xx or unknown".into();
        }
        return "convention: ambiguous digit dates are day-first in khabar (DayOrder::DayFirst, international reporting); the peer reads them month-first".into();
    }
    if has(&["12am"]) {
        return "convention: '12am' is midnight in khabar; the peer reads '10am-12am' as ending at noon".into();
    }
    if has(&["fortnight"]) {
        return "convention: 'next fortnight' is the day two weeks ahead in khabar (as 'next week' is one week); the peer gives the two-week range".into();
    }
    if has(&["to the third", "through seventeenth"]) {
        return format!(
            "not supported: a right end given as a bare day after a month ('{theirs_q}')"
        );
    }
    if has(&["quarter"]) {
        return "convention: khabar counts quarters as a DURATION 'PnQ'; the peer gives a date range in months".into();
    }
    if span_ok
        && has_w(&[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ])
        && has(&["from now", "from today", " after ", "in "])
    {
        return "convention: a weekday with a shifted day ('two months from today on Tuesday') is that weekday in the shifted day's Sunday-to-Saturday week in khabar; the peer's is a later one".into();
    }
    if has(&[" ago", " later", "from now", "from today"]) {
        return "convention: 'N units ago/later' is a DATE at the unit's granularity in khabar (TempEval), the peer a day".into();
    }
    if has(&["weekend"]) {
        return "convention: 'the weekend' is the most recent one in khabar (past bias), the next one in the peer".into();
    }
    if has(&[
        "week of",
        "last week of",
        "first week",
        "third week",
        "3rd week",
    ]) {
        return "convention: khabar's 'nth/last week of a month' is an ISO week value; the peer writes XXXX-MM-Wnn".into();
    }
    // A range with a modified end, found whole: the ends' readings differ.
    if span_ok
        && ours.iter().any(|t| {
            t.range
                .as_ref()
                .is_some_and(|r| r.from_mod.is_some() || r.to_mod.is_some())
        })
    {
        return "convention: a range end with a modifier is that part of the period in khabar (the middle of 2007 = May–August 2007, the end of 2008 = September–December 2008, the middle of March = 11–20 March); the peer takes a point (2007-07-02; 2009-01-01 as the exclusive end; 16 March)".into();
    }
    // Every reading of theirs is later than khabar's.
    let later = expected.iter().any(|e| {
        let dated: Vec<&String> = e
            .values
            .iter()
            .filter(|v| v.len() >= 10 && v.as_bytes().first().is_some_and(u8::is_ascii_digit))
            .collect();
        !dated.is_empty()
            && ours
                .iter()
                .any(|t| dated.iter().all(|v| v.get(..10) > t.value.get(..10)))
    });
    if later {
        return "convention: past bias — khabar resolves to the most recent reading on or before the reference date; the peer's readings are later".into();
    }
    let ov = ours
        .iter()
        .map(|t| t.value.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "khabar misreads '{theirs_q}' as {ov} (the peer: {})",
        their_vals.join(", ")
    )
}

#[test]
fn recognizers_text_datetime_conformance() {
    let dir = spec_dir();
    if !dir.is_dir() {
        println!(
            "skipping: Recognizers-Text DateTime specs not found at {}",
            dir.display()
        );
        return;
    }
    let listed = divergences(TABLE);
    let mut failures: BTreeMap<(String, String), Outcome> = BTreeMap::new();
    let mut passed_keys: BTreeSet<(String, String)> = BTreeSet::new();
    let mut summary = Vec::new();
    for file in FILES {
        let path = dir.join(format!("{file}.json"));
        let raw =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let raw = raw.trim_start_matches('\u{feff}');
        let cases: Vec<Value> = serde_json::from_str(raw).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut pass = 0usize;
        for case in &cases {
            let input = case.get("Input").and_then(Value::as_str).unwrap_or("");
            let o = run_case(file, case);
            let key = (file.to_string(), clean(input));
            if o.pass {
                pass += 1;
                passed_keys.insert(key);
            } else {
                failures.entry(key).or_insert(o);
            }
        }
        let rate = 100.0 * pass as f64 / cases.len().max(1) as f64;
        summary.push(format!(
            "{file:<20} {pass:>4}/{:<4} {rate:5.1}%",
            cases.len()
        ));
    }
    println!("Recognizers-Text DateTime conformance (khabar date extractor):");
    for s in &summary {
        println!("  {s}");
    }
    if std::env::var_os("KHABAR_WRITE_DIVERGENCES").is_some() {
        let mut out = String::from("file\tinput\ttheirs\tours\treason\n");
        for ((f, i), o) in &failures {
            out.push_str(&format!(
                "{f}\t{i}\t{}\t{}\t{}\n",
                clean(&o.theirs),
                clean(&o.ours),
                clean(&o.reason)
            ));
        }
        std::fs::write(table_path(), out).expect("write divergences table");
        println!(
            "wrote {} divergences to {}",
            failures.len(),
            table_path().display()
        );
        return;
    }
    let (unlisted, stale) = unlisted_and_passing(&failures, &listed, |(f, i), o| {
        format!("{f}\t{i}\ttheirs: {}\tours: {}", o.theirs, o.ours)
    });
    assert_table_honest(TABLE, &unlisted, &stale);
    assert!(
        stale.is_empty(),
        "{} listed divergences now pass; remove them from date_divergences.tsv:\n{}",
        stale.len(),
        stale
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    let _ = passed_keys;
}
