//! Common English words, to keep them from becoming places.
//!
//! `data/english_words.txt` is written by `scripts/build_gazetteer.py` from the `wordfreq`
//! package (PyPI): every alphabetic English word with a Zipf frequency of at least 3.0
//! (about once per million words), minus the names of the default gazetteer's countries,
//! Afghan and Pakistani provinces, districts and towns and its hand-kept entries — so
//! "turn", "rest" and "male" are listed, "kabul" and "pakistan" are not. It is read at run
//! time without Python.

use std::collections::HashSet;
use std::sync::OnceLock;

pub(crate) static WORDS: &str = include_str!("../data/english_words.txt");

fn words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| word_list().collect())
}

/// Every listed word.
pub(crate) fn word_list() -> impl Iterator<Item = &'static str> {
    WORDS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether `word` (any case) is a common English word.
///
/// ```
/// use khabar_gazetteer::is_common_english;
/// assert!(is_common_english("Turn") && is_common_english("rest"));
/// assert!(!is_common_english("Kabul") && !is_common_english("Rasht"));
/// ```
pub fn is_common_english(word: &str) -> bool {
    let w = word.to_lowercase();
    words().contains(w.as_str())
}

/// Whether `phrase` is a common English word, or every word of it is one of three letters
/// or more (words split at spaces and hyphens): "turn", "Northern Areas", "north-west", but
/// not "Mir-e Amor" ("e" is a connector).
///
/// ```
/// use khabar_gazetteer::is_english_phrase;
/// assert!(is_english_phrase("Northern Areas") && is_english_phrase("north-west"));
/// assert!(!is_english_phrase("Nad-e Ali") && !is_english_phrase("Pul-e Alam"));
/// assert!(!is_english_phrase("Mir-e Amor"));
/// ```
pub fn is_english_phrase(phrase: &str) -> bool {
    let mut any = false;
    for w in phrase.split([' ', '-']).filter(|w| !w.is_empty()) {
        // a word of one or two letters ("e", "wa") is a connector of a name, not English
        if w.chars().count() < 3 || !is_common_english(w) {
            return false;
        }
        any = true;
    }
    any
}

/// Whether the words at `start..end` of `text` are capitalised only by position: they
/// open the text, a line or a sentence (after . ! ? : or an opening quote or bracket that
/// does), or they stand in a title-case line — a headline: at least three other common
/// English words of four letters or more, four in five of them capitalised ("Former Afghan
/// Spies and Soldiers Turn to Islamic State"). Such a capital says nothing about a name, so
/// a place alias that is a common English word is not matched there.
pub(crate) fn capital_by_position(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let prev = before
        .chars()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '['));
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let opens = match prev {
        None => true,
        Some(c) => {
            matches!(c, '.' | '!' | '?' | ':' | '…')
                || before.get(line_start..).is_some_and(|l| {
                    l.trim_start_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
                })
        }
    };
    if opens {
        return true;
    }
    let line_end = text
        .get(end..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |i| end + i);
    let (mut long, mut caps) = (0usize, 0usize);
    let mut pos = line_start;
    for w in text
        .get(line_start..line_end)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
    {
        let (w_start, w_end) = (pos, pos + w.len());
        pos = w_end
            + text
                .get(w_end..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
        let inside = w_start < end && w_end > start;
        if !inside && w.chars().count() >= 4 && is_common_english(w) {
            long += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    long >= 3 && caps * 5 >= long * 4
}

#[cfg(test)]
mod tests {
    use super::capital_by_position;

    #[test]
    fn sentence_starts_and_headlines_are_capitals_by_position() {
        let at = |t: &str, w: &str| {
            let s = t.find(w).unwrap_or(0);
            capital_by_position(t, s, s + w.len())
        };
        assert!(at(
            "Former Afghan Spies and Soldiers Turn to Islamic State",
            "Turn"
        ));
        assert!(at("They fled. Rest came later.", "Rest"));
        assert!(at("Male is hot", "Male"));
        assert!(!at(
            "The fighters went to the capital, Male, on Monday and stayed.",
            "Male"
        ));
        let names = "Officials in Rasht and Angren, and in the Northern Areas, now Gilgit.";
        assert!(!at(names, "Northern Areas"));
    }
}
