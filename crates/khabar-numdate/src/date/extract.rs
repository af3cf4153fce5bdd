//! The extractor: configuration, the scan over tokens, and the output.
//!
//! The productions tried at each token are in [`best_at`]; the core rules, one small function
//! per construction, are listed in priority order in [`table`] and live in [`years`],
//! [`times`], [`refs`], [`lengths`] and [`sets`]; ranges in [`ranges`]; what each meaning
//! resolves to (its TIMEX3 value and interval) in [`value`].

use crate::date::DateError;
use crate::date::clock::{ClockCtx, ClockRead, hour_in_part};
use crate::date::grammar::{Classes, Clock, Grammar, Match, NO_END_MODS, Sem, Suffix, classify};
use crate::date::lexicon::{DayPart, Unit, W};
use crate::date::prefilter::{self, MAX_LEAD};
use crate::date::resolve::{Anchor, Cal, YearSpec};
use crate::date::tense;
use crate::date::{CivilDate, Temporal, TemporalMod, TemporalType};
use khabar_tokenize::{Span, Token, Tokenizer};

mod lengths;
mod ranges;
mod refs;
mod sets;
mod table;
mod times;
mod value;
mod years;

use ranges::range;
use serde::{Deserialize, Serialize};
use table::core;
use value::build;
pub(crate) use years::named_year_word;

/// Which way a date with an unknown part is resolved.
///
/// News is about the past, so the default is [`Direction::Past`]: "in July", "on Friday",
/// "December 17" mean the most recent July, Friday or December 17 on or before the reference
/// date. The clause's tense and modality override the default for that expression (see
/// [`DateExtractor::with_tense_cues`]): a future or modal verb ("will", "is due to",
/// "scheduled for", "postponed until", "plans to", "expected", "are to", a present-tense
/// announcement "polls open in May") reads it forward, a past-tense verb ("was held",
/// "attacked", "said") back; an explicit "next" reads it forward.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Most recent on or before the reference date (default).
    #[default]
    Past,
    /// First on or after the reference date.
    Future,
}

/// How to read an all-digit date whose first two parts are both ≤ 12 ("3/4/2018").
///
/// When one part is larger than 12 the value decides ("26/1/2018" is always 26 January).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOrder {
    /// Day, month, year: the international convention (default).
    #[default]
    DayFirst,
    /// Month, day, year: the United States convention.
    MonthFirst,
}

/// Finds temporal expressions and resolves them against a reference date.
///
/// ```
/// use khabar_numdate::{DateExtractor, TemporalType};
/// let ex = DateExtractor::new().with_reference_date("2018-01-26").unwrap();
/// let text = "a deadly attack on December 17 last year in Balochistan";
/// let found = ex.extract(text);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].text, "December 17 last year");
/// assert_eq!(found[0].value, "2017-12-17");
/// assert_eq!(found[0].kind, TemporalType::Date);
/// ```
///
/// Without a reference date relative expressions are still found, and the parts that depend
/// on it stay unknown:
///
/// ```
/// use khabar_numdate::DateExtractor;
/// let found = DateExtractor::new().extract("on December 17 last year");
/// assert_eq!(found[0].value, "XXXX-12-17");
/// assert!(found[0].interval.is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct DateExtractor {
    reference: Option<CivilDate>,
    direction: Direction,
    day_order: DayOrder,
    detect_reference: bool,
    signal_spans: bool,
    /// Ignore the clause's tense and modality (they are read by default).
    no_tense_cues: bool,
    reference_time: Option<u32>,
    /// Try every token (the reference the prefilter is tested against).
    every_token: bool,
    tokenizer: Tokenizer,
}

impl DateExtractor {
    /// An extractor with no reference date, past bias and day-first digit dates.
    pub fn new() -> DateExtractor {
        DateExtractor::default()
    }

    /// Set the reference date (`YYYY-MM-DD`, an optional `T…` time part is ignored).
    ///
    /// ```
    /// use khabar_numdate::{DateExtractor, DateError};
    /// let err = DateExtractor::new().with_reference_date("2018-13-01").unwrap_err();
    /// assert_eq!(err, DateError::InvalidDate { value: "2018-13-01".into() });
    /// ```
    pub fn with_reference_date(mut self, date: &str) -> Result<DateExtractor, DateError> {
        self.reference = Some(date.parse()?);
        Ok(self)
    }

    /// Set the reference date and time of day (`YYYY-MM-DDTHH:MM[:SS]`; without a time part
    /// this is [`DateExtractor::with_reference_date`]). The time of day only gives clock
    /// values to counts of hours, minutes and seconds from the reference: "3 minutes from
    /// now", "half an hour ago", "30 minutes later" (when nothing earlier in the text
    /// anchors "later").
    ///
    /// ```
    /// use khabar_numdate::{DateExtractor, TemporalType};
    /// let ex = DateExtractor::new().with_reference_datetime("2019-05-27T12:00").unwrap();
    /// let t = &ex.extract("Let's take a walk 30 minutes later")[0];
    /// assert_eq!((t.kind, t.value.as_str()), (TemporalType::Time, "2019-05-27T12:30"));
    /// let t = &ex.extract("He left 13 hours ago")[0];
    /// assert_eq!(t.value, "2019-05-26T23:00");
    /// ```
    pub fn with_reference_datetime(mut self, datetime: &str) -> Result<DateExtractor, DateError> {
        let invalid = || DateError::InvalidDate {
            value: datetime.to_string(),
        };
        let (date, time) = match datetime.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (datetime, None),
        };
        self.reference = Some(date.parse().map_err(|_| invalid())?);
        self.reference_time = match time {
            None => None,
            Some(t) => {
                let parts: Vec<&str> = t.split(':').collect();
                let field = |k: usize, max: u32| -> Result<u32, DateError> {
                    match parts.get(k) {
                        None if k == 2 => Ok(0),
                        Some(p) if p.len() == 2 => p
                            .parse::<u32>()
                            .ok()
                            .filter(|v| *v <= max)
                            .ok_or_else(invalid),
                        _ => Err(invalid()),
                    }
                };
                if parts.len() > 3 {
                    return Err(invalid());
                }
                Some(field(0, 23)? * 3600 + field(1, 59)? * 60 + field(2, 59)?)
            }
        };
        Ok(self)
    }

    /// Set (or clear) the reference date from a [`CivilDate`].
    pub fn with_reference(mut self, date: Option<CivilDate>) -> DateExtractor {
        self.reference = date;
        self
    }

    /// Set the default direction for dates with unknown parts.
    pub fn with_direction(mut self, direction: Direction) -> DateExtractor {
        self.direction = direction;
        self
    }

    /// Let the clause's tense and modality decide which way an underspecified date points
    /// (on by default; see `DATES.md`, "Tense and modality"). Off, only "will", "shall",
    /// "'ll" and "going to" before the date read it forward, as in khabar 0.1.
    ///
    /// ```
    /// use khabar_numdate::DateExtractor;
    /// let ex = DateExtractor::new().with_reference_date("2019-03-12")?;
    /// assert_eq!(ex.extract("Elections are scheduled for May.")[0].value, "2019-05");
    /// assert_eq!(ex.extract("Elections were held in May.")[0].value, "2018-05");
    /// let old = ex.clone().with_tense_cues(false);
    /// assert_eq!(old.extract("Elections are scheduled for May.")[0].value, "2018-05");
    /// # Ok::<(), khabar_numdate::DateError>(())
    /// ```
    pub fn with_tense_cues(mut self, yes: bool) -> DateExtractor {
        self.no_tense_cues = !yes;
        self
    }

    /// Set how ambiguous all-digit dates are read.
    pub fn with_day_order(mut self, order: DayOrder) -> DateExtractor {
        self.day_order = order;
        self
    }

    /// Keep a leading temporal signal in the span, as the expression's modifier: "before
    /// 2018" and "sometime before 2014" (BEFORE), "after Feb", "anytime after 2014" and
    /// "later than 2020" (AFTER), "no later than January 1, 2010", "as late as tomorrow",
    /// "until April 27th" and "through 2014" (ON_OR_BEFORE), "since 2010", "starting on Sep
    /// 2019", "as early as 7:00 am" (ON_OR_AFTER).
    ///
    /// Off by default: TimeML leaves such signals out of the temporal expression ("after
    /// 2018" is the TIMEX "2018" and a separate SIGNAL). Turn it on where the open-ended
    /// reading is what matters, as in queries and filters ("show me sales after 2010"). Before
    /// an expression with a START, MID, END or APPROX modifier ("before early September",
    /// "after around 3:30pm") the signal's modifier replaces it, and the interval keeps the
    /// part the first one chose (the first third of September): the expression lies before
    /// that part. Durations and sets are left alone.
    ///
    /// ```
    /// use khabar_numdate::{DateExtractor, TemporalMod};
    /// let ex = DateExtractor::new().with_signal_spans(true);
    /// let t = &ex.extract("show me sales after 2010")[0];
    /// assert_eq!((t.text.as_str(), t.value.as_str()), ("after 2010", "2010"));
    /// assert_eq!(t.modifier, Some(TemporalMod::After));
    /// let t = &DateExtractor::new().extract("show me sales after 2010")[0];
    /// assert_eq!((t.text.as_str(), t.modifier), ("2010", None));
    /// ```
    pub fn with_signal_spans(mut self, yes: bool) -> DateExtractor {
        self.signal_spans = yes;
        self
    }

    /// Try the productions at every token instead of skipping the positions the prefilter
    /// rules out. The output is the same; this exists so tests can check that it is.
    #[doc(hidden)]
    pub fn with_every_token(mut self, yes: bool) -> DateExtractor {
        self.every_token = yes;
        self
    }

    /// When no reference date is set, look for one in the text itself (see
    /// [`DateExtractor::detect_reference_date`]).
    pub fn with_reference_detection(mut self, yes: bool) -> DateExtractor {
        self.detect_reference = yes;
        self
    }

    /// The configured reference date.
    pub fn reference(&self) -> Option<CivilDate> {
        self.reference
    }

    /// Find every temporal expression in `text`, in order, without overlaps.
    pub fn extract(&self, text: &str) -> Vec<Temporal> {
        let tokens = self.tokenizer.tokenize(text);
        self.extract_tokens(text, &tokens)
    }

    /// Like [`DateExtractor::extract`], on tokens the caller already has (they must come from
    /// `text`).
    pub fn extract_tokens(&self, text: &str, tokens: &[Token]) -> Vec<Temporal> {
        let nonq = crate::NonQuantitySpans::of(text, tokens);
        self.extract_tokens_with(text, tokens, &nonq)
    }

    /// Like [`DateExtractor::extract_tokens`], with the text's non-quantities scanned
    /// already (by a caller that extracts quantities too: see [`crate::NonQuantitySpans`]).
    pub fn extract_tokens_with(
        &self,
        text: &str,
        tokens: &[Token],
        non_quantities: &crate::NonQuantitySpans,
    ) -> Vec<Temporal> {
        let tks = classify(text, tokens);
        self.extract_tokens_in(text, tokens, &tks, self.detect_reference, non_quantities)
            .0
    }

    /// Like [`DateExtractor::extract_tokens_with`], reading the tokens' classes from
    /// `classes` (built once for the document and shared with the quantity extractor: see
    /// [`crate::TokenClasses`]) instead of classifying them again.
    pub fn extract_classified(
        &self,
        text: &str,
        tokens: &[Token],
        classes: &crate::TokenClasses,
        non_quantities: &crate::NonQuantitySpans,
    ) -> Vec<Temporal> {
        self.extract_classified_in(text, tokens, classes, self.detect_reference, non_quantities)
            .0
    }

    /// [`DateExtractor::extract_tokens_detecting_with`] reading the tokens' classes from
    /// `classes` (see [`DateExtractor::extract_classified`]).
    pub fn extract_classified_detecting(
        &self,
        text: &str,
        tokens: &[Token],
        classes: &crate::TokenClasses,
        non_quantities: &crate::NonQuantitySpans,
    ) -> (Vec<Temporal>, Option<CivilDate>) {
        self.extract_classified_in(text, tokens, classes, true, non_quantities)
    }

    /// [`DateExtractor::extract_tokens_in`] with the date classes of `classes`, or the
    /// tokens classified here when `classes` covers another number of tokens.
    fn extract_classified_in(
        &self,
        text: &str,
        tokens: &[Token],
        classes: &crate::TokenClasses,
        detect: bool,
        non_quantities: &crate::NonQuantitySpans,
    ) -> (Vec<Temporal>, Option<CivilDate>) {
        if classes.date.t.len() == tokens.len() {
            self.extract_tokens_in(text, tokens, &classes.date, detect, non_quantities)
        } else {
            let tks = classify(text, tokens);
            self.extract_tokens_in(text, tokens, &tks, detect, non_quantities)
        }
    }

    /// Like [`DateExtractor::extract_tokens`] with reference detection on, in one pass: when
    /// no reference date is set, the document's own date is found in the same scan (as
    /// [`DateExtractor::detect_reference_date`] finds it), the expressions are resolved
    /// against it, and it is returned beside them (`None` when a reference date is set or
    /// the text states none).
    ///
    /// ```
    /// use khabar_numdate::DateExtractor;
    /// let text = "Posted 9 Nov 2021\nThe attack came on Friday.";
    /// let tokens = khabar_tokenize::tokenize(text);
    /// let (found, detected) = DateExtractor::new().extract_tokens_detecting(text, &tokens);
    /// assert_eq!(detected.map(|d| d.to_string()).as_deref(), Some("2021-11-09"));
    /// assert_eq!(found[1].value, "2021-11-05");
    /// ```
    pub fn extract_tokens_detecting(
        &self,
        text: &str,
        tokens: &[Token],
    ) -> (Vec<Temporal>, Option<CivilDate>) {
        let nonq = crate::NonQuantitySpans::of(text, tokens);
        self.extract_tokens_detecting_with(text, tokens, &nonq)
    }

    /// [`DateExtractor::extract_tokens_detecting`] with the text's non-quantities scanned
    /// already (see [`DateExtractor::extract_tokens_with`]).
    pub fn extract_tokens_detecting_with(
        &self,
        text: &str,
        tokens: &[Token],
        non_quantities: &crate::NonQuantitySpans,
    ) -> (Vec<Temporal>, Option<CivilDate>) {
        let tks = classify(text, tokens);
        self.extract_tokens_in(text, tokens, &tks, true, non_quantities)
    }

    /// The expressions in `text`'s `tokens`, and the reference date detected (when `detect`
    /// and no reference date is set).
    fn extract_tokens_in(
        &self,
        text: &str,
        tokens: &[Token],
        tks: &Classes,
        detect: bool,
        non_quantities: &crate::NonQuantitySpans,
    ) -> (Vec<Temporal>, Option<CivilDate>) {
        let g = Grammar::new(text, tokens, tks, self.day_order);
        let matches = scan(&g, !self.every_token);
        let detected = match self.reference {
            None if detect => detect_in(&g, &matches),
            _ => None,
        };
        let mut out = self.extract_in(&g, matches, self.reference.or(detected));
        // Numbers that are no dates: identifiers, counted ranges, ages (crate::nonquant).
        let vetoes = crate::nonquant::date_vetoes(text, tokens, non_quantities.spans());
        crate::nonquant::retain_outside(&mut out, &vetoes, |t| t.span);
        (out, detected)
    }

    /// The expressions of `matches` (found by the grammar `g`), resolved against `reference`.
    fn extract_in(
        &self,
        g: &Grammar<'_>,
        matches: Vec<Match>,
        reference: Option<CivilDate>,
    ) -> Vec<Temporal> {
        let tks = g.t;
        let mut out = Vec::with_capacity(matches.len());
        let mut previous: Option<CivilDate> = None;
        for m in matches {
            let direction = self.direction_of(g, &m);
            let anchor = Anchor {
                reference,
                previous,
                direction,
                reference_time: self.reference_time,
            };
            if let Some(mut t) = build(g, tks, &m, &anchor) {
                // A signal before a modified expression ("before the end of December",
                // "after around 3:30pm") takes the modifier: the interval keeps the part
                // the first modifier chose, and the expression lies before (after) it.
                let open = matches!(
                    t.modifier,
                    None | Some(
                        TemporalMod::Start
                            | TemporalMod::Mid
                            | TemporalMod::End
                            | TemporalMod::Approx
                    )
                );
                if self.signal_spans
                    && open
                    && matches!(t.kind, TemporalType::Date | TemporalType::Time)
                {
                    let floor = out.last().map_or(0, |p: &Temporal| p.span.end);
                    if let Some((k, md)) = signal_before(g, m.start) {
                        let start = tks.get(k).map_or(t.span.start, |x| x.start);
                        if start >= floor {
                            if let Some(text) = g.text.get(start..t.span.end) {
                                t.span = Span::new(start, t.span.end);
                                t.text = text.to_string();
                                t.modifier = md.or(t.modifier);
                            }
                        }
                    }
                }
                if t.kind == TemporalType::Date {
                    if let Some(iv) = t.interval {
                        previous = Some(iv.start);
                    }
                }
                out.push(t);
            }
        }
        out
    }

    /// Which way the match `m` resolves: forward before "deadline" and after "next" ("next
    /// 5/12", "this upcoming Friday"); else as the clause's tense and modality say
    /// ([`tense::clause_direction`]; "this 5/12" names the reference year's, so no cue
    /// moves it); else the default direction.
    fn direction_of(&self, g: &Grammar<'_>, m: &Match) -> Direction {
        let deadline =
            g.t.get(m.end)
                .and_then(|t| g.text.get(t.start..t.end))
                .is_some_and(|w| w.eq_ignore_ascii_case("deadline"));
        let next = g_is(g, m.start, W::Next)
            || (g_is(g, m.start, W::This) && g_is(g, m.start + 1, W::Next));
        if deadline || next {
            Direction::Future
        } else if !self.no_tense_cues && !g_is(g, m.start, W::This) {
            tense::clause_direction(g, m.start, m.end).unwrap_or(self.direction)
        } else if g.future_tense(m.start) {
            Direction::Future
        } else {
            self.direction
        }
    }

    /// Find the document's own date: a full date (day, month and year) after "Published",
    /// "Posted", "Updated", "Dated" or "appeared … on", or else none.
    ///
    /// ```
    /// use khabar_numdate::DateExtractor;
    /// let ex = DateExtractor::new();
    /// let d = ex.detect_reference_date("Published November 9th, 2021 - 11:58 GMT\nText.");
    /// assert_eq!(d.unwrap().to_string(), "2021-11-09");
    /// let d = ex.detect_reference_date("The article appeared in Terrorism Monitor on 26/1/2018");
    /// assert_eq!(d.unwrap().to_string(), "2018-01-26");
    /// ```
    pub fn detect_reference_date(&self, text: &str) -> Option<CivilDate> {
        let tokens = self.tokenizer.tokenize(text);
        let tks = classify(text, &tokens);
        let g = Grammar::new(text, &tokens, &tks, self.day_order);
        let matches = scan(&g, !self.every_token);
        detect_in(&g, &matches)
    }
}

/// Temporal signals that bound an expression on one side, longest first: the words (or
/// comparison signs) before the expression and the modifier they give ("=" gives none).
const SIGNALS: [(&[&str], Option<TemporalMod>); 43] = [
    (&["no", "later", "than"], Some(TemporalMod::OnOrBefore)),
    (&["any", "time", "after"], Some(TemporalMod::After)),
    (&["any", "time", "before"], Some(TemporalMod::Before)),
    (&["some", "time", "after"], Some(TemporalMod::After)),
    (&["some", "time", "before"], Some(TemporalMod::Before)),
    (&["not", "later", "than"], Some(TemporalMod::OnOrBefore)),
    (&["as", "late", "as"], Some(TemporalMod::OnOrBefore)),
    (&["year", "greater", "than"], Some(TemporalMod::After)),
    (&["year", "less", "than"], Some(TemporalMod::Before)),
    (&["any", "time", "from"], Some(TemporalMod::OnOrAfter)),
    (&["as", "early", "as"], Some(TemporalMod::OnOrAfter)),
    (&["anytime", "after"], Some(TemporalMod::After)),
    (&["anytime", "before"], Some(TemporalMod::Before)),
    (&["sometime", "after"], Some(TemporalMod::After)),
    (&["sometime", "before"], Some(TemporalMod::Before)),
    (&["up", "until"], Some(TemporalMod::OnOrBefore)),
    (&["earlier", "than"], Some(TemporalMod::Before)),
    (&["prior", "to"], Some(TemporalMod::Before)),
    (&["later", "than"], Some(TemporalMod::After)),
    (&["greater", "than"], Some(TemporalMod::After)),
    (&["starting", "on"], Some(TemporalMod::OnOrAfter)),
    (&["starting", "from"], Some(TemporalMod::OnOrAfter)),
    (&["beginning", "on"], Some(TemporalMod::OnOrAfter)),
    (&["<", "="], Some(TemporalMod::OnOrBefore)),
    (&[">", "="], Some(TemporalMod::OnOrAfter)),
    (&["until"], Some(TemporalMod::OnOrBefore)),
    (&["till"], Some(TemporalMod::OnOrBefore)),
    (&["through"], Some(TemporalMod::OnOrBefore)),
    (&["thru"], Some(TemporalMod::OnOrBefore)),
    (&["before"], Some(TemporalMod::Before)),
    (&["after"], Some(TemporalMod::After)),
    (&["starting"], Some(TemporalMod::OnOrAfter)),
    (&["beginning"], Some(TemporalMod::OnOrAfter)),
    (&["since"], Some(TemporalMod::OnOrAfter)),
    (&["<="], Some(TemporalMod::OnOrBefore)),
    (&["≤"], Some(TemporalMod::OnOrBefore)),
    (&[">="], Some(TemporalMod::OnOrAfter)),
    (&["≥"], Some(TemporalMod::OnOrAfter)),
    (&["<"], Some(TemporalMod::Before)),
    (&[">"], Some(TemporalMod::After)),
    (&["="], None),
    (&["=="], None),
    (&["around"], Some(TemporalMod::Approx)),
];

/// The signal just before token `start`, as (its first token, its modifier).
fn signal_before(g: &Grammar<'_>, start: usize) -> Option<(usize, Option<TemporalMod>)> {
    SIGNALS.iter().find_map(|(words, md)| {
        let k = start.checked_sub(words.len())?;
        words
            .iter()
            .enumerate()
            .all(|(n, w)| g_word(g, k + n, w))
            .then_some((k, *md))
    })
}

/// Words before a full date on its line that mark it as the document's own date.
const CUES: [&str; 5] = ["published", "posted", "updated", "dated", "appeared"];

/// The full date (Y-M-D) a match reads, if any.
fn full_date(m: &Match) -> Option<CivilDate> {
    match m.sem {
        Sem::Cal(Cal::Date {
            y: YearSpec::Abs(y),
            m: Some(mo),
            d: Some(d),
        })
        | Sem::Time(
            Some(Cal::Date {
                y: YearSpec::Abs(y),
                m: Some(mo),
                d: Some(d),
            }),
            _,
        ) => CivilDate::checked(y, mo, d),
        _ => None,
    }
}

/// Where the first publication cue in `line` ends (ASCII case-insensitive), if any.
///
/// All cues are ASCII, so a cue lies within the first `k` bytes of the line exactly when
/// the earliest-ending occurrence ends at or before `k`.
fn first_cue_end(line: &[u8]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for p in 0..line.len() {
        // Every occurrence starting at or after `p` ends after `p`: none can end earlier.
        if best.is_some_and(|b| b <= p) {
            break;
        }
        for cue in CUES {
            let end = p + cue.len();
            let hit = line
                .get(p..end)
                .is_some_and(|w| w.eq_ignore_ascii_case(cue.as_bytes()));
            if hit && best.is_none_or(|b| end < b) {
                best = Some(end);
            }
        }
    }
    best
}

/// The first full date (Y-M-D) preceded on its line by a publication cue.
///
/// Linear in the text: the matches come in order, so one cursor walks the lines forward and
/// each line is searched for cues at most once (a search per match of the line before it
/// was quadratic on long lines full of dates).
fn detect_in(g: &Grammar<'_>, matches: &[Match]) -> Option<CivilDate> {
    let bytes = g.text.as_bytes();
    let line_end = |from: usize| {
        bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
            .map_or(bytes.len(), |p| from + p)
    };
    // The current line is `line_start..line_stop`; its first cue's end, once searched.
    let mut line_start = 0;
    let mut line_stop = line_end(0);
    let mut cue_end: Option<Option<usize>> = None;
    for m in matches {
        let Some(date) = full_date(m) else { continue };
        let start = g.t.get(m.start).map_or(0, |t| t.start);
        while start > line_stop {
            line_start = line_stop + 1;
            line_stop = line_end(line_start);
            cue_end = None;
        }
        let end = *cue_end
            .get_or_insert_with(|| first_cue_end(bytes.get(line_start..line_stop).unwrap_or(&[])));
        if end.is_some_and(|e| line_start + e <= start) {
            return Some(date);
        }
    }
    None
}

/// Scan the tokens: at each position keep the longest match, then continue after it.
///
/// With `prefilter`, positions whose next [`MAX_LEAD`] + 1 tokens hold no head token,
/// positions with an inert word between them and the next head, modifiers before an inert
/// word and small numbers before a closing bracket (see [`crate::date::prefilter`]) are
/// skipped without trying the productions; the result is the same, only faster.
fn scan(g: &Grammar<'_>, prefilter: bool) -> Vec<Match> {
    let mut out = Vec::new();
    let n = g.t.len();
    // The first head token at or after `i` (n when none): advanced monotonically, so each
    // token is classified once.
    let mut next_head = 0;
    let mut i = 0;
    while i < n {
        if prefilter {
            if next_head < i {
                next_head = i;
            }
            while next_head < n && !g.t.get(next_head).is_some_and(|t| t.head()) {
                next_head += 1;
            }
            if next_head >= n {
                break;
            }
            if next_head > i + MAX_LEAD {
                // Nothing can start before `next_head - MAX_LEAD`.
                i = next_head - MAX_LEAD;
                continue;
            }
            // An inert word before the head: nothing starts at or before it. (The reference
            // grammar of the tests leaves this and the skips below out, as before them.)
            if g.fast {
                let inert = |k: usize| g.t.get(k).is_some_and(|t| t.inert());
                if let Some(k) = (i..next_head).rev().find(|&k| inert(k)) {
                    i = k + 1;
                    continue;
                }
            }
        }
        // "this", "early", "end" … before an inert word, "read(2)": nothing starts here.
        if prefilter
            && g.fast
            && (g
                .t
                .get(i)
                .and_then(|t| t.w)
                .is_some_and(prefilter::needs_next)
                && g.t.get(i + 1).is_some_and(|t| t.inert())
                || prefilter::bracketed_number(g, i))
        {
            i += 1;
            continue;
        }
        let opens = !prefilter
            || !g
                .t
                .get(i)
                .and_then(|t| t.w)
                .is_some_and(prefilter::never_opens);
        if opens && g.t.get(i).is_some_and(|t| t.opens()) {
            if let Some(m) = best_at(g, i) {
                i = m.end;
                out.push(m);
                continue;
            }
        }
        i += 1;
    }
    out
}

fn longest(a: Option<Match>, b: Option<Match>) -> Option<Match> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.end > x.end { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

fn m(start: usize, end: usize, sem: Sem, modifier: Option<TemporalMod>) -> Option<Match> {
    Some(Match {
        start,
        end,
        sem,
        modifier,
    })
}

/// A capitalised "Today" or "Daily" inside a name ("Pakistan Today", "Daily Times").
fn in_name(g: &Grammar<'_>, i: usize) -> bool {
    let t = match g.t.get(i) {
        Some(t) => t,
        None => return false,
    };
    if !t.cap() || !matches!(t.w, Some(W::Today | W::Periodic(_))) {
        return false;
    }
    let cap_word = |k: usize| {
        g.t.get(k)
            .is_some_and(|x| x.cap() && x.kind == khabar_tokenize::TokenKind::Word && x.w.is_none())
    };
    (i > 0 && cap_word(i - 1) && g_joined_space(g, i - 1)) || cap_word(i + 1)
}

/// Tokens `i` and `i + 1` are separated by spaces only (same line).
fn g_joined_space(g: &Grammar<'_>, i: usize) -> bool {
    match (g.t.get(i), g.t.get(i + 1)) {
        (Some(a), Some(b)) => g
            .text
            .get(a.end..b.start)
            .is_some_and(|s| s.chars().all(|c| c == ' ')),
        _ => false,
    }
}

/// All productions at `i`.
fn best_at(g: &Grammar<'_>, i: usize) -> Option<Match> {
    if in_name(g, i) {
        return None;
    }
    let mut best = range(g, i);
    best = longest(best, modded(g, i));
    best = longest(best, first_part(g, i));
    best = longest(best, period_phrase(g, i));
    best = longest(best, week_days_range(g, i));
    best = longest(best, time_range(g, i));
    best = longest(best, start_and_length(g, i));
    // The core reading at `i`, once: the weekday productions build on it.
    let at_i = core(g, i);
    best = longest(best, at_i);
    best = longest(best, weekday_near(g, i, at_i));
    best = longest(best, this_next_date(g, i));
    best = longest(best, weekday_of_week(g, i, at_i));
    // The small named rules of `forms.rs`.
    best = longest(best, crate::date::forms::forms_at(g, i));
    // Digits chained by hyphens are a phone number or a code ("555-1212", "138-2010-2015",
    // "133-03-03-2020"), not a date.
    if let Some(b) = best {
        let num_at = |k: usize| g.t.get(k).is_some_and(|t| t.has_num());
        let dash_at = |k: usize| g_punct(g, k, &["-"]);
        let before = b.start >= 2
            && dash_at(b.start - 1)
            && num_at(b.start - 2)
            && g_joined(g, b.start - 2)
            && g_joined(g, b.start - 1);
        let last_num = b.end >= 1 && num_at(b.end - 1);
        let after = last_num
            && dash_at(b.end)
            && num_at(b.end + 1)
            && g_joined(g, b.end - 1)
            && g_joined(g, b.end);
        let digits_first =
            g.t.get(b.start)
                .is_some_and(|t| t.has_num() || t.kind == khabar_tokenize::TokenKind::Date);
        if before && digits_first || after {
            return None;
        }
        // "a second wave", "a second round": an ordinal, not one second.
        if matches!(b.sem, Sem::Dur(Some(_), Unit::Second))
            && b.end == b.start + 2
            && g_is(g, b.start, W::A)
            && g.t
                .get(b.end)
                .is_some_and(|t| t.kind == khabar_tokenize::TokenKind::Word && t.w.is_none())
        {
            return None;
        }
    }
    // "or so" after a duration or a date: approximate.
    if let Some(mut b) = best {
        // "2012 or later", "1/1/2016 and after", "year 2016 and greater", "3 pm or later":
        // open-ended.
        if matches!(b.sem, Sem::Cal(_) | Sem::Time(..))
            && b.modifier.is_none()
            && matches!(g.t.get(b.end).and_then(|t| t.w), Some(W::Or | W::And))
            && (g_word(g, b.end + 1, "later")
                || g_word(g, b.end + 1, "after")
                || g_word(g, b.end + 1, "greater"))
            && g.t
                .get(b.end + 2)
                .is_none_or(|t| t.kind == khabar_tokenize::TokenKind::Punct)
        {
            b.end += 2;
            b.modifier = Some(TemporalMod::OnOrAfter);
        }
        if g_is(g, b.end, W::Or) && g_is(g, b.end + 1, W::So) {
            b.end += 2;
            if b.modifier.is_none() {
                b.modifier = Some(TemporalMod::Approx);
            }
        }
        best = Some(b);
    }
    best
}

fn g_is(g: &Grammar<'_>, i: usize, w: W) -> bool {
    g.t.get(i).and_then(|t| t.w) == Some(w)
}

/// A modal or auxiliary before a verb: "will last", "to last", "could last".
fn after_modal(g: &Grammar<'_>, i: usize) -> bool {
    [
        "will", "would", "to", "can", "could", "may", "might", "must", "shall", "should", "did",
        "does", "do", "'ll",
    ]
    .iter()
    .any(|w| g_word(g, i, w))
}

fn g_word(g: &Grammar<'_>, i: usize, s: &str) -> bool {
    g.t.get(i)
        .and_then(|t| g.text.get(t.start..t.end))
        .is_some_and(|x| x.eq_ignore_ascii_case(s))
}

fn g_punct(g: &Grammar<'_>, i: usize, set: &[&str]) -> bool {
    g.t.get(i).is_some_and(|t| {
        t.kind == khabar_tokenize::TokenKind::Punct
            && g.text.get(t.start..t.end).is_some_and(|s| set.contains(&s))
    })
}

fn g_joined(g: &Grammar<'_>, i: usize) -> bool {
    match (g.t.get(i), g.t.get(i + 1)) {
        (Some(a), Some(b)) => a.end == b.start,
        _ => false,
    }
}

/// "the first two months of 2021" (a range of months), "the first months of 2019" (START),
/// "the last three months of 2019".
fn first_part(g: &Grammar<'_>, i: usize) -> Option<Match> {
    // "the first ten days of last year" (also without "the": "first ten days of 2020").
    let the = g_is(g, i, W::The);
    let o = if the { i + 1 } else { i };
    let first = match g.t.get(o)?.w? {
        W::Ord(1) => true,
        W::Last if g_word(g, o, "last") => false,
        _ => return None,
    };
    let (k, amt, unit) = match amount_unit(g, o + 1) {
        Some((k, Some(n), u)) => (k, Some(n), u),
        _ => match g.t.get(o + 1)?.w? {
            W::Unit(u, true) => (o + 2, None, u),
            _ => return None,
        },
    };
    if !the {
        // Without the article only a counted number of days or weeks of a year.
        let (e, c) = g_is(g, k, W::Of).then(|| g.cal(k + 1)).flatten()?;
        let n = amt.filter(|n| n.fract() == 0.0 && (1.0..=366.0).contains(n))?;
        return match (unit, year_of_cal(c)) {
            (Unit::Day | Unit::Week, Some(y)) => {
                m(i, e, Sem::YearPart(y, unit, n as u16, first), None)
            }
            _ => None,
        };
    }
    if !g_is(g, k, W::Of) {
        // "the first 3 years": a duration counted from an earlier event.
        return first.then(|| m(i, k, Sem::Dur(amt, unit), None)).flatten();
    }
    let (e, c) = g.cal(k + 1)?;
    let md = if first {
        TemporalMod::Start
    } else {
        TemporalMod::End
    };
    // "the first 2 weeks of 2021", "the last 3 weeks of this year", "the first ten days of
    // last year": the first (last) days, or whole Monday-to-Sunday weeks, inside the year.
    if let (Some(n), Unit::Day | Unit::Week, Some(y)) = (amt, unit, year_of_cal(c)) {
        if n.fract() == 0.0 && (1.0..=366.0).contains(&n) {
            return m(i, e, Sem::YearPart(y, unit, n as u16, first), None);
        }
    }
    if let (
        Some(n),
        Unit::Month,
        Cal::Date {
            y: y @ YearSpec::Abs(_),
            m: None,
            d: None,
        },
    ) = (amt, unit, c)
    {
        if n.fract() == 0.0 && (1.0..=12.0).contains(&n) {
            let n = n as u8;
            let (a, b) = if first { (1, n) } else { (13 - n, 12) };
            let left = Cal::Date {
                y,
                m: Some(a),
                d: None,
            };
            let right = Cal::Date {
                y,
                m: Some(b),
                d: None,
            };
            return m(i, e, Sem::Range(left, right, NO_END_MODS), None);
        }
    }
    m(i, e, Sem::Cal(c), Some(md))
}

/// A whole year as a [`YearSpec`]: "2021", "this year", "last year".
fn year_of_cal(c: Cal) -> Option<YearSpec> {
    match c {
        Cal::Date {
            y,
            m: None,
            d: None,
        } => Some(y),
        Cal::Rel {
            unit: Unit::Year,
            n,
            anaphoric: false,
        } => Some(YearSpec::Rel(n)),
        _ => None,
    }
}

/// Scheduling phrases that name a period around a date: "the rest of the week" (a range
/// from the reference date to the end of the week), "the week of November 30th", "the
/// week beginning February 4" (the ISO week containing that day), "that year", "the same
/// month" (anaphoric).
fn period_phrase(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let r = if g_is(g, i, W::The) { i + 1 } else { i };
    if g_is(g, r, W::Rest) {
        return rest_of_period(g, i, r);
    }
    if let Some(k) = week_of_start(g, i) {
        let (e, c) = g.cal(k)?;
        return day_cal(c).then(|| m(i, e, Sem::WeekOf(c), None)).flatten();
    }
    same_period(g, i)
}

/// "rest of the week", "the rest of this month", "rest of my week" (with "rest" at `r`): from
/// the reference date to the end of the period.
fn rest_of_period(g: &Grammar<'_>, i: usize, r: usize) -> Option<Match> {
    let mut k = r + 1;
    if g_is(g, k, W::Of) {
        k += 1;
    }
    if g_is(g, k, W::The) || g_is(g, k, W::This) || g_word(g, k, "my") {
        k += 1;
    }
    let Some(W::Unit(u @ (Unit::Week | Unit::Month | Unit::Year), false)) =
        g.t.get(k).and_then(|t| t.w)
    else {
        return None;
    };
    let today = Cal::Rel {
        unit: Unit::Day,
        n: 0,
        anaphoric: false,
    };
    let period = Cal::Rel {
        unit: u,
        n: 0,
        anaphoric: false,
    };
    m(i, k + 1, Sem::Range(today, period, NO_END_MODS), None)
}

/// Where the day of "the week of November 30th", "the week beginning (on) February 4",
/// "week commencing Feb 4", "w/c Feb 4" starts.
fn week_of_start(g: &Grammar<'_>, i: usize) -> Option<usize> {
    if g_is(g, i, W::WeekAbbrev) && g_punct(g, i + 1, &["/"]) && g_word(g, i + 2, "c") {
        return Some(i + 3);
    }
    let k = if g_is(g, i, W::The) { i + 1 } else { i };
    if !g_is(g, k, W::Unit(Unit::Week, false)) {
        return None;
    }
    let mut k2 = k + 1;
    if g_is(g, k2, W::Of) {
        return Some(k2 + 1);
    }
    if g_word(g, k2, "beginning") || g_word(g, k2, "starting") || g_word(g, k2, "commencing") {
        k2 += 1;
        if g_is(g, k2, W::On) {
            k2 += 1;
        }
        return Some(k2);
    }
    None
}

/// "that year", "the same month", "same week", "that weekend": the period being talked about
/// (anaphoric). "the same month" is found from "same": the span leaves the article out.
fn same_period(g: &Grammar<'_>, i: usize) -> Option<Match> {
    if !(g_is(g, i, W::Same) || g_is(g, i, W::That)) {
        return None;
    }
    let unit = match g.t.get(i + 1).and_then(|t| t.w) {
        Some(W::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false)) => u,
        Some(W::Unit(Unit::Weekend, false)) if g_is(g, i, W::That) => Unit::Weekend,
        _ => return None,
    };
    let c = Cal::Rel {
        unit,
        n: 0,
        anaphoric: true,
    };
    m(i, i + 2, Sem::Cal(c), None)
}

/// A day, possibly with a part of the day: "tomorrow", "Monday morning", "tonight", "this
/// evening", "last night", "tuesday in the morning".
pub(crate) fn day_phrase(g: &Grammar<'_>, i: usize) -> Option<(usize, Cal, Option<DayPart>)> {
    let today = |n: i64| Cal::Rel {
        unit: Unit::Day,
        n,
        anaphoric: false,
    };
    match g.t.get(i)?.w {
        Some(W::Tonight) => return Some((i + 1, today(0), Some(DayPart::Night))),
        // "this evening", "last night", "last evening", "next evening" (tomorrow's)
        Some(w @ (W::This | W::Last | W::Next)) => {
            if let Some(W::DayPart(p)) = g.t.get(i + 1).and_then(|t| t.w) {
                let n = match w {
                    W::This => 0,
                    W::Last => -1,
                    _ => 1,
                };
                // "last morning" is yesterday's, as "last night"; "this lunch" is a meal.
                if (w != W::Last || g_word(g, i, "last")) && !p.needs_cue() {
                    return Some((i + 2, today(n), Some(p)));
                }
            }
        }
        _ => {}
    }
    // "the 17 between 2 and 4pm": a bare day number before a time range.
    if g_is(g, i, W::The) && matches!(g.t.get(i + 2).and_then(|t| t.w), Some(W::From | W::Between))
    {
        if let Some(d) = g
            .num(i + 1)
            .filter(|n| n.suffix == Suffix::None && n.digits <= 2)
            .and_then(|n| n.int())
            .filter(|d| (1..=31).contains(d))
        {
            let c = Cal::Date {
                y: YearSpec::Unknown,
                m: None,
                d: Some(d as u8),
            };
            return Some((i + 2, c, None));
        }
    }
    let (e, c) = g.cal(i).filter(|&(_, c)| day_cal(c))?;
    // "Sunday early morning", "Sunday late evening"
    let k = if matches!(g.t.get(e).and_then(|t| t.w), Some(W::Early | W::Late))
        && matches!(g.t.get(e + 1).and_then(|t| t.w), Some(W::DayPart(_)))
    {
        e + 1
    } else {
        e
    };
    if let Some(W::DayPart(p)) = g.t.get(k).and_then(|t| t.w) {
        return Some((k + 1, c, Some(p)));
    }
    // "today pm", "tomorrow am"
    if matches!(c, Cal::Rel { .. } | Cal::Weekday { .. }) {
        match g.t.get(e).and_then(|t| t.w) {
            Some(W::Am) => return Some((e + 1, c, Some(DayPart::Morning))),
            Some(W::Pm) => return Some((e + 1, c, Some(DayPart::Afternoon))),
            _ => {}
        }
    }
    if g_is(g, e, W::In) && g_is(g, e + 1, W::The) {
        if let Some(W::DayPart(p)) = g.t.get(e + 2).and_then(|t| t.w) {
            return Some((e + 3, c, Some(p)));
        }
    }
    Some((e, c, None))
}

/// A clock reading as a [`Clock`], completed by a part of the day.
pub(crate) fn clock_of(c: ClockRead, part: Option<DayPart>) -> Clock {
    let (h, mi) = in_part(c, part);
    match c.s {
        Some(s) => Clock::Hms(h, mi, s),
        None => Clock::Hm(h, mi),
    }
}

/// A clock reading completed by a part of the day when it has no am/pm.
fn in_part(c: ClockRead, part: Option<DayPart>) -> (u8, u8) {
    match part {
        Some(p) if !c.meridiem => (hour_in_part(c.h, p), c.m),
        _ => (c.h, c.m),
    }
}

/// Clock-time ranges: "between 9 p.m. and 11 p.m.", "from 10am to 2pm", "2:00 - 2:30 pm
/// on Tuesday", "tomorrow from 10am to 12pm", "tonight from 7 to 7:30", "between 7 and 9
/// last night", "Monday 11-4". A bare hour on the left takes the right's half of the day
/// ("from 2 to 4pm"); a bare right end before the left is in the afternoon ("from 10:30
/// to 3"); a part of the day completes bare hours ("this evening from 7 to 9").
fn time_range(g: &Grammar<'_>, i: usize) -> Option<Match> {
    // An optional day before: "tomorrow from 10am to 12pm", "Tuesday between 2 and 4pm".
    let (mut j, mut day, mut part) = match day_phrase(g, i) {
        Some((e, c, p)) => (e, Some(c), p),
        None => (i, None, None),
    };
    if day.is_some()
        && (g_is(g, j, W::At)
            || (g_punct(g, j, &[","]) && g.clock_read(j + 1, ClockCtx::Plain).is_some()))
    {
        j += 1;
    }
    let (opener, closers): (bool, &[W]) = match g.t.get(j).and_then(|t| t.w) {
        Some(W::From) => {
            j += 1;
            (true, &[W::To, W::Until])
        }
        Some(W::Between) => {
            j += 1;
            (true, &[W::And, W::To])
        }
        _ => (false, &[W::To, W::Until]),
    };
    let left = g.clock_read(j, ClockCtx::Day)?;
    let k = left.end;
    let dash = g_punct(g, k, &["-", "–"]);
    let word =
        g.t.get(k)
            .and_then(|t| t.w)
            .is_some_and(|w| closers.contains(&w));
    if !(dash || word) {
        return None;
    }
    let right = g.clock_read(k + 1, ClockCtx::Day)?;
    let mut end = right.end;
    if day.is_none() {
        let k2 = if g_is(g, end, W::On) || g_is(g, end, W::Of) || g_punct(g, end, &[","]) {
            end + 1
        } else {
            end
        };
        if let Some((e2, c, p)) = day_phrase(g, k2) {
            day = Some(c);
            part = p;
            end = e2;
        }
    }
    // Bare numbers make a time range only with a day or a part of the day beside them, or
    // when the other end is a clock time ("5 to 6pm", "from 10:30 to 3 on 1/1/2015").
    let context = day.is_some() || part.is_some();
    if !context {
        if !(left.marked || right.marked) {
            return None;
        }
        if !opener && !(right.marked && (left.marked || right.meridiem)) {
            return None;
        }
    }
    let (mut lh, lm) = in_part(left, part);
    let (mut rh, rm) = in_part(right, part);
    let left_m = left.meridiem || part.is_some();
    let right_m = right.meridiem || part.is_some();
    if !left_m && right_m && rh >= 12 && lh < 12 && (lh + 12, lm) <= (rh, rm) {
        lh += 12;
    }
    if !left_m && !right_m && rh < 12 && (rh, rm) <= (lh, lm) {
        rh += 12;
    }
    m(i, end, Sem::TimeRange(day, (lh, lm), (rh, rm)), None)
}

/// A length in minutes: "2 hours", "2.5 hrs", "3 hours 30 minutes", "45 minutes".
fn clock_length(g: &Grammar<'_>, k: usize) -> Option<(usize, u32)> {
    let minutes = |n: f64, u: Unit| -> Option<f64> {
        match u {
            Unit::Hour => Some(n * 60.0),
            Unit::Minute => Some(n),
            _ => None,
        }
    };
    let (e, n, u) = amount_unit(g, k)?;
    let mut total = minutes(n?, u)?;
    let mut e = e;
    if u == Unit::Hour {
        if let Some((e2, Some(n2), Unit::Minute)) = amount_unit(g, e) {
            total += n2;
            e = e2;
        }
    }
    // Within a day, in whole minutes.
    (total > 0.0 && total < 1440.0 && total.fract() == 0.0).then_some((e, total as u32))
}

/// A time range given by its start and its length: "from 2pm for 2 hours", "for 3 hours
/// from 10 am", "14th Feb from 9:30am for 7 hours". The leading "for" is a preposition and
/// stays out of the span unless a day comes first.
fn start_and_length(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let (j, day) = match day_phrase(g, i) {
        Some((e, c, _)) => (e, Some(c)),
        None => (i, None),
    };
    let found = if g_is(g, j, W::From) {
        let cr = g.clock_read(j + 1, ClockCtx::Day)?;
        if !g_word(g, cr.end, "for") {
            return None;
        }
        let (e, mins) = clock_length(g, cr.end + 1)?;
        (e, cr, mins)
    } else {
        let k = if g_word(g, j, "for") && day.is_some() {
            j + 1
        } else {
            j
        };
        let (e, mins) = clock_length(g, k)?;
        if !g_is(g, e, W::From) {
            return None;
        }
        let cr = g.clock_read(e + 1, ClockCtx::Day)?;
        (cr.end, cr, mins)
    };
    let (end, cr, mins) = found;
    let start = u32::from(cr.h) * 60 + u32::from(cr.m);
    let stop = start + mins;
    if stop >= 1440 {
        return None;
    }
    let right = ((stop / 60) as u8, (stop % 60) as u8);
    m(i, end, Sem::TimeRange(day, (cr.h, cr.m), right), None)
}

/// "next week from Wednesday to Friday", "this week between Wednesday and Friday".
fn week_days_range(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let n = match g.t.get(i)?.w? {
        W::This => 0,
        W::Next => 1,
        W::Last => -1,
        _ => return None,
    };
    if !g_is(g, i + 1, W::Unit(Unit::Week, false)) {
        return None;
    }
    let closer = match g.t.get(i + 2)?.w? {
        W::From => W::To,
        W::Between => W::And,
        _ => return None,
    };
    let (Some(W::Weekday(a)), true, Some(W::Weekday(b))) = (
        g.t.get(i + 3).and_then(|t| t.w),
        g_is(g, i + 4, closer) || (closer == W::To && g_is(g, i + 4, W::Until)),
        g.t.get(i + 5).and_then(|t| t.w),
    ) else {
        return None;
    };
    let left = Cal::Weekday {
        wd: a,
        shift: Some(n),
    };
    let right = Cal::Weekday {
        wd: b,
        shift: Some(n),
    };
    m(i, i + 6, Sem::Range(left, right, NO_END_MODS), None)
}

/// The modifier words before a period, and where the period starts: "early", "mid-",
/// "late", "[the] beginning / start / middle / end of".
fn mod_prefix(g: &Grammar<'_>, i: usize) -> Option<(usize, TemporalMod)> {
    match g.t.get(i)?.w? {
        W::Early => Some((i + 1, TemporalMod::Start)),
        W::Mid => {
            let j = if g_punct(g, i + 1, &["-", "–"]) {
                i + 2
            } else {
                i + 1
            };
            Some((j, TemporalMod::Mid))
        }
        W::Late => Some((i + 1, TemporalMod::End)),
        W::The | W::Beginning | W::End | W::Middle => {
            let k = if g_is(g, i, W::The) { i + 1 } else { i };
            let md = match g.t.get(k)?.w? {
                W::Beginning => TemporalMod::Start,
                W::End => TemporalMod::End,
                W::Middle => TemporalMod::Mid,
                _ => return None,
            };
            g_is(g, k + 1, W::Of).then_some((k + 2, md))
        }
        _ => None,
    }
}

/// "early 2015", "mid-2020", "late last week", "the end of 2019", "the beginning of March".
fn modded(g: &Grammar<'_>, i: usize) -> Option<Match> {
    let (j, md) = match g.t.get(i)?.w? {
        W::Early | W::Mid | W::Late | W::The | W::Beginning | W::End | W::Middle => {
            mod_prefix(g, i)?
        }
        // "earlier this year", "later this month"
        W::Earlier | W::Later
            if matches!(
                g.t.get(i + 1).and_then(|t| t.w),
                Some(W::This | W::Next | W::Last)
            ) =>
        {
            let md = if g_is(g, i, W::Earlier) {
                TemporalMod::Start
            } else {
                TemporalMod::End
            };
            if !(g_word(g, i, "earlier") || g_word(g, i, "later")) {
                return None;
            }
            (i + 1, md)
        }
        // "later in the year", "earlier in the week"
        W::Earlier | W::Later
            if (g_word(g, i, "earlier") || g_word(g, i, "later"))
                && g_is(g, i + 1, W::In)
                && g_is(g, i + 2, W::The) =>
        {
            let Some(W::Unit(u @ (Unit::Week | Unit::Month | Unit::Year), false)) =
                g.t.get(i + 3).and_then(|t| t.w)
            else {
                return None;
            };
            let md = if g_is(g, i, W::Earlier) {
                TemporalMod::Start
            } else {
                TemporalMod::End
            };
            let c = Cal::Rel {
                unit: u,
                n: 0,
                anaphoric: false,
            };
            return m(i, i + 4, Sem::Cal(c), Some(md));
        }
        _ => return None,
    };
    // "the end of the week", "end of year", "later in the year", "earlier in the week": the
    // current period (or, after "in the", the one being talked about — resolved alike).
    let j2 = if g_is(g, j, W::The) { j + 1 } else { j };
    if let Some(W::Unit(u @ (Unit::Week | Unit::Month | Unit::Year), false)) =
        g.t.get(j2).and_then(|t| t.w)
    {
        if j > 0 && g_is(g, j - 1, W::Of) && !g_is(g, j2 + 1, W::Of) {
            let c = Cal::Rel {
                unit: u,
                n: 0,
                anaphoric: false,
            };
            return m(i, j2 + 1, Sem::Cal(c), Some(md));
        }
    }
    let inner = longest(core(g, j), range(g, j))?;
    if inner.start != j {
        return None;
    }
    match inner.sem {
        Sem::Cal(_) | Sem::Range(..) => m(i, inner.end, inner.sem, Some(md)),
        _ => None,
    }
}

/// "this" or "next" before a day of a month or an "upcoming" weekday: "next 5/12", "this
/// 5/12", "next 6th of April", "this upcoming Friday". The day is resolved as written
/// ("next" reads it forward, see [`DateExtractor::extract_tokens`]).
fn this_next_date(g: &Grammar<'_>, i: usize) -> Option<Match> {
    if !(g_is(g, i, W::This) || g_is(g, i, W::Next)) {
        return None;
    }
    let upcoming = g_word(g, i + 1, "upcoming") || g_word(g, i + 1, "coming");
    if upcoming && g_is(g, i, W::This) {
        // "this upcoming Friday": the first Friday ahead, not the one of next week.
        if let Some(W::Weekday(wd)) = g.t.get(i + 2).and_then(|t| t.w) {
            return m(i, i + 3, Sem::Cal(Cal::Weekday { wd, shift: None }), None);
        }
    }
    let (e, c) = g.cal(i + 1)?;
    let day_month = matches!(
        c,
        Cal::Date {
            y: YearSpec::Unknown,
            m: Some(_),
            d: Some(_),
        }
    );
    (day_month || (upcoming && g_is(g, i, W::This)))
        .then(|| m(i, e, Sem::Cal(c), None))
        .flatten()
}

/// A weekday of a week named relative to the reference: "Monday of the following week",
/// "previous week - Monday", "next week, Friday".
fn weekday_of_week(g: &Grammar<'_>, i: usize, at_i: Option<Match>) -> Option<Match> {
    let rel_week = |k: usize| -> Option<(usize, i64)> {
        let c = if k == i { at_i? } else { core(g, k)? };
        match c.sem {
            Sem::Cal(Cal::Rel {
                unit: Unit::Week,
                n,
                ..
            }) if c.end > k + 1 => Some((c.end, n)),
            _ => None,
        }
    };
    if let Some(W::Weekday(wd)) = g.t.get(i).and_then(|t| t.w) {
        if !g_is(g, i + 1, W::Of) {
            return None;
        }
        let (e, n) = rel_week(i + 2)?;
        return m(i, e, Sem::Cal(Cal::Weekday { wd, shift: Some(n) }), None);
    }
    let (e, n) = rel_week(i)?;
    if !g_punct(g, e, &["-", "–", ","]) {
        return None;
    }
    let Some(W::Weekday(wd)) = g.t.get(e + 1).and_then(|t| t.w) else {
        return None;
    };
    m(
        i,
        e + 2,
        Sem::Cal(Cal::Weekday { wd, shift: Some(n) }),
        None,
    )
}

/// A shifted day as (base, unit, n): "two weeks from now", "3 weeks after January 15th",
/// "in 3 days".
fn shifted_day(
    g: &Grammar<'_>,
    k: usize,
    core_at_k: Option<Match>,
) -> Option<(usize, Cal, Unit, i64)> {
    let today = Cal::Rel {
        unit: Unit::Day,
        n: 0,
        anaphoric: false,
    };
    let calendar_unit = |u: Unit| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year);
    if g_is(g, k, W::In) {
        let (e, v, u) = amount_unit(g, k + 1)?;
        let v = v?;
        return (v.fract() == 0.0 && v.abs() <= 1000.0 && calendar_unit(u))
            .then_some((e, today, u, v as i64));
    }
    let c = core_at_k?;
    match c.sem {
        Sem::Cal(Cal::Rel {
            unit,
            n,
            anaphoric: false,
        }) if n != 0 && calendar_unit(unit) && (c.end > k + 1) => Some((c.end, today, unit, n)),
        Sem::Shift(base, unit, n) => Some((c.end, base, unit, n)),
        _ => None,
    }
}

/// A weekday with a shifted day, in either order: "Monday two weeks from now", "Thursday,
/// two year from now", "Sunday 3 weeks after January 15th", "in 3 days on Friday", "3 weeks
/// after Christmas on Friday" — that weekday in the (Sunday-to-Saturday) week of the
/// shifted day.
fn weekday_near(g: &Grammar<'_>, i: usize, at_i: Option<Match>) -> Option<Match> {
    if let Some(W::Weekday(wd)) = g.t.get(i).and_then(|t| t.w) {
        let k = if g_punct(g, i + 1, &[","]) {
            i + 2
        } else {
            i + 1
        };
        // The shifted day must say from what it counts ("from now", "after …"): a bare "two
        // weeks" after a weekday is a separate duration.
        if g_is(g, k, W::In) {
            return None;
        }
        let (e, base, unit, n) = shifted_day(g, k, core(g, k))?;
        return m(i, e, Sem::WeekdayNear(wd, base, unit, n), None);
    }
    let (e, base, unit, n) = shifted_day(g, i, at_i)?;
    if !g_is(g, e, W::On) {
        return None;
    }
    let Some(W::Weekday(wd)) = g.t.get(e + 1).and_then(|t| t.w) else {
        return None;
    };
    m(i, e + 2, Sem::WeekdayNear(wd, base, unit, n), None)
}

/// Complete the left end of a range from the right one ("between March and May 2017").
fn fill(a: Cal, b: Cal) -> Option<(Cal, Cal)> {
    match (a, b) {
        (
            Cal::Date {
                y: YearSpec::Unknown,
                m: am,
                d: ad,
            },
            Cal::Date {
                y: by,
                m: bm,
                d: bd,
            },
        ) => {
            let am2 = if am.is_none() && ad.is_some() { bm } else { am };
            let a2 = Cal::Date {
                y: by,
                m: am2,
                d: ad,
            };
            let b2 = Cal::Date {
                y: by,
                m: if bm.is_none() && bd.is_some() {
                    am2
                } else {
                    bm
                },
                d: bd,
            };
            Some((a2, b2))
        }
        (
            Cal::Date { y: ay, m: am, .. },
            Cal::Date {
                y: YearSpec::Unknown,
                m: None,
                d: Some(d),
            },
        ) => Some((
            a,
            Cal::Date {
                y: ay,
                m: am,
                d: Some(d),
            },
        )),
        // "2016 to June": which June is anyone's guess. (A right end without a year after a
        // left end with a month follows its year: see `build`.)
        (
            Cal::Date {
                y: YearSpec::Abs(_),
                m: None,
                ..
            },
            Cal::Date {
                y: YearSpec::Unknown,
                m: Some(_),
                ..
            },
        ) => None,
        _ => Some((a, b)),
    }
}

/// Whether a calendar expression denotes one day (a base for "3 days after …").
fn day_cal(c: Cal) -> bool {
    matches!(
        c,
        Cal::Date { d: Some(_), .. }
            | Cal::Rel {
                unit: Unit::Day,
                ..
            }
            | Cal::Weekday { .. }
            | Cal::DayOfRelMonth { .. }
            | Cal::Holiday { .. }
            | Cal::WeekdayDay { .. }
    )
}

/// A comparison or approximation cue before an amount.
fn cmp_prefix(g: &Grammar<'_>, i: usize) -> Option<(usize, TemporalMod)> {
    let w = g.t.get(i)?.w?;
    let next = |k: usize| g.t.get(k).and_then(|t| t.w);
    Some(match w {
        // "How about 2019-aug-1" is a suggestion, not an approximation.
        W::About if i > 0 && (g_word(g, i - 1, "how") || g_word(g, i - 1, "what")) => {
            return None;
        }
        W::About => (i + 1, TemporalMod::Approx),
        W::Some if g.num(i + 1).is_some() => (i + 1, TemporalMod::Approx),
        W::Over => (i + 1, TemporalMod::MoreThan),
        W::Under => (i + 1, TemporalMod::LessThan),
        W::Within => (i + 1, TemporalMod::EqualOrLess),
        W::More if next(i + 1) == Some(W::Than) => (i + 2, TemporalMod::MoreThan),
        W::Less | W::Fewer if next(i + 1) == Some(W::Than) => (i + 2, TemporalMod::LessThan),
        W::At if next(i + 1) == Some(W::Least) => (i + 2, TemporalMod::EqualOrMore),
        W::At if next(i + 1) == Some(W::Most) => (i + 2, TemporalMod::EqualOrLess),
        W::Up if next(i + 1) == Some(W::To) => (i + 2, TemporalMod::EqualOrLess),
        W::Just if next(i + 1) == Some(W::Over) => (i + 2, TemporalMod::MoreThan),
        W::As if g_word(g, i + 2, "as") => {
            let md = if g_word(g, i + 1, "little")
                || g_word(g, i + 1, "few")
                || g_word(g, i + 1, "short")
            {
                TemporalMod::EqualOrLess
            } else if g_word(g, i + 1, "long")
                || g_word(g, i + 1, "many")
                || g_word(g, i + 1, "much")
            {
                TemporalMod::EqualOrMore
            } else {
                return None;
            };
            (i + 3, md)
        }
        W::Just if next(i + 1) == Some(W::Under) => (i + 2, TemporalMod::LessThan),
        _ => return None,
    })
}

/// Amount + unit: "12 years", "six minutes", "3h", "two and a half hours", "half an hour",
/// "an hour and a half", "several years".
fn amount_unit(g: &Grammar<'_>, i: usize) -> Option<(usize, Option<f64>, Unit)> {
    g.t.get(i)?;
    if let Some(n) = g.num(i) {
        if let Suffix::Unit(u) = n.suffix {
            return Some((i + 1, Some(n.val), u));
        }
    }
    let (j, amt) = g.amount(i)?;
    let mut k = j;
    // "3-min", "30-minutes"
    if g_punct(g, k, &["-"]) && g_joined(g, k - 1) && g_joined(g, k) {
        k += 1;
    }
    let (u, plural) = match g.t.get(k)?.w? {
        W::Unit(u, p) => (u, p),
        // "3.5 second": the ordinal word is the unit after an amount.
        W::Ord(2) if amt.is_some() && g_word(g, k, "second") => (Unit::Second, false),
        _ => return None,
    };
    // "a years" is not an amount; "one years" is tolerated.
    if amt.is_none() && !plural {
        return None;
    }
    let mut e = k + 1;
    let mut amt = amt;
    // "an hour and a half"
    if g_is(g, e, W::And) && g_is(g, e + 1, W::A) && g_is(g, e + 2, W::Half) {
        amt = amt.map(|v| v + 0.5);
        e += 3;
    } else if g_is(g, e, W::And) && g_is(g, e + 1, W::Half) {
        amt = amt.map(|v| v + 0.5);
        e += 2;
    }
    Some((e, amt, u))
}

/// "the past" is PAST_REF only when no amount or unit follows ("the past six months" is a
/// duration).
fn past_ref_end(g: &Grammar<'_>, i: usize) -> bool {
    match g.t.get(i) {
        None => true,
        Some(t) => {
            !t.has_num()
                && !matches!(
                    t.w,
                    Some(
                        W::Unit(..)
                            | W::Card(_)
                            | W::Few
                            | W::Several
                            | W::Many
                            | W::A
                            | W::Half
                            | W::Dozen
                            | W::Weekday(_)
                    )
                )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_phrase_examples() {
        crate::date::resolve::check_values(
            "2018-01-26",
            Direction::Past,
            &[
                (
                    "for the rest of the week",
                    "the rest of the week",
                    "2018-01-26/2018-W04",
                ),
                (
                    "the week of November 30th",
                    "the week of November 30th",
                    "2017-W48",
                ),
                (
                    "the week beginning February 4",
                    "the week beginning February 4",
                    "2017-W05",
                ),
                ("w/c Feb 4", "w/c Feb 4", "2017-W05"),
            ],
        );
        let ex = DateExtractor::new();
        let texts: Vec<String> = ex
            .extract("In 2016 he left; that year and the same month were hard.")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert!(texts.iter().any(|t| t == "that year"), "{texts:?}");
        assert!(texts.iter().any(|t| t == "same month"), "{texts:?}");
    }

    /// Reference scan: try every production at every token, without the fast filter that
    /// skips tokens which cannot start an expression.
    fn scan_slow(g: &Grammar<'_>) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < g.t.len() {
            if let Some(m) = best_at(g, i) {
                i = m.end;
                out.push(m);
            } else {
                i += 1;
            }
        }
        out
    }

    /// Reference for [`detect_in`]: for every full date, lower-case its line up to the date
    /// and look for a cue (quadratic on long lines, obviously right).
    fn detect_in_slow(g: &Grammar<'_>, matches: &[Match]) -> Option<CivilDate> {
        for m in matches {
            let Some(date) = full_date(m) else { continue };
            let start = g.t.get(m.start).map_or(0, |t| t.start);
            let line_start = g
                .text
                .get(..start)
                .and_then(|s| s.rfind('\n'))
                .map_or(0, |p| p + 1);
            let line = g
                .text
                .get(line_start..start)
                .unwrap_or("")
                .to_ascii_lowercase();
            if CUES.iter().any(|c| line.contains(c)) {
                return Some(date);
            }
        }
        None
    }

    fn spans(ms: &[Match]) -> Vec<(usize, usize)> {
        ms.iter().map(|m| (m.start, m.end)).collect()
    }

    /// `words` joined by separators chosen by `seps` from `choices`.
    fn joined(words: &[&str], seps: &[usize], choices: [&str; 3]) -> String {
        let mut text = String::new();
        for (k, w) in words.iter().enumerate() {
            text.push_str(choices[seps[k % seps.len()] % 3]);
            text.push_str(w);
        }
        text
    }

    /// The spans the scan finds in `text`, prefiltered or trying every token.
    fn scanned(text: &str, prefiltered: bool) -> Vec<(usize, usize)> {
        let tokens = khabar_tokenize::tokenize(text);
        let tks = classify(text, &tokens);
        let g = Grammar::new(text, &tokens, &tks, DayOrder::DayFirst);
        spans(&if prefiltered {
            scan(&g, true)
        } else {
            scan_slow(&g)
        })
    }

    const WORDS: &[&str] = &[
        "May",
        "2017",
        "early",
        "the",
        "last",
        "year",
        "in",
        "-",
        "/",
        ".",
        ",",
        "26",
        "1",
        "July",
        "December",
        "Friday",
        "six",
        "months",
        "ago",
        "from",
        "to",
        "between",
        "and",
        "11:58",
        "GMT",
        "Q3",
        "summer",
        "of",
        "over",
        "now",
        "Kabul",
        "fighters",
        "(",
        ")",
        "26/1/2018",
        "4,000",
        "%",
        "as",
        "little",
        "every",
        "week",
        "Today",
        "Pakistan",
        "at",
        "7",
        "8.30pm",
        "pm",
        "o'clock",
        "half",
        "past",
        "seven",
        "tonight",
        "evening",
        "around",
        "Tuesdays",
        "christmas",
        "easter",
        "14th",
    ];

    /// The test vocabulary: the words above, every lexicon word, and prose.
    fn vocabulary() -> Vec<&'static str> {
        let mut v: Vec<&'static str> = WORDS.to_vec();
        v.extend(crate::date::lexicon::LEXICON.iter().map(|(k, _)| *k));
        v.extend([
            "people",
            "said",
            "group",
            "attack",
            "for",
            "the",
            "Taliban",
            "were",
            "killed",
            "his",
            "could",
            "rest",
            "same",
            "time",
            "being",
            "date",
            "moment",
            "up",
            "right",
            "any",
            "new",
            "'s",
            "Eve",
            "good",
            "fy2018",
            "sy18",
            "noonish",
            "nineties",
            "mar4",
            "semiannual",
            "=",
            "<",
            ">",
            "$",
            "12",
            "2020",
            "3-8",
            "5/1",
            "13:00",
            "lunchtime",
            "everyday",
            "annual",
            "weekends",
            "deadline",
            "starting",
            "prior",
            "no",
            "not",
            "later",
            "good",
            "new",
            "other",
            "long",
            "much",
            "after",
            "before",
            "million",
            "thousands",
            "dozens",
            "another",
            "once",
            "couple",
            "hundred",
            "ish",
            "Rs",
            "oh",
            "valentine",
            "earth",
            "international",
            "workers",
            "'",
            "’s",
            // Plain prose words (inert), and the ones some production reads.
            "system",
            "file",
            "returned",
            "government",
            "English",
            "finish",
            "wednesdays",
            // Eras after a year, and marks after a number.
            "AD",
            "BC",
            "B.C.",
            "a.d.",
            "ce",
            "Cat",
            ";",
            "?",
            "!",
            "\"",
            "\\",
            "Published",
            // Months of other calendars, after a day written in up to three tokens.
            "Ramadan",
            "Muharram",
            "Rabi",
            "al-Awwal",
            "Shawwal",
            "Farvardin",
            "Mordad",
            "AH",
            "1440",
            "1398",
            "twenty",
            "thirty",
            "first",
        ]);
        v.extend(crate::date::prefilter::CONTEXT_WORDS);
        v
    }

    /// [`vocabulary`] and plural weekdays outside the lexicon ("tuess"): words a production
    /// reads although [`crate::date::prefilter::could_start`] says none begins there, so the
    /// prefiltered scan and [`scan_slow`] differ on them (the fast and reference grammars
    /// do not).
    fn vocabulary_with_oddities() -> Vec<&'static str> {
        let mut v = vocabulary();
        v.extend(["tuess", "Fridayss", "wednesdayss", "thurss"]);
        v
    }

    /// Extractors in every configuration the shortcuts could depend on.
    fn configurations() -> Vec<DateExtractor> {
        let base = DateExtractor::new().with_reference(CivilDate::checked(2019, 8, 1));
        vec![
            base.clone(),
            base.clone()
                .with_day_order(DayOrder::MonthFirst)
                .with_direction(Direction::Future)
                .with_signal_spans(true),
            base.with_every_token(true),
            DateExtractor::new(),
            // The text's own date found in the same scan, with and without signal spans.
            DateExtractor::new().with_reference_detection(true),
            DateExtractor::new()
                .with_reference_detection(true)
                .with_day_order(DayOrder::MonthFirst)
                .with_signal_spans(true),
        ]
    }

    /// What each configuration finds in `text` with the fast grammar and with the reference
    /// grammar (every production tried in full), as `(fast, reference)`.
    fn fast_and_reference(text: &str) -> (Vec<Vec<Temporal>>, Vec<Vec<Temporal>>) {
        let tokens = khabar_tokenize::tokenize(text);
        let tks = classify(text, &tokens);
        let mut fast = Vec::new();
        let mut slow = Vec::new();
        for ex in configurations() {
            let g = Grammar::new(text, &tokens, &tks, ex.day_order);
            fast.push(extract_all(&ex, &g));
            slow.push(extract_all(
                &ex,
                &g_reference(text, &tokens, &tks, ex.day_order),
            ));
        }
        (fast, slow)
    }

    /// What `ex` finds with the grammar `g`: its scan, resolved (against the text's own date
    /// when detection is on and no reference is set).
    fn extract_all(ex: &DateExtractor, g: &Grammar<'_>) -> Vec<Temporal> {
        let matches = scan(g, !ex.every_token);
        let reference = match ex.reference {
            None if ex.detect_reference => detect_in(g, &matches),
            r => r,
        };
        ex.extract_in(g, matches, reference)
    }

    fn g_reference<'a>(
        text: &'a str,
        tokens: &'a [Token],
        tks: &'a crate::date::grammar::Classes,
        order: DayOrder,
    ) -> Grammar<'a> {
        Grammar::new(text, tokens, tks, order).reference()
    }

    /// The seed articles.
    fn seed_articles() -> Vec<String> {
        crate::seeds::articles()
            .into_iter()
            .map(|(_, text)| text)
            .collect()
    }

    /// The seed articles, and a few sentences dense with the words the shortcuts test.
    fn seed_texts() -> Vec<String> {
        let mut texts = seed_articles();
        texts.push(
            "Christmas Eve 2019, last Easter, Easter Monday, New Year's Eve, new years day, \
             Good Friday 2020, Valentine's Day, Earth Day, International Workers' Day, \
             next Christmas, this Halloween, the Juneteenth; good news, a new year."
                .to_string(),
        );
        texts
    }

    /// The tokens of `text` whose classification differs from the references on their
    /// text: meaning ([`crate::date::lexicon::lookup`]), head
    /// ([`crate::date::prefilter::word_is_head`]), holiday
    /// ([`crate::date::holiday::starts_holiday`]) and whether a production can begin at them
    /// ([`crate::date::prefilter::could_start`]).
    fn opens_mismatches(text: &str) -> Vec<String> {
        use crate::date::prefilter::{could_start, other_is_head, word_is_head};
        let tokens = khabar_tokenize::tokenize(text);
        let tks = classify(text, &tokens);
        let g = Grammar::new(text, &tokens, &tks, DayOrder::DayFirst);
        (0..tks.len())
            .filter(|&i| {
                let (t, s) = (&tks[i], g.txt(i));
                let word = t.kind == khabar_tokenize::TokenKind::Word;
                let found = word.then(|| crate::date::lexicon::lookup_word(s)).flatten();
                let head = if word {
                    word_is_head(s, found)
                } else {
                    other_is_head(t.kind, t.has_num())
                };
                t.opens() != could_start(&g, i)
                    || t.head() != head
                    || t.w != found.flatten()
                    || t.holiday() != crate::date::holiday::starts_holiday(s)
                    || t.cap() != s.starts_with(|c: char| c.is_uppercase())
                    || t.inert()
                        != (word
                            && !head
                            && found.is_none()
                            && !crate::date::holiday::starts_holiday(s)
                            && !crate::date::prefilter::context_words()
                                .any(|c| c.eq_ignore_ascii_case(&s.replace('’', "'"))))
            })
            .map(|i| g.txt(i).to_string())
            .collect()
    }

    #[test]
    fn fast_grammar_matches_reference_on_the_seeds() {
        for text in seed_texts() {
            let (fast, slow) = fast_and_reference(&text);
            assert_eq!(fast, slow);
            assert_eq!(opens_mismatches(&text), Vec::<String>::new());
        }
    }

    /// [`crate::date::prefilter::opens`] skips the plain-word comparisons for words outside
    /// the lexicon's table: the words it compares must all be in it.
    #[test]
    fn plain_opening_words_are_in_the_table() {
        let words: Vec<&str> = [
            "noonish", "right", "any", "school", "academic", "calendar", "fiscal",
        ]
        .into_iter()
        .chain(crate::date::grammar::DECADE_WORDS)
        .collect();
        for &w in &words {
            assert!(crate::date::lexicon::lookup_word(w).is_some(), "{w}");
        }
        let vocab = vocabulary().join(" ");
        let mut all: Vec<String> = vec![vocab];
        all.extend(
            words
                .iter()
                .map(|w| format!("{w} {} x{w} {w}s", w.to_uppercase())),
        );
        for text in all {
            assert_eq!(opens_mismatches(&text), Vec::<String>::new());
        }
    }

    proptest::proptest! {
        /// Random sequences of date words, function words and prose (with and without
        /// spaces between them): the shortcuts never change what is found.
        #[test]
        fn fast_grammar_matches_reference(ws in proptest::collection::vec((0..10_000usize, 0..4usize), 0..40)) {
            let vocab = vocabulary_with_oddities();
            let mut text = String::new();
            for (k, sep) in ws {
                text.push_str(["", " ", " ", "\n"][sep]);
                text.push_str(vocab[k % vocab.len()]);
            }
            let (fast, slow) = fast_and_reference(&text);
            proptest::prop_assert_eq!(fast, slow);
            proptest::prop_assert_eq!(opens_mismatches(&text), Vec::<String>::new());
        }

        /// Any text at all, for the classification shortcuts: words of letters, digits,
        /// apostrophes and other scripts.
        #[test]
        fn token_classes_match_reference(text in "([a-zA-Z0-9'’.-]{1,12}|\\PC{1,4})( [a-zA-Z0-9'’.-]{1,12}| \\PC{1,4}){0,12}") {
            proptest::prop_assert_eq!(opens_mismatches(&text), Vec::<String>::new());
        }
    }

    /// Pieces for [`detect_in`] tests: cues in several cases, line breaks and full dates.
    const DETECT_PIECES: &[&str] = &[
        "Published",
        "posted:",
        "UPDATED",
        "Dated",
        "appeared in X on",
        "pub",
        "lished",
        "\n",
        "\n\n",
        "26/1/2018",
        "November 9th, 2021",
        "9 Nov 2021",
        "2021-11-09",
        "May",
        "2017",
        "the attack",
        "é",
        "-",
        ",",
    ];

    proptest::proptest! {
        #[test]
        fn detect_in_matches_reference(ws in proptest::collection::vec((0..DETECT_PIECES.len(), 0..3usize), 0..60)) {
            let mut text = String::new();
            for (k, sep) in ws {
                text.push_str([" ", "", "\t"][sep]);
                text.push_str(DETECT_PIECES[k]);
            }
            let tokens = khabar_tokenize::tokenize(&text);
            let tks = classify(&text, &tokens);
            let g = Grammar::new(&text, &tokens, &tks, DayOrder::DayFirst);
            let ms = scan(&g, true);
            proptest::prop_assert_eq!(detect_in(&g, &ms), detect_in_slow(&g, &ms));
        }
    }

    #[test]
    fn detect_in_matches_reference_on_the_seeds_and_long_lines() {
        let mut texts: Vec<String> = seed_articles();
        texts.push("On 26/1/2018 nothing. ".repeat(200));
        texts.push(format!(
            "{} Posted 9 Nov 2021",
            "On 26/1/2018 nothing. ".repeat(200)
        ));
        texts.push(format!(
            "{}\nPosted 9 Nov 2021",
            "On 26/1/2018 nothing. ".repeat(200)
        ));
        for text in &texts {
            let tokens = khabar_tokenize::tokenize(text);
            let tks = classify(text, &tokens);
            let g = Grammar::new(text, &tokens, &tks, DayOrder::DayFirst);
            let ms = scan(&g, true);
            assert_eq!(detect_in(&g, &ms), detect_in_slow(&g, &ms));
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_scan_matches_reference_scan(ws in proptest::collection::vec((0..10_000usize, proptest::bool::ANY), 0..40)) {
            let vocab = vocabulary();
            let mut text = String::new();
            for (k, space) in ws {
                if space {
                    text.push(' ');
                }
                text.push_str(vocab[k % vocab.len()]);
            }
            let tokens = khabar_tokenize::tokenize(&text);
            let tks = classify(&text, &tokens);
            let g = Grammar::new(&text, &tokens, &tks, DayOrder::DayFirst);
            let slow = spans(&scan_slow(&g));
            proptest::prop_assert_eq!(spans(&scan(&g, true)), slow.clone());
            proptest::prop_assert_eq!(spans(&scan(&g, false)), slow);
        }

        /// Runs of function words in front of date words: the longest lead the prefilter
        /// allows, and one more.
        #[test]
        fn prefilter_allows_long_function_word_leads(
            lead in proptest::collection::vec(0..GLUE.len(), 0..10),
            tail in proptest::collection::vec(0..10_000usize, 1..6),
        ) {
            let vocab = vocabulary();
            let mut words: Vec<&str> = lead.iter().map(|&k| GLUE[k]).collect();
            words.extend(tail.iter().map(|&k| vocab[k % vocab.len()]));
            let text = words.join(" ");
            let tokens = khabar_tokenize::tokenize(&text);
            let tks = classify(&text, &tokens);
            let g = Grammar::new(&text, &tokens, &tks, DayOrder::DayFirst);
            proptest::prop_assert_eq!(spans(&scan(&g, true)), spans(&scan_slow(&g)));
        }
    }

    /// Modifiers ([`crate::date::prefilter::needs_next`]) and plain words.
    const MODIFIERS: &[&str] = &[
        "this",
        "This",
        "next",
        "early",
        "Early",
        "mid",
        "middle",
        "late",
        "beginning",
        "start",
        "end",
        "current",
        "coming",
        "following",
        "upcoming",
    ];
    const PROSE: &[&str] = &[
        "people",
        "system",
        "said",
        "Taliban",
        "attack",
        "file",
        "English",
        "his",
        "finish",
        "government",
        "x",
    ];

    proptest::proptest! {
        /// A number of one to three digits before a mark of
        /// [`crate::date::prefilter::CLOSED_AFTER_NUMBER`] (")", "]", ";", "(" …) starts
        /// nothing, whatever comes before and after it.
        #[test]
        fn bracketed_small_numbers_start_nothing(
            before in proptest::collection::vec(0..10_000usize, 0..4),
            number in "[0-9]{1,4}",
            bracket in 0..crate::date::prefilter::CLOSED_AFTER_NUMBER.len() + 1,
            tail in proptest::collection::vec(0..10_000usize, 0..4),
            seps in proptest::collection::vec(0..3usize, 12),
        ) {
            let vocab = vocabulary();
            let mut words: Vec<&str> = before.iter().map(|&k| vocab[k % vocab.len()]).collect();
            words.push(&number);
            // Each closing mark, and ")," after the number.
            let closers = crate::date::prefilter::CLOSED_AFTER_NUMBER;
            words.push(closers.get(bracket).copied().unwrap_or("),"));
            words.extend(tail.iter().map(|&k| vocab[k % vocab.len()]));
            let text = joined(&words, &seps, ["", " ", "("]);
            proptest::prop_assert_eq!(scanned(&text, true), scanned(&text, false));
        }

        /// A modifier before an inert word starts nothing, whatever follows, and an inert
        /// word is never in a match's lead: the prefiltered scan equals trying every token.
        #[test]
        fn modifiers_before_inert_words_start_nothing(
            lead in proptest::collection::vec(0..GLUE.len(), 0..3),
            modifier in 0..MODIFIERS.len(),
            plain in proptest::collection::vec(0..PROSE.len(), 1..3),
            tail in proptest::collection::vec(0..10_000usize, 0..5),
            seps in proptest::collection::vec(0..3usize, 12),
        ) {
            let vocab = vocabulary();
            let mut words: Vec<&str> = lead.iter().map(|&k| GLUE[k]).collect();
            words.push(MODIFIERS[modifier]);
            words.extend(plain.iter().map(|&k| PROSE[k]));
            words.extend(tail.iter().map(|&k| vocab[k % vocab.len()]));
            let text = joined(&words, &seps, ["", " ", " - "]);
            proptest::prop_assert_eq!(scanned(&text, true), scanned(&text, false));
        }
    }

    /// The longest run of glue before the first head in any match of the seeds and the
    /// test vocabulary stays well under the prefilter's bound.
    #[test]
    fn leading_glue_runs_are_short() {
        let mut texts = seed_articles();
        texts.push(
            "from the end of March to the middle of September; at least some of the time; \
             for the time being; in the same month; the rest of the week; as little as two \
             weeks; up to date; at the moment; between the beginning of 2007 and now"
                .to_string(),
        );
        let mut longest = 0;
        for text in &texts {
            let tokens = khabar_tokenize::tokenize(text);
            let tks = classify(text, &tokens);
            let g = Grammar::new(text, &tokens, &tks, DayOrder::DayFirst);
            for m in scan_slow(&g) {
                let lead = (m.start..m.end)
                    .take_while(|&k| !tks.get(k).is_some_and(|t| t.head()))
                    .count();
                longest = longest.max(lead);
                // And no inert word in it.
                let inert = (m.start..m.start + lead).find(|&k| tks[k].inert());
                assert_eq!(inert.map(|k| g.txt(k)), None, "{:?}", g.txt(m.start));
            }
        }
        eprintln!("longest leading glue run: {longest}");
        assert!(longest + 2 <= MAX_LEAD, "{longest}");
    }

    const GLUE: &[&str] = &[
        "the", "of", "a", "and", "or", "so", "to", "from", "between", "until", "in", "on", "since",
        "by", "during", "within", "over", "under", "about", "more", "less", "than", "at", "least",
        "most", "up", "just", "will", "as", "that", "for", "people", "rest", "same", "some", "all",
        "every", "few", "no", "not", "good", "new", "other", "long", "much", "each", "another",
        "once", "couple", "hundred", "million", "dozens", "(", ",", "-", "'s",
    ];
}
