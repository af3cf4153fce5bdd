//! The number words, one rule per lexical class: what each word does to the number being
//! read ([`State`]) and whether the number goes on ([`Step::Next`]), ends with it
//! ([`Step::Done`]) or ends before it ([`Step::Stop`]). [`Grammar::step`] picks the rule.

use super::{Grammar, NO_SCALE, State, Step, pow10};
use crate::number::lexicon::{Entry, Lex};
use crate::number::{NumberKind, NumberParse};

/// The best reading so far: `(end, state)`.
type Best = Option<(usize, State)>;

impl Grammar<'_> {
    /// "a"/"an" opening a number before a word that needs a count: "a hundred", "a million",
    /// "a dozen", "a half", "a quarter", "a third", "a twenty-fifth". "a" alone is no number.
    pub(super) fn article(&self, j: usize, st: &mut State) -> Step {
        let next = self.lex(j + 1).map(|x| x.lex);
        let fits = matches!(
            next,
            Some(
                Lex::Hundred
                    | Lex::Scale(_)
                    | Lex::Dozen
                    | Lex::Quarter
                    | Lex::Half
                    | Lex::OrdUnit(3..)
                    | Lex::OrdTeen(_)
                    | Lex::OrdTens(_)
                    | Lex::OrdHundred
                    | Lex::OrdScale(_)
            )
        ) || matches!(next, Some(Lex::Tens(_)))
            && matches!(self.lex(j + 3).map(|x| x.lex), Some(Lex::OrdUnit(_)))
            && self.is_hyphen(j + 2);
        if st.any || !fits {
            return Step::Stop;
        }
        st.group = 1.0;
        st.small = true;
        st.any = true;
        st.words = true;
        st.lone_one = true;
        st.article = true;
        // No `best` yet.
        Step::Next
    }

    /// "zero" opening a number: 0, or "zero point five".
    pub(super) fn zero(&self, i: usize, j: usize, st: &mut State, best: &mut Best) -> Step {
        if st.any {
            return Step::Stop;
        }
        st.any = true;
        st.words = true;
        st.small = true;
        st.tens = true;
        *best = Some((j + 1, *st));
        if self.lex(j + 1).map(|x| x.lex) == Some(Lex::Point) {
            return self.point(i, j + 1, st);
        }
        Step::Done(self.result(i, j + 1, 0.0, NumberKind::Cardinal, st))
    }

    /// A unit word "one" … "nine" ending a group: "twenty-one", "three hundred two"; not
    /// after another unit or a teen, nor plural ("ones").
    pub(super) fn unit(u: u8, plural: bool, j: usize, st: &mut State, best: &mut Best) -> Step {
        if st.small || plural {
            return Step::Stop;
        }
        st.lone_one = !st.any && u == 1;
        st.group += f64::from(u);
        st.small = true;
        st.any = true;
        st.words = true;
        *best = Some((j + 1, *st));
        Step::Next
    }

    /// A teen "ten" … "nineteen": "three hundred fifteen"; not after a tens word or a unit.
    pub(super) fn teen(t: u8, j: usize, st: &mut State, best: &mut Best) -> Step {
        if st.small || st.tens {
            return Step::Stop;
        }
        st.group += f64::from(t);
        st.small = true;
        st.tens = true;
        st.any = true;
        st.words = true;
        st.lone_one = false;
        *best = Some((j + 1, *st));
        Step::Next
    }

    /// A tens word "twenty" … "ninety": "two hundred forty"; "one twenty-fifth" reads as "one"
    /// then another number.
    pub(super) fn tens(t: u8, j: usize, st: &mut State, best: &mut Best) -> Step {
        if st.lone_one && !st.article || st.small || st.tens {
            return Step::Stop;
        }
        st.group += f64::from(t);
        st.tens_val = f64::from(t);
        st.tens = true;
        st.any = true;
        st.words = true;
        st.lone_one = false;
        *best = Some((j + 1, *st));
        Step::Next
    }

    /// "hundred" after a count below 100 (or digits below 1000): "three hundred", "a
    /// hundred", "12 hundred"; "hundreds" ends the number ("two hundreds").
    pub(super) fn hundred(
        &self,
        i: usize,
        j: usize,
        plural: bool,
        st: &mut State,
        best: &mut Best,
    ) -> Step {
        if !st.any || st.hund || st.group <= 0.0 || st.group >= 100.0 && !st.digits {
            return Step::Stop;
        }
        if st.digits && st.group >= 1000.0 {
            return Step::Stop;
        }
        st.group *= 100.0;
        st.hund = true;
        st.tens = false;
        st.small = false;
        st.tens_val = 0.0;
        st.words = true;
        st.lone_one = false;
        *best = Some((j + 1, *st));
        if plural {
            return Step::Done(self.result_with(
                i,
                j + 1,
                st.value(),
                NumberKind::Cardinal,
                st.form(),
                true,
            ));
        }
        Step::Next
    }

    /// A scale word below the last one: "two million three thousand", "4.5 billion";
    /// "millions" ends the number ("two millions").
    pub(super) fn scale(
        &self,
        i: usize,
        j: usize,
        p: u8,
        plural: bool,
        st: &mut State,
        best: &mut Best,
    ) -> Step {
        if !st.any || st.group <= 0.0 || p >= st.last_scale {
            return Step::Stop;
        }
        let v = st.total + st.group * pow10(p);
        if v.abs() > crate::number::MAX_EXACT_INTEGER {
            return Step::Stop;
        }
        st.total = v;
        st.group = 0.0;
        st.hund = false;
        st.tens = false;
        st.small = false;
        st.tens_val = 0.0;
        st.last_scale = p;
        st.words = true;
        st.lone_one = false;
        *best = Some((j + 1, *st));
        if plural {
            return Step::Done(self.result_with(
                i,
                j + 1,
                st.value(),
                NumberKind::Cardinal,
                st.form(),
                true,
            ));
        }
        Step::Next
    }

    /// "dozen" ending a number: "two dozen" (24); "three hundred and two dozens" is 300 + 2 ×
    /// 12 (the dozen multiplies the count right before it).
    pub(super) fn dozen(&self, i: usize, j: usize, plural: bool, st: &mut State) -> Step {
        if !st.any {
            return Step::Stop;
        }
        let below_hundred = if st.hund { st.group % 100.0 } else { st.group };
        let v = if below_hundred > 0.0 {
            st.value() + below_hundred * 11.0
        } else {
            st.value() * 12.0
        };
        st.words = true;
        Step::Done(self.result_with(i, j + 1, v, NumberKind::Cardinal, st.form(), plural))
    }

    /// "and" inside a number: a fraction after it ("one and a half", "twenty and three
    /// fifths", "3 million and a half", "five and a half million"), or the group after
    /// "hundred" or a scale ("one hundred and five", "two thousand and two hundred", "3
    /// hundred and 21").
    pub(super) fn and(&self, i: usize, j: usize, st: &mut State) -> Step {
        if !st.any {
            return Step::Stop;
        }
        if let Some(f) = self.and_fraction(j + 1) {
            return Step::Done(self.and_a_fraction(i, f, st));
        }
        let after =
            st.hund && !st.small && !st.tens || st.last_scale != NO_SCALE && st.group == 0.0;
        let continues = matches!(
            self.lex(j + 1).map(|x| x.lex),
            Some(Lex::Unit(_) | Lex::Teen(_) | Lex::Tens(_))
        ) || self
            .digit(j + 1)
            .is_some_and(|d| d.plain && d.value >= 1.0 && d.value < 100.0)
            && !self
                .lex(j + 2)
                .is_some_and(|e| matches!(e.lex, Lex::Hundred | Lex::Scale(_)));
        if after && continues {
            Step::Next
        } else {
            Step::Stop
        }
    }

    /// The number read so far and the fraction `f` after its "and": "one and a half" (1.5),
    /// "3 million and a half" (3,500,000), "five and a half million" (5,500,000).
    fn and_a_fraction(&self, i: usize, f: NumberParse, st: &mut State) -> NumberParse {
        let base_scale = st.group == 0.0 && st.last_scale != NO_SCALE;
        let mut v = if base_scale {
            st.total + f.value * pow10(st.last_scale)
        } else {
            st.value() + f.value
        };
        let mut end = f.tokens.end;
        let mut kind = NumberKind::Fraction;
        if !base_scale && st.last_scale == NO_SCALE {
            if let Some(Lex::Scale(p)) = self.lex(end).filter(|e| !e.plural).map(|e| e.lex) {
                v *= pow10(p);
                end += 1;
                kind = NumberKind::Cardinal;
            }
        }
        if base_scale {
            kind = NumberKind::Cardinal;
        }
        st.words = true;
        self.result(i, end, v, kind, st)
    }

    /// "half" and "quarter": "a half", "one quarter", "three quarters", "half a dozen" (6),
    /// "half a million", "half million", "a quarter million"; a bare "quarter" is a district
    /// or a fiscal quarter, not a fraction, unless a scale follows.
    pub(super) fn half_or_quarter(&self, i: usize, j: usize, e: Entry, st: &mut State) -> Step {
        let next = self.lex(j + 1).map(|x| x.lex);
        let at_start = !st.any;
        let den = if e.lex == Lex::Half { 2.0 } else { 4.0 };
        let (num, start_ok) = if at_start || st.lone_one {
            (1.0, true)
        } else if e.plural && st.value() > 0.0 {
            (st.value(), true)
        } else {
            (0.0, false)
        };
        if !start_ok || (at_start && e.plural) {
            return Step::Stop;
        }
        if at_start && e.lex == Lex::Quarter && !matches!(next, Some(Lex::Scale(_))) {
            return Step::Stop;
        }
        st.words = true;
        if at_start && e.lex == Lex::Half && next == Some(Lex::Article) {
            match self.lex(j + 2).map(|x| x.lex) {
                Some(Lex::Dozen) => {
                    return Step::Done(self.result(i, j + 3, 6.0, NumberKind::Cardinal, st));
                }
                Some(Lex::Scale(p)) => {
                    let v = 0.5 * pow10(p);
                    return Step::Done(self.result(i, j + 3, v, NumberKind::Cardinal, st));
                }
                _ => {}
            }
        }
        let v = num / den;
        if let (
            Some(Entry {
                lex: Lex::Scale(p),
                plural: false,
            }),
            false,
        ) = (self.lex(j + 1), self.fraction_only)
        {
            return Step::Done(self.result(i, j + 2, v * pow10(p), NumberKind::Cardinal, st));
        }
        Step::Done(self.result(i, j + 1, v, NumberKind::Fraction, st))
    }
}

#[cfg(test)]
mod tests {
    use crate::number::{NumberKind, find_numbers};

    /// Each `(text, number, value, kind)`: the first number found in `text` covers `number`
    /// with `value` and `kind`; with an empty `number`, none is found.
    fn check(examples: &[(&str, &str, f64, NumberKind)]) {
        for &(text, number, value, kind) in examples {
            let tokens = khabar_tokenize::tokenize(text);
            let found = find_numbers(text, &tokens);
            let first = found
                .first()
                .map(|n| (&text[n.span.start..n.span.end], n.value, n.kind));
            if number.is_empty() {
                assert!(first.is_none(), "{text:?}: found {first:?}, want none");
            } else {
                assert_eq!(first, Some((number, value, kind)), "{text:?}");
            }
        }
    }

    use NumberKind::{Cardinal, Fraction};

    #[test]
    fn article_examples() {
        check(&[
            ("a hundred men", "a hundred", 100.0, Cardinal),
            ("a million", "a million", 1e6, Cardinal),
            ("a dozen eggs", "a dozen", 12.0, Cardinal),
            ("a half", "a half", 0.5, Fraction),
            ("a man", "", 0.0, Cardinal),
        ]);
    }

    #[test]
    fn zero_examples() {
        check(&[
            ("zero", "zero", 0.0, Cardinal),
            ("zero point five", "zero point five", 0.5, Cardinal),
        ]);
    }

    #[test]
    fn unit_teen_tens_examples() {
        check(&[
            ("twenty-one", "twenty-one", 21.0, Cardinal),
            ("three hundred two", "three hundred two", 302.0, Cardinal),
            (
                "three hundred fifteen",
                "three hundred fifteen",
                315.0,
                Cardinal,
            ),
            ("two hundred forty", "two hundred forty", 240.0, Cardinal),
            ("five six", "five", 5.0, Cardinal),
            ("twenty thirty", "twenty", 20.0, Cardinal),
        ]);
    }

    #[test]
    fn hundred_and_scale_examples() {
        check(&[
            ("three hundred", "three hundred", 300.0, Cardinal),
            ("12 hundred", "12 hundred", 1200.0, Cardinal),
            (
                "two million three thousand",
                "two million three thousand",
                2_003_000.0,
                Cardinal,
            ),
            ("4.5 billion", "4.5 billion", 4.5e9, Cardinal),
            ("two hundreds", "two hundreds", 200.0, Cardinal),
            ("two millions", "two millions", 2e6, Cardinal),
        ]);
    }

    #[test]
    fn dozen_examples() {
        check(&[
            ("two dozen", "two dozen", 24.0, Cardinal),
            (
                "three hundred and two dozens",
                "three hundred and two dozens",
                324.0,
                Cardinal,
            ),
        ]);
    }

    #[test]
    fn and_examples() {
        check(&[
            ("one and a half", "one and a half", 1.5, Fraction),
            (
                "3 million and a half",
                "3 million and a half",
                3_500_000.0,
                Cardinal,
            ),
            (
                "five and a half million",
                "five and a half million",
                5_500_000.0,
                Cardinal,
            ),
            (
                "one hundred and five",
                "one hundred and five",
                105.0,
                Cardinal,
            ),
            ("3 hundred and 21", "3 hundred and 21", 321.0, Cardinal),
            ("five and six", "five", 5.0, Cardinal),
        ]);
    }

    #[test]
    fn half_or_quarter_examples() {
        check(&[
            ("three quarters", "three quarters", 0.75, Fraction),
            ("half a dozen", "half a dozen", 6.0, Cardinal),
            ("half a million", "half a million", 500_000.0, Cardinal),
            ("half million", "half million", 500_000.0, Cardinal),
            (
                "a quarter million",
                "a quarter million",
                250_000.0,
                Cardinal,
            ),
            ("the old quarter", "", 0.0, Cardinal),
        ]);
    }

    #[test]
    fn leading_digits_examples() {
        use NumberKind::Ordinal;
        check(&[
            ("the 21st", "21st", 21.0, Ordinal),
            ("5bn", "5bn", 5e9, Cardinal),
            ("2.33 k", "2.33 k", 2330.0, Cardinal),
            ("4.5 people", "4.5", 4.5, Cardinal),
            ("1 234 567 people", "1 234 567", 1_234_567.0, Cardinal),
        ]);
    }

    #[test]
    fn digit_group_examples() {
        check(&[
            (
                "4 thousand 3 hundred and 21",
                "4 thousand 3 hundred and 21",
                4321.0,
                Cardinal,
            ),
            ("5 6", "5", 5.0, Cardinal),
        ]);
    }

    #[test]
    fn hyphen_joins_examples() {
        check(&[
            ("fifty - two", "fifty - two", 52.0, Cardinal),
            ("one-eighth", "one-eighth", 0.125, Fraction),
            ("five - eighths", "five - eighths", 0.625, Fraction),
            ("twenty-twenty", "twenty", 20.0, Cardinal),
        ]);
    }
}
