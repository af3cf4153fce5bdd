//! Numbers written in digits: what the number grammar reads of a digit token
//! ([`DigitToken`], read by [`crate::digit_token::DigitReading::as_number`]), decimal
//! values and the overflow policy.

use super::{MAX_EXACT_INTEGER, NumberError};

/// What a digit token turned out to be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DigitToken {
    /// The value, already multiplied by a scale suffix ("5bn" → 5e9).
    pub(crate) value: f64,
    /// "21st", "3rd".
    pub(crate) ordinal: bool,
    /// Power of ten of a suffix ("5bn" → 9), if any.
    pub(crate) suffix_scale: Option<u8>,
    /// Only ASCII digits, no separators, decimals or suffix ("2017", "05").
    pub(crate) plain: bool,
    /// The value has no fractional part.
    pub(crate) integer: bool,
    /// Number of digits before the decimal point ("4,000" → 4).
    pub(crate) int_digits: usize,
}

/// A short run of ASCII digits as an integer, or `None` when it has more than 18 digits.
pub(crate) fn small_int(digits: &str) -> Option<u64> {
    let d = digits.trim_start_matches('0');
    if d.len() > 18 {
        return None;
    }
    Some(
        d.bytes()
            .fold(0u64, |acc, b| acc * 10 + u64::from(b.wrapping_sub(b'0'))),
    )
}

/// The correctly rounded `f64` of `int.frac × 10^scale`, or [`NumberError::TooLarge`] when
/// the integer part would exceed [`MAX_EXACT_INTEGER`]. The digit count is checked before
/// any arithmetic, so a 400-digit number costs a length comparison, not a float overflow.
pub(crate) fn decimal_value(int: &str, frac: &str, scale: u8) -> Result<f64, NumberError> {
    let significant = int.trim_start_matches('0').len();
    if significant + usize::from(scale) > 16 {
        return Err(NumberError::TooLarge);
    }
    let int_value = small_int(int).ok_or(NumberError::TooLarge)?;
    if u128::from(int_value) * 10u128.pow(u32::from(scale)) > MAX_EXACT_INTEGER as u128 {
        return Err(NumberError::TooLarge);
    }
    // A whole number (no fraction digits) is the integer itself, at most 2^53 and so exact
    // in an `f64`: the same value the decimal parse below gives, without formatting a
    // string for it (almost every number of a text is one).
    if frac.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) {
        let whole = u128::from(int_value) * 10u128.pow(u32::from(scale));
        if let Ok(whole) = u64::try_from(whole) {
            return Ok(whole as f64);
        }
    }
    decimal_value_parsed(int, frac, scale)
}

/// [`decimal_value`] by formatting the decimal and parsing it (correctly rounded): the
/// general case, and the reference the whole-number shortcut is tested against.
pub(crate) fn decimal_value_parsed(int: &str, frac: &str, scale: u8) -> Result<f64, NumberError> {
    // Keep at most 30 fraction digits: beyond that f64 cannot tell them apart anyway.
    let frac = frac.get(..frac.len().min(30)).unwrap_or("");
    let int = if int.is_empty() { "0" } else { int };
    let lit = if frac.is_empty() {
        format!("{int}e{scale}")
    } else {
        format!("{int}.{frac}e{scale}")
    };
    let v: f64 = lit.parse().map_err(|_| NumberError::Malformed)?;
    if !v.is_finite() || v.abs() > MAX_EXACT_INTEGER {
        return Err(NumberError::TooLarge);
    }
    Ok(v)
}

/// The value of a vulgar fraction character ("½" → 0.5).
pub(crate) fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whole numbers take the shortcut: the same value as parsing the decimal.
        #[test]
        fn whole_numbers_match_the_decimal_parse(int in "[0-9]{0,17}", frac in "[0-9]{0,3}", scale in 0u8..13) {
            if let Ok(fast) = decimal_value(&int, &frac, scale) {
                // The checks before the shortcut passed, so the reference sees the same.
                let slow = decimal_value_parsed(&int, &frac, scale);
                proptest::prop_assert_eq!(Ok(fast.to_bits()), slow.map(f64::to_bits));
            }
        }
    }

    fn parse_digit_token(s: &str) -> Result<DigitToken, NumberError> {
        crate::digit_token::DigitReading::of(s).as_number()
    }

    fn v(s: &str) -> Option<f64> {
        parse_digit_token(s).ok().map(|d| d.value)
    }

    #[test]
    fn separators() {
        assert_eq!(v("4,000"), Some(4000.0));
        assert_eq!(v("1,234.5"), Some(1234.5));
        assert_eq!(v("12,34,567.89"), Some(1234567.89));
        assert_eq!(v("1.111,11"), Some(1111.11));
        assert_eq!(v("5,00"), Some(5.0));
        assert_eq!(v("4.800"), Some(4.8));
        assert_eq!(v("22,24,26,31"), None);
        assert_eq!(v("192.168.1.2"), None);
        assert_eq!(v("1,674,200.5"), Some(1674200.5));
    }

    #[test]
    fn suffixes() {
        assert_eq!(v("5bn"), Some(5e9));
        assert_eq!(v("10k"), Some(10_000.0));
        assert_eq!(v("10M"), Some(1e7));
        assert_eq!(v("1m"), None);
        assert_eq!(v("180ml"), None);
        assert_eq!(v("1990s"), None);
        let d = parse_digit_token("21st").ok();
        assert!(d.is_some_and(|d| d.ordinal && d.value == 21.0));
        assert!(parse_digit_token("21th").is_err());
        assert!(parse_digit_token("11th").is_ok_and(|d| d.ordinal));
    }

    #[test]
    fn overflow_is_rejected() {
        let big = "9".repeat(400);
        assert_eq!(parse_digit_token(&big), Err(NumberError::TooLarge));
        assert_eq!(v("9007199254740992"), Some(9007199254740992.0));
        assert_eq!(
            parse_digit_token("9007199254740993"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(v("123456789101231"), Some(123456789101231.0));
    }
}
