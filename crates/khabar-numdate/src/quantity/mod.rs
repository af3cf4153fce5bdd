//! Quantities: "an estimated 4,000-6,000 fighters", "around 5-10 per cent of Talibs",
//! "more than 170 people", "nearly a dozen female students", "several thousand".
//!
//! A [`Quantity`] is a number (or range, or vague amount) with its comparison cue, its
//! percent or currency marker, and the noun phrase it counts. [`QuantityExtractor`] finds
//! them in text.
//!
//! ```
//! use khabar_numdate::quantity::{Approx, QuantityExtractor, QuantityKind};
//!
//! let text = "There are an estimated 4,000-6,000 fighters and one fourth of them are foreigners.";
//! let qs = QuantityExtractor::new().extract(text);
//! assert_eq!(qs.len(), 2);
//! let q = &qs[0];
//! assert_eq!(q.text, "an estimated 4,000-6,000");
//! assert_eq!((q.low, q.high, q.approx), (Some(4000.0), Some(6000.0), Approx::About));
//! assert_eq!(q.unit.as_ref().map(|u| u.text.as_str()), Some("fighters"));
//! assert_eq!(qs[1].kind, QuantityKind::Fraction);
//! assert_eq!(qs[1].low, Some(0.25));
//! ```
//!
//! # The contract
//!
//! * `span`/`text` — the number with its comparison cue, range words and percent or
//!   currency marker ("around 5-10 per cent", "between 2,200 and even 4,000", "$5 million"),
//!   never the counted noun.
//! * `kind` — [`QuantityKind`]: cardinal, ordinal, percent, fraction, money, measure or
//!   age. A measure's span runs on over its unit ("12km", "2 tonnes", "40km (25 miles)":
//!   a restatement in parentheses is the same quantity, as is "forty-five (45)"); an age's
//!   span is the number ("a 15-year-old boy": "15", counting "boy"; "aged 35"; "Nadir, 35,").
//!   "N-member X" is a modifier, not a count ("the 83-member coalition": nothing), and
//!   "170+" is at least 170. Ordinals
//!   make ranges and bounds through their article too ("between the tenth and the
//!   fifteenth", "higher than the tenth but lower than the fifteenth": 10–15). A percent
//!   word that opens a clause takes the number after "of" as its value ("per cent of 210"
//!   → 210); inside a clause "a small percent of 500 voters" is the count 500, because
//!   there "percent of" introduces the whole. A percent word with no number is nothing.
//!   Ratios stay two counts ("3 out of 5 Afghans": news states both) and relative ordinals
//!   ("the last attack") are not quantities; [`crate::number`] has opt-in readers for both.
//! * `low`/`high` — an exact number has `low == high`; a range has both ends; an open
//!   bound is `None`. How cues set the bounds:
//!
//!   | approx | low | high |
//!   |---|---|---|
//!   | none, `about`, `nearly`, `exactly` | value | value |
//!   | `more_than`, `at_least`, `as_low_as` | value | `None` |
//!   | `less_than`, `at_most`, `up_to`, `as_many_as` | `None` | value |
//!
//!   With a range ("about 5-10", "between 2,200 and even 4,000") both ends are kept
//!   whatever the cue. Percent values are in percent (`5-10 per cent` → 5 and 10); money
//!   values are in units of the currency.
//! * `approx` — [`Approx`]: the comparison cue, or [`Approx::None`]. Besides the cues the
//!   contract lists, khabar reports an explicit equality ("equal to 170", "equals 20",
//!   "exactly 100") as [`Approx::Exactly`]: the value is the same as with no cue, but the
//!   text stated it as a comparison. A later cue after an equality wins ("equal to 5000 or
//!   less" is at_most), and a bound followed by "or equal (to)" includes its value
//!   ("more than 5000 or equal to" is at_least). A dangling "or more than" after a number
//!   ("200 or greater than") is read as "or more".
//! * `vague` — `true` for amounts given by words without a number. Their conventional
//!   bounds (documented here once, used everywhere):
//!
//!   | words | low | high |
//!   |---|---|---|
//!   | a couple (of) | 2 | 3 |
//!   | a few | 2 | 5 |
//!   | several | 3 | 9 |
//!   | dozens (of) | 24 | 99 |
//!   | scores (of) | 40 | 99 |
//!   | hundreds (of) | 200 | 999 |
//!   | thousands, millions, … (of) | 2 × scale | 10 × scale − 1 |
//!   | tens of thousands, hundreds of thousands, … | 20 000 / 200 000 … | 99 999 / 999 999 … |
//!   | a few / several + scale ("several thousand") | 2 / 3 × scale | 5 / 9 × scale |
//!
//!   A cue narrows a vague amount the same way it narrows a number ("more than a few
//!   thousand": low 2000, high `None`).
//! * `unit` — for a measure, what is measured in an "of" phrase ("2 tonnes of explosives"
//!   → "explosives"; the unit of measure is in the span and in `dimension`/`si_unit`);
//!   otherwise the counted noun phrase and its span ("fighters", "civilian casualties", "US
//!   service members"); for a percentage or fraction, the head of its "of" phrase ("5-10 per
//!   cent of Talibs" → "Talibs"; "one fourth of them" → "them"). Found by a light
//!   heuristic (up to four words, stopping at function words, punctuation, adverbs in -ly
//!   and verbs in -ing/-ed); `None` when nothing noun-like follows.
//! * `currency` — for money, an ISO 4217 code where the symbol is unambiguous ("$" and
//!   "dollars" → `USD`, "€" → `EUR`, "£" → `GBP`, "PKR", "AFN", "INR", "IRR" and rials,
//!   "C$" → `CAD`), `IRT` for tomans (no ISO code), and `RS` for "Rs" and "rupees", which
//!   do not say whose rupees. Scales include lakh/lac (10^5) and crore/cr (10^7), glued
//!   forms too ("Rs30 lakh", "Rs3.5bn", "PKR500"); "pounds" is money after a scale ("361
//!   million pounds") and a mass otherwise.
//! * `dimension`, `si_value`, `si_unit` — for a measure: what it measures
//!   ([`Dimension`]: length, mass, area, volume, speed, temperature) and its value in the SI
//!   unit (m, kg, m2, m3, m/s, K; of the lower end of a range). The units are the table
//!   [`MEASURE_UNITS`]. `None` (and absent from JSON) for every other kind.
//!
//! # What is not a quantity
//!
//! The extractor itself leaves out numbers that clearly belong to a date or time, so that
//! "dates win over quantities" holds even before the pipeline resolves overlaps:
//!
//! * years: a four-digit integer 1900–2100 after a date cue ("in", "since", "by", "mid-",
//!   a month, a day …) or with no counted noun after it ("in 2017", "mid-2020",
//!   "December 17, 2017", "2009-2010");
//! * days next to a month name ("December 17", "17 December", "November 9th");
//! * clock times and digit dates ("11:58", "26/1/2018": separate token kinds);
//! * amounts of time ("six years ago", "12 years", "the past six months", "two months"):
//!   durations are the date extractor's (switch on [`QuantityConfig::durations`] to keep
//!   them);
//! * footnote markers (`[1]`), numbers inside URLs, e-mail addresses and hashtags, model
//!   and phone numbers ("F-16", "+1-222-2222"), and numbers after "Volume", "Issue", "No.",
//!   "page" …;
//! * "one" used as a pronoun ("one of the group's strongest franchises", "the one", "on the
//!   one hand", "one another");
//! * the word ordinals "first" and "second", which news uses far more often as adjectives
//!   ("first name", "second-largest") than as counts; digit ordinals ("1st") and other
//!   word ordinals ("third", "twenty-first") are kept.
//!
//! * numbers that are neither quantities nor dates, found by [`crate::nonquant`] with their
//!   reason: coordinates, phone numbers and codes, hull and model numbers, numbered names
//!   ("Resolution 2593", "Steppe Eagle 19"), unit names ("3rd Infantry Division"), technical
//!   specifications ("FEC: 3/4") and page furniture; see them with
//!   [`QuantityExtractor::non_quantities`];
//! * "one" in idioms ("for one, he …", "in one hand", "at one point", "one day", "all are
//!   united one Islam").
//!
//! Four-digit numbers in a range that counts people or things are a quantity, not years
//! ("between 2000 and 3000 fighters"; "from 2015 to 2017" stays a date range).
//!
//! Where a date expression found by the date extractor still overlaps a quantity, the
//! pipeline drops the quantity with [`remove_overlapping`].

pub(crate) mod cues;
pub(crate) mod extract;
mod measure;
mod unit;

pub use extract::{QuantityConfig, QuantityExtractor};
pub use measure::{MEASURE_UNITS, MeasureUnit};

use crate::number::NumberParse;
use khabar_tokenize::{Span, Token};

/// Whether the number `n` (read from `tokens` of `text`) is the word "one" used as a
/// pronoun — "one of the group's strongest franchises", "one another", "the one", "which
/// one" — by the same rule the extractor uses to leave it out. The number layer reads
/// "one" literally; this lets a caller of [`crate::number::find_numbers`] apply the
/// extractor's judgement.
///
/// ```
/// use khabar_numdate::number::find_numbers;
/// use khabar_numdate::quantity::is_pronoun_one;
/// use khabar_tokenize::tokenize;
/// let text = "Which one do you prefer? one of them, or one car?";
/// let tokens = tokenize(text);
/// let flags: Vec<bool> =
///     find_numbers(text, &tokens).iter().map(|n| is_pronoun_one(text, &tokens, n)).collect();
/// assert_eq!(flags, [true, true, false]);
/// ```
pub fn is_pronoun_one(text: &str, tokens: &[Token], n: &NumberParse) -> bool {
    extract::one_is_pronoun(text, tokens, n)
}
use serde::{Deserialize, Serialize};

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A count: "4,000 fighters", "a dozen", "thousands".
    Cardinal,
    /// A position: "21st", "the third attack".
    Ordinal,
    /// A percentage: "11 per cent", "5-10%".
    Percent,
    /// A part of a whole: "one fourth of them", "half of", "three quarters".
    Fraction,
    /// An amount of money: "$5 million", "Rs 500", "€3bn".
    Money,
    /// A physical measure with a unit: "12km", "2 tonnes", "45°C" (see [`Dimension`]).
    Measure,
    /// A person's age in years: "a 15-year-old", "aged 35", "Nadir, 35".
    Age,
}

impl QuantityKind {
    /// The kind's name as serialized: `"cardinal"`, `"money"`, `"measure"`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Cardinal => "cardinal",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Percent => "percent",
            QuantityKind::Fraction => "fraction",
            QuantityKind::Money => "money",
            QuantityKind::Measure => "measure",
            QuantityKind::Age => "age",
        }
    }
}

/// What a [`QuantityKind::Measure`] measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Length or distance (SI unit `m`).
    Length,
    /// Mass (`kg`).
    Mass,
    /// Area (`m2`).
    Area,
    /// Volume (`m3`).
    Volume,
    /// Speed (`m/s`).
    Speed,
    /// Temperature (`K`).
    Temperature,
}

impl Dimension {
    /// The dimension's name as serialized: `"length"`, `"mass"`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            Dimension::Length => "length",
            Dimension::Mass => "mass",
            Dimension::Area => "area",
            Dimension::Volume => "volume",
            Dimension::Speed => "speed",
            Dimension::Temperature => "temperature",
        }
    }

    /// The SI unit values of this dimension are normalised to: `"m"`, `"kg"`, `"m2"`,
    /// `"m3"`, `"m/s"`, `"K"`.
    pub const fn si_unit(self) -> &'static str {
        match self {
            Dimension::Length => "m",
            Dimension::Mass => "kg",
            Dimension::Area => "m2",
            Dimension::Volume => "m3",
            Dimension::Speed => "m/s",
            Dimension::Temperature => "K",
        }
    }
}

/// The comparison cue in front of (or after) a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// No cue: the number as stated.
    #[default]
    None,
    /// "about", "around", "approximately", "roughly", "some", "an estimated", "or so".
    About,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "more than", "over", "above", "in excess of", "upwards of".
    MoreThan,
    /// "at least", "no fewer than", "no less than", "or more".
    AtLeast,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// "at most", "no more than", "or less", "or fewer".
    AtMost,
    /// "up to".
    UpTo,
    /// "as low as", "as few as".
    AsLowAs,
    /// "as many as", "as much as", "as high as".
    AsManyAs,
    /// "exactly", "equal to", "equals": an explicit equality. Bounds as with no cue.
    Exactly,
}

impl Approx {
    /// The cue's name as serialized: `"none"`, `"about"`, `"more_than"`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            Approx::None => "none",
            Approx::About => "about",
            Approx::Nearly => "nearly",
            Approx::MoreThan => "more_than",
            Approx::AtLeast => "at_least",
            Approx::LessThan => "less_than",
            Approx::AtMost => "at_most",
            Approx::UpTo => "up_to",
            Approx::AsLowAs => "as_low_as",
            Approx::AsManyAs => "as_many_as",
            Approx::Exactly => "exactly",
        }
    }
}

/// The noun phrase a quantity counts, with its span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// The words, as written: "civilian casualties".
    pub text: String,
    /// Where they are.
    pub span: Span,
}

/// One quantity found in text. See the [module docs](self) for the meaning of each field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number with its cue, range words and percent or currency marker.
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// Cardinal, ordinal, percent, fraction or money.
    pub kind: QuantityKind,
    /// Lower bound (`None`: open).
    pub low: Option<f64>,
    /// Upper bound (`None`: open).
    pub high: Option<f64>,
    /// The comparison cue.
    pub approx: Approx,
    /// A vague amount ("several thousand", "dozens"), with conventional bounds.
    pub vague: bool,
    /// The counted noun phrase, if any.
    pub unit: Option<Unit>,
    /// For money: the currency code.
    pub currency: Option<String>,
    /// For a measure: what it measures. In JSON only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension: Option<Dimension>,
    /// For a measure: the amount in the SI unit `si_unit` ("12km" → 12000): of the exact
    /// value, or of the lower end of a range or bound (the upper end when there is no lower).
    /// In JSON only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_value: Option<f64>,
    /// For a measure: the SI unit of `si_value` (see [`Dimension::si_unit`]). In JSON only
    /// when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_unit: Option<String>,
}

/// Drops every quantity that overlaps one of `spans` — the rule "dates win over quantities".
/// The pipeline calls it with the date extractor's spans. `spans` need not be sorted.
/// Runs in O((n + m) log m).
///
/// ```
/// use khabar_numdate::quantity::{remove_overlapping, QuantityExtractor};
/// use khabar_numdate::Span;
/// let text = "killed 30 people and 5 more";
/// let mut qs = QuantityExtractor::new().extract(text);
/// assert_eq!(qs.len(), 2);
/// remove_overlapping(&mut qs, &[Span::new(21, 27)]);
/// assert_eq!(qs.len(), 1);
/// assert_eq!(qs[0].text, "30");
/// ```
pub fn remove_overlapping(quantities: &mut Vec<Quantity>, spans: &[Span]) {
    let mut sorted: Vec<Span> = spans.iter().copied().filter(|s| !s.is_empty()).collect();
    sorted.sort_unstable();
    // Prefix maximum of ends, so one binary search answers "does any span overlap".
    let mut max_end = Vec::with_capacity(sorted.len());
    let mut m = 0;
    for s in &sorted {
        m = m.max(s.end);
        max_end.push(m);
    }
    quantities.retain(|q| {
        // Spans starting before q ends: indices < k.
        let k = sorted.partition_point(|s| s.start < q.span.end);
        k == 0 || max_end.get(k - 1).is_none_or(|&e| e <= q.span.start)
    });
}
