//! A cheap, conservative test of where a date expression can start.
//!
//! The scan tries every production at every token that could begin one; in prose most such
//! tokens are function words ("the", "in", "of", "a", "and") that open a date only when a
//! temporal word follows soon ("in the morning", "the rest of the week"). Every production
//! needs at least one **head** token: a number, a date or time token, or a word the grammar
//! gives a temporal meaning (a month, a unit, "ago", "last", "noon", a holiday, …). Function
//! words and ordinary words are **glue**. A match starting at token `i` has its first head
//! within [`MAX_LEAD`] tokens of `i` (the longest leading run of glue in the seeds is four,
//! "the rest of the week"; a unit test keeps a margin of two), so a position whose next
//! [`MAX_LEAD`] + 1 tokens are all glue cannot start a match and is skipped.
//!
//! This is a claim about the grammar, checked rather than derived: a new production that
//! opens with a longer run of function words, or that can match with no head at all, must
//! raise the bound or add its word to [`GRAMMAR_WORDS`]; the property tests catch it on
//! the vocabulary they draw from.
//!
//! Heads are decided once per token when the tokens are classified
//! ([`crate::date::grammar::Tk::head`]), from the same lexicon lookup that gives the word its
//! meaning: a lexicon word is a head unless its meaning is a function word
//! ([`glue_meaning`]); a word outside the lexicon is a head when it is one of
//! [`GRAMMAR_WORDS`] or has digits or other scripts in it. `tests/date_props.rs` checks that
//! extraction with the prefilter equals extraction trying every token, on random token
//! sequences drawn from date vocabulary and prose, and on the seed articles; a unit test
//! checks the lead bound on every match of the seeds.
//!
//! Three more skips, each a claim of the same kind, checked the same way (the unit tests in
//! `extract.rs` compare the prefiltered scan with trying every token):
//!
//! * **inert words**: a plain word that is no head, outside the lexicon, and not one of the
//!   words a production compares by text ([`CONTEXT_WORDS`], kept complete by a test that
//!   reads the productions' string literals) is read by no production, so no match has one
//!   before its first head: the positions up to it are skipped;
//! * **modifiers before an inert word** ([`needs_next`]): "this", "early", "end" … start
//!   nothing there;
//! * **bracketed small numbers** ([`bracketed_number`]): "read(2)", "[3]".

use crate::date::grammar::{Grammar, Suffix};
use crate::date::lexicon::W;
use khabar_tokenize::TokenKind;

/// The most glue tokens a match may begin with before its first head.
pub(crate) const MAX_LEAD: usize = 6;

/// Function words that never open a date expression ("and", "or", "than", "of", "so"):
/// the scan does not try the productions at them (they may still sit inside one).
pub(crate) fn never_opens(w: W) -> bool {
    matches!(w, W::And | W::Or | W::So | W::Than | W::Of)
}

/// Modifiers that open an expression only together with the word after them: "this",
/// "next", "early", "mid", "middle", "late", "beginning", "end" never make a date alone, and
/// every production that starts with one reads the next word by its meaning, its digits or
/// its text, so before an inert word ([`crate::date::grammar::Tk::inert`]) they start
/// nothing.
pub(crate) fn needs_next(w: W) -> bool {
    matches!(
        w,
        W::This | W::Next | W::Early | W::Mid | W::Middle | W::Late | W::Beginning | W::End
    )
}

/// Punctuation no production reads right after a small number it starts with: a match
/// beginning at such a number before one of these would be the number alone. (Not "."
/// ":" "/" "-" "'": dates, clock times, ranges and decades read them there.) A comma is read
/// after a whole constituent (a clock time, a day, a date, an amount with its unit, a
/// weekday): of these a bare small number is only an hour beside a day, which starts a match
/// only in a time range, and that needs a dash or "to" after it.
pub(crate) const CLOSED_AFTER_NUMBER: &[&str] = &[")", "]", ";", "(", "\"", "\\", "!", "?", ","];

/// A plain number of one to three digits right before a punctuation mark of
/// [`CLOSED_AFTER_NUMBER`] ("read(2)", "[3]", "x = 5;", "see 4 (below)"). No production
/// reads such a mark after a number, so a match starting there would be the number alone,
/// and such a number is no date, time or length alone (a year has four digits, a day needs
/// a month, an hour a mark or a day, a length its unit).
pub(crate) fn bracketed_number(g: &Grammar<'_>, i: usize) -> bool {
    let (Some(t), Some(next)) = (g.t.get(i), g.t.get(i + 1)) else {
        return false;
    };
    let small = g.num(i).is_some_and(|n| {
        n.suffix == Suffix::None
            && (1..=3).contains(&n.digits)
            && usize::from(n.digits) == t.end - t.start
    });
    small && next.kind == TokenKind::Punct && CLOSED_AFTER_NUMBER.contains(&g.txt(i + 1))
}

/// Lexicon meanings that are function words: they shape a date ("in", "the", "of", "at
/// least") but never make one on their own.
fn glue_meaning(w: W) -> bool {
    matches!(
        w,
        W::The
            | W::Of
            | W::A
            | W::And
            | W::Or
            | W::So
            | W::To
            | W::From
            | W::Between
            | W::Until
            | W::In
            | W::On
            | W::Since
            | W::By
            | W::During
            | W::Within
            | W::Over
            | W::Under
            | W::About
            | W::More
            | W::Less
            | W::Fewer
            | W::Than
            | W::At
            | W::Least
            | W::Most
            | W::Up
            | W::Just
            | W::Will
            | W::As
            | W::That
            | W::Few
            | W::Several
            | W::Many
            | W::Some
            | W::Every
            | W::Each
            | W::Another
            | W::All
            | W::Full
            | W::Rest
            | W::Same
            | W::Once
            | W::Couple
            | W::Dozen
            | W::Hundred
            | W::Thousand
    )
}

/// Words outside the date lexicon that are heads: the ones a production can read with no
/// other head near ("for the time being", "to date", "at the moment", "the Christmas",
/// "lunchtime", "the nineties", "every weekday", "fiscal"). Function words and context
/// words the productions also compare by text ("no later than", "good", "after") are glue:
/// they only ever come before or after a head.
pub(crate) const GRAMMAR_WORDS: &[&str] = &[
    "academic",
    "all-year",
    "annual",
    "annually",
    "any",
    "calendar",
    "christmas",
    "daily",
    "date",
    "day",
    "dinnertime",
    "easter",
    "eod",
    "eom",
    "eoy",
    "bom",
    "boy",
    "eve",
    "everyday",
    "fy",
    "halloween",
    "juneteenth",
    "lunchtime",
    "moment",
    "noonish",
    "o'clock",
    "oclock",
    "past",
    "right",
    "school",
    "semi",
    "semi-annually",
    "semiannual",
    "semiannually",
    "sy",
    "till",
    "time",
    "valentine",
    "valentines",
    "weekday",
    "weekdays",
    "weekends",
    "xmas",
    "ys",
];

/// [`GRAMMAR_WORDS`] and the spelled decades ([`crate::date::grammar::DECADE_WORDS`]: "the
/// nineties"), which the grammar keeps in a list of its own.
pub(crate) fn grammar_words() -> impl Iterator<Item = &'static str> {
    GRAMMAR_WORDS
        .iter()
        .copied()
        .chain(crate::date::grammar::DECADE_WORDS)
        .chain(crate::date::holiday::head_words())
}

/// Plain words (outside the lexicon and [`GRAMMAR_WORDS`]) that some production compares
/// by text, in lowercase: "for" in "for the time being", "little" in "as little as", the
/// modals before "last", the publication cues. A unit test reads the productions' source
/// and fails on any word literal that is missing here, so the list cannot fall behind.
///
/// They matter for the **inert** tokens ([`crate::date::grammar::Tk::inert`]): a plain word
/// that is not a head, not in the lexicon's table and not one of these is read by no
/// production, so a match never has one before its first head and the scan skips the
/// positions before it.
pub(crate) const CONTEXT_WORDS: &[&str] = &[
    // Inner words of holiday names ("Eid al-Fitr", "Martin Luther King Jr. Day").
    "adha",
    "al",
    "azha",
    "barat",
    "e",
    "fitr",
    "id",
    "il",
    "jadid",
    "jr",
    "kabir",
    "king",
    "luther",
    "miraj",
    "nabi",
    "qadr",
    "ul",
    "un",
    "zuha",
    // Before the head in rules.rs's `weekday-from`: "the closest Monday to Oct 5th".
    // (rules.rs is not in the source scan of the test below: its other literals —
    // determiners before a year, units after it, "following" after the weekday — lie
    // outside the match or after its head, where inertness does not matter.)
    "closest",
    "nearest",
    // Around a bare "Eid" ("ahead of Eid", "Eid prayers").
    "ahead",
    "break",
    "ceasefire",
    "ceasefires",
    "celebrations",
    "festival",
    "festivities",
    "holiday",
    "holidays",
    "prayer",
    "prayers",
    "truce",
    // Signals read before a match with signal spans ("anytime after 2014").
    "anytime",
    "sometime",
    "appeared",
    "being",
    "c",
    "can",
    "commencing",
    "could",
    "dated",
    "deadline",
    "did",
    "do",
    "does",
    "equal",
    "equals",
    "for",
    "going",
    "greater",
    "how",
    "ish",
    "little",
    "long",
    "m",
    "might",
    "much",
    "must",
    "my",
    "nd",
    "no",
    "not",
    "oh",
    "other",
    "p",
    "posted",
    "prior",
    "published",
    "rd",
    "rs",
    "s",
    "short",
    "should",
    "st",
    "starting",
    "tens",
    "th",
    "thousands",
    "updated",
    "what",
    "workers",
    "would",
];

/// [`CONTEXT_WORDS`] and the plural forms [`crate::date::extract`]'s plural weekdays read
/// through the lexicon ("tuess" is "tues" + "s"): every plain word a production reads.
pub(crate) fn context_words() -> impl Iterator<Item = String> {
    let plural_weekdays = crate::date::lexicon::LEXICON
        .iter()
        .filter(|(k, w)| matches!(w, W::Weekday(_)) && k.len() > 3)
        .map(|(k, _)| format!("{k}s"));
    CONTEXT_WORDS
        .iter()
        .map(|w| (*w).to_string())
        .chain(plural_weekdays)
}

/// Whether a word token is a head, given its [`crate::date::lexicon::lookup_word`] result
/// `found` (the reference for [`word_is_head_shaped`]).
#[cfg(test)]
pub(crate) fn word_is_head(s: &str, found: Option<Option<W>>) -> bool {
    match found {
        Some(Some(w)) => !glue_meaning(w),
        Some(None) => true,
        // Digits ("mar4", "fy2018", "11ish") or other scripts: left to the productions.
        None => {
            !s.is_ascii()
                || s.bytes().any(|b| b.is_ascii_digit())
                || s.as_bytes()
                    .get(..4)
                    .is_some_and(|p| p.eq_ignore_ascii_case(b"semi"))
                || s.as_bytes().get(..2).is_some_and(|p| {
                    p.eq_ignore_ascii_case(b"fy")
                        || p.eq_ignore_ascii_case(b"sy")
                        || p.eq_ignore_ascii_case(b"cy")
                })
        }
    }
}

pub(crate) use crate::classes::Shape;

/// Whether `b` starts with the lowercase ASCII letters `prefix`, in any case (setting the
/// 0x20 bit lowercases a letter and makes no other byte a lowercase letter).
fn starts_with_letters(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b.iter().zip(prefix).all(|(x, p)| x | 0x20 == *p)
}

/// [`word_is_head`] for a word of shape `shape`.
#[inline]
pub(crate) fn word_is_head_shaped(s: &str, found: Option<Option<W>>, shape: Shape) -> bool {
    match found {
        Some(Some(w)) => !glue_meaning(w),
        Some(None) => true,
        None => {
            let b = s.as_bytes();
            !shape.ascii
                || shape.digit
                || starts_with_letters(b, b"semi")
                || starts_with_letters(b, b"fy")
                || starts_with_letters(b, b"sy")
                || starts_with_letters(b, b"cy")
        }
    }
}

/// Whether a production can begin at a token with text `s`, kind `kind`, meaning `w`, a
/// number (`num`) or not, starting a holiday or not (`found`: its
/// [`crate::date::lexicon::lookup_word`] answer, `None` for a token that is not a word): a
/// lexicon word, a number, a token that is neither word nor punctuation, or one of the plain
/// words some production opens with. The same as the reference [`could_start`], from the
/// token's classification instead of string comparisons.
#[inline]
pub(crate) fn opens(
    s: &str,
    kind: TokenKind,
    w: Option<W>,
    num: bool,
    holiday: bool,
    found: Option<Option<W>>,
) -> bool {
    if w.is_some()
        || num
        || !matches!(kind, TokenKind::Word | TokenKind::Punct | TokenKind::Symbol)
        || holiday
    {
        return true;
    }
    // Every plain word below is ASCII letters, or letters and digits, or digits then
    // letters: most punctuation is out at once.
    if !s.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let b = s.as_bytes();
    match found {
        // A grammar word (rare): the full list.
        Some(_) => plain_word_opens(s),
        // Not in the lexicon's table: "noonish", the decade words, "right", "any",
        // "school", "academic" and "calendar" are (a test checks), and the holidays came
        // with the lookup, so only the written patterns are left. Each makes the word a
        // head ([`word_is_head`]), which lets `classify` skip them for every other word.
        None => {
            b.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"semi"))
                || (b.iter().any(u8::is_ascii_digit)
                    && crate::date::grammar::glued_month_day(s).is_some())
                || (b.get(..2).is_some_and(|p| {
                    p.eq_ignore_ascii_case(b"fy")
                        || p.eq_ignore_ascii_case(b"sy")
                        || p.eq_ignore_ascii_case(b"cy")
                }) && crate::date::extract::named_year_word(s).is_some())
        }
    }
}

/// Whether `w` is one of the plain words (no lexicon meaning) some production opens with.
fn plain_word_opens(w: &str) -> bool {
    crate::date::holiday::starts_holiday(w)
        || w.eq_ignore_ascii_case("noonish")
        || crate::date::grammar::is_decade_word(w)
        || crate::date::grammar::glued_month_day(w).is_some()
        || w.eq_ignore_ascii_case("right")
        || w.eq_ignore_ascii_case("any")
        || crate::date::forms::is_edge_acronym(w)
        || w.as_bytes()
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"semi"))
        || crate::date::extract::named_year_word(w).is_some()
}

/// Reference for [`opens`]: whether a production can begin at token `i`, by comparing its
/// text with every plain word some production opens with.
#[cfg(test)]
pub(crate) fn could_start(g: &Grammar<'_>, i: usize) -> bool {
    g.t.get(i).is_some_and(|t| {
        t.w.is_some()
            || t.has_num()
            || !matches!(
                t.kind,
                TokenKind::Word | TokenKind::Punct | TokenKind::Symbol
            )
            || g.text.get(t.start..t.end).is_some_and(plain_word_opens)
    })
}

/// Whether a token that is not a word is a head: numbers, dates, times and the like are;
/// punctuation and symbols are glue.
#[inline]
pub(crate) fn other_is_head(kind: TokenKind, num: bool) -> bool {
    num || !matches!(kind, TokenKind::Punct | TokenKind::Symbol)
}

#[cfg(test)]
mod tests {
    /// The productions' source, without the tests.
    const SOURCES: [(&str, &str); 17] = [
        ("extract.rs", include_str!("extract.rs")),
        ("extract/lengths.rs", include_str!("extract/lengths.rs")),
        ("extract/ranges.rs", include_str!("extract/ranges.rs")),
        ("extract/refs.rs", include_str!("extract/refs.rs")),
        ("extract/sets.rs", include_str!("extract/sets.rs")),
        ("extract/table.rs", include_str!("extract/table.rs")),
        ("extract/times.rs", include_str!("extract/times.rs")),
        ("extract/value.rs", include_str!("extract/value.rs")),
        ("extract/years.rs", include_str!("extract/years.rs")),
        ("grammar.rs", include_str!("grammar.rs")),
        ("clock.rs", include_str!("clock.rs")),
        ("holiday.rs", include_str!("holiday.rs")),
        ("resolve.rs", include_str!("resolve.rs")),
        ("resolve/date.rs", include_str!("resolve/date.rs")),
        ("resolve/periods.rs", include_str!("resolve/periods.rs")),
        ("resolve/relative.rs", include_str!("resolve/relative.rs")),
        ("resolve/weeks.rs", include_str!("resolve/weeks.rs")),
    ];

    /// Every word in a string literal of the productions (outside comments and tests) that
    /// could be compared with a token: ASCII letters with apostrophes, periods or hyphens,
    /// with a lowercase letter (all-capital literals are the TIMEX codes the extractor
    /// writes).
    fn literal_words() -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (file, src) in SOURCES {
            let code = src.split("\n#[cfg(test)]").next().unwrap_or(src);
            for (n, line) in code.lines().enumerate() {
                let l = line.trim_start();
                if l.starts_with("//") {
                    continue;
                }
                // Even pieces are outside quotes: a line with an odd count would misplace
                // them, so it fails the test instead.
                assert_eq!(l.matches('"').count() % 2, 0, "{file}:{}", n + 1);
                for piece in l.split('"').skip(1).step_by(2) {
                    for word in piece.split_whitespace() {
                        let letters = word.chars().all(|c| {
                            c.is_ascii_alphabetic() || matches!(c, '\'' | '’' | '.' | '-')
                        });
                        if letters
                            && word.starts_with(|c: char| c.is_ascii_alphabetic())
                            && word.chars().any(|c| c.is_ascii_lowercase())
                        {
                            out.push((word.to_lowercase(), format!("{file}:{}", n + 1)));
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_word_the_productions_read_is_known() {
        let missing: std::collections::BTreeSet<String> = literal_words()
            .into_iter()
            .filter(|(w, _)| {
                let e = crate::date::lexicon::lookup_entry(w);
                e.found.is_none() && !e.holiday && !e.context
            })
            .map(|(w, _)| w)
            .collect();
        assert!(missing.is_empty(), "add to CONTEXT_WORDS: {missing:?}");
    }
}
