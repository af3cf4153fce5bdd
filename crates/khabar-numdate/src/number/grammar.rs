//! The number grammar: a left-to-right state machine over tokens.
//!
//! It reads one number starting at a token and stops at the first token that cannot
//! continue it, returning the longest well-formed prefix. Every token is looked at a
//! bounded number of times (one step plus a lookahead of at most three tokens), so a scan
//! of a whole document is linear in its length — "one one one …" is a million numbers of
//! one token each, never one long backtracking match.

use super::classes::NumberClasses;
use super::digits::DigitToken;
use super::lexicon::{Entry, Lex, lookup, suffix_scale};
use super::{NumberForm, NumberKind, NumberParse};
use crate::digit_token::DigitReading;
use khabar_tokenize::{Span, Token, TokenKind};
use std::ops::ControlFlow;

mod words;

const NO_SCALE: u8 = u8::MAX;

fn pow10(p: u8) -> f64 {
    10f64.powi(i32::from(p))
}

/// The state of the cardinal being read.
#[derive(Clone, Copy, Debug, Default)]
struct State {
    /// Sum of completed scale groups ("two million three thousand" → 2,003,000 so far).
    total: f64,
    /// The group below the last scale word.
    group: f64,
    /// Value of a tens word in the current group (for "twenty-first", "thirty fifths").
    tens_val: f64,
    /// The group has "hundred".
    hund: bool,
    /// The group has a tens word (or digits, which fill it).
    tens: bool,
    /// The group has a unit or teen (or digits).
    small: bool,
    /// The last scale word's power of ten, or `NO_SCALE`.
    last_scale: u8,
    /// Something with a value has been read.
    any: bool,
    /// Words were used / digits were used.
    words: bool,
    digits: bool,
    /// The number so far is exactly one token "a", "an" or "one".
    lone_one: bool,
    /// "a"/"an" was the first token.
    article: bool,
}

impl State {
    fn value(&self) -> f64 {
        self.total + self.group
    }
    fn form(&self) -> NumberForm {
        match (self.words, self.digits) {
            (true, true) => NumberForm::Mixed,
            (false, true) => NumberForm::Digits,
            _ => NumberForm::Words,
        }
    }
}

pub(crate) struct Grammar<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Inside "and a half": a scale word after the fraction belongs to the outer number.
    fraction_only: bool,
    /// The tokens' lexicon entries and digit values worked out once for the document
    /// (`None`: looked up and parsed here, token by token).
    classes: Option<&'a NumberClasses>,
}

/// Whitespace between two tokens is exactly one space-like character (for "1 234 567").
fn single_space(gap: &str) -> bool {
    let mut it = gap.chars();
    matches!(
        (it.next(), it.next()),
        (Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'), None)
    )
}

impl<'a> Grammar<'a> {
    pub(crate) fn new(text: &'a str, toks: &'a [Token]) -> Self {
        Grammar {
            text,
            toks,
            fraction_only: false,
            classes: None,
        }
    }

    /// A grammar over `toks` that reads each token's lexicon entry and digit value from
    /// `classes` (which must classify `toks`; if it covers another number of tokens it is
    /// not used).
    pub(crate) fn classified(text: &'a str, toks: &'a [Token], classes: &'a NumberClasses) -> Self {
        Grammar {
            text,
            toks,
            fraction_only: false,
            classes: (classes.len() == toks.len()).then_some(classes),
        }
    }

    fn tok(&self, j: usize) -> Option<&'a Token> {
        self.toks.get(j)
    }

    fn txt(&self, j: usize) -> &'a str {
        self.tok(j).map_or("", |t| t.text(self.text))
    }

    fn lex(&self, j: usize) -> Option<Entry> {
        if let Some(c) = self.classes {
            return c.lex(j);
        }
        let t = self.tok(j)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        lookup(t.text(self.text))
    }

    fn joined(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) => x.is_joined_to(y),
            _ => false,
        }
    }

    fn is_hyphen(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.kind == TokenKind::Punct)
            && matches!(self.txt(j), "-" | "\u{2010}" | "\u{2011}")
    }

    fn gap(&self, a: usize, b: usize) -> &'a str {
        match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) if x.span.end <= y.span.start => {
                self.text.get(x.span.end..y.span.start).unwrap_or("")
            }
            _ => "",
        }
    }

    fn digit(&self, j: usize) -> Option<DigitToken> {
        if let Some(c) = self.classes {
            return c.digit(j);
        }
        let t = self.tok(j)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        DigitReading::of(t.text(self.text)).as_number().ok()
    }

    fn result(
        &self,
        i: usize,
        end: usize,
        value: f64,
        kind: NumberKind,
        st: &State,
    ) -> NumberParse {
        self.result_with(i, end, value, kind, st.form(), false)
    }

    fn result_with(
        &self,
        i: usize,
        end: usize,
        value: f64,
        kind: NumberKind,
        form: NumberForm,
        plural: bool,
    ) -> NumberParse {
        let start = self.tok(i).map_or(0, |t| t.span.start);
        let stop = end
            .checked_sub(1)
            .and_then(|k| self.tok(k))
            .map_or(start, |t| t.span.end);
        NumberParse {
            value,
            kind,
            tokens: i..end,
            span: Span::new(start, stop.max(start)),
            form,
            plural,
            approximate: false,
        }
    }

    /// Parses one number starting at token `i`.
    pub(crate) fn parse(&self, i: usize) -> Option<NumberParse> {
        let first = self.tok(i)?;
        // A sign: "minus five", "negative one", or "-1" with the hyphen glued to the digits
        // and not to whatever came before (so "1000-5000" stays a range).
        let mut j = i;
        let mut negative = false;
        let minus_word = self.lex(i).is_some_and(|e| e.lex == Lex::Minus);
        let minus_sign = self.is_hyphen(i)
            && self.joined(i, i + 1)
            && self.tok(i + 1).is_some_and(|t| t.kind == TokenKind::Number)
            && !(i > 0
                && self
                    .tok(i - 1)
                    .is_some_and(|t| matches!(t.kind, TokenKind::Number | TokenKind::Word)))
            && !(i > 0 && self.joined(i - 1, i) && self.is_hyphen(i - 1));
        if minus_word || minus_sign {
            negative = true;
            j = i + 1;
        }
        // ".08": a leading decimal point glued to digits, with nothing glued before it.
        if !negative
            && first.kind == TokenKind::Punct
            && self.txt(i) == "."
            && self.joined(i, i + 1)
            && !(i > 0 && self.joined(i - 1, i))
        {
            let d = self.digit(i + 1)?;
            if !d.plain || self.joined(i + 1, i + 2) && self.txt(i + 2) == "." {
                return None;
            }
            let frac = self.txt(i + 1);
            let v = super::digits::decimal_value("0", frac, 0).ok()?;
            return Some(self.result_with(
                i,
                i + 2,
                v,
                NumberKind::Cardinal,
                NumberForm::Digits,
                false,
            ));
        }
        let mut r = self.unsigned(j)?;
        if negative {
            r.value = -r.value;
            r.tokens.start = i;
            r.span.start = first.span.start;
        }
        Some(r)
    }

    /// A number without sign starting at `i`: leading digits, then words, digit groups and
    /// hyphens while they continue it (the longest well-formed prefix wins).
    fn unsigned(&self, i: usize) -> Option<NumberParse> {
        let mut st = State {
            last_scale: NO_SCALE,
            ..State::default()
        };
        let mut j = i;
        if let Some(d) = self.digit(i) {
            match self.leading_digits(i, &d, &mut st) {
                ControlFlow::Break(r) => return Some(r),
                ControlFlow::Continue(end) => j = end,
            }
        }
        let mut best: Option<(usize, State)> = st.any.then_some((j, st));
        while let Some(t) = self.tok(j) {
            match t.kind {
                TokenKind::Number => {
                    if !self.digit_group(j, &mut st) {
                        break;
                    }
                    j += 1;
                    best = Some((j, st));
                }
                TokenKind::Punct if self.is_hyphen(j) => {
                    if !self.hyphen_joins(j, &st) {
                        break;
                    }
                    j += 1;
                }
                TokenKind::Word => {
                    let Some(e) = self.lex(j) else { break };
                    match self.step(i, j, e, &mut st, &mut best) {
                        Step::Next => j += 1,
                        Step::Done(r) => return Some(r),
                        Step::Stop => break,
                    }
                }
                _ => break,
            }
        }
        let (end, st) = best?;
        Some(self.result(i, end, st.value(), NumberKind::Cardinal, &st))
    }

    /// Digits opening a number at `i`: complete ("21st", "3/4", "5bn", "2.33 k", "4.5"
    /// unless a scale word follows), or the first group of one that goes on at the returned
    /// token ("4 thousand", "1 234 567 people").
    fn leading_digits(
        &self,
        i: usize,
        d: &DigitToken,
        st: &mut State,
    ) -> ControlFlow<NumberParse, usize> {
        if d.ordinal {
            return ControlFlow::Break(self.result_with(
                i,
                i + 1,
                d.value,
                NumberKind::Ordinal,
                NumberForm::Digits,
                false,
            ));
        }
        if let Some(r) = self.digit_fraction(i, d) {
            return ControlFlow::Break(r);
        }
        let (value, end) = self.space_grouped(i, d);
        st.digits = true;
        st.any = true;
        if let Some(p) = d.suffix_scale {
            // "5bn": complete, like "5 billion".
            st.total = value;
            st.last_scale = p;
            return ControlFlow::Break(self.result(i, end, value, NumberKind::Cardinal, st));
        }
        st.group = value;
        st.small = true;
        st.tens = true;
        // Separate abbreviations: "2.33 k", "10 bln".
        if let Some(p) = self
            .tok(end)
            .filter(|t| t.kind == TokenKind::Word)
            .and_then(|_| suffix_scale(self.txt(end)))
        {
            if end == i + 1 {
                let v = value * pow10(p);
                if v.abs() <= super::MAX_EXACT_INTEGER {
                    st.digits = true;
                    return ControlFlow::Break(self.result(
                        i,
                        end + 1,
                        v,
                        NumberKind::Cardinal,
                        st,
                    ));
                }
            }
        }
        if !d.integer
            && !self
                .lex(end)
                .is_some_and(|e| matches!(e.lex, Lex::Scale(_) | Lex::Hundred))
        {
            return ControlFlow::Break(self.result(i, end, value, NumberKind::Cardinal, st));
        }
        ControlFlow::Continue(end)
    }

    /// Digits at `j` continuing a number, added to `st`: only as the group after a scale
    /// word or after "hundred and" ("4 thousand 3 hundred and 21").
    fn digit_group(&self, j: usize, st: &mut State) -> bool {
        let Some(d) = self.digit(j) else {
            return false;
        };
        let after_scale = st.last_scale != NO_SCALE && st.group == 0.0;
        let after_hundred = st.hund && !st.small && !st.tens;
        let scale_next = self
            .lex(j + 1)
            .is_some_and(|e| matches!(e.lex, Lex::Hundred | Lex::Scale(_)));
        let and_before = j > 0 && self.lex(j - 1).is_some_and(|e| e.lex == Lex::And);
        if !(d.plain && d.integer)
            || !(after_scale && d.value < 1000.0 || after_hundred && d.value < 100.0)
            || !st.any
            || and_before && (d.value < 1.0 || scale_next)
        {
            return false;
        }
        st.group += d.value;
        st.small = true;
        st.tens = true;
        st.digits = true;
        st.lone_one = false;
        true
    }

    /// A hyphen at `j` inside a number: "twenty-one", "fifty - two", "one-eighth", "five -
    /// eighths" (a count, a dash, a plural denominator).
    fn hyphen_joins(&self, j: usize, st: &State) -> bool {
        let next = self.lex(j + 1).map(|e| e.lex);
        let tens_unit = st.tens
            && !st.small
            && st.tens_val > 0.0
            && matches!(next, Some(Lex::Unit(_) | Lex::OrdUnit(_)));
        let one_frac = st.lone_one
            && !st.article
            && matches!(
                next,
                Some(
                    Lex::OrdUnit(_) | Lex::OrdTeen(_) | Lex::OrdTens(_) | Lex::Quarter | Lex::Half
                )
            );
        let count_frac = st.small
            && self.lex(j + 1).is_some_and(|e| {
                e.plural
                    && matches!(
                        e.lex,
                        Lex::OrdUnit(_) | Lex::OrdTeen(_) | Lex::OrdTens(_) | Lex::Quarter
                    )
            });
        tens_unit || one_frac || count_frac
    }

    /// One word of the grammar: the rule for its lexical class (in [`words`]).
    fn step(
        &self,
        i: usize,
        j: usize,
        e: Entry,
        st: &mut State,
        best: &mut Option<(usize, State)>,
    ) -> Step {
        match e.lex {
            Lex::Article => self.article(j, st),
            Lex::Zero => self.zero(i, j, st, best),
            Lex::Unit(u) => Grammar::unit(u, e.plural, j, st, best),
            Lex::Teen(t) => Grammar::teen(t, j, st, best),
            Lex::Tens(t) => Grammar::tens(t, j, st, best),
            Lex::Hundred => self.hundred(i, j, e.plural, st, best),
            Lex::Scale(p) => self.scale(i, j, p, e.plural, st, best),
            Lex::Dozen => self.dozen(i, j, e.plural, st),
            Lex::And => self.and(i, j, st),
            Lex::Point => self.point(i, j, st),
            Lex::Half | Lex::Quarter => self.half_or_quarter(i, j, e, st),
            Lex::OrdUnit(_)
            | Lex::OrdTeen(_)
            | Lex::OrdTens(_)
            | Lex::OrdHundred
            | Lex::OrdScale(_) => self.ordinal(i, j, e, st),
            Lex::Minus => Step::Stop,
        }
    }

    /// An ordinal word at `j`: an ordinal ("twenty-first", "two hundredth") or the
    /// denominator of a fraction ("one fourth", "three fifths", "a hundredth").
    fn ordinal(&self, i: usize, j: usize, e: Entry, st: &mut State) -> Step {
        let own = match e.lex {
            Lex::OrdUnit(u) => f64::from(u),
            Lex::OrdTeen(t) | Lex::OrdTens(t) => f64::from(t),
            Lex::OrdHundred => 100.0,
            Lex::OrdScale(p) => pow10(p),
            _ => return Step::Stop,
        };
        let compound =
            matches!(e.lex, Lex::OrdUnit(_)) && st.tens && !st.small && st.tens_val > 0.0;
        st.words = true;
        // Fractions: a plural denominator after any number, or a singular one after "a"/"one".
        let singular_frac = st.lone_one && !matches!(e.lex, Lex::OrdUnit(1 | 2));
        if st.any && (e.plural || singular_frac) {
            let (num, den) = if compound && st.value() - st.tens_val > 0.0 {
                (st.value() - st.tens_val, st.tens_val + own)
            } else {
                (st.value(), own)
            };
            if num > 0.0 {
                return Step::Done(self.result(i, j + 1, num / den, NumberKind::Fraction, st));
            }
        }
        if e.plural {
            // "fifths" alone, "firsts".
            return Step::Stop;
        }
        // A true ordinal: the word must continue the cardinal grammar.
        let v = match e.lex {
            Lex::OrdUnit(u) if !st.small => st.value() + f64::from(u),
            Lex::OrdTeen(t) if !st.small && !st.tens => st.value() + f64::from(t),
            Lex::OrdTens(t) if !st.small && !st.tens => st.value() + f64::from(t),
            Lex::OrdHundred if !st.hund && st.group < 100.0 => st.total + st.group.max(1.0) * 100.0,
            Lex::OrdScale(p) if p < st.last_scale => st.total + st.group.max(1.0) * pow10(p),
            _ => return Step::Stop,
        };
        if st.article {
            return Step::Stop;
        }
        if v.abs() > super::MAX_EXACT_INTEGER {
            return Step::Stop;
        }
        Step::Done(self.result(i, j + 1, v, NumberKind::Ordinal, st))
    }

    /// "point" at `j` followed by spelled digits: "five point five", "two hundred point zero
    /// three", "point seventy-one" (read as the digits 71), and a scale after them: "two
    /// point two million".
    fn point(&self, i: usize, j: usize, st: &mut State) -> Step {
        if !st.any || st.article {
            return Step::Stop;
        }
        let Some((digits, mut k)) = self.spelled_decimals(j + 1) else {
            return Step::Stop;
        };
        let int = format!("{}", st.value() as u64);
        // A scale after the decimals applies to the whole: "two point two million".
        let mut scale = 0;
        if st.value() < 1000.0 {
            if let Some(Lex::Scale(p)) = self.lex(k).filter(|e| !e.plural).map(|e| e.lex) {
                scale = p;
                k += 1;
            }
        }
        match super::digits::decimal_value(&int, &digits, scale) {
            Ok(v) => Step::Done(self.result(i, k, v, NumberKind::Cardinal, st)),
            Err(_) => Step::Stop,
        }
    }

    /// The decimals spelled after "point", from token `start`: single digit words ("zero
    /// three" → "03"), or one teen or tens word read as its two digits ("seventy-one" →
    /// "71"). Returns the digits and the token after them; `None` when none are spelled.
    pub(crate) fn spelled_decimals(&self, start: usize) -> Option<(String, usize)> {
        let mut digits = String::new();
        let mut k = start;
        loop {
            match self.lex(k).map(|e| (e.lex, e.plural)) {
                Some((Lex::Zero, false)) => digits.push('0'),
                Some((Lex::Unit(u), false)) => digits.push(char::from(b'0' + u)),
                Some((Lex::Teen(t), false)) if digits.is_empty() => {
                    digits.push_str(&t.to_string());
                    k += 1;
                    break;
                }
                Some((Lex::Tens(t), false)) if digits.is_empty() => {
                    let tens = t / 10;
                    digits.push(char::from(b'0' + tens));
                    if self.is_hyphen(k + 1) {
                        if let Some(Lex::Unit(u)) = self.lex(k + 2).map(|e| e.lex) {
                            digits.push(char::from(b'0' + u));
                            k += 3;
                            break;
                        }
                    }
                    if let Some(Lex::Unit(u)) = self.lex(k + 1).map(|e| e.lex) {
                        digits.push(char::from(b'0' + u));
                        k += 2;
                        break;
                    }
                    digits.push('0');
                    k += 1;
                    break;
                }
                _ => break,
            }
            k += 1;
        }
        (!digits.is_empty()).then_some((digits, k))
    }

    /// A fraction phrase after "and": "a half", "one fourth", "three fifths", "a quarter".
    fn and_fraction(&self, j: usize) -> Option<NumberParse> {
        match self.lex(j)?.lex {
            Lex::Article | Lex::Unit(_) | Lex::Tens(_) | Lex::Teen(_) => {}
            _ => return None,
        }
        let inner = Grammar {
            text: self.text,
            toks: self.toks,
            fraction_only: true,
            classes: self.classes,
        };
        let r = inner.unsigned(j)?;
        (r.kind == NumberKind::Fraction && r.value > 0.0 && r.value < 1.0).then_some(r)
    }

    /// Digit fractions: "3/4", "2 1/4".
    fn digit_fraction(&self, i: usize, d: &DigitToken) -> Option<NumberParse> {
        if !(d.plain && d.integer) {
            return None;
        }
        // Only proper fractions with everyday denominators ("3/4", "2 1/4"): "24/7",
        // "9/11" and "2222/2222" are names and identifiers, not fractions.
        let d_num = |k: usize| self.digit(k - 1).map_or(f64::INFINITY, |x| x.value);
        let slash = |k: usize| {
            self.txt(k) == "/"
                && self.joined(k - 1, k)
                && self.joined(k, k + 1)
                && self
                    .digit(k + 1)
                    .is_some_and(|x| x.plain && x.value > d_num(k) && common_denominator(x.value))
                && !(self.joined(k + 1, k + 2) && self.txt(k + 2) == "/")
        };
        if slash(i + 1) {
            let den = self.digit(i + 2)?.value;
            return Some(self.result_with(
                i,
                i + 3,
                d.value / den,
                NumberKind::Fraction,
                NumberForm::Digits,
                false,
            ));
        }
        // Mixed: "2 1/4" (whole, space, proper fraction).
        if !self.joined(i, i + 1) && slash(i + 2) {
            let num = self.digit(i + 1)?;
            let den = self.digit(i + 3)?.value;
            if num.plain && num.value < den {
                return Some(self.result_with(
                    i,
                    i + 4,
                    d.value + num.value / den,
                    NumberKind::Fraction,
                    NumberForm::Digits,
                    false,
                ));
            }
        }
        None
    }

    /// "1 234 567": groups of three digits separated by one space-like character. Returns
    /// the value and the token index after the number.
    fn space_grouped(&self, i: usize, d: &DigitToken) -> (f64, usize) {
        if !(d.plain && d.int_digits <= 3) {
            return (d.value, i + 1);
        }
        let mut int = self.txt(i).to_string();
        let mut frac = String::new();
        let mut k = i + 1;
        while let Some(t) = self.tok(k) {
            let s = t.text(self.text);
            if t.kind != TokenKind::Number || !single_space(self.gap(k - 1, k)) {
                break;
            }
            let (a, b) = s.split_once('.').unwrap_or((s, ""));
            if a.len() != 3
                || !a.bytes().all(|c| c.is_ascii_digit())
                || !b.bytes().all(|c| c.is_ascii_digit())
            {
                break;
            }
            int.push_str(a);
            k += 1;
            if !b.is_empty() {
                frac.push_str(b);
                break;
            }
        }
        if k == i + 1 {
            return (d.value, k);
        }
        match super::digits::decimal_value(&int, &frac, 0) {
            Ok(v) => (v, k),
            Err(_) => (d.value, i + 1),
        }
    }
}

enum Step {
    Next,
    Done(NumberParse),
    Stop,
}

/// Denominators that digit fractions in prose actually use.
fn common_denominator(d: f64) -> bool {
    (2.0..=10.0).contains(&d) || [12.0, 16.0, 20.0, 25.0, 32.0, 50.0, 64.0, 100.0].contains(&d)
}
