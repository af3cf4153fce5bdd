//! Small named productions added to the grammar, each with its examples (tested in
//! `tests/date_rules.rs`): a reader looking for the rule behind a phrase finds it by name
//! here instead of inside the long productions of [`super::grammar`].
//!
//! | rule | pattern | production | examples |
//! |---|---|---|---|
//! | `month-after-for` | for MONTH | the month | "scheduled for May", "planned for March" |
//! | `nth-day-of-month` | (the) (last \| ORD) day (of \| in) MONTH (YEAR) | that day | "the last day of October 2015" → 2015-10-31, "last day in october 2015" |
//! | `quarter-modifier` | ORD-quarter, (its \| X's) ORD quarter | the quarter in the direction | "third-quarter profit", "the company's fourth quarter" |
//! | `weekday-from` | (the) (ORD \| first \| last) WEEKDAY (after \| before \| following \| preceding) DAY; (the) (closest \| nearest) WEEKDAY to DAY | that weekday | "the third Tuesday after Christmas 2014", "the closest Monday to Oct 5th" |
//! | `the-last-unit` | the last UNIT (no "over", "in" … before) | the unit before the reference | "the last week" → 2013-W11 |
//! | `other-calendar-date` | DAY HMONTH (YEAR) (AH), HMONTH DAY, YEAR, HMONTH YEAR; the same with a Solar Hijri month | the converted day, month or year | "15 Shawwal 1442", "Ramadan 1440", "Hamal 1, 1398", "1 Farvardin 1398" |
//! | `other-calendar-year` | YEAR AH \| (the) Hijri/Islamic/lunar year YEAR \| (the) solar year YEAR \| YEAR SH | the converted year | "1440 AH", "the solar year 1400", "1398 SH" |
//! | `year-modifier` | (a \| an \| his … \| X's) YEAR word | the year | "a 2011 drone strike", "his 2014 election campaign", "Pakistan's 2013 elections" |

use crate::date::CivilDate;
use crate::date::calendars::{HIJRI_MONTHS, OtherCal, PERSIAN_MONTHS};
use crate::date::civil::days_in_month;
use crate::date::grammar::Grammar;
use crate::date::lexicon::{Unit, W};
use crate::date::resolve::{Cal, HolidayRule, YearSpec};
use khabar_tokenize::TokenKind;

type R<T> = Option<(usize, T)>;

/// Determiners before a year used as a modifier: "a 2016 survey", "his 2014 campaign",
/// "Pakistan's 2013 elections". ("the 2011 strike" is read by the plain year rule.)
const YEAR_DETERMINERS: &[&str] = &[
    "a", "an", "his", "her", "its", "their", "our", "my", "your", "'s", "’s", "this", "that",
];

/// Plural nouns a modifying year may name (an event of that year), where a plural after a
/// number would otherwise be a count: "their 2013 elections", "the 2014 Olympics".
const EVENT_PLURALS: &[&str] = &[
    "elections",
    "polls",
    "talks",
    "games",
    "olympics",
    "protests",
    "riots",
    "floods",
    "attacks",
    "bombings",
    "strikes",
    "negotiations",
    "accords",
    "agreements",
    "reforms",
    "sanctions",
    "hearings",
    "primaries",
    "midterms",
    "results",
    "figures",
    "accounts",
    "earnings",
    "finals",
    "championships",
    "playoffs",
    "operations",
    "offensives",
    "killings",
];

/// `quarter-modifier`: an ordinal quarter without "the" or a year, written as a modifier
/// ("third-quarter profit", "its fourth quarter", "the company's second-quarter loss") is
/// the quarter nearest in the direction, as "the third quarter" is. Whether the quarter
/// whose ordinal is at `j` (the expression starting at `i`) is such a modifier.
pub(crate) fn quarter_as_modifier(g: &Grammar<'_>, i: usize, j: usize) -> bool {
    let hyphen = g.is_dash(j + 1) && g.joined(j) && g.joined(j + 1);
    let det = i.checked_sub(1).is_some_and(|p| {
        [
            "its", "their", "his", "her", "our", "'s", "’s", "this", "that",
        ]
        .iter()
        .any(|w| g.word_is(p, w))
    });
    hyphen || det
}

/// `the-last-unit`: "the last week", "the last month" are the calendar unit before the
/// reference ("2013-W11"), unless a preposition of extent before them makes a length ("over
/// the last week", "in the last month": P1W, P1M). Whether such a preposition is before
/// token `i`.
pub(crate) fn extent_before(g: &Grammar<'_>, i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        [
            "over",
            "during",
            "for",
            "within",
            "in",
            "throughout",
            "through",
            "past",
            "of",
        ]
        .iter()
        .any(|w| g.word_is(p, w))
    })
}

impl Grammar<'_> {
    /// `nth-day-of-month`: "the last day of October 2015", "the first day of March", "the
    /// 3rd day of May 2019" — a day of a named month (the last day needs the year for
    /// February).
    pub(crate) fn nth_day_of_month(&self, i: usize) -> R<Cal> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let n: Option<u8> = match (self.w(j), self.num(j)) {
            (Some(W::Last), _) => None,
            (Some(W::Ord(n)), _) => Some(u8::try_from(n).ok()?),
            (_, Some(t)) if t.suffix == crate::date::grammar::Suffix::Ord => {
                Some(u8::try_from(t.int()?).ok()?)
            }
            _ => return None,
        };
        if !self.is(j + 1, W::Unit(Unit::Day, false))
            || !(self.is(j + 2, W::Of) || self.is(j + 2, W::In))
        {
            return None;
        }
        let (e, m) = self.month(j + 3)?;
        let (e, y) = self.year_after(e).unwrap_or((e, YearSpec::Unknown));
        let d = match (n, y) {
            (Some(d), _) => d,
            (None, YearSpec::Abs(y)) => days_in_month(y, m),
            (None, _) if m != 2 => days_in_month(2001, m),
            (None, _) => return None,
        };
        (1..=days_in_month(2000, m)).contains(&d).then_some((
            e,
            Cal::Date {
                y,
                m: Some(m),
                d: Some(d),
            },
        ))
    }

    /// `month-after-for`: "scheduled for May", "planned for March" — a month after "for"
    /// (not a name: "pressure for May to resign", "for May's sake").
    pub(crate) fn month_after_for(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|p| self.word_is(p, "for"))
            && !self.word_is(i + 1, "to")
            && !matches!(self.txt(i + 1), "'s" | "’s" | "'" | "’")
    }

    /// `year-modifier`: a four-digit year between a determiner and a noun ("a 2011 drone
    /// strike", "a 2016 survey found", "his 2014 election campaign", "a 1979 invasion") is
    /// the year, not a count of 2011 drone strikes. A count would take a plural noun, so a
    /// plural after the year is read only when it names events ([`EVENT_PLURALS`]).
    pub(crate) fn year_modifier(&self, i: usize) -> R<Cal> {
        let y = self.year_digits(i)?;
        if !(1900..=2099).contains(&y) {
            return None;
        }
        let p = i.checked_sub(1)?;
        if !YEAR_DETERMINERS.iter().any(|d| self.word_is(p, d)) {
            return None;
        }
        let n = i + 1;
        let t = self.tokens.get(n)?;
        if t.kind != TokenKind::Word || self.joined(i) {
            return None;
        }
        let w = self.txt(n);
        let first_lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        let lower = w.to_ascii_lowercase();
        let plural = lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss");
        let event = EVENT_PLURALS.contains(&lower.as_str());
        let capital_event = !first_lower && (event || !plural);
        if !(first_lower || capital_event) || (plural && !event) {
            return None;
        }
        // A unit or a percentage after the number is an amount ("a 2000 percent rise").
        if matches!(
            lower.as_str(),
            "percent"
                | "per"
                | "pc"
                | "times"
                | "km"
                | "kilometres"
                | "kilometers"
                | "miles"
                | "metres"
                | "meters"
                | "feet"
                | "tonnes"
                | "tons"
                | "dollars"
                | "rupees"
                | "afghanis"
                | "strong"
                | "odd"
                | "plus"
                | "or"
                | "to"
                | "and"
        ) {
            return None;
        }
        Some((i + 1, Cal::year(y)))
    }
}

/// Solar Hijri month names that are no common word or name, read with a day and no year
/// ("1 Hamal"); the others ("Asad", "Mehr", "Tir", "Dey", "Hut") need a year after them.
const SAFE_PERSIAN: &[&str] = &[
    "farvardin",
    "ordibehesht",
    "khordad",
    "shahrivar",
    "esfand",
    "hamal",
    "saratan",
    "sonbola",
    "sunbula",
    "sunbulah",
    "jawza",
    "jauza",
    "jawzah",
    "aqrab",
    "amordad",
    "mordad",
];

/// Whether `word` (any ASCII case) is the first word of a Hijri month's name: a token
/// marked as a holiday's first word may start a holiday or another calendar's month, and
/// `other_month` reads the Hijri table only at these.
fn starts_hijri_month(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<crate::date::lexicon::WordSet> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| {
            crate::date::lexicon::WordSet::new(
                HIJRI_MONTHS
                    .iter()
                    .filter_map(|(ws, _)| ws.first().copied()),
            )
        })
        .contains(word)
}

/// The furthest a month name of `other-calendar-date` begins after its start: a day of up
/// to three tokens ("twenty - first", "twenty first") and "of" before it ("twenty-first of
/// Ramadan").
const OTHER_MONTH_REACH: usize = 4;

impl Grammar<'_> {
    /// A month of `cal` at `i`: its end, number and whether it may go without a year.
    fn other_month(&self, i: usize, cal: OtherCal) -> Option<(usize, u8, bool)> {
        // Every month name's first word is marked on its token (one lookup, see
        // `holiday::first_words`): skip the tables where none begins.
        if self.fast && !self.t.get(i).is_some_and(|t| t.holiday()) {
            return None;
        }
        match cal {
            OtherCal::Hijri if self.fast && !starts_hijri_month(self.txt(i)) => None,
            OtherCal::Hijri => HIJRI_MONTHS
                .iter()
                .find_map(|&(ws, m)| Some((self.words_loose(i, ws)?, m, true))),
            OtherCal::Persian => {
                let w = self.txt(i);
                // Capitalised, as names of months are.
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    return None;
                }
                let low = w.to_ascii_lowercase();
                PERSIAN_MONTHS
                    .iter()
                    .find(|(n, _)| *n == low)
                    .map(|&(n, m)| (i + 1, m, SAFE_PERSIAN.contains(&n)))
            }
        }
    }

    /// A year of `cal` (1300–1500) at `i`, after an optional comma, with an optional era
    /// mark after it ("AH", "A.H.", "H", "SH", "HS").
    fn other_year(&self, i: usize) -> Option<(usize, i32)> {
        let j = if self.punct(i, &[","]) { i + 1 } else { i };
        let y = self.year_digits(j).filter(|y| (1300..=1500).contains(y))?;
        let mut e = j + 1;
        if ["ah", "a.h.", "a.h", "sh", "hs", "h.s.", "s.h."]
            .iter()
            .any(|m| self.word_is(e, m))
        {
            e += 1;
        }
        Some((e, y))
    }

    /// `other-calendar-date`: a day, month or year written in the Hijri or Solar Hijri
    /// calendar ("15 Shawwal 1442", "Shawwal 15, 1442", "Ramadan 1440", "Hamal 1, 1398",
    /// "1 Farvardin 1398"); a day and month without a year ("15 Shawwal", "1 Hamal") is the
    /// nearest such day in the direction.
    pub(crate) fn other_calendar_date(&self, i: usize) -> Option<(usize, Cal)> {
        // Its month name (whose first word is marked on its token, see `other_month`)
        // begins within `OTHER_MONTH_REACH` tokens: most positions hold none near.
        if self.fast
            && !(i..=i + OTHER_MONTH_REACH).any(|k| self.t.get(k).is_some_and(|t| t.holiday()))
        {
            return None;
        }
        [OtherCal::Hijri, OtherCal::Persian]
            .into_iter()
            .filter_map(|cal| self.other_date_in(i, cal))
            .max_by_key(|(e, _)| *e)
    }

    fn other_date_in(&self, i: usize, cal: OtherCal) -> Option<(usize, Cal)> {
        let day = |k: usize| {
            self.day(k, false)
                .filter(|&(_, d)| d <= if cal == OtherCal::Hijri { 30 } else { 31 })
        };
        // DAY MONTH or MONTH DAY or MONTH alone.
        let (e, m, d, safe) = if let Some((k, d)) = day(i) {
            let k = if self.word_is(k, "of") { k + 1 } else { k };
            let (e, m, safe) = self.other_month(k, cal)?;
            (e, m, d, safe)
        } else {
            let (k, m, safe) = self.other_month(i, cal)?;
            match day(k) {
                Some((e, d)) => (e, m, d, safe),
                None => (k, m, 0, false),
            }
        };
        if let Some((e2, y)) = self.other_year(e) {
            return Some((e2, Cal::OtherDate { cal, y, m, d }));
        }
        if d == 0 || !safe {
            return None;
        }
        let rule = match cal {
            OtherCal::Hijri => HolidayRule::Hijri { offset: 0 },
            OtherCal::Persian => HolidayRule::Persian,
        };
        Some((
            e,
            Cal::Holiday {
                y: YearSpec::Unknown,
                m,
                d: i8::try_from(d).ok()?,
                rule,
            },
        ))
    }

    /// `other-calendar-year`: "1440 AH", "the Hijri year 1440", "the Islamic year 1440",
    /// "the solar year 1400", "1398 SH" — the whole year, converted.
    pub(crate) fn other_calendar_year(&self, i: usize) -> Option<(usize, Cal)> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        if self.fast && self.year_digits(i).is_none() && !self.t.get(j).is_some_and(|t| t.holiday())
        {
            return None;
        }
        let named = |k: usize| -> Option<OtherCal> {
            let cal = if self.word_is(k, "solar") {
                OtherCal::Persian
            } else if ["hijri", "islamic", "lunar"]
                .iter()
                .any(|w| self.word_is(k, w))
            {
                OtherCal::Hijri
            } else {
                return None;
            };
            let k2 = if cal == OtherCal::Persian && self.word_is(k + 1, "hijri") {
                k + 2
            } else {
                k + 1
            };
            self.is(k2, W::Unit(Unit::Year, false)).then_some(cal)
        };
        if let Some(cal) = named(j) {
            let k = if self.word_is(j + 1, "hijri") {
                j + 3
            } else {
                j + 2
            };
            let y = self.year_digits(k).filter(|y| (1300..=1500).contains(y))?;
            return Some((k + 1, Cal::OtherDate { cal, y, m: 0, d: 0 }));
        }
        let y = self.year_digits(i).filter(|y| (1300..=1500).contains(y))?;
        let cal = if ["ah", "a.h.", "a.h"].iter().any(|m| self.word_is(i + 1, m)) {
            OtherCal::Hijri
        } else if ["sh", "hs", "s.h.", "h.s."]
            .iter()
            .any(|m| self.word_is(i + 1, m))
        {
            OtherCal::Persian
        } else {
            return None;
        };
        Some((i + 2, Cal::OtherDate { cal, y, m: 0, d: 0 }))
    }
}

/// The `n`th weekday `wd` (1 = Monday) strictly after (n > 0) or before (n < 0) day `d`, or
/// (n = 0) the one closest to it (`d` itself when it is that weekday).
pub(crate) fn weekday_from(d: CivilDate, wd: u8, n: i8) -> CivilDate {
    let ahead = (i64::from(wd) - i64::from(d.weekday())).rem_euclid(7);
    let back = (i64::from(d.weekday()) - i64::from(wd)).rem_euclid(7);
    match n {
        0 => {
            if ahead <= back {
                d.add_days(ahead)
            } else {
                d.add_days(-back)
            }
        }
        n if n > 0 => {
            let first = if ahead == 0 { 7 } else { ahead };
            d.add_days(first + 7 * (i64::from(n) - 1))
        }
        n => {
            let first = if back == 0 { 7 } else { back };
            d.add_days(-first - 7 * (i64::from(n.unsigned_abs()) - 1))
        }
    }
}

impl Grammar<'_> {
    /// `weekday-from`: "the third Tuesday after Christmas 2014", "the first Monday
    /// following the vote on May 5", "the last Friday before Easter", "the closest Monday
    /// to Oct 5th": the end, the weekday, the count (negative before, 0 closest) and the
    /// day it counts from (one day: a date, a holiday, a weekday).
    pub(crate) fn weekday_from(&self, i: usize) -> Option<(usize, u8, i8, Cal)> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let (count, closest) = match (self.w(j), self.num(j)) {
            (Some(W::Ord(n)), _) if (1..=10).contains(&n) => (i8::try_from(n).ok()?, false),
            (Some(W::Last), _) => (1, false),
            (_, Some(t)) if t.suffix == crate::date::grammar::Suffix::Ord => {
                let v = t.int()?;
                (
                    (1..=10).contains(&v).then_some(i8::try_from(v).ok()?)?,
                    false,
                )
            }
            _ if self.word_is(j, "closest") || self.word_is(j, "nearest") => (0, true),
            _ => return None,
        };
        let Some(W::Weekday(wd)) = self.w(j + 1) else {
            return None;
        };
        let k = j + 2;
        let sign: i8 = if closest {
            if !self.word_is(k, "to") {
                return None;
            }
            0
        } else if self.word_is(k, "after") || self.word_is(k, "following") {
            1
        } else if self.word_is(k, "before") || self.word_is(k, "preceding") {
            -1
        } else {
            return None;
        };
        // "the last Friday before Easter" counts back one; "the last … after" is no date.
        if self.is(j, W::Last) && sign != -1 {
            return None;
        }
        let (e, base) = self.cal(k + 1)?;
        let one_day = matches!(
            base,
            Cal::Date { d: Some(_), .. }
                | Cal::Holiday { .. }
                | Cal::Weekday { .. }
                | Cal::WeekdayDay { .. }
        );
        one_day.then_some((e, wd, count * sign, base))
    }
}

#[cfg(test)]
mod tests {
    /// `starts_hijri_month` finds what the table's word comparisons find: every first word
    /// is lowercase ASCII.
    #[test]
    fn hijri_first_words_are_lowercase_ascii() {
        for (ws, _) in super::HIJRI_MONTHS {
            let w = ws.first().copied().unwrap_or_default();
            assert!(
                !w.is_empty() && w.is_ascii() && w == w.to_ascii_lowercase(),
                "{w}"
            );
            assert!(super::starts_hijri_month(w) && super::starts_hijri_month(&w.to_uppercase()));
        }
    }
}
