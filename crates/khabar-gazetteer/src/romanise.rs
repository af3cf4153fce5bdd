//! Romanised spellings of Perso-Arabic place names.
//!
//! Persian, Pashto, Urdu and Arabic names have no single Latin spelling: the press writes
//! "Nahr-e Saraj", "Nahr-i-Saraj" and "Nahri Sarraj", "Pul-e Alam" and "Puli Alam",
//! "Nawa-e Barakzayi" and "Nawa-i-Barakzai", "Qosh Tepa" and "Qush Tepa". A gazetteer built
//! with [`romanise`](crate::GazetteerBuilder::romanise) meets them all with two devices,
//! neither of which changes how text is cut or where a match starts and ends:
//!
//! 1. **Connector variants** ([`variants`]), compiled into the automaton as extra keys of
//!    the entry (a match reports the alias they came from): the izafe between two words
//!    ([`IZAFE`]: "-e-", "-e ", "-i-", " e ", "-ye-", glued "Puli Alam", or none: "Nad Ali"),
//!    "and" ([`AND`]: "wa", "va", "-o-", "-u-"), and two plain words joined or hyphenated
//!    ("Char Bolak" → "Charbolak", "Char-Bolak") — unless one of them is an English word of
//!    place names ([`FEATURE_WORDS`]: "Kandahar Airfield", "Ab Band District") or both are
//!    common English ("Abbey Gate"): those keep their spacing. A word in [`HEADS`] ("pul", "dasht",
//!    "nahr", "qala", …) may take an izafe the alias does not write ("Nad Ali" →
//!    "Nad-e Ali"), and a glued izafe after it is recognised ("Puli Alam" → "Pul-e Alam").
//! 2. **A spelling key per word** ([`spelling_key`]): the tokens of romanised entries'
//!    aliases that share a key share one label in the automaton, and a title-case word of
//!    the text that is in no alias is looked up by its key (a word that is in some alias
//!    is that alias's word: "Male" of Malé stays Malé, although its key is Mali's). So "Sarraj" = "Saraj", "Qush" = "Qosh",
//!    "Barakzayi" = "Barakzai", "Girishk" = "Gereshk", "Rahwod" = "Rawud". A lower-case
//!    word of the text is compared as spelled (names are capitalised; this keeps the cost
//!    off the common words of a text).
//!
//! Nothing is used silently that could make English a place: a variant that is a common
//! English word or phrase, a key of a one-word name that is also the key of a common
//! English word ("Pul" and "pull"), and a variant that another entry also has, are left
//! out and listed by [`Gazetteer::dropped_variants`] (and `khabar gazetteer check`).
//!
//! ```
//! use khabar_gazetteer::{Entry, Gazetteer};
//! let gz = Gazetteer::builder()
//!     .romanise(true)
//!     .entry(Entry::new("NS", "Nahr-e Saraj", "GPE").with_country("AF"))
//!     .entry(Entry::new("NB", "Nawa-i-Barakzai", "GPE").with_country("AF"))
//!     .entry(Entry::new("QT", "Qosh Tepa", "GPE").with_country("AF"))
//!     .build()?;
//! let text = "Nahri Sarraj, Nawa-e Barakzayi and Qush Tepa; nahr-i-saraj.";
//! let ids: Vec<&str> = gz.find(text).iter().map(|m| m.entry().id()).collect();
//! assert_eq!(ids, ["NS", "NB", "QT", "NS"]);
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```

use crate::entry::EntryRef;
use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::store::Store;
use crate::vocab::Vocab;
use std::collections::{HashMap, HashSet};

/// Countries whose places get romanisation variants (Afghanistan, Pakistan, Iran,
/// Tajikistan, Iraq, Syria); other entries opt in with the attribute `romanise` = `yes`.
pub const COUNTRIES: &[&str] = &["AF", "PK", "IR", "TJ", "IQ", "SY"];
/// Variants compiled per entry at most.
pub const PER_ENTRY: usize = 48;

/// Izafe connector tokens ("Pul-e Alam", "Qala-i-Naw", "Nawa-ye Barakzai").
pub const IZAFE: &[&str] = &["e", "i", "ye", "yi", "y"];
/// "And" connector tokens ("Tarnak wa Jaldak", "Dand-o-Patan").
pub const AND: &[&str] = &["wa", "va", "o", "u"];
/// Words that commonly head an izafe construction: they may take an izafe the alias does
/// not write, and a glued izafe after them ("Puli", "Dashti", "Sari") is recognised.
pub const HEADS: &[&str] = &[
    "ab", "bagh", "band", "bala", "char", "chahar", "chah", "dara", "darra", "dasht", "deh", "kan",
    "kariz", "khak", "koh", "kuh", "kotal", "mir", "nad", "nahr", "nawa", "pul", "pusht", "qala",
    "qalat", "sang", "sar", "shahr", "shah", "shib", "tagab", "zer", "zir",
];
/// English words of place names: next to one of them, words keep the spacing the alias
/// gives them ("Ab Band District", "Camp Bastion", "Upper South Waziristan"), as they do
/// between two common English words ("Abbey Gate").
pub const FEATURE_WORDS: &[&str] = &[
    "agency",
    "air",
    "airbase",
    "airfield",
    "airport",
    "area",
    "base",
    "bazaar",
    "border",
    "bridge",
    "camp",
    "central",
    "city",
    "corridor",
    "crossing",
    "dam",
    "district",
    "east",
    "gate",
    "highway",
    "hospital",
    "hotel",
    "jail",
    "lake",
    "lower",
    "market",
    "middle",
    "mosque",
    "mountains",
    "new",
    "north",
    "old",
    "pass",
    "port",
    "prison",
    "province",
    "region",
    "river",
    "road",
    "school",
    "south",
    "tribal",
    "tunnel",
    "university",
    "upper",
    "valley",
    "village",
    "west",
];

/// How an izafe is written between two words ("-e-" also covers " - e - ": spacing next to
/// a hyphen does not matter to the matcher, but "-e " has one hyphen token less). A leading
/// `+` glues the vowel to the first word ("Puli Alam").
const IZAFE_FORMS: &[&str] = &[
    "-e-", "-e ", "-i-", "-i ", " e ", " i ", "+e ", "+i ", " ", "-", "-ye-", "-ye ",
];
/// How "and" is written between two words.
const AND_FORMS: &[&str] = &[" wa ", "-wa-", "-o-", " o ", " va ", "-u-", " u ", "-wa "];
/// How two plain words are written ("Char Bolak", "Char-Bolak", "Charbolak").
const PLAIN_FORMS: &[&str] = &[" ", "-", ""];
/// Variants kept per alias.
pub const PER_ALIAS: usize = 96;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    Izafe,
    And,
    /// Two plain words; the first may head an izafe.
    Plain {
        head: bool,
    },
    /// Two words of which one is in [`FEATURE_WORDS`] ("Kandahar Airfield"), or both common
    /// English ("Abbey Gate"): written as in the alias (`true`: with a hyphen).
    Fixed(bool),
}

/// The words of an alias and the connectors between them, or `None` if the alias is not
/// plain ASCII letters, spaces, hyphens and apostrophes.
fn parse(alias: &str) -> Option<(Vec<String>, Vec<Join>)> {
    if !alias
        .bytes()
        .all(|b| b.is_ascii_alphabetic() || matches!(b, b' ' | b'-' | b'\''))
    {
        return None;
    }
    let lower = alias.to_ascii_lowercase().replace('\'', "");
    // Each part with whether a hyphen comes before it.
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut hyphen = false;
    for p in lower.split_inclusive([' ', '-']) {
        let word = p.trim_end_matches([' ', '-']);
        if !word.is_empty() {
            parts.push((word, hyphen));
        }
        hyphen = p.ends_with('-');
    }
    let mut words: Vec<String> = Vec::new();
    let mut joins: Vec<Join> = Vec::new();
    let mut pending: Option<Join> = None;
    for (k, &(p, hyphen)) in parts.iter().enumerate() {
        let p = &p;
        let inner = !words.is_empty() && k + 1 < parts.len() && pending.is_none();
        if inner && IZAFE.contains(p) {
            pending = Some(Join::Izafe);
            continue;
        }
        if inner && AND.contains(p) {
            pending = Some(Join::And);
            continue;
        }
        if let Some(prev) = words.last_mut() {
            let head = HEADS.contains(&prev.as_str());
            let fixed = FEATURE_WORDS.contains(&prev.as_str())
                || FEATURE_WORDS.contains(p)
                || crate::english::is_english_phrase(&format!("{prev} {p}"));
            let j = match pending.take() {
                Some(j) => j,
                None if fixed => Join::Fixed(hyphen),
                None => glued_izafe(prev).unwrap_or(Join::Plain { head }),
            };
            joins.push(j);
        }
        words.push((*p).to_owned());
    }
    (!words.is_empty()).then_some((words, joins))
}

/// "puli" before another word is "pul" + izafe when "pul" heads izafes: strips the vowel.
fn glued_izafe(word: &mut String) -> Option<Join> {
    let stem = word.strip_suffix('i').or_else(|| word.strip_suffix('e'))?;
    if HEADS.contains(&stem) {
        let n = stem.len();
        word.truncate(n);
        return Some(Join::Izafe);
    }
    None
}

/// The forms of a connector.
fn forms(j: Join) -> Vec<&'static str> {
    match j {
        Join::Izafe => IZAFE_FORMS.to_vec(),
        Join::And => AND_FORMS.to_vec(),
        // "Dand Patan" is also "Dand wa Patan"
        Join::Plain { head: false } => [PLAIN_FORMS, AND_FORMS].concat(),
        Join::Plain { head: true } => {
            let mut v = PLAIN_FORMS.to_vec();
            v.extend(IZAFE_FORMS.iter().filter(|f| !PLAIN_FORMS.contains(f)));
            v
        }
        Join::Fixed(hyphen) => vec![if hyphen { "-" } else { " " }],
    }
}

/// Writes one variant: words with the chosen spellings joined by the chosen forms.
fn render(words: &[&str], joins: &[&str]) -> String {
    let mut s = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            let f = joins.get(k - 1).copied().unwrap_or(" ");
            match f.strip_prefix('+') {
                Some(glued) => s.push_str(glued),
                None => s.push_str(f),
            }
        }
        s.push_str(w);
    }
    s
}

/// The connector variants of `alias`, lower-case, without the alias itself, at most
/// [`PER_ALIAS`]: its words joined by every form of each connector (spelling inside a word
/// is the job of [`spelling_key`]). Empty for an alias that is not plain ASCII letters,
/// spaces, hyphens and apostrophes, or has fewer than 4 letters.
///
/// ```
/// use khabar_gazetteer::romanise::variants;
/// let v = variants("Nahr-e Saraj");
/// for s in ["nahr-i-saraj", "nahri saraj", "nahr saraj", "nahr e saraj", "nahr-e-saraj"] {
///     assert!(v.iter().any(|x| x == s), "{s}");
/// }
/// assert!(variants("Pul-e Alam").iter().any(|x| x == "puli alam"));
/// assert!(variants("Tarnak wa Jaldak").iter().any(|x| x == "tarnak-o-jaldak"));
/// assert!(variants("Char Bolak").iter().any(|x| x == "charbolak"));
/// assert!(variants("Kabul").is_empty());
/// ```
pub fn variants(alias: &str) -> Vec<String> {
    let Some((words, joins)) = parse(alias) else {
        return Vec::new();
    };
    if words.iter().map(String::len).sum::<usize>() < 4 {
        return Vec::new();
    }
    let ws: Vec<&str> = words.iter().map(String::as_str).collect();
    let join_forms: Vec<Vec<&str>> = joins.iter().map(|&j| forms(j)).collect();
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(alias.to_ascii_lowercase());
    let mut out = Vec::new();
    for_each_join(&join_forms, &mut Vec::new(), &mut |js| {
        if out.len() < PER_ALIAS {
            let v = render(&ws, js);
            if seen.insert(v.clone()) {
                out.push(v);
            }
        }
    });
    out
}

/// Calls `f` with every combination of connector forms (first form first).
fn for_each_join<'a>(
    forms: &[Vec<&'a str>],
    acc: &mut Vec<&'a str>,
    f: &mut dyn FnMut(&[&'a str]),
) {
    match forms.split_first() {
        None => f(acc),
        Some((first, rest)) => {
            for &x in first {
                acc.push(x);
                for_each_join(rest, acc, f);
                acc.pop();
            }
        }
    }
}

/// The longest token, in bytes, that gets a spelling key.
pub const KEY_MAX: usize = 32;

/// Whether a byte of a spelling key is a vowel.
fn vowel(b: u8) -> bool {
    matches!(b, b'a' | b'i' | b'u')
}

/// The tribal suffix -zai/-zay/-zayi/-zaee/-zey after the letter mapping (y, e → i): every
/// one becomes "zai". Longest first.
const ZAI: &[&[u8]] = &[b"zaii", b"zai", b"zii"];

/// The spelling key of one token of ASCII letters (any case), written into `out`; `None`
/// for a token that is not 3 to [`KEY_MAX`] ASCII letters. See [`spelling_key`].
pub(crate) fn key_bytes(tok: &[u8], out: &mut [u8; KEY_MAX]) -> Option<usize> {
    let n = tok.len();
    if !(3..=KEY_MAX).contains(&n) {
        return None;
    }
    let mut low = [0u8; KEY_MAX];
    for (d, &b) in low.iter_mut().zip(tok) {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        *d = match b.to_ascii_lowercase() {
            b'q' => b'k',
            b'v' => b'w',
            b'y' | b'e' => b'i',
            b'o' => b'u',
            c => c,
        };
    }
    let word = low.get(..n)?;
    let mut stem_len = n;
    let mut zai = false;
    for suf in ZAI {
        if n > suf.len() + 1 && word.ends_with(suf) {
            stem_len = n - suf.len();
            zai = true;
            break;
        }
    }
    let mut len = 0usize;
    let mut push = |c: u8, out: &mut [u8; KEY_MAX]| {
        if len == 0 || out.get(len - 1) != Some(&c) {
            if let Some(slot) = out.get_mut(len) {
                *slot = c;
                len += 1;
            }
        }
    };
    for i in 0..stem_len {
        let c = word.get(i).copied().unwrap_or(b'a');
        // h after a vowel is silent before a consonant or the end ("Rahwod", "Deh") and
        // between two equal vowels ("Chahar" = "Char"; the second vowel then merges)
        if c == b'h' && i > 0 {
            let prev = word.get(i - 1).copied().filter(|&p| vowel(p));
            let next = word.get(i + 1).copied().filter(|_| i + 1 < stem_len);
            let next_vowel = next.is_some_and(vowel);
            if prev.is_some() && (!next_vowel || next == prev) {
                continue;
            }
        }
        push(c, out);
    }
    if zai {
        for &c in b"zai" {
            push(c, out);
        }
    }
    Some(len)
}

/// The spelling key of a word: romanisations of one Persian, Pashto or Arabic word share
/// it. Lower-cased; q → k, v → w, y and e → i, o → u; "zai", "zay", "zayi", "zaee" at the
/// end → "zai"; an h after a vowel dropped before a consonant, the end or the same vowel
/// ("Rahwod" = "Rawud", "Deh" = "Dih", "Chahar" = "Char"); then every doubled letter written once ("Sarraj" = "Saraj",
/// "Ezzat" = "Izat", "oo", "ou" → u, "ee" → i, "aa" → a). "kh", "gh", "sh", "ch" are kept.
/// `None` for words outside 3 to 32 ASCII letters.
///
/// ```
/// use khabar_gazetteer::romanise::spelling_key;
/// let same = |a: &str, b: &str| spelling_key(a) == spelling_key(b);
/// assert!(same("Sarraj", "Saraj") && same("Barakzayi", "Barakzai") && same("Qush", "Qosh"));
/// assert!(same("Rahwod", "Rawud") && same("Girishk", "Gereshk") && same("Ezzat", "Izat"));
/// assert!(same("Urozgan", "Oruzgan") && same("Shaykh", "Shaikh") && same("Chahar", "Char"));
/// assert!(!same("Khost", "Host") && !same("Tepa", "Tapa"));
/// assert_eq!(spelling_key("Pu"), None);
/// ```
pub fn spelling_key(word: &str) -> Option<String> {
    let mut out = [0u8; KEY_MAX];
    let n = key_bytes(word.as_bytes(), &mut out)?;
    out.get(..n)
        .map(|b| b.iter().map(|&c| char::from(c)).collect())
}

/// Spelling keys of the common English words ([`crate::is_common_english`]): a place's key
/// that is also one of these is not used (the name is then matched as spelled).
fn english_keys() -> &'static HashSet<Vec<u8>> {
    static SET: std::sync::OnceLock<HashSet<Vec<u8>>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut out = [0u8; KEY_MAX];
        crate::english::word_list()
            .filter_map(|w| {
                let n = key_bytes(w.as_bytes(), &mut out)?;
                out.get(..n).map(<[u8]>::to_vec)
            })
            .collect()
    })
}

/// Whether `key` (a [`spelling_key`]) is also the key of a common English word ("pul" is
/// the key of "pool" and "pull"), so that a gazetteer does not use it.
///
/// ```
/// use khabar_gazetteer::romanise::{english_key, spelling_key};
/// assert!(english_key(&spelling_key("Pul").unwrap_or_default()));
/// assert!(!english_key(&spelling_key("Sarraj").unwrap_or_default()));
/// ```
pub fn english_key(key: &str) -> bool {
    english_keys().contains(key.as_bytes())
}

/// Text tokens by spelling key, for a romanising gazetteer: a capitalised token that is in
/// no alias is looked up by its key.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct KeyIndex {
    keys: Vocab,
    /// Per key id: the trie label id of its tokens.
    label: Vec<u32>,
}

impl KeyIndex {
    /// Whether there are no keys.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.label.is_empty()
    }

    /// The label id of an ASCII-letter token by its key.
    #[inline]
    pub fn lookup(&self, tok: &[u8]) -> Option<u32> {
        let mut out = [0u8; KEY_MAX];
        let n = key_bytes(tok, &mut out)?;
        let id = self.keys.get(out.get(..n)?)?;
        self.label.get(id as usize).copied()
    }
}

/// The token merging of a romanising gazetteer, built before the aliases are compiled.
#[derive(Default)]
pub(crate) struct Merge {
    /// Spelling key → the first folded token seen with it (its representative).
    rep: HashMap<Vec<u8>, String>,
    /// Keys of one-token aliases.
    alone: HashSet<Vec<u8>>,
    /// The folded tokens of romanised aliases: only these share their key's label (a
    /// token of another entry keeps its own: "Male" of Malé is not merged with "Mali").
    members: HashSet<String>,
    /// Vocabulary id → label id, for merged tokens.
    pub canon: Vec<u32>,
    /// Keys not used because they are keys of common English words.
    pub english: Vec<String>,
}

impl Merge {
    /// Records a token of a romanised alias (folded); `alone` when it is the alias's only
    /// token.
    pub fn learn(&mut self, folded: &str, alone: bool) {
        let mut out = [0u8; KEY_MAX];
        if let Some(k) = key_bytes(folded.as_bytes(), &mut out).and_then(|n| out.get(..n)) {
            if alone {
                self.alone.insert(k.to_vec());
            }
            if !self.rep.contains_key(k) {
                self.rep.insert(k.to_vec(), folded.to_owned());
            }
            self.members.insert(folded.to_owned());
        }
    }

    /// Drops the keys that would make a common English word a place on its own: the key of
    /// a one-token alias that is also the key of a common English word ("Pul" and "pull").
    /// A key met only inside longer names is kept ("Qush" in "Qush Tepa", though "kush" is
    /// English): the other tokens of the name still have to follow. Call after `learn`.
    pub fn settle(&mut self) {
        let english = english_keys();
        let mut gone: Vec<String> = self
            .alone
            .iter()
            .filter(|k| english.contains(*k))
            .map(|k| k.iter().map(|&c| char::from(c)).collect())
            .collect();
        gone.sort();
        for k in &gone {
            self.rep.remove(k.as_bytes());
        }
        self.english = gone;
    }

    /// The label id of a folded token with vocabulary id `id` (inserting its key's
    /// representative into `vocab` when it has one).
    pub fn label(&mut self, folded: &str, id: u32, vocab: &mut Vocab) -> Option<u32> {
        if self.rep.is_empty() {
            return Some(id);
        }
        let mut out = [0u8; KEY_MAX];
        let rep = key_bytes(folded.as_bytes(), &mut out)
            .and_then(|n| out.get(..n))
            .and_then(|k| self.rep.get(k))
            .filter(|_| self.members.contains(folded));
        let label = match rep {
            Some(r) if r != folded => vocab.insert(&r.clone())?,
            _ => id,
        };
        let need = (id.max(label) as usize) + 1;
        if self.canon.len() < need {
            let from = self.canon.len() as u32;
            self.canon.extend(from..need as u32);
        }
        if let Some(c) = self.canon.get_mut(id as usize) {
            *c = label;
        }
        Some(label)
    }

    /// The key index over the representatives (call when the vocabulary is complete).
    pub fn key_index(&self, vocab: &Vocab) -> KeyIndex {
        let mut keys = Vocab::with_capacity(self.rep.len());
        let mut label = Vec::with_capacity(self.rep.len());
        let mut reps: Vec<(&Vec<u8>, &String)> = self.rep.iter().collect();
        reps.sort();
        for (k, r) in reps {
            let k = String::from_utf8_lossy(k);
            if let (Some(kid), Some(l)) = (keys.insert(&k), vocab.get(r.as_bytes())) {
                if kid as usize == label.len() {
                    label.push(l);
                }
            }
        }
        keys.finish();
        KeyIndex { keys, label }
    }
}

/// Why a romanisation variant was not compiled.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Why {
    /// It is a common English word (or every word of it is).
    English,
    /// A spelling key that is the key of a common English word (the variant is a key).
    EnglishKey,
    /// Another entry has it as an alias (entry index).
    AliasOf(u32),
    /// A variant of another entry is spelled the same (entry index): kept, ambiguous.
    VariantOf(u32),
}

/// A variant that was not compiled.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(crate) struct Dropped {
    pub entry: u32,
    pub variant: String,
    pub why: Why,
}

/// A romanisation variant that a gazetteer did not compile, and why
/// ([`Gazetteer::dropped_variants`]).
#[derive(Clone, Debug)]
pub struct DroppedVariant<'g> {
    /// The entry the variant was generated for; `None` for a spelling key (it concerns
    /// every alias token with that key).
    pub entry: Option<EntryRef<'g>>,
    /// The variant.
    pub variant: &'g str,
    /// The other entry that has this spelling (as an alias or a variant of its own);
    /// `None` when the variant is a common English word or several entries have it.
    pub other: Option<EntryRef<'g>>,
    /// `"common English word"`, `"spelling key of a common English word"` (then
    /// `variant` is the key: the entry's tokens with it are matched only as spelled),
    /// `"alias of another entry"` or `"variant of another entry"` (this one is compiled all
    /// the same: a match lists both entries, as for a shared alias).
    pub reason: &'static str,
}

impl Gazetteer {
    /// The romanisation variants that were generated but not compiled because they would
    /// make a common English word a place or collide with another entry (built with
    /// [`romanise`](crate::GazetteerBuilder::romanise); empty for a loaded gazetteer).
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::builder()
    ///     .romanise(true)
    ///     .entry(Entry::new("A", "Pul-e Khumri", "GPE").with_country("AF"))
    ///     .entry(Entry::new("B", "Puli Khumri Bank", "ORG").with_alias("Puli Khumri"))
    ///     .build()?;
    /// // "Pule Khumri" has the spelling keys of B's "Puli Khumri": A does not get it.
    /// let d = gz.dropped_variants();
    /// assert!(d.iter().any(|d| d.variant == "pule khumri" && d.other.map(|o| o.id()) == Some("B")));
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn dropped_variants(&self) -> Vec<DroppedVariant<'_>> {
        // `u32::MAX` stands for several entries: no single one to name.
        let at = |index: u32| {
            (index != u32::MAX).then_some(EntryRef {
                store: &self.store,
                index,
            })
        };
        self.compiled
            .dropped_variants
            .iter()
            .map(|d| {
                let (other, reason) = match d.why {
                    Why::English => (None, "common English word"),
                    Why::EnglishKey => (None, "spelling key of a common English word"),
                    Why::AliasOf(o) => (at(o), "alias of another entry"),
                    Why::VariantOf(o) => (at(o), "variant of another entry"),
                };
                DroppedVariant {
                    entry: at(d.entry),
                    variant: d.variant.as_str(),
                    other,
                    reason,
                }
            })
            .collect()
    }
}

/// Which entry owns each alias key (trie labels); `u32::MAX` once several do.
#[derive(Default)]
pub(crate) struct Owners(HashMap<Vec<u32>, u32>);

impl Owners {
    /// Records that `entry` has an alias with these labels.
    pub fn add(&mut self, labels: &[u32], entry: u32, _case_sensitive: bool) {
        let o = self.0.entry(labels.to_vec()).or_insert(entry);
        if *o != entry {
            *o = u32::MAX;
        }
    }

    /// Another entry than `entry` that owns these labels (`u32::MAX` for several).
    fn other(&self, labels: &[u32], entry: u32) -> Option<u32> {
        self.0.get(labels).copied().filter(|&o| o != entry)
    }
}

/// Whether entry `e` gets variants.
fn qualifies(store: &Store, e: u32) -> bool {
    let Some(rec) = store.entries.get(e as usize) else {
        return false;
    };
    let opted = store.attr_range(e).any(|i| {
        store.attrs.get(i as usize).is_some_and(|r| {
            store.attr_keys.get(r.key as usize).map(String::as_str) == Some("romanise")
                && store.str(r.value) == "yes"
        })
    });
    let label = store
        .labels
        .get(rec.label as usize)
        .map_or("", String::as_str);
    opted
        || matches!(label, "GPE" | "LOC" | "FAC")
            && store.country(e).is_some_and(|c| COUNTRIES.contains(&c))
}

/// The connector variants of the romanised entries' case-insensitive aliases, as
/// `(entry, alias, variant)`; the common English ones are recorded in `dropped`.
pub(crate) fn gather(store: &Store, dropped: &mut Vec<Dropped>) -> Vec<(u32, u32, String)> {
    let mut out = Vec::new();
    for e in 0..store.entries.len() as u32 {
        if !qualifies(store, e) {
            continue;
        }
        let mut n = 0usize;
        for a in store.alias_range(e) {
            // "X District" needs no variants of its own: those of "X" match before it
            let last = store.alias(a).rsplit([' ', '-']).next().unwrap_or("");
            if store.alias_is_cs(a) || FEATURE_WORDS.contains(&last.to_lowercase().as_str()) {
                continue;
            }
            for v in variants(store.alias(a)) {
                if n >= PER_ENTRY {
                    break;
                }
                if crate::english::is_english_phrase(&v) {
                    dropped.push(Dropped {
                        entry: e,
                        variant: v,
                        why: Why::English,
                    });
                    continue;
                }
                n += 1;
                out.push((e, a, v));
            }
        }
    }
    out
}

/// Whether alias `a` is a case-insensitive alias of a romanised entry.
pub(crate) fn is_romanised_alias(store: &Store, a: u32) -> bool {
    !store.alias_is_cs(a) && qualifies(store, store.entry_of_alias(a))
}

/// The variants to compile, as `(labels, alias)`; the others are recorded in `dropped`.
/// `key` turns a variant into its trie labels (adding its tokens to `vocab`).
pub(crate) fn compile_variants(
    gathered: Vec<(u32, u32, String)>,
    source_shared: &dyn Fn(u32) -> bool,
    key: &mut dyn FnMut(&str, &mut Vocab) -> Result<Vec<u32>>,
    vocab: &mut Vocab,
    owners: &Owners,
    dropped: &mut Vec<Dropped>,
) -> Result<Vec<(Vec<u32>, u32)>> {
    let mut cands: Vec<(Vec<u32>, u32, u32, String)> = Vec::new();
    let mut variant_owner: HashMap<Vec<u32>, u32> = HashMap::new();
    let mut mine: HashSet<(u32, Vec<u32>)> = HashSet::new();
    for (e, a, v) in gathered {
        let labels = key(&v, vocab)?;
        if labels.is_empty() || owners.0.get(&labels) == Some(&e) {
            continue;
        }
        if mine.insert((e, labels.clone())) {
            let o = variant_owner.entry(labels.clone()).or_insert(e);
            if *o != e {
                *o = u32::MAX;
            }
            cands.push((labels, a, e, v));
        }
    }
    // A variant that is another entry's alias is dropped — unless the alias it comes from
    // is shared with other entries already (a district and its town of the same name: the
    // variant is then as ambiguous as the name). A variant two entries generate is kept,
    // ambiguous like a shared alias, and listed.
    let mut out = Vec::with_capacity(cands.len());
    for (labels, a, e, v) in cands {
        let shared_source = source_shared(a);
        match owners.other(&labels, e) {
            Some(o) if !shared_source => dropped.push(Dropped {
                entry: e,
                variant: v,
                why: Why::AliasOf(o),
            }),
            _ => {
                if let Some(&o) = variant_owner.get(&labels).filter(|&&o| o != e) {
                    dropped.push(Dropped {
                        entry: e,
                        variant: v,
                        why: Why::VariantOf(o),
                    });
                }
                out.push((labels, a));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_spellings_meet_the_gazetteer_names() -> crate::Result<()> {
        let cases = [
            ("Nahr-e Saraj", "Nahri Sarraj"),
            ("Nad-e Ali", "Nad Ali"),
            ("Nad Ali", "Nad-e Ali"),
            ("Pul-e Alam", "Puli Alam"),
            ("Pul-e Alam", "Pul-i-Alam"),
            ("Nawa-i-Barakzai", "Nawa-e Barakzayi"),
            ("Kan-i-Ezzat", "Kan-e Ezat"),
            ("Char Bolak", "Charbolak"),
            ("Shahr-e Safa", "Shahri Safa"),
            ("Dand wa Patan", "Dand-o-Patan"),
            ("Surkh Rod", "Sorkh Rod"),
            ("Dasht-i-Qala", "Dashti Qala"),
            ("Qosh Tepa", "Qush Tepa"),
            ("Tarnak wa Jaldak", "Tarnak Wa Jaldak"),
            ("Khas Uruzgan", "Khas Urozgan"),
        ];
        for (alias, text) in cases {
            let gz = crate::Gazetteer::builder()
                .romanise(true)
                .entry(crate::Entry::new("X", alias, "GPE").with_country("AF"))
                .build()?;
            let sentence = format!("Clashes in {text} district.");
            let m = gz.find(&sentence);
            assert_eq!(m.len(), 1, "{alias} → {text}: {:?}", variants(alias));
            assert_eq!(m[0].as_str(&sentence), text);
        }
        Ok(())
    }

    #[test]
    fn the_readme_table_of_keys() {
        let table: [(&[&str], &str); 8] = [
            (&["Sarraj", "Saraj"], "saraj"),
            (&["Seraj", "Siraj"], "siraj"),
            (&["Girishk", "Gereshk"], "girishk"),
            (&["Qush", "Qosh", "Kush"], "kush"),
            (&["Barakzai", "Barakzay", "Barakzayi"], "barakzai"),
            (&["Rahwod", "Rawud", "Rahwud"], "rawud"),
            (&["Chahar", "Char"], "char"),
            (&["Ezzat", "Izat"], "izat"),
        ];
        for (words, key) in table {
            for w in words {
                assert_eq!(spelling_key(w).as_deref(), Some(key), "{w}");
            }
        }
    }

    #[test]
    fn english_words_keep_their_spacing() {
        let v = variants("Ab Band District");
        assert!(v.iter().all(|x| x.ends_with(" district")), "{v:?}");
        assert!(variants("Abbey Gate").is_empty());
    }

    #[test]
    fn short_and_non_ascii_aliases_have_no_variants() {
        assert!(variants("Bar").is_empty());
        assert!(variants("Kunaṟ").is_empty());
        assert!(variants("9/11").is_empty());
    }

    #[test]
    fn variants_are_bounded_and_unique() {
        let v = variants("Nawa-e Barakzayi Shahr-e Safa");
        assert!(v.len() <= PER_ALIAS);
        let set: HashSet<&String> = v.iter().collect();
        assert_eq!(set.len(), v.len());
    }
}
