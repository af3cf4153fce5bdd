//! Units of measure: the table, and reading a unit after a number ("12 km", "2 tonnes",
//! "45 °C", "100 km/h") or glued to it ("12km", "80m", "2.5km2").

use super::Dimension;
use super::cues::Lower;
use khabar_tokenize::{Token, TokenKind};

/// A unit of measure: its words (tokens, lower case), what it measures, and how to reach
/// the SI unit: `si = value × factor + offset`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasureUnit {
    /// The tokens as written, lower case ("km", "/", "h"); a one-letter or two-letter
    /// symbol ("m", "km") matches only in lower case, longer words in any case.
    pub words: &'static [&'static str],
    /// What it measures.
    pub dimension: Dimension,
    /// Multiply by this to get the SI unit ([`Dimension::si_unit`]).
    pub factor: f64,
    /// Then add this (temperatures only).
    pub offset: f64,
}

const fn u(words: &'static [&'static str], dimension: Dimension, factor: f64) -> MeasureUnit {
    MeasureUnit {
        words,
        dimension,
        factor,
        offset: 0.0,
    }
}

use Dimension::{Area, Length, Mass, Speed, Temperature, Volume};

const MILE: f64 = 1609.344;
const NAUTICAL_MILE: f64 = 1852.0;

/// Every unit khabar reads, longest first within a dimension ("square kilometres" before
/// "kilometres"). Tons are taken as metric tonnes and gallons as US gallons. Sources: the
/// SI brochure and the international yard and pound (1959) for the factors.
pub const MEASURE_UNITS: &[MeasureUnit] = &[
    // Speed (before length: "km/h" starts like "km").
    u(&["km", "/", "h"], Speed, 1.0 / 3.6),
    u(&["km", "/", "hr"], Speed, 1.0 / 3.6),
    u(&["km", "per", "hour"], Speed, 1.0 / 3.6),
    u(&["kilometres", "per", "hour"], Speed, 1.0 / 3.6),
    u(&["kilometers", "per", "hour"], Speed, 1.0 / 3.6),
    u(&["kilometres", "an", "hour"], Speed, 1.0 / 3.6),
    u(&["kilometers", "an", "hour"], Speed, 1.0 / 3.6),
    u(&["miles", "per", "hour"], Speed, MILE / 3600.0),
    u(&["miles", "an", "hour"], Speed, MILE / 3600.0),
    u(&["m", "/", "s"], Speed, 1.0),
    u(&["kmh"], Speed, 1.0 / 3.6),
    u(&["kph"], Speed, 1.0 / 3.6),
    u(&["kmph"], Speed, 1.0 / 3.6),
    u(&["mph"], Speed, MILE / 3600.0),
    u(&["knots"], Speed, NAUTICAL_MILE / 3600.0),
    u(&["knot"], Speed, NAUTICAL_MILE / 3600.0),
    // Area.
    u(&["square", "kilometres"], Area, 1e6),
    u(&["square", "kilometers"], Area, 1e6),
    u(&["square", "km"], Area, 1e6),
    u(&["sq", "km"], Area, 1e6),
    u(&["square", "miles"], Area, MILE * MILE),
    u(&["sq", "miles"], Area, MILE * MILE),
    u(&["square", "metres"], Area, 1.0),
    u(&["square", "meters"], Area, 1.0),
    u(&["sq", "m"], Area, 1.0),
    u(&["km2"], Area, 1e6),
    u(&["km²"], Area, 1e6),
    u(&["m2"], Area, 1.0),
    u(&["m²"], Area, 1.0),
    u(&["hectares"], Area, 1e4),
    u(&["hectare"], Area, 1e4),
    u(&["ha"], Area, 1e4),
    u(&["acres"], Area, 4_046.856_422_4),
    u(&["acre"], Area, 4_046.856_422_4),
    // Volume.
    u(&["cubic", "metres"], Volume, 1.0),
    u(&["cubic", "meters"], Volume, 1.0),
    u(&["m3"], Volume, 1.0),
    u(&["m³"], Volume, 1.0),
    u(&["litres"], Volume, 1e-3),
    u(&["litre"], Volume, 1e-3),
    u(&["liters"], Volume, 1e-3),
    u(&["liter"], Volume, 1e-3),
    u(&["ml"], Volume, 1e-6),
    u(&["gallons"], Volume, 0.003_785_411_784),
    u(&["gallon"], Volume, 0.003_785_411_784),
    u(&["barrels"], Volume, 0.158_987_294_928),
    u(&["barrel"], Volume, 0.158_987_294_928),
    // Length.
    u(&["nautical", "miles"], Length, NAUTICAL_MILE),
    u(&["nautical", "mile"], Length, NAUTICAL_MILE),
    u(&["kilometres"], Length, 1e3),
    u(&["kilometre"], Length, 1e3),
    u(&["kilometers"], Length, 1e3),
    u(&["kilometer"], Length, 1e3),
    u(&["km"], Length, 1e3),
    u(&["kms"], Length, 1e3),
    u(&["metres"], Length, 1.0),
    u(&["metre"], Length, 1.0),
    u(&["meters"], Length, 1.0),
    u(&["meter"], Length, 1.0),
    u(&["m"], Length, 1.0),
    u(&["centimetres"], Length, 1e-2),
    u(&["centimeters"], Length, 1e-2),
    u(&["cm"], Length, 1e-2),
    u(&["mm"], Length, 1e-3),
    u(&["miles"], Length, MILE),
    u(&["mile"], Length, MILE),
    u(&["mi"], Length, MILE),
    u(&["feet"], Length, 0.3048),
    u(&["foot"], Length, 0.3048),
    u(&["ft"], Length, 0.3048),
    u(&["yards"], Length, 0.9144),
    u(&["yard"], Length, 0.9144),
    u(&["yd"], Length, 0.9144),
    u(&["inches"], Length, 0.0254),
    u(&["inch"], Length, 0.0254),
    // Mass.
    u(&["metric", "tonnes"], Mass, 1e3),
    u(&["metric", "tons"], Mass, 1e3),
    u(&["metric", "ton"], Mass, 1e3),
    u(&["tonnes"], Mass, 1e3),
    u(&["tonne"], Mass, 1e3),
    u(&["tons"], Mass, 1e3),
    u(&["ton"], Mass, 1e3),
    u(&["kilograms"], Mass, 1.0),
    u(&["kilogram"], Mass, 1.0),
    u(&["kilos"], Mass, 1.0),
    u(&["kilo"], Mass, 1.0),
    u(&["kg"], Mass, 1.0),
    u(&["kgs"], Mass, 1.0),
    u(&["grams"], Mass, 1e-3),
    u(&["gram"], Mass, 1e-3),
    u(&["pounds"], Mass, 0.453_592_37),
    u(&["pound"], Mass, 0.453_592_37),
    u(&["lbs"], Mass, 0.453_592_37),
    u(&["lb"], Mass, 0.453_592_37),
    u(&["ounces"], Mass, 0.028_349_523_125),
    u(&["ounce"], Mass, 0.028_349_523_125),
    u(&["oz"], Mass, 0.028_349_523_125),
    // Temperature.
    MeasureUnit {
        words: &["°", "c"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["deg", "c"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["deg", "celsius"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["degrees", "c"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["degree", "celsius"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["deg.", "c"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["celsius"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["celcius"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["centigrade"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["deg", "f"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["deg", "fahrenheit"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["degrees", "f"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["degree", "fahrenheit"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["degrees", "farenheit"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["degree", "farenheit"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["fahrenheit"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["farenheit"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["degrees", "celsius"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["degrees", "centigrade"],
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
    },
    MeasureUnit {
        words: &["°", "f"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
    MeasureUnit {
        words: &["degrees", "fahrenheit"],
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
    },
];

impl MeasureUnit {
    /// `value` in the SI unit.
    pub fn to_si(self, value: f64) -> f64 {
        value * self.factor + self.offset
    }
}

/// Whether the written token `w` is the table word `want`.
fn word_is(w: &str, want: &str) -> bool {
    if want.chars().count() <= 2 {
        // Symbols match in lower case only: "m" is a metre, "M" is not.
        w == want || want == "c" && w == "C" || want == "f" && w == "F"
    } else {
        Lower::new(w).as_str() == want
    }
}

/// The unit whose words start at token `k` (the first word may be given instead as
/// `first`, the letters glued to a number: "12km"), and the token after it. Tokens after
/// the first must be glued to it when the unit is symbols ("km/h").
pub(crate) fn unit_at(
    text: &str,
    toks: &[Token],
    k: usize,
    first: Option<&str>,
) -> Option<(&'static MeasureUnit, usize)> {
    unit_among(text, toks, k, first, by_first_word)
}

/// [`unit_at`] among the units `candidates` gives for the first word (indices into
/// [`MEASURE_UNITS`], in table order).
fn unit_among(
    text: &str,
    toks: &[Token],
    k: usize,
    first: Option<&str>,
    candidates: fn(&str) -> &'static [usize],
) -> Option<(&'static MeasureUnit, usize)> {
    let tok = |j: usize| toks.get(j).map(|t| t.text(text));
    // Where the unit's word `n` is: with a glued first word, word 0 is that and word n is
    // token k + n - 1.
    let at = |n: usize| -> Option<&str> {
        match first {
            Some(f) if n == 0 => Some(f),
            Some(_) => tok(k + n - 1),
            None => tok(k + n),
        }
    };
    let head = at(0)?;
    // Units start with a letter or the degree sign; most tokens stop here.
    if !head.starts_with(|c: char| c.is_alphabetic() || c == '°') {
        return None;
    }
    if first.is_none()
        && toks
            .get(k)
            .is_some_and(|t| !matches!(t.kind, TokenKind::Word | TokenKind::Symbol))
    {
        return None;
    }
    let used = |n: usize| if first.is_some() { k + n - 1 } else { k + n };
    candidates(head).iter().find_map(|&ix| {
        let m = MEASURE_UNITS.get(ix)?;
        let all = m
            .words
            .iter()
            .enumerate()
            .all(|(n, w)| at(n).is_some_and(|x| word_is(x, w)));
        // A symbol unit's parts are glued: "km/h", "°C".
        let symbols = m.words.iter().any(|w| matches!(*w, "/" | "°"));
        let glued = !symbols
            || (1..m.words.len()).all(|n| {
                let (a, b) = (used(n).checked_sub(1), used(n));
                match (a.and_then(|a| toks.get(a)), toks.get(b)) {
                    (Some(x), Some(y)) => x.is_joined_to(y) || n == 1 && first.is_some(),
                    _ => false,
                }
            });
        (all && glued).then(|| (m, used(m.words.len())))
    })
}

/// The indices in [`MEASURE_UNITS`] of the units whose first word is `head` (any case), in
/// table order: one lookup per number instead of a scan of the table.
fn by_first_word(head: &str) -> &'static [usize] {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<&'static str, Vec<usize>>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut map: std::collections::HashMap<&'static str, Vec<usize>> =
            std::collections::HashMap::new();
        for (ix, m) in MEASURE_UNITS.iter().enumerate() {
            if let Some(w) = m.words.first() {
                map.entry(*w).or_default().push(ix);
            }
        }
        map
    });
    index
        .get(Lower::new(head).as_str())
        .map_or(&[], Vec::as_slice)
}

/// A number with a unit glued to it, one token: "12km", "80m", "2.5km2", "1,200ft". The
/// value and the unit letters.
pub(crate) fn split_glued(token: &str) -> Option<(f64, &str)> {
    let cut = token.find(|c: char| c.is_alphabetic() || c == '²' || c == '³')?;
    let (digits, unit) = token.split_at(cut);
    if digits.is_empty()
        || !digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let v = crate::number::parse_digits(digits).ok()?;
    Some((v, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_factors_reach_si() {
        let find = |w: &[&str]| {
            MEASURE_UNITS
                .iter()
                .find(|m| m.words == w)
                .expect("unit in the table")
        };
        assert_eq!(find(&["km"]).to_si(12.0), 12_000.0);
        assert!((find(&["miles"]).to_si(25.0) - 40_233.6).abs() < 1e-6);
        assert!((find(&["°", "c"]).to_si(45.0) - 318.15).abs() < 1e-9);
        assert!((find(&["°", "f"]).to_si(212.0) - 373.15).abs() < 1e-9);
        assert!((find(&["km", "/", "h"]).to_si(36.0) - 10.0).abs() < 1e-9);
    }

    #[test]
    fn glued_forms_split() {
        assert_eq!(split_glued("12km"), Some((12.0, "km")));
        assert_eq!(split_glued("2.5km2"), Some((2.5, "km2")));
        assert_eq!(split_glued("1,200ft"), Some((1200.0, "ft")));
        assert_eq!(split_glued("1990s"), Some((1990.0, "s")));
        assert_eq!(split_glued("km"), None);
    }

    #[test]
    fn every_table_entry_is_lower_case_and_found() {
        for (ix, m) in MEASURE_UNITS.iter().enumerate() {
            for w in m.words {
                assert_eq!(*w, w.to_lowercase());
            }
            assert!(m.factor > 0.0);
            assert!(by_first_word(m.words[0]).contains(&ix));
        }
    }

    /// The first-word index finds what a scan of the whole table finds.
    #[test]
    fn index_matches_table_scan() {
        fn all(_: &str) -> &'static [usize] {
            static ALL: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
            ALL.get_or_init(|| (0..MEASURE_UNITS.len()).collect())
        }
        let text = "2 km/h, 3 sq km, 4 °C, 5 KM, 6 Tonnes, 7 metric tons, 8 m/s, 9 degrees \
                    celsius, 10 Celsius, 11 people, 12 M, 13 mph";
        let toks = khabar_tokenize::tokenize(text);
        for k in 0..=toks.len() {
            let fast = unit_at(text, &toks, k, None).map(|(m, e)| (m.words, e));
            let slow = unit_among(text, &toks, k, None, all).map(|(m, e)| (m.words, e));
            assert_eq!(fast, slow, "token {k}");
            let glued = unit_at(text, &toks, k, Some("km")).map(|(m, e)| (m.words, e));
            let glued_slow = unit_among(text, &toks, k, Some("km"), all).map(|(m, e)| (m.words, e));
            assert_eq!(glued, glued_slow, "token {k} after km");
        }
    }
}
