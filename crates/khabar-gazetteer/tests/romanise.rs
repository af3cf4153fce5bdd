//! Romanised spellings: every generated variant of an alias finds its entry, and the
//! matcher equals a deliberately simple reference that compares tokens one by one under the
//! documented rule (crate docs of `khabar_gazetteer::romanise`).

use khabar_gazetteer::romanise::{english_key, spelling_key, variants};
use khabar_gazetteer::{Entry, Gazetteer};
use khabar_tokenize::tokenize;
use proptest::prelude::*;
use std::collections::{BTreeSet, HashSet};

/// Words of Perso-Arabic place names, several spellings of some.
const WORDS: &[&str] = &[
    "Nahr",
    "Saraj",
    "Sarraj",
    "Seraj",
    "Qosh",
    "Qush",
    "Tepa",
    "Barakzai",
    "Barakzayi",
    "Nawa",
    "Nava",
    "Dasht",
    "Qala",
    "Qalah",
    "Kala",
    "Pul",
    "Alam",
    "Khumri",
    "Deh",
    "Rawud",
    "Rahwod",
    "Char",
    "Chahar",
    "Bolak",
    "Kariz",
    "Sang",
    "Ezzat",
    "Izat",
    "Shahr",
    "Safa",
];
/// What may stand between two words of a text or an alias.
const JOINS: &[&str] = &[" ", "-", "-e ", "-e-", " e ", "-i-", " i ", " wa ", "-o-"];

/// An alias of one or two words.
fn alias() -> impl Strategy<Value = String> {
    (
        prop::sample::select(WORDS),
        prop::option::of((prop::sample::select(JOINS), prop::sample::select(WORDS))),
    )
        .prop_map(|(a, rest)| match rest {
            None => a.to_owned(),
            Some((j, b)) => format!("{a}{j}{b}"),
        })
}

/// A text: words (in any of three cases) and joins.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            0..3u8,
            prop::sample::select(JOINS),
        ),
        1..12,
    )
    .prop_map(|parts| {
        let mut s = String::from("In ");
        for (w, case, j) in parts {
            match case {
                0 => s.push_str(w),
                1 => s.push_str(&w.to_lowercase()),
                _ => s.push_str(&w.to_uppercase()),
            }
            s.push_str(j);
        }
        s.push('.');
        s
    })
}

/// Folded tokens (lower-case) and spans.
fn toks(s: &str) -> Vec<(usize, usize, String, String)> {
    tokenize(s)
        .into_iter()
        .map(|t| {
            let raw = t.text(s).to_owned();
            (t.span.start, t.span.end, raw.to_lowercase(), raw)
        })
        .collect()
}

/// Every match by trying every compiled form of every entry at every token.
fn reference(gz: &Gazetteer, entries: &[Entry], text: &str) -> BTreeSet<(usize, usize, String)> {
    let dropped: HashSet<(String, String)> = gz
        .dropped_variants()
        .iter()
        .filter(|d| d.reason == "alias of another entry")
        .filter_map(|d| Some((d.entry?.id().to_owned(), d.variant.to_owned())))
        .collect();
    // The forms each entry is compiled with; the tokens of romanised forms ("members");
    // every alias token; the keys of one-token romanised forms.
    let mut forms: Vec<(String, String)> = Vec::new();
    let mut members: HashSet<String> = HashSet::new();
    let mut vocab: HashSet<String> = HashSet::new();
    let mut alone: HashSet<String> = HashSet::new();
    for e in entries {
        let romanised = e.label == "GPE";
        let mut all = vec![e.name.clone()];
        all.extend(e.aliases.iter().cloned());
        for a in all {
            let mut fs = vec![a.clone()];
            if romanised {
                fs.extend(variants(&a));
            }
            for f in fs {
                let ts = toks(&f);
                for t in &ts {
                    vocab.insert(t.2.clone());
                    if romanised {
                        members.insert(t.2.clone());
                        if ts.len() == 1 {
                            if let Some(k) = spelling_key(&t.2) {
                                alone.insert(k);
                            }
                        }
                    }
                }
                if !dropped.contains(&(e.id.clone(), f.clone())) {
                    forms.push((e.id.clone(), f));
                }
            }
        }
    }
    let enabled = |k: &str| !(english_key(k) && alone.contains(k));
    let title = |raw: &str| {
        let mut cs = raw.chars();
        cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && cs.next().is_some_and(|c| c.is_ascii_lowercase())
    };
    let same = |t: &(usize, usize, String, String), a: &str| {
        if t.2 == a {
            return true;
        }
        let (Some(kt), Some(ka)) = (spelling_key(&t.3), spelling_key(a)) else {
            return false;
        };
        members.contains(a)
            && kt == ka
            && enabled(&ka)
            && (members.contains(&t.2) || !vocab.contains(&t.2) && title(&t.3))
    };
    let tt = toks(text);
    let mut out = BTreeSet::new();
    for (id, f) in &forms {
        let ft = toks(f);
        for i in 0..tt.len() {
            if i + ft.len() <= tt.len()
                && ft.iter().enumerate().all(|(k, a)| same(&tt[i + k], &a.2))
            {
                out.insert((tt[i].0, tt[i + ft.len() - 1].1, id.clone()));
            }
        }
    }
    out
}

fn fast(gz: &Gazetteer, text: &str) -> BTreeSet<(usize, usize, String)> {
    let mut out = BTreeSet::new();
    for m in gz.find_overlapping(text) {
        for e in m.entries() {
            out.insert((m.start(), m.end(), e.id().to_owned()));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Every connector variant of an alias (but those left out as English), written in title
    /// case, finds its entry, with the exact span.
    #[test]
    fn every_variant_finds_its_entry(a in alias()) {
        let gz = Gazetteer::builder()
            .romanise(true)
            .entry(Entry::new("P", a.as_str(), "GPE").with_country("AF"))
            .build()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        // A variant that is a common English phrase is left out, and said so.
        let dropped: HashSet<String> =
            gz.dropped_variants().iter().map(|d| d.variant.to_owned()).collect();
        for v in variants(&a).into_iter().filter(|v| !dropped.contains(v)) {
            let titled: String = v
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                })
                .collect::<Vec<_>>()
                .join(" ");
            let text = format!("Fighting in {titled} today.");
            let found = gz.find(&text);
            prop_assert!(
                found.iter().any(|m| m.entry().id() == "P" && m.as_str(&text) == titled),
                "{a} → {titled}: {:?}", found.iter().map(|m| m.as_str(&text)).collect::<Vec<_>>()
            );
        }
    }

    /// A word respelled with the same spelling key, in title case, is still found.
    #[test]
    fn respelled_words_find_their_entry(a in prop::sample::select(WORDS), b in prop::sample::select(WORDS)) {
        let name = format!("{a} {b}");
        let gz = Gazetteer::builder()
            .romanise(true)
            .entry(Entry::new("P", name.as_str(), "GPE").with_country("AF"))
            .build()
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for other in WORDS.iter().filter(|w| spelling_key(w) == spelling_key(a)) {
            let text = format!("Fighting in {other} {b} today.");
            let found = gz.find(&text);
            prop_assert!(found.iter().any(|m| m.entry().id() == "P"), "{name} vs {text}");
        }
    }

    /// The matcher (find_overlapping) equals the reference on random entries and texts.
    #[test]
    fn fast_path_equals_the_reference(
        places in prop::collection::vec(prop::collection::vec(alias(), 1..3), 1..4),
        org in prop::collection::vec(alias(), 0..2),
        text in text(),
    ) {
        let mut entries: Vec<Entry> = places
            .iter()
            .enumerate()
            .map(|(i, als)| {
                Entry::new(format!("P{i}"), als[0].as_str(), "GPE")
                    .with_country("AF")
                    .with_aliases(als[1..].iter().map(String::as_str))
            })
            .collect();
        if let Some(first) = org.first() {
            entries.push(
                Entry::new("ORG", first.as_str(), "ORG")
                    .with_aliases(org[1..].iter().map(String::as_str)),
            );
        }
        let mut b = Gazetteer::builder();
        b.romanise(true).auto_case_sensitive(false);
        for e in &entries {
            b.entry(e.clone());
        }
        let gz = b.build().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(fast(&gz, &text), reference(&gz, &entries, &text), "{}", text);
    }
}

#[test]
fn without_romanise_nothing_changes() {
    let gz = Gazetteer::builder()
        .entry(Entry::new("P", "Nahr-e Saraj", "GPE").with_country("AF"))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(gz.find("Nahri Sarraj").is_empty());
    assert_eq!(gz.find("Nahr-e Saraj").len(), 1);
}
