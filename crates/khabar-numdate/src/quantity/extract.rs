//! The quantity extractor: numbers, then ranges, cues, markers and units around them.

use super::cues::{
    Lower, PREFIX_CUES, SUFFIX_CUES, dollar_country, is_identifier_cue, is_month,
    is_one_pronoun_before, is_time_unit, is_year_cue, prefix_cues_ending_with, prefix_currency,
    suffix_currency,
};
use super::measure::{self, MeasureUnit};
use super::unit::{UnitMode, compound_unit, unit_after};
use super::{Approx, Quantity, QuantityKind};
use crate::number::classes::NumberClasses;
use crate::number::{
    NumberForm, NumberKind, NumberParse, parse_digits, parse_number_classified, scale_of,
};
use khabar_tokenize::{Span, Token, TokenKind, Tokenizer};
use serde::{Deserialize, Serialize};

/// What the extractor reports. The defaults suit news analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityConfig {
    /// Report ordinals ("21st", "the third attack"). Default `true`.
    pub ordinals: bool,
    /// Report numbers that count units of time ("12 years", "six months"). Default `false`:
    /// those are durations, which the date extractor reports.
    pub durations: bool,
    /// Report vague amounts ("several thousand", "dozens", "a few"). Default `true`.
    pub vague: bool,
}

impl Default for QuantityConfig {
    fn default() -> Self {
        QuantityConfig {
            ordinals: true,
            durations: false,
            vague: true,
        }
    }
}

/// Finds [`Quantity`]s in text. Cheap to create and to share.
///
/// ```
/// use khabar_numdate::quantity::{Approx, QuantityExtractor, QuantityKind};
/// let text = "around 5-10 per cent of Talibs might join; more than 170 people died.";
/// let qs = QuantityExtractor::new().extract(text);
/// assert_eq!(qs[0].text, "around 5-10 per cent");
/// assert_eq!(qs[0].kind, QuantityKind::Percent);
/// assert_eq!(qs[0].unit.as_ref().unwrap().text, "Talibs");
/// assert_eq!((qs[1].low, qs[1].high, qs[1].approx), (Some(170.0), None, Approx::MoreThan));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct QuantityExtractor {
    config: QuantityConfig,
    tokenizer: Tokenizer,
    skip_plain_words: bool,
}

impl Default for QuantityExtractor {
    fn default() -> Self {
        QuantityExtractor::with_config(QuantityConfig::default())
    }
}

impl QuantityExtractor {
    /// An extractor with the default [`QuantityConfig`].
    pub fn new() -> Self {
        QuantityExtractor::default()
    }

    /// An extractor with the given settings.
    pub fn with_config(config: QuantityConfig) -> Self {
        QuantityExtractor {
            config,
            tokenizer: Tokenizer::new(),
            skip_plain_words: true,
        }
    }

    /// Turns the word filter on or off. With it on (the default), the extractor does not try
    /// to read a quantity at a word that no quantity can start with (a word of ASCII letters
    /// that is no number word, vague amount, currency or "percent"), which is most words
    /// of a text; the output is identical either way (the test suite checks this on random
    /// text). Off, every token is tried, which is the slower reference.
    ///
    /// ```
    /// use khabar_numdate::quantity::QuantityExtractor;
    /// let text = "Several thousand fighters and 4,000-6,000 militants";
    /// let fast = QuantityExtractor::new().extract(text);
    /// let reference = QuantityExtractor::new().skip_plain_words(false).extract(text);
    /// assert_eq!(fast, reference);
    /// ```
    pub fn skip_plain_words(mut self, on: bool) -> Self {
        self.skip_plain_words = on;
        self
    }

    /// The settings.
    pub fn config(&self) -> &QuantityConfig {
        &self.config
    }

    /// Tokenizes `text` and extracts its quantities, in text order.
    pub fn extract(&self, text: &str) -> Vec<Quantity> {
        let tokens = self.tokenizer.tokenize(text);
        self.extract_tokens(text, &tokens)
    }

    /// Extracts quantities from already tokenized text (`tokens` must come from
    /// [`khabar_tokenize::tokenize`] on `text`). Linear in the number of tokens.
    pub fn extract_tokens(&self, text: &str, tokens: &[Token]) -> Vec<Quantity> {
        let nonq = crate::NonQuantitySpans::of(text, tokens);
        self.extract_tokens_with(text, tokens, &nonq)
    }

    /// Like [`QuantityExtractor::extract_tokens`], with the text's non-quantities scanned
    /// already (by a caller that extracts dates too: see [`crate::NonQuantitySpans`]).
    pub fn extract_tokens_with(
        &self,
        text: &str,
        tokens: &[Token],
        non_quantities: &crate::NonQuantitySpans,
    ) -> Vec<Quantity> {
        let nums = crate::classes::number_classes(text, tokens);
        self.extract_in(text, tokens, &nums, self.skip_plain_words, non_quantities)
    }

    /// Like [`QuantityExtractor::extract_tokens_with`], reading the tokens' classes from
    /// `classes` (built once for the document and shared with the date extractor: see
    /// [`crate::TokenClasses`]) instead of classifying them again.
    pub fn extract_classified(
        &self,
        text: &str,
        tokens: &[Token],
        classes: &crate::TokenClasses,
        non_quantities: &crate::NonQuantitySpans,
    ) -> Vec<Quantity> {
        if classes.number.len() != tokens.len() {
            return self.extract_tokens_with(text, tokens, non_quantities);
        }
        self.extract_in(
            text,
            tokens,
            &classes.number,
            self.skip_plain_words,
            non_quantities,
        )
    }

    /// The quantities of `tokens`, whose number classes are `nums` and of which a quantity
    /// can start only where they say so (when `skip`, else anywhere).
    fn extract_in(
        &self,
        text: &str,
        tokens: &[Token],
        nums: &NumberClasses,
        skip: bool,
        non_quantities: &crate::NonQuantitySpans,
    ) -> Vec<Quantity> {
        let cx = Cx {
            text,
            toks: tokens,
            nums,
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if skip && !nums.starts_quantity(i) {
                i += 1;
                continue;
            }
            match self.at(&cx, i) {
                Some((q, end)) if end > i => {
                    out.push(q);
                    i = end;
                }
                Some((_, _)) | None => i += 1,
            }
        }
        let mut out = merge_open_bounds(text, out);
        // Numbers that are neither quantities nor dates (coordinates, identifiers, …).
        if !out.is_empty() {
            crate::nonquant::retain_outside(&mut out, non_quantities.spans(), |q| q.span);
        }
        out
    }

    /// The numbers of `text` this extractor sets aside as neither quantities nor dates,
    /// each with its reason (see [`crate::nonquant`]).
    ///
    /// ```
    /// use khabar_numdate::{NonQuantityReason, QuantityExtractor};
    /// let found = QuantityExtractor::new().non_quantities("under Resolution 2593, 40 people");
    /// assert_eq!((found[0].text.as_str(), found[0].reason), ("2593", NonQuantityReason::NumberedName));
    /// ```
    pub fn non_quantities(&self, text: &str) -> Vec<crate::nonquant::NonQuantity> {
        let tokens = self.tokenizer.tokenize(text);
        crate::nonquant::non_quantities_tokens(text, &tokens)
    }

    /// A quantity whose number (or currency, or vague word) starts at token `i`, and the
    /// token index after it. Read in steps: the readings that stand alone (a vague amount,
    /// "per cent of 210", glued money), else the number with a currency or measure at it
    /// ([`Self::lead`]), its percent and range ([`Cx::amount`]), what follows it
    /// ([`Cx::tail`], then a currency after it), the comparison cues around it
    /// ([`Cx::cues`]), its kind and the unit it counts ([`Cx::counted_unit`]). Inlined
    /// into the scan ([`Self::extract_in`]), which calls it at every token a quantity may
    /// start at: as a call of its own it cost 4% more instructions.
    #[inline(always)]
    fn at(&self, cx: &Cx<'_>, i: usize) -> Option<(Quantity, usize)> {
        if let Some(r) = self.vague_at(cx, i) {
            return r;
        }
        if let Some(r) = self.percent_first(cx, i) {
            return Some(r);
        }
        if let Some(r) = self.glued_money(cx, i) {
            return Some(r);
        }
        let Lead {
            n1,
            currency,
            measure,
        } = self.lead(cx, i)?;
        let amount = cx.amount(i, &n1);
        // A unit of measure, an age or a restatement after the amount.
        let plain =
            currency.is_none() && amount.percent.is_none() && n1.kind == NumberKind::Cardinal;
        let (bounds_read, ranged) = ((amount.low, amount.high), amount.ranged);
        let tail = cx.tail(&n1, i, amount.end, ranged, bounds_read, measure, plain);
        // Money written after the amount: "5 million dollars".
        let (currency, end) = match currency {
            None if amount.percent.is_none() => cx.currency_after_amount(&n1, tail.end),
            _ => (currency, tail.end),
        };
        // Durations are the date extractor's.
        if !self.config.durations
            && currency.is_none()
            && amount.percent.is_none()
            && tail.measure.is_none()
            && !tail.age
            && cx.time_unit_at(end)
        {
            return None;
        }
        let cues = cx.cues(&n1, i, end, amount.range_prefix);
        let kind = quantity_kind(
            currency.is_some(),
            tail.measure.is_some(),
            tail.age,
            amount.percent.is_some(),
            n1.kind,
        );
        let (lo, hi) = bounds(amount.low, amount.high, cues.approx, ranged);
        let unit = cx.counted_unit(kind, &tail, cues.end)?;
        let mut q = cx.quantity(
            cues.start,
            cues.end,
            kind,
            lo,
            hi,
            cues.approx,
            false,
            unit,
            currency,
        )?;
        if let Some((m, _, _)) = tail.measure {
            q.dimension = Some(m.dimension);
            q.si_value = lo.or(hi).map(|v| m.to_si(v));
            q.si_unit = Some(m.dimension.si_unit().to_string());
        }
        Some((q, cues.end))
    }

    /// The number a quantity at token `i` is built on, with a currency written before it
    /// ("$5 million", "US$ 1MM", "Rs. 500", "$5m": a lower-case m is a million after a
    /// currency) or a unit of measure glued to it ("12km", "80m"); `None` when there is
    /// none, or it is no quantity's (a year, an identifier, the pronoun "one": see
    /// [`Self::excluded`]; an ordinal when they are not reported).
    fn lead(&self, cx: &Cx<'_>, i: usize) -> Option<Lead> {
        let (currency, num_at) = match cx.currency_prefix(i) {
            Some((code, n)) => (Some(code), i + n),
            None => (None, i),
        };
        let mut measure = None;
        // "$5m": read as a million only after a currency, and so only then tried.
        let n1 = match currency.and_then(|_| cx.money_m(num_at)) {
            Some(v) => cx.single_token_number(num_at, v)?,
            None => match cx.number(num_at) {
                Some(n) => n,
                None if currency.is_none() => {
                    let (v, m, after) = cx.glued_measure(num_at)?;
                    measure = Some((m, num_at, after));
                    cx.single_token_number(num_at, v)?
                }
                None => return None,
            },
        };
        if currency.is_none() && measure.is_none() && self.excluded(cx, &n1) {
            return None;
        }
        if n1.kind == NumberKind::Ordinal && !self.config.ordinals {
            return None;
        }
        Some(Lead {
            n1,
            currency,
            measure,
        })
    }

    /// Money with its currency glued to the amount, one word: "Rs30 lakh", "Rs3.5bn",
    /// "PKR500", "Afs1,000", with a comparison cue before it.
    fn glued_money(&self, cx: &Cx<'_>, i: usize) -> Option<(Quantity, usize)> {
        let w = cx.word(i)?;
        let cut = w.find(|c: char| c.is_ascii_digit())?;
        let (cur, rest) = w.split_at(cut);
        let code = prefix_currency(cur)?;
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let (digits, suffix) = rest.split_at(num_end);
        let mut value = parse_digits(digits).ok()?;
        let mut end = i + 1;
        let power = match suffix {
            "" => match cx.word(end).and_then(scale_of) {
                Some(p) => {
                    end += 1;
                    p
                }
                None => 0,
            },
            "k" | "K" => 3,
            "m" | "mn" | "M" | "million" => 6,
            "bn" | "b" | "B" | "billion" => 9,
            "cr" | "crore" => 7,
            "lakh" | "lac" => 5,
            _ => return None,
        };
        value *= 10f64.powi(i32::from(power));
        if value.is_nan() || value > crate::number::MAX_EXACT_INTEGER {
            return None;
        }
        let (start, approx) = match cx.prefix_cue(i) {
            Some((len, a)) => (i - len, a),
            None => (i, Approx::None),
        };
        let (lo, hi) = bounds(value, value, approx, false);
        let q = cx.quantity(
            start,
            end,
            QuantityKind::Money,
            lo,
            hi,
            approx,
            false,
            None,
            Some(code),
        )?;
        Some((q, end))
    }

    /// "per cent of 210", "percents of twenty": a percent word that opens a clause, with the
    /// value after it. Only at the start of the text or after punctuation: inside a clause
    /// ("a small percent of 500 voters") "percent of" introduces the whole, not the value.
    fn percent_first(&self, cx: &Cx<'_>, i: usize) -> Option<(Quantity, usize)> {
        let opens_clause = i == 0 || cx.tok(i - 1).is_some_and(|t| t.kind == TokenKind::Punct);
        let word = cx.is_word(i, "percent")
            || cx.is_word(i, "percents")
            || cx.is_word(i, "per") && cx.is_word(i + 1, "cent");
        if !opens_clause || !word {
            return None;
        }
        let of = cx.percent_at(i)?;
        if !cx.is_word(of, "of") {
            return None;
        }
        let n = cx.number(of + 1)?;
        if n.kind != NumberKind::Cardinal || n.tokens.start != of + 1 || self.excluded(cx, &n) {
            return None;
        }
        let end = n.tokens.end;
        let unit = unit_after(cx.text, cx.toks, end, UnitMode::DirectOrOf);
        let q = cx.quantity(
            i,
            end,
            QuantityKind::Percent,
            Some(n.value),
            Some(n.value),
            Approx::None,
            false,
            unit,
            None,
        )?;
        Some((q, end))
    }

    /// Vague amounts at `i`: "several thousand", "thousands", "a few", "dozens of".
    /// `Some(None)` means "a vague word is here but it is not reported" (a duration, or the
    /// setting is off), so the caller moves on.
    fn vague_at(&self, cx: &Cx<'_>, i: usize) -> Option<Option<(Quantity, usize)>> {
        let (lo, hi, end) = cx.vague(i)?;
        if !self.config.vague {
            return Some(None);
        }
        let unit_probe = if cx.is_word(end, "of") { end + 1 } else { end };
        if !self.config.durations && (cx.time_unit_at(end) || cx.time_unit_at(unit_probe)) {
            return Some(None);
        }
        let mut approx = Approx::None;
        let mut start = i;
        if let Some((len, a)) = cx.prefix_cue(i) {
            approx = a;
            start = i - len;
        }
        let (low, high) = match approx {
            Approx::None | Approx::About | Approx::Nearly | Approx::Exactly => (Some(lo), Some(hi)),
            Approx::MoreThan | Approx::AtLeast | Approx::AsLowAs => (Some(lo), None),
            _ => (None, Some(hi)),
        };
        let unit = unit_after(cx.text, cx.toks, end, UnitMode::DirectOrOf);
        Some(
            cx.quantity(
                start,
                end,
                QuantityKind::Cardinal,
                low,
                high,
                approx,
                true,
                unit,
                None,
            )
            .map(|q| (q, end)),
        )
    }

    /// Numbers that belong to dates, identifiers, footnotes, or are the pronoun "one".
    fn excluded(&self, cx: &Cx<'_>, n: &NumberParse) -> bool {
        let i = n.tokens.start;
        let end = n.tokens.end;
        // The number's tokens, counted and first, without collecting them.
        let n_words = n.tokens.len();
        let single = n_words == 1;
        let w0 = if n_words > 0 { cx.txt(i) } else { "" };
        // Word ordinals "first" and "second".
        if single
            && n.kind == NumberKind::Ordinal
            && (w0.eq_ignore_ascii_case("first") || w0.eq_ignore_ascii_case("second"))
        {
            return true;
        }
        // "one" as a pronoun.
        if one_is_pronoun(cx.text, cx.toks, n) {
            return true;
        }
        // "a second report …, and a third": an ordinal standing for a noun, no fraction.
        let listed = i > 0 && (cx.is_word(i - 1, "and") || cx.txt(i - 1) == ",");
        if n.kind == NumberKind::Fraction
            && n_words == 2
            && w0.eq_ignore_ascii_case("a")
            && listed
            && !cx.is_word(end, "of")
        {
            return true;
        }
        if n.form == NumberForm::Digits || n.form == NumberForm::Mixed {
            // Footnote markers "[1]".
            if i > 0
                && cx.txt(i - 1) == "["
                && cx.joined(i - 1, i)
                && cx.txt(end) == "]"
                && cx.joined(end - 1, end)
            {
                return true;
            }
            // Glued to what precedes: "F-16", "mid-2020", "+1", "SCP-173", "2222/2222".
            if i > 0 && cx.joined(i - 1, i) {
                let p = cx.txt(i - 1);
                if matches!(p, "+" | "/" | "#" | "@" | "№") {
                    return true;
                }
                if cx.is_hyphen(i - 1)
                    && i > 1
                    && cx.joined(i - 2, i - 1)
                    && cx
                        .tok(i - 2)
                        .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                {
                    return true;
                }
            }
            // Chains: "222-2222-2222", "2222/2222".
            if cx.joined(end - 1, end)
                && matches!(cx.txt(end), "-" | "/")
                && cx.joined(end, end + 1)
                && cx.tok(end + 1).is_some_and(|t| t.kind == TokenKind::Number)
                && cx.joined(end + 1, end + 2)
                && matches!(cx.txt(end + 2), "-" | "/")
            {
                return true;
            }
            if cx.txt(end) == "/" && cx.joined(end - 1, end) {
                return true;
            }
        }
        // Identifiers: "Volume: 16", "Issue: 2", "No. 5".
        if i > 0 {
            let mut p = i - 1;
            if matches!(cx.txt(p), ":" | "." | "#") && p > 0 {
                p -= 1;
            }
            if cx.word(p).is_some_and(is_identifier_cue) && n.form != NumberForm::Words {
                return true;
            }
        }
        let value = n.value;
        let integer = value.fract() == 0.0;
        // Days next to a month: "December 17", "17 December", "9th of November".
        if integer && (1.0..=31.0).contains(&value) && n.form != NumberForm::Words {
            if i > 0 && cx.word(i - 1).is_some_and(is_month) {
                return true;
            }
            if cx.word(end).is_some_and(is_month)
                || cx.is_word(end, "of") && cx.word(end + 1).is_some_and(is_month)
            {
                return true;
            }
        }
        // Years, unless a range of them counts people or things ("between 2000 and 3000
        // fighters").
        let counted = || {
            crate::nonquant::counted_year_range(cx.text, cx.toks, i).is_some()
                || i >= 2 && crate::nonquant::counted_year_range(cx.text, cx.toks, i - 2).is_some()
        };
        if cx.is_year(n) && !counted() {
            if i == 0 {
                return true;
            }
            let prev = cx.txt(i - 1);
            // "Q3 2021", "H1 2020", "FY 2019".
            let period = matches!(prev.as_bytes(), [b'Q', b'1'..=b'4'] | [b'H', b'1' | b'2']);
            if is_year_cue(prev) || is_month(prev) || period {
                return true;
            }
            if matches!(prev, "," | "." | "(") && i > 1 {
                let pp = cx.txt(i - 2);
                if is_month(pp) || parse_digits(pp).is_ok_and(|v| v <= 31.0) {
                    return true;
                }
            }
            // "2009-2010", "2000 - 2021".
            if (cx.is_hyphen(end) || cx.is_word(end, "to"))
                && cx.number(end + 1).is_some_and(|m| cx.is_year(&m))
            {
                return true;
            }
            // A year-like number counting nothing is a year.
            if unit_after(cx.text, cx.toks, end, UnitMode::DirectOrOf).is_none() {
                return true;
            }
        }
        false
    }
}

/// Whether `n` is the word "one" used as a pronoun or bound to a determiner: "one of
/// them", "one another", "the one", "which one" (see [`super::is_pronoun_one`]).
pub(crate) fn one_is_pronoun(text: &str, tokens: &[Token], n: &NumberParse) -> bool {
    let cx = Cx {
        text,
        toks: tokens,
        nums: &NumberClasses::NONE,
    };
    let i = n.tokens.start;
    let end = n.tokens.end;
    if !cx.txt(i).eq_ignore_ascii_case("one") {
        return false;
    }
    // "at one point three gunmen": the grammar read "one point three".
    if end != i + 1 {
        return cx.is_word(i + 1, "point") && i > 0 && cx.is_word(i - 1, "at");
    }
    let prev = i.checked_sub(1).and_then(|p| cx.word(p)).map(Lower::new);
    let next = cx.word(end).map(Lower::new);
    let prev = prev.as_ref().map_or("", Lower::as_str);
    let next_word = next.as_ref().map_or("", Lower::as_str);
    // Nothing but punctuation (or a subject pronoun) after: "for one, he", "as one".
    let next_is_break =
        next.is_none() || matches!(next_word, "he" | "she" | "i" | "we" | "they" | "you" | "it");
    let starts_sentence = i == 0 || cx.tok(i - 1).is_some_and(|t| t.kind == TokenKind::Punct);
    if matches!(next_word, "of" | "another" | "by" | "’s" | "'s" | "day") {
        return true;
    }
    // "one-on-one", "one-sided", "one-off", "one-way": compound adjectives.
    let hyphen = |k: usize| cx.joined(k - 1, k) && cx.is_hyphen(k) && cx.joined(k, k + 1);
    if hyphen(end)
        && cx.word(end + 1).is_some_and(|w| {
            matches!(
                Lower::new(w).as_str(),
                "on" | "sided" | "off" | "way" | "time" | "stop" | "shot" | "size" | "liner"
            )
        })
    {
        return true;
    }
    if i >= 2 && hyphen(i - 1) && cx.is_word(i - 2, "on") {
        return true;
    }
    ONE_IDIOMS.iter().any(|&(before, after)| {
        let b = before.is_empty() || before == prev;
        let a = match after {
            "" => true,
            "#break" => next_is_break,
            _ => after == next_word,
        };
        b && a && !(before.is_empty() && after.is_empty())
    }) || starts_sentence && matches!(next_word, "morning" | "evening" | "afternoon" | "night")
        || is_one_pronoun_before(prev)
}

/// "one" in idioms, as (word before, word after) — "" for any, "#break" for punctuation or
/// a subject pronoun: "for one, he …", "in one hand", "at one point", "one way or another", "all are united one Islam", "as one".
const ONE_IDIOMS: &[(&str, &str)] = &[
    ("for", "#break"),
    ("as", "#break"),
    ("in", "hand"),
    ("on", "hand"),
    ("at", "point"),
    ("at", "time"),
    ("at", "stage"),
    ("at", "moment"),
    ("", "way"),
    ("for", "thing"),
    ("by", "#break"),
    ("in", "go"),
    ("", "islam"),
    ("", "god"),
    ("", "ummah"),
    ("", "nation"),
    ("", "voice"),
    ("", "accord"),
];

/// Joins two complementary open bounds linked by "and", "but" or a comma into one range:
/// "more than 10 and less than 20" → 10..20, "at most 100 and at least 20" → 20..100. The
/// range keeps the first cue. Bounds that do not make a range ("more than 40 and less than
/// 10") stay apart.
fn merge_open_bounds(text: &str, qs: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(qs.len());
    for q in qs {
        if let Some(prev) = out.last_mut() {
            let gap = text.get(prev.span.end..q.span.start).unwrap_or("x");
            let linked = matches!(gap.trim(), "and" | "but" | "," | "AND" | "But" | "And");
            let low_then_high = prev.high.is_none() && q.low.is_none();
            let high_then_low = prev.low.is_none() && q.high.is_none();
            let (lo, hi) = if low_then_high {
                (prev.low, q.high)
            } else if high_then_low {
                (q.low, prev.high)
            } else {
                (None, None)
            };
            let same_kind = prev.kind == q.kind && !prev.vague && !q.vague;
            if let (true, true, Some(lo), Some(hi)) = (linked, same_kind, lo, hi) {
                if lo < hi && prev.approx != Approx::None && q.approx != Approx::None {
                    let span = prev.span.cover(q.span);
                    if let Some(t) = span.slice(text) {
                        prev.span = span;
                        prev.text = t.to_string();
                        prev.low = Some(lo);
                        prev.high = Some(hi);
                        prev.unit = q.unit.or(prev.unit.take());
                        continue;
                    }
                }
            }
        }
        out.push(q);
    }
    out
}

/// Bounds from a value or range and its cue (see the table in the module docs).
fn bounds(low: f64, high: f64, approx: Approx, ranged: bool) -> (Option<f64>, Option<f64>) {
    if ranged {
        return (Some(low), Some(high));
    }
    match approx {
        Approx::None | Approx::About | Approx::Nearly | Approx::Exactly => (Some(low), Some(high)),
        Approx::MoreThan | Approx::AtLeast | Approx::AsLowAs => (Some(low), None),
        Approx::LessThan | Approx::AtMost | Approx::UpTo | Approx::AsManyAs => (None, Some(high)),
    }
}

/// What [`Cx::tail`] found after an amount.
struct Tail {
    /// The token after the amount and what follows it.
    end: usize,
    /// A unit of measure: the unit, its first token and the token after it.
    measure: Option<(&'static MeasureUnit, usize, usize)>,
    /// Whether the amount is an age.
    age: bool,
    /// The token after the words of an age ("-year-old"), which the span leaves out.
    age_words: Option<usize>,
}

/// The number a quantity is built on ([`QuantityExtractor::lead`]).
struct Lead {
    n1: NumberParse,
    /// A currency written before the number.
    currency: Option<&'static str>,
    /// A unit of measure glued to the number: the unit, its first token and the token
    /// after it.
    measure: Option<(&'static MeasureUnit, usize, usize)>,
}

/// An amount read around its number ([`Cx::amount`]).
struct Amount {
    /// The bounds: the number's value twice, or the two ends of a range.
    low: f64,
    high: f64,
    /// The token after the amount.
    end: usize,
    /// The token after a percent sign or word after the amount.
    percent: Option<usize>,
    ranged: bool,
    /// The "between" or "from" of a range, which the comparison cues stand before.
    range_prefix: Option<usize>,
}

/// The comparison cues around an amount ([`Cx::cues`]): the approximation they say and
/// the tokens `[start, end)` the quantity spans with them.
struct Cues {
    approx: Approx,
    start: usize,
    end: usize,
}

/// The kind of a quantity from what was read around its number, in this order: money,
/// a measure, an age, a percent, else the number's own kind.
fn quantity_kind(
    money: bool,
    measure: bool,
    age: bool,
    percent: bool,
    number: NumberKind,
) -> QuantityKind {
    if money {
        QuantityKind::Money
    } else if measure {
        QuantityKind::Measure
    } else if age {
        QuantityKind::Age
    } else if percent {
        QuantityKind::Percent
    } else {
        match number {
            NumberKind::Cardinal => QuantityKind::Cardinal,
            NumberKind::Ordinal => QuantityKind::Ordinal,
            NumberKind::Fraction => QuantityKind::Fraction,
        }
    }
}

/// Whether a quantity can start at a token of kind `kind` and text `s` (`letters`: made of
/// ASCII letters alone, see [`crate::classes::Shape`]), whose number-lexicon entry is `lex`, before the token `next` gives (kind and text, `Other` at the end): the
/// negation of [`Cx::is_plain_word`], from what the caller has at hand (see
/// [`is_plain_word_reference`] in the tests). Punctuation starts a number only as a sign or
/// a decimal point before digits; a word only if it is a number word, not made of ASCII
/// letters alone, a currency written before an amount, or a vague amount or percent word; a
/// symbol only if it is a currency; digits always; other kinds never.
#[inline]
pub(crate) fn may_start_at<'t>(
    kind: TokenKind,
    s: &str,
    letters: bool,
    lex: Option<crate::number::lexicon::Entry>,
    next: impl FnOnce() -> Option<(&'t str, TokenKind)>,
) -> bool {
    match kind {
        TokenKind::Number => true,
        TokenKind::Punct => next().is_some_and(|(_, k)| k == TokenKind::Number),
        TokenKind::Word => !plain_word(s, letters, lex, || next().is_some_and(|(n, _)| n == "$")),
        // A symbol starts a quantity only as a currency ("$", "€"): the number reader and
        // the measures start at digits or words, never at a symbol.
        TokenKind::Symbol => prefix_currency(s).is_some(),
        // Times, dates, links, addresses, hashtags and mentions are read by no quantity.
        _ => false,
    }
}

/// Whether a word of number-lexicon entry `lex` starts a quantity only if the token after
/// it does (or is "few" or "couple"): an article or "and" ("a hundred", "a few", "a
/// couple of", "an estimated …" is none).
pub(crate) fn waits_on_next(lex: Option<crate::number::lexicon::Entry>) -> bool {
    use crate::number::lexicon::Lex;
    lex.is_some_and(|e| matches!(e.lex, Lex::Article | Lex::And))
}

/// Whether a quantity can start at an article or "and" (see [`waits_on_next`]) before a
/// token of text `next` at which one can start if `next_starts`.
pub(crate) fn starts_after_article(next_starts: bool, next: &str) -> bool {
    next_starts || next.eq_ignore_ascii_case("few") || next.eq_ignore_ascii_case("couple")
}

/// The words besides the number lexicon's that start a quantity: vague amounts ("several",
/// "dozens", "scores", "tens", "hundreds" …) and percent words, lower-case.
const OPENING_WORDS: [&str; 11] = [
    "several",
    "dozens",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "percent",
    "percents",
    "per",
];

/// Whether the word `w` (`letters`: made of ASCII letters alone; number-lexicon entry
/// `lex`; `dollar_next`: whether "$" follows it) starts no quantity (see [`may_start_at`]).
#[inline]
fn plain_word(
    w: &str,
    letters: bool,
    lex: Option<crate::number::lexicon::Entry>,
    dollar_next: impl FnOnce() -> bool,
) -> bool {
    if lex.is_some() || !letters {
        return false;
    }
    // A dollar country counts only before "$" ("US$", "C$"): most short words are not.
    if w.len() <= 3
        && (prefix_currency(w).is_some() || dollar_next() && dollar_country(w).is_some())
    {
        return false;
    }
    // Every opening word starts with one of these letters: most words stop here.
    let first = w.as_bytes().first().map(u8::to_ascii_lowercase);
    if !matches!(first, Some(b's' | b'd' | b't' | b'h' | b'm' | b'b' | b'p')) {
        return true;
    }
    !OPENING_WORDS.iter().any(|o| {
        o.len() == w.len() && o.as_bytes().first() == first.as_ref() && o.eq_ignore_ascii_case(w)
    })
}

/// The reference for [`QuantityExtractor::extract_classified`]: no classes (every token
/// looked up and parsed where it is read) and no token skipped.
#[cfg(test)]
pub(crate) fn reference_extract(
    ex: &QuantityExtractor,
    text: &str,
    tokens: &[Token],
    non_quantities: &crate::NonQuantitySpans,
) -> Vec<Quantity> {
    ex.extract_in(text, tokens, &NumberClasses::NONE, false, non_quantities)
}

/// Whether [`QuantityExtractor::at`] reads a quantity starting at token `i`, every token
/// looked up where it is read: the reference for [`may_start_at`], which must let every
/// such token through.
#[cfg(test)]
pub(crate) fn quantity_starts_at(
    ex: &QuantityExtractor,
    text: &str,
    tokens: &[Token],
    i: usize,
) -> bool {
    let cx = Cx {
        text,
        toks: tokens,
        nums: &NumberClasses::NONE,
    };
    ex.at(&cx, i).is_some_and(|(_, end)| end > i)
}

/// The text and its tokens, with small helpers.
struct Cx<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// The tokens' number-lexicon entries and digit values, worked out once.
    nums: &'a NumberClasses,
}

impl<'a> Cx<'a> {
    fn tok(&self, j: usize) -> Option<&'a Token> {
        self.toks.get(j)
    }

    fn txt(&self, j: usize) -> &'a str {
        self.tok(j).map_or("", |t| t.text(self.text))
    }

    fn word(&self, j: usize) -> Option<&'a str> {
        self.tok(j)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(self.text))
    }

    fn is_word(&self, j: usize, w: &str) -> bool {
        self.word(j).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    /// The token at `j` is `w` (any kind: cues include "<" and "≥").
    fn is_tok(&self, j: usize, w: &str) -> bool {
        self.tok(j).is_some_and(|t| {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Symbol | TokenKind::Punct
            ) && t.text(self.text).eq_ignore_ascii_case(w)
        })
    }

    fn joined(&self, a: usize, b: usize) -> bool {
        match (self.tok(a), self.tok(b)) {
            (Some(x), Some(y)) => x.is_joined_to(y),
            _ => false,
        }
    }

    /// A dash that joins a range: hyphen, en dash, the Unicode hyphens, the figure dash (made
    /// for ranges of digits) and the hyphen-minus look-alikes (minus sign, small and fullwidth
    /// hyphen-minus) that scraped pages put between numbers. Em dashes and the horizontal bar
    /// set off a clause and do not make ranges.
    fn is_hyphen(&self, j: usize) -> bool {
        // The minus sign is a symbol (Sm), the others punctuation (Pd).
        self.tok(j)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol))
            && matches!(
                self.txt(j),
                "-" | "–"
                    | "\u{2010}"
                    | "\u{2011}"
                    | "\u{2012}"
                    | "\u{2212}"
                    | "\u{FE63}"
                    | "\u{FF0D}"
            )
    }

    fn number(&self, j: usize) -> Option<NumberParse> {
        let t = self.tok(j)?;
        if !matches!(
            t.kind,
            TokenKind::Number | TokenKind::Word | TokenKind::Punct
        ) {
            return None;
        }
        parse_number_classified(self.text, self.toks, self.nums, j)
    }

    /// A plain four-digit integer between 1900 and 2100.
    fn is_year(&self, n: &NumberParse) -> bool {
        n.form == NumberForm::Digits
            && n.kind == NumberKind::Cardinal
            && n.tokens.len() == 1
            && self.txt(n.tokens.start).len() == 4
            && self.txt(n.tokens.start).bytes().all(|b| b.is_ascii_digit())
            && (1900.0..=2100.0).contains(&n.value)
    }

    /// The power of ten of the scale word ending `n` ("6 million" → 6).
    fn trailing_scale(&self, n: &NumberParse) -> Option<u8> {
        let last = n.tokens.end.checked_sub(1)?;
        if n.tokens.len() < 2 {
            return None;
        }
        self.word(last).and_then(scale_of).filter(|&p| p >= 3)
    }

    fn has_scale(&self, n: &NumberParse) -> bool {
        n.tokens
            .clone()
            .any(|k| self.word(k).and_then(scale_of).is_some())
            || n.tokens.clone().any(|k| {
                self.tok(k).is_some_and(|t| t.kind == TokenKind::Number)
                    && !self
                        .txt(k)
                        .bytes()
                        .last()
                        .is_some_and(|b| b.is_ascii_digit())
            })
    }

    /// A percent marker at `k`: "%", "per cent", "percent", "percentage points", "pc".
    /// Returns the token index after it.
    fn percent_at(&self, k: usize) -> Option<usize> {
        if self.txt(k) == "%" || self.txt(k) == "٪" {
            return Some(k + 1);
        }
        if self.is_word(k, "per") && self.is_word(k + 1, "cent") {
            return Some(k + 2);
        }
        if self.is_word(k, "percent") || self.is_word(k, "percents") || self.is_word(k, "pct") {
            return Some(k + 1);
        }
        if self.is_word(k, "percentage")
            && (self.is_word(k + 1, "points") || self.is_word(k + 1, "point"))
        {
            return Some(k + 2);
        }
        if self.is_word(k, "percentage") {
            return Some(k + 1);
        }
        None
    }

    /// The second number of a range after the first ends at `k`: "-6,000", "to 10",
    /// "and even 4,000" (after "between"), "or three". Returns it and the token after it.
    fn range_second(
        &self,
        k: usize,
        between: bool,
        n1: &NumberParse,
    ) -> Option<(NumberParse, usize)> {
        let (at, word_range) = if self.is_hyphen(k) {
            (k + 1, false)
        } else if self.is_word(k, "to")
            || self.is_word(k, "through")
            || self.is_word(k, "thru")
            || self.txt(k) == "~"
        {
            (k + 1, true)
        } else if between && self.is_word(k, "and") {
            if self.is_word(k + 1, "even") {
                (k + 2, true)
            } else {
                (k + 1, true)
            }
        } else if self.is_word(k, "or") {
            (k + 1, true)
        } else {
            return None;
        };
        let n2 = self.number(at)?;
        if n2.kind == NumberKind::Ordinal || n2.tokens.start != at {
            return None;
        }
        if n2.value.is_nan() || n1.value.is_nan() {
            return None;
        }
        let or = self.is_word(k, "or");
        if or && !(n2.value > n1.value && n1.form == n2.form) {
            return None;
        }
        // A range runs upwards: "2-1" is a score, "4006-3278" an identifier, "twenty to
        // five" a time. ("4-6 million" is checked once the scale is applied.)
        if n2.value < n1.value && self.trailing_scale(&n2).is_none() {
            return None;
        }
        // "4,000-6,000": a hyphen range needs digits on both sides, or words on both.
        if !word_range && n1.form != NumberForm::Words && n2.form == NumberForm::Words {
            return None;
        }
        if !word_range && n1.kind != n2.kind {
            return None;
        }
        let _ = self.is_year(n1);
        Some((n2.clone(), n2.tokens.end))
    }

    /// The second ordinal of "between the tenth and the fifteenth", when the first ends at
    /// `k` and starts at `first`: the second number and the token of "between". The second
    /// must be the larger.
    fn ordinal_range_second(
        &self,
        first: usize,
        k: usize,
        n1: &NumberParse,
    ) -> Option<(NumberParse, usize)> {
        let between = first.checked_sub(2)?;
        if !(self.is_word(first - 1, "the")
            && self.is_word(between, "between")
            && self.is_word(k, "and"))
        {
            return None;
        }
        let at = if self.is_word(k + 1, "the") {
            k + 2
        } else {
            k + 1
        };
        let n2 = self.number(at)?;
        let ok = n2.kind == NumberKind::Ordinal && n2.tokens.start == at && n2.value > n1.value;
        ok.then_some((n2, between))
    }

    /// A comparison cue starting at token `k`, after a number: its length and meaning.
    fn suffix_cue(&self, k: usize) -> Option<(usize, Approx)> {
        SUFFIX_CUES.iter().find_map(|(words, a)| {
            let n = words.len();
            let here = words
                .iter()
                .enumerate()
                .all(|(o, w)| self.is_word(k + o, w));
            // "or more" before "than"/"to" is the start of another cue; a three-word cue
            // ending in "than" before a number is that number's cue.
            let blocked = if words.last() == Some(&"than") {
                self.number(k + n).is_some()
            } else {
                self.is_word(k + n, "than") || self.is_word(k + n, "to")
            };
            (here && !blocked).then_some((n, *a))
        })
    }

    /// A comparison cue ending right before token `k`: its length in tokens and meaning.
    fn prefix_cue(&self, k: usize) -> Option<(usize, Approx)> {
        // Only the cues whose last word is the token before `k` can match.
        let last = self.tok(k.checked_sub(1)?)?.text(self.text);
        let candidates = prefix_cues_ending_with(last)
            .iter()
            .filter_map(|&n| PREFIX_CUES.get(n));
        self.best_prefix_cue(k, candidates)
    }

    /// The longest of `cues` (the first of the longest) that ends just before token `k`.
    fn best_prefix_cue<'c>(
        &self,
        k: usize,
        cues: impl Iterator<Item = &'c (&'c [&'c str], Approx)>,
    ) -> Option<(usize, Approx)> {
        let mut best: Option<(usize, Approx)> = None;
        for (words, a) in cues {
            let len = words.len();
            if len > k || best.is_some_and(|(l, _)| l >= len) {
                continue;
            }
            let s = k - len;
            // A symbol cue glued to another symbol ("<>30", "=>30") is not a cue.
            let glued_symbol = s > 0
                && self.joined(s - 1, s)
                && self.tok(s - 1).is_some_and(|t| t.kind == TokenKind::Symbol);
            if !glued_symbol && words.iter().enumerate().all(|(o, w)| self.is_tok(s + o, w)) {
                best = Some((len, *a));
            }
        }
        best
    }

    /// A currency before the amount at `i`: the code and how many tokens it uses.
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(i)?;
        let s = t.text(self.text);
        // Every currency written before an amount is a symbol or a word of at most three
        // letters: skip the table for everything else.
        if !(t.kind == TokenKind::Symbol || t.kind == TokenKind::Word && s.len() <= 3) {
            return None;
        }
        // "US$" is "US" then "$"; "C$", "HK$", "A$" likewise.
        if let Some(code) = dollar_country(s) {
            if self.txt(i + 1) == "$" && self.joined(i, i + 1) {
                return self.amount_after(i + 2).then_some((code, 2));
            }
        }
        let code = prefix_currency(s)?;
        // "Rs. 500": the period is its own token.
        if self.txt(i + 1) == "." && self.joined(i, i + 1) {
            return self.amount_after(i + 2).then_some((code, 2));
        }
        self.amount_after(i + 1).then_some((code, 1))
    }

    /// A currency written after the amount at `k`: "dollars", "US dollars", "Australian
    /// dollars", "rials"; "pounds" after a scale ("361 million pounds": money, where "500
    /// pounds of explosives" is a mass). Its code and length in tokens.
    fn currency_after(&self, k: usize, scaled: bool) -> Option<(&'static str, usize)> {
        let w = self.word(k)?;
        if let Some(code) = suffix_currency(w) {
            return Some((code, 1));
        }
        if scaled && (w.eq_ignore_ascii_case("pounds") || w.eq_ignore_ascii_case("sterling")) {
            return Some(("GBP", 1));
        }
        let dollars = |j: usize| self.is_word(j, "dollars") || self.is_word(j, "dollar");
        let code = dollar_country(w)?;
        dollars(k + 1).then_some((code, 2))
    }

    fn amount_after(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// A cardinal made of the one token at `j` with the given value.
    fn single_token_number(&self, j: usize, value: f64) -> Option<NumberParse> {
        Some(NumberParse {
            value,
            kind: NumberKind::Cardinal,
            tokens: j..j + 1,
            span: self.tok(j)?.span,
            form: NumberForm::Digits,
            plural: false,
            approximate: false,
        })
    }

    /// "5m" after a currency: 5 million.
    fn money_m(&self, j: usize) -> Option<f64> {
        let s = self.txt(j);
        let body = s.strip_suffix('m')?;
        let v = parse_digits(body).ok()? * 1e6;
        (v <= crate::number::MAX_EXACT_INTEGER).then_some(v)
    }

    /// Whether the word at `k` (or the word after a glued hyphen: "12-year") is a unit of
    /// time.
    fn time_unit_at(&self, k: usize) -> bool {
        // "half an hour", "a quarter of an hour".
        if self.is_word(k, "an") || self.is_word(k, "a") {
            return self.word(k + 1).is_some_and(is_time_unit);
        }
        // An age ("thirty years old", "a 35-year-old") is a quantity, not a duration.
        if self.word(k).is_some_and(is_time_unit) {
            return !self.is_word(k + 1, "old");
        }
        self.is_hyphen(k)
            && self.joined(k, k + 1)
            && self.word(k + 1).is_some_and(is_time_unit)
            && !(self.is_hyphen(k + 2) && self.is_word(k + 3, "old"))
    }

    /// What follows an amount ending at `end`: a unit of measure ("2 tonnes", "10-15 km",
    /// "a 10-km stretch", restated "40km (25 miles)"), an age ("a 15-year-old", "aged 35",
    /// "Nadir, 35,") or the same number restated ("forty-five (45)"). `measure` is a unit
    /// already glued to the number; `plain` says the amount is a bare cardinal (no currency
    /// or percent).
    #[allow(clippy::too_many_arguments)]
    fn tail(
        &self,
        n1: &NumberParse,
        first: usize,
        mut end: usize,
        ranged: bool,
        (low, high): (f64, f64),
        mut measure: Option<(&'static MeasureUnit, usize, usize)>,
        plain: bool,
    ) -> Tail {
        if measure.is_none() && plain {
            let k = if self.is_hyphen(end) && self.joined(end - 1, end) && self.joined(end, end + 1)
            {
                end + 1
            } else {
                end
            };
            // "361 million pounds" is money (see `currency_after`).
            let scaled_pounds = self.has_scale(n1) && self.is_word(k, "pounds");
            if let Some((m, after)) = measure::unit_at(self.text, self.toks, k, None) {
                if !scaled_pounds {
                    measure = Some((m, k, after));
                }
            }
        }
        if let Some((m, _, after)) = measure {
            end = after;
            if let Some(e) = self.restated(end, Some(m.dimension), high) {
                end = e;
            }
            return Tail {
                end,
                measure,
                age: false,
                age_words: None,
            };
        }
        let mut age_words = None;
        let mut age = false;
        if plain {
            let ncx = crate::nonquant::Cx {
                text: self.text,
                toks: self.toks,
            };
            if let Some(e) = end
                .checked_sub(1)
                .and_then(|last| crate::nonquant::age_compound(&ncx, last))
            {
                age_words = Some(e);
                age = true;
            } else if !ranged && (self.aged_before(first) || self.age_after_name(first, end, low)) {
                age = true;
            }
        }
        if !age {
            if let Some(e) = self.restated(end, None, high) {
                end = e;
            }
        }
        Tail {
            end,
            measure: None,
            age,
            age_words,
        }
    }

    /// A number with a unit of measure glued to it at `j` ("12km", "100km/h"): the value,
    /// the unit and the token after it. A glued "m" before a plural noun is a million
    /// ("38m people"), not metres.
    fn glued_measure(&self, j: usize) -> Option<(f64, &'static MeasureUnit, usize)> {
        let t = self.tok(j).filter(|t| t.kind == TokenKind::Number)?;
        // "scp-173m", "ef 75-300mm": glued to a word or a hyphen, an identifier.
        if j > 0 && self.joined(j - 1, j) && !matches!(self.txt(j - 1), "(" | "~" | "[") {
            return None;
        }
        let (v, letters) = measure::split_glued(t.text(self.text))?;
        let (m, after) = measure::unit_at(self.text, self.toks, j + 1, Some(letters))?;
        if letters == "m" {
            let plural = self.word(after).is_some_and(|w| {
                w.len() > 3 && w.ends_with('s') && w.starts_with(|c: char| c.is_lowercase())
            });
            if plural {
                return None;
            }
        }
        Some((v, m, after))
    }

    /// The token after a restatement in parentheses at `k` of the same measure (`dim`) or
    /// the same number (`value`): "(25 miles)", "(656ft)", "(45)", "(forty five)".
    fn restated(&self, k: usize, dim: Option<super::Dimension>, value: f64) -> Option<usize> {
        if self.txt(k) != "(" {
            return None;
        }
        let j = k + 1;
        let close = match (self.number(j), dim) {
            (Some(n), None) if n.tokens.start == j && n.value == value => n.tokens.end,
            (Some(n), Some(d)) if n.tokens.start == j => {
                let (m, e) = measure::unit_at(self.text, self.toks, n.tokens.end, None)?;
                (m.dimension == d).then_some(e)?
            }
            (_, Some(d)) => {
                let (_, m, e) = self.glued_measure(j)?;
                (m.dimension == d).then_some(e)?
            }
            _ => return None,
        };
        (self.txt(close) == ")").then_some(close + 1)
    }

    /// "aged 35", "age 35", "ages of 15": an age cue before the number at `i`.
    fn aged_before(&self, i: usize) -> bool {
        i > 0 && (self.is_word(i - 1, "aged") || self.is_word(i - 1, "age"))
    }

    /// "Nadir, 35, a former trainer", "Nadir (35)", "the commander, 42,": a small integer
    /// set off after a capitalised name or a noun for a person.
    fn age_after_name(&self, i: usize, end: usize, value: f64) -> bool {
        if end != i + 1 || value.fract() != 0.0 || !(1.0..=120.0).contains(&value) || i < 2 {
            return false;
        }
        let opens = self.txt(i - 1);
        let closes = self.txt(end);
        // In parentheses only after a name of two capitalised words ("Gul Ahmad (60)") or
        // a person noun: "Comments (12)" is a counter.
        let paren_name = opens == "("
            && closes == ")"
            && (i >= 3
                && self
                    .word(i - 3)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
                || self.word(i - 2).is_some_and(super::cues::is_person_noun));
        let set_off = opens == "," && matches!(closes, "," | "." | ";") || paren_name;
        let name = self.word(i - 2).is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && !is_month(w)
                && !super::cues::is_unit_stop(w)
                || super::cues::is_person_noun(w)
        });
        set_off && name && self.tok(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// A vague amount at `i`: its conventional bounds and the token after it.
    fn vague(&self, i: usize) -> Option<(f64, f64, usize)> {
        let word = self.word(i)?;
        // Vague amounts start with one of these letters; most words stop here.
        if !matches!(
            word.as_bytes().first().map(u8::to_ascii_lowercase),
            Some(b'a' | b's' | b'd' | b't' | b'h' | b'm' | b'b')
        ) {
            return None;
        }
        let w = Lower::new(word);
        let scale_after = |j: usize| {
            self.word(j)
                .and_then(scale_of)
                .filter(|&p| (2..=12).contains(&p))
        };
        let plural_scale = |s: &str| -> Option<u8> {
            match s {
                "hundreds" => Some(2),
                "thousands" => Some(3),
                "millions" => Some(6),
                "billions" => Some(9),
                _ => None,
            }
        };
        let pow = |p: u8| 10f64.powi(i32::from(p));
        match w.as_str() {
            "a" if self.is_word(i + 1, "few") => {
                if let Some(p) = scale_after(i + 2) {
                    return Some((2.0 * pow(p), 5.0 * pow(p), i + 3));
                }
                Some((2.0, 5.0, i + 2))
            }
            "a" if self.is_word(i + 1, "couple") => Some((2.0, 3.0, i + 2)),
            "several" => {
                if let Some(p) = scale_after(i + 1) {
                    return Some((3.0 * pow(p), 9.0 * pow(p), i + 2));
                }
                Some((3.0, 9.0, i + 1))
            }
            "dozens" => Some((24.0, 99.0, i + 1)),
            // "scores of people", "when scores were scrambling".
            "scores"
                if ["of", "were", "are", "have", "had", "died", "fled", "killed"]
                    .iter()
                    .any(|w| self.is_word(i + 1, w)) =>
            {
                Some((40.0, 99.0, i + 1))
            }
            "tens" if self.is_word(i + 1, "of") => {
                let p = plural_scale(Lower::new(self.word(i + 2)?).as_str())?;
                Some((2.0 * pow(p + 1), pow(p + 2) - 1.0, i + 3))
            }
            s => {
                let p = plural_scale(s)?;
                if i > 0 && self.tok(i - 1).is_some_and(|t| t.kind == TokenKind::Number) {
                    return None;
                }
                if i > 0 && self.word(i - 1).is_some_and(crate::number::is_number_word) {
                    return None;
                }
                // "hundreds of thousands".
                if self.is_word(i + 1, "of") {
                    if let Some(q) = self
                        .word(i + 2)
                        .and_then(|x| plural_scale(Lower::new(x).as_str()))
                    {
                        if q > p {
                            return Some((2.0 * pow(p + q), pow(p + q + 1) - 1.0, i + 3));
                        }
                    }
                }
                Some((2.0 * pow(p), 10.0 * pow(p) - 1.0, i + 1))
            }
        }
    }

    /// The amount at number `n1`, which starts the quantity at token `first`: its
    /// percent ("5%", "5 per cent") and a range to a second number ("4-6 million",
    /// "between 5 and 10 percent", "between the tenth and the fifteenth").
    fn amount(&self, first: usize, n1: &NumberParse) -> Amount {
        let mut a = Amount {
            low: n1.value,
            high: n1.value,
            end: n1.tokens.end,
            percent: self.percent_at(n1.tokens.end),
            ranged: false,
            range_prefix: None,
        };
        if let Some(p) = a.percent {
            a.end = p;
        }
        if n1.kind != NumberKind::Ordinal {
            let between = first > 0 && self.is_word(first - 1, "between");
            if let Some((n2, after, lo)) = self.cardinal_range(n1, a.end, between) {
                a.low = lo;
                a.high = n2.value;
                a.end = after;
                a.ranged = true;
                if let Some(p) = self.percent_at(a.end) {
                    a.percent = Some(p);
                    a.end = p;
                }
                let from_to = first > 0
                    && self.is_word(first - 1, "from")
                    && self.is_word(n1.tokens.end, "to");
                if between || from_to {
                    a.range_prefix = Some(first - 1);
                }
            }
        } else if let Some((n2, prefix)) = self.ordinal_range_second(first, a.end, n1) {
            a.low = n1.value;
            a.high = n2.value;
            a.end = n2.tokens.end;
            a.ranged = true;
            a.range_prefix = Some(prefix);
        }
        a
    }

    /// The second number of a range from cardinal `n1` (whose amount ends at token `end`),
    /// the token after it, and the range's low end: the first number, times the scale of
    /// the second when only the second has one ("4-6 million"). `None` unless the range
    /// rises.
    fn cardinal_range(
        &self,
        n1: &NumberParse,
        end: usize,
        between: bool,
    ) -> Option<(NumberParse, usize, f64)> {
        let (n2, after) = self.range_second(end, between, n1)?;
        let mut lo = n1.value;
        if let Some(p) = self.trailing_scale(&n2) {
            if !self.has_scale(n1) && n1.form != NumberForm::Mixed {
                let scaled = lo * 10f64.powi(i32::from(p));
                if scaled <= n2.value {
                    lo = scaled;
                }
            }
        }
        (lo <= n2.value).then_some((n2, after, lo))
    }

    /// A currency after cardinal `n1`'s amount, which ends at token `end` ("5 million
    /// dollars"), and the token after it; else no currency and `end`.
    fn currency_after_amount(&self, n1: &NumberParse, end: usize) -> (Option<&'static str>, usize) {
        match self
            .currency_after(end, self.has_scale(n1))
            .filter(|_| n1.kind == NumberKind::Cardinal)
        {
            Some((code, n)) => (Some(code), end + n),
            None => (None, end),
        }
    }

    /// The comparison cues around number `n1`, which starts the quantity at token `first`,
    /// whose amount ends at token `end` and whose range opens at `range_prefix`: a cue
    /// before ("more than 5000", "higher than the tenth"), one after when none came before
    /// or it was a plain equality ("500 or more", "equal to 5000 or less", but not "10 and
    /// more than 40"), and "170+".
    fn cues(
        &self,
        n1: &NumberParse,
        first: usize,
        end: usize,
        range_prefix: Option<usize>,
    ) -> Cues {
        let mut approx = Approx::None;
        let mut span_end = end;
        // An ordinal's cue may stand before its article: "higher than the tenth".
        let the_ordinal = n1.kind == NumberKind::Ordinal
            && first > 0
            && self.is_word(first - 1, "the")
            && self.prefix_cue(first - 1).is_some();
        let anchor = range_prefix.unwrap_or(if the_ordinal { first - 1 } else { first });
        let mut start = anchor;
        if let Some((len, a)) = self.prefix_cue(anchor) {
            approx = a;
            start = anchor - len;
            if let Some((a, e)) = self.or_equal(approx, end) {
                approx = a;
                span_end = e;
            }
        }
        if matches!(approx, Approx::None | Approx::Exactly) {
            if let Some((n, a)) = self.suffix_cue(end) {
                approx = a;
                span_end = end + n;
            }
        }
        // "170+ people": at least 170.
        if matches!(approx, Approx::None | Approx::Exactly)
            && self.txt(span_end) == "+"
            && self.joined(span_end - 1, span_end)
            && !self.joined(span_end, span_end + 1)
        {
            approx = Approx::AtLeast;
            span_end += 1;
        }
        Cues {
            approx,
            start,
            end: span_end,
        }
    }

    /// "more than 5000 or equal (to)" after an amount ending at token `end` with strict
    /// cue `approx`: the bound includes its value (at least / at most), and the token
    /// after the words. Not when a number follows ("or equal to 40" is another amount).
    fn or_equal(&self, approx: Approx, end: usize) -> Option<(Approx, usize)> {
        let strict = matches!(approx, Approx::MoreThan | Approx::LessThan);
        if !(strict && self.is_word(end, "or") && self.is_word(end + 1, "equal")) {
            return None;
        }
        let tail = if self.is_word(end + 2, "to") {
            end + 3
        } else {
            end + 2
        };
        if self.number(tail).is_some() {
            return None;
        }
        let inclusive = if approx == Approx::MoreThan {
            Approx::AtLeast
        } else {
            Approx::AtMost
        };
        Some((inclusive, tail))
    }

    /// What a quantity of kind `kind` with tail `tail`, spanning to token `span_end`,
    /// counts: none for money; the person of an age ("a 15-year-old boy"); what is
    /// measured, in an "of" phrase ("2 tonnes of explosives": the unit of measure is in the
    /// span); a glued compound ("35-year-old"); else the noun after it (only in an "of"
    /// phrase after a percent). `None` when the amount is no quantity: a modifier such as
    /// "the 83-member coalition", which counts no members.
    fn counted_unit(
        &self,
        kind: QuantityKind,
        tail: &Tail,
        span_end: usize,
    ) -> Option<Option<super::Unit>> {
        if kind == QuantityKind::Money {
            return Some(None);
        }
        if let Some(e) = tail.age_words {
            return Some(unit_after(self.text, self.toks, e, UnitMode::DirectOrOf));
        }
        if tail.measure.is_some() {
            return Some(unit_after(self.text, self.toks, span_end, UnitMode::OfOnly));
        }
        if let Some(u) = compound_unit(self.text, self.toks, span_end) {
            if Lower::new(&u.text).as_str().starts_with("member") {
                return None;
            }
            return Some(Some(u));
        }
        let mode = if kind == QuantityKind::Percent {
            UnitMode::OfOnly
        } else {
            UnitMode::DirectOrOf
        };
        Some(unit_after(self.text, self.toks, span_end, mode))
    }

    #[allow(clippy::too_many_arguments)]
    fn quantity(
        &self,
        start_tok: usize,
        end_tok: usize,
        kind: QuantityKind,
        low: Option<f64>,
        high: Option<f64>,
        approx: Approx,
        vague: bool,
        unit: Option<super::Unit>,
        currency: Option<&str>,
    ) -> Option<Quantity> {
        let a = self.tok(start_tok)?.span.start;
        let b = self.tok(end_tok.checked_sub(1)?)?.span.end;
        let span = Span::new(a, b.max(a));
        Some(Quantity {
            span,
            text: span.slice(self.text)?.to_string(),
            kind,
            low,
            high,
            approx,
            vague,
            unit,
            currency: currency.map(str::to_string),
            dimension: None,
            si_value: None,
            si_unit: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cues (whole, in two cases, and word by word), numbers and other tokens.
    fn pieces() -> Vec<String> {
        let mut v: Vec<String> = PREFIX_CUES.iter().map(|(ws, _)| ws.join(" ")).collect();
        v.extend(v.clone().iter().map(|w| w.to_uppercase()));
        v.extend(
            PREFIX_CUES
                .iter()
                .flat_map(|(ws, _)| ws.iter().map(|w| (*w).to_string())),
        );
        v.extend(
            [
                "12", "4,000", "the", "people", "%", "-", "<", ">", "=", "$", "(", "é", "≤",
            ]
            .map(String::from),
        );
        v
    }

    #[test]
    fn prefix_cues_are_found_from_their_last_word() {
        let text = "no more than 12, AT LEAST 5, less than or equal to 7 and <= 3";
        let tokens = khabar_tokenize::tokenize(text);
        let nums = NumberClasses::new(text, &tokens);
        let cx = Cx {
            text,
            toks: &tokens,
            nums: &nums,
        };
        let numbers: Vec<usize> = (0..tokens.len())
            .filter(|&k| tokens[k].kind == TokenKind::Number)
            .collect();
        assert_eq!(numbers.len(), 4);
        for k in numbers {
            let slow = cx.best_prefix_cue(k, PREFIX_CUES.iter());
            assert!(slow.is_some(), "{}", cx.txt(k));
            assert_eq!(cx.prefix_cue(k), slow);
        }
    }

    #[test]
    fn opening_words_start_with_a_gated_letter() {
        for w in OPENING_WORDS {
            assert!(
                matches!(
                    w.as_bytes().first(),
                    Some(b's' | b'd' | b't' | b'h' | b'm' | b'b' | b'p')
                ),
                "{w}"
            );
            assert!(!plain_word(w, true, None, || false), "{w}");
        }
    }

    proptest::proptest! {
        /// The cue before a number, from the cues ending with the token before it, is the
        /// one a scan of the whole table finds.
        #[test]
        fn prefix_cue_matches_full_table(ws in proptest::collection::vec((0..10_000usize, proptest::bool::ANY), 0..12)) {
            let pieces = pieces();
            let mut text = String::new();
            for (k, space) in ws {
                if space {
                    text.push(' ');
                }
                text.push_str(&pieces[k % pieces.len()]);
            }
            let tokens = khabar_tokenize::tokenize(&text);
            let nums = NumberClasses::new(&text, &tokens);
            let cx = Cx { text: &text, toks: &tokens, nums: &nums };
            for k in 0..=tokens.len() + 1 {
                let slow = cx.best_prefix_cue(k, PREFIX_CUES.iter());
                proptest::prop_assert_eq!(cx.prefix_cue(k), slow);
            }
        }
    }
}
