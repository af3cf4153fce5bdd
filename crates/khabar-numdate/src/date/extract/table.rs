//! The core rules: what one position of the text can start, apart from ranges and the
//! START/MID/END modifiers ([`super::best_at`] adds those). [`core()`] is the table of contents:
//! every rule is a small function named for the construction it reads, in priority order (on
//! equal lengths the earlier rule wins). Each rule's phrases are in its doc comment and in its
//! test.
//!
//! Where the rules live:
//! - [`super::years`]: calendar dates, weekdays counted from a date, fiscal and school years,
//!   approximate dates;
//! - [`super::times`]: clock times, parts of the day, meals, a day with a time;
//! - [`super::refs`]: "now", "to date", "the day before", "the past";
//! - [`super::lengths`]: lengths ("six years", "the past two weeks"), "ago"/"later", shifts
//!   from a date;
//! - [`super::sets`]: sets ("every Friday", "daily", "Tuesdays at 9am").
//!
//! Ranges are in [`super::ranges`]; what each meaning resolves to is in [`super::value`].

use super::{cmp_prefix, lengths, refs, sets, times, years};
use crate::date::TemporalMod;
use crate::date::grammar::{Grammar, Match};
use crate::date::lexicon::{Unit, W};

/// The position a core rule reads from, with what several rules share (read once).
#[derive(Clone, Copy)]
pub(super) struct At<'g, 'a> {
    /// The grammar.
    pub(super) g: &'g Grammar<'a>,
    /// The token the expression starts at.
    pub(super) i: usize,
    /// The lexicon's word at `i`.
    pub(super) w: Option<W>,
    /// Where an amount starts: after a comparison cue ("about", "more than"), else `i`.
    pub(super) j: usize,
    /// The comparison cue before the amount, if any.
    pub(super) cmp: Option<TemporalMod>,
    /// An amount and unit at `j` ("six years", "a few days"): `(end, amount, unit)`.
    pub(super) amount: Option<(usize, Option<f64>, Unit)>,
}

impl<'g, 'a> At<'g, 'a> {
    pub(super) fn new(g: &'g Grammar<'a>, i: usize) -> At<'g, 'a> {
        let (j, cmp) = match cmp_prefix(g, i) {
            Some((j, c)) => (j, Some(c)),
            None => (i, None),
        };
        At {
            g,
            i,
            w: g.t.get(i).and_then(|t| t.w),
            j,
            cmp,
            amount: super::amount_unit(g, j),
        }
    }
}

/// The longest of the readings of `rules` at `at`, the earliest rule winning a tie: each rule
/// is called once, in order (written out, so that no table of readings is built, and the best
/// reading is only written when a longer one comes).
macro_rules! longest_of {
    ($at:expr; $($rule:path),+ $(,)?) => {{
        let mut best: Option<Match> = None;
        $(keep_longer(&mut best, $rule($at));)+
        best
    }};
}

/// `best` becomes `reading` when that is longer (or `best` is none): [`super::longest`] in
/// place.
#[inline]
fn keep_longer(best: &mut Option<Match>, reading: Option<Match>) {
    if let Some(r) = reading {
        if best.as_ref().is_none_or(|b| r.end > b.end) {
            *best = Some(r);
        }
    }
}

/// Everything but ranges and START/MID/END modifiers: the longest reading of the core rules
/// at `i`, the earliest rule winning a tie.
pub(super) fn core(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let at = At::new(g, i);
    longest_of!(&at;
        times::holiday_hours,
        years::calendar_date,
        years::weekday_from_date,
        times::day_with_time,
        times::date_time_interval,
        times::clock_with_day,
        times::part_of_day,
        times::part_of_the_day,
        times::around_meal,
        times::around_clock_time,
        refs::right_now,
        refs::at_the_moment,
        sets::once_a_unit,
        refs::to_date,
        years::year_to_date,
        refs::the_unit_closing,
        lengths::nights,
        refs::the_day_before_after,
        refs::for_the_time_being,
        lengths::units_opening_sentence,
        refs::reference_word,
        lengths::compound,
        lengths::amount_from_date,
        lengths::amount_ago_or_length,
        lengths::the_past_units,
        lengths::recent_units,
        lengths::for_units,
        lengths::all_unit,
        sets::day_of_every_month,
        sets::every_unit,
        sets::periodic_word,
        sets::semiannual,
        sets::weekends,
        sets::set_time,
        years::named_year,
        years::approximate_date,
    )
}

/// A core rule.
#[cfg(test)]
pub(super) type Rule = fn(&At<'_, '_>) -> Option<Match>;

/// The texts `rule` reads in `text`, one per position where it reads something.
#[cfg(test)]
pub(super) fn reads(rule: Rule, text: &str) -> Vec<String> {
    use crate::date::grammar::classify;
    let tokens = khabar_tokenize::tokenize(text);
    let tks = classify(text, &tokens);
    let g = Grammar::new(text, &tokens, &tks, super::DayOrder::DayFirst);
    (0..g.t.len())
        .filter_map(|i| rule(&At::new(&g, i)))
        .filter_map(|mt| {
            let start = g.t.get(mt.start)?.start;
            let end = g.t.get(mt.end.checked_sub(1)?)?.end;
            text.get(start..end).map(str::to_string)
        })
        .collect()
}

/// Checks a rule on its examples: in each `(text, phrase)`, the rule reads `phrase`
/// somewhere; with an empty phrase, it reads nothing in the text.
#[cfg(test)]
pub(super) fn check(rule: Rule, examples: &[(&str, &str)]) {
    for &(text, phrase) in examples {
        let got = reads(rule, text);
        if phrase.is_empty() {
            assert!(got.is_empty(), "{text:?}: read {got:?}, want nothing");
        } else {
            assert!(
                got.iter().any(|x| x == phrase),
                "{text:?}: read {got:?}, want {phrase:?}"
            );
        }
    }
}
