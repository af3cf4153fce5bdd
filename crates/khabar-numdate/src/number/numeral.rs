//! Numeral readings that only the expression reader ([`super::find_number_expressions`])
//! makes: forms a numeral parser such as Duckling reads, which the news readers
//! ([`super::find_numbers`], the quantity and date extractors) leave alone because in news
//! prose they are vague, idiomatic or someone else's.
//!
//! | rule | examples | value | why the news readers do not |
//! |---|---|---|---|
//! | [`COLLECTIVES`] | "a pair (of)", "a couple (of)", "a few", "a dozen of", "(a) single" | 2, 2 ≈, 3 ≈, 12, 1 | "a couple of" and "a few" are vague amounts the quantity extractor keeps as bounds; "of" starts the counted noun phrase |
//! | digit point | "1 point 1", "3 point five" | 1.1, 3.5 | rare in prose, and "at one point 77 people" must stay two things |
//! | leading point | "point 77", "point five" (text start or after punctuation) | 0.77, 0.5 | "at some point 77 died" |
//! | stacked scales | "three thousand millions", "a thousand million" | 3e9, 1e9 | old British usage, not news |
//! | SI letters | ".0012G", "-.0012G", "2.5T" (a decimal before G or T) | 1.2e6, −1.2e6, 2.5e12 | "5G", "4G" are network generations: an integer before G is never read |
//! | spoken hundreds | "one twenty two", "seven forty-seven", "nine eleven" | 122, 747, 911 | a list of two numbers in prose |
//!
//! Not read even here (khabar's conventions, tabled in the conformance divergences): "few"
//! alone (it means *not many*), a minus sign set apart by a space ("- 1,200,000": a dash in
//! prose), "30 l" (litres, not lakh), "Kr" (krona/krone, not crore), digit fractions with
//! unusual denominators ("3/15": a date or a score).

use super::digits::decimal_value;
use super::expr::{is_word, joined, word_at};
use super::lexicon::{Lex, lookup};
use super::{MAX_EXACT_INTEGER, NumberForm, NumberKind, NumberParse, grammar::Grammar};
use khabar_tokenize::{Span, Token, TokenKind};

/// A word read as a number on its own, after "a"/"an" where the article is required.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Collective {
    /// The word, lower case.
    pub(crate) word: &'static str,
    /// Its conventional value.
    pub(crate) value: f64,
    /// The value is a convention for a vague amount ("a couple", "a few").
    pub(crate) approximate: bool,
    /// "a"/"an" must come first ("a few"; "few" alone means *not many*).
    pub(crate) article: bool,
    /// A following "of" is part of the numeral ("a pair of", as Duckling spans it).
    pub(crate) takes_of: bool,
}

/// The collective and idiomatic numerals, with their examples in the module table.
pub(crate) const COLLECTIVES: &[Collective] = &[
    Collective {
        word: "pair",
        value: 2.0,
        approximate: false,
        article: true,
        takes_of: true,
    },
    Collective {
        word: "couple",
        value: 2.0,
        approximate: true,
        article: true,
        takes_of: true,
    },
    Collective {
        word: "few",
        value: 3.0,
        approximate: true,
        article: true,
        takes_of: false,
    },
    Collective {
        word: "dozen",
        value: 12.0,
        approximate: false,
        article: true,
        takes_of: true,
    },
    Collective {
        word: "single",
        value: 1.0,
        approximate: false,
        article: false,
        takes_of: false,
    },
];

/// SI prefix letters read after a decimal: the power of ten.
pub(crate) const SI_LETTERS: &[(char, u8)] = &[('k', 3), ('M', 6), ('G', 9), ('T', 12)];

/// A reading that starts at token `i`, tried before the grammar: a collective, a leading
/// "point" or an SI-lettered decimal. A collective is taken only when it is longer than
/// what the grammar reads at `i` ("a dozen of" over "a dozen").
pub(crate) fn before(
    text: &str,
    tokens: &[Token],
    g: &Grammar<'_>,
    i: usize,
) -> Option<NumberParse> {
    if let Some(n) = collective(text, tokens, i) {
        if g.parse(i).is_none_or(|m| n.tokens.end > m.tokens.end) {
            return Some(n);
        }
    }
    leading_point(text, tokens, g, i).or_else(|| si_lettered(text, tokens, i))
}

/// A reading that extends the grammar's number `n`: a digit integer before "point",
/// stacked scales, spoken hundreds.
pub(crate) fn after(
    text: &str,
    tokens: &[Token],
    g: &Grammar<'_>,
    n: &NumberParse,
) -> Option<NumberParse> {
    digit_point(text, tokens, g, n)
        .or_else(|| stacked_scale(text, tokens, n))
        .or_else(|| spoken_hundreds(text, tokens, g, n))
}

fn parse_at(
    tokens: &[Token],
    range: std::ops::Range<usize>,
    value: f64,
    form: NumberForm,
    approximate: bool,
) -> Option<NumberParse> {
    let (a, b) = (
        tokens.get(range.start)?,
        tokens.get(range.end.checked_sub(1)?)?,
    );
    let value = (value.is_finite() && value.abs() <= MAX_EXACT_INTEGER).then_some(value)?;
    Some(NumberParse {
        value,
        kind: NumberKind::Cardinal,
        tokens: range,
        span: Span::new(a.span.start, b.span.end),
        form,
        plural: false,
        approximate,
    })
}

/// "a pair (of)", "a couple (of)", "a few", "a dozen of", "single", "a single".
fn collective(text: &str, tokens: &[Token], i: usize) -> Option<NumberParse> {
    let article = is_word(text, tokens, i, "a") || is_word(text, tokens, i, "an");
    let k = if article { i + 1 } else { i };
    let w = word_at(text, tokens, k)?;
    let c = COLLECTIVES
        .iter()
        .find(|c| c.word.eq_ignore_ascii_case(w) && (article || !c.article))?;
    // "single-handedly", "a couple-hours drive": a word glued by a hyphen is another word.
    if tokens.get(k + 1).is_some_and(|t| t.text(text) == "-") && joined(tokens, k, k + 1) {
        return None;
    }
    let end = if c.takes_of && is_word(text, tokens, k + 1, "of") {
        k + 2
    } else {
        k + 1
    };
    parse_at(tokens, i..end, c.value, NumberForm::Words, c.approximate)
}

/// The decimals after "point" at `k`: one plain digit token ("77") or spelled digits
/// ("seven seven", "seventy-seven"), and the token after them.
fn decimals_after(
    text: &str,
    tokens: &[Token],
    g: &Grammar<'_>,
    k: usize,
) -> Option<(String, usize)> {
    let t = tokens.get(k)?;
    if t.kind == TokenKind::Number {
        let s = t.text(text);
        let plain = s.bytes().all(|b| b.is_ascii_digit());
        // "point 77" but not "point 77.5" or "point 77-80".
        let glued_on = joined(tokens, k, k + 1);
        return (plain && !glued_on).then(|| (s.to_string(), k + 1));
    }
    g.spelled_decimals(k)
}

/// "point 77", "point five": "point" starting the text or after punctuation.
fn leading_point(text: &str, tokens: &[Token], g: &Grammar<'_>, i: usize) -> Option<NumberParse> {
    if !is_word(text, tokens, i, "point") {
        return None;
    }
    let after_word_or_number = i > 0
        && tokens
            .get(i - 1)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number));
    if after_word_or_number {
        return None;
    }
    let (frac, end) = decimals_after(text, tokens, g, i + 1)?;
    let form = if tokens.get(i + 1)?.kind == TokenKind::Number {
        NumberForm::Mixed
    } else {
        NumberForm::Words
    };
    parse_at(
        tokens,
        i..end,
        decimal_value("0", &frac, 0).ok()?,
        form,
        false,
    )
}

/// "1 point 1", "3 point five": a whole number in plain digits, "point", decimals.
fn digit_point(
    text: &str,
    tokens: &[Token],
    g: &Grammar<'_>,
    n: &NumberParse,
) -> Option<NumberParse> {
    if n.form != NumberForm::Digits || n.kind != NumberKind::Cardinal || n.tokens.len() > 2 {
        return None;
    }
    let last = tokens.get(n.tokens.end - 1)?;
    if !last.text(text).bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let k = n.tokens.end;
    if !is_word(text, tokens, k, "point") {
        return None;
    }
    let (frac, end) = decimals_after(text, tokens, g, k + 1)?;
    let v = decimal_value(last.text(text), &frac, 0).ok()?;
    let v = if n.value < 0.0 { -v } else { v };
    parse_at(tokens, n.tokens.start..end, v, NumberForm::Mixed, false)
}

/// "three thousand millions", "a thousand million": a number ending in a scale word,
/// followed by a larger scale word, multiplies by it.
fn stacked_scale(text: &str, tokens: &[Token], n: &NumberParse) -> Option<NumberParse> {
    if n.kind != NumberKind::Cardinal {
        return None;
    }
    let scale = |j: usize| match word_at(text, tokens, j).and_then(lookup)?.lex {
        Lex::Scale(p) => Some(p),
        _ => None,
    };
    let p = scale(n.tokens.end.checked_sub(1)?)?;
    let q = scale(n.tokens.end)?;
    if q <= p {
        return None;
    }
    let v = n.value * 10f64.powi(i32::from(q));
    parse_at(tokens, n.tokens.start..n.tokens.end + 1, v, n.form, false)
}

/// "one twenty two", "seven forty-seven", "nine eleven": one digit word, then (after a
/// space only) a two-digit word number that is not a round ten, read as hundreds.
fn spoken_hundreds(
    text: &str,
    tokens: &[Token],
    g: &Grammar<'_>,
    n: &NumberParse,
) -> Option<NumberParse> {
    let one_digit = n.tokens.len() == 1
        && n.form == NumberForm::Words
        && n.kind == NumberKind::Cardinal
        && matches!(
            word_at(text, tokens, n.tokens.start)
                .and_then(lookup)
                .map(|e| e.lex),
            Some(Lex::Unit(_))
        );
    if !one_digit {
        return None;
    }
    let m = g.parse(n.tokens.end)?;
    let two_digits = m.form == NumberForm::Words
        && m.kind == NumberKind::Cardinal
        && !m.plural
        && (10.0..100.0).contains(&m.value)
        && m.value.fract() == 0.0
        && (m.value < 20.0 || m.value % 10.0 != 0.0);
    let gap = text.get(n.span.end..m.span.start)?;
    if !two_digits || gap.is_empty() || !gap.bytes().all(|b| b == b' ') {
        return None;
    }
    let v = n.value * 100.0 + m.value;
    parse_at(
        tokens,
        n.tokens.start..m.tokens.end,
        v,
        NumberForm::Words,
        false,
    )
}

/// "-.0012G", ".0012G", "2.5T": an optional glued minus sign, a decimal (its point may be
/// a token of its own) and an SI letter; an integer before the letter is not read ("5G").
fn si_lettered(text: &str, tokens: &[Token], i: usize) -> Option<NumberParse> {
    if i > 0 && joined(tokens, i - 1, i) {
        return None;
    }
    let mut k = i;
    let minus = tokens.get(k)?.text(text) == "-";
    if minus {
        if !joined(tokens, k, k + 1) {
            return None;
        }
        k += 1;
    }
    let lead_dot = tokens.get(k)?.text(text) == ".";
    if lead_dot {
        if !joined(tokens, k, k + 1) {
            return None;
        }
        k += 1;
    }
    let t = tokens.get(k)?;
    if t.kind != TokenKind::Number || joined(tokens, k, k + 1) {
        return None;
    }
    let s = t.text(text);
    let letter = s.chars().next_back()?;
    let &(_, p) = SI_LETTERS.iter().find(|(c, _)| *c == letter)?;
    let body = &s[..s.len() - letter.len_utf8()];
    let (int, frac) = if lead_dot {
        ("0", body)
    } else {
        body.split_once('.')?
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) {
        return None;
    }
    let v = decimal_value(int, frac, p).ok()?;
    parse_at(
        tokens,
        i..k + 1,
        if minus { -v } else { v },
        NumberForm::Digits,
        false,
    )
}
