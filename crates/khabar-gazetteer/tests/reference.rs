//! The fast matcher against a deliberately simple reference: tokenize the text, and try
//! every alias of every entry at every token, comparing folded tokens one by one.

use khabar_gazetteer::{Entry, Gazetteer, MatchKind, Scratch, is_acronym};
use khabar_tokenize::{FoldOptions, Span, fold_str_with, tokenize};
use proptest::prelude::*;

/// A kept token: span, case-insensitive fold, case-sensitive fold.
struct RefTok {
    span: Span,
    ci: String,
    cs: String,
}

fn ref_tokens(text: &str, strip: bool) -> Vec<RefTok> {
    let ci = FoldOptions {
        case_fold: true,
        strip_diacritics: strip,
        collapse_whitespace: false,
    };
    let cs = FoldOptions {
        case_fold: false,
        ..ci
    };
    tokenize(text)
        .into_iter()
        .map(|t| RefTok {
            span: t.span,
            ci: fold_str_with(t.text(text), ci).into_owned(),
            cs: fold_str_with(t.text(text), cs).into_owned(),
        })
        .filter(|t| !t.ci.is_empty())
        .collect()
}

fn is_hyphen(t: &RefTok) -> bool {
    t.ci.chars().all(|c| c == '-')
}

/// Whether the spacing between two tokens matters and they touch.
fn joined(a: &RefTok, b: &RefTok) -> bool {
    a.span.end == b.span.start && !is_hyphen(a) && !is_hyphen(b)
}

/// One reference match: token range, and (entry index, alias, alias is case-insensitive,
/// alias position in the entry) of every matching alias.
type Found = ((usize, usize), Vec<(usize, String, bool, usize)>);

/// Every match, by trying every alias at every token.
fn reference_all(
    entries: &[Entry],
    strip: bool,
    auto_cs: bool,
    text: &str,
) -> (Vec<RefTok>, Vec<Found>) {
    let toks = ref_tokens(text, strip);
    let mut found: Vec<Found> = Vec::new();
    for (ei, e) in entries.iter().enumerate() {
        let mut aliases: Vec<&str> = Vec::new();
        for a in std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.case_sensitive)
        {
            if !aliases.contains(&a.as_str()) {
                aliases.push(a);
            }
        }
        for (ai, alias) in aliases.iter().enumerate() {
            let cs = e.case_sensitive.iter().any(|c| c == alias) || (auto_cs && is_acronym(alias));
            let at = ref_tokens(alias, strip);
            if at.is_empty() {
                continue;
            }
            for i in 0..toks.len() {
                let Some(window) = toks.get(i..i + at.len()) else {
                    continue;
                };
                let same = (0..at.len()).all(|k| {
                    window[k].ci == at[k].ci
                        && (!cs || window[k].cs == at[k].cs)
                        && (k == 0
                            || joined(&window[k - 1], &window[k]) == joined(&at[k - 1], &at[k]))
                });
                if same {
                    let key = (i, i + at.len() - 1);
                    let cand = (ei, alias.to_string(), !cs, ai);
                    match found.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, c)) => c.push(cand),
                        None => found.push((key, vec![cand])),
                    }
                }
            }
        }
    }
    found.sort_by_key(|(k, _)| *k);
    (toks, found)
}

/// A match as compared: span, entry ids best first, alias of the best entry.
type Flat = (Span, Vec<String>, String);

fn flatten(entries: &[Entry], toks: &[RefTok], f: &Found) -> Flat {
    let ((i, j), cands) = f;
    let mut cands = cands.clone();
    // Best entry first (priority, then order); within an entry a case-insensitive alias
    // first, then the first listed.
    cands.sort_by(|a, b| {
        entries[b.0]
            .priority
            .cmp(&entries[a.0].priority)
            .then(a.0.cmp(&b.0))
            .then(b.2.cmp(&a.2))
            .then(a.3.cmp(&b.3))
    });
    let mut ids: Vec<String> = Vec::new();
    for c in &cands {
        if !ids.contains(&entries[c.0].id) {
            ids.push(entries[c.0].id.clone());
        }
    }
    let span = Span::new(toks[*i].span.start, toks[*j].span.end);
    (span, ids, cands[0].1.clone())
}

fn reference_find(
    entries: &[Entry],
    strip: bool,
    auto_cs: bool,
    text: &str,
    overlapping: bool,
) -> Vec<Flat> {
    let (toks, found) = reference_all(entries, strip, auto_cs, text);
    if overlapping {
        return found.iter().map(|f| flatten(entries, &toks, f)).collect();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let longest = found
            .iter()
            .filter(|((s, _), _)| *s == i)
            .max_by_key(|((_, e), _)| *e);
        match longest {
            Some(f) => {
                out.push(flatten(entries, &toks, f));
                i = f.0.1 + 1;
            }
            None => i += 1,
        }
    }
    out
}

fn fast_find(gz: &Gazetteer, text: &str, overlapping: bool) -> Vec<Flat> {
    let ms = if overlapping {
        gz.find_overlapping(text)
    } else {
        gz.find(text)
    };
    ms.iter()
        .map(|m| {
            (
                m.span(),
                m.entries().map(|e| e.id().to_string()).collect(),
                m.alias().to_string(),
            )
        })
        .collect()
}

const WORDS: &[&str] = &[
    "Kabul",
    "kabul",
    "KABUL",
    "IS",
    "is",
    "Is",
    "US",
    "us",
    "K",
    "k",
    "ISIS",
    "Taliban",
    "Pakistani",
    "al",
    "Qaeda",
    "Kunaṟ",
    "Kunar",
    "KUNAR",
    "İstanbul",
    "straße",
    "STRASSE",
    "Da’esh",
    "Da'esh",
    "LeI",
    "e",
    "Jhangvi",
    "U.S.",
    "Alami",
    "Khorasan",
    "Jowzjān",
    "Jowzjan",
    "e\u{301}",
    "é",
    "Naṅgarhār",
    "2017",
    "4,000",
    "Dr.",
    "ISK",
    "P",
];

const SEPS: &[&str] = &[
    " ", " ", " ", "-", "–", " –", "- ", " - ", "\n", "\u{a0}", "", ", ", " (", ") ", ". ", "’s ",
    "'s ", "  ", "\r\n", "—", ": ", "\"", "’", "\u{ad}",
];

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS).prop_map(str::to_owned)
}

fn alias() -> impl Strategy<Value = String> {
    (
        word(),
        prop::collection::vec(
            (
                prop::sample::select(&[" ", "-", " - ", "", "’s", " "][..]),
                word(),
            ),
            0..3,
        ),
    )
        .prop_map(|(first, rest)| {
            let mut s = first;
            for (sep, w) in rest {
                s.push_str(sep);
                s.push_str(&w);
            }
            s
        })
}

fn entries() -> impl Strategy<Value = Vec<Entry>> {
    prop::collection::vec(
        (
            alias(),
            prop::collection::vec(alias(), 0..3),
            prop::collection::vec(alias(), 0..2),
            0i32..3,
        ),
        1..7,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (name, aliases, cs, priority))| Entry {
                id: format!("E{i}"),
                name,
                label: "X".into(),
                aliases,
                case_sensitive: cs,
                priority,
                ..Entry::default()
            })
            .collect()
    })
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((word(), prop::sample::select(SEPS)), 0..25).prop_map(|parts| {
        let mut s = String::new();
        for (w, sep) in parts {
            s.push_str(&w);
            s.push_str(sep);
        }
        s
    })
}

/// Text that reuses the gazetteer's own aliases, so that matches are frequent.
fn text_with(entries: &[Entry], picks: &[(usize, usize, u8)]) -> String {
    let mut s = String::new();
    for &(e, a, case) in picks {
        let e = &entries[e % entries.len()];
        let all: Vec<&String> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.case_sensitive)
            .collect();
        let alias = all[a % all.len()];
        let mut alias = match case % 4 {
            0 => alias.to_uppercase(),
            1 => alias.to_lowercase(),
            _ => alias.clone(),
        };
        // Vary the spacing inside the alias as news text does.
        alias = match (case / 4) % 6 {
            0 => alias.replace('-', " –"),
            1 => alias.replace('-', "– "),
            2 => alias.replace('-', " - "),
            3 => alias.replace(' ', "\n"),
            4 => alias.replace(' ', "\u{a0} "),
            _ => alias.replace(' ', ""),
        };
        s.push_str(&alias);
        s.push_str(SEPS[usize::from(case) % SEPS.len()]);
    }
    s
}

fn build(entries: &[Entry], strip: bool, auto_cs: bool) -> Gazetteer {
    let mut b = Gazetteer::builder();
    b.strip_diacritics(strip).auto_case_sensitive(auto_cs);
    for e in entries {
        b.add(e.clone())
            .unwrap_or_else(|err| panic!("entry {e:?}: {err}"));
    }
    b.build().unwrap_or_else(|err| panic!("{err}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn fast_equals_reference_on_random_text(
        es in entries(), t in text(), strip in any::<bool>(), auto in any::<bool>(), overlapping in any::<bool>()
    ) {
        let gz = build(&es, strip, auto);
        prop_assert_eq!(fast_find(&gz, &t, overlapping), reference_find(&es, strip, auto, &t, overlapping), "text {:?}", t);
    }

    #[test]
    fn fast_equals_reference_on_alias_rich_text(
        es in entries(),
        picks in prop::collection::vec((0usize..10, 0usize..10, any::<u8>()), 0..12),
        strip in any::<bool>(), auto in any::<bool>(), overlapping in any::<bool>()
    ) {
        let t = text_with(&es, &picks);
        let gz = build(&es, strip, auto);
        prop_assert_eq!(fast_find(&gz, &t, overlapping), reference_find(&es, strip, auto, &t, overlapping), "text {:?}", t);
    }

    /// Matching on the caller's tokens gives what matching on the text gives.
    #[test]
    fn tokens_given_equal_text_given(
        es in entries(),
        picks in prop::collection::vec((0usize..10, 0usize..10, any::<u8>()), 0..12),
        t in text(), strip in any::<bool>(), auto in any::<bool>(), overlapping in any::<bool>()
    ) {
        let gz = build(&es, strip, auto);
        let kind = if overlapping { MatchKind::Overlapping } else { MatchKind::LeftmostLongest };
        for t in [t, text_with(&es, &picks)] {
            let mut scratch = Scratch::new();
            let (mut want, mut got) = (Vec::new(), Vec::new());
            gz.find_into(&t, kind, &mut scratch, &mut want);
            gz.find_tokens_into(&t, &tokenize(&t), kind, &mut scratch, &mut got);
            prop_assert_eq!(&got, &want, "text {:?}", t);
        }
    }

    #[test]
    fn saved_and_loaded_matches_the_same(es in entries(), t in text()) {
        let gz = build(&es, true, true);
        let bytes = gz.to_bytes().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again = Gazetteer::from_bytes(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(fast_find(&gz, &t, false), fast_find(&again, &t, false));
    }

    #[test]
    fn corrupt_bytes_never_panic(es in entries(), t in text(), flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let gz = build(&es, false, true);
        let mut bytes = gz.to_bytes().map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (at, x) in flips {
            let n = bytes.len();
            if let Some(b) = bytes.get_mut(8 + at % (n - 8)) {
                *b ^= x;
            }
        }
        if let Ok(g) = Gazetteer::from_bytes(&bytes) {
            for m in g.find_overlapping(&t) {
                let _ = m.alias();
                for e in m.entries() {
                    let _ = (e.id(), e.name(), e.parent().is_some(), e.attrs().count());
                }
            }
        }
    }
}
