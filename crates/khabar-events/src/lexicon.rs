//! The cue lexicon: a table of words and phrases with what each one signals, read from a
//! TSV file (`data/cues.tsv`, embedded) and extendable with files of the same format.

use crate::Error;
use crate::types::{EventType, Role, VictimClass};
use khabar_tokenize::{Token, TokenKind, tokenize};
use std::collections::HashMap;

/// The embedded default lexicon (see the header of the file for the kinds).
pub const DEFAULT_CUES: &str = include_str!("../data/cues.tsv");

/// What a cue signals. See the header of `data/cues.tsv` for examples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CueKind {
    /// A role cue that follows the counted people ("were killed").
    After,
    /// A role cue that precedes them ("killing").
    Before,
    /// A person noun with its class and number.
    Noun,
    /// A modifier that sets the class of the noun it precedes.
    Modifier,
    /// An event-type cue.
    Event,
    /// The actor stands before this cue.
    Agent,
    /// The actor stands after this cue.
    By,
    /// The target stands after this cue.
    Target,
    /// An actor phrase that is no gazetteer entry.
    Actor,
    /// Negation.
    Neg,
    /// Cancels a negation.
    Unknown,
    /// A sub-count follows.
    Sub,
    /// Attribution.
    Source,
    /// A party's claim.
    Claim,
    /// Ends a cue's scope.
    Boundary,
    /// A militant count is a force's size.
    Strength,
    /// The destination of joiners follows.
    Dest,
}

impl CueKind {
    fn parse(s: &str) -> Option<CueKind> {
        Some(match s {
            "after" => CueKind::After,
            "before" => CueKind::Before,
            "noun" => CueKind::Noun,
            "modifier" => CueKind::Modifier,
            "event" => CueKind::Event,
            "agent" => CueKind::Agent,
            "by" => CueKind::By,
            "target" => CueKind::Target,
            "actor" => CueKind::Actor,
            "neg" => CueKind::Neg,
            "unknown" => CueKind::Unknown,
            "sub" => CueKind::Sub,
            "source" => CueKind::Source,
            "claim" => CueKind::Claim,
            "boundary" => CueKind::Boundary,
            "strength" => CueKind::Strength,
            "dest" => CueKind::Dest,
            _ => return None,
        })
    }
}

/// What a cue's value column means for its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueValue {
    /// A role (after, before).
    Role(Role),
    /// A class and whether the noun is singular (noun), or a class alone (modifier, actor).
    Class(VictimClass, bool),
    /// An event type, with its rank (lower is more specific).
    Event(EventType),
    /// A tag (agent: `agent`/`claim`; neg: `neg`/`zero`; other kinds: the kind's name).
    Tag(&'static str),
}

/// One cue: its folded words, kind and value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The folded words ("lost", "their", "lives").
    pub words: Vec<String>,
    /// What it signals.
    pub kind: CueKind,
    /// Its value.
    pub value: CueValue,
}

/// A cue lexicon, indexed by first word for matching.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    cues: Vec<Cue>,
    /// First word → indices of the cues starting with it, longest first.
    index: HashMap<String, Vec<usize>, Fnv>,
    /// A bitset of the hashes of the cues' first words.
    filter: Vec<u64>,
    /// The same for the cues that can make a sentence report something (role, event and
    /// claim cues; a negation needs a role cue after it): a sentence with none is skipped
    /// unless it has a count and a strength word.
    triggers: Vec<u64>,
    /// The same for the words that make a count a force's size: militant nouns, strength
    /// cues.
    strength: Vec<u64>,
}

/// FNV-1a: a fast hash for the short words looked up at every token (the lexicon is
/// trusted data, so no protection against chosen collisions is needed).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fnv;

/// The hasher of [`Fnv`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct FnvHasher(u64);

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn folded_words(s: &str) -> Vec<String> {
    tokenize(s).iter().map(|t| t.norm(s).into_owned()).collect()
}

fn tag(value: &str) -> &'static str {
    match value {
        "claim" => "claim",
        "zero" => "zero",
        "neg" => "neg",
        _ => "other",
    }
}

impl Lexicon {
    /// The default lexicon (`data/cues.tsv`).
    pub fn default_lexicon() -> Result<Lexicon, Error> {
        let mut lex = Lexicon::default();
        lex.extend_from_tsv("cues.tsv", DEFAULT_CUES)?;
        Ok(lex)
    }

    /// Adds the cues of a TSV text (`KIND<TAB>CUE<TAB>VALUE[<TAB>example]`, `#` comments).
    /// A cue already present with the same kind and words is replaced. `name` is used in
    /// error messages.
    ///
    /// ```
    /// use khabar_events::Lexicon;
    /// let mut lex = Lexicon::default_lexicon()?;
    /// lex.extend_from_tsv("mine.tsv", "after\twere slain\tkilled\n")?;
    /// let err = lex.extend_from_tsv("bad.tsv", "after\twere slain\tvanished\n").unwrap_err();
    /// assert!(err.to_string().contains("bad.tsv:1"));
    /// # Ok::<(), khabar_events::Error>(())
    /// ```
    pub fn extend_from_tsv(&mut self, name: &str, tsv: &str) -> Result<(), Error> {
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| Error::Lexicon {
                file: name.to_owned(),
                line: n + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            let (kind, cue, value) = match cols.as_slice() {
                [k, c, v, ..] => (*k, *c, *v),
                _ => return Err(err("expected KIND<TAB>CUE<TAB>VALUE".to_owned())),
            };
            let kind = CueKind::parse(kind).ok_or_else(|| err(format!("unknown kind {kind:?}")))?;
            let words = folded_words(cue);
            if words.is_empty() {
                return Err(err("empty cue".to_owned()));
            }
            let value = parse_value(kind, value).map_err(|e| err(e.to_string()))?;
            self.add(Cue { words, kind, value });
        }
        Ok(())
    }

    fn add(&mut self, cue: Cue) {
        if let Some(i) = self
            .cues
            .iter()
            .position(|c| c.kind == cue.kind && c.words == cue.words)
        {
            self.cues[i] = cue;
            return;
        }
        let i = self.cues.len();
        let first = cue.words[0].clone();
        if self.filter.is_empty() {
            self.filter = vec![0; (FILTER_BITS / 64) as usize];
        }
        let h = (fnv(first.as_bytes()) & (FILTER_BITS - 1)) as usize;
        if let Some(w) = self.filter.get_mut(h / 64) {
            *w |= 1 << (h % 64);
        }
        let set = |bits: &mut Vec<u64>| {
            if bits.is_empty() {
                *bits = vec![0; (FILTER_BITS / 64) as usize];
            }
            if let Some(w) = bits.get_mut(h / 64) {
                *w |= 1 << (h % 64);
            }
        };
        if is_trigger(&cue) {
            set(&mut self.triggers);
        }
        let militant = matches!(cue.value, CueValue::Class(VictimClass::Militants, _));
        if cue.kind == CueKind::Strength || (cue.kind == CueKind::Noun && militant) {
            set(&mut self.strength);
        }
        self.cues.push(cue);
        let list = self.index.entry(first).or_default();
        list.push(i);
        let cues = &self.cues;
        list.sort_by_key(|&j| std::cmp::Reverse(cues[j].words.len()));
    }

    /// The cues.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Every cue matching at word `i` of `words`: for each kind, the longest one.
    pub(crate) fn matches_at(&self, words: &[&str], i: usize, mut found: impl FnMut(usize, usize)) {
        let Some(first) = words.get(i) else {
            return;
        };
        if !self.may_start(first) {
            return;
        }
        let Some(list) = self.index.get(*first) else {
            return;
        };
        // for each kind, the longest cue only (the list is longest first)
        let mut kinds: u32 = 0;
        for &c in list {
            let cue = &self.cues[c];
            let n = cue.words.len();
            let bit = 1u32 << (cue.kind as u32);
            let fits = kinds & bit == 0
                && words
                    .get(i..i + n)
                    .is_some_and(|w| w.iter().zip(&cue.words).all(|(a, b)| *a == b));
            if fits {
                kinds |= bit;
                found(c, i + n);
            }
        }
    }

    /// A quick, exact-for-"no" test: whether some cue may start with `word` (a bitset of
    /// the first words' hashes; most words of a text are rejected here, unhashed twice).
    fn may_start(&self, word: &str) -> bool {
        let h = (fnv(word.as_bytes()) & (FILTER_BITS - 1)) as usize;
        self.filter
            .get(h / 64)
            .is_some_and(|w| w & (1 << (h % 64)) != 0)
    }

    /// Whether some token may start a cue that makes a sentence report something — hashed
    /// as folded words without building them (no false "no": a "yes" is checked later).
    pub(crate) fn may_trigger(&self, text: &str, tokens: &[Token]) -> bool {
        Lexicon::any_in(&self.triggers, text, tokens)
    }

    /// Whether some token may be a strength word (a militant noun, a strength cue).
    pub(crate) fn may_be_strength(&self, text: &str, tokens: &[Token]) -> bool {
        Lexicon::any_in(&self.strength, text, tokens)
    }

    fn any_in(bits: &[u64], text: &str, tokens: &[Token]) -> bool {
        tokens.iter().any(|t| {
            let h = match t.kind {
                TokenKind::Number => return false,
                _ => {
                    let raw = t.text(text);
                    if raw.is_ascii() {
                        raw.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                            (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
                        })
                    } else {
                        fnv(t.norm(text).as_bytes())
                    }
                }
            };
            let h = (h & (FILTER_BITS - 1)) as usize;
            bits.get(h / 64).is_some_and(|w| w & (1 << (h % 64)) != 0)
        })
    }

    /// The folded word of a token, appended to `arena`, as cues are matched against it:
    /// numbers as "#", plain ASCII lower-cased, anything else fully folded.
    pub(crate) fn push_word(arena: &mut String, text: &str, t: &Token) {
        match t.kind {
            TokenKind::Number => arena.push('#'),
            _ => {
                let raw = t.text(text);
                if raw.is_ascii() {
                    let start = arena.len();
                    arena.push_str(raw);
                    if let Some(added) = arena.get_mut(start..) {
                        added.make_ascii_lowercase();
                    }
                } else {
                    arena.push_str(&t.norm(text));
                }
            }
        }
    }
}

/// Bits of the first-word filter.
const FILTER_BITS: u64 = 4096;

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether a cue can make a sentence report something: role, event and claim cues.
fn is_trigger(cue: &Cue) -> bool {
    matches!(cue.kind, CueKind::After | CueKind::Before | CueKind::Event)
        || (cue.kind == CueKind::Agent && cue.value == CueValue::Tag("claim"))
        || (cue.kind == CueKind::Neg && cue.value == CueValue::Tag("zero"))
}

fn parse_value(kind: CueKind, value: &str) -> Result<CueValue, Error> {
    Ok(match kind {
        CueKind::After | CueKind::Before => CueValue::Role(value.parse()?),
        CueKind::Noun => {
            let (class, number) = value.split_once(',').unwrap_or((value, "pl"));
            CueValue::Class(class.parse()?, number == "sg")
        }
        CueKind::Modifier | CueKind::Actor => CueValue::Class(value.parse()?, false),
        CueKind::Event => CueValue::Event(value.parse()?),
        _ => CueValue::Tag(tag(value)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The slow, obviously-correct form of a token's word: the tokenizer's own folding.
    fn reference_word(text: &str, t: &Token) -> String {
        match t.kind {
            TokenKind::Number => "#".to_owned(),
            _ => t.norm(text).into_owned(),
        }
    }

    proptest! {
        #[test]
        fn fast_words_are_the_folded_words(text in "[A-Za-z0-9 .,'’\\-éİß]{0,60}") {
            for t in &tokenize(&text) {
                let mut arena = String::new();
                Lexicon::push_word(&mut arena, &text, t);
                prop_assert_eq!(arena, reference_word(&text, t));
            }
        }
    }

    proptest! {
        #[test]
        fn triggers_are_never_missed(text in "(killed|Killed|no|NOT|blast|the|said|é|4| |,){0,12}") {
            let lex = Lexicon::default_lexicon().expect("lexicon");
            let tokens = tokenize(&text);
            let slow = tokens.iter().any(|t| {
                let mut w = String::new();
                Lexicon::push_word(&mut w, &text, t);
                lex.cues().iter().any(|c| c.words[0] == w && is_trigger(c))
            });
            if slow {
                prop_assert!(lex.may_trigger(&text, &tokens));
            }
        }
    }

    #[test]
    fn the_filter_lets_every_first_word_through() {
        let lex = Lexicon::default_lexicon().expect("lexicon");
        for cue in lex.cues() {
            assert!(lex.may_start(&cue.words[0]), "{:?}", cue.words);
        }
    }
}
