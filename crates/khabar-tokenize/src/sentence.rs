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
    SentenceSplitter::new().split(text)
}

/// Splits text into [`Sentence`]s; [`sentences`] with a choice of segmenter.
///
/// The UAX #29 boundaries every sentence starts from come from one of two segmenters that
/// give identical output (the test suite checks this on random text): a hand-written one
/// for lines of ASCII, Latin-1 and the typographic punctuation and spaces of news text
/// (‘ ’ “ ” – — … NBSP), and
/// `unicode-segmentation`'s, the slower reference, for every other line and whenever the fast
/// path is off. Lines can be segmented on their own because UAX #29 always breaks after a
/// line break (rule SB4).
///
/// ```
/// use khabar_tokenize::SentenceSplitter;
/// let text = "Dr. Khalid spoke. He left.";
/// let fast = SentenceSplitter::new().split(text);
/// let reference = SentenceSplitter::new().ascii_fast_path(false).split(text);
/// assert_eq!(fast, reference);
/// assert_eq!(fast.len(), 2);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SentenceSplitter {
    ascii_fast_path: bool,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        SentenceSplitter::new()
    }
}

impl SentenceSplitter {
    /// A splitter with the fast path on.
    pub const fn new() -> Self {
        SentenceSplitter {
            ascii_fast_path: true,
        }
    }

    /// Turns the fast path on or off (the output is the same either way).
    pub const fn ascii_fast_path(mut self, on: bool) -> Self {
        self.ascii_fast_path = on;
        self
    }

    /// Splits `text` into sentences, as [`sentences`] documents.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        let mut merge = Merge::new(text);
        if self.ascii_fast_path {
            uax29::pieces(text, &mut |off, piece| merge.piece(off, piece));
        } else {
            for (off, piece) in text.split_sentence_bound_indices() {
                merge.piece(off, piece);
            }
        }
        merge.out
    }
}

/// Turns UAX #29 pieces, in text order, into sentences: each piece trimmed of white space
/// (a piece of white space only is dropped) is a candidate, joined to the sentence before it
/// unless [`is_boundary`] says the boundary between them stands. Both segmenters feed it.
struct Merge<'t> {
    text: &'t str,
    out: Vec<Sentence>,
}

impl<'t> Merge<'t> {
    fn new(text: &'t str) -> Self {
        Merge {
            text,
            out: Vec::with_capacity(text.len() / 100 + 1),
        }
    }

    /// The piece of the text that starts at byte `off`.
    fn piece(&mut self, off: usize, piece: &str) {
        if let Some((start, end)) = trimmed(piece) {
            self.candidate(Span::new(off + start, off + end));
        }
    }

    /// A candidate sentence: a span that starts and ends with a character that is not
    /// white space.
    fn candidate(&mut self, span: Span) {
        if let Some(prev) = self.out.last_mut() {
            if !is_boundary(self.text, prev.span, span) {
                prev.span.end = span.end;
                return;
            }
        }
        self.out.push(Sentence { span });
    }
}

/// Where `piece` trimmed of white space starts and ends (what `str::trim` leaves, found
/// without decoding when the ends are ASCII), or `None` if it is all white space.
fn trimmed(piece: &str) -> Option<(usize, usize)> {
    let bytes = piece.as_bytes();
    let first = bytes.iter().position(|&b| !is_ascii_space(b))?;
    let start = match bytes[first] {
        b if b.is_ascii() => first,
        _ => piece.len() - piece.get(first..)?.trim_start().len(),
    };
    let last = bytes.iter().rposition(|&b| !is_ascii_space(b))?;
    let end = match bytes[last] {
        b if b.is_ascii() => last + 1,
        _ => piece.get(..=last)?.trim_end().len(),
    };
    (start < end).then_some((start, end))
}

/// The ASCII characters with the Unicode White_Space property (`char::is_whitespace`).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// UAX #29 sentence boundaries for lines of ASCII, Latin-1 and typographic punctuation.
mod uax29 {
    use unicode_segmentation::UnicodeSegmentation;

    /// The UAX #29 `Sentence_Break` values that occur on a fast-path line (no `Sep`,
    /// `OLetter`, `Extend` or `Format`: a line holding one goes to the reference).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Sb {
        Cr,
        Lf,
        Sp,
        Lower,
        Upper,
        Numeric,
        ATerm,
        STerm,
        Close,
        SContinue,
        Other,
    }

    /// The category of `c`, or `None` when `c` is not on the fast path (ASCII from a table).
    #[inline]
    fn category(c: char) -> Option<Sb> {
        match ASCII_CATEGORY.get(c as usize) {
            Some(&cat) => cat,
            None => category_of(c),
        }
    }

    /// [`category_of`] for every ASCII character.
    const ASCII_CATEGORY: [Option<Sb>; 128] = {
        let mut t = [None; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = category_of(b as u8 as char);
            b += 1;
        }
        t
    };

    /// The category of `c`, or `None` when `c` is not on the fast path.
    const fn category_of(c: char) -> Option<Sb> {
        Some(match c {
            '\r' => Sb::Cr,
            '\n' => Sb::Lf,
            ' '
            | '\t'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => Sb::Sp,
            'a'..='z' | 'ª' | 'µ' | 'º' | 'ß'..='ö' | 'ø'..='ÿ' => Sb::Lower,
            'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => Sb::Upper,
            '0'..='9' => Sb::Numeric,
            '.' => Sb::ATerm,
            '!' | '?' => Sb::STerm,
            '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '‘' | '’' | '“' | '”' | '«' | '»' => {
                Sb::Close
            }
            ',' | '-' | ':' | ';' | '–' | '—' => Sb::SContinue,
            '#'
            | '$'
            | '%'
            | '&'
            | '*'
            | '+'
            | '/'
            | '<'
            | '='
            | '>'
            | '@'
            | '\\'
            | '^'
            | '_'
            | '`'
            | '|'
            | '~'
            | '…'
            | '¡'..='©'
            | '¬'
            | '®'..='´'
            | '¶'..='¹'
            | '¼'..='¿'
            | '×'
            | '÷' => Sb::Other,
            _ => return None,
        })
    }

    /// Whether a line holding `c` can be segmented by [`fast_line`].
    fn on_fast_path(c: char) -> bool {
        category(c).is_some()
    }

    /// Calls `push(offset, piece)` for every UAX #29 sentence piece of `text`, in order; the
    /// pieces tile the text.
    pub(super) fn pieces(text: &str, push: &mut impl FnMut(usize, &str)) {
        let bytes = text.as_bytes();
        let mut terminators: Vec<usize> = Vec::new();
        let mut line_start = 0;
        while line_start < text.len() {
            // One pass finds the line's end ("\n", "\r\n" or a lone "\r"), whether every
            // character on it is on the fast path, and its terminators; eight bytes at a time
            // where none of them needs a look.
            let mut fast = true;
            terminators.clear();
            let mut i = line_start;
            'line: while i < bytes.len() {
                if !has_special_at(bytes, i) {
                    i += 8;
                    continue;
                }
                let block_end = (i + 8).min(bytes.len());
                while i < block_end {
                    let b = bytes[i];
                    match BYTE_CLASS[usize::from(b)] {
                        PLAIN => {
                            if matches!(b, b'.' | b'!' | b'?') {
                                terminators.push(i - line_start);
                            }
                            i += 1;
                        }
                        LINE_END => break 'line,
                        NON_ASCII => match category_at(text, i) {
                            Some((c, _)) => {
                                fast &= on_fast_path(c);
                                i += c.len_utf8();
                            }
                            None => i += 1,
                        },
                        _ => {
                            fast = false;
                            i += 1;
                        }
                    }
                }
            }
            let i = i.min(text.len());
            let mut end = (i + 1).min(text.len());
            if bytes.get(i) == Some(&b'\r') && bytes.get(end) == Some(&b'\n') {
                end += 1;
            }
            let line = &text[line_start..end];
            if fast {
                fast_line(line, line_start, next_in(&terminators), push);
            } else {
                slow_line(line, line_start, push);
            }
            line_start = end;
        }
    }

    /// `next_terminator` for [`fast_line`] from the sorted offsets of a line's terminators.
    fn next_in(terminators: &[usize]) -> impl FnMut(usize) -> Option<usize> + '_ {
        let mut k = 0;
        move |pos| {
            while terminators.get(k).is_some_and(|&t| t < pos) {
                k += 1;
            }
            terminators.get(k).copied()
        }
    }

    /// Whether the eight bytes at `i` (fewer at the end of the text) hold one that the line
    /// scan must look at: a control character (line ends too), `!`, `.`, `?`, DEL or a
    /// non-ASCII byte. Word-at-a-time tests, each exact about whether some byte matches.
    #[inline]
    fn has_special_at(bytes: &[u8], i: usize) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let Some(block) = bytes.get(i..i + 8) else {
            return true;
        };
        let mut word = [0u8; 8];
        word.copy_from_slice(block);
        let w = u64::from_le_bytes(word);
        let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
        let zero = |c: u64| below(w ^ (ONES * c), 1);
        (w & HIGH) | below(w, 0x20) | zero(0x21) | zero(0x2E) | zero(0x3F) | zero(0x7F) != 0
    }

    /// A line that is not on the fast path: `unicode-segmentation`'s pieces.
    fn slow_line(line: &str, base: usize, push: &mut impl FnMut(usize, &str)) {
        for (off, piece) in line.split_sentence_bound_indices() {
            push(base + off, piece);
        }
    }

    const PLAIN: u8 = 0;
    const LINE_END: u8 = 1;
    const NON_ASCII: u8 = 2;
    const SLOW: u8 = 3;

    /// What the line scan does with each byte: printable ASCII and ASCII spaces are on the
    /// fast path, other control characters are not, and non-ASCII characters are decoded.
    const BYTE_CLASS: [u8; 256] = {
        let mut t = [SLOW; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = match b as u8 {
                b'\n' | b'\r' => LINE_END,
                b' '..=b'~' | b'\t' | 0x0B | 0x0C => PLAIN,
                0x80..=0xFF => NON_ASCII,
                _ => SLOW,
            };
            b += 1;
        }
        t
    };

    fn category_at(line: &str, i: usize) -> Option<(char, Sb)> {
        let c = line.get(i..)?.chars().next()?;
        Some((c, category(c).unwrap_or(Sb::Other)))
    }

    /// Segments one line (which starts at byte `base` of the text) whose characters are all
    /// on the fast path; `next_terminator(pos)` is the line offset of the first `.`, `!` or
    /// `?` at or after line offset `pos`.
    ///
    /// Inside a line only rules SB6–SB11 can apply, and they break only after a terminator
    /// ("SATerm Close* Sp*"): the scan jumps from one `.`, `!` or `?` to the next and runs the
    /// rules, character by character, only while that context lasts.
    fn fast_line(
        line: &str,
        base: usize,
        mut next_terminator: impl FnMut(usize) -> Option<usize>,
        push: &mut impl FnMut(usize, &str),
    ) {
        let mut piece_start = 0;
        let mut pos = 0;
        while let Some(t) = next_terminator(pos) {
            let Some((_, first)) = category_at(line, t) else {
                break;
            };
            // The context "SATerm Close* Sp*" before position `i`: its terminator and whether
            // a space has been seen since (rules SB8–SB11).
            let mut term = Some(first);
            let mut seen_sp = false;
            let mut prev = first;
            let mut before_prev = line
                .get(..t)
                .and_then(|head| head.chars().next_back())
                .map(|c| category(c).unwrap_or(Sb::Other));
            // SB8's look-ahead, remembered: positions up to the stop see the same answer,
            // since everything before the stop is skipped by the look-ahead.
            let mut ahead: Option<(usize, bool)> = None;
            let mut i = t + 1;
            while let Some(t_cat) = term {
                let Some((c, cur)) = category_at(line, i) else {
                    break;
                };
                // Every rule that can apply inside a line keeps the characters together,
                // but SB11.
                let sb3 = prev == Sb::Cr && cur == Sb::Lf;
                let sb6 = prev == Sb::ATerm && cur == Sb::Numeric;
                let sb7 = prev == Sb::ATerm
                    && cur == Sb::Upper
                    && matches!(before_prev, Some(Sb::Upper | Sb::Lower));
                let sb8a = matches!(cur, Sb::SContinue | Sb::STerm | Sb::ATerm);
                let sb9 = !seen_sp && matches!(cur, Sb::Close | Sb::Sp | Sb::Cr | Sb::Lf);
                let sb10 = matches!(cur, Sb::Sp | Sb::Cr | Sb::Lf);
                let keep = sb3 || sb6 || sb7 || sb8a || sb9 || sb10 || {
                    // SB8: after a full stop, no break before a lower-case continuation.
                    t_cat == Sb::ATerm
                        && match ahead {
                            Some((stop, lower)) if i <= stop => lower,
                            _ => {
                                let (stop, lower) = lookahead(line, i);
                                ahead = Some((stop, lower));
                                lower
                            }
                        }
                };
                let brk = !keep;
                if brk {
                    push(base + piece_start, &line[piece_start..i]);
                    piece_start = i;
                }
                match cur {
                    Sb::ATerm | Sb::STerm => {
                        term = Some(cur);
                        seen_sp = false;
                    }
                    Sb::Close if !seen_sp => {}
                    Sb::Sp => seen_sp = true,
                    _ => term = None,
                }
                before_prev = Some(prev);
                prev = cur;
                i += c.len_utf8();
            }
            pos = i;
        }
        if piece_start < line.len() {
            push(base + piece_start, &line[piece_start..]);
        }
    }

    /// SB8's look-ahead from byte `i`: skips everything but letters, line ends and
    /// terminators, and says whether it stopped on a lower-case letter. Returns the stop's
    /// byte offset too.
    fn lookahead(line: &str, i: usize) -> (usize, bool) {
        for (j, c) in line.get(i..).unwrap_or("").char_indices() {
            match category(c).unwrap_or(Sb::Other) {
                Sb::Lower => return (i + j, true),
                Sb::Upper | Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm => return (i + j, false),
                _ => {}
            }
        }
        (line.len(), false)
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The line breaks in the white space `gap` between two sentence candidates: one per line
/// break character, where "\r\n" and a "\r" in a gap that also holds a "\n" count nothing
/// for the "\r" (one pass over the gap).
fn line_breaks(gap: &str) -> usize {
    let (mut breaks, mut cr, mut lf) = (0, false, false);
    if gap.is_ascii() {
        for &b in gap.as_bytes() {
            match b {
                b'\r' => cr = true,
                b'\n' => {
                    lf = true;
                    breaks += 1;
                }
                0x0B | 0x0C => breaks += 1,
                _ => {}
            }
        }
        return breaks + usize::from(cr && !lf);
    }
    for c in gap.chars() {
        match c {
            '\r' => cr = true,
            '\n' => {
                lf = true;
                breaks += 1;
            }
            c if is_line_break(c) => breaks += 1,
            _ => {}
        }
    }
    breaks + usize::from(cr && !lf)
}

/// Whether the UAX #29 boundary between sentence candidates `a` and `b` stands.
fn is_boundary(text: &str, a: Span, b: Span) -> bool {
    let (Some(a_text), Some(b_text), Some(gap)) = (
        text.get(a.range()),
        text.get(b.range()),
        text.get(a.end..b.start),
    ) else {
        return true;
    };
    let breaks = line_breaks(gap);
    if breaks >= 2 {
        return true;
    }
    let first_b = match b_text.as_bytes().first() {
        Some(&c) if c.is_ascii() => char::from(c),
        _ => b_text.chars().next().unwrap_or(' '),
    };
    let last_a = match a_text.as_bytes().last() {
        Some(&c) if c.is_ascii() => char::from(c),
        _ => a_text.chars().next_back().unwrap_or(' '),
    };
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
        let b_word: &str = b_text
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return is_sentence_opener(b_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcuts of the merge agree with their plain definitions.
        #[test]
        fn trimmed_is_str_trim(piece in "[ \t\n\r\u{0B}\u{0C}\u{85}\u{a0}\u{2028}\u{3000}a.é’]{0,12}") {
            let plain = piece.trim();
            let expected = (!plain.is_empty()).then(|| {
                let start = piece.len() - piece.trim_start().len();
                (start, start + plain.len())
            });
            prop_assert_eq!(trimmed(&piece), expected);
        }

        #[test]
        fn line_breaks_count_as_defined(gap in "[ \t\n\r\u{0B}\u{0C}\u{85}\u{a0}\u{2028}\u{2029}]{0,8}") {
            let expected = gap
                .chars()
                .filter(|&c| c == '\n' || (is_line_break(c) && c != '\r'))
                .count()
                + usize::from(gap.contains('\r') && !gap.contains('\n'));
            prop_assert_eq!(super::line_breaks(&gap), expected);
        }
    }

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
