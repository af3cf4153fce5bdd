//! Tokens and their kinds.

use crate::Span;
use crate::fold::fold_str;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// What a token is. Decided from the token's characters after tailoring; see the crate docs
/// for the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (any script), possibly with inner apostrophes or dots: "Kabul", "wasn", "U.S.",
    /// "Lt.", "al", "MH17", a clitic such as "’s" or "n’t".
    Word,
    /// Starts with a digit: "4,000", "1.5", "2018", "21st", "1990s", "5bn".
    Number,
    /// A clock time in digits: "11:58", "08:30:15".
    Time,
    /// A calendar date in digits: "26/1/2018", "2018-01-26", "26.1.2018".
    Date,
    /// A URL: `https://example.org/a?b=c`, `www.example.org`, `thenational.ae`.
    Url,
    /// An e-mail address: "press@example.org".
    Email,
    /// A hashtag: "#Kabul".
    Hashtag,
    /// A handle: "@UN".
    Mention,
    /// Punctuation: ". , ; : ! ? ' \" ( ) [ ] - – — …" and their typographic variants.
    Punct,
    /// Anything else that is not whitespace: "$", "%", "€", "+", "©", emoji.
    Symbol,
}

impl TokenKind {
    /// The kind's name as used in serialized output and in Python: `"word"`, `"number"`, ….
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Time => "time",
            TokenKind::Date => "date",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
        }
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One token: a byte span into the original text and a kind.
///
/// Tokens do not own their text; ask for it with [`Token::text`] and for the normalized form
/// with [`Token::norm`], passing the text the token came from.
///
/// ```
/// use khabar_tokenize::{tokenize, TokenKind};
/// let text = "ISK-P’s 4,000 fighters";
/// let tokens = tokenize(text);
/// let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["ISK", "-", "P", "’s", "4,000", "fighters"]);
/// assert_eq!(tokens[3].norm(text), "'s");
/// assert_eq!(tokens[4].kind, TokenKind::Number);
/// assert_eq!(tokens[4].norm(text), "4000");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is in the original text (bytes).
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text, sliced from the text it was produced from.
    ///
    /// Returns `""` if `text` is not that text and the span does not fit it.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text).unwrap_or("")
    }

    /// The normalized form: Unicode case folding and typographic folding (’ → ', “ → ",
    /// dashes → -), and for numbers the thousands separators removed ("4,000" → "4000").
    /// Borrowed when nothing changes.
    pub fn norm<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let raw = self.text(text);
        match self.kind {
            TokenKind::Number => {
                if raw.contains([',', '\'', '’']) {
                    Cow::Owned(
                        fold_str(raw)
                            .chars()
                            .filter(|&c| c != ',' && c != '\'')
                            .collect(),
                    )
                } else {
                    fold_str(raw)
                }
            }
            _ => fold_str(raw),
        }
    }

    /// Whether this token ends exactly where `next` starts (no space between them), as in
    /// "IS" "-" "K" or "Kabul" "’s".
    #[inline]
    pub fn is_joined_to(&self, next: &Token) -> bool {
        self.span.end == next.span.start
    }
}

/// Punctuation outside ASCII that khabar recognises (General Category P* for the blocks news
/// text uses: Latin-1, General Punctuation, CJK, Arabic, fullwidth forms).
pub(crate) fn is_unicode_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !is_ascii_symbol(c);
    }
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{037E}' | '\u{0387}'
        | '\u{055A}'..='\u{055F}' | '\u{0589}' | '\u{058A}'
        | '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}' | '\u{05F3}' | '\u{05F4}'
        | '\u{0609}' | '\u{060A}' | '\u{060C}' | '\u{060D}' | '\u{061B}' | '\u{061D}'..='\u{061F}'
        | '\u{066A}'..='\u{066D}' | '\u{06D4}'
        | '\u{0964}' | '\u{0965}' | '\u{0970}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
        | '\u{2053}'..='\u{205E}' | '\u{207D}' | '\u{207E}' | '\u{208D}' | '\u{208E}'
        | '\u{2308}'..='\u{230B}' | '\u{2329}' | '\u{232A}' | '\u{2768}'..='\u{2775}'
        | '\u{27C5}' | '\u{27C6}' | '\u{27E6}'..='\u{27EF}' | '\u{2983}'..='\u{2998}'
        | '\u{29D8}'..='\u{29DB}' | '\u{29FC}' | '\u{29FD}' | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{3030}' | '\u{303D}' | '\u{30A0}' | '\u{30FB}'
        | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE52}' | '\u{FE54}'..='\u{FE61}'
        | '\u{FE63}' | '\u{FE68}' | '\u{FE6A}' | '\u{FE6B}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}'
    )
}

/// ASCII characters of General Category S* (symbols), the rest of ASCII punctuation is P*.
#[inline]
pub(crate) const fn is_ascii_symbol(c: char) -> bool {
    matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
}

/// [`classify`] of each one-character ASCII text, worked out by its general rules.
const ASCII_KIND: [TokenKind; 128] = {
    let mut t = [TokenKind::Symbol; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() || c == b'_' {
            TokenKind::Word
        } else if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_ascii_punctuation() && !is_ascii_symbol(c as char) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        b += 1;
    }
    t
};

/// [`classify`] of the one-character text `b` (an ASCII byte): the table lookup alone, for
/// the tokenizer's shortcuts that already know the token is one ASCII byte.
#[inline]
pub(crate) fn ascii_kind(b: u8) -> TokenKind {
    ASCII_KIND[usize::from(b & 0x7F)]
}

/// Classifies a final token's text. `text` is never empty.
pub(crate) fn classify(text: &str) -> TokenKind {
    // ASCII letters and digits decide at once, and so does a lone ASCII character.
    match text.as_bytes() {
        [b, ..] if b.is_ascii_alphabetic() || *b == b'_' => return TokenKind::Word,
        [b, ..] if b.is_ascii_digit() => return TokenKind::Number,
        &[b] if b.is_ascii() => return ASCII_KIND[usize::from(b)],
        _ => {}
    }
    classify_general(text)
}

/// [`classify`] by its general rules, for any text (the table's reference).
fn classify_general(text: &str) -> TokenKind {
    let mut chars = text.chars();
    let first = match chars.next() {
        Some(c) => c,
        None => return TokenKind::Symbol,
    };
    if first.is_numeric() {
        return TokenKind::Number;
    }
    if first.is_alphabetic() || first == '_' {
        return TokenKind::Word;
    }
    // A clitic split off a word: "'s", "’s", "n't" starts with a letter and is handled above.
    if (first == '\'' || first == '’')
        && text.len() > first.len_utf8()
        && chars.all(|c| c.is_alphabetic())
    {
        return TokenKind::Word;
    }
    if is_unicode_punct(first) {
        return TokenKind::Punct;
    }
    // Marks, digits of other kinds, letters that are_alphabetic() misses fall through here.
    if text.chars().any(char::is_alphanumeric) {
        return TokenKind::Word;
    }
    TokenKind::Symbol
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_table_follows_the_general_rules() {
        for b in 0u8..128 {
            let text = char::from(b).to_string();
            assert_eq!(classify(&text), classify_general(&text), "{b:#x}");
            assert_eq!(ascii_kind(b), classify_general(&text), "{b:#x}");
        }
    }
}
