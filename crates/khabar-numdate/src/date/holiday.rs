//! Holidays with a fixed or computable date: "Christmas", "New Year's Day", "Halloween",
//! "Easter 2018", "last Easter", "Easter Monday".
//!
//! Only holidays whose date does not depend on the country are read: "Independence Day" is
//! July 4 in the United States, August 14 in Pakistan and August 15 in India, so it is left
//! alone. Islamic holidays ("Eid al-Fitr", "Ramadan", "Ashura") come from the Umm al-Qura
//! calendar and are within a day of the locally observed date; Nowruz from the Solar Hijri
//! calendar; Thanksgiving and the other US Monday holidays are nth weekdays of a month
//! ([`NAMED`]).

use crate::date::CivilDate;
use crate::date::grammar::Grammar;
use crate::date::lexicon::{W, WordSet};
use crate::date::resolve::{Cal, HolidayRule, YearSpec};

/// Fixed-date holidays: the words (lowercase, "'s" and "’s" are separate tokens) and the
/// month and day.
const FIXED: &[(&[&str], u8, u8)] = &[
    (&["christmas", "eve"], 12, 24),
    (&["christmas", "day"], 12, 25),
    (&["christmas"], 12, 25),
    (&["xmas"], 12, 25),
    (&["new", "year", "'s", "eve"], 12, 31),
    (&["new", "year", "’s", "eve"], 12, 31),
    (&["new", "years", "eve"], 12, 31),
    (&["new", "year", "'s", "day"], 1, 1),
    (&["new", "year", "’s", "day"], 1, 1),
    (&["new", "years", "day"], 1, 1),
    (&["new", "year", "day"], 1, 1),
    (&["halloween"], 10, 31),
    (&["valentine", "'s", "day"], 2, 14),
    (&["valentine", "’s", "day"], 2, 14),
    (&["valentines", "day"], 2, 14),
    (&["earth", "day"], 4, 22),
    (&["juneteenth"], 6, 19),
    (&["international", "workers", "'", "day"], 5, 1),
    (&["international", "workers", "’", "day"], 5, 1),
    (&["international", "workers", "day"], 5, 1),
];

/// Days after Easter Sunday.
const EASTER: &[(&[&str], i8)] = &[
    (&["good", "friday"], -2),
    (&["easter", "sunday"], 0),
    (&["easter", "monday"], 1),
    (&["easter"], 0),
];

const H0: HolidayRule = HolidayRule::Hijri { offset: 0 };

/// Holidays computed by a rule (see [`HolidayRule`]): the words (lowercase; hyphens and
/// "'s" between them are skipped, so "Eid-ul-Fitr", "Eid al Fitr" and "Mother's Day"
/// match), the rule, the month and the day.
pub(crate) const NAMED: &[(&[&str], HolidayRule, u8, i8)] = &[
    (&["eid", "al", "fitr"], H0, 10, 1),
    (&["eid", "ul", "fitr"], H0, 10, 1),
    (&["eid", "il", "fitr"], H0, 10, 1),
    (&["eid", "e", "fitr"], H0, 10, 1),
    (&["eid", "fitr"], H0, 10, 1),
    (&["eidul", "fitr"], H0, 10, 1),
    (&["eid", "al", "adha"], H0, 12, 10),
    (&["eid", "ul", "adha"], H0, 12, 10),
    (&["eid", "al", "azha"], H0, 12, 10),
    (&["eid", "ul", "azha"], H0, 12, 10),
    (&["eid", "ul", "zuha"], H0, 12, 10),
    (&["eid", "e", "qurban"], H0, 12, 10),
    (&["eid", "qurban"], H0, 12, 10),
    (&["eid", "al", "kabir"], H0, 12, 10),
    (&["eidul", "adha"], H0, 12, 10),
    (&["eidul", "azha"], H0, 12, 10),
    (&["qurban", "eid"], H0, 12, 10),
    (&["bakr", "id"], H0, 12, 10),
    (&["bakrid"], H0, 12, 10),
    (&["bakri", "eid"], H0, 12, 10),
    (&["eid", "milad", "un", "nabi"], H0, 3, 12),
    (&["eid"], HolidayRule::Eid { offset: 0 }, 0, 0),
    (&["ramadan"], HolidayRule::HijriMonth, 9, 0),
    (&["ramazan"], HolidayRule::HijriMonth, 9, 0),
    (&["ramadhan"], HolidayRule::HijriMonth, 9, 0),
    (&["muharram"], HolidayRule::HijriMonth, 1, 0),
    (&["islamic", "new", "year"], H0, 1, 1),
    (&["hijri", "new", "year"], H0, 1, 1),
    (&["amun", "jadid"], H0, 1, 1),
    (&["ashura"], H0, 1, 10),
    (&["ashoura"], H0, 1, 10),
    (&["mawlid", "al", "nabi"], H0, 3, 12),
    (&["mawlid"], H0, 3, 12),
    (&["milad", "un", "nabi"], H0, 3, 12),
    (&["milad", "ul", "nabi"], H0, 3, 12),
    (&["laylat", "al", "qadr"], H0, 9, 27),
    (&["shab", "e", "qadr"], H0, 9, 27),
    (&["shab", "e", "barat"], H0, 8, 15),
    (&["shab", "e", "miraj"], H0, 7, 27),
    (&["isra", "and", "miraj"], H0, 7, 27),
    (&["arafat", "day"], H0, 12, 9),
    (&["nowruz"], HolidayRule::Persian, 1, 1),
    (&["nawruz"], HolidayRule::Persian, 1, 1),
    (&["norouz"], HolidayRule::Persian, 1, 1),
    (&["norooz"], HolidayRule::Persian, 1, 1),
    (&["navruz"], HolidayRule::Persian, 1, 1),
    (&["nauroz"], HolidayRule::Persian, 1, 1),
    (&["novruz"], HolidayRule::Persian, 1, 1),
    (&["newroz"], HolidayRule::Persian, 1, 1),
    (&["persian", "new", "year"], HolidayRule::Persian, 1, 1),
    (&["afghan", "new", "year"], HolidayRule::Persian, 1, 1),
    (&["iranian", "new", "year"], HolidayRule::Persian, 1, 1),
    (&["orthodox", "easter"], HolidayRule::OrthodoxEaster, 0, 0),
    (&["orthodox", "christmas"], HolidayRule::Fixed, 1, 7),
    (
        &["thanksgiving", "day"],
        HolidayRule::NthWeekday { wd: 4 },
        11,
        4,
    ),
    (&["thanksgiving"], HolidayRule::NthWeekday { wd: 4 }, 11, 4),
    (&["mlk", "day"], HolidayRule::NthWeekday { wd: 1 }, 1, 3),
    (
        &["martin", "luther", "king", "day"],
        HolidayRule::NthWeekday { wd: 1 },
        1,
        3,
    ),
    (
        &["martin", "luther", "king", "jr", "day"],
        HolidayRule::NthWeekday { wd: 1 },
        1,
        3,
    ),
    (
        &["presidents", "day"],
        HolidayRule::NthWeekday { wd: 1 },
        2,
        3,
    ),
    (
        &["memorial", "day"],
        HolidayRule::NthWeekday { wd: 1 },
        5,
        0,
    ),
    (&["labor", "day"], HolidayRule::NthWeekday { wd: 1 }, 9, 1),
    (&["mother", "day"], HolidayRule::NthWeekday { wd: 7 }, 5, 2),
    (&["mothers", "day"], HolidayRule::NthWeekday { wd: 7 }, 5, 2),
    (&["father", "day"], HolidayRule::NthWeekday { wd: 7 }, 6, 3),
    (&["fathers", "day"], HolidayRule::NthWeekday { wd: 7 }, 6, 3),
];

/// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<CivilDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    CivilDate::checked(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// The first word of every holiday name and of every Hijri and Solar Hijri month name,
/// and "solar" and "lunar" ("the solar year 1400") (lowercase, with repeats).
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    FIXED
        .iter()
        .map(|(ws, _, _)| *ws)
        .chain(EASTER.iter().map(|(ws, _)| *ws))
        .chain(NAMED.iter().map(|(ws, _, _, _)| *ws))
        .chain(
            crate::date::calendars::HIJRI_MONTHS
                .iter()
                .map(|(ws, _)| *ws),
        )
        .filter_map(|ws| ws.first().copied())
        .chain(
            crate::date::calendars::PERSIAN_MONTHS
                .iter()
                .map(|(w, _)| *w),
        )
        .chain(["solar", "lunar"])
        .chain(crate::date::holiday_table::first_words())
}

/// The first words of the computed holidays ([`NAMED`]) but those whose names hold "year":
/// heads for the prefilter. "Islamic New Year" is found through "year", and "15 Shawwal
/// 1442", "Hamal 1, 1398", "the solar year 1400" through
/// their numbers and "year", so frequent words of the news khabar reads ("Islamic",
/// "Afghan", "Asad") do not make every position around them a candidate. (The fixed-date
/// names' first words are heads through the prefilter's own list.)
pub(crate) fn head_words() -> impl Iterator<Item = &'static str> {
    NAMED
        .iter()
        .map(|(ws, _, _, _)| *ws)
        .filter(|ws| !ws.contains(&"year"))
        .filter_map(|ws| ws.first().copied())
        .chain(crate::date::holiday_table::first_words())
}

/// Whether a word can start a holiday name (the scan only tries productions at such words).
///
/// The tokens carry the answer from their lexicon lookup ([`crate::date::grammar::Tk`]);
/// this set is its reference.
pub(crate) fn starts_holiday(word: &str) -> bool {
    static FIRST_WORDS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    FIRST_WORDS
        .get_or_init(|| WordSet::new(first_words()))
        .contains(word)
}

/// The first words of the built-in names ([`FIXED`], [`EASTER`], [`NAMED`]), lowercase.
fn builtin_first_words() -> impl Iterator<Item = &'static str> {
    FIXED
        .iter()
        .map(|(ws, _, _)| *ws)
        .chain(EASTER.iter().map(|(ws, _)| *ws))
        .chain(NAMED.iter().map(|(ws, _, _, _)| *ws))
        .filter_map(|ws| ws.first().copied())
}

/// Whether `word` (any ASCII case) is the first word of a built-in name: a token marked as
/// a holiday's first word may start only a name of the names table or a month of another
/// calendar, and [`Grammar::holiday_name`] then leaves its tables unread.
fn starts_builtin(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| WordSet::new(builtin_first_words()))
        .contains(word)
}

impl Grammar<'_> {
    fn words_at(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.word_is(i + k, w))
    }

    /// `words` from token `i` on, skipping hyphens and "'s" between them ("Eid-ul-Fitr",
    /// "Mother's Day"): the end, if they are there.
    pub(crate) fn words_loose(&self, i: usize, words: &[&str]) -> Option<usize> {
        let mut k = i;
        for (n, w) in words.iter().enumerate() {
            if n > 0 {
                while matches!(self.txt(k), "-" | "'s" | "’s") {
                    k += 1;
                }
            }
            if !self.word_is(k, w) {
                return None;
            }
            k += 1;
        }
        Some(k)
    }

    /// A holiday name at `j`: its end, month, day and rule.
    fn holiday_name(&self, j: usize) -> Option<(usize, u8, i8, HolidayRule)> {
        if self.fast && !starts_builtin(self.txt(j)) {
            return None;
        }
        if let Some(&(ws, m, d)) = FIXED.iter().find(|(ws, _, _)| self.words_at(j, ws)) {
            return Some((j + ws.len(), m, i8::try_from(d).ok()?, HolidayRule::Fixed));
        }
        if let Some(&(ws, off)) = EASTER.iter().find(|(ws, _)| self.words_at(j, ws)) {
            return Some((j + ws.len(), 0, off, HolidayRule::Easter));
        }
        NAMED
            .iter()
            .find_map(|&(ws, rule, m, d)| Some((self.words_loose(j, ws)?, m, d, rule)))
    }

    /// A bare "Eid" (at `j`, ending at `e`) names the day only after a temporal preposition
    /// ("on Eid", "before Eid", "ahead of Eid"), with a year or "last"/"next"/"this", or
    /// before a word for its observance ("Eid prayers", "the Eid ceasefire", "Eid
    /// holidays"); elsewhere it is the festival in general ("The Atmosphere of Eid", a
    /// video's title).
    fn bare_eid_is_a_day(&self, j: usize, e: usize) -> bool {
        const BEFORE: &[&str] = &[
            "on", "before", "after", "during", "since", "until", "till", "by", "over", "around",
            "ahead", "last", "next", "this", "for",
        ];
        const AFTER: &[&str] = &[
            "prayers",
            "prayer",
            "holiday",
            "holidays",
            "ceasefire",
            "ceasefires",
            "truce",
            "festival",
            "festivities",
            "celebrations",
            "day",
            "eve",
            "weekend",
            "break",
        ];
        let prev = j.checked_sub(1);
        let cue = prev.is_some_and(|p| {
            BEFORE.iter().any(|w| self.word_is(p, w))
                || (self.word_is(p, "of") && p > 0 && self.word_is(p - 1, "ahead"))
        });
        cue || AFTER.iter().any(|w| self.word_is(e, w))
    }

    /// "the eve of" before a holiday: the token after it.
    fn eve_of(&self, i: usize) -> Option<usize> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        (self.word_is(j, "eve") && self.word_is(j + 1, "of")).then_some(j + 2)
    }

    /// A holiday, with an optional "last"/"next"/"this" or "the eve of" before it and a
    /// year ("Diwali 2019", "Pentecost of last year", "Holi in 2019") or a count of years
    /// ("Lakshmi Puja six years hence", "Thanksgiving in a year") after it. The names are
    /// the built-in ones above and those of the names table ([`crate::date::holiday_table`],
    /// which may follow a "the": "the night journey").
    pub(crate) fn holiday(&self, i: usize) -> Option<(usize, Cal)> {
        let eve = self.eve_of(i);
        let i = eve.unwrap_or(i);
        let (j, shift) = match self.w(i) {
            Some(W::Last) => (i + 1, Some(-1)),
            Some(W::Next) => (i + 1, Some(1)),
            Some(W::This) => (i + 1, Some(0)),
            _ => (i, None),
        };
        let named = if self.is(j, W::The) { j + 1 } else { j };
        // Every name starts with one of the first words: one hash lookup instead of a
        // comparison per name at the many positions that hold none (this runs at every
        // position the calendar productions are tried).
        let starts = |k: usize| self.t.get(k).is_some_and(|t| t.holiday());
        if self.fast && !starts(j) && !starts(named) {
            return None;
        }
        let builtin = self.holiday_name(j);
        let table = self.table_holiday(named);
        let (e, m, d, rule) = match (builtin, table) {
            (Some(b), Some((te, _))) if b.0 >= te => b,
            (_, Some((te, idx))) => (te, 0, 0, HolidayRule::Table { idx }),
            (b, None) => b?,
        };
        let (e, y) = self.holiday_year(e, shift);
        let dated = shift.is_some() || !matches!(y, YearSpec::Unknown);
        if let HolidayRule::Table { idx } = rule {
            let guard = crate::date::holiday_table::holidays()
                .get(usize::from(idx))
                .map(|h| h.guard)?;
            if !self.guard_ok(guard, named, dated) {
                return None;
            }
        }
        if matches!(rule, HolidayRule::Eid { .. })
            && eve.is_none()
            && !matches!(y, YearSpec::Abs(_))
            && !self.bare_eid_is_a_day(j, e)
        {
            return None;
        }
        let (d, rule) = match (eve, rule) {
            (None, r) => (d, r),
            (Some(_), HolidayRule::Hijri { offset }) => {
                (d, HolidayRule::Hijri { offset: offset - 1 })
            }
            (Some(_), HolidayRule::Eid { offset }) => (d, HolidayRule::Eid { offset: offset - 1 }),
            (Some(_), HolidayRule::Easter | HolidayRule::OrthodoxEaster) => (d - 1, rule),
            (Some(_), HolidayRule::Fixed) if d > 1 => (d - 1, rule),
            // The eve of a table holiday: the day before its first day.
            (Some(_), HolidayRule::Table { .. }) => (-1, rule),
            (Some(_), _) => return None,
        };
        Some((e, Cal::Holiday { y, m, d, rule }))
    }

    /// The year after a holiday name ending at `e`: a year or "of last year"
    /// ([`Grammar::year_after`]) unless "last"/"next"/"this" came before it, or a count of
    /// years from now; else the year "last"/"next"/"this" says, or none.
    fn holiday_year(&self, e: usize, shift: Option<i64>) -> (usize, YearSpec) {
        if shift.is_none() {
            if let Some((k, y)) = self.year_after(e) {
                return (k, y);
            }
            if let Some((k, n)) = self.years_from_now(e) {
                return (k, YearSpec::Rel(n));
            }
        }
        (
            e,
            match shift {
                None => YearSpec::Unknown,
                Some(-1) => YearSpec::Prev,
                Some(1) => YearSpec::Next,
                Some(_) => YearSpec::Rel(0),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    /// [`super::starts_builtin`] finds what the tables' word comparisons find: every first
    /// word is lowercase ASCII.
    #[test]
    fn builtin_first_words_are_lowercase_ascii() {
        for w in super::builtin_first_words() {
            assert!(w.is_ascii() && w == w.to_ascii_lowercase(), "{w}");
            assert!(super::starts_builtin(w) && super::starts_builtin(&w.to_uppercase()));
        }
    }
    use super::*;

    /// Reference: Easter Sundays from published tables.
    #[test]
    fn easter_dates() {
        for (y, m, d) in [
            (2010, 4, 4),
            (2016, 3, 27),
            (2018, 4, 1),
            (2019, 4, 21),
            (2020, 4, 12),
            (2024, 3, 31),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(y), CivilDate::checked(y, m, d), "{y}");
        }
    }
}
