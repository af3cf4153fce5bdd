//! Tense and modality: which way the clause around an underspecified date points.
//!
//! "in May", "on Saturday", "December 17" name a day or month without its year or week; the
//! verb of the clause says whether it is the last one or the next one. Past-tense reporting
//! ("the attack happened on Saturday", "talks were held in May") keeps the past reading;
//! announcements ("elections are scheduled for May", "the match was postponed until
//! Saturday", "polls open in May", "the minister will visit on Friday", "talks are to resume
//! in June") read forward.
//!
//! The rules are tables of cues, each with the direction it gives: multi-word [`PHRASES`]
//! first, then single words ([`FUTURE_WORDS`], [`PAST_WORDS`], [`SCHEDULED`]), the present
//! progressive ("are meeting": forward) and the regular past tense (a word in "-ed"). The cue nearest to the date wins, looking back first within the
//! clause (up to [`BACK`] tokens, never across a sentence end), then forward ([`AHEAD`]
//! tokens): "officials said on Friday that the vote will be held" is the past Friday ("said"
//! comes first going back), "On Saturday, the team will play" the next Saturday (nothing
//! before it, "will" after it). Without any cue the extractor's default direction holds.

use crate::date::Direction;
use crate::date::grammar::Grammar;
use khabar_tokenize::TokenKind;

/// How far back the clause is searched for a cue (tokens).
pub(crate) const BACK: usize = 12;
/// How far forward the clause is searched when nothing before the date decided (tokens).
pub(crate) const AHEAD: usize = 8;

/// A named cue: its words (lowercase, in sequence), the direction it gives and an example.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    /// The rule's name (shown when its example fails).
    pub(crate) name: &'static str,
    /// The words, lowercase.
    pub(crate) words: &'static [&'static str],
    /// The direction the cue gives the date.
    pub(crate) dir: Direction,
    /// An example sentence whose date the cue turns (tested).
    pub(crate) example: &'static str,
}

const F: Direction = Direction::Future;
const P: Direction = Direction::Past;

/// Multi-word cues, tried before the single words (so "postponed until" is not the past
/// tense of "postpone").
pub(crate) const PHRASES: &[Cue] = &[
    Cue {
        name: "going-to",
        words: &["going", "to"],
        dir: F,
        example: "They are going to vote in May.",
    },
    Cue {
        name: "be-to",
        words: &["are", "to"],
        dir: F,
        example: "Talks are to resume in June.",
    },
    Cue {
        name: "be-to",
        words: &["is", "to"],
        dir: F,
        example: "The envoy is to arrive on Saturday.",
    },
    Cue {
        name: "to-be",
        words: &["to", "be"],
        dir: F,
        example: "The results, to be announced on Friday, are awaited.",
    },
    Cue {
        name: "set-to",
        words: &["set", "to"],
        dir: F,
        example: "Parliament is set to vote on Thursday.",
    },
    Cue {
        name: "set-for",
        words: &["set", "for"],
        dir: F,
        example: "The hearing was set for March 3.",
    },
    Cue {
        name: "ahead-of",
        words: &["ahead", "of"],
        dir: F,
        example: "Security was tightened ahead of Friday prayers.",
    },
    Cue {
        name: "put-off",
        words: &["put", "off"],
        dir: F,
        example: "The decision was put off until Monday.",
    },
    Cue {
        name: "pushed-back",
        words: &["pushed", "back"],
        dir: F,
        example: "The deadline was pushed back to June.",
    },
    Cue {
        name: "moved-to",
        words: &["moved", "to"],
        dir: F,
        example: "The summit has been moved to Thursday.",
    },
    Cue {
        name: "extended-until",
        words: &["extended", "until"],
        dir: F,
        example: "The ceasefire was extended until Sunday.",
    },
    Cue {
        name: "extended-to",
        words: &["extended", "to"],
        dir: F,
        example: "The curfew was extended to May 5.",
    },
    Cue {
        name: "closed-until",
        words: &["closed", "until"],
        dir: F,
        example: "Schools were closed until Monday.",
    },
    Cue {
        name: "suspended-until",
        words: &["suspended", "until"],
        dir: F,
        example: "Flights were suspended until Friday.",
    },
    Cue {
        name: "takes-place",
        words: &["takes", "place"],
        dir: F,
        example: "The vote takes place in May.",
    },
    Cue {
        name: "take-place",
        words: &["will", "take"],
        dir: F,
        example: "The vote will take place in May.",
    },
    Cue {
        name: "kicks-off",
        words: &["kicks", "off"],
        dir: F,
        example: "The tournament kicks off on Saturday.",
    },
    Cue {
        name: "comes-into-force",
        words: &["comes", "into"],
        dir: F,
        example: "The law comes into force in July.",
    },
    Cue {
        name: "takes-effect",
        words: &["takes", "effect"],
        dir: F,
        example: "The ban takes effect on Monday.",
    },
    Cue {
        name: "goes-into-effect",
        words: &["goes", "into"],
        dir: F,
        example: "The rule goes into effect in June.",
    },
    Cue {
        name: "modal-perfect",
        words: &["would", "have"],
        dir: P,
        example: "He would have turned 60 on Friday.",
    },
    Cue {
        name: "modal-perfect",
        words: &["could", "have"],
        dir: P,
        example: "The attack could have happened on Friday.",
    },
    Cue {
        name: "modal-perfect",
        words: &["may", "have"],
        dir: P,
        example: "The militants may have crossed the border in May.",
    },
    Cue {
        name: "modal-perfect",
        words: &["might", "have"],
        dir: P,
        example: "He might have left on Friday.",
    },
    Cue {
        name: "modal-perfect",
        words: &["must", "have"],
        dir: P,
        example: "The bomb must have been planted on Saturday.",
    },
    Cue {
        name: "to-have",
        words: &["to", "have"],
        dir: P,
        example: "He is believed to have died on Friday.",
    },
];

/// Single words that point forward: future auxiliaries, modals, plans and schedules.
pub(crate) const FUTURE_WORDS: &[(&str, &str)] = &[
    ("will", "The minister will visit on Friday."),
    ("'ll", "We'll meet on Monday."),
    ("’ll", "We’ll meet on Monday."),
    ("shall", "The court shall rule in June."),
    ("wo", "They won't vote until May."),
    ("gonna", "It's gonna open on Saturday."),
    ("would", "He said he would resign in May."),
    ("should", "The report should be ready by Friday."),
    ("must", "Troops must leave by September."),
    ("might", "The vote might slip to June."),
    ("can", "Voters can register until Friday."),
    ("due", "The report is due in May."),
    ("scheduled", "Elections are scheduled for May."),
    ("rescheduled", "The match was rescheduled for Sunday."),
    ("slated", "The launch is slated for June."),
    ("planned", "A rally is planned for Saturday."),
    ("plans", "The government plans to hold talks in May."),
    ("plan", "They plan to return in June."),
    ("planning", "Organisers are planning a rally on Saturday."),
    ("intends", "She intends to travel in July."),
    ("intend", "They intend to vote in May."),
    ("aims", "The team aims to finish by June."),
    ("hopes", "He hopes to return in June."),
    ("wants", "The council wants to vote in June."),
    ("seeks", "The party seeks to form a government by June."),
    ("expected", "The verdict is expected on Thursday."),
    ("expects", "The ministry expects a decision in May."),
    ("expect", "Analysts expect a deal in June."),
    ("postponed", "The match was postponed until Saturday."),
    ("delayed", "The vote was delayed until June."),
    ("deferred", "The hearing was deferred to Monday."),
    ("adjourned", "The court adjourned the case until Monday."),
    ("upcoming", "The upcoming vote in May is contested."),
    ("forthcoming", "The forthcoming talks in June."),
    ("coming", "The coming Saturday is a holiday."),
    ("soon", "The bridge will soon reopen in May."),
];

/// Single words that point back: past forms of common irregular verbs, perfect auxiliaries
/// and past adverbs. (Regular past forms in "-ed" are recognised by their ending.)
pub(crate) const PAST_WORDS: &[&str] = &[
    "fed",
    "bled",
    "sped",
    "felt",
    "slept",
    "dealt",
    "lent",
    "bent",
    "built",
    "sat",
    "stuck",
    "hung",
    "swung",
    "dug",
    "shone",
    "drew",
    "ate",
    "rode",
    "shook",
    "tore",
    "sank",
    "rang",
    "withdrew",
    "undertook",
    "overtook",
    "arose",
    "sprang",
    "sang",
    "swam",
    "drank",
    "forbade",
    "was",
    "were",
    "had",
    "did",
    "has",
    "have",
    "said",
    "told",
    "came",
    "went",
    "took",
    "began",
    "left",
    "met",
    "made",
    "saw",
    "gave",
    "fell",
    "rose",
    "won",
    "lost",
    "struck",
    "fought",
    "spoke",
    "wrote",
    "sent",
    "led",
    "found",
    "became",
    "got",
    "ran",
    "brought",
    "thought",
    "knew",
    "stood",
    "shot",
    "fled",
    "held",
    "hit",
    "killed",
    "overran",
    "blew",
    "broke",
    "caught",
    "chose",
    "drove",
    "flew",
    "forgot",
    "froze",
    "grew",
    "heard",
    "hid",
    "kept",
    "laid",
    "meant",
    "paid",
    "sold",
    "sought",
    "spent",
    "stole",
    "swore",
    "taught",
    "threw",
    "understood",
    "woke",
    "wore",
    "ago",
    "already",
    "previously",
    "recently",
    "earlier",
    "yesterday",
];

/// Present-tense verbs of scheduled events: in news a present tense with a date is an
/// announcement ("polls open in May", "the talks begin on Monday").
pub(crate) const SCHEDULED: &[&str] = &[
    "open",
    "opens",
    "reopen",
    "reopens",
    "begin",
    "begins",
    "start",
    "starts",
    "end",
    "ends",
    "close",
    "closes",
    "resume",
    "resumes",
    "expire",
    "expires",
    "meet",
    "meets",
    "convene",
    "convenes",
    "visit",
    "visits",
    "arrive",
    "arrives",
    "depart",
    "departs",
    "launch",
    "launches",
    "hold",
    "holds",
    "vote",
    "votes",
    "head",
    "heads",
    "travel",
    "travels",
    "return",
    "returns",
    "play",
    "plays",
    "face",
    "faces",
    "host",
    "hosts",
    "run",
    "runs",
    "remain",
    "remains",
    "lasts",
    "continue",
    "continues",
    "go",
    "goes",
    "leave",
    "leaves",
    "fly",
    "flies",
    "premieres",
    "airs",
    "debuts",
    "kick",
    "release",
    "releases",
    "celebrate",
    "celebrates",
    "mark",
    "marks",
    "observe",
    "observes",
    "decide",
    "decides",
    "rule",
    "rules",
    "announce",
    "announces",
    "sign",
    "signs",
    "take",
    "takes",
];

/// Words before a [`SCHEDULED`] word that make it a noun ("the vote on Friday", "his
/// visit in May"), not a verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "'s", "’s", "first", "last", "next", "final", "s", "of", "and", "or", "in", "on",
    "at", "for", "with", "by", "from", "whose", "no", "any", "each", "every",
];

/// Plural or pronoun subjects before a bare (not "-s") [`SCHEDULED`] form: "polls open",
/// "they meet".
const PRONOUNS: &[&str] = &[
    "they", "we", "you", "i", "both", "all", "who", "which", "that",
];

fn sentence_end(g: &Grammar<'_>, k: usize) -> bool {
    g.punct(k, &[".", "!", "?", ";", ":"])
}

/// The lowercase word at `k` (ASCII), or `None` for punctuation, numbers and long words.
fn lower(g: &Grammar<'_>, k: usize, buf: &mut [u8; 24]) -> Option<usize> {
    let t = g.tokens.get(k)?;
    if t.kind != TokenKind::Word {
        return None;
    }
    let s = g.txt(k).as_bytes();
    if s.len() > buf.len() {
        return None;
    }
    for (d, c) in buf.iter_mut().zip(s) {
        *d = c.to_ascii_lowercase();
    }
    Some(s.len())
}

/// What a (lowercase) word is to the cue tables, as bit flags: one hash lookup per token
/// instead of a scan of every table (the slow scan is the reference in the tests).
mod class {
    pub(super) const PHRASE_FIRST: u8 = 1;
    pub(super) const FUTURE: u8 = 2;
    pub(super) const PAST: u8 = 4;
    pub(super) const SCHEDULED: u8 = 8;
    pub(super) const DETERMINER: u8 = 16;
    pub(super) const PRONOUN: u8 = 32;
}

fn classes() -> &'static std::collections::HashMap<&'static str, u8> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = std::collections::HashMap::new();
        let mut add = |w: &'static str, f: u8| *t.entry(w).or_insert(0) |= f;
        for c in PHRASES {
            if let Some(w) = c.words.first() {
                add(w, class::PHRASE_FIRST);
            }
        }
        FUTURE_WORDS.iter().for_each(|(w, _)| add(w, class::FUTURE));
        PAST_WORDS.iter().for_each(|w| add(w, class::PAST));
        SCHEDULED.iter().for_each(|w| add(w, class::SCHEDULED));
        DETERMINERS.iter().for_each(|w| add(w, class::DETERMINER));
        PRONOUNS.iter().for_each(|w| add(w, class::PRONOUN));
        t
    })
}

/// A word's flags ([`class`]); 0 for words in no table.
fn flags(w: &str) -> u8 {
    classes().get(w).copied().unwrap_or(0)
}

/// Membership of a word in the cue tables: by the hash table, or (the reference) by
/// scanning the tables.
#[derive(Clone, Copy)]
struct Tables {
    slow: bool,
}

impl Tables {
    fn has(self, w: &str, f: u8) -> bool {
        if !self.slow {
            return flags(w) & f != 0;
        }
        match f {
            class::PHRASE_FIRST => PHRASES.iter().any(|c| c.words.first() == Some(&w)),
            class::FUTURE => FUTURE_WORDS.iter().any(|(x, _)| *x == w),
            class::PAST => PAST_WORDS.contains(&w),
            class::SCHEDULED => SCHEDULED.contains(&w),
            class::DETERMINER => DETERMINERS.contains(&w),
            _ => PRONOUNS.contains(&w),
        }
    }
}

/// The cue that begins at token `k`, if any, and how many tokens it takes. A cue must end
/// before `limit` (the date's first token, when looking back).
pub(crate) fn cue_at(g: &Grammar<'_>, k: usize, limit: usize) -> Option<(Direction, usize)> {
    cue_at_with(g, k, limit, Tables { slow: false })
}

fn cue_at_with(
    g: &Grammar<'_>,
    k: usize,
    limit: usize,
    tables: Tables,
) -> Option<(Direction, usize)> {
    let mut buf = [0u8; 24];
    let n = lower(g, k, &mut buf)?;
    let w = std::str::from_utf8(buf.get(..n)?).ok()?;
    if tables.has(w, class::PHRASE_FIRST) {
        for c in PHRASES {
            let n = c.words.len();
            if k + n <= limit && c.words.iter().enumerate().all(|(o, w)| g.word_is(k + o, w)) {
                return Some((c.dir, n));
            }
        }
    }
    // Lowercase "may" is the modal; the month is capitalised.
    if (w == "may" && g.txt(k) == "may") || tables.has(w, class::FUTURE) {
        return Some((F, 1));
    }
    let mut pbuf = [0u8; 24];
    let prev_len = k.checked_sub(1).and_then(|p| lower(g, p, &mut pbuf));
    let prev = prev_len
        .and_then(|n| std::str::from_utf8(pbuf.get(..n)?).ok())
        .unwrap_or("");
    if tables.has(w, class::SCHEDULED) {
        // After a determiner or punctuation it is a noun ("the vote on Friday").
        let noun = tables.has(prev, class::DETERMINER) || (k > 0 && prev_len.is_none());
        let third = w.ends_with('s') && !w.ends_with("ss");
        let subject = tables.has(prev, class::PRONOUN)
            || (prev.len() > 3
                && prev.ends_with('s')
                && !prev.ends_with("ss")
                && !matches!(prev, "this" | "thus" | "was" | "has" | "his" | "its"));
        return (!noun && (third || subject)).then_some((F, 1));
    }
    // The present progressive is an arrangement: "the leaders are meeting in May".
    if w.len() > 4 && w.ends_with("ing") && matches!(prev, "is" | "are" | "am" | "'re" | "’re") {
        return Some((F, 1));
    }
    // A participle after a form of "be" is a passive whose auxiliary decides: "will be
    // held", "is to be released".
    if matches!(
        prev,
        "be" | "been" | "being" | "is" | "are" | "am" | "to" | "'s" | "’s" | "will"
    ) {
        return None;
    }
    if tables.has(w, class::PAST) {
        return Some((P, 1));
    }
    // The regular past: "attacked", "announced" (not "need", "hundred").
    let regular_past = w.len() > 4
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && w != "hundred"
        && g.txt(k).chars().next().is_some_and(|c| c.is_lowercase());
    regular_past.then_some((P, 1))
}

/// The direction the clause around the match `[start, end)` gives, if it says one.
pub(crate) fn clause_direction(g: &Grammar<'_>, start: usize, end: usize) -> Option<Direction> {
    let lo = start.saturating_sub(BACK);
    for k in (lo..start).rev() {
        if sentence_end(g, k) {
            break;
        }
        if let Some((d, _)) = cue_at(g, k, start) {
            return Some(d);
        }
    }
    let hi = (end + AHEAD).min(g.t.len());
    for k in end..hi {
        if sentence_end(g, k) {
            break;
        }
        if let Some((d, _)) = cue_at(g, k, usize::MAX) {
            return Some(d);
        }
    }
    None
}

/// Every cue's name, example sentence and the direction it gives (for the tests).
pub fn cue_examples() -> Vec<(&'static str, &'static str, Direction)> {
    PHRASES
        .iter()
        .map(|c| (c.name, c.example, c.dir))
        .chain(FUTURE_WORDS.iter().map(|(w, e)| (*w, *e, F)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::grammar::classify;
    use khabar_tokenize::Tokenizer;

    fn both_agree(text: &str) {
        let tokens = Tokenizer::default().tokenize(text);
        let tks = classify(text, &tokens);
        let g = Grammar::new(text, &tokens, &tks, crate::date::DayOrder::DayFirst);
        for k in 0..tokens.len() {
            for limit in [k + 1, k + 2, k + 3, usize::MAX] {
                assert_eq!(
                    cue_at_with(&g, k, limit, Tables { slow: false }),
                    cue_at_with(&g, k, limit, Tables { slow: true }),
                    "{text:?} at {k}"
                );
            }
        }
    }

    /// Every word of the tense tables.
    fn table_words() -> Vec<&'static str> {
        PAST_WORDS
            .iter()
            .chain(SCHEDULED)
            .chain(DETERMINERS)
            .chain(PRONOUNS)
            .copied()
            .chain(FUTURE_WORDS.iter().map(|(w, _)| *w))
            .collect()
    }

    /// The hash lookup gives what scanning the tables gives, on every cue's example and on
    /// every table word in several contexts.
    #[test]
    fn fast_lookup_agrees_with_the_tables() {
        for (_, e, _) in cue_examples() {
            both_agree(e);
        }
        let words = table_words();
        for w in &words {
            for before in ["the", "polls", "they", "is", "was", "."] {
                both_agree(&format!("{before} {w} on Friday"));
            }
        }
    }

    proptest::proptest! {
        /// Random sequences of table words and other words: both lookups agree.
        #[test]
        fn fast_lookup_agrees_on_random_clauses(
            picks in proptest::collection::vec(0usize..400, 1..12)
        ) {
            let mut words = table_words();
            words.extend(["May", "may", "Friday", "in", "on", ".", ",", "police", "attacked"]);
            let text: Vec<&str> = picks.iter().map(|p| words[p % words.len()]).collect();
            both_agree(&text.join(" "));
        }
    }
}
