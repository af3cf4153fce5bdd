//! Table tests: every example of the dates issue, plus the conventions it asks for.

use khabar_numdate::{
    DateError, DateExtractor, DayOrder, Direction, Granularity, Temporal, TemporalMod, TemporalType,
};

fn ex(reference: &str) -> DateExtractor {
    DateExtractor::new()
        .with_reference_date(reference)
        .expect("valid reference")
}

/// The single expression found in `text`.
fn one(e: &DateExtractor, text: &str) -> Temporal {
    let found = e.extract(text);
    assert_eq!(found.len(), 1, "{text:?} → {found:#?}");
    let t = found.into_iter().next().expect("one");
    assert_eq!(text.get(t.span.start..t.span.end), Some(t.text.as_str()));
    t
}

/// (text, expected span text, type, value, mod) against reference 2018-01-26.
const NEWS_2018: &[(&str, &str, TemporalType, &str, Option<TemporalMod>)] = &[
    (
        "an attack on December 17 last year in Quetta",
        "December 17 last year",
        TemporalType::Date,
        "2017-12-17",
        None,
    ),
    (
        "Alarmingly, in September last year, a flag",
        "September last year",
        TemporalType::Date,
        "2017-09",
        None,
    ),
    (
        "he came to Afghanistan six years ago",
        "six years ago",
        TemporalType::Date,
        "2012",
        None,
    ),
    (
        "officials told Congress last week.",
        "last week",
        TemporalType::Date,
        "2018-W03",
        None,
    ),
    (
        "ISK-P came into existence in early 2015",
        "early 2015",
        TemporalType::Date,
        "2015",
        Some(TemporalMod::Start),
    ),
    (
        "In mid-2020, ISIS-K elected",
        "mid-2020",
        TemporalType::Date,
        "2020",
        Some(TemporalMod::Mid),
    ),
    (
        "in late 2019 the group",
        "late 2019",
        TemporalType::Date,
        "2019",
        Some(TemporalMod::End),
    ),
    (
        "the caliphate in the summer of 2014.",
        "the summer of 2014",
        TemporalType::Date,
        "2014-SU",
        None,
    ),
    (
        "In the first two months of 2021 alone",
        "the first two months of 2021",
        TemporalType::Date,
        "2021-01/2021-02",
        None,
    ),
    (
        "(Express Tribune, September 24, 2017)",
        "September 24, 2017",
        TemporalType::Date,
        "2017-09-24",
        None,
    ),
    (
        "(The News, March 18. 2017)",
        "March 18. 2017",
        TemporalType::Date,
        "2017-03-18",
        None,
    ),
    (
        "appeared on 26/1/2018",
        "26/1/2018",
        TemporalType::Date,
        "2018-01-26",
        None,
    ),
    (
        "Published November 9th, 2021 - 11:58 GMT",
        "November 9th, 2021 - 11:58 GMT",
        TemporalType::Time,
        "2021-11-09T11:58",
        None,
    ),
    (
        "territory over the past six months, according",
        "the past six months",
        TemporalType::Duration,
        "P6M",
        None,
    ),
    (
        "After 12 years of educating fighters",
        "12 years",
        TemporalType::Duration,
        "P12Y",
        None,
    ),
    (
        "could rebuild within two years.",
        "within two years",
        TemporalType::Duration,
        "P2Y",
        Some(TemporalMod::EqualOrLess),
    ),
    (
        "In just over six minutes of footage",
        "just over six minutes",
        TemporalType::Duration,
        "PT6M",
        Some(TemporalMod::MoreThan),
    ),
    (
        "for several years in Afghanistan",
        "several years",
        TemporalType::Duration,
        "PXY",
        None,
    ),
    (
        "boosted further in recent months by",
        "recent months",
        TemporalType::Duration,
        "PXM",
        None,
    ),
    (
        "have recently joined its ranks",
        "recently",
        TemporalType::Date,
        "PAST_REF",
        None,
    ),
    (
        "He now shares a house",
        "now",
        TemporalType::Date,
        "PRESENT_REF",
        None,
    ),
    (
        "to fight in the future",
        "the future",
        TemporalType::Date,
        "FUTURE_REF",
        None,
    ),
    (
        "the third quarter of 2020 was calm",
        "the third quarter of 2020",
        TemporalType::Date,
        "2020-Q3",
        None,
    ),
    (
        "about six months of fighting",
        "about six months",
        TemporalType::Duration,
        "P6M",
        Some(TemporalMod::Approx),
    ),
    (
        "over six years of war",
        "over six years",
        TemporalType::Duration,
        "P6Y",
        Some(TemporalMod::MoreThan),
    ),
    (
        "the last six months or so, with",
        "the last six months or so",
        TemporalType::Duration,
        "P6M",
        Some(TemporalMod::Approx),
    ),
    (
        "In July, ISK-P's image was boosted",
        "July",
        TemporalType::Date,
        "2017-07",
        None,
    ),
    (
        "arrested on Friday",
        "Friday",
        TemporalType::Date,
        "2018-01-26",
        None,
    ),
    (
        "attacked on Tuesday",
        "Tuesday",
        TemporalType::Date,
        "2018-01-23",
        None,
    ),
    (
        "will meet next Friday",
        "next Friday",
        TemporalType::Date,
        "2018-02-02",
        None,
    ),
    (
        "will attack in July",
        "July",
        TemporalType::Date,
        "2018-07",
        None,
    ),
    (
        "Wednesday, December 4, 2024",
        "Wednesday, December 4, 2024",
        TemporalType::Date,
        "2024-12-04",
        None,
    ),
    (
        "killed on December 28, an apparent attack",
        "December 28",
        TemporalType::Date,
        "2017-12-28",
        None,
    ),
    (
        "the group has for decades propagated",
        "decades",
        TemporalType::Duration,
        "PXDE",
        None,
    ),
];

#[test]
fn issue_examples_with_reference() {
    let e = ex("2018-01-26");
    for &(text, span, kind, value, md) in NEWS_2018 {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str(), t.modifier),
            (span, kind, value, md),
            "{text:?}"
        );
    }
}

#[test]
fn iso_week_value() {
    let t = one(&ex("2021-11-01"), "told Congress last week");
    assert_eq!(t.value, "2021-W43");
    let iv = t.interval.expect("interval");
    assert_eq!(
        (iv.start.to_string(), iv.end.to_string()),
        ("2021-10-25".into(), "2021-10-31".into())
    );
    assert_eq!(iv.granularity, Granularity::Week);
}

#[test]
fn intervals_are_inclusive_and_narrowed_by_modifiers() {
    let e = ex("2021-11-09");
    let cases = [
        (
            "in early 2015",
            "2015-01-01",
            "2015-04-30",
            Granularity::Year,
        ),
        ("in mid-2020", "2020-05-01", "2020-08-31", Granularity::Year),
        (
            "in late 2019",
            "2019-09-01",
            "2019-12-31",
            Granularity::Year,
        ),
        (
            "in September 2017",
            "2017-09-01",
            "2017-09-30",
            Granularity::Month,
        ),
        (
            "the summer of 2014",
            "2014-06-01",
            "2014-08-31",
            Granularity::Season,
        ),
        (
            "the winter of 2014",
            "2013-12-01",
            "2014-02-28",
            Granularity::Season,
        ),
        (
            "on September 24, 2017",
            "2017-09-24",
            "2017-09-24",
            Granularity::Day,
        ),
        (
            "in 2009-2010",
            "2009-01-01",
            "2010-12-31",
            Granularity::Year,
        ),
    ];
    for (text, s, en, g) in cases {
        let t = one(&e, text);
        let iv = t.interval.unwrap_or_else(|| panic!("{text}: no interval"));
        assert_eq!(
            (iv.start.to_string(), iv.end.to_string(), iv.granularity),
            (s.into(), en.into(), g),
            "{text}"
        );
    }
}

#[test]
fn span_rule_leaves_out_leading_prepositions() {
    let e = ex("2018-01-26");
    for (text, span) in [
        ("in early 2015", "early 2015"),
        ("on October 5", "October 5"),
        ("since 2015", "2015"),
        ("By 2018, IS-K had become", "2018"),
        ("since early 2021", "early 2021"),
        ("in the past six months", "the past six months"),
        ("on December 17 last year", "December 17 last year"),
    ] {
        assert_eq!(one(&e, text).text, span, "{text}");
    }
}

#[test]
fn without_reference_unknown_parts_stay_unknown() {
    let e = DateExtractor::new();
    let cases = [
        ("on December 17 last year", "XXXX-12-17"),
        ("in September last year", "XXXX-09"),
        ("on December 17", "XXXX-12-17"),
        ("in July", "XXXX-07"),
        ("on Friday", "XXXX-WXX-5"),
        ("last week", "XXXX-WXX"),
        ("six years ago", "XXXX"),
        ("in 2015", "2015"),
    ];
    for (text, value) in cases {
        let t = one(&e, text);
        assert_eq!(t.value, value, "{text}");
        if value.contains('X') {
            assert!(t.interval.is_none(), "{text}");
        }
    }
}

#[test]
fn past_bias_is_configurable() {
    let past = ex("2018-01-26");
    let future = ex("2018-01-26").with_direction(Direction::Future);
    assert_eq!(one(&past, "in July").value, "2017-07");
    assert_eq!(one(&future, "in July").value, "2018-07");
    assert_eq!(one(&past, "on Friday").value, "2018-01-26");
    assert_eq!(one(&past, "on Monday").value, "2018-01-22");
    assert_eq!(one(&future, "on Monday").value, "2018-01-29");
    assert_eq!(one(&past, "on January 8").value, "2018-01-08");
    assert_eq!(one(&past, "on March 3").value, "2017-03-03");
    assert_eq!(one(&future, "on March 3").value, "2018-03-03");
    // A future-tense cue overrides the default.
    assert_eq!(
        one(&past, "They will strike on March 3").value,
        "2018-03-03"
    );
    // "next" overrides too.
    assert_eq!(one(&past, "next month").value, "2018-02");
}

#[test]
fn day_first_and_month_first() {
    let e = DateExtractor::new();
    assert_eq!(one(&e, "on 26/1/2018").value, "2018-01-26");
    assert_eq!(one(&e, "on 1/26/2018").value, "2018-01-26");
    assert_eq!(one(&e, "on 3/4/2018").value, "2018-04-03");
    let us = DateExtractor::new().with_day_order(DayOrder::MonthFirst);
    assert_eq!(one(&us, "on 3/4/2018").value, "2018-03-04");
    assert_eq!(one(&us, "on 26/1/2018").value, "2018-01-26");
    assert_eq!(one(&e, "on 2018-01-26").value, "2018-01-26");
}

#[test]
fn reference_date_from_the_text() {
    let e = DateExtractor::new();
    let a = "Published November 9th, 2021 - 11:58 GMT\nIn mid-2020 …";
    assert_eq!(
        e.detect_reference_date(a).map(|d| d.to_string()).as_deref(),
        Some("2021-11-09")
    );
    let b =
        "… text …\nThe article appeared in Terrorism Monitor Volume: 16 Issue: 2 on 26/1/2018\n";
    assert_eq!(
        e.detect_reference_date(b).map(|d| d.to_string()).as_deref(),
        Some("2018-01-26")
    );
    assert_eq!(
        e.detect_reference_date("In July, nothing was published."),
        None
    );
    let auto = DateExtractor::new().with_reference_detection(true);
    let text = "Published November 9th, 2021\nISIS-K was destroyed last year.";
    let found = auto.extract(text);
    assert_eq!(found.last().map(|t| t.value.as_str()), Some("2020"));
}

#[test]
fn ranges_carry_both_ends() {
    let e = ex("2021-11-09");
    let cases = [
        (
            "in 2009-2010",
            "2009-2010",
            "2009",
            "2010",
            "2009-01-01",
            "2010-12-31",
        ),
        (
            "from 2015 to 2019",
            "from 2015 to 2019",
            "2015",
            "2019",
            "2015-01-01",
            "2019-12-31",
        ),
        (
            "between March and May 2017",
            "between March and May 2017",
            "2017-03",
            "2017-05",
            "2017-03-01",
            "2017-05-31",
        ),
        (
            "© 2000 - 2021 Al Bawaba",
            "2000 - 2021",
            "2000",
            "2021",
            "2000-01-01",
            "2021-12-31",
        ),
        (
            "on November 19-20, 2016",
            "November 19-20, 2016",
            "2016-11-19",
            "2016-11-20",
            "2016-11-19",
            "2016-11-20",
        ),
    ];
    for (text, span, from, to, s, en) in cases {
        let t = one(&e, text);
        assert_eq!(t.text, span, "{text}");
        assert_eq!(t.kind, TemporalType::Date);
        let r = t
            .range
            .as_ref()
            .unwrap_or_else(|| panic!("{text}: not a range"));
        assert_eq!((r.from.as_str(), r.to.as_str()), (from, to), "{text}");
        assert_eq!(t.value, format!("{from}/{to}"));
        let iv = t.interval.expect("interval");
        assert_eq!(
            (iv.start.to_string(), iv.end.to_string()),
            (s.into(), en.into()),
            "{text}"
        );
    }
}

#[test]
fn range_ends_keep_their_modifiers_and_years() {
    use khabar_numdate::TemporalMod::{End, Mid, Start};
    let e = ex("2021-11-09");
    // (text, span, from, to, from_mod, to_mod, interval start, interval end)
    let cases = [
        (
            "It grew from mid-2015 to late 2016.",
            "from mid-2015 to late 2016",
            "2015",
            "2016",
            Some(Mid),
            Some(End),
            "2015-05-01",
            "2016-12-31",
        ),
        (
            "between early 2015 and mid-2017",
            "between early 2015 and mid-2017",
            "2015",
            "2017",
            Some(Start),
            Some(Mid),
            "2015-01-01",
            "2017-08-31",
        ),
        (
            "from the end of March to the middle of September",
            "from the end of March to the middle of September",
            "2021-03",
            "2021-09",
            Some(End),
            Some(Mid),
            "2021-03-21",
            "2021-09-20",
        ),
        (
            "from 2007 until the end of 2008",
            "from 2007 until the end of 2008",
            "2007",
            "2008",
            None,
            Some(End),
            "2007-01-01",
            "2008-12-31",
        ),
        // The year after "in" belongs to the month before it, or to both ends.
        (
            "Sales from April to June in 2017 fell.",
            "from April to June in 2017",
            "2017-04",
            "2017-06",
            None,
            None,
            "2017-04-01",
            "2017-06-30",
        ),
        (
            "from April in 2016 to June in 2017",
            "from April in 2016 to June in 2017",
            "2016-04",
            "2017-06",
            None,
            None,
            "2016-04-01",
            "2017-06-30",
        ),
        // A right end without a year follows the left one, into the next year if need be.
        (
            "from March 2016 to June",
            "from March 2016 to June",
            "2016-03",
            "2016-06",
            None,
            None,
            "2016-03-01",
            "2016-06-30",
        ),
        (
            "from November 2016 to February",
            "from November 2016 to February",
            "2016-11",
            "2017-02",
            None,
            None,
            "2016-11-01",
            "2017-02-28",
        ),
    ];
    for (text, span, from, to, from_mod, to_mod, s, en) in cases {
        let t = one(&e, text);
        assert_eq!(t.text, span, "{text}");
        let r = t
            .range
            .as_ref()
            .unwrap_or_else(|| panic!("{text}: not a range"));
        assert_eq!((r.from.as_str(), r.to.as_str()), (from, to), "{text}");
        assert_eq!((r.from_mod, r.to_mod), (from_mod, to_mod), "{text}");
        assert_eq!(t.value, format!("{from}/{to}"), "{text}");
        assert_eq!(t.modifier, None, "{text}");
        let iv = t.interval.expect("interval");
        assert_eq!(
            (iv.start.to_string(), iv.end.to_string()),
            (s.into(), en.into()),
            "{text}"
        );
    }
    // Without "from", a year and a month without one are two dates: which June is unknown.
    let found: Vec<String> = e
        .extract("2016 to June")
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(found, ["2016", "2021-06"]);
    // The modifiers travel in the JSON only when present.
    let json = serde_json::to_string(&one(&e, "from mid-2015 to late 2016").range).expect("json");
    assert_eq!(
        json,
        r#"{"from":"2015","to":"2016","from_mod":"MID","to_mod":"END"}"#
    );
    let json = serde_json::to_string(&one(&e, "from 2015 to 2019").range).expect("json");
    assert_eq!(json, r#"{"from":"2015","to":"2019"}"#);
}

#[test]
fn peers_mistakes_are_not_made() {
    let e = ex("2021-11-09");
    // Duckling: "mid-2020" is not -2020.
    assert_eq!(one(&e, "mid-2020").value, "2020");
    // dateparser: "may" and bare numbers are not dates.
    for text in [
        "they may join Daesh",
        "around 5-10 per cent of Talibs",
        "an estimated 4,000-6,000 fighters",
        "killed 20 people",
        "the 83-member coalition",
        "Terrorism Monitor Volume: 16 Issue: 2",
        "one fourth of them",
        "(Pakistan Today, 8 people)",
        "the face amount of its 6 1/4% notes",
    ] {
        assert_eq!(e.extract(text), vec![], "{text}");
    }
}

#[test]
fn bad_reference_date_names_the_value() {
    for bad in ["2018-13-01", "2018-02-30", "26/1/2018", "", "yesterday"] {
        let err = DateExtractor::new()
            .with_reference_date(bad)
            .expect_err("bad reference date");
        assert_eq!(
            err,
            DateError::InvalidDate {
                value: bad.to_string()
            }
        );
        assert!(err.to_string().contains(&format!("{bad:?}")), "{err}");
    }
    assert!(
        DateExtractor::new()
            .with_reference_date("2018-01-26T10:00:00")
            .is_ok()
    );
}

#[test]
fn anaphora_and_sets() {
    let e = ex("2021-11-01");
    let found =
        e.extract("declared a caliphate in 2014. The group was acknowledged the next year.");
    let v: Vec<&str> = found.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["2014", "2015"]);
    let t = one(&e, "they meet every week");
    assert_eq!((t.kind, t.value.as_str()), (TemporalType::Set, "P1W"));
    let t = one(&e, "prayers every Friday");
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TemporalType::Set, "XXXX-WXX-5")
    );
}

#[test]
fn serializes_with_timeml_names() {
    let t = one(&ex("2018-01-26"), "in early 2015");
    let json = serde_json::to_value(&t).expect("json");
    assert_eq!(json["type"], "DATE");
    assert_eq!(json["value"], "2015");
    assert_eq!(json["mod"], "START");
    assert_eq!(json["interval"]["start"], "2015-01-01");
    assert_eq!(json["interval"]["granularity"], "year");
    let back: Temporal = serde_json::from_value(json).expect("round trip");
    assert_eq!(back, t);
}

/// (text, expected span text, type, value, mod) for clock times and parts of the day,
/// against reference 2016-11-07 (a Monday).
const TIMES_2016: &[(&str, &str, TemporalType, &str, Option<TemporalMod>)] = {
    use TemporalType::{Set, Time};
    &[
        // Clock times on their own are anchored on the reference day.
        ("back at 8:00am", "8:00am", Time, "2016-11-07T08:00", None),
        ("back at 9:00a.", "9:00a", Time, "2016-11-07T09:00", None),
        ("back at 7p", "7p", Time, "2016-11-07T19:00", None),
        (
            "go back at 8.30pm",
            "8.30pm",
            Time,
            "2016-11-07T20:30",
            None,
        ),
        (
            "the target time is 8.10 pm",
            "8.10 pm",
            Time,
            "2016-11-07T20:10",
            None,
        ),
        (
            "dinner seven p . m .",
            "seven p . m .",
            Time,
            "2016-11-07T19:00",
            None,
        ),
        (
            "back 1140 a.m.",
            "1140 a.m.",
            Time,
            "2016-11-07T11:40",
            None,
        ),
        (
            "back 7:56:30 pm",
            "7:56:30 pm",
            Time,
            "2016-11-07T19:56:30",
            None,
        ),
        ("at 4 o'clock", "4 o'clock", Time, "2016-11-07T04:00", None),
        (
            "It's half past seven o'clock",
            "half past seven o'clock",
            Time,
            "2016-11-07T07:30",
            None,
        ),
        (
            "at a quarter to nine",
            // The article belongs to the phrase ("a quarter past noon").
            "a quarter to nine",
            Time,
            "2016-11-07T08:45",
            None,
        ),
        (
            "purchase at 10 past 9",
            "10 past 9",
            Time,
            "2016-11-07T09:10",
            None,
        ),
        (
            "at ten past 9 in the evening",
            "ten past 9 in the evening",
            Time,
            "2016-11-07T21:10",
            None,
        ),
        (
            "one in the morning",
            "one in the morning",
            Time,
            "2016-11-07T01:00",
            None,
        ),
        ("10 at night", "10 at night", Time, "2016-11-07T22:00", None),
        ("12 noon", "12 noon", Time, "2016-11-07T12:00", None),
        ("at mid night", "mid night", Time, "2016-11-07T00:00", None),
        (
            "sick around 1pm",
            "around 1pm",
            Time,
            "2016-11-07T13:00",
            Some(TemporalMod::Approx),
        ),
        (
            "back 11ish",
            "11ish",
            Time,
            "2016-11-07T11:00",
            Some(TemporalMod::Approx),
        ),
        (
            "back noonish",
            "noonish",
            Time,
            "2016-11-07T12:00",
            Some(TemporalMod::Approx),
        ),
        // A day with a time, in either order; a part of the day completes a bare hour.
        (
            "back tomorrow 8:00am",
            "tomorrow 8:00am",
            Time,
            "2016-11-08T08:00",
            None,
        ),
        (
            "back today at 8.30pm",
            "today at 8.30pm",
            Time,
            "2016-11-07T20:30",
            None,
        ),
        (
            "back 8.30pm today",
            "8.30pm today",
            Time,
            "2016-11-07T20:30",
            None,
        ),
        (
            "the party on Sat at 5",
            "Sat at 5",
            Time,
            "2016-11-05T05:00",
            None,
        ),
        (
            "home tonight around 7",
            "tonight around 7",
            Time,
            "2016-11-07T19:00",
            None,
        ),
        (
            "it happened last night at 8.",
            "last night at 8",
            Time,
            "2016-11-06T20:00",
            None,
        ),
        (
            "tomorrow evening at 6",
            "tomorrow evening at 6",
            Time,
            "2016-11-08T18:00",
            None,
        ),
        (
            "8am this morning",
            "8am this morning",
            Time,
            "2016-11-07T08:00",
            None,
        ),
        (
            "at five-thirty tomorrow evening",
            "five-thirty tomorrow evening",
            Time,
            "2016-11-08T17:30",
            None,
        ),
        (
            "back Thursday before 5pm",
            "Thursday before 5pm",
            Time,
            "2016-11-03T17:00",
            Some(TemporalMod::Before),
        ),
        // Parts of the day.
        (
            "meet tuesday afternoon",
            "tuesday afternoon",
            Time,
            "2016-11-01TAF",
            None,
        ),
        (
            "meet in the morning",
            "the morning",
            Time,
            "2016-11-07TMO",
            None,
        ),
        ("happened at night", "night", Time, "2016-11-07TNI", None),
        (
            "an early morning raid",
            "early morning",
            Time,
            "2016-11-07TMO",
            Some(TemporalMod::Start),
        ),
        (
            "later this afternoon",
            "later this afternoon",
            Time,
            "2016-11-07TAF",
            Some(TemporalMod::End),
        ),
        ("see you tonite", "tonite", Time, "2016-11-07TNI", None),
        (
            "open from today pm",
            "today pm",
            Time,
            "2016-11-07TAF",
            None,
        ),
        ("next evening", "next evening", Time, "2016-11-08TEV", None),
        // Sets with a time.
        (
            "every Tuesday at 9am",
            "every Tuesday at 9am",
            Set,
            "XXXX-WXX-2T09:00",
            None,
        ),
        (
            "meetings Tuesdays at 9am",
            "Tuesdays at 9am",
            Set,
            "XXXX-WXX-2T09:00",
            None,
        ),
        (
            "every evening at 7:13",
            "every evening at 7:13",
            Set,
            "T19:13",
            None,
        ),
        ("leave 3pm each day", "3pm each day", Set, "T15:00", None),
    ]
};

#[test]
fn clock_times_and_parts_of_the_day() {
    let e = ex("2016-11-07");
    for &(text, span, kind, value, md) in TIMES_2016 {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str(), t.modifier),
            (span, kind, value, md),
            "{text:?}"
        );
    }
}

/// (text, span of the range, from, to) against reference 2016-11-07.
const TIME_RANGES_2016: &[(&str, &str, &str, &str)] = &[
    (
        "away tonight from 7 to 7:30",
        "tonight from 7 to 7:30",
        "2016-11-07T19:00",
        "2016-11-07T19:30",
    ),
    (
        "out between 7 and 9 last night",
        "between 7 and 9 last night",
        "2016-11-06T19:00",
        "2016-11-06T21:00",
    ),
    (
        "out 5 to 6pm",
        "5 to 6pm",
        "2016-11-07T17:00",
        "2016-11-07T18:00",
    ),
    (
        "from 10:30 to 3 on 1/1/2015",
        "from 10:30 to 3 on 1/1/2015",
        "2015-01-01T10:30",
        "2015-01-01T15:00",
    ),
    (
        "time on Monday 11-4.",
        "Monday 11-4",
        "2016-11-07T11:00",
        "2016-11-07T16:00",
    ),
    (
        "Tuesday at 2:00 - 2:30 pm",
        "Tuesday at 2:00 - 2:30 pm",
        "2016-11-01T14:00",
        "2016-11-01T14:30",
    ),
    (
        "from 2:30 to 2:15 pm",
        "from 2:30 to 2:15 pm",
        "2016-11-07T02:30",
        "2016-11-07T14:15",
    ),
];

#[test]
fn clock_time_ranges() {
    let e = ex("2016-11-07");
    for &(text, span, from, to) in TIME_RANGES_2016 {
        let t = one(&e, text);
        let r = t.range.clone().expect("a range");
        assert_eq!(
            (t.text.as_str(), t.kind, r.from.as_str(), r.to.as_str()),
            (span, TemporalType::Time, from, to),
            "{text:?}"
        );
        assert_eq!(t.value, format!("{from}/{to}"));
    }
}

#[test]
fn bare_numbers_are_not_times() {
    let e = ex("2016-11-07");
    for text in [
        "The toll rose from 3 to 5 percent.",
        "the death toll stood at 7.",
        "inflation at 6.45 percent",
        "On Monday 21 people were killed.",
        "a 7p stamp",
        "between 2010 and 2015",
        "rose from 7 to 9 people",
    ] {
        let found = e.extract(text);
        assert!(
            found.iter().all(|t| t.kind != TemporalType::Time),
            "{text:?} → {found:#?}"
        );
    }
    // A bare number followed by an ordinary word counts something.
    let t = one(&e, "On Monday at 10 Downing Street");
    assert_eq!((t.text.as_str(), t.kind), ("Monday", TemporalType::Date));
    let t = one(&e, "tonight around 7 people gathered");
    assert_eq!(t.text, "tonight");
    // "Monday 21 people": the weekday alone.
    let t = one(&e, "On Monday 21 people were killed.");
    assert_eq!(t.text, "Monday");
}

/// (text, span, value) against reference 2019-02-25 (a Monday).
const HOLIDAYS_AND_WEEKDAY_DAYS: &[(&str, &str, &str)] = &[
    ("on Christmas", "Christmas", "2018-12-25"),
    ("on christmas eve", "christmas eve", "2018-12-24"),
    ("since New Year's Day", "New Year's Day", "2019-01-01"),
    ("on Halloween 2010", "Halloween 2010", "2010-10-31"),
    ("on easter 2018", "easter 2018", "2018-04-01"),
    ("the last easter", "last easter", "2018-04-01"),
    ("the next easter", "next easter", "2019-04-21"),
    ("on Good Friday 2016", "Good Friday 2016", "2016-03-25"),
    ("arrangement on Friday 31!", "Friday 31", "2018-08-31"),
    ("back Fri 14th", "Fri 14th", "2018-12-14"),
    ("born on 15 April of 87", "15 April of 87", "1987-04-15"),
    ("on 28 june in 2020.", "28 june in 2020", "2020-06-28"),
    ("How about 2019-aug-1", "2019-aug-1", "2019-08-01"),
];

#[test]
fn holidays_weekday_days_and_years() {
    let e = ex("2019-02-25");
    for &(text, span, value) in HOLIDAYS_AND_WEEKDAY_DAYS {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            (span, value),
            "{text:?}"
        );
    }
    // Independence Day depends on the country; it is not read.
    assert!(e.extract("before independence day").is_empty());
    // Without a reference date a holiday keeps its month and day.
    let t = one(&DateExtractor::new(), "on Christmas");
    assert_eq!(t.value, "XXXX-12-25");
}

/// (text, span, type, value) for day forms added with the time grammar, against reference
/// 2020-07-20.
const MORE_DAY_FORMS: &[(&str, &str, TemporalType, &str)] = {
    use TemporalType::{Date, Set};
    &[
        ("sold on Dec31 , 1994", "Dec31 , 1994", Date, "1994-12-31"),
        ("back april22", "april22", Date, "2020-04-22"),
        ("back 22april", "22april", Date, "2020-04-22"),
        ("report 20161016.", "20161016", Date, "2016-10-16"),
        (
            "on the 15th day of next month",
            "the 15th day of next month",
            Date,
            "2020-08-15",
        ),
        (
            "the 9th month of next year",
            "the 9th month of next year",
            Date,
            "2021-09",
        ),
        (
            "leave the third month of 2021",
            "the third month of 2021",
            Date,
            "2021-03",
        ),
        ("sales in week 31", "week 31", Date, "2020-W31"),
        (
            "week 27 of last year",
            "week 27 of last year",
            Date,
            "2019-W27",
        ),
        ("Let's go right now", "right now", Date, "PRESENT_REF"),
        ("closed at the moment", "the moment", Date, "PRESENT_REF"),
        (
            "at the present time",
            "the present time",
            Date,
            "PRESENT_REF",
        ),
        ("we meet once a week", "once a week", Set, "P1W"),
    ]
};

#[test]
fn glued_compact_ordinal_and_present_forms() {
    let e = ex("2020-07-20");
    for &(text, span, kind, value) in MORE_DAY_FORMS {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str()),
            (span, kind, value),
            "{text:?}"
        );
    }
    // "the moment" is the present only after "at".
    assert!(e.extract("the moment the bomb exploded").is_empty());
}

#[test]
fn month_and_ordinal_ranges() {
    let e = ex("2016-11-07");
    for (text, span, value) in [
        (
            "held in Korea Nov-Feb 2017",
            "Nov-Feb 2017",
            "2016-11/2017-02",
        ),
        (
            "held in Korea Jan-Feb 2017",
            "Jan-Feb 2017",
            "2017-01/2017-02",
        ),
        (
            "off april 9th through seventeenth",
            "april 9th through seventeenth",
            "2016-04-09/2016-04-17",
        ),
        (
            "off between ninth and seventeenth of april",
            "between ninth and seventeenth of april",
            "2016-04-09/2016-04-17",
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            (span, value),
            "{text:?}"
        );
        assert!(t.range.is_some());
    }
    // A spelled ordinal without "from"/"between" does not open a range.
    assert!(e.extract("the first to arrive").is_empty());
}

#[test]
fn codes_ordinals_and_modals_are_not_dates() {
    let e = ex("2018-05-22");
    for text in [
        "Tel: +86 138-2010-2015",
        "Call me at (206) 555-1212",
        "The code of this object is 133-03-03-2020",
        "The ssn is 123-12-1234",
        "the dawn of a second wave of attacks",
        "This may take longer than expected.",
    ] {
        let found = e.extract(text);
        assert!(found.is_empty(), "{text:?} → {found:#?}");
    }
    // Still dates and durations where they are.
    assert_eq!(one(&e, "fighting in 2010-2015").value, "2010/2015");
    assert_eq!(one(&e, "it took a second").value, "PT1S");
}

#[test]
fn periods_named_by_a_unit() {
    let e = ex("2018-05-22");
    for (text, span, value, md) in [
        (
            "renewed the end of the week",
            "the end of the week",
            "2018-W21",
            TemporalMod::End,
        ),
        (
            "a party end of month",
            "end of month",
            "2018-05",
            TemporalMod::End,
        ),
        (
            "meet later in the year",
            "later in the year",
            "2018",
            TemporalMod::End,
        ),
        (
            "earlier in the week",
            "earlier in the week",
            "2018-W21",
            TemporalMod::Start,
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str(), t.modifier),
            (span, value, Some(md)),
            "{text:?}"
        );
    }
    let t = one(&e, "where were you between 0730-0930?");
    let r = t.range.expect("range");
    assert_eq!(
        (r.from.as_str(), r.to.as_str()),
        ("2018-05-22T07:30", "2018-05-22T09:30")
    );
}

#[test]
fn short_and_spelled_decades_are_the_most_recent_begun() {
    let e = ex("2016-11-07");
    for (text, span, value) in [
        ("music of the 70s", "the 70s", "197"),
        ("In the '40s", "the '40s", "194"),
        ("In the 70's", "the 70's", "197"),
        ("in the nineties", "the nineties", "199"),
        ("in the noughties", "the noughties", "200"),
        ("the 10s", "the 10s", "201"),
        ("the 20s", "the 20s", "192"),
        ("In the nineteen seventies", "the nineteen seventies", "197"),
        ("In the twenty-tens", "the twenty-tens", "201"),
        ("presidents in 1990 s.", "1990 s", "199"),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            (span, value),
            "{text:?}"
        );
    }
    // An age is not a decade; without a reference the century stays unknown.
    assert!(e.extract("a man in his 70s").is_empty());
    assert_eq!(one(&DateExtractor::new(), "the 70s").value, "XX7");
}

#[test]
fn weeks_by_number_and_ranges_by_length() {
    let e = ex("2016-11-07");
    for (text, span, value) in [
        (
            "How about last week of 2016",
            "last week of 2016",
            "2016-W52",
        ),
        ("How about 3rd week of 2018", "3rd week of 2018", "2018-W03"),
        (
            "on the 17 between 2 and 4pm",
            "the 17 between 2 and 4pm",
            "2016-10-17T14:00/2016-10-17T16:00",
        ),
        (
            "starts from 2pm for 2 hours",
            "from 2pm for 2 hours",
            "2016-11-07T14:00/2016-11-07T16:00",
        ),
        (
            "will last for 3 hours 30 minutes from 10 am",
            "3 hours 30 minutes from 10 am",
            "2016-11-07T10:00/2016-11-07T13:30",
        ),
        (
            "on 14th Feb for 7 hours from 9:30am",
            "14th Feb for 7 hours from 9:30am",
            "2016-02-14T09:30/2016-02-14T16:30",
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            (span, value),
            "{text:?}"
        );
    }
}

#[test]
fn weekends_as_sets_and_lengths() {
    let e = ex("2016-11-07");
    for (text, span, kind, value) in [
        (
            "dinner with mom all weekends.",
            "all weekends",
            TemporalType::Set,
            "P1WE",
        ),
        (
            "the shops close on weekends",
            "weekends",
            TemporalType::Set,
            "P1WE",
        ),
        (
            "do you do that every weekend?",
            "every weekend",
            TemporalType::Set,
            "P1WE",
        ),
        (
            "the course lasts three weekends",
            "three weekends",
            TemporalType::Duration,
            "P3WE",
        ),
        // "last" after a modal is the verb, not "the last N weekends".
        (
            "the course will last three weekends",
            "three weekends",
            TemporalType::Duration,
            "P3WE",
        ),
        (
            "prepare for the 2021 weekend",
            "2021",
            TemporalType::Date,
            "2021",
        ),
        (
            "the truce is expected to last two weeks",
            "two weeks",
            TemporalType::Duration,
            "P2W",
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str()),
            (span, kind, value),
            "{text:?}"
        );
    }
}

#[test]
fn fiscal_school_and_calendar_years() {
    let e = ex("2019-06-18");
    for (text, span, value) in [
        ("gains in last fiscal year.", "last fiscal year", "FY2018"),
        ("sales in fiscal year", "fiscal year", "FYXXXX"),
        (
            "sales in the fiscal year 2008",
            "fiscal year 2008",
            "FY2008",
        ),
        ("results for FY2018 were weak", "FY2018", "FY2018"),
        ("results for FY 2017 were weak", "FY 2017", "FY2017"),
        ("gains in this school year.", "this school year", "SY2019"),
        (
            "sales in the school year 2008",
            "school year 2008",
            "SY2008",
        ),
        ("sales in the sy18", "sy18", "SY2018"),
        ("gains in this calendar year.", "this calendar year", "2019"),
        (
            "sales in the calendar year 2008",
            "the calendar year 2008",
            "2008",
        ),
        ("sales in the cy 2008", "cy 2008", "2008"),
        ("sales in the cy18", "cy18", "2018"),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str()),
            (span, TemporalType::Date, value),
            "{text:?}"
        );
    }
    // A fiscal year's months depend on the country: no interval. A calendar year has one.
    assert_eq!(one(&e, "in last fiscal year").interval, None);
    assert!(one(&e, "in this calendar year").interval.is_some());
    // Without a reference date a relative fiscal year stays unknown.
    let t = one(&DateExtractor::new(), "gains in last fiscal year.");
    assert_eq!(t.value, "FYXXXX");
    // "any weekend" is the set of weekends.
    let t = one(&e, "dinner with mom any weekend.");
    assert_eq!((t.text.as_str(), t.value.as_str()), ("any weekend", "P1WE"));
}

#[test]
fn meal_times_daytime_and_night_time() {
    let e = ex("2022-07-27");
    for (text, span, value, md) in [
        ("let's meet at lunch", "lunch", "2022-07-27TMEL", None),
        ("let's meet before lunch", "lunch", "2022-07-27TMEL", None),
        (
            "let's meet after breakfast",
            "breakfast",
            "2022-07-27TMEB",
            None,
        ),
        (
            "let's meet around dinner",
            "around dinner",
            "2022-07-27TMED",
            Some(TemporalMod::Approx),
        ),
        (
            "returns for another lunchtime filled with carols",
            "lunchtime",
            "2022-07-27TMEL",
            None,
        ),
        (
            "let's meet in the daytime",
            "the daytime",
            "2022-07-27TDT",
            None,
        ),
        (
            "they were working in the night-time",
            "the night-time",
            "2022-07-27TNT",
            None,
        ),
        (
            "see you tomorrow lunch",
            "tomorrow lunch",
            "2022-07-28TMEL",
            None,
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str(), t.modifier),
            (span, TemporalType::Time, value, md),
            "{text:?}"
        );
    }
    // A part of the day followed by its day is that day's.
    let t = one(&e, "let's meet at lunch tomorrow.");
    assert_eq!(
        (t.text.as_str(), t.value.as_str()),
        ("lunch tomorrow", "2022-07-28TMEL")
    );
    // A meal alone, or after "this", is an event, not a time.
    for text in [
        "dinner with mom tonight was nice",
        "Book this lunch in my calendar",
        "a dinner hosted by the governor",
        "we met for dinner on Monday",
    ] {
        assert!(
            e.extract(text).iter().all(|t| !t.value.contains("TME")),
            "{text:?} → {:?}",
            e.extract(text)
        );
    }
}

#[test]
fn to_date_and_year_to_date() {
    let e = ex("2018-05-24");
    for (text, span, value) in [
        ("the deadliest attack to date.", "to date", "PRESENT_REF"),
        (
            "How many clusters docked till date?",
            "till date",
            "PRESENT_REF",
        ),
        (
            "the stock is down 20% in the year to date.",
            "the year to date",
            "2018",
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str()),
            (span, TemporalType::Date, value),
            "{text:?}"
        );
    }
    // "up to date", "equals to date 1" and "to date 2020-01-01" are not "so far".
    for text in [
        "keep the maps up to date",
        "dates which are equal to date 1",
        "change to date 7 of the list",
    ] {
        assert!(
            e.extract(text).iter().all(|t| t.value != "PRESENT_REF"),
            "{text:?}"
        );
    }
}

#[test]
fn ranges_to_the_end_of_a_period() {
    let e = ex("2016-11-07");
    for (text, span, value, first, last) in [
        (
            "The range is from 2007 to the end of 2008.",
            "from 2007 to the end of 2008",
            "2007/2008",
            "2007-01-01",
            "2008-12-31",
        ),
        (
            "The range is between 2007 and the end of 2008.",
            "between 2007 and the end of 2008",
            "2007/2008",
            "2007-01-01",
            "2008-12-31",
        ),
        (
            "It was closed from April 2016 until the end of June.",
            "from April 2016 until the end of June",
            "2016-04/2016-06",
            "2016-04-01",
            "2016-06-30",
        ),
    ] {
        let t = one(&e, text);
        let iv = t.interval.expect("interval");
        assert_eq!(
            (
                t.text.as_str(),
                t.value.as_str(),
                iv.start.to_string(),
                iv.end.to_string()
            ),
            (span, value, first.to_string(), last.to_string()),
            "{text:?}"
        );
    }
}

#[test]
fn sets_of_parts_halves_and_the_day_before() {
    let e = ex("2018-11-08");
    for (text, span, kind, value) in [
        (
            "we will run every morning",
            "every morning",
            TemporalType::Set,
            "TMO",
        ),
        (
            "dinner on me every night.",
            "every night",
            TemporalType::Set,
            "TNI",
        ),
        ("I'll leave everyday", "everyday", TemporalType::Set, "P1D"),
        (
            "It's an everyday routine.",
            "everyday",
            TemporalType::Set,
            "P1D",
        ),
        (
            "schedule a semiannual meeting",
            "semiannual",
            TemporalType::Set,
            "P0.5Y",
        ),
        (
            "meet semi-annually",
            "semi-annually",
            TemporalType::Set,
            "P0.5Y",
        ),
        (
            "What happened the day before",
            "the day before",
            TemporalType::Date,
            "2018-11-07",
        ),
        (
            "What's your plan for the day after?",
            "the day after",
            TemporalType::Date,
            "2018-11-09",
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str()),
            (span, kind, value),
            "{text:?}"
        );
    }
    // "the day before" counts from the date being talked about.
    let found = e.extract("The attack came on 12 March 2015; the day before, police had warned.");
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("12 March 2015", "2015-03-12"),
            ("the day before", "2015-03-11")
        ]
    );
    // Not when a phrase follows: "the day before the attack" is relative to the attack.
    assert!(e.extract("the day before the attack").is_empty());
}

#[test]
fn open_ended_dates_and_times() {
    let e = ex("2019-04-22");
    for (text, span, value) in [
        (
            "I want sales for year 2012 or later",
            "year 2012 or later",
            "2012",
        ),
        (
            "Shall we leave on 2018 or later, is this ok?",
            "2018 or later",
            "2018",
        ),
        (
            "You can only leave on 1/1/2016 and after",
            "1/1/2016 and after",
            "2016-01-01",
        ),
        (
            "How about year 2016 and greater",
            "year 2016 and greater",
            "2016",
        ),
        (
            "Meet me at 3 pm or later.",
            "3 pm or later",
            "2019-04-22T15:00",
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str(), t.modifier),
            (span, value, Some(TemporalMod::OnOrAfter)),
            "{text:?}"
        );
    }
    assert_eq!(TemporalMod::OnOrAfter.as_str(), "ON_OR_AFTER");
    // Only when the clause ends there: "2018 or later years" is not read as open-ended.
    let t = one(&e, "in 2018 and after that");
    assert_eq!((t.text.as_str(), t.modifier), ("2018", None));
}

#[test]
fn the_year_month_week_closing_a_clause() {
    let e = ex("2018-05-24");
    for (text, span, value) in [
        ("we got Cloud partner of the year.", "the year", "2018"),
        ("I'm away for the month", "the month", "2018-05"),
        ("Show sales in the week", "the week", "2018-W21"),
        // The end of the year stays one expression.
        ("by the end of the year.", "the end of the year", "2018"),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str()),
            (span, value),
            "{text:?}"
        );
    }
    // Anaphoric: the year being talked about.
    let found = e.extract("The group grew in 2014, and by the close of the year.");
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(got, [("2014", "2014"), ("the year", "2014")]);
    // Not before a word: "the year the war began", "the week-long siege", "the year's toll".
    for text in [
        "the year the war began",
        "the week-long siege",
        "the year's toll",
        "the month of Ramadan",
    ] {
        assert!(
            e.extract(text)
                .iter()
                .all(|t| t.text != "the year" && t.text != "the week" && t.text != "the month"),
            "{text:?} → {:?}",
            e.extract(text)
        );
    }
}

#[test]
fn nights_of_a_stay_and_annual() {
    let e = ex("2018-05-24");
    for (text, span, kind, value) in [
        (
            "Book a room for two nights?",
            "two nights",
            TemporalType::Duration,
            "P2D",
        ),
        (
            "Book a room for 1 night?",
            "1 night",
            TemporalType::Duration,
            "P1D",
        ),
        (
            "for the 09th of May for 2 nights",
            "2 nights",
            TemporalType::Duration,
            "P2D",
        ),
        (
            "time for the annual review",
            "annual",
            TemporalType::Set,
            "P1Y",
        ),
    ] {
        let found = e.extract(text);
        let t = found
            .iter()
            .find(|t| t.text == span)
            .unwrap_or_else(|| panic!("{text:?} → {found:?}"));
        assert_eq!((t.kind, t.value.as_str()), (kind, value), "{text:?}");
    }
    // "the following quarter" counts from the date being talked about.
    let e2 = ex("2019-08-15");
    let t = one(&e2, "Let's discuss the work for the following quarter.");
    assert_eq!(
        (t.text.as_str(), t.value.as_str()),
        ("the following quarter", "2019-Q4")
    );
    // A singular "night" after a number that does not close the clause is no length.
    assert!(e.extract("They work at three night markets.").is_empty());
}

/// Every (text, reference) → exactly one expression with this span, type, value and mod.
fn check_one(e: &DateExtractor, rows: &[(&str, &str, TemporalType, &str, Option<TemporalMod>)]) {
    for &(text, span, kind, value, md) in rows {
        let t = one(e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str(), t.modifier),
            (span, kind, value, md),
            "{text:?}"
        );
    }
}

#[test]
fn weekday_with_a_shifted_day() {
    use TemporalType::Date;
    // 2016-11-07 is a Monday; the weekday is the one in the (Sunday-to-Saturday) week of
    // the shifted day.
    check_one(
        &ex("2016-11-07"),
        &[
            (
                "I'll go back Monday two weeks from now.",
                "Monday two weeks from now",
                Date,
                "2016-11-21",
                None,
            ),
            (
                "I'll go back in 3 days on Friday.",
                "in 3 days on Friday",
                Date,
                "2016-11-11",
                None,
            ),
            (
                "back two months from today on Tuesday",
                "two months from today on Tuesday",
                Date,
                "2017-01-03",
                None,
            ),
        ],
    );
    check_one(
        &ex("2021-01-06"),
        &[
            (
                "I'll go back Saturday 3 days from now.",
                "Saturday 3 days from now",
                Date,
                "2021-01-09",
                None,
            ),
            (
                "I'll go back Thursday, two year from now.",
                "Thursday, two year from now",
                Date,
                "2023-01-05",
                None,
            ),
            (
                "I'll go back Sunday 3 weeks after January 15th.",
                "Sunday 3 weeks after January 15th",
                Date,
                "2021-01-31",
                None,
            ),
        ],
    );
    check_one(
        &ex("2022-01-01"),
        &[(
            "It was 3 weeks after Christmas on Friday.",
            "3 weeks after Christmas on Friday",
            Date,
            "2022-01-14",
            None,
        )],
    );
    // A weekday and a bare duration stay apart.
    let found = ex("2016-11-07").extract("on Monday two weeks passed");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn digit_day_ranges_and_this_next_dates() {
    use TemporalType::Date;
    let us = ex("2016-11-07").with_day_order(DayOrder::MonthFirst);
    check_one(
        &us,
        &[
            (
                "a long vacation between 10/1-11/7",
                "between 10/1-11/7",
                Date,
                "2016-10-01/2016-11-07",
                None,
            ),
            (
                "I will leave from 5/1-5/7, 2020",
                "from 5/1-5/7, 2020",
                Date,
                "2020-05-01/2020-05-07",
                None,
            ),
            (
                "I will leave from 5/1-5/7/2020",
                "from 5/1-5/7/2020",
                Date,
                "2020-05-01/2020-05-07",
                None,
            ),
            (
                "The period is 10/1-11/2/2017",
                "10/1-11/2/2017",
                Date,
                "2017-10-01/2017-11-02",
                None,
            ),
            (
                "This task should be done next 5/12",
                "next 5/12",
                Date,
                "2017-05-12",
                None,
            ),
            (
                "This task should be done this 5/12",
                "this 5/12",
                Date,
                "2016-05-12",
                None,
            ),
            (
                "done next 6th of April",
                "next 6th of April",
                Date,
                "2017-04-06",
                None,
            ),
            (
                "find us a slot on 11/20, please",
                "11/20",
                Date,
                "2015-11-20",
                None,
            ),
        ],
    );
    // Day-first by default: "10/1-11/7" is 10 January to 11 July.
    let t = one(&ex("2016-11-07"), "between 10/1-11/7");
    assert_eq!(t.value, "2016-01-10/2016-07-11");
    // 2019-01-28 is a Monday: "this upcoming Friday" is the first one ahead.
    let t = one(
        &ex("2019-01-28"),
        "any arrangement on this upcoming Friday?",
    );
    assert_eq!(
        (t.text.as_str(), t.value.as_str()),
        ("this upcoming Friday", "2019-02-01")
    );
}

#[test]
fn weekdays_of_relative_weeks_and_parts_of_a_year() {
    use TemporalType::Date;
    check_one(
        &ex("2018-11-26"),
        &[
            (
                "What happened on previous week - Monday",
                "previous week - Monday",
                Date,
                "2018-11-19",
                None,
            ),
            (
                "it's on monday of the following week",
                "monday of the following week",
                Date,
                "2018-12-03",
                None,
            ),
            (
                "booked for the first 2 weeks of 2021",
                "the first 2 weeks of 2021",
                Date,
                "2021-01-04/2021-01-17",
                None,
            ),
            (
                "scheduled for the last 3 weeks of this year",
                "the last 3 weeks of this year",
                Date,
                "2018-12-10/2018-12-30",
                None,
            ),
            (
                "They visited Paris first ten days of last year",
                "first ten days of last year",
                Date,
                "2017-01-01/2017-01-10",
                None,
            ),
            (
                "I'm blocked for the day",
                "the day",
                Date,
                "2018-11-26",
                None,
            ),
        ],
    );
    let t = one(&ex("2018-11-26"), "the first 2 weeks of 2021");
    let iv = t.interval.expect("interval");
    assert_eq!(
        (iv.start.to_string(), iv.end.to_string()),
        ("2021-01-04".into(), "2021-01-17".into())
    );
    assert_eq!(iv.granularity, Granularity::Day);
}

#[test]
fn sets_of_month_days_and_quarters_and_money_is_no_day() {
    let e = ex("2019-03-01");
    let t = one(&e, "remind me to pay bill on 19th of every month.");
    assert_eq!(
        (t.text.as_str(), t.kind, t.value.as_str()),
        ("19th of every month", TemporalType::Set, "XXXX-XX-19")
    );
    let t = one(&e, "reporting financials each quarter");
    assert_eq!(
        (t.text.as_str(), t.kind, t.value.as_str()),
        ("each quarter", TemporalType::Set, "P1Q")
    );
    for text in [
        "I bought it for $12 December 27",
        "I bought it for $ 12 December 27",
    ] {
        let t = one(&e, text);
        assert_eq!(t.text, "December 27", "{text:?}");
    }
}

#[test]
fn rising_hours_after_a_weekday_are_a_time_range() {
    let e = ex("2018-11-01").with_day_order(DayOrder::MonthFirst);
    let t = one(&e, "Where were you Monday 3-8");
    assert_eq!(
        (t.text.as_str(), t.kind),
        ("Monday 3-8", TemporalType::Time)
    );
    assert_eq!(t.value, "2018-10-29T03:00/2018-10-29T08:00");
    // Falling numbers after a weekday are a date: 2018-07-06 is a Friday.
    let e = ex("2018-07-10").with_day_order(DayOrder::MonthFirst);
    let found = e.extract("a Skype call on Friday 7-6 with Jim.");
    assert_eq!(found[0].text, "Friday 7-6");
    assert_eq!(found[0].value, "2018-07-06");
}

#[test]
fn reference_time_of_day_gives_clock_values() {
    let e = DateExtractor::new()
        .with_reference_datetime("2016-11-07T16:12:00")
        .expect("valid");
    for (text, span, value) in [
        (
            "I'll be back 3 minutes from now",
            "3 minutes from now",
            "2016-11-07T16:15",
        ),
        (
            "Let's take a walk 30 minutes later",
            "30 minutes later",
            "2016-11-07T16:42",
        ),
        ("It left 17 hours ago", "17 hours ago", "2016-11-06T23:12"),
        (
            "It ends 10 seconds from now",
            "10 seconds from now",
            "2016-11-07T16:12:10",
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.kind, t.value.as_str()),
            (span, TemporalType::Time, value),
            "{text:?}"
        );
    }
    // Without a time of day the count stays a day.
    let t = one(&ex("2016-11-07"), "I'll be back 3 minutes from now");
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TemporalType::Date, "2016-11-07")
    );
    // "later" after a date counts from that date, not from the reference time.
    let found = e.extract("On May 3, 2016 it began; 30 minutes later it ended");
    assert_eq!(found[1].value, "2016-05-03");
    for bad in [
        "2016-11-07T25:00",
        "2016-11-07T12",
        "2016-11-07T12:00:00:00",
        "x",
    ] {
        assert!(
            DateExtractor::new().with_reference_datetime(bad).is_err(),
            "{bad}"
        );
    }
}

#[test]
fn signal_spans_keep_before_after_since_in_the_span() {
    let e = ex("2018-08-17").with_signal_spans(true);
    for (text, span, value, md) in [
        (
            "show me sales after 2010",
            "after 2010",
            "2010",
            Some(TemporalMod::After),
        ),
        (
            "I'll stay in China before the year 2019.",
            "before the year 2019",
            "2019",
            Some(TemporalMod::Before),
        ),
        (
            "later than 2018",
            "later than 2018",
            "2018",
            Some(TemporalMod::After),
        ),
        (
            "I'll leave as late as tomorrow.",
            "as late as tomorrow",
            "2018-08-18",
            Some(TemporalMod::OnOrBefore),
        ),
        (
            "starting on Sep 2019",
            "starting on Sep 2019",
            "2019-09",
            Some(TemporalMod::OnOrAfter),
        ),
        (
            "Since January 1, 2010",
            "Since January 1, 2010",
            "2010-01-01",
            Some(TemporalMod::OnOrAfter),
        ),
        (
            "What happened before early September",
            "before early September",
            "2017-09",
            Some(TemporalMod::Before),
        ),
        (
            "What's the sales for year greater than 2012",
            "year greater than 2012",
            "2012",
            Some(TemporalMod::After),
        ),
        ("> = 2019", "> = 2019", "2019", Some(TemporalMod::OnOrAfter)),
        ("< =2019", "< =2019", "2019", Some(TemporalMod::OnOrBefore)),
        ("=2019", "=2019", "2019", None),
        (
            "set something up around the 21st this month",
            "around the 21st this month",
            "2018-08-21",
            Some(TemporalMod::Approx),
        ),
    ] {
        let t = one(&e, text);
        assert_eq!(
            (t.text.as_str(), t.value.as_str(), t.modifier),
            (span, value, md),
            "{text:?}"
        );
    }
    // "before early September" keeps the START part of September as its interval.
    let t = one(&e, "before early September");
    let iv = t.interval.expect("interval");
    assert_eq!(
        (iv.start.to_string(), iv.end.to_string()),
        ("2017-09-01".into(), "2017-09-10".into())
    );
    assert_eq!(TemporalMod::OnOrBefore.as_str(), "ON_OR_BEFORE");
    // Off by default (TimeML): the signal stays out, no modifier.
    let t = one(&ex("2018-08-17"), "show me sales after 2010");
    assert_eq!((t.text.as_str(), t.modifier), ("2010", None));
    // Durations are left alone.
    let t = one(&e, "since two years");
    assert_eq!(t.modifier, None);
}

/// At the edge of the supported years a season that would start in year −10000 keeps its
/// value but has no interval (found by fuzzing: clamping the start gave 1 November −9999,
/// after the end).
#[test]
fn a_season_beyond_the_first_supported_year_has_no_interval() {
    let reference = khabar_numdate::CivilDate::new(-9999, 1, 15).expect("a supported date");
    let e = DateExtractor::new().with_reference(Some(reference));
    let t = one(&e, "during the winter");
    assert_eq!(t.value, "-9999-WI");
    assert_eq!(t.interval, None);
    let late = khabar_numdate::CivilDate::new(-9999, 9, 15).expect("a supported date");
    let t = one(
        &DateExtractor::new().with_reference(Some(late)),
        "during the summer",
    );
    assert_eq!(t.value, "-9999-SU");
    let iv = t.interval.expect("the summer of -9999 is representable");
    assert_eq!((iv.start.month(), iv.end.month()), (6, 8));
}
