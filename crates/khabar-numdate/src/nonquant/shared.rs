//! The non-quantity scan computed once per text and handed to both extractors.
//!
//! [`crate::QuantityExtractor`] drops the quantities that overlap a non-quantity, and
//! [`crate::DateExtractor`] the dates that do. Each extractor's `extract_tokens` runs the
//! scan itself; a caller that runs both (the `khabar` pipeline) runs it once with
//! [`NonQuantitySpans::of`] and passes the result to their `extract_tokens_with`.

use khabar_tokenize::{Span, Token};

/// The spans of the numbers of one text that are neither quantities nor dates (see
/// [`crate::nonquant`]), without their text or reason: what the extractors need to drop
/// what overlaps them.
///
/// ```
/// use khabar_numdate::{DateExtractor, NonQuantitySpans, QuantityExtractor};
/// let text = "Resolution 2593 was adopted on 30 August 2021; 40 people attended.";
/// let tokens = khabar_tokenize::tokenize(text);
/// let nonq = NonQuantitySpans::of(text, &tokens);
/// assert_eq!(nonq.spans().len(), 1); // "2593"
/// let (qx, dx) = (QuantityExtractor::new(), DateExtractor::new());
/// // The same results as the extractors' own scans give.
/// assert_eq!(qx.extract_tokens_with(text, &tokens, &nonq), qx.extract_tokens(text, &tokens));
/// assert_eq!(dx.extract_tokens_with(text, &tokens, &nonq), dx.extract_tokens(text, &tokens));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NonQuantitySpans {
    spans: Vec<Span>,
}

impl NonQuantitySpans {
    /// Scans `text`, whose tokens (by [`khabar_tokenize::tokenize`]) are `tokens`.
    pub fn of(text: &str, tokens: &[Token]) -> NonQuantitySpans {
        NonQuantitySpans {
            spans: super::non_quantity_spans(text, tokens),
        }
    }

    /// The spans, in text order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Cx, age_compound, counted_year_range, date_vetoes};
    use super::*;
    use crate::{DateExtractor, QuantityExtractor};
    use khabar_tokenize::{TokenKind, tokenize};
    use proptest::prelude::*;

    /// [`date_vetoes`] as first written: every rule tried at every token, no shortcut.
    fn date_vetoes_reference(text: &str, tokens: &[Token]) -> Vec<Span> {
        let cx = Cx { text, toks: tokens };
        let mut out = super::super::non_quantity_spans(text, tokens);
        for i in 0..tokens.len() {
            if cx.kind(i) != Some(TokenKind::Number) {
                if cx.word(i).is_some_and(crate::number::is_number_word) {
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

    /// Texts full of ages, year ranges, numbers and the words around them.
    fn texts() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "thirty",
            "five",
            "Ninety",
            "a",
            "one",
            "15",
            "1000",
            "1500",
            "2593",
            "and",
            "to",
            "-",
            "year",
            "years",
            "Years",
            "yr",
            "yrs",
            "yo",
            "y.o.",
            "old",
            "of",
            "age",
            "members",
            "fighters",
            "people",
            "Resolution",
            "in",
            "May",
            "2021",
            "yesterday",
            "Yemen",
            "you",
            "killed",
            "34°31′N",
            "Page",
            "4",
            "ID:",
            "5521",
        ]);
        prop::collection::vec((word, prop::sample::select(vec![" ", "-", ", "])), 0..24).prop_map(
            |ws| {
                ws.into_iter()
                    .flat_map(|(w, sep)| [w, sep])
                    .collect::<String>()
            },
        )
    }

    #[test]
    fn ages_and_ranges_are_vetoed_as_before() {
        for text in [
            "a thirty-year-old man",
            "Ninety five years of age",
            "one yo",
            "between 1000 and 1500 members",
            "a 15-year-old",
        ] {
            let tokens = tokenize(text);
            let nonq = NonQuantitySpans::of(text, &tokens);
            let got = date_vetoes(text, &tokens, nonq.spans());
            assert_eq!(got, date_vetoes_reference(text, &tokens), "{text}");
            assert!(
                got.len() > nonq.spans().len(),
                "{text}: no age or range vetoed"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// The vetoes with the "y…" shortcut equal the reference's; the extractors given the
        /// shared scan equal their own.
        #[test]
        fn shared_scan_equals_each_extractors_own(text in texts()) {
            let tokens = tokenize(&text);
            let nonq = NonQuantitySpans::of(&text, &tokens);
            prop_assert_eq!(
                date_vetoes(&text, &tokens, nonq.spans()),
                date_vetoes_reference(&text, &tokens)
            );
            let (qx, dx) = (QuantityExtractor::new(), DateExtractor::new());
            prop_assert_eq!(qx.extract_tokens_with(&text, &tokens, &nonq), qx.extract(&text));
            prop_assert_eq!(dx.extract_tokens_with(&text, &tokens, &nonq), dx.extract(&text));
        }
    }
}
