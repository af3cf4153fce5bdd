//! Clock times: "11:58", "8:00am", "3.30pm", "7 p.m.", "seven p m", "4 o'clock", "half
//! past seven", "ten past 9 in the evening", "noon", "12 noon", "mid night".
//!
//! A bare number is a time only where the context says so: "at 5" after a day ("Sat at
//! 5"), "from 7 to 9" before a day ("… last night"). [`ClockCtx`] carries that context; a
//! reading tells whether it was written as a time on its own ([`ClockRead::marked`]) and
//! whether its half of the day is known ([`ClockRead::meridiem`]), so that ranges and parts
//! of the day can complete it ("from 2 to 4pm" → 14:00–16:00, "tonight around 7" → 19:00).

use crate::date::grammar::{Grammar, Suffix};
use crate::date::lexicon::{DayPart, W};
use khabar_tokenize::TokenKind;

/// How much the surrounding text already says that a time follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ClockCtx {
    /// Nothing: only forms that are times on their own ("3pm", "11:58", "noon").
    Plain,
    /// After "at" or "@": also "7p", "9a" and spelled times with minutes ("seven
    /// twenty-seven").
    At,
    /// Beside a day or inside a time range: also bare hours ("Sat at 5") and "6.45".
    Day,
}

/// One clock reading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct ClockRead {
    /// Token after the reading.
    pub(crate) end: usize,
    pub(crate) h: u8,
    pub(crate) m: u8,
    /// Seconds, when written ("7:56:30 am").
    pub(crate) s: Option<u8>,
    /// The half of the day is known: am/pm, a 24-hour value over 12, noon, midnight or a
    /// part of the day ("in the evening").
    pub(crate) meridiem: bool,
    /// Written as a time on its own (not a bare number).
    pub(crate) marked: bool,
    /// "11ish", "noonish": approximate.
    pub(crate) approx: bool,
}

/// The hour a part of the day gives an hour without am/pm: "7 in the evening" is 19:00,
/// "10 at night" 22:00, "12 in the morning" midnight.
pub(crate) fn hour_in_part(h: u8, p: DayPart) -> u8 {
    match p {
        DayPart::Morning if h == 12 => 0,
        DayPart::Afternoon | DayPart::Evening if h < 12 => h + 12,
        DayPart::Night if (5..12).contains(&h) => h + 12,
        DayPart::Night if h == 12 => 0,
        _ => h,
    }
}

fn apply_pm(h: u8, pm: bool) -> u8 {
    match (pm, h) {
        (false, 12) => 0,
        (true, h) if h < 12 => h + 12,
        (_, h) => h,
    }
}

/// "am", "pm", "a.m.", "p m", "p . m ." after a number: the end and whether it is pm.
fn meridiem_word(g: &Grammar<'_>, j: usize) -> Option<(usize, bool)> {
    match g.w(j) {
        Some(W::Am) => return Some((j + 1, false)),
        Some(W::Pm) => return Some((j + 1, true)),
        _ => {}
    }
    let pm = if g.word_is(j, "p") {
        true
    } else if g.word_is(j, "a") {
        false
    } else {
        return None;
    };
    let mut k = j + 1;
    // "p . m ." keeps both periods; "p m." leaves the sentence's period out.
    let spaced = g.punct(k, &["."]);
    if spaced {
        k += 1;
    }
    if !g.word_is(k, "m") {
        return None;
    }
    k += 1;
    if spaced && g.punct(k, &["."]) {
        k += 1;
    }
    Some((k, pm))
}

/// "H.MM" (a decimal written as a time): hour 0–23, exactly two minute digits below 60.
fn dotted(s: &str) -> Option<(u8, u8, &str)> {
    let (h, rest) = s.split_once('.')?;
    let mm = rest.get(..2)?;
    let tail = rest.get(2..)?;
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if !mm.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: u8 = h.parse().ok()?;
    let m: u8 = mm.parse().ok()?;
    (h <= 23 && m <= 59).then_some((h, m, tail))
}

/// The am/pm written right after the digits of a number token ("00am", "7p", "8.30pm").
fn tail_meridiem(tail: &str, short: bool) -> Option<Option<bool>> {
    let mut buf = [0u8; 4];
    let low = match buf.get_mut(..tail.len()) {
        Some(b) if tail.is_ascii() => {
            b.copy_from_slice(tail.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or("?")
        }
        // Longer than "p.m." or not ASCII: no meridiem.
        _ => "?",
    };
    match low {
        "" => Some(None),
        "am" | "a.m" | "a.m." => Some(Some(false)),
        "pm" | "p.m" | "p.m." => Some(Some(true)),
        "a" if short => Some(Some(false)),
        "p" if short => Some(Some(true)),
        _ => None,
    }
}

/// A spelled number 0–59: "seven", "thirty", "forty five", "twenty-seven".
fn spelled_minutes(g: &Grammar<'_>, i: usize) -> Option<(usize, u8)> {
    let Some(W::Card(n)) = g.w(i) else {
        return None;
    };
    let n = u8::try_from(n).ok().filter(|n| *n < 60)?;
    if n >= 20 && n % 10 == 0 {
        let k = if g.is_dash(i + 1) { i + 2 } else { i + 1 };
        if let Some(W::Card(u)) = g.w(k) {
            if (1..=9).contains(&u) {
                return Some((k + 1, n + u as u8));
            }
        }
    }
    Some((i + 1, n))
}

/// Whether a clock reading can start at token `i`: every form below starts with a time
/// token, a number, a word ending in "ish", or one of the words "noon", "midnight", "mid",
/// "half", "quarter" or a spelled number. Most tokens are none of these, and three
/// productions ask at every position the scan tries.
fn may_start_clock(g: &Grammar<'_>, i: usize) -> bool {
    g.t.get(i).is_some_and(|t| {
        t.kind == TokenKind::Time
            || t.has_num()
            || matches!(
                t.w,
                Some(W::Noon | W::Midnight | W::Mid | W::Half | W::Quarter | W::Card(_))
            )
            || (t.w == Some(W::A) && g.is(i + 1, W::Quarter))
            || g.txt(i)
                .as_bytes()
                .last_chunk::<3>()
                .is_some_and(|e| e.eq_ignore_ascii_case(b"ish"))
    })
}

/// An hour 1–12, in digits (no suffix) or spelled.
fn plain_hour(g: &Grammar<'_>, i: usize) -> Option<u8> {
    let t = g.t.get(i)?;
    let h = match (g.num(i), t.w) {
        (Some(n), _) if n.suffix == Suffix::None && n.digits <= 2 => n.int()?,
        (None, Some(W::Card(n))) => u32::from(n),
        _ => return None,
    };
    u8::try_from(h).ok().filter(|h| (1..=12).contains(h))
}

impl Grammar<'_> {
    /// A clock time in context `ctx` (see [`ClockCtx`]). Several core rules read the clock
    /// at the same position in the same context ("at 5", "5pm", "Friday 5pm" …): the
    /// answers are remembered (the reference grammar of the tests reads afresh each time).
    pub(crate) fn clock_read(&self, i: usize, ctx: ClockCtx) -> Option<ClockRead> {
        if !self.fast {
            return self.clock_read_uncached(i, ctx);
        }
        let key = i * 3 + ctx as usize;
        crate::date::grammar::memoized(&self.clock_memo, key, || self.clock_read_uncached(i, ctx))
    }

    /// [`Grammar::clock_read`] without the memo.
    fn clock_read_uncached(&self, i: usize, ctx: ClockCtx) -> Option<ClockRead> {
        let mut c = self.clock_base(i, ctx)?;
        if self.is(c.end, W::Zone) {
            c.end += 1;
        }
        // "ten past 9 in the evening", "5 in the morning", "10 at night"
        if !c.meridiem {
            // "3 in the AM", "from 3 to 4 in the PM": the half of the day as a part of it.
            let as_part = |w: Option<W>| match w {
                Some(W::Am) => Some(W::DayPart(DayPart::Morning)),
                Some(W::Pm) => Some(W::DayPart(DayPart::Afternoon)),
                w => w,
            };
            let (k, part) = if self.is(c.end, W::In) && self.is(c.end + 1, W::The) {
                (c.end + 3, as_part(self.w(c.end + 2)))
            } else if self.is(c.end, W::In)
                && matches!(
                    self.w(c.end + 1),
                    Some(W::DayPart(DayPart::Afternoon | DayPart::Evening))
                )
            {
                // "3:20 in afternoon"
                (c.end + 2, self.w(c.end + 1))
            } else if self.is(c.end, W::At) {
                (c.end + 2, self.w(c.end + 1))
            } else {
                (c.end, None)
            };
            if let Some(W::DayPart(p)) = part {
                if self.is(c.end, W::In) || p == DayPart::Night {
                    c.h = hour_in_part(c.h, p);
                    c.end = k;
                    c.meridiem = true;
                    c.marked = true;
                }
            }
        }
        // A bare number followed by an ordinary word counts something: "Monday at 10
        // Downing Street", "tonight around 7 people".
        let whole_number = self.num(i).is_some_and(|n| n.int().is_some());
        if !c.marked && whole_number {
            let counts = self.t.get(c.end).is_some_and(|t| {
                t.kind == TokenKind::Word && t.w.is_none() && !self.word_is(c.end, "for")
            });
            if counts {
                return None;
            }
        }
        (c.marked || ctx == ClockCtx::Day).then_some(c)
    }

    fn clock_base(&self, i: usize, ctx: ClockCtx) -> Option<ClockRead> {
        let read = |end: usize, h: u8, m: u8, meridiem: bool, marked: bool| {
            Some(ClockRead {
                end,
                h,
                m,
                s: None,
                meridiem,
                marked,
                approx: false,
            })
        };
        let t = self.t.get(i)?;
        if self.fast && !may_start_clock(self, i) {
            return None;
        }
        if t.kind == TokenKind::Time {
            let s = self.txt(i);
            let mut it = s.split(':');
            let h: u8 = it.next()?.parse().ok()?;
            let m: u8 = it.next()?.parse().ok()?;
            let sec: Option<u8> = match it.next() {
                Some(x) => Some(x.parse().ok().filter(|x| *x < 60)?),
                None => None,
            };
            if h > 24 || m > 59 {
                return None;
            }
            let c = match meridiem_word(self, i + 1) {
                Some((e, pm)) if h <= 12 => read(e, apply_pm(h, pm), m, true, true),
                _ => read(i + 1, h % 24, m, h > 12, true),
            };
            return c.map(|c| ClockRead { s: sec, ..c });
        }
        // "11ish", "noonish"
        if self
            .t
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word || t.has_num())
        {
            // No allocation: this runs at many tokens.
            let word = self.txt(i);
            let stem = word
                .len()
                .checked_sub(3)
                .filter(|&k| word.get(k..).is_some_and(|x| x.eq_ignore_ascii_case("ish")))
                .and_then(|k| word.get(..k));
            if let Some(stem) = stem {
                let hm = if stem.eq_ignore_ascii_case("noon") {
                    Some((12, true))
                } else {
                    stem.parse::<u8>()
                        .ok()
                        .filter(|h| (1..=12).contains(h))
                        .map(|h| (h, false))
                };
                if let Some((h, meridiem)) = hm {
                    // "3ish pm"
                    let (e, h, meridiem) = match meridiem_word(self, i + 1) {
                        Some((e, pm)) if !meridiem => (e, apply_pm(h, pm), true),
                        _ => (i + 1, h, meridiem),
                    };
                    return read(e, h, 0, meridiem, true).map(|c| ClockRead { approx: true, ..c });
                }
            }
        }
        if let Some(n) = self.num(i) {
            let s = self.txt(i);
            // "8:00am", "9:00a": the tokenizer splits a time glued to its am/pm.
            if let Some(h) = n.int().filter(|h| *h <= 24 && n.suffix == Suffix::None) {
                if self.joined(i) && self.punct(i + 1, &[":"]) && self.joined(i + 1) {
                    let mm = self.txt(i + 2);
                    let digits = mm.get(..2).unwrap_or("");
                    let tail = mm.get(2..).unwrap_or("");
                    if digits.len() == 2 && digits.bytes().all(|c| c.is_ascii_digit()) {
                        let m: u8 = digits.parse().ok()?;
                        let h = u8::try_from(h).ok()?;
                        if m > 59 {
                            return None;
                        }
                        return match tail_meridiem(tail, true)? {
                            Some(pm) if h <= 12 => read(i + 3, apply_pm(h, pm), m, true, true),
                            Some(_) => None,
                            None => match meridiem_word(self, i + 3) {
                                Some((e, pm)) if h <= 12 => read(e, apply_pm(h, pm), m, true, true),
                                _ => read(i + 3, h % 24, m, h > 12, true),
                            },
                        };
                    }
                }
            }
            // "8.30pm", "3.30 pm", "6.45" (the last only beside a day)
            if n.int().is_none() {
                let (h, m, tail) = dotted(s)?;
                return match tail_meridiem(tail, false)? {
                    Some(pm) if (1..=12).contains(&h) => {
                        read(i + 1, apply_pm(h, pm), m, true, true)
                    }
                    Some(_) => None,
                    None => match meridiem_word(self, i + 1) {
                        Some((e, pm)) if (1..=12).contains(&h) => {
                            read(e, apply_pm(h, pm), m, true, true)
                        }
                        _ if ctx == ClockCtx::Day => read(i + 1, h, m, h > 12, false),
                        _ => None,
                    },
                };
            }
            // "11h45", "15h00", "8h" (rule `clock-h`, see below)
            if let Some(c) = self.clock_h(i, ctx) {
                return Some(c);
            }
            let v = n.int()?;
            match n.suffix {
                Suffix::Am | Suffix::Pm => {
                    let h = u8::try_from(v).ok().filter(|h| (1..=12).contains(h))?;
                    let mut e = i + 1;
                    // A "." left after "8a.m" / "3p.m".
                    let dotted_m = s.ends_with(".m") || s.ends_with(".M");
                    if dotted_m && self.punct(e, &["."]) && self.joined(i) {
                        e += 1;
                    }
                    return read(e, apply_pm(h, n.suffix == Suffix::Pm), 0, true, true);
                }
                Suffix::Other if ctx >= ClockCtx::At => {
                    // "7p", "9a"
                    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                    let tail = s.get(digits.len()..)?;
                    let h: u8 = digits.parse().ok().filter(|h| (1..=12).contains(h))?;
                    let pm = tail_meridiem(tail, true)??;
                    return read(i + 1, apply_pm(h, pm), 0, true, true);
                }
                Suffix::None => {}
                _ => return None,
            }
            // "0730" inside a range ("between 0730-0930"): a leading zero rules out a year.
            if ctx == ClockCtx::Day && n.digits == 4 && s.starts_with('0') {
                let (h, m) = (v / 100, v % 100);
                if h <= 23 && m < 60 && meridiem_word(self, i + 1).is_none() {
                    return read(i + 1, h as u8, m as u8, h > 12, true);
                }
            }
            // "1140 a.m."
            if (3..=4).contains(&n.digits) {
                let (h, m) = (v / 100, v % 100);
                let (e, pm) = meridiem_word(self, i + 1)?;
                let h = u8::try_from(h).ok().filter(|h| (1..=12).contains(h))?;
                let m = u8::try_from(m).ok().filter(|m| *m < 60)?;
                return read(e, apply_pm(h, pm), m, true, true);
            }
            if v == 12 && self.is(i + 1, W::Noon) {
                return read(i + 2, 12, 0, true, true);
            }
        }
        match self.w(i) {
            Some(W::Noon) => return read(i + 1, 12, 0, true, true),
            Some(W::Midnight) => return read(i + 1, 0, 0, true, true),
            Some(W::Mid) if self.is(i + 1, W::DayPart(DayPart::Night)) => {
                return read(i + 2, 0, 0, true, true);
            }
            _ => {}
        }
        // "half past seven", "quarter to nine", "10 past 9", "thirty-six minutes past eight"
        if let Some(c) = self.past_to(i) {
            return Some(c);
        }
        let h = plain_hour(self, i)?;
        let spelled = self.t.get(i).is_some_and(|t| !t.has_num());
        let mut e = i + 1;
        let mut m = 0;
        if let Some((k, pm)) = meridiem_word(self, e) {
            return read(k, apply_pm(h, pm), 0, true, true);
        }
        if self.is(e, W::OClock) {
            // "3 oclock pm"
            if let Some((k, pm)) = meridiem_word(self, e + 1) {
                return read(k, apply_pm(h, pm), 0, true, true);
            }
            return read(e + 1, h, 0, false, true);
        }
        // "at 12 15", "at 3 15": hour and minutes as two numbers, after "at" only.
        if ctx >= ClockCtx::At && !spelled {
            if let Some(c) = self.hour_space_minutes(i, h) {
                return Some(c);
            }
        }
        // "seven twenty-seven", "five-thirty", "one thirty p m"
        if spelled {
            let k = if self.is_dash(e) { e + 1 } else { e };
            if let Some((k2, mm)) = spelled_minutes(self, k) {
                if mm >= 10 || self.word_is(k, "oh") {
                    e = k2;
                    m = mm;
                    if self.is(e, W::Unit(crate::date::lexicon::Unit::Minute, true)) {
                        e += 1;
                    }
                    if let Some((k3, pm)) = meridiem_word(self, e) {
                        return read(k3, apply_pm(h, pm), m, true, true);
                    }
                    if ctx >= ClockCtx::At {
                        return read(e, h, m, false, true);
                    }
                    return None;
                }
            }
            if ctx >= ClockCtx::At {
                return read(e, h, m, false, false);
            }
        }
        if ctx == ClockCtx::Day {
            return read(e, h, m, false, false);
        }
        // A bare hour may still be completed by a part of the day ("5 in the morning").
        read(e, h, m, false, false)
    }

    /// "half past seven", "quarter to nine", "10 past 9", "twenty min past eight".
    fn past_to(&self, i: usize) -> Option<ClockRead> {
        // "a quarter past noon"
        if self.is(i, W::A) && self.is(i + 1, W::Quarter) {
            return self.past_to(i + 1);
        }
        let (k, mins) = match self.w(i) {
            Some(W::Half) => (i + 1, 30u8),
            Some(W::Quarter) => (i + 1, 15),
            _ => {
                let (k, mm) = match self.t.get(i).map(|_| self.num(i))? {
                    Some(n) if n.suffix == Suffix::None => {
                        (i + 1, u8::try_from(n.int()?).ok().filter(|m| *m < 60)?)
                    }
                    Some(_) => return None,
                    None => spelled_minutes(self, i)?,
                };
                let k = match self.w(k) {
                    Some(W::Unit(crate::date::lexicon::Unit::Minute, _)) => k + 1,
                    _ => k,
                };
                (k, mm)
            }
        };
        let to = if self.word_is(k, "past") || self.word_is(k, "after") {
            false
        } else if self.word_is(k, "to")
            && (self.is(i, W::Quarter)
                || self.is(k - 1, W::Unit(crate::date::lexicon::Unit::Minute, true)))
        {
            // "quarter to nine", "20 minutes to 2pm" (not "15 to noon": "from 10 to noon"
            // is a range)
            true
        } else {
            return None;
        };
        // The hour: "seven", "3", or rule `past-to-marked-hour`: "3pm", "noon".
        if let Some((e, h, meridiem)) = self.marked_hour(k + 1) {
            let (h, m) = if to {
                (if h == 0 { 23 } else { h - 1 }, 60 - mins)
            } else {
                (h, mins)
            };
            return Some(ClockRead {
                end: e,
                h,
                m,
                s: None,
                meridiem,
                marked: true,
                approx: false,
            });
        }
        let h = plain_hour(self, k + 1)?;
        let mut e = k + 2;
        if self.is(e, W::OClock) {
            e += 1;
        }
        let (h, m) = if to {
            (if h == 1 { 12 } else { h - 1 }, 60 - mins)
        } else {
            (h, mins)
        };
        let (h, meridiem) = match meridiem_word(self, e) {
            Some((k2, pm)) => {
                e = k2;
                (apply_pm(h, pm), true)
            }
            None => (h, false),
        };
        Some(ClockRead {
            end: e,
            h,
            m,
            s: None,
            meridiem,
            marked: true,
            approx: false,
        })
    }

    /// Rule `past-to-marked-hour`: an hour with its half of the day, after "past" / "to" /
    /// "after": "3pm" (15), "noon" (12), "midnight" (0) — "a quarter past 3pm", "15 minutes
    /// past noon", "twenty after 3pm", "20 minutes to 2pm".
    fn marked_hour(&self, k: usize) -> Option<(usize, u8, bool)> {
        match self.w(k) {
            Some(W::Noon) => return Some((k + 1, 12, true)),
            Some(W::Midnight) => return Some((k + 1, 0, true)),
            _ => {}
        }
        let n = self.num(k)?;
        let pm = match n.suffix {
            Suffix::Am => false,
            Suffix::Pm => true,
            _ => return None,
        };
        let h = u8::try_from(n.int()?)
            .ok()
            .filter(|h| (1..=12).contains(h))?;
        let mut e = k + 1;
        let s = self.txt(k);
        if (s.ends_with(".m") || s.ends_with(".M")) && self.punct(e, &["."]) && self.joined(k) {
            e += 1;
        }
        Some((e, apply_pm(h, pm), true))
    }

    /// Rule `clock-h`: the French and international "h" clock: "11h45", "15h00", "3h18"
    /// (always a time: two minute digits after the "h"), and "15h", "8h" — a bare "NNh" is a
    /// length of hours ("a 15h flight") unless a time zone follows ("15h GMT") or the context
    /// says a time ("at 16h", "Thursday 8h", "9h30 - 11h"). The hour is on the 24-hour clock.
    pub(crate) fn clock_h(&self, i: usize, ctx: ClockCtx) -> Option<ClockRead> {
        let (h, m) = h_clock(self.txt(i))?;
        if m.is_none() && !(ctx >= ClockCtx::At || self.is(i + 1, W::Zone)) {
            return None;
        }
        Some(ClockRead {
            end: i + 1,
            h,
            m: m.unwrap_or(0),
            s: None,
            meridiem: true,
            marked: true,
            approx: false,
        })
    }

    /// "at 12 15": after "at", an hour 1–12 and then a separate two-digit number below 60
    /// that is not followed by a word it would count ("at 3 15 people").
    fn hour_space_minutes(&self, i: usize, h: u8) -> Option<ClockRead> {
        let k = i + 1;
        let n = self.num(k)?;
        if n.suffix != Suffix::None || n.digits != 2 || self.txt(k).len() != 2 {
            return None;
        }
        let m = u8::try_from(n.int()?).ok().filter(|m| *m < 60)?;
        let counts = self
            .t
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && t.w.is_none());
        // "at 12 15-year-olds"
        let compound = self.joined(k) && self.is_dash(k + 1);
        if counts || compound {
            return None;
        }
        Some(ClockRead {
            end: k + 1,
            h,
            m,
            s: None,
            meridiem: false,
            marked: true,
            approx: false,
        })
    }
}

/// "11h45" → (11, Some(45)), "15h" → (15, None), "8H00" → (8, Some(0)): hour 0–23, "h", and
/// none or exactly two minute digits below 60.
pub(crate) fn h_clock(s: &str) -> Option<(u8, Option<u8>)> {
    let k = s.find(['h', 'H'])?;
    let (hh, rest) = (s.get(..k)?, s.get(k + 1..)?);
    if hh.is_empty() || hh.len() > 2 || !hh.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: u8 = hh.parse().ok().filter(|h| *h <= 23)?;
    if rest.is_empty() {
        return Some((h, None));
    }
    if rest.len() != 2 || !rest.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let m: u8 = rest.parse().ok().filter(|m| *m < 60)?;
    Some((h, Some(m)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_the_day_complete_hours() {
        assert_eq!(hour_in_part(7, DayPart::Evening), 19);
        assert_eq!(hour_in_part(10, DayPart::Night), 22);
        assert_eq!(hour_in_part(2, DayPart::Night), 2);
        assert_eq!(hour_in_part(12, DayPart::Morning), 0);
        assert_eq!(hour_in_part(9, DayPart::Morning), 9);
    }

    #[test]
    fn h_clock_times() {
        assert_eq!(h_clock("11h45"), Some((11, Some(45))));
        assert_eq!(h_clock("15h"), Some((15, None)));
        assert_eq!(h_clock("8H00"), Some((8, Some(0))));
        assert_eq!(h_clock("25h"), None);
        assert_eq!(h_clock("3h5"), None);
        assert_eq!(h_clock("3hours"), None);
    }

    #[test]
    fn dotted_times() {
        assert_eq!(dotted("8.30pm"), Some((8, 30, "pm")));
        assert_eq!(dotted("6.45"), Some((6, 45, "")));
        assert_eq!(dotted("6.5"), None);
        assert_eq!(dotted("6.75"), None);
    }
}
