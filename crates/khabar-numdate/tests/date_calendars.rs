//! Holidays with computed dates and dates of other calendars (DATES.md, "Holidays" and
//! "Other calendars"). Reference: Tuesday 12 March 2019.

use khabar_numdate::{DateExtractor, Direction, Temporal};

fn found(text: &str) -> Vec<Temporal> {
    DateExtractor::new()
        .with_reference_date("2019-03-12")
        .expect("valid reference date")
        .extract(text)
}

fn one(text: &str, span: &str, value: &str, calendar: Option<&str>) {
    let got = found(text);
    assert!(
        got.iter()
            .any(|t| t.text == span && t.value == value && t.calendar.as_deref() == calendar),
        "{text:?}: want {span:?} = {value} ({calendar:?}), got {got:?}"
    );
}

const H: Option<&str> = Some("islamic-umalqura");
const P: Option<&str> = Some("persian");

#[test]
fn islamic_holidays_by_year() {
    one("Eid al-Fitr 2018", "Eid al-Fitr 2018", "2018-06-15", H);
    one("on Eid-ul-Fitr 2018", "Eid-ul-Fitr 2018", "2018-06-15", H);
    one("Eid al-Adha 2018", "Eid al-Adha 2018", "2018-08-21", H);
    one("Eid ul Azha 2018", "Eid ul Azha 2018", "2018-08-21", H);
    one("Ramadan 2018", "Ramadan 2018", "2018-05-16/2018-06-14", H);
    one("Ashura 2020", "Ashura 2020", "2020-08-29", H);
    one(
        "the Islamic New Year 2018",
        "Islamic New Year 2018",
        "2018-09-11",
        H,
    );
    one("Mawlid 2019", "Mawlid 2019", "2019-11-09", H);
}

#[test]
fn islamic_holidays_by_direction_and_the_eve() {
    // Past bias: the last one before 12 March 2019.
    one(
        "Attacks rose during Ramadan.",
        "Ramadan",
        "2018-05-16/2018-06-14",
        H,
    );
    one(
        "a ceasefire over Eid al-Fitr",
        "Eid al-Fitr",
        "2018-06-15",
        H,
    );
    // "the eve of" is the day before.
    one(
        "a bombing on the eve of Eid al-Adha",
        "the eve of Eid al-Adha",
        "2018-08-20",
        H,
    );
    // A bare "Eid" is the nearer of the two.
    one(
        "a bombing on the eve of Eid",
        "the eve of Eid",
        "2018-08-20",
        H,
    );
    // Forward under a future cue.
    one(
        "The truce will hold until Eid al-Fitr.",
        "Eid al-Fitr",
        "2019-06-04",
        H,
    );
    let ex = DateExtractor::new()
        .with_reference_date("2019-03-12")
        .expect("valid")
        .with_direction(Direction::Future);
    assert_eq!(ex.extract("Ramadan")[0].value, "2019-05-06/2019-06-03");
}

#[test]
fn nowruz_and_western_holidays() {
    one("They celebrated Nowruz.", "Nowruz", "2018-03-21", P);
    one("Nowruz 2020", "Nowruz 2020", "2020-03-20", P);
    one("Thanksgiving 2013", "Thanksgiving 2013", "2013-11-28", None);
    one(
        "Orthodox Easter 2019",
        "Orthodox Easter 2019",
        "2019-04-28",
        None,
    );
    one("Easter 2019", "Easter 2019", "2019-04-21", None);
    one("Christmas 2014", "Christmas 2014", "2014-12-25", None);
    one("MLK day 2013", "MLK day 2013", "2013-01-21", None);
    one("Memorial Day 2018", "Memorial Day 2018", "2018-05-28", None);
    one("Mother's Day 2018", "Mother's Day 2018", "2018-05-13", None);
}

#[test]
fn hijri_dates() {
    let c = Some("islamic-umalqura:1442-10-15");
    one("on 15 Shawwal 1442", "15 Shawwal 1442", "2021-05-27", c);
    one("Shawwal 15, 1442", "Shawwal 15, 1442", "2021-05-27", c);
    let c = Some("islamic-umalqura:1440-09");
    one(
        "during Ramadan 1440",
        "Ramadan 1440",
        "2019-05-06/2019-06-03",
        c,
    );
    let c = Some("islamic-umalqura:1440");
    one("in 1440 AH", "1440 AH", "2018-09-11/2019-08-30", c);
    one(
        "the Hijri year 1440",
        "the Hijri year 1440",
        "2018-09-11/2019-08-30",
        c,
    );
    one(
        "10 Muharram 1442",
        "10 Muharram 1442",
        "2020-08-29",
        Some("islamic-umalqura:1442-01-10"),
    );
    // Without a year: the nearest in the direction.
    one("on 15 Shawwal", "15 Shawwal", "2018-06-29", H);
}

#[test]
fn solar_hijri_dates() {
    let c = Some("persian:1398-01-01");
    one("Hamal 1, 1398", "Hamal 1, 1398", "2019-03-21", c);
    one("1 Farvardin 1398", "1 Farvardin 1398", "2019-03-21", c);
    one(
        "Asad 1398",
        "Asad 1398",
        "2019-07-23/2019-08-22",
        Some("persian:1398-05"),
    );
    let c = Some("persian:1400");
    one(
        "the solar year 1400",
        "the solar year 1400",
        "2021-03-21/2022-03-20",
        c,
    );
    one("1400 SH", "1400 SH", "2021-03-21/2022-03-20", c);
    one("on 1 Hamal", "1 Hamal", "2018-03-21", P);
    // "Asad", "Mehr" are names too: only with a year.
    assert!(
        found("Mr Asad said on Friday")
            .iter()
            .all(|t| t.text == "Friday")
    );
    assert!(found("Mehr 12 people").is_empty());
}

#[test]
fn the_calendar_is_in_the_json_only_when_present() {
    let t = &found("15 Shawwal 1442")[0];
    let json = serde_json::to_value(t).expect("json");
    assert_eq!(json["calendar"], "islamic-umalqura:1442-10-15");
    let t = &found("5 May 2018")[0];
    let json = serde_json::to_value(t).expect("json");
    assert!(json.get("calendar").is_none());
}

#[test]
fn a_bare_eid_names_a_day_only_where_the_context_says_so() {
    one("Markets closed on Eid.", "Eid", "2018-08-21", H);
    one("the Eid ceasefire held", "Eid", "2018-08-21", H);
    one("Eid 2018", "Eid 2018", "2018-06-15", H);
    assert!(found("The Atmosphere of Eid in Khorasan Province").is_empty());
}
