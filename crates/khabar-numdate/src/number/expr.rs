//! Number expressions: the forms a calculator reads but news prose rarely uses —
//! scientific notation ("1.3e6", "6.23x10^-4"), powers ("1.1^23", "2 to the power of 3")
//! and ratios ("one over three", "3 out of 5", "1 in twenty-one").
//!
//! They live beside the grammar rather than inside it on purpose: [`super::parse_number`]
//! (which the quantity and date extractors stand on) keeps reading "3 out of 5" as two
//! counts, because a news report that says "3 out of 5 Afghans" states both counts and the
//! quotient would lose them. A caller that wants the quotient asks for it here.

use super::lexicon::{Lex, lookup};
use super::numeral;
use super::{MAX_EXACT_INTEGER, NumberForm, NumberKind, NumberParse, grammar::Grammar};
use khabar_tokenize::{Span, Token, TokenKind};

/// Every number in `tokens` as [`super::find_numbers`] reads them, except that scientific
/// notation, powers and ratios are read as one number each (see the module docs).
pub(crate) fn find(text: &str, tokens: &[Token]) -> Vec<NumberParse> {
    let g = Grammar::new(text, tokens);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(n) = notation(text, tokens, i)
            .or_else(|| compound_fraction(text, tokens, &g, i))
            .or_else(|| numeral::before(text, tokens, &g, i))
        {
            i = n.tokens.end;
            out.push(n);
            continue;
        }
        match g.parse(i) {
            Some(n) if n.tokens.end > i => {
                let n = power_words(text, tokens, &g, &n)
                    .or_else(|| ratio(text, tokens, &g, &n))
                    .or_else(|| numeral::after(text, tokens, &g, &n))
                    .unwrap_or(n);
                i = n.tokens.end;
                out.push(n);
            }
            _ => i += 1,
        }
    }
    out
}

pub(super) fn word_at<'t>(text: &'t str, tokens: &[Token], j: usize) -> Option<&'t str> {
    tokens
        .get(j)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
}

pub(super) fn is_word(text: &str, tokens: &[Token], j: usize, w: &str) -> bool {
    word_at(text, tokens, j).is_some_and(|x| x.eq_ignore_ascii_case(w))
}

fn combine_form(a: NumberForm, b: NumberForm) -> NumberForm {
    if a == b { a } else { NumberForm::Mixed }
}

/// The value checks every expression shares: finite and within the exact range.
fn exact(v: f64) -> Option<f64> {
    (v.is_finite() && v.abs() <= MAX_EXACT_INTEGER).then_some(v)
}

pub(super) fn joined(tokens: &[Token], a: usize, b: usize) -> bool {
    match (tokens.get(a), tokens.get(b)) {
        (Some(x), Some(y)) => x.is_joined_to(y),
        _ => false,
    }
}

/// "1.3e6", "-12e-1", "6.23x10^-4", "1.1^23", "-2.5^-1": a run of glued number, sign and
/// caret tokens starting at `i`, read by [`parse_notation`] as a whole or not at all.
fn notation(text: &str, tokens: &[Token], i: usize) -> Option<NumberParse> {
    let first = tokens.get(i)?;
    let starts_ok = match first.kind {
        TokenKind::Number => true,
        TokenKind::Punct => first.text(text) == "-",
        _ => false,
    };
    // Not in the middle of something glued ("x-1e5", "1000-1e5").
    if !starts_ok || (i > 0 && joined(tokens, i - 1, i)) {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len() && joined(tokens, end - 1, end) {
        let Some(t) = tokens.get(end) else { break };
        let s = t.text(text);
        let part = t.kind == TokenKind::Number || matches!(s, "^" | "+" | "-" | "--");
        if !part {
            break;
        }
        end += 1;
    }
    let last = tokens.get(end - 1)?;
    let s = text.get(first.span.start..last.span.end)?;
    let value = parse_notation(s)?;
    Some(NumberParse {
        value,
        kind: NumberKind::Cardinal,
        tokens: i..end,
        span: Span::new(first.span.start, last.span.end),
        form: NumberForm::Digits,
        plural: false,
        approximate: false,
    })
}

/// Signs before an exponent: any mix of `+` and `-`; an odd count of `-` is negative
/// ("^--23" is "^23", as Recognizers-Text reads it).
fn signed_exponent(s: &str) -> Option<i32> {
    let digits_at = s.find(|c: char| c.is_ascii_digit())?;
    let (signs, digits) = s.split_at(digits_at);
    if !signs.chars().all(|c| c == '+' || c == '-') || digits.len() > 4 {
        return None;
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let e: i32 = digits.parse().ok()?;
    let minus = signs.chars().filter(|&c| c == '-').count();
    Some(if minus % 2 == 1 { -e } else { e })
}

/// Reads one scientific-notation or power string; `None` when `s` is anything else
/// (a plain number included: the grammar reads those).
pub(crate) fn parse_notation(s: &str) -> Option<f64> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mant_end = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(body.len());
    let (mant, rest) = body.split_at(mant_end);
    // The mantissa must itself be a well-formed number ("1,674.5" yes, "1.2.3" no).
    let m = super::parse_digits(mant).ok()?;
    let plain: String = mant.chars().filter(|&c| c != ',').collect();
    let sign = if negative { -1.0 } else { 1.0 };
    let value = if let Some(exp) = rest.strip_prefix(['e', 'E']) {
        let e = signed_exponent(exp)?;
        // Read from the decimal text so the value is correctly rounded.
        format!("{plain}e{e}").parse::<f64>().ok()?
    } else if let Some(exp) = rest
        .strip_prefix(['x', 'X', '\u{d7}'])
        .and_then(|r| r.strip_prefix("10^"))
    {
        let e = signed_exponent(exp)?;
        format!("{plain}e{e}").parse::<f64>().ok()?
    } else if let Some(exp) = rest.strip_prefix('^') {
        m.powi(signed_exponent(exp)?)
    } else {
        return None;
    };
    exact(sign * value)
}

/// Fractions whose denominator is a compound ordinal, which the grammar reads otherwise:
/// "one twenty-fifth" and "a twenty-first" (1/25, 1/21: the grammar reads a count and an
/// ordinal), "three twenty-firsts" and "twenty twenty fifths" (3/21, 20/25: the grammar
/// reads "twenty fifths" as 20/5).
fn compound_fraction(
    text: &str,
    tokens: &[Token],
    g: &Grammar<'_>,
    i: usize,
) -> Option<NumberParse> {
    let (num, num_form, k) = if is_word(text, tokens, i, "a") || is_word(text, tokens, i, "an") {
        (1.0, NumberForm::Words, i + 1)
    } else {
        let n = g.parse(i)?;
        let whole = n.kind == NumberKind::Cardinal && n.value.fract() == 0.0 && n.value >= 1.0;
        if !whole || n.plural || n.form != NumberForm::Words {
            return None;
        }
        (n.value, n.form, n.tokens.end)
    };
    let (den, end) = if let Some((den, end)) = plural_compound_ordinal(text, tokens, k) {
        (den, end)
    } else {
        // Singular: only after "a"/"one" ("one twenty-fifth"; "three twenty-fifth" is
        // not English).
        let d = g.parse(k)?;
        let singular = !word_at(text, tokens, d.tokens.end.checked_sub(1)?)
            .is_some_and(|w| w.ends_with(['s', 'S']));
        if num != 1.0 || d.kind != NumberKind::Ordinal || d.form != NumberForm::Words {
            return None;
        }
        if !singular || d.value < 20.0 || d.value % 10.0 == 0.0 {
            return None;
        }
        (d.value, d.tokens.end)
    };
    let (a, b) = (tokens.get(i)?, tokens.get(end.checked_sub(1)?)?);
    Some(NumberParse {
        value: exact(num / den)?,
        kind: NumberKind::Fraction,
        tokens: i..end,
        span: Span::new(a.span.start, b.span.end),
        form: num_form,
        plural: false,
        approximate: false,
    })
}

/// "twenty-firsts", "twenty fifths" at `k`: a tens word and a plural unit ordinal, as one
/// denominator (21, 25), and the token after it.
fn plural_compound_ordinal(text: &str, tokens: &[Token], k: usize) -> Option<(f64, usize)> {
    let Some(Lex::Tens(t)) = word_at(text, tokens, k).and_then(lookup).map(|e| e.lex) else {
        return None;
    };
    let hyphen = tokens.get(k + 1).is_some_and(|t| t.text(text) == "-")
        && joined(tokens, k, k + 1)
        && joined(tokens, k + 1, k + 2);
    let u_at = if hyphen { k + 2 } else { k + 1 };
    let e = word_at(text, tokens, u_at).and_then(lookup)?;
    match e.lex {
        Lex::OrdUnit(u) if e.plural => Some((f64::from(t) + f64::from(u), u_at + 1)),
        _ => None,
    }
}

/// "2 to the power of 3", "ten to the power 6".
fn power_words(
    text: &str,
    tokens: &[Token],
    g: &Grammar<'_>,
    base: &NumberParse,
) -> Option<NumberParse> {
    if base.kind != NumberKind::Cardinal {
        return None;
    }
    let j = base.tokens.end;
    if !(is_word(text, tokens, j, "to")
        && is_word(text, tokens, j + 1, "the")
        && is_word(text, tokens, j + 2, "power"))
    {
        return None;
    }
    let k = if is_word(text, tokens, j + 3, "of") {
        j + 4
    } else {
        j + 3
    };
    let exp = g.parse(k)?;
    if exp.kind != NumberKind::Cardinal || exp.value.fract() != 0.0 || exp.value.abs() > 400.0 {
        return None;
    }
    let value = exact(base.value.powi(exp.value as i32))?;
    Some(NumberParse {
        value,
        kind: NumberKind::Cardinal,
        tokens: base.tokens.start..exp.tokens.end,
        span: Span::new(base.span.start, exp.span.end),
        form: combine_form(base.form, exp.form),
        plural: false,
        approximate: false,
    })
}

/// "one over three", "3 out of 5", "1 in twenty-one": the quotient, as a fraction, when the
/// first number is no larger than the second.
fn ratio(text: &str, tokens: &[Token], g: &Grammar<'_>, num: &NumberParse) -> Option<NumberParse> {
    if num.kind != NumberKind::Cardinal || num.plural {
        return None;
    }
    let j = num.tokens.end;
    let (k, by_in) = if is_word(text, tokens, j, "over") {
        (j + 1, false)
    } else if is_word(text, tokens, j, "out") && is_word(text, tokens, j + 1, "of") {
        (j + 2, false)
    } else if is_word(text, tokens, j, "in") {
        (j + 1, true)
    } else {
        return None;
    };
    let den = g.parse(k)?;
    if den.kind != NumberKind::Cardinal || den.value == 0.0 {
        return None;
    }
    // A ratio is a part of a whole: "12 out of 10", "8 in 5", "$2000 over 3 years" are
    // two counts.
    if num.value.abs() > den.value.abs() {
        return None;
    }
    // "5 in 2018" is a count and a year, not one in two thousand and eighteen.
    if by_in && den.form == NumberForm::Digits && (1000.0..=2999.0).contains(&den.value) {
        return None;
    }
    let value = exact(num.value / den.value)?;
    Some(NumberParse {
        value,
        kind: NumberKind::Fraction,
        tokens: num.tokens.start..den.tokens.end,
        span: Span::new(num.span.start, den.span.end),
        form: combine_form(num.form, den.form),
        plural: den.plural,
        approximate: false,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_notation;

    #[test]
    fn notation_forms() {
        assert_eq!(parse_notation("1.3e6"), Some(1_300_000.0));
        assert_eq!(parse_notation("-12e-1"), Some(-1.2));
        assert_eq!(parse_notation("12.32e+14"), Some(1_232_000_000_000_000.0));
        assert_eq!(parse_notation("6.23x10^-4"), Some(0.000623));
        assert_eq!(parse_notation("10^3"), Some(1000.0));
        assert_eq!(parse_notation("-2.5^-1"), Some(-0.4));
        assert_eq!(parse_notation("1.1^--23"), parse_notation("1.1^23"));
        assert_eq!(parse_notation("1e400"), None);
        assert_eq!(parse_notation("1.3"), None);
        assert_eq!(parse_notation("1e"), None);
        assert_eq!(parse_notation("192.168.1.2e3"), None);
    }
}
