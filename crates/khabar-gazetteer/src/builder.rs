//! Building a [`Gazetteer`]: collect entries from code and files, then compile.

use crate::ci_only::CiOnly;
use crate::entry::Entry;
use crate::error::{Error, Result, Source};
use crate::gazetteer::{Gazetteer, Options};
use crate::key::{fold_ci, fold_token, gap_bit, is_acronym, is_hyphen};
use crate::load;
use crate::store::{EntryParts, Store};
use crate::trie::TrieBuilder;
use crate::vocab::Vocab;
use khabar_tokenize::{Span, Token, Tokenizer};
use std::io::Read;
use std::path::Path;

/// Collects entries — from code, CSV, TSV and JSON Lines files, other gazetteers — and
/// compiles them into a [`Gazetteer`].
///
/// Adding several files merges them; an id defined twice anywhere is an error
/// ([`Error::DuplicateId`], naming both places).
///
/// ```
/// use khabar_gazetteer::{Entry, Gazetteer};
/// let gz = Gazetteer::builder()
///     .strip_diacritics(true)
///     .entry(Entry::new("AF-KNR", "Kunar", "GPE").with_alias("Kunaṟ"))
///     .build()?;
/// let text = "fighting in Kunaṟ and in KUNAR";
/// assert_eq!(gz.find(text).len(), 2);
/// # Ok::<(), khabar_gazetteer::Error>(())
/// ```
#[derive(Debug)]
pub struct GazetteerBuilder {
    store: Store,
    /// Per entry: index into `files` (or `u32::MAX` for code) and line.
    origins: Vec<(u32, u64)>,
    files: Vec<String>,
    options: Options,
    /// The first error of an [`entry`](GazetteerBuilder::entry) call, reported by `build`.
    deferred: Option<Error>,
    /// With [`collect_errors`](GazetteerBuilder::collect_errors): the row errors seen so far.
    collected: Option<Vec<Error>>,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder::new()
    }
}

impl GazetteerBuilder {
    /// An empty builder with the default options: no diacritic folding, the acronym rule on,
    /// parents checked.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            store: Store::new(),
            origins: Vec::new(),
            files: Vec::new(),
            options: Options::default(),
            deferred: None,
            collected: None,
        }
    }

    /// Compiles romanisation variants ([`crate::romanise::variants`]) of the
    /// case-insensitive aliases of Perso-Arabic places: entries labelled GPE, LOC or FAC
    /// whose country is one of [`crate::romanise::COUNTRIES`], and every entry with the
    /// attribute `romanise` = `yes`. A variant that another entry also reaches (by an
    /// alias or a variant of its own), or that is a common English word, is not compiled
    /// and is listed by [`Gazetteer::dropped_variants`]. Off by default; on in the default
    /// gazetteer.
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::builder()
    ///     .romanise(true)
    ///     .entry(Entry::new("D", "Nahr-e Saraj", "GPE").with_country("AF"))
    ///     .build()?;
    /// let text = "fighting in Nahri Sarraj and Nahr-i-Saraj";
    /// let found: Vec<(&str, &str)> =
    ///     gz.find(text).iter().map(|m| (m.as_str(text), m.alias())).collect();
    /// assert_eq!(found, [("Nahri Sarraj", "Nahr-e Saraj"), ("Nahr-i-Saraj", "Nahr-e Saraj")]);
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn romanise(&mut self, yes: bool) -> &mut Self {
        self.options.romanise = yes;
        self
    }

    /// Keeps reading after a bad row: files added afterwards record every row error
    /// instead of stopping at the first, and [`problems`](GazetteerBuilder::problems)
    /// returns them all (as `khabar gazetteer check` does). Errors that stop a file as a
    /// whole (it cannot be opened, its header lacks a column) still return at once.
    ///
    /// ```
    /// use khabar_gazetteer::GazetteerBuilder;
    /// let csv = "id,name,label,parent\nA,,GPE,\nB,Bee,GPE,\nB,Bee again,GPE,\nC,Cee,GPE,NOPE\n";
    /// let mut b = GazetteerBuilder::new();
    /// b.collect_errors(true).add_csv_reader(csv.as_bytes(), "my.csv")?;
    /// let problems: Vec<String> = b.problems().iter().map(|e| e.to_string()).collect();
    /// assert_eq!(problems.len(), 3);
    /// assert!(problems[0].starts_with("my.csv:2"));
    /// assert!(problems[1].contains("duplicate id \"B\" at my.csv:4"));
    /// assert!(problems[2].starts_with("my.csv:5"));
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn collect_errors(&mut self, yes: bool) -> &mut Self {
        self.collected = yes.then(Vec::new);
        self
    }

    /// Records a row error when collecting, else returns it.
    pub(crate) fn report(&mut self, e: Error) -> Result<()> {
        match &mut self.collected {
            Some(v) => {
                v.push(e);
                Ok(())
            }
            None => Err(e),
        }
    }

    /// [`report`](Self::report) for a row's result.
    pub(crate) fn report_result(&mut self, r: Result<()>) -> Result<()> {
        r.or_else(|e| self.report(e))
    }

    /// Every problem found so far, in file order: the row errors recorded with
    /// [`collect_errors`](GazetteerBuilder::collect_errors), then every duplicate id and
    /// every unknown parent (when parents are checked). Empty means
    /// [`build`](GazetteerBuilder::build) will not fail on these grounds. The collected
    /// errors are taken out; the entries stay.
    pub fn problems(&mut self) -> Vec<Error> {
        let mut out = self
            .collected
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        out.extend(self.deferred.take());
        let store = &self.store;
        let id_of = |i: usize| store.entries.get(i).map_or("", |r| store.str(r.id));
        let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for i in 0..store.entries.len() {
            if let Some(&f) = first.get(id_of(i)) {
                out.push(Error::DuplicateId {
                    id: id_of(i).to_owned(),
                    first: Box::new(self.source_of(f as u32)),
                    second: Box::new(self.source_of(i as u32)),
                });
            } else {
                first.insert(id_of(i), i);
            }
        }
        if self.options.check_parents {
            for (i, rec) in store.entries.iter().enumerate() {
                let parent = store.str(rec.parent);
                if !parent.is_empty() && !first.contains_key(parent) {
                    out.push(Error::UnknownParent {
                        id: id_of(i).to_owned(),
                        parent: parent.to_owned(),
                        at: Box::new(self.source_of(i as u32)),
                    });
                }
            }
        }
        // File order: by file, then line (errors without a place keep their order).
        out.sort_by_key(|e| e.location().map(|s| (s.file.clone(), s.line)));
        out
    }

    /// Folds diacritics on both sides, so that "Kunar" finds "Kunaṟ" and the reverse
    /// (default: off).
    pub fn strip_diacritics(&mut self, yes: bool) -> &mut Self {
        self.options.strip_diacritics = yes;
        self
    }

    /// Applies the default acronym rule ([`is_acronym`]): short all-capital or mixed-case
    /// aliases are case-sensitive even if not listed as such (default: on).
    pub fn auto_case_sensitive(&mut self, yes: bool) -> &mut Self {
        self.options.auto_case_sensitive = yes;
        self
    }

    /// Checks that every `parent` names an entry (default: on). Off, unknown parents are
    /// kept as ids and [`EntryRef::parent`](crate::EntryRef::parent) returns `None`.
    pub fn check_parents(&mut self, yes: bool) -> &mut Self {
        self.options.check_parents = yes;
        self
    }

    /// Number of entries added so far.
    pub fn len(&self) -> usize {
        self.store.entries.len()
    }

    /// Whether no entry has been added.
    pub fn is_empty(&self) -> bool {
        self.store.entries.is_empty()
    }

    /// Adds an entry; an invalid entry (empty id, name or alias) is reported by
    /// [`build`](GazetteerBuilder::build).
    pub fn entry(&mut self, entry: Entry) -> &mut Self {
        if let Err(e) = self.add(entry) {
            self.deferred.get_or_insert(e);
        }
        self
    }

    /// Adds an entry, checking it at once.
    pub fn add(&mut self, entry: Entry) -> Result<&mut Self> {
        self.add_from(&entry, Source::default(), None)?;
        Ok(self)
    }

    /// Adds an entry that came from `at`. `file_index` is the index into `files`.
    pub(crate) fn add_from(
        &mut self,
        e: &Entry,
        at: Source,
        file_index: Option<u32>,
    ) -> Result<()> {
        let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        let case_sensitive: Vec<&str> = e.case_sensitive.iter().map(String::as_str).collect();
        let attrs: Vec<(&str, &str)> = e
            .attrs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let parts = EntryParts {
            id: &e.id,
            name: &e.name,
            label: &e.label,
            aliases: &aliases,
            case_sensitive: &case_sensitive,
            country: e.country.as_deref(),
            parent: e.parent.as_deref(),
            wikidata: e.wikidata.as_deref(),
            lat: e.lat,
            lon: e.lon,
            priority: e.priority,
            attrs: &attrs,
        };
        self.add_parts(&parts, at, file_index)
    }

    /// Adds a borrowed entry (attributes sorted by key) that came from `at`.
    pub(crate) fn add_parts(
        &mut self,
        e: &EntryParts<'_>,
        at: Source,
        file_index: Option<u32>,
    ) -> Result<()> {
        let at_builder = |at: &Source| {
            let mut at = at.clone();
            if at.file.is_none() {
                at.line = Some(self.store.entries.len() as u64 + 1);
            }
            at
        };
        if e.id.is_empty() {
            return Err(Error::EmptyField {
                id: String::new(),
                field: "id",
                at: Box::new(at_builder(&at)),
            });
        }
        if e.name.trim().is_empty() {
            return Err(Error::EmptyField {
                id: e.id.to_owned(),
                field: "name",
                at: Box::new(at_builder(&at)),
            });
        }
        if e.aliases
            .iter()
            .chain(e.case_sensitive)
            .any(|a| a.trim().is_empty())
        {
            return Err(Error::EmptyAlias {
                id: e.id.to_owned(),
                at: Box::new(at_builder(&at)),
            });
        }
        let auto = self.options.auto_case_sensitive;
        self.store.push(e, &|a| auto && is_acronym(a))?;
        self.origins
            .push((file_index.unwrap_or(u32::MAX), at.line.unwrap_or(0)));
        Ok(())
    }

    pub(crate) fn register_file(&mut self, name: &str) -> u32 {
        self.files.push(name.to_owned());
        (self.files.len() - 1) as u32
    }

    /// Adds the entries of a CSV file (see the crate docs for the columns).
    pub fn add_csv_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let file = open(path)?;
        load::read_delimited(self, file, &path.display().to_string(), load::Format::Csv)?;
        Ok(self)
    }

    /// Adds the entries of a TSV file: the CSV columns, tab-separated, without quoting.
    pub fn add_tsv_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let file = open(path)?;
        load::read_delimited(self, file, &path.display().to_string(), load::Format::Tsv)?;
        Ok(self)
    }

    /// Adds the entries of a JSON Lines file: one [`Entry`] object per line.
    pub fn add_jsonl_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let file = open(path)?;
        load::read_jsonl(self, file, &path.display().to_string())?;
        Ok(self)
    }

    /// Adds a file, choosing the format by its extension: `.tsv`/`.tab`, `.jsonl`/`.ndjson`,
    /// anything else as CSV.
    pub fn add_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "tsv" | "tab" => self.add_tsv_path(path),
            "jsonl" | "ndjson" => self.add_jsonl_path(path),
            _ => self.add_csv_path(path),
        }
    }

    /// Adds CSV data from a reader; `name` is used in error messages.
    pub fn add_csv_reader(&mut self, reader: impl Read, name: &str) -> Result<&mut Self> {
        load::read_delimited(self, reader, name, load::Format::Csv)?;
        Ok(self)
    }

    /// Adds TSV data from a reader; `name` is used in error messages.
    pub fn add_tsv_reader(&mut self, reader: impl Read, name: &str) -> Result<&mut Self> {
        load::read_delimited(self, reader, name, load::Format::Tsv)?;
        Ok(self)
    }

    /// Adds JSON Lines data from a reader; `name` is used in error messages.
    pub fn add_jsonl_reader(&mut self, reader: impl Read, name: &str) -> Result<&mut Self> {
        load::read_jsonl(self, reader, name)?;
        Ok(self)
    }

    /// Adds every entry of a compiled gazetteer (to merge gazetteers). Aliases keep their
    /// case-sensitivity.
    pub fn add_gazetteer(&mut self, gz: &Gazetteer) -> Result<&mut Self> {
        for e in gz.entries() {
            self.add_from(&e.to_entry(), Source::default(), None)?;
        }
        Ok(self)
    }

    fn source_of(&self, entry: u32) -> Source {
        match self.origins.get(entry as usize) {
            Some(&(f, line)) if f != u32::MAX => Source {
                file: self.files.get(f as usize).cloned(),
                line: Some(line),
                column: None,
                field: None,
            },
            _ => Source {
                file: None,
                line: Some(u64::from(entry) + 1),
                column: None,
                field: None,
            },
        }
    }

    /// Compiles the entries into a [`Gazetteer`]. The builder is left empty (with its
    /// options) and can be reused.
    pub fn build(&mut self) -> Result<Gazetteer> {
        if let Some(e) = self.deferred.take() {
            return Err(e);
        }
        let mut store = std::mem::replace(&mut self.store, Store::new());
        store.shrink();
        let result = self.compile(&mut store);
        self.origins.clear();
        self.files.clear();
        Ok(Gazetteer::from_parts(store, self.options, result?))
    }

    fn compile(&self, store: &mut Store) -> Result<crate::gazetteer::Compiled> {
        if let Some((first, second)) = store.index_ids() {
            let id = store
                .entries
                .get(second as usize)
                .map_or("", |r| store.str(r.id))
                .to_owned();
            return Err(Error::DuplicateId {
                id,
                first: Box::new(self.source_of(first)),
                second: Box::new(self.source_of(second)),
            });
        }
        if let Some(bad) = store.link_parents() {
            if self.options.check_parents {
                let rec = store.entries.get(bad as usize);
                return Err(Error::UnknownParent {
                    id: rec.map_or("", |r| store.str(r.id)).to_owned(),
                    parent: rec.map_or("", |r| store.str(r.parent)).to_owned(),
                    at: Box::new(self.source_of(bad)),
                });
            }
        }
        compile_keys(store, self.options, |entry| self.source_of(entry))
    }
}

fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Buffers to turn an alias (or a variant) into its trie labels.
struct Keyer {
    tokenizer: Tokenizer,
    ci: khabar_tokenize::FoldOptions,
    tokens: Vec<Token>,
    spans: Vec<Span>,
    kept: Vec<Span>,
    labels: Vec<u32>,
    buf: String,
    merge: crate::romanise::Merge,
}

impl Keyer {
    /// Learns the spelling keys of the tokens of a romanised alias or variant.
    fn learn(&mut self, alias: &str) {
        self.spans.clear();
        crate::find::token_spans(alias, &self.tokenizer, &mut self.tokens, &mut self.spans);
        let alone = self.spans.len() == 1;
        for sp in &self.spans {
            let folded = fold_token(sp.slice(alias).unwrap_or(""), self.ci, &mut self.buf);
            self.merge.learn(folded, alone);
        }
    }

    /// Fills `labels` (and `kept`, the kept tokens) for `alias`, adding its tokens to
    /// `vocab`.
    fn key(&mut self, alias: &str, vocab: &mut Vocab) -> Result<()> {
        self.spans.clear();
        crate::find::token_spans(alias, &self.tokenizer, &mut self.tokens, &mut self.spans);
        self.labels.clear();
        self.kept.clear();
        let mut prev: Option<(usize, bool)> = None;
        for sp in &self.spans {
            let folded = fold_token(sp.slice(alias).unwrap_or(""), self.ci, &mut self.buf);
            if folded.is_empty() {
                continue;
            }
            let hyphen = is_hyphen(folded);
            let id = vocab
                .insert(folded)
                .and_then(|id| self.merge.label(folded, id, vocab))
                .ok_or(Error::TooLarge("too many tokens"))?;
            self.labels.push(match prev {
                None => id,
                Some((end, ph)) => id << 1 | gap_bit(end, ph, sp.start, hyphen),
            });
            self.kept.push(*sp);
            prev = Some((sp.end, hyphen));
        }
        Ok(())
    }
}

/// Tokenizes and folds every alias, fills the vocabulary and the trie, and groups the
/// aliases that end in the same trie state, best candidate first.
fn compile_keys(
    store: &Store,
    options: Options,
    source_of: impl Fn(u32) -> Source,
) -> Result<crate::gazetteer::Compiled> {
    let strip = options.strip_diacritics;
    let n_alias = store.alias_count();
    let mut vocab = Vocab::with_capacity(n_alias);
    let mut trie = TrieBuilder::new();
    // (final trie state, alias): one per alias, plus one per compiled variant.
    let mut state_of_alias: Vec<(u32, u32)> = Vec::with_capacity(n_alias);
    let mut cs_index: Vec<(u32, u32, u32)> = Vec::new();
    let mut cs_text = String::new();
    let mut keyer = Keyer {
        tokenizer: Tokenizer::new(),
        ci: fold_ci(strip),
        tokens: Vec::new(),
        spans: Vec::new(),
        kept: Vec::new(),
        labels: Vec::new(),
        buf: String::new(),
        merge: crate::romanise::Merge::default(),
    };
    let mut form = String::new();
    let mut dropped_variants = Vec::new();
    let gathered = if options.romanise {
        let g = crate::romanise::gather(store, &mut dropped_variants);
        for a in 0..n_alias as u32 {
            if crate::romanise::is_romanised_alias(store, a) {
                keyer.learn(store.alias(a));
            }
        }
        for (_, _, v) in &g {
            keyer.learn(v);
        }
        keyer.merge.settle();
        dropped_variants.extend(
            keyer
                .merge
                .english
                .iter()
                .map(|k| crate::romanise::Dropped {
                    entry: u32::MAX,
                    variant: k.clone(),
                    why: crate::romanise::Why::EnglishKey,
                }),
        );
        g
    } else {
        Vec::new()
    };
    let empty_alias = |a: u32| {
        let entry = store.entry_of_alias(a);
        Error::EmptyAlias {
            id: store
                .entries
                .get(entry as usize)
                .map_or("", |r| store.str(r.id))
                .to_owned(),
            at: Box::new(source_of(entry)),
        }
    };
    let mut owners = crate::romanise::Owners::default();
    // Final state of each alias, to tell whether several entries share it.
    let mut owner_state: Vec<u32> = Vec::with_capacity(n_alias);
    for a in 0..n_alias as u32 {
        let alias = store.alias(a);
        keyer.key(alias, &mut vocab)?;
        let state = trie.insert(&keyer.labels).ok_or_else(|| empty_alias(a))?;
        state_of_alias.push((state, a));
        owners.add(&keyer.labels, store.entry_of_alias(a), store.alias_is_cs(a));
        owner_state.push(state);
        if store.alias_is_cs(a) {
            crate::key::cs_form(alias, keyer.kept.iter().copied(), strip, &mut form);
            let start = u32::try_from(cs_text.len()).map_err(|_| Error::TooLarge("cs text"))?;
            cs_text.push_str(&form);
            let end = u32::try_from(cs_text.len()).map_err(|_| Error::TooLarge("cs text"))?;
            cs_index.push((a, start, end));
        }
    }
    let mut strict = vec![0u64; n_alias.div_ceil(64)];
    for a in 0..n_alias as u32 {
        let e = store.entry_of_alias(a);
        let place = store
            .entries
            .get(e as usize)
            .and_then(|r| store.labels.get(r.label as usize))
            .is_some_and(|l| matches!(l.as_str(), "GPE" | "LOC" | "FAC"));
        let alias = store.alias(a);
        let acronym = is_acronym(alias) || !alias.chars().any(char::is_lowercase);
        if place && !acronym && store.alias_is_cs(a) && crate::english::is_english_phrase(alias) {
            if let Some(w) = strict.get_mut(a as usize / 64) {
                *w |= 1 << (a % 64);
            }
        }
    }
    if options.romanise {
        // States reached by aliases of more than one entry.
        let mut state_entry: std::collections::HashMap<u32, u32> = Default::default();
        for (a, &st) in owner_state.iter().enumerate() {
            let e = store.entry_of_alias(a as u32);
            let o = state_entry.entry(st).or_insert(e);
            if *o != e {
                *o = u32::MAX;
            }
        }
        let source_shared = |a: u32| {
            owner_state
                .get(a as usize)
                .and_then(|st| state_entry.get(st))
                .is_some_and(|&o| o == u32::MAX)
        };
        let variants = crate::romanise::compile_variants(
            gathered,
            &source_shared,
            &mut |v: &str, vocab: &mut Vocab| {
                keyer.key(v, vocab)?;
                Ok(keyer.labels.clone())
            },
            &mut vocab,
            &owners,
            &mut dropped_variants,
        )?;
        for (labels, a) in variants {
            let state = trie.insert(&labels).ok_or_else(|| empty_alias(a))?;
            state_of_alias.push((state, a));
        }
    }
    vocab.finish();
    let key_index = keyer.merge.key_index(&vocab);
    let mut canon = std::mem::take(&mut keyer.merge.canon);
    if canon.iter().enumerate().all(|(i, &c)| i as u32 == c) {
        canon.clear();
    } else {
        let from = canon.len() as u32;
        canon.extend(from..vocab.len() as u32);
    }
    let n_states = trie.state_count();
    let mut trie = trie.freeze(vocab.len());

    // Group aliases by final state (a counting sort keeps alias order inside a group).
    let mut starts = vec![0u32; n_states + 1];
    for &(st, _) in &state_of_alias {
        if let Some(c) = starts.get_mut(st as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut cands = vec![0u32; state_of_alias.len()];
    {
        let mut fill = starts.clone();
        for &(st, a) in &state_of_alias {
            if let Some(slot) = fill.get_mut(st as usize) {
                if let Some(c) = cands.get_mut(*slot as usize) {
                    *c = a;
                }
                *slot += 1;
            }
        }
    }
    drop(state_of_alias);

    let cs_form_of = |a: u32| -> Option<&str> {
        let i = cs_index.binary_search_by_key(&a, |&(x, _, _)| x).ok()?;
        let &(_, s, e) = cs_index.get(i)?;
        cs_text.get(s as usize..e as usize)
    };
    // In place, state by state: order each group best first and drop redundant candidates
    // (per entry, one case-insensitive alias covers all; otherwise keep one alias per
    // distinct case-sensitive form). Writing never overtakes reading.
    let mut state_cs: Vec<u64> = vec![0; n_states.div_ceil(64)];
    // (priority, entry, case-sensitive, alias) of the group's members.
    let mut group: Vec<(i32, u32, bool, u32)> = Vec::new();
    let mut w = 0usize;
    let mut lo = 0usize;
    for st in 0..n_states {
        let hi = starts[st + 1] as usize;
        group.clear();
        group.extend(cands[lo..hi].iter().map(|&a| {
            let e = store.entry_of_alias(a);
            let p = store.entries.get(e as usize).map_or(0, |r| r.priority);
            (p, e, store.alias_is_cs(a), a)
        }));
        if group.len() > 1 {
            group.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2, x.3).cmp(&(y.1, y.2, y.3))));
        }
        let new_start = w;
        let mut any_cs = false;
        for (k, &(_, e, cs, a)) in group.iter().enumerate() {
            let redundant = group[..k]
                .iter()
                .any(|&(_, f, bcs, b)| f == e && (!bcs || cs_form_of(b) == cs_form_of(a)));
            // An earlier member that was itself redundant has a kept twin that makes this
            // one redundant too, so comparing with all earlier members is the same as
            // comparing with the kept ones.
            if !redundant {
                any_cs |= cs;
                cands[w] = a;
                w += 1;
            }
        }
        if any_cs {
            if let Some(bits) = state_cs.get_mut(st / 64) {
                *bits |= 1 << (st % 64);
            }
        }
        starts[st] = new_start as u32;
        lo = hi;
    }
    starts[n_states] = w as u32;
    cands.truncate(w);
    cands.shrink_to_fit();
    let ci_only = CiOnly::of(&state_cs, &starts, &cands, |a| store.alias_is_cs(a));
    trie.set_cands(&starts);
    cs_index.shrink_to_fit();
    let mut cs_rank_base = Vec::with_capacity(store.alias_cs.len());
    let mut below = 0u32;
    for w in &store.alias_cs {
        cs_rank_base.push(below);
        below += w.count_ones();
    }
    Ok(crate::gazetteer::Compiled {
        vocab,
        trie,
        cands,
        state_cs,
        ci_only,
        cs_index,
        cs_rank_base,
        cs_text,
        strict,
        canon,
        key_index,
        dropped_variants,
    })
}
