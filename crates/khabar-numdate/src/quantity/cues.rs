//! Comparison cues, percent markers, currencies and vague amounts: small word tables.

use super::Approx;

/// Cues before a number, longest first so that "no more than" wins over "more than".
pub(crate) const PREFIX_CUES: &[(&[&str], Approx)] = &[
    (&["less", "than", "or", "equal", "to"], Approx::AtMost),
    (&["fewer", "than", "or", "equal", "to"], Approx::AtMost),
    (&["greater", "than", "or", "equal", "to"], Approx::AtLeast),
    (&["more", "than", "or", "equal", "to"], Approx::AtLeast),
    (&["equal", "to", "or", "less", "than"], Approx::AtMost),
    (&["equal", "to", "or", "fewer", "than"], Approx::AtMost),
    (&["equal", "to", "or", "more", "than"], Approx::AtLeast),
    (&["equal", "to", "or", "greater", "than"], Approx::AtLeast),
    (&["at", "least", "or", "equal", "to"], Approx::AtLeast),
    (&["smaller", "or", "equal", "than"], Approx::AtMost),
    (&["less", "or", "equal", "than"], Approx::AtMost),
    (&["lower", "or", "equal", "than"], Approx::AtMost),
    (&["higher", "or", "equal", "than"], Approx::AtLeast),
    (&["bigger", "or", "equal", "than"], Approx::AtLeast),
    (&["greater", "or", "equal", "than"], Approx::AtLeast),
    (&["larger", "or", "equal", "than"], Approx::AtLeast),
    (&["<", "="], Approx::AtMost),
    (&[">", "="], Approx::AtLeast),
    (&["as", "many", "as"], Approx::AsManyAs),
    (&["as", "much", "as"], Approx::AsManyAs),
    (&["as", "high", "as"], Approx::AsManyAs),
    (&["as", "low", "as"], Approx::AsLowAs),
    (&["as", "few", "as"], Approx::AsLowAs),
    (&["as", "little", "as"], Approx::AsLowAs),
    (&["no", "more", "than"], Approx::AtMost),
    (&["not", "more", "than"], Approx::AtMost),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["not", "less", "than"], Approx::AtLeast),
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["not", "fewer", "than"], Approx::AtLeast),
    (&["in", "excess", "of"], Approx::MoreThan),
    (&["a", "minimum", "of"], Approx::AtLeast),
    (&["a", "maximum", "of"], Approx::AtMost),
    (&["more", "than"], Approx::MoreThan),
    (&["greater", "than"], Approx::MoreThan),
    (&["higher", "than"], Approx::MoreThan),
    (&["upwards", "of"], Approx::MoreThan),
    (&["larger", "than"], Approx::MoreThan),
    (&["bigger", "than"], Approx::MoreThan),
    (&["smaller", "than"], Approx::LessThan),
    (&["lower", "than"], Approx::LessThan),
    (&["just", "over"], Approx::MoreThan),
    (&["well", "over"], Approx::MoreThan),
    (&["just", "under"], Approx::LessThan),
    (&["less", "than"], Approx::LessThan),
    (&["fewer", "than"], Approx::LessThan),
    (&["at", "least"], Approx::AtLeast),
    (&["at", "most"], Approx::AtMost),
    (&["up", "to"], Approx::UpTo),
    (&["close", "to"], Approx::Nearly),
    (&["an", "estimated"], Approx::About),
    (&["over"], Approx::MoreThan),
    (&["above"], Approx::MoreThan),
    (&["exceeding"], Approx::MoreThan),
    (&["exceed"], Approx::MoreThan),
    (&["exceeds"], Approx::MoreThan),
    (&["surpass"], Approx::MoreThan),
    (&["surpasses"], Approx::MoreThan),
    (&[">"], Approx::MoreThan),
    (&["<"], Approx::LessThan),
    (&["≥"], Approx::AtLeast),
    (&["≤"], Approx::AtMost),
    (&["under"], Approx::LessThan),
    (&["below"], Approx::LessThan),
    (&["nearly"], Approx::Nearly),
    (&["almost"], Approx::Nearly),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["approximately"], Approx::About),
    (&["approx."], Approx::About),
    (&["roughly"], Approx::About),
    (&["some"], Approx::About),
    (&["estimated"], Approx::About),
    (&["circa"], Approx::About),
    (&["equal", "to"], Approx::Exactly),
    (&["equals", "to"], Approx::Exactly),
    (&["equaling", "to"], Approx::Exactly),
    (&["equalling", "to"], Approx::Exactly),
    (&["equals"], Approx::Exactly),
    (&["exactly"], Approx::Exactly),
];

/// The indices in [`PREFIX_CUES`] of the cues whose last word is `word` (any ASCII case),
/// in table order. A cue ending just before a number ends with the token there, so the
/// extractor only tries these (the table has about a hundred cues; a token ends a few).
pub(crate) fn prefix_cues_ending_with(word: &str) -> &'static [usize] {
    static BY_LAST: std::sync::OnceLock<std::collections::HashMap<String, Vec<usize>>> =
        std::sync::OnceLock::new();
    let by_last = BY_LAST.get_or_init(|| {
        let mut map: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (n, (words, _)) in PREFIX_CUES.iter().enumerate() {
            if let Some(last) = words.last() {
                map.entry(last.to_ascii_lowercase()).or_default().push(n);
            }
        }
        map
    });
    by_last
        .get(Lower::new(word).as_str())
        .map_or(&[], Vec::as_slice)
}

/// Cues after a number: "500 or more", "20 or so". The three-word ones ("200 or greater
/// than") count only when no number follows, which would make them a cue of their own.
pub(crate) const SUFFIX_CUES: &[(&[&str], Approx)] = &[
    (&["or", "more", "than"], Approx::AtLeast),
    (&["or", "greater", "than"], Approx::AtLeast),
    (&["or", "higher", "than"], Approx::AtLeast),
    (&["or", "less", "than"], Approx::AtMost),
    (&["or", "fewer", "than"], Approx::AtMost),
    (&["or", "lower", "than"], Approx::AtMost),
    (&["or", "more"], Approx::AtLeast),
    (&["and", "more"], Approx::AtLeast),
    (&["or", "greater"], Approx::AtLeast),
    (&["or", "higher"], Approx::AtLeast),
    (&["or", "above"], Approx::AtLeast),
    (&["or", "over"], Approx::AtLeast),
    (&["or", "less"], Approx::AtMost),
    (&["or", "lower"], Approx::AtMost),
    (&["or", "below"], Approx::AtMost),
    (&["or", "under"], Approx::AtMost),
    (&["or", "fewer"], Approx::AtMost),
    (&["or", "so"], Approx::About),
    (&["plus"], Approx::AtLeast),
];

/// An ASCII-lowercased copy of a short word on the stack: the word tables are matched per
/// token, and a heap allocation per token would dominate the extractor's cost. Words longer
/// than the buffer match nothing (no table entry is that long).
pub(crate) struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl Lower {
    pub(crate) fn new(w: &str) -> Lower {
        let mut buf = [0u8; 24];
        let b = w.as_bytes();
        if b.len() > buf.len() {
            return Lower { buf, len: 0 };
        }
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        Lower { buf, len: b.len() }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Lowercasing ASCII bytes keeps UTF-8 valid; the fallback is never taken.
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// Words naming an amount of time: a number counting them is a duration, the date
/// extractor's business.
pub(crate) fn is_time_unit(w: &str) -> bool {
    let lw = Lower::new(w);
    matches!(
        lw.as_str(),
        "year"
            | "years"
            | "yr"
            | "yrs"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "hrs"
            | "minute"
            | "minutes"
            | "mins"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "fortnight"
            | "fortnights"
            | "night"
            | "nights"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
            | "gmt"
            | "utc"
            | "o'clock"
            | "o’clock"
    )
}

/// Month names (full and abbreviated), for "December 17" and "17 December".
pub(crate) fn is_month(w: &str) -> bool {
    let lw = Lower::new(w.trim_end_matches('.'));
    matches!(
        lw.as_str(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Words after which a four-digit number is a year: "in 2017", "since 2015", "mid-2020".
pub(crate) fn is_year_cue(w: &str) -> bool {
    let lw = Lower::new(w);
    matches!(
        lw.as_str(),
        "in" | "since"
            | "by"
            | "from"
            | "to"
            | "until"
            | "till"
            | "through"
            | "during"
            | "before"
            | "after"
            | "of"
            | "early"
            | "mid"
            | "late"
            | "end"
            | "beginning"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "year"
            | "fiscal"
            | "fy"
            | "between"
            | "and"
            | "circa"
            | "©"
            | "-"
            | "–"
            | "—"
            | "/"
    )
}

/// Words before a number that make it an identifier, not an amount.
pub(crate) fn is_identifier_cue(w: &str) -> bool {
    let lw = Lower::new(w.trim_end_matches('.'));
    matches!(
        lw.as_str(),
        "volume"
            | "vol"
            | "issue"
            | "no"
            | "nos"
            | "nr"
            | "nrs"
            | "number"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "chapter"
            | "section"
            | "article"
            | "resolution"
            | "paragraph"
            | "para"
            | "room"
            | "flight"
            | "route"
            | "version"
            | "episode"
            | "part"
            | "figure"
            | "fig"
            | "table"
            | "#"
    )
}

/// A currency written before the amount: "$", "US$", "€", "Rs", "PKR". Returns the code.
///
/// Most words are turned away by their first byte, which every spelling in
/// [`prefix_currency_table`] starts with one of (asked for every short word: "a", "of").
pub(crate) fn prefix_currency(w: &str) -> Option<&'static str> {
    // '$', the letters, and the lead bytes of '€' '₹' (0xE2) and '£' '¥' (0xC2).
    let may = matches!(
        w.as_bytes().first(),
        Some(b'$' | b'U' | b'u' | b'E' | b'G' | b'I' | b'P' | b'A' | b'R' | b'r' | 0xC2 | 0xE2)
    );
    if !may {
        return None;
    }
    prefix_currency_table(w)
}

/// The spellings of [`prefix_currency`] and their codes: the reference its first-byte test
/// is checked against.
pub(crate) fn prefix_currency_table(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "US$" | "USD" | "usd" => "USD",
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" => "JPY",
        "₹" | "INR" => "INR",
        "PKR" => "PKR",
        "IRR" => "IRR",
        "AFN" | "Afs" | "AFS" => "AFN",
        "Rs" | "Rs." | "rs" | "Rs," => "RS",
        _ => return None,
    })
}

/// A currency written after the amount: "5 million dollars", "500 rupees".
pub(crate) fn suffix_currency(w: &str) -> Option<&'static str> {
    Some(match Lower::new(w).as_str() {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "rupee" | "rupees" => "RS",
        "afghani" | "afghanis" | "afn" => "AFN",
        "pkr" => "PKR",
        "inr" => "INR",
        "gbp" | "sterling" => "GBP",
        "irr" | "rial" | "rials" => "IRR",
        // The toman (ten rials) has no ISO code; "IRT" is the one in common use.
        "toman" | "tomans" => "IRT",
        "yen" => "JPY",
        "yuan" | "rmb" | "renminbi" => "CNY",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "lira" | "liras" => "TRY",
        "riyal" | "riyals" => "SAR",
        "dirham" | "dirhams" => "AED",
        "taka" => "BDT",
        _ => return None,
    })
}

/// The country word before "$" or "dollars" that says whose dollars: "US$ 5", "C$ 300",
/// "HK$ 10", "Australian dollars".
pub(crate) fn dollar_country(w: &str) -> Option<&'static str> {
    Some(match Lower::new(w).as_str() {
        "us" | "u.s." | "u.s" | "usd" | "american" => "USD",
        "c" | "ca" | "cad" | "canadian" => "CAD",
        "a" | "au" | "aud" | "australian" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sg" | "sgd" | "singapore" => "SGD",
        "mex" | "mx" | "mxn" | "mexican" => "MXN",
        _ => return None,
    })
}

/// Words that end a unit noun phrase: function words, pronouns, auxiliaries and a few
/// frequent verbs.
pub(crate) fn is_unit_stop(w: &str) -> bool {
    let lw = Lower::new(w);
    matches!(
        lw.as_str(),
        "of" | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "with"
            | "by"
            | "for"
            | "into"
            | "onto"
            | "across"
            | "over"
            | "under"
            | "near"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "where"
            | "when"
            | "while"
            | "as"
            | "than"
            | "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "not"
            | "no"
            | "also"
            | "even"
            | "still"
            | "only"
            | "more"
            | "less"
            | "each"
            | "per"
            | "cent"
            | "percent"
            | "ago"
            | "later"
            | "earlier"
            | "remain"
            | "remained"
            | "remains"
            | "say"
            | "said"
            | "says"
            | "died"
            | "die"
            | "join"
            | "joined"
            | "came"
            | "come"
            | "went"
            | "go"
            | "get"
            | "got"
            | "now"
            | "then"
            | "there"
            | "here"
            | "they"
            | "them"
            | "he"
            | "she"
            | "it"
            | "we"
            | "you"
            | "i"
            | "if"
            | "so"
            | "because"
            | "including"
            | "such"
            | "like"
            | "about"
            | "around"
            | "between"
            | "against"
            | "during"
            | "after"
            | "before"
            | "since"
            | "until"
            | "through"
            | "out"
            | "up"
            | "down"
            | "off"
            | "all"
            | "both"
            | "many"
            | "some"
            | "any"
            | "own"
            | "dead"
            | "killed"
            | "wounded"
            | "injured"
            | "missing"
    )
}

/// Determiners skipped at the start of an "of" phrase: "95 per cent of the group".
pub(crate) fn is_determiner(w: &str) -> bool {
    let lw = Lower::new(w);
    matches!(
        lw.as_str(),
        "the" | "these" | "those" | "their" | "its" | "his" | "her" | "our" | "all" | "this"
    )
}

/// Pronoun-like "of" objects that are still the unit of a fraction ("one fourth of them").
pub(crate) fn is_object_pronoun(w: &str) -> bool {
    matches!(
        Lower::new(w).as_str(),
        "them" | "us" | "those" | "these" | "it" | "you"
    )
}

/// Words before "one" that make it a pronoun or a determiner-bound "one": "the one",
/// "no one", "any one".
pub(crate) fn is_one_pronoun_before(w: &str) -> bool {
    matches!(
        Lower::new(w).as_str(),
        "the"
            | "this"
            | "that"
            | "any"
            | "no"
            | "every"
            | "each"
            | "which"
            | "some"
            | "another"
            | "anyone"
            | "someone"
            | "everyone"
            | "last"
            | "next"
            | "little"
            | "young"
            | "old"
            | "new"
            | "loved"
            | "chosen"
    )
}

/// Nouns for a person, after which ", 42," is an age: "the commander, 42, said".
pub(crate) fn is_person_noun(w: &str) -> bool {
    matches!(
        Lower::new(w).as_str(),
        "man"
            | "woman"
            | "boy"
            | "girl"
            | "commander"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "soldier"
            | "official"
            | "officer"
            | "father"
            | "mother"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "wife"
            | "husband"
            | "resident"
            | "driver"
            | "farmer"
            | "teacher"
            | "student"
            | "shopkeeper"
            | "worker"
            | "cleric"
            | "mullah"
            | "imam"
            | "victim"
            | "survivor"
            | "suspect"
            | "bomber"
            | "militant"
            | "fighter"
            | "journalist"
            | "reporter"
            | "doctor"
            | "nurse"
            | "policeman"
            | "guard"
            | "pilot"
            | "engineer"
            | "activist"
            | "lawyer"
            | "judge"
            | "governor"
            | "minister"
            | "chief"
            | "elder"
            | "villager"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every spelling of the table, and near misses.
    const SPELLINGS: &[&str] = &[
        "$", "US$", "USD", "usd", "€", "EUR", "£", "GBP", "¥", "₹", "INR", "PKR", "IRR", "AFN",
        "Afs", "AFS", "Rs", "Rs.", "rs", "Rs,", "us", "Usd", "eur", "R", "A", "", "€€", "₽",
    ];

    #[test]
    fn the_first_byte_test_keeps_every_spelling() {
        for w in SPELLINGS {
            assert_eq!(prefix_currency(w), prefix_currency_table(w), "{w:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The first-byte test changes nothing, on any short string.
        #[test]
        fn prefix_currency_equals_its_table(w in "\\PC{0,4}", s in prop::sample::select(SPELLINGS)) {
            prop_assert_eq!(prefix_currency(&w), prefix_currency_table(&w));
            let joined = format!("{s}{w}");
            prop_assert_eq!(prefix_currency(&joined), prefix_currency_table(&joined));
        }
    }
}
