//! A folded view of a text and the map from the folded view back to the original.
//!
//! Matching is done on folded text — case-folded, typographic variants made ASCII, runs of
//! whitespace collapsed — but results must point into the original. [`fold`] returns both
//! the folded string and an [`OffsetMap`] that turns any folded span into the exact original
//! span it came from.

use crate::Span;
use caseless::Caseless;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What [`fold`] does to the text. The default is what khabar's matchers use: case folding,
/// typographic folding and whitespace collapsing on, diacritic removal off.
///
/// Typographic folding is always on: ’ ‘ ‛ ′ ʼ ＇ → `'`; “ ” „ ‟ ″ ＂ → `"`; every dash and
/// hyphen (U+2010–U+2015, U+2212, U+FE58, U+FE63, U+FF0D) → `-`; the invisible soft hyphen,
/// zero-width space, word joiner and BOM are removed, and so are the bidirectional controls
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FoldOptions {
    /// Apply Unicode default (full) case folding: "ISIS" → "isis", "Straße" → "strasse".
    pub case_fold: bool,
    /// Remove diacritics: decompose (NFD) and drop combining marks, "Kunaṟ" → "kunar".
    pub strip_diacritics: bool,
    /// Replace every run of whitespace (space, tab, NBSP, line breaks, …) by one ASCII space.
    pub collapse_whitespace: bool,
}

impl Default for FoldOptions {
    fn default() -> Self {
        FoldOptions {
            case_fold: true,
            strip_diacritics: false,
            collapse_whitespace: true,
        }
    }
}

impl FoldOptions {
    /// The default options with diacritic removal switched on or off.
    pub fn with_strip_diacritics(mut self, yes: bool) -> Self {
        self.strip_diacritics = yes;
        self
    }
}

/// A folded copy of a text with the map back to the original.
///
/// ```
/// use khabar_tokenize::{fold, FoldOptions, Span};
/// let text = "IS –K in Kunaṟ";
/// let folded = fold(text, FoldOptions::default().with_strip_diacritics(true));
/// assert_eq!(folded.as_str(), "is -k in kunar");
/// // "kunar" in the folded text is "Kunaṟ" in the original.
/// let at = folded.as_str().find("kunar").unwrap();
/// let original = folded.to_original(Span::new(at, at + 5));
/// assert_eq!(&text[original.range()], "Kunaṟ");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Folded {
    text: String,
    map: OffsetMap,
}

impl Folded {
    /// The folded text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The map from folded positions to original positions.
    #[inline]
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// The original span that a span of the folded text came from. See [`OffsetMap::to_original`].
    #[inline]
    pub fn to_original(&self, span: Span) -> Span {
        self.map.to_original(span)
    }

    /// Consumes the view, returning the folded text and the map.
    pub fn into_parts(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

/// One piece of the map: folded bytes from `folded` up to the next segment's start come from
/// original bytes starting at `orig`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Segment {
    folded: usize,
    orig: usize,
    /// For a pinned segment: the end of the one original character it came from. For a
    /// linear segment: `usize::MAX`.
    orig_end: usize,
}

impl Segment {
    #[inline]
    fn is_linear(&self) -> bool {
        self.orig_end == usize::MAX
    }
}

/// Maps positions of a folded text back to the original text (and forward).
///
/// The folded text is cut into segments. In a *linear* segment, folded byte `f` came from
/// original byte `orig + (f - folded)` (the characters kept their byte length). In a *pinned*
/// segment the folded bytes are the expansion of one original character (e.g. "ß" → "ss",
/// "İ" → "i̇", NBSP → " "), and every position in it maps to that character. Deleted characters
/// (soft hyphens, extra whitespace in a collapsed run) own no folded bytes.
///
/// Guarantees, for any text and options: `to_original_start` and `to_original_end` are
/// monotone, land on `char` boundaries of the original and never exceed the original length. The map is compact: one segment per change of byte
/// length, so pure-ASCII text has one segment per collapsed whitespace run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    folded_len: usize,
    orig_len: usize,
}

impl OffsetMap {
    fn new() -> Self {
        OffsetMap {
            segments: vec![Segment {
                folded: 0,
                orig: 0,
                orig_end: usize::MAX,
            }],
            folded_len: 0,
            orig_len: 0,
        }
    }

    /// Records that original char `orig..orig_end` became the folded bytes starting at
    /// `folded` (up to the next record's start).
    #[inline]
    fn push(&mut self, orig: usize, orig_end: usize, folded: usize, same_len: bool) {
        // The last segment always exists (created in `new`).
        let last = self.segments[self.segments.len() - 1];
        let continues_linear =
            same_len && last.is_linear() && last.orig + (folded - last.folded) == orig;
        if !continues_linear {
            let seg = if same_len {
                Segment {
                    folded,
                    orig,
                    orig_end: usize::MAX,
                }
            } else {
                Segment {
                    folded,
                    orig,
                    orig_end,
                }
            };
            // A segment that owns no folded bytes (deleted character, or nothing yet) is
            // replaced rather than kept.
            if last.folded == folded {
                let n = self.segments.len();
                self.segments[n - 1] = seg;
            } else {
                self.segments.push(seg);
            }
        }
    }

    /// Records a deleted original character ending at `orig_end`: the next folded byte
    /// comes from after it.
    #[inline]
    fn skip(&mut self, folded: usize, orig_end: usize) {
        let seg = Segment {
            folded,
            orig: orig_end,
            orig_end: usize::MAX,
        };
        let n = self.segments.len();
        if self.segments[n - 1].folded == folded {
            self.segments[n - 1] = seg;
        } else {
            self.segments.push(seg);
        }
    }

    /// Index of the segment owning folded byte `f` (the last segment starting at or before it).
    #[inline]
    fn segment_at(&self, f: usize) -> &Segment {
        let i = self.segments.partition_point(|s| s.folded <= f);
        // segments[0].folded == 0 <= f, so i >= 1.
        &self.segments[i.saturating_sub(1)]
    }

    /// Length of the folded text.
    pub fn folded_len(&self) -> usize {
        self.folded_len
    }

    /// Length of the original text.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    /// Number of segments (a measure of how much folding changed lengths).
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// The original position where the folded character at `f` begins. Positions past the
    /// end clamp to the original length; a position inside an expansion snaps to the start of
    /// the original character.
    pub fn to_original_start(&self, f: usize) -> usize {
        if f >= self.folded_len {
            return self.orig_len;
        }
        let s = self.segment_at(f);
        if s.is_linear() {
            s.orig + (f - s.folded)
        } else {
            s.orig
        }
    }

    /// The original position where a folded range ending (exclusively) at `f` ends. A position
    /// inside an expansion snaps to the end of the original character.
    pub fn to_original_end(&self, f: usize) -> usize {
        if f == 0 {
            return 0;
        }
        let f = f.min(self.folded_len);
        let s = self.segment_at(f - 1);
        if s.is_linear() {
            s.orig + (f - s.folded)
        } else {
            s.orig_end
        }
    }

    /// The original span a folded span came from: it starts where the first folded character
    /// came from and ends where the last one's original character ends.
    pub fn to_original(&self, span: Span) -> Span {
        if span.is_empty() {
            let p = self.to_original_start(span.start);
            return Span::new(p, p);
        }
        let start = self.to_original_start(span.start);
        let end = self.to_original_end(span.end).max(start);
        Span::new(start, end)
    }

    /// The folded position of original position `o` (a `char` boundary of the original). A
    /// deleted character maps to where the next kept character starts.
    pub fn to_folded(&self, o: usize) -> usize {
        if o >= self.orig_len {
            return self.folded_len;
        }
        // Last segment whose original start is <= o.
        let i = self
            .segments
            .partition_point(|s| s.orig <= o)
            .saturating_sub(1);
        let s = &self.segments[i];
        let next_folded = self
            .segments
            .get(i + 1)
            .map_or(self.folded_len, |n| n.folded);
        if o < s.orig {
            // Before the first kept character (the text starts with deleted characters).
            s.folded
        } else if s.is_linear() {
            (s.folded + (o - s.orig)).min(next_folded)
        } else if o == s.orig {
            s.folded
        } else {
            next_folded
        }
    }
}

/// Typographic folding of one non-ASCII character: its ASCII replacement, `Some("")` to delete
/// it, or `None` to keep it.
#[inline]
fn typographic(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        // Invisible: soft hyphen, zero-width space, word joiner, BOM, and the bidirectional
        // marks, embeddings and isolates that right-to-left pages put around words.
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => "",
        _ => return None,
    })
}

/// Folds one non-ASCII, non-whitespace character into `out`.
#[inline]
fn fold_non_ascii(c: char, opts: FoldOptions, out: &mut String) {
    if let Some(rep) = typographic(c) {
        out.push_str(rep);
        return;
    }
    if opts.strip_diacritics && is_combining_mark(c) {
        return;
    }
    match (opts.case_fold, opts.strip_diacritics) {
        (false, false) => out.push(c),
        (true, false) => out.extend(std::iter::once(c).default_case_fold()),
        (false, true) => out.extend(std::iter::once(c).nfd().filter(|&m| !is_combining_mark(m))),
        (true, true) => out.extend(
            std::iter::once(c)
                .default_case_fold()
                .nfd()
                .filter(|&m| !is_combining_mark(m)),
        ),
    }
}

/// Folds `text` and returns the folded text with its map back to the original.
pub fn fold(text: &str, opts: FoldOptions) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::new();
    let mut in_space = false;
    for (o, c) in text.char_indices() {
        let clen = c.len_utf8();
        let f = out.len();
        if opts.collapse_whitespace && c.is_whitespace() {
            if in_space {
                map.skip(f, o + clen);
                continue;
            }
            in_space = true;
            out.push(' ');
            map.push(o, o + clen, f, clen == 1);
            continue;
        }
        in_space = false;
        if c.is_ascii() {
            out.push(if opts.case_fold {
                c.to_ascii_lowercase()
            } else {
                c
            });
            map.push(o, o + 1, f, true);
            continue;
        }
        fold_non_ascii(c, opts, &mut out);
        let f_end = out.len();
        if f_end == f {
            map.skip(f, o + clen);
        } else {
            // Linear only if the character folded to exactly one character of equal length.
            let same = f_end - f == clen && out[f..].chars().count() == 1;
            map.push(o, o + clen, f, same);
        }
    }
    map.folded_len = out.len();
    map.orig_len = text.len();
    Folded { text: out, map }
}

/// Folds a short string with the default options (no whitespace collapsing), borrowing it
/// when nothing changes. This is how tokens get their normalized form.
///
/// ```
/// use khabar_tokenize::fold_str;
/// assert_eq!(fold_str("Afghanistan’s"), "afghanistan's");
/// assert_eq!(fold_str("Nangarhar"), "nangarhar");
/// assert!(matches!(fold_str("kabul"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn fold_str(s: &str) -> Cow<'_, str> {
    fold_str_with(
        s,
        FoldOptions {
            collapse_whitespace: false,
            ..FoldOptions::default()
        },
    )
}

/// Folds a string with the given options, without building a map; borrows when unchanged.
pub fn fold_str_with(s: &str, opts: FoldOptions) -> Cow<'_, str> {
    let needs = s.bytes().any(|b| {
        !b.is_ascii()
            || (opts.case_fold && b.is_ascii_uppercase())
            || (opts.collapse_whitespace && (b.is_ascii_whitespace() || b == 0x0B))
    });
    if !needs {
        return Cow::Borrowed(s);
    }
    if opts.collapse_whitespace {
        return Cow::Owned(fold(s, opts).text);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if opts.case_fold {
                c.to_ascii_lowercase()
            } else {
                c
            });
        } else {
            fold_non_ascii(c, opts, &mut out);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orig_of<'a>(text: &'a str, folded: &Folded, needle: &str) -> &'a str {
        let at = folded.as_str().find(needle).expect("needle in folded text");
        let sp = folded.to_original(Span::new(at, at + needle.len()));
        &text[sp.range()]
    }

    #[test]
    fn typographic_and_case() {
        let text = "ISK-P’s “finished” — IS –K";
        let f = fold(text, FoldOptions::default());
        assert_eq!(f.as_str(), "isk-p's \"finished\" - is -k");
        assert_eq!(orig_of(text, &f, "p's"), "P’s");
        assert_eq!(orig_of(text, &f, "\"finished\""), "“finished”");
        assert_eq!(orig_of(text, &f, "is -k"), "IS –K");
    }

    #[test]
    fn whitespace_runs_and_line_breaks() {
        let text = "Dasht-e-\r\n  Barchi\u{a0}\u{a0}area";
        let f = fold(text, FoldOptions::default());
        assert_eq!(f.as_str(), "dasht-e- barchi area");
        assert_eq!(orig_of(text, &f, "e- barchi"), "e-\r\n  Barchi");
        assert_eq!(orig_of(text, &f, "barchi area"), "Barchi\u{a0}\u{a0}area");
    }

    #[test]
    fn expansions_snap_to_whole_characters() {
        let text = "Straße İstanbul";
        let f = fold(text, FoldOptions::default());
        assert_eq!(f.as_str(), "strasse i\u{307}stanbul");
        assert_eq!(orig_of(text, &f, "strasse"), "Straße");
        // Half of an expansion maps to the whole original character.
        assert_eq!(orig_of(text, &f, "stras"), "Straß");
        assert_eq!(orig_of(text, &f, "stanbul"), "stanbul");
    }

    #[test]
    fn diacritics() {
        let text = "Kunaṟ and Kuna\u{0331}r";
        let f = fold(text, FoldOptions::default().with_strip_diacritics(true));
        assert_eq!(f.as_str(), "kunar and kunar");
        let f2 = fold(text, FoldOptions::default());
        assert_eq!(f2.as_str(), "kunaṟ and kuna\u{0331}r");
    }

    #[test]
    fn deletions() {
        let text = "Bar\u{ad}chi";
        let f = fold(text, FoldOptions::default());
        assert_eq!(f.as_str(), "barchi");
        assert_eq!(orig_of(text, &f, "barchi"), text);
        assert_eq!(orig_of(text, &f, "bar"), "Bar");
        assert_eq!(orig_of(text, &f, "chi"), "chi");
        assert_eq!(f.map().to_folded(3), 3);
        assert_eq!(f.map().to_folded(5), 3);
    }

    #[test]
    fn ascii_text_is_one_segment() {
        let f = fold("The Islamic State Khorasan", FoldOptions::default());
        assert_eq!(f.map().segment_count(), 1);
    }

    #[test]
    fn fold_str_borrows_when_unchanged() {
        assert!(matches!(fold_str("isis-k"), Cow::Borrowed(_)));
        assert_eq!(fold_str("ISIS–K"), "isis-k");
    }
}
