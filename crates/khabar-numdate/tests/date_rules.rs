//! The named productions of `src/date/rules.rs`, each with its examples.

use khabar_numdate::{DateExtractor, TemporalType};

fn found(text: &str) -> Vec<(String, TemporalType, String)> {
    DateExtractor::new()
        .with_reference_date("2019-03-12")
        .expect("valid reference date")
        .extract(text)
        .into_iter()
        .map(|t| (t.text, t.kind, t.value))
        .collect()
}

fn one(text: &str, span: &str, value: &str) {
    let got = found(text);
    assert!(
        got.iter()
            .any(|(s, k, v)| s == span && *k == TemporalType::Date && v == value),
        "{text:?}: want {span:?} = {value}, got {got:?}"
    );
}

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
