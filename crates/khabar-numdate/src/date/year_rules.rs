//! Small named productions around a named year (tested in `tests/date_rules.rs`):
//!
//! | rule | pattern | production | examples |
//! |---|---|---|---|
//! | `year-era` | YEAR (AD \| A.D. \| CE \| C.E.) | the year | "in 2014 AD", "2014 A.D.", "2014 CE" |
//! | `nth-last-week` | (the) (ORD \| second … fifth) last week of (YEAR \| MONTH (YEAR)) | the ISO week counted from the year's or month's last | "the third last week of 2018" → 2018-W50, "the second last week of October 2018" → 2018-W43 |

use crate::date::CivilDate;
use crate::date::grammar::{Grammar, Suffix};
use crate::date::lexicon::{Unit, W};
use crate::date::resolve::{Cal, MonthRef, YearSpec};

type R<T> = Option<(usize, T)>;

/// The era written after a year of the common era, in capitals or with dots: a lowercase
/// "ad" is an advertisement. ("AD 2014", the era first, is read as the year alone: the
/// scan does not start at "AD".)
const ERAS: &[&str] = &["AD", "A.D.", "A.D", "CE", "C.E.", "C.E"];

impl Grammar<'_> {
    fn era_at(&self, i: usize) -> bool {
        ERAS.contains(&self.txt(i))
    }

    /// `year-era`: "2014 AD", "2014 A.D.", "2014 CE".
    pub(crate) fn year_era(&self, i: usize) -> R<Cal> {
        let y = self.year_digits(i)?;
        self.era_at(i + 1).then_some((i + 2, Cal::year(y)))
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
