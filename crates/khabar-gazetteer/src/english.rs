//! Common English words, to keep them from becoming places.
//!
//! `data/english_words.txt` is written by `scripts/build_gazetteer.py` from the `wordfreq`
//! package (PyPI): every alphabetic English word with a Zipf frequency of at least 3.0
//! (about once per million words), minus the names of the default gazetteer's countries,
//! Afghan and Pakistani provinces, districts and towns and its hand-kept entries — so
//! "turn", "rest" and "male" are listed, "kabul" and "pakistan" are not. It is read at run
//! time without Python.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

pub(crate) static WORDS: &str = include_str!("../data/english_words.txt");

/// Every listed word.
pub(crate) fn word_list() -> impl Iterator<Item = &'static str> {
    WORDS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A 64-bit FNV-1a hasher: the word set holds short ASCII words, hashed in a few
/// instructions a byte; the set builds in half the time std's SipHash takes (a cost every
/// new process pays on its first match) and looks words up faster.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The listed words (lower-case ASCII), built on first use.
fn words() -> &'static HashSet<&'static [u8], BuildHasherDefault<Fnv>> {
    static SET: OnceLock<HashSet<&'static [u8], BuildHasherDefault<Fnv>>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HashSet::with_capacity_and_hasher(30_000, BuildHasherDefault::default());
        set.extend(word_list().map(str::as_bytes));
        set
    })
}

/// The longest listed word has 18 letters (tested); longer ASCII words are not looked up.
const LONGEST: usize = 32;

/// Whether `word` (any case) is a common English word.
///
/// An ASCII word is lower-cased on the stack; any other is lower-cased as Unicode (the
/// list is ASCII, but "\u{212A}" KELVIN SIGN lower-cases to "k").
///
/// ```
/// use khabar_gazetteer::is_common_english;
/// assert!(is_common_english("Turn") && is_common_english("rest"));
/// assert!(!is_common_english("Kabul") && !is_common_english("Rasht"));
/// ```
pub fn is_common_english(word: &str) -> bool {
    if word.is_ascii() {
        let mut buf = [0u8; LONGEST];
        let Some(low) = buf.get_mut(..word.len()) else {
            return false;
        };
        low.copy_from_slice(word.as_bytes());
        low.make_ascii_lowercase();
        return words().contains(&*low);
    }
    words().contains(word.to_lowercase().as_bytes())
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

#[cfg(test)]
mod search_tests {
    use super::*;
    use proptest::prelude::*;
    /// The reference: the listed words in a set, looked up lower-cased.
    fn reference(word: &str) -> bool {
        static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
        SET.get_or_init(|| word_list().collect())
            .contains(word.to_lowercase().as_str())
    }

    #[test]
    fn the_list_is_lower_case_ascii() {
        let words: Vec<&str> = word_list().collect();
        assert!(words.len() > 10_000);
        assert!(
            words.windows(2).all(|p| p[0] < p[1]),
            "english_words.txt is not sorted"
        );
        assert!(words.iter().all(|w| !w.is_empty()
            && w.len() <= LONGEST
            && w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn every_listed_word_is_found_in_any_case() {
        for w in word_list() {
            assert!(is_common_english(w), "{w}");
            assert!(is_common_english(&w.to_uppercase()), "{w}");
        }
        for w in ["", "#", "kabul", "zzzzzz", "aaaaa", "\u{212A}abul"] {
            assert_eq!(is_common_english(w), reference(w), "{w:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// The stack-lower-cased, FNV-hashed look-up finds exactly what the reference finds.
        #[test]
        fn search_equals_the_set(
            w in "[a-zA-Z]{0,8}|\\PC{0,6}",
            listed in prop::sample::select(word_list().collect::<Vec<_>>()),
            cut in 0usize..4,
        ) {
            prop_assert_eq!(is_common_english(&w), reference(&w));
            let near = &listed[..listed.len().saturating_sub(cut)];
            prop_assert_eq!(is_common_english(near), reference(near));
            let longer = format!("{listed}{w}");
            prop_assert_eq!(is_common_english(&longer), reference(&longer));
        }
    }
}
