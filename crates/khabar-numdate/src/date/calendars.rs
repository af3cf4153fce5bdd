//! The other calendars news from Afghanistan, Pakistan and the Middle East dates by: the
//! Hijri (Islamic lunar) calendar in its Umm al-Qura form and the Solar Hijri (Persian,
//! Afghan) calendar, converted with ICU4X's `icu_calendar`; the Julian calendar for Orthodox
//! Easter.
//!
//! Islamic months begin with the sighting of the new moon, which differs by country by a
//! day or two: a Hijri date converted here (Umm al-Qura, Saudi Arabia's calendar) is within
//! one day of the locally observed date, usually the same day.

use crate::date::CivilDate;
use icu_calendar::Date;
use icu_calendar::cal::{Hijri, Iso};

/// A calendar other than the Gregorian one, kept on the output as its `calendar` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OtherCal {
    /// The Hijri calendar, Umm al-Qura: "15 Shawwal 1442", "Ramadan 1440", "1440 AH".
    Hijri,
    /// The Solar Hijri calendar: "Hamal 1, 1398", "1 Farvardin 1398", "the solar year 1400".
    Persian,
}

impl OtherCal {
    /// The name written in the `calendar` attribute (CLDR's calendar identifiers).
    pub(crate) const fn name(self) -> &'static str {
        match self {
            OtherCal::Hijri => "islamic-umalqura",
            OtherCal::Persian => "persian",
        }
    }
}

/// A Gregorian (ISO) date of `icu_calendar` as a [`CivilDate`].
pub(crate) fn iso_civil(d: Date<Iso>) -> Option<CivilDate> {
    civil(d)
}

fn civil(d: Date<Iso>) -> Option<CivilDate> {
    CivilDate::checked(d.extended_year(), d.month().ordinal, d.day_of_month().0)
}

fn iso(d: CivilDate) -> Option<Date<Iso>> {
    Date::try_new_iso(d.year(), d.month(), d.day()).ok()
}

/// The Gregorian day of Hijri year `y`, month `m`, day `d` (Umm al-Qura).
pub(crate) fn hijri(y: i32, m: u8, d: u8) -> Option<CivilDate> {
    if !(1..=12).contains(&m) || !(1..=30).contains(&d) || !(1..=3000).contains(&y) {
        return None;
    }
    let date = Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura()).ok()?;
    civil(date.to_iso())
}

/// The first and last Gregorian days of Hijri month `m` of year `y`.
pub(crate) fn hijri_month(y: i32, m: u8) -> Option<(CivilDate, CivilDate)> {
    let first = hijri(y, m, 1)?;
    let next = if m == 12 {
        hijri(y + 1, 1, 1)?
    } else {
        hijri(y, m + 1, 1)?
    };
    Some((first, next.add_days(-1)))
}

/// The first and last Gregorian days of Hijri year `y`.
pub(crate) fn hijri_year(y: i32) -> Option<(CivilDate, CivilDate)> {
    Some((hijri(y, 1, 1)?, hijri(y + 1, 1, 1)?.add_days(-1)))
}

/// The Hijri year a Gregorian day falls in.
fn hijri_year_of(d: CivilDate) -> Option<i32> {
    let h = iso(d)?.to_calendar(Hijri::new_umm_al_qura());
    Some(h.extended_year())
}

/// The first day of Gregorian year `gy` that is Hijri month `m`, day `d` (a Hijri date
/// falls in a Gregorian year once, sometimes twice, as the lunar year is 11 days shorter).
pub(crate) fn hijri_in_year(gy: i32, m: u8, d: u8) -> Option<CivilDate> {
    let hy = hijri_year_of(CivilDate::checked(gy, 1, 1)?)?;
    (hy..=hy + 1)
        .filter_map(|y| hijri(y, m, d))
        .find(|g| g.year() == gy)
}

/// The first Hijri month `m` that begins in Gregorian year `gy`, first and last day.
pub(crate) fn hijri_month_in_year(gy: i32, m: u8) -> Option<(CivilDate, CivilDate)> {
    let first = hijri_in_year(gy, m, 1)?;
    let hy = hijri_year_of(first)?;
    hijri_month(hy, m)
}

/// The Gregorian day of Solar Hijri year `y`, month `m`, day `d`.
pub(crate) fn persian(y: i32, m: u8, d: u8) -> Option<CivilDate> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1..=3000).contains(&y) {
        return None;
    }
    civil(Date::try_new_persian(y, m, d).ok()?.to_iso())
}

/// The first and last Gregorian days of Solar Hijri month `m` of year `y`.
pub(crate) fn persian_month(y: i32, m: u8) -> Option<(CivilDate, CivilDate)> {
    let first = persian(y, m, 1)?;
    let next = if m == 12 {
        persian(y + 1, 1, 1)?
    } else {
        persian(y, m + 1, 1)?
    };
    Some((first, next.add_days(-1)))
}

/// The first and last Gregorian days of Solar Hijri year `y` (Nowruz to the eve of the next).
pub(crate) fn persian_year(y: i32) -> Option<(CivilDate, CivilDate)> {
    Some((persian(y, 1, 1)?, persian(y + 1, 1, 1)?.add_days(-1)))
}

/// The `calendar` attribute of an expression ([`crate::Temporal::calendar`]): the calendar
/// and the date as written in it for a date of another calendar ("islamic-umalqura:1442-10-15",
/// "persian:1398-01", "persian:1400"), the calendar alone for a holiday it fixes
/// ("islamic-umalqura" for "Eid al-Fitr", "persian" for "Nowruz").
pub(crate) fn calendar_attribute(c: crate::date::resolve::Cal) -> Option<String> {
    use crate::date::resolve::{Cal, HolidayRule};
    match c {
        Cal::OtherDate { cal, y, m, d } => Some(match (m, d) {
            (0, _) => format!("{}:{y:04}", cal.name()),
            (m, 0) => format!("{}:{y:04}-{m:02}", cal.name()),
            (m, d) => format!("{}:{y:04}-{m:02}-{d:02}", cal.name()),
        }),
        Cal::Holiday { rule, .. } => match rule {
            HolidayRule::Hijri { .. } | HolidayRule::HijriMonth | HolidayRule::Eid { .. } => {
                Some(OtherCal::Hijri.name().to_string())
            }
            HolidayRule::Persian => Some(OtherCal::Persian.name().to_string()),
            HolidayRule::Table { idx } if crate::date::holiday_table::is_hijri(idx) => {
                Some(OtherCal::Hijri.name().to_string())
            }
            _ => None,
        },
        _ => None,
    }
}

/// Orthodox Easter Sunday of year `y` (the Julian computus), as a Gregorian day.
pub(crate) fn orthodox_easter(y: i32) -> Option<CivilDate> {
    let a = y.rem_euclid(4);
    let b = y.rem_euclid(7);
    let c = y.rem_euclid(19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = u8::try_from((d + e + 114) / 31).ok()?;
    let day = u8::try_from((d + e + 114) % 31 + 1).ok()?;
    let julian = Date::try_new_julian(y, month, day).ok()?;
    civil(julian.to_iso())
}

/// Hijri month names (lowercase words; hyphens and apostrophes between them are skipped).
pub(crate) const HIJRI_MONTHS: &[(&[&str], u8)] = &[
    (&["muharram"], 1),
    (&["safar"], 2),
    (&["rabi", "al", "awwal"], 3),
    (&["rabi", "ul", "awwal"], 3),
    (&["rabi", "ul", "awal"], 3),
    (&["rabiul", "awwal"], 3),
    (&["rabi", "al", "thani"], 4),
    (&["rabi", "al", "akhir"], 4),
    (&["rabi", "ul", "sani"], 4),
    (&["rabi", "us", "sani"], 4),
    (&["rabiul", "akhir"], 4),
    (&["jumada", "al", "awwal"], 5),
    (&["jumada", "al", "ula"], 5),
    (&["jumadal", "ula"], 5),
    (&["jumada", "al", "thani"], 6),
    (&["jumada", "al", "akhirah"], 6),
    (&["jumada", "al", "akhira"], 6),
    (&["jumadal", "akhira"], 6),
    (&["rajab"], 7),
    (&["shaban"], 8),
    (&["sha", "'", "ban"], 8),
    (&["shaaban"], 8),
    (&["ramadan"], 9),
    (&["ramazan"], 9),
    (&["ramadhan"], 9),
    (&["shawwal"], 10),
    (&["shawal"], 10),
    (&["dhu", "al", "qadah"], 11),
    (&["dhu", "al", "qidah"], 11),
    (&["dhul", "qadah"], 11),
    (&["dhul", "qaada"], 11),
    (&["zul", "qadah"], 11),
    (&["zilqad"], 11),
    (&["dhu", "al", "hijjah"], 12),
    (&["dhul", "hijjah"], 12),
    (&["dhul", "hijja"], 12),
    (&["zul", "hijjah"], 12),
    (&["zilhaj"], 12),
    (&["zilhij"], 12),
];

/// Solar Hijri month names: the Iranian (Farvardin … Esfand) and the Afghan Dari ones
/// (Hamal … Hut, the zodiac names).
pub(crate) const PERSIAN_MONTHS: &[(&str, u8)] = &[
    ("farvardin", 1),
    ("ordibehesht", 2),
    ("khordad", 3),
    ("tir", 4),
    ("mordad", 5),
    ("amordad", 5),
    ("shahrivar", 6),
    ("mehr", 7),
    ("aban", 8),
    ("azar", 9),
    ("dey", 10),
    ("bahman", 11),
    ("esfand", 12),
    ("hamal", 1),
    ("sawr", 2),
    ("saur", 2),
    ("sowr", 2),
    ("jawza", 3),
    ("jauza", 3),
    ("jawzah", 3),
    ("saratan", 4),
    ("asad", 5),
    ("sonbola", 6),
    ("sunbula", 6),
    ("sunbulah", 6),
    ("mizan", 7),
    ("aqrab", 8),
    ("qaws", 9),
    ("qaus", 9),
    ("jadi", 10),
    ("jaddi", 10),
    ("dalw", 11),
    ("dalwa", 11),
    ("hut", 12),
    ("hoot", 12),
];

/// Whether `word` ends the name of a Hijri or Solar Hijri month ("Shawwal", "awwal",
/// "Hamal"): a number after it is a day or a year, never a numbered name ("Hamal 1, 1398").
pub(crate) fn ends_calendar_month(word: &str) -> bool {
    let lw = word.to_lowercase();
    PERSIAN_MONTHS.iter().any(|(name, _)| *name == lw)
        || HIJRI_MONTHS
            .iter()
            .any(|(words, _)| words.last().is_some_and(|last| *last == lw))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> CivilDate {
        s.parse().expect("a date")
    }

    /// Reference: published Umm al-Qura dates (Eid al-Fitr 1439 = 15 June 2018, 1 Ramadan
    /// 1440 = 6 May 2019, 1 Muharram 1442 = 20 August 2020, Eid al-Adha 1439 = 21 August
    /// 2018).
    #[test]
    fn month_names_end_where_a_number_follows() {
        for w in ["Hamal", "Shawwal", "Farvardin", "awwal", "Hijjah", "Hut"] {
            assert!(ends_calendar_month(w), "{w}");
        }
        for w in ["Eagle", "Resolution", "Highway", "rabi"] {
            assert!(!ends_calendar_month(w), "{w}");
        }
    }

    #[test]
    fn umm_al_qura_dates() {
        assert_eq!(hijri(1439, 10, 1), Some(day("2018-06-15")));
        assert_eq!(hijri(1440, 9, 1), Some(day("2019-05-06")));
        assert_eq!(hijri(1442, 1, 1), Some(day("2020-08-20")));
        assert_eq!(hijri(1439, 12, 10), Some(day("2018-08-21")));
        assert_eq!(hijri_in_year(2018, 10, 1), Some(day("2018-06-15")));
        let (a, b) = hijri_month_in_year(2019, 9).expect("Ramadan 2019");
        assert_eq!((a, b), (day("2019-05-06"), day("2019-06-03")));
    }

    /// Reference: Nowruz 1398 = 21 March 2019, 1399 = 20 March 2020; 1 Hamal 1400 = 21
    /// March 2021.
    #[test]
    fn solar_hijri_dates() {
        assert_eq!(persian(1398, 1, 1), Some(day("2019-03-21")));
        assert_eq!(persian(1399, 1, 1), Some(day("2020-03-20")));
        assert_eq!(persian(1400, 1, 1), Some(day("2021-03-21")));
        let (a, b) = persian_year(1398).expect("1398");
        assert_eq!((a, b), (day("2019-03-21"), day("2020-03-19")));
    }

    /// Reference: Orthodox Easter 2019 = 28 April, 2018 = 8 April, 2021 = 2 May.
    #[test]
    fn orthodox_easter_dates() {
        assert_eq!(orthodox_easter(2019), Some(day("2019-04-28")));
        assert_eq!(orthodox_easter(2018), Some(day("2018-04-08")));
        assert_eq!(orthodox_easter(2021), Some(day("2021-05-02")));
    }
}
