//! One reading of a digit token, of which the number grammar and the date grammar each
//! take their view.
//!
//! Both grammars read the same tokens ("4,000", "1990s", "21st", "3pm", "5bn", "2017Q1"),
//! and they want different things of them: the number grammar a value with its separators
//! understood ("4,000" → 4000, "1.111,11" → 1111.11) and a scale or ordinal suffix; the
//! date grammar the digits as written (how many, whether there is a separator) and a
//! suffix of its own ("s" of a decade, "pm", "q3", a unit as in "3h"). [`DigitReading::of`]
//! reads a token's bytes once and keeps every fact either asks for:
//!
//! | fact | read as | who asks |
//! |---|---|---|
//! | the digits as one integer (separators skipped), and the digits before the last separator | [`Digits`] | both |
//! | how many digits, how many in the last group, where the first dot is | counts | both |
//! | the separators: how many `,` and `.`, which came last, whether the groups are thousands groups | [`Groups`] | number |
//! | separators after the last digit ("5." ends a sentence) | a count | both |
//! | the suffix after the digits, in each grammar's terms | [`Suffix`], [`NumSuffix`] | both |
//! | a vulgar fraction ("½") | its value | number |
//!
//! [`DigitReading::as_number`] is the number grammar's view (a [`DigitToken`] or why it is
//! no number), [`DigitReading::as_date`] the date grammar's (a [`NumTok`] or none). Every
//! caller goes through the reading: the shared classes ([`crate::classes`]) read each digit
//! token once for both grammars, and the number parser on a string
//! ([`crate::number::parse_digits`]) and the date classes of an extractor given no classes
//! read it the same way.
//!
//! Values are correctly rounded, as parsing the decimal would give them: a value whose
//! digits fit in 2^53 and whose power of ten is at most 10^22 is one exact division or
//! multiplication (both operands exact, so the one rounding is the correct one); the rare
//! rest (more than 19 significant digits, a fraction of over 22 digits) is formatted and
//! parsed from the token's text.
//!
//! The two parsers this reading replaced are kept in the tests as its references
//! (`reference.rs`): a property test checks both views against them on random digit
//! tokens.

use crate::date::grammar::{NumTok, Suffix};
use crate::date::lexicon::{self, Unit, W};
use crate::number::digits::{DigitToken, decimal_value_parsed, vulgar_fraction};
use crate::number::lexicon::{ordinal_suffix_ok, suffix_scale};
use crate::number::{MAX_EXACT_INTEGER, NumberError};

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

/// A thousands or decimal separator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    Comma,
    Dot,
}

/// Digits read as one integer while it fits: `value` is exact while `sig` (the digits after
/// the leading zeros) is at most [`Digits::EXACT`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Digits {
    value: u64,
    sig: usize,
}

impl Digits {
    /// The most significant digits a `u64` always holds (10^19 − 1 < 2^64).
    const EXACT: usize = 19;

    #[inline]
    fn push(&mut self, d: u8) {
        if self.sig > 0 || d != 0 {
            self.sig = self.sig.saturating_add(1);
        }
        if self.sig <= Digits::EXACT {
            self.value = self.value * 10 + u64::from(d);
        }
    }

    /// The value, when exact.
    #[inline]
    fn exact(self) -> Option<u64> {
        (self.sig <= Digits::EXACT).then_some(self.value)
    }
}

/// The lengths of a run of digit groups as far as the grouping rules read them: the first
/// group, the last, whether every group after the first has three digits (western
/// thousands: "1,234,567") and whether every group between the first and the last has two
/// (Indian: "12,34,567"). Groups are added left to right ([`Groups::close`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Groups {
    closed: usize,
    first: usize,
    last: usize,
    rest_all_3: bool,
    mid_all_2: bool,
}

impl Groups {
    const NONE: Groups = Groups {
        closed: 0,
        first: 0,
        last: 0,
        rest_all_3: true,
        mid_all_2: true,
    };

    /// Adds a group of `len` digits after the others.
    #[inline]
    fn close(&mut self, len: usize) {
        if self.closed == 0 {
            self.first = len;
        } else {
            if self.closed >= 2 {
                // the group that was last is now between the first and the last
                self.mid_all_2 &= self.last == 2;
            }
            self.rest_all_3 &= len == 3;
            self.last = len;
        }
        self.closed = self.closed.saturating_add(1);
    }

    /// Whether the groups, joined by `sep`, are one integer in thousands groups: western
    /// ("1,234", "1.234.567": one to three digits, then groups of three) or, with commas,
    /// Indian ("12,34,567": one or two digits, groups of two, a last group of three).
    fn thousands(&self, sep: Sep) -> bool {
        let rest = self.closed.saturating_sub(1);
        let western = (1..=3).contains(&self.first) && rest >= 1 && self.rest_all_3;
        let indian = sep == Sep::Comma
            && rest >= 2
            && (1..=2).contains(&self.first)
            && self.last == 3
            && self.mid_all_2;
        western || indian
    }
}

/// What the number grammar reads in the suffix after the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumSuffix {
    None,
    /// A scale ("5bn" → 9, "10k" → 3), case as written ("10M", not "10m").
    Scale(u8),
    /// An ordinal suffix, lowercased: "st", "nd", "rd", "th" or the military "d".
    Ord(&'static str),
    Other,
}

/// The suffix of a digit token (the text after its digits) in both grammars' terms.
fn read_suffix(rest: &str) -> (Suffix, NumSuffix) {
    let mut buf = [0u8; 16];
    let low = lower_suffix(rest, &mut buf);
    let date = date_suffix(low);
    let number = if rest.is_empty() {
        NumSuffix::None
    } else if let Some(p) = suffix_scale(rest) {
        NumSuffix::Scale(p)
    } else {
        match low {
            "st" => NumSuffix::Ord("st"),
            "nd" => NumSuffix::Ord("nd"),
            "rd" => NumSuffix::Ord("rd"),
            "th" => NumSuffix::Ord("th"),
            "d" => NumSuffix::Ord("d"),
            _ => NumSuffix::Other,
        }
    };
    (date, number)
}

/// `rest` lowercased into `buf`; `"\u{0}"` (no suffix either grammar reads) when it is long
/// or not ASCII.
pub(crate) fn lower_suffix<'b>(rest: &str, buf: &'b mut [u8; 16]) -> &'b str {
    match buf.get_mut(..rest.len()) {
        Some(b) if rest.is_ascii() => {
            b.copy_from_slice(rest.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).unwrap_or("\u{0}")
        }
        _ => "\u{0}",
    }
}

/// What a lowercased suffix (see [`lower_suffix`]) means to the date grammar: "st" an
/// ordinal, "s" a decade's plural, "pm" an hour's half of the day, "q3" a quarter, "yrs" a
/// unit, …
pub(crate) fn date_suffix(low: &str) -> Suffix {
    match low {
        "" => Suffix::None,
        "st" | "nd" | "rd" | "th" => Suffix::Ord,
        "s" => Suffix::Plural,
        "am" | "a.m" | "a.m." => Suffix::Am,
        "pm" | "p.m" | "p.m." => Suffix::Pm,
        "h1" => Suffix::Half(1),
        "h2" => Suffix::Half(2),
        "q1" => Suffix::Quarter(1),
        "q2" => Suffix::Quarter(2),
        "q3" => Suffix::Quarter(3),
        "q4" => Suffix::Quarter(4),
        _ => match lexicon::lookup(low) {
            Some(W::Unit(u, _)) => Suffix::Unit(u),
            _ if low == "ys" => Suffix::Unit(Unit::Year),
            _ => Suffix::Other,
        },
    }
}

/// A run of digits and separators at the start of a token, read (see the module docs).
#[derive(Clone, Copy, Debug)]
struct Run {
    /// Every digit of the run, separators skipped.
    all: Digits,
    /// The digits before the last separator (all of them when there is none).
    head: Digits,
    /// How many digits, and how many after the last separator.
    digits: usize,
    last_group: usize,
    /// Separators of the run, and of it up to its last digit.
    commas: usize,
    dots: usize,
    commas_in: usize,
    dots_in: usize,
    last_sep: Option<Sep>,
    /// Byte offset of the last separator.
    last_sep_at: usize,
    /// The digits before the first dot.
    dot_at: Option<usize>,
    /// The groups before the last separator, and all of them.
    before_last: Groups,
    groups: Groups,
    /// Bytes of the run: digits and separators, then separators after the last digit.
    len: usize,
    trailing: usize,
    /// The suffix after the run's last digit.
    date_suffix: Suffix,
    number_suffix: NumSuffix,
}

/// One digit token's text, read once (see the [module docs](self)).
#[derive(Clone, Copy, Debug)]
pub(crate) struct DigitReading<'a> {
    text: &'a str,
    /// `None` when the text does not start with an ASCII digit.
    run: Option<Run>,
}

impl<'a> DigitReading<'a> {
    /// Reads `text`, the text of one token, in one pass over its bytes.
    pub(crate) fn of(text: &'a str) -> DigitReading<'a> {
        let b = text.as_bytes();
        if !b.first().is_some_and(u8::is_ascii_digit) {
            return DigitReading { text, run: None };
        }
        let mut r = Run {
            all: Digits::default(),
            head: Digits::default(),
            digits: 0,
            last_group: 0,
            commas: 0,
            dots: 0,
            commas_in: 0,
            dots_in: 0,
            last_sep: None,
            last_sep_at: 0,
            dot_at: None,
            before_last: Groups::NONE,
            groups: Groups::NONE,
            len: b.len(),
            trailing: 0,
            date_suffix: Suffix::None,
            number_suffix: NumSuffix::None,
        };
        for (k, &c) in b.iter().enumerate() {
            let sep = match c {
                b'0'..=b'9' => {
                    r.all.push(c - b'0');
                    r.digits += 1;
                    r.last_group += 1;
                    if r.trailing > 0 {
                        r.commas_in = r.commas;
                        r.dots_in = r.dots;
                        r.trailing = 0;
                    }
                    continue;
                }
                b',' => Sep::Comma,
                b'.' => Sep::Dot,
                _ => {
                    r.len = k;
                    break;
                }
            };
            r.groups.close(r.last_group);
            r.last_group = 0;
            r.head = r.all;
            r.last_sep = Some(sep);
            r.last_sep_at = k;
            r.trailing += 1;
            match sep {
                Sep::Comma => r.commas += 1,
                Sep::Dot => {
                    if r.dot_at.is_none() {
                        r.dot_at = Some(r.digits);
                    }
                    r.dots += 1;
                }
            }
        }
        if r.trailing == 0 {
            r.commas_in = r.commas;
            r.dots_in = r.dots;
        }
        if r.last_sep.is_none() {
            r.head = r.all;
        }
        r.before_last = r.groups;
        r.groups.close(r.last_group);
        (r.date_suffix, r.number_suffix) =
            read_suffix(text.get(r.len - r.trailing..).unwrap_or(""));
        DigitReading { text, run: Some(r) }
    }

    /// The number grammar's view: the value with separators and suffix understood, or why
    /// the token is no number.
    ///
    /// Accepted: `2017`, `4,000`, `1,234.5`, `12,34,567.89` (Indian grouping), `1.111,11`
    /// and `5,00` (decimal comma), ordinals `21st`/`2nd`/`3rd`/`11th`/`3d`, scale suffixes
    /// `5bn`/`10k`/`10M`/`2mil`, vulgar fractions `½` (`.5` is the grammar's: the
    /// tokenizer splits the dot). Rejected with [`NumberError::Malformed`]: lists and
    /// identifiers such as `22,24,26,31` or `192.168.1.2`, unknown suffixes (`180ml`,
    /// `1990s`), a trailing separator (`5.`). Rejected with [`NumberError::TooLarge`]:
    /// anything above [`MAX_EXACT_INTEGER`].
    pub(crate) fn as_number(&self) -> Result<DigitToken, NumberError> {
        let Some(r) = &self.run else {
            return vulgar_fraction(self.text)
                .map(|value| DigitToken {
                    value,
                    ordinal: false,
                    suffix_scale: None,
                    plain: false,
                    integer: false,
                    int_digits: 0,
                })
                .ok_or(NumberError::Malformed);
        };
        // A number ends with a digit ("5." is a number and a full stop, not a token).
        if r.trailing > 0 {
            return Err(NumberError::Malformed);
        }
        let decimal = r.decimal_separator()?;
        let (int, int_digits, frac_digits) = if decimal {
            (r.head, r.digits - r.last_group, r.last_group)
        } else {
            (r.all, r.digits, 0)
        };
        let separated = r.commas + r.dots > 0;
        let mut ordinal = false;
        let scale = match r.number_suffix {
            NumSuffix::None => None,
            NumSuffix::Scale(p) => Some(p),
            NumSuffix::Ord(_) | NumSuffix::Other if !separated => {
                // The ordinal's value must be a small integer before its suffix is judged.
                let v = int
                    .exact()
                    .filter(|_| int.sig <= 18)
                    .ok_or(NumberError::TooLarge)?;
                match r.number_suffix {
                    NumSuffix::Ord(o) if ordinal_suffix_ok(v, o) => ordinal = true,
                    _ => return Err(NumberError::Malformed),
                }
                None
            }
            NumSuffix::Ord(_) | NumSuffix::Other => return Err(NumberError::Malformed),
        };
        let value = self.number_value(r, int, frac_digits, scale.unwrap_or(0))?;
        Ok(DigitToken {
            value,
            ordinal,
            suffix_scale: scale,
            plain: !separated && r.number_suffix == NumSuffix::None,
            integer: value.fract() == 0.0,
            int_digits,
        })
    }

    /// The correctly rounded value of integer digits `int` and the `frac_digits` digits
    /// after the run's last separator, times 10^`scale`; [`NumberError::TooLarge`] when
    /// the integer part would exceed [`MAX_EXACT_INTEGER`] (the digit count is checked
    /// first, so a 400-digit number costs a comparison).
    fn number_value(
        &self,
        r: &Run,
        int: Digits,
        frac_digits: usize,
        scale: u8,
    ) -> Result<f64, NumberError> {
        if int.sig + usize::from(scale) > 16 {
            return Err(NumberError::TooLarge);
        }
        let pow = 10u64.pow(u32::from(scale));
        // At most 16 significant digits: exact, and times 10^scale within a u64.
        let whole = int.value * pow;
        if whole > MAX_EXACT_INTEGER as u64 {
            return Err(NumberError::TooLarge);
        }
        if frac_digits == 0 {
            return Ok(whole as f64);
        }
        // Beyond 30 fraction digits only the first 30 count (the decimal parse keeps no
        // more); within them, the exact quotient or product of the digits and a power of
        // ten.
        let exp = i64::from(scale) - i64::try_from(frac_digits).unwrap_or(i64::MAX);
        let v = match r.all.exact() {
            Some(m) if frac_digits <= 30 && m <= MAX_EXACT_INTEGER as u64 => exact_scaled(m, exp),
            _ => None,
        };
        let v = match v {
            Some(v) => v,
            None => {
                let (int, frac) = self.split_at_last_separator(r);
                decimal_value_parsed(&int, &frac, scale)?
            }
        };
        if !v.is_finite() || v.abs() > MAX_EXACT_INTEGER {
            return Err(NumberError::TooLarge);
        }
        Ok(v)
    }

    /// The digits before the run's last separator and the digits after it, as text: the
    /// slow path of [`Self::number_value`].
    fn split_at_last_separator(&self, r: &Run) -> (String, String) {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let int = self.text.get(..r.last_sep_at).unwrap_or("");
        let frac = self.text.get(r.last_sep_at + 1..r.len).unwrap_or("");
        (digits(int), digits(frac))
    }

    /// The date grammar's view: the digits as written, their value read with commas
    /// skipped and at most one dot as the decimal point, and the suffix; `None` when the
    /// token does not start with a digit or has two dots.
    pub(crate) fn as_date(&self) -> Option<NumTok> {
        let r = self.run.as_ref()?;
        if r.dots_in > 1 {
            return None;
        }
        let after_dot = match r.dot_at {
            Some(k) if r.dots_in == 1 => r.digits - k,
            _ => 0,
        };
        let exp = -i64::try_from(after_dot).unwrap_or(i64::MAX);
        let val = match r.all.exact() {
            Some(m) if after_dot == 0 => Some(m as f64),
            Some(m) if m <= MAX_EXACT_INTEGER as u64 => exact_scaled(m, exp),
            _ => None,
        };
        let val = match val {
            Some(v) => v,
            None => {
                // The slow path: the digits up to the last one, commas dropped, parsed.
                let clean: String = self
                    .text
                    .get(..r.len - r.trailing)
                    .unwrap_or("")
                    .chars()
                    .filter(|&c| c != ',')
                    .collect();
                clean.parse().ok()?
            }
        };
        let int = match r.all.exact() {
            Some(m) if r.dots_in == 0 => u32::try_from(m).ok(),
            _ => None,
        };
        let digits = if r.commas_in + r.dots_in == 0 {
            u8::try_from(r.digits).unwrap_or(0)
        } else {
            0
        };
        Some(NumTok::new(val, int, digits, r.date_suffix))
    }
}

impl Run {
    /// Whether the run's last separator is a decimal point (else the separators, if any,
    /// group thousands), or [`NumberError::Malformed`] when they are neither: a list
    /// ("22,24,26"), an address ("192.168.1.2").
    fn decimal_separator(&self) -> Result<bool, NumberError> {
        match (self.commas, self.dots) {
            (0, 0) => Ok(false),
            // "1.5", "4.800": one dot is a decimal point
            (0, 1) => Ok(true),
            (0, _) if self.groups.thousands(Sep::Dot) => Ok(false),
            (_, 0) if self.groups.thousands(Sep::Comma) => Ok(false),
            // A decimal comma ("5,00", "1,3"): the thousands reading failed.
            (1, 0) if self.last_group <= 2 => Ok(true),
            (0, _) | (_, 0) => Err(NumberError::Malformed),
            // Both: the last one, alone of its kind, is the decimal separator and the
            // other groups thousands ("1,234.5", "1.111,11").
            _ => {
                let ok = match self.last_sep {
                    Some(Sep::Dot) => self.dots == 1 && self.before_last.thousands(Sep::Comma),
                    Some(Sep::Comma) => self.commas == 1 && self.before_last.thousands(Sep::Dot),
                    None => false,
                };
                if ok {
                    Ok(true)
                } else {
                    Err(NumberError::Malformed)
                }
            }
        }
    }
}

/// `m × 10^exp`, correctly rounded, when `m` is at most 2^53 and `|exp|` at most 22: both
/// operands are then exact `f64`s, and one multiplication or division rounds once.
fn exact_scaled(m: u64, exp: i64) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let p = *POW10.get(usize::try_from(exp.unsigned_abs()).ok()?)?;
    let m = m as f64;
    Some(if exp >= 0 { m * p } else { m / p })
}
