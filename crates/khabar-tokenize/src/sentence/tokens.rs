//! The UAX #29 sentence pieces of a text read from its tokens, for
//! [`SentenceSplitter::split_tokens`](super::SentenceSplitter::split_tokens).
//!
//! The tokenizer's tokens cover every character that is not white space and no white space,
//! so every line break lies in a gap between two tokens, and a gap of one space (most of
//! them) holds nothing to look at. Tokens joined by nothing or one space form a run; a run
//! is scanned eight bytes at a time for the only bytes the line segmenter needs to see: the
//! terminators `.` `!` `?` (where the fast path's rules start), non-ASCII characters and
//! control characters (whether the line is on the fast path). Each line then goes to the same
//! segmenters as in [`uax29::pieces`](super::uax29::pieces), with the terminators found: a
//! line on the fast path without a terminator is one piece, its first token to its last.
//!
//! Tokens that do not tile the text that way (out of order, off `char` boundaries, holding
//! white space, or leaving other characters between them) are a [`Mismatch`]; the caller
//! then splits the text itself, so the sentences are the same for any tokens.

use super::Merge;
use super::uax29::{fast_line, on_fast_path, slow_line};
use crate::{Span, Token};

/// The tokens are not a tiling of the text's characters that are not white space.
pub(super) struct Mismatch;

/// Reads `text`'s sentence pieces through `tokens` into `merge`, line by line.
///
/// Tokens joined by nothing or by one space form a run, scanned in one go; the gaps
/// between runs are read for their line breaks.
pub(super) fn pieces(text: &str, tokens: &[Token], merge: &mut Merge<'_>) -> Result<(), Mismatch> {
    let bytes = text.as_bytes();
    let mut line = Line::new();
    let mut run_start: Option<usize> = None;
    let mut prev_end = 0;
    for token in tokens {
        // (`char` boundaries are checked by the scans: a token that starts or ends inside a
        // character has a continuation byte that does not decode, or overshoots its end.)
        let Span { start, end } = token.span;
        if start < prev_end || start >= end {
            return Err(Mismatch);
        }
        let joined = start == prev_end || (start == prev_end + 1 && bytes[prev_end] == b' ');
        if !joined || run_start.is_none() {
            if let Some(from) = run_start {
                line.run(text, from, prev_end)?;
            }
            line.gap(text, prev_end, start, merge)?;
            run_start = Some(start);
        }
        prev_end = end;
    }
    if let Some(from) = run_start {
        line.run(text, from, prev_end)?;
    }
    line.gap(text, prev_end, text.len(), merge)?;
    line.finish(text, text.len(), merge)
}

/// What the scan of a run does with each of its bytes.
const PLAIN: u8 = 0;
/// `.` `!` `?`: where the fast path's rules start.
const TERMINATOR: u8 = 1;
/// The first byte of a character to decode.
const NON_ASCII: u8 = 2;
/// An ASCII control character that is not white space: the line leaves the fast path.
const CONTROL: u8 = 3;
/// ASCII white space but the space: inside a run, a [`Mismatch`].
const SPACE: u8 = 4;

const RUN_BYTE: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'.' | b'!' | b'?' => TERMINATOR,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => SPACE,
            0x00..=0x1F | 0x7F => CONTROL,
            0x80..=0xFF => NON_ASCII,
            _ => PLAIN,
        };
        b += 1;
    }
    t
};

/// Whether any of the eight bytes in `w` is not [`PLAIN`] in [`RUN_BYTE`]: a control
/// character (below 0x20), `!`, `.`, `?`, DEL or a non-ASCII byte (the classic word-at-a-time
/// tests; each is exact about whether some byte matches).
#[inline]
fn has_special(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let zero = |c: u64| below(w ^ (ONES * c), 1);
    (w & HIGH) | below(w, 0x20) | zero(0x21) | zero(0x2E) | zero(0x3F) | zero(0x7F) != 0
}

/// The line being read: where it starts, whether it is on the fast path, its first and
/// last token, and its terminators (offsets from the line's start).
struct Line {
    start: usize,
    fast: bool,
    first: Option<usize>,
    last_end: usize,
    terminators: Vec<usize>,
}

impl Line {
    fn new() -> Self {
        Line {
            start: 0,
            fast: true,
            first: None,
            last_end: 0,
            terminators: Vec::new(),
        }
    }

    /// The run of tokens `start..end` of the line: notes its terminators and whether its
    /// characters are on the fast path, eight bytes at a time where none needs a look.
    fn run(&mut self, text: &str, start: usize, end: usize) -> Result<(), Mismatch> {
        let bytes = text.as_bytes();
        let mut i = start;
        while i < end {
            if let Some(block) = bytes.get(i..i + 8).filter(|_| i + 8 <= end) {
                let mut w = [0u8; 8];
                w.copy_from_slice(block);
                if !has_special(u64::from_le_bytes(w)) {
                    i += 8;
                    continue;
                }
            }
            // Byte by byte to the end of the block.
            let stop = (i + 8).min(end);
            while i < stop {
                let b = *bytes.get(i).ok_or(Mismatch)?;
                match RUN_BYTE[usize::from(b)] {
                    PLAIN => i += 1,
                    TERMINATOR => {
                        self.terminators.push(i - self.start);
                        i += 1;
                    }
                    NON_ASCII => {
                        let c = char_at(text, i)?;
                        if c.is_whitespace() {
                            return Err(Mismatch);
                        }
                        self.fast &= on_fast_path(c);
                        i += c.len_utf8();
                    }
                    CONTROL => {
                        self.fast = false;
                        i += 1;
                    }
                    _ => return Err(Mismatch),
                }
            }
        }
        if i != end {
            return Err(Mismatch);
        }
        self.first.get_or_insert(start);
        self.last_end = end;
        Ok(())
    }

    /// The gap `from..to` between two tokens (or before the first, or after the last): white
    /// space, where every line break ends the line.
    fn gap(
        &mut self,
        text: &str,
        from: usize,
        to: usize,
        merge: &mut Merge<'_>,
    ) -> Result<(), Mismatch> {
        let bytes = text.as_bytes();
        let mut i = from;
        while i < to {
            let Some(&b) = bytes.get(i) else {
                return Err(Mismatch);
            };
            match b {
                b' ' | b'\t' | 0x0B | 0x0C => i += 1,
                b'\n' | b'\r' => {
                    i += 1;
                    if b == b'\r' && bytes.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                    self.finish(text, i, merge)?;
                }
                0x80..=0xFF => {
                    let c = char_at(text, i)?;
                    if !c.is_whitespace() {
                        return Err(Mismatch);
                    }
                    self.fast &= on_fast_path(c);
                    i += c.len_utf8();
                }
                _ => return Err(Mismatch),
            }
        }
        Ok(())
    }

    /// Ends the line at byte `end` (after its line break, if any), hands its pieces to
    /// `merge` and starts the next line there. A line without tokens is white space only:
    /// it has no sentence pieces to hand on.
    fn finish(&mut self, text: &str, end: usize, merge: &mut Merge<'_>) -> Result<(), Mismatch> {
        if let (Some(first), Some(line)) = (self.first, text.get(self.start..end)) {
            // A run holds spaces only between its tokens: the line's first and last token
            // must not start or end with one.
            let bytes = text.as_bytes();
            if bytes.get(first) == Some(&b' ') || bytes.get(self.last_end - 1) == Some(&b' ') {
                return Err(Mismatch);
            }
            if self.fast && self.terminators.is_empty() {
                // The fast path breaks a line only after a terminator: one piece.
                merge.candidate(Span::new(first, self.last_end));
            } else if !self.fast {
                slow_line(line, self.start, &mut |off, piece| merge.piece(off, piece));
            } else {
                let terminators = &self.terminators;
                let mut k = 0;
                let next_terminator = |pos: usize| {
                    while terminators.get(k).is_some_and(|&t| t < pos) {
                        k += 1;
                    }
                    terminators.get(k).copied()
                };
                let mut push = |off: usize, piece: &str| merge.piece(off, piece);
                fast_line(line, self.start, next_terminator, &mut push);
            }
        }
        self.start = end;
        self.fast = true;
        self.first = None;
        self.terminators.clear();
        Ok(())
    }
}

/// The character at byte `i` of `text` (a `char` boundary).
fn char_at(text: &str, i: usize) -> Result<char, Mismatch> {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .ok_or(Mismatch)
}
