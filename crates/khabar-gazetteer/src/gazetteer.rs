//! The compiled [`Gazetteer`]: entries, the token vocabulary, the trie and the candidates of
//! every key; saved and loaded as one flat binary.

use crate::builder::GazetteerBuilder;
use crate::entry::{Entry, EntryRef};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::trie::Trie;
use crate::vocab::Vocab;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Build options that shape matching, saved with the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Options {
    pub strip_diacritics: bool,
    pub auto_case_sensitive: bool,
    pub check_parents: bool,
    /// Compile romanisation variants of Perso-Arabic place names (see [`crate::romanise`]).
    #[serde(default)]
    pub romanise: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strip_diacritics: false,
            auto_case_sensitive: true,
            check_parents: true,
            romanise: false,
        }
    }
}

/// The matching structures derived from the entries.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Compiled {
    pub vocab: Vocab,
    pub trie: Trie,
    /// The aliases ending in trie state `s` are `cands[trie.cands(s)]`, best first
    /// (priority, then entry order); a state with none is not an alias end.
    pub cands: Vec<u32>,
    /// One bit per state: some candidate is case-sensitive.
    pub state_cs: Vec<u64>,
    /// The case-insensitive candidates of the states flagged in `state_cs`.
    pub ci_only: crate::ci_only::CiOnly,
    /// Case-sensitive comparison forms: `(alias, start, end)` into `cs_text`, by alias.
    pub cs_index: Vec<(u32, u32, u32)>,
    /// Number of case-sensitive aliases before each block of 64 aliases (the rank of an
    /// alias in `cs_index` is this plus a population count).
    pub cs_rank_base: Vec<u32>,
    pub cs_text: String,
    /// One bit per alias: a case-sensitive place alias that is a common English word, not
    /// matched where its capital comes from its position (sentence start, headline).
    #[serde(default)]
    pub strict: Vec<u64>,
    /// Vocabulary id → trie label id where romanised spellings share a label (empty: the
    /// identity).
    #[serde(default)]
    pub canon: Vec<u32>,
    /// Capitalised tokens in no alias, looked up by spelling key.
    #[serde(default)]
    pub key_index: crate::romanise::KeyIndex,
    /// Romanisation variants that were not compiled, and why (not saved).
    #[serde(skip)]
    pub dropped_variants: Vec<crate::romanise::Dropped>,
}

/// A compiled gazetteer: entries and everything needed to find their aliases in text.
///
/// Build one with [`Gazetteer::builder`] or a `from_*` constructor, search text with
/// [`find`](Gazetteer::find) and [`find_overlapping`](Gazetteer::find_overlapping), save and
/// reload it with [`to_bytes`](Gazetteer::to_bytes) / [`from_bytes`](Gazetteer::from_bytes).
/// A gazetteer is immutable, `Send` and `Sync`: share one across threads.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Gazetteer {
    pub(crate) store: Store,
    pub(crate) options: Options,
    pub(crate) compiled: Compiled,
    /// Identifies this compiled data within the process, so that a [`Scratch`]'s lookup
    /// memo is never used with another gazetteer. Clones share it (same data).
    ///
    /// [`Scratch`]: crate::Scratch
    #[serde(skip, default = "fresh_uid")]
    pub(crate) uid: u64,
}

/// A process-wide unique, non-zero id.
fn fresh_uid() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Magic bytes and format version at the start of a saved gazetteer.
pub(crate) const MAGIC: &[u8; 8] = b"KHGAZ\x00\x03\x00";

impl Gazetteer {
    pub(crate) fn from_parts(store: Store, options: Options, compiled: Compiled) -> Gazetteer {
        Gazetteer {
            store,
            options,
            compiled,
            uid: fresh_uid(),
        }
    }

    /// A new [`GazetteerBuilder`].
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// Builds a gazetteer from entries with the default options.
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::new();
        for e in entries {
            b.add(e)?;
        }
        b.build()
    }

    /// Loads a CSV file with the default options.
    pub fn from_csv_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        GazetteerBuilder::new().add_csv_path(path)?.build()
    }

    /// Loads a TSV file with the default options.
    pub fn from_tsv_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        GazetteerBuilder::new().add_tsv_path(path)?.build()
    }

    /// Loads a JSON Lines file with the default options.
    pub fn from_jsonl_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        GazetteerBuilder::new().add_jsonl_path(path)?.build()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.store.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.store.entries.is_empty()
    }

    /// Number of aliases (after removing duplicates within each entry).
    pub fn alias_count(&self) -> usize {
        self.store.alias_count()
    }

    /// Whether diacritics are folded.
    pub fn strips_diacritics(&self) -> bool {
        self.options.strip_diacritics
    }

    /// Whether romanised spellings of Perso-Arabic places are matched (built with
    /// [`romanise`](crate::GazetteerBuilder::romanise); see [`crate::romanise`]).
    pub fn romanises(&self) -> bool {
        self.options.romanise
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<EntryRef<'_>> {
        self.store.find_id(id).map(|index| EntryRef {
            store: &self.store,
            index,
        })
    }

    /// The entry at a position (as returned by [`EntryRef::index`]).
    pub fn entry(&self, index: usize) -> Option<EntryRef<'_>> {
        (index < self.len()).then_some(EntryRef {
            store: &self.store,
            index: index as u32,
        })
    }

    /// All entries, in the order they were added.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = EntryRef<'_>> + '_ {
        (0..self.store.entries.len() as u32).map(move |index| EntryRef {
            store: &self.store,
            index,
        })
    }

    /// Approximate heap memory used, in bytes.
    pub fn heap_bytes(&self) -> usize {
        let s = &self.store;
        let c = &self.compiled;
        s.text.capacity()
            + s.entries.capacity() * std::mem::size_of::<crate::store::EntryRec>()
            + s.attrs.capacity() * std::mem::size_of::<crate::store::AttrRec>()
            + s.alias_text.capacity()
            + 4 * (s.alias_ends.capacity() + s.by_id.capacity())
            + 8 * s.alias_cs.capacity()
            + c.vocab.heap_bytes()
            + c.trie.heap_bytes()
            + 4 * c.cands.capacity()
            + 8 * c.state_cs.capacity()
            + c.ci_only.heap_bytes()
            + 12 * c.cs_index.capacity()
            + 4 * c.cs_rank_base.capacity()
            + c.cs_text.capacity()
    }

    /// Encodes the compiled gazetteer (a magic header, then postcard). Loading the bytes
    /// with [`from_bytes`](Gazetteer::from_bytes) is much faster than building.
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::from_entries([Entry::new("AF", "Afghanistan", "GPE")])?;
    /// let bytes = gz.to_bytes()?;
    /// let again = Gazetteer::from_bytes(&bytes)?;
    /// assert_eq!(again.find("Afghanistan")[0].entry().id(), "AF");
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        postcard::to_extend(self, MAGIC.to_vec()).map_err(|e| Error::Encode(e.to_string()))
    }

    /// Decodes a gazetteer written by [`to_bytes`](Gazetteer::to_bytes). Corrupt input gives
    /// an error or, at worst, a gazetteer that finds nothing; it never panics.
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| Error::Decode("not a khabar gazetteer (bad magic or version)".into()))?;
        let (gz, rest): (Gazetteer, &[u8]) =
            postcard::take_from_bytes(body).map_err(|e| Error::Decode(e.to_string()))?;
        if !rest.is_empty() {
            return Err(Error::Decode(format!("{} trailing bytes", rest.len())));
        }
        Ok(gz)
    }

    /// Writes [`to_bytes`](Gazetteer::to_bytes) to a file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let bytes = self.to_bytes()?;
        std::fs::write(path, bytes).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Reads a file written by [`save`](Gazetteer::save).
    pub fn load(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Gazetteer::from_bytes(&bytes)
    }
}
