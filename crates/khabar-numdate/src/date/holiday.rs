//! Holidays with a fixed or computable date: "Christmas", "New Year's Day", "Halloween",
//! "Easter 2018", "last Easter", "Easter Monday".
//!
//! Only holidays whose date does not depend on the country are read: "Independence Day" is
//! July 4 in the United States, August 14 in Pakistan and August 15 in India, so it is left
//! alone; lunar holidays (Eid) need a calendar khabar does not carry.

use crate::date::CivilDate;
use crate::date::grammar::Grammar;
use crate::date::lexicon::{W, WordSet};
use crate::date::resolve::{Cal, YearSpec};

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

/// The first word of every holiday name (lowercase, with repeats).
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    FIXED
        .iter()
        .map(|(ws, _, _)| *ws)
        .chain(EASTER.iter().map(|(ws, _)| *ws))
        .filter_map(|ws| ws.first().copied())
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

impl Grammar<'_> {
    fn words_at(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.word_is(i + k, w))
    }

    /// A holiday, with an optional "last"/"next"/"this" before it and a year after it.
    pub(crate) fn holiday(&self, i: usize) -> Option<(usize, Cal)> {
        let (j, shift) = match self.w(i) {
            Some(W::Last) => (i + 1, Some(-1)),
            Some(W::Next) => (i + 1, Some(1)),
            Some(W::This) => (i + 1, Some(0)),
            _ => (i, None),
        };
        // Every name below starts with one of the first words: one hash lookup instead of a
        // comparison per name at the many positions that hold none (this runs at every
        // position the calendar productions are tried).
        if self.fast && !self.t.get(j).is_some_and(|t| t.holiday()) {
            return None;
        }
        let fixed = FIXED
            .iter()
            .find(|(ws, _, _)| self.words_at(j, ws))
            .map(|&(ws, m, d)| (j + ws.len(), Some((m, d)), 0));
        let (e, md, offset) = fixed.or_else(|| {
            EASTER
                .iter()
                .find(|(ws, _)| self.words_at(j, ws))
                .map(|&(ws, off)| (j + ws.len(), None, off))
        })?;
        let (e, y) = match self.year_after(e) {
            Some((k, y)) if shift.is_none() => (k, y),
            _ => (
                e,
                match shift {
                    None => YearSpec::Unknown,
                    Some(-1) => YearSpec::Prev,
                    Some(1) => YearSpec::Next,
                    Some(_) => YearSpec::Rel(0),
                },
            ),
        };
        Some(match md {
            Some((m, d)) => (
                e,
                Cal::Holiday {
                    y,
                    m,
                    d: i8::try_from(d).ok()?,
                    easter: false,
                },
            ),
            None => (
                e,
                Cal::Holiday {
                    y,
                    m: 0,
                    d: offset,
                    easter: true,
                },
            ),
        })
    }
}

#[cfg(test)]
mod tests {
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
