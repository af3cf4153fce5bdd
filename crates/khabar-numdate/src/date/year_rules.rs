//! Small named productions around a named year (tested in `tests/date_rules.rs`):
//!
//! | rule | pattern | production | examples |
//! |---|---|---|---|
//! | `year-era` | YEAR (AD \| A.D. \| CE \| C.E. \| BC \| B.C. \| BCE \| B.C.E.) | the year, or before the common era TIMEX3's `BC` year | "in 2014 AD", "14 a.d.", "2014 CE", "in 2014 BC" → BC2014, "44 B.C." → BC0044 |
//! | `nth-last-week` | (the) (ORD \| second … fifth) last week of (YEAR \| MONTH (YEAR)) | the ISO week counted from the year's or month's last | "the third last week of 2018" → 2018-W50, "the second last week of October 2018" → 2018-W43 |

use crate::date::CivilDate;
use crate::date::grammar::{Grammar, Suffix};
use crate::date::lexicon::{Unit, W};
use crate::date::resolve::{Cal, MonthRef, YearSpec};

type R<T> = Option<(usize, T)>;

/// The eras written after a year, and whether they count back (before the common era). The
/// bare forms are read in capitals only (a lowercase "ad" is an advertisement), the dotted
/// ones in any case ("14 a.d."). ("AD 2014", the era first, is read as the year alone: the
/// scan does not start at "AD".)
const ERAS: &[(&str, bool)] = &[
    ("AD", false),
    ("CE", false),
    ("BC", true),
    ("BCE", true),
    ("a.d.", false),
    ("c.e.", false),
    ("b.c.", true),
    ("b.c.e.", true),
];

/// Words before a year that make it a modifier ("the 2017 BC election", British Columbia's),
/// so a bare "BC" after it is not an era.
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our"];

impl Grammar<'_> {
    /// The era at `i` (its end and whether it counts back), its closing period a token of
    /// its own or not ("A.D" "." at the end of a sentence).
    fn era_at(&self, i: usize) -> Option<(usize, bool)> {
        let t = self.txt(i);
        // Every era starts with "a", "b" or "c" in either case: most numbers are followed
        // by something else, and the table is not read for them.
        if !t
            .as_bytes()
            .first()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b'b' | b'c'))
        {
            return None;
        }
        ERAS.iter().find_map(|&(form, bc)| {
            if form.contains('.') {
                // The dotted forms are written in lowercase ASCII: compared in any case
                // without building a lowercase copy of the token.
                if t.eq_ignore_ascii_case(form) {
                    return Some((i + 1, bc));
                }
                let split = form
                    .strip_suffix('.')
                    .is_some_and(|f| t.eq_ignore_ascii_case(f))
                    && self.punct(i + 1, &["."])
                    && self.joined(i);
                split.then_some((i + 2, bc))
            } else {
                (t == form).then_some((i + 1, bc))
            }
        })
    }

    /// `year-era`: "2014 AD", "2014 A.D.", "14 a.d.", "2014 CE" — the year of the common
    /// era; "2014 BC", "44 B.C.", "300 BCE" — a year before it, TIMEX3's `BC2014`. A bare
    /// "BC" after a year with a determiner is British Columbia ("the 2017 BC election").
    pub(crate) fn year_era(&self, i: usize) -> R<Cal> {
        let n = self.num(i)?;
        if n.suffix != Suffix::None || n.digits > 4 || self.txt(i).contains(',') {
            return None;
        }
        let y = n.int().filter(|y| *y >= 1)?;
        // The era follows after spaces on the same line: "188<TAB>BC" is a row of a table.
        let spaced = match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.end..b.start)
                .is_some_and(|gap| gap.bytes().all(|c| c == b' ')),
            _ => false,
        };
        if !spaced {
            return None;
        }
        let (e, bc) = self.era_at(i + 1)?;
        if !bc {
            return Some((e, Cal::year(i32::try_from(y).ok()?)));
        }
        let province = self.txt(i + 1) == "BC"
            && i.checked_sub(1)
                .is_some_and(|p| DETERMINERS.iter().any(|d| self.word_is(p, d)));
        if province {
            return None;
        }
        Some((e, Cal::YearBc(u16::try_from(y).ok()?)))
    }

    /// `nth-last-week`: "the third last week of 2018", "2nd last week of 2019" — the ISO
    /// week `n - 1` weeks before the year's last ISO week; "the second last week of October
    /// 2018", "2nd last week of May" — of a month, the ISO week holding the day `7(n-1)`
    /// days before its last (khabar's week of a month: the ISO week holding its day
    /// `7(n-1)+1`, or for the last its last day).
    pub(crate) fn nth_last_week(&self, i: usize) -> R<Cal> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let n = match (self.w(j), self.num(j)) {
            (Some(W::Ord(n)), _) => u32::from(n),
            (_, Some(t)) if t.suffix == Suffix::Ord => t.int()?,
            _ => return None,
        };
        if !(2..=5).contains(&n)
            || !self.word_is(j + 1, "last")
            || !self.is(j + 2, W::Unit(Unit::Week, false))
            || !self.is(j + 3, W::Of)
        {
            return None;
        }
        if let Some((e, mo)) = self.month(j + 4) {
            let (e, y) = self.year_after(e).unwrap_or((e, YearSpec::Unknown));
            let n = u8::try_from(n).ok()?;
            return Some((
                e,
                Cal::NthLastWeek {
                    n,
                    month: MonthRef::Named(y, mo),
                },
            ));
        }
        let y = self.year_digits(j + 4)?;
        let (_, weeks) = CivilDate::checked(y, 12, 28)?.iso_week();
        let w = weeks.checked_sub(u8::try_from(n - 1).ok()?)?;
        Some((
            j + 5,
            Cal::IsoWeek {
                y: YearSpec::Abs(y),
                w,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::ERAS;
    use crate::date::DayOrder;
    use crate::date::grammar::{Grammar, classify};

    /// The shortcuts of `era_at` hold for the table: every era starts with "a", "b" or "c",
    /// and the dotted forms are lowercase ASCII.
    #[test]
    fn era_table_fits_the_shortcuts() {
        for &(form, _) in ERAS {
            assert!(matches!(
                form.as_bytes()[0].to_ascii_lowercase(),
                b'a' | b'b' | b'c'
            ));
            if form.contains('.') {
                assert_eq!(form, form.to_ascii_lowercase());
            }
        }
    }

    /// The reference for `era_at`: the token lowercased, compared with each form.
    fn era_at_reference(g: &Grammar<'_>, i: usize) -> Option<(usize, bool)> {
        let t = g.txt(i);
        ERAS.iter().find_map(|&(form, bc)| {
            if form.contains('.') {
                let low = t.to_ascii_lowercase();
                if low == form {
                    return Some((i + 1, bc));
                }
                let split = form.strip_suffix('.').is_some_and(|f| f == low)
                    && g.punct(i + 1, &["."])
                    && g.joined(i);
                split.then_some((i + 2, bc))
            } else {
                (t == form).then_some((i + 1, bc))
            }
        })
    }

    proptest::proptest! {
        /// Eras in any case, with and without their closing period, among other words.
        #[test]
        fn era_at_matches_reference(
            ws in proptest::collection::vec(
                "AD|ad|Ad|CE|ce|BC|bc|BCE|Bce|A\\.D\\.|a\\.d|A\\.d\\.|c\\.e\\.|C\\.E|B\\.C\\.|b\\.c|b\\.c\\.e\\.|B\\.C\\.E|ah|Cat|ball|44|2014|\\.|x",
                0..12,
            ),
            spaces in proptest::collection::vec(proptest::bool::ANY, 12),
        ) {
            let mut text = String::new();
            for (k, w) in ws.iter().enumerate() {
                if spaces[k] {
                    text.push(' ');
                }
                text.push_str(w);
            }
            let tokens = khabar_tokenize::tokenize(&text);
            let tks = classify(&text, &tokens);
            let g = Grammar::new(&text, &tokens, &tks, DayOrder::DayFirst);
            for i in 0..tokens.len() {
                proptest::prop_assert_eq!(g.era_at(i), era_at_reference(&g, i));
            }
        }
    }
}
