//! Numbers that are neither quantities nor dates: coordinates, phone numbers and codes,
//! hull and model numbers, numbered names (resolutions, articles, exercises, military
//! units), technical specifications and page furniture.
//!
//! One scan serves both extractors: [`crate::QuantityExtractor`] drops every quantity that
//! overlaps a span found here, and [`crate::DateExtractor`] drops every date that does
//! ("Resolution 2593" is not the year 2593, "FEC: 3/4" is not the 3rd of April). Each span
//! carries its [`Reason`], so a user can see why a number was set aside:
//!
//! ```
//! use khabar_numdate::nonquant::{Reason, non_quantities};
//! let text = "HMS Dragon (D 35) sailed to 34°31′N 69°10′E under Resolution 2593.";
//! let found = non_quantities(text);
//! let reasons: Vec<(&str, Reason)> = found.iter().map(|n| (n.text.as_str(), n.reason)).collect();
//! assert_eq!(
//!     reasons,
//!     [
//!         ("35", Reason::HullNumber),
//!         ("34°31′N 69°10′E", Reason::Coordinate),
//!         ("2593", Reason::NumberedName),
//!     ]
//! );
//! ```
//!
//! The rules, each with its examples, are the functions of this module; they fire only at
//! tokens that start with a digit (and, for military units, at word ordinals), so the scan
//! is linear and cheap.

mod shape;
mod shared;

pub use shared::NonQuantitySpans;

use crate::quantity::cues::{Lower, is_month};
use khabar_tokenize::{Span, Token, TokenKind, tokenize};
use serde::{Deserialize, Serialize};

/// Why a number is not a quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A geographic coordinate: "34°31′N", "34.5553° N", "lat/long 33.9391, 67.7100".
    Coordinate,
    /// A phone number: "+93 20 210 1234", "hotline 0799 123 456".
    Phone,
    /// A code or label number: "passcode 4471", "tail number 1234", "ID: 5521".
    Identifier,
    /// A ship's hull or pennant number: "HMS Dragon (D 35)", "(DDG 51)".
    HullNumber,
    /// A model or version number: "v2.1", "F-16", "Mk 2".
    ModelNumber,
    /// A number inside a name: "Resolution 2593", "Article 41", "Steppe Eagle 19",
    /// "Highway 1".
    NumberedName,
    /// A military unit's number: "3rd Infantry Division", "101st Airborne".
    UnitName,
    /// A technical specification: "FEC: 3/4", "27,500 ksps", "155mm howitzer".
    TechnicalSpec,
    /// A number alone on its line, or a page marker: "1320", "Page 4 of 12".
    PageFurniture,
}

impl Reason {
    /// The reason's name as serialized: `"coordinate"`, `"hull_number"`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::Coordinate => "coordinate",
            Reason::Phone => "phone",
            Reason::Identifier => "identifier",
            Reason::HullNumber => "hull_number",
            Reason::ModelNumber => "model_number",
            Reason::NumberedName => "numbered_name",
            Reason::UnitName => "unit_name",
            Reason::TechnicalSpec => "technical_spec",
            Reason::PageFurniture => "page_furniture",
        }
    }
}

/// A number set aside, with its span and reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonQuantity {
    /// Where it is (bytes).
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// Why it is not a quantity.
    pub reason: Reason,
}

/// The numbers of `text` that are neither quantities nor dates, in text order.
pub fn non_quantities(text: &str) -> Vec<NonQuantity> {
    non_quantities_tokens(text, &tokenize(text))
}

/// Like [`non_quantities`], on tokens the caller already has (from `text`).
pub fn non_quantities_tokens(text: &str, tokens: &[Token]) -> Vec<NonQuantity> {
    scan(text, tokens)
        .into_iter()
        .filter_map(|(span, reason)| {
            Some(NonQuantity {
                span,
                text: span.slice(text)?.to_string(),
                reason,
            })
        })
        .collect()
}

/// The spans of [`non_quantities_tokens`], without their text.
pub(crate) fn non_quantity_spans(text: &str, tokens: &[Token]) -> Vec<Span> {
    scan(text, tokens).into_iter().map(|(s, _)| s).collect()
}

/// The spans the date extractor must not report: every non-quantity (`non_quantities`,
/// the text's [`non_quantity_spans`]), plus counted ranges of four-digit numbers ("between
/// 1000 and 1500 members") and ages ("a 15-year-old").
pub(crate) fn date_vetoes(text: &str, tokens: &[Token], non_quantities: &[Span]) -> Vec<Span> {
    let cx = Cx { text, toks: tokens };
    let mut out: Vec<Span> = non_quantities.to_vec();
    for i in 0..tokens.len() {
        if cx.kind(i) != Some(TokenKind::Number) {
            // "thirty years old". An age needs a "y…" word ("years", "yo") one or two tokens
            // on: tested first, as most words are no number words and the lookup costs more.
            // (Read from the bytes, without slicing the token: a test that passes more
            // often than it should only lets the full test below run.)
            let y_word = |k: usize| {
                tokens.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && text
                            .as_bytes()
                            .get(t.span.start)
                            .is_some_and(|b| b | 0x20 == b'y')
                })
            };
            if (y_word(i + 1) || y_word(i + 2))
                && cx.word(i).is_some_and(crate::number::is_number_word)
            {
                if let Some(end) = age_compound(&cx, i) {
                    out.push(cx.span(i, end));
                }
            }
            continue;
        }
        if let Some(end) = counted_year_range(text, tokens, i) {
            out.push(cx.span(i, end));
        }
        if let Some(end) = age_compound(&cx, i) {
            out.push(cx.span(i, end));
        }
    }
    out
}

/// Keeps the items whose span (by `span_of`) overlaps none of `vetoes`, in
/// O((n + m) log m).
pub(crate) fn retain_outside<T>(items: &mut Vec<T>, vetoes: &[Span], span_of: impl Fn(&T) -> Span) {
    if vetoes.is_empty() {
        return;
    }
    let mut sorted: Vec<Span> = vetoes.iter().copied().filter(|s| !s.is_empty()).collect();
    sorted.sort_unstable();
    let mut max_end = Vec::with_capacity(sorted.len());
    let mut m = 0;
    for s in &sorted {
        m = m.max(s.end);
        max_end.push(m);
    }
    items.retain(|x| {
        let q = span_of(x);
        let k = sorted.partition_point(|s| s.start < q.end);
        k == 0 || max_end.get(k - 1).is_none_or(|&e| e <= q.start)
    });
}

/// "15-year-old", "15 years old", "15-year old", "95 years of age", "87 yo": the token
/// after the age phrase.
pub(crate) fn age_compound(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let year = |w: &str| matches!(Lower::new(w).as_str(), "year" | "years" | "yr" | "yrs");
    let mut k = i + 1;
    // "an 87 yo man", "87 y.o.".
    if cx
        .word(k)
        .is_some_and(|w| matches!(Lower::new(w).as_str(), "yo" | "y.o." | "y.o"))
    {
        return Some(k + 1);
    }
    if cx.is_hyphen(k) && cx.glued(k - 1, k) {
        k += 1;
    }
    if !cx.word(k).is_some_and(year) {
        return None;
    }
    k += 1;
    if cx.is_hyphen(k) && cx.glued(k - 1, k) {
        k += 1;
    }
    if cx.is_word(k, "old") {
        return Some(k + 1);
    }
    // "ninety five years of age".
    (cx.is_word(k, "of") && cx.is_word(k + 1, "age")).then_some(k + 2)
}

/// "between 1000 and 1500 members", "1000 to 1500 fighters", "from 1200 to 1500 fighters":
/// two four-digit integers in a range whose counted noun is a plural of people or things,
/// so not years. Starts at the first number `i`; returns the token after the second.
pub(crate) fn counted_year_range(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let cx = Cx { text, toks: tokens };
    if !cx.four_digits(i) {
        return None;
    }
    let joiner = cx.is_word(i + 1, "and") || cx.is_word(i + 1, "to") || cx.is_hyphen(i + 1);
    if !joiner || !cx.four_digits(i + 2) {
        return None;
    }
    let year = |k: usize| {
        cx.txt(k)
            .parse::<u16>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
    };
    counted_noun(&cx, i + 3, year(i) && year(i + 2)).then_some(i + 3)
}

/// Whether a plural count noun comes at `k`, after at most two modifiers: "members",
/// "foreign fighters", "small and large groups". With `people_only`, only nouns for people
/// count ("fighters", "members"): a range of two years ("between 2015 and 2017 attacks")
/// stays dates unless it counts people.
fn counted_noun(cx: &Cx<'_>, k: usize, people_only: bool) -> bool {
    let phrase = (k..k + 4).take_while(|&j| {
        cx.word(j)
            .is_some_and(|w| !crate::quantity::cues::is_unit_stop(w) || w == "and" || w == "or")
    });
    phrase.into_iter().any(|j| {
        cx.word(j).is_some_and(|w| {
            let lw = Lower::new(w);
            let l = lw.as_str();
            let plural =
                l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us");
            let people = matches!(
                l,
                "people"
                    | "men"
                    | "women"
                    | "children"
                    | "police"
                    | "personnel"
                    | "staff"
                    | "militia"
                    | "troops"
                    | "fighters"
                    | "civilians"
                    | "members"
                    | "soldiers"
                    | "militants"
                    | "insurgents"
                    | "refugees"
                    | "families"
                    | "recruits"
                    | "workers"
                    | "volunteers"
                    | "prisoners"
                    | "detainees"
                    | "students"
            );
            let plain = !is_month(w)
                && !matches!(
                    l,
                    "years" | "days" | "months" | "weeks" | "was" | "has" | "this"
                );
            plain && (people || plural && !people_only)
        })
    })
}

/// The rules in the order they are tried, each with its reason and its shape test (see
/// [`shape`]).
const RULES: &[(Rule, Reason, Shape)] = &[
    (page_furniture, Reason::PageFurniture, shape::any),
    (web_furniture, Reason::PageFurniture, shape::web_furniture),
    (pagination, Reason::PageFurniture, shape::pagination),
    (list_marker, Reason::PageFurniture, shape::list_marker),
    (
        coordinate_degrees,
        Reason::Coordinate,
        shape::coordinate_degrees,
    ),
    (
        coordinate_hemisphere,
        Reason::Coordinate,
        shape::coordinate_hemisphere,
    ),
    (coordinate_pair, Reason::Coordinate, shape::coordinate_pair),
    (coordinate_cue, Reason::Coordinate, shape::coordinate_cue),
    (coordinate_prefixed, Reason::Coordinate, shape::any),
    (
        coordinate_spaced,
        Reason::Coordinate,
        shape::coordinate_spaced,
    ),
    (phone_plus, Reason::Phone, shape::any),
    (phone_groups, Reason::Phone, shape::phone_groups),
    (label_number, Reason::Identifier, shape::any),
    (hull_number, Reason::HullNumber, shape::any),
    (version_number, Reason::ModelNumber, shape::any),
    (named_number, Reason::NumberedName, shape::named_number),
    (military_unit, Reason::UnitName, shape::military_unit),
    (acronym_number, Reason::Identifier, shape::any),
    (
        spec_after_label,
        Reason::TechnicalSpec,
        shape::spec_after_label,
    ),
    (spec_unit, Reason::TechnicalSpec, shape::spec_unit),
];

/// The scan: every rule at every token that can start one, first match wins. A rule runs
/// only where its shape test passes.
fn scan(text: &str, tokens: &[Token]) -> Vec<(Span, Reason)> {
    scan_with(text, tokens, true)
}

/// The scan, with the shape tests (`shaped`) or without them (the reference: every rule
/// at every token that can start one).
fn scan_with(text: &str, tokens: &[Token], shaped: bool) -> Vec<(Span, Reason)> {
    let cx = Cx { text, toks: tokens };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !cx.may_start(i) {
            i += 1;
            continue;
        }
        // A word starts only a military unit ("Third Army"); numbers try every rule.
        let hit = if cx.kind(i) == Some(TokenKind::Word) {
            military_unit(&cx, i).map(|(a, b)| (a, b, Reason::UnitName))
        } else {
            RULES.iter().find_map(|(rule, reason, fits)| {
                if shaped && !fits(&cx, i) {
                    return None;
                }
                rule(&cx, i).map(|(a, b)| (a, b, *reason))
            })
        };
        match hit {
            Some((a, b, reason)) if b > a => {
                out.push((cx.span(a, b), reason));
                i = b.max(i + 1);
            }
            _ => i += 1,
        }
    }
    out
}

/// A rule at token `i`: the token range it sets aside.
type Rule = fn(&Cx<'_>, usize) -> Option<(usize, usize)>;

/// A rule's shape test at token `i`: false where the rule cannot fire.
type Shape = fn(&Cx<'_>, usize) -> bool;

fn hemisphere(w: &str) -> bool {
    matches!(w, "N" | "S" | "E" | "W")
}

fn is_minute_mark(s: &str) -> bool {
    matches!(s, "′" | "'" | "’" | "″" | "\"" | "”" | "''" | "′′")
}

/// "34°31′N 69°10′E", "34° 31' 12\" N", "34.5553° N": a number glued to a degree sign,
/// then minutes, seconds or a hemisphere letter (not "45°C", a temperature). Pairs are
/// taken together.
fn coordinate_degrees(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let mut end = one_dms(cx, i)?;
    // The second half of a pair: "34°31′N, 69°10′E".
    let next = if cx.txt(end) == "," { end + 1 } else { end };
    if cx.kind(next) == Some(TokenKind::Number) {
        if let Some(e) = one_dms(cx, next) {
            end = e;
        }
    }
    Some((i, end))
}

fn one_dms(cx: &Cx<'_>, i: usize) -> Option<usize> {
    if !(matches!(cx.txt(i + 1), "°" | "º") && cx.glued(i, i + 1)) {
        return None;
    }
    if cx.glued(i + 1, i + 2) && matches!(cx.txt(i + 2), "C" | "F" | "c" | "f") {
        return None;
    }
    let mut k = i + 2;
    let mut parts = 0;
    // Minutes and seconds: "31′", "12\"".
    while parts < 2 && cx.kind(k) == Some(TokenKind::Number) && is_minute_mark(cx.txt(k + 1)) {
        k += 2;
        parts += 1;
    }
    let decimal = cx.txt(i).contains('.');
    if cx.word(k).is_some_and(hemisphere) {
        return Some(k + 1);
    }
    (parts > 0 || decimal && cx.txt(i).len() >= 5).then_some(k)
}

/// "34.5553 N", "69.2075E": a decimal number with two or more decimals and a hemisphere
/// letter.
fn coordinate_hemisphere(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let decimals = cx.txt(i).split_once('.').map_or(0, |(_, d)| d.len());
    (decimals >= 2 && cx.word(i + 1).is_some_and(hemisphere)).then_some((i, i + 2))
}

/// "33.9391, 67.7100", "-12.0464, -77.0428": two decimals of three or more places that fit
/// a latitude and a longitude.
fn coordinate_pair(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let (lat, a_end) = cx.signed_decimal(i)?;
    if !matches!(cx.txt(a_end), "," | "/" | ";") {
        return None;
    }
    let (lon, b_end) = cx.signed_decimal(a_end + 1)?;
    (lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some((i, b_end))
}

/// "lat/long 33.9391 67.7100", "coordinates: 34 31 N", "grid reference 42SWD 1234 5678":
/// every number after a coordinate word, up to the first other word.
fn coordinate_cue(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let cue = |k: usize| {
        let Some(w) = cx.word(k) else { return false };
        match Lower::new(w).as_str() {
            "latitude" | "longitude" | "coordinates" | "coordinate" | "co-ordinates" | "gps"
            | "mgrs" => true,
            "grid" => w == "Grid" || cx.is_word(k + 1, "reference") || cx.is_word(k + 1, "ref"),
            // "lat/long", "lat-lon": the short words only as a pair.
            "lat" | "long" | "lon" | "lng" => {
                (k > 0 && cx.txt(k - 1) == "/" && cx.glued(k - 1, k))
                    || matches!(cx.txt(k + 1), "/" | ":") && cx.glued(k, k + 1)
            }
            _ => false,
        }
    };
    let back = (i.saturating_sub(3)..i).rev();
    let near = back
        .take_while(|&k| cx.kind(k) != Some(TokenKind::Number))
        .any(cue);
    if !near {
        return None;
    }
    Some((i, cx.number_run(i, true)))
}

/// "+93 20 210 1234", "+1-222-222-2222": a plus sign glued to digits, and the digit groups
/// after it.
fn phone_plus(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let plus = i > 0 && cx.txt(i - 1) == "+" && cx.glued(i - 1, i) && cx.digits_only(i);
    plus.then(|| (i - 1, cx.number_run(i, false)))
}

/// Words that make the number after them a phone number ("hotline 119").
const PHONE_WORDS: [&str; 8] = [
    "phone",
    "telephone",
    "tel",
    "hotline",
    "fax",
    "mobile",
    "whatsapp",
    "helpline",
];

/// "0799 123 456", "020 7946 0958", "hotline 119": three or more digit groups without
/// thousands separators, or a group after a phone word.
fn phone_groups(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    if !cx.digits_only(i) {
        return None;
    }
    let end = cx.number_run(i, false);
    let groups = (i..end)
        .filter(|&k| cx.kind(k) == Some(TokenKind::Number))
        .count();
    let digits: usize = (i..end)
        .map(|k| cx.txt(k).bytes().filter(u8::is_ascii_digit).count())
        .sum();
    let phone_word = |w: &str| PHONE_WORDS.contains(&Lower::new(w).as_str());
    // "Call 119", "dial 0799 …": the verbs only right before the number.
    let verb = i > 0 && (cx.is_word(i - 1, "call") || cx.is_word(i - 1, "dial"));
    let cued = verb || (i.saturating_sub(3)..i).any(|k| cx.word(k).is_some_and(phone_word));
    let leading_zero = cx.txt(i).len() >= 3 && cx.txt(i).starts_with('0');
    // "1 234 567": thousands grouped by spaces, not a phone number.
    let thousands = !cx.txt(i).starts_with('0')
        && cx.txt(i).len() <= 3
        && (i + 1..end).all(|k| cx.kind(k) != Some(TokenKind::Number) || cx.txt(k).len() == 3);
    if thousands && !cued {
        return None;
    }
    (groups >= 3 && digits >= 7 || cued || leading_zero && digits >= 9).then_some((i, end))
}

/// "passcode 4471", "PIN: 1234", "tail number 1234", "hull number is 35", "ID 5521": a
/// number after a label word.
fn label_number(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let label = |w: &str| {
        // "Id" in title case is the festival ("Bakr Id 2018"), not an identifier label.
        if w == "Id" {
            return false;
        }
        matches!(
            Lower::new(w).as_str(),
            "passcode"
                | "password"
                | "pin"
                | "code"
                | "id"
                | "serial"
                | "registration"
                | "plate"
                | "callsign"
                | "extension"
                | "ext"
                | "account"
                | "ref"
                | "reference"
                | "ticket"
                | "booking"
                | "zip"
                | "postcode"
                | "hull"
                | "pennant"
                | "tail"
                | "isbn"
                | "issn"
                | "doi"
                | "imo"
                | "mmsi"
                | "pnr"
        )
    };
    let mut k = i.checked_sub(1)?;
    // "is", ":", "number", "No." between the label and the number.
    for _ in 0..3 {
        let skip = matches!(cx.txt(k), ":" | "#" | "." | "is" | "number" | "No" | "no");
        if !skip || k == 0 {
            break;
        }
        k -= 1;
    }
    cx.word(k)
        .is_some_and(label)
        .then(|| (i, cx.number_run(i, false).max(i + 1)))
}

/// "N34 31.2 E069 10.4": degrees and decimal minutes after a hemisphere letter glued to
/// the degrees.
fn coordinate_prefixed(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let p = i.checked_sub(1)?;
    let prefixed = |k: usize| {
        cx.word(k).is_some_and(|w| {
            let mut b = w.bytes();
            matches!(b.next(), Some(b'N' | b'S' | b'E' | b'W'))
                && (2..=4).contains(&w.len())
                && b.all(|c| c.is_ascii_digit())
        })
    };
    if !prefixed(p) {
        return None;
    }
    // The pair: "N34 31.2 E069 10.4".
    let end = if prefixed(i + 1) && cx.kind(i + 2) == Some(TokenKind::Number) {
        i + 3
    } else {
        i + 1
    };
    Some((p, end))
}

/// "34 31 N 69 10 E", "34 31 12 N": degrees, minutes (and seconds) as plain numbers before
/// a hemisphere letter.
fn coordinate_spaced(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let half = |k: usize| -> Option<usize> {
        let small = |j: usize| cx.digits_only(j) && cx.txt(j).len() <= 3;
        if !(small(k) && small(k + 1)) {
            return None;
        }
        let mut j = k + 2;
        if small(j) {
            j += 1;
        }
        cx.word(j).is_some_and(hemisphere).then_some(j + 1)
    };
    let end = half(i)?;
    Some((i, half(end).unwrap_or(end)))
}

/// "Comments (12)", "Share 0", "Tweet 0", "12 Comments", "Reply 3", "Image 3 of 10",
/// "5 min read": counters and captions of a web page, next to a capitalised page word.
fn web_furniture(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let page_word = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase())
            && matches!(
                Lower::new(w).as_str(),
                "comments"
                    | "comment"
                    | "replies"
                    | "reply"
                    | "share"
                    | "shares"
                    | "tweet"
                    | "tweets"
                    | "likes"
                    | "views"
                    | "image"
                    | "images"
                    | "photo"
                    | "photos"
                    | "slide"
                    | "video"
                    | "videos"
                    | "pin"
                    | "email"
                    | "map"
                    | "chart"
                    | "graphic"
                    | "figure"
                    | "table"
            )
    };
    if !cx.digits_only(i) {
        return None;
    }
    let before = i.checked_sub(1).and_then(|p| {
        if cx.txt(p) == "(" {
            p.checked_sub(1)
        } else {
            Some(p)
        }
    });
    let after = if cx.txt(i + 1) == ")" { i + 2 } else { i + 1 };
    let mut end = i + 1;
    // "Image 3 of 10".
    if cx.is_word(i + 1, "of") && cx.digits_only(i + 2) {
        end = i + 3;
    }
    let read = cx.is_word(i + 1, "min") && cx.is_word(i + 2, "read");
    let hit = before.and_then(|b| cx.word(b)).is_some_and(page_word)
        || cx.word(after).is_some_and(page_word);
    (hit || read).then_some((i, if read { i + 3 } else { end }))
}

/// "Key takeaways: 1. Russian forces …", "\n2. The …": a list number, after a colon or at
/// the start of a line, with a period and a capitalised word after it.
fn list_marker(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    if !cx.digits_only(i) || cx.txt(i).len() > 2 {
        return None;
    }
    let dot = cx.txt(i + 1) == "." && cx.glued(i, i + 1);
    let capital_after = cx
        .word(i + 2)
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && !is_month(w));
    let start = cx.toks.get(i)?.span.start;
    let line_start = i == 0
        || cx.txt(i - 1) == ":"
        || cx
            .toks
            .get(i - 1)
            .and_then(|p| cx.text.get(p.span.end..start))
            .is_some_and(|gap| gap.contains('\n'));
    (dot && capital_after && line_start).then_some((i, i + 1))
}

/// "1 2 3 4 5 Next": four or more small numbers counting up by one, a page list.
fn pagination(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let value = |k: usize| -> Option<u32> {
        (cx.digits_only(k) && cx.txt(k).len() <= 3)
            .then(|| cx.txt(k).parse().ok())
            .flatten()
    };
    let mut prev = value(i)?;
    let mut k = i + 1;
    while let Some(v) = value(k) {
        if v != prev + 1 {
            break;
        }
        prev = v;
        k += 1;
    }
    (k - i >= 4).then_some((i, k))
}

/// "PD 13", "Flight PK 8303", "NH 44": a number after an all-capitals code (no currency),
/// with no plural noun counted after it.
fn acronym_number(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let w = cx.word(i.checked_sub(1)?)?;
    let code = (2..=5).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && crate::quantity::cues::prefix_currency(w).is_none()
        && crate::quantity::cues::dollar_country(w).is_none()
        && !matches!(w, "AM" | "PM" | "UTC" | "GMT" | "AD" | "BC" | "CE" | "BCE");
    let counted = cx.word(i + 1).is_some_and(|n| {
        n.len() > 3 && n.ends_with('s') && !matches!(n, "was" | "has" | "this" | "is")
    });
    // "FY 2017", "CY 2020": a year after a code stays a year.
    let year = cx.four_digits(i)
        && cx
            .txt(i)
            .parse::<u16>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    (code && cx.digits_only(i) && !counted && !year).then_some((i, i + 1))
}

/// "HMS Dragon (D 35)", "(DDG 51)", "(F 237)": a code of one to four capitals and a number
/// in parentheses.
fn hull_number(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let code = cx.word(i.checked_sub(1)?)?;
    let caps = (1..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
    let opens = i >= 2 && cx.txt(i - 2) == "(";
    (caps && opens && cx.txt(i + 1) == ")" && code != "US").then_some((i, i + 1))
}

/// "v2.1", "V 3", "version 2", "Mk 2", "Mark IV 3": a version or mark before the number.
fn version_number(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let p = i.checked_sub(1)?;
    // "v2.1" is the word "v2", a period and "1".
    if cx.txt(p) == "." && cx.glued(p, i) && p > 0 && cx.glued(p - 1, p) {
        let w = cx.word(p - 1)?;
        let versioned = w.bytes().last().is_some_and(|b| b.is_ascii_digit())
            && w.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
        return versioned.then_some((i, i + 1));
    }
    let w = cx.word(p)?;
    let cue = matches!(
        w,
        "v" | "V" | "Mk" | "Mark" | "Mod" | "Block" | "Type" | "Model"
    ) || w.eq_ignore_ascii_case("version");
    // Hyphenated designations: "Su-57", "MQ-9", "AK-47" (letters glued to the hyphen).
    let hyphen = p > 0
        && cx.is_hyphen(p)
        && cx.glued(p, i)
        && cx.glued(p - 1, p)
        && cx
            .word(p - 1)
            .is_some_and(|w| w.bytes().any(|b| b.is_ascii_uppercase()));
    (cue || hyphen).then_some((i, i + 1))
}

/// Words that name a numbered thing in any case ("Resolution 2593", "article 41").
const NAME_CUES_ANY_CASE: [&str; 20] = [
    "resolution",
    "article",
    "section",
    "clause",
    "paragraph",
    "chapter",
    "annex",
    "appendix",
    "amendment",
    "decree",
    "highway",
    "route",
    "platform",
    "terminal",
    "gate",
    "room",
    "flight",
    "sura",
    "surah",
    "verse",
];

/// Capitalised words that name a numbered thing: laws and documents, places, plans.
fn name_cue(w: &str) -> bool {
    let lw = Lower::new(w);
    let any_case = NAME_CUES_ANY_CASE.contains(&lw.as_str());
    let capital = w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && matches!(
            lw.as_str(),
            "act"
                | "law"
                | "bill"
                | "rule"
                | "order"
                | "protocol"
                | "directive"
                | "regulation"
                | "block"
                | "sector"
                | "district"
                | "zone"
                | "phase"
                | "camp"
                | "building"
                | "unit"
                | "force"
                | "hill"
                | "base"
                | "post"
                | "station"
                | "precinct"
                | "ward"
                | "plot"
                | "street"
                | "road"
                | "lane"
                | "avenue"
                | "project"
                | "operation"
                | "exercise"
                | "squadron"
                | "battalion"
                | "brigade"
                | "regiment"
                | "division"
                | "corps"
                | "group"
                | "wing"
                | "team"
                | "channel"
                | "level"
                | "stage"
                | "tier"
                | "category"
                | "class"
                | "grade"
                | "item"
                | "part"
                | "season"
                | "episode"
        );
    any_case || capital
}

/// Capitalised names whose number is part of the name whatever follows ("World War 2
/// veterans", "a Formula 1 race", "the Apollo 11 mission", "Windows 10 users", "a Boeing
/// 737 jet"): wars, series, missions and spacecraft, products and aircraft makers, plans.
/// Each row is the name's words, lower case; in the text each word is capitalised.
const NUMBERED_NAME_HEADS: &[&[&str]] = &[
    // Wars and plans.
    &["world", "war"],
    &["vision"],
    &["agenda"],
    &["title"],
    &["proposition"],
    // Motor sport and leagues.
    &["formula"],
    &["ligue"],
    &["super", "bowl"],
    // Missions, spacecraft and satellites.
    &["apollo"],
    &["gemini"],
    &["soyuz"],
    &["sputnik"],
    &["voyager"],
    &["artemis"],
    &["chandrayaan"],
    &["falcon"],
    // Aircraft makers and missiles named with a number.
    &["boeing"],
    &["airbus"],
    &["antonov"],
    &["ilyushin"],
    &["tupolev"],
    &["sukhoi"],
    &["shaheen"],
    &["ghauri"],
    &["agni"],
    &["prithvi"],
    // Products.
    &["windows"],
    &["iphone"],
    &["galaxy"],
    &["playstation"],
    &["xbox"],
    // Places named with a number.
    &["area"],
    &["checkpoint"],
    &["hangar"],
    &["pier"],
    &["berth"],
];

/// Whether the capitalised words ending at token `p` are a row of [`NUMBERED_NAME_HEADS`].
fn name_head_before(cx: &Cx<'_>, p: usize) -> bool {
    let is = |k: usize, h: &str| {
        cx.word(k).is_some_and(|w| {
            w.eq_ignore_ascii_case(h) && w.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        })
    };
    NUMBERED_NAME_HEADS.iter().any(|head| {
        // The word before the number first: it rules out almost every row at once.
        let Some((last, rest)) = head.split_last() else {
            return false;
        };
        is(p, last)
            && rest
                .iter()
                .rev()
                .enumerate()
                .all(|(k, h)| p.checked_sub(k + 1).is_some_and(|q| is(q, h)))
    })
}

/// "Resolution 2593", "Article 41", "exercise Steppe Eagle 19", "Highway 1", "Task Force
/// 88", "World War 2", "a Boeing 737 jet": a number after a name cue or a known numbered
/// name ([`NUMBERED_NAME_HEADS`]), or ending a name of capitalised words with nothing
/// counted after it — or after "a"/"an"/"the" before the name, where a count cannot stand
/// ("an Ariana 4 crew", "the Taliban 5"; headlines in title case aside).
fn named_number(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let p = i.checked_sub(1)?;
    let w = cx.word(p)?;
    if !cx.digits_only(i) || cx.txt(i).len() > 6 {
        return None;
    }
    if name_cue(w) || name_head_before(cx, p) {
        return Some((i, i + 1));
    }
    let capital = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !w
                .bytes()
                .all(|b| b.is_ascii_uppercase() || !b.is_ascii_alphabetic())
    };
    if !capital(w) || cx.txt(i).len() > 4 || is_month(w) || !plain_name_word(w) {
        return None;
    }
    // The name must be at least two capitalised words ("Steppe Eagle"), or one after a
    // lower-case word ("adopted Resolution").
    let before = p.checked_sub(1);
    let two_caps = before
        .and_then(|b| cx.word(b))
        .is_some_and(|b| capital(b) && plain_name_word(b));
    let after_lower = before
        .and_then(|b| cx.word(b))
        .is_some_and(|b| b.chars().next().is_some_and(char::is_lowercase));
    // "a Formula 1 race", "the Apollo 11 mission": an article before a one-word name; a
    // count after the name would not take it ("the Taliban 300 fighters" is not English).
    let article_name = before
        .and_then(|b| cx.word(b))
        .is_some_and(|b| matches!(b, "a" | "an" | "the" | "A" | "An" | "The"));
    if !(two_caps || after_lower) {
        return None;
    }
    // A four-digit year after a name ("Kabul 2021") stays a year unless an exercise word
    // stands before the name.
    let exercise = (p.saturating_sub(3)..=i + 1)
        .filter(|&k| k != p && k != i)
        .any(|k| {
            cx.word(k).is_some_and(|w| {
                matches!(
                    Lower::new(w).as_str(),
                    "exercise"
                        | "exercises"
                        | "drill"
                        | "drills"
                        | "operation"
                        | "manoeuvres"
                        | "maneuvers"
                )
            })
        });
    if cx.txt(i).len() == 4 && !exercise {
        return None;
    }
    // Something counted after the number makes it a count: "Taliban Kill 12 Soldiers".
    let next_is_noun = cx.word(i + 1).is_some_and(|n| {
        !crate::quantity::cues::is_unit_stop(n) && !n.chars().next().is_some_and(char::is_uppercase)
    });
    let named = exercise || (article_name || !next_is_noun) && !cx.title_case_line(i);
    // A weekday or a month of another calendar before the number is a date ("Thu 9",
    // "Hamal 1"). Tested last: the date lexicon is the dearest test here.
    let calendar_word = || {
        matches!(
            crate::date::lexicon::lookup(w),
            Some(crate::date::lexicon::W::Weekday(_))
        ) || crate::date::calendars::ends_calendar_month(w)
    };
    (named && !calendar_word()).then_some((i, i + 1))
}

/// A word that can be part of a name: not a function word, cue or number word.
fn plain_name_word(w: &str) -> bool {
    let lw = Lower::new(w);
    !crate::quantity::cues::is_unit_stop(w)
        && !crate::number::is_number_word(w)
        && !matches!(
            lw.as_str(),
            "some"
                | "about"
                | "around"
                | "nearly"
                | "almost"
                | "over"
                | "another"
                | "only"
                | "just"
                | "roughly"
                | "approximately"
                | "estimated"
                | "least"
                | "most"
                | "kill"
                | "kills"
                | "killed"
                | "wounds"
                | "injures"
                | "dead"
                | "die"
                | "dies"
                | "arrest"
                | "arrests"
                | "arrested"
                | "seize"
                | "seizes"
                | "free"
                | "frees"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "us"
                | "un"
                | "week"
                | "day"
                | "month"
                | "year"
                | "quarter"
                | "night"
                | "hour"
        )
}

/// "3rd Infantry Division", "the 101st Airborne", "215th Maiwand Corps", "Third Army": an
/// ordinal followed, within three capitalised words, by a formation word; "313 Brigade":
/// a number right before one.
fn military_unit(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let t = cx.txt(i);
    let digit_ordinal = cx.kind(i) == Some(TokenKind::Number)
        && ["st", "nd", "rd", "th"].iter().any(|s| t.ends_with(s));
    let word_ordinal = matches!(
        Lower::new(t).as_str(),
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
    ) && t.chars().next().is_some_and(char::is_uppercase);
    // "313 Brigade", "205 Corps": a number right before a capitalised formation word.
    let formation_next = cx.digits_only(i)
        && cx.word(i + 1).is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && matches!(
                    Lower::new(w).as_str(),
                    "brigade" | "corps" | "division" | "battalion" | "regiment" | "squadron"
                )
        });
    if formation_next {
        return Some((i, i + 1));
    }
    if !(digit_ordinal || word_ordinal) {
        return None;
    }
    let formation = |w: &str| {
        matches!(
            Lower::new(w).as_str(),
            "division"
                | "brigade"
                | "battalion"
                | "regiment"
                | "corps"
                | "army"
                | "fleet"
                | "squadron"
                | "wing"
                | "company"
                | "platoon"
                | "airborne"
                | "infantry"
                | "armoured"
                | "armored"
                | "cavalry"
                | "marines"
                | "marine"
                | "commando"
                | "rangers"
                | "mechanized"
                | "mechanised"
                | "artillery"
                | "guards"
                | "rifles"
                | "regiment's"
                | "sfg"
                | "sfod"
        )
    };
    let hit = (i + 1..i + 4)
        .take_while(|&k| {
            cx.word(k)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        .any(|k| cx.word(k).is_some_and(formation));
    hit.then_some((i, i + 1))
}

/// "FEC: 3/4", "MCS: 9", "code rate 3/4": a number after an all-capitals label and a colon,
/// or after a rate word.
fn spec_after_label(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let p = i.checked_sub(1)?;
    let rate = cx
        .word(p)
        .is_some_and(|w| matches!(Lower::new(w).as_str(), "rate" | "ratio"))
        && (matches!(cx.kind(i), Some(TokenKind::Date)) || cx.txt(i + 1) == "/");
    let label = cx.txt(p) == ":"
        && p > 0
        && cx.word(p - 1).is_some_and(|w| {
            (2..=6).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && crate::quantity::cues::prefix_currency(w).is_none()
                && !matches!(w, "AM" | "PM" | "UTC" | "GMT")
        });
    // "3/4" may be three tokens.
    let end = if cx.txt(i + 1) == "/" && cx.glued(i, i + 1) && cx.glued(i + 1, i + 2) {
        i + 3
    } else {
        i + 1
    };
    (rate || label).then_some((i, end))
}

/// "27,500 ksps", "12 GHz", "5 Mbps", "155mm howitzer", "7.62mm rounds": numbers in
/// telecom and data units, and calibres.
fn spec_unit(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let unit = |w: &str| {
        matches!(
            Lower::new(w).as_str(),
            "ksps"
                | "msps"
                | "sps"
                | "kbps"
                | "mbps"
                | "gbps"
                | "bps"
                | "baud"
                | "hz"
                | "khz"
                | "mhz"
                | "ghz"
                | "db"
                | "dbm"
                | "dbw"
                | "dbi"
                | "fps"
                | "rpm"
                | "mah"
                | "kb"
                | "mb"
                | "gb"
                | "tb"
                | "nm"
        ) && w != "nm"
    };
    if cx.word(i + 1).is_some_and(unit) {
        return Some((i, i + 2));
    }
    let t = cx.txt(i);
    let glued_unit = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if !glued_unit.is_empty() && glued_unit.len() < t.len() && unit(glued_unit) {
        return Some((i, i + 1));
    }
    // Calibres: "155mm howitzer", "7.62mm rounds", "a 120 mm gun", "82mm mortar".
    let mm = glued_unit == "mm" || glued_unit.is_empty() && cx.is_word(i + 1, "mm");
    let after = if glued_unit == "mm" { i + 1 } else { i + 2 };
    let noun_after = cx.word(after).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_lowercase) && !crate::quantity::cues::is_unit_stop(w)
    }) || cx.is_hyphen(after);
    (mm && noun_after).then_some((i, after))
}

/// "1320" or "0" alone on its line, "Page 4 of 12": page numbers and other furniture.
fn page_furniture(cx: &Cx<'_>, i: usize) -> Option<(usize, usize)> {
    let start = cx.toks.get(i)?.span.start;
    // A cheap test first: a line starts at most 16 bytes before the number.
    let lo = start.saturating_sub(16);
    let near_start = lo == 0
        || cx
            .text
            .as_bytes()
            .get(lo..start)
            .is_some_and(|b| b.contains(&b'\n'));
    if !near_start {
        return None;
    }
    let (line_start, line_end) = cx.line_around(start)?;
    let line = cx.text.get(line_start..line_end)?.trim();
    // Digits (no dates, times or lone years), page words and a few separators; the line
    // starts with a digit or a page word.
    let furniture = line.split_whitespace().all(|w| {
        let lw = Lower::new(w);
        w.len() <= 5
            && w.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'|' | b'-'))
            || matches!(lw.as_str(), "page" | "p." | "pp." | "of" | "p")
    }) && line.starts_with(|c: char| c.is_ascii_digit() || c == 'P' || c == 'p');
    // A line break inside a sentence ("more than\n170\npeople", "on\n26\nJanuary") is no
    // page furniture.
    let lower_word = |k: Option<usize>| {
        k.and_then(|k| cx.word(k))
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    };
    let last = cx
        .toks
        .get(i..)
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.span.end <= line_end)
        .count()
        + i;
    if lower_word(i.checked_sub(1)) || lower_word(Some(last)) || cx.word(last).is_some_and(is_month)
    {
        return None;
    }
    let first = cx.toks.get(i)?.text(cx.text);
    let year = first.len() == 4
        && first
            .parse::<u16>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    if !furniture || year || cx.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    // Every token of the line goes.
    let mut end = i;
    while cx.toks.get(end).is_some_and(|t| t.span.end <= line_end) {
        end += 1;
    }
    Some((i, end))
}

/// The text and tokens with small helpers.
pub(crate) struct Cx<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
}

impl<'a> Cx<'a> {
    fn kind(&self, k: usize) -> Option<TokenKind> {
        self.toks.get(k).map(|t| t.kind)
    }

    fn txt(&self, k: usize) -> &'a str {
        self.toks.get(k).map_or("", |t| t.text(self.text))
    }

    fn word(&self, k: usize) -> Option<&'a str> {
        (self.kind(k) == Some(TokenKind::Word)).then(|| self.txt(k))
    }

    fn is_word(&self, k: usize, w: &str) -> bool {
        self.word(k).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn glued(&self, a: usize, b: usize) -> bool {
        matches!((self.toks.get(a), self.toks.get(b)), (Some(x), Some(y)) if x.is_joined_to(y))
    }

    fn is_hyphen(&self, k: usize) -> bool {
        matches!(self.txt(k), "-" | "–" | "\u{2010}" | "\u{2011}")
    }

    fn span(&self, a: usize, b: usize) -> Span {
        let s = self.toks.get(a).map_or(0, |t| t.span.start);
        let e = b
            .checked_sub(1)
            .and_then(|k| self.toks.get(k))
            .map_or(s, |t| t.span.end);
        Span::new(s, e.max(s))
    }

    /// Whether a rule can start at `k`: a token starting with a digit, a date token ("3/4")
    /// or a capitalised word ordinal.
    fn may_start(&self, k: usize) -> bool {
        match self.kind(k) {
            Some(TokenKind::Number | TokenKind::Date) => true,
            Some(TokenKind::Word) => {
                let w = self.txt(k);
                // The byte tests first: most words fail them.
                w.len() >= 5
                    && w.len() <= 8
                    && matches!(w.as_bytes().last(), Some(b't' | b'h' | b'd'))
                    && w.chars().next().is_some_and(char::is_uppercase)
            }
            _ => false,
        }
    }

    fn four_digits(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Number)
            && self.txt(k).len() == 4
            && self.txt(k).bytes().all(|b| b.is_ascii_digit())
    }

    fn digits_only(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Number) && self.txt(k).bytes().all(|b| b.is_ascii_digit())
    }

    /// A decimal of three or more places, with an optional sign: its value and the token
    /// after it.
    fn signed_decimal(&self, k: usize) -> Option<(f64, usize)> {
        let (sign, at) = if matches!(self.txt(k), "-" | "\u{2212}") && self.glued(k, k + 1) {
            (-1.0, k + 1)
        } else {
            (1.0, k)
        };
        let t = self.txt(at);
        let (int, dec) = t.split_once('.')?;
        let ok = self.kind(at) == Some(TokenKind::Number)
            && dec.len() >= 3
            && !int.is_empty()
            && int.len() <= 3
            && t.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        let v: f64 = t.parse().ok()?;
        ok.then_some((sign * v, at + 1))
    }

    /// The end of a run of number tokens from `k` joined by spaces, hyphens, dots or
    /// parentheses (phone numbers), and with `coords`, also commas, slashes, degree and
    /// minute marks and hemisphere letters.
    fn number_run(&self, k: usize, coords: bool) -> usize {
        let mut end = k + 1;
        let mut j = k + 1;
        while let Some(t) = self.toks.get(j) {
            let s = t.text(self.text);
            let number = t.kind == TokenKind::Number;
            let sep = matches!(s, "-" | "." | "(" | ")")
                || coords
                    && (matches!(s, "," | "/" | "°" | "º") || is_minute_mark(s) || hemisphere(s));
            // Stay on the line and inside one sentence of digits.
            let gap = self
                .toks
                .get(j - 1)
                .and_then(|p| self.text.get(p.span.end..t.span.start))
                .unwrap_or("");
            if gap.contains('\n') || gap.len() > 2 {
                break;
            }
            if number && (coords || s.bytes().all(|b| b.is_ascii_digit())) {
                j += 1;
                end = j;
            } else if sep && (number || self.kind(j + 1) == Some(TokenKind::Number) || coords) {
                j += 1;
                if coords && hemisphere(s) {
                    end = j;
                }
            } else {
                break;
            }
        }
        end
    }

    /// The line around byte `at`, if both its ends are within 80 bytes (a short line).
    fn line_around(&self, at: usize) -> Option<(usize, usize)> {
        const REACH: usize = 80;
        let bytes = self.text.as_bytes();
        let lo = at.saturating_sub(REACH);
        let before = bytes.get(lo..at)?;
        let start = match before.iter().rposition(|&b| b == b'\n') {
            Some(p) => lo + p + 1,
            None if lo == 0 => 0,
            None => return None,
        };
        let hi = (at + REACH).min(bytes.len());
        let after = bytes.get(at..hi)?;
        let end = match after.iter().position(|&b| b == b'\n') {
            Some(p) => at + p,
            None if hi == bytes.len() => hi,
            None => return None,
        };
        Some((start, end))
    }

    /// Whether the line of token `k` is a headline in title case (most words capitalised,
    /// no full stop). Looks at most 80 bytes each way.
    fn title_case_line(&self, k: usize) -> bool {
        let Some(start) = self.toks.get(k).map(|t| t.span.start) else {
            return false;
        };
        let Some((a, b)) = self.line_around(start) else {
            return false;
        };
        let line = self.text.get(a..b).unwrap_or("");
        // Words starting with a letter, and those of them capitalised: one pass, no list.
        let (words, caps) = line
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_alphabetic()))
            .fold((0usize, 0usize), |(n, c), first| {
                (n + 1, c + usize::from(first.is_uppercase()))
            });
        words >= 3 && caps * 10 >= words * 7 && !line.trim_end().ends_with('.')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<(String, Reason)> {
        non_quantities(text)
            .into_iter()
            .map(|n| (n.text, n.reason))
            .collect()
    }

    fn one(text: &str, want: &str, reason: Reason) {
        let got = reasons(text);
        assert!(
            got.iter().any(|(t, r)| t == want && *r == reason),
            "{text:?}: wanted {want:?} {reason:?}, got {got:?}"
        );
    }

    #[test]
    fn coordinates_in_their_written_forms() {
        one(
            "at 34°31′N 69°10′E today",
            "34°31′N 69°10′E",
            Reason::Coordinate,
        );
        one(
            "at 34° 31' N, 69° 10' E today",
            "34° 31' N, 69° 10' E",
            Reason::Coordinate,
        );
        one(
            "site at 34.5553° N, 69.2075° E;",
            "34.5553° N, 69.2075° E",
            Reason::Coordinate,
        );
        one("near 34.5553 N 69.2075 E", "34.5553 N", Reason::Coordinate);
        one(
            "lat/long 33.9391, 67.7100 for the depot",
            "33.9391, 67.7100",
            Reason::Coordinate,
        );
        one(
            "was at 33.9391, 67.7100 yesterday",
            "33.9391, 67.7100",
            Reason::Coordinate,
        );
        one(
            "Grid reference 42SWD 1234 5678 was",
            "42SWD 1234 5678",
            Reason::Coordinate,
        );
        assert!(reasons("temperatures of 45°C and 12 people").is_empty());
    }

    #[test]
    fn phones_codes_hulls_and_versions() {
        one("call +93 20 210 1234 now", "+93 20 210 1234", Reason::Phone);
        one("on 0799 123 456 or", "0799 123 456", Reason::Phone);
        one("hotline 119 for help", "119", Reason::Phone);
        one("with passcode 4471 to join", "4471", Reason::Identifier);
        one("the PIN: 1234 was", "1234", Reason::Identifier);
        one("Its hull number is 35 and", "35", Reason::Identifier);
        one("HMS Dragon (D 35) sailed", "35", Reason::HullNumber);
        one("USS Cole (DDG 67) was hit", "67", Reason::HullNumber);
        one("firmware version 2.1 shipped", "2.1", Reason::ModelNumber);
        one("a Mk 2 variant", "2", Reason::ModelNumber);
    }

    #[test]
    fn numbered_names_units_specs_furniture() {
        one(
            "The Council adopted Resolution 2593 in August",
            "2593",
            Reason::NumberedName,
        );
        one(
            "under article 41 of the Charter",
            "41",
            Reason::NumberedName,
        );
        one(
            "exercise Steppe Eagle 19 with troops",
            "19",
            Reason::NumberedName,
        );
        one("the Zapad 2021 drills", "2021", Reason::NumberedName);
        one("along Highway 1 near Ghazni", "1", Reason::NumberedName);
        one(
            "troops of the 3rd Infantry Division",
            "3rd",
            Reason::UnitName,
        );
        one("the 101st Airborne arrived", "101st", Reason::UnitName);
        one("the Third Army moved", "Third", Reason::UnitName);
        one("the 215th Maiwand Corps", "215th", Reason::UnitName);
        one("used FEC: 3/4 and", "3/4", Reason::TechnicalSpec);
        one("at 27,500 ksps on", "27,500 ksps", Reason::TechnicalSpec);
        one("a 155mm howitzer", "155mm", Reason::TechnicalSpec);
        one("text.\n1320\nMore", "1320", Reason::PageFurniture);
        one(
            "at N34 31.2 E069 10.4 today",
            "N34 31.2 E069 10.4",
            Reason::Coordinate,
        );
        one("Police District PD 13 reported", "13", Reason::Identifier);
        one("Flight PK 8303 crashed", "8303", Reason::Identifier);
        one("the 313 Brigade fighters", "313", Reason::UnitName);
        one("and Unit 29155 of the GRU", "29155", Reason::NumberedName);
        // Numbered names followed by a noun (issue 18): a known head, or an article before
        // a one-word name.
        for (text, number) in [
            ("Many World War 2 veterans died", "2"),
            ("veterans of World War 2 gathered", "2"),
            ("she watched a Formula 1 race", "1"),
            ("The Apollo 11 mission landed", "11"),
            ("millions of Windows 10 users were hit", "10"),
            ("A Boeing 737 jet crashed near Tehran", "737"),
            ("the Shaheen 3 missile was tested", "3"),
            ("near Checkpoint 5 guards fired", "5"),
            ("an Ariana 4 crew member", "4"),
            ("under Section 8 rules", "8"),
            ("the Article 370 provisions", "370"),
        ] {
            one(text, number, Reason::NumberedName);
        }
        one("text.\nPage 4 of 12\nThe", "4 of 12", Reason::PageFurniture);
    }

    #[test]
    fn counts_stay_counts() {
        for text in [
            "the attack killed 12 people in Kabul",
            "Kabul 2021: Taliban Kill 12 Soldiers In Attack",
            "Some 200 fighters and 2,000 troops",
            "In Kunduz, 35 people died",
            "between 1000 and 1500 members",
            "a 15-year-old boy",
            "It was 2019 when 3,000 troops left.",
            "results for FY 2017 were weak",
            "some 1 234 567 people",
            "the ANA 3,000 soldiers",
            "paid PKR 500 each",
            "this Thu 9-11am",
            "on Bakr Id 2018",
            "Officials said on Hamal 1, 1398 that talks resume.",
            "on 3 Rabi ul Awwal 1441 in Kabul",
            // A place before a count is no name (issue 18).
            "In Kandahar 12 people were killed",
            "in Helmand 30 militants died",
            "Police killed 2 Taliban in Helmand",
            "In Nangarhar province 5 soldiers died",
            "a war 2 years ago",
        ] {
            assert!(reasons(text).is_empty(), "{text:?}: {:?}", reasons(text));
        }
    }

    /// Pieces that make every rule fire somewhere: numbers of every shape, the cue words
    /// of the rules in several cases, punctuation and line breaks.
    const PIECES: &[&str] = &[
        "1",
        "2",
        "3",
        "4",
        "12",
        "35",
        "119",
        "313",
        "2021",
        "1500",
        "0799",
        "020",
        "7946",
        "123",
        "456",
        "0799123456",
        "34.5553",
        "69.2075",
        "-12.0464",
        "7.62",
        "3rd",
        "101st",
        "215th",
        "42SWD",
        "N34",
        "E069",
        "31.2",
        "155mm",
        "12GHz",
        "3/4",
        "1,200",
        "v2",
        "°",
        "º",
        "′",
        "'",
        "\"",
        "N",
        "E",
        "S",
        "W",
        "C",
        ".",
        ",",
        ":",
        ";",
        "/",
        "(",
        ")",
        "-",
        "–",
        "+",
        "#",
        "\n",
        "\n\n",
        " ",
        " ",
        " ",
        "latitude",
        "Lat",
        "long",
        "coordinates",
        "GPS",
        "grid",
        "Grid",
        "reference",
        "phone",
        "Tel",
        "hotline",
        "call",
        "Dial",
        "WhatsApp",
        "PIN",
        "code",
        "ID",
        "hull",
        "No",
        "number",
        "is",
        "HMS",
        "DDG",
        "D",
        "US",
        "Mk",
        "version",
        "Su",
        "MQ",
        "Resolution",
        "Article",
        "Highway",
        "Steppe",
        "Eagle",
        "exercise",
        "Taliban",
        "Kill",
        "Soldiers",
        "soldiers",
        "people",
        "Brigade",
        "Corps",
        "Division",
        "Third",
        "Army",
        "Infantry",
        "FEC",
        "MCS",
        "rate",
        "ratio",
        "ksps",
        "GHz",
        "mm",
        "howitzer",
        "rounds",
        "Comments",
        "Share",
        "Image",
        "of",
        "min",
        "read",
        "Page",
        "page",
        "p.",
        "Next",
        "PD",
        "FY",
        "AM",
        "years",
        "old",
        "January",
        "the",
        "in",
        "and",
        "killed",
        "Key",
        "takeaways",
        // Whole examples of the rules, so that each fires often.
        "\n1. Russian",
        "Key takeaways: 2. The",
        "Page 4 of 12\n",
        "\n1320\n",
        "1 2 3 4 5 Next",
        "34 31 N 69 10 E",
        "34°31′N, 69°10′E",
        "+93 20 210 1234",
        "(D 35)",
        "v2.1",
        "Su-57",
        "FEC: 3/4",
        "code rate 3/4",
        "lat/long 33.9391 67.7100",
        "Image 3 of 10",
        "5 min read",
        "12 Comments",
        "Flight PK 8303",
        "the 101st Airborne Division",
        "313 Brigade",
        "passcode 4471",
        "Resolution 2593",
        "a 120 mm gun",
        "27,500 ksps",
        "Call 119",
        "article 41",
        "the hotline 119",
        "TELEPHONE 0799 123 456",
        "room 12",
        "resolutions",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The scan with shape tests finds exactly what every rule at every token finds.
        #[test]
        fn shape_tests_change_nothing(
            pieces in proptest::collection::vec(
                (proptest::sample::select(PIECES), proptest::bool::ANY),
                0..60,
            )
        ) {
            let mut text = String::new();
            for (p, glued) in pieces {
                if !glued {
                    text.push(' ');
                }
                text.push_str(p);
            }
            let toks = tokenize(&text);
            proptest::prop_assert_eq!(scan_with(&text, &toks, true), scan_with(&text, &toks, false));
        }
    }

    #[test]
    fn list_numbers_are_furniture() {
        one(
            "Key takeaways: 1. Russian forces advanced",
            "1",
            Reason::PageFurniture,
        );
        one("In short:\n2. The attack", "2", Reason::PageFurniture);
        one("the \n1. Russian", "1", Reason::PageFurniture);
    }

    /// The same on the seed articles.
    #[test]
    fn shape_tests_change_nothing_on_the_seeds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut n = 0;
        for f in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(f.path()).unwrap_or_default();
            let toks = tokenize(&text);
            assert_eq!(
                scan_with(&text, &toks, true),
                scan_with(&text, &toks, false)
            );
            n += 1;
        }
        assert!(n > 0, "no seeds in {}", dir.display());
    }
}
