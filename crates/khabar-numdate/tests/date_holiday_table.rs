//! The holidays of the bundled tables (`data/holiday_names.tsv`, `data/holiday_dates.tsv`;
//! DATES.md, "The holiday tables"), by class: the value of each with a year, the
//! composition with years, and the names that are also common words.

mod date_examples;
use date_examples::{found, one};

/// The text itself is the expression.
fn whole(cases: &[(&str, &str)]) {
    for (text, value) in cases {
        one(text, text, value);
    }
}

#[test]
fn christian_moveable_feasts() {
    whole(&[
        ("Palm Sunday 2019", "2019-04-14"),
        ("Maundy Thursday 2019", "2019-04-18"),
        ("Ash Wednesday 2019", "2019-03-06"),
        ("Shrove Tuesday 2019", "2019-03-05"),
        ("Mardi Gras 2019", "2019-03-05"),
        ("Ascension Day 2019", "2019-05-30"),
        ("Pentecost 2019", "2019-06-09"),
        ("Whit Monday 2019", "2019-06-10"),
        ("Trinity Sunday 2019", "2019-06-16"),
        ("Lent 2019", "2019-03-06/2019-04-20"),
        ("Clean Monday 2018", "2018-02-19"),
        ("Great Lent 2018", "2018-02-19/2018-03-30"),
        ("Orthodox Good Friday 2020", "2020-04-17"),
        ("Lazarus Saturday 2018", "2018-03-31"),
    ]);
}

#[test]
fn jewish_holidays_begin_the_evening_before() {
    whole(&[
        ("Rosh Hashanah 2018", "2018-09-09/2018-09-11"),
        ("Yom Kippur 2018", "2018-09-18"),
        ("Sukkot 2018", "2018-09-23/2018-10-01"),
        ("Hanukkah 2018", "2018-12-02/2018-12-09"),
        ("Chanukah 2018", "2018-12-02/2018-12-09"),
        ("Passover 2018", "2018-03-30/2018-04-07"),
        ("Shavuot 2018", "2018-05-19/2018-05-21"),
        ("Yom HaShoah 2018", "2018-04-11"),
        ("Yom Ha'atzmaut 2018", "2018-04-18"),
        ("Tisha B'Av 2018", "2018-07-21"),
        ("Purim 2019", "2019-03-20"),
    ]);
}

#[test]
fn chinese_new_year() {
    whole(&[
        ("Chinese New Year 2018", "2018-02-16"),
        ("Lunar New Year 2020", "2020-01-25"),
    ]);
}

#[test]
fn islamic_spellings() {
    whole(&[
        ("Id ul-Adha 2018", "2018-08-21"),
        ("sacrifice feast 2018", "2018-08-21"),
        ("Night of Power 2018", "2018-06-11"),
        ("Laylat al-Kadr 2017", "2017-06-22"),
        ("Isra and Mi'raj 2018", "2018-04-13"),
        ("the night journey 2019", "2019-04-03"),
        ("Jumu'atul-Wida 2017", "2017-06-23"),
        ("Jamat Ul-Vida 2018", "2018-06-08"),
        ("Mawlid al-Nabawi 2017", "2017-11-30"),
        ("day of Ashura 2017", "2017-09-30"),
    ]);
}

#[test]
fn festivals_of_the_dates_table() {
    whole(&[
        ("Diwali 2019", "2019-10-27"),
        ("Deepavali 2019", "2019-10-27"),
        ("Dhanteras 2019", "2019-10-25"),
        ("Bhai Dooj 2019", "2019-10-29"),
        ("Chhath 2019", "2019-11-02"),
        ("Dussehra 2018", "2018-10-18"),
        ("Navaratri 2018", "2018-10-09/2018-10-18"),
        ("Maha Saptami 2021", "2021-10-12"),
        ("Holi 2019", "2019-03-21"),
        ("Holika Dahan 2019", "2019-03-20"),
        ("Vaisakhi 2018", "2018-04-14"),
        ("Baisakhi 2018", "2018-04-14"),
        ("Onam 2018", "2018-08-24"),
        ("Makar Sankranti 2019", "2019-01-15"),
        ("Raksha Bandhan 2018", "2018-08-26"),
        ("Vesak 2019", "2019-05-18"),
        ("Guru Gobind Singh Jayanti 2014", "2014-01-07"),
    ]);
    // Outside the years of the table the festival is found without a value.
    one("Diwali 1990", "Diwali 1990", "XXXX-XX-XX");
}

#[test]
fn civil_and_rule_days() {
    whole(&[
        ("King's Day 2014", "2014-04-26"),
        ("King's Day 2018", "2018-04-27"),
        ("Koningsdag 2018", "2018-04-27"),
        ("St Patrick's Day 2013", "2013-03-17"),
        ("Boss's Day 2016", "2016-10-17"),
        ("Black Friday 2017", "2017-11-24"),
        ("Parsi New Year 2018", "2018-08-17"),
        ("Parsi New Year 2022", "2022-08-16"),
        ("World Refugee Day 2018", "2018-06-20"),
    ]);
}

#[test]
fn composition_with_years() {
    one("Holi in 2019", "Holi in 2019", "2019-03-21");
    one(
        "Civil Rights Day of last year",
        "Civil Rights Day of last year",
        "2018-01-15",
    );
    one(
        "Thanksgiving in a year",
        "Thanksgiving in a year",
        "2020-11-26",
    );
    one(
        "Lakshmi Puja six years hence",
        "Lakshmi Puja six years hence",
        "2025-10-20",
    );
    one(
        "Thanksgiving 1 year ago",
        "Thanksgiving 1 year ago",
        "2018-11-22",
    );
    one(
        "the eve of Diwali 2019",
        "the eve of Diwali 2019",
        "2019-10-26",
    );
    // Past bias without a year: the last one before 12 March 2019.
    one("Attacks rose after Diwali.", "Diwali", "2018-11-07");
}

#[test]
fn common_words_and_names_are_not_holidays() {
    for text in [
        "He lent me his car.",
        "Lent was a loan, he said.",
        "Rakhi Sawant said she would attend.",
        "the king's day was long",
        "Martin Luther King' day",
        "Please show your ID at the gate.",
    ] {
        assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
    }
    // Capitalised after a temporal preposition, or with a year, they are read.
    // (Lent 2019 began on 6 March, before the reference date.)
    one(
        "Fasting during Lent is common.",
        "Lent",
        "2019-03-06/2019-04-20",
    );
    one("gifts on Rakhi", "Rakhi", "2018-08-26");
    // "Kings day" inside Martin Luther King Day is not King's Day.
    one(
        "next Martin Luther Kings day",
        "next Martin Luther Kings day",
        "2020-01-20",
    );
}

/// A holiday that is an hour of its day (the `hours` column) is a TIME range; Earth Hour is
/// the last Saturday of March, a week earlier when that is Holy Saturday (2013, 2016, 2024).
#[test]
fn holidays_that_are_hours() {
    use khabar_numdate::TemporalType;
    for (text, value) in [
        ("earth hour 2016", "2016-03-19T20:30/2016-03-19T21:30"),
        ("Earth Hour 2013", "2013-03-23T20:30/2013-03-23T21:30"),
        ("Earth Hour 2019", "2019-03-30T20:30/2019-03-30T21:30"),
        ("Earth Hour 2024", "2024-03-23T20:30/2024-03-23T21:30"),
    ] {
        let got = found(text);
        assert!(
            got.iter()
                .any(|(s, k, v)| s == text && *k == TemporalType::Time && v == value),
            "{text:?}: want {value}, got {got:?}"
        );
    }
    // Its eve is the day before.
    one(
        "the eve of Earth Hour 2016",
        "the eve of Earth Hour 2016",
        "2016-03-18",
    );
}
