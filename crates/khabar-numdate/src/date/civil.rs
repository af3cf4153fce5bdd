//! Proleptic Gregorian calendar dates: just enough arithmetic for resolving news dates.
//!
//! khabar needs only days, months, years, ISO weeks and weekdays, so it carries its own small
//! civil-date type instead of a full date-time library. Day counts use the well-known
//! "days from civil" construction (eras of 400 years), valid for every year that fits in
//! `i32` arithmetic used here (years are limited to `-9999..=9999` by [`CivilDate::new`]).

use crate::date::DateError;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date (proleptic Gregorian), always valid.
///
/// Serialized as an ISO 8601 string, `"2018-01-26"`.
///
/// ```
/// use khabar_numdate::CivilDate;
/// let d: CivilDate = "2018-01-26".parse().unwrap();
/// assert_eq!(d.year(), 2018);
/// assert_eq!(d.to_string(), "2018-01-26");
/// assert_eq!(d.add_days(7).to_string(), "2018-02-02");
/// assert!("2018-02-30".parse::<CivilDate>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    year: i32,
    month: u8,
    day: u8,
}

/// Whether `year` is a Gregorian leap year.
pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; 0 for an invalid month.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CivilDate {
    /// The date `year-month-day`, or an error naming the value if it does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Result<CivilDate, DateError> {
        if !(-9999..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(DateError::InvalidDate {
                value: format!("{year:04}-{month:02}-{day:02}"),
            });
        }
        Ok(CivilDate { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, clamped to the supported year range.
    pub fn from_days(days: i64) -> CivilDate {
        let z = days.clamp(-4_371_587, 2_932_896) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CivilDate { year, month, day }
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> CivilDate {
        CivilDate::from_days(self.to_days().saturating_add(n))
    }

    /// This date moved by `n` months, the day clamped to the target month's length.
    pub fn add_months(self, n: i64) -> CivilDate {
        let total = (i64::from(self.year) * 12 + i64::from(self.month) - 1).saturating_add(n);
        let year = total.div_euclid(12).clamp(-9999, 9999) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        CivilDate { year, month, day }
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = CivilDate {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// The Monday of ISO week `week` of `year` (week numbers past the year's last week roll
    /// over into the next year).
    pub(crate) fn iso_week_monday(year: i32, week: u8) -> CivilDate {
        let jan4 = CivilDate {
            year: year.clamp(-9999, 9999),
            month: 1,
            day: 4,
        };
        let week1_monday = jan4.add_days(1 - i64::from(jan4.weekday()));
        week1_monday.add_days(7 * (i64::from(week) - 1))
    }

    /// First day of the month containing this date.
    pub(crate) fn first_of_month(self) -> CivilDate {
        CivilDate { day: 1, ..self }
    }

    /// Last day of the month containing this date.
    pub(crate) fn last_of_month(self) -> CivilDate {
        CivilDate {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }

    /// The date built from parts known to be valid, or `None`.
    pub(crate) fn checked(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        CivilDate::new(year, month, day).ok()
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for CivilDate {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`, optionally followed by a time part (`T…`), which is ignored.
    fn from_str(s: &str) -> Result<CivilDate, DateError> {
        let bad = || DateError::InvalidDate {
            value: s.to_string(),
        };
        let date = s.split(['T', ' ']).next().unwrap_or("");
        let mut parts = date.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let y: i32 = y.parse().map_err(|_| bad())?;
        let m: u8 = m.parse().map_err(|_| bad())?;
        let d: u8 = d.parse().map_err(|_| bad())?;
        CivilDate::new(y, m, d).map_err(|_| bad())
    }
}

impl Serialize for CivilDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CivilDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CivilDate, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Slow reference: count days one at a time from 1970-01-01.
    fn slow_days(d: CivilDate) -> i64 {
        let mut n = 0i64;
        let (mut y, mut m, mut day) = (1970i32, 1u8, 1u8);
        let fwd = (d.year, d.month, d.day) >= (1970, 1, 1);
        while (y, m, day) != (d.year, d.month, d.day) {
            if fwd {
                day += 1;
                if day > days_in_month(y, m) {
                    day = 1;
                    m += 1;
                    if m > 12 {
                        m = 1;
                        y += 1;
                    }
                }
                n += 1;
            } else {
                if day == 1 {
                    if m == 1 {
                        m = 12;
                        y -= 1;
                    } else {
                        m -= 1;
                    }
                    day = days_in_month(y, m);
                } else {
                    day -= 1;
                }
                n -= 1;
            }
        }
        n
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn known_dates() {
        let d = CivilDate::new(2018, 1, 26).unwrap();
        assert_eq!(d.weekday(), 5);
        assert_eq!(d.iso_week(), (2018, 4));
        assert_eq!(CivilDate::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(
            CivilDate::new(2000, 2, 29)
                .unwrap()
                .add_months(12)
                .to_string(),
            "2001-02-28"
        );
        assert_eq!(
            CivilDate::iso_week_monday(2021, 43).to_string(),
            "2021-10-25"
        );
    }

    proptest::proptest! {
        #[test]
        fn days_roundtrip_and_match_slow_count(y in 1900i32..2100, m in 1u8..=12, d in 1u8..=31) {
            if let Ok(date) = CivilDate::new(y, m, d) {
                proptest::prop_assert_eq!(CivilDate::from_days(date.to_days()), date);
                proptest::prop_assert_eq!(date.to_days(), slow_days(date));
            }
        }
    }
}
