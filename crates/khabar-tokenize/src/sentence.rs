//! Sentence segmentation: UAX #29 sentence boundaries, corrected for news text.

use crate::Span;
use crate::abbrev::{AbbrevClass, abbreviation, is_initialism, is_sentence_opener};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// One sentence: a byte span of the original text, without surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is in the original text (bytes).
    pub span: Span,
}

impl Sentence {
    /// The sentence's text, sliced from the text it was produced from (`""` if it does not fit).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text).unwrap_or("")
    }
}

/// Splits `text` into sentences.
///
/// Starts from UAX #29 sentence boundaries (which already keep closing quotes and brackets
/// with the sentence they close, and break after every line break) and corrects them:
///
/// * no boundary after a title ("Dr.", "Lt.", "Gen.", "Mr.") — "Dr. Shahab al-Muhajer";
/// * no boundary after an initialism or initial ("U.S.", "a.k.a.", "J.") unless a common
///   sentence opener ("The", "He", "But", …) follows;
/// * no boundary after a month abbreviation ("Oct.") or a number ("March 18.") when a
///   number follows;
/// * no boundary after other abbreviations ("etc.", "Inc.") unless a capitalised word follows;
/// * a single line break inside a sentence (the next line starts with a lower-case letter,
///   or the line ends with a hyphen) is not a boundary; a blank line always is, and so is a
///   line break before any other line, which is how headlines and datelines stay apart.
///
/// ```
/// use khabar_tokenize::sentences;
/// let text = "ISIS-K elected Dr. Shahab al-Muhajer as its Emir. U.S.-trained forces left.\n\nOutlook\nSince 2015 it grew.";
/// let got: Vec<&str> = sentences(text).iter().map(|s| s.text(text)).collect();
/// assert_eq!(got, [
///     "ISIS-K elected Dr. Shahab al-Muhajer as its Emir.",
///     "U.S.-trained forces left.",
///     "Outlook",
///     "Since 2015 it grew.",
/// ]);
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for (off, piece) in text.split_sentence_bound_indices() {
        let trimmed_start = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            continue;
        }
        let span = Span::new(off + trimmed_start, off + trimmed_start + trimmed.len());
        if let Some(prev) = out.last_mut() {
            if !is_boundary(text, prev.span, span) {
                prev.span.end = span.end;
                continue;
            }
        }
        out.push(Sentence { span });
    }
    out
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whether the UAX #29 boundary between sentence candidates `a` and `b` stands.
fn is_boundary(text: &str, a: Span, b: Span) -> bool {
    let a_text = &text[a.range()];
    let b_text = &text[b.range()];
    let gap = &text[a.end..b.start];
    let first_b = b_text.chars().next().unwrap_or(' ');

    let breaks = gap
        .chars()
        .filter(|&c| c == '\n' || (is_line_break(c) && c != '\r'))
        .count()
        + usize::from(gap.contains('\r') && !gap.contains('\n'));
    if breaks >= 2 {
        return true;
    }
    let last_a = a_text.chars().next_back().unwrap_or(' ');
    if breaks == 1 {
        let terminal = matches!(last_a, '.' | '!' | '?' | ':' | '"' | '”' | '’' | ')');
        let continues = first_b.is_lowercase() || (matches!(last_a, '-' | '‐' | '‑') && !terminal);
        return terminal || !continues;
    }
    if last_a != '.' {
        return true;
    }
    // The word before the final period.
    let body = &a_text[..a_text.len() - 1];
    let word_start = body
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = body[word_start..].trim_start_matches('.');
    let b_word: &str = b_text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let month_or_number = abbreviation(word) == Some(AbbrevClass::Month)
        || (!word.is_empty() && word.bytes().all(|c| c.is_ascii_digit()));
    if first_b.is_ascii_digit() && month_or_number {
        return false;
    }
    match abbreviation(word) {
        Some(AbbrevClass::Title) => return false,
        Some(AbbrevClass::Other | AbbrevClass::Month) => {
            return first_b.is_uppercase() || !first_b.is_alphanumeric();
        }
        None => {}
    }
    if is_initialism(word) {
        return is_sentence_opener(b_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn titles_and_initialisms() {
        assert_eq!(
            split("explains Lt General Abdul Hadi Khalid, a researcher. Next one."),
            [
                "explains Lt General Abdul Hadi Khalid, a researcher.",
                "Next one."
            ]
        );
        assert_eq!(
            split("Lt. Gen. Khalid spoke. He left."),
            ["Lt. Gen. Khalid spoke.", "He left."]
        );
        assert_eq!(
            split("Nabeel Ahmed (a.k.a. Abu Abdullah) said."),
            ["Nabeel Ahmed (a.k.a. Abu Abdullah) said."]
        );
        assert_eq!(
            split("in the U.S. The next day"),
            ["in the U.S.", "The next day"]
        );
        assert_eq!(split("the U.S. Army said"), ["the U.S. Army said"]);
    }

    #[test]
    fn quotes_and_brackets_close_sentences() {
        assert_eq!(
            split("“It is finished.” He said so (The News, March 18. 2017). Then more."),
            [
                "“It is finished.”",
                "He said so (The News, March 18. 2017).",
                "Then more."
            ]
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            split("Headline here\nBody starts. Ends."),
            ["Headline here", "Body starts.", "Ends."]
        );
        assert_eq!(
            split("a wrapped\nline of text."),
            ["a wrapped\nline of text."]
        );
        assert_eq!(
            split("Dasht-e-\nBarchi is west."),
            ["Dasht-e-\nBarchi is west."]
        );
        assert_eq!(split("Para one\r\n\r\nPara two"), ["Para one", "Para two"]);
        assert_eq!(split("  \n "), Vec::<&str>::new());
    }
}
