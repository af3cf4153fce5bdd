//! Tokens, sentences and a folded view of text, with byte offsets that are always exact.
//!
//! `khabar-tokenize` is the first stage of [khabar]'s pipeline for conflict reporting, and it
//! stands alone. It gives:
//!
//! * [`tokenize`] — word tokens with byte [`Span`]s and a [`TokenKind`], built on UAX #29 word
//!   boundaries (the `unicode-segmentation` crate) with tailorings for news text;
//! * [`sentences`] — sentence spans, UAX #29 corrected for titles, initialisms, quotes,
//!   headlines and wrapped lines;
//! * [`fold`] — a folded copy of the text (case, typography, whitespace, optionally
//!   diacritics) with an [`OffsetMap`] back to the original, so matches found on folded text
//!   land on exact original spans;
//! * [`CharOffsets`] — byte offsets to code-point offsets in linear time, for Python;
//!   [`CharCursor`] the same for a few offsets in text order, without a table;
//! * [`word_hash`] — one hash of a token's folded word, the key the lexica of later stages
//!   share (see [`hash_word`], [`is_folded_word`]).
//!
//! # Tokenization rules
//!
//! The text is cut at whitespace into chunks; each chunk is segmented by UAX #29 word
//! boundaries (pure-ASCII chunks by an equivalent fast path), then tailored:
//!
//! | input | tokens | rule |
//! |---|---|---|
//! | `IS-K`, `Lashkar-e-Jhangvi`, `US-led` | `IS` `-` `K`, … | a hyphen or dash is always its own token |
//! | `4,000-6,000` | `4,000` `-` `6,000` | numbers keep separators and decimals; a range is number, dash, number |
//! | `ISK-P’s`, `Afghanistan’s` | `ISK` `-` `P` `’s` | the possessive `’s`/`'s` is split off |
//! | `wasn’t`, `they’ll` | `was` `n’t`, `they` `’ll` | clitics are split off (Penn Treebank style) |
//! | `Da’esh`, `Shi'ite` | one token | other inner apostrophes stay |
//! | `U.S.`, `a.k.a.`, `J.` | one token | initialisms and initials keep their final period |
//! | `Lt.`, `Dr.`, `Gen.`, `Oct.`, `etc.` | one token | listed abbreviations keep their period |
//! | `11:58` | one `Time` token | `H:MM[:SS]` with valid hour and minute |
//! | `26/1/2018`, `2018-01-26`, `26.1.2018` | one `Date` token | day/month/year or ISO order in digits |
//! | `https://…`, `www.…`, `thenational.ae` | one `Url` token | trailing punctuation and unbalanced `)` stay outside |
//! | `press@example.org` | one `Email` token | |
//! | `#Kabul`, `@UN` | one `Hashtag`/`Mention` token | |
//! | `...`, `--` | one token | runs of periods or hyphens |
//!
//! Adjacency is kept by the spans: [`Token::is_joined_to`] tells "IS-K" (three joined tokens)
//! from "IS - K", so later stages recover whole names, possessives and ranges.
//!
//! ```
//! use khabar_tokenize::{tokenize, sentences, TokenKind};
//! let text = "IS-K’s strength: an estimated 4,000-6,000 fighters. Dr. Khalid said so.";
//! let tokens = tokenize(text);
//! assert_eq!(tokens[0].text(text), "IS");
//! assert!(tokens[0].is_joined_to(&tokens[1]) && tokens[1].is_joined_to(&tokens[2]));
//! assert_eq!(tokens[3].norm(text), "'s");
//! let n = tokens.iter().find(|t| t.kind == TokenKind::Number).unwrap();
//! assert_eq!(n.text(text), "4,000");
//! assert_eq!(sentences(text).len(), 2);
//! ```
//!
//! [khabar]: https://example.invalid/khabar

mod abbrev;
mod fold;
mod offsets;
mod sentence;
mod span;
mod token;
mod tokenizer;
mod wordhash;

pub use abbrev::keeps_final_period;
pub use fold::{FoldOptions, Folded, OffsetMap, fold, fold_str, fold_str_with};
pub use offsets::{CharCursor, CharOffsets};
pub use sentence::{Sentence, SentenceSplitter, sentences};
pub use span::Span;
pub use token::{Token, TokenKind};
pub use tokenizer::{Tokenizer, tokenize};
pub use wordhash::{hash_word, is_folded_word, word_hash};
