//! Find every mention of a known organisation, place, group or person in text, and resolve
//! it to canonical entries — in one pass, with word boundaries, case and typography handled.
//!
//! `khabar-gazetteer` is the entity-lookup stage of [khabar], a toolkit for reading conflict
//! reporting. A [`Gazetteer`] is a compiled set of [`Entry`]s (id, canonical name, label,
//! aliases, attributes). [`Gazetteer::find`] returns [`Match`]es: the byte span in the
//! original text, the alias that matched and the candidate entries, best first.
//!
//! ```
//! use khabar_gazetteer::{Entry, Gazetteer};
//!
//! let gz = Gazetteer::from_entries([
//!     Entry::new("ISKP", "Islamic State Khorasan Province", "ORG")
//!         .with_aliases(["IS-K", "ISK-P", "ISIS-K", "Wilayat-e-Khorasan"]),
//!     Entry::new("AF-KAB", "Kabul", "GPE").with_country("AF"),
//! ])?;
//! let text = "IS –K’s attack on Kabul-based targets; ISIS-K denied it.";
//! for m in gz.find(text) {
//!     println!("{:?} {} → {}", m.span(), m.as_str(text), m.entry().id());
//! }
//! let found: Vec<(&str, &str)> =
//!     gz.find(text).iter().map(|m| (m.as_str(text), m.entry().id())).collect();
//! assert_eq!(found, [("IS –K", "ISKP"), ("Kabul", "AF-KAB"), ("ISIS-K", "ISKP")]);
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```
//!
//! With the default cargo feature `default-gazetteer`, a curated gazetteer for reporting on
//! Afghanistan, Pakistan, Central Asia and the Middle East is embedded:
//! [`Gazetteer::default_gazetteer`] (see `data/SOURCES.md` for its sources and licences).
//!
//! # Matching rules
//!
//! An alias and the text are compared as sequences of *tokens*, as
//! [`khabar_tokenize`] cuts them (hyphens and dashes are tokens of their own, "’s" is
//! split off, "U.S." is one token, "4,000" is one token):
//!
//! 1. **Whole tokens.** A match starts at the start of a token and ends at the end of a
//!    token, so "Kabul" is found in "Kabul’s", "(Kabul)" and "Kabul-based", "US" in
//!    "US-led", but "Kabul" is not found in "Kabulistan" nor "IS" in "ISIS".
//! 2. **Folding.** Each token is folded before comparison: Unicode full case folding
//!    ("KABUL" = "Kabul", "STRASSE" = "Straße"); typography (’ ‘ → ', “ ” → ", every dash
//!    and hyphen → -, soft hyphens dropped); and, if the gazetteer was built with
//!    [`strip_diacritics`](GazetteerBuilder::strip_diacritics), diacritics ("Kunaṟ" =
//!    "Kunar"). Tokens that fold to nothing are ignored.
//! 3. **Case-sensitive aliases** skip case folding (typography and diacritics are still
//!    folded): those listed in the entry's `case_sensitive` column, and by default every
//!    short acronym, see [`is_acronym`]: "IS", "US", "UN", "IMU", "LeI", "IS-K" are found
//!    only in capitals, so "is", "us" and "un-" never match. Turn the rule off with
//!    [`auto_case_sensitive`](GazetteerBuilder::auto_case_sensitive).
//! 4. **Spacing.** Between two tokens, only one thing matters: whether they touch. Any run
//!    of whitespace — spaces, tabs, NBSP, line breaks — equals one space, so "Pakistani
//!    Taliban" is found across a line break; but "Kabul ’s" is not "Kabul’s". Next to a
//!    hyphen spacing does not matter at all: the alias "IS-K" matches "IS-K", "IS–K",
//!    "IS –K" and "IS - K", and "Dasht-e-Barchi" matches "Dasht-e-⏎Barchi" (a word broken
//!    at a line end).
//! 5. **Overlaps.** [`find`](Gazetteer::find) is leftmost-longest: scanning left to right,
//!    it takes the longest match starting at each token and continues after it, so
//!    "Pakistani Taliban" beats "Pakistani" and "Taliban", "Lashkar-e-Jhangvi al-Alami"
//!    beats "Lashkar-e-Jhangvi". [`find_overlapping`](Gazetteer::find_overlapping) returns
//!    every match.
//! 6. **Ambiguity is kept.** When several entries share an alias (a province and its
//!    capital), one match lists all of them, best first: higher
//!    [`priority`](Entry::priority) first, then the order the entries were added.
//!
//! One consequence of comparing tokens: a character that the tokenizer treats as a word
//! boundary splits an alias that contains it. The prime ′ folds to an apostrophe but, unlike
//! ’, it is not an apostrophe inside a word in UAX #29, so "Da′esh" is three tokens and does
//! not match "Da’esh".
//!
//! ```
//! use khabar_gazetteer::{Entry, Gazetteer};
//! let gz = Gazetteer::builder()
//!     .strip_diacritics(true)
//!     .entry(Entry::new("IS", "Islamic State", "ORG").with_alias("IS"))
//!     .entry(Entry::new("DASHT", "Dasht-e-Barchi", "LOC"))
//!     .entry(Entry::new("KNR", "Kunar", "GPE"))
//!     .build()?;
//! let text = "This is IS territory: Dasht-e-\nBarchi and KUNAṞ.";
//! let found: Vec<&str> = gz.find(text).iter().map(|m| m.as_str(text)).collect();
//! assert_eq!(found, ["IS", "Dasht-e-\nBarchi", "KUNAṞ"]);
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```
//!
//! # Loading gazetteers
//!
//! CSV (RFC 4180, UTF-8, with a header), TSV (same header, tab-separated, no quoting) and
//! JSON Lines (one [`Entry`] object per line). The CSV/TSV columns:
//!
//! | column | meaning |
//! |---|---|
//! | `id` | unique id (required) |
//! | `name` | canonical name, always matched (required) |
//! | `label` | `ORG`, `GPE`, `LOC`, `NORP`, `FAC`, `PERSON` or any string (required) |
//! | `aliases` | other names, `\|`-separated |
//! | `case_sensitive` | aliases matched only in their exact case, `\|`-separated |
//! | `country`, `parent`, `wikidata` | ISO country code, id of the parent entry, Wikidata id |
//! | `lat`, `lon` | coordinates (decimal degrees) |
//! | `priority` | integer, higher first among ambiguous candidates (empty = 0) |
//! | any other | a free attribute |
//!
//! Empty cells are absent values. A malformed row, an empty alias, a duplicate id and a
//! `parent` that names no entry are errors ([`Error`]) that give the file, line and, for a
//! cell, the column. Several files, or compiled gazetteers, are merged by adding them to
//! one [`GazetteerBuilder`].
//!
//! ```
//! use khabar_gazetteer::Gazetteer;
//! let csv = "id,name,label,aliases,country,parent\n\
//!            AF,Afghanistan,GPE,,AF,\n\
//!            AF-JOW,Jowzjan,GPE,Jawzjan|Jowzjān,AF,AF\n";
//! let gz = Gazetteer::builder().add_csv_reader(csv.as_bytes(), "places.csv")?.build()?;
//! let m = &gz.find("fighting in Jawzjan")[0];
//! assert_eq!(m.entry().parent().map(|p| p.name()), Some("Afghanistan"));
//!
//! let bad = "id,name,label,lat\nAF,Afghanistan,GPE,north\n";
//! let err = Gazetteer::builder().add_csv_reader(bad.as_bytes(), "bad.csv").unwrap_err();
//! assert_eq!(err.to_string(), "bad.csv:2:4 (lat): \"north\" is not a number");
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```
//!
//! # Speed and size
//!
//! Each token of the text is folded and looked up once in a hash table of the aliases'
//! tokens; a trie over token ids is walked only from tokens that start some alias. Most
//! whitespace-separated chunks of news text are plain words, which are tokenized on a fast
//! path that the tests check against `khabar_tokenize`. A compiled gazetteer is a handful of
//! flat arrays: [`Gazetteer::to_bytes`]/[`Gazetteer::from_bytes`] save and load it much
//! faster than it builds. See the crate README for measured figures.
//!
//! [khabar]: https://example.invalid/khabar

mod builder;
mod chunk_memo;
mod ci_only;
#[cfg(feature = "default-gazetteer")]
mod default;
mod english;
mod entry;
mod error;
mod find;
mod gazetteer;
mod key;
mod load;
#[cfg(feature = "default-gazetteer")]
pub mod precompiled;
pub mod romanise;
mod store;
mod trie;
mod vocab;

pub use builder::GazetteerBuilder;
#[cfg(feature = "default-gazetteer")]
pub use default::DEFAULT_DATA;
pub use english::{is_common_english, is_english_phrase};
pub use entry::{Entry, EntryRef, label};
pub use error::{Error, Result, Source};
pub use find::{Match, MatchKind, Scratch};
pub use gazetteer::Gazetteer;
pub use key::is_acronym;
pub use romanise::DroppedVariant;

/// The README's examples, run as doctests.
#[cfg(all(doctest, feature = "default-gazetteer"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
