//! The two parsers [`super::DigitReading`] replaced, as they were: the references its
//! views are tested against. [`parse_num`] is the date grammar's reading of a number token,
//! [`parse_digit_token`] the number grammar's.

use crate::date::grammar::NumTok;
use crate::number::NumberError;
use crate::number::digits::{DigitToken, decimal_value, small_int, vulgar_fraction};
use crate::number::lexicon::{ordinal_suffix_ok, suffix_scale};

/// The date grammar's reading of a number token: digits, commas skipped, at most one dot,
/// and a suffix.
pub(super) fn parse_num(s: &str) -> Option<NumTok> {
    let split = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(s.len(), |(k, _)| k);
    let (digits_part, _) = s.split_at(split);
    let digits_part = digits_part.trim_end_matches(['.', ',']);
    let rest = s.get(digits_part.len()..).unwrap_or("");
    if digits_part.is_empty() || !digits_part.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Without thousands separators (the common case) parse in place, without allocating.
    let owned;
    let clean: &str = if digits_part.contains(',') {
        owned = digits_part.replace(',', "");
        &owned
    } else {
        digits_part
    };
    if clean.matches('.').count() > 1 {
        return None;
    }
    let val: f64 = clean.parse().ok()?;
    let int = if clean.contains('.') {
        None
    } else {
        clean.parse::<u32>().ok()
    };
    let digits = if digits_part.contains([',', '.']) {
        0
    } else {
        u8::try_from(digits_part.len()).unwrap_or(0)
    };
    // The suffix table is data both readings share (`date_suffix`); what this reference
    // checks is the reading of the digits.
    let mut buf = [0u8; 16];
    let suffix = super::date_suffix(super::lower_suffix(rest, &mut buf));
    Some(NumTok::new(val, int, digits, suffix))
}

/// The number grammar's reading of a number token: separators, decimals, a scale or
/// ordinal suffix, vulgar fractions.
pub(super) fn parse_digit_token(s: &str) -> Result<DigitToken, NumberError> {
    if let Some(v) = vulgar_fraction(s) {
        return Ok(DigitToken {
            value: v,
            ordinal: false,
            suffix_scale: None,
            plain: false,
            integer: false,
            int_digits: 0,
        });
    }
    let body_len = s
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b',' || b == b'.'))
        .unwrap_or(s.len());
    let (body, suffix) = s.split_at(body_len);
    if body.is_empty() || !body.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(NumberError::Malformed);
    }
    if !body.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return Err(NumberError::Malformed);
    }
    let (int_part, frac_part) = split_separators(body)?;
    let plain = !body.contains([',', '.']) && suffix.is_empty();
    let mut ordinal = false;
    let mut scale = None;
    if !suffix.is_empty() {
        if let Some(p) = suffix_scale(suffix) {
            scale = Some(p);
        } else if frac_part.is_empty() && !body.contains([',', '.']) {
            let v = small_int(&int_part).ok_or(NumberError::TooLarge)?;
            if ordinal_suffix_ok(v, suffix) {
                ordinal = true;
            } else {
                return Err(NumberError::Malformed);
            }
        } else {
            return Err(NumberError::Malformed);
        }
    }
    let value = decimal_value(&int_part, &frac_part, scale.unwrap_or(0))?;
    Ok(DigitToken {
        value,
        ordinal,
        suffix_scale: scale,
        plain,
        integer: value.fract() == 0.0,
        int_digits: int_part.len(),
    })
}

/// Splits a body of digits, commas and dots into integer and fraction digits, deciding
/// which separator groups thousands and which marks decimals.
fn split_separators(body: &str) -> Result<(String, String), NumberError> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let groups_ok = |int: &str, sep: char| -> bool {
        let parts: Vec<&str> = int.split(sep).collect();
        let Some((first, rest)) = parts.split_first() else {
            return false;
        };
        let western =
            (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3) && !rest.is_empty();
        // Indian grouping: 12,34,567 — two-digit groups, then a final group of three.
        let indian = sep == ','
            && rest.len() >= 2
            && (1..=2).contains(&first.len())
            && rest
                .split_last()
                .is_some_and(|(last, mid)| last.len() == 3 && mid.iter().all(|g| g.len() == 2));
        western || indian
    };
    let strip = |s: &str, sep: char| s.chars().filter(|&c| c != sep).collect::<String>();
    match (commas, dots) {
        (0, 0) => Ok((body.to_string(), String::new())),
        (0, 1) => {
            let (a, b) = body.split_once('.').ok_or(NumberError::Malformed)?;
            Ok((a.to_string(), b.to_string()))
        }
        (0, _) => {
            if groups_ok(body, '.') {
                Ok((strip(body, '.'), String::new()))
            } else {
                Err(NumberError::Malformed)
            }
        }
        (_, 0) => {
            if groups_ok(body, ',') {
                Ok((strip(body, ','), String::new()))
            } else if commas == 1 {
                // A decimal comma ("5,00", "1,3"): the thousands reading failed.
                let (a, b) = body.split_once(',').ok_or(NumberError::Malformed)?;
                if b.len() <= 2 {
                    Ok((a.to_string(), b.to_string()))
                } else {
                    Err(NumberError::Malformed)
                }
            } else {
                Err(NumberError::Malformed)
            }
        }
        _ => {
            let last_dot = body.rfind('.').unwrap_or(0);
            let last_comma = body.rfind(',').unwrap_or(0);
            if last_dot > last_comma && dots == 1 {
                let (a, b) = body.split_at(last_dot);
                if groups_ok(a, ',') {
                    return Ok((strip(a, ','), b.get(1..).unwrap_or("").to_string()));
                }
            } else if last_comma > last_dot && commas == 1 {
                let (a, b) = body.split_at(last_comma);
                if groups_ok(a, '.') {
                    return Ok((strip(a, '.'), b.get(1..).unwrap_or("").to_string()));
                }
            }
            Err(NumberError::Malformed)
        }
    }
}
