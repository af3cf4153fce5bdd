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
}
