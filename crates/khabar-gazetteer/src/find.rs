//! Finding aliases in text: one pass over the tokens, each folded and looked up once, then
//! a walk down the token trie from every token that starts some alias.

use crate::chunk_memo::ChunkMemo;
use crate::entry::EntryRef;
use crate::gazetteer::Gazetteer;
use crate::key::{cs_form, fold_ci, fold_token, gap_bit, is_hyphen};
use crate::store::Store;
use crate::trie::NONE;
use khabar_tokenize::{Span, Token, Tokenizer};
use std::borrow::Cow;
use std::fmt;

/// Which matches to report when matches overlap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Scan left to right; at each token take the longest match starting there, then
    /// continue after it. Matches never overlap. This is [`Gazetteer::find`].
    #[default]
    LeftmostLongest,
    /// Every match, overlapping or not, ordered by start, then by end (shorter first).
    /// This is [`Gazetteer::find_overlapping`].
    Overlapping,
}

/// Reusable buffers for [`Gazetteer::find_into`], to search many texts without allocating.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The tokenizer's tokens of the chunks the fast path gives back, see [`ChunkMemo`].
    chunks: ChunkMemo,
    /// The kept tokens, labelled (one [`Labelled`] with label [`NONE`] for a run of unknown
    /// tokens).
    labelled: Vec<Labelled>,
    ends: Vec<(usize, u32)>,
    buf: String,
    check: CaseCheck,
    /// Recent token lookups, see [`Memo`].
    memo: Vec<Memo>,
    /// Recent spelling-key lookups of capitalised tokens in no alias, see
    /// [`TokenLabeler::key_label`].
    key_memo: Vec<Memo>,
    /// The gazetteer (its [`Gazetteer::uid`]) whose lookups `memo` holds; 0 for none.
    memo_owner: u64,
}

/// A kept token as the walk down the trie reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Labelled {
    /// `token_id << 1 | gap_bit`, or [`NONE`] if the token is unknown.
    label: u32,
    /// The trie state the token leads to from the root, when the labeller knew it (a memo
    /// hit), else [`UNKNOWN_START`] and the walk looks it up.
    start: u32,
    span: Span,
}

/// Buffers of the case check of a match (see [`Gazetteer::make_match`]).
#[derive(Debug, Default)]
struct CaseCheck {
    /// The case-sensitive comparison form of the matched text, when it is built.
    form: String,
    /// The candidates that pass.
    passing: Vec<u32>,
}

/// The case-sensitive comparison form of the kept tokens `spans` of `text` (see
/// [`cs_form`]): the text itself for one ASCII token, else built in `buf`.
#[inline]
fn text_cs_form<'a>(text: &'a str, toks: &[Labelled], strip: bool, buf: &'a mut String) -> &'a str {
    if let [one] = toks {
        if let Some(tok) = one.span.slice(text).filter(|t| t.is_ascii()) {
            return tok;
        }
    }
    cs_form(text, toks.iter().map(|t| t.span), strip, buf);
    buf.as_str()
}

/// Number of entries of the lookup memo (a power of two).
const MEMO_LEN: usize = 4096;
/// Longest token the memo holds.
const MEMO_BYTES: usize = 22;
/// Number of entries of the spelling-key memo (a power of two).
const KEY_MEMO_LEN: usize = 1024;
/// In [`Labelled::start`]: the labeller did not look the token's trie state up.
const UNKNOWN_START: u32 = u32::MAX;

/// One remembered lookup of an ASCII-letter token: news text repeats its words, and a
/// small direct-mapped table of recent lookups stays in cache where the vocabulary of a
/// large gazetteer does not. The token is compared in full, so a hit is exact. A hit also
/// gives the token's label id and its trie state from the root, which on a large gazetteer
/// are two more reads from tables far out of cache.
#[derive(Clone, Copy, Debug, Default)]
struct Memo {
    hash: u64,
    /// Lower-cased token.
    bytes: [u8; MEMO_BYTES],
    len: u8,
    /// Label id (the vocabulary id through `canon`, see [`TokenLabeler::resolve`]), or
    /// [`NONE`] for "not in the vocabulary".
    id: u32,
    /// The trie state after this token from the root (`Trie::start` of `id`).
    start: u32,
}

impl Memo {
    /// Whether this entry remembers the letters `tok` (any case) of hash `h`: lower-casing a
    /// letter sets bit 5, and the entry holds lower-case letters.
    #[inline]
    fn holds(&self, h: u64, tok: &[u8]) -> bool {
        self.hash == h
            && usize::from(self.len) == tok.len()
            && self
                .bytes
                .get(..tok.len())
                .is_some_and(|b| b.iter().zip(tok).all(|(&x, &y)| x == y | 0x20))
    }
}

impl Scratch {
    /// Empty buffers.
    pub fn new() -> Scratch {
        Scratch::default()
    }
}

thread_local! {
    /// The buffers of [`Gazetteer::find`] and [`Gazetteer::find_overlapping`] on this thread.
    /// A fresh `Scratch` per call would allocate and zero the lookup memo (160 KiB) for
    /// every text — more work than matching a news article.
    static THREAD_SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::new());
}

/// Runs `f` with this thread's scratch buffers (fresh ones if they are in use or gone).
fn with_thread_scratch(f: impl FnOnce(&mut Scratch)) {
    let mut f = Some(f);
    let _ = THREAD_SCRATCH.try_with(|cell| {
        if let Ok(mut scratch) = cell.try_borrow_mut() {
            if let Some(f) = f.take() {
                f(&mut scratch);
            }
        }
    });
    if let Some(f) = f {
        f(&mut Scratch::new());
    }
}

/// One match: where it is in the original text, the alias it matched, and its entries.
///
/// ```
/// use khabar_gazetteer::{Entry, Gazetteer};
/// let gz = Gazetteer::from_entries([
///     Entry::new("AF-JOW", "Jowzjan", "GPE").with_alias("Jawzjan").with_priority(2),
///     Entry::new("JOW-CITY", "Jowzjan", "GPE"),
/// ])?;
/// let text = "clashes in JOWZJAN province";
/// let m = &gz.find(text)[0];
/// assert_eq!(m.as_str(text), "JOWZJAN");
/// assert_eq!(m.alias(), "Jowzjan");
/// assert!(m.is_ambiguous());
/// let ids: Vec<&str> = m.entries().map(|e| e.id()).collect();
/// assert_eq!(ids, ["AF-JOW", "JOW-CITY"]); // best first: higher priority
/// # Ok::<(), khabar_gazetteer::Error>(())
/// ```
#[derive(Clone)]
pub struct Match<'g> {
    span: Span,
    /// Alias indices, best first; never empty.
    cands: Cow<'g, [u32]>,
    store: &'g Store,
}

impl<'g> Match<'g> {
    /// The byte span in the original text.
    pub fn span(&self) -> Span {
        self.span
    }

    /// First byte of the match.
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// One past the last byte of the match.
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// The matched text, sliced from the text that was searched.
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text).unwrap_or("")
    }

    /// The alias that matched, as written in the gazetteer (that of the best entry).
    pub fn alias(&self) -> &'g str {
        self.cands.first().map_or("", |&a| self.store.alias(a))
    }

    /// Where the matched alias (that of the best entry, [`alias`](Match::alias)) stands
    /// among the best entry's aliases as [`EntryRef::aliases`] lists them: 0 for its
    /// canonical name. A caller that keeps something per alias can index it with this.
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::from_entries([Entry::new("AF-KAB", "Kabul", "GPE").with_alias("Kābul")])?;
    /// let found = gz.find("Kabul and Kābul");
    /// assert_eq!((found[0].alias_position(), found[1].alias_position()), (0, 1));
    /// assert_eq!(found[1].entry().aliases().nth(found[1].alias_position()), Some("Kābul"));
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn alias_position(&self) -> usize {
        let Some(&a) = self.cands.first() else {
            return 0;
        };
        let first = self.store.alias_range(self.entry_index(0)).start;
        a.saturating_sub(first) as usize
    }

    /// The best entry: highest priority, then first added.
    pub fn entry(&self) -> EntryRef<'g> {
        EntryRef {
            store: self.store,
            index: self.entry_index(0),
        }
    }

    fn entry_index(&self, i: usize) -> u32 {
        self.cands
            .get(i)
            .map_or(0, |&a| self.store.entry_of_alias(a))
    }

    /// Every candidate entry, best first. More than one when the alias is shared.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = EntryRef<'g>> + '_ {
        (0..self.cands.len()).map(move |i| EntryRef {
            store: self.store,
            index: self.entry_index(i),
        })
    }

    /// The alias of each candidate entry, in the order of [`entries`](Match::entries).
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &'g str> + '_ {
        let store = self.store;
        self.cands.iter().map(move |&a| store.alias(a))
    }

    /// Number of candidate entries (at least 1).
    pub fn len(&self) -> usize {
        self.cands.len()
    }

    /// Always `false`: a match has at least one entry. (Present for symmetry with `len`.)
    pub fn is_empty(&self) -> bool {
        self.cands.is_empty()
    }

    /// Whether more than one entry has this alias.
    pub fn is_ambiguous(&self) -> bool {
        self.cands.len() > 1
    }
}

impl fmt::Debug for Match<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.entries().map(|e| e.id()).collect();
        f.debug_struct("Match")
            .field("span", &self.span)
            .field("alias", &self.alias())
            .field("entries", &ids)
            .finish()
    }
}

impl PartialEq for Match<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.span == other.span
            && self.cands == other.cands
            && std::ptr::eq(self.store, other.store)
    }
}

impl Eq for Match<'_> {}

impl Gazetteer {
    /// Finds the aliases in `text`: leftmost-longest, non-overlapping. See the crate docs for
    /// the matching rules.
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::from_entries([
    ///     Entry::new("TTP", "Tehrik-e-Taliban Pakistan", "ORG").with_alias("Pakistani Taliban"),
    ///     Entry::new("TALIBAN", "Taliban", "ORG"),
    ///     Entry::new("NORP:PAK", "Pakistanis", "NORP").with_alias("Pakistani"),
    /// ])?;
    /// let text = "The Pakistani Taliban and the Taliban";
    /// let ids: Vec<&str> = gz.find(text).iter().map(|m| m.entry().id()).collect();
    /// assert_eq!(ids, ["TTP", "TALIBAN"]);
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn find(&self, text: &str) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        with_thread_scratch(|scratch| {
            self.find_into(text, MatchKind::LeftmostLongest, scratch, &mut out);
        });
        out
    }

    /// [`find`](Gazetteer::find) on `text`'s tokens by [`khabar_tokenize::tokenize`], for a
    /// caller that has them already: the same matches, without tokenizing again. See
    /// [`find_tokens_into`](Gazetteer::find_tokens_into).
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::from_entries([Entry::new("AF-KAB", "Kabul", "GPE")])?;
    /// let text = "(Kabul), Kabul-based";
    /// let tokens = khabar_tokenize::tokenize(text);
    /// assert_eq!(gz.find_tokens(text, &tokens), gz.find(text));
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn find_tokens(&self, text: &str, tokens: &[Token]) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        with_thread_scratch(|scratch| {
            self.find_tokens_into(text, tokens, MatchKind::LeftmostLongest, scratch, &mut out);
        });
        out
    }

    /// Finds every match, overlapping ones included, ordered by start then end.
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::from_entries([
    ///     Entry::new("LEJ", "Lashkar-e-Jhangvi", "ORG"),
    ///     Entry::new("LEJA", "Lashkar-e-Jhangvi al-Alami", "ORG"),
    /// ])?;
    /// let text = "Lashkar-e-Jhangvi al-Alami claimed it";
    /// let ids: Vec<&str> = gz.find_overlapping(text).iter().map(|m| m.entry().id()).collect();
    /// assert_eq!(ids, ["LEJ", "LEJA"]);
    /// assert_eq!(gz.find(text)[0].entry().id(), "LEJA");
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn find_overlapping(&self, text: &str) -> Vec<Match<'_>> {
        let mut out = Vec::new();
        with_thread_scratch(|scratch| {
            self.find_into(text, MatchKind::Overlapping, scratch, &mut out);
        });
        out
    }

    /// Finds matches of the given kind, appending them to `out` and reusing `scratch`'s
    /// buffers: the allocation-free form of [`find`](Gazetteer::find) for many texts.
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer, MatchKind, Scratch};
    /// let gz = Gazetteer::from_entries([Entry::new("AF-KAB", "Kabul", "GPE")])?;
    /// let mut scratch = Scratch::new();
    /// let mut out = Vec::new();
    /// for doc in ["Kabul’s airport", "(Kabul)", "Kabul-based", "Kabulistan"] {
    ///     out.clear();
    ///     gz.find_into(doc, MatchKind::LeftmostLongest, &mut scratch, &mut out);
    ///     assert_eq!(out.len(), usize::from(doc != "Kabulistan"));
    /// }
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn find_into<'g>(
        &'g self,
        text: &str,
        kind: MatchKind,
        scratch: &mut Scratch,
        out: &mut Vec<Match<'g>>,
    ) {
        self.prepare(text, scratch);
        self.walk(text, kind, scratch, out);
    }

    /// [`find_into`](Gazetteer::find_into) on tokens the caller already has: `tokens` must
    /// be `text`'s tokens by [`khabar_tokenize::tokenize`] (as a pipeline that tokenizes
    /// once has them), and then the matches are exactly those of `find_into`, without
    /// tokenizing again. Other tokens give matches on those tokens (spans outside `text`
    /// match nothing).
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer, MatchKind, Scratch};
    /// use khabar_tokenize::tokenize;
    /// let gz = Gazetteer::from_entries([Entry::new("AF-KAB", "Kabul", "GPE")])?;
    /// let text = "Kabul’s airport";
    /// let (mut scratch, mut out) = (Scratch::new(), Vec::new());
    /// gz.find_tokens_into(text, &tokenize(text), MatchKind::LeftmostLongest, &mut scratch, &mut out);
    /// assert_eq!(out, gz.find(text));
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn find_tokens_into<'g>(
        &'g self,
        text: &str,
        tokens: &[Token],
        kind: MatchKind,
        scratch: &mut Scratch,
        out: &mut Vec<Match<'g>>,
    ) {
        self.label_tokens(text, tokens, scratch);
        self.walk(text, kind, scratch, out);
    }

    /// Walks the trie from every labelled token (`scratch` filled by [`Gazetteer::prepare`]
    /// or [`Gazetteer::label_tokens`]) and appends the matches of `kind`.
    fn walk<'g>(
        &'g self,
        text: &str,
        kind: MatchKind,
        scratch: &mut Scratch,
        out: &mut Vec<Match<'g>>,
    ) {
        let Scratch {
            labelled,
            ends,
            check,
            ..
        } = scratch;
        let trie = &self.compiled.trie;
        let n = labelled.len();
        let mut i = 0;
        while i < n {
            let mut state = match labelled.get(i) {
                Some(t) if t.label == NONE => 0,
                Some(t) if t.start != UNKNOWN_START => t.start,
                Some(t) => trie.start(t.label >> 1),
                None => 0,
            };
            if state == 0 {
                i += 1;
                continue;
            }
            ends.clear();
            let mut j = i;
            loop {
                if self.is_alias_end(state) {
                    ends.push((j, state));
                }
                j += 1;
                let label = match labelled.get(j) {
                    Some(t) if t.label != NONE => t.label,
                    _ => break,
                };
                state = trie.child(state, label);
                if state == 0 {
                    break;
                }
            }
            match kind {
                MatchKind::LeftmostLongest => {
                    let mut next = i + 1;
                    for &(j, state) in ends.iter().rev() {
                        if let Some(m) = self.make_match(state, text, labelled, (i, j), check) {
                            out.push(m);
                            next = j + 1;
                            break;
                        }
                    }
                    i = next;
                }
                MatchKind::Overlapping => {
                    for &(j, state) in ends.iter() {
                        if let Some(m) = self.make_match(state, text, labelled, (i, j), check) {
                            out.push(m);
                        }
                    }
                    i += 1;
                }
            }
        }
    }

    /// Tokenizes `text` and computes the label of every kept token.
    ///
    /// The text is cut into chunks at ASCII whitespace, exactly as `khabar_tokenize` does;
    /// its tokenizer never joins or tailors across chunks, so each chunk can be tokenized
    /// on its own. Most chunks of news text are plain words with a little punctuation
    /// ("Kabul", "(Kabul),", "Kabul-based", "2017;", "Taliban.", "Afghanistan’s", "–",
    /// "“We"): a small state machine emits their tokens in one pass over the bytes, letters
    /// folded on the fly. It accepts [`simple_chunk`]'s shape plus a final period where
    /// the tokenizer would cut it off (not after an abbreviation, see
    /// [`khabar_tokenize::keeps_final_period`]), the possessive "’s", the typographic
    /// dashes and double quotes, and the bytes that are always tokens of their own in
    /// technical and quoted text (`*` `|` `` ` `` `<` `%` `/`…, runs of hyphens, an
    /// apostrophe or ‘ ’ not between two word characters, "…"), numbers with separators
    /// ("4,000", "3.5"), words with digits or `_` ("A9", "snake_case"), words with
    /// apostrophes and their clitics ("don’t", "O'Brien"), hashtags. A chunk that turns out to be anything else is rolled back
    /// and given to the real tokenizer. The tests check on random text that both ways give
    /// the same tokens.
    fn prepare(&self, text: &str, s: &mut Scratch) {
        let (mut tl, chunks) = self.labeler(s);
        let vocab = &self.compiled.vocab;
        let tokenizer = Tokenizer::new();
        let bytes = text.as_bytes();
        let n = bytes.len();
        let class = |i: usize| bytes.get(i).map_or(WS, |&b| BYTE_CLASS[usize::from(b)]);
        let mut i = 0;
        while i < n {
            while i < n && class(i) == WS {
                i += 1;
            }
            if i >= n {
                break;
            }
            let chunk_start = i;
            let mark = (tl.labelled.len(), tl.prev_end, tl.prev_hyphen);
            if let Some(end) = fast_chunk(&mut tl, vocab, text, chunk_start) {
                i = end;
                continue;
            }
            tl.labelled.truncate(mark.0);
            tl.prev_end = mark.1;
            tl.prev_hyphen = mark.2;
            i = chunk_start;
            while i < n && class(i) != WS {
                i += 1;
            }
            tl.push_chunk(text, Span::new(chunk_start, i), &tokenizer, chunks);
        }
    }

    /// Computes the label of every kept token of `tokens` (tokens of `text`): the labels
    /// [`Gazetteer::prepare`] computes when `tokens` are `text`'s own.
    fn label_tokens(&self, text: &str, tokens: &[Token], s: &mut Scratch) {
        let (mut tl, _) = self.labeler(s);
        for t in tokens {
            tl.push_token(text, t.span);
        }
    }

    /// A labeler writing into `s` (emptied; its memo kept if it is this gazetteer's), and
    /// `s`'s memo of the tokenizer's tokens of chunks.
    fn labeler<'s>(&'s self, s: &'s mut Scratch) -> (TokenLabeler<'s>, &'s mut ChunkMemo) {
        s.labelled.clear();
        if s.memo_owner != self.uid || s.memo.len() != MEMO_LEN || s.key_memo.len() != KEY_MEMO_LEN
        {
            s.memo.clear();
            s.memo.resize(MEMO_LEN, Memo::default());
            s.key_memo.clear();
            s.key_memo.resize(KEY_MEMO_LEN, Memo::default());
            s.memo_owner = self.uid;
        }
        let labeler = TokenLabeler {
            memo: &mut s.memo,
            key_memo: &mut s.key_memo,
            vocab: &self.compiled.vocab,
            canon: &self.compiled.canon,
            keys: &self.compiled.key_index,
            trie: &self.compiled.trie,
            opts: fold_ci(self.options.strip_diacritics),
            prev_end: NO_PREV,
            prev_hyphen: false,
            labelled: &mut s.labelled,
            buf: &mut s.buf,
        };
        (labeler, &mut s.chunks)
    }

    /// Whether some alias ends in trie state `state`.
    #[inline]
    fn is_alias_end(&self, state: u32) -> bool {
        self.compiled.trie.is_end(state)
    }

    /// The match of the aliases ending in `state` over kept tokens `i..=j`, if any
    /// candidate passes its case check. Each candidate is checked once; the match borrows
    /// the state's list when every candidate passes, or its list of case-insensitive
    /// candidates when exactly those pass (the text is not in the capitals of any
    /// case-sensitive one: "is" for a state of "Is" and "IS"), and owns a list otherwise.
    fn make_match<'g>(
        &'g self,
        state: u32,
        text: &str,
        toks: &[Labelled],
        (i, j): (usize, usize),
        check: &mut CaseCheck,
    ) -> Option<Match<'g>> {
        let c = &self.compiled;
        let k = state as usize;
        let all = c.cands.get(c.trie.cands(state)?)?;
        let span = Span::new(toks.get(i)?.span.start, toks.get(j)?.span.end);
        let has_cs = c
            .state_cs
            .get(k / 64)
            .is_some_and(|w| w >> (k % 64) & 1 == 1);
        if !has_cs {
            return Some(self.new_match(span, Cow::Borrowed(all)));
        }
        let CaseCheck { form, passing } = check;
        let form = text_cs_form(text, toks.get(i..=j)?, self.options.strip_diacritics, form);
        let mut by_position = None;
        passing.clear();
        for &a in all {
            let passes = !self.store.alias_is_cs(a)
                || self.cs_form_of(a) == Some(form)
                    && !(self.is_strict(a)
                        && *by_position.get_or_insert_with(|| {
                            crate::english::capital_by_position(text, span.start, span.end)
                        }));
            if passes {
                passing.push(a);
            }
        }
        let cands = if passing.len() == all.len() {
            Cow::Borrowed(all)
        } else if passing.is_empty() {
            return None;
        } else {
            let ci = c.ci_only.get(state);
            if ci == passing.as_slice() {
                Cow::Borrowed(ci)
            } else {
                Cow::Owned(passing.clone())
            }
        };
        Some(self.new_match(span, cands))
    }

    #[inline]
    fn new_match<'g>(&'g self, span: Span, cands: Cow<'g, [u32]>) -> Match<'g> {
        Match {
            span,
            cands,
            store: &self.store,
        }
    }

    /// Whether alias `a` is a common English word that needs a capital not explained by
    /// its position.
    #[inline]
    fn is_strict(&self, a: u32) -> bool {
        self.compiled
            .strict
            .get(a as usize / 64)
            .is_some_and(|w| w >> (a % 64) & 1 == 1)
    }

    /// The case-sensitive form of a case-sensitive alias. `cs_index` lists the
    /// case-sensitive aliases in order, so an alias's entry is its rank among them: the
    /// count before its 64-alias block plus a population count inside the block.
    fn cs_form_of(&self, alias: u32) -> Option<&str> {
        let c = &self.compiled;
        let block = alias as usize / 64;
        let bits = *self.store.alias_cs.get(block)?;
        let below = bits & ((1u64 << (alias % 64)) - 1);
        let rank = *c.cs_rank_base.get(block)? as usize + below.count_ones() as usize;
        let &(a, s, e) = c.cs_index.get(rank)?;
        if a != alias {
            return None;
        }
        c.cs_text.get(s as usize..e as usize)
    }
}

/// Labels the chunk of `text` that starts at `from` on the fast path (see
/// [`Gazetteer::prepare`]) and returns where it ends; `None` when the chunk has a shape the
/// fast path does not take (its labels so far are then to be dropped).
#[inline(always)]
fn fast_chunk(
    tl: &mut TokenLabeler<'_>,
    vocab: &crate::vocab::Vocab,
    text: &str,
    from: usize,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let class = |i: usize| bytes.get(i).map_or(WS, |&b| BYTE_CLASS[usize::from(b)]);
    let mut i = from;
    // 0: at the start, after an opening bracket or a dash; 1: right after a word
    // (`word` is its span); 2: after digits, closing punctuation, a period or "’s";
    // 3: after a byte that is always a token of its own ([`SOLO`], a lone
    // apostrophe, "…").
    let mut state = 0u8;
    let mut word = (0, 0);
    loop {
        let c = class(i);
        match (state, c) {
            (_, WS) => return Some(i),
            (0 | 3, QUOTE) | (_, OPEN) => {
                tl.push_known(Span::new(i, i + 1), vocab.get(&bytes[i..i + 1]), false);
                i += 1;
                state = if c == OPEN { 0 } else { state };
            }
            (0 | 3, LETTER) => {
                let end = tl.push_word(text, i)?;
                word = (i, end);
                i = end;
                state = 1;
            }
            // A number: digits, and more digits after a `. , ; '` between digits
            // ("4,000", "3.5", "26.1.2018"), one token.
            (0 | 3, DIGIT) => {
                let from = i;
                loop {
                    while class(i) == DIGIT {
                        i += 1;
                    }
                    let mid = matches!(bytes.get(i), Some(b'.' | b',' | b';' | b'\''));
                    if !(mid && class(i + 1) == DIGIT) {
                        break;
                    }
                    i += 1;
                }
                tl.push_known(Span::new(from, i), vocab.get(&bytes[from..i]), false);
                state = 2;
            }
            // A hashtag: "#" and the word after it, at the start of a chunk or after
            // punctuation (not after a word, where "#" stands alone).
            (0 | 3, OTHER) if bytes[i] == b'#' && class(i + 1) == LETTER => {
                let end = letters_end(bytes, i + 1);
                if continues(bytes, end) {
                    return None;
                }
                tl.push(text, Span::new(i, end));
                i = end;
                state = 2;
            }
            // A slash, but not after digits (dates) nor a colon (URLs).
            (0 | 1 | 3, OTHER)
                if bytes[i] == b'/'
                    && i.checked_sub(1).and_then(|p| bytes.get(p)) != Some(&b':') =>
            {
                tl.push_known(Span::new(i, i + 1), vocab.get(b"/"), false);
                i += 1;
                state = 3;
            }
            // A hyphen, or a run of them (one token), anywhere but after digits
            // (dates and ranges).
            (0 | 1 | 3, HYPHEN) => {
                let from = i;
                while class(i) == HYPHEN {
                    i += 1;
                }
                tl.push_known(Span::new(from, i), vocab.get(&bytes[from..i]), true);
                state = 0;
            }
            (_, SOLO) => {
                tl.push_known(Span::new(i, i + 1), vocab.get(&bytes[i..i + 1]), false);
                i += 1;
                state = 3;
            }
            // Closing punctuation, and ": , ;" where they cannot join word characters
            // (else what follows must be given back: "a:b", "4,000").
            (_, CLOSE | QUOTE) => {
                let joined = joins(bytes, i, 1);
                tl.push_known(Span::new(i, i + 1), vocab.get(&bytes[i..i + 1]), false);
                i += 1;
                state = if joined || state == 2 { 2 } else { 3 };
            }
            // A period is its own token unless it ends an abbreviation or starts a
            // run of periods.
            (1..=3, PERIOD)
                if class(i + 1) != PERIOD
                    && (state != 1
                        || !text
                            .get(word.0..word.1)
                            .is_some_and(khabar_tokenize::keeps_final_period)) =>
            {
                tl.push_known(Span::new(i, i + 1), vocab.get(b"."), false);
                i += 1;
                state = 2;
            }
            // An apostrophe not between two word characters stands alone.
            (_, APOS) if !joins(bytes, i, 1) => {
                tl.push_known(Span::new(i, i + 1), vocab.get(b"'"), false);
                i += 1;
                state = 3;
            }
            // Three-byte punctuation: – — “ ” ‘ ’ …
            (_, E2) => match (state, bytes.get(i + 1..i + 3)) {
                (_, Some([0x80, 0x93 | 0x94])) => {
                    tl.push_known(Span::new(i, i + 3), vocab.get(b"-"), true);
                    i += 3;
                    state = 0;
                }
                (0 | 3, Some([0x80, 0x9C])) | (1..=3, Some([0x80, 0x9D])) => {
                    tl.push_known(Span::new(i, i + 3), vocab.get(b"\""), false);
                    i += 3;
                    state = if state == 0 { 0 } else { 2 };
                }
                // ‘ and ’ not between two word characters stand alone.
                (_, Some([0x80, 0x98 | 0x99])) if !joins(bytes, i, 3) => {
                    tl.push_known(Span::new(i, i + 3), vocab.get(b"'"), false);
                    i += 3;
                    state = 3;
                }
                // "…" always stands alone.
                (_, Some([0x80, 0xA6])) => {
                    tl.push(text, Span::new(i, i + 3));
                    i += 3;
                    state = 3;
                }
                _ => return None,
            },
            _ => return None,
        }
    }
}

/// The token spans of `text` (an alias): as `khabar_tokenize` gives them, through the fast
/// path for the simple chunks of an ASCII text.
pub(crate) fn token_spans(
    text: &str,
    tokenizer: &Tokenizer,
    tokens: &mut Vec<Token>,
    out: &mut Vec<Span>,
) {
    let bytes = text.as_bytes();
    let simple = text.is_ascii()
        && bytes
            .split(|&b| BYTE_CLASS[usize::from(b)] == WS)
            .all(|c| c.is_empty() || simple_chunk(c));
    if !simple {
        tokens.clear();
        tokenizer.tokenize_into(text, tokens);
        out.extend(tokens.iter().map(|t| t.span));
        return;
    }
    let class = |b: u8| {
        let c = BYTE_CLASS[usize::from(b)];
        (c == LETTER, c == DIGIT, c == WS)
    };
    let mut k = 0;
    while k < bytes.len() {
        let c = class(bytes[k]);
        if c.2 {
            k += 1;
            continue;
        }
        let from = k;
        k += 1;
        if c.0 || c.1 {
            while k < bytes.len() && class(bytes[k]) == c {
                k += 1;
            }
        }
        out.push(Span::new(from, k));
    }
}

/// Byte classes of the fast path.
const OTHER: u8 = 0;
/// ASCII characters with the Unicode White_Space property: where `khabar_tokenize` cuts
/// text into chunks.
const WS: u8 = 1;
const LETTER: u8 = 2;
const DIGIT: u8 = 3;
const HYPHEN: u8 = 4;
/// `( [`
const OPEN: u8 = 5;
/// `) ] , ; : ! ?`
const CLOSE: u8 = 6;
/// `"`: opening at the start of a chunk, closing after a word.
const QUOTE: u8 = 7;
const PERIOD: u8 = 8;
/// `'`
const APOS: u8 = 9;
/// The first byte of U+2000..U+2FFF, where the typographic dashes and quotes are.
const E2: u8 = 10;
/// ASCII punctuation that `khabar_tokenize` always makes a token of its own: no UAX #29
/// rule joins it to a neighbour, no tailoring reads it (unlike `# @` before a word, `/` in
/// dates and URLs, `.` and `-` in runs, `'` `:` `,` `;` between word characters).
const SOLO: u8 = 11;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = match c {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => WS,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'-' => HYPHEN,
            b'(' | b'[' => OPEN,
            b')' | b']' | b',' | b';' | b':' | b'!' | b'?' => CLOSE,
            _ => OTHER,
        };
        b += 1;
    }
    t[b'"' as usize] = QUOTE;
    t[b'.' as usize] = PERIOD;
    t[b'\'' as usize] = APOS;
    t[0xE2] = E2;
    let mut k = 0;
    let solo = b"*|`<>{}~%=+^\\&$";
    while k < solo.len() {
        t[solo[k] as usize] = SOLO;
        k += 1;
    }
    t
};

/// Whether `s` is one character, not whitespace: one token for `khabar_tokenize` (one
/// UAX #29 segment, which no tailoring splits).
#[inline]
fn single_char(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if !c.is_whitespace())
}

/// Whether a word segment ending at `end` goes on: a word character follows, or a
/// character that joins word characters (`. : , ; '`, ‘ ’) with a word character after it.
#[inline]
fn continues(bytes: &[u8], end: usize) -> bool {
    let word = |k: usize| {
        bytes
            .get(k)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    };
    match bytes.get(end) {
        Some(b'.' | b':' | b',' | b';' | b'\'') => word(end + 1),
        Some(0xE2) => {
            matches!(bytes.get(end + 1..end + 3), Some([0x80, 0x98 | 0x99])) && word(end + 3)
        }
        _ => word(end),
    }
}

/// Whether the apostrophe of `len` bytes at `i` is between two word characters
/// (`[A-Za-z0-9_]`), where UAX #29 may join it to them.
#[inline]
fn joins(bytes: &[u8], i: usize, len: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    i.checked_sub(1).is_some_and(|p| word(bytes.get(p))) && word(bytes.get(i + len))
}

/// Whether a chunk (no ASCII whitespace) has the shape `P* (W (- W)* | D) Q*`, with `W` a
/// run of ASCII letters, `D` a run of ASCII digits, `P` one of `( [ "` and `Q` one of
/// `) ] " , ; : ! ?`. For such a chunk `khabar_tokenize` gives one token per run and per
/// other byte: no URL, date, time, abbreviation, clitic or hyphen run can occur in it.
///
/// Aliases of this shape are tokenized without `khabar_tokenize`; `Gazetteer::prepare`
/// recognises a superset of it on the fly.
fn simple_chunk(chunk: &[u8]) -> bool {
    let mut k = 0;
    let n = chunk.len();
    while k < n && matches!(chunk[k], b'(' | b'[' | b'"') {
        k += 1;
    }
    if k < n && chunk[k].is_ascii_digit() {
        while k < n && chunk[k].is_ascii_digit() {
            k += 1;
        }
    } else {
        // At least one word, words separated by single hyphens.
        loop {
            let w = k;
            while k < n && chunk[k].is_ascii_alphabetic() {
                k += 1;
            }
            if k == w {
                return false;
            }
            if k + 1 < n && chunk[k] == b'-' && chunk[k + 1].is_ascii_alphabetic() {
                k += 1;
            } else {
                break;
            }
        }
    }
    chunk[k..]
        .iter()
        .all(|b| matches!(b, b')' | b']' | b'"' | b',' | b';' | b':' | b'!' | b'?'))
}

/// No previous token.
const NO_PREV: usize = usize::MAX;

/// The end of the run of ASCII letters starting at `from`: eight bytes at a time while
/// the text has room, then byte by byte.
#[inline]
fn letters_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while let Some(block) = bytes.get(end..end + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(block);
        let non_letters = !ascii_letter_mask(u64::from_le_bytes(w)) & HIGH_BITS;
        if non_letters != 0 {
            return end + (non_letters.trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
    while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    end
}

/// The high bit of every byte.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` set where that byte is an ASCII letter, all other bits
/// clear. Per byte `b`, with `x = (b | 0x20) & 0x7F` (lower-cased, high bit dropped so that
/// the additions below never carry into the next byte): `x + 0x1F` has its high bit set iff
/// `x >= 0x61` ('a'), `x + 0x05` iff `x >= 0x7B` (past 'z'); `b`'s own high bit marks a
/// non-ASCII byte.
#[inline]
fn ascii_letter_mask(w: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = (w | 0x2020_2020_2020_2020) & LOW7;
    let at_least_a = x + 0x1F1F_1F1F_1F1F_1F1F;
    let past_z = x + 0x0505_0505_0505_0505;
    at_least_a & !past_z & !w & HIGH_BITS
}

/// Folds tokens, looks them up and records their labels.
/// Whether an ASCII token is in title case ("Sarraj", not "SARRAJ" nor "sarraj"): only
/// such words are looked up by spelling key — a lower-case word is compared as spelled,
/// and the all-capital words of a text are mostly acronyms.
#[inline]
fn title_case(tok: &[u8]) -> bool {
    tok.first().is_some_and(u8::is_ascii_uppercase)
        && tok.get(1).is_some_and(u8::is_ascii_lowercase)
}

/// See [`TokenLabeler::resolve`].
#[inline]
fn resolve(
    canon: &[u32],
    keys: &crate::romanise::KeyIndex,
    id: Option<u32>,
    capitalised: bool,
    tok: &[u8],
) -> Option<u32> {
    match id {
        Some(id) => Some(canon.get(id as usize).copied().unwrap_or(id)),
        None if capitalised && !keys.is_empty() => keys.lookup(tok),
        None => None,
    }
}

struct TokenLabeler<'a> {
    memo: &'a mut [Memo],
    /// Spelling-key lookups by lower-cased token (empty: none kept).
    key_memo: &'a mut [Memo],
    vocab: &'a crate::vocab::Vocab,
    /// Vocabulary id → label id (empty: the identity), see [`crate::romanise`].
    canon: &'a [u32],
    /// Spelling keys, for capitalised tokens in no alias.
    keys: &'a crate::romanise::KeyIndex,
    /// The trie, for the start states the memo keeps.
    trie: &'a crate::trie::Trie,
    opts: khabar_tokenize::FoldOptions,
    /// End of the previous kept token, or [`NO_PREV`].
    prev_end: usize,
    prev_hyphen: bool,
    labelled: &'a mut Vec<Labelled>,
    buf: &'a mut String,
}

impl TokenLabeler<'_> {
    /// The label id of a token: its vocabulary id through `canon`, or for a capitalised
    /// token in no alias (`tok` is its folded or original form, ASCII letters), the label
    /// of its spelling key.
    #[inline]
    fn resolve(&self, id: Option<u32>, capitalised: bool, tok: &[u8]) -> Option<u32> {
        resolve(self.canon, self.keys, id, capitalised, tok)
    }

    /// Records a token whose id is already known.
    #[inline]
    fn push_known(&mut self, span: Span, id: Option<u32>, hyphen: bool) {
        self.push_known_start(span, id, hyphen, UNKNOWN_START);
    }

    /// [`push_known`](TokenLabeler::push_known) with the token's trie state from the root
    /// when known (else [`UNKNOWN_START`]).
    #[inline]
    fn push_known_start(&mut self, span: Span, id: Option<u32>, hyphen: bool, start: u32) {
        let label = match id {
            None => NONE,
            Some(id) if self.prev_end == NO_PREV => id << 1,
            Some(id) => id << 1 | gap_bit(self.prev_end, self.prev_hyphen, span.start, hyphen),
        };
        self.record(label, span, hyphen, start);
    }

    /// Appends a label and its span. A run of unknown tokens is recorded as its first one
    /// alone: a walk down the trie stops at any of them and no match starts at one, so the
    /// rest would only be skipped again (most tokens of a text are in no alias).
    #[inline]
    fn record(&mut self, label: u32, span: Span, hyphen: bool, start: u32) {
        if label != NONE || self.labelled.last().is_none_or(|t| t.label != NONE) {
            self.labelled.push(Labelled { label, start, span });
        }
        self.prev_end = span.end;
        self.prev_hyphen = hyphen;
    }

    /// Records the tokens of the chunk `chunk` of `text` the slow way: the shapes common
    /// outside prose that the tokenizer splits simply directly, anything else through
    /// `tokenizer` (its tokens of recent chunks remembered in `chunks`).
    fn push_chunk(
        &mut self,
        text: &str,
        chunk: Span,
        tokenizer: &Tokenizer,
        chunks: &mut ChunkMemo,
    ) {
        let bytes = text.as_bytes();
        let (chunk_start, i) = (chunk.start, chunk.end);
        // Shapes common outside prose that the tokenizer splits simply: a single
        // character that is not whitespace ("|", "•", "→"); a run of `[A-Za-z0-9_]` ("snake_case", "A9"), one token;
        // ASCII punctuation alone ("),", "*/", "..."), one token per byte but for runs of
        // periods or hyphens, one token each.
        let piece = bytes.get(chunk_start..i).unwrap_or(&[]);
        if single_char(text.get(chunk_start..i).unwrap_or(""))
            || piece
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.push_token(text, Span::new(chunk_start, i));
            return;
        }
        if piece.iter().all(|&b| b.is_ascii_punctuation() && b != b'_') {
            let mut k = chunk_start;
            while k < i {
                let b = bytes.get(k).copied().unwrap_or(0);
                let mut end = k + 1;
                if b == b'.' || b == b'-' {
                    while end < i && bytes.get(end) == Some(&b) {
                        end += 1;
                    }
                }
                self.push_token(text, Span::new(k, end));
                k = end;
            }
            return;
        }
        if let Some(piece) = text.get(chunk_start..i) {
            for t in chunks.spans(piece, tokenizer) {
                self.push_token(text, Span::new(chunk_start + t.start, chunk_start + t.end));
            }
        }
    }

    /// Records the word segment of `text` starting at `from` (an ASCII letter) as
    /// `khabar_tokenize` splits it, and returns its end; `None` when it is not a segment
    /// this handles.
    ///
    /// A run of letters is one token. Letters followed by digits or `_` ("A9",
    /// "snake_case") are one token to the end of the word characters. Letters joined by
    /// apostrophes (' ‘ ’) are one segment ("O'Brien", "don’t"), from which a final clitic
    /// after ' or ’ is split off: "’s", "'re", "'ve", "'ll", "'d", "'m", and "n't" after a
    /// letter. A segment that goes on with other joining characters ("a.b", "don't1") is
    /// given back.
    #[inline]
    fn push_word(&mut self, text: &str, from: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let end = letters_end(bytes, from);
        // Most words: letters, then neither a word character nor an apostrophe.
        let next = bytes.get(end).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphanumeric() || matches!(next, b'_' | b'\'' | 0xE2)) {
            self.push_letters_to(bytes, from, end);
            return Some(end);
        }
        self.push_word_rest(text, from, end)
    }

    /// [`push_word`](TokenLabeler::push_word) where the run of letters `from..end` is
    /// followed by a word character, an apostrophe or a three-byte character.
    #[inline(never)]
    fn push_word_rest(&mut self, text: &str, from: usize, mut end: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let word = |k: usize| {
            bytes
                .get(k)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        };
        if word(end) {
            while word(end) {
                end += 1;
            }
            if continues(bytes, end) {
                return None;
            }
            self.push(text, Span::new(from, end));
            return Some(end);
        }
        let letter = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphabetic);
        let apostrophe = |k: usize| match bytes.get(k) {
            Some(b'\'') => 1,
            Some(0xE2) if matches!(bytes.get(k + 1..k + 3), Some([0x80, 0x98 | 0x99])) => 3,
            _ => 0,
        };
        let mut last = None;
        loop {
            let len = apostrophe(end);
            if len == 0 || !letter(end + len) {
                break;
            }
            last = Some((end, len));
            end = letters_end(bytes, end + len);
        }
        let Some((at, len)) = last else {
            self.push_letters_to(bytes, from, end);
            return Some(end);
        };
        if continues(bytes, end) {
            return None;
        }
        // ‘ never starts a clitic; ' and ’ (ending in 0x99) do.
        let clitic_apostrophe = len == 1 || bytes.get(at + 2) == Some(&0x99);
        let tail = bytes.get(at + len..end)?;
        let head = bytes.get(from..at)?;
        let is = |w: &[u8]| tail.eq_ignore_ascii_case(w);
        let cut = if !clitic_apostrophe {
            None
        } else if is(b"s") || is(b"re") || is(b"ve") || is(b"ll") || is(b"d") || is(b"m") {
            Some(at)
        } else if is(b"t") && matches!(head, [.., p, b'n' | b'N'] if p.is_ascii_alphabetic()) {
            Some(at - 1)
        } else {
            None
        };
        match cut {
            Some(cut) => {
                self.push_token(text, Span::new(from, cut));
                self.push(text, Span::new(cut, end));
            }
            None => self.push(text, Span::new(from, end)),
        }
        Some(end)
    }

    /// Records the token `span` of `text` as [`push`](TokenLabeler::push) does, with its
    /// shortcuts: a run of ASCII letters through the memo ([`push_letters_to`]), one
    /// ASCII byte looked up directly. This labels the tokenizer's tokens, those of the
    /// pipeline ([`Gazetteer::label_tokens`]) and those of the chunks the fast path gives
    /// back ([`push_chunk`]).
    ///
    /// [`push_letters_to`]: TokenLabeler::push_letters_to
    /// [`push_chunk`]: TokenLabeler::push_chunk
    #[inline]
    fn push_token(&mut self, text: &str, span: Span) {
        let bytes = text.as_bytes();
        let Span { start, end } = span;
        if start < end && end <= bytes.len() && letters_end(bytes, start) == end {
            self.push_letters_to(bytes, start, end);
        } else if let Some(&[b]) = bytes
            .get(start..end)
            .filter(|s| matches!(s, [b] if b.is_ascii()))
        {
            // One ASCII byte (",", ".", "(", "5", the "S" of "Sn’t"): what `push`
            // computes for it, without its general folding (a letter lower-cased; one
            // character is never capitalised).
            let low = b.to_ascii_lowercase();
            let id = self.resolve(self.vocab.get(&[low]), false, &[low]);
            self.push_known(span, id, b == b'-');
        } else {
            self.push(text, span);
        }
    }

    /// Records the token `bytes[from..end]`, a run of ASCII letters.
    #[inline(always)]
    fn push_letters_to(&mut self, bytes: &[u8], from: usize, end: usize) {
        let n = end - from;
        let id = if !(2..=MEMO_BYTES).contains(&n) {
            self.vocab.get_ascii_letters(bytes, from, end)
        } else {
            let h = crate::vocab::hash_ascii_letters_lower(bytes, from, end);
            let tok = bytes.get(from..end).unwrap_or(&[]);
            // Most words are in no alias: the vocabulary's filter (a few KiB) says so before
            // the memo (160 KiB) is touched.
            if !self.vocab.may_contain(h) {
                let id = self.key_label(h, tok);
                self.push_known(Span::new(from, end), id, false);
                return;
            }
            let slot = (h >> 40) as usize & (MEMO_LEN - 1);
            let (canon, trie) = (self.canon, self.trie);
            // A token in the vocabulary resolves to its label whatever its case.
            let label_of = |id: u32| canon.get(id as usize).copied().unwrap_or(id);
            let found = match self.memo.get_mut(slot) {
                Some(m) if m.holds(h, tok) => (m.id != NONE).then_some((m.id, m.start)),
                Some(m) => {
                    let id = self.vocab.get_ascii_letters_hashed(bytes, from, end, h);
                    let label = id.map(label_of);
                    m.hash = h;
                    m.len = n as u8;
                    for (d, s) in m.bytes.iter_mut().zip(tok) {
                        *d = s.to_ascii_lowercase();
                    }
                    m.id = label.unwrap_or(NONE);
                    m.start = label.map_or(0, |l| trie.start(l));
                    label.map(|l| (l, m.start))
                }
                None => self
                    .vocab
                    .get_ascii_letters_hashed(bytes, from, end, h)
                    .map(|id| (label_of(id), UNKNOWN_START)),
            };
            match found {
                Some((label, start)) => {
                    self.push_known_start(Span::new(from, end), Some(label), false, start);
                    return;
                }
                // Not in the vocabulary: perhaps by its spelling key.
                None => {
                    let id = self.key_label(h, tok);
                    self.push_known(Span::new(from, end), id, false);
                    return;
                }
            }
        };
        let tok = bytes.get(from..end).unwrap_or(&[]);
        let id = self.resolve(id, title_case(tok), tok);
        self.push_known(Span::new(from, end), id, false);
    }

    /// The label of a token of ASCII letters in no alias (`h` the hash of its lower-cased
    /// form): by its spelling key if it is capitalised, as [`resolve`] gives it. A
    /// spelling key depends only on the lower-cased letters, so the lookups are remembered
    /// by them in a small direct-mapped table, as [`Memo`] does for the vocabulary: news
    /// text repeats its capitalised words ("The", "Taliban", "Ahmad") and computing a key
    /// takes more work than the rest of the token.
    #[inline(always)]
    fn key_label(&mut self, h: u64, tok: &[u8]) -> Option<u32> {
        // Most tokens are not in title case: answered here, without a call.
        if !title_case(tok) || self.keys.is_empty() {
            return None;
        }
        self.key_label_title(h, tok)
    }

    /// [`key_label`](TokenLabeler::key_label) of a token in title case.
    #[inline(never)]
    fn key_label_title(&mut self, h: u64, tok: &[u8]) -> Option<u32> {
        let n = tok.len();
        let slot = (h >> 40) as usize & (KEY_MEMO_LEN - 1);
        let keys = self.keys;
        match self.key_memo.get_mut(slot) {
            Some(m) if m.holds(h, tok) => (m.id != NONE).then_some(m.id),
            Some(m) if n <= MEMO_BYTES => {
                let label = keys.lookup(tok);
                m.hash = h;
                m.len = n as u8;
                for (d, s) in m.bytes.iter_mut().zip(tok) {
                    *d = s.to_ascii_lowercase();
                }
                m.id = label.unwrap_or(NONE);
                label
            }
            _ => keys.lookup(tok),
        }
    }

    #[inline]
    fn push(&mut self, text: &str, span: Span) {
        let tok = span.slice(text).unwrap_or("");
        let bytes = tok.as_bytes();
        let mut lower = [0u8; 32];
        // Fast path: short ASCII tokens are lower-cased on the stack.
        let ascii = bytes.len() <= lower.len() && {
            let mut ok = true;
            for (d, &b) in lower.iter_mut().zip(bytes) {
                ok &= b.is_ascii();
                *d = b.to_ascii_lowercase();
            }
            ok
        };
        let capitalised = {
            let mut cs = tok.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.next().is_some_and(char::is_lowercase)
        };
        let (id, hyphen) = if ascii {
            let folded = lower.get(..bytes.len()).unwrap_or(&[]);
            if folded.is_empty() {
                return;
            }
            let id = self.resolve(self.vocab.get(folded), capitalised, folded);
            (id, folded.iter().all(|&b| b == b'-'))
        } else {
            let (canon, keys) = (self.canon, self.keys);
            let folded = fold_token(tok, self.opts, self.buf);
            if folded.is_empty() {
                return;
            }
            let id = self.vocab.get(folded.as_bytes());
            let hyphen = is_hyphen(folded);
            (
                resolve(canon, keys, id, capitalised, folded.as_bytes()),
                hyphen,
            )
        };
        let label = match id {
            None => NONE,
            Some(id) if self.prev_end == NO_PREV => id << 1,
            Some(id) => id << 1 | gap_bit(self.prev_end, self.prev_hyphen, span.start, hyphen),
        };
        self.record(label, span, hyphen, UNKNOWN_START);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokens of a simple chunk as the fast path emits them.
    fn fast_tokens(chunk: &str) -> Vec<&str> {
        let b = chunk.as_bytes();
        let mut out = Vec::new();
        let mut k = 0;
        while k < b.len() {
            let from = k;
            let class = |x: u8| (x.is_ascii_alphabetic(), x.is_ascii_digit());
            let c = class(b[k]);
            k += 1;
            if c != (false, false) {
                while k < b.len() && class(b[k]) == c {
                    k += 1;
                }
            }
            out.push(&chunk[from..k]);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// On every chunk the fast path accepts, it splits exactly as `khabar_tokenize`.
        #[test]
        fn simple_chunks_tokenize_like_khabar_tokenize(
            chunk in "[(\\[\"]{0,2}([A-Za-z]{1,4}(-[A-Za-z]{1,3}){0,2}|[0-9]{1,5}|[A-Za-z0-9.:,'#@/_-]{1,6})[)\\]\",;:!?.']{0,3}"
        ) {
            if simple_chunk(chunk.as_bytes()) {
                let want: Vec<&str> = khabar_tokenize::tokenize(&chunk).iter().map(|t| t.text(&chunk)).collect();
                prop_assert_eq!(fast_tokens(&chunk), want);
            }
        }
    }

    /// Labels and spans of every token by the slow path alone.
    fn slow_labels(gz: &Gazetteer, text: &str) -> (Vec<u32>, Vec<Span>) {
        let (mut labelled, mut buf) = (Vec::new(), String::new());
        let mut memo = vec![Memo::default(); MEMO_LEN];
        let mut tl = TokenLabeler {
            memo: &mut memo,
            key_memo: &mut [],
            vocab: &gz.compiled.vocab,
            canon: &gz.compiled.canon,
            keys: &gz.compiled.key_index,
            trie: &gz.compiled.trie,
            opts: fold_ci(gz.options.strip_diacritics),
            prev_end: NO_PREV,
            prev_hyphen: false,
            labelled: &mut labelled,
            buf: &mut buf,
        };
        for t in khabar_tokenize::tokenize(text) {
            tl.push(text, t.span);
        }
        split(&labelled)
    }

    /// The labels and the spans of labelled tokens.
    fn split(labelled: &[Labelled]) -> (Vec<u32>, Vec<Span>) {
        labelled.iter().map(|t| (t.label, t.span)).unzip()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The fused fast path gives the labels and spans of the slow path.
        #[test]
        fn prepare_equals_slow_path(
            text in "([(\\[\"“–—]{0,2}([A-Za-z]{1,5}(-[A-Za-z]{1,3}){0,2}|Dr|etc|J|U|Oct|[0-9]{1,4}|[A-Za-z0-9.:,'#@/_ñ’|*=<>\\x00-]{1,6}|[!-/:-@\\[-^`{-~]{1,6})(['’][sSt]|[)\\]\",;:!?.'”’–—]){0,3}[ \n\t]{1,2}){0,8}"
        ) {
            prepare_agrees(&text, &["a", "ab-c", "1", "(", "\"", "-", "k", "Da'esh", ".", "U.S.", "'s", "Dr.", "etc.", "|", "a_b", "a9", "*"])?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The same on the shapes of technical and quoted text the fast path takes on its
        /// own: bytes that stand alone (`*W*`, `|W`, `50%`, `<W>`), lone and typographic
        /// apostrophes and quotes, runs of hyphens, "…", beside words, digits and the
        /// shapes it gives back (`W'W`, `W.W`, `D:D`, `#W`, `/`).
        #[test]
        fn prepare_equals_slow_path_on_symbols(
            text in "(([*|`<>{}~%=+^&$\\\\'’‘“”\"(),.:;!?#@/_-]|…|–|—|--|[A-Za-z]{1,4}|J|Dr|[0-9]{1,4}|'s|’s|n't|n’t|[’'‘]([dmtDM]|re|ll|Ve)|O'B|1,0|3.5){1,6}[ \n]){0,8}"
        ) {
            prepare_agrees(&text, &["a", "ab-c", "1", "(", "\"", "-", "--", "k", "Da'esh", ".", "'", "'s", "*", "%", "|", "…", "a*b", "a - b", "Dr."])?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// With a romanising gazetteer, capitalised tokens in no alias are labelled by their
        /// spelling keys: the fast paths remember those lookups ([`TokenLabeler::key_label`])
        /// and must give what the slow path computes each time, whatever the case of the
        /// repeats ("Qandahar", "QANDAHAR", "qandahar"), on the first text and the second.
        #[test]
        fn spelling_key_memo_equals_slow_path(
            words in proptest::collection::vec(
                "Kandahar|Qandahar|Kandehar|QANDAHAR|qandahar|Jowzjan|Jawzjan|Jauzjan|jawzjan|Hilmand|Helmand|HELMAND|Lashkargah|Lashkar|Gah|Ahmadzay|Ahmadzai|Ahmedzai|The|THE|the|Turn|Nangrahar|Nangarhar|Chahar|Char|Darah|Dara|[A-Z][a-z]{1,7}|[a-z]{2,8}",
                0..24,
            ),
            seps in proptest::collection::vec("[ ,.\n]|, | - ", 24),
        ) {
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            let gz = Gazetteer::builder()
                .romanise(true)
                .entry(crate::Entry::new("KDH", "Kandahar", "GPE").with_country("AF"))
                .entry(crate::Entry::new("JOW", "Jowzjan", "GPE").with_country("AF"))
                .entry(crate::Entry::new("HEL", "Helmand", "GPE").with_country("AF"))
                .entry(crate::Entry::new("LKG", "Lashkar Gah", "GPE").with_country("AF"))
                .entry(crate::Entry::new("NAN", "Nangarhar", "GPE").with_country("AF"))
                .entry(crate::Entry::new("CHD", "Chahar Darah", "GPE").with_country("AF"))
                .entry(crate::Entry::new("AHM", "Ahmadzai", "NORP").with_attr("romanise", "yes"))
                .build()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let (labels, spans) = slow_labels(&gz, &text);
            let mut s = Scratch::new();
            for _ in 0..2 {
                gz.prepare(&text, &mut s);
                prop_assert_eq!(split(&s.labelled), (labels.clone(), spans.clone()));
                gz.label_tokens(&text, &khabar_tokenize::tokenize(&text), &mut s);
                prop_assert_eq!(split(&s.labelled), (labels.clone(), spans.clone()));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// The same on the chunks the fast path gives back to the tokenizer, as counted on
        /// the 10 MB corpus (code, markup, paths, abbreviations, version numbers, runs of
        /// periods, non-ASCII symbols and spaces), repeated so that the memo of their
        /// tokens ([`ChunkMemo`]) answers within a text and across the two passes.
        #[test]
        fn prepare_equals_slow_path_on_fallback_chunks(
            chunks in proptest::collection::vec(
                "\\(e\\.g\\.,|\\(i\\.e\\.,|<stdio\\.h>|<a/b\\.h>|POSIX\\.1-2001,|c:function::|:c:func:`Kabul\\.x`|``__init__``|\\\\f\\{B1\\}|\\.\\.|\\.{1,4}|etc\\.|Dr\\.|U\\.S\\.|a\\.b|32-bit|1-2|[|]a:9,|\u{a0}{1,3}|§|→|[A-Za-z0-9._:<>/(),`|\\\\{}-]{1,10}",
                1..12,
            ),
            picks in proptest::collection::vec((0usize..12, "[ \n]"), 0..24),
        ) {
            let text: String = picks
                .iter()
                .map(|(i, sep)| format!("{}{sep}", chunks[i % chunks.len()]))
                .collect();
            prepare_agrees(&text, &["kabul", "a", "b", "e.g", "h", ".", "-", "1", "bit", "u.s.", "etc.", "stdio.h", "a.b", "(", ","])?;
        }
    }

    /// `prepare` on `text` with a gazetteer of `aliases` labels as the slow path does,
    /// twice on the same scratch (the second time every word is in the memo).
    fn prepare_agrees(text: &str, aliases: &[&str]) -> Result<(), TestCaseError> {
        let gz = Gazetteer::from_entries([
            crate::Entry::new("A", "Kabul", "X").with_aliases(aliases.iter().copied())
        ])
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut s = Scratch::new();
        let (labels, spans) = slow_labels(&gz, text);
        for _ in 0..2 {
            gz.prepare(text, &mut s);
            prop_assert_eq!(split(&s.labelled), (labels.clone(), spans.clone()));
            check_starts(&gz, &s)?;
        }
        Ok(())
    }

    /// Every trie state the labeller recorded is the one the walk would look up.
    fn check_starts(gz: &Gazetteer, s: &Scratch) -> Result<(), TestCaseError> {
        for t in &s.labelled {
            if t.label != NONE && t.start != UNKNOWN_START {
                prop_assert_eq!(t.start, gz.compiled.trie.start(t.label >> 1));
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// Labelling the tokenizer's tokens (the pipeline's way, with its shortcuts for runs
        /// of letters and single bytes) gives the labels and spans of the slow path.
        #[test]
        fn label_tokens_equals_slow_path(
            text in "([(\\[\"“–—]{0,2}([A-Za-z]{1,5}(-[A-Za-z]{1,3}){0,2}|Dr|U|[0-9]{1,4}|[A-Za-z0-9.:,'#@/_ñ’|*=<>\\x00-]{1,6}|[!-/:-@\\[-^`{-~]{1,6})(['’][sSt]|[)\\]\",;:!?.'”’–—]){0,3}[ \n\t]{1,2}){0,8}"
        ) {
            let gz = Gazetteer::from_entries([
                crate::Entry::new("A", "Kabul", "X").with_aliases(["a", "ab-c", "1", "(", "\"", "-", "k", "Da'esh", ".", "U.S.", "'s", "Dr.", "|", "a_b", "a9", "*", ","]),
            ]).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let mut s = Scratch::new();
            let (labels, spans) = slow_labels(&gz, &text);
            for _ in 0..2 {
                gz.label_tokens(&text, &khabar_tokenize::tokenize(&text), &mut s);
                prop_assert_eq!(split(&s.labelled), (labels.clone(), spans.clone()));
                check_starts(&gz, &s)?;
            }
        }
    }

    /// The word-at-a-time letter scan against the byte-by-byte definition, on every byte
    /// value in every position of a block.
    #[test]
    fn letters_end_equals_bytewise() {
        let bytewise = |b: &[u8], from: usize| {
            from + b[from..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count()
        };
        for other in 0..=255u8 {
            for pos in 0..12 {
                let mut b = b"abcdefghijklmnopqrstuvwxyz".to_vec();
                b[pos] = other;
                for from in 0..4 {
                    assert_eq!(
                        letters_end(&b, from),
                        bytewise(&b, from),
                        "{other} at {pos}"
                    );
                }
            }
        }
        for b in [
            &b""[..],
            b"a",
            b"Kabul",
            b"ZzAa@[`{",
            b"abcdefgh",
            b"abcdefghi",
        ] {
            assert_eq!(letters_end(b, 0), bytewise(b, 0));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn letters_end_on_random_bytes(b in proptest::collection::vec(any::<u8>(), 0..40), from in 0usize..40) {
            let from = from.min(b.len());
            let want = from + b[from..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
            prop_assert_eq!(letters_end(&b, from), want);
        }
    }

    #[test]
    fn simple_chunk_shapes() {
        for yes in [
            "Kabul",
            "(Kabul),",
            "Kabul-based",
            "\"IS-K\":",
            "2017",
            "(2017);",
            "a-b-c!?",
        ] {
            assert!(simple_chunk(yes.as_bytes()), "{yes}");
        }
        for no in [
            "Kabul.", "U.S.", "Kabul's", "2017-18", "4,000", "21st", "a--b", "-a", "a-", "#Kabul",
            "11:58", "",
        ] {
            assert!(!simple_chunk(no.as_bytes()), "{no}");
        }
    }
}
