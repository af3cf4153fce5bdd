//! Abbreviations that keep their period, and words that start sentences.

/// How an abbreviation behaves at a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// A title before a name ("Dr.", "Lt.", "Gen."): a sentence never ends after it.
    Title,
    /// A month ("Oct.", "Sept."): no boundary when a number follows.
    Month,
    /// Anything else ("etc.", "Inc.", "approx."): a boundary when a capitalised word follows.
    Other,
}

/// Abbreviations written with a final period, case-sensitive as listed.
pub(crate) fn abbreviation(word: &str) -> Option<AbbrevClass> {
    use AbbrevClass::*;
    Some(match word {
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Maj" | "Capt" | "Sgt"
        | "Cpl" | "Pvt" | "Adm" | "Brig" | "Cmdr" | "Cdr" | "Gov" | "Sen" | "Rep" | "Pres"
        | "Rev" | "Hon" | "Sr" | "Jr" | "St" | "Mt" | "Ft" | "Supt" | "Insp" | "Amb" | "Sheikh"
        | "Gens" | "Messrs" | "Mme" | "Mlle" => Title,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" => Month,
        "etc" | "vs" | "Inc" | "Ltd" | "Co" | "Corp" | "Dept" | "Univ" | "approx" | "est"
        | "Bros" | "Ave" | "Blvd" | "Rd" | "Fig" | "fig" | "Vol" | "vol" | "pp" | "cf" | "al"
        | "No" | "Nos" => Other,
        _ => return None,
    })
}

/// Whether the tokenizer may keep a period that follows `word` inside the token: initials
/// and initialisms ("J.", "U.S.") and the listed abbreviations ("Dr.", "Oct.", "etc.").
/// When this is `false`, a period after the word is always a token of its own. Exposed so
/// that fast paths in other crates split exactly as [`tokenize`](crate::tokenize) does.
///
/// ```
/// use khabar_tokenize::keeps_final_period;
/// assert!(keeps_final_period("Dr") && keeps_final_period("J") && keeps_final_period("etc"));
/// assert!(!keeps_final_period("Kabul") && !keeps_final_period("said"));
/// ```
pub fn keeps_final_period(word: &str) -> bool {
    is_initialism(word) || abbreviation(word).is_some()
}

/// Whether a word is an initialism without its final period: "U.S", "a.k.a", "e.g", or a
/// single capital letter ("J").
pub(crate) fn is_initialism(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() => {}
        _ => return false,
    }
    let rest = chars.as_str();
    if rest.is_empty() {
        return word.chars().all(char::is_uppercase);
    }
    // Alternating ".X" pairs.
    let mut it = rest.chars();
    loop {
        match (it.next(), it.next()) {
            (None, _) => return true,
            (Some('.'), Some(c)) if c.is_alphabetic() => {}
            _ => return false,
        }
    }
}

/// Words that commonly open a sentence: after an initialism ("… in the U.S. The next day"),
/// one of these marks a boundary.
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "But"
            | "And"
            | "In"
            | "On"
            | "At"
            | "As"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Since"
            | "Its"
            | "Their"
            | "His"
            | "Her"
            | "Our"
            | "However"
            | "Meanwhile"
            | "Although"
            | "According"
            | "Some"
            | "Many"
            | "Most"
            | "One"
            | "Two"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Yet"
            | "So"
            | "Still"
    )
}
