//! The date grammar: hand-written productions over classified tokens.
//!
//! Each production looks at a bounded window of tokens from a start position and returns the
//! position after its match, so a scan that tries every production at every token is linear
//! in the input (the window is at most a few dozen tokens; nothing is re-scanned after a
//! match). The extractor keeps the longest match at each position.

use crate::date::lexicon::{self, DayPart, Season, Unit, W};
use crate::date::prefilter;
use crate::date::resolve::{Cal, MonthRef, YearSpec};
use crate::date::{DayOrder, TemporalMod};
use crate::digit_token::DigitReading;
use khabar_tokenize::{Token, TokenKind};

/// What a number token carries after its digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Suffix {
    None,
    /// "21st", "9th".
    Ord,
    /// "1990s".
    Plural,
    /// "3h", "3day", "3.5years".
    Unit(Unit),
    /// "2016H2", "2017Q1".
    Half(u8),
    Quarter(u8),
    /// "3pm", "8a.m".
    Am,
    Pm,
    Other,
}

/// A number token, parsed.
///
/// A document's numbers are all kept at once ([`Classes::nums`]), so this is kept to 16
/// bytes: the integer value is stored without an `Option` around it ([`NumTok::int`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumTok {
    pub(crate) val: f64,
    /// The integer value, when `whole`.
    int_value: u32,
    /// No decimal point, and the value fits in a `u32`.
    whole: bool,
    /// Digits before any decimal point, when written without separators (else 0).
    pub(crate) digits: u8,
    pub(crate) suffix: Suffix,
}

impl NumTok {
    /// A number of value `val`, integer value `int` (when it has no decimal point and fits
    /// a `u32`), `digits` digits before any decimal point (0 when written with separators)
    /// and suffix `suffix`. Read from a token by [`crate::digit_token::DigitReading`].
    pub(crate) fn new(val: f64, int: Option<u32>, digits: u8, suffix: Suffix) -> NumTok {
        NumTok {
            val,
            int_value: int.unwrap_or(0),
            whole: int.is_some(),
            digits,
            suffix,
        }
    }

    /// The integer value when there is no decimal point and it fits.
    pub(crate) fn int(&self) -> Option<u32> {
        self.whole.then_some(self.int_value)
    }
}

/// A token with what the grammar needs to know about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tk {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
    pub(crate) w: Option<W>,
    /// For a number, 1 + its index in [`Classes::nums`] (0: not a number): numbers are a
    /// few tokens in a hundred, and their 16 bytes live beside the tokens, not in each.
    num: u32,
    /// The yes/no classes below, one bit each: a document has one `Tk` per token, all alive
    /// at once, so they are kept small.
    flags: u8,
}

/// The classified tokens of a text: one [`Tk`] per token, and the parsed numbers they
/// point to ([`Grammar::num`] reads both).
pub(crate) struct Classes {
    pub(crate) t: Vec<Tk>,
    pub(crate) nums: Vec<NumTok>,
}

impl std::ops::Deref for Classes {
    type Target = [Tk];

    fn deref(&self) -> &[Tk] {
        &self.t
    }
}

impl Tk {
    const CAP: u8 = 1;
    const HEAD: u8 = 2;
    const HOLIDAY: u8 = 4;
    const OPENS: u8 = 8;
    const INERT: u8 = 16;

    /// Whether the token is a number (its value: [`Grammar::num`]).
    pub(crate) fn has_num(&self) -> bool {
        self.num != 0
    }

    /// First character is uppercase.
    pub(crate) fn cap(&self) -> bool {
        self.flags & Tk::CAP != 0
    }

    /// Whether the token can carry a date expression (see [`crate::date::prefilter`]).
    pub(crate) fn head(&self) -> bool {
        self.flags & Tk::HEAD != 0
    }

    /// Whether a holiday name starts with the token
    /// ([`crate::date::holiday::starts_holiday`], from the same lookup as `w`).
    pub(crate) fn holiday(&self) -> bool {
        self.flags & Tk::HOLIDAY != 0
    }

    /// Whether some production can begin at the token
    /// ([`crate::date::prefilter::could_start`]).
    pub(crate) fn opens(&self) -> bool {
        self.flags & Tk::OPENS != 0
    }

    /// A plain word no production reads: not a head, outside the lexicon's table (see
    /// [`crate::date::prefilter::CONTEXT_WORDS`]). No match has one before its first head.
    pub(crate) fn inert(&self) -> bool {
        self.flags & Tk::INERT != 0
    }
}

/// Classify the tokens of `text`: one lexicon lookup per word gives its meaning, whether
/// it is a head, whether a holiday starts with it and whether a production can begin at
/// it, so that no later step looks the word up again.
pub(crate) fn classify(text: &str, tokens: &[Token]) -> Classes {
    let mut out = Classes::with_capacity(tokens.len());
    let index = crate::word_index::index();
    for t in tokens {
        let s = t.text(text);
        let (_, words) = index.classify(text, t, s);
        let num = match t.kind {
            TokenKind::Number => DigitReading::of(s).as_date(),
            _ => None,
        };
        out.push(
            t,
            s,
            prefilter::Shape::of_token(text, t, s),
            words.date,
            num,
        );
    }
    out
}

impl Classes {
    /// Room for `n` tokens.
    pub(crate) fn with_capacity(n: usize) -> Classes {
        Classes {
            t: Vec::with_capacity(n),
            nums: Vec::new(),
        }
    }

    /// Classifies the next token, `t`, of text `s`, shape `shape` and date-lexicon entry
    /// `entry` (what [`lexicon::lookup_entry`] gives for `s`, found by the word's hash:
    /// [`crate::word_index`]; see [`classify`]); `num` is the number a number token's digits
    /// read as ([`DigitReading::as_date`]), `None` for other tokens.
    #[inline(always)]
    pub(crate) fn push(
        &mut self,
        t: &Token,
        s: &str,
        shape: prefilter::Shape,
        entry: lexicon::Entry,
        num: Option<NumTok>,
    ) {
        let (mut tk, num) = classify_token(t, s, shape, entry, num);
        if let Some(n) = num {
            // Past u32::MAX numbers the rest would read as no number: never in practice
            // (a text of over 4 GB of digits), and refused rather than wrapped.
            if let Ok(k) = u32::try_from(self.nums.len() + 1) {
                self.nums.push(n);
                tk.num = k;
            }
        }
        self.t.push(tk);
    }
}

/// One token's [`Tk`]. Every field is worked out first and the token built once at the
/// end: filling a built one in field by field made the copy into the vector wait on the
/// small writes before it (this loop runs once per token of every document). Inlined into
/// [`Classes::push`], so that the token is written straight into the vector. `s` is the
/// token's text, `shape` its [`prefilter::Shape`], `entry` its date-lexicon entry and `num`
/// the number its digits read as (see [`Classes::push`]).
#[inline(always)]
fn classify_token(
    t: &Token,
    s: &str,
    shape: prefilter::Shape,
    entry: lexicon::Entry,
    num: Option<NumTok>,
) -> (Tk, Option<NumTok>) {
    let cap = match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.starts_with(|c: char| c.is_uppercase()),
    };
    let (w, num, head, holiday, opens, inert) = match t.kind {
        TokenKind::Word => {
            let found = entry.found;
            let w = found.flatten();
            let head = prefilter::word_is_head_shaped(s, found, shape);
            let inert = !head && found.is_none() && !entry.holiday && !entry.context;
            // A plain word outside the table opens something only if it is a head or starts
            // a holiday (see `prefilter::opens`): most words of a text are neither, and skip
            // the comparisons.
            let opens = w.is_some()
                || ((head || entry.holiday || found.is_some())
                    && prefilter::opens(s, t.kind, w, false, entry.holiday, found));
            (w, None, head, entry.holiday, opens, inert)
        }
        TokenKind::Number => {
            let head = prefilter::other_is_head(t.kind, num.is_some());
            let opens = prefilter::opens(s, t.kind, None, num.is_some(), false, None);
            (None, num, head, false, opens, false)
        }
        _ => {
            // Only words start holidays, but the token kinds are the tokenizer's business:
            // ask the lexicon for anything that begins with a letter.
            let holiday =
                s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) && entry.holiday;
            let head = prefilter::other_is_head(t.kind, false);
            let opens = prefilter::opens(s, t.kind, None, false, holiday, None);
            (None, None, head, holiday, opens, false)
        }
    };
    let flag = |yes: bool, bit: u8| if yes { bit } else { 0 };
    let tk = Tk {
        start: t.span.start,
        end: t.span.end,
        kind: t.kind,
        w,
        num: 0,
        flags: flag(cap, Tk::CAP)
            | flag(head, Tk::HEAD)
            | flag(holiday, Tk::HOLIDAY)
            | flag(opens, Tk::OPENS)
            | flag(inert, Tk::INERT),
    };
    (tk, num)
}

/// A clock time or a part of the day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Clock {
    Hm(u8, u8),
    /// With seconds: "7:56:30 am".
    Hms(u8, u8, u8),
    Part(DayPart),
}

/// The modifiers of a range's two ends, `[from, to]`.
pub(crate) type EndMods = [Option<TemporalMod>; 2];

/// A range whose ends are unmodified.
pub(crate) const NO_END_MODS: EndMods = [None, None];

/// The meaning of a match.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Sem {
    Cal(Cal),
    Time(Option<Cal>, Clock),
    /// An amount (None = unspecified, "several years") of a unit.
    Dur(Option<f64>, Unit),
    Ref(&'static str),
    /// A range between two calendar values, each end with its own START / MID / END
    /// ("from mid-2015 to late 2016").
    Range(Cal, Cal, EndMods),
    /// A clock-time range on an optional day: "between 9 p.m. and 11 p.m.", "from 10am to
    /// 2pm on Tuesday".
    TimeRange(Option<Cal>, (u8, u8), (u8, u8)),
    /// A range from a time of one day to a time of another, ISO 8601's slash interval:
    /// "2015-03-28 17:00:00/2015-03-29 21:00:00".
    DateTimeRange(Cal, Clock, Cal, Clock),
    /// The ISO week containing a day: "the week of November 30th".
    WeekOf(Cal),
    /// The period between a day and that day moved by `n` units: "within 2 weeks from
    /// today".
    ShiftRange(Cal, Unit, i64),
    /// A day moved by `n` units: "3 days after January 12th".
    Shift(Cal, Unit, i64),
    /// A weekday (1 = Monday … 7 = Sunday) in the Sunday-to-Saturday week of a day moved by
    /// `n` units: "Monday two weeks from now", "3 weeks after Christmas on Friday".
    WeekdayNear(u8, Cal, Unit, i64),
    /// The first (`true`) or last `n` days, or whole Monday-to-Sunday weeks, of a year:
    /// "the first ten days of last year", "the last 3 weeks of this year".
    YearPart(YearSpec, Unit, u16, bool),
    /// A compound duration, "1 year 1 month 21 days" (up to four parts, `len` used).
    Compound([(f64, Unit); 4], u8),
    /// A compound duration before or after the anchor: "1 month 21 days ago" (sign -1),
    /// "2 years 21 days later" (sign 1, anaphoric).
    CompoundRel([(f64, Unit); 4], u8, i64, bool),
    /// The `n`th weekday `wd` after (n > 0) or before (n < 0) a day, or (n = 0) the one
    /// closest to it: "the third Tuesday after Christmas 2014", "the closest Monday to Oct
    /// 5th" (rule `weekday-from`).
    WeekdayFrom(u8, i8, Cal),
    /// A set: every `n` units, or every weekday.
    SetUnit(Option<f64>, Unit),
    SetWeekday(u8),
    /// A day of every month: "the 19th of every month" → `XXXX-XX-19`.
    SetMonthDay(u8),
    /// A part of every day: "every morning" → `TMO`.
    SetPart(DayPart),
    /// A fiscal ('F') or school ('S') year: `FY2018`, `SYXXXX`. Its months depend on the
    /// country and the institution, so it has no interval.
    NamedYear(u8, YearSpec),
    /// A time every day or every given weekday: "every Tuesday at 9am", "3pm each day".
    SetTime(Option<u8>, (u8, u8)),
}

/// A match: token range `[start, end)`, meaning and modifier.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Match {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) sem: Sem,
    pub(crate) modifier: Option<TemporalMod>,
}

pub(crate) struct Grammar<'a> {
    pub(crate) text: &'a str,
    /// The tokens `t` was classified from (for the shared number parser).
    pub(crate) tokens: &'a [Token],
    pub(crate) t: &'a [Tk],
    /// The numbers the tokens of `t` point to.
    nums: &'a [NumTok],
    pub(crate) day_order: DayOrder,
    /// `cal(i)` results.
    memo: std::cell::RefCell<Memo<R<Cal>>>,
    /// `clock_read(i, ctx)` results (see [`Grammar::clock_read`]).
    pub(crate) clock_memo: std::cell::RefCell<Memo<Option<crate::date::clock::ClockRead>>>,
    /// Whether some token starts the name of a holiday that is hours of its day (worked out
    /// on first use: see [`Grammar::names_hours_holiday`]).
    pub(crate) hours_holiday: std::cell::OnceCell<bool>,
    /// Whether the productions may skip work with their cheap necessary tests (always, but
    /// in the tests that compare them with the reference: every production tried in full).
    pub(crate) fast: bool,
}

impl<'a> Grammar<'a> {
    /// A grammar over classified tokens `t` of `text` (`tokens` are the raw tokens).
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        classes: &'a Classes,
        day_order: DayOrder,
    ) -> Grammar<'a> {
        Grammar {
            text,
            tokens,
            t: &classes.t,
            nums: &classes.nums,
            day_order,
            memo: std::cell::RefCell::new(Memo::new()),
            clock_memo: std::cell::RefCell::new(Memo::new()),
            hours_holiday: std::cell::OnceCell::new(),
            fast: true,
        }
    }

    /// The same grammar without the shortcuts: the reference the fast paths are tested
    /// against.
    #[cfg(test)]
    pub(crate) fn reference(mut self) -> Grammar<'a> {
        self.fast = false;
        self
    }
}

type R<T> = Option<(usize, T)>;

/// Recent results of a production asked about the same position several times
/// ([`Grammar::cal`], [`Grammar::clock_read`]), by key (the token position, and for clock
/// times the context) modulo [`Memo::SLOTS`]. The scan moves forward and the productions ask
/// at most a few dozen tokens ahead of it, so a small ring remembers every position still
/// asked about; a table per token of a long document cost more in page faults than it
/// saved. A key whose slot was taken by another is computed again: the same answer. The
/// ring is allocated on first use (a short document may never ask).
pub(crate) struct Memo<T> {
    slots: Vec<Option<(usize, T)>>,
}

impl<T: Copy> Memo<T> {
    const SLOTS: usize = 256;

    fn new() -> Memo<T> {
        Memo { slots: Vec::new() }
    }

    fn get(&self, key: usize) -> Option<T> {
        match self.slots.get(key % Self::SLOTS)? {
            Some((k, r)) if *k == key => Some(*r),
            _ => None,
        }
    }

    fn put(&mut self, key: usize, r: T) {
        if self.slots.is_empty() {
            self.slots = vec![None; Self::SLOTS];
        }
        if let Some(slot) = self.slots.get_mut(key % Self::SLOTS) {
            *slot = Some((key, r));
        }
    }
}

/// The result for `key` in `memo`, or `compute`'s, remembered. (No borrow is held while
/// `compute` runs: productions ask for other positions of the same memo.)
pub(crate) fn memoized<T: Copy>(
    memo: &std::cell::RefCell<Memo<T>>,
    key: usize,
    compute: impl FnOnce() -> T,
) -> T {
    if let Some(hit) = memo.borrow().get(key) {
        return hit;
    }
    let r = compute();
    memo.borrow_mut().put(key, r);
    r
}

/// Word classes that may introduce a bare year or a bare month name.
fn is_cue(w: Option<W>) -> bool {
    matches!(
        w,
        Some(
            W::In
                | W::Since
                | W::By
                | W::During
                | W::Until
                | W::Early
                | W::Mid
                | W::Late
                | W::Last
                | W::Next
                | W::This
                | W::Of
                | W::From
                | W::Between
                | W::And
                | W::To
                | W::Later
                | W::Earlier
                | W::Season(_)
                | W::Month(_)
                | W::Fiscal
                | W::About
                | W::Or
                | W::Unit(Unit::Year, false)
                | W::End
                | W::Beginning
                | W::Middle
                | W::The
                | W::On
                | W::Over
        )
    )
}

impl<'a> Grammar<'a> {
    pub(crate) fn w(&self, i: usize) -> Option<W> {
        self.t.get(i).and_then(|t| t.w)
    }

    pub(crate) fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    pub(crate) fn txt(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    pub(crate) fn word_is(&self, i: usize, s: &str) -> bool {
        self.txt(i).eq_ignore_ascii_case(s)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.t.get(i).map(|t| t.kind)
    }

    /// The number at token `i`, if it is one.
    pub(crate) fn num(&self, i: usize) -> Option<NumTok> {
        let k = usize::try_from(self.t.get(i)?.num).ok()?;
        self.nums.get(k.checked_sub(1)?).copied()
    }

    /// Token `i` ends exactly where token `i + 1` starts.
    pub(crate) fn joined(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    pub(crate) fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && set.contains(&self.txt(i))
    }

    pub(crate) fn is_dash(&self, i: usize) -> bool {
        self.punct(i, &["-", "–", "—", "‑"])
    }

    /// Position of the token before `i` that is not an opening parenthesis, if any.
    fn prev_w(&self, i: usize) -> Option<W> {
        i.checked_sub(1).and_then(|p| self.w(p))
    }

    /// Whether the text before token `i` (same sentence, a few tokens) is in the future tense.
    pub(crate) fn future_tense(&self, i: usize) -> bool {
        let lo = i.saturating_sub(8);
        for k in (lo..i).rev() {
            if self.punct(k, &[".", "!", "?", ";"]) {
                return false;
            }
            if self.is(k, W::Will) {
                return true;
            }
            if self.word_is(k, "going") && self.word_is(k + 1, "to") {
                return true;
            }
        }
        false
    }

    // ----- numbers -------------------------------------------------------------------------

    /// A plain integer token (no suffix).
    fn int(&self, i: usize) -> Option<u32> {
        let n = self.num(i)?;
        if n.suffix != Suffix::None {
            return None;
        }
        n.int()
    }

    /// A four-digit year 1000–2999 written without separators.
    pub(crate) fn year_digits(&self, i: usize) -> Option<i32> {
        let n = self.num(i)?;
        if n.suffix != Suffix::None || n.digits != 4 {
            return None;
        }
        let v = n.int()?;
        (1000..=2999).contains(&v).then_some(v as i32)
    }

    /// A day of the month: "24", "9th", "first", "twenty-first", "twenty one" (cardinal
    /// words only when `cards`).
    pub(crate) fn day(&self, i: usize, cards: bool) -> R<u8> {
        if let Some(n) = self.num(i) {
            // "$12 December 27", "$ 12": an amount of money, not a day.
            let money = i.checked_sub(1).is_some_and(|p| {
                self.kind(p) == Some(TokenKind::Symbol)
                    && matches!(self.txt(p), "$" | "€" | "£" | "¥" | "₹" | "Rs")
            });
            if money {
                return None;
            }
            if matches!(n.suffix, Suffix::None | Suffix::Ord) && n.digits >= 1 && n.digits <= 2 {
                let v = n.int()?;
                if (1..=31).contains(&v) {
                    return Some((i + 1, v as u8));
                }
            }
            return None;
        }
        match self.w(i)? {
            W::Ord(n) if (1..=31).contains(&n) => Some((i + 1, n as u8)),
            W::Card(t @ (20 | 30)) => {
                let mut j = i + 1;
                if self.is_dash(j) && self.joined(i) {
                    j += 1;
                }
                match self.w(j) {
                    Some(W::Ord(u)) if (1..=9).contains(&u) && t + u <= 31 => {
                        Some((j + 1, (t + u) as u8))
                    }
                    Some(W::Card(u)) if cards && (1..=9).contains(&u) && t + u <= 31 => {
                        Some((j + 1, (t + u) as u8))
                    }
                    _ if cards => Some((i + 1, t as u8)),
                    _ => None,
                }
            }
            W::Card(n) if cards && (1..=31).contains(&n) => Some((i + 1, n as u8)),
            _ => None,
        }
    }

    /// A year written in words: "two thousand and eighteen" (read by the shared number
    /// parser, [`crate::number::parse_number`]), or as two pairs, "nineteen seventy eight",
    /// "nineteen zero one".
    fn word_year(&self, i: usize) -> R<i32> {
        let Some(W::Card(first)) = self.w(i) else {
            return None;
        };
        let first = u32::from(first);
        if (10..=20).contains(&first) {
            let j = i + 1;
            let second = match self.w(j) {
                Some(W::Card(0)) => match self.w(j + 1) {
                    Some(W::Card(u)) if (1..=9).contains(&u) => Some((j + 2, u32::from(u))),
                    _ => None,
                },
                Some(W::Card(t)) if t >= 10 => match self.amount(j) {
                    Some((e, Some(v))) if v.fract() == 0.0 && v < 100.0 => Some((e, v as u32)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((e, v)) = second {
                return Some((e, (first * 100 + v) as i32));
            }
        }
        let n = crate::number::parse_number(self.text, self.tokens, i)?;
        let words = n.form == crate::number::NumberForm::Words;
        let whole = n.value.fract() == 0.0 && (1000.0..=2999.0).contains(&n.value);
        (words && whole && n.kind == crate::number::NumberKind::Cardinal)
            .then_some((n.tokens.end, n.value as i32))
    }

    /// Whether a day at `i..j` is written as an ordinal ("9th", "first").
    fn day_is_ordinal(&self, i: usize, j: usize) -> bool {
        (i..j).any(|k| {
            matches!(self.w(k), Some(W::Ord(_)))
                || self.num(k).is_some_and(|n| n.suffix == Suffix::Ord)
        })
    }

    /// An amount: digits, number words, "a", "half", "a few", "several"; None = unspecified.
    pub(crate) fn amount(&self, i: usize) -> R<Option<f64>> {
        if let Some(n) = self.num(i) {
            if n.suffix != Suffix::None {
                return None;
            }
            let mut j = i + 1;
            let mut v = n.val;
            // "two and a half", "2 and a half"
            if self.is(j, W::And) && self.is(j + 1, W::A) && self.is(j + 2, W::Half) {
                v += 0.5;
                j += 3;
            }
            return Some((j, Some(v)));
        }
        match self.w(i)? {
            W::Card(t) => {
                let mut j = i + 1;
                let mut v = f64::from(t);
                if t >= 20 && t % 10 == 0 {
                    let k = if self.is_dash(j) && self.joined(i) {
                        j + 1
                    } else {
                        j
                    };
                    if let Some(W::Card(u)) = self.w(k) {
                        if (1..=9).contains(&u) {
                            v += f64::from(u);
                            j = k + 1;
                        }
                    }
                    // "twenty and four"
                    if j == i + 1 && self.is(j, W::And) {
                        if let Some(W::Card(u)) = self.w(j + 1) {
                            if (1..=9).contains(&u) {
                                v += f64::from(u);
                                j += 2;
                            }
                        }
                    }
                }
                if self.is(j, W::And) && self.is(j + 1, W::A) && self.is(j + 2, W::Half) {
                    v += 0.5;
                    j += 3;
                }
                Some((j, Some(v)))
            }
            W::A => {
                if self.is(i + 1, W::Few) {
                    return Some((i + 2, None));
                }
                if self.is(i + 1, W::Couple) {
                    let j = if self.is(i + 2, W::Of) { i + 3 } else { i + 2 };
                    return Some((j, Some(2.0)));
                }
                if self.is(i + 1, W::Dozen) {
                    return Some((i + 2, Some(12.0)));
                }
                if self.is(i + 1, W::Half) {
                    return Some((i + 2, Some(0.5)));
                }
                Some((i + 1, Some(1.0)))
            }
            W::Half => {
                let j = if self.is(i + 1, W::A) { i + 2 } else { i + 1 };
                Some((j, Some(0.5)))
            }
            W::Few | W::Several | W::Many => Some((i + 1, None)),
            // "some days": unspecified (before digits "some" is "about", see the extractor).
            W::Some if matches!(self.w(i + 1), Some(W::Unit(_, true))) => Some((i + 1, None)),
            W::Couple => {
                let j = if self.is(i + 1, W::Of) { i + 2 } else { i + 1 };
                Some((j, Some(2.0)))
            }
            W::Dozen => Some((i + 1, Some(12.0))),
            _ => None,
        }
    }

    // ----- calendar pieces ------------------------------------------------------------------

    /// A month name; a trailing "." joined to it is consumed ("october. 2" is handled by the
    /// caller). `standalone` applies the stricter rules for a month without day or year.
    pub(crate) fn month(&self, i: usize) -> R<u8> {
        match self.w(i)? {
            // "This may take longer": the modal verb after "this"/"that".
            W::Month(5)
                if self.txt(i) == "may"
                    && matches!(self.prev_w(i), Some(W::This | W::That))
                    && self.num(i + 1).is_none() =>
            {
                None
            }
            W::Month(m) => {
                let mut j = i + 1;
                if self.punct(j, &["."]) && self.joined(i) && !self.txt(i).ends_with('.') {
                    // "Oct." tokenized as "Oct" "."; take the period only if a day follows.
                    if self.num(j + 1).is_some()
                        || self.w(j + 1).is_some_and(|w| matches!(w, W::Ord(_)))
                    {
                        j += 1;
                    }
                }
                Some((j, m))
            }
            _ => None,
        }
    }

    /// Whether a month name at `i` may stand alone (no day, no year after it).
    fn month_alone_ok(&self, i: usize) -> bool {
        // Full names are at least four letters; lowercase into a small buffer (no allocation).
        let s = self.txt(i);
        let mut buf = [0u8; 12];
        let n = s.len().min(buf.len());
        for (d, c) in buf.iter_mut().zip(s.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        let low = std::str::from_utf8(buf.get(..n).unwrap_or(&[])).unwrap_or("");
        let full = s.len() <= buf.len()
            && matches!(
                low,
                "january"
                    | "february"
                    | "april"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            );
        let cue = is_cue(self.prev_w(i))
            || i.checked_sub(1)
                .is_some_and(|p| self.punct(p, &["-", "–", "("]))
            || self.month_after_for(i);
        let cap = self.t.get(i).is_some_and(|t| t.cap());
        if full {
            return cap || cue;
        }
        // "May", "March" and abbreviations: capitalised and after a cue word.
        cap && cue && !matches!(self.prev_w(i), Some(W::The))
    }

    /// An optional year after a date: ", 2017", " 2017", ". 2017", " of 2016", "last year".
    pub(crate) fn year_after(&self, i: usize) -> R<YearSpec> {
        let mut j = i;
        if self.punct(j, &[",", "."]) {
            j += 1;
        }
        if self.is(j, W::Of) {
            j += 1;
        }
        // "28 june in 2020"
        if j == i && self.is(j, W::In) && self.year_digits(j + 1).is_some() {
            j += 1;
        }
        if let Some(y) = self.year_digits(j) {
            return Some((j + 1, YearSpec::Abs(y)));
        }
        // "April of 87": a two-digit year after "of" (20xx below 50, else 19xx).
        if self.is(i, W::Of) {
            if let Some(n) = self
                .num(j)
                .filter(|n| n.digits == 2 && n.suffix == Suffix::None)
            {
                let v = i32::try_from(n.int()?).ok()?;
                return Some((
                    j + 1,
                    YearSpec::Abs(if v < 50 { 2000 + v } else { 1900 + v }),
                ));
            }
        }
        if let Some((e, y)) = self.word_year(j) {
            return Some((e, YearSpec::Abs(y)));
        }
        if j == i {
            if let Some((k, n)) = self.rel_year(j) {
                return Some((k, YearSpec::Rel(n)));
            }
        }
        if self.is(i, W::Of) {
            if let Some((k, n)) = self.rel_year(i + 1) {
                return Some((k, YearSpec::Rel(n)));
            }
        }
        None
    }

    /// "last year", "this year", "next year" → year offset.
    fn rel_year(&self, i: usize) -> R<i64> {
        let n = match self.w(i)? {
            W::Last => -1,
            W::This => 0,
            W::Next => 1,
            _ => return None,
        };
        // "this calendar year"
        let i = if self.word_is(i + 1, "calendar") {
            i + 1
        } else {
            i
        };
        if self.is(i + 1, W::Unit(Unit::Year, false)) {
            let mut j = i + 2;
            // "next year's third quarter"
            if self.txt(j) == "'s" || self.txt(j) == "’s" {
                j += 1;
            }
            Some((j, n))
        } else {
            None
        }
    }

    /// "last month", "this month", "next month", "the month" → month offset.
    pub(crate) fn rel_month(&self, i: usize) -> R<i64> {
        let n = match self.w(i)? {
            W::Last => -1,
            W::This | W::The => 0,
            W::Next => 1,
            _ => return None,
        };
        self.is(i + 1, W::Unit(Unit::Month, false))
            .then_some((i + 2, n))
    }

    /// "Wednesday," before a date.
    fn weekday_prefix(&self, i: usize) -> usize {
        let i = if matches!(self.w(i), Some(W::This | W::Next | W::Last))
            && matches!(self.w(i + 1), Some(W::Weekday(_)))
        {
            i + 1
        } else {
            i
        };
        if let Some(W::Weekday(_)) = self.w(i) {
            let mut j = i + 1;
            if self.punct(j, &[",", "."]) {
                j += 1;
            }
            return j;
        }
        i
    }

    /// A date written with digits: "26/1/2018", "2018-01-26", "9-18-15", "4/22".
    fn digit_date(&self, i: usize) -> R<Cal> {
        let t = self.t.get(i)?;
        if t.kind == TokenKind::Date {
            return self.parse_digit_date(self.txt(i), true).map(|c| (i + 1, c));
        }
        if t.kind != TokenKind::Number {
            return None;
        }
        // Dotted dates: "2015.5.13"; "4.22" and "7.6" only right after "on"/"in"/a weekday,
        // where a decimal number would not stand.
        let s = self.txt(i);
        let dots = s.matches('.').count();
        if dots == 2 && s.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return self.parse_digit_date(s, true).map(|c| (i + 1, c));
        }
        if dots == 1 && s.len() <= 5 && s.chars().all(|c| c.is_ascii_digit() || c == '.') {
            if matches!(self.prev_w(i), Some(W::On | W::In | W::Weekday(_))) {
                let (a, b) = s.split_once('.')?;
                if a.len() <= 2 && b.len() <= 2 {
                    return self
                        .parse_digit_date(&format!("{a}/{b}"), false)
                        .map(|c| (i + 1, c));
                }
            }
            return None;
        }
        // Joined runs of numbers and separators: "4/22", "9-18-15", "2015-3".
        if self.num(i)?.suffix != Suffix::None {
            return None;
        }
        let mut j = i;
        let mut seps = Vec::new();
        while self.joined(j)
            && self.punct(j + 1, &["/", "-"])
            && self.joined(j + 1)
            && self.int(j + 2).is_some()
            && seps.len() < 2
        {
            seps.push(self.txt(j + 1));
            j += 2;
        }
        if seps.is_empty() {
            return None;
        }
        // A following joined separator means a longer code ("1-2-3-4"): not a date.
        if self.joined(j) && self.punct(j + 1, &["/", "-", "."]) && self.joined(j + 1) {
            return None;
        }
        let s = self.text.get(t.start..self.t.get(j)?.end)?;
        let prev = self.prev_w(i);
        if seps.len() == 1 {
            // Two-part numeric dates collide with ranges ("5-10") and fractions ("1/2",
            // "6 1/4%"). With a four-digit year part ("2016-11", "3/2015") they are read as
            // year and month; day and month ("4/22") need a "/" or a cue before them, and
            // nothing may be glued after them or stand as a number before them.
            // After a weekday, two rising hours joined by a hyphen are a time range
            // ("Monday 3-8", "next Monday 1-3 pm"), not a date ("Friday 7-6" is).
            let rising_hours = seps.first() == Some(&"-")
                && matches!((self.int(i), self.int(j)), (Some(a), Some(b)) if a < b && b <= 12);
            let cue = matches!(prev, Some(W::On | W::In | W::From | W::To | W::Until))
                || (matches!(prev, Some(W::Weekday(_))) && !rising_hours);
            // Glued to a following word or number ("4/22x"), not to closing punctuation
            // ("on 11/20, 11/22 or 11/25").
            let glued_after = self.joined(j)
                && !(seps.first() == Some(&"/")
                    && self.punct(j + 1, &[",", ".", ";", ":", "?", "!", ")"]));
            let num_before = i.checked_sub(1).is_some_and(|p| self.num(p).is_some());
            let has_year = self.year_digits(i).is_some() || self.year_digits(j).is_some();
            let unit_after = self.w(j + 1).is_some_and(|w| matches!(w, W::Unit(..)));
            if glued_after || num_before || unit_after {
                return None;
            }
            if !(has_year || cue || seps.first() == Some(&"/")) {
                return None;
            }
        }
        self.parse_digit_date(s, seps.len() == 2)
            .map(|c| (j + 1, c))
    }

    /// A range of two slashed digit days joined by a hyphen: "10/1-11/7", "5/1-5/7/2020",
    /// "10/1-11/2/2017", "5/1-5/7, 2020". A year written after the right end is the left
    /// end's too. The "/" on both sides and the hyphen between them tell it from codes and
    /// number ranges.
    pub(crate) fn digit_day_range(&self, i: usize) -> Option<(usize, Cal, Cal)> {
        let slashed = |k: usize| {
            self.int(k).is_some()
                && self.joined(k)
                && self.punct(k + 1, &["/"])
                && self.joined(k + 1)
                && self.int(k + 2).is_some()
        };
        if !slashed(i) || !self.joined(i + 2) || !self.is_dash(i + 3) || !self.joined(i + 3) {
            return None;
        }
        let left = self
            .text
            .get(self.t.get(i)?.start..self.t.get(i + 2)?.end)?;
        let a = self.parse_digit_date(left, false)?;
        let r = i + 4;
        let (mut e, b) = if self.t.get(r)?.kind == TokenKind::Date {
            (r + 1, self.parse_digit_date(self.txt(r), true)?)
        } else if slashed(r) {
            let three = self.joined(r + 2) && self.punct(r + 3, &["/"]) && self.joined(r + 3);
            let end = if three { r + 5 } else { r + 3 };
            let s = self
                .text
                .get(self.t.get(r)?.start..self.t.get(end - 1)?.end)?;
            (end, self.parse_digit_date(s, three)?)
        } else {
            return None;
        };
        if self.joined(e - 1) && self.punct(e, &["/", "-"]) {
            return None;
        }
        let (
            Cal::Date { m: am, d: ad, .. },
            Cal::Date {
                y: by,
                m: bm,
                d: bd,
            },
        ) = (a, b)
        else {
            return None;
        };
        let mut y = by;
        if y == YearSpec::Unknown {
            let k = if self.punct(e, &[","]) { e + 1 } else { e };
            if let Some(yy) = self.year_digits(k) {
                y = YearSpec::Abs(yy);
                e = k + 1;
            }
        }
        Some((
            e,
            Cal::Date { y, m: am, d: ad },
            Cal::Date { y, m: bm, d: bd },
        ))
    }

    /// Parse "d/m/y", "m/d/y", "y-m-d", "m/d", "y-m", "m/y" by value and the day order.
    fn parse_digit_date(&self, s: &str, three: bool) -> Option<Cal> {
        let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
        let nums: Vec<u32> = parts
            .iter()
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
        let full_year = |v: u32, len: usize| -> Option<i32> {
            match len {
                4 => Some(v as i32),
                2 => Some(if v < 50 {
                    2000 + v as i32
                } else {
                    1900 + v as i32
                }),
                _ => None,
            }
        };
        let md = |a: u32, b: u32| -> Option<(u8, u8)> {
            // (month, day) from two numbers, by value then by the configured order.
            let (m, d) = if a > 12 && b <= 12 {
                (b, a)
            } else if b > 12 && a <= 12 {
                (a, b)
            } else if self.day_order == DayOrder::DayFirst {
                (b, a)
            } else {
                (a, b)
            };
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m as u8, d as u8))
        };
        match (nums.as_slice(), lens.as_slice()) {
            ([y, m, d], [4, ..]) => Some(Cal::Date {
                y: YearSpec::Abs(*y as i32),
                m: Some(u8::try_from(*m).ok().filter(|m| (1..=12).contains(m))?),
                d: Some(u8::try_from(*d).ok().filter(|d| (1..=31).contains(d))?),
            }),
            ([a, b, y], [la, lb, ly]) if *la <= 2 && *lb <= 2 => {
                let (m, d) = md(*a, *b)?;
                Some(Cal::Date {
                    y: YearSpec::Abs(full_year(*y, *ly)?),
                    m: Some(m),
                    d: Some(d),
                })
            }
            ([y, m], [4, 1 | 2]) if !three => Some(Cal::Date {
                y: YearSpec::Abs(*y as i32),
                m: Some(u8::try_from(*m).ok().filter(|m| (1..=12).contains(m))?),
                d: None,
            }),
            ([m, y], [1 | 2, 4]) if !three => Some(Cal::Date {
                y: YearSpec::Abs(*y as i32),
                m: Some(u8::try_from(*m).ok().filter(|m| (1..=12).contains(m))?),
                d: None,
            }),
            ([a, b], [1 | 2, 1 | 2]) if !three => {
                let (m, d) = md(*a, *b)?;
                Some(Cal::Date {
                    y: YearSpec::Unknown,
                    m: Some(m),
                    d: Some(d),
                })
            }
            _ => None,
        }
    }

    /// Month first: "September 24, 2017", "March 18. 2017", "Oct. 2", "May 2017",
    /// "September last year", "July".
    fn month_first(&self, i: usize) -> R<Cal> {
        // "this September", "next June", "last Sept": a month relative to the reference.
        let shift = match self.w(i) {
            Some(W::This) => Some(YearSpec::Rel(0)),
            Some(W::Next) => Some(YearSpec::Next),
            Some(W::Last) => Some(YearSpec::Prev),
            _ => None,
        };
        if let Some(y) = shift {
            let (j, m) = self.month(i + 1)?;
            if self.day(j, false).is_some() || self.year_digits(j).is_some() {
                return None;
            }
            return Some((
                j,
                Cal::Date {
                    y,
                    m: Some(m),
                    d: None,
                },
            ));
        }
        // "the month of September"
        let k0 = if self.is(i, W::The) { i + 1 } else { i };
        if self.is(k0, W::Unit(Unit::Month, false)) && self.is(k0 + 1, W::Of) {
            let (j, m) = self.month(k0 + 2)?;
            if let Some((k, y)) = self.year_after(j) {
                return Some((
                    k,
                    Cal::Date {
                        y,
                        m: Some(m),
                        d: None,
                    },
                ));
            }
            return Some((
                j,
                Cal::Date {
                    y: YearSpec::Unknown,
                    m: Some(m),
                    d: None,
                },
            ));
        }
        let (j, m) = self.month(i)?;
        // "August two thousand and fifteen", "June of nineteen ninety nine"
        let jy = if self.is(j, W::Of) { j + 1 } else { j };
        if let Some((e, y)) = self.word_year(jy) {
            if e > jy + 1 {
                return Some((
                    e,
                    Cal::Date {
                        y: YearSpec::Abs(y),
                        m: Some(m),
                        d: None,
                    },
                ));
            }
        }
        // "Month Day [, Year]"
        let mut k = j;
        let ordinal_after_comma =
            self.punct(k, &[","]) && self.num(k + 1).is_some_and(|n| n.suffix == Suffix::Ord);
        if self.is(k, W::The) || ordinal_after_comma {
            k += 1;
        }
        if let Some((k2, d)) = self.day(k, true) {
            // Not "May 2017" read as day 20: a four-digit number is a year.
            let card_word = self.num(k).is_none() && !self.day_is_ordinal(k, k2);
            let ok = self.num(k).is_some() || !card_word || k == j;
            if ok
                && !(self.num(k).is_some()
                    && self.joined(k2.saturating_sub(1))
                    && self.punct(k2, &[":"]))
            {
                if let Some((k3, y)) = self.year_after(k2) {
                    return Some((
                        k3,
                        Cal::Date {
                            y,
                            m: Some(m),
                            d: Some(d),
                        },
                    ));
                }
                return Some((
                    k2,
                    Cal::Date {
                        y: YearSpec::Unknown,
                        m: Some(m),
                        d: Some(d),
                    },
                ));
            }
        }
        // "May 2017", "Jan, 2001", "June of 2020", "September last year"
        let mut k = j;
        if self.punct(k, &[","]) && self.year_digits(k + 1).is_some() {
            k += 1;
        }
        if self.is(k, W::Of) && self.year_digits(k + 1).is_some() {
            k += 1;
        }
        if let Some(y) = self.year_digits(k) {
            return Some((
                k + 1,
                Cal::Date {
                    y: YearSpec::Abs(y),
                    m: Some(m),
                    d: None,
                },
            ));
        }
        // "August 99"
        if let Some(n) = self.num(j) {
            if n.digits == 2 && n.suffix == Suffix::None && n.int().is_some_and(|v| v > 31) {
                let v = n.int().unwrap_or(0) as i32;
                return Some((
                    j + 1,
                    Cal::Date {
                        y: YearSpec::Abs(1900 + v),
                        m: Some(m),
                        d: None,
                    },
                ));
            }
        }
        if let Some((k, n)) = self.rel_year(j) {
            return Some((
                k,
                Cal::Date {
                    y: YearSpec::Rel(n),
                    m: Some(m),
                    d: None,
                },
            ));
        }
        if let Some((k, n)) = self.rel_year(j + 1).filter(|_| self.is(j, W::Of)) {
            return Some((
                k,
                Cal::Date {
                    y: YearSpec::Rel(n),
                    m: Some(m),
                    d: None,
                },
            ));
        }
        if self.month_alone_ok(i) {
            return Some((
                j,
                Cal::Date {
                    y: YearSpec::Unknown,
                    m: Some(m),
                    d: None,
                },
            ));
        }
        None
    }

    /// Day first: "15 June 2016", "1st Jan", "fourth of May", "the 27th", "26th June of 2020",
    /// "20th of next month".
    fn day_first(&self, i: usize) -> R<Cal> {
        let mut j = i;
        if self.is(j, W::The) {
            j += 1;
        }
        let (k, d) = self.day(j, false)?;
        let ordinal = self.day_is_ordinal(j, k);
        let mut k2 = k;
        // "fourth of May", "16. nov. 2016"
        if self.is(k2, W::Of)
            || (self.punct(k2, &["."]) && self.joined(k2 - 1) && self.num(j).is_some())
        {
            k2 += 1;
        }
        if self.is_dash(k2) && self.joined(k2 - 1) {
            k2 += 1;
        }
        if let Some((k3, m)) = self.month(k2) {
            // A plain number before a bare month is only a day when the month is not a
            // modal verb: "20 may" is not a date.
            if !ordinal && self.word_is(k2, "may") && self.year_digits(k3).is_none() {
                return None;
            }
            if let Some((k4, y)) = self.year_after(k3) {
                return Some((
                    k4,
                    Cal::Date {
                        y,
                        m: Some(m),
                        d: Some(d),
                    },
                ));
            }
            return Some((
                k3,
                Cal::Date {
                    y: YearSpec::Unknown,
                    m: Some(m),
                    d: Some(d),
                },
            ));
        }
        if self.is(k, W::Of) {
            if let Some((k3, n)) = self.rel_month(k + 1) {
                return Some((k3, Cal::DayOfRelMonth { d, n }));
            }
        }
        // "the 20th next month"
        if ordinal {
            if let Some((k3, n)) = self.rel_month(k) {
                return Some((k3, Cal::DayOfRelMonth { d, n }));
            }
        }
        // A day alone: "the 27th," (digits with an ordinal suffix, then punctuation or the
        // end), or "the second!", "the 27.", "on 22nd", "on 15" right before the end of the
        // text or a sentence mark, where nothing else could follow a day.
        let next = self.t.get(k);
        let any_punct = next.is_none_or(|t| t.kind == TokenKind::Punct);
        let sentence_end = next.is_none() || self.punct(k, &[".", "!", "?"]);
        let after_on = j == i && i > 0 && self.is(i - 1, W::On);
        let digits_ordinal = j > i && ordinal && self.num(j).is_some();
        if (digits_ordinal && any_punct) || (sentence_end && (j > i || after_on)) {
            {
                return Some((
                    k,
                    Cal::Date {
                        y: YearSpec::Unknown,
                        m: None,
                        d: Some(d),
                    },
                ));
            }
        }
        None
    }

    /// A bare year ("2015"), a decade ("the 1990s"), a year with a season or quarter after it.
    fn year(&self, i: usize) -> R<Cal> {
        self.year_word_year(i)
            .or_else(|| self.decade_digits(i))
            .or_else(|| self.year_glued_part(i))
            .or_else(|| self.year_digits_or_words(i))
    }

    /// `year-word`: "the year 2008", "calendar year 2008", "year 2008" ("fiscal year 2008"
    /// is another year: left to the bare number).
    fn year_word_year(&self, i: usize) -> R<Cal> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let k = if self.word_is(j, "calendar") {
            j + 1
        } else {
            j
        };
        let fiscal = k == i && self.is(i.wrapping_sub(1), W::Fiscal);
        if fiscal || !self.is(k, W::Unit(Unit::Year, false)) {
            return None;
        }
        let y = self.year_digits(k + 1)?;
        Some((k + 2, Cal::year(y)))
    }

    /// `decade-digits`: "1990s", "the 1970's" — a four-digit year ending in 0, plural.
    fn decade_digits(&self, i: usize) -> R<Cal> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let n = self.num(j)?;
        let v = n
            .int()
            .filter(|v| n.digits == 4 && (1000..=2990).contains(v) && v % 10 == 0)?;
        let decade = Cal::Decade(v as i32 / 10);
        if n.suffix == Suffix::Plural {
            return Some((j + 1, decade));
        }
        let apostrophe_s = n.suffix == Suffix::None
            && self.joined(j)
            && matches!(self.txt(j + 1), "'" | "’")
            && self.joined(j + 1)
            && self.word_is(j + 2, "s");
        apostrophe_s.then_some((j + 3, decade))
    }

    /// `year-glued-part`: "2016H2", "2017Q1" — a year with its half or quarter glued on.
    fn year_glued_part(&self, i: usize) -> R<Cal> {
        let n = self.num(i)?;
        let y = n
            .int()
            .filter(|v| n.digits == 4 && (1000..=2999).contains(v))?;
        let y = YearSpec::Abs(y as i32);
        match n.suffix {
            Suffix::Half(h) => Some((i + 1, Cal::Half { y, h })),
            Suffix::Quarter(q) => Some((i + 1, Cal::Quarter { y, q })),
            _ => None,
        }
    }

    /// A year in digits ([`Grammar::year_digits_at`]), or `year-in-words` after a
    /// preposition: "in nineteen twenty eight", "since two thousand and fifteen".
    fn year_digits_or_words(&self, i: usize) -> R<Cal> {
        match self.year_digits(i) {
            Some(y) => self.year_digits_at(i, y),
            None => {
                let after = matches!(
                    self.prev_w(i),
                    Some(W::In | W::Since | W::Of | W::During | W::By)
                );
                let (e, y) = self.word_year(i).filter(|_| after)?;
                (e > i + 1).then_some((e, Cal::year(y)))
            }
        }
    }

    /// The year `y` written in digits at `i`, not money ("$2000"), with what may follow it:
    /// `year-part` "2016 Q3", "2017-Q1", "2019 H2"; then only after a cue or punctuation,
    /// or before punctuation, a conjunction, a season, "the" or a month:
    /// `year-month-number` "2016 / 11", `year-month` "2016 June", `year-the-quarter` "2016
    /// the third quarter", or the year alone.
    fn year_digits_at(&self, i: usize, y: i32) -> R<Cal> {
        const SIGNS: [&str; 7] = ["=", "<", ">", "<=", ">=", "≤", "≥"];
        let money = i.checked_sub(1).is_some_and(|p| {
            self.kind(p) == Some(TokenKind::Symbol)
                && !(self.txt(p) == "©" || SIGNS.contains(&self.txt(p)))
        });
        if money {
            return None;
        }
        if let Some(r) = self.year_part(i, y) {
            return Some(r);
        }
        let prev_ok = is_cue(self.prev_w(i))
            || i.checked_sub(1).is_some_and(|p| {
                self.punct(p, &["(", ",", "-", "–", "—"])
                    || self.txt(p) == "©"
                    || SIGNS.contains(&self.txt(p))
            })
            || i == 0;
        let next_ok = self.t.get(i + 1).is_none_or(|t| t.kind == TokenKind::Punct)
            || matches!(
                self.w(i + 1),
                Some(W::And | W::Or | W::To | W::Until | W::Season(_) | W::The | W::Month(_))
            );
        if !(prev_ok || next_ok) {
            return None;
        }
        self.year_month_number(i, y)
            .or_else(|| self.year_month(i, y))
            .or_else(|| self.year_the_quarter(i, y))
            .or(Some((i + 1, Cal::year(y))))
    }

    /// `year-part`: "2016 Q3", "2017-Q1", "2019 H2" — a year with a quarter or half code
    /// after it.
    fn year_part(&self, i: usize, y: i32) -> R<Cal> {
        let k = if self.punct(i + 1, &["-"]) && self.joined(i) && self.joined(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let y = YearSpec::Abs(y);
        match self.w(k) {
            Some(W::QuarterCode(q)) => Some((k + 1, Cal::Quarter { y, q })),
            Some(W::HalfCode(h)) => Some((k + 1, Cal::Half { y, h })),
            _ => None,
        }
    }

    /// `year-month-number`: "2016 / 11", "2016- 11" — a year and a month number with a
    /// spaced separator (the joined forms are digit dates).
    fn year_month_number(&self, i: usize, y: i32) -> R<Cal> {
        if !self.punct(i + 1, &["-", "/"]) || self.joined(i) && self.joined(i + 1) {
            return None;
        }
        let mo = self.int(i + 2).filter(|&v| (1..=12).contains(&v))?;
        self.num(i + 2).filter(|n| n.digits <= 2)?;
        let c = Cal::Date {
            y: YearSpec::Abs(y),
            m: Some(mo as u8),
            d: None,
        };
        Some((i + 3, c))
    }

    /// `year-month`: "2016 June" (not "2016 June 5", which is a year then a date).
    fn year_month(&self, i: usize, y: i32) -> R<Cal> {
        let (k, m) = self.month(i + 1)?;
        if self.day(k, false).is_some() {
            return None;
        }
        let c = Cal::Date {
            y: YearSpec::Abs(y),
            m: Some(m),
            d: None,
        };
        Some((k, c))
    }

    /// `year-the-quarter`: "2016 the third quarter".
    fn year_the_quarter(&self, i: usize, y: i32) -> R<Cal> {
        if !self.is(i + 1, W::The) {
            return None;
        }
        let (k, q) = self.ord_quarter(i + 2)?;
        let y = YearSpec::Abs(y);
        Some((k, Cal::Quarter { y, q }))
    }

    /// "third quarter", "third- quarter", "third-quarter" → quarter number.
    fn ord_quarter(&self, i: usize) -> R<u8> {
        // "third quarter", "4th quarter"
        let q = match (self.w(i), self.num(i)) {
            (Some(W::Ord(q)), _) => q,
            (_, Some(n)) if n.suffix == Suffix::Ord => n.int()?.try_into().ok()?,
            _ => return None,
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        let mut j = i + 1;
        if self.is_dash(j) {
            j += 1;
        }
        self.is(j, W::Quarter).then_some((j + 1, q as u8))
    }

    /// Seasons, quarters, halves and ISO weeks: "the summer of 2014", "summer 2016",
    /// "this summer", "Q3", "the third quarter of 2016", "the first half of 2019",
    /// "next year's third-quarter", "week 10".
    fn period(&self, i: usize) -> R<Cal> {
        if let Some(r) = self.rel_year_quarter(i) {
            return Some(r);
        }
        let shift = match self.w(i) {
            Some(W::This) => Some(0),
            Some(W::Next) => Some(1),
            Some(W::Last) => Some(-1),
            _ => None,
        };
        let j = if shift.is_some() { i + 1 } else { i };
        let the = self.is(j, W::The) && shift.is_none();
        let j = if the { j + 1 } else { j };
        match self.w(j) {
            Some(W::Season(s)) => return self.season(i, j, s, shift, the),
            // "this Q3" is found from "Q3" (the code alone names the quarter).
            Some(W::QuarterCode(_)) if shift.is_some() => return None,
            Some(W::QuarterCode(q)) => return Some(self.quarter_code(j, q, shift)),
            Some(W::HalfCode(h)) => {
                if let Some(y) = self.year_digits(j + 1) {
                    let y = YearSpec::Abs(y);
                    return Some((j + 2, Cal::Half { y, h }));
                }
            }
            _ => {}
        }
        if the || shift.is_none() {
            return self.ordinal_quarter_or_half(i, j, the);
        }
        None
    }

    /// `rel-year-quarter`: "next year's third-quarter", "last year's 4th quarter".
    fn rel_year_quarter(&self, i: usize) -> R<Cal> {
        let (j, n) = self.rel_year(i)?;
        if j <= i + 2 {
            return None;
        }
        let (k, q) = self.ord_quarter(j)?;
        let y = YearSpec::Rel(n);
        Some((k, Cal::Quarter { y, q }))
    }

    /// `season`: the season word at `j` (after "this"/"next"/"last" giving `shift`, or
    /// `the`) with its year: "next summer", "summer 2014", "the winter of 2013", "spring
    /// of last year", "summer of two thousand and fourteen"; bare after "the" or a cue ("the
    /// summer", "in spring"; "fall" only after "the": it is also a verb).
    fn season(&self, i: usize, j: usize, s: Season, shift: Option<i64>, the: bool) -> R<Cal> {
        let k = j + 1;
        if let Some(n) = shift {
            let y = YearSpec::Rel(n);
            return Some((k, Cal::Season { y, s }));
        }
        let k2 = if self.is(k, W::Of) { k + 1 } else { k };
        if let Some(y) = self.year_digits(k2) {
            let y = YearSpec::Abs(y);
            return Some((k2 + 1, Cal::Season { y, s }));
        }
        if let Some((k3, n)) = self.rel_year(k2) {
            let y = YearSpec::Rel(n);
            return Some((k3, Cal::Season { y, s }));
        }
        if let Some((e, y)) = self.word_year(k2).filter(|&(e, _)| e > k2 + 1) {
            let y = YearSpec::Abs(y);
            return Some((e, Cal::Season { y, s }));
        }
        let cue = the || is_cue(self.prev_w(i));
        let fall = self.word_is(j, "fall");
        (cue && !fall || fall && the).then_some((
            k,
            Cal::Season {
                y: YearSpec::Unknown,
                s,
            },
        ))
    }

    /// `quarter-code`: the code "Q3" at `j` with its year: "Q1-2019", "Q1 of 2017", "Q3
    /// 2016", "Q2 next year", or the year `shift` gives ("next Q3"), else unknown.
    fn quarter_code(&self, j: usize, q: u8, shift: Option<i64>) -> (usize, Cal) {
        let mut k = j + 1;
        if ((self.punct(k, &["-"]) && self.joined(j) && self.joined(k)) || self.is(k, W::Of))
            && self.year_digits(k + 1).is_some()
        {
            k += 1;
        }
        if let Some(y) = self.year_digits(k) {
            let y = YearSpec::Abs(y);
            return (k + 1, Cal::Quarter { y, q });
        }
        if let Some((k2, n)) = self.rel_year(k) {
            let y = YearSpec::Rel(n);
            return (k2, Cal::Quarter { y, q });
        }
        let y = shift.map_or(YearSpec::Unknown, YearSpec::Rel);
        (k, Cal::Quarter { y, q })
    }

    /// `ordinal-quarter`, `ordinal-half`: "the third quarter of 2016", "the first half of
    /// 2019", "the 4th quarter of this year", "second half of next year"; a quarter
    /// without a year only after "the" or as a modifier ("third-quarter results"), a half
    /// never. Anything else at `j` is tried as an ISO week.
    fn ordinal_quarter_or_half(&self, i: usize, j: usize, the: bool) -> R<Cal> {
        let (k, q, half) = if let Some((k, q)) = self.ord_quarter(j) {
            (k, q, false)
        } else if let (Some(W::Ord(h @ (1 | 2))), true) = (self.w(j), self.is(j + 1, W::Half)) {
            (j + 2, h as u8, true)
        } else {
            return self.iso_week(i);
        };
        let (k2, y) = self.period_year(k);
        if half {
            return (y != YearSpec::Unknown).then_some((k2, Cal::Half { y, h: q }));
        }
        if y == YearSpec::Unknown && !the && !crate::date::rules::quarter_as_modifier(self, i, j) {
            return None;
        }
        Some((k2, Cal::Quarter { y, q }))
    }

    /// The year after a quarter or half ending at `k`, and where it ends: "of 2016", "of
    /// two thousand sixteen", "of next year", "of the year", "next year", "2016"; else
    /// unknown.
    fn period_year(&self, k: usize) -> (usize, YearSpec) {
        if self.is(k, W::Of) {
            if let Some(yy) = self.year_digits(k + 1) {
                return (k + 2, YearSpec::Abs(yy));
            }
            if let Some((e, yy)) = self.word_year(k + 1).filter(|&(e, _)| e > k + 2) {
                return (e, YearSpec::Abs(yy));
            }
            if let Some((k3, n)) = self.rel_year(k + 1) {
                return (k3, YearSpec::Rel(n));
            }
            if self.is(k + 1, W::The) && self.is(k + 2, W::Unit(Unit::Year, false)) {
                return (k + 3, YearSpec::Rel(0));
            }
            return (k, YearSpec::Unknown);
        }
        if let Some((k3, n)) = self.rel_year(k) {
            return (k3, YearSpec::Rel(n));
        }
        if let Some(yy) = self.year_digits(k) {
            return (k + 1, YearSpec::Abs(yy));
        }
        (k, YearSpec::Unknown)
    }

    /// "week 10", "the third week of 2027", "the last week of 2015".
    fn iso_week(&self, i: usize) -> R<Cal> {
        if let Some(r) = self.week_number(i) {
            return Some(r);
        }
        let j = if self.is(i, W::The) { i + 1 } else { i };
        if let Some(r) = self.week_ordinal(j).and_then(|n| self.nth_week(j, n)) {
            return Some(r);
        }
        self.capital_week_number(j)
    }

    /// `week-number`: "week 31", "week 3 of 2027", "week 27 of last year" — an ISO week by
    /// number, of this year when no year is named.
    fn week_number(&self, i: usize) -> R<Cal> {
        if !self.is(i, W::Unit(Unit::Week, false)) {
            return None;
        }
        let w = self
            .int(i + 1)
            .filter(|w| (1..=53).contains(w))
            .filter(|_| self.num(i + 1).is_some_and(|n| n.digits <= 2))? as u8;
        if self.is(i + 2, W::Of) {
            if let Some(y) = self.year_digits(i + 3) {
                let y = YearSpec::Abs(y);
                return Some((i + 4, Cal::IsoWeek { y, w }));
            }
            if let Some((e, n)) = self.rel_year(i + 3) {
                let y = YearSpec::Rel(n);
                return Some((e, Cal::IsoWeek { y, w }));
            }
        }
        let y = YearSpec::Rel(0);
        Some((i + 2, Cal::IsoWeek { y, w }))
    }

    /// The ordinal of `nth-week` at `j`: "first" … "fifth", "3rd" (1–5), "last" (0).
    fn week_ordinal(&self, j: usize) -> Option<u8> {
        match self.w(j) {
            Some(W::Ord(n)) if (1..=5).contains(&n) => Some(n as u8),
            Some(W::Last) if self.word_is(j, "last") => Some(0),
            _ => self
                .num(j)
                .filter(|n| n.suffix == Suffix::Ord)
                .and_then(|n| n.int())
                .filter(|n| (1..=5).contains(n))
                .map(|n| n as u8),
        }
    }

    /// `nth-week`: the `n`th (0 = last) week after the ordinal at `j` — of a month ("the
    /// third week of this month", "the last week of July", "3rd week of Jan 2016"), or of
    /// a year by number ("the third week of two thousand sixteen", "the third week next
    /// year", "3rd week of 2018", "the last week of 2015": its last ISO week, the one
    /// holding December 28).
    fn nth_week(&self, j: usize, n: u8) -> R<Cal> {
        if !self.is(j + 1, W::Unit(Unit::Week, false)) {
            return None;
        }
        let of = self.is(j + 2, W::Of);
        let k = if of { j + 3 } else { j + 2 };
        if let Some((e, mo)) = self.rel_month(k) {
            let month = MonthRef::Rel(mo);
            return Some((e, Cal::NthWeek { n, month }));
        }
        if of {
            if let Some((e, mo)) = self.month(k) {
                let (e2, y) = self.year_after(e).unwrap_or((e, YearSpec::Unknown));
                let month = MonthRef::Named(y, mo);
                return Some((e2, Cal::NthWeek { n, month }));
            }
            if let Some((e, y)) = self.word_year(k).filter(|&(e, _)| e > k + 1) {
                let (y, w) = (YearSpec::Abs(y), n.max(1));
                return Some((e, Cal::IsoWeek { y, w }));
            }
        }
        if let Some((e, yr)) = self.rel_year(k).filter(|_| n > 0) {
            let y = YearSpec::Rel(yr);
            return Some((e, Cal::IsoWeek { y, w: n }));
        }
        let y = self.year_digits(j + 3).filter(|_| of)?;
        let w = if n == 0 {
            crate::date::CivilDate::checked(y, 12, 28).map_or(52, |d| d.iso_week().1)
        } else {
            n
        };
        let y = YearSpec::Abs(y);
        Some((j + 4, Cal::IsoWeek { y, w }))
    }

    /// `capital-week-number`: "Week 12" capitalised or opening the text — an ISO week of an
    /// unknown year.
    fn capital_week_number(&self, j: usize) -> R<Cal> {
        let opens = self.t.get(j).is_some_and(|t| t.cap() || j == 0);
        if !self.is(j, W::Unit(Unit::Week, false)) || !opens {
            return None;
        }
        let w = self.int(j + 1).filter(|w| (1..=53).contains(w))? as u8;
        let y = YearSpec::Unknown;
        Some((j + 2, Cal::IsoWeek { y, w }))
    }

    /// Relative days, weeks, months, years: "yesterday", "the day before yesterday",
    /// "last week", "this year", "next month", "the next year", "the previous day".
    fn relative(&self, i: usize) -> R<Cal> {
        match self.w(i)? {
            W::Today => Some((
                i + 1,
                Cal::Rel {
                    unit: Unit::Day,
                    n: 0,
                    anaphoric: false,
                },
            )),
            W::Yesterday => Some((
                i + 1,
                Cal::Rel {
                    unit: Unit::Day,
                    n: -1,
                    anaphoric: false,
                },
            )),
            W::Tomorrow => Some((
                i + 1,
                Cal::Rel {
                    unit: Unit::Day,
                    n: 1,
                    anaphoric: false,
                },
            )),
            W::The => {
                // "the day before yesterday", "the day after tomorrow"
                if self.is(i + 1, W::Unit(Unit::Day, false)) {
                    if self.is(i + 2, W::Earlier) && self.is(i + 3, W::Yesterday) {
                        return Some((
                            i + 4,
                            Cal::Rel {
                                unit: Unit::Day,
                                n: -2,
                                anaphoric: false,
                            },
                        ));
                    }
                    if self.is(i + 2, W::Later) && self.is(i + 3, W::Tomorrow) {
                        return Some((
                            i + 4,
                            Cal::Rel {
                                unit: Unit::Day,
                                n: 2,
                                anaphoric: false,
                            },
                        ));
                    }
                }
                // "the next decade", "the last century": not anaphoric.
                if let (
                    Some(W::Next | W::Last),
                    Some(W::Unit(u @ (Unit::Decade | Unit::Century), false)),
                ) = (self.w(i + 1), self.w(i + 2))
                {
                    let n = if self.is(i + 1, W::Next) { 1 } else { -1 };
                    return Some((
                        i + 3,
                        Cal::Rel {
                            unit: u,
                            n,
                            anaphoric: false,
                        },
                    ));
                }
                // "the weekend": the most recent (or, forward, the coming) one.
                if self.is(i + 1, W::Unit(Unit::Weekend, false)) {
                    return Some((i + 2, Cal::Weekend));
                }
                // "the week after next", "the year after next"
                if let Some(W::Unit(u @ (Unit::Week | Unit::Month | Unit::Year), false)) =
                    self.w(i + 1)
                {
                    if self.is(i + 2, W::Later) && self.word_is(i + 2, "after") {
                        let k = if self.is(i + 3, W::The) { i + 4 } else { i + 3 };
                        if self.is(k, W::Next) {
                            return Some((
                                k + 1,
                                Cal::Rel {
                                    unit: u,
                                    n: 2,
                                    anaphoric: false,
                                },
                            ));
                        }
                    }
                }
                // "the next year", "the following month", "the previous day": anaphoric.
                let n = match self.w(i + 1)? {
                    // "the coming week" is deictic, found from "coming".
                    W::Next if self.word_is(i + 1, "coming") || self.word_is(i + 1, "upcoming") => {
                        return None;
                    }
                    W::Next => 1,
                    W::Last if self.word_is(i + 1, "previous") => -1,
                    _ => return None,
                };
                if let Some(W::Unit(u, false)) = self.w(i + 2) {
                    if matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                        return Some((
                            i + 3,
                            Cal::Rel {
                                unit: u,
                                n,
                                anaphoric: true,
                            },
                        ));
                    }
                }
                // "the following quarter"
                if self.is(i + 2, W::Quarter) {
                    return Some((
                        i + 3,
                        Cal::Rel {
                            unit: Unit::Quarter,
                            n,
                            anaphoric: true,
                        },
                    ));
                }
                None
            }
            w @ (W::Last | W::This | W::Next) => {
                let n = match w {
                    W::Last => -1,
                    W::This => 0,
                    _ => 1,
                };
                if self.word_is(i, "following") {
                    return None;
                }
                match self.w(i + 1)? {
                    W::Unit(u, false) if !matches!(u, Unit::Second | Unit::Minute | Unit::Hour) => {
                        Some((
                            i + 2,
                            Cal::Rel {
                                unit: u,
                                n,
                                anaphoric: false,
                            },
                        ))
                    }
                    W::Quarter => Some((
                        i + 2,
                        Cal::Rel {
                            unit: Unit::Quarter,
                            n,
                            anaphoric: false,
                        },
                    )),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Weekdays: "Friday", "this Friday", "next Sunday", "last Sunday", "past Monday",
    /// "Friday next week", "Friday of next week", "next week on Friday", "this week Friday".
    fn weekday(&self, i: usize) -> R<Cal> {
        let shift_of = |w: Option<W>| match w {
            Some(W::This) => Some(0i64),
            Some(W::Next) => Some(1),
            Some(W::Last) => Some(-1),
            _ => None,
        };
        // "next week on Friday", "this week Friday"
        if let (Some(n), true) = (
            shift_of(self.w(i)),
            self.is(i + 1, W::Unit(Unit::Week, false)),
        ) {
            let mut j = i + 2;
            if self.is(j, W::On) {
                j += 1;
            }
            if let Some(W::Weekday(wd)) = self.w(j) {
                return Some((j + 1, Cal::Weekday { wd, shift: Some(n) }));
            }
            return None;
        }
        let mut j = i;
        let mut shift = shift_of(self.w(j));
        if shift.is_some() {
            j += 1;
        }
        // "past Wednesday", "this past Wednesday": the most recent one.
        if self.word_is(j, "past") {
            j += 1;
            shift = None;
        } else if shift == Some(-1) && self.word_is(j - 1, "past") {
            shift = None;
        }
        let Some(W::Weekday(wd)) = self.w(j) else {
            return None;
        };
        // Ambiguous short forms ("sun", "sat", "wed") need a capital or a cue.
        let short = self.txt(j);
        // Lowercase "thu", "tue", "fri" are no English word (a capital one may be a name:
        // "Nguyen Thi Thu"); "sun", "sat", "wed", "mon" are words.
        let ambiguous = ["sun", "sat", "wed", "mon", "thu", "tue", "fri"]
            .iter()
            .any(|a| short.eq_ignore_ascii_case(a))
            && !["thu", "tue", "fri"].contains(&short);
        if ambiguous
            && shift.is_none()
            && !(self.t.get(j).is_some_and(|t| t.cap()) && is_cue(self.prev_w(j)))
            && !self.is(j.wrapping_sub(1), W::On)
        {
            return None;
        }
        if (short.ends_with('s') || short.ends_with('S')) && short.len() > 6 {
            // "Fridays" is a set, handled elsewhere.
            return None;
        }
        let k = j + 1;
        // "Friday next week", "Friday of next week"
        let mut k2 = k;
        if self.is(k2, W::Of) {
            k2 += 1;
        }
        if let (Some(n), true) = (
            shift_of(self.w(k2)),
            self.is(k2 + 1, W::Unit(Unit::Week, false)),
        ) {
            if shift.is_none() {
                return Some((k2 + 2, Cal::Weekday { wd, shift: Some(n) }));
            }
        }
        Some((k, Cal::Weekday { wd, shift }))
    }

    /// "the first Friday of July", "the second Monday of next month", "first Sunday",
    /// "the last Friday in this month".
    fn nth_weekday(&self, i: usize) -> R<Cal> {
        let the = self.is(i, W::The);
        let j = if the { i + 1 } else { i };
        let n = match self.w(j)? {
            W::Ord(n) if (1..=5).contains(&n) => n as u8,
            // "last Sunday of March 2014" needs no "the" (a month follows, checked below).
            W::Last if self.word_is(j, "last") => 0,
            _ => return None,
        };
        let Some(W::Weekday(wd)) = self.w(j + 1) else {
            return None;
        };
        if self.txt(j + 1).ends_with(['s', 'S']) && self.txt(j + 1).len() > 6 {
            return None;
        }
        let k = j + 2;
        if self.is(k, W::Of) || self.is(k, W::In) {
            if let Some((e, m)) = self.rel_month(k + 1) {
                return Some((
                    e,
                    Cal::NthWeekday {
                        n,
                        wd,
                        month: MonthRef::Rel(m),
                    },
                ));
            }
            if let Some((e, m)) = self.month(k + 1) {
                let (e2, y) = self.year_after(e).unwrap_or((e, YearSpec::Unknown));
                return Some((
                    e2,
                    Cal::NthWeekday {
                        n,
                        wd,
                        month: MonthRef::Named(y, m),
                    },
                ));
            }
        }
        (n > 0).then_some((
            k,
            Cal::NthWeekday {
                n,
                wd,
                month: MonthRef::Rel(0),
            },
        ))
    }

    /// "11 / 2016", "11- 2016": a month number, a spaced separator and a year.
    fn month_number_year(&self, i: usize) -> R<Cal> {
        let mo = self.int(i).filter(|&v| (1..=12).contains(&v))?;
        if self.num(i).is_none_or(|n| n.digits > 2)
            || self.prev_w(i).is_some_and(|w| matches!(w, W::Month(_)))
        {
            return None;
        }
        if !self.punct(i + 1, &["-", "/"]) || (self.joined(i) && self.joined(i + 1)) {
            return None;
        }
        let y = self.year_digits(i + 2)?;
        Some((
            i + 3,
            Cal::Date {
                y: YearSpec::Abs(y),
                m: Some(mo as u8),
                d: None,
            },
        ))
    }

    /// "the 21st century", "the fifteenth century" → 20, 14.
    fn century(&self, i: usize) -> R<Cal> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let n = match (self.num(j), self.w(j)) {
            (Some(n), _) if n.suffix == Suffix::Ord => n.int()?,
            (None, Some(W::Ord(n))) => u32::from(n),
            _ => return None,
        };
        if !(1..=30).contains(&n) || !self.is(j + 1, W::Unit(Unit::Century, false)) {
            return None;
        }
        Some((j + 2, Cal::Century(n as i32 - 1)))
    }

    /// Every calendar production; the longest wins.
    pub(crate) fn cal(&self, i: usize) -> R<Cal> {
        // The scan asks for the same position from several productions: memoize.
        memoized(&self.memo, i, || self.cal_uncached(i))
    }

    fn cal_uncached(&self, i: usize) -> R<Cal> {
        let wd_end = self.weekday_prefix(i);
        let mut best: R<Cal> = None;
        let mut consider = |r: R<Cal>| {
            if let Some((e, c)) = r {
                if best.is_none_or(|(b, _)| e > b) {
                    best = Some((e, c));
                }
            }
        };
        consider(self.digit_date(i));
        consider(self.month_first(i));
        consider(self.day_first(i));
        if wd_end > i {
            // Before the plain day readings: on a tie the weekday-checked reading wins.
            // The month is the most recent one whose 15th is a Friday (see WeekdayDay).
            if self.is(wd_end, W::The) && wd_end == i + 1 {
                if let (Some(W::Weekday(wd)), Some((e, d))) =
                    (self.w(i), self.day(wd_end + 1, true))
                {
                    consider(Some((e, Cal::WeekdayDay { wd, d })));
                }
            }
            // "Fri 14th", "Friday 31!": a day of the month right after the weekday, written
            // as an ordinal or closing the clause ("Monday 21 people" is not a date).
            if wd_end == i + 1 {
                if let (Some(W::Weekday(wd)), Some((e, d))) = (self.w(i), self.day(wd_end, false)) {
                    let ordinal = self.num(wd_end).is_some_and(|n| n.suffix == Suffix::Ord)
                        || matches!(self.w(wd_end), Some(W::Ord(_)));
                    let closes = self.t.get(e).is_none_or(|t| {
                        t.kind == TokenKind::Punct && !self.punct(e, &["/", "-", ":", "."])
                    }) || self.punct(e, &["."]) && self.t.get(e + 1).is_none();
                    if ordinal || closes {
                        consider(Some((e, Cal::WeekdayDay { wd, d })));
                    }
                }
            }
            consider(self.digit_date(wd_end));
            consider(self.month_first(wd_end));
            consider(self.day_first(wd_end));
            // "Friday (Jun-15)", "friday-jun-15"
            // "Friday the 15th", "Thursday the twenty first"
            let mut k = wd_end;
            let next_to_weekday = matches!(self.w(wd_end.wrapping_sub(1)), Some(W::Weekday(_)));
            if next_to_weekday && self.punct(k, &["(", "-"]) {
                k += 1;
                if let Some((e, c)) = self.month_day_dash(k) {
                    let e = if self.punct(e, &[")"]) { e + 1 } else { e };
                    consider(Some((e, c)));
                }
            }
        }
        consider(self.month_day_dash(i));
        consider(self.year(i));
        consider(self.year_modifier(i));
        consider(self.nth_day_of_month(i));
        consider(self.other_calendar_date(i));
        consider(self.other_calendar_year(i));
        consider(self.period(i));
        consider(self.relative(i));
        consider(self.weekday(i));
        consider(self.nth_weekday(i));
        consider(self.month_number_year(i));
        consider(self.century(i));
        consider(self.holiday(i));
        consider(self.glued(i));
        consider(self.compact_date(i));
        consider(self.nth_of(i));
        consider(self.decade_words(i));
        // "last week of 2016", "3rd week of Jan" (with "the" they come through `period`).
        consider(self.iso_week(i));
        consider(self.year_era(i));
        consider(self.nth_last_week(i));
        best
    }

    /// Decades written short or spelled, after "the" or "in": "the 70s", "the '40s", "the
    /// 70's", "in 90 s", "in 1990 s", "the seventies", "the noughties", "the nineteen
    /// seventies", "the twenty-tens", "the two thousands".
    fn decade_words(&self, i: usize) -> R<Cal> {
        if !matches!(self.w(i), Some(W::The)) && !self.is(i.wrapping_sub(1), W::In) {
            return None;
        }
        let mut j = if self.is(i, W::The) { i + 1 } else { i };
        if matches!(self.txt(j), "'" | "’") && self.joined(j) {
            j += 1;
        }
        const TENS: [(&str, u8); 9] = [
            ("noughties", 0),
            ("twenties", 2),
            ("thirties", 3),
            ("forties", 4),
            ("fifties", 5),
            ("sixties", 6),
            ("seventies", 7),
            ("eighties", 8),
            ("nineties", 9),
        ];
        let tens_word = |k: usize| {
            TENS.iter()
                .find(|(w, _)| self.word_is(k, w))
                .map(|&(_, t)| t)
        };
        if let Some(n) = self.num(j) {
            let v = n.int()?;
            // "70s", "70's", "90 s", "1990 s"
            let plural_at = |k: usize| {
                if n.suffix == Suffix::Plural {
                    Some(k)
                } else if n.suffix == Suffix::None
                    && self.joined(j)
                    && matches!(self.txt(j + 1), "'" | "’")
                    && self.joined(j + 1)
                    && self.word_is(j + 2, "s")
                {
                    Some(k + 2)
                } else if n.suffix == Suffix::None && self.word_is(j + 1, "s") {
                    Some(k + 1)
                } else {
                    None
                }
            };
            let e = plural_at(j + 1)?;
            return match n.digits {
                2 if v % 10 == 0 => Some((e, Cal::ShortDecade((v / 10) as u8))),
                4 if v % 10 == 0 && (1000..=2990).contains(&v) => {
                    Some((e, Cal::Decade((v / 10) as i32)))
                }
                _ => None,
            };
        }
        if let Some(t) = tens_word(j) {
            return Some((j + 1, Cal::ShortDecade(t)));
        }
        // "nineteen seventies", "twenty-tens", "two thousands", "two thousand and tens"
        let century = match self.w(j) {
            Some(W::Card(19)) => Some((j + 1, 19)),
            Some(W::Card(20)) if self.is_dash(j + 1) => Some((j + 2, 20)),
            Some(W::Card(2)) if self.is(j + 1, W::Thousand) || self.word_is(j + 1, "thousands") => {
                Some((j + 2, 20))
            }
            _ => None,
        };
        let (k, c) = century?;
        if let Some(t) = tens_word(k) {
            return Some((k + 1, Cal::Decade(c * 10 + i32::from(t))));
        }
        if self.word_is(k, "tens") {
            return Some((k + 1, Cal::Decade(c * 10 + 1)));
        }
        if self.is(k, W::And) && self.word_is(k + 1, "tens") {
            return Some((k + 2, Cal::Decade(c * 10 + 1)));
        }
        if c == 20 && self.word_is(k - 1, "thousands") {
            return Some((k, Cal::Decade(200)));
        }
        None
    }

    /// "mar4", "april22", "22april", "january12,2016", "dec31 , 1994": a month name and a day
    /// written as one token.
    fn glued(&self, i: usize) -> R<Cal> {
        let (m, d) = glued_month_day(self.txt(i))?;
        let (e, y) = self
            .year_after(i + 1)
            .filter(|&(_, y)| matches!(y, YearSpec::Abs(_)))
            .unwrap_or((i + 1, YearSpec::Unknown));
        Some((
            e,
            Cal::Date {
                y,
                m: Some(m),
                d: Some(d),
            },
        ))
    }

    /// "20161016": an eight-digit year, month and day (years 1900–2099, a real date).
    fn compact_date(&self, i: usize) -> R<Cal> {
        let n = self.num(i)?;
        if n.digits != 8 || n.suffix != Suffix::None {
            return None;
        }
        let v = n.int()?;
        let (y, m, d) = (v / 10_000, (v / 100) % 100, v % 100);
        if !(1900..=2099).contains(&y) {
            return None;
        }
        let (y, m, d) = (y as i32, m as u8, d as u8);
        crate::date::CivilDate::checked(y, m, d)?;
        Some((
            i + 1,
            Cal::Date {
                y: YearSpec::Abs(y),
                m: Some(m),
                d: Some(d),
            },
        ))
    }

    /// "the 15th day of next month", "the twenty third day of September", "the 9th month
    /// of next year", "the third month of 2021".
    fn nth_of(&self, i: usize) -> R<Cal> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let (k, n) = self.day(j, false)?;
        let is_ord = self.num(j).is_some_and(|x| x.suffix == Suffix::Ord)
            || matches!(self.w(j), Some(W::Ord(_)))
            || matches!(self.w(k - 1), Some(W::Ord(_)));
        if !is_ord || !self.is(k + 1, W::Of) {
            return None;
        }
        match self.w(k)? {
            W::Unit(Unit::Day, false) => {
                if let Some((e, mo)) = self.rel_month(k + 2) {
                    return Some((e, Cal::DayOfRelMonth { d: n, n: mo }));
                }
                let (e, mo) = self.month(k + 2)?;
                let (e, y) = self.year_after(e).unwrap_or((e, YearSpec::Unknown));
                Some((
                    e,
                    Cal::Date {
                        y,
                        m: Some(mo),
                        d: Some(n),
                    },
                ))
            }
            W::Unit(Unit::Month, false) if n <= 12 => {
                if let Some(y) = self.year_digits(k + 2) {
                    return Some((
                        k + 3,
                        Cal::Date {
                            y: YearSpec::Abs(y),
                            m: Some(n),
                            d: None,
                        },
                    ));
                }
                let (e, r) = self.rel_year(k + 2)?;
                Some((
                    e,
                    Cal::Date {
                        y: YearSpec::Rel(r),
                        m: Some(n),
                        d: None,
                    },
                ))
            }
            _ => None,
        }
    }

    /// "jun-15", "jan/1", "jan-1", "2019-sep-1", "28-nov", "1-jan".
    fn month_day_dash(&self, i: usize) -> R<Cal> {
        if let Some(y) = self.year_digits(i) {
            if self.joined(i) && self.punct(i + 1, &["-", "/"]) && self.joined(i + 1) {
                if let Some((j, m)) = self.month(i + 2) {
                    if self.joined(j - 1) && self.punct(j, &["-", "/"]) && self.joined(j) {
                        let (k, d) = self.day(j + 1, false)?;
                        return Some((
                            k,
                            Cal::Date {
                                y: YearSpec::Abs(y),
                                m: Some(m),
                                d: Some(d),
                            },
                        ));
                    }
                }
            }
            return None;
        }
        // "05-Aug-2016", "23/sep/2020", "28-nov"
        if let Some((j, d)) = self.day(i, false) {
            if self.num(i).is_some()
                && self.joined(i)
                && self.punct(j, &["-", "/"])
                && self.joined(j)
            {
                let (k, m) = self.month(j + 1)?;
                if self.joined(k - 1) && self.punct(k, &["-", "/"]) && self.joined(k) {
                    if let Some(y) = self.year_digits(k + 1) {
                        return Some((
                            k + 2,
                            Cal::Date {
                                y: YearSpec::Abs(y),
                                m: Some(m),
                                d: Some(d),
                            },
                        ));
                    }
                }
                return Some((
                    k,
                    Cal::Date {
                        y: YearSpec::Unknown,
                        m: Some(m),
                        d: Some(d),
                    },
                ));
            }
            return None;
        }
        let (j, m) = self.month(i)?;
        if self.joined(i) && self.punct(j, &["-", "/"]) && self.joined(j) {
            // "Dec-2018"
            if let Some(y) = self.year_digits(j + 1) {
                return Some((
                    j + 2,
                    Cal::Date {
                        y: YearSpec::Abs(y),
                        m: Some(m),
                        d: None,
                    },
                ));
            }
            let (k, d) = self.day(j + 1, false)?;
            return Some((
                k,
                Cal::Date {
                    y: YearSpec::Unknown,
                    m: Some(m),
                    d: Some(d),
                },
            ));
        }
        None
    }
}

/// The spelled decades, in order.
pub(crate) const DECADE_WORDS: [&str; 9] = [
    "noughties",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// A spelled decade: "seventies", "noughties" (the scan starts productions at these words).
pub(crate) fn is_decade_word(w: &str) -> bool {
    DECADE_WORDS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

/// A month name and a day glued into one word: "mar4", "april22", "22april".
pub(crate) fn glued_month_day(s: &str) -> Option<(u8, u8)> {
    // Byte searches: an ASCII digit byte is always a whole character, and the first byte of
    // any other character is not a digit, so these are the character positions (without
    // decoding every character of every word the scan looks at).
    let first_digit = s.bytes().position(|b| b.is_ascii_digit())?;
    let (a, b) = if first_digit == 0 {
        let k = s.bytes().position(|b| !b.is_ascii_digit())?;
        (s.get(k..)?, s.get(..k)?)
    } else {
        (s.get(..first_digit)?, s.get(first_digit..)?)
    };
    if a.len() < 3 || b.is_empty() || b.len() > 2 || !b.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let Some(W::Month(m)) = lexicon::lookup(a) else {
        return None;
    };
    let d: u8 = b.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document has one [`Tk`] per token, all alive at once: on a long document their
    /// memory (and the page faults to get it) is a large part of the time.
    #[test]
    fn token_classes_stay_small() {
        eprintln!("Tk: {} bytes", std::mem::size_of::<Tk>());
        assert!(std::mem::size_of::<Option<NumTok>>() <= 16);
        assert!(std::mem::size_of::<Tk>() <= 32);
    }

    /// Reference for [`glued_month_day`]'s searches: by characters, as `str::find` does.
    fn glued_month_day_by_chars(s: &str) -> Option<(u8, u8)> {
        let first_digit = s.find(|c: char| c.is_ascii_digit())?;
        let (a, b) = if first_digit == 0 {
            let k = s.find(|c: char| !c.is_ascii_digit())?;
            (s.get(k..)?, s.get(..k)?)
        } else {
            (s.get(..first_digit)?, s.get(first_digit..)?)
        };
        if a.len() < 3 || b.is_empty() || b.len() > 2 || !b.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let Some(W::Month(m)) = lexicon::lookup(a) else {
            return None;
        };
        let d: u8 = b.parse().ok().filter(|d| (1..=31).contains(d))?;
        Some((m, d))
    }

    /// The text `rule` reads from the first token of `text` on, if any (the rule's
    /// examples below: an empty string is "reads nothing").
    fn reads(rule: &dyn Fn(&Grammar<'_>, usize) -> R<Cal>, text: &str) -> String {
        let tokens = khabar_tokenize::tokenize(text);
        let tks = classify(text, &tokens);
        let g = Grammar::new(text, &tokens, &tks, DayOrder::DayFirst);
        rule(&g, 0)
            .and_then(|(e, _)| {
                let end = tks.get(e.checked_sub(1)?)?.end;
                text.get(..end)
            })
            .unwrap_or("")
            .to_string()
    }

    /// Each `(text, read)`: the rule reads `read` from the start of `text`.
    fn check(rule: impl Fn(&Grammar<'_>, usize) -> R<Cal>, examples: &[(&str, &str)]) {
        for &(text, want) in examples {
            assert_eq!(reads(&rule, text), want, "{text:?}");
        }
    }

    #[test]
    fn year_productions() {
        check(
            |g: &Grammar<'_>, i| g.year_word_year(i),
            &[
                ("the year 2008 was", "the year 2008"),
                ("calendar year 2008", "calendar year 2008"),
                ("year 2008", "year 2008"),
                ("the year ahead", ""),
            ],
        );
        check(
            |g: &Grammar<'_>, i| g.decade_digits(i),
            &[
                ("the 1990s", "the 1990s"),
                ("1970's", "1970's"),
                ("1975s", ""),
            ],
        );
        check(
            |g: &Grammar<'_>, i| g.year_glued_part(i),
            &[("2016H2", "2016H2"), ("2017Q1", "2017Q1"), ("2017", "")],
        );
        check(
            |g: &Grammar<'_>, i| g.year_digits_or_words(i),
            &[
                ("2016 Q3", "2016 Q3"),
                ("2017-Q1", "2017-Q1"),
                ("2016 / 11", "2016 / 11"),
                ("2016 June", "2016 June"),
                ("2016 June 5", "2016"),
                ("2016 the third quarter", "2016 the third quarter"),
                ("2016.", "2016"),
                ("nineteen twenty eight", ""),
            ],
        );
    }

    #[test]
    fn period_productions() {
        check(
            |g: &Grammar<'_>, i| g.rel_year_quarter(i),
            &[
                ("next year's third-quarter", "next year's third-quarter"),
                ("next year", ""),
            ],
        );
        check(
            |g: &Grammar<'_>, i| g.period(i),
            &[
                ("next summer", "next summer"),
                ("summer 2014", "summer 2014"),
                ("the winter of 2013", "the winter of 2013"),
                ("spring of last year", "spring of last year"),
                ("the summer", "the summer"),
                ("the fall", "the fall"),
                ("fall", ""),
                ("Q1-2019", "Q1-2019"),
                ("Q1 of 2017", "Q1 of 2017"),
                ("Q3", "Q3"),
                ("this Q3", ""),
                ("H1 2019", "H1 2019"),
                ("the third quarter of 2016", "the third quarter of 2016"),
                ("the first half of 2019", "the first half of 2019"),
                ("the 4th quarter of the year", "the 4th quarter of the year"),
                ("second half of next year", "second half of next year"),
                ("the first half", ""),
                ("the third quarter", "the third quarter"),
                ("week 10", "week 10"),
            ],
        );
    }

    #[test]
    fn week_productions() {
        check(
            |g: &Grammar<'_>, i| g.week_number(i),
            &[
                ("week 31", "week 31"),
                ("week 3 of 2027", "week 3 of 2027"),
                ("week 27 of last year", "week 27 of last year"),
                ("week 54", ""),
            ],
        );
        check(
            |g: &Grammar<'_>, i| g.iso_week(i),
            &[
                (
                    "the third week of this month",
                    "the third week of this month",
                ),
                ("the last week of July", "the last week of July"),
                ("3rd week of Jan 2016", "3rd week of Jan 2016"),
                ("the third week next year", "the third week next year"),
                ("3rd week of 2018", "3rd week of 2018"),
                ("the last week of 2015", "the last week of 2015"),
                ("the sixth week of 2015", ""),
                ("Week 12", "Week 12"),
            ],
        );
        check(
            |g: &Grammar<'_>, i| g.capital_week_number(i),
            &[("Week 12", "Week 12"), ("Week 60", "")],
        );
    }

    #[test]
    fn glued_month_day_examples() {
        assert_eq!(glued_month_day("mar4"), Some((3, 4)));
        assert_eq!(glued_month_day("22April"), Some((4, 22)));
        assert_eq!(glued_month_day("april32"), None);
        assert_eq!(glued_month_day("é4"), None);
    }

    proptest::proptest! {
        #[test]
        fn glued_month_day_matches_char_search(
            s in "[0-9]{0,3}(mar|april|Dec|é|ü|x){0,2}[0-9é]{0,3}|\\PC{0,8}"
        ) {
            proptest::prop_assert_eq!(glued_month_day(&s), glued_month_day_by_chars(&s));
        }
    }
}
