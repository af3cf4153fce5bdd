//! The output types: [`Temporal`] and its parts.

use crate::date::CivilDate;
use khabar_tokenize::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The TIMEX3 `type` of a temporal expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemporalType {
    /// A calendar date or period: "September 24, 2017", "early 2015", "last week", "2009-2010".
    Date,
    /// A time of day, with or without a date: "11:58 GMT", "November 9th, 2021 - 11:58 GMT".
    Time,
    /// An amount of time: "12 years", "the past six months", "six minutes".
    Duration,
    /// A recurring time: "every week", "daily", "every Friday".
    Set,
}

impl TemporalType {
    /// The TimeML name: `"DATE"`, `"TIME"`, `"DURATION"`, `"SET"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TemporalType::Date => "DATE",
            TemporalType::Time => "TIME",
            TemporalType::Duration => "DURATION",
            TemporalType::Set => "SET",
        }
    }
}

impl fmt::Display for TemporalType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The TIMEX3 `mod` attribute: a modifier that the value alone cannot express.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TemporalMod {
    /// "early 2015", "the beginning of March".
    Start,
    /// "mid-2020", "the middle of the year".
    Mid,
    /// "late 2019", "the end of last year".
    End,
    /// "about six months", "around 2015", "the last six months or so".
    Approx,
    /// "more than six years", "over a decade".
    MoreThan,
    /// "less than two weeks".
    LessThan,
    /// "at least three years".
    EqualOrMore,
    /// "within two years", "at most a month", "up to six weeks".
    EqualOrLess,
    /// "before 2015" (only produced when the cue is inside the span: "Thursday before 5pm",
    /// or with [`DateExtractor::with_signal_spans`](crate::DateExtractor::with_signal_spans)).
    Before,
    /// "after 2019" (only produced when the cue is inside the span, as for BEFORE).
    After,
    /// "2012 or later", "1/1/2016 and after": that date or any later one.
    OnOrAfter,
    /// "no later than 2010", "until April 27th" (with
    /// [`DateExtractor::with_signal_spans`](crate::DateExtractor::with_signal_spans)): that
    /// date or any earlier one.
    OnOrBefore,
}

impl TemporalMod {
    /// The TimeML name: `"START"`, `"MID"`, `"END"`, `"APPROX"`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            TemporalMod::Start => "START",
            TemporalMod::Mid => "MID",
            TemporalMod::End => "END",
            TemporalMod::Approx => "APPROX",
            TemporalMod::MoreThan => "MORE_THAN",
            TemporalMod::LessThan => "LESS_THAN",
            TemporalMod::EqualOrMore => "EQUAL_OR_MORE",
            TemporalMod::EqualOrLess => "EQUAL_OR_LESS",
            TemporalMod::Before => "BEFORE",
            TemporalMod::After => "AFTER",
            TemporalMod::OnOrAfter => "ON_OR_AFTER",
            TemporalMod::OnOrBefore => "ON_OR_BEFORE",
        }
    }
}

impl fmt::Display for TemporalMod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How precise a resolved calendar value is: the unit of its last known part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A clock time (minute precision): "2021-11-09T11:58".
    Minute,
    /// A part of a day or an hour: "2021-11-09TMO", "2021-11-09T15".
    Hour,
    /// A day: "2017-09-24".
    Day,
    /// An ISO week or a weekend: "2021-W43".
    Week,
    /// A month: "2017-09".
    Month,
    /// A season: "2014-SU".
    Season,
    /// A quarter: "2020-Q3".
    Quarter,
    /// A half year: "2020-H1".
    HalfYear,
    /// A year: "2015".
    Year,
    /// A decade: "199" (the 1990s).
    Decade,
    /// A century: "19" (the 1900s).
    Century,
}

/// A resolved calendar interval: the first and last day it covers, both **inclusive**.
///
/// "2017-09" resolves to `2017-09-01 ..= 2017-09-30` with granularity [`Granularity::Month`];
/// a range "2009-2010" to `2009-01-01 ..= 2010-12-31` with the granularity of its ends.
/// Modifiers narrow the interval: START / MID / END keep the first, middle and last third
/// of the period (so "early 2015" is `2015-01-01 ..= 2015-04-30`, "mid-2020" is
/// `2020-05-01 ..= 2020-08-31`, both rounded to whole months for years and to whole days
/// otherwise). APPROX and the comparison modifiers leave it unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Interval {
    /// First day, inclusive.
    pub start: CivilDate,
    /// Last day, inclusive.
    pub end: CivilDate,
    /// Precision of the value the interval was resolved from.
    pub granularity: Granularity,
}

/// The two ends of a range expression ("2009-2010", "from 2015 to 2019", "between March
/// and May 2017"), each a TIMEX3 value of its own.
///
/// A range is one [`Temporal`] of type DATE whose `value` is the ISO 8601 interval
/// `"<from>/<to>"` (e.g. `"2009/2010"`, `"2017-03/2017-05"`) and whose `interval` runs from the
/// start of `from` to the end of `to`. An end may carry its own modifier ("from mid-2015 to
/// late 2016": `2015/2016`, `from_mod` MID, `to_mod` END); the values stay the ends'
/// calendar values and the interval runs from the start of the modified `from` (May 2015)
/// to the end of the modified `to` (December 2016).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TemporalRange {
    /// TIMEX3 value of the first end: `"2017-03"`.
    pub from: String,
    /// TIMEX3 value of the last end: `"2017-05"`.
    pub to: String,
    /// The first end's modifier ("*mid*-2015"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_mod: Option<TemporalMod>,
    /// The last end's modifier ("*late* 2016"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_mod: Option<TemporalMod>,
}

impl TemporalRange {
    /// The range from `from` to `to`, neither end modified.
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> TemporalRange {
        TemporalRange {
            from: from.into(),
            to: to.into(),
            from_mod: None,
            to_mod: None,
        }
    }
}

/// One temporal expression found in a text.
///
/// The span covers the whole expression with its modifiers ("early 2015", "the past six
/// months", "December 17 last year") but not a leading preposition ("in", "on", "since",
/// "by"); range words ("from … to", "between … and") are part of a range's span.
///
/// ```
/// use khabar_numdate::{DateExtractor, TemporalType, TemporalMod};
/// let ex = DateExtractor::new().with_reference_date("2021-11-09").unwrap();
/// let text = "ISIS-K elected a new Emir in mid-2020.";
/// let t = &ex.extract(text)[0];
/// assert_eq!(t.text, "mid-2020");
/// assert_eq!(t.kind, TemporalType::Date);
/// assert_eq!(t.value, "2020");
/// assert_eq!(t.modifier, Some(TemporalMod::Mid));
/// let iv = t.interval.unwrap();
/// assert_eq!((iv.start.to_string(), iv.end.to_string()), ("2020-05-01".into(), "2020-08-31".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Temporal {
    /// Byte span in the input text.
    pub span: Span,
    /// The text of the span.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: TemporalType,
    /// The TIMEX3 value (TempEval-3 conventions): `"2017-09-24"`, `"2017-09"`, `"2014-SU"`,
    /// `"2020-Q3"`, `"2021-W43"`, `"2021-11-09T11:58"`, `"P6M"`, `"PXY"`, `"PAST_REF"`,
    /// `"XXXX-12-17"` when the year is unknown, `"2009/2010"` for a range.
    pub value: String,
    /// The TIMEX3 `mod`, if any.
    #[serde(rename = "mod")]
    pub modifier: Option<TemporalMod>,
    /// The resolved calendar interval, when the value is a calendar value with a known year.
    pub interval: Option<Interval>,
    /// Both ends when the expression is a range.
    pub range: Option<TemporalRange>,
    /// The calendar the text wrote the date in, when not the Gregorian one (the value is
    /// always Gregorian): `"islamic-umalqura:1442-10-15"` for "15 Shawwal 1442",
    /// `"persian:1398-01-01"` for "Hamal 1, 1398", `"persian:1400"` for "the solar year
    /// 1400"; the calendar alone for a holiday it fixes (`"islamic-umalqura"` for "Eid
    /// al-Fitr", `"persian"` for "Nowruz"). Left out of the JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
}
