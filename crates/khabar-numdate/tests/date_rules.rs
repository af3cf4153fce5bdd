//! The named productions of `src/date/rules.rs`, each with its examples.

use khabar_numdate::{DateExtractor, TemporalType};

mod date_examples;
use date_examples::{found, one};

#[test]
fn year_modifier() {
    for (text, y) in [
        ("He was killed in a 2011 drone strike.", "2011"),
        ("A 2016 survey found that most voters agreed.", "2016"),
        ("His 2014 election campaign was costly.", "2014"),
        ("The Soviets began a 1979 invasion.", "1979"),
        (
            "Pakistan's 2013 elections brought a new government.",
            "2013",
        ),
        ("Their 2018 talks failed.", "2018"),
        ("an 2008 report by the UN", "2008"),
        ("the group's 2015 offensive in Kunduz", "2015"),
    ] {
        one(text, y, y);
    }
}

#[test]
fn year_modifier_is_not_a_count() {
    for text in [
        "A 2000 percent rise in prices.",
        "Their 2000 supporters marched.",
        "His 1500 men surrendered.",
    ] {
        assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
    }
}

#[test]
fn month_after_for() {
    one("Elections are scheduled for May.", "May", "2019-05");
    one("A rally is planned for June.", "June", "2019-06");
    assert!(found("There was pressure for May to resign.").is_empty());
}

fn typed(text: &str, span: &str, kind: TemporalType, value: &str) {
    let got = found(text);
    assert!(
        got.iter()
            .any(|(s, k, v)| s == span && *k == kind && v == value),
        "{text:?}: want {span:?} = {kind} {value}, got {got:?}"
    );
}

#[test]
fn nth_day_of_month() {
    one(
        "on the last day of October 2015",
        "the last day of October 2015",
        "2015-10-31",
    );
    one(
        "the last day of February 2016",
        "the last day of February 2016",
        "2016-02-29",
    );
    one(
        "on the first day of March",
        "the first day of March",
        "2019-03-01",
    );
    one(
        "the 3rd day of May 2019",
        "the 3rd day of May 2019",
        "2019-05-03",
    );
}

#[test]
fn the_last_unit() {
    one("He left the last week.", "the last week", "2019-W10");
    one("Prices fell the last month.", "the last month", "2019-02");
    typed(
        "Five attacks over the last week.",
        "the last week",
        TemporalType::Duration,
        "P1W",
    );
    typed(
        "in the last month alone",
        "the last month",
        TemporalType::Duration,
        "P1M",
    );
}

#[test]
fn ordinal_quarters_and_counted_decades() {
    one("4th quarter 2018 results", "4th quarter 2018", "2018-Q4");
    one(
        "in the 2nd quarter of 2017",
        "the 2nd quarter of 2017",
        "2017-Q2",
    );
    one("Q4 2018 earnings", "Q4 2018", "2018-Q4");
    one(
        "the first half of 2019",
        "the first half of 2019",
        "2019-H1",
    );
    typed(
        "It took a decade.",
        "a decade",
        TemporalType::Duration,
        "P10Y",
    );
    typed(
        "two decades of war",
        "two decades",
        TemporalType::Duration,
        "P20Y",
    );
    typed("for decades", "decades", TemporalType::Duration, "PXDE");
    typed("a century ago", "a century ago", TemporalType::Date, "19");
}

#[test]
fn units_earlier_count_back_like_later_counts_forward() {
    one("Profit rose from a year earlier.", "a year earlier", "2018");
    one(
        "In 2014 the group split; a year earlier it had formed.",
        "a year earlier",
        "2013",
    );
    one(
        "The plant closed three days earlier.",
        "three days earlier",
        "2019-03-09",
    );
    typed(
        "It finished six months earlier than planned.",
        "six months",
        TemporalType::Duration,
        "P6M",
    );
}

#[test]
fn quarter_modifier() {
    one("Third-quarter profit rose 5%.", "Third-quarter", "2018-Q3");
    one(
        "the company's second-quarter loss",
        "second-quarter",
        "2018-Q2",
    );
    one("Its fourth quarter was weak.", "fourth quarter", "2018-Q4");
    // A fraction, not a quarter of the year.
    assert!(found("in a third quarter of the districts").is_empty());
    assert!(found("third quarter").is_empty());
}

#[test]
fn weekday_from() {
    // Christmas 2014 was a Thursday.
    one(
        "the third Tuesday after Christmas 2014",
        "the third Tuesday after Christmas 2014",
        "2015-01-13",
    );
    one(
        "the first Monday after Christmas 2014",
        "the first Monday after Christmas 2014",
        "2014-12-29",
    );
    one(
        "the last Friday before Easter 2019",
        "the last Friday before Easter 2019",
        "2019-04-19",
    );
    // 5 May 2019 was a Sunday: the Sunday before is 28 April, the second 21 April.
    one(
        "the second Sunday before May 5, 2019",
        "the second Sunday before May 5, 2019",
        "2019-04-21",
    );
    // 5 October 2019 was a Saturday: the closest Monday is the 7th.
    one(
        "the closest Monday to Oct 5th 2019",
        "the closest Monday to Oct 5th 2019",
        "2019-10-07",
    );
    one(
        "the nearest Friday to Oct 5th 2019",
        "the nearest Friday to Oct 5th 2019",
        "2019-10-04",
    );
}

/// The productions of `src/date/year_rules.rs` and the compositions around a named year.
#[test]
fn year_rules() {
    one("in 2014 AD", "2014 AD", "2014");
    one("in 2014 A.D.", "2014 A.D.", "2014");
    one("in 2014 CE", "2014 CE", "2014");
    one("in 14 a.d.", "14 a.d.", "0014");
    one("Vesuvius erupted in 79 AD.", "79 AD", "0079");
    // Before the common era: TIMEX3's "BC" year, as written (no year 0).
    one("in 2014 BC", "2014 BC", "BC2014");
    one("in 2014 B.C.", "2014 B.C.", "BC2014");
    one("Caesar died in 44 B.C. in Rome.", "44 B.C.", "BC0044");
    one("founded around 300 BCE by", "300 BCE", "BC0300");
    one("in 1200 b.c.e.", "1200 b.c.e.", "BC1200");
    one(
        "the third last week of 2018",
        "the third last week of 2018",
        "2018-W50",
    );
    one("2nd last week of 2020", "2nd last week of 2020", "2020-W52");
    // Of a month, khabar's week of a month counted back: the last week of October 2018 is
    // the ISO week of 31 October (W44), the second last that of 24 October (W43).
    one(
        "the second last week of October 2018",
        "the second last week of October 2018",
        "2018-W43",
    );
    one(
        "2nd last week of October 2018",
        "2nd last week of October 2018",
        "2018-W43",
    );
    one(
        "the third last week of February 2021",
        "the third last week of February 2021",
        "2021-W06",
    );
    one(
        "last day in october 2015",
        "last day in october 2015",
        "2015-10-31",
    );
    one(
        "last Sunday of March 2014",
        "last Sunday of March 2014",
        "2014-03-30",
    );
    // "last Sunday" alone is the Sunday before.
    one("He left last Sunday.", "last Sunday", "2019-03-10");
    // A lowercase "ad" is not an era.
    assert!(
        !found("a 2014 ad campaign")
            .iter()
            .any(|(s, _, _)| s.contains("ad"))
    );
    assert!(
        !found("an ad in 2014")
            .iter()
            .any(|(s, _, _)| s.contains("ad"))
    );
    // A year before the common era has no interval (Python's dates start at year 1).
    let bc = DateExtractor::new().extract("in 2014 BC");
    assert_eq!((bc[0].value.as_str(), bc[0].interval), ("BC2014", None));
    // A code table's row is no era.
    assert!(
        !found("274\t188\tBC\tLATIN SMALL LETTER")
            .iter()
            .any(|(_, _, v)| v.starts_with("BC"))
    );
    // After a determiner, a bare "BC" is British Columbia, the year a modifier.
    assert!(
        !found("the 2017 BC election")
            .iter()
            .any(|(_, _, v)| v.starts_with("BC"))
    );
}

/// With signal spans, the open-ended signals of `SIGNALS` (src/date/extract.rs) are part of
/// the expression, as its modifier; without, they stay outside (TimeML's SIGNAL).
#[test]
fn open_ended_signals() {
    use khabar_numdate::TemporalMod as M;
    let ex = DateExtractor::new()
        .with_reference_date("2019-03-12")
        .expect("valid reference date")
        .with_signal_spans(true);
    for (text, span, value, md) in [
        ("anytime after 2014", "anytime after 2014", "2014", M::After),
        (
            "any time after May 2016",
            "any time after May 2016",
            "2016-05",
            M::After,
        ),
        (
            "sometime before 2014",
            "sometime before 2014",
            "2014",
            M::Before,
        ),
        (
            "some time before March 3, 2017",
            "some time before March 3, 2017",
            "2017-03-03",
            M::Before,
        ),
        (
            "The ban holds through 2014.",
            "through 2014",
            "2014",
            M::OnOrBefore,
        ),
        (
            "open thru June 2015",
            "thru June 2015",
            "2015-06",
            M::OnOrBefore,
        ),
        ("sales after 2010", "after 2010", "2010", M::After),
    ] {
        let got = ex.extract(text);
        assert!(
            got.iter()
                .any(|t| t.text == span && t.value == value && t.modifier == Some(md)),
            "{text:?}: want {span:?} = {value} {md}, got {got:?}"
        );
    }
    // A range's "through" is the range's own word.
    let r = ex.extract("from 2014 through 2016");
    assert_eq!((r.len(), r[0].value.as_str()), (1, "2014/2016"), "{r:?}");
    // Off by default.
    one("anytime after 2014", "2014", "2014");
    one("through 2014", "2014", "2014");
}
