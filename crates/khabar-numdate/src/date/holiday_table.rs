//! Holidays read from two bundled tables: `data/holiday_names.tsv` (the names, a guard
//! against common words, and the rule that computes the day) and `data/holiday_dates.tsv`
//! (the days of the Hindu, Sikh, Jain and Buddhist festivals, which no calendar library
//! computes). The Christian moveable feasts come from the Easter computus, the Jewish
//! holidays from `icu_calendar`'s Hebrew calendar, Chinese New Year from its Chinese
//! calendar, the Islamic ones from the Umm al-Qura calendar (see [`crate::date::calendars`]).
//!
//! A user adds a holiday by adding a row to the names table (and, for a `table` rule, its
//! days to the dates table); the format is described at the top of each file.

use crate::date::CivilDate;
use crate::date::grammar::Grammar;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const NAMES_TSV: &str = include_str!("../../data/holiday_names.tsv");
const DATES_TSV: &str = include_str!("../../data/holiday_dates.tsv");

/// When a name is read (the `guard` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Guard {
    /// Always.
    Always,
    /// Capitalised in the text, or with a year or "last"/"next"/"this".
    Cap,
    /// A common word or a person's name ("lent", "Rakhi"): with a year or
    /// "last"/"next"/"this", or capitalised after a temporal preposition.
    Cue,
}

/// Israeli remembrance days moved off the Sabbath (the `hebrew … shoah|atzmaut` rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    None,
    /// Yom HaShoah: a Friday moves to Thursday, a Sunday to Monday.
    Shoah,
    /// Yom Ha'atzmaut: a Friday or Saturday moves to Thursday, a Monday to Tuesday.
    Atzmaut,
    /// A fast that falls on the Sabbath is kept on Sunday (Tisha B'Av).
    Sabbath,
}

/// How a holiday's day is computed from the Gregorian year (the `rule` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Easter,
    OrthodoxEaster,
    Fixed {
        m: u8,
        d: u8,
        sunday: i8,
    },
    NearestWeekday {
        m: u8,
        d: u8,
    },
    Nth {
        n: u8,
        wd: u8,
        m: u8,
    },
    /// The Nth weekday of a month, a week earlier when that is Easter Sunday moved by
    /// `easter` days (Earth Hour: the last Saturday of March, not Holy Saturday).
    NthNotEaster {
        n: u8,
        wd: u8,
        m: u8,
        easter: i8,
    },
    Hebrew {
        m: u8,
        d: u8,
        mv: Move,
    },
    Chinese {
        m: u8,
        d: u8,
    },
    Hijri {
        m: u8,
        d: u8,
    },
    FridayBeforeHijri {
        m: u8,
        d: u8,
    },
    Cycle365(CivilDate),
    Table(&'static str),
}

/// One word of a written form: its spellings, and whether it may be left out.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Word {
    spellings: Vec<&'static str>,
    optional: bool,
}

/// A row of the names table.
#[derive(Clone, Debug)]
pub(crate) struct Holiday {
    /// The label (first column), named in the tests' messages.
    #[cfg_attr(not(test), allow(dead_code))]
    label: &'static str,
    forms: Vec<Vec<Word>>,
    pub(crate) guard: Guard,
    rule: Rule,
    offset: i64,
    days: i64,
    /// The local clock times it runs between, when it is an hour of its day (Earth Hour:
    /// 20:30–21:30): the `hours` column.
    hours: Option<Hours>,
}

/// A span of clock times of a day, `(hour, minute)` each.
pub(crate) type Hours = ((u8, u8), (u8, u8));

/// "20:30-21:30" as clock times (the `hours` column), the first before the second.
fn parse_hours(s: &str) -> Option<Hours> {
    let hm = |x: &str| {
        let (h, m) = x.split_once(':')?;
        let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
        (h < 24 && m < 60).then_some((h, m))
    };
    let (a, b) = s.split_once('-')?;
    let (a, b) = (hm(a)?, hm(b)?);
    (a < b).then_some((a, b))
}

/// A malformed row of a bundled table (reported by the tests; such a row is left out).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} line {line}: {what}")]
pub(crate) struct TableError {
    file: &'static str,
    line: usize,
    what: String,
}

fn month_day(s: &str) -> Option<(u8, u8)> {
    let (m, d) = s.split_once('-')?;
    Some((m.parse().ok()?, d.parse().ok()?))
}

fn parse_rule(s: &'static str) -> Option<Rule> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    Some(match parts.as_slice() {
        ["easter"] => Rule::Easter,
        ["orthodox-easter"] => Rule::OrthodoxEaster,
        ["fixed", md] => {
            let (m, d) = month_day(md)?;
            Rule::Fixed { m, d, sunday: 0 }
        }
        ["fixed", md, sun] => {
            let (m, d) = month_day(md)?;
            let sunday = sun.strip_prefix("sunday:")?.parse().ok()?;
            Rule::Fixed { m, d, sunday }
        }
        ["nearest-weekday", md] => {
            let (m, d) = month_day(md)?;
            Rule::NearestWeekday { m, d }
        }
        ["nth", n, wd, m] => Rule::Nth {
            n: n.parse().ok()?,
            wd: wd.parse().ok().filter(|w| (1..=7).contains(w))?,
            m: m.parse().ok()?,
        },
        ["nth", n, wd, m, not] => Rule::NthNotEaster {
            n: n.parse().ok()?,
            wd: wd.parse().ok().filter(|w| (1..=7).contains(w))?,
            m: m.parse().ok()?,
            easter: not.strip_prefix("not-easter:")?.parse().ok()?,
        },
        ["hebrew", md, rest @ ..] => {
            let (m, d) = month_day(md)?;
            let mv = match rest {
                [] => Move::None,
                ["shoah"] => Move::Shoah,
                ["atzmaut"] => Move::Atzmaut,
                ["sabbath"] => Move::Sabbath,
                _ => return None,
            };
            Rule::Hebrew { m, d, mv }
        }
        ["chinese", md] => {
            let (m, d) = month_day(md)?;
            Rule::Chinese { m, d }
        }
        ["hijri", md] => {
            let (m, d) = month_day(md)?;
            Rule::Hijri { m, d }
        }
        ["friday-before-hijri", md] => {
            let (m, d) = month_day(md)?;
            Rule::FridayBeforeHijri { m, d }
        }
        ["cycle365", day] => Rule::Cycle365(day.parse().ok()?),
        ["table", name] => Rule::Table(name),
        _ => return None,
    })
}

fn parse_form(s: &'static str) -> Option<Vec<Word>> {
    let words: Vec<Word> = s
        .split_whitespace()
        .map(|w| {
            let (w, optional) = match w.strip_suffix('?') {
                Some(x) => (x, true),
                None => (w, false),
            };
            Word {
                spellings: w.split('/').filter(|x| !x.is_empty()).collect(),
                optional,
            }
        })
        .collect();
    let ok =
        words.first().is_some_and(|w| !w.optional) && words.iter().all(|w| !w.spellings.is_empty());
    ok.then_some(words)
}

fn parse_names_row(line: &'static str) -> Result<Holiday, String> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    let ([label, names, guard, rule, offset, days], hours) = match cols.as_slice() {
        [a, b, c, d, e, f] => ([*a, *b, *c, *d, *e, *f], None),
        [a, b, c, d, e, f, h] => ([*a, *b, *c, *d, *e, *f], Some(*h)),
        _ => return Err(format!("{} columns, 6 or 7 expected", cols.len())),
    };
    let forms = names
        .split(" ; ")
        .map(|f| parse_form(f.trim()).ok_or_else(|| format!("bad name form '{f}'")))
        .collect::<Result<Vec<_>, _>>()?;
    let guard = match guard {
        "-" => Guard::Always,
        "cap" => Guard::Cap,
        "cue" => Guard::Cue,
        g => return Err(format!("bad guard '{g}'")),
    };
    let rule = parse_rule(rule).ok_or_else(|| format!("bad rule '{rule}'"))?;
    let offset = offset
        .parse()
        .map_err(|_| format!("bad offset '{offset}'"))?;
    let days: i64 = days.parse().map_err(|_| format!("bad days '{days}'"))?;
    if !(1..=366).contains(&days) {
        return Err(format!("days {days} out of 1..=366"));
    }
    let hours = match hours {
        None | Some("-") => None,
        Some(h) => Some(parse_hours(h).ok_or_else(|| format!("bad hours '{h}'"))?),
    };
    Ok(Holiday {
        label,
        forms,
        guard,
        rule,
        offset,
        days,
        hours,
    })
}

/// The data lines of a table: not blank, not a `#` comment, not the header (`first`).
fn data_lines(text: &'static str, first: &str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines().enumerate().filter_map(move |(n, l)| {
        let l = l.trim_end_matches('\r');
        (!l.trim().is_empty() && !l.starts_with('#') && !l.starts_with(first)).then_some((n + 1, l))
    })
}

/// The names table and the rows that could not be read.
fn parse_names() -> (Vec<Holiday>, Vec<TableError>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (line, l) in data_lines(NAMES_TSV, "holiday\tnames") {
        match parse_names_row(l) {
            Ok(h) => rows.push(h),
            Err(what) => errors.push(TableError {
                file: "holiday_names.tsv",
                line,
                what,
            }),
        }
    }
    (rows, errors)
}

type Dates = HashMap<(&'static str, i32), CivilDate>;

/// The dates table (the first day listed for each holiday and year) and the rows that could
/// not be read.
fn parse_dates() -> (Dates, Vec<TableError>) {
    let mut map = Dates::new();
    let mut errors = Vec::new();
    for (line, l) in data_lines(DATES_TSV, "holiday\tdate") {
        let parsed = l
            .split_once('\t')
            .and_then(|(k, d)| Some((k, d.trim().parse::<CivilDate>().ok()?)));
        match parsed {
            Some((k, d)) => {
                map.entry((k, d.year())).or_insert(d);
            }
            None => errors.push(TableError {
                file: "holiday_dates.tsv",
                line,
                what: "expected 'holiday<TAB>YYYY-MM-DD'".into(),
            }),
        }
    }
    (map, errors)
}

/// The holidays of the names table.
pub(crate) fn holidays() -> &'static [Holiday] {
    static ROWS: OnceLock<Vec<Holiday>> = OnceLock::new();
    ROWS.get_or_init(|| parse_names().0)
}

fn dates() -> &'static Dates {
    static DATES: OnceLock<Dates> = OnceLock::new();
    DATES.get_or_init(|| parse_dates().0)
}

/// Every malformed row of the two bundled tables (the tests require none).
#[cfg(test)]
fn table_errors() -> Vec<TableError> {
    let mut e = parse_names().1;
    e.extend(parse_dates().1);
    // A `table` rule naming a holiday without any row in the dates table.
    for h in holidays() {
        if let Rule::Table(name) = h.rule {
            if !dates().keys().any(|(k, _)| *k == name) {
                e.push(TableError {
                    file: "holiday_names.tsv",
                    line: 0,
                    what: format!("{}: no rows for '{name}' in holiday_dates.tsv", h.label),
                });
            }
        }
    }
    e
}

/// The first words (every spelling) of every written form: heads for the prefilter and
/// the holiday flag of the tokens.
pub(crate) fn first_words() -> impl Iterator<Item = &'static str> {
    holidays()
        .iter()
        .flat_map(|h| h.forms.iter())
        .filter_map(|f| f.first())
        .flat_map(|w| w.spellings.iter().copied())
}

/// Text and table word are the same, ignoring ASCII case and the kind of apostrophe.
fn same_word(text: &str, word: &str) -> bool {
    let mut t = text.chars().map(|c| if c == '’' { '\'' } else { c });
    let mut w = word.chars();
    loop {
        match (t.next(), w.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.eq_ignore_ascii_case(&b) => {}
            _ => return false,
        }
    }
}

/// `text` as the table's words are compared with it ([`same_word`]): ASCII case folded, a
/// typographic apostrophe made straight. `same_word(t, w)` is `fold_text(t) ==
/// w.to_ascii_lowercase()`.
fn fold_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '’' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The names table's forms (row, form) by the lower-cased spellings of their first word.
fn forms_by_first_word() -> &'static HashMap<String, Vec<(u16, usize)>> {
    static INDEX: OnceLock<HashMap<String, Vec<(u16, usize)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<String, Vec<(u16, usize)>> = HashMap::new();
        for (idx, h) in holidays().iter().enumerate() {
            let Ok(idx) = u16::try_from(idx) else {
                continue;
            };
            for (f, form) in h.forms.iter().enumerate() {
                for s in form
                    .first()
                    .map(|w| w.spellings.as_slice())
                    .unwrap_or_default()
                {
                    let forms = index.entry(s.to_ascii_lowercase()).or_default();
                    if !forms.contains(&(idx, f)) {
                        forms.push((idx, f));
                    }
                }
            }
        }
        index
    })
}

fn nearest_weekday(d: CivilDate) -> CivilDate {
    match d.weekday() {
        6 => d.add_days(-1),
        7 => d.add_days(1),
        _ => d,
    }
}

/// Hebrew year `hy`, month `m` (1 Tishrei … 6 Adar, Adar II in a leap year … 12 Elul), day
/// `d`, as a Gregorian day.
fn hebrew(hy: i32, m: u8, d: u8) -> Option<CivilDate> {
    use icu_calendar::Date;
    use icu_calendar::cal::Hebrew;
    use icu_calendar::types::MonthCode;
    let code = MonthCode::new_normal(m)?;
    let date = Date::try_new_from_codes(None, hy, code, d, Hebrew::new()).ok()?;
    crate::date::calendars::iso_civil(date.to_iso())
}

fn moved(d: CivilDate, mv: Move) -> CivilDate {
    match (mv, d.weekday()) {
        (Move::Shoah, 5) => d.add_days(-1),
        (Move::Shoah, 7) => d.add_days(1),
        (Move::Atzmaut, 5) => d.add_days(-1),
        (Move::Atzmaut, 6) => d.add_days(-2),
        (Move::Atzmaut, 1) => d.add_days(1),
        (Move::Sabbath, 6) => d.add_days(1),
        _ => d,
    }
}

/// Chinese year (the Gregorian year it begins in) `y`, month `m`, day `d`.
fn chinese(y: i32, m: u8, d: u8) -> Option<CivilDate> {
    use icu_calendar::Date;
    use icu_calendar::cal::ChineseTraditional;
    use icu_calendar::types::MonthCode;
    let code = MonthCode::new_normal(m)?;
    let date = Date::try_new_from_codes(None, y, code, d, ChineseTraditional::new()).ok()?;
    crate::date::calendars::iso_civil(date.to_iso())
}

impl Rule {
    /// The rule's day in Gregorian year `y` moved by `offset` days: the first such day
    /// that falls in `y` (a lunar holiday can fall twice in a year, or, moved, just outside).
    fn day_in(self, y: i32, offset: i64) -> Option<CivilDate> {
        use crate::date::calendars as c;
        let shift = |d: CivilDate| d.add_days(offset);
        let in_year = |ds: &mut dyn Iterator<Item = Option<CivilDate>>| {
            ds.flatten().map(shift).filter(|d| d.year() == y).min()
        };
        match self {
            Rule::Easter => Some(shift(crate::date::holiday::easter(y)?)),
            Rule::OrthodoxEaster => Some(shift(c::orthodox_easter(y)?)),
            Rule::Fixed { m, d, sunday } => {
                let x = CivilDate::checked(y, m, d)?;
                let x = if x.weekday() == 7 {
                    x.add_days(i64::from(sunday))
                } else {
                    x
                };
                Some(shift(x))
            }
            Rule::NearestWeekday { m, d } => {
                Some(shift(nearest_weekday(CivilDate::checked(y, m, d)?)))
            }
            Rule::Nth { n, wd, m } => {
                Some(shift(crate::date::resolve::nth_weekday_of(y, m, n, wd)?))
            }
            Rule::NthNotEaster { n, wd, m, easter } => {
                let x = crate::date::resolve::nth_weekday_of(y, m, n, wd)?;
                let feast = crate::date::holiday::easter(y)?.add_days(i64::from(easter));
                Some(shift(if x == feast { x.add_days(-7) } else { x }))
            }
            Rule::Hebrew { m, d, mv } => in_year(
                &mut [y + 3760, y + 3761]
                    .into_iter()
                    .map(|hy| hebrew(hy, m, d).map(|x| moved(x, mv))),
            ),
            Rule::Chinese { m, d } => {
                in_year(&mut [y - 1, y].into_iter().map(|cy| chinese(cy, m, d)))
            }
            Rule::Hijri { m, d } => in_year(
                &mut [y - 1, y, y + 1]
                    .into_iter()
                    .map(|gy| c::hijri_in_year(gy, m, d)),
            ),
            Rule::FridayBeforeHijri { m, d } => {
                in_year(&mut [y - 1, y, y + 1].into_iter().map(|gy| {
                    let x = c::hijri_in_year(gy, m, d)?;
                    // The last Friday (weekday 5) strictly before it.
                    let back = (i64::from(x.weekday()) - 5 - 1).rem_euclid(7) + 1;
                    Some(x.add_days(-back))
                }))
            }
            Rule::Cycle365(start) => {
                // The 365-day year drifts a day every four Gregorian years: the anniversary
                // is `start` plus 365 days a year, taken from the year before if it falls in y.
                let k = i64::from(y - start.year());
                in_year(
                    &mut [k - 1, k]
                        .into_iter()
                        .map(|n| Some(start.add_days(365 * n))),
                )
            }
            Rule::Table(name) => in_year(
                &mut [y - 1, y, y + 1]
                    .into_iter()
                    .map(|yy| dates().get(&(name, yy)).copied()),
            ),
        }
    }
}

/// The clock times holiday `idx` of the names table runs between, when it is an hour of its
/// day ("Earth Hour": 20:30–21:30).
pub(crate) fn hours(idx: u16) -> Option<Hours> {
    holidays().get(usize::from(idx))?.hours
}

/// The first and last day of holiday `idx` of the names table in Gregorian year `y`; with
/// `eve` the day before its first day ("the eve of Diwali").
pub(crate) fn span(idx: u16, y: i32, eve: bool) -> Option<(CivilDate, CivilDate)> {
    let h = holidays().get(usize::from(idx))?;
    if eve {
        let x = h.rule.day_in(y, h.offset - 1)?;
        return Some((x, x));
    }
    let first = h.rule.day_in(y, h.offset)?;
    Some((first, first.add_days(h.days - 1)))
}

/// Whether holiday `idx` is computed in the Hijri (Umm al-Qura) calendar.
pub(crate) fn is_hijri(idx: u16) -> bool {
    holidays()
        .get(usize::from(idx))
        .is_some_and(|h| matches!(h.rule, Rule::Hijri { .. } | Rule::FridayBeforeHijri { .. }))
}

/// The first words (every spelling, lowercased) of the names of the holidays that are hours
/// of their day (the names table's `hours` column: "Earth Hour").
fn hours_first_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        holidays()
            .iter()
            .filter(|h| h.hours.is_some())
            .flat_map(|h| h.forms.iter())
            .filter_map(|f| f.first())
            .flat_map(|w| w.spellings.iter())
            .map(|s| s.to_ascii_lowercase())
            .collect()
    })
}

impl Grammar<'_> {
    /// Whether some token of the text starts the name of a holiday that is hours of its day.
    /// Where none does, no position can read one (a name is found by its first word, see
    /// [`Grammar::table_holiday`]), and the rule for such holidays skips the full holiday
    /// reading it would otherwise repeat at every position a holiday may start. Worked out
    /// once per text, over the tokens flagged as starting a holiday.
    pub(crate) fn names_hours_holiday(&self) -> bool {
        *self.hours_holiday.get_or_init(|| {
            let words = hours_first_words();
            self.t
                .iter()
                .enumerate()
                .any(|(k, t)| t.holiday() && words.contains(fold_text(self.txt(k)).as_str()))
        })
    }

    /// A written form at token `i`: its end, skipping hyphens and "'s" between words.
    fn form_at(&self, i: usize, form: &[Word]) -> Option<usize> {
        let mut k = i;
        for (n, w) in form.iter().enumerate() {
            let mut at = k;
            if n > 0 {
                while matches!(self.txt(at), "-" | "'s" | "’s") {
                    at += 1;
                }
            }
            if w.spellings.iter().any(|s| same_word(self.txt(at), s)) {
                k = at + 1;
            } else if !w.optional {
                return None;
            }
        }
        Some(k)
    }

    /// The longest holiday name of the names table at token `j`: its end and row. Only the
    /// forms whose first word is the token are tried ([`forms_by_first_word`]; a form's
    /// first word is never optional); `table_holiday_reference` in the tests tries them all.
    pub(crate) fn table_holiday(&self, j: usize) -> Option<(usize, u16)> {
        let forms = forms_by_first_word().get(fold_text(self.txt(j)).as_str())?;
        let mut best: Option<(usize, u16)> = None;
        for &(idx, f) in forms {
            let form = holidays().get(usize::from(idx))?.forms.get(f)?;
            if let Some(e) = self.form_at(j, form) {
                // the index lists a word's forms in table order: on a tie the first row wins
                if best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, idx));
                }
            }
        }
        best
    }

    /// Whether a guarded name at `j` is read: `dated` when a year or "last"/"next"/"this"
    /// comes with it.
    pub(crate) fn guard_ok(&self, guard: Guard, j: usize, dated: bool) -> bool {
        const CUES: &[&str] = &[
            "during",
            "of",
            "before",
            "after",
            "for",
            "until",
            "till",
            "through",
            "throughout",
            "since",
            "in",
            "on",
            "by",
            "over",
        ];
        let cap = self.t.get(j).is_some_and(|t| t.cap());
        match guard {
            Guard::Always => true,
            Guard::Cap => dated || cap,
            Guard::Cue => {
                dated
                    || (cap
                        && j.checked_sub(1)
                            .is_some_and(|p| CUES.iter().any(|w| self.word_is(p, w))))
            }
        }
    }

    /// A count of years from the reference after a holiday: "in a year", "in five years",
    /// "six years hence", "1 year ago", "3 years from now" (negative into the past).
    pub(crate) fn years_from_now(&self, i: usize) -> Option<(usize, i64)> {
        use crate::date::lexicon::Unit;
        use crate::date::lexicon::W;
        let whole = |v: f64| (v.fract() == 0.0 && (1.0..=100.0).contains(&v)).then_some(v as i64);
        if self.is(i, W::In) {
            let (j, v) = self.amount(i + 1)?;
            let n = whole(v?)?;
            return matches!(self.w(j), Some(W::Unit(Unit::Year, _))).then_some((j + 1, n));
        }
        let (j, v) = self.amount(i)?;
        let n = whole(v?)?;
        if !matches!(self.w(j), Some(W::Unit(Unit::Year, _))) {
            return None;
        }
        match self.w(j + 1) {
            Some(W::Ago) => Some((j + 2, -n)),
            Some(W::Hence | W::Later) => Some((j + 2, n)),
            _ if self.word_is(j + 1, "from") && self.word_is(j + 2, "now") => Some((j + 3, n)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_tables_parse() {
        assert_eq!(table_errors(), vec![]);
        assert!(holidays().len() > 80);
    }

    /// Reference: Hebrew-calendar holidays computed by icu agree with published dates
    /// (Rosh Hashanah, Passover and Hanukkah begin at sunset of these days).
    #[test]
    fn hebrew_holidays() {
        let rh = Rule::Hebrew {
            m: 1,
            d: 1,
            mv: Move::None,
        };
        let pesach = Rule::Hebrew {
            m: 7,
            d: 15,
            mv: Move::None,
        };
        let hanukkah = Rule::Hebrew {
            m: 3,
            d: 25,
            mv: Move::None,
        };
        for (rule, y, m, d) in [
            (rh, 2018, 9, 9),
            (rh, 2024, 10, 2),
            (rh, 1990, 9, 19),
            (pesach, 2018, 3, 30),
            (pesach, 2024, 4, 22),
            (pesach, 2000, 4, 19),
            (hanukkah, 2018, 12, 2),
            (hanukkah, 2013, 11, 27),
            (hanukkah, 2024, 12, 25),
        ] {
            assert_eq!(
                rule.day_in(y, -1),
                CivilDate::checked(y, m, d),
                "{rule:?} {y}"
            );
        }
    }

    #[test]
    fn chinese_new_year() {
        let r = Rule::Chinese { m: 1, d: 1 };
        for (y, m, d) in [
            (2013, 2, 10),
            (2014, 1, 31),
            (2018, 2, 16),
            (2020, 1, 25),
            (2033, 1, 31),
        ] {
            assert_eq!(r.day_in(y, 0), CivilDate::checked(y, m, d), "{y}");
        }
    }

    #[test]
    fn moved_days_and_cycles() {
        // Yom Ha'atzmaut 2018: 5 Iyar was a Friday, kept on Thursday 19 April (eve 18).
        let atz = Rule::Hebrew {
            m: 8,
            d: 5,
            mv: Move::Atzmaut,
        };
        assert_eq!(atz.day_in(2018, -1), CivilDate::checked(2018, 4, 18));
        // King's Day: 27 April, the 26th when the 27th is a Sunday (2014).
        let kd = Rule::Fixed {
            m: 4,
            d: 27,
            sunday: -1,
        };
        assert_eq!(kd.day_in(2014, 0), CivilDate::checked(2014, 4, 26));
        assert_eq!(kd.day_in(2018, 0), CivilDate::checked(2018, 4, 27));
        let parsi = Rule::Cycle365(CivilDate::checked(2018, 8, 17).expect("a date"));
        assert_eq!(parsi.day_in(2022, 0), CivilDate::checked(2022, 8, 16));
        assert_eq!(parsi.day_in(2018, 0), CivilDate::checked(2018, 8, 17));
        let wida = Rule::FridayBeforeHijri { m: 10, d: 1 };
        assert_eq!(wida.day_in(2017, 0), CivilDate::checked(2017, 6, 23));
        assert_eq!(wida.day_in(2018, 0), CivilDate::checked(2018, 6, 8));
    }

    #[test]
    fn table_holiday_indexed_equals_every_form_tried() {
        let texts = [
            "On the eve of Eid al-Adha 2018 and on Yom Kippur, Black Friday 2010 sales began.",
            "World Environment Day, King's Day 2018, great fast 2018, Holi and Diwali in 2019.",
            "He lent me a book during Lent; Rakhi Sawant said MI’RAJ and mi'raj, Chinese New Year.",
        ];
        for text in texts {
            assert_same_holidays(text);
        }
    }

    /// The slow reference: every form of every row tried at `j`, the longest kept (the
    /// first row on a tie).
    fn table_holiday_reference(g: &Grammar<'_>, j: usize) -> Option<(usize, u16)> {
        let mut best: Option<(usize, u16)> = None;
        for (idx, h) in holidays().iter().enumerate() {
            for f in &h.forms {
                if let Some(e) = g.form_at(j, f) {
                    if best.is_none_or(|(b, _)| e > b) {
                        best = Some((e, u16::try_from(idx).ok()?));
                    }
                }
            }
        }
        best
    }

    fn assert_same_holidays(text: &str) {
        let tokens = khabar_tokenize::tokenize(text);
        let tks = crate::date::grammar::classify(text, &tokens);
        let g = Grammar::new(text, &tokens, &tks, crate::date::DayOrder::DayFirst);
        for j in 0..tokens.len() {
            assert_eq!(
                g.table_holiday(j),
                table_holiday_reference(&g, j),
                "{text:?} at {j}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn table_holiday_agrees_with_its_reference(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Eid", "al-Adha", "ul", "Fitr", "Yom", "Kippur", "black", "Friday", "King",
                    "'s", "’s", "Day", "great", "fast", "Holi", "lent", "Lent", "chinese",
                    "lunar", "new", "year", "mi'raj", "MI’RAJ", "night", "journey", "2018",
                    "of", "the", "-", ",", "world", "environment", "Diwali", "in",
                ]),
                0..12,
            )
        ) {
            assert_same_holidays(&words.join(" "));
        }
    }

    #[test]
    fn forms_parse() {
        let f = parse_form("chinese lunar? new year/years").expect("a form");
        assert_eq!(f.len(), 4);
        assert!(f[1].optional);
        assert_eq!(f[3].spellings, vec!["year", "years"]);
        assert!(parse_form("the? night journey").is_none());
        assert!(same_word("Mi’raj", "mi'raj"));
    }
}
