//! The cue lexicon: a table of words and phrases with what each one signals, read from a
//! TSV file (`data/cues.tsv`, embedded) and extendable with files of the same format.

use crate::Error;
use crate::types::{EventType, Role, VictimClass};
use crate::wordhash::FirstWords;
use khabar_tokenize::{Token, TokenKind, tokenize};
use khabar_tokenize::{hash_word, is_folded_word};

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

/// A cue lexicon, indexed by the hash of its cues' first words for matching.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    cues: Vec<Cue>,
    /// The hashes of each cue's words ([`hash_word`]), parallel to `cues`.
    hashes: Vec<Box<[u64]>>,
    /// Lists of the cues sharing a first word, longest first (then in the order added).
    lists: Vec<Vec<usize>>,
    /// First word's hash → its list.
    first: FirstWords,
    /// The same for the cues that bear on whether a sentence is read ([`bearing`]), for the
    /// gate before the full matching ([`Lexicon::gate`]).
    gate_lists: Vec<Vec<usize>>,
    gate_first: FirstWords,
}

/// A cue that can make its sentence report something: a role, event or claim cue, or a
/// negation that is a zero by itself ("no casualties").
pub(crate) const TRIGGER: u8 = 1;
/// A militant noun or modifier: a count of them can be a force's size.
pub(crate) const MILITANT: u8 = 2;
/// Any other negation: it makes the rules read the sentence, and yields nothing alone.
pub(crate) const NEGATION: u8 = 4;

/// How a cue bears on whether its sentence is read (`TRIGGER`, `MILITANT`, `NEGATION` or
/// 0): the one classification the gate, the hits and the extractor's test share.
pub(crate) fn bearing(kind: CueKind, value: CueValue) -> u8 {
    let claim = kind == CueKind::Agent && value == CueValue::Tag("claim");
    let zero = kind == CueKind::Neg && value == CueValue::Tag("zero");
    if matches!(kind, CueKind::After | CueKind::Before | CueKind::Event) || claim || zero {
        TRIGGER
    } else if matches!(kind, CueKind::Noun | CueKind::Modifier)
        && matches!(value, CueValue::Class(VictimClass::Militants, _))
    {
        MILITANT
    } else if kind == CueKind::Neg {
        NEGATION
    } else {
        0
    }
}

/// Adds cue `i` to the list of `first` in `table`/`lists` (a new list when `first` has
/// none); the list's index.
fn list_for(table: &mut FirstWords, lists: &mut Vec<Vec<usize>>, first: u64, i: usize) -> usize {
    let l = match table.get(first) {
        Some(l) => l,
        None => {
            lists.push(Vec::new());
            table.insert(first, lists.len() - 1);
            lists.len() - 1
        }
    };
    if let Some(list) = lists.get_mut(l) {
        if !list.contains(&i) {
            list.push(i);
        }
    }
    l
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
        let hashes: Box<[u64]> = cue.words.iter().map(|w| hash_word(w.as_bytes())).collect();
        let first = hashes[0];
        if bearing(cue.kind, cue.value) != 0 {
            let i = self
                .cues
                .iter()
                .position(|c| c.kind == cue.kind && c.words == cue.words)
                .unwrap_or(self.cues.len());
            list_for(&mut self.gate_first, &mut self.gate_lists, first, i);
        }
        if let Some(i) = self
            .cues
            .iter()
            .position(|c| c.kind == cue.kind && c.words == cue.words)
        {
            self.cues[i] = cue;
            return;
        }
        let i = self.cues.len();
        let list = list_for(&mut self.first, &mut self.lists, first, i);
        self.cues.push(cue);
        self.hashes.push(hashes);
        if let Some(list) = self.lists.get_mut(list) {
            let cues = &self.cues;
            list.sort_by_key(|&j| std::cmp::Reverse(cues[j].words.len()));
        }
    }

    /// The bearings ([`bearing`]) of the cues that match somewhere in `tokens`, OR-ed:
    /// a quick look before the full matching, exact for "no" (a cue the full matching
    /// finds is found here, or a longer one of its kind). Stops at the first trigger or
    /// militant word.
    pub(crate) fn gate(&self, text: &str, tokens: &[Token], hashes: &[u64]) -> u8 {
        let mut found = 0;
        for (i, &h) in hashes.iter().enumerate() {
            let Some(list) = self.gate_first.get(h).and_then(|l| self.gate_lists.get(l)) else {
                continue;
            };
            for &c in list {
                let (Some(cue), Some(want)) = (self.cues.get(c), self.hashes.get(c)) else {
                    continue;
                };
                let fits = hashes
                    .get(i..i + want.len())
                    .is_some_and(|got| got.iter().zip(want.iter()).all(|(a, b)| a == b))
                    && tokens.get(i..i + want.len()).is_some_and(|ts| {
                        ts.iter()
                            .zip(&cue.words)
                            .all(|(t, w)| is_folded_word(text, t, w))
                    });
                if fits {
                    found |= bearing(cue.kind, cue.value);
                    if found & (TRIGGER | MILITANT) != 0 {
                        return found;
                    }
                }
            }
        }
        found
    }

    /// The cues.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// Every cue matching at token `i`, for each kind the longest one (ties: the first
    /// added), as `found(cue, end)` in that order. `hashes` holds each token's
    /// `word_hash`; a cue whose hashes match is checked word by word, so a collision
    /// never makes a false match.
    #[inline]
    pub(crate) fn matches_at(
        &self,
        text: &str,
        tokens: &[Token],
        hashes: &[u64],
        i: usize,
        found: impl FnMut(usize, usize),
    ) {
        let list = hashes
            .get(i)
            .and_then(|&h| self.first.get(h))
            .and_then(|l| self.lists.get(l));
        if let (Some(list), Some(t)) = (list, tokens.get(i)) {
            self.matches_in(list, text, tokens, hashes, i, t, found);
        }
    }

    /// [`Lexicon::matches_at`] for the cues of `list`, which start with token `t`'s hash.
    #[allow(clippy::too_many_arguments)]
    fn matches_in(
        &self,
        list: &[usize],
        text: &str,
        tokens: &[Token],
        hashes: &[u64],
        i: usize,
        t: &Token,
        mut found: impl FnMut(usize, usize),
    ) {
        // the first word is the same for the whole list: checked once
        let first_word = list
            .first()
            .and_then(|&c| self.cues.get(c))
            .map(|c| &c.words[0]);
        if !first_word.is_some_and(|w| is_folded_word(text, t, w)) {
            return;
        }
        let mut kinds: u32 = 0;
        for &c in list {
            let (Some(cue), Some(want)) = (self.cues.get(c), self.hashes.get(c)) else {
                continue;
            };
            let n = want.len();
            let bit = 1u32 << (cue.kind as u32);
            let fits = kinds & bit == 0
                && (n == 1
                    || hashes.get(i + 1..i + n).is_some_and(|got| {
                        got.iter().zip(&want[1..]).all(|(a, b)| a == b)
                            && tokens[i + 1..i + n]
                                .iter()
                                .zip(&cue.words[1..])
                                .all(|(t, w)| is_folded_word(text, t, w))
                    }));
            if fits {
                kinds |= bit;
                found(c, i + n);
            }
        }
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
pub(crate) mod tests {
    use super::*;
    use khabar_tokenize::word_hash;
    use proptest::prelude::*;

    /// The slow, obviously-correct form of a token's word: the tokenizer's own folding.
    pub(crate) fn reference_word(text: &str, t: &Token) -> String {
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

    /// The slow, obviously-correct matcher: every cue of the lexicon compared word by
    /// word with the folded words at `i`; for each kind the longest (ties: the first added).
    pub(crate) fn reference_matches(
        lex: &Lexicon,
        words: &[String],
        i: usize,
    ) -> Vec<(usize, usize)> {
        let mut fitting: Vec<usize> = (0..lex.cues().len())
            .filter(|&c| {
                let cue = &lex.cues()[c];
                words.get(i..i + cue.words.len()) == Some(&cue.words[..])
            })
            .collect();
        fitting.sort_by_key(|&c| std::cmp::Reverse(lex.cues()[c].words.len()));
        let mut kinds = Vec::new();
        let mut out = Vec::new();
        for c in fitting {
            let kind = lex.cues()[c].kind;
            if !kinds.contains(&kind) {
                kinds.push(kind);
                out.push((c, i + lex.cues()[c].words.len()));
            }
        }
        out
    }

    proptest! {
        #[test]
        fn hashed_matching_is_the_reference_matching(
            text in "(killed|Killed|were|no|NOT|not|blast|suicide|car bomb|the|a|policeman|\
                     lost their|lives|said|in|custody|é|Té|4|five| |,|-|'s){0,16}"
        ) {
            let lex = Lexicon::default_lexicon().expect("lexicon");
            let tokens = tokenize(&text);
            let hashes: Vec<u64> = tokens.iter().map(|t| word_hash(&text, t)).collect();
            let words: Vec<String> = tokens.iter().map(|t| reference_word(&text, t)).collect();
            for i in 0..tokens.len() {
                let mut fast = Vec::new();
                lex.matches_at(&text, &tokens, &hashes, i, |c, end| fast.push((c, end)));
                prop_assert_eq!(fast, reference_matches(&lex, &words, i));
            }
        }
    }

    proptest! {
        #[test]
        fn the_gate_misses_no_cue_that_bears(
            text in "(killed|were|no|not|never|in|custody|the|militants|Militant|commanders|\
                     said|claimed|responsibility|program|4| |,|-){0,16}"
        ) {
            let lex = Lexicon::default_lexicon().expect("lexicon");
            let tokens = tokenize(&text);
            let hashes: Vec<u64> = tokens.iter().map(|t| word_hash(&text, t)).collect();
            let words: Vec<String> = tokens.iter().map(|t| reference_word(&text, t)).collect();
            let full = (0..tokens.len())
                .flat_map(|i| reference_matches(&lex, &words, i))
                .map(|(c, _)| bearing(lex.cues()[c].kind, lex.cues()[c].value))
                .fold(0, |a, b| a | b);
            let gate = lex.gate(&text, &tokens, &hashes);
            if gate & (TRIGGER | MILITANT) == 0 {
                prop_assert_eq!(full & (TRIGGER | MILITANT), 0);
                prop_assert_eq!(full & NEGATION, gate & NEGATION);
            }
        }
    }

    #[test]
    fn every_cue_matches_its_own_words() {
        let lex = Lexicon::default_lexicon().expect("lexicon");
        for (c, cue) in lex.cues().iter().enumerate() {
            let text = cue.words.join(" ");
            let tokens = tokenize(&text);
            let hashes: Vec<u64> = tokens.iter().map(|t| word_hash(&text, t)).collect();
            let mut found = Vec::new();
            lex.matches_at(&text, &tokens, &hashes, 0, |k, _| found.push(k));
            let same_kind_longer = found.iter().any(|&k| {
                lex.cues()[k].kind == cue.kind && lex.cues()[k].words.len() >= cue.words.len()
            });
            assert!(found.contains(&c) || same_kind_longer, "{:?}", cue.words);
        }
    }
}
