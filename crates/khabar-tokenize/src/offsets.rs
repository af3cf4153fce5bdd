//! Byte offsets to code-point offsets, for bindings whose strings count code points (Python).

/// Converts byte offsets of one text into `char` (code point) offsets.
///
/// Building it is O(n) in the text (and free for ASCII text, where both are equal); each
/// lookup is O(1) plus a scan of at most one 64-byte block, so converting every span of a
/// document is linear overall whatever order the offsets come in.
///
/// ```
/// use khabar_tokenize::CharOffsets;
/// let text = "Kunaṟ’s 4,000";
/// let conv = CharOffsets::new(text);
/// let byte = text.find("4,000").unwrap();
/// assert_eq!(byte, 12);
/// assert_eq!(conv.char_offset(byte), Some(8));
/// assert_eq!(conv.char_offset(5), None); // inside "ṟ"
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `blocks[k]` = number of chars starting before byte `64 * k`. Empty for ASCII text.
    blocks: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'a> CharOffsets<'a> {
    /// Prepares conversion for `text`.
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharOffsets {
                text,
                blocks: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0usize;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            // A byte starts a char unless it is a UTF-8 continuation byte (10xxxxxx).
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count();
        }
        blocks.push(count);
        CharOffsets { text, blocks }
    }

    /// Whether the text is pure ASCII (byte and char offsets coincide).
    pub fn is_ascii(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The char offset of byte offset `byte`, or `None` if `byte` is past the end or not on a
    /// `char` boundary.
    #[inline]
    pub fn char_offset(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        if self.blocks.is_empty() {
            return Some(byte);
        }
        let k = byte / BLOCK;
        let base = self.blocks[k];
        let from = k * BLOCK;
        let extra = self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        Some(base + extra)
    }

    /// Converts a byte span; `None` if either end is invalid.
    #[inline]
    pub fn char_span(&self, span: crate::Span) -> Option<(usize, usize)> {
        Some((self.char_offset(span.start)?, self.char_offset(span.end)?))
    }
}

/// Converts byte offsets of one text into `char` offsets by counting the chars between one
/// offset and the next: no table over the whole text, so converting the few spans of a long
/// text costs only the bytes between them. Linear in the distance moved, forwards or back;
/// offsets in text order (a matcher's results) cost one pass up to the last one.
/// [`CharOffsets`] is the reference it agrees with (see the property tests).
///
/// ```
/// use khabar_tokenize::CharCursor;
/// let text = "Kunaṟ’s 4,000";
/// let mut cur = CharCursor::new(text);
/// assert_eq!(cur.char_offset(12), Some(8));
/// assert_eq!(cur.char_offset(5), None); // inside "ṟ"
/// assert_eq!(cur.char_offset(3), Some(3)); // backwards is fine too
/// ```
#[derive(Clone, Debug)]
pub struct CharCursor<'a> {
    text: &'a str,
    /// The last byte offset converted (a char boundary) and its char offset.
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of byte offset `byte`, or `None` if `byte` is past the end or not on a
    /// `char` boundary.
    pub fn char_offset(&mut self, byte: usize) -> Option<usize> {
        if byte >= self.byte {
            self.chars += self.text.get(self.byte..byte)?.chars().count();
        } else {
            self.chars -= self.text.get(byte..self.byte)?.chars().count();
        }
        self.byte = byte;
        Some(self.chars)
    }

    /// Converts a byte span; `None` if either end is invalid.
    pub fn char_span(&mut self, span: crate::Span) -> Option<(usize, usize)> {
        Some((self.char_offset(span.start)?, self.char_offset(span.end)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices() {
        let text = "a’b 🇦🇫 دولت e\u{301} 中文 x".repeat(9);
        let conv = CharOffsets::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(conv.char_offset(bi), Some(ci));
        }
        assert_eq!(conv.char_offset(text.len()), Some(text.chars().count()));
        assert_eq!(conv.char_offset(text.len() + 1), None);
    }

    #[test]
    fn cursor_matches_char_indices_both_ways() {
        let text = "a’b 🇦🇫 دولت e\u{301} 中文 x".repeat(3);
        let mut cur = CharCursor::new(&text);
        let all: Vec<(usize, usize)> = text.char_indices().map(|(b, _)| b).enumerate().collect();
        for &(ci, bi) in all.iter().chain(all.iter().rev()) {
            assert_eq!(cur.char_offset(bi), Some(ci));
        }
        assert_eq!(cur.char_offset(2), None); // inside "’"
        assert_eq!(cur.char_offset(text.len() + 1), None);
        assert_eq!(cur.char_offset(text.len()), Some(text.chars().count()));
    }
}
